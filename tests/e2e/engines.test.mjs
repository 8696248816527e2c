// The visitor's journeys in every engine a clinic's visitors use: Chromium,
// Firefox and WebKit (Safari's engine), each written once against the small
// driver of engines.mjs. Each journey checks what the visitor sees against
// the engine's own quote (smp-quote), and saves a screenshot per engine in
// artifacts/engines/.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, engineQuote, money, repo, artifacts, snippetScript, hostPage, sideways, until } from './support.mjs';
import { ENGINES, ERROR_RECORDER, DRIVER_PAGES, start } from './engines.mjs';

const BOOKING = 'https://northside-hair.example/book';
const shots = join(artifacts, 'engines');
let server;
let cdn;
const leads = [];

const HEAD = `${ERROR_RECORDER}
<style>body { margin: 0; font-family: system-ui, sans-serif } main { padding: 0 12px }</style>`;

const page = (lang, attributes, script) =>
  hostPage(
    `<h1>Northside Hair Studio</h1><p>Scalp micropigmentation in the heart of town.</p>
<div data-smp-estimator data-clinic-name="Northside Hair Studio" data-booking-url="${BOOKING}" ${attributes}></div>`,
    { lang, title: 'Northside Hair Studio', head: HEAD, end: script },
  );

before(async () => {
  const script = await snippetScript();
  const pages = {
    ...DRIVER_PAGES,
    // Visitors in the United Kingdom on a page in English: dollars as the
    // default clinic writes them.
    '/clinic.html': { body: page('en', '', script) },
    '/ar.html': { body: page('ar', 'data-pattern="norwood-4"', script) },
    // The package again under /held/, its WebAssembly answered only once
    // a test lets it go (`holdWasm`): the static first screen for certain.
    '/held.html': { body: page('en', '', script.replace('/embed/', '/held/')) },
    '/held/smp-estimator_bg.wasm': {
      headers: { 'content-type': 'application/wasm' },
      body: async () => {
        await wasmGate;
        return readFile(join(repo, 'dist', 'embed', 'smp-estimator_bg.wasm'));
      },
    },
  };
  server = await serve(join(repo, 'dist'), pages, { '/embed/': join(repo, 'dist', 'embed'), '/held/': join(repo, 'dist', 'embed') }, {
    '/leads': async (body) => {
      leads.push(JSON.parse(body));
      return { status: 201 };
    },
  });
  // The iframe mode with the package on another site (127.0.0.2, as a CDN)
  // that sends no CORS headers, and the exact snippet `make embed` prints,
  // with a booking page on the clinic's own site.
  cdn = await serve(join(repo, 'dist'), {}, {}, {}, '127.0.0.2');
  const frameSnippet = (await readFile(join(repo, 'dist', 'embed', 'frame-snippet.html'), 'utf8'))
    .trim()
    .replaceAll('https://YOUR-SITE/smp-estimator/', `${cdn.url}embed/`)
    .replace('frame.html"', 'frame.html?lang=en&amp;pattern=norwood-4"')
    .replace('data-smp-estimator-frame', `data-smp-estimator-frame data-booking-url="${server.url}book"`);
  pages['/framed.html'] = {
    body: hostPage(`<h1>Northside Hair Studio</h1>${frameSnippet}<p>Opening hours: Mon–Fri 9–5.</p>`, {
      title: 'Northside Hair Studio',
      head: ERROR_RECORDER,
    }),
  };
  // The clinic's lead endpoint is an absolute address on the test server.
  pages['/lead.html'] = {
    body: page('en', `data-pattern="norwood-4" data-lead-endpoint="${server.url}leads"`, script),
  };
  await mkdir(shots, { recursive: true });
});

after(async () => {
  await server?.close();
  await cdn?.close();
});

const url = (path) => new URL(path, server.url).href;
/**
 * The live widget, once it has taken the static first screen's place (a
 * tap at that instant would find the static control gone: a journey about
 * the live widget waits for it).
 */
const LIVE = '.smp-host:not([data-smp-first-screen]) .smp-picker';
let wasmGate = Promise.resolve();
/** Holds /held/'s WebAssembly back until the function returned is called. */
function holdWasm() {
  let release;
  wasmGate = new Promise((resolve) => (release = resolve));
  return release;
}
const choice = (pattern) => `label:has(input[value="${pattern}"])`;
const figure = (name) => `[data-figure="${name}"]`;

