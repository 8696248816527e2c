use std::rc::Rc;

use yew::prelude::*;

use super::booking_link;

use crate::format::Formats;
use smp_engine::{Msg, Quote};

/// The answer at a glance, right under the picker: the typical price of
/// each option the engine offers, side by side, and the one call to
/// action. On a phone it is what the visitor sees after a tap; the cards
/// and the comparison follow with the details.
pub fn answer(
    quote: &Rc<Quote>,
    formats: &Formats,
    clinic_name: &str,
    oncta: Option<&Callback<Rc<Quote>>>,
) -> Html {
    let price = |label: Msg, figure: &'static str, value: String| {
        html! {
            <div class="smp-answer-option">
                <dt>{ formats.t(label).to_string() }</dt>
                <dd data-figure={figure}>{ value }</dd>
            </div>
        }
    };
    let transplant = quote.transplant.cost.map_or_else(
        || formats.t(Msg::TransplantNotAdvisedLabel).to_string(),
        |cost| formats.money(cost.typical),
    );
    html! {
        <div class="smp-answer">
            <dl class="smp-answer-prices">
                { price(Msg::SmpShort, "answer-smp", formats.money(quote.smp.cost.typical)) }
                { price(Msg::TransplantTitle, "answer-transplant", transplant) }
                if let Some(plan) = &quote.combined {
                    { price(Msg::CombinedShort, "answer-combined", formats.money(plan.cost.typical)) }
                }
            </dl>
            { booking_link(quote, formats, clinic_name, oncta, "booking-link") }
        </div>
    }
}
