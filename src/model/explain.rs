//! "How we estimated this": each figure of a quote explained in plain
//! words, from the same rules that produced it (docs/model.md in short).
//! Each sentence is a template with its figures beside it, so the widget
//! writes money in the clinic's locale.

use super::input::{Donor, EstimateInput, Goal};
use super::money::round_money;
use super::pattern::{LossKind, Pattern, Region};
use super::quote::{Figure, Note, Quote};
use super::settings::ClinicSettings;
use super::smp::{band_for, SMALL_AREA_CM2};
use super::transplant::coverage_of;

use Figure::{Count, Decimal, Money};

fn region_list(regions: &[(Region, f64)]) -> String {
    let names: Vec<String> = regions
        .iter()
        .map(|(region, _)| region.name().to_ascii_lowercase())
        .collect();
    names.join(", ")
}

fn plural(count: u32, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 {
        one
    } else {
        many
    }
}

/// A price from the settings, rounded the clinic's way like every figure.
fn price(settings: &ClinicSettings, amount: f64) -> Figure {
    Money(round_money(amount, settings.rounding_step))
}

/// A price per graft keeps its cents (€0.65).
fn per_graft(amount: f64) -> Figure {
    Figure::Price((amount * 100.0).round() / 100.0)
}

/// The breakdown of `quote`, one note per figure.
pub fn breakdown(input: &EstimateInput, settings: &ClinicSettings, quote: &Quote) -> Vec<Note> {
    let info = input.pattern.info();
    let (smp, transplant) = (&quote.smp, &quote.transplant);
    let area = quote.area_cm2;
    let currency = settings.currency.as_str();
    let note = |id, template: String, values: &[(&'static str, Figure)]| {
        Note::new(id, template, values, currency)
    };
    let mut notes = Vec::new();

    let regions = input.treatment_regions();
    notes.push(note(
        "explain-area",
        format!(
            "{} usually covers about {{usual_area}} cm² ({}). This estimate is for {{area}} cm² ({}).",
            info.name,
            region_list(info.regions),
            region_list(&regions)
        ),
        &[
            ("usual_area", Decimal(info.default_area_cm2())),
            ("area", Decimal((area * 10.0).round() / 10.0)),
        ],
    ));

    let sessions = smp.sessions;
    let reason = match (info.kind, input.goal) {
        (LossKind::Alopecia, _) => "alopecia usually needs one session more than other scalps",
        (LossKind::Scar, _) => "scar tissue takes pigment less evenly, so scars take up to 4",
        _ if input.scar.is_some() => "a scar takes pigment less evenly, so up to 4",
        (_, Goal::Density) => "density under longer hair usually takes 2 to 3",
        _ if area < SMALL_AREA_CM2 => {
            "areas under {small_area} cm², such as a hairline, usually need 2"
        }
        _ => "most scalps need 3, some 2 and some 4",
    };
    notes.push(note(
        "explain-smp-sessions",
        format!(
            "SMP: {{sessions}} {} (between {{min}} and {{max}}) because {reason}; sessions are {{gap_min}} to {{gap_max}} days apart and take {{hours_min}} to {{hours_max}} hours each.",
            plural(sessions.typical, "session", "sessions")
        ),
        &[
            ("sessions", Count(sessions.typical.into())),
            ("min", Count(sessions.min.into())),
            ("max", Count(sessions.max.into())),
            ("small_area", Decimal(SMALL_AREA_CM2)),
            ("gap_min", Count(smp.days_between_sessions.min.into())),
            ("gap_max", Count(smp.days_between_sessions.max.into())),
            ("hours_min", Decimal(smp.hours_per_session.min)),
            ("hours_max", Decimal(smp.hours_per_session.max)),
        ],
    ));

    let pricing = &settings.smp;
    let band = band_for(area, pricing);
    let mut template = match (pricing.price_per_session, band) {
        (Some(_), _) => {
            "The SMP price is {per_session} per session times the number of sessions".to_string()
        }
        (None, Some(_)) => format!(
            "The SMP price is {}'s full-course price for areas up to {{band_area}} cm²",
            settings.clinic_name
        ),
        (None, None) => "The SMP price follows the clinic's price list".to_string(),
    };
    let band_area = band.map_or(0.0, |band| band.up_to_cm2);
    if input.scar.is_some() && input.pattern != Pattern::ScarOnly {
        template.push_str(", plus {scar_min} to {scar_max} to camouflage the scar");
    }
    template.push_str(
        ": {cost_min} to {cost_max}, typically {cost}; no course costs less than {minimum}.",
    );
    notes.push(note(
        "explain-smp-cost",
        template,
        &[
            (
                "per_session",
                price(settings, pricing.price_per_session.unwrap_or(0.0)),
            ),
            ("band_area", Decimal(band_area)),
            ("scar_min", price(settings, pricing.scar_addon.min)),
            ("scar_max", price(settings, pricing.scar_addon.max)),
            ("cost_min", Money(smp.cost.min)),
            ("cost_max", Money(smp.cost.max)),
            ("cost", Money(smp.cost.typical)),
            ("minimum", price(settings, pricing.minimum_fee)),
        ],
    ));

    notes.push(note(
        "explain-touch-up",
        "Pigment fades slowly, so a touch-up every {every_min} to {every_max} years keeps the look sharp; each costs {cost_min} to {cost_max}.".into(),
        &[
            ("every_min", Decimal(smp.touch_up.every_years.min)),
            ("every_max", Decimal(smp.touch_up.every_years.max)),
            ("cost_min", Money(smp.touch_up.cost.min)),
            ("cost_max", Money(smp.touch_up.cost.max)),
        ],
    ));

    let coverage = coverage_of(info.kind);
    let density = if coverage < 1.0 {
        ", at {coverage}% of that where hair or scar tissue remains"
    } else {
        ""
    };
    notes.push(note(
        "explain-grafts",
        format!("A transplant would need {{grafts_min}} to {{grafts_max}} grafts: surgeons place 15 to 40 grafts per cm², densest at the hairline{density}."),
        &[
            ("grafts_min", Count(transplant.grafts.min.into())),
            ("grafts_max", Count(transplant.grafts.max.into())),
            ("coverage", Decimal(coverage * 100.0)),
        ],
    ));

    let donor = match input.donor {
        Donor::Good => "A good",
        Donor::Average => "An average",
        Donor::Poor => "A poor",
    };
    notes.push(note(
        "explain-donor",
        format!(
            "{donor} donor area gives about {{capacity}} grafts over a lifetime; at up to {{per_surgery}} grafts per surgery that is {{surgeries}} {}.",
            plural(transplant.surgeries, "surgery", "surgeries")
        ),
        &[
            ("capacity", Count(transplant.donor_capacity.into())),
            ("per_surgery", Count(settings.transplant.grafts_per_surgery.into())),
            ("surgeries", Count(transplant.surgeries.into())),
        ],
    ));

    let graft_price = settings.transplant.price_per_graft;
    notes.push(note(
        "explain-transplant-cost",
        "The transplant price is the grafts your donor area can give times {price_min} to {price_max} per graft ({price} typical): {cost_min} to {cost_max}.".into(),
        &[
            ("price_min", per_graft(graft_price.min)),
            ("price_max", per_graft(graft_price.max)),
            ("price", per_graft(graft_price.typical)),
            ("cost_min", Money(transplant.cost.min)),
            ("cost_max", Money(transplant.cost.max)),
        ],
    ));

    let lifetime = &quote.lifetime;
    let last = lifetime.years as usize;
    let medication = match transplant.medication_per_year {
        Some(yearly) if yearly > 0 => " with {medication} a year of maintenance medication",
        _ => " (maintenance medication not included)",
    };
    notes.push(note(
        "explain-lifetime",
        format!(
            "Over {{years}} {}, SMP with its touch-ups comes to about {{smp_total}} and a transplant to about {{transplant_total}}{medication}.",
            plural(lifetime.years, "year", "years")
        ),
        &[
            ("years", Count(lifetime.years.into())),
            ("smp_total", Money(lifetime.smp[last])),
            ("transplant_total", Money(lifetime.transplant[last])),
            ("medication", Money(transplant.medication_per_year.unwrap_or(0))),
        ],
    ));
    notes
}

/// The clinic's booking link with the visitor's answers appended to its
/// query string (before any `#fragment`): pattern, area and sessions.
pub fn booking_url(settings: &ClinicSettings, quote: &Quote) -> Option<String> {
    let base = settings.booking_url.as_deref()?;
    let (address, fragment) = match base.split_once('#') {
        Some((address, fragment)) => (address, Some(fragment)),
        None => (base, None),
    };
    let separator = if !address.contains('?') {
        "?"
    } else if address.ends_with('?') || address.ends_with('&') {
        ""
    } else {
        "&"
    };
    let mut url = format!(
        "{address}{separator}pattern={}&area_cm2={}&sessions={}",
        quote.input.pattern.id(),
        super::number::show(quote.area_cm2.round()),
        quote.smp.sessions.typical
    );
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(fragment);
    }
    Some(url)
}
