use std::rc::Rc;

use yew::prelude::*;

use super::pattern_picker::GROUPS;
use super::{
    answer, breakdown, candidacy_label, combined_card, comparison, cost_chart, details_form,
    smp_card, transplant_card, unique_prefix, AreaField, LeadForm, PatternPicker, Stage,
    VisitorTools,
};
use crate::format::Formats;
use crate::state::{Action, EstimatorState, Unit};
use smp_engine::visitor_state;
use smp_engine::Value;
use smp_engine::{estimate, Catalogue, ClinicSettings, EstimateInput, Figure, Msg, Pattern, Quote};

impl Reducible for EstimatorState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[derive(Properties, PartialEq, Default, Clone)]
pub struct EstimatorProps {
    /// The clinic's settings; the defaults are a US clinic at published
    /// mid-market prices.
    #[prop_or_default]
    pub settings: Rc<ClinicSettings>,
    /// The visitor's answers preset by the clinic's page, if any.
    #[prop_or_default]
    pub preset: Option<EstimateInput>,
    /// Called with every new quote.
    #[prop_or_default]
    pub onquote: Option<Callback<Rc<Quote>>>,
    /// Called when the visitor follows the booking link.
    #[prop_or_default]
    pub oncta: Option<Callback<Rc<Quote>>>,
    /// Called with every valid consultation request (when the clinic takes
    /// them), before it goes to the clinic's endpoint or email.
    #[prop_or_default]
    pub onlead: Option<Callback<Rc<Value>>>,
    /// Called before every action the visitor takes, so that the page
    /// knows which widget is in use (a panic is blamed on it).
    #[prop_or_default]
    pub onuse: Option<Callback<()>>,
    /// The widget's name on the page: with one, the visitor's answers are
    /// kept in the browser's storage and can be shared as a link.
    #[prop_or_default]
    pub visitor_key: Option<AttrValue>,
    /// The visitor's language (English unless the page says otherwise).
    #[prop_or_default]
    pub messages: Rc<Catalogue>,
    /// The visitor's locale for numbers, the page language and the unit
    /// (`de-AT`, `ar`); the clinic's `locale` when not given.
    #[prop_or_default]
    pub locale: Option<AttrValue>,
    /// The unit areas start in; the locale's usual one when not given.
    #[prop_or_default]
    pub unit: Option<Unit>,
    /// Called once, when the widget has drawn what its static first screen
    /// shows (see [`Stage::Drawings`]): the browser entry then puts it in
    /// the static screen's place, so nothing moves.
    #[prop_or_default]
    pub ondrawn: Option<Callback<()>>,
    /// Rendered out of sight, behind the static first screen: the parts up
    /// to what that screen shows follow each other task by task rather
    /// than frame by frame (nothing is drawn until the swap), so the
    /// visitor who tapped the static screen gets the answer sooner.
    #[prop_or_default]
    pub behind_first_screen: bool,
    /// A pattern the visitor picked on the static first screen before the
    /// WebAssembly was there: the widget starts with it, as if picked just
    /// now (kept for a reload), and an `answer_only` widget has already shown its
    /// answer on that screen.
    #[prop_or_default]
    pub picked: Option<Pattern>,
    /// Render only the answer to `picked`, under the static first screen's
    /// pictures, and nothing else (no state, no events): what the browser
    /// entry shows there before the live widget (see `first_answer`).
    /// One component rather than a second: each costs the WebAssembly a
    /// copy of Yew's lifecycle code (a second one measured 3.6 KB gzip).
    #[prop_or_default]
    pub answer_only: bool,
    /// Render the static first screen, at build time (`first_screen`):
    /// every part up to the drawings at once, and every group's picker,
    /// all but the chosen one hidden, so that the loader can switch groups
    /// before the WebAssembly is there.
    #[prop_or_default]
    pub first_screen: bool,
}

/// Where this widget keeps the visitor's answers: per page, per widget.
fn stored_answers_key(key: &str) -> String {
    let path = gloo::utils::window()
        .location()
        .pathname()
        .unwrap_or_default();
    visitor_state::storage_key(&path, key)
}

/// The page's local storage, when the browser lets this page use it.
fn local_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

fn save_answers(key: &str, input: Option<&EstimateInput>) {
    let Some(storage) = local_storage() else {
        return;
    };
    let _ = match input {
        Some(input) => storage.set_item(&stored_answers_key(key), &crate::stored::to_json(input)),
        None => storage.remove_item(&stored_answers_key(key)),
    };
}

