//! Writes i18n/en.json as a Rust table (`EN` in src/model/messages.rs), so
//! that the widget's English, the fallback for every message, is compiled
//! in without a JSON parser in the WebAssembly.

use std::fmt;
use std::path::Path;

use serde::de::{Deserializer, MapAccess, Visitor};

/// The catalogue's entries in the file's order: the order is each
/// message's id (`Msg` in src/model/messages/ids.rs).
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
    let source = "i18n/en.json";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("i18n/en.json is readable");
    let entries = serde_json::Deserializer::from_str(&text)
        .deserialize_map(Entries)
        .unwrap_or_else(|error| panic!("i18n/en.json: {error}"));
    let mut out = format!("const EN: [(&str, &str); {}] = [\n", entries.len());
    for (key, text) in &entries {
        out.push_str(&format!("    ({key:?}, {text:?}),\n"));
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("en.rs");
    std::fs::write(target, out).expect("writes en.rs");
}
