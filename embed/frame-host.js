// For pages that embed the estimator as an iframe:
//   <iframe data-smp-estimator-frame src=".../frame.html?currency=EUR" title="SMP cost estimate"></iframe>
//   <script src=".../frame-host.js"></script>
// Resizes each such iframe to its content. A message counts only if it
// comes from that iframe's window and from the origin of its src.
(() => {
  const frames = () => document.querySelectorAll('iframe[data-smp-estimator-frame]');
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'smp-estimator:resize' || !Number.isFinite(data.height)) return;
    for (const frame of frames()) {
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== new URL(frame.src, location.href).origin) return;
      frame.style.height = `${Math.max(0, Math.min(data.height, 20000))}px`;
    }
  });
})();
