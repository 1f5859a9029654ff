//! `kinerja addendum UNIT --reason TEXT --set IKU:MONTH=VALUE … [--add-iku FILE.json]
//! [--remove-iku CODE] [--date YYYY-MM-DD]`: PK version n+1 of one unit, all or nothing.
//!
//! `kinerja addendum UNIT --reason TEXT --link FROM:TO … --unlink FROM:TO … [--date]`: an
//! addendum of the unit's Peta Strategi (DOMAIN.md §12): cause → effect links added and removed,
//! one `PlanChange::LinkAddendum` (planner; audited with source `addendum`, live to the other
//! clients of a served store). An end may be written `UNIT/SS`; another unit is refused (a link
//! joins SS of one unit), and so is what the store refuses — an end that is not an SS of the
//! unit, a cycle — each with the link it names. A link not from a lower perspective to a higher
//! one is saved with a warning. Links are not combined with IKU changes in one addendum (each is
//! its own all-or-nothing store call).
//!
//! The draft is checked by `domain::addendum::prepare` (R10, R01 and the draft's own sense);
//! a good one is written with its addendum record in one `Store::apply` call (one transaction,
//! audited with source `addendum`).
//!
//! `--add-iku FILE.json` takes the new IKU in the `iku` entry shape of `kinerja/1`
//! (`interchange` §1), as one of:
//! - one IKU object, `{ "code": "7a-N", "ss": "SS-6", "name": …, "targets": [...], … }`;
//! - an array of such objects;
//! - a whole `kinerja/1` document, of which only the `iku` array is read.
//!
//! `unit` may be omitted (it is the addendum's unit); every other rule of the format holds
//! (required fields, enumerations, twelve months, decimals, SS and cascade sources that exist),
//! and errors name the file and the JSON path within it (`iku[0].targets[5]: …`).

use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::Value;

use super::{CliError, CliResult, Context, parse_year_month, read_text_file, refused};
use crate::domain::addendum::{AddendumDraft, change_of, prepare};
use crate::domain::change::Field;
use crate::domain::edit::Refusal;
use crate::domain::{CodeRef, Dataset, Decimal, Iku};
use crate::interchange::number::{Locale, format_exact, parse_decimal};
use crate::interchange::{MAX_INPUT_BYTES, export_document, import_document};
use crate::text::cli as t;
use crate::text::domain::{month_name, rules as rules_text};

#[derive(Args, Debug)]
pub struct AddendumArgs {
    /// Kode unit / unit code
    pub unit: String,
    /// Alasan addendum (wajib) / the reason (required)
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    /// Target baru / a new target: IKU:MONTH=VALUE (MONTH 1..12 atau YYYY-MM; VALUE kosong menghapus)
    #[arg(
        long = "set",
        value_name = "IKU:MONTH=VALUE",
        allow_hyphen_values = true
    )]
    pub sets: Vec<String>,
    /// IKU baru dari berkas JSON / new IKU from a JSON file
    #[arg(long = "add-iku", value_name = "FILE.json")]
    pub add_iku: Vec<PathBuf>,
    /// Hapus IKU / remove an IKU
    #[arg(long = "remove-iku", value_name = "CODE")]
    pub remove_iku: Vec<String>,
    /// Tautan Peta Strategi baru / a new Peta Strategi link: FROM:TO (SS penyebab:SS akibat)
    #[arg(long = "link", value_name = "SS:SS")]
    pub links: Vec<String>,
    /// Hapus tautan Peta Strategi / remove a Peta Strategi link: FROM:TO
    #[arg(long = "unlink", value_name = "SS:SS")]
    pub unlinks: Vec<String>,
    /// Tanggal addendum / the addendum date [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Format angka / number format: id (1.234,5) | en (1,234.5)
    #[arg(long, value_name = "id|en")]
    pub locale: Option<String>,
}

