use yew::prelude::*;

use super::{fact, headline_price, notes_list};
use crate::format::Formats;
use crate::model::SmpQuote;

/// SMP: cost, sessions, time in the chair, schedule and touch-ups.
pub fn smp_card(smp: &SmpQuote, formats: &Formats) -> Html {
    let sessions = smp.sessions;
    let gap = formats.decimal_range(
        smp.weeks_between_sessions.min,
        smp.weeks_between_sessions.max,
    );
    let hours = smp.hours_per_session;
    let touch_up = &smp.touch_up;
    html! {
        <article class="smp-card smp-card-smp">
            <h3>{ "Scalp micropigmentation" }</h3>
            { headline_price("smp", formats.money(smp.cost.typical), formats.money_range(smp.cost.min, smp.cost.max)) }
            if let (Some(monthly), Some(terms)) = (smp.monthly, &smp.financing) {
                <p class="smp-monthly" data-figure="smp-monthly">
                    { format!(
                        "or about {} a month over {} months at {}% APR",
                        formats.money(monthly), terms.months, formats.decimal(terms.apr_percent)
                    ) }
                </p>
            }
            <dl class="smp-facts">
                { fact("Sessions", "smp-sessions", format!("{} (usually {} to {})", sessions.typical, sessions.min, sessions.max)) }
                { fact("Each session", "smp-hours", format!("{} hours", formats.decimal_range(hours.min, hours.max))) }
                { fact("Touch-ups", "smp-touch-up", format!(
                    "every {} years, {} each",
                    formats.decimal_range(touch_up.every_years.min, touch_up.every_years.max),
                    formats.money_range(touch_up.cost.min, touch_up.cost.max)
                )) }
            </dl>
            <h4 class="smp-subheading">{ "A typical schedule" }</h4>
            <ol class="smp-schedule" data-figure="smp-schedule">
                { for (1..=sessions.typical).map(|session| html! {
                    <li>
                        <span class="smp-schedule-session">{ format!("Session {session}") }</span>
                        if session > 1 {
                            <span class="smp-schedule-gap">{ format!("{gap} weeks after the one before") }</span>
                        }
                    </li>
                }) }
            </ol>
            <p class="smp-small" data-figure="smp-weeks">
                { format!("About {}–{} weeks from the first session to the last.", smp.weeks.min, smp.weeks.max) }
            </p>
            if !smp.notes.is_empty() {
                { notes_list("smp-notes", &smp.notes, formats) }
            }
        </article>
    }
}
