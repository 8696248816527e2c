// SMP estimator: the browser's one-time Intl set-up, run off the page's
// main thread. The loader (smp-estimator.js) starts this worker while the
// WebAssembly downloads, when the package is served from the page's own
// origin. The first number format a page makes loads the browser's list of
// locales and its number data: about 100-180 ms in one piece on a phone
// (4x slower CPU), which no task can split. Browsers keep that data for the
// whole process, so once this worker has paid it, the widget's own formats
// on the page cost a few milliseconds (docs/performance.md, "Under mobile
// throttling"). It formats nothing the visitor typed and sends nothing.
self.onmessage = ({ data }) => {
  const locales = [...(Array.isArray(data) ? data : []), undefined];
  for (const locale of locales) {
    for (const [name, options] of [
      ['NumberFormat', {}],
      ['NumberFormat', { style: 'currency', currency: 'USD', notation: 'compact' }],
      ['PluralRules', {}],
      ['ListFormat', { type: 'unit', style: 'short' }],
    ]) {
      try {
        const format = new Intl[name](locale, options);
        if (name === 'NumberFormat') format.format(1234.5);
      } catch {
        // A tag or a constructor this browser does not know: nothing to warm.
      }
    }
  }
  self.postMessage('warm');
};