pub fn run(ctx: &Context, a: &AddendumArgs) -> CliResult {
    let locale = ctx.locale(a.locale.as_deref())?;
    let given = match &a.date {
        Some(s) => Some(
            chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map_err(|_| CliError::usage(t::BAD_DATE.fill(&[("date", s)])))?,
        ),
        None => None,
    };
    if !a.links.is_empty() || !a.unlinks.is_empty() {
        if !a.sets.is_empty() || !a.add_iku.is_empty() || !a.remove_iku.is_empty() {
            return Err(CliError::usage(
                crate::text::plan::LINK_MIXED.s().to_string(),
            ));
        }
        return run_links(ctx, a, given);
    }
    let store = ctx.open_store()?;
    let (ds, rb) = ctx.load(&*store)?;
    // a date given is checked against the PK year (`prepare`); the default is today, kept in it
    let date = given.unwrap_or_else(|| {
        crate::domain::addendum::default_date(ds.year, chrono::Local::now().date_naive())
    });

    // Every problem is gathered: the arguments that cannot be read, then the draft's.
    let mut problems: Vec<String> = Vec::new();
    let mut sets = Vec::new();
    for arg in &a.sets {
        match parse_set(arg, ds.year, locale) {
            Ok(s) => sets.push(s),
            Err(e) => problems.push(e),
        }
    }
    let mut add = Vec::new();
    for file in &a.add_iku {
        match read_new_iku(&ds, &a.unit, &a.remove_iku, file) {
            Ok(mut v) => add.append(&mut v),
            Err(mut e) => problems.append(&mut e),
        }
    }
    let draft = AddendumDraft {
        unit: a.unit.clone(),
        reason: a.reason.clone(),
        date,
        sets,
        add,
        remove: a.remove_iku.clone(),
    };
    let prepared = prepare(&ds, &rb, &draft);
    let (addendum, after) = match prepared {
        Ok(p) if problems.is_empty() => p,
        Ok(_) => return Err(refusal(&a.unit, &problems)),
        Err(found) => {
            problems.extend(found.iter().map(|p| p.to_string()));
            return Err(refusal(&a.unit, &problems));
        }
    };

    // what the addendum makes a rule find, said before it is saved
    let created = crate::domain::rules::findings_created(&ds, &after, &rb, &a.unit);
    if !created.is_empty() {
        let mut out = t::ADD_FINDINGS.fill(&[("n", &created.len())]);
        out.push('\n');
        for f in &created {
            out.push_str(&format!("  {}\n", super::check::finding_line(f)));
        }
        super::write_text(&out)?;
    }

    let change = change_of(&addendum, &after);
    store
        .apply(ds.year, &[change], &ctx.actor, "addendum")
        .map_err(refused)?;

    let mut out = t::ADD_SAVED.fill(&[
        ("unit", &addendum.unit),
        ("year", &ds.year),
        ("version", &addendum.version),
        ("date", &addendum.date),
        ("reason", &addendum.reason),
        ("n", &addendum.changes.len()),
    ]);
    out.push('\n');
    for c in &addendum.changes {
        out.push_str(&format!("  {}\n", change_line(c, locale)));
    }
    super::write_text(&out)?;
    Ok(())
}

/// An addendum of the Peta Strategi: the links are read, checked by the store (an end that is
/// not the unit's SS, a cycle) and written in one plan change; the direction is a warning.
fn run_links(ctx: &Context, a: &AddendumArgs, given: Option<chrono::NaiveDate>) -> CliResult {
    use crate::domain::plan::{PetaLink, PlanChange, PlanProblem, check_links};
    use crate::text::plan as tp;
    let store = ctx.open_store()?;
    let (ds, _) = ctx.load(&*store)?;
    // the default is today, kept in the PK year, as for an addendum of targets
    let date = given.unwrap_or_else(|| {
        crate::domain::addendum::default_date(ds.year, chrono::Local::now().date_naive())
    });
    let mut problems = Vec::new();
    let mut read = |args: &[String]| -> Vec<PetaLink> {
        let mut out = Vec::new();
        for arg in args {
            match parse_link(arg, &a.unit) {
                Ok(l) => out.push(l),
                Err(e) => problems.push(e),
            }
        }
        out
    };
    let add = read(&a.links);
    let remove = read(&a.unlinks);
    if !problems.is_empty() {
        return Err(refusal(&a.unit, &problems));
    }
    let change = PlanChange::LinkAddendum {
        unit: a.unit.clone(),
        date,
        reason: a.reason.trim().to_string(),
        add: add.clone(),
        remove: remove.clone(),
    };
    // checked here first, so that every problem is its own line (the store checks again)
    let plans = store.load_plans(ds.year).map_err(refused)?;
    let mut after = plans
        .get(&a.unit)
        .cloned()
        .unwrap_or_else(|| crate::domain::plan::UnitPlan::new(&a.unit));
    if ds.units.contains_key(&a.unit) {
        if let Err(e) = change.apply(&mut after) {
            return Err(refusal(
                &a.unit,
                &[crate::store::StoreError::from(e).to_string()],
            ));
        }
        let errors: Vec<String> = check_links(&ds, &a.unit, &after.links)
            .iter()
            .filter(|p| p.is_error())
            .map(tp::problem)
            .collect();
        if !errors.is_empty() {
            return Err(refusal(&a.unit, &errors));
        }
    }
    store
        .apply_plan(ds.year, &[change], &ctx.actor, "addendum")
        .map_err(|e| refusal(&a.unit, &[e.to_string()]))?;
    let now = store
        .load_plans(ds.year)
        .map_err(refused)?
        .get(&a.unit)
        .map_or(0, |p| p.links.len());
    super::say(&tp::LINK_SAVED.fill(&[
        ("unit", &a.unit),
        ("year", &ds.year),
        ("date", &date),
        ("reason", &a.reason.trim()),
        ("added", &add.len()),
        ("removed", &remove.len()),
        ("n", &now),
    ]))?;
    for p in check_links(&ds, &a.unit, &add) {
        if let PlanProblem::LinkDirection { .. } = p {
            super::tell(&tp::LINK_WARNING.fill(&[("what", &tp::problem(&p))]));
        }
    }
    Ok(())
}

