//! The engine alone: one quote, and the full price sheet (every pattern).
//! Native only: criterion does not build for wasm32, where this is empty.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion};
    use smp_engine::{estimate, price_sheet, ClinicSettings, EstimateInput, Pattern};
    use std::hint::black_box;

    fn engine(c: &mut Criterion) {
        let settings = ClinicSettings::default();
        let input = EstimateInput::new(Pattern::Norwood5);
        c.bench_function("one quote (norwood-5)", |b| {
            b.iter(|| estimate(black_box(&input), black_box(&settings)))
        });
        c.bench_function("price sheet (19 patterns)", |b| {
            b.iter(|| price_sheet(black_box(&settings)))
        });
    }

    criterion_group!(benches, engine);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
