//! Component tests in a real headless Chromium: mount the widget into a
//! fresh element, act as a visitor would, and check what is on screen
//! against the engine's quote for the same input.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use smp_engine::messages::Writer;
use smp_engine::{
    estimate, thousands, Catalogue, ClinicSettings, Donor, EstimateInput, Figure, Pattern, Quote,
    Region, Scar, ScarKind, CM2_PER_IN2,
};
use smp_widget::components::{mount, EstimatorProps};
use smp_widget::state::Unit;
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
            // The tests type areas in cm²; the locale's own unit is tested
            // on its own below.
            unit: Some(Unit::Cm2),
            ..EstimatorProps::default()
        },
    );
    settle().await;
    root
}

/// Lets the widget finish its first renders: the figures at once, the
/// drawings, chart and closed details in the task after.
async fn settle() {
    smp_widget::components::rendered().await;
    yew::scheduler::flush().await;
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

async fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
    // A first pick's area, cards and the rest come a frame after its answer.
    smp_widget::components::next_paint().await;
    smp_widget::components::next_paint().await;
    yew::scheduler::flush().await;
}

/// Opens the further details, as a visitor does (their fields come then).
async fn open_details(root: &Element) {
    click(root, ".smp-details > summary").await;
    assert!(find(root, ".smp-details").has_attribute("open"));
    find(root, ".smp-details-body");
}

/// The toggle button that shows `pattern`'s group (men, women, other).
fn group_button(pattern: Pattern) -> String {
    let position = match pattern.scale() {
        smp_engine::Scale::Norwood => 1,
        smp_engine::Scale::Ludwig => 2,
        smp_engine::Scale::Other => 3,
    };
    format!(".smp-group-button:nth-child({position})")
}

/// Picks a pattern as a visitor does: its group first, then its picture.
async fn pick(root: &Element, pattern: &str) {
    click(root, &group_button(Pattern::from_id(pattern).unwrap())).await;
    click(root, &format!("input[type=radio][value={pattern}]")).await;
}

