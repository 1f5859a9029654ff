//! The PK document `kinerja/1` (INTERCHANGE.md §1): one test per import error kind, each
//! asserting the error names its JSON path; every error reported at once; exact decimals; the
//! byte-identical round trip. Messages are checked in the default language (Indonesian).

use std::str::FromStr;

use kinerja::domain::{CodeRef, Decimal, Level, LocationConsolidation, Perspective};
use kinerja::interchange::json::MAX_STRING_CHARS;
use kinerja::interchange::{
    FORMAT, ImportError, MAX_INPUT_BYTES, export_document, import_document,
};
use serde_json::{Value, json};

const FULL: &str = include_str!("../data/pk-full.json");
const FULL_EXPORT: &str = include_str!("../data/pk-full.export.json");

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A small valid document: two units, one SS each, a cascaded IKU.
fn base() -> Value {
    json!({
        "format": "kinerja/1",
        "year": 2025,
        "rulebook": "kmk-300-2022",
        "units": [
            { "code": "DJKN", "name": "DJKN", "level": "one", "parent": null },
            { "code": "KANWIL", "name": "Kanwil", "level": "two", "parent": "DJKN" }
        ],
        "ss": [
            { "unit": "DJKN", "code": "SS-1", "perspective": "stakeholder", "name": "a" },
            { "unit": "KANWIL", "code": "SS-1", "perspective": "customer", "name": "b",
              "cascaded_from": { "unit": "DJKN", "code": "SS-1" } }
        ],
        "iku": [
            { "unit": "DJKN", "code": "1a", "ss": "SS-1", "name": "x", "unit_of_measure": "%",
              "polarity": "maximize", "period_consolidation": "sum", "reporting_period": "monthly",
              "validity": "proxy", "control": "moderate",
              "targets": ["1","1","1","1","1","1","1","1","1","1","1","1"] },
            { "unit": "KANWIL", "code": "1a", "ss": "SS-1", "name": "y", "unit_of_measure": "%",
              "polarity": "maximize", "period_consolidation": "sum", "reporting_period": "quarterly",
              "validity": "proxy", "control": "moderate",
              "cascade": { "from": { "unit": "DJKN", "code": "1a" }, "method": "direct", "kind": "partial" },
              "targets": [null,null,"3",null,null,"6",null,null,"9",null,null,"12"] }
        ],
        "addenda": []
    })
}

fn import(doc: &Value) -> Result<kinerja::domain::Dataset, Vec<ImportError>> {
    import_document(&doc.to_string())
}

/// Imports `doc`, expecting it to fail; returns the errors as displayed.
fn errors(doc: &Value) -> Vec<String> {
    match import(doc) {
        Ok(_) => panic!("document was accepted: {doc}"),
        Err(es) => es.iter().map(ToString::to_string).collect(),
    }
}

/// Expects exactly one error, at `path`, whose message contains every one of `parts`.
fn one_error(doc: &Value, path: &str, parts: &[&str]) {
    let es = match import(doc) {
        Ok(_) => panic!("document was accepted: {doc}"),
        Err(es) => es,
    };
    assert_eq!(es.len(), 1, "expected one error, got {es:#?}");
    assert_eq!(es[0].path, path, "{}", es[0]);
    let shown = es[0].to_string();
    assert!(
        shown.starts_with(&format!("{path}: ")) || path.is_empty(),
        "{shown}"
    );
    for p in parts {
        assert!(shown.contains(p), "{shown:?} should contain {p:?}");
    }
}

#[test]
fn base_document_is_valid() {
    let ds = import(&base()).unwrap();
    assert_eq!(ds.units.len(), 2);
    assert_eq!(ds.iku.len(), 2);
    assert_eq!(ds.children("DJKN"), ["KANWIL".to_string()]);
}

// ---- one test per error kind ----

