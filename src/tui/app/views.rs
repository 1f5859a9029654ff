//! The views of a working day: a filter on the tree (red or yellow IKU, nodes with findings,
//! incomplete numbers, one perspective, with a text), the list of the IKU in view sorted by
//! capaian, by change since the comparison period or by code, and the comparison period itself.
//!
//! tui-tree-widget cannot filter: the filter keeps a set of node identifiers and
//! [`App::children`] hands the tree only those, so every move, the search and the renderer see
//! the filtered tree as if it were the whole one.

use std::collections::{BTreeSet, HashSet};

use rust_decimal::Decimal;

use crate::domain::score::{Scores, Status};
use crate::domain::{CodeRef, Perspective, natural_cmp};
use crate::text::tui as t;
use crate::tui::app::App;
use crate::tui::app::tree::Node;

/// What a filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// IKU whose capaian for the period is red.
    Red,
    /// IKU whose capaian for the period is yellow.
    Yellow,
    /// Units, SS and IKU with a finding of `rules::check`.
    Findings,
    /// IKU whose number waits for a realisasi (§11).
    Incomplete,
    /// IKU of the SS of one perspective.
    Perspective(Perspective),
    /// Only the text (a `/` query after a filter word, or none).
    Text,
}

impl FilterKind {
    /// The order `filter-next` goes through.
    pub fn cycle() -> Vec<FilterKind> {
        let mut v = vec![
            FilterKind::Red,
            FilterKind::Yellow,
            FilterKind::Findings,
            FilterKind::Incomplete,
        ];
        v.extend(Perspective::ALL.iter().map(|p| FilterKind::Perspective(*p)));
        v
    }

    /// The word that names the filter (and that `/` takes as a prefix).
    pub fn word(self) -> String {
        match self {
            FilterKind::Red => t::FILTER_RED.s().to_string(),
            FilterKind::Yellow => t::FILTER_YELLOW.s().to_string(),
            FilterKind::Findings => t::FILTER_FINDINGS.s().to_string(),
            FilterKind::Incomplete => t::FILTER_INCOMPLETE.s().to_string(),
            FilterKind::Perspective(p) => p.short().to_lowercase(),
            FilterKind::Text => String::new(),
        }
    }

    /// Reads a filter word, in either language (`merah`, `red`, `temuan`, `pk`, …).
    pub fn parse(word: &str) -> Option<FilterKind> {
        let w = word.trim_end_matches(':').to_lowercase();
        let is = |m: crate::text::Msg| {
            [crate::text::Lang::Id, crate::text::Lang::En]
                .iter()
                .any(|l| m.get(*l) == w)
        };
        if is(t::FILTER_RED) {
            return Some(FilterKind::Red);
        }
        if is(t::FILTER_YELLOW) {
            return Some(FilterKind::Yellow);
        }
        if is(t::FILTER_FINDINGS) {
            return Some(FilterKind::Findings);
        }
        if is(t::FILTER_INCOMPLETE) {
            return Some(FilterKind::Incomplete);
        }
        for p in Perspective::ALL {
            for l in [crate::text::Lang::Id, crate::text::Lang::En] {
                if p.short_in(l).to_lowercase() == w {
                    return Some(FilterKind::Perspective(*p));
                }
            }
        }
        None
    }
}

/// A filter in force.
#[derive(Debug, Clone)]
pub struct Filter {
    pub kind: FilterKind,
    /// Words the kept IKU's code or name must also contain (lower case; empty: none).
    pub text: String,
    /// The identifiers of the nodes the tree keeps: the matches and their ancestors.
    pub(crate) kept: HashSet<String>,
    /// How many nodes match (IKU, or for findings every node with one).
    pub count: usize,
    /// The open nodes before the filter unfolded its matches (given back when it goes).
    pub(crate) open_before: BTreeSet<String>,
}

impl Filter {
    /// The filter as the user reads it: "merah", "merah pajak", "pajak".
    pub fn label(&self) -> String {
        Filter::label_of(self.kind, &self.text)
    }

    /// The label of a filter of `kind` with `text`.
    pub fn label_of(kind: FilterKind, text: &str) -> String {
        let text = text.to_lowercase();
        match (kind.word(), text.is_empty()) {
            (w, true) => w,
            (w, false) if w.is_empty() => format!("\"{text}\""),
            (w, false) => format!("{w} \"{text}\""),
        }
    }
}

/// How the list view orders its IKU.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListSort {
    /// Lowest capaian first (what needs attention), no capaian last.
    #[default]
    Capaian,
    /// Largest fall since the comparison period first.
    Change,
    /// Natural code order, then unit.
    Code,
}

