//! The cell editor of the grid and the history of stored realisasi edits (undo/redo), with the
//! outcome of storing one ([`App::applied`]).

use rust_decimal::Decimal;

use crate::domain::change::{Change, ChangeError, Done, Reversible};
use crate::domain::edit::{self, Refusal};
use crate::domain::{CodeRef, Iku};
use crate::text::reason::refusal;
use crate::text::tui as t;
use crate::tui::app::App;
use crate::tui::app::screen::Screen;
use crate::tui::app::text_input::TextInput;

/// Which row of the grid a cell editor changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// A realisasi, stored at once.
    Realisasi,
    /// A target, gathered into the pending addendum (addendum mode).
    Target,
}

/// The cell editor of the grid: which cell, and the text typed into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellEditor {
    pub kind: EditKind,
    pub iku: CodeRef,
    pub month: u8,
    pub input: TextInput,
    /// The stored value when the editor opened (or when a conflict showed the value that won):
    /// what its author last saw, sent with the change so that the server refuses it when
    /// someone else changed the cell meanwhile.
    pub seen: Option<Decimal>,
    /// True when opened from the worklist (a stored value goes back to it, to the next empty
    /// row), false from the grid.
    pub in_worklist: bool,
}

impl CellEditor {
    /// The text typed so far.
    pub fn buffer(&self) -> &str {
        self.input.text()
    }
    /// Why the last commit was refused.
    pub fn error(&self) -> Option<&str> {
        self.input.error()
    }
}

/// A realisasi far outside its IKU's trajectory waiting for the user's y/n
/// (`domain::edit::plausibility`): the editor it came from (`n` goes back to it, the text
/// kept), the value as read and where the editor goes after storing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub editor: CellEditor,
    pub value: Decimal,
    pub advance: Option<i8>,
    pub why: edit::Implausible,
}

/// What a pending `Effect::Apply` was for; resolved by [`App::applied`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingKind {
    /// A commit from the editor (or a clear in the grid); `advance` moves the editor after it.
    Edit {
        advance: Option<i8>,
    },
    Undo,
    Redo,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub kind: PendingKind,
    /// The change and the change that undoes it (the undo/redo stacks keep these).
    pub record: Reversible,
    /// The value its author last saw in the cell the change sets (the conflict check).
    pub seen: Option<Decimal>,
}

/// The realisasi edits: the undo and redo stacks and the edit being stored.
#[derive(Debug, Default)]
pub struct Edits {
    pub(crate) undo: Vec<Reversible>,
    pub(crate) redo: Vec<Reversible>,
    pub(crate) pending: Option<Pending>,
}

