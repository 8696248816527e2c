//! The widget's state: plain data, small pure helpers and verb-named
//! actions. Pure Rust, so native tests cover it; the Yew reducer wraps it.

use crate::model::{EstimateInput, Pattern};

/// What the visitor has chosen so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EstimatorState {
    pub pattern: Option<Pattern>,
    /// The visitor's own area; `None` follows the pattern's default.
    pub area_cm2: Option<f64>,
    /// Text in the area field that is not (yet) a valid area, kept exactly
    /// as typed, with the reason it cannot be used.
    pub area_draft: Option<AreaDraft>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AreaDraft {
    pub text: String,
    pub error: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SelectPattern(Pattern),
    /// The visitor typed or slid to this area (as text, in cm²).
    SetArea(String),
    /// Back to the pattern's own area.
    ResetArea,
}

impl EstimatorState {
    /// The input for the engine, once a pattern is chosen. An invalid draft
    /// never reaches it: the last valid area stays in force meanwhile.
    pub fn input(&self) -> Option<EstimateInput> {
        self.pattern.map(|pattern| EstimateInput {
            area_cm2: self.area_cm2,
            ..EstimateInput::new(pattern)
        })
    }

    pub fn apply(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::SelectPattern(pattern) => next.pattern = Some(pattern),
            Action::ResetArea => {
                next.area_cm2 = None;
                next.area_draft = None;
            }
            Action::SetArea(text) => match parse_area(&text, self.pattern) {
                Ok(area) => {
                    next.area_cm2 = Some(area);
                    next.area_draft = None;
                }
                Err(error) => next.area_draft = Some(AreaDraft { text, error }),
            },
        }
        next
    }
}

/// Reads an area as a visitor types it (`52`, `52.5` or `52,5`); the range
/// check is the engine's own, so the widget has no second set of rules.
fn parse_area(text: &str, pattern: Option<Pattern>) -> Result<f64, String> {
    let cleaned = text.trim().replace(',', ".");
    if cleaned.is_empty() {
        return Err("enter the area in cm²".into());
    }
    let area: f64 = cleaned
        .parse()
        .map_err(|_| format!("must be a number, got \"{}\"", text.trim()))?;
    let input = EstimateInput {
        area_cm2: Some(area),
        ..EstimateInput::new(pattern.unwrap_or(Pattern::Norwood1))
    };
    match input.validate().into_iter().find(|p| p.field == "area_cm2") {
        Some(problem) => Err(problem.message),
        None => Ok(area),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_pattern() -> EstimatorState {
        EstimatorState::default().apply(Action::SelectPattern(Pattern::Norwood4))
    }

    #[test]
    fn no_input_until_a_pattern_is_chosen() {
        assert_eq!(EstimatorState::default().input(), None);
        assert_eq!(
            with_pattern().input(),
            Some(EstimateInput::new(Pattern::Norwood4))
        );
    }

    #[test]
    fn a_typed_area_overrides_the_pattern_until_reset() {
        let state = with_pattern().apply(Action::SetArea(" 52,5 ".into()));
        assert_eq!(state.input().unwrap().area_cm2, Some(52.5));
        let state = state.apply(Action::SelectPattern(Pattern::Norwood6));
        assert_eq!(state.input().unwrap().area_cm2, Some(52.5));
        let state = state.apply(Action::ResetArea);
        assert_eq!(state.input().unwrap().area_cm2, None);
    }

    #[test]
    fn an_invalid_area_keeps_the_text_and_the_last_valid_area() {
        let state = with_pattern().apply(Action::SetArea("60".into()));
        let state = state.apply(Action::SetArea("900".into()));
        assert_eq!(state.input().unwrap().area_cm2, Some(60.0));
        let draft = state.area_draft.clone().unwrap();
        assert_eq!(draft.text, "900");
        assert_eq!(
            draft.error,
            "must be more than 0 and at most 775 (a whole scalp), got 900"
        );
        let state = state.apply(Action::SetArea("6o".into()));
        assert_eq!(
            state.area_draft.unwrap().error,
            "must be a number, got \"6o\""
        );
        let state = with_pattern().apply(Action::SetArea("".into()));
        assert_eq!(state.area_draft.unwrap().error, "enter the area in cm²");
    }
}
