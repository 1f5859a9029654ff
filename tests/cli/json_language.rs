//! `report --format json` and `check --format json` say the same in every language: the codes
//! and arguments of the reasons are data, only the rendered message fields follow `--lang`.

use crate::support::cli_support;

use cli_support::{kinerja, stderr, stdout};

use serde_json::Value;

/// The documents with findings and K3 reasons of both methods.
const DOCS: &[&str] = &[
    "fixtures/kalbar-2025.json",
    "tests/data/mini-2025.json",
    "tests/data/k3-example.json",
];

/// The fields that hold a sentence in the user's language.
const RENDERED: &[&str] = &["message", "iku_reason", "target_reason"];

fn without_rendered(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for k in RENDERED {
                m.remove(*k);
            }
            m.values_mut().for_each(without_rendered);
        }
        Value::Array(a) => a.iter_mut().for_each(without_rendered),
        _ => {}
    }
}

fn json_in(store: &std::path::Path, lang: &str, args: &[&str]) -> (String, Value) {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    let o = kinerja(store, &all);
    // `check` exits 1 when it finds an error; its JSON is still on stdout
    let out = stdout(&o);
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {}", stderr(&o)));
    (out, v)
}

/// Counts the `{"code", "args"}` objects in a document.
fn reasons(v: &Value) -> usize {
    match v {
        Value::Object(m) => {
            usize::from(m.contains_key("code") && m.contains_key("args"))
                + m.values().map(reasons).sum::<usize>()
        }
        Value::Array(a) => a.iter().map(reasons).sum(),
        _ => 0,
    }
}

#[test]
fn report_and_check_json_are_the_same_under_every_language_but_the_sentences() {
    let (mut findings, mut k3_reasons, mut differing) = (0, 0, 0);
    for doc in DOCS {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("t.store");
        let o = kinerja(&store, &["import", doc]);
        assert_eq!(o.status.code(), Some(0), "{doc}: {}", stderr(&o));
        for args in [
            &["check", "--format", "json"][..],
            &["report", "--format", "json"][..],
        ] {
            let (id_text, mut id) = json_in(&store, "id", args);
            let (en_text, mut en) = json_in(&store, "en", args);
            if args[0] == "check" {
                findings += id.as_array().map_or(0, Vec::len);
            } else {
                k3_reasons += reasons(&id);
            }
            differing += usize::from(id_text != en_text);
            without_rendered(&mut id);
            without_rendered(&mut en);
            assert_eq!(id, en, "{doc} {args:?}");
        }
    }
    // the comparison saw reasons, and sentences that differ by language
    assert!(findings > 0, "no finding in the documents");
    assert!(k3_reasons > 0, "no K3 reason in the reports");
    assert!(differing > 0, "no sentence differs between id and en");
}
