use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::format::Formats;
use crate::model::Quote;
use crate::visitor_state::{to_json, with_fragment_part};

#[derive(Properties, PartialEq)]
pub struct VisitorToolsProps {
    /// The engine's quote.
    pub quote: Rc<Quote>,
    /// Number and money formats for the clinic's locale.
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
    [
        format!("SMP estimate from {clinic}"),
        format!(
            "Pattern: {}, {} cm²",
            quote.input.pattern.info().name,
            formats.decimal((quote.area_cm2 * 10.0).round() / 10.0)
        ),
        format!(
            "SMP: about {} (usually {}), {} sessions ({}–{})",
            formats.money(smp.cost.typical),
            formats.money_range(smp.cost.min, smp.cost.max),
            smp.sessions.typical,
            smp.sessions.min,
            smp.sessions.max
        ),
        format!(
            "Hair transplant: about {} (usually {}), {} grafts, {} surgery days",
            formats.money(transplant.cost.typical),
            formats.money_range(transplant.cost.min, transplant.cost.max),
            formats.number(transplant.grafts.typical.into()),
            transplant.surgeries
        ),
        format!(
            "Over {} years: SMP {}, hair transplant {}",
            quote.lifetime.years,
            formats.money(quote.lifetime.smp[last]),
            formats.money(quote.lifetime.transplant[last])
        ),
        "An estimate, not a medical assessment or a binding quote.".to_string(),
    ]
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
    let status = use_state(String::new);
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
                status.set(if copy(url).await {
                    "Link copied: anyone who opens it sees this estimate.".into()
                } else {
                    "Copy the link below to share this estimate.".into()
                });
            });
        })
    };
    let oncopy = {
        let text = summary(&props.quote, &props.formats, &props.clinic_name);
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let (text, status) = (text.clone(), status.clone());
            yew::platform::spawn_local(async move {
                status.set(if copy(text).await {
                    "Summary copied.".into()
                } else {
                    "Your browser did not allow copying; try printing instead.".into()
                });
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
            status.set(String::new());
            onstart_over.emit(());
        })
    };
    html! {
        <div class="smp-tools">
            <div class="smp-tool-buttons">
                <button type="button" class="smp-tool" onclick={onshare}>{ "Share this estimate" }</button>
                <button type="button" class="smp-tool" onclick={oncopy}>{ "Copy summary" }</button>
                <button type="button" class="smp-tool" onclick={onprint}>{ "Print" }</button>
                <button type="button" class="smp-tool" onclick={onstart_over}>{ "Start over" }</button>
            </div>
            <p class="smp-small" role="status">{ (*status).clone() }</p>
            if let Some(url) = &*link {
                <label class="smp-share">
                    <span>{ "Link to this estimate" }</span>
                    <input type="text" readonly=true class="smp-share-link" value={url.clone()} />
                </label>
            }
        </div>
    }
}
