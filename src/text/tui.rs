//! Sentences of the tui area.

use crate::text::Msg;

// ---- keymap and theme (src/tui/keymap.rs, src/tui/theme.rs) ----

pub const KEYMAP_TOO_LARGE: Msg = msg!(
    "berkas keymap lebih besar dari {max} KiB; keymap yang wajar jauh lebih kecil",
    "the keymap file is larger than {max} KiB; a sensible keymap is far smaller"
);
pub const KEYMAP_NOT_REGULAR_FILE: Msg = msg!("bukan berkas biasa", "not a regular file");
pub const KEYMAP_READ_FAILED: Msg =
    msg!("tidak dapat dibaca: {reason}", "cannot be read: {reason}");
pub const KEYMAP_NOT_UTF8: Msg = msg!("bukan teks UTF-8", "is not UTF-8 text");
pub const KEYMAP_NOT_FOUND: Msg = msg!(
    "tidak ada keymap bawaan maupun berkas bernama \"{name}\" (keymap bawaan: {builtins})",
    "there is no built-in keymap or file named \"{name}\" (built-in keymaps: {builtins})"
);
pub const KEYMAP_SYNTAX: Msg = msg!(
    "kesalahan sintaks TOML: {reason}",
    "TOML syntax error: {reason}"
);
pub const KEYMAP_UNKNOWN_MODE: Msg = msg!(
    "bagian [{name}] tidak dikenal; bagian yang ada: {modes}",
    "unknown section [{name}]; the sections are: {modes}"
);
pub const KEYMAP_NOT_A_SECTION: Msg = msg!(
    "\"{name}\" harus berupa bagian mode, misalnya [tree] berisi \"j\" = { action = \"down\", desc = \"Turun\" }",
    "\"{name}\" must be a mode section, e.g. [tree] holding \"j\" = { action = \"down\", desc = \"Down\" }"
);
pub const KEYMAP_BAD_KEY: Msg = msg!(
    "tombol \"{key}\" di [{mode}] tidak dapat dibaca: {reason}",
    "cannot read the key \"{key}\" in [{mode}]: {reason}"
);
pub const KEYMAP_KEY_EMPTY: Msg = msg!("tombol kosong", "the key is empty");
pub const KEYMAP_KEY_UNCLOSED: Msg = msg!(
    "\"<\" tanpa \">\" penutup; untuk tombol < tulis \"<\" saja",
    "\"<\" without a closing \">\"; for the < key write just \"<\""
);
pub const KEYMAP_KEY_SEQUENCE: Msg = msg!(
    "urutan beberapa tombol tidak didukung; tulis satu tombol, misalnya \"g\", \"G\" atau \"<C-r>\"",
    "sequences of several keys are not supported; write one key, e.g. \"g\", \"G\" or \"<C-r>\""
);
pub const KEYMAP_KEY_UNKNOWN_NAME: Msg = msg!(
    "nama tombol <{name}> tidak dikenal; yang ada: {names}",
    "unknown key name <{name}>; the names are: {names}"
);
pub const KEYMAP_KEY_UNKNOWN_MODIFIER: Msg = msg!(
    "pengubah \"{modifier}-\" tidak dikenal; yang ada: C- (Ctrl), A- (Alt), S- (Shift)",
    "unknown modifier \"{modifier}-\"; the modifiers are: C- (Ctrl), A- (Alt), S- (Shift)"
);
pub const KEYMAP_KEY_SHIFT_SYMBOL: Msg = msg!(
    "Shift dengan \"{char}\" tidak dapat dibedakan terminal; tulis karakter hasilnya, misalnya \"?\" atau \"N\"",
    "a terminal cannot tell Shift with \"{char}\"; write the resulting character, e.g. \"?\" or \"N\""
);
pub const KEYMAP_KEY_CONTROL_CHAR: Msg = msg!(
    "karakter kendali tidak dapat diikat; gunakan nama seperti <Tab> atau <Enter>",
    "a control character cannot be bound; use a name such as <Tab> or <Enter>"
);
pub const KEYMAP_UNKNOWN_ACTION: Msg = msg!(
    "aksi \"{action}\" tidak dikenal{suggestion}",
    "unknown action \"{action}\"{suggestion}"
);
pub const KEYMAP_DID_YOU_MEAN: Msg =
    msg!(" (mungkin maksudnya: {names})", " (did you mean: {names})");
