#!/usr/bin/env node
// Transfer sizes of the widget's release package against the Yew counter
// baseline built in the same run with the same profile: raw, gzip -9 and
// brotli, with each figure as a ratio to the baseline's, and the size
// budget (gzip total at most 1.6 times the baseline's and under 100 KB).
//
// `--check` (run by `make test`) exits non-zero when the gzip total grows
// past the ceiling in bench/size-ceiling.json: the size this widget has
// been cut to, so that no change can grow it silently. Lower the ceiling
// whenever a change makes the widget smaller; raising it is a decision to
// record in that file's `why`, with the size history in CHANGELOG.md.
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { kb, ratio } from './report.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The loader with its static first screen, gzip: what a clinic's page pays before the widget is wanted. */
const FIRST_SCREEN_BUDGET = 15000;
const widget = {
  wasm: join(repo, 'dist/embed/smp-estimator_bg.wasm'),
  js: join(repo, 'dist/embed/smp-estimator.js'),
  // wasm-bindgen's glue, which the loader imports with the WebAssembly.
  glue: join(repo, 'dist/embed/smp-estimator_bg.js'),
  css: join(repo, 'dist/embed/smp-estimator.css'),
  // The worker that prepares Intl off the main thread (100-180 ms on a phone), fetched
  // where the package is on the page's own site.
  worker: join(repo, 'dist/embed/smp-estimator-warm.js'),
};
const baseline = {
  wasm: join(repo, 'bench/baseline/dist/yew-counter-baseline_bg.wasm'),
  js: join(repo, 'bench/baseline/dist/yew-counter-baseline.js'),
  glue: null,
  css: null,
  worker: null,
};

async function measure(path) {
  if (!path) return { raw: 0, gzip: 0, brotli: 0 };
  const bytes = await readFile(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

/**
 * The package's and the counter's files measured (raw, gzip -9, brotli),
 * part by part, and their totals. bench/throttled.mjs reports the same
 * gzip total.
 */
export async function packageSizes() {
  const rows = [];
  const totals = { widget: { raw: 0, gzip: 0, brotli: 0 }, baseline: { raw: 0, gzip: 0, brotli: 0 } };
  for (const part of ['wasm', 'js', 'glue', 'css', 'worker']) {
    const w = await measure(widget[part]);
    const b = await measure(baseline[part]);
    for (const kind of ['raw', 'gzip', 'brotli']) {
      totals.widget[kind] += w[kind];
      totals.baseline[kind] += b[kind];
    }
    rows.push([part, w, b]);
  }
  rows.push(['total', totals.widget, totals.baseline]);
  return { rows, totals };
}

// Run as a script: the report below. Imported (bench/throttled.mjs): only packageSizes().
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await report();

async function report() {
  const { rows, totals } = await packageSizes();

  console.log('| file | widget raw | gzip -9 | brotli | baseline raw | gzip -9 | brotli | gzip ratio |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [part, w, b] of rows) {
    console.log(
      `| ${part} | ${kb(w.raw)} | ${kb(w.gzip)} | ${kb(w.brotli)} | ${kb(b.raw)} | ${kb(b.gzip)} | ${kb(b.brotli)} | ${ratio(w.gzip, b.gzip)} |`,
    );
  }
  // Each language but English (compiled into the wasm) is a file of its own,
  // downloaded only by its visitors: what it adds to their transfer.
  const i18n = join(repo, 'dist/embed/i18n');
  const languages = (await readdir(i18n)).filter((file) => file.endsWith('.json')).sort();
  console.log('\n| language | raw | gzip -9 | brotli | its visitors\' gzip total |');
  console.log('|---|---|---|---|---|');
  console.log(`| en (in the wasm) | – | – | – | ${kb(totals.widget.gzip)} |`);
  let largestCatalogue = 0;
  for (const file of languages) {
    const size = await measure(join(i18n, file));
    largestCatalogue = Math.max(largestCatalogue, size.gzip);
    console.log(
      `| ${file.replace('.json', '')} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.brotli)} | ${kb(totals.widget.gzip + size.gzip)} |`,
    );
  }

  // What a page downloads before its widget is wanted: the loader and the
  // static first screen in its visitor's language (the stylesheet, which
  // the widget needs in any case, comes with it). Budget: 15 KB gzip.
  const screens = join(repo, 'dist/embed/first-screen');
  const loader = await measure(widget.js);
  console.log("\n| first screen | raw | gzip -9 | with the loader's gzip |");
  console.log('|---|---|---|---|');
  let largestScreen = 0;
  for (const file of (await readdir(screens)).filter((name) => name.endsWith('.html')).sort()) {
    const size = await measure(join(screens, file));
    largestScreen = Math.max(largestScreen, size.gzip);
    console.log(`| ${file.replace('.html', '')} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(loader.gzip + size.gzip)} |`);
  }

  const limit = Math.min(1.6 * totals.baseline.gzip, 100 * 1024);
  const met = totals.widget.gzip <= limit;
  console.log(
    `\nSize budget (gzip total ≤ 1.6 × baseline = ${kb(1.6 * totals.baseline.gzip)} and < 100 KB): ` +
      `${kb(totals.widget.gzip)} — ${met ? 'met' : `NOT met (${kb(totals.widget.gzip - limit)} over)`}`,
  );
  const ceiling = JSON.parse(await readFile(join(repo, 'bench/size-ceiling.json'), 'utf8'));
  const underCeiling = totals.widget.gzip <= ceiling.gzip_total_bytes;
  console.log(
    `Size ceiling (bench/size-ceiling.json, gzip total ≤ ${ceiling.gzip_total_bytes} bytes): ` +
      `${totals.widget.gzip} bytes — ${underCeiling ? 'kept' : `EXCEEDED by ${totals.widget.gzip - ceiling.gzip_total_bytes} bytes`}`,
  );
  const catalogueKept = largestCatalogue <= ceiling.catalogue_gzip_bytes;
  console.log(
    `Catalogue ceiling (largest language file, gzip ≤ ${ceiling.catalogue_gzip_bytes} bytes): ` +
      `${largestCatalogue} bytes — ${catalogueKept ? 'kept' : `EXCEEDED by ${largestCatalogue - ceiling.catalogue_gzip_bytes} bytes`}`,
  );
  const beforeWanted = loader.gzip + largestScreen;
  const screenKept = beforeWanted <= FIRST_SCREEN_BUDGET;
  console.log(
    `First screen budget (the loader and the largest language's first screen, gzip ≤ ${FIRST_SCREEN_BUDGET} bytes): ` +
      `${beforeWanted} bytes — ${screenKept ? 'kept' : `EXCEEDED by ${beforeWanted - FIRST_SCREEN_BUDGET} bytes`}`,
  );
  if (process.argv.includes('--check') && !screenKept) {
    console.error('The loader and its static first screen grew past 15 KB gzip: what every page with the widget downloads at once.');
    process.exit(1);
  }
  if (process.argv.includes('--check') && !catalogueKept) {
    console.error('A language file grew past its ceiling: shorten it, or raise catalogue_gzip_bytes with the reason.');
    process.exit(1);
  }
  if (process.argv.includes('--check') && !underCeiling) {
    console.error(
      'The widget grew past its size ceiling. Find what grew with `twiggy top` (see ' +
        'docs/performance.md) and cut it, or raise the ceiling in bench/size-ceiling.json with the reason.',
    );
    process.exit(1);
  }
}
