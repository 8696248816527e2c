// The clinic's setup page (configure.html): a form for every setting, the
// engine's own checks next to each field, a live preview and price sheet
// from the engine, and the code to paste into the clinic's website.
//
// It computes no figure and checks no rule of its own: every problem comes
// from `checkSettings`, every price from `priceSheet` and the widget. It only
// turns what was typed into JSON (a number when the text reads as one, the
// text itself otherwise, so that the engine names it and nothing typed is
// lost). Nothing leaves the browser: the form is kept in localStorage.
//
// Its module is the setup page's own, ./smp-estimator-setup.js: the widget
// (for the preview) plus the setup API (`checkSettings`, `priceSheet`,
// `markets`, `patterns`), which the visitor's smp-estimator.js leaves out.
// It runs from the hosted package folder, where that is the module with its
// loader (`ready`), and from the development build, where it is
// wasm-bindgen's plain output and we start it ourselves.
import * as smp from './smp-estimator-setup.js';

const STORAGE_KEY = 'smp-estimator:setup';
/** The stored form's shape; a stored form of another version is ignored. */
const STORAGE_VERSION = 1;
/** Long enough to let a clinic finish typing a figure, short enough to feel live. */
const UPDATE_DELAY_MS = 150;
/** Chosen in the preview so that a full quote shows at once. */
const PREVIEW_PATTERN = 'norwood-4';
const SETTINGS_FILE = 'smp-settings.json';
/** Patterns whose usual area helps a clinic place its band limits. */
const REFERENCE_PATTERNS = ['norwood-3', 'norwood-4', 'norwood-6', 'alopecia-totalis'];
/** A starting point when a clinic turns payment plans on (the example in docs/settings.md). */
const SUGGESTED_FINANCING = { apr_percent: 0, terms_months: [12, 24] };
/** The widget's own default accent (style/smp-estimator.css), for the colour picker. */
const DEFAULT_ACCENT = '#0b5c8a';

const CURRENCIES = [
  'USD', 'GBP', 'EUR', 'CAD', 'AUD', 'NZD', 'CHF', 'TRY', 'AED', 'SAR', 'QAR', 'ZAR', 'INR',
  'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RON', 'ILS', 'MXN', 'BRL', 'SGD', 'HKD', 'JPY', 'KRW', 'CNY',
];
const LOCALES = [
  'en-US', 'en-GB', 'en-IE', 'en-CA', 'fr-CA', 'en-AU', 'en-NZ', 'en-ZA', 'en-IN', 'en-SG', 'en-AE',
  'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'fr-BE', 'fr-CH', 'it-IT', 'it-CH', 'es-ES', 'es-MX', 'pt-PT', 'pt-BR',
  'nl-NL', 'nl-BE', 'sv-SE', 'da-DK', 'nb-NO', 'fi-FI', 'pl-PL', 'cs-CZ', 'hu-HU', 'ro-RO', 'el-GR',
  'tr-TR', 'ar-AE', 'ar-SA', 'he-IL', 'hi-IN', 'ja-JP', 'ko-KR', 'zh-CN',
];
// The widget's own words for the engine's candidacy (transplant_card.rs).
const CANDIDACY = { yes: 'Likely a candidate', caution: 'Possible, with caution', no: 'Usually not advised' };

const $ = (selector) => document.querySelector(selector);
const form = $('#settings');

