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
//! unit tree. Any error means no [`Dataset`] at all.
//!
//! Details fixed here (the spec leaves them open):
//! - Top level: `format` and `year` (1000..=9999) are required; `rulebook` defaults to
//!   `kmk-300-2022`; `units`, `ss`, `iku`, `addenda` default to empty arrays.
//! - `null` is accepted only where the format shows it (nullable fields); a non-nullable optional
//!   field is omitted, not `null`.
//! - Codes are non-empty strings; every string is at most [`MAX_STRING_CHARS`] characters.
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
//! - Duplicate keys inside one JSON object are not detected (the last one wins, as in
//!   `serde_json`).
//!
//! # Export
//!
//! Every field is written, defaults included, in the order of the format (`interchange` §1); units, SS and IKU
//! in the `Dataset` order (unit code, then code); addenda by unit then version. Decimals are
//! strings exactly as stored (`Decimal::to_string`, trailing zeros kept), `null` where there is
//! none. Objects that fit on one line of 100 columns and arrays of plain values are written on one
//! line; the text ends with a newline. Import sorts addenda the same way (unit, version). export → import → export is byte-identical.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::value::RawValue;
use serde_json::{Map, Number, Value};

use super::MAX_INPUT_BYTES;
use super::number::parse_canonical;
use crate::domain::change::Field;
use crate::domain::model::*;
use crate::domain::rulebook::DEFAULT_RULEBOOK;
use crate::text::Msg;
use crate::text::interchange as t;

/// The `format` value this module reads and writes.
pub const FORMAT: &str = "kinerja/1";
/// Longest string field accepted, in characters.
pub const MAX_STRING_CHARS: usize = 10_000;

/// Most JSON values (numbers, strings, arrays, …) in one document. Real documents hold one
/// value per 17 to 30 bytes, so this is far above what [`super::MAX_INPUT_BYTES`] lets through;
/// it stops a document like `[0,0,0,…]` from taking ~100 bytes of memory per input byte.
pub const MAX_JSON_VALUES: usize = 5_000_000;

/// Counts the values of a JSON text (separators and openings outside strings, an upper bound);
/// `Some(count)` as soon as it exceeds `max`.
fn more_values_than(text: &str, max: usize) -> Option<usize> {
    let (mut n, mut in_string, mut escaped) = (1usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b',' | b'[' | b'{' => {
                    n += 1;
                    if n > max {
                        return Some(n);
                    }
                }
                _ => {}
            }
        }
    }
    None
}

/// One import problem: where (a JSON path such as `iku[17].targets[5]`, empty for the document
/// as a whole) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ImportError {}

type Errs = Vec<ImportError>;

/// Adds an error; after [`super::MAX_ERRORS`] one last line says the list stops there, so a
/// hostile document cannot make the error list grow with its size.
fn push(errs: &mut Errs, path: &str, message: String) {
    if errs.len() > super::MAX_ERRORS {
        return;
    }
    if errs.len() == super::MAX_ERRORS {
        errs.push(ImportError {
            path: String::new(),
            message: t::TOO_MANY_ERRORS.fill(&[("max", &super::MAX_ERRORS)]),
        });
        return;
    }
    errs.push(ImportError {
        path: path.to_string(),
        message,
    });
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

const TOP_FIELDS: &[&str] = &[
    "format", "year", "rulebook", "units", "ss", "iku", "addenda",
];
const UNIT_FIELDS: &[&str] = &["code", "name", "level", "parent", "perspective_weights"];
const SS_FIELDS: &[&str] = &[
    "unit",
    "code",
    "perspective",
    "name",
    "weight",
    "cascaded_from",
];
const IKU_FIELDS: &[&str] = &[
    "unit",
    "code",
    "ss",
    "name",
    "definition",
    "formula",
    "unit_of_measure",
    "polarity",
    "period_consolidation",
    "reporting_period",
    "weight",
    "konversi_120",
    "stabilize_scale",
    "worst_realisasi",
    "validity",
    "control",
    "measures_quality_or_time",
    "cascade",
    "location_consolidation",
    "tanggung_renteng",
    "collective",
    "target_basis",
    "special_points",
    "special_reason",
    "new_iku",
    "target_prev",
    "realisasi_prev",
    "capaian_prev2_over_125",
    "avg_realisasi_prev",
    "data_source",
    "responsible",
    "targets",
    "realisasi",
];
const REF_FIELDS: &[&str] = &["unit", "code"];
const CASCADE_FIELDS: &[&str] = &["from", "method", "kind"];
const ADDENDUM_FIELDS: &[&str] = &["unit", "version", "date", "reason", "changes"];
const CHANGE_FIELDS: &[&str] = &["iku", "field", "month", "old", "new"];

/// Reads a `kinerja/1` document. On any problem returns every problem found, and nothing else.
pub fn import_document(text: &str) -> Result<Dataset, Vec<ImportError>> {
    let mut errs = Errs::new();
    if text.len() > MAX_INPUT_BYTES {
        push(
            &mut errs,
            "",
            t::JSON_TOO_LARGE.fill(&[("size", &text.len()), ("max", &MAX_INPUT_BYTES)]),
        );
        return Err(errs);
    }
    if more_values_than(text, MAX_JSON_VALUES).is_some() {
        push(
            &mut errs,
            "",
            t::JSON_TOO_MANY_VALUES.fill(&[("max", &MAX_JSON_VALUES)]),
        );
        return Err(errs);
    }
    // The top object with its arrays left as text: their elements are parsed one at a time
    // (`read_array`), so that the whole document never stands as one `Value` (at ministry
    // scale that tree took ~285 MB for a 40 MB file).
    let root: TopObject = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            syntax_error(&mut errs, e.line(), e.column(), &e);
            return Err(errs);
        }
    };
    let TopObject::Object(fields) = root else {
        push(&mut errs, "", t::JSON_NOT_OBJECT.s().to_string());
        return Err(errs);
    };
    // the scalar fields as values; the arrays stay text (a placeholder keeps their name)
    let mut map = Map::new();
    let mut arrays: HashMap<String, &RawValue> = HashMap::new();
    for (name, raw) in fields {
        if ARRAY_FIELDS.contains(&name.as_str()) {
            map.insert(name.clone(), Value::Null);
            arrays.insert(name, raw);
        } else if let Some(value) = value_of(&mut errs, text, raw) {
            map.insert(name, value);
        }
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let top = Fields {
        path: String::new(),
        map: &map,
    };
    top.unknown(&mut errs, TOP_FIELDS);
    if let Some(format) = top.req(&mut errs, "format", rd_string)
        && format != FORMAT
    {
        push(
            &mut errs,
            "format",
            t::JSON_FORMAT.fill(&[("found", &format), ("expected", &FORMAT)]),
        );
    }
    let year = top.req(&mut errs, "year", |e, p, v| rd_int(e, p, v, 1000, 9999));
    let rulebook = top
        .opt(&mut errs, "rulebook", rd_code)
        .unwrap_or_else(|| DEFAULT_RULEBOOK.to_string());

    let (units, units_read) = read_array(&mut errs, text, &arrays, "units", read_unit);
    check_units(&mut errs, &units);
    let unit_codes = Known::new(units.iter().filter_map(|u| u.code.as_deref()), units_read);

    let (ss, ss_read) = read_array(&mut errs, text, &arrays, "ss", read_ss);
    check_ss(&mut errs, &ss, &unit_codes);
    let ss_keys = Known::new(ss.iter().filter_map(|s| s.key()), ss_read);

    let (iku, iku_read) = read_array(&mut errs, text, &arrays, "iku", read_iku);
    check_iku(&mut errs, &iku, &unit_codes, &ss_keys);
    let iku_keys = Known::new(iku.iter().filter_map(|i| i.key()), iku_read);

    let (addenda, _) = read_array(&mut errs, text, &arrays, "addenda", read_addendum);
    check_addenda(&mut errs, &addenda, &unit_codes, &iku_keys);

    if !errs.is_empty() {
        return Err(errs);
    }
    let mut addenda: Vec<Addendum> = addenda.into_iter().map(|a| a.inner.value).collect();
    addenda.sort_by(|a, b| (&a.unit, a.version).cmp(&(&b.unit, b.version)));
    Ok(Dataset::from_parts(
        year.map_or(0, |y| y as i32),
        rulebook,
        units.into_iter().map(|u| u.inner.value),
        ss.into_iter().map(|s| s.inner.value),
        iku.into_iter().map(|i| i.inner.value),
        addenda,
    ))
}

