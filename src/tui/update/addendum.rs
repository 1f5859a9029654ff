//! The addendum screen: target changes of one unit gathered into a draft (nothing is stored
//! before the submission), moving within the unit's IKU, submitting or discarding the draft.

use rust_decimal::Decimal;

use crate::domain::addendum::AddendumDraft;
use crate::domain::{CodeRef, Iku};
use crate::text::tui as t;
use crate::tui::action::Action;
use crate::tui::app::{AddendumSession, App, Node, Screen, TextInput};
use crate::tui::deps::format_exact;
use crate::tui::update::{Effect, edit, grid, help, quit};

/// `start-addendum`: the addendum mode for the unit of the selection, on the selected IKU (or
/// the unit's first one), the cursor on the first month whose target can still change.
pub(super) fn start(app: &mut App) {
    let Some(node) = app.node().cloned() else {
        return;
    };
    let unit = node.unit().to_string();
    let ikus = app.unit_ikus(&unit);
    let key = match &node {
        Node::Iku(k) => Some(k.clone()),
        Node::Ss(k) => app
            .ds()
            .iku_of_ss(k)
            .first()
            .cloned()
            .or_else(|| ikus.first().cloned()),
        Node::Unit(_) => ikus.first().cloned(),
    };
    let Some(key) = key else {
        app.error(t::ADD_NO_IKU.fill(&[("unit", &unit)]));
        return;
    };
    app.select_node(&Node::Iku(key.clone()));
    app.grid.month = first_open_month(app, &key).unwrap_or(app.period());
    let version = app.ds().pk_version(&unit) + 1;
    app.enter(Screen::Addendum);
    app.addendum.session = Some(AddendumSession {
        unit: unit.clone(),
        draft: AddendumDraft {
            unit: unit.clone(),
            reason: String::new(),
            // asked on submission (prompt::date); this is what it offers
            date: crate::domain::addendum::default_date(app.ds().year, app.today()),
            sets: Vec::new(),
            add: Vec::new(),
            remove: Vec::new(),
        },
        problems: Vec::new(),
    });
    app.say(t::ADD_STARTED.fill(&[("unit", &unit), ("version", &version)]));
}

/// The first reporting month of an IKU whose target an addendum may still change.
fn first_open_month(app: &App, key: &CodeRef) -> Option<u8> {
    let iku = app.ds().iku.get(key)?;
    let frozen = app.frozen_targets(iku);
    iku.reporting_period
        .months()
        .iter()
        .copied()
        .find(|m| !frozen[(*m - 1) as usize])
}

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Left | Action::Right | Action::First | Action::Last => {
            grid::move_month(app, &action)
        }
        Action::Up | Action::Down => {
            let Some(unit) = app.addendum().map(|s| s.unit.clone()) else {
                return vec![];
            };
            let ikus = app.unit_ikus(&unit);
            let pos = app
                .selected_iku()
                .and_then(|i| ikus.iter().position(|k| k.code == i.code));
            let next = match (pos, action == Action::Down) {
                (Some(p), true) => ikus.get(p + 1),
                (Some(p), false) => p.checked_sub(1).and_then(|p| ikus.get(p)),
                (None, _) => ikus.first(),
            };
            if let Some(k) = next.cloned() {
                app.select_node(&Node::Iku(k));
            }
        }
        Action::StartEdit => app.open_target_editor(),
        Action::Clear => clear_target(app),
        Action::SubmitAddendum => {
            let Some(s) = app.addendum() else {
                return vec![];
            };
            if s.is_empty() {
                app.error(t::ADD_NOTHING.s());
                return vec![];
            }
            let previous = s.draft.reason.clone();
            app.enter(Screen::AddendumReason(TextInput::new(previous)));
            app.say("");
        }
        Action::DiscardAddendum | Action::Cancel => {
            let Some(s) = app.addendum() else {
                return vec![];
            };
            if s.is_empty() {
                app.leave();
                app.say(t::ADD_CLOSED.s());
            } else {
                app.enter(Screen::AddendumDiscard);
                app.say("");
            }
        }
        Action::Help => help::open(app),
        // nothing of the draft is stored: quitting discards it
        Action::Quit => return quit(app),
        Action::Suspend => return vec![Effect::Suspend],
        _ => {}
    }
    vec![]
}

/// `x` in the addendum mode: drops the pending change of the cell, or, when there is none,
/// gathers a change that clears the target.
fn clear_target(app: &mut App) {
    let Some(key) = app.selected_iku().map(Iku::key) else {
        return;
    };
    let month = app.month();
    let had_change = app
        .addendum()
        .and_then(|s| s.pending(&key.code, month))
        .is_some();
    let stored = app.ds().iku[&key].targets[(month - 1) as usize];
    if had_change {
        gather(app, &key.code, month, stored);
        return;
    }
    if let Some(why) = app.target_refusal(&key, month, false) {
        app.error(crate::text::reason::refusal(&why));
        return;
    }
    if stored.is_none() {
        app.say(t::ADD_ALREADY_EMPTY.fill(&[("iku", &key.code), ("month", &t::month_name(month))]));
        return;
    }
    gather(app, &key.code, month, None);
}

/// A value as the diff shows it.
fn shown(app: &App, v: Option<Decimal>) -> String {
    v.map_or_else(|| "–".to_string(), |d| format_exact(d, app.locale()))
}

/// Puts a new target of a cell into the draft (or takes the cell out when it equals the stored
/// target) and says so.
fn gather(app: &mut App, code: &str, month: u8, value: Option<Decimal>) {
    let Some(unit) = app.addendum().map(|s| s.unit.clone()) else {
        return;
    };
    let stored = app
        .ds()
        .iku
        .get(&CodeRef::new(&unit, code))
        .and_then(|i| i.targets[(month - 1) as usize]);
    let Some(s) = app.addendum_mut() else {
        return;
    };
    s.draft.sets.retain(|(c, m, _)| !(c == code && *m == month));
    if value != stored {
        s.draft.sets.push((code.to_string(), month, value));
        s.draft.sets.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    }
    let n = s.len();
    let mname = t::month_name(month);
    let msg = if value == stored {
        t::ADD_REVERTED.fill(&[
            ("iku", &code),
            ("month", &mname),
            ("old", &shown(app, stored)),
            ("n", &n),
        ])
    } else {
        t::ADD_PENDING.fill(&[
            ("iku", &code),
            ("month", &mname),
            ("old", &shown(app, stored)),
            ("new", &shown(app, value)),
            ("n", &n),
        ])
    };
    app.say(msg);
}

/// Commits the target editor into the draft (nothing is stored), then moves it on with Tab.
pub(super) fn commit_target(
    app: &mut App,
    key: CodeRef,
    month: u8,
    value: Option<Decimal>,
    advance: Option<i8>,
) -> Vec<Effect> {
    if let Some(why) = app.target_refusal(&key, month, value.is_some()) {
        return edit::refuse(app, crate::text::reason::refusal(&why));
    }
    app.leave();
    gather(app, &key.code, month, value);
    if let Some(step) = advance
        && let Some(next) = app.next_reporting_month(&key, month, step)
    {
        app.grid.month = next;
        let status = app.status().to_string();
        app.open_target_editor();
        if app.editor().is_some() {
            // keep saying what was gathered
            app.say(status);
        }
    }
    vec![]
}
