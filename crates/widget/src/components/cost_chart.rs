use yew::prelude::*;

use crate::chart::axis;
use crate::format::Formats;
use smp_engine::number::{fixed, show};
use smp_engine::{Figure, Lifetime, Msg};

// The drawing's coordinate system; CSS scales it to the card's width.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 60.0;

/// Cumulative cost of SMP and a transplant over the years, drawn as inline
/// SVG by the widget itself, with the same figures in a table for screen
/// readers and anyone who prefers numbers. `id` is the widget's page-unique
/// prefix for element ids.
pub fn cost_chart(id: &str, lifetime: &Lifetime, formats: &Formats) -> Html {
    let years = lifetime.years.max(1) as f64;
    // Right to left, time runs from the right and the money axis stands on
    // the right: the drawing is mirrored, its text is not.
    let rtl = formats.messages.is_rtl();
    let across = |x: f64| if rtl { WIDTH - x } else { x };
    let highest = lifetime
        .smp
        .iter()
        .chain(lifetime.transplant.iter().flatten())
        .chain(lifetime.combined.iter().flatten())
        .copied()
        .max()
        .unwrap_or(0);
    let (top, step) = axis(highest);
    let ticks: Vec<f64> = (0..=((top / step).round() as u64))
        .map(|i| i as f64 * step)
        .collect();
    let labels: Vec<String> = ticks
        .iter()
        .map(|tick| formats.money_compact(*tick as u64))
        .collect();
    // Room for the longest money label at the narrow size (24 units, about
    // 14 units a character): "10.000 $" in German is twice "$10K".
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let left = (longest as f64 * 14.0 + 12.0).clamp(LEFT, WIDTH / 3.0);
    let x = |year: usize| across(left + (year as f64 / years) * (WIDTH - left - RIGHT));
    let y = |amount: u64| TOP + (1.0 - amount as f64 / top) * (HEIGHT - TOP - BOTTOM);
    let points = |series: &[u64]| {
        series
            .iter()
            .enumerate()
            .map(|(year, amount)| format!("{},{}", fixed(x(year), 1), fixed(y(*amount), 1)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let year_step = (lifetime.years as usize).div_ceil(10).max(1);
    let last = lifetime.years as usize;
    let title_id = format!("{id}-chart-title");
    let description_id = format!("{id}-chart-description");
    let description = match &lifetime.transplant {
        Some(transplant) => formats.f(
            Msg::ChartDescription,
            &[
                ("years", Figure::Count(lifetime.years.into())),
                ("smp", Figure::Money(lifetime.smp[last])),
                ("transplant", Figure::Money(transplant[last])),
            ],
        ),
        None => formats.f(
            Msg::ChartDescriptionSmpOnly,
            &[
                ("years", Figure::Count(lifetime.years.into())),
                ("smp", Figure::Money(lifetime.smp[last])),
            ],
        ),
    };
    let combined_name = formats.t(Msg::ChartLegendCombined).to_string();
    let (grid_from, grid_to) = (show(across(left)), show(across(WIDTH - RIGHT)));
    let label_x = show(across(left - 8.0));
    // "end" is the side towards the chart in either direction, because
    // the SVG text direction follows the widget's.
    let transplant_name = formats.t(Msg::TransplantTitle).to_string();
    let smp_name = formats.t(Msg::SmpShort).to_string();
    html! {
        <figure class="smp-chart">
            <figcaption id={title_id.clone()} class="smp-subheading">{ formats.t(Msg::ChartTitle).to_string() }</figcaption>
            <ul class="smp-legend" aria-hidden="true">
                <li class="smp-legend-smp">{ formats.t(Msg::ChartLegendSmp).to_string() }</li>
                if lifetime.transplant.is_some() {
                    <li class="smp-legend-transplant">{ transplant_name.clone() }</li>
                }
                if lifetime.combined.is_some() {
                    <li class="smp-legend-combined">{ combined_name.clone() }</li>
                }
            </ul>
            <svg
                class="smp-chart-svg"
                viewBox={format!("0 0 {} {}", show(WIDTH), show(HEIGHT))}
                role="img"
                aria-labelledby={title_id}
                aria-describedby={description_id.clone()}
                focusable="false"
            >
                { for ticks.iter().zip(labels).map(|(tick, label)| {
                    let tick_y = fixed(y(*tick as u64), 1);
                    let label_y = fixed(y(*tick as u64) + 4.0, 1);
                    html! {
                        <g class="smp-chart-tick">
                            <line class="smp-chart-grid" x1={grid_from.clone()} x2={grid_to.clone()} y1={tick_y.clone()} y2={tick_y} />
                            <text class="smp-chart-label" x={label_x.clone()} y={label_y} text-anchor="end">
                                { label }
                            </text>
                        </g>
                    }
                }) }
                { for (0..=last).step_by(year_step).map(|year| html! {
                    <text class="smp-chart-label" x={fixed(x(year), 1)} y={show(HEIGHT - BOTTOM + 26.0)} text-anchor="middle">
                        { formats.count(year as u64) }
                    </text>
                }) }
                <text class="smp-chart-label" x={show(across((left + WIDTH - RIGHT) / 2.0))} y={show(HEIGHT - 4.0)} text-anchor="middle">{ formats.t(Msg::ChartAxisYears).to_string() }</text>
                if let Some(transplant) = &lifetime.transplant {
                    <polyline class="smp-chart-line smp-chart-transplant" points={points(transplant)} />
                }
                if let Some(combined) = &lifetime.combined {
                    <polyline class="smp-chart-line smp-chart-combined" points={points(combined)} />
                }
                <polyline class="smp-chart-line smp-chart-smp" points={points(&lifetime.smp)} />
            </svg>
            <p id={description_id} class="smp-small">{ description }</p>
            <details class="smp-chart-table">
                <summary>{ formats.t(Msg::ChartTableToggle).to_string() }</summary>
                // Focusable, so that a keyboard can scroll it when three
                // columns are wider than a phone (axe: scrollable-region-focusable).
                <div class="smp-table-wrap" tabindex="0" role="region" aria-label={formats.t(Msg::ChartTitle).to_string()}>
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{ formats.t(Msg::ChartTableYear).to_string() }</th>
                                <th scope="col">{ smp_name }</th>
                                if lifetime.transplant.is_some() {
                                    <th scope="col">{ transplant_name }</th>
                                }
                                if lifetime.combined.is_some() {
                                    <th scope="col">{ combined_name }</th>
                                }
                            </tr>
                        </thead>
                        <tbody>
                            { for (0..=last).map(|year| html! {
                                <tr>
                                    <th scope="row">{ formats.count(year as u64) }</th>
                                    <td>{ formats.money(lifetime.smp[year]) }</td>
                                    if let Some(transplant) = &lifetime.transplant {
                                        <td>{ formats.money(transplant[year]) }</td>
                                    }
                                    if let Some(combined) = &lifetime.combined {
                                        <td>{ formats.money(combined[year]) }</td>
                                    }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
