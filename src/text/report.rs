//! Sentences and headings of the quarterly report (`kinerja laporan`) and of the realisasi
//! workbooks (`import-realisasi FILE.xlsx`, `export-realisasi --format xlsx`).

use crate::domain::Perspective;
use crate::domain::quarters::Column;
use crate::text::{Lang, Msg};

pub const TITLE: Msg = msg!("Laporan Capaian Kinerja", "Performance Achievement Report");
pub const UNIT: Msg = msg!("Unit", "Unit");
pub const LEVEL: Msg = msg!("Level", "Level");
pub const PERIOD: Msg = msg!("Periode", "Period");
pub const YEAR: Msg = msg!("Tahun", "Year");
pub const RULEBOOK: Msg = msg!("Aturan", "Rulebook");
pub const NKO: Msg = msg!("NKO", "NKO");
pub const PREDIKAT: Msg = msg!("Predikat", "Predikat");
pub const K3_INDEX: Msg = msg!("Indeks K3", "K3 index");
pub const NKO_K3: Msg = msg!("NKO K3", "NKO K3");
pub const MADE: Msg = msg!("Dibuat", "Made");
pub const SIGNATURE: Msg = msg!("Pengesahan", "Approval");
pub const SIGN_NAME: Msg = msg!("Nama", "Name");
pub const SIGN_POSITION: Msg = msg!("Jabatan", "Position");
pub const SIGN_NIP: Msg = msg!("NIP", "NIP");
pub const SIGN_HERE: Msg = msg!("Tanda tangan", "Signature");
pub const SUMMARY: Msg = msg!("Ringkasan", "Summary");
pub const PERSPECTIVES: Msg = msg!("Perspektif", "Perspectives");
pub const PERSPECTIVE: Msg = msg!("Perspektif", "Perspective");
pub const WEIGHT: Msg = msg!("Bobot", "Weight");
pub const VALUE: Msg = msg!("Nilai", "Value");
pub const SS_TITLE: Msg = msg!("Sasaran Strategis", "Strategic objectives");
pub const NAME: Msg = msg!("Nama", "Name");
pub const STATUS: Msg = msg!("Status", "Status");
pub const NKO_BY_MONTH: Msg = msg!("NKO per bulan (s.d.)", "NKO by month (up to)");
pub const PERSPECTIVE_BY_MONTH: Msg = msg!(
    "Nilai perspektif per bulan (s.d.)",
    "Perspective values by month (up to)"
);
pub const MONTH: Msg = msg!("Bulan", "Month");
pub const SUBTREE: Msg = msg!("Unit di bawahnya", "Units below");
pub const CHILD_NKO: Msg = msg!("NKO unit di bawahnya", "NKO of the units below");
pub const IKU_TITLE: Msg = msg!("Indikator Kinerja Utama", "Key performance indicators");
pub const IKU: Msg = msg!("IKU", "IKU");
pub const SS: Msg = msg!("SS", "SS");
pub const UNIT_OF_MEASURE: Msg = msg!("Satuan", "Unit of measure");
pub const POLARITY: Msg = msg!("Polaritas", "Polarity");
pub const CONSOLIDATION: Msg = msg!("Konsolidasi periode", "Period consolidation");
pub const REPORTING: Msg = msg!("Periode pelaporan", "Reporting period");
pub const RESPONSIBLE: Msg = msg!("Penanggung jawab", "Responsible");
pub const TARGET: Msg = msg!("Target", "Target");
pub const REALISASI: Msg = msg!("Realisasi", "Realisasi");
pub const CAPAIAN: Msg = msg!("Capaian (%)", "Capaian (%)");
pub const TARGET_VS_REALISASI: Msg = msg!(
    "Target dan realisasi per bulan pelaporan",
    "Target and realisasi by reporting month"
);
pub const STATUS_AT: Msg = msg!(
    "Status s.d. {period}: capaian {capaian}, {status}",
    "Status up to {period}: capaian {capaian}, {status}"
);
pub const FINDINGS: Msg = msg!("Temuan terbuka", "Open findings");
pub const NO_FINDINGS: Msg = msg!(
    "Tidak ada temuan terbuka pada periode ini.",
    "No open findings at this period."
);
pub const RULE: Msg = msg!("Aturan", "Rule");
pub const SEVERITY: Msg = msg!("Tingkat", "Severity");
pub const MESSAGE: Msg = msg!("Uraian", "Description");
pub const CONTENTS: Msg = msg!("Isi", "Contents");
pub const PAGE: Msg = msg!("Halaman {n}", "Page {n}");
pub const NONE: Msg = msg!("–", "–");
pub const STATUS_GREEN: Msg = msg!("hijau (≥ 100)", "green (≥ 100)");
pub const STATUS_YELLOW: Msg = msg!("kuning (80–100)", "yellow (80–100)");
pub const STATUS_RED: Msg = msg!("merah (< 80)", "red (< 80)");
pub const NOT_COMPUTABLE: Msg = msg!("tidak dapat dihitung", "not computable");
pub const SEVERITY_ERROR: Msg = msg!("galat", "error");
pub const SEVERITY_WARNING: Msg = msg!("peringatan", "warning");

