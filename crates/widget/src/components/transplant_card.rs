use yew::prelude::*;

use super::{fact, headline_price, notes_list};
use crate::format::Formats;
use smp_engine::{Candidacy, Figure, Msg, TransplantQuote};

pub fn candidacy_label(candidate: Candidacy) -> Msg {
    match candidate {
        Candidacy::Yes => Msg::CandidacyYes,
        Candidacy::Caution => Msg::CandidacyCaution,
        Candidacy::No => Msg::CandidacyNo,
    }
}

/// A hair transplant: cost, grafts, surgeries, donor supply, downtime,
/// time to the result and whether surgery suits the visitor. Where surgery
/// is not advised the engine gives no price, and neither does the card.
pub fn transplant_card(transplant: &TransplantQuote, formats: &Formats) -> Html {
    let grafts = transplant.grafts.map(u64::from);
    let count = |n: u32| Figure::Count(n.into());
    let surgeries = transplant.surgeries;
    let candidate = format!("smp-candidacy smp-candidacy-{}", transplant.candidate.id());
    html! {
        <article class="smp-card smp-card-transplant">
            <h3>{ formats.t(Msg::TransplantTitle).to_string() }</h3>
            if let Some(cost) = transplant.cost {
                { headline_price(formats, "transplant", formats.money(cost.typical), formats.money_range(cost.min, cost.max)) }
            } else {
                <p class="smp-price smp-not-advised">
                    <strong data-figure="transplant-cost-typical">{ formats.t(Msg::TransplantNotAdvisedLabel).to_string() }</strong>
                </p>
            }
            if let Some(note) = &transplant.cost_note {
                <p class="smp-small" data-note={note.id.key()}>{ formats.note(note) }</p>
            }
            <dl class="smp-facts">
                { fact(formats, Msg::TransplantGrafts, "transplant-grafts", formats.f(Msg::TransplantGraftsValue, &[
                    ("grafts", Figure::Count(grafts.typical)),
                    ("range", Figure::Text(formats.number_range(grafts.min, grafts.max))),
                ])) }
                { fact(formats, Msg::TransplantSurgeries, "transplant-surgeries", formats.f(Msg::TransplantSurgeriesValue, &[
                    ("surgeries", count(surgeries.typical)),
                    ("min", count(surgeries.min)),
                    ("max", count(surgeries.max)),
                ])) }
                { fact(formats, Msg::TransplantDonor, "transplant-donor", formats.note(&transplant.donor_summary)) }
                { fact(formats, Msg::TransplantDowntime, "transplant-downtime", formats.f(Msg::TransplantDowntimeValue, &[
                    ("min", count(transplant.downtime_days.min)),
                    ("max", count(transplant.downtime_days.max)),
                ])) }
                { fact(formats, Msg::TransplantResult, "transplant-result", formats.f(Msg::TransplantResultValue, &[
                    ("min", count(transplant.months_to_result.min)),
                    ("max", count(transplant.months_to_result.max)),
                ])) }
            </dl>
            <p class={candidate} data-figure="transplant-candidate">
                { formats.t(candidacy_label(transplant.candidate)).to_string() }
            </p>
            { notes_list("smp-notes", &transplant.notes, formats) }
        </article>
    }
}
