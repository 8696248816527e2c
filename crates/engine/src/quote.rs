//! The quote the engine returns: every figure the widget, the command-line
//! tool and the JavaScript API show. Money is in whole units of the clinic's
//! currency, already rounded the clinic's way.

use super::input::EstimateInput;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use super::messages::{Catalogue, Figure, Message, Msg};
use super::pattern::Region;

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

/// A sentence that explains a figure: its message id (the key of its
/// wording in every catalogue, and a stable id for tests), its figures by
/// name, and the sentence in English with the figures written in.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub id: Msg,
    /// The sentence in English, money written as `USD 2,800`.
    pub text: String,
    /// Each figure by its name in the message, in the message's order.
    pub values: Vec<(&'static str, Figure)>,
}

impl Note {
    /// A note with its figures; `currency` names the money in the English
    /// text (`USD 2,800`).
    pub fn new(id: Msg, values: &[(&'static str, Figure)], currency: &str) -> Self {
        let message = Message::new(id, values);
        Note {
            id,
            text: message.english(currency),
            values: message.values,
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
    /// The same gap in weeks, to the half week.
    pub weeks_between_sessions: MinMax<f64>,
    /// Weeks from the first session to the last, to the half week: the
    /// gaps of `weeks_between_sessions` added up.
    pub weeks: MinMax<f64>,
    /// The same for the typical number of sessions only: the span of the
    /// schedule the widget shows.
    pub typical_weeks: MinMax<f64>,
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
#[serde(rename_all = "lowercase")]
pub enum Candidacy {
    Yes,
    Caution,
    No,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TransplantQuote {
    /// Grafts the whole area needs.
    pub grafts: Spread<u32>,
    /// Grafts planned, operated on and priced: the need, at most what the
    /// donor area can give with its reserve kept.
    pub planned_grafts: Spread<u32>,
    pub surgeries: Spread<u32>,
    /// Grafts the visitor's donor area can still give over a lifetime,
    /// after any earlier surgery.
    pub donor_capacity: u32,
    /// Grafts an earlier surgery took (0 without a scar).
    pub donor_taken: u32,
    /// Grafts of `donor_capacity` kept in reserve for further loss.
    pub donor_reserve: u32,
    /// Typical grafts the plan cannot cover: the area SMP could fill.
    pub shortfall_grafts: u32,
    /// `None` when surgery is not advised (`candidate` is `No`).
    pub cost: Option<Spread<u64>>,
    /// Why the cost is not grafts times the price per graft, when it is not.
    pub cost_note: Option<Note>,
    /// Hours in the chair over all surgeries.
    pub chair_hours: MinMax<f64>,
    /// Total days off work over all surgeries.
    pub downtime_days: MinMax<u32>,
    pub months_to_result: MinMax<u32>,
    pub candidate: Candidacy,
    /// The donor supply in one sentence, for beside the figures.
    pub donor_summary: Note,
    pub notes: Vec<Note>,
    /// Maintenance medication a year, when the clinic counts it.
    pub medication_per_year: Option<u64>,
}

/// SMP and a transplant together: grafts where they matter most (hairline
/// and front) within the donor budget, SMP for the rest.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CombinedQuote {
    /// The regions transplanted, front first, and their area.
    pub transplant_regions: Vec<Region>,
    pub transplant_area_cm2: f64,
    pub grafts: Spread<u32>,
    pub surgeries: Spread<u32>,
    /// The regions SMP covers and their area.
    pub smp_regions: Vec<Region>,
    pub smp_area_cm2: f64,
    pub smp_sessions: Spread<u32>,
    /// Surgery and SMP together.
    pub cost: Spread<u64>,
    pub transplant_cost: Spread<u64>,
    pub smp_cost: Spread<u64>,
    /// Hours in the chair: the surgery's and the SMP sessions' together.
    pub chair_hours: MinMax<f64>,
    pub downtime_days: MinMax<u32>,
    pub months_to_result: MinMax<u32>,
    pub notes: Vec<Note>,
}

/// Cumulative typical cost at the end of each year, from year 0 (the
/// treatment itself) to `years`; `None` for a treatment the quote does
/// not offer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lifetime {
    pub years: u32,
    pub smp: Vec<u64>,
    pub transplant: Option<Vec<u64>>,
    pub combined: Option<Vec<u64>>,
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
    /// The combined plan, or `None` when it makes no sense (see
    /// `combined_note`).
    pub combined: Option<CombinedQuote>,
    /// Why there is no combined plan, when there is none.
    pub combined_note: Option<Note>,
    pub lifetime: Lifetime,
    /// How each figure was reached, in plain words (docs/model.md in short).
    pub breakdown: Vec<Note>,
    /// The clinic's booking page with the visitor's answers in the query
    /// string (pattern, area, sessions; nothing personal), or `None` when
    /// the clinic has no booking link.
    pub booking_url: Option<String>,
}

/// A note as JSON: its id, its English text and template, and its figures
/// (left out when it has none).
impl Serialize for Note {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = if self.values.is_empty() { 3 } else { 4 };
        let mut note = serializer.serialize_struct("Note", fields)?;
        note.serialize_field("id", self.id.key())?;
        note.serialize_field("text", &self.text)?;
        note.serialize_field("template", Catalogue::english().text(self.id))?;
        if !self.values.is_empty() {
            note.serialize_field("values", &Values(&self.values))?;
        }
        note.end()
    }
}

/// A note's figures by name.
struct Values<'a>(&'a [(&'static str, Figure)]);

impl Serialize for Values<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, figure) in self.0 {
            map.serialize_entry(name, figure)?;
        }
        map.end()
    }
}

impl Candidacy {
    /// As named in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Candidacy::Yes => "yes",
            Candidacy::Caution => "caution",
            Candidacy::No => "no",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ToJson, Value};

    #[test]
    fn notes_carry_their_english_text_and_their_figures() {
        let note = Note::new(
            Msg::InsufficientDonor,
            &[
                ("grafts", Figure::Count(2450)),
                ("capacity", Figure::Count(1800)),
            ],
            "USD",
        );
        assert_eq!(
            note.text,
            "Even the smallest estimate (2,450 grafts) is more than the donor area can give (about 1,800); SMP can add the density a transplant cannot."
        );
        let json = note.to_json();
        assert_eq!(
            json.get("id").and_then(Value::as_str),
            Some("insufficient-donor")
        );
        assert_eq!(
            json.get("template").and_then(Value::as_str),
            Some(Catalogue::english().text(Msg::InsufficientDonor))
        );
    }
}
