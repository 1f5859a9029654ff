//! The Peta Strategi screen (the cursor moves between the boxes, Enter opens the SS in the
//! tree, Esc/q go back) and the prompt of an IS's realised % (Enter stores it through
//! `PlanChange::SetProgress`, Tab goes to the IKU's next IS).

use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::update::{Effect, SOURCE, help, quit};

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => return quit(app),
        Action::Suspend => return vec![Effect::Suspend],
        Action::Help => help::open(app),
        Action::ShowMessage if !app.status().is_empty() => {
            let over = Box::new(app.screen().clone());
            app.enter(Screen::Message { over });
        }
        Action::Left => app.peta_move(-1, 0),
        Action::Right => app.peta_move(1, 0),
        Action::Up => app.peta_move(0, -1),
        Action::Down => app.peta_move(0, 1),
        Action::Expand if app.peta().pending.is_some() => {
            let remove = app.peta().pending.as_ref().is_some_and(|p| p.remove);
            app.peta_pick(remove);
        }
        Action::Expand => app.peta_open_in_tree(),
        Action::PetaLink => app.peta_pick(false),
        Action::PetaUnlink => app.peta_pick(true),
        Action::Cancel if app.peta_cancel_pick() => {}
        Action::PrevPeriod | Action::NextPeriod => {
            let p = if action == Action::PrevPeriod {
                app.period().saturating_sub(1).max(1)
            } else {
                (app.period() + 1).min(12)
            };
            app.set_period(p);
        }
        Action::Cancel | Action::PetaStrategi => app.leave(),
        _ => {}
    }
    vec![]
}

/// The reason of an addendum of the map: Enter stores it (an empty reason is told in the
/// prompt), Esc goes back to the map with nothing stored.
pub(super) fn update_link_reason(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::LinkReason(p) = app.screen() else {
        return vec![];
    };
    let p = p.clone();
    match action {
        Action::Cancel => app.leave(),
        Action::Quit => return quit(app),
        Action::Suspend => return vec![Effect::Suspend],
        Action::Commit | Action::CommitNext | Action::CommitPrev => {
            match app.link_prompt_change(&p) {
                Ok(c) => {
                    app.leave();
                    let mut what = p.shown();
                    if let Some(w) = &p.warning {
                        what.push_str(" — ");
                        what.push_str(&crate::text::plan::LINK_WARNING.fill(&[("what", w)]));
                    }
                    return vec![Effect::ApplyPlan {
                        changes: vec![c],
                        source: SOURCE.to_string(),
                        what,
                    }];
                }
                Err(why) => {
                    if let Screen::LinkReason(p) = app.screen_mut() {
                        p.input.set_error(why);
                    }
                }
            }
        }
        other => {
            if let Screen::LinkReason(p) = app.screen_mut() {
                p.input.apply(&other);
            }
        }
    }
    vec![]
}

/// The IS plan editor: Tab / Shift-Tab move between the fields, Enter stores the plan
/// (`PlanChange::PutInisiatif`; a problem is shown in the editor, on its field), Esc stores
/// nothing.
pub(super) fn update_is_plan(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::IsPlan(e) = app.screen() else {
        return vec![];
    };
    let e = (**e).clone();
    let n = e.fields.len();
    match action {
        Action::Cancel => app.leave(),
        Action::Quit => return quit(app),
        Action::Suspend => return vec![Effect::Suspend],
        Action::CommitNext | Action::CommitPrev | Action::NextField | Action::PrevField => {
            let step = if matches!(action, Action::CommitNext | Action::NextField) {
                1
            } else {
                n - 1
            };
            if let Screen::IsPlan(e) = app.screen_mut() {
                e.at = (e.at + step) % n;
            }
        }
        Action::Commit => match match e.report {
            Some(month) => app.is_report_change(&e, month),
            None => app.is_plan_change(&e),
        } {
            Ok(c) => {
                app.leave();
                let what = match e.report {
                    Some(_) => format!("{} ({} %)", e.is, e.fields[0].text().trim()),
                    None => format!("{} ({})", e.is, e.fields[0].text().trim()),
                };
                return vec![Effect::ApplyPlan {
                    changes: vec![c],
                    source: SOURCE.to_string(),
                    what,
                }];
            }
            Err((field, why)) => {
                if let Screen::IsPlan(e) = app.screen_mut() {
                    e.at = field;
                    e.error = Some(why);
                }
            }
        },
        other => {
            if let Screen::IsPlan(e) = app.screen_mut() {
                let at = e.at;
                e.fields[at].apply(&other);
            }
        }
    }
    vec![]
}

