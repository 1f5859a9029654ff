//! The `round` section of `kinerja/1` (optional; a document without it imports as before): the
//! month-end round of each unit (DOMAIN.md §11), one object per unit:
//!
//! ```json
//! {"unit": "KPKNL-PONTIANAK",
//!  "months": [{"month": 9, "state": "dikembalikan", "reason": "Data dukung belum ada"}],
//!  "analyses": [{"iku": "1a-CP", "month": 3, "isu": "…", "implikasi": "…", "aksi": "…",
//!                "rencana": {"what": "…", "who": "…", "by": "2025-04-30"}, "catatan": ""}],
//!  "evidence": [{"iku": "1b-CP", "month": 9, "name": "ba.pdf", "sha256": "<64 hex>",
//!                "size": 5000}]}
//! ```
//!
//! `months`, `analyses` and `evidence` default to `[]`; `reason` to `""`; in an analysis every
//! text defaults to `""` and `rencana.by` to `null`. A month is 1..12, a state one of `diisi`,
//! `diajukan`, `divalidasi`, `dikembalikan`, `ditetapkan`; the unit and each IKU must be in
//! the document; an evidence `name` is a plain file name, `sha256` 64 lower-case hex digits.
//! Every error carries its path (`round[0].evidence[1].sha256`). The evidence *bytes* are not
//! in the document: a bundle (`export --with-evidence`) carries them beside it, and an import
//! refuses a reference whose bytes neither the bundle nor the store holds.
//!
//! Export writes the section last, units in code order, months ascending, analyses and
//! evidence by (IKU, month, name), and only when some unit has a round record, so older
//! documents stay byte-identical.

use serde_json::{Map, Value};

use super::read::*;
use super::*;
use crate::domain::model::Dataset;
use crate::domain::round::{
    Analysis, EvidenceRef, MonthRecord, MonthState, Rencana, Rounds, UnitRound,
};
use crate::text::round as t;

const UNIT_FIELDS: &[&str] = &["unit", "months", "analyses", "evidence"];
const MONTH_FIELDS: &[&str] = &["month", "state", "reason"];
const ANALYSIS_FIELDS: &[&str] = &[
    "iku",
    "month",
    "isu",
    "implikasi",
    "aksi",
    "rencana",
    "catatan",
];
const RENCANA_FIELDS: &[&str] = &["what", "who", "by"];
const EVIDENCE_FIELDS: &[&str] = &["iku", "month", "name", "sha256", "size"];

fn month(errs: &mut Errs, p: &str, v: &Value) -> Option<u8> {
    rd_int(errs, p, v, 1, 12).map(|m| m as u8)
}

/// A text field that defaults to `""`.
fn text(errs: &mut Errs, f: &Fields<'_>, name: &str, line: bool) -> Option<String> {
    match f.map.get(name) {
        None => Some(String::new()),
        Some(v) if line => rd_line(errs, &f.at(name), v),
        Some(v) => rd_string(errs, &f.at(name), v),
    }
}

fn items<'v>(errs: &mut Errs, f: &Fields<'v>, name: &str) -> Option<Vec<(String, &'v Value)>> {
    let Some(v) = f.map.get(name) else {
        return Some(Vec::new());
    };
    let path = f.at(name);
    let Value::Array(items) = v else {
        wrong_type(errs, &path, crate::text::interchange::JSON_TYPE_ARRAY, v);
        return None;
    };
    Some(
        items
            .iter()
            .enumerate()
            .map(|(i, x)| (format!("{path}[{i}]"), x))
            .collect(),
    )
}

fn read_state(errs: &mut Errs, p: &str, v: &Value) -> Option<MonthState> {
    let s = rd_line(errs, p, v)?;
    let state = MonthState::parse(&s);
    if state.is_none() {
        let all: Vec<&str> = MonthState::ALL.iter().map(|m| m.as_str()).collect();
        push(
            errs,
            p,
            t::JSON_BAD_STATE.fill(&[("state", &s), ("states", &all.join(", "))]),
        );
    }
    state
}

