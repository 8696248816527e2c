use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::format::Formats;
use smp_engine::{mailto, Figure, LeadRequest, LeadSettings, Message, Msg, Quote, CONTACT_TIMES};
use smp_engine::{ToJson, Value};

#[derive(Properties, PartialEq)]
pub struct LeadFormProps {
    /// A page-unique prefix for element ids.
    pub id: AttrValue,
    pub quote: Rc<Quote>,
    pub formats: Rc<Formats>,
    /// Where requests go and the consent wording, from the clinic.
    pub lead: Rc<LeadSettings>,
    pub clinic_name: AttrValue,
    /// Told every valid request, before it is sent anywhere: the widget's
    /// element dispatches it as `smp-estimator:lead`.
    #[prop_or_default]
    pub onlead: Option<Callback<Rc<Value>>>,
}

/// Where a request stands.
#[derive(Clone, PartialEq)]
enum Status {
    Editing,
    Sending,
    Sent,
    /// The clinic's endpoint refused or could not be reached: why.
    Failed(Message),
    /// Ready for the visitor's email app: this `mailto:` link, which they
    /// follow to send it (a page cannot send email by itself).
    Emailed(String),
}

/// POSTs `body` as JSON to the clinic's endpoint; `Err` says why not, in
/// the visitor's words: a server's status code means nothing to them (the
/// clinic sees the exact refusal on its own side).
async fn post(endpoint: &str, body: &str) -> Result<(), Message> {
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&body.into());
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let unreachable = || Message::from(Msg::LeadFailedUnreachable);
    let headers = web_sys::Headers::new().map_err(|_| unreachable())?;
    let _ = headers.set("content-type", "application/json");
    init.set_headers(&headers);
    let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(endpoint, &init))
        .await
        .map_err(|_| unreachable())?;
    let response: web_sys::Response = response.unchecked_into();
    match response.status() {
        _ if response.ok() => Ok(()),
        // Too many requests from this connection (a rate limit): waiting helps.
        429 => Err(Msg::LeadFailedBusy.into()),
        400..=499 => Err(Msg::LeadFailedRefused.into()),
        _ => Err(Msg::LeadFailedServer.into()),
    }
}

