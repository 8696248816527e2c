//! The widget's first screen as static markup, rendered at build time by
//! Yew's server renderer from the same [`Estimator`] the browser runs: its
//! frame, title, group switch, every group's picker with its drawings, the
//! further details' closed summary and the hint beside them. The package's
//! loader shows it inside the widget's element before any WebAssembly has
//! loaded (about 3 KB gzip per language against about 200 KB), and the live
//! widget takes its place once it has drawn the same thing, so nothing moves.

use std::rc::Rc;

use smp_engine::Catalogue;

use crate::components::{Estimator, EstimatorProps};

/// The first screen in `messages`' language, as HTML: one
/// `<section class="smp-estimator">`, without hydration markers.
pub fn render(messages: Rc<Catalogue>) -> String {
    let props = EstimatorProps {
        locale: Some(messages.language.clone().into()),
        messages,
        first_screen: true,
        ..EstimatorProps::default()
    };
    let renderer = yew::LocalServerRenderer::<Estimator>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

#[cfg(test)]
mod tests {
    use super::*;
    use smp_engine::{Msg, Pattern};

    #[test]
    fn the_first_screen_holds_every_pattern_as_a_radio_with_its_drawing() {
        let html = render(Rc::new(Catalogue::english().clone()));
        assert_eq!(
            html.matches(r#"class="smp-choice-input""#).count(),
            Pattern::all().count()
        );
        for pattern in Pattern::all() {
            let radio = format!(
                r#"<input value="{}" type="radio" name="smp-static-pattern""#,
                pattern.info().id
            );
            assert!(html.contains(&radio), "no radio for {}", pattern.info().id);
        }
        // A drawing per pattern, each with its accessible name.
        assert_eq!(
            html.matches(r#"role="img""#).count(),
            Pattern::all().count()
        );
        assert!(html.contains(Catalogue::english().text(Msg::WidgetTitle)));
        // One group shown, two hidden, and nothing chosen yet.
        assert_eq!(html.matches(r#"class="smp-picker""#).count(), 3);
        assert_eq!(
            html.matches(r#"<div hidden="hidden" class="smp-picker">"#)
                .count(),
            2
        );
        let pattern_radios: Vec<&str> = html
            .split("<input ")
            .filter_map(|rest| rest.split('>').next())
            .filter(|tag| tag.contains(r#"name="smp-static-pattern""#))
            .collect();
        assert_eq!(pattern_radios.len(), Pattern::all().count());
        assert!(pattern_radios.iter().all(|tag| !tag.contains("checked")));
        assert!(html.contains(Catalogue::english().text(Msg::HintChoosePattern)));
    }

    #[test]
    fn the_first_screen_is_in_the_visitors_language_and_direction() {
        let arabic = smp_engine::json::parse(include_str!("../../../i18n/ar.json")).unwrap();
        let arabic = Catalogue::read("ar", &arabic).unwrap().catalogue;
        let title = arabic.text(Msg::WidgetTitle).to_string();
        let html = render(Rc::new(arabic));
        assert!(html.contains(r#"lang="ar""#) && html.contains(r#"dir="rtl""#));
        assert!(html.contains(&title));
    }

    #[test]
    fn the_first_screen_runs_no_script_and_calls_nothing() {
        let html = render(Rc::new(Catalogue::english().clone()));
        for unwanted in ["<script", "javascript:", "style="] {
            assert!(!html.contains(unwanted), "{unwanted} in the first screen");
        }
        // No event handler attribute (` onclick=`, ` onchange=`...).
        let handler = html.split(" on").skip(1).find(|rest| {
            let name: String = rest.chars().take_while(char::is_ascii_lowercase).collect();
            !name.is_empty() && rest[name.len()..].starts_with('=')
        });
        assert_eq!(handler, None);
    }
}
