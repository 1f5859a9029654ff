//! The public text formats of INTERCHANGE.md: the JSON PK document `kinerja/1` ([`json`]), the
//! CSV realisasi sheet ([`csv`]) and numbers typed by a person ([`number`]).
//!
//! Everything here is pure (text in, values or a list of errors out); the caller does the I/O
//! and writes to the store.

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
