//! The widget: a Yew 0.23 function component that presents the engine's
//! quote and computes nothing of its own. It depends on the engine only:
//! what puts it on a page (the browser entry, the root package) depends on
//! it, never the other way round.
//!
//! `state` (its reducer), `chart` (the chart's geometry), `heads` (the
//! picker's drawings as data) and `stored` (the visitor's answers as text)
//! are plain Rust, tested natively. The components and `format` (numbers
//! through the browser's `Intl`) run in the browser, and natively too for
//! one job: [`first_screen`] renders the widget's first screen to text at
//! build time, which the loader shows before the WebAssembly has loaded.
//! `js_value` is JSON at the
//! browser's boundary: the browser's `JSON.parse` and `JSON.stringify` in
//! the WebAssembly, serde_json natively.

pub mod answers;
pub mod chart;
pub mod heads;
pub mod js_value;
pub mod state;
pub mod stored;

pub mod components;
#[cfg(not(target_arch = "wasm32"))]
pub mod first_screen;
pub mod format;
