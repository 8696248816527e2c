//! Writes i18n/en.json as a Rust table (`EN` in src/messages.rs), so
//! that the widget's English, the fallback for every message, is compiled
//! in without a JSON parser in the WebAssembly.

use std::fmt;
use std::path::Path;

use serde::de::{Deserializer, MapAccess, Visitor};

/// The catalogue's entries in the file's order: the order is each
/// message's id (`Msg` in src/messages/ids.rs).
struct Entries;

impl<'de> Visitor<'de> for Entries {
    type Value = Vec<(String, String)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of message texts by key")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<String, String>()? {
            entries.push(entry);
        }
        Ok(entries)
    }
}

fn main() {
    // The catalogues live at the top of the repository, beside the other
    // languages the widget fetches at run time.
    let source = "../../i18n/en.json";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("i18n/en.json is readable");
    let entries = serde_json::Deserializer::from_str(&text)
        .deserialize_map(Entries)
        .unwrap_or_else(|error| panic!("i18n/en.json: {error}"));
    // One text of keys and messages, each ended by a NUL, rather than a
    // table of pointers: smaller in the WebAssembly.
    let mut joined = String::new();
    for (key, text) in &entries {
        assert!(!key.contains('\0') && !text.contains('\0'), "{key}: a NUL");
        joined.push_str(key);
        joined.push('\0');
        joined.push_str(text);
        joined.push('\0');
    }
    let out = format!("const EN: &str = {joined:?};\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("en.rs");
    std::fs::write(target, out).expect("writes en.rs");
}
