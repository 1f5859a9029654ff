//! Text that came from a file or a user, made safe to print on a terminal: every control
//! character (C0, DEL, C1) and every bidirectional override or isolate is shown escaped
//! (`\u{1b}`, `\u{202e}`) so that it can neither move the cursor, retitle the window, clear the
//! screen nor reorder what is shown. Newlines and tabs are escaped too: a name is one line.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The bidirectional formatting characters (embeddings, overrides, isolates, marks).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` cut to its first `max` characters, with an ellipsis and its whole length when longer
/// ("111…111… (100000 karakter)"): a value echoed in a message is never echoed whole.
pub fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((end, _)) => format!(
            "{}… ({})",
            &s[..end],
            crate::text::safe::CHARS.fill(&[("n", &s.chars().count())])
        ),
    }
}

/// `s` with every unsafe character written as `\u{XX}`; borrowed when there is none.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`escape`], but keeps newlines (for multi-line output assembled by kinerja itself,
/// where only the pieces from outside need escaping).
pub fn escape_keep_newlines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&escape(line));
    }
    Cow::Owned(out)
}

/// Like [`escape`], but keeps newlines and tabs: for text output assembled by kinerja itself
/// (tables, sentences), where only the pieces from outside could hold anything else.
pub fn escape_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && c != '\t' && is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c != '\n' && c != '\t' && is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_shown_not_sent() {
        assert_eq!(escape("KPKNL"), "KPKNL");
        assert_eq!(escape("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(escape("\u{202e}abc"), "\\u{202e}abc");
        assert_eq!(escape("a\nb"), "a\\u{a}b");
        assert_eq!(escape_keep_newlines("a\nb\u{1b}"), "a\nb\\u{1b}");
        assert_eq!(escape("Pontianak – café"), "Pontianak – café");
        assert_eq!(escape_lines("a\tb\nc\u{1b}\r"), "a\tb\nc\\u{1b}\\u{d}");
    }
}
