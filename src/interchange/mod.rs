//! The public text formats: the JSON PK document `kinerja/1` ([`json`]), the CSV realisasi sheet
//! ([`csv`]) and numbers typed by a person ([`number`]). Every `§n` of a comment here points at
//! the section of that number below; each module's own documentation lists its rules in full.
//!
//! # §1 The PK document (`kinerja/1`, JSON)
//!
//! One year of one store: `format`, `year`, `rulebook`, then `units`, `ss`, `iku` (the whole
//! Manual IKU with twelve `targets` and twelve `realisasi`, `null` where empty) and `addenda`
//! (each with its `changes`: `iku`, `field` — `targets`, `realisasi`, `add_iku`, `remove_iku` —,
//! `month`, `old`, `new`). Decimals are strings and read exactly. Import checks everything and
//! reports every problem with its JSON path, importing nothing when there is one; export is
//! deterministic, so export → import → export gives the same bytes.
//!
//! # §2 The realisasi sheet (CSV)
//!
//! A header of `unit`, `iku`, `month` (`YYYY-MM`), `realisasi` in any order; `,` or `;`
//! delimited; an empty value clears. Every row is checked with the edit rule of
//! `domain::edit`; any bad row refuses the whole sheet, listing every problem by line.
//!
//! # §3 Numbers typed by a person
//!
//! In the user's locale (`id`: `1.234,5`; `en`: `1,234.5`), exact, with an ambiguous grouping
//! (`1.234` in `id`) refused rather than guessed.
//!
//! Everything here is pure (text in, values or a list of errors out); the caller does the I/O
//! and writes to the store.

pub mod anggaran;
pub mod csv;
pub mod json;
pub mod number;
pub mod xlsx;

pub use self::csv::{RealisasiRow, SheetError, parse_realisasi_sheet};
pub use self::json::{FORMAT, ImportError, export_document, import_document};
pub use self::number::{
    Locale, NumberError, format_decimal, format_editable, format_exact, parse_decimal,
};

/// Largest document or sheet accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Most errors listed for one document or sheet; the list ends with a line saying there were
/// more (a hostile file must not make the list, or the time to print it, grow with its size).
pub const MAX_ERRORS: usize = 200;
