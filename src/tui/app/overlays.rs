//! What is drawn over the panes: the status line and the help popup's scroll.

use crate::tui::app::App;

#[derive(Debug, Default)]
pub struct Overlays {
    pub(crate) status: String,
    pub(crate) status_is_error: bool,
    pub(crate) help_scroll: u16,
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

    /// Keeps the help popup's scroll within its text (the renderer knows how long it is).
    pub(crate) fn clamp_help_scroll(&mut self, max: u16) {
        self.overlays.help_scroll = self.overlays.help_scroll.min(max);
    }
}