fn read_sha(errs: &mut Errs, p: &str, v: &Value) -> Option<String> {
    let s = rd_line(errs, p, v)?;
    if s.len() != 64
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        push(errs, p, t::JSON_BAD_SHA256.s().to_string());
        return None;
    }
    Some(s)
}

fn read_rencana(errs: &mut Errs, p: &str, v: &Value) -> Option<Rencana> {
    let f = Fields::of(errs, p, v)?;
    f.unknown(errs, RENCANA_FIELDS);
    let what = text(errs, &f, "what", false);
    let who = text(errs, &f, "who", true);
    let by = match f.map.get("by") {
        None | Some(Value::Null) => Some(None),
        Some(v) => rd_date(errs, &f.at("by"), v).map(Some),
    };
    Some(Rencana {
        what: what?,
        who: who?,
        by: by?,
    })
}

/// Reads one unit's round, its IKU checked against `ds`.
fn read_unit(errs: &mut Errs, f: &Fields<'_>, ds: &Dataset) -> Option<UnitRound> {
    f.unknown(errs, UNIT_FIELDS);
    let unit = f.req(errs, "unit", rd_code)?;
    if !ds.units.contains_key(&unit) {
        push(
            errs,
            &f.at("unit"),
            crate::text::store::NOT_FOUND.fill(&[("what", &unit)]),
        );
        return None;
    }
    let mut r = UnitRound::new(&unit);
    let mut ok = true;
    let iku_known = |errs: &mut Errs, p: &str, iku: &str| -> bool {
        let known = ds
            .iku
            .contains_key(&crate::domain::CodeRef::new(&unit, iku));
        if !known {
            push(
                errs,
                p,
                t::JSON_UNKNOWN_IKU.fill(&[("unit", &unit), ("iku", &iku)]),
            );
        }
        known
    };
    for (p, v) in items(errs, f, "months")? {
        let Some(g) = Fields::of(errs, &p, v) else {
            ok = false;
            continue;
        };
        g.unknown(errs, MONTH_FIELDS);
        let m = g.req(errs, "month", month);
        let state = g.req(errs, "state", read_state);
        let reason = text(errs, &g, "reason", false);
        let (Some(m), Some(state), Some(reason)) = (m, state, reason) else {
            ok = false;
            continue;
        };
        if r.months.contains_key(&m) {
            push(
                errs,
                &g.at("month"),
                t::JSON_DUPLICATE.fill(&[("what", &m)]),
            );
            ok = false;
            continue;
        }
        r.months.insert(m, MonthRecord { state, reason });
    }
    for (p, v) in items(errs, f, "analyses")? {
        let Some(g) = Fields::of(errs, &p, v) else {
            ok = false;
            continue;
        };
        g.unknown(errs, ANALYSIS_FIELDS);
        let iku = g.req(errs, "iku", rd_code);
        let m = g.req(errs, "month", month);
        let isu = text(errs, &g, "isu", false);
        let implikasi = text(errs, &g, "implikasi", false);
        let aksi = text(errs, &g, "aksi", false);
        let rencana = match g.map.get("rencana") {
            None => Some(Rencana::default()),
            Some(v) => read_rencana(errs, &g.at("rencana"), v),
        };
        let catatan = text(errs, &g, "catatan", false);
        let (
            Some(iku),
            Some(m),
            Some(isu),
            Some(implikasi),
            Some(aksi),
            Some(rencana),
            Some(catatan),
        ) = (iku, m, isu, implikasi, aksi, rencana, catatan)
        else {
            ok = false;
            continue;
        };
        if !iku_known(errs, &g.at("iku"), &iku) {
            ok = false;
            continue;
        }
        let key = (iku, m);
        if r.analyses.contains_key(&key) {
            push(
                errs,
                &p,
                t::JSON_DUPLICATE.fill(&[("what", &format!("{} {}", key.0, key.1))]),
            );
            ok = false;
            continue;
        }
        r.analyses.insert(
            key,
            Analysis {
                isu,
                implikasi,
                aksi,
                rencana,
                catatan,
            },
        );
    }
    for (p, v) in items(errs, f, "evidence")? {
        let Some(g) = Fields::of(errs, &p, v) else {
            ok = false;
            continue;
        };
        g.unknown(errs, EVIDENCE_FIELDS);
        let iku = g.req(errs, "iku", rd_code);
        let m = g.req(errs, "month", month);
        let name =
            g.req(errs, "name", rd_line)
                .and_then(|n| match crate::domain::round::plain_file_name(&n) {
                    true => Some(n),
                    false => {
                        push(
                            errs,
                            &g.at("name"),
                            t::EVIDENCE_BAD_NAME.fill(&[("name", &n)]),
                        );
                        None
                    }
                });
        let sha256 = g.req(errs, "sha256", read_sha);
        let size = g.req(errs, "size", |e, p, v| rd_int(e, p, v, 0, i64::MAX));
        let (Some(iku), Some(m), Some(name), Some(sha256), Some(size)) =
            (iku, m, name, sha256, size)
        else {
            ok = false;
            continue;
        };
        if !iku_known(errs, &g.at("iku"), &iku) {
            ok = false;
            continue;
        }
        let list = r.evidence.entry((iku, m)).or_default();
        if list.iter().any(|e| e.name == name) {
            push(
                errs,
                &g.at("name"),
                t::JSON_DUPLICATE.fill(&[("what", &name)]),
            );
            ok = false;
            continue;
        }
        list.push(EvidenceRef {
            name,
            sha256,
            size: size as u64,
        });
    }
    r.normalise();
    ok.then_some(r)
}

