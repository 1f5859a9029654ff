//! `kinerja laporan`: the quarterly report of the sample as xlsx (read back with calamine and its
//! charts found in the workbook's parts), as HTML (rendered by headless Chromium to a PNG at A4
//! width) and as PDF (its text extracted by `pdftotext`); every number equal to `report --format
//! json`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::support::cli_support::{kinerja, stderr, stdout};

fn sample_store(dir: &Path) -> PathBuf {
    let store = dir.join("s");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/kalbar-2025.json");
    let o = kinerja(&store, &["import", fixture]);
    assert!(o.status.success(), "{}", stderr(&o));
    store
}

fn report_json(store: &Path, unit: &str, period: &str) -> Value {
    let o = kinerja(
        store,
        &[
            "report", "--unit", unit, "--period", period, "--format", "json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    v[0].clone()
}

fn laporan(store: &Path, args: &[&str]) {
    let mut all = vec!["laporan"];
    all.extend_from_slice(args);
    let o = kinerja(store, &all);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).is_empty(),
        "quiet when not a terminal: {}",
        stderr(&o)
    );
}

/// A JSON decimal string (or null) as the number a cell must hold.
fn num(v: &Value) -> Option<f64> {
    v.as_str().map(|s| s.parse().unwrap())
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Option<f64> {
    match range.get_value((row, col)) {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        Some(Data::String(s)) if s == "–" => None,
        other => panic!("cell ({row}, {col}) is not a number or –: {other:?}"),
    }
}

/// The parts of the workbook: which sheet has a drawing with a chart.
fn sheets_with_a_chart(path: &Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut read = |name: &str| -> Option<String> {
        let mut f = zip.by_name(name).ok()?;
        let mut s = String::new();
        f.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let workbook = read("xl/workbook.xml").unwrap();
    let rels = read("xl/_rels/workbook.xml.rels").unwrap();
    let attr = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
        Some(tag[start..start + tag[start..].find('"')?].to_string())
    };
    let mut out = Vec::new();
    for tag in workbook.split("<sheet ").skip(1) {
        let sheet = attr(tag, "name").unwrap();
        let rid = attr(tag, "r:id").unwrap();
        let target = rels
            .split("<Relationship ")
            .find(|r| attr(r, "Id").as_deref() == Some(rid.as_str()))
            .and_then(|r| attr(r, "Target"))
            .unwrap();
        let file = target.rsplit('/').next().unwrap().to_string();
        let Some(sheet_rels) = read(&format!("xl/worksheets/_rels/{file}.rels")) else {
            continue;
        };
        let Some(drawing) = sheet_rels
            .split("<Relationship ")
            .filter(|r| r.contains("/drawing\""))
            .find_map(|r| attr(r, "Target"))
        else {
            continue;
        };
        let drawing = drawing.rsplit('/').next().unwrap().to_string();
        let drawing_rels = read(&format!("xl/drawings/_rels/{drawing}.rels")).unwrap_or_default();
        if drawing_rels.contains("/chart\"") {
            out.push(sheet.replace("&amp;", "&"));
        }
    }
    out
}

#[test]
fn the_xlsx_report_holds_the_numbers_of_report_json_as_numbers_and_a_chart_per_iku() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let file = dir.path().join("laporan.xlsx");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    let json = report_json(&store, "KANWIL-KALBAR", "2025-09");
    let mut wb: Xlsx<_> = open_workbook(&file).unwrap();
    let names = wb.sheet_names();
    let iku: Vec<&Value> = json["iku"].as_array().unwrap().iter().collect();
    assert!(iku.len() > 10);
    let mut expected = vec![
        "Laporan Capaian Kinerja".to_string(),
        "Ringkasan".to_string(),
    ];
    expected.extend(iku.iter().map(|i| i["code"].as_str().unwrap().to_string()));
    expected.push("Temuan terbuka".to_string());
    assert_eq!(names, expected);

    let cover = wb.worksheet_range("Laporan Capaian Kinerja").unwrap();
    assert_eq!(cell(&cover, 7, 1), num(&json["nko"]));
    let summary = wb.worksheet_range("Ringkasan").unwrap();
    assert_eq!(cell(&summary, 2, 0), num(&json["nko"]));
    assert_eq!(cell(&summary, 2, 2), num(&json["k3"]["index"]));
    assert_eq!(cell(&summary, 2, 3), num(&json["k3"]["nko_k3"]));
    for (k, p) in json["perspectives"].as_array().unwrap().iter().enumerate() {
        assert_eq!(cell(&summary, 5 + k as u32, 2), num(&p["value"]), "{p}");
        assert_eq!(cell(&summary, 5 + k as u32, 1), num(&p["weight"]), "{p}");
    }

    // the cumulative columns of every IKU are `report` s.d. March, June and September
    let at = |m: &str| report_json(&store, "KANWIL-KALBAR", m);
    let columns = [(1u32, at("2025-03")), (3, at("2025-06")), (5, json.clone())];
    for i in &iku {
        let code = i["code"].as_str().unwrap();
        let sheet = wb.worksheet_range(code).unwrap();
        for (col, j) in &columns {
            let ji = j["iku"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["code"] == i["code"])
                .unwrap();
            assert_eq!(
                cell(&sheet, 2, *col),
                num(&ji["target"]),
                "{code} target col {col}"
            );
            assert_eq!(
                cell(&sheet, 3, *col),
                num(&ji["realisasi"]),
                "{code} realisasi col {col}"
            );
            assert_eq!(
                cell(&sheet, 4, *col),
                num(&ji["capaian"]),
                "{code} capaian col {col}"
            );
        }
        // the numbers s.d. the period beside the facts
        assert_eq!(cell(&sheet, 13, 1), num(&i["target"]), "{code}");
        assert_eq!(cell(&sheet, 15, 1), num(&i["capaian"]), "{code}");
    }
    let charted = sheets_with_a_chart(&file);
    for i in &iku {
        let code = i["code"].as_str().unwrap();
        assert!(
            charted.iter().any(|s| s == code),
            "no chart on {code}: {charted:?}"
        );
    }
    assert!(charted.iter().any(|s| s == "Ringkasan"));
}