async function loadIntegrity() {
  // Written by scripts/package-embed.mjs next to this page; the dev server has none.
  try {
    const response = await fetch(new URL('integrity.json', import.meta.url));
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// The draft: every field's text as typed, the band rows and the switches.

/** Inputs of the fixed fields (not the band rows), each naming its settings path. */
function fieldInputs() {
  return [...form.querySelectorAll('[data-field]:is(input, select, textarea):not([data-band])')];
}

const getPath = (object, path) =>
  path.split('.').reduce((value, key) => (value === null || value === undefined ? undefined : value[key]), object);

function asText(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The clinic's own wording by language (settings.messages): kept as it is. */
const messagesOf = (value) => (isPlainObject(value) ? value : {});

function draftFromSettings(settings, market) {
  const fields = {};
  for (const input of fieldInputs()) {
    const value = getPath(settings, input.dataset.field);
    fields[input.dataset.field] = Array.isArray(value) ? value.map(asText).join(', ') : asText(value);
  }
  if (!settings.financing) {
    fields['financing.apr_percent'] = asText(SUGGESTED_FINANCING.apr_percent);
    fields['financing.terms_months'] = SUGGESTED_FINANCING.terms_months.join(', ');
  }
  if (!settings.lead) fields['lead.consent'] = engine.defaultConsent;
  const bands = Array.isArray(settings.smp?.bands) ? settings.smp.bands : [];
  const perSession = settings.smp?.price_per_session;
  return {
    version: STORAGE_VERSION,
    market,
    fields,
    pricing: bands.length === 0 && perSession !== null && perSession !== undefined ? 'session' : 'bands',
    bands: bands.map((band) => ({
      up_to_cm2: asText(band?.up_to_cm2),
      min: asText(band?.price?.min),
      typical: asText(band?.price?.typical),
      max: asText(band?.price?.max),
    })),
    medication: settings.transplant?.medication_per_month !== null && settings.transplant?.medication_per_month !== undefined,
    financing: Boolean(settings.financing),
    lead: Boolean(settings.lead),
    datalayer: settings.datalayer === true,
    // This page has no fields for reworded messages: an imported file's are
    // carried through to the code and the settings file unchanged.
    messages: messagesOf(settings.messages),
    configFile: false,
  };
}

/**
 * Text as typed, as a number when it reads as one ("1200", "1,200", "2.50",
 * "2,50"); otherwise the text itself, which the engine reports by field.
 */
function parseNumber(text) {
  const compact = text.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  let plain;
  if (compact.includes('.') && compact.includes(',')) {
    // Both: the last one is the decimal point ("1,200.50", "1.200,50").
    const decimal = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
    plain = compact.split(decimal === '.' ? ',' : '.').join('').replace(',', '.');
  } else if (/^-?\d{1,3}(,\d{3})+$/.test(compact)) {
    plain = compact.replace(/,/g, '');
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(compact)) {
    plain = compact.replace(/\./g, '');
  } else {
    plain = compact.replace(',', '.');
  }
  return /^-?(\d+\.?\d*|\.\d+)$/.test(plain) ? Number(plain) : text;
}

/** "12, 24, 36" as a list, each entry a number or its text. */
const parseList = (text) => text.split(/[,;\s]+/).filter(Boolean).map(parseNumber);

/** Empty means "none" (null); anything else is sent as typed. */
const optionalText = (text) => (text.trim() === '' ? null : text.trim());

/** The settings JSON the draft stands for, in ClinicSettings::to_json's shape. */
function settingsFromDraft(from) {
  const field = from.fields;
  const number = (path) => parseNumber(field[path] ?? '');
  const range = (path) => ({ min: number(`${path}.min`), typical: number(`${path}.typical`), max: number(`${path}.max`) });
  const span = (path) => ({ min: number(`${path}.min`), max: number(`${path}.max`) });
  const byBands = from.pricing === 'bands';
  return {
    clinic_name: field.clinic_name ?? '',
    booking_url: optionalText(field.booking_url ?? ''),
    currency: field.currency ?? '',
    locale: field.locale ?? '',
    rounding_step: number('rounding_step'),
    smp: {
      bands: byBands
        ? from.bands.map((band) => ({
            up_to_cm2: parseNumber(band.up_to_cm2),
            price: { min: parseNumber(band.min), typical: parseNumber(band.typical), max: parseNumber(band.max) },
          }))
        : [],
      price_per_session: byBands ? null : number('smp.price_per_session'),
      minimum_fee: number('smp.minimum_fee'),
      scar_only: range('smp.scar_only'),
      scar_addon: range('smp.scar_addon'),
      touch_up: {
        price: span('smp.touch_up.price'),
        share_of_course: span('smp.touch_up.share_of_course'),
        every_years: span('smp.touch_up.every_years'),
      },
    },
    transplant: {
      price_per_graft: range('transplant.price_per_graft'),
      minimum_fee: number('transplant.minimum_fee'),
      grafts_per_surgery: number('transplant.grafts_per_surgery'),
      later_grafts_per_surgery: number('transplant.later_grafts_per_surgery'),
      megasession_grafts: (field['transplant.megasession_grafts'] ?? '').trim() === '' ? null : number('transplant.megasession_grafts'),
      medication_per_month: from.medication ? number('transplant.medication_per_month') : null,
      techniques: Object.fromEntries(
        ['fut', 'fue', 'unshaven_fue'].map((technique) => {
          const path = `transplant.techniques.${technique}`;
          const perDay = (field[`${path}.grafts_per_day`] ?? '').trim();
          // Empty is neutral: the usual price per graft and session sizes
          // (a draft saved before these fields existed has them empty).
          const factor = (field[`${path}.price_factor`] ?? '').trim();
          return [technique, { price_factor: factor === '' ? 1 : number(`${path}.price_factor`), grafts_per_day: perDay === '' ? null : number(`${path}.grafts_per_day`) }];
        }),
      ),
    },
    financing: from.financing
      ? { apr_percent: number('financing.apr_percent'), terms_months: parseList(field['financing.terms_months'] ?? '') }
      : null,
    theme: { accent: optionalText(field['theme.accent'] ?? ''), font: optionalText(field['theme.font'] ?? '') },
    lead: from.lead
      ? {
          endpoint: optionalText(field['lead.endpoint'] ?? ''),
          email: optionalText(field['lead.email'] ?? ''),
          consent: field['lead.consent'] ?? '',
        }
      : null,
    datalayer: from.datalayer === true,
    messages: messagesOf(from.messages),
  };
}

function saveDraft() {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Storage off or full: the page still works, it only forgets on reload.
  }
}

function restoreDraft() {
  let stored;
  try {
    stored = JSON.parse(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
  if (!stored || stored.version !== STORAGE_VERSION || typeof stored.fields !== 'object' || !Array.isArray(stored.bands)) {
    return null;
  }
  const fresh = draftFromSettings(engine.defaults, engine.markets[0].id);
  const text = (value) => (typeof value === 'string' ? value : '');
  return {
    ...fresh,
    market: engine.markets.some((m) => m.id === stored.market) ? stored.market : fresh.market,
    fields: Object.fromEntries(Object.keys(fresh.fields).map((path) => [path, text(stored.fields[path] ?? fresh.fields[path])])),
    pricing: stored.pricing === 'session' ? 'session' : 'bands',
    bands: stored.bands.map((band) => ({
      up_to_cm2: text(band?.up_to_cm2),
      min: text(band?.min),
      typical: text(band?.typical),
      max: text(band?.max),
    })),
    medication: stored.medication === true,
    financing: stored.financing === true,
    lead: stored.lead === true,
    datalayer: stored.datalayer === true,
    messages: messagesOf(stored.messages),
    configFile: stored.configFile === true,
  };
}

// ---------------------------------------------------------------------------
// Draft → form.

function buildStaticOptions() {
  const market = $('#market');
  market.replaceChildren(...engine.markets.map((m) => new Option(m.name, m.id)));
  const reference = REFERENCE_PATTERNS.map((id) => engine.patterns.find((p) => p.id === id))
    .filter(Boolean)
    .map((p) => `${p.name} about ${formatCount(p.usual_area_cm2, 'en-US')} cm²`);
  $('#bands-reference').textContent = reference.length ? `For reference, the usual areas: ${reference.join(', ')}.` : '';
}

/** A select's options, plus the current value if it is not one of them (kept as typed). */
function fillSelect(select, values, label, current) {
  const list = values.includes(current) || current === '' ? values : [...values, current];
  select.replaceChildren(...list.map((value) => new Option(values.includes(value) ? label(value) : value, value)));
  select.value = current;
}

function currencyLabel(code) {
  try {
    return `${code} – ${new Intl.DisplayNames(['en'], { type: 'currency' }).of(code)}`;
  } catch {
    return code;
  }
}

function localeLabel(tag) {
  try {
    return `${new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard' }).of(tag)} (${tag})`;
  } catch {
    return tag;
  }
}

function fillForm() {
  $('#market').value = draft.market;
  showSources();
  for (const input of fieldInputs()) {
    const value = draft.fields[input.dataset.field] ?? '';
    if (input.id === 'f-currency') fillSelect(input, CURRENCIES, currencyLabel, value);
    else if (input.id === 'f-locale') fillSelect(input, LOCALES, localeLabel, value);
    else input.value = value;
  }
  $(`input[name="pricing"][value="${draft.pricing}"]`).checked = true;
  $('#medication-on').checked = draft.medication;
  $('#financing-on').checked = draft.financing;
  $('#lead-on').checked = draft.lead;
  $('#datalayer-on').checked = draft.datalayer;
  $('#config-file').checked = draft.configFile;
  showSettingsFileCheck();
  syncAccentPicker();
  renderBands();
  showSections();
  showMoneyFormat();
}

function showSections() {
  if (draft.pricing === 'bands' && draft.bands.length === 0) {
    draft.bands.push({ up_to_cm2: '', min: '', typical: '', max: '' });
    renderBands();
  }
  $('#bands-section').hidden = draft.pricing !== 'bands';
  $('#session-section').hidden = draft.pricing !== 'session';
  $('#medication-section').hidden = !draft.medication;
  $('#financing-section').hidden = !draft.financing;
  $('#lead-section').hidden = !draft.lead;
}

function showSources() {
  const market = engine.markets.find((m) => m.id === $('#market').value) ?? engine.markets[0];
  $('#market-sources').replaceChildren(
    ...market.sources.map((source) => {
      const item = document.createElement('li');
      item.textContent = source;
      return item;
    }),
  );
}

const BAND_COLUMNS = [
  ['up_to_cm2', 'areas up to (cm²)', 'up_to_cm2'],
  ['min', 'lowest price', 'price.min'],
  ['typical', 'typical price', 'price.typical'],
  ['max', 'highest price', 'price.max'],
];

function renderBands() {
  const rows = draft.bands.flatMap((band, index) => {
    const row = document.createElement('tr');
    row.dataset.field = `smp.bands[${index}]`;
    row.dataset.label = `Band ${index + 1}`;
    for (const [key, label, path] of BAND_COLUMNS) {
      const cell = document.createElement('td');
      const field = document.createElement('div');
      field.className = 'field';
      const id = `band-${index}-${key}`;
      const labelElement = document.createElement('label');
      labelElement.className = 'cell-label';
      labelElement.htmlFor = id;
      labelElement.textContent = `Band ${index + 1}: ${label}`;
      const input = document.createElement('input');
      input.id = id;
      input.type = 'text';
      input.inputMode = 'decimal';
      input.autocomplete = 'off';
      input.value = band[key];
      input.dataset.field = `smp.bands[${index}].${path}`;
      input.dataset.band = String(index);
      input.dataset.bandKey = key;
      field.append(labelElement, input);
      cell.append(field);
      row.append(cell);
    }
    const removeCell = document.createElement('td');
    removeCell.className = 'remove-cell';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'button button-quiet button-small';
    remove.dataset.removeBand = String(index);
    const which = document.createElement('span');
    which.className = 'visually-hidden';
    which.textContent = ` band ${index + 1}`;
    remove.append('Remove', which);
    removeCell.append(remove);
    row.append(removeCell);

    const problemRow = document.createElement('tr');
    problemRow.className = 'band-problem-row';
    problemRow.hidden = true;
    const problemCell = document.createElement('td');
    problemCell.colSpan = 5;
    const slot = document.createElement('p');
    slot.className = 'problem';
    slot.id = `g-band-${index}-problem`;
    slot.dataset.problemsFor = row.dataset.field;
    problemCell.append(slot);
    problemRow.append(problemCell);
    return [row, problemRow];
  });
  $('#bands-body').replaceChildren(...rows);
}

function syncAccentPicker() {
  const text = (draft.fields['theme.accent'] ?? '').trim();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text);
  const long = short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : text;
  $('#accent-picker').value = /^#[0-9a-f]{6}$/i.test(long) ? long.toLowerCase() : DEFAULT_ACCENT;
}

// ---------------------------------------------------------------------------
// Formatting, for the example and the price sheet (as the widget does: Intl).

function moneyFormat(locale, currency) {
  try {
    const format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    return (amount) => format.format(amount);
  } catch {
    return null;
  }
}

function formatCount(value, locale) {
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  } catch {
    return String(value);
  }
}

function showMoneyFormat() {
  const locale = draft.fields.locale;
  const currency = draft.fields.currency;
  const money = moneyFormat(locale, currency);
  $('#money-example').textContent = money
    ? `Example: a price of 2800 shows as ${money(2800)}.`
    : 'No example: this browser does not know that currency or number format.';
  let symbol = '';
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1);
    symbol = parts.find((part) => part.type === 'currency')?.value ?? '';
  } catch {
    symbol = '';
  }
  for (const unit of document.querySelectorAll('[data-money-unit]')) unit.textContent = symbol ? `(${symbol})` : '';
}

