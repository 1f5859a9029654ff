//! `report --format csv` opens in a spreadsheet set to the user's locale: in Indonesian `;`
//! between fields, `1.234,56` numbers and a UTF-8 byte order mark; in English `,` and `.`;
//! numbers rounded as the table shows them, IKU and SS named, words in the UI language.

use crate::support::cli_support::{kinerja, stderr, stdout};
use kinerja::domain::Decimal;

/// `1.234.567,89`: groups of three digits after the first, a decimal comma, as a spreadsheet in
/// an Indonesian locale reads a number.
fn is_indonesian_number(v: &str) -> bool {
    let (int, frac) = v.split_once(',').unwrap_or((v, ""));
    let groups: Vec<&str> = int.trim_start_matches('-').split('.').collect();
    let grouped = !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && frac.chars().all(|c| c.is_ascii_digit());
    let plain = format!(
        "{}.{}",
        int.replace('.', ""),
        if frac.is_empty() { "0" } else { frac }
    );
    grouped && plain.parse::<Decimal>().is_ok()
}

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/kalbar-2025.json");

fn sample_store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.store");
    let o = kinerja(&store, &["import", SAMPLE]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (dir, store)
}

#[test]
fn the_indonesian_csv_report_has_the_exact_bytes_a_spreadsheet_reads() {
    let (_dir, store) = sample_store();
    let o = kinerja(&store, &["report", "--format", "csv", "--unit", "DJKN"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = o.stdout;
    assert_eq!(&bytes[..3], b"\xef\xbb\xbf", "UTF-8 byte order mark");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "Unit;Nama unit;Level;Periode;Rulebook;NKO;Predikat;Perspektif;SS;Nama SS;IKU;Nama IKU;Target;Realisasi;Capaian;Status;Lengkap;Belum ada;IS rencana (%);IS realisasi (%);Pagu (Rp);Realisasi anggaran (Rp);Rencana penyerapan (%);Penyerapan (%)"
    );
    assert_eq!(
        lines.next().unwrap(),
        "DJKN;Direktorat Jenderal Kekayaan Negara;UPK One;2025-09;kmk-300-2022;99,67;Baik;Pemangku Kepentingan;SS-1;Optimalnya penerimaan negara dari pengelolaan kekayaan negara;1a-N;Pokok lelang;25.800;25.680,3;99,54;kuning;ya;;80,00;81,50;105.250.000.000;71.183.080.000;68,00;67,63"
    );
    assert!(
        text.contains(";4b-N;Jumlah BKPN yang diselesaikan;1.800;1.390;77,22;merah;"),
        "{text}"
    );
    // read back as a spreadsheet in an Indonesian locale would: every number is a number
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let head = r.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let (nko, target, real, cap) = (col("NKO"), col("Target"), col("Realisasi"), col("Capaian"));
    let (pagu, absorption) = (col("Pagu (Rp)"), col("Penyerapan (%)"));
    let mut rows = 0;
    let mut codes = Vec::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        assert_eq!(rec.len(), 24);
        for c in [nko, target, real, cap, pagu, absorption] {
            let v = &rec[c];
            if v.is_empty() {
                // not computable: an empty cell, as the table's dash
                continue;
            }
            assert!(is_indonesian_number(v), "{v:?} is not an Indonesian number");
            // rounded as the table: at most two places for NKO and capaian
            if c == nko || c == cap || c == absorption {
                assert!(v.split(',').nth(1).is_some_and(|f| f.len() == 2), "{v}");
            }
        }
        codes.push(rec[10].to_string());
        rows += 1;
    }
    assert!(rows >= 10, "{rows}");
    // natural code order: 1a-N … 9a-N before 10a-N (when there are such codes)
    let mut natural = codes.clone();
    natural.sort_by(|a, b| kinerja::domain::natural_cmp(a, b));
    assert_eq!(codes, natural);
}

#[test]
fn the_english_csv_report_uses_commas_and_decimal_points() {
    let (_dir, store) = sample_store();
    let o = kinerja(
        &store,
        &[
            "--lang", "en", "report", "--format", "csv", "--unit", "DJKN",
        ],
    );
    let s = stdout(&o);
    let s = s.strip_prefix('\u{feff}').expect("byte order mark");
    assert!(
        s.starts_with("Unit,Unit name,Level,Period,Rulebook,NKO,"),
        "{s}"
    );
    assert!(
        s.contains(",1a-N,Pokok lelang,\"25,800\",\"25,680.3\",99.54,yellow,"),
        "{s}"
    );
}

