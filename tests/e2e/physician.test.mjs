// What a physician asks, in the browser: the five questions among the
// further details change the figures and words the engine says they change,
// on the cards, the comparison table and the chart, and the figures are the
// ones smp-quote prints for the same answers (SMP_QUOTE). axe stays clean
// with the questions open, and they are screenshotted at 390 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, engineQuote, money, artifacts, open as openPage, axeViolations, sideways } from './support.mjs';

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

const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

async function open(width, height = 900) {
  return openPage(browser, server.url, { width, height, waitFor: ['.smp-estimator'] });
}

const figure = async (page, name) => plain(await page.locator(`[data-figure="${name}"]`).innerText());

/** What the visitor reads of a quote: cards, table row, chart table, donor line and notes. */
async function shown(page) {
  return {
    grafts: await figure(page, 'transplant-grafts'),
    cost: await figure(page, 'transplant-cost-typical'),
    combined: await figure(page, 'combined-cost-typical'),
    donor: await figure(page, 'transplant-donor'),
    lifetime: plain(await page.locator('tr[data-row="lifetime"]').innerText()),
    chart: plain(await page.locator('.smp-chart-table table').innerText()),
    transplantNotes: plain(await page.locator('.smp-card-transplant').innerText()),
    breakdown: plain(await page.locator('.smp-breakdown').innerText()),
  };
}

test('on Norwood V, fine hair and high contrast change grafts, price, donor text, table and chart as smp-quote does', async () => {
  const { tab: page, errors } = await open(1280);
  await page.click('label:has(input[value="norwood-5"])');
  await page.click('.smp-details > summary');
  await page.click('.smp-breakdown > summary');
  await page.click('.smp-chart-table > summary');
  await page.locator('.smp-chart-table table').waitFor();
  const blank = engineQuote({ pattern: 'norwood-5' });
  const before = await shown(page);
  assert.ok(before.grafts.startsWith(new Intl.NumberFormat('en-US').format(blank.transplant.grafts.typical)));

  await page.click('label:has(input[name$="-calibre"][value="fine"])');
  await page.click('label:has(input[name$="-contrast"][value="high"])');
  const quote = engineQuote({ pattern: 'norwood-5', calibre: 'fine', contrast: 'high' });
  const { transplant, combined, lifetime } = quote;
  // The CLI's figures for the same answers: 3,300 × 1.15 × 1.10 to the nearest 50.
  assert.equal(transplant.grafts.typical, 4200);
  await page.locator(`[data-figure="transplant-cost-typical"]:text-is("${money(transplant.cost.typical)}")`).waitFor();
  const after = await shown(page);
  assert.ok(after.grafts.startsWith('4,200 (usually'), after.grafts);
  assert.equal(after.cost, money(transplant.cost.typical));
  assert.equal(after.combined, money(combined.cost.typical));
  const years = lifetime.years;
  assert.ok(after.lifetime.includes(money(lifetime.transplant[years])), after.lifetime);
  assert.ok(after.chart.includes(money(lifetime.transplant[years])), 'the chart table has the new lifetime cost');
  assert.ok(after.chart.includes(money(lifetime.combined[years])), 'and the combined plan\'s');
  for (const part of ['grafts', 'cost', 'combined', 'lifetime', 'chart']) {
    assert.notEqual(after[part], before[part], `${part} changed`);
  }
  // The donor words: the supply stays about 6,000, and the breakdown says the
  // surgeries and the unchanged supply; the card adds fine hair's second procedure.
  assert.equal(after.donor, plain(transplant.donor_summary.text));
  assert.match(after.breakdown, /2 to 3 surgeries, usually 2/);
  assert.doesNotMatch(before.breakdown, /2 to 3 surgeries/);
  assert.match(after.breakdown, /Fine hair \(under 60 µm\)[^.]*115%[^.]*; the donor supply does not change\./);
  assert.match(after.transplantNotes, /surgeons more often plan a second procedure/);
  assert.doesNotMatch(before.transplantNotes, /second procedure/);

  // "Not sure" is the blank answer: back to the first quote exactly.
  await page.click('label:has(input[name$="-calibre"][value="not-sure"])');
  await page.click('label:has(input[name$="-contrast"][value="not-sure"])');
  await page.locator(`[data-figure="transplant-cost-typical"]:text-is("${money(blank.transplant.cost.typical)}")`).waitFor();
  assert.deepEqual(await shown(page), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the health check and medication change words only', async () => {
  const { tab: page, errors } = await open(1280);
  await page.click('label:has(input[value="norwood-2"])');
  await page.click('.smp-details > summary');
  const before = await figure(page, 'transplant-cost-typical');
  await page.click('label:has(input[name$="-health"][value="keloid"])');
  await page.click('label:has(input[name$="-therapy"][value="not-taking"])');
  const quote = engineQuote({ pattern: 'norwood-2', smp_health: ['keloid'], medical_therapy: 'not-taking' });
  await page.locator('[data-note="therapy-stabilise"]').waitFor();
  assert.equal(await figure(page, 'transplant-cost-typical'), before);
  assert.equal(money(quote.transplant.cost.typical), before);
  assert.match(plain(await page.locator('.smp-card-smp').innerText()), /keloid scars: SMP is strongly advised against/);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const width of [390, 1280]) {
  test(`at ${width} px with the questions answered: axe is clean, nothing scrolls sideways, and the screenshot is saved`, async () => {
    const { tab: page, errors } = await open(width);
    await page.click('label:has(input[value="norwood-5"])');
    await page.click('.smp-details > summary');
    await page.click('label:has(input[name$="-calibre"][value="fine"])');
    await page.click('label:has(input[name$="-technique"][value="unshaven-fue"])');
    await page.click('label:has(input[name$="-health"][value="alopecia-areata"])');
    await page.locator('[data-note="technique-recovery"]').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await sideways(page), 0);
    const details = page.locator('.smp-details');
    await details.screenshot({ path: join(artifacts, `physician-details-${width}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  });
}
