//! How a visitor's contact details and a clinic's address are recognised:
//! plain text checks, shared by the clinic's lead settings and the
//! visitor's consultation request.

/// `someone@example.org`: one `@`, something before it, a dotted domain
/// after it, no spaces; at most 254 characters.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    text.len() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"(),;:[]\\".contains(c))
}

/// A phone number as people write it: 7 to 15 digits, with `+`, spaces,
/// dashes, dots and brackets allowed around them.
pub fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-.()/".contains(c))
        && text.trim_start().chars().skip(1).all(|c| c != '+')
}
