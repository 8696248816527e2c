//! The engine's one serde format: a tree of JSON values, with one
//! Deserializer and one Serializer over it.
//!
//! JSON *text* never reaches this module: natively `serde_json` reads and
//! writes it (`json.rs`); in the browser `JSON.parse` and `JSON.stringify`
//! do, and the embedding layer converts their JavaScript values to and from
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

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use serde::ser::{self, Serialize};

use super::number;
use super::problem::FieldError;

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

/// What went wrong, and where: the path grows as the error travels up
/// through the objects and lists around the field. Boxed, so that every
/// `Result` the derived code passes along stays one word.
#[derive(Debug)]
pub struct Error(Box<Problem>);

#[derive(Debug)]
struct Problem {
    path: Vec<Step>,
    message: String,
}

impl Error {
    #[inline(never)]
    fn new(message: String) -> Self {
        Error(Box::new(Problem {
            path: Vec::new(),
            message,
        }))
    }

    #[inline(never)]
    fn within(mut self, step: Step) -> Self {
        self.0.path.insert(0, step);
        self
    }

    /// An error with a key: an unknown field names itself; any other
    /// problem with a key is the key's.
    #[inline(never)]
    fn of_key(self, key: &str) -> Self {
        if self.0.path.is_empty() {
            self.within_key(key)
        } else {
            self
        }
    }

    #[inline(never)]
    fn without_key() -> Self {
        Error::new("a value without its key".into())
    }

    #[inline(never)]
    fn within_key(self, key: &str) -> Self {
        self.within(Step::Key(key.to_string()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", show_path(&self.0.path), self.0.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    #[inline(never)]
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::new(message.to_string())
    }

    // The messages below never format a float with `Display`: a number is
    // written by `number::show`, which the engine has anyway.
    #[inline(never)]
    fn invalid_type(unexpected: de::Unexpected, expected: &dyn de::Expected) -> Self {
        let value = match unexpected {
            de::Unexpected::Bool(b) => Value::Bool(b),
            de::Unexpected::Unsigned(n) => Value::Number(n as f64),
            de::Unexpected::Signed(n) => Value::Number(n as f64),
            de::Unexpected::Float(n) => Value::Number(n),
            de::Unexpected::Str(s) => Value::String(s.into()),
            de::Unexpected::Seq => Value::Array(Vec::new()),
            de::Unexpected::Map => Value::Object(Vec::new()),
            _ => Value::Null,
        };
        Error::new(format!("must be {expected}, not {}", describe(&value)))
    }

    #[inline(never)]
    fn invalid_value(unexpected: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error::invalid_type(unexpected, expected)
    }

    #[inline(never)]
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        not_one_of(expected, &Value::String(variant.into()))
    }

    #[inline(never)]
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Error::new(format!(
            "unknown field (expected one of {})",
            expected.join(", ")
        ))
        .within_key(field)
    }

    #[inline(never)]
    fn missing_field(field: &'static str) -> Self {
        Error::new("is required".into()).within_key(field)
    }
}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::new(message.to_string())
    }
}

/// Reads a `T` from `value`, reporting every problem at once, each named by
/// its field path (`label` names the document itself: `settings`).
///
/// With a `base` (the defaults, or a market's preset), `value` is merged
/// over it first, and a field that cannot be read keeps the base's value,
/// so the rest of the document is still read and checked.
pub fn read<T: DeserializeOwned>(
    value: &Value,
    base: Option<&Value>,
    label: &str,
) -> (Option<T>, Vec<FieldError>) {
    let mut read = None;
    let problems = read_with(value, base, label, &mut |reader| {
        read = Some(T::deserialize(reader)?);
        Ok(())
    });
    (read, problems)
}

