//! "How we estimated this": each figure of a quote explained in plain
//! words, from the same rules that produced it (docs/model.md in short).
//! Each sentence is a message id with its figures beside it, so the widget
//! writes it in the visitor's language and money in their locale.

use super::consultation;
use super::input::{EstimateInput, Goal};
use super::messages::Figure;
use super::messages::Msg;
use super::money::{round_money, round_money_up};
use super::pattern::{LossKind, Pattern, Region};
use super::quote::{Note, Quote, Spread};
use super::settings::clinic_figures;
use super::settings::ClinicSettings;
use super::smp::{scar_size_factor, REFERENCE_SESSION_HOURS, SMALL_AREA_CM2};
use super::transplant::coverage_of;

use Figure::{Area, Count, Decimal, List, Money, Percent, Word};

/// The names of `regions`, listed the locale's way.
fn region_list(regions: &[(Region, f64)]) -> Figure {
    List(regions.iter().map(|(region, _)| region.name()).collect())
}

/// A price from the settings, rounded the clinic's way like every figure.
fn price(settings: &ClinicSettings, amount: f64) -> Figure {
    Money(round_money(amount, settings.rounding_step))
}

/// A minimum fee as the quote applies it: rounded up to the clinic's step.
fn minimum(settings: &ClinicSettings, amount: f64) -> Figure {
    Money(round_money_up(amount, settings.rounding_step))
}

/// A price per graft keeps its cents (€0.65).
fn per_graft(amount: f64) -> Figure {
    Figure::Price((amount * 100.0).round() / 100.0)
}

/// Yes or no, for a message's `select`.
fn yes(condition: bool) -> Figure {
    Word(if condition { "yes" } else { "no" })
}

