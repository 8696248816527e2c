//! The clinic's settings: currency, prices, financing and booking link.
//!
//! The defaults are a US clinic at published mid-market prices; every figure
//! names its source in `docs/model.md` (and `../shared/DOMAIN.md`).

use serde::{Deserialize, Serialize};

use super::consultation::{self, Techniques};
use super::lead::{self, LeadSettings};
use super::messages::Figure;
use super::pattern::WHOLE_SCALP_CM2;
use super::problem::{merge_problems, show_figure, show_number, thousands, FieldError};
use super::value::{self, Value};

mod overrides;

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
        range(f64::NAN, f64::NAN, f64::NAN)
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

const fn range(min: f64, typical: f64, max: f64) -> PriceRange {
    PriceRange { min, typical, max }
}

/// The clinic's name when the clinic gives none.
pub const DEFAULT_CLINIC_NAME: &str = "Our clinic";

/// The figures of a message that names the clinic: its name, and whether
/// it has one (`named`), so that a clinic that set none reads "the
/// clinic's prices", never "Our clinic's prices" mid-sentence (issue 16).
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

pub const MIN_GRAFTS_PER_SURGERY: u32 = 500;
pub const MAX_GRAFTS_PER_SURGERY: u32 = 6000;
pub const MAX_TERM_MONTHS: u32 = 120;

impl ClinicSettings {
    /// Reads a clinic's settings from JSON, merged over the defaults, and
    /// reports every problem at once.
    pub fn from_json(value: &Value) -> Result<Self, Vec<FieldError>> {
        ClinicSettings::from_json_over(value, ClinicSettings::default())
    }

