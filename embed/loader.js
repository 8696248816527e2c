
// ---------------------------------------------------------------------------
// SMP estimator loader, appended to wasm-bindgen's module by
// scripts/package-embed.mjs. It loads the WebAssembly next to this file
// (checked against its Subresource Integrity hash), mounts a widget into
// every <div data-smp-estimator> and <smp-estimator> on the page, now and
// later, and offers the API: `ready`, `estimate`, `mount`.
const __smpBase = new URL('./', import.meta.url);

/** Resolves once the widget can run; rejects if the WebAssembly cannot load. */
export const ready = (async () => {
  // Read by the WebAssembly's entry point, which mounts the widgets.
  const stylesheet = {
    href: new URL('smp-estimator.css', __smpBase).href,
    integrity: '__CSS_INTEGRITY__',
  };
  globalThis.__smpEstimatorStylesheet = stylesheet;
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
  const wasm = fetch(new URL('smp-estimator_bg.wasm', __smpBase), {
    integrity: '__WASM_INTEGRITY__',
  });
  await __wbg_init({ module_or_path: wasm });
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
  // For the setup page (configure.html) and clinics' own tools.
  priceSheet: (settings) => priceSheet(settings),
  checkSettings: (settings) => checkSettings(settings),
  markets: () => markets(),
  patterns: () => patterns(),
});
