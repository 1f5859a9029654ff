//! Sentences of the interchange area: numbers typed by a person, the JSON document `kinerja/1`
//! and the CSV realisasi sheet.

use super::Msg;

// ---- numbers (`interchange` §3) ----

pub const NUM_EMPTY: Msg = msg!("tidak ada angka", "no number given");
pub const NUM_TOO_LONG: Msg = msg!(
    "angka terlalu panjang ({len} karakter, paling banyak {max})",
    "number too long ({len} characters, at most {max})"
);
pub const NUM_MALFORMED: Msg = msg!(
    "\"{text}\" bukan angka yang sah; {hint}",
    "\"{text}\" is not a valid number; {hint}"
);
pub const NUM_HINT_ID: Msg = msg!(
    "format id: 1.234,5 (titik memisahkan ribuan, koma desimal)",
    "id format: 1.234,5 (point groups thousands, comma for decimals)"
);
pub const NUM_HINT_EN: Msg = msg!(
    "format en: 1,234.5 (koma memisahkan ribuan, titik desimal)",
    "en format: 1,234.5 (comma groups thousands, point for decimals)"
);
pub const NUM_TOO_MANY_DIGITS: Msg = msg!(
    "\"{text}\" punya terlalu banyak digit untuk disimpan tepat (paling banyak {max} angka di belakang koma, 29 digit seluruhnya)",
    "\"{text}\" has too many digits to be stored exactly (at most {max} decimal places, 29 digits in all)"
);
pub const NUM_AMBIGUOUS: Msg = msg!(
    "\"{text}\" bisa berarti {a} atau {b}: ketik {a} untuk {a_words} atau {b} untuk {b_words}",
    "\"{text}\" could mean {a} or {b}: type {a} for {a_words} or {b} for {b_words}"
);
pub const NUM_POINT_WORD: Msg = msg!("koma", "point");
pub const NUM_MINUS_WORD: Msg = msg!("minus", "minus");

// ---- JSON document (`interchange` §1) ----

pub const JSON_TOO_LARGE: Msg = msg!(
    "dokumen terlalu besar ({size} byte, paling banyak {max} byte)",
    "document too large ({size} bytes, at most {max} bytes)"
);
pub const JSON_SYNTAX: Msg = msg!(
    "bukan JSON yang sah (baris {line}, kolom {column}): {detail}",
    "not valid JSON (line {line}, column {column}): {detail}"
);
pub const JSON_NOT_OBJECT: Msg = msg!(
    "dokumen harus berupa objek JSON {...}",
    "the document must be a JSON object {...}"
);
pub const JSON_FORMAT: Msg = msg!(
    "format \"{found}\" tidak didukung (seharusnya \"{expected}\")",
    "format \"{found}\" is not supported (expected \"{expected}\")"
);
pub const JSON_MISSING: Msg = msg!(
    "kolom wajib \"{field}\" tidak ada",
    "missing required field \"{field}\""
);
pub const JSON_UNKNOWN_FIELD: Msg = msg!(
    "kolom \"{field}\" tidak dikenal",
    "unknown field \"{field}\""
);
pub const JSON_DID_YOU_MEAN: Msg = msg!(" (maksudnya \"{name}\"?)", " (did you mean \"{name}\"?)");
pub const JSON_WRONG_TYPE: Msg = msg!(
    "harus berupa {expected}, ditemukan {found}",
    "must be {expected}, found {found}"
);
pub const JSON_TYPE_STRING: Msg = msg!("teks", "a string");
pub const JSON_TYPE_STRING_OR_NULL: Msg = msg!("teks atau null", "a string or null");
pub const JSON_TYPE_BOOL: Msg = msg!("true atau false", "true or false");
pub const JSON_TYPE_OBJECT: Msg = msg!("objek {...}", "an object {...}");
pub const JSON_TYPE_OBJECT_OR_NULL: Msg = msg!("objek {...} atau null", "an object {...} or null");
pub const JSON_TYPE_ARRAY: Msg = msg!("larik [...]", "an array [...]");
pub const JSON_TYPE_ARRAY_OR_NULL: Msg = msg!("larik [...] atau null", "an array [...] or null");
pub const JSON_TYPE_INTEGER: Msg = msg!("bilangan bulat", "a whole number");
pub const JSON_TYPE_INTEGER_OR_NULL: Msg =
    msg!("bilangan bulat atau null", "a whole number or null");
