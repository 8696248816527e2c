//! The embedding layer: puts a widget into every marked element of a
//! clinic's page, inside its own Shadow DOM so that the page's CSS and the
//! widget's cannot touch each other, with settings from the element, and
//! tells the page about quotes through DOM events. Also the JavaScript API:
//! `start`, `mount` and `estimate`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, Element, HtmlElement, MutationObserver, MutationObserverInit,
    ShadowRootInit, ShadowRootMode,
};
use yew::prelude::*;

use crate::page_settings::{resolve_preset, resolve_settings, visitor_speech, Speech};
use smp_engine::{
    describe_all, estimate_json, Catalogue, ClinicSettings, EstimateInput, FieldError, Msg, Quote,
};
use smp_engine::{ToJson, Value};
use smp_widget::components::{Estimator, EstimatorProps};
use smp_widget::js_value;

/// Elements that get a widget: `<div data-smp-estimator>` or `<smp-estimator>`.
pub const SELECTOR: &str = "[data-smp-estimator], smp-estimator";

/// The observer that mounts late elements, and the callback it calls.
type Watcher = (MutationObserver, Closure<dyn FnMut(js_sys::Array)>);

/// The widget's stylesheet, linked into every shadow root, and its
/// Subresource Integrity hash when the release package knows it.
#[derive(Clone, Default)]
struct Stylesheet {
    href: String,
    integrity: Option<String>,
    /// Each language file's SRI hash, by language.
    catalogues: Vec<(String, String)>,
}

thread_local! {
    static STYLESHEET: RefCell<Stylesheet> = RefCell::new(Stylesheet::default());
    /// Kept alive for the page's lifetime so late elements get widgets too.
    static OBSERVER: RefCell<Option<Watcher>> = const { RefCell::new(None) };
    /// Every widget on the page, so that one whose element leaves the page
    /// can be taken down (a single-page app or page builder removes nodes).
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

thread_local! {
    /// Each language's catalogue once downloaded (the request while it is
    /// under way), shared by every widget on the page.
    static CATALOGUES: RefCell<Vec<(&'static str, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
    /// Each language's catalogue once read, shared by its widgets.
    static READ: RefCell<Vec<(&'static str, Rc<Catalogue>)>> = const { RefCell::new(Vec::new()) };
}

thread_local! {
    /// The widget the visitor used last: the one a panic is blamed on.
    static ACTIVE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Marks the widget named `key` as the one in use (called on every action).
pub fn set_active(key: &str) {
    ACTIVE.with(|active| {
        if let Ok(mut active) = active.try_borrow_mut() {
            *active = Some(key.to_string());
        }
    });
}

/// Widgets that failed, by name, in a page global: it outlives the
/// WebAssembly instance, which restarts after a panic.
const FAILED: &str = "__smpEstimatorFailed";

fn failed_widgets() -> js_sys::Array {
    let global = js_sys::global();
    match js_sys::Reflect::get(&global, &FAILED.into()) {
        Ok(list) if js_sys::Array::is_array(&list) => list.unchecked_into(),
        _ => {
            let list = js_sys::Array::new();
            let _ = js_sys::Reflect::set(&global, &FAILED.into(), &list);
            list
        }
    }
}

/// On a panic: report it, remember which widget failed, and have
/// wasm-bindgen start the module afresh, which mounts every widget again
/// (answers come back from storage) and shows the failed one's fallback.
fn install_panic_recovery() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("SMP estimator: internal error: {info}").into());
        if let Some(key) = ACTIVE.with(|active| active.try_borrow().ok().and_then(|k| k.clone())) {
            failed_widgets().push(&key.into());
        }
        wasm_bindgen::handler::schedule_reinit();
        // Any call into the module after this one restarts it: make one soon.
        gloo_timers::callback::Timeout::new(0, || {}).forget();
    }));
}

/// A widget on the page: its element, and how to take its app down once it
/// has rendered.
struct Mounted {
    element: Element,
    /// Settings given to `mount()`, kept for a remount.
    explicit_settings: Option<String>,
    destroy: Option<Box<dyn FnOnce()>>,
}

fn is_mounted(element: &Element) -> bool {
    MOUNTED.with(|mounted| mounted.borrow().iter().any(|w| &w.element == element))
}