// ---------------------------------------------------------------------------
// Form → draft, and the update the engine answers.

function wireEvents() {
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);
  form.addEventListener('submit', (event) => event.preventDefault());
  // Choosing a market fills in its prices at once; "Undo" puts back the form as it was.
  $('#market').addEventListener('change', useMarket);
  $('#undo-market').addEventListener('click', undoMarket);
  $('#test-booking').addEventListener('click', testBookingLink);
  $('#f-booking_url').addEventListener('blur', suggestScheme);
  $('#check-settings-file').addEventListener('click', checkSettingsFile);
  $('#start-again').addEventListener('click', startAgain);
  $('#add-band').addEventListener('click', addBand);
  $('#bands-body').addEventListener('click', (event) => {
    const button = event.target.closest('[data-remove-band]');
    if (button) removeBand(Number(button.dataset.removeBand));
  });
  $('#export').addEventListener('click', exportSettings);
  $('#export-again').addEventListener('click', exportSettings);
  $('#import-file').addEventListener('change', importFile);
  $('#import-paste').addEventListener('click', importPasted);
  $('#preview-lang').addEventListener('change', (event) => {
    event.stopPropagation(); // not a setting: the form's handler never sees it
    if (lastValid) showPreview(lastValid);
  });
  $('#config-file').addEventListener('change', () => {
    draft.configFile = $('#config-file').checked;
    saveDraft();
    renderSnippets();
    showSettingsFileCheck();
    if (draft.configFile) checkSettingsFile();
  });
  for (const button of document.querySelectorAll('[data-copy]')) button.addEventListener('click', copySnippet);
  $('#problem-summary-list').addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#"]');
    if (!link) return;
    const target = document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'center' });
  });
}

