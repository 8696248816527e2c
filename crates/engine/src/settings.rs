//! The clinic's settings: currency, prices, financing, booking link, lead
//! capture, theme and wording. This file holds the types (the settings
//! file's schema); the parts are their own files:
//! - `defaults`: a US clinic at published mid-market prices, every figure
//!   with its source (named again in `docs/model.md`);
//! - `checks`: reading a settings file over the defaults or a market's
//!   preset, and every check of the values, each problem named by field;
//! - `contrast`: the WCAG colour maths behind the accent's check;
//! - `overrides`: the clinic's own wording of messages, per language.

use serde::{Deserialize, Serialize};

use crate::consultation::Techniques;

mod checks;
mod contrast;
mod defaults;
mod overrides;
#[cfg(test)]
mod tests;

pub use defaults::{clinic_figures, TOUCH_UP_SHARE};

/// A figure a nested object was given without: `NaN`, which the checks
/// report as "is required" with the field's path.
fn required() -> f64 {
    f64::NAN
}

/// A price or figure quoted as a range with a typical value inside it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PriceRange {
    #[serde(default = "required")]
    pub min: f64,
    #[serde(default = "required")]
    pub typical: f64,
    #[serde(default = "required")]
    pub max: f64,
}

impl Default for PriceRange {
    fn default() -> Self {
        defaults::range(f64::NAN, f64::NAN, f64::NAN)
    }
}

/// A range without a typical value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Span {
    #[serde(default = "required")]
    pub min: f64,
    #[serde(default = "required")]
    pub max: f64,
}

/// The full-course SMP price for treatment areas up to `up_to_cm2`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PriceBand {
    #[serde(default = "required")]
    pub up_to_cm2: f64,
    #[serde(default)]
    pub price: PriceRange,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TouchUp {
    /// What a touch-up costs at the least, for a small area: the floor
    /// under `share_of_course` (min for the cheapest, max for the dearest).
    pub price: Span,
    /// A touch-up's price as a share of the course it refreshes (0 to 1):
    /// about a third (fullscalp.com), so it grows with the area.
    pub share_of_course: Span,
    /// How many years apart touch-ups are needed.
    pub every_years: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SmpPricing {
    /// Full-course prices by extent, smallest area first. A clinic prices
    /// either by bands or by session, not both.
    pub bands: Vec<PriceBand>,
    /// Price of one session, when the clinic charges by session instead.
    pub price_per_session: Option<f64>,
    /// No course costs less than this.
    pub minimum_fee: f64,
    /// Added to a course when a scar is camouflaged as well, for a typical
    /// scar (a 20 cm strip or one FUE harvest); it follows the scar's size.
    pub scar_addon: PriceRange,
    /// A scar-only course for a typical scar, when the clinic prices by
    /// bands; it follows the scar's size like the add-on.
    pub scar_only: PriceRange,
    pub touch_up: TouchUp,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TransplantPricing {
    pub price_per_graft: PriceRange,
    /// No transplant costs less than this: the clinic's package floor.
    pub minimum_fee: f64,
    /// Grafts a first surgery usually moves.
    pub grafts_per_surgery: u32,
    /// Grafts a later surgery usually moves: fewer, as the donor area has
    /// given some already.
    pub later_grafts_per_surgery: u32,
    /// The most grafts one surgery moves when the clinic does megasessions;
    /// `None` when it does not.
    pub megasession_grafts: Option<u32>,
    /// Maintenance medication per month (finasteride, minoxidil) counted in
    /// the lifetime cost; `None` leaves it out.
    pub medication_per_month: Option<f64>,
    /// The clinic's price and daily graft count for each technique a
    /// visitor may ask about: neutral until the clinic sets them.
    #[serde(default)]
    pub techniques: Techniques,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Financing {
    /// Annual percentage rate; 0 for interest-free plans.
    pub apr_percent: f64,
    /// The terms offered, in months; the monthly figure uses the longest.
    pub terms_months: Vec<u32>,
}

/// The clinic's settings. A clinic's JSON file names any of these fields
/// and is merged over the defaults (or a market's preset); the fields are
/// declared in the order in which problems with them are listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClinicSettings {
    pub clinic_name: String,
    /// Where the call to action leads; `None` hides it. Must be http(s).
    pub booking_url: Option<String>,
    /// ISO 4217 code, such as `USD`.
    pub currency: String,
    /// BCP 47 tag for number formatting, such as `en-US`.
    pub locale: String,
    /// Every amount is rounded to the nearest multiple of this.
    pub rounding_step: f64,
    pub smp: SmpPricing,
    pub transplant: TransplantPricing,
    /// Consultation requests from the results; `None` (the default) offers
    /// none.
    pub lead: Option<LeadSettings>,
    /// Pushes the widget's events into `window.dataLayer` for Google Tag
    /// Manager (never personal data); off by default.
    pub datalayer: bool,
    /// The clinic's own wording of any message, by language then message
    /// id: `{"de": {"widget-title": "Ihr Angebot"}}`.
    #[serde(with = "overrides")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(
            with = "std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>"
        )
    )]
    pub messages: Vec<(String, Vec<(String, String)>)>,
    pub theme: Theme,
    pub financing: Option<Financing>,
}

/// How the widget looks on the clinic's page; `None` keeps our default.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    /// The accent colour of buttons, links and the SMP figures: `#rgb` or
    /// `#rrggbb`, dark enough for white text on it (WCAG AA, 4.5:1).
    pub accent: Option<String>,
    /// A CSS font family list, such as `"Lato", sans-serif`.
    pub font: Option<String>,
}

/// Where a consultation request goes; `ClinicSettings::lead` is `None`
/// (the default) when the clinic takes none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct LeadSettings {
    /// The clinic's own endpoint that receives the request as a JSON POST:
    /// `https://`, or `http://` on `localhost` and `127.0.0.1` for testing.
    pub endpoint: Option<String>,
    /// An address to open the visitor's email app to (`mailto:`) when there
    /// is no endpoint.
    pub email: Option<String>,
    /// The wording of the consent checkbox, in the clinic's words; the
    /// default wording is shown in the visitor's language.
    pub consent: String,
}