#[test]
fn unknown_field_is_reported_with_its_path_and_a_suggestion() {
    let mut d = base();
    d["iku"][1]["polarty"] = json!("maximize");
    one_error(&d, "iku[1].polarty", &["tidak dikenal", "polarity"]);
    let mut d = base();
    d["colour"] = json!("red");
    one_error(&d, "colour", &["\"colour\""]);
    let mut d = base();
    d["iku"][1]["cascade"]["from"]["year"] = json!(2024);
    one_error(&d, "iku[1].cascade.from.year", &["\"year\""]);
}

#[test]
fn unknown_enumeration_value_lists_the_allowed_spellings() {
    let mut d = base();
    d["iku"][0]["polarity"] = json!("maximise");
    one_error(
        &d,
        "iku[0].polarity",
        &["maximise", "maximize | minimize | stabilize"],
    );
    let mut d = base();
    d["units"][0]["level"] = json!("eselon-1");
    one_error(&d, "units[0].level", &["wide | one | two | three"]);
    let mut d = base();
    d["iku"][1]["cascade"]["kind"] = json!("half");
    one_error(&d, "iku[1].cascade.kind", &["full | partial"]);
    let mut d = base();
    d["iku"][1]["cascade"] = json!("nothing");
    one_error(&d, "iku[1].cascade", &["nothing", "none"]);
    let mut d = base();
    d["units"][1]["perspective_weights"] = json!({ "finance": "10" });
    one_error(
        &d,
        "units[1].perspective_weights.finance",
        &["stakeholder | customer"],
    );
}

#[test]
fn wrong_month_array_length() {
    let mut d = base();
    d["iku"][0]["targets"] = json!(["1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1"]);
    one_error(&d, "iku[0].targets", &["12", "11"]);
    let mut d = base();
    d["iku"][0]["realisasi"] = json!(vec![Value::Null; 13]);
    one_error(&d, "iku[0].realisasi", &["13"]);
}

#[test]
fn duplicate_codes() {
    let mut d = base();
    d["units"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "code": "DJKN", "name": "again", "level": "one", "parent": null }));
    one_error(&d, "units[2].code", &["DJKN", "units[0]"]);

    let mut d = base();
    let dup = d["ss"][0].clone();
    d["ss"].as_array_mut().unwrap().push(dup);
    one_error(&d, "ss[2].code", &["DJKN/SS-1", "ss[0]"]);

    let mut d = base();
    let dup = d["iku"][1].clone();
    d["iku"].as_array_mut().unwrap().push(dup);
    one_error(&d, "iku[2].code", &["KANWIL/1a", "iku[1]"]);

    // the same code in two units is not a duplicate
    assert!(import(&base()).is_ok());
}

#[test]
fn dangling_parent() {
    let mut d = base();
    d["units"][1]["parent"] = json!("DJPB");
    one_error(&d, "units[1].parent", &["DJPB"]);
}

#[test]
fn dangling_ss_of_an_iku() {
    let mut d = base();
    d["iku"][1]["ss"] = json!("SS-9");
    one_error(&d, "iku[1].ss", &["SS-9", "KANWIL"]);
}

#[test]
fn dangling_cascade_from() {
    let mut d = base();
    d["iku"][1]["cascade"]["from"]["code"] = json!("7z");
    one_error(&d, "iku[1].cascade.from", &["7z", "DJKN"]);
}

#[test]
fn dangling_cascaded_from_of_an_ss() {
    let mut d = base();
    d["ss"][1]["cascaded_from"] = json!({ "unit": "DJKN", "code": "SS-4" });
    one_error(&d, "ss[1].cascaded_from", &["SS-4", "DJKN"]);
}

#[test]
fn dangling_unit_of_ss_and_iku() {
    let mut d = base();
    d["ss"][0]["unit"] = json!("NOPE");
    // the IKU of DJKN now points at an SS that no longer exists: both are reported
    let es = errors(&d);
    assert!(
        es.contains(&"ss[0].unit: unit \"NOPE\" tidak ada di dokumen".to_string()),
        "{es:#?}"
    );
    assert!(es.iter().any(|e| e.starts_with("iku[0].ss: ")), "{es:#?}");
}