/// Remembers how to take down `element`'s rendered app; if the element left
/// the page while its settings were loading, takes it down at once.
fn register_app(element: &Element, destroy: Box<dyn FnOnce()>) {
    let leftover = MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        match mounted.iter_mut().find(|w| &w.element == element) {
            Some(widget) => {
                widget.destroy = Some(destroy);
                None
            }
            None => Some(destroy),
        }
    });
    if let Some(destroy) = leftover {
        destroy();
    }
}

/// Takes down every widget whose element is no longer on the page and
/// empties its shadow root, so the element can hold a new one if it returns.
fn unmount_disconnected() {
    unmount_where(|widget| !widget.element.is_connected());
}

/// Takes down the widgets for which `leaves` holds; returns them.
fn unmount_where(leaves: impl Fn(&Mounted) -> bool) -> Vec<(Element, Option<String>)> {
    let gone: Vec<Mounted> = MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let (gone, kept) = std::mem::take(&mut *mounted)
            .into_iter()
            .partition(|w| leaves(w));
        *mounted = kept;
        gone
    });
    let mut taken_down = Vec::with_capacity(gone.len());
    for widget in gone {
        if let Some(destroy) = widget.destroy {
            destroy();
        }
        if let Some(shadow) = widget.element.shadow_root() {
            shadow.set_inner_html("");
        }
        taken_down.push((widget.element, widget.explicit_settings));
    }
    taken_down
}

/// A clinic's page changed a widget's data attributes: the widget starts
/// again with the new settings (the visitor's answers are kept in storage).
fn remount(element: &Element) {
    for (element, settings) in unmount_where(|w| &w.element == element) {
        mount_element(element, settings);
    }
}

/// The entry point of both modules (`src/main.rs`, and the setup page's
/// `src/bin/smp-estimator-setup.rs`): `start` with what the package's loader
/// put in `globalThis.__smpEstimatorStylesheet` (the stylesheet's address and
/// SRI hash, the language files' hashes, the page's language already on its
/// way), or with the stylesheet next to the page (the demo page of `make
/// serve`).
pub fn start_from_page() {
    let given = js_sys::Reflect::get(&js_sys::global(), &"__smpEstimatorStylesheet".into())
        .ok()
        .filter(|value| value.is_object());
    let field = |name: &str| {
        given
            .as_ref()
            .and_then(|value| js_sys::Reflect::get(value, &name.into()).ok())
    };
    let text = |name: &str| field(name).and_then(|value| value.as_string());
    let object = |name: &str| field(name).filter(|value| value.is_object());
    start(
        text("href").unwrap_or_else(|| "smp-estimator.css".into()),
        text("integrity"),
        object("catalogues"),
        object("prefetched"),
    );
}

