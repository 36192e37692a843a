// Paste a link, get an embed: a prerendered site (scripts/prerender) answers oEmbed discovery,
// and the html of its oEmbed document works where partners paste links — under WordPress's
// own filter and host-side script, with pym.js, with Datawrapper's older listener, and as it
// comes where scripts are kept. Also: the published feeds, sitemap, robots.txt and manifest
// pass third-party validators, and a second copy of the reader, pointed at the first one's
// feed.json, shows every article as the first does.
//
// The site is the release build with its bundled data, prerendered, on its own origin with
// CORS on everything (its frames are sandboxed: an opaque origin); partners on another.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { extract } from "@extractus/oembed-extractor";
import { unfurl } from "unfurl.js";
import { chromium } from "playwright-core";
import {
  CHROMIUM_ARGS,
  DIST,
  REFERENCE,
  REFERENCE_SLUG,
  ROOT,
  deploySite,
  eventually,
  newPage,
  noProblems,
  prerender,
  settled,
  startStaticHost,
} from "./harness.mjs";
import { startHeaderHost } from "./servers.mjs";
import {
  checkManifestIcons,
  validateAtom,
  validateJsonFeed,
  validateManifest,
  validateRobots,
  validateSitemap,
} from "../validate/published.mjs";

const PARTNER = join(ROOT, "tests/e2e/partner");
const ARTICLE = `articles/${REFERENCE_SLUG}`;

let site, host, partner, browser;
before(async () => {
  site = await deploySite(DIST, null);
  // Like GitHub Pages: 404.html for unknown paths, and CORS on everything.
  host = await startHeaderHost({
    root: site.dir,
    fallback: "404.html",
    fallbackStatus: 404,
    headers: { "access-control-allow-origin": "*" },
  });
  const run = await prerender(["--api", `${host.url}data/`, "--site-url", host.url, "--dist", site.dir]);
  assert.equal(run.code, 0, `scripts/prerender failed:\n${run.stdout}${run.stderr}`);
  partner = await startHeaderHost({ root: PARTNER, substitute: {} });
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await Promise.all([host?.close(), partner?.close()]);
  await site?.remove();
});

async function open(url, contextOptions = {}) {
  const page = await newPage(browser, contextOptions);
  await page.goto(url);
  return page;
}

/** The oEmbed document of the reference article, as a consumer gets it. */
async function oembedDocument() {
  return extract(host.url + ARTICLE);
}

/**
 * WordPress's `wp_filter_oembed_result()` (wp-includes/embed.php; its code is quoted in
 * tests/e2e/partner/vendor/SOURCES.md), step by step: what WordPress stores for a pasted link.
 */
