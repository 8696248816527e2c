use yew::prelude::*;

use super::{fact, headline_price, notes_list};
use crate::format::Formats;
use crate::model::{Candidacy, TransplantQuote};

pub fn candidacy_label(candidate: Candidacy) -> &'static str {
    match candidate {
        Candidacy::Yes => "Likely a candidate",
        Candidacy::Caution => "Possible, with caution",
        Candidacy::No => "Usually not advised",
    }
}

/// A hair transplant: cost, grafts, surgeries, donor supply, downtime,
/// time to the result and whether surgery suits the visitor.
pub fn transplant_card(transplant: &TransplantQuote, formats: &Formats) -> Html {
    let grafts = transplant.grafts.map(u64::from);
    let capacity = formats.number(transplant.donor_capacity.into());
    let donor = if transplant.shortfall_grafts > 0 {
        format!(
            "about {capacity} grafts: {} short of the typical need. SMP can add density where grafts cannot reach.",
            formats.number(transplant.shortfall_grafts.into())
        )
    } else {
        format!("about {capacity} grafts: enough for this area.")
    };
    let candidate = format!("smp-candidacy smp-candidacy-{}", transplant.candidate.id());
    html! {
        <article class="smp-card smp-card-transplant">
            <h3>{ "Hair transplant" }</h3>
            { headline_price("transplant", formats.money(transplant.cost.typical), formats.money_range(transplant.cost.min, transplant.cost.max)) }
            <dl class="smp-facts">
                { fact("Grafts", "transplant-grafts", format!("{} (usually {})", formats.number(grafts.typical), formats.number_range(grafts.min, grafts.max))) }
                { fact("Surgeries", "transplant-surgeries", transplant.surgeries.to_string()) }
                { fact("Donor supply", "transplant-donor", donor) }
                { fact("Time off work", "transplant-downtime", format!("{}–{} days", transplant.downtime_days.min, transplant.downtime_days.max)) }
                { fact("Final result", "transplant-result", format!("after {}–{} months", transplant.months_to_result.min, transplant.months_to_result.max)) }
            </dl>
            <p class={candidate} data-figure="transplant-candidate">
                { candidacy_label(transplant.candidate) }
            </p>
            { notes_list("smp-notes", &transplant.notes, formats) }
        </article>
    }
}
