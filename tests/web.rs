//! Component tests in a real headless Chromium: mount the widget into a
//! fresh element, act as a visitor would, and check what is on screen
//! against the engine's quote for the same input.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use smp_estimator::components::{mount, EstimatorProps};
use smp_estimator::model::{estimate, thousands, ClinicSettings, EstimateInput, Pattern, Quote};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn mounted(settings: ClinicSettings) -> Element {
    let root = fresh_root();
    mount(
        root.clone(),
        EstimatorProps {
            settings: Rc::new(settings),
        },
    );
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// Visible text with the non-breaking spaces Intl uses made plain.
fn text(root: &Element, selector: &str) -> String {
    find(root, selector)
        .text_content()
        .unwrap_or_default()
        .replace(['\u{a0}', '\u{202f}'], " ")
}

async fn pick(root: &Element, pattern: &str) {
    find(root, &format!("input[type=radio][value={pattern}]"))
        .unchecked_into::<HtmlElement>()
        .click();
    yew::scheduler::flush().await;
}

async fn type_area(root: &Element, value: &str) {
    let field: HtmlInputElement = find(root, ".smp-area-number").unchecked_into();
    field.set_value(value);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    let event = InputEvent::new_with_event_init_dict("input", &init).unwrap();
    field.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

fn engine(input: EstimateInput) -> Quote {
    estimate(&input, &ClinicSettings::default()).unwrap()
}

fn dollars(amount: u64) -> String {
    format!("${}", thousands(amount))
}

fn assert_shows_quote(root: &Element, quote: &Quote) {
    let (smp, transplant) = (&quote.smp, &quote.transplant);
    assert_eq!(
        text(root, "[data-figure=smp-sessions]"),
        format!(
            "{} (usually {} to {})",
            smp.sessions.typical, smp.sessions.min, smp.sessions.max
        )
    );
    assert_eq!(
        text(root, "[data-figure=smp-cost-typical]"),
        dollars(smp.cost.typical)
    );
    assert_eq!(
        text(root, "[data-figure=smp-cost-range]"),
        format!("{} – {}", dollars(smp.cost.min), dollars(smp.cost.max))
    );
    let grafts = transplant.grafts.map(u64::from);
    assert_eq!(
        text(root, "[data-figure=transplant-grafts]"),
        format!(
            "{} (usually {} – {})",
            thousands(grafts.typical),
            thousands(grafts.min),
            thousands(grafts.max)
        )
    );
    assert_eq!(
        text(root, "[data-figure=transplant-cost-typical]"),
        dollars(transplant.cost.typical)
    );
    assert_eq!(
        text(root, "[data-figure=transplant-cost-range]"),
        format!(
            "{} – {}",
            dollars(transplant.cost.min),
            dollars(transplant.cost.max)
        )
    );
}

#[wasm_bindgen_test]
async fn picking_a_pattern_shows_the_engines_quote() {
    let root = mounted(ClinicSettings::default()).await;
    assert!(text(&root, ".smp-results").contains("Choose the pattern closest to yours"));
    assert_eq!(
        root.query_selector_all("input[type=radio]")
            .unwrap()
            .length(),
        19
    );

    pick(&root, "norwood-4").await;
    assert_shows_quote(&root, &engine(EstimateInput::new(Pattern::Norwood4)));

    pick(&root, "norwood-7").await;
    let quote = engine(EstimateInput::new(Pattern::Norwood7));
    assert_shows_quote(&root, &quote);
    assert_eq!(
        text(&root, "[data-figure=transplant-candidate]"),
        "Likely a candidate"
    );
    // The area follows the pattern.
    let field: HtmlInputElement = find(&root, ".smp-area-number").unchecked_into();
    assert_eq!(field.value(), "210");
}

#[wasm_bindgen_test]
async fn a_typed_area_overrides_the_pattern_and_can_be_reset() {
    let root = mounted(ClinicSettings::default()).await;
    pick(&root, "norwood-3").await;
    type_area(&root, "100").await;
    let custom = engine(EstimateInput {
        area_cm2: Some(100.0),
        ..EstimateInput::new(Pattern::Norwood3)
    });
    assert_shows_quote(&root, &custom);

    find(&root, ".smp-reset")
        .unchecked_into::<HtmlElement>()
        .click();
    yew::scheduler::flush().await;
    assert_shows_quote(&root, &engine(EstimateInput::new(Pattern::Norwood3)));
    assert!(root.query_selector(".smp-reset").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_invalid_area_is_explained_and_what_was_typed_is_kept() {
    let root = mounted(ClinicSettings::default()).await;
    pick(&root, "ludwig-2").await;
    type_area(&root, "80").await;
    type_area(&root, "900").await;
    assert_eq!(
        text(&root, ".smp-field-error"),
        "Treatment area: must be more than 0 and at most 775 (a whole scalp), got 900"
    );
    let field: HtmlInputElement = find(&root, ".smp-area-number").unchecked_into();
    assert_eq!(field.value(), "900");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    // The figures stay those of the last valid area.
    assert_shows_quote(
        &root,
        &engine(EstimateInput {
            area_cm2: Some(80.0),
            ..EstimateInput::new(Pattern::Ludwig2)
        }),
    );
}

#[wasm_bindgen_test]
async fn money_follows_the_clinics_locale_and_currency() {
    let settings = ClinicSettings {
        currency: "EUR".into(),
        locale: "de-DE".into(),
        ..ClinicSettings::default()
    };
    let root = mounted(settings.clone()).await;
    pick(&root, "norwood-4").await;
    let quote = estimate(&EstimateInput::new(Pattern::Norwood4), &settings).unwrap();
    assert_eq!(quote.smp.cost.typical, 2800);
    assert_eq!(text(&root, "[data-figure=smp-cost-typical]"), "2.800 €");

    let settings = ClinicSettings {
        currency: "GBP".into(),
        locale: "en-GB".into(),
        ..ClinicSettings::default()
    };
    let root = mounted(settings).await;
    pick(&root, "norwood-4").await;
    assert_eq!(text(&root, "[data-figure=smp-cost-typical]"), "£2,800");
}

#[wasm_bindgen_test]
async fn invalid_settings_show_the_engines_messages_inside_the_widget() {
    let settings = ClinicSettings {
        rounding_step: 0.0,
        ..ClinicSettings::default()
    };
    let root = mounted(settings).await;
    pick(&root, "norwood-2").await;
    let shown = text(&root, ".smp-problems");
    assert!(
        shown.contains("rounding_step: must be a positive number of at most 100000, got 0"),
        "{shown}"
    );
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    let first = mounted(ClinicSettings::default()).await;
    let second = mounted(ClinicSettings::default()).await;
    pick(&first, "norwood-6").await;
    assert!(text(&second, ".smp-results").contains("Choose the pattern"));
    let first_name = find(&first, "input[type=radio]").get_attribute("name");
    let second_name = find(&second, "input[type=radio]").get_attribute("name");
    assert_ne!(
        first_name, second_name,
        "radio groups must not join across widgets"
    );
}
