//! The combined plan: a transplant where it matters most (hairline, then
//! front, then mid-scalp) within the donor budget, and SMP for the crown,
//! for density and for whatever the grafts cannot reach. Many clinics
//! combine both (Rassman, baldingblog.com); the crown is left to SMP
//! because surgeons treat it only with an above-average donor (Bernstein).

use super::consultation;
use super::donor;
use super::input::EstimateInput;
use super::messages::Figure;
use super::messages::Msg;
use super::money::round_money;
use super::pattern::{LossKind, Region};
use super::quote::{Candidacy, CombinedQuote, MinMax, Note, Spread, TransplantQuote};
use super::settings::ClinicSettings;
use super::smp;
use super::transplant;

/// The regions a combined plan transplants, in the order a surgeon fills
/// them.
const TRANSPLANT_ORDER: [Region; 3] = [Region::Hairline, Region::Front, Region::MidScalp];

/// The unrounded typical figures the lifetime cost starts from.
pub struct Typical {
    pub cost: f64,
    pub touch_up: f64,
}

fn why(id: Msg) -> Note {
    Note::new(id, &[], "")
}

/// The combined plan, or the note saying why there is none.
pub fn plan(
    input: &EstimateInput,
    area_cm2: f64,
    settings: &ClinicSettings,
    full: &TransplantQuote,
) -> Result<(CombinedQuote, Typical), Note> {
    match input.pattern.info().kind {
        LossKind::Scar => return Err(why(Msg::CombinedScarOnly)),
        LossKind::None => return Err(why(Msg::CombinedEarlyLoss)),
        _ => {}
    }
    if full.candidate == Candidacy::No {
        return Err(why(Msg::CombinedNotAdvised));
    }
    let regions = input.treatment_regions();
    let budget = f64::from(donor::plan(input).plannable);
    let mut grafted: Vec<Region> = Vec::new();
    for region in TRANSPLANT_ORDER {
        if !regions.iter().any(|(own, _)| *own == region) {
            continue;
        }
        let mut trial = grafted.clone();
        trial.push(region);
        if transplant::raw_grafts(input, area_cm2, &trial).typical > budget {
            break;
        }
        grafted = trial;
    }
    if grafted.is_empty() {
        return Err(why(Msg::CombinedNoBudget));
    }
    if regions.iter().all(|(region, _)| grafted.contains(region)) {
        return Err(why(Msg::CombinedEarlyLoss));
    }
    // Where the combination would cost more than the full transplant, the
    // last region grafted goes to SMP instead, front regions kept longest.
    loop {
        let plan = priced(input, area_cm2, settings, &grafted, budget);
        let dearer = full.cost.is_some_and(|full_cost| {
            plan.cost.min > full_cost.min
                || plan.cost.typical > full_cost.typical
                || plan.cost.max > full_cost.max
        });
        if !dearer {
            return Ok(finish(input, area_cm2, plan, grafted));
        }
        grafted.pop();
        if grafted.is_empty() {
            return Err(why(Msg::CombinedNotCheaper));
        }
    }
}

/// A combination's figures before its regions are described.
struct Priced {
    grafts: Spread<u32>,
    surgeries: Spread<u32>,
    surgery: Spread<f64>,
    smp_input: EstimateInput,
    smp_area: f64,
    smp_regions: Vec<Region>,
    course: super::settings::PriceRange,
    touch_up: super::quote::MinMax<f64>,
    total: Spread<f64>,
    cost: Spread<u64>,
    step: f64,
}

fn priced(
    input: &EstimateInput,
    area_cm2: f64,
    settings: &ClinicSettings,
    grafted: &[Region],
    budget: f64,
) -> Priced {
    let regions = input.treatment_regions();
    let scale = area_cm2 / input.regions_area_cm2();
    let rest: Vec<(Region, f64)> = regions
        .iter()
        .copied()
        .filter(|(region, _)| !grafted.contains(region))
        .collect();
    let smp_area: f64 = rest.iter().map(|(_, area)| area * scale).sum();
    let smp_regions: Vec<Region> = rest.iter().map(|(region, _)| *region).collect();
    let pricing = &consultation::pricing_for(input, &settings.transplant);
    let step = settings.rounding_step;
    let grafts = transplant::round_grafts(transplant::raw_grafts(input, area_cm2, grafted))
        .map(|count| count.min(budget as u32));
    let surgeries = transplant::surgeries(grafts, pricing);
    let surgery = transplant::raw_cost(grafts, pricing, step);
    let smp_input = EstimateInput {
        regions: Some(smp_regions.clone()),
        area_cm2: Some(smp_area),
        ..input.clone()
    };
    let course = smp::course_price(&smp_input, smp_area, settings);
    let touch_up = smp::touch_up_price(course, &settings.smp.touch_up);
    let total = Spread {
        min: surgery.min + course.min,
        typical: surgery.typical + course.typical,
        max: surgery.max + course.max,
    };
    Priced {
        grafts,
        surgeries,
        surgery,
        smp_input,
        smp_area,
        smp_regions,
        course,
        touch_up,
        total,
        cost: total.map(|amount| round_money(amount, step)),
        step,
    }
}

fn finish(
    input: &EstimateInput,
    area_cm2: f64,
    plan: Priced,
    grafted: Vec<Region>,
) -> (CombinedQuote, Typical) {
    let Priced {
        grafts,
        surgeries,
        surgery,
        smp_input,
        smp_area,
        smp_regions,
        course,
        touch_up,
        total,
        cost,
        step,
    } = plan;
    let regions = input.treatment_regions();
    let scale = area_cm2 / input.regions_area_cm2();
    let smp_sessions = smp::sessions(&smp_input, smp_area);
    let smp_hours = smp::hours_per_session(smp_area);
    let surgery_hours = transplant::chair_hours(grafts, surgeries);
    // The surgery's hours and the SMP sessions' hours, added up.
    let chair_hours = MinMax {
        min: surgery_hours.min + f64::from(smp_sessions.min) * smp_hours.min,
        max: surgery_hours.max + f64::from(smp_sessions.max) * smp_hours.max,
    };
    let list = |regions: &[Region]| Figure::List(regions.iter().map(|r| r.name()).collect());
    let transplant_area: f64 = regions
        .iter()
        .filter(|(region, _)| grafted.contains(region))
        .map(|(_, area)| area * scale)
        .sum();
    let note = Note::new(
        Msg::CombinedPlan,
        &[
            ("grafted", list(&grafted)),
            ("grafts", Figure::Count(grafts.typical.into())),
            ("smp_regions", list(&smp_regions)),
        ],
        "",
    );
    let combined = CombinedQuote {
        transplant_regions: grafted,
        transplant_area_cm2: transplant_area,
        grafts,
        surgeries,
        smp_area_cm2: smp_area,
        smp_sessions,
        smp_regions,
        cost,
        transplant_cost: surgery.map(|amount| round_money(amount, step)),
        smp_cost: Spread {
            min: round_money(course.min, step),
            typical: round_money(course.typical, step),
            max: round_money(course.max, step),
        },
        chair_hours,
        downtime_days: transplant::downtime_days(surgeries),
        months_to_result: transplant::months_to_result(surgeries),
        notes: vec![note],
    };
    (
        combined,
        Typical {
            cost: total.typical,
            touch_up: (touch_up.min + touch_up.max) / 2.0,
        },
    )
}
