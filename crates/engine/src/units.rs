//! The unit a visitor reads and types areas and lengths in: cm² and cm,
//! or in² and inches where the locale's region measures that way.

use crate::number;
use crate::{Msg, CM2_PER_IN2};

/// The unit the visitor reads and types areas in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    #[default]
    Cm2,
    In2,
}

impl Unit {
    /// The unit's symbol, as a message (Arabic writes سم²).
    pub fn symbol(self) -> Msg {
        match self {
            Unit::Cm2 => Msg::UnitCm2,
            Unit::In2 => Msg::UnitIn2,
        }
    }

    /// The locale's usual unit: square inches in the United States (and
    /// the two other countries that have not gone metric), cm² elsewhere.
    pub fn for_locale(locale: &str) -> Unit {
        locale
            .split(['-', '_'])
            .skip(1)
            .find(|part| part.len() == 2)
            .map_or(Unit::Cm2, Unit::for_region)
    }

    /// The usual unit of a region (`US`, `gb`).
    pub fn for_region(region: &str) -> Unit {
        match region.to_ascii_uppercase().as_str() {
            "US" | "LR" | "MM" => Unit::In2,
            _ => Unit::Cm2,
        }
    }

    /// Centimetres in this unit's length: inches beside in², so a US
    /// visitor gives a scar's length in inches too (they measure a scar in inches).
    pub fn length_from_cm(self, cm: f64) -> f64 {
        match self {
            Unit::Cm2 => cm,
            Unit::In2 => cm / CM_PER_IN,
        }
    }

    pub fn length_to_cm(self, value: f64) -> f64 {
        match self {
            Unit::Cm2 => value,
            Unit::In2 => value * CM_PER_IN,
        }
    }

    /// A length as the field shows it: cm to the half, inches to a tenth.
    pub fn show_length(self, cm: f64) -> String {
        let value = self.length_from_cm(cm);
        number::show(match self {
            Unit::Cm2 => (value * 2.0).round() / 2.0,
            Unit::In2 => (value * 10.0).round() / 10.0,
        })
    }

    /// The length unit's symbol, as a message.
    pub fn length_symbol(self) -> Msg {
        match self {
            Unit::Cm2 => Msg::LengthUnitCm,
            Unit::In2 => Msg::LengthUnitIn,
        }
    }

    /// An area in cm² shown in this unit.
    pub fn from_cm2(self, cm2: f64) -> f64 {
        match self {
            Unit::Cm2 => cm2,
            Unit::In2 => cm2 / CM2_PER_IN2,
        }
    }

    pub fn to_cm2(self, value: f64) -> f64 {
        match self {
            Unit::Cm2 => value,
            Unit::In2 => value * CM2_PER_IN2,
        }
    }

    /// An area as the field shows it: cm² to the whole unit, in² to a tenth.
    pub fn show(self, cm2: f64) -> String {
        number::show(self.rounded(cm2))
    }

    /// An area in this unit, rounded as it is shown.
    pub fn rounded(self, cm2: f64) -> f64 {
        let value = self.from_cm2(cm2);
        match self {
            Unit::Cm2 => value.round(),
            Unit::In2 => (value * 10.0).round() / 10.0,
        }
    }
}

/// Centimetres in an inch.
const CM_PER_IN: f64 = 2.54;