function onEdit(event) {
  const target = event.target;
  if (target.dataset.band !== undefined) {
    draft.bands[Number(target.dataset.band)][target.dataset.bandKey] = target.value;
  } else if (target.dataset.field) {
    draft.fields[target.dataset.field] = target.value;
    if (target.id === 'f-theme-accent') syncAccentPicker();
    if (target.id === 'f-currency' || target.id === 'f-locale') showMoneyFormat();
  } else if (target.id === 'accent-picker') {
    draft.fields['theme.accent'] = target.value;
    $('#f-theme-accent').value = target.value;
  } else if (target.name === 'pricing') {
    draft.pricing = target.value;
    showSections();
  } else if (target.id === 'medication-on' || target.id === 'financing-on' || target.id === 'lead-on' || target.id === 'datalayer-on') {
    draft[target.id.replace('-on', '')] = target.checked;
    showSections();
  } else {
    return;
  }
  saveDraft();
  clearTimeout(updateTimer);
  updateTimer = setTimeout(update, UPDATE_DELAY_MS);
}

function addBand() {
  draft.bands.push({ up_to_cm2: '', min: '', typical: '', max: '' });
  renderBands();
  saveDraft();
  update();
  $(`#band-${draft.bands.length - 1}-up_to_cm2`).focus();
}

function removeBand(index) {
  draft.bands.splice(index, 1);
  renderBands();
  saveDraft();
  update();
  ($(`[data-remove-band="${Math.min(index, draft.bands.length - 1)}"]`) ?? $('#add-band')).focus();
}

/** A market's prices, currency and number format; the clinic's own details stay. */
function useMarket() {
  const market = engine.markets.find((m) => m.id === $('#market').value);
  beforeMarket = structuredClone(draft);
  const prices = draftFromSettings(market.settings, market.id);
  const pricePaths = ['currency', 'locale', 'rounding_step', 'smp.', 'transplant.'];
  for (const path of Object.keys(prices.fields)) {
    if (pricePaths.some((prefix) => path === prefix || (prefix.endsWith('.') && path.startsWith(prefix)))) {
      draft.fields[path] = prices.fields[path];
    }
  }
  Object.assign(draft, { market: market.id, pricing: prices.pricing, bands: prices.bands, medication: prices.medication });
  fillForm();
  saveDraft();
  update();
  $('#market-status').textContent = `Filled in the ${market.name} prices. Change them to your own below.`;
  $('#undo-market').hidden = false;
}