/// The prompt of a budget line's realisasi: Enter stores it (`PlanChange::SetLineRealisasi`,
/// empty clears the month), Tab / Shift-Tab store it and go to the unit's next / previous line
/// (an untouched prompt only moves on), Esc stores nothing.
pub(super) fn update_budget(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::BudgetRealisasi(p) = app.screen() else {
        return vec![];
    };
    let p = p.clone();
    match action {
        Action::Cancel => app.leave(),
        Action::Quit => return quit(app),
        Action::Suspend => return vec![Effect::Suspend],
        Action::Commit | Action::CommitNext | Action::CommitPrev => {
            let stored = app
                .unit_plan(&p.unit)
                .and_then(|u| u.line(&p.line))
                .and_then(|l| l.realisasi.get(&p.month))
                .map(|v| crate::tui::deps::format_editable(v.0, app.locale()))
                .unwrap_or_default();
            let what = format!(
                "{} {} {}",
                p.line,
                crate::text::tui::month_name(p.month),
                p.input.text().trim()
            );
            return stepping_commit(
                app,
                &action,
                p.input.text().trim() == stored,
                |app| app.budget_prompt_change(&p),
                |app, why| {
                    if let Screen::BudgetRealisasi(p) = app.screen_mut() {
                        p.input.set_error(why);
                    }
                },
                |app, step| app.budget_prompt_step(step),
                what,
            );
        }
        other => {
            if let Screen::BudgetRealisasi(p) = app.screen_mut() {
                p.input.apply(&other);
            }
        }
    }
    vec![]
}

pub(super) fn update_prompt(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::IsProgress(p) = app.screen() else {
        return vec![];
    };
    let p = p.clone();
    match action {
        Action::Cancel => app.leave(),
        Action::Quit => return quit(app),
        Action::Suspend => return vec![Effect::Suspend],
        Action::Commit | Action::CommitNext | Action::CommitPrev => {
            let what = format!(
                "{} {} {}",
                p.is,
                crate::text::tui::month_name(p.month),
                p.input.text().trim()
            );
            // Tab on an untouched prompt only moves on to the next IS
            return stepping_commit(
                app,
                &action,
                p.input.text().trim().is_empty(),
                |app| app.is_prompt_change(&p),
                |app, why| {
                    if let Screen::IsProgress(p) = app.screen_mut() {
                        p.input.set_error(why);
                    }
                },
                |app, step| app.is_prompt_step(step),
                what,
            );
        }
        other => {
            if let Screen::IsProgress(p) = app.screen_mut() {
                p.input.apply(&other);
            }
        }
    }
    vec![]
}

/// What the two stepping prompts of the plans (an IS's progress, a budget line's realisasi) do
/// on Enter, Tab and Shift-Tab: Enter stores the typed value and leaves, Tab / Shift-Tab store
/// it and go to the next / previous item — an `untouched` prompt only moves on. A value that
/// cannot be stored (`change`'s reason) is shown in the prompt (`refused`), which stays.
fn stepping_commit(
    app: &mut App,
    action: &Action,
    untouched: bool,
    change: impl FnOnce(&App) -> Result<crate::domain::plan::PlanChange, String>,
    refused: impl FnOnce(&mut App, String),
    step_to: impl FnOnce(&mut App, isize),
    what: String,
) -> Vec<Effect> {
    let step = match action {
        Action::CommitNext => 1,
        Action::CommitPrev => -1,
        _ => 0,
    };
    let change = if step != 0 && untouched {
        None
    } else {
        match change(app) {
            Ok(c) => Some(c),
            Err(why) => {
                refused(app, why);
                return vec![];
            }
        }
    };
    if step == 0 {
        app.leave();
    } else {
        step_to(app, step);
    }
    change.map_or_else(Vec::new, |c| {
        vec![Effect::ApplyPlan {
            changes: vec![c],
            source: SOURCE.to_string(),
            what,
        }]
    })
}
