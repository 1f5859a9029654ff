//! The one line editor of the TUI: the cell editor, the addendum's reason and the search box
//! all type into a [`TextInput`]. It holds one line within the limits of every entry point
//! ([`crate::domain::limits`]): a control or bidirectional character, or one character past
//! [`limits::MAX_TEXT_CHARS`], is not inserted and the input says why.

use crate::domain::limits::{self, TextKind};
use crate::tui::action::Action;

/// A one-line text input: its text, a cursor (in characters) and why its last submission was
/// refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
    error: Option<String>,
    /// True until the first key after opening: typing then replaces the shown text (as in a
    /// spreadsheet), while cursor keys and Backspace edit it.
    fresh: bool,
}

impl TextInput {
    /// An input holding `text`, the cursor at its end.
    pub fn new(text: impl Into<String>) -> TextInput {
        let text = text.into();
        TextInput {
            cursor: text.chars().count(),
            text,
            error: None,
            fresh: false,
        }
    }

    /// An input showing `text` that the first typed character replaces (the cell editor).
    pub fn replaceable(text: impl Into<String>) -> TextInput {
        TextInput {
            fresh: true,
            ..TextInput::new(text)
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor position in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Why the last submission was refused.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn set_error(&mut self, why: impl Into<String>) {
        self.error = Some(why.into());
    }

    /// Applies a text-editing action (typing, Backspace, Delete, cursor moves, clear); false when
    /// the action is not one, and the input is left as it was. A change of the text drops the
    /// last error.
    pub fn apply(&mut self, action: &Action) -> bool {
        if self.fresh && matches!(action, Action::Insert(_)) {
            self.text.clear();
            self.cursor = 0;
        }
        self.fresh = false;
        let mut chars: Vec<char> = self.text.chars().collect();
        self.cursor = self.cursor.min(chars.len());
        match action {
            Action::Insert(c) if !limits::allowed(TextKind::Line, *c) => {
                let problem = limits::TextProblem::Forbidden {
                    at: self.cursor + 1,
                    ch: *c,
                };
                self.error = Some(problem.message());
                return true;
            }
            Action::Insert(_) if chars.len() >= limits::MAX_TEXT_CHARS => {
                let problem = limits::TextProblem::TooLong {
                    len: chars.len() + 1,
                    max: limits::MAX_TEXT_CHARS,
                };
                self.error = Some(problem.message());
                return true;
            }
            Action::Insert(c) => {
                chars.insert(self.cursor, *c);
                self.cursor += 1;
            }
            Action::Backspace => {
                if self.cursor > 0 {
                    chars.remove(self.cursor - 1);
                    self.cursor -= 1;
                }
            }
            Action::DeleteChar => {
                if self.cursor < chars.len() {
                    chars.remove(self.cursor);
                }
            }
            Action::CursorLeft | Action::Left => self.cursor = self.cursor.saturating_sub(1),
            Action::CursorRight | Action::Right => self.cursor = (self.cursor + 1).min(chars.len()),
            Action::First => self.cursor = 0,
            Action::Last => self.cursor = chars.len(),
            Action::Clear => {
                chars.clear();
                self.cursor = 0;
            }
            _ => return false,
        }
        if matches!(
            action,
            Action::Insert(_) | Action::Backspace | Action::DeleteChar | Action::Clear
        ) {
            self.error = None;
        }
        self.text = chars.into_iter().collect();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(input: &mut TextInput, s: &str) {
        for c in s.chars() {
            assert!(input.apply(&Action::Insert(c)));
        }
    }

    #[test]
    fn typing_moving_and_deleting_edit_at_the_cursor() {
        let mut i = TextInput::new("ab");
        typed(&mut i, "c");
        assert_eq!((i.text(), i.cursor()), ("abc", 3));
        i.apply(&Action::First);
        typed(&mut i, "x");
        assert_eq!(i.text(), "xabc");
        i.apply(&Action::DeleteChar);
        assert_eq!(i.text(), "xbc");
        i.apply(&Action::Last);
        i.apply(&Action::Backspace);
        assert_eq!((i.text(), i.cursor()), ("xb", 2));
        assert!(!i.apply(&Action::Commit), "not an editing key");
        assert_eq!(i.text(), "xb");
    }

    #[test]
    fn a_replaceable_input_is_replaced_by_typing_but_edited_by_cursor_keys() {
        let mut i = TextInput::replaceable("100");
        typed(&mut i, "7");
        assert_eq!(i.text(), "7");
        let mut j = TextInput::replaceable("100");
        j.apply(&Action::Backspace);
        typed(&mut j, "5");
        assert_eq!(j.text(), "105");
    }

    #[test]
    fn control_characters_and_overlong_text_are_refused_with_a_reason() {
        crate::text::set_thread_lang(crate::text::Lang::En);
        let mut i = TextInput::new("ab");
        for c in ['\u{1b}', '\u{7}', '\u{202e}', '\n'] {
            assert!(i.apply(&Action::Insert(c)));
            assert_eq!(i.text(), "ab", "{c:?} is not inserted");
            assert!(i.error().unwrap().contains("position 3"), "{:?}", i.error());
        }
        let mut long = TextInput::new("x".repeat(limits::MAX_TEXT_CHARS));
        assert!(long.apply(&Action::Insert('y')));
        assert_eq!(long.text().chars().count(), limits::MAX_TEXT_CHARS);
        assert!(long.error().unwrap().contains("too long"));
    }

    #[test]
    fn changing_the_text_drops_the_error() {
        let mut i = TextInput::new("x");
        i.set_error("bad");
        i.apply(&Action::CursorLeft);
        assert_eq!(i.error(), Some("bad"), "a cursor move keeps it");
        typed(&mut i, "y");
        assert_eq!(i.error(), None);
    }
}