pub const KEYMAP_MISSING_ACTION: Msg = msg!(
    "tombol \"{key}\" di [{mode}] tidak punya action, misalnya { action = \"down\", desc = \"Turun\" }",
    "the key \"{key}\" in [{mode}] has no action, e.g. { action = \"down\", desc = \"Down\" }"
);
pub const KEYMAP_BAD_VALUE: Msg = msg!(
    "tombol \"{key}\" di [{mode}] harus berisi tabel seperti { action = \"down\", desc = \"Turun\" } atau nama aksi",
    "the key \"{key}\" in [{mode}] must hold a table such as { action = \"down\", desc = \"Down\" } or an action name"
);
pub const KEYMAP_UNKNOWN_FIELD: Msg = msg!(
    "kolom \"{field}\" pada tombol \"{key}\" tidak dikenal; yang ada: action, desc, desc_en",
    "unknown field \"{field}\" on the key \"{key}\"; the fields are: action, desc, desc_en"
);
pub const KEYMAP_FIELD_NOT_TEXT: Msg = msg!(
    "kolom \"{field}\" pada tombol \"{key}\" harus berupa teks dalam tanda kutip",
    "the field \"{field}\" on the key \"{key}\" must be quoted text"
);
pub const KEYMAP_FIELD_TOO_LONG: Msg = msg!(
    "kolom \"{field}\" pada tombol \"{key}\" terlalu panjang (paling banyak {max} karakter)",
    "the field \"{field}\" on the key \"{key}\" is too long (at most {max} characters)"
);
pub const KEYMAP_CONFLICT: Msg = msg!(
    "tombol \"{key}\" di [{mode}] diikat ke dua aksi: \"{first}\" (baris {first_line}, ditulis \"{first_key}\") dan \"{second}\"",
    "the key \"{key}\" in [{mode}] is bound to two actions: \"{first}\" (line {first_line}, written \"{first_key}\") and \"{second}\""
);
pub const KEYMAP_DUPLICATE: Msg = msg!(
    "tombol \"{key}\" ditulis dua kali di [{mode}] (juga di baris {first_line})",
    "the key \"{key}\" is written twice in [{mode}] (also on line {first_line})"
);

// --- app ---