/** Back to the form as it was before the last market was chosen. */
function undoMarket() {
  if (!beforeMarket) return;
  draft = beforeMarket;
  beforeMarket = null;
  fillForm();
  saveDraft();
  update();
  $('#undo-market').hidden = true;
  $('#market-status').textContent = 'Put back the prices you had before.';
  $('#market').focus();
}

// ---------------------------------------------------------------------------
// The booking link: https:// offered in front of a bare address, and a test.

/** "www.clinic.example/book" is offered as "https://www.clinic.example/book" (the engine still checks it). */
function suggestScheme() {
  const input = $('#f-booking_url');
  const text = input.value.trim();
  const note = $('#booking-note');
  const bareHost = /^[\w-]+(\.[\w-]+)+(:\d+)?([/?#]\S*)?$/;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && bareHost.test(text)) {
    input.value = `https://${text}`;
    draft.fields.booking_url = input.value;
    note.textContent = `Added https:// in front of ${text}. Check the link with “Test my booking link”.`;
    saveDraft();
    update();
  } else {
    note.textContent = '';
  }
}

/** The booking link as the engine accepts it, checked alone (whatever else the form holds), or null. */
function acceptedBookingLink() {
  const { settings, problems } = smp.checkSettings({ booking_url: optionalText(draft.fields.booking_url ?? '') });
  return problems.length === 0 ? settings.booking_url : null;
}

function testBookingLink() {
  const link = acceptedBookingLink();
  if (link) window.open(link, '_blank', 'noopener');
}

/** Enabled only for a link the engine accepts. */
function showBookingTest(problems) {
  const button = $('#test-booking');
  const link = acceptedBookingLink();
  const linkProblem = problems.some((problem) => problem.field === 'booking_url');
  button.disabled = !link;
  $('#test-booking-hint').textContent = linkProblem
    ? 'Fix the booking link first.'
    : link
      ? `Opens ${link} in a new tab.`
      : 'Enter a booking link to test it.';
}

// ---------------------------------------------------------------------------
// The hosted settings file: reachable, valid JSON, the same as the form?

function showSettingsFileCheck() {
  $('#settings-file-check').hidden = !draft.configFile;
  $('#settings-file-url').textContent = new URL(SETTINGS_FILE, baseUrl()).href;
}

/** The settings paths (a.b[2].c) whose values differ between two settings objects. */
function differences(a, b, path = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const isObject = (value) => value !== null && typeof value === 'object';
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return [path || 'settings'];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.flatMap((key) => differences(a[key], b[key], Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key));
}

async function checkSettingsFile() {
  const status = $('#settings-file-status');
  const url = new URL(SETTINGS_FILE, baseUrl()).href;
  status.textContent = `Checking ${url}…`;
  let response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch {
    status.textContent = `Not reachable: this browser could not load ${url}. Upload ${SETTINGS_FILE} into the same folder as this page, then check again.`;
    return;
  }
  if (!response.ok) {
    status.textContent = `Not found: ${url} answered “${response.status} ${response.statusText}”. Download ${SETTINGS_FILE} with the button below and upload it into the same folder as this page, then check again.`;
    return;
  }
  let value;
  try {
    value = JSON.parse(await response.text());
  } catch (error) {
    status.textContent = `Found, but it is not a settings file: ${SETTINGS_FILE} is not valid JSON (${error.message}). Download it again and upload it unchanged.`;
    return;
  }
  const { settings: hosted, problems } = smp.checkSettings(value);
  if (problems.length) {
    status.textContent = `Found, but the estimator will not start with it: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`;
    return;
  }
  // The form as it is this moment, not as of the last (delayed) update.
  const current = smp.checkSettings(settingsFromDraft(draft));
  if (current.problems.length) {
    status.textContent = `Found and valid. This form has ${current.problems.length === 1 ? 'one setting' : `${current.problems.length} settings`} to check first (see the top of the page); then check the file again.`;
    return;
  }
  const changed = differences(hosted, current.settings);
  status.textContent =
    changed.length === 0
      ? `Found and valid, and it matches this form: the estimator on your site uses these settings.`
      : `Found and valid, but it differs from this form (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? `, and ${changed.length - 5} more` : ''}): download ${SETTINGS_FILE} again and upload it to replace the old one.`;
}

function startAgain() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored to forget.
  }
  const market = engine.markets.find((m) => m.id === $('#market').value) ?? engine.markets[0];
  draft = draftFromSettings(market.settings, market.id);
  beforeMarket = null;
  $('#undo-market').hidden = true;
  fillForm();
  update();
  $('#market-status').textContent = `Started again from the ${market.name} prices.`;
}

