//! The month-end round's keys (DOMAIN.md §11): submit, validate, return, close and reopen the
//! month of the unit in view (a return and a reopening ask for the reason first), the analysis
//! editor of an IKU-month, and attaching an evidence file by its path.
//!
//! The transition table (`domain::round::transition`) is asked before anything is sent, so that
//! a step the month's state does not allow is refused at once with its reason; the role is the
//! store server's to check (the user's roles are its access list), and its refusal comes back
//! in the user's language.

use crate::domain::change::Change;
use crate::domain::round::{Action as Step, transition};
use crate::text::reason::render;
use crate::text::tui as t;
use crate::text::tui_round as tt;
use crate::tui::action::Action;
use crate::tui::app::round::{
    AnalysisEditor, EvidencePrompt, FIELDS, RoundPending, RoundPrompt, one_line,
};
use crate::tui::app::{App, Screen, TextInput};
use crate::tui::update::{Effect, SOURCE, quit};

/// The step of the round an action takes, if it is one.
pub(super) fn step_of(action: &Action) -> Option<Step> {
    Some(match action {
        Action::SubmitMonth => Step::Submit,
        Action::ValidateMonth => Step::Validate,
        Action::ReturnMonth => Step::Return,
        Action::CloseMonth => Step::Close,
        Action::ReopenMonth => Step::Reopen,
        _ => return None,
    })
}

/// The round's actions on the tree, the grid and the worklist; `None` when `action` is not one.
pub(super) fn common(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    if let Some(step) = step_of(action) {
        return Some(start(app, step));
    }
    match action {
        Action::Analysis => {
            open_analysis(app);
            Some(vec![])
        }
        Action::AttachEvidence => {
            open_evidence(app);
            Some(vec![])
        }
        _ => None,
    }
}

/// A step on the month in view: refused at once when the state does not allow it, a prompt
/// for the reason when it needs one, else sent.
fn start(app: &mut App, step: Step) -> Vec<Effect> {
    let Some(unit) = app.round_unit() else {
        app.error(t::SELECT_IKU.s());
        return vec![];
    };
    let month = app.round_month();
    let state = app.month_record(&unit, month).state;
    if let Err(why) = transition(state, step, step.natural_role(), true) {
        let why = why.text("unit", &unit).month("month", month);
        app.error(render(&why));
        return vec![];
    }
    if step.needs_reason() {
        let over = app.screen().clone();
        app.enter(Screen::RoundReason(Box::new(RoundPrompt {
            action: step,
            unit,
            month,
            input: TextInput::new(""),
            over,
        })));
        return vec![];
    }
    send(app, unit, month, step, String::new())
}

/// Sends a transition (taken in the role the step is taken in; the server checks the author
/// holds it for the unit or one above it).
fn send(app: &mut App, unit: String, month: u8, step: Step, reason: String) -> Vec<Effect> {
    let change = Change::Transition {
        unit,
        month,
        action: step,
        role: step.natural_role(),
        reason,
    };
    app.round.pending = Some(RoundPending {
        change: Some(change.clone()),
    });
    vec![Effect::Apply {
        changes: vec![change],
        source: SOURCE.to_string(),
    }]
}

/// The reason prompt of a return or a reopening.
pub(super) fn reason(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::RoundReason(p) = app.screen_mut() else {
        return vec![];
    };
    if p.input.apply(&action) {
        return vec![];
    }
    match action {
        Action::Cancel => {
            app.leave();
            app.say("");
            vec![]
        }
        Action::Commit => {
            let text = p.input.text().trim().to_string();
            if text.is_empty() {
                p.input.set_error(tt::REASON_EMPTY.s());
                app.error(tt::REASON_EMPTY.s());
                return vec![];
            }
            let (unit, month, step) = (p.unit.clone(), p.month, p.action);
            // the prompt stays until the store took it (a refusal is shown in it)
            send(app, unit, month, step, text)
        }
        Action::Quit => quit(app),
        _ => vec![],
    }
}

