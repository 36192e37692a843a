// Like the app's boot.js: storage may be unavailable (a sandboxed frame), and on the embed
// routes it loads embed/v1/frame.js relative to the document's base URL.
(function () {
  try {
    var theme = localStorage.getItem("signal-of-hope:theme");
    if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
  } catch (e) {
    // Storage unavailable.
  }
  if (/\/embed\/(articles|cards)\//.test(location.pathname)) {
    var script = document.createElement("script");
    script.src = new URL("embed/v1/frame.js", document.baseURI).href;
    document.head.appendChild(script);
  }
})();
