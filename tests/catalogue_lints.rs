//! Mistakes a native reader of one language catches at a glance and the
//! structural checks of tests/catalogues.rs cannot, found here for good:
//!
//! - a unit written after a figure that already carries its own
//!   (`{small_area} cm²` reads "40 cm² cm²");
//! - French `: ; ? !` and `»` without the non-breaking space before them
//!   (and `«` without one after), which lets the sign wrap alone onto the
//!   next line;
//! - an Arabic count outside a plural, so "3–10 days" and "11 days" share
//!   one form where Arabic has three;
//! - a `%` typed into a message, where the locale's own sign, spacing and
//!   digits belong (`12 %` in French, `%12` in Turkish, `١٢٪` in Arabic):
//!   percentages are figures the widget writes with `Intl`;
//! - a line of the copied summary (or of the consultation email) that
//!   starts with Latin script in a right-to-left language: pasted as plain
//!   text, the line takes the direction of its first letter and flips.
//!
//! Each lint runs as one test per language (`fr::french_punctuation…`), so
//! a failure names the language it is in. The `catches` tests at the end
//! show each lint failing on the mistakes it exists for.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use smp_engine::messages::LANGUAGES;

/// A catalogue file as the test reads it: message text by id.
type Texts = BTreeMap<String, String>;

fn texts(language: &str) -> Texts {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("i18n")
        .join(format!("{language}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A message read into its parts (docs/i18n.md, "Message syntax").
#[derive(Clone, Debug, PartialEq)]
enum Part {
    Text(String),
    /// `#`: the number of the enclosing plural.
    Number,
    /// `{name}`.
    Figure(String),
    /// `{name, plural|select, key {…} …}`.
    Choice {
        name: String,
        kind: String,
        branches: Vec<(String, Vec<Part>)>,
    },
}

/// The parts of `text`; tests/catalogues.rs has already checked that every
/// message is well formed, so a malformed one only needs a clear panic.
fn parse(text: &str) -> Vec<Part> {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    let parts = parse_body(&chars, &mut at);
    assert_eq!(at, chars.len(), "a }} closes nothing in {text:?}");
    parts
}

fn parse_body(chars: &[char], at: &mut usize) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut text = String::new();
    while let Some(&c) = chars.get(*at) {
        match c {
            '}' => break,
            '{' | '#' => {
                if !text.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut text)));
                }
                *at += 1;
                parts.push(if c == '#' {
                    Part::Number
                } else {
                    parse_argument(chars, at)
                });
            }
            _ => {
                text.push(c);
                *at += 1;
            }
        }
    }
    if !text.is_empty() {
        parts.push(Part::Text(text));
    }
    parts
}

/// After a `{`: up to and including its `}`.
fn parse_argument(chars: &[char], at: &mut usize) -> Part {
    let word = |stops: &[char], at: &mut usize| {
        let start = *at;
        while chars.get(*at).is_some_and(|c| !stops.contains(c)) {
            *at += 1;
        }
        chars[start..*at]
            .iter()
            .collect::<String>()
            .trim()
            .to_string()
    };
    let name = word(&[',', '}'], at);
    if chars.get(*at) == Some(&'}') {
        *at += 1;
        return Part::Figure(name);
    }
    *at += 1;
    let kind = word(&[','], at);
    *at += 1;
    let mut branches = Vec::new();
    loop {
        while chars.get(*at).is_some_and(|c| c.is_whitespace()) {
            *at += 1;
        }
        match chars.get(*at) {
            Some('}') => {
                *at += 1;
                return Part::Choice {
                    name,
                    kind,
                    branches,
                };
            }
            Some(_) => {
                let key = word(&['{'], at);
                *at += 1;
                let branch = parse_body(chars, at);
                *at += 1;
                branches.push((key, branch));
            }
            None => panic!("{{{name}, {kind}, …}} is never closed"),
        }
    }
}