impl ListSort {
    pub fn next(self) -> ListSort {
        match self {
            ListSort::Capaian => ListSort::Change,
            ListSort::Change => ListSort::Code,
            ListSort::Code => ListSort::Capaian,
        }
    }
    /// The order in words; the change names the month it is measured from.
    pub fn label(self, from: Option<u8>) -> String {
        match self {
            ListSort::Capaian => t::SORT_CAPAIAN.s().to_string(),
            ListSort::Change => {
                t::SORT_CHANGE.fill(&[("month", &from.map(t::month_name).unwrap_or("–"))])
            }
            ListSort::Code => t::SORT_CODE.s().to_string(),
        }
    }
}

/// The list view: the IKU of the units in view, one row each.
#[derive(Debug, Clone, Default)]
pub struct ListView {
    pub rows: Vec<CodeRef>,
    pub cursor: usize,
    /// The first row shown (kept by the renderer).
    pub top: usize,
    pub sort: ListSort,
}

/// The state of the views.
#[derive(Debug, Default)]
pub struct Views {
    pub(crate) filter: Option<Filter>,
    pub(crate) list: ListView,
    /// The comparison period (1..=12), when one is chosen.
    pub(crate) compare: Option<u8>,
    /// The scores of the comparison period (cached as the period's are).
    pub(crate) compare_scores: Scores,
    /// Months the grid shows at once (set by the renderer; PageUp/PageDown move this many).
    pub(crate) grid_page: u8,
}

/// The change from `before` to `now`, when both are there: of the values as shown (2 places),
/// so that it is what a reader subtracts.
pub fn change(before: Option<Decimal>, now: Option<Decimal>) -> Option<Decimal> {
    use crate::domain::score::round2;
    Some(round2(now?) - round2(before?))
}

impl App {
    /// The filter in force.
    pub fn filter(&self) -> Option<&Filter> {
        self.views.filter.as_ref()
    }

    /// True when the filter keeps the node (always without a filter).
    pub(crate) fn kept(&self, node: &Node) -> bool {
        self.views
            .filter
            .as_ref()
            .is_none_or(|f| f.kept.contains(&node.id()))
    }

    /// Applies a filter: the tree shows only its matches and their ancestors, unfolded, and the
    /// selection goes to the first match. The status says how many there are.
    pub(crate) fn set_filter(&mut self, kind: FilterKind, text: &str) {
        let open_before = match self.views.filter.take() {
            Some(f) => f.open_before,
            None => self.tree.open.clone(),
        };
        let (kept, count, first) = self.filter_matches(kind, &text.to_lowercase());
        self.tree.open = open_before.clone();
        for id in &kept {
            if !id.starts_with("i:") {
                self.tree.open.insert(id.clone());
            }
        }
        let f = Filter {
            kind,
            text: text.to_lowercase(),
            kept,
            count,
            open_before,
        };
        let msg = t::FILTER_ON.fill(&[("filter", &f.label()), ("n", &count)]);
        self.views.filter = Some(f);
        if let Some(n) = first {
            self.tree.selected = self.path_to(&n);
        } else if let Some(p) = self.first_row() {
            self.tree.selected = p;
        }
        self.tree.top = Vec::new();
        if count == 0 {
            self.error(msg);
        } else {
            self.say(msg);
        }
    }

    /// Takes the filter away: the tree is whole again, opened as before, with the selection in
    /// view.
    pub(crate) fn clear_filter(&mut self) {
        if let Some(f) = self.views.filter.take() {
            self.tree.open = f.open_before;
            if let Some(n) = self.node().cloned() {
                self.select_node(&n);
            }
            self.say(t::FILTER_OFF.s());
        }
    }

    /// After a change of the numbers or the period: the filter is computed again.
    pub(crate) fn refresh_filter(&mut self) {
        let Some(f) = &self.views.filter else { return };
        let (kind, text) = (f.kind, f.text.clone());
        let (kept, count, _) = self.filter_matches(kind, &text);
        if let Some(f) = &mut self.views.filter {
            for id in &kept {
                if !id.starts_with("i:") && !f.kept.contains(id) {
                    self.tree.open.insert(id.clone());
                }
            }
            f.kept = kept;
            f.count = count;
        }
    }