/// Mounts a widget into every marked element on the page, now and whenever
/// one is added later. `stylesheet` is the address of `smp-estimator.css`,
/// `integrity` its SRI hash if known; `catalogues` the SRI hash of each
/// language's file by language, and `prefetched` the text of the files
/// already requested (promises by language), when the package's loader
/// gives them.
pub fn start(
    stylesheet: String,
    integrity: Option<String>,
    catalogues: Option<JsValue>,
    prefetched: Option<JsValue>,
) {
    let entries = |object: Option<JsValue>| -> Vec<(String, JsValue)> {
        object
            .map(|object| js_sys::Object::entries(object.unchecked_ref()))
            .map(|entries| {
                entries
                    .iter()
                    .filter_map(|entry| {
                        let pair: js_sys::Array = entry.unchecked_into();
                        Some((pair.get(0).as_string()?, pair.get(1)))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let hashes = entries(catalogues)
        .into_iter()
        .filter_map(|(language, hash)| Some((language, hash.as_string()?)))
        .collect();
    STYLESHEET.with(|sheet| {
        *sheet.borrow_mut() = Stylesheet {
            href: stylesheet,
            integrity,
            catalogues: hashes,
        }
    });
    CATALOGUES.with(|cache| {
        let mut cache = cache.borrow_mut();
        for (language, text) in entries(prefetched) {
            let known = smp_engine::messages::LANGUAGES
                .iter()
                .find(|l| **l == language);
            if let (Some(language), Ok(text)) = (known, text.dyn_into::<js_sys::Promise>()) {
                cache.push((language, text));
            }
        }
    });
    install_panic_recovery();
    // In a task of its own, after the one that instantiated the WebAssembly
    // (on a phone that alone takes about 50 ms; issue 15). A widget the page
    // mounts itself before then is not mounted twice.
    smp_widget::components::after_this_task(watch_page);
}

/// Mounts a widget into every marked element on the page, now and whenever
/// one is added later.
fn watch_page() {
    let document = gloo::utils::document();
    mount_within(&document.document_element());
    OBSERVER.with(|observer| {
        if observer.borrow().is_some() {
            return;
        }
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|records: js_sys::Array| {
            let mut removed = false;
            for record in records.iter() {
                let record: web_sys::MutationRecord = record.unchecked_into();
                if record.type_() == "attributes" {
                    if let Some(element) =
                        record.target().and_then(|t| t.dyn_into::<Element>().ok())
                    {
                        if is_mounted(&element) {
                            remount(&element);
                        }
                    }
                    continue;
                }
                removed |= record.removed_nodes().length() > 0;
                let added = record.added_nodes();
                for index in 0..added.length() {
                    if let Some(element) =
                        added.item(index).and_then(|n| n.dyn_into::<Element>().ok())
                    {
                        mount_within(&Some(element));
                    }
                }
            }
            if removed {
                unmount_disconnected();
            }
        });
        let Ok(mutation_observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) else {
            return;
        };
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        // A changed setting on a widget's element restarts that widget.
        options.set_attributes(true);
        let watched = js_sys::Array::new();
        for name in smp_engine::page_attributes::ATTRIBUTES {
            watched.push(&format!("data-{name}").into());
        }
        options.set_attribute_filter(&watched);
        if let Some(root) = document.document_element() {
            let _ = mutation_observer.observe_with_options(&root, &options);
        }
        *observer.borrow_mut() = Some((mutation_observer, callback));
    });
}

/// Mounts `element` if it is marked, and every marked element inside it.
fn mount_within(root: &Option<Element>) {
    let Some(root) = root else { return };
    if root.matches(SELECTOR).unwrap_or(false) {
        mount_element(root.clone(), None);
    }
    if let Ok(found) = root.query_selector_all(SELECTOR) {
        for index in 0..found.length() {
            if let Some(element) = found.item(index).and_then(|n| n.dyn_into::<Element>().ok()) {
                mount_element(element, None);
            }
        }
    }
}

/// Mounts a widget into `element` with `settings` (a plain object, like an
/// inline settings script) under whatever its data attributes say.
#[wasm_bindgen]
pub fn mount(element: Element, settings: JsValue) -> Result<(), JsValue> {
    let settings = if settings.is_undefined() || settings.is_null() {
        None
    } else {
        Some(
            js_sys::JSON::stringify(&settings)
                .map(String::from)
                .map_err(|_| {
                    JsValue::from(js_sys::Error::new("settings must be a plain object"))
                })?,
        )
    };
    let explicit = settings.is_some();
    if !mount_element(element, settings) && explicit {
        // Settings given for a widget that is already there would be
        // silently lost: say so.
        return Err(js_sys::Error::new(
            "this element already holds an SMP estimator; settings can only be given when it is first mounted",
        )
        .into());
    }
    Ok(())
}

/// The engine's quote for `input` and `settings` (plain objects, as in the
/// JSON of `smp-quote`), or an `Error` whose message lists every problem
/// and whose `problems` holds them as `{field, message}`.
#[wasm_bindgen]
pub fn estimate(input: JsValue, settings: JsValue) -> Result<JsValue, JsValue> {
    estimate_json(&from_js(&input), &from_js(&settings))
        .map(|quote| to_js(&quote))
        .map_err(|problems| problems_error(&problems))
}

/// A plain object from JavaScript as the engine's JSON (`undefined` and
/// `null` as `{}`: the defaults).
pub(super) fn from_js(value: &JsValue) -> Value {
    if value.is_undefined() || value.is_null() {
        return Value::Object(Vec::new());
    }
    js_value::from_js(value)
}

/// An `Error` listing every problem, with `problems` as `{field, message}`.
pub(super) fn problems_error(problems: &[FieldError]) -> JsValue {
    let error = js_sys::Error::new(&describe_all(problems));
    let _ = js_sys::Reflect::set(&error, &"problems".into(), &to_js(&problems.to_vec()));
    error.into()
}

/// Plain data as a plain JavaScript object.
pub(super) fn to_js(value: &(impl serde::Serialize + ?Sized)) -> JsValue {
    js_value::to_js(&value.to_json())
}

fn attributes(element: &Element) -> Vec<(String, String)> {
    let list = element.attributes();
    (0..list.length())
        .filter_map(|index| list.item(index))
        .map(|attr| (attr.name(), attr.value()))
        .collect()
}

/// Mounts a widget into `element`; false when it holds one already.
fn mount_element(element: Element, explicit_settings: Option<String>) -> bool {
    // One widget per element.
    if is_mounted(&element) {
        return false;
    }
    // An element that held a widget before keeps its shadow root (after a
    // restart, with the old widget's nodes in it).
    let shadow = match element.shadow_root() {
        Some(shadow) => {
            shadow.set_inner_html("");
            shadow
        }
        None => match element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
            Ok(shadow) => shadow,
            Err(_) => {
                web_sys::console::error_1(
                    &"SMP estimator: this element cannot hold a widget (no shadow root)".into(),
                );
                return false;
            }
        },
    };
    MOUNTED.with(|mounted| {
        mounted.borrow_mut().push(Mounted {
            element: element.clone(),
            explicit_settings: explicit_settings.clone(),
            destroy: None,
        })
    });
    let document = gloo::utils::document();
    let Ok(container) = document.create_element("div") else {
        return false;
    };
    let _ = container.set_attribute("class", "smp-host");
    let stylesheet = STYLESHEET.with(|sheet| sheet.borrow().clone());
    if !stylesheet.href.is_empty() {
        if let Ok(link) = document.create_element("link") {
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", &stylesheet.href);
            if let Some(integrity) = &stylesheet.integrity {
                let _ = link.set_attribute("integrity", integrity);
                let _ = link.set_attribute("crossorigin", "anonymous");
            }
            // Hidden until its stylesheet has loaded (or failed to), so the
            // visitor never sees it unstyled.
            let _ = container.set_attribute("hidden", "");
            for event in ["load", "error"] {
                let container = container.clone();
                gloo::events::EventListener::once(&link, event, move |_| {
                    let _ = container.remove_attribute("hidden");
                })
                .forget();
            }
            let _ = shadow.append_child(&link);
        }
    }
    let _ = shadow.append_child(&container);

    let key = widget_key(&element);
    if failed_widgets().includes(&key.clone().into(), 0) {
        // In the visitor's language (the module restarted after the panic
        // and kept nothing: the language file comes from the HTTP cache).
        let (page, browser) = language_tags(&element);
        yew::platform::spawn_local(async move {
            let speech = visitor_speech(&page, &browser, "en");
            let messages = catalogue(&speech, &ClinicSettings::default()).await;
            show_failure(&element, &container, &messages);
        });
        return true;
    }
    let attributes = attributes(&element);
    let inline = explicit_settings.or_else(|| {
        element
            .query_selector(":scope > script[type='application/json']")
            .ok()
            .flatten()
            .and_then(|script| script.text_content())
    });
    let config_url = element.get_attribute("data-config-url");
    let (page_languages, browser_languages) = language_tags(&element);
    yew::platform::spawn_local(async move {
        // Each widget renders in a task of its own, after the one that
        // instantiated the WebAssembly: no single long task on the clinic's
        // page, however many widgets it has (issue 5).
        smp_widget::components::next_task().await;
        let config = match &config_url {
            Some(url) => match fetch_text(url, None).await {
                Ok(text) => Some((url.clone(), text)),
                Err(message) => {
                    let problems =
                        vec![FieldError::new(format!("data-config-url ({url})"), message)];
                    let speech = visitor_speech(&page_languages, &browser_languages, "en");
                    let messages = catalogue(&speech, &ClinicSettings::default()).await;
                    return show_problems(&element, &container, problems, &messages);
                }
            },
            None => None,
        };
        let config = config
            .as_ref()
            .map(|(url, text)| (url.as_str(), text.as_str()));
        let settings = resolve_settings(&attributes, inline.as_deref(), config);
        let preset = resolve_preset(&attributes);
        match (settings, preset) {
            (Ok(settings), Ok(preset)) => {
                let speech = visitor_speech(&page_languages, &browser_languages, &settings.locale);
                let messages = catalogue(&speech, &settings).await;
                warm_up(&settings, preset.input.as_ref(), &speech, &messages);
                smp_widget::components::next_task().await;
                render(
                    &element,
                    &container,
                    settings,
                    preset.input,
                    key,
                    speech,
                    messages,
                )
            }
            (settings, preset) => {
                let problems = settings
                    .err()
                    .into_iter()
                    .flatten()
                    .chain(preset.err().into_iter().flatten())
                    .collect();
                let speech = visitor_speech(&page_languages, &browser_languages, "en");
                let messages = catalogue(&speech, &ClinicSettings::default()).await;
                show_problems(&element, &container, problems, &messages);
            }
        }
    });
    true
}

/// The language tags that can choose a widget's language: the page's for
/// it (its element's `data-lang` and `lang`, then the nearest `lang` around
/// it) and the browser's.
fn language_tags(element: &Element) -> (Vec<String>, Vec<String>) {
    let mut page: Vec<String> = ["data-lang", "lang"]
        .iter()
        .filter_map(|name| element.get_attribute(name))
        .collect();
    if let Some(Some(around)) = element
        .parent_element()
        .map(|parent| parent.closest("[lang]").ok().flatten())
    {
        page.extend(around.get_attribute("lang"));
    }
    let browser = gloo::utils::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    (page, browser)
}

/// Where the catalogues are: `i18n/` next to the widget's stylesheet.
fn catalogue_url(language: &str) -> String {
    let sheet = STYLESHEET.with(|sheet| sheet.borrow().href.clone());
    let folder = sheet.rfind('/').map_or("", |slash| &sheet[..=slash]);
    format!("{folder}i18n/{language}.json")
}

/// The visitor's catalogue with the clinic's own wording. Each language is
/// read once per page and shared by its widgets; only a widget whose clinic
/// rewords messages gets a copy of its own.
async fn catalogue(speech: &Speech, settings: &ClinicSettings) -> Rc<Catalogue> {
    let language = speech.language;
    let read = READ.with(|read| {
        let read = read.borrow();
        read.iter()
            .find(|(l, _)| *l == language)
            .map(|(_, c)| c.clone())
    });
    let base = match read {
        Some(base) => base,
        None => {
            let base = Rc::new(load_catalogue(language).await);
            READ.with(|read| read.borrow_mut().push((language, base.clone())));
            base
        }
    };
    let overrides = settings
        .messages
        .iter()
        .find(|(l, _)| *l == base.language)
        .map(|(_, texts)| texts.as_slice())
        .unwrap_or_default();
    if overrides.is_empty() {
        base
    } else {
        Rc::new((*base).clone().with_overrides(overrides))
    }
}

/// `language`'s catalogue: English at once, any other downloaded once per
/// page (English if it cannot be).
async fn load_catalogue(language: &'static str) -> Catalogue {
    if language == "en" {
        Catalogue::english().clone()
    } else {
        let request = CATALOGUES.with(|catalogues| {
            let mut catalogues = catalogues.borrow_mut();
            if let Some((_, request)) = catalogues.iter().find(|(l, _)| *l == language) {
                return request.clone();
            }
            let url = catalogue_url(language);
            let integrity = STYLESHEET.with(|sheet| {
                let sheet = sheet.borrow();
                let hash = sheet.catalogues.iter().find(|(l, _)| l == language);
                hash.map(|(_, hash)| hash.clone())
            });
            let request = wasm_bindgen_futures::future_to_promise(async move {
                fetch_text(&url, integrity.as_deref())
                    .await
                    .map(JsValue::from)
                    .map_err(JsValue::from)
            });
            catalogues.push((language, request.clone()));
            request
        });
        let text = wasm_bindgen_futures::JsFuture::from(request).await;
        let read = match &text {
            Ok(text) => js_value::parse(&text.as_string().unwrap_or_default())
                .and_then(|catalogue| Catalogue::read(language, &catalogue)),
            // A message of ours, or the loader's fetch's Error.
            Err(why) => Err(why.as_string().unwrap_or_else(|| {
                let error = why.dyn_ref::<js_sys::Error>().map(js_sys::Error::message);
                format!(
                    "could not be loaded: {}",
                    error.map(String::from).unwrap_or_default()
                )
            })),
        };
        match read {
            Ok(read) => {
                if !read.skipped.is_empty() {
                    web_sys::console::warn_1(
                        &format!(
                            "SMP estimator: {} messages of {language}.json were left out:\n{}",
                            read.skipped.len(),
                            read.skipped.join("\n")
                        )
                        .into(),
                    );
                }
                read.catalogue
            }
            Err(why) => {
                web_sys::console::warn_1(
                    &format!(
                        "SMP estimator: the {language} messages ({}) {why}; showing English",
                        catalogue_url(language)
                    )
                    .into(),
                );
                Catalogue::english().clone()
            }
        }
    }
}

/// The text at `url`, checked against `integrity` when given.
async fn fetch_text(url: &str, integrity: Option<&str>) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let message = |error: JsValue| {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|error| String::from(error.message()))
            .unwrap_or_else(|| "the request failed".into())
    };
    let init = web_sys::RequestInit::new();
    if let Some(integrity) = integrity {
        init.set_integrity(integrity);
    }
    let response: web_sys::Response =
        JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init))
            .await
            .map_err(|error| format!("could not be loaded: {}", message(error)))?
            .unchecked_into();
    if !response.ok() {
        return Err(format!("could not be loaded: HTTP {}", response.status()));
    }
    let text = response
        .text()
        .map_err(|error| format!("could not be read: {}", message(error)))?;
    JsFuture::from(text)
        .await
        .map(|text| text.as_string().unwrap_or_default())
        .map_err(|error| format!("could not be read: {}", message(error)))
}

