// The release package (dist/embed/) pasted into pages we do not control:
// hostile CSS, two clinics on one page, late elements, the custom element,
// a strict Content-Security-Policy sent as a real header, bad and hostile
// settings, events, the JavaScript API, and the requests it makes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serve, launch, engineQuote, money, watchErrors, repo, snippetScript as printedScript, hostPage, open as openPage, sideways, until,
} from './support.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** A clinic that offers financing at interest: 9.9% APR over 12 or 36 months. */
const FINANCING = { financing: { apr_percent: 9.9, terms_months: [12, 36] } };
let server;
let browser;
let snippetScript;
let frameServer;

const page = (body, head = '') => hostPage(body, { title: 'Host page', head });

before(async () => {
  // The exact script line the README tells clinics to paste, pointing here.
  const snippet = await readFile(join(repo, 'dist', 'embed', 'snippet.html'), 'utf8');
  snippetScript = snippet
    .split('\n')
    .find((line) => line.startsWith('<script'))
    .replace('https://YOUR-SITE/smp-estimator/', '/embed/');
  // Real host CSS: Bootstrap 5 and Tailwind's preflight, then worse.
  const css = (path) => ({ headers: { 'content-type': 'text/css' }, body: readFile(path) });
  const hostile = `<link rel="stylesheet" href="/bootstrap.css"><link rel="stylesheet" href="/preflight.css"><style>
    * { font-size: 30px !important; color: red !important; font-family: serif !important; }
    button, input { all: unset; } div { padding: 40px; border: 3px dotted green; }
  </style>`;
  const pages = {
    '/bootstrap.css': css(join(repo, 'tests/e2e/node_modules/bootstrap/dist/css/bootstrap.min.css')),
    '/preflight.css': css(join(repo, 'tests/e2e/node_modules/tailwindcss/lib/css/preflight.css')),
    '/blank.html': { body: page(`<div data-smp-estimator></div>${snippetScript}`) },
    '/hostile.html': {
      body: page(`<p class="smp-title" id="outside">Host text</p><p id="control">Host text</p><div data-smp-estimator></div>${snippetScript}`, hostile),
    },
    '/two.html': {
      body: page(`
        <div id="usd" data-smp-estimator data-pattern="norwood-4"></div>
        <div id="eur" data-smp-estimator data-pattern="norwood-4" data-currency="EUR" data-locale="de-DE" data-lang="de-DE"></div>
        ${snippetScript}`),
    },
    '/parts.html': {
      body: page(`<p>Before the widget.</p><div id="parts" data-smp-estimator data-pattern="norwood-4"></div><p id="after">After it.</p>${snippetScript}`),
    },
    // The same widget mounted by the page's own script: no static first
    // screen, so every part is drawn as it comes.
    '/parts-mounted.html': {
      body: page(
        `<p>Before the widget.</p><div id="parts" data-pattern="norwood-4"></div><p id="after">After it.</p>${snippetScript}` +
          `<script type="module">await window.SmpEstimator.mount(document.getElementById('parts'));</script>`,
      ),
    },
    '/late.html': {
      body: page(`<smp-estimator id="custom" data-pattern="ludwig-2" data-currency="GBP" data-locale="en-GB"></smp-estimator>${snippetScript}`),
    },
    '/csp.html': {
      headers: { 'content-security-policy': CSP },
      body: page(`<div data-smp-estimator data-pattern="norwood-5" data-accent="#7a1f5c"></div>${snippetScript}`),
    },
    '/config.html': {
      body: page(`
        <div id="file" data-smp-estimator data-pattern="norwood-3" data-config-url="/clinic.json" data-clinic-name="From attribute">
          <script type="application/json">{"clinic_name": "From inline", "locale": "en-GB"}</script>
        </div>
        <div id="bad" data-smp-estimator data-currency="dollars" data-rounding-step="fifty"></div>
        <div id="hostile" data-smp-estimator data-pattern="norwood-2"
          data-clinic-name="&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;"
          data-booking-url="https://clinic.example/book?a=&quot;&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;"></div>
        <div id="js-url" data-smp-estimator data-booking-url="javascript:window.__pwned=3"></div>
        <div id="missing" data-smp-estimator data-config-url="/missing.json"></div>
        ${snippetScript}`),
    },
    '/financed.html': {
      body: page(`<div id="financed" data-smp-estimator data-pattern="norwood-4">
        <script type="application/json">${JSON.stringify(FINANCING)}</script></div>${snippetScript}`),
    },
    '/clinic.json': {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currency: 'GBP', clinic_name: 'From file', booking_url: 'https://clinic.example/book' }),
    },
  };
  // The panic-test package: its widget panics when alopecia totalis is chosen.
  const panicSnippet = await printedScript('/panic-embed/', join(repo, 'dist-panic-test', 'embed'));
  pages['/panic.html'] = {
    body: page(`<div id="a" data-smp-estimator data-pattern="norwood-4"></div>
      <div id="b" data-smp-estimator data-pattern="norwood-5" data-lang="de"></div>
      <p><button type="button" id="host-button">Call me back</button> <output id="host-output"></output></p>
      <script>
        let clicks = 0;
        document.getElementById('host-button').addEventListener('click', () => {
          clicks += 1;
          document.getElementById('host-output').value = 'Clicked ' + clicks;
        });
      </script>${panicSnippet}`),
  };
  for (const page of Object.values(pages)) page.body = await page.body;
  server = await serve(join(repo, 'dist'), pages, {
    '/panic-embed/': join(repo, 'dist-panic-test', 'embed'),
  });
  // A second origin for the iframe mode, as a clinic's CDN would be.
  frameServer = await serve(join(repo, 'dist'));
  pages['/framed-hostile.html'] = {
    body: page(`<iframe id="frame" title="SMP cost estimate"
      src="${frameServer.url}embed/frame.html?pattern=norwood-4&amp;booking-url=https%3A%2F%2Fevil.example%2F&amp;config-url=https%3A%2F%2Fevil.example%2Fx.json"></iframe>`),
  };
  pages['/framed.html'] = {
    headers: { 'content-security-policy': "default-src 'self'; frame-src " + frameServer.url.replace(/\/$/, '') },
    body: page(`<iframe id="frame" data-smp-estimator-frame title="SMP cost estimate" height="150"
      data-currency="EUR" data-locale="de-DE" data-clinic-name="&lt;b&gt;Haar&lt;/b&gt;"
      src="${frameServer.url}embed/frame.html?pattern=norwood-4"></iframe>
      <script src="/embed/frame-host.js"></script>`),
  };
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await frameServer?.close();
});

