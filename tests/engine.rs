//! The engine's contract, checked over thousands of random inputs and
//! settings: it never panics, every range is ordered and every figure finite,
//! and a larger area or a later stage never gives fewer grafts or sessions
//! or a lower cost.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};
use smp_estimator::model::{
    estimate, estimate_json, json, price_sheet, Candidacy, ClinicSettings, Donor, EstimateInput,
    Financing, Goal, Pattern, PriceBand, PriceRange, Quote, Region, Scale, Scar, ScarKind, Span,
    WHOLE_SCALP_CM2,
};

fn pattern() -> impl Strategy<Value = Pattern> {
    let all: Vec<Pattern> = Pattern::all().collect();
    proptest::sample::select(all)
}

fn scar() -> impl Strategy<Value = Option<Scar>> {
    prop_oneof![
        Just(None),
        Just(Some(Scar {
            kind: ScarKind::Fue,
            length_cm: None
        })),
        (0.1..=40.0f64).prop_map(|length| Some(Scar {
            kind: ScarKind::Fut,
            length_cm: Some(length)
        })),
    ]
}

fn input() -> impl Strategy<Value = EstimateInput> {
    (
        pattern(),
        proptest::option::of(0.01..=WHOLE_SCALP_CM2),
        scar(),
        prop_oneof![Just(Goal::Shaved), Just(Goal::Density)],
        prop_oneof![Just(Donor::Good), Just(Donor::Average), Just(Donor::Poor)],
        1..=30u32,
        proptest::option::of(proptest::sample::subsequence(Region::ALL.to_vec(), 1..=5)),
    )
        .prop_map(
            |(pattern, area_cm2, scar, goal, donor, years, regions)| EstimateInput {
                pattern,
                area_cm2,
                regions,
                scar,
                goal,
                donor,
                years,
            },
        )
}

/// An ordered price range between 0 and `max`.
fn price_range(max: f64) -> impl Strategy<Value = PriceRange> {
    proptest::array::uniform3(0.0..=max).prop_map(|mut prices| {
        prices.sort_by(f64::total_cmp);
        PriceRange {
            min: prices[0],
            typical: prices[1],
            max: prices[2],
        }
    })
}

fn span(max: f64) -> impl Strategy<Value = Span> {
    (0.0..=max, 0.0..=max).prop_map(|(a, b)| Span {
        min: a.min(b),
        max: a.max(b),
    })
}

/// Valid clinic settings of every kind: bands or per-session pricing, any
/// rounding step, with and without financing and medication.
fn settings() -> impl Strategy<Value = ClinicSettings> {
    let bands = proptest::collection::vec((1.0..=WHOLE_SCALP_CM2, price_range(20_000.0)), 1..6)
        .prop_map(|mut bands| {
            bands.sort_by(|a, b| a.0.total_cmp(&b.0));
            bands.dedup_by(|a, b| a.0 == b.0);
            // Prices must not fall as the area grows: take running maxima.
            let mut floor = PriceRange {
                min: 0.0,
                typical: 0.0,
                max: 0.0,
            };
            bands
                .into_iter()
                .map(|(up_to_cm2, price)| {
                    floor = PriceRange {
                        min: price.min.max(floor.min),
                        typical: price.typical.max(floor.typical),
                        max: price.max.max(floor.max),
                    };
                    let max = floor.max.max(floor.typical);
                    floor.max = max;
                    floor.typical = floor.typical.max(floor.min);
                    floor.max = floor.max.max(floor.typical);
                    PriceBand {
                        up_to_cm2,
                        price: floor,
                    }
                })
                .collect::<Vec<_>>()
        });
    let pricing = prop_oneof![
        bands.prop_map(|bands| (bands, None)),
        (1.0..5_000.0f64).prop_map(|per_session| (Vec::new(), Some(per_session))),
    ];
    (
        pricing,
        0.0..5_000.0f64,
        price_range(3_000.0),
        span(2_000.0),
        (0.5..=10.0f64, 0.0..=10.0f64),
        price_range(20.0),
        500..=6000u32,
        proptest::option::of(0.0..200.0f64),
        proptest::option::of((0.0..=30.0f64, proptest::collection::vec(1..=120u32, 1..4))),
        prop_oneof![
            Just(1.0),
            Just(10.0),
            Just(50.0),
            Just(100.0),
            0.01..1_000.0f64
        ],
    )
        .prop_map(
            |(
                (bands, price_per_session),
                minimum_fee,
                scar_addon,
                touch_up_price,
                (touch_up_min, touch_up_extra),
                price_per_graft,
                grafts_per_surgery,
                medication,
                financing,
                rounding_step,
            )| {
                let mut settings = ClinicSettings {
                    rounding_step,
                    ..ClinicSettings::default()
                };
                settings.smp.bands = bands;
                settings.smp.price_per_session = price_per_session;
                settings.smp.minimum_fee = minimum_fee;
                settings.smp.scar_addon = scar_addon;
                settings.smp.touch_up.price = touch_up_price;
                settings.smp.touch_up.every_years = Span {
                    min: touch_up_min,
                    max: (touch_up_min + touch_up_extra).min(30.0),
                };
                settings.transplant.price_per_graft = price_per_graft;
                settings.transplant.grafts_per_surgery = grafts_per_surgery;
                settings.transplant.medication_per_month = medication;
                settings.financing = financing.map(|(apr_percent, terms_months)| Financing {
                    apr_percent,
                    terms_months,
                });
                settings
            },
        )
}

