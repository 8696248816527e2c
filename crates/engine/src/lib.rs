//! The estimation engine: an estimate input plus clinic settings in, a quote
//! out. Pure Rust with no browser dependency (no yew, no web-sys, no
//! js-sys), so the widget, the `smp-quote` tool and the JavaScript API all
//! call [`estimate`] and none of them computes a figure of its own.
//!
//! What else lives here, because more than one layer above needs it:
//! - the types' one format, serde over a value tree ([`value`]), which
//!   names every problem by its field at once; JSON text is serde_json's
//!   natively ([`json`]) and the browser's in the WebAssembly (the widget's
//!   `js_value`);
//! - the messages and their compiled-in English ([`messages`]);
//! - the data attributes that configure a widget ([`page_attributes`]),
//!   the units a visitor reads ([`units`]), and where the visitor's answers
//!   are kept in a link or storage ([`visitor_state`]).

mod combined;
mod consultation;
mod contact;
mod donor;
mod explain;
mod input;
#[cfg(any(test, not(target_arch = "wasm32")))]
pub mod json;
mod lead;
mod market;
pub mod messages;
mod money;
pub mod number;
pub mod page_attributes;
mod pattern;
mod problem;
mod quote;
mod settings;
mod smp;
mod transplant;
pub mod units;
pub mod value;
pub mod visitor_state;
mod web_address;

pub use consultation::{
    without_health, Calibre, Contrast, HealthCondition, Technique, TechniqueSettings, Techniques,
    Therapy, COARSE_OVER_UM, FINE_UNDER_UM,
};
pub use explain::{campaign_of, with_campaign, CAMPAIGN};
pub use input::{
    strip_area_cm2, typical_scar_area_cm2, Donor, EstimateInput, Goal, Scar, ScarKind,
    DEFAULT_YEARS, FUE_HARVEST_CM2, MAX_AGE, MAX_SCAR_LENGTH_CM, MAX_YEARS, MIN_AGE, MIN_YEARS,
    SCAR_BLEND_CM, STRIP_SCAR_WIDTH_CM, TYPICAL_STRIP_CM,
};
pub use lead::{mailto, LeadRequest, CONTACT_TIMES};
pub use market::Market;
pub use messages::{Catalogue, Figure, Message, Msg};
pub use money::round_money;
pub use pattern::{LossKind, Pattern, PatternInfo, Region, Scale, CM2_PER_IN2, WHOLE_SCALP_CM2};
pub use problem::{describe_all, thousands, FieldError};
pub use quote::{
    Candidacy, CombinedQuote, FinancingTerms, Lifetime, MinMax, Note, Quote, SmpQuote, Spread,
    TouchUpQuote, TransplantQuote,
};
pub use settings::{
    clinic_figures, ClinicSettings, Financing, LeadSettings, PriceBand, PriceRange, SmpPricing,
    Span, Theme, TouchUp, TransplantPricing, TOUCH_UP_SHARE,
};

pub use value::{to_value, ToJson, Value};

/// Turns an input and the clinic's settings into a quote. Both are checked
/// first: every problem is returned at once and nothing is computed on bad
/// figures, so this never panics and every figure it returns is finite.
pub fn estimate(
    input: &EstimateInput,
    settings: &ClinicSettings,
) -> Result<Quote, Vec<FieldError>> {
    let mut problems = input.validate();
    problems.extend(settings.validate());
    if !problems.is_empty() {
        return Err(problems);
    }
    let area_cm2 = input.effective_area_cm2();
    let (smp, smp_course, smp_touch_up) = smp::quote(input, area_cm2, settings);
    let (transplant, surgery) = transplant::quote(input, area_cm2, settings);
    let (combined, combined_note, combined_typical) =
        match combined::plan(input, area_cm2, settings, &transplant) {
            Ok((plan, typical)) => (Some(plan), None, Some(typical)),
            Err(note) => (None, Some(note), None),
        };
    let medication_per_year = settings.transplant.medication_per_month.unwrap_or(0.0) * 12.0;
    let years = input.years;
    let step = settings.rounding_step;
    let interval = {
        let every = &settings.smp.touch_up.every_years;
        (every.min + every.max) / 2.0
    };
    let lifetime = Lifetime {
        years,
        smp: cumulative(
            years,
            smp_course,
            |year| touch_ups(year, interval) * smp_touch_up,
            step,
        ),
        transplant: surgery.map(|surgery| {
            cumulative(
                years,
                surgery,
                |year| f64::from(year) * medication_per_year,
                step,
            )
        }),
        combined: combined_typical.map(|typical| {
            cumulative(
                years,
                typical.cost,
                |year| {
                    touch_ups(year, interval) * typical.touch_up
                        + f64::from(year) * medication_per_year
                },
                step,
            )
        }),
    };
    let mut quote = Quote {
        input: input.clone(),
        area_cm2,
        currency: settings.currency.clone(),
        locale: settings.locale.clone(),
        smp,
        transplant,
        combined,
        combined_note,
        lifetime,
        breakdown: Vec::new(),
        booking_url: None,
    };
    quote.breakdown = explain::breakdown(input, settings, &quote);
    quote.booking_url = explain::booking_url(settings, &quote);
    Ok(quote)
}

/// The same as [`estimate`] from JSON values, as the command-line tool and
/// the JavaScript API receive them.
pub fn estimate_json(input: &Value, settings: &Value) -> Result<Quote, Vec<FieldError>> {
    let settings = ClinicSettings::from_json(settings);
    let input = EstimateInput::from_json(input);
    match (input, settings) {
        (Ok(input), Ok(settings)) => estimate(&input, &settings),
        (input, settings) => Err(input
            .err()
            .into_iter()
            .flatten()
            .chain(settings.err().into_iter().flatten())
            .collect()),
    }
}

/// A quote for every pattern at its default area and default options: the
/// clinic's price sheet.
pub fn price_sheet(settings: &ClinicSettings) -> Result<Vec<Quote>, Vec<FieldError>> {
    Pattern::all()
        .map(|pattern| estimate(&EstimateInput::new(pattern), settings))
        .collect()
}

/// Touch-ups by the end of `year`: one each time the middle of the
/// clinic's interval passes.
fn touch_ups(year: u32, interval_years: f64) -> f64 {
    (f64::from(year) / interval_years).floor()
}

/// Cumulative typical cost at the end of each year, from the unrounded
/// typical cost of a treatment plus what it adds by each year (SMP
/// touch-ups at the middle of their price range; maintenance medication
/// when the clinic counts it). Each point is rounded once from its
/// unrounded sum, so year 0 equals the typical cost.
fn cumulative(years: u32, start: f64, added_by: impl Fn(u32) -> f64, step: f64) -> Vec<u64> {
    (0..=years)
        .map(|year| round_money(start + added_by(year), step))
        .collect()
}
