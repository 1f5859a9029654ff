//! Sentences of the month-end round in the TUI (DOMAIN.md §11): the keys' prompts, the marks of
//! a month's state, the deadline in the header, the analysis editor and the evidence prompt.

use crate::domain::round::MonthState;
use crate::text::Msg;

pub const MODE_ANALYSIS: Msg = msg!("ANALISIS", "ANALYSIS");

/// The prompt of a return or a reopening.
pub const REASON_PROMPT: Msg = msg!(
    "Alasan {action} {unit} {month}: ",
    "Reason to {action} {unit} {month}: "
);
pub const REASON_EMPTY: Msg = msg!(
    "Tulis alasannya (Esc: batal).",
    "Write the reason (Esc: cancel)."
);
/// The verb of an action in the reason prompt.
pub const RETURN_VERB: Msg = msg!("mengembalikan", "return");
pub const REOPEN_VERB: Msg = msg!("membuka kembali", "reopen");

/// A transition stored: "Diajukan: KPKNL-PONTIANAK Oktober 2025 diisi → diajukan".
pub const DONE: Msg = msg!(
    "{action}: {unit} {month} {year} {old} → {new}",
    "{action}: {unit} {month} {year} {old} → {new}"
);
/// Another user's transition, live.
pub const REMOTE_DONE: Msg = msg!(
    "{user}: {unit} {month} {old} → {new}",
    "{user}: {unit} {month} {old} → {new}"
);
pub const WITH_REASON: Msg = msg!(" · Alasan: {reason}", " · Reason: {reason}");
pub const NOT_SAVED: Msg = msg!("Tidak tersimpan: {reason}", "Not saved: {reason}");

/// The state of the worklist's unit in its month (the worklist's header).
pub const WL_STATE: Msg = msg!(
    "Status {unit} {month}: {state}",
    "State of {unit} {month}: {state}"
);
pub const WL_REASON: Msg = msg!("Alasan: {reason}", "Reason: {reason}");
pub const COL_EVIDENCE: Msg = msg!("Dukung", "Evid.");

/// The deadline in the header.
pub const DUE_LEFT: Msg = msg!(
    "Tenggat {stage} {month}: {days} hari lagi",
    "{stage} deadline {month}: {days} days left"
);
pub const DUE_TODAY: Msg = msg!(
    "Tenggat {stage} {month}: hari ini",
    "{stage} deadline {month}: today"
);
pub const DUE_OVER: Msg = msg!(
    "Tenggat {stage} {month}: lewat {days} hari",
    "{stage} deadline {month}: {days} days overdue"
);
pub const DUE_MID_LEFT: Msg = msg!(
    "{stage} {month}: {days} hr lagi",
    "{stage} {month}: {days} d left"
);
pub const DUE_MID_OVER: Msg = msg!(
    "{stage} {month}: lewat {days} hr",
    "{stage} {month}: {days} d overdue"
);
pub const DUE_SHORT_LEFT: Msg = msg!("{days} hr lagi", "{days} d left");
pub const DUE_SHORT_OVER: Msg = msg!("lewat {days} hr", "{days} d overdue");
/// The stage in the header (short).
pub fn stage_short(s: crate::domain::round::Stage) -> &'static str {
    use crate::domain::round::Stage;
    match s {
        Stage::Entry => msg!("pengisian", "entry").s(),
        Stage::Validation => msg!("validasi", "validation").s(),
        Stage::Closing => msg!("penetapan", "closing").s(),
    }
}

/// The legend of the marks of a month's state.
pub const LEGEND_DIAJUKAN: Msg = msg!(
    "bulan dalam tampilan diajukan (menunggu validasi)",
    "the month in view is diajukan (submitted, waiting for validation)"
);
pub const LEGEND_DIVALIDASI: Msg = msg!(
    "bulan dalam tampilan divalidasi (menunggu penetapan)",
    "the month in view is divalidasi (validated, waiting to be closed)"
);
pub const LEGEND_DIKEMBALIKAN: Msg = msg!(
    "bulan dalam tampilan dikembalikan dengan alasan (isi dan ajukan lagi)",
    "the month in view is dikembalikan (returned with a reason: correct and submit again)"
);
pub const LEGEND_DITETAPKAN: Msg = msg!(
    "bulan dalam tampilan ditetapkan (tertutup, tidak dapat diubah)",
    "the month in view is ditetapkan (closed, cannot change)"
);
pub const LEGEND_OVERDUE: Msg = msg!(
    "tenggat di kepala layar sudah lewat",
    "the deadline in the header is overdue"
);

