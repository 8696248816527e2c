#!/usr/bin/env node
// Run-time figures of the widget's release package (dist/embed/) against the
// minimal Yew counter baseline (bench/baseline/dist/), in Debian's headless
// Chromium through playwright-core, served from 127.0.0.1 only. Nothing is
// built here: run `make bench-sizes` first. The widget's host pages load it
// with the README's snippet line, the baseline's is trunk's own index.html
// (with its preloads). Every time is taken inside the page, from navigation
// start (performance.now()), by the recorder of bench/instrument.mjs, which hooks
// Element.prototype.attachShadow to watch each widget's shadow root with a
// MutationObserver, watches the document for the counter's <p id="count">,
// keeps the WebAssembly instances' memories, and observes 'longtask' and
// 'layout-shift' entries. The budgets are in the table's last columns.
//
//  1. First complete quote: navigation start to the first moment the
//     widget's shadow root holds a quote (the typical SMP cost and the
//     summary), preset with data-pattern="norwood-3", and to the moment it is
//     shown (the widget stays hidden until its stylesheet has loaded); for
//     the baseline, to the counter's first render. Median of --runs cold
//     loads each (a new browser context per load), the widget's and the
//     baseline's interleaved, rotating which goes first. Also the widget's
//     page with a <link rel="preload" as="fetch"> of its .wasm in the host
//     page's <head> (as the loader fetches it: CORS, credentials
//     same-origin, with its SRI hash), and whether that preload was reused:
//     one request for the .wasm, made by the <link>, and no console warning
//     but Chromium's about ignoring the preload's integrity attribute (one
//     more load kept open 4 s, for the warning of an unused preload).
//  2. Input latency: --changes input changes cycling through the pattern
//     picker, the area's number field and slider, a region, the goal, donor
//     supply, years and scar (each as a visitor's change arrives: click() on
//     a radio or checkbox, or a new value and its input or change event),
//     timed from just before the event to the first moment the figures' text
//     differs (checked as soon as the dispatch returns, then by a
//     MutationObserver), on a cross-origin-isolated page so that
//     performance.now() has 5 µs resolution, not 100 µs. Median and 95th
//     percentile; whether the update came synchronously, in a microtask of
//     the same task or in a later task; and the style and layout it leaves,
//     forced at once. For the baseline: clicks on the counter's button.
//  3. Host-page impact: the longest 'longtask' entry (0 when none, i.e. no
//     task of 50 ms or more) in the loads of 1, and which task it was; the
//     cumulative layout shift (entries without recent input) of a long page
//     with the widget above further content: below the fold; below the fold
//     but scrolled to by the page before the widget renders, with and
//     without scroll anchoring (Safari has none); and in the first viewport,
//     without and with the host page reserving the widget's height with a
//     min-height in its own stylesheet (the rule `reservation` below), at
//     1280 and at 360 px wide. Median of max(5, --runs / 4) cold loads each.
//  4. Scale: pages with 1, 5 and 20 widgets, each with a preset pattern:
//     navigation start to all of their quotes in the DOM, and shown. Median
//     of max(5, --runs / 4) cold loads each, interleaved.
//  5. Memory: the WebAssembly linear memory and the JS heap in use (after a
//     garbage collection forced through the DevTools protocol) after 10 and
//     after 1,000 input changes, for the widget and for the counter (clicks).
//     "No growth beyond noise" means: linear memory unchanged (not one 64 KiB
//     page added) and JS heap growth under 1 MiB (the harness itself, the
//     same for the counter, adds about 0.1 MiB).
//  With --trace, three more loads of the widget under Chromium's tracing
//  (slower) tell what filled their two longest main-thread tasks.
//
// Prints the date, machine, load average and Chromium version, then one
// Markdown table and notes (bench/report.mjs). Timings are reported, never
// asserted: the machines are shared and noisy. Exits non-zero only when
// something failed to run (a page error, a timeout, a change the widget
// never answered).
//
// Usage: node bench/timing.mjs [--runs N] [--changes N] [--json FILE] [--trace]
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { serve, launch, repo } from '../tests/e2e/support.mjs';
import { runOptions, widgetSnippet, counterPage, openPage, mainThreadEvents, coveredMs, COUNTER } from './instrument.mjs';
import {
  sorted, median, percentile, ratio, ms, mib, signedKib, progress, machine, Report, writeRecords, failedToRun, exitOnProblems,
} from './report.mjs';

// --- Options -----------------------------------------------------------------

