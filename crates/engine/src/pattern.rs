//! The hair-loss patterns a visitor can pick, with the scalp regions each one
//! usually covers and the default treatment area derived from them.
//!
//! No published table gives the bald area per Norwood stage, so the areas
//! below are derived (see `docs/model.md`): each stage's published graft
//! counts (Bernstein; clinic spreads) divided by the implant density of each
//! region give the region areas, and the pattern's default area is their sum.

use serde::{Deserialize, Serialize};

use super::messages::Msg;

/// Adult scalp area in cm² (Behrman, J Soc Cosmet Chem 28(5)): the largest
/// treatment area the engine accepts.
pub const WHOLE_SCALP_CM2: f64 = 775.0;

/// Square centimetres in a square inch, for visitors who think in inches.
pub const CM2_PER_IN2: f64 = 6.4516;

/// A part of the scalp, front to back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// The hairline and the temple points.
    Hairline,
    /// The frontal third behind the hairline.
    Front,
    /// The top of the head between front and crown.
    MidScalp,
    /// The vertex (crown) at the back of the top.
    Crown,
    /// The sides and back: the donor area, where strip and FUE scars sit.
    SidesBack,
}

impl Region {
    pub const ALL: [Region; 5] = [
        Region::Hairline,
        Region::Front,
        Region::MidScalp,
        Region::Crown,
        Region::SidesBack,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Region::Hairline => "hairline",
            Region::Front => "front",
            Region::MidScalp => "mid-scalp",
            Region::Crown => "crown",
            Region::SidesBack => "sides-back",
        }
    }

    pub fn from_id(id: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|region| region.id() == id)
    }

    /// The region's area when it is bald all over: its extent at Norwood VII
    /// (section 2 of docs/model.md), and for the sides and back the rest of
    /// the 775 cm² scalp.
    pub fn full_area_cm2(self) -> f64 {
        match self {
            Region::Hairline => 45.0,
            Region::Front => 42.0,
            Region::MidScalp => 48.0,
            Region::Crown => 75.0,
            Region::SidesBack => 565.0,
        }
    }

    pub fn name(self) -> Msg {
        match self {
            Region::Hairline => Msg::RegionHairline,
            Region::Front => Msg::RegionFront,
            Region::MidScalp => Msg::RegionMidScalp,
            Region::Crown => Msg::RegionCrown,
            Region::SidesBack => Msg::RegionSidesBack,
        }
    }

    /// Grafts a surgeon implants per cm² in this region, as (min, typical, max).
    /// Bernstein: 25–35 FU/cm² at the front and less behind it; surgeons'
    /// full range 20–60. The hairline is packed densest because it frames
    /// the face; the crown least because it is large and seen from above.
    pub fn graft_density(self) -> (f64, f64, f64) {
        match self {
            Region::Hairline => (30.0, 35.0, 40.0),
            Region::Front => (25.0, 30.0, 35.0),
            Region::MidScalp => (20.0, 25.0, 30.0),
            Region::Crown => (15.0, 20.0, 25.0),
            Region::SidesBack => (15.0, 20.0, 25.0),
        }
    }
}

/// What kind of loss a pattern is: it decides how densely a transplant must
/// fill the area and who is a candidate for surgery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LossKind {
    /// No loss yet (Norwood I).
    None,
    /// Male pattern baldness: bald areas filled at full implant density.
    Balding,
    /// Thinning with hair still present (Ludwig, diffuse): grafts go between
    /// existing hairs.
    Thinning,
    /// Autoimmune loss (alopecia areata and totalis).
    Alopecia,
    /// A scar from earlier surgery.
    Scar,
}

/// The visitor's hair-loss pattern, named in JSON by its id (`norwood-3v`).
/// Read and written through the table's ids, so that they are written in
/// one place (and the WebAssembly matches them with one lookup, not a
/// derived match over 19 names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Pattern {
    Norwood1,
    Norwood2,
    Norwood2a,
    Norwood3,
    Norwood3a,
    Norwood3v,
    Norwood4,
    Norwood4a,
    Norwood5,
    Norwood5a,
    Norwood6,
    Norwood7,
    Ludwig1,
    Ludwig2,
    Ludwig3,
    Diffuse,
    AlopeciaAreata,
    AlopeciaTotalis,
    ScarOnly,
}

impl TryFrom<String> for Pattern {
    type Error = String;