    /// Reads a clinic's settings from JSON merged over `base` (a market's
    /// preset, say), and reports every problem at once.
    pub fn from_json_over(value: &Value, base: ClinicSettings) -> Result<Self, Vec<FieldError>> {
        let base_value = value::to_value(&base);
        let (read, mut problems) =
            value::read::<ClinicSettings>(value, Some(&base_value), "settings");
        let settings = read.unwrap_or(base);
        merge_problems(&mut problems, settings.validate());
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(problems)
        }
    }

    /// Checks the values: used for JSON and for settings built in code, so
    /// the engine never works on bad figures.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut check = Checker::default();
        if let Some(lead) = &self.lead {
            check.problems.extend(lead::check_settings(lead));
        }
        if self.clinic_name.trim().is_empty() || self.clinic_name.chars().count() > 100 {
            check.fail("clinic_name", "must be 1 to 100 characters");
        }
        if let Some(url) = &self.booking_url {
            if let Err(why) = check_booking_url(url) {
                check.fail("booking_url", why);
            }
        }
        if !(self.currency.len() == 3 && self.currency.bytes().all(|b| b.is_ascii_uppercase())) {
            check.fail(
                "currency",
                format!(
                    "must be a three-letter currency code (ISO 4217) such as USD, EUR or GBP, not \"{}\"",
                    shorten(&self.currency)
                ),
            );
        }
        if !is_language_tag(&self.locale) {
            check.fail(
                "locale",
                format!(
                    "must be a language and country code such as en-US, de-DE or en-GB, not \"{}\"",
                    shorten(&self.locale)
                ),
            );
        }
        // Below a cent the arithmetic could overflow; above 100,000 every
        // price would round to nothing.
        let step = self.rounding_step;
        if step.is_nan() || !(0.01..=100_000.0).contains(&step) {
            check.fail(
                "rounding_step",
                format!("must be from 0.01 to 100,000, not {}", show_figure(step)),
            );
        }

        let smp = &self.smp;
        match (smp.bands.is_empty(), smp.price_per_session) {
            (true, None) => check.fail(
                "smp.bands",
                "is empty: give price bands or a smp.price_per_session",
            ),
            (false, Some(_)) => check.fail(
                "smp.price_per_session",
                "must be empty when there are price bands (price either by bands or by session)",
            ),
            (true, Some(price)) => check.positive("smp.price_per_session", price, 1e7),
            (false, None) => {}
        }
        let mut previous: Option<&PriceBand> = None;
        for (index, band) in smp.bands.iter().enumerate() {
            let path = format!("smp.bands[{index}]");
            check.positive(
                &format!("{path}.up_to_cm2"),
                band.up_to_cm2,
                WHOLE_SCALP_CM2,
            );
            check.price_range(&format!("{path}.price"), &band.price);
            if let Some(previous) = previous {
                if band.up_to_cm2 <= previous.up_to_cm2 {
                    check.fail(
                        format!("{path}.up_to_cm2"),
                        "must be larger than the band before it (smallest area first)",
                    );
                }
                let p = (&band.price, &previous.price);
                if p.0.min < p.1.min || p.0.typical < p.1.typical || p.0.max < p.1.max {
                    check.fail(
                        format!("{path}.price"),
                        "must not be lower than the band before it (a larger area never costs less)",
                    );
                }
            }
            previous = Some(band);
        }
        check.amount("smp.minimum_fee", smp.minimum_fee);
        check.price_range("smp.scar_addon", &smp.scar_addon);
        check.price_range("smp.scar_only", &smp.scar_only);
        check.span("smp.touch_up.price", &smp.touch_up.price, 1e7);
        check.span(
            "smp.touch_up.share_of_course",
            &smp.touch_up.share_of_course,
            1.0,
        );
        let years = &smp.touch_up.every_years;
        check.span("smp.touch_up.every_years", years, 30.0);
        if years.min == 0.0 {
            check.fail("smp.touch_up.every_years.min", "must be more than 0");
        }

        let transplant = &self.transplant;
        check.price_range("transplant.price_per_graft", &transplant.price_per_graft);
        check.amount("transplant.minimum_fee", transplant.minimum_fee);
        let sessions = [
            ("grafts_per_surgery", Some(transplant.grafts_per_surgery)),
            (
                "later_grafts_per_surgery",
                Some(transplant.later_grafts_per_surgery),
            ),
            ("megasession_grafts", transplant.megasession_grafts),
        ];
        for (name, grafts) in sessions {
            let Some(grafts) = grafts else { continue };
            if !(MIN_GRAFTS_PER_SURGERY..=MAX_GRAFTS_PER_SURGERY).contains(&grafts) {
                check.fail(
                    format!("transplant.{name}"),
                    format!(
                        "must be from {MIN_GRAFTS_PER_SURGERY} to {MAX_GRAFTS_PER_SURGERY}, not {grafts}"
                    ),
                );
            }
        }
        if let Some(mega) = transplant.megasession_grafts {
            if mega < transplant.grafts_per_surgery {
                check.fail(
                    "transplant.megasession_grafts",
                    format!(
                        "must be at least the grafts per surgery ({}), not {}",
                        thousands(u64::from(transplant.grafts_per_surgery)),
                        thousands(u64::from(mega))
                    ),
                );
            }
        }
        if let Some(medication) = transplant.medication_per_month {
            check.amount("transplant.medication_per_month", medication);
        }
        check.problems.extend(consultation::check_techniques(
            &transplant.techniques,
            MIN_GRAFTS_PER_SURGERY,
            MAX_GRAFTS_PER_SURGERY,
        ));

        if let Some(financing) = &self.financing {
            let apr = financing.apr_percent;
            if !(apr.is_finite() && (0.0..=100.0).contains(&apr)) {
                check.fail(
                    "financing.apr_percent",
                    format!("must be from 0 to 100, not {}", show_number(apr)),
                );
            }
            if financing.terms_months.is_empty() {
                check.fail("financing.terms_months", "must list at least one term");
            }
            for (index, months) in financing.terms_months.iter().enumerate() {
                if !(1..=MAX_TERM_MONTHS).contains(months) {
                    check.fail(
                        format!("financing.terms_months[{index}]"),
                        format!("must be from 1 to {MAX_TERM_MONTHS} months, not {months}"),
                    );
                }
            }
        }
        if let Some(accent) = &self.theme.accent {
            if let Err(why) = check_accent(accent) {
                check.fail("theme.accent", why);
            }
        }
        if let Some(font) = &self.theme.font {
            let allowed = |c: char| {
                c.is_ascii_alphanumeric()
                    || (!c.is_ascii() && !c.is_control())
                    || " ,-_'\"".contains(c)
            };
            if font.trim().is_empty() || font.chars().count() > 200 || !font.chars().all(allowed) {
                check.fail(
                    "theme.font",
                    "must be a list of font names such as \"Lato\", sans-serif (letters, digits, spaces, commas, hyphens and quotes)",
                );
            }
        }
        check.problems
    }
}