const { runs, changes, jsonFile, tracing } = runOptions({ runs: 20, changes: 200 });
const fewRuns = Math.max(5, Math.round(runs / 4));
const MEMORY_CHANGES = [10, 1000];
const viewport = { width: 1280, height: 800 };
const phone = { width: 360, height: 800 };

// --- Host pages ----------------------------------------------------------------

// The exact script line the README tells clinics to paste, pointing here.
const snippet = await widgetSnippet();
// Trunk's own page for the counter (with its preloads), moved under /baseline/.
const baselinePage = await counterPage();

// The .wasm's SRI hash as the loader checks it (its fetch's integrity),
// which must be the file's own: package-embed.mjs writes it into the
// (minified) loader and into integrity.json.
const wasmIntegrity = JSON.parse(await readFile(join(repo, 'dist/embed/integrity.json'), 'utf8'))['smp-estimator_bg.wasm'];
const glue = await readFile(join(repo, 'dist/embed/smp-estimator.js'), 'utf8');
if (!glue.includes(wasmIntegrity)) throw new Error("the loader's code does not hold the .wasm's integrity of integrity.json");
const wasmHash = `sha384-${createHash('sha384').update(await readFile(join(repo, 'dist/embed/smp-estimator_bg.wasm'))).digest('base64')}`;
if (wasmIntegrity !== wasmHash) {
  throw new Error(`the loader's integrity for the .wasm (${wasmIntegrity ?? 'not found'}) is not the file's (${wasmHash})`);
}
// A host page's preload of the .wasm, matching the loader's fetch(): CORS
// (crossorigin) with credentials same-origin ("anonymous"), and the same
// integrity (which Chromium ignores for as="fetch", with a console warning,
// crbug.com/981419, but which the HTML standard makes part of the match: a
// preload without it would not serve a fetch with one).
const wasmPreload = '<link rel="preload" href="/embed/smp-estimator_bg.wasm" as="fetch" type="application/wasm" ' +
  `crossorigin="anonymous" integrity="${wasmIntegrity}">`;
const integrityIgnored = /integrity` attribute is currently ignored for preload destinations/;
// The rule a clinic can put in its own stylesheet (so under a strict CSP) to
// reserve a preset widget's height (with data-pattern, which shows a full
// quote at once) until it renders: docs/embedding.md's. The values are a
// norwood-4 widget with all its parts drawn, where the widget is as wide
// as the viewport less 32 px, at most 896 px, in DejaVu Sans, rounded up:
// 3241 px from 768 px wide, 3600 px from 577 to 767 px (the widget's own
// layout changes at 36rem), 5141 px from 360 to 576 px (5728 px at 320 px).
const reservation = `[data-smp-estimator][data-pattern], smp-estimator[data-pattern] { display: block; min-height: 3260px; }
@media (max-width: 47.99rem) { [data-smp-estimator][data-pattern], smp-estimator[data-pattern] { min-height: 3620px; } }
@media (max-width: 36rem) { [data-smp-estimator][data-pattern], smp-estimator[data-pattern] { min-height: 5160px; } }`;

const page = (body, head = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title>${head}
<style>body { font: 16px/1.5 sans-serif; margin: 0 auto; max-width: 56rem; padding: 1rem; }</style>
</head><body><main>${body}</main></body></html>`;
const text = (count) =>
  Array.from(
    { length: count },
    (_, i) =>
      `<p>Paragraph ${i + 1} of the clinic's own page. Scalp micropigmentation replicates the look of ` +
      'a closely shaved head with tiny pigment deposits; the clinic explains its method, its team, ' +
      'aftercare and what a session feels like, so that there is text before and after the estimator.</p>',
  ).join('\n');
const PATTERNS = ['norwood-1', 'norwood-2', 'norwood-3', 'norwood-4', 'norwood-5', 'norwood-6', 'norwood-7'];
const widgets = (count) =>
  Array.from(
    { length: count },
    (_, i) => `<div id="w${i + 1}" data-smp-estimator data-pattern="${PATTERNS[(i + 2) % PATTERNS.length]}"></div>`,
  ).join('\n');
// A cross-origin-isolated page gets performance.now() at 5 µs, not 100 µs.
const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const longPage = (script = '') =>
  page(`<h1>Our clinic</h1>${text(14)}
  <div id="w1" data-smp-estimator data-pattern="norwood-3"></div>
  <section id="after"><h2>After the estimator</h2>${text(20)}</section>${script}${snippet}`);

const inView = page(`<h1>Our clinic</h1>${text(1)}${widgets(1)}
      <section id="after"><h2>After the estimator</h2>${text(20)}</section>${snippet}`);
