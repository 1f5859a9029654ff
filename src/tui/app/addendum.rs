//! The addendum mode's state: the draft of one unit's target changes, and the addendum being
//! stored, with the outcome of storing it.

use rust_decimal::Decimal;

use crate::domain::addendum::AddendumDraft;
use crate::domain::change::Change;
use crate::domain::edit::{self, Refusal};
use crate::domain::rules::Finding;
use crate::domain::{Addendum, CodeRef, Iku};
use crate::text::tui as t;
use crate::tui::app::App;
use crate::tui::app::screen::Screen;

/// The writes of an addendum being stored; resolved by [`App::applied`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingAddendum {
    pub addendum: Addendum,
    /// The addendum as a whole, as given to the store.
    pub change: Change,
}

/// The question before an addendum is stored: the addendum `domain::addendum::prepare` built
/// (its version, date, changes) and the findings it would create
/// (`domain::rules::findings_created`); `y` stores it, `n` or Esc goes back to the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddendumQuestion {
    pub addendum: Addendum,
    /// The addendum as a whole, as it goes to the store.
    pub change: Change,
    pub created: Vec<Finding>,
}

/// The addendum mode: target changes of one unit gathered into a draft that is stored as a whole
/// (one PK version) or discarded as a whole. Nothing of it is stored before the submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddendumSession {
    pub unit: String,
    /// The pending changes: `sets` holds at most one (IKU code, month, new target) per cell, in
    /// IKU/month order, and only cells whose new target differs from the stored one. `reason` and
    /// `date` are filled on submission.
    pub draft: AddendumDraft,
    /// What `domain::addendum::prepare` refused at the last submission.
    pub problems: Vec<String>,
}

impl AddendumSession {
    /// The pending new target of a cell: `Some(value)` when the draft changes it.
    pub fn pending(&self, iku: &str, month: u8) -> Option<Option<Decimal>> {
        self.draft
            .sets
            .iter()
            .find(|(c, m, _)| c == iku && *m == month)
            .map(|(_, _, v)| *v)
    }
    /// How many cells the draft changes.
    pub fn len(&self) -> usize {
        self.draft.sets.len()
    }
    pub fn is_empty(&self) -> bool {
        self.draft.sets.is_empty()
    }
}

/// One line of the addendum's diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    pub iku: String,
    pub month: u8,
    pub old: Option<Decimal>,
    pub new: Option<Decimal>,
}

/// The planning inverse (DOMAIN.md §10a) beside the addendum's target editor: the ranges of
/// the annual target under the dataset's rulebook, and the annual target the IKU would have with
/// the draft's targets and the value being typed (`None` while it does not read or is not
/// computable).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetPlan {
    pub iku: CodeRef,
    pub rulebook: String,
    pub plan: crate::domain::k3::Plan,
    pub annual: Option<Decimal>,
}

/// The addendum session (while the mode is on) and the addendum being stored.
#[derive(Debug, Default)]
pub struct AddendumState {
    pub(crate) session: Option<AddendumSession>,
    pub(crate) pending: Option<PendingAddendum>,
}

impl App {
    /// The addendum mode's session, when it is on.
    pub fn addendum(&self) -> Option<&AddendumSession> {
        self.addendum.session.as_ref()
    }

    pub(crate) fn addendum_mut(&mut self) -> Option<&mut AddendumSession> {
        self.addendum.session.as_mut()
    }

    /// The months (index 0 = January) whose target can no longer change by addendum (R10: the
    /// month has realisasi, its own or rolled up from child units).
    pub fn frozen_targets(&self, iku: &Iku) -> [bool; 12] {
        crate::domain::rules::frozen_months(&self.data.ds, iku)
    }

