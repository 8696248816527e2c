//! What the visitor tells the estimator.

use serde::{Deserialize, Serialize};

use super::consultation::{self, Calibre, Contrast, HealthCondition, Technique, Therapy};
use super::pattern::{LossKind, Pattern, Region, WHOLE_SCALP_CM2};
use super::problem::{merge_problems, show_number, FieldError};
use super::value::{self, Value};

/// The look the visitor wants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Goal {
    /// The buzz-cut look of a freshly shaved head.
    #[default]
    Shaved,
    /// Added density under hair that is kept longer.
    Density,
}

/// How much hair the visitor has at the back and sides to move.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Donor {
    Good,
    #[default]
    Average,
    Poor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ScarKind {
    /// Dotted scars from follicular unit extraction.
    Fue,
    /// A linear strip scar from follicular unit transplantation.
    Fut,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Scar {
    pub kind: ScarKind,
    /// Length of a strip scar in cm; needed for `fut`, ignored for `fue`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length_cm: Option<f64>,
}

/// The longest strip scar accepted: ear to ear round the back of the head.
pub const MAX_SCAR_LENGTH_CM: f64 = 40.0;
/// SMP puts pigment in a scar and at least 2 cm around it (truesmp.com),
/// so a scar's treated area is the scar grown by this on every side.
pub const SCAR_BLEND_CM: f64 = 2.0;
/// Width of a healed strip scar: 1–10 mm; we take 5 mm (our assumption).
pub const STRIP_SCAR_WIDTH_CM: f64 = 0.5;
/// The typical strip scar that the clinic's scar prices are for: strips
/// run 15–25 cm, we take the middle (our assumption).
pub const TYPICAL_STRIP_CM: f64 = 20.0;
/// The area FUE dot scars spread over after one typical harvest: 2,347
/// grafts (ISHRS 2025) taken at no more than about a quarter of some 90
/// follicular units per cm² (J Soc Cosmet Chem: 80–100) is about 100 cm²
/// (derived; the harvest share is our assumption).
pub const FUE_HARVEST_CM2: f64 = 100.0;
pub const MIN_YEARS: u32 = 1;
pub const MAX_YEARS: u32 = 30;
pub const DEFAULT_YEARS: u32 = 10;
pub const MIN_AGE: u32 = 18;
pub const MAX_AGE: u32 = 90;

impl Scar {
    /// The area SMP treats for this scar: a strip with its blending band
    /// round it, or the area of one FUE harvest. A strip without a length
    /// counts as a typical one.
    pub fn smp_area_cm2(self) -> f64 {
        match self.kind {
            ScarKind::Fut => strip_area_cm2(self.length_cm.unwrap_or(TYPICAL_STRIP_CM)),
            ScarKind::Fue => FUE_HARVEST_CM2,
        }
    }
}

/// A strip scar of `length_cm` with the blending band on every side.
pub fn strip_area_cm2(length_cm: f64) -> f64 {
    (length_cm + 2.0 * SCAR_BLEND_CM) * (STRIP_SCAR_WIDTH_CM + 2.0 * SCAR_BLEND_CM)
}

/// The treated area of the typical scar the clinic's scar prices are for:
/// a 20 cm strip with its blending band, 108 cm².
pub fn typical_scar_area_cm2() -> f64 {
    strip_area_cm2(TYPICAL_STRIP_CM)
}

impl Goal {
    /// The look most visitors with this pattern want: density under longer
    /// hair where hair is kept (Ludwig patterns and diffuse thinning),
    /// otherwise the shaved look.
    pub fn default_for(pattern: Pattern) -> Goal {
        match pattern.info().kind {
            LossKind::Thinning => Goal::Density,
            _ => Goal::Shaved,
        }
    }

    /// Whether the look can be done with this pattern: density needs hair
    /// on top to hide the pigment among, and Norwood VI–VII and alopecia
    /// totalis leave none there (clinics), so they get the shaved look.
    pub fn suits(self, pattern: Pattern) -> bool {
        self == Goal::Shaved
            || !matches!(
                pattern,
                Pattern::Norwood6 | Pattern::Norwood7 | Pattern::AlopeciaTotalis
            )
    }
}

/// The estimate input. JSON field names are part of the public API; it is
/// read through [`InputFields`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EstimateInput {
    pub pattern: Pattern,
    /// The visitor's own treatment area; `None` uses the regions' area.
    pub area_cm2: Option<f64>,
    /// The regions to treat; `None` means the pattern's own.
    pub regions: Option<Vec<Region>>,
    pub scar: Option<Scar>,
    pub goal: Goal,
    pub donor: Donor,
    /// Horizon of the cumulative cost comparison, in years.
    pub years: u32,
    /// The visitor's age in whole years (18 to 90), when given: young
    /// visitors get a larger donor reserve and a caution about progression.
    pub age: Option<u32>,
    /// What a physician asks (src/model/consultation.rs); each is left out
    /// of the JSON when not answered, so a blank answer changes nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calibre: Option<Calibre>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contrast: Option<Contrast>,
    /// `None`: let the clinic advise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technique: Option<Technique>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medical_therapy: Option<Therapy>,
    /// The SMP health check: the conditions the visitor ticked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub smp_health: Vec<HealthCondition>,
}