async fn type_into(root: &Element, selector: &str, value: &str) {
    let field: HtmlInputElement = find(root, selector).unchecked_into();
    field.set_value(value);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    let event = InputEvent::new_with_event_init_dict("input", &init).unwrap();
    field.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

async fn type_area(root: &Element, value: &str) {
    type_into(root, ".smp-area-number", value).await;
}

fn engine(input: EstimateInput) -> Quote {
    estimate(&input, &ClinicSettings::default()).unwrap()
}

/// A range of money as the widget writes it: one figure when both ends
/// are the same (a minimum fee, say).
fn dollar_range(min: u64, max: u64) -> String {
    if min == max {
        dollars(min)
    } else {
        format!("{} – {}", dollars(min), dollars(max))
    }
}

fn dollars(amount: u64) -> String {
    format!("${}", thousands(amount))
}

/// English figures as an en-US page shows them, written here rather than
/// with the browser's Intl, so the test checks the widget's formatting.
struct Dollars;

impl Writer for Dollars {
    fn number(&self, figure: &Figure) -> String {
        match *figure {
            Figure::Money(amount) => dollars(amount),
            Figure::Price(price) if price.fract() == 0.0 => dollars(price as u64),
            Figure::Price(price) => format!("${price:.2}"),
            Figure::Count(count) => thousands(count),
            Figure::Decimal(value) => format!("{value}"),
            Figure::Percent(value) => format!("{value}%"),
            _ => String::new(),
        }
    }

    fn plural(&self, value: f64) -> String {
        if value == 1.0 { "one" } else { "other" }.into()
    }

    /// As English joins things: "A and B", "A, B, and C".
    fn list(&self, mut items: Vec<String>) -> String {
        match items.len() {
            0 | 1 => items.join(""),
            2 => items.join(" and "),
            _ => {
                let last = items.pop().unwrap_or_default();
                format!("{}, and {last}", items.join(", "))
            }
        }
    }
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
        dollar_range(smp.cost.min, smp.cost.max)
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
    match transplant.cost {
        Some(cost) => {
            assert_eq!(
                text(root, "[data-figure=transplant-cost-typical]"),
                dollars(cost.typical)
            );
            assert_eq!(
                text(root, "[data-figure=transplant-cost-range]"),
                dollar_range(cost.min, cost.max)
            );
        }
        // Not advised: the engine gives no price, and neither does the card.
        None => {
            assert_eq!(
                text(root, "[data-figure=transplant-cost-typical]"),
                "not advised"
            );
            assert!(root
                .query_selector("[data-figure=transplant-cost-range]")
                .unwrap()
                .is_none());
        }
    }
    match &quote.combined {
        Some(plan) => {
            assert_eq!(
                text(root, "[data-figure=combined-cost-typical]"),
                dollars(plan.cost.typical)
            );
            assert_eq!(
                text(root, "[data-figure=combined-cost-range]"),
                dollar_range(plan.cost.min, plan.cost.max)
            );
        }
        None => {
            assert!(root.query_selector(".smp-card-combined").unwrap().is_none());
            let why = quote.combined_note.as_ref().expect("the engine says why");
            assert_eq!(
                text(root, ".smp-combined-none"),
                Catalogue::english().format(why.id, &why.values, &Dollars)
            );
        }
    }
}

#[wasm_bindgen_test]
async fn picking_a_pattern_shows_the_engines_quote() {
    let root = mounted(ClinicSettings::default()).await;
    assert!(text(&root, ".smp-results").contains("Choose the pattern closest to yours"));
    let pictures = root.query_selector_all(".smp-choice-input").unwrap();
    assert_eq!(pictures.length(), 12, "men's patterns are shown first");

    pick(&root, "norwood-4").await;
    assert_shows_quote(&root, &engine(EstimateInput::new(Pattern::Norwood4)));

    pick(&root, "norwood-7").await;
    let quote = engine(EstimateInput::new(Pattern::Norwood7));
    assert_shows_quote(&root, &quote);
    // Most of the lifetime supply is spent: not a plain yes.
    assert_eq!(
        text(&root, "[data-figure=transplant-candidate]"),
        "Possible, with caution"
    );
    // The area follows the pattern.
    let field: HtmlInputElement = find(&root, ".smp-area-number").unchecked_into();
    assert_eq!(field.value(), "210");
}

#[wasm_bindgen_test]
async fn a_first_pick_shows_its_price_at_once_and_the_cards_a_frame_later() {
    let root = mounted(ClinicSettings::default()).await;
    let price = |root: &Element| {
        root.query_selector("[data-figure=answer-smp]")
            .unwrap()
            .map(|e| {
                e.text_content()
                    .unwrap_or_default()
                    .replace(['\u{a0}', '\u{202f}'], " ")
            })
    };
    let cards = |root: &Element| root.query_selector(".smp-cards").unwrap().is_some();
    let quote = engine(EstimateInput::new(Pattern::Norwood4));
    // The visitor's first pick: the price under the picker in the same
    // task, the cards only after the frame that showed it.
    find(&root, "input[type=radio][value=norwood-4]")
        .unchecked_into::<HtmlElement>()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(price(&root), Some(dollars(quote.smp.cost.typical)));
    assert!(!cards(&root), "the cards wait for the next frame");
    smp_widget::components::next_paint().await;
    smp_widget::components::next_paint().await;
    yew::scheduler::flush().await;
    assert!(cards(&root));
    assert_shows_quote(&root, &quote);
    // A later pick changes every figure at once.
    find(&root, "input[type=radio][value=norwood-6]")
        .unchecked_into::<HtmlElement>()
        .click();
    yew::scheduler::flush().await;
    assert_shows_quote(&root, &engine(EstimateInput::new(Pattern::Norwood6)));
}

#[wasm_bindgen_test]
async fn the_answer_shown_on_the_first_screen_is_the_live_widgets_own() {
    // A visitor picked Norwood V on the static first screen, in Germany, at
    // a clinic with its own booking page and prices in euros.
    let settings = ClinicSettings {
        currency: "EUR".into(),
        locale: "de-DE".into(),
        booking_url: Some("https://clinic.example/termin".into()),
        clinic_name: "Haarpraxis Mitte".into(),
        ..ClinicSettings::default()
    };
    let props = EstimatorProps {
        settings: Rc::new(settings.clone()),
        picked: Some(Pattern::Norwood5),
        ..EstimatorProps::default()
    };
    let first = fresh_root();
    mount(
        first.clone(),
        EstimatorProps {
            answer_only: true,
            ..props.clone()
        },
    );
    let live = fresh_root();
    mount(live.clone(), props);
    settle().await;
    // The same markup, so the swap from one to the other moves nothing.
    assert_eq!(
        find(&first, ".smp-answer").outer_html(),
        find(&live, ".smp-answer").outer_html()
    );
    let quote = estimate(&EstimateInput::new(Pattern::Norwood5), &settings).unwrap();
    let euros = text(&first, "[data-figure=answer-smp]");
    assert!(
        euros
            .replace('.', "")
            .contains(&quote.smp.cost.typical.to_string())
            && euros.contains('€'),
        "{euros}"
    );
    // The live widget starts with the pick, answered in full, its radio
    // checked: nothing to replay.
    let radio: HtmlInputElement =
        find(&live, "input[type=radio][value=norwood-5]").unchecked_into();
    assert!(radio.checked());
    assert!(live.query_selector(".smp-cards").unwrap().is_some());
    // No pick on the static screen, no answer there (not even to a
    // clinic's preset, which the live widget shows once it is there).
    let none = fresh_root();
    mount(
        none.clone(),
        EstimatorProps {
            answer_only: true,
            preset: Some(EstimateInput::new(Pattern::Norwood3)),
            ..EstimatorProps::default()
        },
    );
    settle().await;
    assert_eq!(none.inner_html(), "");
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
        "Treatment area: enter more than 0 and at most 775 cm² (a whole scalp)."
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
        shown.contains("rounding_step: must be from 0.01 to 100,000, not 0"),
        "{shown}"
    );
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    let first = mounted(ClinicSettings::default()).await;
    let second = mounted(ClinicSettings::default()).await;
    pick(&first, "norwood-6").await;
    assert!(text(&second, ".smp-results").contains("Choose the pattern"));
    let first_name = find(&first, ".smp-choice-input").get_attribute("name");
    let second_name = find(&second, ".smp-choice-input").get_attribute("name");
    assert_ne!(
        first_name, second_name,
        "radio groups must not join across widgets"
    );
}

