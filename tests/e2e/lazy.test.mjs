// When the widget's WebAssembly loads on a clinic's page: not while the
// page itself loads (it would share a phone's link with the page's hero
// image), but when the widget nears the screen, when the page asks for the
// API, once the page has loaded and is idle, or at once with
// data-load="eager". Behaviour only; what it saves is measured by
// bench/throttled.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, engineQuote, repo, snippetScript as printedScript, hostPage, open as openPage, clinicText } from './support.mjs';
import { join } from 'node:path';

let server;
let browser;

const HERO = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><rect width="600" height="300" fill="#8a6d5a"/></svg>';
/** About ten phone screens of a clinic's text. */
const TEXT = clinicText(40);

before(async () => {
  const snippet = await printedScript('/embed/', join(repo, 'dist', 'embed'));
  const long = (attributes) =>
    hostPage(
      `<header><p>Northside Hair Studio</p></header>
      <img id="hero" src="/hero.svg" width="600" height="300" alt="The studio" style="max-width: 100%; height: auto">
      <h1>The look of a fresh buzz cut</h1>
      ${TEXT}
      <div id="widget" data-smp-estimator ${attributes}></div>
      ${snippet}`,
      { title: 'Clinic page' },
    );
  server = await serve(join(repo, 'dist'), {
    '/long.html': { body: long('') },
    '/eager.html': { body: long('data-load="eager"') },
    '/hero.svg': { headers: { 'content-type': 'image/svg+xml' }, body: HERO },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A phone-sized tab at `path`, its `load` event held back (the hero image's answer withheld) until `release()`. */
async function heldOpen(path) {
  const held = [];
  const { tab, errors } = await openPage(browser, 'about:blank', { width: 390, height: 800 });
  await tab.route('**/hero.svg', (route) => held.push(route));
  await tab.goto(new URL(path, server.url).href, { waitUntil: 'domcontentloaded' });
  const release = () => Promise.all(held.map((route) => route.fulfill({ contentType: 'image/svg+xml', body: HERO })));
  return { tab, errors, release };
}

/** The live widget's picker (the loader's static first screen has one too, before the WebAssembly). */
const picker = (tab) => tab.locator('#widget .smp-host:not([data-smp-first-screen]) label:has(input[value="norwood-4"])');

test("on a long page nothing beyond the loader and its static first screen is downloaded before the page's load event; then the widget loads by itself", async () => {
  const { tab, errors } = await openPage(browser, new URL('/long.html', server.url).href, { width: 390, height: 800 });
  // Never scrolled to: the widget arrives because the page has loaded and is idle.
  await picker(tab).waitFor({ state: 'attached' });
  const timing = await tab.evaluate(() => {
    const loaded = performance.getEntriesByType('navigation')[0].loadEventStart;
    const path = (entry) => new URL(entry.name).pathname;
    const resources = performance.getEntriesByType('resource');
    return {
      beforeLoad: resources.filter((entry) => entry.startTime < loaded).map(path).sort(),
      wasm: resources.filter((entry) => path(entry).endsWith('.wasm')).map((entry) => entry.startTime >= loaded),
      scrolled: scrollY,
    };
  });
  // The first screen's markup, and its stylesheet if the markup came in
  // time (the load event does not wait for either).
  const allowed = ['/embed/first-screen/en.html', '/embed/smp-estimator.css', '/embed/smp-estimator.js', '/hero.svg'];
  assert.deepEqual(
    timing.beforeLoad.filter((path) => !allowed.includes(path)),
    [],
    timing.beforeLoad.join(', '),
  );
  assert.ok(timing.beforeLoad.includes('/embed/smp-estimator.js') && timing.beforeLoad.includes('/hero.svg'));
  assert.deepEqual(timing.wasm, [true], 'the WebAssembly was requested once, after the load event');
  assert.equal(timing.scrolled, 0);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('a widget that comes within a screen of the viewport loads before the page has finished loading', async () => {
  const { tab, errors, release } = await heldOpen('/long.html');
  await tab.locator('#widget').scrollIntoViewIfNeeded();
  await picker(tab).waitFor();
  assert.notEqual(await tab.evaluate(() => document.readyState), 'complete', "the page's load event is still held back");
  await release();
  assert.deepEqual(errors, []);
  await tab.close();
});

test('data-load="eager" loads the widget at once, far below the screen', async () => {
  const { tab, errors, release } = await heldOpen('/eager.html');
  await picker(tab).waitFor({ state: 'attached' });
  const state = await tab.evaluate(() => ({ ready: document.readyState, scrolled: scrollY }));
  assert.deepEqual(state, { ready: 'interactive', scrolled: 0 });
  await release();
  assert.deepEqual(errors, []);
  await tab.close();
});

test('the page asking for the API starts the load: estimate() says to wait, ready resolves, estimate() answers', async () => {
  const { tab, errors, release } = await heldOpen('/long.html');
  const answers = await tab.evaluate(async () => {
    let early;
    try {
      window.SmpEstimator.estimate({ pattern: 'norwood-5' }, {});
    } catch (error) {
      early = error.message;
    }
    await window.SmpEstimator.ready;
    return { early, quote: window.SmpEstimator.estimate({ pattern: 'norwood-5' }, {}), ready: document.readyState };
  });
  assert.match(answers.early, /still loading; await ready first/);
  assert.deepEqual(answers.quote, engineQuote({ pattern: 'norwood-5' }));
  assert.equal(answers.ready, 'interactive', "before the page's load event");
  await release();
  assert.deepEqual(errors, []);
  await tab.close();
});
