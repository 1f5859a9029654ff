//! Hostile rulebooks (issue 5): `Rulebook::from_toml` never panics, answers quickly, refuses
//! anything over 256 KiB, and every refusal names a key and a line inside the file.
//!
//! A bounded run is part of `cargo test`; a longer one:
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz_rulebook`.
//! The nasty files of `tests/corpus/rulebook/` are replayed by `tests/fuzz_corpus.rs`.

use crate::support::fuzz_common;

use fuzz_common::*;
use kinerja::domain::rulebook::{MAX_RULEBOOK_BYTES, Rulebook};
use proptest::prelude::*;

const KMK300: &str = include_str!("../../src/rulebooks/kmk-300-2022.toml");
const KMK127: &str = include_str!("../../src/rulebooks/kmk-127-2026.toml");

fn check(text: &str) {
    match timed("rulebook", || Rulebook::from_toml(text)) {
        Ok(rb) => assert!(!rb.name.is_empty()),
        Err(e) => {
            assert!(!e.key.is_empty(), "{e:?}");
            assert!(!e.reason.trim().is_empty(), "{e:?}");
            if let Some(line) = e.line {
                assert!(line >= 1 && line <= text.lines().count() + 1, "{e:?}");
            }
        }
    }
}

fn fragment() -> BoxedStrategy<String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("[".to_string()),
        Just("]]".to_string()),
        Just("=".to_string()),
        Just("\n".to_string()),
        Just("inf".to_string()),
        Just("nan".to_string()),
        Just("-0.0".to_string()),
        Just("1e400".to_string()),
        Just("99999999999999999999".to_string()),
        Just("1979-05-27T07:32:00Z".to_string()),
        Just("'''".to_string()),
        Just("\\u0000".to_string()),
        Just("é".to_string()),
        Just("[[predikat]]\n".to_string()),
        Just("a.b.c.d = 1\n".to_string()),
        "\\PC{0,12}",
        "[ -~]{0,20}",
    ]
    .boxed()
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn mutated_kmk_300_never_panics(text in mutated(KMK300, fragment())) {
        check(&text);
    }

    #[test]
    fn mutated_kmk_127_never_panics(text in mutated(KMK127, fragment())) {
        check(&text);
    }
}

#[test]
fn rulebooks_at_the_cap_are_answered_quickly() {
    let n = MAX_RULEBOOK_BYTES / 2 - 8;
    let too_big = format!("{KMK300}\n#{}", "x".repeat(MAX_RULEBOOK_BYTES));
    let e = timed("too big", || Rulebook::from_toml(&too_big)).unwrap_err();
    assert!(e.reason.contains("256 KiB"), "{e}");
    for text in [
        format!("a = {}{}", "[".repeat(n), "]".repeat(n)),
        format!("a = {}1{}", "{b=".repeat(n / 3), "}".repeat(n / 3)),
        format!("{} = 1", vec!["a"; n].join(".")),
        format!("{KMK300}\n{}", "[x]\n".repeat(n / 5)),
        format!("name = \"{}\"", "é".repeat(n - 10)),
    ] {
        assert!(text.len() <= MAX_RULEBOOK_BYTES);
        check(&text);
    }
}
