//! Sentences of the command line.

use crate::text::Msg;

pub const BAD_LANG: Msg = msg!(
    "Bahasa \"{lang}\" tidak dikenal: gunakan id atau en.",
    "Unknown language \"{lang}\": use id or en."
);
pub const BAD_LOCALE: Msg = msg!(
    "Format angka \"{locale}\" tidak dikenal: gunakan id (1.234,5) atau en (1,234.5).",
    "Unknown number format \"{locale}\": use id (1.234,5) or en (1,234.5)."
);
pub const STORE_EMPTY: Msg = msg!(
    "Toko data {store} masih kosong. Impor dokumen PK dulu: kinerja --store {store} import FILE.json",
    "The store {store} is empty. Import a PK document first: kinerja --store {store} import FILE.json"
);
pub const SEEDED: Msg = msg!(
    "Toko data baru {store} diisi contoh Kanwil DJKN Kalimantan Barat 2025 (fixtures/kalbar-2025.json). Selama contoh itu belum diubah, `kinerja import` dokumen PK 2025 Anda menggantikannya.",
    "New store {store} was filled with the Kanwil DJKN Kalimantan Barat 2025 sample (fixtures/kalbar-2025.json). While the sample is unchanged, `kinerja import` of your own 2025 PK replaces it."
);
pub const YEAR_NOT_IN_STORE: Msg = msg!(
    "Tahun {year} tidak ada di toko data {store} (yang ada: {years}).",
    "Year {year} is not in the store {store} (present: {years})."
);
pub const UNKNOWN_RULEBOOK: Msg = msg!(
    "Rulebook \"{name}\" tidak dikenal (bawaan: {known}); berikan berkasnya dengan --rules FILE.",
    "Unknown rulebook \"{name}\" (built in: {known}); give its file with --rules FILE."
);
pub const BAD_RULEBOOK: Msg = msg!(
    "Rulebook ditolak: {file}: kunci {key}: {reason}",
    "Rulebook refused: {file}: key {key}: {reason}"
);
pub const CANNOT_READ: Msg = msg!(
    "Tidak dapat membaca {file}: {reason}",
    "Cannot read {file}: {reason}"
);
pub const CANNOT_WRITE: Msg = msg!(
    "Tidak dapat menulis {file}: {reason}",
    "Cannot write {file}: {reason}"
);
pub const IS_A_DIRECTORY: Msg = msg!(
    "{file} adalah direktori, bukan berkas.",
    "{file} is a directory, not a file."
);
pub const FILE_TOO_LARGE: Msg = msg!(
    "{file} terlalu besar (paling besar {max}).",
    "{file} is too large (at most {max})."
);
pub const NOT_UTF8: Msg = msg!(
    "{file} bukan teks UTF-8. Simpan ulang sebagai UTF-8 (CSV UTF-8 di spreadsheet).",
    "{file} is not UTF-8 text. Save it again as UTF-8 (CSV UTF-8 in a spreadsheet)."
);
pub const IO_NOT_FOUND: Msg = msg!(
    "berkas atau direktori tidak ada",
    "no such file or directory"
);
pub const IO_PERMISSION: Msg = msg!("izin ditolak", "permission denied");
pub const IMPORT_REFUSED: Msg = msg!(
    "Impor {file} ditolak: {n} kesalahan, tidak ada yang diimpor.",
    "Import of {file} refused: {n} error(s), nothing was imported."
);
pub const IMPORTED: Msg = msg!(
    "Diimpor ke {store}: tahun {year}, {units} unit, {ss} SS, {iku} IKU.",
    "Imported into {store}: year {year}, {units} units, {ss} SS, {iku} IKU."
);
pub const EXPORTED: Msg = msg!(
    "PK {year} diekspor ke {file}.",
    "PK {year} exported to {file}."
);
pub const BAD_DATE: Msg = msg!(
    "Tanggal \"{date}\" tidak valid: tulis YYYY-MM-DD, misalnya 2025-10-01.",
    "Invalid date \"{date}\": write YYYY-MM-DD, e.g. 2025-10-01."
);
pub const LOG_EMPTY: Msg = msg!("Jejak audit kosong.", "The audit trail is empty.");
pub const SHEET_REFUSED: Msg = msg!(
    "Lembar {file} ditolak: {n} kesalahan, tidak ada yang disimpan.",
    "Sheet {file} refused: {n} error(s), nothing was saved."
);
pub const SHEET_NO_ROWS: Msg = msg!(
    "Lembar {file} tidak berisi baris data.",
    "Sheet {file} has no data rows."
);
pub const SHEET_MANY_YEARS: Msg = msg!(
    "Lembar berisi beberapa tahun ({years}); satu lembar untuk satu tahun. Tidak ada yang disimpan.",
    "The sheet holds several years ({years}); one sheet per year. Nothing was saved."
);
pub const SHEET_APPLIED: Msg = msg!(
    "Tersimpan: {n} realisasi tahun {year} dari {file}.",
    "Saved: {n} realisasi of {year} from {file}."
);
pub const BAD_MONTH: Msg = msg!(
    "Bulan \"{month}\" tidak valid: tulis YYYY-MM, misalnya 2025-10.",
    "Invalid month \"{month}\": write YYYY-MM, e.g. 2025-10."
);
pub const BAD_TODAY: Msg = msg!(
    "Tanggal \"{date}\" (--today / KINERJA_TODAY) tidak valid: tulis YYYY-MM-DD, misalnya 2025-11-14.",
    "Invalid date \"{date}\" (--today / KINERJA_TODAY): write YYYY-MM-DD, e.g. 2025-11-14."
);
pub const PERIOD_YEAR_MISMATCH: Msg = msg!(
    "--period {period} tidak cocok dengan --year.",
    "--period {period} does not match --year."
);
pub const SET_NEEDS_VALUE: Msg = msg!(
    "Berikan nilai realisasi, atau --clear untuk menghapusnya.",
    "Give the realisasi value, or --clear to clear it."
);
/// `set` of an implausible realisasi without `--force` (`domain::edit::plausibility`).
pub const SET_IMPLAUSIBLE: Msg = msg!(
    "{why} Tidak disimpan; jika nilainya benar, ulangi dengan --force.",
    "{why} Not saved; if the value is right, repeat with --force."
);
/// `import-realisasi` of a sheet with implausible realisasi, without `--force`.
pub const SHEET_IMPLAUSIBLE: Msg = msg!(
    "Lembar {file}: {n} realisasi jauh di luar lintasan targetnya; tidak ada yang disimpan. Jika nilainya benar, ulangi dengan --force.",
    "Sheet {file}: {n} realisasi far outside the trajectory of their targets; nothing was saved. If the values are right, repeat with --force."
);
pub const SET_SAVED: Msg = msg!(
    "Tersimpan: realisasi {iku} {month} = {new} (sebelumnya {old}).",
    "Saved: realisasi {iku} {month} = {new} (was {old})."
);
pub const UNKNOWN_UNIT: Msg = msg!(
    "Unit \"{unit}\" tidak ada di PK {year}.",
    "Unit \"{unit}\" is not in the PK of {year}."
);
pub const REPORT_SUMMARY: Msg = msg!(
    "s.d. {period} · rulebook {rulebook} · NKO {nko} · predikat {predikat}",
    "up to {period} · rulebook {rulebook} · NKO {nko} · predikat {predikat}"
);
pub const COL_PERSPECTIVE: Msg = msg!("Perspektif", "Perspective");
pub const COL_WEIGHT: Msg = msg!("Bobot", "Weight");
pub const COL_VALUE: Msg = msg!("Nilai", "Value");
pub const COL_NAME: Msg = msg!("Nama", "Name");
pub const COL_TARGET: Msg = msg!("Target", "Target");
pub const COL_REALISASI: Msg = msg!("Realisasi", "Realisasi");
pub const COL_CAPAIAN: Msg = msg!("Capaian", "Capaian");
pub const COL_STATUS: Msg = msg!("Status", "Status");
pub const CSV_UNIT_NAME: Msg = msg!("Nama unit", "Unit name");
pub const CSV_LEVEL: Msg = msg!("Level", "Level");
pub const CSV_PERIOD: Msg = msg!("Periode", "Period");
pub const CSV_NKO: Msg = msg!("NKO", "NKO");
pub const CSV_SS: Msg = msg!("SS", "SS");
pub const CSV_SS_NAME: Msg = msg!("Nama SS", "SS name");
pub const CSV_IKU: Msg = msg!("IKU", "IKU");
pub const CSV_IKU_NAME: Msg = msg!("Nama IKU", "IKU name");
pub const CSV_COMPLETE: Msg = msg!("Lengkap", "Complete");
pub const CSV_MISSING: Msg = msg!("Belum ada", "Missing");
pub const CSV_YES: Msg = msg!("ya", "yes");
pub const CSV_NO: Msg = msg!("tidak", "no");
pub const SUMMARY_TITLE: Msg = msg!(
    "Toko data {store}: PK {year}, rulebook {rulebook}, {units} unit, {iku} IKU, s.d. {period}.",
    "Store {store}: PK {year}, rulebook {rulebook}, {units} units, {iku} IKU, up to {period}."
);
pub const PROGRESS_READ: Msg = msg!("Membaca {file}", "Reading {file}");
pub const PROGRESS_CHECK: Msg = msg!("Memeriksa dokumen", "Checking the document");
pub const PROGRESS_SAVE: Msg = msg!("Menyimpan ke {store}", "Saving to {store}");
pub const PROGRESS_EXPORT: Msg = msg!("Mengekspor", "Exporting");

