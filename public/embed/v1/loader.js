// Signal of Hope embeds, the host side (v1). Partner sites paste:
//
//   <blockquote class="signal-embed" data-slug="<slug>" data-kind="article|card" data-theme="light|dark|auto">
//     <a href="https://APP/articles/<slug>">Headline</a>      (the no-JS fallback)
//   </blockquote>
//   <script src="https://APP/embed/v1/loader.js" async></script>
//
// Each blockquote.signal-embed[data-slug] becomes an iframe of
//   <APP>/embed/<articles|cards>/<slug>?theme=<t>&embedId=<n>#?secret=<random>
// (<APP> is the directory two levels above this script's URL) that frame.js, inside it, keeps
// as tall as its content. No globals but `SignalEmbed`; no <style> elements, style
// attributes or inline scripts (styles are set through the CSSOM, which CSP allows).
//
// Messages, in both directions through postMessage:
//   from a frame  { type: "signal-embed:height", height, id, secret }   -> the frame's height
//                 { type: "signal-embed:link", href, id, secret }       -> open href (http(s)) in a new tab
//                 Applied only when event.source is one of our frames' windows, event.origin
//                 is that frame's origin (or "null", a sandboxed frame) and the secret is that
//                 frame's secret. Heights are clamped to MIN_HEIGHT..MAX_HEIGHT.
//   to a frame    { type: "signal-embed:ask", secret }                  -> "send your height now"
//                 (to frames that were already in the page: iframe.signal-embed-frame)
//
// SignalEmbed.scan() embeds blockquotes added later.
(function () {
  "use strict";
  var w = window;
  var doc = document;
  if (w.SignalEmbed && typeof w.SignalEmbed.scan === "function") {
    w.SignalEmbed.scan();
    return;
  }

  var MIN_HEIGHT = 50;
  var MAX_HEIGHT = 20000;
  var RESERVED = { article: 600, card: 260 }; // until the content's height arrives
  var THEMES = { light: 1, dark: 1, auto: 1 };

  function scriptUrl() {
    var current = doc.currentScript;
    if (current && current.src) return current.src;
    var scripts = doc.querySelectorAll("script[src]");
    for (var i = scripts.length - 1; i >= 0; i -= 1) {
      if (/\/embed\/v1\/loader\.js(?:[?#]|$)/.test(scripts[i].src)) return scripts[i].src;
    }
    return null;
  }
  var src = scriptUrl();
  if (!src) return;
  var APP = new URL("../../", src).href;

  var frames = []; // { iframe, secret, origin, id }
  var nextId = 1;

  function randomSecret() {
    var bytes = new Uint8Array(12);
    try {
      w.crypto.getRandomValues(bytes);
    } catch (e) {
      for (var i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
    }
    var out = "";
    for (var j = 0; j < bytes.length; j += 1) out += (bytes[j] + 256).toString(16).slice(1);
    return out;
  }

  function fragmentSecret(url) {
    var match = /#(?:.*[?&])?secret=([^&#]*)/.exec(url || "");
    if (!match) return null;
    try {
      return decodeURIComponent(match[1]) || null;
    } catch (e) {
      return null;
    }
  }

  function frameOf(source) {
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].iframe.contentWindow === source && source) return frames[i];
    }
    return null;
  }

  function setHeight(record, height) {
    var iframe = record.iframe;
    var old = iframe.getBoundingClientRect();
    var delta = height - old.height;
    if (Math.abs(delta) < 1) return;
    var before = w.pageYOffset;
    iframe.style.height = height + "px";
    iframe.getBoundingClientRect(); // lay out now, so scroll anchoring (if any) has run
    // A frame entirely above the viewport changed: keep what the reader sees where it is.
    // (Browsers with scroll anchoring may already have done it: only make up the rest.)
    if (old.bottom <= 0) {
      var missing = before + delta - w.pageYOffset;
      if (Math.abs(missing) >= 1) w.scrollBy(0, missing);
    }
  }

  function openLink(href) {
    var url;
    try {
      url = new URL(href);
    } catch (e) {
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return;
    w.open(url.href, "_blank", "noopener");
  }

  w.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string") return;
    if (data.type !== "signal-embed:height" && data.type !== "signal-embed:link") return;
    var record = frameOf(event.source);
    if (!record) return;
    if (event.origin !== record.origin && event.origin !== "null") return;
    if (record.secret === null ? data.secret != null || event.origin === "null" : data.secret !== record.secret) return;
    if (data.type === "signal-embed:height") {
      var height = Number(data.height);
      if (!isFinite(height)) return;
      setHeight(record, Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height))));
    } else if (typeof data.href === "string") {
      openLink(data.href);
    }
  });

  function ask(record) {
    try {
      record.iframe.contentWindow.postMessage({ type: "signal-embed:ask", secret: record.secret }, "*");
    } catch (e) {
      // Not loaded yet: its load event asks again.
    }
  }

  /** A frame that was in the page before the loader ran: ask it for its height. */
  function adopt(iframe) {
    var origin;
    try {
      origin = new URL(iframe.src, doc.baseURI).origin;
    } catch (e) {
      return;
    }
    var record = { iframe: iframe, secret: fragmentSecret(iframe.src), origin: origin };
    frames.push(record);
    iframe.addEventListener("load", function () {
      ask(record);
    });
    ask(record);
  }

  function embed(quote) {
    var slug = quote.getAttribute("data-slug");
    if (!slug) return;
    var kind = quote.getAttribute("data-kind") === "card" ? "card" : "article";
    var theme = quote.getAttribute("data-theme");
    if (!THEMES[theme]) theme = "auto";
    var link = quote.querySelector("a");
    var label = link ? link.textContent.replace(/\s+/g, " ").trim() : "";
    var id = String(nextId++);
    var secret = randomSecret();

    var iframe = doc.createElement("iframe");
    iframe.src =
      APP +
      "embed/" + (kind === "card" ? "cards" : "articles") + "/" + encodeURIComponent(slug) +
      "?theme=" + theme + "&embedId=" + id + "#?secret=" + secret;
    iframe.title = "Signal of Hope: " + (label || slug);
    iframe.setAttribute("loading", "lazy");
    iframe.className = "signal-embed-frame";
    iframe.setAttribute("data-slug", slug);
    iframe.setAttribute("data-kind", kind);
    iframe.setAttribute("data-theme", theme);
    // Full width, also in iOS Safari (which sizes iframes to their content unless this).
    iframe.style.width = "1px";
    iframe.style.minWidth = "100%";
    iframe.style.border = "0";
    iframe.style.display = "block";
    iframe.style.height = RESERVED[kind] + "px";

    frames.push({ iframe: iframe, secret: secret, origin: new URL(APP).origin, id: id });
    quote.parentNode.replaceChild(iframe, quote);
  }

  function scan() {
    frames = frames.filter(function (record) {
      return record.iframe.isConnected;
    });
    var quotes = doc.querySelectorAll("blockquote.signal-embed[data-slug]");
    for (var i = 0; i < quotes.length; i += 1) embed(quotes[i]);
    var existing = doc.querySelectorAll("iframe.signal-embed-frame");
    for (var j = 0; j < existing.length; j += 1) {
      if (!known(existing[j])) adopt(existing[j]);
    }
  }
  function known(iframe) {
    for (var i = 0; i < frames.length; i += 1) if (frames[i].iframe === iframe) return true;
    return false;
  }

  w.SignalEmbed = { version: 1, scan: scan };
  scan();
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", scan);
})();