/// Calls `visit` with every run of parts a message can show in a row: the
/// message itself and each branch of its choices, at every depth.
fn each_run(parts: &[Part], visit: &mut dyn FnMut(&[Part])) {
    visit(parts);
    for part in parts {
        if let Part::Choice { branches, .. } = part {
            for (_, branch) in branches {
                each_run(branch, visit);
            }
        }
    }
}

// ---------------------------------------------------------------------
// A unit after a figure that carries its own.

/// The unit that starts `text`, if any: a symbol with `²` (cm², in², سم²)
/// or a length unit as the languages write it.
fn leading_unit(text: &str) -> Option<String> {
    let word: String = text
        .trim_start()
        .split(char::is_whitespace)
        .next()?
        .trim_end_matches([',', ';', ':', ')', '.', '،', '؛'])
        .to_string();
    let length_units = ["cm", "mm", "po", "pulg", "pol", "سم"];
    (word.contains('²') || length_units.contains(&word.trim_end_matches('.'))).then_some(word)
}

/// Each figure followed by a unit in `text`, with that unit: the next part
/// is a unit's symbol or the `{unit}` figure.
fn figures_with_a_unit(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    each_run(&parse(text), &mut |run| {
        for pair in run.windows(2) {
            let Part::Figure(name) = &pair[0] else {
                continue;
            };
            let unit = match &pair[1] {
                Part::Text(after) => leading_unit(after),
                Part::Figure(unit) if unit == "unit" => Some("{unit}".into()),
                _ => None,
            };
            if let Some(unit) = unit {
                found.push((name.clone(), unit));
            }
        }
    });
    found
}

/// Figures that already carry their unit (an area the widget writes as
/// "40 cm²", a length in the visitor's unit) are the ones English never
/// writes a unit after; a unit after one of them in a translation is a
/// second unit.
fn second_units(language: &str, texts: &Texts, english: &Texts) -> Vec<String> {
    let mut found = Vec::new();
    for (key, text) in texts {
        let Some(source) = english.get(key) else {
            continue;
        };
        let english_units: Vec<String> = figures_with_a_unit(source)
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        for (name, unit) in figures_with_a_unit(text) {
            if !english_units.contains(&name) {
                found.push(format!(
                    "{language}.json {key}: {{{name}}} already carries its unit, so \"{{{name}}} {unit}\" shows two"
                ));
            }
        }
    }
    found
}

// ---------------------------------------------------------------------
// French punctuation.

/// French sets `: ; ? !` and `»` off from the word before with a space
/// that does not break (and `«` from the word after): U+00A0, or the narrow
/// U+202F. An ordinary space lets the sign wrap alone onto the next line;
/// no space at all is an English habit. One file uses one of the two.
fn french_punctuation(language: &str, texts: &Texts) -> Vec<String> {
    const SPACES: [char; 2] = ['\u{a0}', '\u{202f}'];
    let mut found = Vec::new();
    let mut used = BTreeMap::<char, String>::new();
    for (key, text) in texts {
        let chars: Vec<char> = text.chars().collect();
        for (at, &c) in chars.iter().enumerate() {
            let (space, side) = match c {
                ':' | ';' | '?' | '!' | '»' => (at.checked_sub(1).map(|i| chars[i]), "before"),
                '«' => (chars.get(at + 1).copied(), "after"),
                _ => continue,
            };
            let context: String = chars[at.saturating_sub(12)..(at + 8).min(chars.len())]
                .iter()
                .collect();
            match space {
                Some(space) if SPACES.contains(&space) => {
                    used.entry(space).or_insert_with(|| format!("{key}: {context:?}"));
                }
                _ => found.push(format!(
                    "{language}.json {key}: “{c}” needs a non-breaking space {side} it, in {context:?}"
                )),
            }
        }
    }
    if used.len() > 1 {
        found.push(format!(
            "{language}.json mixes U+00A0 ({}) and U+202F ({}) before punctuation; use one",
            used[&'\u{a0}'], used[&'\u{202f}']
        ));
    }
    found
}