// --- judgement ---
// Sentences of `check`, `addendum`, `pk history`, `rules` and the K3 / compare parts of
// `report`; `addendum` also holds the problems of `domain::addendum::prepare` (the TUI shows
// them too).

pub const SEVERITY_ERROR: Msg = msg!("galat", "error");
pub const SEVERITY_WARNING: Msg = msg!("peringatan", "warning");
pub const CHECK_NONE: Msg = msg!(
    "Tidak ada temuan: PK {year} memenuhi aturan rulebook {rulebook}.",
    "No findings: the PK of {year} meets the rules of rulebook {rulebook}."
);
pub const CHECK_SUMMARY: Msg = msg!(
    "{errors} galat, {warnings} peringatan (PK {year}, rulebook {rulebook}).",
    "{errors} error(s), {warnings} warning(s) (PK {year}, rulebook {rulebook})."
);
pub const CHECK_MONTH: Msg = msg!("bulan {month}", "month {month}");

// Problems of a PK addendum (`domain::addendum::prepare`).
pub const ADD_BAD_REASON: Msg = msg!(
    "Alasan addendum ditolak: {why}.",
    "The addendum's reason is refused: {why}."
);
pub const ADD_BAD_TEXT: Msg = msg!(
    "IKU {iku}: kolom \"{field}\" ditolak: {why}.",
    "IKU {iku}: the field \"{field}\" is refused: {why}."
);
pub const ADD_NO_REASON: Msg = msg!(
    "Addendum harus memiliki alasan: isi --reason dengan alasan perubahan PK.",
    "An addendum needs a reason: give the reason for the PK change with --reason."
);
pub const ADD_UNKNOWN_UNIT: Msg = msg!(
    "Unit \"{unit}\" tidak ada di PK {year}.",
    "Unit \"{unit}\" is not in the PK of {year}."
);
pub const ADD_DATE_BEFORE: Msg = msg!(
    "Tanggal addendum {date} lebih awal dari addendum versi {version} ({previous}). Beri tanggal {previous} atau sesudahnya.",
    "The addendum date {date} is before addendum version {version} ({previous}). Give {previous} or a later date."
);
pub const ADD_DATE_YEAR: Msg = msg!(
    "Tanggal addendum {date} di luar tahun PK {year}. Beri tanggal dalam tahun {year}.",
    "The addendum date {date} is outside the PK year {year}. Give a date in {year}."
);
/// A value of an addendum beyond `domain::bounds`.
pub const ADD_OUT_OF_BOUNDS: Msg = msg!("IKU {iku}: {why}", "IKU {iku}: {why}");
/// The findings an addendum creates (`domain::rules::findings_created`), before it is saved.
pub const ADD_FINDINGS: Msg = msg!(
    "Addendum ini menimbulkan {n} temuan baru (kinerja check):",
    "This addendum creates {n} new finding(s) (kinerja check):"
);
pub const ADD_NOTHING: Msg = msg!(
    "Addendum tidak mengubah apa pun: berikan --set, --add-iku atau --remove-iku yang mengubah PK.",
    "The addendum changes nothing: give --set, --add-iku or --remove-iku that change the PK."
);
pub const ADD_UNKNOWN_IKU: Msg = msg!(
    "IKU \"{iku}\" tidak ada di unit {unit}.",
    "IKU \"{iku}\" is not in unit {unit}."
);
pub const ADD_REMOVED_IKU: Msg = msg!(
    "IKU {iku} ({unit}) dihapus oleh addendum ini, targetnya tidak dapat diubah.",
    "IKU {iku} ({unit}) is removed by this addendum; its target cannot be changed."
);
pub const ADD_SET_TWICE: Msg = msg!(
    "Target IKU {iku} bulan {month} diberikan dua kali dengan nilai berbeda ({a} dan {b}).",
    "The target of IKU {iku} in {month} is given twice with different values ({a} and {b})."
);
pub const ADD_OTHER_UNIT: Msg = msg!(
    "IKU baru {iku} milik unit {other}, bukan {unit}; satu addendum untuk satu unit.",
    "The new IKU {iku} belongs to unit {other}, not {unit}; one addendum is for one unit."
);
pub const ADD_EXISTS: Msg = msg!(
    "IKU {iku} sudah ada di unit {unit}; hapus dulu dengan --remove-iku atau gunakan kode lain.",
    "IKU {iku} already exists in unit {unit}; remove it with --remove-iku first or use another code."
);
pub const ADD_TWICE: Msg = msg!(
    "IKU baru {iku} diberikan dua kali.",
    "The new IKU {iku} is given twice."
);
pub const ADD_UNKNOWN_SS: Msg = msg!(
    "IKU baru {iku}: SS {ss} tidak ada di unit {unit}. Addendum tidak membuat SS baru.",
    "New IKU {iku}: SS {ss} is not in unit {unit}. An addendum does not create SS."
);
pub const ADD_UNKNOWN_SOURCE: Msg = msg!(
    "IKU baru {iku}: sumber cascading {source} tidak ada.",
    "New IKU {iku}: the cascade source {source} does not exist."
);
pub const ADD_REMOVE_SOURCE: Msg = msg!(
    "IKU {iku} ({unit}) tidak dapat dihapus: IKU {children} diturunkan darinya. Ubah atau hapus IKU turunan itu dulu.",
    "IKU {iku} ({unit}) cannot be removed: IKU {children} are cascaded from it. Change or remove those first."
);

