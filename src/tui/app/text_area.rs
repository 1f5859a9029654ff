//! The multi-line text editor of the TUI (an analysis: isu, implikasi, aksi, rencana aksi,
//! notes): word-wrapped to the width it is drawn in, a cursor that moves by character, by
//! wrapped row and by line, and undo/redo by word. It holds a long text within the limits of
//! every entry point ([`crate::domain::limits`], [`TextKind::Long`]): newlines and tabs, no
//! other control or bidirectional character, at most [`limits::MAX_TEXT_CHARS`] characters; a
//! character refused is not inserted and the editor says why.

use crate::domain::limits::{self, TextKind};
use crate::tui::action::Action;

/// Most undo steps kept.
const MAX_UNDO: usize = 200;

/// What the last edit was, so that typing a word is one undo step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Last {
    #[default]
    Other,
    Typing,
    Deleting,
}

/// A multi-line text with its cursor (in characters) and its undo history.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextArea {
    text: Vec<char>,
    cursor: usize,
    /// The column Up/Down aim at (kept over several vertical moves).
    goal: Option<usize>,
    undo: Vec<(Vec<char>, usize)>,
    redo: Vec<(Vec<char>, usize)>,
    last: Last,
    error: Option<String>,
    /// The first wrapped row shown (kept by the renderer so that the cursor stays in view).
    pub top: usize,
}

impl TextArea {
    /// An editor holding `text`, the cursor at its end.
    pub fn new(text: &str) -> TextArea {
        let text: Vec<char> = text.chars().collect();
        TextArea {
            cursor: text.len(),
            text,
            ..TextArea::default()
        }
    }

    pub fn text(&self) -> String {
        self.text.iter().collect()
    }

    /// The cursor position in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Why the last key was refused, if it was.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn set_error(&mut self, why: impl Into<String>) {
        self.error = Some(why.into());
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// The wrapped rows of the text at `width` columns: ranges of character indices (a row of a
    /// word-wrapped line ends after the space it breaks at; a word longer than the row is
    /// broken). An empty line is an empty row.
    pub fn rows(&self, width: usize) -> Vec<(usize, usize)> {
        let width = width.max(1);
        let mut out = Vec::new();
        let mut ls = 0;
        loop {
            let le = self.text[ls..]
                .iter()
                .position(|c| *c == '\n')
                .map_or(self.text.len(), |i| ls + i);
            let mut pos = ls;
            loop {
                if le - pos <= width {
                    out.push((pos, le));
                    break;
                }
                let brk = (pos + 1..pos + width)
                    .rev()
                    .find(|&i| self.text[i] == ' ' || self.text[i] == '\t');
                let end = brk.map_or(pos + width, |i| i + 1);
                out.push((pos, end));
                pos = end;
            }
            if le >= self.text.len() {
                break;
            }
            ls = le + 1;
        }
        out
    }

    /// The wrapped row and column of the cursor at `width`.
    pub fn cursor_at(&self, width: usize) -> (usize, usize) {
        let rows = self.rows(width);
        let r = self.row_of(&rows, self.cursor);
        (r, self.cursor - rows[r].0)
    }

    /// The row holding position `p`: the row it is inside, or the row it ends when it ends its
    /// line.
    fn row_of(&self, rows: &[(usize, usize)], p: usize) -> usize {
        for (i, &(s, e)) in rows.iter().enumerate() {
            let line_end = e >= self.text.len() || self.text[e] == '\n';
            if p >= s && (p < e || (p == e && line_end)) {
                return i;
            }
        }
        rows.len().saturating_sub(1)
    }

    /// The last position the cursor may take on row `r` (before a break, at the end of a line).
    fn row_last(&self, rows: &[(usize, usize)], r: usize) -> usize {
        let (s, e) = rows[r];
        let line_end = e >= self.text.len() || self.text[e] == '\n';
        if line_end || e == s { e } else { e - 1 }
    }

