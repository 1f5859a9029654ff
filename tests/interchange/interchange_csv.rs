//! The realisasi sheet (INTERCHANGE.md §2): both delimiters, locale decimals, clear-by-empty, and
//! every row error with its line number. Messages are checked in the default language.

use std::str::FromStr;

use kinerja::domain::{
    Addendum, Cascade, CascadeKind, CascadeMethod, Consolidation, Dataset, Decimal, Iku, Level,
    LocationConsolidation, Perspective, Polarity, ReportingPeriod, Ss, Unit,
};
use kinerja::interchange::{Locale, RealisasiRow, SheetError, parse_realisasi_sheet};

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn unit(code: &str, level: Level, parent: Option<&str>) -> Unit {
    Unit {
        code: code.into(),
        name: code.into(),
        level,
        parent: parent.map(Into::into),
        perspective_weights: Default::default(),
    }
}

fn ss(unit: &str) -> Ss {
    Ss {
        unit: unit.into(),
        code: "SS-1".into(),
        perspective: Perspective::Stakeholder,
        name: "s".into(),
        weight: None,
        cascaded_from: None,
    }
}

/// KANWIL/1a rolls up from KPKNL/1a (cascaded from it, partial); KPKNL/1a is monthly with a
/// January realisasi that an addendum of KPKNL in February froze (R10), KPKNL/2b is quarterly.
fn dataset(year: i32) -> Dataset {
    let mut roll = Iku::new(
        "KANWIL",
        "1a",
        "SS-1",
        Polarity::Maximize,
        Consolidation::Sum,
        ReportingPeriod::Monthly,
    );
    roll.location_consolidation = LocationConsolidation::Sum;
    let mut child = Iku::new(
        "KPKNL",
        "1a",
        "SS-1",
        Polarity::Maximize,
        Consolidation::Sum,
        ReportingPeriod::Monthly,
    );
    child.cascade = Some(Cascade {
        from: roll.key(),
        method: CascadeMethod::Direct,
        kind: CascadeKind::Partial,
    });
    child.realisasi[0] = Some(dec("1"));
    let addendum = Addendum {
        unit: "KPKNL".into(),
        version: 1,
        date: chrono::NaiveDate::from_ymd_opt(year, 2, 15).unwrap(),
        reason: "r".into(),
        changes: vec![],
    };
    Dataset::from_parts(
        year,
        "kmk-300-2022",
        [
            unit("KANWIL", Level::Two, None),
            unit("KPKNL", Level::Three, Some("KANWIL")),
        ],
        [ss("KANWIL"), ss("KPKNL")],
        [
            roll,
            child,
            Iku::new(
                "KPKNL",
                "2b",
                "SS-1",
                Polarity::Minimize,
                Consolidation::Last,
                ReportingPeriod::Quarterly,
            ),
        ],
        vec![addendum],
    )
}

fn parse(text: &str, locale: Option<Locale>) -> Result<Vec<RealisasiRow>, Vec<SheetError>> {
    let (a, b) = (dataset(2025), dataset(2024));
    parse_realisasi_sheet(text, locale, &[&a, &b])
}

fn row(line: usize, iku: &str, month: u8, value: Option<&str>) -> RealisasiRow {
    RealisasiRow {
        line,
        cell: None,
        year: 2025,
        unit: "KPKNL".into(),
        iku: iku.into(),
        month,
        value: value.map(dec),
    }
}

/// Expects errors at exactly these lines, each containing its text.
fn expect_errors(text: &str, locale: Option<Locale>, want: &[(usize, &str)]) {
    let es = parse(text, locale).expect_err("the sheet was accepted");
    let got: Vec<(usize, &str)> = es.iter().map(|e| (e.line, e.message.as_str())).collect();
    assert_eq!(es.len(), want.len(), "{got:#?}");
    for ((line, message), (want_line, part)) in got.iter().zip(want) {
        assert_eq!(line, want_line, "{message}");
        assert!(
            message.contains(part),
            "line {line}: {message:?} should contain {part:?}"
        );
    }
}

#[test]
fn comma_delimiter_reads_point_decimals() {
    let text = "unit,iku,month,realisasi\nKPKNL,1a,2025-10,\"1,234.5\"\nKPKNL,2b,2025-09,97.44\n";
    assert_eq!(
        parse(text, None).unwrap(),
        [
            row(2, "1a", 10, Some("1234.5")),
            row(3, "2b", 9, Some("97.44"))
        ]
    );
}

#[test]
fn semicolon_delimiter_defaults_to_id_decimals() {
    let text = "Unit;IKU;Month;Realisasi\r\nKPKNL;1a;2025-10;1.234,5\r\nKPKNL;2b;2025-09;97,44\r\n";
    assert_eq!(
        parse(text, None).unwrap(),
        [
            row(2, "1a", 10, Some("1234.5")),
            row(3, "2b", 9, Some("97.44"))
        ]
    );
}

