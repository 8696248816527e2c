//! The Yew widget. The root [`Estimator`] owns the state (one reducer) and
//! asks the engine for the quote. Only the parts with state of their own or
//! worth skipping on re-render are components ([`PatternPicker`] with its 19
//! drawings, [`AreaField`], [`VisitorTools`]); the rest are plain functions
//! that render what they are given: each component costs the WebAssembly a
//! copy of Yew's lifecycle code, and functions cost none.

mod answer;
mod area_field;
mod breakdown;
mod combined_card;
mod comparison;
mod consultation_form;
mod cost_chart;
mod details_form;
mod estimator;
mod illustration;
mod lead_form;
mod pattern_picker;
mod smp_card;
mod transplant_card;
mod visitor_tools;

pub use answer::answer;
pub use area_field::{AreaField, AreaFieldProps};
pub use breakdown::breakdown;
pub use combined_card::combined_card;
pub use comparison::comparison;
pub use cost_chart::cost_chart;
pub use details_form::details_form;
pub use estimator::{reveal_answer_in, Estimator, EstimatorProps};
pub use illustration::head_illustration;
pub use lead_form::{LeadForm, LeadFormProps};
pub use pattern_picker::{PatternPicker, PatternPickerProps};
pub use smp_card::smp_card;
pub use transplant_card::{candidacy_label, transplant_card};
pub use visitor_tools::{VisitorTools, VisitorToolsProps};

use std::sync::atomic::{AtomicU32, Ordering};

use yew::prelude::*;

use crate::format::Formats;
use smp_engine::{clinic_figures, Msg, Note, Quote};

/// Mounts one widget into `element`, without the browser entry's shadow
/// root and settings (component tests use this).
#[cfg(target_arch = "wasm32")]
pub fn mount(element: web_sys::Element, props: EstimatorProps) -> yew::AppHandle<Estimator> {
    yew::Renderer::<Estimator>::with_root_and_props(element, props).render()
}

/// A prefix for element ids that is unique to one widget on the page, so
/// that labels and descriptions of two widgets never point at each other.
pub(crate) fn unique_prefix() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!("smp{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Runs `then` in a task of its own after this one.
pub fn after_this_task(then: impl FnOnce() + 'static) {
    yew::platform::spawn_local(async move {
        next_task().await;
        then();
    });
}

/// Runs `then` in a task of its own after the next frame ([`next_paint`]).
pub(crate) fn after_next_paint(then: impl FnOnce() + 'static) {
    yew::platform::spawn_local(async move {
        next_paint().await;
        then();
    });
}

/// Resolves in a task of its own after this one (`setTimeout(0)`).
pub async fn next_task() {
    after(0, None).await;
}

/// Resolves in a task of its own after the browser has drawn the next
/// frame (`requestAnimationFrame`, then `setTimeout(0)`), so that the
/// style, layout and paint of what was just rendered run in the frame's
/// task, not in one with the next part's. A hidden tab draws no frames: a
/// 100 ms timer ends the wait then. Tests await [`rendered`] instead.
pub async fn next_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().request_animation_frame(&resolve);
    });
    after(100, Some(frame)).await;
    next_task().await;
}

/// Resolves `millis` ms from now, or when `sooner` does. gloo's callback
/// timer, not its future: the future (with its channel) cost 561 bytes gzip more.
async fn after(millis: u32, sooner: Option<js_sys::Promise>) {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        gloo_timers::callback::Timeout::new(millis, move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        })
        .forget();
    });
    let first = match sooner {
        Some(sooner) => js_sys::Promise::race(&js_sys::Array::of2(&sooner, &timer)),
        None => timer,
    };
    let _ = wasm_bindgen_futures::JsFuture::from(first).await;
}

/// Resolves once a widget mounted before it has rendered every part (see
/// [`Stage`]): what tests await before they look.
pub async fn rendered() {
    // Yew renders in microtasks after each change, all done by the time
    // a task after the next frame runs. A part follows the one before a
    // frame later, or two when this waits on the same frame as the widget
    // (whose task then runs after this one's): twice as many frames as
    // parts is always enough.
    for _ in 0..2 * Stage::ALL.len() {
        next_paint().await;
    }
}

