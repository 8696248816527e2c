//! JSON at the browser's boundary. In the WebAssembly, JSON text is read
//! and written by the browser's own `JSON.parse` and `JSON.stringify`, and
//! JavaScript values are walked into the engine's [`Value`] tree (and back)
//! directly: no JSON parser or writer of ours is compiled in. Natively
//! (the pure modules' tests) the engine's `json` does the same with serde_json.

#[cfg(target_arch = "wasm32")]
use smp_engine::Value;

/// Reads JSON text; the error is the browser's own message, such as
/// `JSON.parse: expected ',' or '}' after property value at line 3 column 1`.
#[cfg(target_arch = "wasm32")]
pub fn parse(text: &str) -> Result<Value, String> {
    js_sys::JSON::parse(text)
        .map(|value| from_js(&value))
        .map_err(|error| String::from(js_sys::Error::from(error).message()))
}

/// Compact JSON text (`quote.to_json()` gives the tree of any of the
/// engine's types).
#[cfg(target_arch = "wasm32")]
pub fn to_text(value: &Value) -> String {
    js_sys::JSON::stringify(&to_js(value))
        .map(String::from)
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
pub use smp_engine::json::parse;

/// Compact JSON text.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_text(value: &smp_engine::Value) -> String {
    smp_engine::json::to_text(value)
}

/// Objects nested deeper than this are cut off: a settings object handed to
/// the JavaScript API could refer to itself.
#[cfg(target_arch = "wasm32")]
const MAX_DEPTH: u32 = 64;

/// A JavaScript value as the engine's tree: what `JSON.stringify` would
/// keep of it (functions and symbols become `null`).
#[cfg(target_arch = "wasm32")]
pub fn from_js(value: &wasm_bindgen::JsValue) -> Value {
    walk(value, 0)
}

#[cfg(target_arch = "wasm32")]
fn walk(value: &wasm_bindgen::JsValue, depth: u32) -> Value {
    if depth > MAX_DEPTH {
        Value::Null
    } else if let Some(b) = value.as_bool() {
        Value::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Value::Number(n)
    } else if let Some(s) = value.as_string() {
        Value::String(s)
    } else if js_sys::Array::is_array(value) {
        let items = js_sys::Array::from(value);
        Value::Array(items.iter().map(|item| walk(&item, depth + 1)).collect())
    } else if value.is_object() && !value.is_function() {
        let entries = js_sys::Object::entries(&js_sys::Object::from(value.clone()));
        Value::Object(
            entries
                .iter()
                .map(|entry| {
                    let pair = js_sys::Array::from(&entry);
                    let key = pair.get(0).as_string().unwrap_or_default();
                    (key, walk(&pair.get(1), depth + 1))
                })
                .collect(),
        )
    } else {
        Value::Null
    }
}

/// The engine's tree as a JavaScript value.
#[cfg(target_arch = "wasm32")]
pub fn to_js(value: &Value) -> wasm_bindgen::JsValue {
    use wasm_bindgen::JsValue;
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) if n.is_finite() => JsValue::from_f64(*n),
        Value::Number(_) => JsValue::NULL,
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<js_sys::Array>().into(),
        Value::Object(entries) => {
            let object = js_sys::Object::new();
            for (key, value) in entries {
                let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &to_js(value));
            }
            object.into()
        }
    }
}
