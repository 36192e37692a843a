// A synthetic backend of N articles in the reader's own contract (docs/contract.md), for the
// prerender throughput benchmark: a fast in-memory JSON API on 127.0.0.1 (node http,
// keep-alive) serving
//   /articles.json           the index's first page, 1,000 cards, `next`: pages/2.json
//   /pages/<n>.json          the index's page n (n ≥ 2), `next` to n + 1 up to the last page
//   /articles/<slug>.json    each article's document
// Every article is the reference article (public/data/articles/<reference slug>.json) with a
// slug, headline, date and 1–3 of 20 pillars of its own. Nothing is held per article: each
// response is made on request from the article's number, by string concatenation around the
// reference's serialised body, so 100,000 articles cost the API a few kilobytes and little CPU
// (it shares the machine with the prerenderer being measured).
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const CARDS_PER_PAGE = 1000;

const PILLARS = [
  ["tech-stocks-semiconductors", "Tech Stocks & Semiconductors"],
  ["energy-infrastructure", "Energy & Infrastructure"],
  ["health-biotech", "Health & Biotech"],
  ["climate-materials", "Climate & Materials"],
  ["space-frontier", "Space & Frontier Science"],
  ["food-agriculture", "Food & Agriculture"],
  ["water-oceans", "Water & Oceans"],
  ["transport-mobility", "Transport & Mobility"],
  ["computing-ai", "Computing & AI"],
  ["public-health", "Public Health"],
  ["education-science", "Education & Science"],
  ["housing-cities", "Housing & Cities"],
  ["biodiversity", "Biodiversity"],
  ["manufacturing", "Manufacturing"],
  ["finance-inclusion", "Finance & Inclusion"],
  ["mental-health", "Mental Health"],
  ["rare-diseases", "Rare Diseases"],
  ["clean-air", "Clean Air"],
  ["materials-recycling", "Materials & Recycling"],
  ["medical-devices", "Medical Devices"],
].map(([slug, name]) => ({ slug, name }));

const SUBJECTS = ["A Solid-State Battery", "An Engineered Enzyme", "A Gene Therapy", "A Desalination Membrane", "A Photonic Chip", "A Drought-Tolerant Wheat", "A Fusion Magnet", "A Satellite Constellation"];
const VERBS = ["Passes", "Clears", "Beats Expectations in", "Finishes", "Doubles Output in", "Survives"];
const TESTS = ["a Year-Long Field Trial", "Its First Human Study", "a Grid-Scale Pilot", "an Independent Audit", "a Winter Stress Test"];

/** A 32-bit integer hash (from the "lowbias32" family): the same article always gets the same picks. */
function hash(x) {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

const slugOf = (i) => `bench-article-${String(i + 1).padStart(6, "0")}`;

/**
 * Article i's own fields (i = 0 is the newest): a unique slug and headline, a date-time that
 * falls by an hour per article (the index's order, newest first), 1–3 distinct pillars.
 */
export function articleFields(i) {
  const h = hash(i + 1);
  const pillars = [];
  for (let k = 0; pillars.length < 1 + (h % 3); k += 1) {
    const p = PILLARS[hash(h + k) % PILLARS.length];
    if (!pillars.includes(p)) pillars.push(p);
  }
  const date = new Date(Date.UTC(2026, 6, 2, 23) - i * 3_600_000).toISOString().slice(0, 19) + "Z";
  const headline = `${SUBJECTS[h % SUBJECTS.length]} ${VERBS[(h >>> 8) % VERBS.length]} ${TESTS[(h >>> 16) % TESTS.length]} (No. ${i + 1})`;
  return { slug: slugOf(i), headline, published_at: date, pillars };
}

/**
 * The generator: `card(i)` (the index's entry) and `documentText(i)` (the article's JSON text),
 * both from the reference article, and `pageText(n)` (index page n, from 1).
 */
export function syntheticBackend(root, count) {
  const reference = JSON.parse(readFileSync(join(root, "public/data/articles/rare-liver-cancer-immunotherapy-amd3100.json"), "utf8"));
  const { slug, headline, published_at, pillars, ...rest } = reference;
  // The reference's other fields, serialised once: `{"kicker":…,"body":[…],…}` without its "{".
  const restText = JSON.stringify(rest).slice(1);
  const ownText = (f) =>
    `{"slug":${JSON.stringify(f.slug)},"headline":${JSON.stringify(f.headline)},"published_at":"${f.published_at}","pillars":${JSON.stringify(f.pillars)}`;
  const pages = Math.max(1, Math.ceil(count / CARDS_PER_PAGE));
  return {
    count,
    pages,
    slugOf,
    card(i) {
      const f = articleFields(i);
      return { ...f, kicker: rest.kicker, summary: rest.summary };
    },
    documentText(i) {
      return `${ownText(articleFields(i))},${restText}`;
    },
    /** Page n's text; `next` resolves against the page's own URL (pages/2.json from /articles.json, 3.json from /pages/2.json). */
    pageText(n) {
      const cards = [];
      for (let i = (n - 1) * CARDS_PER_PAGE; i < Math.min(count, n * CARDS_PER_PAGE); i += 1) {
        cards.push(JSON.stringify(this.card(i)));
      }
      const next = n === pages ? null : n === 1 ? "pages/2.json" : `${n + 1}.json`;
      return `{"version":1,"articles":[${cards.join(",")}],"next":${JSON.stringify(next)}}`;
    },
  };
}

/** The article number of a slug this backend made, or -1. */
function numberOf(slug, count) {
  const m = /^bench-article-(\d{6})$/.exec(slug);
  const i = m ? Number(m[1]) - 1 : -1;
  return i >= 0 && i < count ? i : -1;
}

/**
 * The backend served on a free port of 127.0.0.1. Returns { base (the API base URL, with its
 * "/"), requests (counted by kind), close() }. Keep-alive connections are kept for a minute,
 * so the prerenderer's agent reuses them for the whole run.
 */
export async function startSyntheticApi({ root, count }) {
  const backend = syntheticBackend(root, count);
  const requests = { index: 0, article: 0, missing: 0 };
  const send = (res, status, text) => {
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      "cache-control": "no-cache",
    });
    res.end(text);
  };
  const server = createServer((req, res) => {
    const path = req.url.split("?")[0];
    let m;
    if (path === "/articles.json") {
      requests.index += 1;
      return send(res, 200, backend.pageText(1));
    }
    if ((m = /^\/pages\/(\d+)\.json$/.exec(path)) && Number(m[1]) >= 2 && Number(m[1]) <= backend.pages) {
      requests.index += 1;
      return send(res, 200, backend.pageText(Number(m[1])));
    }
    if ((m = /^\/articles\/([^/]+)\.json$/.exec(path))) {
      const i = numberOf(decodeURIComponent(m[1]), count);
      if (i >= 0) {
        requests.article += 1;
        return send(res, 200, backend.documentText(i));
      }
    }
    requests.missing += 1;
    send(res, 404, '{"error":"not found"}');
  });
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  const base = await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}/`));
  });
  server.unref();
  return {
    base,
    backend,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