/// How much of the widget is rendered. A widget is rendered in parts, each
/// in a task of its own after the frame that drew the one before, so no
/// task on the clinic's page is long (over 50 ms on a phone) and the answer shows
/// first. Each part adds only what comes after everything already shown,
/// in its column, so nothing shown ever moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// The widget's frame and title: the first render, which also pays for
    /// the browser's first compilation of the rendering code.
    Shell,
    /// The picker (its drawings' empty canvases): with the title, a phone's
    /// first screen.
    Picker,
    /// The answer under the picker: the quote at a glance and the call to
    /// action.
    Answer,
    /// The area, the further details' closed summary and the three cards.
    Cards,
    /// The picker's drawings.
    Drawings,
    /// The comparison, the chart, the breakdown, the consultation form and
    /// the tools, below both columns.
    More,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Shell,
        Stage::Picker,
        Stage::Answer,
        Stage::Cards,
        Stage::Drawings,
        Stage::More,
    ];

    /// The part after this one, if any.
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self as usize + 1).copied()
    }
}

/// One row of a card's facts: `<dt>label</dt><dd data-figure=…>value</dd>`.
pub(crate) fn fact(formats: &Formats, label: Msg, figure: &'static str, value: String) -> Html {
    html! {
        <>
            <dt>{ formats.t(label).to_string() }</dt>
            <dd data-figure={figure}>{ value }</dd>
        </>
    }
}

/// The call to action: the clinic's booking page with the visitor's
/// answers, or nothing when the clinic has none. It tells `oncta`; the
/// link still opens as usual, the page only hears about it.
pub(crate) fn booking_link(
    quote: &std::rc::Rc<Quote>,
    formats: &Formats,
    clinic_name: &str,
    oncta: Option<&Callback<std::rc::Rc<Quote>>>,
    figure: &'static str,
) -> Html {
    let Some(url) = &quote.booking_url else {
        return html! {};
    };
    let url = smp_engine::with_campaign(url, &campaign());
    let onclick = oncta.cloned().map(|oncta| {
        let quote = quote.clone();
        Callback::from(move |_: MouseEvent| oncta.emit(quote.clone()))
    });
    html! {
        <a class="smp-cta" part="cta" href={url} data-figure={figure} {onclick}>
            { formats.f(Msg::Book, &clinic_figures(clinic_name)) }
        </a>
    }
}

/// The page's campaign parameters that are set (in the iframe mode
/// frame-host.js copies the parent's to frame.html's address).
pub(crate) fn campaign() -> Vec<(&'static str, String)> {
    smp_engine::campaign_of(&gloo::utils::window().location().href().unwrap_or_default())
}

/// A card's headline price: the typical figure, then its usual range.
pub(crate) fn headline_price(
    formats: &Formats,
    figure: &'static str,
    typical: String,
    range: String,
) -> Html {
    let (typical_figure, range_figure) = match figure {
        "smp" => ("smp-cost-typical", "smp-cost-range"),
        "combined" => ("combined-cost-typical", "combined-cost-range"),
        _ => ("transplant-cost-typical", "transplant-cost-range"),
    };
    let (before, after) = formats.around(Msg::Usually, "range");
    html! {
        <p class="smp-price">
            <strong data-figure={typical_figure}>{ typical }</strong>
            <span class="smp-range">
                { before }<span data-figure={range_figure}>{ range }</span>{ after }
            </span>
        </p>
    }
}

/// The engine's notes, each marked with its id, in the clinic's formats.
pub(crate) fn notes_list(class: &'static str, notes: &[Note], formats: &Formats) -> Html {
    html! {
        <ul class={class}>
            { for notes.iter().map(|note| html! { <li data-note={note.id.key()}>{ formats.note(note) }</li> }) }
        </ul>
    }
}
