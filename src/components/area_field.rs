use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::{Region, WHOLE_SCALP_CM2};
use crate::state::{Draft, Unit};

#[derive(Properties, PartialEq)]
pub struct AreaFieldProps {
    /// A page-unique prefix for element ids.
    pub id: AttrValue,
    /// The area the quote is for, in cm² (from the engine's quote).
    pub area_cm2: f64,
    /// The regions being treated.
    pub regions: Vec<Region>,
    /// The unit the visitor reads areas in.
    pub unit: Unit,
    /// Whether the visitor changed the pattern's regions or area.
    #[prop_or_default]
    pub adjusted: bool,
    /// Text the visitor typed that is not a valid area, with why.
    #[prop_or_default]
    pub draft: Option<Draft>,
    /// Called when a region is ticked or unticked.
    pub ontoggle_region: Callback<Region>,
    /// Called with the text of the field or the slider's value.
    pub onset_area: Callback<String>,
    /// Called when the visitor goes back to the pattern's area.
    pub onreset_area: Callback<()>,
    /// Called when the visitor switches unit.
    pub onset_unit: Callback<Unit>,
}

/// The treatment area: the regions it covers, a slider and a field in cm²
/// or in². An invalid entry stays in the field with its reason.
#[function_component]
pub fn AreaField(props: &AreaFieldProps) -> Html {
    let unit = props.unit;
    let oninput = {
        let onset_area = props.onset_area.clone();
        Callback::from(move |event: InputEvent| {
            let field: HtmlInputElement = event.target_unchecked_into();
            onset_area.emit(field.value());
        })
    };
    let shown = unit.show(props.area_cm2);
    let text = props
        .draft
        .as_ref()
        .map_or_else(|| shown.clone(), |draft| draft.text.clone());
    let field_id = format!("{}-area", props.id);
    let error_id = format!("{}-area-error", props.id);
    let onreset = {
        let onreset_area = props.onreset_area.clone();
        Callback::from(move |_: MouseEvent| onreset_area.emit(()))
    };
    let unit_choice = |choice: Unit| {
        let onset_unit = props.onset_unit.clone();
        let onchange = Callback::from(move |_: Event| onset_unit.emit(choice));
        html! {
            <label class="smp-unit">
                <input type="radio" name={format!("{}-unit", props.id)} checked={unit == choice} {onchange} />
                <span>{ choice.symbol() }</span>
            </label>
        }
    };
    html! {
        <div class="smp-area">
            <fieldset class="smp-regions">
                <legend>{ "Areas to treat" }</legend>
                { for Region::ALL.into_iter().filter(|r| *r != Region::SidesBack || props.regions.contains(r)).map(|region| {
                    let ontoggle_region = props.ontoggle_region.clone();
                    let onchange = Callback::from(move |_: Event| ontoggle_region.emit(region));
                    html! {
                        <label class="smp-region">
                            <input type="checkbox" value={region.id()} checked={props.regions.contains(&region)} {onchange} />
                            <span>{ region.name() }</span>
                        </label>
                    }
                }) }
            </fieldset>
            <div class="smp-area-size">
                <label for={field_id.clone()} class="smp-label">
                    { format!("Treatment area ({})", unit.symbol()) }
                </label>
                <div class="smp-area-controls">
                    <input
                        type="range"
                        class="smp-area-slider"
                        aria-label={format!("Treatment area in {}", unit.symbol())}
                        min={if unit == Unit::Cm2 { "1" } else { "0.5" }}
                        max={unit.show(WHOLE_SCALP_CM2)}
                        step={if unit == Unit::Cm2 { "1" } else { "0.1" }}
                        value={shown}
                        oninput={oninput.clone()}
                    />
                    <input
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        id={field_id}
                        class="smp-area-number"
                        value={text}
                        aria-invalid={props.draft.is_some().to_string()}
                        aria-describedby={props.draft.as_ref().map(|_| AttrValue::from(error_id.clone()))}
                        {oninput}
                    />
                    <fieldset class="smp-units">
                        <legend class="smp-visually-hidden">{ "Unit" }</legend>
                        { unit_choice(Unit::Cm2) }
                        { unit_choice(Unit::In2) }
                    </fieldset>
                </div>
                if let Some(draft) = &props.draft {
                    <p id={error_id} class="smp-field-error">
                        { format!("Treatment area: {}", draft.error) }
                    </p>
                }
                if props.adjusted {
                    <button type="button" class="smp-link-button smp-reset" onclick={onreset}>
                        { "Use the pattern's usual area" }
                    </button>
                }
            </div>
        </div>
    }
}