fn ordered<T: PartialOrd + Copy>(min: T, typical: T, max: T) -> bool {
    min <= typical && typical <= max
}

fn check_quote(quote: &Quote, input: &EstimateInput) -> Result<(), TestCaseError> {
    let smp = &quote.smp;
    let transplant = &quote.transplant;
    prop_assert!(quote.area_cm2.is_finite() && quote.area_cm2 > 0.0);
    prop_assert!(ordered(
        smp.sessions.min,
        smp.sessions.typical,
        smp.sessions.max
    ));
    prop_assert!(smp.sessions.min >= 1);
    prop_assert!(ordered(smp.cost.min, smp.cost.typical, smp.cost.max));
    let hours = smp.hours_per_session;
    prop_assert!(hours.min.is_finite() && hours.min > 0.0 && hours.min <= hours.max);
    prop_assert!(smp.weeks.min <= smp.weeks.max);
    prop_assert!(smp.days_between_sessions.min <= smp.days_between_sessions.max);
    prop_assert!(smp.touch_up.every_years.min <= smp.touch_up.every_years.max);
    prop_assert!(smp.touch_up.cost.min <= smp.touch_up.cost.max);
    prop_assert_eq!(smp.monthly.is_some(), smp.financing.is_some());
    let grafts = transplant.grafts;
    prop_assert!(ordered(grafts.min, grafts.typical, grafts.max) && grafts.min > 0);
    prop_assert!(ordered(
        transplant.cost.min,
        transplant.cost.typical,
        transplant.cost.max
    ));
    prop_assert!(transplant.surgeries >= 1);
    prop_assert_eq!(
        transplant.shortfall_grafts,
        grafts.typical.saturating_sub(transplant.donor_capacity)
    );
    prop_assert!(transplant.downtime_days.min <= transplant.downtime_days.max);
    prop_assert!(transplant.months_to_result.min <= transplant.months_to_result.max);
    prop_assert!(
        !transplant.notes.is_empty(),
        "candidacy is always explained"
    );
    if transplant.shortfall_grafts > 0 {
        prop_assert!(transplant.candidate != Candidacy::Yes);
    }
    let lifetime = &quote.lifetime;
    prop_assert_eq!(lifetime.years, input.years);
    prop_assert_eq!(lifetime.smp.len(), input.years as usize + 1);
    prop_assert_eq!(lifetime.transplant.len(), input.years as usize + 1);
    prop_assert_eq!(lifetime.smp[0], smp.cost.typical);
    prop_assert_eq!(lifetime.transplant[0], transplant.cost.typical);
    prop_assert!(lifetime.smp.windows(2).all(|w| w[0] <= w[1]));
    prop_assert!(lifetime.transplant.windows(2).all(|w| w[0] <= w[1]));
    Ok(())
}