#[test]
fn python_reads_the_indonesian_csv_report_with_numbers_as_numbers() {
    if std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        return;
    }
    let (dir, store) = sample_store();
    let o = kinerja(&store, &["report", "--format", "csv"]);
    let file = dir.path().join("report.csv");
    std::fs::write(&file, &o.stdout).unwrap();
    // Python's csv module with the dialect it sniffs, numbers read the Indonesian way
    let script = r#"
import csv, sys
from decimal import Decimal
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    text = f.read()
dialect = csv.Sniffer().sniff(text.splitlines()[0] + "\n" + text.splitlines()[1])
assert dialect.delimiter == ";", dialect.delimiter
rows = list(csv.DictReader(text.splitlines(), dialect=dialect))
n = 0
for r in rows:
    for k in ("NKO", "Capaian", "Target", "Realisasi"):
        if r[k]:
            Decimal(r[k].replace(".", "").replace(",", "."))
            n += 1
print(len(rows), n)
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    let n: Vec<usize> = said
        .split_whitespace()
        .map(|x| x.parse().unwrap())
        .collect();
    assert!(n[0] >= 50 && n[1] >= 150, "{said}");
}

#[test]
fn log_shows_values_in_the_locale_and_local_time_with_its_zone() {
    let (dir, store) = sample_store();
    let o = kinerja(
        &store,
        &["set", "KPKNL-PONTIANAK", "1b-CP", "2025-10", "1,95"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let home = dir.path();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--store")
        .arg(&store)
        .args(["log", "--limit", "1"])
        .env_remove("KINERJA_STORE")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg-data"))
        .env("XDG_CONFIG_HOME", home.join("xdg-config"))
        .env("XDG_STATE_HOME", home.join("xdg-state"))
        .env("USER", "budi")
        .env("TZ", "Asia/Jakarta")
        .output()
        .unwrap();
    let s = stdout(&o);
    assert!(s.contains("+07:00"), "Jakarta time with its offset: {s}");
    assert!(!s.contains("UTC"), "{s}");
    assert!(s.contains("→ 1,95"), "the value in the locale: {s}");
}

/// `report --compare-period`: both periods' values and the change, in the table and the JSON.
#[test]
fn compare_period_shows_both_values_and_the_change() {
    let (_dir, store) = sample_store();
    let o = kinerja(
        &store,
        &[
            "report",
            "--unit",
            "DJKN",
            "--period",
            "2025-09",
            "--compare-period",
            "2025-06",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let u = &v[0];
    assert_eq!(u["period"], "2025-09");
    assert_eq!(u["compare_period"], "2025-06");
    let d = |k: &str| u[k].as_str().map(|s| s.parse::<Decimal>().unwrap());
    let (a, b, c) = (d("compare_nko"), d("nko"), d("nko_change"));
    assert!(a.is_some() && b.is_some(), "{u}");
    assert_eq!(c, Some(b.unwrap() - a.unwrap()), "{u}");
    let iku = u["iku"].as_array().unwrap();
    assert!(!iku.is_empty());
    for i in iku {
        let g = |k: &str| i[k].as_str().map(|s| s.parse::<Decimal>().unwrap());
        if let (Some(x), Some(y)) = (g("compare_capaian"), g("capaian")) {
            assert_eq!(g("change"), Some(y - x), "{i}");
        }
    }
    // the table names both periods and the change, in Indonesian
    let o = kinerja(
        &store,
        &[
            "report",
            "--unit",
            "DJKN",
            "--period",
            "2025-09",
            "--compare-period",
            "2025-06",
        ],
    );
    let out = stdout(&o);
    assert!(
        out.contains("Perbandingan periode 2025-06 dengan 2025-09"),
        "{out}"
    );
    assert!(
        out.contains("Capaian 2025-06") && out.contains("Perubahan"),
        "{out}"
    );
    // the CSV: `;` and decimal commas
    let o = kinerja(
        &store,
        &[
            "report",
            "--unit",
            "DJKN",
            "--compare-period",
            "2025-06",
            "--format",
            "csv",
        ],
    );
    let out = stdout(&o);
    assert!(out.starts_with('\u{feff}'), "{out}");
    let nko = out.lines().nth(1).unwrap();
    assert!(nko.starts_with("DJKN;NKO;"), "{nko}");
    for cell in nko.split(';').skip(3) {
        assert!(
            cell.is_empty() || is_indonesian_number(cell.trim_start_matches('+')),
            "{nko}"
        );
    }
    // another year is refused with a clear message
    let o = kinerja(&store, &["report", "--compare-period", "2024-06"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}
