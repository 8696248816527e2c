use super::checks::*;
use super::contrast::{contrast_with_white, parse_hex_colour};
use super::*;
use crate::json::json;
use crate::value::Value;
use crate::ToJson;

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
    use crate::web_address::{HOST_REFUSED, USER_INFO_REFUSED};
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

#[test]
fn clinic_settings_are_checked() {
    let lead = |endpoint: Option<&str>, email: Option<&str>, consent: &str| LeadSettings {
        endpoint: endpoint.map(Into::into),
        email: email.map(Into::into),
        consent: consent.into(),
    };
    assert_eq!(check_lead(&LeadSettings::default()), []);
    assert_eq!(
        check_lead(&lead(
            Some("https://clinic.example/leads"),
            Some("a@b.co"),
            "OK"
        )),
        []
    );
    assert_eq!(
        check_lead(&lead(Some("http://127.0.0.1:9000/leads"), None, "OK")),
        []
    );
    let fields: Vec<String> = check_lead(&lead(
        Some("http://clinic.example/leads"),
        Some("nope"),
        " ",
    ))
    .into_iter()
    .map(|p| p.to_string())
    .collect();
    assert_eq!(
        fields,
        [
            "lead.endpoint: must start with https:// (http:// only on localhost, for testing)",
            "lead.email: must be an email address such as hello@clinic.example",
            "lead.consent: must be 1 to 500 characters",
        ]
    );
    assert!(
        check_lead(&lead(Some("javascript:alert(1)"), None, "OK"))[0]
            .message
            .starts_with("must start with https://")
    );
}

#[test]
fn an_endpoint_is_where_a_browser_would_send_it() {
    use crate::web_address::USER_INFO_REFUSED;
    assert_eq!(check_endpoint("http://localhost:8080/leads"), Ok(()));
    assert_eq!(check_endpoint("http://[::1]:9000/leads"), Ok(()));
    // Before the @ is a user name: these go to evil.example.
    for url in [
        "http://localhost:80@evil.example/",
        "http://127.0.0.1@evil.example/leads",
        "https://clinic.example@evil.example/leads",
    ] {
        assert_eq!(check_endpoint(url), Err(USER_INFO_REFUSED), "{url}");
    }
    assert_eq!(
        check_endpoint("http://localhost.evil.example/leads"),
        Err("must start with https:// (http:// only on localhost, for testing)")
    );
    assert_eq!(
        check_endpoint("http://%6cocalhost/leads"),
        Err(crate::web_address::HOST_REFUSED)
    );
}