/// Reads `#rgb` or `#rrggbb` into its red, green and blue bytes.
pub fn parse_hex_colour(colour: &str) -> Option<[u8; 3]> {
    let hex = colour.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |text: &str| u8::from_str_radix(text, 16).ok();
    match hex.len() {
        3 => {
            let mut rgb = [0; 3];
            for (index, digit) in hex.chars().enumerate() {
                rgb[index] = channel(&format!("{digit}{digit}"))?;
            }
            Some(rgb)
        }
        6 => Some([
            channel(&hex[0..2])?,
            channel(&hex[2..4])?,
            channel(&hex[4..6])?,
        ]),
        _ => None,
    }
}

/// WCAG 2.2 contrast ratio of a colour against white.
pub fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let linear = |byte: u8| {
        let value = f64::from(byte) / 255.0;
        if value <= 0.04045 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (luminance + 0.05)
}

/// The accent carries white text, so it must be a plain hex colour (nothing
/// that could smuggle CSS) dark enough for WCAG AA.
fn check_accent(accent: &str) -> Result<(), String> {
    let rgb = parse_hex_colour(accent).ok_or_else(|| {
        format!(
            "must be a colour such as #0b5c8a (# and 3 or 6 hex digits), not \"{}\"",
            shorten(accent)
        )
    })?;
    let contrast = contrast_with_white(rgb);
    if contrast < 4.5 {
        return Err(format!(
            "is too light for white text on it: {accent} gives a contrast of {}:1, and the widget needs 4.5:1 or more (WCAG AA)",
            super::number::fixed(contrast, 1)
        ));
    }
    Ok(())
}

/// Accumulates value problems.
#[derive(Default)]
struct Checker {
    problems: Vec<FieldError>,
}

impl Checker {
    fn fail(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.problems.push(FieldError::new(field, message));
    }

    /// A money amount: finite and not negative.
    fn amount(&mut self, field: &str, value: f64) -> bool {
        let ok = value.is_finite() && (0.0..=1e9).contains(&value);
        if !ok {
            let message = if value.is_nan() {
                "is required".to_string()
            } else {
                format!(
                    "must be a number from 0 to 1,000,000,000, not {}",
                    show_figure(value)
                )
            };
            self.fail(field, message);
        }
        ok
    }

    fn positive(&mut self, field: &str, value: f64, max: f64) {
        if value.is_nan() {
            self.fail(field, "is required");
        } else if !(value > 0.0 && value <= max) {
            self.fail(
                field,
                format!(
                    "must be more than 0 and at most {}, not {}",
                    show_figure(max),
                    show_figure(value)
                ),
            );
        }
    }