pub const SAVED: Msg = msg!("Tersimpan", "Saved");
pub const UNDONE: Msg = msg!("Dibatalkan: {iku} {month}", "Undone: {iku} {month}");
pub const REDONE: Msg = msg!("Diulang: {iku} {month}", "Redone: {iku} {month}");
pub const NOTHING_TO_UNDO: Msg = msg!("Tidak ada yang dapat dibatalkan", "Nothing to undo");
pub const NOTHING_TO_REDO: Msg = msg!("Tidak ada yang dapat diulang", "Nothing to redo");
pub const NOT_SAVED: Msg = msg!("Tidak tersimpan: {reason}", "Not saved: {reason}");
pub const SELECT_IKU: Msg = msg!(
    "Pilih IKU untuk membuka grid bulanan",
    "Select an IKU to open its monthly grid"
);
pub const NO_MATCH: Msg = msg!("Tidak ditemukan: {q}", "No match: {q}");
pub const MATCH_N: Msg = msg!("Hasil {i} dari {n}", "Match {i} of {n}");
pub const PERIOD: Msg = msg!("Periode s.d. {month} {year}", "Period to {month} {year}");
pub const TOO_SMALL: Msg = msg!(
    "Terminal terlalu kecil: {w}x{h}, perlu minimal 80x24",
    "Terminal too small: {w}x{h}, needs at least 80x24"
);
pub const PERIOD_SHORT: Msg = msg!("s.d. {month} {year}", "to {month} {year}");
pub const STORE: Msg = msg!("Toko", "Store");
pub const YEAR: Msg = msg!("Tahun", "Year");
pub const RULEBOOK: Msg = msg!("Rulebook", "Rulebook");
pub const USER: Msg = msg!("Pengguna", "User");
pub const TREE_TITLE: Msg = msg!("Unit / SS / IKU", "Units / SS / IKU");
pub const DETAIL_TITLE: Msg = msg!("Rincian", "Detail");
pub const HELP_TITLE: Msg = msg!(
    "Bantuan — tombol ({keymap})  Esc menutup",
    "Help — keys ({keymap})  Esc closes"
);
pub const HELP_MORE: Msg = msg!("↓ PgDn: lanjut", "↓ PgDn: more");
pub const HELP_KEYS: Msg = msg!("Tombol", "Keys");
pub const HELP_LEGEND: Msg = msg!("Tanda", "Marks");
pub const HELP_GLOSSARY: Msg = msg!("Glosarium", "Glossary");
pub const LEGEND_GREEN: Msg = msg!(
    "hijau: capaian / nilai ≥ 100 (aturan)",
    "green: capaian / value ≥ 100 (rulebook)"
);
pub const LEGEND_YELLOW: Msg = msg!("kuning: 80 sampai di bawah 100", "yellow: 80 to below 100");
pub const LEGEND_RED: Msg = msg!("merah: di bawah 80", "red: below 80");
pub const LEGEND_NONE: Msg = msg!(
    "belum dapat dihitung (angka belum lengkap)",
    "not computable yet (numbers incomplete)"
);
pub const LEGEND_ERROR: Msg = msg!("temuan galat (aturan R01–R11)", "a rule finding: error");
pub const LEGEND_WARNING: Msg = msg!("temuan peringatan", "a rule finding: warning");
pub const LEGEND_OPEN: Msg = msg!("unit / SS terbuka", "open unit / SS");
pub const LEGEND_CLOSED: Msg = msg!("unit / SS tertutup", "closed unit / SS");
pub const LEGEND_SELECTED: Msg = msg!("baris terpilih", "the selected row");
pub const LEGEND_HELD: Msg = msg!(
    "terpilih, rincian menyusul setelah jeda",
    "selected, the detail follows after a pause"
);
pub const LEGEND_STAR: Msg = msg!(
    "bulan beku (grid) · sesudah angka: belum lengkap, ada realisasi yang belum diisi",
    "frozen month (grid) · after a number: incomplete, some realisasi is missing"
);
/// The mark after an IKU's K3 points that the quota capped (`domain` §10a); distinct from the
/// completeness mark `*`, so a capped number is never read as an incomplete one.
pub const CAPPED_MARK: &str = "^";
pub const LEGEND_CAPPED: Msg = msg!(
    "sesudah poin IKU (K3): poinnya dibatasi kuota di atas ambang",
    "after an IKU's points (K3): capped by the quota above the threshold"
);
pub const LEGEND_PLUS: Msg = msg!(
    "target diubah addendum, belum diajukan",
    "target changed in the pending addendum"
);
pub const LEGEND_TAG: Msg = msg!(
    "perspektif SS: PK, PL, PI, PP (lihat glosarium)",
    "the SS's perspective: SH, CU, IP, LG (see the glossary)"
);
pub const LEGEND_MORE: Msg = msg!(
    "teks berlanjut: gulir atau buka untuk membaca semua",
    "more text: scroll or open it to read it all"
);
pub const SEARCH_PROMPT: Msg = msg!("Cari: ", "Search: ");
pub const EDIT_PROMPT: Msg = msg!("Realisasi {month}: ", "Realisasi {month}: ");
pub const NKO: Msg = msg!("NKO", "NKO");
pub const PREDIKAT: Msg = msg!("Predikat", "Rating");
pub const LEVEL: Msg = msg!("Level", "Level");
pub const IKU_COUNT: Msg = msg!(
    "Jumlah IKU: {n} (batas {min}–{max})",
    "IKU count: {n} (limits {min}–{max})"
);
pub const IKU_COUNT_NOLIMIT: Msg = msg!("Jumlah IKU: {n}", "IKU count: {n}");
pub const IKU_COUNT_OUT: Msg = msg!("di luar batas", "out of limits");
pub const PERSPECTIVES: Msg = msg!("Perspektif", "Perspectives");
pub const WEIGHT: Msg = msg!("Bobot", "Weight");
pub const VALUE: Msg = msg!("Nilai", "Value");
pub const NILAI_SS: Msg = msg!("Nilai SS", "SS value");
pub const TARGET: Msg = msg!("Target", "Target");
pub const REALISASI: Msg = msg!("Realisasi", "Realisasi");
pub const CAPAIAN: Msg = msg!("Capaian", "Capaian");
pub const CAPAIAN_SD: Msg = msg!("Capaian s.d.", "Capaian to");
pub const K3_TITLE: Msg = msg!(
    "K3 (Kualitas Komitmen Kinerja)",
    "K3 (quality of the performance commitment)"
);
pub const K3_IKU_QUALITY: Msg = msg!("Kualitas IKU", "IKU quality");
pub const K3_TARGET_QUALITY: Msg = msg!("Kualitas target", "Target quality");
pub const K3_INDEX: Msg = msg!("Indeks K3", "K3 index");
pub const K3_NKO_K3: Msg = msg!("NKO K3", "NKO K3");
pub const K3_QUOTA: Msg = msg!(
    "Kuota poin di atas ambang: {used} dari {allowed} terpakai ({share} % × {n} IKU); IKU di atas ambang: {above}; dibatasi (^): {capped}",
    "Quota of points above the threshold: {used} of {allowed} in use ({share} % × {n} IKU); IKU above the threshold: {above}; capped (^): {capped}"
);
pub const K3_QUOTA_NONE_CAPPED: Msg = msg!("tidak ada", "none");
pub const K3_POINTS: Msg = msg!("Poin", "Points");
pub const K3_MULTIPLIER: Msg = msg!("Pengali", "Multiplier");
pub const K3_REASON: Msg = msg!("Alasan", "Reason");
pub const SPARK_TITLE: Msg = msg!(
    "Lintasan (skala sama): T target, R realisasi",
    "Trajectory (one scale): T target, R realisasi"
);
pub const FROZEN_LEGEND: Msg = msg!("* = bulan beku", "* = frozen month");
pub const NOT_COMPUTABLE: Msg = msg!("–", "–");
pub const F_POLARITY: Msg = msg!("Polaritas", "Polarity");
pub const F_CONSOLIDATION: Msg = msg!("Konsolidasi periode", "Period consolidation");
pub const F_REPORTING: Msg = msg!("Periode pelaporan", "Reporting period");
pub const F_UOM: Msg = msg!("Satuan", "Unit of measure");
pub const F_DEFINITION: Msg = msg!("Definisi", "Definition");
pub const F_FORMULA: Msg = msg!("Formula", "Formula");
pub const F_SOURCE: Msg = msg!("Sumber data", "Data source");
pub const F_RESPONSIBLE: Msg = msg!("Penanggung jawab", "Responsible");
pub const F_CASCADE: Msg = msg!("Kaskade dari", "Cascaded from");
pub const F_ROLLUP: Msg = msg!(
    "Realisasi dihitung dari unit anak ({method})",
    "Realisasi rolled up from child units ({method})"
);
/// A mandatory IKU (DOMAIN.md §10a), among the IKU's fields.
pub const F_MANDATORY: Msg = msg!(
    "IKU wajib (ditetapkan kementerian untuk setiap unit)",
    "Mandatory IKU (imposed by the ministry on every unit)"
);
pub const F_VALIDITY: Msg = msg!("Validitas × kendali", "Validity × control");
pub const MODE_TREE: Msg = msg!("POHON", "TREE");
pub const MODE_GRID: Msg = msg!("GRID", "GRID");
pub const MODE_EDIT: Msg = msg!("UBAH", "EDIT");
pub const MODE_SEARCH: Msg = msg!("CARI", "SEARCH");
pub const MODE_HELP: Msg = msg!("BANTUAN", "HELP");
pub const MODE_ADDENDUM: Msg = msg!("ADDENDUM", "ADDENDUM");
pub const UI_STATE_NOT_SAVED: Msg = msg!(
    "Keadaan tampilan tidak tersimpan: {reason}",
    "View state not saved: {reason}"
);
pub const TERMINAL_ERROR: Msg = msg!("Kesalahan terminal: {reason}", "Terminal error: {reason}");
pub const SIGNAL_EXIT: Msg = msg!(
    "Dihentikan oleh sinyal; suntingan yang belum disimpan dibuang",
    "Stopped by a signal; the unsaved edit was discarded"
);

