// The release a clinic downloads (`make release`): the zip is unpacked into
// a temporary folder, served by a plain static server, and the code its own
// guide (README.md inside the zip) tells a clinic to paste must show the
// engine's figures in Chromium. Its npm layout must publish exactly the
// package's files, and the guide's pinned CDN code must carry the hash of the
// very file it names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, engineQuote, money, repo, hostPage, open } from './support.mjs';

const version = /^version = "([^"]+)"/m.exec(await readFile(join(repo, 'Cargo.toml'), 'utf8'))[1];
const zip = join(repo, 'dist', `smp-estimator-${version}.zip`);
let unpacked;
let folder;
let guide;
let server;
let browser;

/** The ```html blocks of the guide, in order. */
const htmlBlocks = (markdown) => [...markdown.matchAll(/```html\n([\s\S]*?)\n```/g)].map((match) => match[1]);

before(async () => {
  unpacked = await mkdtemp(join(tmpdir(), 'smp-release-'));
  execFileSync('unzip', ['-q', zip, '-d', unpacked]);
  folder = join(unpacked, 'smp-estimator');
  guide = await readFile(join(folder, 'README.md'), 'utf8');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (unpacked) await rm(unpacked, { recursive: true, force: true });
});

test('the zip holds one folder, smp-estimator/, with the guide and everything `make embed` built', async () => {
  assert.deepEqual(await readdir(unpacked), ['smp-estimator']);
  const embedded = (await readdir(join(repo, 'dist', 'embed'), { recursive: true })).sort();
  const released = (await readdir(folder, { recursive: true })).sort();
  assert.deepEqual(released, [...embedded, 'README.md', 'package.json'].sort());
  for (const file of ['smp-estimator.js', 'smp-estimator_bg.js', 'smp-estimator_bg.wasm', 'smp-estimator.css']) {
    assert.deepEqual(await readFile(join(folder, file)), await readFile(join(repo, 'dist', 'embed', file)), file);
  }
  assert.match(guide, /application\/wasm/);
  assert.match(guide, /Cache-Control/);
  assert.match(guide, /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
});

test("the guide's code, pasted into a page of a plain static server hosting the unzipped folder, shows the engine's figures", async () => {
  const [snippet] = htmlBlocks(guide);
  assert.match(snippet, /https:\/\/YOUR-SITE\/smp-estimator\/smp-estimator\.js/);
  const pages = {};
  server = await serve(unpacked, pages);
  pages['/clinic.html'] = { body: hostPage(snippet.replaceAll('https://YOUR-SITE/', server.url), { title: 'Clinic' }) };
  const { tab, errors } = await open(browser, new URL('/clinic.html', server.url).href);
  await tab.click('[data-smp-estimator] label:has(input[value="norwood-4"])');
  const figure = tab.locator('[data-smp-estimator] [data-figure="smp-cost-typical"]');
  await figure.waitFor();
  const quote = engineQuote({ pattern: 'norwood-4' });
  assert.equal((await figure.innerText()).replace(/[\u00a0\u202f]/g, ' ').trim(), money(quote.smp.cost.typical));
  const transplant = tab.locator('[data-smp-estimator] [data-figure="transplant-cost-typical"]');
  assert.equal((await transplant.innerText()).replace(/[\u00a0\u202f]/g, ' ').trim(), money(quote.transplant.cost.typical));
  assert.deepEqual(errors, []);
  await tab.close();
});

test('npm pack publishes exactly the package files, with the version of Cargo.toml and working exports', async () => {
  const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'smp-estimator');
  assert.equal(manifest.version, version);
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  const languages = (await readdir(join(repo, 'i18n'))).filter((f) => f.endsWith('.json') && f !== 'en.json').map((f) => `i18n/${f}`);
  // Every language's static first screen, English included.
  const firstScreens = (await readdir(join(repo, 'i18n'))).filter((f) => f.endsWith('.json')).map((f) => `first-screen/${f.replace('.json', '.html')}`);
  assert.deepEqual(
    packed.files.map((file) => file.path).sort(),
    [
      'README.md',
      'package.json',
      'smp-estimator.js',
      'smp-estimator_bg.js',
      'smp-estimator_bg.wasm',
      'smp-estimator.css',
      'smp-estimator-warm.js',
      'smp-estimator-setup.js',
      'smp-estimator-setup_bg.wasm',
      'frame.html',
      'frame.css',
      'frame.js',
      'frame-host.js',
      'configure.html',
      'configure.js',
      'configure.css',
      'configure-disk.js',
      'embed.html',
      'snippet.html',
      'frame-snippet.html',
      'preload.html',
      'integrity.json',
      ...languages,
      ...firstScreens,
    ].sort(),
  );
  for (const [entry, target] of Object.entries(manifest.exports)) {
    if (!target.includes('*')) assert.ok((await stat(join(folder, target))).isFile(), `exports ${entry}`);
  }
});

test("the guide's CDN code pins this version and carries the hash of the very file it names", async () => {
  const cdn = htmlBlocks(guide).find((block) => block.includes('cdn.jsdelivr.net'));
  assert.ok(cdn, 'a CDN code in the guide');
  const script = /src="([^"]+)" integrity="([^"]+)"/.exec(cdn);
  assert.equal(script[1], `https://cdn.jsdelivr.net/npm/smp-estimator@${version}/smp-estimator.js`);
  const hash = `sha384-${createHash('sha384').update(await readFile(join(folder, 'smp-estimator.js'))).digest('base64')}`;
  assert.equal(script[2], hash);
});
