//! Reading JSON into the engine's types while collecting every problem at
//! once, each named by its field path. serde's derive stops at the first
//! error and cannot list unknown fields, so settings and inputs are read
//! through this small reader instead; fields that are absent keep the value
//! the caller started from (the defaults), which is how a clinic's file is
//! merged over the defaults.

use std::cell::RefCell;

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

    /// A whole number from 0 to `u32::MAX`.
    pub fn as_u32(&self) -> Option<u32> {
        match self {
            Value::Number(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n) => {
                Some(*n as u32)
            }
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

    /// Compact JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// JSON text indented by two spaces, for people to read.
    pub fn to_pretty_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>) {
        let newline = |out: &mut String, depth: usize| {
            out.push('\n');
            for _ in 0..depth {
                out.push_str("  ");
            }
        };
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) if n.is_finite() => number::push_number(out, *n),
            Value::Number(_) => out.push_str("null"),
            Value::String(s) => write_string(out, s),
            Value::Array(items) if items.is_empty() => out.push_str("[]"),
            Value::Object(entries) if entries.is_empty() => out.push_str("{}"),
            Value::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    if let Some(depth) = indent {
                        newline(out, depth + 1);
                    }
                    item.write(out, indent.map(|d| d + 1));
                }
                if let Some(depth) = indent {
                    newline(out, depth);
                }
                out.push(']');
            }
            Value::Object(entries) => {
                out.push('{');
                for (index, (key, value)) in entries.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    if let Some(depth) = indent {
                        newline(out, depth + 1);
                    }
                    write_string(out, key);
                    out.push(':');
                    if indent.is_some() {
                        out.push(' ');
                    }
                    value.write(out, indent.map(|d| d + 1));
                }
                if let Some(depth) = indent {
                    newline(out, depth);
                }
                out.push('}');
            }
        }
    }
}

fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let code = c as u32;
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(char::from(HEX[((code >> shift) & 0xf) as usize]));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Reads JSON text; the error names the line and column of the problem.
pub fn parse(text: &str) -> Result<Value, String> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.space();
    if parser.at < text.len() {
        return Err(parser.error("unexpected text after the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> String {
        let before = &self.text[..self.at.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{message} at line {line}, column {column}")
    }

    fn space(&mut self) {
        let rest = &self.text[self.at..];
        self.at += rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), String> {
        self.space();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    fn value(&mut self, depth: u32) -> Result<Value, String> {
        if depth > 64 {
            return Err(self.error("nested too deeply"));
        }
        self.space();
        let rest = &self.text[self.at..];
        for (word, value) in [
            ("null", Value::Null),
            ("true", Value::Bool(true)),
            ("false", Value::Bool(false)),
        ] {
            if rest.starts_with(word) {
                self.at += word.len();
                return Ok(value);
            }
        }
        match self.peek() {
            None => Err(self.error("expected a value, found the end")),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Value::Array(items));
                        }
                        _ => return Err(self.error("expected , or ]")),
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut object = Value::Object(Vec::new());
                self.space();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Ok(object);
                }
                loop {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return Err(self.error("expected a field name in double quotes"));
                    }
                    let key = self.string()?;
                    self.expect(b':', "expected :")?;
                    let value = self.value(depth + 1)?;
                    object.insert(&key, value);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(object);
                        }
                        _ => return Err(self.error("expected , or }")),
                    }
                }
            }
            Some(_) => match number::parse_prefix(rest) {
                Some((n, used)) if n.is_finite() => {
                    self.at += used;
                    Ok(Value::Number(n))
                }
                Some(_) => Err(self.error("number out of range")),
                None => Err(self.error("expected a value")),
            },
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.at..];
            let Some(stop) = rest.find(|c: char| c == '"' || c == '\\' || c < ' ') else {
                self.at = self.text.len();
                return Err(self.error("unterminated text"));
            };
            out.push_str(&rest[..stop]);
            self.at += stop;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escape = self.peek();
                    self.at += 1;
                    match escape {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let first = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&first)
                                && self.text[self.at..].starts_with("\\u")
                            {
                                self.at += 2;
                                let second = self.hex4()?;
                                0x10000
                                    + ((first - 0xd800) << 10)
                                    + (second.wrapping_sub(0xdc00) & 0x3ff)
                            } else {
                                first
                            };
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => {
                            self.at -= 1;
                            return Err(self.error("unknown escape in text"));
                        }
                    }
                }
                _ => return Err(self.error("control character in text")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.text.get(self.at..self.at + 4).unwrap_or("");
        match u32::from_str_radix(digits, 16) {
            Ok(code) if digits.len() == 4 && !digits.starts_with('+') => {
                self.at += 4;
                Ok(code)
            }
            _ => Err(self.error("expected four hex digits after \\u")),
        }
    }
}

