
// ---------------------------------------------------------------------------
// SMP estimator loader, appended to wasm-bindgen's module by
// scripts/package-embed.mjs. It loads the WebAssembly next to this file
// (checked against its Subresource Integrity hash), mounts a widget into
// every <div data-smp-estimator> and <smp-estimator> on the page, now and
// later, and offers the API: `ready`, `estimate`, `mount`. The setup page's
// module (smp-estimator-setup.js) is the same loader on its own WebAssembly,
// with web/setup/setup-api.js appended.
//
// The WebAssembly (about 180 KB gzip) loads when it is wanted, not while the
// clinic's page loads: on a phone's 1.6 Mbit/s link it would share the line
// with the page's hero image and delay the page's largest paint (by 264 ms,
// 864 -> 1,128 ms, on the clinic-page benchmark, bench/throttled.mjs). It
// starts, whichever comes first, when a widget comes within one screen of
// the viewport, when the visitor touches, clicks or focuses a widget's
// element, when the page has loaded and the browser is idle (at most 2 s
// later), when a widget's element says `data-load="eager"` (a page whose
// main content the widget is), or when the page's script asks: `await
// ready`, `estimate()` or `mount()`.
const __smpBase = new URL('./', import.meta.url);
/**
 * Imports the module at `href`, checked against its Subresource Integrity
 * hash: a modulepreload link with the hash puts it in the page's module
 * map, where import() then finds it. (A browser without modulepreload,
 * Safari before 17 and Firefox before 115, imports it unchecked.)
 */
const __smpImport = (href, integrity) =>
  new Promise((resolve, reject) => {
    const link = globalThis.document?.createElement('link');
    if (!link?.relList?.supports?.('modulepreload')) return resolve();
    link.rel = 'modulepreload';
    link.href = href;
    link.integrity = integrity;
    link.crossOrigin = 'anonymous';
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', () => reject(new Error(`${href} did not load or failed its integrity check`)), {
      once: true,
    });
    document.head.append(link);
  }).then(() => import(href));
// The WebAssembly's JavaScript (wasm-bindgen's glue): a module with
// `default` (it instantiates the WebAssembly), `mount` and `estimate`. In
// the visitor's module it is a file of its own, smp-estimator_bg.js (about
// 7 KB gzip, three quarters of what this module was), imported alongside
// the WebAssembly's download when the widget is wanted, not with the page:
// on a phone's link every byte that comes with the page delays the page's
// hero image. In the setup page's module it is inlined. Filled in by
// scripts/package-embed.mjs.
const __smpCore = /*__CORE__*/ null;
// The glue's module, once the WebAssembly has started.
let __smpGlue;
// Read by the WebAssembly's entry point, which mounts the widgets: the
// stylesheet, each language's file with its Subresource Integrity hash
// (English is compiled in), and `takeOver` (below).
const __smpStylesheet = {
  href: new URL('smp-estimator.css', __smpBase).href,
  integrity: '__CSS_INTEGRITY__',
  catalogues: /*__CATALOGUES__*/ {},
};
// The widget's first screen as static markup, one file per language with
// its hash: rendered at build time by Yew's server renderer from the same
// components as the live widget (smp_widget::first_screen), about 3 KB
// gzip against the WebAssembly's 194. Shown at once, so the visitor who
// reaches the widget before the WebAssembly finds its picker there, and
// the page is as tall as it will be.
const __smpFirstScreens = /*__FIRST_SCREENS__*/ {};
const __smpFirstScreen = 'data-smp-first-screen';
// Set when the WebAssembly cannot load: no first screen shows after that.
let __smpFailed = false;
const __smpSelector = '[data-smp-estimator], smp-estimator';
let __smpWant;
const __smpWanted = new Promise((resolve) => {
  __smpWant = resolve;
});
let __smpLoaded = false;
// Promise's own `then`, which starts nothing (below, `ready.then` does).
const __smpThen = (promise, onFulfilled, onRejected) => Promise.prototype.then.call(promise, onFulfilled, onRejected);
/** Starts the WebAssembly's download and instantiation (once). */
const __smpLoad = () => {
  __smpWant();
  __smpViewport?.disconnect();
  globalThis.removeEventListener?.('scroll', __smpOnScroll);
};
// Within one screen above or below the viewport: the visitor scrolling
// towards the widget finds it ready (its download takes about 1 s on a
// phone's link). The margin applies to the top-level page only; inside
// another origin's iframe the viewport is the iframe's.
const __smpViewport =
  typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && __smpLoad(), {
        rootMargin: '100% 0px',
      })
    : null;
