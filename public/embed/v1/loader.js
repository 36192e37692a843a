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
// Inline mode (data-mode="inline" on the blockquote): no iframe. The app is loaded into the host
// page once (its index.html read inertly for the glue module, the wasm, the stylesheet and the
// API base; `SignalEmbed.inline = true` tells the wasm not to mount the whole site), and each
// blockquote becomes <div class="signal-embed-inline"> with an open shadow root holding
// <div class="signal-inline" data-theme="light|dark"> into which `mount_inline` renders the view.
// Every shadow root adopts one shared constructable stylesheet: the app's CSS with :root/html/
// body mapped to .signal-inline and rem turned into px (so the host's root font size does not
// apply); --signal-accent and --signal-font, set by the host, cross the shadow boundary.
// Until the app is ready (or if it cannot load) the blockquote stays: the fallback link.
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
      showFrame(record);
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

  /**
   * A frame from an oEmbed document (WordPress's markup) comes after a blockquote with the same
   * `data-secret`, its link for readers without the frame: once the frame reports, it shows in
   * the blockquote's place, as WordPress's own script does.
   */
  function showFrame(record) {
    var secret = record.iframe.getAttribute("data-secret");
    if (!secret || record.shown) return;
    record.shown = true;
    var quotes = doc.querySelectorAll("blockquote.wp-embedded-content[data-secret]");
    for (var i = 0; i < quotes.length; i += 1) {
      if (quotes[i].getAttribute("data-secret") === secret) quotes[i].style.display = "none";
    }
    record.iframe.style.removeProperty("position");
    record.iframe.style.removeProperty("visibility");
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

  // ---- Inline mode --------------------------------------------------------------------------

  var inlineApp = null; // the promise of { mount, sheet, apiBase }, once per page
  var pendingInline = []; // blockquotes waiting for it

  function fetchText(url) {
    return w.fetch(url, { mode: "cors", credentials: "omit" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
      return response.text();
    });
  }

  /** The selector list `selectors` for the shadow root: :root, html and body become .signal-inline. */
  function inlineSelectors(selectors) {
    var parts = [];
    var depth = 0;
    var start = 0;
    for (var i = 0; i < selectors.length; i += 1) {
      var c = selectors.charAt(i);
      if (c === "(" || c === "[") depth += 1;
      else if (c === ")" || c === "]") depth -= 1;
      else if (c === "," && depth === 0) {
        parts.push(selectors.slice(start, i));
        start = i + 1;
      }
    }
    parts.push(selectors.slice(start));
    var seen = {};
    var out = [];
    for (var j = 0; j < parts.length; j += 1) {
      var sel = parts[j]
        .trim()
        .replace(/^:root(?![\w-])/, ".signal-inline")
        .replace(/^html(?:\.embed)?(?![\w-])/, ".signal-inline")
        .replace(/^\.signal-inline\s*>?\s*body(?![\w-])/, ".signal-inline")
        .replace(/^body(?![\w-])/, ".signal-inline");
      if (!seen[sel]) out.push(sel);
      seen[sel] = true;
    }
    return out.join(", ");
  }

  /** Rewrites the rules of `list` (and of the @media/@supports rules in it) in place. */
  function inlineRules(list) {
    for (var i = 0; i < list.length; i += 1) {
      var rule = list[i];
      if (rule.selectorText !== undefined && rule.style) {
        var mapped = inlineSelectors(rule.selectorText);
        if (mapped !== rule.selectorText) rule.selectorText = mapped;
        // The host may theme the embed: these cross the shadow boundary by inheritance.
        var overrides = { "--accent": "--signal-accent", "--summary-border": "--signal-accent", "--font-body": "--signal-font" };
        for (var name in overrides) {
          var value = rule.style.getPropertyValue(name);
          if (value) rule.style.setProperty(name, "var(" + overrides[name] + ", " + value.trim() + ")");
        }
      }
      if (rule.cssRules) inlineRules(rule.cssRules);
    }
  }

  /** The app's stylesheet, made for a shadow root: one constructable sheet for every embed. */
  function inlineSheet(css) {
    var text = css
      .replace(/\/\*[\s\S]*?\*\//g, "")
      // Sizes in px: the host's root font size (often 62.5%) must not scale the embed.
      .replace(/(^|[^\w.-])(-?\d*\.?\d+)rem(?![\w-])/g, function (all, before, n) {
        return before + String(Math.round(parseFloat(n) * 16 * 1000) / 1000) + "px";
      });
    var sheet = new w.CSSStyleSheet();
    sheet.replaceSync(text);
    inlineRules(sheet.cssRules);
    // Inherited properties the host set on the host element stop here; the embed paints its own background.
    sheet.insertRule(".signal-inline { all: initial; display: block; }", 0);
    sheet.insertRule(".signal-inline { background: var(--bg); }", sheet.cssRules.length);
    return sheet;
  }

  /** Loads the app into this page, once: its index.html says where the glue, wasm and CSS are. */
  function loadInlineApp() {
    if (inlineApp) return inlineApp;
    inlineApp = fetchText(APP + "index.html").then(function (html) {
      var index = new w.DOMParser().parseFromString(html, "text/html");
      function url(selector, attribute) {
        var el = index.querySelector(selector);
        var value = el && el.getAttribute(attribute);
        if (!value) throw new Error("no " + selector + " in " + APP + "index.html");
        return new URL(value, APP).href;
      }
      // The whole app's module, the one with the embed's entry point (the other
      // <meta name="signal:module">, marked data-article, is the article page alone).
      var whole = 'meta[name="signal:module"]:not([data-article])';
      var glueUrl = url(whole, "content");
      var wasmUrl = url(whole, "data-wasm");
      var cssUrl = url('link[rel="stylesheet"]', "href");
      var meta = index.querySelector('meta[name="signal:api-base"]');
      var apiBase = new URL((meta && meta.getAttribute("content")) || "data/", APP).href;
      var sheet = fetchText(cssUrl).then(inlineSheet);
      // Read by the wasm's main(): do not mount the whole site into the host page.
      w.SignalEmbed.inline = true;
      var app = import(glueUrl).then(function (glue) {
        return Promise.resolve(glue["default"]({ module_or_path: wasmUrl })).then(function () {
          if (typeof glue.mount_inline !== "function") throw new Error("the app has no mount_inline");
          return glue.mount_inline;
        });
      });
      return Promise.all([app, sheet]).then(function (done) {
        return { mount: done[0], sheet: done[1], apiBase: apiBase };
      });
    });
    return inlineApp;
  }

  function mountInline(app, quote) {
    if (!quote.isConnected || !quote.parentNode) return;
    var slug = quote.getAttribute("data-slug");
    var kind = quote.getAttribute("data-kind") === "card" ? "card" : "article";
    var theme = quote.getAttribute("data-theme");
    if (!THEMES[theme]) theme = "auto";
    var host = doc.createElement("div");
    host.className = "signal-embed-inline";
    host.setAttribute("data-slug", slug);
    host.setAttribute("data-kind", kind);
    host.setAttribute("data-theme", theme);
    var shadow = host.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = [app.sheet];
    var container = doc.createElement("div");
    container.className = "signal-inline";
    if (theme !== "auto") container.setAttribute("data-theme", theme);
    shadow.appendChild(container);
    quote.parentNode.replaceChild(host, quote);
    app.mount(container, kind, slug, theme, APP, app.apiBase);
  }

  function embedInline(quote) {
    if (pendingInline.indexOf(quote) !== -1) return;
    pendingInline.push(quote);
    loadInlineApp().then(
      function (app) {
        var quotes = pendingInline;
        pendingInline = [];
        for (var i = 0; i < quotes.length; i += 1) {
          try {
            mountInline(app, quotes[i]);
          } catch (e) {
            if (w.console) w.console.warn("Signal of Hope embed:", e);
          }
        }
      },
      function (error) {
        // The fallback links stay (a later SignalEmbed.scan() tries again). A warning, not an
        // error: the host page itself is fine.
        pendingInline = [];
        inlineApp = null;
        if (w.console) w.console.warn("Signal of Hope inline embeds could not load:", error);
      }
    );
  }

  // ---- Both modes -----------------------------------------------------------------------------

  // A lazy frame starts loading 1,250 px before it reaches the viewport in Chromium, but only
  // once it is in the viewport in WebKit (Safari), whose readers would see its empty box and
  // the page below it move: every browser gets Chromium's margin.
  var nearby =
    "IntersectionObserver" in w
      ? new w.IntersectionObserver(
          function (entries) {
            for (var i = 0; i < entries.length; i += 1) {
              if (!entries[i].isIntersecting) continue;
              nearby.unobserve(entries[i].target);
              entries[i].target.setAttribute("loading", "eager");
            }
          },
          { rootMargin: "1250px 0px" }
        )
      : null;

  function embed(quote) {
    var slug = quote.getAttribute("data-slug");
    if (!slug) return;
    if (quote.getAttribute("data-mode") === "inline") {
      embedInline(quote);
      return;
    }
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
    if (nearby) nearby.observe(iframe);
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
