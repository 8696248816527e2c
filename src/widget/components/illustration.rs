//! Top views of a head, one per pattern, drawn as inline SVG from a few
//! ellipses each: light enough to cost only a few kilobytes for all 19.

use yew::prelude::*;

use crate::model::number::show;
use crate::model::{Figure, Msg, Pattern};
use crate::widget::format::Formats;

/// What a shape shows on the scalp.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    /// Bare scalp.
    Bald,
    /// Thinning hair: scalp shows through.
    Thin,
    /// A scar.
    Scar,
}

/// An ellipse in the 100 × 120 drawing: centre x, centre y, radii.
#[derive(Clone, Copy)]
struct Shape(Mark, f32, f32, f32, f32);

use Mark::{Bald, Scar, Thin};

/// The affected areas of each pattern, seen from above with the face at the
/// top. The head is an ellipse centred at (50, 62) with radii 38 and 50.
fn shapes(pattern: Pattern) -> &'static [Shape] {
    match pattern {
        Pattern::Norwood1 => &[],
        Pattern::Norwood2 => &[
            Shape(Bald, 32.0, 14.0, 8.0, 5.0),
            Shape(Bald, 68.0, 14.0, 8.0, 5.0),
        ],
        Pattern::Norwood2a => &[Shape(Bald, 50.0, 12.0, 30.0, 8.0)],
        Pattern::Norwood3 => &[
            Shape(Bald, 31.0, 19.0, 10.0, 10.0),
            Shape(Bald, 69.0, 19.0, 10.0, 10.0),
            Shape(Bald, 50.0, 12.0, 16.0, 6.0),
        ],
        Pattern::Norwood3a => &[Shape(Bald, 50.0, 20.0, 27.0, 17.0)],
        Pattern::Norwood3v => &[
            Shape(Bald, 31.0, 19.0, 10.0, 10.0),
            Shape(Bald, 69.0, 19.0, 10.0, 10.0),
            Shape(Bald, 50.0, 12.0, 16.0, 6.0),
            Shape(Bald, 50.0, 80.0, 9.0, 8.0),
        ],
        Pattern::Norwood4 => &[
            Shape(Bald, 50.0, 22.0, 28.0, 17.0),
            Shape(Bald, 50.0, 82.0, 13.0, 12.0),
        ],
        Pattern::Norwood4a => &[Shape(Bald, 50.0, 30.0, 28.0, 26.0)],
        Pattern::Norwood5 => &[
            Shape(Bald, 50.0, 26.0, 30.0, 21.0),
            Shape(Bald, 50.0, 80.0, 18.0, 17.0),
        ],
        Pattern::Norwood5a => &[Shape(Bald, 50.0, 40.0, 30.0, 36.0)],
        Pattern::Norwood6 => &[Shape(Bald, 50.0, 48.0, 32.0, 44.0)],
        Pattern::Norwood7 => &[Shape(Bald, 50.0, 52.0, 34.0, 50.0)],
        Pattern::Ludwig1 => &[Shape(Thin, 50.0, 56.0, 15.0, 22.0)],
        Pattern::Ludwig2 => &[Shape(Thin, 50.0, 56.0, 22.0, 31.0)],
        Pattern::Ludwig3 => &[
            Shape(Thin, 50.0, 54.0, 28.0, 38.0),
            Shape(Bald, 50.0, 56.0, 14.0, 22.0),
        ],
        Pattern::Diffuse => &[Shape(Thin, 50.0, 58.0, 33.0, 44.0)],
        Pattern::AlopeciaAreata => &[
            Shape(Bald, 36.0, 48.0, 7.0, 7.0),
            Shape(Bald, 63.0, 72.0, 9.0, 8.0),
            Shape(Bald, 44.0, 92.0, 5.0, 5.0),
        ],
        Pattern::AlopeciaTotalis => &[Shape(Bald, 50.0, 62.0, 38.0, 50.0)],
        Pattern::ScarOnly => &[Shape(Scar, 50.0, 103.0, 24.0, 2.5)],
    }
}

/// A top view of a head with the pattern's affected areas. The drawing's
/// accessible name says what it shows. `clip_id` is a page-unique id for
/// the clip path, so drawings never share one. Until `drawn`, an empty
/// canvas of the same size holds its place (see `Estimator`'s first render).
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
    html! {
        <svg class="smp-head" viewBox="0 0 100 120" role="img" aria-label={formats.f(Msg::IllustrationLabel, &[("pattern", Figure::Message(info.name))])} focusable="false">
            <clipPath id={clip_id}>
                <ellipse cx="50" cy="62" rx="38" ry="50" />
            </clipPath>
            <path class="smp-head-nose" d="M44 13 L50 3 L56 13 Z" />
            <ellipse class="smp-head-ear" cx="11" cy="62" rx="4" ry="9" />
            <ellipse class="smp-head-ear" cx="89" cy="62" rx="4" ry="9" />
            <ellipse class="smp-head-hair" cx="50" cy="62" rx="38" ry="50" />
            <g clip-path={clip}>
                { for shapes(pattern).iter().map(|Shape(mark, cx, cy, rx, ry)| {
                    let class = match mark {
                        Bald => "smp-head-bald",
                        Thin => "smp-head-thin",
                        Scar => "smp-head-scar",
                    };
                    html! { <ellipse {class} cx={show(f64::from(*cx))} cy={show(f64::from(*cy))} rx={show(f64::from(*rx))} ry={show(f64::from(*ry))} /> }
                }) }
            </g>
            <ellipse class="smp-head-outline" cx="50" cy="62" rx="38" ry="50" />
        </svg>
    }
}
