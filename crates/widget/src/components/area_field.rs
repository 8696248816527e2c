use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::format::Formats;
use crate::state::{Action, Entry, Unit};
use smp_engine::{Figure, Msg, Region, WHOLE_SCALP_CM2};

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
    /// What the visitor typed, and why it cannot be used if it cannot.
    #[prop_or_default]
    pub entry: Option<Entry>,
    /// Takes the visitor's changes: regions ticked, areas typed or slid,
    /// the unit, going back to the pattern's area.
    pub dispatch: Callback<Action>,
    /// The visitor's language.
    pub formats: Rc<Formats>,
}

/// The treatment area: the regions it covers, a slider and a field in cm²
/// or in². An invalid entry stays in the field with its reason.
#[function_component]
pub fn AreaField(props: &AreaFieldProps) -> Html {
    let unit = props.unit;
    let formats = &props.formats;
    let say = |id: Msg| formats.t(id).to_string();
    let symbol = [("unit", Figure::Message(unit.symbol()))];
    let value_of = |action: fn(String) -> Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let field: HtmlInputElement = event.target_unchecked_into();
            dispatch.emit(action(field.value()));
        })
    };
    let error = props.entry.as_ref().and_then(|entry| entry.error.clone());
    let shown = unit.show(props.area_cm2);
    let text = props
        .entry
        .as_ref()
        .map_or_else(|| shown.clone(), |entry| entry.text.clone());
    let field_id = format!("{}-area", props.id);
    let error_id = format!("{}-area-error", props.id);
    let field = use_node_ref();
    let onreset = {
        let dispatch = props.dispatch.clone();
        let field = field.clone();
        // The button goes away once pressed; focus moves to the area field
        // rather than being lost to the page.
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::ResetArea);
            if let Some(field) = field.cast::<HtmlInputElement>() {
                let _ = field.focus();
            }
        })
    };
    let unit_choice = |choice: Unit| {
        let dispatch = props.dispatch.clone();
        let onchange = Callback::from(move |_: Event| dispatch.emit(Action::SetUnit(choice)));
        html! {
            <label class="smp-unit">
                <input
                    type="radio"
                    name={format!("{}-unit", props.id)}
                    value={if choice == Unit::Cm2 { "cm2" } else { "in2" }}
                    checked={unit == choice}
                    {onchange}
                />
                <span>{ say(choice.symbol()) }</span>
            </label>
        }
    };
    html! {
        <div class="smp-area">
            <fieldset class="smp-regions">
                <legend>{ say(Msg::AreasLegend) }</legend>
                { for Region::ALL.into_iter().filter(|r| *r != Region::SidesBack || props.regions.contains(r)).map(|region| {
                    let dispatch = props.dispatch.clone();
                    let onchange = Callback::from(move |_: Event| dispatch.emit(Action::ToggleRegion(region)));
                    html! {
                        <label class="smp-region">
                            <input type="checkbox" value={region.id()} checked={props.regions.contains(&region)} {onchange} />
                            <span>{ say(region.name()) }</span>
                        </label>
                    }
                }) }
            </fieldset>
            <div class="smp-area-size">
                <label for={field_id.clone()} class="smp-label">
                    { formats.f(Msg::AreaLabel, &symbol) }
                </label>
                <div class="smp-area-controls">
                    <input
                        type="range"
                        class="smp-area-slider"
                        aria-label={formats.f(Msg::AreaSliderLabel, &symbol)}
                        min={if unit == Unit::Cm2 { "1" } else { "0.5" }}
                        max={unit.show(WHOLE_SCALP_CM2)}
                        step={if unit == Unit::Cm2 { "1" } else { "0.1" }}
                        value={shown}
                        oninput={value_of(Action::SlideArea)}
                    />
                    <input
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        id={field_id}
                        ref={field}
                        class="smp-area-number"
                        value={text}
                        aria-invalid={if error.is_some() { "true" } else { "false" }}
                        aria-describedby={error.as_ref().map(|_| AttrValue::from(error_id.clone()))}
                        oninput={value_of(Action::SetArea)}
                    />
                    <fieldset class="smp-units">
                        <legend class="smp-visually-hidden">{ say(Msg::UnitLegend) }</legend>
                        { unit_choice(Unit::Cm2) }
                        { unit_choice(Unit::In2) }
                    </fieldset>
                </div>
                if let Some(error) = &error {
                    <p id={error_id} class="smp-field-error">
                        { formats.message(error) }
                    </p>
                }
                if props.adjusted {
                    <button type="button" class="smp-link-button smp-reset" onclick={onreset}>
                        { say(Msg::AreaReset) }
                    </button>
                }
            </div>
        </div>
    }
}