#[test]
fn cycle_in_the_unit_tree() {
    let mut d = base();
    d["units"][0]["parent"] = json!("KANWIL");
    one_error(&d, "units[0].parent", &["DJKN → KANWIL → DJKN"]);
    let mut d = base();
    d["units"][1]["parent"] = json!("KANWIL");
    one_error(&d, "units[1].parent", &["KANWIL → KANWIL"]);
}

#[test]
fn malformed_decimal_names_the_month_slot() {
    let mut d = base();
    d["iku"][1]["targets"][5] = json!("12,5");
    let es = errors(&d);
    assert_eq!(es.len(), 1, "{es:#?}");
    assert!(
        es[0].starts_with("iku[1].targets[5]: \"12,5\" bukan bilangan desimal"),
        "{}",
        es[0]
    );
    for bad in ["1.234,5", "1e3", " 5", "+5", "5.", "", "tiga"] {
        let mut d = base();
        d["iku"][0]["weight"] = json!(bad);
        one_error(&d, "iku[0].weight", &["bukan bilangan desimal"]);
    }
}

#[test]
fn inexact_json_number_is_refused_not_rounded() {
    let text = base().to_string().replace(
        "\"targets\":[\"1\",\"1\",\"1\"",
        "\"targets\":[1.00000000000000000000000000001,\"1\",\"1\"",
    );
    let es = import_document(&text).unwrap_err();
    assert_eq!(es.len(), 1, "{es:#?}");
    assert_eq!(es[0].path, "iku[0].targets[0]");
    assert!(
        es[0].message.contains("tidak dapat disimpan tepat"),
        "{}",
        es[0]
    );
}

#[test]
fn missing_required_fields_are_each_reported() {
    let mut d = base();
    d["iku"][0].as_object_mut().unwrap().remove("targets");
    one_error(&d, "iku[0]", &["\"targets\""]);
    let mut d = base();
    d["units"][0].as_object_mut().unwrap().remove("parent");
    one_error(&d, "units[0]", &["\"parent\""]);
    let mut d = base();
    d.as_object_mut().unwrap().remove("year");
    one_error(&d, "", &["\"year\""]);
    let mut d = base();
    d["iku"][1]["cascade"]
        .as_object_mut()
        .unwrap()
        .remove("method");
    one_error(&d, "iku[1].cascade", &["\"method\""]);

    let mut d = base();
    let iku = d["iku"][0].as_object_mut().unwrap();
    for f in ["unit_of_measure", "polarity", "validity", "control"] {
        iku.remove(f);
    }
    let es = errors(&d);
    assert_eq!(es.len(), 4, "{es:#?}");
    assert!(es.iter().all(|e| e.starts_with("iku[0]: ")), "{es:#?}");
}

#[test]
fn wrong_types() {
    let cases: &[(&str, Value, &str)] = &[
        ("/iku/0/konversi_120", json!("yes"), "iku[0].konversi_120"),
        ("/iku/0/mandatory", json!(1), "iku[0].mandatory"),
        ("/units/0/name", json!(7), "units[0].name"),
        ("/year", json!("2025"), "year"),
        ("/year", json!(2025.5), "year"),
        ("/iku/0/targets", json!("none"), "iku[0].targets"),
        ("/iku/0/weight", json!(true), "iku[0].weight"),
        (
            "/ss/1/cascaded_from",
            json!("DJKN/SS-1"),
            "ss[1].cascaded_from",
        ),
        ("/units/1", json!("KANWIL"), "units[1]"),
    ];
    for (pointer, value, path) in cases {
        let mut d = base();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        match d.pointer_mut(parent).unwrap() {
            Value::Object(m) => {
                m.insert(key.to_string(), value.clone());
            }
            Value::Array(a) => a[key.parse::<usize>().unwrap()] = value.clone(),
            other => panic!("{other}"),
        }
        let es = import(&d).unwrap_err();
        assert!(
            es.iter()
                .any(|e| e.path == *path && e.message.contains("harus berupa")),
            "{pointer}: {es:#?}"
        );
    }
    let mut d = base();
    d["units"] = json!({});
    one_error(&d, "units", &["larik"]);
    // null only where the format shows it
    let mut d = base();
    d["iku"][0]["definition"] = Value::Null;
    one_error(&d, "iku[0].definition", &["harus berupa teks"]);
}

