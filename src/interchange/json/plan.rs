//! The `plan` section of `kinerja/1` (optional; a document without it imports as before): the
//! rest of the PK of each unit (DOMAIN.md §12), one object per unit:
//!
//! ```json
//! {"unit": "KPKNL-PONTIANAK",
//!  "links": [{"from": "SS-3", "to": "SS-1"}],
//!  "inisiatif": [{"code", "name", "iku": ["1a-CP"], "pic", "output", "outcome", "start": 1,
//!                 "end": 12, "planned": [12 × decimal|null], "realised": [12 × decimal|null],
//!                 "status", "kendala", "tindak_lanjut"}],
//!  "anggaran": [{"code", "program", "program_name", "kegiatan", "kegiatan_name", "output",
//!                "output_name", "pagu", "link": null, "planned": [12], "realisasi": [12],
//!                "revisions": [{"date", "reference", "reason", "old", "new"}]}]}
//! ```
//!
//! All fields are required except `links`, `inisiatif`, `anggaran` (default `[]`), `link`
//! (default `null`) and `revisions` (default `[]`). Every error carries its path
//! (`plan[0].inisiatif[1].end`); the references are checked against the document's dataset by
//! [`crate::domain::plan::check`] (its errors are import errors, a link's direction only a
//! warning of `check`). Export writes the section after `addenda`, units in code order, every
//! list sorted by code, and only when some unit has a plan, so older documents stay
//! byte-identical.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::read::*;
use super::*;
use crate::domain::model::{Dataset, Dec, Months};
use crate::domain::plan::{
    BudgetLine, Inisiatif, PLAN_SCHEMA, PaguRevision, PetaLink, PlanProblem, Plans, UnitPlan, check,
};
use crate::text::plan as t;

const UNIT_FIELDS: &[&str] = &["unit", "links", "inisiatif", "anggaran"];
const LINK_FIELDS: &[&str] = &["from", "to"];
const IS_FIELDS: &[&str] = &[
    "code",
    "name",
    "iku",
    "pic",
    "output",
    "outcome",
    "start",
    "end",
    "planned",
    "realised",
    "status",
    "kendala",
    "tindak_lanjut",
];
const LINE_FIELDS: &[&str] = &[
    "code",
    "program",
    "program_name",
    "kegiatan",
    "kegiatan_name",
    "output",
    "output_name",
    "pagu",
    "link",
    "planned",
    "realisasi",
    "revisions",
];
const REVISION_FIELDS: &[&str] = &["date", "reference", "reason", "old", "new"];

fn to_map(m: Months) -> BTreeMap<u8, Dec> {
    m.iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i as u8 + 1, Dec(v))))
        .collect()
}