// The same test, on the page's own scroll: a visitor who jumps to the
// widget (an in-page link) makes the browser lay out its first screen,
// which it skips off screen (60-90 ms on a phone), in the frame before the
// observer reports; the scroll event comes before that layout. Only until
// the load has started.
const __smpWatched = new Set();
const __smpOnScroll = () => {
  for (const element of __smpWatched) {
    if (!element.isConnected) continue;
    const { top, bottom } = element.getBoundingClientRect();
    if (bottom > -innerHeight && top < 2 * innerHeight) return __smpLoad();
  }
};
/**
 * The visitor's language as the widget will choose it: the element's, the
 * page's around it, then the browser's, among the languages there are.
 */
const __smpLanguageOf = (element) => {
  const known = (tag) => {
    const code = (tag ?? '').toLowerCase().split(/[-_]/)[0];
    return code === 'en' || Object.hasOwn(__smpStylesheet.catalogues, code) ? code : undefined;
  };
  const page = ['data-lang', 'lang'].map((name) => element.getAttribute(name));
  page.push(element.parentElement?.closest('[lang]')?.getAttribute('lang'));
  return page.map(known).find(Boolean) ?? [...(navigator.languages ?? [])].map(known).find(Boolean) ?? 'en';
};
/** The first screen's pickers, one a group, in the order of its buttons. */
const __smpPickers = (screen) => [...screen.querySelectorAll('.smp-picker')];
/**
 * What the static first screen does before the WebAssembly: a group's
 * button shows that group's pictures, and a picked pattern's description
 * shows under them, with word that the estimate is coming (the browser
 * itself checks the radio and moves through the group with the arrow
 * keys). The live widget replays it all.
 */
const __smpOnFirstScreen = (event) => {
  const screen = event.currentTarget;
  const button = event.target.closest?.('.smp-group-button');
  if (event.type === 'click' && button) {
    const index = [...button.parentElement.children].indexOf(button);
    __smpPickers(screen).forEach((picker, at) => (picker.hidden = at !== index));
    screen.dataset.group = index;
    __smpPickers(screen)[index].querySelectorAll('.smp-group-button')[index]?.focus();
  }
  const radio = event.target.closest?.('.smp-choice-input');
  if (event.type === 'change' && radio) {
    const description = screen.querySelector(`#${CSS.escape(radio.getAttribute('aria-describedby'))}`);
    const shown = radio.closest('.smp-picker').querySelector('.smp-choice-description');
    if (description && shown) shown.textContent = description.textContent;
    // The estimate is on its way: said on screen and to a screen reader.
    const hint = screen.querySelector('.smp-hint[data-coming]');
    if (hint) {
      hint.textContent = hint.dataset.coming;
      const live = screen.querySelector('[aria-live]');
      if (live) live.textContent = hint.dataset.coming;
    }
  }
};
/**
 * Fetches the stylesheet now (once), alongside the WebAssembly, rather than
 * when the live widget's shadow root links it (which then finds it in the
 * cache): the live widget shows about 20 ms sooner. Not when a first
 * screen has loaded it already: the live widget shares that one.
 */
let __smpStyled = false;
const __smpPreloadStylesheet = () => {
  if (!globalThis.document || document.querySelector('link[data-smp-estimator-preload]') || __smpStyled) return;
  const preload = document.createElement('link');
  preload.rel = 'preload';
  preload.as = 'style';
  preload.href = __smpStylesheet.href;
  preload.integrity = __smpStylesheet.integrity;
  preload.crossOrigin = 'anonymous';
  preload.setAttribute('data-smp-estimator-preload', '');
  document.head.append(preload);
};
/**
 * Resolves once the images in the visitor's first screen of the page have
 * loaded (or failed), at most 3 s after it is first asked: the widget's own
 * first screen waits for them, so that its files (about 8 KB gzip with the
 * stylesheet) never share a phone's link with the page's hero image, whose
 * paint is the page's largest (LCP). Images below the first screen do not
 * hold it.
 */
let __smpPageFirstShown;
const __smpPageFirst = () =>
  (__smpPageFirstShown ??= new Promise((resolve) => {
    setTimeout(resolve, 3000);
    const pending = [...document.images].filter((image) => !image.complete);
    if (!pending.length || typeof IntersectionObserver !== 'function') return resolve();
    const loaded = (image) =>
      image.complete ||
      new Promise((done) => {
        image.addEventListener('load', done, { once: true });
        image.addEventListener('error', done, { once: true });
      });
    // (The observer's first report, asynchronous and without a forced
    // layout, says which are on screen.)
    const seen = new IntersectionObserver((entries) => {
      seen.disconnect();
      Promise.all(entries.filter((entry) => entry.isIntersecting).map((entry) => loaded(entry.target))).then(resolve);
    });
    pending.forEach((image) => seen.observe(image));
  }));
