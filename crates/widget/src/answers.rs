//! The visitor's answers to what a physician asks (hair calibre, contrast,
//! technique, medical therapy, the SMP health check), kept apart from the
//! rest of the widget's state: each is optional, and a blank one leaves
//! the input as it was.

use smp_engine::{Calibre, Contrast, EstimateInput, HealthCondition, Technique, Therapy};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    pub calibre: Option<Calibre>,
    pub contrast: Option<Contrast>,
    /// `None`: let the clinic advise.
    pub technique: Option<Technique>,
    pub medical_therapy: Option<Therapy>,
    pub smp_health: Vec<HealthCondition>,
}

impl Answers {
    /// The answers an input carries (a clinic's preset, a shared link).
    pub fn of(input: &EstimateInput) -> Self {
        Answers {
            calibre: input.calibre,
            contrast: input.contrast,
            technique: input.technique,
            medical_therapy: input.medical_therapy,
            smp_health: input.smp_health.clone(),
        }
    }

    /// `input` with these answers.
    pub fn apply(&self, input: EstimateInput) -> EstimateInput {
        EstimateInput {
            calibre: self.calibre,
            contrast: self.contrast,
            technique: self.technique,
            medical_therapy: self.medical_therapy,
            smp_health: self.smp_health.clone(),
            ..input
        }
    }

    /// The same answers with `condition` ticked or unticked, listed in the
    /// health check's own order.
    pub fn toggle_health(&self, condition: HealthCondition) -> Self {
        let ticked = !self.smp_health.contains(&condition);
        Answers {
            smp_health: HealthCondition::ALL
                .into_iter()
                .filter(|c| {
                    if *c == condition {
                        ticked
                    } else {
                        self.smp_health.contains(c)
                    }
                })
                .collect(),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use smp_engine::Pattern;

    #[test]
    fn answers_fill_an_input_and_read_back_from_it() {
        let answers = Answers {
            calibre: Some(Calibre::Fine),
            contrast: Some(Contrast::High),
            technique: None,
            medical_therapy: Some(Therapy::NotTaking),
            smp_health: vec![HealthCondition::Pregnancy],
        };
        let input = answers.apply(EstimateInput::new(Pattern::Norwood5));
        assert_eq!(Answers::of(&input), answers);
        assert_eq!(
            Answers::default().apply(EstimateInput::new(Pattern::Norwood5)),
            EstimateInput::new(Pattern::Norwood5)
        );
        let ticked = answers.toggle_health(HealthCondition::Keloid);
        assert_eq!(
            ticked.smp_health,
            [HealthCondition::Keloid, HealthCondition::Pregnancy]
        );
        assert_eq!(
            ticked.toggle_health(HealthCondition::Keloid).smp_health,
            [HealthCondition::Pregnancy]
        );
    }
}
