//! The widget's state: plain data, small pure helpers and verb-named
//! actions, in the manner of Yew's function_todomvc. Pure Rust, so native
//! tests cover it; the Yew reducer in `components/estimator.rs` wraps it.

use crate::answers::Answers;
use smp_engine::number;
use smp_engine::{
    Donor, EstimateInput, Figure, Goal, Message, Msg, Pattern, Region, Scale, Scar, ScarKind,
    DEFAULT_YEARS, MAX_SCAR_LENGTH_CM, WHOLE_SCALP_CM2,
};

pub use smp_engine::units::Unit;

/// Which scar, if any, the visitor also wants hidden.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ScarChoice {
    #[default]
    None,
    Fue,
    Fut,
}

/// A strip scar's length until the visitor gives theirs: a typical strip
/// runs 15–25 cm from ear towards ear (our assumption, docs/model.md).
pub const DEFAULT_SCAR_LENGTH_CM: f64 = 15.0;

/// What the visitor has chosen so far.
#[derive(Clone, Debug, PartialEq)]
pub struct EstimatorState {
    /// The group of patterns the picker shows.
    pub group: Scale,
    pub pattern: Option<Pattern>,
    /// Regions the visitor chose; `None` follows the pattern.
    pub regions: Option<Vec<Region>>,
    /// The visitor's own area; `None` follows the regions.
    pub area_cm2: Option<f64>,
    /// What the visitor typed in the area field, kept exactly as typed
    /// (`52,` stays `52,` while they go on typing), with why it cannot be
    /// used if it cannot.
    pub area_entry: Option<Entry>,
    pub unit: Unit,
    pub scar: ScarChoice,
    pub scar_length_cm: f64,
    pub scar_length_entry: Option<Entry>,
    /// The look the visitor chose; `None` follows the pattern (density
    /// under longer hair for thinning, the shaved look otherwise).
    pub goal: Option<Goal>,
    pub donor: Donor,
    pub years: u32,
    /// The visitor's age, if given (it changes the donor reserve).
    pub age: Option<u32>,
    pub age_entry: Option<Entry>,
    /// What a physician asks: hair, technique, medication, SMP health.
    pub answers: Answers,
}

impl Default for EstimatorState {
    fn default() -> Self {
        EstimatorState {
            group: Scale::Norwood,
            pattern: None,
            regions: None,
            area_cm2: None,
            area_entry: None,
            unit: Unit::default(),
            scar: ScarChoice::default(),
            scar_length_cm: DEFAULT_SCAR_LENGTH_CM,
            scar_length_entry: None,
            goal: None,
            donor: Donor::default(),
            years: DEFAULT_YEARS,
            age: None,
            age_entry: None,
            answers: Answers::default(),
        }
    }
}

/// Text typed into a field, kept exactly as typed, with the reason in words
/// when it cannot be used (the last usable value stays in force).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub text: String,
    pub error: Option<Message>,
}

