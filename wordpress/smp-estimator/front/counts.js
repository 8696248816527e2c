// The clinic's funnel, counted on the visitor's page while the clinic has
// counting on (Settings → SMP estimator): it listens to the widget's public
// events and sends each count as a sendBeacon of two words, `event` and
// `pattern`, to the address on the widget's element (data-smp-counts). No
// cookie is set and nothing about the visitor is sent.
(function () {
  'use strict';
  if (!navigator.sendBeacon) return;
  // The pattern last counted for each widget: one estimate per pattern the
  // visitor looks at, not one per step of the area slider (as the
  // widget's own `smp_estimate` for tag managers).
  var last = new WeakMap();
  function send(event, name, pattern) {
    var element = event.target && event.target.closest ? event.target.closest('[data-smp-counts]') : null;
    if (!element) return;
    var body = new URLSearchParams();
    body.set('event', name);
    body.set('pattern', pattern || '');
    navigator.sendBeacon(element.getAttribute('data-smp-counts'), body);
  }
  var pattern = function (detail) {
    return detail && detail.input && typeof detail.input.pattern === 'string' ? detail.input.pattern : '';
  };
  document.addEventListener('smp-estimator:quote', function (event) {
    var shown = pattern(event.detail);
    if (!shown || last.get(event.target) === shown) return;
    last.set(event.target, shown);
    send(event, 'estimate', shown);
  });
  document.addEventListener('smp-estimator:cta', function (event) {
    send(event, 'booking', pattern(event.detail));
  });
  // Requests stored by WordPress are counted there; this one counts those
  // sent to a clinic's own endpoint or email (the plugin ignores it otherwise).
  document.addEventListener('smp-estimator:lead', function (event) {
    send(event, 'request', pattern(event.detail));
  });
})();
