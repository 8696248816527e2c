//! The data attributes that configure an embedded widget: its element's
//! `data-…` attributes, the WordPress shortcode's and block's attributes,
//! and the setup page's snippet all take these names. The schema type
//! ([`PageAttributes`], printed by `smp-quote schema attributes`) and the
//! lists the browser entry reads the page with live here, below both the
//! browser entry and the command-line tool.

use serde::Deserialize;

/// The settings an element takes as data attributes (named here without
/// `data-`; the WordPress shortcode and block take the same names, with `_`
/// or `-`): the clinic's settings a page may set for its widget
/// (`x-setting` names the field in the settings file), the page's own, and
/// the visitor's preset answers. `smp-quote schema attributes` prints this;
/// tests/settings_lists.rs holds every other list of these names to it
/// (the lists below, the plugin's shortcode, block and editor, the docs).
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PageAttributes {
    /// The visitor's language for this widget (`de`, `ar-EG`); without it the
    /// element's or page's `lang`, then the browser's languages.
    pub lang: Option<String>,
    /// ISO 4217 code, such as `EUR`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("x-setting" = "currency")))]
    pub currency: Option<String>,
    /// BCP 47 tag for how numbers are written, such as `de-DE`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("x-setting" = "locale")))]
    pub locale: Option<String>,
    /// The clinic's name, as visitors read it.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("x-setting" = "clinic_name")))]
    pub clinic_name: Option<String>,
    /// The clinic's booking page (http or https).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("x-setting" = "booking_url")))]
    pub booking_url: Option<String>,
    /// Every amount is rounded to a multiple of this (a number).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(extend("x-setting" = "rounding_step", "x-number" = true))
    )]
    pub rounding_step: Option<String>,
    /// The accent colour, `#rrggbb`, dark enough for white text on it.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("x-setting" = "theme.accent")))]
    pub accent: Option<String>,
    /// A CSS font family list, such as `"Lato", sans-serif`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("x-setting" = "theme.font")))]
    pub font: Option<String>,
    /// Where consultation requests are POSTed as JSON.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("x-setting" = "lead.endpoint")))]
    pub lead_endpoint: Option<String>,
    /// Without an endpoint, requests open the visitor's email to this address.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("x-setting" = "lead.email")))]
    pub lead_email: Option<String>,
    /// The consent checkbox's wording.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("x-setting" = "lead.consent")))]
    pub lead_consent: Option<String>,
    /// `true` pushes the widget's events (the chosen pattern and price,
    /// never personal data) into the page's `window.dataLayer`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("x-setting" = "datalayer")))]
    pub datalayer: Option<String>,
    /// The address of a JSON settings file (the settings schema).
    pub config_url: Option<String>,
    /// When the widget's WebAssembly loads: `lazy` (the default) when the
    /// widget comes within a screen of the viewport, is touched, or the page
    /// has loaded and is idle, so that it never competes with the page's own
    /// first paint; `eager` at once, for a page whose main content it is.
    pub load: Option<String>,
    /// A preset answer: the hair-loss pattern's id, such as `norwood-5`.
    pub pattern: Option<String>,
    /// A preset answer: the treatment area in cm² (with `pattern`).
    pub area_cm2: Option<String>,
    /// A preset answer: `shaved` or `density` (with `pattern`).
    pub goal: Option<String>,
    /// A preset answer: `good`, `average` or `poor` (with `pattern`).
    pub donor: Option<String>,
    /// A preset answer: the years compared, 1 to 30 (with `pattern`).
    pub years: Option<String>,
}

/// The data attributes that set the clinic's settings: the attribute
/// (without `data-`), its path in the settings, and whether it is a number.
/// The same as [`PageAttributes`]' `x-setting`s (a test holds them to it).
pub const SETTING_ATTRIBUTES: [(&str, &[&str], bool); 11] = [
    ("currency", &["currency"], false),
    ("locale", &["locale"], false),
    ("clinic-name", &["clinic_name"], false),
    ("booking-url", &["booking_url"], false),
    ("rounding-step", &["rounding_step"], true),
    ("accent", &["theme", "accent"], false),
    ("font", &["theme", "font"], false),
    ("lead-endpoint", &["lead", "endpoint"], false),
    ("lead-email", &["lead", "email"], false),
    ("lead-consent", &["lead", "consent"], false),
    ("datalayer", &["datalayer"], false),
];

/// The settings as pairs `(attribute, path)`, for the test that holds them
/// to the schema.
pub fn setting_attributes() -> impl Iterator<Item = (&'static str, String, bool)> {
    SETTING_ATTRIBUTES
        .iter()
        .map(|(attribute, path, number)| (*attribute, path.join("."), *number))
}

/// Every data attribute (without `data-`) that configures a widget: the
/// fields of [`PageAttributes`], in order (a test holds them to it).
pub const ATTRIBUTES: [&str; 19] = [
    "lang",
    "currency",
    "locale",
    "clinic-name",
    "booking-url",
    "rounding-step",
    "accent",
    "font",
    "lead-endpoint",
    "lead-email",
    "lead-consent",
    "datalayer",
    "config-url",
    "load",
    "pattern",
    "area-cm2",
    "goal",
    "donor",
    "years",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_attribute_is_watched() {
        for (attribute, _, _) in SETTING_ATTRIBUTES {
            assert!(ATTRIBUTES.contains(&attribute), "{attribute}");
        }
    }
}