/// The answers to start from: a share link for this widget, then what the
/// visitor left on this page before, then the clinic's preset. With
/// `adopt_link`, a link's answers become the visitor's own: kept for a
/// reload, and the link's part leaves the address so later changes win
/// (only the widget itself does that, not an `answer_only` one before it).
fn starting_state(
    key: Option<&str>,
    preset: Option<&EstimateInput>,
    unit: Unit,
    adopt_link: bool,
) -> EstimatorState {
    let from_link = key.and_then(|key| {
        let hash = gloo::utils::window().location().hash().ok()?;
        let part = visitor_state::fragment_part(hash.trim_start_matches('#'), key)?;
        let text = js_sys::decode_uri_component(part).ok()?;
        let input = crate::stored::from_json(&String::from(text))?;
        if adopt_link {
            save_answers(key, Some(&input));
            forget_share_link(key);
        }
        Some(input)
    });
    let from_storage = || {
        key.and_then(|key| {
            let text = local_storage()?.get_item(&stored_answers_key(key)).ok()??;
            crate::stored::from_json(&text)
        })
    };
    let mut state = from_link
        .or_else(from_storage)
        .or_else(|| preset.cloned())
        .map_or_else(EstimatorState::default, |input| {
            EstimatorState::from_input(&input)
        });
    state.unit = unit;
    state
}

/// The locale a widget with `props` speaks, and the unit its areas start in.
fn locale_and_unit(props: &EstimatorProps) -> (AttrValue, Unit) {
    let locale = props
        .locale
        .clone()
        .unwrap_or_else(|| props.settings.locale.clone().into());
    let unit = props.unit.unwrap_or_else(|| Unit::for_locale(&locale));
    (locale, unit)
}

/// Where a widget with `props` starts: [`starting_state`], then the
/// pattern the visitor picked on the static first screen, if any.
fn first_state(props: &EstimatorProps, unit: Unit, adopt_link: bool) -> EstimatorState {
    let state = starting_state(
        props.visitor_key.as_deref(),
        props.preset.as_ref(),
        unit,
        adopt_link,
    );
    match props.picked {
        Some(pattern) => state.apply(Action::SelectPattern(pattern)),
        None => state,
    }
}

/// The answer under the picker alone, for the pattern the visitor picked
/// on the static first screen (`picked`, with `answer_only`): the browser
/// entry shows it on that screen as soon as the engine is there, while the
/// live widget renders out of sight (on a phone about 300 ms, before the
/// swap). The same starting state, quote, formats and [`answer`] as the
/// widget's, so the swap shows the same markup in the same place.
fn first_answer(props: &EstimatorProps, locale: &str, unit: Unit) -> Html {
    if props.picked.is_none() {
        return Html::default();
    }
    let state = first_state(props, unit, false);
    let Some(Ok(quote)) = state.input().map(|input| estimate(&input, &props.settings)) else {
        return Html::default();
    };
    let formats =
        Formats::new(locale, &props.settings.currency, props.messages.clone()).in_unit(state.unit);
    answer(
        &Rc::new(quote),
        &formats,
        &props.settings.clinic_name,
        props.oncta.as_ref(),
    )
}

/// The one callback every control dispatches its action through, telling
/// the page first that this widget is in use (`onuse`).
fn dispatcher(
    dispatcher: UseReducerDispatcher<EstimatorState>,
    onuse: Option<Callback<()>>,
    root: NodeRef,
) -> Callback<Action> {
    Callback::from(move |action: Action| {
        if let Some(onuse) = &onuse {
            onuse.emit(());
        }
        // A pick the visitor made shows its answer where they are: once
        // drawn, the answer under the picker scrolls just into view if it
        // is below the screen (never on a preset or stored answers).
        let picked = matches!(action, Action::SelectPattern(_));
        dispatcher.dispatch(action);
        if picked {
            let root = root.clone();
            yew::platform::spawn_local(reveal_answer(root));
        }
    })
}

/// Scrolls the answer just into view, smoothly unless the visitor asks
/// for reduced motion: in the task after the pick, or, when the visitor
/// picked before the widget had drawn its answer part (see `Stage`), once
/// that part is drawn.
async fn reveal_answer(root: NodeRef) {
    reveal_answer_in(move || root.cast::<web_sys::Element>()).await;
}

