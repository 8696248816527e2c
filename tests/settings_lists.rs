//! One settings schema, and every list of settings follows it. The schema is
//! derived from the engine's own types (`smp-quote schema`, and
//! `smp-quote schema attributes` for the data attributes); each other place
//! that names settings is held to it here, and any difference fails:
//! - the data attributes' lists (the engine's `page_attributes`);
//! - the WordPress shortcode's names (`includes/render.php`), the block's
//!   attributes (`block/block.json`) and the block editor's panels
//!   (`block/index.js`);
//! - the setup page's fields (`web/setup/configure.html`);
//! - the two tables of `docs/settings.md`, which are generated from the
//!   schemas here (`SMP_DOCS_RECORD=1` rewrites them).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use serde_json::Value;
use smp_engine::page_attributes::{setting_attributes, ATTRIBUTES};
use smp_quote::{attributes_schema, settings_schema};

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The data attributes' names (without `data-`).
fn attribute_names() -> BTreeSet<String> {
    let schema = attributes_schema();
    schema["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .cloned()
        .collect()
}

fn set<T: Into<String>>(names: impl IntoIterator<Item = T>) -> BTreeSet<String> {
    names.into_iter().map(Into::into).collect()
}

/// The schema of the settings file at `path` (`theme.accent`), following
/// `$ref`s and `Option`s, or `None` when the path names no setting.
fn setting_at<'a>(schema: &'a Value, root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut at = resolve(schema, root);
    for key in path.split('.') {
        at = resolve(at.get("properties")?.get(key)?, root);
    }
    Some(at)
}

fn resolve<'a>(mut schema: &'a Value, root: &'a Value) -> &'a Value {
    loop {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference.trim_start_matches("#/$defs/");
            schema = &root["$defs"][name];
        } else if let Some(choices) = schema.get("anyOf").and_then(Value::as_array) {
            // `Option<T>`: T or null.
            match choices
                .iter()
                .find(|c| c.get("type") != Some(&"null".into()))
            {
                Some(choice) => schema = choice,
                None => return schema,
            }
        } else {
            return schema;
        }
    }
}

/// The settings file's leaves: every field that holds a value rather than
/// an object, as a path (`smp.touch_up.price.min`).
fn leaves(schema: &Value, root: &Value, prefix: &str, out: &mut Vec<String>) {
    let schema = resolve(schema, root);
    match schema.get("properties").and_then(Value::as_object) {
        Some(properties) if schema.get("additionalProperties") == Some(&false.into()) => {
            for (key, field) in properties {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                leaves(field, root, &path, out);
            }
        }
        _ => out.push(prefix.to_string()),
    }
}

#[test]
fn the_embedding_layer_lists_the_schema_s_attributes() {
    let names = attribute_names();
    assert_eq!(set(ATTRIBUTES), names, "page_settings::ATTRIBUTES");
    assert_eq!(
        ATTRIBUTES.len(),
        names.len(),
        "page_settings::ATTRIBUTES twice"
    );
    let schema = attributes_schema();
    let settings = settings_schema();
    let from_schema: BTreeSet<(String, String, bool)> = names
        .iter()
        .filter_map(|name| {
            let field = &schema["properties"][name];
            let setting = field.get("x-setting")?.as_str()?.to_string();
            let number = field.get("x-number") == Some(&true.into());
            Some((name.clone(), setting, number))
        })
        .collect();
    let from_code: BTreeSet<(String, String, bool)> = setting_attributes()
        .map(|(name, path, number)| (name.to_string(), path, number))
        .collect();
    assert_eq!(from_code, from_schema, "page_settings::SETTING_ATTRIBUTES");
    for (name, path, number) in &from_schema {
        let field = setting_at(&settings, &settings, path)
            .unwrap_or_else(|| panic!("data-{name} names {path}, which is not a setting"));
        let kind = field["type"].to_string();
        assert_eq!(kind.contains("number"), *number, "data-{name}: {kind}");
    }
}

