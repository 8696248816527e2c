//! Puts a widget into every marked element of a clinic's page, inside its
//! own Shadow DOM so that the page's CSS and the widget's cannot touch each
//! other, with the settings its element gives; watches the page for
//! elements added, changed or removed later (single-page apps and page
//! builders do all three).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

use crate::js_api::{dispatch, dispatch_event, push_datalayer};
use crate::languages::{catalogue, fetch_text, language_tags};
use crate::page_settings::{resolve_preset, resolve_settings, visitor_speech, Speech};
use crate::recovery::{failed_widgets, install_panic_recovery, set_active, show_failure, Failure};
use crate::{languages, theme};
use smp_engine::{Catalogue, ClinicSettings, EstimateInput, FieldError, Pattern, Quote};
use smp_engine::{ToJson, Value};
use smp_widget::components::{reveal_answer_in, Estimator, EstimatorProps};
use smp_widget::js_value;

/// Elements that get a widget: `<div data-smp-estimator>` or `<smp-estimator>`.
pub const SELECTOR: &str = "[data-smp-estimator], smp-estimator";

/// The observer that mounts late elements, and the callback it calls.
type Watcher = (MutationObserver, Closure<dyn FnMut(js_sys::Array)>);

thread_local! {
    /// Kept alive for the page's lifetime so late elements get widgets too.
    static OBSERVER: RefCell<Option<Watcher>> = const { RefCell::new(None) };
    /// Every widget on the page, so that one whose element leaves the page
    /// can be taken down (a single-page app or page builder removes nodes).
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
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
            empty(&shadow);
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
    languages::configure(&stylesheet, hashes, entries(prefetched));
    theme::set_stylesheet(stylesheet, integrity);
    install_panic_recovery();
    // In a task of its own, after the one that instantiated the WebAssembly
    // (on a phone that alone takes about 50 ms). A widget the page
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

fn attributes(element: &Element) -> Vec<(String, String)> {
    let list = element.attributes();
    (0..list.length())
        .filter_map(|index| list.item(index))
        .map(|attr| (attr.name(), attr.value()))
        .collect()
}

/// The attribute of the static first screen's nodes in a widget's shadow
/// root (web/loader.js puts them there before the WebAssembly loads).
const FIRST_SCREEN: &str = "data-smp-first-screen";

/// Takes every node out of `shadow`, one by one: a page that enforces
/// Trusted Types refuses even an empty string as `innerHTML`.
fn empty(shadow: &web_sys::ShadowRoot) {
    while let Some(child) = shadow.first_child() {
        let _ = shadow.remove_child(&child);
    }
}

/// The static first screen in `shadow`, if the loader showed one.
fn first_screen(shadow: &web_sys::ShadowRoot) -> Option<Element> {
    shadow
        .query_selector(&format!(".smp-host[{FIRST_SCREEN}]"))
        .ok()
        .flatten()
}

/// The pattern the visitor picked on `element`'s static first screen, if
/// any.
fn picked_on_first_screen(element: &Element) -> Option<Pattern> {
    let shadow = element.shadow_root()?;
    let radio = first_screen(&shadow)?
        .query_selector(".smp-choice-input:checked")
        .ok()??;
    Pattern::from_id(&radio.get_attribute("value")?)
}

/// Shows the answer to the pattern picked on `element`'s static first
/// screen there, under its pictures, scrolled into view as any answer: the
/// visitor who tapped before the WebAssembly was there sees the price as
/// soon as the engine can give it, while the live widget renders out of
/// sight (on a phone-class CPU about 300 ms until the swap, where the same
/// answer takes this one's place).
fn show_first_answer(
    element: &Element,
    props: &EstimatorProps,
) -> Option<yew::AppHandle<Estimator>> {
    let screen = first_screen(&element.shadow_root()?)?;
    let pickers = screen.query_selector_all(".smp-picker").ok()?;
    let last = pickers
        .item(pickers.length().checked_sub(1)?)?
        .dyn_into::<Element>()
        .ok()?;
    // Where the live widget has its answer: after the picker, before the
    // further details (`display: contents`, so the answer is the grid's
    // item as it is there).
    let slot = gloo::utils::document().create_element("div").ok()?;
    let _ = slot.set_attribute("class", "smp-answer-slot");
    last.after_with_node_1(&slot).ok()?;
    theme::apply(&screen, &props.settings.theme);
    let props = EstimatorProps {
        answer_only: true,
        ..props.clone()
    };
    let app = yew::Renderer::<Estimator>::with_root_and_props(slot.clone(), props).render();
    yew::platform::spawn_local(reveal_answer_in(move || Some(slot.clone())));
    Some(app)
}

/// Puts the live widget in `container` (kept out of the page until now)
/// in the place of `element`'s static first screen, once it has drawn the
/// same thing (or a failure panel): the loader's `takeOver` swaps them in
/// one task, so nothing moves, then replays on the live widget what the
/// visitor did on the static one (the group shown, the further details
/// opened, a pattern picked) and keeps focus where it was.
pub(crate) fn take_over(element: &Element, container: &Element) {
    let Some(shadow) = element.shadow_root() else {
        return;
    };
    if container.is_connected() {
        return;
    }
    let Some(screen) = first_screen(&shadow) else {
        // The screen went (its stylesheet failed): the live widget alone.
        let _ = shadow.append_child(container);
        return;
    };
    let take_over = js_sys::Reflect::get(&js_sys::global(), &"__smpEstimatorStylesheet".into())
        .and_then(|given| js_sys::Reflect::get(&given, &"takeOver".into()))
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok());
    let swapped = take_over
        .is_some_and(|take_over| take_over.call2(&JsValue::NULL, &screen, container).is_ok());
    if !swapped {
        let _ = container.remove_attribute("hidden");
        let _ = screen.replace_with_with_node_1(container);
    }
}