/// [`reveal_answer`] for the answer inside what `root` gives (the browser
/// entry's `answer_only` widget on the static first screen, too).
pub async fn reveal_answer_in(root: impl Fn() -> Option<web_sys::Element>) {
    super::next_task().await;
    let answer = || root().and_then(|section| section.query_selector(".smp-answer").ok().flatten());
    let mut found = answer();
    for _ in 0..2 * Stage::ALL.len() {
        if found.is_some() {
            break;
        }
        super::next_paint().await;
        found = answer();
    }
    let Some(answer) = found else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_behavior(scroll_behavior());
    answer.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Smooth, unless the visitor asks for reduced motion.
fn scroll_behavior() -> web_sys::ScrollBehavior {
    let reduced = gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    if reduced {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    }
}

/// Brings the widget's top into view and focuses the chosen group's button.
fn back_to_the_start(root: &NodeRef) {
    let Some(section) = root.cast::<web_sys::Element>() else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    options.set_behavior(scroll_behavior());
    section.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(Some(button)) = section.query_selector(".smp-group-button[aria-pressed=true]") {
        if let Some(button) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&button) {
            let focus = web_sys::FocusOptions::new();
            // The scroll above does the moving.
            focus.set_prevent_scroll(true);
            let _ = button.focus_with_options(&focus);
        }
    }
}

/// One sentence for the polite live region, so a screen reader hears the
/// new figures without the whole results area being read again.
fn summary(quote: &Quote, formats: &Formats) -> String {
    let (smp, transplant) = (&quote.smp, &quote.transplant);
    let Some(transplant_cost) = transplant.cost else {
        return formats.f(
            Msg::AnnouncementSmpOnly,
            &[
                ("smp_cost", Figure::Money(smp.cost.typical)),
                ("sessions", Figure::Count(smp.sessions.typical.into())),
            ],
        );
    };
    formats.f(
        Msg::Announcement,
        &[
            ("smp_cost", Figure::Money(smp.cost.typical)),
            ("sessions", Figure::Count(smp.sessions.typical.into())),
            ("transplant_cost", Figure::Money(transplant_cost.typical)),
            ("grafts", Figure::Count(transplant.grafts.typical.into())),
            (
                "candidacy",
                Figure::Message(candidacy_label(transplant.candidate)),
            ),
        ],
    )
}

/// Takes this widget's part out of the page's address, so a reload after
/// "start over" does not bring a shared estimate back.
fn forget_share_link(key: &str) {
    let window = gloo::utils::window();
    let location = window.location();
    let (Ok(href), Ok(hash)) = (location.href(), location.hash()) else {
        return;
    };
    let kept = visitor_state::without_fragment_part(hash.trim_start_matches('#'), key);
    if kept == hash.trim_start_matches('#') {
        return;
    }
    let base = href.split('#').next().unwrap_or(&href);
    let url = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}#{kept}")
    };
    if let Ok(history) = window.history() {
        // The page's own history state (a router's, say) is kept as it is.
        let page_state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&page_state, "", Some(&url));
    }
}

