// Minifies the release package's JavaScript and stylesheet. Used by
// scripts/package-embed.mjs for the widget and by bench/sizes.mjs for the
// Yew counter's JavaScript, so that both are measured the same way (the
// yardstick is built with the same profile and tools). Needs `npm ci --prefix scripts` (scripts/setup.sh).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { minify: terser } = require('terser');
const { minify: csso } = require('csso');

/**
 * An ES module's code, minified. Its exports keep their names; top-level
 * names it does not export are shortened, so code appended afterwards must
 * be minified with it.
 */
export async function minifyJs(code) {
  const result = await terser(code, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (typeof result.code !== 'string' || result.code.length === 0) {
    throw new Error('terser returned no code');
  }
  return result.code;
}

/** A stylesheet, minified without reordering its rules (their order is their cascade). */
export function minifyCss(code) {
  return csso(code, { restructure: false }).css;
}
