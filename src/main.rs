//! The demo page's entry point: a widget in every marked element, as on a
//! clinic's page, with the stylesheet trunk copies next to the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    smp_estimator::embed::start("smp-estimator.css".into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: `make serve`. For the command line, use `smp-quote`.");
}
