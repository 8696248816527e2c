//! When the widget panics: the panic is reported, the widget in use is
//! remembered in a page global (it outlives the WebAssembly instance), and
//! the module restarts and mounts every widget again, the failed one with
//! its failure panel. The same one panel tells the visitor when the
//! clinic's settings cannot be used.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::js_api::dispatch_event;
use smp_engine::{describe_all, Catalogue, FieldError, Msg, ToJson, Value};
use smp_widget::js_value;

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

pub(crate) fn failed_widgets() -> js_sys::Array {
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
pub(crate) fn install_panic_recovery() {
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

/// Why a widget shows its failure panel instead of an estimate.
pub(crate) enum Failure {
    /// It panicked, and the module restarted.
    Panicked,
    /// The clinic's settings are wrong: every problem, by field.
    Settings(Vec<FieldError>),
}

/// The failure panel: one short, friendly line in the visitor's language
/// and the `smp-estimator:error` event that tells the page; the other
/// widgets carry on. For wrong settings the clinic gets every problem by
/// field in the console and in the event's `detail.problems` (the setup
/// page shows them next to its fields).
pub(crate) fn show_failure(
    element: &Element,
    container: &Element,
    messages: &Catalogue,
    failure: Failure,
) {
    // In the static first screen's place, if the loader showed one.
    crate::mount::take_over(element, container);
    let (text, detail) = match &failure {
        Failure::Panicked => (Msg::WidgetFailed, None),
        Failure::Settings(problems) => {
            web_sys::console::error_1(
                &format!(
                    "SMP estimator: invalid settings\n{}",
                    describe_all(problems)
                )
                .into(),
            );
            let detail = Value::object(vec![("problems", problems.to_json())]);
            (Msg::SettingsUnavailable, Some(js_value::to_js(&detail)))
        }
    };
    if let Ok(message) = gloo::utils::document().create_element("p") {
        let _ = message.set_attribute("class", "smp-estimator smp-problems");
        let _ = message.set_attribute("part", "widget");
        let _ = message.set_attribute("lang", &messages.language);
        let _ = message.set_attribute("dir", if messages.is_rtl() { "rtl" } else { "ltr" });
        if matches!(failure, Failure::Panicked) {
            // It replaces a widget the visitor was using: said at once.
            let _ = message.set_attribute("role", "alert");
        }
        message.set_text_content(Some(messages.text(text)));
        let _ = container.append_child(&message);
    }
    dispatch_event(element, "smp-estimator:error", detail);
}
