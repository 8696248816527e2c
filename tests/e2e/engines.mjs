// One small driver interface over the three browser engines, so that a
// journey is written once and runs in each:
//   chromium  Debian's Chromium through playwright-core
//   firefox   Debian's Firefox ESR through puppeteer-core over WebDriver BiDi
//   webkit    Debian's WebKitGTK (Safari 26's generation) through
//             WebKitWebDriver and selenium-webdriver, on an Xvfb screen
// (../../shared/TOOLCHAIN.md has what works here, and why not playwright's
// own Firefox and WebKit: they need patched builds that cannot be installed.)
//
// A tab offers only what journeys need, with CSS selectors that reach into
// open shadow roots (the widget lives in one): `host >>> inner` scopes the
// inner part to one host's shadow tree; `inFrame(iframe, fn)` runs `fn` in
// an iframe's document, of any origin. Clicks and typing are the engine's
// own input events, never synthetic ones.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { Builder, Key } from 'selenium-webdriver';
import { launch as launchChromium, freePort, until } from './support.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** MiniBrowser's window is never narrower than this (its toolbar's width). */
const WEBKIT_MIN_WIDTH = 447;

/**
 * The first script of every test page: it records what the page reports as
 * wrong, in every engine alike (WebKitWebDriver has no log to read).
 */
export const ERROR_RECORDER = `<script>
window.__errors = [];
addEventListener('error', (event) => window.__errors.push(String(event.message || event.error)));
addEventListener('unhandledrejection', (event) => window.__errors.push('unhandled rejection: ' + String(event.reason)));
const originalError = console.error.bind(console);
console.error = (...parts) => { window.__errors.push(parts.map(String).join(' ')); originalError(...parts); };
</script>`;

/**
 * A page that shows another page of the same origin in a frame of a given
 * size: WebKit's stand-in for a phone screen narrower than its window can
 * be. Inside it, the page's viewport, media queries and scrolling are the
 * frame's, as on a phone.
 */
export const DRIVER_PAGES = {
  // A page of the test server's origin where WebKit's one window clears
  // the storage of the tab before it opens a test page.
  '/__blank.html': { body: '<!doctype html><title>blank</title>' },
  '/__phone.html': {
    body: `<!doctype html><html><head><meta charset="utf-8"><title>phone</title>
<style>html, body { margin: 0 } iframe { border: 0; display: block }</style></head>
<body><script>
const query = new URLSearchParams(location.search);
const frame = document.createElement('iframe');
frame.width = query.get('w');
frame.height = query.get('h');
frame.src = query.get('src');
document.body.append(frame);
</script></body></html>`,
  },
};

// In the page: `deep(selector)` finds the first match in the document or
// any open shadow root below it (`host >>> inner` searches one host's tree).
const DEEP = `
const deepAll = (selector, root = document) => {
  const [head, ...rest] = selector.split(' >>> ');
  if (rest.length) {
    return deepAll(head, root).flatMap((host) => (host.shadowRoot ? deepAll(rest.join(' >>> '), host.shadowRoot) : []));
  }
  const found = [...root.querySelectorAll(head)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepAll(head, element.shadowRoot));
  }
  return found;
};
const deep = (selector) => deepAll(selector)[0] ?? null;
`;

/** A function's source and its JSON arguments, run in the page with `deep`. */
const script = (fn, args) => `(() => { ${DEEP}; return (${fn})(...${JSON.stringify(args)}); })()`;

/**
 * Runs `fn` in the page (with `deep`) until it returns something truthy,
 * or what `accept` takes, and returns that; fails with `what` after
 * `timeout` ms. WebDriver and BiDi have no wait for a condition in the page.
 */
const poll = (evaluate, fn, args, what, timeout, accept) =>
  until(what, () => evaluate(fn, ...args), { timeout, accept });

/** The part every engine shares: waiting, reading and the error record. */
function tabOf(name, { evaluate, ...rest }) {
  const tab = {
    engine: name,
    evaluate,
    waitUntil: (fn, args = [], what = String(fn), timeout) => poll(evaluate, fn, args, what, timeout),
    waitFor: (selector, timeout) =>
      poll(
        evaluate,
        (sel) => {
          const element = deep(sel);
          return !!element && element.getClientRects().length > 0;
        },
        [selector],
        selector,
        timeout,
      ),
    // (Polled: a widget that is starting may replace the element meanwhile,
    // and a first screen the browser has not drawn yet has no rendered
    // text: WebKit decides a frame later that one on screen is.)
    text: (selector) =>
      poll(
        evaluate,
        (sel) => {
          const element = deep(sel);
          if (!element?.getClientRects().length) return null;
          const text = element.innerText.replace(/[\u00a0\u202f]/g, ' ').trim();
          return text || !element.textContent.trim() ? [text] : null;
        },
        [selector],
        selector,
      ).then(([text]) => text),
    /**
     * Waits until the element's text is `expected` (figures update as the
     * visitor types), and fails there, with the text it last read, if not.
     */
    waitForText: (selector, expected, timeout) =>
      poll(
        evaluate,
        (sel) => {
          const element = deep(sel);
          return element?.getClientRects().length ? element.innerText.replace(/[\u00a0\u202f]/g, ' ').trim() : null;
        },
        [selector],
        `${selector} to read ${expected}`,
        timeout,
        (text) => text === expected,
      ),
    value: (selector) => evaluate((sel) => deep(sel)?.value ?? null, selector),
    count: (selector) => evaluate((sel) => deepAll(sel).length, selector),
    errors: () => evaluate(() => window.__errors ?? ['the page has no error recorder']),
    ...rest,
  };
  return tab;
}

async function startChromium() {
  const browser = await launchChromium();
  return {
    name: 'chromium',
    async open(url, { width = 1280, height = 900 } = {}) {
      const page = await browser.newPage({ viewport: { width, height } });
      const evaluate = (fn, ...args) => page.evaluate(script(fn, args));
      const handle = async (selector) => {
        await poll(evaluate, (sel) => !!deep(sel), [selector], selector);
        return (await page.evaluateHandle(script((sel) => deep(sel), [selector]))).asElement();
      };
      await page.goto(url);
      return tabOf('chromium', {
        evaluate,
        goto: (to) => page.goto(to),
        reload: () => page.reload(),
        url: () => page.url(),
        click: async (selector) => (await handle(selector)).click(),
        fill: async (selector, text) => (await handle(selector)).fill(text),
        inFrame: async (selector, fn, ...args) => (await (await handle(selector)).contentFrame()).evaluate(script(fn, args)),
        press: (key) => page.keyboard.press(key),
        screenshot: (path) => page.screenshot({ path, fullPage: true }),
        close: () => page.close(),
      });
    },
    close: () => browser.close(),
  };
}

async function startFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Visitors in the United Kingdom, as in the Chromium tests.
    extraPrefsFirefox: { 'intl.accept_languages': 'en-GB, en', 'intl.locale.requested': 'en-GB' },
  });
  return {
    name: 'firefox',
    async open(url, { width = 1280, height = 900 } = {}) {
      // A context of its own, so that no tab sees another's storage.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      const evaluate = (fn, ...args) => page.evaluate(script(fn, args));
      const handle = async (selector) => {
        await poll(evaluate, (sel) => !!deep(sel), [selector], selector);
        return page.evaluateHandle(script((sel) => deep(sel), [selector]));
      };
      await page.goto(url);
      return tabOf('firefox', {
        evaluate,
        goto: (to) => page.goto(to),
        reload: () => page.reload(),
        url: () => page.url(),
        click: async (selector) => (await handle(selector)).click(),
        fill: async (selector, text) => {
          const element = await handle(selector);
          await element.click({ count: 3 });
          await element.evaluate((input) => input.select());
          if (text === '') await page.keyboard.press('Backspace');
          else await element.type(text);
        },
        inFrame: async (selector, fn, ...args) => (await (await handle(selector)).contentFrame()).evaluate(script(fn, args)),
        press: (key) => page.keyboard.press(key),
        screenshot: (path) => page.screenshot({ path, fullPage: true }),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

/** Starts a process and stops it when the engine closes (or the test dies). */
function child(command, args, options) {
  const process_ = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const stop = () => process_.exitCode === null && process_.kill();
  process.once('exit', stop);
  return { process: process_, stop };
}

async function startWebkit() {
  // An Xvfb screen of its own, 24-bit (the default 8-bit one gives blank
  // screenshots), on the first free display it finds.
  const xvfb = child('Xvfb', ['-displayfd', '1', '-screen', '0', '1400x1100x24', '-nolisten', 'tcp']);
  const [display] = await once(xvfb.process.stdout, 'data');
  const port = await freePort();
  const webdriver = child(WEBKIT_DRIVER, [`--port=${port}`], {
    // Visitors in the United Kingdom, as in the other engines (WebKitGTK
    // takes the visitor's languages from the process's).
    env: { ...process.env, DISPLAY: `:${String(display).trim()}`, LANGUAGE: 'en_GB:en', LANG: 'en_GB.UTF-8' },
  });
  // WebKitWebDriver says nothing when it is ready: asked until it answers.
  const driver = await until('WebKitWebDriver to start a MiniBrowser session', () =>
    new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build(),
  );
  // WebDriver awaits a returned promise, as the other two engines do.
  const evaluate = (fn, ...args) => driver.executeScript(`return ${script(fn, args)};`);
  const element = async (selector) => {
    await poll(evaluate, (sel) => !!deep(sel), [selector], selector);
    return driver.executeScript(`return ${script((sel) => deep(sel), [selector])};`);
  };
  // The window's toolbar takes some of its height.
  let chrome = null;
  let framed = null;
  const load = async (url, width, height) => {
    await driver.switchTo().defaultContent();
    if (width < WEBKIT_MIN_WIDTH) {
      const phone = new URL('/__phone.html', url);
      phone.search = new URLSearchParams({ w: width, h: height, src: url }).toString();
      await driver.get(phone.href);
      await poll(evaluate, () => document.querySelector('iframe')?.contentDocument?.readyState === 'complete', [], 'the phone frame');
      await driver.switchTo().frame(0);
      framed = { width, height };
    } else {
      await driver.get(url);
      framed = null;
    }
  };
  return {
    name: 'webkit',
    async open(url, { width = 1280, height = 900 } = {}) {
      if (chrome === null) {
        await driver.get('about:blank');
        const [outer, inner] = await driver.executeScript('return [outerHeight, innerHeight]');
        chrome = outer - inner;
      }
      await driver.manage().window().setRect({ x: 0, y: 0, width: Math.max(width, WEBKIT_MIN_WIDTH), height: height + chrome });
      // One window for every tab: what an earlier tab stored is cleared.
      await driver.switchTo().defaultContent();
      await driver.get(new URL('/__blank.html', url).href);
      await driver.executeScript('localStorage.clear(); sessionStorage.clear()');
      await load(url, width, height);
      return tabOf('webkit', {
        evaluate,
        goto: (to) => load(to, framed?.width ?? width, framed?.height ?? height),
        // WebDriver's own refresh would leave the phone frame: the page
        // reloads itself, and the reload is over once the page marked
        // before it has gone and the new one is complete.
        reload: async () => {
          await driver.executeScript('window.__beforeReload = true; location.reload()');
          await poll(evaluate, () => !window.__beforeReload && document.readyState === 'complete', [], 'the reload');
        },
        url: () => evaluate(() => location.href),
        click: async (selector) => {
          const target = await element(selector);
          await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', target);
          await target.click();
        },
        fill: async (selector, text) => {
          const target = await element(selector);
          await driver.executeScript('arguments[0].scrollIntoView({block: "center"}); arguments[0].focus(); arguments[0].select()', target);
          await target.sendKeys(text === '' ? Key.BACK_SPACE : text);
        },
        inFrame: async (selector, fn, ...args) => {
          await driver.switchTo().frame(await element(selector));
          try {
            return await evaluate(fn, ...args);
          } finally {
            await driver.switchTo().parentFrame();
          }
        },
        press: (key) => driver.actions().sendKeys(Key[key.toUpperCase()] ?? key).perform(),
        screenshot: async (path) => writeFile(path, Buffer.from(await driver.takeScreenshot(), 'base64')),
        close: async () => {},
      });
    },
    async close() {
      await driver.quit().catch(() => {});
      webdriver.stop();
      xvfb.stop();
    },
  };
}

/** Starts one engine; `close()` it when its journeys are done. */
export function start(name) {
  return { chromium: startChromium, firefox: startFirefox, webkit: startWebkit }[name]();
}
