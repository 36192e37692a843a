// Validators for the files the prerenderer publishes beside the pages (crates/model/src/publish):
// feed.json, feed.xml, sitemap.xml, robots.txt and manifest.webmanifest. Each function takes the
// document's text and resolves to a list of problems, one readable string each; an empty list
// means valid. Every check that a third-party validator or schema can make is made by one:
//
//   JSON Feed 1.1   the JSON Schema of npm jsonfeed-schema 0.5.0 (schema-v1.1.json, draft-07),
//                   run by Ajv 8.20.0 with ajv-formats 3.0.1 (uri, date-time)
//   Atom 1.0        the RELAX NG schema of RFC 4287, Appendix B (vendor/atom.rnc, verbatim), run
//                   by jing (Debian's jing 20220510, the reference RELAX NG validator), and the
//                   schema's own Schematron rules plus a few MUSTs of the RFC's prose
//                   (atom-rules.sch, run by jing's Schematron)
//   sitemap         the sitemaps.org 0.9 XML Schemas (vendor/sitemap.xsd, vendor/siteindex.xsd,
//                   verbatim), run by jing (Xerces); the protocol's limits (50,000 URLs, 50 MiB)
//                   and "absolute URL" rule are counted here
//   robots.txt      Lighthouse 12.8.2's robots-txt audit (syntax, directives, sitemap URLs) and
//                   robots-parser 3.0.1 (is "/" allowed, which Sitemap lines it reads)
//   manifest        Lighthouse 12.8.2's manifest parser (a port of Chrome's), webhint's JSON
//                   Schema for the Web App Manifest (npm @hint/parser-manifest 2.3.20,
//                   vendor/webhint-manifest-schema.json) run by Ajv, and PWABuilder's
//                   installability tests (npm @pwabuilder/manifest-validation 0.0.9, "required");
//                   checkManifestIcons reads the icon files' PNG headers itself (no validator does)
//
// What could not be had (tests/validate/vendor/SOURCES.md): the W3C Feed Validator is in no
// registry reachable here (PyPI has no copy; Debian dropped python-feedvalidator after buster).
//
// XML documents go to jing as files: pass a Buffer to keep a document's own bytes (an encoding
// other than UTF-8), a string is written as UTF-8. jing is Debian's package `jing`
// (scripts/setup --test installs it; Java is already there).

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import robotsParser from 'robots-parser';
import { validateManifest as pwabuilderValidate } from '@pwabuilder/manifest-validation';
import RobotsTxtAudit from 'lighthouse/core/audits/seo/robots-txt.js';
import { parseManifest } from 'lighthouse/core/lib/manifest-parser.js';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, 'vendor');

export const SCHEMAS = {
  atom: join(vendor, 'atom.rnc'),
  atomRules: join(here, 'atom-rules.sch'),
  sitemap: join(vendor, 'sitemap.xsd'),
  siteindex: join(vendor, 'siteindex.xsd'),
  manifest: join(vendor, 'webhint-manifest-schema.json'),
  jsonFeed: require.resolve('jsonfeed-schema/schema-v1.1.json'),
};

/** sitemaps.org: "no more than 50,000 URLs and must be no larger than 50MB (52,428,800 bytes)". */
export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_MAX_BYTES = 52_428_800;

const JSON_FEED_1_1 = 'https://jsonfeed.org/version/1.1';

// ---------------------------------------------------------------------------------------------
// jing

const JING = process.env.JING || 'jing';
// Short-lived JVMs: the quick compiler alone and the serial collector halve jing's start-up CPU.
const JING_ENV = {
  ...process.env,
  JAVA_TOOL_OPTIONS: process.env.JAVA_TOOL_OPTIONS ?? '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC',
};

// A JVM starts in a fraction of a second, so documents validated against the same schema in the
// same turn of the event loop (Promise.all) share one jing process: jing prefixes each message
// with its file's path. Schematron messages carry no path, so a .sch schema runs one document
// per process. At most as many processes at once as cores (2 on CI).
const batches = new Map();
let running = 0;
const waiting = [];
const slots = Math.max(1, availableParallelism());