// --- findings (rules::check) ---

pub const FINDINGS_TITLE: Msg = msg!("Temuan ({n})", "Findings ({n})");
pub const FINDINGS_NONE: Msg = msg!("Temuan: tidak ada", "Findings: none");
pub const FINDINGS_MORE: Msg = msg!("… dan {n} temuan lain", "… and {n} more findings");
pub const SEVERITY_ERROR: Msg = msg!("galat", "error");
pub const SEVERITY_WARNING: Msg = msg!("peringatan", "warning");
pub const ADDENDUM_REQUIRED: Msg = msg!("addendum wajib", "addendum required");

// --- addendum mode ---

pub const ADD_STARTED: Msg = msg!(
    "Addendum PK {unit} v{version}: Enter mengubah target, s mengajukan, Esc membuang",
    "Addendum of {unit}'s PK, v{version}: Enter changes a target, s submits, Esc discards"
);
pub const ADD_NO_IKU: Msg = msg!(
    "Unit {unit} belum memiliki IKU; addendum target memerlukan IKU",
    "Unit {unit} has no IKU; a target addendum needs one"
);
pub const ADD_PENDING: Msg = msg!(
    "Target {iku} {month}: {old} → {new} (belum disimpan; {n} perubahan tertunda)",
    "Target {iku} {month}: {old} → {new} (not stored yet; {n} pending changes)"
);
pub const ADD_REVERTED: Msg = msg!(
    "Target {iku} {month} kembali ke {old} ({n} perubahan tertunda)",
    "Target {iku} {month} back to {old} ({n} pending changes)"
);
pub const ADD_ALREADY_EMPTY: Msg = msg!(
    "Target {iku} {month} sudah kosong",
    "The {month} target of {iku} is already empty"
);
pub const ADD_NOTHING: Msg = msg!(
    "Belum ada perubahan target; Enter mengubah target bulan di kursor",
    "No target changed yet; Enter changes the target of the month under the cursor"
);
pub const ADD_REASON_EMPTY: Msg =
    msg!("Alasan addendum wajib diisi", "The addendum needs a reason");