impl EstimateInput {
    /// An input for `pattern` with every other field at its default.
    pub fn new(pattern: Pattern) -> Self {
        EstimateInput {
            pattern,
            area_cm2: None,
            regions: None,
            scar: None,
            goal: Goal::default_for(pattern),
            donor: Donor::default(),
            years: DEFAULT_YEARS,
            age: None,
            calibre: None,
            contrast: None,
            technique: None,
            medical_therapy: None,
            smp_health: Vec::new(),
        }
    }

    /// The regions treated, each with its area in cm²: the pattern's own,
    /// or those the visitor chose (a region the pattern does not cover
    /// counts at the extent it has at this stage).
    pub fn treatment_regions(&self) -> Vec<(Region, f64)> {
        let info = self.pattern.info();
        match &self.regions {
            Some(regions) => regions
                .iter()
                .map(|region| (*region, info.region_area_cm2(*region)))
                .collect(),
            None => info.regions.to_vec(),
        }
    }

    /// The area of the treated regions, before any area of the visitor's own.
    pub fn regions_area_cm2(&self) -> f64 {
        self.treatment_regions().iter().map(|(_, area)| area).sum()
    }

    /// The area the quote is for: the visitor's own; for scar camouflage,
    /// the scar with its blending band; otherwise the area of the treated
    /// regions.
    pub fn effective_area_cm2(&self) -> f64 {
        if let Some(area) = self.area_cm2 {
            return area;
        }
        if self.regions.is_some() {
            return self.regions_area_cm2();
        }
        match (self.pattern, self.scar) {
            (Pattern::ScarOnly, Some(scar)) => scar.smp_area_cm2(),
            _ => self.pattern.info().default_area_cm2(),
        }
    }

    /// Reads an input from JSON, reporting every problem at once.
    pub fn from_json(value: &Value) -> Result<Self, Vec<FieldError>> {
        let (fields, mut problems) = value::read::<InputFields>(value, None, "input");
        let Some(fields) = fields else {
            return Err(problems);
        };
        let reported = |field: &str| problems.iter().any(|p: &FieldError| p.field == field);
        if fields.pattern.is_none() && !reported("pattern") {
            problems.push(FieldError::new("pattern", "is required"));
        }
        // Without a pattern the other answers are still checked, against
        // the first one.
        let pattern = fields.pattern.unwrap_or(Pattern::Norwood1);
        let scar = match fields.scar {
            Some(ScarFields { kind: None, .. }) => {
                problems.push(FieldError::new("scar.kind", "is required (fue or fut)"));
                None
            }
            Some(ScarFields {
                kind: Some(kind),
                length_cm,
            }) => Some(Scar { kind, length_cm }),
            None => None,
        };
        let defaults = EstimateInput::new(pattern);
        let input = EstimateInput {
            area_cm2: fields.area_cm2,
            regions: fields.regions,
            scar,
            goal: fields.goal.unwrap_or(defaults.goal),
            donor: fields.donor.unwrap_or(defaults.donor),
            years: fields.years.unwrap_or(defaults.years),
            age: fields.age,
            calibre: fields.calibre,
            contrast: fields.contrast,
            technique: fields.technique,
            medical_therapy: fields.medical_therapy,
            smp_health: fields.smp_health.unwrap_or_default(),
            ..defaults
        };
        merge_problems(&mut problems, input.validate());
        if problems.is_empty() {
            Ok(input)
        } else {
            Err(problems)
        }
    }