#[test]
fn the_subtree_report_has_a_table_and_a_chart_of_the_units_below() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let file = dir.path().join("djkn.xlsx");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "2025-09",
            "--subtree",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    let mut wb: Xlsx<_> = open_workbook(&file).unwrap();
    let names = wb.sheet_names();
    assert!(names.iter().any(|n| n == "Unit di bawahnya"), "{names:?}");
    let table = wb.worksheet_range("Unit di bawahnya").unwrap();
    let o = kinerja(
        &store,
        &["report", "--period", "2025-09", "--format", "json"],
    );
    let all: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let mut row = 1;
    while let Some(Data::String(code)) = table.get_value((row, 0)) {
        let code = code.trim();
        let j = all
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["unit"] == code)
            .unwrap_or_else(|| panic!("{code} is not a unit"));
        assert_eq!(cell(&table, row, 3), num(&j["nko"]), "{code}");
        row += 1;
    }
    assert!(row > 2, "the unit and the units below it are listed");
    assert!(
        sheets_with_a_chart(&file)
            .iter()
            .any(|s| s == "Unit di bawahnya")
    );
    // each unit below has its summary and its IKU sheets
    assert!(
        names.iter().any(|n| n.starts_with("Ringkasan KPKNL-")),
        "{names:?}"
    );
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|p| p.join(name))
                    .find(|p| p.is_file())
            })
        })
}

/// Runs headless Chromium with the flags that keep it off the network and out of the user's
/// profile; kills it if it has not finished after two minutes.
fn run_chromium(bin: &Path, profile: &Path, args: &[&str]) -> std::process::Output {
    let child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let id = child.id();
    let watchdog = std::thread::spawn(move || {
        for _ in 0..1200 {
            std::thread::sleep(std::time::Duration::from_millis(100));
            if std::fs::metadata(format!("/proc/{id}")).is_err() {
                return;
            }
        }
        // SAFETY: kill(2) on the pid of the child this test started
        unsafe { libc::kill(id as i32, libc::SIGKILL) };
    });
    let out = child.wait_with_output().unwrap();
    let _ = watchdog.join();
    out
}

/// Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) into its rows of
/// pixels: (width, height, channels, pixels).
fn decode_png(bytes: &[u8]) -> (usize, usize, usize, Vec<u8>) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let mut at = 8;
    let (mut w, mut h, mut channels) = (0, 0, 0);
    let mut idat = Vec::new();
    while at + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let kind = &bytes[at + 4..at + 8];
        let data = &bytes[at + 8..at + 8 + len];
        match kind {
            b"IHDR" => {
                w = u32::from_be_bytes(data[0..4].try_into().unwrap()) as usize;
                h = u32::from_be_bytes(data[4..8].try_into().unwrap()) as usize;
                assert_eq!(data[8], 8, "8 bits per sample");
                channels = match data[9] {
                    2 => 3,
                    6 => 4,
                    c => panic!("colour type {c}"),
                };
                assert_eq!(data[12], 0, "not interlaced");
            }
            b"IDAT" => idat.extend_from_slice(data),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + len;
    }
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(&idat[..])
        .read_to_end(&mut raw)
        .unwrap();
    let stride = w * channels;
    let mut out = vec![0u8; stride * h];
    for y in 0..h {
        let filter = raw[y * (stride + 1)];
        let line = &raw[y * (stride + 1) + 1..(y + 1) * (stride + 1)];
        for x in 0..stride {
            let a = if x >= channels {
                out[y * stride + x - channels]
            } else {
                0
            };
            let b = if y > 0 { out[(y - 1) * stride + x] } else { 0 };
            let c = if y > 0 && x >= channels {
                out[(y - 1) * stride + x - channels]
            } else {
                0
            };
            let v = match filter {
                0 => line[x],
                1 => line[x].wrapping_add(a),
                2 => line[x].wrapping_add(b),
                3 => line[x].wrapping_add(((a as u16 + b as u16) / 2) as u8),
                4 => {
                    let p = a as i16 + b as i16 - c as i16;
                    let (pa, pb, pc) = (
                        (p - a as i16).abs(),
                        (p - b as i16).abs(),
                        (p - c as i16).abs(),
                    );
                    let pred = if pa <= pb && pa <= pc {
                        a
                    } else if pb <= pc {
                        b
                    } else {
                        c
                    };
                    line[x].wrapping_add(pred)
                }
                f => panic!("filter {f}"),
            };
            out[y * stride + x] = v;
        }
    }
    (w, h, channels, out)
}