/// The legend of a state.
pub fn legend(s: MonthState) -> Option<Msg> {
    match s {
        MonthState::Diisi => None,
        MonthState::Diajukan => Some(LEGEND_DIAJUKAN),
        MonthState::Divalidasi => Some(LEGEND_DIVALIDASI),
        MonthState::Dikembalikan => Some(LEGEND_DIKEMBALIKAN),
        MonthState::Ditetapkan => Some(LEGEND_DITETAPKAN),
    }
}

/// The analysis editor.
pub const AN_TITLE: Msg = msg!(
    "Analisis {unit}/{iku} {month} {year}",
    "Analysis {unit}/{iku} {month} {year}"
);
pub const AN_ISU: Msg = msg!("Isu (yang terjadi)", "Isu (what happened)");
pub const AN_IMPLIKASI: Msg = msg!("Implikasi", "Implikasi (implication)");
pub const AN_AKSI: Msg = msg!("Aksi (yang sudah dilakukan)", "Aksi (what was done)");
pub const AN_RENCANA: Msg = msg!("Rencana aksi", "Rencana aksi (planned action)");
pub const AN_PIC: Msg = msg!("Penanggung jawab", "Who (PIC)");
pub const AN_BY: Msg = msg!("Batas waktu (TTTT-BB-HH)", "By when (YYYY-MM-DD)");
pub const AN_CATATAN: Msg = msg!("Catatan", "Notes");
pub const AN_HINT: Msg = msg!(
    "Tab/Shift-Tab: kolom · Enter: baris baru · Ctrl-s: simpan · Esc: batal",
    "Tab/Shift-Tab: field · Enter: new line · Ctrl-s: save · Esc: cancel"
);
pub const AN_BAD_DATE: Msg = msg!(
    "Batas waktu \"{text}\" bukan tanggal TTTT-BB-HH (misalnya 2025-11-30).",
    "By when \"{text}\" is not a date YYYY-MM-DD (e.g. 2025-11-30)."
);
pub const AN_ONE_LINE: Msg = msg!("{field}: satu baris saja.", "{field}: one line only.");
pub const AN_SAVED: Msg = msg!(
    "Analisis {iku} {month} tersimpan.",
    "Analysis of {iku} {month} saved."
);
pub const AN_REMOVED: Msg = msg!(
    "Analisis {iku} {month} dihapus.",
    "Analysis of {iku} {month} removed."
);
pub const AN_UNCHANGED: Msg = msg!("Analisis tidak berubah.", "The analysis did not change.");
pub const AN_HEADING: Msg = msg!("Analisis {month}", "Analysis {month}");
pub const AN_NONE: Msg = msg!(
    "Belum ada analisis {month} ({key}: tulis).",
    "No analysis for {month} yet ({key}: write one)."
);
pub const AN_RENCANA_LINE: Msg = msg!("{what} — {who}, {by}", "{what} — {who}, by {by}");
pub const REMOTE_ANALYSIS: Msg = msg!(
    "{user}: analisis {unit}/{iku} {month} diubah",
    "{user}: analysis of {unit}/{iku} {month} changed"
);

/// Evidence.
pub const EV_PROMPT: Msg = msg!(
    "Berkas data dukung {iku} {month}: ",
    "Evidence file for {iku} {month}: "
);
pub const EV_EMPTY: Msg = msg!(
    "Tulis jalur berkasnya (Esc: batal).",
    "Write the file's path (Esc: cancel)."
);
pub const EV_ADDED: Msg = msg!(
    "Data dukung {name} ({size} bita) dilampirkan pada {iku} {month}.",
    "Evidence {name} ({size} bytes) attached to {iku} {month}."
);
pub const EV_NOT_READ: Msg = msg!(
    "Berkas tidak dilampirkan: {reason}",
    "The file was not attached: {reason}"
);
pub const EV_HEADING: Msg = msg!(
    "Data dukung {month}: {n} berkas",
    "Evidence {month}: {n} files"
);
pub const EV_LINE: Msg = msg!(
    "{name} · {size} bita · {sha}",
    "{name} · {size} bytes · {sha}"
);
pub const REMOTE_EVIDENCE: Msg = msg!(
    "{user}: data dukung {unit}/{iku} {month}: {n} berkas",
    "{user}: evidence of {unit}/{iku} {month}: {n} files"
);
pub const SELECT_IKU_MONTH: Msg = msg!(
    "Pilih IKU dan bulannya dahulu (grid atau daftar kerja).",
    "Select an IKU and its month first (the grid or the worklist)."
);

/// What a closed month refuses, in the refusal's sentence.
pub const WHAT_ANALYSIS: Msg = msg!("Analisis", "analysis");
pub const WHAT_EVIDENCE: Msg = msg!("Data dukung", "evidence");

/// The reason of a correction in a submitted month.
pub const CORRECTION_PROMPT: Msg = msg!(
    "Alasan koreksi {iku} {month} → {value}: ",
    "Reason for correcting {iku} {month} → {value}: "
);
