use std::rc::Rc;

use yew::prelude::*;

use crate::format::Formats;
use crate::model::{Candidacy, TransplantQuote};

#[derive(Properties, PartialEq)]
pub struct TransplantCardProps {
    /// The transplant half of the engine's quote.
    pub transplant: Rc<TransplantQuote>,
    /// Number and money formats for the clinic's locale.
    pub formats: Rc<Formats>,
}

pub fn candidacy_label(candidate: Candidacy) -> &'static str {
    match candidate {
        Candidacy::Yes => "Likely a candidate",
        Candidacy::Caution => "Possible, with caution",
        Candidacy::No => "Usually not advised",
    }
}

/// A hair transplant: cost, grafts, surgeries, donor supply, downtime,
/// time to the result and whether surgery suits the visitor.
#[function_component]
pub fn TransplantCard(props: &TransplantCardProps) -> Html {
    let (transplant, formats) = (&props.transplant, &props.formats);
    let grafts = transplant.grafts.map(u64::from);
    let donor = if transplant.shortfall_grafts > 0 {
        format!(
            "about {} grafts: {} short of the typical need. SMP can add density where grafts cannot reach.",
            formats.number(transplant.donor_capacity.into()),
            formats.number(transplant.shortfall_grafts.into())
        )
    } else {
        format!(
            "about {} grafts: enough for this area.",
            formats.number(transplant.donor_capacity.into())
        )
    };
    let candidate = match transplant.candidate {
        Candidacy::Yes => "yes",
        Candidacy::Caution => "caution",
        Candidacy::No => "no",
    };
    html! {
        <article class="smp-card smp-card-transplant">
            <h3>{ "Hair transplant" }</h3>
            <p class="smp-price">
                <strong data-figure="transplant-cost-typical">{ formats.money(transplant.cost.typical) }</strong>
                <span class="smp-range">
                    { "usually " }<span data-figure="transplant-cost-range">{ formats.money_range(transplant.cost.min, transplant.cost.max) }</span>
                </span>
            </p>
            <dl class="smp-facts">
                <dt>{ "Grafts" }</dt>
                <dd data-figure="transplant-grafts">
                    { format!("{} (usually {})", formats.number(grafts.typical), formats.number_range(grafts.min, grafts.max)) }
                </dd>
                <dt>{ "Surgeries" }</dt>
                <dd data-figure="transplant-surgeries">{ transplant.surgeries }</dd>
                <dt>{ "Donor supply" }</dt>
                <dd data-figure="transplant-donor">{ donor }</dd>
                <dt>{ "Time off work" }</dt>
                <dd data-figure="transplant-downtime">
                    { format!("{}–{} days", transplant.downtime_days.min, transplant.downtime_days.max) }
                </dd>
                <dt>{ "Final result" }</dt>
                <dd data-figure="transplant-result">
                    { format!("after {}–{} months", transplant.months_to_result.min, transplant.months_to_result.max) }
                </dd>
            </dl>
            <p class={classes!("smp-candidacy", format!("smp-candidacy-{candidate}"))} data-figure="transplant-candidate">
                { candidacy_label(transplant.candidate) }
            </p>
            <ul class="smp-notes">
                { for transplant.notes.iter().map(|note| html! { <li data-note={note.id}>{ formats.note(note) }</li> }) }
            </ul>
        </article>
    }
}