/// [`read`]'s rounds, not generic, so the WebAssembly holds them once.
fn read_with(
    value: &Value,
    base: Option<&Value>,
    label: &str,
    attempt: &mut dyn FnMut(Reader) -> Result<(), Error>,
) -> Vec<FieldError> {
    let mut tree = match base {
        Some(base @ Value::Object(_)) if matches!(value, Value::Object(_)) => {
            let mut tree = base.clone();
            tree.merge(value.clone());
            tree
        }
        _ => value.clone(),
    };
    let mut skipped: Vec<Vec<Step>> = Vec::new();
    let mut problems = Vec::new();
    // Each round repairs one field, so a document with more problems than
    // this is reported in part (a clinic's file has a handful at most).
    for _ in 0..100 {
        // The list items skipped so far, by address: the tree does not
        // change while it is read.
        let skip: Vec<*const Value> = skipped
            .iter()
            .filter_map(|path| tree.at(path))
            .map(|item| item as *const Value)
            .collect();
        let reader = Reader {
            value: &tree,
            skipped: &skip,
            nullable: false,
        };
        let Err(error) = attempt(reader) else {
            break;
        };
        let error = *error.0;
        let field = if error.path.is_empty() {
            label.to_string()
        } else {
            show_path(&error.path)
        };
        problems.push(FieldError::new(field, error.message));
        if !repair(&mut tree, base, error.path, &mut skipped) {
            break;
        }
    }
    problems
}

/// Puts the field at `path` back to the base's value, or drops it, or
/// skips the list item; a field that is missing altogether takes its
/// object with it. `false` when the document itself is what is wrong.
fn repair(
    tree: &mut Value,
    base: Option<&Value>,
    mut path: Vec<Step>,
    skipped: &mut Vec<Vec<Step>>,
) -> bool {
    loop {
        let Some(last) = path.last().cloned() else {
            return false;
        };
        let parent = &path[..path.len() - 1];
        match last {
            Step::Index(_) => {
                skipped.push(path);
                return true;
            }
            Step::Key(key) => {
                let restored = base.and_then(|base| base.at(&path)).cloned();
                let current = tree.at(&path).cloned();
                if let Some(Value::Object(entries)) = tree.at_mut(parent) {
                    match (current, restored) {
                        (Some(current), Some(restored)) if current != restored => {
                            entries.retain(|(k, _)| *k != key);
                            entries.push((key, restored));
                            return true;
                        }
                        (Some(_), None) => {
                            entries.retain(|(k, _)| *k != key);
                            return true;
                        }
                        _ => {}
                    }
                }
                path.pop();
            }
        }
    }
}

/// Reads typed data out of a [`Value`]. `nullable` is set under an
/// `Option`, where a message says that `null` is allowed too. It carries no
/// path: an error is placed on its way back up, by the object or list that
/// held the field, so reading a field that is fine costs no allocation.
#[derive(Clone, Copy)]
struct Reader<'a> {
    value: &'a Value,
    skipped: &'a [*const Value],
    nullable: bool,
}

impl<'a> Reader<'a> {
    fn child(&self, value: &'a Value) -> Reader<'a> {
        Reader {
            value,
            skipped: self.skipped,
            nullable: false,
        }
    }

    /// The value is not the `expected` kind: an emptied form field (as the
    /// setup page sends it) is called empty.
    #[inline(never)]
    fn wrong(&self, expected: &str) -> Error {
        let or_null = if self.nullable { " or null" } else { "" };
        match self.value {
            Value::String(text) if text.trim().is_empty() => {
                Error::new(format!("is empty: it must be {expected}"))
            }
            other => Error::new(format!(
                "must be {expected}{or_null}, not {}",
                describe(other)
            )),
        }
    }

    #[inline(never)]
    fn boolean(&self) -> Result<bool, Error> {
        match self.value {
            Value::Bool(b) => Ok(*b),
            _ => Err(self.wrong("true or false")),
        }
    }

    #[inline(never)]
    fn number(&self) -> Result<f64, Error> {
        match self.value {
            Value::Number(n) => Ok(*n),
            _ => Err(self.wrong("a number")),
        }
    }

    #[inline(never)]
    fn text(&self) -> Result<&'a str, Error> {
        match self.value {
            Value::String(s) => Ok(s),
            _ => Err(self.wrong("text")),
        }
    }