#[test]
fn explicit_locale_wins_over_the_delimiter() {
    let text = "unit;iku;month;realisasi\nKPKNL;1a;2025-10;1,234.5\n";
    assert_eq!(
        parse(text, Some(Locale::En)).unwrap(),
        [row(2, "1a", 10, Some("1234.5"))]
    );
    let text = "unit,iku,month,realisasi\nKPKNL,1a,2025-10,\"12,5\"\n";
    assert_eq!(
        parse(text, Some(Locale::Id)).unwrap(),
        [row(2, "1a", 10, Some("12.5"))]
    );
}

#[test]
fn columns_in_any_order_and_case_with_bom_and_blank_rows() {
    let text = "\u{feff}REALISASI,Month,iku,\"Unit\"\n 88.2 , 2025-03 ,2b,KPKNL\n,,,\n\n";
    assert_eq!(parse(text, None).unwrap(), [row(2, "2b", 3, Some("88.2"))]);
}

#[test]
fn empty_realisasi_clears() {
    let text = "unit;iku;month;realisasi\nKPKNL;1a;2025-10;\nKPKNL;2b;2025-12;  \n";
    assert_eq!(
        parse(text, None).unwrap(),
        [row(2, "1a", 10, None), row(3, "2b", 12, None)]
    );
}

#[test]
fn month_of_another_year_in_the_store() {
    let rows = parse("unit,iku,month,realisasi\nKPKNL,1a,2024-02,5\n", None).unwrap();
    assert_eq!(rows[0].year, 2024);
}

#[test]
fn every_row_error_kind_is_listed_with_its_line() {
    let text = "\
unit;iku;month;realisasi
KPKNL;1a;2025-10;1.234,5
NOPE;1a;2025-10;1
KPKNL;9z;2025-10;1
KPKNL;2b;2025-10;1
KPKNL;1a;2025-01;1
KPKNL;1a;2025-11;abc
KPKNL;1a;2025-12;1.234
KANWIL;1a;2025-10;5
KPKNL;1a;2023-10;5
KPKNL;1a;2025-13;5
KPKNL;1a;2025-10;5
KPKNL;1a
;1a;;5
";
    expect_errors(
        text,
        None,
        &[
            (3, "Unit \"NOPE\" tidak ada di PK 2025."),
            (4, "IKU \"9z\" tidak ada di unit \"KPKNL\""),
            (
                5,
                "Oktober 2025 bukan bulan pelaporan IKU KPKNL/2b (periode triwulanan: Maret, Juni, September, Desember)",
            ),
            // line 6: January, which had realisasi when February's addendum was made, stays
            // correctable (DOMAIN.md §11: an addendum freezes targets, not realisasi)
            (7, "realisasi: \"abc\" bukan angka yang sah"),
            (8, "realisasi: \"1.234\" bisa berarti 1234 atau 1,234"),
            (9, "dihitung dari unit di bawahnya"),
            (
                10,
                "tahun 2023 tidak ada di penyimpanan (yang ada: 2025, 2024)",
            ),
            (11, "bulan \"2025-13\" harus berbentuk YYYY-MM"),
            (12, "KPKNL/1a 2025-10 sudah ada di baris 2"),
            (13, "ada 2 kolom, seharusnya 4"),
            (14, "kolom unit kosong"),
            (14, "kolom month kosong"),
        ],
    );
}

#[test]
fn one_bad_row_rejects_the_whole_file() {
    let text =
        "unit,iku,month,realisasi\nKPKNL,1a,2025-10,1\nKPKNL,1a,2025-11,x\nKPKNL,1a,2025-12,3\n";
    expect_errors(text, None, &[(3, "\"x\"")]);
}

#[test]
fn line_numbers_count_physical_lines() {
    // a quoted cell spanning two lines: the row after it is on line 4
    let text = "unit,iku,month,realisasi\n\"KPKNL\n\",1a,2025-10,1\nKPKNL,1a,2025-02,zz\n";
    let es = parse(text, None).unwrap_err();
    assert_eq!(es.last().unwrap().line, 4, "{es:#?}");
}

#[test]
fn header_errors() {
    expect_errors("", None, &[(1, "berkas kosong")]);
    expect_errors(
        "unit,iku,month\nKPKNL,1a,2025-10\n",
        None,
        &[(1, "kepala kolom")],
    );
    expect_errors(
        "unit,iku,month,realisasi,note\n",
        None,
        &[(1, "unit,iku,month,realisasi,note")],
    );
    expect_errors("unit,iku,iku,realisasi\n", None, &[(1, "kepala kolom")]);
    expect_errors("unit|iku|month|realisasi\n", None, &[(1, "kepala kolom")]);
}

#[test]
fn errors_display_with_the_line() {
    let es = parse("unit,iku,month,realisasi\n\n\nNOPE,1a,2025-10,1\n", None).unwrap_err();
    assert_eq!(
        es[0].to_string(),
        "baris 4: Unit \"NOPE\" tidak ada di PK 2025."
    );
}

#[test]
fn header_only_is_an_empty_sheet() {
    assert_eq!(parse("unit,iku,month,realisasi\n", None).unwrap(), []);
}
