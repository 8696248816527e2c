use yew::prelude::*;

use super::{fact, headline_price, notes_list};
use crate::format::{range_end, Formats};
use smp_engine::{Figure, Msg, SmpQuote};

/// SMP: cost, sessions, time in the chair, schedule and touch-ups.
pub fn smp_card(smp: &SmpQuote, formats: &Formats) -> Html {
    let sessions = smp.sessions;
    let gap = formats.decimal_range(
        smp.weeks_between_sessions.min,
        smp.weeks_between_sessions.max,
    );
    let hours = smp.hours_per_session;
    let touch_up = &smp.touch_up;
    let count = |n: u32| Figure::Count(n.into());
    let text = Figure::Text;
    html! {
        <article class="smp-card smp-card-smp">
            <h3>{ formats.t(Msg::SmpTitle).to_string() }</h3>
            { headline_price(formats, "smp", formats.money(smp.cost.typical), formats.money_range(smp.cost.min, smp.cost.max)) }
            if let (Some(monthly), Some(terms)) = (smp.monthly, &smp.financing) {
                <p class="smp-monthly" data-figure="smp-monthly">
                    { formats.f(Msg::SmpMonthly, &[
                        ("monthly", Figure::Money(monthly)),
                        ("months", count(terms.months)),
                        ("apr", Figure::Percent(terms.apr_percent)),
                    ]) }
                </p>
            }
            <dl class="smp-facts">
                { fact(formats, Msg::SmpSessions, "smp-sessions", formats.f(Msg::SmpSessionsValue, &[
                    ("sessions", count(sessions.typical)),
                    ("min", count(sessions.min)),
                    ("max", count(sessions.max)),
                ])) }
                { fact(formats, Msg::SmpHours, "smp-hours", formats.f(Msg::SmpHoursValue, &[
                    ("hours", text(formats.decimal_range(hours.min, hours.max))),
                    ("max", range_end(hours.max)),
                ])) }
                { fact(formats, Msg::SmpTouchUps, "smp-touch-up", formats.f(Msg::SmpTouchUpsValue, &[
                    ("years", text(formats.decimal_range(touch_up.every_years.min, touch_up.every_years.max))),
                    ("max", range_end(touch_up.every_years.max)),
                    ("cost", text(formats.money_range(touch_up.cost.min, touch_up.cost.max))),
                ])) }
            </dl>
            <h4 class="smp-subheading">{ formats.t(Msg::ScheduleHeading).to_string() }</h4>
            <ol class="smp-schedule" data-figure="smp-schedule">
                { for (1..=sessions.typical).map(|session| html! {
                    <li>
                        <span class="smp-schedule-session">{ formats.f(Msg::ScheduleSession, &[("number", count(session))]) }</span>
                        if session > 1 {
                            <span class="smp-schedule-gap">{ formats.f(Msg::ScheduleGap, &[("weeks", text(gap.clone())), ("max", range_end(smp.weeks_between_sessions.max))]) }</span>
                        }
                    </li>
                }) }
            </ol>
            <p class="smp-small" data-figure="smp-weeks">
                { formats.f(Msg::SmpWeeks, &[("min", Figure::Decimal(smp.typical_weeks.min)), ("max", Figure::Decimal(smp.typical_weeks.max))]) }
            </p>
            if !smp.notes.is_empty() {
                { notes_list("smp-notes", &smp.notes, formats) }
            }
        </article>
    }
}
