//! The SMP side of a quote: sessions, time in the chair, schedule and cost.
//! Sources for every figure are in `docs/model.md`.

use super::consultation;
use super::input::{typical_scar_area_cm2, EstimateInput, Goal, ScarKind};
use super::messages::Msg;
use super::money::{round_money, round_money_up};
use super::pattern::{LossKind, Pattern};
use super::quote::{FinancingTerms, MinMax, Note, SmpQuote, Spread, TouchUpQuote};
use super::settings::{ClinicSettings, PriceRange, SmpPricing, TouchUp};

/// Below this area (a hairline, early recession, a scar) two sessions
/// usually suffice; larger areas usually take three (smphaircreations.com,
/// coastsmp.com: "usually 3, 2–4").
pub const SMALL_AREA_CM2: f64 = 40.0;

/// Sessions for the treatment.
///
/// Shaved look: 2–4 sessions, usually 3; 2 usually suffice for a small area.
/// Density under longer hair: 2–3 (rockstarbeautylounge.com).
/// Alopecia needs one more of each, scars at least 3 and up to 4
/// (looknaturalatl.com: scar camouflage 2–4; coastsmp.com: a 4th session
/// for alopecia and scars).
pub fn sessions(input: &EstimateInput, area_cm2: f64) -> Spread<u32> {
    sessions_for(input, area_cm2 < SMALL_AREA_CM2)
}

fn sessions_for(input: &EstimateInput, small: bool) -> Spread<u32> {
    let mut sessions = match (input.goal, small) {
        (Goal::Shaved, true) => Spread {
            min: 2,
            typical: 2,
            max: 3,
        },
        (Goal::Shaved, false) => Spread {
            min: 2,
            typical: 3,
            max: 4,
        },
        (Goal::Density, true) => Spread {
            min: 2,
            typical: 2,
            max: 3,
        },
        (Goal::Density, false) => Spread {
            min: 2,
            typical: 3,
            max: 3,
        },
    };
    match input.pattern.info().kind {
        LossKind::Alopecia => sessions = sessions.map(|n| (n + 1).min(4)),
        LossKind::Scar => sessions = with_scar(sessions),
        _ if input.scar.is_some() => sessions = with_scar(sessions),
        _ => {}
    }
    sessions
}

/// Sessions as a per-session price counts them: the small-area count
/// blends into the larger one over the 10 cm² below `SMALL_AREA_CM2`, so
/// a tiny change of area never adds a whole session to the price (the
/// sessions shown stay whole, and match the price from `SMALL_AREA_CM2`).
fn priced_sessions(input: &EstimateInput, area_cm2: f64) -> PriceRange {
    let small = sessions_for(input, true).map(f64::from);
    let large = sessions_for(input, false).map(f64::from);
    let t = ((area_cm2 - (SMALL_AREA_CM2 - 10.0)) / 10.0).clamp(0.0, 1.0);
    let blend = |a: f64, b: f64| a + t * (b - a);
    PriceRange {
        min: blend(small.min, large.min),
        typical: blend(small.typical, large.typical),
        max: blend(small.max, large.max),
    }
}

fn with_scar(sessions: Spread<u32>) -> Spread<u32> {
    Spread {
        min: sessions.min,
        typical: sessions.typical.max(3),
        max: sessions.max.max(4),
    }
}

/// Hours per session: 2–5 h (jonathangerow.com, smphaircreations.com),
/// growing with the area so that the largest cases stay near the ~20 h in
/// total that Rassman et al. (2015) report. Rounded to half hours.
pub fn hours_per_session(area_cm2: f64) -> MinMax<f64> {
    let half_hours = |hours: f64| (hours * 2.0).round() / 2.0;
    let hours = session_hours(area_cm2);
    MinMax {
        min: half_hours(hours.min),
        max: half_hours(hours.max),
    }
}

/// The same hours unrounded, for prices that must not jump.
fn session_hours(area_cm2: f64) -> MinMax<f64> {
    MinMax {
        min: (area_cm2 / 60.0).clamp(2.0, 4.0),
        max: (area_cm2 / 40.0).clamp(3.0, 5.0),
    }
}

/// The length of session a clinic's per-session price is for: 3.5 hours,
/// the middle of the published 2–5 h (our assumption). A longer session
/// costs that much more, a shorter one less.
pub const REFERENCE_SESSION_HOURS: f64 = 3.5;

/// How much longer than the reference a session for this area takes.
pub fn session_length_factor(area_cm2: f64) -> f64 {
    let hours = session_hours(area_cm2);
    (hours.min + hours.max) / 2.0 / REFERENCE_SESSION_HOURS
}

/// Days between sessions: 10–30 for the shaved look (smphaircreations.com),
/// 10–14 for density under longer hair (rockstarbeautylounge.com).
pub fn days_between_sessions(goal: Goal) -> MinMax<u32> {
    match goal {
        Goal::Shaved => MinMax { min: 10, max: 30 },
        Goal::Density => MinMax { min: 10, max: 14 },
    }
}

/// A gap in days as weeks, to the half week.
pub fn half_weeks(days: u32) -> f64 {
    (f64::from(days) / 7.0 * 2.0).round() / 2.0
}