impl Entry {
    fn from(text: String, parsed: Result<f64, Message>) -> (Self, Option<f64>) {
        match parsed {
            Ok(value) => (Entry { text, error: None }, Some(value)),
            Err(error) => (
                Entry {
                    text,
                    error: Some(error),
                },
                None,
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show men's, women's or other patterns.
    ShowGroup(Scale),
    SelectPattern(Pattern),
    /// Add a region to the treatment or take it away.
    ToggleRegion(Region),
    /// The visitor typed this area, in the current unit.
    SetArea(String),
    /// The visitor slid to this area, in the current unit.
    SlideArea(String),
    /// Back to the pattern's own regions and area.
    ResetArea,
    SetUnit(Unit),
    SetScar(ScarChoice),
    /// The strip scar's length as typed, in cm.
    SetScarLength(String),
    SetGoal(Goal),
    /// The visitor's age as typed, in whole years; empty for none.
    SetAge(String),
    SetDonor(Donor),
    /// The physician's questions, as now answered.
    SetAnswers(Answers),
    SetYears(u32),
    /// Back to the start: these answers (the clinic's preset, or nothing).
    StartOver(Box<EstimatorState>),
}

impl EstimatorState {
    /// The state with `unit` for visitors whose locale measures in inches.
    pub fn with_unit(unit: Unit) -> Self {
        EstimatorState {
            unit,
            ..EstimatorState::default()
        }
    }

    /// The state a clinic preset with `input` (from `data-pattern` and the
    /// like): the pattern chosen, its area and options as given.
    pub fn from_input(input: &EstimateInput) -> Self {
        EstimatorState {
            group: input.pattern.scale(),
            pattern: Some(input.pattern),
            regions: input.regions.clone(),
            area_cm2: input.area_cm2,
            scar: match input.scar {
                None => ScarChoice::None,
                Some(Scar {
                    kind: ScarKind::Fue,
                    ..
                }) => ScarChoice::Fue,
                Some(Scar {
                    kind: ScarKind::Fut,
                    ..
                }) => ScarChoice::Fut,
            },
            scar_length_cm: input
                .scar
                .and_then(|scar| scar.length_cm)
                .unwrap_or(DEFAULT_SCAR_LENGTH_CM),
            goal: Some(input.goal),
            donor: input.donor,
            years: input.years,
            age: input.age,
            answers: Answers::of(input),
            ..EstimatorState::default()
        }
    }

    /// The input for the engine, once a pattern is chosen. Drafts never
    /// reach it: the last valid value stays in force meanwhile.
    pub fn input(&self) -> Option<EstimateInput> {
        let scar = match self.scar {
            ScarChoice::None => None,
            ScarChoice::Fue => Some(Scar {
                kind: ScarKind::Fue,
                length_cm: None,
            }),
            ScarChoice::Fut => Some(Scar {
                kind: ScarKind::Fut,
                length_cm: Some(self.scar_length_cm),
            }),
        };
        self.pattern.map(|pattern| EstimateInput {
            pattern,
            area_cm2: self.area_cm2,
            regions: self.regions.clone(),
            scar,
            goal: self.goal_for(pattern),
            donor: self.donor,
            years: self.years,
            age: self.age,
            ..self.answers.apply(EstimateInput::new(pattern))
        })
    }

    /// The look for `pattern`: the visitor's choice where the pattern
    /// allows it, else the pattern's own (the engine refuses density under
    /// longer hair where no hair is left to hide the pigment).
    pub fn goal_for(&self, pattern: Pattern) -> Goal {
        self.goal
            .filter(|goal| goal.suits(pattern))
            .unwrap_or(Goal::default_for(pattern))
    }

    /// The regions being treated: the visitor's choice or the pattern's.
    pub fn chosen_regions(&self) -> Vec<Region> {
        match (&self.regions, self.pattern) {
            (Some(regions), _) => regions.clone(),
            (None, Some(pattern)) => pattern.info().regions.iter().map(|(r, _)| *r).collect(),
            (None, None) => Vec::new(),
        }
    }

    /// Whether the area no longer follows the pattern.
    pub fn is_adjusted(&self) -> bool {
        self.area_cm2.is_some()
            || self.regions.is_some()
            || self
                .area_entry
                .as_ref()
                .is_some_and(|entry| entry.error.is_some())
    }

    pub fn apply(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::ShowGroup(group) => {
                next.group = group;
                // A pattern of another group would leave its description and
                // quote under pictures that do not show it: the picture, the
                // description and the quote always agree.
                if self.pattern.is_some_and(|pattern| pattern.scale() != group) {
                    next.pattern = None;
                    next.regions = None;
                    next.area_cm2 = None;
                    next.area_entry = None;
                }
            }
            Action::SelectPattern(pattern) => {
                #[cfg(feature = "panic-test")]
                if pattern == Pattern::AlopeciaTotalis {
                    panic!("panic-test: alopecia totalis was chosen");
                }
                next.pattern = Some(pattern);
                next.group = pattern.scale();
                // Regions belong to a pattern; an area the visitor typed
                // is theirs and stays.
                next.regions = None;
            }
            Action::ToggleRegion(region) => {
                let mut regions = self.chosen_regions();
                match regions.iter().position(|r| *r == region) {
                    // The last region stays: an empty treatment means nothing.
                    Some(_) if regions.len() == 1 => return next,
                    Some(index) => {
                        regions.remove(index);
                    }
                    None => {
                        // Kept front to back, as the pattern lists them.
                        let at = regions.iter().take_while(|r| **r < region).count();
                        regions.insert(at, region);
                    }
                }
                let own: Vec<Region> = self
                    .pattern
                    .map(|p| p.info().regions.iter().map(|(r, _)| *r).collect())
                    .unwrap_or_default();
                next.regions = (regions != own).then_some(regions);
                // The area follows the regions again.
                next.area_cm2 = None;
                next.area_entry = None;
            }
            Action::ResetArea => {
                next.regions = None;
                next.area_cm2 = None;
                next.area_entry = None;
            }
            Action::SetArea(text) => {
                let parsed = parse_area(&text, self.unit);
                let (entry, area) = Entry::from(text, parsed);
                next.area_entry = Some(entry);
                if area.is_some() {
                    next.area_cm2 = area;
                }
            }
            Action::SlideArea(text) => {
                if let Ok(area) = parse_area(&text, self.unit) {
                    next.area_cm2 = Some(area);
                    next.area_entry = None;
                }
            }
            Action::SetUnit(unit) => {
                next.unit = unit;
                // Text in the other unit would now mean another area or
                // length.
                next.area_entry = None;
                next.scar_length_entry = None;
            }
            Action::SetScar(scar) => next.scar = scar,
            Action::SetScarLength(text) => {
                let parsed = parse_scar_length(&text, self.unit);
                let (entry, length) = Entry::from(text, parsed);
                next.scar_length_entry = Some(entry);
                if let Some(length) = length {
                    next.scar_length_cm = length;
                }
            }
            Action::SetGoal(goal) => next.goal = Some(goal),
            Action::SetAge(text) => {
                let parsed = parse_age(&text);
                next.age_entry = Some(Entry {
                    text,
                    error: parsed.as_ref().err().cloned(),
                });
                if let Ok(age) = parsed {
                    next.age = age;
                }
            }
            Action::SetDonor(donor) => next.donor = donor,
            Action::SetAnswers(answers) => next.answers = answers,
            Action::SetYears(years) => next.years = years,
            Action::StartOver(start) => next = *start,
        }
        next
    }
}

/// A decimal as visitors type it: `52`, `52.5` or `52,5`, also in
/// Arabic-Indic or Persian digits (`٥٢٫٥`); `empty` and `not_number` say
/// what is wrong otherwise.
fn parse_decimal(text: &str, empty: Message, not_number: Msg) -> Result<f64, Message> {
    let cleaned: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
            ',' | '\u{66b}' => '.',
            other => other,
        })
        .collect();
    if cleaned.is_empty() {
        return Err(empty);
    }
    number::parse_typed(&cleaned)
        .filter(|value| value.is_finite())
        .ok_or_else(|| Message::new(not_number, &[("typed", Figure::Text(text.trim().into()))]))
}

