//! The visitor's language and locale: the message catalogue, and numbers,
//! money, plurals and lists through the browser's own `Intl` rather than a
//! Rust copy of the locale data.

use std::rc::Rc;

use js_sys::{Array, Function};
use wasm_bindgen::JsValue;

use crate::state::Unit;
use smp_engine::messages::Writer;
use smp_engine::{number, thousands, Catalogue, Figure, Message, Msg, Note};

/// The messages and formatters for one visitor's language and locale and
/// the clinic's currency.
pub struct Formats {
    money: Option<Function>,
    price: Option<Function>,
    compact_money: Option<Function>,
    number: Option<Function>,
    percent: Option<Function>,
    plural: Option<Function>,
    list: Option<Function>,
    currency: String,
    /// The locale numbers are written for: `en-US`, `de`, `ar`.
    pub locale: String,
    pub messages: Rc<Catalogue>,
    /// The unit the visitor sees areas in.
    pub unit: Unit,
}

impl PartialEq for Formats {
    fn eq(&self, other: &Self) -> bool {
        self.currency == other.currency
            && self.locale == other.locale
            && self.unit == other.unit
            && Rc::ptr_eq(&self.messages, &other.messages)
    }
}

/// `new Intl[name](locale, options)[method]`, or `None` when the browser
/// refuses the locale or currency (it throws a RangeError, which must not
/// break the clinic's page) or lacks the constructor.
#[cfg(target_arch = "wasm32")]
fn intl(name: &str, method: &str, locale: &str, options: &[(&str, JsValue)]) -> Option<Function> {
    use js_sys::{Object, Reflect};
    use wasm_bindgen::JsCast;
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &name.into()).ok()?.dyn_into().ok()?;
    let settings = Object::new();
    for (key, value) in options {
        Reflect::set(&settings, &(*key).into(), value).ok()?;
    }
    let arguments = Array::of2(&Array::of1(&locale.into()), &settings);
    let formatter = Reflect::construct(&constructor, &arguments).ok()?;
    let method: Function = Reflect::get(&formatter, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some(method.bind0(&formatter))
}

#[cfg(target_arch = "wasm32")]
fn number_format(locale: &str, options: &[(&str, JsValue)]) -> Option<Function> {
    intl("NumberFormat", "format", locale, options)
}

fn call(format: &Option<Function>, value: f64) -> Option<String> {
    format
        .as_ref()?
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()?
        .as_string()
}

impl Formats {
    #[cfg(target_arch = "wasm32")]
    pub fn new(locale: &str, currency: &str, messages: Rc<Catalogue>) -> Self {
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
        // Grouped always, so a German axis writes "5.000 $" beside
        // "10.000 $" (CLDR leaves four digits ungrouped in compact form).
        let compact_money = currency_format(&[
            ("notation", "compact".into()),
            ("maximumFractionDigits", 1.into()),
            ("minimumFractionDigits", 0.into()),
            ("useGrouping", "always".into()),
        ]);
        Formats {
            money,
            price,
            compact_money,
            number: number_format(locale, &[("maximumFractionDigits", 1.into())]),
            // Two decimals for a rate such as 9.99% APR.
            percent: number_format(
                locale,
                &[
                    ("style", "percent".into()),
                    ("maximumFractionDigits", 2.into()),
                ],
            ),
            plural: intl("PluralRules", "select", locale, &[]),
            // Regions are listed as the language joins things ("A, B and
            // C"); CLDR's unit lists join with bare spaces in Turkish
            // ("Ön bölge Orta bölge"), as in "3 saat 20 dakika".
            list: intl(
                "ListFormat",
                "format",
                locale,
                &[("type", "conjunction".into()), ("style", "long".into())],
            ),
            currency: currency.to_string(),
            locale: locale.to_string(),
            messages,
            unit: Unit::Cm2,
        }
    }