function update() {
  clearTimeout(updateTimer);
  const { settings: checked, problems } = smp.checkSettings(settingsFromDraft(draft));
  lastChecked = { settings: checked, problems };
  showBookingTest(problems);
  let sheet = null;
  if (problems.length === 0) {
    try {
      sheet = smp.priceSheet(checked);
    } catch (error) {
      // Settings the engine accepted are always priced; if not, say why.
      problems.push(...(error.problems ?? [{ field: 'settings', message: String(error.message ?? error) }]));
    }
  }
  showProblems(problems);
  if (sheet) {
    lastValid = checked;
    renderSheet(sheet, checked);
    showPreview(checked);
    renderSnippets();
  }
  showFreshness(problems.length);
  host?.report(checked, problems);
}

function showFreshness(problemCount) {
  const results = $('.results');
  results.classList.toggle('is-stale', problemCount > 0);
  $('#results-status').textContent =
    problemCount === 0
      ? 'The price sheet and preview show your settings as they are now.'
      : lastValid
        ? `Not updated: ${problemCount === 1 ? 'one setting needs' : `${problemCount} settings need`} checking. The price sheet and preview below still show your last valid settings, not your latest changes.`
        : `Not shown yet: ${problemCount === 1 ? 'one setting needs' : `${problemCount} settings need`} checking.`;
  $('#embed-stale').hidden = problemCount === 0 || !lastValid;
}

// ---------------------------------------------------------------------------
// The engine's problems, next to their fields.

const parentPath = (path) => path.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');

/** The input or group a problem's field belongs to, if it is on show. */
function targetFor(field) {
  for (let path = field; path; ) {
    const element = document.querySelector(`[data-field="${path.replace(/["\\]/g, '')}"]`);
    if (element) return element.closest('[hidden]') ? null : element;
    const parent = parentPath(path);
    if (parent === path) break;
    path = parent;
  }
  return null;
}

const isInput = (element) => element.matches('input, select, textarea');
const sentence = (message) => `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`;
const clean = (text) => text.replace(/\s+/g, ' ').trim();

function labelOf(target) {
  if (isInput(target)) return clean(target.labels?.[0]?.textContent ?? target.getAttribute('aria-label') ?? '');
  if (target.dataset.label) return target.dataset.label;
  return clean(target.querySelector('legend')?.textContent ?? '');
}

/** Where a target's messages go: after an input, or the group's own slot. */
function slotFor(target) {
  if (!isInput(target)) return document.querySelector(`[data-problems-for="${target.dataset.field}"]`);
  const id = `${target.id}-problem`;
  let slot = document.getElementById(id);
  if (!slot) {
    slot = document.createElement('p');
    slot.className = 'problem';
    slot.id = id;
    (target.closest('.field') ?? target.parentElement).append(slot);
  }
  return slot;
}

function describeBy(input, slotId) {
  if (input.dataset.baseDescribedby === undefined) input.dataset.baseDescribedby = input.getAttribute('aria-describedby') ?? '';
  const ids = new Set(`${input.getAttribute('aria-describedby') ?? ''} ${slotId}`.split(/\s+/).filter(Boolean));
  input.setAttribute('aria-describedby', [...ids].join(' '));
  input.setAttribute('aria-invalid', 'true');
}

