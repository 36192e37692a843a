// Trunk's post_build hook (Trunk.toml), one script because Trunk runs a stage's hooks at the
// same time:
// 0. in a release build, minifies wasm-bindgen's JS glue (terser; Trunk leaves it as it is),
//    less script to download and parse before the wasm can start, and the render-blocking
//    stylesheet (lightningcss, which Trunk's own `minify` uses too, but that also rewrites
//    index.html); docs/decisions/0008-minification-in-post-build.md. Debug builds
//    (`trunk serve`) keep both readable;
// 1. gives the article page's module (the "worker" kind build of src/bin/article.rs)
//    content-hashed file names, as Trunk does for the main module, so that hosts can cache it
//    as immutable, and names it in index.html next to the main module's
//    <meta name="signal:module"> for public/boot.js to load;
// 2. drops the comments from index.html and minifies its inline script (boot.js): they are
//    for the source's readers, and the page's HTML is the first thing every visit waits for;
// 3. copies index.html to 404.html: static hosts serve 404.html for unknown paths, so deep
//    links and reloads of /articles/… and /pillars/… work (docs/deploying.md).
import { createHash } from "node:crypto";
import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { transform } from "lightningcss";
import { minify } from "terser";

const NAME = "signal-of-hope-article";
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");

if (process.env.TRUNK_PROFILE === "release") {
  for (const file of await readdir(dir)) {
    if (!/^signal-of-hope.*\.js$/.test(file)) continue;
    const code = await readFile(join(dir, file), "utf8");
    const result = await minify(code, { module: true, compress: true, mangle: true });
    await writeFile(join(dir, file), result.code);
  }
  for (const file of await readdir(dir)) {
    if (!/^main-[0-9a-f]+\.css$/.test(file)) continue;
    // No browser targets: the CSS is written for the browsers the app supports, and is
    // only made smaller, never rewritten for older ones.
    const { code } = transform({ filename: file, code: await readFile(join(dir, file)), minify: true });
    await writeFile(join(dir, file), code);
  }
}

// One hash of both files: the glue and the wasm change together.
const hash = createHash("sha256");
for (const file of [`${NAME}.js`, `${NAME}_bg.wasm`]) hash.update(await readFile(join(dir, file)));
const hashed = `${NAME}-${hash.digest("hex").slice(0, 16)}`;
await rename(join(dir, `${NAME}.js`), join(dir, `${hashed}.js`));
await rename(join(dir, `${NAME}_bg.wasm`), join(dir, `${hashed}_bg.wasm`));

const index = join(dir, "index.html");
const html = await readFile(index, "utf8");
// Trunk's <meta> for the main module (Trunk.toml's pattern_script) gives the base URL.
const main = html.match(/<meta name="signal:module" content="([^"]*\/)[^"/]*"[^>]*>/);
if (!main) throw new Error("index.html: no <meta name=\"signal:module\"> from Trunk");
const base = main[1];
// `data-article` marks it for boot.js, loader.js and the bench, which then need no file names.
const meta = `<meta name="signal:module" data-article content="${base}${hashed}.js" data-wasm="${base}${hashed}_bg.wasm" />`;
const boot = html.match(/<script>([\s\S]*?)<\/script>/);
if (!boot) throw new Error("index.html: no inline <script> (boot.js)");
const bootMin = (await minify(boot[1], { compress: true, mangle: true })).code;
const page = html
  .replace(main[0], `${main[0]}\n    ${meta}`)
  .replace(boot[0], () => `<script>${bootMin}</script>`)
  .replace(/[ \t]*<!--[\s\S]*?-->\n?/g, "");
await writeFile(index, page);
await writeFile(join(dir, "404.html"), page);