    /// Natively there is no `Intl`: the plain formats each method falls
    /// back to (the first screen, rendered at build time, writes no figure
    /// that needs more).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(locale: &str, currency: &str, messages: Rc<Catalogue>) -> Self {
        Formats {
            money: None,
            price: None,
            compact_money: None,
            number: None,
            percent: None,
            plural: None,
            list: None,
            currency: currency.to_string(),
            locale: locale.to_string(),
            messages,
            unit: Unit::Cm2,
        }
    }

    /// The same formats, with areas in `unit`.
    pub fn in_unit(mut self, unit: Unit) -> Self {
        self.unit = unit;
        self
    }

    /// A message without figures.
    pub fn t(&self, id: Msg) -> &str {
        self.messages.text(id)
    }

    /// A message with its figures written for the locale.
    pub fn f(&self, id: Msg, values: &[(&str, Figure)]) -> String {
        self.messages.format(id, values, self)
    }

    pub fn message(&self, message: &Message) -> String {
        self.messages.message(message, self)
    }

    /// The text of `id` before and after its figure `name`.
    pub fn around(&self, id: Msg, name: &str) -> (String, String) {
        self.messages.around(id, name)
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
            self.range(self.money(min), self.money(max))
        }
    }

    /// Two figures as a range, the language's way: `$2,000 – $3,000`.
    fn range(&self, min: String, max: String) -> String {
        self.f(
            Msg::Range,
            &[("min", Figure::Text(min)), ("max", Figure::Text(max))],
        )
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

    /// An engine note in the visitor's language.
    pub fn note(&self, note: &Note) -> String {
        self.f(note.id, &note.values)
    }

    /// Short money for chart axes: `$10K`, `10.000 €`.
    pub fn money_compact(&self, amount: u64) -> String {
        call(&self.compact_money, amount as f64).unwrap_or_else(|| self.money(amount))
    }

    /// A figure with up to one decimal in the locale's style: `2.5`, `2,5`.
    pub fn decimal(&self, value: f64) -> String {
        call(&self.number, value).unwrap_or_else(|| number::show(value))
    }

    /// A share given in percent (20 for 20%) with the locale's sign where
    /// the locale puts it: `20%`, `20 %`, `%20`, `٢٠٪`.
    pub fn percent(&self, value: f64) -> String {
        call(&self.percent, value / 100.0).unwrap_or_else(|| format!("{}%", self.decimal(value)))
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
            self.range(self.number(min), self.number(max))
        }
    }

    /// A whole number in the locale's digits: `12` or `١٢`.
    pub fn count(&self, value: impl Into<u64>) -> String {
        self.number(value.into())
    }
}

/// The upper end of a range written by [`Formats::decimal_range`], as the
/// figure `max` that chooses the form of the noun after the range: `2–3
/// hours`, `1 hour`; Arabic `٢–٥ ساعات` but `٨–١٢ ساعة` (the noun agrees
/// with the last number).
pub fn range_end(value: f64) -> Figure {
    Figure::Decimal((value * 10.0).round() / 10.0)
}

impl Writer for Formats {
    fn number(&self, figure: &Figure) -> String {
        match *figure {
            Figure::Money(amount) => self.money(amount),
            Figure::Price(amount) => self.price(amount),
            Figure::Count(count) => Formats::number(self, count),
            Figure::Decimal(value) => self.decimal(value),
            Figure::Percent(value) => self.percent(value),
            _ => String::new(),
        }
    }

    fn plural(&self, value: f64) -> String {
        call(&self.plural, value)
            .unwrap_or_else(|| if value == 1.0 { "one" } else { "other" }.into())
    }

    fn list(&self, items: Vec<String>) -> String {
        let array: Array = items.iter().map(|item| JsValue::from_str(item)).collect();
        self.list
            .as_ref()
            .and_then(|format| format.call1(&JsValue::NULL, &array).ok())
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| items.join(", "))
    }

    /// An area in the visitor's unit, with the unit as their language
    /// writes it (سم² in Arabic).
    fn area(&self, cm2: f64) -> String {
        format!(
            "{} {}",
            self.decimal(match self.unit {
                Unit::Cm2 => cm2,
                Unit::In2 => self.unit.rounded(cm2),
            }),
            self.t(self.unit.symbol())
        )
    }
}
