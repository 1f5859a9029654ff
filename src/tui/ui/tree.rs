//! The left pane: units, their SS and IKU, each with its number for the period, a status mark
//! and, when `rules::check` finds something, a finding mark (`!` error, `?` warning); a unit's
//! row has the mark of its month's state in the round when that month is past `diisi`.

use std::cmp::Ordering;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::StatefulWidget;
use tui_tree_widget::{Tree, TreeItem, TreeState};

use super::{block, num2, perspective_short, status_style};
use crate::domain::score::Status;
use crate::text::domain::completeness::marked;
use crate::text::tui as t;
use crate::tui::app::{App, Focus, Node, NodePath};

/// The text of one row of the tree, in `room` columns: the mark, code and number always whole;
/// the predikat and the name shortened with `…` when the row is wider than the pane.
pub fn row(app: &mut App, node: &Node, room: usize) -> Line<'static> {
    let (code, name) = app.label(node);
    let searched = !app.search().query().is_empty()
        && app
            .search()
            .matches()
            .iter()
            .any(|p| p.last() == Some(node));
    let (mark_status, value, extra) = match node {
        Node::Unit(u) => {
            let s = app.unit_score(u);
            let nko = s.nko;
            let pred = s.predikat.clone().unwrap_or_default();
            let missing = s.missing.clone();
            let st = nko.map(|n| Status::of(n, app.rb()));
            (st, marked(num2(app, nko), &missing), pred)
        }
        Node::Ss(k) => {
            let (v, missing) = app
                .unit_score(&k.unit)
                .ss
                .get(&k.code)
                .map(|s| (s.value, s.missing.clone()))
                .unwrap_or_default();
            let p = app
                .ds()
                .ss
                .get(k)
                .map(|s| perspective_short(s.perspective))
                .unwrap_or("");
            let st = v.map(|n| Status::of(n, app.rb()));
            (st, marked(num2(app, v), &missing), format!("[{p}]"))
        }
        Node::Iku(k) => {
            let s = app.unit_score(&k.unit).iku.get(&k.code).cloned();
            let c = s.as_ref().and_then(|s| s.capaian);
            (s.and_then(|s| s.status), num2(app, c), String::new())
        }
    };
    let mark = app.theme().mark(mark_status);
    let mut spans = vec![Span::styled(
        mark.to_string(),
        status_style(app, mark_status),
    )];
    // rule findings: `!` error, `?` warning, right after the status mark
    if let Some(sev) = app.node_severity(node) {
        spans.push(super::grid::finding_mark(app, sev));
    }
    // an IKU served by an Inisiatif Strategis: its mark, red when one is behind or overdue
    if let Node::Iku(k) = node
        && !app.iku_inisiatif(k).is_empty()
    {
        let style = if app.iku_is_findings(k).is_empty() {
            app.theme().title
        } else {
            app.theme().error
        };
        spans.push(Span::styled(app.theme().is_mark(), style));
    }
    spans.push(Span::raw(" "));
    // the state of the unit's month in view in the round (nothing while it is being filled)
    if let Node::Unit(u) = node
        && let Some((m, st)) = app.state_mark(u, app.round_month())
    {
        spans.push(Span::styled(format!("{m} "), app.theme().state_style(st)));
    }
    if matches!(node, Node::Ss(_)) {
        spans.push(Span::styled(format!("{extra} "), app.theme().dim));
    }
    let code_style = if searched {
        app.theme().title
    } else {
        Style::new()
    };
    spans.push(Span::styled(code, code_style));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(value, status_style(app, mark_status)));
    let mut tail = vec![];
    if matches!(node, Node::Unit(_)) && !extra.is_empty() {
        tail.push(Span::raw(format!(" {extra}")));
    }
    tail.push(Span::styled(format!(" {name}"), app.theme().dim));
    let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
    let mut left = room.saturating_sub(used);
    let total: usize = tail.iter().map(|s| s.content.chars().count()).sum();
    if total <= left {
        spans.extend(tail);
    } else {
        // shorten the words, never the number: as much as fits, then `…`
        let ell = "…";
        left = left.saturating_sub(1);
        for sp in tail {
            if left == 0 {
                break;
            }
            let n = sp.content.chars().count();
            if n <= left {
                left -= n;
                spans.push(sp);
            } else {
                let cut: String = sp.content.chars().take(left).collect();
                spans.push(Span::styled(cut, sp.style));
                left = 0;
            }
        }
        spans.push(Span::styled(ell, app.theme().dim));
    }
    Line::from(spans)
}

/// The rows shown in a pane of `height` rows, starting at `app.tree_top()`, which is moved first
/// so that the selection is in view (as little as possible, like a list scrolls). Only these
/// rows are looked at: the cost is the pane's height, not the size of the unfolded tree.
pub fn window(app: &mut App, height: usize) -> Vec<NodePath> {
    if height == 0 {
        return Vec::new();
    }
    let sel = app.selected().clone();
    let mut top = std::mem::take(&mut app.tree.top);
    if !app.is_row(&top) {
        // its unit was folded away or removed: the nearest row above it that is still shown
        while !top.is_empty() && !app.is_row(&top) {
            top.pop();
        }
        if top.is_empty() {
            top = app.first_row().unwrap_or_default();
        }
    }
    // The pane scrolls a page at a time, as `less` and mutt do: a selection that leaves the
    // window at the bottom becomes its first row, one that leaves it at the top its last row.
    // A move that scrolls redraws the whole pane; paging makes that once a page instead of once
    // a row (holding ↓ through the tree sends a tenth of the bytes).
    let sel_is_row = app.is_row(&sel);
    if sel_is_row && app.row_order(&sel, &top) == Ordering::Less {
        top = app.step_rows(&sel, 1 - height as isize);
    }
    let mut rows = collect(app, &top, height);
    if sel_is_row && !rows.contains(&sel) {
        // the selection is below the window: it becomes the first row, unless that would leave
        // the window short of rows at the end of the tree
        top = sel.clone();
        rows = collect(app, &top, height);
        if rows.len() < height {
            let end = app.last_row().unwrap_or_default();
            top = app.step_rows(&end, 1 - height as isize);
            rows = collect(app, &top, height);
        }
    }
    app.tree.top = top;
    rows
}

