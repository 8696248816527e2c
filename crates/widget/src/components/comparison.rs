use yew::prelude::*;

use crate::format::{range_end, Formats};
use smp_engine::{Figure, Msg, Quote};

/// SMP, a transplant and (where the engine offers one) the combined plan
/// side by side, row by row. A transplant that is not advised shows no
/// price, only the engine's words for it.
pub fn comparison(quote: &Quote, formats: &Formats) -> Html {
    let (smp, transplant) = (&quote.smp, &quote.transplant);
    let last = quote.lifetime.years as usize;
    let count = |n: u32| Figure::Count(n.into());
    let text = Figure::Text;
    let not_advised = || formats.t(Msg::TransplantNotAdvisedLabel).to_string();
    let surgeries = ("surgeries", count(transplant.surgeries.typical));
    let medication = match transplant.medication_per_year {
        Some(yearly) if yearly > 0 => {
            formats.f(Msg::CompareMedication, &[("cost", Figure::Money(yearly))])
        }
        _ => formats.t(Msg::CompareNoMedication).to_string(),
    };
    let smp_maintenance = formats.f(
        Msg::CompareSmpMaintenance,
        &[
            (
                "years",
                text(
                    formats
                        .decimal_range(smp.touch_up.every_years.min, smp.touch_up.every_years.max),
                ),
            ),
            ("max", range_end(smp.touch_up.every_years.max)),
            (
                "cost",
                text(formats.money_range(smp.touch_up.cost.min, smp.touch_up.cost.max)),
            ),
        ],
    );
    let combined = quote.combined.as_ref();
    // The combined column's cell of a row, when there is a combined plan.
    let plan = |cell: &dyn Fn(&smp_engine::CombinedQuote) -> String| combined.map(cell);
    let rows: [(Msg, &str, String, String, Option<String>); 7] = [
        (
            Msg::CompareUpfront,
            "upfront",
            formats.money(smp.cost.typical),
            transplant
                .cost
                .map_or_else(not_advised, |cost| formats.money(cost.typical)),
            plan(&|plan| formats.money(plan.cost.typical)),
        ),
        (
            Msg::CompareVisits,
            "visits",
            formats.f(
                Msg::CompareSmpSessions,
                &[
                    ("sessions", count(smp.sessions.typical)),
                    ("min", count(smp.sessions.min)),
                    ("max", count(smp.sessions.max)),
                ],
            ),
            formats.f(Msg::CompareSurgeries, std::slice::from_ref(&surgeries)),
            plan(&|plan| {
                formats.f(
                    Msg::CompareCombinedVisits,
                    &[
                        ("surgeries", count(plan.surgeries.typical)),
                        ("sessions", count(plan.smp_sessions.typical)),
                    ],
                )
            }),
        ),
        (
            Msg::CompareChair,
            "chair",
            formats.f(
                Msg::CompareSmpChair,
                &[
                    (
                        "hours",
                        text(formats.decimal_range(smp.total_hours.min, smp.total_hours.max)),
                    ),
                    ("max", range_end(smp.total_hours.max)),
                ],
            ),
            formats.f(
                Msg::CompareTransplantChair,
                &[
                    surgeries,
                    ("hours_min", Figure::Decimal(transplant.chair_hours.min)),
                    ("hours_max", Figure::Decimal(transplant.chair_hours.max)),
                ],
            ),
            plan(&|plan| {
                formats.f(
                    Msg::CompareSmpChair,
                    &[
                        (
                            "hours",
                            text(formats.decimal_range(plan.chair_hours.min, plan.chair_hours.max)),
                        ),
                        ("max", range_end(plan.chair_hours.max)),
                    ],
                )
            }),
        ),
        (
            Msg::CompareDowntime,
            "downtime",
            formats.f(
                Msg::CompareSmpDowntime,
                &[
                    ("min", count(smp.redness_days.min)),
                    ("max", count(smp.redness_days.max)),
                ],
            ),
            formats.f(
                Msg::CompareTransplantDowntime,
                &[
                    ("min", count(transplant.downtime_days.min)),
                    ("max", count(transplant.downtime_days.max)),
                ],
            ),
            plan(&|plan| {
                formats.f(
                    Msg::CompareTransplantDowntime,
                    &[
                        ("min", count(plan.downtime_days.min)),
                        ("max", count(plan.downtime_days.max)),
                    ],
                )
            }),
        ),
        (
            Msg::CompareResult,
            "result",
            formats.t(Msg::CompareSmpResult).to_string(),
            formats.f(
                Msg::CompareTransplantResult,
                &[
                    ("min", count(transplant.months_to_result.min)),
                    ("max", count(transplant.months_to_result.max)),
                ],
            ),
            plan(&|plan| {
                formats.f(
                    Msg::CompareTransplantResult,
                    &[
                        ("min", count(plan.months_to_result.min)),
                        ("max", count(plan.months_to_result.max)),
                    ],
                )
            }),
        ),
        (
            Msg::CompareMaintenance,
            "maintenance",
            smp_maintenance.clone(),
            medication,
            plan(&|_| smp_maintenance.clone()),
        ),
        (
            Msg::CompareLifetime,
            "lifetime",
            formats.money(quote.lifetime.smp[last]),
            quote
                .lifetime
                .transplant
                .as_ref()
                .map_or_else(not_advised, |costs| formats.money(costs[last])),
            quote
                .lifetime
                .combined
                .as_ref()
                .map(|costs| formats.money(costs[last])),
        ),
    ];
    let (smp_name, transplant_name, combined_name) = (
        formats.t(Msg::SmpShort).to_string(),
        formats.t(Msg::TransplantTitle).to_string(),
        formats.t(Msg::CombinedShort).to_string(),
    );
    html! {
        <div class="smp-table-wrap" tabindex="0" role="region" aria-label={formats.t(Msg::CompareCaption).to_string()}>
            // Explicit roles keep the table a table for screen readers when
            // narrow screens stack its rows (WebKit drops them otherwise).
            <table class="smp-compare" role="table">
                <caption>{ formats.t(Msg::CompareCaption).to_string() }</caption>
                <thead>
                    <tr role="row">
                        <td role="cell"></td>
                        <th scope="col" role="columnheader">{ smp_name.clone() }</th>
                        <th scope="col" role="columnheader">{ transplant_name.clone() }</th>
                        if combined.is_some() {
                            <th scope="col" role="columnheader">{ combined_name.clone() }</th>
                        }
                    </tr>
                </thead>
                <tbody>
                    { for rows.into_iter().map(|(label, key, smp, transplant, combined)| {
                        let label = formats.f(label, &[("years", count(quote.lifetime.years))]);
                        html! {
                            <tr data-row={key} role="row">
                                <th scope="row" role="rowheader">{ label }</th>
                                <td data-label={smp_name.clone()} role="cell">{ smp }</td>
                                <td data-label={transplant_name.clone()} role="cell">{ transplant }</td>
                                if let Some(combined) = combined {
                                    <td data-label={combined_name.clone()} role="cell">{ combined }</td>
                                }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