pub const ADD_REFUSED: Msg = msg!(
    "Addendum ditolak: {n} masalah (lihat daftar); perbaiki lalu ajukan lagi",
    "Addendum refused: {n} problems (see the list); fix them and submit again"
);
pub const ADD_SAVED: Msg = msg!(
    "Addendum v{version} tersimpan ({unit}, {n} perubahan)",
    "Addendum v{version} saved ({unit}, {n} changes)"
);
pub const ADD_DISCARDED: Msg = msg!(
    "Addendum dibuang; {n} perubahan tidak disimpan",
    "Addendum discarded; {n} changes not stored"
);
pub const ADD_CLOSED: Msg = msg!("Mode addendum ditutup", "Addendum mode closed");
pub const ADD_CONFIRM_DISCARD: Msg = msg!(
    "Buang {n} perubahan addendum {unit}? (y ya / n tidak) ",
    "Discard {n} addendum changes of {unit}? (y yes / n no) "
);
/// The question of a realisasi far outside its IKU's trajectory (`domain::edit::plausibility`).
pub const IMPLAUSIBLE_CONFIRM: Msg = msg!(
    "Simpan {value}? {why} (y simpan / n perbaiki) ",
    "Store {value}? {why} (y store / n correct it) "
);
pub const IMPLAUSIBLE_HINTS: Msg = msg!(
    "y simpan · n perbaiki nilainya",
    "y store · n correct the value"
);
pub const ADD_CONFIRM_HINTS: Msg = msg!(
    "y buang · n lanjutkan addendum",
    "y discard · n keep the addendum"
);
pub const ADD_REASON_PROMPT: Msg = msg!("Alasan addendum: ", "Reason of the addendum: ");
/// The planning inverse beside the addendum's target editor (DOMAIN.md §10a).
pub const ADD_PLAN_TITLE: Msg = msg!(
    "Rencana K3 {iku} ({rulebook}) · target tahunan dengan nilai ini: {t}",
    "K3 plan {iku} ({rulebook}) · annual target with this value: {t}"
);
pub const ADD_PLAN_FACTS_127: Msg = msg!(
    "T1 (target tahun lalu) {t1} · R1 (realisasi tahun lalu) {r1} · pengali target:",
    "T1 (last year's target) {t1} · R1 (last year's realisasi) {r1} · target multiplier:"
);
pub const ADD_PLAN_FACTS_300: Msg = msg!(
    "nilai referensi tahun lalu {ref} · poin kualitas target:",
    "last year's reference value {ref} · target-quality points:"
);
pub const ADD_PLAN_BEST: Msg = msg!("terbaik", "best");
pub const ADD_PLAN_FIXED: Msg = msg!(
    "tidak bergantung pada target: {v} ({reason})",
    "does not depend on the target: {v} ({reason})"
);
pub const ADD_DATE_PROMPT: Msg = msg!(
    "Tanggal addendum (YYYY-MM-DD, dalam tahun {year}): ",
    "Date of the addendum (YYYY-MM-DD, in {year}): "
);
pub const ADD_DATE_BAD: Msg = msg!(
    "Tanggal \"{date}\" tidak terbaca: tulis YYYY-MM-DD, misalnya 2025-10-15",
    "The date \"{date}\" cannot be read: write YYYY-MM-DD, e.g. 2025-10-15"
);
/// The question before an addendum is stored (the findings it creates are in the pane).
pub const ADD_QUESTION: Msg = msg!(
    "Simpan addendum v{version} {unit} tanggal {date} ({n} perubahan, {created} temuan baru)? (y simpan / n kembali) ",
    "Save addendum v{version} of {unit} dated {date} ({n} changes, {created} new findings)? (y save / n back) "
);
pub const ADD_STALE: Msg = msg!(
    "Data berubah di tempat lain selagi pertanyaan addendum terbuka; periksa lalu ajukan lagi (s)",
    "The data changed elsewhere while the addendum's question was open; check and submit again (s)"
);
pub const ADD_QUESTION_HINTS: Msg = msg!(
    "y simpan · n kembali ke addendum",
    "y save · n back to the addendum"
);
/// The months the addendum leaves frozen (R10), per IKU it changes.
pub const ADD_FROZEN: Msg = msg!(
    "Bulan beku (R10: sudah ada realisasi; targetnya tidak diubah, realisasinya tetap dapat dikoreksi):",
    "Frozen months (R10: they have realisasi; their targets are not changed, their realisasi stay correctable):"
);
pub const ADD_FROZEN_NONE: Msg = msg!(
    "Bulan beku (R10): tidak ada pada IKU yang diubah",
    "Frozen months (R10): none in the IKU changed"
);
pub const ADD_CREATED: Msg = msg!(
    "Addendum ini menimbulkan {n} temuan baru:",
    "This addendum creates {n} new findings:"
);
pub const ADD_CREATED_NONE: Msg = msg!(
    "Addendum ini tidak menimbulkan temuan baru",
    "This addendum creates no new finding"
);
pub const TARGET_PROMPT: Msg = msg!("Target {iku} {month}: ", "Target {iku} {month}: ");
pub const ADD_TITLE: Msg = msg!(
    "Addendum {unit} — PK v{from} → v{to} (belum disimpan)",
    "Addendum {unit} — PK v{from} → v{to} (not stored yet)"
);
pub const ADD_COUNT: Msg = msg!("{n} perubahan tertunda:", "{n} pending changes:");
pub const ADD_PROBLEMS: Msg = msg!(
    "Masalah pada pengajuan terakhir:",
    "Problems with the last submission:"
);
pub const ADD_LEGEND: Msg = msg!(
    "+ = diubah addendum, * = bulan beku (R10)",
    "+ = changed by the addendum, * = frozen month (R10)"
);

