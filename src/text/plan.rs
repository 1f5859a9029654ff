//! Sentences of the rest of the PK (DOMAIN.md §12): Peta Strategi, Inisiatif Strategis,
//! Rincian Anggaran.

use crate::text::Msg;

pub const IS_OF: Msg = msg!(
    "Inisiatif Strategis {code} unit {unit}",
    "Inisiatif Strategis {code} of unit {unit}"
);
pub const LINE_OF: Msg = msg!(
    "baris Rincian Anggaran {code} unit {unit}",
    "Rincian Anggaran line {code} of unit {unit}"
);
pub const BAD_MONTH: Msg = msg!(
    "bulan {month} tidak ada (1 s.d. 12)",
    "there is no month {month} (1 to 12)"
);
pub const BAD_VALUE: Msg = msg!(
    "nilai {value} di luar rentang yang boleh",
    "value {value} is outside the allowed range"
);
pub const PAGU_BY_REVISION: Msg = msg!(
    "pagu {code} unit {unit} hanya berubah lewat revisi DIPA (kinerja anggaran revise)",
    "the pagu of {code} of unit {unit} changes only by a DIPA revision (kinerja anggaran revise)"
);
pub const LINK_UNKNOWN_SS: Msg = msg!(
    "Peta Strategi unit {unit}: tautan menyebut SS {ss} yang bukan milik unit ini",
    "Peta Strategi of unit {unit}: a link names SS {ss}, which is not this unit's"
);
pub const LINK_DIRECTION: Msg = msg!(
    "Peta Strategi unit {unit}: tautan {from} → {to} tidak dari perspektif yang lebih rendah ke yang lebih tinggi",
    "Peta Strategi of unit {unit}: link {from} → {to} does not run from a lower perspective to a higher one"
);
pub const LINK_CYCLE: Msg = msg!(
    "Peta Strategi unit {unit}: tautan membentuk siklus {path}",
    "Peta Strategi of unit {unit}: the links make a cycle {path}"
);
pub const IS_UNKNOWN_IKU: Msg = msg!(
    "Inisiatif Strategis {is} unit {unit} melayani IKU {iku} yang bukan milik unit ini",
    "Inisiatif Strategis {is} of unit {unit} serves IKU {iku}, which is not this unit's"
);
pub const IS_BAD_MONTHS: Msg = msg!(
    "Inisiatif Strategis {is} unit {unit}: bulan mulai/selesai atau persentase di luar rentang (bulan 1–12, 0–100 %)",
    "Inisiatif Strategis {is} of unit {unit}: start/end month or a percentage out of range (months 1–12, 0–100 %)"
);
pub const LINE_UNKNOWN_LINK: Msg = msg!(
    "Rincian Anggaran {line} unit {unit} ditautkan ke {link}, bukan SS maupun Inisiatif Strategis unit ini",
    "Rincian Anggaran line {line} of unit {unit} is linked to {link}, neither an SS nor an Inisiatif Strategis of this unit"
);
pub const LINE_BAD_AMOUNT: Msg = msg!(
    "Rincian Anggaran {line} unit {unit}: pagu atau jumlah negatif, atau bulan di luar 1–12",
    "Rincian Anggaran line {line} of unit {unit}: a negative pagu or amount, or a month outside 1–12"
);
pub const DUPLICATE: Msg = msg!(
    "unit {unit}: kode {code} dipakai dua kali (Inisiatif Strategis atau Rincian Anggaran)",
    "unit {unit}: code {code} is used twice (Inisiatif Strategis or Rincian Anggaran)"
);
pub const IS_BEHIND: Msg = msg!(
    "Inisiatif Strategis {is} unit {unit} tertinggal dari trajectory: realisasi {realised} % dari rencana {planned} % s.d. bulan {month}",
    "Inisiatif Strategis {is} of unit {unit} is behind its trajectory: {realised} % realised of {planned} % planned up to month {month}"
);
pub const IS_OVERDUE: Msg = msg!(
    "Inisiatif Strategis {is} unit {unit} melewati bulan selesai {end} dengan realisasi {realised} % (belum 100 %)",
    "Inisiatif Strategis {is} of unit {unit} is past its end month {end} at {realised} % (not 100 %)"
);
pub const SHEET_HEADER: Msg = msg!(
    "Baris judul harus memuat unit, line, month, realisasi (ditemukan: {found})",
    "The header must hold unit, line, month, realisasi (found: {found})"
);
pub const SHEET_UNREADABLE: Msg = msg!("baris tidak terbaca: {error}", "unreadable line: {error}");
pub const SHEET_COLUMNS: Msg = msg!(
    "harus 4 kolom, ada {found}",
    "must have 4 columns, has {found}"
);
pub const SHEET_YEAR: Msg = msg!(
    "tahun {found} bukan tahun {year}",
    "year {found} is not the year {year}"
);
pub const SHEET_MONTH: Msg = msg!(
    "bulan {found} tidak terbaca (YYYY-MM)",
    "month {found} does not read (YYYY-MM)"
);
pub const SHEET_TWICE: Msg = msg!(
    "baris yang sama sudah ada pada baris {first}",
    "the same line and month is already on line {first}"
);
pub const SHEET_LINE: Msg = msg!("baris {line}: {message}", "line {line}: {message}");
pub const SHEET_NOTHING: Msg = msg!(
    "Lembar tidak diimpor: {count} galat, tidak ada yang diubah.",
    "Sheet not imported: {count} error(s), nothing changed."
);
pub const SHEET_DONE: Msg = msg!(
    "{count} realisasi anggaran diimpor.",
    "{count} budget realisasi value(s) imported."
);
pub const NO_PLAN: Msg = msg!(
    "Belum ada Inisiatif Strategis maupun Rincian Anggaran.",
    "No Inisiatif Strategis or Rincian Anggaran yet."
);
pub const IS_HEAD: Msg = msg!(
    "Unit / Kode / Nama / IKU / s.d. bulan {month}: rencana %, realisasi %, status",
    "Unit / Code / Name / IKU / up to month {month}: planned %, realised %, status"
);
pub const LINE_HEAD: Msg = msg!(
    "Unit / Kode / Program / Output / Pagu / s.d. bulan {month}: realisasi, penyerapan % (rencana %)",
    "Unit / Code / Programme / Output / Pagu / up to month {month}: realisasi, absorption % (planned %)"
);
pub const TOTAL: Msg = msg!("Jumlah", "Total");
pub const ON_TRACK: Msg = msg!("sesuai trajectory", "on track");
pub const SAVED: Msg = msg!("Tersimpan: {what}.", "Saved: {what}.");
pub const REVISIONS: Msg = msg!(
    "Riwayat revisi pagu (DIPA):",
    "Pagu revision history (DIPA):"
);
pub const FIELD_PIC: Msg = msg!("Penanggung jawab", "Person in charge");
pub const FIELD_PERIOD: Msg = msg!("Bulan mulai–selesai", "Start–end month");
pub const FIELD_TRAJECTORY: Msg = msg!("Trajectory rencana", "Planned trajectory");
pub const FIELD_REALISED: Msg = msg!("Realisasi", "Realised");
pub const FIELD_KENDALA: Msg = msg!("Kendala", "Kendala (obstacles)");
pub const FIELD_TL: Msg = msg!("Tindak lanjut", "Tindak lanjut (follow-up)");
pub const BAD_DATE: Msg = msg!(
    "tanggal {date} tidak terbaca (YYYY-MM-DD)",
    "date {date} does not read (YYYY-MM-DD)"
);

