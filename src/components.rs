//! The Yew widget. The root [`Estimator`] owns the state (one reducer) and
//! asks the engine for the quote; the child components only render what
//! they are given and emit callbacks.

mod area_field;
mod breakdown;
mod comparison;
mod cost_chart;
mod details_form;
mod estimator;
mod illustration;
mod pattern_picker;
mod smp_card;
mod transplant_card;
mod visitor_tools;

pub use area_field::{AreaField, AreaFieldProps};
pub use breakdown::{Breakdown, BreakdownProps};
pub use comparison::{Comparison, ComparisonProps};
pub use cost_chart::{CostChart, CostChartProps};
pub use details_form::{DetailsForm, DetailsFormProps};
pub use estimator::{Estimator, EstimatorProps};
pub use illustration::{HeadIllustration, HeadIllustrationProps};
pub use pattern_picker::{PatternPicker, PatternPickerProps};
pub use smp_card::{SmpCard, SmpCardProps};
pub use transplant_card::{candidacy_label, TransplantCard, TransplantCardProps};
pub use visitor_tools::{VisitorTools, VisitorToolsProps};

use std::sync::atomic::{AtomicU32, Ordering};

use web_sys::Element;

/// Mounts one widget into `element`, without the embedding layer's shadow
/// root and settings (component tests use this).
pub fn mount(element: Element, props: EstimatorProps) -> yew::AppHandle<Estimator> {
    yew::Renderer::<Estimator>::with_root_and_props(element, props).render()
}

/// A prefix for element ids that is unique to one widget on the page, so
/// that labels and descriptions of two widgets never point at each other.
pub(crate) fn unique_prefix() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!("smp{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
