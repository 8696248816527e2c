use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::model::{Donor, Goal, MAX_YEARS, MIN_YEARS};
use crate::state::{Entry, ScarChoice};

#[derive(Properties, PartialEq)]
pub struct DetailsFormProps {
    /// A page-unique prefix for names and ids.
    pub id: AttrValue,
    pub scar: ScarChoice,
    /// The strip scar's length in cm.
    pub scar_length_cm: f64,
    /// The scar length as typed, and why it cannot be used if it cannot.
    #[prop_or_default]
    pub scar_length_entry: Option<Entry>,
    pub goal: Goal,
    pub donor: Donor,
    pub years: u32,
    pub onset_scar: Callback<ScarChoice>,
    pub onset_scar_length: Callback<String>,
    pub onset_goal: Callback<Goal>,
    pub onset_donor: Callback<Donor>,
    pub onset_years: Callback<u32>,
}

/// One option of a radio group: a label, an optional line explaining it.
fn radio<T: Copy + PartialEq + 'static>(
    name: &str,
    value: T,
    current: T,
    label: &str,
    hint: Option<&str>,
    onset: &Callback<T>,
) -> Html {
    let onset = onset.clone();
    let onchange = Callback::from(move |_: Event| onset.emit(value));
    html! {
        <label class="smp-option">
            <input type="radio" name={name.to_string()} checked={value == current} {onchange} />
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
/// the look wanted, the donor supply and the comparison's horizon.
#[function_component]
pub fn DetailsForm(props: &DetailsFormProps) -> Html {
    let name = |field: &str| format!("{}-{field}", props.id);
    let length_id = name("scar-length");
    let length_error_id = name("scar-length-error");
    let years_id = name("years");
    let onlength = {
        let onset = props.onset_scar_length.clone();
        Callback::from(move |event: InputEvent| {
            let field: HtmlInputElement = event.target_unchecked_into();
            onset.emit(field.value());
        })
    };
    let onyears = {
        let onset = props.onset_years.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Ok(years) = select.value().parse() {
                onset.emit(years);
            }
        })
    };
    let length_text = props.scar_length_entry.as_ref().map_or_else(
        || crate::model::number::show(props.scar_length_cm),
        |entry| entry.text.clone(),
    );
    let length_error = props
        .scar_length_entry
        .as_ref()
        .and_then(|entry| entry.error.clone());
    html! {
        <details class="smp-details">
            <summary>{ "Further details: scar, look, donor hair, years" }</summary>
            <div class="smp-details-body">
                <fieldset class="smp-options">
                    <legend>{ "A scar to hide as well" }</legend>
                    { radio(&name("scar"), ScarChoice::None, props.scar, "No scar", None, &props.onset_scar) }
                    { radio(&name("scar"), ScarChoice::Fue, props.scar, "FUE dots", Some("Small dotted scars from an earlier FUE transplant."), &props.onset_scar) }
                    { radio(&name("scar"), ScarChoice::Fut, props.scar, "FUT strip", Some("A line scar across the back from strip surgery."), &props.onset_scar) }
                    if props.scar == ScarChoice::Fut {
                        <div class="smp-inline-field">
                            <label for={length_id.clone()}>{ "Strip length (cm)" }</label>
                            <input
                                type="text"
                                inputmode="decimal"
                                autocomplete="off"
                                id={length_id}
                                class="smp-short-input"
                                value={length_text}
                                aria-invalid={length_error.is_some().to_string()}
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
                    { radio(&name("goal"), Goal::Shaved, props.goal, "Shaved look", Some("The crisp look of a fresh buzz cut."), &props.onset_goal) }
                    { radio(&name("goal"), Goal::Density, props.goal, "Density under longer hair", Some("Less scalp showing through hair you keep longer."), &props.onset_goal) }
                </fieldset>
                <fieldset class="smp-options">
                    <legend>{ "Donor hair at the back and sides" }</legend>
                    { radio(&name("donor"), Donor::Good, props.donor, "Good", Some("Thick hair at the back and sides that has not thinned."), &props.onset_donor) }
                    { radio(&name("donor"), Donor::Average, props.donor, "Average", Some("Most people; the usual choice if you are not sure."), &props.onset_donor) }
                    { radio(&name("donor"), Donor::Poor, props.donor, "Poor", Some("Fine or thinning hair at the back and sides too."), &props.onset_donor) }
                </fieldset>
                <div class="smp-inline-field">
                    <label for={years_id.clone()}>{ "Compare costs over" }</label>
                    <select id={years_id} class="smp-select" onchange={onyears}>
                        { for (MIN_YEARS..=MAX_YEARS).map(|years| html! {
                            <option value={years.to_string()} selected={years == props.years}>
                                { if years == 1 { "1 year".to_string() } else { format!("{years} years") } }
                            </option>
                        }) }
                    </select>
                </div>
            </div>
        </details>
    }
}
