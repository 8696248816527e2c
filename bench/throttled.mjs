#!/usr/bin/env node
// The widget's cost to a clinic's page on a phone, against its budget:
// the release package (dist/embed/) against the minimal Yew counter
// (bench/baseline/dist/) under Lighthouse's mobile conditions, in Debian's
// headless Chromium through playwright-core. Nothing is built here: run
// `make bench-sizes` (or `make embed baseline`) first.
//
// Conditions, set through the DevTools protocol on each new page before it
// navigates: the network at 150 ms round trip, 200,000 bytes/s down and
// 93,750 bytes/s up (Network.emulateNetworkConditions, Lighthouse's "slow
// 4G"), the CPU slowed 4× (Emulation.setCPUThrottlingRate), a 390 × 844 px
// viewport, and no HTTP cache (a new browser context per load, `no-store`
// and the protocol's cache disabled). The files are served gzip-encoded
// (gzip -9, as bench/sizes.mjs counts them) with their MIME types,
// application/wasm included, from a small server on 127.0.0.1 that
// compresses each file once: the throttled network then carries what a real
// host would send.
//
// Each round loads the widget's page (a host page with a meta viewport, one
// widget preset with data-pattern="norwood-3", the README's snippet line)
// and the counter's (trunk's own index.html with its preloads), in an order
// that alternates, --runs rounds (default 9). In each load an init script
// installed before the page's own (addInitScript) records, relative to
// navigation start:
//   - every 'longtask' entry (a PerformanceObserver, buffered);
//   - the first quote: when the widget's shadow root holds the answer's
//     typical SMP cost (the quote at a glance under the picker, the first
//     part the widget renders) and the summary and is no longer hidden (its
//     stylesheet loaded),
//     and when that is on screen: the next frame after it (a
//     requestAnimationFrame callback, then a message posted from it, which
//     runs once that frame's style, layout and paint are done). For the
//     counter: its first render (<p id="count">), and on screen the same way;
//   - the first interaction, once the page has been quiet (no long task) for
//     a second: for the widget, a click (real input through the protocol) on
//     another pattern's label; for the counter, on its button. Timed from
//     the pointerdown event's timestamp to the next frame after the figures'
//     text changed. Then --changes more of them (default 4), each after the
//     page is quiet again, for the median and maximum of a pattern change.
// Total Blocking Time is the sum over long tasks of (duration − 50 ms):
// "load" counts the tasks that began before the first quote was on screen;
// "load plus first interaction" every task from navigation start to the
// first interaction's figures on screen (so also the widget's deferred
// render between the two). Unlike Lighthouse's, it starts at navigation,
// not at the first contentful paint; the host page itself adds nothing
// (its tasks are a few milliseconds). The longest task is over the same span.
// The package's gzip total is bench/sizes.mjs's.
//
// With --trace, one more throttled load of the widget (and its first
// interaction) under Chromium's tracing, with its sampling profiler: the
// three longest main-thread tasks, what kind of work filled them (the trace
// events' own time) and the functions the profiler found running. The
// release build keeps no wasm names: its functions show as wasm-function[N];
// the JavaScript glue's imports keep theirs (__wbg_…, the DOM calls).
// With --only clinic (or without --only), the clinic page's loads are
// traced the same way: one without input, one of the visitor who jumps at
// `load` and taps at once, one of the visitor who reads and taps, and that
// visitor's again with the profiler: every long task in order by kind of
// work, and the three longest in detail. With SMP_TRACE_DIR set, each
// trace's JSON is also written there (widget.json, clinic-jump.json, …),
// for a closer look in Chromium's performance panel or a script.
//
// The recorder in each page is bench/instrument.mjs's; the clicks are this
// bench's own. Prints the date, machine and Chromium version, a Markdown
// table and notes (bench/report.mjs).
// Reported, never asserted (not run by `make test`): the machines are shared.
// Exits non-zero only when something failed to run.
//
// Then the clinic-page scenario (bench/clinic.mjs): the widget's cost to a
// clinic's page with a hero image and text, the widget below, against the
// same page without it, in a table of its own.
//
// Usage: node bench/throttled.mjs [--runs N] [--changes N] [--json FILE] [--trace] [--only widget|clinic]
import { readFile, stat, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { launch, repo, types } from '../tests/e2e/support.mjs';
import { option, runOptions, widgetSnippet, counterPage as readCounterPage, openPage, mainThreadEvents, coveredMs, PACKAGE, COUNTER } from './instrument.mjs';
import {
  sorted, median, ratio, ms, range, kb, progress, machine, Report, writeRecords, failedToRun, exitOnProblems,
} from './report.mjs';
import { packageSizes } from './sizes.mjs';
import { clinicPage, heroJpeg, clinicWatch, clinicLoad, clinicVisit, clinicReport, heroNote } from './clinic.mjs';

// --- Options -----------------------------------------------------------------

const { runs, changes, jsonFile, tracing } = runOptions({ runs: 9, changes: 4 });
const only = option('only', null);
if (only !== null && only !== 'widget' && only !== 'clinic') throw new Error('--only takes widget or clinic');

// Lighthouse's mobile conditions ("slow 4G" and a 4× slower CPU).
const NETWORK = { offline: false, latency: 150, downloadThroughput: 200000, uploadThroughput: 93750 };
const CPU_SLOWDOWN = 4;
const viewport = { width: 390, height: 844 };
const QUIET_MS = 1000; // no long task for this long: the page is idle
// The first quote against the counter's first render, and the package's
// size, are printed for information: their budgets (1.6x, 150 KB) were
// retired for the clinic page's own measures (bench/clinic.mjs).
const BUDGET = { tbt: 200, task: 100, change: 100 };

// --- Host pages ------------------------------------------------------------------

// The exact script line the README tells clinics to paste, pointing here.
const snippet = await widgetSnippet();
// Trunk's own page for the counter (with its preloads), moved under /baseline/.
const counterPage = await readCounterPage();
const widgetPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Our clinic</title>
<style>body { font: 16px/1.5 sans-serif; margin: 0 auto; max-width: 56rem; padding: 1rem; }</style>
</head><body><main><h1>Our clinic</h1>
<p>Scalp micropigmentation replicates the look of a closely shaved head with tiny pigment deposits.</p>
<div id="w1" data-smp-estimator data-pattern="norwood-3"></div>
${snippet}
</main></body></html>`;
// The clinic's page, with the README's snippet (its element and script
// line) below its text, and without.
const pages = {
  '/widget.html': widgetPage,
  '/counter.html': counterPage,
  '/clinic/with.html': clinicPage(`<div data-smp-estimator></div>\n${snippet}`),
  '/clinic/without.html': clinicPage(''),
};
// Other files by path: the clinic page's hero image, made once the browser runs.
const files = {};

// --- A static server that compresses, as a real host does ------------------------

const mounts = [COUNTER, [PACKAGE, join(repo, 'dist/embed')]];

/** Serves `pages` and the two packages gzip-encoded, never cacheable. */
async function serveGzip() {
  const compressed = new Map(); // path → gzip bytes, each file compressed once
  const gzip = (key, bytes) => {
    if (!compressed.has(key)) compressed.set(key, gzipSync(bytes, { level: 9 }));
    return compressed.get(key);
  };
  const requests = [];
  const notFound = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    requests.push(path);
    const missing = () => {
      notFound.push(path);
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    };
    const send = (type, key, bytes) => {
      const encoded = /gzip/.test(request.headers['accept-encoding'] ?? '');
      const body = encoded ? gzip(key, bytes) : bytes;
      response.writeHead(200, {
        'content-type': type,
        'content-length': body.length,
        'cache-control': 'no-store',
        vary: 'accept-encoding',
        ...(encoded ? { 'content-encoding': 'gzip' } : {}),
      });
      response.end(body);
    };
    if (path === '/favicon.ico') return response.writeHead(204).end(); // asked for by every page
    if (pages[path]) return send(types['.html'], path, Buffer.from(pages[path]));
    if (files[path]) return send(files[path].type, path, files[path].body);
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return missing(path);
    const [prefix, folder] = mount;
    const file = normalize(join(folder, path.slice(prefix.length)));
    if (!file.startsWith(folder)) return response.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      return send(types[extname(file)] ?? 'application/octet-stream', file, await readFile(file));
    } catch {
      return missing(path);
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests,
    notFound,
    close: () => new Promise((done) => server.close(done)),
  };
}

// --- In the page -------------------------------------------------------------------

// What the recorder (bench/instrument.mjs) watches here: the first quote is
// the answer's typical SMP cost (the quote at a glance under the picker, the
// first part the widget renders) with the summary; also when it is on
// screen, the first Intl formats and the clicks' pointerdown times.
const RECORD = { quoteFigure: 'answer-smp', onScreen: true, formats: true, pointer: true };

/** In the page, after the recorder: what this bench's clicks need. */
function clicks() {
  const bench = window.__bench;
  const now = () => performance.now();
  // Resolves once no long task has ended for `span` ms (checked each 100 ms).
  bench.quiet = (span) =>
    new Promise((resolve) => {
      const check = () => {
        const last = Math.max(bench.onScreen ?? 0, ...bench.longtasks.map((t) => t.start + t.duration));
        if (performance.now() - last >= span) resolve();
        else setTimeout(check, 100);
      };
      check();
    });
  // What the k-th click clicks: a visible pattern not chosen (the widget),
  // or the counter's button; scrolled into the middle of the viewport.
  bench.target = (k) => {
    const root = bench.shadowRoots[0];
    if (!root) return document.querySelector('button');
    const labels = [...root.querySelectorAll('label.smp-choice')]
      .filter((label) => label.getClientRects().length && !label.querySelector('input')?.checked);
    return labels[k % labels.length];
  };
  bench.scrollTo = (k) => bench.target(k)?.scrollIntoView({ block: 'center' });
  // Before a click: resolves with when the figures' text changed and when
  // that was on screen (null after 10 s without a change).
  bench.arm = (k) => {
    const root = bench.shadowRoots[0] ?? document.body;
    const selector = bench.shadowRoots[0] ? '[data-figure]' : '#count';
    const signature = () => [...root.querySelectorAll(selector)].map((e) => e.textContent).join('\u0001');
    const before = signature();
    const clicks = bench.pointerdown.length;
    bench.change = new Promise((resolve) => {
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, 10000);
      const observer = new MutationObserver(() => {
        if (signature() === before) return;
        const changed = now();
        observer.disconnect();
        clearTimeout(timer);
        bench.nextFrame().then((painted) => resolve({ start: bench.pointerdown[clicks] ?? null, changed, painted }));
      });
      observer.observe(root, { subtree: true, childList: true, characterData: true });
    });
    const rect = bench.target(k).getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  };
}

// --- Statistics ------------------------------------------------------------------

// Total Blocking Time: what each long task spent over 50 ms.
const blocking = (tasks) => tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);

// --- Running ---------------------------------------------------------------------

const server = await serveGzip();
const browser = await launch();
const problems = [];

/** A new context (cold caches) and page under the throttling. */
async function throttledPage(record = RECORD, extra = clicks) {
  const { context, tab, errors } = await openPage(browser, { viewport, record, extra });
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, tab, errors };
}

// The page is only ever driven through plain evaluate() and raw mouse
// input: Playwright's locators and waitForFunction inject a large script of
// their own, whose evaluation (some 450 ms at 4× slower CPU) would be a long
// task of the page's.
const within = (promise, what, timeout = 60000) => {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeout))),
  ]).finally(() => clearTimeout(timer));
};
const onScreen = (tab) => within(tab.evaluate(() => window.__bench.onScreenPromise), 'the first quote on screen');
const quiet = (tab) => within(tab.evaluate((span) => window.__bench.quiet(span), QUIET_MS), 'a quiet page');

/** One click that changes the figures: a pattern not chosen, or +1. */
async function change(tab, k) {
  await tab.evaluate((i) => window.__bench.scrollTo(i), k);
  await quiet(tab);
  const { x, y } = await tab.evaluate((i) => window.__bench.arm(i), k);
  await tab.mouse.click(x, y);
  const result = await within(tab.evaluate(() => window.__bench.change), `click ${k + 1}`);
  if (!result || result.start === null) throw new Error(`click ${k + 1} did not change the figures within 10 s`);
  return { ...result, latency: result.painted - result.start, toDom: result.changed - result.start };
}

/** A cold throttled load of `path`, its first interaction and `changes` more. */
async function load(path) {
  const { context, tab, errors } = await throttledPage();
  try {
    await tab.goto(new URL(path, server.url).href, { timeout: 60000 });
    await onScreen(tab);
    await quiet(tab);
    const clicks = [];
    for (let k = 0; k <= changes; k += 1) clicks.push(await change(tab, k));
    await tab.waitForTimeout(200); // for the last long-task entries
    const record = await tab.evaluate(() => {
      const b = window.__bench;
      return {
        // The widget's, or the counter's first render.
        quote: b.roots[0]?.quote ?? b.firstRender,
        shown: b.roots[0]?.shown ?? b.firstRender,
        onScreen: b.onScreen,
        longtasks: b.longtasks,
        // Each file: when it had arrived, and its transfer against its size.
        files: performance.getEntriesByType('resource').map((r) => ({
          name: r.name.split('/').pop(),
          end: r.responseEnd,
          encoded: r.encodedBodySize,
          decoded: r.decodedBodySize,
        })),
        html: performance.getEntriesByType('navigation')[0]?.responseEnd ?? null,
        firstFormats: b.firstFormats,
      };
    });
    const first = clicks[0];
    const before = (end) => record.longtasks.filter((t) => t.start < end);
    record.clicks = clicks;
    record.tbtLoad = blocking(before(record.onScreen));
    record.tbtBetween = blocking(record.longtasks.filter((t) => t.start >= record.onScreen && t.start < first.start));
    record.tbtFirst = blocking(before(first.painted));
    record.longestLoad = Math.max(0, ...before(record.onScreen).map((t) => t.duration));
    record.longest = Math.max(0, ...before(first.painted).map((t) => t.duration));
    record.longestLater = Math.max(0, ...record.longtasks.filter((t) => t.start >= first.painted).map((t) => t.duration));
    record.loadTasks = before(first.painted).filter((t) => t.duration >= 50).map((t) => Math.round(t.duration));
    // What each long task was, by when it ran: the files' arrivals, the
    // quote's and the click's times.
    const arrival = (suffix) => record.files.find((f) => f.name.endsWith(suffix))?.end ?? Infinity;
    const [js, wasm] = [arrival('.js'), arrival('_bg.wasm')];
    record.kinds = record.longtasks.filter((t) => t.start < first.painted).map((t) => {
      const end = t.start + t.duration + 1; // entries' durations are whole milliseconds
      const kind = t.start <= record.quote && record.quote <= end ? 'the task that renders the first quote'
        : t.start >= first.start ? 'the first click'
        : t.start >= record.onScreen ? 'after the quote is on screen (the deferred render)'
        : t.start >= record.shown ? 'after the quote is shown, before its frame'
        : t.start >= wasm ? 'after the .wasm arrived, before the quote'
        : t.start >= js ? 'after the JavaScript arrived, before the .wasm'
        : 'before the JavaScript arrived';
      return { kind, duration: t.duration };
    });
    if (errors.length) problems.push(`${path}: ${errors.join('; ')}`);
    return record;
  } catch (error) {
    problems.push(`${path}: ${error.message.split('\n')[0]}`);
    throw error;
  } finally {
    await context.close();
  }
}

// --- Tracing (--trace) ---------------------------------------------------------------

// Trace events by name, in the few kinds of work that matter here.
const KINDS = [
  ['HTML parsing', (n) => n === 'ParseHTML'],
  ['JS compile and module evaluation', (n) => /^(v8\.compile|v8\.compileModule|v8\.evaluateModule|EvaluateScript|v8\.parseOnBackground|V8\.CompileCode|v8\.produceModuleCache)/.test(n)],
  ['wasm compilation (streaming, then lazily per function on first call)', (n) => /wasm/i.test(n)],
  ['garbage collection', (n) => /GC|Sweep|Mark/.test(n)],
  ['style recalculation', (n) => n === 'UpdateLayoutTree' || n === 'ParseAuthorStyleSheet'],
  ['layout', (n) => n === 'Layout'],
  ['paint and compositing', (n) => /^(PrePaint|Paint|Layerize|UpdateLayer|CompositeLayers|Commit)/.test(n)],
];

/** The profiler's samples of one trace: [{ ts (µs), frames: [name, …] leaf first }]. */
function profileSamples(events) {
  const samples = [];
  const nodes = new Map();
  const byId = new Map();
  for (const e of events.filter((x) => x.name === 'Profile' || x.name === 'ProfileChunk')) {
    const id = `${e.pid}:${e.id}`;
    if (e.name === 'Profile') {
      byId.set(id, { time: e.args.data.startTime });
      continue;
    }
    const state = byId.get(id) ?? { time: e.ts };
    byId.set(id, state);
    const profile = e.args.data.cpuProfile ?? {};
    for (const node of profile.nodes ?? []) nodes.set(`${id}:${node.id}`, { name: node.callFrame.functionName || node.callFrame.url?.split('/').pop() || '(anonymous)', parent: node.parent === undefined ? null : `${id}:${node.parent}` });
    const deltas = e.args.data.timeDeltas ?? [];
    (profile.samples ?? []).forEach((sample, i) => {
      state.time += deltas[i] ?? 0;
      samples.push({ ts: state.time, node: `${id}:${sample}` });
    });
  }
  return samples.map(({ ts, node }) => {
    const frames = [];
    for (let at = nodes.get(node); at; at = at.parent ? nodes.get(at.parent) : null) frames.push(at.name);
    return { ts, frames };
  });
}

// What a traced load does: the widget's page and its first click, or the
// clinic page (bench/clinic.mjs) with its visitor.
const widgetScenario = {
  name: 'widget',
  open: () => throttledPage(),
  path: '/widget.html',
  drive: async (tab) => {
    await onScreen(tab);
    await quiet(tab);
    return change(tab, 0);
  },
};
const clinicScenario = (visitor) => ({
  name: `clinic-${visitor ?? 'no-input'}`,
  open: () => throttledPage({ quoteFigure: 'answer-smp', shifts: true, pointer: true }, clinicWatch),
  path: '/clinic/with.html',
  drive: (tab) => clinicVisit(tab, visitor, within),
});

/**
 * One traced throttled load of the widget and its first click: its three
 * longest main-thread tasks. With `profile`, also Chromium's sampling
 * profiler (which slows wasm by logging its code: its durations are not
 * the ones to quote).
 */
async function traceLoad(profile, scenario = widgetScenario) {
  const { context, tab } = await scenario.open();
  await browser.startTracing(tab, {
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'v8.execute',
      'blink', 'blink.user_timing', 'loading', ...(profile ? ['disabled-by-default-v8.cpu_profiler'] : [])],
  });
  await tab.goto(new URL(scenario.path, server.url).href, { timeout: 60000 });
  const click = await scenario.drive(tab);
  await tab.waitForTimeout(300);
  const navigationStart = await tab.evaluate(() => performance.timeOrigin);
  const raw = (await browser.stopTracing()).toString();
  const { traceEvents } = JSON.parse(raw);
  if (process.env.SMP_TRACE_DIR) await writeFile(join(process.env.SMP_TRACE_DIR, `${scenario.name}${profile ? '-profiled' : ''}.json`), raw);
  const record = await tab.evaluate(() => ({ onScreen: window.__bench.onScreen, longtasks: window.__bench.longtasks }));
  await context.close();
  // Navigation start on the trace's clock: the navigation's own event, on
  // the main thread of the page's renderer (the one thread looked at).
  const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.endsWith(scenario.path));
  const events = mainThreadEvents(traceEvents, nav?.pid ?? null);
  // The profiler's samples of that renderer only (its other processes run other pages).
  const samples = profileSamples(traceEvents.filter((e) => (e.name === 'ProfileChunk' || e.name === 'Profile') &&
    (!nav || e.pid === nav.pid)));
  // A task is one top-level event (Chromium names it one of two ways).
  const taskName = events.some((e) => e.name === 'ThreadControllerImpl::RunTask') ? 'ThreadControllerImpl::RunTask' : 'RunTask';
  const tasks = events.filter((e) => e.name === taskName).sort((a, b) => b.dur - a.dur).slice(0, 3);
  const out = tasks.map((task) => {
    const end = task.ts + task.dur;
    const inside = events.filter((e) => e !== task && e.name !== taskName && e.ts >= task.ts && e.ts + e.dur <= end);
    // Each event's own time: its duration less its children's on the thread.
    const self = new Map();
    const stack = [];
    for (const e of [...inside].sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      if (stack.length) self.set(stack.at(-1), (self.get(stack.at(-1)) ?? e.dur) - e.dur);
      if (!self.has(e)) self.set(e, e.dur);
      stack.push(e);
    }
    const kinds = new Map();
    const names = new Map();
    for (const [e, own] of self) {
      const kind = KINDS.find(([, test]) => test(e.name))?.[0] ?? 'running script (JS and wasm)';
      const name = e.name === 'FunctionCall' && e.args?.data?.functionName ? `FunctionCall ${e.args.data.functionName}` : e.name;
      kinds.set(kind, (kinds.get(kind) ?? 0) + own / 1000);
      names.set(name, (names.get(name) ?? 0) + own / 1000);
    }
    // The profiler's view: leaf functions, and what wasm called into.
    const sampled = samples.filter((s) => s.ts >= task.ts && s.ts <= end);
    const leaves = new Map();
    for (const s of sampled) {
      const leaf = s.frames[0] ?? '?';
      const key = /^\$?(wasm-function|func)/.test(leaf) ? 'wasm code (no names in the release build)'
        : leaf === 'construct' ? 'making the first Intl format (the bench\'s wrapper of its constructor)' : leaf;
      leaves.set(key, (leaves.get(key) ?? 0) + 1);
    }
    const top = (map, count, unit = (v) => ms(v)) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count)
      .filter(([, v]) => v > 0).map(([k, v]) => `${k} ${unit(v)}`);
    const startMs = nav ? (task.ts - nav.ts) / 1000 : null;
    return {
      duration: task.dur / 1000,
      start: startMs,
      when: startMs === null ? '?' : startMs >= click?.start ? 'the first interaction'
        : !record.onScreen ? 'before any interaction' : startMs < record.onScreen ? 'before the first quote was on screen'
        : 'after the first quote, before the click',
      kinds: top(kinds, 8),
      events: top(names, 8),
      samples: sampled.length,
      functions: top(leaves, 8, (n) => `${((100 * n) / Math.max(1, sampled.length)).toFixed(0)} %`),
    };
  });
  // Every long task, in order, by its two largest kinds of work.
  const all = events.filter((e) => e.name === taskName && e.dur >= 50000).sort((a, b) => a.ts - b.ts).map((task) => {
    const inside = events.filter((e) => e !== task && e.name !== taskName && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const named = (names) => inside.filter((e) => names.test(e.name));
    const parts = [
      ['module evaluation', named(/^v8\.evaluateModule$/)],
      ['wasm lazy compilation', named(/^wasm\.CompileLazy$/)],
      ['script (JS and wasm)', named(/^(FunctionCall|v8\.callFunction|TimerFire|EventDispatch|FireAnimationFrame|RunMicrotasks)$/)],
      ['style', named(/^UpdateLayoutTree$/)],
      ['layout', named(/^Layout$/)],
      ['paint', named(/^(PrePaint|Paint|Layerize)$/)],
      ['navigation commit', named(/^DocumentLoader::CommitNavigation$/)],
    ].map(([kind, list]) => [kind, coveredMs(list)]).filter(([, t]) => t >= 5).sort((a, b) => b[1] - a[1]);
    return { start: nav ? (task.ts - nav.ts) / 1000 : null, duration: task.dur / 1000, parts };
  });
  return { tasks: out, all, click, onScreen: record.onScreen, longtasks: record.longtasks, navigationStart, withNav: Boolean(nav) };
}

// --- The run -----------------------------------------------------------------------

const ranOn = machine(browser, viewport);
const records = { '/widget.html': [], '/counter.html': [] };
const clinic = { plain: [], widget: [], jump: [], read: [] };
const hero = await heroJpeg(browser);
files['/clinic/hero.jpg'] = { type: 'image/jpeg', body: hero };
let traced = null;
let tracedClinic = null;
/** A clinic-page load: `which` is plain, widget, jump or read. */
async function clinicRound(which) {
  const path = which === 'plain' ? '/clinic/without.html' : '/clinic/with.html';
  const visitor = which === 'jump' || which === 'read' ? which : null;
  const open = () => throttledPage({ quoteFigure: 'answer-smp', shifts: true, pointer: true }, clinicWatch);
  try {
    const record = await clinicLoad(open, new URL(path, server.url).href, visitor, within);
    if (record.errors.length) problems.push(`${path} (${which}): ${record.errors.join('; ')}`);
    clinic[which].push(record);
  } catch (error) {
    problems.push(`${path} (${which}): ${error.message.split('\n')[0]}`);
    throw error;
  }
}
try {
  const began = Date.now();
  for (let round = 0; round < runs && only !== 'widget'; round += 1) {
    const order = round % 2 ? ['plain', 'widget', 'read', 'jump'] : ['widget', 'plain', 'jump', 'read'];
    for (const which of order) await clinicRound(which);
    progress('clinic page (without, with, a visitor who jumps, one who reads)', round + 1, runs, began);
  }
  for (let round = 0; round < runs && only !== 'clinic'; round += 1) {
    const order = round % 2 ? ['/counter.html', '/widget.html'] : ['/widget.html', '/counter.html'];
    for (const path of order) records[path].push(await load(path));
    progress('throttled loads (widget and counter)', round + 1, runs, began);
  }
  if (tracing && only !== 'clinic') traced = { plain: await traceLoad(false), profiled: await traceLoad(true) };
  if (tracing && only !== 'widget') {
    tracedClinic = {
      'the clinic page, no input': await traceLoad(false, clinicScenario(null)),
      'the clinic page, a visitor who jumps at `load` and taps at once': await traceLoad(false, clinicScenario('jump')),
      'the clinic page, a visitor who reads for 2 s and taps': await traceLoad(false, clinicScenario('read')),
      'the same, with the sampling profiler': await traceLoad(true, clinicScenario('read')),
    };
  }
} catch (error) {
  await failedToRun(error, problems, async () => {
    await browser.close();
    await server.close();
  });
}
await browser.close();
await server.close();
if (server.notFound.length) problems.push(`not found: ${[...new Set(server.notFound)].join(', ')}`);
const { totals } = await packageSizes();

// --- Report ------------------------------------------------------------------------

/** The notes on one traced load: every long task by kind of work, the longest three in detail. */
function traceNotes(report, label, trace, profiled) {
  const interaction = trace.click?.latency === undefined ? 'no input' : `interaction to figures on screen ${ms(trace.click.latency)}`;
  report.note(`${label} (traced${profiled ? ', with the sampling profiler: slower still' : ', tracing slows it'}): ` +
    `${trace.onScreen ? `first quote on screen at ${ms(trace.onScreen)}, ` : ''}${interaction}` +
    `${trace.click?.start === undefined ? '' : ` (at ${ms(trace.click.start)})`}; ` +
    `long tasks ${trace.longtasks.map((t) => t.duration.toFixed(0)).join(', ')} ms; in the trace, from navigation start: ` +
    trace.all.map((t) => `${ms(t.duration)} at ${t.start === null ? '?' : ms(t.start)} (` +
      `${t.parts.map(([kind, time]) => `${kind} ${ms(time)}`).join(', ') || 'other'})`).join('; '));
  for (const [i, task] of trace.tasks.entries()) {
    report.note(`${profiled ? 'profiled' : 'traced'} task ${i + 1}: ${ms(task.duration)} at ${task.start === null ? '?' : ms(task.start)} ` +
      `(${task.when}). Work by kind (own time of trace events): ${task.kinds.join(', ')}. Trace events: ` +
      `${task.events.join(', ')}` + (profiled ? `. Profiler, leaf functions (${task.samples} samples): ${task.functions.join(', ')}` : ''));
  }
}

const clinicTable = new Report('without the widget');
if (only !== 'widget') clinicReport(clinicTable, clinic, runs);
for (const [label, trace] of Object.entries(tracedClinic ?? {})) traceNotes(clinicTable, label, trace, /profiler/.test(label));
if (only === 'clinic') {
  clinicTable.print([...ranOn.lines(), `Clinic page: ${heroNote(hero)}; Lighthouse's mobile conditions as below; ${runs} loads of each kind, interleaved`]);
  await writeRecords(jsonFile, { runs, clinic, tracedClinic });
  exitOnProblems(problems);
  process.exit(0);
}
const w = records['/widget.html'];
const c = records['/counter.html'];
const of = (list, key) => list.map((r) => r[key]);
const report = new Report('counter');
const row = (...cells) => report.row(...cells);

