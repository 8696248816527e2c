use std::rc::Rc;

use yew::prelude::*;

use crate::format::Formats;
use crate::model::Quote;

#[derive(Properties, PartialEq)]
pub struct BreakdownProps {
    /// The engine's quote, with its breakdown and booking link.
    pub quote: Rc<Quote>,
    /// Number and money formats for the clinic's locale.
    pub formats: Rc<Formats>,
    /// The clinic's name, for the disclaimer and the call to action.
    pub clinic_name: AttrValue,
    /// Called with the quote when the visitor follows the booking link.
    #[prop_or_default]
    pub oncta: Option<Callback<Rc<Quote>>>,
}

/// "How we estimated this", the disclaimer and the call to action.
#[function_component]
pub fn Breakdown(props: &BreakdownProps) -> Html {
    let quote = &props.quote;
    let onclick = props.oncta.clone().map(|oncta| {
        let quote = quote.clone();
        // The link still opens as usual; the page only hears about it.
        Callback::from(move |_: MouseEvent| oncta.emit(quote.clone()))
    });
    html! {
        <div class="smp-explain">
            <details class="smp-breakdown">
                <summary>{ "How we estimated this" }</summary>
                <ul>
                    { for quote.breakdown.iter().map(|note| html! { <li data-note={note.id}>{ props.formats.note(note) }</li> }) }
                </ul>
            </details>
            <p class="smp-disclaimer">
                { format!(
                    "This is an estimate from published figures and {}'s prices, not a medical assessment or a binding quote. A consultation confirms what your scalp needs.",
                    props.clinic_name
                ) }
            </p>
            if let Some(url) = &quote.booking_url {
                <a class="smp-cta" part="cta" href={url.clone()} data-figure="booking-link" {onclick}>
                    { format!("Book a consultation with {}", props.clinic_name) }
                </a>
            }
        </div>
    }
}