    /// A list's items with their indexes, without those a repair skipped.
    /// Not generic, so that the WebAssembly holds it once, not once per
    /// type read.
    #[inline(never)]
    fn items(&self) -> Result<Vec<(usize, Reader<'a>)>, Error> {
        let Value::Array(items) = self.value else {
            return Err(self.wrong("a list"));
        };
        Ok(items
            .iter()
            .enumerate()
            .filter(|(_, item)| !self.skipped.contains(&(*item as *const Value)))
            .map(|(index, item)| (index, self.child(item)))
            .collect())
    }

    /// An object's entries. For a struct (`fields`), in the order the type
    /// declares its fields, then any unknown ones, so problems are listed
    /// in a stable order whatever order the document has.
    #[inline(never)]
    fn entries(
        &self,
        fields: Option<&[&str]>,
        expected: &str,
    ) -> Result<Vec<(&'a str, Reader<'a>)>, Error> {
        let Value::Object(entries) = self.value else {
            return Err(self.wrong(expected));
        };
        let mut ordered: Vec<&'a (String, Value)> = Vec::with_capacity(entries.len());
        for field in fields.unwrap_or_default() {
            ordered.extend(entries.iter().filter(|(key, _)| key == field));
        }
        let known = |key: &String| fields.is_some_and(|f| f.contains(&key.as_str()));
        ordered.extend(entries.iter().filter(|(key, _)| !known(key)));
        Ok(ordered
            .into_iter()
            .map(|(key, value)| (key.as_str(), self.child(value)))
            .collect())
    }

    /// A whole number from `min` to `max`.
    #[inline(never)]
    fn whole(&self, min: f64, max: f64) -> Result<u64, Error> {
        match self.value {
            Value::Number(n) if n.fract() == 0.0 && (min..=max).contains(n) => Ok(*n as u64),
            Value::Number(_) => Err(Error::new(format!(
                "must be a whole number of at least 0, not {}",
                describe(self.value)
            ))),
            _ => Err(self.wrong("a whole number")),
        }
    }
}

macro_rules! read_whole {
    ($($method:ident: $type:ty),*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            visitor.visit_u64(self.whole(0.0, <$type>::MAX as f64)?)
        })*
    };
}

impl<'de> de::Deserializer<'de> for Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => visitor.visit_f64(*n),
            Value::String(s) => visitor.visit_str(s),
            Value::Array(_) => self.deserialize_seq(visitor),
            Value::Object(_) => self.deserialize_map(visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_bool(self.boolean()?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_f64(self.number()?)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    read_whole!(deserialize_u8: u8, deserialize_u16: u16, deserialize_u32: u32, deserialize_u64: u64);

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str(self.text()?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(Reader {
                nullable: true,
                ..self
            }),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.wrong("null")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(Items(self.items()?.into_iter()))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // A map of data (the clinic's messages) says what it holds.
        let expected = (&visitor as &dyn de::Expected).to_string();
        let entries = self.entries(None, &expected)?;
        visitor.visit_map(Entries {
            entries: entries.into_iter(),
            next: None,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let entries = self.entries(Some(fields), "an object")?;
        visitor.visit_map(Entries {
            entries: entries.into_iter(),
            next: None,
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            other => Err(not_one_of(variants, other)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i128 u128 char bytes byte_buf unit_struct tuple tuple_struct
    }
}

#[inline(never)]
fn not_one_of(variants: &[&str], value: &Value) -> Error {
    Error::new(format!(
        "must be one of {}, not {}",
        variants.join(", "),
        describe(value)
    ))
}

struct Items<'a>(std::vec::IntoIter<(usize, Reader<'a>)>);

impl<'de> de::SeqAccess<'de> for Items<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some((index, item)) = self.0.next() else {
            return Ok(None);
        };
        seed.deserialize(item)
            .map(Some)
            .map_err(|error| error.within(Step::Index(index)))
    }
}

struct Entries<'a> {
    entries: std::vec::IntoIter<(&'a str, Reader<'a>)>,
    next: Option<(&'a str, Reader<'a>)>,
}

impl<'de> de::MapAccess<'de> for Entries<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.next = Some((key, value));
        seed.deserialize(StrDeserializer::new(key))
            .map(Some)
            .map_err(|error: Error| error.of_key(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.next.take() else {
            return Err(Error::without_key());
        };
        seed.deserialize(value)
            .map_err(|error| error.within_key(key))
    }
}

/// Any serializable type as a [`Value`]: `quote.to_json()`.
pub trait ToJson {
    fn to_json(&self) -> Value;
}

impl<T: Serialize + ?Sized> ToJson for T {
    fn to_json(&self) -> Value {
        to_value(self)
    }
}

/// Writes any `Serialize` type as a [`Value`].
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    value.serialize(Writer).unwrap_or(Value::Null)
}

