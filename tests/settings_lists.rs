//! One settings schema, and every list of settings follows it. The schema is
//! derived from the engine's own types (`smp-quote schema`, and
//! `smp-quote schema attributes` for the data attributes); each other place
//! that names settings is held to it here, and any difference fails:
//! - the data attributes' lists (the engine's `page_attributes`);
//! - the WordPress shortcode's names (`includes/render.php`), the block's
//!   attributes (`block/block.json`) and the block editor's panels
//!   (`block/index.js`);
//! - the setup page's fields (`web/setup/configure.html`);
//! - the settings table in the docs.
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

#[test]
fn the_docs_settings_table_lists_the_schema_s_attributes() {
    let readme = read("README.md");
    let documented: BTreeSet<String> = readme
        .lines()
        .filter(|line| line.starts_with("| `data-"))
        .flat_map(|line| {
            let cell = line.split('|').nth(1).unwrap_or_default().to_string();
            cell.split('`')
                .filter_map(|part| part.strip_prefix("data-").map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(documented, attribute_names(), "the README's settings table");
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
