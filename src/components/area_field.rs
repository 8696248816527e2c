use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::WHOLE_SCALP_CM2;
use crate::state::AreaDraft;

#[derive(Properties, PartialEq)]
pub struct AreaFieldProps {
    /// Id of the number field, unique on the page.
    pub id: AttrValue,
    /// The area the quote is for, in cm².
    pub area_cm2: f64,
    /// Whether the visitor set the area (rather than the pattern).
    #[prop_or_default]
    pub overridden: bool,
    /// Text the visitor typed that is not a valid area, with why.
    #[prop_or_default]
    pub draft: Option<AreaDraft>,
    /// Called with the text of the field or the slider's value.
    pub onset_area: Callback<String>,
    /// Called when the visitor goes back to the pattern's area.
    pub onreset_area: Callback<()>,
}

/// The treatment area as a slider and a text field that accepts `52,5` as
/// well as `52.5`; an invalid entry stays in the field with its reason.
#[function_component]
pub fn AreaField(props: &AreaFieldProps) -> Html {
    let oninput = {
        let onset_area = props.onset_area.clone();
        Callback::from(move |event: InputEvent| {
            let field: HtmlInputElement = event.target_unchecked_into();
            onset_area.emit(field.value());
        })
    };
    let shown = format!("{}", (props.area_cm2 * 10.0).round() / 10.0);
    let text = props
        .draft
        .as_ref()
        .map(|draft| draft.text.clone())
        .unwrap_or_else(|| shown.clone());
    let error_id = format!("{}-error", props.id);
    let onclick = {
        let onreset_area = props.onreset_area.clone();
        Callback::from(move |_: MouseEvent| onreset_area.emit(()))
    };
    html! {
        <div class="smp-area">
            <label for={props.id.clone()}>{ "Treatment area (cm²)" }</label>
            <div class="smp-area-controls">
                <input
                    type="range"
                    class="smp-area-slider"
                    aria-label="Treatment area slider (cm²)"
                    min="1"
                    max={WHOLE_SCALP_CM2.to_string()}
                    step="1"
                    value={shown}
                    oninput={oninput.clone()}
                />
                <input
                    type="text"
                    inputmode="decimal"
                    id={props.id.clone()}
                    class="smp-area-number"
                    value={text}
                    aria-invalid={props.draft.is_some().to_string()}
                    aria-describedby={props.draft.as_ref().map(|_| AttrValue::from(error_id.clone()))}
                    {oninput}
                />
                if props.overridden {
                    <button type="button" class="smp-reset" {onclick}>
                        { "Use the pattern's area" }
                    </button>
                }
            </div>
            if let Some(draft) = &props.draft {
                <p id={error_id} class="smp-field-error">
                    { format!("Treatment area: {}", draft.error) }
                </p>
            }
        </div>
    }
}
