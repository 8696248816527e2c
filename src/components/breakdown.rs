use std::rc::Rc;

use yew::prelude::*;

use super::notes_list;
use crate::format::Formats;
use crate::model::Quote;

/// "How we estimated this", the disclaimer and the call to action, which
/// tells `oncta` (the link still opens as usual).
pub fn breakdown(
    quote: &Rc<Quote>,
    formats: &Formats,
    clinic_name: &str,
    oncta: Option<&Callback<Rc<Quote>>>,
) -> Html {
    let onclick = oncta.cloned().map(|oncta| {
        let quote = quote.clone();
        // The link still opens as usual; the page only hears about it.
        Callback::from(move |_: MouseEvent| oncta.emit(quote.clone()))
    });
    html! {
        <div class="smp-explain">
            <details class="smp-breakdown">
                <summary>{ "How we estimated this" }</summary>
                { notes_list("smp-breakdown-notes", &quote.breakdown, formats) }
            </details>
            <p class="smp-disclaimer">
                { format!(
                    "This is an estimate from published figures and {}'s prices, not a medical assessment or a binding quote. A consultation confirms what your scalp needs.",
                    clinic_name
                ) }
            </p>
            if let Some(url) = &quote.booking_url {
                <a class="smp-cta" part="cta" href={url.clone()} data-figure="booking-link" {onclick}>
                    { format!("Book a consultation with {clinic_name}") }
                </a>
            }
        </div>
    }
}
