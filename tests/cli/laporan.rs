//! `kinerja laporan`: the quarterly report of the sample as xlsx (read back with calamine and its
//! charts found in the workbook's parts), as HTML (rendered by headless Chromium to a PNG at A4
//! width) and as PDF (its text extracted by `pdftotext`); every number equal to `report --format
//! json`. The round's parts (state and validator of the period, analysis and evidence per IKU)
//! and the plan's (IS progress, budget absorption) are shown when present and left out when not.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::support::cli_support::{kinerja, me, stderr, stdout, wait_server_gone};

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
    expected.push("Inisiatif Strategis".to_string());
    expected.push("Rincian Anggaran".to_string());
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
    // with the state of the period of each unit
    assert_eq!(
        table.get_value((0, 7)),
        Some(&Data::String("Status periode".into()))
    );
    assert_eq!(table.get_value((1, 7)), Some(&Data::String("diisi".into())));
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
    // a chart per IKU, two in the summary and the budget's; a bar per IS
    let charts = 3 + json["iku"].as_array().unwrap().len();
    assert_eq!(
        count("<svg class=\"chart\""),
        charts,
        "a chart per IKU, two in the summary, one of the budget"
    );
    let is = json["inisiatif"]["items"].as_array().unwrap().len();
    assert_eq!(count("<svg class=\"bar\""), is, "a bar per IS");
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

