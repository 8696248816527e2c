//! Pure drawing helpers for the cost chart, kept apart from the component so
//! native tests cover them.

/// A round axis maximum at or above `max` (1, 2, 2.5 or 5 times a power of
/// ten) and its tick step, so the axis reads in plain numbers with at most
/// five steps.
pub fn axis(max: u64) -> (f64, f64) {
    let max = (max as f64).max(1.0);
    let magnitude = 10f64.powf(max.log10().floor());
    let step = [0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0]
        .iter()
        .map(|factor| factor * magnitude)
        .find(|step| (max / step).ceil() <= 5.0)
        .unwrap_or(magnitude * 10.0);
    ((max / step).ceil() * step, step)
}

#[cfg(test)]
mod tests {
    use super::axis;

    #[test]
    fn axes_end_on_round_numbers_with_at_most_five_steps() {
        assert_eq!(axis(38_850), (40_000.0, 10_000.0));
        assert_eq!(axis(4_950), (5_000.0, 1_000.0));
        assert_eq!(axis(23_100), (25_000.0, 5_000.0));
        assert_eq!(axis(0), (1.0, 0.2));
        for max in [1, 7, 99, 101, 1_234, 60_000, 999_999] {
            let (top, step) = axis(max);
            assert!(
                top >= max as f64 && top / step <= 5.0,
                "{max}: {top} / {step}"
            );
        }
    }
}