pub const JSON_TYPE_DECIMAL: Msg = msg!(
    "bilangan desimal dalam teks, mis. \"97.44\"",
    "a decimal string such as \"97.44\""
);
pub const JSON_TYPE_DECIMAL_OR_NULL: Msg = msg!(
    "bilangan desimal dalam teks (mis. \"97.44\") atau null",
    "a decimal string (such as \"97.44\") or null"
);
pub const JSON_TYPE_CASCADE: Msg = msg!(
    "\"none\" atau objek {from, method, kind}",
    "\"none\" or an object {from, method, kind}"
);
pub const JSON_TYPE_PAIR: Msg = msg!(
    "pasangan [Ca, nilai] berisi dua desimal",
    "a pair [Ca, score] of two decimals"
);
pub const JSON_NAME_NULL: Msg = msg!("null", "null");
pub const JSON_NAME_BOOL: Msg = msg!("true/false", "true/false");
pub const JSON_NAME_NUMBER: Msg = msg!("angka {n}", "number {n}");
pub const JSON_NAME_STRING: Msg = msg!("teks \"{s}\"", "string \"{s}\"");
pub const JSON_NAME_ARRAY: Msg = msg!("larik", "an array");
pub const JSON_NAME_OBJECT: Msg = msg!("objek", "an object");
pub const JSON_NOT_DECIMAL: Msg = msg!(
    "\"{text}\" bukan bilangan desimal (pakai titik sebagai pemisah desimal, tanpa pemisah ribuan, mis. \"1234.5\")",
    "\"{text}\" is not a decimal (use a point as the decimal separator and no grouping, e.g. \"1234.5\")"
);
pub const JSON_DECIMAL_INEXACT: Msg = msg!(
    "{text} tidak dapat disimpan tepat (terlalu banyak digit)",
    "{text} cannot be stored exactly (too many digits)"
);
pub const JSON_UNKNOWN_VALUE: Msg = msg!(
    "nilai \"{value}\" tidak dikenal; yang boleh: {allowed}",
    "unknown value \"{value}\"; allowed: {allowed}"
);
pub const JSON_MONTH_COUNT: Msg = msg!(
    "harus berisi tepat 12 bulan (Januari dahulu), ditemukan {found}",
    "must hold exactly 12 months (January first), found {found}"
);
pub const JSON_EMPTY_CODE: Msg = msg!("kode tidak boleh kosong", "a code must not be empty");
pub const JSON_OUT_OF_RANGE: Msg = msg!(
    "{value} di luar rentang {min}..{max}",
    "{value} is outside the range {min}..{max}"
);
pub const JSON_DUPLICATE: Msg = msg!(
    "kode \"{code}\" ganda (sudah dipakai di {other})",
    "duplicate code \"{code}\" (already used at {other})"
);
pub const JSON_DUPLICATE_VERSION: Msg = msg!(
    "versi {version} unit \"{unit}\" ganda (sudah ada di {other})",
    "duplicate version {version} of unit \"{unit}\" (already at {other})"
);
pub const JSON_UNKNOWN_UNIT: Msg = msg!(
    "unit \"{code}\" tidak ada di dokumen",
    "unit \"{code}\" is not in the document"
);
pub const JSON_UNKNOWN_SS: Msg = msg!(
    "SS \"{code}\" tidak ada di unit \"{unit}\"",
    "SS \"{code}\" does not exist in unit \"{unit}\""
);
pub const JSON_UNKNOWN_IKU: Msg = msg!(
    "IKU \"{code}\" tidak ada di unit \"{unit}\"",
    "IKU \"{code}\" does not exist in unit \"{unit}\""
);
pub const JSON_CYCLE: Msg = msg!(
    "pohon unit berputar: {chain}",
    "the unit tree has a cycle: {chain}"
);
pub const JSON_SCALE_SHORT: Msg = msg!(
    "skala stabilize perlu paling sedikit dua titik",
    "a stabilize scale needs at least two points"
);
pub const JSON_SCALE_ORDER: Msg = msg!(
    "nilai Ca harus naik: {ca} tidak lebih besar dari {prev}",
    "Ca values must increase: {ca} is not greater than {prev}"
);
pub const JSON_BAD_DATE: Msg = msg!(
    "\"{text}\" bukan tanggal YYYY-MM-DD",
    "\"{text}\" is not a date YYYY-MM-DD"
);
pub const JSON_CHANGE_FIELD: Msg = msg!(
    "\"{value}\" tidak dikenal; yang boleh: targets | realisasi | add_iku | remove_iku",
    "unknown value \"{value}\"; allowed: targets | realisasi | add_iku | remove_iku"
);
pub const JSON_CHANGE_MONTH_STRUCT: Msg = msg!(
    "untuk {field} bulan harus 0",
    "for {field} the month must be 0"
);
pub const JSON_CHANGE_MONTH_VALUE: Msg = msg!(
    "untuk {field} bulan harus 1..12",
    "for {field} the month must be 1..12"
);
pub const JSON_CHANGE_NO_VALUES: Msg = msg!(
    "untuk {field} old dan new harus null",
    "for {field} old and new must be null"
);

