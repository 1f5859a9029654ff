//! The month-end round in the TUI (DOMAIN.md §11, `domain::round`): the unit and month the
//! round keys act on, the prompts of a return's or a reopening's reason and of an evidence
//! file's path, the analysis editor of an IKU-month, the next deadline of the unit in view, and
//! the change of the round being stored.
//!
//! Every step is a [`Change`] (`Transition`, `SetAnalysis`, `AddEvidence`) sent through the
//! store — the store server checks the author's role and tells every other client — and put
//! into the view by the same `apply` once the store took it ([`App::applied`]).

use chrono::NaiveDate;

use crate::domain::change::{Change, Done};
use crate::domain::round::{self, Action, Analysis, Due, MonthRecord, MonthState, Rencana};
use crate::domain::{CodeRef, Iku};
use crate::text::round as tr;
use crate::text::tui as t;
use crate::text::tui_round as tt;
use crate::tui::app::App;
use crate::tui::app::screen::{Focus, Screen};
use crate::tui::app::text_area::TextArea;
use crate::tui::app::text_input::TextInput;

/// A return's or a reopening's reason being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundPrompt {
    pub action: Action,
    pub unit: String,
    pub month: u8,
    pub input: TextInput,
    /// The screen the prompt returns to.
    pub over: Screen,
}

/// The reason of a correction of a realisasi in a month that was submitted, asked when the
/// editor's value is committed; the editor (`editor`) is what it returns to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionPrompt {
    pub editor: crate::tui::app::editor::CellEditor,
    pub value: Option<rust_decimal::Decimal>,
    pub advance: Option<i8>,
    pub input: TextInput,
}

/// The path of an evidence file being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidencePrompt {
    pub iku: CodeRef,
    pub month: u8,
    pub input: TextInput,
    pub over: Screen,
}

/// The fields of the analysis editor, in order.
pub const FIELDS: usize = 7;

/// The analysis editor of an IKU-month: one [`TextArea`] per field (isu, implikasi, aksi,
/// rencana aksi, who, by when, notes) and the field being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisEditor {
    pub iku: CodeRef,
    pub month: u8,
    pub fields: Vec<TextArea>,
    /// The field being edited (0..FIELDS).
    pub at: usize,
    /// Why the last save was refused.
    pub error: Option<String>,
    /// The width the fields were last drawn at (Up/Down move by wrapped row).
    pub width: usize,
    pub over: Screen,
}

/// The fields that hold one line (who, by when): Enter goes to the next field there.
pub fn one_line(field: usize) -> bool {
    matches!(field, 4 | 5)
}

/// The label of a field.
pub fn field_label(field: usize) -> &'static str {
    match field {
        0 => tt::AN_ISU.s(),
        1 => tt::AN_IMPLIKASI.s(),
        2 => tt::AN_AKSI.s(),
        3 => tt::AN_RENCANA.s(),
        4 => tt::AN_PIC.s(),
        5 => tt::AN_BY.s(),
        _ => tt::AN_CATATAN.s(),
    }
}

impl AnalysisEditor {
    /// An editor holding `a` (empty fields when there is none).
    pub fn new(iku: CodeRef, month: u8, a: Option<&Analysis>, over: Screen) -> AnalysisEditor {
        let a = a.cloned().unwrap_or_default();
        let by = a.rencana.by.map(|d| d.to_string()).unwrap_or_default();
        let texts = [
            a.isu.as_str(),
            &a.implikasi,
            &a.aksi,
            &a.rencana.what,
            &a.rencana.who,
            &by,
            &a.catatan,
        ];
        AnalysisEditor {
            iku,
            month,
            fields: texts.iter().map(|s| TextArea::new(s)).collect(),
            at: 0,
            error: None,
            width: 60,
            over,
        }
    }

