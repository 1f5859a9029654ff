//! The optional `round` section of `kinerja/1` (issue 15, DOMAIN.md §11): month states,
//! analyses and evidence references per unit. A document without it imports as before; the
//! export is deterministic and byte-identical through import; every error names its place.

use kinerja::interchange::json::{export_with_plans, import_rounds, with_rounds};
use kinerja::interchange::{export_document, import_document};
use serde_json::{Value, json};

const SHA: &str = "070a07f14f2f381c4af705940dea55ee4c5959a0db6c2cfce811803cfa041c29";

fn base() -> Value {
    json!({
        "format": "kinerja/1",
        "year": 2025,
        "rulebook": "kmk-300-2022",
        "units": [{ "code": "U", "name": "Unit", "level": "two", "parent": null }],
        "ss": [{ "unit": "U", "code": "SS-1", "perspective": "stakeholder", "name": "a" }],
        "iku": [{ "unit": "U", "code": "1a", "ss": "SS-1", "name": "x", "unit_of_measure": "%",
            "polarity": "maximize", "period_consolidation": "sum", "reporting_period": "monthly",
            "validity": "proxy", "control": "moderate",
            "targets": ["1","1","1","1","1","1","1","1","1","1","1","1"] }],
        "addenda": []
    })
}

fn with(round: Value) -> String {
    let mut d = base();
    d["round"] = round;
    serde_json::to_string_pretty(&d).unwrap()
}

fn full_round() -> Value {
    json!([{
        "unit": "U",
        "months": [
            { "month": 10, "state": "dikembalikan", "reason": "Data dukung belum ada" },
            { "month": 9, "state": "ditetapkan" }
        ],
        "analyses": [{
            "iku": "1a", "month": 9, "isu": "Lelang tertunda\nkarena banjir",
            "implikasi": "PNBP turun", "aksi": "Jadwal ulang",
            "rencana": { "what": "Lelang Oktober", "who": "Kasi PKN", "by": "2025-10-31" }
        }],
        "evidence": [
            { "iku": "1a", "month": 9, "name": "foto.jpg", "sha256": SHA, "size": 10 },
            { "iku": "1a", "month": 9, "name": "ba.pdf", "sha256": SHA, "size": 10 }
        ]
    }])
}