// the month-end round on the cover and per IKU (DOMAIN.md §11)
pub const PERIOD_STATE: Msg = msg!("Status periode", "State of the period");
pub const PERIOD_STATE_OF: Msg = msg!("{state}, {month} {year}", "{state}, {month} {year}");
pub const STATE_REASON: Msg = msg!("{state} — alasan: {reason}", "{state} — reason: {reason}");
pub const VALIDATED_BY: Msg = msg!("Divalidasi oleh", "Validated by");
pub const VALIDATED_BY_ON: Msg = msg!("{user}, {date}", "{user}, {date}");
pub const NOT_VALIDATED: Msg = msg!("belum divalidasi", "not validated yet");
pub const VALIDATOR_UNRECORDED: Msg = msg!(
    "divalidasi; validator tidak tercatat di jejak audit",
    "validated; the validator is not in the audit trail"
);
pub const ANALYSIS: Msg = msg!("Analisis {month}", "Analysis {month}");
pub const ISU: Msg = msg!("Isu utama", "Main issue");
pub const IMPLIKASI: Msg = msg!("Implikasi", "Implication");
pub const AKSI: Msg = msg!("Kegiatan yang telah dilaksanakan", "Actions taken");
pub const RENCANA: Msg = msg!("Rencana aksi", "Action plan");
pub const RENCANA_WHO: Msg = msg!("Penanggung jawab rencana", "Person responsible");
pub const RENCANA_BY: Msg = msg!("Batas waktu", "By when");
pub const CATATAN: Msg = msg!("Catatan", "Notes");
pub const EVIDENCE: Msg = msg!("Data dukung", "Evidence");
pub const FILE: Msg = msg!("Berkas", "File");
pub const SIZE: Msg = msg!("Ukuran", "Size");
pub const SHA256: Msg = msg!("SHA-256", "SHA-256");

// the rest of the PK (DOMAIN.md §12)
pub const IS_TITLE: Msg = msg!("Inisiatif Strategis", "Strategic initiatives");
pub const IS_SHEET_OF: Msg = msg!("IS {unit}", "IS {unit}");
pub const IS_CODE: Msg = msg!("IS", "IS");
pub const IS_MONTHS: Msg = msg!("Bulan", "Months");
pub const PLANNED_PCT: Msg = msg!("Rencana (%)", "Planned (%)");
pub const REALISED_PCT: Msg = msg!("Realisasi (%)", "Realised (%)");
pub const PROGRESS_BAR: Msg = msg!("Kemajuan", "Progress");
pub const IS_AVERAGE: Msg = msg!(
    "Rata-rata s.d. {period}: rencana {planned} %, realisasi {realised} %",
    "Average up to {period}: planned {planned} %, realised {realised} %"
);
pub const IS_MEAN: Msg = msg!("Rata-rata", "Average");
pub const CSV_IS_PLANNED: Msg = msg!("IS rencana (%)", "IS planned (%)");
pub const CSV_IS_REALISED: Msg = msg!("IS realisasi (%)", "IS realised (%)");
pub const CSV_BUDGET_REALISASI: Msg = msg!("Realisasi anggaran (Rp)", "Budget realisasi (Rp)");
pub const IS_ON_TRACK: Msg = msg!("sesuai rencana", "on track");
pub const IS_BEHIND: Msg = msg!(
    "tertinggal: {realised} % dari rencana {planned} %",
    "behind: {realised} % of {planned} % planned"
);
pub const IS_OVERDUE: Msg = msg!(
    "lewat bulan selesai ({end}) dengan {realised} %",
    "past its end month ({end}) at {realised} %"
);
pub const IS_FINDINGS: Msg = msg!("Temuan", "Findings");
pub const KENDALA: Msg = msg!("Kendala", "Obstacles");
pub const TINDAK_LANJUT: Msg = msg!("Tindak lanjut", "Follow-up");
pub const BUDGET_TITLE: Msg = msg!("Rincian Anggaran", "Budget");
pub const BUDGET_SHEET_OF: Msg = msg!("Anggaran {unit}", "Budget {unit}");
pub const BUDGET_LINE: Msg = msg!("Kode", "Code");
pub const PROGRAM: Msg = msg!("Program", "Programme");
pub const OUTPUT: Msg = msg!("Output", "Output");
pub const PAGU: Msg = msg!("Pagu (Rp)", "Pagu (Rp)");
pub const BUDGET_PLANNED: Msg = msg!("Rencana s.d. periode (Rp)", "Planned to date (Rp)");
pub const BUDGET_REALISASI: Msg = msg!("Realisasi s.d. periode (Rp)", "Realisasi to date (Rp)");
pub const ABSORPTION: Msg = msg!("Penyerapan (%)", "Absorption (%)");
pub const ABSORPTION_PLANNED: Msg = msg!("Rencana penyerapan (%)", "Planned absorption (%)");
pub const BUDGET_TOTAL: Msg = msg!("Jumlah", "Total");
pub const ABSORPTION_CHART: Msg = msg!(
    "Penyerapan anggaran per baris s.d. periode (%)",
    "Budget absorption by line up to the period (%)"
);
pub const REVISED: Msg = msg!("revisi DIPA: {n}", "DIPA revisions: {n}");

