//! The worklist: what is due for one month in the unit in view (or it and the units below it) —
//! every IKU that reports in that month, with its target, the realisasi of its previous
//! reporting month, the input and whether it is filled. Roll-up IKU are in it read-only with how
//! many of the child IKU they take their value from are filled.
//!
//! The rows are computed from the dataset when asked (they follow every change, the user's and
//! the other clients'); the state keeps the unit, the scope, the month and the cursor.

use rust_decimal::Decimal;

use crate::domain::edit::rollup_children;
use crate::domain::score::effective_months;
use crate::domain::{CodeRef, Dataset, Iku};
use crate::text::tui as t;
use crate::tui::app::App;
use crate::tui::app::screen::{Focus, Screen};
use crate::tui::app::tree::Node;

/// The worklist's state.
#[derive(Debug, Clone, Default)]
pub struct WorklistState {
    /// The unit the worklist is of.
    pub unit: String,
    /// True: the unit and every unit below it; false: the unit alone.
    pub subtree: bool,
    /// The month (1..=12).
    pub month: u8,
    /// The row under the cursor.
    pub cursor: usize,
    /// The first row shown (kept by the renderer).
    pub top: usize,
    /// The pane the worklist was opened from (Esc goes back to it).
    pub over: Option<Focus>,
}

/// One row of the worklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkRow {
    pub iku: CodeRef,
    /// The target of the month (rolled up for a roll-up IKU).
    pub target: Option<Decimal>,
    /// The previous reporting month and its realisasi.
    pub prev: Option<(u8, Option<Decimal>)>,
    /// The realisasi of the month (rolled up for a roll-up IKU).
    pub value: Option<Decimal>,
    /// For a roll-up IKU: how many of its child IKU have the month's realisasi, of how many.
    pub rollup: Option<(usize, usize)>,
}

impl WorkRow {
    /// True when the month has its realisasi.
    pub fn filled(&self) -> bool {
        self.value.is_some()
    }
    /// True when the realisasi is entered here (not rolled up from children).
    pub fn editable(&self) -> bool {
        self.rollup.is_none()
    }
}

/// The units of the worklist: `unit`, and with `subtree` every unit below it depth-first.
pub fn scope_units(ds: &Dataset, unit: &str, subtree: bool) -> Vec<String> {
    let mut out = vec![unit.to_string()];
    if subtree {
        let mut stack: Vec<&String> = ds.children(unit).iter().rev().collect();
        while let Some(u) = stack.pop() {
            if out.len() > ds.units.len() {
                break;
            }
            out.push(u.clone());
            stack.extend(ds.children(u).iter().rev());
        }
    }
    out
}

/// The IKU of `units` (tree order, SS by SS) that report in `month`.
fn reporting<'a>(ds: &'a Dataset, units: &[String], month: u8) -> Vec<&'a Iku> {
    units
        .iter()
        .flat_map(|u| ds.ss_of(u).iter())
        .flat_map(|s| ds.ikus_in_ss(s))
        .filter(|i| i.reporting_period.is_reporting_month(month))
        .collect()
}

/// The row of one IKU for `month`.
pub fn row_of(ds: &Dataset, iku: &Iku, month: u8) -> WorkRow {
    let (targets, realisasi) = effective_months(ds, iku);
    let m = usize::from(month.clamp(1, 12) - 1);
    let prev = iku
        .reporting_period
        .months()
        .iter()
        .rev()
        .copied()
        .find(|&p| p < month)
        .map(|p| (p, realisasi[usize::from(p - 1)]));
    let children = rollup_children(ds, iku);
    let rollup = (!children.is_empty()).then(|| {
        let filled = children
            .iter()
            .filter(|c| effective_months(ds, c).1[m].is_some())
            .count();
        (filled, children.len())
    });
    WorkRow {
        iku: iku.key(),
        target: targets[m],
        prev,
        value: realisasi[m],
        rollup,
    }
}

/// Whether the month of `iku` has its realisasi (rolled up for a roll-up IKU).
pub fn filled(ds: &Dataset, iku: &Iku, month: u8) -> bool {
    effective_months(ds, iku).1[usize::from(month.clamp(1, 12) - 1)].is_some()
}

/// Whether the realisasi of `iku` is entered here (not rolled up from children).
pub fn editable(ds: &Dataset, iku: &Iku) -> bool {
    !iku.rolls_up() || rollup_children(ds, iku).is_empty()
}

/// The rows of the worklist of `units` for `month`.
pub fn rows(ds: &Dataset, units: &[String], month: u8) -> Vec<WorkRow> {
    reporting(ds, units, month)
        .into_iter()
        .map(|i| row_of(ds, i, month))
        .collect()
}

