//! Lead capture, off unless the clinic turns it on: the clinic's settings
//! for it (where requests go and the consent wording), the checks on a
//! visitor's consultation request, and what is sent: the same JSON for the
//! `smp-estimator:lead` event, the clinic's endpoint and (as text) email.

use serde::{Deserialize, Serialize};

use super::input::EstimateInput;
use super::messages::Figure;
use super::messages::{Catalogue, Msg, Plain, Writer};
use super::problem::FieldError;
use super::quote::Quote;
use super::settings::{clinic_figures, DEFAULT_CLINIC_NAME};
use super::value::{to_value, Value};

/// Where a consultation request goes; `ClinicSettings::lead` is `None`
/// (the default) when the clinic takes none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct LeadSettings {
    /// The clinic's own endpoint that receives the request as a JSON POST:
    /// `https://`, or `http://` on `localhost` and `127.0.0.1` for testing.
    pub endpoint: Option<String>,
    /// An address to open the visitor's email app to (`mailto:`) when there
    /// is no endpoint.
    pub email: Option<String>,
    /// The wording of the consent checkbox, in the clinic's words; the
    /// default wording is shown in the visitor's language.
    pub consent: String,
}

/// The default consent as the clinic's settings hold it: English, for a
/// clinic without a name (the setup page shows it in its field).
fn default_consent() -> String {
    Catalogue::english().format(
        Msg::LeadConsent,
        &clinic_figures(DEFAULT_CLINIC_NAME),
        &Plain { currency: "" },
    )
}

impl Default for LeadSettings {
    fn default() -> Self {
        LeadSettings {
            endpoint: None,
            email: None,
            consent: default_consent(),
        }
    }
}

impl LeadSettings {
    /// The consent wording the visitor reads: the clinic's own, or the
    /// default in the visitor's language.
    /// The default wording names the clinic when it has a name ("I agree
    /// that Northside Hair Studio may contact me"), written by `writer`.
    pub fn consent_in(
        &self,
        messages: &Catalogue,
        clinic_name: &str,
        writer: &dyn Writer,
    ) -> String {
        if self.consent == default_consent() {
            messages.format(Msg::LeadConsent, &clinic_figures(clinic_name), writer)
        } else {
            self.consent.clone()
        }
    }
}

/// Checks the clinic's lead settings; each problem names its field.
pub fn check_settings(lead: &LeadSettings) -> Vec<FieldError> {
    let mut problems = Vec::new();
    if let Some(endpoint) = &lead.endpoint {
        if let Err(why) = check_endpoint(endpoint) {
            problems.push(FieldError::new("lead.endpoint", why));
        }
    }
    if let Some(email) = &lead.email {
        if !is_email(email) {
            problems.push(FieldError::new(
                "lead.email",
                "must be an email address such as hello@clinic.example",
            ));
        }
    }
    let consent = lead.consent.trim();
    if consent.is_empty() || consent.chars().count() > 500 {
        problems.push(FieldError::new(
            "lead.consent",
            "must be 1 to 500 characters",
        ));
    }
    problems
}

/// Where visitors' contact details go: https, or http on this machine for
/// testing. The host is read as a browser reads it, so
/// `http://localhost:80@evil.example/` (which goes to evil.example) is
/// refused, not taken for localhost.
fn check_endpoint(url: &str) -> Result<(), &'static str> {
    let (secure, rest) = match (url.strip_prefix("https://"), url.strip_prefix("http://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        _ => return Err("must start with https://"),
    };
    let hostname = super::web_address::authority_host(rest)?;
    if !secure && !super::web_address::is_loopback(hostname) {
        return Err("must start with https:// (http:// only on localhost, for testing)");
    }
    if url.len() > 2000 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must be one address of at most 2000 characters without spaces");
    }
    Ok(())
}

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
    fn clinic_settings_are_checked() {
        let lead = |endpoint: Option<&str>, email: Option<&str>, consent: &str| LeadSettings {
            endpoint: endpoint.map(Into::into),
            email: email.map(Into::into),
            consent: consent.into(),
        };
        assert_eq!(check_settings(&LeadSettings::default()), []);
        assert_eq!(
            check_settings(&lead(
                Some("https://clinic.example/leads"),
                Some("a@b.co"),
                "OK"
            )),
            []
        );
        assert_eq!(
            check_settings(&lead(Some("http://127.0.0.1:9000/leads"), None, "OK")),
            []
        );
        let fields: Vec<String> = check_settings(&lead(
            Some("http://clinic.example/leads"),
            Some("nope"),
            " ",
        ))
        .into_iter()
        .map(|p| p.to_string())
        .collect();
        assert_eq!(
            fields,
            [
                "lead.endpoint: must start with https:// (http:// only on localhost, for testing)",
                "lead.email: must be an email address such as hello@clinic.example",
                "lead.consent: must be 1 to 500 characters",
            ]
        );
        assert!(
            check_settings(&lead(Some("javascript:alert(1)"), None, "OK"))[0]
                .message
                .starts_with("must start with https://")
        );
    }

    #[test]
    fn an_endpoint_is_where_a_browser_would_send_it() {
        use crate::web_address::USER_INFO_REFUSED;
        assert_eq!(check_endpoint("http://localhost:8080/leads"), Ok(()));
        assert_eq!(check_endpoint("http://[::1]:9000/leads"), Ok(()));
        // Before the @ is a user name: these go to evil.example.
        for url in [
            "http://localhost:80@evil.example/",
            "http://127.0.0.1@evil.example/leads",
            "https://clinic.example@evil.example/leads",
        ] {
            assert_eq!(check_endpoint(url), Err(USER_INFO_REFUSED), "{url}");
        }
        assert_eq!(
            check_endpoint("http://localhost.evil.example/leads"),
            Err("must start with https:// (http:// only on localhost, for testing)")
        );
        assert_eq!(
            check_endpoint("http://%6cocalhost/leads"),
            Err(crate::web_address::HOST_REFUSED)
        );
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
