// The iframe mode as a clinic on a page builder meets it: the clinic's page
// on one site (127.0.0.1:A) and the package on another (127.0.0.2:B, its
// CDN), neither of which sends CORS headers, with the exact snippet that
// `make embed` prints. The iframe follows its content's height, the figures
// are the engine's, forged resize messages change nothing, and the page's
// campaign (utm_*) parameters reach the booking link inside the iframe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, engineQuote, money, repo, artifacts, hostPage, open as openPage, until, watchErrors } from './support.mjs';

let host;
let cdn;
let browser;
let snippet;

const page = (body) =>
  hostPage(`<h1>Scalp micropigmentation</h1>${body}<p id="after">Opening hours: Mon–Fri 9–5.</p>`, { title: 'Northside Hair Studio' });

before(async () => {
  // The package's site also serves a page of its own that posts a forged
  // resize message to whatever frames it: the right origin, the wrong window.
  cdn = await serve(join(repo, 'dist'), {
    '/forger.html': {
      body: `<!doctype html><title>forger</title><script>parent.postMessage({ type: 'smp-estimator:resize', height: 5 }, '*');</script>`,
    },
  }, {}, {}, '127.0.0.2');
  // The clinic's page: its pages are filled in once its address is known.
  const pages = {};
  host = await serve(join(repo, 'tests', 'e2e', 'artifacts'), pages);
  const printed = (await readFile(join(repo, 'dist', 'embed', 'frame-snippet.html'), 'utf8')).trim();
  // The printed snippet pointed at the CDN, with a preset in frame.html's
  // address and the clinic's booking link as a data- setting.
  const withBooking = (link) =>
    printed
      .replaceAll('https://YOUR-SITE/smp-estimator/', `${cdn.url}embed/`)
      .replace('frame.html"', 'frame.html?pattern=norwood-4"')
      .replace('data-smp-estimator-frame', `data-smp-estimator-frame data-booking-url="${link.replaceAll('&', '&amp;')}"`);
  // A booking page on the clinic's own site (which already tags its own
  // source).
  const booking = `${host.url}book?utm_source=clinic`;
  snippet = withBooking(booking);
  assert.match(snippet, /<script src="http:\/\/127\.0\.0\.2:\d+\/embed\/frame-host\.js"><\/script>/, 'no integrity, no crossorigin');
  pages['/framed.html'] = { body: page(snippet) };
  // The CDN's origin (trusted: it hosts frame.html) behind the clinic's
  // address as user info, and a `javascript:` link, whose origin is "null".
  pages['/user-info.html'] = { body: page(withBooking(`${host.url.replace(/\/$/, '')}@${cdn.url.slice('http://'.length)}book`)) };
  const opaque = `<!doctype html><title>Opaque</title>${withBooking('javascript:top.__pwned=1')}`;
  pages['/opaque.html'] = {
    body: page(`<iframe id="opaque" title="Opaque" width="1200" height="1400" src="data:text/html,${encodeURIComponent(opaque)}"></iframe>`),
  };
  // The clinic's own settings on its snippet.
  pages['/named.html'] = {
    body: page(snippet.replace('data-currency="USD"', 'data-currency="EUR" data-clinic-name="Northside Hair Studio"')),
  };
  pages['/forged.html'] = { body: page(`${snippet}<iframe id="forger" title="other" src="${cdn.url}forger.html"></iframe>`) };
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await cdn?.close();
});

async function open(path, width = 1280) {
  const corsHeaders = [];
  const { tab, errors } = await openPage(browser, new URL(path, host.url).href, {
    width,
    prepare: (tab) =>
      tab.on('response', (response) => {
        const allow = response.headers()['access-control-allow-origin'];
        if (allow) corsHeaders.push(`${response.url()}: ${allow}`);
      }),
  });
  return { tab, errors, corsHeaders };
}

/** The iframe's height on the host page, and its document's. */
const heights = (tab) =>
  tab.evaluate(async () => {
    const frame = document.querySelector('iframe[data-smp-estimator-frame]');
    return { frame: frame.getBoundingClientRect().height, style: frame.style.height };
  });

