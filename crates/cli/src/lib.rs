//! `smp-quote`: the clinic's command-line check of its settings. It calls
//! the same engine as the widget and only formats what the engine returns.
//!
//! A native tool only: built for the WebAssembly target (by `cargo clippy
//! --target wasm32-…` over the workspace), the crate is empty.

#![cfg(not(target_arch = "wasm32"))]

use std::io::{Read, Write};

use smp_engine::json::{self, Value};

use smp_engine::{
    describe_all, estimate, price_sheet, thousands, Catalogue, ClinicSettings, EstimateInput,
    FieldError, Market, Msg, Quote, Spread,
};

pub const USAGE: &str = "\
Usage: smp-quote [--market us|uk|eu|tr] [--config FILE] COMMAND

Commands:
  sheet              print the price sheet: every pattern with its area, SMP
                     sessions and cost, grafts, transplant cost and surgeries,
                     and the combined plan's cost
  quote INPUT_JSON   print the quote for one input as JSON ('-' reads the
                     input from standard input), e.g.
                     smp-quote quote '{\"pattern\": \"norwood-4\"}'; what a
                     physician asks is optional: calibre (fine, medium,
                     coarse), contrast (low, medium, high), technique (fut,
                     fue, unshaven-fue), medical_therapy (year-or-more,
                     just-started, not-taking) and smp_health (a list of
                     keloid, scalp-condition, alopecia-areata,
                     blood-thinners, pregnancy)
  config             print the effective settings as JSON: the market's
                     preset, or FILE merged over it
  schema             print the JSON Schema of a settings file (FILE)
  schema attributes  print the JSON Schema of the settings a page gives its
                     widget as data attributes (and the plugin's shortcode
                     and block as attributes)

Options:
  --market MARKET    start from a market's published prices: us (the
                     default), uk, eu (euro area) or tr (Turkey)
  --config FILE      the clinic's settings (JSON), merged over the market's
                     preset; without it, the preset as it is
  -h, --help         show this help
";

/// Exit codes: 0 success, 1 bad input, settings or JSON, 2 bad usage.
pub const EXIT_INVALID: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

enum Command {
    Sheet,
    Quote(String),
    Config,
    Schema,
    AttributesSchema,
}

/// The JSON Schema of a clinic's settings file, derived from the engine's
/// own types (so it cannot drift from what the engine reads).
pub fn settings_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(ClinicSettings);
    schema.insert(
        "title".into(),
        "SMP estimator: a clinic's settings file".into(),
    );
    schema.insert(
        "description".into(),
        "Every field may be left out: a file is merged over the defaults (or a market's preset), object by object. A price band needs its area and its three prices; financing needs both of its fields unless the defaults offer some.".into(),
    );
    let mut schema = schema.to_value();
    optional_fields(&mut schema);
    schema
}

/// Takes `required` out of every object of the schema: a settings file
/// names only what it changes.
fn optional_fields(schema: &mut serde_json::Value) {
    match schema {
        serde_json::Value::Object(map) => {
            map.remove("required");
            map.values_mut().for_each(optional_fields);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(optional_fields),
        _ => {}
    }
}

/// The JSON Schema of the settings an element takes as data attributes.
pub fn attributes_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(smp_engine::page_attributes::PageAttributes);
    schema.insert(
        "title".into(),
        "SMP estimator: the data attributes of a widget's element (without data-)".into(),
    );
    schema.to_value()
}

/// Runs the tool with `args` (without the program name) and returns the exit
/// code; everything it prints goes to `out` and `err`.
pub fn run(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match execute(args, stdin) {
        Ok(text) => {
            let _ = writeln!(out, "{text}");
            0
        }
        Err((code, message)) => {
            let _ = writeln!(err, "{message}");
            code
        }
    }
}

type Failure = (i32, String);

fn usage_error(message: &str) -> Failure {
    (EXIT_USAGE, format!("smp-quote: {message}\n\n{USAGE}"))
}

fn invalid(what: &str, problems: &[FieldError]) -> Failure {
    let lines = describe_all(problems).replace('\n', "\n  ");
    (EXIT_INVALID, format!("smp-quote: {what}:\n  {lines}"))
}

