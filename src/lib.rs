//! An SMP (scalp micropigmentation) estimator that clinics embed in their
//! web pages: a visitor picks a hair-loss stage and treatment area and gets
//! an instant estimate of SMP sessions and cost, side by side with a hair
//! transplant, entirely in the browser.
//!
//! The parts, each in its own folder:
//! - [`model`]: the pure estimation engine, an input plus the clinic's
//!   settings in and a quote out. Every figure comes from
//!   [`model::estimate`]; nothing else computes one. Its types derive
//!   serde's traits over one value tree (`model::value`), which names
//!   every problem by its field at once; JSON text is serde_json's
//!   natively (`model::json`) and the browser's in the WebAssembly.
//! - [`widget`]: the Yew widget that presents a quote: its state and
//!   actions as plain data, the chart's geometry, and (wasm32 only) the
//!   components and the browser's `Intl` formatting.
//! - [`embed`]: the embedding layer: the page's settings for a widget and
//!   the visitor's answers in links and storage (pure), and (wasm32 only)
//!   the Shadow DOM mounting, the events and the JavaScript API, where
//!   values cross to and from JavaScript objects (`embed::js_value`).
//! - `cli` (native): the `smp-quote` tool clinic staff use to check their
//!   settings, and the settings' JSON Schema.

// Talc instead of Rust's default dlmalloc: the same job in fewer bytes of
// WebAssembly (issue 15; README, "Size and speed"). Declared here rather
// than in a binary, so that both modules (the visitor's and the setup
// page's) and the browser tests run on it.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod embed;
pub mod model;
pub mod widget;
