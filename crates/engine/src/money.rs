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

/// A minimum fee as a quote can show it: the smallest amount that
/// [`round_money`] gives and that is not below `floor`, so that a floor
/// applied before rounding still holds after it. A £4,010 minimum with £50
/// steps is £4,050: rounded to the nearest step it would be £4,000, below
/// the clinic's own minimum. The whole unit is rounded up first, then the
/// step (a step of 8.585 shows 17.17 as 17).
pub fn round_money_up(floor: f64, step: f64) -> u64 {
    debug_assert!(floor.is_finite() && floor >= 0.0 && step > 0.0);
    let whole = floor.ceil();
    // A floor that is a whole number of steps stays as it is, whatever the
    // division's last bit says (300 / 0.1 is 2999.9999999999995).
    let steps = (whole / step - 1e-9).ceil().max(0.0);
    // `steps * step` is at least `whole` (to the division's error), and
    // `whole` is a whole number: rounding to whole units keeps it there.
    round_money(steps * step, step)
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
    fn a_floor_rounds_up_to_the_next_step_and_stays_there() {
        assert_eq!(round_money_up(4010.0, 50.0), 4050);
        assert_eq!(round_money_up(4024.0, 50.0), 4050);
        assert_eq!(round_money_up(4000.0, 50.0), 4000);
        assert_eq!(round_money_up(1210.0, 50.0), 1250);
        assert_eq!(round_money_up(0.0, 50.0), 0);
        assert_eq!(round_money_up(300.0, 0.1), 300);
        // Steps of 8.585 show 17 (17.17) and then 26 (25.755).
        assert_eq!(round_money_up(17.1, 8.585), 26);
        assert_eq!(round_money_up(17.0, 8.585), 17);
        assert_eq!(round_money_up(99.2, 1.0), 100);
        // Rounding the rounded-up floor again changes nothing, so an amount
        // lifted to it is never rounded below it.
        for (floor, step) in [(4010.0, 50.0), (17.1, 8.585), (12.5, 0.7), (999.0, 333.3)] {
            let shown = round_money_up(floor, step);
            assert!(shown as f64 >= floor, "{floor} by {step}: {shown}");
            assert_eq!(round_money(shown as f64, step), shown, "{floor} by {step}");
        }
    }

    #[test]
    fn fractional_steps_still_give_whole_units() {
        assert_eq!(round_money(10.24, 0.5), 10);
        assert_eq!(round_money(10.76, 0.5), 11);
    }
}