// Until its first screen is drawn, the widget's element counts as about as
// tall as that screen will be, off screen: a visitor who jumps to the
// widget as soon as the page has loaded lands on it rather than short of
// it. The heights are the first screen's own in the stylesheet
// (style/smp-estimator.css), filled in by scripts/package-embed.mjs: the
// height on a phone, and from which width the wide screen's applies.
const __smpReservedHeights = /*__RESERVED_HEIGHTS__*/ null;
const __smpReserved = ['content-visibility', 'contain-intrinsic-block-size'];
const __smpReserve = (element) => {
  if (!__smpReservedHeights) return;
  const { narrow, wideFrom, wide } = __smpReservedHeights;
  const height = globalThis.matchMedia?.(wideFrom).matches ? wide : narrow;
  element.style.setProperty(__smpReserved[0], 'auto');
  element.style.setProperty(__smpReserved[1], `auto ${height}`);
};
const __smpUnreserve = (element) => __smpReserved.forEach((property) => element.style.removeProperty(property));
/**
 * Shows the first screen in the visitor's language inside `element`, if
 * the WebAssembly has not put the live widget there already: once the
 * page's first images have loaded or the widget is wanted, whichever comes
 * first. Styled by the widget's own stylesheet, and shown once both have
 * arrived (never unstyled). The stylesheet holds the page's `load` event
 * until then.
 */
const __smpShowFirstScreen = async (element) => {
  const language = __smpLanguageOf(element);
  const integrity = __smpFirstScreens[language];
  if (!integrity || element.shadowRoot) return;
  __smpReserve(element);
  await Promise.race([__smpPageFirst(), __smpWanted]);
  if (__smpFailed || element.shadowRoot || !element.isConnected) return __smpUnreserve(element);
  const screen = document.createElement('div');
  screen.className = 'smp-host';
  screen.setAttribute(__smpFirstScreen, '');
  screen.hidden = true;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = __smpStylesheet.href;
  link.integrity = __smpStylesheet.integrity;
  link.crossOrigin = 'anonymous';
  link.setAttribute(__smpFirstScreen, '');
  const fail = () => {
    screen.remove();
    link.remove();
    __smpUnreserve(element);
  };
  let waiting = 2; // the stylesheet and the markup
  const arrived = () => {
    waiting -= 1;
    if (waiting || !screen.isConnected) return;
    screen.hidden = false;
    __smpUnreserve(element);
  };
  link.addEventListener('load', () => ((__smpStyled = true), arrived()), { once: true });
  link.addEventListener('error', fail, { once: true });
  element.attachShadow({ mode: 'open' }).append(link, screen);
  try {
    const response = await fetch(new URL(`first-screen/${language}.html`, __smpBase), { integrity });
    const markup = response.ok ? await response.text() : '';
    if (!screen.isConnected) return;
    if (!markup) return fail();
    // The package's own markup, checked against its hash (a page that
    // enforces Trusted Types refuses it: the live widget comes as before).
    screen.innerHTML = markup;
    for (const [attribute, property] of [
      ['data-accent', '--smp-accent'],
      ['data-font', '--smp-font'],
    ]) {
      const value = element.getAttribute(attribute);
      if (value) screen.style.setProperty(property, value);
    }
    screen.addEventListener('click', __smpOnFirstScreen);
    screen.addEventListener('change', __smpOnFirstScreen);
    arrived();
  } catch {
    // No first screen: the live widget comes as before.
    fail();
  }
};
/**
 * Called by the WebAssembly once the live widget in `live` (not yet in the
 * page) has drawn what the static `screen` shows: swaps them in one task
 * (the same markup, so nothing moves) and keeps focus where it was, then
 * does on the live widget what the visitor did on the static one, through
 * its own controls: the group shown, the further details opened, the
 * pattern picked (which is answered, and the answer scrolled into view,
 * as any pick is).
 */