fn run_ok(store: &Path, args: &[&str]) -> String {
    let o = kinerja(store, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn text_of(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .rows()
        .flat_map(|r| r.iter())
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

/// The text `pdftotext` extracts, or `None` (and a message) when it is not installed.
fn pdf_text(file: &Path) -> Option<String> {
    let o = match Command::new("pdftotext").arg(file).arg("-").output() {
        Ok(o) => o,
        Err(_) => {
            eprintln!("SKIPPED: pdftotext is not installed (.ci/run installs poppler-utils)");
            return None;
        }
    };
    assert!(o.status.success());
    Some(String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn the_cover_says_the_state_of_the_period_and_who_validated_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let html = dir.path().join("l.html");
    let args = |lang: &str| {
        vec![
            "--lang".to_string(),
            lang.to_string(),
            "--unit".into(),
            "KANWIL-KALBAR".into(),
            "--period".into(),
            "TW3".into(),
            "-o".into(),
            html.display().to_string(),
        ]
    };
    let cover = |lang: &str| {
        let a = args(lang);
        laporan(&store, &a.iter().map(String::as_str).collect::<Vec<_>>());
        let h = std::fs::read_to_string(&html).unwrap();
        let end = h.find("</section>").unwrap();
        h[..end].to_string()
    };
    // nothing done in the round yet: entered, not validated
    let c = cover("id");
    assert!(
        c.contains("<tr><td>Status periode</td><td>diisi, September 2025</td></tr>"),
        "{c}"
    );
    assert!(c.contains("<tr><td>Divalidasi oleh</td><td>belum divalidasi</td></tr>"));
    // submitted, then returned with a reason: the reason shows, still not validated
    run_ok(&store, &["submit", "KANWIL-KALBAR", "2025-09"]);
    run_ok(
        &store,
        &[
            "return",
            "KANWIL-KALBAR",
            "2025-09",
            "--reason",
            "Data dukung 1b-CP kurang",
        ],
    );
    let c = cover("id");
    assert!(
        c.contains("dikembalikan, September 2025 — alasan: Data dukung 1b-CP kurang"),
        "{c}"
    );
    assert!(c.contains("belum divalidasi"));
    // submitted again and validated: the validator from the audit trail, with the day
    run_ok(&store, &["submit", "KANWIL-KALBAR", "2025-09"]);
    run_ok(&store, &["validate", "KANWIL-KALBAR", "2025-09"]);
    // the day of the validation as the audit trail has it (local time)
    let log = run_ok(&store, &["log", "--limit", "1"]);
    assert!(log.contains("validate 2025-09"), "{log}");
    let today = log[..10].to_string();
    let c = cover("id");
    assert!(c.contains("divalidasi, September 2025"), "{c}");
    let by = format!(
        "<tr><td>Divalidasi oleh</td><td>{}, {today}</td></tr>",
        me()
    );
    assert!(c.contains(&by), "{c}");
    // closed: still validated by the same person; in English
    run_ok(&store, &["close", "KANWIL-KALBAR", "2025-09"]);
    let c = cover("en");
    assert!(
        c.contains(
            "<tr><td>State of the period</td><td>ditetapkan (closed), September 2025</td></tr>"
        ),
        "{c}"
    );
    assert!(c.contains(&format!(
        "<tr><td>Validated by</td><td>{}, {today}</td></tr>",
        me()
    )));
    // another month of the year was not validated: its report says so
    let o = kinerja(
        &store,
        &[
            "laporan",
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW2",
            "-o",
            html.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    let h = std::fs::read_to_string(&html).unwrap();
    assert!(h.contains("diisi, Juni 2025") && h.contains("belum divalidasi"));

    // the workbook's cover and the PDF's say the same
    let xlsx = dir.path().join("l.xlsx");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let cover = wb.worksheet_range("Laporan Capaian Kinerja").unwrap();
    let cell_text = |r: u32, c: u32| match cover.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("({r}, {c}): {other:?}"),
    };
    assert_eq!(
        (cell_text(11, 0), cell_text(11, 1)),
        ("Status periode".into(), "ditetapkan, September 2025".into())
    );
    assert_eq!(cell_text(12, 1), format!("{}, {today}", me()));
    let pdf = dir.path().join("l.pdf");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    if let Some(text) = pdf_text(&pdf) {
        assert!(text.contains("ditetapkan, September 2025"), "{text}");
        assert!(text.contains(&format!("{}, {today}", me())));
    }
}

/// Sets the analyses and evidence of 1b-CP of KANWIL-KALBAR through the store, as the round's
/// commands do: June (outside TW III), August and September, and a file for September.
fn set_round_of_1b_cp(store: &Path) -> (usize, String) {
    use kinerja::domain::CodeRef;
    use kinerja::domain::round::{Analysis, EvidenceRef, Rencana};
    use kinerja::store::{Actor, Change, Store, StoreApi};
    wait_server_gone(store);
    let s = Store::open(store).unwrap();
    let bytes = b"Berita acara rekonsiliasi piutang September 2025\n".repeat(30);
    let put = StoreApi::put_evidence(&s, 2025, "KANWIL-KALBAR", &bytes).unwrap();
    let iku = CodeRef::new("KANWIL-KALBAR", "1b-CP");
    let analysis = |isu: &str| Analysis {
        isu: isu.into(),
        implikasi: "Capaian triwulan III di bawah target".into(),
        aksi: "Rapat koordinasi dengan KPKNL".into(),
        rencana: Rencana {
            what: "Penagihan intensif kepada debitur besar".into(),
            who: "Kepala Bidang Piutang Negara".into(),
            by: chrono::NaiveDate::from_ymd_opt(2025, 10, 31),
        },
        catatan: String::new(),
    };
    let changes = vec![
        Change::SetAnalysis {
            iku: iku.clone(),
            month: 6,
            analysis: Some(analysis("Isu bulan Juni")),
        },
        Change::SetAnalysis {
            iku: iku.clone(),
            month: 8,
            analysis: Some(analysis("Isu bulan Agustus")),
        },
        Change::SetAnalysis {
            iku: iku.clone(),
            month: 9,
            analysis: Some(analysis("Debitur besar belum membayar angsuran")),
        },
        Change::AddEvidence {
            iku: iku.clone(),
            month: 9,
            evidence: EvidenceRef {
                name: "ba-rekon-september.pdf".into(),
                sha256: put.sha256.clone(),
                size: put.size,
            },
        },
    ];
    s.apply(2025, &changes, &Actor::new("operator-kalbar"), "test")
        .unwrap();
    drop(s);
    (bytes.len(), put.sha256)
}

#[test]
fn each_iku_shows_the_analysis_and_evidence_of_the_period_and_leaves_them_out_when_absent() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    let html = dir.path().join("l.html");
    let make_html = || {
        laporan(
            &store,
            &[
                "--unit",
                "KANWIL-KALBAR",
                "--period",
                "TW3",
                "-o",
                html.to_str().unwrap(),
            ],
        );
        std::fs::read_to_string(&html).unwrap()
    };
    let before = make_html();
    for absent in [
        "Isu utama",
        "Data dukung",
        "Rencana aksi",
        "class=\"analysis\"",
    ] {
        assert!(!before.contains(absent), "no {absent} without a round");
    }
    let (size, sha) = set_round_of_1b_cp(&store);
    let h = make_html();
    // the section of 1b-CP, up to the next IKU's
    let start = h.find("<h4>1b-CP — ").unwrap();
    let end = start + h[start..].find("</section>").unwrap();
    let iku = &h[start..end];
    assert!(iku.contains("<h4>Analisis 2025-09</h4>") && iku.contains("<h4>Analisis 2025-08</h4>"));
    assert!(
        iku.find("Analisis 2025-09") < iku.find("Analisis 2025-08"),
        "newest first"
    );
    assert!(!h.contains("Isu bulan Juni"), "June is not in TW III");
    for text in [
        "Debitur besar belum membayar angsuran",
        "Isu bulan Agustus",
        "<td>Kegiatan yang telah dilaksanakan</td>",
        "Penagihan intensif kepada debitur besar",
        "Kepala Bidang Piutang Negara",
        "2025-10-31",
        "ba-rekon-september.pdf",
        &sha[..12],
    ] {
        assert!(iku.contains(text), "{text} in the IKU's section");
    }
    assert!(
        !iku.contains(&sha[..13]),
        "the SHA-256 is shortened to 12 digits"
    );
    let kb = format!("{},{} KB", size / 1024, (size % 1024) * 10 / 1024);
    assert!(iku.contains(&kb), "the size {kb} in the locale");
    // no other IKU has an analysis
    assert_eq!(h.matches("class=\"analysis\"").count(), 2);

    // the workbook: on the IKU's sheet, the size as a number
    let xlsx = dir.path().join("l.xlsx");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let sheet = wb.worksheet_range("1b-CP").unwrap();
    let texts = text_of(&sheet);
    for t in [
        "Analisis 2025-09",
        "Debitur besar belum membayar angsuran",
        "Data dukung",
        "ba-rekon-september.pdf",
    ] {
        assert!(texts.iter().any(|x| x == t), "{t} on the sheet");
    }
    let (row, _) = sheet
        .cells()
        .find(|(_, _, c)| matches!(c, Data::String(s) if s == "ba-rekon-september.pdf"))
        .map(|(r, c, _)| (r as u32, c as u32))
        .unwrap();
    assert_eq!(cell(&sheet, row, 2), Some(size as f64));
    let other = wb.worksheet_range("1a-CP").unwrap();
    assert!(!text_of(&other).iter().any(|x| x.starts_with("Analisis")));

    let pdf = dir.path().join("l.pdf");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    if let Some(text) = pdf_text(&pdf) {
        for t in [
            "Analisis 2025-09",
            "Debitur besar belum membayar angsuran",
            "ba-rekon-september.pdf",
            &sha[..12],
        ] {
            assert!(text.contains(t), "{t} in the PDF");
        }
    }
}

#[test]
fn the_is_progress_and_budget_absorption_are_the_numbers_of_report_json_with_a_bar_and_a_chart() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(dir.path());
    // one IS falls behind its trajectory
    run_ok(
        &store,
        &[
            "inisiatif",
            "set",
            "KANWIL-KALBAR",
            "IS-03",
            "2025-09",
            "50",
        ],
    );
    let json = report_json(&store, "KANWIL-KALBAR", "2025-09");
    let items = json["inisiatif"]["items"].as_array().unwrap();
    let lines = json["anggaran"]["lines"].as_array().unwrap();
    assert!(items.len() >= 3 && lines.len() >= 4);
    let behind = items.iter().find(|i| i["code"] == "IS-03").unwrap();
    assert_eq!(behind["findings"][0]["code"], "behind");

    let xlsx = dir.path().join("l.xlsx");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let is = wb.worksheet_range("Inisiatif Strategis").unwrap();
    for (k, i) in items.iter().enumerate() {
        let row = 2 + k as u32;
        assert_eq!(
            is.get_value((row, 0)),
            Some(&Data::String(i["code"].as_str().unwrap().into()))
        );
        assert_eq!(cell(&is, row, 5), num(&i["planned"]), "{i}");
        assert_eq!(cell(&is, row, 6), num(&i["realised"]), "{i}");
    }
    let total_row = 2 + items.len() as u32;
    assert_eq!(
        is.get_value((total_row, 4)),
        Some(&Data::String("Rata-rata".into()))
    );
    assert_eq!(cell(&is, total_row, 5), num(&json["inisiatif"]["planned"]));
    assert_eq!(cell(&is, total_row, 6), num(&json["inisiatif"]["realised"]));
    assert!(
        text_of(&is)
            .iter()
            .any(|t| t == "tertinggal: 50,00 % dari rencana 75,00 %"),
        "{:?}",
        text_of(&is)
    );
    let budget = wb.worksheet_range("Rincian Anggaran").unwrap();
    for (k, l) in lines.iter().enumerate() {
        let row = 2 + k as u32;
        for (col, key) in [
            (3, "pagu"),
            (4, "planned"),
            (5, "realisasi"),
            (6, "planned_absorption"),
            (7, "absorption"),
        ] {
            assert_eq!(cell(&budget, row, col), num(&l[key]), "{key} of {l}");
        }
    }
    let total = 2 + lines.len() as u32;
    assert_eq!(
        budget.get_value((total, 0)),
        Some(&Data::String("Jumlah".into()))
    );
    for (col, key) in [(3, "pagu"), (5, "realisasi"), (7, "absorption")] {
        assert_eq!(
            cell(&budget, total, col),
            num(&json["anggaran"][key]),
            "{key}"
        );
    }
    let charted = sheets_with_a_chart(&xlsx);
    assert!(
        charted.iter().any(|s| s == "Rincian Anggaran"),
        "{charted:?}"
    );
    // the IS sheet's bar is a data bar on the realised column
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let bars = (0..zip.len())
        .filter(|&i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            f.name().unwrap().starts_with("xl/worksheets/sheet")
                && f.read_to_string(&mut s).is_ok()
                && s.contains("<dataBar")
        })
        .count();
    assert_eq!(bars, 1, "one sheet with a data bar");

    let html = dir.path().join("l.html");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "-o",
            html.to_str().unwrap(),
        ],
    );
    let h = std::fs::read_to_string(&html).unwrap();
    assert!(h.contains("<h3>Inisiatif Strategis</h3>") && h.contains("<h3>Rincian Anggaran</h3>"));
    assert!(h.contains("tertinggal: 50,00 % dari rencana 75,00 %"));
    let pagu = json["anggaran"]["pagu"].as_str().unwrap();
    let pagu_id = kinerja::interchange::number::format_exact(
        pagu.parse().unwrap(),
        kinerja::interchange::number::Locale::Id,
    );
    assert!(
        h.contains(&format!("<b>{pagu_id}</b>")),
        "the total pagu {pagu_id}"
    );
    assert!(h.contains("aria-label=\"Penyerapan anggaran per baris s.d. periode (%)\""));

    let pdf = dir.path().join("l.pdf");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    if let Some(text) = pdf_text(&pdf) {
        assert!(text.contains("Inisiatif Strategis") && text.contains("Rincian Anggaran"));
        assert!(text.contains(&pagu_id), "the total pagu in the PDF");
        for l in lines {
            let code = l["code"].as_str().unwrap();
            assert!(text.contains(code), "{code} in the PDF");
        }
        assert!(
            text.contains("50,00 / 75,00 %"),
            "the bar's numbers of IS-03"
        );
    }

    // in English, headings in English and numbers in its locale
    let o = kinerja(
        &store,
        &[
            "--lang",
            "en",
            "laporan",
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "-o",
            html.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    let h = std::fs::read_to_string(&html).unwrap();
    assert!(h.contains("<h3>Strategic initiatives</h3>") && h.contains("<h3>Budget</h3>"));
    assert!(h.contains("behind: 50.00 % of 75.00 % planned"));
    let pagu_en = kinerja::interchange::number::format_exact(
        pagu.parse().unwrap(),
        kinerja::interchange::number::Locale::En,
    );
    assert!(h.contains(&format!("<b>{pagu_en}</b>")));
}

#[test]
fn a_store_without_plans_has_no_is_or_budget_section() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/kalbar-2025.json");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    doc.as_object_mut().unwrap().remove("plan");
    let file = dir.path().join("no-plan.json");
    std::fs::write(&file, serde_json::to_string(&doc).unwrap()).unwrap();
    let store = dir.path().join("s");
    run_ok(&store, &["import", file.to_str().unwrap()]);
    let xlsx = dir.path().join("l.xlsx");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    let wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let names = wb.sheet_names();
    assert!(
        !names
            .iter()
            .any(|n| n == "Inisiatif Strategis" || n == "Rincian Anggaran")
    );
    let html = dir.path().join("l.html");
    laporan(
        &store,
        &[
            "--unit",
            "KANWIL-KALBAR",
            "--period",
            "TW3",
            "-o",
            html.to_str().unwrap(),
        ],
    );
    let h = std::fs::read_to_string(&html).unwrap();
    assert!(!h.contains("Inisiatif Strategis") && !h.contains("Rincian Anggaran"));
    let json = report_json(&store, "KANWIL-KALBAR", "2025-09");
    assert!(json["inisiatif"].is_null() && json["anggaran"].is_null());
}
