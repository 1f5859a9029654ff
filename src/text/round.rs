//! Sentences of the month-end round (DOMAIN.md §11): states, transitions, deadlines, analyses,
//! evidence.

use crate::domain::round::{Action, MonthState, Stage};
use crate::text::Msg;

pub const TRANSITION_DONE: Msg = msg!(
    "{action}: {unit} {month} {old} → {new}.",
    "{action}: {unit} {month} {old} → {new}."
);
pub const TRANSITION_REASON: Msg = msg!("Alasan: {reason}", "Reason: {reason}");
pub const NO_CHANGE: Msg = msg!(
    "{unit} {month}: tidak ada yang berubah.",
    "{unit} {month}: nothing changed."
);
pub const SUBMIT_BLOCKED: Msg = msg!(
    "Pengajuan {unit} {month} ditolak: rulebook {rulebook} mewajibkan ini sebelum pengajuan:",
    "Submitting {unit} {month} is refused: the rulebook {rulebook} requires this before submission:"
);
pub const BAD_REASON: Msg = msg!("--reason: {problem}", "--reason: {problem}");

/// The users' word for an action, in the sentence's language.
pub fn action_word(a: Action) -> &'static str {
    match a {
        Action::Submit => msg!("Diajukan", "Submitted").s(),
        Action::Validate => msg!("Divalidasi", "Validated").s(),
        Action::Return => msg!("Dikembalikan", "Returned").s(),
        Action::Close => msg!("Ditetapkan", "Closed").s(),
        Action::Reopen => msg!("Dibuka kembali", "Reopened").s(),
    }
}

/// A state as shown: the users' word (the same in both languages) with an English gloss.
pub fn state_word(s: MonthState) -> String {
    let gloss = match s {
        MonthState::Diisi => msg!("diisi", "diisi (entered)"),
        MonthState::Diajukan => msg!("diajukan", "diajukan (submitted)"),
        MonthState::Divalidasi => msg!("divalidasi", "divalidasi (validated)"),
        MonthState::Dikembalikan => msg!("dikembalikan", "dikembalikan (returned)"),
        MonthState::Ditetapkan => msg!("ditetapkan", "ditetapkan (closed)"),
    };
    gloss.s().to_string()
}

/// What a stage waits for.
pub fn stage_word(s: Stage) -> &'static str {
    match s {
        Stage::Entry => msg!("pengisian dan pengajuan", "entry and submission").s(),
        Stage::Validation => msg!("validasi", "validation").s(),
        Stage::Closing => msg!("penetapan", "closing").s(),
    }
}

pub const EVIDENCE_TOO_LARGE: Msg = msg!(
    "berkas data dukung {size} bita melebihi batas {max} bita per berkas (rulebook [round] evidence_max_file_bytes)",
    "the evidence file of {size} bytes is over the limit of {max} bytes per file (rulebook [round] evidence_max_file_bytes)"
);
pub const EVIDENCE_STORE_FULL: Msg = msg!(
    "berkas data dukung {size} bita tidak muat: toko data sudah menyimpan {used} dari {max} bita data dukung (rulebook [round] evidence_max_store_bytes)",
    "the evidence file of {size} bytes does not fit: the store holds {used} of {max} bytes of evidence (rulebook [round] evidence_max_store_bytes)"
);

pub const DUE_NONE: Msg = msg!(
    "Tidak ada yang jatuh tempo pada PK {year} per {today}.",
    "Nothing is due in the PK of {year} as of {today}."
);
pub const DUE_HEADER: Msg = msg!(
    "Jatuh tempo PK {year} per {today}: {count} bulan, {overdue} lewat tenggat.",
    "Due in the PK of {year} as of {today}: {count} months, {overdue} overdue."
);
pub const DUE_OVERDUE_DAYS: Msg = msg!("lewat {days} hari", "overdue by {days} days");
pub const DUE_DAYS_LEFT: Msg = msg!("{days} hari lagi", "{days} days left");
pub const DUE_BY: Msg = msg!("tenggat", "by");
pub const DUE_EVERYONE: Msg = msg!(
    "semua (daftar akses kosong)",
    "everyone (the access list is empty)"
);
pub const DUE_NOBODY: Msg = msg!(
    "tidak ada yang memegang peran ini (kinerja access grant)",
    "nobody holds this role (kinerja access grant)"
);

