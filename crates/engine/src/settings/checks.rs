//! Reading a clinic's settings file (merged over the defaults or a
//! market's preset) and checking every value, so that the engine never
//! works on bad figures. Every problem is reported at once, named by its
//! field, in words a clinic can act on.

use super::contrast::{contrast_with_white, parse_hex_colour};
use super::defaults::default_consent;
use super::*;
use crate::contact::is_email;
use crate::messages::{Catalogue, Msg, Writer};
use crate::pattern::WHOLE_SCALP_CM2;
use crate::problem::{merge_problems, show_figure, show_number, thousands, FieldError};
use crate::value::{self, Value};

const MIN_GRAFTS_PER_SURGERY: u32 = 500;
const MAX_GRAFTS_PER_SURGERY: u32 = 6000;
const MAX_TERM_MONTHS: u32 = 120;

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
            check.problems.extend(check_lead(lead));
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
        check.problems.extend(crate::consultation::check_techniques(
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

impl LeadSettings {
    /// The consent wording the visitor reads: the clinic's own, or the
    /// default in the visitor's language.
    /// The default wording names the clinic when it has a name ("I agree
    /// that Northside Hair Studio may contact me"), written by `writer`.
    pub fn consent_in(
        &self,
        messages: &Catalogue,
        clinic_name: &str,
        writer: &dyn Writer,
    ) -> String {
        if self.consent == default_consent() {
            messages.format(Msg::LeadConsent, &clinic_figures(clinic_name), writer)
        } else {
            self.consent.clone()
        }
    }
}

/// Checks the clinic's lead settings; each problem names its field.
pub(super) fn check_lead(lead: &LeadSettings) -> Vec<FieldError> {
    let mut problems = Vec::new();
    if let Some(endpoint) = &lead.endpoint {
        if let Err(why) = check_endpoint(endpoint) {
            problems.push(FieldError::new("lead.endpoint", why));
        }
    }
    if let Some(email) = &lead.email {
        if !is_email(email) {
            problems.push(FieldError::new(
                "lead.email",
                "must be an email address such as hello@clinic.example",
            ));
        }
    }
    let consent = lead.consent.trim();
    if consent.is_empty() || consent.chars().count() > 500 {
        problems.push(FieldError::new(
            "lead.consent",
            "must be 1 to 500 characters",
        ));
    }
    problems
}

/// Where visitors' contact details go: https, or http on this machine for
/// testing. The host is read as a browser reads it, so
/// `http://localhost:80@evil.example/` (which goes to evil.example) is
/// refused, not taken for localhost.
pub(super) fn check_endpoint(url: &str) -> Result<(), &'static str> {
    let (secure, rest) = match (url.strip_prefix("https://"), url.strip_prefix("http://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        _ => return Err("must start with https://"),
    };
    let hostname = crate::web_address::authority_host(rest)?;
    if !secure && !crate::web_address::is_loopback(hostname) {
        return Err("must start with https:// (http:// only on localhost, for testing)");
    }
    if url.len() > 2000 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must be one address of at most 2000 characters without spaces");
    }
    Ok(())
}

/// The accent carries white text, so it must be a plain hex colour (nothing
/// that could smuggle CSS) dark enough for WCAG AA.
pub(super) fn check_accent(accent: &str) -> Result<(), String> {
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
            crate::number::fixed(contrast, 1)
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

pub(super) fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}

/// A booking link must be a plain http(s) address: anything else (a
/// `javascript:` URL above all) could run script on the clinic's page. Its
/// host is read as a browser reads it, so `https://clinic.example@evil.example`
/// (which goes to evil.example) is refused, not taken for the clinic's.
pub(super) fn check_booking_url(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("must start with https:// or http://")?;
    crate::web_address::authority_host(rest)?;
    if url.len() > 2000 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must be one address of at most 2000 characters without spaces");
    }
    Ok(())
}

/// A BCP 47 language tag in its common shape: a 2–3 letter language, then
/// subtags of 1–8 letters or digits (`en`, `en-US`, `zh-Hant-TW`).
pub(super) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
