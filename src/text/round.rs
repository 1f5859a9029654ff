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
