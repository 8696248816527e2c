use std::rc::Rc;

use yew::prelude::*;

use crate::format::Formats;
use crate::model::SmpQuote;

#[derive(Properties, PartialEq)]
pub struct SmpCardProps {
    /// The SMP half of the engine's quote.
    pub smp: Rc<SmpQuote>,
    /// Number and money formats for the clinic's locale.
    pub formats: Rc<Formats>,
}

/// SMP: cost, sessions, time in the chair, schedule and touch-ups.
#[function_component]
pub fn SmpCard(props: &SmpCardProps) -> Html {
    let (smp, formats) = (&props.smp, &props.formats);
    let sessions = smp.sessions;
    let gap = smp.weeks_between_sessions;
    let hours = smp.hours_per_session;
    let touch_up = &smp.touch_up;
    html! {
        <article class="smp-card smp-card-smp">
            <h3>{ "Scalp micropigmentation" }</h3>
            <p class="smp-price">
                <strong data-figure="smp-cost-typical">{ formats.money(smp.cost.typical) }</strong>
                <span class="smp-range">
                    { "usually " }<span data-figure="smp-cost-range">{ formats.money_range(smp.cost.min, smp.cost.max) }</span>
                </span>
            </p>
            if let (Some(monthly), Some(terms)) = (smp.monthly, &smp.financing) {
                <p class="smp-monthly" data-figure="smp-monthly">
                    { format!(
                        "or about {} a month over {} months at {}% APR",
                        formats.money(monthly), terms.months, formats.decimal(terms.apr_percent)
                    ) }
                </p>
            }
            <dl class="smp-facts">
                <dt>{ "Sessions" }</dt>
                <dd data-figure="smp-sessions">
                    { format!("{} (usually {} to {})", sessions.typical, sessions.min, sessions.max) }
                </dd>
                <dt>{ "Each session" }</dt>
                <dd data-figure="smp-hours">{ format!("{} hours", formats.decimal_range(hours.min, hours.max)) }</dd>
                <dt>{ "Touch-ups" }</dt>
                <dd data-figure="smp-touch-up">
                    { format!(
                        "every {} years, {} each",
                        formats.decimal_range(touch_up.every_years.min, touch_up.every_years.max),
                        formats.money_range(touch_up.cost.min, touch_up.cost.max)
                    ) }
                </dd>
            </dl>
            <h4 class="smp-subheading">{ "A typical schedule" }</h4>
            <ol class="smp-schedule" data-figure="smp-schedule">
                { for (1..=sessions.typical).map(|session| html! {
                    <li>
                        <span class="smp-schedule-session">{ format!("Session {session}") }</span>
                        if session > 1 {
                            <span class="smp-schedule-gap">{ format!("{} weeks after the one before", formats.decimal_range(gap.min, gap.max)) }</span>
                        }
                    </li>
                }) }
            </ol>
            <p class="smp-small" data-figure="smp-weeks">
                { format!("About {}–{} weeks from the first session to the last.", smp.weeks.min, smp.weeks.max) }
            </p>
            if !smp.notes.is_empty() {
                <ul class="smp-notes">
                    { for smp.notes.iter().map(|note| html! { <li data-note={note.id}>{ formats.note(note) }</li> }) }
                </ul>
            }
        </article>
    }
}
