// Gives the WebAssembly's imports from wasm-bindgen's glue short names, in
// the WebAssembly and in the glue alike. wasm-bindgen names each import
// after the Rust binding and a 16-digit hash
// (`__wbg_createElementNS_ba2ce0e0a9a5e3c4`): 188 of them in the widget,
// written once in the glue's import object and once in the WebAssembly's
// import section, where gzip can do little with the hashes. Short names
// save 2.6 KB gzip of the glue and 1.9 KB of the WebAssembly, both on the
// way to a visitor's first answer. Neither wasm-bindgen nor wasm-opt
// (whose --minify-imports renames only Emscripten's `env` imports) does
// it, so it is done here: the import section is rewritten byte for byte,
// nothing else in the module is touched.

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at];
    at += 1;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, at];
    shift += 7;
    if (shift > 35) throw new Error('wasm-imports: LEB128 too long');
  }
}

/** An unsigned LEB128. */
function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return Buffer.from(out);
}

const utf8 = (bytes) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
const name = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
};

/** The byte length of an import's description at `at` (after its kind). */
function descriptionEnd(bytes, kind, at) {
  const limits = (from) => {
    const flags = bytes[from];
    let [, next] = readU32(bytes, from + 1);
    if (flags & 0x01) [, next] = readU32(bytes, next);
    return next;
  };
  const valueType = (from) => {
    // Reference types with a heap type (0x63, 0x64) carry one more LEB128.
    if (bytes[from] === 0x63 || bytes[from] === 0x64) return readU32(bytes, from + 1)[1];
    return from + 1;
  };
  switch (kind) {
    case 0x00: // function: its type's index
      return readU32(bytes, at)[1];
    case 0x01: // table: reference type, limits
      return limits(valueType(at));
    case 0x02: // memory: limits
      return limits(at);
    case 0x03: // global: value type, mutability
      return valueType(at) + 1;
    case 0x04: // tag: attribute, type index
      return readU32(bytes, at + 1)[1];
    default:
      throw new Error(`wasm-imports: unknown import kind ${kind}`);
  }
}

/** Short, distinct names: a, b, …, z, aa, ab, … */
const shortName = (index) => {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
  return out;
};

/**
 * `wasm` with every import from `module` renamed; returns the new bytes
 * and the names, old to new.
 */
export function shortenImports(wasm, module) {
  const bytes = Buffer.from(wasm);
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('wasm-imports: not a WebAssembly module');
  const names = new Map();
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readU32(bytes, at + 1);
    const end = start + size;
    if (id !== 2) {
      at = end;
      continue;
    }
    const [count, first] = readU32(bytes, start);
    const parts = [u32(count)];
    let p = first;
    for (let i = 0; i < count; i += 1) {
      const [moduleLength, moduleStart] = readU32(bytes, p);
      const from = utf8(bytes.subarray(moduleStart, moduleStart + moduleLength));
      const [fieldLength, fieldStart] = readU32(bytes, moduleStart + moduleLength);
      const field = utf8(bytes.subarray(fieldStart, fieldStart + fieldLength));
      const kind = bytes[fieldStart + fieldLength];
      const next = descriptionEnd(bytes, kind, fieldStart + fieldLength + 1);
      let renamed = field;
      if (from === module) {
        if (!names.has(field)) names.set(field, shortName(names.size));
        renamed = names.get(field);
      }
      parts.push(name(from), name(renamed), bytes.subarray(fieldStart + fieldLength, next));
      p = next;
    }
    if (p !== end) throw new Error('wasm-imports: the import section did not parse to its end');
    const section = Buffer.concat(parts);
    return {
      wasm: Buffer.concat([bytes.subarray(0, at), Buffer.from([2]), u32(section.length), section, bytes.subarray(end)]),
      names,
    };
  }
  return { wasm: bytes, names };
}

/**
 * wasm-bindgen's `glue` with its import object's keys renamed as `names`
 * says: each must be there exactly once, as `name: function(`.
 */
export function renameGlueImports(glue, names) {
  let out = glue;
  for (const [from, to] of names) {
    const key = new RegExp(`(?<![\\w$])${from.replace(/\$/g, '\\$')}(?=: function\\()`, 'g');
    const found = out.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`wasm-imports: ${from} is a key of the glue's imports ${found} times, not once`);
    out = out.replace(key, to);
  }
  return out;
}
