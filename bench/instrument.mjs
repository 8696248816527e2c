// How the browser benchmarks (bench/timing.mjs, bench/throttled.mjs)
// measure: their command line, the host pages' shared parts, the recorder
// that each page gets before its own scripts run, the browser contexts they
// load pages in, and the reading of Chromium's traces. What they print is
// bench/report.mjs's.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repo, snippetScript, watchErrors } from '../tests/e2e/support.mjs';

// --- The command line -------------------------------------------------------------

/** The value after `--name` on the command line, or `fallback`. */
export function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

/**
 * The options both benches take: --runs N (cold loads), --changes N (input
 * changes), --json FILE (the raw records) and --trace, with their defaults.
 */
export function runOptions(defaults) {
  const runs = Number(option('runs', defaults.runs));
  const changes = Number(option('changes', defaults.changes));
  for (const [name, value] of [['runs', runs], ['changes', changes]]) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  }
  return { runs, changes, jsonFile: option('json', null), tracing: process.argv.includes('--trace') };
}

// --- Host pages --------------------------------------------------------------------

// The package is served at /embed/ (dist/embed/), the counter at /baseline/
// (bench/baseline/dist/).
export const PACKAGE = '/embed/';
export const COUNTER = ['/baseline/', join(repo, 'bench/baseline/dist')];

/** The exact script line the README tells clinics to paste, pointing at PACKAGE. */
export const widgetSnippet = () => snippetScript(PACKAGE);

/**
 * Trunk's own page for the Yew counter (bench/baseline/dist/index.html,
 * with its preloads), its files moved under /baseline/ where the benches
 * serve them.
 */