/// An object being read: its path and fields.
struct Fields<'v> {
    path: String,
    map: &'v Map<String, Value>,
}

impl<'v> Fields<'v> {
    /// Reads `value` as an object at `path`.
    fn of(errs: &mut Errs, path: &str, value: &'v Value) -> Option<Self> {
        match value {
            Value::Object(map) => Some(Fields {
                path: path.to_string(),
                map,
            }),
            other => {
                wrong_type(errs, path, t::JSON_TYPE_OBJECT, other);
                None
            }
        }
    }
    fn at(&self, name: &str) -> String {
        join(&self.path, name)
    }
    /// Reports every field not in `allowed`.
    fn unknown(&self, errs: &mut Errs, allowed: &[&str]) {
        for key in self.map.keys() {
            if !allowed.contains(&key.as_str()) {
                let mut message = t::JSON_UNKNOWN_FIELD.fill(&[("field", key)]);
                if let Some(near) = nearest(key, allowed) {
                    message.push_str(&t::JSON_DID_YOU_MEAN.fill(&[("name", &near)]));
                }
                push(errs, &self.at(key), message);
            }
        }
    }
    /// A required field: missing is an error at this object's path.
    fn req<T>(
        &self,
        errs: &mut Errs,
        name: &str,
        read: impl FnOnce(&mut Errs, &str, &'v Value) -> Option<T>,
    ) -> Option<T> {
        match self.map.get(name) {
            Some(v) => read(errs, &self.at(name), v),
            None => {
                push(errs, &self.path, t::JSON_MISSING.fill(&[("field", &name)]));
                None
            }
        }
    }
    /// An optional field: `None` when missing or invalid (the error is recorded).
    fn opt<T>(
        &self,
        errs: &mut Errs,
        name: &str,
        read: impl FnOnce(&mut Errs, &str, &'v Value) -> Option<T>,
    ) -> Option<T> {
        self.map
            .get(name)
            .and_then(|v| read(errs, &self.at(name), v))
    }
}

/// The allowed name closest to a misspelt one (edit distance ≤ 2), if any.
fn nearest(name: &str, allowed: &[&str]) -> Option<String> {
    fn distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                let cost = usize::from(ca != cb);
                cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }
    let lower = name.to_lowercase();
    allowed
        .iter()
        .map(|a| (distance(&lower, a), *a))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, a)| a.to_string())
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => t::JSON_NAME_NULL.s().to_string(),
        Value::Bool(_) => t::JSON_NAME_BOOL.s().to_string(),
        Value::Number(n) => t::JSON_NAME_NUMBER.fill(&[("n", n)]),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let short = if short.len() < s.len() {
                format!("{short}…")
            } else {
                short
            };
            t::JSON_NAME_STRING.fill(&[("s", &short)])
        }
        Value::Array(_) => t::JSON_NAME_ARRAY.s().to_string(),
        Value::Object(_) => t::JSON_NAME_OBJECT.s().to_string(),
    }
}

fn wrong_type(errs: &mut Errs, path: &str, expected: Msg, found: &Value) {
    push(
        errs,
        path,
        t::JSON_WRONG_TYPE.fill(&[("expected", &expected.s()), ("found", &describe(found))]),
    );
}

// ---- readers: each reports its own errors at `path` and returns `None` on error ----

fn rd_string(errs: &mut Errs, path: &str, v: &Value) -> Option<String> {
    match v {
        Value::String(s) => {
            let len = s.chars().count();
            if len > MAX_STRING_CHARS {
                push(
                    errs,
                    path,
                    t::JSON_STRING_TOO_LONG.fill(&[("len", &len), ("max", &MAX_STRING_CHARS)]),
                );
                return None;
            }
            Some(s.clone())
        }
        other => {
            wrong_type(errs, path, t::JSON_TYPE_STRING, other);
            None
        }
    }
}

fn rd_opt_string(errs: &mut Errs, path: &str, v: &Value) -> Option<Option<String>> {
    match v {
        Value::Null => Some(None),
        Value::String(_) => rd_string(errs, path, v).map(Some),
        other => {
            wrong_type(errs, path, t::JSON_TYPE_STRING_OR_NULL, other);
            None
        }
    }
}

fn rd_code(errs: &mut Errs, path: &str, v: &Value) -> Option<String> {
    let s = rd_string(errs, path, v)?;
    if s.trim().is_empty() {
        push(errs, path, t::JSON_EMPTY_CODE.s().to_string());
        return None;
    }
    Some(s)
}

fn rd_opt_code(errs: &mut Errs, path: &str, v: &Value) -> Option<Option<String>> {
    match v {
        Value::Null => Some(None),
        Value::String(_) => rd_code(errs, path, v).map(Some),
        other => {
            wrong_type(errs, path, t::JSON_TYPE_STRING_OR_NULL, other);
            None
        }
    }
}

fn rd_bool(errs: &mut Errs, path: &str, v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        other => {
            wrong_type(errs, path, t::JSON_TYPE_BOOL, other);
            None
        }
    }
}