    /// The identifiers the filter keeps, how many nodes match, the first match in tree order.
    fn filter_matches(
        &mut self,
        kind: FilterKind,
        text: &str,
    ) -> (HashSet<String>, usize, Option<Node>) {
        let units = self.units_in_tree_order();
        let mut matched: Vec<Node> = Vec::new();
        for u in &units {
            if kind == FilterKind::Findings {
                let own = self
                    .unit_findings(u)
                    .iter()
                    .any(|f| f.ss.is_none() && f.iku.is_none());
                if own && text.is_empty() {
                    matched.push(Node::Unit(u.clone()));
                }
            }
            for ss in self.data.ds.ss_of(u).to_vec() {
                if kind == FilterKind::Findings && text.is_empty() {
                    let own = self
                        .unit_findings(u)
                        .iter()
                        .any(|f| f.ss.as_deref() == Some(ss.code.as_str()) && f.iku.is_none());
                    if own {
                        matched.push(Node::Ss(ss.clone()));
                    }
                }
                let perspective = self.data.ds.ss.get(&ss).map(|s| s.perspective);
                for k in self.data.ds.iku_of_ss(&ss).to_vec() {
                    if self.iku_matches(kind, text, &k, perspective) {
                        matched.push(Node::Iku(k));
                    }
                }
            }
        }
        let mut kept = HashSet::new();
        for n in &matched {
            for p in self.path_to(n) {
                kept.insert(p.id());
            }
        }
        (kept, matched.len(), matched.first().cloned())
    }

    /// Every unit, depth-first from the roots in the tree's order.
    fn units_in_tree_order(&self) -> Vec<String> {
        let ds = &self.data.ds;
        let mut out = Vec::with_capacity(ds.units.len());
        let mut stack: Vec<&String> = ds.roots().iter().rev().collect();
        while let Some(u) = stack.pop() {
            out.push(u.clone());
            stack.extend(ds.children(u).iter().rev());
        }
        out
    }

    fn iku_matches(
        &mut self,
        kind: FilterKind,
        text: &str,
        k: &CodeRef,
        perspective: Option<Perspective>,
    ) -> bool {
        if !text.is_empty() {
            let (code, name) = self.label(&Node::Iku(k.clone()));
            let hay = format!("{} {}", code.to_lowercase(), name.to_lowercase());
            if !text.split_whitespace().all(|w| hay.contains(w)) {
                return false;
            }
        }
        let score = self.unit_score(&k.unit).iku.get(&k.code).cloned();
        match kind {
            FilterKind::Red => score.and_then(|s| s.status) == Some(Status::Red),
            FilterKind::Yellow => score.and_then(|s| s.status) == Some(Status::Yellow),
            FilterKind::Incomplete => score.is_some_and(|s| !s.missing.is_empty()),
            FilterKind::Findings => self
                .unit_findings(&k.unit)
                .iter()
                .any(|f| f.iku.as_deref() == Some(k.code.as_str())),
            FilterKind::Perspective(p) => perspective == Some(p),
            FilterKind::Text => true,
        }
    }

    /// `filter-next`: no filter → red → yellow → findings → incomplete → each perspective → no
    /// filter.
    pub(crate) fn next_filter(&mut self) {
        let cycle = FilterKind::cycle();
        let next = match self.views.filter.as_ref().map(|f| f.kind) {
            None | Some(FilterKind::Text) => cycle.first().copied(),
            Some(k) => cycle
                .iter()
                .position(|c| *c == k)
                .and_then(|i| cycle.get(i + 1))
                .copied(),
        };
        match next {
            Some(k) => self.set_filter(k, ""),
            None => self.clear_filter(),
        }
    }

    // ---- the comparison period ----

    /// The comparison period, when one is chosen.
    pub fn compare_period(&self) -> Option<u8> {
        self.views.compare
    }

    /// The comparison period a first `compare` chooses: the end of the quarter before the
    /// period's (TW II for September), else the month before.
    pub fn default_compare(&self) -> Option<u8> {
        let p = self.data.period;
        let q = (p - 1) / 3 * 3;
        if q >= 1 {
            Some(q)
        } else if p > 1 {
            Some(p - 1)
        } else {
            None
        }
    }

    /// Turns the comparison on (at [`App::default_compare`]) or off.
    pub(crate) fn toggle_compare(&mut self) {
        if self.views.compare.take().is_some() {
            self.say(t::COMPARE_OFF.s());
            return;
        }
        match self.default_compare() {
            Some(c) => self.set_compare(c),
            None => self.error(t::COMPARE_NONE.s()),
        }
    }

    /// Compares with month `c`.
    pub(crate) fn set_compare(&mut self, c: u8) {
        self.views.compare = Some(c);
        self.views.compare_scores.set_period(c);
        self.say(t::COMPARE_ON.fill(&[
            ("a", &t::month_name(c)),
            ("b", &t::month_name(self.data.period)),
        ]));
    }

