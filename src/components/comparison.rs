use yew::prelude::*;

use crate::format::Formats;
use crate::model::Quote;

/// SMP and a transplant side by side, row by row.
pub fn comparison(quote: &Quote, formats: &Formats) -> Html {
    let (smp, transplant) = (&quote.smp, &quote.transplant);
    let last = quote.lifetime.years as usize;
    let surgeries = if transplant.surgeries == 1 {
        "1 surgery".to_string()
    } else {
        format!("{} surgeries", transplant.surgeries)
    };
    let medication = match transplant.medication_per_year {
        Some(yearly) if yearly > 0 => format!("Medication, about {} a year", formats.money(yearly)),
        _ => "None included (medication is often advised)".to_string(),
    };
    let rows: [(&str, &str, String, String); 7] = [
        (
            "Upfront cost",
            "upfront",
            formats.money(smp.cost.typical),
            formats.money(transplant.cost.typical),
        ),
        (
            "Sessions or surgeries",
            "visits",
            format!(
                "{} sessions ({}–{})",
                smp.sessions.typical, smp.sessions.min, smp.sessions.max
            ),
            surgeries.clone(),
        ),
        (
            "Time in the chair",
            "chair",
            format!(
                "{} hours in all",
                formats.decimal_range(smp.total_hours.min, smp.total_hours.max)
            ),
            format!("{surgeries}, a day each"),
        ),
        (
            "Downtime",
            "downtime",
            format!(
                "Redness for {}–{} days",
                smp.redness_days.min, smp.redness_days.max
            ),
            format!(
                "{}–{} days off work",
                transplant.downtime_days.min, transplant.downtime_days.max
            ),
        ),
        (
            "Result shows",
            "result",
            "After the first session".to_string(),
            format!(
                "After {}–{} months",
                transplant.months_to_result.min, transplant.months_to_result.max
            ),
        ),
        (
            "Maintenance",
            "maintenance",
            format!(
                "Touch-up every {} years ({})",
                formats.decimal_range(smp.touch_up.every_years.min, smp.touch_up.every_years.max),
                formats.money_range(smp.touch_up.cost.min, smp.touch_up.cost.max)
            ),
            medication,
        ),
        (
            "",
            "lifetime",
            formats.money(quote.lifetime.smp[last]),
            formats.money(quote.lifetime.transplant[last]),
        ),
    ];
    let lifetime_label = if quote.lifetime.years == 1 {
        "Total over 1 year".to_string()
    } else {
        format!("Total over {} years", quote.lifetime.years)
    };
    html! {
        <div class="smp-table-wrap">
            // Explicit roles keep the table a table for screen readers when
            // narrow screens stack its rows (WebKit drops them otherwise).
            <table class="smp-compare" role="table">
                <caption>{ "SMP and a hair transplant side by side" }</caption>
                <thead>
                    <tr role="row">
                        <td role="cell"></td>
                        <th scope="col" role="columnheader">{ "SMP" }</th>
                        <th scope="col" role="columnheader">{ "Hair transplant" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.into_iter().map(|(label, key, smp, transplant)| {
                        let label = if key == "lifetime" { lifetime_label.clone() } else { label.to_string() };
                        html! {
                            <tr data-row={key} role="row">
                                <th scope="row" role="rowheader">{ label }</th>
                                <td data-label="SMP" role="cell">{ smp }</td>
                                <td data-label="Hair transplant" role="cell">{ transplant }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