// `kinerja addendum`
pub const ADD_BAD_SET: Msg = msg!(
    "--set \"{arg}\" tidak dapat dibaca: tulis IKU:BULAN=NILAI, misalnya 1c-N:12=3,4 atau 1c-N:2025-12=3,4 (NILAI kosong menghapus target).",
    "--set \"{arg}\" cannot be read: write IKU:MONTH=VALUE, e.g. 1c-N:12=3.4 or 1c-N:2025-12=3.4 (an empty VALUE clears the target)."
);
pub const ADD_SET_YEAR: Msg = msg!(
    "--set \"{arg}\": bulan {month} bukan tahun PK {year}.",
    "--set \"{arg}\": month {month} is not in the PK year {year}."
);
pub const ADD_SET_NUMBER: Msg = msg!("--set \"{arg}\": {reason}", "--set \"{arg}\": {reason}");
pub const ADD_IKU_FILE: Msg = msg!("{file}: {error}", "{file}: {error}");
pub const ADD_IKU_SHAPE: Msg = msg!(
    "{file}: tulis satu objek IKU, larik objek IKU, atau dokumen kinerja/1 dengan larik \"iku\".",
    "{file}: write one IKU object, an array of IKU objects, or a kinerja/1 document with an \"iku\" array."
);
pub const ADD_REFUSED: Msg = msg!(
    "Addendum PK {unit} ditolak: {n} masalah, PK tidak diubah.",
    "The addendum to the PK of {unit} was refused: {n} problem(s), the PK was not changed."
);
pub const ADD_SAVED: Msg = msg!(
    "Tersimpan: PK {unit} {year} versi {version} ({date}, {reason}), {n} perubahan:",
    "Saved: PK of {unit} {year} version {version} ({date}, {reason}), {n} change(s):"
);

