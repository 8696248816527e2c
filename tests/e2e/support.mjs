// Shared helpers for the end-to-end tests: a static server for the release
// build on localhost, Debian's Chromium through playwright-core, and the
// engine's own figures through the `smp-quote` tool (never a second copy of
// a formula in JavaScript).
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { once } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
export const artifacts = join(here, 'artifacts');

/** The MIME types a static host sends (also bench/throttled.mjs's). */
export const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` on 127.0.0.1 at a free port, plus `pages`: paths mapped to
 * `{ body, headers }` (a test's own host pages; `body` may be an async
 * function, to hold an answer back), `mounts` (path prefixes
 * served from other folders) and `endpoints` (POST handlers). Records every
 * request path. `host` is another loopback address for a second site
 * (127.0.0.2: a clinic's CDN).
 */
export async function serve(root = join(repo, 'dist'), pages = {}, mounts = {}, endpoints = {}, host = '127.0.0.1') {
  const requests = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    requests.push(path);
    // `endpoints` maps a path to a handler of POSTed text: (body, request)
    // => { status, body } (a clinic's lead endpoint, say).
    const endpoint = endpoints[path];
    if (endpoint && request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += chunk;
      const answer = await endpoint(body, request);
      response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      response.end(answer.body ?? '{}');
      return;
    }
    if (path === '/favicon.ico') {
      // A browser asks every host page for one; nothing of ours.
      response.writeHead(204).end();
      return;
    }
    const page = pages[path];
    if (page) {
      // A body may be a function, whose answer the test can hold back.
      const body = typeof page.body === 'function' ? await page.body() : page.body;
      response.writeHead(200, { 'content-type': types['.html'], ...page.headers });
      response.end(body);
      return;
    }
    // `mounts` maps a path prefix to another folder (a second package).
    const [prefix, folder] = Object.entries(mounts).find(([p]) => path.startsWith(p)) ?? ['/', root];
    const relative = path.slice(prefix.length - 1);
    const file = normalize(join(folder, relative.endsWith('/') ? `${relative}index.html` : relative));
    if (!file.startsWith(folder)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ready) => server.listen(0, host, ready));
  const { port } = server.address();
  return {
    url: `http://${host}:${port}/`,
    requests,
    close: () => new Promise((done) => server.close(done)),
  };
}

/**
 * Debian's Chromium, headless, with nothing that reaches for the network.
 * Its visitors are in the United Kingdom (en-GB) unless a test says
 * otherwise: English, areas in cm² (i18n.test.mjs covers the others).
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  for (const method of ['newPage', 'newContext']) {
    const original = browser[method].bind(browser);
    browser[method] = (options = {}) => original({ locale: 'en-GB', ...options });
  }
  return browser;
}

/**
 * The script line of the snippet `make embed` printed (dist/embed/ or
 * another package folder), pointed at `base` where the test serves it.
 */
export async function snippetScript(base = '/embed/', folder = join(repo, 'dist', 'embed')) {
  return (await readFile(join(folder, 'snippet.html'), 'utf8'))
    .split('\n')
    .find((line) => line.startsWith('<script'))
    .replace('https://YOUR-SITE/smp-estimator/', base);
}

/** The engine's quote for `input` (and optional settings), from smp-quote. */
export function engineQuote(input, settingsFile) {
  const config = settingsFile ? ['--config', settingsFile] : [];
  const args = [...config, 'quote', JSON.stringify(input)];
  const binary = process.env.SMP_QUOTE;
  const output = binary
    ? execFileSync(binary, args, { encoding: 'utf8' })
    : execFileSync('cargo', ['run', '--quiet', '--bin', 'smp-quote', '--', ...args], {
        cwd: repo,
        encoding: 'utf8',
      });
  return JSON.parse(output);
}

/** Money as the browser's Intl shows it, with plain spaces. */
export function money(amount, locale = 'en-US', currency = 'USD') {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  })
    .format(amount)
    .replace(/[\u00a0\u202f]/g, ' ');
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/**
 * A clinic's page around `body`: what every test's host page shares. A
 * phone's viewport line as real sites have; `head` for a page's own
 * stylesheets or scripts, `end` for what comes after <main>.
 */
export function hostPage(body, { lang = 'en', title = 'Clinic page', head = '', end = '' } = {}) {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>${head}</head>
<body><main>${body}</main>${end}</body></html>`;
}

/**
 * A tab of its own (its own browser context, so nothing stored is shared)
 * at `url`, with its errors recorded. `locale` is the visitor's browser
 * language (en-GB unless given); `prepare(tab)` runs before the page
 * loads; `waitFor` lists selectors to wait for once it has.
 */
export async function open(browser, url, { width = 1024, height = 900, locale, prepare, waitFor = [] } = {}) {
  const tab = await browser.newPage({ viewport: { width, height }, ...(locale ? { locale } : {}) });
  const errors = watchErrors(tab);
  await prepare?.(tab);
  await tab.goto(url);
  for (const selector of waitFor) await tab.locator(selector).waitFor();
  return { tab, errors };
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations on the page, one line each (none is the goal). */
export async function axeViolations(tab) {
  await tab.addScriptTag({ path: axePath });
  return tab.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  );
}

/**
 * How far the page scrolls sideways: 0 when it does not. Any tab with an
 * `evaluate(fn)`: Playwright's, or a driver's of engines.mjs.
 */
export const sideways = (tab) =>
  tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A TCP port free on 127.0.0.1 now (for a server started by another program). */
export async function freePort() {
  const server = createTcpServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/**
 * Checks `check()` until `accept` takes what it returns (anything truthy,
 * unless told), and returns that; fails with `what` and the last value (or
 * error) seen once `timeout` ms have passed. For what no event announces:
 * a process that starts listening, a figure inside another engine's page.
 */
export async function until(what, check, { timeout = 10_000, accept = Boolean } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (accept(last)) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** `count` paragraphs of a clinic's text: a page long enough to put a widget below its first screens. */
export const clinicText = (count) =>
  Array.from(
    { length: count },
    (_, index) => `<p>Paragraph ${index + 1}. Scalp micropigmentation places thousands of tiny pigment dots that read as
    shaved hair follicles; most clients need two to four sessions a week or more apart.</p>`,
  ).join('\n');
