//! Where an embedded widget's settings come from, in order of precedence:
//! data attributes on its element, then an inline
//! `<script type="application/json">` inside it, then the JSON file named by
//! `data-config-url`, all merged over the engine's defaults. The same
//! element can preset the visitor's answers (`data-pattern="norwood-5"`).
//! Pure, so native tests cover it; `mount` reads the page.

use smp_engine::number;
use smp_engine::Value;
use smp_widget::js_value;

use smp_engine::messages::LANGUAGES;
use smp_engine::page_attributes::SETTING_ATTRIBUTES;
use smp_engine::units::Unit;
use smp_engine::{ClinicSettings, EstimateInput, FieldError};

/// The visitor's answers an element can preset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preset {
    pub input: Option<EstimateInput>,
}

fn set_path(target: &mut Value, path: &[&str], value: Value) {
    match path {
        [] => {}
        [last] => target.insert(last, value),
        [first, rest @ ..] => set_path(target.entry(first), rest, value),
    }
}

/// The clinic's settings from the three sources; every problem is named by
/// where it came from and its field.
pub fn resolve_settings(
    attributes: &[(String, String)],
    inline_json: Option<&str>,
    config: Option<(&str, &str)>,
) -> Result<ClinicSettings, Vec<FieldError>> {
    let mut problems = Vec::new();
    let mut merged = Value::Object(Vec::new());
    let mut parse = |label: &str, text: &str| match js_value::parse(text) {
        Ok(value @ Value::Object(_)) => Some(value),
        Ok(_) => {
            problems.push(FieldError::new(label, "must be a JSON object"));
            None
        }
        Err(error) => {
            problems.push(FieldError::new(
                label,
                format!("is not valid JSON: {error}"),
            ));
            None
        }
    };
    if let Some((url, text)) = config {
        if let Some(value) = parse(&format!("data-config-url ({url})"), text) {
            merged.merge(value);
        }
    }
    if let Some(text) = inline_json {
        if let Some(value) = parse("inline settings", text) {
            merged.merge(value);
        }
    }
    let mut from_attributes = Value::Object(Vec::new());
    for (name, value) in attributes {
        let Some(attribute) = name.strip_prefix("data-") else {
            continue;
        };
        let Some((_, path, numeric)) = SETTING_ATTRIBUTES.iter().find(|(a, _, _)| *a == attribute)
        else {
            continue;
        };
        let value = if *numeric {
            match number::parse_typed(value) {
                Some(number) if number.is_finite() => Value::Number(number),
                _ => {
                    problems.push(FieldError::new(
                        format!("data-{attribute}"),
                        format!(
                            "must be a number, not \"{}\"",
                            value.chars().take(40).collect::<String>()
                        ),
                    ));
                    continue;
                }
            }
        } else {
            // `data-datalayer="true"`; any other text is refused by the
            // engine with the field's name.
            match value.as_str() {
                "true" if attribute == "datalayer" => Value::Bool(true),
                "false" if attribute == "datalayer" => Value::Bool(false),
                _ => Value::String(value.clone()),
            }
        };
        set_path(&mut from_attributes, path, value);
    }
    merged.merge(from_attributes);
    // The settings that could be read are checked too, so that every
    // problem shows at once.
    match ClinicSettings::from_json(&merged) {
        Ok(settings) if problems.is_empty() => Ok(settings),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
}

/// The visitor's answers preset by `data-pattern`, `data-area-cm2`,
/// `data-goal`, `data-donor` and `data-years`, checked by the engine.
pub fn resolve_preset(attributes: &[(String, String)]) -> Result<Preset, Vec<FieldError>> {
    let get = |name: &str| {
        attributes
            .iter()
            .find(|(attribute, _)| attribute == name)
            .map(|(_, value)| value.trim().to_string())
    };
    let Some(pattern) = get("data-pattern") else {
        return Ok(Preset::default());
    };
    let mut input = Value::Object(Vec::new());
    input.insert("pattern", Value::String(pattern));
    let mut problems = Vec::new();
    for (attribute, field) in [("data-area-cm2", "area_cm2"), ("data-years", "years")] {
        if let Some(text) = get(attribute) {
            match number::parse_typed(&text) {
                Some(number) if number.is_finite() => input.insert(field, Value::Number(number)),
                _ => problems.push(FieldError::new(
                    attribute,
                    format!("must be a number, not \"{text}\""),
                )),
            }
        }
    }
    for (attribute, field) in [("data-goal", "goal"), ("data-donor", "donor")] {
        if let Some(text) = get(attribute) {
            input.insert(field, Value::String(text));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    EstimateInput::from_json(&input)
        .map(|input| Preset { input: Some(input) })
        .map_err(|problems| {
            problems
                .into_iter()
                .map(|p| FieldError::new(format!("data-{}", p.field.replace('_', "-")), p.message))
                .collect()
        })
}

/// The language a widget speaks to its visitor, the locale it writes
/// numbers for and the unit it starts in.
#[derive(Clone, Debug, PartialEq)]
pub struct Speech {
    /// One of [`LANGUAGES`].
    pub language: &'static str,
    /// A BCP 47 tag for `Intl`: `en-US`, `de-AT`, `ar`.
    pub locale: String,
    pub unit: Unit,
}

/// A language tag's parts, if it is well formed (letters, digits and `-`
/// or `_`, at most 35 characters): its language and its region.
fn tag_parts(tag: &str) -> Option<(String, Option<String>)> {
    let tag = tag.trim();
    if tag.is_empty()
        || tag.len() > 35
        || !tag
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let mut parts = tag.split(['-', '_']);
    let language = parts.next()?.to_ascii_lowercase();
    let region = parts.find(|part| {
        (part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
            || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()))
    });
    Some((language, region.map(str::to_ascii_uppercase)))
}

/// A clean tag from its parts: `de-AT`.
fn tag_of(language: &str, region: Option<&str>) -> String {
    match region {
        Some(region) => format!("{language}-{region}"),
        None => language.to_string(),
    }
}

/// The visitor's language: from `page`, the tags the page sets for this
/// widget, most specific first (its element's `data-lang` and `lang`, then
/// the nearest `lang` around it, usually the page's), then from `browser`,
/// the browser's languages in order; English when none is one the widget
/// speaks. Numbers follow the page's regional tag, else the clinic's
/// `locale` in the same language, else the browser's; the unit follows the
/// visitor's region (in² in the United States), else that locale.
pub fn visitor_speech(page: &[String], browser: &[String], clinic: &str) -> Speech {
    let page: Vec<_> = page.iter().filter_map(|tag| tag_parts(tag)).collect();
    let browser: Vec<_> = browser.iter().filter_map(|tag| tag_parts(tag)).collect();
    let speaks = |(language, _): &&(String, Option<String>)| LANGUAGES.contains(&language.as_str());
    let from_page = page.iter().find(speaks);
    let chosen = from_page.or_else(|| browser.iter().find(speaks));
    let language = chosen
        .and_then(|(language, _)| LANGUAGES.iter().find(|l| **l == language))
        .copied()
        .unwrap_or("en");
    let region_of = |parts: Option<&(String, Option<String>)>| parts.and_then(|(_, r)| r.clone());
    let clinic = tag_parts(clinic).filter(|(l, _)| l == language);
    let number_region = match (region_of(from_page), clinic) {
        (Some(region), _) => Some(region),
        (None, Some((_, region))) => region,
        (None, None) => region_of(chosen).or_else(|| {
            let same = browser.iter().find(|(l, r)| l == language && r.is_some());
            region_of(same)
        }),
    };
    let locale = tag_of(language, number_region.as_deref());
    let unit = match page.iter().chain(&browser).find_map(|(_, r)| r.as_deref()) {
        Some(region) => Unit::for_region(region),
        None => Unit::for_locale(&locale),
    };
    Speech {
        language,
        locale,
        unit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributes(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, v)| (a.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn attributes_beat_inline_json_which_beats_the_config_file() {
        let settings = resolve_settings(
            &attributes(&[("data-currency", "EUR"), ("data-accent", "#7a1f5c"), ("data-rounding-step", "10")]),
            Some(r#"{"currency": "GBP", "locale": "de-DE", "clinic_name": "Inline"}"#),
            Some((
                "clinic.json",
                r#"{"currency": "USD", "locale": "en-GB", "clinic_name": "File", "booking_url": "https://x.example/book"}"#,
            )),
        )
        .unwrap();
        assert_eq!(settings.currency, "EUR");
        assert_eq!(settings.locale, "de-DE");
        assert_eq!(settings.clinic_name, "Inline");
        assert_eq!(
            settings.booking_url.as_deref(),
            Some("https://x.example/book")
        );
        assert_eq!(settings.theme.accent.as_deref(), Some("#7a1f5c"));
        assert_eq!(settings.rounding_step, 10.0);
    }

    #[test]
    fn nested_settings_merge_key_by_key() {
        let settings = resolve_settings(
            &[],
            Some(r#"{"smp": {"minimum_fee": 900}}"#),
            Some((
                "c.json",
                r#"{"smp": {"scar_addon": {"min": 1, "typical": 2, "max": 3}}}"#,
            )),
        )
        .unwrap();
        assert_eq!(settings.smp.minimum_fee, 900.0);
        assert_eq!(settings.smp.scar_addon.max, 3.0);
    }

    #[test]
    fn every_problem_names_its_source_or_field() {
        let problems = resolve_settings(
            &attributes(&[("data-rounding-step", "fifty")]),
            Some("{not json"),
            Some(("clinic.json", "[1]")),
        )
        .unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown[0],
            "data-config-url (clinic.json): must be a JSON object"
        );
        assert_eq!(
            shown[1],
            "inline settings: is not valid JSON: key must be a string at line 1 column 2"
        );
        assert_eq!(
            shown[2],
            "data-rounding-step: must be a number, not \"fifty\""
        );

        let problems = resolve_settings(
            &attributes(&[("data-booking-url", "javascript:alert(1)")]),
            None,
            None,
        )
        .unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "booking_url: must start with https:// or http://"
        );
    }

    #[test]
    fn the_datalayer_is_off_unless_the_clinic_says_true() {
        let on =
            |pairs: &[(&str, &str)], inline| resolve_settings(&attributes(pairs), inline, None);
        assert!(!on(&[], None).unwrap().datalayer);
        assert!(on(&[("data-datalayer", "true")], None).unwrap().datalayer);
        assert!(on(&[], Some(r#"{"datalayer": true}"#)).unwrap().datalayer);
        assert!(
            !on(
                &[("data-datalayer", "false")],
                Some(r#"{"datalayer": true}"#)
            )
            .unwrap()
            .datalayer
        );
        let problems = on(&[("data-datalayer", "yes")], None).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "datalayer: must be true or false, not \"yes\""
        );
    }

    #[test]
    fn presets_are_checked_by_the_engine() {
        let preset = resolve_preset(&attributes(&[
            ("data-pattern", "norwood-5"),
            ("data-years", "20"),
            ("data-donor", "poor"),
        ]))
        .unwrap();
        let input = preset.input.unwrap();
        assert_eq!(input.pattern, smp_engine::Pattern::Norwood5);
        assert_eq!(input.years, 20);
        assert_eq!(resolve_preset(&[]).unwrap(), Preset::default());
        let problems = resolve_preset(&attributes(&[("data-pattern", "norwood-9")])).unwrap_err();
        assert_eq!(problems[0].field, "data-pattern");
        let problems = resolve_preset(&attributes(&[
            ("data-pattern", "norwood-2"),
            ("data-area-cm2", "-4"),
        ]))
        .unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "data-area-cm2: must be more than 0 and at most 775 (a whole scalp), not -4"
        );
    }

    fn speech(page: &[&str], browser: &[&str], clinic: &str) -> (String, String, Unit) {
        let own = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let speech = visitor_speech(&own(page), &own(browser), clinic);
        (speech.language.to_string(), speech.locale, speech.unit)
    }

    #[test]
    fn the_page_then_the_browser_chooses_the_language() {
        let tuple = |l: &str, locale: &str, unit| (l.to_string(), locale.to_string(), unit);
        // The element's own language first, with its region.
        assert_eq!(
            speech(&["de-AT", "en"], &["en-US"], "en-US"),
            tuple("de", "de-AT", Unit::Cm2)
        );
        // The page's language, numbers as the clinic writes them, the unit
        // of the visitor's region.
        assert_eq!(
            speech(&["en"], &["en-US"], "en-GB"),
            tuple("en", "en-GB", Unit::In2)
        );
        assert_eq!(
            speech(&["en"], &["en-GB"], "en-US"),
            tuple("en", "en-US", Unit::Cm2)
        );
        // A page in a language the widget does not speak: the browser's.
        assert_eq!(
            speech(&["nl"], &["fr-CA", "en"], "en-US"),
            tuple("fr", "fr-CA", Unit::Cm2)
        );
        // Nothing it speaks anywhere: English, the clinic's locale.
        assert_eq!(
            speech(&["nl-NL"], &["nl"], "en-US"),
            tuple("en", "en-US", Unit::Cm2)
        );
        assert_eq!(speech(&[], &[], "en-US"), tuple("en", "en-US", Unit::In2));
        // Arabic from the browser, a Turkish clinic.
        assert_eq!(
            speech(&[], &["ar", "ar-SA"], "tr-TR"),
            tuple("ar", "ar-SA", Unit::Cm2)
        );
        // Whatever a page writes is only ever a clean tag.
        assert_eq!(
            speech(&["es\"><script>", "ES_mx"], &[], "en-US"),
            tuple("es", "es-MX", Unit::Cm2)
        );
        assert_eq!(
            speech(&["es-419"], &[], "en-US"),
            tuple("es", "es-419", Unit::Cm2)
        );
    }
}
