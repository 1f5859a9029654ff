//! The detail pane's lag behind tree moves: holding an arrow key sends only the changed tree
//! rows to the terminal; the detail follows once the user stops for [`DETAIL_PAUSE`].

use std::time::{Duration, Instant};

use crate::tui::app::App;
use crate::tui::app::tree::{Node, NodePath};

/// How long the detail pane waits after the last tree move before it shows the new selection
/// (the default of [`Settings::detail_pause`](crate::tui::app::Settings::detail_pause)). Holding an arrow key then sends only the changed tree
/// rows to the terminal; the detail follows once the user stops.
pub const DETAIL_PAUSE: Duration = Duration::from_millis(150);

/// What the detail pane shows while it lags behind the tree.
#[derive(Debug)]
pub struct DetailHold {
    /// While the detail pane lags behind tree moves: the selection it still shows. `None`: it
    /// shows the selection. Set by the moves of `update`, cleared by every other action, by a
    /// resize and by [`App::settle_detail`] once the pause has passed.
    pub(crate) held: Option<NodePath>,
    /// When the held detail catches up; `None` while the last move has not been timed yet (the
    /// clock is read by [`App::detail_wait`] / [`App::settle_detail`], never by `update`).
    pub(crate) due: Option<Instant>,
    /// The pause after the last tree move before the detail follows ([`DETAIL_PAUSE`]).
    pub(crate) pause: Duration,
}

impl DetailHold {
    pub fn new(pause: Duration) -> DetailHold {
        DetailHold {
            held: None,
            due: None,
            pause,
        }
    }
}

impl App {
    /// The node the detail pane shows: the selection, or while a tree move waits for its pause
    /// (`DetailHold::held`) the node selected before the moves.
    pub fn detail_node(&self) -> Option<&Node> {
        match &self.detail.held {
            Some(p) => p.last(),
            None => self.node(),
        }
    }

    /// True while the detail pane shows another node than the selection.
    pub fn detail_stale(&self) -> bool {
        self.detail.held.is_some()
    }

    /// A tree move changed the selection from `before`: the detail pane keeps what it shows
    /// and the pause starts again. Coming back to the node it shows ends the wait at once.
    pub fn hold_detail(&mut self, before: NodePath) {
        let held = self.detail.held.take().unwrap_or(before);
        if held != self.tree.selected {
            self.detail.held = Some(held);
        }
        self.detail.due = None;
    }

    /// Brings the detail pane up to date with the selection now (every action but a tree move,
    /// a resize).
    pub fn sync_detail(&mut self) {
        self.detail.held = None;
        self.detail.due = None;
    }

    /// How long from `now` until the held detail is due (`None` when nothing is held); the
    /// first call after a move starts its pause at `now`. The run loop polls for input this long.
    pub fn detail_wait(&mut self, now: Instant) -> Option<Duration> {
        self.detail.held.as_ref()?;
        let due = *self.detail.due.get_or_insert(now + self.detail.pause);
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
}
