//! What a hair-restoration physician asks before giving a figure: the hair's
//! calibre, its contrast with the skin, the technique, medical therapy and
//! the cautions SMP has of its own. Every answer is optional and a blank
//! one changes nothing.
//!
//! Most physician sources state these effects in words only. Where a
//! number is published it is a default here; where none is, the effect is
//! a clinic setting (neutral until the clinic sets it) or wording only.
//! Sources are named in `docs/model.md`, "What a physician asks".

use serde::{Deserialize, Serialize};

use super::donor::YOUNG_BEFORE_AGE;
use super::input::EstimateInput;
use super::messages::{Figure, Msg};
use super::pattern::{LossKind, Pattern};
use super::problem::{show_number, FieldError};
use super::quote::{Candidacy, Note, Quote};
use super::settings::TransplantPricing;

/// How thick each hair is. Scalp hair is 60–80 µm across (Wolfram 2003,
/// J Am Acad Dermatol; women's donor hair 76.9 ± 12.3 µm, e-aaps.org):
/// fine is under 60 µm, coarse over 80 µm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Calibre {
    Fine,
    Medium,
    Coarse,
}

/// How much the hair's colour stands out against the skin: dark hair on
/// pale skin is high, hair close to the skin's colour is low.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Contrast {
    Low,
    Medium,
    High,
}

/// The transplant technique the visitor asks about; none given means "let
/// the clinic advise".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Technique {
    /// A strip taken from the back of the head (follicular unit
    /// transplantation).
    Fut,
    /// Grafts taken one by one from a shaved donor area (follicular unit
    /// extraction).
    Fue,
    /// FUE with the hair kept long.
    UnshavenFue,
}

/// Whether the visitor takes finasteride or minoxidil.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Therapy {
    /// For a year or more.
    YearOrMore,
    /// For less than a year.
    JustStarted,
    NotTaking,
}

/// A condition SMP clinics ask about before the first session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum HealthCondition {
    /// A tendency to keloid (raised, overgrown) scars.
    Keloid,
    /// Active scalp psoriasis, eczema or seborrheic dermatitis.
    ScalpCondition,
    /// Alopecia areata that is still active.
    AlopeciaAreata,
    BloodThinners,
    Pregnancy,
}

/// Fine hair is under this many µm across, coarse hair over
/// [`COARSE_OVER_UM`]: scalp hair is 60–80 µm (Wolfram 2003).
pub const FINE_UNDER_UM: u32 = 60;
pub const COARSE_OVER_UM: u32 = 80;

impl Calibre {
    pub const ALL: [Calibre; 3] = [Calibre::Fine, Calibre::Medium, Calibre::Coarse];

    pub fn id(self) -> &'static str {
        match self {
            Calibre::Fine => "fine",
            Calibre::Medium => "medium",
            Calibre::Coarse => "coarse",
        }
    }

    /// Grafts relative to medium hair: × 1.15 fine, × 0.85 coarse. The
    /// only numeric source is the dencespot calculator (satyamrai374/
    /// dencespot); physicians say the same in words ("caliber is the
    /// single most important factor", drarocha; Rassman; Bernstein).
    pub fn graft_factor(self) -> f64 {
        match self {
            Calibre::Fine => 1.15,
            Calibre::Medium => 1.0,
            Calibre::Coarse => 0.85,
        }
    }
}

impl Contrast {
    pub const ALL: [Contrast; 3] = [Contrast::Low, Contrast::Medium, Contrast::High];

    pub fn id(self) -> &'static str {
        match self {
            Contrast::Low => "low",
            Contrast::Medium => "medium",
            Contrast::High => "high",
        }
    }

    /// Grafts relative to medium contrast: × 0.90 low, × 1.10 high (the
    /// dencespot calculator, the only numeric source).
    pub fn graft_factor(self) -> f64 {
        match self {
            Contrast::Low => 0.9,
            Contrast::Medium => 1.0,
            Contrast::High => 1.1,
        }
    }
}

impl Technique {
    pub const ALL: [Technique; 3] = [Technique::Fut, Technique::Fue, Technique::UnshavenFue];