/// Every figure of both cards, the comparison and the chart's table.
fn assert_shows_every_figure(root: &Element, quote: &Quote) {
    assert_shows_quote(root, quote);
    let (smp, transplant) = (&quote.smp, &quote.transplant);
    let hours = |min: f64, max: f64| {
        if min == max {
            format!("{min}")
        } else {
            format!("{min}–{max}")
        }
    };
    assert_eq!(
        text(root, "[data-figure=smp-hours]"),
        format!(
            "{} hours",
            hours(smp.hours_per_session.min, smp.hours_per_session.max)
        )
    );
    assert_eq!(
        text(root, "[data-figure=smp-touch-up]"),
        format!(
            "every {}–{} years, {} – {} each",
            smp.touch_up.every_years.min,
            smp.touch_up.every_years.max,
            dollars(smp.touch_up.cost.min),
            dollars(smp.touch_up.cost.max)
        )
    );
    let schedule = root
        .query_selector_all("[data-figure=smp-schedule] li")
        .unwrap();
    assert_eq!(schedule.length(), smp.sessions.typical);
    assert_eq!(
        text(root, "[data-figure=smp-weeks]"),
        format!(
            "About {}–{} weeks from the first session to the last.",
            smp.typical_weeks.min, smp.typical_weeks.max
        )
    );
    // The span of the sessions listed above it, not of the fewest to the most.
    let gaps = f64::from(schedule.length() - 1);
    assert_eq!(smp.typical_weeks.min, gaps * smp.weeks_between_sessions.min);
    assert_eq!(smp.typical_weeks.max, gaps * smp.weeks_between_sessions.max);
    let surgeries = transplant.surgeries;
    assert_eq!(
        text(root, "[data-figure=transplant-surgeries]"),
        format!(
            "{} {} (from {} to {})",
            surgeries.typical,
            if surgeries.typical == 1 {
                "surgery"
            } else {
                "surgeries"
            },
            surgeries.min,
            surgeries.max
        )
    );
    let donor = &transplant.donor_summary;
    assert_eq!(
        text(root, "[data-figure=transplant-donor]"),
        Catalogue::english().format(donor.id, &donor.values, &Dollars)
    );
    assert_eq!(
        text(root, "[data-figure=transplant-downtime]"),
        format!(
            "{}–{} days",
            transplant.downtime_days.min, transplant.downtime_days.max
        )
    );
    assert_eq!(
        text(root, "[data-figure=transplant-result]"),
        format!(
            "after {}–{} months",
            transplant.months_to_result.min, transplant.months_to_result.max
        )
    );
    // The comparison's first and last rows, and every row of the chart's table.
    let last = quote.lifetime.years as usize;
    let lifetime = &quote.lifetime;
    // A column per option the engine offers: a transplant not advised
    // reads so, and the combined plan has a column only where it exists.
    let at = |series: &Option<Vec<u64>>, year: usize, absent: &str| {
        series
            .as_ref()
            .map_or(absent.to_string(), |series| dollars(series[year]))
    };
    assert_eq!(
        text(root, "tr[data-row=upfront]"),
        format!(
            "Upfront cost{}{}{}",
            dollars(smp.cost.typical),
            transplant
                .cost
                .map_or("not advised".to_string(), |cost| dollars(cost.typical)),
            quote
                .combined
                .as_ref()
                .map_or(String::new(), |plan| dollars(plan.cost.typical))
        )
    );
    assert_eq!(
        text(root, "tr[data-row=lifetime]"),
        format!(
            "Total over {} years{}{}{}",
            lifetime.years,
            dollars(lifetime.smp[last]),
            at(&lifetime.transplant, last, "not advised"),
            at(&lifetime.combined, last, "")
        )
    );
    let rows = root
        .query_selector_all(".smp-chart-table tbody tr")
        .unwrap();
    assert_eq!(rows.length() as usize, last + 1);
    for year in 0..=last {
        let row = rows.item(year as u32).unwrap().text_content().unwrap();
        assert_eq!(
            row,
            format!(
                "{year}{}{}{}",
                dollars(lifetime.smp[year]),
                at(&lifetime.transplant, year, ""),
                at(&lifetime.combined, year, "")
            )
        );
    }
    // Every line of "How we estimated this" is the engine's.
    let notes = root.query_selector_all(".smp-breakdown li").unwrap();
    assert_eq!(notes.length() as usize, quote.breakdown.len());
    for (index, note) in quote.breakdown.iter().enumerate() {
        // Money in the clinic's locale (en-US here), not the engine's "USD 2,800".
        let expected = Catalogue::english().format(note.id, &note.values, &Dollars);
        assert_eq!(
            notes.item(index as u32).unwrap().text_content().unwrap(),
            expected
        );
    }
    assert!(text(root, "[data-figure=summary]").contains(&dollars(smp.cost.typical)));
}

