//! The quote the engine returns: every figure the widget, the command-line
//! tool and the JavaScript API show. Money is in whole units of the clinic's
//! currency, already rounded the clinic's way.

use std::collections::BTreeMap;

use serde::Serialize;

use super::input::EstimateInput;
use super::problem::{show_number, thousands};

/// A figure with its likely range and the value most visitors can expect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Spread<T> {
    pub min: T,
    pub typical: T,
    pub max: T,
}

impl<T: Copy> Spread<T> {
    pub fn map<U>(self, f: impl Fn(T) -> U) -> Spread<U> {
        Spread {
            min: f(self.min),
            typical: f(self.typical),
            max: f(self.max),
        }
    }
}

/// A range without a typical value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct MinMax<T> {
    pub min: T,
    pub max: T,
}

/// A figure inside a note, so each presenter can write it its own way (the
/// widget formats money with the browser's `Intl` for the clinic's locale).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Figure {
    /// Whole units of the clinic's currency.
    Money(u64),
    /// A unit price that may have cents, such as €0.65 per graft.
    Price(f64),
    /// A whole count: grafts, sessions, years.
    Count(u64),
    /// A measure that may have a decimal: cm², hours.
    Decimal(f64),
}

/// A sentence that explains a figure, with a stable id (for translations and
/// tests), the sentence with `{name}` where each figure goes, its figures,
/// and the sentence in English with the figures written in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    pub id: &'static str,
    pub text: String,
    pub template: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<&'static str, Figure>,
}

impl Note {
    /// A note from its template and figures; `currency` names the money in
    /// the English text (`USD 2,800`).
    pub fn new(
        id: &'static str,
        template: String,
        values: &[(&'static str, Figure)],
        currency: &str,
    ) -> Self {
        let values: BTreeMap<&'static str, Figure> = values.iter().copied().collect();
        let text = fill(&template, &values, |figure| match figure {
            Figure::Money(amount) => format!("{currency} {}", thousands(amount)),
            Figure::Price(amount) if amount.fract() == 0.0 => {
                format!("{currency} {}", thousands(amount as u64))
            }
            Figure::Price(amount) => format!("{currency} {amount:.2}"),
            Figure::Count(count) => thousands(count),
            Figure::Decimal(value) => show_number(value),
        });
        Note {
            id,
            text,
            template,
            values,
        }
    }

    /// The note with its figures written by `write`.
    pub fn render(&self, write: impl Fn(Figure) -> String) -> String {
        fill(&self.template, &self.values, write)
    }
}

/// Replaces each `{name}` in `template` by its figure, written by `write`;
/// a name without a figure is left as it is.
fn fill(
    template: &str,
    values: &BTreeMap<&'static str, Figure>,
    write: impl Fn(Figure) -> String,
) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.get(name) {
                    Some(figure) => out.push_str(&write(*figure)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TouchUpQuote {
    pub every_years: MinMax<f64>,
    pub cost: MinMax<u64>,
}

/// The financing behind `SmpQuote::monthly`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FinancingTerms {
    pub months: u32,
    pub apr_percent: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SmpQuote {
    pub sessions: Spread<u32>,
    pub hours_per_session: MinMax<f64>,
    /// Hours in the chair over all sessions.
    pub total_hours: MinMax<f64>,
    /// Days between two sessions.
    pub days_between_sessions: MinMax<u32>,
    /// The same gap in weeks, to the half week.
    pub weeks_between_sessions: MinMax<f64>,
    /// Weeks from the first session to the last.
    pub weeks: MinMax<u32>,
    pub cost: Spread<u64>,
    pub touch_up: TouchUpQuote,
    /// The typical cost per month over the longest financing term; `None`
    /// when the clinic offers no financing.
    pub monthly: Option<u64>,
    pub financing: Option<FinancingTerms>,
    /// Days of redness after a session: SMP's only downtime.
    pub redness_days: MinMax<u32>,
    pub notes: Vec<Note>,
}

/// Whether surgery is a sensible option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Candidacy {
    Yes,
    Caution,
    No,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TransplantQuote {
    pub grafts: Spread<u32>,
    pub surgeries: u32,
    /// Grafts the visitor's donor area can give over a lifetime.
    pub donor_capacity: u32,
    /// Typical grafts the donor supply cannot cover: the area SMP could fill.
    pub shortfall_grafts: u32,
    pub cost: Spread<u64>,
    /// Total days off work over all surgeries.
    pub downtime_days: MinMax<u32>,
    pub months_to_result: MinMax<u32>,
    pub candidate: Candidacy,
    pub notes: Vec<Note>,
    /// Maintenance medication a year, when the clinic counts it.
    pub medication_per_year: Option<u64>,
}

/// Cumulative typical cost at the end of each year, from year 0 (the
/// treatment itself) to `years`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lifetime {
    pub years: u32,
    pub smp: Vec<u64>,
    pub transplant: Vec<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// The input this quote answers, with defaults filled in.
    pub input: EstimateInput,
    pub area_cm2: f64,
    pub currency: String,
    pub locale: String,
    pub smp: SmpQuote,
    pub transplant: TransplantQuote,
    pub lifetime: Lifetime,
    /// How each figure was reached, in plain words (docs/model.md in short).
    pub breakdown: Vec<Note>,
    /// The clinic's booking page with the visitor's answers in the query
    /// string (pattern, area, sessions; nothing personal), or `None` when
    /// the clinic has no booking link.
    pub booking_url: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_fill_in_their_figures() {
        let note = Note::new(
            "x",
            "{grafts} grafts for {price}, {hours} h, {unknown} stays".into(),
            &[
                ("grafts", Figure::Count(2450)),
                ("price", Figure::Money(17150)),
                ("hours", Figure::Decimal(2.5)),
            ],
            "USD",
        );
        assert_eq!(
            note.text,
            "2,450 grafts for USD 17,150, 2.5 h, {unknown} stays"
        );
        let custom = note.render(|figure| match figure {
            Figure::Money(amount) => format!("€{amount}"),
            _ => "n".into(),
        });
        assert_eq!(custom, "n grafts for €17150, n h, {unknown} stays");
        assert_eq!(
            Note::new("y", "open { brace".into(), &[], "USD").text,
            "open { brace"
        );
    }
}