    fn snapshot(&mut self, kind: Last) {
        if kind == Last::Other || kind != self.last || self.undo.is_empty() {
            self.undo.push((self.text.clone(), self.cursor));
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last = kind;
    }

    /// Applies an editing action at `width` columns (the width the text is drawn in, for Up and
    /// Down and for Home/End of a wrapped row); false when the action is not one and the editor
    /// is left as it was. A change of the text drops the last error.
    pub fn apply(&mut self, action: &Action, width: usize) -> bool {
        self.cursor = self.cursor.min(self.text.len());
        let vertical = matches!(action, Action::Up | Action::Down);
        if !vertical {
            self.goal = None;
        }
        match action {
            Action::Insert(c) => {
                let c = *c;
                if !limits::allowed(TextKind::Long, c) {
                    let at = self.cursor + 1;
                    self.error = Some(limits::TextProblem::Forbidden { at, ch: c }.message());
                    return true;
                }
                if self.text.len() >= limits::MAX_TEXT_CHARS {
                    let problem = limits::TextProblem::TooLong {
                        len: self.text.len() + 1,
                        max: limits::MAX_TEXT_CHARS,
                    };
                    self.error = Some(problem.message());
                    return true;
                }
                // a word is one step: a space or a newline starts the next one
                let kind = if c.is_whitespace() {
                    Last::Other
                } else {
                    Last::Typing
                };
                self.snapshot(kind);
                self.text.insert(self.cursor, c);
                self.cursor += 1;
                self.error = None;
            }
            Action::Backspace => {
                if self.cursor > 0 {
                    self.snapshot(Last::Deleting);
                    self.cursor -= 1;
                    self.text.remove(self.cursor);
                    self.error = None;
                }
            }
            Action::DeleteChar => {
                if self.cursor < self.text.len() {
                    self.snapshot(Last::Deleting);
                    self.text.remove(self.cursor);
                    self.error = None;
                }
            }
            Action::Clear => {
                if !self.text.is_empty() {
                    self.snapshot(Last::Other);
                    self.text.clear();
                    self.cursor = 0;
                    self.error = None;
                }
            }
            Action::Left | Action::CursorLeft => {
                self.cursor = self.cursor.saturating_sub(1);
                self.last = Last::Other;
            }
            Action::Right | Action::CursorRight => {
                self.cursor = (self.cursor + 1).min(self.text.len());
                self.last = Last::Other;
            }
            Action::First | Action::Last => {
                let rows = self.rows(width);
                let r = self.row_of(&rows, self.cursor);
                self.cursor = if *action == Action::First {
                    rows[r].0
                } else {
                    self.row_last(&rows, r)
                };
                self.last = Last::Other;
            }
            Action::Up | Action::Down => {
                let rows = self.rows(width);
                let r = self.row_of(&rows, self.cursor);
                let col = *self.goal.get_or_insert(self.cursor - rows[r].0);
                let to = if *action == Action::Up {
                    r.checked_sub(1)
                } else {
                    Some(r + 1).filter(|&n| n < rows.len())
                };
                match to {
                    Some(n) => {
                        self.cursor = (rows[n].0 + col).min(self.row_last(&rows, n));
                    }
                    None if *action == Action::Up => self.cursor = 0,
                    None => self.cursor = self.text.len(),
                }
                self.last = Last::Other;
            }
            Action::Undo => {
                if let Some((t, c)) = self.undo.pop() {
                    self.redo
                        .push((std::mem::replace(&mut self.text, t), self.cursor));
                    self.cursor = c;
                }
                self.last = Last::Other;
            }
            Action::Redo => {
                if let Some((t, c)) = self.redo.pop() {
                    self.undo
                        .push((std::mem::replace(&mut self.text, t), self.cursor));
                    self.cursor = c;
                }
                self.last = Last::Other;
            }
            _ => return false,
        }
        true
    }

    /// Keeps the first row shown so that the cursor's row is in a window of `height` rows at
    /// `width`; the rows to draw.
    pub fn window(&mut self, width: usize, height: usize) -> std::ops::Range<usize> {
        let rows = self.rows(width);
        if height == 0 {
            return 0..0;
        }
        let (r, _) = self.cursor_at(width);
        if r < self.top {
            self.top = r;
        }
        if r >= self.top + height {
            self.top = r + 1 - height;
        }
        self.top = self.top.min(rows.len().saturating_sub(1));
        self.top..(self.top + height).min(rows.len())
    }

    /// The text of row `r` as drawn (a tab as a space).
    pub fn row_text(&self, (s, e): (usize, usize)) -> String {
        self.text[s..e]
            .iter()
            .map(|c| if *c == '\t' { ' ' } else { *c })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(t: &mut TextArea, s: &str) {
        for c in s.chars() {
            assert!(t.apply(&Action::Insert(c), 20));
        }
    }

    fn rows_text(t: &TextArea, w: usize) -> Vec<String> {
        t.rows(w).into_iter().map(|r| t.row_text(r)).collect()
    }

    #[test]
    fn words_wrap_at_the_width_and_long_words_are_broken() {
        let t = TextArea::new("Realisasi belum mencapai target karena\n\nlelang ditunda");
        assert_eq!(
            rows_text(&t, 20),
            [
                "Realisasi belum ",
                "mencapai target ",
                "karena",
                "",
                "lelang ditunda"
            ]
        );
        let t = TextArea::new("abcdefghijkl");
        assert_eq!(rows_text(&t, 5), ["abcde", "fghij", "kl"]);
        assert_eq!(rows_text(&TextArea::new(""), 5), [""]);
        // a zero width is taken as one column, never a panic or an endless loop
        assert_eq!(rows_text(&TextArea::new("ab"), 0), ["a", "b"]);
    }

    #[test]
    fn the_cursor_moves_by_wrapped_row_and_keeps_its_column() {
        let mut t = TextArea::new("Realisasi belum mencapai target karena");
        // at the end: the last row, column 6
        assert_eq!(t.cursor_at(20), (2, 6));
        t.apply(&Action::Up, 20);
        assert_eq!(t.cursor_at(20), (1, 6));
        t.apply(&Action::Up, 20);
        assert_eq!(t.cursor_at(20), (0, 6));
        t.apply(&Action::Up, 20);
        assert_eq!(t.cursor(), 0, "up from the first row: its start");
        t.apply(&Action::Last, 20);
        assert_eq!(
            t.cursor_at(20),
            (0, 15),
            "end of a wrapped row: before the break"
        );
        t.apply(&Action::Down, 20);
        t.apply(&Action::Down, 20);
        assert_eq!(t.cursor_at(20), (2, 6), "a short row: its end");
        t.apply(&Action::First, 20);
        assert_eq!(t.cursor_at(20), (2, 0));
        t.apply(&Action::Down, 20);
        assert_eq!(t.cursor(), t.text().chars().count());
    }

    #[test]
    fn typing_newlines_deleting_and_undo_by_word() {
        let mut t = TextArea::new("");
        typed(&mut t, "Lelang ditunda");
        t.apply(&Action::Insert('\n'), 20);
        typed(&mut t, "oleh pemohon");
        assert_eq!(t.text(), "Lelang ditunda\noleh pemohon");
        assert_eq!(t.cursor_at(20), (1, 12));
        t.apply(&Action::Undo, 20);
        assert_eq!(t.text(), "Lelang ditunda\noleh ");
        t.apply(&Action::Undo, 20);
        t.apply(&Action::Undo, 20);
        assert_eq!(t.text(), "Lelang ditunda\n");
        t.apply(&Action::Redo, 20);
        assert_eq!(t.text(), "Lelang ditunda\noleh");
        t.apply(&Action::Backspace, 20);
        t.apply(&Action::Backspace, 20);
        assert_eq!(t.text(), "Lelang ditunda\nol");
        t.apply(&Action::Undo, 20);
        assert_eq!(
            t.text(),
            "Lelang ditunda\noleh",
            "the deletions are one step"
        );
        // Indonesian text with its punctuation and non-ASCII letters
        t.apply(&Action::Clear, 20);
        typed(&mut t, "Rp1.234,5 — naik ±3 % (Triwulan III)");
        assert_eq!(t.text(), "Rp1.234,5 — naik ±3 % (Triwulan III)");
    }

    #[test]
    fn control_characters_and_overlong_text_are_refused_with_a_reason() {
        let mut t = TextArea::new("a");
        assert!(t.apply(&Action::Insert('\u{202e}'), 10));
        assert_eq!(t.text(), "a");
        assert!(t.error().is_some());
        assert!(t.apply(&Action::Insert('\t'), 10), "a tab is allowed");
        assert_eq!(t.text(), "a\t");
        assert!(t.error().is_none());
        let mut t = TextArea::new(&"x".repeat(limits::MAX_TEXT_CHARS));
        t.apply(&Action::Insert('y'), 10);
        assert_eq!(t.text().chars().count(), limits::MAX_TEXT_CHARS);
        assert!(t.error().is_some());
        assert!(!t.apply(&Action::Commit, 10), "not an editing action");
    }

    #[test]
    fn the_window_follows_the_cursor() {
        let mut t = TextArea::new("a\nb\nc\nd\ne");
        assert_eq!(t.window(10, 2), 3..5);
        t.apply(&Action::Up, 10);
        t.apply(&Action::Up, 10);
        t.apply(&Action::Up, 10);
        assert_eq!(t.window(10, 2), 1..3);
        assert_eq!(t.window(10, 0), 0..0);
    }
}
