// A deterministic index document of N cards for the feed benchmark, valid per
// docs/schema/index.schema.json: unique slugs, non-blank headlines, dates in the contract's
// shape (calendar dates and RFC 3339 date-times with offsets), summaries long enough that the
// card's excerpt is cut on some, 1–3 pillars each from six, and no `next` (one document).
import { readFileSync } from "node:fs";
import { join } from "node:path";

const PILLARS = [
  { slug: "tech-stocks-semiconductors", name: "Tech Stocks & Semiconductors" },
  { slug: "energy-infrastructure", name: "Energy & Infrastructure" },
  { slug: "health-biotech", name: "Health & Biotech" },
  { slug: "climate-materials", name: "Climate & Materials" },
  { slug: "space-frontier", name: "Space & Frontier Science" },
  { slug: "food-agriculture", name: "Food & Agriculture" },
];
/** The pillar the feed benchmark filters to. */
export const FILTER_PILLAR = PILLARS[2];

const SUBJECTS = ["A Solid-State Battery", "An Engineered Enzyme", "A Gene Therapy", "A Desalination Membrane", "A Photonic Chip", "A Drought-Tolerant Wheat", "A Fusion Magnet", "A Satellite Constellation"];
const VERBS = ["Passes", "Clears", "Beats Expectations in", "Finishes", "Doubles Output in", "Survives"];
const TESTS = ["a Year-Long Field Trial", "Its First Human Study", "a Grid-Scale Pilot", "an Independent Audit", "a Winter Stress Test"];
const SENTENCES = [
  "Researchers reported results that were larger than the team's own forecasts.",
  "The approach uses materials that are already produced at industrial scale.",
  "Independent groups have started to replicate the measurements.",
  "Costs fell by roughly a third compared with the previous generation.",
  "Regulators have signalled that an accelerated review is possible.",
  "A demonstration plant is scheduled to open within two years.",
];

/** A small deterministic generator (mulberry32), so every run serves the same document. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateIndex(count = 1000) {
  const next = random(20260702);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const articles = [];
  const day0 = Date.UTC(2026, 6, 2);
  for (let i = 0; i < count; i += 1) {
    const date = new Date(day0 - i * 86_400_000).toISOString().slice(0, 10);
    // Every fifth card has a date-time with an offset, as a CMS export would.
    const publishedAt = i % 5 === 0 ? `${date}T09:30:00-07:00` : date;
    const pillarCount = 1 + Math.floor(next() * 3);
    const pillars = [...new Set(Array.from({ length: pillarCount }, () => pick(PILLARS)))];
    const sentences = Array.from({ length: 2 + Math.floor(next() * 4) }, () => pick(SENTENCES));
    articles.push({
      slug: `bench-card-${String(i + 1).padStart(4, "0")}`,
      headline: `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(TESTS)} (${i + 1})`,
      published_at: publishedAt,
      kicker: "Signal of Hope",
      summary: sentences.join(" "),
      pillars,
    });
  }
  return { version: 1, articles };
}

/** The slugs a pillar page must show, newest first (the document is already in that order). */
export function expectedSlugs(index, pillarSlug) {
  return index.articles.filter((c) => c.pillars.some((p) => p.slug === pillarSlug)).map((c) => c.slug);
}

/**
 * Checks the generated document against the schema's own rules (required fields, the text and
 * date patterns, read from docs/schema) and the contract's "each slug once"; throws if not.
 */
export function checkIndex(index, root) {
  const schema = JSON.parse(readFileSync(join(root, "docs/schema/article.schema.json"), "utf8"));
  const text = new RegExp(schema.$defs.text.pattern, "u");
  const date = new RegExp(schema.$defs.publishedAt.pattern, "u");
  const slugs = new Set();
  for (const [i, c] of index.articles.entries()) {
    const where = `generated card ${i}`;
    for (const field of ["slug", "headline", "published_at"]) {
      if (typeof c[field] !== "string" || !text.test(c[field])) throw new Error(`${where}: ${field} is not valid text`);
    }
    if (!date.test(c.published_at)) throw new Error(`${where}: published_at ${c.published_at} is not a contract date`);
    if (slugs.has(c.slug)) throw new Error(`${where}: slug ${c.slug} repeats`);
    slugs.add(c.slug);
    for (const p of c.pillars) if (!text.test(p.slug) || !text.test(p.name)) throw new Error(`${where}: bad pillar`);
  }
  if ("next" in index) throw new Error("the generated index must be one document (no next)");
}
