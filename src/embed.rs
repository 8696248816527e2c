//! The embedding layer: what puts a widget on a clinic's page and lets the
//! page talk to it.
//! - `page_settings`: a widget's settings from its element's attributes,
//!   an inline settings script and a settings file, merged over the
//!   defaults (pure).
//! - `visitor_state`: the visitor's answers in a share link and in
//!   storage (pure).
//! - `mount` (wasm32): a widget in every marked element, each in its own
//!   Shadow DOM, with its events, its language file and panic recovery;
//!   and the visitor's JavaScript API (`mount`, `estimate`), whose values
//!   cross to and from JavaScript through `js_value`.
//! - `js_value`: JSON text through the browser's `JSON.parse` and
//!   `JSON.stringify`, and JavaScript values to and from the engine's tree.
//! - `setup_api` (wasm32, only with the `setup-api` feature): the setup
//!   page's API (`priceSheet`, `checkSettings`, `markets`, `patterns`), in
//!   the setup page's own module (`smp-estimator-setup.js`), never in the
//!   visitor's.

pub mod js_value;
pub mod page_settings;
pub mod visitor_state;

#[cfg(target_arch = "wasm32")]
mod mount;
#[cfg(all(target_arch = "wasm32", feature = "setup-api"))]
mod setup_api;

#[cfg(target_arch = "wasm32")]
pub use mount::*;
#[cfg(all(target_arch = "wasm32", feature = "setup-api"))]
pub use setup_api::*;