async function settledHeight(tab, frame) {
  // The host script has sized the iframe when it is as tall as its
  // document's content (the height frame.js reports): no inner scrollbar,
  // and no empty space below after the content has shrunk.
  // The widget's last part (the comparison and the rest) comes first.
  await frame.locator('.smp-more').waitFor({ state: 'attached' });
  const sized = await until(
    'the iframe to be as tall as its content',
    async () => {
      const inner = await frame.locator('html').evaluate((html) => ({
        content: Math.ceil(html.getBoundingClientRect().height),
        scroll: html.scrollHeight,
        viewport: html.clientHeight,
      }));
      const { frame: outer } = await heights(tab);
      return { ...inner, outer };
    },
    { accept: ({ content, scroll, viewport, outer }) => scroll <= viewport && Math.abs(outer - content) <= 1 },
  );
  return sized.outer;
}

test('across two origins without CORS the iframe follows its content, with the engine\'s figures', async () => {
  for (const width of [390, 1280]) {
    const { tab, errors, corsHeaders } = await open('/framed.html?utm_source=news&utm_medium=email&utm_campaign=spring%20sale&gclid=abc', width);
    const frame = tab.frameLocator('iframe[data-smp-estimator-frame]');
    const price = frame.locator('[data-figure="smp-cost-typical"]');
    await price.waitFor();
    const quote = engineQuote({ pattern: 'norwood-4' });
    assert.equal((await price.innerText()).replace(/[\u00a0\u202f]/g, ' '), money(quote.smp.cost.typical, 'en-GB'));
    assert.equal(
      (await frame.locator('[data-figure="transplant-cost-typical"]').innerText()).replace(/[\u00a0\u202f]/g, ' '),
      money(quote.transplant.cost.typical, 'en-GB'),
    );
    assert.deepEqual(corsHeaders, [], 'neither server sends CORS headers');

    // The host script (loaded from the CDN) sized it from the snippet's 900 px.
    const closed = await settledHeight(tab, frame);
    assert.ok(closed > 900, `${closed} px`);
    // Opening a part makes it taller, still without a scrollbar: on a phone
    // the further details; on a desktop, where they sit beside the taller
    // results, "How we estimated this".
    const part = width < 768 ? '.smp-details' : '.smp-breakdown';
    await frame.locator(`${part} > summary`).click();
    await frame.locator(`${part}[open]`).waitFor();
    const opened = await settledHeight(tab, frame);
    assert.ok(opened > closed + 50, `${closed} → ${opened} px`);
    // And closing them again gives the height back.
    await frame.locator(`${part} > summary`).click();
    assert.equal(await settledHeight(tab, frame), closed);
    // (A full-page screenshot leaves a cross-origin iframe's lower part
    // blank in Chromium: the end of the page, in the viewport, instead.)
    await tab.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await tab.screenshot({ path: join(artifacts, `frame-cross-origin-${width}.png`) });
    assert.deepEqual(errors, []);
    await tab.close();
  }
});

test('a forged resize message, from the host page or from another window of the same origin, is ignored', async () => {
  const { tab, errors } = await open('/forged.html');
  const frame = tab.frameLocator('iframe[data-smp-estimator-frame]');
  await frame.locator('[data-figure="smp-cost-typical"]').waitFor();
  const before = await settledHeight(tab, frame);
  // The forger iframe (on the package's origin) posted on load; post from
  // the host page too. Our listener runs after the host script's, so once
  // it has heard both, the host script has handled them.
  await tab.evaluate(
    () =>
      new Promise((resolve) => {
        let heard = 0;
        addEventListener('message', (event) => event.data?.height === 5 && ++heard === 2 && resolve());
        document.getElementById('forger').src += '?again';
        window.postMessage({ type: 'smp-estimator:resize', height: 5 }, '*');
      }),
  );
  const after = await heights(tab);
  assert.equal(after.frame, before);
  assert.notEqual(after.style, '5px');
  assert.deepEqual(errors, []);
  await tab.close();
});