/// The share of pixels that are not (nearly) white.
fn inked(w: usize, h: usize, channels: usize, pixels: &[u8]) -> f64 {
    let ink = (0..w * h)
        .filter(|p| {
            pixels[p * channels..p * channels + 3]
                .iter()
                .any(|&c| c < 200)
        })
        .count();
    ink as f64 / (w * h) as f64
}

#[test]
fn the_html_report_is_self_contained_and_renders_its_svg_charts_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let file = dir.path().join("laporan.html");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    let html = std::fs::read_to_string(&file).unwrap();
    for outside in ["<script", "<link", " src=", "href=", "url(", "@import"] {
        assert!(
            !html.contains(outside),
            "the page fetches nothing: {outside}"
        );
    }
    assert!(html.contains("@page { size: A4"));
    let json = report_json(&store, "KANWIL-KALBAR", "2025-09");
    assert!(html.contains("102,79") && json["nko"] == "102.79");
    let Some(bin) = chromium() else {
        eprintln!(
            "SKIPPED: chromium is not installed (.ci/run installs it); the HTML was not rendered"
        );
        return;
    };
    let profile = tempfile::tempdir().unwrap();
    let png = dir.path().join("laporan-1.png");
    let url = format!("file://{}", file.display());
    let o = run_chromium(
        &bin,
        profile.path(),
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=794,1123",
            &url,
        ],
    );
    assert!(
        png.is_file(),
        "chromium wrote no screenshot: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (w, h, ch, pixels) = decode_png(&std::fs::read(&png).unwrap());
    assert_eq!((w, h), (794, 1123), "A4 width at 96 dpi");
    let ink = inked(w, h, ch, &pixels);
    assert!(ink > 0.01, "the page is not blank: {ink}");
    // the DOM as Chromium parsed it holds the charts as SVG elements
    let o = run_chromium(&bin, profile.path(), &["--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&o.stdout);
    let count = |tag: &str| dom.matches(tag).count();
    let charts = 2 + json["iku"].as_array().unwrap().len();
    assert_eq!(
        count("<svg"),
        charts,
        "a chart per IKU and two in the summary"
    );
    assert!(
        count("<polyline") >= charts - 1,
        "lines of target and realisasi"
    );
    assert!(count("<rect") > 9, "the NKO columns");
    if std::env::var_os("KINERJA_WRITE_README_IMAGE").is_some() {
        let keep = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/laporan-halaman-1.png"
        );
        std::fs::copy(&png, keep).unwrap();
    }
}

#[test]
fn the_pdf_report_names_the_unit_its_nko_and_every_iku() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let file = dir.path().join("laporan.pdf");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "--format",
            "pdf",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let json = report_json(&store, "KANWIL-KALBAR", "2025-09");
    let o = match Command::new("pdftotext").arg(&file).arg("-").output() {
        Ok(o) => o,
        Err(_) => {
            eprintln!("SKIPPED: pdftotext is not installed (.ci/run installs poppler-utils)");
            return;
        }
    };
    assert!(
        o.status.success(),
        "pdftotext: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Kanwil DJKN Kalimantan Barat"));
    let nko = json["nko"].as_str().unwrap().replace('.', ",");
    assert!(
        text.contains(&format!("NKO {nko}")),
        "the NKO {nko} in the locale"
    );
    for i in json["iku"].as_array().unwrap() {
        let code = i["code"].as_str().unwrap();
        assert!(
            text.contains(&format!("{code} — ")),
            "IKU {code} in the PDF"
        );
    }
    assert!(text.contains("Pengesahan") && text.contains("NIP"));
}

#[test]
fn the_report_speaks_english_with_lang_en_and_refuses_what_it_cannot_do() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let file = dir.path().join("report.html");
    laporan(
        &store,
        &[
            "--lang",
            "en",
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "2025-08",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("Performance Achievement Report"));
    assert!(html.contains("Up to TW III") && html.contains("up to August 2025"));
    assert!(!html.contains("Ringkasan"));
    // a directory is not replaced; an unknown period or unit is refused
    let o = kinerja(
        &store,
        &[
            "laporan",
            "--unit",
            "KANWIL-KALBAR",
            "--format",
            "html",
            "-o",
            dir.path().to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bukan berkas biasa"), "{}", stderr(&o));
    let o = kinerja(
        &store,
        &[
            "laporan",
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW5",
            "-o",
            "x.pdf",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("TW1…TW4"));
    let o = kinerja(
        &store,
        &["laporan", "--unit", "NOPE", "-o", file.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let o = kinerja(
        &store,
        &["laporan", "--unit", "KANWIL-KALBAR", "-o", "laporan.txt"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--format xlsx|pdf|html"));
}