/// The whole widget: the visitor's answers on one side, the engine's quote
/// on the other.
#[function_component]
pub fn Estimator(props: &EstimatorProps) -> Html {
    let (locale, unit) = locale_and_unit(props);
    if props.answer_only {
        // No hooks: an instance is answer-only for its whole life.
        return first_answer(props, &locale, unit);
    }
    let state = use_reducer(|| first_state(props, unit, true));
    // Only answers the visitor gave are kept for a reload (a pattern picked
    // on the static first screen among them): not the starting answers (a
    // clinic's preset may change later), nor those "start over" brings back.
    let skip_save = use_mut_ref(|| props.picked.is_none());
    {
        let key = props.visitor_key.clone();
        let skip_save = skip_save.clone();
        use_effect_with(state.input(), move |input| {
            let skip = std::mem::replace(&mut *skip_save.borrow_mut(), false);
            if let (Some(key), false) = (key, skip) {
                save_answers(&key, input.as_ref());
            }
        });
    }
    let settings = props.settings.clone();
    let quote = use_memo((state.input(), settings.clone()), |(input, settings)| {
        input
            .as_ref()
            .map(|input| estimate(input, settings).map(Rc::new))
    });
    let formats = use_memo(
        (
            locale.clone(),
            settings.currency.clone(),
            props.messages.clone(),
            state.unit,
        ),
        |(locale, currency, messages, unit)| {
            Formats::new(locale, currency, messages.clone()).in_unit(*unit)
        },
    );

    {
        let onquote = props.onquote.clone();
        use_effect_with(quote.clone(), move |quote| {
            if let (Some(onquote), Some(Ok(quote))) = (onquote, &**quote) {
                onquote.emit(quote.clone());
            }
        });
    }

    let root = use_node_ref();
    let start_over = {
        let state = state.clone();
        let root = root.clone();
        let (key, preset) = (props.visitor_key.clone(), props.preset.clone());
        Callback::from(move |()| {
            if let Some(key) = &key {
                save_answers(key, None);
                forget_share_link(key);
            }
            let mut start = preset
                .as_ref()
                .map_or_else(EstimatorState::default, EstimatorState::from_input);
            start.unit = unit;
            // The effect above runs only if the answers change.
            *skip_save.borrow_mut() = start.input() != state.input();
            state.dispatch(Action::StartOver(Box::new(start)));
            // Back to the start, calmly: once the shorter widget is drawn,
            // its top comes into view (smoothly, unless the visitor asks
            // for reduced motion) and focus goes to the picker's groups.
            let root = root.clone();
            super::after_this_task(move || back_to_the_start(&root));
        })
    };

    // The same callback for the widget's life, so the pattern picker (19
    // drawings) re-renders only when its own props change.
    let dispatch = {
        let reducer = state.dispatcher();
        let root = root.clone();
        use_memo(props.onuse.clone(), move |onuse| {
            dispatcher(reducer, onuse.clone(), root)
        })
    };
    // Rendered in parts (see `Stage`): the answer first, then the cards,
    // the drawings and the rest, each after the frame that drew the one
    // before.
    // Only ever rendered natively, at build time: constant false in the
    // WebAssembly, which then carries none of it.
    let first_screen = cfg!(not(target_arch = "wasm32")) && props.first_screen;
    // The static first screen's ids are its own, never a live widget's.
    let id = use_state(|| {
        if first_screen {
            "smp-static".to_string()
        } else {
            unique_prefix()
        }
    });
    let stage = use_state_eq(|| {
        if first_screen {
            Stage::Drawings
        } else {
            Stage::Shell
        }
    });
    {
        let stage = stage.clone();
        let ondrawn = props.ondrawn.clone();
        let behind = props.behind_first_screen;
        use_effect_with(*stage, move |now| {
            if *now == Stage::Drawings {
                if let Some(ondrawn) = ondrawn {
                    ondrawn.emit(());
                }
            }
            match now.next() {
                Some(next) if behind && next <= Stage::Drawings => {
                    super::after_this_task(move || stage.set(next))
                }
                Some(next) => super::after_next_paint(move || stage.set(next)),
                None => {}
            }
        });
    }
    let stage = *stage;
    let drawn = stage >= Stage::Drawings;
    // The visitor's first pick (or the first after "start over") is
    // answered in two parts, as the widget itself draws: the answer under
    // the picker at once, the area, the cards and the rest after the frame
    // that showed it. In one task it was 200-300 ms on a phone-class CPU
    // before the price was on screen; later picks change figures already
    // drawn, and are fast.
    let had_pattern = use_mut_ref(|| state.pattern.is_some());
    let first_answer = state.pattern.is_some() && !*had_pattern.borrow();
    // The further details' fields (text boxes and a list among them) come
    // when the visitor first opens them, and stay. Added while the page
    // loads, they set off the browser's form detection (Chromium's
    // autofill), which lays out the whole widget, even one skipped off
    // screen: a task of 70-110 ms on a phone-class CPU. Closed, they are
    // neither seen nor laid out, and cost every widget 20-60 ms to render.
    let details_opened = use_state_eq(|| false);
    let ondetails = {
        let details_opened = details_opened.clone();
        Callback::from(move |open: bool| {
            if open {
                details_opened.set(true);
            }
        })
    };
    let fields = *details_opened;
    {
        let had_pattern = had_pattern.clone();
        let redraw = use_force_update();
        use_effect_with(state.pattern.is_some(), move |&picked| {
            if !picked {
                *had_pattern.borrow_mut() = false;
            } else if !*had_pattern.borrow() {
                super::after_next_paint(move || {
                    *had_pattern.borrow_mut() = true;
                    redraw.force_update();
                });
            }
        });
    }
    let heading_id = format!("{}-heading", *id);
    // Below both columns on a wide screen (the comparison beside the chart,
    // the rest across), after the cards on a phone; last in the widget, so
    // adding them a task later moves nothing already shown.
    let more = match &*quote {
        Some(Ok(quote)) if stage >= Stage::More && !first_answer => html! {
            <div class="smp-more">
                { comparison(quote, &formats) }
                { cost_chart(&id, &quote.lifetime, &formats) }
                { breakdown(quote, &formats, &settings.clinic_name, props.oncta.as_ref()) }
                if let Some(lead) = &settings.lead {
                    <LeadForm
                        id={(*id).clone()}
                        quote={quote.clone()}
                        formats={formats.clone()}
                        lead={Rc::new(lead.clone())}
                        clinic_name={settings.clinic_name.clone()}
                        onlead={props.onlead.clone()}
                    />
                }
                if let Some(key) = &props.visitor_key {
                    <VisitorTools
                        quote={quote.clone()}
                        formats={formats.clone()}
                        clinic_name={settings.clinic_name.clone()}
                        share_key={key.clone()}
                        onstart_over={start_over.clone()}
                    />
                }
            </div>
        },
        _ => Html::default(),
    };
    let (results, announcement) = match &*quote {
        Some(Ok(quote)) => (
            if stage < Stage::Cards || first_answer {
                Html::default()
            } else {
                html! {
                <div class="smp-cards">
                    { smp_card(&quote.smp, &formats) }
                    { transplant_card(&quote.transplant, &formats) }
                    { combined_card(quote, &formats) }
                </div>
                }
            },
            summary(quote, &formats),
        ),
        Some(Err(problems)) => (
            html! {
                <div class="smp-problems" role="alert">
                    <p>{ formats.t(Msg::SettingsProblemIntro).to_string() }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
                </div>
            },
            String::new(),
        ),
        None => (
            html! {
                // The first screen's loader shows `data-coming` once the
                // visitor has picked, until the live widget answers.
                <p class="smp-hint" data-coming={first_screen.then(|| formats.t(Msg::HintEstimateComing).to_string())}>
                    { formats.t(Msg::HintChoosePattern).to_string() }
                </p>
            },
            String::new(),
        ),
    };
    // Heard when the answer is there to be seen.
    let announcement = if stage >= Stage::Answer {
        announcement
    } else {
        String::new()
    };
    let area_cm2 = match &*quote {
        Some(Ok(quote)) => quote.area_cm2,
        _ => state
            .input()
            .map_or(0.0, |input| input.effective_area_cm2()),
    };

    html! {
        <section
            ref={root}
            class="smp-estimator"
            part="widget"
            aria-labelledby={heading_id.clone()}
            lang={locale}
            dir={if formats.messages.is_rtl() { "rtl" } else { "ltr" }}
        >
            <h2 id={heading_id} class="smp-title">{ formats.t(Msg::WidgetTitle).to_string() }</h2>
            <div class="smp-layout">
                <div class="smp-inputs">
                    if stage >= Stage::Picker && !first_screen {
                        <PatternPicker
                            id={(*id).clone()}
                            group={state.group}
                            selected={state.pattern}
                            dispatch={(*dispatch).clone()}
                            drawings={drawn}
                            formats={formats.clone()}
                        />
                    }
                    if first_screen {
                        { for GROUPS.iter().map(|(group, _, _)| html! {
                            <PatternPicker
                                id={(*id).clone()}
                                group={*group}
                                dispatch={(*dispatch).clone()}
                                formats={formats.clone()}
                                hidden={*group != state.group}
                            />
                        }) }
                    }
                    if let (Some(Ok(quote)), true) = (&*quote, stage >= Stage::Answer) {
                        { answer(quote, &formats, &settings.clinic_name, props.oncta.as_ref()) }
                    }
                    if state.pattern.is_some() && stage >= Stage::Cards && !first_answer {
                        <AreaField
                            id={(*id).clone()}
                            {area_cm2}
                            regions={state.chosen_regions()}
                            unit={state.unit}
                            adjusted={state.is_adjusted()}
                            entry={state.area_entry.clone()}
                            dispatch={(*dispatch).clone()}
                            formats={formats.clone()}
                        />
                    }
                    if stage >= Stage::Cards {
                        // The first screen holds the closed summary only: its fields
                        // would cost every visitor's first download 1.2 KB gzip.
                        { details_form(&id, &state, &dispatch, fields && !first_screen, &ondetails, &formats) }
                    }
                </div>
                <div class="smp-results">{ results }</div>
                { more }
            </div>
            <p class="smp-visually-hidden" aria-live="polite" data-figure="summary">{ announcement }</p>
        </section>
    }
}
