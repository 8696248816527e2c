use yew::prelude::*;

use super::{fact, headline_price, notes_list};
use crate::format::Formats;
use crate::model::{Candidacy, Figure, Msg, TransplantQuote};

pub fn candidacy_label(candidate: Candidacy) -> Msg {
    match candidate {
        Candidacy::Yes => Msg::CandidacyYes,
        Candidacy::Caution => Msg::CandidacyCaution,
        Candidacy::No => Msg::CandidacyNo,
    }
}

/// A hair transplant: cost, grafts, surgeries, donor supply, downtime,
/// time to the result and whether surgery suits the visitor.
pub fn transplant_card(transplant: &TransplantQuote, formats: &Formats) -> Html {
    let grafts = transplant.grafts.map(u64::from);
    let capacity = ("capacity", Figure::Count(transplant.donor_capacity.into()));
    let donor = if transplant.shortfall_grafts > 0 {
        formats.f(
            Msg::TransplantDonorShort,
            &[
                capacity,
                ("short", Figure::Count(transplant.shortfall_grafts.into())),
            ],
        )
    } else {
        formats.f(Msg::TransplantDonorEnough, &[capacity])
    };
    let count = |n: u32| Figure::Count(n.into());
    let candidate = format!("smp-candidacy smp-candidacy-{}", transplant.candidate.id());
    html! {
        <article class="smp-card smp-card-transplant">
            <h3>{ formats.t(Msg::TransplantTitle).to_string() }</h3>
            { headline_price(formats, "transplant", formats.money(transplant.cost.typical), formats.money_range(transplant.cost.min, transplant.cost.max)) }
            <dl class="smp-facts">
                { fact(formats, Msg::TransplantGrafts, "transplant-grafts", formats.f(Msg::TransplantGraftsValue, &[
                    ("grafts", Figure::Count(grafts.typical)),
                    ("range", Figure::Text(formats.number_range(grafts.min, grafts.max))),
                ])) }
                { fact(formats, Msg::TransplantSurgeries, "transplant-surgeries", formats.count(transplant.surgeries)) }
                { fact(formats, Msg::TransplantDonor, "transplant-donor", donor) }
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
