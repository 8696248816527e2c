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
const packageSection = cargo.split(/^\[/m).find((section) => section.startsWith('package]'));
const field = (name) => new RegExp(`^${name} = "([^"]*)"`, 'm').exec(packageSection)?.[1];
const version = field('version');
if (!version) throw new Error('Cargo.toml: no [package] version');

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
    './smp-estimator_bg.wasm': './smp-estimator_bg.wasm',
    './smp-estimator.css': './smp-estimator.css',
    './smp-estimator-warm.js': './smp-estimator-warm.js',
    './smp-estimator-setup.js': './smp-estimator-setup.js',
    './smp-estimator-setup_bg.wasm': './smp-estimator-setup_bg.wasm',
    './frame-host.js': './frame-host.js',
    './integrity.json': './integrity.json',
    './i18n/*': './i18n/*',
    './package.json': './package.json',
  },
  files,
  sideEffects: true,
  keywords: ['scalp-micropigmentation', 'smp', 'hair-transplant', 'estimator', 'widget', 'webassembly'],
};
await writeFile(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

await writeFile(
  join(folder, 'README.md'),
  `# SMP price estimator ${version}: the guide for your website

This folder is the whole estimator: put it on your website as it is, then paste
two lines into the page where the estimate should appear. Nothing a visitor
enters leaves their browser.

## 1. Put this folder on your site

Upload the folder \`${FOLDER}/\` (every file in it, keeping the \`i18n/\`
folder) so that it is at \`https://YOUR-SITE/${FOLDER}/\`. Any of these works:

- **Your host's file manager or FTP**: upload the folder into your site's web
  root (often \`public_html/\`).
- **WordPress**: with the SMP estimator plugin, or upload the folder with
  your host's file manager as above.
- **A static host** (Netlify, Cloudflare Pages, GitHub Pages): drag the folder
  in, or put it in the site's repository.
- **No upload at all**: use the copy on the npm CDN (step 3, second code).

Then open \`https://YOUR-SITE/${FOLDER}/configure.html\`: the setup page fills
in your prices, shows the estimate as visitors will see it, and writes the
code for your page with your settings in it. (Opened straight from your
computer's disk it cannot start: browsers do not run it from there.)

## 2. Check your web server

- **The .wasm file's type.** \`smp-estimator_bg.wasm\` must be served as
  \`application/wasm\`. Most servers do. On Apache add to \`.htaccess\`:
  \`AddType application/wasm .wasm\`; on nginx it is in \`mime.types\`.
- **Caching.** The file names stay the same from release to release, and
  the code you paste checks each file's hash. Either put each release in a
  folder of its own (\`/${FOLDER}/${version}/\`) with a long
  \`Cache-Control: max-age=31536000, immutable\`, or keep one folder with a
  short \`max-age\` (an hour) and ETag revalidation; after an upgrade, paste
  the new code.
- **Another address than your pages** (a CDN or a second domain): send
  \`Access-Control-Allow-Origin: *\` for these files.
- **A Content-Security-Policy.** The estimator needs no inline script or
  style and no \`eval\`. Your policy must allow:

  \`\`\`text
  script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'
  \`\`\`

  If the folder is on another address, add that address to \`script-src\`,
  \`style-src\` and \`connect-src\` (for the iframe code, to \`frame-src\`).

## 3. Paste the code

On the page where the estimate should appear (WordPress: a Custom HTML
block), with YOUR-SITE replaced by your site's address:

\`\`\`html
${snippet}
\`\`\`

Or without uploading anything, pinned to this release on the npm CDN
(jsDelivr; unpkg serves the same files at
\`https://unpkg.com/${FOLDER}@${version}/\`):

\`\`\`html
${cdnSnippet}
\`\`\`

For page builders that only allow iframes (Wix):

\`\`\`html
${frameSnippet}
\`\`\`

The \`integrity\` value is the hash of \`smp-estimator.js\` of this release
(\`${integrity['smp-estimator.js']}\`): the browser refuses a file that
differs, and the module checks the .wasm and the stylesheet the same way.
The setup page writes these codes with your prices in them.

## What is in this folder

| file | what it is |
|---|---|
| \`smp-estimator.js\`, \`smp-estimator_bg.wasm\`, \`smp-estimator.css\` | the estimator |
| \`smp-estimator-warm.js\` | a worker that prepares the browser's number formats off the page's main thread, when the folder is on the page's own site |
| \`i18n/\` | the other languages, each downloaded only by visitors who need it |
| \`frame.html\`, \`frame.css\`, \`frame.js\`, \`frame-host.js\` | the iframe mode |
| \`configure.html\`, \`configure.js\`, \`configure.css\`, \`configure-disk.js\` | the setup page (\`configure-disk.js\` says what to do when the page is opened from the disk instead of your site) |
| \`smp-estimator-setup.js\`, \`smp-estimator-setup_bg.wasm\` | the setup page's module: the estimator plus \`priceSheet\`, \`checkSettings\`, \`markets\` and \`patterns\`, for the setup page and your own tools; visitors never download it |
| \`embed.html\` | a working example page |
| \`snippet.html\`, \`frame-snippet.html\`, \`preload.html\`, \`integrity.json\` | the codes and hashes of this release |
| \`package.json\` | for npm and the CDNs that mirror it |
`,
);

// Reproducible: every file with the same time, in a sorted order, without
// directory entries or the extra attributes zip would add.
const fixed = new Date('2026-01-01T00:00:00Z');
const entries = (await filesUnder(folder)).map((file) => join(FOLDER, file));
for (const entry of entries) await utimes(join(staging, entry), fixed, fixed);
const zip = join(repo, 'dist', `${FOLDER}-${version}.zip`);
await rm(zip, { force: true });
execFileSync('zip', ['-X', '-D', '-q', zip, ...entries], { cwd: staging, env: { ...process.env, TZ: 'UTC' } });
console.log(`${relative(repo, zip)}: ${entries.length} files, version ${version}`);