// the command
pub const BAD_PERIOD: Msg = msg!(
    "Periode \"{period}\" tidak dikenal: gunakan YYYY-MM (2025-09) atau TW1…TW4.",
    "Unknown period \"{period}\": use YYYY-MM (2025-09) or TW1…TW4."
);
pub const BAD_FORMAT_FOR_FILE: Msg = msg!(
    "Bentuk laporan tidak diketahui dari nama {file}: berikan --format xlsx|pdf|html.",
    "Cannot tell the report format from the name {file}: give --format xlsx|pdf|html."
);
pub const WRITTEN: Msg = msg!(
    "Laporan {unit} s.d. {period} ditulis ke {file} ({units} unit, {iku} IKU).",
    "Report of {unit} up to {period} written to {file} ({units} unit(s), {iku} IKU)."
);
pub const PROGRESS: Msg = msg!("Menyusun laporan", "Building the report");
pub const RENDERING: Msg = msg!("Menulis {format}", "Writing {format}");
pub const TEMPLATE_WRITTEN: Msg = msg!(
    "Templat realisasi ditulis ke {file}: {n} baris.",
    "Realisasi template written to {file}: {n} row(s)."
);

// the realisasi workbook
pub const XLSX_UNREADABLE: Msg = msg!(
    "{file} tidak dapat dibaca sebagai buku kerja Excel (.xlsx): {detail}",
    "{file} cannot be read as an Excel workbook (.xlsx): {detail}"
);
pub const XLSX_NO_SHEET: Msg = msg!(
    "Lembar \"{sheet}\" tidak ada di {file} (yang ada: {sheets}).",
    "There is no sheet \"{sheet}\" in {file} (present: {sheets})."
);
pub const XLSX_EMPTY: Msg = msg!(
    "Buku kerja {file} tidak berisi lembar.",
    "The workbook {file} has no sheet."
);
pub const XLSX_CELL_ERROR: Msg = msg!(
    "sel berisi galat Excel ({error})",
    "the cell holds an Excel error ({error})"
);
pub const XLSX_NOT_A_NUMBER: Msg = msg!(
    "realisasi harus angka, bukan {kind}",
    "realisasi must be a number, not {kind}"
);
pub const XLSX_BAD_MONTH_CELL: Msg = msg!(
    "month harus teks YYYY-MM (format sel Teks), bukan {kind}",
    "month must be text YYYY-MM (cell format Text), not {kind}"
);
pub const XLSX_OUTSIDE: Msg = msg!(
    "sel di luar kolom unit, iku, month, realisasi (kosongkan atau hapus)",
    "a cell outside the columns unit, iku, month, realisasi (empty it or delete it)"
);
pub const SHEET_NEEDS_WORKBOOK: Msg = msg!(
    "--sheet hanya untuk buku kerja .xlsx; {file} bukan buku kerja.",
    "--sheet is for .xlsx workbooks only; {file} is not a workbook."
);
pub const BAD_TEMPLATE_FORMAT: Msg = msg!(
    "Bentuk templat tidak diketahui dari nama {file}: berikan --format xlsx|csv.",
    "Cannot tell the template format from the name {file}: give --format xlsx|csv."
);
pub const TEMPLATE_NOTE: Msg = msg!(
    "{name} — target {target} {uom}",
    "{name} — target {target} {uom}"
);
pub const TEMPLATE_SHEET: Msg = msg!("Realisasi", "Realisasi");
pub const TEMPLATE_NOTES: Msg = msg!("Petunjuk", "Notes");
pub const TEMPLATE_NOTE_LINES: [Msg; 4] = [
    msg!(
        "Isi kolom realisasi; sel kosong menghapus nilai bulan itu.",
        "Fill in the realisasi column; an empty cell clears that month's value."
    ),
    msg!(
        "Jangan ubah kolom unit, iku dan month; baris boleh dihapus.",
        "Do not change the unit, iku and month columns; rows may be deleted."
    ),
    msg!(
        "Impor: kinerja import-realisasi {file}",
        "Import: kinerja import-realisasi {file}"
    ),
    msg!(
        "Kolom nama, target dan satuan hanya keterangan dan tidak diimpor.",
        "The name, target and unit columns are for reading and are not imported."
    ),
];