fn errors(text: &str) -> Vec<String> {
    let ds = import_document(text).expect("the rest of the document is valid");
    import_rounds(text, &ds)
        .expect_err("the round section is refused")
        .iter()
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn a_document_without_a_round_section_imports_as_before_and_exports_byte_identical() {
    let text = serde_json::to_string_pretty(&base()).unwrap();
    let ds = import_document(&text).unwrap();
    assert!(import_rounds(&text, &ds).unwrap().is_empty());
    let doc = export_document(&ds);
    // no round records: the section is not written, the document is what it always was
    assert_eq!(with_rounds(doc.clone(), &ds), doc);
    assert!(!doc.contains("\"round\""));
}

#[test]
fn the_round_section_reads_defaults_and_round_trips_byte_identical_in_a_fixed_order() {
    let text = with(full_round());
    let mut ds = import_document(&text).unwrap();
    ds.round = import_rounds(&text, &ds).unwrap();
    let r = &ds.round["U"];
    assert_eq!(r.state(9).as_str(), "ditetapkan");
    assert_eq!(r.month(10).reason, "Data dukung belum ada");
    let a = r.analysis("1a", 9).unwrap();
    assert_eq!(a.catatan, "", "a text left out is empty");
    assert_eq!(a.rencana.by.unwrap().to_string(), "2025-10-31");
    let names: Vec<&str> = r
        .evidence("1a", 9)
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["ba.pdf", "foto.jpg"], "sorted by name");
    let out = with_rounds(export_with_plans(&ds, &Default::default()), &ds);
    let v: Value = serde_json::from_str(&out).unwrap();
    let months: Vec<i64> = v["round"][0]["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["month"].as_i64().unwrap())
        .collect();
    assert_eq!(months, [9, 10], "months ascending");
    assert_eq!(v["round"][0]["analyses"][0]["catatan"], "");
    // and again: the same bytes
    let mut back = import_document(&out).unwrap();
    back.round = import_rounds(&out, &back).unwrap();
    assert_eq!(back.round, ds.round);
    assert_eq!(with_rounds(export_document(&back), &back), out);
}

#[test]
fn every_error_of_the_round_section_names_its_place() {
    let e = errors(&with(json!({ "unit": "U" })));
    assert!(e[0].starts_with("round:"), "{e:?}");
    let e = errors(&with(json!([{ "unit": "NOPE" }])));
    assert!(
        e[0].starts_with("round[0].unit:") && e[0].contains("NOPE"),
        "{e:?}"
    );
    let e = errors(&with(json!([{
        "unit": "U",
        "months": [
            { "month": 13, "state": "diisi" },
            { "month": 2, "state": "selesai" },
            { "month": 3, "state": "diisi", "alasan": "x" },
            { "month": 4, "state": "diajukan" },
            { "month": 4, "state": "diajukan" }
        ],
        "analyses": [
            { "iku": "9z", "month": 1, "isu": "x" },
            { "iku": "1a", "month": 1, "rencana": { "by": "31-10-2025" } },
            { "iku": "1a", "month": 2, "isu": "a\u{1b}[2J" }
        ],
        "evidence": [
            { "iku": "1a", "month": 1, "name": "../etc/passwd", "sha256": SHA, "size": 1 },
            { "iku": "1a", "month": 1, "name": "a.pdf", "sha256": "ABC", "size": 1 },
            { "iku": "1a", "month": 1, "name": "b.pdf", "sha256": SHA, "size": -1 },
            { "iku": "1a", "month": 1, "name": "c.pdf", "sha256": SHA }
        ]
    }])));
    let at = |p: &str| {
        assert!(
            e.iter().any(|x| x.starts_with(p)),
            "no error at {p}: {e:#?}"
        )
    };
    at("round[0].months[0].month:");
    at("round[0].months[1].state:");
    at("round[0].months[2].alasan:");
    at("round[0].months[4].month:");
    at("round[0].analyses[0].iku:");
    at("round[0].analyses[1].rencana.by:");
    at("round[0].analyses[2].isu:");
    at("round[0].evidence[0].name:");
    at("round[0].evidence[1].sha256:");
    at("round[0].evidence[2].size:");
    at("round[0].evidence[3]:");
    assert!(
        e.iter()
            .any(|x| x.contains("selesai") && x.contains("ditetapkan")),
        "{e:?}"
    );
    // a unit twice
    let e = errors(&with(json!([{ "unit": "U" }, { "unit": "U" }])));
    assert!(e.iter().any(|x| x.starts_with("round[1].unit:")), "{e:?}");
}

/// The streamed document of `ds` (what a backup writes) through a writer that takes at most
/// 1000 bytes a call.
fn streamed(ds: &kinerja::domain::Dataset, plans: &kinerja::domain::plan::Plans) -> String {
    struct Small(Vec<u8>);
    impl std::io::Write for Small {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = buf.len().min(1000);
            self.0.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut w = Small(Vec::new());
    kinerja::interchange::json::write_document(ds, plans, &mut w).unwrap();
    String::from_utf8(w.0).unwrap()
}

#[test]
fn the_streamed_document_of_a_backup_is_the_export_byte_for_byte() {
    use kinerja::interchange::json::import_plans;
    // no plan, no round; a round only; the sample with its plans and a round; an empty year
    let mut kalbar: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/kalbar-2025.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let mut round = full_round();
    round[0]["unit"] = "KPKNL-PONTIANAK".into();
    round[0]["analyses"][0]["iku"] = "1b-CP".into();
    for e in round[0]["evidence"].as_array_mut().unwrap() {
        e["iku"] = "1b-CP".into();
    }
    kalbar["round"] = round;
    let mut empty = base();
    empty["units"] = json!([]);
    empty["ss"] = json!([]);
    empty["iku"] = json!([]);
    let texts = [
        serde_json::to_string_pretty(&base()).unwrap(),
        with(full_round()),
        serde_json::to_string_pretty(&kalbar).unwrap(),
        serde_json::to_string_pretty(&empty).unwrap(),
    ];
    for text in &texts {
        let mut ds = import_document(text).unwrap();
        let plans = import_plans(text, &ds).unwrap();
        ds.round = import_rounds(text, &ds).unwrap();
        let export = with_rounds(export_with_plans(&ds, &plans), &ds);
        assert_eq!(streamed(&ds, &plans), export);
    }
    // a larger year: handed on in several parts, the same bytes
    let ds = kinerja::demo::generate(kinerja::demo::Scale::Kanwil, 7, 2025);
    let export = with_rounds(export_with_plans(&ds, &Default::default()), &ds);
    let part = kinerja::interchange::json::round::SPILL_BYTES;
    assert!(export.len() > 3 * part, "{} bytes", export.len());
    assert_eq!(streamed(&ds, &Default::default()), export);
}
