use yew::prelude::*;

use std::rc::Rc;

use super::head_illustration;
use crate::format::Formats;
use crate::state::Action;
use smp_engine::{Msg, Pattern, Scale};

#[derive(Properties, PartialEq)]
pub struct PatternPickerProps {
    /// A page-unique prefix for the radio group's name and element ids.
    pub id: AttrValue,
    /// The group of patterns shown.
    pub group: Scale,
    /// The chosen pattern, if any.
    #[prop_or_default]
    pub selected: Option<Pattern>,
    /// Takes the visitor's choices: the group shown, the pattern picked.
    pub dispatch: Callback<Action>,
    /// Whether to draw the pictures yet (not before the widget's drawings
    /// part, see `Stage`).
    #[prop_or(true)]
    pub drawings: bool,
    /// The visitor's language.
    pub formats: Rc<Formats>,
    /// Rendered but hidden: the static first screen holds every group's
    /// picker, one shown, and its loader shows another on a group's button.
    #[prop_or_default]
    pub hidden: bool,
}

/// The groups, in the order of their buttons (the static first screen's
/// loader finds a group's picker by its button's place).
pub(crate) const GROUPS: [(Scale, Msg, Msg); 3] = [
    (Scale::Norwood, Msg::GroupMen, Msg::GroupMenLegend),
    (Scale::Ludwig, Msg::GroupWomen, Msg::GroupWomenLegend),
    (Scale::Other, Msg::GroupOther, Msg::GroupOtherLegend),
];

/// The hair-loss patterns as an illustrated group of native radio buttons,
/// one group at a time (men, women, other): arrow keys move and choose, as
/// in any form. Each radio is named by its pattern's name alone and
/// described by its sentence; the visible description under the pictures
/// is the chosen one's, so a phone shows pictures rather than a wall of
/// text.
#[function_component]
pub fn PatternPicker(props: &PatternPickerProps) -> Html {
    let formats = &props.formats;
    let text = |id: Msg| formats.t(id).to_string();
    let legend = GROUPS
        .iter()
        .find(|(scale, _, _)| *scale == props.group)
        .map_or(String::new(), |(_, _, legend)| text(*legend));
    let description = props
        .selected
        .map_or(Msg::PatternPrompt, |pattern| pattern.info().description);
    html! {
        <div class="smp-picker" hidden={props.hidden}>
            <div class="smp-groups" role="group" aria-label={text(Msg::GroupsLabel)}>
                { for GROUPS.iter().map(|(scale, label, _)| {
                    let scale = *scale;
                    let dispatch = props.dispatch.clone();
                    let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::ShowGroup(scale)));
                    html! {
                        <button
                            type="button"
                            class="smp-group-button"
                            aria-pressed={if props.group == scale { "true" } else { "false" }}
                            {onclick}
                        >{ text(*label) }</button>
                    }
                }) }
            </div>
            <fieldset class="smp-choices">
                <legend>{ legend }</legend>
                { for Pattern::all().filter(|p| p.scale() == props.group).map(|pattern| {
                    let info = pattern.info();
                    let dispatch = props.dispatch.clone();
                    let onchange = Callback::from(move |_: Event| dispatch.emit(Action::SelectPattern(pattern)));
                    let description_id = format!("{}-{}-description", props.id, info.id);
                    let name_id = format!("{}-{}-name", props.id, info.id);
                    html! {
                        <label class="smp-choice">
                            <input
                                type="radio"
                                class="smp-choice-input"
                                name={format!("{}-pattern", props.id)}
                                value={info.id}
                                checked={props.selected == Some(pattern)}
                                aria-labelledby={name_id.clone()}
                                aria-describedby={description_id.clone()}
                                {onchange}
                            />
                            { head_illustration(pattern, format!("{}-{}-clip", props.id, info.id), props.drawings, formats) }
                            <span id={name_id} class="smp-choice-name">{ text(info.name) }</span>
                            <span id={description_id} class="smp-visually-hidden">{ text(info.description) }</span>
                        </label>
                    }
                }) }
            </fieldset>
            <p class="smp-choice-description" data-figure="pattern-description">
                { text(description) }
            </p>
        </div>
    }
}
