// The widget's static first screen: the loader shows it (rendered at build
// time from the widget's own components, smp_widget::first_screen) before
// the WebAssembly has loaded, keeps what the visitor does on it, and hands
// over to the live widget without moving anything. Behaviour only: what it
// saves a clinic's page is measured by bench/clinic.mjs. The WebAssembly's
// answer is held back by the test, so "before" is certain, not a race.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  serve,
  launch,
  engineQuote,
  money,
  repo,
  artifacts,
  snippetScript,
  hostPage,
  until,
  axeViolations,
  open as openPage,
  clinicText,
} from './support.mjs';

let server;
let browser;

/** A few screens of a clinic's text above the widget. */
const TEXT = clinicText(12);

before(async () => {
  const snippet = await snippetScript('/embed/', join(repo, 'dist', 'embed'));
  const page = (lang, attributes = '') =>
    hostPage(`<h1>Northside Hair Studio</h1>${TEXT}<div id="widget" data-smp-estimator ${attributes}></div>${TEXT}${snippet}`, { lang });
  server = await serve(join(repo, 'dist'), {
    '/clinic.html': { body: page('en') },
    '/clinic-ar.html': { body: page('ar') },
    // The widget four screens down: well outside the half screen around
    // the viewport in which the browser lays out what it would skip.
    '/far.html': {
      body: hostPage(`<h1>Northside Hair Studio</h1>${clinicText(40)}<div id="widget" data-smp-estimator></div>${TEXT}${snippet}`),
    },
  });
  browser = await launch();
  await mkdir(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ').trim();
const screen = '#widget .smp-host[data-smp-first-screen]';
const live = '#widget .smp-host:not([data-smp-first-screen])';

/**
 * A tab at `path` whose WebAssembly is held back until `release()`, scrolled
 * to the widget, with the static first screen on screen.
 */
async function withWasmHeld(path, { width = 390, height = 800 } = {}) {
  const held = [];
  let released = false;
  const { tab, errors } = await openPage(browser, 'about:blank', { width, height });
  await tab.route('**/*.wasm', (route) => (released ? route.continue() : held.push(route)));
  await tab.goto(new URL(path, server.url).href);
  await tab.locator('#widget').scrollIntoViewIfNeeded();
  await tab.locator(`${screen} .smp-title`).waitFor({ state: 'visible' });
  const release = async () => {
    released = true;
    await Promise.all(held.map((route) => route.continue()));
  };
  return { tab, errors, release, held };
}

/** The focused element's tag and what identifies it, inside the widget's shadow root. */
const focused = (tab) =>
  tab.evaluate(() => {
    const active = document.querySelector('#widget').shadowRoot.activeElement;
    return active && { tag: active.localName, value: active.value, text: active.textContent, live: !active.closest('[data-smp-first-screen]') };
  });

/** Where the widget and its parts are on the page, in CSS pixels. */
const boxes = (tab) =>
  tab.evaluate(() => {
    const root = document.querySelector('#widget');
    const visible = (selector) =>
      [...root.shadowRoot.querySelectorAll(selector)].find((node) => node.getClientRects().length > 0);
    const box = (node) => {
      const { x, y, width, height } = node.getBoundingClientRect();
      return { x, y: y + scrollY, width, height };
    };
    return {
      widget: box(root),
      title: box(visible('.smp-title')),
      groups: box(visible('.smp-groups')),
      choices: box(visible('.smp-choices')),
      summary: box(visible('summary')),
      hint: box(visible('.smp-hint')),
    };
  });

test('a tap on the static picker before the WebAssembly has loaded gets its answer on that screen first, scrolled into view, where the live widget keeps it', async () => {
  const { tab, errors, release, held } = await withWasmHeld('/clinic.html');
  assert.equal(held.length, 1, 'the WebAssembly was asked for (the widget is on screen) and is held back');
  const norwood4 = tab.locator(`${screen} label:has(input[value="norwood-4"])`);
  await norwood4.click();
  assert.equal(await norwood4.locator('input').isChecked(), true);
  // The static screen says what was picked, and no figure is made up.
  const description = await norwood4.locator('.smp-visually-hidden').textContent();
  assert.equal(plain(await tab.locator(`${screen} .smp-picker:not([hidden]) .smp-choice-description`).innerText()), description);
  assert.equal(await tab.locator('#widget [data-figure="smp-cost-typical"]').count(), 0);
  // Word that the estimate is coming, for the eye and for a screen reader.
  const english = JSON.parse(await readFile(join(repo, 'i18n', 'en.json'), 'utf8'));
  assert.equal(plain(await tab.locator(`${screen} .smp-hint`).innerText()), english['hint-estimate-coming']);
  assert.equal(await tab.locator(`${screen} [aria-live]`).textContent(), english['hint-estimate-coming']);
  // Every SMP price the answer shows from here on: its text, whether on
  // the static screen, and where on the page.
  await tab.evaluate(() => {
    const root = document.querySelector('#widget').shadowRoot;
    window.answers = [];
    const look = () => {
      const price = root.querySelector('[data-figure="answer-smp"]');
      if (!price || !/\d/.test(price.textContent)) return;
      const seen = { text: price.textContent, onStatic: Boolean(price.closest('[data-smp-first-screen]')) };
      const last = window.answers.at(-1);
      if (last && last.text === seen.text && last.onStatic === seen.onStatic) return;
      window.answers.push({ ...seen, y: Math.round(price.getBoundingClientRect().top + scrollY) });
    };
    new MutationObserver(look).observe(root, { subtree: true, childList: true, characterData: true });
  });
  await release();
  const quote = engineQuote({ pattern: 'norwood-4' });
  const price = tab.locator('#widget [data-figure="smp-cost-typical"]').first();
  await price.waitFor();
  assert.equal(plain(await price.innerText()), money(quote.smp.cost.typical));
  assert.equal(await tab.locator(screen).count(), 0, 'the static screen is gone');
  assert.equal(await tab.locator(`${live} input[value="norwood-4"]`).isChecked(), true);
  // The engine's answer came on the static screen, before the live widget
  // took its place, and the live widget showed the same at the same spot.
  const answers = await tab.evaluate(() => window.answers);
  assert.deepEqual(
    answers.map(({ text, onStatic }) => [plain(text), onStatic]),
    [
      [money(quote.smp.cost.typical), true],
      [money(quote.smp.cost.typical), false],
    ],
  );
  assert.equal(answers[1].y, answers[0].y, 'the answer did not move at the takeover');
  // The answer scrolls into view as after any pick.
  await until('the answer in view', () =>
    tab.evaluate(() => {
      const answer = document.querySelector('#widget').shadowRoot.querySelector('.smp-answer');
      const { top, bottom } = answer.getBoundingClientRect();
      return top >= 0 && bottom <= innerHeight;
    }),
  );
  assert.deepEqual(errors, []);
  await tab.close();
});

test('when the live widget takes over nothing moves, and focus stays on the group button the visitor pressed', async () => {
  for (const width of [390, 1280]) {
    const { tab, errors, release } = await withWasmHeld('/clinic.html', { width, height: 900 });
    await tab.evaluate(() => {
      window.shifts = [];
      new PerformanceObserver((list) => window.shifts.push(...list.getEntries())).observe({
        type: 'layout-shift',
      });
    });
    // The women's pictures, by keyboard: to the group switch's second button, then Enter.
    await tab.locator(`${screen} .smp-picker:not([hidden]) .smp-group-button`).first().focus();
    await tab.keyboard.press('Tab');
    assert.equal((await focused(tab)).text, 'Women');
    await tab.keyboard.press('Enter');
    assert.equal(await tab.locator(`${screen} input[value="ludwig-1"]`).isVisible(), true);
    assert.deepEqual(await focused(tab), { tag: 'button', value: '', text: 'Women', live: false });
    await tab.screenshot({ path: join(artifacts, `first-screen-${width}.png`) });
    // Past the group switch's own shift (the women's pictures are fewer),
    // so that any shift from here on is the takeover's.
    await tab.waitForTimeout(600);
    const before = await boxes(tab);
    const released = await tab.evaluate(() => performance.now());
    await release();
    await tab.locator(screen).waitFor({ state: 'detached' });
    const after = await boxes(tab);
    assert.deepEqual(after, before, `at ${width} px`);
    assert.equal(await tab.locator(`${live} input[value="ludwig-1"]`).isVisible(), true);
    assert.deepEqual(await focused(tab), { tag: 'button', value: '', text: 'Women', live: true });
    assert.equal(await tab.locator(`${live} .smp-group-button[aria-pressed="true"]`).innerText(), 'Women');
    const shifts = await tab.evaluate((since) => window.shifts.filter((shift) => shift.startTime >= since).map((shift) => [shift.value, shift.startTime - since, shift.hadRecentInput, shift.sources.map((s) => `${s.node?.nodeName}.${s.node?.className} ${s.previousRect.y}->${s.currentRect.y} h${s.previousRect.height}->${s.currentRect.height}`)]), released);
    assert.deepEqual(shifts, [], 'no layout shift at the takeover');
    assert.deepEqual(errors, []);
    await tab.close();
  }
});

test('the static radios work with the keyboard, and the live widget answers the pattern chosen with them', async () => {
  const { tab, errors, release } = await withWasmHeld('/clinic.html');
  await tab.locator(`${screen} input[value="norwood-1"]`).focus();
  await tab.keyboard.press('ArrowRight');
  await tab.keyboard.press('ArrowRight');
  assert.equal(await tab.locator(`${screen} input[value="norwood-2a"]`).isChecked(), true);
  await release();
  const price = tab.locator('#widget [data-figure="smp-cost-typical"]').first();
  await price.waitFor();
  assert.equal(plain(await price.innerText()), money(engineQuote({ pattern: 'norwood-2a' }).smp.cost.typical));
  assert.deepEqual(await focused(tab), { tag: 'input', value: 'norwood-2a', text: '', live: true });
  assert.deepEqual(errors, []);
  await tab.close();
});

test('further details opened on the static screen are open on the live widget, with their fields', async () => {
  const { tab, errors, release } = await withWasmHeld('/clinic.html');
  await tab.locator(`${screen} .smp-details > summary`).click();
  assert.equal(await tab.locator(`${screen} .smp-details`).getAttribute('open'), '');
  await release();
  await tab.locator(screen).waitFor({ state: 'detached' });
  assert.equal(await tab.locator(`${live} .smp-details`).getAttribute('open'), '');
  // The fields come with the opening (they are not drawn before it).
  await tab.locator(`${live} .smp-details-body input[value="poor"]`).waitFor();
  await tab.locator(`${live} label.smp-option:has(input[value="poor"])`).click();
  await tab.locator(`${live} label:has(input[value="norwood-4"])`).click();
  const price = tab.locator(`${live} [data-figure="smp-cost-typical"]`).first();
  await until('the engine\'s figure', async () => plain(await price.innerText()) === money(engineQuote({ pattern: 'norwood-4', donor: 'poor' }).smp.cost.typical));
  assert.deepEqual(errors, []);
  await tab.close();
});

test('the static first screen is in the page language, right to left in Arabic, and passes axe', async () => {
  const { tab, errors, release } = await withWasmHeld('/clinic-ar.html', { width: 390, height: 800 });
  const arabic = JSON.parse(await readFile(join(repo, 'i18n', 'ar.json'), 'utf8'));
  assert.equal(await tab.locator(`${screen} .smp-title`).innerText(), arabic['widget-title']);
  assert.equal(await tab.locator(`${screen} section`).getAttribute('dir'), 'rtl');
  assert.deepEqual(await axeViolations(tab), []);
  await tab.screenshot({ path: join(artifacts, 'first-screen-ar-390.png') });
  await release();
  await tab.locator(screen).waitFor({ state: 'detached' });
  assert.equal(await tab.locator(`${live} .smp-title`).innerText(), arabic['widget-title']);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('a WebAssembly that cannot load takes the static picker away rather than leave one that never answers', async () => {
  const held = [];
  const { tab: page, errors } = await openPage(browser, 'about:blank', { width: 390, height: 800 });
  await page.route('**/*.wasm', (route) => held.push(route));
  await page.goto(new URL('/clinic.html', server.url).href);
  await page.locator('#widget').scrollIntoViewIfNeeded();
  await page.locator(`${screen} .smp-title`).waitFor({ state: 'visible' });
  await Promise.all(held.map((route) => route.abort()));
  await page.locator(screen).waitFor({ state: 'detached' });
  assert.ok(errors.some((error) => error.includes('SMP estimator could not start')), errors.join('\n'));
  await page.close();
});

test('far below the viewport, the page keeps its height from the first byte to the live widget, which is drawn when the visitor comes near', async () => {
  const { tab: page, errors } = await openPage(browser, 'about:blank', { width: 390, height: 800 });
  const stylesheets = [];
  page.on('request', (request) => request.url().endsWith('/smp-estimator.css') && stylesheets.push(request.url()));
  const heights = [];
  const height = () => page.evaluate(() => document.documentElement.scrollHeight);
  await page.route('**/first-screen/*.html', async (route) => {
    // Before the first screen has come: the element's reservation alone.
    heights.push(['reserved', await height()]);
    await route.continue();
  });
  // The WebAssembly waits until the static screen has been measured.
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(new URL('/far.html', server.url).href);
  await page.locator(`${screen}:not([hidden])`).waitFor({ state: 'attached' });
  heights.push(['static', await height()]);
  release();
  // The idle page loads the WebAssembly; the live widget takes over off screen.
  await page.locator(`${live} .smp-title`).waitFor({ state: 'attached', timeout: 20_000 });
  heights.push(['live, off screen', await height()]);
  const style = () => page.evaluate(() => document.querySelector('#widget').shadowRoot.querySelector('.smp-host').style.contentVisibility);
  assert.equal(await style(), 'auto', 'off screen, the live widget is not laid out yet');
  const [first] = heights;
  for (const [when, value] of heights) {
    // Within a few pixels: the reservation is the first screen's height at 390 px, rounded.
    assert.ok(Math.abs(value - first[1]) <= 4, `${when}: ${value} px against ${first[1]} reserved (${JSON.stringify(heights)})`);
  }
  // The visitor scrolls to it: drawn, an ordinary element again, answering.
  await page.locator('#widget').scrollIntoViewIfNeeded();
  await until('the live widget drawn', async () => (await style()) === '');
  await page.locator(`${live} label:has(input[value="norwood-4"])`).click();
  const quote = engineQuote({ pattern: 'norwood-4' });
  await until('the answer', async () => plain(await page.locator(`${live} [data-figure="answer-smp"]`).innerText().catch(() => '')) === money(quote.smp.cost.typical));
  // One stylesheet for both: the live widget shares the first screen's.
  assert.equal(stylesheets.length, 1, stylesheets.join(', '));
  assert.deepEqual(errors, []);
  await page.close();
});