/// The heading of a column of the quarterly table.
pub fn column(c: Column) -> &'static str {
    column_in(c, crate::text::lang())
}

pub fn column_in(c: Column, lang: Lang) -> &'static str {
    match (c, lang) {
        (Column::Tw1, _) => "TW I",
        (Column::Tw2, _) => "TW II",
        (Column::Semester1, Lang::Id) => "Semester I",
        (Column::Semester1, Lang::En) => "Semester I",
        (Column::Tw3, _) => "TW III",
        (Column::UpToTw3, Lang::Id) => "s.d. TW III",
        (Column::UpToTw3, Lang::En) => "Up to TW III",
        (Column::Tw4, _) => "TW IV",
        (Column::Year, Lang::Id) => "Tahunan",
        (Column::Year, Lang::En) => "Year",
    }
}

/// The perspective's name.
pub fn perspective(p: Perspective) -> &'static str {
    match (p, crate::text::lang()) {
        (Perspective::Stakeholder, Lang::Id) => "Pemangku Kepentingan",
        (Perspective::Customer, Lang::Id) => "Pelanggan",
        (Perspective::InternalProcess, Lang::Id) => "Proses Internal",
        (Perspective::LearningGrowth, Lang::Id) => "Pembelajaran & Pertumbuhan",
        (Perspective::Stakeholder, Lang::En) => "Stakeholder",
        (Perspective::Customer, Lang::En) => "Customer",
        (Perspective::InternalProcess, Lang::En) => "Internal process",
        (Perspective::LearningGrowth, Lang::En) => "Learning & growth",
    }
}

/// A domain word of the Manual IKU in the UI language (polarity, consolidation, reporting period).
pub fn word(spelling: &str) -> &str {
    let id = crate::text::lang() == Lang::Id;
    match spelling {
        "maximize" if id => "maksimal",
        "minimize" if id => "minimal",
        "stabilize" if id => "stabil",
        "sum" if id => "jumlah",
        "average" if id => "rata-rata",
        "last" if id => "posisi terakhir",
        "monthly" if id => "bulanan",
        "quarterly" if id => "triwulanan",
        "semester" if id => "semesteran",
        "annual" if id => "tahunan",
        "maximize" => "maximize",
        "minimize" => "minimize",
        "stabilize" => "stabilize",
        "sum" => "sum",
        "average" => "average",
        "last" => "last value",
        "monthly" => "monthly",
        "quarterly" => "quarterly",
        "semester" => "by semester",
        "annual" => "annual",
        other => other,
    }
}

/// Short month name for chart axes.
pub fn month_short(m: u8) -> &'static str {
    const ID: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let i = usize::from(m.clamp(1, 12) - 1);
    match crate::text::lang() {
        Lang::Id => ID[i],
        Lang::En => EN[i],
    }
}

/// The period as the cover names it: "TW III 2025" at a quarter's end, else "s.d. September 2025".
pub fn period_label(year: i32, month: u8) -> String {
    let quarter = match month {
        3 => Some("TW I"),
        6 => Some("TW II"),
        9 => Some("TW III"),
        12 => Some("TW IV"),
        _ => None,
    };
    match quarter {
        Some(q) => format!("{q} {year}"),
        None => {
            let upto = match crate::text::lang() {
                Lang::Id => "s.d.",
                Lang::En => "up to",
            };
            format!("{upto} {} {year}", crate::text::domain::month_name(month))
        }
    }
}
