//! The entry point, run when the WebAssembly starts: a widget in every
//! marked element of the page. On the demo page the stylesheet sits next to
//! the page; the release package's loader says where it is (and its SRI
//! hash, and the language files' hashes with the page's language already
//! on its way) through `globalThis.__smpEstimatorStylesheet` before
//! starting us.

// Talc instead of Rust's default dlmalloc: the same job in fewer bytes of
// WebAssembly (issue 15; README, "Size and speed").
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::Reflect;
    let given = Reflect::get(&js_sys::global(), &"__smpEstimatorStylesheet".into())
        .ok()
        .filter(|value| value.is_object());
    let field = |name: &str| {
        given
            .as_ref()
            .and_then(|value| Reflect::get(value, &name.into()).ok())
            .and_then(|value| value.as_string())
    };
    let href = field("href").unwrap_or_else(|| "smp-estimator.css".into());
    let object = |name: &str| {
        given
            .as_ref()
            .and_then(|value| Reflect::get(value, &name.into()).ok())
            .filter(|value| value.is_object())
    };
    smp_estimator::embed::start(
        href,
        field("integrity"),
        object("catalogues"),
        object("prefetched"),
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: `make serve`. For the command line, use `smp-quote`.");
}