    /// Checks the values themselves; used for JSON input and for inputs built
    /// in code (the widget), so that the engine never works on bad figures.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut problems = Vec::new();
        if let Some(area) = self.area_cm2 {
            if !(area.is_finite() && area > 0.0 && area <= WHOLE_SCALP_CM2) {
                problems.push(FieldError::new(
                    "area_cm2",
                    format!(
                        "must be more than 0 and at most {} (a whole scalp), not {}",
                        show_number(WHOLE_SCALP_CM2),
                        show_number(area)
                    ),
                ));
            }
        }
        if let Some(regions) = &self.regions {
            if regions.is_empty() {
                problems.push(FieldError::new("regions", "must list at least one region"));
            }
            for (index, region) in regions.iter().enumerate() {
                if regions[..index].contains(region) {
                    problems.push(FieldError::new(
                        "regions",
                        format!("lists {} more than once", region.id()),
                    ));
                }
            }
        }
        if let Some(Scar {
            kind: ScarKind::Fut,
            length_cm,
        }) = self.scar
        {
            match length_cm {
                None => problems.push(FieldError::new(
                    "scar.length_cm",
                    "is required for a strip (fut) scar",
                )),
                Some(length) if !(length > 0.0 && length <= MAX_SCAR_LENGTH_CM) => {
                    problems.push(FieldError::new(
                        "scar.length_cm",
                        format!(
                            "must be more than 0 and at most {} cm, not {}",
                            show_number(MAX_SCAR_LENGTH_CM),
                            show_number(length)
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
        if !self.goal.suits(self.pattern) {
            problems.push(FieldError::new(
                "goal",
                "density under longer hair needs hair on top to hide the pigment among; with this pattern choose shaved",
            ));
        }
        if let Some(age) = self.age {
            if !(MIN_AGE..=MAX_AGE).contains(&age) {
                problems.push(FieldError::new(
                    "age",
                    format!("must be from {MIN_AGE} to {MAX_AGE} years, not {age}"),
                ));
            }
        }
        if !(MIN_YEARS..=MAX_YEARS).contains(&self.years) {
            problems.push(FieldError::new(
                "years",
                format!(
                    "must be from {MIN_YEARS} to {MAX_YEARS}, not {}",
                    self.years
                ),
            ));
        }
        problems.extend(consultation::validate(self));
        problems
    }
}

/// An input as JSON gives it: every field may be left out (the pattern's
/// defaults fill them in), and the pattern and a scar's kind are checked as
/// required by [`EstimateInput::from_json`].
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InputFields {
    pub pattern: Option<Pattern>,
    pub area_cm2: Option<f64>,
    pub regions: Option<Vec<Region>>,
    pub scar: Option<ScarFields>,
    pub goal: Option<Goal>,
    pub donor: Option<Donor>,
    pub years: Option<u32>,
    pub age: Option<u32>,
    /// Hair calibre: fine (under 60 µm), medium (60–80 µm), coarse (over 80 µm).
    pub calibre: Option<Calibre>,
    /// Hair-to-skin contrast: low (hair close to the skin's colour) to high
    /// (dark hair on pale skin).
    pub contrast: Option<Contrast>,
    /// The technique asked about; left out, the clinic advises.
    pub technique: Option<Technique>,
    /// Finasteride or minoxidil: for a year or more, just started, or not.
    pub medical_therapy: Option<Therapy>,
    /// The SMP health check: the conditions that apply.
    pub smp_health: Option<Vec<HealthCondition>>,
}

/// A scar as JSON gives it.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScarFields {
    pub kind: Option<ScarKind>,
    pub length_cm: Option<f64>,
}

impl Goal {
    pub fn id(self) -> &'static str {
        match self {
            Goal::Shaved => "shaved",
            Goal::Density => "density",
        }
    }
}

impl Donor {
    pub fn id(self) -> &'static str {
        match self {
            Donor::Good => "good",
            Donor::Average => "average",
            Donor::Poor => "poor",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::json;
    use crate::ToJson;

    fn problems(value: Value) -> Vec<String> {
        EstimateInput::from_json(&value)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn reads_a_full_input() {
        let input = EstimateInput::from_json(&json!({
            "pattern": "norwood-3v",
            "area_cm2": 70.5,
            "scar": {"kind": "fut", "length_cm": 18},
            "goal": "density",
            "donor": "poor",
            "years": 20
        }))
        .unwrap();
        assert_eq!(input.pattern, Pattern::Norwood3v);
        assert_eq!(input.area_cm2, Some(70.5));
        assert_eq!(
            input.scar,
            Some(Scar {
                kind: ScarKind::Fut,
                length_cm: Some(18.0)
            })
        );
        assert_eq!(
            (input.goal, input.donor, input.years),
            (Goal::Density, Donor::Poor, 20)
        );
    }

    #[test]
    fn defaults_fill_what_is_left_out() {
        let text = crate::json::parse(r#"{"pattern":"ludwig-2"}"#).unwrap();
        let input = EstimateInput::from_json(&text).unwrap();
        assert_eq!(input, EstimateInput::new(Pattern::Ludwig2));
        assert_eq!(input.years, 10);
        // Density under longer hair is the default where hair is kept.
        assert_eq!(input.goal, Goal::Density);
        assert_eq!(input.age, None);
        assert_eq!(input.donor, Donor::Average);
    }

    #[test]
    fn serialises_back_to_the_same_input() {
        let input = EstimateInput {
            area_cm2: Some(42.0),
            scar: Some(Scar {
                kind: ScarKind::Fue,
                length_cm: None,
            }),
            ..EstimateInput::new(Pattern::Norwood5a)
        };
        let json = input.to_json();
        assert_eq!(
            json.get("pattern").and_then(Value::as_str),
            Some("norwood-5a")
        );
        assert_eq!(EstimateInput::from_json(&json).unwrap(), input);
    }

    #[test]
    fn reports_every_problem_at_once() {
        assert_eq!(
            problems(json!({
                "pattern": "norwood-9",
                "area_cm2": -3,
                "goal": "bald",
                "years": 0,
                "colour": "red"
            })),
            [
                "pattern: must be one of norwood-1, norwood-2, norwood-2a, norwood-3, norwood-3a, norwood-3v, norwood-4, norwood-4a, norwood-5, norwood-5a, norwood-6, norwood-7, ludwig-1, ludwig-2, ludwig-3, diffuse, alopecia-areata, alopecia-totalis, scar-only, not \"norwood-9\"",
                "goal: must be one of shaved, density, not \"bald\"",
                "colour: unknown field (expected one of pattern, area_cm2, regions, scar, goal, donor, years, age, calibre, contrast, technique, medical_therapy, smp_health)",
                "area_cm2: must be more than 0 and at most 775 (a whole scalp), not -3",
                "years: must be from 1 to 30, not 0",
            ]
        );
        assert_eq!(
            problems(json!({"pattern": "diffuse", "area_cm2": 900, "years": 31})),
            [
                "area_cm2: must be more than 0 and at most 775 (a whole scalp), not 900",
                "years: must be from 1 to 30, not 31",
            ]
        );
    }

    #[test]
    fn regions_set_the_area_and_are_checked() {
        let input = EstimateInput::from_json(&json!({
            "pattern": "norwood-3", "regions": ["hairline", "crown"]
        }))
        .unwrap();
        // The pattern's own hairline (40) plus the crown as it is at this
        // stage: Norwood III vertex's 20 cm².
        assert_eq!(input.effective_area_cm2(), 60.0);
        assert_eq!(
            problems(json!({"pattern": "norwood-3", "regions": []})),
            ["regions: must list at least one region"]
        );
        assert_eq!(
            problems(json!({"pattern": "norwood-3", "regions": ["crown", "crown", "nape"]})),
            [
                "regions[2]: must be one of hairline, front, mid-scalp, crown, sides-back, not \"nape\"",
                "regions: lists crown more than once",
            ]
        );
        assert_eq!(
            problems(json!({"pattern": "norwood-3", "regions": ["crown", "crown"]})),
            ["regions: lists crown more than once"]
        );
    }

    #[test]
    fn a_strip_scar_needs_a_sensible_length() {
        assert_eq!(
            problems(json!({"pattern": "scar-only", "scar": {"kind": "fut"}})),
            ["scar.length_cm: is required for a strip (fut) scar"]
        );
        assert_eq!(
            problems(json!({"pattern": "scar-only", "scar": {"kind": "fut", "length_cm": 0}})),
            ["scar.length_cm: must be more than 0 and at most 40 cm, not 0"]
        );
        assert_eq!(
            problems(json!({"pattern": "scar-only", "scar": {"length_cm": 3}})),
            ["scar.kind: is required (fue or fut)"]
        );
    }

    #[test]
    fn missing_pattern_and_wrong_shapes_are_named() {
        assert_eq!(problems(json!({})), ["pattern: is required"]);
        assert_eq!(
            problems(json!([1])),
            ["input: must be an object, not a list"]
        );
        assert_eq!(
            problems(json!({"pattern": "diffuse", "area_cm2": "big"})),
            ["area_cm2: must be a number or null, not \"big\""]
        );
    }
}
