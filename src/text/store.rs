//! Sentences of the store area.

use crate::text::Msg;

pub const LOCKED_BY: Msg = msg!(
    "Toko data {path} sedang dipakai oleh {user} (pid {pid}) sejak {since}.",
    "The store {path} is in use by {user} (pid {pid}) since {since}."
);
pub const LOCKED_BY_ON_HOST: Msg = msg!(
    "Toko data {path} sedang dipakai oleh {user} (pid {pid} di {host}) sejak {since}.",
    "The store {path} is in use by {user} (pid {pid} on {host}) since {since}."
);
pub const LOCKED_UNKNOWN: Msg = msg!(
    "Toko data {path} sedang dipakai oleh proses kinerja lain.",
    "The store {path} is in use by another kinerja process."
);
pub const IO: Msg = msg!(
    "Gagal membaca atau menulis toko data: {error}.",
    "Could not read or write the store: {error}."
);
pub const CORRUPT: Msg = msg!(
    "Data rusak pada kunci {key}: {reason}.",
    "Damaged record at key {key}: {reason}."
);
pub const NOT_FOUND: Msg = msg!(
    "Tidak ditemukan di toko data: {what}.",
    "Not found in the store: {what}."
);
pub const CONFLICT: Msg = msg!(
    "Sudah ada di toko data: {what}.",
    "Already in the store: {what}."
);
pub const INVALID: Msg = msg!("Perubahan ditolak: {what}.", "Change refused: {what}.");
pub const NEWER_SCHEMA: Msg = msg!(
    "Toko data {path} ditulis oleh kinerja yang lebih baru (skema {found}, versi ini mengenal sampai {known}); perbarui kinerja.",
    "The store {path} was written by a newer kinerja (schema {found}, this version knows up to {known}); update kinerja."
);
pub const ENGINE: Msg = msg!(
    "Kesalahan internal mesin penyimpanan: {error}.",
    "Internal storage engine error: {error}."
);

// Pieces used inside the sentences above.
pub const YEAR: Msg = msg!("tahun {year}", "year {year}");
pub const IKU: Msg = msg!("IKU {code}", "IKU {code}");
pub const UNIT: Msg = msg!("unit {code}", "unit {code}");
pub const SS: Msg = msg!("SS {code}", "SS {code}");
pub const BAD_MONTH: Msg = msg!(
    "bulan {month} untuk {what} (harus 1 sampai 12)",
    "month {month} for {what} (must be 1 to 12)"
);
pub const BAD_CODE: Msg = msg!(
    "kode «{code}» tidak boleh kosong atau berisi karakter NUL",
    "code «{code}» must not be empty or contain a NUL character"
);
pub const ADDENDUM_VERSION: Msg = msg!(
    "addendum PK {unit} versi {given}, padahal versi berikutnya adalah {next}",
    "PK addendum of {unit} has version {given} but the next version is {next}"
);
pub const RULEBOOK_DIFFERS: Msg = msg!(
    "rulebook {old} untuk tahun {year} (berkas memakai {new}; pakai --replace untuk mengganti)",
    "rulebook {old} for year {year} (the file uses {new}; use --replace to replace it)"
);
pub const IKU_WRONG_UNIT: Msg = msg!(
    "IKU {code} milik unit {unit}, bukan tahun {year}",
    "IKU {code} of unit {unit} does not belong to year {year}"
);