// ---------------------------------------------------------------------
// Arabic counts.

/// English nouns that a count names: a figure written right before one is
/// a count, whose noun takes a different form by number in Arabic.
const COUNTED: [&str; 16] = [
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "hour",
    "hours",
    "graft",
    "grafts",
    "session",
    "sessions",
    "surgery",
    "surgeries",
];

/// The figures of an English message that count something: those it
/// chooses a plural by, those it writes right before a counted noun
/// ("{max} days", "{capacity} grafts"), and a range written before the
/// plural its upper end chooses ("{hours} {hours_max, plural, …}").
///
/// Each comes with the figure whose plural its noun should take: itself,
/// or a range's upper end.
fn counts(english: &str) -> Vec<(String, String)> {
    let is_plural =
        |part: Option<&Part>| matches!(part, Some(Part::Choice { kind, .. }) if kind == "plural");
    let mut found = Vec::new();
    each_run(&parse(english), &mut |run| {
        for (index, part) in run.iter().enumerate() {
            let (name, selector) = match (part, run.get(index + 1)) {
                (Part::Choice { name, kind, .. }, _) if kind == "plural" => (name, name),
                (Part::Figure(name), Some(Part::Text(space)))
                    if space.trim().is_empty() && is_plural(run.get(index + 2)) =>
                {
                    match &run[index + 2] {
                        Part::Choice { name: upper, .. } => (name, upper),
                        _ => continue,
                    }
                }
                (Part::Figure(name), Some(Part::Text(after)))
                    if after.starts_with(' ')
                        && after.split_whitespace().next().is_some_and(|word| {
                            COUNTED.contains(&word.trim_end_matches([',', '.', ':', ';', ')']))
                        }) =>
                {
                    (name, name)
                }
                _ => continue,
            };
            if !found.iter().any(|(found, _)| found == name) {
                found.push((name.clone(), selector.clone()));
            }
        }
    });
    found
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064a}' | '\u{066e}'..='\u{06d3}' | '\u{06fa}'..='\u{06ff}')
}

/// In Arabic the noun after a number agrees with it: يومان for 2, أيام for
/// 3 to 10, يومًا for 11 to 99, يوم for 100. A count written straight
/// before an Arabic word, outside a plural of its own, has one form for
/// every number, so most numbers read wrong.
fn arabic_counts(language: &str, texts: &Texts, english: &Texts) -> Vec<String> {
    let mut found = Vec::new();
    for (key, text) in texts {
        let Some(source) = english.get(key) else {
            continue;
        };
        let counts = counts(source);
        each_run(&parse(text), &mut |run| {
            for pair in run.windows(2) {
                if let (Part::Figure(name), Part::Text(after)) = (&pair[0], &pair[1]) {
                    let next = after.trim_start().chars().next();
                    let selector = counts.iter().find(|(count, _)| count == name);
                    if let (Some((_, selector)), true) =
                        (selector, next.is_some_and(is_arabic_letter))
                    {
                        let noun = after.split_whitespace().next().unwrap_or_default();
                        found.push(format!(
                            "{language}.json {key}: \"{{{name}}} {noun}\" needs its noun in {{{selector}, plural, zero {{…}} one {{…}} two {{…}} few {{…}} many {{…}} other {{…}}}}"
                        ));
                    }
                }
            }
        });
    }
    found
}

// ---------------------------------------------------------------------
// Percent signs.