/**
 * A tab at `path` once every widget on it is live: these tests are about
 * the live widget, whose answer to a click comes at once (a click on the
 * static first screen is answered when the WebAssembly arrives: that is
 * first-screen.test.mjs's).
 */
async function open(path, width = 1024, prepare = undefined) {
  const opened = await openPage(browser, new URL(path, server.url).href, { width, prepare });
  await opened.tab
    .waitForFunction(
      () =>
        [...document.querySelectorAll('[data-smp-estimator], smp-estimator')].every((element) =>
          element.shadowRoot?.querySelector('.smp-host:not([data-smp-first-screen])'),
        ),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => {}); // a page whose widget never mounts: its test says so
  return opened;
}

/** Text of `selector` inside the widget mounted on `host`. */
async function inside(tab, host, selector) {
  const locator = tab.locator(`${host} ${selector}`);
  await locator.first().waitFor();
  // Read on screen, as a visitor reads it: a widget far below the viewport
  // has not been laid out yet, and has no rendered text to read until the
  // browser has drawn it (a frame or two after the scroll).
  await locator.first().scrollIntoViewIfNeeded();
  const read = async () => (await locator.first().innerText()).replace(/[\u00a0\u202f]/g, ' ').trim();
  return until(`${host} ${selector} drawn`, read, { timeout: 5_000 });
}

test("the README's snippet is exactly the one this build generates", async () => {
  const readme = await readFile(join(repo, 'README.md'), 'utf8');
  const snippet = (await readFile(join(repo, 'dist', 'embed', 'snippet.html'), 'utf8')).trim();
  const frame = (await readFile(join(repo, 'dist', 'embed', 'frame-snippet.html'), 'utf8')).trim();
  const hint = 'the widget changed: run `make readme-snippet` and commit the README';
  assert.ok(readme.includes(snippet), hint);
  for (const line of frame.split('\n')) assert.ok(readme.includes(line), hint);
});

