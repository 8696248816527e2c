use std::rc::Rc;

use yew::prelude::*;

use super::{unique_prefix, AreaField, PatternPicker, QuoteSummary};
use crate::format::Formats;
use crate::model::{estimate, ClinicSettings, Pattern};
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
}

/// The whole widget: pattern, area, and the quote the engine gives for them.
#[function_component]
pub fn Estimator(props: &EstimatorProps) -> Html {
    let state = use_reducer(EstimatorState::default);
    let ids = use_state(unique_prefix);
    let settings = props.settings.clone();
    let quote = use_memo((state.input(), settings.clone()), |(input, settings)| {
        input.as_ref().map(|input| estimate(input, settings))
    });
    let formats = use_memo(
        (settings.locale.clone(), settings.currency.clone()),
        |(locale, currency)| Formats::new(locale, currency),
    );

    let onselect = {
        let state = state.clone();
        Callback::from(move |pattern: Pattern| state.dispatch(Action::SelectPattern(pattern)))
    };
    let onset_area = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::SetArea(text)))
    };
    let onreset_area = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::ResetArea))
    };

    let heading_id = format!("{}-heading", *ids);
    let results = match (&*quote, state.pattern) {
        (Some(Ok(quote)), _) => html! {
            <QuoteSummary quote={Rc::new(quote.clone())} formats={formats.clone()} />
        },
        (Some(Err(problems)), _) => html! {
            <div class="smp-problems" role="alert">
                <p>{ "This estimate cannot be shown because the clinic's settings have a problem:" }</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
            </div>
        },
        (None, _) => html! {
            <p class="smp-hint">{ "Choose the pattern closest to yours to see your estimate." }</p>
        },
    };

    html! {
        <section class="smp-estimator" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="smp-title">{ "Your SMP estimate" }</h2>
            <PatternPicker
                name={format!("{}-pattern", *ids)}
                selected={state.pattern}
                {onselect}
            />
            if let Some(input) = state.input() {
                <AreaField
                    id={format!("{}-area", *ids)}
                    area_cm2={input.effective_area_cm2()}
                    overridden={state.area_cm2.is_some()}
                    draft={state.area_draft.clone()}
                    onset_area={onset_area}
                    onreset_area={onreset_area}
                />
            }
            <div class="smp-results" aria-live="polite">{ results }</div>
            <p class="smp-disclaimer">
                { format!(
                    "An estimate from published figures and {}'s prices: not a medical assessment or a binding quote.",
                    settings.clinic_name
                ) }
            </p>
        </section>
    }
}
