
// ---------------------------------------------------------------------------
// SMP estimator loader, appended to wasm-bindgen's module by
// scripts/package-embed.mjs. It loads the WebAssembly next to this file
// (checked against its Subresource Integrity hash), mounts a widget into
// every <div data-smp-estimator> and <smp-estimator> on the page, now and
// later, and offers the API: `ready`, `estimate`, `mount`. The setup page's
// module (smp-estimator-setup.js) is the same loader on its own WebAssembly,
// with web/setup/setup-api.js appended.
const __smpBase = new URL('./', import.meta.url);

/** Resolves once the widget can run; rejects if the WebAssembly cannot load. */
export const ready = (async () => {
  // Read by the WebAssembly's entry point, which mounts the widgets.
  const stylesheet = {
    href: new URL('smp-estimator.css', __smpBase).href,
    integrity: '__CSS_INTEGRITY__',
  };
  globalThis.__smpEstimatorStylesheet = stylesheet;
  // The visitor's language when it is not English (compiled in): each
  // language's file with its Subresource Integrity hash, and the page's
  // language fetched now, alongside the WebAssembly, rather than after it.
  const catalogues = /*__CATALOGUES__*/ {};
  stylesheet.catalogues = catalogues;
  const language = [globalThis.document?.documentElement.lang, ...(globalThis.navigator?.languages ?? [])]
    .map((tag) => (tag ?? '').toLowerCase().split(/[-_]/)[0])
    .find((code) => code === 'en' || Object.hasOwn(catalogues, code));
  if (language && language !== 'en') {
    const text = fetch(new URL(`i18n/${language}.json`, __smpBase), { integrity: catalogues[language] }).then(
      (response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))),
    );
    text.catch(() => {}); // the widget reports it, if a widget needs it
    stylesheet.prefetched = { [language]: text };
  }
  // Fetch the stylesheet now, alongside the WebAssembly, rather than when
  // the first widget links it into its shadow root (which then finds it in
  // the cache): the widget shows about 20 ms sooner.
  if (globalThis.document && !document.querySelector('link[data-smp-estimator-preload]')) {
    const preload = document.createElement('link');
    preload.rel = 'preload';
    preload.as = 'style';
    preload.href = stylesheet.href;
    preload.integrity = stylesheet.integrity;
    preload.crossOrigin = 'anonymous';
    preload.setAttribute('data-smp-estimator-preload', '');
    document.head.append(preload);
  }
  const wasm = fetch(new URL('__WASM_FILE__', __smpBase), {
    integrity: '__WASM_INTEGRITY__',
  });
  const started = __wbg_init({ module_or_path: wasm });
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
  await started;
})();
ready.catch((error) => console.error('SMP estimator could not start:', error));

if (globalThis.customElements && !customElements.get('smp-estimator')) {
  customElements.define(
    'smp-estimator',
    class extends HTMLElement {
      connectedCallback() {
        ready.then(() => mount(this, undefined));
      }
    },
  );
}

globalThis.SmpEstimator = Object.freeze({
  ready,
  estimate: (input, settings) => estimate(input, settings),
  mount: (element, settings) => ready.then(() => mount(element, settings)),
});
