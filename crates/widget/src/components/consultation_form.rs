//! What a physician asks, among the further details: hair calibre and
//! contrast, the technique, medication and the SMP health check. Each is a
//! fieldset with a legend; "Not sure" (or "Let the clinic advise") is the
//! blank answer, which changes nothing.

use yew::prelude::*;

use crate::answers::Answers;
use crate::format::Formats;
use crate::state::{Action, EstimatorState};
use smp_engine::{
    Calibre, Contrast, Figure, HealthCondition, Msg, Technique, Therapy, COARSE_OVER_UM,
    FINE_UNDER_UM,
};

/// One radio option with its label and an optional hint, both written with
/// `figures`; choosing it sets `answers`.
#[allow(clippy::too_many_arguments)]
fn option(
    formats: &Formats,
    name: &str,
    value: &'static str,
    checked: bool,
    label: Msg,
    hint: Option<Msg>,
    answers: Answers,
    dispatch: &Callback<Action>,
) -> Html {
    let dispatch = dispatch.clone();
    let onchange =
        Callback::from(move |_: Event| dispatch.emit(Action::SetAnswers(answers.clone())));
    let figures = [
        ("fine", Figure::Count(FINE_UNDER_UM.into())),
        ("coarse", Figure::Count(COARSE_OVER_UM.into())),
    ];
    html! {
        <label class="smp-option">
            <input type="radio" name={name.to_string()} {value} {checked} {onchange} />
            <span class="smp-option-text">
                <span>{ formats.t(label).to_string() }</span>
                if let Some(hint) = hint {
                    <span class="smp-option-hint">{ formats.f(hint, &figures) }</span>
                }
            </span>
        </label>
    }
}

pub fn consultation_fields(
    id: &str,
    state: &EstimatorState,
    dispatch: &Callback<Action>,
    formats: &Formats,
) -> Html {
    let text = |id: Msg| formats.t(id).to_string();
    let name = |field: &str| format!("{id}-{field}");
    let now = &state.answers;
    let calibre = |choice: Option<Calibre>, label, hint| {
        option(
            formats,
            &name("calibre"),
            choice.map_or("not-sure", Calibre::id),
            now.calibre == choice,
            label,
            hint,
            Answers {
                calibre: choice,
                ..now.clone()
            },
            dispatch,
        )
    };
    let contrast = |choice: Option<Contrast>, label, hint| {
        option(
            formats,
            &name("contrast"),
            choice.map_or("not-sure", Contrast::id),
            now.contrast == choice,
            label,
            hint,
            Answers {
                contrast: choice,
                ..now.clone()
            },
            dispatch,
        )
    };
    let technique = |choice: Option<Technique>, label, hint| {
        option(
            formats,
            &name("technique"),
            choice.map_or("clinic", Technique::id),
            now.technique == choice,
            label,
            hint,
            Answers {
                technique: choice,
                ..now.clone()
            },
            dispatch,
        )
    };
    let therapy = |choice: Option<Therapy>, label| {
        option(
            formats,
            &name("therapy"),
            choice.map_or("not-sure", Therapy::id),
            now.medical_therapy == choice,
            label,
            None,
            Answers {
                medical_therapy: choice,
                ..now.clone()
            },
            dispatch,
        )
    };
    let health_hint = name("health-hint");
    let health = |condition: HealthCondition, label: Msg| {
        let dispatch = dispatch.clone();
        let answers = now.toggle_health(condition);
        let onchange =
            Callback::from(move |_: Event| dispatch.emit(Action::SetAnswers(answers.clone())));
        html! {
            <label class="smp-option">
                <input
                    type="checkbox"
                    name={name("health")}
                    value={condition.id()}
                    checked={now.smp_health.contains(&condition)}
                    {onchange}
                />
                <span class="smp-option-text"><span>{ text(label) }</span></span>
            </label>
        }
    };
    html! {
        <>
            <fieldset class="smp-options">
                <legend>{ text(Msg::CalibreLegend) }</legend>
                { calibre(Some(Calibre::Fine), Msg::CalibreFine, Some(Msg::CalibreFineHint)) }
                { calibre(Some(Calibre::Medium), Msg::CalibreMedium, Some(Msg::CalibreMediumHint)) }
                { calibre(Some(Calibre::Coarse), Msg::CalibreCoarse, Some(Msg::CalibreCoarseHint)) }
                { calibre(None, Msg::AnswerNotSure, None) }
            </fieldset>
            <fieldset class="smp-options">
                <legend>{ text(Msg::ContrastLegend) }</legend>
                { contrast(Some(Contrast::Low), Msg::ContrastLow, Some(Msg::ContrastLowHint)) }
                { contrast(Some(Contrast::Medium), Msg::ContrastMedium, Some(Msg::ContrastMediumHint)) }
                { contrast(Some(Contrast::High), Msg::ContrastHigh, Some(Msg::ContrastHighHint)) }
                { contrast(None, Msg::AnswerNotSure, None) }
            </fieldset>
            <fieldset class="smp-options">
                <legend>{ text(Msg::TechniqueLegend) }</legend>
                { technique(None, Msg::TechniqueClinic, None) }
                { technique(Some(Technique::Fut), Msg::TechniqueFut, Some(Msg::TechniqueFutHint)) }
                { technique(Some(Technique::Fue), Msg::TechniqueFue, Some(Msg::TechniqueFueHint)) }
                { technique(Some(Technique::UnshavenFue), Msg::TechniqueUnshavenFue, Some(Msg::TechniqueUnshavenFueHint)) }
            </fieldset>
            <fieldset class="smp-options">
                <legend>{ text(Msg::TherapyLegend) }</legend>
                { therapy(Some(Therapy::YearOrMore), Msg::TherapyYearOrMore) }
                { therapy(Some(Therapy::JustStarted), Msg::TherapyJustStarted) }
                { therapy(Some(Therapy::NotTaking), Msg::TherapyNotTaking) }
                { therapy(None, Msg::AnswerNotSure) }
            </fieldset>
            <fieldset class="smp-options" aria-describedby={health_hint.clone()}>
                <legend>{ text(Msg::HealthLegend) }</legend>
                <p id={health_hint} class="smp-small">{ text(Msg::HealthHint) }</p>
                { health(HealthCondition::Keloid, Msg::HealthKeloid) }
                { health(HealthCondition::ScalpCondition, Msg::HealthScalpCondition) }
                { health(HealthCondition::AlopeciaAreata, Msg::HealthAlopeciaAreata) }
                { health(HealthCondition::BloodThinners, Msg::HealthBloodThinners) }
                { health(HealthCondition::Pregnancy, Msg::HealthPregnancy) }
            </fieldset>
        </>
    }
}