/// Mounts a widget into `element`; false when it holds one already.
pub(crate) fn mount_element(element: Element, explicit_settings: Option<String>) -> bool {
    // One widget per element.
    if is_mounted(&element) {
        return false;
    }
    // An element that held a widget before keeps its shadow root (after a
    // restart, with the old widget's nodes in it). The loader's static
    // first screen stays until this widget has drawn the same (see
    // `take_over`).
    let shadow = match element.shadow_root() {
        Some(shadow) => {
            if first_screen(&shadow).is_none() {
                empty(&shadow);
            }
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
    theme::link_stylesheet(&shadow, &container);
    // Behind the static first screen the live widget renders out of the
    // page, in a container of its own, until it takes the screen's place
    // (`take_over`): never two pickers in the page at once.
    if first_screen(&shadow).is_none() {
        let _ = shadow.append_child(&container);
    }

    let key = widget_key(&element);
    if failed_widgets().includes(&key.clone().into(), 0) {
        // In the visitor's language (the module restarted after the panic
        // and kept nothing: the language file comes from the HTTP cache).
        let (page, browser) = language_tags(&element);
        yew::platform::spawn_local(async move {
            let speech = visitor_speech(&page, &browser, "en");
            let messages = catalogue(&speech, &ClinicSettings::default()).await;
            show_failure(&element, &container, &messages, Failure::Panicked);
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
        // page, however many widgets it has.
        smp_widget::components::next_task().await;
        let config = match &config_url {
            Some(url) => match fetch_text(url, None).await {
                Ok(text) => Some((url.clone(), text)),
                Err(message) => {
                    let problems =
                        vec![FieldError::new(format!("data-config-url ({url})"), message)];
                    let speech = visitor_speech(&page_languages, &browser_languages, "en");
                    let messages = catalogue(&speech, &ClinicSettings::default()).await;
                    return show_failure(
                        &element,
                        &container,
                        &messages,
                        Failure::Settings(problems),
                    );
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
                show_failure(&element, &container, &messages, Failure::Settings(problems));
            }
        }
    });
    true
}

/// The widget's name on the page, for its storage and share-link part: its
/// element's id, else the value of `data-smp-estimator`, else its number in
/// mounting order; letters, digits, `-` and `_` only.
fn widget_key(element: &Element) -> String {
    thread_local! {
        /// Widgets numbered so far.
        static NUMBERED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let number = NUMBERED.with(|numbered| {
        numbered.set(numbered.get() + 1);
        numbered.get()
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
/// only the rendering. What they compute is thrown away: the
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

/// Renders the widget into `container`, wired to the page's events.
fn render(
    element: &Element,
    container: &Element,
    settings: ClinicSettings,
    preset: Option<EstimateInput>,
    key: String,
    speech: Speech,
    messages: Rc<Catalogue>,
) {
    theme::apply(container, &settings.theme);
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
    // The answer shown on the static first screen before the live widget,
    // taken down once the live widget has taken that screen's place.
    let first_answer: Rc<RefCell<Option<yew::AppHandle<Estimator>>>> = Rc::default();
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
        ondrawn: Some({
            let (element, container) = (element.clone(), container.clone());
            let first_answer = first_answer.clone();
            Callback::from(move |()| {
                take_over(&element, &container);
                if let Some(app) = first_answer.borrow_mut().take() {
                    app.destroy();
                    // The same answer, in view again if the swap cut its
                    // scroll short.
                    let container = container.clone();
                    yew::platform::spawn_local(reveal_answer_in(move || Some(container.clone())));
                }
            })
        }),
        behind_first_screen: element
            .shadow_root()
            .is_some_and(|shadow| first_screen(&shadow).is_some()),
        picked: picked_on_first_screen(element),
        answer_only: false,
        first_screen: false,
    };
    *first_answer.borrow_mut() = props
        .picked
        .and_then(|_| show_first_answer(element, &props));
    let answered = first_answer.borrow().is_some();
    let (element, container) = (element.clone(), container.clone());
    let start = move || {
        let app = yew::Renderer::<Estimator>::with_root_and_props(container, props).render();
        register_app(
            &element,
            Box::new(move || {
                app.destroy();
                if let Some(app) = first_answer.borrow_mut().take() {
                    app.destroy();
                }
            }),
        );
    };
    if answered {
        // After the frame that shows that answer.
        yew::platform::spawn_local(async move {
            smp_widget::components::next_paint().await;
            start();
        });
    } else {
        start();
    }
}
