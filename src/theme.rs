//! The widget's look on the clinic's page: its stylesheet, linked into
//! every shadow root (with its Subresource Integrity hash when the release
//! package knows it), and the clinic's accent and font.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};

use smp_engine::Theme;

/// The widget's stylesheet, and its SRI hash when the package knows it.
#[derive(Clone, Default)]
struct Stylesheet {
    href: String,
    integrity: Option<String>,
}

thread_local! {
    static STYLESHEET: RefCell<Stylesheet> = RefCell::new(Stylesheet::default());
}

/// Every widget links the stylesheet at `href`, checked against `integrity`.
pub(crate) fn set_stylesheet(href: String, integrity: Option<String>) {
    STYLESHEET.with(|sheet| *sheet.borrow_mut() = Stylesheet { href, integrity });
}

/// Links the stylesheet into `shadow`, with `container` hidden until it has
/// loaded (or failed to), so that the visitor never sees the widget
/// unstyled.
pub(crate) fn link_stylesheet(shadow: &ShadowRoot, container: &Element) {
    let stylesheet = STYLESHEET.with(|sheet| sheet.borrow().clone());
    if stylesheet.href.is_empty() {
        return;
    }
    // The loader's first screen linked the same stylesheet here: once it
    // has loaded, the live widget shares it rather than fetch it again
    // while its WebAssembly is still downloading (a host that says
    // `no-store` would send it twice).
    let loaded = shadow
        .query_selector("link[data-smp-first-screen]")
        .ok()
        .flatten()
        .and_then(|link| js_sys::Reflect::get(&link, &"sheet".into()).ok())
        .is_some_and(|sheet| sheet.is_object());
    if loaded {
        return;
    }
    let Ok(link) = gloo::utils::document().create_element("link") else {
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &stylesheet.href);
    if let Some(integrity) = &stylesheet.integrity {
        let _ = link.set_attribute("integrity", integrity);
        let _ = link.set_attribute("crossorigin", "anonymous");
    }
    let _ = container.set_attribute("hidden", "");
    for event in ["load", "error"] {
        let container = container.clone();
        gloo::events::EventListener::once(&link, event, move |_| {
            let _ = container.remove_attribute("hidden");
        })
        .forget();
    }
    let _ = shadow.append_child(&link);
}

/// The clinic's accent and font, as custom properties set with the CSSOM,
/// which a strict Content-Security-Policy allows (a style attribute it
/// would not).
pub(crate) fn apply(container: &Element, theme: &Theme) {
    if let Some(style) = container.dyn_ref::<HtmlElement>().map(HtmlElement::style) {
        if let Some(accent) = &theme.accent {
            let _ = style.set_property("--smp-accent", accent);
        }
        if let Some(font) = &theme.font {
            let _ = style.set_property("--smp-font", font);
        }
    }
}