fn list<'v, T>(
    errs: &mut Errs,
    f: &Fields<'v>,
    name: &str,
    read: impl Fn(&mut Errs, &Fields<'_>) -> Option<T>,
) -> Option<Vec<T>> {
    let Some(v) = f.map.get(name) else {
        return Some(Vec::new());
    };
    let path = f.at(name);
    let Value::Array(items) = v else {
        wrong_type(errs, &path, crate::text::interchange::JSON_TYPE_ARRAY, v);
        return None;
    };
    let mut out = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let p = format!("{path}[{i}]");
        match Fields::of(errs, &p, item).and_then(|g| read(errs, &g)) {
            Some(x) => out.push(x),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_link(errs: &mut Errs, f: &Fields<'_>) -> Option<PetaLink> {
    f.unknown(errs, LINK_FIELDS);
    let from = f.req(errs, "from", rd_code);
    let to = f.req(errs, "to", rd_code);
    Some(PetaLink {
        from: from?,
        to: to?,
    })
}

fn month(errs: &mut Errs, p: &str, v: &Value) -> Option<u8> {
    rd_int(errs, p, v, 1, 12).map(|m| m as u8)
}

fn read_is(errs: &mut Errs, f: &Fields<'_>) -> Option<Inisiatif> {
    f.unknown(errs, IS_FIELDS);
    let code = f.req(errs, "code", rd_code);
    let name = f.req(errs, "name", rd_string);
    let iku = f.req(errs, "iku", |e, p, v| match v {
        Value::Array(items) => {
            let got: Vec<Option<String>> = items
                .iter()
                .enumerate()
                .map(|(i, x)| rd_code(e, &format!("{p}[{i}]"), x))
                .collect();
            got.into_iter().collect::<Option<Vec<_>>>()
        }
        other => {
            wrong_type(e, p, crate::text::interchange::JSON_TYPE_ARRAY, other);
            None
        }
    });
    let pic = f.req(errs, "pic", rd_string);
    let output = f.req(errs, "output", rd_string);
    let outcome = f.req(errs, "outcome", rd_string);
    let start = f.req(errs, "start", month);
    let end = f.req(errs, "end", month);
    let planned = f.req(errs, "planned", rd_months);
    let realised = f.req(errs, "realised", rd_months);
    let status = f.req(errs, "status", rd_string);
    let kendala = f.req(errs, "kendala", rd_string);
    let tindak_lanjut = f.req(errs, "tindak_lanjut", rd_string);
    Some(Inisiatif {
        code: code?,
        name: name?,
        iku: iku?,
        pic: pic?,
        output: output?,
        outcome: outcome?,
        start: start?,
        end: end?,
        planned: to_map(planned?),
        realised: to_map(realised?),
        status: status?,
        kendala: kendala?,
        tindak_lanjut: tindak_lanjut?,
    })
}

fn read_revision(errs: &mut Errs, f: &Fields<'_>) -> Option<PaguRevision> {
    f.unknown(errs, REVISION_FIELDS);
    let date = f.req(errs, "date", rd_date);
    let reference = f.req(errs, "reference", rd_string);
    let reason = f.req(errs, "reason", rd_string);
    let old = f.req(errs, "old", rd_dec);
    let new = f.req(errs, "new", rd_dec);
    Some(PaguRevision {
        date: date?,
        reference: reference?,
        reason: reason?,
        old: Dec(old?),
        new: Dec(new?),
    })
}

fn read_line(errs: &mut Errs, f: &Fields<'_>) -> Option<BudgetLine> {
    f.unknown(errs, LINE_FIELDS);
    let code = f.req(errs, "code", rd_code);
    let program = f.req(errs, "program", rd_string);
    let program_name = f.req(errs, "program_name", rd_string);
    let kegiatan = f.req(errs, "kegiatan", rd_string);
    let kegiatan_name = f.req(errs, "kegiatan_name", rd_string);
    let output = f.req(errs, "output", rd_string);
    let output_name = f.req(errs, "output_name", rd_string);
    let pagu = f.req(errs, "pagu", rd_dec);
    let link = match f.map.get("link") {
        None => Some(None),
        Some(v) => rd_opt_code(errs, &f.at("link"), v),
    };
    let planned = f.req(errs, "planned", rd_months);
    let realisasi = f.req(errs, "realisasi", rd_months);
    let revisions = list(errs, f, "revisions", read_revision);
    Some(BudgetLine {
        code: code?,
        program: program?,
        program_name: program_name?,
        kegiatan: kegiatan?,
        kegiatan_name: kegiatan_name?,
        output: output?,
        output_name: output_name?,
        pagu: Dec(pagu?),
        link: link?,
        planned: to_map(planned?),
        realisasi: to_map(realisasi?),
        revisions: revisions?,
    })
}

fn read_unit_plan(errs: &mut Errs, f: &Fields<'_>) -> Option<UnitPlan> {
    f.unknown(errs, UNIT_FIELDS);
    let unit = f.req(errs, "unit", rd_code);
    let links = list(errs, f, "links", read_link);
    let inisiatif = list(errs, f, "inisiatif", read_is);
    let anggaran = list(errs, f, "anggaran", read_line);
    Some(UnitPlan {
        schema: PLAN_SCHEMA,
        unit: unit?,
        links: links?,
        inisiatif: inisiatif?,
        anggaran: anggaran?,
    })
}

/// Message of a problem of a plan (also what `check` says).
pub fn problem_text(p: &PlanProblem) -> String {
    t::problem(p)
}

/// Reads the `plan` section of a document already imported as `ds` (all or nothing).
pub fn import_plans(text: &str, ds: &Dataset) -> Result<Plans, Vec<ImportError>> {
    let mut errs = Errs::new();
    // one unit's plan parsed at a time: a ministry's plan section is never held whole as values
    let Some(items) = optional_section_raw(&mut errs, text, "plan") else {
        return Err(errs);
    };
    let mut plans = Plans::new();
    for (i, raw) in items.iter().enumerate() {
        let path = format!("plan[{i}]");
        let item: Value = match serde_json::from_str(raw.get()) {
            Ok(v) => v,
            Err(e) => {
                push(&mut errs, &path, e.to_string());
                continue;
            }
        };
        let Some(p) =
            Fields::of(&mut errs, &path, &item).and_then(|f| read_unit_plan(&mut errs, &f))
        else {
            continue;
        };
        if !ds.units.contains_key(&p.unit) {
            push(
                &mut errs,
                &format!("{path}.unit"),
                crate::text::store::NOT_FOUND.fill(&[("what", &p.unit)]),
            );
            continue;
        }
        if plans.contains_key(&p.unit) {
            push(
                &mut errs,
                &format!("{path}.unit"),
                t::DUPLICATE.fill(&[("unit", &p.unit), ("code", &p.unit)]),
            );
            continue;
        }
        for problem in check(ds, &p).iter().filter(|x| x.is_error()) {
            push(&mut errs, &path, problem_text(problem));
        }
        let mut p = p;
        p.normalise();
        plans.insert(p.unit.clone(), p);
    }
    match errs.is_empty() {
        true => Ok(plans),
        false => Err(errs),
    }
}

fn map_months(m: &BTreeMap<u8, Dec>) -> Value {
    Value::Array(
        (1..=12u8)
            .map(|k| match m.get(&k) {
                Some(v) => write::dec_value(v.0),
                None => Value::Null,
            })
            .collect(),
    )
}

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

/// One unit's plan as the export writes it.
pub(super) fn plan_value(p: &UnitPlan) -> Value {
    let mut m = Map::new();
    m.insert("unit".into(), s(&p.unit));
    let links = p
        .links
        .iter()
        .map(|l| {
            let mut o = Map::new();
            o.insert("from".into(), s(&l.from));
            o.insert("to".into(), s(&l.to));
            Value::Object(o)
        })
        .collect();
    m.insert("links".into(), Value::Array(links));
    let is = p
        .inisiatif
        .iter()
        .map(|i| {
            let mut o = Map::new();
            o.insert("code".into(), s(&i.code));
            o.insert("name".into(), s(&i.name));
            o.insert(
                "iku".into(),
                Value::Array(i.iku.iter().map(|x| s(x)).collect()),
            );
            o.insert("pic".into(), s(&i.pic));
            o.insert("output".into(), s(&i.output));
            o.insert("outcome".into(), s(&i.outcome));
            o.insert("start".into(), i.start.into());
            o.insert("end".into(), i.end.into());
            o.insert("planned".into(), map_months(&i.planned));
            o.insert("realised".into(), map_months(&i.realised));
            o.insert("status".into(), s(&i.status));
            o.insert("kendala".into(), s(&i.kendala));
            o.insert("tindak_lanjut".into(), s(&i.tindak_lanjut));
            Value::Object(o)
        })
        .collect();
    m.insert("inisiatif".into(), Value::Array(is));
    let lines = p
        .anggaran
        .iter()
        .map(|l| {
            let mut o = Map::new();
            o.insert("code".into(), s(&l.code));
            o.insert("program".into(), s(&l.program));
            o.insert("program_name".into(), s(&l.program_name));
            o.insert("kegiatan".into(), s(&l.kegiatan));
            o.insert("kegiatan_name".into(), s(&l.kegiatan_name));
            o.insert("output".into(), s(&l.output));
            o.insert("output_name".into(), s(&l.output_name));
            o.insert("pagu".into(), write::dec_value(l.pagu.0));
            o.insert("link".into(), l.link.as_deref().map_or(Value::Null, s));
            o.insert("planned".into(), map_months(&l.planned));
            o.insert("realisasi".into(), map_months(&l.realisasi));
            let revs = l
                .revisions
                .iter()
                .map(|r| {
                    let mut x = Map::new();
                    x.insert("date".into(), r.date.format("%Y-%m-%d").to_string().into());
                    x.insert("reference".into(), s(&r.reference));
                    x.insert("reason".into(), s(&r.reason));
                    x.insert("old".into(), write::dec_value(r.old.0));
                    x.insert("new".into(), write::dec_value(r.new.0));
                    Value::Object(x)
                })
                .collect();
            o.insert("revisions".into(), Value::Array(revs));
            Value::Object(o)
        })
        .collect();
    m.insert("anggaran".into(), Value::Array(lines));
    Value::Object(m)
}

/// The export of `ds` with its plans: [`export_document`] with the `plan` section after
/// `addenda` when any unit has a plan (byte-identical to it otherwise).
pub fn export_with_plans(ds: &Dataset, plans: &Plans) -> String {
    let plans: Vec<&UnitPlan> = plans.values().filter(|p| !p.is_empty()).collect();
    if plans.is_empty() {
        return export_document(ds);
    }
    // room for the section (about 850 B an IS or a budget line, 40 B a link, plus texts)
    let room: usize = plans
        .iter()
        .map(|p| {
            let texts: usize = p
                .inisiatif
                .iter()
                .map(|i| i.name.len() + i.output.len() + i.outcome.len() + i.kendala.len())
                .chain(
                    p.anggaran
                        .iter()
                        .map(|l| l.program_name.len() + l.kegiatan_name.len()),
                )
                .sum();
            200 + 60 * p.links.len() + 700 * (p.inisiatif.len() + p.anggaran.len()) + texts
        })
        .sum();
    let base = write::document_with_room(ds, room);
    // the section goes where the document's closing brace was: in place (no copy of the
    // document), one unit's plan made a value and written at a time
    let Some(body_len) = base.strip_suffix("\n}\n").map(str::len) else {
        return base;
    };
    let mut out = base;
    out.truncate(body_len);
    out.push_str(",\n");
    write::write_array(&mut out, "plan", plans.into_iter().map(plan_value), true);
    out.push_str("}\n");
    out
}
