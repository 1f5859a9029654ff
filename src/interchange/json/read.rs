//! The readers of JSON values: each reports its own errors at its path and returns `None` on
//! error; and the keys of a read section, for reference checks.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserializer as _;
use serde_json::{Map, Number, Value};

use super::schema::*;
use super::*;
use crate::domain::limits::{self, TextKind};
use crate::domain::model::*;
use crate::text::Msg;
use crate::text::interchange as t;

/// An object being read: its path and fields.
pub(super) struct Fields<'v> {
    pub(super) path: String,
    pub(super) map: &'v Map<String, Value>,
}

impl<'v> Fields<'v> {
    /// Reads `value` as an object at `path`.
    pub(super) fn of(errs: &mut Errs, path: &str, value: &'v Value) -> Option<Self> {
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
    pub(super) fn at(&self, name: &str) -> String {
        join(&self.path, name)
    }
    /// Reports every field not in `allowed`.
    pub(super) fn unknown(&self, errs: &mut Errs, allowed: &[&str]) {
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
    pub(super) fn req<T>(
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
    pub(super) fn opt<T>(
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
pub(super) fn nearest(name: &str, allowed: &[&str]) -> Option<String> {
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

pub(super) fn describe(v: &Value) -> String {
    match v {
        Value::Null => t::JSON_NAME_NULL.s().to_string(),
        Value::Bool(_) => t::JSON_NAME_BOOL.s().to_string(),
        Value::Number(n) => {
            t::JSON_NAME_NUMBER.fill(&[("n", &crate::safe::term::clip(n.as_str(), 40))])
        }
        Value::String(s) => {
            let short = crate::safe::term::clip(s, 40);
            t::JSON_NAME_STRING.fill(&[("s", &short)])
        }
        Value::Array(_) => t::JSON_NAME_ARRAY.s().to_string(),
        Value::Object(_) => t::JSON_NAME_OBJECT.s().to_string(),
    }
}

pub(super) fn wrong_type(errs: &mut Errs, path: &str, expected: Msg, found: &Value) {
    push(
        errs,
        path,
        t::JSON_WRONG_TYPE.fill(&[("expected", &expected.s()), ("found", &describe(found))]),
    );
}

/// The items of the optional top-level array `name` of a document, parsing only that field
/// (every other one is skipped unparsed). Absent or `null`: no items. `None` when the document
/// or the section is not what it must be, with the error pushed at its place.
pub(super) fn optional_section(errs: &mut Errs, text: &str, name: &str) -> Option<Vec<Value>> {
    let raw = match serde_json::Deserializer::from_str(text).deserialize_map(Section(name)) {
        Ok(raw) => raw,
        Err(e) => {
            push(errs, "", e.to_string());
            return None;
        }
    };
    let Some(raw) = raw.filter(|r| r.get() != "null") else {
        return Some(Vec::new());
    };
    let root: Value = match serde_json::from_str(raw.get()) {
        Ok(v) => v,
        Err(e) => {
            push(errs, name, e.to_string());
            return None;
        }
    };
    match root {
        Value::Array(items) => Some(items),
        other => {
            wrong_type(errs, name, t::JSON_TYPE_ARRAY, &other);
            None
        }
    }
}

/// As [`optional_section`], each item kept raw (unparsed): a large section is then read one
/// item at a time, never whole as values (the `plan` section of a ministry-scale document).
pub(super) fn optional_section_raw<'t>(
    errs: &mut Errs,
    text: &'t str,
    name: &str,
) -> Option<Vec<&'t serde_json::value::RawValue>> {
    let raw = match serde_json::Deserializer::from_str(text).deserialize_map(Section(name)) {
        Ok(raw) => raw,
        Err(e) => {
            push(errs, "", e.to_string());
            return None;
        }
    };
    let Some(raw) = raw.filter(|r| r.get() != "null") else {
        return Some(Vec::new());
    };
    match serde_json::from_str::<Vec<&serde_json::value::RawValue>>(raw.get()) {
        Ok(items) => Some(items),
        Err(e) => {
            // not an array: say what it is; else the error of the text itself
            match serde_json::from_str::<Value>(raw.get()) {
                Ok(other) if !other.is_array() => {
                    wrong_type(errs, name, t::JSON_TYPE_ARRAY, &other)
                }
                _ => push(errs, name, e.to_string()),
            }
            None
        }
    }
}

/// Finds one top-level field of a JSON object, keeping it raw and skipping the others.
struct Section<'n>(&'n str);

impl<'de> serde::de::Visitor<'de> for Section<'_> {
    type Value = Option<&'de serde_json::value::RawValue>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(key) = m.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.0 {
                if found.is_some() {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate field `{}`",
                        self.0
                    )));
                }
                found = Some(m.next_value()?);
            } else {
                m.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

// ---- readers: each reports its own errors at `path` and returns `None` on error ----

pub(super) fn rd_string(errs: &mut Errs, path: &str, v: &Value) -> Option<String> {
    rd_text(errs, path, v, TextKind::Long)
}

/// A one-line text (a name, the unit of measure): no control character at all
/// ([`crate::domain::limits`]).
pub(super) fn rd_line(errs: &mut Errs, path: &str, v: &Value) -> Option<String> {
    rd_text(errs, path, v, TextKind::Line)
}

fn rd_text(errs: &mut Errs, path: &str, v: &Value, kind: TextKind) -> Option<String> {
    match v {
        Value::String(s) => {
            if let Err(problem) = limits::check(kind, s) {
                push(errs, path, problem.message());
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

pub(super) fn rd_opt_string(errs: &mut Errs, path: &str, v: &Value) -> Option<Option<String>> {
    match v {
        Value::Null => Some(None),
        Value::String(_) => rd_string(errs, path, v).map(Some),
        other => {
            wrong_type(errs, path, t::JSON_TYPE_STRING_OR_NULL, other);
            None
        }
    }
}

pub(super) fn rd_code(errs: &mut Errs, path: &str, v: &Value) -> Option<String> {
    let s = rd_line(errs, path, v)?;
    if s.trim().is_empty() {
        push(errs, path, t::JSON_EMPTY_CODE.s().to_string());
        return None;
    }
    Some(s)
}

pub(super) fn rd_opt_code(errs: &mut Errs, path: &str, v: &Value) -> Option<Option<String>> {
    match v {
        Value::Null => Some(None),
        Value::String(_) => rd_code(errs, path, v).map(Some),
        other => {
            wrong_type(errs, path, t::JSON_TYPE_STRING_OR_NULL, other);
            None
        }
    }
}

pub(super) fn rd_bool(errs: &mut Errs, path: &str, v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        other => {
            wrong_type(errs, path, t::JSON_TYPE_BOOL, other);
            None
        }
    }
}

pub(super) fn rd_int(errs: &mut Errs, path: &str, v: &Value, min: i64, max: i64) -> Option<i64> {
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

pub(super) fn rd_opt_int(
    errs: &mut Errs,
    path: &str,
    v: &Value,
    min: i64,
    max: i64,
) -> Option<Option<i64>> {
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
pub(super) fn number_decimal(n: &Number) -> Option<Decimal> {
    let text = n.as_str();
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        parse_canonical(text)
    }
}

/// A decimal within the bounds of a stored value (`domain::bounds`, `domain` §4).
pub(super) fn rd_dec(errs: &mut Errs, path: &str, v: &Value) -> Option<Decimal> {
    let d = rd_dec_unbounded(errs, path, v)?;
    match crate::domain::bounds::check(d) {
        Ok(()) => Some(d),
        Err(e) => {
            push(errs, path, crate::text::reason::bound(d, e));
            None
        }
    }
}

fn rd_dec_unbounded(errs: &mut Errs, path: &str, v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => {
            let d = parse_canonical(s);
            if d.is_none() {
                let shown = crate::safe::term::clip(s, 40);
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
                    t::JSON_DECIMAL_INEXACT
                        .fill(&[("text", &crate::safe::term::clip(n.as_str(), 40))]),
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

pub(super) fn rd_opt_dec(errs: &mut Errs, path: &str, v: &Value) -> Option<Option<Decimal>> {
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
pub(super) trait Spelled: Sized {
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

pub(super) fn unknown_value<T: Spelled>(errs: &mut Errs, path: &str, value: &str) {
    let shown = crate::safe::term::clip(value, 40);
    push(
        errs,
        path,
        t::JSON_UNKNOWN_VALUE.fill(&[("value", &shown), ("allowed", &T::allowed())]),
    );
}

pub(super) fn rd_enum<T: Spelled>(errs: &mut Errs, path: &str, v: &Value) -> Option<T> {
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

pub(super) fn rd_months(errs: &mut Errs, path: &str, v: &Value) -> Option<Months> {
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

pub(super) fn rd_code_ref(errs: &mut Errs, path: &str, v: &Value) -> Option<CodeRef> {
    let f = Fields::of(errs, path, v)?;
    f.unknown(errs, REF_FIELDS);
    let unit = f.req(errs, "unit", rd_code);
    let code = f.req(errs, "code", rd_code);
    Some(CodeRef::new(unit?, code?))
}

pub(super) fn rd_opt_code_ref(errs: &mut Errs, path: &str, v: &Value) -> Option<Option<CodeRef>> {
    match v {
        Value::Null => Some(None),
        Value::Object(_) => rd_code_ref(errs, path, v).map(Some),
        other => {
            wrong_type(errs, path, t::JSON_TYPE_OBJECT_OR_NULL, other);
            None
        }
    }
}

pub(super) fn rd_cascade(errs: &mut Errs, path: &str, v: &Value) -> Option<Option<Cascade>> {
    match v {
        Value::String(s) if s == "none" => Some(None),
        Value::String(s) => {
            let shown = crate::safe::term::clip(s, 40);
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

pub(super) fn rd_scale(errs: &mut Errs, path: &str, v: &Value) -> Option<Option<Vec<ScalePoint>>> {
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

pub(super) fn rd_weights(
    errs: &mut Errs,
    path: &str,
    v: &Value,
) -> Option<BTreeMap<Perspective, Dec>> {
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

pub(super) fn rd_date(errs: &mut Errs, path: &str, v: &Value) -> Option<NaiveDate> {
    let s = rd_string(errs, path, v)?;
    let valid = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    let date = valid
        .then(|| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        .flatten();
    if date.is_none() {
        let shown = crate::safe::term::clip(&s, 40);
        push(errs, path, t::JSON_BAD_DATE.fill(&[("text", &shown)]));
    }
    date
}

/// The keys of a section, for reference checks. When the section itself could not be read (not
/// an array) every reference to it is taken as valid, so that one broken section does not bury
/// the real errors under "unknown" ones.
pub(super) struct Known<K> {
    pub(super) set: HashSet<K>,
    pub(super) readable: bool,
}

impl<K: std::hash::Hash + Eq> Known<K> {
    pub(super) fn new(keys: impl Iterator<Item = K>, readable: bool) -> Self {
        Known {
            set: keys.collect(),
            readable,
        }
    }
    pub(super) fn contains<Q>(&self, key: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        !self.readable || self.set.contains(key)
    }
}

#[cfg(test)]
mod section_tests {
    use super::*;

    fn section(text: &str) -> Result<Vec<Value>, Vec<String>> {
        let mut errs = Errs::new();
        optional_section(&mut errs, text, "plan").ok_or_else(|| {
            errs.iter()
                .map(|e| format!("{}: {}", e.path, e.message))
                .collect()
        })
    }

    #[test]
    fn an_optional_section_is_read_alone_absent_or_null_is_empty_and_a_wrong_one_is_placed() {
        assert_eq!(
            section(r#"{"units": [1, {"x": 2}], "plan": [1, 2]}"#)
                .unwrap()
                .len(),
            2
        );
        assert!(section(r#"{"units": []}"#).unwrap().is_empty());
        assert!(section(r#"{"plan": null}"#).unwrap().is_empty());
        let e = section(r#"{"plan": {"a": 1}}"#).unwrap_err();
        assert!(e[0].starts_with("plan: "), "{e:?}");
        let e = section(r#"{"plan": [], "plan": []}"#).unwrap_err();
        assert!(e[0].contains("duplicate field `plan`"), "{e:?}");
        assert!(section("[1]").is_err());
        assert!(section(r#"{"plan": [1,"#).is_err());
    }
}