// ---- the TUI (src/tui/app/peta.rs, src/tui/ui/peta.rs, src/tui/ui/inisiatif.rs) ----

pub const MODE_PETA: Msg = msg!("PETA STRATEGI", "PETA STRATEGI");
pub const PETA_TITLE: Msg = msg!(
    "Peta Strategi · {unit} — {name} · {month} {year}",
    "Peta Strategi · {unit} — {name} · {month} {year}"
);
pub const PETA_NO_SS: Msg = msg!(
    "Unit {unit} belum punya SS: tidak ada Peta Strategi.",
    "Unit {unit} has no SS yet: there is no Peta Strategi."
);
pub const PETA_BAND_EMPTY: Msg = msg!("(tidak ada SS)", "(no SS)");
pub const PETA_HIDDEN: Msg = msg!(
    "{left} SS di kiri, {right} di kanan (← →)",
    "{left} SS to the left, {right} to the right (← →)"
);
pub const PETA_SUPPORTS: Msg = msg!("mendukung", "supports");
pub const PETA_SUPPORTED: Msg = msg!("didukung", "supported by");
pub const PETA_NO_LINKS: Msg = msg!("tanpa tautan", "no links");
pub const LEGEND_PETA_ARROW: Msg = msg!(
    "Peta Strategi: panah tautan sebab → akibat, masuk ke SS yang didukung",
    "Peta Strategi: the arrow of a cause → effect link, into the SS it supports"
);
pub const LEGEND_PETA_PORT: Msg = msg!(
    "Peta Strategi: tautan keluar dari SS pendukung",
    "Peta Strategi: a link leaving the SS that supports"
);
pub const LEGEND_PETA_BEND: Msg = msg!(
    "Peta Strategi (ASCII): belokan atau persimpangan garis tautan",
    "Peta Strategi (ASCII): a bend or junction of link lines"
);
pub const LEGEND_IS: Msg = msg!(
    "sesudah IKU: dilayani Inisiatif Strategis (merah: tertinggal atau lewat waktu)",
    "after an IKU: served by an Inisiatif Strategis (red: behind or overdue)"
);
pub const LEGEND_BAR: Msg = msg!(
    "batang progres IS: terealisasi, kurang dari rencana, sisa",
    "IS progress bar: realised, short of the plan, still to do"
);
pub const IS_TITLE: Msg = msg!(
    "Inisiatif Strategis · s.d. {month}",
    "Inisiatif Strategis · up to {month}"
);
pub const IS_LINE: Msg = msg!(
    "{realised} % dari rencana {planned} %",
    "{realised} % of {planned} % planned"
);
pub const IS_NONE_FOR_IKU: Msg = msg!(
    "IKU {iku} tidak dilayani Inisiatif Strategis.",
    "IKU {iku} is served by no Inisiatif Strategis."
);
pub const IS_PROMPT: Msg = msg!(
    "Progres {is} s.d. {month} (%): ",
    "Progress of {is} up to {month} (%): "
);
pub const IS_BAD_PERCENT: Msg = msg!(
    "\"{text}\" bukan persentase: {detail}",
    "\"{text}\" is not a percentage: {detail}"
);
pub const IS_RANGE: Msg = msg!("harus 0 sampai 100", "must be 0 to 100");
pub const IS_FIND_BEHIND: Msg = msg!(
    "{is} tertinggal: {realised} % dari rencana {planned} %",
    "{is} behind: {realised} % of {planned} % planned"
);
pub const IS_FIND_OVERDUE: Msg = msg!(
    "{is} lewat waktu: selesai bulan {end}, baru {realised} %",
    "{is} overdue: due in month {end}, only {realised} %"
);
pub const SAVED_TUI: Msg = msg!("Tersimpan: {what}", "Saved: {what}");
pub const NOT_SAVED_TUI: Msg = msg!("Tidak tersimpan: {reason}", "Not saved: {reason}");
pub const BUDGET_TITLE: Msg = msg!(
    "Rincian Anggaran · penyerapan s.d. {month}",
    "Rincian Anggaran · absorption up to {month}"
);
pub const BUDGET_LINE: Msg = msg!(
    "pagu {pagu} · realisasi {real} · {pct} % (rencana {plan} %)",
    "pagu {pagu} · realisasi {real} · {pct} % (planned {plan} %)"
);
pub const BUDGET_SPARK: Msg = msg!(
    "penyerapan per bulan Jan–Des",
    "absorption per month Jan–Dec"
);
