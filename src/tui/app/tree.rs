//! The tree pane: its nodes, what is open and selected, and how the selection moves (row by
//! row from the selection, at a cost of the tree's depth, never its size).

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::domain::{CodeRef, Iku};
use crate::tui::app::App;

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

/// What the tree pane shows.
#[derive(Debug, Default)]
pub struct TreeView {
    /// Open tree nodes (identifiers).
    pub(crate) open: BTreeSet<String>,
    pub(crate) selected: NodePath,
    /// The first row shown in the tree pane (kept by the renderer so that the selection stays in
    /// view); empty until the first render.
    pub(crate) top: NodePath,
    /// Rows of the tree pane at the last render (for page up/down).
    pub(crate) page: usize,
}

/// The part of the view that survives a restart (stored as JSON, see `run.rs`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UiState {
    /// Identifiers of the open tree nodes.
    pub open: Vec<String>,
    /// Identifier path of the selected node.
    pub selected: Vec<String>,
}

/// The units whose SS and IKU the first frame of a view can show on a screen of `rows` rows, or
/// look at for its detail pane. The tree's rows are the roots, then under each open unit its SS
/// and its child units; a screen of `rows` rows that holds the selection holds at most `rows`
/// unit rows on either side of the selection's, and the SS and IKU rows at its top belong to
/// the unit row just above it. So: those unit rows, the selection's unit with its ancestors,
/// and its child units (the detail of a unit lists them). Without a saved view the roots and
/// their child units are open, as [`App::new`] opens them, and the root is selected. `units` is
/// every unit of the year; `usize::MAX` rows gives every unit that is a row.
pub fn units_in_view(
    units: &[crate::domain::Unit],
    ui: Option<&UiState>,
    rows: usize,
) -> BTreeSet<String> {
    use crate::domain::model::natural_cmp;
    let mut roots: Vec<&str> = units
        .iter()
        .filter(|u| u.parent.is_none())
        .map(|u| u.code.as_str())
        .collect();
    roots.sort_by(|a, b| natural_cmp(a, b));
    let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut parent_of: HashMap<&str, &str> = HashMap::new();
    for u in units {
        if let Some(p) = u.parent.as_deref() {
            children.entry(p).or_default().push(u.code.as_str());
            parent_of.insert(u.code.as_str(), p);
        }
    }
    for v in children.values_mut() {
        v.sort_by(|a, b| natural_cmp(a, b));
    }
    let mut open: HashSet<String> = HashSet::new();
    let mut selected: Option<String> = None;
    match ui {
        Some(ui) => {
            for id in ui.open.iter().chain(&ui.selected) {
                if let Some(n) = Node::from_id(id) {
                    open.insert(n.unit().to_string());
                }
            }
            selected = ui
                .selected
                .last()
                .and_then(|id| Node::from_id(id))
                .map(|n| n.unit().to_string());
        }
        None => {
            // as App::new opens them: the roots and their child units
            for r in &roots {
                open.insert(r.to_string());
                for c in children.get(r).into_iter().flatten() {
                    open.insert(c.to_string());
                }
            }
        }
    }
    // the unit rows in tree order
    let mut order: Vec<&str> = Vec::new();
    let mut todo: Vec<&str> = roots.iter().rev().copied().collect();
    while let Some(u) = todo.pop() {
        order.push(u);
        if open.contains(u) {
            todo.extend(children.get(u).into_iter().flatten().rev());
        }
    }
    // the selection's row: its unit's, or the nearest ancestor's that is a row
    let at = selected
        .as_deref()
        .and_then(|mut u| {
            loop {
                if let Some(i) = order.iter().position(|r| *r == u) {
                    return Some(i);
                }
                u = parent_of.get(u)?;
            }
        })
        .unwrap_or(0);
    let from = at.saturating_sub(rows.saturating_add(1));
    let to = order.len().min(at.saturating_add(rows).saturating_add(1));
    let mut out: BTreeSet<String> = order[from..to].iter().map(|u| u.to_string()).collect();
    let sel = selected.as_deref().or(roots.first().copied());
    if let Some(sel) = sel {
        out.extend(
            children
                .get(sel)
                .into_iter()
                .flatten()
                .map(|c| c.to_string()),
        );
        let mut u = sel;
        out.insert(u.to_string());
        while let Some(p) = parent_of.get(u) {
            out.insert(p.to_string());
            u = p;
        }
    }
    out
}

impl App {
    /// The selected node.
    pub fn node(&self) -> Option<&Node> {
        self.tree.selected.last()
    }

    /// The path of the selected node.
    pub fn selected(&self) -> &NodePath {
        &self.tree.selected
    }

