//! Lead capture, off unless the clinic turns it on (`LeadSettings`, among
//! the clinic's settings): the checks on a visitor's consultation request,
//! and what is sent: the same JSON for the `smp-estimator:lead` event, the
//! clinic's endpoint and (as text) email.

use serde::Serialize;

use super::consultation::without_health;
use super::contact::{is_email, is_phone};
use super::input::EstimateInput;
use super::messages::Figure;
use super::messages::{Catalogue, Msg, Writer};
use super::quote::Quote;
use super::settings::clinic_figures;
use super::value::{to_value, Value};

/// When the visitor would like to be contacted.
pub const CONTACT_TIMES: [(&str, Msg); 4] = [
    ("any", Msg::LeadTimeAny),
    ("morning", Msg::LeadTimeMorning),
    ("afternoon", Msg::LeadTimeAfternoon),
    ("evening", Msg::LeadTimeEvening),
];

/// What a consultation request sends.
#[derive(Serialize)]
struct Payload<'a> {
    contact: Contact<'a>,
    consent: Consent<'a>,
    input: &'a EstimateInput,
    quote: &'a Quote,
    page: &'a str,
    campaign: Campaign<'a>,
}

#[derive(Serialize)]
struct Contact<'a> {
    name: &'a str,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    contact_time: &'a str,
}

#[derive(Serialize)]
struct Consent<'a> {
    given: bool,
    text: &'a str,
}

/// The campaign parameters as an object, in the address's order.
struct Campaign<'a>(&'a [(&'a str, String)]);

impl Serialize for Campaign<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

/// A visitor's consultation request, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeadRequest {
    pub name: String,
    /// An email address or a phone number.
    pub contact: String,
    /// One of [`CONTACT_TIMES`]' ids.
    pub contact_time: String,
    pub consent: bool,
}

impl LeadRequest {
    /// Every problem with the request, each naming its field (`name`,
    /// `contact`, `contact_time`, `consent`) with a message in the
    /// visitor's words.
    pub fn check(&self) -> Vec<(&'static str, Msg)> {
        let mut problems = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            problems.push(("name", Msg::LeadErrorNameEmpty));
        } else if name.chars().count() > 100 {
            problems.push(("name", Msg::LeadErrorNameLong));
        }
        let contact = self.contact.trim();
        if contact.is_empty() {
            problems.push(("contact", Msg::LeadErrorContactEmpty));
        } else if contact.contains('@') {
            if !is_email(contact) {
                problems.push(("contact", Msg::LeadErrorContactEmail));
            }
        } else if !is_phone(contact) {
            problems.push(("contact", Msg::LeadErrorContactInvalid));
        }
        if !CONTACT_TIMES.iter().any(|(id, _)| *id == self.contact_time) {
            problems.push(("contact_time", Msg::LeadErrorTime));
        }
        if !self.consent {
            problems.push(("consent", Msg::LeadErrorConsent));
        }
        problems
    }

    /// What is sent: the contact details, the consent as worded, the
    /// answers and the quote, the page the request came from and the
    /// campaign (`utm_*`) parameters of its address.
    pub fn payload(
        &self,
        consent_text: &str,
        quote: &Quote,
        page: &str,
        campaign: &[(&str, String)],
    ) -> Value {
        // Health answers stay in the visitor's browser.
        let quote = &without_health(quote);
        let contact = self.contact.trim();
        let (email, phone) = if contact.contains('@') {
            (Some(contact), None)
        } else {
            (None, Some(contact))
        };
        to_value(&Payload {
            contact: Contact {
                name: self.name.trim(),
                email,
                phone,
                contact_time: &self.contact_time,
            },
            consent: Consent {
                given: true,
                text: consent_text,
            },
            input: &quote.input,
            quote,
            page,
            campaign: Campaign(campaign),
        })
    }

    /// A readable summary for an email to the clinic, in the visitor's
    /// language (they send it from their own email app).
    pub fn email_body(
        &self,
        quote: &Quote,
        messages: &Catalogue,
        clinic_name: &str,
        writer: &dyn Writer,
    ) -> String {
        let time = CONTACT_TIMES
            .iter()
            .find(|(id, _)| *id == self.contact_time)
            .map_or(Msg::LeadTimeAny, |(_, label)| *label);
        let (smp, transplant) = (&quote.smp, &quote.transplant);
        // No transplant price when surgery is not advised.
        let advised = if transplant.cost.is_some() {
            "yes"
        } else {
            "no"
        };
        let cost = transplant.cost.unwrap_or(crate::Spread {
            min: 0,
            typical: 0,
            max: 0,
        });
        messages.format(
            Msg::LeadEmailBody,
            &[
                ("name", Figure::Text(self.name.trim().into())),
                ("contact", Figure::Text(self.contact.trim().into())),
                ("time", Figure::Message(time)),
                ("pattern", Figure::Message(quote.input.pattern.info().name)),
                ("area", Figure::Count(quote.area_cm2.round() as u64)),
                ("smp", Figure::Money(smp.cost.typical)),
                ("smp_min", Figure::Money(smp.cost.min)),
                ("smp_max", Figure::Money(smp.cost.max)),
                ("sessions", Figure::Count(smp.sessions.typical.into())),
                ("advised", Figure::Word(advised)),
                ("transplant", Figure::Money(cost.typical)),
                ("transplant_min", Figure::Money(cost.min)),
                ("transplant_max", Figure::Money(cost.max)),
                ("grafts", Figure::Count(transplant.grafts.typical.into())),
                clinic_figures(clinic_name)[0].clone(),
                clinic_figures(clinic_name)[1].clone(),
            ],
            writer,
        )
    }
}

