// The iframe mode's page. Anyone can link to it with any query string, so
// its address gives only what a visitor may choose: the preset answers
// (the same names as the data attributes, without "data-"), the language,
// and a settings file on this page's own origin, which only the clinic can
// put there. The clinic's other settings come from the framing page:
// frame-host.js hands over the iframe element's data- attributes when
// asked. Everything is set on the element as plain text, and the widget
// starts; the page's height is sent to the parent so that frame-host.js
// can size the iframe.
const PRESETS = ['pattern', 'area-cm2', 'goal', 'donor', 'years'];
const SETTINGS = ['currency', 'locale', 'clinic-name', 'booking-url', 'rounding-step', 'accent', 'font', 'config-url'];
// The two settings that point elsewhere are held to the clinic's own
// origins, whoever gives them: a settings file only from where this page
// is hosted, a booking link only to this page's origin or the page framing
// it. Both are read as the browser reads them:
// http(s) only (a `javascript:` or `data:` address has the origin "null"),
// and no user info, which hides the real host
// (`https://clinic.example@evil.example` goes to evil.example).
const webAddress = (value, base) => {
  try {
    const url = new URL(value, base);
    return /^https?:$/.test(url.protocol) && !url.username && !url.password ? url : null;
  } catch {
    return null;
  }
};
const originOf = (value) => webAddress(value)?.origin;
// Firefox has no location.ancestorOrigins. There the framing page is known
// by this page's referrer: the document that navigated the iframe, which
// is its parent (through the src attribute), and its
// origin even under the default referrer policy. Only when framed: opened
// as a page of its own, a link's referrer is just whoever linked here. A
// parent that sends no referrer (`no-referrer`) leaves only this origin.
const framer = window.parent !== window && document.referrer ? [originOf(document.referrer)] : [];
// A sandboxed or `data:` ancestor, or this page in a sandbox, has the
// opaque origin "null", which is no one's: it is never trusted.
const trusted = new Set([location.origin, ...(location.ancestorOrigins ?? framer)].filter((origin) => origin && origin !== 'null'));
const element = document.getElementById('smp-frame');
const setting = (name, value) => {
  if (name === 'config-url' && webAddress(value, location.href)?.origin !== location.origin) {
    console.error(`SMP estimator: config-url must be on ${location.origin}; ignored`);
  } else if (name === 'booking-url' && !trusted.has(originOf(value))) {
    console.error("SMP estimator: booking-url must be an http(s) address, without a name@, on the framing page's or this page's origin; ignored");
  } else {
    element.setAttribute(`data-${name}`, value);
  }
};
const query = new URLSearchParams(location.search);
for (const name of SETTINGS.filter((name) => name !== 'config-url' && query.has(name))) {
  // An older snippet put them here; a link from anyone still can.
  console.error(`SMP estimator: ${name} in frame.html's address is ignored; put it on the iframe as data-${name}`);
}
for (const name of [...PRESETS, 'config-url']) {
  if (query.has(name)) setting(name, query.get(name));
}
// The visitor's language: ?lang= (the clinic's page's language), else the
// browser's (the widget falls back to English for one it does not speak).
document.documentElement.lang = query.get('lang') || navigator.language || 'en';

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

// What only the host page knows: the clinic's settings (the iframe's data-
// attributes) and its campaign parameters (utm_*), which this page cannot
// read across origins. frame-host.js answers a hello with them; the
// settings go on the element (the snippet's presets win over the address's)
// and the campaign joins this page's address, where the widget reads it.
// Asked until answered, for at most a second (frame-host.js may load after
// this page); the module downloads meanwhile (modulepreload in frame.html).
const CAMPAIGN = /^utm_(source|medium|campaign|term|content)$/;
const { campaign, settings } = await new Promise((resolve) => {
  if (window.parent === window) return resolve({});
  const hello = () => window.parent.postMessage({ type: 'smp-estimator:hello' }, '*');
  const asking = setInterval(hello, 50);
  const done = (answer) => {
    clearInterval(asking);
    resolve(answer);
  };
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === 'smp-estimator:campaign') done(event.data);
  });
  hello();
  setTimeout(done, 1000, {});
});
for (const name of [...SETTINGS, ...PRESETS]) {
  const value = settings?.[name];
  if (typeof value === 'string') setting(name, value);
}
const address = new URL(location.href);
for (const pair of Array.isArray(campaign) ? campaign : []) {
  const [key, value] = Array.isArray(pair) ? pair : [];
  if (CAMPAIGN.test(key) && typeof value === 'string' && !address.searchParams.has(key)) {
    address.searchParams.append(key, value.slice(0, 200));
  }
}
if (address.href !== location.href) history.replaceState(history.state, '', address);

await import('./smp-estimator.js');