    /// The analysis the fields say, or why they cannot be one (a date that is not one, a line
    /// break in a one-line field). Texts are trimmed at their ends.
    pub fn analysis(&self) -> Result<Analysis, String> {
        let text = |i: usize| self.fields[i].text().trim().to_string();
        for i in (0..FIELDS).filter(|i| one_line(*i)) {
            if text(i).contains('\n') {
                return Err(tt::AN_ONE_LINE.fill(&[("field", &field_label(i))]));
            }
        }
        let by_text = text(5);
        let by = if by_text.is_empty() {
            None
        } else {
            Some(
                NaiveDate::parse_from_str(&by_text, "%Y-%m-%d")
                    .map_err(|_| tt::AN_BAD_DATE.fill(&[("text", &by_text)]))?,
            )
        };
        Ok(Analysis {
            isu: text(0),
            implikasi: text(1),
            aksi: text(2),
            rencana: Rencana {
                what: text(3),
                who: text(4),
                by,
            },
            catatan: text(6),
        })
    }
}

/// The change of the round being stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundPending {
    /// The change sent (for an evidence file: set once its bytes are in the store).
    pub change: Option<Change>,
}

/// The round's part of the App: the change being stored.
#[derive(Debug, Default)]
pub struct RoundState {
    pub(crate) pending: Option<RoundPending>,
}

impl App {
    /// The month the round keys act on and the tree's marks show: the worklist's month, the
    /// grid's month in the grid, else the period.
    pub fn round_month(&self) -> u8 {
        if self.worklist_shown() {
            self.worklist.month
        } else if self.focus() == Focus::Grid {
            self.grid.month
        } else {
            self.period()
        }
    }

    /// The unit the round keys act on: the worklist's unit, else the selected node's.
    pub fn round_unit(&self) -> Option<String> {
        if self.worklist_shown() {
            return Some(self.worklist.unit.clone());
        }
        self.node().map(|n| n.unit().to_string())
    }

    /// The IKU-month an analysis or an evidence file is for: the worklist's row, or the grid's
    /// IKU and month (in the tree: the selected IKU at the month in view).
    pub fn round_iku_month(&self) -> Option<(CodeRef, u8)> {
        if self.worklist_shown() {
            return self.worklist_row().map(|r| (r.iku, self.worklist.month));
        }
        let key = self.selected_iku().map(Iku::key)?;
        Some((key, self.round_month()))
    }

    /// The state of a unit's month and the reason of its last return or reopening.
    pub fn month_record(&self, unit: &str, month: u8) -> MonthRecord {
        self.data
            .ds
            .round
            .get(unit)
            .map(|r| r.month(month))
            .unwrap_or_default()
    }

    /// The analysis of an IKU-month, if any.
    pub fn analysis_of(&self, iku: &CodeRef, month: u8) -> Option<&Analysis> {
        self.data
            .ds
            .round
            .get(&iku.unit)?
            .analysis(&iku.code, month)
    }

    /// The evidence files of an IKU-month.
    pub fn evidence_of(&self, iku: &CodeRef, month: u8) -> &[round::EvidenceRef] {
        self.data
            .ds
            .round
            .get(&iku.unit)
            .map_or(&[], |r| r.evidence(&iku.code, month))
    }

    /// The next deadline of the unit in view (`domain::round::days_to_next_deadline` over the
    /// reporting months of its IKU, the rulebook's deadlines, today's date).
    pub fn next_deadline(&self) -> Option<Due> {
        let unit = self.round_unit()?;
        let ds = &self.data.ds;
        let mut months: Vec<u8> = ds
            .iku_of_unit(&unit)
            .flat_map(|i| i.reporting_period.months().iter().copied())
            .collect();
        months.sort_unstable();
        months.dedup();
        round::days_to_next_deadline(
            &self.data.rb.round.deadlines(),
            ds.year,
            ds.round.get(&unit),
            &unit,
            months,
            self.settings.today,
        )
    }

    /// The prompt of a return or a reopening, if it is on screen.
    pub fn round_prompt(&self) -> Option<&RoundPrompt> {
        match self.screen() {
            Screen::RoundReason(p) => Some(p),
            _ => None,
        }
    }

    /// The evidence prompt, if it is on screen.
    pub fn evidence_prompt(&self) -> Option<&EvidencePrompt> {
        match self.screen() {
            Screen::EvidencePath(p) => Some(p),
            _ => None,
        }
    }

