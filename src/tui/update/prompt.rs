//! The questions: the addendum's reason and date (on submit), whether to store it, showing the
//! findings it would create (y/n), and whether to discard it (y/n); whether to store a realisasi
//! far outside its IKU's trajectory (y/n).

use chrono::NaiveDate;

use crate::domain::addendum::{change_of, date_problem, prepare};
use crate::domain::rules::findings_created;
use crate::text::tui as t;
use crate::tui::action::Action;
use crate::tui::app::{AddendumQuestion, App, PendingAddendum, Screen, TextInput};
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
        Screen::AddendumDate(_) => date(app, action),
        Screen::AddendumConfirm(_) => store_addendum(app, action),
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
        Action::Commit => reasoned(app),
        _ => vec![],
    }
}

/// The reason is given: the date is asked next, offering the draft's (today kept in the PK
/// year, or the one given at the last submission).
fn reasoned(app: &mut App) -> Vec<Effect> {
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
    let offered = s.draft.date.format("%Y-%m-%d").to_string();
    app.enter(Screen::AddendumDate(TextInput::replaceable(offered)));
    app.say("");
    vec![]
}

/// The addendum's date: read as YYYY-MM-DD and kept only inside the PK year and not before
/// the unit's previous addendum (`domain::addendum::date_problem`); then the draft goes through
/// `prepare`.
fn date(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::AddendumDate(input) = app.screen_mut() else {
        return vec![];
    };
    if input.apply(&action) {
        return vec![];
    }
    match action {
        Action::Cancel => {
            app.leave();
            app.say("");
            vec![]
        }
        Action::Commit => {
            let text = input.text().trim().to_string();
            let Ok(date) = NaiveDate::parse_from_str(&text, "%Y-%m-%d") else {
                let why = t::ADD_DATE_BAD.fill(&[("date", &text)]);
                input.set_error(why.clone());
                app.error(why);
                return vec![];
            };
            let unit = app.addendum().map(|s| s.unit.clone()).unwrap_or_default();
            if let Some(why) = date_problem(app.ds(), &unit, date) {
                if let Screen::AddendumDate(input) = app.screen_mut() {
                    input.set_error(why.clone());
                }
                app.error(why);
                return vec![];
            }
            if let Some(s) = app.addendum_mut() {
                s.draft.date = date;
            }
            submit(app)
        }
        _ => vec![],
    }
}

/// The reason and the date are given: the draft goes through `domain::addendum::prepare`; its
/// problems are listed (the mode stays), or the question shows what storing it would do.
fn submit(app: &mut App) -> Vec<Effect> {
    let Some(draft) = app.addendum().map(|s| s.draft.clone()) else {
        return vec![];
    };
    app.enter(Screen::Addendum);
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
            let created = findings_created(app.ds(), &after, app.rb(), &draft.unit);
            let change = change_of(&addendum, &after);
            app.enter(Screen::AddendumConfirm(Box::new(AddendumQuestion {
                addendum,
                change,
                created,
            })));
            app.say("");
            vec![]
        }
    }
}

/// `y` stores the addendum as the question showed it; `n` or Esc goes back to the draft.
fn store_addendum(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::AddendumConfirm(q) = app.screen() else {
        return vec![];
    };
    let q = (**q).clone();
    match action {
        Action::Insert('y' | 'Y') => {
            app.leave();
            app.addendum.pending = Some(PendingAddendum {
                change: q.change.clone(),
                addendum: q.addendum,
            });
            vec![Effect::Apply {
                changes: vec![q.change],
                source: ADDENDUM_SOURCE.to_string(),
            }]
        }
        Action::Insert('n' | 'N') | Action::Cancel => {
            app.leave();
            app.say("");
            vec![]
        }
        _ => vec![],
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
