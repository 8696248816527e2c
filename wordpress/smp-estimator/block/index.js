// The block "SMP estimator" in the editor: plain JavaScript on WordPress's
// own globals (no build step). The page shows the real widget, rendered by
// the server (smp_estimator_render_block); the editor shows a placeholder
// naming what this block sets, and the settings in the sidebar. Every field
// left empty keeps the site's settings (Settings → SMP estimator).
(function (wp) {
  'use strict';
  var el = wp.element.createElement;
  var Fragment = wp.element.Fragment;
  var __ = wp.i18n.__;
  var blockEditor = wp.blockEditor;
  var components = wp.components;

  var PATTERNS = [
    'norwood-1', 'norwood-2', 'norwood-2a', 'norwood-3', 'norwood-3a', 'norwood-3v', 'norwood-4', 'norwood-4a',
    'norwood-5', 'norwood-5a', 'norwood-6', 'norwood-7', 'ludwig-1', 'ludwig-2', 'ludwig-3', 'diffuse',
    'alopecia-areata', 'alopecia-totalis', 'scar-only',
  ];
  var choices = function (values, none) {
    return [{ label: none, value: '' }].concat(values.map(function (value) { return { label: value, value: value }; }));
  };

  // [attribute, label, help, kind]: the element's settings (docs/settings.md).
  var PANELS = [
    [__('Clinic and prices', 'smp-estimator'), [
      ['currency', __('Currency', 'smp-estimator'), __('ISO 4217 code, such as USD, EUR or GBP.', 'smp-estimator')],
      ['locale', __('Number format', 'smp-estimator'), __('BCP 47 tag, such as en-US or de-DE.', 'smp-estimator')],
      ['lang', __('Language', 'smp-estimator'), __('en, es, de, fr, pt, tr or ar. Empty: the page\'s, then the visitor\'s.', 'smp-estimator')],
      ['clinic_name', __('Clinic name', 'smp-estimator')],
      ['booking_url', __('Booking link', 'smp-estimator'), __('http:// or https:// address of your booking page.', 'smp-estimator'), 'url'],
      ['rounding_step', __('Rounding step', 'smp-estimator'), __('Prices are rounded to a multiple of this.', 'smp-estimator')],
    ]],
    [__('Look', 'smp-estimator'), [
      ['accent', __('Accent colour', 'smp-estimator'), __('#rrggbb, dark enough for white text.', 'smp-estimator')],
      ['font', __('Font', 'smp-estimator'), __('A CSS font family, such as "Lato", sans-serif.', 'smp-estimator')],
    ]],
    // Where visitors' details go: used only on a page whose author is an
    // administrator (the server ignores them otherwise and tells editors why).
    [__('Consultation requests', 'smp-estimator'), [
      ['lead_endpoint', __('Endpoint', 'smp-estimator'), __('https:// address that receives the request as JSON. Only on pages written by an administrator; empty: Settings → SMP estimator decides.', 'smp-estimator'), 'url'],
      ['lead_email', __('Email', 'smp-estimator'), __('Without an endpoint, requests open the visitor\'s email to this address. Only on pages written by an administrator.', 'smp-estimator'), 'email'],
      ['lead_consent', __('Consent text', 'smp-estimator'), __('Only on pages written by an administrator.', 'smp-estimator')],
    ]],
    [__('Preset answers', 'smp-estimator'), [
      ['pattern', __('Hair-loss pattern', 'smp-estimator'), null, 'pattern'],
      ['area_cm2', __('Area (cm²)', 'smp-estimator')],
      ['goal', __('Look wanted', 'smp-estimator'), null, ['shaved', 'density']],
      ['donor', __('Donor supply', 'smp-estimator'), null, ['good', 'average', 'poor']],
      ['years', __('Years compared', 'smp-estimator')],
    ]],
    [__('Advanced', 'smp-estimator'), [
      ['datalayer', __('Google Tag Manager', 'smp-estimator'), __('true sends each estimate, booking click and request (the pattern and price, never what the visitor typed) to the page\'s window.dataLayer.', 'smp-estimator'), ['true', 'false']],
      ['config_url', __('Settings file', 'smp-estimator'), __('Address of a JSON settings file on this site (another host is ignored). Only on pages written by an administrator.', 'smp-estimator'), 'url'],
      ['load', __('Loading', 'smp-estimator'), __('eager loads the estimator with the page, for a page that is mainly the estimator. Empty or lazy: when the visitor nears it, or once the page has loaded.', 'smp-estimator'), ['eager', 'lazy']],
    ]],
  ];

  function control(props, field) {
    var name = field[0];
    var kind = field[3];
    var common = {
      label: field[1],
      help: field[2] || undefined,
      value: props.attributes[name] || '',
      onChange: function (value) {
        var change = {};
        change[name] = value || '';
        props.setAttributes(change);
      },
    };
    if (kind === 'pattern' || Array.isArray(kind)) {
      common.options = choices(kind === 'pattern' ? PATTERNS : kind, __('None (the visitor chooses)', 'smp-estimator'));
      return el(components.SelectControl, Object.assign({ key: name }, common));
    }
    return el(components.TextControl, Object.assign({ key: name, type: kind || 'text' }, common));
  }

  function summary(attributes) {
    var set = [];
    PANELS.forEach(function (panel) {
      panel[1].forEach(function (field) {
        if (attributes[field[0]]) set.push(field[1] + ': ' + attributes[field[0]]);
      });
    });
    return set.length
      ? set.join(' · ')
      : __('Uses the site\'s settings (Settings → SMP estimator).', 'smp-estimator');
  }

  wp.blocks.registerBlockType('smp-estimator/estimator', {
    edit: function (props) {
      var blockProps = blockEditor.useBlockProps();
      return el(
        Fragment,
        null,
        el(
          blockEditor.InspectorControls,
          null,
          PANELS.map(function (panel, index) {
            return el(
              components.PanelBody,
              { key: panel[0], title: panel[0], initialOpen: index === 0 },
              panel[1].map(function (field) { return control(props, field); })
            );
          })
        ),
        el(
          'div',
          blockProps,
          el(
            components.Placeholder,
            {
              icon: 'calculator',
              label: __('SMP estimator', 'smp-estimator'),
              instructions: __('The price estimator shows here on the published page. Its settings are in the sidebar; empty ones keep the site\'s.', 'smp-estimator'),
            },
            el('p', { className: 'smp-estimator-block-summary' }, summary(props.attributes))
          )
        )
      );
    },
    // Rendered by the server.
    save: function () {
      return null;
    },
  });
})(window.wp);
