// The demo page's release build in Chromium: a visitor picks a pattern and
// sees the engine's quote; changing the pattern or the area changes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, engineQuote, money, watchErrors, artifacts } from './support.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ').trim();

async function figure(page, name) {
  return plain(await page.locator(`[data-figure="${name}"]`).innerText());
}

async function assertShowsQuote(page, quote) {
  const { smp, transplant } = quote;
  assert.equal(await figure(page, 'smp-cost-typical'), money(smp.cost.typical));
  assert.equal(
    await figure(page, 'smp-cost-range'),
    `${money(smp.cost.min)} – ${money(smp.cost.max)}`,
  );
  assert.equal(
    await figure(page, 'smp-sessions'),
    `${smp.sessions.typical} (usually ${smp.sessions.min} to ${smp.sessions.max})`,
  );
  assert.equal(await figure(page, 'transplant-cost-typical'), money(transplant.cost.typical));
  const grafts = new Intl.NumberFormat('en-US').format(transplant.grafts.typical);
  assert.ok((await figure(page, 'transplant-grafts')).startsWith(`${grafts} (usually`));
}

test('a visitor picks a pattern and sees the quote change', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.locator('.smp-estimator').waitFor();
  assert.match(await page.locator('.smp-results').innerText(), /Choose the pattern closest to yours/);

  await page.click('label:has(input[value="norwood-4"])');
  const norwood4 = engineQuote({ pattern: 'norwood-4' });
  await page.locator('[data-figure="smp-cost-typical"]').waitFor();
  await assertShowsQuote(page, norwood4);

  await page.click('label:has(input[value="norwood-7"])');
  const norwood7 = engineQuote({ pattern: 'norwood-7' });
  assert.notEqual(norwood7.transplant.cost.typical, norwood4.transplant.cost.typical);
  await assertShowsQuote(page, norwood7);
  assert.equal(await page.inputValue('.smp-area-number'), '210');
  await page.screenshot({ path: join(artifacts, 'widget-1280.png'), fullPage: true });

  // Keyboard only: arrow keys move through the radio group.
  await page.focus('input[value="norwood-7"]');
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.isChecked('input[value="ludwig-1"]'));
  await assertShowsQuote(page, engineQuote({ pattern: 'ludwig-1' }));

  assert.deepEqual(errors, []);
  await page.close();
});

test('the visitor can set their own area, and a wrong entry is explained', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.click('label:has(input[value="norwood-3"])');
  await page.fill('.smp-area-number', '150');
  await assertShowsQuote(page, engineQuote({ pattern: 'norwood-3', area_cm2: 150 }));

  await page.fill('.smp-area-number', '2000');
  assert.equal(
    plain(await page.locator('.smp-field-error').innerText()),
    'Treatment area: must be more than 0 and at most 775 (a whole scalp), got 2000',
  );
  assert.equal(await page.inputValue('.smp-area-number'), '2000');
  await assertShowsQuote(page, engineQuote({ pattern: 'norwood-3', area_cm2: 150 }));

  await page.click('text=Use the pattern\'s area');
  await assertShowsQuote(page, engineQuote({ pattern: 'norwood-3' }));

  // No sideways scrolling on a small phone.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.equal(overflow, 0);
  await page.screenshot({ path: join(artifacts, 'widget-360.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
