//! The left pane: units, their SS and IKU, each with its number for the period, a status mark
//! and, when `rules::check` finds something, a finding mark (`!` error, `?` warning).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use tui_tree_widget::{Tree, TreeItem};

use super::{block, num2, perspective_short, status_style};
use crate::domain::score::Status;
use crate::text::tui as t;
use crate::tui::app::{App, Focus, Node};

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

fn item(app: &mut App, node: &Node) -> TreeItem<'static, String> {
    let text = row(app, node);
    let id = node.id();
    let children = app.children(node);
    if children.is_empty() {
        return TreeItem::new_leaf(id, text);
    }
    let kids: Vec<TreeItem<'static, String>> = if app.open.contains(&id) {
        children.iter().map(|c| item(app, c)).collect()
    } else {
        // a closed node needs only to show that it has children
        vec![TreeItem::new_leaf(format!("{id}#"), "")]
    };
    TreeItem::new(id.clone(), text, kids)
        .unwrap_or_else(|_| TreeItem::new_leaf(id, "?".to_string()))
}

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    app.page = area.height.saturating_sub(3) as usize;
    let roots = app.roots();
    let items: Vec<TreeItem<'static, String>> = roots.iter().map(|r| item(app, r)).collect();
    // synchronise the widget state from the model (the model owns navigation)
    app.tree_state.close_all();
    for p in app.visible() {
        if p.last().is_some_and(|n| app.open.contains(&n.id())) {
            app.tree_state.open(p.iter().map(Node::id).collect());
        }
    }
    app.tree_state
        .select(app.selected.iter().map(Node::id).collect());
    let focused = app.focus == Focus::Tree && app.editor.is_none();
    let title = if focused {
        format!("[{}]", t::TREE_TITLE.s())
    } else {
        t::TREE_TITLE.s().to_string()
    };
    let Ok(tree) = Tree::new(&items) else { return };
    let tree = tree
        .block(block(app, title))
        .highlight_style(app.theme.selection)
        .highlight_symbol(app.theme.selection_symbol)
        .node_open_symbol(app.theme.tree_open)
        .node_closed_symbol(app.theme.tree_closed)
        .node_no_children_symbol(app.theme.tree_leaf);
    frame.render_stateful_widget(tree, area, &mut app.tree_state);
}
