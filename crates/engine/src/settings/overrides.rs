//! The clinic's own wording of messages, `{"de": {"widget-title": "…"}}`:
//! an object of languages, each an object of message texts by id, kept in
//! the clinic's order. Each language, id and text is checked as it is read
//! (a known language and id; a text that is well formed and uses only its
//! message's figures), so every problem is named by its path.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::Deserialize;

use crate::messages::{self, Msg, LANGUAGES};

type Overrides = Vec<(String, Vec<(String, String)>)>;

pub fn serialize<S: Serializer>(overrides: &Overrides, serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(overrides.len()))?;
    for (language, texts) in overrides {
        map.serialize_entry(language, &Texts(texts))?;
    }
    map.end()
}

struct Texts<'a>(&'a [(String, String)]);

impl serde::Serialize for Texts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, text) in self.0 {
            map.serialize_entry(id, text)?;
        }
        map.end()
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Overrides, D::Error> {
    deserializer.deserialize_map(Languages)
}

struct Languages;

impl<'de> Visitor<'de> for Languages {
    type Value = Overrides;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Overrides, A::Error> {
        let mut read = Vec::new();
        while let Some(Language(language)) = map.next_key()? {
            read.push((language, map.next_value_seed(TextsById)?));
        }
        Ok(read)
    }
}

/// A language the widget speaks, as a key.
#[derive(Deserialize)]
#[serde(try_from = "String")]
struct Language(String);

impl TryFrom<String> for Language {
    type Error = String;

    fn try_from(language: String) -> Result<Self, String> {
        if LANGUAGES.contains(&language.as_str()) {
            Ok(Language(language))
        } else {
            Err(format!(
                "is not a language the widget speaks (one of {})",
                LANGUAGES.join(", ")
            ))
        }
    }
}

struct TextsById;

impl<'de> DeserializeSeed<'de> for TextsById {
    type Value = Vec<(String, String)>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TextsById {
    type Value = Vec<(String, String)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of messages by id")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut texts = Vec::new();
        while let Some(Id(id, key)) = map.next_key()? {
            texts.push((key, map.next_value_seed(Text(id))?));
        }
        Ok(texts)
    }
}

/// A message id, as a key.
#[derive(Deserialize)]
#[serde(try_from = "String")]
struct Id(Msg, String);

impl TryFrom<String> for Id {
    type Error = &'static str;

    fn try_from(key: String) -> Result<Self, &'static str> {
        match Msg::from_key(&key) {
            Some(id) => Ok(Id(id, key)),
            None => Err("is not a message id (see i18n/en.json)"),
        }
    }
}

/// The text of message `0`, checked against its English original.
struct Text(Msg);

impl<'de> DeserializeSeed<'de> for Text {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.trim().is_empty() || text.chars().count() > 1000 {
            return Err(de::Error::custom("must be 1 to 1000 characters"));
        }
        messages::check(self.0, &text).map_err(de::Error::custom)?;
        Ok(text)
    }
}
