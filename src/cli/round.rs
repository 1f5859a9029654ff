//! The month-end round on the command line (DOMAIN.md §11): `kinerja submit|validate|return|
//! close|reopen UNIT YYYY-MM [--reason …]`.

use clap::Args;

use super::{CliError, CliResult, Context, parse_year_month, refused};
use crate::domain::limits::{TextKind, check};
use crate::domain::round::Action;
use crate::store::Change;
use crate::text::cli as tc;
use crate::text::round as t;

#[derive(Args, Debug)]
pub struct TransitionArgs {
    /// Kode unit / unit code
    pub unit: String,
    /// Bulan pelaporan / reporting month, YYYY-MM
    pub month: String,
    /// Alasan (wajib untuk return dan reopen) / the reason (needed by return and reopen)
    #[arg(long, value_name = "TEKS")]
    pub reason: Option<String>,
}

/// A reason given on the command line, checked against the text limits (`domain::limits`).
pub fn reason_arg(reason: Option<&str>) -> Result<String, CliError> {
    let r = reason.unwrap_or("").trim().to_string();
    check(TextKind::Long, &r)
        .map_err(|p| CliError::usage(t::BAD_REASON.fill(&[("problem", &p)])))?;
    Ok(r)
}

/// Takes `action` on the unit's month, in the role the action is taken in (operators submit,
/// validators validate and return, admins close and reopen; the store server checks the
/// author holds it for the unit or one above it).
pub fn run_transition(ctx: &Context, action: Action, a: &TransitionArgs) -> CliResult {
    let (year, month) = parse_year_month(&a.month)
        .ok_or_else(|| CliError::usage(tc::BAD_MONTH.fill(&[("month", &a.month)])))?;
    let reason = reason_arg(a.reason.as_deref())?;
    let store = ctx.open_store()?;
    ctx.present_year(&*store, year)?;
    if action == Action::Submit {
        refuse_blocked(ctx, &*store, year, &a.unit, month, &a.month)?;
    }
    let change = Change::Transition {
        unit: a.unit.clone(),
        month,
        action,
        role: action.natural_role(),
        reason: reason.clone(),
    };
    let audit = store
        .apply(year, &[change], &ctx.actor, action.as_str())
        .map_err(refused)?;
    let ds = store.load_year(year).map_err(refused)?;
    let new = ds.month_state(&a.unit, month);
    let old = audit
        .first()
        .and_then(|e| e.old.as_deref())
        .and_then(|o| o.split(' ').next())
        .and_then(crate::domain::round::MonthState::parse)
        .unwrap_or(new);
    let mut out = t::TRANSITION_DONE.fill(&[
        ("action", &t::action_word(action)),
        ("unit", &a.unit),
        ("month", &a.month),
        ("old", &t::state_word(old)),
        ("new", &t::state_word(new)),
    ]);
    if !reason.is_empty() {
        out.push('\n');
        out.push_str(&t::TRANSITION_REASON.fill(&[("reason", &reason)]));
    }
    super::say(&out)
}

/// Refuses a submission the rulebook in force blocks: a missing analysis or evidence that it
/// makes an error (`domain::rules::submission_blockers`), each named with what to do.
fn refuse_blocked(
    ctx: &Context,
    store: &dyn crate::store::StoreApi,
    year: i32,
    unit: &str,
    month: u8,
    shown: &str,
) -> CliResult {
    let ds = store.load_year(year).map_err(refused)?;
    if !ds.units.contains_key(unit) {
        // the store refuses it, saying so
        return Ok(());
    }
    let rb = ctx.rulebook_for(&ds)?;
    let blockers = crate::domain::rules::submission_blockers(&ds, &rb, unit, month);
    if blockers.is_empty() {
        return Ok(());
    }
    let mut msg =
        t::SUBMIT_BLOCKED.fill(&[("unit", &unit), ("month", &shown), ("rulebook", &rb.name)]);
    for f in &blockers {
        msg.push_str("\n  ");
        msg.push_str(f.id);
        msg.push_str(": ");
        msg.push_str(&crate::text::reason::render(&f.reason));
    }
    Err(CliError::refused(msg))
}