/// The breakdown of `quote`, one note per figure.
pub fn breakdown(input: &EstimateInput, settings: &ClinicSettings, quote: &Quote) -> Vec<Note> {
    let info = input.pattern.info();
    let (smp, transplant) = (&quote.smp, &quote.transplant);
    let area = quote.area_cm2;
    let currency = settings.currency.as_str();
    let note = |id, values: &[(&'static str, Figure)]| Note::new(id, values, currency);
    let mut notes = Vec::new();

    let regions = input.treatment_regions();
    let shown_area = (area * 10.0).round() / 10.0;
    let usual_area = info.default_area_cm2();
    let same = shown_area == (usual_area * 10.0).round() / 10.0 && regions == info.regions;
    notes.push(note(
        Msg::ExplainArea,
        &[
            ("pattern", Figure::Message(info.name)),
            ("same", yes(same)),
            ("usual_area", Area(usual_area)),
            ("usual_regions", region_list(info.regions)),
            ("area", Area(shown_area)),
            ("regions", region_list(&regions)),
        ],
    ));

    let sessions = smp.sessions;
    let reason = match (info.kind, input.goal) {
        (LossKind::Alopecia, _) => "alopecia",
        (LossKind::Scar, _) => "scar-only",
        _ if input.scar.is_some() => "scar",
        (_, Goal::Density) => "density",
        _ if area < SMALL_AREA_CM2 => "small",
        _ => "usual",
    };
    notes.push(note(
        Msg::ExplainSmpSessions,
        &[
            ("sessions", Count(sessions.typical.into())),
            ("min", Count(sessions.min.into())),
            ("max", Count(sessions.max.into())),
            ("reason", Word(reason)),
            ("small_area", Area(SMALL_AREA_CM2)),
            ("gap_min", Decimal(smp.weeks_between_sessions.min)),
            ("gap_max", Decimal(smp.weeks_between_sessions.max)),
            ("hours_min", Decimal(smp.hours_per_session.min)),
            ("hours_max", Decimal(smp.hours_per_session.max)),
        ],
    ));

    let pricing = &settings.smp;
    let how = match pricing.price_per_session {
        Some(_) => "per-session",
        None if input.pattern == Pattern::ScarOnly => "scar-only",
        None => "band",
    };
    let scar_factor = input
        .scar
        .map_or(0.0, |scar| scar_size_factor(scar.smp_area_cm2()));
    notes.push(note(
        Msg::ExplainSmpCost,
        &[
            ("pricing", Word(how)),
            (
                "per_session",
                price(settings, pricing.price_per_session.unwrap_or(0.0)),
            ),
            ("hours", Decimal(REFERENCE_SESSION_HOURS)),
            ("clinic", Figure::Text(settings.clinic_name.clone())),
            clinic_figures(&settings.clinic_name)[1].clone(),
            (
                "scar",
                yes(input.scar.is_some() && input.pattern != Pattern::ScarOnly),
            ),
            (
                "scar_min",
                price(settings, pricing.scar_addon.min * scar_factor),
            ),
            (
                "scar_max",
                price(settings, pricing.scar_addon.max * scar_factor),
            ),
            ("cost_min", Money(smp.cost.min)),
            ("cost_max", Money(smp.cost.max)),
            ("cost", Money(smp.cost.typical)),
            ("minimum", minimum(settings, pricing.minimum_fee)),
        ],
    ));

    let touch_up = &pricing.touch_up;
    notes.push(note(
        Msg::ExplainTouchUp,
        &[
            ("every_min", Decimal(smp.touch_up.every_years.min)),
            ("every_max", Decimal(smp.touch_up.every_years.max)),
            (
                "share_min",
                Percent((touch_up.share_of_course.min * 100.0).round()),
            ),
            (
                "share_max",
                Percent((touch_up.share_of_course.max * 100.0).round()),
            ),
            ("floor", price(settings, touch_up.price.min)),
            ("cost_min", Money(smp.touch_up.cost.min)),
            ("cost_max", Money(smp.touch_up.cost.max)),
        ],
    ));

    let coverage = coverage_of(info.kind);
    notes.push(note(
        Msg::ExplainGrafts,
        &[
            ("grafts_min", Count(transplant.grafts.min.into())),
            ("grafts_max", Count(transplant.grafts.max.into())),
            ("partial", yes(coverage < 1.0)),
            ("coverage", Percent(coverage * 100.0)),
        ],
    ));

    let surgery = &consultation::pricing_for(input, &settings.transplant);
    let lifetime_supply = transplant.donor_capacity + transplant.donor_taken;
    notes.push(note(
        Msg::ExplainDonor,
        &[
            ("donor", Word(input.donor.id())),
            ("lifetime", Count(lifetime_supply.into())),
            ("prior", yes(transplant.donor_taken > 0)),
            ("taken", Count(transplant.donor_taken.into())),
            ("reserve", Count(transplant.donor_reserve.into())),
            (
                "plannable",
                Count((transplant.donor_capacity - transplant.donor_reserve).into()),
            ),
            ("first", Count(surgery.grafts_per_surgery.into())),
            ("later", Count(surgery.later_grafts_per_surgery.into())),
            ("mega", yes(surgery.megasession_grafts.is_some())),
            (
                "mega_grafts",
                Count(surgery.megasession_grafts.unwrap_or(0).into()),
            ),
            ("surgeries_min", Count(transplant.surgeries.min.into())),
            ("surgeries_max", Count(transplant.surgeries.max.into())),
            ("surgeries", Count(transplant.surgeries.typical.into())),
            // "1 to 1 surgeries" reads as a slip: one figure when the range
            // is one.
            (
                "range",
                Word(if transplant.surgeries.min == transplant.surgeries.max {
                    "no"
                } else {
                    "yes"
                }),
            ),
        ],
    ));

    let graft_price = surgery.price_per_graft;
    let cost = transplant.cost.unwrap_or(Spread {
        min: 0,
        typical: 0,
        max: 0,
    });
    notes.push(note(
        Msg::ExplainTransplantCost,
        &[
            ("advised", yes(transplant.cost.is_some())),
            ("planned", Count(transplant.planned_grafts.typical.into())),
            ("price_min", per_graft(graft_price.min)),
            ("price_max", per_graft(graft_price.max)),
            ("price", per_graft(graft_price.typical)),
            ("minimum", minimum(settings, surgery.minimum_fee)),
            ("cost_min", Money(cost.min)),
            ("cost_max", Money(cost.max)),
        ],
    ));

    let lifetime = &quote.lifetime;
    let last = lifetime.years as usize;
    let medication = transplant.medication_per_year.unwrap_or(0);
    let transplant_total = lifetime.transplant.as_ref().map_or(0, |costs| costs[last]);
    notes.push(note(
        Msg::ExplainLifetime,
        &[
            ("years", Count(lifetime.years.into())),
            ("smp_total", Money(lifetime.smp[last])),
            ("advised", yes(lifetime.transplant.is_some())),
            ("transplant_total", Money(transplant_total)),
            ("medication", yes(medication > 0)),
            ("medication_cost", Money(medication)),
        ],
    ));
    notes.extend(consultation::explain(input, &settings.transplant, currency));
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

/// The campaign parameters carried from the page's address to the booking
/// link and a consultation request. Click ids (`gclid`, `fbclid`) are left
/// out: they identify one visitor's ad click.
pub const CAMPAIGN: [&str; 5] = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
];

/// The campaign parameters in an address's query, each value as written
/// there (percent-encoded by the browser). A value with any byte outside
/// `A-Za-z0-9-._~%+!*(),/:;@=?` is left out, so a value is only ever text
/// in another URL's query.
pub fn campaign_of(address: &str) -> Vec<(&'static str, String)> {
    let address = address.split('#').next().unwrap_or_default();
    let query = address.split_once('?').map_or("", |(_, query)| query);
    let mut campaign = Vec::new();
    for name in CAMPAIGN {
        let value = query
            .split('&')
            .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='));
        if let Some(value) = value.filter(|value| {
            !value.is_empty()
                && value.bytes().all(|byte| {
                    byte.is_ascii_alphanumeric() || b"-._~%+!*(),/:;@=?".contains(&byte)
                })
        }) {
            campaign.push((name, value.to_string()));
        }
    }
    campaign
}

/// `url` with each campaign parameter whose name its query lacks, before
/// any `#fragment`: the clinic's own tags win.
pub fn with_campaign(url: &str, campaign: &[(&str, String)]) -> String {
    let (address, fragment) = url
        .split_once('#')
        .map_or((url, None), |(a, f)| (a, Some(f)));
    let has = |name: &str| {
        address.split_once('?').is_some_and(|(_, query)| {
            query
                .split('&')
                .any(|pair| pair.split('=').next() == Some(name))
        })
    };
    let mut out = address.to_string();
    for (name, value) in campaign.iter().filter(|(name, _)| !has(name)) {
        out.push(if out.contains('?') { '&' } else { '?' });
        out.push_str(&format!("{name}={value}"));
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

#[cfg(test)]
mod campaign_tests {
    use super::*;

    #[test]
    fn the_page_campaign_joins_the_booking_link_without_overriding_its_own() {
        let campaign = campaign_of(
            "https://clinic.example/smp?utm_source=news&x=1&utm_campaign=spring%20sale&gclid=abc&utm_term=#top",
        );
        assert_eq!(
            campaign,
            vec![
                ("utm_source", "news".to_string()),
                ("utm_campaign", "spring%20sale".to_string())
            ]
        );
        assert_eq!(
            with_campaign("https://book.example/a?utm_source=clinic#slots", &campaign),
            "https://book.example/a?utm_source=clinic&utm_campaign=spring%20sale#slots"
        );
        assert_eq!(
            with_campaign("https://book.example/a", &campaign),
            "https://book.example/a?utm_source=news&utm_campaign=spring%20sale"
        );
        assert_eq!(
            with_campaign("https://book.example/a", &[]),
            "https://book.example/a"
        );
    }

    #[test]
    fn a_campaign_value_is_only_ever_text_in_the_query() {
        let campaign =
            campaign_of("https://x.example/?utm_source=\"><script>'`{|}&utm_medium=a%20b#c");
        assert_eq!(campaign, vec![("utm_medium", "a%20b".to_string())]);
    }
}
