// An article page as a team without a framework would write it: fetch the article's JSON from
// the API named in <meta name="signal:api-base">, build the same elements as the reader with
// createElement/textContent (never innerHTML: the text is plain text), and show an error if it
// fails. It trusts the document's shape where the reader validates it against the contract.
const API = new URL(document.querySelector('meta[name="signal:api-base"]').content, document.baseURI);
const slug = decodeURIComponent(location.pathname.split("/").pop());
const main = document.getElementById("main");

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value != null) node.setAttribute(name, value);
  node.append(...children.flat().filter((c) => c != null && c !== false));
  return node;
}

const blank = (s) => typeof s !== "string" || s.trim() === "";
const safeUrl = (url, schemes = ["http:", "https:"]) => {
  try {
    return schemes.includes(new URL(url).protocol) ? url : null;
  } catch {
    return null;
  }
};

// "2026-06-30T23:45:00-07:00" reads as June 30 in its own offset: the date is its first ten
// characters, read as a calendar date (in UTC, so no reader's time zone moves it).
const calendar = (publishedAt) => new Date(`${publishedAt.slice(0, 10)}T00:00:00Z`);
const longDate = (d) =>
  calendar(d).toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });
const time = (d) => el("time", { datetime: d }, longDate(d));

/** Rich text: a string, or runs of strings and { text, url } links. */
function rich(text) {
  const runs = typeof text === "string" ? [text] : text;
  return runs.map((run) => {
    if (typeof run === "string") return run;
    const url = safeUrl(run.url, ["http:", "https:", "mailto:"]);
    return url ? el("a", { href: url, rel: "nofollow noopener noreferrer" }, run.text) : run.text;
  });
}

function block(b) {
  if (typeof b === "string") return blank(b) ? null : el("p", {}, b.trim());
  switch (b.type) {
    case "paragraph": return el("p", {}, rich(b.text));
    case "heading": return el("h2", { class: "subheading" }, b.text);
    case "quote": return el("figure", { class: "quote" }, el("blockquote", {}, el("p", {}, rich(b.text))), b.cite && el("figcaption", {}, b.cite));
    case "list": return el("ul", { class: "body-list" }, b.items.map((item) => el("li", {}, rich(item))));
    default: return null; // a block type this page does not know: skipped, as the contract says
  }
}

const words = (a) =>
  [a.headline, a.summary ?? "", ...(a.body ?? []).map((b) => (typeof b === "string" ? b : JSON.stringify(b.text ?? b.items ?? "")))]
    .join(" ").split(/\s+/).filter(Boolean).length;

function header(a) {
  const publisher = a.publisher && (safeUrl(a.publisher.url) ? el("a", { href: a.publisher.url }, a.publisher.name) : el("span", {}, a.publisher.name));
  return el("header", { class: "article-header" },
    !blank(a.kicker) && el("p", { class: "kicker" }, a.kicker),
    el("h1", { class: "headline" }, a.headline),
    el("p", { class: "dateline" }, time(a.published_at)),
    (publisher || !blank(a.status_label)) &&
      el("p", { class: "publisher-line" }, publisher, publisher && " · ", !blank(a.status_label) && `${a.status_label} `, time(a.published_at)),
    el("p", { class: "reading-time" }, `${Math.max(1, Math.ceil(words(a) / 238))} min read`));
}

function pillars(list = []) {
  if (!list?.length) return null;
  return el("section", { class: "pillars", "aria-labelledby": "pillars-heading" },
    el("h2", { class: "pillars-heading", id: "pillars-heading" }, el("span", { class: "pillar-mark", "aria-hidden": "true" }, "⬡"),
      ` ${list.length} ${list.length === 1 ? "pillar" : "pillars"} detected`),
    el("ul", { class: "badges" }, list.map((p) => el("li", {}, el("a", { class: "badge", href: `/plain/pillars/${encodeURIComponent(p.slug)}` }, p.name)))));
}

function sources(list = []) {
  if (!list?.length) return null;
  const names = list.flatMap((s, i) => [
    i === 0 ? "" : i === list.length - 1 ? " and " : ", ",
    safeUrl(s.url) ? el("a", { href: s.url }, s.name) : el("cite", {}, s.name),
  ]);
  return el("footer", { class: "article-sources" }, el("p", { class: "sources" }, "reported via ", names));
}

function embedControl(a) {
  const page = new URL(`/articles/${encodeURIComponent(a.slug)}`, location.origin).href;
  const snippet = (id, label, kind) => {
    const code = `<blockquote class="signal-embed" data-slug="${a.slug}" data-kind="${kind}" data-theme="auto">\n  <a href="${page}">${a.headline}</a>\n</blockquote>\n<script src="${location.origin}/embed/v1/loader.js" async></script>`;
    const area = el("textarea", { id, readonly: "", rows: "5", spellcheck: "false" }, code);
    const status = el("span", { class: "embed-snippet-status", role: "status" });
    const copy = el("button", { class: "button", type: "button" }, "Copy");
    copy.onclick = () => navigator.clipboard.writeText(code).then(() => (status.textContent = "Copied"), () => area.select());
    return el("div", { class: "embed-snippet" }, el("label", { for: id }, label), area, el("p", { class: "embed-snippet-actions" }, copy, " ", status));
  };
  return el("details", { class: "embed-control" }, el("summary", {}, "Embed"),
    el("p", {}, "Show this article on your site: paste one of these snippets into your page."),
    snippet("embed-article", "The article", "article"), snippet("embed-card", "Its card", "card"));
}

function render(a) {
  document.title = a.headline;
  if (!blank(a.summary)) document.head.append(el("meta", { name: "description", content: a.summary.trim() }));
  main.append(
    el("article", { class: "article" },
      header(a),
      !blank(a.summary) && el("section", { class: "summary-box", "aria-label": "Summary" }, el("p", {}, a.summary.trim())),
      pillars(a.pillars),
      el("div", { class: "article-body" }, (a.body ?? []).map(block)),
      sources(a.sources)),
    embedControl(a));
}

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
try {
  const res = await fetch(new URL(`articles/${encodeURIComponent(slug)}.json`, API), { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(res.status === 404 ? "This article doesn't exist." : `The server answered ${res.status}.`);
  render(await res.json());
} catch (err) {
  main.append(el("div", { class: "error-panel", role: "alert" }, el("h1", {}, "Couldn't load this article"), el("p", {}, err.message)));
}
