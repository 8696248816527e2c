//! The setup page's module (`smp-estimator-setup.js`, imported by
//! `web/setup/configure.js`): the visitor's widget, for the page's live
//! preview, plus the setup API of `setup_api` (`priceSheet`, `checkSettings`,
//! `markets`, `patterns`), which only this build compiles in (the
//! `setup-api` feature), so that visitors never download it.

#[cfg(target_arch = "wasm32")]
fn main() {
    smp_estimator::start_from_page();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The setup page's module runs in a browser: `make serve`, then /configure.html.");
}