impl Edits {
    /// Forgets the history (after an addendum: its date can freeze realisasi months, R10).
    pub(crate) fn forget(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

impl App {
    /// How many stored edits Undo can take back.
    pub fn undo_depth(&self) -> usize {
        self.edits.undo.len()
    }

    /// How many undone edits Redo can store again.
    pub fn redo_depth(&self) -> usize {
        self.edits.redo.len()
    }

    /// True while a change is being stored (between an `Effect::Apply` and [`App::applied`]).
    pub fn is_storing(&self) -> bool {
        self.edits.pending.is_some()
            || self.addendum.pending.is_some()
            || self.round.pending.is_some()
    }

    /// Why the realisasi of `month` of `iku` cannot be edited here, if it cannot: the edit rule
    /// of `domain::edit`, as `set` and the realisasi sheet ask it.
    pub fn edit_refusal(&self, key: &CodeRef, month: u8) -> Option<Refusal> {
        edit::realisasi_change(&self.data.ds, &key.unit, &key.code, month).err()
    }

    /// Why the realisasi of `month` of `key` cannot be corrected even with a reason, if it
    /// cannot (`domain::edit::realisasi_correction`): a month that was submitted opens the
    /// editor, and its value is stored only with the reason of the correction.
    pub fn correction_refusal(&self, key: &CodeRef, month: u8) -> Option<Refusal> {
        edit::realisasi_correction(&self.data.ds, &key.unit, &key.code, month, true).err()
    }

    /// True when a change of the realisasi of `month` of `key`'s unit needs a reason (the month
    /// was submitted: `diajukan`, `divalidasi`).
    pub fn needs_correction_reason(&self, key: &CodeRef, month: u8) -> bool {
        self.data.ds.month_state(&key.unit, month).is_submitted()
    }

    /// Changes stored by another writer (another process, the CLI, later the store server): put
    /// into the dataset by the same apply the TUI's own changes go through, and what depends on
    /// them dropped. The undo history stays: it holds only realisasi values, set whole.
    pub fn stored_elsewhere(&mut self, changes: &[Change]) -> Result<Vec<Done>, ChangeError> {
        let done = self.data.ds.apply(changes)?;
        self.changed(&done);
        if !done.is_empty() {
            self.question_outdated();
        }
        Ok(done)
    }

    /// The data changed under an open addendum question: the question was prepared on the data
    /// before (its R10 check, the findings it shows), so it is closed and asked again on submit.
    pub(crate) fn question_outdated(&mut self) {
        if matches!(self.screen, Screen::AddendumConfirm(_)) {
            self.enter(Screen::Addendum);
            self.error(t::ADD_STALE.s());
        }
    }

    /// Drops what depends on what a change did: everything after a change of the set of IKU,
    /// else the scores and findings the changed values reach.
    pub(crate) fn changed(&mut self, done: &[Done]) {
        if done.iter().any(Done::is_structural) {
            self.data.scores.clear();
            self.data.findings.clear();
            self.views.compare_scores.clear();
            self.refresh_filter();
            return;
        }
        // a step of the round, an analysis, evidence: the round's findings of that unit
        let round_units: Vec<String> = done
            .iter()
            .filter_map(|d| match d {
                Done::Month { unit, .. } => Some(unit.clone()),
                Done::Analysis { iku, .. } | Done::Evidence { iku, .. } => Some(iku.unit.clone()),
                _ => None,
            })
            .collect();
        self.data.findings.invalidate(&round_units);
        let mut touched: Vec<CodeRef> = done
            .iter()
            .filter_map(|d| match d {
                Done::Value { iku, .. } => Some(iku.clone()),
                _ => None,
            })
            .collect();
        touched.dedup();
        self.invalidate(&touched);
        self.refresh_filter();
    }

    /// The outcome of the last `Effect::Apply`: on success the change is put into the in-memory
    /// dataset, the scores that depend on it are dropped, the undo stacks move and the status says
    /// "Tersimpan"; on failure the editor stays open with the reason.
    pub fn applied(&mut self, result: Result<(), String>) {
        if let Some(p) = self.addendum.pending.take() {
            self.addendum_applied(p, result);
            return;
        }
        if let Some(p) = self.round.pending.take() {
            self.round_applied(p, result);
            return;
        }
        let Some(p) = self.edits.pending.take() else {
            return;
        };
        match result {
            Ok(()) => {
                let change = match p.kind {
                    PendingKind::Undo => &p.record.undo,
                    _ => &p.record.change,
                };
                // the store took it: the same apply puts it into the dataset
                let done = self
                    .data
                    .ds
                    .apply(std::slice::from_ref(change))
                    .unwrap_or_default();
                self.changed(&done);
                let Some((iku, month, _)) = change.value_of() else {
                    return;
                };
                let iku = iku.clone();
                let mname = t::month_name(month);
                match p.kind {
                    PendingKind::Edit { advance } => {
                        self.edits.undo.push(p.record.clone());
                        self.edits.redo.clear();
                        self.say(t::SAVED.s());
                        if matches!(self.screen, Screen::CorrectionReason(_)) {
                            // back to the editor, which the stored value closes
                            self.leave();
                        }
                        let from_editor = matches!(self.screen, Screen::Edit(_));
                        if from_editor {
                            self.leave();
                        }
                        if matches!(self.screen, Screen::Worklist) {
                            if from_editor {
                                self.worklist_after_save(advance);
                            } else {
                                // a clear: the cursor stays on the row
                                let count = super::worklist::count_text(self.worklist_count());
                                self.say(t::WL_SAVED.fill(&[("count", &count)]));
                            }
                            return;
                        }
                        if let Some(step) = advance
                            && let Some(next) = self.next_reporting_month(&iku, month, step)
                        {
                            self.grid.month = next;
                            self.open_editor();
                        }
                    }
                    PendingKind::Undo => {
                        self.edits.undo.pop();
                        self.edits.redo.push(p.record.clone());
                        self.say(t::UNDONE.fill(&[("iku", &iku), ("month", &mname)]));
                    }
                    PendingKind::Redo => {
                        self.edits.redo.pop();
                        self.edits.undo.push(p.record.clone());
                        self.say(t::REDONE.fill(&[("iku", &iku), ("month", &mname)]));
                    }
                }
            }
            Err(reason) => {
                let msg = t::NOT_SAVED.fill(&[("reason", &reason)]);
                if let Screen::CorrectionReason(p) = &mut self.screen {
                    p.input.set_error(reason.clone());
                }
                if let Some(e) = self.editor_mut() {
                    e.input.set_error(reason);
                }
                self.error(msg);
            }
        }
    }

    /// The next (step > 0) or previous reporting month of an IKU after `month`.
    pub fn next_reporting_month(&self, key: &CodeRef, month: u8, step: i8) -> Option<u8> {
        let iku = self.data.ds.iku.get(key)?;
        let months = iku.reporting_period.months();
        if step > 0 {
            months.iter().copied().find(|&m| m > month)
        } else {
            months.iter().rev().copied().find(|&m| m < month)
        }
    }

    /// Opens the editor on the grid cursor, or says why it cannot.
    pub fn open_editor(&mut self) {
        let Some(key) = self.selected_iku().map(Iku::key) else {
            self.error(t::SELECT_IKU.s());
            return;
        };
        let month = self.grid.month;
        self.open_editor_at(key, month, false);
    }

    /// Opens the editor on the realisasi of `month` of `key` (from the grid, or the worklist
    /// when `in_worklist`), or says why it cannot: the edit rule of `domain::edit`.
    pub(crate) fn open_editor_at(&mut self, key: CodeRef, month: u8, in_worklist: bool) {
        if let Some(why) = self.correction_refusal(&key, month) {
            self.error(refusal(&why));
            return;
        }
        let current = self.data.ds.iku[&key].realisasi[(month - 1) as usize];
        self.grid.month = month;
        self.open_cell(EditKind::Realisasi, key, current);
        if let Some(e) = self.editor_mut() {
            e.in_worklist = in_worklist;
        }
    }

    /// After a realisasi from the worklist was stored (or found unchanged): Enter goes to the
    /// next empty row and says how many are filled; Tab / Shift-Tab (`advance`) go to the
    /// next / previous row and open its editor.
    pub(crate) fn worklist_after_save(&mut self, advance: Option<i8>) {
        let count = super::worklist::count_text(self.worklist_count());
        match advance {
            Some(step) => {
                self.say(t::WL_SAVED.fill(&[("count", &count)]));
                self.worklist_step(isize::from(step));
                if let Some(r) = self.worklist_row().filter(|r| r.editable()) {
                    let month = self.worklist.month;
                    self.open_editor_at(r.iku, month, true);
                }
            }
            None => {
                let from = self.worklist.cursor + 1;
                if self.worklist_to_empty(from) {
                    self.say(t::WL_SAVED.fill(&[("count", &count)]));
                } else {
                    let month = t::month_name(self.worklist.month);
                    self.say(t::WL_ALL_FILLED.fill(&[("month", &month), ("count", &count)]));
                }
            }
        }
    }

    /// Opens the editor on the target of the grid cursor (addendum mode), showing the pending
    /// value if the draft changes it, or says why it cannot.
    pub fn open_target_editor(&mut self) {
        let Some(key) = self.selected_iku().map(Iku::key) else {
            self.error(t::SELECT_IKU.s());
            return;
        };
        let month = self.grid.month;
        if let Some(why) = self.target_refusal(&key, month, true) {
            self.error(refusal(&why));
            return;
        }
        let stored = self.data.ds.iku[&key].targets[(month - 1) as usize];
        let current = self
            .addendum()
            .and_then(|s| s.pending(&key.code, month))
            .unwrap_or(stored);
        self.open_cell(EditKind::Target, key, current);
    }

    fn open_cell(&mut self, kind: EditKind, iku: CodeRef, current: Option<Decimal>) {
        let text = current
            .map(|d| crate::tui::deps::format_editable(d, self.settings.locale))
            .unwrap_or_default();
        self.enter(Screen::Edit(CellEditor {
            kind,
            iku,
            month: self.grid.month,
            input: TextInput::replaceable(text),
            seen: current,
            in_worklist: false,
        }));
    }
}
