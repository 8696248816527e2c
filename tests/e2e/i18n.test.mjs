// The visitor's language, as a visitor meets it: chosen from the widget's
// element, then the page, then the browser; every word on screen from that
// language's catalogue (no message id, no English left); Arabic laid out
// right to left; units from the visitor's region; only that language's file
// downloaded; nothing clipped at 360 px in Arabic or German (long words).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, repo, artifacts, snippetScript, hostPage, open as openPage, axeViolations, sideways, until } from './support.mjs';

const LANGUAGES = ['en', 'es', 'de', 'fr', 'pt', 'tr', 'ar'];
const catalogues = {};
let server;
let browser;

const page = (lang, body) =>
  hostPage(`<h1>Northside Hair Studio</h1>${body}`, { lang, head: '<style>body { margin: 0 }</style>' });

before(async () => {
  for (const language of LANGUAGES) {
    catalogues[language] = JSON.parse(await readFile(join(repo, 'i18n', `${language}.json`), 'utf8'));
  }
  const script = await snippetScript();
  const widget = (attributes = '') =>
    `<div data-smp-estimator data-pattern="norwood-4" data-clinic-name="Northside Hair Studio" data-booking-url="https://clinic.example/book" data-lead-email="hello@clinic.example" ${attributes}></div>${script}`;
  const pages = {};
  for (const language of LANGUAGES) pages[`/${language}.html`] = { body: page(language, widget()) };
  // The element's own language beats the page's; a page in a language the
  // widget does not speak leaves the choice to the browser.
  pages['/element.html'] = { body: page('en', widget('data-lang="de"')) };
  pages['/dutch.html'] = { body: page('nl', widget()) };
  pages['/regional.html'] = { body: page('en-GB', widget()) };
  pages['/plain-en.html'] = { body: page('en', widget()) };
  pages['/reworded.html'] = {
    body: page(
      'de',
      `<div data-smp-estimator data-pattern="norwood-4"><script type="application/json">${JSON.stringify({
        messages: { de: { 'widget-title': 'Ihr persönlicher Kostenvoranschlag' } },
      })}</script></div>${script}`,
    ),
  };
  // The same package from a second path whose German file was tampered
  // with (as on a compromised CDN): its integrity hash no longer matches.
  pages['/tampered.html'] = { body: page('de', widget().replace('/embed/', '/tampered/')) };
  pages['/tampered/i18n/de.json'] = {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...catalogues.de, 'widget-title': 'Jetzt 90 % Rabatt!' }),
  };
  server = await serve(join(repo, 'dist'), pages, {
    '/embed/': join(repo, 'dist', 'embed'),
    '/tampered/': join(repo, 'dist', 'embed'),
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` as a visitor whose browser speaks `locale`. */
async function open(path, { width = 1024, locale = 'en-GB' } = {}) {
  const before = server.requests.length;
  const { tab, errors } = await openPage(browser, new URL(path, server.url).href, {
    width,
    locale,
    waitFor: ['[data-figure="smp-cost-typical"]', '.smp-chart'],
  });
  const requested = () => server.requests.slice(before);
  return { tab, errors, requested, close: () => tab.close() };
}

/** Opens every collapsed part, so all of the widget is on screen. */
async function openEverything(tab) {
  for (const summary of await tab.locator('.smp-estimator details > summary').all()) {
    await summary.click();
  }
  await tab.locator('.smp-lead-open').click();
  await tab.locator('.smp-lead-form button[type=submit]').click();
  await tab.locator('.smp-field-error').first().waitFor();
}

/** Every text of the widget: its text nodes and its accessible names. */
function widgetText(tab) {
  return tab.evaluate(() => {
    const root = document.querySelector('[data-smp-estimator]').shadowRoot;
    const widget = root.querySelector('.smp-estimator');
    const attributes = [...widget.querySelectorAll('[aria-label], [data-label], [title]')].flatMap((e) =>
      ['aria-label', 'data-label', 'title'].map((name) => e.getAttribute(name) ?? ''),
    );
    return [widget.textContent, ...attributes].join('\n').replace(/[\u00a0\u202f]/g, ' ');
  });
}

/**
 * "N years" in each language, for counts of every plural form the
 * language has on screen: one, and other; in Arabic also two (2), few
 * (3–10) and many (11–99). (Arabic's zero never reaches the screen: a
 * visitor looks 1 to 30 years ahead.) Arabic's counts are in the digits
 * Chromium's Intl gives Arabic, 0–9. The option stands alone, so its dual
 * is the nominative سنتان; after a preposition (the table's lifetime row,
 * below) it is سنتين.
 */
const YEARS = {
  en: { 1: '1 year', 2: '2 years', 3: '3 years', 11: '11 years' },
  es: { 1: '1 año', 2: '2 años', 3: '3 años', 11: '11 años' },
  de: { 1: '1 Jahr', 2: '2 Jahre', 3: '3 Jahre', 11: '11 Jahre' },
  fr: { 1: '1 an', 2: '2 ans', 3: '3 ans', 11: '11 ans' },
  pt: { 1: '1 ano', 2: '2 anos', 3: '3 anos', 11: '11 anos' },
  tr: { 1: '1 yıl', 2: '2 yıl', 3: '3 yıl', 11: '11 yıl' },
  ar: { 1: 'سنة واحدة', 2: 'سنتان', 3: '3 سنوات', 10: '10 سنوات', 11: '11 سنة', 30: '30 سنة' },
};

const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ').trim();

const wholeWord = (text, word) =>
  new RegExp(`(^|[^\\p{L}\\p{N}-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}-])`, 'u').test(text);

/** English messages a translation words differently, without figures. */
function englishOnly(language) {
  return Object.entries(catalogues.en)
    .filter(([key, text]) => catalogues[language][key] !== text && !/[{}]/.test(text) && text.length > 3)
    .map(([, text]) => text);
}

for (const language of LANGUAGES) {
  test(`${language}: the whole widget speaks the page's language`, async () => {
    const { tab, errors, requested, close } = await open(`/${language}.html`);
    const catalogue = catalogues[language];
    const widget = tab.locator('.smp-estimator');
    assert.equal(await widget.getAttribute('lang'), language === 'en' ? 'en-US' : language);
    assert.equal(await widget.getAttribute('dir'), language === 'ar' ? 'rtl' : 'ltr');
    assert.equal((await tab.locator('.smp-title').innerText()).trim(), catalogue['widget-title']);
    await openEverything(tab);
    const text = await widgetText(tab);
    const ids = Object.keys(catalogue).filter((key) => key.includes('-'));
    assert.deepEqual(ids.filter((id) => wholeWord(text, id)), [], 'a message id is on screen');
    assert.doesNotMatch(text, /[{}]/, 'a placeholder was left unfilled');
    if (language !== 'en') {
      const english = englishOnly(language).filter((sentence) => wholeWord(text, sentence));
      assert.deepEqual(english, [], 'English is left on screen');
    }
    // Plural forms, word for word as a reader of the language writes them.
    const years = tab.locator('select.smp-select').first();
    for (const [count, words] of Object.entries(YEARS[language])) {
      assert.equal(plain(await years.locator(`option[value="${count}"]`).innerText()), words, `${count} years`);
    }
    // Only this language's messages were downloaded (English is built in).
    const files = requested().filter((path) => path.includes('/i18n/'));
    assert.deepEqual(files, language === 'en' ? [] : [`/embed/i18n/${language}.json`]);
    assert.deepEqual(errors, []);
    await close();
  });
}

