//! Hostile numbers typed by a person (issue 5): the parser never panics, refuses anything over
//! 64 characters, and what it accepts reads back exactly from every text form.
//!
//! A bounded run is part of `cargo test`; a longer one:
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz_number`.
//! The nasty inputs of `tests/corpus/number/` are replayed by `tests/fuzz_corpus.rs`.

use crate::support::fuzz_common;

use fuzz_common::*;
use kinerja::interchange::number::{MAX_NUMBER_CHARS, parse_canonical};
use kinerja::interchange::{Locale, NumberError, format_editable, format_exact, parse_decimal};
use kinerja::text::Lang;
use proptest::prelude::*;

fn locale() -> impl Strategy<Value = Locale> {
    prop_oneof![Just(Locale::Id), Just(Locale::En)]
}

/// Parses in `locale` and checks what any outcome must satisfy.
fn check(text: &str, locale: Locale) {
    match parse_decimal(text, locale) {
        Ok(d) => {
            assert!(text.trim().chars().count() <= MAX_NUMBER_CHARS, "{text:?}");
            // the editable form reads back (the display form `1.000` is ambiguous on purpose)
            assert_eq!(parse_decimal(&format_editable(d, locale), locale), Ok(d));
            assert!(format_exact(d, locale).chars().any(|c| c.is_ascii_digit()));
            assert_eq!(parse_canonical(&d.to_string()), Some(d));
        }
        Err(e) => {
            if text.trim().chars().count() > MAX_NUMBER_CHARS {
                assert!(matches!(e, NumberError::TooLong { .. }), "{text:?}: {e:?}");
            }
            for lang in [Lang::Id, Lang::En] {
                let m = e.message_in(lang);
                assert!(!m.trim().is_empty());
                // the message quotes at most the 64 characters it read
                assert!(m.chars().count() < 4 * MAX_NUMBER_CHARS + 300, "{m}");
            }
        }
    }
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,100}", l in locale()) {
        check(&text, l);
    }

    #[test]
    fn number_like_text_never_panics(text in "[-+ 0-9.,\u{a0}\u{202f}_'eE]{0,80}", l in locale()) {
        check(&text, l);
    }

    #[test]
    fn digit_runs_at_the_limits_never_panic(
        sign in prop_oneof![Just(""), Just("-"), Just("+"), Just("--")],
        int in "[0-9]{0,40}",
        sep in prop_oneof![Just(""), Just("."), Just(","), Just(".."), Just(",.")],
        frac in "[0-9]{0,40}",
        l in locale(),
    ) {
        check(&format!("{sign}{int}{sep}{frac}"), l);
    }
}

#[test]
fn long_input_is_refused_by_length_quickly() {
    for text in [
        "1".repeat(MAX_NUMBER_CHARS + 1),
        "1".repeat(10_000_000),
        format!("{}1", " ".repeat(5_000_000)),
        "é".repeat(MAX_NUMBER_CHARS + 1),
    ] {
        let r = timed("long number", || parse_decimal(&text, Locale::Id));
        if text.trim().chars().count() > MAX_NUMBER_CHARS {
            assert!(
                matches!(r, Err(NumberError::TooLong { .. })),
                "{:?}",
                r.map_err(|e| e.message_in(Lang::En))
            );
            let m = r.unwrap_err().message_in(Lang::En);
            assert!(m.contains("64"), "{m}");
        } else {
            assert!(r.is_ok(), "{r:?}");
        }
    }
}