function showProblems(problems) {
  for (const input of document.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  for (const input of document.querySelectorAll('[data-base-describedby]')) {
    if (input.dataset.baseDescribedby) input.setAttribute('aria-describedby', input.dataset.baseDescribedby);
    else input.removeAttribute('aria-describedby');
  }
  for (const slot of document.querySelectorAll('.problem')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const row of document.querySelectorAll('.band-problem-row')) row.hidden = true;

  const summary = [];
  for (const problem of problems) {
    const target = targetFor(problem.field);
    const message = sentence(problem.message);
    const item = document.createElement('li');
    if (!target) {
      const code = document.createElement('code');
      code.textContent = problem.field;
      item.append(code, `: ${message}`);
      summary.push(item);
      continue;
    }
    const slot = slotFor(target);
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    slot.hidden = false;
    const problemRow = slot.closest('.band-problem-row');
    if (problemRow) problemRow.hidden = false;
    const inputs = isInput(target) ? [target] : [...target.querySelectorAll('input, select, textarea')];
    for (const input of inputs) describeBy(input, slot.id);
    const link = document.createElement('a');
    link.href = `#${inputs[0]?.id ?? ''}`;
    link.textContent = `${labelOf(target)}: ${message}`;
    item.append(link);
    summary.push(item);
  }
  $('#problem-summary-list').replaceChildren(...summary);
  $('#problem-summary').hidden = summary.length === 0;
}

// ---------------------------------------------------------------------------
// The engine's figures: the price sheet and the preview widget.

function renderSheet(quotes, settings) {
  const money = moneyFormat(settings.locale, settings.currency) ?? ((amount) => `${settings.currency} ${amount}`);
  const count = (value) => formatCount(value, settings.locale);
  const names = new Map(engine.patterns.map((p) => [p.id, p.name]));
  const cell = (column, range, format) => {
    const td = document.createElement('td');
    td.dataset.column = column;
    const typical = document.createElement('span');
    typical.dataset.part = 'typical';
    typical.textContent = format(range.typical);
    const spread = document.createElement('span');
    spread.className = 'spread';
    spread.textContent = ` (${format(range.min)}–${format(range.max)})`;
    td.append(typical, spread);
    return td;
  };
  const text = (column, value, tag = 'td') => {
    const element = document.createElement(tag);
    element.dataset.column = column;
    element.textContent = value;
    return element;
  };
  $('#sheet-body').replaceChildren(
    ...quotes.map((quote) => {
      const row = document.createElement('tr');
      row.dataset.pattern = quote.input.pattern;
      const name = text('pattern', names.get(quote.input.pattern) ?? quote.input.pattern, 'th');
      name.scope = 'row';
      row.append(
        name,
        text('area', count(quote.area_cm2)),
        cell('smp-sessions', quote.smp.sessions, count),
        cell('smp-cost', quote.smp.cost, money),
        cell('grafts', quote.transplant.grafts, count),
        quote.transplant.cost
          ? cell('transplant-cost', quote.transplant.cost, money)
          : text('transplant-cost', 'not advised'),
        quote.combined ? cell('combined-cost', quote.combined.cost, money) : text('combined-cost', '–'),
        text('candidate', CANDIDACY[quote.transplant.candidate] ?? quote.transplant.candidate),
      );
      return row;
    }),
  );
}

function showPreview(settings) {
  const language = $('#preview-lang').value;
  const key = JSON.stringify([settings, language]);
  if (key === mountedSettings) return;
  mountedSettings = key;
  // A mounted element cannot take new settings: a new one replaces it. Its
  // id names the widget, so the new one keeps what was chosen in the old.
  // (No data-smp-estimator: the loader would mount it without our settings.)
  const element = document.createElement('div');
  element.id = 'setup-preview';
  element.dataset.pattern = PREVIEW_PATTERN;
  if (language) element.dataset.lang = language;
  $('#preview').replaceChildren(element);
  try {
    smp.mount(element, settings);
  } catch (error) {
    element.textContent = `The preview could not start: ${error.message ?? error}`;
  }
}

// ---------------------------------------------------------------------------
// The code to paste, and the settings file.

const baseUrl = () => new URL('./', location.href).href;
const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
/** JSON that cannot end its <script> element early (`</script`, `<!--`). */
const inlineJson = (settings) => JSON.stringify(settings).replace(/</g, '\\u003c');

function scriptAttributes(file) {
  const hash = engine.integrity?.[file];
  return `src="${escapeAttribute(baseUrl() + file)}"${hash ? ` integrity="${escapeAttribute(hash)}"` : ''} crossorigin="anonymous"`;
}

function renderSnippets() {
  $('#base-url').textContent = baseUrl();
  const note = $('#integrity-note');
  note.hidden = Boolean(engine.integrity);
  note.textContent = packaged
    ? 'This folder has no integrity.json, so the codes below carry no integrity hashes (they still work). Open this page from the release folder (dist/embed/) to get codes with hashes.'
    : 'This page runs from a development build: the codes below have no integrity hashes, and they only work once they point at the release folder (dist/embed/, made by make embed). Open this page from that folder to get the codes to paste.';
  if (!lastValid) return;
  // All of the settings, not only those that differ from the defaults: a
  // clinic's prices stay its own when a later release changes a default.
  const module = `<script type="module" ${scriptAttributes('smp-estimator.js')}></script>`;
  const fileAttribute = ` data-config-url="${escapeAttribute(baseUrl() + SETTINGS_FILE)}"`;
  const element = (open, close) =>
    draft.configFile
      ? `${open.replace('>', `${fileAttribute}>`)}${close}\n${module}`
      : `${open}\n  <script type="application/json">${inlineJson(lastValid)}</script>\n${close}\n${module}`;
  $('#snippet-div').value = element('<div data-smp-estimator>', '</div>');
  $('#snippet-element').value = element('<smp-estimator>', '</smp-estimator>');
  $('#snippet-frame').value =
    `<iframe data-smp-estimator-frame src="${escapeAttribute(`${baseUrl()}frame.html?config-url=${SETTINGS_FILE}`)}" title="SMP cost estimate" width="100%" height="900" frameborder="0" allow="clipboard-write"></iframe>\n` +
    // Without integrity and crossorigin, which would need CORS headers from
    // the host of frame-host.js (static hosts often send none, and the
    // browser would then refuse the script).
    `<script src="${escapeAttribute(`${baseUrl()}frame-host.js`)}"></script>`;
}

async function copySnippet(event) {
  const id = event.currentTarget.dataset.copy;
  const area = document.getElementById(id);
  const status = document.querySelector(`[data-copy-status="${id}"]`);
  const count = lastChecked?.problems.length ?? 0;
  if (count > 0 || !lastValid) {
    status.textContent = `Not copied: ${count === 1 ? 'one setting needs' : `${count} settings need`} checking first (see the top of the page), so that the code holds your latest settings.`;
    return;
  }
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = 'Copied. Paste it into your page.';
  } catch {
    // No clipboard permission (an old browser, a plain-http address): select
    // the code so that Ctrl+C or Cmd+C copies it.
    area.focus();
    area.select();
    status.textContent = 'Selected: press Ctrl+C (Cmd+C on a Mac) to copy.';
  }
}