// `kinerja pk history`
pub const PK_TITLE: Msg = msg!(
    "{unit} — {name}: PK {year}, versi terakhir {version}",
    "{unit} — {name}: PK {year}, latest version {version}"
);
pub const PK_VERSION0: Msg = msg!("Versi 0: PK awal", "Version 0: the original PK");
pub const PK_VERSION: Msg = msg!(
    "Versi {version} · {date} · {reason}",
    "Version {version} · {date} · {reason}"
);
pub const PK_ADD_IKU: Msg = msg!("IKU ditambahkan", "IKU added");
pub const PK_REMOVE_IKU: Msg = msg!("IKU dihapus", "IKU removed");
pub const PK_NO_CHANGES: Msg = msg!("(tanpa perubahan)", "(no changes)");

// `kinerja rules`
pub const RULES_DEFAULT: Msg = msg!("bawaan utama", "default");
pub const RULES_SHOW_HINT: Msg = msg!(
    "Tampilkan dengan: kinerja rules show NAMA; pakai berkas lain dengan --rules FILE.",
    "Show one with: kinerja rules show NAME; use another file with --rules FILE."
);

// `kinerja report`: K3 and --compare-rulebook
pub const K3_TITLE: Msg = msg!(
    "K3 (Kualitas Komitmen Kinerja) · rulebook {rulebook}",
    "K3 (quality of the performance commitment) · rulebook {rulebook}"
);
pub const K3_PARTS_POINTS: Msg = msg!(
    "Kualitas IKU {iku_part} (standar {std} poin) · kualitas target {target_part} (standar {tstd} poin) · indeks K3 {index} · NKO K3 {nko_k3}",
    "IKU quality {iku_part} (standard {std} points) · target quality {target_part} (standard {tstd} points) · K3 index {index} · NKO K3 {nko_k3}"
);
pub const K3_PARTS_MULTIPLIER: Msg = msg!(
    "Pengali kualitas IKU {iku_part} · pengali target {target_part} · indeks K3 {index} · NKO K3 {nko_k3}",
    "IKU-quality multiplier {iku_part} · target multiplier {target_part} · K3 index {index} · NKO K3 {nko_k3}"
);
pub const K3_QUOTA: Msg = msg!(
    "Kuota di atas {threshold} poin: {share}% × {n} IKU = {allowed} IKU; {above} IKU di atas {threshold}; dibatasi: {capped}.",
    "Quota above {threshold} points: {share}% × {n} IKU = {allowed} IKU; {above} IKU above {threshold}; capped: {capped}."
);
pub const K3_NO_QUOTA: Msg = msg!(
    "Rulebook tidak menetapkan kuota untuk level unit ini.",
    "The rulebook sets no quota for this unit's level."
);
pub const COL_IKU_POINTS: Msg = msg!("Poin IKU", "IKU points");
pub const COL_IKU_REASON: Msg = msg!("Alasan", "Reason");
pub const COL_TARGET_POINTS: Msg = msg!("Poin target", "Target points");
pub const COL_TARGET_REASON: Msg = msg!("Alasan target", "Target reason");
pub const COL_IKU_MULT: Msg = msg!("Pengali IKU", "IKU multiplier");
pub const COL_TARGET_MULT: Msg = msg!("Pengali target", "Target multiplier");
pub const COL_K3: Msg = msg!("K3", "K3");
pub const LEFT_OUT: Msg = msg!("dikecualikan", "left out");
pub const NONE_WORD: Msg = msg!("tidak ada", "none");
pub const COMPARE_TITLE: Msg = msg!(
    "Perbandingan rulebook s.d. {period}: {a} dan {b}",
    "Rulebooks compared up to {period}: {a} and {b}"
);
pub const COL_UNIT: Msg = msg!("Unit", "Unit");
pub const COL_RULEBOOK: Msg = msg!("Rulebook", "Rulebook");
pub const COL_PREDIKAT: Msg = msg!("Predikat", "Predikat");
pub const COL_K3_INDEX: Msg = msg!("Indeks K3", "K3 index");
pub const COL_NKO_K3: Msg = msg!("NKO K3", "NKO K3");