    /// Moves the comparison period by one month (`step` ±1), starting it if it is off.
    pub(crate) fn shift_compare(&mut self, step: i8) {
        let c = match self.views.compare {
            Some(c) => (c as i8 + step).clamp(1, 12) as u8,
            None => match self.default_compare() {
                Some(c) => c,
                None => {
                    self.error(t::COMPARE_NONE.s());
                    return;
                }
            },
        };
        self.set_compare(c);
    }

    /// The score of a unit for the comparison period (cached), when one is chosen.
    pub fn compare_score(&mut self, unit: &str) -> Option<&crate::domain::score::UnitScore> {
        self.views.compare?;
        Some(
            self.views
                .compare_scores
                .unit(&self.data.ds, &self.data.rb, unit),
        )
    }

    /// The capaian of an IKU for the comparison period (or for the default one when none is
    /// chosen: the list sorts by change with it).
    pub fn compare_capaian(&mut self, k: &CodeRef) -> Option<Decimal> {
        if self.views.compare.is_none() {
            let c = self.default_compare()?;
            self.views.compare_scores.set_period(c);
        }
        self.views
            .compare_scores
            .unit(&self.data.ds, &self.data.rb, &k.unit)
            .iku
            .get(&k.code)
            .and_then(|s| s.capaian)
    }

    /// The month the list's change is measured from.
    pub fn change_from(&self) -> Option<u8> {
        self.views.compare.or_else(|| self.default_compare())
    }

    // ---- the list view ----

    /// The list view's state.
    pub fn list(&self) -> &ListView {
        &self.views.list
    }

    /// The IKU of the units in view (the units that are rows of the tree as it is unfolded and
    /// filtered, in tree order), sorted by the list's order.
    pub(crate) fn build_list(&mut self) {
        let mut units: Vec<String> = Vec::new();
        for p in self.visible() {
            if let Some(Node::Unit(u)) = p.last()
                && !units.contains(u)
            {
                units.push(u.clone());
            }
        }
        let mut rows = Vec::new();
        for u in &units {
            for k in self.unit_ikus(u) {
                if self.kept(&Node::Iku(k.clone())) {
                    rows.push(k);
                }
            }
        }
        self.views.list.rows = rows;
        self.views.list.cursor = 0;
        self.sort_list();
        // a new list starts at its first row
        self.views.list.cursor = 0;
        self.follow_list();
    }

    /// Sorts the list by its order; the cursor stays on its IKU.
    pub(crate) fn sort_list(&mut self) {
        let at = self.views.list.rows.get(self.views.list.cursor).cloned();
        let rows = std::mem::take(&mut self.views.list.rows);
        let mut keyed: Vec<(Option<Decimal>, CodeRef)> = rows
            .into_iter()
            .map(|k| {
                let now = self
                    .unit_score(&k.unit)
                    .iku
                    .get(&k.code)
                    .and_then(|s| s.capaian);
                let key = match self.views.list.sort {
                    ListSort::Capaian => now,
                    ListSort::Change => change(self.compare_capaian(&k), now),
                    ListSort::Code => None,
                };
                (key, k)
            })
            .collect();
        match self.views.list.sort {
            ListSort::Code => keyed.sort_by(|a, b| {
                natural_cmp(&a.1.code, &b.1.code).then_with(|| natural_cmp(&a.1.unit, &b.1.unit))
            }),
            _ => keyed.sort_by(|a, b| match (a.0, b.0) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }),
        }
        self.views.list.rows = keyed.into_iter().map(|(_, k)| k).collect();
        self.views.list.cursor = at
            .and_then(|k| self.views.list.rows.iter().position(|r| *r == k))
            .unwrap_or(0);
        self.views.list.top = 0;
        self.follow_list();
    }

    /// The tree selection follows the list's cursor (the detail pane shows its IKU).
    pub(crate) fn follow_list(&mut self) {
        if let Some(k) = self.views.list.rows.get(self.views.list.cursor).cloned() {
            self.tree.selected = self.path_to(&Node::Iku(k));
        }
    }

    /// Moves the list's cursor by `n` rows (clamped).
    pub(crate) fn list_step(&mut self, n: isize) {
        let len = self.views.list.rows.len();
        if len == 0 {
            return;
        }
        let c = (self.views.list.cursor as isize + n).clamp(0, len as isize - 1);
        self.views.list.cursor = c as usize;
        self.follow_list();
    }

    /// Keeps the list's first row so that the cursor is in a window of `height` rows.
    pub(crate) fn list_window(&mut self, height: usize) -> std::ops::Range<usize> {
        let l = &mut self.views.list;
        if height == 0 {
            return 0..0;
        }
        if l.cursor < l.top {
            l.top = l.cursor;
        }
        if l.cursor >= l.top + height {
            l.top = l.cursor + 1 - height;
        }
        l.top..(l.top + height).min(l.rows.len())
    }
}
