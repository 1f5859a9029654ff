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
        Action::Expand => app.peta_open_in_tree(),
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
            let step = match action {
                Action::CommitNext => 1,
                Action::CommitPrev => -1,
                _ => 0,
            };
            // Tab on an untouched prompt only moves on to the next IS
            let untouched = step != 0 && p.input.text().trim().is_empty();
            let change = if untouched {
                None
            } else {
                match app.is_prompt_change(&p) {
                    Ok(c) => Some(c),
                    Err(why) => {
                        if let Screen::IsProgress(p) = app.screen_mut() {
                            p.input.set_error(why);
                        }
                        return vec![];
                    }
                }
            };
            if step == 0 {
                app.leave();
            } else {
                app.is_prompt_step(step);
            }
            return match change {
                Some(c) => vec![Effect::ApplyPlan {
                    changes: vec![c],
                    source: SOURCE.to_string(),
                    what: format!(
                        "{} {} {}",
                        p.is,
                        crate::text::tui::month_name(p.month),
                        p.input.text().trim()
                    ),
                }],
                None => vec![],
            };
        }
        other => {
            if let Screen::IsProgress(p) = app.screen_mut() {
                p.input.apply(&other);
            }
        }
    }
    vec![]
}