/** What the widget's cards show for `quote`, as the engine gives it. */
async function assertCards(tab, quote) {
  const smp = money(quote.smp.cost.typical);
  assert.equal(await tab.waitForText(figure('smp-cost-typical'), smp), smp);
  assert.equal(
    await tab.text(figure('smp-sessions')),
    `${quote.smp.sessions.typical} (usually ${quote.smp.sessions.min} to ${quote.smp.sessions.max})`,
  );
  assert.equal(
    await tab.text(figure('transplant-cost-typical')),
    quote.transplant.cost ? money(quote.transplant.cost.typical) : 'not advised',
  );
  const grafts = new Intl.NumberFormat('en-US').format(quote.transplant.grafts.typical);
  assert.ok((await tab.text(figure('transplant-grafts'))).startsWith(`${grafts} (usually`));
}

for (const name of ENGINES) {
  describe(name, () => {
    let engine;
    before(async () => {
      engine = await start(name);
    });
    after(() => engine?.close());

    test(`${name}: on a 390 px phone one tap shows the engine's answer and the action without scrolling`, async () => {
      const tab = await engine.open(url('/clinic.html'), { width: 390, height: 844 });
      await tab.waitFor(LIVE);
      await tab.click(choice('norwood-4'));
      // The answer comes into view by itself, booking button included.
      await tab.waitUntil(() => {
        const box = deep('.smp-answer [data-figure="booking-link"]')?.getBoundingClientRect();
        return box && box.top >= 0 && box.bottom <= innerHeight + 1;
      }, [], 'the answer and its action on the screen');
      const quote = engineQuote({ pattern: 'norwood-4' });
      assert.equal(await tab.text(figure('answer-smp')), money(quote.smp.cost.typical));
      assert.equal(await tab.text(figure('answer-transplant')), money(quote.transplant.cost.typical));
      assert.equal(await tab.text(figure('answer-combined')), money(quote.combined.cost.typical));
      const link = await tab.evaluate(() => deep('.smp-answer [data-figure="booking-link"]').href);
      assert.equal(new URL(link).origin + new URL(link).pathname, BOOKING);
      await assertCards(tab, quote);
      await tab.screenshot(join(shots, `${name}-390-answer.png`));
      assert.deepEqual(await tab.errors(), []);
      await tab.close();
    });

    test(`${name}: the live widget takes the static screen's place without moving the page`, async () => {
      // A 390 px page that ends soon after the widget, scrolled to it
      // before the WebAssembly came (WebKit once sent it to the top).
      const release = holdWasm();
      const tab = await engine.open(url('/held.html'), { width: 390, height: 844 });
      await tab.waitFor('.smp-host[data-smp-first-screen] .smp-title');
      const end = await tab.evaluate(() => {
        scrollTo(0, document.documentElement.scrollHeight);
        return scrollY;
      });
      assert.ok(end > 100, `the page scrolls (to ${end} px)`);
      release();
      await tab.waitFor(LIVE);
      await tab.waitUntil(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));
      assert.equal(await tab.evaluate(() => scrollY), end);
      assert.deepEqual(await tab.errors(), []);
      await tab.close();
    });

    test(`${name}: a tap on the static first screen before the WebAssembly has loaded gets the engine's answer`, async () => {
      const release = holdWasm();
      const tab = await engine.open(url('/held.html'), { width: 390, height: 844 });
      const screen = '.smp-host[data-smp-first-screen]';
      await tab.waitFor(`${screen} .smp-title`);
      await tab.click(`${screen} ${choice('norwood-4')}`);
      assert.equal(await tab.evaluate((sel) => deep(sel).checked, `${screen} input[value="norwood-4"]`), true);
      assert.equal(await tab.count(figure('smp-cost-typical')), 0, 'no figure before the engine');
      await tab.screenshot(join(shots, `${name}-390-first-screen.png`));
      // Every SMP price the answer shows from here on, and where.
      await tab.evaluate(() => {
        const root = document.querySelector('[data-smp-estimator]').shadowRoot;
        window.answers = [];
        new MutationObserver(() => {
          const price = root.querySelector('[data-figure="answer-smp"]');
          if (!price || !/\d/.test(price.textContent)) return;
          const onStatic = Boolean(price.closest('[data-smp-first-screen]'));
          if (window.answers.at(-1)?.onStatic === onStatic) return;
          window.answers.push({ text: price.textContent.replace(/[\u00a0\u202f]/g, ' '), onStatic, y: Math.round(price.getBoundingClientRect().top + scrollY) });
        }).observe(root, { subtree: true, childList: true, characterData: true });
      });
      release();
      const quote = engineQuote({ pattern: 'norwood-4' });
      await assertCards(tab, quote);
      assert.equal(await tab.count(screen), 0, 'the live widget took its place');
      // The engine's answer came first on the static screen, then the live
      // widget's, the same, at the same place.
      const answers = await tab.evaluate(() => window.answers);
      assert.deepEqual(answers.map(({ text, onStatic }) => [text, onStatic]), [
        [money(quote.smp.cost.typical), true],
        [money(quote.smp.cost.typical), false],
      ]);
      assert.equal(answers[1].y, answers[0].y, 'the answer did not move');
      // Scrolled into view, as after any pick (to the pixel: a scroll to
      // an edge may stop a fraction short).
      await tab
        .waitUntil(() => {
          const { top, bottom } = deep('.smp-answer').getBoundingClientRect();
          window.answerAt = `${top}..${bottom} of ${innerHeight}`;
          return top >= -1 && bottom <= innerHeight + 1;
        }, [], 'the answer in view')
        .catch(async (error) => assert.fail(`${error.message}: it is at ${await tab.evaluate(() => window.answerAt)}`));
      await tab.screenshot(join(shots, `${name}-390-first-screen-answered.png`));
      assert.deepEqual(await tab.errors(), []);
      await tab.close();
    });

    test(`${name}: the further details change the quote as the engine says`, async () => {
      const tab = await engine.open(url('/clinic.html'), { width: 1280, height: 900 });
      await tab.waitFor(LIVE);
      await tab.click(choice('norwood-5'));
      await assertCards(tab, engineQuote({ pattern: 'norwood-5' }));
      await tab.click('.smp-details > summary');
      await tab.click('label.smp-option:has(input[value="poor"])');
      await assertCards(tab, engineQuote({ pattern: 'norwood-5', donor: 'poor' }));
      // A wrong age is explained and kept as typed; a right one counts.
      await tab.fill('input[id$="-age"]', '12');
      assert.match(await tab.text('.smp-details .smp-field-error'), /age/i);
      assert.equal(await tab.value('input[id$="-age"]'), '12');
      await tab.fill('input[id$="-age"]', '24');
      await tab.waitUntil(() => !deep('.smp-details .smp-field-error'), [], 'the age error to go');
      await assertCards(tab, engineQuote({ pattern: 'norwood-5', donor: 'poor', age: 24 }));
      await tab.screenshot(join(shots, `${name}-1280-details.png`));
      assert.deepEqual(await tab.errors(), []);
      await tab.close();
    });

    test(`${name}: a share link and a reload bring the same estimate back`, async () => {
      const tab = await engine.open(url('/clinic.html'), { width: 1024, height: 900 });
      await tab.waitFor(LIVE);
      await tab.click(choice('norwood-6'));
      // (WebKitGTK's visitor is in the United States here, and so gets in²
      // first: the visitor switches to cm².)
      await tab.click('label.smp-unit:has(input[value="cm2"])');
      await tab.fill('.smp-area-number', '160');
      const quote = engineQuote({ pattern: 'norwood-6', area_cm2: 160 });
      await assertCards(tab, quote);
      await tab.click('.smp-tool-buttons .smp-tool:nth-child(1)');
      await tab.waitFor('.smp-share-link');
      const link = await tab.value('.smp-share-link');
      assert.match(link, /#smp-/);
      // Another visit: a page without the answers stored, opened by the link.
      await tab.evaluate(() => localStorage.clear());
      await tab.goto(url('/clinic.html'));
      await tab.goto(link);
      await tab.reload();
      await assertCards(tab, quote);
      // The area in the unit this visitor reads first (the link carries
      // the area, not the unit): 160 cm² is 24.8 in².
      const unit = await tab.value('.smp-unit input:checked');
      assert.equal(await tab.value('.smp-area-number'), unit === 'in2' ? '24.8' : '160');
      // A reload keeps the answers, and the link's part has left the address.
      await tab.reload();
      await assertCards(tab, quote);
      assert.ok(!(await tab.url()).includes('#smp-'), await tab.url());
      // Start over clears them.
      await tab.click('.smp-tool-buttons .smp-tool:nth-child(4)');
      await tab.waitUntil(() => !deep('[data-figure="smp-cost-typical"]'), [], 'the quote to clear');
      assert.deepEqual(await tab.errors(), []);
      await tab.close();
    });

    test(`${name}: the consultation form checks, sends the engine's quote, and thanks the visitor`, async () => {
      const tab = await engine.open(url('/lead.html'), { width: 1024, height: 900 });
      await tab.waitFor(figure('smp-cost-typical'));
      await tab.click('.smp-lead-open');
      await tab.click('.smp-lead-form button[type="submit"]');
      assert.equal(await tab.text('[id$="-name-error"]'), 'Enter your name.');
      const before = leads.length;
      await tab.fill('.smp-lead-form [name="name"]', 'Sam Lee');
      await tab.fill('.smp-lead-form [name="contact"]', 'sam@example.org');
      await tab.click('.smp-lead-form label.smp-option:has([name="consent"])');
      await tab.click('.smp-lead-form button[type="submit"]');
      assert.equal(await tab.text(figure('lead-status')), 'Thank you. Northside Hair Studio will contact you.');
      assert.equal(leads.length, before + 1);
      const lead = leads.at(-1);
      const quote = engineQuote({ pattern: 'norwood-4' });
      assert.equal(lead.contact.name, 'Sam Lee');
      assert.equal(lead.contact.email, 'sam@example.org');
      assert.equal(lead.consent.given, true);
      assert.equal(lead.quote.smp.cost.typical, quote.smp.cost.typical);
      assert.equal(lead.quote.transplant.cost.typical, quote.transplant.cost.typical);
      assert.deepEqual(await tab.errors(), []);
      await tab.close();
    });

    test(`${name}: Arabic reads right to left with the engine's figures`, async () => {
      const tab = await engine.open(url('/ar.html'), { width: 1280, height: 900 });
      const catalogue = JSON.parse(await readFile(join(repo, 'i18n', 'ar.json'), 'utf8'));
      assert.equal(await tab.text('.smp-title'), catalogue['widget-title']);
      assert.equal(await tab.evaluate(() => getComputedStyle(deep('.smp-estimator')).direction), 'rtl');
      const left = (selector) => tab.evaluate((sel) => deep(sel).getBoundingClientRect().left, selector);
      assert.ok((await left('.smp-inputs')) > (await left('.smp-results')), 'the answers on the right');
      // The figures in Arabic digits or Latin ones: the same amount.
      const digits = (text) =>
        Number(text.replace(/[\u0660-\u0669]/g, (d) => d.charCodeAt(0) - 0x0660).replace(/[^0-9]/g, ''));
      const quote = engineQuote({ pattern: 'norwood-4' });
      assert.equal(digits(await tab.text(figure('smp-cost-typical'))), quote.smp.cost.typical);
      assert.equal(digits(await tab.text(figure('answer-transplant'))), quote.transplant.cost.typical);
      assert.equal(await sideways(tab), 0);
      await tab.screenshot(join(shots, `${name}-1280-ar.png`));
      assert.deepEqual(await tab.errors(), []);
      await tab.close();
    });

    test(`${name}: the iframe on another site, without CORS, follows its content and keeps the clinic's booking link`, async () => {
      const tab = await engine.open(`${url('/framed.html')}?utm_source=newsletter`, { width: 1024, height: 800 });
      const frame = 'iframe[data-smp-estimator-frame]';
      const quote = engineQuote({ pattern: 'norwood-4' });
      await tab.waitUntil(
        () => {
          const iframe = deep('iframe[data-smp-estimator-frame]');
          return iframe.style.height && iframe.getBoundingClientRect().height > 1000;
        },
        [],
        'the host script to size the iframe',
        20_000,
      );
      // Inside, the engine's figures; the iframe as tall as its document
      // (no scrollbar of its own), once the widget has settled.
      const inside = () =>
        tab.inFrame(frame, () => ({
          smp: deep('[data-figure="smp-cost-typical"]')?.innerText.replace(/[\u00a0\u202f]/g, ' ').trim(),
          height: Math.ceil(document.documentElement.getBoundingClientRect().height),
          link: deep('.smp-answer [data-figure="booking-link"]')?.href ?? null,
        }));
      const seen = await until(
        'the iframe to be as tall as its document, with the figures in it',
        async () => ({
          ...(await inside()),
          outer: await tab.evaluate(() => Math.round(deep('iframe[data-smp-estimator-frame]').getBoundingClientRect().height)),
        }),
        { accept: ({ smp, height, outer }) => smp && Math.abs(outer - height) <= 1 },
      );
      assert.equal(seen.smp, money(quote.smp.cost.typical));
      // The booking page on the framing page's site is accepted (Firefox has
      // no location.ancestorOrigins: the referrer stands in), and carries
      // the page's campaign.
      const link = new URL(seen.link);
      assert.equal(link.origin + link.pathname, `${url('/book')}`);
      assert.equal(link.searchParams.get('utm_source'), 'newsletter');
      assert.deepEqual(await tab.errors(), []);
      await tab.close();
    });

    test(`${name}: nothing scrolls sideways from 320 px, with everything open`, async () => {
      for (const width of [320, 390, 768]) {
        const tab = await engine.open(url('/clinic.html'), { width, height: 800 });
        await tab.waitFor(LIVE);
        await tab.click(choice('norwood-6'));
        await tab.click('.smp-details > summary');
        await tab.click('label.smp-option:has(input[value="fut"])');
        await tab.click('.smp-breakdown > summary');
        assert.equal(await sideways(tab), 0, `sideways scroll at ${width} px`);
        if (width === 320) await tab.screenshot(join(shots, `${name}-320.png`));
        assert.deepEqual(await tab.errors(), []);
        await tab.close();
      }
    });
  });
}
