//! The visitor's language: every sentence, label and note the widget shows
//! comes from a message catalogue keyed by a stable [`Msg`] id. English
//! (`i18n/en.json`) is compiled in and is the fallback for every message;
//! the other languages are files of the same shape that the widget
//! downloads when a visitor needs one, and a clinic can override any
//! message per language in its settings.
//!
//! Messages use a small part of ICU MessageFormat (docs/i18n.md):
//! `{name}` for a figure, `{n, plural, one {# session} other {# sessions}}`
//! with the browser's `Intl.PluralRules` choosing the form, and
//! `{why, select, scar {…} other {…}}` for wording the engine chooses. An
//! apostrophe is an apostrophe (no ICU quoting).

use std::sync::OnceLock;

use serde::Serialize;

use super::number;
use super::problem::thousands;
use super::value::Value;

macro_rules! messages {
    ($($variant:ident,)*) => {
        /// A message's id. Its key in the catalogues is the key at the same
        /// place in i18n/en.json, which the WebAssembly holds anyway: no
        /// second copy of the keys (tests/catalogues.rs checks the order).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($variant,)*
        }

        /// Every id, in catalogue order.
        pub(super) const ALL: &[Msg] = &[$(Msg::$variant,)*];
    };
}

mod ids;
mod syntax;
#[cfg(test)]
mod tests;

pub use ids::Msg;
use syntax::Format;
pub use syntax::{check, choices, placeholders};

/// A figure inside a note, so each presenter can write it its own way (the
/// widget formats money with the browser's `Intl` for the visitor's locale,
/// and words in the visitor's language). In JSON, `{"kind": "money",
/// "value": 2800}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Figure {
    /// Whole units of the clinic's currency.
    Money(u64),
    /// A unit price that may have cents, such as €0.65 per graft.
    Price(f64),
    /// A whole count: grafts, sessions, years.
    Count(u64),
    /// A measure that may have a decimal: hours, weeks, years.
    Decimal(f64),
    /// A share in percent (20 for 20%), written with the percent sign where
    /// the locale puts it: `20%`, `20 %` in German, `%20` in Turkish,
    /// `٢٠٪` in Egyptian Arabic. A catalogue never writes the sign itself.
    Percent(f64),
    /// An area in cm², which each presenter writes in the visitor's unit
    /// with the unit's symbol.
    Area(f64),
    /// Text shown as it is: the clinic's name, what the visitor typed.
    Text(String),
    /// The keyword a `select` in the message chooses its wording by.
    Word(&'static str),
    /// Another message, in the same language: a pattern's name.
    Message(Msg),
    /// Messages listed the locale's way: the regions treated.
    List(Vec<Msg>),
}

impl Figure {
    /// The figure's kind, as named in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Figure::Money(_) => "money",
            Figure::Price(_) => "price",
            Figure::Count(_) => "count",
            Figure::Decimal(_) => "decimal",
            Figure::Percent(_) => "percent",
            Figure::Area(_) => "area",
            Figure::Text(_) => "text",
            Figure::Word(_) => "word",
            Figure::Message(_) => "message",
            Figure::List(_) => "list",
        }
    }
}

/// A message id is written as its key: `"widget-title"`.
impl Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// The languages the widget ships, English first (compiled in; the others
/// are downloaded from `i18n/<language>.json` next to the widget). `pt` is
/// Brazilian Portuguese, which a page in `pt-PT` gets too.
pub const LANGUAGES: [&str; 7] = ["en", "es", "de", "fr", "pt", "tr", "ar"];

impl Msg {
    /// The message's key in the catalogues: `widget-title`.
    pub fn key(self) -> &'static str {
        english().keys.get(self as usize).map_or("", String::as_str)
    }

    pub fn from_key(key: &str) -> Option<Msg> {
        let position = english().keys.iter().position(|k| k == key)?;
        ids::ALL.get(position).copied()
    }

    /// Every message id, in catalogue order.
    pub fn all() -> impl Iterator<Item = Msg> {
        ids::ALL.iter().copied()
    }
}

impl PartialEq<&str> for Msg {
    fn eq(&self, other: &&str) -> bool {
        self.key() == *other
    }
}

/// A message with the figures that fill it: what the widget shows for a
/// refused entry, for instance.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub id: Msg,
    pub values: Vec<(&'static str, Figure)>,
}

impl Message {
    pub fn new(id: Msg, values: &[(&'static str, Figure)]) -> Self {
        Message {
            id,
            values: values.to_vec(),
        }
    }

    /// In English, with `currency` naming the money (`USD 2,800`).
    pub fn english(&self, currency: &str) -> String {
        Catalogue::english().format(self.id, &self.values, &Plain { currency })
    }
}

impl From<Msg> for Message {
    fn from(id: Msg) -> Self {
        Message::new(id, &[])
    }
}

/// Writes the figures of a message for one locale: the widget's writer
/// uses the browser's `Intl`; [`Plain`] writes English for the command line.
pub trait Writer {
    /// A number or amount: `Money`, `Price`, `Count`, `Decimal` or `Percent`.
    fn number(&self, figure: &Figure) -> String;
    /// The CLDR plural category of `value`: `one`, `few`, `other`…
    fn plural(&self, value: f64) -> String;
    /// Items joined as the locale lists them.
    fn list(&self, items: Vec<String>) -> String {
        items.join(", ")
    }
    /// An area given in cm², with its unit: the widget writes it in the
    /// visitor's unit.
    fn area(&self, cm2: f64) -> String {
        format!("{} cm²", self.number(&Figure::Decimal(cm2)))
    }
}

/// English without the browser: `USD 2,800`, `2,450`, `2.5`.
pub struct Plain<'a> {
    pub currency: &'a str,
}

impl Writer for Plain<'_> {
    fn number(&self, figure: &Figure) -> String {
        let currency = self.currency;
        let money = |amount: String| {
            if currency.is_empty() {
                amount
            } else {
                format!("{currency} {amount}")
            }
        };
        match *figure {
            Figure::Money(amount) => money(thousands(amount)),
            Figure::Price(amount) if amount.fract() == 0.0 => money(thousands(amount as u64)),
            Figure::Price(amount) => money(number::fixed(amount, 2)),
            Figure::Count(count) => thousands(count),
            Figure::Decimal(value) => number::show(value),
            Figure::Percent(value) => format!("{}%", number::show(value)),
            _ => String::new(),
        }
    }

