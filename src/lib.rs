//! The browser entry of the SMP estimator: what puts the widget on a
//! clinic's page and lets the page talk to it. The estimate itself is the
//! engine's (`smp_engine`), and the widget that presents it is
//! `smp_widget`; this crate depends on both and neither depends on it.
//!
//! - `page_settings`: a widget's settings from its element's attributes, an
//!   inline settings script and a settings file, merged over the engine's
//!   defaults, and the visitor's language (pure, tested natively).
//! - `mount` (wasm32): a widget in every marked element, each in its own
//!   Shadow DOM, watching the page for more; with its language file,
//!   events and the visitor's JavaScript API (`mount`, `estimate`), panic
//!   recovery and the clinic's theme.
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
mod mount;
#[cfg(all(target_arch = "wasm32", feature = "setup-api"))]
mod setup_api;

#[cfg(target_arch = "wasm32")]
pub use mount::*;
#[cfg(all(target_arch = "wasm32", feature = "setup-api"))]
pub use setup_api::*;
