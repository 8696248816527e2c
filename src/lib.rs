//! An SMP (scalp micropigmentation) estimator that clinics embed in their
//! web pages: a visitor picks a hair-loss stage and treatment area and gets
//! an instant estimate of SMP sessions and cost, side by side with a hair
//! transplant, entirely in the browser.
//!
//! - [`model`]: the pure estimation engine. Every figure comes from
//!   [`model::estimate`]; nothing else computes one.
//! - [`cli`]: the `smp-quote` tool clinic staff use to check their settings.
//! - [`state`]: the widget's state and actions, as plain data.
//! - `components` and `format` (wasm32 only): the Yew widget that presents a
//!   quote, with numbers formatted by the browser's `Intl`.

pub mod chart;
pub mod cli;
pub mod embed_config;
pub mod model;
pub mod state;
pub mod visitor_state;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod format;
