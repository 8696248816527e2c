//! The hair-transplant side of a quote: grafts, surgeries, donor supply,
//! cost, time in the chair, downtime and candidacy. Sources are in
//! `docs/model.md`.

use super::consultation;
use super::donor::{self, DonorPlan, PriorSurgery, YOUNG_BEFORE_AGE};
use super::input::{
    strip_area_cm2, Donor, EstimateInput, ScarKind, STRIP_SCAR_WIDTH_CM, TYPICAL_STRIP_CM,
};
use super::messages::Figure;
use super::messages::Msg;
use super::money::{round_money, round_money_up};
use super::pattern::{LossKind, Pattern, Region};
use super::quote::{Candidacy, MinMax, Note, Spread, TransplantQuote};
use super::settings::{ClinicSettings, TransplantPricing};

/// Share of the bald-scalp implant density a pattern needs. Thinning scalps
/// keep some hair, so grafts go between existing hairs; grafts into scar
/// tissue are spaced wider because scar tissue carries fewer of them.
/// Both are our assumptions (no published figure), named in docs/model.md.
fn coverage(kind: LossKind) -> f64 {
    match kind {
        LossKind::None | LossKind::Balding | LossKind::Alopecia => 1.0,
        // Women's transplants are typically 700–1,500 grafts
        // (physicianhairtransplant.com [MD]): at 45% of the bald-scalp
        // density, Ludwig I–III come to about 600, 1,100 and 1,650.
        LossKind::Thinning => 0.45,
        LossKind::Scar => 0.5,
    }
}

/// Share of the bald-scalp density used for this pattern, for explanations.
pub fn coverage_of(kind: LossKind) -> f64 {
    coverage(kind)
}

/// Grafts are quoted to the nearest 50, as surgeons quote them.
const GRAFT_ROUNDING: f64 = 50.0;

/// The part of a treated region that takes grafts. The sides and back are
/// the donor area: grafts are never planned into them, except into a scar
/// there, where only the scar itself (not its SMP blending band) takes them.
fn recipient_share(input: &EstimateInput, region: Region) -> f64 {
    match (region, input.pattern) {
        (Region::SidesBack, Pattern::ScarOnly) => {
            let length = match input.scar {
                Some(scar) if scar.kind == ScarKind::Fut => {
                    scar.length_cm.unwrap_or(TYPICAL_STRIP_CM)
                }
                _ => TYPICAL_STRIP_CM,
            };
            length * STRIP_SCAR_WIDTH_CM / strip_area_cm2(length)
        }
        (Region::SidesBack, _) => 0.0,
        _ => 1.0,
    }
}

/// Whether grafts would be planned into the donor area but are not.
pub fn reaches_donor_zone(input: &EstimateInput) -> bool {
    input.pattern != Pattern::ScarOnly
        && input
            .treatment_regions()
            .iter()
            .any(|(region, _)| *region == Region::SidesBack)
}

/// Grafts for some of the treated regions, scaled to the visitor's area,
/// unrounded: each region's recipient area times its implant density.
pub fn raw_grafts(input: &EstimateInput, area_cm2: f64, regions: &[Region]) -> Spread<f64> {
    let scale = area_cm2 / input.regions_area_cm2();
    // Fine hair and high contrast need more grafts for the same look
    // (consultation.rs); 1 when neither is answered.
    let coverage = coverage(input.pattern.info().kind) * consultation::graft_factor(input);
    let mut raw = Spread {
        min: 0.0,
        typical: 0.0,
        max: 0.0,
    };
    for (region, region_area) in input.treatment_regions() {
        if !regions.contains(&region) {
            continue;
        }
        let (min, typical, max) = region.graft_density();
        let area = region_area * scale * coverage * recipient_share(input, region);
        raw.min += area * min;
        raw.typical += area * typical;
        raw.max += area * max;
    }
    raw
}

/// Rounds grafts the surgeons' way: to the nearest 50, at least 50 when
/// any are needed.
pub fn round_grafts(raw: Spread<f64>) -> Spread<u32> {
    raw.map(|grafts| {
        if grafts <= 0.0 {
            0
        } else {
            ((grafts / GRAFT_ROUNDING).round() * GRAFT_ROUNDING).max(GRAFT_ROUNDING) as u32
        }
    })
}

/// Grafts to cover `area_cm2` of this pattern: each region the pattern
/// covers, scaled to the visitor's area, times the region's implant density.
pub fn grafts_needed(input: &EstimateInput, area_cm2: f64) -> Spread<u32> {
    round_grafts(raw_grafts(input, area_cm2, &Region::ALL))
}