pub const MONTHS_ID: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];
pub const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The short name of a month (1..=12) in the process-wide language.
pub fn month_name(m: u8) -> &'static str {
    let names = match crate::text::lang() {
        crate::text::Lang::Id => &MONTHS_ID,
        crate::text::Lang::En => &MONTHS_EN,
    };
    names[(m.clamp(1, 12) - 1) as usize]
}

// ---- the views of a working day (src/tui/app/views.rs) ----

/// Filter words: what `filter-next` shows and `/` takes as a prefix.
pub const FILTER_RED: Msg = msg!("merah", "red");
pub const FILTER_YELLOW: Msg = msg!("kuning", "yellow");
pub const FILTER_FINDINGS: Msg = msg!("temuan", "findings");
pub const FILTER_INCOMPLETE: Msg = msg!("belum", "incomplete");
pub const FILTER_ON: Msg = msg!(
    "Filter {filter}: {n} cocok",
    "Filter {filter}: {n} matching"
);
pub const FILTER_OFF: Msg = msg!("Filter dihapus", "Filter cleared");
pub const FILTER_TITLE: Msg = msg!("filter {filter}: {n}", "filter {filter}: {n}");
pub const FILTER_HINT: Msg = msg!("Enter: filter {filter}", "Enter: filter {filter}");
pub const LIST_TITLE: Msg = msg!(
    "Daftar IKU ({n}) · urut {sort}",
    "IKU list ({n}) · by {sort}"
);
pub const LIST_EMPTY: Msg = msg!(
    "Tidak ada IKU di unit yang tampil",
    "No IKU in the units in view"
);
pub const LIST_SORTED: Msg = msg!("Daftar diurutkan menurut {sort}", "List sorted by {sort}");
pub const SORT_CAPAIAN: Msg = msg!("capaian", "capaian");
pub const SORT_CHANGE: Msg = msg!("perubahan sejak {month}", "change since {month}");
pub const SORT_CODE: Msg = msg!("kode", "code");
pub const COMPARE_ON: Msg = msg!("Perbandingan: {a} dengan {b}", "Comparison: {a} with {b}");
pub const COMPARE_OFF: Msg = msg!("Perbandingan dimatikan", "Comparison off");
pub const COMPARE_NONE: Msg = msg!(
    "Tidak ada periode sebelumnya untuk dibandingkan",
    "There is no earlier period to compare with"
);
/// The comparison line of the detail: "Jun 95,00 → Sep 98,00 (perubahan +3,00)".
pub const COMPARE_LINE: Msg = msg!(
    "{a} {va} → {b} {vb} (perubahan {d})",
    "{a} {va} → {b} {vb} (change {d})"
);
pub const COMPARE_TITLE: Msg = msg!("Perbandingan", "Comparison");
pub const CHANGE_COL: Msg = msg!("Perub.", "Change");
pub const MSG_MORE: Msg = msg!("selengkapnya", "in full");
pub const MSG_TITLE: Msg = msg!("Pesan", "Message");
/// The scroll marks of the detail pane: more below / above, and the key that scrolls.
pub const MORE_BELOW: Msg = msg!("lagi di bawah", "more below");
pub const MORE_ABOVE: Msg = msg!("lagi di atas", "more above");
pub const F_UNIT: Msg = msg!("Unit", "Unit");
pub const SPARK_SCALE: Msg = msg!("skala {lo} – {hi}", "scale {lo} – {hi}");
pub const NO_IKU_BELOW: Msg = msg!(
    "Tidak ada IKU di bawah {node}; grid hanya untuk IKU",
    "There is no IKU under {node}; the grid is for an IKU"
);

