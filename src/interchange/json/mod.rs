//! The PK document `kinerja/1` (`interchange` §1): import with every error reported by JSON
//! path, and deterministic export.
//!
//! # Import
//!
//! The document is parsed into a `serde_json::Value` (with `arbitrary_precision`, so a JSON
//! number keeps its exact text) and walked by hand. Every problem is collected, in document
//! order within each section (units, ss, iku, addenda; references are checked after a section is
//! read): syntax, wrong `format`, missing required fields, unknown fields, wrong types, unknown
//! enumeration values (the message lists the allowed spellings), month arrays not of length 12,
//! malformed or inexact decimals, duplicate codes, dangling references (`parent`, SS/IKU `unit`,
//! IKU `ss`, `cascade.from`, `cascaded_from`, addendum `unit` and change `iku`) and cycles in the
//! unit tree. Any error means no [`Dataset`](crate::domain::model::Dataset) at all.
//!
//! Details fixed here (the spec leaves them open):
//! - Top level: `format` and `year` (1000..=9999) are required; `rulebook` defaults to
//!   `kmk-300-2022`; `units`, `ss`, `iku`, `addenda` default to empty arrays.
//! - `null` is accepted only where the format shows it (nullable fields); a non-nullable optional
//!   field is omitted, not `null`.
//! - Codes are non-empty strings; every string is at most [`MAX_STRING_CHARS`] characters;
//!   codes, names and `unit_of_measure` hold no control or bidirectional character, other texts
//!   no control character but newline and tab ([`crate::domain::limits`]).
//! - A decimal is a JSON string `-?digits(.digits)?` (no grouping, no exponent) or a JSON number
//!   read from its text (an exponent is allowed there); either must fit a `Decimal` exactly
//!   (28 significant digits), otherwise it is an error, never rounded.
//! - `special_points`: `null` or a whole number 1..=5. `stabilize_scale`: `null` or an array of at
//!   least two `[Ca, score]` pairs with Ca strictly increasing. `cascade`: `"none"` or an object
//!   `{from: {unit, code}, method, kind}` (all three required). `perspective_weights`: an object
//!   from perspective to decimal (`{}` or omitted: the rulebook default).
//! - IKU with `location_consolidation` other than `none`: their `targets`/`realisasi` are read and
//!   kept as given (validated like any other); the scoring code derives the roll-up itself.
//! - `addenda[i]`: `unit`, `version` (whole number ≥ 1, unique per unit), `date` (`YYYY-MM-DD`),
//!   `reason`, `changes` are all required. A change has `iku`, `field`, `month` (required) and
//!   `old`, `new` (decimal or `null`, default `null`). `field` is `targets` or `realisasi` with
//!   `month` 1..=12, or `add_iku` / `remove_iku` with `month` 0 and `old`/`new` both `null`. The
//!   change's `iku` must exist in the addendum's unit, or be removed by a `remove_iku` change of
//!   that unit.
//! - A key written twice in one JSON object is refused with its line and column (`serde_json`
//!   alone would keep the last silently).
//!
//! # Export
//!
//! Every field is written, defaults included, in the order of the format (`interchange` §1); units, SS and IKU
//! in the `Dataset` order (unit code, then code); addenda by unit then version. Decimals are
//! strings exactly as stored (`Decimal::to_string`, trailing zeros kept), `null` where there is
//! none. Objects that fit on one line of 100 columns and arrays of plain values are written on one
//! line; the text ends with a newline. Import sorts addenda the same way (unit, version). export → import → export is byte-identical.
//!
//! # Files
//!
//! `stream.rs` reads the top level and each array of records element by element and assembles
//! the [`Dataset`](crate::domain::Dataset); `read.rs` holds the readers of JSON values;
//! `units.rs`, `ss.rs`, `iku.rs` and `addenda.rs` read one record of their section and check the
//! section as a whole; `schema.rs` lists the field names of every record; `write.rs` is the
//! export.

mod addenda;
mod iku;
pub mod plan;
mod read;
pub mod round;
mod schema;
mod ss;
mod stream;
mod units;
mod write;

use super::MAX_INPUT_BYTES;
use super::number::parse_canonical;
use crate::text::interchange as t;

pub use plan::{export_with_plans, import_plans};
pub use round::{import_rounds, with_rounds, write_document};
pub use stream::import_document;
pub use write::export_document;

/// The `format` value this module reads and writes.
pub const FORMAT: &str = "kinerja/1";
/// Longest string field accepted, in characters.
pub const MAX_STRING_CHARS: usize = crate::domain::limits::MAX_TEXT_CHARS;

/// Most JSON values (numbers, strings, arrays, …) in one document. Real documents hold one
/// value per 17 to 30 bytes, so this is far above what [`super::MAX_INPUT_BYTES`] lets through;
/// it stops a document like `[0,0,0,…]` from taking ~100 bytes of memory per input byte.
pub const MAX_JSON_VALUES: usize = 5_000_000;

/// One import problem: where (a JSON path such as `iku[17].targets[5]`, empty for the document
/// as a whole) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub path: String,
    pub message: String,
    /// On the last line of a list cut at [`super::MAX_ERRORS`]: how many errors it stands for (see
    /// [`error_count`]); 0 on every other.
    pub unlisted: usize,
}

/// How many errors a list of them stands for: its length, or, when it was cut at
/// [`super::MAX_ERRORS`], the errors listed and every one after (an honest count).
pub fn error_count(errors: &[ImportError]) -> usize {
    match errors.last() {
        Some(e) if e.unlisted > 0 => errors.len() - 1 + e.unlisted,
        _ => errors.len(),
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            // a message echoes a value of the document: never a whole 100,000-digit one
            write!(
                f,
                "{}: {}",
                crate::safe::term::clip(&self.path, 200),
                crate::safe::term::clip(&self.message, 400)
            )
        }
    }
}

impl std::error::Error for ImportError {}

pub(super) type Errs = Vec<ImportError>;

/// Adds an error; after [`super::MAX_ERRORS`] one last line says the list stops there, so a
/// hostile document cannot make the error list grow with its size.
pub(super) fn push(errs: &mut Errs, path: &str, message: String) {
    if errs.len() > super::MAX_ERRORS {
        if let Some(last) = errs.last_mut() {
            last.unlisted += 1;
        }
        return;
    }
    if errs.len() == super::MAX_ERRORS {
        errs.push(ImportError {
            path: String::new(),
            message: t::TOO_MANY_ERRORS.fill(&[("max", &super::MAX_ERRORS)]),
            unlisted: 1,
        });
        return;
    }
    errs.push(ImportError {
        path: path.to_string(),
        message,
        unlisted: 0,
    });
}

pub(super) fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}
