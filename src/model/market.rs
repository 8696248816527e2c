//! Starting prices for a few markets, for the setup page and `smp-quote
//! config --market`: each from the published figures of DOMAIN.md, with
//! what is our own assumption said so (docs/model.md, section "Markets").

use super::json::{object, ToJson, Value};
use super::pattern::WHOLE_SCALP_CM2;
use super::settings::{ClinicSettings, PriceBand, PriceRange, Span, TouchUp};

/// A market whose published prices a clinic can start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Market {
    UnitedStates,
    UnitedKingdom,
    EuroArea,
    Turkey,
}

const fn range(min: f64, typical: f64, max: f64) -> PriceRange {
    PriceRange { min, typical, max }
}

const fn band(up_to_cm2: f64, price: PriceRange) -> PriceBand {
    PriceBand { up_to_cm2, price }
}

/// Touch-ups at `min`–`max` each, every 3–5 years as everywhere
/// (coastsmp.com, primelineokc.com).
const fn touch_ups(min: f64, max: f64) -> TouchUp {
    TouchUp {
        price: Span { min, max },
        every_years: Span { min: 3.0, max: 5.0 },
    }
}

impl Market {
    pub const ALL: [Market; 4] = [
        Market::UnitedStates,
        Market::UnitedKingdom,
        Market::EuroArea,
        Market::Turkey,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Market::UnitedStates => "us",
            Market::UnitedKingdom => "uk",
            Market::EuroArea => "euro",
            Market::Turkey => "turkey",
        }
    }

    pub fn from_id(id: &str) -> Option<Market> {
        Market::ALL.into_iter().find(|market| market.id() == id)
    }

    pub fn name(self) -> &'static str {
        match self {
            Market::UnitedStates => "United States",
            Market::UnitedKingdom => "United Kingdom",
            Market::EuroArea => "Euro area",
            Market::Turkey => "Turkey (transplant prices)",
        }
    }

    /// Where each figure comes from, in plain words.
    pub fn sources(self) -> &'static [&'static str] {
        match self {
            Market::UnitedStates => &[
                "SMP $1,200 (hairline) to about $5,000 typical and $7,000 extensive: Scalp Micro USA, jonathangerow.com.",
                "Touch-ups $300–800 every 3–5 years: coastsmp.com, primelineokc.com.",
                "Transplant $4–10 per graft: hairtransplantnetwork.com; 2,347 grafts in a first surgery on average: ISHRS 2025 census.",
            ],
            Market::UnitedKingdom => &[
                "SMP £400–850 (Norwood II–III, Ludwig I), £850–1,500 (Norwood IV–V, Ludwig II), £1,500–2,500 (Norwood VI–VII, Ludwig III): smpaesthetics.co.uk; the typical price is the middle of each range (our assumption).",
                "Transplant £2,500–12,000, about £4,800 on average: wimpoleclinic.com, ruli.com; £1.50–4 per graft, £2 typical, is that average over the ISHRS average of 2,347 grafts (derived).",
                "Scar add-on £200–400 and touch-ups £125–300: no published UK figure; the US figures scaled by the UK/US ratio of course prices, about 0.35–0.4 (our assumption).",
            ],
            Market::EuroArea => &[
                "SMP €990–2,490 against a transplant at €4,000–15,000 or more: vanc.clinic; the SMP span split over the same three extents as the UK list (our assumption).",
                "Transplant €2–3.50 per graft, €2.50 typical: €4,000 for about 2,000 grafts to €15,000 for about 5,000 (derived).",
                "Scar add-on €300–600 and touch-ups €200–500: no published figure; the US figures scaled by the euro/US ratio of course prices, about 0.5 (our assumption).",
            ],
            Market::Turkey => &[
                "Transplant €0.65–1.50 per graft: bluemagiclinic.com; €1 typical (our assumption); up to 4,000 grafts in one megasession (ISHRS: 3,000–5,000).",
                "SMP: no published Turkish price; the euro-area figures (vanc.clinic), which a clinic should replace with its own.",
            ],
        }
    }

    /// The settings a clinic in this market starts from.
    pub fn settings(self) -> ClinicSettings {
        let mut settings = ClinicSettings::default();
        let euro_smp = || {
            vec![
                band(60.0, range(990.0, 1240.0, 1490.0)),
                band(120.0, range(1490.0, 1740.0, 1990.0)),
                band(WHOLE_SCALP_CM2, range(1990.0, 2240.0, 2490.0)),
            ]
        };
        match self {
            Market::UnitedStates => {}
            Market::UnitedKingdom => {
                settings.currency = "GBP".into();
                settings.locale = "en-GB".into();
                settings.rounding_step = 25.0;
                let smp = &mut settings.smp;
                smp.bands = vec![
                    band(60.0, range(400.0, 625.0, 850.0)),
                    band(120.0, range(850.0, 1175.0, 1500.0)),
                    band(WHOLE_SCALP_CM2, range(1500.0, 2000.0, 2500.0)),
                ];
                smp.minimum_fee = 400.0;
                smp.scar_addon = range(200.0, 300.0, 400.0);
                smp.touch_up = touch_ups(125.0, 300.0);
                settings.transplant.price_per_graft = range(1.5, 2.0, 4.0);
            }
            Market::EuroArea | Market::Turkey => {
                settings.currency = "EUR".into();
                settings.locale = if self == Market::Turkey {
                    "en-GB"
                } else {
                    "en-IE"
                }
                .into();
                settings.rounding_step = 10.0;
                let smp = &mut settings.smp;
                smp.bands = euro_smp();
                smp.minimum_fee = 990.0;
                smp.scar_addon = range(300.0, 450.0, 600.0);
                smp.touch_up = touch_ups(200.0, 500.0);
                if self == Market::Turkey {
                    settings.transplant.price_per_graft = range(0.65, 1.0, 1.5);
                    settings.transplant.grafts_per_surgery = 4000;
                } else {
                    settings.transplant.price_per_graft = range(2.0, 2.5, 3.5);
                }
            }
        }
        settings
    }
}