test("Arabic's dual and many forms reach the comparison table as the visitor changes the years", async () => {
  const { tab, errors, close } = await open('/ar.html');
  await tab.locator('.smp-details > summary').click();
  const heading = tab.locator('tr[data-row="lifetime"] > th');
  for (const [years, words] of [['2', 'الإجمالي على مدى سنتين'], ['11', 'الإجمالي على مدى 11 سنة'], ['3', 'الإجمالي على مدى 3 سنوات']]) {
    await tab.locator('select.smp-select').first().selectOption(years);
    await until(`the lifetime row to read ${words}`, async () => plain(await heading.innerText()), {
      accept: (text) => text === words,
    });
  }
  assert.deepEqual(errors, []);
  await close();
});

test('the element, then the page, then the browser choose the language', async () => {
  const title = async (path, locale) => {
    const { tab, close } = await open(path, { locale });
    const said = (await tab.locator('.smp-title').innerText()).trim();
    await close();
    return said;
  };
  assert.equal(await title('/element.html', 'fr-FR'), catalogues.de['widget-title']);
  assert.equal(await title('/es.html', 'fr-FR'), catalogues.es['widget-title']);
  assert.equal(await title('/dutch.html', 'tr-TR'), catalogues.tr['widget-title']);
  assert.equal(await title('/dutch.html', 'nl-NL'), catalogues.en['widget-title']);
  assert.equal(await title('/reworded.html', 'de-DE'), 'Ihr persönlicher Kostenvoranschlag');
});

test('a language file that fails its integrity check is not used: English instead, and the console says why', async () => {
  const { tab, close } = await open('/tampered.html', { locale: 'de-DE' });
  // The live widget's title (the static first screen before it is German:
  // its own file passed its check).
  await tab.locator('.smp-host:not([data-smp-first-screen]) .smp-title').waitFor();
  assert.equal((await tab.locator('.smp-title').innerText()).trim(), catalogues.en['widget-title']);
  assert.equal(await tab.locator('.smp-estimator').getAttribute('lang'), 'en-US');
  // The warning, as the console gets it on the next load.
  const warned = tab.waitForEvent('console', (message) => /the de messages .* showing English/.test(message.text()));
  await tab.reload();
  await warned;
  await tab.locator('.smp-host:not([data-smp-first-screen]) .smp-title').waitFor();
  assert.equal((await tab.locator('.smp-title').innerText()).trim(), catalogues.en['widget-title']);
  await close();
});

