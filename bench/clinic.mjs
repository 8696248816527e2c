// The clinic-page scenario of bench/throttled.mjs: what the widget costs a
// real clinic's page, measured on that page with the widget and without it.
//
// The page: a header, a hero photograph of 80-100 KB as its largest paint,
// about three phone screens of text, the README's snippet below the text
// (its element and its script line, exactly as printed), and a footer. The
// same page without the snippet is the other. The hero is a JPEG made here,
// offline, by the browser's own encoder from a seeded pattern of gradients
// and noise (no network, nothing committed), at the highest quality that
// keeps it within 80-100 KB.
//
// Each round loads, in an order that alternates (under the same throttling
// as the rest of the bench):
//   - the page without the widget, and with it: the page's LCP, and Total
//     Blocking Time and layout shift from navigation start to 4 s after the
//     `load` event, no input;
//   - with the widget, a visitor who jumps to it as soon as `load` has
//     fired (scrollIntoView on its element, as an in-page link does): from
//     the scroll to the Norwood IV drawing on screen, then a tap on it at
//     once (real input through the protocol) and from the tap to the
//     answer's SMP price on screen;
//   - with the widget, a visitor who reads for 2 s after `load`, then jumps
//     and taps the same way: from the tap to the price on screen.
// "On screen" is the end of the frame in which a requestAnimationFrame
// check found it inside the viewport.
import { gzipSync } from 'node:zlib';
import { median, ratio, ms, range } from './report.mjs';

export const CLINIC_BUDGET = { lcpRatio: 1.05, tbtExtra: 50, cls: 0.01, jump: 200, jumpTap: 1500, readTap: 150 };
const AFTER_LOAD_MS = 4000;
const READ_MS = 2000;

const PARAGRAPHS = [
  'Scalp micropigmentation (SMP) places thousands of tiny pigment dots in the upper layer of the scalp. Seen from a conversational distance they read as the shadow of closely shaved hair, and they do not wash out.',
  'Most of our clients come to us after years of trying lotions and tablets. Some have had a transplant that did not give the density they hoped for; others want to avoid surgery altogether.',
  'A first session maps your new hairline with you, in front of a mirror. We draw it, adjust it, and only start once you are happy with where it sits and how it frames your face.',
  'Each session takes two to four hours. Most clients need two or three, a week or more apart, so that each layer of pigment settles before the next one adds depth.',
  'The pigment is matched to your natural hair colour and skin tone in daylight. We use a blend made for the scalp, which fades evenly towards a softer shade rather than changing colour.',
  'Afterwards the scalp is slightly red for a day or two. You can return to work the next morning, keep your head out of direct sun and swimming pools for a week, and avoid heavy sweating for a few days.',
  'A touch-up every few years keeps the dots crisp. How often depends on your skin, how much time you spend outdoors and whether you use exfoliating products on your scalp.',
  'SMP also hides scars: from a strip transplant, an accident or surgery. The dots are placed around and over the scar so that it blends into the surrounding pattern.',
  'Women with thinning hair choose it too. Here the dots go between the existing hairs to reduce the contrast between hair and scalp, which makes the hair look fuller without shaving.',
  'A hair transplant moves follicles from the back of the head to the thinning areas. It can give real, growing hair, but it is surgery, it depends on your donor supply, and the result takes a year to show.',
  'Many clients combine the two: a transplant for the hairline, SMP for density behind it. Your consultation looks at your donor area and your goals before recommending either.',
  'We are a small studio: the same practitioner sees you from the first consultation to the last touch-up. Every session is booked with enough time that nobody is hurried.',
  'Prices depend on the area treated and the number of sessions it needs. The estimate below uses our own prices; your consultation confirms the figures for your scalp.',
  'Consultations are free and take about half an hour. Bring photographs of your hair from a few years ago if you have them: they help us see how your hair loss has progressed.',
  'We will not start a treatment that we do not think will look natural on you. If SMP is not the right choice for your hair, we will tell you, and explain what we would do instead.',
];