/// Whether the engine refuses `field` of this input (the range checks are
/// the engine's own; the widget only words them for the visitor).
fn engine_refuses(input: &EstimateInput, field: &str) -> bool {
    input
        .validate()
        .into_iter()
        .any(|problem| problem.field == field)
}

/// Reads an area in `unit`.
fn parse_area(text: &str, unit: Unit) -> Result<f64, Message> {
    let symbol = ("unit", Figure::Message(unit.symbol()));
    let empty = Message::new(Msg::AreaErrorEmpty, std::slice::from_ref(&symbol));
    let value = parse_decimal(text, empty, Msg::AreaErrorNumber)?;
    let area = unit.to_cm2(value);
    let input = EstimateInput {
        area_cm2: Some(area),
        ..EstimateInput::new(Pattern::Norwood1)
    };
    if engine_refuses(&input, "area_cm2") {
        return Err(Message::new(
            Msg::AreaErrorRange,
            &[
                ("max", Figure::Decimal(unit.rounded(WHOLE_SCALP_CM2))),
                symbol,
            ],
        ));
    }
    Ok(area)
}

/// An age as typed: empty for none, else whole years the engine accepts.
fn parse_age(text: &str) -> Result<Option<u32>, Message> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let error = || Message::from(Msg::AgeError);
    let years = parse_decimal(text, error(), Msg::AgeError)?;
    if years.fract() != 0.0 || !(0.0..=200.0).contains(&years) {
        return Err(error());
    }
    let input = EstimateInput {
        age: Some(years as u32),
        ..EstimateInput::new(Pattern::Norwood3)
    };
    if engine_refuses(&input, "age") {
        return Err(error());
    }
    Ok(Some(years as u32))
}