pub const BAD_TEXT_OPTION: Msg = msg!("{option}: {problem}", "{option}: {problem}");
pub const BAD_BATAS: Msg = msg!(
    "--batas \"{date}\" tidak valid: tulis YYYY-MM-DD, misalnya 2025-12-31.",
    "--batas \"{date}\" is not valid: write YYYY-MM-DD, e.g. 2025-12-31."
);
pub const ANALYSIS_NOTHING_GIVEN: Msg = msg!(
    "Sebutkan bagian analisis yang diisi: --isu, --implikasi, --aksi, --rencana, --oleh, --batas, --catatan (hapus semuanya: kinerja analisis clear).",
    "Name the parts of the analysis to set: --isu, --implikasi, --aksi, --rencana, --oleh, --batas, --catatan (to remove it all: kinerja analisis clear)."
);
pub const ANALYSIS_SAVED: Msg = msg!(
    "Analisis {unit} {iku} {month} disimpan:",
    "The analysis of {unit} {iku} {month} is saved:"
);
pub const ANALYSIS_REMOVED: Msg = msg!(
    "Analisis {unit} {iku} {month} dihapus.",
    "The analysis of {unit} {iku} {month} is removed."
);
pub const ANALYSIS_HEAD: Msg = msg!(
    "Analisis {unit} {iku} {month} ({state}):",
    "Analysis of {unit} {iku} {month} ({state}):"
);
pub const ANALYSIS_NONE: Msg = msg!("belum ada analisis", "no analysis yet");
pub const LABEL_ISU: Msg = msg!("Isu", "Issue (isu)");
pub const LABEL_IMPLIKASI: Msg = msg!("Implikasi", "Implication (implikasi)");
pub const LABEL_AKSI: Msg = msg!("Aksi", "Action (aksi)");
pub const LABEL_RENCANA: Msg = msg!("Rencana aksi", "Action plan (rencana aksi)");
pub const LABEL_CATATAN: Msg = msg!("Catatan", "Notes (catatan)");
pub const RENCANA_WHO: Msg = msg!("oleh {who}", "by {who}");
pub const RENCANA_BY: Msg = msg!("batas {date}", "due {date}");
pub const REPORT_ANALYSES: Msg = msg!("Analisis", "Analyses");

