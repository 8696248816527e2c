//! Field-level problems with an input or the clinic settings.

use std::fmt;

use super::number;

/// One thing wrong with one field, named by its path in the JSON
/// (`smp.bands[1].price.min`), with what was wrong in plain words.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Adds the problems found in the values to those found in the shapes of
/// a document, leaving out any about a field already reported (or a field
/// inside one), so that every problem is listed once and all at once.
pub fn merge_problems(shapes: &mut Vec<FieldError>, values: Vec<FieldError>) {
    let reported: Vec<String> = shapes.iter().map(|p| p.field.clone()).collect();
    let covered = |field: &str| {
        reported.iter().any(|done| {
            field == done
                || field
                    .strip_prefix(done.as_str())
                    .is_some_and(|rest| rest.starts_with(['.', '[']))
        })
    };
    shapes.extend(
        values
            .into_iter()
            .filter(|problem| !covered(&problem.field)),
    );
}

/// Every problem found, one per line, for a terminal or a `console.error`.
pub fn describe_all(problems: &[FieldError]) -> String {
    problems
        .iter()
        .map(FieldError::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A number as a person would write it back: `-5`, `2.5`, never `-5.0`.
pub fn show_number(value: f64) -> String {
    number::show(value)
}

/// A figure as a clinic would read it back in a message: whole numbers with
/// their thousands grouped (`1,250`, `-5`), others as written (`2.5`).
pub fn show_figure(value: f64) -> String {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        let sign = if value < 0.0 { "-" } else { "" };
        format!("{sign}{}", thousands(value.abs() as u64))
    } else {
        number::show(value)
    }
}

/// A whole number with its thousands grouped, `1234567` as `1,234,567`, for
/// the engine's English notes and the command line (the widget formats
/// numbers with the browser's `Intl` instead).
pub fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_a_clinic_typed_them() {
        assert_eq!(show_figure(1250.0), "1,250");
        assert_eq!(show_figure(-5.0), "-5");
        assert_eq!(show_figure(2.5), "2.5");
        assert_eq!(show_figure(0.0), "0");
    }

    #[test]
    fn thousands_separates_groups_of_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(38_750), "38,750");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