/// Reads `FROM:TO` (each end an SS code, or `UNIT/SS` of the addendum's unit).
pub fn parse_link(arg: &str, unit: &str) -> Result<crate::domain::plan::PetaLink, String> {
    use crate::text::plan as tp;
    let bad = || tp::LINK_BAD_ARG.fill(&[("arg", &arg)]);
    let (from, to) = arg.split_once(':').ok_or_else(bad)?;
    let end = |s: &str| -> Result<String, String> {
        let s = s.trim();
        let code = match s.split_once('/') {
            Some((u, _)) if u.trim() != unit => {
                return Err(tp::LINK_OTHER_UNIT.fill(&[
                    ("arg", &arg),
                    ("other", &u.trim()),
                    ("unit", &unit),
                ]));
            }
            Some((_, code)) => code.trim(),
            None => s,
        };
        if code.is_empty() || code.contains(':') {
            return Err(bad());
        }
        Ok(code.to_string())
    };
    Ok(crate::domain::plan::PetaLink {
        from: end(from)?,
        to: end(to)?,
    })
}

fn refusal(unit: &str, problems: &[String]) -> CliError {
    let mut msg = t::ADD_REFUSED.fill(&[("unit", &unit), ("n", &problems.len())]);
    for p in problems {
        msg.push_str("\n  - ");
        msg.push_str(p);
    }
    CliError::refused(msg)
}

/// One change of an addendum for people: `1c-N  target Desember  2,2 → 3,4`.
pub fn change_line(c: &crate::domain::AddendumChange, locale: Locale) -> String {
    let show = |v: Option<Decimal>| v.map_or_else(|| "–".to_string(), |d| format_exact(d, locale));
    match c.field {
        Field::AddIku => format!("{}  {}", c.iku, t::PK_ADD_IKU.s()),
        Field::RemoveIku => format!("{}  {}", c.iku, t::PK_REMOVE_IKU.s()),
        field => format!(
            "{}  {} {}  {} → {}",
            c.iku,
            match field {
                Field::Realisasi => rules_text::FIELD_REALISASI.s(),
                _ => rules_text::FIELD_TARGET.s(),
            },
            month_name(c.month),
            show(c.old),
            show(c.new)
        ),
    }
}

/// Reads `IKU:MONTH=VALUE`; MONTH is 1..12 or YYYY-MM of the PK year, VALUE in the locale (empty
/// clears the target).
pub fn parse_set(
    arg: &str,
    year: i32,
    locale: Locale,
) -> Result<(String, u8, Option<Decimal>), String> {
    let bad = || t::ADD_BAD_SET.fill(&[("arg", &arg)]);
    let (left, value) = arg.split_once('=').ok_or_else(bad)?;
    let (iku, month) = left.rsplit_once(':').ok_or_else(bad)?;
    let iku = iku.trim();
    let month = month.trim();
    if iku.is_empty() {
        return Err(bad());
    }
    let month: u8 = if month.contains('-') {
        let (y, m) = parse_year_month(month).ok_or_else(bad)?;
        if y != year {
            return Err(t::ADD_SET_YEAR.fill(&[("arg", &arg), ("month", &month), ("year", &year)]));
        }
        m
    } else {
        month
            .parse::<u8>()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(bad)?
    };
    let value = value.trim();
    let value = if value.is_empty() {
        None
    } else {
        Some(parse_decimal(value, locale).map_err(|e| {
            let why = Refusal::BadNumber {
                text: value.to_string(),
                detail: e.to_string(),
            };
            t::ADD_SET_NUMBER.fill(&[
                ("arg", &arg),
                ("reason", &crate::text::reason::render(&why.reason())),
            ])
        })?)
    };
    Ok((iku.to_string(), month, value))
}