/// `%` and its Arabic, full-width and small forms: none belongs in a
/// message, because where the sign goes, whether a space comes before it
/// and in which digits depends on the locale (`12 %` in French and German,
/// `%12` in Turkish, `١٢٪` in Egyptian Arabic), and `Intl` knows.
fn hard_coded_percent(language: &str, texts: &Texts) -> Vec<String> {
    texts
        .iter()
        .filter(|(_, text)| text.contains(['%', '٪', '％', '﹪']))
        .map(|(key, text)| {
            let chars: Vec<char> = text.chars().collect();
            let at = chars
                .iter()
                .position(|c| "%٪％﹪".contains(*c))
                .unwrap_or(0);
            let context: String = chars[at.saturating_sub(24)..(at + 8).min(chars.len())]
                .iter()
                .collect();
            format!(
                "{language}.json {key}: a % typed into the message, in {context:?}; pass the figure as a percentage the widget formats"
            )
        })
        .collect()
}

// ---------------------------------------------------------------------
// Right-to-left lines.

/// The messages that make up the summary a visitor copies, one line each
/// (crates/widget/src/components/visitor_tools.rs), and the email a visitor sends
/// to ask for a consultation: plain text that leaves the widget and its
/// `dir`, so each line's first letter decides its direction.
const PLAIN_TEXT_LINES: [&str; 9] = [
    "summary-title",
    "summary-pattern",
    "summary-smp",
    "summary-transplant",
    "summary-transplant-not-advised",
    "summary-combined",
    "summary-lifetime",
    "summary-disclaimer",
    "lead-email-body",
];

/// What decides a line's direction (Unicode's bidi rule P2: its first
/// strong letter).
#[derive(Debug, PartialEq)]
enum Start {
    RightToLeft,
    /// A Latin (or other left-to-right) letter: the text from there.
    LeftToRight(String),
    /// A figure whose text may well be Latin: a clinic's name, "US$".
    Figure(String),
}

fn is_right_to_left(c: char) -> bool {
    // Hebrew, Arabic (ALM, U+061C, among them) and their presentation
    // forms; RLM.
    matches!(c, '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}' | '\u{200f}')
}

/// How each way of showing `parts` starts; empty when it has no letter.
fn starts(parts: &[&Part]) -> Vec<Start> {
    for (index, part) in parts.iter().enumerate() {
        match part {
            Part::Text(text) => {
                for (at, c) in text.char_indices() {
                    if is_right_to_left(c) {
                        return vec![Start::RightToLeft];
                    }
                    if c.is_alphabetic() || c == '\u{200e}' {
                        return vec![Start::LeftToRight(text[at..].chars().take(16).collect())];
                    }
                }
            }
            Part::Number => {}
            Part::Figure(name) => return vec![Start::Figure(name.clone())],
            Part::Choice { branches, .. } => {
                return branches
                    .iter()
                    .flat_map(|(_, branch)| {
                        let shown: Vec<&Part> = branch
                            .iter()
                            .chain(parts[index + 1..].iter().copied())
                            .collect();
                        starts(&shown)
                    })
                    .collect();
            }
        }
    }
    Vec::new()
}

/// The lines of a message: its parts split at each `\n` outside choices.
fn lines(parts: Vec<Part>) -> Vec<Vec<Part>> {
    let mut lines = vec![Vec::new()];
    for part in parts {
        match part {
            Part::Text(text) => {
                for (index, piece) in text.split('\n').enumerate() {
                    if index > 0 {
                        lines.push(Vec::new());
                    }
                    if !piece.is_empty() {
                        lines.last_mut().unwrap().push(Part::Text(piece.into()));
                    }
                }
            }
            other => lines.last_mut().unwrap().push(other),
        }
    }
    lines
}

fn right_to_left_lines(language: &str, texts: &Texts) -> Vec<String> {
    let mut found = Vec::new();
    for key in PLAIN_TEXT_LINES {
        let text = texts.get(key).map(String::as_str).unwrap_or_default();
        for line in lines(parse(text)) {
            let line: Vec<&Part> = line.iter().collect();
            for start in starts(&line) {
                match start {
                    Start::RightToLeft => {}
                    Start::LeftToRight(latin) => found.push(format!(
                        "{language}.json {key}: a line starts with Latin {latin:?}, so pasted as text it runs left to right"
                    )),
                    Start::Figure(name) => found.push(format!(
                        "{language}.json {key}: a line starts with {{{name}}}, which may be Latin; put a word of {language} (or U+200F) before it"
                    )),
                }
            }
        }
    }
    found
}