/// The month a worklist opens on: the earliest month in which an IKU of `units` reports and
/// lacks its realisasi; when every reporting month is filled, the last month with realisasi
/// (January when there is none).
pub fn default_month(ds: &Dataset, units: &[String]) -> u8 {
    let ikus: Vec<&Iku> = units
        .iter()
        .flat_map(|u| ds.ss_of(u).iter())
        .flat_map(|s| ds.ikus_in_ss(s))
        .collect();
    let mut last_filled = None;
    let months: Vec<(&Iku, [Option<Decimal>; 12])> = ikus
        .iter()
        .map(|i| (*i, effective_months(ds, i).1))
        .collect();
    for m in 1..=12u8 {
        let due: Vec<_> = months
            .iter()
            .filter(|(i, _)| i.reporting_period.is_reporting_month(m))
            .collect();
        if due.iter().any(|(_, r)| r[usize::from(m - 1)].is_none()) {
            return m;
        }
        if !due.is_empty() {
            last_filled = Some(m);
        }
    }
    last_filled.unwrap_or(1)
}

/// "3 dari 5 terisi".
pub fn count_text((n, total): (usize, usize)) -> String {
    t::WL_COUNT.fill(&[("n", &n), ("total", &total)])
}

impl App {
    /// The worklist's state.
    pub fn worklist(&self) -> &WorklistState {
        &self.worklist
    }

    /// The units the worklist covers.
    pub fn worklist_units(&self) -> Vec<String> {
        scope_units(&self.data.ds, &self.worklist.unit, self.worklist.subtree)
    }

    /// The rows of the worklist as the data is now.
    pub fn worklist_rows(&self) -> Vec<WorkRow> {
        rows(&self.data.ds, &self.worklist_units(), self.worklist.month)
    }

    /// The IKU of the worklist's rows, in order (cheap: no values computed).
    pub fn worklist_keys(&self) -> Vec<CodeRef> {
        reporting(&self.data.ds, &self.worklist_units(), self.worklist.month)
            .into_iter()
            .map(Iku::key)
            .collect()
    }

    /// The row of `key` in the worklist's month.
    pub fn worklist_row_of(&self, key: &CodeRef) -> Option<WorkRow> {
        let iku = self.data.ds.iku.get(key)?;
        Some(row_of(&self.data.ds, iku, self.worklist.month))
    }

    /// How many rows are filled, of how many.
    pub fn worklist_count(&self) -> (usize, usize) {
        let m = self.worklist.month;
        let ikus = reporting(&self.data.ds, &self.worklist_units(), m);
        let n = ikus.iter().filter(|i| filled(&self.data.ds, i, m)).count();
        (n, ikus.len())
    }

    /// The row under the worklist's cursor (the cursor is kept within the rows).
    pub fn worklist_row(&self) -> Option<WorkRow> {
        let keys = self.worklist_keys();
        let at = self.worklist.cursor.min(keys.len().saturating_sub(1));
        self.worklist_row_of(keys.get(at)?)
    }

    /// "KPKNL-PONTIANAK" or "KANWIL-KALBAR dan unit di bawahnya".
    pub fn worklist_scope(&self) -> String {
        let unit = crate::tui::ui::shown(&self.worklist.unit);
        if self.worklist.subtree {
            t::WL_SCOPE_TREE.fill(&[("unit", &unit)])
        } else {
            unit
        }
    }

    /// True while the worklist is on screen (also under its editor and the popups over it).
    pub fn worklist_shown(&self) -> bool {
        fn on(s: &Screen) -> bool {
            match s {
                Screen::Worklist => true,
                Screen::Edit(e) => e.in_worklist,
                Screen::Help { over } | Screen::Message { over } => on(over),
                Screen::RoundReason(p) => on(&p.over),
                Screen::EvidencePath(p) => on(&p.over),
                Screen::Analysis(e) => on(&e.over),
                Screen::CorrectionReason(p) => p.editor.in_worklist,
                Screen::ConfirmRealisasi(c) => c.editor.in_worklist,
                _ => false,
            }
        }
        on(self.screen())
    }

    /// Opens the worklist of the selected node's unit on its default month, the cursor on the
    /// first empty row.
    pub(crate) fn open_worklist(&mut self) {
        let Some(unit) = self.node().map(|n| n.unit().to_string()) else {
            return;
        };
        let over = self.focus();
        let subtree = self.worklist.unit == unit && self.worklist.subtree;
        let units = scope_units(&self.data.ds, &unit, subtree);
        let month = default_month(&self.data.ds, &units);
        self.worklist = WorklistState {
            unit,
            subtree,
            month,
            cursor: 0,
            top: 0,
            over: Some(over),
        };
        self.worklist_to_empty(0);
        self.enter(Screen::Worklist);
        self.worklist_say();
    }

