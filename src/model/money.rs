//! The one place where money is rounded.

/// Rounds an amount to the nearest multiple of the clinic's rounding step,
/// in whole units. Every amount in a quote goes through here exactly once,
/// from the unrounded figure, so no rounding error piles up. Rounding to the
/// nearest step never reverses the order of two amounts, so min ≤ typical ≤
/// max survives it.
pub fn round_money(amount: f64, step: f64) -> u64 {
    debug_assert!(amount.is_finite() && amount >= 0.0 && step > 0.0);
    let rounded = ((amount / step).round() * step).round();
    // Settings validation bounds every price, so this never saturates; the
    // cast would clamp rather than panic if it did.
    rounded.max(0.0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_the_nearest_step() {
        assert_eq!(round_money(1224.0, 50.0), 1200);
        assert_eq!(round_money(1225.0, 50.0), 1250);
        assert_eq!(round_money(38_745.0, 50.0), 38_750);
        assert_eq!(round_money(99.4, 1.0), 99);
        assert_eq!(round_money(0.0, 100.0), 0);
    }

    #[test]
    fn fractional_steps_still_give_whole_units() {
        assert_eq!(round_money(10.24, 0.5), 10);
        assert_eq!(round_money(10.76, 0.5), 11);
    }
}