// --- safety ---
pub const VERIFY_OK: Msg = msg!(
    "Toko data {store} utuh: setiap rekaman terbaca dan setiap rujukan ada (tahun: {years}).",
    "The store {store} is sound: every record reads and every reference exists (years: {years})."
);
pub const VERIFY_PROBLEMS: Msg = msg!(
    "Toko data {store}: {n} masalah (di atas, per kunci). Selamatkan yang masih terbaca: kinerja --store {store} export --salvage -o FILE.json",
    "The store {store}: {n} problem(s) (above, by key). Save what still reads: kinerja --store {store} export --salvage -o FILE.json"
);
pub const SALVAGE_UNREADABLE: Msg = msg!(
    "tidak terbaca, dilewati: {problem}",
    "unreadable, skipped: {problem}"
);
pub const SALVAGE_DROPPED: Msg = msg!("rujukan dibuang: {problem}", "reference dropped: {problem}");
pub const SALVAGE_SUMMARY: Msg = msg!(
    "Diselamatkan dari tahun {year}: {units} unit, {ss} SS, {iku} IKU; {unreadable} rekaman tidak terbaca, {dropped} rujukan dibuang.",
    "Salvaged of year {year}: {units} units, {ss} SS, {iku} IKU; {unreadable} record(s) unreadable, {dropped} reference(s) dropped."
);
pub const SALVAGE_INVALID: Msg = msg!(
    "Hasil penyelamatan bukan dokumen kinerja/1 yang sah ({n} kesalahan); tidak ada yang ditulis:",
    "The salvaged data is not a valid kinerja/1 document ({n} error(s)); nothing was written:"
);
pub const WORLD_WRITABLE: Msg = msg!(
    "Toko data {store} dapat ditulis oleh semua pengguna server ini, sehingga siapa pun dapat mengubah atau merusak angkanya; kinerja menolak memakainya. Perbaiki dengan: chmod o-w {store}",
    "The store {store} is writable by every user of this server, so anyone could change or damage its numbers; kinerja refuses to use it. Fix it with: chmod o-w {store}"
);
pub const INIT_PRIVATE: Msg = msg!(
    "Toko data {store} dibuat, hanya untuk Anda (0700/0600). Impor PK: kinerja --store {store} import FILE.json",
    "Created the store {store}, for you only (0700/0600). Import a PK: kinerja --store {store} import FILE.json"
);
pub const INIT_EXISTS: Msg = msg!(
    "Toko data {store} sudah ada; tidak ada yang diubah.",
    "The store {store} already exists; nothing was changed."
);
pub const INIT_GROUP: Msg = msg!(
    "Toko data {store} dibagi dengan grup {group}: direktori 2770, berkas 0660. Anggota grup dapat membukanya (satu per satu).",
    "The store {store} is shared with the group {group}: directory 2770, files 0660. Members of the group can open it (one at a time)."
);
pub const INIT_UNKNOWN_GROUP: Msg = msg!(
    "Grup Unix \"{group}\" tidak ada di server ini (lihat: getent group). Tidak ada yang dibuat.",
    "There is no Unix group \"{group}\" on this server (see: getent group). Nothing was created."
);
pub const INIT_NOT_MEMBER: Msg = msg!(
    "Tidak dapat memberikan {store} kepada grup {group}: Anda bukan anggota grup itu (lihat: id). Tidak ada yang diubah.",
    "Cannot give {store} to the group {group}: you are not a member of that group (see: id). Nothing was changed."
);
// --- demo ---
pub const DEMO_BAD_SCALE: Msg = msg!(
    "Skala tidak dikenal: {scale}. Pilih salah satu: {known}.",
    "Unknown scale: {scale}. Choose one of: {known}."
);
pub const PROGRESS_DEMO: Msg = msg!(
    "Membuat data contoh ({scale})",
    "Generating demo data ({scale})"
);
pub const PROGRESS_DEMO_WRITE: Msg = msg!("Menulis {file}", "Writing {file}");
pub const DEMO_WRITTEN: Msg = msg!(
    "Data contoh {scale} (seed {seed}, tahun {year}) ditulis ke {file}: {units} unit, {ss} SS, {iku} IKU, {is} inisiatif strategis, {lines} baris rincian anggaran.\nCoba: kinerja --store STORE import {file}",
    "Demo data {scale} (seed {seed}, year {year}) written to {file}: {units} units, {ss} SS, {iku} IKU, {is} strategic initiatives, {lines} budget lines.\nTry: kinerja --store STORE import {file}"
);
pub const PROGRESS_LOAD: Msg = msg!("Memuat {store}", "Loading {store}");

