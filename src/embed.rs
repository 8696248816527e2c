//! The embedding layer: what puts a widget on a clinic's page and lets the
//! page talk to it.
//! - `page_settings`: a widget's settings from its element's attributes,
//!   an inline settings script and a settings file, merged over the
//!   defaults (pure).
//! - `visitor_state`: the visitor's answers in a share link and in
//!   storage (pure).
//! - `mount` (wasm32): a widget in every marked element, each in its own
//!   Shadow DOM, with its events, its language file and panic recovery;
//!   and the JavaScript API (`mount`, `estimate`, `priceSheet`,
//!   `checkSettings`, `markets`, `patterns`), whose values cross to and
//!   from JavaScript as JSON text (`model::json`).

pub mod page_settings;
pub mod visitor_state;

#[cfg(target_arch = "wasm32")]
mod mount;

#[cfg(target_arch = "wasm32")]
pub use mount::*;
