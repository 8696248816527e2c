#!/usr/bin/env node
// Builds what a clinic downloads: dist/smp-estimator-<version>.zip, holding
// the package folder of `make embed` (dist/embed/) as smp-estimator/, its
// guide (README.md: what to upload where, the .wasm type, caching, the CSP
// lines, the code to paste) and package.json, so that the same folder can be
// published to npm and served, pinned, by the CDNs that mirror it (jsDelivr,
// unpkg). The version is Cargo.toml's. Run by `make release`.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const embed = join(repo, 'dist', 'embed');
const staging = join(repo, 'dist', 'release');
const FOLDER = 'smp-estimator';
const folder = join(staging, FOLDER);

const cargo = await readFile(join(repo, 'Cargo.toml'), 'utf8');
// The product's version is the workspace's: every crate takes it.
const packageSection = cargo.split(/^\[/m).find((section) => section.startsWith('workspace.package]'));
const field = (name) => new RegExp(`^${name} = "([^"]*)"`, 'm').exec(packageSection)?.[1];
const version = field('version');
if (!version) throw new Error('Cargo.toml: no [workspace.package] version');

await rm(staging, { recursive: true, force: true });
await mkdir(staging, { recursive: true });
await cp(embed, folder, { recursive: true });

const integrity = JSON.parse(await readFile(join(folder, 'integrity.json'), 'utf8'));
const snippet = (await readFile(join(folder, 'snippet.html'), 'utf8')).trim();
const frameSnippet = (await readFile(join(folder, 'frame-snippet.html'), 'utf8')).trim();
const cdn = `https://cdn.jsdelivr.net/npm/${FOLDER}@${version}/`;
const cdnSnippet = snippet.replace('https://YOUR-SITE/smp-estimator/', cdn);

// Every file of the folder, so that `npm pack` publishes exactly what the
// zip holds (npm adds package.json and README.md itself).
async function filesUnder(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else found.push(relative(folder, path));
  }
  return found.sort();
}
const files = await filesUnder(folder);

const manifest = {
  name: FOLDER,
  version,
  description: field('description'),
  license: field('license'),
  type: 'module',
  main: './smp-estimator.js',
  module: './smp-estimator.js',
  exports: {
    '.': './smp-estimator.js',
    './smp-estimator.js': './smp-estimator.js',
    './smp-estimator_bg.js': './smp-estimator_bg.js',
    './smp-estimator_bg.wasm': './smp-estimator_bg.wasm',
    './smp-estimator.css': './smp-estimator.css',
    './smp-estimator-warm.js': './smp-estimator-warm.js',
    './smp-estimator-setup.js': './smp-estimator-setup.js',
    './smp-estimator-setup_bg.wasm': './smp-estimator-setup_bg.wasm',
    './frame-host.js': './frame-host.js',
    './integrity.json': './integrity.json',
    './i18n/*': './i18n/*',
    './first-screen/*': './first-screen/*',
    './package.json': './package.json',
  },
  files,
  sideEffects: true,
  keywords: ['scalp-micropigmentation', 'smp', 'hair-transplant', 'estimator', 'widget', 'webassembly'],
};
await writeFile(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// The guide (docs/clinic-guide.md, kept as Markdown so that it reads and
// diffs as the clinic sees it), with this release's figures filled in.
const figures = {
  version,
  integrity: integrity['smp-estimator.js'],
  snippet,
  cdnSnippet,
  frameSnippet,
};
const template = (await readFile(join(repo, 'docs', 'clinic-guide.md'), 'utf8')).replace(/^<!--[\s\S]*?-->\n+/, '');
const guide = template.replaceAll(/\{\{(\w+)\}\}/g, (placeholder, name) => {
  if (!(name in figures)) throw new Error(`docs/clinic-guide.md: ${placeholder} is not one of ${Object.keys(figures).join(', ')}`);
  return figures[name];
});
if (/\{\{|\}\}/.test(guide)) throw new Error('docs/clinic-guide.md: a placeholder is left after filling in');
for (const name of Object.keys(figures)) {
  if (!template.includes(`{{${name}}}`)) throw new Error(`docs/clinic-guide.md: {{${name}}} is missing`);
}
await writeFile(join(folder, 'README.md'), guide);

// Reproducible: every file with the same time, in a sorted order, without
// directory entries or the extra attributes zip would add.
const fixed = new Date('2026-01-01T00:00:00Z');
const entries = (await filesUnder(folder)).map((file) => join(FOLDER, file));
for (const entry of entries) await utimes(join(staging, entry), fixed, fixed);
const zip = join(repo, 'dist', `${FOLDER}-${version}.zip`);
await rm(zip, { force: true });
execFileSync('zip', ['-X', '-D', '-q', zip, ...entries], { cwd: staging, env: { ...process.env, TZ: 'UTC' } });
console.log(`${relative(repo, zip)}: ${entries.length} files, version ${version}`);