    fn try_from(id: String) -> Result<Pattern, String> {
        Pattern::from_id(&id).ok_or_else(|| {
            let ids: Vec<&str> = Pattern::all().map(Pattern::id).collect();
            let shown: String = id.chars().take(40).collect();
            let ellipsis = if id.chars().count() > 40 { "…" } else { "" };
            format!(
                "must be one of {}, not \"{shown}{ellipsis}\"",
                ids.join(", ")
            )
        })
    }
}

impl From<Pattern> for &'static str {
    fn from(pattern: Pattern) -> &'static str {
        pattern.id()
    }
}

/// The schema of a pattern: one of the ids.
#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Pattern {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Pattern".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let ids: Vec<&str> = Pattern::all().map(Pattern::id).collect();
        schemars::json_schema!({"type": "string", "enum": ids})
    }
}

/// Everything the engine knows about one pattern.
#[derive(Debug)]
pub struct PatternInfo {
    pub pattern: Pattern,
    pub id: &'static str,
    /// Its name and its one-sentence description, as message ids.
    pub name: Msg,
    pub description: Msg,
    pub kind: LossKind,
    /// The regions the pattern usually covers, with their area in cm².
    pub regions: &'static [(Region, f64)],
}

impl PatternInfo {
    /// The default treatment area: the sum of the regions it covers.
    pub fn default_area_cm2(&self) -> f64 {
        self.regions.iter().map(|(_, area)| area).sum()
    }

    /// The area of `region` in this pattern: the pattern's own share where it
    /// covers the region; where a visitor adds it, its extent at this
    /// stage: its area in the first stage of the same scale from this one
    /// on that covers it (Norwood III plus the crown takes the crown of
    /// Norwood III vertex), or the whole region when no stage does.
    pub fn region_area_cm2(&self, region: Region) -> f64 {
        let own = |info: &PatternInfo| {
            info.regions
                .iter()
                .find(|(own, _)| *own == region)
                .map(|(_, area)| *area)
        };
        own(self)
            .or_else(|| {
                let scale = self.pattern.scale();
                if scale == Scale::Other {
                    return None;
                }
                PATTERNS[self.pattern as usize..]
                    .iter()
                    .filter(|later| later.pattern.scale() == scale)
                    .find_map(own)
            })
            .unwrap_or_else(|| region.full_area_cm2())
    }

    pub fn covers(&self, region: Region) -> bool {
        self.regions.iter().any(|(own, _)| *own == region)
    }
}

use Region::{Crown, Front, Hairline, MidScalp, SidesBack};

