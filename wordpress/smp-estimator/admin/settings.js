// Settings → SMP estimator: the bridge between the setup page in the iframe
// (configure.html?host=wordpress, its "host hook") and this page's form.
// The setup page says when it is ready; this page answers with the settings
// in the form (saved, or refused and kept); from then on the setup page posts
// its settings whenever they are valid (or how many problems are left), and
// they go into the form's field, which "Save settings" submits with its nonce.
(function () {
  'use strict';
  var frame = document.getElementById('smp-estimator-setup');
  var field = document.getElementById('smp-estimator-settings-json');
  var save = document.getElementById('smp-estimator-save');
  var status = document.getElementById('smp-estimator-setup-status');
  if (!frame || !field || !save || !status) return;
  var origin = window.location.origin;
  // What the page came with, sent once, whatever the setup page posts first.
  var initial = field.value;

  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data || {};
    if (data.type === 'smp-estimator:setup-ready') {
      frame.contentWindow.postMessage({ type: 'smp-estimator:host-settings', text: initial }, origin);
    } else if (data.type === 'smp-estimator:setup-settings') {
      if (data.settings && typeof data.settings === 'object') {
        field.value = JSON.stringify(data.settings, null, 2);
        save.disabled = false;
        status.className = 'smp-estimator-status';
        status.textContent = 'Ready to save: "Save settings" keeps these settings for every estimator on this site.';
      } else {
        var count = Number(data.problems) || 1;
        save.disabled = true;
        status.className = 'smp-estimator-status smp-estimator-status-bad';
        status.textContent =
          count + (count === 1 ? ' setting needs' : ' settings need') +
          ' fixing in the form above (each message is next to its field) before you can save.';
      }
    }
  });
})();