    fn price_range(&mut self, field: &str, range: &PriceRange) {
        let all_ok = [
            ("min", range.min),
            ("typical", range.typical),
            ("max", range.max),
        ]
        .into_iter()
        .fold(true, |ok, (part, value)| {
            self.amount(&format!("{field}.{part}"), value) && ok
        });
        if all_ok && !(range.min <= range.typical && range.typical <= range.max) {
            self.fail(
                field,
                format!(
                    "the typical price ({}) must lie between the lowest ({}) and the highest ({})",
                    show_figure(range.typical),
                    show_figure(range.min),
                    show_figure(range.max)
                ),
            );
        }
    }

    fn span(&mut self, field: &str, span: &Span, max: f64) {
        let mut ok = true;
        for (part, value) in [("min", span.min), ("max", span.max)] {
            if !(value.is_finite() && (0.0..=max).contains(&value)) {
                self.fail(
                    format!("{field}.{part}"),
                    format!(
                        "must be a number from 0 to {}, not {}",
                        show_figure(max),
                        show_figure(value)
                    ),
                );
                ok = false;
            }
        }
        if ok && span.min > span.max {
            self.fail(
                field,
                format!(
                    "the lowest ({}) must not be more than the highest ({})",
                    show_figure(span.min),
                    show_figure(span.max)
                ),
            );
        }
    }
}

fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}

/// A booking link must be a plain http(s) address: anything else (a
/// `javascript:` URL above all) could run script on the clinic's page. Its
/// host is read as a browser reads it, so `https://clinic.example@evil.example`
/// (which goes to evil.example) is refused, not taken for the clinic's.
fn check_booking_url(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("must start with https:// or http://")?;
    super::web_address::authority_host(rest)?;
    if url.len() > 2000 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must be one address of at most 2000 characters without spaces");
    }
    Ok(())
}

