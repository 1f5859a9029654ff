//! `kinerja lampiran add|list|get|remove UNIT IKU YYYY-MM`: the evidence (data dukung) of an
//! IKU-month (DOMAIN.md §11). The bytes are kept inside the store under their SHA-256, once
//! however often they are attached (`store::round`), within the rulebook's limits per file and
//! per store; attaching and detaching are changes of the change type ([`Change::AddEvidence`],
//! [`Change::RemoveEvidence`]): audited, checked by the store server (an operator of the unit
//! or a unit above it), refused in a closed month. `kinerja verify` checks every hash.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use super::analisis::Place;
use super::{CliError, CliResult, Context, parse_year_month, refused};
use crate::domain::limits::{TextKind, check};
use crate::domain::round::EvidenceRef;
use crate::store::{Change, StoreApi};
use crate::text::cli as tc;
use crate::text::round as t;

#[derive(Args, Debug)]
pub struct LampiranArgs {
    #[command(subcommand)]
    pub command: LampiranCommand,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum LampiranCommand {
    /// Lampirkan berkas (dengan namanya sendiri) / attach files under their own names
    Add {
        #[command(flatten)]
        place: Place,
        /// Berkas / files (regular files only)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Daftar lampiran / list the evidence files
    List {
        #[command(flatten)]
        place: Place,
        /// Bentuk keluaran / output format
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// Ambil lampiran ke direktori (tidak menimpa) / write the files into a directory (never
    /// overwriting)
    Get {
        #[command(flatten)]
        place: Place,
        /// Direktori tujuan / the directory
        #[arg(short = 'o', long = "output", value_name = "DIR")]
        dir: PathBuf,
        /// Hanya berkas ini / only these files [default: all]
        #[arg(value_name = "NAME")]
        names: Vec<String>,
    },
    /// Lepaskan lampiran (tercatat di jejak audit) / detach files (audited)
    Remove {
        #[command(flatten)]
        place: Place,
        #[arg(required = true, value_name = "NAME")]
        names: Vec<String>,
    },
}

pub fn run(ctx: &Context, a: &LampiranArgs) -> CliResult {
    match &a.command {
        LampiranCommand::Add { place, files } => add(ctx, place, files),
        LampiranCommand::List { place, format } => list(ctx, place, *format),
        LampiranCommand::Get { place, dir, names } => get(ctx, place, dir, names),
        LampiranCommand::Remove { place, names } => remove(ctx, place, names),
    }
}

/// What every subcommand starts with: the store, the year and month, the year's dataset.
struct At {
    store: Box<dyn StoreApi>,
    year: i32,
    month: u8,
    ds: crate::domain::Dataset,
}

fn at(ctx: &Context, p: &Place) -> Result<At, CliError> {
    let (year, month) = parse_year_month(&p.month)
        .ok_or_else(|| CliError::usage(tc::BAD_MONTH.fill(&[("month", &p.month)])))?;
    let store = ctx.open_store()?;
    ctx.present_year(&*store, year)?;
    let ds = store.load_year(year).map_err(refused)?;
    Ok(At {
        store,
        year,
        month,
        ds,
    })
}

/// May the evidence of the place change now (a reporting month of an IKU that exists, not
/// closed)? Reading asks the same but lets a closed month through.
fn guard(at: &At, p: &Place, reading: bool) -> CliResult {
    match crate::domain::edit::round_change(&at.ds, &p.unit, &p.iku, at.month, "evidence") {
        Err(_) if reading && at.ds.month_state(&p.unit, at.month).is_closed() => Ok(()),
        Err(r) => Err(CliError::refused(crate::text::reason::refusal(&r))),
        Ok(_) => Ok(()),
    }
}

fn attached<'a>(at: &'a At, p: &Place) -> &'a [EvidenceRef] {
    at.ds
        .round
        .get(&p.unit)
        .map_or(&[], |r| r.evidence(&p.iku, at.month))
}

/// A byte count in the user's locale (`1.234.567` in Indonesian).
fn bytes_shown(ctx: &Context, n: u64) -> String {
    let locale = ctx
        .locale(None)
        .unwrap_or(crate::interchange::number::Locale::Id);
    crate::interchange::number::format_decimal(rust_decimal::Decimal::from(n), locale, 0)
}

/// The name a file is attached under: its own, one line within the text limits, and a plain
/// file name (never a path, `.` or `..`), so that `get` writes it inside its directory.
pub fn evidence_name(name: &str) -> Result<(), String> {
    if !crate::domain::round::plain_file_name(name) {
        return Err(t::EVIDENCE_BAD_NAME.fill(&[("name", &name)]));
    }
    check(TextKind::Line, name).map_err(|p| format!("{name:?}: {p}"))
}

fn add(ctx: &Context, p: &Place, files: &[PathBuf]) -> CliResult {
    let at = at(ctx, p)?;
    guard(&at, p, false)?;
    let rb = ctx.rulebook_for(&at.ds)?;
    let max = rb.round.evidence_max_file_bytes;
    // every file read and named before anything is stored
    let mut read: Vec<(String, Vec<u8>)> = Vec::new();
    for f in files {
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| CliError::refused(t::EVIDENCE_BAD_NAME.fill(&[("name", &f.display())])))?
            .to_string();
        evidence_name(&name).map_err(CliError::refused)?;
        if read.iter().any(|(n, _)| *n == name) {
            return Err(CliError::usage(
                t::EVIDENCE_SAME_NAME.fill(&[("name", &name)]),
            ));
        }
        let bytes = crate::safe::read::read_bytes(f, max, crate::safe::read::Links::Follow)
            .map_err(|e| match e {
                crate::safe::read::ReadError::TooLarge { .. } => {
                    let size = std::fs::metadata(f).map(|m| m.len()).unwrap_or(max + 1);
                    CliError::refused(format!(
                        "{}: {}",
                        f.display(),
                        t::EVIDENCE_TOO_LARGE.fill(&[
                            ("size", &bytes_shown(ctx, size)),
                            ("max", &bytes_shown(ctx, max)),
                        ])
                    ))
                }
                e => refused(e),
            })?;
        read.push((name, bytes));
    }
    let before = attached(&at, p).to_vec();
    let mut changes = Vec::new();
    let mut lines = Vec::new();
    let key = crate::domain::CodeRef::new(&p.unit, &p.iku);
    for (name, bytes) in &read {
        let put = at
            .store
            .put_evidence(at.year, &p.unit, bytes)
            .map_err(|e| CliError::refused(format!("{name}: {e}")))?;
        let how = match (put.new, before.iter().any(|e| e.name == *name)) {
            (_, true) => t::EVIDENCE_REPLACED.s(),
            (false, false) => t::EVIDENCE_DEDUP.s(),
            (true, false) => t::EVIDENCE_NEW.s(),
        };
        lines.push(t::EVIDENCE_LINE.fill(&[
            ("name", name),
            ("size", &bytes_shown(ctx, put.size)),
            ("sha256", &put.sha256),
            ("how", &how),
        ]));
        changes.push(Change::AddEvidence {
            iku: key.clone(),
            month: at.month,
            evidence: EvidenceRef {
                name: name.clone(),
                sha256: put.sha256,
                size: put.size,
            },
        });
    }
    at.store
        .apply(at.year, &changes, &ctx.actor, "lampiran")
        .map_err(refused)?;
    let mut out = t::EVIDENCE_ADDED.fill(&[
        ("unit", &p.unit),
        ("iku", &p.iku),
        ("month", &p.month),
        ("n", &changes.len()),
    ]);
    for l in lines {
        out.push_str("\n  ");
        out.push_str(&l);
    }
    super::say(&out)
}

