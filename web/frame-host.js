// For pages that embed the estimator as an iframe:
//   <iframe data-smp-estimator-frame data-currency="EUR" src=".../frame.html" title="SMP cost estimate"></iframe>
//   <script src=".../frame-host.js"></script>
// A classic script without `crossorigin`, so it loads from another origin
// whose server sends no CORS headers. It listens to each such iframe, and
// a message counts only if it comes from that iframe's window and from the
// origin of its src:
// - `smp-estimator:resize` sets the iframe's height to its content's;
// - `smp-estimator:hello` is answered with the iframe's data- attributes
//   (the clinic's settings: frame.html takes only the visitor's answers
//   from its own address, which anyone can link to) and this page's
//   campaign parameters (utm_*), which the widget inside cannot read across
//   origins, sent to that origin only.
(() => {
  const campaign = [...new URLSearchParams(location.search)].filter(([key]) =>
    /^utm_(source|medium|campaign|term|content)$/.test(key),
  );
  const settingsOf = (frame) =>
    Object.fromEntries(
      [...frame.attributes]
        .filter(({ name }) => name.startsWith('data-') && name !== 'data-smp-estimator-frame')
        .map(({ name, value }) => [name.slice('data-'.length), value]),
    );
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || (data.type !== 'smp-estimator:hello' && !Number.isFinite(data.height))) return;
    for (const frame of document.querySelectorAll('iframe[data-smp-estimator-frame]')) {
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== new URL(frame.src, location.href).origin) return;
      if (data.type === 'smp-estimator:hello') {
        const answer = { type: 'smp-estimator:campaign', campaign, settings: settingsOf(frame) };
        event.source.postMessage(answer, event.origin);
      } else if (data.type === 'smp-estimator:resize') {
        frame.style.height = `${Math.max(0, Math.min(data.height, 20000))}px`;
      }
    }
  });
})();
