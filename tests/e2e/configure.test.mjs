// The clinic's setup page (dist/embed/configure.html), used as a clinic
// owner would: a market's published prices fill the form, a changed price
// reaches the price sheet and the preview, a wrong entry shows the engine's
// own message by its field and stays as typed, the code it gives works when
// pasted into a blank page (and as an iframe with the downloaded settings
// file), the form survives a reload, and axe-core and a strict CSP find
// nothing. Expected figures come from the engine in the page (`priceSheet`,
// `checkSettings`), never from a formula here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, money, watchErrors, repo, artifacts, hostPage, axeViolations, sideways } from './support.mjs';

const dist = join(repo, 'dist');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const SETUP = '/embed/configure.html';
let server;
let browser;
/** The test's own host pages, added as the tests produce their code. */
const pages = {};

before(async () => {
  pages['/embed/strict.html'] = {
    headers: { 'content-security-policy': CSP },
    body: await readFile(join(dist, 'embed', 'configure.html')),
  };
  server = await serve(dist, pages);
  browser = await launch();
  await mkdir(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Text in the page or in a widget's shadow root, with plain spaces. */
function installTextReader() {
  window.__text = (host, selector) => {
    const root = host ? document.querySelector(host)?.shadowRoot : document;
    const element = root?.querySelector(selector);
    return element ? element.textContent.replace(/[\u00a0\u202f]/g, ' ').trim() : null;
  };
}

/** A tab of its own (a fresh browser context) or, given one, in `context`. */
async function newTab(context = null, width = 1280) {
  const viewport = { width, height: 900 };
  const tab = context ? await context.newPage() : await browser.newPage({ viewport });
  if (context) await tab.setViewportSize(viewport);
  await tab.addInitScript(installTextReader);
  return { tab, errors: watchErrors(tab) };
}

/** The setup page, once it shows the engine's price sheet and preview. */
async function openSetup(context = null, width = 1280, path = SETUP) {
  const { tab, errors } = await newTab(context, width);
  await tab.goto(new URL(path, server.url).href);
  await tab.locator('#sheet-body tr[data-pattern="norwood-4"]').waitFor();
  await tab.locator('#setup-preview [data-figure="smp-cost-typical"]').waitFor();
  return { tab, errors };
}

/**
 * Waits for `selector` (inside `host`'s shadow root if given) to read
 * `expected`, and fails there, with what it reads, if it does not.
 */
async function waitForText(tab, host, selector, expected) {
  await tab
    .waitForFunction(([h, s, e]) => window.__text(h, s) === e, [host, selector, expected], { timeout: 10_000 })
    .catch(async (error) => {
      const seen = await tab.evaluate(([h, s]) => window.__text(h, s), [host, selector]);
      assert.fail(`${host ?? ''} ${selector} reads ${JSON.stringify(seen)}, not ${JSON.stringify(expected)} (${error.message.split('\n')[0]})`);
    });
}

const sheetCell = (pattern, column) =>
  `#sheet-body tr[data-pattern="${pattern}"] [data-column="${column}"] [data-part="typical"]`;

/** Runs `body(smp, arg)` in the page with the same engine module the setup page uses. */
function withEngine(tab, body, arg) {
  return tab.evaluate(
    async ([source, arg]) => {
      const smp = await import('/embed/smp-estimator-setup.js');
      await smp.ready;
      return new Function('smp', 'arg', `return (${source})(smp, arg);`)(smp, arg);
    },
    [body.toString(), arg],
  );
}

/** The problem messages an input is described by. */
function problemsOf(tab, selector) {
  return tab.evaluate((selector) => {
    const input = document.querySelector(selector);
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return {
      invalid: input.getAttribute('aria-invalid'),
      value: input.value,
      messages: ids
        .map((id) => document.getElementById(id))
        .filter((element) => element?.classList.contains('problem') && !element.hidden)
        .map((element) => element.textContent),
    };
  }, selector);
}

/** The engine's message as the page shows it: a sentence. */
const shown = (message) => `${message[0].toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`;

test('the UK preset fills the form with its sources and per-session price; a band price of the euro preset reaches the price sheet and the preview', async () => {
  const { tab, errors } = await newTab();
  const requested = [];
  tab.on('request', (request) => requested.push(request.url()));
  await tab.goto(new URL(SETUP, server.url).href);
  await tab.locator('#setup-preview [data-figure="smp-cost-typical"]').waitFor();

  const [uk, euro] = await withEngine(tab, (smp) =>
    ['uk', 'euro'].map((id) => smp.markets().find((market) => market.id === id)),
  );
  // Choosing a market fills in its prices at once, with nothing else to press.
  await tab.selectOption('#market', 'uk');
  assert.deepEqual(await tab.locator('#market-sources li').allInnerTexts(), uk.sources);
  assert.equal(await tab.inputValue('#f-currency'), 'GBP');
  assert.equal(await tab.inputValue('#f-locale'), 'en-GB');
  // UK clinics quote SMP per session (£500–2,000 a session at many of
  // them): no bands, a session price.
  assert.equal(uk.settings.smp.bands.length, 0);
  assert.equal(await tab.inputValue('#f-smp-price_per_session'), String(uk.settings.smp.price_per_session));
  assert.equal(await tab.inputValue('#f-transplant-minimum_fee'), String(uk.settings.transplant.minimum_fee));
  assert.match(await tab.locator('#money-example').innerText(), /£2,800/);
  const ukSheet = await withEngine(tab, (smp, settings) => smp.priceSheet(settings), uk.settings);
  // The setup module puts its API on window.SmpEstimator too, for clinics' own tools.
  assert.deepEqual(await withEngine(tab, (smp, settings) => window.SmpEstimator.priceSheet(settings), uk.settings), ukSheet);
  const ukNorwood4 = ukSheet.find((quote) => quote.input.pattern === 'norwood-4');
  await waitForText(tab, null, sheetCell('norwood-4', 'transplant-cost'), money(ukNorwood4.transplant.cost.typical, 'en-GB', 'GBP'));

  await tab.selectOption('#market', 'euro');
  assert.equal(await tab.locator('#bands-body tr[data-field]').count(), euro.settings.smp.bands.length);
  assert.equal(await tab.inputValue('#band-1-typical'), String(euro.settings.smp.bands[1].price.typical));

  // The engine says which patterns a change to the second band moves.
  const changed = { ...euro.settings, smp: { ...euro.settings.smp, bands: structuredClone(euro.settings.smp.bands) } };
  const raised = euro.settings.smp.bands[1].price.typical + 200;
  changed.smp.bands[1].price.typical = raised;
  const { before: was, after: now, moved } = await withEngine(
    tab,
    (smp, [original, changed]) => {
      const typical = (settings) =>
        Object.fromEntries(smp.priceSheet(settings).map((quote) => [quote.input.pattern, quote.smp.cost.typical]));
      const before = typical(original);
      const after = typical(changed);
      return { before, after, moved: Object.keys(after).filter((id) => after[id] !== before[id]) };
    },
    [euro.settings, changed],
  );
  const locale = euro.settings.locale;
  assert.ok(moved.includes('norwood-4'), `the second band prices Norwood IV (moved: ${moved})`);
  await waitForText(tab, null, sheetCell('norwood-4', 'smp-cost'), money(was['norwood-4'], locale, 'EUR'));
  await waitForText(tab, '#setup-preview', '[data-figure="smp-cost-typical"]', money(was['norwood-4'], locale, 'EUR'));

  await tab.fill('#band-1-typical', String(raised));
  await waitForText(tab, null, sheetCell('norwood-4', 'smp-cost'), money(now['norwood-4'], locale, 'EUR'));
  await waitForText(tab, '#setup-preview', '[data-figure="smp-cost-typical"]', money(now['norwood-4'], locale, 'EUR'));
  for (const pattern of moved) {
    await waitForText(tab, null, sheetCell(pattern, 'smp-cost'), money(now[pattern], locale, 'EUR'));
  }

  // Nothing is requested but the page's own files, from this folder.
  await tab.waitForLoadState('networkidle');
  assert.deepEqual(
    [...new Set(requested)].filter((url) => !url.endsWith('/favicon.ico')).sort(),
    [
      'configure-disk.js', 'configure.css', 'configure.html', 'configure.js', 'integrity.json',
      'smp-estimator-setup.js', 'smp-estimator-setup_bg.wasm', 'smp-estimator.css',
    ].map((file) => new URL(`/embed/${file}`, server.url).href),
  );
  assert.deepEqual(errors, []);
  await tab.close();
});

test("a wrong entry shows the engine's message by its field, keeps what was typed, and the figures say they are not updated", async () => {
  const { tab, errors } = await openSetup();
  const figureBefore = await tab.evaluate((s) => window.__text(null, s), sheetCell('norwood-4', 'smp-cost'));

  const expected = await withEngine(tab, (smp) => {
    const settings = smp.checkSettings({}).settings;
    settings.booking_url = 'javascript:alert(1)';
    settings.smp.minimum_fee = '12O0';
    settings.smp.bands[1].price.min = 9999;
    return smp.checkSettings(settings).problems;
  });
  await tab.fill('#f-booking_url', 'javascript:alert(1)');
  await tab.fill('#f-smp-minimum_fee', '12O0');
  await tab.fill('#band-1-min', '9999');
  await tab.waitForFunction((count) => document.querySelectorAll('#problem-summary-list li').length === count, expected.length);
  const message = (field) => expected.find((problem) => problem.field === field)?.message;
  assert.ok(message('booking_url') && message('smp.minimum_fee') && message('smp.bands[1].price'), JSON.stringify(expected));

  assert.deepEqual(await problemsOf(tab, '#f-booking_url'), {
    invalid: 'true',
    value: 'javascript:alert(1)',
    messages: [shown(message('booking_url'))],
  });
  assert.deepEqual(await problemsOf(tab, '#f-smp-minimum_fee'), {
    invalid: 'true',
    value: '12O0',
    messages: [shown(message('smp.minimum_fee'))],
  });
  // A band's range problem is shown under that band's row.
  const band = await problemsOf(tab, '#band-1-min');
  assert.equal(band.invalid, 'true');
  assert.equal(band.value, '9999');
  assert.ok(band.messages[0].includes(shown(message('smp.bands[1].price'))), band.messages[0]);
  // Every problem is listed at the top too.
  const summary = await tab.locator('#problem-summary-list li').allInnerTexts();
  assert.equal(summary.length, expected.length, summary.join('\n'));

  // The figures keep the last valid settings, and say so.
  assert.match(await tab.locator('#results-status').innerText(), /Not updated/);
  assert.equal(await tab.evaluate((s) => window.__text(null, s), sheetCell('norwood-4', 'smp-cost')), figureBefore);
  assert.equal(await tab.locator('#embed-stale').isVisible(), true);

  // Fixed, the message goes and the figures are current again.
  await tab.fill('#f-booking_url', 'https://clinic.example/book');
  await tab.fill('#f-smp-minimum_fee', '1000');
  await tab.fill('#band-1-min', '2000');
  await tab.locator('#problem-summary').waitFor({ state: 'hidden' });
  assert.equal(await tab.getAttribute('#f-booking_url', 'aria-invalid'), null);
  assert.match(await tab.locator('#results-status').innerText(), /as they are now/);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('the copied code, pasted into a blank page, gives the same figures; so does the iframe code with the downloaded settings', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const { tab, errors } = await openSetup(context);
  await tab.selectOption('#market', 'euro');
  // A name that would end an inline <script> early if it were not escaped.
  const name = 'Haar & Co </script><script>window.__pwned = 1</script>';
  await tab.fill('#f-clinic_name', name);
  await tab.fill('#band-1-typical', '1800');
  // The preview has restarted with these settings (and the sheet with it).
  await tab.waitForFunction((name) => window.__text('#setup-preview', '.smp-disclaimer')?.includes(name), name);
  const sheet = {};
  for (const column of ['smp-cost', 'transplant-cost']) {
    sheet[column] = await tab.evaluate((s) => window.__text(null, s), sheetCell('norwood-4', column));
  }
  // The sheet and the preview agree before anything is pasted.
  await waitForText(tab, '#setup-preview', '[data-figure="smp-cost-typical"]', sheet['smp-cost']);
  await waitForText(tab, '#setup-preview', '[data-figure="transplant-cost-typical"]', sheet['transplant-cost']);
  assert.ok(sheet['smp-cost'].includes('€'), sheet['smp-cost']);

  await tab.click('[data-copy="snippet-div"]');
  const snippet = await tab.inputValue('#snippet-div');
  assert.equal(await tab.evaluate(() => navigator.clipboard.readText()), snippet);
  assert.match(snippet, /^<div data-smp-estimator>\n {2}<script type="application\/json">/);
  assert.ok(!snippet.includes('</script><script>'), 'the inline settings cannot end their script element');
  assert.match(snippet, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/embed\/smp-estimator\.js" integrity="sha384-[^"]+" crossorigin="anonymous"><\/script>$/);

  const [download] = await Promise.all([tab.waitForEvent('download'), tab.click('#export-again')]);
  assert.equal(download.suggestedFilename(), 'smp-settings.json');
  pages['/embed/smp-settings.json'] = {
    headers: { 'content-type': 'application/json' },
    body: await readFile(await download.path()),
  };
  await tab.check('#config-file');
  const fileSnippet = await tab.inputValue('#snippet-div');
  assert.match(fileSnippet, /^<div data-smp-estimator data-config-url="http:\/\/127\.0\.0\.1:\d+\/embed\/smp-settings\.json"><\/div>\n<script type="module"/);
  const frameSnippet = await tab.inputValue('#snippet-frame');
  assert.match(frameSnippet, /src="http:\/\/127\.0\.0\.1:\d+\/embed\/frame\.html\?config-url=smp-settings\.json"/);
  assert.match(frameSnippet, /<script src="[^"]+\/embed\/frame-host\.js"><\/script>$/);
  const elementSnippet = await tab.inputValue('#snippet-element');
  assert.match(elementSnippet, /^<smp-estimator data-config-url="[^"]+\/embed\/smp-settings\.json"><\/smp-estimator>\n<script type="module"/);
  pages['/pasted.html'] = { body: hostPage(snippet) };
  pages['/pasted-file.html'] = { body: hostPage(fileSnippet) };
  pages['/pasted-element.html'] = { body: hostPage(elementSnippet) };
  pages['/pasted-frame.html'] = { body: hostPage(frameSnippet) };

  for (const [path, widget] of [
    ['/pasted.html', '[data-smp-estimator]'],
    ['/pasted-file.html', '[data-smp-estimator]'],
    ['/pasted-element.html', 'smp-estimator'],
  ]) {
    const { tab: host, errors: hostErrors } = await newTab(context);
    await host.goto(new URL(path, server.url).href);
    await host.click('label:has(input[value="norwood-4"])');
    await waitForText(host, widget, '[data-figure="smp-cost-typical"]', sheet['smp-cost']);
    await waitForText(host, widget, '[data-figure="transplant-cost-typical"]', sheet['transplant-cost']);
    assert.ok((await host.evaluate((w) => window.__text(w, '.smp-disclaimer'), widget)).includes(name), path);
    assert.equal(await host.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(hostErrors, [], path);
    await host.close();
  }

  const { tab: framed, errors: framedErrors } = await newTab(context);
  await framed.goto(new URL('/pasted-frame.html', server.url).href);
  const frame = framed.frameLocator('iframe[data-smp-estimator-frame]');
  await frame.locator('label:has(input[value="norwood-4"])').click();
  const price = frame.locator('[data-figure="smp-cost-typical"]');
  await price.waitFor();
  assert.equal((await price.innerText()).replace(/[\u00a0\u202f]/g, ' '), sheet['smp-cost']);
  assert.deepEqual(framedErrors, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the form survives a reload; "Start again from a preset" clears it', async () => {
  const context = await browser.newContext();
  const { tab, errors } = await openSetup(context);
  await tab.fill('#f-clinic_name', 'Northside Hair Studio');
  await tab.check('#pricing-session');
  await tab.fill('#f-smp-price_per_session', '900');
  await tab.check('#financing-on');
  await tab.fill('#f-financing-terms_months', '12, 24, 36');
  await tab.check('#lead-on');
  await tab.fill('#f-lead-email', 'hello@northside-hair.example');
  await tab.check('#config-file');
  await tab.locator('#results-status:has-text("as they are now")').waitFor();
  const expected = await withEngine(tab, (smp) => {
    const settings = smp.checkSettings({}).settings;
    settings.smp.bands = [];
    settings.smp.price_per_session = 900;
    return smp.priceSheet(settings).find((quote) => quote.input.pattern === 'norwood-4').smp.cost.typical;
  });
  await waitForText(tab, null, sheetCell('norwood-4', 'smp-cost'), money(expected));
  const sheetBefore = await tab.locator('#sheet-body').innerText();

  await tab.reload();
  await tab.locator('#setup-preview [data-figure="smp-cost-typical"]').waitFor();
  assert.equal(await tab.inputValue('#f-clinic_name'), 'Northside Hair Studio');
  assert.equal(await tab.isChecked('#pricing-session'), true);
  assert.equal(await tab.isVisible('#bands-section'), false);
  assert.equal(await tab.inputValue('#f-smp-price_per_session'), '900');
  assert.equal(await tab.inputValue('#f-financing-terms_months'), '12, 24, 36');
  assert.equal(await tab.inputValue('#f-lead-email'), 'hello@northside-hair.example');
  assert.equal(await tab.isChecked('#config-file'), true);
  assert.equal(await tab.locator('#sheet-body').innerText(), sheetBefore);
  await waitForText(tab, '#setup-preview', '[data-figure="smp-cost-typical"]', money(expected));
  assert.ok(await tab.evaluate(() => localStorage.getItem('smp-estimator:setup')));

  await tab.click('button:has-text("Start again from a preset")');
  assert.equal(await tab.inputValue('#f-clinic_name'), 'Our clinic');
  assert.equal(await tab.evaluate(() => localStorage.getItem('smp-estimator:setup')), null);
  await tab.reload();
  await tab.locator('#setup-preview [data-figure="smp-cost-typical"]').waitFor();
  assert.equal(await tab.inputValue('#f-clinic_name'), 'Our clinic');
  assert.equal(await tab.isChecked('#pricing-bands'), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pasted settings file fills the form; what the engine refuses is shown by its field or listed', async () => {
  const { tab, errors } = await openSetup();
  const file = { currency: 'GBP', locale: 'en-GB', smp: { minimum_fee: 'cheap' }, colours: {} };
  const expected = await withEngine(tab, (smp, file) => smp.checkSettings(file).problems, file);
  await tab.click('summary:has-text("Load or save a settings file")');
  await tab.fill('#import-text', JSON.stringify(file));
  await tab.click('button:has-text("Load the pasted settings")');
  assert.equal(await tab.inputValue('#f-currency'), 'GBP');
  assert.deepEqual(await problemsOf(tab, '#f-smp-minimum_fee'), {
    invalid: 'true',
    value: 'cheap',
    messages: [shown(expected.find((p) => p.field === 'smp.minimum_fee').message)],
  });
  const unknown = expected.find((p) => p.field === 'colours');
  assert.ok((await tab.locator('#import-status').innerText()).includes(`colours: ${unknown.message}`));
  await tab.fill('#import-text', '{"currency": ');
  await tab.click('button:has-text("Load the pasted settings")');
  assert.match(await tab.locator('#import-status').innerText(), /not valid JSON/);
  assert.equal(await tab.inputValue('#f-currency'), 'GBP', 'bad JSON changes nothing');

  // A clinic's own wording has no fields here: it is kept through to the
  // code, and the preview shows it in that language.
  const messages = { de: { 'widget-title': 'Ihr Kostenvoranschlag' } };
  await tab.fill('#import-text', JSON.stringify({ currency: 'EUR', messages }));
  await tab.click('button:has-text("Load the pasted settings")');
  assert.match(await tab.locator('#import-status').innerText(), /rewords messages in de \(1\)/);
  await tab.selectOption('#preview-lang', 'de');
  await waitForText(tab, '#setup-preview', '.smp-title', 'Ihr Kostenvoranschlag');
  const snippet = await tab.inputValue('#snippet-div');
  assert.match(snippet, /"messages":\s*\{\s*"de":\s*\{\s*"widget-title":\s*"Ihr Kostenvoranschlag"/);
  await tab.selectOption('#preview-lang', 'ar');
  await tab.waitForFunction(() => document.querySelector('#setup-preview')?.shadowRoot?.querySelector('.smp-estimator[dir=rtl]'));
  assert.deepEqual(errors, []);
  await tab.close();
});

for (const width of [360, 1280]) {
  test(`at ${width} px: axe finds no violations, with and without problems, and the screenshot is saved`, async () => {
    const { tab, errors } = await openSetup(null, width);
    assert.deepEqual(await axeViolations(tab), []);
    assert.equal(await sideways(tab), 0, 'no sideways scrolling');
    await tab.screenshot({ path: join(artifacts, `configure-${width}.png`), fullPage: true });
    await tab.check('#lead-on');
    await tab.check('#financing-on');
    await tab.fill('#f-lead-email', 'not an address');
    await tab.fill('#band-0-max', '1');
    await tab.locator('#problem-summary:not([hidden])').waitFor();
    assert.deepEqual(await axeViolations(tab), []);
    assert.deepEqual(errors, []);
    await tab.close();
  });
}

test('it runs under a strict Content-Security-Policy sent as a header', async () => {
  const { tab, errors } = await newTab();
  const violations = [];
  await tab.exposeFunction('reportViolation', (v) => violations.push(v));
  await tab.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
  );
  await tab.goto(new URL('/embed/strict.html', server.url).href);
  await tab.locator('#setup-preview [data-figure="smp-cost-typical"]').waitFor();
  await tab.fill('#f-theme-accent', '#7a1f5c');
  await tab.locator('#results-status:has-text("as they are now")').waitFor();
  // The clinic's accent reaches the preview without an inline style.
  await tab.waitForFunction(() => {
    const card = document.querySelector('#setup-preview')?.shadowRoot?.querySelector('.smp-card-smp');
    return card && getComputedStyle(card).borderTopColor === 'rgb(122, 31, 92)';
  });
  await tab.click('[data-copy="snippet-div"]');
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('opened from disk (file://) it says what to do instead of loading forever', async () => {
  const { tab } = await newTab(null, 390);
  await tab.goto(pathToFileURL(join(dist, 'embed', 'configure.html')).href);
  const status = tab.locator('#page-status');
  await tab.waitForFunction(() => !document.getElementById('page-status').textContent.includes('Loading'));
  const text = await status.innerText();
  assert.match(text, /cannot run from your computer’s disk/);
  assert.match(text, /WordPress/);
  assert.equal(await tab.locator('.layout').isVisible(), false, 'the form that cannot work is hidden');
  // The first step, putting the folder on a site, is what it points to.
  const host = await tab.locator('#host-step').innerText();
  for (const option of ['file manager or FTP', 'WordPress', 'Netlify', 'Cloudflare Pages', 'GitHub Pages', 'npm CDN']) {
    assert.ok(host.includes(option), option);
  }
  await tab.screenshot({ path: join(artifacts, 'configure-file-390.png') });
  await tab.close();
});

test('choosing a market fills in its prices at once, and "Undo" puts back what was typed', async () => {
  const { tab, errors } = await openSetup();
  const uk = await withEngine(tab, (smp) => smp.markets().find((market) => market.id === 'uk'));
  await tab.fill('#f-clinic_name', 'Northside Hair Studio');
  await tab.fill('#f-transplant-minimum_fee', '4321');
  await tab.selectOption('#market', 'uk');
  assert.equal(await tab.inputValue('#f-currency'), 'GBP');
  assert.equal(await tab.inputValue('#f-transplant-minimum_fee'), String(uk.settings.transplant.minimum_fee));
  assert.equal(await tab.inputValue('#f-clinic_name'), 'Northside Hair Studio', 'the clinic\'s own details stay');
  assert.match(await tab.locator('#market-status').innerText(), /Filled in the .* prices/);
  await tab.click('#undo-market');
  assert.equal(await tab.inputValue('#f-transplant-minimum_fee'), '4321');
  assert.equal(await tab.inputValue('#f-currency'), 'USD');
  assert.equal(await tab.locator('#undo-market').isVisible(), false);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('a booking link without https:// is offered with it, and "Test my booking link" opens it in a new tab only when valid', async () => {
  const context = await browser.newContext();
  // The clinic's booking page, answered here: no test reaches the network.
  await context.route('https://www.clinic.example/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Book</title><p>Booking page</p>' }),
  );
  const { tab, errors } = await openSetup(context, 390);
  const button = tab.locator('#test-booking');
  await tab.fill('#f-booking_url', '');
  await tab.waitForFunction(() => document.getElementById('test-booking').disabled);
  assert.match(await tab.locator('#test-booking-hint').innerText(), /Enter a booking link/);

  await tab.fill('#f-booking_url', 'www.clinic.example/book');
  await tab.locator('#f-booking_url').blur();
  assert.equal(await tab.inputValue('#f-booking_url'), 'https://www.clinic.example/book');
  assert.match(await tab.locator('#booking-note').innerText(), /Added https:\/\/ in front of www\.clinic\.example\/book/);
  await tab.waitForFunction(() => !document.getElementById('test-booking').disabled);
  await tab.locator('.field:has(#f-booking_url)').screenshot({ path: join(artifacts, 'configure-booking-390.png') });
  const [popup] = await Promise.all([context.waitForEvent('page'), button.click()]);
  await popup.waitForLoadState();
  assert.equal(popup.url(), 'https://www.clinic.example/book');
  assert.equal(await popup.evaluate(() => window.opener), null, 'opened without a link back to the setup page');
  await popup.close();

  // A link the engine refuses is not "fixed" and cannot be opened.
  await tab.fill('#f-booking_url', 'javascript:alert(1)');
  await tab.locator('#f-booking_url').blur();
  assert.equal(await tab.inputValue('#f-booking_url'), 'javascript:alert(1)');
  await tab.waitForFunction(() => document.getElementById('test-booking').disabled);
  assert.equal((await problemsOf(tab, '#f-booking_url')).invalid, 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Copy the code" copies only valid settings, and otherwise says why it did not', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const { tab, errors } = await openSetup(context);
  await tab.evaluate(() => navigator.clipboard.writeText('before'));
  await tab.fill('#f-rounding_step', 'fifty');
  await tab.locator('#problem-summary').waitFor();
  await tab.click('[data-copy="snippet-div"]');
  const status = tab.locator('[data-copy-status="snippet-div"]');
  assert.match(await status.innerText(), /^Not copied: one setting needs checking first/);
  assert.equal(await tab.evaluate(() => navigator.clipboard.readText()), 'before');

  await tab.fill('#f-rounding_step', '50');
  await tab.locator('#problem-summary').waitFor({ state: 'hidden' });
  await tab.click('[data-copy="snippet-div"]');
  // The clipboard write is asynchronous: the earlier "Not copied" stays
  // until it has succeeded.
  await tab.waitForFunction(() => document.querySelector('[data-copy-status="snippet-div"]').textContent.startsWith('Copied'));
  assert.equal(await tab.evaluate(() => navigator.clipboard.readText()), await tab.inputValue('#snippet-div'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('with the settings in smp-settings.json, the page checks the file on the site: missing, not JSON, different, the same', async () => {
  const { tab, errors } = await openSetup();
  const status = tab.locator('#settings-file-status');
  const file = '/embed/smp-settings.json';
  delete pages[file];
  await tab.check('#config-file');
  assert.equal(await tab.locator('#settings-file-url').innerText(), new URL(file, server.url).href);
  await tab.waitForFunction(() => /^Not found/.test(document.getElementById('settings-file-status').textContent));
  assert.match(await status.innerText(), /404/);

  pages[file] = { headers: { 'content-type': 'application/json' }, body: '{"currency": "EUR",' };
  await tab.click('#check-settings-file');
  await tab.waitForFunction(() => /not valid JSON/.test(document.getElementById('settings-file-status').textContent));

  pages[file] = { headers: { 'content-type': 'application/json' }, body: '{"rounding_step": 0}' };
  await tab.click('#check-settings-file');
  await tab.waitForFunction(() => /will not start/.test(document.getElementById('settings-file-status').textContent));
  assert.match(await status.innerText(), /rounding_step/);

  const [download] = await Promise.all([tab.waitForEvent('download'), tab.click('#export-again')]);
  pages[file] = { headers: { 'content-type': 'application/json' }, body: await readFile(await download.path()) };
  await tab.click('#check-settings-file');
  await tab.waitForFunction(() => /matches this form/.test(document.getElementById('settings-file-status').textContent));

  await tab.fill('#f-clinic_name', 'Another name');
  await tab.click('#check-settings-file');
  await tab.waitForFunction(() => /differs from this form/.test(document.getElementById('settings-file-status').textContent));
  assert.match(await status.innerText(), /clinic_name/);
  await tab.locator('#settings-file-check').screenshot({ path: join(artifacts, 'configure-file-check-1280.png') });
  delete pages[file];
  // The failed fetch of a missing file is the browser's own console line, not ours.
  assert.deepEqual(errors.filter((error) => !error.includes('404')), []);
  await tab.close();
});

test('a price range out of order is explained in plain words, with the figures the clinic typed', async () => {
  const { tab, errors } = await openSetup();
  await tab.fill('#f-smp-scar_addon-min', '400');
  await tab.fill('#f-smp-scar_addon-typical', '1250');
  await tab.fill('#f-smp-scar_addon-max', '850');
  await tab.locator('#problem-summary').waitFor();
  const summary = await tab.locator('#problem-summary-list').innerText();
  assert.match(summary, /The typical price \(1,250\) must lie between the lowest \(400\) and the highest \(850\)\./);
  assert.equal(await tab.inputValue('#f-smp-scar_addon-typical'), '1250', 'what was typed stays');
  assert.deepEqual(errors, []);
  await tab.close();
});

test('the dataLayer switch puts "datalayer": true in the code, and survives a reload', async () => {
  const context = await browser.newContext();
  const { tab, errors } = await openSetup(context);
  const inCode = async () => /"datalayer":\s*true/.test(await tab.inputValue('#snippet-div'));
  assert.equal(await inCode(), false, 'off by default');
  await tab.check('#datalayer-on');
  await tab.waitForFunction(() => /"datalayer":\s*true/.test(document.querySelector('#snippet-div').value));
  await tab.reload();
  await tab.locator('#setup-preview [data-figure="smp-cost-typical"]').waitFor();
  assert.equal(await tab.isChecked('#datalayer-on'), true);
  assert.equal(await inCode(), true);
  assert.deepEqual(errors, []);
  await context.close();
});
