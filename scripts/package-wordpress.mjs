#!/usr/bin/env node
// Builds dist/smp-estimator-wordpress.zip: the WordPress plugin of
// wordpress/smp-estimator/ with the widget's package (dist/embed/, from
// `make embed`) in its widget/ folder, so that a clinic uploads one file
// and hosts nothing else. Run by `make wordpress`.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const embed = join(repo, 'dist', 'embed');
const staging = join(repo, 'dist', 'wordpress');
const plugin = join(staging, 'smp-estimator');
const zip = join(repo, 'dist', 'smp-estimator-wordpress.zip');

// What the plugin needs of the package: the module, the WebAssembly, the
// stylesheet, the languages, the hashes and the setup page (its settings
// page) with its own module. The example pages and snippets are for
// hand-made pages, and the iframe mode for hosts without plugins.
const widgetFiles = [
  'smp-estimator.js',
  'smp-estimator_bg.js',
  'smp-estimator_bg.wasm',
  'smp-estimator.css',
  'smp-estimator-warm.js',
  'integrity.json',
  'smp-estimator-setup.js',
  'smp-estimator-setup_bg.wasm',
  'configure.html',
  'configure.js',
  'configure.css',
  'configure-disk.js',
  'first-screen',
  'i18n',
];

const version = (await readFile(join(repo, 'Cargo.toml'), 'utf8')).match(/^version = "([^"]+)"/m)[1];
const header = await readFile(join(repo, 'wordpress', 'smp-estimator', 'smp-estimator.php'), 'utf8');
if (!header.includes(`Version:           ${version}`) || !header.includes(`'SMP_ESTIMATOR_VERSION', '${version}'`)) {
  throw new Error(`wordpress/smp-estimator/smp-estimator.php: its Version and SMP_ESTIMATOR_VERSION must be ${version} (Cargo.toml)`);
}

await rm(staging, { recursive: true, force: true });
await rm(zip, { force: true });
await mkdir(staging, { recursive: true });
await cp(join(repo, 'wordpress', 'smp-estimator'), plugin, { recursive: true });
for (const file of widgetFiles) {
  await cp(join(embed, file), join(plugin, 'widget', file), { recursive: true });
}
// English, which the widget has compiled in: the plugin's admin pages and
// mail read the pattern names ("Norwood V" for norwood-5) from the same
// catalogues as the widget, so the names exist once, in the engine's i18n/.
await cp(join(repo, 'i18n', 'en.json'), join(plugin, 'widget', 'i18n', 'en.json'));
// Apache (most WordPress hosts) may not know .wasm; the widget works
// without it, but streaming compilation needs the right type.
await writeFile(
  join(plugin, 'widget', '.htaccess'),
  '<IfModule mod_mime.c>\n\tAddType application/wasm .wasm\n</IfModule>\n',
);
// WordPress's convention: no folder of a plugin lists its files.
for (const folder of ['', 'includes', 'block', 'admin', 'front', 'widget', 'widget/first-screen', 'widget/i18n']) {
  await writeFile(join(plugin, folder, 'index.php'), '<?php\n// Silence is golden.\n');
}
execFileSync('zip', ['-r', '-X', '-q', zip, 'smp-estimator'], { cwd: staging });
const { size } = await import('node:fs').then((fs) => fs.statSync(zip));
console.log(`dist/smp-estimator-wordpress.zip: ${(size / 1024).toFixed(1)} KB (plugin ${version})`);