/// Writing the engine's types as JSON: the quote, the input and the
/// settings (the JavaScript API, the events and `smp-quote` all use this).
pub trait ToJson {
    fn to_json(&self) -> Value;
}

impl ToJson for Value {
    fn to_json(&self) -> Value {
        self.clone()
    }
}

impl ToJson for f64 {
    fn to_json(&self) -> Value {
        Value::Number(*self)
    }
}

impl ToJson for u32 {
    fn to_json(&self) -> Value {
        Value::Number(f64::from(*self))
    }
}

impl ToJson for u64 {
    fn to_json(&self) -> Value {
        Value::Number(*self as f64)
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

impl ToJson for str {
    fn to_json(&self) -> Value {
        Value::String(self.to_string())
    }
}

impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Value {
        (**self).to_json()
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToJson::to_json)
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        self.as_slice().to_json()
    }
}

impl ToJson for FieldError {
    fn to_json(&self) -> Value {
        object([
            ("field", self.field.to_json()),
            ("message", self.message.to_json()),
        ])
    }
}

/// An object from its fields, in order.
pub fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// Collects problems while an object tree is read.
#[derive(Default)]
pub struct Problems(RefCell<Vec<FieldError>>);

impl Problems {
    pub fn add(&self, field: impl Into<String>, message: impl Into<String>) {
        self.0.borrow_mut().push(FieldError::new(field, message));
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0.into_inner()
    }
}

/// How a JSON value is named in a message: `-5`, `"abc"`, `a list`.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => if *b { "true" } else { "false" }.into(),
        Value::Number(n) => number::show(*n),
        Value::String(s) => {
            let shown: String = s.chars().take(40).collect();
            let ellipsis = if s.chars().count() > 40 { "…" } else { "" };
            format!("\"{shown}{ellipsis}\"")
        }
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// One JSON object being read; on `finish` every key that was never asked
/// for is reported as unknown.
pub struct Object<'a> {
    map: &'a [(String, Value)],
    path: String,
    problems: &'a Problems,
    known: RefCell<Vec<&'static str>>,
}