/// Weeks from the first session to the last: the fewest sessions at the
/// shortest gap to the most at the longest, from the same half weeks as
/// the gap itself, so the schedule reads the same everywhere.
pub fn weeks(sessions: Spread<u32>, gap_days: MinMax<u32>) -> MinMax<f64> {
    MinMax {
        min: span(sessions.min, gap_days.min),
        max: span(sessions.max, gap_days.max),
    }
}

/// Weeks from the first session to the last of the typical course alone
/// (`sessions.typical`), at the shortest and the longest gap: the span of
/// the schedule the widget lists, so the sentence under it agrees with it.
pub fn typical_weeks(sessions: Spread<u32>, gap_days: MinMax<u32>) -> MinMax<f64> {
    MinMax {
        min: span(sessions.typical, gap_days.min),
        max: span(sessions.typical, gap_days.max),
    }
}

fn span(count: u32, gap_days: u32) -> f64 {
    f64::from(count.saturating_sub(1)) * half_weeks(gap_days)
}

/// The clinic's band prices at `area_cm2`, continuous in the area: each
/// band's price holds up to its area; above it the price rises in a
/// straight line to the next band's over the next 20% of area (or up to
/// that band's own limit, if nearer), so a tiny change of area never jumps
/// a whole band.
pub fn band_price(area_cm2: f64, pricing: &SmpPricing) -> PriceRange {
    let bands = &pricing.bands;
    let Some(first) = bands.first() else {
        return PriceRange {
            min: 0.0,
            typical: 0.0,
            max: 0.0,
        };
    };
    if area_cm2 <= first.up_to_cm2 {
        return first.price;
    }
    let mut price = first.price;
    for pair in bands.windows(2) {
        let (lower, upper) = (&pair[0], &pair[1]);
        if area_cm2 <= lower.up_to_cm2 {
            break;
        }
        let ramp_end = (lower.up_to_cm2 * 1.2).min(upper.up_to_cm2);
        let t = ((area_cm2 - lower.up_to_cm2) / (ramp_end - lower.up_to_cm2)).clamp(0.0, 1.0);
        let blend = |a: f64, b: f64| a + t * (b - a);
        price = PriceRange {
            min: blend(lower.price.min, upper.price.min),
            typical: blend(lower.price.typical, upper.price.typical),
            max: blend(lower.price.max, upper.price.max),
        };
    }
    price
}

/// How large the visitor's scar is against the typical scar the clinic's
/// scar prices are for (a 20 cm strip with its blending band).
pub fn scar_size_factor(area_cm2: f64) -> f64 {
    area_cm2 / typical_scar_area_cm2()
}

fn scale(price: PriceRange, factor: f64) -> PriceRange {
    PriceRange {
        min: price.min * factor,
        typical: price.typical * factor,
        max: price.max * factor,
    }
}

/// The unrounded course price for `area_cm2`: by session (sessions times
/// the per-session price, scaled by the session's length), or by the
/// clinic's bands; scar-only work by the clinic's scar-only price scaled
/// by the scar's size. A scar beside a pattern adds the scar add-on
/// scaled the same way. Never below the minimum fee, rounded up to the
/// clinic's step so that no rounding takes a price below it.
pub fn course_price(input: &EstimateInput, area_cm2: f64, settings: &ClinicSettings) -> PriceRange {
    let pricing = &settings.smp;
    let scar_only = input.pattern == Pattern::ScarOnly;
    let base = match pricing.price_per_session {
        Some(per_session) => scale(
            priced_sessions(input, area_cm2),
            per_session * session_length_factor(area_cm2),
        ),
        None if scar_only => scale(pricing.scar_only, scar_size_factor(area_cm2)),
        None => band_price(area_cm2, pricing),
    };
    let addon = match input.scar {
        Some(scar) if !scar_only => {
            scale(pricing.scar_addon, scar_size_factor(scar.smp_area_cm2()))
        }
        _ => scale(pricing.scar_addon, 0.0),
    };
    // No course costs more than the clinic's whole-scalp course: that top
    // band is "extensive work with scars" in the published US list (up to
    // $7,000, DOMAIN.md), so a long scar or a large scar-only area does not
    // run past it (our assumption for other clinics' lists).
    let top = match pricing.price_per_session {
        None => pricing.bands.last().map(|band| band.price),
        Some(_) => None,
    };
    let minimum = round_money_up(pricing.minimum_fee, settings.rounding_step) as f64;
    let fee = |price: f64, extra: f64, most: Option<f64>| {
        let price = price + extra;
        most.map_or(price, |most| price.min(most)).max(minimum)
    };
    PriceRange {
        min: fee(base.min, addon.min, top.map(|top| top.min)),
        typical: fee(base.typical, addon.typical, top.map(|top| top.typical)),
        max: fee(base.max, addon.max, top.map(|top| top.max)),
    }
}

/// A touch-up's unrounded price: a share of the course it refreshes, never
/// below the clinic's price for a small area.
pub fn touch_up_price(course: PriceRange, touch_up: &TouchUp) -> MinMax<f64> {
    MinMax {
        min: (course.min * touch_up.share_of_course.min).max(touch_up.price.min),
        max: (course.max * touch_up.share_of_course.max).max(touch_up.price.max),
    }
}