#[test]
fn wrong_format_and_broken_json() {
    let mut d = base();
    d["format"] = json!("kinerja/2");
    one_error(&d, "format", &["kinerja/2", FORMAT]);

    let es = import_document("{\"format\": \"kinerja/1\",").unwrap_err();
    assert_eq!(es.len(), 1);
    assert_eq!(es[0].path, "");
    assert!(
        es[0].message.contains("bukan JSON yang sah (baris 1"),
        "{}",
        es[0]
    );

    let es = import_document("[1, 2]").unwrap_err();
    assert_eq!(es.len(), 1);
    assert!(es[0].message.contains("objek"), "{}", es[0]);
}

#[test]
fn special_points_must_be_one_to_five() {
    for bad in [0, 6] {
        let mut d = base();
        d["iku"][0]["special_points"] = json!(bad);
        one_error(&d, "iku[0].special_points", &["1..5"]);
    }
    let mut d = base();
    d["iku"][0]["special_points"] = json!(5);
    assert_eq!(
        import(&d).unwrap().iku[&CodeRef::new("DJKN", "1a")].special_points,
        Some(5)
    );
}

#[test]
fn stabilize_scale_must_be_increasing_pairs() {
    let mut d = base();
    d["iku"][0]["stabilize_scale"] = json!([["0", "0"], ["90", "100"], ["90", "120"]]);
    one_error(&d, "iku[0].stabilize_scale[2]", &["90"]);
    let mut d = base();
    d["iku"][0]["stabilize_scale"] = json!([["0", "0"]]);
    one_error(&d, "iku[0].stabilize_scale", &["dua titik"]);
    let mut d = base();
    d["iku"][0]["stabilize_scale"] = json!([["0", "0", "1"], ["90", "100"]]);
    one_error(&d, "iku[0].stabilize_scale[0]", &["[Ca, nilai]"]);
    let mut d = base();
    d["iku"][0]["stabilize_scale"] = json!([["0", "0"], ["9O", "100"]]);
    one_error(&d, "iku[0].stabilize_scale[1][0]", &["9O"]);
}

#[test]
fn addendum_errors() {
    let good = json!({ "unit": "KANWIL", "version": 1, "date": "2025-07-15", "reason": "r",
        "changes": [ { "iku": "1a", "field": "targets", "month": 12, "old": "12", "new": "13" } ] });
    let mut d = base();
    d["addenda"] = json!([good.clone()]);
    let ds = import(&d).unwrap();
    assert_eq!(ds.pk_version("KANWIL"), 1);

    let mut d = base();
    d["addenda"] = json!([good.clone(), good.clone()]);
    one_error(&d, "addenda[1].version", &["KANWIL", "addenda[0]"]);

    let mut bad = good.clone();
    bad["date"] = json!("15-07-2025");
    d["addenda"] = json!([bad]);
    one_error(&d, "addenda[0].date", &["YYYY-MM-DD"]);

    let mut bad = good.clone();
    bad["changes"][0]["field"] = json!("weight");
    d["addenda"] = json!([bad]);
    one_error(
        &d,
        "addenda[0].changes[0].field",
        &["targets | realisasi | add_iku | remove_iku"],
    );

    let mut bad = good.clone();
    bad["changes"][0]["month"] = json!(0);
    d["addenda"] = json!([bad]);
    one_error(&d, "addenda[0].changes[0].month", &["1..12"]);

    let mut bad = good.clone();
    bad["changes"][0] = json!({ "iku": "1a", "field": "remove_iku", "month": 3 });
    d["addenda"] = json!([bad]);
    one_error(&d, "addenda[0].changes[0].month", &["harus 0"]);

    let mut bad = good.clone();
    bad["changes"][0]["iku"] = json!("8x");
    d["addenda"] = json!([bad]);
    one_error(&d, "addenda[0].changes[0].iku", &["8x", "KANWIL"]);

    let mut bad = good.clone();
    bad["unit"] = json!("GONE");
    d["addenda"] = json!([bad]);
    one_error(&d, "addenda[0].unit", &["GONE"]);

    let mut bad = good;
    bad["version"] = json!(0);
    d["addenda"] = json!([bad]);
    one_error(&d, "addenda[0].version", &["0"]);
}

