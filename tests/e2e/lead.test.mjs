// Lead capture, as a visitor and a clinic meet it: off unless the clinic
// turns it on; every field checked before anything leaves the page; a valid
// request reaches the host page as `smp-estimator:lead` and the clinic's
// endpoint (served here) as the same JSON; a failing endpoint keeps what
// was typed and offers to try again; an email-only clinic gets a mailto:
// link with a readable summary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  serve, launch, engineQuote, money, repo, snippetScript as printedScript, hostPage, open as openPage, axeViolations,
} from './support.mjs';

let server;
let browser;
const received = { ok: [], flaky: [] };
let flakyCalls = 0;

const page = (body) =>
  hostPage(`<h1>Northside Hair Studio</h1>${body}`, { end: '<script type="module" src="/listen.js"></script>' });

before(async () => {
  const snippetScript = await printedScript();
  const pages = {
    // The host page's own listener, as a clinic's CRM glue would be.
    '/listen.js': {
      headers: { 'content-type': 'text/javascript' },
      body: `window.leads = []; document.addEventListener('smp-estimator:lead', (event) => window.leads.push(event.detail));`,
    },
    '/off.html': { body: page(`<div data-smp-estimator data-pattern="norwood-4"></div>${snippetScript}`) },
  };
  server = await serve(join(repo, 'dist'), pages, {}, {
    '/leads': async (body) => {
      received.ok.push(JSON.parse(body));
      return { status: 201 };
    },
    // A site that refuses: too many requests, or a request it cannot accept.
    '/busy': async () => ({ status: 429, body: '{"code":"too_many"}' }),
    '/refuse': async () => ({ status: 400, body: '{"code":"invalid"}' }),
    // Fails the first time, then takes the request.
    '/flaky': async (body) => {
      flakyCalls += 1;
      if (flakyCalls === 1) return { status: 503, body: '{"error":"down"}' };
      received.flaky.push(JSON.parse(body));
      return { status: 200 };
    },
  });
  const widget = (attributes) =>
    page(`<div data-smp-estimator data-pattern="norwood-4" data-clinic-name="Northside Hair Studio" ${attributes}></div>${snippetScript}`);
  pages['/lead.html'] = {
    body: widget(`data-lead-endpoint="${server.url}leads" data-lead-consent="I agree that Northside Hair Studio may contact me about this estimate."`),
  };
  pages['/flaky.html'] = { body: widget(`data-lead-endpoint="${server.url}flaky"`) };
  pages['/busy.html'] = { body: widget(`data-lead-endpoint="${server.url}busy"`) };
  pages['/refuse.html'] = { body: widget(`data-lead-endpoint="${server.url}refuse"`) };
  pages['/email.html'] = { body: widget(`data-lead-email="hello@northside-hair.example"`) };
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const open = (path) =>
  openPage(browser, new URL(path, server.url).href, { waitFor: ['[data-figure="smp-cost-typical"]'] });

const field = (tab, name) => tab.locator(`.smp-lead-form [name="${name}"]`);
const errorText = async (tab, name) => {
  const id = await field(tab, name).getAttribute('aria-describedby');
  return id ? (await tab.locator(`[id="${id}"]`).innerText()).trim() : null;
};

async function fillRequest(tab, { name, contact, time, consent }) {
  await field(tab, 'name').fill(name);
  await field(tab, 'contact').fill(contact);
  await field(tab, 'contact_time').selectOption(time);
  if (consent) await field(tab, 'consent').check();
}

test('without lead settings the widget offers no consultation request', async () => {
  const { tab, errors } = await open('/off.html');
  await tab.locator('.smp-tools').waitFor();
  assert.equal(await tab.locator('.smp-lead').count(), 0);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('the form checks every field, then the event and the POST carry the same request and quote', async () => {
  // Opened from an ad with a click id, and a token a sign-in link left.
  const { tab, errors } = await open('/lead.html?utm_source=news&gclid=abc123&fbclid=fb456&token=s3cret#top');
  const button = tab.getByRole('button', { name: 'Request a consultation' });
  await button.click();
  // Nothing typed: every field explained, nothing sent.
  await tab.getByRole('button', { name: 'Send request' }).click();
  assert.equal(await errorText(tab, 'name'), 'Enter your name.');
  assert.equal(await errorText(tab, 'contact'), 'Enter an email address or a phone number.');
  assert.equal(await errorText(tab, 'consent'), 'Tick the box to let the clinic contact you.');
  assert.equal(await field(tab, 'name').getAttribute('aria-invalid'), 'true');
  // The open form with its messages passes axe-core's rules.
  assert.deepEqual(await axeViolations(tab), []);
  assert.equal(await tab.evaluate(() => document.activeElement.shadowRoot?.activeElement?.name), 'name');
  assert.equal(received.ok.length, 0);
  assert.deepEqual(await tab.evaluate(() => window.leads), []);

  // A half-typed email is explained and kept as typed.
  await fillRequest(tab, { name: 'Sam Lee', contact: 'sam@example', time: 'evening', consent: true });
  await tab.getByRole('button', { name: 'Send request' }).click();
  assert.equal(await errorText(tab, 'contact'), 'This email address looks incomplete (like name@example.com).');
  assert.equal(await field(tab, 'contact').inputValue(), 'sam@example');
  assert.equal(await errorText(tab, 'name'), null);

  await field(tab, 'contact').fill('sam@example.org');
  assert.match(await tab.locator('.smp-lead-form').innerText(), /I agree that Northside Hair Studio may contact me about this estimate\./);
  await tab.getByRole('button', { name: 'Send request' }).click();
  await tab.locator('[data-figure="lead-status"]').waitFor();
  assert.equal(
    (await tab.locator('[data-figure="lead-status"]').innerText()).trim(),
    'Thank you. Northside Hair Studio will contact you.',
  );
  const [event] = await tab.evaluate(() => window.leads);
  assert.equal(received.ok.length, 1);
  assert.deepEqual(received.ok[0], event, 'the endpoint gets exactly what the page hears');
  assert.deepEqual(event.contact, { name: 'Sam Lee', email: 'sam@example.org', phone: null, contact_time: 'evening' });
  assert.deepEqual(event.consent, { given: true, text: 'I agree that Northside Hair Studio may contact me about this estimate.' });
  // The page as origin and path: the click ids and the token stay out of
  // the clinic's inbox, and the utm_* arrive in campaign.
  assert.equal(event.page, new URL('/lead.html', server.url).href);
  assert.deepEqual(event.campaign, { utm_source: 'news' });
  assert.doesNotMatch(JSON.stringify(received.ok[0]), /abc123|fb456|s3cret/);
  // The quote is the engine's, with the clinic's settings.
  const quote = engineQuote({ pattern: 'norwood-4' });
  assert.equal(event.input.pattern, 'norwood-4');
  assert.equal(event.quote.smp.cost.typical, quote.smp.cost.typical);
  assert.equal(event.quote.transplant.cost.typical, quote.transplant.cost.typical);
  assert.equal(await tab.locator('[data-figure="smp-cost-typical"]').innerText(), money(quote.smp.cost.typical));
  assert.deepEqual(errors, []);
  await tab.close();
});

test('a failing endpoint keeps what was typed and sends on retry', async () => {
  const { tab } = await open('/flaky.html');
  await tab.getByRole('button', { name: 'Request a consultation' }).click();
  await fillRequest(tab, { name: 'Ana Ruiz', contact: '+44 20 7946 0958', time: 'morning', consent: true });
  await tab.getByRole('button', { name: 'Send request' }).click();
  const status = tab.locator('[data-figure="lead-status"]');
  await status.waitFor();
  assert.equal(
    (await status.innerText()).trim(),
    // Friendly words, not the status code (the clinic's server logs that).
    "Your request was not sent: the clinic's website had a problem. Your details are still here; please try again.",
  );
  assert.equal(await field(tab, 'name').inputValue(), 'Ana Ruiz');
  assert.equal(await field(tab, 'contact').inputValue(), '+44 20 7946 0958');
  assert.equal(await field(tab, 'contact_time').inputValue(), 'morning');
  assert.equal(await field(tab, 'consent').isChecked(), true);
  await tab.getByRole('button', { name: 'Try again' }).click();
  await tab.getByText('Thank you. Northside Hair Studio will contact you.').waitFor();
  assert.equal(flakyCalls, 2);
  assert.deepEqual(received.flaky[0].contact, {
    name: 'Ana Ruiz',
    email: null,
    phone: '+44 20 7946 0958',
    contact_time: 'morning',
  });
  // The page heard both attempts: it decides what to do with each.
  assert.equal((await tab.evaluate(() => window.leads)).length, 2);
  await tab.close();
});

test('a refusal is told in the visitor\'s words, not as a status code: 429 asks to wait, another 4xx says it was not accepted', async () => {
  for (const [path, reason] of [
    ['/busy.html', 'too many requests came from your connection in the last few minutes, so please wait a few minutes first'],
    ['/refuse.html', "the clinic's website could not accept it"],
  ]) {
    const { tab, errors } = await open(path);
    await tab.getByRole('button', { name: 'Request a consultation' }).click();
    await fillRequest(tab, { name: 'Ana Ruiz', contact: 'ana@example.org', time: 'morning', consent: true });
    await tab.getByRole('button', { name: 'Send request' }).click();
    const status = tab.locator('[data-figure="lead-status"]');
    await status.waitFor();
    assert.equal((await status.innerText()).trim(), `Your request was not sent: ${reason}. Your details are still here; please try again.`);
    assert.equal(await field(tab, 'name').inputValue(), 'Ana Ruiz');
    assert.equal(await field(tab, 'contact').inputValue(), 'ana@example.org');
    assert.equal(await field(tab, 'consent').isChecked(), true);
    assert.deepEqual(errors.filter((error) => !/Failed to load resource/.test(error)), []);
    await tab.close();
  }
});

test('an email-only clinic: the one action says it continues in the email app, and opens it with a readable summary', async () => {
  const { tab, errors } = await open('/email.html');
  await tab.getByRole('button', { name: 'Request a consultation' }).click();
  // The default consent names the clinic that has a name: the visitor
  // agrees to that clinic contacting them.
  await tab
    .getByText('I agree that Northside Hair Studio may contact me about this estimate and keep my details for that purpose.')
    .waitFor();
  await fillRequest(tab, { name: 'Sam Lee', contact: 'sam@example.org', time: 'afternoon', consent: true });
  // No "Send request" and then a second button: one action, which says where it goes.
  assert.equal(await tab.getByRole('button', { name: 'Send request' }).count(), 0);
  const opening = tab.waitForEvent('request', (request) => request.url().startsWith('mailto:'));
  await tab.getByRole('button', { name: 'Continue in your email app' }).click();
  const link = tab.locator('[data-figure="lead-mailto"]');
  await link.waitFor();
  const href = await link.getAttribute('href');
  // The email app was asked to open with that very message.
  const asked = new URL((await opening).url());
  assert.equal(asked.pathname, new URL(href).pathname);
  assert.equal(asked.searchParams.get('body'), new URL(href).searchParams.get('body'));
  const url = new URL(href);
  assert.equal(url.protocol, 'mailto:');
  assert.equal(url.pathname, 'hello@northside-hair.example');
  assert.equal(url.searchParams.get('subject'), 'SMP consultation request');
  const body = url.searchParams.get('body');
  const quote = engineQuote({ pattern: 'norwood-4' });
  assert.match(body, /Name: Sam Lee\nContact: sam@example\.org\nBest time: Afternoons/);
  assert.ok(body.includes(`SMP estimate: ${money(quote.smp.cost.typical)}`), body);
  assert.match(body, /I agreed that Northside Hair Studio may contact me about this estimate\./);
  assert.equal((await tab.evaluate(() => window.leads)).length, 1);
  assert.deepEqual(errors, []);
  await tab.close();
});
