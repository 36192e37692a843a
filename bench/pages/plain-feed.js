// The feed and pillar pages as a team without a framework would write them: fetch the index
// from the API named in <meta name="signal:api-base">, render the same card markup as the
// reader with createElement/textContent, and filter by pillar on the client: a click on a
// pillar link is history.pushState plus a re-render, with the index kept in memory so it is
// not fetched again. Index pages are followed through `next` (the feed a page at a time with
// Load more, a pillar page through all of them), newest first, each slug once.
const API = new URL(document.querySelector('meta[name="signal:api-base"]').content, document.baseURI);
const main = document.getElementById("main");
const MAX_PAGES = 100;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value != null) node.setAttribute(name, value);
  node.append(...children.flat().filter((c) => c != null && c !== false));
  return node;
}
const blank = (s) => typeof s !== "string" || s.trim() === "";
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

// Index pages by URL, fetched once: going from the feed to a pillar reuses them.
const pages = new Map();
function page(url) {
  if (!pages.has(url)) {
    const request = fetch(url, { headers: { accept: "application/json" } }).then((res) => {
      if (!res.ok) throw new Error(`The server answered ${res.status}.`);
      return res.json();
    });
    request.catch(() => pages.delete(url)); // so a retry asks again
    pages.set(url, request);
  }
  return pages.get(url);
}

/** The cards of the first `limit` index pages, newest first, and whether more pages exist. */
async function cards(limit) {
  const all = [];
  let url = new URL("articles.json", API).href;
  for (let n = 0; url && n < limit; n += 1) {
    const doc = await page(url);
    all.push(...doc.articles);
    url = blank(doc.next) ? null : new URL(doc.next, url).href;
  }
  const seen = new Set();
  const unique = all.filter((c) => !seen.has(c.slug) && seen.add(c.slug));
  unique.sort((a, b) => Date.parse(b.published_at) - Date.parse(a.published_at));
  return { cards: unique, more: url !== null };
}

// A card's date is the calendar date in its own offset: the first ten characters.
const shortDate = (d) =>
  new Date(`${d.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** At most `max` characters, cut at a word boundary with "…", as the reader's cards do. */
function excerpt(text, max = 220) {
  const chars = [...text.trim()];
  if (chars.length <= max) return text.trim();
  const cut = chars.slice(0, max - 1).join("");
  const end = cut.search(/\s\S*$/);
  return `${(end > 0 ? cut.slice(0, end) : cut).replace(/[\s,;:–—-]+$/u, "")}…`;
}

function card(c) {
  return el("li", {}, el("article", { class: "card" },
    !blank(c.kicker) && el("p", { class: "kicker" }, c.kicker.trim()),
    el("h2", { class: "card-headline" }, el("a", { href: `/plain/articles/${encodeURIComponent(c.slug)}` }, c.headline.trim())),
    el("p", { class: "card-date" }, el("time", { datetime: c.published_at }, shortDate(c.published_at))),
    !blank(c.summary) && el("p", { class: "card-summary" }, excerpt(c.summary)),
    c.pillars?.length > 0 &&
      el("ul", { class: "badges", "aria-label": `Pillars of “${c.headline.trim()}”` },
        c.pillars.map((p) => el("li", {}, el("a", { class: "badge", href: `/plain/pillars/${encodeURIComponent(p.slug)}` }, p.name))))));
}

async function feedPage(limit = 1) {
  const { cards: list, more } = await cards(limit);
  const button = more && el("button", { class: "button load-more", type: "button" }, "Load more");
  if (button) button.onclick = () => show(feedPage(limit + 1));
  document.title = "Signal of Hope";
  return el("section", { class: "feed", "aria-labelledby": "feed-heading" },
    el("h1", { id: "feed-heading", class: "page-heading" }, "Latest analysis"),
    el("ol", { class: "cards" }, list.map(card)),
    el("p", { class: "visually-hidden", role: "status" }, `Showing ${plural(list.length, "article", "articles")}`),
    el("div", { class: "feed-more" }, button));
}

async function pillarPage(slug) {
  const { cards: list } = await cards(MAX_PAGES);
  const matching = list.filter((c) => c.pillars?.some((p) => p.slug === slug));
  const name = matching[0]?.pillars.find((p) => p.slug === slug).name;
  document.title = `${name ?? "Pillar not found"} · Signal of Hope`;
  return el("section", { class: "pillar-page" },
    el("p", { class: "back-link" }, el("a", { href: "/plain/" }, el("span", { "aria-hidden": "true" }, "← "), "All articles")),
    name
      ? [el("header", { class: "page-header" }, el("p", { class: "kicker" }, "Pillar"), el("h1", { class: "page-heading" }, name),
          el("p", { class: "page-count" }, `${plural(matching.length, "article", "articles")} found`)),
        el("ol", { class: "cards" }, matching.map(card))]
      : el("h1", { class: "page-heading" }, "Pillar not found"));
}

async function show(view) {
  try {
    main.replaceChildren(await view);
  } catch (err) {
    main.replaceChildren(el("div", { class: "error-panel", role: "alert" }, el("h1", {}, "Couldn't load the articles"), el("p", {}, err.message)));
  }
}

function route() {
  const pillar = location.pathname.match(/^\/plain\/pillars\/([^/]+)$/);
  show(pillar ? pillarPage(decodeURIComponent(pillar[1])) : feedPage());
}

// Links within the feed and pillar pages change the view without a page load.
document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[href]");
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || !/^\/plain\/(pillars\/[^/]+)?$/.test(url.pathname)) return;
  event.preventDefault();
  history.pushState(null, "", url.pathname);
  scrollTo(0, 0);
  route();
});
addEventListener("popstate", route);

function themeToggle() {
  const button = document.querySelector(".theme-toggle");
  const dark = () => (document.documentElement.dataset.theme ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light")) === "dark";
  const show = () => {
    button.setAttribute("aria-pressed", String(dark()));
    button.firstChild.textContent = dark() ? "☾" : "☀";
  };
  button.onclick = () => {
    document.documentElement.dataset.theme = dark() ? "light" : "dark";
    try { localStorage.setItem("signal-of-hope:theme", document.documentElement.dataset.theme); } catch {}
    show();
  };
  show();
}

themeToggle();
route();