/// The pattern table. Norwood stages come in the order of the scale, and a
/// later stage never covers less area or needs fewer grafts (a test checks).
/// Region areas are derived from Bernstein's grafts per stage divided by the
/// region densities above; `docs/model.md` shows the arithmetic.
static PATTERNS: [PatternInfo; 19] = [
    PatternInfo {
        pattern: Pattern::Norwood1,
        id: "norwood-1",
        name: Msg::PatternNorwood1,
        description: Msg::PatternNorwood1Description,
        kind: LossKind::None,
        regions: &[(Hairline, 12.0)],
    },
    PatternInfo {
        pattern: Pattern::Norwood2,
        id: "norwood-2",
        name: Msg::PatternNorwood2,
        description: Msg::PatternNorwood2Description,
        kind: LossKind::Balding,
        regions: &[(Hairline, 25.0)],
    },
    PatternInfo {
        pattern: Pattern::Norwood2a,
        id: "norwood-2a",
        name: Msg::PatternNorwood2a,
        description: Msg::PatternNorwood2aDescription,
        kind: LossKind::Balding,
        regions: &[(Hairline, 30.0), (Front, 5.0)],
    },
    PatternInfo {
        pattern: Pattern::Norwood3,
        id: "norwood-3",
        name: Msg::PatternNorwood3,
        description: Msg::PatternNorwood3Description,
        kind: LossKind::Balding,
        regions: &[(Hairline, 40.0)],
    },
    PatternInfo {
        pattern: Pattern::Norwood3a,
        id: "norwood-3a",
        name: Msg::PatternNorwood3a,
        description: Msg::PatternNorwood3aDescription,
        kind: LossKind::Balding,
        regions: &[(Hairline, 38.0), (Front, 14.0)],
    },
    PatternInfo {
        pattern: Pattern::Norwood3v,
        id: "norwood-3v",
        name: Msg::PatternNorwood3v,
        description: Msg::PatternNorwood3vDescription,
        kind: LossKind::Balding,
        regions: &[(Hairline, 40.0), (Crown, 20.0)],
    },
    PatternInfo {
        pattern: Pattern::Norwood4,
        id: "norwood-4",
        name: Msg::PatternNorwood4,
        description: Msg::PatternNorwood4Description,
        kind: LossKind::Balding,
        regions: &[(Hairline, 38.0), (Front, 20.0), (Crown, 25.0)],
    },
    PatternInfo {
        pattern: Pattern::Norwood4a,
        id: "norwood-4a",
        name: Msg::PatternNorwood4a,
        description: Msg::PatternNorwood4aDescription,
        kind: LossKind::Balding,
        regions: &[(Hairline, 40.0), (Front, 30.0), (MidScalp, 15.0)],
    },
    PatternInfo {
        pattern: Pattern::Norwood5,
        id: "norwood-5",
        name: Msg::PatternNorwood5,
        description: Msg::PatternNorwood5Description,
        kind: LossKind::Balding,
        regions: &[
            (Hairline, 40.0),
            (Front, 28.0),
            (MidScalp, 15.0),
            (Crown, 35.0),
        ],
    },
    PatternInfo {
        pattern: Pattern::Norwood5a,
        id: "norwood-5a",
        name: Msg::PatternNorwood5a,
        description: Msg::PatternNorwood5aDescription,
        kind: LossKind::Balding,
        regions: &[
            (Hairline, 40.0),
            (Front, 35.0),
            (MidScalp, 30.0),
            (Crown, 15.0),
        ],
    },
    PatternInfo {
        pattern: Pattern::Norwood6,
        id: "norwood-6",
        name: Msg::PatternNorwood6,
        description: Msg::PatternNorwood6Description,
        kind: LossKind::Balding,
        regions: &[
            (Hairline, 42.0),
            (Front, 38.0),
            (MidScalp, 40.0),
            (Crown, 55.0),
        ],
    },
    PatternInfo {
        pattern: Pattern::Norwood7,
        id: "norwood-7",
        name: Msg::PatternNorwood7,
        description: Msg::PatternNorwood7Description,
        kind: LossKind::Balding,
        regions: &[
            (Hairline, 45.0),
            (Front, 42.0),
            (MidScalp, 48.0),
            (Crown, 75.0),
        ],
    },
    PatternInfo {
        pattern: Pattern::Ludwig1,
        id: "ludwig-1",
        name: Msg::PatternLudwig1,
        description: Msg::PatternLudwig1Description,
        kind: LossKind::Thinning,
        regions: &[(Front, 10.0), (MidScalp, 25.0), (Crown, 20.0)],
    },
    PatternInfo {
        pattern: Pattern::Ludwig2,
        id: "ludwig-2",
        name: Msg::PatternLudwig2,
        description: Msg::PatternLudwig2Description,
        kind: LossKind::Thinning,
        regions: &[(Front, 25.0), (MidScalp, 40.0), (Crown, 35.0)],
    },
    PatternInfo {
        pattern: Pattern::Ludwig3,
        id: "ludwig-3",
        name: Msg::PatternLudwig3,
        description: Msg::PatternLudwig3Description,
        kind: LossKind::Thinning,
        regions: &[(Front, 40.0), (MidScalp, 48.0), (Crown, 60.0)],
    },
    PatternInfo {
        pattern: Pattern::Diffuse,
        id: "diffuse",
        name: Msg::PatternDiffuse,
        description: Msg::PatternDiffuseDescription,
        kind: LossKind::Thinning,
        regions: &[(Front, 30.0), (MidScalp, 40.0), (Crown, 30.0)],
    },
    PatternInfo {
        pattern: Pattern::AlopeciaAreata,
        id: "alopecia-areata",
        name: Msg::PatternAlopeciaAreata,
        description: Msg::PatternAlopeciaAreataDescription,
        kind: LossKind::Alopecia,
        regions: &[(MidScalp, 15.0), (Crown, 15.0)],
    },
    PatternInfo {
        pattern: Pattern::AlopeciaTotalis,
        id: "alopecia-totalis",
        name: Msg::PatternAlopeciaTotalis,
        description: Msg::PatternAlopeciaTotalisDescription,
        kind: LossKind::Alopecia,
        regions: &[
            (Hairline, 45.0),
            (Front, 42.0),
            (MidScalp, 48.0),
            (Crown, 75.0),
            (SidesBack, 565.0),
        ],
    },
    PatternInfo {
        pattern: Pattern::ScarOnly,
        id: "scar-only",
        name: Msg::PatternScarOnly,
        description: Msg::PatternScarOnlyDescription,
        kind: LossKind::Scar,
        // A typical 20 cm strip with its 2 cm blending band all round
        // (input.rs: typical_scar_area_cm2).
        regions: &[(SidesBack, 108.0)],
    },
];

