use std::rc::Rc;

use yew::prelude::*;

use super::notes_list;
use crate::model::{Msg, Quote};
use crate::widget::format::Formats;

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
    let clinic = crate::model::clinic_figures(clinic_name);
    html! {
        <div class="smp-explain">
            <details class="smp-breakdown">
                <summary>{ formats.t(Msg::BreakdownSummary).to_string() }</summary>
                { notes_list("smp-breakdown-notes", &quote.breakdown, formats) }
            </details>
            <p class="smp-disclaimer">{ formats.f(Msg::Disclaimer, &clinic) }</p>
            // The same action as the answer's, for a visitor who read this far.
            if let Some(url) = &quote.booking_url {
                <a class="smp-cta" part="cta" href={url.clone()} data-figure="booking-link-end" {onclick}>
                    { formats.f(Msg::Book, &clinic) }
                </a>
            }
        </div>
    }
}
