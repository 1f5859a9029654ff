//! The cell editor: typing a value, committing it (a realisasi is stored, a target gathered into
//! the addendum), and undo/redo of stored realisasi.

use rust_decimal::Decimal;

use crate::domain::CodeRef;
use crate::domain::change::Reversible;
use crate::domain::edit::{Refusal, plausibility};
use crate::text::reason::refusal;
use crate::text::tui as t;
use crate::tui::action::Action;
use crate::tui::app::{
    App, CellEditor, Confirm, CorrectionPrompt, EditKind, Node, Pending, PendingKind, Screen,
    TextInput,
};
use crate::tui::deps::{Change, parse_decimal};
use crate::tui::update::{Effect, SOURCE, addendum, quit};

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(ed) = app.editor_mut() else {
        return vec![];
    };
    if ed.input.apply(&action) {
        return vec![];
    }
    match action {
        Action::Cancel => {
            app.leave();
            app.say("");
        }
        Action::Commit => return commit(app, None),
        Action::CommitNext => return commit(app, Some(1)),
        Action::CommitPrev => return commit(app, Some(-1)),
        Action::Quit => return quit(app),
        Action::Suspend => return vec![Effect::Suspend],
        _ => {}
    }
    vec![]
}

/// Validates the editor's text and returns the change to store.
fn commit(app: &mut App, advance: Option<i8>) -> Vec<Effect> {
    let Some(ed) = app.editor().cloned() else {
        return vec![];
    };
    let text = ed.buffer().trim();
    let value = if text.is_empty() {
        None
    } else {
        match parse_decimal(text, app.locale()) {
            Ok(v) => Some(v),
            Err(e) => {
                let why = Refusal::BadNumber {
                    text: text.to_string(),
                    detail: e.to_string(),
                };
                return refuse(app, refusal(&why));
            }
        }
    };
    if ed.kind == EditKind::Target {
        return addendum::commit_target(app, ed.iku, ed.month, value, advance);
    }
    if let Some(why) = app.correction_refusal(&ed.iku, ed.month) {
        return refuse(app, refusal(&why));
    }
    let old = app.ds().iku[&ed.iku].realisasi[(ed.month - 1) as usize];
    if old == value {
        // nothing to store; behave like a successful commit
        app.leave();
        if ed.in_worklist {
            app.worklist_after_save(advance);
            return vec![];
        }
        if let Some(step) = advance
            && let Some(next) = app.next_reporting_month(&ed.iku, ed.month, step)
        {
            app.grid.month = next;
            app.open_editor();
        }
        return vec![];
    }
    if let Err(why) = plausibility(app.rb(), &app.ds().iku[&ed.iku], ed.month, value)
        && let Some(value) = value
    {
        // far outside the IKU's trajectory: ask first (prompt::confirm)
        app.enter(Screen::ConfirmRealisasi(Box::new(Confirm {
            editor: ed,
            value,
            advance,
            why,
        })));
        return vec![];
    }
    store_or_ask_reason(app, ed, value, advance)
}

/// Stores the editor's value, or first asks the reason of the correction when its month was
/// submitted (the value is then stored with it, [`correction`]).
pub(super) fn store_or_ask_reason(
    app: &mut App,
    ed: CellEditor,
    value: Option<Decimal>,
    advance: Option<i8>,
) -> Vec<Effect> {
    if app.needs_correction_reason(&ed.iku, ed.month) {
        app.enter(Screen::CorrectionReason(Box::new(CorrectionPrompt {
            editor: ed,
            value,
            advance,
            input: TextInput::new(""),
        })));
        return vec![];
    }
    store_value(app, ed.iku, ed.month, value, advance, ed.seen)
}

/// The reason of a correction in a submitted month: Enter stores the value with it
/// ([`Change::CorrectRealisasi`]), Esc goes back to the editor.
pub(super) fn correction(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::CorrectionReason(p) = app.screen_mut() else {
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
            let reason = p.input.text().trim().to_string();
            if reason.is_empty() {
                p.input.set_error(crate::text::tui_round::REASON_EMPTY.s());
                app.error(crate::text::tui_round::REASON_EMPTY.s());
                return vec![];
            }
            let (e, value, advance) = (p.editor.clone(), p.value, p.advance);
            let change = Change::CorrectRealisasi {
                iku: e.iku,
                month: e.month,
                value,
                reason,
            };
            send(app, change, PendingKind::Edit { advance }, e.seen)
        }
        Action::Quit => quit(app),
        _ => vec![],
    }
}

/// Sends a realisasi change of the editor: it goes to the run loop, and into the view once
/// [`App::applied`] confirms it.
fn send(app: &mut App, change: Change, kind: PendingKind, seen: Option<Decimal>) -> Vec<Effect> {
    let Some(undo) = change.inverse(app.ds()) else {
        return vec![];
    };
    app.edits.pending = Some(Pending {
        kind,
        record: Reversible {
            change: change.clone(),
            undo,
        },
        seen,
    });
    vec![Effect::Apply {
        changes: vec![change],
        source: SOURCE.to_string(),
    }]
}

/// Shows why the editor's value was refused, in the editor and on the status line.
pub(super) fn refuse(app: &mut App, why: String) -> Vec<Effect> {
    if let Some(e) = app.editor_mut() {
        e.input.set_error(why.clone());
    }
    app.error(why);
    vec![]
}

/// Stores a realisasi: the change goes to the run loop, and into the view once
/// [`App::applied`] confirms it.
pub(super) fn store_value(
    app: &mut App,
    iku: CodeRef,
    month: u8,
    value: Option<Decimal>,
    advance: Option<i8>,
    seen: Option<Decimal>,
) -> Vec<Effect> {
    let change = Change::SetRealisasi { iku, month, value };
    send(app, change, PendingKind::Edit { advance }, seen)
}

/// Undo (`undo`) or redo the last stored realisasi edit, showing the cell it changes.
pub(super) fn undo_redo(app: &mut App, undo: bool) -> Vec<Effect> {
    let stack = if undo {
        &app.edits.undo
    } else {
        &app.edits.redo
    };
    let Some(r) = stack.last().cloned() else {
        app.say(if undo {
            t::NOTHING_TO_UNDO.s()
        } else {
            t::NOTHING_TO_REDO.s()
        });
        return vec![];
    };
    let change = if undo {
        r.undo.clone()
    } else {
        r.change.clone()
    };
    // show what changes
    if let Some((iku, month, _)) = change.value_of() {
        app.select_node(&Node::Iku(iku.clone()));
        app.grid.month = month;
    }
    // undo expects the value the edit set, redo the value the undo put back: a cell someone
    // else has changed since is refused by the server, never silently overwritten
    let before = if undo { &r.change } else { &r.undo };
    let seen = before.value_of().and_then(|(_, _, v)| v);
    app.edits.pending = Some(Pending {
        kind: if undo {
            PendingKind::Undo
        } else {
            PendingKind::Redo
        },
        record: r.clone(),
        seen,
    });
    vec![Effect::Apply {
        changes: vec![change],
        source: SOURCE.to_string(),
    }]
}
