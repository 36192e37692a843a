// Short names for what a wasm module imports from its wasm-bindgen glue.
//
// wasm-bindgen names each import after its Rust binding plus a 16-digit hash
// (`__wbg_appendChild_dbf7ad2f48413560`) and puts them all in a module named after the glue's
// file. The names are written twice, in the wasm's import section and as the keys of the glue's
// import object, and the hashes do not compress: about 150 imports cost the article page
// 3.3 KiB of brotli. Emscripten shortens them for the same reason (binaryen's
// `--minify-imports-and-exports-and-modules`); that pass also renames the exports and
// re-encodes the whole module, which here makes the wasm larger, so this rewrites the import
// section alone and leaves every other byte as it was.
//
// The glue must name each import exactly once, as a key of its import object, and the module
// once, as the key that object is returned under; anything else is an error rather than a
// build that would fail to load.

/** `{ wasm, glue }` with the imports renamed `a`, `b`, … in both. */
export function shortenImports(wasm, glue) {
  const section = importSection(wasm);
  if (!section) return { wasm, glue };
  const renamed = [];
  let moduleName = null;
  const parts = [unsigned(section.entries.length)];
  for (const [index, entry] of section.entries.entries()) {
    if (moduleName === null) moduleName = entry.module;
    if (entry.module !== moduleName) throw new Error(`wasm imports from two modules: ${moduleName}, ${entry.module}`);
    const short = shortName(index);
    renamed.push([entry.name, short]);
    parts.push(name("a"), name(short), entry.description);
  }
  glue = replaceOnce(glue, JSON.stringify(moduleName) + ":", "a:");
  for (const [long, short] of renamed) glue = replaceOnce(glue, `${long}:`, `${short}:`, /[{,]/);
  const content = Buffer.concat(parts);
  return {
    wasm: Buffer.concat([
      wasm.subarray(0, section.start),
      Buffer.from([2]),
      unsigned(content.length),
      content,
      wasm.subarray(section.end),
    ]),
    glue,
  };
}

/** `a` … `z`, `A` … `Z`, then two letters: short keys that need no quotes in the glue. */
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let out = "";
  do {
    out = letters[index % letters.length] + out;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return out;
}

/** Replaces `from` in `text`, which must occur exactly once (after a character of `before`, if given). */
function replaceOnce(text, from, to, before) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0 || (before && !before.test(text[at - 1]))) {
    throw new Error(`the wasm-bindgen glue does not name ${from} exactly once as an import`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The import section: where it starts (its id byte) and ends, and its entries. */
function importSection(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const [size, body] = readUnsigned(wasm, at);
    const end = body + size;
    if (id === 2) return { start, end, entries: importEntries(wasm, body) };
    at = end;
  }
  return null;
}

function importEntries(wasm, at) {
  const [count, first] = readUnsigned(wasm, at);
  at = first;
  const entries = [];
  for (let i = 0; i < count; i += 1) {
    let module, name;
    [module, at] = readName(wasm, at);
    [name, at] = readName(wasm, at);
    const descriptionStart = at;
    at = skipDescription(wasm, at);
    entries.push({ module, name, description: wasm.subarray(descriptionStart, at) });
  }
  return entries;
}

/** Past an import's description: a function's type, a table, a memory, a global or a tag. */
function skipDescription(wasm, at) {
  const kind = wasm[at++];
  const limits = (at) => {
    const flags = wasm[at++];
    at = readUnsigned(wasm, at)[1];
    return flags & 1 ? readUnsigned(wasm, at)[1] : at;
  };
  switch (kind) {
    case 0: // function: type index
      return readUnsigned(wasm, at)[1];
    case 1: // table: element type, limits
      return limits(at + 1);
    case 2: // memory: limits
      return limits(at);
    case 3: // global: value type, mutability
      return at + 2;
    case 4: // tag: attribute, type index
      return readUnsigned(wasm, at + 1)[1];
    default:
      throw new Error(`unknown import kind ${kind}`);
  }
}

function readName(wasm, at) {
  const [length, start] = readUnsigned(wasm, at);
  return [wasm.subarray(start, start + length).toString("utf8"), start + length];
}

function readUnsigned(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function unsigned(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0);
  return Buffer.from(bytes);
}

function name(text) {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([unsigned(bytes.length), bytes]);
}