impl<'a> Object<'a> {
    /// The top of a document; `name` labels it when it is not an object.
    pub fn root(value: &'a Value, name: &str, problems: &'a Problems) -> Option<Object<'a>> {
        Self::of(value, String::new(), name, problems)
    }

    fn of(
        value: &'a Value,
        path: String,
        name: &str,
        problems: &'a Problems,
    ) -> Option<Object<'a>> {
        match value {
            Value::Object(map) => Some(Object {
                map,
                path,
                problems,
                known: RefCell::new(Vec::new()),
            }),
            other => {
                problems.add(name, format!("must be an object, not {}", describe(other)));
                None
            }
        }
    }

    /// The full path of a key in this object.
    pub fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    pub fn problem(&self, key: &str, message: impl Into<String>) {
        self.problems.add(self.path_of(key), message);
    }

    /// The value of `key`, marking the key as known. `null` counts as absent
    /// only where the caller says so.
    pub fn get(&self, key: &'static str) -> Option<&'a Value> {
        self.known.borrow_mut().push(key);
        self.map
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    fn wrong_type(&self, key: &str, expected: &str, value: &Value) {
        match value {
            // An emptied form field, as the setup page sends it.
            Value::String(text) if text.trim().is_empty() => {
                self.problem(key, format!("is empty: it must be {expected}"))
            }
            _ => self.problem(key, format!("must be {expected}, not {}", describe(value))),
        }
    }

    /// A required-if-present number: `null` is refused.
    pub fn number(&self, key: &'static str, target: &mut f64) {
        match self.get(key) {
            None => {}
            Some(Value::Number(n)) => *target = *n,
            Some(other) => self.wrong_type(key, "a number", other),
        }
    }

    /// A number that may be switched off with `null`.
    pub fn optional_number(&self, key: &'static str, target: &mut Option<f64>) {
        match self.get(key) {
            None => {}
            Some(Value::Null) => *target = None,
            Some(Value::Number(n)) => *target = Some(*n),
            Some(other) => self.wrong_type(key, "a number or null", other),
        }
    }

    /// A whole number within `u32`.
    pub fn whole_number(&self, key: &'static str, target: &mut u32) {
        match self.get(key) {
            None => {}
            Some(value @ Value::Number(_)) => match value.as_u32() {
                Some(n) => *target = n,
                None => self.wrong_type(key, "a whole number of at least 0", value),
            },
            Some(other) => self.wrong_type(key, "a whole number", other),
        }
    }

    pub fn bool(&self, key: &'static str, target: &mut bool) {
        match self.get(key) {
            None => {}
            Some(Value::Bool(b)) => *target = *b,
            Some(other) => self.wrong_type(key, "true or false", other),
        }
    }

    pub fn string(&self, key: &'static str, target: &mut String) {
        match self.get(key) {
            None => {}
            Some(Value::String(s)) => *target = s.clone(),
            Some(other) => self.wrong_type(key, "text", other),
        }
    }

    pub fn optional_string(&self, key: &'static str, target: &mut Option<String>) {
        match self.get(key) {
            None => {}
            Some(Value::Null) => *target = None,
            Some(Value::String(s)) => *target = Some(s.clone()),
            Some(other) => self.wrong_type(key, "text or null", other),
        }
    }

    /// One of a fixed set of names, such as `good`, `average`, `poor`.
    pub fn choice<T: Copy>(&self, key: &'static str, choices: &[(&str, T)], target: &mut T) {
        let Some(value) = self.get(key) else { return };
        let found = value
            .as_str()
            .and_then(|s| choices.iter().find(|(name, _)| *name == s));
        match found {
            Some((_, choice)) => *target = *choice,
            None => {
                let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
                self.problem(
                    key,
                    format!(
                        "must be one of {}, not {}",
                        names.join(", "),
                        describe(value)
                    ),
                );
            }
        }
    }

    /// A list of names from a fixed set, or `null` for none.
    pub fn optional_choices<T: Copy>(
        &self,
        key: &'static str,
        choices: &[(&str, T)],
        target: &mut Option<Vec<T>>,
    ) {
        let Some(value) = self.get(key) else { return };
        let items = match value {
            Value::Null => return *target = None,
            Value::Array(items) => items,
            other => return self.wrong_type(key, "a list", other),
        };
        let mut chosen = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match item
                .as_str()
                .and_then(|s| choices.iter().find(|(name, _)| *name == s))
            {
                Some((_, choice)) => chosen.push(*choice),
                None => {
                    let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
                    self.problems.add(
                        format!("{}[{index}]", self.path_of(key)),
                        format!(
                            "must be one of {}, not {}",
                            names.join(", "),
                            describe(item)
                        ),
                    );
                }
            }
        }
        *target = Some(chosen);
    }

    /// A nested object; `None` when absent or (reported) not an object.
    pub fn object(&self, key: &'static str) -> Option<Object<'a>> {
        let value = self.get(key)?;
        Self::of(value, self.path_of(key), &self.path_of(key), self.problems)
    }

    /// A nested object that may be `null`: `Some(None)` means switched off.
    pub fn optional_object(&self, key: &'static str) -> Option<Option<Object<'a>>> {
        match self.get(key)? {
            Value::Null => Some(None),
            value => {
                Self::of(value, self.path_of(key), &self.path_of(key), self.problems).map(Some)
            }
        }
    }

    /// A list of objects, each with its path (`smp.bands[2]`).
    pub fn objects(&self, key: &'static str) -> Option<Vec<Object<'a>>> {
        match self.get(key)? {
            Value::Array(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(index, item)| {
                        let path = format!("{}[{index}]", self.path_of(key));
                        Self::of(item, path.clone(), &path, self.problems)
                    })
                    .collect(),
            ),
            other => {
                self.wrong_type(key, "a list", other);
                None
            }
        }
    }

    /// A whole number that may be switched off with `null` (an age, a
    /// megasession's size).
    pub fn optional_whole_number(&self, key: &'static str, target: &mut Option<u32>) {
        match self.get(key) {
            None => {}
            Some(Value::Null) => *target = None,
            Some(value) => {
                let mut read = 0;
                self.whole_number(key, &mut read);
                if value.as_u32().is_some() {
                    *target = Some(read);
                }
            }
        }
    }

    /// A list of whole numbers.
    pub fn whole_numbers(&self, key: &'static str, target: &mut Vec<u32>) {
        let Some(value) = self.get(key) else { return };
        let Value::Array(items) = value else {
            return self.wrong_type(key, "a list of whole numbers", value);
        };
        let mut numbers = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match item.as_u32() {
                Some(n) => numbers.push(n),
                None => self.problems.add(
                    format!("{}[{index}]", self.path_of(key)),
                    format!("must be a whole number, not {}", describe(item)),
                ),
            }
        }
        *target = numbers;
    }

    /// Where this object's problems go.
    pub fn problems(&self) -> &'a Problems {
        self.problems
    }

    /// Every entry, for an object whose keys are data (a language, a
    /// message id) rather than fields.
    pub fn entries(self) -> impl Iterator<Item = (&'a str, &'a Value, String)> {
        let path = self.path.clone();
        self.map.iter().map(move |(key, value)| {
            let full = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            (key.as_str(), value, full)
        })
    }

    /// Reports every key that no reader asked for.
    pub fn finish(self) {
        let known = self.known.take();
        for (key, _) in self.map {
            if !known.contains(&key.as_str()) {
                let mut expected: Vec<&str> = Vec::with_capacity(known.len());
                for name in &known {
                    if !expected.contains(name) {
                        expected.push(name);
                    }
                }
                self.problems.add(
                    self.path_of(key),
                    format!("unknown field (expected one of {})", expected.join(", ")),
                );
            }
        }
    }
}

