// Puts the three kinds of page on one site origin and the JSON on another:
//   /articles/<slug>, /, /pillars/<slug>   the app (a copy of dist/ pointed at the API origin,
//                                          deployed the way tests/e2e/harness.mjs does it)
//   /static/articles/<reference slug>      bench/pages/static-article.html
//   /plain/articles/<slug>                 bench/pages/plain-article.html (+ plain-article.js)
//   /plain/, /plain/pillars/<slug>         bench/pages/plain-feed.html (+ plain-feed.js)
// Any other path without a file extension gets the app's index.html with status 200, as an
// SPA host with an index.html fallback serves deep links; a missing file is a 404.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { deploySite, REFERENCE_SLUG, ROOT } from "../../tests/e2e/harness.mjs";
import { entry, filesUnder, startApiHost, startSiteHost } from "./hosts.mjs";
import { assetsOf } from "../sections/bundle.mjs";

export { REFERENCE_SLUG, ROOT };
const PAGES = join(ROOT, "bench/pages");

/** A comparison page with the build's hashed asset names and the origins filled in. */
async function comparisonPage(name, { assets, apiBase, origin, theme }) {
  return (await readFile(join(PAGES, name), "utf8"))
    .replaceAll('href="/main.css"', `href="/${assets.css}"`)
    .replaceAll('<script src="/theme.js"></script>', `<script>${theme}</script>`)
    .replaceAll('href="/favicon.svg"', `href="/${assets.favicon}"`)
    .replaceAll("@API@", apiBase)
    .replaceAll("@ORIGIN@", origin);
}

export async function startSite(dist) {
  const api = await startApiHost({ documents: await filesUnder(join(ROOT, "public/data")) });
  const apiBase = api.origin + "/";
  const deployed = await deploySite(dist, apiBase);
  try {
    const files = await filesUnder(deployed.dir);
    const assets = assetsOf(files.get("/index.html").toString("utf8"));
    // The site's origin is only known once it listens, and the static page names it (its
    // canonical URL, the embed snippets): serve a placeholder first, then fill it in below.
    const site = await startSiteHost({
      files,
      fallback: (path) => {
        if (path === `/static/articles/${REFERENCE_SLUG}`) return "static-article.html";
        if (/^\/plain\/articles\/[^/]+$/.test(path)) return "plain-article.html";
        if (/^\/plain\/(pillars\/[^/]+)?$/.test(path)) return "plain-feed.html";
        // A missing file (robots.txt, an old hash) is a 404; only app routes get index.html.
        return /\.[A-Za-z0-9]+$/.test(path) ? null : "/index.html";
      },
    });
    // Keys without a leading "/" are reachable only through the fallback above.
    const theme = await readFile(join(PAGES, "theme.js"), "utf8");
    const fill = { assets, apiBase, origin: site.origin, theme };
    for (const name of ["static-article.html", "plain-article.html", "plain-feed.html"]) {
      site.entries.set(name, entry(name, await comparisonPage(name, fill)));
    }
    for (const name of ["plain-article.js", "plain-feed.js"]) {
      site.entries.set(`/plain/${name}`, entry(name, await readFile(join(PAGES, name))));
    }
    return {
      site,
      api,
      assets,
      urls: {
        appArticle: `${site.origin}/articles/${REFERENCE_SLUG}`,
        staticArticle: `${site.origin}/static/articles/${REFERENCE_SLUG}`,
        plainArticle: `${site.origin}/plain/articles/${REFERENCE_SLUG}`,
        appFeed: `${site.origin}/`,
        plainFeed: `${site.origin}/plain/`,
      },
      async close() {
        await Promise.all([site.close(), api.close()]);
        await deployed.remove();
      },
    };
  } catch (err) {
    await deployed.remove();
    await api.close();
    throw err;
  }
}
