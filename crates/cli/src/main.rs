//! `smp-quote`: check a clinic's settings against the estimator engine.
//! See the crate's library (`smp_quote::run`) and `smp-quote --help`. A native tool only:
//! built for the WebAssembly target (by `cargo clippy --target wasm32-…`),
//! it is empty.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = smp_quote::run(
        &args,
        &mut std::io::stdin(),
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    std::process::exit(code);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