// `kinerja k3 plan` (DOMAIN.md §10a)
pub const K3_PLAN_TITLE: Msg = msg!(
    "Rencana target K3 {iku} · rulebook {rulebook} · target tahunan sekarang {t}",
    "K3 target plan {iku} · rulebook {rulebook} · current annual target {t}"
);
pub const K3_PLAN_FACTS_127: Msg = msg!(
    "T1 (target tahun lalu) {t1} · R1 (realisasi tahun lalu) {r1} · pengali target:",
    "T1 (last year's target) {t1} · R1 (last year's realisasi) {r1} · target multiplier:"
);
pub const K3_PLAN_FACTS_300: Msg = msg!(
    "nilai referensi tahun lalu {ref} · poin kualitas target:",
    "last year's reference value {ref} · target-quality points:"
);
pub const K3_PLAN_BEST: Msg = msg!("terbaik", "best");
pub const K3_PLAN_FIXED: Msg = msg!(
    "tidak bergantung pada target: {v} ({reason})",
    "does not depend on the target: {v} ({reason})"
);

// ---- clap's own words (src/cli/clap_text.rs) ----

pub const CLAP_USAGE: Msg = msg!("Penggunaan:", "Usage:");
pub const CLAP_COMMANDS: Msg = msg!("Subperintah", "Commands");
pub const CLAP_OPTIONS: Msg = msg!("Opsi", "Options");
pub const CLAP_ARGUMENTS: Msg = msg!("Argumen", "Arguments");
pub const CLAP_EXAMPLES: Msg = msg!("Contoh:", "Examples:");
pub const CLAP_HELP: Msg = msg!("Tampilkan bantuan ini", "Print this help");
pub const CLAP_VERSION: Msg = msg!("Tampilkan versi", "Print the version");
pub const CLAP_POSSIBLE: Msg = msg!("[nilai: {values}]", "[possible values: {values}]");
pub const CLAP_POSSIBLE_SENTENCE: Msg = msg!(
    "; nilai yang dapat dipakai: {values}",
    "; the possible values are: {values}"
);
pub const CLAP_DEFAULT: Msg = msg!("[bawaan: {value}]", "[default: {value}]");
pub const CLAP_ERROR: Msg = msg!("galat: ", "error: ");
pub const CLAP_ERR_INVALID_VALUE: Msg = msg!(
    "nilai '{value}' tidak dapat dipakai untuk {arg}",
    "the value '{value}' cannot be used for {arg}"
);
pub const CLAP_ERR_EMPTY_VALUE: Msg = msg!("{arg} memerlukan nilai", "{arg} needs a value");
pub const CLAP_ERR_UNKNOWN_ARG: Msg = msg!(
    "argumen '{arg}' tidak dikenal",
    "unexpected argument '{arg}'"
);
pub const CLAP_ERR_UNKNOWN_SUBCOMMAND: Msg = msg!(
    "subperintah '{name}' tidak dikenal",
    "unrecognized subcommand '{name}'"
);
pub const CLAP_ERR_MISSING: Msg = msg!(
    "argumen wajib belum diberikan: {args}",
    "required arguments were not provided: {args}"
);
pub const CLAP_ERR_MISSING_SUBCOMMAND: Msg = msg!(
    "'{name}' memerlukan subperintah",
    "'{name}' requires a subcommand"
);
pub const CLAP_ERR_CONFLICT: Msg = msg!(
    "{arg} tidak dapat dipakai bersama {prior}",
    "{arg} cannot be used with {prior}"
);
pub const CLAP_ERR_NO_EQUALS: Msg = msg!(
    "{arg} memerlukan tanda '=' sebelum nilainya",
    "{arg} needs an '=' before its value"
);
pub const CLAP_ERR_COUNT: Msg = msg!(
    "jumlah nilai untuk {arg} tidak sesuai",
    "the wrong number of values for {arg}"
);
pub const CLAP_ERR_UTF8: Msg = msg!("argumen bukan teks UTF-8", "an argument is not UTF-8 text");
pub const CLAP_ERR_OTHER: Msg = msg!("argumen tidak dapat dibaca", "the arguments cannot be read");
pub const CLAP_DID_YOU_MEAN: Msg = msg!(
    "  saran: mungkin maksudnya '{s}'",
    "  tip: did you mean '{s}'"
);
pub const CLAP_MORE: Msg = msg!(
    "Keterangan lebih lanjut: '--help'.",
    "For more information, try '--help'."
);

