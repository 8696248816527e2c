//! Top views of a head, one per pattern, drawn as inline SVG from a
//! hairline and a few ellipses each: light enough to cost only a few
//! kilobytes for all 19.

use yew::prelude::*;

use crate::format::Formats;
use crate::heads::{drawing, forehead, Mark, Shape};
use smp_engine::number::show;
use smp_engine::{Figure, Msg, Pattern};

/// A top view of a head with the pattern's affected areas. The drawing's
/// accessible name says what it shows. `clip_id` is a page-unique id for
/// the clip path, so drawings never share one. Until `drawn`, an empty
/// canvas of the same size holds its place (see `Stage`: the drawings come
/// in a later part).
pub fn head_illustration(
    pattern: Pattern,
    clip_id: String,
    drawn: bool,
    formats: &Formats,
) -> Html {
    if !drawn {
        return html! { <svg class="smp-head" viewBox="0 0 100 120" aria-hidden="true" focusable="false"></svg> };
    }
    let info = pattern.info();
    let clip = format!("url(#{clip_id})");
    let (line, marks) = drawing(pattern);
    html! {
        <svg class="smp-head" viewBox="0 0 100 120" role="img" aria-label={formats.f(Msg::IllustrationLabel, &[("pattern", Figure::Message(info.name))])} focusable="false">
            <clipPath id={clip_id}>
                <ellipse cx="50" cy="62" rx="38" ry="50" />
            </clipPath>
            <path class="smp-head-nose" d="M41 15 L50 1 L59 15 Z" />
            <ellipse class="smp-head-ear" cx="11" cy="60" rx="4.5" ry="10" />
            <ellipse class="smp-head-ear" cx="89" cy="60" rx="4.5" ry="10" />
            <ellipse class="smp-head-hair" cx="50" cy="62" rx="38" ry="50" />
            <g clip-path={clip}>
                if let Some(line) = line {
                    <path class="smp-head-bald" d={forehead(line)} />
                }
                { for marks.iter().map(|Shape(mark, cx, cy, rx, ry)| {
                    let class = match mark {
                        Mark::Bald => "smp-head-bald",
                        Mark::Thin => "smp-head-thin",
                        Mark::Scar => "smp-head-scar",
                    };
                    html! { <ellipse {class} cx={show(f64::from(*cx))} cy={show(f64::from(*cy))} rx={show(f64::from(*rx))} ry={show(f64::from(*ry))} /> }
                }) }
            </g>
            <ellipse class="smp-head-outline" cx="50" cy="62" rx="38" ry="50" />
        </svg>
    }
}
