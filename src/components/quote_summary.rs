use std::rc::Rc;

use yew::prelude::*;

use crate::format::Formats;
use crate::model::{Candidacy, Quote};

#[derive(Properties, PartialEq)]
pub struct QuoteSummaryProps {
    /// The engine's quote; every figure shown comes from it.
    pub quote: Rc<Quote>,
    /// Number and money formats for the clinic's locale.
    pub formats: Rc<Formats>,
}

/// The main figures: SMP sessions and cost, transplant grafts and cost.
#[function_component]
pub fn QuoteSummary(props: &QuoteSummaryProps) -> Html {
    let quote = &props.quote;
    let formats = &props.formats;
    let (smp, transplant) = (&quote.smp, &quote.transplant);
    let sessions = smp.sessions;
    let grafts = transplant.grafts.map(u64::from);
    let candidacy = match transplant.candidate {
        Candidacy::Yes => "Likely a candidate",
        Candidacy::Caution => "Possible, with caution",
        Candidacy::No => "Usually not advised",
    };
    html! {
        <div class="smp-cards">
            <article class="smp-card smp-card-smp">
                <h3>{ "Scalp micropigmentation" }</h3>
                <dl>
                    <dt>{ "Sessions" }</dt>
                    <dd data-figure="smp-sessions">
                        { format!("{} (usually {} to {})", sessions.typical, sessions.min, sessions.max) }
                    </dd>
                    <dt>{ "Cost" }</dt>
                    <dd>
                        <strong data-figure="smp-cost-typical">{ formats.money(smp.cost.typical) }</strong>
                        <span class="smp-range" data-figure="smp-cost-range">
                            { formats.money_range(smp.cost.min, smp.cost.max) }
                        </span>
                    </dd>
                </dl>
            </article>
            <article class="smp-card smp-card-transplant">
                <h3>{ "Hair transplant" }</h3>
                <dl>
                    <dt>{ "Grafts" }</dt>
                    <dd data-figure="transplant-grafts">
                        { format!("{} (usually {})", formats.number(grafts.typical), formats.number_range(grafts.min, grafts.max)) }
                    </dd>
                    <dt>{ "Cost" }</dt>
                    <dd>
                        <strong data-figure="transplant-cost-typical">{ formats.money(transplant.cost.typical) }</strong>
                        <span class="smp-range" data-figure="transplant-cost-range">
                            { formats.money_range(transplant.cost.min, transplant.cost.max) }
                        </span>
                    </dd>
                    <dt>{ "Surgery" }</dt>
                    <dd data-figure="transplant-candidate">{ candidacy }</dd>
                </dl>
                <ul class="smp-notes">
                    { for transplant.notes.iter().map(|note| html! { <li data-note={note.id}>{ &note.text }</li> }) }
                </ul>
            </article>
        </div>
    }
}
