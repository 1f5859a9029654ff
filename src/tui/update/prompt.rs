//! The questions: the addendum's reason (on submit) and whether to discard it (y/n), and
//! whether to store a realisasi far outside its IKU's trajectory (y/n).

use crate::domain::addendum::{change_of, default_date, prepare};
use crate::text::tui as t;
use crate::tui::action::Action;
use crate::tui::app::{App, PendingAddendum, Screen};
use crate::tui::update::{ADDENDUM_SOURCE, Effect};

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match app.screen() {
        Screen::AddendumDiscard => {
            match action {
                Action::Insert('y' | 'Y') => {
                    let n = app.addendum().map_or(0, |s| s.len());
                    app.enter(Screen::Grid);
                    app.say(t::ADD_DISCARDED.fill(&[("n", &n)]));
                }
                Action::Insert('n' | 'N') | Action::Cancel => {
                    app.leave();
                    app.say("");
                }
                _ => {}
            }
            vec![]
        }
        Screen::AddendumReason(_) => reason(app, action),
        Screen::ConfirmRealisasi(_) => confirm(app, action),
        _ => vec![],
    }
}

fn reason(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::AddendumReason(input) = app.screen_mut() else {
        return vec![];
    };
    if input.apply(&action) {
        return vec![];
    }
    match action {
        Action::Cancel => {
            // the reason typed so far is kept for the next submission
            let typed = input.text().to_string();
            if let Some(s) = app.addendum_mut() {
                s.draft.reason = typed;
            }
            app.leave();
            app.say("");
            vec![]
        }
        Action::Commit => submit(app),
        _ => vec![],
    }
}

/// The reason is given: the draft goes through `domain::addendum::prepare`; its problems are
/// listed (the mode stays), or its writes go to the store as one change set.
fn submit(app: &mut App) -> Vec<Effect> {
    let today = app.today();
    let year = app.ds().year;
    let Screen::AddendumReason(input) = app.screen_mut() else {
        return vec![];
    };
    let reason = input.text().trim().to_string();
    if reason.is_empty() {
        input.set_error(t::ADD_REASON_EMPTY.s());
        app.error(t::ADD_REASON_EMPTY.s());
        return vec![];
    }
    let Some(s) = app.addendum_mut() else {
        return vec![];
    };
    s.draft.reason = reason;
    // today, kept inside the PK year: an addendum of a past year's PK is dated on its last day
    s.draft.date = default_date(year, today);
    let draft = s.draft.clone();
    app.leave();
    match prepare(app.ds(), app.rb(), &draft) {
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            let n = list.len();
            if let Some(s) = app.addendum_mut() {
                s.problems = list;
            }
            app.error(t::ADD_REFUSED.fill(&[("n", &n)]));
            vec![]
        }
        Ok((addendum, after)) => {
            if let Some(s) = app.addendum_mut() {
                s.problems.clear();
            }
            let change = change_of(&addendum, &after);
            app.addendum.pending = Some(PendingAddendum {
                change: change.clone(),
                addendum,
            });
            vec![Effect::Apply {
                changes: vec![change],
                source: ADDENDUM_SOURCE.to_string(),
            }]
        }
    }
}

/// `y` stores the realisasi that `domain::edit::plausibility` questioned, as the editor would
/// have; `n` or Esc goes back to the editor with the text as typed, to correct it.
fn confirm(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::ConfirmRealisasi(c) = app.screen() else {
        return vec![];
    };
    let c = (**c).clone();
    match action {
        Action::Insert('y' | 'Y') | Action::Commit => {
            // as the editor would have: a submitted month still asks the correction's reason
            app.enter(Screen::Edit(c.editor.clone()));
            super::edit::store_or_ask_reason(app, c.editor, Some(c.value), c.advance)
        }
        Action::Insert('n' | 'N') | Action::Cancel => {
            app.leave();
            app.say("");
            vec![]
        }
        _ => vec![],
    }
}