async function inSlot(work) {
  if (running >= slots) await new Promise((go) => waiting.push(go));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Validates one document with jing; resolves to its messages (none when valid), each starting
 * with `name` (the file name jing is shown) where jing gives a location. `compact` for a RELAX NG
 * compact (.rnc) schema.
 */
function jing(schema, document, name, { compact = false } = {}) {
  return new Promise((resolve, reject) => {
    const job = { document, name, resolve, reject };
    if (schema.endsWith('.sch')) {
      runJing(schema, compact, [job]);
      return;
    }
    const key = `${compact}:${schema}`;
    let batch = batches.get(key);
    if (!batch) {
      batch = [];
      batches.set(key, batch);
      setImmediate(() => {
        batches.delete(key);
        runJing(schema, compact, batch);
      });
    }
    batch.push(job);
  });
}

async function runJing(schema, compact, jobs) {
  const dir = await mkdtemp(join(tmpdir(), 'validate-'));
  try {
    const files = await Promise.all(
      jobs.map(async (job, i) => {
        await mkdir(join(dir, String(i)));
        const file = join(dir, String(i), job.name);
        await writeFile(file, job.document);
        return file;
      }),
    );
    const args = [...(compact ? ['-c'] : []), schema, ...files];
    const { code, stdout, stderr } = await inSlot(
      () =>
        new Promise((done, fail) => {
          execFile(JING, args, { env: JING_ENV, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
            if (error && typeof error.code !== 'number') {
              fail(
                new Error(
                  `cannot run jing (${error.code || error.message}): install Debian's jing ` +
                    '(scripts/setup --test), or set JING to its path',
                ),
              );
            } else {
              done({ code: error ? error.code : 0, stdout, stderr });
            }
          });
        }),
    );
    const lines = stdout.split('\n').map((line) => line.trim()).filter(Boolean);
    if (code !== 0 && lines.length === 0) {
      // Debian's wrapper warns on stderr about optional jars it cannot find, and the JVM echoes
      // JAVA_TOOL_OPTIONS: neither is worth showing.
      const reason = stderr
        .split('\n')
        .filter((l) => l && !l.startsWith('[warning]') && !l.startsWith('Picked up'))
        .join(' ');
      throw new Error(`jing exited with ${code} and no message: ${reason}`);
    }
    const messages = jobs.map(() => []);
    for (const line of lines) {
      const i = files.findIndex((file) => line.startsWith(`${file}:`));
      if (i >= 0) {
        messages[i].push(jobs[i].name + line.slice(files[i].length));
      } else if (jobs.length === 1) {
        // Schematron: "error: assertion failed:" then the message on the next line.
        const own = messages[0];
        if (own.length && own.at(-1).endsWith('assertion failed:')) own[own.length - 1] += ` ${line}`;
        else own.push(line);
      } else {
        throw new Error(`jing said something about no file it was given: ${line}`);
      }
    }
    jobs.forEach((job, i) => job.resolve(messages[i]));
  } catch (error) {
    jobs.forEach((job) => job.reject(error));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// JSON Feed

let jsonFeedValidator;
function compileJsonFeedSchema() {
  if (!jsonFeedValidator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    jsonFeedValidator = ajv.compile(require('jsonfeed-schema/schema-v1.1.json'));
  }
  return jsonFeedValidator;
}

function ajvProblems(errors, label) {
  return (errors ?? []).map((e) => {
    const where = e.instancePath || '(root)';
    const detail = e.params?.allowedValues
      ? `: ${e.params.allowedValues.join(', ')}`
      : e.params?.additionalProperty
        ? `: "${e.params.additionalProperty}"`
        : '';
    return `${label}: ${where} ${e.message}${detail}`;
  });
}

/**
 * JSON Feed (https://jsonfeed.org/version/1.1). Options: `version: '1.1'` to require version 1.1
 * (the schema accepts 1 and 1.1).
 */
export async function validateJsonFeed(text, { version } = {}) {
  let feed;
  try {
    feed = JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text));
  } catch (e) {
    return [`not JSON: ${e.message}`];
  }
  const validate = compileJsonFeedSchema();
  const problems = validate(feed) ? [] : ajvProblems(validate.errors, 'JSON Feed schema');
  if (version === '1.1' && feed?.version !== JSON_FEED_1_1) {
    problems.push(`version is ${JSON.stringify(feed?.version)}, not "${JSON_FEED_1_1}"`);
  }
  // The spec's prose, beyond the schema: next_url "MUST NOT be the same as the feed_url"; an
  // item's id "is unique for that item for that feed".
  if (feed && typeof feed === 'object') {
    if (feed.next_url !== undefined && feed.next_url === feed.feed_url) {
      problems.push('next_url must not be the same as feed_url (JSON Feed 1.1, next_url)');
    }
    const seen = new Set();
    for (const item of Array.isArray(feed.items) ? feed.items : []) {
      if (item && typeof item.id === 'string') {
        if (seen.has(item.id)) problems.push(`two items have the id ${JSON.stringify(item.id)}`);
        seen.add(item.id);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Atom

/** Atom 1.0 (RFC 4287), a feed or an entry document; RFC 5005 paging links are plain links. */
export async function validateAtom(text, { name = 'feed.xml' } = {}) {
  const [grammar, rules] = await Promise.all([
    jing(SCHEMAS.atom, text, name, { compact: true }),
    jing(SCHEMAS.atomRules, text, name),
  ]);
  // A document that is not well-formed gets its parser's message once, from the grammar.
  const fatal = grammar.some((line) => line.includes(' fatal: '));
  return [
    ...grammar.map((line) => `RFC 4287 schema: ${line}`),
    ...(fatal ? [] : rules.map((line) => `RFC 4287 rules: ${line}`)),
  ];
}

// ---------------------------------------------------------------------------------------------
// Sitemaps

function unescapeXml(s) {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex, dec, named) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase()];
  });
}

/**
 * The kind of a sitemap document (`urlset`, `sitemapindex`, or null) and the URLs of its
 * `<loc>` elements (unescaped): the pages, or the index's sitemaps.
 */
export function listSitemapLocs(text) {
  const s = typeof text === 'string' ? text : new TextDecoder().decode(text);
  const body = s.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
  const root = /<(?:[\w.-]+:)?(urlset|sitemapindex)[\s>/]/.exec(body);
  const locs = [...body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => unescapeXml(m[1]).trim());
  return { kind: root ? root[1] : null, locs };
}

/**
 * A sitemap (sitemaps.org 0.9): a `urlset`, or past 50,000 URLs a `sitemapindex`, recognised by
 * its root element. Options: `siteUrl` (ending in "/") to require every URL under the site.
 */
export async function validateSitemap(text, { siteUrl, name = 'sitemap.xml' } = {}) {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  const { kind, locs } = listSitemapLocs(bytes);
  const problems = [];
  if (!kind) {
    return [
      'not a sitemap: no <urlset> or <sitemapindex> root element ' +
        '(xmlns="http://www.sitemaps.org/schemas/sitemap/0.9")',
    ];
  }
  const schema = kind === 'urlset' ? SCHEMAS.sitemap : SCHEMAS.siteindex;
  problems.push(...(await jing(schema, bytes, name)).map((line) => `sitemaps.org schema: ${line}`));

  // The protocol's prose (https://www.sitemaps.org/protocol.html).
  const decoded = bytes.toString('utf8');
  if (Buffer.compare(Buffer.from(decoded, 'utf8'), bytes) !== 0) {
    problems.push('not UTF-8: "Your Sitemap file must be UTF-8 encoded"');
  }
  const entries = (decoded.match(kind === 'urlset' ? /<url[\s>]/g : /<sitemap[\s>]/g) ?? []).length;
  if (entries > SITEMAP_MAX_URLS) {
    problems.push(
      `${entries.toLocaleString('en')} ${kind === 'urlset' ? 'URLs' : 'sitemaps'}: ` +
        `a ${kind} holds at most ${SITEMAP_MAX_URLS.toLocaleString('en')}`,
    );
  }
  if (bytes.length > SITEMAP_MAX_BYTES) {
    problems.push(
      `${bytes.length.toLocaleString('en')} bytes: a sitemap is at most ` +
        `${SITEMAP_MAX_BYTES.toLocaleString('en')} bytes (50 MiB) uncompressed`,
    );
  }
  let reported = 0;
  for (const loc of locs) {
    let problem;
    let url;
    try {
      url = new URL(loc);
    } catch {
      problem = `<loc> ${JSON.stringify(loc)} is not an absolute URL`;
    }
    if (url && url.protocol !== 'https:' && url.protocol !== 'http:') {
      problem = `<loc> ${JSON.stringify(loc)} is not an http(s) URL`;
    } else if (url && siteUrl && !loc.startsWith(siteUrl)) {
      problem = `<loc> ${JSON.stringify(loc)} is not under the site ${siteUrl}`;
    }
    if (problem && reported++ < 20) problems.push(problem);
  }
  if (reported > 20) problems.push(`… and ${reported - 20} more <loc> problems`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// robots.txt

/**
 * robots.txt for a site at `siteUrl` (ending in "/"). Resolves to `{problems, sitemaps}`: the
 * Sitemap URLs as robots-parser reads them.
 */
export async function validateRobots(text, siteUrl) {
  const problems = [];
  const audit = RobotsTxtAudit.audit({ RobotsTxt: { status: 200, content: text } });
  for (const item of audit.details?.items ?? []) {
    problems.push(`Lighthouse robots-txt: line ${item.index}: ${item.message}: ${JSON.stringify(item.line)}`);
  }
  const robots = robotsParser(new URL('robots.txt', siteUrl).href, text);
  for (const agent of ['*', 'Googlebot', 'Bingbot']) {
    if (robots.isAllowed(siteUrl, agent) !== true) {
      problems.push(`robots-parser: ${siteUrl} is not allowed for user-agent ${agent}`);
    }
  }
  const sitemaps = robots.getSitemaps();
  if (sitemaps.length === 0) problems.push('robots-parser: no Sitemap line');
  for (const url of sitemaps) {
    if (!URL.canParse(url)) problems.push(`Sitemap ${JSON.stringify(url)} is not an absolute URL`);
  }
  return { problems, sitemaps };
}

// ---------------------------------------------------------------------------------------------
// Web App Manifest

let manifestValidator;
async function compileManifestSchema() {
  if (!manifestValidator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    manifestValidator = ajv.compile(JSON.parse(await readFile(SCHEMAS.manifest, 'utf8')));
  }
  return manifestValidator;
}

function lighthouseWarnings(node, path, out) {
  if (!node || typeof node !== 'object') return out;
  if (typeof node.warning === 'string') out.push(`Lighthouse manifest parser: ${path || '(root)'}: ${node.warning}`);
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'raw' && key !== 'warning') lighthouseWarnings(value, key === 'value' ? path : `${path}.${key}`.replace(/^\./, ''), out);
  }
  return out;
}

/**
 * A Web App Manifest served at `manifestUrl` for pages at `documentUrl` (default: the site's
 * root, the manifest's folder).
 */
export async function validateManifest(text, { manifestUrl, documentUrl } = {}) {
  if (!manifestUrl) throw new Error('validateManifest needs { manifestUrl }');
  documentUrl ??= new URL('./', manifestUrl).href;
  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch (e) {
    return [`not JSON: ${e.message}`];
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return ['not a JSON object'];
  }
  const problems = lighthouseWarnings(parseManifest(text, manifestUrl, documentUrl).value, '', []);
  const validate = await compileManifestSchema();
  if (!validate(manifest)) problems.push(...ajvProblems(validate.errors, 'webhint manifest schema'));
  for (const test of await pwabuilderValidate(manifest, true)) {
    if (test.category === 'required' && !test.valid) {
      problems.push(`PWABuilder (required): ${test.member}: ${test.errorString || test.displayString}`);
    }
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function readPngSize(bytes) {
  const b = Buffer.from(bytes);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (b.length < 24 || !b.subarray(0, 8).equals(signature)) return null;
  if (b.readUInt32BE(8) !== 13 || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * The manifest's icons as files: each `src`, resolved against `manifestUrl`, must be a file of
 * the site (`siteUrl` maps to the folder `siteDir`); a PNG's IHDR size must be one of its
 * declared `sizes`; and the manifest must offer a PNG of each of `requireSizes`.
 */
export async function checkManifestIcons(
  text,
  { manifestUrl, siteUrl, siteDir, requireSizes = ['192x192', '512x512'] },
) {
  const problems = [];
  const manifest = JSON.parse(text);
  const icons = Array.isArray(manifest.icons) ? manifest.icons : [];
  const pngSizes = new Set();
  for (const icon of icons) {
    const label = `icon ${JSON.stringify(icon.src)}`;
    let url;
    try {
      url = new URL(icon.src, manifestUrl);
    } catch {
      problems.push(`${label}: not a URL`);
      continue;
    }
    if (!url.href.startsWith(siteUrl)) {
      problems.push(`${label}: ${url.href} is not under the site ${siteUrl}`);
      continue;
    }
    const path = resolve(siteDir, decodeURIComponent(url.pathname.slice(new URL(siteUrl).pathname.length)));
    if (!path.startsWith(resolve(siteDir) + sep)) {
      problems.push(`${label}: outside the site folder`);
      continue;
    }
    let bytes;
    try {
      bytes = await readFile(path);
    } catch {
      problems.push(`${label}: no file ${path}`);
      continue;
    }
    const declaredPng = icon.type === 'image/png' || (!icon.type && /\.png$/i.test(url.pathname));
    const size = readPngSize(bytes);
    if (declaredPng && !size) {
      problems.push(`${label}: declared image/png, but the file is not a PNG`);
      continue;
    }
    if (!size) continue;
    if (icon.type && icon.type !== 'image/png') {
      problems.push(`${label}: the file is a PNG, but its type says ${icon.type}`);
    }
    const actual = `${size.width}x${size.height}`;
    const declared = String(icon.sizes ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    if (!declared.includes(actual) && !declared.includes('any')) {
      problems.push(`${label}: the PNG is ${actual}, but sizes says ${JSON.stringify(icon.sizes ?? '')}`);
      continue;
    }
    pngSizes.add(actual);
  }
  for (const want of requireSizes) {
    if (!pngSizes.has(want)) problems.push(`no PNG icon of ${want}`);
  }
  return problems;
}
