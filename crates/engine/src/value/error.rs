//! The one error of the value tree's reader and writer: a problem in the
//! clinic's words, which gets its field's path as the reader unwinds.

use std::fmt;

use serde::{de, ser};

use super::*;

/// What went wrong, and where: the path grows as the error travels up
/// through the objects and lists around the field. Boxed, so that every
/// `Result` the derived code passes along stays one word.
#[derive(Debug)]
pub struct Error(pub(super) Box<Problem>);

#[derive(Debug)]
pub(super) struct Problem {
    pub(super) path: Vec<Step>,
    pub(super) message: String,
}

impl Error {
    #[inline(never)]
    pub(super) fn new(message: String) -> Self {
        Error(Box::new(Problem {
            path: Vec::new(),
            message,
        }))
    }

    #[inline(never)]
    pub(super) fn within(mut self, step: Step) -> Self {
        self.0.path.insert(0, step);
        self
    }

    /// An error with a key: an unknown field names itself; any other
    /// problem with a key is the key's.
    #[inline(never)]
    pub(super) fn of_key(self, key: &str) -> Self {
        if self.0.path.is_empty() {
            self.within_key(key)
        } else {
            self
        }
    }

    #[inline(never)]
    pub(super) fn without_key() -> Self {
        Error::new("a value without its key".into())
    }

    #[inline(never)]
    pub(super) fn within_key(self, key: &str) -> Self {
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
        super::read::not_one_of(expected, &Value::String(variant.into()))
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