/// Reads the `round` section of a document already imported as `ds` (all or nothing).
pub fn import_rounds(text: &str, ds: &Dataset) -> Result<Rounds, Vec<ImportError>> {
    let mut errs = Errs::new();
    let Some(list) = optional_section(&mut errs, text, "round") else {
        return Err(errs);
    };
    let mut rounds = Rounds::new();
    let mut seen = std::collections::BTreeSet::new();
    for (i, item) in list.iter().enumerate() {
        let path = format!("round[{i}]");
        let Some(r) = Fields::of(&mut errs, &path, item).and_then(|f| read_unit(&mut errs, &f, ds))
        else {
            continue;
        };
        if !seen.insert(r.unit.clone()) {
            push(
                &mut errs,
                &format!("{path}.unit"),
                t::JSON_DUPLICATE.fill(&[("what", &r.unit)]),
            );
            continue;
        }
        if !r.is_empty() {
            rounds.insert(r.unit.clone(), r);
        }
    }
    match errs.is_empty() {
        true => Ok(rounds),
        false => Err(errs),
    }
}

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

/// One unit's round as the export writes it.
fn round_value(r: &UnitRound) -> Value {
    let mut m = Map::new();
    m.insert("unit".into(), s(&r.unit));
    let months = r
        .months
        .iter()
        .map(|(k, rec)| {
            let mut o = Map::new();
            o.insert("month".into(), (*k).into());
            o.insert("state".into(), s(rec.state.as_str()));
            o.insert("reason".into(), s(&rec.reason));
            Value::Object(o)
        })
        .collect();
    m.insert("months".into(), Value::Array(months));
    let analyses = r
        .analyses
        .iter()
        .map(|((iku, month), a)| {
            let mut o = Map::new();
            o.insert("iku".into(), s(iku));
            o.insert("month".into(), (*month).into());
            o.insert("isu".into(), s(&a.isu));
            o.insert("implikasi".into(), s(&a.implikasi));
            o.insert("aksi".into(), s(&a.aksi));
            let mut p = Map::new();
            p.insert("what".into(), s(&a.rencana.what));
            p.insert("who".into(), s(&a.rencana.who));
            p.insert(
                "by".into(),
                a.rencana
                    .by
                    .map_or(Value::Null, |d| s(&d.format("%Y-%m-%d").to_string())),
            );
            o.insert("rencana".into(), Value::Object(p));
            o.insert("catatan".into(), s(&a.catatan));
            Value::Object(o)
        })
        .collect();
    m.insert("analyses".into(), Value::Array(analyses));
    let evidence = r
        .evidence
        .iter()
        .flat_map(|((iku, month), list)| {
            list.iter().map(move |e| {
                let mut o = Map::new();
                o.insert("iku".into(), s(iku));
                o.insert("month".into(), (*month).into());
                o.insert("name".into(), s(&e.name));
                o.insert("sha256".into(), s(&e.sha256));
                o.insert("size".into(), e.size.into());
                Value::Object(o)
            })
        })
        .collect();
    m.insert("evidence".into(), Value::Array(evidence));
    Value::Object(m)
}