test('units follow the visitor: in² in the United States, cm² elsewhere, and the visitor can switch', async () => {
  const label = (tab) => tab.locator('.smp-area-size .smp-label').innerText();
  const us = await open('/plain-en.html', { locale: 'en-US' });
  assert.equal((await label(us.tab)).trim(), 'Treatment area (in²)');
  await us.tab.locator('label.smp-unit:has-text("cm²")').click();
  assert.equal((await label(us.tab)).trim(), 'Treatment area (cm²)');
  await us.close();
  const uk = await open('/regional.html', { locale: 'en-US' });
  assert.equal((await label(uk.tab)).trim(), 'Treatment area (cm²)', 'the page says en-GB');
  await uk.close();
  const german = await open('/de.html', { locale: 'de-DE' });
  assert.match(await label(german.tab), /cm²/);
  await german.close();
});

/** Whatever sticks out of the widget or of its own box at this width. */
function overflowing(tab) {
  return tab.evaluate(() => {
    const root = document.querySelector('[data-smp-estimator]').shadowRoot;
    const widget = root.querySelector('.smp-estimator');
    const box = widget.getBoundingClientRect();
    const out = [];
    for (const element of widget.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || element.closest('.smp-visually-hidden, .smp-table-wrap')) continue;
      const name = `${element.tagName.toLowerCase()}.${element.className?.baseVal ?? element.className} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
      if (rect.left < box.left - 1 || rect.right > box.right + 1) out.push(`${name} sticks out`);
      const style = getComputedStyle(element);
      if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0 && style.overflowX !== 'visible' && element.tagName !== 'svg') {
        out.push(`${name} is clipped`);
      }
    }
    return out;
  });
}

for (const language of ['ar', 'de']) {
  test(`${language} at 360 px: nothing clipped or overflowing${language === 'ar' ? ', axe finds nothing' : ''}, screenshot kept`, async () => {
    const { tab, errors, close } = await open(`/${language}.html`, { width: 360 });
    await openEverything(tab);
    await mkdir(artifacts, { recursive: true });
    await tab.screenshot({ path: join(artifacts, `i18n-${language}-360.png`), fullPage: true });
    assert.deepEqual(await overflowing(tab), []);
    assert.equal(await sideways(tab), 0, 'the page scrolls sideways');
    if (language === 'ar') assert.deepEqual(await axeViolations(tab), []);
    assert.deepEqual(errors, []);
    await close();
  });
}

test('Arabic at 1280 px: mirrored layout, Arabic words only, and axe finds nothing', async () => {
  const { tab, errors, close } = await open('/ar.html', { locale: 'ar-EG', width: 1280 });
  await openEverything(tab);
  // Mirrored: the answers on the right and the figures on their left, the
  // money axis on the chart's right, time running from right to left.
  const left = (selector) => tab.locator(selector).evaluate((e) => e.getBoundingClientRect().left);
  assert.ok((await left('.smp-inputs')) > (await left('.smp-results')), 'the answers on the right');
  assert.ok((await left('.smp-group-button >> nth=0')) > (await left('.smp-group-button >> nth=1')), 'Men first from the right');
  const axis = await tab.locator('.smp-chart-svg').evaluate((svg) => {
    const labels = [...svg.querySelectorAll('.smp-chart-tick text')].map((t) => t.getBoundingClientRect().left);
    const years = [...svg.querySelectorAll(':scope > text.smp-chart-label')].map((t) => t.getBoundingClientRect().left);
    const box = svg.getBoundingClientRect();
    return { money: Math.min(...labels) - box.left, width: box.width, firstYear: years[0], lastYear: years[years.length - 2] };
  });
  assert.ok(axis.money > axis.width / 2, `money axis on the right: ${JSON.stringify(axis)}`);
  assert.ok(axis.firstYear > axis.lastYear, `year 0 on the right: ${JSON.stringify(axis)}`);
  // No English word left: only names, units and codes in Latin letters.
  const latin = [...new Set((await widgetText(tab)).match(/[A-Za-z]{2,}/g) ?? [])];
  const allowed = /^(SMP|FUE|FUT|Norwood|Ludwig|IIa|III|IIIa|IV|IVa|Va|VI|VII|II|vertex|US|Northside|Hair|Studio)$/;
  assert.deepEqual(latin.filter((word) => !allowed.test(word)), []);
  assert.deepEqual(await axeViolations(tab), []);
  assert.deepEqual(errors, []);
  await close();
});

test('the iframe page takes the language from ?lang=, else from the browser', async () => {
  const title = async (query, locale) => {
    const { tab, close } = await open(`/embed/frame.html?pattern=norwood-4${query}`, { locale });
    const said = (await tab.locator('.smp-title').innerText()).trim();
    await close();
    return said;
  };
  assert.equal(await title('&lang=tr', 'en-GB'), catalogues.tr['widget-title']);
  assert.equal(await title('', 'pt-BR'), catalogues.pt['widget-title']);
});
