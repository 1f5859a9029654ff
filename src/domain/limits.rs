//! The limits on text that every entry point enforces alike — `import`, `addendum --reason`,
//! `--add-iku`, the TUI's editors — so that whatever is stored can be exported and imported
//! again ("what goes in comes out").
//!
//! - Every text is at most [`MAX_TEXT_CHARS`] characters (the importer's limit).
//! - A **code** or a **name** (unit, SS and IKU codes and names, the unit of measure, a rulebook
//!   name) is one line: no control character at all (C0, DEL, C1, so no newline or tab either)
//!   and no bidirectional override, embedding, isolate or mark.
//! - A **long text** (an addendum reason, an IKU definition, formula, data source, responsible
//!   party, special reason) may hold newlines and tabs, but no other control character and no
//!   bidirectional control.
//!
//! The check names the first offending character by its position (1-based, in characters) and
//! its code point, so a user can find it.

use crate::safe::term;

/// Longest text accepted anywhere, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// What a text is, for what it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// One line: codes, names, the unit of measure.
    Line,
    /// Free text: newlines and tabs allowed.
    Long,
}

/// Why a text is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextProblem {
    TooLong {
        len: usize,
        max: usize,
    },
    /// The character at `at` (1-based, in characters) may not be stored.
    Forbidden {
        at: usize,
        ch: char,
    },
}

impl TextProblem {
    /// The sentence for the user, in their language.
    pub fn message(&self) -> String {
        use crate::text::domain as t;
        match self {
            TextProblem::TooLong { len, max } => {
                t::TEXT_TOO_LONG.fill(&[("len", len), ("max", max)])
            }
            TextProblem::Forbidden { at, ch } => t::TEXT_FORBIDDEN_CHAR.fill(&[
                ("at", at),
                ("code", &format!("U+{:04X}", *ch as u32)),
                ("what", &describe(*ch)),
            ]),
        }
    }
}

impl std::fmt::Display for TextProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

fn describe(c: char) -> &'static str {
    use crate::text::domain as t;
    if term::is_bidi_control(c) {
        t::TEXT_BIDI.s()
    } else if c == '\n' || c == '\r' {
        t::TEXT_NEWLINE.s()
    } else {
        t::TEXT_CONTROL.s()
    }
}

/// Whether `c` may appear in a text of `kind`.
pub fn allowed(kind: TextKind, c: char) -> bool {
    if kind == TextKind::Long && (c == '\n' || c == '\t') {
        return true;
    }
    !term::is_unsafe(c)
}

/// Checks `s` against the limits for `kind`.
pub fn check(kind: TextKind, s: &str) -> Result<(), TextProblem> {
    let mut len = 0usize;
    let mut first_bad = None;
    for c in s.chars() {
        len += 1;
        if first_bad.is_none() && !allowed(kind, c) {
            first_bad = Some(TextProblem::Forbidden { at: len, ch: c });
        }
    }
    if len > MAX_TEXT_CHARS {
        return Err(TextProblem::TooLong {
            len,
            max: MAX_TEXT_CHARS,
        });
    }
    first_bad.map_or(Ok(()), Err)
}

/// The first text of an IKU that breaks the limits: the field name and why.
pub fn check_iku(iku: &crate::domain::model::Iku) -> Result<(), (&'static str, TextProblem)> {
    let lines = [
        ("unit", &iku.unit),
        ("code", &iku.code),
        ("ss", &iku.ss),
        ("name", &iku.name),
        ("unit_of_measure", &iku.unit_of_measure),
    ];
    let longs = [
        ("definition", &iku.definition),
        ("formula", &iku.formula),
        ("data_source", &iku.data_source),
        ("responsible", &iku.responsible),
    ];
    let special = iku.special_reason.as_ref().map(|r| ("special_reason", r));
    for (field, text) in lines {
        check(TextKind::Line, text).map_err(|p| (field, p))?;
    }
    for (field, text) in longs.into_iter().chain(special) {
        check(TextKind::Long, text).map_err(|p| (field, p))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_refuse_every_control_and_bidi_character() {
        assert!(check(TextKind::Line, "KPKNL Pontianak – café").is_ok());
        for bad in [
            "a\u{1b}[2J",
            "a\u{7}",
            "\u{202e}abc",
            "a\nb",
            "a\tb",
            "a\u{9b}",
            "\u{2066}x",
        ] {
            assert!(
                matches!(
                    check(TextKind::Line, bad),
                    Err(TextProblem::Forbidden { .. })
                ),
                "{bad:?}"
            );
        }
        assert_eq!(
            check(TextKind::Line, "ab\u{1b}"),
            Err(TextProblem::Forbidden {
                at: 3,
                ch: '\u{1b}'
            })
        );
    }

    #[test]
    fn long_texts_keep_newlines_and_tabs_only() {
        assert!(check(TextKind::Long, "baris satu\nbaris\tdua").is_ok());
        assert!(check(TextKind::Long, "a\u{1b}]0;x\u{7}").is_err());
        assert!(check(TextKind::Long, "a\u{202e}").is_err());
        assert!(check(TextKind::Long, "a\r\n").is_err());
    }

    #[test]
    fn the_length_is_counted_in_characters() {
        let at = "é".repeat(MAX_TEXT_CHARS);
        assert!(check(TextKind::Long, &at).is_ok());
        let over = format!("{at}x");
        assert_eq!(
            check(TextKind::Long, &over),
            Err(TextProblem::TooLong {
                len: MAX_TEXT_CHARS + 1,
                max: MAX_TEXT_CHARS
            })
        );
    }
}