pub const LOG_WEIGHT: Msg = msg!("bobot", "weight");

// `kinerja report --compare-period`
pub const COL_CHANGE: Msg = msg!("Perubahan", "Change");
pub const COMPARE_PERIOD_TITLE: Msg = msg!(
    "Perbandingan periode {a} dengan {b}",
    "Comparison of the period {a} with {b}"
);
pub const SAMPLE_REPLACED: Msg = msg!(
    "Toko data {store} hanya berisi contoh {year} yang diisi saat pertama dijalankan dan belum diubah: contoh itu diganti dengan {file}.",
    "The store {store} holds only the {year} sample filled in on first run, unchanged: it is replaced by {file}."
);
pub const REPLACE_BACKUP: Msg = msg!(
    "Sebelum tahun {year} diganti, cadangan toko data ditulis: {file} (set {id}; pulihkan dengan `kinerja restore {id}`).",
    "Before year {year} is replaced, a backup of the store was written: {file} (set {id}; restore it with `kinerja restore {id}`)."
);
pub const REPLACE_NO_BACKUP: Msg = msg!(
    "Tahun {year} tidak diganti: cadangan yang harus ditulis lebih dulu gagal ({error}). Tidak ada yang berubah.",
    "Year {year} was not replaced: the backup that must be written first failed ({error}). Nothing was changed."
);
pub const IMPORT_CLASH: Msg = msg!(
    "Tahun {year} sudah ada di toko data dan dokumen ini bertabrakan dengannya: {clashes}. Tahun itu memuat {units} unit, {ss} SS, {iku} IKU, {addenda} addendum dan {realisasi} realisasi bulanan. `kinerja import {file} --replace` mengganti seluruh tahun {year} dengan dokumen ini dan membuang semua itu, termasuk status bulan; cadangan ditulis lebih dulu.",
    "Year {year} is already in the store and this document clashes with it: {clashes}. The year holds {units} units, {ss} SS, {iku} IKU, {addenda} addenda and {realisasi} monthly realisasi. `kinerja import {file} --replace` replaces the whole year {year} with this document and discards all of that, month states included; a backup is written first."
);
pub const RESTORE_BUSY: Msg = msg!(
    "Sebuah kinerja sedang memulai server untuk toko data {store}; coba lagi sebentar lagi.",
    "A kinerja is starting a server for the store {store}; try again in a moment."
);
pub const RESTORE_SOUND: Msg = msg!(
    "Toko data {store} masih terbaca utuh; pemulihan dari set {id} akan membuang {n} perubahan setelahnya. Tambahkan --force bila memang itu yang dimaksud (berkas sekarang disimpan di backups/).",
    "The store {store} still reads whole; restoring set {id} would discard the {n} change(s) after it. Add --force if that is what you mean (the files now are kept in backups/)."
);
pub const RESTORE_FAILED: Msg = msg!(
    "Pemulihan dari set {id} gagal: {error}. Berkas lama tersimpan di backups/; jalankan `kinerja restore` lagi.",
    "Restoring set {id} failed: {error}. The former files are kept in backups/; run `kinerja restore` again."
);
pub const RESTORE_YEAR: Msg = msg!(
    "{year} ({units} unit, {ss} SS, {iku} IKU)",
    "{year} ({units} units, {ss} SS, {iku} IKU)"
);
pub const RESTORED: Msg = msg!(
    "Toko data {store} dipulihkan dari set cadangan {id} ({time}): {years}.",
    "The store {store} was restored from backup set {id} ({time}): {years}."
);
pub const RESTORE_EVIDENCE: Msg = msg!(
    "{n} berkas data dukung dipulihkan, masing-masing cocok dengan SHA-256-nya.",
    "{n} evidence file(s) restored, each matching its SHA-256."
);
pub const RESTORE_KEPT: Msg = msg!(
    "{n} berkas lama disimpan di {dir} sebagai {prefix}-*; hapus bila tidak diperlukan lagi.",
    "{n} former file(s) are kept in {dir} as {prefix}-*; delete them when no longer needed."
);
pub const RESTORE_LATER_UNKNOWN: Msg = msg!(
    "Jejak audit toko data yang rusak tidak terbaca: perubahan setelah {time} (setelah entri audit #{seq}), bila ada, tidak dapat didaftar dan harus dimasukkan lagi.",
    "The damaged store's audit trail cannot be read: changes after {time} (after audit entry #{seq}), if any, cannot be listed and must be entered again."
);
pub const RESTORE_LATER_NONE: Msg = msg!(
    "Tidak ada perubahan setelah cadangan ini menurut jejak audit: tidak ada yang hilang.",
    "The audit trail holds no change after this backup: nothing was lost."
);
pub const RESTORE_LATER: Msg = msg!(
    "{n} perubahan setelah cadangan ini (dari jejak audit) tidak ada di toko data yang dipulihkan dan harus dimasukkan lagi:",
    "{n} change(s) after this backup (from the audit trail) are not in the restored store and must be entered again:"
);
pub const RESTORE_NO_SUCH: Msg = msg!(
    "Tidak ada set cadangan {given} di {dir}; `kinerja restore --list` menampilkan semuanya.",
    "There is no backup set {given} in {dir}; `kinerja restore --list` shows them all."
);
pub const RESTORE_NONE: Msg = msg!(
    "Tidak ada set cadangan yang utuh di {dir}.",
    "There is no whole backup set in {dir}."
);
pub const RESTORE_SERVER: Msg = msg!(
    "Server toko data {store} (pid {pid}) berjalan dan tidak dapat diminta berhenti; hentikan dengan `kinerja serve --stop`, lalu pulihkan.",
    "The store server of {store} (pid {pid}) runs and cannot be asked to stop; stop it with `kinerja serve --stop`, then restore."
);
pub const RESTORE_CLIENTS: Msg = msg!(
    "Toko data {store} sedang dipakai: {clients}. Pemulihan perlu toko data tanpa pengguna lain; minta mereka keluar, lalu coba lagi.",
    "The store {store} is in use: {clients}. A restore needs the store to itself; ask them to leave, then try again."
);
pub const BACKUP_WHOLE: Msg = msg!("utuh", "whole");
pub const VERIFY_DAMAGED: Msg = msg!(
    "Toko data {store} rusak: berkas {file}{at} tidak dapat dibaca oleh sled.",
    "The store {store} is damaged: sled cannot read the file {file}{at}."
);
pub const VERIFY_AT: Msg = msg!(" (posisi {at})", " (at offset {at})");
pub const VERIFY_BACKUP: Msg = msg!(
    "Cadangan utuh terbaru: {file} ({time}; tahun {years}). Bangun ulang toko data darinya dengan `kinerja restore` (atau `kinerja restore {id}`).",
    "The newest whole backup: {file} ({time}; years {years}). Rebuild the store from it with `kinerja restore` (or `kinerja restore {id}`)."
);
pub const VERIFY_NO_BACKUP: Msg = msg!(
    "Tidak ada cadangan utuh di {dir}; `kinerja export --salvage` menyelamatkan rekaman yang masih terbaca.",
    "There is no whole backup in {dir}; `kinerja export --salvage` saves the records that can still be read."
);
pub const BACKUP_WRITTEN: Msg = msg!(
    "Set cadangan {id} ditulis dan diperiksa: {file} (tahun {years}); {keep} set terbaru disimpan. Pulihkan dengan `kinerja restore {id}`.",
    "Backup set {id} written and checked: {file} (years {years}); the newest {keep} sets are kept. Restore it with `kinerja restore {id}`."
);
pub const LOG_UNKNOWN_UNIT: Msg = msg!(
    "Unit {unit} tidak ada di tahun mana pun di toko data {store}; periksa kodenya (`kinerja report` menampilkan unit yang ada).",
    "The unit {unit} is in no year of the store {store}; check its code (`kinerja report` shows the units there are)."
);
pub const READ_COPY: Msg = msg!(
    "Toko data {store} tidak dapat ditulis ({why}): dibaca dari salinan pribadi di direktori sementara; tidak ada yang ditulis ke toko data.",
    "The store {store} cannot be written to ({why}): reading a private copy in the temporary directory; nothing is written to the store."
);
pub const READ_COPY_FAILED: Msg = msg!(
    "Toko data {store} tidak dapat ditulis ({why}) dan salinan pribadinya tidak dapat dibuat: {error}. Cadangan utuh terbaru (dokumen kinerja/1): {backup}.",
    "The store {store} cannot be written to ({why}) and no private copy of it could be made: {error}. The newest whole backup (kinerja/1 documents): {backup}."
);
