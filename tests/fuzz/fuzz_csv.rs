//! Hostile realisasi sheets (issue 5): the CSV importer never panics, answers quickly, keeps its
//! error list bounded, and a refused sheet leaves the store as it was.
//!
//! A bounded run is part of `cargo test`; a longer one:
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz_csv`.
//! The nasty sheets of `tests/corpus/csv/` are replayed by `tests/fuzz_corpus.rs` on every run.

use crate::support::fuzz_common;

use fuzz_common::*;
use kinerja::domain::Dataset;
use kinerja::interchange::csv::MAX_CELL_CHARS;
use kinerja::interchange::{
    Locale, MAX_ERRORS, MAX_INPUT_BYTES, import_document, parse_realisasi_sheet,
};
use proptest::prelude::*;

const MINI: &str = include_str!("../data/mini-2025.json");
const GOOD: &str = "unit;iku;month;realisasi\nA;A-1;2025-09;1.234,5\nB;B-1;2025-09;60\nK;K-2;2025-04;\nK;K-2;2025-05;-3,25\n";

fn dataset() -> Dataset {
    import_document(MINI).unwrap()
}

/// Parses `text` and checks what any outcome must satisfy.
fn check(ds: &Dataset, text: &str, locale: Option<Locale>) {
    let lines = text.lines().count() + 1;
    match timed("sheet", || parse_realisasi_sheet(text, locale, &[ds])) {
        Ok(rows) => {
            for r in rows {
                let iku = &ds.iku[&kinerja::domain::CodeRef::new(&r.unit, &r.iku)];
                assert!(iku.reporting_period.is_reporting_month(r.month), "{r:?}");
                assert!(!iku.rolls_up(), "{r:?}");
                assert!(r.line >= 2 && r.line <= lines, "{r:?}");
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            assert!(errors.len() <= MAX_ERRORS + 1, "{}", errors.len());
            for e in &errors {
                assert!(e.line <= lines, "{e:?}");
                assert!(!e.message.trim().is_empty());
                assert!(e.message.chars().count() < 2 * MAX_CELL_CHARS + 600);
            }
        }
    }
}

fn fragment() -> BoxedStrategy<String> {
    prop_oneof![
        Just("\"".to_string()),
        Just(",".to_string()),
        Just(";".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\0".to_string()),
        Just("\u{feff}".to_string()),
        Just("=cmd|' /C calc'!A0".to_string()),
        Just("2025-13".to_string()),
        Just("2025-00".to_string()),
        Just("99999-01".to_string()),
        Just("1e5".to_string()),
        Just("1.234.567,89".to_string()),
        Just("K;K-2;2025-06;1\n".to_string()),
        Just("K;K-1;2025-06;1\n".to_string()),
        "\\PC{0,12}",
        "[ -~]{0,20}",
    ]
    .boxed()
}

fn locale() -> impl Strategy<Value = Option<Locale>> {
    prop_oneof![Just(None), Just(Some(Locale::Id)), Just(Some(Locale::En))]
}

/// Rows from pools of good and bad cells.
fn structured() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        Just("K".to_string()),
        Just("A".to_string()),
        Just("K-2".to_string()),
        Just("A-1".to_string()),
        Just("K-1".to_string()),
        Just("2025-03".to_string()),
        Just("2025-07".to_string()),
        Just("2024-03".to_string()),
        Just("12,5".to_string()),
        Just("1.234".to_string()),
        Just("".to_string()),
        Just("\"a;b\"".to_string()),
        "[ -~]{0,8}",
    ];
    let row = proptest::collection::vec(cell, 0..6).prop_map(|c| c.join(";"));
    proptest::collection::vec(row, 0..30)
        .prop_map(|rows| format!("unit;iku;month;realisasi\n{}", rows.join("\n")))
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}", l in locale()) {
        check(&dataset(), &text, l);
    }

    #[test]
    fn arbitrary_text_after_a_good_header_never_panics(text in "\\PC{0,400}", l in locale()) {
        check(&dataset(), &format!("unit,iku,month,realisasi\n{text}"), l);
    }

    #[test]
    fn mutated_sheets_never_panic(text in mutated(GOOD, fragment()), l in locale()) {
        check(&dataset(), &text, l);
    }

    #[test]
    fn structured_sheets_never_panic(text in structured(), l in locale()) {
        check(&dataset(), &text, l);
    }
}

#[test]
fn sheets_at_the_caps_are_refused_quickly_and_clearly() {
    kinerja::text::set_thread_lang(kinerja::text::Lang::En);
    let ds = dataset();
    let header = "unit,iku,month,realisasi\n";
    let cases: Vec<(String, &str)> = vec![
        (" ".repeat(MAX_INPUT_BYTES + 1), "too large"),
        (
            format!("{header}K,{},2025-05,1\n", "x".repeat(MAX_CELL_CHARS + 1)),
            "column iku is too long",
        ),
        (
            format!("{header}{}", "x\n".repeat(1_000_000)),
            "only the first",
        ),
        (
            format!("{header}{}", "K,K-2,2025-05,1\n".repeat(100_000)),
            "already appears on line 2",
        ),
        (format!("{header}\"{}", "a".repeat(1_000_000)), "line 2"),
    ];
    for (text, needle) in cases {
        let errors = timed(needle, || parse_realisasi_sheet(&text, None, &[&ds])).unwrap_err();
        let all: String = errors.iter().map(|e| format!("{e}\n")).collect();
        assert!(
            all.contains(needle),
            "{needle}: {}",
            &all[..all.len().min(600)]
        );
        assert!(errors.len() <= MAX_ERRORS + 1);
    }
}

/// A refused sheet, through the real binary, leaves `export` byte-identical.
#[test]
fn a_refused_sheet_leaves_the_store_unchanged() {
    let (dir, store, before) = imported_store();
    let mut files: Vec<_> = corpus("csv")
        .into_iter()
        .filter(|(_, ok)| !ok)
        .map(|(p, _)| p)
        .collect();
    // and one that is refused only on its last line, after good rows
    let late = dir.path().join("late.csv");
    std::fs::write(&late, format!("{GOOD}K;K-2;2025-06;12x\n")).unwrap();
    files.push(late);
    assert!(files.len() >= 5);
    for f in &files {
        let o = kinerja(&store, &["import-realisasi", f.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{}: {o:?}", f.display());
        let o = kinerja(&store, &["export"]);
        assert_eq!(
            String::from_utf8_lossy(&o.stdout),
            before,
            "{}",
            f.display()
        );
    }
}
