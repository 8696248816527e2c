//! Reading and writing decimal numbers without the standard library's float
//! parsing and formatting. Those bring about 30 KB of tables and code into
//! the widget's WebAssembly, a third of its size budget; the figures here are
//! prices, areas and percentages, for which the methods below are exact or
//! well within a millionth.

/// The powers of ten that an `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `mantissa × 10^exponent`. Correctly rounded (Clinger's fast path) when
/// the mantissa has at most 15 digits and the exponent is within ±22, which
/// covers every figure a clinic or a visitor types; otherwise within a few
/// units in the last place.
fn scale(mantissa: u64, exponent: i32) -> f64 {
    let mut value = mantissa as f64;
    let mut exponent = exponent;
    while exponent > 22 {
        value *= EXACT_POWERS[22];
        exponent -= 22;
    }
    while exponent < -22 {
        value /= EXACT_POWERS[22];
        exponent += 22;
    }
    if exponent >= 0 {
        value * EXACT_POWERS[exponent as usize]
    } else {
        value / EXACT_POWERS[(-exponent) as usize]
    }
}

/// A number in JSON's grammar (`-12`, `0.5`, `2.5e3`) at the start of
/// `text`: its value and how many bytes it took, or `None` when `text` does
/// not start with one.
pub fn parse_prefix(text: &str) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let negative = bytes.first() == Some(&b'-');
    if negative {
        at += 1;
    }
    let mut mantissa: u64 = 0;
    let mut exponent: i32 = 0;
    let mut digits = 0;
    let mut push = |digit: u8, exponent: &mut i32, after_point: bool| {
        if mantissa < 1_000_000_000_000_000_000 / 10 {
            mantissa = mantissa * 10 + u64::from(digit - b'0');
            if after_point {
                *exponent -= 1;
            }
        } else if !after_point {
            // Digits beyond 18 only scale the number.
            *exponent += 1;
        }
    };
    let integer_start = at;
    while let Some(&digit @ b'0'..=b'9') = bytes.get(at) {
        push(digit, &mut exponent, false);
        at += 1;
        digits += 1;
    }
    if digits == 0 || (bytes[integer_start] == b'0' && at - integer_start > 1) {
        // JSON has no `.5` and no leading zeros.
        return None;
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        let fraction_start = at;
        while let Some(&digit @ b'0'..=b'9') = bytes.get(at) {
            push(digit, &mut exponent, true);
            at += 1;
        }
        if at == fraction_start {
            return None;
        }
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        let sign = match bytes.get(at) {
            Some(b'-') => {
                at += 1;
                -1
            }
            Some(b'+') => {
                at += 1;
                1
            }
            _ => 1,
        };
        let start = at;
        let mut written: i32 = 0;
        while let Some(&digit @ b'0'..=b'9') = bytes.get(at) {
            written = written
                .saturating_mul(10)
                .saturating_add(i32::from(digit - b'0'));
            at += 1;
        }
        if at == start {
            return None;
        }
        exponent = exponent.saturating_add(sign * written.min(100_000));
    }
    let value = if mantissa == 0 {
        0.0
    } else if exponent > 400 {
        f64::INFINITY
    } else if exponent < -400 {
        0.0
    } else {
        scale(mantissa, exponent)
    };
    Some((if negative { -value } else { value }, at))
}

/// A whole string as a number in JSON's grammar; `None` for anything else
/// (surrounding spaces included).
pub fn parse(text: &str) -> Option<f64> {
    match parse_prefix(text) {
        Some((value, used)) if used == text.len() => Some(value),
        _ => None,
    }
}

/// A number as people type it in a form or an attribute: JSON's grammar
/// plus surrounding spaces, a leading `+`, leading zeros and a point with
/// no digits on one side (`+5`, `007`, `.5`, `5.`).
pub fn parse_typed(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if !text
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'.')
        || !text.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut cleaned = String::with_capacity(text.len() + 2);
    let text = text.trim_start_matches('0');
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        cleaned.push('0');
    }
    cleaned.push_str(text);
    if let Some(point) = cleaned.find('.') {
        if !cleaned[point + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            cleaned.insert(point + 1, '0');
        }
    }
    parse(&cleaned).map(|value| if negative { -value } else { value })
}