    /// The months the pending addendum leaves frozen (R10), per IKU it changes, in draft order:
    /// the months of that IKU that already have realisasi, whose targets it cannot change (their
    /// realisasi stay correctable, DOMAIN.md §11). IKU without a frozen month are left out.
    pub fn addendum_frozen(&self) -> Vec<(String, Vec<u8>)> {
        let Some(s) = self.addendum() else {
            return Vec::new();
        };
        let mut out: Vec<(String, Vec<u8>)> = Vec::new();
        for (code, _, _) in &s.draft.sets {
            if out.iter().any(|(c, _)| c == code) {
                continue;
            }
            let Some(iku) = self.data.ds.iku.get(&CodeRef::new(&s.unit, code)) else {
                continue;
            };
            let frozen = self.frozen_targets(iku);
            let months: Vec<u8> = (1..=12u8).filter(|m| frozen[(m - 1) as usize]).collect();
            if !months.is_empty() {
                out.push((code.clone(), months));
            }
        }
        out
    }

    /// Why the target of `month` of `key` cannot be changed in an addendum (to a value when
    /// `value`, else cleared), if it cannot: the edit rule of `domain::edit`.
    pub fn target_refusal(&self, key: &CodeRef, month: u8, value: bool) -> Option<Refusal> {
        edit::target_change(&self.data.ds, &key.unit, &key.code, month, value).err()
    }

    /// The plan of the target being typed in the addendum's editor, if one is open.
    pub fn target_plan(&self) -> Option<TargetPlan> {
        let e = self
            .editor()
            .filter(|e| e.kind == super::EditKind::Target)?;
        let mut iku = self.data.ds.iku.get(&e.iku)?.clone();
        if let Some(s) = self.addendum() {
            for (code, month, value) in &s.draft.sets {
                if *code == iku.code && (1..=12).contains(month) {
                    iku.targets[(*month - 1) as usize] = *value;
                }
            }
        }
        let text = e.buffer().trim();
        let typed = if text.is_empty() {
            Some(None)
        } else {
            crate::tui::deps::parse_decimal(text, self.settings.locale)
                .ok()
                .map(Some)
        };
        let annual = typed.and_then(|v| {
            iku.targets[(e.month - 1) as usize] = v;
            crate::domain::k3::iku_annual_target(&self.data.ds, &iku)
        });
        Some(TargetPlan {
            iku: e.iku.clone(),
            rulebook: self.data.rb.name.clone(),
            plan: crate::domain::k3::plan(&self.data.rb, &iku),
            annual,
        })
    }

    /// The pending addendum's changes with the stored value each replaces.
    pub fn addendum_diff(&self) -> Vec<DiffLine> {
        let Some(s) = self.addendum() else {
            return Vec::new();
        };
        s.draft
            .sets
            .iter()
            .map(|(code, month, new)| DiffLine {
                iku: code.clone(),
                month: *month,
                old: self
                    .data
                    .ds
                    .iku
                    .get(&CodeRef::new(&s.unit, code))
                    .and_then(|i| i.targets[(*month - 1) as usize]),
                new: *new,
            })
            .collect()
    }

    /// The outcome of storing an addendum: on success its writes go into the in-memory dataset
    /// (targets, IKU, the addendum record), what depends on them is recomputed, and the mode
    /// ends with "Addendum vN tersimpan"; on failure the mode stays with the draft intact.
    pub(crate) fn addendum_applied(&mut self, p: PendingAddendum, result: Result<(), String>) {
        if let Err(reason) = result {
            self.error(t::NOT_SAVED.fill(&[("reason", &reason)]));
            return;
        }
        // the store took it: the same apply puts it into the dataset
        let done = self
            .data
            .ds
            .apply(std::slice::from_ref(&p.change))
            .unwrap_or_default();
        self.changed(&done);
        let a = p.addendum;
        // the addendum's date can freeze realisasi months (R10): the realisasi undo history no
        // longer applies safely
        self.edits.forget();
        self.enter(Screen::Grid);
        self.say(t::ADD_SAVED.fill(&[
            ("version", &a.version),
            ("unit", &a.unit),
            ("n", &a.changes.len()),
        ]));
    }
}
