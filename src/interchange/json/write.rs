//! The export: a deterministic `kinerja/1` text, record by record.

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::*;
use crate::domain::model::*;

/// Writes `ds` as a `kinerja/1` document (see the module documentation for the layout).
pub fn export_document(ds: &Dataset) -> String {
    document_with_room(ds, 0)
}

/// About how many bytes the records of `ds` take in the document (a little more than the
/// ministry demo's: ~1.4 KB an IKU, ~220 B an SS or a unit, plus their texts beyond that).
fn estimated_len(ds: &Dataset) -> usize {
    let iku: usize = ds
        .iku
        .values()
        .map(|i| 1_200 + i.definition.len() + i.formula.len())
        .sum();
    iku + 260 * (ds.ss.len() + ds.units.len()) + 1_024
}

/// [`export_document`] in a string with room for `extra` bytes more (the sections written
/// after it): the document grows in place instead of being copied as it doubles, which at
/// ministry scale is what the peak memory of `export` and `demo` was made of.
pub(super) fn document_with_room(ds: &Dataset, extra: usize) -> String {
    if is_empty(ds) {
        let head: [(&str, Value); 3] = [
            ("format", FORMAT.into()),
            ("year", ds.year.into()),
            ("rulebook", ds.rulebook.clone().into()),
        ];
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
    let mut out = String::with_capacity(estimated_len(ds) + extra);
    write_records(&mut out, &mut |_| {}, ds, true);
    out.push_str("}\n");
    out
}

/// Whether [`export_document`] writes `ds` whole in one piece (no records): then the layout of
/// the whole is `write_pretty`'s.
pub(super) fn is_empty(ds: &Dataset) -> bool {
    ds.units.is_empty() && ds.ss.is_empty() && ds.iku.is_empty() && ds.addenda.is_empty()
}

/// The document of a non-empty `ds` ([`is_empty`] false) up to and including its `addenda`
/// array (`last`: the closing `}` follows it, else another section), record by record: the
/// document never stands as one `Value` (at ministry scale that tree took ~285 MB). `spill`
/// is called after each record, and may take what `out` holds so far.
pub(super) fn write_records(
    out: &mut String,
    spill: &mut dyn FnMut(&mut String),
    ds: &Dataset,
    last: bool,
) {
    let mut addenda: Vec<&Addendum> = ds.addenda.iter().collect();
    addenda.sort_by(|a, b| (&a.unit, a.version).cmp(&(&b.unit, b.version)));
    let head: [(&str, Value); 3] = [
        ("format", FORMAT.into()),
        ("year", ds.year.into()),
        ("rulebook", ds.rulebook.clone().into()),
    ];
    out.push_str("{\n");
    for (name, value) in &head {
        let key = scalar(&Value::String(name.to_string()));
        out.push_str("  ");
        out.push_str(&key);
        out.push_str(": ");
        write_pretty(out, value, 2, 2 + key.chars().count() + 2);
        out.push_str(",\n");
    }
    let units = ds.units.values().map(unit_value);
    write_array_with(out, spill, "units", units, false);
    write_array_with(out, spill, "ss", ds.ss.values().map(ss_value), false);
    write_array_with(out, spill, "iku", ds.iku.values().map(iku_value), false);
    let addenda = addenda.into_iter().map(addendum_value);
    write_array_with(out, spill, "addenda", addenda, last);
}

/// One array field of the top level, as `write_pretty` lays it out, its values made one at a
/// time.
pub(super) fn write_array(
    out: &mut String,
    name: &str,
    items: impl ExactSizeIterator<Item = Value>,
    last: bool,
) {
    write_array_with(out, &mut |_| {}, name, items, last);
}

/// [`write_array`], calling `spill` after each value.
pub(super) fn write_array_with(
    out: &mut String,
    spill: &mut dyn FnMut(&mut String),
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
            spill(out);
        }
        out.push_str("  ]");
    }
    out.push_str(if last { "\n" } else { ",\n" });
}

pub(super) fn dec_value(d: Decimal) -> Value {
    Value::String(d.to_string())
}

pub(super) fn opt_dec_value(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, dec_value)
}

pub(super) fn opt_string_value(s: Option<&String>) -> Value {
    s.map_or(Value::Null, |s| Value::String(s.clone()))
}

pub(super) fn ref_value(r: &CodeRef) -> Value {
    let mut m = Map::new();
    m.insert("unit".into(), r.unit.clone().into());
    m.insert("code".into(), r.code.clone().into());
    Value::Object(m)
}

pub(super) fn months_value(m: &Months) -> Value {
    Value::Array(m.iter().map(|d| opt_dec_value(*d)).collect())
}

pub(super) fn unit_value(u: &Unit) -> Value {
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

pub(super) fn ss_value(s: &Ss) -> Value {
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

pub(super) fn iku_value(i: &Iku) -> Value {
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
    put("mandatory", i.mandatory.into());
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

pub(super) fn addendum_value(a: &Addendum) -> Value {
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
pub(super) const LINE_WIDTH: usize = 100;

pub(super) fn scalar(v: &Value) -> String {
    serde_json::to_string(v).expect("a JSON scalar always serialises")
}

/// One-line form of a value without arrays of objects, or `None`.
pub(super) fn inline(v: &Value) -> Option<String> {
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
pub(super) fn write_pretty(out: &mut String, v: &Value, indent: usize, used: usize) {
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
        let sample = import_document(include_str!("../../../fixtures/kalbar-2025.json")).unwrap();
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