function exportSettings(event) {
  const settings = settingsFromDraft(draft);
  const { settings: checked, problems } = smp.checkSettings(settings);
  const blob = new Blob([`${JSON.stringify(checked ?? settings, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = SETTINGS_FILE;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
  const status = event.currentTarget.id === 'export-again' ? document.querySelector('[data-copy-status="snippet-frame"]') : $('#import-status');
  status.textContent =
    problems.length === 0
      ? `Downloaded ${SETTINGS_FILE}.`
      : `Downloaded ${SETTINGS_FILE} as typed, with ${problems.length} ${problems.length === 1 ? 'setting' : 'settings'} still to check: the estimator will not start with this file until they are fixed.`;
}

async function importFile() {
  const file = $('#import-file').files[0];
  if (!file) return;
  importText(await file.text(), file.name);
  $('#import-file').value = '';
}

function importPasted() {
  importText($('#import-text').value, 'the pasted text');
}

/** Deep-merges `over` into `base` as the engine merges a file over the defaults (objects key by key). */
function mergeOver(base, over) {
  const plain = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!plain(base) || !plain(over)) return over;
  const merged = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = mergeOver(base[key], value);
  return merged;
}

function importText(text, source) {
  const status = $('#import-status');
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    status.textContent = `Nothing loaded: ${source} is not valid JSON (${error.message}).`;
    return;
  }
  const { settings: checked, problems } = smp.checkSettings(value);
  // Invalid settings still fill the form, so the engine's problems show by their fields.
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  const full = checked ?? (isObject ? mergeOver(engine.defaults, value) : engine.defaults);
  draft = { ...draftFromSettings(full, draft.market), configFile: draft.configFile };
  fillForm();
  saveDraft();
  update();
  const elsewhere = problems.filter((problem) => !targetFor(problem.field));
  status.replaceChildren(
    problems.length === 0
      ? `Loaded the settings from ${source}.`
      : `Loaded the settings from ${source}, with ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} to check.`,
  );
  const reworded = Object.entries(draft.messages).map(([language, texts]) => `${language} (${Object.keys(messagesOf(texts)).length})`);
  if (reworded.length) {
    status.append(
      ` It rewords messages in ${reworded.join(', ')}: this page keeps them as they are in your code and settings file (see docs/i18n.md).`,
    );
  }
  if (elsewhere.length) {
    const list = document.createElement('ul');
    for (const problem of elsewhere) {
      const item = document.createElement('li');
      item.textContent = `${problem.field}: ${problem.message}`;
      list.append(item);
    }
    status.append(' These were left out:', list);
  }
}

// ---------------------------------------------------------------------------
// Host hook: the WordPress plugin's settings page (docs/wordpress.md) opens
// this page as configure.html?host=wordpress in an iframe of its own origin.
// This page then says when it is ready, loads the settings the host answers
// with (its saved ones, or a refused POST's, so nothing typed is lost), and
// from then on posts the settings the engine accepted after every check, or
// how many problems are left. The host saves them with its own form. Only
// same-origin messages from the parent count; anywhere else this does nothing.

const host = connectHost();

function connectHost() {
  if (new URLSearchParams(location.search).get('host') !== 'wordpress' || window.parent === window) return null;
  // The plugin hosts the files and puts the widget on pages (shortcode and
  // block): the steps about hosting a folder and pasting code are not the
  // clinic's to take here.
  for (const part of document.querySelectorAll('#host-step, .card.embed')) part.hidden = true;
  let answered = false;
  const send = (message) => window.parent.postMessage(message, location.origin);
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== location.origin) return;
    if (event.data?.type !== 'smp-estimator:host-settings' || answered) return;
    answered = true;
    const text = typeof event.data.text === 'string' ? event.data.text.trim() : '';
    if (text) importText(text, 'your saved WordPress settings');
    else update();
  });
  return {
    /** Called by `update` with the engine's verdict on the form. */
    report(checked, problems) {
      // Until the host has answered, the form is this browser's draft, not the site's settings.
      if (!answered) send({ type: 'smp-estimator:setup-ready' });
      else send({ type: 'smp-estimator:setup-settings', settings: problems.length === 0 ? checked : null, problems: problems.length });
    },
  };
}

// ---------------------------------------------------------------------------
// Start (last, once every function and constant above is defined): the
// engine, then the form as the clinic left it.

const packaged = 'ready' in smp;
let engine;
try {
  if (packaged) {
    await smp.ready;
  } else {
    globalThis.__smpEstimatorStylesheet = { href: new URL('smp-estimator.css', import.meta.url).href };
    await smp.default();
  }
  engine = {
    markets: smp.markets(),
    patterns: smp.patterns(),
    defaults: smp.checkSettings({}).settings,
    defaultConsent: smp.checkSettings({ lead: {} }).settings.lead.consent,
    integrity: packaged ? await loadIntegrity() : null,
  };
} catch (error) {
  const status = $('#page-status');
  status.textContent = `The estimator could not start in this browser: ${error.message ?? error}. Please reload the page.`;
  status.classList.add('page-status-bad');
  throw error;
}

/** The form as typed; see `draftFromSettings`. */
let draft = restoreDraft() ?? draftFromSettings(engine.markets[0].settings, engine.markets[0].id);
/** The last settings the engine accepted, as it returned them. */
let lastValid = null;
let mountedSettings = null;
let updateTimer;
/** The engine's answer to the form as it is now (valid or not). */
let lastChecked = null;
/** The form before the last market was chosen, for "Undo". */
let beforeMarket = null;

buildStaticOptions();
fillForm();
update();
wireEvents();
$('#page-status').hidden = true;
if (draft.configFile) checkSettingsFile();