    pub fn id(self) -> &'static str {
        match self {
            Technique::Fut => "fut",
            Technique::Fue => "fue",
            Technique::UnshavenFue => "unshaven-fue",
        }
    }
}

impl Therapy {
    pub const ALL: [Therapy; 3] = [
        Therapy::YearOrMore,
        Therapy::JustStarted,
        Therapy::NotTaking,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Therapy::YearOrMore => "year-or-more",
            Therapy::JustStarted => "just-started",
            Therapy::NotTaking => "not-taking",
        }
    }
}

impl HealthCondition {
    pub const ALL: [HealthCondition; 5] = [
        HealthCondition::Keloid,
        HealthCondition::ScalpCondition,
        HealthCondition::AlopeciaAreata,
        HealthCondition::BloodThinners,
        HealthCondition::Pregnancy,
    ];

    pub fn id(self) -> &'static str {
        match self {
            HealthCondition::Keloid => "keloid",
            HealthCondition::ScalpCondition => "scalp-condition",
            HealthCondition::AlopeciaAreata => "alopecia-areata",
            HealthCondition::BloodThinners => "blood-thinners",
            HealthCondition::Pregnancy => "pregnancy",
        }
    }
}

/// What a clinic charges and moves with one technique. Both are neutral
/// by default: no source gives one clinic's figures for every market.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TechniqueSettings {
    /// The clinic's price per graft with this technique, as a multiple of
    /// its usual `price_per_graft`: 1 is the same. Published: FUE about
    /// 50% dearer than FUT (bendvitalityclinic.com), unshaven FUE £4 a
    /// graft against £2.50 shaved, 60% more (theprivateclinic.co.uk).
    pub price_factor: f64,
    /// The most grafts the clinic moves in one day (one surgery) with this
    /// technique; `None` keeps its usual session sizes. Published for
    /// unshaven FUE: about 1,000–2,000 a day (maneadvancedhair.com,
    /// hopehairhealth.com).
    pub grafts_per_day: Option<u32>,
}

impl Default for TechniqueSettings {
    fn default() -> Self {
        TechniqueSettings {
            price_factor: 1.0,
            grafts_per_day: None,
        }
    }
}

/// The clinic's figures for each technique a visitor may ask about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Techniques {
    pub fut: TechniqueSettings,
    pub fue: TechniqueSettings,
    pub unshaven_fue: TechniqueSettings,
}

impl Techniques {
    pub fn of(&self, technique: Technique) -> &TechniqueSettings {
        match technique {
            Technique::Fut => &self.fut,
            Technique::Fue => &self.fue,
            Technique::UnshavenFue => &self.unshaven_fue,
        }
    }

