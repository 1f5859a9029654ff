//! The model of the TUI: what is on screen and what the user is doing. No I/O here.

pub mod live;

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::addendum::{AddendumDraft, Edit};
use crate::domain::rulebook::{Rulebook, Severity};
use crate::domain::rules::{Finding, check, frozen_months};
use crate::domain::score::{Scores, UnitScore};
use crate::domain::{Addendum, CodeRef, Dataset, Iku};
use crate::text::Lang;
use crate::text::tui as t;
use crate::tui::action::Mode;
use crate::tui::deps::{Keymap, Locale, Theme};

/// How long the detail pane waits after the last tree move before it shows the new selection
/// (the default of [`App::detail_pause`]). Holding an arrow key then sends only the changed tree
/// rows to the terminal; the detail follows once the user stops.
pub const DETAIL_PAUSE: Duration = Duration::from_millis(150);

/// One node of the tree: its identifier is a string so that the tree widget can key it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Node {
    Unit(String),
    Ss(CodeRef),
    Iku(CodeRef),
}

impl Node {
    /// The tree-widget identifier: `u:CODE`, `s:UNIT/CODE`, `i:UNIT/CODE`.
    pub fn id(&self) -> String {
        match self {
            Node::Unit(u) => format!("u:{u}"),
            Node::Ss(k) => format!("s:{}/{}", k.unit, k.code),
            Node::Iku(k) => format!("i:{}/{}", k.unit, k.code),
        }
    }
    pub fn from_id(id: &str) -> Option<Node> {
        let (kind, rest) = id.split_once(':')?;
        let split = || {
            rest.split_once('/')
                .map(|(u, c)| CodeRef::new(u.to_string(), c.to_string()))
        };
        match kind {
            "u" => Some(Node::Unit(rest.to_string())),
            "s" => split().map(Node::Ss),
            "i" => split().map(Node::Iku),
            _ => None,
        }
    }
    /// The unit the node belongs to.
    pub fn unit(&self) -> &str {
        match self {
            Node::Unit(u) => u,
            Node::Ss(k) | Node::Iku(k) => &k.unit,
        }
    }
}

/// A path from a root unit down to a node.
pub type NodePath = Vec<Node>;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Grid,
}

/// Which row of the grid a cell editor changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// A realisasi, stored at once.
    Realisasi,
    /// A target, gathered into the pending addendum (addendum mode).
    Target,
}

/// The cell editor of the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub kind: EditKind,
    pub iku: CodeRef,
    pub month: u8,
    pub buffer: String,
    /// Cursor position in characters.
    pub cursor: usize,
    /// Why the last commit was refused.
    pub error: Option<String>,
    /// True until the first key after opening: typing then replaces the shown value (as in a
    /// spreadsheet), while cursor keys and Backspace edit it.
    pub fresh: bool,
}

/// One stored change of a realisasi, as kept on the undo/redo stacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditRecord {
    pub iku: CodeRef,
    pub month: u8,
    pub old: Option<Decimal>,
    pub new: Option<Decimal>,
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
    pub record: EditRecord,
}

/// The writes of an addendum being stored; resolved by [`App::applied`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingAddendum {
    pub addendum: Addendum,
    pub edits: Vec<Edit>,
}

/// A one-line text input (the reason of an addendum).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    pub buffer: String,
    /// Cursor position in characters.
    pub cursor: usize,
    /// Why the last submission was refused.
    pub error: Option<String>,
}

/// What the addendum mode is asking, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddendumPrompt {
    /// The reason, asked on submit.
    Reason(LineInput),
    /// "Discard the pending changes? (y/n)".
    ConfirmDiscard,
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
    pub prompt: Option<AddendumPrompt>,
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

/// The findings of `rules::check`, unit by unit: computed on first use, dropped when a change
/// can alter them. `check(ds, rb, Some(unit))` is exactly that unit's part of the whole check,
/// so only the rows on screen are ever checked, at any scale.
#[derive(Debug, Default)]
pub struct Findings {
    units: HashMap<String, Vec<Finding>>,
    /// How many units were checked (tests count what a change recomputes).
    pub recomputed: usize,
}

