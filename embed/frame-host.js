// For pages that embed the estimator as an iframe:
//   <iframe data-smp-estimator-frame src=".../frame.html?currency=EUR" title="SMP cost estimate"></iframe>
//   <script src=".../frame-host.js"></script>
// A classic script without `crossorigin`, so it loads from another origin
// whose server sends no CORS headers. It listens to each such iframe, and
// a message counts only if it comes from that iframe's window and from the
// origin of its src:
// - `smp-estimator:resize` sets the iframe's height to its content's;
// - `smp-estimator:hello` is answered with this page's campaign parameters
//   (utm_*), which the widget inside cannot read across origins, sent to
//   that origin only.
(() => {
  const campaign = [...new URLSearchParams(location.search)].filter(([key]) =>
    /^utm_(source|medium|campaign|term|content)$/.test(key),
  );
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || (data.type !== 'smp-estimator:hello' && !Number.isFinite(data.height))) return;
    for (const frame of document.querySelectorAll('iframe[data-smp-estimator-frame]')) {
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== new URL(frame.src, location.href).origin) return;
      if (data.type === 'smp-estimator:hello') {
        event.source.postMessage({ type: 'smp-estimator:campaign', campaign }, event.origin);
      } else if (data.type === 'smp-estimator:resize') {
        frame.style.height = `${Math.max(0, Math.min(data.height, 20000))}px`;
      }
    }
  });
})();