/// A BCP 47 language tag in its common shape: a 2–3 letter language, then
/// subtags of 1–8 letters or digits (`en`, `en-US`, `zh-Hant-TW`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::json;
    use crate::model::ToJson;

    fn problems(value: Value) -> Vec<String> {
        ClinicSettings::from_json(&value)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn defaults_are_valid_and_round_trip_through_json() {
        let defaults = ClinicSettings::default();
        assert_eq!(defaults.validate(), []);
        let json = defaults.to_json();
        assert_eq!(ClinicSettings::from_json(&json).unwrap(), defaults);
    }

    #[test]
    fn a_clinic_rewords_messages_per_language_and_is_told_what_is_wrong() {
        let settings = ClinicSettings::from_json(&json!({
            "messages": {"de": {"widget-title": "Ihr Angebot", "book": "Termin bei {clinic}"}}
        }))
        .unwrap();
        assert_eq!(
            settings.messages,
            [(
                "de".to_string(),
                // (json! sorts keys; a clinic's file keeps its order)
                vec![
                    ("book".to_string(), "Termin bei {clinic}".to_string()),
                    ("widget-title".to_string(), "Ihr Angebot".to_string())
                ]
            )]
        );
        assert_eq!(
            ClinicSettings::from_json(&settings.to_json()).unwrap(),
            settings
        );
        let problems = ClinicSettings::from_json(&json!({
            "messages": {
                "nl": {"widget-title": "Uw schatting"},
                "es": {
                    "widget-tittle": "Su estimación",
                    "book": "Reserve con {clinica}",
                    "usually": "normalmente {range",
                    "disclaimer": "",
                    "tool-print": 3
                },
                "fr": "Votre estimation"
            }
        }))
        .unwrap_err();
        let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "messages.es.book: {clinica} is not one of this message's figures ({clinic}, {named})",
                "messages.es.disclaimer: must be 1 to 1000 characters",
                "messages.es.tool-print: must be text, not 3",
                "messages.es.usually: a { is never closed",
                "messages.es.widget-tittle: is not a message id (see i18n/en.json)",
                "messages.fr: must be an object of messages by id, not \"Votre estimation\"",
                "messages.nl: is not a language the widget speaks (one of en, es, de, fr, pt, tr, ar)",
            ]
        );
    }

    #[test]
    fn an_empty_object_means_the_defaults() {
        assert_eq!(
            ClinicSettings::from_json(&json!({})).unwrap(),
            ClinicSettings::default()
        );
    }

    #[test]
    fn a_partial_file_is_merged_over_the_defaults() {
        let settings = ClinicSettings::from_json(&json!({
            "currency": "EUR",
            "locale": "de-DE",
            "smp": {"touch_up": {"price": {"min": 250, "max": 600}}},
            "financing": {"apr_percent": 0, "terms_months": [12, 24]}
        }))
        .unwrap();
        assert_eq!(settings.currency, "EUR");
        assert_eq!(
            settings.smp.touch_up.price,
            Span {
                min: 250.0,
                max: 600.0
            }
        );
        assert_eq!(
            settings.smp.touch_up.every_years,
            Span { min: 3.0, max: 5.0 }
        );
        assert_eq!(settings.smp.bands, ClinicSettings::default().smp.bands);
        assert_eq!(settings.financing.unwrap().terms_months, [12, 24]);
    }

    #[test]
    fn a_clinic_can_price_by_session_instead_of_bands() {
        let settings = ClinicSettings::from_json(&json!({
            "smp": {"bands": [], "price_per_session": 900}
        }))
        .unwrap();
        assert_eq!(settings.smp.price_per_session, Some(900.0));
    }

    #[test]
    fn reports_every_shape_problem_at_once_with_its_path() {
        assert_eq!(
            problems(json!({
                "currency": 5,
                "smp": {"minimum_fee": "cheap", "touch_up": {"every_years": {"min": "3"}}, "colour": 1},
                "transplant": {"grafts_per_surgery": 2.5},
                "colours": {}
            })),
            [
                "currency: must be text, not 5",
                "smp.minimum_fee: must be a number, not \"cheap\"",
                "smp.touch_up.every_years.min: must be a number, not \"3\"",
                "smp.colour: unknown field (expected one of bands, price_per_session, minimum_fee, scar_addon, scar_only, touch_up)",
                "transplant.grafts_per_surgery: must be a whole number of at least 0, not 2.5",
                "colours: unknown field (expected one of clinic_name, booking_url, currency, locale, rounding_step, smp, transplant, lead, datalayer, messages, theme, financing)",
            ]
        );
    }

    #[test]
    fn reports_every_value_problem_at_once_with_its_path() {
        assert_eq!(
            problems(json!({
                "currency": "usd",
                "locale": "english",
                "rounding_step": 0,
                "booking_url": "javascript:alert(1)",
                "smp": {
                    "bands": [],
                    "price_per_session": -5,
                    "scar_addon": {"min": 900, "typical": 700, "max": 1000}
                },
                "transplant": {"price_per_graft": {"min": -1, "typical": 5, "max": 8}},
                "financing": {"apr_percent": 120, "terms_months": [0, 24]}
            })),
            [
                "booking_url: must start with https:// or http://",
                "currency: must be a three-letter currency code (ISO 4217) such as USD, EUR or GBP, not \"usd\"",
                "locale: must be a language and country code such as en-US, de-DE or en-GB, not \"english\"",
                "rounding_step: must be from 0.01 to 100,000, not 0",
                "smp.price_per_session: must be more than 0 and at most 10,000,000, not -5",
                "smp.scar_addon: the typical price (700) must lie between the lowest (900) and the highest (1,000)",
                "transplant.price_per_graft.min: must be a number from 0 to 1,000,000,000, not -1",
                "financing.apr_percent: must be from 0 to 100, not 120",
                "financing.terms_months[0]: must be from 1 to 120 months, not 0",
            ]
        );
    }

    #[test]
    fn bands_must_grow_with_the_area() {
        let band = |up_to: f64, price: f64| serde_json::json!({"up_to_cm2": up_to, "price": {"min": price, "typical": price, "max": price}});
        assert_eq!(
            problems(json!({"smp": {"bands": [band(50.0, 2000.0), band(40.0, 1500.0)]}})),
            [
                "smp.bands[1].up_to_cm2: must be larger than the band before it (smallest area first)",
                "smp.bands[1].price: must not be lower than the band before it (a larger area never costs less)",
            ]
        );
        assert_eq!(
            problems(json!({"smp": {"bands": [{"price": {"min": 1}}]}})),
            [
                "smp.bands[0].up_to_cm2: is required",
                "smp.bands[0].price.typical: is required",
                "smp.bands[0].price.max: is required",
            ]
        );
        assert_eq!(
            problems(json!({"smp": {"bands": [{"up_to_cm2": 30, "price": {"min": 1}}]}})),
            [
                "smp.bands[0].price.typical: is required",
                "smp.bands[0].price.max: is required",
            ]
        );
    }

    #[test]
    fn settings_must_choose_one_way_to_price_smp() {
        assert_eq!(
            problems(json!({"smp": {"price_per_session": 800}})),
            ["smp.price_per_session: must be empty when there are price bands (price either by bands or by session)"]
        );
        assert_eq!(
            problems(json!({"smp": {"bands": []}})),
            ["smp.bands: is empty: give price bands or a smp.price_per_session"]
        );
    }

    #[test]
    fn theme_colours_must_be_plain_and_readable() {
        let settings = ClinicSettings::from_json(
            &json!({"theme": {"accent": "#7a1f5c", "font": "\"Lato\", sans-serif"}}),
        )
        .unwrap();
        assert_eq!(settings.theme.accent.as_deref(), Some("#7a1f5c"));
        assert_eq!(
            problems(json!({"theme": {"accent": "red; background: url(x)", "font": "x}{"}})),
            [
                "theme.accent: must be a colour such as #0b5c8a (# and 3 or 6 hex digits), not \"red; background: url(x)\"",
                "theme.font: must be a list of font names such as \"Lato\", sans-serif (letters, digits, spaces, commas, hyphens and quotes)",
            ]
        );
        assert_eq!(
            problems(json!({"theme": {"accent": "#fc0"}})),
            ["theme.accent: is too light for white text on it: #fc0 gives a contrast of 1.5:1, and the widget needs 4.5:1 or more (WCAG AA)"]
        );
        assert_eq!(parse_hex_colour("#0B5C8A"), Some([11, 92, 138]));
        assert!((contrast_with_white([0, 0, 0]) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn booking_links_and_tags_are_checked() {
        assert!(check_booking_url("https://clinic.example/book?x=1").is_ok());
        assert!(check_booking_url("http://localhost:8080").is_ok());
        assert!(check_booking_url("https://").is_err());
        assert!(check_booking_url("https://a b").is_err());
        assert!(check_booking_url("JAVASCRIPT:alert(1)").is_err());
        assert!(check_booking_url("data:text/html,x").is_err());
        for good in ["en", "en-US", "de-DE", "zh-Hant-TW", "ar-EG-u-nu-arab"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "e", "english", "en_US", "en--US", "<b>"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn a_booking_link_is_where_a_browser_would_go() {
        use crate::model::web_address::{HOST_REFUSED, USER_INFO_REFUSED};
        assert_eq!(
            check_booking_url("https://clinic.example/book?by=a@b"),
            Ok(())
        );
        // Before the @ is a user name: these go to evil.example.
        for url in [
            "https://clinic.example@evil.example",
            "https://clinic.example:443@evil.example/book",
            "http://localhost:80@evil.example/",
        ] {
            assert_eq!(check_booking_url(url), Err(USER_INFO_REFUSED), "{url}");
        }
        assert_eq!(
            check_booking_url("https:///evil.example"),
            Err("must name a host after https://")
        );
        assert_eq!(
            check_booking_url("https://clinic.example:99999/"),
            Err(HOST_REFUSED)
        );
    }
}
