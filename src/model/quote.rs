//! The quote the engine returns: every figure the widget, the command-line
//! tool and the JavaScript API show. Money is in whole units of the clinic's
//! currency, already rounded the clinic's way.

use super::input::EstimateInput;
use super::json::{object, ToJson, Value};
use super::messages::{Catalogue, Figure, Message, Msg};
use super::pattern::Region;

/// A figure with its likely range and the value most visitors can expect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
#[derive(Clone, Copy, Debug, PartialEq)]
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

#[derive(Clone, Debug, PartialEq)]
pub struct TouchUpQuote {
    pub every_years: MinMax<f64>,
    pub cost: MinMax<u64>,
}

/// The financing behind `SmpQuote::monthly`.
#[derive(Clone, Debug, PartialEq)]
pub struct FinancingTerms {
    pub months: u32,
    pub apr_percent: f64,
}

#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Candidacy {
    Yes,
    Caution,
    No,
}

#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
pub struct Lifetime {
    pub years: u32,
    pub smp: Vec<u64>,
    pub transplant: Option<Vec<u64>>,
    pub combined: Option<Vec<u64>>,
}

#[derive(Clone, Debug, PartialEq)]
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

impl<T: ToJson> ToJson for Spread<T> {
    fn to_json(&self) -> Value {
        object([
            ("min", self.min.to_json()),
            ("typical", self.typical.to_json()),
            ("max", self.max.to_json()),
        ])
    }
}

impl<T: ToJson> ToJson for MinMax<T> {
    fn to_json(&self) -> Value {
        object([("min", self.min.to_json()), ("max", self.max.to_json())])
    }
}

impl ToJson for Note {
    fn to_json(&self) -> Value {
        let mut note = object([
            ("id", self.id.key().to_json()),
            ("text", self.text.to_json()),
            ("template", Catalogue::english().text(self.id).to_json()),
        ]);
        if !self.values.is_empty() {
            let values = self
                .values
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_json()));
            note.insert("values", Value::Object(values.collect()));
        }
        note
    }
}

impl ToJson for TouchUpQuote {
    fn to_json(&self) -> Value {
        object([
            ("every_years", self.every_years.to_json()),
            ("cost", self.cost.to_json()),
        ])
    }
}

impl ToJson for FinancingTerms {
    fn to_json(&self) -> Value {
        object([
            ("months", self.months.to_json()),
            ("apr_percent", self.apr_percent.to_json()),
        ])
    }
}

impl ToJson for SmpQuote {
    fn to_json(&self) -> Value {
        object([
            ("sessions", self.sessions.to_json()),
            ("hours_per_session", self.hours_per_session.to_json()),
            ("total_hours", self.total_hours.to_json()),
            (
                "days_between_sessions",
                self.days_between_sessions.to_json(),
            ),
            (
                "weeks_between_sessions",
                self.weeks_between_sessions.to_json(),
            ),
            ("weeks", self.weeks.to_json()),
            ("typical_weeks", self.typical_weeks.to_json()),
            ("cost", self.cost.to_json()),
            ("touch_up", self.touch_up.to_json()),
            ("monthly", self.monthly.to_json()),
            ("financing", self.financing.to_json()),
            ("redness_days", self.redness_days.to_json()),
            ("notes", self.notes.to_json()),
        ])
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

impl ToJson for TransplantQuote {
    fn to_json(&self) -> Value {
        object([
            ("grafts", self.grafts.to_json()),
            ("planned_grafts", self.planned_grafts.to_json()),
            ("surgeries", self.surgeries.to_json()),
            ("donor_capacity", self.donor_capacity.to_json()),
            ("donor_taken", self.donor_taken.to_json()),
            ("donor_reserve", self.donor_reserve.to_json()),
            ("shortfall_grafts", self.shortfall_grafts.to_json()),
            ("cost", self.cost.to_json()),
            ("cost_note", self.cost_note.to_json()),
            ("chair_hours", self.chair_hours.to_json()),
            ("downtime_days", self.downtime_days.to_json()),
            ("months_to_result", self.months_to_result.to_json()),
            ("candidate", self.candidate.id().to_json()),
            ("donor_summary", self.donor_summary.to_json()),
            ("notes", self.notes.to_json()),
            ("medication_per_year", self.medication_per_year.to_json()),
        ])
    }
}

impl ToJson for CombinedQuote {
    fn to_json(&self) -> Value {
        object([
            ("transplant_regions", self.transplant_regions.to_json()),
            ("transplant_area_cm2", self.transplant_area_cm2.to_json()),
            ("grafts", self.grafts.to_json()),
            ("surgeries", self.surgeries.to_json()),
            ("smp_regions", self.smp_regions.to_json()),
            ("smp_area_cm2", self.smp_area_cm2.to_json()),
            ("smp_sessions", self.smp_sessions.to_json()),
            ("cost", self.cost.to_json()),
            ("transplant_cost", self.transplant_cost.to_json()),
            ("smp_cost", self.smp_cost.to_json()),
            ("chair_hours", self.chair_hours.to_json()),
            ("downtime_days", self.downtime_days.to_json()),
            ("months_to_result", self.months_to_result.to_json()),
            ("notes", self.notes.to_json()),
        ])
    }
}

impl ToJson for Lifetime {
    fn to_json(&self) -> Value {
        object([
            ("years", self.years.to_json()),
            ("smp", self.smp.to_json()),
            ("transplant", self.transplant.to_json()),
            ("combined", self.combined.to_json()),
        ])
    }
}

impl ToJson for Quote {
    fn to_json(&self) -> Value {
        object([
            ("input", self.input.to_json()),
            ("area_cm2", self.area_cm2.to_json()),
            ("currency", self.currency.to_json()),
            ("locale", self.locale.to_json()),
            ("smp", self.smp.to_json()),
            ("transplant", self.transplant.to_json()),
            ("combined", self.combined.to_json()),
            ("combined_note", self.combined_note.to_json()),
            ("lifetime", self.lifetime.to_json()),
            ("breakdown", self.breakdown.to_json()),
            ("booking_url", self.booking_url.to_json()),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
