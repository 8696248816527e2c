//! The settings a clinic starts from: a US clinic at published mid-market
//! prices. Every figure names its source here and in `docs/model.md`.

use super::*;
use crate::consultation::Techniques;
use crate::messages::{Catalogue, Figure, Msg, Plain};
use crate::pattern::WHOLE_SCALP_CM2;

pub(super) const fn range(min: f64, typical: f64, max: f64) -> PriceRange {
    PriceRange { min, typical, max }
}

/// The clinic's name when the clinic gives none.
pub const DEFAULT_CLINIC_NAME: &str = "Our clinic";

/// The figures of a message that names the clinic: its name, and whether
/// it has one (`named`), so that a clinic that set none reads "the
/// clinic's prices", never "Our clinic's prices" mid-sentence.
pub fn clinic_figures(name: &str) -> [(&'static str, Figure); 2] {
    let named = if name == DEFAULT_CLINIC_NAME {
        "no"
    } else {
        "yes"
    };
    [
        ("clinic", Figure::Text(name.to_string())),
        ("named", Figure::Word(named)),
    ]
}

impl Default for ClinicSettings {
    /// A US clinic at published mid-market prices (docs/model.md).
    fn default() -> Self {
        let band = |up_to_cm2, price| PriceBand { up_to_cm2, price };
        ClinicSettings {
            clinic_name: DEFAULT_CLINIC_NAME.into(),
            booking_url: None,
            currency: "USD".into(),
            locale: "en-US".into(),
            rounding_step: 50.0,
            smp: SmpPricing {
                // US courses run from $1,200 for a hairline to about $5,000
                // typical and $7,000 for extensive work (Scalp Micro USA,
                // jonathangerow.com); scar-only work $1,200–2,500.
                bands: vec![
                    band(40.0, range(1200.0, 1800.0, 2500.0)),
                    band(90.0, range(2000.0, 2800.0, 3500.0)),
                    band(150.0, range(2800.0, 3800.0, 4800.0)),
                    band(250.0, range(3500.0, 4500.0, 6000.0)),
                    band(WHOLE_SCALP_CM2, range(4500.0, 5500.0, 7000.0)),
                ],
                price_per_session: None,
                minimum_fee: 1000.0,
                // About one extra session at the published $500–1,200 per
                // session (ruli.com), kept low enough that Norwood VI–VII
                // with a scar stays within the published $7,000.
                scar_addon: range(500.0, 750.0, 1000.0),
                // Scar-only work $1,200–2,500 (aggregators).
                scar_only: range(1200.0, 1800.0, 2500.0),
                touch_up: TouchUp {
                    // $300–500 for small areas (primelineokc.com), about a
                    // third of the course otherwise (fullscalp.com), every
                    // 3–5 years (coastsmp.com).
                    price: Span {
                        min: 300.0,
                        max: 500.0,
                    },
                    share_of_course: TOUCH_UP_SHARE,
                    every_years: Span { min: 3.0, max: 5.0 },
                },
            },
            transplant: TransplantPricing {
                // US $4–10 per graft (hairtransplantnetwork.com).
                price_per_graft: range(4.0, 7.0, 10.0),
                // Small sessions sell at flat fees of about $3,000–7,000
                // (biologyinsights.com): the floor is the low end.
                minimum_fee: 3000.0,
                // ISHRS 2025 census: 2,347 grafts in a first session and
                // 1,637 in later ones on average; megasessions 3,000–5,000
                // (this clinic at the low end: our assumption).
                grafts_per_surgery: 2350,
                later_grafts_per_surgery: 1650,
                megasession_grafts: Some(3000),
                medication_per_month: None,
                // Neutral: the published differences (FUE about 50% dearer
                // than FUT, unshaven FUE 60% dearer than shaved) are single
                // clinics' prices, quoted in the setup page's help.
                techniques: Techniques::default(),
            },
            financing: None,
            theme: Theme::default(),
            lead: None,
            datalayer: false,
            messages: Vec::new(),
        }
    }
}

/// A touch-up costs about a third of the course it refreshes
/// (fullscalp.com): 25–35% around that third.
pub const TOUCH_UP_SHARE: Span = Span {
    min: 0.25,
    max: 0.35,
};

/// The default consent as the clinic's settings hold it: English, for a
/// clinic without a name (the setup page shows it in its field).
pub(super) fn default_consent() -> String {
    Catalogue::english().format(
        Msg::LeadConsent,
        &clinic_figures(DEFAULT_CLINIC_NAME),
        &Plain { currency: "" },
    )
}

impl Default for LeadSettings {
    fn default() -> Self {
        LeadSettings {
            endpoint: None,
            email: None,
            consent: default_consent(),
        }
    }
}