/// Adds the `round` section (after everything else) to a document `base` made by
/// [`export_document`] or [`super::export_with_plans`], when a unit of `ds` has a round record;
/// `base` unchanged otherwise.
pub fn with_rounds(base: String, ds: &Dataset) -> String {
    let mut rounds: Vec<UnitRound> = ds
        .round
        .values()
        .filter(|r| !r.is_empty())
        .cloned()
        .collect();
    if rounds.is_empty() {
        return base;
    }
    for r in &mut rounds {
        r.normalise();
    }
    // in place, one unit's round written at a time (as the plan section)
    let Some(body_len) = base.strip_suffix("\n}\n").map(str::len) else {
        return base;
    };
    let mut out = base;
    out.truncate(body_len);
    out.push_str(",\n");
    write::write_array(&mut out, "round", rounds.iter().map(round_value), true);
    out.push_str("}\n");
    out
}

/// Bytes gathered before [`write_document`] hands them to its writer.
pub const SPILL_BYTES: usize = 64 * 1024;

/// The document `export` writes for `ds` and its plans —
/// `with_rounds(export_with_plans(ds, plans), ds)`, byte for byte — handed to `w` in parts of
/// [`SPILL_BYTES`]: the document never stands whole in memory (a backup of a ministry-scale year, ~40
/// MB of text beside the year it is made from).
pub fn write_document(
    ds: &Dataset,
    plans: &crate::domain::plan::Plans,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    if write::is_empty(ds) {
        return w.write_all(with_rounds(super::export_with_plans(ds, plans), ds).as_bytes());
    }
    let plans: Vec<&crate::domain::plan::UnitPlan> =
        plans.values().filter(|p| !p.is_empty()).collect();
    let mut rounds: Vec<UnitRound> = ds
        .round
        .values()
        .filter(|r| !r.is_empty())
        .cloned()
        .collect();
    for r in &mut rounds {
        r.normalise();
    }
    let mut failed: Option<std::io::Error> = None;
    let mut spill = |out: &mut String| {
        if out.len() >= SPILL_BYTES {
            if failed.is_none()
                && let Err(e) = w.write_all(out.as_bytes())
            {
                failed = Some(e);
            }
            out.clear();
        }
    };
    let mut out = String::with_capacity(2 * SPILL_BYTES);
    write::write_records(
        &mut out,
        &mut spill,
        ds,
        plans.is_empty() && rounds.is_empty(),
    );
    if !plans.is_empty() {
        // made one at a time (all collected first, a ministry's plans took ~70 MB at once)
        let values = plans.into_iter().map(super::plan::plan_value);
        write::write_array_with(&mut out, &mut spill, "plan", values, rounds.is_empty());
    }
    if !rounds.is_empty() {
        let values = rounds.iter().map(round_value);
        write::write_array_with(&mut out, &mut spill, "round", values, true);
    }
    out.push_str("}\n");
    if let Some(e) = failed {
        return Err(e);
    }
    w.write_all(out.as_bytes())
}