const reserved = inView.replace('</head>', `<style>${reservation}</style>\n</head>`);

// The host pages, each with its own viewport when not `viewport`.
const pages = {
  '/widget.html': { body: page(`${widgets(1)}${snippet}`) },
  '/widget-preload.html': { body: page(`${widgets(1)}${snippet}`, wasmPreload) },
  '/widget-isolated.html': { headers: isolated, body: page(`${widgets(1)}${snippet}`) },
  '/baseline.html': { body: baselinePage },
  '/baseline-isolated.html': { headers: isolated, body: baselinePage },
  '/five.html': { body: page(`${widgets(5)}${snippet}`) },
  '/twenty.html': { body: page(`${widgets(20)}${snippet}`) },
  '/below-fold.html': { body: longPage() },
  // Scrolled to the widget's element by the page (once it is all parsed)
  // before the widget renders: the module script runs after this one.
  '/below-fold-scrolled.html': {
    body: longPage('<script>document.getElementById("w1").scrollIntoView();</script>'),
  },
  // The same without scroll anchoring (which Safari does not have).
  '/below-fold-scrolled-unanchored.html': {
    body: longPage('<style>html { overflow-anchor: none; }</style><script>document.getElementById("w1").scrollIntoView();</script>'),
  },
  '/in-view.html': { body: inView },
  '/in-view-reserved.html': { body: reserved },
  '/in-view-phone.html': { body: inView, viewport: phone },
  '/in-view-reserved-phone.html': { body: reserved, viewport: phone },
};

// --- In the page -----------------------------------------------------------------

// What the recorder (bench/instrument.mjs) watches here: a quote is complete
// when it shows the typical SMP cost and the summary; also layout shifts and
// the WebAssembly memories.
const RECORD = { quoteFigure: 'smp-cost-typical', shifts: true, memories: true };

/**
 * Makes `count` changes, numbered from `from`, in the widget `#w1` (or clicks
 * the counter's button), each timed from just before its event to the first
 * moment the figures' text differs. Runs in the page.
 */
async function drive({ target, from, count, timings }) {
  const widget = target === 'widget';
  const root = widget ? document.getElementById('w1').shadowRoot : document.body;
  const q = (selector) => {
    const found = root.querySelector(selector);
    if (!found) throw new Error(`no ${selector} in the ${target}`);
    return found;
  };
  // Everything a quote shows: the figures and the lifetime row of the chart.
  const figures = widget ? '[data-figure], tr[data-row="lifetime"]' : '#count';
  const signature = () => {
    let text = '';
    for (const element of root.querySelectorAll(figures)) text += `${element.textContent}\u0001`;
    return text;
  };
  const set = (element, value, type) => {
    element.value = value;
    element.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  };
  // The next radio of a group after the checked one.
  const nextOf = (selector) => {
    const radios = [...root.querySelectorAll(selector)];
    if (radios.length < 2) throw new Error(`no choice among ${selector}`);
    return radios[(radios.findIndex((radio) => radio.checked) + 1) % radios.length];
  };
  // An area from the list other than the one shown (a pattern brings its own).
  const areas = [35, 90, 160, 60, 210, 120, 45, 180, 75, 240];
  const setArea = (input, k) => {
    const value = [0, 1].map((j) => String(areas[(k + j) % areas.length])).find((v) => v !== input.value);
    set(input, value, 'input');
  };
  const steps = widget
    ? [
        ['pattern', () => nextOf('input.smp-choice-input').click()],
        ['area (number)', (k) => setArea(q('.smp-area-number'), k)],
        // Patterns without a density look offer one goal only:
        // then the donor changes instead.
        ['goal', () => {
          const goals = root.querySelectorAll('input[type="radio"][name$="-goal"]').length;
          nextOf(`input[type="radio"][name$="-${goals > 1 ? 'goal' : 'donor'}"]`).click();
        }],
        ['area (slider)', (k) => setArea(q('.smp-area-slider'), k + 5)],
        ['donor', () => nextOf('input[type="radio"][name$="-donor"]').click()],
        ['region', () => q('.smp-region input[value="crown"]').click()],
        ['years', () => {
          const select = q('select.smp-select');
          set(select, select.options[(select.selectedIndex + 3) % select.options.length].value, 'change');
        }],
        // No scar, then FUE dots or a FUT strip in turn (the two cost the
        // same at the strip's default length, so one never follows the other).
        ['scar', (k) => {
          const [none, ...scars] = root.querySelectorAll('input[type="radio"][name$="-scar"]');
          (none.checked ? scars[k % scars.length] : none).click();
        }],
      ]
    : [['click', () => q('button').click()]];
  if (widget) q('.smp-details').open = true; // as a visitor who sets the options would

  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  const results = [];
  const failures = [];
  for (let i = from; i < from + count; i += 1) {
    const [kind, apply] = steps[i % steps.length];
    await nextTask(); // the previous change's effects (events, storage) are done
    const before = signature();
    let done = null;
    let mode = null;
    let taskRan = false;
    let changed;
    const seen = new Promise((resolve) => (changed = resolve));
    const observer = new MutationObserver(() => {
      const t = performance.now();
      if (done === null && signature() !== before) {
        done = t;
        mode = taskRan ? 'later task' : 'microtask';
        changed();
      }
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    // A task queued now runs after this task's microtasks, before later tasks.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (taskRan = true);
    channel.port2.postMessage(null);

    const start = performance.now();
    apply(Math.floor(i / steps.length));
    const returned = performance.now();
    if (signature() !== before) {
      done = returned;
      mode = 'synchronous';
    } else {
      await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, 2000))]);
    }
    observer.disconnect();
    channel.port1.close();
    if (done === null) {
      failures.push(`change ${i} (${kind}) did not change the figures within 2 s`);
      continue;
    }
    if (!timings) continue;
    // The style and layout the change leaves for the browser, forced now.
    const layoutStart = performance.now();
    void root.host?.getBoundingClientRect();
    void document.body.offsetHeight;
    const layout = performance.now() - layoutStart;
    results.push({ kind, latency: done - start, layout, mode });
  }
  return { results, failures };
}