const tbtFirst = median(of(w, 'tbtFirst'));
const tbtLoad = median(of(w, 'tbtLoad'));
const cTbtFirst = median(of(c, 'tbtFirst'));
const cTbtLoad = median(of(c, 'tbtLoad'));
row(`Total Blocking Time, load plus first interaction (median of ${runs}; range)`,
  `${ms(tbtFirst)} (${range(of(w, 'tbtFirst'))})`, `${ms(cTbtFirst)} (${range(of(c, 'tbtFirst'))})`,
  ratio(tbtFirst, cTbtFirst), `≤ ${BUDGET.tbt} ms`, tbtFirst <= BUDGET.tbt);
row('… of which the load, to the first quote on screen', `${ms(tbtLoad)} (${range(of(w, 'tbtLoad'))})`,
  `${ms(cTbtLoad)} (${range(of(c, 'tbtLoad'))})`, ratio(tbtLoad, cTbtLoad), '–');
const longest = median(of(w, 'longest'));
const cLongest = median(of(c, 'longest'));
row('longest task, load plus first interaction (median; range)', `${ms(longest)} (${range(of(w, 'longest'))})`,
  `${ms(cLongest)} (${range(of(c, 'longest'))})`, ratio(longest, cLongest), `≤ ${BUDGET.task} ms`, longest <= BUDGET.task);