    /// The first row the tree pane shows (empty before the first render).
    pub fn tree_top(&self) -> &NodePath {
        &self.tree.top
    }

    /// Scrolls the tree pane so that it starts at `top` (the renderer keeps the selection in
    /// view from there).
    pub fn set_tree_top(&mut self, top: NodePath) {
        self.tree.top = top;
    }

    /// The state to persist.
    pub fn ui_state(&self) -> UiState {
        UiState {
            open: self.tree.open.iter().cloned().collect(),
            selected: self.tree.selected.iter().map(Node::id).collect(),
        }
    }

    /// The selected IKU, if the selection is one.
    pub fn selected_iku(&self) -> Option<&Iku> {
        match self.node()? {
            Node::Iku(k) => self.data.ds.iku.get(k),
            _ => None,
        }
    }

    /// The children of a node in the tree: the unit's own SS first (by perspective, then
    /// code), then its child units; under an SS its IKU. Codes in natural order.
    pub fn children(&self, node: &Node) -> Vec<Node> {
        match node {
            Node::Unit(u) => {
                let mut v: Vec<Node> = self
                    .data
                    .ds
                    .ss_of(u)
                    .iter()
                    .map(|k| Node::Ss(k.clone()))
                    .collect();
                v.extend(
                    self.data
                        .ds
                        .children(u)
                        .iter()
                        .map(|c| Node::Unit(c.clone())),
                );
                v.retain(|n| self.kept(n));
                v
            }
            Node::Ss(k) => self
                .data
                .ds
                .iku_of_ss(k)
                .iter()
                .map(|k| Node::Iku(k.clone()))
                .filter(|n| self.kept(n))
                .collect(),
            Node::Iku(_) => Vec::new(),
        }
    }

    /// The root units (those the filter keeps).
    pub fn roots(&self) -> Vec<Node> {
        self.data
            .ds
            .roots()
            .iter()
            .map(|r| Node::Unit(r.clone()))
            .filter(|n| self.kept(n))
            .collect()
    }

    /// The path from a root to `node`.
    pub fn path_to(&self, node: &Node) -> NodePath {
        let unit = node.unit().to_string();
        let mut path: NodePath = self
            .data
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
                if let Some(i) = self.data.ds.iku.get(k) {
                    path.push(Node::Ss(CodeRef::new(&k.unit, &i.ss)));
                }
                path.push(Node::Iku(k.clone()));
            }
        }
        path
    }

    pub(crate) fn path_exists(&self, p: &NodePath) -> bool {
        let Some(last) = p.last() else { return false };
        let exists = match last {
            Node::Unit(u) => self.data.ds.units.contains_key(u),
            Node::Ss(k) => self.data.ds.ss.contains_key(k),
            Node::Iku(k) => self.data.ds.iku.contains_key(k),
        };
        exists && &self.path_to(last) == p && p.iter().all(|n| self.kept(n))
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
        if self.tree.open.contains(&node.id()) {
            for c in self.children(node) {
                self.walk(&c, path, out);
            }
        }
        path.pop();
    }

    /// True when the node is open in the tree.
    pub fn is_open(&self, node: &Node) -> bool {
        self.tree.open.contains(&node.id())
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
        self.roots().into_iter().next().map(|r| vec![r])
    }

    /// The last row of the tree as it is unfolded.
    pub fn last_row(&self) -> Option<NodePath> {
        let mut path = vec![self.roots().pop()?];
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

    /// Code and name of a node, safe to draw ([`crate::tui::ui::shown`]).
    pub fn label(&self, node: &Node) -> (String, String) {
        let (code, name) = self.raw_label(node);
        (crate::tui::ui::shown(&code), crate::tui::ui::shown(&name))
    }

    /// Code and name of a node as stored.
    fn raw_label(&self, node: &Node) -> (String, String) {
        match node {
            Node::Unit(u) => (
                u.clone(),
                self.data
                    .ds
                    .units
                    .get(u)
                    .map(|x| x.name.clone())
                    .unwrap_or_default(),
            ),
            Node::Ss(k) => (
                k.code.clone(),
                self.data
                    .ds
                    .ss
                    .get(k)
                    .map(|x| x.name.clone())
                    .unwrap_or_default(),
            ),
            Node::Iku(k) => (
                k.code.clone(),
                self.data
                    .ds
                    .iku
                    .get(k)
                    .map(|x| x.name.clone())
                    .unwrap_or_default(),
            ),
        }
    }

    /// Selects a node, opening its ancestors so that it is visible.
    pub fn select_node(&mut self, node: &Node) {
        let path = self.path_to(node);
        for n in &path[..path.len().saturating_sub(1)] {
            self.tree.open.insert(n.id());
        }
        self.tree.selected = path;
    }
}
