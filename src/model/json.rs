//! JSON text, natively: `serde_json` reads and writes it for `smp-quote`
//! and the tests. The WebAssembly never holds this module: the browser's
//! `JSON.parse` and `JSON.stringify` do the same work there
//! (`embed::js_value`).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
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

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Value::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(n))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    /// A key given twice counts once, with its last value, as in the
    /// browser's `JSON.parse`.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Value::Object(Vec::new());
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            object.insert(&key, value);
        }
        Ok(object)
    }
}

/// `json!({...})` for tests, as the engine's [`Value`].
#[cfg(test)]
macro_rules! json {
    ($($json:tt)+) => {
        serde_json::from_value::<$crate::model::Value>(serde_json::json!($($json)+))
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