// ---- CSV realisasi sheet (`interchange` §2) ----

pub const CSV_LINE: Msg = msg!("baris {line}: {message}", "line {line}: {message}");
pub const CSV_TOO_LARGE: Msg = msg!(
    "berkas terlalu besar ({size} byte, paling banyak {max} byte)",
    "file too large ({size} bytes, at most {max} bytes)"
);
pub const CSV_NO_HEADER: Msg = msg!(
    "berkas kosong: baris pertama harus berisi kepala kolom unit,iku,month,realisasi",
    "empty file: the first line must be the header unit,iku,month,realisasi"
);
pub const CSV_BAD_HEADER: Msg = msg!(
    "kepala kolom harus unit, iku, month, realisasi (urutan bebas, dipisah , atau ;); ditemukan: {found}",
    "the header must be unit, iku, month, realisasi (any order, separated by , or ;); found: {found}"
);
pub const CSV_UNREADABLE: Msg = msg!(
    "tidak dapat dibaca sebagai CSV: {detail}",
    "cannot be read as CSV: {detail}"
);
pub const CSV_FIELD_COUNT: Msg = msg!(
    "ada {found} kolom, seharusnya {expected}",
    "has {found} columns, expected {expected}"
);
pub const CSV_MISSING_VALUE: Msg = msg!("kolom {column} kosong", "column {column} is empty");
pub const CSV_BAD_MONTH: Msg = msg!(
    "bulan \"{text}\" harus berbentuk YYYY-MM, mis. 2025-10",
    "month \"{text}\" must be YYYY-MM, e.g. 2025-10"
);
pub const CSV_UNKNOWN_YEAR: Msg = msg!(
    "tahun {year} tidak ada di penyimpanan (yang ada: {years})",
    "year {year} is not in the store (present: {years})"
);
pub const CSV_DUPLICATE: Msg = msg!(
    "{unit}/{iku} {month} sudah ada di baris {first}",
    "{unit}/{iku} {month} already appears on line {first}"
);
pub const CSV_BAD_NUMBER: Msg = msg!("realisasi: {detail}", "realisasi: {detail}");

// --- safety ---
pub const TOO_MANY_ERRORS: Msg = msg!(
    "… dan masih ada kesalahan lain; hanya {max} yang pertama ditampilkan",
    "… and more errors; only the first {max} are listed"
);
pub const CSV_CELL_TOO_LONG: Msg = msg!(
    "kolom {column} terlalu panjang ({len} karakter, paling banyak {max})",
    "column {column} is too long ({len} characters, at most {max})"
);
pub const JSON_TOO_MANY_VALUES: Msg = msg!(
    "dokumen berisi terlalu banyak nilai JSON (lebih dari {max})",
    "the document holds too many JSON values (more than {max})"
);
pub const JSON_DUPLICATE_KEY: Msg = msg!(
    "baris {line}, kolom {column}: kunci \"{key}\" ditulis dua kali dalam satu objek; hapus salah satunya",
    "line {line}, column {column}: the key \"{key}\" is written twice in one object; remove one of them"
);
