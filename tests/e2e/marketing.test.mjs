// What a clinic's marketing plugs in: Google Tag Manager's dataLayer (only
// when the clinic opts in, GA4's `generate_lead` for a consultation request,
// never what the visitor typed) and the page's campaign (utm_*) parameters
// carried to the booking link and the consultation request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, engineQuote, repo, snippetScript, hostPage, open } from './support.mjs';

let server;
let browser;
let settingsFile;
const received = [];
const BOOKING = 'https://clinic.example/book?utm_source=clinic#slots';

const page = (attributes, snippet) =>
  hostPage(
    `<h1>Northside Hair Studio</h1>
<div data-smp-estimator data-pattern="norwood-4" data-clinic-name="Northside Hair Studio"
  data-booking-url="${BOOKING}" ${attributes}></div>${snippet}`,
    { end: '<script src="/no-leave.js"></script>' },
  );

before(async () => {
  const snippet = await snippetScript();
  const pages = {
    // The test stays on the page when the visitor follows the booking link.
    '/no-leave.js': {
      headers: { 'content-type': 'text/javascript' },
      body: `document.addEventListener('click', (event) => { if (event.composedPath()[0].closest?.('a.smp-cta')) event.preventDefault(); });`,
    },
  };
  server = await serve(join(repo, 'dist'), pages, {}, {
    '/leads': async (body) => {
      received.push(JSON.parse(body));
      return { status: 201 };
    },
  });
  const lead = `data-lead-endpoint="${server.url}leads"`;
  pages['/on.html'] = { body: page(`data-datalayer="true" ${lead}`, snippet) };
  pages['/off.html'] = { body: page(lead, snippet) };
  const dir = await mkdtemp(join(tmpdir(), 'smp-marketing-'));
  settingsFile = join(dir, 'clinic.json');
  await writeFile(settingsFile, JSON.stringify({ booking_url: BOOKING }));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A visitor's journey: the preset quote, the area slider, another pattern, the booking link, a request. */
async function journey(path) {
  const { tab, errors } = await open(browser, new URL(path, server.url).href, {
    // The answers of each quote, for the engine's figures of each step.
    prepare: (tab) =>
      tab.addInitScript(() => {
        window.inputs = [];
        document.addEventListener('smp-estimator:quote', (event) => window.inputs.push(event.detail.input));
      }),
    waitFor: ['[data-figure="smp-cost-typical"]'],
  });
  const slider = tab.locator('input[type="range"]');
  await slider.focus();
  await slider.press('ArrowRight');
  await slider.press('ArrowRight');
  await tab.click('label:has(input[value="norwood-5"])');
  await tab.locator('[data-figure="booking-link"]').click();
  // With a booking link, the request is the second choice.
  await tab.getByRole('button', { name: 'Leave your details' }).click();
  await tab.locator('.smp-lead-form [name="name"]').fill('Sam Lee');
  await tab.locator('.smp-lead-form [name="contact"]').fill('sam@example.org');
  await tab.locator('.smp-lead-form [name="contact_time"]').selectOption('evening');
  await tab.locator('.smp-lead-form [name="consent"]').check();
  await tab.getByRole('button', { name: 'Send request' }).click();
  await tab.locator('[data-figure="lead-status"]').waitFor();
  return { tab, errors };
}

test('opted in, the dataLayer gets exactly GA4-style entries, with nothing personal', async () => {
  received.length = 0;
  const { tab, errors } = await journey('/on.html?utm_source=news&utm_medium=email&utm_campaign=spring');
  const inputs = await tab.evaluate(() => window.inputs);
  const norwood4 = engineQuote(inputs[0]);
  const picked = engineQuote(inputs.find((input) => input.pattern === 'norwood-5'));
  const last = engineQuote(inputs.at(-1));
  assert.ok(inputs.length >= 4, 'the slider changed the quote too');
  const entry = (event, quote) => ({ event, currency: 'USD', value: quote.smp.cost.typical, smp_pattern: quote.input.pattern });
  assert.deepEqual(await tab.evaluate(() => window.dataLayer), [
    entry('smp_estimate', norwood4),
    // The slider's steps changed norwood-4's quote: no entry for those.
    entry('smp_estimate', picked),
    entry('smp_booking_click', last),
    entry('generate_lead', last),
  ]);
  const pushed = JSON.stringify(await tab.evaluate(() => window.dataLayer));
  for (const personal of ['Sam', 'sam@example.org', 'evening']) assert.ok(!pushed.includes(personal), personal);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('GTM already on the page: the widget pushes through its dataLayer', async () => {
  const tab = await browser.newPage();
  await tab.addInitScript(() => {
    window.dataLayer = [{ 'gtm.start': 1 }];
    const push = window.dataLayer.push.bind(window.dataLayer);
    window.seen = [];
    window.dataLayer.push = (entry) => (window.seen.push(entry.event), push(entry));
  });
  await tab.goto(new URL('/on.html', server.url).href);
  await tab.locator('[data-figure="smp-cost-typical"]').waitFor();
  assert.deepEqual(await tab.evaluate(() => window.seen), ['smp_estimate']);
  assert.equal(await tab.evaluate(() => window.dataLayer.length), 2);
  await tab.close();
});

test('not opted in, nothing is pushed', async () => {
  const { tab, errors } = await journey('/off.html?utm_source=news');
  assert.equal(await tab.evaluate(() => window.dataLayer), undefined);
  assert.deepEqual(errors, []);
  await tab.close();
});

test("the page's utm_* reach the booking link (without overriding its own) and the request, the click id does not", async () => {
  received.length = 0;
  const { tab, errors } = await journey('/off.html?utm_source=news&utm_medium=email&utm_campaign=spring%20sale&utm_term=smp&gclid=abc123');
  const quote = engineQuote((await tab.evaluate(() => window.inputs)).at(-1), settingsFile);
  const link = new URL(await tab.locator('[data-figure="booking-link"]').getAttribute('href'));
  const engine = new URL(quote.booking_url);
  assert.equal(`${link.origin}${link.pathname}${link.hash}`, `${engine.origin}${engine.pathname}${engine.hash}`);
  assert.deepEqual([...link.searchParams], [
    ...engine.searchParams,
    ['utm_medium', 'email'],
    ['utm_campaign', 'spring sale'],
    ['utm_term', 'smp'],
  ]);
  assert.equal(received.length, 1);
  assert.deepEqual(received[0].campaign, {
    utm_source: 'news',
    utm_medium: 'email',
    utm_campaign: 'spring sale',
    utm_term: 'smp',
  });
  assert.equal(received[0].quote.smp.cost.typical, quote.smp.cost.typical);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('a page address cannot turn the booking link into script', async () => {
  const tab = await browser.newPage();
  await tab.goto(new URL('/off.html?utm_source=%22%3E%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E&utm_medium=javascript:alert(1)', server.url).href);
  const href = await tab.locator('[data-figure="booking-link"]').getAttribute('href');
  assert.ok(href.startsWith('https://clinic.example/book?'), href);
  assert.equal(new URL(href).searchParams.get('utm_medium'), 'javascript:alert(1)', 'kept as text, encoded');
  assert.equal(new URL(href).searchParams.get('utm_source'), 'clinic');
  assert.equal(await tab.evaluate(() => window.__pwned), undefined);
  await tab.close();
});