test('the README snippet on a blank page gives a working, correctly priced widget', async () => {
  // Every request the browser makes, to any host.
  const requested = [];
  const { tab, errors } = await open('/blank.html', 1024, (tab) => tab.on('request', (request) => requested.push(request.url())));
  await tab.click('label:has(input[value="norwood-4"])');
  const quote = engineQuote({ pattern: 'norwood-4' });
  assert.equal(await inside(tab, '[data-smp-estimator]', '[data-figure="smp-cost-typical"]'), money(quote.smp.cost.typical));
  await tab.click('label:has(input[value="norwood-7"])');
  await tab.waitForLoadState('networkidle');
  // Nothing is fetched but the page and the widget's own six files, from
  // this host only: the module, its first screen in English, its
  // WebAssembly with its JavaScript, its stylesheet, and the worker that
  // prepares the number formats off the main thread. (The browser's own
  // favicon request is not the widget's.)
  assert.deepEqual(
    [...new Set(requested)].filter((url) => !url.endsWith('/favicon.ico')).sort(),
    [
      '/blank.html',
      '/embed/first-screen/en.html',
      '/embed/smp-estimator-warm.js',
      '/embed/smp-estimator.css',
      '/embed/smp-estimator.js',
      '/embed/smp-estimator_bg.js',
      '/embed/smp-estimator_bg.wasm',
    ].map(
      (path) => new URL(path, server.url).href,
    ),
  );
  assert.deepEqual(errors, []);
  await tab.close();
});

test('the widget renders in parts, the answer before the cards, and nothing shown moves or is replaced as the next arrives', async () => {
  for (const [width, path] of [
    [390, '/parts-mounted.html'],
    [1280, '/parts-mounted.html'],
    [390, '/parts.html'],
    [1280, '/parts.html'],
  ]) {
    const tab = await browser.newPage({ viewport: { width, height: 900 } });
    const errors = watchErrors(tab);
    // Where each part of the widget is whenever its shadow root changes,
    // from the moment it appears (document coordinates).
    await tab.addInitScript(() => {
      window.__parts = {};
      // Elements taken out again: a part must add, never redraw what a
      // visitor may already be tapping or have focused.
      window.__removed = [];
      const attachShadow = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attachShadow.call(this, init);
        let batch = 0;
        new MutationObserver((records) => {
          batch += 1;
          // The live widget's parts; the static first screen it replaces,
          // in one step, is first-screen.test.mjs's.
          for (const record of records) {
            for (const node of record.removedNodes) {
              if (node.nodeType === Node.ELEMENT_NODE && !node.matches('[data-smp-first-screen]')) {
                window.__removed.push(`${node.localName}.${node.className} from ${record.target.localName}.${record.target.className}`);
              }
            }
          }
          const live = root.querySelector('.smp-host:not([data-smp-first-screen])');
          if (!live || live.hidden || live.style.display === 'none') return; // not drawn yet
          for (const part of ['.smp-title', '.smp-picker', '.smp-answer', '.smp-area', '.smp-cards', '.smp-more']) {
            const element = live.querySelector(part);
            if (!element) continue;
            const rect = element.getBoundingClientRect();
            const seen = (window.__parts[part] ??= { batch, tops: [] });
            seen.tops.push(Math.round(rect.top + scrollY));
          }
        }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
        return root;
      };
    });
    await tab.goto(new URL(path, server.url).href);
    await tab.locator('#parts .smp-more').waitFor();
    const parts = await tab.evaluate(() => window.__parts);
    for (const [part, { tops }] of Object.entries(parts)) {
      assert.deepEqual([...new Set(tops)], [tops[0]], `${part} moved at ${width} px: ${[...new Set(tops)].join(' → ')}`);
    }
    // In parts: the answer arrives before the cards, and the cards before
    // the comparison and the rest. Behind a static first screen the parts
    // it shows, and those drawn out of sight meanwhile, come in one step.
    if (path === '/parts-mounted.html') assert.ok(parts['.smp-answer'].batch < parts['.smp-cards'].batch, JSON.stringify(parts));
    else assert.ok(parts['.smp-answer'].batch <= parts['.smp-cards'].batch, JSON.stringify(parts));
    assert.ok(parts['.smp-cards'].batch < parts['.smp-more'].batch, JSON.stringify(parts));
    await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    assert.deepEqual(await tab.evaluate(() => window.__removed), [], `replaced while the parts arrived at ${width} px`);
    assert.deepEqual(errors, []);
    await tab.close();
  }
});