/// `mailto:` for `to` with a subject and body, percent-encoded.
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    format!(
        "mailto:{}?subject={}&body={}",
        encode(to),
        encode(subject),
        encode(body)
    )
}

fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LeadSettings;
    use crate::{estimate, ClinicSettings, EstimateInput, Pattern, ToJson};

    fn request(name: &str, contact: &str, time: &str, consent: bool) -> LeadRequest {
        LeadRequest {
            name: name.into(),
            contact: contact.into(),
            contact_time: time.into(),
            consent,
        }
    }

    fn fields(request: &LeadRequest) -> Vec<String> {
        request
            .check()
            .into_iter()
            .map(|(field, _)| field.to_string())
            .collect()
    }

    #[test]
    fn a_complete_request_passes() {
        assert_eq!(
            fields(&request("Sam Lee", "sam@example.org", "morning", true)),
            Vec::<String>::new()
        );
        assert_eq!(
            fields(&request("Sam", "+44 (0)20 7946-0958", "any", true)),
            Vec::<String>::new()
        );
    }

    #[test]
    fn every_problem_names_its_field() {
        assert_eq!(
            fields(&request(" ", "", "", false)),
            ["name", "contact", "contact_time", "consent"]
        );
        for contact in [
            "sam@",
            "@example.org",
            "sam@example",
            "sam lee@example.org",
            "12345",
            "call me",
            "+44 +20 7946 0958",
        ] {
            assert_eq!(
                fields(&request("Sam", contact, "any", true)),
                ["contact"],
                "{contact}"
            );
        }
        assert_eq!(
            fields(&request(&"x".repeat(101), "sam@example.org", "any", true)),
            ["name"]
        );
    }

    #[test]
    fn health_answers_never_leave_in_a_request() {
        use crate::{Calibre, HealthCondition, Msg};
        let input = EstimateInput {
            smp_health: vec![HealthCondition::Pregnancy, HealthCondition::BloodThinners],
            calibre: Some(Calibre::Fine),
            ..EstimateInput::new(Pattern::Norwood5)
        };
        let quote = estimate(&input, &ClinicSettings::default()).unwrap();
        // The visitor sees the cautions on their own screen…
        let ids = |quote: &Quote| -> Vec<Msg> {
            quote
                .smp
                .notes
                .iter()
                .chain(&quote.breakdown)
                .map(|n| n.id)
                .collect()
        };
        assert!(ids(&quote).contains(&Msg::SmpHealthCaution));
        assert!(ids(&quote).contains(&Msg::ExplainHealth));
        // …and the clinic's request carries neither the answers nor them.
        let payload =
            request("Sam", "sam@example.org", "any", true).payload("Yes.", &quote, "", &[]);
        let text = crate::json::to_text(&payload);
        for private in ["pregnancy", "blood-thinners", "smp_health", "smp-health"] {
            assert!(!text.contains(private), "{private} in {text}");
        }
        // The rest of the answers and the figures still travel.
        assert!(text.contains("\"calibre\":\"fine\""), "{text}");
        let sent = without_health(&quote);
        assert_eq!(sent.transplant.grafts, quote.transplant.grafts);
        assert_eq!(sent.smp.cost, quote.smp.cost);
    }

    #[test]
    fn the_payload_carries_the_request_the_answers_and_the_quote() {
        let quote = estimate(
            &EstimateInput::new(Pattern::Norwood4),
            &ClinicSettings::default(),
        )
        .unwrap();
        let payload = request("Sam Lee ", "sam@example.org", "evening", true).payload(
            "I agree.",
            &quote,
            "https://clinic.example/smp?utm_source=news",
            &[("utm_source", "news".into())],
        );
        let contact = payload.get("contact").unwrap();
        assert_eq!(contact.get("name").and_then(Value::as_str), Some("Sam Lee"));
        assert_eq!(
            contact.get("email").and_then(Value::as_str),
            Some("sam@example.org")
        );
        assert_eq!(contact.get("phone"), Some(&Value::Null));
        assert_eq!(
            payload
                .get("consent")
                .and_then(|c| c.get("text"))
                .and_then(Value::as_str),
            Some("I agree.")
        );
        assert_eq!(payload.get("quote"), Some(&quote.to_json()));
        assert_eq!(payload.get("input"), Some(&quote.input.to_json()));
        assert_eq!(
            payload.get("campaign").map(crate::json::to_text).as_deref(),
            Some(r#"{"utm_source":"news"}"#)
        );
        let body = request("Sam", "sam@example.org", "evening", true).email_body(
            &quote,
            Catalogue::english(),
            "Northside Hair Studio",
            &crate::messages::Plain { currency: "USD" },
        );
        assert!(body.contains("Best time: Evenings"), "{body}");
        // The default consent and its echo name the clinic that has a name.
        assert!(
            body.contains("I agreed that Northside Hair Studio may contact me"),
            "{body}"
        );
        let plain = crate::messages::Plain { currency: "" };
        let default = LeadSettings::default();
        assert_eq!(
            default.consent_in(Catalogue::english(), "Northside Hair Studio", &plain),
            "I agree that Northside Hair Studio may contact me about this estimate and keep my details for that purpose."
        );
        assert!(default
            .consent_in(Catalogue::english(), "Our clinic", &plain)
            .starts_with("I agree that the clinic may contact me"));
        // The clinic's own wording is kept as it is.
        let own = LeadSettings {
            consent: "Ja.".into(),
            ..LeadSettings::default()
        };
        assert_eq!(own.consent_in(Catalogue::english(), "X", &plain), "Ja.");
        assert!(body.contains("SMP estimate: USD 2,800"), "{body}");
        assert_eq!(
            mailto("hello@clinic.example", "SMP consultation", "Line 1\nLine 2 & €"),
            "mailto:hello@clinic.example?subject=SMP%20consultation&body=Line%201%0ALine%202%20%26%20%E2%82%AC"
        );
    }
}
