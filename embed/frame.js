// The iframe mode's page: settings and presets come from the query string
// (the same names as the data attributes, without "data-"), are set on the
// element as plain text, and the widget starts; the page's height is sent
// to the parent so that frame-host.js can size the iframe.
const ALLOWED = [
  'currency', 'locale', 'clinic-name', 'booking-url', 'rounding-step', 'accent', 'font',
  'config-url', 'pattern', 'area-cm2', 'goal', 'donor', 'years',
];
const element = document.getElementById('smp-frame');
const query = new URLSearchParams(location.search);
for (const name of ALLOWED) {
  const value = query.get(name);
  if (value !== null) element.setAttribute(`data-${name}`, value);
}
if (query.has('lang')) document.documentElement.lang = query.get('lang');

let last = 0;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    // Only a height crosses, so any parent may hear it.
    window.parent.postMessage({ type: 'smp-estimator:resize', height }, '*');
  }
};
new ResizeObserver(report).observe(document.documentElement);

await import('./smp-estimator.js');
