//! The left pane: units, their SS and IKU, each with its number for the period, a status mark
//! and, when `rules::check` finds something, a finding mark (`!` error, `?` warning).

use std::cmp::Ordering;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{block, num2, perspective_short, status_style};
use crate::domain::score::Status;
use crate::text::tui as t;
use crate::tui::app::{App, Focus, Node, NodePath};

/// The text of one row of the tree.
pub fn row(app: &mut App, node: &Node) -> Line<'static> {
    let (code, name) = app.label(node);
    let searched =
        !app.search.query.is_empty() && app.search.matches.iter().any(|p| p.last() == Some(node));
    let (mark_status, value, extra) = match node {
        Node::Unit(u) => {
            let s = app.unit_score(u);
            let nko = s.nko;
            let pred = s.predikat.clone().unwrap_or_default();
            let st = nko.map(|n| Status::of(n, &app.rb));
            (st, num2(app, nko), pred)
        }
        Node::Ss(k) => {
            let v = app
                .unit_score(&k.unit)
                .ss
                .get(&k.code)
                .and_then(|s| s.value);
            let p = app
                .ds
                .ss
                .get(k)
                .map(|s| perspective_short(s.perspective))
                .unwrap_or("");
            let st = v.map(|n| Status::of(n, &app.rb));
            (st, num2(app, v), format!("[{p}]"))
        }
        Node::Iku(k) => {
            let s = app.unit_score(&k.unit).iku.get(&k.code).cloned();
            let c = s.as_ref().and_then(|s| s.capaian);
            (s.and_then(|s| s.status), num2(app, c), String::new())
        }
    };
    let mark = app.theme.mark(mark_status);
    let mut spans = vec![Span::styled(
        mark.to_string(),
        status_style(app, mark_status),
    )];
    // rule findings: `!` error, `?` warning, right after the status mark
    if let Some(sev) = app.node_severity(node) {
        spans.push(super::grid::finding_mark(app, sev));
    }
    spans.push(Span::raw(" "));
    if matches!(node, Node::Ss(_)) {
        spans.push(Span::styled(format!("{extra} "), app.theme.dim));
    }
    let code_style = if searched {
        app.theme.title
    } else {
        Style::new()
    };
    spans.push(Span::styled(code, code_style));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(value, status_style(app, mark_status)));
    if matches!(node, Node::Unit(_)) && !extra.is_empty() {
        spans.push(Span::raw(format!(" {extra}")));
    }
    spans.push(Span::styled(format!(" {name}"), app.theme.dim));
    Line::from(spans)
}

/// The rows shown in a pane of `height` rows, starting at `app.tree_top`, which is moved first
/// so that the selection is in view (as little as possible, like a list scrolls). Only these
/// rows are looked at: the cost is the pane's height, not the size of the unfolded tree.
pub fn window(app: &mut App, height: usize) -> Vec<NodePath> {
    if height == 0 {
        return Vec::new();
    }
    let sel = app.selected.clone();
    let mut top = std::mem::take(&mut app.tree_top);
    if !app.is_row(&top) {
        // its unit was folded away or removed: the nearest row above it that is still shown
        while !top.is_empty() && !app.is_row(&top) {
            top.pop();
        }
        if top.is_empty() {
            top = app.first_row().unwrap_or_default();
        }
    }
    let sel_is_row = app.is_row(&sel);
    if sel_is_row && app.row_order(&sel, &top) == Ordering::Less {
        top = sel.clone();
    }
    let mut rows = collect(app, &top, height);
    if sel_is_row && !rows.contains(&sel) {
        // the selection is below the window: scroll so that it is the last row
        top = app.step_rows(&sel, 1 - height as isize);
        rows = collect(app, &top, height);
    }
    app.tree_top = top;
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

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    app.page = area.height.saturating_sub(3) as usize;
    let focused = app.focus == Focus::Tree && app.editor.is_none();
    let title = if focused {
        format!("[{}]", t::TREE_TITLE.s())
    } else {
        t::TREE_TITLE.s().to_string()
    };
    let b = block(app, title);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    if inner.width < 1 || inner.height < 1 {
        return;
    }
    let rows = window(app, inner.height as usize);
    let symbol = app.theme.selection_symbol;
    let blank = " ".repeat(Span::raw(symbol).width());
    let has_selection = !app.selected.is_empty();
    for (y, path) in (inner.y..).zip(rows.iter()) {
        let Some(node) = path.last() else { continue };
        let line = row(app, node);
        let selected = *path == app.selected;
        let mut spans: Vec<Span<'static>> = Vec::with_capacity(line.spans.len() + 2);
        if has_selection {
            spans.push(Span::raw(if selected {
                symbol.to_string()
            } else {
                blank.clone()
            }));
        }
        let node_symbol = if app.children(node).is_empty() {
            app.theme.tree_leaf
        } else if app.is_open(node) {
            app.theme.tree_open
        } else {
            app.theme.tree_closed
        };
        spans.push(Span::raw(format!(
            "{}{node_symbol}",
            " ".repeat((path.len() - 1) * 2)
        )));
        spans.extend(line.spans);
        let r = Rect::new(inner.x, y, inner.width, 1);
        frame.render_widget(Line::from(spans), r);
        if selected {
            frame.buffer_mut().set_style(r, app.theme.selection);
        }
    }
}