#[test]
fn size_limits() {
    let mut d = base();
    d["iku"][0]["definition"] = json!("x".repeat(MAX_STRING_CHARS + 1));
    one_error(&d, "iku[0].definition", &["terlalu panjang", "10000"]);
    let mut d = base();
    d["iku"][0]["definition"] = json!("é".repeat(MAX_STRING_CHARS));
    assert!(import(&d).is_ok(), "the limit counts characters, not bytes");

    let huge = format!("{{\"pad\": \"{}\"}}", " ".repeat(MAX_INPUT_BYTES));
    let es = import_document(&huge).unwrap_err();
    assert_eq!(es.len(), 1);
    assert!(es[0].message.contains("terlalu besar"), "{}", es[0]);
}

#[test]
fn empty_codes_are_refused() {
    let mut d = base();
    d["ss"][0]["code"] = json!("  ");
    let es = import(&d).unwrap_err();
    assert!(
        es.iter()
            .any(|e| e.path == "ss[0].code" && e.message.contains("kosong")),
        "{es:#?}"
    );
}

// ---- every error at once, and nothing imported ----

#[test]
fn every_error_is_reported_at_once() {
    let mut d = base();
    d["format"] = json!("kinerja/0");
    d["extra"] = json!(1);
    d["units"][1]["level"] = json!("four");
    d["units"][1]["parent"] = json!("NOWHERE");
    d["ss"][0]["perspective"] = json!("finance");
    d["iku"][0]["targets"][3] = json!("1.234,5");
    d["iku"][0]["targets"][7] = json!("abc");
    d["iku"][0]["realisasi"] = json!([null, null]);
    d["iku"][1]["ss"] = json!("SS-2");
    d["iku"][1]["cascade"]["from"]["unit"] = json!("DJPB");
    d["iku"][1].as_object_mut().unwrap().remove("name");
    let es = import(&d).unwrap_err();
    let paths: Vec<&str> = es.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "extra",
            "format",
            "units[1].level",
            "units[1].parent",
            "ss[0].perspective",
            "iku[0].targets[3]",
            "iku[0].targets[7]",
            "iku[0].realisasi",
            "iku[1]",
            "iku[1].ss",
            "iku[1].cascade.from",
        ],
        "{es:#?}"
    );
}

// ---- exact numbers and the round trip ----

#[test]
fn json_numbers_are_read_exactly() {
    let ds = import_document(FULL).unwrap();
    let iku = &ds.iku[&CodeRef::new("KANWIL-KALBAR", "1a-CP")];
    assert_eq!(iku.realisasi[2], Some(dec("12.345678")));
    assert_eq!(iku.realisasi[2].unwrap().to_string(), "12.345678");
    let scale = iku.stabilize_scale.as_ref().unwrap();
    assert_eq!(scale[2].score.to_string(), "120.0");
    let kpknl = &ds.iku[&CodeRef::new("KPKNL-PONTIANAK", "1a-CP")];
    assert_eq!(kpknl.targets[5], Some(dec("100")), "1e2 is read exactly");
    assert_eq!(
        kpknl.targets[11].unwrap().to_string(),
        "0.000",
        "scale is kept"
    );
}

