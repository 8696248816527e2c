use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::model::{Donor, Goal, MAX_YEARS, MIN_YEARS};
use crate::state::{Action, EstimatorState, ScarChoice};

/// One option of a radio group: a label, an optional line explaining it;
/// choosing it dispatches `action`.
fn radio(
    name: &str,
    value: &'static str,
    checked: bool,
    label: &'static str,
    hint: Option<&'static str>,
    action: Action,
    dispatch: &Callback<Action>,
) -> Html {
    let dispatch = dispatch.clone();
    let onchange = Callback::from(move |_: Event| dispatch.emit(action.clone()));
    html! {
        <label class="smp-option">
            <input type="radio" name={name.to_string()} {value} {checked} {onchange} />
            <span class="smp-option-text">
                <span>{ label }</span>
                if let Some(hint) = hint {
                    <span class="smp-option-hint">{ hint }</span>
                }
            </span>
        </label>
    }
}

/// Further details, collapsed so the first quote takes one click: a scar,
/// the look wanted, the donor supply and the comparison's horizon. `id` is
/// the widget's page-unique prefix for names and ids. Until `drawn`, only
/// the (closed) summary is there (see `Estimator`'s first render).
pub fn details_form(
    id: &str,
    state: &EstimatorState,
    dispatch: &Callback<Action>,
    drawn: bool,
) -> Html {
    if !drawn {
        return html! {
            <details class="smp-details">
                <summary>{ "Further details: scar, look, donor hair, years" }</summary>
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
        || crate::model::number::show(state.scar_length_cm),
        |entry| entry.text.clone(),
    );
    let length_error = state
        .scar_length_entry
        .as_ref()
        .and_then(|entry| entry.error.clone());
    let scar = |choice: ScarChoice, label, hint| {
        radio(
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
    let goal = |choice: Goal, label, hint| {
        radio(
            &name("goal"),
            choice.id(),
            state.goal == choice,
            label,
            Some(hint),
            Action::SetGoal(choice),
            dispatch,
        )
    };
    let donor = |choice: Donor, label, hint| {
        radio(
            &name("donor"),
            choice.id(),
            state.donor == choice,
            label,
            Some(hint),
            Action::SetDonor(choice),
            dispatch,
        )
    };
    html! {
        <details class="smp-details">
            <summary>{ "Further details: scar, look, donor hair, years" }</summary>
            <div class="smp-details-body">
                <fieldset class="smp-options">
                    <legend>{ "A scar to hide as well" }</legend>
                    { scar(ScarChoice::None, "No scar", None) }
                    { scar(ScarChoice::Fue, "FUE dots", Some("Small dotted scars from an earlier FUE transplant.")) }
                    { scar(ScarChoice::Fut, "FUT strip", Some("A line scar across the back from strip surgery.")) }
                    if state.scar == ScarChoice::Fut {
                        <div class="smp-inline-field">
                            <label for={length_id.clone()}>{ "Strip length (cm)" }</label>
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
                            <p id={length_error_id} class="smp-field-error">{ format!("Strip length: {error}") }</p>
                        }
                    }
                </fieldset>
                <fieldset class="smp-options">
                    <legend>{ "The look you want" }</legend>
                    { goal(Goal::Shaved, "Shaved look", "The crisp look of a fresh buzz cut.") }
                    { goal(Goal::Density, "Density under longer hair", "Less scalp showing through hair you keep longer.") }
                </fieldset>
                <fieldset class="smp-options">
                    <legend>{ "Donor hair at the back and sides" }</legend>
                    { donor(Donor::Good, "Good", "Thick hair at the back and sides that has not thinned.") }
                    { donor(Donor::Average, "Average", "Most people; the usual choice if you are not sure.") }
                    { donor(Donor::Poor, "Poor", "Fine or thinning hair at the back and sides too.") }
                </fieldset>
                <div class="smp-inline-field">
                    <label for={years_id.clone()}>{ "Compare costs over" }</label>
                    <select id={years_id} class="smp-select" onchange={onyears}>
                        { for (MIN_YEARS..=MAX_YEARS).map(|years| html! {
                            <option value={years.to_string()} selected={years == state.years}>
                                { if years == 1 { "1 year".to_string() } else { format!("{years} years") } }
                            </option>
                        }) }
                    </select>
                </div>
            </div>
        </details>
    }
}
