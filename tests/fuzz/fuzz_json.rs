//! Hostile PK documents (issue 5): the JSON importer never panics, answers quickly, keeps its
//! error list bounded, and a refused file leaves the store as it was.
//!
//! A bounded run is part of `cargo test`; a longer one:
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz_json`.
//! The nasty files of `tests/corpus/json/` are replayed by `tests/fuzz_corpus.rs` on every run.

use crate::support::fuzz_common;

use fuzz_common::*;
use kinerja::interchange::json::{MAX_JSON_VALUES, MAX_STRING_CHARS};
use kinerja::interchange::{MAX_ERRORS, MAX_INPUT_BYTES, export_document, import_document};
use proptest::prelude::*;

const MINI: &str = include_str!("../data/mini-2025.json");
const FULL: &str = include_str!("../data/pk-full.json");

/// Imports `text` and checks what any outcome must satisfy.
fn check(text: &str) {
    match timed("import", || import_document(text)) {
        Ok(ds) => {
            // what is accepted exports and reads back to the same document
            let doc = export_document(&ds);
            let again = import_document(&doc).expect("an export imports again");
            assert_eq!(export_document(&again), doc);
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            assert!(errors.len() <= MAX_ERRORS + 1, "{}", errors.len());
            for e in &errors {
                let s = e.to_string();
                assert!(!e.message.trim().is_empty(), "{e:?}");
                assert!(!s.contains("Error {"), "no Debug dump: {s}");
                // a message quotes at most one string field, so it stays bounded
                assert!(s.chars().count() < MAX_STRING_CHARS + 600, "{}", s.len());
            }
        }
    }
}

fn fragment() -> BoxedStrategy<String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("null".to_string()),
        Just("\\u0000".to_string()),
        Just("\\ud800".to_string()),
        Just("1e999999999".to_string()),
        Just("-0".to_string()),
        Just("\"99999999999999999999999999999.5\"".to_string()),
        Just("\"1,5\"".to_string()),
        Just("\"\u{202e}\"".to_string()),
        Just("\"unit\": \"K\"".to_string()),
        Just("\"parent\": \"A\"".to_string()),
        Just("\"version\": 4294967296".to_string()),
        Just("\"month\": 13".to_string()),
        Just("\"year\": -1".to_string()),
        Just("[[[[[[[[[[[[[[[[".to_string()),
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
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_small_documents_never_panic(text in mutated(MINI, fragment())) {
        check(&text);
    }

    #[test]
    fn mutated_full_documents_never_panic(text in mutated(FULL, fragment())) {
        check(&text);
    }
}

/// Documents built at the caps: each is refused quickly with a clear message.
#[test]
fn documents_at_the_caps_are_refused_quickly_and_clearly() {
    kinerja::text::set_thread_lang(kinerja::text::Lang::En);
    let long_name = MINI.replacen(
        "\"Kanwil Uji\"",
        &format!("\"{}\"", "é".repeat(MAX_STRING_CHARS + 1)),
        1,
    );
    let many = format!(
        "{{\"format\":\"kinerja/1\",\"year\":2025,\"units\":[{}0]}}",
        "0,".repeat(MAX_JSON_VALUES)
    );
    let errors_galore = format!(
        "{{\"format\":\"kinerja/1\",\"year\":2025,\"units\":[{}0]}}",
        "0,".repeat(100_000)
    );
    let cases: Vec<(String, &str)> = vec![
        (" ".repeat(MAX_INPUT_BYTES + 1), "too large"),
        (
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            "line 1",
        ),
        // nested too deep inside a field, which is read apart from the rest: still a syntax
        // error at its place in the document
        (
            format!(
                "{{\"format\":\"kinerja/1\",\"year\":2025,\n  \"units\":[{}{}]}}",
                "[".repeat(300),
                "]".repeat(300)
            ),
            "line 2, column 139",
        ),
        (
            format!(
                "{{\"format\":\"kinerja/1\",\n\"year\":{}{}}}",
                "[".repeat(300),
                "]".repeat(300)
            ),
            "line 2, column 135",
        ),
        (many, "too many JSON values"),
        (errors_galore, "only the first"),
        (long_name, "text too long"),
        (
            MINI.replacen("\"100\"", &format!("\"{}\"", "9".repeat(5_000)), 1),
            "iku[0].targets[2]",
        ),
        (
            MINI.replacen("\"100\"", &format!("1{}", "0".repeat(5_000)), 1),
            "iku[0].targets[2]",
        ),
    ];
    for (text, needle) in cases {
        let errors = timed(needle, || import_document(&text)).unwrap_err();
        let all: String = errors.iter().map(|e| format!("{e}\n")).collect();
        assert!(
            all.contains(needle),
            "{needle}: {}",
            &all[..all.len().min(600)]
        );
        assert!(errors.len() <= MAX_ERRORS + 1);
    }
}

/// A refused document, through the real binary, leaves `export` byte-identical.
#[test]
fn a_refused_document_leaves_the_store_unchanged() {
    let (dir, store, before) = imported_store();
    let mut files: Vec<_> = corpus("json")
        .into_iter()
        .filter(|(_, ok)| !ok)
        .map(|(p, _)| p)
        .collect();
    // and one that is refused late: well-formed, with a dangling reference at the end
    let late = dir.path().join("late.json");
    std::fs::write(&late, MINI.replace("\"ss\": \"S2\"", "\"ss\": \"S9\"")).unwrap();
    files.push(late);
    assert!(files.len() >= 5);
    for f in &files {
        let o = kinerja(&store, &["import", "--replace", f.to_str().unwrap()]);
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

/// Files over the 64 MiB cap are refused by their size, before they are read (sparse files
/// here, so the test costs no disk).
#[test]
fn oversized_files_are_refused_by_size_through_the_binary() {
    let (dir, store, before) = imported_store();
    for (name, cmd) in [("big.json", "import"), ("big.csv", "import-realisasi")] {
        let p = dir.path().join(name);
        let f = std::fs::File::create(&p).unwrap();
        f.set_len(MAX_INPUT_BYTES as u64 + 1).unwrap();
        let o = kinerja(&store, &["--lang", "en", cmd, p.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{cmd}");
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(
            e.contains("too large") && e.contains("64 MiB"),
            "{cmd}: {e}"
        );
        let o = kinerja(&store, &["export"]);
        assert_eq!(String::from_utf8_lossy(&o.stdout), before);
    }
}
