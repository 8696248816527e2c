//! The hair-transplant side of a quote: grafts, surgeries, donor supply,
//! cost, downtime and candidacy. Sources are in `docs/model.md`.

use super::input::{Donor, EstimateInput};
use super::messages::Msg;
use super::money::round_money;
use super::pattern::LossKind;
use super::quote::{Candidacy, Figure, MinMax, Note, Spread, TransplantQuote};
use super::settings::ClinicSettings;

/// Share of the bald-scalp implant density a pattern needs. Thinning scalps
/// keep some hair, so grafts go between existing hairs; grafts into scar
/// tissue are spaced wider because scar tissue carries fewer of them.
/// Both are our assumptions (no published figure), named in docs/model.md.
fn coverage(kind: LossKind) -> f64 {
    match kind {
        LossKind::None | LossKind::Balding | LossKind::Alopecia => 1.0,
        LossKind::Thinning => 0.6,
        LossKind::Scar => 0.5,
    }
}

/// Share of the bald-scalp density used for this pattern, for explanations.
pub fn coverage_of(kind: LossKind) -> f64 {
    coverage(kind)
}

/// Grafts are quoted to the nearest 50, as surgeons quote them.
const GRAFT_ROUNDING: f64 = 50.0;

/// Grafts to cover `area_cm2` of this pattern: each region the pattern
/// covers, scaled to the visitor's area, times the region's implant density.
pub fn grafts_needed(input: &EstimateInput, area_cm2: f64) -> Spread<u32> {
    let regions = input.treatment_regions();
    let scale = area_cm2 / input.regions_area_cm2();
    let coverage = coverage(input.pattern.info().kind);
    let mut raw = Spread {
        min: 0.0,
        typical: 0.0,
        max: 0.0,
    };
    for (region, region_area) in regions {
        let (min, typical, max) = region.graft_density();
        let area = region_area * scale * coverage;
        raw.min += area * min;
        raw.typical += area * typical;
        raw.max += area * max;
    }
    raw.map(|grafts| {
        ((grafts / GRAFT_ROUNDING).round() * GRAFT_ROUNDING).max(GRAFT_ROUNDING) as u32
    })
}

/// Grafts a donor area gives over a lifetime with FUE: about 6,000 typical,
/// 3,750–7,000 across patients (Rassman, baldingblog.com; clinics).
pub fn donor_capacity(donor: Donor) -> u32 {
    match donor {
        Donor::Good => 7000,
        Donor::Average => 6000,
        Donor::Poor => 3750,
    }
}

/// Days off work after one surgery: 7–14 (Bernstein: FUE about 10 days,
/// FUT sutures out at 10–14).
const DOWNTIME_DAYS_PER_SURGERY: MinMax<u32> = MinMax { min: 7, max: 14 };

/// Months from a surgery to its final result: 12–18 (hairman.com,
/// medbelle.com). A further surgery waits for the previous one to grow,
/// which we take as 8–12 months (our assumption, docs/model.md).
const MONTHS_TO_RESULT: MinMax<u32> = MinMax { min: 12, max: 18 };
const MONTHS_BETWEEN_SURGERIES: MinMax<u32> = MinMax { min: 8, max: 12 };

fn note(id: Msg, values: &[(&'static str, u64)]) -> Note {
    let values: Vec<(&'static str, Figure)> = values
        .iter()
        .map(|(name, count)| (*name, Figure::Count(*count)))
        .collect();
    // Transplant notes hold counts only, never money.
    Note::new(id, &values, "")
}

/// Whether surgery suits this visitor, and why, worst reason first.
fn candidacy(input: &EstimateInput, grafts: Spread<u32>, capacity: u32) -> (Candidacy, Vec<Note>) {
    let mut findings: Vec<(Candidacy, Note)> = Vec::new();
    let kind = input.pattern.info().kind;
    match kind {
        LossKind::None => findings.push((Candidacy::No, note(Msg::NoLoss, &[]))),
        LossKind::Alopecia => findings.push((Candidacy::No, note(Msg::Alopecia, &[]))),
        LossKind::Thinning => findings.push((Candidacy::Caution, note(Msg::DiffuseThinning, &[]))),
        LossKind::Scar => findings.push((Candidacy::Caution, note(Msg::ScarTissue, &[]))),
        LossKind::Balding => {}
    }
    if input.donor == Donor::Poor {
        findings.push((Candidacy::Caution, note(Msg::PoorDonor, &[])));
    }
    let short = grafts.typical.saturating_sub(capacity);
    if grafts.min > capacity {
        findings.push((
            Candidacy::No,
            note(
                Msg::InsufficientDonor,
                &[
                    ("grafts", u64::from(grafts.min)),
                    ("capacity", u64::from(capacity)),
                    ("short", u64::from(short)),
                ],
            ),
        ));
    } else if short > 0 {
        findings.push((
            Candidacy::Caution,
            note(
                Msg::DonorShortfall,
                &[
                    ("capacity", u64::from(capacity)),
                    ("short", u64::from(short)),
                ],
            ),
        ));
    }
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
    if candidate == Candidacy::Yes {
        notes.push(note(Msg::DonorCovers, &[("capacity", u64::from(capacity))]));
    }
    (candidate, notes)
}

/// The transplant half of a quote, with the unrounded typical cost that the
/// lifetime cost starts from.
pub fn quote(
    input: &EstimateInput,
    area_cm2: f64,
    settings: &ClinicSettings,
) -> (TransplantQuote, f64) {
    let pricing = &settings.transplant;
    let grafts = grafts_needed(input, area_cm2);
    let capacity = donor_capacity(input.donor);
    // Only grafts the donor area can give are operated on and paid for.
    let movable = grafts.map(|count| count.min(capacity));
    let surgeries = movable.typical.div_ceil(pricing.grafts_per_surgery).max(1);
    let price = pricing.price_per_graft;
    let step = settings.rounding_step;
    let typical = f64::from(movable.typical) * price.typical;
    let cost = Spread {
        min: round_money(f64::from(movable.min) * price.min, step),
        typical: round_money(typical, step),
        max: round_money(f64::from(movable.max) * price.max, step),
    };
    let (candidate, notes) = candidacy(input, grafts, capacity);
    let later = surgeries - 1;
    let quote = TransplantQuote {
        grafts,
        surgeries,
        donor_capacity: capacity,
        shortfall_grafts: grafts.typical.saturating_sub(capacity),
        cost,
        downtime_days: MinMax {
            min: DOWNTIME_DAYS_PER_SURGERY.min * surgeries,
            max: DOWNTIME_DAYS_PER_SURGERY.max * surgeries,
        },
        months_to_result: MinMax {
            min: MONTHS_TO_RESULT.min + MONTHS_BETWEEN_SURGERIES.min * later,
            max: MONTHS_TO_RESULT.max + MONTHS_BETWEEN_SURGERIES.max * later,
        },
        candidate,
        notes,
        medication_per_year: pricing
            .medication_per_month
            .map(|monthly| round_money(monthly * 12.0, step)),
    };
    (quote, typical)
}
