//! The setup page's JavaScript API (`priceSheet`, `checkSettings`,
//! `markets`, `patterns`), compiled in only with the `setup-api` feature:
//! into `smp-estimator-setup.js` (`src/bin/smp-estimator-setup.rs`), the
//! module of `web/setup/configure.html` and of clinics' own tools. The
//! visitor's module leaves it out: it would cost every visitor 10.3 KB raw,
//! 4.4 KB gzip of WebAssembly (docs/performance.md). Values cross as plain
//! objects, as in `js_api`.

use wasm_bindgen::prelude::*;

use crate::js_api::{from_js, problems_error, to_js};
use smp_engine::ClinicSettings;
use smp_engine::{ToJson, Value};
use smp_widget::js_value;

/// The clinic's price sheet: a quote for every pattern at its usual area
/// (the figures `smp-quote sheet` prints), or an `Error` like `estimate`'s.
#[wasm_bindgen(js_name = priceSheet)]
pub fn price_sheet(settings: JsValue) -> Result<JsValue, JsValue> {
    ClinicSettings::from_json(&from_js(&settings))
        .and_then(|settings| smp_engine::price_sheet(&settings))
        .map(|quotes| to_js(&quotes))
        .map_err(|problems| problems_error(&problems))
}

/// Checks a clinic's settings with the engine's own rules: `{settings,
/// problems}`, where `settings` is the whole settings (defaults filled in)
/// or `null`, and `problems` every problem as `{field, message}`.
#[wasm_bindgen(js_name = checkSettings)]
pub fn check_settings(settings: JsValue) -> JsValue {
    let (settings, problems) = match ClinicSettings::from_json(&from_js(&settings)) {
        Ok(settings) => (settings.to_json(), Vec::new()),
        Err(problems) => (Value::Null, problems),
    };
    js_value::to_js(&Value::object(vec![
        ("settings", settings),
        ("problems", problems.to_json()),
    ]))
}

/// The markets a clinic can start from: `[{id, name, sources, settings}]`.
#[wasm_bindgen]
pub fn markets() -> JsValue {
    to_js(&smp_engine::Market::ALL.to_vec())
}

/// The patterns a visitor can pick, in the picker's order: `[{id, name,
/// description, usual_area_cm2}]` (for the setup page's price sheet).
#[wasm_bindgen]
pub fn patterns() -> JsValue {
    let english = smp_engine::Catalogue::english();
    let list: Vec<Value> = smp_engine::Pattern::all()
        .map(|pattern| {
            let info = pattern.info();
            Value::object(vec![
                ("id", info.id.to_json()),
                // The setup page is in English.
                ("name", english.text(info.name).to_json()),
                ("description", english.text(info.description).to_json()),
                ("usual_area_cm2", info.default_area_cm2().to_json()),
            ])
        })
        .collect();
    js_value::to_js(&Value::Array(list))
}
