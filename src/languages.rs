//! The visitor's language files: English is compiled in; every other
//! language is downloaded once per page from `i18n/` next to the widget's
//! stylesheet, checked against its Subresource Integrity hash when the
//! release package knows it, and shared by every widget in that language.
//! The package's loader may have requested the page's language already,
//! while the WebAssembly was loading.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::page_settings::Speech;
use smp_engine::{Catalogue, ClinicSettings};
use smp_widget::js_value;

/// Where the language files are, and their hashes.
#[derive(Default)]
struct Files {
    /// The folder that holds `i18n/`, ending in `/` (or empty: the page's).
    folder: String,
    /// Each language file's SRI hash, by language.
    hashes: Vec<(String, String)>,
}

thread_local! {
    static FILES: RefCell<Files> = RefCell::new(Files::default());
    /// Each language's catalogue once downloaded (the request while it is
    /// under way), shared by every widget on the page.
    static CATALOGUES: RefCell<Vec<(&'static str, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
    /// Each language's catalogue once read, shared by its widgets.
    static READ: RefCell<Vec<(&'static str, Rc<Catalogue>)>> = const { RefCell::new(Vec::new()) };
}

/// Language files are next to the stylesheet at `stylesheet`, with these
/// `hashes` by language; `prefetched` holds the requests the loader has
/// made already (promises of the files' text, by language).
pub(crate) fn configure(
    stylesheet: &str,
    hashes: Vec<(String, String)>,
    prefetched: Vec<(String, JsValue)>,
) {
    let folder = stylesheet
        .rfind('/')
        .map_or("", |slash| &stylesheet[..=slash]);
    FILES.with(|files| {
        *files.borrow_mut() = Files {
            folder: folder.to_string(),
            hashes,
        }
    });
    CATALOGUES.with(|cache| {
        let mut cache = cache.borrow_mut();
        for (language, text) in prefetched {
            let known = smp_engine::messages::LANGUAGES
                .iter()
                .find(|l| **l == language);
            if let (Some(language), Ok(text)) = (known, text.dyn_into::<js_sys::Promise>()) {
                cache.push((language, text));
            }
        }
    });
}

/// The language tags that can choose a widget's language: the page's for
/// it (its element's `data-lang` and `lang`, then the nearest `lang` around
/// it) and the browser's.
pub(crate) fn language_tags(element: &Element) -> (Vec<String>, Vec<String>) {
    let mut page: Vec<String> = ["data-lang", "lang"]
        .iter()
        .filter_map(|name| element.get_attribute(name))
        .collect();
    if let Some(Some(around)) = element
        .parent_element()
        .map(|parent| parent.closest("[lang]").ok().flatten())
    {
        page.extend(around.get_attribute("lang"));
    }
    let browser = gloo::utils::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    (page, browser)
}

/// Where the catalogues are: `i18n/` next to the widget's stylesheet.
fn catalogue_url(language: &str) -> String {
    let folder = FILES.with(|files| files.borrow().folder.clone());
    format!("{folder}i18n/{language}.json")
}

/// The visitor's catalogue with the clinic's own wording. Each language is
/// read once per page and shared by its widgets; only a widget whose clinic
/// rewords messages gets a copy of its own.
pub(crate) async fn catalogue(speech: &Speech, settings: &ClinicSettings) -> Rc<Catalogue> {
    let language = speech.language;
    let read = READ.with(|read| {
        let read = read.borrow();
        read.iter()
            .find(|(l, _)| *l == language)
            .map(|(_, c)| c.clone())
    });
    let base = match read {
        Some(base) => base,
        None => {
            let base = Rc::new(load_catalogue(language).await);
            READ.with(|read| read.borrow_mut().push((language, base.clone())));
            base
        }
    };
    let overrides = settings
        .messages
        .iter()
        .find(|(l, _)| *l == base.language)
        .map(|(_, texts)| texts.as_slice())
        .unwrap_or_default();
    if overrides.is_empty() {
        base
    } else {
        Rc::new((*base).clone().with_overrides(overrides))
    }
}

/// `language`'s catalogue: English at once, any other downloaded once per
/// page (English if it cannot be).
async fn load_catalogue(language: &'static str) -> Catalogue {
    if language == "en" {
        Catalogue::english().clone()
    } else {
        let request = CATALOGUES.with(|catalogues| {
            let mut catalogues = catalogues.borrow_mut();
            if let Some((_, request)) = catalogues.iter().find(|(l, _)| *l == language) {
                return request.clone();
            }
            let url = catalogue_url(language);
            let integrity = FILES.with(|files| {
                let files = files.borrow();
                let hash = files.hashes.iter().find(|(l, _)| l == language);
                hash.map(|(_, hash)| hash.clone())
            });
            let request = wasm_bindgen_futures::future_to_promise(async move {
                fetch_text(&url, integrity.as_deref())
                    .await
                    .map(JsValue::from)
                    .map_err(JsValue::from)
            });
            catalogues.push((language, request.clone()));
            request
        });
        let text = wasm_bindgen_futures::JsFuture::from(request).await;
        let read = match &text {
            Ok(text) => js_value::parse(&text.as_string().unwrap_or_default())
                .and_then(|catalogue| Catalogue::read(language, &catalogue)),
            // A message of ours, or the loader's fetch's Error.
            Err(why) => Err(why.as_string().unwrap_or_else(|| {
                let error = why.dyn_ref::<js_sys::Error>().map(js_sys::Error::message);
                format!(
                    "could not be loaded: {}",
                    error.map(String::from).unwrap_or_default()
                )
            })),
        };
        match read {
            Ok(read) => {
                if !read.skipped.is_empty() {
                    web_sys::console::warn_1(
                        &format!(
                            "SMP estimator: {} messages of {language}.json were left out:\n{}",
                            read.skipped.len(),
                            read.skipped.join("\n")
                        )
                        .into(),
                    );
                }
                read.catalogue
            }
            Err(why) => {
                web_sys::console::warn_1(
                    &format!(
                        "SMP estimator: the {language} messages ({}) {why}; showing English",
                        catalogue_url(language)
                    )
                    .into(),
                );
                Catalogue::english().clone()
            }
        }
    }
}

/// The text at `url`, checked against `integrity` when given.
pub(crate) async fn fetch_text(url: &str, integrity: Option<&str>) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let message = |error: JsValue| {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|error| String::from(error.message()))
            .unwrap_or_else(|| "the request failed".into())
    };
    let init = web_sys::RequestInit::new();
    if let Some(integrity) = integrity {
        init.set_integrity(integrity);
    }
    let response: web_sys::Response =
        JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init))
            .await
            .map_err(|error| format!("could not be loaded: {}", message(error)))?
            .unchecked_into();
    if !response.ok() {
        return Err(format!("could not be loaded: HTTP {}", response.status()));
    }
    let text = response
        .text()
        .map_err(|error| format!("could not be read: {}", message(error)))?;
    JsFuture::from(text)
        .await
        .map(|text| text.as_string().unwrap_or_default())
        .map_err(|error| format!("could not be read: {}", message(error)))
}