/// Surgeries to move `grafts` when the first moves `first` and each later
/// one `later` (at least one, even for a handful of grafts).
fn surgeries_for(grafts: u32, first: u32, later: u32) -> u32 {
    if grafts <= first {
        1
    } else {
        1 + (grafts - first).div_ceil(later.max(1))
    }
}

/// Surgeries as a range, from the clinic's session sizes (ISHRS 2025: a
/// larger first session, smaller later ones): the fewest with a
/// megasession first where the clinic does them, the most without one.
pub fn surgeries(planned: Spread<u32>, pricing: &TransplantPricing) -> Spread<u32> {
    let first = pricing.grafts_per_surgery;
    let later = pricing.later_grafts_per_surgery;
    let largest = pricing.megasession_grafts.unwrap_or(first).max(first);
    Spread {
        min: surgeries_for(planned.min, largest, later),
        typical: surgeries_for(planned.typical, largest, later),
        max: surgeries_for(planned.max, first, later).max(surgeries_for(
            planned.typical,
            largest,
            later,
        )),
    }
}

/// Days off work after one surgery: back to work 3–7 days after FUE, FUT
/// stitches out at 8–10 days (wimpoleclinic.com; myhairtransplantmd.com).
pub const DOWNTIME_DAYS_PER_SURGERY: MinMax<u32> = MinMax { min: 3, max: 10 };

/// Months from a surgery to its final result: 12–18 (hairman.com,
/// medbelle.com). A further surgery waits for the previous one to grow,
/// which we take as 8–12 months (our assumption, docs/model.md).
const MONTHS_TO_RESULT: MinMax<u32> = MinMax { min: 12, max: 18 };
const MONTHS_BETWEEN_SURGERIES: MinMax<u32> = MinMax { min: 8, max: 12 };

/// Grafts moved per hour of surgery, fastest and slowest, and the hour of
/// preparation and anaesthesia each surgery takes: our assumptions, fitted
/// to the 4–8 hours clinics quote for a session of 1,500–3,000 grafts.
const GRAFTS_PER_HOUR: MinMax<f64> = MinMax {
    min: 300.0,
    max: 500.0,
};
const SETUP_HOURS: f64 = 1.0;

/// Hours in the chair over all surgeries, to the half hour.
pub fn chair_hours(planned: Spread<u32>, surgeries: Spread<u32>) -> MinMax<f64> {
    let half_hours = |hours: f64| (hours * 2.0).round() / 2.0;
    MinMax {
        min: half_hours(
            f64::from(planned.min) / GRAFTS_PER_HOUR.max + SETUP_HOURS * f64::from(surgeries.min),
        ),
        max: half_hours(
            f64::from(planned.max) / GRAFTS_PER_HOUR.min + SETUP_HOURS * f64::from(surgeries.max),
        ),
    }
}

pub fn downtime_days(surgeries: Spread<u32>) -> MinMax<u32> {
    MinMax {
        min: DOWNTIME_DAYS_PER_SURGERY.min * surgeries.min,
        max: DOWNTIME_DAYS_PER_SURGERY.max * surgeries.max,
    }
}

pub fn months_to_result(surgeries: Spread<u32>) -> MinMax<u32> {
    MinMax {
        min: MONTHS_TO_RESULT.min + MONTHS_BETWEEN_SURGERIES.min * (surgeries.min - 1),
        max: MONTHS_TO_RESULT.max + MONTHS_BETWEEN_SURGERIES.max * (surgeries.max - 1),
    }
}

/// The unrounded cost of moving `planned` grafts: grafts times the price
/// per graft, never below the clinic's minimum fee rounded up to the
/// clinic's `step`, so that no rounding takes a price below the minimum.
pub fn raw_cost(planned: Spread<u32>, pricing: &TransplantPricing, step: f64) -> Spread<f64> {
    let price = pricing.price_per_graft;
    let floor = round_money_up(pricing.minimum_fee, step) as f64;
    Spread {
        min: (f64::from(planned.min) * price.min).max(floor),
        typical: (f64::from(planned.typical) * price.typical).max(floor),
        max: (f64::from(planned.max) * price.max).max(floor),
    }
}