pub const EVIDENCE_BAD_NAME: Msg = msg!(
    "Nama berkas data dukung \"{name}\" tidak dapat dipakai: tulis nama berkas biasa (bukan jalur, . atau ..).",
    "The evidence file name \"{name}\" cannot be used: a plain file name is needed (not a path, . or ..)."
);
pub const EVIDENCE_SAME_NAME: Msg = msg!(
    "Dua berkas bernama {name}: satu IKU-bulan memuat satu berkas per nama.",
    "Two files named {name}: an IKU-month holds one file per name."
);
pub const EVIDENCE_NEW: Msg = msg!("disimpan", "stored");
pub const EVIDENCE_DEDUP: Msg = msg!(
    "isi yang sama sudah ada di toko data, disimpan sekali",
    "the same content is in the store already, kept once"
);
pub const EVIDENCE_REPLACED: Msg = msg!(
    "menggantikan berkas bernama sama",
    "replaces the file of the same name"
);
pub const EVIDENCE_LINE: Msg = msg!(
    "{name} ({size} bita, sha256 {sha256}): {how}",
    "{name} ({size} bytes, sha256 {sha256}): {how}"
);
pub const EVIDENCE_ADDED: Msg = msg!(
    "Data dukung {unit} {iku} {month}: {n} berkas dilampirkan.",
    "Evidence of {unit} {iku} {month}: {n} file(s) attached."
);
pub const EVIDENCE_HEAD: Msg = msg!(
    "Data dukung {unit} {iku} {month}: {n} berkas",
    "Evidence of {unit} {iku} {month}: {n} file(s)"
);
pub const EVIDENCE_NOT_ATTACHED: Msg = msg!(
    "{unit} {iku} {month} tidak memiliki data dukung bernama {name} (lihat: kinerja lampiran list).",
    "{unit} {iku} {month} has no evidence file named {name} (see: kinerja lampiran list)."
);
pub const EVIDENCE_NONE: Msg = msg!(
    "{unit} {iku} {month} belum memiliki data dukung.",
    "{unit} {iku} {month} has no evidence files."
);
pub const EVIDENCE_NOT_DIR: Msg = msg!("{dir} bukan direktori.", "{dir} is not a directory.");
pub const EVIDENCE_EXISTS: Msg = msg!(
    "{file} sudah ada; tidak ada yang ditimpa dan tidak ada berkas yang ditulis (pilih direktori lain).",
    "{file} exists; nothing is overwritten and no file was written (choose another directory)."
);
pub const EVIDENCE_NOT_HELD: Msg = msg!(
    "Isi berkas {name} (sha256 {sha256}) tidak ada di toko data (kinerja verify).",
    "The content of {name} (sha256 {sha256}) is not in the store (kinerja verify)."
);
pub const EVIDENCE_WRITTEN: Msg = msg!(
    "{file} ({size} bita, sha256 {sha256})",
    "{file} ({size} bytes, sha256 {sha256})"
);
pub const EVIDENCE_REMOVED: Msg = msg!(
    "Data dukung {unit} {iku} {month} dilepas: {names} (tercatat di jejak audit).",
    "Evidence of {unit} {iku} {month} detached: {names} (in the audit trail)."
);

pub const JSON_BAD_STATE: Msg = msg!(
    "status bulan \"{state}\" tidak dikenal; yang ada: {states}",
    "unknown month state \"{state}\"; the states are: {states}"
);
pub const JSON_BAD_SHA256: Msg = msg!(
    "sha256 harus 64 digit heksadesimal huruf kecil",
    "sha256 must be 64 lower-case hexadecimal digits"
);
pub const JSON_UNKNOWN_IKU: Msg = msg!(
    "IKU {iku} tidak ada di unit {unit} dalam dokumen ini",
    "IKU {iku} is not in unit {unit} in this document"
);
pub const JSON_DUPLICATE: Msg = msg!("{what} muncul dua kali", "{what} appears twice");

pub const BUNDLE_EXISTS: Msg = msg!(
    "{dir} sudah ada: bundel ditulis ke direktori baru (tidak ada yang ditimpa).",
    "{dir} exists: a bundle is written to a new directory (nothing is overwritten)."
);
pub const BUNDLE_STRAY: Msg = msg!(
    "{file} bukan bagian dari bundel (hanya kinerja.json dan evidence/<sha256> berkas yang dirujuk dokumen).",
    "{file} is not part of the bundle (only kinerja.json and evidence/<sha256> of the files the document names)."
);
pub const BUNDLE_MISSING: Msg = msg!(
    "{file} tidak ada: dokumen merujuk data dukung itu.",
    "{file} is missing: the document names that evidence."
);
pub const BUNDLE_TAMPERED: Msg = msg!(
    "{file}: isinya tidak cocok dengan SHA-256 namanya (isinya ber-SHA-256 {found}); tidak ada yang diimpor.",
    "{file}: its bytes do not have the SHA-256 of its name (they hash to {found}); nothing was imported."
);
pub const BUNDLE_NEEDS_DIR: Msg = msg!(
    "--with-evidence menulis bundel (direktori): sebutkan -o DIR.",
    "--with-evidence writes a bundle (a directory): give -o DIR."
);
pub const BUNDLE_WRITTEN: Msg = msg!(
    "Bundel PK {year} ditulis ke {dir}: dokumen dan {n} berkas data dukung.",
    "The bundle of the PK of {year} is written to {dir}: the document and {n} evidence file(s)."
);
