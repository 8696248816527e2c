use super::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
struct Inner {
    c: u32,
}

#[derive(Debug, Deserialize, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    a: f64,
    b: Inner,
    list: Vec<u32>,
    maybe: Option<f64>,
}

fn value(json: serde_json::Value) -> Value {
    serde_json::from_value(json).unwrap()
}

fn base() -> Value {
    to_value(&Doc {
        a: 1.0,
        b: Inner { c: 2 },
        list: vec![],
        maybe: None,
    })
}

fn problems(json: serde_json::Value) -> Vec<String> {
    let (_, problems) = read::<Doc>(&value(json), Some(&base()), "doc");
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn every_problem_at_once_with_its_path_in_declared_order() {
    assert_eq!(
        problems(serde_json::json!({
            "e": 1, "list": [1, "x", 2.5, 3], "b": {"d": true, "c": -1}, "a": "x"
        })),
        [
            "a: must be a number, not \"x\"",
            "b.c: must be a whole number of at least 0, not -1",
            "b.d: unknown field (expected one of c)",
            "list[1]: must be a whole number, not \"x\"",
            "list[2]: must be a whole number of at least 0, not 2.5",
            "e: unknown field (expected one of a, b, list, maybe)",
        ]
    );
}

#[test]
fn a_field_that_cannot_be_read_keeps_the_base_value() {
    let (read, problems) = read::<Doc>(
        &value(serde_json::json!({"a": 5, "b": {"c": "x"}, "list": [1, "y", 3]})),
        Some(&base()),
        "doc",
    );
    assert_eq!(problems.len(), 2);
    let read = read.unwrap();
    assert_eq!((read.a, read.b.c, read.list), (5.0, 2, vec![1, 3]));
}

#[test]
fn emptied_fields_nulls_and_wrong_documents_are_named() {
    assert_eq!(
        problems(serde_json::json!({"a": " ", "maybe": "big"})),
        [
            "a: is empty: it must be a number",
            "maybe: must be a number or null, not \"big\""
        ]
    );
    assert_eq!(
        problems(serde_json::json!([1])),
        ["doc: must be an object, not a list"]
    );
    let (read, problems) = read::<Doc>(&value(serde_json::json!({"a": 1})), None, "doc");
    assert!(read.is_none());
    assert_eq!(problems[0].to_string(), "b: is required");
}

#[test]
fn long_text_is_cut_in_messages() {
    let shown = describe(&Value::String("y".repeat(100)));
    assert_eq!(shown.chars().count(), 43);
}

#[test]
fn writes_and_reads_back() {
    let doc = Doc {
        a: 2.5,
        b: Inner { c: 7 },
        list: vec![1, 2],
        maybe: Some(-3.0),
    };
    let (read, problems) = read::<Doc>(&to_value(&doc), None, "doc");
    assert!(problems.is_empty());
    assert_eq!(read, Some(doc));
}
