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

pub use ids::Msg;

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

/// Why `text` cannot stand for `id`: a malformed message, or a placeholder
/// the program never fills (English's own placeholders are the ones).
pub fn check(id: Msg, text: &str) -> Result<(), String> {
    let names = placeholders(text)?;
    let english = placeholders(Catalogue::english().text(id)).unwrap_or_default();
    match names.iter().find(|name| !english.contains(name)) {
        Some(name) => Err(format!(
            "{{{name}}} is not one of this message's figures ({})",
            if english.is_empty() {
                "it has none".to_string()
            } else {
                english
                    .iter()
                    .map(|name| format!("{{{name}}}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        )),
        None => Ok(()),
    }
}

/// The names of the figures a message uses, or why it is malformed.
pub fn placeholders(text: &str) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    let mut scan = Scan { text, at: 0 };
    scan.body(0, &mut |name, _| {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    })?;
    Ok(names)
}

/// The branches' keys of each `plural` or `select` in a message, for the
/// catalogue tests: `[("sessions", "plural", ["one", "other"])]`.
pub fn choices(text: &str) -> Result<Vec<(String, String, Vec<String>)>, String> {
    let mut found = Vec::new();
    let mut scan = Scan { text, at: 0 };
    scan.body(0, &mut |name, choice| {
        if let Some((kind, keys)) = choice {
            found.push((name.to_string(), kind.to_string(), keys.to_vec()));
        }
    })?;
    Ok(found)
}

/// A message's structure, read without figures: what [`check`] and the
/// tests use.
struct Scan<'a> {
    text: &'a str,
    at: usize,
}

type Visit<'v> = dyn FnMut(&str, Option<(&str, &[String])>) + 'v;

impl<'a> Scan<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    /// Text up to the `}` that closes this level (or the end at level 0).
    fn body(&mut self, depth: usize, visit: &mut Visit) -> Result<(), String> {
        while let Some(offset) = self.rest().find(['{', '}']) {
            self.at += offset;
            if self.rest().starts_with('}') {
                return if depth > 0 {
                    Ok(())
                } else {
                    Err(format!("a }} at character {} closes nothing", self.at + 1))
                };
            }
            self.at += 1;
            self.argument(visit)?;
        }
        if depth > 0 {
            Err("a { is never closed".into())
        } else {
            Ok(())
        }
    }

    fn argument(&mut self, visit: &mut Visit) -> Result<(), String> {
        let end = self.rest().find([',', '}']).ok_or("a { is never closed")?;
        let name = self.rest()[..end].trim().to_string();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Err(format!(
                "{{{name}}} is not a figure's name (lower-case letters and _)"
            ));
        }
        self.at += end;
        if self.rest().starts_with('}') {
            self.at += 1;
            visit(&name, None);
            return Ok(());
        }
        self.at += 1;
        let kind_end = self.rest().find(',').ok_or("a { is never closed")?;
        let kind = self.rest()[..kind_end].trim().to_string();
        if kind != "plural" && kind != "select" {
            return Err(format!(
                "{{{name}, {kind}…}} must be {{{name}, plural, …}} or {{{name}, select, …}}"
            ));
        }
        self.at += kind_end + 1;
        let mut keys = Vec::new();
        loop {
            let trimmed = self.rest().trim_start();
            self.at = self.text.len() - trimmed.len();
            if trimmed.starts_with('}') {
                self.at += 1;
                break;
            }
            let open = trimmed
                .find('{')
                .ok_or_else(|| format!("{{{name}, {kind}, …}} is never closed"))?;
            let key = trimmed[..open].trim().to_string();
            if key.is_empty() || key.contains(['}', ',']) {
                return Err(format!("{{{name}, {kind}, …}} has a branch without a key"));
            }
            keys.push(key);
            self.at += open + 1;
            self.body(1, visit)?;
            self.at += 1;
        }
        if !keys.iter().any(|key| key == "other") {
            return Err(format!("{{{name}, {kind}, …}} has no \"other\" branch"));
        }
        visit(&name, Some((&kind, &keys)));
        Ok(())
    }
}

/// Writing one message with its figures.
struct Format<'a> {
    catalogue: &'a Catalogue,
    values: &'a [(&'a str, Figure)],
    writer: &'a dyn Writer,
}

