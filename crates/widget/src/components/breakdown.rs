use std::rc::Rc;

use yew::prelude::*;

use super::{booking_link, notes_list};
use crate::format::Formats;
use smp_engine::{Msg, Quote};

/// "How we estimated this", the disclaimer and the call to action, which
/// tells `oncta` (the link still opens as usual).
pub fn breakdown(
    quote: &Rc<Quote>,
    formats: &Formats,
    clinic_name: &str,
    oncta: Option<&Callback<Rc<Quote>>>,
) -> Html {
    let clinic = smp_engine::clinic_figures(clinic_name);
    html! {
        <div class="smp-explain">
            <details class="smp-breakdown">
                <summary>{ formats.t(Msg::BreakdownSummary).to_string() }</summary>
                { notes_list("smp-breakdown-notes", &quote.breakdown, formats) }
            </details>
            <p class="smp-disclaimer">{ formats.f(Msg::Disclaimer, &clinic) }</p>
            // The same action as the answer's, for a visitor who read this far.
            { booking_link(quote, formats, clinic_name, oncta, "booking-link-end") }
        </div>
    }
}