/// Appends the digits of `value`.
fn push_whole(out: &mut String, value: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = value;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

/// `value` with exactly `decimals` digits after the point (at most 9),
/// such as `0.65` for `fixed(0.65, 2)`; `NaN` and infinities as words.
pub fn fixed(value: f64, decimals: u32) -> String {
    let mut out = String::new();
    push_fixed(&mut out, value, decimals.min(9), false);
    out
}

/// `value` to nine decimals without trailing zeros (`2`, `2.5`,
/// `0.333333333`), or to ten significant digits in scientific notation
/// below 0.001 and from 10¹⁵ (`1e+300`). Used for JSON and for messages.
/// Every figure of a quote is written exactly; any other number to within
/// a millionth of itself.
pub fn show(value: f64) -> String {
    let mut out = String::new();
    push_number(&mut out, value);
    out
}

/// Appends [`show`] of `value`.
pub fn push_number(out: &mut String, value: f64) {
    let magnitude = value.abs();
    if value.is_finite() && (magnitude == 0.0 || (1e-3..1e15).contains(&magnitude)) {
        push_fixed(out, value, 9, true);
    } else if value.is_finite() {
        // Scientific notation for the rare huge or tiny figure.
        if value < 0.0 {
            out.push('-');
        }
        let mut mantissa = magnitude;
        let mut exponent = 0i32;
        while mantissa >= 10.0 {
            mantissa /= 10.0;
            exponent += 1;
        }
        while mantissa < 1.0 {
            mantissa *= 10.0;
            exponent -= 1;
        }
        push_fixed(out, mantissa, 9, true);
        out.push_str(if exponent < 0 { "e-" } else { "e+" });
        push_whole(out, u64::from(exponent.unsigned_abs()));
    } else if value.is_nan() {
        out.push_str("NaN");
    } else {
        out.push_str(if value > 0.0 { "infinity" } else { "-infinity" });
    }
}

fn push_fixed(out: &mut String, value: f64, decimals: u32, trim: bool) {
    if !value.is_finite() || value.abs() >= 1e18 {
        return push_number(out, value);
    }
    let unit = 10u64.pow(decimals);
    let scaled = (value.abs() * unit as f64).round();
    let (mut whole, mut part) = if scaled < 1.8e19 {
        let scaled = scaled as u64;
        (scaled / unit, scaled % unit)
    } else {
        (value.abs().round() as u64, 0)
    };
    if part >= unit {
        whole += 1;
        part -= unit;
    }
    if value < 0.0 && (whole > 0 || part > 0) {
        out.push('-');
    }
    push_whole(out, whole);
    let mut shown = decimals;
    if trim {
        while shown > 0 && part % 10 == 0 {
            part /= 10;
            shown -= 1;
        }
    }
    if shown > 0 {
        out.push('.');
        let mut digits = [b'0'; 9];
        for slot in digits[..shown as usize].iter_mut().rev() {
            *slot = b'0' + (part % 10) as u8;
            part /= 10;
        }
        for &digit in &digits[..shown as usize] {
            out.push(char::from(digit));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_numbers_exactly() {
        for (text, value) in [
            ("0", 0.0),
            ("-0", -0.0),
            ("12", 12.0),
            ("0.1", 0.1),
            ("52.5", 52.5),
            ("-2.75", -2.75),
            ("2.5e3", 2500.0),
            ("1E-2", 0.01),
            ("0.6528", 0.6528),
            ("9007199254740993", 9007199254740992.0),
            ("123456789012345678901234", 1.2345678901234568e23),
        ] {
            assert_eq!(parse(text), Some(value), "{text}");
        }
        // Beyond the fast path: within a few units in the last place.
        let far = parse("1e300").unwrap();
        assert!((far - 1e300).abs() <= 4.0 * f64::EPSILON * 1e300);
        assert_eq!(parse("1e400"), Some(f64::INFINITY));
        assert_eq!(parse("1e-400"), Some(0.0));
    }

    #[test]
    fn refuses_what_json_refuses() {
        for text in [
            "", "-", ".5", "5.", "01", "1e", "1e+", " 1", "1 ", "0x10", "NaN", "1,5",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
        assert_eq!(parse_prefix("12,"), Some((12.0, 2)));
    }

    #[test]
    fn reads_typed_numbers_leniently() {
        for (text, value) in [
            (" 52.5 ", Some(52.5)),
            ("+5", Some(5.0)),
            ("007", Some(7.0)),
            (".5", Some(0.5)),
            ("5.", Some(5.0)),
            ("-.25", Some(-0.25)),
            ("0", Some(0.0)),
            ("1e3", Some(1000.0)),
            ("5.e1", Some(50.0)),
            ("-", None),
            (".", None),
            ("", None),
            ("--5", None),
            ("5 5", None),
            ("abc", None),
            ("0x1", None),
        ] {
            assert_eq!(parse_typed(text), value, "{text:?}");
        }
    }

    #[test]
    fn writes_short_decimals() {
        for (value, text) in [
            (0.0, "0"),
            (2.0, "2"),
            (-2.5, "-2.5"),
            (0.1 + 0.2, "0.3"),
            (1.0 / 3.0, "0.333333333"),
            (38750.0, "38750"),
            (1e300, "1e+300"),
            (1.5e-12, "1.5e-12"),
            (-0.0000000001, "-1e-10"),
            (0.000123456789012, "1.23456789e-4"),
            (f64::NAN, "NaN"),
        ] {
            assert_eq!(show(value), text);
        }
        assert_eq!(fixed(0.65, 2), "0.65");
        assert_eq!(fixed(4.999, 2), "5.00");
        assert_eq!(fixed(12.25, 1), "12.3");
        assert_eq!(fixed(-0.01, 1), "0.0");
    }

    #[test]
    fn round_trips_typical_figures() {
        for value in [0.5, 52.5, 1234.56, 9.99, 0.6528, 1e-6, 123456789.125] {
            assert_eq!(parse(&show(value)), Some(value));
        }
    }
}
