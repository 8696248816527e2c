use super::*;

fn english(id: Msg, values: &[(&str, Figure)]) -> String {
    Catalogue::english().format(id, values, &Plain { currency: "USD" })
}

#[test]
fn english_reads_with_every_message() {
    let english = Catalogue::english();
    assert_eq!(english.text(Msg::WidgetTitle), "Your SMP estimate");
    assert!(!english.is_rtl());
    for id in Msg::all() {
        assert_ne!(english.text(id), id.key(), "{} is missing", id.key());
        assert_eq!(Msg::from_key(id.key()), Some(id));
    }
}

#[test]
fn plurals_choose_their_form_and_write_the_number() {
    let years = |n| english(Msg::YearsOption, &[("years", Figure::Count(n))]);
    assert_eq!(years(1), "1 year");
    assert_eq!(years(10), "10 years");
    assert_eq!(
        english(
            Msg::CompareSmpSessions,
            &[
                ("sessions", Figure::Count(1_000)),
                ("min", Figure::Count(2)),
                ("max", Figure::Count(4))
            ]
        ),
        "1,000 sessions (2–4)"
    );
}

#[test]
fn selects_choose_their_branch_with_nested_figures() {
    let note = |partial| {
        english(
            Msg::ExplainGrafts,
            &[
                ("grafts_min", Figure::Count(1_200)),
                ("grafts_max", Figure::Count(1_800)),
                ("partial", Figure::Word(partial)),
                ("coverage", Figure::Percent(50.0)),
            ],
        )
    };
    assert!(note("yes").ends_with("hairline, at 50% of that where hair or scar tissue remains."));
    assert!(note("no").ends_with("densest at the hairline."));
}

#[test]
fn a_percent_is_a_figure_of_its_own_and_catalogues_write_no_sign() {
    // The sign is the writer's: English has it after the number, other
    // locales before it or after a space (the widget asks Intl).
    let rate = english(
        Msg::SmpMonthly,
        &[
            ("monthly", Figure::Money(150)),
            ("months", Figure::Count(24)),
            ("apr", Figure::Percent(9.99)),
        ],
    );
    assert_eq!(rate, "or about USD 150 a month over 24 months at 9.99% APR");
    assert_eq!(Figure::Percent(20.0).kind(), "percent");
}

#[test]
fn the_noun_after_a_range_takes_the_form_of_its_upper_end() {
    let hours = |range: &str, max| {
        english(
            Msg::SmpHoursValue,
            &[
                ("hours", Figure::Text(range.into())),
                ("max", Figure::Decimal(max)),
            ],
        )
    };
    assert_eq!(hours("2–3", 3.0), "2–3 hours");
    assert_eq!(hours("1", 1.0), "1 hour");
    assert_eq!(hours("0.5–1.5", 1.5), "0.5–1.5 hours");
}

#[test]
fn a_translation_replaces_english_and_english_fills_the_gaps() {
    let read = Catalogue::read(
            "de",
            &crate::json::parse(r#"{"widget-title": "Ihre SMP-Schätzung", "nope": "x", "years-option": "{years, plural, one {# Jahr} other {# Jahre}}", "book": "{clinik}"}"#).unwrap(),
        )
        .unwrap();
    let german = read.catalogue;
    assert_eq!(german.text(Msg::WidgetTitle), "Ihre SMP-Schätzung");
    assert_eq!(german.text(Msg::GroupMen), "Men");
    assert_eq!(
        german.format(
            Msg::YearsOption,
            &[("years", Figure::Count(2))],
            &Plain { currency: "" }
        ),
        "2 Jahre"
    );
    assert_eq!(
        read.skipped,
        [
            "nope: is not a message id",
            "book: {clinik} is not one of this message's figures ({clinic}, {named})"
        ]
    );
}

#[test]
fn malformed_messages_say_what_is_wrong() {
    assert_eq!(placeholders("a {b} c").unwrap(), ["b"]);
    assert!(placeholders("a {b c").is_err());
    assert!(placeholders("a } c").is_err());
    assert!(placeholders("{n, plural, one {#}}")
        .unwrap_err()
        .contains("other"));
    assert!(placeholders("{n, choose, other {#}}").is_err());
    assert!(placeholders("{Name}").is_err());
    assert_eq!(
        choices("{n, plural, =0 {none} one {#} other {{m} #}}").unwrap(),
        [(
            "n".to_string(),
            "plural".to_string(),
            vec!["=0".to_string(), "one".into(), "other".into()]
        )]
    );
}

#[test]
fn text_around_a_figure() {
    assert_eq!(
        Catalogue::english().around(Msg::Usually, "range"),
        ("usually ".to_string(), String::new())
    );
}