/** The clinic's page, with the README's `snippet` below its text, or without. */
export function clinicPage(snippet) {
  const text = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Northside Hair Studio · Scalp micropigmentation</title>
<style>
  body { font: 16px/1.5 Georgia, serif; margin: 0; color: #222; }
  header { display: flex; justify-content: space-between; padding: 0.75rem 1rem; background: #2b2118; color: #fff; }
  header a { color: #fff; }
  .hero { display: block; width: 100%; height: auto; }
  main { max-width: 42rem; margin: 0 auto; padding: 0 1rem; }
  footer { padding: 2rem 1rem; background: #eee; }
</style>
</head><body>
<header><strong>Northside Hair Studio</strong><nav><a href="#estimate">Estimate</a> · <a href="#contact">Contact</a></nav></header>
<img class="hero" src="/clinic/hero.jpg" width="1200" height="750" alt="Our studio's treatment room">
<main>
<h1>The look of a fresh buzz cut, without surgery</h1>
${text}
<h2 id="estimate">Your estimate</h2>
${snippet}
</main>
<footer id="contact"><p>Northside Hair Studio, 12 Mill Lane. Open Tuesday to Saturday.</p></footer>
</body></html>`;
}

/**
 * A JPEG of 80-100 KB, made by the browser's encoder from a seeded pattern:
 * the same bytes on every run of the same Chromium.
 */
export async function heroJpeg(browser) {
  const tab = await browser.newPage();
  try {
    const sizes = await tab.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 1200;
      canvas.height = 750;
      const g = canvas.getContext('2d');
      let seed = 20261206;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      const sky = g.createLinearGradient(0, 0, 0, 750);
      sky.addColorStop(0, '#d8c3a5');
      sky.addColorStop(1, '#6b4f3a');
      g.fillStyle = sky;
      g.fillRect(0, 0, 1200, 750);
      for (let i = 0; i < 60; i += 1) {
        g.fillStyle = `hsla(${20 + random() * 30}, 35%, ${25 + random() * 50}%, 0.5)`;
        g.beginPath();
        g.ellipse(random() * 1200, random() * 750, 30 + random() * 200, 20 + random() * 120, random() * 3, 0, 7);
        g.fill();
      }
      // Film grain: what makes a photograph's bytes.
      const image = g.getImageData(0, 0, 1200, 750);
      for (let i = 0; i < image.data.length; i += 4) {
        const grain = (random() - 0.5) * 22;
        for (let c = 0; c < 3; c += 1) image.data[i + c] = Math.max(0, Math.min(255, image.data[i + c] + grain));
      }
      g.putImageData(image, 0, 0);
      const out = [];
      for (let quality = 0.3; quality <= 0.95; quality += 0.05) {
        const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
        out.push({ quality, bytes: [...new Uint8Array(await blob.arrayBuffer())] });
      }
      return out;
    });
    const fitting = sizes.filter((s) => s.bytes.length >= 80_000 && s.bytes.length <= 100_000);
    const chosen = fitting.at(-1);
    if (!chosen) throw new Error(`no JPEG quality gave 80-100 KB: ${sizes.map((s) => s.bytes.length).join(', ')}`);
    return Buffer.from(chosen.bytes);
  } finally {
    await tab.close();
  }
}

/** In the page, after the recorder: what the clinic-page scenario watches. */
export function clinicWatch() {
  const bench = window.__bench;
  const now = () => performance.now();
  bench.lcp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.lcp.push({ start: e.startTime, element: e.element?.tagName ?? '?', size: e.size });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  bench.loaded = new Promise((resolve) => addEventListener('load', () => resolve(now()), { once: true }));
  const widget = () => document.querySelector('[data-smp-estimator]');
  // When the loader's static first screen was first drawn, and when the
  // live widget took its place (checked each frame).
  bench.firstScreen = null;
  bench.takeover = null;
  const watchFirstScreen = () => {
    const screen = widget()?.shadowRoot?.querySelector('.smp-host[data-smp-first-screen]:not([hidden])');
    if (screen && bench.firstScreen === null) bench.firstScreen = now();
    // (Read from the DOM alone: a layout query here would lay out the
    // widget the browser is skipping off screen, a long task of the
    // bench's own.)
    const live = widget()?.shadowRoot?.querySelector('.smp-host:not([data-smp-first-screen]):not([hidden]) .smp-title');
    if (live && bench.takeover === null) bench.takeover = now();
    if (bench.takeover === null) requestAnimationFrame(watchFirstScreen);
  };
  requestAnimationFrame(watchFirstScreen);
  // The Norwood IV choice, wherever the widget draws it (its shadow root).
  const choice = () =>
    (widget()?.shadowRoot ?? widget())?.querySelector('label:has(input[value="norwood-4"])') ?? null;
  const inView = (element) => {
    const r = element?.getBoundingClientRect();
    return Boolean(r && r.width && r.height && r.top >= 0 && r.bottom <= innerHeight);
  };
  // Resolves with the end of the first frame in which `ready()` held
  // (checked each frame), or null after 15 s or once `stuck()` has held for
  // a second.
  const whenOnScreen = (ready, stuck = () => false) =>
    new Promise((resolve) => {
      const give = setTimeout(() => resolve(null), 15000);
      let stuckSince = null;
      const check = () => {
        if (!ready()) {
          stuckSince = stuck() ? (stuckSince ?? now()) : null;
          if (stuckSince !== null && now() - stuckSince > 1000) {
            clearTimeout(give);
            return resolve(null);
          }
          return requestAnimationFrame(check);
        }
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          clearTimeout(give);
          resolve(now());
        };
        channel.port2.postMessage(null);
      };
      requestAnimationFrame(check);
    });
  // The visitor jumps to the widget, as an in-page link does.
  bench.jump = () => {
    const at = now();
    widget().scrollIntoView({ block: 'start' });
    return at;
  };
  // Null when the choice is there but the scroll stopped short of it (the
  // page was shorter when the visitor jumped).
  bench.choiceOnScreen = () => whenOnScreen(() => inView(choice()), () => Boolean(choice()));
  bench.choiceAt = () => {
    const r = choice().getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  };
  // The answer's SMP price, for Norwood IV, inside the viewport; also the
  // frame in which it was first there at all (`bench.priceDrawn`), so that
  // the widget's scrolling of the answer into view is told apart.
  bench.priceOnScreen = () => {
    bench.priceDrawn = null;
    return whenOnScreen(() => {
      const root = widget()?.shadowRoot;
      const price = root?.querySelector('[data-figure="answer-smp"]');
      const there = Boolean(root?.querySelector('input[value="norwood-4"]')?.checked && /\d/.test(price?.textContent ?? ''));
      if (there) bench.priceDrawn ??= now();
      return there && inView(price);
    });
  };
}

const blocking = (tasks) => tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);

/**
 * One clinic-page load (a new context from `open()`, already throttled) of
 * `url`: `visitor` is null (no input), 'jump' (at `load`) or 'read' (2 s
 * after `load`).
 */
export async function clinicLoad(open, url, visitor, within) {
  const { context, tab, errors } = await open();
  try {
    await tab.goto(url, { timeout: 60000, waitUntil: 'load' });
    return { ...(await clinicVisit(tab, visitor, within)), errors };
  } finally {
    await context.close();
  }
}

/**
 * What `visitor` does on a clinic page `tab` has just loaded (also for a
 * traced load): the record, with `start` the tap's time and `latency` the
 * tap to the price on screen.
 */
export async function clinicVisit(tab, visitor, within) {
  const loaded = await tab.evaluate(() => window.__bench.loaded);
  const record = { loaded };
  if (visitor === null) {
    await tab.waitForTimeout(Math.max(0, loaded + AFTER_LOAD_MS - (await tab.evaluate(() => performance.now()))));
    Object.assign(record, await tab.evaluate((end) => {
      const b = window.__bench;
      const lcp = b.lcp.filter((e) => e.start <= end).at(-1) ?? null;
      return {
        lcp: lcp?.start ?? null,
        lcpElement: lcp?.element ?? null,
        longtasks: b.longtasks.filter((t) => t.start < end),
        cls: b.shifts.filter((s) => s.start < end && !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0),
        shifts: b.shifts.filter((s) => s.value > 0.001).map((s) => s.sources.join(', ')),
        wasmStart: performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.startTime ?? null,
        firstScreen: b.firstScreen,
        takeover: b.takeover,
      };
    }, loaded + AFTER_LOAD_MS));
    record.tbt = blocking(record.longtasks);
    return record;
  }
  if (visitor === 'read') await tab.waitForTimeout(READ_MS);
  const jumped = await tab.evaluate(() => window.__bench.jump());
  let onScreen = await within(tab.evaluate(() => window.__bench.choiceOnScreen()), 'the picker on screen', 20000);
  const stoppedShort = onScreen === null;
  if (stoppedShort) {
    // The visitor scrolls on to it (timed from this second scroll).
    await tab.evaluate(() => window.__bench.jump());
    onScreen = await within(tab.evaluate(() => window.__bench.choiceOnScreen()), 'the picker on screen', 20000);
    if (onScreen === null) throw new Error('the Norwood IV choice never came on screen');
  }
  const { x, y } = await tab.evaluate(() => window.__bench.choiceAt());
  const price = tab.evaluate(() => window.__bench.priceOnScreen());
  await tab.mouse.click(x, y);
  const shown = await within(price, 'the price on screen', 20000);
  if (shown === null) throw new Error('the SMP price never came on screen');
  const [tapped, drawn] = await tab.evaluate(() => [window.__bench.pointerdown.at(-1), window.__bench.priceDrawn]);
  return {
    ...record, jumpToPicker: stoppedShort ? null : onScreen - jumped, stoppedShort, tapToPrice: shown - tapped, tapToDrawn: drawn - tapped,
    start: tapped, latency: shown - tapped,
  };
}

/** The clinic-page table's rows and notes, on `report` (bench/report.mjs). */
export function clinicReport(report, { plain, widget, jump, read }, runs) {
  const of = (list, key) => list.map((r) => r[key]);
  const lcp = median(of(widget, 'lcp'));
  const lcpPlain = median(of(plain, 'lcp'));
  const row = (...cells) => report.row(...cells);
  row(`the page's LCP, with the widget ÷ without (median of ${runs}; range)`, `${ms(lcp)} (${range(of(widget, 'lcp'))})`,
    `${ms(lcpPlain)} (${range(of(plain, 'lcp'))})`, ratio(lcp, lcpPlain), `≤ ${CLINIC_BUDGET.lcpRatio}`,
    lcp <= CLINIC_BUDGET.lcpRatio * lcpPlain);
  const tbt = median(of(widget, 'tbt'));
  const tbtPlain = median(of(plain, 'tbt'));
  row(`TBT while the page loads, to 4 s after \`load\`, no input: with minus without`, `${ms(tbt)} (${range(of(widget, 'tbt'))})`,
    `${ms(tbtPlain)} (${range(of(plain, 'tbt'))})`, `+${ms(tbt - tbtPlain)}`, `≤ +${CLINIC_BUDGET.tbtExtra} ms`,
    tbt - tbtPlain <= CLINIC_BUDGET.tbtExtra);
  const cls = median(of(widget, 'cls'));
  row('CLS while the page loads, with the widget (median; max)', `${cls.toFixed(3)} (${Math.max(...of(widget, 'cls')).toFixed(3)})`,
    median(of(plain, 'cls')).toFixed(3), '–', `≤ ${CLINIC_BUDGET.cls}`, cls <= CLINIC_BUDGET.cls);
  // A scroll that stopped short of the widget (the page grew after it) never
  // brought the picker on screen: it counts as over budget.
  const reached = of(jump, 'jumpToPicker').filter((v) => v !== null);
  const short = jump.length - reached.length;
  const jumpMs = short * 2 >= jump.length ? Infinity : median([...reached, ...Array(short).fill(Infinity)]);
  row('a visitor who jumps to the widget at `load`: scroll to the picker on screen',
    `${Number.isFinite(jumpMs) ? ms(jumpMs) : 'never'}${reached.length ? ` (${range(reached)})` : ''}; the scroll stopped short of it in ${short} of ${jump.length}`,
    '–', '–', `≤ ${CLINIC_BUDGET.jump} ms`, jumpMs <= CLINIC_BUDGET.jump);
  const jumpTap = median(of(jump, 'tapToPrice'));
  row('… who taps Norwood IV as soon as it is on screen (scrolling on when stopped short): tap to the SMP price on screen', `${ms(jumpTap)} (${range(of(jump, 'tapToPrice'))})`,
    '–', '–', `≤ ${CLINIC_BUDGET.jumpTap} ms`, jumpTap <= CLINIC_BUDGET.jumpTap);
  const readTap = median(of(read, 'tapToPrice'));
  row('a visitor who reads for 2 s, then jumps and taps: tap to price', `${ms(readTap)} (${range(of(read, 'tapToPrice'))})`,
    '–', '–', `≤ ${CLINIC_BUDGET.readTap} ms`, readTap <= CLINIC_BUDGET.readTap);
  const elements = [...new Set([...of(widget, 'lcpElement'), ...of(plain, 'lcpElement')])].join(', ');
  report.note(`clinic page: the LCP element was ${elements}; \`load\` at ${ms(median(of(widget, 'loaded')))} with the widget, ` +
    `${ms(median(of(plain, 'loaded')))} without; the .wasm requested at ${ms(median(of(widget, 'wasmStart').filter((v) => v !== null)))} ` +
    `(median, from navigation start); read-then-tap visitors saw the picker ${ms(median(of(read, 'jumpToPicker').filter((v) => v !== null)))} after their scroll ` +
    `(stopped short in ${read.filter((r) => r.stoppedShort).length} of ${read.length}); ` +
    `tap to the price first in the page (the frame that found it, before the widget scrolls it into view): ` +
    `${ms(median(of(jump, 'tapToDrawn')))} for the jumping visitor, ${ms(median(of(read, 'tapToDrawn')))} for the reader`);
  const at = (key) => ms(median(of(widget, key).filter((v) => v !== null)));
  report.note(`clinic page, no input: the static first screen drawn at ${at('firstScreen')}, the live widget in its place at ${at('takeover')} ` +
    `(medians, from navigation start); long tasks with the widget: ` +
    widget.map((r) => r.longtasks.map((t) => `${Math.round(t.start)}+${Math.round(t.duration)}`).join(' ')).join(' | '));
  const shifts = [...new Set(widget.flatMap((r) => r.shifts))];
  if (shifts.length) report.note(`clinic page, layout shifts with the widget: ${shifts.join('; ')}`);
}

/** The hero's size, for the header line. */
export const heroNote = (hero) => `hero JPEG ${(hero.length / 1024).toFixed(1)} KB (${(gzipSync(hero).length / 1024).toFixed(1)} KB gzip)`;
