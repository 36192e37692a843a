// Signal of Hope embeds, the framed side (v1). Runs inside <site>/embed/articles/<slug> and
// <site>/embed/cards/<slug> (loaded by boot.js as a classic script, possibly before the app
// has rendered), and tells the host page how tall the content is, in every resize protocol a
// host may speak. No globals but `SignalEmbedFrame`; no inline code or styles (CSP-safe).
//
// The framed page's URL:  …/embed/<articles|cards>/<slug>?theme=…&embedId=<id>[&childId=<pym id>]#?secret=<secret>
//   embedId  our loader's id for the frame;  childId  pym.js's id;  secret  WordPress-style
//   (and our loader's) shared secret; each absent -> null.
//
// Sent to window.parent, targetOrigin "*" (the host is unknown), on every height report; the
// height is .embed-root's border-box height in CSS px, rounded up (an integer):
//   1. ours         { type: "signal-embed:height", height, id: embedId, secret }
//   2. AMP          { sentinel: "amp", type: "embed-size", height }
//   3. pym.js       "pymxPYMx<childId>xPYMxheightxPYMx<height>"          (only with a childId)
//   4. WordPress    { message: "height", value: height, secret }           (only with a secret)
//   5. Datawrapper  { "datawrapper-height": { "<secret|childId|embedId|path>": height } }
//   6. Embedly      JSON.stringify({ context: "iframe.resize", src: location.href, height })
// Received from window.parent (any other sender is ignored):
//   { type: "signal-embed:ask", secret }        -> ours at once (secret must equal ours if we have one)
//   { message: "ready", secret }                -> all of the above at once (WordPress handshake;
//                                                  only when we have a secret and it matches)
//   "pymxPYMx<childId>xPYMxwidthxPYMx<w>"        -> the pym height message at once
// Links, only when the frame is sandboxed into an opaque origin (where a target=_blank link
// may not open): the click is cancelled and the host is asked to open the link instead:
//   WordPress   { message: "link", value: href, secret }
//   ours        { type: "signal-embed:link", href, id: embedId, secret }
// Elsewhere links are left alone (the page's <base target="_blank"> opens them in a new tab).
//
// Reports are sent on load, when fonts are ready, whenever .embed-root's size changes
// (ResizeObserver) and after DOM changes and subresource loads, skipping changes of 1px or less. Runaway growth is refused: heights are
// capped at MAX_HEIGHT, and if the height grows on RUNAWAY_COUNT reports in a row within
// RUNAWAY_WINDOW ms (content that grows with its frame, e.g. 100vh + x, grows once a frame),
// no further increase is reported for the life of the page (decreases still are).
(function () {
  "use strict";
  var w = window;
  if (w.SignalEmbedFrame) return;

  var MAX_HEIGHT = 20000;
  var RUNAWAY_COUNT = 30;
  var RUNAWAY_WINDOW = 2000;

  var parentWindow = null;
  try {
    parentWindow = w.parent !== w ? w.parent : null;
  } catch (e) {
    parentWindow = null;
  }

  function param(name) {
    try {
      return new URLSearchParams(w.location.search).get(name);
    } catch (e) {
      return null;
    }
  }
  function fragmentSecret() {
    try {
      // The last secret: WordPress appends its own to the one in an oEmbed document's URL
      // (`#?secret=a#?secret=b`) and sizes the frame by it. The loader reads alike.
      var match = /#(?:.*[?&])?secret=([^&#]*)/.exec(w.location.hash || "");
      return match ? decodeURIComponent(match[1]) || null : null;
    } catch (e) {
      return null;
    }
  }
  // Read now: the app's router may rewrite the URL later.
  var embedId = param("embedId");
  var childId = param("childId");
  var secret = fragmentSecret();
  // The key of Datawrapper's message. Its older listener finds the frame by
  // `iframe[src*='<key>']`, so the key is something in the frame's own URL: the secret (one
  // per frame), pym's or our loader's id, else the path (a pasted iframe); cut before a quote
  // or a backslash, which would break that selector.
  var dwId = (secret || childId || embedId || w.location.pathname).split(/['\\]/)[0];

  var root = null;
  var resizeObserver = null;
  var lastSent = null; // the last height reported
  var cap = MAX_HEIGHT; // lowered to the current height when runaway growth is detected
  var growStreak = 0; // increases in a row
  var streakStart = 0; // when the first of them was reported

  function post(message) {
    if (!parentWindow) return;
    try {
      parentWindow.postMessage(message, "*");
    } catch (e) {
      // A detached or inaccessible parent: nothing to tell.
    }
  }

  function measure() {
    if (!root || !root.isConnected) return null;
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (!(height >= 0)) return null;
    return Math.min(height, cap);
  }

  function ours(height) {
    post({ type: "signal-embed:height", height: height, id: embedId, secret: secret });
  }
  function pym(height) {
    if (childId !== null) post("pymxPYMx" + childId + "xPYMxheightxPYMx" + height);
  }
  function sendAll(height) {
    ours(height);
    post({ sentinel: "amp", type: "embed-size", height: height });
    pym(height);
    if (secret !== null) post({ message: "height", value: height, secret: secret });
    var dw = {};
    dw[dwId] = height;
    post({ "datawrapper-height": dw });
    var src = "";
    try {
      src = w.location.href;
    } catch (e) {
      src = "";
    }
    post(JSON.stringify({ context: "iframe.resize", src: src, height: height }));
  }

  /** Reports the height if it changed by more than 1px (or always, with `force`). */
  function report(force) {
    var height = measure();
    if (height === null) return;
    if (!force && lastSent !== null && Math.abs(height - lastSent) <= 1) return;
    if (lastSent !== null && height > lastSent) {
      var now = Date.now();
      if (growStreak === 0 || now - streakStart > RUNAWAY_WINDOW) {
        growStreak = 0;
        streakStart = now;
      }
      growStreak += 1;
      if (growStreak >= RUNAWAY_COUNT) {
        // Growing on every report: the content grows with the frame. Stop here.
        cap = lastSent;
        height = lastSent;
        if (!force) return;
      }
    } else if (lastSent !== null && height < lastSent) {
      growStreak = 0;
    }
    lastSent = height;
    sendAll(height);
  }

  function attach() {
    var found = null;
    try {
      found = document.querySelector(".embed-root");
    } catch (e) {
      found = null;
    }
    if (found === root) return;
    if (resizeObserver && root) resizeObserver.unobserve(root);
    root = found;
    if (!root) return;
    if (resizeObserver) resizeObserver.observe(root); // its first callback reports
    else report(false);
  }

  try {
    if (typeof w.ResizeObserver === "function") {
      resizeObserver = new w.ResizeObserver(function () {
        report(false);
      });
    }
  } catch (e) {
    resizeObserver = null;
  }

  // .embed-root may not exist yet, and the app may replace it: watch the document. Content
  // changes are also measured here, because browsers pause ResizeObserver in a frame that is
  // out of view (Chromium throttles offscreen cross-origin frames), and an embed above the
  // reader's viewport must still tell the host it changed (the loader keeps the reader's place).
  try {
    new w.MutationObserver(function () {
      if (!root || !root.isConnected) attach();
      report(false);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  } catch (e) {
    // No MutationObserver: the load event below still finds it.
  }
  attach();
  // Images and other subresources that finish loading (load does not bubble: capture it).
  document.addEventListener(
    "load",
    function () {
      report(false);
    },
    true,
  );

  function later() {
    attach();
    report(false);
  }
  w.addEventListener("load", later);
  w.addEventListener("resize", later);
  document.addEventListener("DOMContentLoaded", later);
  try {
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(later, function () {});
  } catch (e) {
    // No font loading API.
  }

  // The host asks for the height.
  w.addEventListener("message", function (event) {
    if (!parentWindow || event.source !== parentWindow) return;
    var data = event.data;
    if (typeof data === "string") {
      var pymWidth = "pymxPYMx" + childId + "xPYMxwidthxPYMx";
      if (childId !== null && data.indexOf(pymWidth) === 0) {
        var h = measure();
        if (h !== null) pym(h);
      }
      return;
    }
    if (!data || typeof data !== "object") return;
    if (data.type === "signal-embed:ask") {
      if (secret !== null && data.secret !== secret) return;
      attach();
      var height = measure();
      if (height !== null) {
        lastSent = height;
        ours(height);
      }
    } else if (data.message === "ready" && secret !== null && data.secret === secret) {
      attach();
      report(true);
    }
  });

  // Links in a sandboxed frame (opaque origin): let the host open them.
  var opaque = false;
  try {
    opaque = w.origin === "null" || w.location.origin === "null";
  } catch (e) {
    opaque = false;
  }
  if (opaque && parentWindow) {
    document.addEventListener(
      "click",
      function (event) {
        if (event.defaultPrevented || event.button !== 0) return;
        var target = event.target;
        var link = target && target.closest ? target.closest("a[href]") : null;
        if (!link) return;
        var href = link.href;
        var url;
        try {
          url = new URL(href);
        } catch (e) {
          return;
        }
        if (url.protocol !== "http:" && url.protocol !== "https:") return;
        var here = w.location.href.split("#")[0];
        if (url.hash && href.split("#")[0] === here) return; // a jump within the page
        event.preventDefault();
        post({ message: "link", value: href, secret: secret });
        post({ type: "signal-embed:link", href: href, id: embedId, secret: secret });
      },
      true,
    );
  }

  w.SignalEmbedFrame = {
    version: 1,
    /** Reports the current height now, to every protocol. */
    report: function () {
      attach();
      report(true);
    },
  };
})();