test("the host page's CSS does not reach the widget, and ours does not leak out", async () => {
  const { tab, errors } = await open('/hostile.html', 360);
  await tab.click('label:has(input[value="norwood-6"])');
  const styles = await tab.evaluate(() => {
    const root = document.querySelector('[data-smp-estimator]').shadowRoot;
    const title = root.querySelector('.smp-title');
    const price = root.querySelector('[data-figure="smp-cost-typical"]');
    const outside = getComputedStyle(document.getElementById('outside'));
    const control = getComputedStyle(document.getElementById('control'));
    const looks = (style) => [style.fontSize, style.lineHeight, style.margin, style.fontWeight].join(' ');
    return {
      title: getComputedStyle(title).fontSize,
      priceColour: getComputedStyle(price).color,
      outside: looks(outside),
      control: looks(control),
    };
  });
  assert.equal(styles.title, '22.4px', 'the widget keeps its own type scale');
  assert.notEqual(styles.priceColour, 'rgb(255, 0, 0)');
  assert.equal(styles.outside, styles.control, 'our .smp-title rule stays inside the widget');
  assert.equal(await sideways(tab), 0, 'the widget fits a 360 px page despite the host CSS');
  assert.deepEqual(errors, []);
  await tab.close();
});

test("financing at interest: the SMP card shows the engine's monthly payment, term and APR", async () => {
  const { tab, errors } = await open('/financed.html');
  const dir = await mkdtemp(join(tmpdir(), 'smp-financing-'));
  const settings = join(dir, 'financed.json');
  await writeFile(settings, JSON.stringify(FINANCING));
  const quote = engineQuote({ pattern: 'norwood-4' }, settings);
  // The engine's own figures: the longest term, at the clinic's APR, and
  // dearer than the same course interest-free.
  assert.deepEqual(quote.smp.financing, { months: 36, apr_percent: 9.9 });
  assert.ok(quote.smp.monthly * 36 > quote.smp.cost.typical, `${quote.smp.monthly} a month for ${quote.smp.cost.typical}`);
  assert.equal(
    await inside(tab, '#financed', '[data-figure="smp-monthly"]'),
    `or about ${money(quote.smp.monthly)} a month over 36 months at 9.9% APR`,
  );
  assert.equal(await inside(tab, '#financed', '[data-figure="smp-cost-typical"]'), money(quote.smp.cost.typical));
  assert.deepEqual(errors, []);
  await tab.close();
});

test('two widgets with different settings on one page work independently', async () => {
  const { tab, errors } = await open('/two.html');
  const quote = engineQuote({ pattern: 'norwood-4' });
  assert.equal(await inside(tab, '#usd', '[data-figure="smp-cost-typical"]'), money(quote.smp.cost.typical));
  assert.equal(
    await inside(tab, '#eur', '[data-figure="smp-cost-typical"]'),
    money(quote.smp.cost.typical, 'de-DE', 'EUR'),
  );
  await tab.click('#eur label:has(input[value="norwood-7"])');
  const norwood7 = engineQuote({ pattern: 'norwood-7' });
  assert.equal(
    await inside(tab, '#eur', '[data-figure="smp-cost-typical"]'),
    money(norwood7.smp.cost.typical, 'de-DE', 'EUR'),
  );
  assert.equal(await inside(tab, '#usd', '[data-figure="smp-cost-typical"]'), money(quote.smp.cost.typical));
  // The page changes a setting: that widget restarts with it.
  await tab.evaluate(() => {
    const usd = document.querySelector('#usd');
    usd.dataset.currency = 'GBP';
    usd.dataset.locale = 'en-GB';
  });
  await tab.waitForFunction(() =>
    document.querySelector('#usd').shadowRoot.querySelector('[data-figure="smp-cost-typical"]')?.textContent.startsWith('£'),
  );
  assert.equal(await inside(tab, '#usd', '[data-figure="smp-cost-typical"]'), money(quote.smp.cost.typical, 'en-GB', 'GBP'));
  assert.deepEqual(errors, []);
  await tab.close();
});