impl Format<'_> {
    /// Writes `text` (a message or one branch of it) into `out`; `count` is
    /// what `#` stands for inside a plural branch.
    fn write(&mut self, out: &mut String, text: &str, count: Option<&str>) -> Result<(), ()> {
        let mut rest = text;
        while let Some(offset) = rest.find(['{', '#']) {
            out.push_str(&rest[..offset]);
            if rest[offset..].starts_with('#') {
                out.push_str(count.unwrap_or("#"));
                rest = &rest[offset + 1..];
                continue;
            }
            let (name, choice, after) = split_argument(&rest[offset + 1..]).ok_or(())?;
            let figure = self
                .values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|v| &v.1);
            match choice {
                None => match figure {
                    Some(figure) => out.push_str(&self.figure(figure)),
                    // A figure the engine did not give: shown as written,
                    // which a test would catch.
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Some((kind, branches)) => {
                    let (branch, shown) = self.branch(kind, branches, figure).ok_or(())?;
                    // `#` keeps meaning the enclosing plural's number
                    // inside a select.
                    let inner = if kind == "plural" {
                        shown.as_deref()
                    } else {
                        count
                    };
                    self.write(out, branch, inner)?;
                }
            }
            rest = after;
        }
        out.push_str(rest);
        Ok(())
    }

    fn figure(&self, figure: &Figure) -> String {
        match figure {
            Figure::Text(text) => text.clone(),
            Figure::Word(word) => word.to_string(),
            Figure::Message(id) => self.catalogue.text(*id).to_string(),
            Figure::Area(cm2) => self.writer.area(*cm2),
            Figure::List(ids) => self.writer.list(
                ids.iter()
                    .map(|id| self.catalogue.text(*id).to_string())
                    .collect(),
            ),
            number => self.writer.number(number),
        }
    }

    /// The branch chosen by `figure`, and for a plural the number `#`
    /// stands for.
    fn branch<'t>(
        &self,
        kind: &str,
        branches: &'t str,
        figure: Option<&Figure>,
    ) -> Option<(&'t str, Option<String>)> {
        let list = branch_list(branches)?;
        let find = |key: &str| list.iter().find(|(k, _)| *k == key).map(|(_, b)| *b);
        let other = find("other")?;
        if kind == "select" {
            let key = match figure {
                Some(Figure::Word(word)) => word,
                _ => "other",
            };
            return Some((find(key).unwrap_or(other), None));
        }
        let value = match figure {
            Some(Figure::Count(count)) => *count as f64,
            Some(Figure::Money(amount)) => *amount as f64,
            Some(
                Figure::Decimal(value)
                | Figure::Percent(value)
                | Figure::Price(value)
                | Figure::Area(value),
            ) => *value,
            _ => return Some((other, None)),
        };
        let shown = figure.map(|figure| self.writer.number(figure));
        let exact = list
            .iter()
            .find(|(key, _)| key.strip_prefix('=').and_then(number::parse) == Some(value));
        let branch = exact
            .map(|(_, branch)| *branch)
            .or_else(|| find(&self.writer.plural(value)))
            .unwrap_or(other);
        Some((branch, shown))
    }
}

/// An argument as written: its name, its kind and branches if it has a
/// choice, and the text after it.
type Argument<'t> = (&'t str, Option<(&'t str, &'t str)>, &'t str);

/// Splits `name}rest` or `name, kind, branches}rest` (after a `{`).
fn split_argument(text: &str) -> Option<Argument<'_>> {
    let end = text.find([',', '}'])?;
    let name = text[..end].trim();
    if text[end..].starts_with('}') {
        return Some((name, None, &text[end + 1..]));
    }
    let after_name = &text[end + 1..];
    let comma = after_name.find(',')?;
    let kind = after_name[..comma].trim();
    let branches = &after_name[comma + 1..];
    let close = matching_close(branches)?;
    Some((
        name,
        Some((kind, &branches[..close])),
        &branches[close + 1..],
    ))
}

