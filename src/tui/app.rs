//! The model of the TUI: what is on screen and what the user is doing. No I/O here.

use std::collections::BTreeSet;
use std::path::PathBuf;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use tui_tree_widget::TreeState;

use crate::domain::rulebook::Rulebook;
use crate::domain::score::{Scores, UnitScore};
use crate::domain::{CodeRef, Dataset, Iku};
use crate::text::Lang;
use crate::text::tui as t;
use crate::tui::action::Mode;
use crate::tui::deps::{Keymap, Locale, Theme};

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

/// The cell editor of the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
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
    /// The tree widget's state (scroll offset); synchronised from `open`/`selected` on render.
    pub tree_state: TreeState<String>,
    pub focus: Focus,
    /// Grid cursor month (1..=12).
    pub month: u8,
    pub editor: Option<Editor>,
    pub undo: Vec<EditRecord>,
    pub redo: Vec<EditRecord>,
    pub pending: Option<Pending>,
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
            tree_state: TreeState::default(),
            focus: Focus::Tree,
            month: period,
            editor: None,
            undo: Vec::new(),
            redo: Vec::new(),
            pending: None,
            search: Search::default(),
            status: String::new(),
            status_is_error: false,
            help: false,
            help_scroll: 0,
            size: (80, 24),
            page: 10,
            quit: false,
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
            && let Some(first) = app.visible().into_iter().next()
        {
            app.selected = first;
        }
        app
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
        } else if self.editor.is_some() {
            Mode::Edit
        } else if self.search.typing {
            Mode::Search
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

    /// True when the target of `month` can no longer change by addendum (R10: it has realisasi).
    pub fn target_frozen(iku: &Iku, month: u8) -> bool {
        iku.realisasi[(month - 1) as usize].is_some()
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
                self.scores.invalidate_iku(&self.ds, &r.iku);
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
            iku: key,
            month: self.month,
            cursor: buffer.chars().count(),
            buffer,
            error: None,
            fresh: true,
        });
    }
}
