//! `kinerja due`: what is outstanding in the month-end round (DOMAIN.md §11) across the store's
//! year, or a unit's subtree — overdue first, then by deadline — with the stage each month
//! waits for, its deadline, the days left or overdue, and who can act (the users and groups of
//! the access list holding a role of that stage for the unit or a unit above it).

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::{CliError, CliResult, Context, refused};
use crate::domain::round::{Due, outstanding, subtree};
use crate::server::proto::{Grant, Request};
use crate::text::cli as tc;
use crate::text::round as t;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DueFormat {
    Text,
    Json,
}

#[derive(Args, Debug)]
pub struct DueArgs {
    /// Hanya unit ini dan unit di bawahnya / only this unit and the units below it
    #[arg(long, value_name = "CODE")]
    pub unit: Option<String>,
    /// Bentuk keluaran / output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: DueFormat,
}

/// Who can act on a unit at a stage: the grants of a role of the stage (admin holds every role)
/// for every unit or for the unit or one of its ancestors (`chain`). `None`: the access list is
/// empty, so everyone who can open the store can.
pub fn who_can_act(grants: &[Grant], due: &Due, chain: &[String]) -> Option<Vec<Grant>> {
    if grants.is_empty() {
        return None;
    }
    let mut who: Vec<Grant> = grants
        .iter()
        .filter(|g| {
            g.role == "admin"
                || (due.stage.roles().iter().any(|r| r.as_str() == g.role)
                    && g.unit.as_ref().is_none_or(|u| chain.contains(u)))
        })
        .cloned()
        .collect();
    who.sort_by(|a, b| (&a.who, &a.role).cmp(&(&b.who, &b.role)));
    who.dedup_by(|a, b| a.who == b.who && a.role == b.role);
    Some(who)
}

pub fn run(ctx: &Context, a: &DueArgs) -> CliResult {
    let client = ctx.connect(false, false)?;
    let (ds, rb) = ctx.load(&client)?;
    let units: Vec<String> = match &a.unit {
        Some(u) if !ds.units.contains_key(u) => {
            return Err(CliError::refused(
                tc::UNKNOWN_UNIT.fill(&[("unit", u), ("year", &ds.year)]),
            ));
        }
        Some(u) => subtree(&ds, u),
        None => ds.units.keys().cloned().collect(),
    };
    let grants = client.access(Request::AccessList).map_err(refused)?;
    let list = outstanding(&ds, &rb.round.deadlines(), &units, ctx.today);
    let rows: Vec<(Due, Option<Vec<Grant>>)> = list
        .into_iter()
        .map(|d| {
            let mut chain = ds.ancestors(&d.unit);
            chain.push(d.unit.clone());
            let who = who_can_act(&grants, &d, &chain);
            (d, who)
        })
        .collect();
    match a.format {
        DueFormat::Json => {
            let v: Vec<Value> = rows
                .iter()
                .map(|(d, who)| {
                    json!({
                        "unit": d.unit,
                        "month": format!("{}-{:02}", ds.year, d.month),
                        "state": d.state.as_str(),
                        "stage": d.stage.as_str(),
                        "deadline": d.deadline.to_string(),
                        "days_left": d.days_left,
                        "overdue": d.overdue(),
                        "who": who.iter().flatten().map(|g| json!({
                            "who": g.who,
                            "role": g.role,
                        })).collect::<Vec<_>>(),
                        "everyone": who.is_none(),
                    })
                })
                .collect();
            let doc = json!({
                "year": ds.year,
                "today": ctx.today.to_string(),
                "due": v,
            });
            let mut s = serde_json::to_string_pretty(&doc).map_err(refused)?;
            s.push('\n');
            super::write_stdout(&s)
        }
        DueFormat::Text => super::write_text(&text(&ds, ctx.today, &rows)),
    }
}

fn text(
    ds: &crate::domain::Dataset,
    today: chrono::NaiveDate,
    rows: &[(Due, Option<Vec<Grant>>)],
) -> String {
    let day = today.to_string();
    if rows.is_empty() {
        return format!(
            "{}\n",
            t::DUE_NONE.fill(&[("year", &ds.year), ("today", &day)])
        );
    }
    let overdue = rows.iter().filter(|(d, _)| d.overdue()).count();
    let mut out = format!(
        "{}\n",
        t::DUE_HEADER.fill(&[
            ("year", &ds.year),
            ("today", &day),
            ("count", &rows.len()),
            ("overdue", &overdue),
        ])
    );
    for (d, who) in rows {
        let days = if d.overdue() {
            t::DUE_OVERDUE_DAYS.fill(&[("days", &-d.days_left)])
        } else {
            t::DUE_DAYS_LEFT.fill(&[("days", &d.days_left)])
        };
        let who = match who {
            None => t::DUE_EVERYONE.s().to_string(),
            Some(w) if w.is_empty() => t::DUE_NOBODY.s().to_string(),
            Some(w) => w
                .iter()
                .map(|g| format!("{} ({})", g.who, g.role))
                .collect::<Vec<_>>()
                .join(", "),
        };
        out.push_str(&format!(
            "{}-{:02}  {}  {}  {}  {} {}  {}  — {}\n",
            ds.year,
            d.month,
            d.unit,
            t::state_word(d.state),
            t::stage_word(d.stage),
            t::DUE_BY.s(),
            d.deadline,
            days,
            who
        ));
    }
    out
}
