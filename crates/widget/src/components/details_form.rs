use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::consultation_form::consultation_fields;
use crate::format::Formats;
use crate::state::{Action, EstimatorState, ScarChoice};
use smp_engine::{Donor, Figure, Goal, Msg, MAX_YEARS, MIN_YEARS};

/// One option of a radio group: a label, an optional line explaining it;
/// choosing it dispatches `action`.
#[allow(clippy::too_many_arguments)]
fn radio(
    formats: &Formats,
    name: &str,
    value: &'static str,
    checked: bool,
    label: Msg,
    hint: Option<Msg>,
    action: Action,
    dispatch: &Callback<Action>,
) -> Html {
    let dispatch = dispatch.clone();
    let onchange = Callback::from(move |_: Event| dispatch.emit(action.clone()));
    html! {
        <label class="smp-option">
            <input type="radio" name={name.to_string()} {value} {checked} {onchange} />
            <span class="smp-option-text">
                <span>{ formats.t(label).to_string() }</span>
                if let Some(hint) = hint {
                    <span class="smp-option-hint">{ formats.t(hint).to_string() }</span>
                }
            </span>
        </label>
    }
}

/// Calls `ontoggle` with whether the details element is now open.
fn toggled(ontoggle: &Callback<bool>) -> Callback<Event> {
    let ontoggle = ontoggle.clone();
    Callback::from(move |event: Event| {
        let details: web_sys::Element = event.target_unchecked_into();
        ontoggle.emit(details.has_attribute("open"));
    })
}

