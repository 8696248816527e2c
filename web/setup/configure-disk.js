// A plain script, not a module: opened from the computer's disk (file://,
// double-clicked), browsers run no module script and fetch nothing, so the
// setup page would say "Loading the estimator…" forever. This says what to
// do instead, and hides the form that cannot work from there.
if (location.protocol === 'file:') {
  const status = document.getElementById('page-status');
  status.textContent =
    'This page cannot run from your computer’s disk: browsers only run it from a web address. ' +
    'Put this folder on your site (see below) and open configure.html from there, ' +
    'or open the SMP estimator’s settings page in your WordPress admin. ' +
    'To try it on this computer first, start a small web server in this folder ' +
    '(for example python3 -m http.server) and open http://localhost:8000/configure.html.';
  status.classList.add('page-status-bad');
  for (const part of document.querySelectorAll('.layout, .embed, .jump')) part.hidden = true;
}
