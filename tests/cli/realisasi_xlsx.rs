//! `import-realisasi FILE.xlsx` and `export-realisasi`: a workbook as a spreadsheet program
//! writes it imports (header row, numbers as numbers, text by the CSV rules, an empty cell
//! clears); one bad cell refuses the whole workbook naming `Sheet!Cell`; the template of what is
//! due imports back unchanged.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;

use crate::support::cli_support::{kinerja, stderr, stdout};

fn sample_store(dir: &Path) -> PathBuf {
    let store = dir.join("s");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/kalbar-2025.json");
    let o = kinerja(&store, &["import", fixture]);
    assert!(o.status.success(), "{}", stderr(&o));
    store
}

fn export(store: &Path) -> Value {
    let o = kinerja(store, &["export"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

/// The realisasi of `unit`/`iku` in `month` (1-based) in an exported document.
fn realisasi(doc: &Value, unit: &str, iku: &str, month: usize) -> Value {
    doc["iku"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["unit"] == unit && i["code"] == iku)
        .unwrap_or_else(|| panic!("{unit}/{iku}"))["realisasi"][month - 1]
        .clone()
}

/// Cell values of a test workbook's rows.
enum C {
    T(&'static str),
    N(f64),
    Date(u16, u8, u8),
    Empty,
}

fn workbook(path: &Path, sheet: &str, rows: &[Vec<C>]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    let date = Format::new().set_num_format("mmm-yy");
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match v {
                C::T(s) => {
                    ws.write_string(r, c, *s).unwrap();
                }
                C::N(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                C::Date(y, m, d) => {
                    let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                }
                C::Empty => {}
            }
        }
    }
    wb.save(path).unwrap();
}

fn header() -> Vec<C> {
    vec![C::T("Unit"), C::T("IKU"), C::T("Month"), C::T("Realisasi")]
}

#[test]
fn a_workbook_with_numbers_text_and_an_empty_cell_imports_like_the_csv_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    // a value to clear later
    let o = kinerja(
        &store,
        &["set", "KPKNL-SINGKAWANG", "3b-N", "2025-10", "6,1"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let file = dir.path().join("Realisasi Oktober.xlsx");
    workbook(
        &file,
        "Sheet1",
        &[
            header(),
            vec![
                C::T("KPKNL-PONTIANAK"),
                C::T("1b-CP"),
                C::T("2025-10"),
                C::N(2.04),
            ],
            // a month a spreadsheet turned into a date, a number typed as text in the locale
            vec![
                C::T("KPKNL-PONTIANAK"),
                C::T("2a-CF"),
                C::Date(2025, 10, 1),
                C::T("1.097,9"),
            ],
            vec![C::Empty, C::Empty, C::Empty, C::Empty],
            vec![
                C::T(" KPKNL-SINGKAWANG "),
                C::T("3b-N"),
                C::T("2025-10"),
                C::Empty,
            ],
            vec![
                C::T("KANWIL-KALBAR"),
                C::T("2a-CF"),
                C::T("2025-10"),
                C::N(98.0),
            ],
        ],
    );
    // 1.097,9 against a target of 98 is far outside the trajectory: it needs --force
    let o = kinerja(
        &store,
        &["import-realisasi", file.to_str().unwrap(), "--force"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("4 realisasi"), "{}", stdout(&o));
    let doc = export(&store);
    assert_eq!(realisasi(&doc, "KPKNL-PONTIANAK", "1b-CP", 10), "2.04");
    assert_eq!(realisasi(&doc, "KPKNL-PONTIANAK", "2a-CF", 10), "1097.9");
    assert_eq!(realisasi(&doc, "KPKNL-SINGKAWANG", "3b-N", 10), Value::Null);
    assert_eq!(realisasi(&doc, "KANWIL-KALBAR", "2a-CF", 10), "98");
    let o = kinerja(&store, &["log", "--limit", "1"]);
    assert!(stdout(&o).contains("import-realisasi"), "{}", stdout(&o));
}

#[test]
fn an_implausible_realisasi_in_a_workbook_needs_force_naming_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let before = export(&store);
    let file = dir.path().join("odd.xlsx");
    // 1b-CP's targets are 1.5 … 2.0: -2.04 has the opposite sign, 2040 is a thousand times
    workbook(
        &file,
        "Data",
        &[
            header(),
            vec![
                C::T("KPKNL-PONTIANAK"),
                C::T("1b-CP"),
                C::T("2025-10"),
                C::N(-2.04),
            ],
            vec![
                C::T("KPKNL-PONTIANAK"),
                C::T("2a-CF"),
                C::T("2025-10"),
                C::N(97.0),
            ],
            vec![
                C::T("KPKNL-PONTIANAK"),
                C::T("1b-CP"),
                C::T("2025-11"),
                C::N(2040.0),
            ],
        ],
    );
    let o = kinerja(&store, &["import-realisasi", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains("Data!D2: Realisasi -2,04"), "{err}");
    assert!(err.contains("Data!D4: Realisasi 2040"), "{err}");
    assert!(!err.contains("Data!D3"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(export(&store), before, "nothing was applied");
    let o = kinerja(
        &store,
        &["import-realisasi", file.to_str().unwrap(), "--force"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = export(&store);
    assert_eq!(realisasi(&doc, "KPKNL-PONTIANAK", "1b-CP", 10), "-2.04");
}

#[test]
fn one_bad_cell_refuses_the_whole_workbook_naming_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let before = export(&store);
    let file = dir.path().join("bad.xlsx");
    workbook(
        &file,
        "Data",
        &[
            header(),
            vec![
                C::T("KPKNL-PONTIANAK"),
                C::T("1b-CP"),
                C::T("2025-10"),
                C::N(2.04),
            ],
            vec![
                C::T("KPKNL-PONTIANAK"),
                C::T("2a-CF"),
                C::T("2025-10"),
                C::T("banyak"),
            ],
            vec![
                C::T("KPKNL-PONTIANAK"),
                C::T("9z-X"),
                C::T("2025-10"),
                C::N(1.0),
            ],
        ],
    );
    let o = kinerja(&store, &["import-realisasi", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("Data!D3: realisasi"), "{err}");
    assert!(err.contains("Data!B4: IKU \"9z-X\""), "{err}");
    assert!(
        err.contains("2 kesalahan") && err.contains("tidak ada yang disimpan"),
        "{err}"
    );
    assert_eq!(export(&store), before, "nothing was applied");
    // --sheet picks a sheet by name; an unknown one is named with the sheets there are
    let o = kinerja(
        &store,
        &[
            "import-realisasi",
            file.to_str().unwrap(),
            "--sheet",
            "Lain",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("\"Lain\"") && stderr(&o).contains("Data"),
        "{}",
        stderr(&o)
    );
    // a boolean where a number belongs, in English
    let file = dir.path().join("bool.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["unit", "iku", "month", "realisasi"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "KPKNL-PONTIANAK").unwrap();
    ws.write_string(1, 1, "1b-CP").unwrap();
    ws.write_string(1, 2, "2025-10").unwrap();
    ws.write_boolean(1, 3, true).unwrap();
    wb.save(&file).unwrap();
    let o = kinerja(
        &store,
        &["--lang", "en", "import-realisasi", file.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("Sheet1!D2: realisasi must be a number"),
        "{}",
        stderr(&o)
    );
    assert_eq!(export(&store), before);
}

#[test]
fn the_template_of_what_is_due_imports_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let file = dir.path().join("template.xlsx");
    let o = kinerja(
        &store,
        &[
            "export-realisasi",
            "--unit",
            "KANWIL-KALBAR",
            "--subtree",
            "--period",
            "TW3",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // pre-filled: the four columns, months as text, values already entered as numbers
    let mut wb: Xlsx<_> = open_workbook(&file).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).unwrap();
    let head: Vec<String> = (0..4)
        .map(|c| range.get_value((0, c)).unwrap().to_string())
        .collect();
    assert_eq!(head, ["unit", "iku", "month", "realisasi"]);
    let rows = range.height() - 1;
    assert!(rows > 20, "{rows} rows");
    let before = export(&store);
    let mut numbers = 0;
    for r in 1..=rows as u32 {
        let unit = range.get_value((r, 0)).unwrap().to_string();
        let iku = range.get_value((r, 1)).unwrap().to_string();
        let Some(Data::String(month)) = range.get_value((r, 2)) else {
            panic!("month of row {r} is text");
        };
        let m: usize = month[5..].parse().unwrap();
        assert!((7..=9).contains(&m), "TW III: {month}");
        match range.get_value((r, 3)) {
            Some(Data::Float(f)) => {
                numbers += 1;
                let v: f64 = realisasi(&before, &unit, &iku, m)
                    .as_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert_eq!(*f, v, "{unit}/{iku} {month}");
            }
            Some(Data::Empty) | None => assert_eq!(realisasi(&before, &unit, &iku, m), Value::Null),
            other => panic!("{other:?}"),
        }
    }
    assert!(numbers > 10);
    let o = kinerja(&store, &["import-realisasi", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        export(&store),
        before,
        "the template imports back unchanged"
    );
    // the CSV template too
    let csv = dir.path().join("template.csv");
    let o = kinerja(
        &store,
        &[
            "export-realisasi",
            "--period",
            "2025-09",
            "-o",
            csv.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = kinerja(&store, &["import-realisasi", csv.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(export(&store), before);
}