/// "Request a consultation": off unless the clinic turns it on. Nothing is
/// collected or sent before the visitor submits; a failed send keeps every
/// field as typed and offers to try again.
#[function_component]
pub fn LeadForm(props: &LeadFormProps) -> Html {
    let open = use_state_eq(|| false);
    // When the form opened (`Date.now()`): the request says how long it
    // took to fill in, so a server can refuse what no person types that fast.
    let opened_at = use_mut_ref(|| 0.0);
    let request = use_mut_ref(LeadRequest::default);
    let errors = use_state_eq(Vec::<(&'static str, Msg)>::new);
    // Refused submits so far: focus moves again even when the problems
    // are the same as last time.
    let refusals = use_state_eq(|| 0u32);
    let status = use_state_eq(|| Status::Editing);
    let form = use_node_ref();
    let field_id = |name: &str| format!("{}-lead-{name}", props.id);
    let formats = &props.formats;
    let text = |id: Msg| formats.t(id).to_string();
    let clinic = smp_engine::clinic_figures(&props.clinic_name);
    let error_of = |name: &str| {
        errors
            .iter()
            .find(|(field, _)| *field == name)
            .map(|(_, message)| text(*message))
    };

    // After a refused submit, focus goes to the first field to fix (once
    // it shows its message).
    {
        let form = form.clone();
        use_effect_with(((*errors).clone(), *refusals), move |(errors, _)| {
            let first = errors.first().and_then(|first| {
                let form = form.cast::<web_sys::HtmlFormElement>()?;
                form.query_selector(&format!("[name={}]", first.0)).ok()?
            });
            if let Some(field) = first {
                let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    }
    let onopen = {
        let (open, opened_at) = (open.clone(), opened_at.clone());
        Callback::from(move |_: MouseEvent| {
            *opened_at.borrow_mut() = js_sys::Date::now();
            open.set(true)
        })
    };
    let onsubmit = {
        let (request, errors, status, form) = (
            request.clone(),
            errors.clone(),
            status.clone(),
            form.clone(),
        );
        let (refusals, opened_at) = (refusals.clone(), opened_at.clone());
        let (quote, lead, onlead, formats, clinic_name) = (
            props.quote.clone(),
            props.lead.clone(),
            props.onlead.clone(),
            props.formats.clone(),
            props.clinic_name.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(form) = form.cast::<web_sys::HtmlFormElement>() else {
                return;
            };
            // Read what is on screen, so nothing typed is ever lost.
            let value = |name: &str| {
                form.query_selector(&format!("[name={name}]"))
                    .ok()
                    .flatten()
                    .map(|field| match field.dyn_into::<HtmlInputElement>() {
                        Ok(input) if input.type_() == "checkbox" => input.checked().to_string(),
                        Ok(input) => input.value(),
                        Err(field) => field.unchecked_into::<HtmlSelectElement>().value(),
                    })
                    .unwrap_or_default()
            };
            let typed = LeadRequest {
                name: value("name"),
                contact: value("contact"),
                contact_time: value("contact_time"),
                consent: value("consent") == "true",
            };
            *request.borrow_mut() = typed.clone();
            let problems = typed.check();
            if !problems.is_empty() {
                // The effect above moves focus to the first field to fix.
                errors.set(problems);
                refusals.set(*refusals + 1);
                return;
            }
            errors.set(Vec::new());
            // The page as origin and path only: its query can hold click ids
            // (gclid, fbclid) and tokens that are no business of the
            // clinic's inbox; the utm_* travel on their own, in `campaign`.
            let location = gloo::utils::window().location();
            let page = format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            );
            let consent = lead.consent_in(&formats.messages, &clinic_name, &*formats);
            // The campaign as the visitor's address means it, decoded.
            let campaign: Vec<(&str, String)> = super::campaign()
                .into_iter()
                .map(|(name, value)| {
                    let decoded = js_sys::decode_uri_component(&value).map(String::from);
                    (name, decoded.unwrap_or(value))
                })
                .collect();
            let mut payload = typed.payload(&consent, &quote, &page, &campaign);
            // For the receiving server's bot checks: the hidden field that
            // only a bot fills in, and the time taken to fill in the form.
            let fill_ms = (js_sys::Date::now() - *opened_at.borrow()).max(0.0).round();
            payload.insert(
                "bot_check",
                Value::object(vec![
                    ("leave_empty", value("leave_empty").to_json()),
                    ("fill_ms", fill_ms.to_json()),
                ]),
            );
            let body = crate::js_value::to_text(&payload);
            if let Some(onlead) = &onlead {
                onlead.emit(Rc::new(payload));
            }
            if let Some(endpoint) = lead.endpoint.clone() {
                status.set(Status::Sending);
                let status = status.clone();
                yew::platform::spawn_local(async move {
                    status.set(match post(&endpoint, &body).await {
                        Ok(()) => Status::Sent,
                        Err(why) => Status::Failed(why),
                    });
                });
            } else if let Some(email) = &lead.email {
                let url = mailto(
                    email,
                    formats.t(Msg::LeadEmailSubject),
                    &typed.email_body(&quote, &formats.messages, &clinic_name, &*formats),
                );
                // The one action does what it said: the email app opens with
                // the request written; the link below stays in
                // case a browser opens nothing.
                let _ = gloo::utils::window().location().set_href(&url);
                status.set(Status::Emailed(url));
            } else {
                status.set(Status::Sent);
            }
        })
    };

    if !*open {
        // With a booking link too, booking is the one next step: the form
        // is offered as the other way, in other words.
        let (class, label) = if props.quote.booking_url.is_some() {
            ("smp-tool smp-lead-open smp-lead-other", Msg::LeadOpenOther)
        } else {
            ("smp-tool smp-lead-open", Msg::LeadOpen)
        };
        return html! {
            <div class="smp-lead">
                <button type="button" {class} onclick={onopen}>
                    { text(label) }
                </button>
            </div>
        };
    }
    let typed = request.borrow().clone();
    let sending = *status == Status::Sending;
    let invalid = |name: &str| {
        if error_of(name).is_some() {
            "true"
        } else {
            "false"
        }
    };
    let described =
        |name: &str| error_of(name).map(|_| AttrValue::from(field_id(&format!("{name}-error"))));
    let message = |name: &str| {
        error_of(name).map(|error| {
            html! {
                <p id={field_id(&format!("{name}-error"))} class="smp-field-error">{ error }</p>
            }
        })
    };
    let outcome = match &*status {
        Status::Editing => None,
        Status::Sending => {
            Some(html! { <p class="smp-small" role="status">{ text(Msg::LeadSending) }</p> })
        }
        Status::Sent => Some(html! {
            <p class="smp-lead-sent" role="status" data-figure="lead-status">
                { formats.f(Msg::LeadSent, &clinic) }
            </p>
        }),
        Status::Failed(why) => Some(html! {
            <p class="smp-field-error" role="alert" data-figure="lead-status">
                { formats.f(Msg::LeadFailed, &[("reason", Figure::Text(formats.message(why)))]) }
            </p>
        }),
        Status::Emailed(url) => Some(html! {
            <p class="smp-lead-sent" role="status" data-figure="lead-status">
                { formats.f(Msg::LeadEmailOpened, &clinic) }
                { " " }
                <a href={url.clone()} data-figure="lead-mailto">
                    { formats.f(Msg::LeadOpenEmail, &clinic) }
                </a>
            </p>
        }),
    };
    // With only an email address, the one action says what it does.
    let by_email = props.lead.endpoint.is_none() && props.lead.email.is_some();
    let submit_label = text(if matches!(*status, Status::Failed(_)) {
        Msg::LeadTryAgain
    } else if by_email {
        Msg::LeadContinueEmail
    } else {
        Msg::LeadSend
    });
    html! {
        <form class="smp-lead smp-lead-form" ref={form} {onsubmit} novalidate=true aria-labelledby={field_id("title")}>
            <h3 id={field_id("title")} class="smp-subheading">{ text(Msg::LeadOpen) }</h3>
            <p class="smp-small">{ formats.f(Msg::LeadIntro, &clinic) }</p>
            <div class="smp-lead-field">
                <label for={field_id("name")}>{ text(Msg::LeadName) }</label>
                <input id={field_id("name")} name="name" type="text" class="smp-lead-input" autocomplete="name" value={typed.name.clone()}
                    aria-invalid={invalid("name")} aria-describedby={described("name")} />
                { message("name") }
            </div>
            <div class="smp-lead-field">
                <label for={field_id("contact")}>{ text(Msg::LeadContact) }</label>
                <input id={field_id("contact")} name="contact" type="text" class="smp-lead-input" autocomplete="email" value={typed.contact.clone()}
                    aria-invalid={invalid("contact")} aria-describedby={described("contact")} />
                { message("contact") }
            </div>
            <div class="smp-lead-field">
                <label for={field_id("contact_time")}>{ text(Msg::LeadTime) }</label>
                <select id={field_id("contact_time")} name="contact_time" class="smp-select"
                    aria-invalid={invalid("contact_time")} aria-describedby={described("contact_time")}>
                    { for CONTACT_TIMES.iter().map(|(id, label)| html! {
                        <option value={*id} selected={typed.contact_time == *id || (typed.contact_time.is_empty() && *id == "any")}>{ text(*label) }</option>
                    }) }
                </select>
                { message("contact_time") }
            </div>
            <div class="smp-lead-field">
                <label class="smp-option">
                    <input name="consent" type="checkbox" checked={typed.consent}
                        aria-invalid={invalid("consent")} aria-describedby={described("consent")} />
                    <span>{ props.lead.consent_in(&formats.messages, &props.clinic_name, &**formats) }</span>
                </label>
                { message("consent") }
            </div>
            // A trap for bots that fill in every field: hidden from people,
            // screen readers and the tab order; a request with it filled in
            // is refused by the WordPress plugin.
            <div class="smp-visually-hidden" aria-hidden="true">
                <label for={field_id("leave_empty")}>{ text(Msg::LeadLeaveEmpty) }</label>
                <input id={field_id("leave_empty")} name="leave_empty" type="text" tabindex="-1" autocomplete="off" />
            </div>
            <button type="submit" class="smp-cta" disabled={sending}>{ submit_label }</button>
            { outcome }
        </form>
    }
}
