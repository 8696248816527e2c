//! The one Deserializer: any of the engine's types read from the value
//! tree, every problem listed at once with its field's path.

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

use super::*;
use crate::problem::FieldError;

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
pub(super) fn not_one_of(variants: &[&str], value: &Value) -> Error {
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
