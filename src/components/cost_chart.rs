use yew::prelude::*;

use crate::chart::axis;
use crate::format::Formats;
use crate::model::number::{fixed, show};
use crate::model::Lifetime;

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
    let highest = lifetime
        .smp
        .iter()
        .chain(&lifetime.transplant)
        .copied()
        .max()
        .unwrap_or(0);
    let (top, step) = axis(highest);
    let x = |year: usize| LEFT + (year as f64 / years) * (WIDTH - LEFT - RIGHT);
    let y = |amount: u64| TOP + (1.0 - amount as f64 / top) * (HEIGHT - TOP - BOTTOM);
    let points = |series: &[u64]| {
        series
            .iter()
            .enumerate()
            .map(|(year, amount)| format!("{},{}", fixed(x(year), 1), fixed(y(*amount), 1)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let ticks: Vec<f64> = (0..=((top / step).round() as u64))
        .map(|i| i as f64 * step)
        .collect();
    let year_step = (lifetime.years as usize).div_ceil(10).max(1);
    let last = lifetime.years as usize;
    let title_id = format!("{id}-chart-title");
    let description_id = format!("{id}-chart-description");
    let description = format!(
        "After {} years, SMP comes to {} and a hair transplant to {}.",
        lifetime.years,
        formats.money(lifetime.smp[last]),
        formats.money(lifetime.transplant[last])
    );
    html! {
        <figure class="smp-chart">
            <figcaption id={title_id.clone()} class="smp-subheading">{ "Total cost over the years" }</figcaption>
            <ul class="smp-legend" aria-hidden="true">
                <li class="smp-legend-smp">{ "SMP with touch-ups" }</li>
                <li class="smp-legend-transplant">{ "Hair transplant" }</li>
            </ul>
            <svg
                class="smp-chart-svg"
                viewBox={format!("0 0 {} {}", show(WIDTH), show(HEIGHT))}
                role="img"
                aria-labelledby={title_id}
                aria-describedby={description_id.clone()}
                focusable="false"
            >
                { for ticks.iter().map(|tick| {
                    let tick_y = fixed(y(*tick as u64), 1);
                    let label_y = fixed(y(*tick as u64) + 4.0, 1);
                    html! {
                        <g class="smp-chart-tick">
                            <line class="smp-chart-grid" x1={show(LEFT)} x2={show(WIDTH - RIGHT)} y1={tick_y.clone()} y2={tick_y} />
                            <text class="smp-chart-label" x={show(LEFT - 8.0)} y={label_y} text-anchor="end">
                                { formats.money_compact(*tick as u64) }
                            </text>
                        </g>
                    }
                }) }
                { for (0..=last).step_by(year_step).map(|year| html! {
                    <text class="smp-chart-label" x={fixed(x(year), 1)} y={show(HEIGHT - BOTTOM + 26.0)} text-anchor="middle">
                        { year }
                    </text>
                }) }
                <text class="smp-chart-label" x={show((LEFT + WIDTH - RIGHT) / 2.0)} y={show(HEIGHT - 4.0)} text-anchor="middle">{ "years" }</text>
                <polyline class="smp-chart-line smp-chart-transplant" points={points(&lifetime.transplant)} />
                <polyline class="smp-chart-line smp-chart-smp" points={points(&lifetime.smp)} />
            </svg>
            <p id={description_id} class="smp-small">{ description }</p>
            <details class="smp-chart-table">
                <summary>{ "Show the figures as a table" }</summary>
                <div class="smp-table-wrap">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{ "After year" }</th>
                                <th scope="col">{ "SMP" }</th>
                                <th scope="col">{ "Hair transplant" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for (0..=last).map(|year| html! {
                                <tr>
                                    <th scope="row">{ year }</th>
                                    <td>{ formats.money(lifetime.smp[year]) }</td>
                                    <td>{ formats.money(lifetime.transplant[year]) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