#[wasm_bindgen_test]
async fn every_card_table_and_chart_figure_is_the_engines() {
    let root = mounted(ClinicSettings::default()).await;
    pick(&root, "norwood-6").await;
    assert_shows_every_figure(&root, &engine(EstimateInput::new(Pattern::Norwood6)));
    pick(&root, "ludwig-3").await;
    assert_shows_every_figure(&root, &engine(EstimateInput::new(Pattern::Ludwig3)));
    pick(&root, "scar-only").await;
    assert_shows_every_figure(&root, &engine(EstimateInput::new(Pattern::ScarOnly)));
}

#[wasm_bindgen_test]
async fn the_combined_plan_is_a_third_option_and_a_transplant_not_advised_has_no_price() {
    let root = mounted(ClinicSettings::default()).await;
    pick(&root, "norwood-5").await;
    let quote = engine(EstimateInput::new(Pattern::Norwood5));
    let plan = quote
        .combined
        .as_ref()
        .expect("Norwood V gets a combined plan");
    assert_shows_every_figure(&root, &quote);
    assert_eq!(
        text(&root, ".smp-compare thead").trim(),
        "SMPHair transplantCombined"
    );
    assert_eq!(
        root.query_selector_all(".smp-chart-combined")
            .unwrap()
            .length(),
        1
    );
    assert!(text(&root, "[data-figure=combined-transplant]")
        .contains(&thousands(plan.grafts.typical.into())));

    pick(&root, "alopecia-totalis").await;
    let quote = engine(EstimateInput::new(Pattern::AlopeciaTotalis));
    assert_eq!(quote.transplant.cost, None);
    assert_shows_every_figure(&root, &quote);
    assert!(root
        .query_selector(".smp-chart-transplant")
        .unwrap()
        .is_none());
    assert!(text(&root, ".smp-card-transplant").contains("not advised"));
    // No hair is left to hide pigment among: the look is not offered.
    open_details(&root).await;
    assert!(root
        .query_selector("input[value=shaved]")
        .unwrap()
        .is_some());
    assert!(root
        .query_selector("input[value=density]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn the_visitors_age_reaches_the_engine_and_a_wrong_one_is_explained() {
    let root = mounted(ClinicSettings::default()).await;
    pick(&root, "norwood-3").await;
    open_details(&root).await;
    let age_field = ".smp-details-body > .smp-inline-field input";
    type_into(&root, age_field, "21").await;
    let young = engine(EstimateInput {
        age: Some(21),
        ..EstimateInput::new(Pattern::Norwood3)
    });
    assert_shows_quote(&root, &young);
    assert!(text(&root, ".smp-card-transplant").contains("At 21"));
    type_into(&root, age_field, "12").await;
    assert_eq!(
        text(&root, ".smp-details-body > .smp-field-error"),
        "Enter your age as a whole number of years from 18 to 90."
    );
    let field: HtmlInputElement = find(&root, age_field).unchecked_into();
    assert_eq!(field.value(), "12", "what was typed is kept");
    assert_shows_quote(&root, &young);
}

#[wasm_bindgen_test]
async fn the_picker_groups_patterns_and_describes_the_choice() {
    let root = mounted(ClinicSettings::default()).await;
    let pressed = |root: &Element| text(root, ".smp-group-button[aria-pressed=true]");
    assert_eq!(pressed(&root), "Men");
    click(&root, ".smp-group-button:nth-child(2)").await;
    assert_eq!(pressed(&root), "Women");
    assert_eq!(
        root.query_selector_all(".smp-choice-input")
            .unwrap()
            .length(),
        3
    );
    click(&root, ".smp-group-button:nth-child(3)").await;
    assert_eq!(
        root.query_selector_all(".smp-choice-input")
            .unwrap()
            .length(),
        4
    );
    // Every picture has an accessible name, and each choice its description.
    let english = Catalogue::english();
    for pattern in Pattern::all() {
        let info = pattern.info();
        click(&root, &group_button(pattern)).await;
        let radio = find(&root, &format!(".smp-choice-input[value={}]", info.id));
        let label = radio.parent_element().unwrap();
        let svg = label.query_selector("svg").unwrap().unwrap();
        assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
        assert_eq!(
            svg.get_attribute("aria-label"),
            Some(format!("Top view of a head: {}", english.text(info.name)))
        );
        let description_id = radio.get_attribute("aria-describedby").unwrap();
        let description = gloo::utils::document()
            .get_element_by_id(&description_id)
            .unwrap();
        assert_eq!(
            description.text_content().unwrap(),
            english.text(info.description)
        );
    }
    pick(&root, "alopecia-areata").await;
    assert_eq!(
        text(&root, "[data-figure=pattern-description]"),
        english.text(Pattern::AlopeciaAreata.info().description)
    );
}

#[wasm_bindgen_test]
async fn regions_and_units_change_the_area() {
    let root = mounted(ClinicSettings::default()).await;
    pick(&root, "norwood-3").await;
    click(&root, ".smp-region input[value=crown]").await;
    let with_crown = engine(EstimateInput {
        regions: Some(vec![Region::Hairline, Region::Crown]),
        ..EstimateInput::new(Pattern::Norwood3)
    });
    assert_shows_quote(&root, &with_crown);
    let field: HtmlInputElement = find(&root, ".smp-area-number").unchecked_into();
    // Norwood III's hairline (40) and the crown at its extent at that stage
    // (20), not a whole crown.
    assert_eq!(with_crown.area_cm2, 60.0);
    assert_eq!(field.value(), "60");

    // Square inches: the same area shown in inches, and typed in inches.
    click(&root, ".smp-unit:nth-of-type(2) input").await;
    assert_eq!(
        text(&root, ".smp-area-size .smp-label"),
        "Treatment area (in²)"
    );
    let field: HtmlInputElement = find(&root, ".smp-area-number").unchecked_into();
    assert_eq!(field.value(), "9.3");
    type_area(&root, "20").await;
    assert_shows_quote(
        &root,
        &engine(EstimateInput {
            area_cm2: Some(20.0 * CM2_PER_IN2),
            regions: Some(vec![Region::Hairline, Region::Crown]),
            ..EstimateInput::new(Pattern::Norwood3)
        }),
    );
}

#[wasm_bindgen_test]
async fn further_details_change_the_quote() {
    let root = mounted(ClinicSettings::default()).await;
    pick(&root, "norwood-5").await;
    assert!(
        !find(&root, ".smp-details").has_attribute("open"),
        "collapsed at first"
    );
    assert!(
        root.query_selector(".smp-details-body").unwrap().is_none(),
        "its fields come when it is opened"
    );
    open_details(&root).await;
    click(&root, ".smp-option:nth-of-type(3) input").await; // FUT strip
    type_into(&root, ".smp-short-input", "22").await;
    let donor_poor = format!(
        "input[name={}-donor]",
        find(&root, ".smp-choice-input")
            .get_attribute("name")
            .unwrap()
            .trim_end_matches("-pattern")
    );
    let poor = root
        .query_selector_all(&donor_poor)
        .unwrap()
        .item(2)
        .unwrap();
    poor.unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
    let select: web_sys::HtmlSelectElement = find(&root, ".smp-select").unchecked_into();
    select.set_value("20");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let expected = engine(EstimateInput {
        scar: Some(Scar {
            kind: ScarKind::Fut,
            length_cm: Some(22.0),
        }),
        donor: Donor::Poor,
        years: 20,
        ..EstimateInput::new(Pattern::Norwood5)
    });
    assert_shows_every_figure(&root, &expected);
    assert!(text(&root, ".smp-card-smp").contains("A strip scar must be fully healed"));

    type_into(&root, ".smp-short-input", "45").await;
    assert_eq!(
        text(&root, ".smp-details .smp-field-error"),
        "Strip length: enter more than 0 and at most 40 cm."
    );
    assert_shows_every_figure(&root, &expected);
}

#[wasm_bindgen_test]
async fn the_call_to_action_carries_the_answers_to_the_clinics_booking_page() {
    let settings = ClinicSettings {
        clinic_name: "Northside Hair Studio".into(),
        booking_url: Some("https://clinic.example/book".into()),
        ..ClinicSettings::default()
    };
    let root = mounted(settings.clone()).await;
    pick(&root, "norwood-4").await;
    let link = find(&root, "[data-figure=booking-link]");
    let quote = estimate(&EstimateInput::new(Pattern::Norwood4), &settings).unwrap();
    assert_eq!(link.get_attribute("href"), quote.booking_url);
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://clinic.example/book?pattern=norwood-4&area_cm2=83&sessions=3")
    );
    assert_eq!(
        link.text_content().unwrap(),
        "Book a consultation with Northside Hair Studio"
    );

    let root = mounted(ClinicSettings::default()).await;
    pick(&root, "norwood-4").await;
    assert!(root
        .query_selector("[data-figure=booking-link]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn the_visitors_language_sets_the_words_numbers_direction_and_unit() {
    // An en-US locale with no unit given starts in square inches.
    let root = fresh_root();
    mount(root.clone(), EstimatorProps::default());
    settle().await;
    pick(&root, "norwood-4").await;
    assert_eq!(
        text(&root, ".smp-area-size .smp-label"),
        "Treatment area (in²)"
    );

    // Arabic for Egypt: right to left, its own words, the locale's numerals
    // (Arabic-Indic in ar-EG; CLDR gives plain `ar` Western digits) and
    // square centimetres.
    let arabic = smp_widget::js_value::parse(include_str!("../i18n/ar.json")).unwrap();
    let read = Catalogue::read("ar", &arabic).unwrap();
    assert_eq!(read.skipped, Vec::<String>::new());
    let arabic = Rc::new(read.catalogue);
    let root = fresh_root();
    mount(
        root.clone(),
        EstimatorProps {
            messages: arabic.clone(),
            locale: Some("ar-EG".into()),
            ..EstimatorProps::default()
        },
    );
    settle().await;
    let widget = find(&root, "section.smp-estimator");
    assert_eq!(widget.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("ar-EG"));
    assert_eq!(
        text(&root, ".smp-title"),
        arabic.text(smp_engine::Msg::WidgetTitle)
    );
    pick(&root, "norwood-4").await;
    let sessions = text(&root, "[data-figure=smp-sessions]");
    assert!(
        sessions
            .chars()
            .any(|c| ('\u{660}'..='\u{669}').contains(&c)),
        "Arabic-Indic digits in {sessions:?}"
    );
    assert!(
        !sessions.chars().any(|c| c.is_ascii_digit()),
        "{sessions:?}"
    );
    assert!(text(&root, ".smp-area-size .smp-label").contains("سم²"));
}

#[wasm_bindgen_test]
async fn another_group_never_leaves_the_last_patterns_description_and_quote() {
    let root = mounted(ClinicSettings::default()).await;
    pick(&root, "norwood-4").await;
    assert!(root.query_selector(".smp-card-smp").unwrap().is_some());
    click(&root, &group_button(Pattern::Ludwig1)).await;
    settle().await;
    // The women's pictures, none chosen: the prompt, and no quote.
    assert_eq!(
        text(&root, "[data-figure=pattern-description]"),
        "Choose the picture closest to your hair today."
    );
    assert!(root.query_selector(".smp-card-smp").unwrap().is_none());
    assert!(text(&root, ".smp-results").contains("Choose the pattern closest to yours"));
    assert!(root
        .query_selector("input[type=radio]:checked[value^=norwood]")
        .unwrap()
        .is_none());
    pick(&root, "ludwig-2").await;
    assert_shows_quote(&root, &engine(EstimateInput::new(Pattern::Ludwig2)));
}

#[wasm_bindgen_test]
fn a_german_chart_axis_groups_thousands_as_the_rest_of_the_widget() {
    let german =
        smp_widget::format::Formats::new("de-DE", "USD", Rc::new(Catalogue::english().clone()));
    let plain = |text: String| text.replace(['\u{a0}', '\u{202f}'], " ");
    assert_eq!(plain(german.money_compact(5000)), "5.000 $");
    assert_eq!(plain(german.money_compact(10000)), "10.000 $");
    assert_eq!(plain(german.money(2800)), "2.800 $");
}

#[wasm_bindgen_test]
fn regions_are_listed_with_the_languages_own_and() {
    let list = |locale: &str, items: &[&str]| {
        let formats =
            smp_widget::format::Formats::new(locale, "USD", Rc::new(Catalogue::english().clone()));
        Writer::list(
            &formats,
            items.iter().map(|item| item.to_string()).collect(),
        )
    };
    // Not CLDR's unit list, which Turkish joins with bare spaces.
    assert_eq!(
        list("tr", &["Saç çizgisi ve şakaklar", "Ön bölge", "Orta bölge"]),
        "Saç çizgisi ve şakaklar, Ön bölge ve Orta bölge"
    );
    assert_eq!(
        list("en-US", &["Hairline and temples", "Front", "Crown"]),
        "Hairline and temples, Front, and Crown"
    );
}

#[wasm_bindgen_test]
fn a_percent_takes_the_locales_sign_where_the_locale_puts_it() {
    let percent = |locale: &str, value: f64| {
        smp_widget::format::Formats::new(locale, "USD", Rc::new(Catalogue::english().clone()))
            .percent(value)
            // Intl marks the direction and spaces the sign in some locales.
            .replace(['\u{200e}', '\u{200f}', '\u{61c}'], "")
            .replace(['\u{a0}', '\u{202f}'], " ")
    };
    assert_eq!(percent("en-US", 9.99), "9.99%");
    assert_eq!(percent("de-DE", 20.0), "20 %");
    assert_eq!(percent("tr-TR", 20.0), "%20");
    // Egyptian Arabic: Arabic-Indic digits and the Arabic percent sign.
    assert_eq!(percent("ar-EG", 20.0), "٢٠٪");
}

#[wasm_bindgen_test]
async fn the_answer_under_the_picker_gives_each_options_typical_price() {
    let root = mounted(ClinicSettings::default()).await;
    assert!(root.query_selector(".smp-answer").unwrap().is_none());
    pick(&root, "norwood-5").await;
    let quote = engine(EstimateInput::new(Pattern::Norwood5));
    assert_eq!(
        text(&root, "[data-figure=answer-smp]"),
        dollars(quote.smp.cost.typical)
    );
    assert_eq!(
        text(&root, "[data-figure=answer-transplant]"),
        dollars(quote.transplant.cost.unwrap().typical)
    );
    assert_eq!(
        text(&root, "[data-figure=answer-combined]"),
        dollars(quote.combined.unwrap().cost.typical)
    );
    // Right under the picker, before the area and the details.
    let answer = find(&root, ".smp-answer");
    let previous = answer.previous_element_sibling().unwrap();
    assert!(
        previous.class_name().contains("smp-picker"),
        "{}",
        previous.class_name()
    );
    pick(&root, "alopecia-totalis").await;
    assert_eq!(
        text(&root, "[data-figure=answer-transplant]"),
        "not advised"
    );
    assert!(root
        .query_selector("[data-figure=answer-combined]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_clinic_without_a_name_reads_the_clinic_and_one_with_a_name_its_own() {
    let unnamed = mounted(ClinicSettings {
        booking_url: Some("https://clinic.example/book".into()),
        ..ClinicSettings::default()
    })
    .await;
    pick(&unnamed, "norwood-4").await;
    assert!(text(&unnamed, ".smp-disclaimer").contains("published figures and the clinic's prices"));
    assert_eq!(
        text(&unnamed, "[data-figure=booking-link]"),
        "Book a consultation"
    );
    let named = mounted(ClinicSettings {
        clinic_name: "Northside Hair Studio".into(),
        booking_url: Some("https://clinic.example/book".into()),
        ..ClinicSettings::default()
    })
    .await;
    pick(&named, "norwood-4").await;
    assert!(text(&named, ".smp-disclaimer")
        .contains("published figures and Northside Hair Studio's prices"));
    assert_eq!(
        text(&named, "[data-figure=booking-link]"),
        "Book a consultation with Northside Hair Studio"
    );
}

#[wasm_bindgen_test]
async fn beside_square_inches_the_strip_length_is_in_inches() {
    let root = fresh_root();
    mount(
        root.clone(),
        EstimatorProps {
            settings: Rc::new(ClinicSettings::default()),
            unit: Some(Unit::In2),
            ..EstimatorProps::default()
        },
    );
    settle().await;
    pick(&root, "scar-only").await;
    open_details(&root).await;
    click(&root, ".smp-option:nth-of-type(3) input").await; // FUT strip
    assert_eq!(text(&root, ".smp-inline-field label"), "Strip length (in)");
    let field: HtmlInputElement = find(&root, ".smp-short-input").unchecked_into();
    assert_eq!(field.value(), "5.9", "the default 15 cm strip, in inches");
    type_into(&root, ".smp-short-input", "8").await;
    assert_shows_quote(
        &root,
        &engine(EstimateInput {
            scar: Some(Scar {
                kind: ScarKind::Fut,
                length_cm: Some(8.0 * 2.54),
            }),
            ..EstimateInput::new(Pattern::ScarOnly)
        }),
    );
}

#[wasm_bindgen_test]
async fn with_a_booking_link_and_requests_booking_is_the_one_next_step() {
    let root = mounted(ClinicSettings {
        clinic_name: "Northside Hair Studio".into(),
        booking_url: Some("https://clinic.example/book".into()),
        lead: Some(smp_engine::LeadSettings {
            email: Some("hello@clinic.example".into()),
            ..smp_engine::LeadSettings::default()
        }),
        ..ClinicSettings::default()
    })
    .await;
    pick(&root, "norwood-4").await;
    assert_eq!(
        text(&root, ".smp-answer [data-figure=booking-link]"),
        "Book a consultation with Northside Hair Studio"
    );
    // The form is the other way, not a second "consultation" button.
    assert_eq!(
        text(&root, ".smp-lead-open"),
        "Prefer a call or an email? Leave your details"
    );
    let buttons = root.query_selector_all("button, a").unwrap();
    let consultation = (0..buttons.length())
        .filter_map(|index| buttons.item(index)?.text_content())
        .filter(|label| label.contains("consultation"))
        .count();
    assert_eq!(
        consultation, 2,
        "the answer's and the breakdown's one booking action"
    );
}