fn counts(values: &[(&'static str, u64)]) -> Vec<(&'static str, Figure)> {
    values
        .iter()
        .map(|(name, count)| (*name, Figure::Count(*count)))
        .collect()
}

fn note(id: Msg, values: &[(&'static str, u64)]) -> Note {
    // Transplant notes hold counts only, never money.
    Note::new(id, &counts(values), "")
}

/// Whether surgery suits this visitor, and why, gravest reason first.
fn candidacy(
    input: &EstimateInput,
    grafts: Spread<u32>,
    plan: &DonorPlan,
) -> (Candidacy, Vec<Note>) {
    let mut findings: Vec<(Candidacy, Note)> = Vec::new();
    let kind = input.pattern.info().kind;
    let capacity = plan.capacity;
    match kind {
        LossKind::None => findings.push((Candidacy::No, note(Msg::NoLoss, &[]))),
        LossKind::Alopecia => findings.push((Candidacy::No, note(Msg::Alopecia, &[]))),
        LossKind::Thinning => findings.push((Candidacy::Caution, note(Msg::DiffuseThinning, &[]))),
        LossKind::Scar => findings.push((Candidacy::Caution, note(Msg::ScarTissue, &[]))),
        LossKind::Balding => {}
    }
    if reaches_donor_zone(input) {
        let level = if grafts.typical == 0 {
            Candidacy::No
        } else {
            Candidacy::Yes
        };
        findings.push((level, note(Msg::DonorZoneNoGrafts, &[])));
    }
    if input.donor == Donor::Poor {
        findings.push((Candidacy::Caution, note(Msg::PoorDonor, &[])));
    }
    if let Some((prior, taken)) = plan.prior {
        let (kind, length) = match prior {
            PriorSurgery::Strip { length_cm } => ("fut", length_cm),
            PriorSurgery::Fue => ("fue", 0.0),
        };
        let mut values = counts(&[
            ("taken", u64::from(taken)),
            ("lifetime", u64::from(plan.lifetime)),
            ("capacity", u64::from(capacity)),
        ]);
        values.push(("kind", Figure::Word(kind)));
        values.push(("length", Figure::Decimal((length * 10.0).round() / 10.0)));
        values.push(("width", Figure::Decimal(donor::STRIP_WIDTH_CM)));
        values.push((
            "density",
            Figure::Count(donor::donor_density(input.donor) as u64),
        ));
        findings.push((Candidacy::Yes, Note::new(Msg::PriorSurgery, &values, "")));
    }
    match input.age {
        Some(age) if age < YOUNG_BEFORE_AGE && kind == LossKind::Balding => findings.push((
            Candidacy::Caution,
            note(Msg::YoungProgression, &[("age", u64::from(age))]),
        )),
        Some(_) => {}
        None if kind != LossKind::None && kind != LossKind::Alopecia => {
            findings.push((Candidacy::Yes, note(Msg::AgeMatters, &[])))
        }
        None => {}
    }
    let mut supply = counts(&[
        ("grafts", u64::from(grafts.typical)),
        ("capacity", u64::from(capacity)),
        ("reserve", u64::from(plan.reserve)),
        ("plannable", u64::from(plan.plannable)),
        (
            "short",
            u64::from(grafts.typical.saturating_sub(plan.plannable)),
        ),
    ]);
    // A share, so each presenter writes its locale's percent sign.
    supply.insert(
        3,
        (
            "reserve_percent",
            Figure::Percent((plan.reserve_share * 100.0).round()),
        ),
    );
    if grafts.typical > 0 && grafts.min > capacity {
        let values = [
            ("grafts", u64::from(grafts.min)),
            ("capacity", u64::from(capacity)),
        ];
        findings.push((Candidacy::No, note(Msg::InsufficientDonor, &values)));
    } else if grafts.typical > capacity {
        findings.push((
            Candidacy::Caution,
            Note::new(Msg::DonorShortfall, &supply, ""),
        ));
    } else if grafts.typical > plan.plannable {
        findings.push((
            Candidacy::Caution,
            Note::new(Msg::DonorReserve, &supply, ""),
        ));
    }
    let covers_crown = input
        .treatment_regions()
        .iter()
        .any(|(region, _)| *region == Region::Crown);
    // Crown work is advised only with an above-average donor (Bernstein;
    // Rassman on ishrs-htforum.org): with any other, a plan that grafts the
    // crown is a caution, not a plain yes.
    if covers_crown && input.donor != Donor::Good && kind == LossKind::Balding {
        findings.push((Candidacy::Caution, note(Msg::CrownWork, &[])));
    }
    findings.extend(consultation::transplant_findings(input));
    let candidate = findings
        .iter()
        .map(|(level, _)| *level)
        .max()
        .unwrap_or(Candidacy::Yes);
    // The gravest finding first (a few items: no general sort needed).
    let mut notes: Vec<Note> = Vec::with_capacity(findings.len() + 1);
    for level in [Candidacy::No, Candidacy::Caution, Candidacy::Yes] {
        notes.extend(
            findings
                .iter()
                .filter(|(l, _)| *l == level)
                .map(|(_, note)| note.clone()),
        );
    }
    match candidate {
        Candidacy::Yes => notes.insert(
            0,
            note(Msg::DonorCovers, &[("capacity", u64::from(capacity))]),
        ),
        Candidacy::No => notes.push(note(Msg::TransplantNotAdvised, &[])),
        Candidacy::Caution => {}
    }
    (candidate, notes)
}

/// The sentence for the donor supply beside the figures: short of the
/// need, covering it only with a caution, or enough.
fn donor_summary(candidate: Candidacy, plan: &DonorPlan, shortfall: u32) -> Note {
    let capacity = ("capacity", u64::from(plan.capacity));
    if shortfall > 0 {
        note(
            Msg::TransplantDonorShort,
            &[capacity, ("short", u64::from(shortfall))],
        )
    } else if candidate == Candidacy::Yes {
        note(Msg::TransplantDonorEnough, &[capacity])
    } else {
        note(Msg::TransplantDonorLimited, &[capacity])
    }
}

/// The transplant half of a quote, with the unrounded typical cost that
/// the lifetime cost starts from (`None` when surgery is not advised).
pub fn quote(
    input: &EstimateInput,
    area_cm2: f64,
    settings: &ClinicSettings,
) -> (TransplantQuote, Option<f64>) {
    let pricing = &consultation::pricing_for(input, &settings.transplant);
    let grafts = grafts_needed(input, area_cm2);
    let plan = donor::plan(input);
    // Only grafts the donor area can give with its reserve kept are
    // planned, operated on and paid for.
    let planned = grafts.map(|count| count.min(plan.plannable));
    let surgeries = surgeries(planned, pricing);
    let step = settings.rounding_step;
    let raw = raw_cost(planned, pricing, step);
    let (candidate, notes) = candidacy(input, grafts, &plan);
    let advised = candidate != Candidacy::No;
    let shortfall = grafts.typical.saturating_sub(plan.plannable);
    let cost_note = (planned != grafts && advised).then(|| {
        note(
            Msg::TransplantPricedGrafts,
            &[
                ("planned", u64::from(planned.typical)),
                ("grafts", u64::from(grafts.typical)),
            ],
        )
    });
    let quote = TransplantQuote {
        grafts,
        planned_grafts: planned,
        surgeries,
        donor_capacity: plan.capacity,
        donor_taken: plan.prior.map_or(0, |(_, taken)| taken),
        donor_reserve: plan.reserve,
        shortfall_grafts: shortfall,
        cost: advised.then(|| raw.map(|amount| round_money(amount, step))),
        cost_note,
        chair_hours: chair_hours(planned, surgeries),
        downtime_days: downtime_days(surgeries),
        months_to_result: months_to_result(surgeries),
        candidate,
        donor_summary: donor_summary(candidate, &plan, shortfall),
        notes,
        medication_per_year: pricing
            .medication_per_month
            .map(|monthly| round_money(monthly * 12.0, step)),
    };
    (quote, advised.then_some(raw.typical))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surgeries_grow_without_a_cliff() {
        let pricing = ClinicSettings::default().transplant;
        let at = |grafts: u32| {
            surgeries(
                Spread {
                    min: grafts * 8 / 10,
                    typical: grafts,
                    max: grafts * 12 / 10,
                },
                &pricing,
            )
        };
        // A megasession of 3,000 does Norwood IV's 2,450 in one; the most
        // without one is two.
        assert_eq!(
            at(2450),
            Spread {
                min: 1,
                typical: 1,
                max: 2
            }
        );
        // One more graft past the megasession gives two typically, but the
        // range still reaches one.
        assert_eq!(
            at(3050),
            Spread {
                min: 1,
                typical: 2,
                max: 2
            }
        );
        assert_eq!(surgeries_for(2350, 2350, 1650), 1);
        assert_eq!(surgeries_for(4000, 2350, 1650), 2);
        assert_eq!(surgeries_for(4001, 2350, 1650), 3);
    }
}
