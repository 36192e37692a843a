// The release build's post-processing of the wasm modules (scripts/wasm-imports.mjs): the
// imports' short names in the wasm and in the glue. That the pages load with them is what every
// other end-to-end test checks.
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { shortenImports } from "../../scripts/wasm-imports.mjs";
import { DIST } from "./harness.mjs";

const LONG = ["__wbg_log_0123456789abcdef", "__wbg_now_fedcba9876543210"];
const MODULE = "./app_bg.js";

/** A module importing two functions and a memory from MODULE, exporting `run`, which calls both. */
function tinyModule() {
  const vec = (items) => [items.length, ...items.flat()];
  const text = (s) => vec([...Buffer.from(s)]);
  const section = (id, content) => [id, content.length, ...content];
  return Buffer.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([[0x60, 0, 0]])), // type 0: () -> ()
    ...section(
      2,
      vec([
        [...text(MODULE), ...text(LONG[0]), 0x00, 0],
        [...text(MODULE), ...text("memory"), 0x02, 0x00, 1],
        [...text(MODULE), ...text(LONG[1]), 0x00, 0],
      ]),
    ),
    ...section(3, vec([[0]])), // function 2 has type 0
    ...section(7, vec([[...text("run"), 0x00, 2]])),
    ...section(10, vec([[6, 0x00, 0x10, 0x00, 0x10, 0x01, 0x0b]])), // call 0; call 1; end
  ]);
}

const glueFor = (names, module) =>
  `function i(){const n={__proto__:null,${names[0]}:function(){c.push(1)},memory:m,${names[1]}:function(){c.push(2)}};return{__proto__:null,${JSON.stringify(module)}:n}}`;

/** Runs the glue's import function and instantiates `wasm` with what it returns. */
function instantiate(wasm, glue) {
  const calls = [];
  const memory = new WebAssembly.Memory({ initial: 1 });
  const imports = new Function("c", "m", `${glue}; return i();`)(calls, memory);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), imports);
  instance.exports.run();
  return calls;
}

describe("short import names", () => {
  test("rename the imports in the wasm and in the glue alike, and nothing else", () => {
    const wasm = tinyModule();
    const glue = glueFor(LONG, MODULE);
    assert.deepEqual(instantiate(wasm, glue), [1, 2], "the module as wasm-bindgen made it");
    const short = shortenImports(wasm, glue);
    assert.deepEqual(instantiate(short.wasm, short.glue), [1, 2], "the same calls, by the short names");
    for (const long of [...LONG, MODULE]) {
      assert.ok(!short.glue.includes(long) && !short.wasm.includes(long), `${long} is gone`);
    }
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(short.wasm));
    assert.deepEqual(
      imports.map((i) => [i.module, i.name, i.kind]),
      [
        ["a", "a", "function"],
        ["a", "b", "memory"],
        ["a", "c", "function"],
      ],
    );
    // Everything after the import section is byte for byte the same.
    const tail = (bytes) => bytes.subarray(bytes.indexOf(Buffer.from([3, 2, 1, 0])));
    assert.deepEqual(tail(short.wasm), tail(wasm));
  });

  test("refuse glue that does not name every import once", () => {
    const wasm = tinyModule();
    assert.throws(() => shortenImports(wasm, glueFor([LONG[0], "__wbg_other_0000000000000000"], MODULE)), /__wbg_now_/);
    assert.throws(() => shortenImports(wasm, glueFor(LONG, MODULE) + `{${LONG[0]}:1}`), /__wbg_log_/);
    assert.throws(() => shortenImports(wasm, glueFor(LONG, "./other_bg.js")), /app_bg/);
  });

  test("the release build's modules import by short names only", async () => {
    const glues = (await readdir(DIST)).filter((f) => /^signal-of-hope.*\.js$/.test(f));
    assert.equal(glues.length, 3, "the whole app, the article page and the adapter module");
    for (const file of glues) {
      const wasm = await readFile(join(DIST, file.replace(/\.js$/, "_bg.wasm")));
      const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
      assert.ok(imports.length > 20, file);
      assert.deepEqual([...new Set(imports.map((i) => i.module))], ["a"], file);
      assert.ok(imports.every((i) => i.name.length <= 2), file);
      assert.doesNotMatch(await readFile(join(DIST, file), "utf8"), /__wbg_\w+_[0-9a-f]{16}\b/, file);
    }
  });
});