/// Reads the new IKU of `--add-iku FILE` (shapes in the module documentation), validated as
/// `kinerja/1` entries against the dataset: the entries are appended to the dataset's own
/// document and the whole is imported, so every rule of the format holds; errors are given with
/// the file and the path of the entry within it.
fn read_new_iku(
    ds: &Dataset,
    unit: &str,
    removed: &[String],
    file: &Path,
) -> Result<Vec<Iku>, Vec<String>> {
    let text = read_text_file(file, MAX_INPUT_BYTES as u64).map_err(|e| vec![e.message])?;
    let place = file.display().to_string();
    let fail = |error: String| t::ADD_IKU_FILE.fill(&[("file", &place), ("error", &error)]);
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(_) => {
            // The importer words a syntax error (line, column) for people.
            let errors = import_document(&text).err().unwrap_or_default();
            return Err(errors.iter().map(|e| fail(e.to_string())).collect());
        }
    };
    let entries: Vec<Value> = match value {
        Value::Object(map) if map.contains_key("format") => match map.get("iku") {
            Some(Value::Array(a)) => a.clone(),
            _ => return Err(vec![t::ADD_IKU_SHAPE.fill(&[("file", &place)])]),
        },
        Value::Object(map) => vec![Value::Object(map)],
        Value::Array(a) => a,
        _ => return Err(vec![t::ADD_IKU_SHAPE.fill(&[("file", &place)])]),
    };
    let mut entries: Vec<Value> = entries
        .into_iter()
        .map(|mut e| {
            if let Value::Object(m) = &mut e
                && !m.contains_key("unit")
            {
                m.insert("unit".into(), Value::String(unit.to_string()));
            }
            e
        })
        .collect();
    if entries.iter().any(|e| !e.is_object()) {
        return Err(vec![t::ADD_IKU_SHAPE.fill(&[("file", &place)])]);
    }

    // The dataset as a document, without its addenda, without the IKU this addendum removes
    // (so that an IKU may be replaced) unless others are cascaded from them.
    let mut doc: Value =
        serde_json::from_str(&export_document(ds)).map_err(|e| vec![fail(e.to_string())])?;
    let drop: Vec<CodeRef> = removed
        .iter()
        .map(|c| CodeRef::new(unit, c))
        .filter(|k| ds.cascaded_from(k).is_empty())
        .collect();
    let base = match &mut doc {
        Value::Object(m) => {
            m.insert("addenda".into(), Value::Array(Vec::new()));
            let Some(Value::Array(iku)) = m.get_mut("iku") else {
                return Err(vec![fail("export without iku".into())]);
            };
            iku.retain(|i| {
                let key = CodeRef::new(
                    i["unit"].as_str().unwrap_or_default(),
                    i["code"].as_str().unwrap_or_default(),
                );
                !drop.contains(&key)
            });
            let base = iku.len();
            iku.append(&mut entries.clone());
            base
        }
        _ => return Err(vec![fail("export is not an object".into())]),
    };
    let merged = import_document(&doc.to_string()).map_err(|errors| {
        errors
            .iter()
            .map(|e| {
                let path = shift_iku_path(&e.path, base);
                let shown = if path.is_empty() {
                    e.message.clone()
                } else {
                    format!("{path}: {}", e.message)
                };
                fail(shown)
            })
            .collect::<Vec<_>>()
    })?;
    Ok(entries
        .iter_mut()
        .filter_map(|e| {
            let key = CodeRef::new(e["unit"].as_str()?, e["code"].as_str()?);
            merged.iku.get(&key).cloned()
        })
        .collect())
}

/// `iku[N]…` with N ≥ `base` becomes `iku[N - base]…` (the entry's place in the user's file).
fn shift_iku_path(path: &str, base: usize) -> String {
    let Some(rest) = path.strip_prefix("iku[") else {
        return path.to_string();
    };
    let Some((n, tail)) = rest.split_once(']') else {
        return path.to_string();
    };
    match n.parse::<usize>() {
        Ok(n) if n >= base => format!("iku[{}]{tail}", n - base),
        _ => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_arguments_in_both_month_forms_and_locales() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            parse_set("1c-N:12=3,4", 2025, Locale::Id),
            Ok(("1c-N".into(), 12, Some(d("3.4"))))
        );
        assert_eq!(
            parse_set("1c-N:2025-06=1,234.5", 2025, Locale::En),
            Ok(("1c-N".into(), 6, Some(d("1234.5"))))
        );
        assert_eq!(
            parse_set("1c-N:3=", 2025, Locale::Id),
            Ok(("1c-N".into(), 3, None))
        );
        assert!(parse_set("1c-N:2024-06=1", 2025, Locale::Id).is_err());
        assert!(parse_set("1c-N:13=1", 2025, Locale::Id).is_err());
        assert!(parse_set("1c-N=1", 2025, Locale::Id).is_err());
        assert!(parse_set(":3=1", 2025, Locale::Id).is_err());
        assert!(
            parse_set("1c-N:3=1.234", 2025, Locale::Id).is_err(),
            "ambiguous"
        );
    }

    #[test]
    fn entry_paths_are_given_within_the_users_file() {
        assert_eq!(
            shift_iku_path("iku[12].targets[3]", 10),
            "iku[2].targets[3]"
        );
        assert_eq!(shift_iku_path("iku[3].code", 10), "iku[3].code");
        assert_eq!(shift_iku_path("units[0]", 10), "units[0]");
        assert_eq!(shift_iku_path("", 10), "");
    }
}
