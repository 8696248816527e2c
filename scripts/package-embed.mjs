#!/usr/bin/env node
// Builds dist/embed/ from the release build in dist/: the files a clinic
// hosts, under stable names, and the embed snippet with Subresource
// Integrity hashes, printed here and written to dist/embed/embed.html and
// dist/embed/snippet.html. Run by `make embed` after `trunk build --release`,
// which builds two modules: the visitor's (smp-estimator) and the setup
// page's (smp-estimator-setup, with the setup API).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyCss, minifyJs } from './minify.mjs';
import { renameGlueImports, shortenImports } from './wasm-imports.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// --from DIR packages another trunk output (the panic-test build).
const from = process.argv.includes('--from') ? process.argv[process.argv.indexOf('--from') + 1] : 'dist';
const dist = join(repo, from);
const out = join(dist, 'embed');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

await mkdir(out, { recursive: true });
// Minified, since every visitor downloads it (terser: the JavaScript 11.8 →
// 8.0 KB gzip; csso: the stylesheet 3.5 → 2.7 KB). The demo page of
// `make serve` keeps the readable sources.
const css = Buffer.from(minifyCss(await readFile(join(dist, 'smp-estimator.css'), 'utf8')));
// Every language but English (compiled in), with its integrity hash.
const catalogues = {};
for (const file of (await readdir(join(repo, 'i18n'))).sort()) {
  if (file.endsWith('.json') && file !== 'en.json') {
    catalogues[file.replace('.json', '')] = sri(await readFile(join(repo, 'i18n', file)));
  }
}
// The widget's first screen in each language, as static markup rendered
// from the widget's own components (smp_widget::first_screen), which the
// loader shows before the WebAssembly has loaded.
const firstScreens = {};
{
  const folder = join(out, 'first-screen');
  await mkdir(folder, { recursive: true });
  const run = spawnSync('cargo', ['run', '--quiet', '--package', 'smp-widget', '--bin', 'smp-first-screen', '--', join(repo, 'i18n'), folder], {
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`smp-first-screen failed (${run.status ?? run.signal})`);
  for (const file of (await readdir(folder)).sort()) {
    firstScreens[file.replace('.html', '')] = sri(await readFile(join(folder, file)));
  }
}
const loader = await readFile(join(repo, 'web', 'loader.js'), 'utf8');

/**
 * The static first screen's reserved heights, as the stylesheet gives them
 * (its `contain-intrinsic-block-size`, on a phone and from the media
 * query's width on): the loader reserves the same on the widget's element
 * before the screen arrives, so the two cannot drift.
 */
function reservedHeights(css) {
  const rule = '\\.smp-host\\[data-smp-first-screen\\]\\s*\\{[^}]*?contain-intrinsic-block-size:\\s*auto\\s+(\\d+px)';
  const narrow = css.match(new RegExp(rule));
  const wide = css.match(new RegExp(`@media\\s*(\\([^)]*\\))\\s*\\{\\s*${rule}`));
  if (!narrow || !wide) {
    throw new Error("style/smp-estimator.css changed: the first screen's contain-intrinsic-block-size (and its media query) not found; update scripts/package-embed.mjs");
  }
  return { narrow: narrow[1], wideFrom: wide[1], wide: wide[2] };
}
// Only the setup page's module has these (the setup-api feature): they cost
// every visitor's WebAssembly 4.4 KB gzip.
const SETUP_API = ['priceSheet', 'checkSettings', 'markets', 'patterns'];

/**
 * One module of the package: `${name}.js` (the loader and `appended`,
 * minified) and its `${name}_bg.wasm`, both built by trunk (index.html).
 * wasm-bindgen's glue is a module of its own, `${name}_bg.js`, which the
 * loader imports with the WebAssembly when the widget is wanted (`split`),
 * or inlined in `${name}.js`. Returns the module's text, the WebAssembly
 * and the glue's text (if split).
 */
async function packageModule(name, { setupApi, split, appended = '' }) {
  // The imports' hashed names made short, in both (scripts/wasm-imports.mjs).
  const { wasm, names } = shortenImports(await readFile(join(dist, `${name}_bg.wasm`)), `./${name}_bg.js`);
  if (names.size === 0) throw new Error(`wasm-bindgen output changed: no imports from ./${name}_bg.js in ${name}_bg.wasm`);
  const glue = renameGlueImports(await readFile(join(dist, `${name}.js`), 'utf8'), names);
  if (!glue.includes('async function __wbg_init(')) {
    throw new Error(`wasm-bindgen output changed: __wbg_init not found in ${name}.js; update web/loader.js`);
  }
  for (const api of SETUP_API) {
    if (glue.includes(`export function ${api}(`) !== setupApi) {
      throw new Error(`${from}/${name}.js ${setupApi ? 'lacks' : 'exports'} ${api}: check the setup-api feature in index.html`);
    }
  }
  // The loader's `estimate` starts the load when called too early; it calls
  // wasm-bindgen's, renamed.
  if (!glue.includes('export function estimate(')) {
    throw new Error(`wasm-bindgen output changed: estimate not found in ${name}.js; update web/loader.js`);
  }
  if (!glue.includes('export function mount(')) {
    throw new Error(`wasm-bindgen output changed: mount not found in ${name}.js; update web/loader.js`);
  }
  // Split: the glue's file, minified, with its hash in the loader. Inlined:
  // its `estimate` and `mount` renamed (the loader exports its own).
  const core = split ? await minifyJs(glue) : null;
  const inlined = split
    ? ''
    : `${glue.replace('export function estimate(', 'function __smpEstimate(').replace('export function mount(', 'function __smpMount(')}\n`;
  const importCore = split
    ? `() => __smpImport(new URL('${name}_bg.js', __smpBase).href, '${sri(Buffer.from(core))}')`
    : 'async () => ({ default: __wbg_init, mount: __smpMount, estimate: __smpEstimate })';
  const filled = loader
    .replace('/*__CORE__*/ null', importCore)
    .replace('__WASM_FILE__', `${name}_bg.wasm`)
    .replace('__WASM_INTEGRITY__', sri(wasm))
    .replace('__CSS_INTEGRITY__', sri(css))
    .replace('/*__CATALOGUES__*/ {}', JSON.stringify(catalogues))
    .replace('/*__FIRST_SCREENS__*/ {}', JSON.stringify(firstScreens))
    .replace('/*__RESERVED_HEIGHTS__*/ null', JSON.stringify(reservedHeights(css.toString())));
  const js = await minifyJs(`${inlined}${filled}${appended}`);
  await writeFile(join(out, `${name}.js`), js);
  if (split) await writeFile(join(out, `${name}_bg.js`), core);
  await writeFile(join(out, `${name}_bg.wasm`), wasm);
  return { js, wasm, core };
}

// What visitors download: the loader with the page, the glue and the
// WebAssembly when the widget is wanted.
const { js, wasm, core } = await packageModule('smp-estimator', { setupApi: false, split: true });
// The setup page's (configure.html): the same widget, for its preview, and
// the setup API, also on window.SmpEstimator (web/setup/setup-api.js),
// which calls the glue's functions directly: one module.
const setup = await packageModule('smp-estimator-setup', {
  setupApi: true,
  split: false,
  appended: await readFile(join(repo, 'web', 'setup', 'setup-api.js'), 'utf8'),
});
await writeFile(join(out, 'smp-estimator.css'), css);
// The worker the loader starts to pay the browser's Intl set-up off the
// main thread (web/warm.js).
await writeFile(join(out, 'smp-estimator-warm.js'), await minifyJs(await readFile(join(repo, 'web', 'warm.js'), 'utf8')));
// The iframe mode: a standalone page and the host's resizing script.
for (const file of ['frame.html', 'frame.css', 'frame.js', 'frame-host.js']) {
  await copyFile(join(repo, 'web', file), join(out, file));
}
// The visitor's language when it is not English (compiled in): one file
// per language, downloaded only by a visitor who needs it.
await mkdir(join(out, 'i18n'), { recursive: true });
for (const file of await readdir(join(repo, 'i18n'))) {
  if (file.endsWith('.json') && file !== 'en.json') {
    await copyFile(join(repo, 'i18n', file), join(out, 'i18n', file));
  }
}
// The clinic's setup page: hosted with the package, it writes snippets for
// the folder it is served from (web/setup/configure.*).
for (const file of ['configure.html', 'configure.js', 'configure.css', 'configure-disk.js']) {
  await copyFile(join(repo, 'web', 'setup', file), join(out, file));
}

const snippet = (src) =>
  `<div data-smp-estimator></div>\n` +
  `<script type="module" src="${src}" integrity="${sri(Buffer.from(js))}" crossorigin="anonymous"></script>`;
await writeFile(join(out, 'snippet.html'), `${snippet('https://YOUR-SITE/smp-estimator/smp-estimator.js')}\n`);
// Optional, for the page's <head>: starts the WebAssembly's download and
// its glue's alongside the module (the loader's fetch and import reuse
// them, and check the hashes).
const preload = (base) =>
  `<link rel="preload" href="${base}smp-estimator_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous" integrity="${sri(wasm)}">\n` +
  `<link rel="modulepreload" href="${base}smp-estimator_bg.js" crossorigin="anonymous" integrity="${sri(Buffer.from(core))}">`;
await writeFile(join(out, 'preload.html'), `${preload('https://YOUR-SITE/smp-estimator/')}\n`);
const frameHost = await readFile(join(repo, 'web', 'frame-host.js'));
// The hashes, for the setup page (configure.html) to write snippets with.
await writeFile(
  join(out, 'integrity.json'),
  `${JSON.stringify(
    {
      'smp-estimator.js': sri(Buffer.from(js)),
      'smp-estimator_bg.js': sri(Buffer.from(core)),
      'smp-estimator_bg.wasm': sri(wasm),
      // For clinics' own tools that load the setup API with a hash.
      'smp-estimator-setup.js': sri(Buffer.from(setup.js)),
      'frame-host.js': sri(frameHost),
    },
    null,
    2,
  )}\n`,
);
const frameSnippet = (base) =>
  // The clinic's settings as data- attributes, which frame-host.js hands to
  // the iframe: frame.html's own address takes only the visitor's answers,
  // since anyone can link to it.
  `<iframe data-smp-estimator-frame data-currency="USD" data-locale="en-US" src="${base}frame.html" title="SMP cost estimate" width="100%" height="900" frameborder="0" allow="clipboard-write"></iframe>\n` +
  // No integrity or crossorigin: with them a browser loads a script from
  // another origin only if its server sends Access-Control-Allow-Origin,
  // which static hosts often do not, and the iframe would stay 900 px tall.
// The hash stays in
  // integrity.json for hosts that do.
  `<script src="${base}frame-host.js"></script>`;
await writeFile(join(out, 'frame-snippet.html'), `${frameSnippet('https://YOUR-SITE/smp-estimator/')}\n`);
await writeFile(
  join(out, 'embed.html'),
  `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>SMP estimator: embed example</title>
</head>
<body>
  <main>
    <h1>SMP estimator: embed example</h1>
    <p>The two lines below are all a page needs. Settings go on the element as data attributes
      (for example <code>data-currency="EUR" data-locale="de-DE"</code>), see the README.</p>
    ${snippet('smp-estimator.js').replace('\n', '\n    ')}
  </main>
</body>
</html>
`,
);
// The README shows the snippet of the current build; with --update-readme
// this rewrites it there (the end-to-end tests check the two agree).
if (process.argv.includes('--update-readme')) {
  const readmePath = join(repo, 'README.md');
  const readme = await readFile(readmePath, 'utf8');
  const updated = readme
    .replace(
      /<script type="module" src="https:\/\/YOUR-SITE\/smp-estimator\/smp-estimator\.js" integrity="[^"]*" crossorigin="anonymous"><\/script>/,
      snippet('https://YOUR-SITE/smp-estimator/smp-estimator.js').split('\n')[1],
    )
    .replace(
      /<script src="https:\/\/YOUR-SITE\/smp-estimator\/frame-host\.js"[^>]*><\/script>/,
      frameSnippet('https://YOUR-SITE/smp-estimator/').split('\n')[1],
    )
    .replace(/<iframe data-smp-estimator-frame [^\n]*<\/iframe>/, frameSnippet('https://YOUR-SITE/smp-estimator/').split('\n')[0]);
  await writeFile(readmePath, updated);
  console.log(updated === readme ? 'README snippet already current.' : 'README snippet updated.');
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`${from}/embed: smp-estimator.js ${kb(js.length)}, smp-estimator_bg.wasm ${kb(wasm.length)}, smp-estimator.css ${kb(css.length)}`);
console.log(`The setup page's module: smp-estimator-setup.js ${kb(setup.js.length)}, smp-estimator-setup_bg.wasm ${kb(setup.wasm.length)}`);
console.log('Embed snippet (replace YOUR-SITE with where you host dist/embed/):\n');
console.log(snippet('https://YOUR-SITE/smp-estimator/smp-estimator.js'));
console.log('\nOr, for pages that allow no scripts of ours, as an iframe (frame-host.js only resizes it):\n');
console.log(frameSnippet('https://YOUR-SITE/smp-estimator/'));