const latencies = w.flatMap((r) => of(r.clicks, 'latency'));
const cLatencies = c.flatMap((r) => of(r.clicks, 'latency'));
const firstLatencies = w.map((r) => r.clicks[0].latency);
row(`pattern change, click to updated figures on screen, median (${latencies.length} changes)`, ms(median(latencies)),
  `${ms(median(cLatencies))} (+1)`, ratio(median(latencies), median(cLatencies)), `≤ ${BUDGET.change} ms`,
  median(latencies) <= BUDGET.change);
row('… the slowest of them', ms(Math.max(...latencies)), `${ms(Math.max(...cLatencies))} (+1)`, '–',
  `≤ ${BUDGET.change} ms`, Math.max(...latencies) <= BUDGET.change);
row(`… the first interaction of each load, median (${runs})`, ms(median(firstLatencies)),
  ms(median(c.map((r) => r.clicks[0].latency))), '–', `≤ ${BUDGET.change} ms`, median(firstLatencies) <= BUDGET.change);
const quote = median(of(w, 'onScreen'));
const render = median(of(c, 'onScreen'));
row(`first quote on screen, a pattern preset and the widget at the top / the counter's first render (median of ${runs})`,
  ms(quote), ms(render), ratio(quote, render), 'information');
row('package, gzip total (bench/sizes.mjs)', kb(totals.widget.gzip), kb(totals.baseline.gzip),
  ratio(totals.widget.gzip, totals.baseline.gzip), 'information (the ceiling: bench/size-ceiling.json)');

