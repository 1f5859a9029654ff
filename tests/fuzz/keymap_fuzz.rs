//! Hostile keymaps (issue 5): no input may panic, hang or allocate without bound.
//!
//! A bounded run is part of `cargo test`. For a longer run:
//! `PROPTEST_CASES=100000 cargo test --release --test keymap_fuzz`.
//! The corpus of nasty files in `tests/keymap_corpus/` is loaded on every run; add a file there
//! whenever a run finds something.

use std::time::{Duration, Instant};

use kinerja::tui::action::{Action, Mode};
use kinerja::tui::keymap::{Keymap, MAX_KEYMAP_BYTES, parse_key};
use proptest::prelude::*;

const DEFAULT: &str = include_str!("../../keymaps/default.toml");
const VIM: &str = include_str!("../../keymaps/vim.toml");

/// Loads `text` and checks what any outcome must satisfy.
fn check(text: &str) {
    match Keymap::from_toml(text, "fuzz.toml") {
        Ok(km) => {
            for mode in Mode::ALL {
                for b in km.bindings(*mode) {
                    // No conflicts survive loading: every binding does what it says.
                    assert_eq!(
                        km.resolve(*mode, &b.key),
                        Some(b.action.clone()),
                        "{}",
                        b.text
                    );
                    assert!(!matches!(b.action, Action::Insert(_)));
                }
            }
        }
        Err(e) => {
            assert_eq!(e.file, "fuzz.toml");
            assert!(!e.problem.trim().is_empty());
            if let Some(line) = e.line {
                assert!(
                    line >= 1 && line <= text.lines().count() + 1,
                    "line {line}: {e}"
                );
            }
            // A message stays readable however long the input.
            assert!(e.problem.chars().count() < 600, "{e}");
        }
    }
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
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    DuplicateLine(usize),
    DropLine(usize),
}

fn apply(text: &str, edit: &Edit) -> String {
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
        Edit::DuplicateLine(n) | Edit::DropLine(n) => {
            let lines: Vec<&str> = text.lines().collect();
            if lines.is_empty() {
                return text.to_string();
            }
            let n = n % lines.len();
            let mut out: Vec<&str> = Vec::new();
            for (i, l) in lines.iter().enumerate() {
                if i != n || matches!(edit, Edit::DuplicateLine(_)) {
                    out.push(l);
                }
                if i == n && matches!(edit, Edit::DuplicateLine(_)) {
                    out.push(l);
                }
            }
            out.join("\n")
        }
    }
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]]".to_string()),
        Just("=".to_string()),
        Just("\n".to_string()),
        Just("<C-".to_string()),
        Just("<S-Tab>".to_string()),
        Just("'''".to_string()),
        Just("\\u0000".to_string()),
        Just("[tree.j]\naction = 1\n".to_string()),
        Just("action = \"none\"".to_string()),
        Just("é".to_string()),
        "\\PC{0,12}",
        "[ -~]{0,20}",
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..12_000, 0usize..200).prop_map(|(a, l)| Edit::Delete(a, l)),
        (0usize..12_000, fragment()).prop_map(|(a, f)| Edit::Insert(a, f)),
        (0usize..400).prop_map(Edit::DuplicateLine),
        (0usize..400).prop_map(Edit::DropLine),
    ]
}