impl Pattern {
    /// Every pattern, in the order the picker shows them.
    pub fn all() -> impl Iterator<Item = Pattern> {
        PATTERNS.iter().map(|info| info.pattern)
    }

    pub fn info(self) -> &'static PatternInfo {
        // The table is in declaration order, so the discriminant is the index
        // (the `table_is_in_declaration_order` test guards this).
        &PATTERNS[self as usize]
    }

    pub fn id(self) -> &'static str {
        self.info().id
    }

    pub fn from_id(id: &str) -> Option<Pattern> {
        PATTERNS
            .iter()
            .find(|info| info.id == id)
            .map(|info| info.pattern)
    }

    /// The scale a pattern belongs to, for grouping and ordering checks.
    pub fn scale(self) -> Scale {
        match self.info().kind {
            LossKind::None | LossKind::Balding => Scale::Norwood,
            LossKind::Thinning if self != Pattern::Diffuse => Scale::Ludwig,
            _ => Scale::Other,
        }
    }
}

/// The groups a picker shows: men's, women's and other patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Norwood,
    Ludwig,
    Other,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_declaration_order() {
        for (index, info) in PATTERNS.iter().enumerate() {
            assert_eq!(info.pattern as usize, index, "{} is out of place", info.id);
            assert_eq!(Pattern::from_id(info.id), Some(info.pattern));
        }
    }

    #[test]
    fn ids_match_their_json_names() {
        for pattern in Pattern::all() {
            let json = crate::json::to_text(&pattern);
            assert_eq!(json, format!("\"{}\"", pattern.id()));
        }
        for region in Region::ALL {
            let json = crate::json::to_text(&region);
            assert_eq!(json, format!("\"{}\"", region.id()));
        }
    }

    #[test]
    fn every_pattern_has_text_and_area_within_the_scalp() {
        for pattern in Pattern::all() {
            let info = pattern.info();
            let english = crate::Catalogue::english();
            assert_eq!(info.name.key(), format!("pattern-{}", info.id));
            assert_eq!(
                info.description.key(),
                format!("pattern-{}-description", info.id)
            );
            assert!(english.text(info.description).ends_with('.'));
            assert!(!info.regions.is_empty());
            let area = info.default_area_cm2();
            assert!(area > 0.0 && area <= WHOLE_SCALP_CM2, "{}: {area}", info.id);
        }
        assert_eq!(
            Pattern::AlopeciaTotalis.info().default_area_cm2(),
            WHOLE_SCALP_CM2
        );
    }

    #[test]
    fn no_pattern_covers_more_of_a_region_than_the_whole_region() {
        for pattern in Pattern::all() {
            for (region, area) in pattern.info().regions {
                assert!(*area <= region.full_area_cm2(), "{pattern:?} {region:?}");
            }
        }
        let whole: f64 = Region::ALL.iter().map(|r| r.full_area_cm2()).sum();
        assert_eq!(whole, WHOLE_SCALP_CM2);
    }

    #[test]
    fn later_stages_never_cover_less_area() {
        for scale in [Scale::Norwood, Scale::Ludwig] {
            let areas: Vec<f64> = Pattern::all()
                .filter(|p| p.scale() == scale)
                .map(|p| p.info().default_area_cm2())
                .collect();
            assert!(areas.windows(2).all(|w| w[0] <= w[1]), "{areas:?}");
        }
    }

    #[test]
    fn groups_hold_twelve_norwood_three_ludwig_and_four_others() {
        let count = |scale| Pattern::all().filter(|p| p.scale() == scale).count();
        assert_eq!(count(Scale::Norwood), 12);
        assert_eq!(count(Scale::Ludwig), 3);
        assert_eq!(count(Scale::Other), 4);
    }
}