fn execute(args: &[String], stdin: &mut dyn Read) -> Result<String, Failure> {
    let mut config_path = None;
    let mut market = Market::UnitedStates;
    let mut command = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(USAGE.trim_end().to_string()),
            "--market" => match args.next().map(|id| (id, Market::from_id(id))) {
                Some((_, Some(chosen))) => market = chosen,
                Some((id, None)) => {
                    return Err(usage_error(&format!(
                        "unknown market '{id}' (one of us, uk, eu, tr)"
                    )))
                }
                None => return Err(usage_error("--market needs a market: us, uk, eu or tr")),
            },
            "--config" => match args.next() {
                Some(path) => config_path = Some(path.clone()),
                None => return Err(usage_error("--config needs a file name")),
            },
            "sheet" if command.is_none() => command = Some(Command::Sheet),
            "config" if command.is_none() => command = Some(Command::Config),
            "schema" if command.is_none() => command = Some(Command::Schema),
            "attributes" if matches!(command, Some(Command::Schema)) => {
                command = Some(Command::AttributesSchema)
            }
            "quote" if command.is_none() => match args.next() {
                Some(input) => command = Some(Command::Quote(input.clone())),
                None => return Err(usage_error("quote needs an input, as JSON or '-'")),
            },
            other => return Err(usage_error(&format!("unexpected argument '{other}'"))),
        }
    }
    let command = command.ok_or_else(|| usage_error("no command given"))?;
    match command {
        Command::Schema => return Ok(json::to_pretty_text(&settings_schema())),
        Command::AttributesSchema => return Ok(json::to_pretty_text(&attributes_schema())),
        _ => {}
    }

    let settings_json = match &config_path {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| (EXIT_INVALID, format!("smp-quote: cannot read {path}: {e}")))?;
            parse_json(&text, &format!("{path} is not valid JSON"))?
        }
        None => Value::Object(Vec::new()),
    };
    let settings_label = match &config_path {
        Some(path) => format!("invalid settings in {path}"),
        None => "invalid settings".to_string(),
    };
    let settings = ClinicSettings::from_json_over(&settings_json, market.settings())
        .map_err(|p| invalid(&settings_label, &p))?;

    match command {
        Command::Schema | Command::AttributesSchema => unreachable!("printed above"),
        Command::Config => Ok(to_pretty_json(&settings)),
        Command::Sheet => {
            let quotes = price_sheet(&settings).map_err(|p| invalid(&settings_label, &p))?;
            Ok(format_sheet(&settings, &quotes))
        }
        Command::Quote(input) => {
            let text = if input == "-" {
                let mut text = String::new();
                stdin.read_to_string(&mut text).map_err(|e| {
                    (
                        EXIT_INVALID,
                        format!("smp-quote: cannot read standard input: {e}"),
                    )
                })?;
                text
            } else {
                input
            };
            let input = parse_json(&text, "the input is not valid JSON")?;
            let input =
                EstimateInput::from_json(&input).map_err(|p| invalid("invalid input", &p))?;
            let quote = estimate(&input, &settings).map_err(|p| invalid("invalid input", &p))?;
            Ok(to_pretty_json(&quote))
        }
    }
}

fn parse_json(text: &str, what: &str) -> Result<Value, Failure> {
    json::parse(text).map_err(|e| (EXIT_INVALID, format!("smp-quote: {what}: {e}")))
}

fn to_pretty_json(value: &impl serde::Serialize) -> String {
    json::to_pretty_text(value)
}

fn money_range(spread: Spread<u64>) -> String {
    format!(
        "{} ({}–{})",
        thousands(spread.typical),
        thousands(spread.min),
        thousands(spread.max)
    )
}

fn count_range(spread: Spread<u32>) -> String {
    format!("{} ({}–{})", spread.typical, spread.min, spread.max)
}

