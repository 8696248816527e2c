//! Starting prices for a few markets, for the setup page and `smp-quote
//! config --market`: each from the published figures of DOMAIN.md, with
//! what is our own assumption said so (docs/model.md, section "Markets").

use serde::ser::{Serialize, SerializeStruct};

use super::pattern::WHOLE_SCALP_CM2;
use super::settings::{ClinicSettings, PriceBand, PriceRange, Span, TouchUp, TOUCH_UP_SHARE};

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

/// Touch-ups at about a third of the course (fullscalp.com: the share
/// is the same everywhere), never below `min`–`max` for a small area,
/// every 3–5 years as everywhere (coastsmp.com, primelineokc.com).
const fn touch_ups(min: f64, max: f64) -> TouchUp {
    TouchUp {
        price: Span { min, max },
        share_of_course: TOUCH_UP_SHARE,
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

    /// The market for its id, or its short name as `smp-quote --market`
    /// takes it (`eu`, `tr`).
    pub fn from_id(id: &str) -> Option<Market> {
        match id {
            "eu" => Some(Market::EuroArea),
            "tr" => Some(Market::Turkey),
            _ => Market::ALL.into_iter().find(|market| market.id() == id),
        }
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
                "SMP $1,200 (hairline) to about $5,000 typical and $7,000 extensive: Scalp Micro USA, jonathangerow.com; scar-only $1,200–2,500 (aggregators).",
                "Touch-ups about a third of the course (fullscalp.com), at least $300–500 for a small area (primelineokc.com), every 3–5 years (coastsmp.com).",
                "Transplant $4–10 per graft: hairtransplantnetwork.com; no transplant below $3,000, the low end of the flat fees of $3,000–7,000 for small sessions: biologyinsights.com.",
                "Surgeries: 2,347 grafts in a first session and 1,637 in later ones on average, megasessions 3,000–5,000: ISHRS 2025 census.",
            ],
            Market::UnitedKingdom => &[
                "SMP £500–2,000 per session at many clinics: en.ruli.com (2024); £800 for a session of about 3.5 hours (our assumption, low in that range), more or less as the area takes longer or shorter sessions.",
                "Transplant about £4,150 for 1,000 FUE grafts, FUE totals £5,000–12,000, about £3–4+ per graft: cosmeticsurgery.co.uk, en.ruli.com; £3–4.50, £3.60 typical; no transplant below £4,000 (about 1,000 grafts' price; our assumption from those figures).",
                "Scar add-on £500–1,200: about one more session at the session price above (coastsmp.com: a fourth session for scars); our assumption.",
                "Touch-ups about a third of the course (fullscalp.com), at least £350–500: a third of the smallest course this preset quotes, up to the low end of a UK session (derived).",
            ],
            Market::EuroArea => &[
                "SMP €990–2,490 against a transplant at €4,000–15,000 or more: vanc.clinic; the SMP span split over three extents (our assumption).",
                "Transplant around the German average of €3.29 per graft, €3–4 per graft, one chain €4.70: haartransplantation-vergleich.de, mybody.de, kostencheck.de; €3–4.70, €3.30 typical; no transplant below €3,500 (about 1,000 grafts at the German average, below vanc.clinic's lowest €4,000; our assumption).",
                "Scar add-on €330–830: about one more session (coastsmp.com), the course price over its usual three sessions (derived from vanc.clinic); scar-only work priced like the smallest course, as US scar-only prices match the smallest US course (our assumption).",
                "Touch-ups about a third of the course (fullscalp.com), at least €330–500: a third of the smallest course (derived).",
            ],
            Market::Turkey => &[
                "Transplant sold as packages: average €1,700–2,000, average total €3,780 at about €1.89 per graft, package floors well above €1,000: haartransplantation-vergleich.de, allturkey.co.uk, highsurgery.com; €0.65–1.50 per graft: bluemagiclinic.com.",
                "So €0.65–1.90 per graft, €1 typical, never below a €1,500 package (our assumption from those figures); megasessions of up to 4,000 grafts (ISHRS: 3,000–5,000).",
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
                smp.bands = Vec::new();
                smp.price_per_session = Some(800.0);
                smp.minimum_fee = 400.0;
                smp.scar_addon = range(500.0, 800.0, 1200.0);
                // Only used if the clinic switches to bands: the smallest
                // course of smpaesthetics.co.uk's list.
                smp.scar_only = range(400.0, 625.0, 850.0);
                smp.touch_up = touch_ups(350.0, 500.0);
                let transplant = &mut settings.transplant;
                transplant.price_per_graft = range(3.0, 3.6, 4.5);
                transplant.minimum_fee = 4000.0;
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
                smp.scar_addon = range(330.0, 580.0, 830.0);
                smp.scar_only = range(990.0, 1240.0, 1490.0);
                smp.touch_up = touch_ups(330.0, 500.0);
                let transplant = &mut settings.transplant;
                if self == Market::Turkey {
                    transplant.price_per_graft = range(0.65, 1.0, 1.9);
                    transplant.minimum_fee = 1500.0;
                    transplant.megasession_grafts = Some(4000);
                } else {
                    transplant.price_per_graft = range(3.0, 3.3, 4.7);
                    transplant.minimum_fee = 3500.0;
                }
            }
        }
        settings
    }
}

/// `{id, name, sources, settings}`, for the setup page.
impl Serialize for Market {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut market = serializer.serialize_struct("Market", 4)?;
        market.serialize_field("id", self.id())?;
        market.serialize_field("name", self.name())?;
        market.serialize_field("sources", &self.sources())?;
        market.serialize_field("settings", &self.settings())?;
        market.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ToJson;

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
        assert_eq!(Market::from_id("eu"), Some(Market::EuroArea));
        assert_eq!(Market::from_id("tr"), Some(Market::Turkey));
    }

    // The presets' quotes against the published prices are checked in
    // tests/engine.rs (`every_market_sheet_sits_inside_the_published_ranges`).
}