test("the host page's utm_* reach the iframe and its booking link; the booking page's own ones stay", async () => {
  const { tab, errors } = await open('/framed.html?utm_source=news&utm_medium=email&utm_campaign=spring%20sale&gclid=abc');
  const frame = tab.frameLocator('iframe[data-smp-estimator-frame]');
  const link = frame.locator('[data-figure="booking-link"]');
  await link.waitFor();
  // frame-host.js handed the five campaign parameters, not the click id,
  // to the iframe, which put them in its own address.
  const inner = new URL(await frame.locator('html').evaluate(() => location.href));
  assert.equal(inner.origin, new URL(cdn.url).origin);
  assert.equal(inner.searchParams.get('utm_source'), 'news');
  assert.equal(inner.searchParams.get('utm_campaign'), 'spring sale');
  assert.equal(inner.searchParams.get('gclid'), null);
  // The engine's booking link (on the framing page's origin, so allowed),
  // with the campaign parameters it did not have.
  const dir = await mkdtemp(join(tmpdir(), 'smp-frame-'));
  const settings = join(dir, 'clinic.json');
  await writeFile(settings, JSON.stringify({ booking_url: `${host.url}book?utm_source=clinic` }));
  const quote = engineQuote({ pattern: 'norwood-4' }, settings);
  const href = new URL(await link.getAttribute('href'));
  const engine = new URL(quote.booking_url);
  assert.equal(`${href.origin}${href.pathname}`, `${engine.origin}${engine.pathname}`);
  assert.deepEqual(
    [...href.searchParams],
    [...engine.searchParams, ['utm_medium', 'email'], ['utm_campaign', 'spring sale']],
  );
  assert.equal(href.searchParams.get('utm_source'), 'clinic', "the booking page's own source is kept");
  assert.equal(await link.getAttribute('target'), null, 'opens in the top window through <base target="_top">');
  assert.deepEqual(errors, []);
  await tab.close();
});

test("frame.html takes only the visitor's answers from its address, and the clinic's settings from the snippet", async () => {
  // Linked to on its own, with another clinic's name, currency and accent:
  // only the preset answer counts, and the clinic hears why.
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(tab);
  await tab.goto(`${cdn.url}embed/frame.html?pattern=norwood-5&clinic-name=Evil%20Clinic&currency=EUR&accent=%23aa0000`);
  const norwood5 = engineQuote({ pattern: 'norwood-5' });
  const shown = async (frame) =>
    (await frame.locator('[data-figure="smp-cost-typical"]').innerText()).replace(/[\u00a0\u202f]/g, ' ');
  await tab.locator('[data-figure="smp-cost-typical"]').waitFor();
  assert.equal(await shown(tab), money(norwood5.smp.cost.typical, 'en-GB', 'USD'));
  assert.doesNotMatch(await tab.locator('body').innerText(), /Evil Clinic/);
  assert.deepEqual(
    errors,
    ['currency', 'clinic-name', 'accent'].map(
      (name) => `SMP estimator: ${name} in frame.html's address is ignored; put it on the iframe as data-${name}`,
    ),
  );
  await tab.close();

  // On the clinic's page, the snippet's data- settings are the clinic's.
  const framed = await open('/named.html');
  const frame = framed.tab.frameLocator('iframe[data-smp-estimator-frame]');
  await frame.locator('[data-figure="smp-cost-typical"]').waitFor();
  const norwood4 = engineQuote({ pattern: 'norwood-4' });
  assert.equal(await shown(frame), money(norwood4.smp.cost.typical, 'en-GB', 'EUR'));
  assert.match(await frame.locator('.smp-disclaimer').innerText(), /Northside Hair Studio's prices/);
  assert.deepEqual(framed.errors, []);
  await framed.tab.close();
});

test('a booking link is refused when it hides its host behind user info or has the opaque origin "null"', async () => {
  for (const [path, frames] of [
    ['/user-info.html', ['iframe[data-smp-estimator-frame]']],
    // The framing document is a data: one: its origin, "null", is no one's.
    ['/opaque.html', ['#opaque', 'iframe[data-smp-estimator-frame]']],
  ]) {
    const { tab, errors } = await open(path);
    const frame = frames.reduce((outer, selector) => outer.frameLocator(selector), tab);
    // The widget starts with the clinic's other settings (not the list of
    // problems a refused link would give), with no booking link.
    await frame.locator('[data-figure="smp-cost-typical"], .smp-problems').first().waitFor();
    assert.equal(await frame.locator('.smp-problems').count(), 0, path);
    assert.equal(await frame.locator('[data-figure="booking-link"]').count(), 0, path);
    assert.deepEqual(
      errors.filter((error) => error.startsWith('SMP estimator')),
      ["SMP estimator: booking-url must be an http(s) address, without a name@, on the framing page's or this page's origin; ignored"],
      path,
    );
    assert.equal(await tab.evaluate(() => window.__pwned), undefined);
    await tab.close();
  }
});