impl Findings {
    /// The findings of a unit (its own, its SS's and its IKU's).
    pub fn unit(&mut self, ds: &Dataset, rb: &Rulebook, unit: &str) -> &[Finding] {
        if !self.units.contains_key(unit) {
            self.recomputed += 1;
            self.units
                .insert(unit.to_string(), check(ds, rb, Some(unit)));
        }
        &self.units[unit]
    }
    /// Drops the findings of these units.
    pub fn invalidate<'a>(&mut self, units: impl IntoIterator<Item = &'a String>) {
        for u in units {
            self.units.remove(u);
        }
    }
    /// Drops every finding (after a structural change).
    pub fn clear(&mut self) {
        self.units.clear();
    }
}

/// Whether a finding of the node's unit concerns the node itself.
fn concerns(node: &Node, f: &Finding) -> bool {
    match node {
        Node::Unit(_) => true,
        Node::Ss(k) => f.ss.as_deref() == Some(k.code.as_str()),
        Node::Iku(k) => f.iku.as_deref() == Some(k.code.as_str()),
    }
}

/// The worse of two severities.
fn worse(a: Option<Severity>, b: Severity) -> Option<Severity> {
    match (a, b) {
        (Some(Severity::Error), _) | (_, Severity::Error) => Some(Severity::Error),
        _ => Some(Severity::Warning),
    }
}

/// The search box and its matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// True while the user types the query.
    pub typing: bool,
    pub query: String,
    pub matches: Vec<NodePath>,
    pub current: usize,
    /// The open nodes when the search started: jumping to a match opens only its ancestors on
    /// top of these, so the matches passed over while typing do not leave the tree unfolded.
    pub open_before: Option<BTreeSet<String>>,
}

/// The part of the view that survives a restart (stored as JSON, see `run.rs`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UiState {
    /// Identifiers of the open tree nodes.
    pub open: Vec<String>,
    /// Identifier path of the selected node.
    pub selected: Vec<String>,
}

/// The units whose SS and IKU the first frame of a view can show, or look at for its detail
/// pane: the roots, the open units and their child units (every row of the tree is one of
/// these, or an SS or IKU of an open unit), and the units of the open SS and of the selection.
/// Without a saved view the roots are open, as [`App::new`] opens them. `units` is every unit of
/// the year.
pub fn units_in_view(units: &[crate::domain::Unit], ui: Option<&UiState>) -> BTreeSet<String> {
    let roots = units.iter().filter(|u| u.parent.is_none()).map(|u| &u.code);
    let mut open: BTreeSet<String> = BTreeSet::new();
    match ui {
        Some(ui) => {
            for id in ui.open.iter().chain(&ui.selected) {
                if let Some(n) = Node::from_id(id) {
                    open.insert(n.unit().to_string());
                }
            }
        }
        None => open.extend(roots.clone().cloned()),
    }
    let mut out: BTreeSet<String> = roots.cloned().collect();
    for u in units {
        if u.parent.as_ref().is_some_and(|p| open.contains(p)) {
            out.insert(u.code.clone());
        }
    }
    out.extend(open);
    out
}

/// The whole state of the TUI.
pub struct App {
    pub ds: Dataset,
    pub rb: Rulebook,
    pub scores: Scores,
    /// The current period (1..=12).
    pub period: u8,
    pub store_path: PathBuf,
    pub user: String,
    pub keymap_name: String,
    pub keymap: Keymap,
    pub theme: Theme,
    pub lang: Lang,
    pub locale: Locale,
    pub ascii: bool,
    /// Open tree nodes (identifiers).
    pub open: BTreeSet<String>,
    pub selected: NodePath,
    /// The first row shown in the tree pane (kept by the renderer so that the selection stays in
    /// view); empty until the first render.
    pub tree_top: NodePath,
    pub focus: Focus,
    /// Grid cursor month (1..=12).
    pub month: u8,
    pub editor: Option<Editor>,
    pub undo: Vec<EditRecord>,
    pub redo: Vec<EditRecord>,
    pub pending: Option<Pending>,
    /// An addendum being stored.
    pub pending_addendum: Option<PendingAddendum>,
    /// The addendum mode, when it is on.
    pub addendum: Option<AddendumSession>,
    /// The rule findings, by unit (lazy).
    pub findings: Findings,
    /// The date given to an addendum (today; tests set it).
    pub today: NaiveDate,
    pub search: Search,
    pub status: String,
    pub status_is_error: bool,
    pub help: bool,
    pub help_scroll: u16,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Rows of the tree pane at the last render (for page up/down).
    pub page: usize,
    pub quit: bool,
    /// While the detail pane lags behind tree moves: the selection it still shows. `None`: it
    /// shows the selection. Set by the moves of `update`, cleared by every other action, by a
    /// resize and by [`App::settle_detail`] once the pause has passed.
    pub detail_held: Option<NodePath>,
    /// When the held detail catches up; `None` while the last move has not been timed yet (the
    /// clock is read by [`App::detail_wait`] / [`App::settle_detail`], never by `update`).
    pub detail_due: Option<Instant>,
    /// The pause after the last tree move before the detail follows ([`DETAIL_PAUSE`]).
    pub detail_pause: Duration,
    /// The users of the other TUIs connected to the store's server (see [`live`]).
    pub others: Vec<String>,
}

