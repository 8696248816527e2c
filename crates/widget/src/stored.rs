//! The visitor's answers as the text a share link or the browser's storage
//! holds: only the estimate input (pattern, area, options), nothing
//! personal. Read back, the text is checked by the engine like any other
//! input and dropped (not half-used) when anything is wrong. Where the text
//! goes is the engine's `visitor_state`.

use smp_engine::{EstimateInput, ToJson};

use crate::js_value;

/// The input as compact JSON, for storage and share links.
/// The SMP health check's answers are left out: health data (pregnancy, a
/// skin condition, blood thinners) is not kept in the browser's storage or
/// put in a link the visitor may share.
pub fn to_json(input: &EstimateInput) -> String {
    let mut kept = input.clone();
    kept.smp_health.clear();
    js_value::to_text(&kept.to_json())
}

/// An input read back from storage or a link, or none if anything in it is
/// wrong.
pub fn from_json(text: &str) -> Option<EstimateInput> {
    let value = js_value::parse(text).ok()?;
    EstimateInput::from_json(&value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use smp_engine::visitor_state::{fragment_part, MAX_FRAGMENT_PART};
    use smp_engine::{
        Calibre, Donor, HealthCondition, Pattern, Region, Scar, ScarKind, MAX_AGE,
        MAX_SCAR_LENGTH_CM,
    };

    #[test]
    fn an_input_round_trips_and_a_bad_one_is_dropped() {
        let input = EstimateInput {
            area_cm2: Some(91.5),
            donor: Donor::Poor,
            ..EstimateInput::new(Pattern::Norwood4a)
        };
        assert_eq!(from_json(&to_json(&input)), Some(input));
        assert_eq!(from_json(r#"{"pattern": "norwood-4", "years": 99}"#), None);
        assert_eq!(from_json("<img src=x onerror=alert(1)>"), None);
    }

    #[test]
    fn a_part_longer_than_the_cap_is_ignored_before_it_is_read() {
        let longest = EstimateInput {
            area_cm2: Some(123.456),
            regions: Some(vec![
                Region::Hairline,
                Region::Front,
                Region::MidScalp,
                Region::Crown,
                Region::SidesBack,
            ]),
            scar: Some(Scar {
                kind: ScarKind::Fut,
                length_cm: Some(MAX_SCAR_LENGTH_CM),
            }),
            age: Some(MAX_AGE),
            donor: Donor::Poor,
            ..EstimateInput::new(Pattern::Norwood4a)
        };
        let text = to_json(&longest);
        assert_eq!(from_json(&text), Some(longest));
        // Every character escaped (%XX) still fits.
        assert!(3 * text.len() <= MAX_FRAGMENT_PART, "{}", text.len());
        let fits = "7".repeat(MAX_FRAGMENT_PART);
        let fragment = format!("smp-a={fits}&smp-b=7{fits}");
        assert_eq!(fragment_part(&fragment, "a"), Some(fits.as_str()));
        assert_eq!(fragment_part(&fragment, "b"), None);
    }

    #[test]
    fn the_health_check_is_never_stored_or_shared() {
        let input = EstimateInput {
            smp_health: vec![HealthCondition::Pregnancy],
            calibre: Some(Calibre::Fine),
            ..EstimateInput::new(Pattern::Norwood5)
        };
        let text = to_json(&input);
        assert!(
            !text.contains("pregnancy") && !text.contains("smp_health"),
            "{text}"
        );
        let back = from_json(&text).unwrap();
        assert_eq!(back.calibre, Some(Calibre::Fine));
        assert!(back.smp_health.is_empty());
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert_eq!(from_json(r#"{"pattern": "norwood-4", "colour": 1}"#), None);
    }
}
