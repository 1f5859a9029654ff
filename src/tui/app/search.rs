//! The search box and its matches (the matches stay after the query is typed, for n/N).

use std::collections::BTreeSet;

use crate::tui::app::App;
use crate::tui::app::text_input::TextInput;
use crate::tui::app::tree::NodePath;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub(crate) query: TextInput,
    pub(crate) matches: Vec<NodePath>,
    pub(crate) current: usize,
    /// The open nodes when the search started: jumping to a match opens only its ancestors on
    /// top of these, so the matches passed over while typing do not leave the tree unfolded.
    pub(crate) open_before: Option<BTreeSet<String>>,
}

impl Search {
    /// The query typed (or being typed).
    pub fn query(&self) -> &str {
        self.query.text()
    }
    /// The input of the query (its cursor).
    pub fn input(&self) -> &TextInput {
        &self.query
    }
    /// The paths of the matching nodes, in tree order.
    pub fn matches(&self) -> &[NodePath] {
        &self.matches
    }
    /// The index of the match shown.
    pub fn current(&self) -> usize {
        self.current
    }
    /// The open nodes the next jump unfolds on top of.
    pub fn open_before(&self) -> Option<&BTreeSet<String>> {
        self.open_before.as_ref()
    }
}

impl App {
    pub fn search(&self) -> &Search {
        &self.search
    }
}