    /// The analysis editor, if it is on screen.
    pub fn analysis_editor(&self) -> Option<&AnalysisEditor> {
        match self.screen() {
            Screen::Analysis(e) => Some(e),
            _ => None,
        }
    }

    pub(crate) fn analysis_editor_mut(&mut self) -> Option<&mut AnalysisEditor> {
        match self.screen_mut() {
            Screen::Analysis(e) => Some(e),
            _ => None,
        }
    }

    /// The outcome of storing a change of the round: on success it is put into the view and the
    /// status says what it did (the prompt or the editor closes); on failure the reason is shown
    /// and the prompt or editor stays with what was typed.
    pub(crate) fn round_applied(&mut self, p: RoundPending, result: Result<(), String>) {
        let change = match (result, p.change) {
            (Ok(()), Some(c)) => c,
            (Ok(()), None) => return,
            (Err(reason), _) => {
                match self.screen_mut() {
                    Screen::RoundReason(p) => p.input.set_error(reason.clone()),
                    Screen::EvidencePath(p) => p.input.set_error(reason.clone()),
                    Screen::Analysis(e) => e.error = Some(reason.clone()),
                    _ => {}
                }
                self.error(tt::NOT_SAVED.fill(&[("reason", &reason)]));
                return;
            }
        };
        let done = self
            .data
            .ds
            .apply(std::slice::from_ref(&change))
            .unwrap_or_default();
        self.changed(&done);
        if matches!(
            self.screen(),
            Screen::RoundReason(_) | Screen::EvidencePath(_) | Screen::Analysis(_)
        ) {
            self.leave();
        }
        let year = self.data.ds.year;
        let msg = match done.first() {
            Some(Done::Month {
                unit,
                month,
                action,
                old,
                new,
            }) => {
                let mut m = tt::DONE.fill(&[
                    ("action", &tr::action_word(*action)),
                    ("unit", &crate::tui::ui::shown(unit)),
                    ("month", &t::month_name(*month)),
                    ("year", &year),
                    ("old", &tr::state_word(old.state)),
                    ("new", &tr::state_word(new.state)),
                ]);
                if !new.reason.is_empty() {
                    m.push_str(
                        &tt::WITH_REASON.fill(&[("reason", &crate::tui::ui::shown(&new.reason))]),
                    );
                }
                m
            }
            Some(Done::Analysis {
                iku, month, new, ..
            }) => {
                let what = if new.is_some() {
                    tt::AN_SAVED
                } else {
                    tt::AN_REMOVED
                };
                what.fill(&[("iku", &iku.code), ("month", &t::month_name(*month))])
            }
            Some(Done::Evidence {
                iku, month, new, ..
            }) => {
                let (name, size) = match &change {
                    Change::AddEvidence { evidence, .. } => {
                        (crate::tui::ui::shown(&evidence.name), evidence.size)
                    }
                    _ => (String::new(), 0),
                };
                let _ = new;
                tt::EV_ADDED.fill(&[
                    ("name", &name),
                    (
                        "size",
                        &crate::tui::deps::format_exact(size.into(), self.locale()),
                    ),
                    ("iku", &iku.code),
                    ("month", &t::month_name(*month)),
                ])
            }
            _ => match &change {
                Change::SetAnalysis { .. } => tt::AN_UNCHANGED.s().to_string(),
                _ => t::SAVED.s().to_string(),
            },
        };
        self.say(msg);
    }

    /// The change the run loop made of a pending evidence file (its bytes now in the store).
    pub fn round_change_stored(&mut self, change: Change) {
        if let Some(p) = &mut self.round.pending {
            p.change = Some(change);
        }
    }

    /// The state mark of a unit's month in the tree (`None` for a month being filled).
    pub fn state_mark(&self, unit: &str, month: u8) -> Option<(&'static str, MonthState)> {
        let s = self.data.ds.month_state(unit, month);
        self.theme().state_mark(s).map(|m| (m, s))
    }
}
