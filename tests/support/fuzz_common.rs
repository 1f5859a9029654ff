//! Shared by the `fuzz_*` tests: text mutations, a time bound, the corpus directories and the
//! real binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use proptest::prelude::*;

/// Longest time one input may take (a debug build on a busy machine; real runs take ms).
pub const TIME_BOUND: Duration = Duration::from_secs(5);

/// Runs `f` and fails when it takes longer than [`TIME_BOUND`].
pub fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < TIME_BOUND, "{what}: took {took:?}");
    out
}

pub fn corpus_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(kind)
}

/// The files of a corpus directory, sorted, with whether the name says they are accepted
/// (`ok-…`) or refused (anything else).
pub fn corpus(kind: &str) -> Vec<(PathBuf, bool)> {
    let mut v: Vec<(PathBuf, bool)> = std::fs::read_dir(corpus_dir(kind))
        .unwrap_or_else(|e| panic!("tests/corpus/{kind}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let ok = p.file_name().unwrap().to_string_lossy().starts_with("ok-");
            (p, ok)
        })
        .collect();
    v.sort();
    v
}

fn char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One edit of a text: delete a range, insert a fragment, duplicate or drop a line.
#[derive(Debug, Clone)]
pub enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, usize, String),
    DuplicateLine(usize),
    DropLine(usize),
}

pub fn apply(text: &str, edit: &Edit) -> String {
    match edit {
        Edit::Delete(at, len) => {
            let a = char_boundary(text, *at);
            let b = char_boundary(text, a + len);
            format!("{}{}", &text[..a], &text[b..])
        }
        Edit::Insert(at, frag) => {
            let a = char_boundary(text, *at);
            format!("{}{}{}", &text[..a], frag, &text[a..])
        }
        Edit::Replace(at, len, frag) => {
            let a = char_boundary(text, *at);
            let b = char_boundary(text, a + len);
            format!("{}{}{}", &text[..a], frag, &text[b..])
        }
        Edit::DuplicateLine(n) | Edit::DropLine(n) => {
            let lines: Vec<&str> = text.lines().collect();
            if lines.is_empty() {
                return text.to_string();
            }
            let n = n % lines.len();
            let dup = matches!(edit, Edit::DuplicateLine(_));
            let mut out: Vec<&str> = Vec::new();
            for (i, l) in lines.iter().enumerate() {
                if i != n || dup {
                    out.push(l);
                }
                if i == n && dup {
                    out.push(l);
                }
            }
            out.join("\n")
        }
    }
}

/// Edits anywhere in a text of up to `len` bytes, inserting fragments from `fragments`.
pub fn edit(len: usize, fragments: BoxedStrategy<String>) -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..len, 0usize..64).prop_map(|(a, l)| Edit::Delete(a, l)),
        (0..len, fragments.clone()).prop_map(|(a, f)| Edit::Insert(a, f)),
        (0..len, 0usize..16, fragments).prop_map(|(a, l, f)| Edit::Replace(a, l, f)),
        (0usize..400).prop_map(Edit::DuplicateLine),
        (0usize..400).prop_map(Edit::DropLine),
    ]
}

/// Applies 1..6 edits to `base`.
pub fn mutated(
    base: &'static str,
    fragments: BoxedStrategy<String>,
) -> impl Strategy<Value = String> {
    proptest::collection::vec(edit(base.len() + 1, fragments), 1..6).prop_map(move |edits| {
        let mut text = base.to_string();
        for e in &edits {
            text = apply(&text, e);
        }
        text
    })
}

/// The `kinerja` binary with a store beside a private home.
pub fn kinerja(store: &Path, args: &[&str]) -> Output {
    super::cli_support::kinerja(store, args)
}

/// A store holding tests/data/mini-2025.json, and its export.
pub fn imported_store() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("f.store");
    let o = kinerja(&store, &["import", "tests/data/mini-2025.json"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let o = kinerja(&store, &["export"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let export = String::from_utf8(o.stdout).unwrap();
    (dir, store, export)
}

/// A proptest configuration from `PROPTEST_CASES` (default `cases`), without failure files.
pub fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}
