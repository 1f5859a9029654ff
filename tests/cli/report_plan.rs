//! `kinerja report` in every format gains, per unit, the progress of its Inisiatif Strategis
//! and the absorption of its budget lines (issue 16 point 5, DOMAIN.md §12): the JSON's machine
//! values recomputed here from the sample document itself, the tables and the CSV in the
//! locale, the output deterministic.

use std::collections::BTreeMap;

use kinerja::domain::Decimal;
use serde_json::Value;

use crate::support::cli_support::{kinerja, stderr, stdout};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/kalbar-2025.json");

fn sample_store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.store");
    let o = kinerja(&store, &["import", SAMPLE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (dir, store)
}

fn out(store: &std::path::Path, args: &[&str]) -> String {
    let o = kinerja(store, args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn d(v: &Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

/// The months 1..=12 of a document list (`[null, "25", …]`) up to `period`.
fn months(v: &Value, period: usize) -> Vec<Option<Decimal>> {
    v.as_array().unwrap()[..period]
        .iter()
        .map(|x| x.as_str().map(|s| s.parse().unwrap()))
        .collect()
}

/// A percentage rounded half away from zero to 2 places, as the report's rule says.
fn pct(part: Decimal, whole: Decimal) -> String {
    let mut r = (part * Decimal::ONE_HUNDRED / whole)
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r.to_string()
}

#[test]
fn the_json_report_has_each_units_is_progress_and_budget_absorption_from_the_document() {
    let (_dir, store) = sample_store();
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    let report: Value = serde_json::from_str(&out(
        &store,
        &["report", "--period", "2025-09", "--format", "json"],
    ))
    .unwrap();
    let by_unit: BTreeMap<&str, &Value> = report
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["unit"].as_str().unwrap(), u))
        .collect();
    let plans = doc["plan"].as_array().unwrap();
    assert_eq!(
        plans.len(),
        by_unit.len(),
        "every unit of the sample has a plan"
    );
    for plan in plans {
        let unit = plan["unit"].as_str().unwrap();
        let r = by_unit[unit];
        // IS: the latest trajectory point and realised entry at or before September
        let items = r["inisiatif"]["items"].as_array().unwrap();
        let is = plan["inisiatif"].as_array().unwrap();
        assert_eq!(items.len(), is.len(), "{unit}");
        let latest = |v: &Value| {
            months(v, 9)
                .into_iter()
                .flatten()
                .last()
                .unwrap_or_default()
        };
        let (mut sum_p, mut sum_r) = (Decimal::ZERO, Decimal::ZERO);
        for (item, i) in items.iter().zip(is) {
            assert_eq!(item["code"], i["code"]);
            let (p, re) = (latest(&i["planned"]), latest(&i["realised"]));
            assert_eq!(d(&item["planned"]), p, "{unit} {}", i["code"]);
            assert_eq!(d(&item["realised"]), re, "{unit} {}", i["code"]);
            assert_eq!(item["findings"].as_array().unwrap().is_empty(), re >= p);
            sum_p += p;
            sum_r += re;
        }
        let n = Decimal::from(is.len());
        assert_eq!(
            r["inisiatif"]["planned"],
            pct(sum_p, n * Decimal::ONE_HUNDRED).as_str()
        );
        assert_eq!(
            r["inisiatif"]["realised"],
            pct(sum_r, n * Decimal::ONE_HUNDRED).as_str()
        );
        // budget: realisasi and plan of January to September against the pagu
        let lines = r["anggaran"]["lines"].as_array().unwrap();
        let doc_lines = plan["anggaran"].as_array().unwrap();
        assert_eq!(lines.len(), doc_lines.len(), "{unit}");
        let (mut pagu, mut real, mut planned) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for (l, dl) in lines.iter().zip(doc_lines) {
            assert_eq!(l["code"], dl["code"]);
            let sum = |v: &Value| months(v, 9).into_iter().flatten().sum::<Decimal>();
            let (p, re, pl) = (d(&dl["pagu"]), sum(&dl["realisasi"]), sum(&dl["planned"]));
            assert_eq!(d(&l["pagu"]), p);
            assert_eq!(d(&l["realisasi"]), re, "{unit} {}", dl["code"]);
            assert_eq!(d(&l["planned"]), pl);
            assert_eq!(
                l["absorption"],
                pct(re, p).as_str(),
                "{unit} {}",
                dl["code"]
            );
            assert_eq!(l["planned_absorption"], pct(pl, p).as_str());
            assert_eq!(
                l["revisions"],
                dl["revisions"].as_array().map_or(0, |v| v.len())
            );
            pagu += p;
            real += re;
            planned += pl;
        }
        assert_eq!(d(&r["anggaran"]["pagu"]), pagu, "{unit}");
        assert_eq!(d(&r["anggaran"]["realisasi"]), real, "{unit}");
        assert_eq!(
            r["anggaran"]["absorption"],
            pct(real, pagu).as_str(),
            "{unit}"
        );
        assert_eq!(
            r["anggaran"]["planned_absorption"],
            pct(planned, pagu).as_str()
        );
    }
    // deterministic: the same bytes again
    assert_eq!(
        out(
            &store,
            &["report", "--period", "2025-09", "--format", "json"]
        ),
        serde_json::to_string_pretty(&report).unwrap() + "\n"
    );
}

#[test]
fn an_is_behind_its_trajectory_or_past_its_end_is_a_finding_in_every_format() {
    let (_dir, store) = sample_store();
    // DJKN IS-02 ends in November; at December it is past its end below 100 %
    let json: Value = serde_json::from_str(&out(
        &store,
        &[
            "report", "--unit", "DJKN", "--period", "2025-12", "--format", "json",
        ],
    ))
    .unwrap();
    let is02 = json[0]["inisiatif"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "IS-02")
        .unwrap();
    let codes: Vec<&str> = is02["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"overdue"), "{is02}");
    let overdue = is02["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "overdue")
        .unwrap();
    assert_eq!(overdue["end"], 11);
    // KPKNL-PONTIANAK IS-02 set behind at September
    out(
        &store,
        &[
            "inisiatif",
            "set",
            "KPKNL-PONTIANAK",
            "IS-02",
            "2025-09",
            "40,5",
        ],
    );
    let args = |format: &str| {
        vec![
            "report",
            "--unit",
            "KPKNL-PONTIANAK",
            "--period",
            "2025-09",
            "--format",
            format,
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>()
    };
    let run = |a: Vec<String>| out(&store, &a.iter().map(String::as_str).collect::<Vec<_>>());
    let json: Value = serde_json::from_str(&run(args("json"))).unwrap();
    let f = &json[0]["inisiatif"]["items"][1]["findings"][0];
    assert_eq!(
        (f["code"].as_str(), f["realised"].as_str()),
        (Some("behind"), Some("40.5"))
    );
    let table = run(args("table"));
    assert!(table.contains("Inisiatif Strategis — 2025-09"), "{table}");
    assert!(
        table.contains("tertinggal: 40,50 % dari rencana 75,00 %"),
        "{table}"
    );
    assert!(table.contains("Rincian Anggaran — 2025-09"), "{table}");
    let total = table
        .lines()
        .find(|l| l.trim_start().starts_with("Jumlah"))
        .unwrap();
    let pagu = kinerja::interchange::number::format_exact(
        d(&json[0]["anggaran"]["pagu"]),
        kinerja::interchange::number::Locale::Id,
    );
    let absorption = json[0]["anggaran"]["absorption"]
        .as_str()
        .unwrap()
        .replace('.', ",");
    assert!(
        total.contains(&pagu) && total.ends_with(&absorption),
        "{total}"
    );
    // every line of the budget is a row
    for l in json[0]["anggaran"]["lines"].as_array().unwrap() {
        assert!(table.contains(l["code"].as_str().unwrap()));
    }
    let mut en = args("md");
    en.splice(0..0, ["--lang".to_string(), "en".to_string()]);
    let md = run(en);
    assert!(md.contains("### Strategic initiatives — 2025-09"), "{md}");
    assert!(md.contains("### Budget — 2025-09"), "{md}");
    assert!(md.contains("behind: 40.50 % of 75.00 % planned"), "{md}");
    assert!(md.contains("| Average"), "{md}");
    let csv = run(args("csv"));
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let head = r.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let rec = r.records().next().unwrap().unwrap();
    let id = |v: &Value| v.as_str().unwrap().replace('.', ",");
    assert_eq!(
        &rec[col("IS realisasi (%)")],
        id(&json[0]["inisiatif"]["realised"])
    );
    assert_eq!(
        &rec[col("IS rencana (%)")],
        id(&json[0]["inisiatif"]["planned"])
    );
    assert_eq!(&rec[col("Pagu (Rp)")], pagu);
    assert_eq!(&rec[col("Penyerapan (%)")], absorption);
}