/// Opens the analysis editor on the IKU-month in view, or says why it cannot (no IKU, a closed
/// month).
fn open_analysis(app: &mut App) {
    let Some((iku, month)) = app.round_iku_month() else {
        app.error(tt::SELECT_IKU_MONTH.s());
        return;
    };
    let what = tt::WHAT_ANALYSIS.s();
    if let Err(why) = crate::domain::edit::round_change(app.ds(), &iku.unit, &iku.code, month, what)
    {
        app.error(crate::text::reason::refusal(&why));
        return;
    }
    let over = app.screen().clone();
    let a = app.analysis_of(&iku, month).cloned();
    app.enter(Screen::Analysis(Box::new(AnalysisEditor::new(
        iku,
        month,
        a.as_ref(),
        over,
    ))));
    app.say(tt::AN_HINT.s());
}

/// The analysis editor's keys: typing into the field, moving between fields, saving
/// (`commit`) and leaving without saving (`cancel`).
pub(super) fn analysis(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(e) = app.analysis_editor_mut() else {
        return vec![];
    };
    let width = e.width.max(1);
    match action {
        Action::NextField | Action::PrevField => {
            e.at = if action == Action::NextField {
                (e.at + 1) % FIELDS
            } else {
                (e.at + FIELDS - 1) % FIELDS
            };
            return vec![];
        }
        Action::Newline => {
            if one_line(e.at) {
                e.at = (e.at + 1) % FIELDS;
            } else {
                let at = e.at;
                e.fields[at].apply(&Action::Insert('\n'), width);
            }
            return vec![];
        }
        Action::Cancel => {
            app.leave();
            app.say("");
            return vec![];
        }
        Action::Commit => return save_analysis(app),
        Action::Quit => return quit(app),
        Action::Suspend => return vec![Effect::Suspend],
        _ => {}
    }
    let at = e.at;
    if e.fields[at].apply(&action, width) {
        e.error = None;
    }
    vec![]
}

fn save_analysis(app: &mut App) -> Vec<Effect> {
    let Some(e) = app.analysis_editor_mut() else {
        return vec![];
    };
    let a = match e.analysis() {
        Ok(a) => a,
        Err(why) => {
            e.error = Some(why.clone());
            app.error(why);
            return vec![];
        }
    };
    let (iku, month) = (e.iku.clone(), e.month);
    let old = app.analysis_of(&iku, month).cloned().unwrap_or_default();
    if old == a {
        app.leave();
        app.say(tt::AN_UNCHANGED.s());
        return vec![];
    }
    let change = Change::SetAnalysis {
        iku,
        month,
        analysis: (!a.is_empty()).then_some(a),
    };
    app.round.pending = Some(RoundPending {
        change: Some(change.clone()),
    });
    vec![Effect::Apply {
        changes: vec![change],
        source: SOURCE.to_string(),
    }]
}

/// Opens the prompt of an evidence file's path on the IKU-month in view, or says why it
/// cannot.
fn open_evidence(app: &mut App) {
    let Some((iku, month)) = app.round_iku_month() else {
        app.error(tt::SELECT_IKU_MONTH.s());
        return;
    };
    let what = tt::WHAT_EVIDENCE.s();
    if let Err(why) = crate::domain::edit::round_change(app.ds(), &iku.unit, &iku.code, month, what)
    {
        app.error(crate::text::reason::refusal(&why));
        return;
    }
    let over = app.screen().clone();
    app.enter(Screen::EvidencePath(Box::new(EvidencePrompt {
        iku,
        month,
        input: TextInput::new(""),
        over,
    })));
}

/// The evidence prompt: Enter reads the file (the run loop: a regular file within the
/// rulebook's size limit), keeps its bytes in the store and attaches it.
pub(super) fn evidence(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::EvidencePath(p) = app.screen_mut() else {
        return vec![];
    };
    if p.input.apply(&action) {
        return vec![];
    }
    match action {
        Action::Cancel => {
            app.leave();
            app.say("");
            vec![]
        }
        Action::Commit => {
            let path = p.input.text().trim().to_string();
            if path.is_empty() {
                p.input.set_error(tt::EV_EMPTY.s());
                app.error(tt::EV_EMPTY.s());
                return vec![];
            }
            let (iku, month) = (p.iku.clone(), p.month);
            app.round.pending = Some(RoundPending { change: None });
            vec![Effect::AttachEvidence {
                iku,
                month,
                path: path.into(),
            }]
        }
        Action::Quit => quit(app),
        _ => vec![],
    }
}