struct Writer;

/// A list, or an object's fields, being written.
struct Building {
    items: Vec<Value>,
    fields: Vec<(String, Value)>,
    key: Option<String>,
}

impl Building {
    // Out of line: one copy, not one per type of field written.
    #[inline(never)]
    fn push_item(&mut self, value: Value) {
        self.items.push(value);
    }

    #[inline(never)]
    fn push_field(&mut self, key: &str, value: Value) {
        self.fields.push((key.to_string(), value));
    }

    fn new() -> Self {
        Building {
            items: Vec::new(),
            fields: Vec::new(),
            key: None,
        }
    }
}

impl ser::Serializer for Writer {
    type Ok = Value;
    type Error = Error;
    type SerializeSeq = Building;
    type SerializeTuple = Building;
    type SerializeTupleStruct = Building;
    type SerializeTupleVariant = Building;
    type SerializeMap = Building;
    type SerializeStruct = Building;
    type SerializeStructVariant = Building;

    fn serialize_bool(self, v: bool) -> Result<Value, Error> {
        Ok(Value::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Value, Error> {
        Ok(Value::Number(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Value, Error> {
        Ok(Value::Number(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Value, Error> {
        Ok(Value::Number(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Value, Error> {
        Ok(Value::Number(v as f64))
    }
    fn serialize_u8(self, v: u8) -> Result<Value, Error> {
        Ok(Value::Number(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Value, Error> {
        Ok(Value::Number(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Value, Error> {
        Ok(Value::Number(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Value, Error> {
        Ok(Value::Number(v as f64))
    }
    fn serialize_f32(self, v: f32) -> Result<Value, Error> {
        Ok(Value::Number(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Value, Error> {
        Ok(Value::Number(v))
    }
    fn serialize_char(self, v: char) -> Result<Value, Error> {
        Ok(Value::String(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Value, Error> {
        Ok(Value::String(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Value, Error> {
        Ok(Value::Array(
            v.iter().map(|b| Value::Number(f64::from(*b))).collect(),
        ))
    }
    fn serialize_none(self) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Value, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Value, Error> {
        Ok(Value::String(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Value, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Value, Error> {
        Ok(Value::Object(vec![(
            variant.to_string(),
            value.serialize(self)?,
        )]))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Building, Error> {
        Ok(Building::new())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Building, Error> {
        Ok(Building::new())
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Building, Error> {
        Ok(Building::new())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Building, Error> {
        Ok(Building::new())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Building, Error> {
        Ok(Building::new())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Building, Error> {
        Ok(Building::new())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Building, Error> {
        Ok(Building::new())
    }
}

impl ser::SerializeSeq for Building {
    type Ok = Value;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let value = value.serialize(Writer)?;
        self.push_item(value);
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::Array(self.items))
    }
}

impl ser::SerializeTuple for Building {
    type Ok = Value;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Value, Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Building {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Value, Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Building {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Value, Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Building {
    type Ok = Value;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        match key.serialize(Writer)? {
            Value::String(key) => self.key = Some(key),
            _ => return Err(Error::new("a key must be text".into())),
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let value = value.serialize(Writer)?;
        let key = self.key.take().unwrap_or_default();
        self.push_field(&key, value);
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::Object(self.fields))
    }
}

impl ser::SerializeStruct for Building {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.fields
            .push((key.to_string(), value.serialize(Writer)?));
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::Object(self.fields))
    }
}

impl ser::SerializeStructVariant for Building {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<Value, Error> {
        ser::SerializeStruct::end(self)
    }
}

// The tree's own serde impls: serde_json reads JSON text into it and writes
// it out (natively; the WebAssembly never calls these).

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

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Deserialize, PartialEq, Serialize)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        c: u32,
    }

    #[derive(Debug, Deserialize, PartialEq, Serialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        a: f64,
        b: Inner,
        list: Vec<u32>,
        maybe: Option<f64>,
    }

    fn value(json: serde_json::Value) -> Value {
        serde_json::from_value(json).unwrap()
    }

    fn base() -> Value {
        to_value(&Doc {
            a: 1.0,
            b: Inner { c: 2 },
            list: vec![],
            maybe: None,
        })
    }

    fn problems(json: serde_json::Value) -> Vec<String> {
        let (_, problems) = read::<Doc>(&value(json), Some(&base()), "doc");
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn every_problem_at_once_with_its_path_in_declared_order() {
        assert_eq!(
            problems(serde_json::json!({
                "e": 1, "list": [1, "x", 2.5, 3], "b": {"d": true, "c": -1}, "a": "x"
            })),
            [
                "a: must be a number, not \"x\"",
                "b.c: must be a whole number of at least 0, not -1",
                "b.d: unknown field (expected one of c)",
                "list[1]: must be a whole number, not \"x\"",
                "list[2]: must be a whole number of at least 0, not 2.5",
                "e: unknown field (expected one of a, b, list, maybe)",
            ]
        );
    }

    #[test]
    fn a_field_that_cannot_be_read_keeps_the_base_value() {
        let (read, problems) = read::<Doc>(
            &value(serde_json::json!({"a": 5, "b": {"c": "x"}, "list": [1, "y", 3]})),
            Some(&base()),
            "doc",
        );
        assert_eq!(problems.len(), 2);
        let read = read.unwrap();
        assert_eq!((read.a, read.b.c, read.list), (5.0, 2, vec![1, 3]));
    }

    #[test]
    fn emptied_fields_nulls_and_wrong_documents_are_named() {
        assert_eq!(
            problems(serde_json::json!({"a": " ", "maybe": "big"})),
            [
                "a: is empty: it must be a number",
                "maybe: must be a number or null, not \"big\""
            ]
        );
        assert_eq!(
            problems(serde_json::json!([1])),
            ["doc: must be an object, not a list"]
        );
        let (read, problems) = read::<Doc>(&value(serde_json::json!({"a": 1})), None, "doc");
        assert!(read.is_none());
        assert_eq!(problems[0].to_string(), "b: is required");
    }

    #[test]
    fn long_text_is_cut_in_messages() {
        let shown = describe(&Value::String("y".repeat(100)));
        assert_eq!(shown.chars().count(), 43);
    }

    #[test]
    fn writes_and_reads_back() {
        let doc = Doc {
            a: 2.5,
            b: Inner { c: 7 },
            list: vec![1, 2],
            maybe: Some(-3.0),
        };
        let (read, problems) = read::<Doc>(&to_value(&doc), None, "doc");
        assert!(problems.is_empty());
        assert_eq!(read, Some(doc));
    }
}
