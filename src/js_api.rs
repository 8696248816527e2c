//! What the clinic's page calls and hears: the JavaScript API (`mount`,
//! `estimate`), whose values cross as plain objects, and the DOM events
//! each widget sends (`smp-estimator:quote`, `:cta`, `:lead`, `:error`),
//! with the `dataLayer` entries a clinic can opt in to.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element};

use smp_engine::{describe_all, estimate_json, FieldError, Quote, ToJson, Value};
use smp_widget::js_value;

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
    if !crate::mount::mount_element(element, settings) && explicit {
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
pub(crate) fn from_js(value: &JsValue) -> Value {
    if value.is_undefined() || value.is_null() {
        return Value::Object(Vec::new());
    }
    js_value::from_js(value)
}

/// An `Error` listing every problem, with `problems` as `{field, message}`.
pub(crate) fn problems_error(problems: &[FieldError]) -> JsValue {
    let error = js_sys::Error::new(&describe_all(problems));
    let _ = js_sys::Reflect::set(&error, &"problems".into(), &to_js(&problems.to_vec()));
    error.into()
}

/// Plain data as a plain JavaScript object.
pub(crate) fn to_js(value: &(impl serde::Serialize + ?Sized)) -> JsValue {
    js_value::to_js(&value.to_json())
}

/// Tells the page: a bubbling, composed event on the widget's element.
pub(crate) fn dispatch_event(element: &Element, name: &str, detail: Option<JsValue>) {
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

/// The page hears the quote without the SMP health check's answers (see
/// `without_health`): its scripts may send events on to analytics.
pub(crate) fn dispatch(element: &Element, name: &str, quote: &Quote) {
    let quote = &smp_engine::without_health(quote);
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
pub(crate) fn push_datalayer(event: &str, quote: &Value) {
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