/// Structured keymaps from pools of good and bad pieces.
fn structured() -> impl Strategy<Value = String> {
    let section = prop_oneof![
        Just("tree"),
        Just("grid"),
        Just("edit"),
        Just("search"),
        Just("help"),
        Just("addendum"),
        Just("Tree"),
        Just("tree.x"),
    ];
    let key = prop_oneof![
        Just("j".to_string()),
        Just("J".to_string()),
        Just("<S-j>".to_string()),
        Just("<Tab>".to_string()),
        Just("<S-Tab>".to_string()),
        Just("<BackTab>".to_string()),
        Just("<C-r>".to_string()),
        Just("<C-R>".to_string()),
        Just("<F12>".to_string()),
        Just("<F99>".to_string()),
        Just("<".to_string()),
        Just("<>".to_string()),
        Just(" ".to_string()),
        Just("<Space>".to_string()),
        "[ -~]{0,6}",
    ];
    let action = prop_oneof![
        proptest::sample::select(
            Action::BINDABLE
                .iter()
                .map(|a| a.name())
                .collect::<Vec<_>>()
        )
        .prop_map(str::to_string),
        Just("none".to_string()),
        Just("insert".to_string()),
        "[a-z-]{0,12}",
    ];
    let value = (action, proptest::option::of("\\PC{0,30}"), 0u8..4).prop_map(|(a, d, shape)| {
        let a = a.replace(['\\', '"'], "");
        let d = d.map(|d| d.replace(['\\', '"'], ""));
        match (shape, d) {
            (0, _) => format!("\"{a}\""),
            (1, Some(d)) => format!("{{ action = \"{a}\", desc = \"{d}\" }}"),
            (2, _) => "{ desc = \"x\" }".to_string(),
            (_, _) => format!("{{ action = \"{a}\" }}"),
        }
    });
    let binding = (key, value).prop_map(|(k, v)| {
        let k = k.replace('\\', "\\\\").replace('"', "\\\"");
        format!("\"{k}\" = {v}\n")
    });
    proptest::collection::vec((section, proptest::collection::vec(binding, 0..8)), 0..5).prop_map(
        |sections| {
            sections
                .into_iter()
                .map(|(s, bs)| format!("[{s}]\n{}", bs.concat()))
                .collect::<String>()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn arbitrary_bytes_as_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_shipped_keymaps_never_panic(
        vim in any::<bool>(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let mut text = if vim { VIM } else { DEFAULT }.to_string();
        for e in &edits {
            text = apply(&text, e);
        }
        check(&text);
    }

    #[test]
    fn structured_keymaps_never_panic(text in structured()) {
        check(&text);
    }

    #[test]
    fn any_key_text_parses_or_is_refused(text in "\\PC{0,12}|<[ -~]{0,10}>") {
        if let Ok(key) = parse_key(&text) {
            let one = format!("[tree]\n{} = \"quit\"\n", toml_string(&text));
            let km = Keymap::from_toml(&one, "k.toml").unwrap();
            prop_assert_eq!(km.resolve(Mode::Tree, &key), Some(Action::Quit));
        }
    }
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Inputs built to be slow or deep, at the size cap: each is answered quickly.
#[test]
fn pathological_inputs_at_the_cap_are_answered_quickly() {
    let n = MAX_KEYMAP_BYTES / 2 - 8;
    let cases = [
        format!("a = {}{}", "[".repeat(n), "]".repeat(n)),
        format!("a = {}1{}", "{b=".repeat(n / 3), "}".repeat(n / 3)),
        format!("{} = 1", vec!["a"; n].join(".")),
        format!(
            "[tree]\n{}",
            "\"j\" = \"down\"\n".repeat(MAX_KEYMAP_BYTES / 14 - 1)
        ),
        format!(
            "[tree]\n\"{}\" = \"down\"\n",
            "x".repeat(MAX_KEYMAP_BYTES - 40)
        ),
        format!(
            "[tree]\n\"j\" = {{ action = \"{}\" }}\n",
            "d".repeat(MAX_KEYMAP_BYTES - 40)
        ),
        format!(
            "[tree]\n\"j\" = \"{}\"\n",
            "é".repeat(MAX_KEYMAP_BYTES / 2 - 20)
        ),
        format!("[tree]\n{}", {
            let mut s = String::new();
            let mut i = 0u32;
            while s.len() < MAX_KEYMAP_BYTES - 200 {
                let c = char::from_u32(0x4E00 + i).unwrap();
                s.push_str(&format!(
                    "\"{c}\" = {{ action = \"down\", desc = \"d\" }}\n"
                ));
                i += 1;
            }
            s
        }),
    ];
    for text in &cases {
        assert!(text.len() <= MAX_KEYMAP_BYTES, "{}", text.len());
        let start = Instant::now();
        check(text);
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "took {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn corpus_files_are_refused_or_loaded_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/keymap_corpus");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let result = Keymap::load(path.to_str().unwrap(), None);
        let expect_ok = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("ok-");
        match result {
            Ok(_) => assert!(expect_ok, "{} should be refused", path.display()),
            Err(e) => {
                assert!(!expect_ok, "{}: {e}", path.display());
                assert!(e.line.is_some() || e.problem.contains("64"), "{e}");
            }
        }
        count += 1;
    }
    assert!(count >= 5);
}