export async function counterPage() {
  return (await readFile(join(repo, 'bench/baseline/dist/index.html'), 'utf8')).replaceAll(
    /(["'])\/yew-counter-baseline/g,
    '$1/baseline/yew-counter-baseline',
  );
}

// --- In the page -------------------------------------------------------------------

/**
 * The recorder, run in each page before the page's own scripts: what the
 * page shows and when, from navigation start (performance.now()), in
 * `window.__bench`. It watches each widget's open shadow root from
 * attachShadow on with a MutationObserver, the document for the counter's
 * <p id="count">, and 'longtask' entries. Each bench turns on only the
 * extras it reports, so that none pays for another's hooks:
 *   - quoteFigure: the data-figure whose text (with the summary's) makes a
 *     quote complete;
 *   - shifts: 'layout-shift' entries, with what moved;
 *   - memories: the WebAssembly memories, however the glue instantiates;
 *   - formats: how long the page's first NumberFormat and ListFormat took
 *     to make (the browser loads its locale data then);
 *   - pointer: the timestamps of pointerdown events;
 *   - onScreen: the end of the frame after the first widget (or the
 *     counter) is shown, when its style, layout and paint are done.
 */
function recorder(options) {
  const bench = (window.__bench = {
    roots: [], // per widget: its host's id, when its quote is in the DOM, and when it is shown
    shadowRoots: [], // the widgets' shadow roots, in the order they were attached
    firstRender: null, // the counter's <p id="count">
    longtasks: [],
    shifts: [],
    memories: [], // WebAssembly.Memory objects, in order of instantiation
    firstFormats: {},
    pointerdown: [],
    onScreen: null,
  });
  const now = () => performance.now();

  // The end of the next frame: its rAF callbacks run before its style,
  // layout and paint; a message posted from one runs after them.
  bench.nextFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve(now());
        };
        channel.port2.postMessage(null);
      }),
    );
  let onScreen;
  bench.onScreenPromise = new Promise((resolve) => (onScreen = resolve));
  let reachedOnce = false;
  const reached = () => {
    if (!options.onScreen || reachedOnce) return;
    reachedOnce = true;
    bench.nextFrame().then((painted) => {
      bench.onScreen = painted;
      onScreen(painted);
    });
  };

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration, name: e.name });
  }).observe({ type: 'longtask', buffered: true });

  if (options.shifts) {
    const describe = (node) =>
      node ? `${node.nodeName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className ? `.${String(node.className).split(' ')[0]}` : ''}` : '?';
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.shifts.push({
          start: e.startTime,
          value: e.value,
          hadRecentInput: e.hadRecentInput,
          sources: e.sources.map(
            (s) => `${describe(s.node)} y ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)} ` +
              `h ${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)}`,
          ),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }

  if (options.memories) {
    const keep = (result) => {
      const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
      if (instance?.exports?.memory instanceof WebAssembly.Memory) bench.memories.push(instance.exports.memory);
      return result;
    };
    const { instantiate, instantiateStreaming } = WebAssembly;
    WebAssembly.instantiate = (...args) => instantiate(...args).then(keep);
    WebAssembly.instantiateStreaming = (...args) => instantiateStreaming(...args).then(keep);
    WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
      construct: (target, args, newTarget) => keep(Reflect.construct(target, args, newTarget)),
    });
  }

  if (options.formats) {
    for (const name of ['NumberFormat', 'ListFormat']) {
      const original = Intl[name];
      if (!original) continue;
      Intl[name] = new Proxy(original, {
        construct(target, args, newTarget) {
          if (bench.firstFormats[name] !== undefined) return Reflect.construct(target, args, newTarget);
          const start = now();
          const made = Reflect.construct(target, args, newTarget);
          bench.firstFormats[name] = { start, duration: now() - start };
          return made;
        },
      });
    }
  }

  if (options.pointer) {
    addEventListener('pointerdown', (event) => bench.pointerdown.push(event.timeStamp), { capture: true });
  }

  // Each widget renders into an open shadow root: watch it from its start.
  const complete = (root) =>
    Boolean(
      root.querySelector(`[data-figure="${options.quoteFigure}"]`)?.textContent.trim() &&
        root.querySelector('[data-figure="summary"]')?.textContent.trim(),
    );
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    const entry = { host: this.id, quote: null, shown: null };
    bench.roots.push(entry);
    bench.shadowRoots.push(root);
    const observer = new MutationObserver(() => {
      const t = now();
      if (entry.quote === null && complete(root)) entry.quote = t;
      // The widget stays hidden until its stylesheet has loaded.
      if (entry.quote !== null && entry.shown === null && root.querySelector('.smp-host:not([hidden])')) {
        entry.shown = t;
        reached();
        observer.disconnect();
      }
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });
    return root;
  };

  // The counter renders into the document itself.
  const counter = new MutationObserver(() => {
    if (bench.firstRender === null && document.getElementById('count')) {
      bench.firstRender = now();
      reached();
      counter.disconnect();
    }
  });
  counter.observe(document, { subtree: true, childList: true });
}

/**
 * A new browser context (so cold caches) and page, with the recorder
 * (`record`: its options) and then `extra` (a function of the bench's own,
 * run in the page with no argument) installed before the page's scripts,
 * in that order. `errors` collects the page's errors.
 */
export async function openPage(browser, { viewport, record, extra }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(`(${recorder})(${JSON.stringify(record)});\n${extra ? `(${extra})();` : ''}`);
  const tab = await context.newPage();
  return { context, tab, errors: watchErrors(tab) };
}

// --- Chromium's traces -------------------------------------------------------------

/**
 * The complete ('X') events of the renderers' main threads in a trace;
 * with `pid`, of that renderer only (its other processes run other pages).
 */
export function mainThreadEvents(traceEvents, pid = null) {
  const mains = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain' && (pid === null || e.pid === pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return traceEvents.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
}

/** Time covered by trace events, nested ones counted once (ms). */
export function coveredMs(events) {
  let total = 0;
  let end = -Infinity;
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    total += Math.max(0, e.ts + e.dur - Math.max(e.ts, end));
    end = Math.max(end, e.ts + e.dur);
  }
  return total / 1000;
}
