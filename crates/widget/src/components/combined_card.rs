use yew::prelude::*;

use super::{fact, headline_price, notes_list};
use crate::format::Formats;
use smp_engine::{Figure, Msg, Quote, Region};

fn regions(regions: &[Region]) -> Figure {
    Figure::List(regions.iter().map(|region| region.name()).collect())
}

/// The engine's combined plan: a transplant where it matters most, within
/// the donor supply, and SMP for the rest. Where it makes no sense the
/// engine says why, in one line instead of the card.
pub fn combined_card(quote: &Quote, formats: &Formats) -> Html {
    let Some(plan) = &quote.combined else {
        return match &quote.combined_note {
            Some(note) => html! {
                <p class="smp-small smp-combined-none" data-note={note.id.key()}>{ formats.note(note) }</p>
            },
            None => html! {},
        };
    };
    let count = |n: u32| Figure::Count(n.into());
    html! {
        <article class="smp-card smp-card-combined">
            <h3>{ formats.t(Msg::CombinedTitle).to_string() }</h3>
            { headline_price(formats, "combined", formats.money(plan.cost.typical), formats.money_range(plan.cost.min, plan.cost.max)) }
            <p class="smp-small">{ formats.t(Msg::CombinedIntro).to_string() }</p>
            <dl class="smp-facts">
                { fact(formats, Msg::TransplantTitle, "combined-transplant", formats.f(Msg::CombinedTransplantValue, &[
                    ("regions", regions(&plan.transplant_regions)),
                    ("grafts", count(plan.grafts.typical)),
                    ("surgeries", count(plan.surgeries.typical)),
                ])) }
                { fact(formats, Msg::SmpShort, "combined-smp", formats.f(Msg::CombinedSmpValue, &[
                    ("regions", regions(&plan.smp_regions)),
                    ("sessions", count(plan.smp_sessions.typical)),
                ])) }
                { fact(formats, Msg::TransplantDowntime, "combined-downtime", formats.f(Msg::TransplantDowntimeValue, &[
                    ("min", count(plan.downtime_days.min)),
                    ("max", count(plan.downtime_days.max)),
                ])) }
                { fact(formats, Msg::TransplantResult, "combined-result", formats.f(Msg::TransplantResultValue, &[
                    ("min", count(plan.months_to_result.min)),
                    ("max", count(plan.months_to_result.max)),
                ])) }
            </dl>
            { notes_list("smp-notes", &plan.notes, formats) }
        </article>
    }
}