// ---------------------------------------------------------------------
// The tests, one per language and lint.

fn assert_none(found: Vec<String>) {
    assert!(found.is_empty(), "{}\n", found.join("\n"));
}

fn is_right_to_left_language(texts: &Texts) -> bool {
    texts.get("direction").is_some_and(|d| d == "rtl")
}

macro_rules! lints {
    ($($language:ident: [$($lint:ident),* $(,)?],)*) => {
        $(
            mod $language {
                $(
                    #[test]
                    fn $lint() {
                        super::$lint(stringify!($language));
                    }
                )*
            }
        )*

        /// Every language the widget ships has its lints here.
        #[test]
        fn every_language_is_linted() {
            assert_eq!([$(stringify!($language)),*], LANGUAGES);
        }
    };
}

fn no_second_unit(language: &str) {
    assert_none(second_units(language, &texts(language), &texts("en")));
}

fn no_typed_percent_sign(language: &str) {
    assert_none(hard_coded_percent(language, &texts(language)));
}

fn french_punctuation_keeps_its_space(language: &str) {
    assert_none(french_punctuation(language, &texts(language)));
}

fn counts_take_their_plural(language: &str) {
    assert_none(arabic_counts(language, &texts(language), &texts("en")));
}

fn copied_lines_start_right_to_left(language: &str) {
    let texts = texts(language);
    assert!(
        is_right_to_left_language(&texts),
        "{language} is not written right to left"
    );
    assert_none(right_to_left_lines(language, &texts));
}

lints! {
    en: [no_typed_percent_sign],
    es: [no_second_unit, no_typed_percent_sign],
    de: [no_second_unit, no_typed_percent_sign],
    fr: [no_second_unit, no_typed_percent_sign, french_punctuation_keeps_its_space],
    pt: [no_second_unit, no_typed_percent_sign],
    tr: [no_second_unit, no_typed_percent_sign],
    ar: [no_second_unit, no_typed_percent_sign, counts_take_their_plural, copied_lines_start_right_to_left],
}

/// Only Arabic is written right to left; a new right-to-left language
/// gets the line check too.
#[test]
fn right_to_left_languages_are_the_ones_checked() {
    let right_to_left: Vec<&str> = LANGUAGES
        .into_iter()
        .filter(|language| is_right_to_left_language(&texts(language)))
        .collect();
    assert_eq!(right_to_left, ["ar"]);
}

// ---------------------------------------------------------------------
// Each lint catches the mistake it is for: lines as the first translations
// had them.

fn one(key: &str, text: &str) -> Texts {
    Texts::from([(key.to_string(), text.to_string())])
}

#[test]
fn catches_a_second_unit() {
    let english = one(
        "explain-smp-sessions",
        "{reason, select, small {areas under {small_area}, such as a hairline, usually need 2} other {most}}",
    );
    let french = one(
        "explain-smp-sessions",
        "{reason, select, small {les zones de moins de {small_area} cm², comme une ligne frontale, demandent généralement 2 séances} other {la plupart}}",
    );
    assert_eq!(
        second_units("fr", &french, &english),
        ["fr.json explain-smp-sessions: {small_area} already carries its unit, so \"{small_area} cm²\" shows two"]
    );
    // A unit English writes too is not a second one.
    let english = one("area-error-range", "at most {max} {unit} (a whole scalp).");
    let spanish = one(
        "area-error-range",
        "no superior a {max} {unit} (un cuero cabelludo completo).",
    );
    assert_eq!(second_units("es", &spanish, &english), Vec::<String>::new());
}