// --- Running ---------------------------------------------------------------------

const server = await serve(join(repo, 'dist'), pages, Object.fromEntries([COUNTER]));
const browser = await launch();
const problems = [];
const raw = { runs, changes, fewRuns, loads: {}, latency: {}, memory: {} };

/** Waits until `count` widgets (or, with 0, the counter) are shown. */
function shown(tab, count) {
  return tab.waitForFunction(
    (n) => {
      const b = window.__bench;
      return n === 0 ? b.firstRender !== null : b.roots.length === n && b.roots.every((r) => r.shown !== null);
    },
    count,
    { polling: 50, timeout: 30000 },
  );
}

/**
 * Waits until every widget on the page has rendered all of its parts (the
 * comparison and the rest come last, a few frames after the quote), so that
 * every control a session drives is there.
 */
function drawn(tab) {
  return tab.waitForFunction(
    () => [...document.querySelectorAll('[data-smp-estimator]')].every((host) => host.shadowRoot?.querySelector('.smp-more')),
    null,
    { polling: 50, timeout: 30000 },
  );
}

/**
 * Loads `path` in a new browser context (so with cold caches) and returns
 * what the recorder recorded once `widgetCount` widgets (or, with 0, the
 * counter) are shown, plus `settle` ms for the observers to report.
 */
async function load(path, widgetCount, settle = 300) {
  const { context, tab, errors } = await openPage(browser, { viewport: pages[path]?.viewport ?? viewport, record: RECORD });
  const warnings = [];
  tab.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const requested = server.requests.length;
  try {
    await tab.goto(new URL(path, server.url).href);
    await shown(tab, widgetCount);
    await tab.waitForTimeout(settle);
    const record = await tab.evaluate(() => {
      const b = window.__bench;
      const host = document.getElementById('w1');
      return {
        firstRender: b.firstRender,
        roots: b.roots,
        longtasks: b.longtasks,
        shifts: b.shifts,
        scrollY,
        widget: host?.getBoundingClientRect().toJSON() ?? null,
        // The widget's own height (its host may be held taller by a
        // min-height) and the host page's min-height for it.
        content: host?.shadowRoot?.querySelector('.smp-host')?.getBoundingClientRect().height ?? null,
        reserved: host ? parseFloat(getComputedStyle(host).minHeight) || 0 : null,
        // How the .wasm came: one entry per download, by what made it.
        wasm: performance.getEntriesByType('resource')
          .filter((r) => r.name.endsWith('.wasm'))
          .map((r) => ({ by: r.initiatorType, start: r.startTime, end: r.responseEnd })),
        elements: document.getElementById('w1')?.shadowRoot.querySelectorAll('*').length ?? null,
        // When each file had arrived, by name.
        files: Object.fromEntries(
          performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), r.responseEnd]),
        ),
      };
    });
    record.quote = widgetCount ? Math.max(...record.roots.map((r) => r.quote)) : record.firstRender;
    record.shown = widgetCount ? Math.max(...record.roots.map((r) => r.shown)) : record.firstRender;
    record.longest = Math.max(0, ...record.longtasks.map((t) => t.duration));
    // Which task it was: the one that rendered the first quote, or the
    // style and layout once the widget is shown.
    const task = record.longtasks.find((t) => t.duration === record.longest);
    record.longestIs = !task ? null
      // (Entries' durations are whole milliseconds.)
      : task.start <= record.quote && record.quote <= task.start + task.duration + 1 ? 'first render'
      : task.start >= record.shown ? 'after shown' : 'other';
    record.cls = record.shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0);
    record.warnings = warnings;
    record.wasmRequests = server.requests.slice(requested).filter((p) => p.endsWith('.wasm')).length;
    if (errors.length) problems.push(`${path}: ${errors.join('; ')}`);
    return record;
  } catch (error) {
    problems.push(`${path}: ${error.message.split('\n')[0]}`);
    throw error;
  } finally {
    await context.close();
  }
}