/// Figures that must never fall when the area or the stage grows.
fn growing_figures(quote: &Quote) -> [u64; 11] {
    let (smp, transplant) = (&quote.smp, &quote.transplant);
    [
        u64::from(smp.sessions.min),
        u64::from(smp.sessions.typical),
        u64::from(smp.sessions.max),
        smp.cost.min,
        smp.cost.typical,
        smp.cost.max,
        u64::from(transplant.grafts.min),
        u64::from(transplant.grafts.typical),
        u64::from(transplant.grafts.max),
        transplant.cost.typical,
        u64::from(transplant.surgeries),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn any_valid_input_and_settings_give_a_sound_quote(input in input(), settings in settings()) {
        prop_assert_eq!(settings.validate(), vec![]);
        let quote = estimate(&input, &settings).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        check_quote(&quote, &input)?;
    }

    #[test]
    fn a_larger_area_never_gives_fewer_grafts_sessions_or_a_lower_cost(
        input in input(),
        settings in settings(),
        areas in (0.01..=WHOLE_SCALP_CM2, 0.01..=WHOLE_SCALP_CM2),
    ) {
        let (small, large) = (areas.0.min(areas.1), areas.0.max(areas.1));
        let quote = |area| estimate(&EstimateInput { area_cm2: Some(area), ..input.clone() }, &settings).unwrap();
        let (small_quote, large_quote) = (quote(small), quote(large));
        let pairs = growing_figures(&small_quote).into_iter().zip(growing_figures(&large_quote));
        for (index, (smaller, larger)) in pairs.enumerate() {
            prop_assert!(smaller <= larger, "figure {} fell from {} to {} as the area grew from {} to {}", index, smaller, larger, small, large);
        }
        prop_assert!(small_quote.smp.hours_per_session.max <= large_quote.smp.hours_per_session.max);
    }

    #[test]
    fn a_later_stage_never_gives_fewer_grafts_sessions_or_a_lower_cost(
        settings in settings(),
        donor in prop_oneof![Just(Donor::Good), Just(Donor::Average), Just(Donor::Poor)],
        goal in prop_oneof![Just(Goal::Shaved), Just(Goal::Density)],
    ) {
        for scale in [Scale::Norwood, Scale::Ludwig] {
            let quotes: Vec<Quote> = Pattern::all()
                .filter(|pattern| pattern.scale() == scale)
                .map(|pattern| estimate(&EstimateInput { donor, goal, ..EstimateInput::new(pattern) }, &settings).unwrap())
                .collect();
            for pair in quotes.windows(2) {
                let earlier = growing_figures(&pair[0]);
                let later = growing_figures(&pair[1]);
                prop_assert!(
                    earlier.iter().zip(later).all(|(a, b)| *a <= b),
                    "{:?} → {:?}: {:?} → {:?}", pair[0].input.pattern, pair[1].input.pattern, earlier, later
                );
            }
        }
    }

    #[test]
    fn invalid_figures_in_code_are_refused_not_panicked_on(
        input in input(),
        area in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-1.0), Just(0.0), 776.0..1e9],
        step in prop_oneof![Just(f64::NAN), Just(0.0), Just(-50.0), Just(f64::INFINITY)],
        price in prop_oneof![Just(f64::NAN), Just(-1.0), Just(f64::INFINITY)],
    ) {
        let bad_input = EstimateInput { area_cm2: Some(area), ..input.clone() };
        let problems = estimate(&bad_input, &ClinicSettings::default()).unwrap_err();
        prop_assert_eq!(problems[0].field.as_str(), "area_cm2");

        let mut settings = ClinicSettings {
            rounding_step: step,
            ..ClinicSettings::default()
        };
        settings.transplant.price_per_graft.max = price;
        let problems = estimate(&input, &settings).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        prop_assert_eq!(fields, vec!["rounding_step", "transplant.price_per_graft.max"]);
    }

    #[test]
    fn arbitrary_json_never_panics(input in json_value(3), settings in json_value(3)) {
        // Either a quote or field-level problems, each naming a field.
        if let Err(problems) = estimate_json(&ours(&input), &ours(&settings)) {
            prop_assert!(!problems.is_empty());
            prop_assert!(problems.iter().all(|p| !p.field.is_empty() && !p.message.is_empty()));
        }
    }

    #[test]
    fn plausible_json_inputs_are_read_or_refused_by_field(
        pattern in prop_oneof![Just(json!("norwood-4")), Just(json!("ludwig-9")), Just(json!(4)), Just(Value::Null)],
        area in prop_oneof![Just(json!(50)), Just(json!(-2)), Just(json!("50")), Just(Value::Null), Just(json!(1e300))],
        years in prop_oneof![Just(json!(10)), Just(json!(0)), Just(json!(10.5)), Just(json!(-1)), Just(json!(31))],
        goal in prop_oneof![Just(json!("shaved")), Just(json!("density")), Just(json!("bald")), Just(json!([]))],
    ) {
        let input = json!({"pattern": pattern, "area_cm2": area, "years": years, "goal": goal});
        match estimate_json(&ours(&input), &json::Value::Object(Vec::new())) {
            Ok(quote) => check_quote(&quote, &quote.input.clone())?,
            Err(problems) => {
                let known = ["pattern", "area_cm2", "years", "goal"];
                prop_assert!(problems.iter().all(|p| known.contains(&p.field.as_str())), "{:?}", problems);
            }
        }
    }
}

