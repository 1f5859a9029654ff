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
    "Peta Strategi unit {unit}: tautan {from} → {to} menyebut SS {ss} yang bukan milik unit ini (tautan hanya di antara SS satu unit)",
    "Peta Strategi of unit {unit}: link {from} → {to} names SS {ss}, which is not this unit's (links join SS of one unit only)"
);
pub const LINK_ABSENT: Msg = msg!(
    "Peta Strategi unit {unit}: tautan {from} → {to} tidak ada, tidak dapat dihapus",
    "Peta Strategi of unit {unit}: there is no link {from} → {to} to remove"
);
pub const LINK_PRESENT: Msg = msg!(
    "Peta Strategi unit {unit}: tautan {from} → {to} sudah ada",
    "Peta Strategi of unit {unit}: link {from} → {to} is there already"
);
pub const LINK_NO_REASON: Msg = msg!(
    "addendum Peta Strategi memerlukan alasan (--reason)",
    "an addendum of the Peta Strategi needs a reason (--reason)"
);
pub const LINK_BAD_REASON: Msg = msg!("alasan: {why}", "reason: {why}");
pub const LINK_NO_CHANGE: Msg = msg!(
    "addendum Peta Strategi unit {unit} tidak menambah atau menghapus tautan",
    "the addendum of the Peta Strategi of unit {unit} adds and removes no link"
);
pub const LINK_BAD_ARG: Msg = msg!(
    "{arg}: tautan ditulis DARI:KE, mis. SS-3:SS-1 (SS penyebab : SS akibat)",
    "{arg}: a link is written FROM:TO, e.g. SS-3:SS-1 (cause SS : effect SS)"
);
pub const LINK_OTHER_UNIT: Msg = msg!(
    "{arg}: tautan melintasi unit ({other} bukan {unit}); Peta Strategi hanya menautkan SS satu unit",
    "{arg}: the link crosses units ({other} is not {unit}); a Peta Strategi links SS of one unit only"
);
pub const LINK_MIXED: Msg = msg!(
    "--link/--unlink tidak dapat digabung dengan --set/--add-iku/--remove-iku dalam satu addendum; buat dua addendum",
    "--link/--unlink cannot be combined with --set/--add-iku/--remove-iku in one addendum; make two addenda"
);
pub const LINK_SAVED: Msg = msg!(
    "Addendum Peta Strategi unit {unit} tahun {year} disimpan ({date}, alasan: {reason}): {added} tautan ditambah, {removed} dihapus, kini {n} tautan.",
    "Addendum of the Peta Strategi of unit {unit}, year {year}, saved ({date}, reason: {reason}): {added} links added, {removed} removed, {n} links now."
);
pub const LINK_PICK: Msg = msg!(
    "Tautan baru dari {from}: pindahkan kursor ke SS akibat, lalu t atau Enter (Esc batal)",
    "New link from {from}: move the cursor to the effect SS, then t or Enter (Esc cancels)"
);
pub const LINK_PICK_UNLINK: Msg = msg!(
    "Hapus tautan dari {from}: pindahkan kursor ke SS akibat, lalu x atau Enter (Esc batal)",
    "Remove a link from {from}: move the cursor to the effect SS, then x or Enter (Esc cancels)"
);
pub const LINK_PICK_CANCELLED: Msg = msg!("Tautan dibatalkan", "Link cancelled");
pub const LINK_SAME_SS: Msg = msg!(
    "SS {ss} tidak dapat ditautkan ke dirinya sendiri",
    "SS {ss} cannot be linked to itself"
);
pub const LINK_REASON_PROMPT: Msg = msg!(
    "Alasan addendum Peta Strategi ({link}): ",
    "Reason of the Peta Strategi addendum ({link}): "
);
pub const LINK_NO_REASON_TUI: Msg = msg!(
    "addendum Peta Strategi memerlukan alasan",
    "an addendum of the Peta Strategi needs a reason"
);
pub const LINK_WARNING: Msg = msg!("peringatan: {what}", "warning: {what}");
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
pub const IS_PLAN_TITLE: Msg = msg!(
    "Rencana Inisiatif Strategis {is} · unit {unit}",
    "Plan of Inisiatif Strategis {is} · unit {unit}"
);
pub const IS_PLAN_OF: Msg = msg!(
    "{is} ({n} dari {total} IS IKU ini; {key} lagi: IS berikutnya)",
    "{is} ({n} of {total} IS of this IKU; {key} again: the next IS)"
);
pub const IS_PLAN_HINT: Msg = msg!(
    "{next} / {prev}: kolom berikutnya / sebelumnya · {commit}: simpan · {cancel}: batal",
    "{next} / {prev}: next / previous field · {commit}: save · {cancel}: cancel"
);
pub const IS_REPORT_TITLE: Msg = msg!(
    "Laporan Inisiatif Strategis {is} {month} · unit {unit}",
    "Report of Inisiatif Strategis {is} {month} · unit {unit}"
);
pub const IS_F_REALISED: Msg = msg!("Realisasi (%)", "Realised (%)");
pub const IS_F_STATUS: Msg = msg!("Status", "Status");
pub const IS_F_KENDALA: Msg = msg!("Kendala", "Obstacles (kendala)");
pub const IS_F_TINDAK: Msg = msg!("Tindak lanjut", "Follow-up (tindak lanjut)");
pub const IS_F_NAME: Msg = msg!("Nama", "Name");
pub const IS_F_PIC: Msg = msg!("Penanggung jawab", "Person in charge");
pub const IS_F_OUTPUT: Msg = msg!("Output", "Output");
pub const IS_F_OUTCOME: Msg = msg!("Outcome", "Outcome");
pub const IS_F_START: Msg = msg!("Bulan mulai (1-12)", "Start month (1-12)");
pub const IS_F_END: Msg = msg!("Bulan selesai (1-12)", "End month (1-12)");
pub const IS_F_PLANNED: Msg = msg!(
    "Trajectory rencana (bulan:%)",
    "Planned trajectory (month:%)"
);
pub const IS_PLAN_EMPTY: Msg = msg!("{field} tidak boleh kosong", "{field} cannot be empty");
pub const IS_PLAN_TEXT: Msg = msg!("{field}: {why}", "{field}: {why}");
pub const IS_PLAN_MONTH: Msg = msg!(
    "{field}: {text} bukan bulan 1 sampai 12",
    "{field}: {text} is not a month 1 to 12"
);
pub const IS_PLAN_ORDER: Msg = msg!(
    "bulan selesai {end} sebelum bulan mulai {start}",
    "the end month {end} is before the start month {start}"
);
pub const IS_PLAN_POINT: Msg = msg!(
    "trajectory: {text} bukan bulan:% (mis. 3:25 6:50 12:100)",
    "trajectory: {text} is not month:% (e.g. 3:25 6:50 12:100)"
);
pub const IS_PLAN_POINT_PCT: Msg = msg!(
    "trajectory: {text}: persentase 0 sampai 100",
    "trajectory: {text}: a percentage 0 to 100"
);
pub const IS_PLAN_OUTSIDE: Msg = msg!(
    "trajectory: bulan {month} di luar masa {start}-{end}",
    "trajectory: month {month} is outside the period {start}-{end}"
);
pub const IS_PLAN_FALLS: Msg = msg!(
    "trajectory: rencana kumulatif turun di bulan {month}",
    "trajectory: the cumulative plan falls in month {month}"
);
pub const BUDGET_PROMPT: Msg = msg!(
    "Realisasi anggaran {line} bulan {month} (Rp, kosong menghapus): ",
    "Budget realisasi of {line} in {month} (Rp, empty clears): "
);
pub const BUDGET_NONE: Msg = msg!(
    "Unit {unit} belum punya baris Rincian Anggaran.",
    "Unit {unit} has no Rincian Anggaran line yet."
);
pub const BUDGET_BAD_AMOUNT: Msg = msg!(
    "{text} bukan jumlah rupiah: {detail}",
    "{text} is not an amount in rupiah: {detail}"
);
pub const BUDGET_NEGATIVE: Msg = msg!(
    "realisasi anggaran tidak boleh negatif",
    "a budget realisasi cannot be negative"
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

/// Message of a problem of a plan (what `check`, the import and the store say).
pub fn problem(p: &crate::domain::plan::PlanProblem) -> String {
    use crate::domain::plan::PlanProblem;
    match p {
        PlanProblem::LinkUnknownSs { unit, from, to, ss } => {
            LINK_UNKNOWN_SS.fill(&[("unit", unit), ("from", from), ("to", to), ("ss", ss)])
        }
        PlanProblem::LinkDirection { unit, from, to } => {
            LINK_DIRECTION.fill(&[("unit", unit), ("from", from), ("to", to)])
        }
        PlanProblem::LinkCycle { unit, path } => {
            LINK_CYCLE.fill(&[("unit", unit), ("path", &path.join(" → "))])
        }
        PlanProblem::IsUnknownIku { unit, is, iku } => {
            IS_UNKNOWN_IKU.fill(&[("unit", unit), ("is", is), ("iku", iku)])
        }
        PlanProblem::IsBadMonths { unit, is } => IS_BAD_MONTHS.fill(&[("unit", unit), ("is", is)]),
        PlanProblem::LineUnknownLink { unit, line, link } => {
            LINE_UNKNOWN_LINK.fill(&[("unit", unit), ("line", line), ("link", link)])
        }
        PlanProblem::LineBadAmount { unit, line } => {
            LINE_BAD_AMOUNT.fill(&[("unit", unit), ("line", line)])
        }
        PlanProblem::Duplicate { unit, code } => DUPLICATE.fill(&[("unit", unit), ("code", code)]),
    }
}
