//! The SMP side of a quote: sessions, time in the chair, schedule and cost.
//! Sources for every figure are in `docs/model.md`.

use super::input::{EstimateInput, Goal, ScarKind};
use super::messages::Msg;
use super::money::round_money;
use super::pattern::{LossKind, Pattern};
use super::quote::{FinancingTerms, MinMax, Note, SmpQuote, Spread, TouchUpQuote};
use super::settings::{ClinicSettings, PriceBand, PriceRange, SmpPricing};

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
    let small = area_cm2 < SMALL_AREA_CM2;
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
    MinMax {
        min: half_hours((area_cm2 / 60.0).clamp(2.0, 4.0)),
        max: half_hours((area_cm2 / 40.0).clamp(3.0, 5.0)),
    }
}

/// Days between sessions: 10–30 for the shaved look (smphaircreations.com),
/// 10–14 for density under longer hair (rockstarbeautylounge.com).
pub fn days_between_sessions(goal: Goal) -> MinMax<u32> {
    match goal {
        Goal::Shaved => MinMax { min: 10, max: 30 },
        Goal::Density => MinMax { min: 10, max: 14 },
    }
}

/// Weeks from the first session to the last: the fewest sessions at the
/// shortest spacing to the most at the longest.
pub fn weeks(sessions: Spread<u32>, gap_days: MinMax<u32>) -> MinMax<u32> {
    let weeks =
        |count: u32, days: u32| (f64::from(count.saturating_sub(1) * days) / 7.0).round() as u32;
    MinMax {
        min: weeks(sessions.min, gap_days.min),
        max: weeks(sessions.max, gap_days.max),
    }
}

/// The clinic's price band for an area: the first that reaches it, or the
/// last for areas beyond every band.
pub fn band_for(area_cm2: f64, pricing: &SmpPricing) -> Option<&PriceBand> {
    pricing
        .bands
        .iter()
        .find(|band| area_cm2 <= band.up_to_cm2)
        .or(pricing.bands.last())
}

/// The unrounded course price: the clinic's band for the area, or sessions
/// times its per-session price, plus a scar add-on, never below the minimum
/// fee. A scar-only course is priced by its own area and takes no add-on.
pub fn course_price(
    input: &EstimateInput,
    area_cm2: f64,
    sessions: Spread<u32>,
    settings: &ClinicSettings,
) -> PriceRange {
    let pricing = &settings.smp;
    let base = match pricing.price_per_session {
        Some(per_session) => {
            let by_count = sessions.map(|count| f64::from(count) * per_session);
            PriceRange {
                min: by_count.min,
                typical: by_count.typical,
                max: by_count.max,
            }
        }
        None => {
            let band = band_for(area_cm2, pricing).map(|band| band.price);
            band.unwrap_or(PriceRange {
                min: 0.0,
                typical: 0.0,
                max: 0.0,
            })
        }
    };
    let addon = match input.scar {
        Some(_) if input.pattern != Pattern::ScarOnly => pricing.scar_addon,
        _ => PriceRange {
            min: 0.0,
            typical: 0.0,
            max: 0.0,
        },
    };
    let fee = |price: f64, extra: f64| (price + extra).max(pricing.minimum_fee);
    PriceRange {
        min: fee(base.min, addon.min),
        typical: fee(base.typical, addon.typical),
        max: fee(base.max, addon.max),
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

/// The SMP half of a quote, with the unrounded typical course price that
/// the lifetime cost starts from.
pub fn quote(input: &EstimateInput, area_cm2: f64, settings: &ClinicSettings) -> (SmpQuote, f64) {
    let step = settings.rounding_step;
    let sessions = sessions(input, area_cm2);
    let gap = days_between_sessions(input.goal);
    let price = course_price(input, area_cm2, sessions, settings);
    let cost = Spread {
        min: round_money(price.min, step),
        typical: round_money(price.typical, step),
        max: round_money(price.max, step),
    };
    let touch_up = &settings.smp.touch_up;
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
            min: (f64::from(gap.min) / 7.0 * 2.0).round() / 2.0,
            max: (f64::from(gap.max) / 7.0 * 2.0).round() / 2.0,
        },
        weeks: weeks(sessions, gap),
        cost,
        touch_up: TouchUpQuote {
            every_years: MinMax {
                min: touch_up.every_years.min,
                max: touch_up.every_years.max,
            },
            cost: MinMax {
                min: round_money(touch_up.price.min, step),
                max: round_money(touch_up.price.max, step),
            },
        },
        monthly,
        financing,
        // Redness for 2–3 days after a session (coastsmp.com).
        redness_days: MinMax { min: 2, max: 3 },
        notes,
    };
    (quote, price.typical)
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
        assert_eq!(
            weeks(sessions, MinMax { min: 10, max: 30 }),
            MinMax { min: 1, max: 13 }
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
            MinMax { min: 0, max: 0 }
        );
    }
}
