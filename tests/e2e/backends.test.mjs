// The test servers themselves, without a browser: nginx as the tests configure it
// (nginx.conf) and the fault-injecting API (api_server.py).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { startApi, startNginx } from "./servers.mjs";

const DOC = { title: "Hope", body: "A paragraph long enough to be worth compressing. ".repeat(20) };
let dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "soh-backends-"));
  await mkdir(join(dir, "articles"));
  await writeFile(join(dir, "articles.json"), JSON.stringify(DOC));
  await writeFile(join(dir, "articles", "one.json"), JSON.stringify({ ...DOC, slug: "one" }));
  await writeFile(join(dir, "latest.feed.json"), JSON.stringify({ version: "https://jsonfeed.org/version/1.1", ...DOC }));
  await writeFile(join(dir, "article.jsonld"), JSON.stringify({ "@type": "Article", ...DOC }));
});

after(() => rm(dir, { recursive: true, force: true }));

/** A GET with node:http (fetch would decompress and hide Content-Encoding). */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

describe("nginx", () => {
  let nginx;
  before(async () => (nginx = await startNginx({ root: dir })));
  after(() => nginx?.close());

  test("listens on 127.0.0.1", () => {
    assert.match(nginx.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(nginx.url, nginx.origin + "/");
  });

  test("serves JSON with CORS, no-store and gzip", async () => {
    const res = await get(nginx.url + "articles.json", { "accept-encoding": "gzip" });
    assert.equal(res.status, 200);
    assert.equal(res.headers["access-control-allow-origin"], "*");
    assert.equal(res.headers["content-type"], "application/json; charset=utf-8");
    assert.equal(res.headers["cache-control"], "no-store");
    assert.equal(res.headers["content-encoding"], "gzip");
    assert.deepEqual(JSON.parse(gunzipSync(res.body)), DOC);

    const plain = await get(nginx.url + "articles/one.json");
    assert.equal(plain.headers["content-encoding"], undefined, "identity without Accept-Encoding");
    assert.equal(JSON.parse(plain.body).slug, "one");
  });

  test("JSON Feed and JSON-LD have their types", async () => {
    const feed = await get(nginx.url + "latest.feed.json", { "accept-encoding": "gzip" });
    assert.equal(feed.headers["content-type"], "application/feed+json; charset=utf-8");
    assert.equal(feed.headers["content-encoding"], "gzip");
    const ld = await get(nginx.url + "article.jsonld", { "accept-encoding": "gzip" });
    assert.equal(ld.headers["content-type"], "application/ld+json; charset=utf-8");
    assert.equal(ld.headers["content-encoding"], "gzip");
  });

  test("a missing document is a JSON 404 with CORS", async () => {
    for (const path of ["no-such.json", "articles/no-such.json", "no-such.feed.json"]) {
      const res = await get(nginx.url + path);
      assert.equal(res.status, 404, path);
      assert.equal(res.headers["access-control-allow-origin"], "*", path);
      assert.equal(res.headers["content-type"], "application/json; charset=utf-8", path);
      assert.deepEqual(JSON.parse(res.body), { error: "not found" }, path);
    }
  });

  test("answers a CORS preflight", async () => {
    const res = await fetch(nginx.url + "articles.json", { method: "OPTIONS" });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
  });

  test("requests() lists the paths requested", async () => {
    await get(nginx.url + "articles/one.json?x=1");
    const paths = await nginx.requests();
    assert.equal(paths.at(-1), "/articles/one.json");
    assert.ok(paths.includes("/articles.json"));
  });

  test("two run side by side, and close() stops one", async () => {
    const other = await startNginx({ root: dir });
    assert.notEqual(other.origin, nginx.origin);
    assert.equal((await get(other.url + "articles.json")).status, 200);
    await other.close();
    await assert.rejects(get(other.url + "articles.json"));
  });
});

describe("the API server", () => {
  let api;
  before(async () => (api = await startApi({ roots: [join(dir, "articles"), dir], base: "/api/" })));
  after(() => api?.close());

  test("serves files from its roots, first match wins, with CORS", async () => {
    await api.reset();
    assert.match(api.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(api.url, api.origin + "/api/");
    const res = await fetch(api.url + "one.json");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    assert.equal(res.headers.get("content-type"), "application/json; charset=utf-8");
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.equal((await res.json()).slug, "one");
    assert.deepEqual(await (await fetch(api.url + "articles.json")).json(), DOC);
    assert.equal((await fetch(api.url + "latest.feed.json")).headers.get("content-type"), "application/feed+json; charset=utf-8");
  });

  test("never serves outside its roots or its base", async () => {
    for (const path of ["api/..%2f..%2fetc/passwd", "api/%2e%2e/%2e%2e/etc/hostname", "articles.json", "api/nothing.json"]) {
      const res = await fetch(`${api.origin}/${path}`);
      assert.equal(res.status, 404, path);
      assert.equal(res.headers.get("access-control-allow-origin"), "*", path);
      assert.deepEqual(await res.json(), { error: "not found" }, path);
    }
  });

  test("answers preflights without counting them", async () => {
    await api.reset();
    const res = await fetch(api.url + "articles.json", { method: "OPTIONS" });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    assert.deepEqual(await api.requests(), []);
  });

  test("fail: a status for the next `times` requests, then the file", async () => {
    await api.reset();
    await api.fail("/articles.json", { status: 503, times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const res = await fetch(api.url + "articles.json");
      assert.equal(res.status, 503);
      assert.equal(res.headers.get("access-control-allow-origin"), "*");
      assert.deepEqual(await res.json(), { error: "injected 503" });
    }
    assert.equal((await fetch(api.url + "articles.json")).status, 200);
    assert.equal(await api.count("/articles.json"), 3);
    assert.deepEqual(await api.requests(), ["/api/articles.json", "/api/articles.json", "/api/articles.json"]);
  });

  test("drop: a network error, once", async () => {
    await api.reset();
    await api.drop("/one.json");
    await assert.rejects(fetch(api.url + "one.json"), TypeError);
    assert.equal((await fetch(api.url + "one.json")).status, 200);
  });

  test("hold: only that path waits, until released", async () => {
    await api.reset();
    const release = api.hold("/one.json");
    let done = false;
    const held = fetch(api.url + "one.json").then((res) => ((done = true), res));
    // Another path is answered meanwhile; the held request has arrived but has no answer.
    assert.equal((await fetch(api.url + "articles.json")).status, 200);
    while ((await api.count("/one.json")) === 0) await new Promise((r) => setImmediate(r));
    assert.equal(done, false);
    await release();
    assert.equal((await held).status, 200);
  });

  test("reset releases held requests", async () => {
    await api.reset();
    api.hold("/one.json");
    const held = fetch(api.url + "one.json");
    while ((await api.count("/one.json")) === 0) await new Promise((r) => setImmediate(r));
    await api.reset();
    assert.equal((await held).status, 200);
  });

  test("noCors: no Access-Control-Allow-Origin, for `times` requests", async () => {
    await api.reset();
    await api.noCors("/one.json", { times: 1 });
    const res = await fetch(api.url + "one.json");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("access-control-allow-origin"), null);
    assert.equal((await fetch(api.url + "one.json")).headers.get("access-control-allow-origin"), "*");
    await api.noCors("/one.json");
    for (let i = 0; i < 2; i += 1) {
      assert.equal((await fetch(api.url + "one.json")).headers.get("access-control-allow-origin"), null);
    }
  });

  test("contentType and respond", async () => {
    await api.reset();
    await api.contentType("/one.json", "text/html; charset=utf-8");
    const typed = await fetch(api.url + "one.json");
    assert.equal(typed.headers.get("content-type"), "text/html; charset=utf-8");
    assert.equal((await typed.json()).slug, "one");

    await api.respond("/inline.json", { body: { inline: true } });
    const inline = await fetch(api.url + "inline.json");
    assert.equal(inline.status, 200);
    assert.equal(inline.headers.get("content-type"), "application/json; charset=utf-8");
    assert.equal(inline.headers.get("access-control-allow-origin"), "*");
    assert.deepEqual(await inline.json(), { inline: true });

    await api.respond("/one.json", { status: 410, body: "<p>gone</p>", contentType: "text/html" });
    const gone = await fetch(api.url + "one.json");
    assert.equal(gone.status, 410);
    assert.equal(gone.headers.get("content-type"), "text/html; charset=utf-8", "contentType() still applies");
    assert.equal(await gone.text(), "<p>gone</p>");

    await api.reset();
    assert.equal((await fetch(api.url + "one.json")).headers.get("content-type"), "application/json; charset=utf-8");
    assert.equal((await fetch(api.url + "inline.json")).status, 404);
  });

  test("truncate: a short complete answer, or a connection cut mid-body", async () => {
    await api.reset();
    const whole = await (await fetch(api.url + "one.json")).text();
    await api.truncate("/one.json", { bytes: 20, times: 1 });
    const short = await fetch(api.url + "one.json");
    assert.equal(short.status, 200);
    assert.equal(short.headers.get("content-length"), "20");
    assert.equal(await short.text(), whole.slice(0, 20));

    await api.truncate("/one.json", { bytes: 20, lie: true, times: 1 });
    const cut = await get(api.url + "one.json").catch((err) => err);
    // node:http reports the early close as an aborted response or a parse error.
    assert.ok(cut instanceof Error || cut.body.length === 20, "the body stops after 20 bytes");
    const res = await fetch(api.url + "one.json");
    assert.equal(await res.text(), whole, "times: 1, then whole again");
  });

  test("redirect: to another path, or to itself (a loop)", async () => {
    await api.reset();
    await api.redirect("/moved.json", { to: "/one.json", status: 301 });
    const moved = await fetch(api.url + "moved.json", { redirect: "manual" });
    assert.equal(moved.status, 301);
    assert.equal(moved.headers.get("location"), "/api/one.json");
    assert.equal(moved.headers.get("access-control-allow-origin"), "*");
    assert.equal((await (await fetch(api.url + "moved.json")).json()).slug, "one", "followed");

    await api.redirect("/one.json");
    const loop = await fetch(api.url + "one.json", { redirect: "manual" });
    assert.equal(loop.status, 302);
    assert.equal(loop.headers.get("location"), "/api/one.json");
    await assert.rejects(fetch(api.url + "one.json"), TypeError, "a client gives up on the loop");
  });

  test("headers: extra headers, exposed to pages through CORS", async () => {
    await api.reset();
    await api.headers("/one.json", { "Retry-After": "120" });
    await api.fail("/one.json", { status: 503 });
    const res = await fetch(api.url + "one.json");
    assert.equal(res.status, 503);
    assert.equal(res.headers.get("retry-after"), "120");
    assert.equal(res.headers.get("access-control-expose-headers"), "Retry-After");
    assert.equal((await fetch(api.url + "one.json")).headers.get("retry-after"), "120", "on every answer");

    await api.headers("/one.json", { "Retry-After": "5" }, { expose: false });
    const hidden = await fetch(api.url + "one.json");
    assert.equal(hidden.headers.get("retry-after"), "5");
    assert.equal(hidden.headers.get("access-control-expose-headers"), null);
  });

  test("rst: the connection is reset, once", async () => {
    await api.reset();
    await api.rst("/one.json");
    const err = await get(api.url + "one.json").catch((e) => e);
    assert.ok(err instanceof Error, "no response");
    assert.match(err.code ?? "", /ECONNRESET|EPIPE|HPE/, String(err));
    assert.equal((await fetch(api.url + "one.json")).status, 200);
  });

  test("a fault armed without awaiting applies to the very next request", async () => {
    await api.reset();
    api.fail("/articles.json", { status: 500 });
    assert.equal((await fetch(api.url + "articles.json")).status, 500);
  });
});