__smpStylesheet.takeOver = (screen, live) => {
  const buttons = () => [...live.querySelectorAll('.smp-group-button')];
  // The group the visitor chose first, while the live widget is still out
  // of sight; the swap a task later, once it has drawn that group.
  const group = buttons()[screen.dataset.group];
  const shown = () => !group || group.getAttribute('aria-pressed') === 'true';
  if (!shown()) group.click();
  // (Checked task by task: never swapped in showing another group.)
  const swap = (tries) => (shown() || tries > 50 ? __smpSwap(screen, live, buttons) : setTimeout(swap, 0, tries + 1));
  swap(0);
};
const __smpSwap = (screen, live, buttons) => {
  const shadow = screen.getRootNode();
  // The live counterpart of the screen's group button, pattern or summary.
  const counterpart = (node) =>
    node.matches('.smp-group-button')
      ? buttons()[[...node.parentElement.children].indexOf(node)]
      : node.matches('.smp-choice-input')
        ? live.querySelector(`.smp-choice-input[value="${CSS.escape(node.value)}"]`)
        : live.querySelector(node.localName);
  const focused = screen.contains(shadow.activeElement) ? shadow.activeElement : null;
  const picked = screen.querySelector('.smp-choice-input:checked');
  const opened = screen.querySelector('details')?.open;
  // (And what a widget that failed before this one drew left behind.) The
  // screen's stylesheet stays: the live widget shares it (src/theme.rs).
  shadow.querySelectorAll('.smp-host').forEach((node) => node === screen || node.remove());
  __smpUnreserve(shadow.host);
  // Off screen, the live widget is left unlaid-out as the static screen
  // was, at its height, until the visitor comes near (on a phone its
  // layout is a 40-60 ms task, while the page may still be busy); once it
  // has been drawn it is an ordinary element again.
  if (!screen.hidden && screen.firstElementChild?.checkVisibility?.({ contentVisibilityAuto: true }) === false) {
    live.style.setProperty(__smpReserved[0], 'auto');
    live.style.setProperty(__smpReserved[1], `auto ${screen.getBoundingClientRect().height}px`);
    const drawn = (event) => {
      if (event.skipped) return;
      live.removeEventListener('contentvisibilityautostatechange', drawn);
      __smpUnreserve(live);
    };
    live.addEventListener('contentvisibilityautostatechange', drawn);
  }
  live.hidden = false;
  const [x, y] = [globalThis.scrollX, globalThis.scrollY];
  screen.replaceWith(live);
  // WebKit clamps the page's scroll as if neither were there: on a page
  // the widget ends, a visitor scrolled to it was sent to the top. (The
  // read lays out the live widget in this task rather than the next
  // frame's: no more work.)
  if (globalThis.scrollY !== y) globalThis.scrollTo(x, y);
  // (A click, as the visitor's: the live widget draws the fields then.)
  if (opened) live.querySelector('details > summary')?.click();
  const radio = picked && counterpart(picked);
  if (radio && !radio.checked) radio.click();
  if (focused) counterpart(focused)?.focus({ preventScroll: true });
};
/** Watches one widget's element for what starts the load. */
const __smpWatch = (element) => {
  __smpShowFirstScreen(element);
  const load = element.getAttribute('data-load');
  if (load === 'eager') return __smpLoad();
  if (load !== null && load !== 'lazy') {
    console.error(`SMP estimator: data-load="${load}" is neither eager nor lazy; lazy it is`);
  }
  if (!__smpViewport) return __smpLoad();
  __smpViewport.observe(element);
  if (!__smpWatched.size) addEventListener('scroll', __smpOnScroll, { passive: true });
  __smpWatched.add(element);
  // Capture, so that a tap on the widget's own controls counts.
  for (const type of ['pointerdown', 'keydown', 'focusin']) {
    element.addEventListener(type, __smpLoad, { once: true, passive: true, capture: true });
  }
};
if (globalThis.document) {
  document.querySelectorAll(__smpSelector).forEach(__smpWatch);
  // The page has loaded and is idle: the widget loads now rather than when
  // the visitor reaches it (Safari has no requestIdleCallback).
  const idle = () =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(__smpLoad, { timeout: 2000 }) : setTimeout(__smpLoad, 200);
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
} else {
  __smpLoad();
}

/**
 * Resolves once the widget can run; rejects if the WebAssembly cannot load.
 * Waiting on it (`await ready`, `ready.then`) starts the load: a page that
 * waits for the API wants it now, not when the browser is next idle.
 */
