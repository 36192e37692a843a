// Puts the three kinds of page on one site origin and the JSON on another:
//   /articles/<slug>, /, /pillars/<slug>   the app (a copy of dist/ pointed at the API origin,
//                                          deployed the way tests/e2e/harness.mjs does it)
//   /static/articles/<reference slug>      bench/pages/static-article.html
//   /plain/articles/<slug>                 bench/pages/plain-article.html (+ plain-article.js)
//   /plain/, /plain/pillars/<slug>         bench/pages/plain-feed.html (+ plain-feed.js)
// Any other path without a file extension gets the app's index.html with status 200, as an
// SPA host with an index.html fallback serves deep links; a missing file is a 404.
//
// A second copy of the app, on an origin of its own, has its pages prerendered
// (scripts/prerender) from the same API:
//   /articles/<slug>, /pillars/<slug>      articles/<slug>/index.html, pillars/<slug>/index.html
//   /                                      index.html, now the feed's first page
// served as a static host serves a folder's index.html (nginx's `try_files $uri $uri/`), and
// any other app route gets 404.html, the app's page without a prerendered one.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { deploySite, prerender, REFERENCE_SLUG, ROOT } from "../../tests/e2e/harness.mjs";
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

/** The file a static host serves for `path` in `entries`: the path's own, or its folder's index.html. */
function folderIndex(entries, path) {
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (entries.has(decoded)) return decoded;
  const index = decoded.replace(/\/?$/, "/index.html");
  return entries.has(index) ? index : null;
}

/**
 * The prerendered copy of the site, on its own origin. The prerenderer writes canonical URLs
 * and the pages' addresses from --site-url, which is known only once the host listens: the
 * host starts with no files, the pages are prerendered for its real origin (so canonical URLs,
 * JSON-LD and the pages' own addresses are what a deployment would have), then its files are
 * read. Files byte-identical to the app copy's (`shared`, its entries) reuse their compressed
 * bodies rather than compressing the wasm at brotli 11 a second time.
 */
async function startPrerenderedSite(dist, apiBase, shared) {
  const deployed = await deploySite(dist, apiBase);
  try {
    const site = await startSiteHost({
      files: new Map(),
      // Asked only for requests, once `site` is set and its entries are filled below.
      fallback: (path) => folderIndex(site.entries, path) ?? (/\.[A-Za-z0-9]+$/.test(path) ? null : "/404.html"),
    });
    const run = await prerender(["--api", apiBase, "--site-url", site.origin + "/", "--dist", deployed.dir]);
    if (run.code !== 0) throw new Error(`scripts/prerender failed (exit ${run.code}):\n${run.stdout}${run.stderr}`);
    for (const [path, bytes] of await filesUnder(deployed.dir)) {
      const same = shared.get(path);
      site.entries.set(path, same?.raw.equals(bytes) ? same : entry(path, bytes));
    }
    return { site, report: run.stdout.split("\n")[0], remove: deployed.remove };
  } catch (err) {
    await deployed.remove();
    throw err;
  }
}

export async function startSite(dist) {
  const api = await startApiHost({ documents: await filesUnder(join(ROOT, "public/data")) });
  const apiBase = api.origin + "/";
  const deployed = await deploySite(dist, apiBase);
  let prerendered = null;
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
    prerendered = await startPrerenderedSite(dist, apiBase, site.entries);
    const pre = prerendered.site;
    return {
      site,
      prerendered: pre,
      api,
      assets,
      prerenderReport: prerendered.report,
      urls: {
        appArticle: `${site.origin}/articles/${REFERENCE_SLUG}`,
        staticArticle: `${site.origin}/static/articles/${REFERENCE_SLUG}`,
        plainArticle: `${site.origin}/plain/articles/${REFERENCE_SLUG}`,
        prerenderedArticle: `${pre.origin}/articles/${REFERENCE_SLUG}`,
        appFeed: `${site.origin}/`,
        plainFeed: `${site.origin}/plain/`,
        prerenderedFeed: `${pre.origin}/`,
      },
      async close() {
        await Promise.all([site.close(), pre.close(), api.close()]);
        await Promise.all([deployed.remove(), prerendered.remove()]);
      },
    };
  } catch (err) {
    await deployed.remove();
    await prerendered?.remove();
    await api.close();
    throw err;
  }
}
