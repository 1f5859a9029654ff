//! What is drawn over the panes: the status line and the help popup's scroll.

use crate::tui::app::App;

#[derive(Debug, Default)]
pub struct Overlays {
    pub(crate) status: String,
    pub(crate) status_is_error: bool,
    pub(crate) help_scroll: u16,
    /// The detail pane's scroll: the node it was scrolled on and the first row shown. Another
    /// node shows from its top.
    pub(crate) detail_scroll: Option<(crate::tui::app::Node, u16)>,
}

impl App {
    /// Sets a status line message.
    pub fn say(&mut self, msg: impl Into<String>) {
        self.overlays.status = msg.into();
        self.overlays.status_is_error = false;
    }

    /// Sets an error message on the status line.
    pub fn error(&mut self, msg: impl Into<String>) {
        self.overlays.status = msg.into();
        self.overlays.status_is_error = true;
    }

    /// The status line.
    pub fn status(&self) -> &str {
        &self.overlays.status
    }

    /// True when the status line says what went wrong.
    pub fn status_is_error(&self) -> bool {
        self.overlays.status_is_error
    }

    /// The first line of the help popup shown.
    pub fn help_scroll(&self) -> u16 {
        self.overlays.help_scroll
    }

    /// The first row of the detail pane shown (0 until it is scrolled on the node it shows).
    pub fn detail_scroll(&self) -> u16 {
        match (&self.overlays.detail_scroll, self.detail_node()) {
            (Some((n, s)), Some(d)) if n == d => *s,
            _ => 0,
        }
    }

    /// Scrolls the detail pane by `rows` (the renderer keeps it within the pane's text).
    pub(crate) fn scroll_detail(&mut self, rows: i32) {
        let Some(node) = self.detail_node().cloned() else {
            return;
        };
        let now = self.detail_scroll() as i32;
        let to = (now + rows).clamp(0, u16::MAX as i32) as u16;
        self.overlays.detail_scroll = Some((node, to));
    }

    /// Keeps the detail pane's scroll within its text.
    pub(crate) fn clamp_detail_scroll(&mut self, max: u16) {
        if let Some((_, s)) = &mut self.overlays.detail_scroll {
            *s = (*s).min(max);
        }
    }

    /// Keeps the help popup's scroll within its text (the renderer knows how long it is).
    pub(crate) fn clamp_help_scroll(&mut self, max: u16) {
        self.overlays.help_scroll = self.overlays.help_scroll.min(max);
    }
}