fn rd_int(errs: &mut Errs, path: &str, v: &Value, min: i64, max: i64) -> Option<i64> {
    let n = match v {
        Value::Number(n) => n.as_i64(),
        _ => None,
    };
    match n {
        Some(n) if (min..=max).contains(&n) => Some(n),
        Some(n) => {
            push(
                errs,
                path,
                t::JSON_OUT_OF_RANGE.fill(&[("value", &n), ("min", &min), ("max", &max)]),
            );
            None
        }
        None => {
            wrong_type(errs, path, t::JSON_TYPE_INTEGER, v);
            None
        }
    }
}

fn rd_opt_int(errs: &mut Errs, path: &str, v: &Value, min: i64, max: i64) -> Option<Option<i64>> {
    match v {
        Value::Null => Some(None),
        Value::Number(_) => rd_int(errs, path, v, min, max).map(Some),
        other => {
            wrong_type(errs, path, t::JSON_TYPE_INTEGER_OR_NULL, other);
            None
        }
    }
}

/// A decimal from a JSON number's exact text.
fn number_decimal(n: &Number) -> Option<Decimal> {
    let text = n.as_str();
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        parse_canonical(text)
    }
}

/// A decimal within the bounds of a stored value (`domain::bounds`, `domain` §4).
fn rd_dec(errs: &mut Errs, path: &str, v: &Value) -> Option<Decimal> {
    let d = rd_dec_unbounded(errs, path, v)?;
    match crate::domain::bounds::check(d) {
        Ok(()) => Some(d),
        Err(e) => {
            push(errs, path, crate::domain::bounds::message(d, e));
            None
        }
    }
}

fn rd_dec_unbounded(errs: &mut Errs, path: &str, v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => {
            let d = parse_canonical(s);
            if d.is_none() {
                let shown: String = s.chars().take(40).collect();
                push(errs, path, t::JSON_NOT_DECIMAL.fill(&[("text", &shown)]));
            }
            d
        }
        Value::Number(n) => {
            let d = number_decimal(n);
            if d.is_none() {
                push(
                    errs,
                    path,
                    t::JSON_DECIMAL_INEXACT.fill(&[("text", &n.as_str())]),
                );
            }
            d
        }
        other => {
            wrong_type(errs, path, t::JSON_TYPE_DECIMAL, other);
            None
        }
    }
}

fn rd_opt_dec(errs: &mut Errs, path: &str, v: &Value) -> Option<Option<Decimal>> {
    match v {
        Value::Null => Some(None),
        Value::String(_) | Value::Number(_) => rd_dec(errs, path, v).map(Some),
        other => {
            wrong_type(errs, path, t::JSON_TYPE_DECIMAL_OR_NULL, other);
            None
        }
    }
}

/// The enumerations of the format, read by their spelling.
trait Spelled: Sized {
    fn from_spelling(s: &str) -> Option<Self>;
    fn allowed() -> String;
}

macro_rules! spelled {
    ($($t:ty),+) => {$(
        impl Spelled for $t {
            fn from_spelling(s: &str) -> Option<Self> { <$t>::parse(s) }
            fn allowed() -> String { <$t>::spellings() }
        }
    )+};
}
spelled!(
    Level,
    Perspective,
    Polarity,
    Consolidation,
    ReportingPeriod,
    Validity,
    Control,
    CascadeMethod,
    CascadeKind,
    LocationConsolidation,
    TargetBasis
);

fn unknown_value<T: Spelled>(errs: &mut Errs, path: &str, value: &str) {
    let shown: String = value.chars().take(40).collect();
    push(
        errs,
        path,
        t::JSON_UNKNOWN_VALUE.fill(&[("value", &shown), ("allowed", &T::allowed())]),
    );
}

fn rd_enum<T: Spelled>(errs: &mut Errs, path: &str, v: &Value) -> Option<T> {
    let Value::String(s) = v else {
        wrong_type(errs, path, t::JSON_TYPE_STRING, v);
        return None;
    };
    let parsed = T::from_spelling(s);
    if parsed.is_none() {
        unknown_value::<T>(errs, path, s);
    }
    parsed
}

