//! The import's first pass: the document's top level read field by field, each array of records
//! element by element (so the whole document is never one `Value`), and the sections checked
//! and assembled into a [`Dataset`].

use std::collections::HashMap;

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::addenda::*;
use super::iku::*;
use super::read::*;
use super::schema::*;
use super::ss::*;
use super::units::*;
use super::*;
use crate::domain::model::*;
use crate::domain::rulebook::DEFAULT_RULEBOOK;
use crate::text::interchange as t;

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
    // a key written twice in one object is refused where it is (serde_json keeps the last)
    for (line, column, key) in duplicate_keys(text) {
        push(
            &mut errs,
            "",
            t::JSON_DUPLICATE_KEY.fill(&[
                ("line", &line),
                ("column", &column),
                ("key", &crate::safe::term::clip(&key, 40)),
            ]),
        );
    }
    if !errs.is_empty() {
        return Err(errs);
    }
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

/// Counts the values of a JSON text (separators and openings outside strings, an upper bound);
/// `Some(count)` as soon as it exceeds `max`.
pub(super) fn more_values_than(text: &str, max: usize) -> Option<usize> {
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

/// Every key of a JSON text written a second time in the same object, with its line and
/// column (1-based), in document order. `text` must be well-formed JSON (it was parsed first).
pub(super) fn duplicate_keys(text: &str) -> Vec<(usize, usize, String)> {
    enum Frame {
        Object {
            keys: std::collections::HashSet<String>,
            expect_key: bool,
        },
        Array,
    }
    let b = text.as_bytes();
    let (mut line, mut line_start) = (1usize, 0usize);
    let mut stack: Vec<Frame> = Vec::new();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(Frame::Object { keys, expect_key }) = stack.last_mut()
                    && *expect_key
                {
                    *expect_key = false;
                    let raw = &text[start..=i.min(b.len() - 1)];
                    let key = if raw.contains('\\') {
                        serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string())
                    } else {
                        raw[1..raw.len() - 1].to_string()
                    };
                    if !keys.insert(key.clone()) {
                        let column = text[line_start..start].chars().count() + 1;
                        out.push((line, column, key));
                    }
                }
            }
            b'{' => stack.push(Frame::Object {
                keys: Default::default(),
                expect_key: true,
            }),
            b'[' => stack.push(Frame::Array),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The top-level fields that hold arrays of records, read element by element.
pub(super) const ARRAY_FIELDS: &[&str] = &["units", "ss", "iku", "addenda", "plan", "round"];

/// The document's top level: an object's fields in document order, each left as text, or
/// anything else (refused).
pub(super) enum TopObject<'a> {
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
pub(super) fn read_array<T>(
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
pub(super) fn value_of(errs: &mut Errs, text: &str, raw: &RawValue) -> Option<Value> {
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
pub(super) fn syntax_error(errs: &mut Errs, line: usize, column: usize, e: &serde_json::Error) {
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
pub(super) struct Draft<T> {
    pub(super) path: String,
    pub(super) inner: T,
}

impl<T> std::ops::Deref for Draft<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_found_with_their_place_and_escapes_are_read() {
        let text = "{\"a\": 1,\n \"b\": {\"a\": 2, \"c\": \"}\\\"\", \"c\": 3},\n \"\\u0061\": [{\"a\": 1}, {\"a\": 2}]}";
        assert_eq!(
            duplicate_keys(text),
            vec![(2, 28, "c".to_string()), (3, 2, "a".to_string())]
        );
        assert!(duplicate_keys("{\"x\": [1, {\"y\": 2}], \"y\": 3}").is_empty());
    }

    #[test]
    fn a_document_with_a_key_twice_is_refused_once_with_the_line() {
        let text = std::fs::read_to_string("tests/data/mini-2025.json").unwrap();
        let dup = text.replacen("\"rulebook\"", "\"year\": 2025, \"rulebook\"", 1);
        let errs = import_document(&dup).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].message.contains("\"year\""), "{}", errs[0]);
    }
}
