//! The engine's one serde format: a tree of JSON values, with one
//! Deserializer and one Serializer over it.
//!
//! JSON *text* never reaches this module: natively `serde_json` reads and
//! writes it (`json.rs`); in the browser `JSON.parse` and `JSON.stringify`
//! do, and the widget's `js_value` converts their JavaScript values to and from
//! [`Value`]. So the WebAssembly holds one copy of every derived visitor,
//! and an error type that formats nothing but our own short messages (no
//! float `Display`, which alone cost the widget 12 KB).
//!
//! serde's derive stops at the first error, but a clinic wants every
//! problem at once. [`read`] gets that by repairing and reading again: each
//! error names its field path, the field is put back to the clinic's base
//! value (or dropped, or a list item skipped) and the document is read
//! again, until it reads or nothing more can be repaired.

use std::fmt;

use serde::de::{self, Visitor};
use serde::ser::{self, Serialize};

use super::number;

mod error;
mod read;
#[cfg(test)]
mod tests;
mod write;

pub use error::Error;
pub use read::read;
pub use write::{to_value, ToJson};

/// A JSON value. Objects keep their keys in order; a key given twice
/// counts once, with its last value (as in the browser's `JSON.parse`).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// An object from its fields, in order.
    pub fn object(fields: Vec<(&str, Value)>) -> Value {
        Value::Object(
            fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    /// The value of `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// Sets `key` of an object, replacing any value it had; a value that
    /// is not an object becomes an empty one first.
    pub fn insert(&mut self, key: &str, value: Value) {
        *self.entry(key) = value;
    }

    /// The value of `key` in an object, added as `null` when absent; a
    /// value that is not an object becomes an empty one first.
    pub fn entry(&mut self, key: &str) -> &mut Value {
        if !matches!(self, Value::Object(_)) {
            *self = Value::Object(Vec::new());
        }
        let Value::Object(entries) = self else {
            unreachable!("made an object above")
        };
        let at = match entries.iter().position(|(k, _)| k == key) {
            Some(at) => at,
            None => {
                entries.push((key.to_string(), Value::Null));
                entries.len() - 1
            }
        };
        &mut entries[at].1
    }

    /// Deep-merges `over` into this value: objects key by key, anything
    /// else replaced (a list is replaced whole).
    pub fn merge(&mut self, over: Value) {
        match over {
            Value::Object(over) if matches!(self, Value::Object(_)) => {
                for (key, value) in over {
                    self.entry(&key).merge(value);
                }
            }
            over => *self = over,
        }
    }

    fn at(&self, path: &[Step]) -> Option<&Value> {
        path.iter()
            .try_fold(self, |value, step| match (step, value) {
                (Step::Key(key), _) => value.get(key),
                (Step::Index(index), Value::Array(items)) => items.get(*index),
                _ => None,
            })
    }

    fn at_mut(&mut self, path: &[Step]) -> Option<&mut Value> {
        path.iter()
            .try_fold(self, |value, step| match (step, value) {
                (Step::Key(key), Value::Object(entries)) => entries
                    .iter_mut()
                    .rev()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v),
                (Step::Index(index), Value::Array(items)) => items.get_mut(*index),
                _ => None,
            })
    }
}

/// How a value is named in a message: `-5`, `"abc"`, `a list`.
#[inline(never)]
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => if *b { "true" } else { "false" }.into(),
        Value::Number(n) => number::show(*n),
        Value::String(s) => quoted(s),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Text as quoted in a message, cut at 40 characters.
#[inline(never)]
fn quoted(text: &str) -> String {
    let shown: String = text.chars().take(40).collect();
    let ellipsis = if text.chars().count() > 40 { "…" } else { "" };
    format!("\"{shown}{ellipsis}\"")
}

/// One step of a field path: a key of an object or an index in a list.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

fn show_path(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) if out.is_empty() => out.push_str(key),
            Step::Key(key) => {
                out.push('.');
                out.push_str(key);
            }
            Step::Index(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    out
}

impl<'de> de::Deserialize<'de> for Value {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
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

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        de::Deserialize::deserialize(deserializer)
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

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    /// A key given twice counts once, with its last value, as in the
    /// browser's `JSON.parse`.
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Value::Object(Vec::new());
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            object.insert(&key, value);
        }
        Ok(object)
    }
}

impl Serialize for Value {
    /// Whole numbers are written as integers (`50`, never `50.0`), as a
    /// person writes them and as `JSON.stringify` does.
    fn serialize<S: ser::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use ser::{SerializeMap, SerializeSeq};
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => {
                serializer.serialize_i64(*n as i64)
            }
            Value::Number(n) => serializer.serialize_f64(*n),
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}
