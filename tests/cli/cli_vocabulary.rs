//! Every text the CLI shows in Indonesian speaks Indonesian (the JSON's machine fields aside):
//! the help of every subcommand, clap's errors, the reports, the checks, the log and the
//! refusals, on the sample.

use crate::support::cli_support::{kinerja, stderr, stdout};
use crate::support::vocab_support::english_words;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/kalbar-2025.json");

#[test]
fn every_cli_text_of_the_sample_speaks_indonesian() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.store");
    // the texts people wrote ("Realisasi semester I …") are theirs: the walk looks at the words
    // the program adds
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    for a in doc["addenda"].as_array_mut().unwrap() {
        a["reason"] = "Alasan contoh".into();
    }
    for i in doc["iku"].as_array_mut().unwrap() {
        for f in ["definition", "formula", "data_source", "responsible"] {
            if i.get(f).is_some() {
                i[f] = "Teks contoh".into();
            }
        }
    }
    let sample = dir.path().join("sample.json");
    std::fs::write(&sample, doc.to_string()).unwrap();
    let o = kinerja(&store, &["import", sample.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // a change, so that the log has values
    let o = kinerja(
        &store,
        &["set", "KPKNL-PONTIANAK", "1b-CP", "2025-10", "1,9"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let runs: Vec<Vec<&str>> = vec![
        vec!["--help"],
        vec!["-h"],
        vec!["help", "report"],
        vec!["import", "--help"],
        vec!["export", "--help"],
        vec!["import-realisasi", "--help"],
        vec!["set", "--help"],
        vec!["report", "--help"],
        vec!["log", "--help"],
        vec!["check", "--help"],
        vec!["addendum", "--help"],
        vec!["pk", "--help"],
        vec!["pk", "history", "--help"],
        vec!["rules", "--help"],
        vec!["rules", "list"],
        vec!["verify", "--help"],
        vec!["init", "--help"],
        vec!["demo", "--help"],
        vec!["report"],
        vec!["report", "--format", "md"],
        vec!["report", "--format", "csv"],
        vec!["report", "--compare-rulebook", "kmk-127-2026"],
        vec![
            "report",
            "--compare-rulebook",
            "kmk-127-2026",
            "--format",
            "csv",
        ],
        vec!["check"],
        vec!["log"],
        vec!["pk", "history", "KANWIL-KALBAR"],
        // refusals and clap's errors
        vec!["set", "KPKNL-PONTIANAK", "1a-CP", "2025-10", "12,5"],
        vec!["set", "KPKNL-PONTIANAK", "1a-CP"],
        vec!["report", "--format", "xlsx-nope"],
        vec!["report", "--formt", "csv"],
        vec!["repor"],
        vec!["--year", "abc", "report"],
        vec!["report", "--unit", "NOPE"],
    ];
    let mut seen = String::new();
    for args in &runs {
        let o = kinerja(&store, args);
        seen.push_str(&format!("$ kinerja {}\n", args.join(" ")));
        seen.push_str(&stdout(&o));
        seen.push_str(&stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{args:?}: {}", stderr(&o));
    }
    // the refusal of a non-reporting month names the period in Indonesian
    assert!(seen.contains("triwulanan"), "{seen}");
    // clap speaks Indonesian
    assert!(seen.contains("Penggunaan:"), "{seen}");
    assert!(!seen.contains("Usage:"), "{seen}");
    assert!(!seen.contains("For more information"), "{seen}");
    let found = english_words(&seen);
    assert!(
        found.is_empty(),
        "English domain words in the Indonesian CLI:\n{}",
        found
            .iter()
            .take(20)
            .map(|(w, l)| format!("{w}: {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
