//! A progress bar for long operations, drawn on standard error only when it is a terminal.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// A progress bar on stderr; silent when stderr is not a terminal (pipes, CI, files).
pub struct Progress {
    label: String,
    total: usize,
    done: usize,
    enabled: bool,
    last_draw: Option<Instant>,
    drawn: bool,
}

const WIDTH: usize = 30;
const EVERY: Duration = Duration::from_millis(80);

impl Progress {
    /// A bar for `total` steps, shown when stderr is a terminal.
    pub fn new(label: impl Into<String>, total: usize) -> Self {
        Self::with_output(label, total, std::io::stderr().is_terminal())
    }

    /// A bar that is drawn only when `enabled`.
    pub fn with_output(label: impl Into<String>, total: usize, enabled: bool) -> Self {
        Progress {
            label: label.into(),
            total: total.max(1),
            done: 0,
            enabled,
            last_draw: None,
            drawn: false,
        }
    }

    /// Sets the steps done so far (and the total, which may grow).
    pub fn set(&mut self, done: usize, total: usize) {
        self.total = total.max(1);
        self.done = done.min(self.total);
        self.draw(false);
    }

    /// Moves to the next phase with a new label.
    pub fn phase(&mut self, label: impl Into<String>, total: usize) {
        self.label = label.into();
        self.total = total.max(1);
        self.done = 0;
        self.draw(true);
    }

    /// The text of the bar as it is drawn (without the carriage return).
    pub fn line(&self) -> String {
        let filled = self.done * WIDTH / self.total;
        let percent = self.done * 100 / self.total;
        format!(
            "{} [{}{}] {:>3}%",
            self.label,
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            percent
        )
    }

    fn draw(&mut self, force: bool) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if !force && self.done < self.total && self.last_draw.is_some_and(|t| now - t < EVERY) {
            return;
        }
        self.last_draw = Some(now);
        self.drawn = true;
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{}", self.line());
        let _ = err.flush();
    }

    /// Clears the bar from the terminal.
    pub fn finish(&mut self) {
        if self.enabled && self.drawn {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
        self.drawn = false;
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_shows_label_bar_and_percent() {
        let mut p = Progress::with_output("Impor", 4, false);
        p.set(1, 4);
        assert_eq!(
            p.line(),
            format!("Impor [{}{}]  25%", "#".repeat(7), ".".repeat(23))
        );
        p.set(9, 4);
        assert!(p.line().ends_with("100%"), "clamped: {}", p.line());
        p.phase("Simpan", 0);
        assert!(p.line().starts_with("Simpan ["));
    }
}