/// The monthly instalment for `principal` over `months` at `apr_percent`
/// (standard annuity formula), unrounded.
pub fn monthly_payment(principal: f64, apr_percent: f64, months: u32) -> f64 {
    let months = f64::from(months.max(1));
    let rate = apr_percent / 100.0 / 12.0;
    if rate == 0.0 {
        principal / months
    } else {
        principal * rate / (1.0 - (1.0 + rate).powf(-months))
    }
}

/// The SMP half of a quote, with the unrounded typical course and touch-up
/// prices that the lifetime cost starts from.
pub fn quote(
    input: &EstimateInput,
    area_cm2: f64,
    settings: &ClinicSettings,
) -> (SmpQuote, f64, f64) {
    let step = settings.rounding_step;
    let sessions = sessions(input, area_cm2);
    let gap = days_between_sessions(input.goal);
    let price = course_price(input, area_cm2, settings);
    let cost = Spread {
        min: round_money(price.min, step),
        typical: round_money(price.typical, step),
        max: round_money(price.max, step),
    };
    let touch_up = &settings.smp.touch_up;
    let touch_up_cost = touch_up_price(price, touch_up);
    // Instalments are financed on the price the visitor is charged and shown
    // to the whole unit: a rounding step of 50 would distort a monthly figure.
    let financing = settings.financing.as_ref().and_then(|financing| {
        let months = financing.terms_months.iter().copied().max()?;
        Some(FinancingTerms {
            months,
            apr_percent: financing.apr_percent,
        })
    });
    let monthly = financing.as_ref().map(|terms| {
        round_money(
            monthly_payment(cost.typical as f64, terms.apr_percent, terms.months),
            1.0,
        )
    });
    let mut notes = Vec::new();
    if let Some(scar) = input.scar {
        if scar.kind == ScarKind::Fut {
            notes.push(Note::new(Msg::FutScarHealing, &[], &settings.currency));
        }
    }
    if input.pattern == Pattern::AlopeciaAreata {
        notes.push(Note::new(
            Msg::AlopeciaAreataPatches,
            &[],
            &settings.currency,
        ));
    }
    notes.extend(consultation::smp_notes(input, &settings.currency));
    let hours = hours_per_session(area_cm2);
    let quote = SmpQuote {
        sessions,
        hours_per_session: hours,
        total_hours: MinMax {
            min: f64::from(sessions.min) * hours.min,
            max: f64::from(sessions.max) * hours.max,
        },
        days_between_sessions: gap,
        weeks_between_sessions: MinMax {
            min: half_weeks(gap.min),
            max: half_weeks(gap.max),
        },
        weeks: weeks(sessions, gap),
        typical_weeks: typical_weeks(sessions, gap),
        cost,
        touch_up: TouchUpQuote {
            every_years: MinMax {
                min: touch_up.every_years.min,
                max: touch_up.every_years.max,
            },
            cost: MinMax {
                min: round_money(touch_up_cost.min, step),
                max: round_money(touch_up_cost.max, step),
            },
        },
        monthly,
        financing,
        // Redness for 2–3 days after a session (coastsmp.com).
        redness_days: MinMax { min: 2, max: 3 },
        notes,
    };
    let typical_touch_up = (touch_up_cost.min + touch_up_cost.max) / 2.0;
    (quote, price.typical, typical_touch_up)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monthly_payment_matches_the_annuity_formula() {
        assert_eq!(monthly_payment(1200.0, 0.0, 12), 100.0);
        // $3,000 over 36 months at 9.9% APR is $96.66 a month.
        let payment = monthly_payment(3000.0, 9.9, 36);
        assert!((payment - 96.66).abs() < 0.01, "{payment}");
    }

    #[test]
    fn hours_grow_with_the_area_within_two_to_five() {
        assert_eq!(hours_per_session(25.0), MinMax { min: 2.0, max: 3.0 });
        assert_eq!(hours_per_session(210.0), MinMax { min: 3.5, max: 5.0 });
        assert_eq!(hours_per_session(775.0), MinMax { min: 4.0, max: 5.0 });
    }

    #[test]
    fn weeks_span_first_to_last_session() {
        let sessions = Spread {
            min: 2,
            typical: 3,
            max: 4,
        };
        // 10–30 days is 1.5–4.5 weeks apart, so 1.5–13.5 weeks in all.
        assert_eq!(
            weeks(sessions, MinMax { min: 10, max: 30 }),
            MinMax {
                min: 1.5,
                max: 13.5
            }
        );
        assert_eq!(
            weeks(
                Spread {
                    min: 1,
                    typical: 1,
                    max: 1
                },
                MinMax { min: 10, max: 30 }
            ),
            MinMax { min: 0.0, max: 0.0 }
        );
        // The typical course alone: 3 sessions are two gaps, 3–9 weeks.
        assert_eq!(
            typical_weeks(sessions, MinMax { min: 10, max: 30 }),
            MinMax { min: 3.0, max: 9.0 }
        );
    }
}
