//! "How we estimated this": each figure of a quote explained in plain
//! words, from the same rules that produced it (docs/model.md in short).

use super::input::{Donor, EstimateInput, Goal};
use super::pattern::{LossKind, Pattern, Region};
use super::problem::{show_number, thousands};
use super::quote::{Note, Quote};
use super::settings::ClinicSettings;
use super::smp::SMALL_AREA_CM2;
use super::transplant::coverage_of;

fn money(settings: &ClinicSettings, amount: u64) -> String {
    format!("{} {}", settings.currency, thousands(amount))
}

/// A price that may have cents, such as €0.65 per graft.
fn price(settings: &ClinicSettings, amount: f64) -> String {
    let shown = if amount.fract() == 0.0 {
        thousands(amount as u64)
    } else {
        format!("{amount:.2}")
    };
    format!("{} {shown}", settings.currency)
}

fn region_list(regions: &[(Region, f64)]) -> String {
    let names: Vec<String> = regions
        .iter()
        .map(|(region, _)| region.name().to_lowercase())
        .collect();
    names.join(", ")
}

fn plural(count: u32, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The breakdown of `quote`, one note per figure.
pub fn breakdown(input: &EstimateInput, settings: &ClinicSettings, quote: &Quote) -> Vec<Note> {
    let info = input.pattern.info();
    let (smp, transplant) = (&quote.smp, &quote.transplant);
    let area = quote.area_cm2;
    let mut notes = Vec::new();

    let regions = input.treatment_regions();
    notes.push(Note::new(
        "explain-area",
        format!(
            "{} usually covers about {} cm² ({}). This estimate is for {} cm² ({}).",
            info.name,
            show_number(info.default_area_cm2()),
            region_list(info.regions),
            show_number((area * 10.0).round() / 10.0),
            region_list(&regions)
        ),
        &[("area_cm2", area.round() as u64)],
    ));

    let sessions = smp.sessions;
    let reason = match (info.kind, input.goal) {
        (LossKind::Alopecia, _) => {
            "alopecia usually needs one session more than other scalps".to_string()
        }
        (LossKind::Scar, _) => {
            "scar tissue takes pigment less evenly, so scars take up to 4".to_string()
        }
        _ if input.scar.is_some() => "a scar takes pigment less evenly, so up to 4".to_string(),
        (_, Goal::Density) => "density under longer hair usually takes 2 to 3".to_string(),
        _ if area < SMALL_AREA_CM2 => format!(
            "areas under {} cm², such as a hairline, usually need 2",
            show_number(SMALL_AREA_CM2)
        ),
        _ => "most scalps need 3, some 2 and some 4".to_string(),
    };
    notes.push(Note::new(
        "explain-smp-sessions",
        format!(
            "SMP: {} (between {} and {}) because {}; sessions are {} to {} days apart and take {} to {} hours each.",
            plural(sessions.typical, "session", "sessions"),
            sessions.min,
            sessions.max,
            reason,
            smp.days_between_sessions.min,
            smp.days_between_sessions.max,
            show_number(smp.hours_per_session.min),
            show_number(smp.hours_per_session.max),
        ),
        &[("sessions", u64::from(sessions.typical))],
    ));

    let pricing = &settings.smp;
    let mut cost = match pricing.price_per_session {
        Some(per_session) => format!(
            "The SMP price is {} per session times the number of sessions",
            price(settings, per_session)
        ),
        None => {
            let band = pricing
                .bands
                .iter()
                .find(|band| area <= band.up_to_cm2)
                .or(pricing.bands.last());
            match band {
                Some(band) => format!(
                    "The SMP price is {}'s full-course price for areas up to {} cm²",
                    settings.clinic_name,
                    show_number(band.up_to_cm2)
                ),
                None => "The SMP price follows the clinic's price list".to_string(),
            }
        }
    };
    if input.scar.is_some() && input.pattern != Pattern::ScarOnly {
        cost.push_str(&format!(
            ", plus {} to {} to camouflage the scar",
            price(settings, pricing.scar_addon.min),
            price(settings, pricing.scar_addon.max)
        ));
    }
    cost.push_str(&format!(
        ": {} to {}, typically {}; no course costs less than {}.",
        money(settings, smp.cost.min),
        money(settings, smp.cost.max),
        money(settings, smp.cost.typical),
        price(settings, pricing.minimum_fee)
    ));
    notes.push(Note::new("explain-smp-cost", cost, &[]));

    notes.push(Note::new(
        "explain-touch-up",
        format!(
            "Pigment fades slowly, so a touch-up every {} to {} years keeps the look sharp; each costs {} to {}.",
            show_number(smp.touch_up.every_years.min),
            show_number(smp.touch_up.every_years.max),
            money(settings, smp.touch_up.cost.min),
            money(settings, smp.touch_up.cost.max)
        ),
        &[],
    ));

    let coverage = coverage_of(info.kind);
    let density = if coverage < 1.0 {
        format!(
            ", at {}% of that where hair or scar tissue remains",
            show_number(coverage * 100.0)
        )
    } else {
        String::new()
    };
    notes.push(Note::new(
        "explain-grafts",
        format!(
            "A transplant would need {} to {} grafts: surgeons place 15 to 40 grafts per cm², densest at the hairline{density}.",
            thousands(transplant.grafts.min.into()),
            thousands(transplant.grafts.max.into()),
        ),
        &[],
    ));

    let donor = match input.donor {
        Donor::Good => "A good",
        Donor::Average => "An average",
        Donor::Poor => "A poor",
    };
    notes.push(Note::new(
        "explain-donor",
        format!(
            "{donor} donor area gives about {} grafts over a lifetime; at up to {} grafts per surgery that is {}.",
            thousands(transplant.donor_capacity.into()),
            thousands(settings.transplant.grafts_per_surgery.into()),
            plural(transplant.surgeries, "surgery", "surgeries")
        ),
        &[],
    ));

    let per_graft = settings.transplant.price_per_graft;
    notes.push(Note::new(
        "explain-transplant-cost",
        format!(
            "The transplant price is the grafts your donor area can give times {} to {} per graft ({} typical): {} to {}.",
            price(settings, per_graft.min),
            price(settings, per_graft.max),
            price(settings, per_graft.typical),
            money(settings, transplant.cost.min),
            money(settings, transplant.cost.max)
        ),
        &[],
    ));

    let lifetime = &quote.lifetime;
    let last = lifetime.years as usize;
    let medication = match settings.transplant.medication_per_month {
        Some(monthly) if monthly > 0.0 => format!(
            " with {} a month of maintenance medication",
            price(settings, monthly)
        ),
        _ => " (maintenance medication not included)".to_string(),
    };
    notes.push(Note::new(
        "explain-lifetime",
        format!(
            "Over {}, SMP with its touch-ups comes to about {} and a transplant to about {}{medication}.",
            plural(lifetime.years, "year", "years"),
            money(settings, lifetime.smp[last]),
            money(settings, lifetime.transplant[last]),
        ),
        &[],
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
        quote.area_cm2.round(),
        quote.smp.sessions.typical
    );
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(fragment);
    }
    Some(url)
}