    /// Each technique's name in settings paths, with its settings.
    fn named(&self) -> [(&'static str, &TechniqueSettings); 3] {
        [
            ("fut", &self.fut),
            ("fue", &self.fue),
            ("unshaven_fue", &self.unshaven_fue),
        ]
    }
}

/// The accepted price factors: a technique at a fifth of the usual price
/// or five times it is a typing mistake, not a price list.
pub const PRICE_FACTOR: (f64, f64) = (0.2, 5.0);

/// Problems with the technique settings, named by their path.
pub fn check_techniques(
    techniques: &Techniques,
    min_grafts: u32,
    max_grafts: u32,
) -> Vec<FieldError> {
    let mut problems = Vec::new();
    for (name, technique) in techniques.named() {
        let factor = technique.price_factor;
        if !(factor.is_finite() && (PRICE_FACTOR.0..=PRICE_FACTOR.1).contains(&factor)) {
            problems.push(FieldError::new(
                format!("transplant.techniques.{name}.price_factor"),
                format!(
                    "must be from {} to {} (1 is the usual price per graft), not {}",
                    show_number(PRICE_FACTOR.0),
                    show_number(PRICE_FACTOR.1),
                    show_number(factor)
                ),
            ));
        }
        if let Some(per_day) = technique.grafts_per_day {
            if !(min_grafts..=max_grafts).contains(&per_day) {
                problems.push(FieldError::new(
                    format!("transplant.techniques.{name}.grafts_per_day"),
                    format!("must be from {min_grafts} to {max_grafts}, not {per_day}"),
                ));
            }
        }
    }
    problems
}

/// The grafts an area needs relative to medium, high-contrast-neutral
/// hair: calibre's factor times contrast's, 1 when neither is given.
pub fn graft_factor(input: &EstimateInput) -> f64 {
    input.calibre.map_or(1.0, Calibre::graft_factor)
        * input.contrast.map_or(1.0, Contrast::graft_factor)
}

/// The clinic's transplant pricing for the visitor's technique: its price
/// per graft times the technique's factor, and each surgery at most the
/// grafts it moves in a day. Without a technique, the clinic's own.
pub fn pricing_for(input: &EstimateInput, pricing: &TransplantPricing) -> TransplantPricing {
    let Some(technique) = input.technique else {
        return pricing.clone();
    };
    let own = pricing.techniques.of(technique);
    let cap = |grafts: u32| own.grafts_per_day.map_or(grafts, |cap| grafts.min(cap));
    let price = pricing.price_per_graft;
    TransplantPricing {
        price_per_graft: super::settings::PriceRange {
            min: price.min * own.price_factor,
            typical: price.typical * own.price_factor,
            max: price.max * own.price_factor,
        },
        grafts_per_surgery: cap(pricing.grafts_per_surgery),
        later_grafts_per_surgery: cap(pricing.later_grafts_per_surgery),
        megasession_grafts: pricing.megasession_grafts.map(cap),
        ..pricing.clone()
    }
}

/// Thinning but not bald (Norwood II–IIa, Ludwig, diffuse), or young with
/// loss that is still going on: whom surgeons ask to stabilise the loss
/// with medication first (Bernstein; wunderdoc.com; myhairline.ai).
pub fn stabilise_first(input: &EstimateInput) -> bool {
    let kind = input.pattern.info().kind;
    let early = kind == LossKind::Thinning
        || matches!(input.pattern, Pattern::Norwood2 | Pattern::Norwood2a);
    let young = kind == LossKind::Balding && input.age.is_some_and(|age| age < YOUNG_BEFORE_AGE);
    early || young
}

fn count(value: u32) -> Figure {
    Figure::Count(value.into())
}

/// The transplant notes the answers add, each with its candidacy level:
/// calibre's second procedure, the technique's scar and recovery, and
/// medical therapy for those asked to stabilise first.
pub fn transplant_findings(input: &EstimateInput) -> Vec<(Candidacy, Note)> {
    let mut findings = Vec::new();
    if input.calibre == Some(Calibre::Fine) {
        // Fine hair looks natural but thinner, and more often needs a
        // second procedure (Rassman; Bernstein): words, no number.
        findings.push((
            Candidacy::Yes,
            Note::new(Msg::FineHairSecondProcedure, &[], ""),
        ));
    }
    if let Some(technique) = input.technique {
        let values: &[(&'static str, Figure)] = &[
            ("technique", Figure::Word(technique.id())),
            // FUT: a 1–2 mm scar, hair at least 10–15 mm over it, heavy
            // exercise after 2–3 weeks, contact sport after about 6
            // (feriduni.com); FUE: about a week (fuesurgeons.com);
            // unshaven FUE: about 90 minutes more per 2,000 grafts
            // (theprivateclinic.co.uk) and 1,000–2,000 grafts a day.
            ("scar_min", count(1)),
            ("scar_max", count(2)),
            ("hair_min", count(10)),
            ("hair_max", count(15)),
            ("exercise_min", count(2)),
            ("exercise_max", count(3)),
            ("contact", count(6)),
            ("minutes", count(90)),
            ("per", count(2000)),
            ("day_min", count(1000)),
            ("day_max", count(2000)),
        ];
        findings.push((
            Candidacy::Yes,
            Note::new(Msg::TechniqueRecovery, values, ""),
        ));
    }
    if let Some(therapy) = input.medical_therapy {
        if stabilise_first(input) {
            let level = match therapy {
                Therapy::YearOrMore => Candidacy::Yes,
                Therapy::JustStarted | Therapy::NotTaking => Candidacy::Caution,
            };
            let values = [
                ("therapy", Figure::Word(therapy.id())),
                ("months", count(12)),
            ];
            findings.push((level, Note::new(Msg::TherapyStabilise, &values, "")));
        }
    }
    findings
}

/// The SMP notes the answers add: pigment advice for the contrast, and
/// what each condition of the health check asks for first.
pub fn smp_notes(input: &EstimateInput, currency: &str) -> Vec<Note> {
    let mut notes = Vec::new();
    if let Some(contrast) = input.contrast {
        notes.push(Note::new(
            Msg::SmpPigmentAdvice,
            &[("contrast", Figure::Word(contrast.id()))],
            currency,
        ));
    }
    for condition in HealthCondition::ALL {
        if input.smp_health.contains(&condition) {
            notes.push(Note::new(
                Msg::SmpHealthCaution,
                &[("condition", Figure::Word(condition.id()))],
                currency,
            ));
        }
    }
    notes
}

/// A factor as a share in percent: 1.15 is 115%.
fn percent(factor: f64) -> Figure {
    Figure::Percent((factor * 100.0).round())
}

/// The breakdown's sentences for the answers given, one per answer.
pub fn explain(input: &EstimateInput, pricing: &TransplantPricing, currency: &str) -> Vec<Note> {
    let note = |id, values: &[(&'static str, Figure)]| Note::new(id, values, currency);
    let mut notes = Vec::new();
    if let Some(calibre) = input.calibre {
        notes.push(note(
            Msg::ExplainCalibre,
            &[
                ("calibre", Figure::Word(calibre.id())),
                ("factor", percent(calibre.graft_factor())),
                ("fine", count(FINE_UNDER_UM)),
                ("coarse", count(COARSE_OVER_UM)),
            ],
        ));
    }
    if let Some(contrast) = input.contrast {
        notes.push(note(
            Msg::ExplainContrast,
            &[
                ("contrast", Figure::Word(contrast.id())),
                ("factor", percent(contrast.graft_factor())),
            ],
        ));
    }
    if let Some(technique) = input.technique {
        let own = pricing.techniques.of(technique);
        notes.push(note(
            Msg::ExplainTechnique,
            &[
                ("technique", Figure::Word(technique.id())),
                (
                    "priced",
                    Figure::Word(if own.price_factor == 1.0 { "no" } else { "yes" }),
                ),
                ("factor", percent(own.price_factor)),
                (
                    "capped",
                    Figure::Word(if own.grafts_per_day.is_some() {
                        "yes"
                    } else {
                        "no"
                    }),
                ),
                ("per_day", count(own.grafts_per_day.unwrap_or(0))),
            ],
        ));
    }
    if let Some(therapy) = input.medical_therapy {
        notes.push(note(
            Msg::ExplainTherapy,
            &[
                ("therapy", Figure::Word(therapy.id())),
                (
                    "applies",
                    Figure::Word(if stabilise_first(input) { "yes" } else { "no" }),
                ),
            ],
        ));
    }
    if !input.smp_health.is_empty() {
        notes.push(note(Msg::ExplainHealth, &[]));
    }
    notes
}

/// Problems with the answers themselves: a condition listed twice.
pub fn validate(input: &EstimateInput) -> Vec<FieldError> {
    let mut problems = Vec::new();
    for (index, condition) in input.smp_health.iter().enumerate() {
        if input.smp_health[..index].contains(condition) {
            problems.push(FieldError::new(
                "smp_health",
                format!("lists {} more than once", condition.id()),
            ));
        }
    }
    problems
}

/// The quote as it may leave the visitor's browser, in a consultation
/// request: without the SMP health check's answers and the notes they
/// added. They are health data (pregnancy, a skin condition, blood
/// thinners), which the request's consent does not cover; the clinic asks
/// in the consultation, and the widget keeps them out of its stored answers
/// and share links too.
pub fn without_health(quote: &Quote) -> Quote {
    let mut quote = quote.clone();
    quote.input.smp_health.clear();
    let private = |note: &Note| matches!(note.id, Msg::SmpHealthCaution | Msg::ExplainHealth);
    quote.smp.notes.retain(|note| !private(note));
    quote.transplant.notes.retain(|note| !private(note));
    if let Some(combined) = &mut quote.combined {
        combined.notes.retain(|note| !private(note));
    }
    quote.breakdown.retain(|note| !private(note));
    quote
}