test('the custom element and elements added later get widgets too', async () => {
  const { tab, errors } = await open('/late.html');
  const ludwig = engineQuote({ pattern: 'ludwig-2' });
  assert.equal(
    await inside(tab, '#custom', '[data-figure="smp-cost-typical"]'),
    money(ludwig.smp.cost.typical, 'en-GB', 'GBP'),
  );
  await tab.evaluate(() => {
    const late = document.createElement('div');
    late.id = 'late';
    late.dataset.smpEstimator = '';
    late.dataset.pattern = 'norwood-2';
    document.querySelector('main').append(late);
  });
  const norwood2 = engineQuote({ pattern: 'norwood-2' });
  assert.equal(await inside(tab, '#late', '[data-figure="smp-cost-typical"]'), money(norwood2.smp.cost.typical));
  // And through the API.
  await tab.evaluate(async () => {
    const element = document.createElement('section');
    element.id = 'api';
    document.querySelector('main').append(element);
    await window.SmpEstimator.mount(element, { currency: 'EUR', locale: 'de-DE' });
  });
  assert.match(await inside(tab, '#api', '.smp-hint'), /Choose the pattern/);
  assert.ok(await tab.evaluate(() => customElements.get('smp-estimator') !== undefined));
  assert.ok(await tab.evaluate(() => document.querySelector('#custom').matches(':defined')));
  // Settings for an element that already holds a widget are refused, not lost.
  const refused = await tab.evaluate(() =>
    window.SmpEstimator.mount(document.querySelector('#late'), { currency: 'EUR' }).then(
      () => 'accepted',
      (error) => error.message,
    ),
  );
  assert.match(refused, /already holds an SMP estimator/);

  // Taken off the page (as a single-page app would), the widget is taken
  // down; put back, the element gets a new one.
  const emptied = await tab.evaluate(async () => {
    const late = document.querySelector('#late');
    late.remove();
    // The observer's callback is a microtask queued by the removal: one
    // queued after it runs once it has.
    await new Promise((resolve) => queueMicrotask(resolve));
    const empty = late.shadowRoot.childElementCount === 0;
    window.__late = late;
    return empty;
  });
  assert.ok(emptied, 'the removed widget was taken down');
  await tab.evaluate(() => document.querySelector('main').append(window.__late));
  assert.equal(await inside(tab, '#late', '[data-figure="smp-cost-typical"]'), money(norwood2.smp.cost.typical));
  assert.deepEqual(errors, []);
  await tab.close();
});