/** Cold loads of `paths` (path → widget count), interleaved, `count` rounds. */
async function coldLoads(label, paths, count) {
  const entries = Object.entries(paths);
  const out = Object.fromEntries(entries.map(([path]) => [path, []]));
  const began = Date.now();
  for (let round = 0; round < count; round += 1) {
    // Rotate the order so that no page always goes first.
    const order = entries.map((_, i) => entries[(i + round) % entries.length]);
    for (const [path, widgetCount] of order) out[path].push(await load(path, widgetCount));
    progress(label, round + 1, count, began);
  }
  raw.loads[label] = out;
  return out;
}

/** One page, then `drive` in it: latency samples and memory at checkpoints. */
async function session(target) {
  const { context, tab, errors } = await openPage(browser, { viewport, record: RECORD });
  const cdp = await context.newCDPSession(tab);
  const widget = target === 'widget';
  await tab.goto(new URL(widget ? '/widget-isolated.html' : '/baseline-isolated.html', server.url).href);
  if (!(await tab.evaluate(() => crossOriginIsolated))) problems.push(`${target}: the latency page is not cross-origin isolated`);
  await shown(tab, widget ? 1 : 0);
  if (widget) await drawn(tab);
  const failures = [];
  const run = async (from, count, timings) => {
    const result = await tab.evaluate(drive, { target, from, count, timings });
    failures.push(...result.failures);
    return result.results;
  };
  const snapshot = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { linear, instances } = await tab.evaluate(() => ({
      linear: window.__bench.memories.at(-1)?.buffer.byteLength ?? null,
      instances: window.__bench.memories.length,
    }));
    return { heap: usedSize, linear, instances };
  };
  // Latency first, on a fresh page, so that the first (cold) changes count.
  const latency = await run(0, changes, true);
  await tab.reload();
  await shown(tab, widget ? 1 : 0);
  if (widget) await drawn(tab);
  // Memory on the reloaded page: after 10 changes, then after 1,000.
  const memory = {};
  let made = 0;
  for (const total of MEMORY_CHANGES) {
    await run(made, total - made, false);
    made = total;
    memory[total] = await snapshot();
  }
  await context.close();
  if (errors.length) problems.push(`${target} session: ${errors.join('; ')}`);
  problems.push(...failures.map((f) => `${target}: ${f}`));
  raw.latency[target] = latency;
  raw.memory[target] = memory;
  return { latency, memory };
}

/**
 * With --trace: `count` cold loads of the widget under Chromium's tracing
 * (which slows them), and what filled their two longest main-thread tasks.
 */
