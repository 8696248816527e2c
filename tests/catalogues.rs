//! Every catalogue has every message, and only messages the widget shows:
//! a missing id, an unknown id, an id no code uses, a malformed message,
//! a figure the program never fills or a plural form the language does not
//! have fails here, before any visitor sees it.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use smp_engine::json::{self, Value};
use smp_engine::messages::{check, choices, LANGUAGES};
use smp_engine::{Catalogue, Msg};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A catalogue file's entries in order.
fn entries(language: &str) -> Vec<(String, Value)> {
    let path = repo().join("i18n").join(format!("{language}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match json::parse(&text) {
        Ok(Value::Object(entries)) => entries,
        other => panic!("{language}.json is not an object of messages: {other:?}"),
    }
}

/// The plural categories of CLDR for each language the widget ships.
fn plural_categories(language: &str) -> &'static [&'static str] {
    match language {
        "ar" => &["zero", "one", "two", "few", "many", "other"],
        "es" | "fr" | "pt" => &["one", "many", "other"],
        _ => &["one", "other"],
    }
}

/// `widget-title` as `WidgetTitle`.
fn camel(key: &str) -> String {
    key.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn english_has_exactly_the_message_ids_in_their_order() {
    let keys: Vec<String> = entries("en")
        .into_iter()
        .map(|(key, _)| camel(&key))
        .collect();
    let ids: Vec<String> = Msg::all().map(|id| format!("{id:?}")).collect();
    assert_eq!(
        keys, ids,
        "i18n/en.json and crates/engine/src/messages/ids.rs differ"
    );
}

#[test]
fn every_catalogue_has_every_message_and_no_other() {
    for language in LANGUAGES {
        let found = entries(language);
        let keys: Vec<&str> = found.iter().map(|(key, _)| key.as_str()).collect();
        let missing: Vec<&str> = Msg::all()
            .map(Msg::key)
            .filter(|key| !keys.contains(key))
            .collect();
        let unknown: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|key| Msg::from_key(key).is_none())
            .collect();
        assert!(
            missing.is_empty() && unknown.is_empty(),
            "{language}.json: missing {missing:?}, unknown {unknown:?}"
        );
        assert_eq!(
            keys.len(),
            Msg::all().count(),
            "{language}.json repeats a key"
        );
    }
}

#[test]
fn every_message_is_well_formed_with_the_languages_own_plurals() {
    let english = Catalogue::english();
    for language in LANGUAGES {
        let categories = plural_categories(language);
        for (key, value) in entries(language) {
            let id = Msg::from_key(&key).unwrap();
            let text = value
                .as_str()
                .unwrap_or_else(|| panic!("{language}.json {key}: not text"));
            assert!(!text.trim().is_empty(), "{language}.json {key}: empty");
            if let Err(why) = check(id, text) {
                panic!("{language}.json {key}: {why}");
            }
            let english_choices = choices(english.text(id)).unwrap();
            for (name, kind, branches) in choices(text).unwrap() {
                let english_kind = english_choices.iter().find(|(n, _, _)| *n == name);
                assert_eq!(
                    english_kind.map(|(_, kind, _)| kind.as_str()),
                    Some(kind.as_str()),
                    "{language}.json {key}: {{{name}, {kind}}} is not English's"
                );
                if kind == "plural" {
                    for branch in &branches {
                        assert!(
                            categories.contains(&branch.as_str()) || branch.starts_with('='),
                            "{language}.json {key}: {branch} is not a plural form of {language} ({categories:?})"
                        );
                    }
                    if language == "ar" {
                        assert_eq!(
                            branches.len(),
                            6,
                            "ar.json {key}: Arabic has six plural forms"
                        );
                    }
                } else {
                    let (_, _, english_branches) = english_kind.unwrap();
                    for branch in english_branches {
                        assert!(
                            branches.contains(branch),
                            "{language}.json {key}: {{{name}, select}} has no {branch} branch"
                        );
                    }
                }
            }
            if key == "direction" {
                let expected = if language == "ar" { "rtl" } else { "ltr" };
                assert_eq!(text, expected, "{language}.json direction");
            }
        }
    }
}

fn rust_files(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn every_message_is_used_by_the_code() {
    let mut files = Vec::new();
    for folder in ["src", "crates"] {
        rust_files(&repo().join(folder), &mut files);
    }
    let code: String = files
        .iter()
        .filter(|path| !path.ends_with("messages/ids.rs"))
        .map(|path| fs::read_to_string(path).unwrap())
        .collect();
    let unused: Vec<&str> = Msg::all()
        .filter(|id| {
            let name = format!("Msg::{id:?}");
            !code.match_indices(&name).any(|(at, _)| {
                !code[at + name.len()..]
                    .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            })
        })
        .map(Msg::key)
        .collect();
    assert!(unused.is_empty(), "messages no code shows: {unused:?}");
}

/// Arabic names every pattern in Arabic; only the scale's Roman numerals
/// (and their letter a) stay as they are written everywhere.
#[test]
fn arabic_pattern_names_have_no_english_words() {
    for (key, value) in entries("ar") {
        if !key.starts_with("pattern-") || key.ends_with("-description") {
            continue;
        }
        let text = value.as_str().unwrap_or_default();
        let latin: String = text
            .split_whitespace()
            .filter(|word| word.chars().any(|c| c.is_ascii_alphabetic()))
            .filter(|word| {
                !word
                    .trim_end_matches('a')
                    .chars()
                    .all(|c| "IVX".contains(c))
            })
            .collect::<Vec<_>>()
            .join(" ");
        assert!(latin.is_empty(), "ar.json {key}: {latin:?} in {text:?}");
    }
}