/// Further details, collapsed so the first quote takes one click: a scar,
/// the look wanted, the donor supply and the comparison's horizon. `id` is
/// the widget's page-unique prefix for names and ids. Without `fields`,
/// only the (closed) summary is there: the fields come once the visitor
/// opens it (`ontoggle` says when it opens or closes).
pub fn details_form(
    id: &str,
    state: &EstimatorState,
    dispatch: &Callback<Action>,
    fields: bool,
    ontoggle: &Callback<bool>,
    formats: &Formats,
) -> Html {
    let text = |id: Msg| formats.t(id).to_string();
    if !fields {
        // About to open (a finger or pointer down on it, or focus in it):
        // the fields come now, so that they are there when it opens.
        // And on the click that opens it: WebKit's `toggle` did not reach
        // the widget (its suite's journey found no fields).
        let (onpointerdown, onfocusin, onclick) =
            (ontoggle.clone(), ontoggle.clone(), ontoggle.clone());
        let onpointerdown = Callback::from(move |_: PointerEvent| onpointerdown.emit(true));
        let onfocusin = Callback::from(move |_: FocusEvent| onfocusin.emit(true));
        let onclick = Callback::from(move |_: MouseEvent| onclick.emit(true));
        let ontoggle = toggled(ontoggle);
        // The body's place is kept, empty: Yew pairs an unkeyed list's
        // children from the end, so without it the fields' arrival would
        // put a new summary in place of the one a visitor may already be
        // tapping or have focused.
        return html! {
            <details class="smp-details" {ontoggle} {onpointerdown} {onfocusin} {onclick}>
                <summary>{ text(Msg::DetailsSummary) }</summary>
                { Html::default() }
            </details>
        };
    }
    let name = |field: &str| format!("{id}-{field}");
    let length_id = name("scar-length");
    let length_error_id = name("scar-length-error");
    let years_id = name("years");
    let onlength = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let field: HtmlInputElement = event.target_unchecked_into();
            dispatch.emit(Action::SetScarLength(field.value()));
        })
    };
    let onyears = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Ok(years) = select.value().parse() {
                dispatch.emit(Action::SetYears(years));
            }
        })
    };
    let length_text = state.scar_length_entry.as_ref().map_or_else(
        || state.unit.show_length(state.scar_length_cm),
        |entry| entry.text.clone(),
    );
    let length_error = state
        .scar_length_entry
        .as_ref()
        .and_then(|entry| entry.error.clone());
    let scar = |choice: ScarChoice, label, hint| {
        radio(
            formats,
            &name("scar"),
            match choice {
                ScarChoice::None => "none",
                ScarChoice::Fue => "fue",
                ScarChoice::Fut => "fut",
            },
            state.scar == choice,
            label,
            hint,
            Action::SetScar(choice),
            dispatch,
        )
    };
    let chosen_goal = state.pattern.map(|pattern| state.goal_for(pattern));
    // Density under longer hair needs hair to hide the pigment among: not
    // offered where none is left (the engine refuses it there).
    let offers_density = state
        .pattern
        .is_none_or(|pattern| Goal::Density.suits(pattern));
    let age_id = name("age");
    let age_error_id = name("age-error");
    let age_text = state.age_entry.as_ref().map_or_else(
        || state.age.map(|age| age.to_string()).unwrap_or_default(),
        |entry| entry.text.clone(),
    );
    let age_error = state
        .age_entry
        .as_ref()
        .and_then(|entry| entry.error.clone());
    let onage = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let field: HtmlInputElement = event.target_unchecked_into();
            dispatch.emit(Action::SetAge(field.value()));
        })
    };
    let goal = |choice: Goal, label, hint| {
        radio(
            formats,
            &name("goal"),
            choice.id(),
            chosen_goal == Some(choice),
            label,
            Some(hint),
            Action::SetGoal(choice),
            dispatch,
        )
    };
    let donor = |choice: Donor, label, hint| {
        radio(
            formats,
            &name("donor"),
            choice.id(),
            state.donor == choice,
            label,
            Some(hint),
            Action::SetDonor(choice),
            dispatch,
        )
    };
    let ontoggle = toggled(ontoggle);
    html! {
        <details class="smp-details" {ontoggle}>
            <summary>{ text(Msg::DetailsSummary) }</summary>
            <div class="smp-details-body">
                <fieldset class="smp-options">
                    <legend>{ text(Msg::ScarLegend) }</legend>
                    { scar(ScarChoice::None, Msg::ScarNone, None) }
                    { scar(ScarChoice::Fue, Msg::ScarFue, Some(Msg::ScarFueHint)) }
                    { scar(ScarChoice::Fut, Msg::ScarFut, Some(Msg::ScarFutHint)) }
                    if state.scar == ScarChoice::Fut {
                        <div class="smp-inline-field">
                            <label for={length_id.clone()}>{ formats.f(Msg::ScarLengthLabel, &[("unit", Figure::Message(state.unit.length_symbol()))]) }</label>
                            <input
                                type="text"
                                inputmode="decimal"
                                autocomplete="off"
                                id={length_id}
                                class="smp-short-input"
                                value={length_text}
                                aria-invalid={if length_error.is_some() { "true" } else { "false" }}
                                aria-describedby={length_error.as_ref().map(|_| AttrValue::from(length_error_id.clone()))}
                                oninput={onlength}
                            />
                        </div>
                        if let Some(error) = &length_error {
                            <p id={length_error_id} class="smp-field-error">{ formats.message(error) }</p>
                        }
                    }
                </fieldset>
                <fieldset class="smp-options">
                    <legend>{ text(Msg::GoalLegend) }</legend>
                    { goal(Goal::Shaved, Msg::GoalShaved, Msg::GoalShavedHint) }
                    if offers_density {
                        { goal(Goal::Density, Msg::GoalDensity, Msg::GoalDensityHint) }
                    }
                </fieldset>
                <fieldset class="smp-options">
                    <legend>{ text(Msg::DonorLegend) }</legend>
                    { donor(Donor::Good, Msg::DonorGood, Msg::DonorGoodHint) }
                    { donor(Donor::Average, Msg::DonorAverage, Msg::DonorAverageHint) }
                    { donor(Donor::Poor, Msg::DonorPoor, Msg::DonorPoorHint) }
                </fieldset>
                { consultation_fields(id, state, dispatch, formats) }
                <div class="smp-inline-field">
                    <label for={age_id.clone()}>{ text(Msg::AgeLabel) }</label>
                    <input
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        id={age_id}
                        class="smp-short-input"
                        value={age_text}
                        aria-invalid={if age_error.is_some() { "true" } else { "false" }}
                        aria-describedby={age_error.as_ref().map(|_| AttrValue::from(age_error_id.clone()))}
                        oninput={onage}
                    />
                </div>
                <p class="smp-small">{ text(Msg::AgeHint) }</p>
                if let Some(error) = &age_error {
                    <p id={age_error_id} class="smp-field-error">{ formats.message(error) }</p>
                }
                <div class="smp-inline-field">
                    <label for={years_id.clone()}>{ text(Msg::YearsLabel) }</label>
                    <select id={years_id} class="smp-select" onchange={onyears}>
                        { for (MIN_YEARS..=MAX_YEARS).map(|years| html! {
                            <option value={years.to_string()} selected={years == state.years}>
                                { formats.f(Msg::YearsOption, &[("years", Figure::Count(years.into()))]) }
                            </option>
                        }) }
                    </select>
                </div>
            </div>
        </details>
    }
}
