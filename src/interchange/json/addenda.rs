//! The `addenda` section: each addendum and its changes read, then the section checked.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::read::*;
use super::schema::*;
use super::stream::Draft;
use super::*;
use crate::domain::change::Field;
use crate::domain::model::*;
use crate::text::interchange as t;

pub(super) struct AddendumRead {
    pub(super) unit: Option<String>,
    pub(super) version: Option<u32>,
    /// Per change: its path, `iku` and `field` when they parsed.
    pub(super) changes: Vec<(String, Option<String>, Option<Field>)>,
    pub(super) value: Addendum,
}

pub(super) fn read_addendum(errs: &mut Errs, f: &Fields) -> AddendumRead {
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

pub(super) fn read_change(
    errs: &mut Errs,
    f: &Fields,
) -> (AddendumChange, Option<String>, Option<Field>) {
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
                let shown = crate::safe::term::clip(name, 40);
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

pub(super) fn check_addenda(
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
