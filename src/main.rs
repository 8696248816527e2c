//! The demo page's entry point: mounts the widget into the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    smp_estimator::components::mount_all();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: `make serve`. For the command line, use `smp-quote`.");
}