#[test]
fn catches_french_punctuation_without_its_space() {
    let found = french_punctuation(
        "fr",
        &one(
            "combined-title",
            "Combiné : greffe et SMP ; pas de « {typed}» ! Nom: {name}",
        ),
    );
    assert_eq!(found.len(), 6, "{found:#?}");
    assert!(found[0].contains("“:” needs a non-breaking space before it"));
    assert!(found
        .iter()
        .any(|f| f.contains("“«” needs a non-breaking space after it")));
    assert_eq!(
        french_punctuation(
            "fr",
            &one(
                "combined-title",
                "Combiné\u{a0}: greffe\u{a0}; «\u{a0}{typed}\u{a0}»\u{a0}!"
            )
        ),
        Vec::<String>::new()
    );
    let mixed = french_punctuation("fr", &one("a", "Combiné\u{a0}: greffe\u{202f};"));
    assert!(mixed[0].contains("mixes U+00A0"), "{mixed:?}");
}

#[test]
fn catches_an_arabic_count_without_its_plural() {
    let english = one("transplant-downtime-value", "{min}–{max} days");
    let arabic = one("transplant-downtime-value", "{min}–{max} يومًا");
    assert_eq!(
        arabic_counts("ar", &arabic, &english),
        ["ar.json transplant-downtime-value: \"{max} يومًا\" needs its noun in {max, plural, zero {…} one {…} two {…} few {…} many {…} other {…}}"]
    );
    let english = one(
        "transplant-downtime-value",
        "{min}–{max, plural, one {# day} other {# days}}",
    );
    let arabic = one(
        "transplant-downtime-value",
        "{min}–{max, plural, zero {# يوم} one {# يوم} two {# يوم} few {# أيام} many {# يومًا} other {# يوم}}",
    );
    assert_eq!(arabic_counts("ar", &arabic, &english), Vec::<String>::new());
    // A range whose upper end chooses the noun in English.
    let english = one(
        "smp-hours-value",
        "{hours} {hours_max, plural, one {hour} other {hours}}",
    );
    let arabic = one("smp-hours-value", "{hours} ساعات");
    assert_eq!(arabic_counts("ar", &arabic, &english).len(), 1);
    // A count English names inside a plural, written bare before a noun.
    let english = one(
        "summary-smp",
        "{sessions, plural, one {# session} other {# sessions}}",
    );
    let arabic = one("summary-smp", "{sessions} جلسات");
    assert_eq!(arabic_counts("ar", &arabic, &english).len(), 1);
}

#[test]
fn catches_a_typed_percent_sign() {
    let found = hard_coded_percent(
        "ar",
        &one(
            "donor-reserve",
            "يحتفظ الجراحون بنحو {reserve_percent}% من المخزون",
        ),
    );
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("{reserve_percent}%"), "{found:?}");
    assert_eq!(
        hard_coded_percent("fr", &one("a", "TAEG {apr}")),
        Vec::<String>::new()
    );
}

#[test]
fn catches_a_right_to_left_line_that_starts_in_latin() {
    let arabic = |key: &str, text: &str| right_to_left_lines("ar", &one(key, text));
    assert_eq!(
        arabic("summary-smp", "SMP: نحو {cost}"),
        ["ar.json summary-smp: a line starts with Latin \"SMP: نحو \", so pasted as text it runs left to right"]
    );
    assert_eq!(
        arabic("summary-smp", "تقنية SMP: نحو {cost}"),
        Vec::<String>::new()
    );
    assert_eq!(
        arabic("summary-smp", "\u{200f}SMP: نحو {cost}"),
        Vec::<String>::new()
    );
    // Inside a choice, every branch counts; a name first may be Latin.
    assert_eq!(
        arabic(
            "summary-title",
            "{named, select, yes {{clinic}: تقدير} other {تقدير}}"
        )
        .len(),
        1
    );
    // Each line of the email on its own.
    assert_eq!(
        arabic("lead-email-body", "طلب استشارة\n\nSMP: {smp}\nالاسم: {name}").len(),
        1
    );
}