#[test]
fn the_wordpress_shortcode_takes_the_schema_s_attributes() {
    let php = read("wordpress/smp-estimator/includes/render.php");
    let start = php
        .find("function smp_estimator_setting_names()")
        .expect("smp_estimator_setting_names in render.php");
    let body = &php[start..];
    let body = &body[..body.find(");").expect("the end of its array")];
    let names: Vec<&str> = body.split('\'').skip(1).step_by(2).collect();
    assert_eq!(
        set(names.clone()),
        attribute_names(),
        "render.php's setting names"
    );
    assert_eq!(
        names.len(),
        attribute_names().len(),
        "render.php names one twice"
    );
}

#[test]
fn the_block_and_its_editor_take_the_schema_s_attributes() {
    let expected: BTreeSet<String> = attribute_names()
        .iter()
        .map(|name| name.replace('-', "_"))
        .collect();
    let block: Value = serde_json::from_str(&read("wordpress/smp-estimator/block/block.json"))
        .expect("block.json is JSON");
    let attributes: BTreeSet<String> = block["attributes"]
        .as_object()
        .expect("block.json's attributes")
        .keys()
        .cloned()
        .collect();
    assert_eq!(attributes, expected, "block.json's attributes");

    // The editor's panels: `['name', __('Label' …` rows inside PANELS.
    let script = read("wordpress/smp-estimator/block/index.js");
    let panels = &script[script.find("var PANELS = [").expect("PANELS in index.js")..];
    let panels = &panels[..panels.find("\n  ];").expect("the end of PANELS")];
    let fields: BTreeSet<String> = panels
        .match_indices("['")
        .filter_map(|(at, _)| {
            let rest = &panels[at + 2..];
            let name = &rest[..rest.find('\'')?];
            rest[name.len()..]
                .starts_with("', __(")
                .then(|| name.to_string())
        })
        .collect();
    assert_eq!(fields, expected, "the block editor's panels");
}

// --- docs/settings.md: its two tables are generated from the schemas ---------
//
// Each table sits between a `<!-- generated: NAME -->` line and an
// `<!-- end: NAME -->` line. The test builds it from the schema and fails
// when the file differs; `SMP_DOCS_RECORD=1 cargo test --test settings_lists`
// writes the tables it built into the file instead (then review the diff
// and commit it with the change to the types).

const SETTINGS_DOC: &str = "docs/settings.md";

