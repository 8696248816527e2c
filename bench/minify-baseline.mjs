#!/usr/bin/env node
// Minifies the Yew counter's JavaScript in bench/baseline/dist/ with the
// same minifier as the widget's package (scripts/minify.mjs), and puts its
// new Subresource Integrity hash in trunk's index.html: the yardstick is
// built the way the widget is, so neither's size or load time gains from
// a difference in tooling. Run by `make baseline`, after trunk.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyJs } from '../scripts/minify.mjs';

const dist = join(resolve(dirname(fileURLToPath(import.meta.url))), 'baseline', 'dist');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const jsPath = join(dist, 'yew-counter-baseline.js');
const source = await readFile(jsPath, 'utf8');
const minified = await minifyJs(source);
const page = await readFile(join(dist, 'index.html'), 'utf8');
const preload = /(<link rel="modulepreload" href="\/yew-counter-baseline\.js"[^>]* integrity=")([^"]+)(")/;
if (!preload.test(page)) throw new Error("trunk's index.html changed: its modulepreload of the counter's JS was not found");
await writeFile(jsPath, minified);
await writeFile(join(dist, 'index.html'), page.replace(preload, `$1${sri(Buffer.from(minified))}$3`));
console.log(`bench/baseline/dist: yew-counter-baseline.js ${source.length} → ${minified.length} bytes`);
