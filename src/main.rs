//! The visitor's module (`smp-estimator.js`): a widget in every marked
//! element of the page, started by the package's loader
//! (`smp_estimator::start_from_page`). The setup page has a module of its own,
//! `src/bin/smp-estimator-setup.rs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    smp_estimator::start_from_page();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: `make serve`. For the command line, use `smp-quote`.");
}