const header = [
  ...ranOn.lines(),
  `Throttling: CPU ${CPU_SLOWDOWN}× slower, ${NETWORK.latency} ms round trip, ${NETWORK.downloadThroughput * 8 / 1e6} Mbit/s ` +
    `down, ${NETWORK.uploadThroughput * 8 / 1e6} Mbit/s up; files gzip -9; ${runs} cold loads each, interleaved; ` +
    `${changes + 1} clicks per load`,
];

const arrived = (list, file) => ms(median(list.map((r) => r.files.find((f) => f.name === file)?.end ?? NaN)));
const sizeOf = (list, file) => list[0].files.find((f) => f.name === file);
const wasm = sizeOf(w, 'smp-estimator_bg.wasm');
report.note(`widget load, medians from navigation start: page ${ms(median(of(w, 'html')))}, smp-estimator.js ` +
  `${arrived(w, 'smp-estimator.js')}, its .wasm ${arrived(w, 'smp-estimator_bg.wasm')} (${kb(wasm?.encoded ?? 0)} ` +
  `transferred for ${kb(wasm?.decoded ?? 0)}), its .css ${arrived(w, 'smp-estimator.css')}, quote in the DOM ` +
  `${ms(median(of(w, 'quote')))}, shown ${ms(median(of(w, 'shown')))}, on screen ${ms(quote)}; counter: page ` +
  `${ms(median(of(c, 'html')))}, .js ${arrived(c, 'yew-counter-baseline.js')}, .wasm ` +
  `${arrived(c, 'yew-counter-baseline_bg.wasm')}, first render ${ms(median(of(c, 'quote')))}, on screen ${ms(render)}`);
