// Renders the stand-in embed after the load event (frame.js has run by then, so it has to
// wait for .embed-root): a headline, a few paragraphs and links, like the app's embed pages.
(function () {
  "use strict";
  var match = /\/embed\/(articles|cards)\/([^/?#]+)/.exec(location.pathname);
  function render() {
    var root = document.createElement("div");
    root.className = "embed-root";
    root.setAttribute("data-embed-state", "loading");
    document.body.appendChild(root);
    if (!match) {
      root.setAttribute("data-embed-state", "error");
      root.textContent = "Not an embed route.";
      return;
    }
    var kind = match[1] === "cards" ? "card" : "article";
    var slug = decodeURIComponent(match[2]);
    var theme = new URLSearchParams(location.search).get("theme") || "auto";
    root.setAttribute("data-kind", kind);
    root.setAttribute("data-theme", theme);
    var h1 = document.createElement("h1");
    h1.textContent = "Stand-in " + kind + ": " + slug;
    root.appendChild(h1);
    var count = kind === "card" ? 1 : 6;
    for (var i = 0; i < count; i += 1) {
      var p = document.createElement("p");
      p.textContent =
        "Paragraph " + (i + 1) + ". Researchers reported a result that rewraps when the frame is narrower, " +
        "because this sentence is long enough to need more than one line in a narrow column of text.";
      root.appendChild(p);
    }
    var nav = document.createElement("p");
    var read = document.createElement("a");
    read.id = "read-on";
    read.href = "articles/" + encodeURIComponent(slug); // resolves against <base href="/">
    read.textContent = "Read on Signal of Hope";
    nav.appendChild(read);
    nav.appendChild(document.createTextNode(" · "));
    var jump = document.createElement("a");
    jump.id = "jump";
    jump.href = location.href.split("#")[0] + "#top";
    jump.setAttribute("target", "_self");
    jump.textContent = "Back to top";
    nav.appendChild(jump);
    root.appendChild(nav);
    root.setAttribute("data-embed-state", "ready");
  }
  if (document.readyState === "complete") render();
  else window.addEventListener("load", render);
})();