test('it works under a strict Content-Security-Policy sent as a header', async () => {
  const violations = [];
  const { tab, errors } = await open('/csp.html', 1024, async (tab) => {
    await tab.exposeFunction('reportViolation', (v) => violations.push(v));
    // Listening from before the page's first script, so start-up counts too.
    await tab.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
  });
  const quote = engineQuote({ pattern: 'norwood-5' });
  assert.equal(await inside(tab, '[data-smp-estimator]', '[data-figure="smp-cost-typical"]'), money(quote.smp.cost.typical));
  const accent = await tab.evaluate(() =>
    getComputedStyle(document.querySelector('[data-smp-estimator]').shadowRoot.querySelector('.smp-card-smp')).borderTopColor,
  );
  assert.equal(accent, 'rgb(122, 31, 92)', 'the clinic accent applies without inline styles');
  await tab.click('label:has(input[value="norwood-6"])');
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('settings come from attributes over inline JSON over the config file; bad and hostile ones are refused, the visitor told kindly and the clinic exactly', async () => {
  // The error events fire as the widgets start: listen before the page loads.
  const { tab, errors } = await open('/config.html', 1024, (tab) =>
    tab.addInitScript(() => {
      window.__errorDetails = [];
      document.addEventListener('smp-estimator:error', (event) => window.__errorDetails.push(event.detail));
    }),
  );
  // Currency from the file, locale from inline JSON, name from the attribute.
  const quote = engineQuote({ pattern: 'norwood-3' });
  assert.equal(
    await inside(tab, '#file', '[data-figure="smp-cost-typical"]'),
    money(quote.smp.cost.typical, 'en-GB', 'GBP'),
  );
  assert.match(await inside(tab, '#file', '.smp-disclaimer'), /From attribute's prices/);

  // The visitor reads a short, friendly line, never the developer's message.
  const kindly = "Sorry, the estimate can't be shown here right now.";
  assert.equal(await inside(tab, '#bad', '.smp-problems'), kindly);
  assert.equal(await inside(tab, '#missing', '.smp-problems'), kindly);
  assert.doesNotMatch(await tab.evaluate(() => document.querySelector('#missing').shadowRoot.textContent), /HTTP 404|data-config-url/);
  // The clinic gets every problem by field: in the error event and the console.
  await tab.waitForFunction(() => window.__errorDetails.length >= 3);
  const reported = (await tab.evaluate(() => window.__errorDetails))
    .flatMap((detail) => detail.problems.map((problem) => `${problem.field}: ${problem.message}`))
    .join('\n');
  assert.match(reported, /data-rounding-step: must be a number, not "fifty"/);
  assert.match(reported, /currency: must be a three-letter currency code \(ISO 4217\)/, 'every problem at once');
  assert.match(reported, /data-config-url \(\/missing.json\): could not be loaded: HTTP 404/);
  const badCurrency = await tab.evaluate(() =>
    document.querySelector('#bad').shadowRoot.textContent,
  );
  assert.ok(!badCurrency.includes('Your SMP estimate'), 'a broken widget shows its problem, not figures');

  // Hostile strings are shown as text and never run.
  assert.match(await inside(tab, '#hostile', '.smp-disclaimer'), /<img src=x onerror="window.__pwned=1">'s prices/);
  const href = await tab.locator('#hostile [data-figure="booking-link"]').getAttribute('href');
  assert.ok(href.startsWith('https://clinic.example/book?a='), href);
  assert.equal(await inside(tab, '#js-url', '.smp-problems'), kindly);
  assert.match(reported, /booking_url: must start with https:\/\/ or http:\/\//);
  await tab.waitForLoadState('networkidle');
  assert.equal(await tab.evaluate(() => window.__pwned), undefined);
  // One console.error per broken widget, naming the problem.
  const ours = errors.filter((e) => e.startsWith('SMP estimator'));
  assert.equal(ours.length, 3, errors.join('\n'));
  assert.match(ours.join('\n'), /data-rounding-step/);
  await tab.close();
});

test('events tell the page about quotes and bookings; estimate() matches smp-quote', async () => {
  const { tab, errors } = await open('/blank.html');
  await tab.evaluate(() => {
    window.__events = [];
    for (const name of ['smp-estimator:quote', 'smp-estimator:cta']) {
      document.addEventListener(name, (event) => window.__events.push({ type: event.type, detail: event.detail }));
    }
  });
  await tab.click('label:has(input[value="norwood-5"])');
  await tab.waitForFunction(() => window.__events.length > 0);
  const [first] = await tab.evaluate(() => window.__events);
  const quote = engineQuote({ pattern: 'norwood-5' });
  assert.equal(first.type, 'smp-estimator:quote');
  assert.deepEqual(first.detail.quote, quote);
  assert.deepEqual(first.detail.input, quote.input);

  const fromApi = await tab.evaluate(async () => {
    const module = await import('/embed/smp-estimator.js');
    await module.ready;
    const ok = module.estimate({ pattern: 'norwood-5' }, {});
    let problems;
    try {
      module.estimate({ pattern: 'norwood-5', years: 99 }, { currency: 'usd' });
    } catch (error) {
      problems = error.problems;
    }
    // The setup page's API is in its own module (smp-estimator-setup.js), not in the visitor's.
    const setupApi = ['priceSheet', 'checkSettings', 'markets', 'patterns'].filter((name) => name in module || name in window.SmpEstimator);
    return { ok, problems, api: Object.keys(window.SmpEstimator).sort(), setupApi };
  });
  assert.deepEqual(fromApi.ok, quote);
  assert.deepEqual(fromApi.problems.map((p) => p.field), ['years', 'currency']);
  assert.deepEqual(fromApi.api, ['estimate', 'mount', 'ready']);
  assert.deepEqual(fromApi.setupApi, []);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('a share link restores the estimate; answers survive a reload until the visitor starts over', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  await tab.goto(new URL('/two.html', server.url).href);
  await tab.click('#eur label:has(input[value="norwood-6"])');
  await tab.fill('#eur .smp-area-number', '160');
  const expected = engineQuote({ pattern: 'norwood-6', area_cm2: 160 });
  const shown = () => inside(tab, '#eur', '[data-figure="smp-cost-typical"]');
  assert.equal(await shown(), money(expected.smp.cost.typical, 'de-DE', 'EUR'));

  await tab.click('#eur button:has-text("Schätzung teilen")');
  const link = await tab.locator('#eur .smp-share-link').inputValue();
  assert.match(link, /#smp-eur=/);
  assert.equal(await tab.evaluate(() => navigator.clipboard.readText()), link);

  // Opened elsewhere (a fresh browser, no storage): the same quote, and the
  // link's part leaves the address so that later changes win a reload.
  const other = await browser.newPage();
  await other.goto(link);
  await other.locator('#eur [data-figure="smp-cost-typical"]').waitFor();
  assert.ok(!other.url().includes('smp-eur='), other.url());
  assert.equal(
    await inside(other, '#eur', '[data-figure="smp-cost-typical"]'),
    money(expected.smp.cost.typical, 'de-DE', 'EUR'),
  );
  assert.equal(await other.locator('#eur .smp-area-number').inputValue(), '160');
  // The other widget on the page keeps its own preset.
  const preset = engineQuote({ pattern: 'norwood-4' });
  assert.equal(await inside(other, '#usd', '[data-figure="smp-cost-typical"]'), money(preset.smp.cost.typical));
  await other.close();

  // A reload keeps the answers.
  await tab.goto(new URL('/two.html', server.url).href);
  assert.equal(await shown(), money(expected.smp.cost.typical, 'de-DE', 'EUR'));
  // A share link wins over what this browser had stored.
  const norwood2 = engineQuote({ pattern: 'norwood-2' });
  const linkTo2 = link.replace(/#.*/, `#smp-eur=${encodeURIComponent(JSON.stringify({ pattern: 'norwood-2' }))}`);
  // (Only the fragment differs, so the page is reloaded to open the link.)
  await tab.goto(linkTo2);
  await tab.reload();
  assert.equal(await shown(), money(norwood2.smp.cost.typical, 'de-DE', 'EUR'));
  await tab.goto(link);
  await tab.reload();
  assert.equal(await shown(), money(expected.smp.cost.typical, 'de-DE', 'EUR'));

  // Copy summary puts the figures on the clipboard.
  await tab.click('#eur button:has-text("Übersicht kopieren")');
  const summary = (await tab.evaluate(() => navigator.clipboard.readText())).replace(/[\u00a0\u202f]/g, ' ');
  // (This widget speaks German: data-lang="de-DE".)
  assert.match(summary, /Muster: Norwood VI, 160 cm²/);
  assert.ok(summary.includes(money(expected.smp.cost.typical, 'de-DE', 'EUR')), summary);

  // Start over: back to the clinic's preset, the widget's top in view and
  // focus on the picker's groups (where the visitor starts again, not lost
  // mid-page), and a reload keeps it so.
  await tab.emulateMedia({ reducedMotion: 'reduce' });
  await tab.click('#eur button:has-text("Neu beginnen")');
  const norwood4 = money(preset.smp.cost.typical, 'de-DE', 'EUR');
  assert.equal(await shown(), norwood4);
  await tab.waitForFunction(() => {
    const host = document.querySelector('#eur');
    const top = host.shadowRoot.querySelector('.smp-estimator').getBoundingClientRect().top;
    // Its top is on screen (at the top, where the page is long enough).
    return top > -2 && top < window.innerHeight && host.shadowRoot.activeElement?.matches('.smp-group-button');
  });
  await tab.reload();
  assert.equal(await shown(), norwood4);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a crafted share link of 2 MB is ignored: the widget starts from the clinic\'s preset', async () => {
  // Valid answers padded to 2 MB (160.000…0 is 160): read, they would take
  // the tab for as long as decoding and parsing them lasts. Under
  // Chromium's 2 MiB limit for an address.
  const crafted =
    encodeURIComponent('{"pattern":"norwood-6","area_cm2":160.') + '0'.repeat(2_000_000) + encodeURIComponent('}');
  const { tab, errors } = await open(`/two.html#smp-eur=${crafted}`);
  const preset = engineQuote({ pattern: 'norwood-4' });
  assert.equal(await inside(tab, '#eur', '[data-figure="smp-cost-typical"]'), money(preset.smp.cost.typical, 'de-DE', 'EUR'));
  assert.equal(await tab.locator('#eur input[value="norwood-4"]').isChecked(), true);
  assert.equal(await inside(tab, '#usd', '[data-figure="smp-cost-typical"]'), money(preset.smp.cost.typical));
  assert.deepEqual(errors, []);
  await tab.close();
});

test('following the booking link tells the page, and printing hides the controls', async () => {
  const { tab, errors } = await open('/config.html');
  await tab.evaluate(() => {
    window.__cta = [];
    document.addEventListener('smp-estimator:cta', (event) => {
      window.__cta.push(event.detail);
      event.preventDefault();
    });
    // Keep the test page where it is.
    document.addEventListener('click', (event) => event.preventDefault(), true);
  });
  await tab.click('#file [data-figure="booking-link"]');
  const [detail] = await tab.evaluate(() => window.__cta);
  assert.equal(detail.quote.input.pattern, 'norwood-3');
  assert.equal(detail.quote.booking_url, 'https://clinic.example/book?pattern=norwood-3&area_cm2=40&sessions=3');

  await tab.emulateMedia({ media: 'print' });
  const hidden = await tab.evaluate(() => {
    const root = document.querySelector('#file').shadowRoot;
    return ['.smp-inputs', '.smp-tools', '.smp-cta'].map((s) => getComputedStyle(root.querySelector(s)).display);
  });
  assert.deepEqual(hidden, ['none', 'none', 'none']);
  assert.equal(
    errors.filter((e) => e.startsWith('SMP estimator')).length,
    3,
    'only the three broken widgets on this page report',
  );
  await tab.close();
});

test('the iframe mode takes settings from its query string and is resized by the host script', async () => {
  const { tab, errors } = await open('/framed.html');
  const frame = tab.frameLocator('#frame');
  const quote = engineQuote({ pattern: 'norwood-4' });
  const price = frame.locator('[data-figure="smp-cost-typical"]');
  await price.waitFor();
  assert.equal((await price.innerText()).replace(/[\u00a0\u202f]/g, ' '), money(quote.smp.cost.typical, 'en-GB', 'EUR'));
  assert.match(await frame.locator('.smp-disclaimer').innerText(), /<b>Haar<\/b>'s prices/);
  // The host script sized the iframe to its content (from 150 px).
  await tab.waitForFunction(() => document.getElementById('frame').getBoundingClientRect().height > 600);
  const before = await tab.evaluate(() => document.getElementById('frame').style.height);
  // A message from anywhere but that iframe is ignored.
  // (Our listener is added after the host script's, so once it has heard
  // the forged message, the host script has handled it.)
  await tab.evaluate(
    () =>
      new Promise((resolve) => {
        addEventListener('message', (event) => event.data?.height === 5 && resolve());
        window.postMessage({ type: 'smp-estimator:resize', height: 5 }, '*');
      }),
  );
  assert.equal(await tab.evaluate(() => document.getElementById('frame').style.height), before);
  assert.deepEqual(errors, []);
  await tab.close();
});

test("the iframe page refuses settings that point away from the clinic's origins", async () => {
  const { tab, errors } = await open('/framed-hostile.html');
  const frame = tab.frameLocator('#frame');
  await frame.locator('[data-figure="smp-cost-typical"]').waitFor();
  assert.equal(await frame.locator('[data-figure="booking-link"]').count(), 0, 'no link to evil.example');
  assert.equal(errors.filter((e) => e.startsWith('SMP estimator')).length, 2, errors.join('\n'));
  await tab.close();
});

test('a panic in one widget shows a fallback there, reports it, and the other widget keeps working', async () => {
  const { tab, errors } = await open('/panic.html');
  await tab.evaluate(() => {
    window.__failures = [];
    document.addEventListener('smp-estimator:error', (event) => window.__failures.push(event.target.id));
  });
  const norwood4 = engineQuote({ pattern: 'norwood-4' });
  assert.equal(await inside(tab, '#a', '[data-figure="smp-cost-typical"]'), money(norwood4.smp.cost.typical));
  await inside(tab, '#b', '[data-figure="smp-cost-typical"]');

  // The visitor uses widget b (in German), and it panics: the fallback is
  // in the visitor's language too.
  await tab.click('#b .smp-group-button:nth-child(3)');
  await tab.click('#b label:has(input[value="alopecia-totalis"])');
  const german = JSON.parse(await readFile(join(repo, 'i18n', 'de.json'), 'utf8'));
  assert.equal(await inside(tab, '#b', '[role="alert"]'), german['widget-failed']);
  assert.deepEqual(await tab.evaluate(() => window.__failures), ['b']);
  assert.ok(errors.some((e) => e.includes('SMP estimator: internal error')), errors.join('\n'));

  // Widget a came back with its answers and still answers the visitor.
  assert.equal(await inside(tab, '#a', '[data-figure="smp-cost-typical"]'), money(norwood4.smp.cost.typical));
  await tab.click('#a label:has(input[value="norwood-7"])');
  const norwood7 = engineQuote({ pattern: 'norwood-7' });
  await tab.waitForFunction(
    (expected) =>
      document.querySelector('#a').shadowRoot.querySelector('[data-figure="smp-cost-typical"]')?.textContent === expected,
    money(norwood7.smp.cost.typical),
  );
  // And the page's own scripts run on: its button, clicked as a visitor
  // would, runs its handler.
  await tab.click('#host-button');
  assert.equal(await tab.locator('#host-output').innerText(), 'Clicked 1');
  await tab.click('#host-button');
  assert.equal(await tab.locator('#host-output').innerText(), 'Clicked 2');
  await tab.close();
});
