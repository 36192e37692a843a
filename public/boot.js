// Runs before the first paint, inline in index.html's head: it starts the app's download and
// the page's JSON, and applies the remembered theme.
(function () {
  // The page's path under the site's base, as a list of segments ([""] for the feed), or null
  // for a path outside it. The app's own routes: crates/model/src/link.rs (AppPaths::route_of).
  var route = (function () {
    var base = new URL(document.baseURI).pathname.replace(/\/+$/, "");
    if (location.pathname.slice(0, base.length) !== base) return null;
    return location.pathname.slice(base.length).replace(/^\/+|\/+$/g, "").split("/");
  })();
  var api = apiBase();
  // What the API names (crates/model/src/api.rs, kind): a WordPress or Ghost posts API, whose
  // articles are asked for by slug; one document (`feed.json`, `?feed`), read first on every
  // page; or a folder.
  var kind = api ? apiKind(api) : null;
  var named = !!api && kind !== "folder";
  var article = !!route && route.length === 2 && route[0] === "articles";

  // Scripts run on this page: the stylesheet shows the controls that need them (the theme
  // toggle, Embed, Load more), which a prerendered page read without JavaScript hides.
  document.documentElement.classList.add("js");

  // The reader's remembered theme, so a page never flashes in the wrong colours while the app
  // loads. The app changes it later (src/source/theme.rs; the key: THEME_STORAGE_KEY in
  // crates/model/src/site.rs).
  try {
    var theme = localStorage.getItem("signal-of-hope:theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (e) {
    // Storage unavailable (a sandboxed frame, privacy settings): follow the system theme.
  }

  // A page framed on a partner's site reports its height to that page (docs/embedding.md).
  // Marked as an embed now, before the body is parsed, so that the site's frame in
  // index.html is never painted inside a partner's page (the app marks it too).
  if (/\/embed\/(articles|cards)\//.test(location.pathname)) {
    document.documentElement.classList.add("embed");
    var frame = document.createElement("script");
    frame.src = new URL("embed/v1/frame.js", document.baseURI).href;
    document.head.appendChild(frame);
  }

  // The page's JSON, requested now rather than once the wasm has started: the two downloads
  // overlap. The app takes this response when it asks for the same URL (src/source/http.rs)
  // and aborts it on its own timeout. The URLs, the Accept header and the size limit follow
  // the app's (crates/model/src/api.rs): tests/e2e/url_rules.test.mjs runs this script over
  // the app's table of cases (tests/fixtures/url-rules.json). Should they differ, the app
  // makes its own request and the document is downloaded twice.
  try {
    var url = pageDocument();
    if (url) {
      var controller = new AbortController();
      var request = function () {
        return fetch(url, {
          headers: {
            Accept:
              "application/json, application/feed+json, application/ld+json, " +
              "application/rss+xml, application/atom+xml, */*;q=0.5",
          },
          signal: controller.signal,
        });
      };
      // A prerendered page (crates/prerender) carries this document: no request.
      var prerendered = document.querySelector('meta[name="signal:prerendered"]');
      var response =
        prerendered && prerendered.getAttribute("data-document") === url ? carried(request) : request();
      // The body is read here too, so that it is already in memory when the wasm starts:
      // the app then renders the article in its first frame, with no paint of the loading
      // placeholder in between. Only a success's body, and not one declared larger than the
      // app reads (MAX_DOCUMENT_BYTES in crates/model/src/limits.rs), which the app refuses
      // unread; null leaves the body to the app. As bytes: the app decodes them in the
      // encoding the document declares (a feed in windows-1251), not always as UTF-8.
      var body = response.then(function (r) {
        var size = Number(r.headers.get("content-length"));
        return r.ok && !(size > 32 * 1024 * 1024) ? r.arrayBuffer() : null;
      });
      // Unhandled until the app takes them: failures are the app's to report.
      response.catch(function () {});
      body.catch(function () {});
      window.__signalPreload = { url: url, response: response, body: body, controller: controller };
    }
  } catch (e) {
    // No preload: the app fetches as usual.
  }

  // The app. index.html names two builds of it (Trunk's <meta name="signal:module">): an
  // article's address loads the article page alone, a smaller wasm that starts sooner; any
  // other address loads the whole app. Its links to other pages load those with the whole app.
  // The article page alone reads only an article's own document in our format: an API that
  // names one document (a feed) needs the whole app, and so does a history entry that the
  // article page marked before reloading for it (src/source/whole_app.rs).
  // The wasm's download starts here, beside the JSON's, not after the glue's.
  var alone = article && !named && history.state !== "signal:whole-app";
  var modules = document.querySelectorAll('meta[name="signal:module"]');
  for (var i = 0; i < modules.length; i += 1) {
    if (modules[i].hasAttribute("data-article") === alone) {
      var glue = modules[i].getAttribute("content");
      var wasm = fetch(modules[i].getAttribute("data-wasm"));
      import(glue).then(function (app) {
        return app["default"]({ module_or_path: wasm });
      });
      break;
    }
  }

  // The document a prerendered page carries at the end of its body, as the Response its
  // request would have given (the prerenderer keeps the status and the headers that page a
  // list), once the page is parsed. Its text comes decoded, so it is given a UTF-8 byte order
  // mark, which the app's decoding honours before any declared encoding. Should it be
  // unreadable, the document is requested after all.
  function carried(request) {
    return new Promise(function (resolve) {
      document.addEventListener("DOMContentLoaded", function () {
        try {
          var data = JSON.parse(document.getElementById("signal-document").textContent);
          resolve(new Response("\ufeff" + data.body, { status: data.status, headers: data.headers }));
        } catch (e) {
          resolve(request());
        }
      });
    });
  }

  // The API's URL from `signal:api-base`, or null if the app cannot use it.
  function apiBase() {
    try {
      var meta = document.querySelector('meta[name="signal:api-base"]');
      var url = new URL((meta && meta.getAttribute("content").trim()) || "data/", document.baseURI);
      url.hash = "";
      return url.protocol === "http:" || url.protocol === "https:" ? url : null;
    } catch (e) {
      return null;
    }
  }

  // The document the page at this address reads first, or null for a page without one.
  function pageDocument() {
    if (!route || !api) return null;
    var slug = article
      ? route[1]
      : route.length === 3 && route[0] === "embed" && /^(articles|cards)$/.test(route[1])
        ? route[2]
        : null;
    var index = (route.length === 1 && route[0] === "") || (route.length === 2 && route[0] === "pillars");
    if (!slug && !index) return null;
    if (kind === "wordpress" || kind === "ghost") {
      // The index as ApiBase::resolve makes it: WordPress with `_embed` (the posts' terms,
      // featured pictures and authors: api::WORDPRESS_EMBED), Ghost's path with its slash.
      if (kind === "wordpress" && !hasParam(api.search, "_embed")) {
        api.search = addParam(api.search, "_embed=wp:term,wp:featuredmedia,author");
      }
      if (kind === "ghost" && api.pathname.slice(-1) !== "/") api.pathname += "/";
      if (!slug) return api.href;
      // One post by its slug (ApiBase::article_url).
      var encoded = encodeURIComponent(decodeSegment(slug));
      if (kind === "wordpress") {
        api.search = addParam(withoutParams(api.search, ["page", "offset", "slug"]), "slug=" + encoded);
      } else {
        api.search = withoutParams(api.search, ["page", "limit", "filter", "order"]);
        api.pathname += "slug/" + encoded + "/";
      }
      return api.href;
    }
    if (named) return api.href;
    if (api.pathname.slice(-1) !== "/") api.pathname += "/";
    api.search = "";
    // The slug escaped as the app escapes it (encode_segment in crates/model/src/link.rs is
    // encodeURIComponent's rule), so that the app finds this request by its URL.
    return slug
      ? new URL("articles/" + encodeURIComponent(decodeSegment(slug)) + ".json", api).href
      : new URL("articles.json", api).href;
  }

  // "wordpress", "ghost", "document" or "folder", as kind() in crates/model/src/api.rs.
  function apiKind(url) {
    var path = url.pathname.replace(/\/$/, "");
    var route = param(url.search, "rest_route");
    route = route === null ? null : route.replace(/%2f/gi, "/");
    if (/\/wp-json\/wp\/v2\/posts$/.test(path) || route === "/wp/v2/posts" || route === "/wp/v2/posts/") {
      return "wordpress";
    }
    if (/\/ghost\/api(\/canary|\/v[0-9][0-9.]*)?\/content\/posts$/.test(path)) return "ghost";
    return url.search !== "" || /\.[^/]*$/.test(url.pathname) ? "document" : "folder";
  }

  // A query's parameters as written, and the helpers over them (api.rs: params, param,
  // without_params, add_param): no decoding, so that the URL is the app's to the byte.
  function params(search) {
    return search.replace(/^\?/, "").split("&").filter(function (p) { return p !== ""; });
  }
  function paramName(p) {
    var at = p.indexOf("=");
    return at < 0 ? p : p.slice(0, at);
  }
  function param(search, name) {
    var found = params(search).filter(function (p) { return paramName(p) === name; })[0];
    if (found === undefined) return null;
    var at = found.indexOf("=");
    return at < 0 ? "" : found.slice(at + 1);
  }
  function hasParam(search, name) {
    return param(search, name) !== null;
  }
  function withoutParams(search, names) {
    var kept = params(search).filter(function (p) { return names.indexOf(paramName(p)) < 0; });
    return kept.length ? "?" + kept.join("&") : "";
  }
  function addParam(search, p) {
    var rest = withoutParams(search, []);
    return rest === "" ? "?" + p : rest + "&" + p;
  }

  // A path segment decoded as AppPaths::route_of decodes it: a `%` that starts no escape
  // stays as it is and bytes that are not UTF-8 become U+FFFD, where decodeURIComponent
  // would throw (and the page would lose its early request).
  function decodeSegment(text) {
    var bytes = new TextEncoder().encode(text);
    var out = [];
    for (var i = 0; i < bytes.length; i += 1) {
      var hex = String.fromCharCode(bytes[i + 1], bytes[i + 2]);
      if (bytes[i] === 37 && /^[0-9a-f]{2}$/i.test(hex)) {
        out.push(parseInt(hex, 16));
        i += 2;
      } else {
        out.push(bytes[i]);
      }
    }
    return new TextDecoder().decode(new Uint8Array(out));
  }
})();