function wpFilterOembedResult(result, secret) {
  const allowed = {
    a: { href: true },
    blockquote: {},
    iframe: { src: true, width: true, height: true, frameborder: true, marginwidth: true, marginheight: true, scrolling: true, title: true },
  };
  // wp_kses: tags not allowed go (their text stays), and so do attributes not allowed.
  const kses = (html) =>
    html.replace(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g, (tag, close, name, attributes) => {
      name = name.toLowerCase();
      if (!(name in allowed)) return "";
      if (close) return `</${name}>`;
      const kept = [...attributes.matchAll(/([\w-]+)\s*=\s*("[^"]*"|'[^']*')/g)]
        .filter((m) => allowed[name][m[1].toLowerCase()])
        .map((m) => ` ${m[1].toLowerCase()}="${m[2].slice(1, -1)}"`);
      return `<${name}${kept.join("")}>`;
    });
  let html = kses(result);
  const content = /(<blockquote>[\s\S]*?<\/blockquote>)?[\s\S]*(<iframe[\s\S]*?><\/iframe>)/.exec(html);
  if (!content?.[2]) return false;
  html = (content[1] ?? "") + content[2];
  const results = / src=(['"])(.*?)\1/.exec(html);
  if (results) {
    const [whole, q, src] = results;
    html = html.replaceAll(whole, ` src=${q}${src}#?secret=${secret}${q} data-secret=${q}${secret}${q}`);
    html = html.replaceAll("<blockquote", `<blockquote data-secret="${secret}"`);
  }
  allowed.blockquote["data-secret"] = true;
  allowed.iframe["data-secret"] = true;
  html = kses(html);
  if (content[1]) {
    html = html.replaceAll("<iframe", '<iframe style="position: absolute; visibility: hidden;"');
    html = html.replaceAll("<blockquote", '<blockquote class="wp-embedded-content"');
  }
  return html.replaceAll("<iframe", '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/** `wp_generate_password( 10, false )`. */
const wpSecret = () =>
  Array.from({ length: 10 }, () => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[Math.floor(Math.random() * 62)]).join("");

/** Waits until `iframe` is as tall as the card inside (within 2 px), shows it whole, and returns both heights. */
async function showsWholeCard(page, iframe) {
  await iframe.scrollIntoViewIfNeeded();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.locator(".embed-root[data-embed-state=ready]").waitFor();
  let measured;
  await eventually(
    async () => {
      measured = {
        frame: (await iframe.boundingBox())?.height,
        card: await frame.evaluate(() => Math.ceil(document.querySelector(".embed-root").getBoundingClientRect().height)),
        overflow: await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
      };
      return Math.abs(measured.frame - measured.card) <= 2 && measured.overflow <= 1 ? "whole" : JSON.stringify(measured);
    },
    "whole",
    { message: "the frame shows the whole card, with nothing to scroll inside" },
  );
  return measured;
}

describe("oEmbed discovery", () => {
  test("an oEmbed consumer from npm discovers the article's document and reads it", async () => {
    const requested = [];
    const fetcher = (url, options) => {
      requested.push(String(url));
      return fetch(url, options);
    };
    const oembed = await extract(host.url + ARTICLE, {}, fetcher);
    // The page, then the document its <link rel="alternate" type="application/json+oembed"> names.
    assert.equal(requested[0], host.url + ARTICLE);
    assert.equal(requested.length, 2, requested.join("\n"));
    assert.equal(new URL(requested[1]).pathname, `/oembed/articles/${REFERENCE_SLUG}.json`);
    assert.equal(oembed.method, "auto-discovery");
    assert.equal(oembed.version, "1.0");
    assert.equal(oembed.type, "rich");
    assert.equal(oembed.title, REFERENCE.headline);
    assert.equal(oembed.provider_name, "Signal of Hope");
    assert.equal(oembed.provider_url, host.url);
    assert.equal(oembed.author_name, REFERENCE.publisher.name);
    assert.equal(oembed.width, 600);
    assert.ok(oembed.height >= 200 && oembed.height <= 1000, `${oembed.height} within WordPress's limits`);
    assert.ok(oembed.cache_age > 0);
    assert.match(oembed.html, /^<blockquote class="wp-embedded-content" data-secret="[A-Za-z0-9]{10}">/);

    // Served as JSON, as consumers require.
    const response = await fetch(requested[1]);
    assert.match(response.headers.get("content-type"), /^application\/json/);
  });

  test("unfurl.js finds the same document through the same link", async () => {
    const result = await unfurl(host.url + ARTICLE, { oembed: true });
    assert.equal(result.oEmbed?.type, "rich");
    assert.equal(result.oEmbed.title, REFERENCE.headline);
    assert.equal(result.oEmbed.width, 600);
    assert.match(result.oEmbed.html, /<iframe [^>]*src="[^"]*\/embed\/cards\/rare-liver-cancer-immunotherapy-amd3100\?theme=auto#\?secret=/);
  });

  test("each card's announced height is a close estimate of the card at 600 px", async () => {
    const feed = JSON.parse(await readFile(join(site.dir, "feed.json"), "utf8"));
    for (const slug of feed.items.map((item) => item._signal.slug)) {
      const oembed = JSON.parse(await readFile(join(site.dir, `oembed/articles/${slug}.json`), "utf8"));
      const page = await open(`${host.url}embed/cards/${slug}?theme=light`, { viewport: { width: 600, height: 900 } });
      await page.locator(".embed-root[data-embed-state=ready]").waitFor();
      const card = await page.evaluate(() => Math.ceil(document.querySelector(".embed-root").getBoundingClientRect().height));
      // Within a line or so, and never short by more than a few pixels (a frame set to the
      // estimate shows the whole card until its script reports).
      assert.ok(oembed.height - card <= 40 && card - oembed.height <= 4, `${slug}: announced ${oembed.height} px, the card is ${card} px`);
      // The frame says it is not a page of its own for search engines, before any script.
      const served = await (await fetch(`${host.url}embed/cards/${slug}`)).text();
      assert.match(served, /<meta name="robots" content="noindex"/);
      assert.equal(await page.locator('meta[name="robots"]').getAttribute("content"), "noindex");
      noProblems(page);
      await page.context().close();
    }
  });
});

describe("the oEmbed html where partners paste links", () => {
  test("WordPress: its filter's markup, sized by its own wp-embed.js, shows the whole card", async () => {
    const oembed = await oembedDocument();
    const secret = wpSecret();
    const stored = wpFilterOembedResult(oembed.html, secret);
    assert.ok(stored, "WordPress keeps the embed");
    // WordPress appends its own secret to ours: the frame must follow the last one.
    assert.match(stored, new RegExp(`#\\?secret=[A-Za-z0-9]{10}#\\?secret=${secret}"`));
    partner.substitute["@WP_EMBED@"] = stored;
    const page = await open(`${partner.url}oembed-wordpress.html`);
    const iframe = page.locator("iframe.wp-embedded-content");
    assert.equal(await iframe.getAttribute("sandbox"), "allow-scripts");
    const { frame, card } = await showsWholeCard(page, iframe);
    assert.ok(frame <= 1000, `${frame} px, within WordPress's cap`);
    // wp-embed.js took the frame's message: it removed the hiding style and hid the link.
    assert.equal(await iframe.getAttribute("style"), null);
    assert.equal(await page.locator("blockquote.wp-embedded-content").isVisible(), false);
    const inside = await (await iframe.elementHandle()).contentFrame();
    assert.ok((await inside.locator(".embed-root").textContent()).includes(REFERENCE.headline));
    assert.ok(card > 0);
    noProblems(page);
    await page.context().close();
  });

  test("a consumer that keeps scripts: our loader sizes the frame and hides the link", async () => {
    const oembed = await oembedDocument();
    partner.substitute["@OEMBED_HTML@"] = oembed.html;
    const page = await open(`${partner.url}oembed-raw.html`);
    const iframe = page.locator("iframe.signal-embed-frame");
    await showsWholeCard(page, iframe);
    await eventually(() => page.locator("blockquote.wp-embedded-content").isVisible(), false);
    assert.equal(await page.locator("iframe").count(), 1, "the loader adopted the frame, and made none");
    noProblems(page);
    await page.context().close();
  });

  test("pym.js, given the document's frame URL, sizes the card", async () => {
    const oembed = await oembedDocument();
    const src = /<iframe [^>]*src="([^"#]*)/.exec(oembed.html)[1];
    partner.substitute["@CARD_FRAME@"] = src;
    const page = await open(`${partner.url}oembed-pym.html`);
    await showsWholeCard(page, page.locator("#signal-card iframe"));
    noProblems(page);
    await page.context().close();
  });

  for (const [version, finds] of [["8.8.1", "by its secret in its src"], ["8.47.0", "by its window"]]) {
    test(`Datawrapper's listener (chart-core ${version}) finds the document's frame ${finds} and sizes it`, async () => {
      const oembed = await oembedDocument();
      // The frame as pasted from the document, without the blockquote and the loader.
      partner.substitute["@OEMBED_FRAME@"] = /<iframe[\s\S]*?<\/iframe>/.exec(oembed.html)[0];
      partner.substitute["@DW_VERSION@"] = version;
      const page = await open(`${partner.url}oembed-datawrapper.html`);
      await showsWholeCard(page, page.locator("iframe"));
      noProblems(page);
      await page.context().close();
    });
  }
});

describe("the published feeds, sitemap, robots.txt and manifest", () => {
  const read = (file) => readFile(join(site.dir, file), "utf8");

  test("validate with third-party validators", async () => {
    assert.deepEqual(await validateJsonFeed(await read("feed.json"), { version: "1.1" }), []);
    assert.deepEqual(await validateAtom(await read("feed.xml")), []);
    assert.deepEqual(await validateSitemap(await read("sitemap.xml"), { siteUrl: host.url }), []);
    const robots = await validateRobots(await read("robots.txt"), host.url);
    assert.deepEqual(robots.problems, []);
    assert.deepEqual(robots.sitemaps, [`${host.url}sitemap.xml`]);
    const manifestUrl = `${host.url}manifest.webmanifest`;
    const manifest = await read("manifest.webmanifest");
    assert.deepEqual(await validateManifest(manifest, { manifestUrl }), []);
    assert.deepEqual(await checkManifestIcons(manifest, { manifestUrl, siteUrl: host.url, siteDir: site.dir }), []);
  });

  test("every page announces the feeds, and the browser finds the manifest", async () => {
    const page = await open(host.url + ARTICLE);
    await settled(page);
    const alternates = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="alternate"]')].map((l) => [l.type, l.href]),
    );
    assert.deepEqual(alternates, [
      ["application/feed+json", `${host.url}feed.json`],
      ["application/atom+xml", `${host.url}feed.xml`],
    ], "the feeds stay when the app takes over; the oEmbed link goes with the prerendered head");
    const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
    assert.equal(manifest, `${host.url}manifest.webmanifest`);
    const response = await fetch(manifest);
    assert.equal(response.status, 200);
    noProblems(page);
    await page.context().close();
  });

  test("a second reader pointed at this one's feed.json shows every article as this one does", async () => {
    const feed = JSON.parse(await read("feed.json"));
    assert.ok(feed.items.length >= 5, `${feed.items.length} items`);
    const copy = await deploySite(DIST, `${host.url}feed.json`);
    const other = await startStaticHost({ root: copy.dir });
    try {
      const shape = (page) =>
        page.evaluate(() => {
          const walk = (node) => {
            if (node.nodeType === 3) return node.data.trim() ? JSON.stringify(node.data.trim()) : "";
            if (node.nodeType !== 1) return "";
            const attributes = [...node.attributes]
              .map((a) => `${a.name}=${JSON.stringify(a.value.replace(location.origin, "ORIGIN"))}`)
              .sort()
              .join(" ");
            return `<${node.localName} ${attributes}>${[...node.childNodes].map(walk).join("")}</${node.localName}>`;
          };
          return walk(document.querySelector("main article"));
        });
      for (const item of feed.items) {
        const slug = item._signal.slug;
        const here = await open(`${host.url}articles/${encodeURIComponent(slug)}`);
        await settled(here);
        const there = await open(`${other.url}articles/${encodeURIComponent(slug)}`);
        await settled(there);
        assert.equal(await shape(there), await shape(here), slug);
        noProblems(here);
        noProblems(there);
        await here.context().close();
        await there.context().close();
      }
    } finally {
      await other.close();
      await copy.remove();
    }
  });
});
