//! The quote the engine returns: every figure the widget, the command-line
//! tool and the JavaScript API show. Money is in whole units of the clinic's
//! currency, already rounded the clinic's way.

use std::collections::BTreeMap;

use serde::Serialize;

use super::input::EstimateInput;

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

/// A sentence that explains a figure, with a stable id (for translations and
/// tests) and the numbers it mentions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    pub id: &'static str,
    pub text: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<&'static str, u64>,
}

impl Note {
    pub fn new(id: &'static str, text: String, values: &[(&'static str, u64)]) -> Self {
        Note {
            id,
            text,
            values: values.iter().copied().collect(),
        }
    }
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