report.note(`widget, long tasks (≥ 50 ms) to the first interaction's figures on screen, each load: ` +
  w.map((r) => `[${r.loadTasks.join(', ')}]`).join(' '));
report.note(`counter, the same: ${c.map((r) => `[${r.loadTasks.join(', ')}]`).join(' ')}`);
for (const [who, list] of [['widget', w], ['counter', c]]) {
  const byKind = new Map();
  for (const r of list) {
    for (const { kind, duration } of r.kinds) {
      const entry = byKind.get(kind) ?? { durations: [], loads: new Set() };
      entry.durations.push(duration);
      entry.loads.add(r);
      byKind.set(kind, entry);
    }
  }
  report.note(`${who}'s long tasks by when they ran: ` + [...byKind].map(([kind, { durations, loads }]) =>
    `${kind}: in ${loads.size} of ${list.length} loads, ${range(durations)} (median ${ms(median(durations))}, ` +
    `blocking ${ms(blocking(durations.map((duration) => ({ duration }))) / list.length)} per load)`).join('; '));
}
const formats = (list) => ['NumberFormat', 'ListFormat'].map((name) => {
  const made = list.map((r) => r.firstFormats[name]?.duration).filter((d) => d !== undefined);
  return `${name} ${made.length ? `${ms(median(made), 1)} (${range(made)})` : 'none made'}`;
}).join(', ');
report.note(`the page's first Intl formats, how long each took to make (medians): widget (the loader's warm-up, in its ` +
  `first task) ${formats(w)}; counter ${formats(c)}`);
report.note(`widget TBT between the first quote on screen and the first click (its deferred render), median ` +
  `${ms(median(of(w, 'tbtBetween')))}; longest task during load alone, median ${ms(median(of(w, 'longestLoad')))}; ` +
  `longest task of the later clicks, median ${ms(median(of(w, 'longestLater')))}`);
report.note(`pattern changes: click to the figures' text changed, median ${ms(median(w.flatMap((r) => of(r.clicks, 'toDom'))), 1)}; ` +
  `to on screen, all ${latencies.length}: ${sorted(latencies).map((v) => v.toFixed(0)).join(', ')} ms`);
for (const [label, trace] of Object.entries(traced ?? {})) {
  const profiled = label === 'profiled';
  traceNotes(report, profiled ? 'a second load of the widget' : 'a load of the widget', trace, profiled);
}
report.print(header);
if (only !== 'widget') {
  console.log('');
  console.log(`The clinic page (bench/clinic.mjs), with the widget against without it: ${heroNote(hero)}`);
  clinicTable.print([]);
}

await writeRecords(jsonFile, { runs, changes, records, traced, clinic, tracedClinic });
exitOnProblems(problems);