fn rd_months(errs: &mut Errs, path: &str, v: &Value) -> Option<Months> {
    let Value::Array(items) = v else {
        wrong_type(errs, path, t::JSON_TYPE_ARRAY, v);
        return None;
    };
    let mut ok = true;
    if items.len() != 12 {
        push(
            errs,
            path,
            t::JSON_MONTH_COUNT.fill(&[("found", &items.len())]),
        );
        ok = false;
    }
    let mut out = NO_MONTHS;
    for (i, item) in items.iter().enumerate() {
        match rd_opt_dec(errs, &format!("{path}[{i}]"), item) {
            Some(d) if i < 12 => out[i] = d,
            Some(_) => {}
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn rd_code_ref(errs: &mut Errs, path: &str, v: &Value) -> Option<CodeRef> {
    let f = Fields::of(errs, path, v)?;
    f.unknown(errs, REF_FIELDS);
    let unit = f.req(errs, "unit", rd_code);
    let code = f.req(errs, "code", rd_code);
    Some(CodeRef::new(unit?, code?))
}

fn rd_opt_code_ref(errs: &mut Errs, path: &str, v: &Value) -> Option<Option<CodeRef>> {
    match v {
        Value::Null => Some(None),
        Value::Object(_) => rd_code_ref(errs, path, v).map(Some),
        other => {
            wrong_type(errs, path, t::JSON_TYPE_OBJECT_OR_NULL, other);
            None
        }
    }
}

fn rd_cascade(errs: &mut Errs, path: &str, v: &Value) -> Option<Option<Cascade>> {
    match v {
        Value::String(s) if s == "none" => Some(None),
        Value::String(s) => {
            let shown: String = s.chars().take(40).collect();
            push(
                errs,
                path,
                t::JSON_UNKNOWN_VALUE.fill(&[
                    ("value", &shown),
                    ("allowed", &"none | {from, method, kind}"),
                ]),
            );
            None
        }
        Value::Object(_) => {
            let f = Fields::of(errs, path, v)?;
            f.unknown(errs, CASCADE_FIELDS);
            let from = f.req(errs, "from", rd_code_ref);
            let method = f.req(errs, "method", rd_enum::<CascadeMethod>);
            let kind = f.req(errs, "kind", rd_enum::<CascadeKind>);
            Some(Some(Cascade {
                from: from?,
                method: method?,
                kind: kind?,
            }))
        }
        other => {
            wrong_type(errs, path, t::JSON_TYPE_CASCADE, other);
            None
        }
    }
}

fn rd_scale(errs: &mut Errs, path: &str, v: &Value) -> Option<Option<Vec<ScalePoint>>> {
    let items = match v {
        Value::Null => return Some(None),
        Value::Array(items) => items,
        other => {
            wrong_type(errs, path, t::JSON_TYPE_ARRAY_OR_NULL, other);
            return None;
        }
    };
    let mut ok = true;
    let mut points = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let p = format!("{path}[{i}]");
        match item {
            Value::Array(pair) if pair.len() == 2 => {
                let ca = rd_dec(errs, &format!("{p}[0]"), &pair[0]);
                let score = rd_dec(errs, &format!("{p}[1]"), &pair[1]);
                match (ca, score) {
                    (Some(ca), Some(score)) => {
                        if let Some(prev) = points.last().map(|x: &ScalePoint| x.ca)
                            && ca <= prev
                        {
                            push(
                                errs,
                                &p,
                                t::JSON_SCALE_ORDER.fill(&[("ca", &ca), ("prev", &prev)]),
                            );
                            ok = false;
                        }
                        points.push(ScalePoint { ca, score });
                    }
                    _ => ok = false,
                }
            }
            other => {
                wrong_type(errs, &p, t::JSON_TYPE_PAIR, other);
                ok = false;
            }
        }
    }
    if items.len() < 2 {
        push(errs, path, t::JSON_SCALE_SHORT.s().to_string());
        ok = false;
    }
    ok.then_some(Some(points))
}

fn rd_weights(errs: &mut Errs, path: &str, v: &Value) -> Option<BTreeMap<Perspective, Dec>> {
    let f = Fields::of(errs, path, v)?;
    let mut ok = true;
    let mut out = BTreeMap::new();
    for (key, value) in f.map {
        let p = f.at(key);
        let perspective = Perspective::parse(key);
        if perspective.is_none() {
            unknown_value::<Perspective>(errs, &p, key);
        }
        match (perspective, rd_dec(errs, &p, value)) {
            (Some(k), Some(d)) => {
                out.insert(k, Dec(d));
            }
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

fn rd_date(errs: &mut Errs, path: &str, v: &Value) -> Option<NaiveDate> {
    let s = rd_string(errs, path, v)?;
    let valid = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    let date = valid
        .then(|| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        .flatten();
    if date.is_none() {
        let shown: String = s.chars().take(40).collect();
        push(errs, path, t::JSON_BAD_DATE.fill(&[("text", &shown)]));
    }
    date
}

/// The keys of a section, for reference checks. When the section itself could not be read (not
/// an array) every reference to it is taken as valid, so that one broken section does not bury
/// the real errors under "unknown" ones.
struct Known<K> {
    set: HashSet<K>,
    readable: bool,
}

impl<K: std::hash::Hash + Eq> Known<K> {
    fn new(keys: impl Iterator<Item = K>, readable: bool) -> Self {
        Known {
            set: keys.collect(),
            readable,
        }
    }
    fn contains<Q>(&self, key: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        !self.readable || self.set.contains(key)
    }
}

/// Reads an optional array field of objects; each element with `read(errs, path, fields)`.
/// The flag is false when the field is there but not an array.
/// The top-level fields that hold arrays of records, read element by element.
const ARRAY_FIELDS: &[&str] = &["units", "ss", "iku", "addenda"];

/// The document's top level: an object's fields in document order, each left as text, or
/// anything else (refused).
enum TopObject<'a> {
    Object(Vec<(String, &'a RawValue)>),
    Other,
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for TopObject<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = TopObject<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON document")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out: Vec<(String, &'de RawValue)> = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, &'de RawValue>()? {
                    // a repeated name: the last one counts, where the first one stood
                    match out.iter_mut().find(|(name, _)| *name == k) {
                        Some(slot) => slot.1 = v,
                        None => out.push((k, v)),
                    }
                }
                Ok(TopObject::Object(out))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut s: A,
            ) -> Result<Self::Value, A::Error> {
                // as values, so that a nesting too deep is the syntax error it always was
                while s.next_element::<Value>()?.is_some() {}
                Ok(TopObject::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(TopObject::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(TopObject::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(TopObject::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(TopObject::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(TopObject::Other)
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(TopObject::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// Reads the array `name` of the top level (kept as text in `arrays`) element by element: each
/// is parsed, read and dropped before the next. `text` is the whole document.
fn read_array<T>(
    errs: &mut Errs,
    text: &str,
    arrays: &HashMap<String, &RawValue>,
    name: &str,
    read: impl Fn(&mut Errs, &Fields<'_>) -> T,
) -> (Vec<Draft<T>>, bool) {
    let mut out = Vec::new();
    let Some(raw) = arrays.get(name) else {
        return (out, true);
    };
    let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(raw.get()) else {
        if let Some(v) = value_of(errs, text, raw) {
            wrong_type(errs, name, t::JSON_TYPE_ARRAY, &v);
        }
        return (out, false);
    };
    for (i, item) in items.iter().enumerate() {
        let path = format!("{name}[{i}]");
        let Some(value) = value_of(errs, text, item) else {
            return (out, false);
        };
        if let Some(f) = Fields::of(errs, &path, &value) {
            out.push(Draft {
                path,
                inner: read(errs, &f),
            });
        }
    }
    (out, true)
}

/// Parses a part of the document `text` (a field or an element, which lies inside it) as a
/// value. The document as a whole is well-formed already, so only a nesting deeper than
/// serde_json allows fails here: that is reported as a syntax error at its place in `text`.
fn value_of(errs: &mut Errs, text: &str, raw: &RawValue) -> Option<Value> {
    match serde_json::from_str(raw.get()) {
        Ok(v) => Some(v),
        Err(e) => {
            let offset = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
            let before = text.get(..offset).unwrap_or("");
            let line = before.matches('\n').count() + e.line();
            let column = match e.line() {
                1 => offset - before.rfind('\n').map_or(0, |i| i + 1) + e.column(),
                _ => e.column(),
            };
            syntax_error(errs, line, column, &e);
            None
        }
    }
}

/// A syntax error of the document at `line`, `column`.
fn syntax_error(errs: &mut Errs, line: usize, column: usize, e: &serde_json::Error) {
    let detail = e.to_string();
    let detail = detail
        .split(" at line ")
        .next()
        .unwrap_or(&detail)
        .to_string();
    push(
        errs,
        "",
        t::JSON_SYNTAX.fill(&[("line", &line), ("column", &column), ("detail", &detail)]),
    );
}

/// One read element with its path.
struct Draft<T> {
    path: String,
    inner: T,
}

impl<T> std::ops::Deref for Draft<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.inner
    }
}

/// A unit as read: the key fields that parsed, and the value with defaults where they did not.
struct UnitRead {
    code: Option<String>,
    parent: Option<Option<String>>,
    value: Unit,
}

fn read_unit(errs: &mut Errs, f: &Fields) -> UnitRead {
    f.unknown(errs, UNIT_FIELDS);
    let code = f.req(errs, "code", rd_code);
    let name = f.req(errs, "name", rd_string);
    let level = f.req(errs, "level", rd_enum::<Level>);
    let parent = f.req(errs, "parent", rd_opt_code);
    let weights = f.opt(errs, "perspective_weights", rd_weights);
    UnitRead {
        value: Unit {
            code: code.clone().unwrap_or_default(),
            name: name.unwrap_or_default(),
            level: level.unwrap_or(Level::Wide),
            parent: parent.clone().flatten(),
            perspective_weights: weights.unwrap_or_default(),
        },
        code,
        parent,
    }
}

fn check_units(errs: &mut Errs, units: &[Draft<UnitRead>]) {
    // first occurrence of each code
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        let Some(code) = u.code.as_deref() else {
            continue;
        };
        if let Some(&j) = first.get(code) {
            push(
                errs,
                &join(&u.path, "code"),
                t::JSON_DUPLICATE.fill(&[("code", &code), ("other", &units[j].path)]),
            );
        } else {
            first.insert(code, i);
        }
    }
    for u in units {
        if let Some(Some(p)) = &u.parent
            && !first.contains_key(p.as_str())
        {
            push(
                errs,
                &join(&u.path, "parent"),
                t::JSON_UNKNOWN_UNIT.fill(&[("code", p)]),
            );
        }
    }
    // cycles: follow the parents of each unit
    let parent_of = |code: &str| -> Option<&str> {
        first
            .get(code)
            .and_then(|&i| units[i].parent.as_ref())
            .and_then(|p| p.as_deref())
    };
    for (i, u) in units.iter().enumerate() {
        let Some(code) = u.code.as_deref() else {
            continue;
        };
        if first[code] != i {
            continue;
        }
        let mut chain = vec![code];
        let mut cur = parent_of(code);
        while let Some(c) = cur {
            if c == code {
                // report once, at the cycle's first unit in the document
                if chain.iter().all(|m| first[m] >= i) {
                    chain.push(c);
                    push(
                        errs,
                        &join(&u.path, "parent"),
                        t::JSON_CYCLE.fill(&[("chain", &chain.join(" → "))]),
                    );
                }
                break;
            }
            if chain.contains(&c) {
                break; // a cycle further up that does not contain this unit
            }
            chain.push(c);
            cur = parent_of(c);
        }
    }
}

struct SsRead {
    unit: Option<String>,
    code: Option<String>,
    cascaded_from: Option<Option<CodeRef>>,
    value: Ss,
}

impl SsRead {
    fn key(&self) -> Option<CodeRef> {
        Some(CodeRef::new(self.unit.as_ref()?, self.code.as_ref()?))
    }
}

fn read_ss(errs: &mut Errs, f: &Fields) -> SsRead {
    f.unknown(errs, SS_FIELDS);
    let unit = f.req(errs, "unit", rd_code);
    let code = f.req(errs, "code", rd_code);
    let perspective = f.req(errs, "perspective", rd_enum::<Perspective>);
    let name = f.req(errs, "name", rd_string);
    let weight = f.opt(errs, "weight", rd_opt_dec);
    let cascaded_from = f.opt(errs, "cascaded_from", rd_opt_code_ref);
    SsRead {
        value: Ss {
            unit: unit.clone().unwrap_or_default(),
            code: code.clone().unwrap_or_default(),
            perspective: perspective.unwrap_or(Perspective::Stakeholder),
            name: name.unwrap_or_default(),
            weight: weight.flatten(),
            cascaded_from: cascaded_from.clone().flatten(),
        },
        unit,
        code,
        cascaded_from,
    }
}

fn check_ss(errs: &mut Errs, ss: &[Draft<SsRead>], units: &Known<&str>) {
    let mut first: HashMap<CodeRef, &str> = HashMap::new();
    for s in ss {
        if let Some(u) = &s.unit
            && !units.contains(u.as_str())
        {
            push(
                errs,
                &join(&s.path, "unit"),
                t::JSON_UNKNOWN_UNIT.fill(&[("code", u)]),
            );
        }
        if let Some(key) = s.key() {
            if let Some(other) = first.get(&key) {
                push(
                    errs,
                    &join(&s.path, "code"),
                    t::JSON_DUPLICATE.fill(&[("code", &key), ("other", other)]),
                );
            } else {
                first.insert(key, &s.path);
            }
        }
    }
    for s in ss {
        if let Some(Some(r)) = &s.cascaded_from
            && !first.contains_key(r)
        {
            push(
                errs,
                &join(&s.path, "cascaded_from"),
                t::JSON_UNKNOWN_SS.fill(&[("code", &r.code), ("unit", &r.unit)]),
            );
        }
    }
}

struct IkuRead {
    unit: Option<String>,
    code: Option<String>,
    ss: Option<String>,
    cascade: Option<Option<Cascade>>,
    value: Iku,
}

impl IkuRead {
    fn key(&self) -> Option<CodeRef> {
        Some(CodeRef::new(self.unit.as_ref()?, self.code.as_ref()?))
    }
}

fn read_iku(errs: &mut Errs, f: &Fields) -> IkuRead {
    f.unknown(errs, IKU_FIELDS);
    let unit = f.req(errs, "unit", rd_code);
    let code = f.req(errs, "code", rd_code);
    let ss = f.req(errs, "ss", rd_code);
    let name = f.req(errs, "name", rd_string);
    let unit_of_measure = f.req(errs, "unit_of_measure", rd_string);
    let polarity = f.req(errs, "polarity", rd_enum::<Polarity>);
    let period_consolidation = f.req(errs, "period_consolidation", rd_enum::<Consolidation>);
    let reporting_period = f.req(errs, "reporting_period", rd_enum::<ReportingPeriod>);
    let validity = f.req(errs, "validity", rd_enum::<Validity>);
    let control = f.req(errs, "control", rd_enum::<Control>);
    let targets = f.req(errs, "targets", rd_months);
    let cascade = f.opt(errs, "cascade", rd_cascade);
    let mut iku = Iku::new(
        unit.as_deref().unwrap_or_default(),
        code.as_deref().unwrap_or_default(),
        ss.as_deref().unwrap_or_default(),
        polarity.unwrap_or(Polarity::Maximize),
        period_consolidation.unwrap_or(Consolidation::Sum),
        reporting_period.unwrap_or(ReportingPeriod::Monthly),
    );
    iku.name = name.unwrap_or_default();
    iku.unit_of_measure = unit_of_measure.unwrap_or_default();
    iku.validity = validity.unwrap_or(Validity::Proxy);
    iku.control = control.unwrap_or(Control::Moderate);
    iku.targets = targets.unwrap_or(NO_MONTHS);
    iku.cascade = cascade.clone().flatten();
    let opt_str = |errs: &mut Errs, name: &str| f.opt(errs, name, rd_string).unwrap_or_default();
    let opt_bool = |errs: &mut Errs, name: &str| f.opt(errs, name, rd_bool).unwrap_or(false);
    let opt_dec = |errs: &mut Errs, name: &str| f.opt(errs, name, rd_opt_dec).flatten();
    iku.definition = opt_str(errs, "definition");
    iku.formula = opt_str(errs, "formula");
    iku.weight = opt_dec(errs, "weight");
    iku.konversi_120 = opt_bool(errs, "konversi_120");
    iku.stabilize_scale = f.opt(errs, "stabilize_scale", rd_scale).flatten();
    iku.worst_realisasi = opt_dec(errs, "worst_realisasi");
    iku.measures_quality_or_time = opt_bool(errs, "measures_quality_or_time");
    if let Some(lc) = f.opt(
        errs,
        "location_consolidation",
        rd_enum::<LocationConsolidation>,
    ) {
        iku.location_consolidation = lc;
    }
    iku.tanggung_renteng = opt_bool(errs, "tanggung_renteng");
    iku.collective = opt_bool(errs, "collective");
    if let Some(tb) = f.opt(errs, "target_basis", rd_enum::<TargetBasis>) {
        iku.target_basis = tb;
    }
    iku.special_points = f
        .opt(errs, "special_points", |e, p, v| rd_opt_int(e, p, v, 1, 5))
        .flatten()
        .map(|n| n as u8);
    iku.special_reason = f.opt(errs, "special_reason", rd_opt_string).flatten();
    iku.new_iku = opt_bool(errs, "new_iku");
    iku.target_prev = opt_dec(errs, "target_prev");
    iku.realisasi_prev = opt_dec(errs, "realisasi_prev");
    iku.capaian_prev2_over_125 = opt_bool(errs, "capaian_prev2_over_125");
    iku.avg_realisasi_prev = opt_dec(errs, "avg_realisasi_prev");
    iku.data_source = opt_str(errs, "data_source");
    iku.responsible = opt_str(errs, "responsible");
    iku.realisasi = f.opt(errs, "realisasi", rd_months).unwrap_or(NO_MONTHS);
    IkuRead {
        unit,
        code,
        ss,
        cascade,
        value: iku,
    }
}

fn check_iku(errs: &mut Errs, iku: &[Draft<IkuRead>], units: &Known<&str>, ss: &Known<CodeRef>) {
    let mut first: HashMap<CodeRef, &str> = HashMap::new();
    for i in iku {
        let unit_known = i.unit.as_deref().is_some_and(|u| units.contains(u));
        if let Some(u) = &i.unit
            && !unit_known
        {
            push(
                errs,
                &join(&i.path, "unit"),
                t::JSON_UNKNOWN_UNIT.fill(&[("code", u)]),
            );
        }
        if let Some(key) = i.key() {
            if let Some(other) = first.get(&key) {
                push(
                    errs,
                    &join(&i.path, "code"),
                    t::JSON_DUPLICATE.fill(&[("code", &key), ("other", other)]),
                );
            } else {
                first.insert(key, &i.path);
            }
        }
        if let (Some(u), Some(s)) = (&i.unit, &i.ss)
            && unit_known
            && !ss.contains(&CodeRef::new(u, s))
        {
            push(
                errs,
                &join(&i.path, "ss"),
                t::JSON_UNKNOWN_SS.fill(&[("code", s), ("unit", u)]),
            );
        }
    }
    for i in iku {
        if let Some(Some(c)) = &i.cascade
            && !first.contains_key(&c.from)
        {
            push(
                errs,
                &join(&i.path, "cascade.from"),
                t::JSON_UNKNOWN_IKU.fill(&[("code", &c.from.code), ("unit", &c.from.unit)]),
            );
        }
    }
}

struct AddendumRead {
    unit: Option<String>,
    version: Option<u32>,
    /// Per change: its path, `iku` and `field` when they parsed.
    changes: Vec<(String, Option<String>, Option<Field>)>,
    value: Addendum,
}

fn read_addendum(errs: &mut Errs, f: &Fields) -> AddendumRead {
    f.unknown(errs, ADDENDUM_FIELDS);
    let unit = f.req(errs, "unit", rd_code);
    let version = f
        .req(errs, "version", |e, p, v| {
            rd_int(e, p, v, 1, i64::from(u32::MAX))
        })
        .map(|n| n as u32);
    let date = f.req(errs, "date", rd_date);
    let reason = f.req(errs, "reason", rd_string);
    let mut changes = Vec::new();
    let mut refs = Vec::new();
    if let Some(v) = f.req(errs, "changes", |_, _, v| Some(v)) {
        let path = f.at("changes");
        match v {
            Value::Array(items) => {
                for (j, item) in items.iter().enumerate() {
                    let p = format!("{path}[{j}]");
                    if let Some(cf) = Fields::of(errs, &p, item) {
                        let (change, iku, field) = read_change(errs, &cf);
                        refs.push((p, iku, field));
                        changes.push(change);
                    }
                }
            }
            other => wrong_type(errs, &path, t::JSON_TYPE_ARRAY, other),
        }
    }
    AddendumRead {
        value: Addendum {
            unit: unit.clone().unwrap_or_default(),
            version: version.unwrap_or(0),
            date: date.unwrap_or_default(),
            reason: reason.unwrap_or_default(),
            changes,
        },
        unit,
        version,
        changes: refs,
    }
}

fn read_change(errs: &mut Errs, f: &Fields) -> (AddendumChange, Option<String>, Option<Field>) {
    f.unknown(errs, CHANGE_FIELDS);
    let iku = f.req(errs, "iku", rd_code);
    let field = f.req(errs, "field", rd_string);
    let month = f
        .req(errs, "month", |e, p, v| rd_int(e, p, v, 0, 12))
        .map(|n| n as u8);
    let old = f.opt(errs, "old", rd_opt_dec).flatten();
    let new = f.opt(errs, "new", rd_opt_dec).flatten();
    let mut field_ok = None;
    if let Some(name) = &field {
        let fp = f.at("field");
        let mp = f.at("month");
        match Field::parse(name) {
            Some(fd) if fd.is_monthly() => {
                if month == Some(0) {
                    push(
                        errs,
                        &mp,
                        t::JSON_CHANGE_MONTH_VALUE.fill(&[("field", name)]),
                    );
                }
                field_ok = Some(fd);
            }
            Some(fd) => {
                if month.is_some_and(|m| m != 0) {
                    push(
                        errs,
                        &mp,
                        t::JSON_CHANGE_MONTH_STRUCT.fill(&[("field", name)]),
                    );
                }
                if old.is_some() || new.is_some() {
                    push(
                        errs,
                        f.path.as_str(),
                        t::JSON_CHANGE_NO_VALUES.fill(&[("field", name)]),
                    );
                }
                field_ok = Some(fd);
            }
            None => {
                let shown: String = name.chars().take(40).collect();
                push(errs, &fp, t::JSON_CHANGE_FIELD.fill(&[("value", &shown)]));
            }
        }
    }
    let change = AddendumChange {
        iku: iku.clone().unwrap_or_default(),
        field: field_ok.unwrap_or(Field::Targets),
        month: month.unwrap_or(0),
        old,
        new,
    };
    (change, iku, field_ok)
}

fn check_addenda(
    errs: &mut Errs,
    addenda: &[Draft<AddendumRead>],
    units: &Known<&str>,
    iku: &Known<CodeRef>,
) {
    let mut removed: HashSet<CodeRef> = HashSet::new();
    for a in addenda {
        let Some(u) = &a.unit else { continue };
        for (_, code, field) in &a.changes {
            if let (Some(code), Some(Field::RemoveIku)) = (code, field) {
                removed.insert(CodeRef::new(u, code));
            }
        }
    }
    let mut first: HashMap<(&str, u32), &str> = HashMap::new();
    for a in addenda {
        let unit_known = a.unit.as_deref().is_some_and(|u| units.contains(u));
        if let Some(u) = &a.unit
            && !unit_known
        {
            push(
                errs,
                &join(&a.path, "unit"),
                t::JSON_UNKNOWN_UNIT.fill(&[("code", u)]),
            );
        }
        if let (Some(u), Some(v)) = (&a.unit, a.version) {
            if let Some(other) = first.get(&(u.as_str(), v)) {
                push(
                    errs,
                    &join(&a.path, "version"),
                    t::JSON_DUPLICATE_VERSION.fill(&[
                        ("version", &v),
                        ("unit", u),
                        ("other", other),
                    ]),
                );
            } else {
                first.insert((u.as_str(), v), &a.path);
            }
        }
        let Some(u) = a.unit.as_ref().filter(|_| unit_known) else {
            continue;
        };
        for (path, code, field) in &a.changes {
            if let (Some(code), Some(_)) = (code, field) {
                let key = CodeRef::new(u, code);
                if !iku.contains(&key) && !removed.contains(&key) {
                    push(
                        errs,
                        &join(path, "iku"),
                        t::JSON_UNKNOWN_IKU.fill(&[("code", code), ("unit", u)]),
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/// Writes `ds` as a `kinerja/1` document (see the module documentation for the layout).
pub fn export_document(ds: &Dataset) -> String {
    let mut addenda: Vec<&Addendum> = ds.addenda.iter().collect();
    addenda.sort_by(|a, b| (&a.unit, a.version).cmp(&(&b.unit, b.version)));
    let head: [(&str, Value); 3] = [
        ("format", FORMAT.into()),
        ("year", ds.year.into()),
        ("rulebook", ds.rulebook.clone().into()),
    ];
    if ds.units.is_empty() && ds.ss.is_empty() && ds.iku.is_empty() && addenda.is_empty() {
        // small enough for `write_pretty` to decide the layout of the whole
        let mut root: Map<String, Value> =
            head.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        for name in ["units", "ss", "iku", "addenda"] {
            root.insert(name.into(), Value::Array(Vec::new()));
        }
        let mut out = String::new();
        write_pretty(&mut out, &Value::Object(root), 0, 0);
        out.push('\n');
        return out;
    }
    // The layout `write_pretty` gives the whole document, written record by record: the
    // document never stands as one `Value` (at ministry scale that tree took ~285 MB).
    let mut out = String::from("{\n");
    for (name, value) in &head {
        let key = scalar(&Value::String(name.to_string()));
        out.push_str("  ");
        out.push_str(&key);
        out.push_str(": ");
        write_pretty(&mut out, value, 2, 2 + key.chars().count() + 2);
        out.push_str(",\n");
    }
    write_array(&mut out, "units", ds.units.values().map(unit_value), false);
    write_array(&mut out, "ss", ds.ss.values().map(ss_value), false);
    write_array(&mut out, "iku", ds.iku.values().map(iku_value), false);
    write_array(
        &mut out,
        "addenda",
        addenda.into_iter().map(addendum_value),
        true,
    );
    out.push_str("}\n");
    out
}

/// One array field of the top level, as `write_pretty` lays it out, its values made one at a
/// time.
fn write_array(
    out: &mut String,
    name: &str,
    items: impl ExactSizeIterator<Item = Value>,
    last: bool,
) {
    out.push_str("  ");
    out.push_str(&scalar(&Value::String(name.to_string())));
    out.push_str(": ");
    let n = items.len();
    if n == 0 {
        out.push_str("[]");
    } else {
        out.push_str("[\n");
        for (i, item) in items.enumerate() {
            out.push_str("    ");
            write_pretty(out, &item, 4, 4);
            out.push_str(if i + 1 < n { ",\n" } else { "\n" });
        }
        out.push_str("  ]");
    }
    out.push_str(if last { "\n" } else { ",\n" });
}

fn dec_value(d: Decimal) -> Value {
    Value::String(d.to_string())
}

fn opt_dec_value(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, dec_value)
}

fn opt_string_value(s: Option<&String>) -> Value {
    s.map_or(Value::Null, |s| Value::String(s.clone()))
}

fn ref_value(r: &CodeRef) -> Value {
    let mut m = Map::new();
    m.insert("unit".into(), r.unit.clone().into());
    m.insert("code".into(), r.code.clone().into());
    Value::Object(m)
}

fn months_value(m: &Months) -> Value {
    Value::Array(m.iter().map(|d| opt_dec_value(*d)).collect())
}

fn unit_value(u: &Unit) -> Value {
    let mut m = Map::new();
    m.insert("code".into(), u.code.clone().into());
    m.insert("name".into(), u.name.clone().into());
    m.insert("level".into(), u.level.as_str().into());
    m.insert("parent".into(), opt_string_value(u.parent.as_ref()));
    let weights: Map<String, Value> = u
        .perspective_weights
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), dec_value(v.0)))
        .collect();
    m.insert("perspective_weights".into(), Value::Object(weights));
    Value::Object(m)
}

fn ss_value(s: &Ss) -> Value {
    let mut m = Map::new();
    m.insert("unit".into(), s.unit.clone().into());
    m.insert("code".into(), s.code.clone().into());
    m.insert("perspective".into(), s.perspective.as_str().into());
    m.insert("name".into(), s.name.clone().into());
    m.insert("weight".into(), opt_dec_value(s.weight));
    m.insert(
        "cascaded_from".into(),
        s.cascaded_from.as_ref().map_or(Value::Null, ref_value),
    );
    Value::Object(m)
}

fn iku_value(i: &Iku) -> Value {
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.to_string(), v);
    };
    put("unit", i.unit.clone().into());
    put("code", i.code.clone().into());
    put("ss", i.ss.clone().into());
    put("name", i.name.clone().into());
    put("definition", i.definition.clone().into());
    put("formula", i.formula.clone().into());
    put("unit_of_measure", i.unit_of_measure.clone().into());
    put("polarity", i.polarity.as_str().into());
    put(
        "period_consolidation",
        i.period_consolidation.as_str().into(),
    );
    put("reporting_period", i.reporting_period.as_str().into());
    put("weight", opt_dec_value(i.weight));
    put("konversi_120", i.konversi_120.into());
    put(
        "stabilize_scale",
        i.stabilize_scale.as_ref().map_or(Value::Null, |s| {
            Value::Array(
                s.iter()
                    .map(|p| Value::Array(vec![dec_value(p.ca), dec_value(p.score)]))
                    .collect(),
            )
        }),
    );
    put("worst_realisasi", opt_dec_value(i.worst_realisasi));
    put("validity", i.validity.as_str().into());
    put("control", i.control.as_str().into());
    put(
        "measures_quality_or_time",
        i.measures_quality_or_time.into(),
    );
    put(
        "cascade",
        match &i.cascade {
            None => "none".into(),
            Some(c) => {
                let mut cm = Map::new();
                cm.insert("from".into(), ref_value(&c.from));
                cm.insert("method".into(), c.method.as_str().into());
                cm.insert("kind".into(), c.kind.as_str().into());
                Value::Object(cm)
            }
        },
    );
    put(
        "location_consolidation",
        i.location_consolidation.as_str().into(),
    );
    put("tanggung_renteng", i.tanggung_renteng.into());
    put("collective", i.collective.into());
    put("target_basis", i.target_basis.as_str().into());
    put(
        "special_points",
        i.special_points.map_or(Value::Null, Value::from),
    );
    put(
        "special_reason",
        opt_string_value(i.special_reason.as_ref()),
    );
    put("new_iku", i.new_iku.into());
    put("target_prev", opt_dec_value(i.target_prev));
    put("realisasi_prev", opt_dec_value(i.realisasi_prev));
    put("capaian_prev2_over_125", i.capaian_prev2_over_125.into());
    put("avg_realisasi_prev", opt_dec_value(i.avg_realisasi_prev));
    put("data_source", i.data_source.clone().into());
    put("responsible", i.responsible.clone().into());
    put("targets", months_value(&i.targets));
    put("realisasi", months_value(&i.realisasi));
    Value::Object(m)
}

fn addendum_value(a: &Addendum) -> Value {
    let mut m = Map::new();
    m.insert("unit".into(), a.unit.clone().into());
    m.insert("version".into(), a.version.into());
    m.insert("date".into(), a.date.format("%Y-%m-%d").to_string().into());
    m.insert("reason".into(), a.reason.clone().into());
    let changes = a
        .changes
        .iter()
        .map(|c| {
            let mut cm = Map::new();
            cm.insert("iku".into(), c.iku.clone().into());
            cm.insert("field".into(), c.field.as_str().into());
            cm.insert("month".into(), c.month.into());
            cm.insert("old".into(), opt_dec_value(c.old));
            cm.insert("new".into(), opt_dec_value(c.new));
            Value::Object(cm)
        })
        .collect();
    m.insert("changes".into(), Value::Array(changes));
    Value::Object(m)
}

/// Widest line the writer puts an object on.
const LINE_WIDTH: usize = 100;

fn scalar(v: &Value) -> String {
    serde_json::to_string(v).expect("a JSON scalar always serialises")
}

/// One-line form of a value without arrays of objects, or `None`.
fn inline(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => {
            let parts: Option<Vec<String>> = items
                .iter()
                .map(|x| if x.is_object() { None } else { inline(x) })
                .collect();
            Some(format!("[{}]", parts?.join(", ")))
        }
        Value::Object(map) => {
            if map.is_empty() {
                return Some("{}".into());
            }
            let parts: Option<Vec<String>> = map
                .iter()
                .map(|(k, x)| {
                    inline(x).map(|s| format!("{}: {s}", scalar(&Value::String(k.clone()))))
                })
                .collect();
            Some(format!("{{ {} }}", parts?.join(", ")))
        }
        other => Some(scalar(other)),
    }
}

/// Writes `v` with `indent` spaces before nested lines; `used` is the width already taken on the
/// current line. Arrays of plain values always go on one line; objects when they fit.
fn write_pretty(out: &mut String, v: &Value, indent: usize, used: usize) {
    if let Some(line) = inline(v)
        && (!v.is_object() || used + line.chars().count() <= LINE_WIDTH)
    {
        out.push_str(&line);
        return;
    }
    let pad = " ".repeat(indent + 2);
    match v {
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, x) in items.iter().enumerate() {
                out.push_str(&pad);
                write_pretty(out, x, indent + 2, indent + 2);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&" ".repeat(indent));
            out.push(']');
        }
        Value::Object(map) => {
            out.push_str("{\n");
            for (i, (k, x)) in map.iter().enumerate() {
                let key = scalar(&Value::String(k.clone()));
                out.push_str(&pad);
                out.push_str(&key);
                out.push_str(": ");
                write_pretty(out, x, indent + 2, indent + 2 + key.chars().count() + 2);
                out.push_str(if i + 1 < map.len() { ",\n" } else { "\n" });
            }
            out.push_str(&" ".repeat(indent));
            out.push('}');
        }
        other => out.push_str(&scalar(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document as one `Value` laid out by `write_pretty`: what `export_document` writes
    /// record by record must be exactly this.
    fn whole(ds: &Dataset) -> String {
        let mut root = Map::new();
        root.insert("format".into(), FORMAT.into());
        root.insert("year".into(), ds.year.into());
        root.insert("rulebook".into(), ds.rulebook.clone().into());
        root.insert("units".into(), ds.units.values().map(unit_value).collect());
        root.insert("ss".into(), ds.ss.values().map(ss_value).collect());
        root.insert("iku".into(), ds.iku.values().map(iku_value).collect());
        let mut addenda: Vec<&Addendum> = ds.addenda.iter().collect();
        addenda.sort_by(|a, b| (&a.unit, a.version).cmp(&(&b.unit, b.version)));
        root.insert(
            "addenda".into(),
            addenda.into_iter().map(addendum_value).collect(),
        );
        let mut out = String::new();
        write_pretty(&mut out, &Value::Object(root), 0, 0);
        out.push('\n');
        out
    }

    #[test]
    fn the_document_written_record_by_record_is_the_whole_one() {
        let sample = import_document(include_str!("../../fixtures/kalbar-2025.json")).unwrap();
        let kanwil = crate::demo::generate(crate::demo::Scale::Kanwil, 9, 2025);
        let mut no_addenda = sample.clone();
        no_addenda.addenda.clear();
        for ds in [
            sample,
            kanwil,
            no_addenda,
            Dataset::new(2025, "kmk-300-2022"),
            Dataset::new(2025, "x"),
        ] {
            assert_eq!(export_document(&ds), whole(&ds));
        }
    }
}