/// serde_json's value as the engine's, through our reader; and back
/// through our writer, which serde_json must read as the same tree (numbers
/// to within a millionth: see `model::number::show`).
fn ours(value: &Value) -> json::Value {
    let text = serde_json::to_string(value).unwrap();
    let read = json::parse(&text).unwrap_or_else(|e| panic!("{e} in {text}"));
    assert!(same(&read, value), "read {read:?} from {text}");
    let written = read.to_text();
    let back: Value = serde_json::from_str(&written).unwrap_or_else(|e| panic!("{e} in {written}"));
    assert!(same(&read, &back), "wrote {written} for {text}");
    read
}

fn same(ours: &json::Value, theirs: &Value) -> bool {
    match (ours, theirs) {
        (json::Value::Null, Value::Null) => true,
        (json::Value::Bool(a), Value::Bool(b)) => a == b,
        (json::Value::Number(a), Value::Number(b)) => {
            let b = b.as_f64().unwrap();
            (a - b).abs() <= 1e-6 * b.abs().max(1e-3)
        }
        (json::Value::String(a), Value::String(b)) => a == b,
        (json::Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (json::Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Our JSON reader and writer agree with serde_json on any document.
    #[test]
    fn json_text_round_trips_through_serde_json(value in json_value(4)) {
        let read = ours(&value);
        prop_assert_eq!(
            json::parse(&read.to_pretty_text()).unwrap(),
            json::parse(&read.to_text()).unwrap()
        );
    }
}

/// Random JSON: objects with the engine's own keys mixed in, so the reader's
/// deeper paths are exercised too.
fn json_value(depth: u32) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        any::<i64>().prop_map(|i| json!(i)),
        prop_oneof![
            Just("norwood-3".to_string()),
            Just("fut".to_string()),
            Just("USD".to_string()),
            ".{0,12}"
        ]
        .prop_map(Value::String),
    ];
    let keys = prop_oneof![
        Just("pattern"),
        Just("area_cm2"),
        Just("scar"),
        Just("kind"),
        Just("length_cm"),
        Just("goal"),
        Just("donor"),
        Just("years"),
        Just("smp"),
        Just("bands"),
        Just("price"),
        Just("min"),
        Just("typical"),
        Just("max"),
        Just("up_to_cm2"),
        Just("transplant"),
        Just("financing"),
        Just("terms_months"),
        Just("apr_percent"),
        Just("touch_up"),
        Just("every_years"),
        Just("currency"),
        Just("locale"),
        Just("rounding_step"),
        Just("x"),
    ];
    leaf.prop_recursive(depth, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(keys.clone().prop_map(String::from), inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Published spreads from ../shared/DOMAIN.md: the defaults must sit inside.
#[test]
fn default_grafts_sit_inside_the_published_spreads() {
    // (pattern, lowest and highest published grafts for the stage, from
    // Bernstein's table and the clinics' spread).
    let spreads = [
        (Pattern::Norwood2, 500, 2400),
        (Pattern::Norwood2a, 500, 2400),
        (Pattern::Norwood3, 1000, 2800),
        (Pattern::Norwood3a, 1400, 1800),
        (Pattern::Norwood3v, 1200, 2800),
        (Pattern::Norwood4, 1500, 4000),
        (Pattern::Norwood4a, 1800, 3000),
        (Pattern::Norwood5, 2000, 5500),
        (Pattern::Norwood5a, 2200, 3500),
        (Pattern::Norwood6, 2400, 6500),
        (Pattern::Norwood7, 2500, 8000),
    ];
    let settings = ClinicSettings::default();
    for (pattern, low, high) in spreads {
        let quote = estimate(&EstimateInput::new(pattern), &settings).unwrap();
        let typical = quote.transplant.grafts.typical;
        assert!(
            (low..=high).contains(&typical),
            "{pattern:?}: {typical} grafts outside {low}–{high}"
        );
    }
}

#[test]
fn default_prices_and_times_sit_inside_the_published_spreads() {
    let settings = ClinicSettings::default();
    let sheet = price_sheet(&settings).unwrap();
    // The same holds for the other goal and donor supplies.
    let others = Pattern::all().flat_map(|pattern| {
        [
            EstimateInput {
                goal: Goal::Density,
                ..EstimateInput::new(pattern)
            },
            EstimateInput {
                donor: Donor::Poor,
                ..EstimateInput::new(pattern)
            },
        ]
    });
    let other_quotes: Vec<Quote> = others
        .map(|input| estimate(&input, &settings).unwrap())
        .collect();
    for quote in other_quotes.iter().chain(&sheet) {
        let (smp, transplant) = (&quote.smp, &quote.transplant);
        let pattern = quote.input.pattern;
        // US SMP: $1,200 for a hairline up to $7,000 for extensive work.
        assert!(
            (1200..=7000).contains(&smp.cost.typical),
            "{pattern:?}: {}",
            smp.cost.typical
        );
        assert!(smp.cost.min >= 1200 && smp.cost.max <= 7000, "{pattern:?}");
        // Sessions usually 3, 2–4; 2–5 hours each; at most ~20 h in all.
        assert!(
            smp.sessions.min >= 2 && smp.sessions.max <= 4,
            "{pattern:?}"
        );
        assert!(smp.hours_per_session.min >= 2.0 && smp.hours_per_session.max <= 5.0);
        assert!(
            f64::from(smp.sessions.max) * smp.hours_per_session.max <= 20.0,
            "{pattern:?}"
        );
        // Touch-ups every 3–5 years for $300–800.
        assert_eq!(
            (smp.touch_up.every_years.min, smp.touch_up.every_years.max),
            (3.0, 5.0)
        );
        assert_eq!((smp.touch_up.cost.min, smp.touch_up.cost.max), (300, 800));
        // Transplant: 7–14 days off and 12–18 months to the result per surgery.
        if transplant.surgeries == 1 {
            assert_eq!(
                (transplant.downtime_days.min, transplant.downtime_days.max),
                (7, 14)
            );
            assert_eq!(
                (
                    transplant.months_to_result.min,
                    transplant.months_to_result.max
                ),
                (12, 18)
            );
        }
        // Lifetime FUE donor supply: 3,750–7,000 grafts, ~6,000 typical.
        assert!((3750..=7000).contains(&transplant.donor_capacity));
        // US $4–10 per graft.
        let grafts = transplant.grafts.map(|g| g.min(transplant.donor_capacity));
        assert!(transplant.cost.min as f64 >= f64::from(grafts.min) * 4.0 - 25.0);
        assert!(transplant.cost.max as f64 <= f64::from(grafts.max) * 10.0 + 25.0);
    }
    let scar_only = sheet
        .iter()
        .find(|q| q.input.pattern == Pattern::ScarOnly)
        .unwrap();
    // US scar-only SMP: $1,200–2,500.
    assert!(scar_only.smp.cost.min >= 1200 && scar_only.smp.cost.max <= 2500);
}

#[test]
fn candidacy_follows_the_published_cautions() {
    let settings = ClinicSettings::default();
    let candidate = |input: EstimateInput| {
        let quote = estimate(&input, &settings).unwrap();
        let ids: Vec<&str> = quote.transplant.notes.iter().map(|n| n.id.key()).collect();
        (quote.transplant.candidate, ids)
    };
    assert_eq!(
        candidate(EstimateInput::new(Pattern::Norwood4)),
        (Candidacy::Yes, vec!["donor-covers"])
    );
    assert_eq!(
        candidate(EstimateInput::new(Pattern::Ludwig2)),
        (Candidacy::Caution, vec!["diffuse-thinning"])
    );
    assert_eq!(
        candidate(EstimateInput::new(Pattern::AlopeciaTotalis)).0,
        Candidacy::No
    );
    assert_eq!(
        candidate(EstimateInput::new(Pattern::Norwood1)),
        (Candidacy::No, vec!["no-loss"])
    );
    assert_eq!(
        candidate(EstimateInput {
            donor: Donor::Poor,
            ..EstimateInput::new(Pattern::Norwood7)
        }),
        (Candidacy::No, vec!["insufficient-donor", "poor-donor"])
    );
    assert_eq!(
        candidate(EstimateInput {
            donor: Donor::Poor,
            ..EstimateInput::new(Pattern::Norwood5)
        }),
        (Candidacy::Caution, vec!["poor-donor"])
    );
    let quote = estimate(
        &EstimateInput {
            donor: Donor::Average,
            area_cm2: Some(240.0),
            ..EstimateInput::new(Pattern::Norwood7)
        },
        &settings,
    )
    .unwrap();
    assert_eq!(quote.transplant.candidate, Candidacy::Caution);
    assert_eq!(
        quote.transplant.shortfall_grafts,
        quote.transplant.grafts.typical - 6000
    );
    assert_eq!(quote.transplant.notes[0].id, "donor-shortfall");
}

#[test]
fn the_clinics_own_options_change_the_quote() {
    let mut settings = ClinicSettings::default();
    let input = EstimateInput::new(Pattern::Norwood4);
    let base = estimate(&input, &settings).unwrap();
    assert_eq!(base.smp.monthly, None);
    assert_eq!(base.lifetime.transplant[10], base.transplant.cost.typical);

    settings.financing = Some(Financing {
        apr_percent: 0.0,
        terms_months: vec![12, 24],
    });
    settings.transplant.medication_per_month = Some(30.0);
    let financed = estimate(&input, &settings).unwrap();
    // $2,800 interest-free over 24 months.
    assert_eq!(financed.smp.monthly, Some(117));
    assert_eq!(financed.smp.financing.as_ref().unwrap().months, 24);
    // $30 a month of medication is $360 a year, rounded to $50 steps.
    assert_eq!(
        financed.lifetime.transplant[1],
        financed.transplant.cost.typical + 350
    );
    assert_eq!(
        financed.lifetime.transplant[10],
        financed.transplant.cost.typical + 3600
    );
    // Touch-ups at the middle of 3–5 years ($550 each): years 4 and 8.
    assert_eq!(financed.lifetime.smp[3], 2800);
    assert_eq!(financed.lifetime.smp[4], 3350);
    assert_eq!(financed.lifetime.smp[8], 3900);

    settings.smp.bands.clear();
    settings.smp.price_per_session = Some(900.0);
    let per_session = estimate(&input, &settings).unwrap();
    assert_eq!(per_session.smp.cost.min, 1800);
    assert_eq!(per_session.smp.cost.typical, 2700);
    assert_eq!(per_session.smp.cost.max, 3600);
}

#[test]
fn a_scar_adds_its_price_and_a_strip_sets_the_scar_only_area() {
    let settings = ClinicSettings::default();
    let fut = Some(Scar {
        kind: ScarKind::Fut,
        length_cm: Some(20.0),
    });
    let plain = estimate(&EstimateInput::new(Pattern::Norwood3), &settings).unwrap();
    let with_scar = estimate(
        &EstimateInput {
            scar: fut,
            ..EstimateInput::new(Pattern::Norwood3)
        },
        &settings,
    )
    .unwrap();
    assert_eq!(with_scar.smp.cost.typical, plain.smp.cost.typical + 750);
    assert_eq!(with_scar.smp.notes[0].id, "fut-scar-healing");
    let strip = estimate(
        &EstimateInput {
            scar: fut,
            ..EstimateInput::new(Pattern::ScarOnly)
        },
        &settings,
    )
    .unwrap();
    // A 20 cm strip with its blending band: 20 × 2 cm.
    assert_eq!(strip.area_cm2, 40.0);
    assert_eq!(
        strip.smp.cost.typical, 1800,
        "a scar-only course takes no add-on"
    );
    // Scar-only work stays within the published US $1,200–2,500 for
    // strips up to 20 cm.
    for length in [10.0, 15.0, 20.0] {
        let quote = estimate(
            &EstimateInput {
                scar: Some(Scar {
                    kind: ScarKind::Fut,
                    length_cm: Some(length),
                }),
                ..EstimateInput::new(Pattern::ScarOnly)
            },
            &settings,
        )
        .unwrap();
        assert!(
            quote.smp.cost.min >= 1200 && quote.smp.cost.max <= 2500,
            "{length} cm"
        );
    }
    // Extensive work with a scar stays within the published $7,000.
    for pattern in [Pattern::Norwood6, Pattern::Norwood7] {
        let quote = estimate(
            &EstimateInput {
                scar: fut,
                ..EstimateInput::new(pattern)
            },
            &settings,
        )
        .unwrap();
        assert!(
            quote.smp.cost.max <= 7000,
            "{pattern:?}: {}",
            quote.smp.cost.max
        );
    }
}

#[test]
fn the_booking_link_carries_the_answers_and_nothing_personal() {
    let mut settings = ClinicSettings {
        booking_url: Some("https://clinic.example/book".into()),
        ..ClinicSettings::default()
    };
    let input = EstimateInput::new(Pattern::Norwood4);
    let url = |settings: &ClinicSettings| estimate(&input, settings).unwrap().booking_url;
    assert_eq!(
        url(&settings).as_deref(),
        Some("https://clinic.example/book?pattern=norwood-4&area_cm2=83&sessions=3")
    );
    settings.booking_url = Some("https://clinic.example/book?src=site#form".into());
    assert_eq!(
        url(&settings).as_deref(),
        Some("https://clinic.example/book?src=site&pattern=norwood-4&area_cm2=83&sessions=3#form")
    );
    settings.booking_url = None;
    assert_eq!(url(&settings), None);
}

#[test]
fn the_breakdown_explains_each_figure_with_the_quotes_own_numbers() {
    let settings = ClinicSettings::default();
    let quote = estimate(&EstimateInput::new(Pattern::Norwood4), &settings).unwrap();
    let text = |id: &str| {
        quote
            .breakdown
            .iter()
            .find(|n| n.id == id)
            .unwrap()
            .text
            .clone()
    };
    assert_eq!(
        text("explain-area"),
        "Norwood IV usually covers about 83 cm² (Hairline and temples, Front, Crown). This estimate is for 83 cm² (Hairline and temples, Front, Crown)."
    );
    assert!(text("explain-smp-cost").contains("USD 2,000 to USD 3,500, typically USD 2,800"));
    assert!(text("explain-grafts").contains("2,000 to 2,850 grafts"));
    assert!(text("explain-donor").contains("1 surgery"));
    assert!(text("explain-lifetime")
        .starts_with("Over 10 years, SMP with its touch-ups comes to about USD 3,900"));
}

#[test]
fn adding_a_region_adds_its_area_and_grafts() {
    let settings = ClinicSettings::default();
    let plain = estimate(&EstimateInput::new(Pattern::Norwood3), &settings).unwrap();
    let with_crown = estimate(
        &EstimateInput {
            regions: Some(vec![Region::Hairline, Region::Crown]),
            ..EstimateInput::new(Pattern::Norwood3)
        },
        &settings,
    )
    .unwrap();
    assert_eq!(with_crown.area_cm2, 40.0 + 75.0);
    // A whole crown at 20 grafts per cm² adds 1,500 grafts.
    assert_eq!(
        with_crown.transplant.grafts.typical,
        plain.transplant.grafts.typical + 1500
    );
}