/// `serde_json::json!` as a [`Value`], for tests.
#[cfg(test)]
pub(crate) fn from_serde(value: serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(s) => Value::String(s),
        serde_json::Value::Array(items) => {
            Value::Array(items.into_iter().map(from_serde).collect())
        }
        serde_json::Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, from_serde(v))).collect())
        }
    }
}

/// `json!({...})` for tests, as the engine's [`Value`].
#[cfg(test)]
macro_rules! json {
    ($($json:tt)+) => {
        $crate::model::json::from_serde(serde_json::json!($($json)+))
    };
}
#[cfg(test)]
pub(crate) use json;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_every_problem_with_its_path() {
        let value = json!({"a": "x", "b": {"c": -1, "d": true}, "e": 1});
        let problems = Problems::default();
        let root = Object::root(&value, "doc", &problems).unwrap();
        let mut a = 0.0;
        root.number("a", &mut a);
        if let Some(b) = root.object("b") {
            let mut c = 0;
            b.whole_number("c", &mut c);
            b.finish();
        }
        root.finish();
        let shown: Vec<String> = problems
            .into_vec()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                "a: must be a number, not \"x\"",
                "b.c: must be a whole number of at least 0, not -1",
                "b.d: unknown field (expected one of c)",
                "e: unknown field (expected one of a, b)",
            ]
        );
    }

    #[test]
    fn an_emptied_field_is_called_empty() {
        let value = json!({"price": "", "count": " "});
        let problems = Problems::default();
        let root = Object::root(&value, "doc", &problems).unwrap();
        let (mut price, mut count) = (1.0, 1);
        root.number("price", &mut price);
        root.whole_number("count", &mut count);
        root.finish();
        let shown: Vec<String> = problems
            .into_vec()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                "price: is empty: it must be a number",
                "count: is empty: it must be a whole number"
            ]
        );
    }

    #[test]
    fn absent_fields_keep_the_starting_value() {
        let value = json!({});
        let problems = Problems::default();
        let root = Object::root(&value, "doc", &problems).unwrap();
        let mut price = 7.5;
        root.number("price", &mut price);
        root.finish();
        assert_eq!(price, 7.5);
        assert!(problems.into_vec().is_empty());
    }

    #[test]
    fn long_strings_are_shortened_in_messages() {
        let text = "y".repeat(100);
        let shown = describe(&Value::String(text));
        assert_eq!(shown.chars().count(), 43);
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;

    #[test]
    fn parses_and_writes_json_text() {
        let text = r#"{"a": [1, 2.5, -3e2, true, null], "b": {"c": "x\"y\\z\n\u00e9\ud83d\ude00"}, "a": 7}"#;
        let value = parse(text).unwrap();
        assert_eq!(value.get("a"), Some(&Value::Number(7.0)));
        assert_eq!(
            value
                .get("b")
                .and_then(|b| b.get("c"))
                .and_then(Value::as_str),
            Some("x\"y\\z\né😀")
        );
        assert_eq!(value.to_text(), r#"{"a":7,"b":{"c":"x\"y\\z\né😀"}}"#);
        assert_eq!(parse(&value.to_pretty_text()).unwrap(), value);
        assert_eq!(
            parse("[1, 2.5, -300, true, null]")
                .unwrap()
                .to_pretty_text(),
            "[\n  1,\n  2.5,\n  -300,\n  true,\n  null\n]"
        );
    }

    #[test]
    fn agrees_with_serde_json() {
        let text = r#"{"x": [0.1, 1e21, 123.456, "\u2028", {}, []], "y": {"z": false}}"#;
        let ours = parse(text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, from_serde(theirs.clone()));
        let back: serde_json::Value = serde_json::from_str(&ours.to_text()).unwrap();
        assert_eq!(back, theirs);
    }

    #[test]
    fn names_where_the_text_goes_wrong() {
        for (text, message) in [
            ("", "expected a value, found the end at line 1, column 1"),
            (
                "{\n  \"a\": 1,\n}",
                "expected a field name in double quotes at line 3, column 1",
            ),
            ("[1 2]", "expected , or ] at line 1, column 4"),
            ("{\"a\" 1}", "expected : at line 1, column 6"),
            ("\"abc", "unterminated text at line 1, column 5"),
            ("1e999", "number out of range at line 1, column 1"),
            (
                "[1] x",
                "unexpected text after the JSON value at line 1, column 5",
            ),
            ("\"\\q\"", "unknown escape in text at line 1, column 3"),
            ("tru", "expected a value at line 1, column 1"),
        ] {
            assert_eq!(parse(text).unwrap_err(), message, "{text:?}");
        }
        let deep = "[".repeat(100);
        assert!(parse(&deep).unwrap_err().starts_with("nested too deeply"));
    }
}