class __SmpReady extends Promise {
  static get [Symbol.species]() {
    return Promise;
  }
  then(onFulfilled, onRejected) {
    __smpLoad();
    return super.then(onFulfilled, onRejected);
  }
}
/** Loads the WebAssembly and starts the widgets: once, when wanted. */
const __smpStart = async () => {
  const stylesheet = __smpStylesheet;
  globalThis.__smpEstimatorStylesheet = stylesheet;
  // The visitor's language when it is not English (compiled in): the
  // page's language fetched now, alongside the WebAssembly, rather than
  // after it.
  const catalogues = stylesheet.catalogues;
  const first = globalThis.document?.querySelector(__smpSelector) ?? globalThis.document?.documentElement;
  const language = first && __smpLanguageOf(first);
  if (language && language !== 'en') {
    const text = fetch(new URL(`i18n/${language}.json`, __smpBase), { integrity: catalogues[language] }).then(
      (response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))),
    );
    text.catch(() => {}); // the widget reports it, if a widget needs it
    stylesheet.prefetched = { [language]: text };
  }
  __smpPreloadStylesheet();
  const wasm = fetch(new URL('__WASM_FILE__', __smpBase), {
    integrity: '__WASM_INTEGRITY__',
  });
  const started = __smpCore().then(async (glue) => {
    await glue.default({ module_or_path: wasm });
    return glue;
  });
  // While the WebAssembly downloads, the main thread is idle: pay now the
  // browser's one-time costs that a widget's first quote would otherwise
  // wait on. The first number format a page makes loads the browser's locale
  // data (12-30 ms here, whatever the locale; every later one is cheap), the
  // first list format about 1 ms more, and the first touch of storage (where
  // the widget keeps the visitor's answers) opens it. Only on a page with a
  // widget already in it; see docs/performance.md. On a phone the first
  // number format alone blocks the page for 100-180 ms (4x slower CPU), in
  // one piece, over the 100 ms a phone's task may take. So where it can, a
  // worker pays it (smp-estimator-warm.js, needs the page's own origin and a
  // CSP that allows it): the browser keeps that data for the whole process,
  // and what is left to do here takes a few milliseconds. Then, or where no worker
  // can run, each warm-up here in a task of its own, after this one.
  if (globalThis.document?.querySelector('[data-smp-estimator], smp-estimator')) {
    const later = (warm) =>
      setTimeout(() => {
        try {
          warm();
        } catch {
          // A browser without these, or storage denied: the widget copes.
        }
      });
    const warmHere = () => {
      later(() => new Intl.NumberFormat().format(0));
      later(() => {
        new Intl.ListFormat(undefined, { type: 'unit' });
        void globalThis.localStorage?.length;
      });
    };
    const warmer = new URL('smp-estimator-warm.js', __smpBase);
    if (warmer.origin === globalThis.location?.origin && typeof Worker === 'function') {
      try {
        const worker = new Worker(warmer, { name: 'smp-estimator-warm' });
        const done = (event) => {
          event.preventDefault?.();
          worker.terminate();
          warmHere();
        };
        worker.onmessage = done;
        worker.onerror = done;
        worker.postMessage([document.documentElement.lang, ...(navigator.languages ?? [])].filter(Boolean));
      } catch {
        warmHere();
      }
    } else {
      warmHere();
    }
  }
  __smpGlue = await started;
  __smpLoaded = true;
};
export const ready = __SmpReady.resolve(__smpWanted.then(__smpStart));
__smpThen(ready, undefined, (error) => {
  console.error('SMP estimator could not start:', error);
  __smpFailed = true;
  // A picker that would never answer is worse than none.
  globalThis.document?.querySelectorAll(__smpSelector).forEach((element) => {
    element.shadowRoot?.querySelectorAll(`[${__smpFirstScreen}]`).forEach((node) => node.remove());
    __smpUnreserve(element);
  });
});

/**
 * The engine's quote (the glue's `estimate`). Before the WebAssembly has
 * loaded it starts the load and says to wait for `ready`, rather than
 * failing on an uninitialised module.
 */
export function estimate(input, settings) {
  if (!__smpLoaded) {
    __smpLoad();
    throw new Error('SMP estimator: still loading; await ready first');
  }
  return __smpGlue.estimate(input, settings);
}

/**
 * Mounts a widget in `element`, with `settings` or the element's own, once
 * the WebAssembly has loaded (which this starts).
 */
export const mount = (element, settings) => ready.then(() => __smpGlue.mount(element, settings));

if (globalThis.customElements && !customElements.get('smp-estimator')) {
  customElements.define(
    'smp-estimator',
    class extends HTMLElement {
      connectedCallback() {
        if (!__smpLoaded) __smpWatch(this);
        __smpThen(ready, () => __smpGlue.mount(this, undefined));
      }
    },
  );
}

globalThis.SmpEstimator = Object.freeze({
  ready,
  estimate: (input, settings) => estimate(input, settings),
  // A page that mounts a widget itself wants it now.
  mount: (element, settings) => mount(element, settings),
});
