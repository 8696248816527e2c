//! `smp-quote` run as a clinic would run it: a real process, real files.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn smp_quote(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smp-quote"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("smp-quote starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("smp-quote-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn a_clinic_config_changes_the_sheet_and_the_quote() {
    let config = temp_file(
        "eur.json",
        r#"{"clinic_name": "Haarklinik Berlin", "currency": "EUR", "locale": "de-DE",
            "transplant": {"price_per_graft": {"min": 1, "typical": 1.5, "max": 2}}}"#,
    );
    let config = config.to_str().unwrap();
    let (code, sheet, _) = smp_quote(&["--config", config, "sheet"], "");
    assert_eq!(code, 0);
    assert!(
        sheet.starts_with("Price sheet: Haarklinik Berlin (EUR"),
        "{sheet}"
    );
    // Norwood IV: 2,450 grafts at €1.50 is €3,675, rounded to €3,700.
    let row = sheet
        .lines()
        .find(|l| l.starts_with("Norwood IV "))
        .unwrap();
    assert!(row.contains("3,700 ("), "{row}");

    let (code, out, _) = smp_quote(
        &["--config", config, "quote", "-"],
        r#"{"pattern": "norwood-4"}"#,
    );
    assert_eq!(code, 0);
    let quote: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(quote["currency"], "EUR");
    assert_eq!(quote["transplant"]["cost"]["typical"], 3700);

    let (code, out, _) = smp_quote(&["--config", config, "config"], "");
    assert_eq!(code, 0);
    let effective: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(effective["locale"], "de-DE");
    assert_eq!(
        effective["smp"]["minimum_fee"], 1000.0,
        "defaults fill the rest"
    );
}

#[test]
fn an_invalid_config_names_every_bad_field_and_exits_non_zero() {
    let config = temp_file(
        "bad.json",
        r#"{"smp": {"bands": [], "price_per_session": -5}, "currency": "dollars"}"#,
    );
    let (code, out, err) = smp_quote(&["--config", config.to_str().unwrap(), "sheet"], "");
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(
        err.contains("currency: must be a three-letter currency code (ISO 4217)"),
        "{err}"
    );
    assert!(
        err.contains("smp.price_per_session: must be more than 0 and at most 10,000,000, not -5"),
        "{err}"
    );

    let broken = temp_file("broken.json", "{\"currency\": ");
    let (code, _, err) = smp_quote(&["--config", broken.to_str().unwrap(), "config"], "");
    assert_eq!(code, 1);
    assert!(err.contains("is not valid JSON"), "{err}");

    let (code, _, err) = smp_quote(&["--config", "/nonexistent/settings.json", "sheet"], "");
    assert_eq!(code, 1);
    assert!(
        err.contains("cannot read /nonexistent/settings.json"),
        "{err}"
    );
}

#[test]
fn a_bad_input_gets_field_messages_never_a_panic() {
    let (code, out, err) = smp_quote(
        &[
            "quote",
            r#"{"pattern": "norwood-3", "area_cm2": 0, "donor": "great"}"#,
        ],
        "",
    );
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "smp-quote: invalid input:\n  donor: must be one of good, average, poor, not \"great\"\n  area_cm2: must be more than 0 and at most 775 (a whole scalp), not 0\n"
    );
    let (code, _, err) = smp_quote(&["quote", "-"], "\u{0}\u{ff}garbage");
    assert_eq!(code, 1);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_market_preset_starts_config_sheet_and_quote_and_a_config_merges_over_it() {
    let (code, out, _) = smp_quote(&["--market", "uk", "config"], "");
    assert_eq!(code, 0);
    let effective: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(effective["currency"], "GBP");
    assert_eq!(effective["transplant"]["minimum_fee"], 4000.0);

    let config = temp_file("uk-name.json", r#"{"clinic_name": "London Hair"}"#);
    let config = config.to_str().unwrap();
    let (code, sheet, _) = smp_quote(&["--market", "uk", "--config", config, "sheet"], "");
    assert_eq!(code, 0);
    assert!(
        sheet.starts_with("Price sheet: London Hair (GBP"),
        "{sheet}"
    );
    // Alopecia totalis: no transplant price.
    let row = sheet
        .lines()
        .find(|l| l.starts_with("Alopecia totalis "))
        .unwrap();
    assert!(row.contains("not advised"), "{row}");

    let (code, out, _) = smp_quote(
        &["--market", "tr", "quote", r#"{"pattern": "norwood-2"}"#],
        "",
    );
    assert_eq!(code, 0);
    let quote: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(quote["currency"], "EUR");
    assert_eq!(
        quote["transplant"]["cost"]["min"], 1500,
        "the package floor"
    );

    let (code, _, err) = smp_quote(&["--market", "mars", "sheet"], "");
    assert_eq!(code, 2);
    assert!(err.contains("unknown market 'mars'"), "{err}");
}

#[test]
fn a_physicians_questions_change_the_printed_figures_and_are_printed_back() {
    let (code, blank, err) = smp_quote(&["quote", r#"{"pattern": "norwood-5"}"#], "");
    assert_eq!(code, 0, "{err}");
    let (code, answered, err) = smp_quote(
        &["quote", "-"],
        r#"{"pattern": "norwood-5", "calibre": "fine", "contrast": "high",
            "technique": "fue", "medical_therapy": "not-taking", "smp_health": ["keloid"]}"#,
    );
    assert_eq!(code, 0, "{err}");
    let blank: Value = serde_json::from_str(&blank).unwrap();
    let answered: Value = serde_json::from_str(&answered).unwrap();
    // The answers are printed back with the quote; a blank one is not.
    assert_eq!(answered["input"]["calibre"], "fine");
    assert_eq!(answered["input"]["smp_health"][0], "keloid");
    assert!(blank["input"].get("calibre").is_none());
    // 3,300 grafts × 1.15 × 1.10, to the nearest 50; $7 a graft.
    assert_eq!(blank["transplant"]["grafts"]["typical"], 3300);
    assert_eq!(answered["transplant"]["grafts"]["typical"], 4200);
    assert_eq!(answered["transplant"]["cost"]["typical"], 29400);
    assert_eq!(answered["smp"]["cost"], blank["smp"]["cost"]);
    let ids = |notes: &Value| -> Vec<String> {
        notes
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(ids(&answered["smp"]["notes"]).contains(&"smp-health-caution".to_string()));
    assert!(ids(&answered["breakdown"]).contains(&"explain-technique".to_string()));

    // A clinic's technique settings, from its file.
    let config = temp_file(
        "techniques.json",
        r#"{"transplant": {"techniques": {"fue": {"price_factor": 1.5}}}}"#,
    );
    let (code, out, err) = smp_quote(
        &["--config", config.to_str().unwrap(), "quote", "-"],
        r#"{"pattern": "norwood-5", "technique": "fue"}"#,
    );
    assert_eq!(code, 0, "{err}");
    let quote: Value = serde_json::from_str(&out).unwrap();
    // 3,300 grafts at $7 × 1.5.
    assert_eq!(quote["transplant"]["cost"]["typical"], 34650);
    let (code, _, err) = smp_quote(
        &["quote", r#"{"pattern": "norwood-5", "technique": "robot"}"#],
        "",
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("technique: must be one of fut, fue, unshaven-fue, not \"robot\""),
        "{err}"
    );
}