/// A strip scar's length as typed, in `unit`'s length (cm, or inches beside
/// in²), as centimetres.
fn parse_scar_length(text: &str, unit: Unit) -> Result<f64, Message> {
    let symbol = || ("unit", Figure::Message(unit.length_symbol()));
    let empty = Message::new(Msg::ScarLengthErrorEmpty, &[symbol()]);
    let typed = parse_decimal(text, empty, Msg::ScarLengthErrorNumber)?;
    let length = unit.length_to_cm(typed);
    let input = EstimateInput {
        scar: Some(Scar {
            kind: ScarKind::Fut,
            length_cm: Some(length),
        }),
        ..EstimateInput::new(Pattern::ScarOnly)
    };
    if engine_refuses(&input, "scar.length_cm") {
        let max = (unit.length_from_cm(MAX_SCAR_LENGTH_CM) * 10.0).floor() / 10.0;
        return Err(Message::new(
            Msg::ScarLengthErrorRange,
            &[("max", Figure::Decimal(max)), symbol()],
        ));
    }
    Ok(length)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the visitor reads, in English.
    fn said(entry: Option<Entry>) -> String {
        entry.unwrap().error.unwrap().english("")
    }

    fn with_pattern(pattern: Pattern) -> EstimatorState {
        EstimatorState::default().apply(Action::SelectPattern(pattern))
    }

    #[test]
    fn no_input_until_a_pattern_is_chosen() {
        assert_eq!(EstimatorState::default().input(), None);
        assert_eq!(
            with_pattern(Pattern::Norwood4).input(),
            Some(EstimateInput::new(Pattern::Norwood4))
        );
    }

    #[test]
    fn a_preset_input_comes_back_unchanged() {
        let input = EstimateInput {
            area_cm2: Some(90.0),
            scar: Some(Scar {
                kind: ScarKind::Fut,
                length_cm: Some(18.0),
            }),
            goal: Goal::Density,
            donor: Donor::Good,
            years: 25,
            ..EstimateInput::new(Pattern::Ludwig2)
        };
        let state = EstimatorState::from_input(&input);
        assert_eq!(state.input(), Some(input));
        assert_eq!(state.group, Scale::Ludwig);
    }

    #[test]
    fn picking_a_pattern_shows_its_group() {
        let state = with_pattern(Pattern::Ludwig2);
        assert_eq!(state.group, Scale::Ludwig);
        assert_eq!(
            state.apply(Action::ShowGroup(Scale::Other)).group,
            Scale::Other
        );
    }

    #[test]
    fn beside_square_inches_a_strip_is_given_in_inches() {
        let state = EstimatorState::with_unit(Unit::In2)
            .apply(Action::SelectPattern(Pattern::ScarOnly))
            .apply(Action::SetScar(ScarChoice::Fut))
            .apply(Action::SetScarLength("8".into()));
        let length = state.input().unwrap().scar.unwrap().length_cm.unwrap();
        assert!((length - 20.32).abs() < 1e-9, "{length}");
        assert_eq!(Unit::In2.show_length(length), "8");
        assert_eq!(Unit::In2.show_length(15.0), "5.9");
        assert_eq!(Unit::Cm2.show_length(15.0), "15");
        let state = state.apply(Action::SetScarLength("20".into()));
        assert_eq!(
            said(state.scar_length_entry.clone()),
            "Strip length: enter more than 0 and at most 15.7 in."
        );
        // What was typed stays, the last usable length stays in force.
        assert_eq!(state.scar_length_entry.as_ref().unwrap().text, "20");
        assert!((state.input().unwrap().scar.unwrap().length_cm.unwrap() - 20.32).abs() < 1e-9);
    }

    #[test]
    fn another_group_clears_a_pick_it_does_not_show() {
        let picked = with_pattern(Pattern::Norwood4).apply(Action::SetArea("90".into()));
        let women = picked.apply(Action::ShowGroup(Scale::Ludwig));
        assert_eq!((women.pattern, women.input()), (None, None));
        assert_eq!(
            women.area_cm2, None,
            "the next pattern starts at its own area"
        );
        // The pick's own group keeps it.
        let men = picked.apply(Action::ShowGroup(Scale::Norwood));
        assert_eq!(men.pattern, Some(Pattern::Norwood4));
        assert_eq!(men.input().unwrap().area_cm2, Some(90.0));
    }

    #[test]
    fn a_typed_area_overrides_the_pattern_until_reset() {
        let state = with_pattern(Pattern::Norwood4).apply(Action::SetArea(" 52,5 ".into()));
        assert_eq!(state.input().unwrap().area_cm2, Some(52.5));
        assert!(state.is_adjusted());
        let state = state.apply(Action::SelectPattern(Pattern::Norwood6));
        assert_eq!(state.input().unwrap().area_cm2, Some(52.5));
        let state = state.apply(Action::ResetArea);
        assert_eq!(state.input().unwrap().area_cm2, None);
        assert!(!state.is_adjusted());
    }

    #[test]
    fn an_invalid_area_keeps_the_text_and_the_last_valid_area() {
        let state = with_pattern(Pattern::Norwood4).apply(Action::SetArea("60".into()));
        let state = state.apply(Action::SetArea("900".into()));
        assert_eq!(state.input().unwrap().area_cm2, Some(60.0));
        let entry = state.area_entry.clone().unwrap();
        assert_eq!(entry.text, "900");
        assert_eq!(
            said(Some(entry)),
            "Treatment area: enter more than 0 and at most 775 cm² (a whole scalp)."
        );
        let state = state.apply(Action::SetArea("6o".into()));
        assert_eq!(
            said(state.area_entry),
            "Treatment area: “6o” is not a number."
        );
        let state = with_pattern(Pattern::Norwood4).apply(Action::SetArea("".into()));
        assert_eq!(
            said(state.area_entry),
            "Treatment area: enter the area in cm²."
        );
    }

    #[test]
    fn what_the_visitor_types_stays_as_typed_while_they_type() {
        let mut state = with_pattern(Pattern::Norwood4);
        for text in ["5", "52", "52,", "52,5"] {
            state = state.apply(Action::SetArea(text.into()));
            assert_eq!(state.area_entry.as_ref().unwrap().text, text);
        }
        assert_eq!(state.input().unwrap().area_cm2, Some(52.5));
        // The slider writes the area itself and ends the typing.
        let state = state.apply(Action::SlideArea("60".into()));
        assert_eq!(
            (state.area_entry.clone(), state.area_cm2),
            (None, Some(60.0))
        );
        let state = state.apply(Action::SetScarLength("12,".into()));
        assert_eq!(state.scar_length_entry.as_ref().unwrap().text, "12,");
        assert_eq!(state.scar_length_cm, 12.0);
        // Arabic-Indic and Persian digits, as an Arabic keyboard types them.
        let state = state.apply(Action::SetArea("٥٢٫٥".into()));
        assert_eq!(state.input().unwrap().area_cm2, Some(52.5));
        let state = state.apply(Action::SetArea("۶۰".into()));
        assert_eq!(state.input().unwrap().area_cm2, Some(60.0));
    }

    #[test]
    fn inches_are_read_and_shown_in_inches() {
        let state = with_pattern(Pattern::Norwood4)
            .apply(Action::SetUnit(Unit::In2))
            .apply(Action::SetArea("10".into()));
        let area = state.input().unwrap().area_cm2.unwrap();
        assert!((area - 64.516).abs() < 1e-9);
        assert_eq!(Unit::In2.show(area), "10");
        assert_eq!(Unit::In2.show(83.0), "12.9");
        assert_eq!(Unit::Cm2.show(83.4), "83");
        let state = state.apply(Action::SetArea("200".into()));
        assert_eq!(
            said(state.area_entry),
            "Treatment area: enter more than 0 and at most 120.1 in² (a whole scalp)."
        );
        assert_eq!(Unit::for_locale("en-US"), Unit::In2);
        assert_eq!(Unit::for_locale("en-GB"), Unit::Cm2);
        assert_eq!(Unit::for_locale("en"), Unit::Cm2);
        assert_eq!(Unit::for_locale("es-419"), Unit::Cm2);
    }

    #[test]
    fn regions_follow_the_pattern_until_the_visitor_toggles_one() {
        let state = with_pattern(Pattern::Norwood3);
        assert_eq!(state.chosen_regions(), [Region::Hairline]);
        let state = state.apply(Action::SetArea("99".into()));
        let state = state.apply(Action::ToggleRegion(Region::Crown));
        assert_eq!(state.regions, Some(vec![Region::Hairline, Region::Crown]));
        assert_eq!(state.area_cm2, None, "the area follows the regions again");
        assert_eq!(state.input().unwrap().effective_area_cm2(), 60.0);
        // Taking the crown away again is the pattern's own choice.
        let state = state.apply(Action::ToggleRegion(Region::Crown));
        assert_eq!(state.regions, None);
        // The last region cannot be taken away.
        let state = state.apply(Action::ToggleRegion(Region::Hairline));
        assert_eq!(state.chosen_regions(), [Region::Hairline]);
        // A new pattern brings its own regions.
        let state = state
            .apply(Action::ToggleRegion(Region::Front))
            .apply(Action::SelectPattern(Pattern::Norwood5));
        assert_eq!(state.regions, None);
    }

    #[test]
    fn further_details_reach_the_input() {
        let state = with_pattern(Pattern::Norwood5)
            .apply(Action::SetScar(ScarChoice::Fut))
            .apply(Action::SetScarLength("22".into()))
            .apply(Action::SetGoal(Goal::Density))
            .apply(Action::SetDonor(Donor::Poor))
            .apply(Action::SetYears(20));
        let input = state.input().unwrap();
        assert_eq!(
            input.scar,
            Some(Scar {
                kind: ScarKind::Fut,
                length_cm: Some(22.0)
            })
        );
        assert_eq!(
            (input.goal, input.donor, input.years),
            (Goal::Density, Donor::Poor, 20)
        );
        let state = state.apply(Action::SetScarLength("0".into()));
        assert_eq!(state.input().unwrap().scar.unwrap().length_cm, Some(22.0));
        assert_eq!(
            said(state.scar_length_entry),
            "Strip length: enter more than 0 and at most 40 cm."
        );
    }
}