#[test]
fn every_field_is_read() {
    let ds = import_document(FULL).unwrap();
    assert_eq!(ds.year, 2025);
    assert_eq!(ds.rulebook, "kmk-300-2022");
    let kanwil = &ds.units["KANWIL-KALBAR"];
    assert_eq!(kanwil.level, Level::Two);
    assert_eq!(
        kanwil.perspective_weights[&Perspective::Customer].0,
        dec("20")
    );
    let iku = &ds.iku[&CodeRef::new("KANWIL-KALBAR", "1a-CP")];
    assert_eq!(iku.weight, Some(dec("12.50")));
    assert!(iku.konversi_120 && iku.tanggung_renteng && iku.collective && iku.new_iku);
    assert!(iku.mandatory);
    assert!(iku.measures_quality_or_time && iku.capaian_prev2_over_125);
    assert_eq!(iku.location_consolidation, LocationConsolidation::Sum);
    assert_eq!(
        iku.cascade.as_ref().unwrap().from,
        CodeRef::new("DJKN", "1a-CP")
    );
    assert_eq!(iku.special_points, Some(4));
    assert_eq!(iku.avg_realisasi_prev, Some(dec("-0.001")));
    assert_eq!(
        iku.targets[11],
        Some(dec("120")),
        "a roll-up IKU keeps its own values as read"
    );
    assert_eq!(ds.addenda.len(), 2);
    assert_eq!(ds.pk_version("KANWIL-KALBAR"), 2);
}

#[test]
fn export_is_the_documented_layout() {
    let ds = import_document(FULL).unwrap();
    assert_eq!(export_document(&ds), FULL_EXPORT);
}

#[test]
fn export_import_export_is_byte_identical() {
    let ds = import_document(FULL).unwrap();
    let first = export_document(&ds);
    let again = import_document(&first).unwrap();
    assert_eq!(again, ds);
    let second = export_document(&again);
    assert_eq!(first, second);
    assert!(first.ends_with("}\n"));

    // the same for a document with only defaults
    let ds = import(&base()).unwrap();
    let first = export_document(&ds);
    assert_eq!(export_document(&import_document(&first).unwrap()), first);
}

#[test]
fn mandatory_is_optional_false_by_default_and_round_trips() {
    // DOMAIN.md §10a: an IKU the ministry imposes on every unit
    let ds = import(&base()).unwrap();
    assert!(ds.iku.values().all(|i| !i.mandatory), "absent: false");
    let mut d = base();
    d["iku"][0]["mandatory"] = json!(true);
    let ds = import(&d).unwrap();
    let key = kinerja::domain::CodeRef::new("DJKN", "1a");
    assert!(ds.iku[&key].mandatory);
    assert!(!ds.iku[&kinerja::domain::CodeRef::new("KANWIL", "1a")].mandatory);
    let out = export_document(&ds);
    assert!(out.contains("\"mandatory\": true"), "{out}");
    assert_eq!(import_document(&out).unwrap(), ds);
    // null is not a bool
    let mut d = base();
    d["iku"][0]["mandatory"] = Value::Null;
    assert!(import(&d).is_err());
}

#[test]
fn defaults_are_written_explicitly() {
    let out = export_document(&import(&base()).unwrap());
    for needle in [
        "\"cascade\": \"none\"",
        "\"location_consolidation\": \"none\"",
        "\"target_basis\": \"normal\"",
        "\"mandatory\": false",
        "\"perspective_weights\": {}",
        "\"weight\": null",
        "\"special_points\": null",
        "\"realisasi\": [null, null, null, null, null, null, null, null, null, null, null, null]",
        "\"addenda\": []",
    ] {
        assert!(out.contains(needle), "missing {needle} in\n{out}");
    }
}

#[test]
fn a_number_beyond_the_bounds_is_refused_naming_the_slot_and_the_limit() {
    kinerja::text::set_thread_lang(kinerja::text::Lang::En);
    for bad in ["1e18", "\"1000000000000000\"", "\"0.0000001\"", "-1e15"] {
        let doc = FULL.replacen("\"104.75\"", bad, 1);
        assert_ne!(doc, FULL);
        let errs = import_document(&doc).unwrap_err();
        assert_eq!(errs.len(), 1, "{bad}: {errs:?}");
        assert_eq!(errs[0].path, "iku[0].realisasi[5]", "{bad}");
        assert!(
            errs[0].message.contains("out of bounds")
                && (errs[0].message.contains("10^15") || errs[0].message.contains("6 decimal")),
            "{bad}: {}",
            errs[0].message
        );
    }
}
