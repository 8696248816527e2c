//! Numbers and money in the clinic's locale, through the browser's own
//! `Intl.NumberFormat` rather than a Rust copy of the locale data.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::{number, thousands, Figure, Note};

/// Formatters for one locale and currency.
pub struct Formats {
    money: Option<Function>,
    price: Option<Function>,
    compact_money: Option<Function>,
    number: Option<Function>,
    currency: String,
}

impl PartialEq for Formats {
    fn eq(&self, other: &Self) -> bool {
        self.currency == other.currency && self.money == other.money
    }
}

/// `Intl.NumberFormat(locale, options).format`, or `None` when the browser
/// refuses the locale or currency (it throws a RangeError, which must not
/// break the clinic's page).
fn number_format(locale: &str, options: &[(&str, JsValue)]) -> Option<Function> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &"NumberFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let settings = Object::new();
    for (key, value) in options {
        Reflect::set(&settings, &(*key).into(), value).ok()?;
    }
    let arguments = Array::of2(&Array::of1(&locale.into()), &settings);
    let formatter = Reflect::construct(&constructor, &arguments).ok()?;
    Reflect::get(&formatter, &"format".into())
        .ok()?
        .dyn_into()
        .ok()
}

fn call(format: &Option<Function>, value: f64) -> Option<String> {
    format
        .as_ref()?
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()?
        .as_string()
}

impl Formats {
    pub fn new(locale: &str, currency: &str) -> Self {
        let currency_format = |extra: &[(&str, JsValue)]| {
            let mut options = vec![("style", "currency".into()), ("currency", currency.into())];
            options.extend(extra.iter().cloned());
            number_format(locale, &options)
        };
        let money = currency_format(&[
            ("maximumFractionDigits", 0.into()),
            ("minimumFractionDigits", 0.into()),
        ]);
        let price = currency_format(&[
            ("maximumFractionDigits", 2.into()),
            ("minimumFractionDigits", 0.into()),
        ]);
        let compact_money = currency_format(&[
            ("notation", "compact".into()),
            ("maximumFractionDigits", 1.into()),
        ]);
        Formats {
            money,
            price,
            compact_money,
            number: number_format(locale, &[("maximumFractionDigits", 1.into())]),
            currency: currency.to_string(),
        }
    }

    /// `$3,500` in en-US, `3.500 €` in de-DE, `£2,400` in en-GB.
    pub fn money(&self, amount: u64) -> String {
        call(&self.money, amount as f64)
            .unwrap_or_else(|| format!("{} {}", self.currency, thousands(amount)))
    }

    pub fn money_range(&self, min: u64, max: u64) -> String {
        if min == max {
            self.money(min)
        } else {
            format!("{} – {}", self.money(min), self.money(max))
        }
    }

    /// A count with the locale's grouping: `2,450` or `2.450`.
    pub fn number(&self, value: u64) -> String {
        call(&self.number, value as f64).unwrap_or_else(|| thousands(value))
    }

    /// A unit price that may have cents: `$4`, `0,65 €`.
    pub fn price(&self, amount: f64) -> String {
        call(&self.price, amount)
            .unwrap_or_else(|| format!("{} {}", self.currency, number::fixed(amount, 2)))
    }

    /// An engine note with its figures in the clinic's locale.
    pub fn note(&self, note: &Note) -> String {
        note.render(|figure| match figure {
            Figure::Money(amount) => self.money(amount),
            Figure::Price(amount) => self.price(amount),
            Figure::Count(count) => self.number(count),
            Figure::Decimal(value) => self.decimal(value),
        })
    }

    /// Short money for chart axes: `$10K`, `10.000 €`.
    pub fn money_compact(&self, amount: u64) -> String {
        call(&self.compact_money, amount as f64).unwrap_or_else(|| self.money(amount))
    }

    /// A figure with up to one decimal in the locale's style: `2.5`, `2,5`.
    pub fn decimal(&self, value: f64) -> String {
        call(&self.number, value).unwrap_or_else(|| number::show(value))
    }

    /// `2–3` or `2,5–3` (one value when both ends are equal).
    pub fn decimal_range(&self, min: f64, max: f64) -> String {
        if min == max {
            self.decimal(min)
        } else {
            format!("{}–{}", self.decimal(min), self.decimal(max))
        }
    }

    pub fn number_range(&self, min: u64, max: u64) -> String {
        if min == max {
            self.number(min)
        } else {
            format!("{} – {}", self.number(min), self.number(max))
        }
    }
}
