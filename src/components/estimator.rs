use std::rc::Rc;

use yew::prelude::*;

use super::{
    candidacy_label, unique_prefix, AreaField, Breakdown, Comparison, CostChart, DetailsForm,
    PatternPicker, SmpCard, TransplantCard,
};
use crate::format::Formats;
use crate::model::{estimate, ClinicSettings, EstimateInput, Quote};
use crate::state::{Action, EstimatorState};

impl Reducible for EstimatorState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[derive(Properties, PartialEq, Default)]
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
}

/// A callback that dispatches the action `make` builds from its argument.
fn dispatcher<T: 'static>(
    state: &UseReducerHandle<EstimatorState>,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value: T| dispatcher.dispatch(make(value)))
}

/// One sentence for the polite live region, so a screen reader hears the
/// new figures without the whole results area being read again.
fn summary(quote: &Quote, formats: &Formats) -> String {
    format!(
        "SMP: about {} in {} sessions. Hair transplant: about {} for {} grafts, {}.",
        formats.money(quote.smp.cost.typical),
        quote.smp.sessions.typical,
        formats.money(quote.transplant.cost.typical),
        formats.number(quote.transplant.grafts.typical.into()),
        candidacy_label(quote.transplant.candidate).to_lowercase()
    )
}

/// The whole widget: the visitor's answers on one side, the engine's quote
/// on the other.
#[function_component]
pub fn Estimator(props: &EstimatorProps) -> Html {
    let preset = props.preset.clone();
    let state = use_reducer(move || {
        preset
            .as_ref()
            .map_or_else(EstimatorState::default, EstimatorState::from_input)
    });
    let id = use_state(unique_prefix);
    let settings = props.settings.clone();
    let quote = use_memo((state.input(), settings.clone()), |(input, settings)| {
        input
            .as_ref()
            .map(|input| estimate(input, settings).map(Rc::new))
    });
    let formats = use_memo(
        (settings.locale.clone(), settings.currency.clone()),
        |(locale, currency)| Formats::new(locale, currency),
    );

    {
        let onquote = props.onquote.clone();
        use_effect_with(quote.clone(), move |quote| {
            if let (Some(onquote), Some(Ok(quote))) = (onquote, &**quote) {
                onquote.emit(quote.clone());
            }
        });
    }

    let heading_id = format!("{}-heading", *id);
    let (results, announcement) = match &*quote {
        Some(Ok(quote)) => (
            html! {
                <>
                    <div class="smp-cards">
                        <SmpCard smp={Rc::new(quote.smp.clone())} formats={formats.clone()} />
                        <TransplantCard transplant={Rc::new(quote.transplant.clone())} formats={formats.clone()} />
                    </div>
                    <Comparison quote={quote.clone()} formats={formats.clone()} />
                    <CostChart id={(*id).clone()} lifetime={Rc::new(quote.lifetime.clone())} formats={formats.clone()} />
                    <Breakdown quote={quote.clone()} formats={formats.clone()} clinic_name={settings.clinic_name.clone()} oncta={props.oncta.clone()} />
                </>
            },
            summary(quote, &formats),
        ),
        Some(Err(problems)) => (
            html! {
                <div class="smp-problems" role="alert">
                    <p>{ "This estimate cannot be shown because the clinic's settings have a problem:" }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
                </div>
            },
            String::new(),
        ),
        None => (
            html! {
                <p class="smp-hint">{ "Choose the pattern closest to yours to see your estimate." }</p>
            },
            String::new(),
        ),
    };
    let area_cm2 = match &*quote {
        Some(Ok(quote)) => quote.area_cm2,
        _ => state
            .input()
            .map_or(0.0, |input| input.effective_area_cm2()),
    };

    html! {
        <section class="smp-estimator" part="widget" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="smp-title">{ "Your SMP estimate" }</h2>
            <div class="smp-layout">
                <div class="smp-inputs">
                    <PatternPicker
                        id={(*id).clone()}
                        group={state.group}
                        selected={state.pattern}
                        onshow_group={dispatcher(&state, Action::ShowGroup)}
                        onselect={dispatcher(&state, Action::SelectPattern)}
                    />
                    if state.pattern.is_some() {
                        <AreaField
                            id={(*id).clone()}
                            {area_cm2}
                            regions={state.chosen_regions()}
                            unit={state.unit}
                            adjusted={state.is_adjusted()}
                            entry={state.area_entry.clone()}
                            ontoggle_region={dispatcher(&state, Action::ToggleRegion)}
                            onset_area={dispatcher(&state, Action::SetArea)}
                            onslide_area={dispatcher(&state, Action::SlideArea)}
                            onreset_area={dispatcher(&state, |()| Action::ResetArea)}
                            onset_unit={dispatcher(&state, Action::SetUnit)}
                        />
                    }
                    <DetailsForm
                        id={(*id).clone()}
                        scar={state.scar}
                        scar_length_cm={state.scar_length_cm}
                        scar_length_entry={state.scar_length_entry.clone()}
                        goal={state.goal}
                        donor={state.donor}
                        years={state.years}
                        onset_scar={dispatcher(&state, Action::SetScar)}
                        onset_scar_length={dispatcher(&state, Action::SetScarLength)}
                        onset_goal={dispatcher(&state, Action::SetGoal)}
                        onset_donor={dispatcher(&state, Action::SetDonor)}
                        onset_years={dispatcher(&state, Action::SetYears)}
                    />
                </div>
                <div class="smp-results">{ results }</div>
            </div>
            <p class="smp-visually-hidden" aria-live="polite" data-figure="summary">{ announcement }</p>
        </section>
    }
}