impl App {
    /// A new view of `ds`. The period starts at the latest month with realisasi (January when
    /// there is none); units start open down to the second level unless `ui` says otherwise.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        ds: Dataset,
        rb: Rulebook,
        keymap: Keymap,
        keymap_name: &str,
        theme: Theme,
        lang: Lang,
        locale: Locale,
        ascii: bool,
        store_path: PathBuf,
        user: String,
        ui: Option<UiState>,
    ) -> App {
        let period = crate::domain::score::latest_period(&ds).unwrap_or(1);
        let mut app = App {
            scores: Scores::new(period),
            ds,
            rb,
            period,
            store_path,
            user,
            keymap_name: keymap_name.to_string(),
            keymap,
            theme,
            lang,
            locale,
            ascii,
            open: BTreeSet::new(),
            selected: Vec::new(),
            tree_top: Vec::new(),
            focus: Focus::Tree,
            month: period,
            editor: None,
            undo: Vec::new(),
            redo: Vec::new(),
            pending: None,
            pending_addendum: None,
            addendum: None,
            findings: Findings::default(),
            today: chrono::Local::now().date_naive(),
            search: Search::default(),
            status: String::new(),
            status_is_error: false,
            help: false,
            help_scroll: 0,
            size: (80, 24),
            page: 10,
            quit: false,
            detail_held: None,
            detail_due: None,
            detail_pause: DETAIL_PAUSE,
            others: Vec::new(),
        };
        match ui {
            Some(ui) => {
                app.open = ui.open.into_iter().collect();
                let path: Option<NodePath> = ui.selected.iter().map(|s| Node::from_id(s)).collect();
                if let Some(p) = path.filter(|p| app.path_exists(p)) {
                    app.selected = p;
                }
            }
            None => {
                // units start collapsed below the second level: open the roots only
                for r in app.ds.roots() {
                    app.open.insert(Node::Unit(r.clone()).id());
                }
            }
        }
        if app.selected.is_empty()
            && let Some(first) = app.first_row()
        {
            app.selected = first;
        }
        app
    }

    /// Takes the whole year in place of the partial dataset the view was opened on (see
    /// [`Dataset::partial`]): everything computed from the partial one is computed again.
    pub fn take_whole_year(&mut self, ds: Dataset) {
        self.ds = ds;
        self.scores.clear();
        self.findings.clear();
    }

    /// The state to persist.
    pub fn ui_state(&self) -> UiState {
        UiState {
            open: self.open.iter().cloned().collect(),
            selected: self.selected.iter().map(Node::id).collect(),
        }
    }

    /// The mode that decides which keymap section applies.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else if self.editor.is_some() || self.addendum_prompt().is_some() {
            // the cell editor, the reason of an addendum and its y/n question all read text
            Mode::Edit
        } else if self.search.typing {
            Mode::Search
        } else if self.addendum.is_some() {
            Mode::Addendum
        } else if self.focus == Focus::Grid {
            Mode::Grid
        } else {
            Mode::Tree
        }
    }

    /// The selected node.
    pub fn node(&self) -> Option<&Node> {
        self.selected.last()
    }

    /// The node the detail pane shows: the selection, or while a tree move waits for its pause
    /// ([`App::detail_held`]) the node selected before the moves.
    pub fn detail_node(&self) -> Option<&Node> {
        match &self.detail_held {
            Some(p) => p.last(),
            None => self.node(),
        }
    }

    /// True while the detail pane shows another node than the selection.
    pub fn detail_stale(&self) -> bool {
        self.detail_held.is_some()
    }

    /// A tree move changed the selection from `before`: the detail pane keeps what it shows
    /// and the pause starts again. Coming back to the node it shows ends the wait at once.
    pub fn hold_detail(&mut self, before: NodePath) {
        let held = self.detail_held.take().unwrap_or(before);
        if held != self.selected {
            self.detail_held = Some(held);
        }
        self.detail_due = None;
    }

    /// Brings the detail pane up to date with the selection now (every action but a tree move,
    /// a resize).
    pub fn sync_detail(&mut self) {
        self.detail_held = None;
        self.detail_due = None;
    }

    /// How long from `now` until the held detail is due (`None` when nothing is held); the
    /// first call after a move starts its pause at `now`. The run loop polls for input this long.
    pub fn detail_wait(&mut self, now: Instant) -> Option<Duration> {
        self.detail_held.as_ref()?;
        let due = *self.detail_due.get_or_insert(now + self.detail_pause);
        Some(due.saturating_duration_since(now))
    }

    /// Lets the detail pane follow the selection when the pause after the last move has passed
    /// at `now`; true when that changed what the pane shows (the screen needs a redraw).
    pub fn settle_detail(&mut self, now: Instant) -> bool {
        match self.detail_wait(now) {
            Some(left) if left.is_zero() => {
                self.sync_detail();
                true
            }
            _ => false,
        }
    }

    /// The selected IKU, if the selection is one.
    pub fn selected_iku(&self) -> Option<&Iku> {
        match self.node()? {
            Node::Iku(k) => self.ds.iku.get(k),
            _ => None,
        }
    }

    /// The children of a node in the tree: child units first, then SS; under an SS its IKU.
    pub fn children(&self, node: &Node) -> Vec<Node> {
        match node {
            Node::Unit(u) => {
                let mut v: Vec<Node> = self
                    .ds
                    .children(u)
                    .iter()
                    .map(|c| Node::Unit(c.clone()))
                    .collect();
                v.extend(self.ds.ss_of(u).iter().map(|k| Node::Ss(k.clone())));
                v
            }
            Node::Ss(k) => self
                .ds
                .iku_of_ss(k)
                .iter()
                .map(|k| Node::Iku(k.clone()))
                .collect(),
            Node::Iku(_) => Vec::new(),
        }
    }

    pub fn roots(&self) -> Vec<Node> {
        self.ds
            .roots()
            .iter()
            .map(|r| Node::Unit(r.clone()))
            .collect()
    }

    /// The path from a root to `node`.
    pub fn path_to(&self, node: &Node) -> NodePath {
        let unit = node.unit().to_string();
        let mut path: NodePath = self
            .ds
            .ancestors(&unit)
            .into_iter()
            .rev()
            .map(Node::Unit)
            .collect();
        path.push(Node::Unit(unit.clone()));
        match node {
            Node::Unit(_) => {}
            Node::Ss(k) => path.push(Node::Ss(k.clone())),
            Node::Iku(k) => {
                if let Some(i) = self.ds.iku.get(k) {
                    path.push(Node::Ss(CodeRef::new(&k.unit, &i.ss)));
                }
                path.push(Node::Iku(k.clone()));
            }
        }
        path
    }

    fn path_exists(&self, p: &NodePath) -> bool {
        let Some(last) = p.last() else { return false };
        let exists = match last {
            Node::Unit(u) => self.ds.units.contains_key(u),
            Node::Ss(k) => self.ds.ss.contains_key(k),
            Node::Iku(k) => self.ds.iku.contains_key(k),
        };
        exists && &self.path_to(last) == p
    }

    /// The visible rows of the tree, in order, as paths.
    pub fn visible(&self) -> Vec<NodePath> {
        let mut out = Vec::new();
        let mut path = Vec::new();
        for r in self.roots() {
            self.walk(&r, &mut path, &mut out);
        }
        out
    }

    fn walk(&self, node: &Node, path: &mut NodePath, out: &mut Vec<NodePath>) {
        path.push(node.clone());
        out.push(path.clone());
        if self.open.contains(&node.id()) {
            for c in self.children(node) {
                self.walk(&c, path, out);
            }
        }
        path.pop();
    }

    /// True when the node is open in the tree.
    pub fn is_open(&self, node: &Node) -> bool {
        self.open.contains(&node.id())
    }

    /// The siblings of the last node of `path` (the roots for a root), in display order.
    fn siblings(&self, path: &[Node]) -> Vec<Node> {
        match path.len() {
            0 | 1 => self.roots(),
            n => self.children(&path[n - 2]),
        }
    }

    /// The first row of the tree.
    pub fn first_row(&self) -> Option<NodePath> {
        self.ds.roots().first().map(|r| vec![Node::Unit(r.clone())])
    }

    /// The last row of the tree as it is unfolded.
    pub fn last_row(&self) -> Option<NodePath> {
        let mut path = vec![Node::Unit(self.ds.roots().last()?.clone())];
        self.descend_last(&mut path);
        Some(path)
    }

    /// Extends `path` down through the last child of every open node.
    fn descend_last(&self, path: &mut NodePath) {
        while let Some(last) = path.last()
            && self.is_open(last)
            && let Some(c) = self.children(last).pop()
        {
            path.push(c);
        }
    }

    /// The row after `path` in the unfolded tree (what Down goes to), without listing the rows:
    /// the cost is the depth of the tree, not its size.
    pub fn next_row(&self, path: &[Node]) -> Option<NodePath> {
        let last = path.last()?;
        if self.is_open(last)
            && let Some(first) = self.children(last).into_iter().next()
        {
            let mut p = path.to_vec();
            p.push(first);
            return Some(p);
        }
        let mut p = path.to_vec();
        while let Some(node) = p.last().cloned() {
            let sibs = self.siblings(&p);
            p.pop();
            if let Some(i) = sibs.iter().position(|s| *s == node)
                && let Some(next) = sibs.get(i + 1)
            {
                p.push(next.clone());
                return Some(p);
            }
        }
        None
    }

    /// The row before `path` in the unfolded tree (what Up goes to).
    pub fn prev_row(&self, path: &[Node]) -> Option<NodePath> {
        let node = path.last()?;
        let sibs = self.siblings(path);
        let i = sibs.iter().position(|s| s == node)?;
        let mut p = path[..path.len() - 1].to_vec();
        if i == 0 {
            return (!p.is_empty()).then_some(p);
        }
        p.push(sibs[i - 1].clone());
        self.descend_last(&mut p);
        Some(p)
    }

    /// The row `n` rows below (`n` > 0) or above `path`, stopping at the first or last row.
    pub fn step_rows(&self, path: &[Node], n: isize) -> NodePath {
        let mut cur = path.to_vec();
        for _ in 0..n.unsigned_abs() {
            let next = if n > 0 {
                self.next_row(&cur)
            } else {
                self.prev_row(&cur)
            };
            match next {
                Some(p) => cur = p,
                None => break,
            }
        }
        cur
    }

    /// True when `path` is a row of the unfolded tree: it exists and every node above its last
    /// is open.
    pub fn is_row(&self, path: &[Node]) -> bool {
        !path.is_empty()
            && self.path_exists(&path.to_vec())
            && path[..path.len() - 1].iter().all(|n| self.is_open(n))
    }

    /// The order of two rows in the tree (pre-order: a node before its descendants, siblings in
    /// display order).
    pub fn row_order(&self, a: &[Node], b: &[Node]) -> Ordering {
        for d in 0..a.len().min(b.len()) {
            if a[d] != b[d] {
                let sibs = self.siblings(&a[..=d]);
                let ia = sibs.iter().position(|s| *s == a[d]);
                let ib = sibs.iter().position(|s| *s == b[d]);
                return ia.cmp(&ib);
            }
        }
        a.len().cmp(&b.len())
    }

    /// Every node of the tree in display order (open or not), for search.
    pub fn all_nodes(&self) -> Vec<Node> {
        fn rec(app: &App, n: Node, out: &mut Vec<Node>) {
            let ch = app.children(&n);
            out.push(n);
            for c in ch {
                rec(app, c, out);
            }
        }
        let mut out = Vec::new();
        for r in self.roots() {
            rec(self, r, &mut out);
        }
        out
    }

    /// Code and name of a node.
    pub fn label(&self, node: &Node) -> (String, String) {
        match node {
            Node::Unit(u) => (
                u.clone(),
                self.ds
                    .units
                    .get(u)
                    .map(|x| x.name.clone())
                    .unwrap_or_default(),
            ),
            Node::Ss(k) => (
                k.code.clone(),
                self.ds
                    .ss
                    .get(k)
                    .map(|x| x.name.clone())
                    .unwrap_or_default(),
            ),
            Node::Iku(k) => (
                k.code.clone(),
                self.ds
                    .iku
                    .get(k)
                    .map(|x| x.name.clone())
                    .unwrap_or_default(),
            ),
        }
    }

    /// The score of a unit for the current period (cached).
    pub fn unit_score(&mut self, unit: &str) -> &UnitScore {
        self.scores.unit(&self.ds, &self.rb, unit)
    }

    /// Selects a node, opening its ancestors so that it is visible.
    pub fn select_node(&mut self, node: &Node) {
        let path = self.path_to(node);
        for n in &path[..path.len().saturating_sub(1)] {
            self.open.insert(n.id());
        }
        self.selected = path;
    }

    /// True when the realisasi of `month` of this IKU is frozen by a PK addendum (R10), the same
    /// rule `set` and the realisasi sheet use: the grid does not edit it.
    pub fn realisasi_frozen(&self, iku: &CodeRef, month: u8) -> bool {
        self.ds
            .iku
            .get(iku)
            .is_some_and(|i| self.ds.realisasi_frozen(i, month))
    }

    /// The months (index 0 = January) whose target can no longer change by addendum (R10: the
    /// month has realisasi, its own or rolled up from child units).
    pub fn frozen_targets(&self, iku: &Iku) -> [bool; 12] {
        frozen_months(&self.ds, iku)
    }

    /// Why the target of `month` of `key` cannot be changed in an addendum (to `value`), if it
    /// cannot: frozen by R10, a value outside the reporting months, or targets that roll up from
    /// child units.
    pub fn target_refusal(&self, key: &CodeRef, month: u8, value: bool) -> Option<String> {
        let iku = self.ds.iku.get(key)?;
        let mname = t::month_name(month);
        if self.frozen_targets(iku)[(month - 1) as usize] {
            return Some(t::ADD_TARGET_FROZEN.fill(&[("month", &mname), ("iku", &iku.code)]));
        }
        let children = self.ds.cascaded_from(key);
        if iku.rolls_up() && !children.is_empty() {
            let list: Vec<String> = children.iter().map(|c| c.to_string()).collect();
            return Some(
                t::ADD_TARGET_ROLLS_UP.fill(&[("iku", &iku.code), ("children", &list.join(", "))]),
            );
        }
        if value && !iku.reporting_period.is_reporting_month(month) {
            return Some(t::NOT_REPORTING_MONTH.fill(&[
                ("month", &mname),
                ("iku", &iku.code),
                ("period", &iku.reporting_period.as_str()),
            ]));
        }
        None
    }

    /// The IKU of a unit in tree order (SS by SS).
    pub fn unit_ikus(&self, unit: &str) -> Vec<CodeRef> {
        self.ds
            .ss_of(unit)
            .iter()
            .flat_map(|s| self.ds.iku_of_ss(s).iter().cloned())
            .collect()
    }

    /// The question the addendum mode is asking, if any.
    pub fn addendum_prompt(&self) -> Option<&AddendumPrompt> {
        self.addendum.as_ref()?.prompt.as_ref()
    }

    /// The pending addendum's changes with the stored value each replaces.
    pub fn addendum_diff(&self) -> Vec<DiffLine> {
        let Some(s) = &self.addendum else {
            return Vec::new();
        };
        s.draft
            .sets
            .iter()
            .map(|(code, month, new)| DiffLine {
                iku: code.clone(),
                month: *month,
                old: self
                    .ds
                    .iku
                    .get(&CodeRef::new(&s.unit, code))
                    .and_then(|i| i.targets[(*month - 1) as usize]),
                new: *new,
            })
            .collect()
    }

    /// The findings of a unit (cached).
    pub fn unit_findings(&mut self, unit: &str) -> &[Finding] {
        self.findings.unit(&self.ds, &self.rb, unit)
    }

    /// The findings that concern a node: a unit row gathers all of its PK, an SS row its own and
    /// its IKU's, an IKU row its own.
    pub fn node_findings(&mut self, node: &Node) -> Vec<Finding> {
        self.unit_findings(node.unit())
            .iter()
            .filter(|f| concerns(node, f))
            .cloned()
            .collect()
    }

    /// The worst severity among a node's findings (what its tree row marks).
    pub fn node_severity(&mut self, node: &Node) -> Option<Severity> {
        self.unit_findings(node.unit())
            .iter()
            .filter(|f| concerns(node, f))
            .fold(None, |acc, f| worse(acc, f.severity))
    }

    /// The units whose findings a change of these IKU's values can alter: their units, the
    /// ancestors that roll them up, and the units at both ends of their cascades (R11).
    pub fn affected_units(&self, keys: &[CodeRef]) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for k in keys {
            out.insert(k.unit.clone());
            out.extend(self.ds.ancestors(&k.unit));
            if let Some(c) = self.ds.iku.get(k).and_then(|i| i.cascade.as_ref()) {
                out.insert(c.from.unit.clone());
            }
            out.extend(self.ds.cascaded_from(k).iter().map(|c| c.unit.clone()));
        }
        out
    }

    /// Drops the scores and findings a change of these IKU's values can alter.
    fn invalidate(&mut self, keys: &[CodeRef]) {
        for k in keys {
            self.scores.invalidate_iku(&self.ds, k);
        }
        let units = self.affected_units(keys);
        self.findings.invalidate(&units);
    }

    /// Why the realisasi of `month` of `iku` cannot be edited here, if it cannot.
    pub fn edit_refusal(&self, key: &CodeRef, month: u8) -> Option<String> {
        let iku = self.ds.iku.get(key)?;
        let mname = t::month_name(month);
        if !iku.reporting_period.is_reporting_month(month) {
            return Some(t::NOT_REPORTING_MONTH.fill(&[
                ("month", &mname),
                ("iku", &iku.code),
                ("period", &iku.reporting_period.as_str()),
            ]));
        }
        if iku.rolls_up() {
            return Some(t::ROLLS_UP.fill(&[("iku", &iku.code)]));
        }
        if self.realisasi_frozen(key, month) {
            return Some(t::FROZEN.fill(&[("month", &mname)]));
        }
        None
    }

    /// Sets a status line message.
    pub fn say(&mut self, msg: impl Into<String>) {
        self.status = msg.into();
        self.status_is_error = false;
    }

    /// Sets an error message on the status line.
    pub fn error(&mut self, msg: impl Into<String>) {
        self.status = msg.into();
        self.status_is_error = true;
    }

    /// The outcome of the last `Effect::Apply`: on success the change is put into the in-memory
    /// dataset, the scores that depend on it are dropped, the undo stacks move and the status says
    /// "Tersimpan"; on failure the editor stays open with the reason.
    pub fn applied(&mut self, result: Result<(), String>) {
        if let Some(p) = self.pending_addendum.take() {
            self.addendum_applied(p, result);
            return;
        }
        let Some(p) = self.pending.take() else { return };
        match result {
            Ok(()) => {
                let r = &p.record;
                let value = match p.kind {
                    PendingKind::Undo => r.old,
                    _ => r.new,
                };
                if let Some(i) = self.ds.iku.get_mut(&r.iku) {
                    i.realisasi[(r.month - 1) as usize] = value;
                }
                self.invalidate(std::slice::from_ref(&r.iku));
                let mname = t::month_name(r.month);
                match p.kind {
                    PendingKind::Edit { advance } => {
                        self.undo.push(p.record.clone());
                        self.redo.clear();
                        self.say(t::SAVED.s());
                        self.editor = None;
                        if let Some(step) = advance
                            && let Some(next) = self.next_reporting_month(&r.iku, r.month, step)
                        {
                            self.month = next;
                            self.open_editor();
                        }
                    }
                    PendingKind::Undo => {
                        self.undo.pop();
                        self.redo.push(p.record.clone());
                        self.say(t::UNDONE.fill(&[("iku", &r.iku), ("month", &mname)]));
                    }
                    PendingKind::Redo => {
                        self.redo.pop();
                        self.undo.push(p.record.clone());
                        self.say(t::REDONE.fill(&[("iku", &r.iku), ("month", &mname)]));
                    }
                }
            }
            Err(reason) => {
                let msg = t::NOT_SAVED.fill(&[("reason", &reason)]);
                if let Some(e) = self.editor.as_mut() {
                    e.error = Some(reason);
                }
                self.error(msg);
            }
        }
    }

    /// The outcome of storing an addendum: on success its writes go into the in-memory dataset
    /// (targets, IKU, the addendum record), what depends on them is recomputed, and the mode
    /// ends with "Addendum vN tersimpan"; on failure the mode stays with the draft intact.
    fn addendum_applied(&mut self, p: PendingAddendum, result: Result<(), String>) {
        if let Err(reason) = result {
            self.error(t::NOT_SAVED.fill(&[("reason", &reason)]));
            return;
        }
        let mut structural = false;
        let mut touched = Vec::new();
        for e in &p.edits {
            match e {
                Edit::SetTarget { iku, month, value } => {
                    if let Some(i) = self.ds.iku.get_mut(iku) {
                        i.targets[(*month - 1) as usize] = *value;
                    }
                    touched.push(iku.clone());
                }
                Edit::PutIku(i) => {
                    structural = true;
                    self.ds.iku.insert(i.key(), i.clone());
                }
                Edit::RemoveIku(k) => {
                    structural = true;
                    self.ds.iku.remove(k);
                }
            }
        }
        let a = p.addendum;
        self.ds.addenda.push(a.clone());
        self.ds
            .addenda
            .sort_by(|x, y| (&x.unit, x.version).cmp(&(&y.unit, y.version)));
        if structural {
            self.ds.reindex();
            self.scores.clear();
            self.findings.clear();
        } else {
            touched.dedup();
            self.invalidate(&touched);
        }
        // the addendum's date can freeze realisasi months (R10): the realisasi undo history no
        // longer applies safely
        self.undo.clear();
        self.redo.clear();
        self.addendum = None;
        self.say(t::ADD_SAVED.fill(&[
            ("version", &a.version),
            ("unit", &a.unit),
            ("n", &a.changes.len()),
        ]));
    }

    /// The next (step > 0) or previous reporting month of an IKU after `month`.
    pub fn next_reporting_month(&self, key: &CodeRef, month: u8, step: i8) -> Option<u8> {
        let iku = self.ds.iku.get(key)?;
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
        if let Some(why) = self.edit_refusal(&key, self.month) {
            self.error(why);
            return;
        }
        let current = self.ds.iku[&key].realisasi[(self.month - 1) as usize];
        let buffer = current
            .map(|d| crate::tui::deps::format_editable(d, self.locale))
            .unwrap_or_default();
        self.focus = Focus::Grid;
        self.editor = Some(Editor {
            kind: EditKind::Realisasi,
            iku: key,
            month: self.month,
            cursor: buffer.chars().count(),
            buffer,
            error: None,
            fresh: true,
        });
    }

    /// Opens the editor on the target of the grid cursor (addendum mode), showing the pending
    /// value if the draft changes it, or says why it cannot.
    pub fn open_target_editor(&mut self) {
        let Some(key) = self.selected_iku().map(Iku::key) else {
            self.error(t::SELECT_IKU.s());
            return;
        };
        if let Some(why) = self.target_refusal(&key, self.month, true) {
            self.error(why);
            return;
        }
        let stored = self.ds.iku[&key].targets[(self.month - 1) as usize];
        let current = self
            .addendum
            .as_ref()
            .and_then(|s| s.pending(&key.code, self.month))
            .unwrap_or(stored);
        let buffer = current
            .map(|d| crate::tui::deps::format_editable(d, self.locale))
            .unwrap_or_default();
        self.focus = Focus::Grid;
        self.editor = Some(Editor {
            kind: EditKind::Target,
            iku: key,
            month: self.month,
            cursor: buffer.chars().count(),
            buffer,
            error: None,
            fresh: true,
        });
    }
}