/// Tells the page: a bubbling, composed event on the widget's element.
fn dispatch_event(element: &Element, name: &str, detail: Option<JsValue>) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Some(detail) = detail {
        init.set_detail(&detail);
    }
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = element.dispatch_event(&event);
    }
}

fn dispatch(element: &Element, name: &str, quote: &Quote) {
    let detail = Value::object(vec![
        ("input", quote.input.to_json()),
        ("quote", quote.to_json()),
    ]);
    dispatch_event(element, name, Some(js_value::to_js(&detail)));
}

/// Tells Google Tag Manager, for a clinic that opted in (`datalayer`):
/// pushes `{event, currency, value, smp_pattern}` onto `window.dataLayer`
/// (made if the page has none; GTM's own `push` if it has). `value` is the
/// SMP typical price; nothing the visitor typed is ever in it.
fn push_datalayer(event: &str, quote: &Value) {
    let figure = |path: &[&str]| {
        path.iter()
            .try_fold(quote, |value, key| value.get(key))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let entry = Value::object(vec![
        ("event", event.to_json()),
        ("currency", figure(&["currency"])),
        ("value", figure(&["smp", "cost", "typical"])),
        ("smp_pattern", figure(&["input", "pattern"])),
    ]);
    let window: JsValue = gloo::utils::window().into();
    let key = JsValue::from_str("dataLayer");
    let mut layer = js_sys::Reflect::get(&window, &key).unwrap_or(JsValue::UNDEFINED);
    if !layer.is_object() {
        layer = js_sys::Array::new().into();
        let _ = js_sys::Reflect::set(&window, &key, &layer);
    }
    if let Ok(push) = js_sys::Reflect::get(&layer, &JsValue::from_str("push")) {
        if let Some(push) = push.dyn_ref::<js_sys::Function>() {
            let _ = push.call1(&layer, &js_value::to_js(&entry));
        }
    }
}

/// The widget's name on the page, for its storage and share-link part: its
/// element's id, else the value of `data-smp-estimator`, else its number in
/// mounting order; letters, digits, `-` and `_` only.
fn widget_key(element: &Element) -> String {
    thread_local! {
        static MOUNTED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let number = MOUNTED.with(|mounted| {
        mounted.set(mounted.get() + 1);
        mounted.get()
    });
    let clean = |text: String| -> Option<String> {
        let kept: String = text
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .take(40)
            .collect();
        (!kept.is_empty()).then_some(kept)
    };
    element
        .get_attribute("id")
        .and_then(clean)
        .or_else(|| element.get_attribute("data-smp-estimator").and_then(clean))
        .unwrap_or_else(|| number.to_string())
}

/// The first quote's costs that need no page: the browser compiles each
/// WebAssembly function on its first call, and makes a page's first number
/// formats slowly (the loader's worker may not have done so yet). Paid here,
/// in the task that read the settings, they leave the first render's task
/// only the rendering (issue 15). What they compute is thrown away: the
/// widget asks the engine again.
fn warm_up(
    settings: &ClinicSettings,
    preset: Option<&EstimateInput>,
    speech: &Speech,
    messages: &Rc<Catalogue>,
) {
    if let Some(input) = preset {
        let _ = smp_engine::estimate(input, settings);
    }
    let locale = if messages.language == speech.language {
        speech.locale.as_ref()
    } else {
        settings.locale.as_str()
    };
    let _ = smp_widget::format::Formats::new(locale, &settings.currency, messages.clone());
}

fn render(
    element: &Element,
    container: &Element,
    settings: ClinicSettings,
    preset: Option<EstimateInput>,
    key: String,
    speech: Speech,
    messages: Rc<Catalogue>,
) {
    // Theme through custom properties set with the CSSOM, which a strict
    // Content-Security-Policy allows (a style attribute it would not).
    if let Some(style) = container.dyn_ref::<HtmlElement>().map(HtmlElement::style) {
        if let Some(accent) = &settings.theme.accent {
            let _ = style.set_property("--smp-accent", accent);
        }
        if let Some(font) = &settings.theme.font {
            let _ = style.set_property("--smp-font", font);
        }
    }
    let datalayer = settings.datalayer;
    let on = |name: &'static str| {
        let element = element.clone();
        // The pattern last pushed as `smp_estimate`: one entry per pattern
        // picked, not one per step of the area slider.
        let last = std::cell::Cell::new(None);
        Some(Callback::from(move |quote: Rc<Quote>| {
            dispatch(&element, name, &quote);
            let pattern = quote.input.pattern;
            let event = match name {
                "smp-estimator:cta" => "smp_booking_click",
                _ if last.replace(Some(pattern)) == Some(pattern) => return,
                _ => "smp_estimate",
            };
            if datalayer {
                push_datalayer(event, &quote.to_json());
            }
        }))
    };
    set_active(&key);
    let props = EstimatorProps {
        settings: Rc::new(settings),
        preset,
        onquote: on("smp-estimator:quote"),
        onuse: Some({
            let key = key.clone();
            Callback::from(move |()| set_active(&key))
        }),
        oncta: on("smp-estimator:cta"),
        onlead: Some({
            let element = element.clone();
            Callback::from(move |payload: Rc<Value>| {
                dispatch_event(
                    &element,
                    "smp-estimator:lead",
                    Some(js_value::to_js(&payload)),
                );
                if datalayer {
                    if let Some(quote) = payload.get("quote") {
                        push_datalayer("generate_lead", quote);
                    }
                }
            })
        }),
        visitor_key: Some(key.into()),
        // English after a failed download writes English numbers too.
        locale: (messages.language == speech.language).then(|| speech.locale.into()),
        unit: Some(speech.unit),
        messages,
    };
    let app = yew::Renderer::<Estimator>::with_root_and_props(container.clone(), props).render();
    register_app(element, Box::new(move || app.destroy()));
}

/// The short message a widget shows after it failed, and the event that
/// tells the page; the other widgets carry on.
fn show_failure(element: &Element, container: &Element, messages: &Catalogue) {
    let document = gloo::utils::document();
    if let Ok(message) = document.create_element("p") {
        let _ = message.set_attribute("class", "smp-estimator smp-problems");
        let _ = message.set_attribute("lang", &messages.language);
        let _ = message.set_attribute("dir", if messages.is_rtl() { "rtl" } else { "ltr" });
        let _ = message.set_attribute("role", "alert");
        message.set_text_content(Some(messages.text(Msg::WidgetFailed)));
        let _ = container.append_child(&message);
    }
    dispatch_event(element, "smp-estimator:error", None);
}

/// When the clinic's settings are wrong: the visitor reads a short, friendly
/// line in their language; the clinic gets every problem by field in the
/// console and in the `smp-estimator:error` event's `detail.problems`
/// (the setup page shows them next to its fields) (issue 16).
fn show_problems(
    element: &Element,
    container: &Element,
    problems: Vec<FieldError>,
    messages: &Catalogue,
) {
    web_sys::console::error_1(
        &format!(
            "SMP estimator: invalid settings\n{}",
            describe_all(&problems)
        )
        .into(),
    );
    let document = gloo::utils::document();
    if let Ok(message) = document.create_element("p") {
        let _ = message.set_attribute("class", "smp-estimator smp-problems");
        let _ = message.set_attribute("part", "widget");
        let _ = message.set_attribute("lang", &messages.language);
        let _ = message.set_attribute("dir", if messages.is_rtl() { "rtl" } else { "ltr" });
        message.set_text_content(Some(messages.text(Msg::SettingsUnavailable)));
        let _ = container.append_child(&message);
    }
    let detail = Value::object(vec![("problems", problems.to_json())]);
    dispatch_event(
        element,
        "smp-estimator:error",
        Some(js_value::to_js(&detail)),
    );
}
