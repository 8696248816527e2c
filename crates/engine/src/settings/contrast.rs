//! The colour maths behind the accent's check: white text must be readable
//! on the clinic's accent (WCAG 2.2 AA, 4.5:1).

/// Reads `#rgb` or `#rrggbb` into its red, green and blue bytes.
pub(super) fn parse_hex_colour(colour: &str) -> Option<[u8; 3]> {
    let hex = colour.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |text: &str| u8::from_str_radix(text, 16).ok();
    match hex.len() {
        3 => {
            let mut rgb = [0; 3];
            for (index, digit) in hex.chars().enumerate() {
                rgb[index] = channel(&format!("{digit}{digit}"))?;
            }
            Some(rgb)
        }
        6 => Some([
            channel(&hex[0..2])?,
            channel(&hex[2..4])?,
            channel(&hex[4..6])?,
        ]),
        _ => None,
    }
}

/// WCAG 2.2 contrast ratio of a colour against white.
pub(super) fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let linear = |byte: u8| {
        let value = f64::from(byte) / 255.0;
        if value <= 0.04045 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (luminance + 0.05)
}
