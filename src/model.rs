//! The estimation engine: an estimate input plus clinic settings in, a quote
//! out. Pure Rust with no browser dependency, so the widget, the
//! `smp-quote` tool and the JavaScript API all call [`estimate`] and none of
//! them computes a figure of its own.

mod explain;
mod input;
pub mod json;
mod lead;
mod market;
pub mod messages;
mod money;
pub mod number;
mod pattern;
mod problem;
mod quote;
mod settings;
mod smp;
mod transplant;

pub use input::{
    Donor, EstimateInput, Goal, Scar, ScarKind, DEFAULT_YEARS, MAX_SCAR_LENGTH_CM, MAX_YEARS,
    MIN_YEARS,
};
pub use lead::{mailto, LeadRequest, LeadSettings, CONTACT_TIMES};
pub use market::Market;
pub use messages::{Catalogue, Message, Msg};
pub use money::round_money;
pub use pattern::{LossKind, Pattern, PatternInfo, Region, Scale, CM2_PER_IN2, WHOLE_SCALP_CM2};
pub use problem::{describe_all, thousands, FieldError};
pub use quote::{
    Candidacy, Figure, FinancingTerms, Lifetime, MinMax, Note, Quote, SmpQuote, Spread,
    TouchUpQuote, TransplantQuote,
};
pub use settings::{
    ClinicSettings, Financing, PriceBand, PriceRange, SmpPricing, Span, TouchUp, TransplantPricing,
};

pub use json::{ToJson, Value};

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
    let (smp, smp_typical) = smp::quote(input, area_cm2, settings);
    let (transplant, transplant_typical) = transplant::quote(input, area_cm2, settings);
    let lifetime = lifetime(input.years, smp_typical, transplant_typical, settings);
    let mut quote = Quote {
        input: input.clone(),
        area_cm2,
        currency: settings.currency.clone(),
        locale: settings.locale.clone(),
        smp,
        transplant,
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

/// Cumulative typical cost at the end of each year, from the unrounded
/// typical costs of the treatments. SMP adds a typical touch-up (the middle
/// of the clinic's price range) each time the middle of its interval passes;
/// a transplant adds maintenance medication when the clinic enables it. Each
/// point is rounded once from its unrounded sum, so year 0 equals the
/// typical cost.
fn lifetime(years: u32, smp_course: f64, surgery: f64, settings: &ClinicSettings) -> Lifetime {
    let touch_up = &settings.smp.touch_up;
    let touch_up_price = (touch_up.price.min + touch_up.price.max) / 2.0;
    let interval = (touch_up.every_years.min + touch_up.every_years.max) / 2.0;
    let medication_per_year = settings.transplant.medication_per_month.unwrap_or(0.0) * 12.0;
    let step = settings.rounding_step;
    Lifetime {
        years,
        smp: (0..=years)
            .map(|year| {
                let touch_ups = (f64::from(year) / interval).floor();
                round_money(smp_course + touch_ups * touch_up_price, step)
            })
            .collect(),
        transplant: (0..=years)
            .map(|year| round_money(surgery + f64::from(year) * medication_per_year, step))
            .collect(),
    }
}
