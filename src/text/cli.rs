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
    "Toko data baru {store} diisi contoh Kanwil DJKN Kalimantan Barat 2025 (fixtures/kalbar-2025.json).",
    "New store {store} was filled with the Kanwil DJKN Kalimantan Barat 2025 sample (fixtures/kalbar-2025.json)."
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
pub const PERIOD_YEAR_MISMATCH: Msg = msg!(
    "--period {period} tidak cocok dengan --year.",
    "--period {period} does not match --year."
);
pub const SET_NEEDS_VALUE: Msg = msg!(
    "Berikan nilai realisasi, atau --clear untuk menghapusnya.",
    "Give the realisasi value, or --clear to clear it."
);
pub const SET_SAVED: Msg = msg!(
    "Tersimpan: realisasi {iku} {month} = {new} (sebelumnya {old}).",
    "Saved: realisasi {iku} {month} = {new} (was {old})."
);
pub const UNKNOWN_UNIT: Msg = msg!(
    "Unit \"{unit}\" tidak ada di PK {year}.",
    "Unit \"{unit}\" is not in the PK of {year}."
);
pub const UNKNOWN_IKU: Msg = msg!(
    "IKU \"{iku}\" tidak ada di unit {unit} (PK {year}).",
    "IKU \"{iku}\" is not in unit {unit} (PK {year})."
);
pub const NOT_REPORTING_MONTH: Msg = msg!(
    "{iku} dilaporkan {period}: bulan pelaporannya {months}. Tidak ada yang diubah.",
    "{iku} reports {period}: its reporting months are {months}. Nothing was changed."
);
pub const ROLLUP_NOT_SETTABLE: Msg = msg!(
    "Realisasi {iku} dihitung dari unit di bawahnya (konsolidasi lokasi); isi realisasi unit anak.",
    "The realisasi of {iku} is rolled up from its child units; enter the children's realisasi."
);
pub const MONTH_FROZEN: Msg = msg!(
    "Realisasi {iku} bulan {month} dibekukan oleh addendum (R10). Tidak ada yang diubah.",
    "The realisasi of {iku} in month {month} is frozen by an addendum (R10). Nothing was changed."
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
pub const STATUS_GREEN: Msg = msg!("hijau", "green");
pub const STATUS_YELLOW: Msg = msg!("kuning", "yellow");
pub const STATUS_RED: Msg = msg!("merah", "red");
pub const SUMMARY_TITLE: Msg = msg!(
    "Toko data {store}: PK {year}, rulebook {rulebook}, {units} unit, {iku} IKU, s.d. {period}.",
    "Store {store}: PK {year}, rulebook {rulebook}, {units} units, {iku} IKU, up to {period}."
);

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