fn list(ctx: &Context, p: &Place, format: ListFormat) -> CliResult {
    let at = at(ctx, p)?;
    guard(&at, p, true)?;
    let files = attached(&at, p);
    match format {
        ListFormat::Json => {
            let doc = json!({
                "unit": p.unit,
                "iku": p.iku,
                "month": format!("{}-{:02}", at.year, at.month),
                "state": at.ds.month_state(&p.unit, at.month).as_str(),
                "evidence": files.iter().map(|e| json!({
                    "name": e.name,
                    "size": e.size,
                    "sha256": e.sha256,
                })).collect::<Vec<_>>(),
            });
            let mut s = serde_json::to_string_pretty(&doc).map_err(refused)?;
            s.push('\n');
            super::write_stdout(&s)
        }
        ListFormat::Text => {
            let mut out = t::EVIDENCE_HEAD.fill(&[
                ("unit", &p.unit),
                ("iku", &p.iku),
                ("month", &p.month),
                ("n", &files.len()),
            ]);
            out.push('\n');
            for e in files {
                out.push_str(&format!(
                    "  {}  {} B  sha256 {}\n",
                    e.name,
                    bytes_shown(ctx, e.size),
                    e.sha256
                ));
            }
            super::write_text(&out)
        }
    }
}

fn get(ctx: &Context, p: &Place, dir: &Path, names: &[String]) -> CliResult {
    let at = at(ctx, p)?;
    guard(&at, p, true)?;
    let files = attached(&at, p);
    let wanted: Vec<&EvidenceRef> = if names.is_empty() {
        files.iter().collect()
    } else {
        let mut v = Vec::new();
        for n in names {
            let e = files.iter().find(|e| e.name == *n).ok_or_else(|| {
                CliError::refused(t::EVIDENCE_NOT_ATTACHED.fill(&[
                    ("name", n),
                    ("unit", &p.unit),
                    ("iku", &p.iku),
                    ("month", &p.month),
                ]))
            })?;
            v.push(e);
        }
        v
    };
    if wanted.is_empty() {
        return Err(CliError::refused(t::EVIDENCE_NONE.fill(&[
            ("unit", &p.unit),
            ("iku", &p.iku),
            ("month", &p.month),
        ])));
    }
    // the names come from the store: a plain file name each, or nothing is written
    for e in &wanted {
        evidence_name(&e.name).map_err(CliError::refused)?;
    }
    if dir.exists() && !dir.is_dir() {
        return Err(CliError::refused(
            t::EVIDENCE_NOT_DIR.fill(&[("dir", &dir.display())]),
        ));
    }
    // nothing is overwritten: every target is checked before the first is written
    for e in &wanted {
        let target = dir.join(&e.name);
        if std::fs::symlink_metadata(&target).is_ok() {
            return Err(CliError::refused(
                t::EVIDENCE_EXISTS.fill(&[("file", &target.display())]),
            ));
        }
    }
    // every file read (and its SHA-256 checked by the store) before the first is written
    let mut blobs = Vec::new();
    for e in &wanted {
        let bytes = at
            .store
            .get_evidence(&e.sha256)
            .map_err(|err| CliError::refused(format!("{}: {err}", e.name)))?
            .ok_or_else(|| {
                CliError::refused(
                    t::EVIDENCE_NOT_HELD.fill(&[("name", &e.name), ("sha256", &e.sha256)]),
                )
            })?;
        blobs.push((*e, bytes));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::refused(format!("{}: {}", dir.display(), super::io_reason(&e))))?;
    let mut out = String::new();
    for (e, bytes) in blobs {
        let target = dir.join(&e.name);
        crate::safe::write::write_atomic(&target, &bytes, None, crate::safe::write::Replace::Never)
            .map_err(refused)?;
        out.push_str(&t::EVIDENCE_WRITTEN.fill(&[
            ("file", &target.display()),
            ("size", &bytes_shown(ctx, e.size)),
            ("sha256", &e.sha256),
        ]));
        out.push('\n');
    }
    super::write_text(&out)
}

fn remove(ctx: &Context, p: &Place, names: &[String]) -> CliResult {
    let at = at(ctx, p)?;
    guard(&at, p, false)?;
    let files = attached(&at, p);
    let key = crate::domain::CodeRef::new(&p.unit, &p.iku);
    let mut changes = Vec::new();
    for n in names {
        if !files.iter().any(|e| e.name == *n) {
            return Err(CliError::refused(t::EVIDENCE_NOT_ATTACHED.fill(&[
                ("name", n),
                ("unit", &p.unit),
                ("iku", &p.iku),
                ("month", &p.month),
            ])));
        }
        let c = Change::RemoveEvidence {
            iku: key.clone(),
            month: at.month,
            name: n.clone(),
        };
        if !changes.contains(&c) {
            changes.push(c);
        }
    }
    at.store
        .apply(at.year, &changes, &ctx.actor, "lampiran")
        .map_err(refused)?;
    super::say(&t::EVIDENCE_REMOVED.fill(&[
        ("unit", &p.unit),
        ("iku", &p.iku),
        ("month", &p.month),
        ("names", &names.join(", ")),
    ]))
}