/// The index of the `}` that closes the level `text` starts in.
fn matching_close(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (index, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some(index),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// `one {…} other {…}` as its keys and branch texts.
fn branch_list(text: &str) -> Option<Vec<(&str, &str)>> {
    let mut list = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let open = rest.find('{')?;
        let key = rest[..open].trim();
        let inner = &rest[open + 1..];
        let close = matching_close(inner)?;
        list.push((key, &inner[..close]));
        rest = inner[close + 1..].trim_start();
    }
    Some(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(id: Msg, values: &[(&str, Figure)]) -> String {
        Catalogue::english().format(id, values, &Plain { currency: "USD" })
    }

    #[test]
    fn english_reads_with_every_message() {
        let english = Catalogue::english();
        assert_eq!(english.text(Msg::WidgetTitle), "Your SMP estimate");
        assert!(!english.is_rtl());
        for id in Msg::all() {
            assert_ne!(english.text(id), id.key(), "{} is missing", id.key());
            assert_eq!(Msg::from_key(id.key()), Some(id));
        }
    }

    #[test]
    fn plurals_choose_their_form_and_write_the_number() {
        let years = |n| english(Msg::YearsOption, &[("years", Figure::Count(n))]);
        assert_eq!(years(1), "1 year");
        assert_eq!(years(10), "10 years");
        assert_eq!(
            english(
                Msg::CompareSmpSessions,
                &[
                    ("sessions", Figure::Count(1_000)),
                    ("min", Figure::Count(2)),
                    ("max", Figure::Count(4))
                ]
            ),
            "1,000 sessions (2–4)"
        );
    }

    #[test]
    fn selects_choose_their_branch_with_nested_figures() {
        let note = |partial| {
            english(
                Msg::ExplainGrafts,
                &[
                    ("grafts_min", Figure::Count(1_200)),
                    ("grafts_max", Figure::Count(1_800)),
                    ("partial", Figure::Word(partial)),
                    ("coverage", Figure::Percent(50.0)),
                ],
            )
        };
        assert!(
            note("yes").ends_with("hairline, at 50% of that where hair or scar tissue remains.")
        );
        assert!(note("no").ends_with("densest at the hairline."));
    }

    #[test]
    fn a_percent_is_a_figure_of_its_own_and_catalogues_write_no_sign() {
        // The sign is the writer's: English has it after the number, other
        // locales before it or after a space (the widget asks Intl).
        let rate = english(
            Msg::SmpMonthly,
            &[
                ("monthly", Figure::Money(150)),
                ("months", Figure::Count(24)),
                ("apr", Figure::Percent(9.99)),
            ],
        );
        assert_eq!(rate, "or about USD 150 a month over 24 months at 9.99% APR");
        assert_eq!(Figure::Percent(20.0).kind(), "percent");
    }

    #[test]
    fn the_noun_after_a_range_takes_the_form_of_its_upper_end() {
        let hours = |range: &str, max| {
            english(
                Msg::SmpHoursValue,
                &[
                    ("hours", Figure::Text(range.into())),
                    ("max", Figure::Decimal(max)),
                ],
            )
        };
        assert_eq!(hours("2–3", 3.0), "2–3 hours");
        assert_eq!(hours("1", 1.0), "1 hour");
        assert_eq!(hours("0.5–1.5", 1.5), "0.5–1.5 hours");
    }

    #[test]
    fn a_translation_replaces_english_and_english_fills_the_gaps() {
        let read = Catalogue::read(
            "de",
            &crate::json::parse(r#"{"widget-title": "Ihre SMP-Schätzung", "nope": "x", "years-option": "{years, plural, one {# Jahr} other {# Jahre}}", "book": "{clinik}"}"#).unwrap(),
        )
        .unwrap();
        let german = read.catalogue;
        assert_eq!(german.text(Msg::WidgetTitle), "Ihre SMP-Schätzung");
        assert_eq!(german.text(Msg::GroupMen), "Men");
        assert_eq!(
            german.format(
                Msg::YearsOption,
                &[("years", Figure::Count(2))],
                &Plain { currency: "" }
            ),
            "2 Jahre"
        );
        assert_eq!(
            read.skipped,
            [
                "nope: is not a message id",
                "book: {clinik} is not one of this message's figures ({clinic}, {named})"
            ]
        );
    }

    #[test]
    fn malformed_messages_say_what_is_wrong() {
        assert_eq!(placeholders("a {b} c").unwrap(), ["b"]);
        assert!(placeholders("a {b c").is_err());
        assert!(placeholders("a } c").is_err());
        assert!(placeholders("{n, plural, one {#}}")
            .unwrap_err()
            .contains("other"));
        assert!(placeholders("{n, choose, other {#}}").is_err());
        assert!(placeholders("{Name}").is_err());
        assert_eq!(
            choices("{n, plural, =0 {none} one {#} other {{m} #}}").unwrap(),
            [(
                "n".to_string(),
                "plural".to_string(),
                vec!["=0".to_string(), "one".into(), "other".into()]
            )]
        );
    }

    #[test]
    fn text_around_a_figure() {
        assert_eq!(
            Catalogue::english().around(Msg::Usually, "range"),
            ("usually ".to_string(), String::new())
        );
    }
}