// ---- the worklist (src/tui/app/worklist.rs, src/tui/ui/worklist.rs) ----

pub const MODE_WORKLIST: Msg = msg!("DAFTAR KERJA", "WORKLIST");
/// The worklist's title: "Daftar kerja KPKNL-PONTIANAK · Okt 2025 · 1 dari 3 terisi".
pub const WL_TITLE: Msg = msg!(
    "Daftar kerja {scope} · {month} {year} · {count}",
    "Worklist {scope} · {month} {year} · {count}"
);
pub const WL_SCOPE_TREE: Msg = msg!("{unit} + bawahan", "{unit} + below");
pub const WL_COUNT: Msg = msg!("{n} dari {total} terisi", "{n} of {total} filled");
pub const WL_COL_IKU: Msg = msg!("IKU", "IKU");
pub const WL_COL_TARGET: Msg = msg!("Target", "Target");
pub const WL_COL_PREV: Msg = msg!("Sebelumnya", "Previous");
pub const WL_COL_INPUT: Msg = msg!("Realisasi", "Realisasi");
pub const WL_COL_STATE: Msg = msg!("Keadaan", "State");
pub const WL_FILLED: Msg = msg!("terisi", "filled");
pub const WL_EMPTY: Msg = msg!("kosong", "empty");
/// A roll-up IKU's state: how many of the child IKU it takes its value from are filled.
pub const WL_ROLLUP: Msg = msg!("gabungan {n}/{total}", "roll-up {n}/{total}");
pub const WL_NONE: Msg = msg!(
    "Tidak ada IKU {scope} yang melapor pada {month} {year}",
    "No IKU of {scope} reports in {month} {year}"
);
pub const WL_ALL_FILLED: Msg = msg!(
    "Tersimpan · semua IKU {month} terisi ({count})",
    "Saved · every IKU of {month} is filled ({count})"
);
pub const WL_SAVED: Msg = msg!("Tersimpan · {count}", "Saved · {count}");
pub const WL_SHOWS: Msg = msg!("Daftar kerja: {scope}", "Worklist: {scope}");
pub const WL_LEGEND: Msg = msg!(
    "Angka: mulai mengisi · Enter: simpan, ke yang kosong berikutnya · gabungan: nilai dari unit di bawahnya (hanya dibaca)",
    "Digits: start typing · Enter: save, go to the next empty one · roll-up: the value of the units below (read-only)"
);
pub const KEYMAP_NO_QUIT: Msg = msg!(
    "tidak ada tombol untuk keluar (aksi \"quit\") di pohon: keymap ini membuang q dan <C-c> tanpa pengganti; biarkan setidaknya satu tombol berisi action = \"quit\"",
    "no key quits (action \"quit\") from the tree: this keymap unbinds q and <C-c> and binds nothing else to quit; keep at least one key with action = \"quit\""
);
