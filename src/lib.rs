//! The browser entry of the SMP estimator: what puts the widget on a
//! clinic's page and lets the page talk to it. The estimate itself is the
//! engine's (`smp_engine`), and the widget that presents it is
//! `smp_widget`; this crate depends on both and neither depends on it.
//!
//! - `page_settings`: a widget's settings from its element's attributes, an
//!   inline settings script and a settings file, merged over the engine's
//!   defaults, and the visitor's language (pure, tested natively).
//! - `mount` (wasm32): a widget in every marked element, each in its own
//!   Shadow DOM, and the page watched for more, changed or removed ones.
//! - `languages` (wasm32): the visitor's language file, downloaded once per
//!   page with its integrity hash.
//! - `js_api` (wasm32): the visitor's JavaScript API (`mount`, `estimate`),
//!   the DOM events and the opt-in `dataLayer` entries.
//! - `recovery` (wasm32): panic recovery, and the one failure panel.
//! - `theme` (wasm32): the stylesheet in each shadow root, and the
//!   clinic's accent and font.
//! - `setup_api` (wasm32, only with the `setup-api` feature): the setup
//!   page's API (`priceSheet`, `checkSettings`, `markets`, `patterns`), in
//!   the setup page's own module (`smp-estimator-setup.js`), never in the
//!   visitor's.

// Talc instead of Rust's default dlmalloc: the same job in 2.9 KB gzip
// less WebAssembly (docs/performance.md). Declared here rather than in a
// binary, so that both modules (the visitor's and the setup page's) and the
// browser tests run on it.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod page_settings;

#[cfg(target_arch = "wasm32")]
mod js_api;
#[cfg(target_arch = "wasm32")]
mod languages;
#[cfg(target_arch = "wasm32")]
mod mount;
#[cfg(target_arch = "wasm32")]
mod recovery;
#[cfg(all(target_arch = "wasm32", feature = "setup-api"))]
mod setup_api;
#[cfg(target_arch = "wasm32")]
mod theme;

#[cfg(target_arch = "wasm32")]
pub use js_api::{estimate, mount};
#[cfg(target_arch = "wasm32")]
pub use mount::{start, start_from_page, SELECTOR};
#[cfg(all(target_arch = "wasm32", feature = "setup-api"))]
pub use setup_api::*;
