//! The search screen: typing a query selects the first match; n/N (or Up/Down) jump between
//! matches, also after the query is typed.

use crate::text::tui as t;
use crate::tui::action::Action;
use crate::tui::app::{App, FilterKind, NodePath, Screen, Search};
use crate::tui::update::Effect;

/// `/`: a new search over the tree or the grid.
pub(super) fn start(app: &mut App) {
    app.search = Search {
        open_before: Some(app.tree.open.clone()),
        ..Search::default()
    };
    let over = app.focus();
    app.enter(Screen::Search { over });
}

pub(super) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Insert(_) | Action::Backspace => {
            // the query is typed at its end
            app.search.query.apply(&Action::Last);
            app.search.query.apply(&action);
            refresh_matches(app);
        }
        Action::Commit => {
            if let Some((kind, text)) = filter_query(app.search.query()) {
                // `/merah`, `/temuan pajak`: a filter, not a search
                app.search = Search::default();
                app.leave();
                app.set_filter(kind, &text);
                super::list::rebuild_if_open(app);
                return vec![];
            }
            app.leave();
            // from here on n/N unfold on top of what the user sees now
            app.search.open_before = Some(app.tree.open.clone());
        }
        Action::Cancel => {
            app.search = Search::default();
            app.leave();
            app.say("");
        }
        Action::NextMatch | Action::Down => jump(app, 1),
        Action::PrevMatch | Action::Up => jump(app, -1),
        _ => {}
    }
    vec![]
}

/// A query that starts with a filter word (`merah`, `kuning`, `temuan`, `belum`, a perspective's
/// tag such as `pk`, optionally with a `:`): the filter and the words after it.
fn filter_query(q: &str) -> Option<(FilterKind, String)> {
    let q = q.trim();
    let (first, rest) = match q.split_once(|c: char| c.is_whitespace() || c == ':') {
        Some((a, b)) => (a, b.trim()),
        None => (q, ""),
    };
    FilterKind::parse(first).map(|k| (k, rest.to_string()))
}

/// Recomputes the matches of the query and jumps to the first one.
fn refresh_matches(app: &mut App) {
    let q = app.search.query().to_lowercase();
    app.search.current = 0;
    if let Some((kind, text)) = filter_query(&q) {
        app.search.matches.clear();
        let label = crate::tui::app::Filter::label_of(kind, &text);
        app.say(t::FILTER_HINT.fill(&[("filter", &label)]));
        return;
    }
    if q.is_empty() {
        app.search.matches.clear();
        app.say("");
        return;
    }
    let nodes = app.all_nodes();
    let matches: Vec<NodePath> = nodes
        .iter()
        .filter(|n| {
            let (code, name) = app.label(n);
            code.to_lowercase().contains(&q) || name.to_lowercase().contains(&q)
        })
        .map(|n| app.path_to(n))
        .collect();
    app.search.matches = matches;
    show_match(app);
}

fn show_match(app: &mut App) {
    match app.search.matches.get(app.search.current).cloned() {
        Some(p) => {
            if let Some(before) = &app.search.open_before {
                app.tree.open = before.clone();
            }
            if let Some(n) = p.last() {
                app.select_node(n);
            }
            let msg = t::MATCH_N.fill(&[
                ("i", &(app.search.current + 1)),
                ("n", &app.search.matches.len()),
            ]);
            app.say(msg);
        }
        None => {
            let msg = t::NO_MATCH.fill(&[("q", &app.search.query())]);
            app.error(msg);
        }
    }
}

/// Moves to the next (+1) or previous (-1) match, wrapping around.
pub(super) fn jump(app: &mut App, step: isize) {
    let n = app.search.matches.len();
    if n == 0 {
        if !app.search.query().is_empty() {
            show_match(app);
        }
        return;
    }
    app.search.current = (app.search.current as isize + step).rem_euclid(n as isize) as usize;
    show_match(app);
}