    fn plural(&self, value: f64) -> String {
        if value == 1.0 { "one" } else { "other" }.into()
    }
}

/// One language's messages, complete: any message the language lacks is
/// the English one.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalogue {
    /// The language's primary subtag: `en`, `de`, `ar`.
    pub language: String,
    texts: Vec<String>,
}

impl Default for Catalogue {
    fn default() -> Self {
        Catalogue::english().clone()
    }
}

/// A catalogue as read: the messages, and what was left out of it and why
/// (unknown keys, malformed messages), for the developer's console.
pub struct Read {
    pub catalogue: Catalogue,
    pub skipped: Vec<String>,
}

/// English, compiled in: the keys of every message and their English text.
struct English {
    keys: Vec<String>,
    catalogue: Catalogue,
}

fn english() -> &'static English {
    static ENGLISH: OnceLock<English> = OnceLock::new();
    ENGLISH.get_or_init(|| {
        let parts: Vec<&str> = EN.split_terminator('\0').collect();
        English {
            keys: parts.iter().step_by(2).map(|key| key.to_string()).collect(),
            catalogue: Catalogue {
                language: "en".into(),
                texts: parts
                    .iter()
                    .skip(1)
                    .step_by(2)
                    .map(|text| text.to_string())
                    .collect(),
            },
        }
    })
}

// `EN`: i18n/en.json's keys and messages in order, each ended by a NUL,
// written by build.rs, so the WebAssembly parses no JSON to start
// (tests/catalogues.rs checks the file itself).
include!(concat!(env!("OUT_DIR"), "/en.rs"));

impl Catalogue {
    /// English, compiled in.
    pub fn english() -> &'static Catalogue {
        &english().catalogue
    }

    /// `language`'s catalogue from its JSON file (as parsed): an object of
    /// message texts by key. English fills in what it lacks.
    pub fn read(language: &str, value: &Value) -> Result<Read, String> {
        let Value::Object(entries) = value else {
            return Err("must be an object of messages by id".into());
        };
        let mut catalogue = Catalogue::english().clone();
        catalogue.language = language.to_string();
        let skipped = catalogue.override_with(
            entries
                .iter()
                .map(|(key, value)| (key.as_str(), value.as_str())),
        );
        Ok(Read { catalogue, skipped })
    }

    /// This catalogue with the clinic's own wording of some messages.
    pub fn with_overrides(mut self, overrides: &[(String, String)]) -> Catalogue {
        self.override_with(
            overrides
                .iter()
                .map(|(key, text)| (key.as_str(), Some(text.as_str()))),
        );
        self
    }

    fn override_with<'a>(
        &mut self,
        entries: impl Iterator<Item = (&'a str, Option<&'a str>)>,
    ) -> Vec<String> {
        let mut skipped = Vec::new();
        for (key, text) in entries {
            match (Msg::from_key(key), text) {
                (Some(id), Some(text)) => match check(id, text) {
                    Ok(()) => self.texts[id as usize] = text.to_string(),
                    Err(why) => skipped.push(format!("{key}: {why}")),
                },
                (Some(_), None) => skipped.push(format!("{key}: must be a string")),
                (None, _) => skipped.push(format!("{key}: is not a message id")),
            }
        }
        skipped
    }

    /// The message's text as written, placeholders and all.
    pub fn text(&self, id: Msg) -> &str {
        &self.texts[id as usize]
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.text(Msg::Direction) == "rtl"
    }

    /// The message with its figures written by `writer`.
    pub fn format(&self, id: Msg, values: &[(&str, Figure)], writer: &dyn Writer) -> String {
        let mut out = String::new();
        let mut format = Format {
            catalogue: self,
            values,
            writer,
        };
        if format.write(&mut out, self.text(id), None).is_err() {
            // A catalogue is checked when read, so only English's own
            // message can get here, and a test reads all of them.
            out.clear();
            let _ = format.write(&mut out, Catalogue::english().text(id), None);
        }
        out
    }

    pub fn message(&self, message: &Message, writer: &dyn Writer) -> String {
        self.format(message.id, &message.values, writer)
    }

    /// The text of `id` before and after its `{name}`, for markup that
    /// wraps the figure (`usually <span>$2,000 – $3,000</span>`).
    pub fn around(&self, id: Msg, name: &str) -> (String, String) {
        let text = self.text(id);
        let placeholder = format!("{{{name}}}");
        match text.split_once(&placeholder) {
            Some((before, after)) => (before.to_string(), after.to_string()),
            None => (text.to_string(), String::new()),
        }
    }
}
