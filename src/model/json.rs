//! Reading JSON into the engine's types while collecting every problem at
//! once, each named by its field path. serde's derive stops at the first
//! error and cannot list unknown fields, so settings and inputs are read
//! through this small reader instead; fields that are absent keep the value
//! the caller started from (the defaults), which is how a clinic's file is
//! merged over the defaults.

use std::cell::RefCell;

use serde_json::{Map, Value};

use super::problem::{show_number, FieldError};

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
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.as_f64().map(show_number).unwrap_or_else(|| n.to_string()),
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
    map: &'a Map<String, Value>,
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
                problems.add(name, format!("must be an object, got {}", describe(other)));
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
        self.map.get(key)
    }

    fn wrong_type(&self, key: &str, expected: &str, value: &Value) {
        self.problem(key, format!("must be {expected}, got {}", describe(value)));
    }

    /// A required-if-present number: `null` is refused.
    pub fn number(&self, key: &'static str, target: &mut f64) {
        match self.get(key) {
            None => {}
            Some(Value::Number(n)) => *target = n.as_f64().unwrap_or(f64::NAN),
            Some(other) => self.wrong_type(key, "a number", other),
        }
    }

    /// A number that may be switched off with `null`.
    pub fn optional_number(&self, key: &'static str, target: &mut Option<f64>) {
        match self.get(key) {
            None => {}
            Some(Value::Null) => *target = None,
            Some(Value::Number(n)) => *target = n.as_f64(),
            Some(other) => self.wrong_type(key, "a number or null", other),
        }
    }

    /// A whole number within `u32`.
    pub fn whole_number(&self, key: &'static str, target: &mut u32) {
        match self.get(key) {
            None => {}
            Some(Value::Number(n)) => match n.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) => *target = n,
                None => self.wrong_type(
                    key,
                    "a whole number of at least 0",
                    &Value::Number(n.clone()),
                ),
            },
            Some(other) => self.wrong_type(key, "a whole number", other),
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
                        "must be one of {}, got {}",
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
                            "must be one of {}, got {}",
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

    /// A list of whole numbers.
    pub fn whole_numbers(&self, key: &'static str, target: &mut Vec<u32>) {
        let Some(value) = self.get(key) else { return };
        let Value::Array(items) = value else {
            return self.wrong_type(key, "a list of whole numbers", value);
        };
        let mut numbers = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match item.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) => numbers.push(n),
                None => self.problems.add(
                    format!("{}[{index}]", self.path_of(key)),
                    format!("must be a whole number, got {}", describe(item)),
                ),
            }
        }
        *target = numbers;
    }

    /// Reports every key that no reader asked for.
    pub fn finish(self) {
        let known = self.known.take();
        for key in self.map.keys() {
            if !known.contains(&key.as_str()) {
                let mut expected = known.clone();
                expected.sort_unstable();
                expected.dedup();
                self.problems.add(
                    self.path_of(key),
                    format!("unknown field (expected one of {})", expected.join(", ")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
                "a: must be a number, got \"x\"",
                "b.c: must be a whole number of at least 0, got -1",
                "b.d: unknown field (expected one of c)",
                "e: unknown field (expected one of a, b)",
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