/// A schema's description on one line, safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// The schema's type of a field in words: `text`, `number or null`,
/// `list of whole numbers`.
fn kind(schema: &Value, root: &Value) -> String {
    let nullable = |s: &Value| {
        s.get("anyOf")
            .and_then(Value::as_array)
            .is_some_and(|choices| choices.iter().any(|c| c["type"] == "null"))
            || s["type"]
                .as_array()
                .is_some_and(|types| types.iter().any(|t| t == "null"))
    };
    let resolved = resolve(schema, root);
    let types: Vec<&str> = match &resolved["type"] {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let mut words: Vec<String> = types
        .iter()
        .filter(|t| **t != "null")
        .map(|t| match *t {
            "string" => "text".to_string(),
            "number" => "number".to_string(),
            "integer" => "whole number".to_string(),
            "boolean" => "`true` or `false`".to_string(),
            "array" => {
                let items = resolve(&resolved["items"], root);
                let what = match items["type"].as_str() {
                    Some("integer") => "whole numbers",
                    Some("number") => "numbers",
                    Some("string") => "texts",
                    _ => "objects",
                };
                format!("list of {what}")
            }
            "object" => "object".to_string(),
            other => other.to_string(),
        })
        .collect();
    if nullable(schema) || nullable(resolved) {
        words.push("`null`".to_string());
    }
    words.join(" or ")
}

/// A field's description: its own, else its type's. (In JSON, Rust's
/// `None` is written `null`.)
fn description(schema: &Value, root: &Value) -> Option<String> {
    let own = schema.get("description").and_then(Value::as_str);
    let of_type = resolve(schema, root)
        .get("description")
        .and_then(Value::as_str);
    own.or(of_type)
        .map(|text| cell(text).replace("`None`", "`null`"))
}

/// The default settings (`smp-quote config`), as JSON.
fn default_settings() -> Value {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = smp_quote::run(&["config".to_string()], &mut &b""[..], &mut out, &mut err);
    assert_eq!(
        code,
        0,
        "smp-quote config: {}",
        String::from_utf8_lossy(&err)
    );
    serde_json::from_slice(&out).expect("smp-quote config prints JSON")
}

/// The default of the setting at `path`, for a table cell.
fn default_cell(defaults: &Value, path: &str) -> String {
    let mut at = defaults;
    for key in path.split('.') {
        match at.get(key) {
            Some(value) => at = value,
            // Inside a part that is off by default (`lead`, `financing`).
            None => {
                let part = path.split('.').next().unwrap_or(path);
                return format!("– (`{part}` is off)");
            }
        }
    }
    // A range in its natural order, not JSON's sorted keys.
    if let Some(ends) = at.as_object().filter(|ends| {
        ends.keys()
            .all(|key| ["min", "typical", "max"].contains(&key.as_str()))
    }) {
        let ends: Vec<String> = ["min", "typical", "max"]
            .iter()
            .filter_map(|end| Some(format!("{end} {}", ends.get(*end)?)))
            .collect();
        return ends.join(", ");
    }
    let text = at.to_string();
    if text.chars().count() <= 40 {
        format!("`{}`", text.replace('|', "\\|"))
    } else {
        "see `smp-quote config`".to_string()
    }
}

/// The data attributes' table: each attribute, the setting it sets and what
/// it is, in the order the element's type declares them.
fn attributes_table() -> String {
    let schema = attributes_schema();
    let mut names: Vec<String> = attribute_names().into_iter().collect();
    names.sort_by_key(|name| ATTRIBUTES.iter().position(|a| a == name));
    let mut table =
        String::from("| attribute | setting in a file | what it sets |\n|---|---|---|\n");
    for name in names {
        let field = &schema["properties"][&name];
        let setting = field
            .get("x-setting")
            .and_then(Value::as_str)
            .map_or_else(|| "–".to_string(), |path| format!("`{path}`"));
        table += &format!(
            "| `data-{name}` | {setting} | {} |\n",
            description(field, &schema).unwrap_or_else(|| "–".to_string())
        );
    }
    table
}

/// The settings file's table: every field that holds a value, its type,
/// its default and what it is. A range (`{min, typical, max}` or
/// `{min, max}`) is one row.
fn settings_table() -> String {
    let schema = settings_schema();
    let defaults = default_settings();
    let mut table = String::from("| field | type | default | what it is |\n|---|---|---|---|\n");
    settings_rows(&schema, &schema, "", &defaults, &mut table);
    table
}

fn settings_rows(field: &Value, root: &Value, path: &str, defaults: &Value, table: &mut String) {
    let resolved = resolve(field, root);
    let properties = resolved.get("properties").and_then(Value::as_object);
    let range = properties.filter(|p| {
        p.keys()
            .all(|key| ["min", "typical", "max"].contains(&key.as_str()))
    });
    if path.is_empty() || range.is_none() && properties.is_some() {
        for (key, child) in properties.into_iter().flatten() {
            let child_path = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            settings_rows(child, root, &child_path, defaults, table);
        }
        return;
    }
    // Nothing said: the field's name in words.
    let name = path.rsplit('.').next().unwrap_or(path).replace('_', " ");
    let (kind, what) = match range {
        Some(ends) => {
            let ends: Vec<String> = ["min", "typical", "max"]
                .iter()
                .filter(|end| ends.contains_key(**end))
                .map(|end| format!("`{end}`"))
                .collect();
            // Its own description: its type's only says it is a range.
            let own = field.get("description").and_then(Value::as_str);
            (
                format!("range: {}", ends.join(", ")),
                own.map(cell).unwrap_or_else(|| format!("The {name}.")),
            )
        }
        None => (
            kind(field, root),
            description(field, root).unwrap_or_else(|| format!("The {name}.")),
        ),
    };
    *table += &format!(
        "| `{path}` | {kind} | {} | {what} |\n",
        default_cell(defaults, path)
    );
}

/// `text` with the block between `<!-- generated: NAME -->` and
/// `<!-- end: NAME -->` replaced by `block`.
fn with_block(text: &str, name: &str, block: &str) -> String {
    let open = format!("<!-- generated: {name} -->\n");
    let close = format!("<!-- end: {name} -->");
    let start = text
        .find(&open)
        .unwrap_or_else(|| panic!("{SETTINGS_DOC} has no `{}` line", open.trim()))
        + open.len();
    let end = start
        + text[start..]
            .find(&close)
            .unwrap_or_else(|| panic!("{SETTINGS_DOC} has no `{close}` line"));
    format!("{}{block}{}", &text[..start], &text[end..])
}

#[test]
fn the_docs_settings_tables_are_the_schema_s() {
    let doc = read(SETTINGS_DOC);
    let generated = with_block(
        &with_block(&doc, "attributes", &attributes_table()),
        "settings",
        &settings_table(),
    );
    if generated == doc {
        return;
    }
    if std::env::var_os("SMP_DOCS_RECORD").is_some() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SETTINGS_DOC);
        fs::write(&path, generated).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let first = doc
        .lines()
        .zip(generated.lines())
        .find(|(was, is)| was != is)
        .map_or_else(String::new, |(was, is)| {
            format!("\n  file:   {was}\n  schema: {is}")
        });
    panic!(
        "{SETTINGS_DOC}'s tables differ from the schema's; rewrite them with \
         `SMP_DOCS_RECORD=1 cargo test --test settings_lists` and commit the diff{first}"
    );
}

