//! Donor planning: how many grafts the visitor's donor area can still give,
//! after any earlier surgery, and how many a careful surgeon would plan
//! with, keeping a reserve for further loss. Sources in `docs/model.md`.

use super::input::{Donor, EstimateInput, ScarKind, TYPICAL_STRIP_CM};

/// Grafts a donor area gives over a lifetime with FUE: about 6,000 typical,
/// 3,750–7,000 across patients (Rassman, baldingblog.com; clinics).
pub fn lifetime_supply(donor: Donor) -> u32 {
    match donor {
        Donor::Good => 7000,
        Donor::Average => 6000,
        Donor::Poor => 3750,
    }
}

/// Follicular units per cm² in the donor area: 80–100 (J Soc Cosmet Chem;
/// Bernstein), a poor donor at the low end (our assumption).
pub fn donor_density(donor: Donor) -> f64 {
    match donor {
        Donor::Good => 100.0,
        Donor::Average => 90.0,
        Donor::Poor => 80.0,
    }
}

/// Width of the strip a FUT surgery cuts out: strips are cut 1–1.5 cm
/// wide; we take 1.2 cm (our assumption).
pub const STRIP_WIDTH_CM: f64 = 1.2;

/// Grafts an earlier FUE surgery typically took: the ISHRS 2025 average
/// first session.
pub const FUE_SESSION_GRAFTS: u32 = 2350;

/// What an earlier surgery took from the donor area, for the note.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PriorSurgery {
    /// A strip of this length and `STRIP_WIDTH_CM` wide.
    Strip { length_cm: f64 },
    /// One typical FUE session.
    Fue,
}

/// The donor supply for a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct DonorPlan {
    /// Grafts over a lifetime before any surgery.
    pub lifetime: u32,
    /// What an earlier surgery took, when the visitor has its scar.
    pub prior: Option<(PriorSurgery, u32)>,
    /// What the donor area can still give.
    pub capacity: u32,
    /// The share of `capacity` kept for further loss.
    pub reserve_share: f64,
    /// Grafts kept in reserve.
    pub reserve: u32,
    /// Grafts a plan may use: capacity less the reserve.
    pub plannable: u32,
}

/// The share of the supply kept for further loss: hair loss goes on, so
/// surgeons plan with a reserve (Rassman, baldingblog.com), larger for the
/// young, whose loss progresses most (Bernstein; ISHRS). A fifth, and two
/// fifths under 25 and three tenths under 30, are our assumptions.
pub fn reserve_share(age: Option<u32>) -> f64 {
    match age {
        Some(age) if age < 25 => 0.4,
        Some(age) if age < 30 => 0.3,
        _ => 0.2,
    }
}

/// Under this age, surgeons warn against early surgery because the loss
/// progresses; many advise waiting until the mid-twenties (Bernstein; ISHRS
/// patient pages).
pub const YOUNG_BEFORE_AGE: u32 = 25;

pub fn plan(input: &EstimateInput) -> DonorPlan {
    let lifetime = lifetime_supply(input.donor);
    let prior = input.scar.map(|scar| match scar.kind {
        ScarKind::Fut => {
            let length_cm = scar.length_cm.unwrap_or(TYPICAL_STRIP_CM);
            let grafts = length_cm * STRIP_WIDTH_CM * donor_density(input.donor);
            (PriorSurgery::Strip { length_cm }, grafts.round() as u32)
        }
        ScarKind::Fue => (PriorSurgery::Fue, FUE_SESSION_GRAFTS),
    });
    let taken = prior.map_or(0, |(_, grafts)| grafts);
    let capacity = lifetime.saturating_sub(taken);
    let reserve_share = reserve_share(input.age);
    let reserve = (f64::from(capacity) * reserve_share).round() as u32;
    DonorPlan {
        lifetime,
        prior,
        capacity,
        reserve_share,
        reserve,
        plannable: capacity - reserve.min(capacity),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Pattern, Scar};

    #[test]
    fn a_strip_takes_its_length_times_width_times_density() {
        let input = EstimateInput {
            scar: Some(Scar {
                kind: ScarKind::Fut,
                length_cm: Some(20.0),
            }),
            ..EstimateInput::new(Pattern::Norwood5)
        };
        let plan = plan(&input);
        // 20 cm × 1.2 cm × 90 FU/cm² = 2,160 grafts of 6,000.
        assert_eq!(plan.capacity, 6000 - 2160);
        assert_eq!(plan.reserve, 768);
        assert_eq!(plan.plannable, 3840 - 768);
    }

    #[test]
    fn the_young_keep_a_larger_reserve_and_capacity_is_never_negative() {
        let young = EstimateInput {
            age: Some(22),
            donor: Donor::Poor,
            scar: Some(Scar {
                kind: ScarKind::Fut,
                length_cm: Some(40.0),
            }),
            ..EstimateInput::new(Pattern::Norwood3)
        };
        let plan = plan(&young);
        assert_eq!(plan.capacity, 0);
        assert_eq!(plan.plannable, 0);
        assert!(reserve_share(Some(22)) > reserve_share(Some(40)));
        assert_eq!(reserve_share(None), reserve_share(Some(40)));
    }
}
