// Applies the reader's remembered theme before the first paint, so a page never flashes in
// the wrong colours while the app loads. The app changes it later (src/source/theme.rs).
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