#[test]
fn the_setup_page_edits_settings_of_the_schema_and_misses_none() {
    let schema = settings_schema();
    let html = read("web/setup/configure.html");
    // Fields are `id="f-smp-touch_up-price-min"` for `smp.touch_up.price.min`
    // (their hints end in `-hint`).
    let fields: BTreeSet<String> = html
        .split("id=\"f-")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|id| !id.ends_with("-hint"))
        .map(|id| id.replace('-', "."))
        .collect();
    for field in &fields {
        assert!(
            setting_at(&schema, &schema, field).is_some(),
            "the setup page's field f-{field} is not a setting"
        );
    }
    let mut all = Vec::new();
    leaves(&schema, &schema, "", &mut all);
    // The price bands are edited as rows, the Tag Manager switch is a
    // checkbox, and the clinic's own wording of messages is for files.
    let elsewhere = [
        ("smp.bands", "id=\"bands-body\""),
        ("datalayer", "id=\"datalayer-on\""),
    ];
    for leaf in all {
        if leaf == "messages" {
            continue;
        }
        if let Some((_, marker)) = elsewhere.iter().find(|(path, _)| *path == leaf) {
            assert!(html.contains(marker), "the setup page edits {leaf}");
            continue;
        }
        assert!(
            fields.contains(&leaf),
            "the setup page has no field for {leaf}"
        );
    }
}

#[test]
fn smp_quote_prints_the_schemas() {
    let schema = settings_schema();
    assert_eq!(schema["title"], "SMP estimator: a clinic's settings file");
    assert!(schema.to_string().contains("\"minimum_fee\""));
    assert!(attributes_schema()["properties"]["datalayer"].is_object());
}