// verify problems
pub const P_MISSING_UNIT: Msg = msg!(
    "unit {unit} yang dirujuk tidak ada",
    "referenced unit {unit} does not exist"
);
pub const P_MISSING_PARENT: Msg = msg!(
    "unit induk {unit} tidak ada",
    "parent unit {unit} does not exist"
);
pub const P_MISSING_SS: Msg = msg!(
    "SS {ss} yang dirujuk tidak ada",
    "referenced SS {ss} does not exist"
);
pub const P_MISSING_CASCADE: Msg = msg!(
    "sumber kaskade {from} tidak ada",
    "cascade source {from} does not exist"
);
pub const P_MISSING_YEAR: Msg = msg!(
    "tahun {year} tidak terdaftar (sisa impor yang terputus? impor dokumen tahun itu lagi)",
    "year {year} is not registered (left by an interrupted import? import that year's document again)"
);
pub const P_KEY_MISMATCH: Msg = msg!(
    "isi rekaman tidak cocok dengan kuncinya ({found})",
    "record content does not match its key ({found})"
);
pub const P_PARENT_CYCLE: Msg = msg!(
    "unit induk membentuk lingkaran",
    "the parent units form a cycle"
);
pub const P_BAD_KEY: Msg = msg!("kunci tidak terbaca", "unreadable key");
pub const P_SNAPSHOT_STALE: Msg = msg!(
    "ringkasan tahun tidak cocok dengan catatannya; dihapus, dibangun ulang dari catatan saat dibuka berikutnya",
    "the year snapshot did not match its records; removed, it is rebuilt from the records on the next open"
);
pub const P_SNAPSHOT_UNREADABLE: Msg = msg!(
    "ringkasan tahun tidak terbaca ({reason}); dihapus, dibangun ulang dari catatan saat dibuka berikutnya",
    "the year snapshot is unreadable ({reason}); removed, it is rebuilt from the records on the next open"
);
pub const P_EVIDENCE_HASH: Msg = msg!(
    "isi data dukung tidak cocok dengan SHA-256 kuncinya (isinya kini ber-SHA-256 {found}): berkas diubah atau rusak",
    "the evidence bytes do not have the SHA-256 of their key (they now hash to {found}): the file was altered or damaged"
);
pub const P_EVIDENCE_MISSING: Msg = msg!(
    "data dukung {name} IKU {iku} bulan {month} (sha256 {sha256}) tidak ada di toko data",
    "the evidence {name} of IKU {iku} month {month} (sha256 {sha256}) is not in the store"
);
pub const IMPORT_EVIDENCE_NOT_HELD: Msg = msg!(
    "data dukung {name} dari {unit} {iku} {month} (sha256 {sha256}) tidak ada di toko data maupun di bundel; impor bundel dari kinerja export --with-evidence",
    "the evidence {name} of {unit} {iku} {month} (sha256 {sha256}) is neither in the store nor in the bundle; import a bundle made by kinerja export --with-evidence"
);
pub const P_UNKNOWN_META: Msg = msg!("kunci meta tak dikenal", "unknown meta key");