    /// Says what the worklist shows (or that nothing reports in its month).
    pub(crate) fn worklist_say(&mut self) {
        let empty = self.worklist_keys().is_empty();
        let scope = self.worklist_scope();
        if empty {
            let msg = t::WL_NONE.fill(&[
                ("scope", &scope),
                ("month", &t::month_name(self.worklist.month)),
                ("year", &self.data.ds.year),
            ]);
            self.say(msg);
        } else {
            self.say(t::WL_SHOWS.fill(&[("scope", &scope)]));
        }
    }

    /// Moves the cursor to the first empty editable row at or after `from` (wrapping around);
    /// stays when there is none. True when it found one.
    pub(crate) fn worklist_to_empty(&mut self, from: usize) -> bool {
        let m = self.worklist.month;
        let ikus = reporting(&self.data.ds, &self.worklist_units(), m);
        let n = ikus.len();
        for k in 0..n {
            let i = (from + k) % n;
            if editable(&self.data.ds, ikus[i]) && !filled(&self.data.ds, ikus[i], m) {
                self.worklist.cursor = i;
                self.follow_worklist();
                return true;
            }
        }
        self.worklist.cursor = self.worklist.cursor.min(n.saturating_sub(1));
        self.follow_worklist();
        false
    }

    /// Moves the cursor by `n` rows (clamped).
    pub(crate) fn worklist_step(&mut self, n: isize) {
        let len = self.worklist_keys().len();
        if len == 0 {
            return;
        }
        let c = (self.worklist.cursor.min(len - 1) as isize).saturating_add(n);
        self.worklist.cursor = c.clamp(0, len as isize - 1) as usize;
        self.follow_worklist();
    }

    /// The worklist's month moves by `step` (±1): its rows are those of the new month, the
    /// cursor on the first empty one.
    pub(crate) fn worklist_month(&mut self, step: i8) {
        let m = (self.worklist.month as i8 + step).clamp(1, 12) as u8;
        if m == self.worklist.month {
            return;
        }
        self.worklist.month = m;
        self.worklist.cursor = 0;
        self.worklist.top = 0;
        self.worklist_to_empty(0);
        self.worklist_say();
    }

    /// The unit alone or with the units below it.
    pub(crate) fn worklist_toggle_scope(&mut self) {
        let at = self.worklist_row().map(|r| r.iku);
        self.worklist.subtree = !self.worklist.subtree;
        let keys = self.worklist_keys();
        self.worklist.cursor = at
            .and_then(|k| keys.iter().position(|r| *r == k))
            .unwrap_or(0);
        self.worklist.top = 0;
        self.follow_worklist();
        self.worklist_say();
    }

    /// The tree selection and the grid month follow the worklist's cursor (closing the
    /// worklist shows that IKU; undo shows its cell).
    pub(crate) fn follow_worklist(&mut self) {
        let keys = self.worklist_keys();
        let at = self.worklist.cursor.min(keys.len().saturating_sub(1));
        if let Some(k) = keys.into_iter().nth(at) {
            self.tree.selected = self.path_to(&Node::Iku(k));
            self.grid.month = self.worklist.month;
        }
    }

    /// Back to the pane the worklist was opened from, on the IKU of its cursor (opened in the
    /// tree so that it is a row).
    pub(crate) fn close_worklist(&mut self) {
        if let Some(r) = self.worklist_row() {
            self.select_node(&Node::Iku(r.iku));
            self.grid.month = self.worklist.month;
        }
        let to = match self.worklist.over {
            Some(Focus::Grid) if self.selected_iku().is_some() => Screen::Grid,
            _ => Screen::Tree,
        };
        self.enter(to);
    }

    /// Keeps the first row shown so that the cursor is in a window of `height` rows.
    pub(crate) fn worklist_window(&mut self, len: usize, height: usize) -> std::ops::Range<usize> {
        let w = &mut self.worklist;
        if height == 0 || len == 0 {
            return 0..0;
        }
        w.cursor = w.cursor.min(len - 1);
        if w.cursor < w.top {
            w.top = w.cursor;
        }
        if w.cursor >= w.top + height {
            w.top = w.cursor + 1 - height;
        }
        w.top = w.top.min(len.saturating_sub(height));
        w.top..(w.top + height).min(len)
    }
}
