// The embed self-test (/embed/check/): frames one article and one card, records every resize
// protocol they speak, and checks what this browser and this page's security policy allow.
// Plain ES5-level JavaScript, no dependencies; docs/embedding.md explains each check.
(function () {
  "use strict";

  var params = new URLSearchParams(location.search);
  var SLUG = params.get("slug") || "rare-liver-cancer-immunotherapy-amd3100";
  var THEME = /^(light|dark|auto)$/.test(params.get("theme") || "") ? params.get("theme") : "auto";
  var SANDBOX = params.get("sandbox") === "1";
  var WAIT_MS = Math.min(60, Math.max(1, Number(params.get("wait")) || 8)) * 1000;
  var MIN_HEIGHT = 50;
  var MAX_HEIGHT = 20000;
  var STATUS_TEXT = { ok: "OK", fail: "Fail", pending: "Pending" };

  // ---- checks list ----------------------------------------------------------------------

  function checkItem(name) {
    return document.querySelector('#checks li[data-check="' + name + '"]');
  }

  function setCheck(name, status, detail) {
    var li = checkItem(name);
    if (!li) return;
    li.setAttribute("data-status", status);
    li.querySelector(".status").textContent = STATUS_TEXT[status];
    li.querySelector(".detail").textContent = detail;
    updateSummary();
  }

  function statusOf(name) {
    var li = checkItem(name);
    return li ? li.getAttribute("data-status") : "";
  }

  function updateSummary() {
    var counts = { ok: 0, fail: 0, pending: 0 };
    var items = document.querySelectorAll("#checks li[data-check]");
    for (var i = 0; i < items.length; i++) {
      counts[items[i].getAttribute("data-status")] += 1;
    }
    var summary = document.getElementById("summary");
    var status = counts.fail ? "fail" : counts.pending ? "pending" : "ok";
    var text =
      counts.ok + " passed, " + counts.fail + " failed, " + counts.pending + " still running.";
    if (status === "ok") text = "All " + counts.ok + " checks passed.";
    if (status === "fail") text = "Problems found: " + text;
    summary.setAttribute("data-status", status);
    summary.textContent = text;
  }

  // ---- helpers --------------------------------------------------------------------------

  function randomSecret() {
    // Letters and digits only: WordPress's wp-embed.js ignores any other secret.
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    var out = "";
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] % 36).toString(36);
    return out;
  }

  function originOf(url) {
    try {
      var u = new URL(url, location.href);
      return u.origin !== "null" ? u.origin : u.protocol;
    } catch (e) {
      return String(url);
    }
  }

  function toNumber(value) {
    var n = typeof value === "number" ? value : parseFloat(value);
    return isFinite(n) ? n : NaN;
  }

  function brief(data) {
    var text;
    try {
      text = typeof data === "string" ? data : JSON.stringify(data);
    } catch (e) {
      text = String(data);
    }
    return text.length > 200 ? text.slice(0, 200) + "…" : text;
  }

  function log(text) {
    var list = document.getElementById("log");
    var li = document.createElement("li");
    li.textContent = new Date().toISOString().slice(11, 23) + " " + text;
    list.appendChild(li);
    while (list.children.length > 50) list.removeChild(list.firstChild);
  }

  // ---- the protocols --------------------------------------------------------------------

  // What a message is: { protocol, height?, link?, id?, secret? }, or null if it is none of ours.
  function classify(data) {
    if (typeof data === "string") {
      if (data.lastIndexOf("pymxPYMx", 0) === 0) {
        // pym.js: "pymxPYMx<id>xPYMx<type>xPYMx<value>"
        var parts = data.split("xPYMx");
        if (parts[2] === "height") return { protocol: "pym", id: parts[1], height: toNumber(parts[3]) };
        return { protocol: "pym", id: parts[1], other: parts[2] };
      }
      var parsed;
      try {
        parsed = JSON.parse(data);
      } catch (e) {
        return null;
      }
      if (parsed && parsed.context === "iframe.resize") {
        return { protocol: "embedly", height: toNumber(parsed.height), src: parsed.src };
      }
      return null;
    }
    if (!data || typeof data !== "object") return null;
    if (data.type === "signal-embed:height") {
      return { protocol: "ours", id: data.id, secret: data.secret, height: toNumber(data.height) };
    }
    if (data.type === "signal-embed:link") {
      return { protocol: "ours", id: data.id, secret: data.secret, link: String(data.href) };
    }
    if (data.sentinel === "amp" && data.type === "embed-size") {
      return { protocol: "amp", height: toNumber(data.height) };
    }
    if (data.message === "height") {
      return { protocol: "wordpress", secret: data.secret, height: toNumber(data.value) };
    }
    if (data.message === "link") {
      return { protocol: "wordpress", secret: data.secret, link: String(data.value) };
    }
    var dw = data["datawrapper-height"];
    if (dw && typeof dw === "object") {
      var key = Object.keys(dw)[0];
      return { protocol: "datawrapper", id: key, height: toNumber(dw[key]) };
    }
    return null;
  }

  // What is wrong with a message from this frame, or "" if nothing.
  function problemWith(frame, m) {
    if ((m.protocol === "ours" || m.protocol === "wordpress") && m.secret !== frame.secret) {
      return m.protocol + " message without this frame's secret (from #?secret=)";
    }
    if (m.protocol === "ours" && m.id !== frame.id) {
      return "ours: id " + JSON.stringify(m.id) + " is not the embedId " + frame.id;
    }
    if (m.protocol === "pym" && m.id !== frame.id) {
      return "pym: id " + JSON.stringify(m.id) + " is not the childId " + frame.id;
    }
    if (m.height !== undefined && !(m.height >= 0)) {
      return m.protocol + ": height is not a number";
    }
    return "";
  }

  // ---- the frames -----------------------------------------------------------------------

  var frames = [];

  function makeFrame(kind) {
    var frame = {
      kind: kind,
      id: "check-" + kind,
      secret: randomSecret(),
      loaded: false,
      blocked: false,
      heard: {},
      problems: [],
    };
    var url = new URL("../" + (kind === "article" ? "articles" : "cards") + "/" + encodeURIComponent(SLUG), location.href);
    url.searchParams.set("theme", THEME);
    url.searchParams.set("embedId", frame.id);
    url.searchParams.set("childId", frame.id);
    url.hash = "?secret=" + frame.secret;
    frame.url = url.href;

    var iframe = document.createElement("iframe");
    iframe.title = kind === "article" ? "Embedded article (self-test)" : "Embedded article card (self-test)";
    iframe.height = kind === "article" ? "600" : "320";
    iframe.setAttribute("data-secret", frame.secret);
    if (SANDBOX) iframe.setAttribute("sandbox", "allow-scripts");
    iframe.addEventListener("load", function () {
      frame.loaded = true;
      if (!SANDBOX) {
        // A same-origin frame whose location cannot be read is the browser's error page:
        // the response was refused (X-Frame-Options / frame-ancestors) or failed.
        try {
          void iframe.contentWindow.location.href;
        } catch (e) {
          frame.blocked = true;
        }
      }
      log(kind + ": load event");
      hello(frame);
      setTimeout(function () { hello(frame); }, 1000);
      setTimeout(function () { hello(frame); }, 3000);
      evaluateFrame(frame, false);
    });
    iframe.src = frame.url;
    frame.iframe = iframe;
    document.getElementById("frame-" + kind).appendChild(iframe);
    frames.push(frame);
    setCheck("frame-" + kind, "pending", "Loading " + frame.url + " …");
    setTimeout(function () { evaluateFrame(frame, true); }, WAIT_MS);
  }

  // Says hello the ways hosts do: WordPress's "ready" and our "ask"; each asks for the height.
  function hello(frame) {
    var w = frame.iframe.contentWindow;
    if (!w) return;
    // "*": a sandboxed frame's origin is "null", which no other target origin matches.
    w.postMessage({ message: "ready", secret: frame.secret }, "*");
    w.postMessage({ type: "signal-embed:ask", secret: frame.secret }, "*");
  }

  function evaluateFrame(frame, final) {
    var name = "frame-" + frame.kind;
    var heard = Object.keys(frame.heard);
    if (frame.problems.length) {
      setCheck(name, "fail", "Messages were wrong: " + frame.problems.join("; ") + ".");
      return;
    }
    if (frame.loaded && frame.blocked) {
      setCheck(
        name,
        "fail",
        "The browser showed an error page instead of " + frame.url + ": the app's server refused to be framed " +
          "(X-Frame-Options, or Content-Security-Policy frame-ancestors without this page" +
          (window.top !== window ? " and the page framing it" : "") + ") or the request failed. " +
          "Allow framing for /embed/ paths."
      );
      return;
    }
    if (frame.loaded && heard.length) {
      setCheck(name, "ok", "Loaded, and sent its height by " + heard.join(", ") + ".");
      return;
    }
    if (!final) return;
    if (!frame.loaded) {
      setCheck(name, "fail", "Did not finish loading within " + WAIT_MS / 1000 + " s: " + frame.url +
        " is unreachable or slow, or its framing was blocked (see policy violations: frame-src).");
    } else {
      setCheck(name, "fail", "Loaded, but sent no height message within " + WAIT_MS / 1000 + " s: the frame script " +
        "(embed/v1/frame.js) did not run or the app did not start. Look for policy violations (script-src, " +
        "'wasm-unsafe-eval', connect-src), and check that the data API answers with Access-Control-Allow-Origin" +
        (SANDBOX || self.origin === "null" ? " *, as sandboxed frames have the origin null." : "."));
    }
  }

  function frameFor(source) {
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].iframe.contentWindow === source) return frames[i];
    }
    return null;
  }

  function cell(protocol, kind, cls) {
    return document.querySelector(
      '#protocols tbody tr[data-protocol="' + protocol + '"] td.' + cls + '[data-frame="' + kind + '"]'
    );
  }

  window.addEventListener("message", function (event) {
    var frame = frameFor(event.source);
    if (!frame) return; // only our own frames
    var m = classify(event.data);
    log(frame.kind + " → " + (m ? m.protocol : "unrecognised") + ": " + brief(event.data) +
      " (origin " + event.origin + ")");
    if (!m) return;
    var problem = problemWith(frame, m);
    if (event.origin !== location.origin && event.origin !== "null") {
      problem = "message from origin " + event.origin + ", expected " + location.origin;
    }
    if (problem && frame.problems.indexOf(problem) < 0) frame.problems.push(problem);

    if (m.link !== undefined) {
      // A sandboxed frame without allow-popups hands its link clicks to the host; act on ours
      // only (WordPress's duplicate is logged), and only for web links.
      if (m.protocol === "ours" && !problem && /^https?:$/.test(new URL(m.link, location.href).protocol)) {
        window.open(m.link, "_blank", "noopener");
      }
      evaluateFrame(frame, false);
      return;
    }
    if (m.height === undefined) return;

    frame.heard[m.protocol] = true;
    cell(m.protocol, frame.kind, "heard").textContent = "yes";
    cell(m.protocol, frame.kind, "height").textContent = isFinite(m.height) ? Math.round(m.height) + " px" : "?";
    if (m.protocol === "ours" && !problem) {
      frame.iframe.height = String(Math.ceil(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, m.height))));
    }
    evaluateFrame(frame, false);
  });

  // ---- Content Security Policy ----------------------------------------------------------

  var violations = 0;

  function fixFor(directive, blocked) {
    var base = directive.replace(/-(elem|attr)$/, "");
    if (blocked === "wasm-eval" || (base === "script-src" && blocked === "eval")) {
      return "add 'wasm-unsafe-eval' to script-src (the reader is WebAssembly)";
    }
    if (blocked === "inline") {
      return "an inline " + (base === "style-src" ? "style" : "script") +
        " was refused; the embed code uses none, so it is the host page's own (add its hash, or move it to a file)";
    }
    if (base === "frame-ancestors") {
      return "the server of " + originOf(blocked) + " must allow this page in frame-ancestors";
    }
    if (base === "child-src") base = "frame-src";
    return "add " + originOf(blocked) + " to " + base;
  }

  document.addEventListener("securitypolicyviolation", function (e) {
    var directive = e.effectiveDirective || e.violatedDirective || "?";
    var blocked = e.blockedURI || "";
    var list = document.getElementById("violations");
    var none = list.querySelector(".none");
    if (none) list.removeChild(none);
    var li = document.createElement("li");
    li.setAttribute("data-directive", directive);
    li.textContent = directive + " refused " + (blocked || "something") +
      (e.disposition === "report" ? " (report-only, not enforced)" : "") + ". Fix: " + fixFor(directive, blocked) + ".";
    list.appendChild(li);
    violations += 1;
    setCheck("csp", "fail", violations + " violation" + (violations === 1 ? "" : "s") + " of this page's policy; see the list below.");
  });

  // ---- the checks -----------------------------------------------------------------------

  setCheck("script", "ok", "This page's script runs.");

  // Framing: is this page inside another one, and whose?
  (function () {
    var framed;
    try {
      framed = window.top !== window.self;
    } catch (e) {
      framed = true;
    }
    var ancestors = location.ancestorOrigins ? Array.prototype.slice.call(location.ancestorOrigins) : [];
    var by = ancestors[0] || (framed && document.referrer ? originOf(document.referrer) : "");
    var opaque = self.origin === "null";
    var li = checkItem("framed");
    li.setAttribute("data-framed", framed ? "yes" : "no");
    li.setAttribute("data-ancestor", by);
    var text = framed
      ? "This page is framed by " + (by || "a page whose origin the browser does not reveal") +
        (ancestors.length > 1 ? " (all ancestors: " + ancestors.join(", ") + ")" : "") + "."
      : "This page is not framed. To test your site, put it in an iframe there: <iframe src=\"" +
        location.href.split("#")[0] + "\" title=\"Embed self-test\" width=\"800\" height=\"1200\"></iframe>.";
    if (opaque) {
      text += " It is sandboxed without allow-same-origin (its origin is null), so the data API must answer " +
        "Access-Control-Allow-Origin: *.";
    }
    setCheck("framed", "ok", text);
  })();

  // WebAssembly: can this context compile a module? (the 8-byte empty module)
  (function () {
    if (typeof WebAssembly !== "object" || typeof WebAssembly.compile !== "function") {
      setCheck("wasm", "fail", "This browser has no WebAssembly; the reader needs it.");
      return;
    }
    var empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    var compiling;
    try {
      compiling = WebAssembly.compile(empty);
    } catch (e) {
      compiling = Promise.reject(e);
    }
    compiling.then(
      function () {
        setCheck("wasm", "ok", "WebAssembly compiles here.");
      },
      function (err) {
        var message = String((err && err.message) || err);
        var csp = /content security policy|csp|unsafe-eval|wasm-eval/i.test(message);
        setCheck("wasm", "fail", csp
          ? "Refused by this page's Content Security Policy: add 'wasm-unsafe-eval' to script-src. (" + message + ")"
          : "A minimal module did not compile: " + message);
      }
    );
  })();

  // The loader: can this page load ../v1/loader.js, and is it really the loader?
  (function () {
    var src = new URL("../v1/loader.js", location.href).href;
    var script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = function () {
      if (window.SignalEmbed && typeof window.SignalEmbed.scan === "function") {
        setCheck("loader", "ok", "Loaded " + src + "; window.SignalEmbed is defined.");
      } else {
        setCheck("loader", "fail", src + " answered, but it did not define window.SignalEmbed: the server may " +
          "have sent another page (an HTML fallback) in its place.");
      }
    };
    script.onerror = function () {
      setCheck("loader", "fail", src + " could not be loaded: it is missing (404), or this page's policy " +
        "refused it (script-src; see the violations below).");
    };
    setCheck("loader", "pending", "Loading " + src + " …");
    document.head.appendChild(script);
    setTimeout(function () {
      if (statusOf("loader") === "pending") setCheck("loader", "fail", src + " did not load within " + WAIT_MS / 1000 + " s.");
    }, WAIT_MS);
  })();

  makeFrame("article");
  makeFrame("card");

  setCheck("csp", "pending", "Listening for violations for " + WAIT_MS / 1000 + " s…");
  setTimeout(function () {
    if (!violations) setCheck("csp", "ok", "No violations of this page's policy seen.");
  }, WAIT_MS);
})();
