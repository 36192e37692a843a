// Applies the reader's remembered theme before the first paint, so a page never flashes in
// the wrong colours while the app loads. The app changes it later (src/source/theme.rs).
(function () {
  try {
    var theme = localStorage.getItem("signal-of-hope:theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (e) {
    // Storage unavailable (a sandboxed frame, privacy settings): follow the system theme.
  }
  // A page framed on a partner's site reports its height to that page (docs/embedding.md).
  if (/\/embed\/(articles|cards)\//.test(location.pathname)) {
    var frame = document.createElement("script");
    frame.src = new URL("embed/v1/frame.js", document.baseURI).href;
    document.head.appendChild(frame);
  }
})();
