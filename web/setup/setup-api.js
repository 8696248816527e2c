
// ---------------------------------------------------------------------------
// Appended to web/loader.js in the setup page's module only
// (smp-estimator-setup.js, whose WebAssembly is built with the setup-api
// feature; see scripts/package-embed.mjs): the setup API beside `ready`,
// `estimate` and `mount` on window.SmpEstimator, for the setup page
// (configure.html) and clinics' own tools. As module exports they come from
// wasm-bindgen's glue itself.
globalThis.SmpEstimator = Object.freeze({
  ...globalThis.SmpEstimator,
  priceSheet: (settings) => priceSheet(settings),
  checkSettings: (settings) => checkSettings(settings),
  markets: () => markets(),
  patterns: () => patterns(),
});
