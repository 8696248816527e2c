use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::format::Formats;
use crate::stored::to_json;
use smp_engine::visitor_state::with_fragment_part;
use smp_engine::{Figure, Msg, Quote};

#[derive(Properties, PartialEq)]
pub struct VisitorToolsProps {
    /// The engine's quote.
    pub quote: Rc<Quote>,
    /// The visitor's language, with numbers and money for their locale.
    pub formats: Rc<Formats>,
    /// The clinic's name, for the summary.
    pub clinic_name: AttrValue,
    /// This widget's name on the page, for its part of a share link.
    pub share_key: AttrValue,
    /// Called when the visitor starts over.
    pub onstart_over: Callback<()>,
}

/// A plain-text summary for the visitor to keep.
fn summary(quote: &Quote, formats: &Formats, clinic: &str) -> String {
    let (smp, transplant) = (&quote.smp, &quote.transplant);
    let last = quote.lifetime.years as usize;
    let count = |n: u32| Figure::Count(n.into());
    [
        formats.f(Msg::SummaryTitle, &smp_engine::clinic_figures(clinic)),
        formats.f(
            Msg::SummaryPattern,
            &[
                ("pattern", Figure::Message(quote.input.pattern.info().name)),
                (
                    "area",
                    Figure::Decimal((quote.area_cm2 * 10.0).round() / 10.0),
                ),
            ],
        ),
        formats.f(
            Msg::SummarySmp,
            &[
                ("cost", Figure::Money(smp.cost.typical)),
                (
                    "range",
                    Figure::Text(formats.money_range(smp.cost.min, smp.cost.max)),
                ),
                ("sessions", count(smp.sessions.typical)),
                ("min", count(smp.sessions.min)),
                ("max", count(smp.sessions.max)),
            ],
        ),
        match transplant.cost {
            Some(cost) => formats.f(
                Msg::SummaryTransplant,
                &[
                    ("cost", Figure::Money(cost.typical)),
                    (
                        "range",
                        Figure::Text(formats.money_range(cost.min, cost.max)),
                    ),
                    ("grafts", count(transplant.grafts.typical)),
                    ("surgeries", count(transplant.surgeries.typical)),
                ],
            ),
            None => formats.t(Msg::SummaryTransplantNotAdvised).to_string(),
        },
        match &quote.combined {
            Some(plan) => formats.f(
                Msg::SummaryCombined,
                &[
                    ("cost", Figure::Money(plan.cost.typical)),
                    (
                        "range",
                        Figure::Text(formats.money_range(plan.cost.min, plan.cost.max)),
                    ),
                ],
            ),
            None => String::new(),
        },
        formats.f(
            Msg::SummaryLifetime,
            &[
                ("years", count(quote.lifetime.years)),
                ("smp", Figure::Money(quote.lifetime.smp[last])),
                (
                    "transplant",
                    match &quote.lifetime.transplant {
                        Some(costs) => Figure::Money(costs[last]),
                        None => Figure::Text(formats.t(Msg::TransplantNotAdvisedLabel).to_string()),
                    },
                ),
            ],
        ),
        formats.t(Msg::SummaryDisclaimer).to_string(),
    ]
    .into_iter()
    .filter(|line| !line.is_empty())
    .collect::<Vec<_>>()
    .join("\n")
}

/// Writes `text` to the clipboard; false when the browser refuses.
async fn copy(text: String) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(&text)).await.is_ok()
}

/// The page's address with this widget's answers in its fragment.
fn share_link(quote: &Quote, key: &str) -> Option<String> {
    let location = gloo::utils::window().location();
    let href = location.href().ok()?;
    let fragment = location.hash().ok().unwrap_or_default();
    let base = href.split('#').next().unwrap_or(&href).to_string();
    let encoded = String::from(js_sys::encode_uri_component(&to_json(&quote.input)));
    let fragment = with_fragment_part(fragment.trim_start_matches('#'), key, &encoded);
    Some(format!("{base}#{fragment}"))
}

/// Share this estimate, copy a summary, print, start over.
#[function_component]
pub fn VisitorTools(props: &VisitorToolsProps) -> Html {
    let status = use_state(|| None::<Msg>);
    let text = |id: Msg| props.formats.t(id).to_string();
    let link = use_state(|| None::<String>);
    let onshare = {
        let (quote, key, status, link) = (
            props.quote.clone(),
            props.share_key.clone(),
            status.clone(),
            link.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(url) = share_link(&quote, &key) else {
                return;
            };
            link.set(Some(url.clone()));
            let status = status.clone();
            yew::platform::spawn_local(async move {
                status.set(Some(if copy(url).await {
                    Msg::ShareCopied
                } else {
                    Msg::ShareCopyBelow
                }));
            });
        })
    };
    let oncopy = {
        let text = summary(&props.quote, &props.formats, &props.clinic_name);
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let (text, status) = (text.clone(), status.clone());
            yew::platform::spawn_local(async move {
                status.set(Some(if copy(text).await {
                    Msg::SummaryCopied
                } else {
                    Msg::CopyRefused
                }));
            });
        })
    };
    let onprint = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let onstart_over = {
        let (onstart_over, status, link) =
            (props.onstart_over.clone(), status.clone(), link.clone());
        Callback::from(move |_: MouseEvent| {
            link.set(None);
            status.set(None);
            onstart_over.emit(());
        })
    };
    html! {
        <div class="smp-tools">
            <div class="smp-tool-buttons">
                <button type="button" class="smp-tool" onclick={onshare}>{ text(Msg::ToolShare) }</button>
                <button type="button" class="smp-tool" onclick={oncopy}>{ text(Msg::ToolCopy) }</button>
                <button type="button" class="smp-tool" onclick={onprint}>{ text(Msg::ToolPrint) }</button>
                <button type="button" class="smp-tool" onclick={onstart_over}>{ text(Msg::ToolStartOver) }</button>
            </div>
            <p class="smp-small" role="status">{ status.map(text).unwrap_or_default() }</p>
            if let Some(url) = &*link {
                <label class="smp-share">
                    <span>{ text(Msg::ShareLinkLabel) }</span>
                    <input type="text" readonly=true class="smp-share-link" value={url.clone()} />
                </label>
            }
        </div>
    }
}
