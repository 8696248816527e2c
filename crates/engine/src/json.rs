//! JSON text, natively: `serde_json` reads and writes it for `smp-quote`
//! and the tests. The WebAssembly never holds this module: the browser's
//! `JSON.parse` and `JSON.stringify` do the same work there
//! (the widget's `js_value`).

use serde::Serialize;

pub use super::value::Value;

/// Reads JSON text; the error names the line and column of the problem,
/// as serde_json finds it (`expected `,` or `}` at line 3 column 1`).
pub fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|error| error.to_string())
}

/// Compact JSON text.
pub fn to_text(value: &(impl Serialize + ?Sized)) -> String {
    let value = super::value::to_value(value);
    serde_json::to_string(&value).unwrap_or_default()
}

/// JSON text indented by two spaces, for people to read.
pub fn to_pretty_text(value: &(impl Serialize + ?Sized)) -> String {
    let value = super::value::to_value(value);
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// `json!({...})` for tests, as the engine's [`Value`].
#[cfg(test)]
macro_rules! json {
    ($($json:tt)+) => {
        serde_json::from_value::<$crate::Value>(serde_json::json!($($json)+))
            .expect("a JSON value")
    };
}
#[cfg(test)]
pub(crate) use json;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_json_text() {
        let text = r#"{"a": [1, 2.5, -3e2, true, null], "b": {"c": "x\"y\n\u00e9"}, "a": 7}"#;
        let value = parse(text).unwrap();
        assert_eq!(value.get("a"), Some(&Value::Number(7.0)));
        assert_eq!(to_text(&value), r#"{"a":7,"b":{"c":"x\"y\né"}}"#);
        assert_eq!(parse(&to_pretty_text(&value)).unwrap(), value);
        assert_eq!(
            to_pretty_text(&parse("[1, 2.5, -300, true, null]").unwrap()),
            "[\n  1,\n  2.5,\n  -300,\n  true,\n  null\n]"
        );
    }

    #[test]
    fn names_where_the_text_goes_wrong() {
        let error = parse("{\n  \"a\": 1,\n}").unwrap_err();
        assert!(error.ends_with("at line 3 column 1"), "{error}");
    }
}