// --- safety ---
// salvage notes (`export --salvage`) and the backup before a schema migration
pub const S_RULEBOOK_DEFAULT: Msg = msg!(
    "rekaman tahun tidak terbaca; rulebook {rulebook} dipakai",
    "the year record is unreadable; rulebook {rulebook} is used"
);
pub const S_PARENT_DROPPED: Msg = msg!(
    "unit induk {unit} tidak terbaca; unit ini dijadikan akar",
    "parent unit {unit} is unreadable; this unit becomes a root"
);
pub const S_CYCLE_BROKEN: Msg = msg!(
    "unit induk membentuk lingkaran; unit ini dijadikan akar",
    "the parent units form a cycle; this unit becomes a root"
);
pub const S_DROPPED_NO_UNIT: Msg = msg!(
    "dibuang: unit {unit} tidak terbaca",
    "left out: its unit {unit} is unreadable"
);
pub const S_DROPPED_NO_SS: Msg = msg!(
    "dibuang: SS {ss} tidak terbaca",
    "left out: its SS {ss} is unreadable"
);
pub const S_CASCADE_DROPPED: Msg = msg!(
    "sumber kaskade {from} tidak terbaca; kaskade dihapus",
    "cascade source {from} is unreadable; the cascade is removed"
);
pub const S_LINK_DROPPED: Msg = msg!(
    "tautan Peta Strategi {from} → {to} dibuang: SS {ss} tidak terbaca",
    "Peta Strategi link {from} → {to} left out: SS {ss} is unreadable"
);
pub const S_IS_IKU_DROPPED: Msg = msg!(
    "Inisiatif Strategis {is} tidak lagi melayani IKU {iku}: IKU itu tidak terbaca",
    "Inisiatif Strategis {is} no longer serves IKU {iku}: that IKU is unreadable"
);
pub const S_LINE_LINK_DROPPED: Msg = msg!(
    "tautan baris anggaran {line} ke {link} dibuang: {link} tidak terbaca",
    "the link of budget line {line} to {link} is left out: {link} is unreadable"
);
pub const S_PLAN_DROPPED: Msg = msg!(
    "rencana (Peta Strategi, IS, anggaran) unit {unit} dibuang: {why}",
    "the plan (Peta Strategi, IS, budget) of unit {unit} is left out: {why}"
);
pub const S_CHANGE_DROPPED: Msg = msg!(
    "perubahan atas IKU {iku} dibuang: IKU itu tidak terbaca",
    "the change of IKU {iku} is left out: that IKU is unreadable"
);
pub const MIGRATION_NO_BACKUP: Msg = msg!(
    "toko data {path} (skema {found}) perlu dimigrasi ke skema {known}, tetapi tidak ada cara menulis cadangannya; buka dengan perintah kinerja",
    "the store {path} (schema {found}) needs a migration to schema {known}, but there is no way to write its backup; open it with the kinerja command"
);
pub const NO_STORE: Msg = msg!(
    "Tidak ada toko data di {path}. Buat dengan `kinerja --store {path} init` atau impor dokumen PK dengan `kinerja --store {path} import BERKAS`.",
    "There is no store at {path}. Create one with `kinerja --store {path} init` or import a PK document with `kinerja --store {path} import FILE`."
);
pub const NOT_A_STORE: Msg = msg!(
    "{path} bukan toko data kinerja: {found}. kinerja tidak mengubah apa pun di sana. Buat toko data di direktori baru atau kosong, mis. `kinerja --store {path}/kinerja init`.",
    "{path} is not a kinerja store: {found}. kinerja changed nothing there. Create a store in a new or empty directory, e.g. `kinerja --store {path}/kinerja init`."
);
pub const FOUND_FILE: Msg = msg!(
    "itu sebuah berkas, bukan direktori",
    "it is a file, not a directory"
);
pub const FOUND_ENTRIES: Msg = msg!("isinya {entries}", "it holds {entries}");
pub const AND_MORE: Msg = msg!(" dan {n} lainnya", " and {n} more");
pub const FOREIGN_ENTRIES: Msg = msg!(
    "Toko data {path} ditolak: berisi entri yang bukan miliknya atau tautan: {entries}. Pindahkan entri itu keluar dari toko data (hanya db, conf, blobs/, snap.*, backups/, kinerja.store dan kinerja.lock-owner yang boleh ada).",
    "The store {path} is refused: it holds entries that are not its own, or links: {entries}. Move them out of the store (only db, conf, blobs/, snap.*, backups/, kinerja.store and kinerja.lock-owner belong there)."
);
pub const ENTRY_LINK: Msg = msg!("tautan simbolik", "symbolic link");
pub const REPLACE_INTERRUPTED_NO_SET: Msg = msg!(
    "penggantian tahun {year} di toko data {store} terputus, dan set cadangan {set} yang menyimpan tahun itu sebelumnya tidak dapat dipakai ({why}); pulihkan dengan kinerja restore dari set lain",
    "the replace of year {year} in the store {store} was cut short, and the backup set {set} that holds the year as it was cannot be used ({why}); recover with kinerja restore from another set"
);
pub const REPLACE_SET_MISSING: Msg = msg!("set itu tidak ada", "the set is not there");
pub const BACKUP_FILE_DAMAGED: Msg = msg!(
    "berkas cadangan {file} hilang atau rusak (checksum tidak cocok)",
    "the backup file {file} is missing or damaged (its checksum does not match)"
);
pub const DAMAGED: Msg = msg!(
    "Berkas toko data rusak: sled tidak dapat membacanya. `kinerja verify` menyebut berkasnya dan cadangan utuh terbaru; `kinerja restore` membangun ulang toko data dari cadangan itu.",
    "A file of the store is damaged: sled cannot read it. `kinerja verify` names the file and the newest whole backup; `kinerja restore` rebuilds the store from that backup."
);
pub const DAMAGED_AT: Msg = msg!(
    "Berkas toko data rusak (db, posisi {at}): sled tidak dapat membacanya. `kinerja verify` menyebut berkasnya dan cadangan utuh terbaru; `kinerja restore` membangun ulang toko data dari cadangan itu.",
    "A file of the store is damaged (db, offset {at}): sled cannot read it. `kinerja verify` names the file and the newest whole backup; `kinerja restore` rebuilds the store from that backup."
);
