use yew::prelude::*;

use crate::model::{Pattern, Scale};

#[derive(Properties, PartialEq)]
pub struct PatternPickerProps {
    /// The radio group's name, unique on the page.
    pub name: AttrValue,
    /// The chosen pattern, if any.
    #[prop_or_default]
    pub selected: Option<Pattern>,
    /// Called with the pattern the visitor picks.
    pub onselect: Callback<Pattern>,
}

/// The hair-loss patterns as native radio buttons, grouped by scale, so
/// arrow keys, screen readers and touch work as in any form.
#[function_component]
pub fn PatternPicker(props: &PatternPickerProps) -> Html {
    let groups = [
        (Scale::Norwood, "Men (Norwood scale)"),
        (Scale::Ludwig, "Women (Ludwig scale)"),
        (Scale::Other, "Other situations"),
    ];
    html! {
        <div class="smp-picker">
            { for groups.into_iter().map(|(scale, legend)| html! {
                <fieldset class="smp-group">
                    <legend>{ legend }</legend>
                    { for Pattern::all().filter(|p| p.scale() == scale).map(|pattern| {
                        let info = pattern.info();
                        let onselect = props.onselect.clone();
                        let onchange = Callback::from(move |_: Event| onselect.emit(pattern));
                        html! {
                            <label class="smp-choice">
                                <input
                                    type="radio"
                                    name={props.name.clone()}
                                    value={info.id}
                                    checked={props.selected == Some(pattern)}
                                    {onchange}
                                />
                                <span class="smp-choice-name">{ info.name }</span>
                                <span class="smp-choice-description">{ info.description }</span>
                            </label>
                        }
                    }) }
                </fieldset>
            }) }
        </div>
    }
}
