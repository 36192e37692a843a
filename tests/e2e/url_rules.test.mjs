// public/boot.js against the app's URL rules: boot.js asks for the page's JSON before the
// wasm loads, and the app only reuses that request when its URL is the one the app would ask
// for (src/source/http.rs); any difference downloads the document twice. The rules are the
// Rust model's (crates/model/src/api.rs, link.rs), written as a table of cases to
// tests/fixtures/url-rules.json by crates/model/tests/url_rules.rs. Here the real boot.js runs
// in a `vm` context, with a minimal window that records its requests, once per case.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

// Not the harness's: this test needs neither a build nor a browser.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const BOOT = new vm.Script(await readFile(join(ROOT, "public/boot.js"), "utf8"), { filename: "public/boot.js" });
const RULES = JSON.parse(await readFile(join(ROOT, "tests/fixtures/url-rules.json"), "utf8"));

/**
 * Runs boot.js as the page `page` under the base URL `base`, with `signal:api-base` set to
 * `apiBase` (null: no such meta). Returns the requests it made, what it left for the app in
 * `window.__signalPreload`, and the attributes it set on <html>.
 * `respond(url)`: the fake response to a request (default: one that never comes);
 * `storage`: the fake localStorage's contents.
 */
function runBoot({ page, base, apiBase, respond = () => new Promise(() => {}), storage = {} }) {
  const location = new URL(page);
  const requests = [];
  const htmlAttributes = {};
  const storageReads = [];
  const meta = (content) => ({ getAttribute: (name) => (name === "content" ? content : null) });
  const window = {
    location,
    history: { state: null },
    document: {
      baseURI: base,
      documentElement: {
        setAttribute: (name, value) => (htmlAttributes[name] = value),
        classList: { add: (name) => (htmlAttributes.class = name) },
      },
      head: { appendChild: () => {} },
      createElement: () => ({}),
      querySelector: (selector) =>
        selector === 'meta[name="signal:api-base"]' && apiBase !== null ? meta(apiBase) : null,
      // No module metas: the app's modules are modules.test.mjs's subject.
      querySelectorAll: () => [],
    },
    localStorage: {
      getItem: (key) => {
        storageReads.push(key);
        return storage[key] ?? null;
      },
    },
    fetch: (url, init) => {
      requests.push({ url: String(url), headers: { ...init?.headers } });
      return respond(String(url));
    },
    URL,
    AbortController,
    TextEncoder,
    TextDecoder,
  };
  window.window = window;
  const context = vm.createContext(window);
  BOOT.runInContext(context);
  return { requests, preload: context.__signalPreload, htmlAttributes, storageReads };
}

/** What boot.js did that differs from the table's `request` for `row`, or null. */
function mismatch(row) {
  const { requests, preload } = runBoot(row);
  const expected = row.request === null ? [] : [row.request];
  const actual = requests.map(({ url, headers }) => ({ url, headers }));
  try {
    assert.deepEqual(actual, expected);
    // The app takes the early request by its URL.
    assert.equal(preload?.url ?? null, row.request?.url ?? null);
    return null;
  } catch {
    return `${row.page} (base ${row.base}, signal:api-base ${JSON.stringify(row.apiBase)}):\n` +
      `      app:     ${row.request?.url ?? "no request"}\n` +
      `      boot.js: ${actual.map((r) => `${r.url} ${JSON.stringify(r.headers)}`).join(", ") || "no request"}` +
      (preload ? ` (kept for ${preload.url})` : "");
  }
}

/** Asserts boot.js matches the app on every row, listing every row that differs. */
function assertRows(rows) {
  assert.ok(rows.length > 0, "the table has such cases");
  const wrong = rows.map(mismatch).filter(Boolean);
  assert.equal(wrong.length, 0, `boot.js differs from the app in ${wrong.length} of ${rows.length} cases:\n    ${wrong.slice(0, 25).join("\n    ")}`);
}

describe("boot.js follows the app's URL rules (tests/fixtures/url-rules.json)", () => {
  const cases = RULES.cases;
  const isArticle = (row) => row.route.page === "article";

  test("an article's document, whatever characters its slug holds", () => {
    assertRows(cases.filter((row) => isArticle(row) && row.apiBase === null));
    assertRows(cases.filter((row) => isArticle(row) && row.apiBase !== null));
  });

  test("the embedded article and card, the feed and pillar pages", () => {
    assertRows(cases.filter((row) => ["embed-article", "embed-card", "feed", "pillar"].includes(row.route.page)));
  });

  test("no request for a page that reads nothing, or outside the site", () => {
    assertRows(cases.filter((row) => row.request === null));
  });

  test("under a sub-path, and with every kind of API base", () => {
    assertRows(cases.filter((row) => new URL(row.base).pathname !== "/"));
    assertRows(cases.filter((row) => row.apiBase !== null && !/^https:\/\/api\.example\.net\/v1\/$/.test(row.apiBase)));
  });

  test("every case at once", () => {
    assertRows(cases);
  });
});

describe("boot.js's constants are the app's", () => {
  const { accept, maxDocumentBytes, themeStorageKey } = RULES.constants;
  const row = RULES.cases.find((r) => r.route.page === "article" && r.request !== null);

  test("the Accept header", () => {
    const { requests } = runBoot(row);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].headers.Accept, accept);
  });

  test("the size past which a body is left unread for the app to refuse", async () => {
    const bodyFor = async (contentLength) => {
      const { preload } = runBoot({
        ...row,
        respond: async () => ({
          ok: true,
          headers: { get: (name) => (name.toLowerCase() === "content-length" ? String(contentLength) : null) },
          arrayBuffer: async () => new TextEncoder().encode("{}").buffer,
        }),
      });
      return preload.body;
    };
    // The bytes: the app decodes them in the document's encoding (src/source/http.rs).
    const read = await bodyFor(maxDocumentBytes);
    assert.equal(new TextDecoder().decode(read), "{}", "a document of exactly the limit is read");
    assert.equal(await bodyFor(maxDocumentBytes + 1), null, "one byte more is left to the app");
  });

  test("the theme's storage key", () => {
    for (const theme of ["light", "dark"]) {
      const { htmlAttributes, storageReads } = runBoot({ ...row, storage: { [themeStorageKey]: theme } });
      assert.deepEqual(storageReads, [themeStorageKey]);
      assert.equal(htmlAttributes["data-theme"], theme);
    }
  });
});
