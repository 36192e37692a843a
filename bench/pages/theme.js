// The comparison pages' head script: what the app's boot.js (inline in its index.html) does
// for the theme, the one part of it these pages need. The bench inlines it in their <head>,
// in place of <script src="/theme.js">, as the app's is.
(function () {
  try {
    var theme = localStorage.getItem("signal-of-hope:theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (e) {
    // Storage unavailable: follow the system theme.
  }
})();
