//! The widget: a Yew 0.23 function component that presents the engine's
//! quote and computes nothing of its own. `state` (its reducer), `chart`
//! (the chart's geometry) and `heads` (the picker's drawings as data) are
//! plain Rust, tested natively; the components
//! and `format` (numbers through the browser's `Intl`) are wasm32 only.

pub mod answers;
pub mod chart;
pub mod heads;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod format;