impl ToJson for Market {
    /// `{id, name, sources, settings}`, for the setup page.
    fn to_json(&self) -> Value {
        object([
            ("id", self.id().to_json()),
            ("name", self.name().to_json()),
            ("sources", self.sources().to_json()),
            ("settings", self.settings().to_json()),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{estimate, EstimateInput, Pattern};

    #[test]
    fn every_market_is_valid_and_round_trips() {
        for market in Market::ALL {
            let settings = market.settings();
            assert_eq!(settings.validate(), [], "{}", market.id());
            assert_eq!(
                ClinicSettings::from_json(&settings.to_json()).unwrap(),
                settings
            );
            assert_eq!(Market::from_id(market.id()), Some(market));
            assert!(!market.sources().is_empty());
        }
    }

    #[test]
    fn markets_quote_their_published_ranges() {
        let quote = |market: Market, pattern| {
            estimate(&EstimateInput::new(pattern), &market.settings()).unwrap()
        };
        // UK: £400–850 for Norwood III, £1,500–2,500 for Norwood VII.
        let uk = quote(Market::UnitedKingdom, Pattern::Norwood3);
        assert_eq!((uk.smp.cost.min, uk.smp.cost.max), (400, 850));
        let uk = quote(Market::UnitedKingdom, Pattern::Norwood7);
        assert_eq!((uk.smp.cost.min, uk.smp.cost.max), (1500, 2500));
        // Turkey: a Norwood IV transplant far below the US price.
        let turkey = quote(Market::Turkey, Pattern::Norwood4);
        let us = quote(Market::UnitedStates, Pattern::Norwood4);
        assert!(turkey.transplant.cost.typical * 4 < us.transplant.cost.typical);
        assert_eq!(turkey.currency, "EUR");
    }
}
