//! Replays the kept corpora of nasty inputs on every run: `tests/corpus/{json,csv,number,
//! rulebook,keymap}/`. A file named `ok-…` must be accepted, any other refused; nothing may
//! panic or take long. When a longer fuzz run (see `tests/fuzz_*.rs`) finds an input, add it
//! here.

use crate::support::fuzz_common;

use fuzz_common::*;
use kinerja::domain::Dataset;
use kinerja::domain::rulebook::Rulebook;
use kinerja::interchange::{Locale, import_document, parse_decimal, parse_realisasi_sheet};
use kinerja::tui::keymap::Keymap;

/// Reads a corpus file as text (invalid UTF-8 replaced, as the importers only see text).
fn text(p: &std::path::Path) -> String {
    String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned()
}

fn assert_outcome(path: &std::path::Path, ok: bool, accepted: bool, detail: &str) {
    assert_eq!(
        accepted,
        ok,
        "{}: {}",
        path.display(),
        if accepted { "accepted" } else { detail }
    );
}

#[test]
fn json_corpus() {
    let files = corpus("json");
    assert!(files.len() >= 10);
    for (p, ok) in files {
        let t = text(&p);
        let r = timed(&p.display().to_string(), || import_document(&t));
        let detail = r
            .as_ref()
            .err()
            .and_then(|e| e.first())
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_outcome(&p, ok, r.is_ok(), &detail);
    }
}

#[test]
fn csv_corpus() {
    let ds: Dataset = import_document(include_str!("../data/mini-2025.json")).unwrap();
    let files = corpus("csv");
    assert!(files.len() >= 10);
    for (p, ok) in files {
        let t = text(&p);
        let r = timed(&p.display().to_string(), || {
            parse_realisasi_sheet(&t, None, &[&ds])
        });
        let detail = r
            .as_ref()
            .err()
            .and_then(|e| e.first())
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_outcome(&p, ok, r.is_ok(), &detail);
    }
}

/// One number a line; in a `bad-…` file every line is refused in both locales, in an `ok-…`
/// file every line is accepted in both.
#[test]
fn number_corpus() {
    let files = corpus("number");
    assert!(files.len() >= 3);
    for (p, ok) in files {
        let t = text(&p);
        for line in t.lines() {
            for l in [Locale::Id, Locale::En] {
                let r = timed(line, || parse_decimal(line, l));
                assert_eq!(r.is_ok(), ok, "{}: {line:?} in {l:?}: {r:?}", p.display());
            }
        }
    }
}

#[test]
fn rulebook_corpus() {
    let files = corpus("rulebook");
    assert!(files.len() >= 10);
    for (p, ok) in files {
        let t = text(&p);
        let r = timed(&p.display().to_string(), || Rulebook::from_toml(&t));
        let detail = r.as_ref().err().map(|e| e.to_string()).unwrap_or_default();
        assert_outcome(&p, ok, r.is_ok(), &detail);
    }
}

#[test]
fn keymap_corpus() {
    let mut files = corpus("keymap");
    // the keymap loader's own corpus is replayed too
    let own = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/keymap_corpus");
    for e in std::fs::read_dir(own).unwrap() {
        let p = e.unwrap().path();
        let ok = p.file_name().unwrap().to_string_lossy().starts_with("ok-");
        files.push((p, ok));
    }
    assert!(files.len() >= 10);
    for (p, ok) in files {
        let t = text(&p);
        let r = timed(&p.display().to_string(), || {
            Keymap::from_toml(&t, &p.display().to_string())
        });
        let detail = r.as_ref().err().map(|e| e.to_string()).unwrap_or_default();
        assert_outcome(&p, ok, r.is_ok(), &detail);
    }
}