fn collect(app: &App, top: &NodePath, height: usize) -> Vec<NodePath> {
    let mut rows = Vec::with_capacity(height);
    let mut cur = (!top.is_empty()).then(|| top.clone());
    while let Some(p) = cur {
        if rows.len() >= height {
            break;
        }
        cur = app.next_row(&p);
        rows.push(p);
    }
    rows
}

/// One node of the partial forest handed to tui-tree-widget.
struct Partial {
    id: String,
    /// The row's text when it is a row of the window; ancestors above the window have none.
    text: Option<Line<'static>>,
    children: Vec<Partial>,
    /// The node has children in the data that are not in this forest (closed, or below the
    /// window): a placeholder child makes tui-tree-widget draw the open/closed symbol.
    more: bool,
}

impl Partial {
    fn into_item(self) -> TreeItem<'static, String> {
        let text = self.text.unwrap_or_default();
        let mut children: Vec<TreeItem<'static, String>> =
            self.children.into_iter().map(Partial::into_item).collect();
        if self.more && children.is_empty() {
            children.push(TreeItem::new_leaf(String::from("~"), ""));
        }
        // identifiers are node ids, unique among siblings by construction
        TreeItem::new(self.id, text, children).expect("unique node ids among siblings")
    }
}

/// Inserts `path` (its last node with `text`) into the forest.
fn insert(forest: &mut Vec<Partial>, path: &[Node], text: Line<'static>, more: bool) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    let id = first.id();
    let i = match forest.iter().position(|p| p.id == id) {
        Some(i) => i,
        None => {
            forest.push(Partial {
                id,
                text: None,
                children: Vec::new(),
                more: false,
            });
            forest.len() - 1
        }
    };
    if rest.is_empty() {
        forest[i].text = Some(text);
        forest[i].more = more;
    } else {
        insert(&mut forest[i].children, rest, text, more);
    }
}

/// Draws the tree with tui-tree-widget, handing it only the rows on screen and their
/// ancestors (so that the cost is the pane's height, not the size of the unfolded tree). The
/// ancestors above the window are rendered into a scratch buffer above the pane and cut off.
pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    app.set_page(area.height.saturating_sub(3) as usize);
    let focused = app.focus() == Focus::Tree && app.editor().is_none();
    let mut name = t::TREE_TITLE.s().to_string();
    if let Some(f) = app.filter() {
        // the filter in force and how many nodes it found, always in view
        let sep = if app.ascii() { " - " } else { " · " };
        name = format!(
            "{name}{sep}{}",
            t::FILTER_TITLE.fill(&[("filter", &f.label()), ("n", &f.count)])
        );
    }
    let title = if focused { format!("[{name}]") } else { name };
    let b = block(app, title);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    if inner.width < 1 || inner.height < 1 {
        return;
    }
    let rows = window(app, inner.height as usize);
    let Some(first) = rows.first() else { return };
    // ancestors of the first row that are not rows of the window come first when flattened
    let above = first.len() - 1;
    let mut forest = Vec::new();
    let mut state = TreeState::<String>::default();
    for path in &rows {
        let node = path.last().expect("a row is a non-empty path");
        // the pointer, two columns of indentation per level and the open/closed symbol
        let room = (inner.width as usize).saturating_sub(2 + 2 * path.len());
        let text = row(app, node, room);
        let more = !app.children(node).is_empty();
        insert(&mut forest, path, text, more);
        let ids: Vec<String> = path.iter().map(Node::id).collect();
        // every ancestor of a row is open: the first row's ancestors are the ones above the
        // window, and each later row's parent is a row itself or one of those
        let from = if std::ptr::eq(path, first) {
            1
        } else {
            ids.len() - 1
        };
        for k in from.max(1)..ids.len() {
            state.open(ids[..k].to_vec());
        }
        if more && app.is_open(node) {
            state.open(ids);
        }
    }
    if rows.contains(app.selected()) {
        state.select(app.selected().iter().map(Node::id).collect());
    }
    let items: Vec<TreeItem<'static, String>> =
        forest.into_iter().map(Partial::into_item).collect();
    let Ok(tree) = Tree::new(&items) else { return };
    let tree = tree
        .highlight_style(app.theme().selection)
        .highlight_symbol(app.theme().pointer(app.detail_stale()))
        .node_open_symbol(app.theme().tree_open)
        .node_closed_symbol(app.theme().tree_closed)
        .node_no_children_symbol(app.theme().tree_leaf);
    let scratch_area = Rect::new(0, 0, inner.width, inner.height + above as u16);
    let mut scratch = Buffer::empty(scratch_area);
    StatefulWidget::render(tree, scratch_area, &mut scratch, &mut state);
    let buf = frame.buffer_mut();
    for y in 0..inner.height {
        for x in 0..inner.width {
            buf[(inner.x + x, inner.y + y)] = scratch[(x, y + above as u16)].clone();
        }
    }
}