async function traceLoads(count) {
  // Trace events by name, put into the few kinds of work that matter here.
  const kinds = {
    'wasm compile': ['v8.wasm.compileConsume', 'v8.wasm.compileConsumeDone', 'wasm.SyncCompile'],
    'JS calls (wasm start, first render)': ['FunctionCall'],
    'of which wasm lazy compilation': ['wasm.CompileLazy'],
    'script evaluation': ['EvaluateScript', 'v8.evaluateModule'],
    'style and layout': ['UpdateLayoutTree', 'Layout'],
    GC: ['MinorGC', 'MajorGC'],
  };
  const out = [];
  for (let i = 0; i < count; i += 1) {
    const { context, tab } = await openPage(browser, { viewport, record: RECORD });
    await browser.startTracing(tab, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm'] });
    await tab.goto(new URL('/widget.html', server.url).href);
    await shown(tab, 1);
    await tab.waitForTimeout(300);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    await context.close();
    const events = mainThreadEvents(traceEvents);
    const tasks = events.filter((e) => e.name === 'RunTask').sort((a, b) => b.dur - a.dur).slice(0, 2);
    out.push(
      tasks.map((task) => {
        const inside = events.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
        const parts = Object.entries(kinds)
          .map(([kind, names]) => [kind, coveredMs(inside.filter((e) => names.includes(e.name)))])
          .filter(([, time]) => time >= 1);
        return { duration: task.dur / 1000, parts };
      }),
    );
  }
  return out;
}

// The layout-shift pages, and their rows.
const clsRows = [
  ['/below-fold.html', 'below the fold, not scrolled'],
  ['/below-fold-scrolled.html', 'below the fold, scrolled to before it renders'],
  ['/below-fold-scrolled-unanchored.html', 'the same without scroll anchoring'],
  ['/in-view.html', 'in the first viewport'],
  ['/in-view-reserved.html', "in the first viewport, with the host page reserving the widget's height"],
  ['/in-view-phone.html', `in the first viewport, ${phone.width} px wide`],
  ['/in-view-reserved-phone.html', `in the first viewport, ${phone.width} px wide, with the host page reserving its height`],
];

const ranOn = machine(browser, viewport);
let first;
let preloadCheck;
let impact;
let scale;
let sessions;
let traced;
try {
  first = await coldLoads(
    'first quote / first render',
    { '/widget.html': 1, '/widget-preload.html': 1, '/baseline.html': 0 },
    runs,
  );
  // Long enough after the load event for a warning of an unused preload.
  preloadCheck = await load('/widget-preload.html', 1, 4000);
  impact = await coldLoads(
    'layout shift',
    Object.fromEntries(clsRows.map(([path]) => [path, 1])),
    fewRuns,
  );
  scale = await coldLoads('scale', { '/widget.html': 1, '/five.html': 5, '/twenty.html': 20 }, fewRuns);
  const began = Date.now();
  sessions = { widget: await session('widget') };
  progress('input latency and memory', 1, 2, began);
  sessions.baseline = await session('baseline');
  progress('input latency and memory', 2, 2, began);
  if (tracing) traced = await traceLoads(3);
} catch (error) {
  await failedToRun(error, problems, async () => {
    await browser.close();
    await server.close();
  });
}
await browser.close();
await server.close();

// --- Report ---------------------------------------------------------------------

const report = new Report('baseline');
const row = (...cells) => report.row(...cells);
const of = (records, key) => records.map((r) => r[key]);

const w = first['/widget.html'];
const b = first['/baseline.html'];
const wQuote = median(of(w, 'quote'));
const wShown = median(of(w, 'shown'));
const bRender = median(of(b, 'firstRender'));
row(`first complete quote in the DOM (median of ${runs} cold loads)`, ms(wQuote, 1), ms(bRender, 1), ratio(wQuote, bRender),
  '≤ 1.3× baseline', wQuote <= 1.3 * bRender);
row('first quote shown (its stylesheet loaded)', ms(wShown, 1), ms(bRender, 1), ratio(wShown, bRender),
  '≤ 1.3× baseline', wShown <= 1.3 * bRender);
const pre = first['/widget-preload.html'];
const pQuote = median(of(pre, 'quote'));
const pShown = median(of(pre, 'shown'));
row(`… with a preload of its .wasm in the host page's <head>: quote in the DOM (median of ${runs})`, ms(pQuote, 1),
  ms(bRender, 1), ratio(pQuote, bRender), '≤ 1.3× baseline', pQuote <= 1.3 * bRender);
row('… with that preload: quote shown', ms(pShown, 1), ms(bRender, 1), ratio(pShown, bRender), '≤ 1.3× baseline',
  pShown <= 1.3 * bRender);

const lat = sessions.widget.latency;
const bLat = sessions.baseline.latency;
const latencies = of(lat, 'latency');
const bLatencies = of(bLat, 'latency');
const [lMedian, lP95] = [median(latencies), percentile(latencies, 95)];
const [bMedian, bP95] = [median(bLatencies), percentile(bLatencies, 95)];
row(`input → updated quote in the DOM, median (${lat.length} changes)`, ms(lMedian, 2), ms(bMedian, 2),
  ratio(lMedian, bMedian), '< 4 ms', lMedian < 4);
row('input → updated quote in the DOM, p95', ms(lP95, 2), ms(bP95, 2), ratio(lP95, bP95), '< 16 ms', lP95 < 16);
const withLayout = lat.map((r) => r.latency + r.layout);
const bWithLayout = bLat.map((r) => r.latency + r.layout);
row('… plus the style and layout it forces, median / p95',
  `${ms(median(withLayout), 2)} / ${ms(percentile(withLayout, 95), 2)}`,
  `${ms(median(bWithLayout), 2)} / ${ms(percentile(bWithLayout, 95), 2)}`, ratio(median(withLayout), median(bWithLayout)), '–');
const modes = (records) => {
  const counts = {};
  for (const r of records) counts[r.mode] = (counts[r.mode] ?? 0) + 1;
  return Object.entries(counts).map(([mode, n]) => `${mode} ${n}`).join(', ');
};
row('when the DOM update happens', modes(lat), modes(bLat), '–', '–');
const kinds = [...new Set(of(lat, 'kind'))];
row('input latency median by control',
  kinds.map((k) => `${k} ${ms(median(lat.filter((r) => r.kind === k).map((r) => r.latency)), 2)}`).join('; '),
  '–', '–', '–');

const wLong = median(of(w, 'longest'));
const bLong = median(of(b, 'longest'));
row(`longest main-thread task during load (median of ${runs}; 0 = none ≥ 50 ms)`, ms(wLong, 1), ms(bLong, 1),
  ratio(wLong, bLong), '< 50 ms', wLong < 50);
for (const [path, label] of clsRows) {
  const cls = median(of(impact[path], 'cls'));
  row(`CLS, widget above further content, ${label} (median of ${fewRuns})`, cls.toFixed(4), '–', '–', '< 0.01', cls < 0.01);
}

const one = { quote: median(of(scale['/widget.html'], 'quote')), shown: median(of(scale['/widget.html'], 'shown')) };
for (const [path, count] of [['/widget.html', 1], ['/five.html', 5], ['/twenty.html', 20]]) {
  const all = { quote: median(of(scale[path], 'quote')), shown: median(of(scale[path], 'shown')) };
  const twenty = count === 20;
  row(`${count} widget${count > 1 ? 's' : ''}: all quotes in the DOM / shown (median of ${fewRuns}; ratio to 1 widget)`,
    `${ms(all.quote, 1)} / ${ms(all.shown, 1)}`, '–', `${ratio(all.quote, one.quote)} / ${ratio(all.shown, one.shown)}`,
    twenty ? '≤ 3× one' : '–', twenty ? all.quote <= 3 * one.quote && all.shown <= 3 * one.shown : undefined);
}

const [few, many] = MEMORY_CHANGES;
const mw = sessions.widget.memory;
const mb = sessions.baseline.memory;
for (const total of MEMORY_CHANGES) {
  row(`wasm linear memory after ${total} changes`, mib(mw[total].linear), mib(mb[total].linear),
    ratio(mw[total].linear, mb[total].linear), '–');
  row(`JS heap used after ${total} changes (after GC)`, mib(mw[total].heap), mib(mb[total].heap),
    ratio(mw[total].heap, mb[total].heap), '–');
}
const linearGrowth = mw[many].linear - mw[few].linear;
const heapGrowth = mw[many].heap - mw[few].heap;
row(`growth from ${few} to ${many} changes: linear memory / JS heap`,
  `${signedKib(linearGrowth)} / ${signedKib(heapGrowth)}`,
  `${signedKib(mb[many].linear - mb[few].linear)} / ${signedKib(mb[many].heap - mb[few].heap)}`, '–',
  'linear unchanged, heap < 1 MiB', linearGrowth === 0 && heapGrowth < 1048576);

const header = ranOn.lines();

// What a reader needs to judge the figures: the load's waterfall, which task
// was long, what shifted and where the page ended up.
const arrived = (records, file) => ms(median(records.map((r) => r.files[file] ?? NaN)), 0);
report.note(`widget load, medians from navigation start: smp-estimator.js arrived ${arrived(w, 'smp-estimator.js')}, ` +
  `its .wasm ${arrived(w, 'smp-estimator_bg.wasm')}, quote in the DOM ${ms(wQuote, 0)}, ` +
  `its .css ${arrived(w, 'smp-estimator.css')}, shown ${ms(wShown, 0)}; baseline: ` +
  `.js ${arrived(b, 'yew-counter-baseline.js')}, .wasm ${arrived(b, 'yew-counter-baseline_bg.wasm')}, ` +
  `first render ${ms(bRender, 0)}`);
report.note(`the widget: ${w[0].elements} elements in its shadow root, ${w[0].widget.height.toFixed(0)} px tall ` +
  `at ${viewport.width} px`);
report.note(`with the host page's preload of the .wasm, medians: the .wasm arrived ${arrived(pre, 'smp-estimator_bg.wasm')} ` +
  `(${arrived(w, 'smp-estimator_bg.wasm')} without), quote in the DOM ${ms(pQuote, 0)}, shown ${ms(pShown, 0)}: ` +
  `${ms(wQuote - pQuote, 0)} and ${ms(wShown - pShown, 0)} sooner than the plain snippet; by round (the two loads ` +
  `one after the other), median gains ${ms(median(w.map((r, i) => r.quote - pre[i].quote)), 0)} and ` +
  `${ms(median(w.map((r, i) => r.shown - pre[i].shown)), 0)}, the quote sooner with the preload in ` +
  `${w.filter((r, i) => pre[i].quote < r.quote).length} of ${w.length} rounds`);
// Reused: the one request for the .wasm is the preload's, none the loader's.
const reused = (r) => r.wasmRequests === 1 && r.wasm.length === 1 && r.wasm[0].by === 'link';
const otherWarnings = [...pre, preloadCheck].flatMap((r) => r.warnings.filter((m) => !integrityIgnored.test(m)));
const ignoredIn = [...pre, preloadCheck].filter((r) => r.warnings.some((m) => integrityIgnored.test(m))).length;
report.note(`the preload of the .wasm was reused in ${pre.filter(reused).length} of ${pre.length} loads ` +
  `(${reused(preloadCheck) ? 'and in' : '**not** in'} one more kept open 4 s): one request for the .wasm, made by ` +
  `the <link>, none by the loader's fetch(); console warnings: ` +
  (otherWarnings.length ? `**${[...new Set(otherWarnings)].join('; ')}**` : 'none about an unused preload or a mismatch') +
  (ignoredIn ? `, but in ${ignoredIn} of ${pre.length + 1} loads Chromium's "The \`integrity\` attribute is currently ` +
    'ignored for preload destinations that do not support subresource integrity" (crbug.com/981419; the loader\'s ' +
    'fetch() still checks the hash)' : ''));
const withTask = w.filter((r) => r.longtasks.length);
if (withTask.length) {
  const which = {};
  for (const r of withTask) which[r.longestIs] = (which[r.longestIs] ?? 0) + 1;
  report.note(`widget loads with a long task: ${withTask.length} of ${w.length} (the longest: ` +
    `${Object.entries(which).map(([kind, n]) => `${kind} ${n}`).join(', ')}; "first render" = the task in which ` +
    `the WebAssembly is instantiated and the first quote rendered); longest tasks ` +
    `${sorted(of(withTask, 'longest')).map((d) => d.toFixed(0)).join(', ')} ms`);
}
for (const [path, label] of clsRows) {
  const records = impact[path];
  const shifts = records.flatMap((r) => r.shifts.filter((s) => !s.hadRecentInput));
  if (shifts.length) {
    const sources = [...new Set(shifts.flatMap((s) => s.sources))].slice(0, 3).join('; ');
    report.note(`${label}: ${shifts.length} shifts over ${records.length} loads, e.g. ${sources}`);
  }
  const last = records.at(-1);
  const { width, height } = pages[path].viewport ?? viewport;
  report.note(`${label}: after load the page is scrolled to ${last.scrollY.toFixed(0)} px, the widget's top at ` +
    `${last.widget.top.toFixed(0)} px in the ${width}×${height} viewport` +
    (last.widget.bottom <= 0 ? ' (wholly above it: scroll anchoring kept the content after it in place)' : ''));
  if (last.reserved) {
    const over = last.reserved - last.content;
    report.note(`${label}: the host page reserves ${last.reserved.toFixed(0)} px, the widget is ` +
      `${last.content.toFixed(0)} px tall: ` + (over >= 0
      ? `over-reserved by ${over.toFixed(0)} px (${((100 * over) / last.content).toFixed(1)} %; blank under the widget)`
      : `**the widget is ${(-over).toFixed(0)} px taller than the reservation**`));
  }
}
report.note(`the reservation in the host page's stylesheet: ${reservation.replaceAll('\n', ' ')}`);
for (const [i, tasks] of (traced ?? []).entries()) {
  report.note(`traced load ${i + 1}, its two longest tasks: ` + tasks.map((task) =>
    `${ms(task.duration, 0)} (${task.parts.map(([kind, time]) => `${kind} ${ms(time, 0)}`).join(', ')})`).join('; '));
}
if (mw[many].instances !== 1) report.note(`the widget's WebAssembly was instantiated ${mw[many].instances} times (a panic?)`);
report.print(header);

raw.traced = traced;
raw.preloadCheck = preloadCheck;
await writeRecords(jsonFile, raw);
exitOnProblems(problems);