/// The price sheet as a plain-text table.
pub fn format_sheet(settings: &ClinicSettings, quotes: &[Quote]) -> String {
    let english = Catalogue::english();
    let not_advised = english.text(Msg::TransplantNotAdvisedLabel);
    let header = [
        "Pattern",
        "Area cm²",
        "SMP sessions",
        "SMP cost",
        "Grafts",
        "Transplant cost",
        "Surgeries",
        "Surgery",
        "Combined cost",
    ];
    let rows: Vec<[String; 9]> = quotes
        .iter()
        .map(|quote| {
            let smp = &quote.smp;
            let transplant = &quote.transplant;
            let grafts = transplant.grafts.map(u64::from);
            [
                english.text(quote.input.pattern.info().name).to_string(),
                format!("{:.0}", quote.area_cm2),
                count_range(smp.sessions),
                money_range(smp.cost),
                format!(
                    "{} ({}–{})",
                    thousands(grafts.typical),
                    thousands(grafts.min),
                    thousands(grafts.max)
                ),
                transplant
                    .cost
                    .map_or_else(|| not_advised.to_string(), money_range),
                count_range(transplant.surgeries),
                transplant.candidate.id().to_string(),
                quote
                    .combined
                    .as_ref()
                    .map_or_else(|| "–".to_string(), |plan| money_range(plan.cost)),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        cells
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(index, (cell, width))| {
                let pad = " ".repeat(width - cell.chars().count());
                // Text left, figures right.
                if index == 0 || index == 7 {
                    format!("{cell}{pad}")
                } else {
                    format!("{pad}{cell}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = format!(
        "Price sheet: {} ({}, amounts typical (min–max), rounded to {})\n",
        settings.clinic_name,
        settings.currency,
        smp_engine::round_money(settings.rounding_step, 1.0).max(1)
    );
    out.push_str(&line(header.to_vec()));
    out.push('\n');
    out.push_str(&line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for row in &rows {
        out.push('\n');
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_with(args: &[&str], stdin: &str) -> (i32, String, String) {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(&args, &mut stdin.as_bytes(), &mut out, &mut err);
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    #[test]
    fn quote_reads_from_the_argument_or_standard_input() {
        let (code, out, _) = run_with(&["quote", r#"{"pattern":"norwood-4"}"#], "");
        assert_eq!(code, 0);
        let from_arg = json::parse(&out).unwrap();
        let (code, out, _) = run_with(&["quote", "-"], r#"{"pattern":"norwood-4"}"#);
        assert_eq!(code, 0);
        let from_stdin = json::parse(&out).unwrap();
        assert_eq!(from_arg, from_stdin);
        let pattern = from_arg.get("input").and_then(|i| i.get("pattern"));
        assert_eq!(pattern.and_then(Value::as_str), Some("norwood-4"));
    }

    #[test]
    fn bad_input_exits_non_zero_with_field_messages() {
        let (code, out, err) = run_with(&["quote", r#"{"pattern":"norwood-4","years":99}"#], "");
        assert_eq!((code, out.as_str()), (EXIT_INVALID, ""));
        assert_eq!(
            err,
            "smp-quote: invalid input:\n  years: must be from 1 to 30, not 99\n"
        );
        let (code, _, err) = run_with(&["quote", "{oops"], "");
        assert_eq!(code, EXIT_INVALID);
        assert!(
            err.starts_with(
                "smp-quote: the input is not valid JSON: key must be a string at line 1 column 2"
            ),
            "{err}"
        );
    }

    #[test]
    fn usage_errors_show_the_usage() {
        for args in [
            &[][..],
            &["frobnicate"][..],
            &["quote"][..],
            &["--config"][..],
        ] {
            let (code, _, err) = run_with(args, "");
            assert_eq!(code, EXIT_USAGE, "{args:?}");
            assert!(err.contains("Usage: smp-quote"), "{err}");
        }
        let (code, out, _) = run_with(&["--help"], "");
        assert_eq!(code, 0);
        assert!(out.starts_with("Usage: smp-quote"));
    }

    #[test]
    fn config_prints_the_defaults_which_read_back_unchanged() {
        let (code, out, _) = run_with(&["config"], "");
        assert_eq!(code, 0);
        let printed = json::parse(&out).unwrap();
        assert_eq!(
            ClinicSettings::from_json(&printed).unwrap(),
            ClinicSettings::default()
        );
    }

    #[test]
    fn sheet_lists_every_pattern_once() {
        let (code, out, _) = run_with(&["sheet"], "");
        assert_eq!(code, 0);
        // Title, header, rule and one row per pattern.
        assert_eq!(out.lines().count(), 3 + 19);
        assert!(out.lines().any(|l| l.starts_with("Norwood III vertex ")));
        assert!(out.starts_with("Price sheet: Our clinic (USD"));
    }
}
