//! The `ss` section: each SS read, then the section checked (codes, units, cascades).

use std::collections::HashMap;

use super::read::*;
use super::schema::*;
use super::stream::Draft;
use super::*;
use crate::domain::model::*;
use crate::text::interchange as t;

pub(super) struct SsRead {
    pub(super) unit: Option<String>,
    pub(super) code: Option<String>,
    pub(super) cascaded_from: Option<Option<CodeRef>>,
    pub(super) value: Ss,
}

impl SsRead {
    pub(super) fn key(&self) -> Option<CodeRef> {
        Some(CodeRef::new(self.unit.as_ref()?, self.code.as_ref()?))
    }
}

pub(super) fn read_ss(errs: &mut Errs, f: &Fields) -> SsRead {
    f.unknown(errs, SS_FIELDS);
    let unit = f.req(errs, "unit", rd_code);
    let code = f.req(errs, "code", rd_code);
    let perspective = f.req(errs, "perspective", rd_enum::<Perspective>);
    let name = f.req(errs, "name", rd_line);
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

pub(super) fn check_ss(errs: &mut Errs, ss: &[Draft<SsRead>], units: &Known<&str>) {
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
