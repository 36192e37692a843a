// The validators of published.mjs can fail and pass: real-world documents pass (the corpus under
// tests/fixtures/, and files vendored verbatim in vendor/, SOURCES.md), real-world and
// deliberately broken documents fail, each with a message that names what is wrong.
//
//   node --test tests/validate/published.test.mjs

import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  SITEMAP_MAX_BYTES,
  SITEMAP_MAX_URLS,
  checkManifestIcons,
  listSitemapLocs,
  readPngSize,
  validateAtom,
  validateJsonFeed,
  validateManifest,
  validateRobots,
  validateSitemap,
} from './published.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const vendor = (name) => join(here, 'vendor', name);
const fixture = (name) => join(here, '..', 'fixtures', name);
const text = (path) => readFile(path, 'utf8');

const SITE = 'https://drakx.example/';

/** Asserts that `problems` is empty, showing them if not. */
function valid(problems, what) {
  assert.deepEqual(problems, [], `${what} should be valid, but: ${problems.join('\n')}`);
}

/** Asserts that some problem matches each pattern. */
function invalid(problems, patterns, what) {
  assert.ok(problems.length > 0, `${what} should be invalid`);
  for (const pattern of [patterns].flat()) {
    assert.ok(
      problems.some((p) => pattern.test(p)),
      `${what}: no problem matches ${pattern}; the problems were:\n${problems.join('\n')}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

describe('JSON Feed 1.1 (jsonfeed-schema 0.5.0 with Ajv)', () => {
  const ours = () => ({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'DrakX Intelligence',
    home_page_url: SITE,
    feed_url: `${SITE}feed.json`,
    next_url: `${SITE}feed/2.json`,
    language: 'en',
    authors: [{ name: 'DrakX Intelligence', url: SITE }],
    items: [
      {
        id: `${SITE}analysis/sodium-batteries`,
        url: `${SITE}analysis/sodium-batteries`,
        title: 'Sodium Batteries Pass a Grid-Scale Test',
        summary: 'Sodium-ion cells held up for 5,000 cycles.',
        content_html: '<p>Sodium-ion cells have long been the chemistry of the future.</p>',
        date_published: '2026-06-30T23:45:00-07:00',
        date_modified: '2026-07-01T08:00:00Z',
        tags: ['Energy & Infrastructure'],
        _signal: { pillar: 'energy', reading_minutes: 4 },
      },
    ],
  });

  test('real-world feeds pass', async () => {
    for (const name of [
      'wild/jsonfeed/feedrs-jsonfeed-spec-example.json', // jsonfeed.org's own feed
      'wild/jsonfeed/trafilatura-npr-technology.json',
      'wild/jsonfeed/jsonfeed-to-atom-bret-io-test-feed.json', // next_url paging
      'formats/feed.json',
    ]) {
      valid(await validateJsonFeed(await text(fixture(name))), name);
    }
    // Version 1.1 with a `_` extension object, as ours has `_signal`.
    const name = 'wild/jsonfeed/rsparser-jsonfeed-extension.json';
    valid(await validateJsonFeed(await text(fixture(name)), { version: '1.1' }), name);
  });

  test('a feed shaped like ours passes', async () => {
    valid(await validateJsonFeed(JSON.stringify(ours()), { version: '1.1' }), 'our feed');
  });

  test('real-world invalid feeds fail', async () => {
    const influx = await validateJsonFeed(await text(fixture('wild/jsonfeed/feedrs-influxdata-blog-1.1.json')));
    invalid(influx, [/\/items\/0 must have required property 'id'/, /date_published must match format "date-time"/], 'InfluxData (RFC 2822 dates, no ids)');
    const empty = await validateJsonFeed(await text(fixture('wild/jsonfeed/reader-empty.json')));
    invalid(empty, /must have required property 'title'/, 'reader-empty (no title)');
  });

  test('broken copies fail, saying why', async () => {
    const cases = [
      ['no item id', (f) => delete f.items[0].id, /\/items\/0 must have required property 'id'/],
      ['no content', (f) => delete f.items[0].content_html, /must have required property 'content_html'/],
      ['RFC 2822 date', (f) => (f.items[0].date_published = 'Tue, 30 Jun 2026 23:45:00 -0700'), /\/items\/0\/date_published must match format "date-time"/],
      ['date without zone', (f) => (f.items[0].date_modified = '2026-07-01T08:00:00'), /date_modified must match format "date-time"/],
      ['unknown version', (f) => (f.version = 'https://jsonfeed.org/version/2'), /\/version must be equal to one of the allowed values/],
      ['relative next_url', (f) => (f.next_url = 'feed/2.json'), /\/next_url must match format "uri"/],
      ['bad item url', (f) => (f.items[0].url = 'https://drakx.example/a b'), /\/items\/0\/url must match format "uri"/],
      ['extension not an object', (f) => (f.items[0]._signal = 'energy'), /\/items\/0\/_signal must be object/],
      ['unknown member', (f) => (f.items[0].signal = {}), /must NOT have additional properties: "signal"/],
      ['next_url is feed_url', (f) => (f.next_url = f.feed_url), /next_url must not be the same as feed_url/],
      ['duplicate ids', (f) => f.items.push({ ...f.items[0] }), /two items have the id/],
    ];
    for (const [what, breakIt, pattern] of cases) {
      const feed = ours();
      breakIt(feed);
      invalid(await validateJsonFeed(JSON.stringify(feed)), pattern, what);
    }
    invalid(await validateJsonFeed('{"version": '), /not JSON/, 'truncated');
    invalid(
      await validateJsonFeed(JSON.stringify({ ...ours(), version: 'https://jsonfeed.org/version/1' }), { version: '1.1' }),
      /not "https:\/\/jsonfeed.org\/version\/1.1"/,
      'version 1 where 1.1 is required',
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('Atom 1.0 (RFC 4287 RELAX NG schema and rules, jing)', () => {
  const ours = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>DrakX Intelligence</title>
  <subtitle>Signal of Hope analyses</subtitle>
  <link rel="self" type="application/atom+xml" href="${SITE}feed/2.xml"/>
  <link rel="alternate" type="text/html" href="${SITE}"/>
  <link rel="first" href="${SITE}feed.xml"/>
  <link rel="previous" href="${SITE}feed.xml"/>
  <link rel="next" href="${SITE}feed/3.xml"/>
  <link rel="last" href="${SITE}feed/3.xml"/>
  <id>${SITE}feed.xml</id>
  <updated>2026-07-02T09:30:00Z</updated>
  <author><name>DrakX Intelligence</name><uri>${SITE}</uri></author>
  <generator uri="${SITE}" version="1">Signal of Hope</generator>
  <entry>
    <id>${SITE}analysis/sodium-batteries</id>
    <title type="html">Sodium Batteries Pass a &lt;em&gt;Grid-Scale&lt;/em&gt; Test</title>
    <link rel="alternate" type="text/html" href="${SITE}analysis/sodium-batteries"/>
    <published>2026-06-30T23:45:00-07:00</published>
    <updated>2026-07-01T08:00:00-07:00</updated>
    <category term="energy" label="Energy &amp; Infrastructure"/>
    <summary>Sodium-ion cells held up for 5,000 cycles.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Sodium-ion cells.</p></div></content>
  </entry>
</feed>
`;

  test('real-world feeds pass', async () => {
    const names = [
      'wild/atom/feedrs-rfc4287-spec-example.xml', // RFC 4287's own example
      'wild/atom/feedrs-github-releases.xml',
      'wild/atom/rssparser-heise-developer-de.atom',
      'wild/atom/jsonfeed-to-atom-daringfireball.xml',
      'wild/atom/feedrs-standalone-entry.xml', // an entry document
    ];
    const results = await Promise.all(names.map(async (n) => validateAtom(await readFile(fixture(n)))));
    names.forEach((name, i) => valid(results[i], name));
  });

  test('a paged feed shaped like ours passes (RFC 5005 links)', async () => {
    valid(await validateAtom(ours), 'our feed');
  });

  test('real-world invalid feeds fail', async () => {
    const [dates, ids, atom03] = await Promise.all(
      [
        'wild/atom/atomcrate-rfc2822-dates-with-whitespace.xml',
        'wild/atom/feedrs-reddit-rust.xml',
        'wild/atom/feedparser-xml-base-override.xml',
      ].map(async (n) => validateAtom(await readFile(fixture(n)))),
    );
    invalid(dates, [/content of element "updated" invalid; must be an ISO date and time/, /missing required elements "id", "title" and "updated"/], 'RFC 2822 dates');
    invalid(ids, /atom:id must be an absolute IRI/, 'Reddit ("t3_…" ids)');
    invalid(atom03, /element "feed" not allowed here; expected element "ns:entry" or "ns:feed"/, 'Atom 0.3 namespace');
  });

  test('broken copies fail, saying why', async () => {
    const cases = [
      ['no feed id', ours.replace(`<id>${SITE}feed.xml</id>`, ''), /missing required element "id"/],
      ['no entry title', ours.replace(/<title type="html">.*<\/title>/, ''), /element "entry" incomplete; missing required element "title"/],
      ['RFC 2822 date', ours.replace('2026-07-02T09:30:00Z', 'Thu, 02 Jul 2026 09:30:00 GMT'), /content of element "updated" invalid; must be an ISO date and time/],
      ['date without zone', ours.replace('2026-07-02T09:30:00Z', '2026-07-02T09:30:00'), /A Date construct must end in "Z" or a numeric offset/],
      ['Atom 0.3 namespace', ours.replace('http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'), /element "feed" not allowed here; expected element "(ns:)?entry" or "(ns:)?feed" \(with xmlns(:ns)?="http:\/\/www.w3.org\/2005\/Atom"\)/],
      ['no namespace', ours.replace(' xmlns="http://www.w3.org/2005/Atom"', ''), /element "feed" not allowed here/],
      ['no author anywhere', ours.replace(/<author>.*<\/author>/, ''), [/An atom:feed must have an atom:author/, /An atom:entry must have an atom:author/]],
      ['relative id', ours.replace(`<id>${SITE}analysis/sodium-batteries</id>`, '<id>analysis/sodium-batteries</id>'), /atom:id must be an absolute IRI/],
      ['no link and no content', ours.replace(/<link rel="alternate" type="text\/html" href="[^"]*analysis[^"]*"\/>/, '').replace(/<content[\s\S]*<\/content>/, ''), /at least one atom:link element with a rel attribute of 'alternate' or an atom:content/],
      ['two alternates alike', ours.replace('<link rel="first"', `<link rel="alternate" type="text/html" href="${SITE}index.html"/><link rel="first"`), /more than one atom:link with rel="alternate" and the same type and hreflang/],
      ['content src without summary', ours.replace(/<summary>.*<\/summary>/, '').replace(/<content[\s\S]*<\/content>/, `<content type="text/html" src="${SITE}a.html"/>`), /whose atom:content has a src attribute must have an atom:summary/],
      ['bad xml:lang', ours.replace('xml:lang="en"', 'xml:lang="en_US"'), /value of attribute "xml:lang" is invalid/],
      ['not well-formed', ours.replace('</feed>', ''), /fatal: XML document structures must start and end within the same entity/],
    ];
    const results = await Promise.all(cases.map(([, doc]) => validateAtom(doc)));
    cases.forEach(([what, , pattern], i) => invalid(results[i], pattern, what));
  });
});

// ---------------------------------------------------------------------------------------------

describe('sitemaps (sitemaps.org 0.9 XML Schemas, jing)', () => {
  const urlset = (locs, extra = '') =>
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    locs.map((loc) => `<url><loc>${loc}</loc><lastmod>2026-07-01T08:00:00Z</lastmod></url>\n`).join('') +
    extra +
    '</urlset>\n';
  const articles = (n) => Array.from({ length: n }, (_, i) => `${SITE}analysis/article-${i + 1}`);

  test('the sitemaps.org examples pass: a urlset and a sitemapindex', async () => {
    const set = await text(vendor('sitemaps-org-example-sitemap.xml'));
    const index = await text(vendor('sitemaps-org-example-sitemap_index.xml'));
    valid(await validateSitemap(set), 'sitemap.xml example');
    valid(await validateSitemap(index), 'sitemap index example');
    assert.equal(listSitemapLocs(index).kind, 'sitemapindex');
    assert.deepEqual(listSitemapLocs(index).locs, ['http://www.example.com/sitemap1.xml', 'http://www.example.com/sitemap2.xml']);
    assert.equal(listSitemapLocs(set).locs[1], 'http://www.example.com/catalog?item=12&desc=vacation_hawaii');
  });

  test('50,000 URLs pass; an index of the parts passes', async () => {
    valid(await validateSitemap(urlset(articles(SITEMAP_MAX_URLS)), { siteUrl: SITE }), '50,000 URLs');
    const index =
      '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      [1, 2].map((n) => `<sitemap><loc>${SITE}sitemap-${n}.xml</loc><lastmod>2026-07-02</lastmod></sitemap>\n`).join('') +
      '</sitemapindex>\n';
    valid(await validateSitemap(index, { siteUrl: SITE }), 'index of sitemap-1.xml, sitemap-2.xml');
  });

  test('past the limits fails: 50,001 URLs, more than 50 MiB', async () => {
    invalid(await validateSitemap(urlset(articles(SITEMAP_MAX_URLS + 1))), /50,001 URLs: a urlset holds at most 50,000/, '50,001 URLs');
    const padding = `<!--${'x'.repeat(SITEMAP_MAX_BYTES)}-->\n`;
    invalid(await validateSitemap(urlset(articles(1), padding)), /bytes: a sitemap is at most 52,428,800 bytes \(50 MiB\)/, '> 50 MiB');
  });

  test('broken copies fail, saying why', async () => {
    const one = urlset([`${SITE}analysis/sodium-batteries`]);
    const cases = [
      ['no loc', one.replace(/<loc>.*<\/loc>/, ''), /Invalid content was found starting with element .*lastmod.*One of .*loc.* is expected/],
      ['bad lastmod', one.replace('2026-07-01T08:00:00Z', 'July 1, 2026'), /'July 1, 2026' is not a valid value of union type 'tLastmod'/],
      ['bad changefreq', one.replace('</lastmod>', '</lastmod><changefreq>sometimes</changefreq>'), /Value 'sometimes' is not facet-valid with respect to enumeration/],
      ['old Google namespace', one.replace('http://www.sitemaps.org/schemas/sitemap/0.9', 'http://www.google.com/schemas/sitemap/0.84'), /Cannot find the declaration of element 'urlset'/],
      ['relative URL', urlset(['/analysis/sodium-batteries']), /<loc> "\/analysis\/sodium-batteries" is not an absolute URL/],
      ['not a URL', urlset(['not a url at all']), /<loc> "not a url at all" is not an absolute URL/],
      ['another site', urlset(['https://elsewhere.example/analysis/x']), /is not under the site https:\/\/drakx.example\//],
      ['not a sitemap', '<?xml version="1.0"?><rss version="2.0"/>', /not a sitemap: no <urlset> or <sitemapindex> root element/],
      ['not well-formed', one.replace('</urlset>', ''), /fatal: XML document structures must start and end within the same entity/],
    ];
    const results = await Promise.all(cases.map(([, doc]) => validateSitemap(doc, { siteUrl: SITE })));
    cases.forEach(([what, , pattern], i) => invalid(results[i], pattern, what));
  });
});

// ---------------------------------------------------------------------------------------------

describe('robots.txt (Lighthouse robots-txt audit, robots-parser)', () => {
  const ours = `User-agent: *\nAllow: /\n\nSitemap: ${SITE}sitemap.xml\n`;

  test('real-world files pass and their Sitemap lines are read', async () => {
    const gitlab = await validateRobots(await text(vendor('protego-robots-about.gitlab.com.txt')), 'https://about.gitlab.com/');
    valid(gitlab.problems, 'about.gitlab.com');
    assert.deepEqual(gitlab.sitemaps, ['https://about.gitlab.com/sitemap.xml']);
    const abc7 = await validateRobots(await text(vendor('protego-robots-abc7.com.txt')), 'https://abc7.com/');
    valid(abc7.problems, 'abc7.com');
    assert.equal(abc7.sitemaps.length, 4);
  });

  test('ours passes', async () => {
    const { problems, sitemaps } = await validateRobots(ours, SITE);
    valid(problems, 'our robots.txt');
    assert.deepEqual(sitemaps, [`${SITE}sitemap.xml`]);
  });

  test('real-world and broken files fail, saying why', async () => {
    const cases = [
      ['create-react-app (no Sitemap)', await text(vendor('cra-template-public/robots.txt')), SITE, /no Sitemap line/],
      ['coolmaterial.com (Sitemap URL on its own line)', await text(vendor('protego-robots-coolmaterial.com.txt')), 'https://coolmaterial.com/', [/line 11: Invalid sitemap URL/, /line 12: Unknown directive/, /no Sitemap line/]],
      ['agendaweb.org (protocol-relative Sitemap)', await text(vendor('protego-robots-agendaweb.org.txt')), 'https://www.agendaweb.org/', [/Invalid sitemap URL: "Sitemap: \/\/www.agendaweb.org\/sitemap.xml"/, /is not an absolute URL/]],
      ['bmfbovespa.com.br (Disallow: /)', await text(vendor('protego-robots-www.bmfbovespa.com.br.txt')), 'https://www.bmfbovespa.com.br/', /is not allowed for user-agent \*/],
      ['a typo', ours.replace('Allow: /', 'Alow: /'), SITE, /Unknown directive: "Alow: \/"/],
      ['pattern without a slash', ours.replace('Allow: /', 'Disallow: private'), SITE, /Pattern should either be empty, start with "\/" or "\*"/],
      ['everything disallowed', ours.replace('Allow: /', 'Disallow: /'), SITE, /is not allowed for user-agent \*/],
      ['Googlebot disallowed', `User-agent: Googlebot\nDisallow: /\n\n${ours}`, SITE, /is not allowed for user-agent Googlebot/],
      ['relative Sitemap', ours.replace(`${SITE}sitemap.xml`, '/sitemap.xml'), SITE, [/Invalid sitemap URL/, /"\/sitemap.xml" is not an absolute URL/]],
    ];
    for (const [what, doc, site, pattern] of cases) {
      invalid((await validateRobots(doc, site)).problems, pattern, what);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('Web App Manifest (Lighthouse parser, webhint schema, PWABuilder) and icon files', () => {
  const manifestUrl = `${SITE}manifest.webmanifest`;
  const ours = () => ({
    id: '/',
    name: 'Signal of Hope',
    short_name: 'Signal',
    description: 'Analyses from DrakX Intelligence.',
    lang: 'en',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#0b3d2e',
    background_color: '#ffffff',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  });

  test("create-react-app's manifest and its icon files pass", async () => {
    const siteDir = vendor('cra-template-public');
    const manifest = await text(join(siteDir, 'manifest.json'));
    valid(await validateManifest(manifest, { manifestUrl: `${SITE}manifest.json` }), 'cra-template manifest.json');
    valid(await checkManifestIcons(manifest, { manifestUrl: `${SITE}manifest.json`, siteUrl: SITE, siteDir }), 'cra-template icons');
    assert.deepEqual(readPngSize(await readFile(join(siteDir, 'logo512.png'))), { width: 512, height: 512 });
    assert.equal(readPngSize(await readFile(join(siteDir, 'favicon.ico'))), null);
  });

  test('a manifest shaped like ours passes, with its icon files', async () => {
    const siteDir = await mkdtemp(join(tmpdir(), 'manifest-'));
    try {
      await mkdir(join(siteDir, 'icons'));
      await copyFile(vendor('cra-template-public/logo192.png'), join(siteDir, 'icons/icon-192.png'));
      await copyFile(vendor('cra-template-public/logo512.png'), join(siteDir, 'icons/icon-512.png'));
      await copyFile(vendor('cra-template-public/logo512.png'), join(siteDir, 'icons/maskable-512.png'));
      const manifest = JSON.stringify(ours());
      valid(await validateManifest(manifest, { manifestUrl }), 'our manifest');
      valid(await checkManifestIcons(manifest, { manifestUrl, siteUrl: SITE, siteDir }), 'our icons');

      const swapped = ours();
      swapped.icons[0].src = 'icons/icon-512.png';
      invalid(await checkManifestIcons(JSON.stringify(swapped), { manifestUrl, siteUrl: SITE, siteDir }), [/the PNG is 512x512, but sizes says "192x192"/, /no PNG icon of 192x192/], 'wrong file for 192x192');
      const missing = ours();
      missing.icons[1].src = 'icons/gone.png';
      invalid(await checkManifestIcons(JSON.stringify(missing), { manifestUrl, siteUrl: SITE, siteDir }), /icon "icons\/gone.png": no file/, 'missing file');
      const ico = ours();
      ico.icons[0].src = '../favicon.ico';
      invalid(await checkManifestIcons(JSON.stringify(ico), { manifestUrl, siteUrl: SITE, siteDir: join(siteDir, 'icons') }), /no file|outside/, 'outside the folder');
      const elsewhere = ours();
      elsewhere.icons[0].src = 'https://cdn.example/icon-192.png';
      invalid(await checkManifestIcons(JSON.stringify(elsewhere), { manifestUrl, siteUrl: SITE, siteDir }), /is not under the site/, 'icon on another host');
    } finally {
      await rm(siteDir, { recursive: true, force: true });
    }
  });

  test("a real-world manifest without PNG icons fails PWABuilder's installability test", async () => {
    const problems = await validateManifest(await text(vendor('playwright-trace-viewer.webmanifest')), { manifestUrl });
    invalid(problems, /PWABuilder \(required\): icons: Need at least one PNG icon 512x512 or larger/, 'Playwright trace viewer');
  });

  test('broken copies fail, saying why', async () => {
    const cases = [
      ['no name', (m) => delete m.name, /PWABuilder \(required\): name: name is required/],
      ['name not a string', (m) => (m.name = 5), [/Lighthouse manifest parser: name: ERROR: expected a string/, /webhint manifest schema: \/name must be string/]],
      ['start_url on another origin', (m) => (m.start_url = 'https://elsewhere.example/'), /start_url: ERROR: start_url must be same-origin as document/],
      ['unknown display', (m) => (m.display = 'kiosk'), [/'display' has invalid value kiosk/, /\/display must be equal to one of the allowed values/]],
      ['icons not an array', (m) => (m.icons = { src: 'icons/icon-192.png' }), [/'icons' expected to be an array/, /\/icons must be array/]],
      ['"any maskable" icon', (m) => (m.icons[2].purpose = 'any maskable'), /Seperate Icons are needed for both maskable and any/],
      ['no 512 PNG', (m) => (m.icons = m.icons.slice(0, 1)), /Need at least one PNG icon 512x512 or larger/],
      ['bad icon sizes', (m) => (m.icons[0].sizes = '192 by 192'), /\/icons\/0\/sizes must match pattern/],
      ['unknown member', (m) => (m.colour = 'red'), /must NOT have additional properties: "colour"/],
    ];
    for (const [what, breakIt, pattern] of cases) {
      const manifest = ours();
      breakIt(manifest);
      invalid(await validateManifest(JSON.stringify(manifest), { manifestUrl }), pattern, what);
    }
    invalid(await validateManifest('{"name": "x",}', { manifestUrl }), /not JSON/, 'trailing comma');
  });
});
