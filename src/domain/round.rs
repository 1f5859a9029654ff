//! The month-end round (DOMAIN.md §11): the state of a unit's realisasi for a reporting month,
//! the transitions between states and who may make them, the analysis of an IKU-month and the
//! references to its evidence (data dukung).
//!
//! # States and transitions — [`transition`]
//!
//! A (unit, month) starts `diisi` (entered, editable by its operators; a month never touched is
//! `diisi` too). The table, one pure function of (state, action, role):
//!
//! | action   | roles              | from                       | to             | reason |
//! |----------|--------------------|----------------------------|----------------|--------|
//! | submit   | operator, admin    | diisi, dikembalikan        | diajukan       | –      |
//! | validate | validator, admin   | diajukan                   | divalidasi     | –      |
//! | return   | validator, admin   | diajukan, divalidasi       | dikembalikan   | needed |
//! | close    | admin              | divalidasi                 | ditetapkan     | –      |
//! | reopen   | admin              | ditetapkan                 | dikembalikan   | needed |
//!
//! The role is checked first ([`Code::RoleNotAllowed`]), then the state
//! ([`Code::StateNotAllowed`]), then the reason ([`Code::ReasonRequired`]). A role is held for a
//! unit when it is granted for the unit or one of its ancestors (the server's access list):
//! "validators of the unit or of a unit above it".
//!
//! # What a state allows
//!
//! - `ditetapkan` (closed): nothing of the month changes — realisasi, analysis, evidence — by any
//!   role, until an admin reopens it ([`Code::RealisasiFrozen`], [`Code::MonthClosed`]).
//! - `diajukan` and `divalidasi` (submitted): a realisasi may still be corrected, with a reason
//!   ([`Code::CorrectionNeedsReason`]).
//! - `diisi` and `dikembalikan`: editable.
//!
//! Every transition, correction, analysis and evidence change is a
//! [`super::change::Change`]: audited by the store, sent live to every connected client.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::reason::{Code, Reason};

/// Version of the stored [`UnitRound`] record (inside the store's envelope).
pub const ROUND_SCHEMA: u16 = 1;

/// The state of a unit's realisasi for a reporting month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum MonthState {
    #[default]
    Diisi,
    Diajukan,
    Divalidasi,
    Dikembalikan,
    Ditetapkan,
}

impl MonthState {
    pub const ALL: [MonthState; 5] = [
        MonthState::Diisi,
        MonthState::Diajukan,
        MonthState::Divalidasi,
        MonthState::Dikembalikan,
        MonthState::Ditetapkan,
    ];
    /// The users' word, also the spelling of the formats.
    pub fn as_str(self) -> &'static str {
        match self {
            MonthState::Diisi => "diisi",
            MonthState::Diajukan => "diajukan",
            MonthState::Divalidasi => "divalidasi",
            MonthState::Dikembalikan => "dikembalikan",
            MonthState::Ditetapkan => "ditetapkan",
        }
    }
    pub fn parse(s: &str) -> Option<MonthState> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }
    /// Closed: nothing of the month may change.
    pub fn is_closed(self) -> bool {
        self == MonthState::Ditetapkan
    }
    /// Submitted (and not returned): a correction needs a reason.
    pub fn is_submitted(self) -> bool {
        matches!(self, MonthState::Diajukan | MonthState::Divalidasi)
    }
}

impl std::fmt::Display for MonthState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a user does to a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    Submit,
    Validate,
    Return,
    Close,
    Reopen,
}

impl Action {
    pub const ALL: [Action; 5] = [
        Action::Submit,
        Action::Validate,
        Action::Return,
        Action::Close,
        Action::Reopen,
    ];
    /// The spelling of the CLI command and of the formats.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::Validate => "validate",
            Action::Return => "return",
            Action::Close => "close",
            Action::Reopen => "reopen",
        }
    }
    pub fn parse(s: &str) -> Option<Action> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
    /// The roles that may take this action (admin has every role).
    pub fn roles(self) -> &'static [Role] {
        match self {
            Action::Submit => &[Role::Operator, Role::Admin],
            Action::Validate | Action::Return => &[Role::Validator, Role::Admin],
            Action::Close | Action::Reopen => &[Role::Admin],
        }
    }
    /// The role a user takes this action in when nothing else is said (the first of
    /// [`Action::roles`]).
    pub fn natural_role(self) -> Role {
        self.roles()[0]
    }
    /// The states this action starts from.
    pub fn from(self) -> &'static [MonthState] {
        match self {
            Action::Submit => &[MonthState::Diisi, MonthState::Dikembalikan],
            Action::Validate => &[MonthState::Diajukan],
            Action::Return => &[MonthState::Diajukan, MonthState::Divalidasi],
            Action::Close => &[MonthState::Divalidasi],
            Action::Reopen => &[MonthState::Ditetapkan],
        }
    }
    /// The state it leads to.
    pub fn to(self) -> MonthState {
        match self {
            Action::Submit => MonthState::Diajukan,
            Action::Validate => MonthState::Divalidasi,
            Action::Return | Action::Reopen => MonthState::Dikembalikan,
            Action::Close => MonthState::Ditetapkan,
        }
    }
    /// Whether it needs a reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, Action::Return | Action::Reopen)
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The roles of the access list (`server::access::ROLES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Viewer,
    Operator,
    Validator,
    Planner,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Viewer,
        Role::Operator,
        Role::Validator,
        Role::Planner,
        Role::Admin,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Operator => "operator",
            Role::Validator => "validator",
            Role::Planner => "planner",
            Role::Admin => "admin",
        }
    }
    pub fn parse(s: &str) -> Option<Role> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! as_string_serde {
    ($t:ty, $what:literal) => {
        // stored and sent as its spelling, so that a reordering of variants changes nothing
        impl Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                let s = String::deserialize(d)?;
                <$t>::parse(&s)
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown {} {s:?}", $what)))
            }
        }
    };
}
as_string_serde!(MonthState, "month state");
as_string_serde!(Action, "action");
as_string_serde!(Role, "role");

/// The one transition table (see the module documentation): the state the action leads to, or
/// the reason it is refused. `reason` is whether the user gave one.
pub fn transition(
    state: MonthState,
    action: Action,
    role: Role,
    reason: bool,
) -> Result<MonthState, Reason> {
    if !action.roles().contains(&role) {
        return Err(Reason::new(Code::RoleNotAllowed)
            .text("action", action)
            .text("role", role)
            .list(
                "roles",
                action.roles().iter().map(|r| r.to_string()).collect(),
            ));
    }
    if !action.from().contains(&state) {
        return Err(Reason::new(Code::StateNotAllowed)
            .text("action", action)
            .text("state", state)
            .list(
                "from",
                action.from().iter().map(|s| s.to_string()).collect(),
            ));
    }
    if action.needs_reason() && !reason {
        return Err(Reason::new(Code::ReasonRequired).text("action", action));
    }
    Ok(action.to())
}

/// The state of a month as stored: the state and the reason of the last return or reopening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MonthRecord {
    pub state: MonthState,
    /// The reason given with the transition that led here (a return, a reopening), else empty.
    pub reason: String,
}

/// Rencana aksi: what will be done, by whom, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Rencana {
    pub what: String,
    pub who: String,
    /// By when, as written (`YYYY-MM-DD` when a date).
    pub by: Option<NaiveDate>,
}

/// The analysis of an IKU for a reporting month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Analysis {
    /// What happened.
    pub isu: String,
    pub implikasi: String,
    /// What was done.
    pub aksi: String,
    pub rencana: Rencana,
    /// Free notes.
    pub catatan: String,
}

impl Analysis {
    /// Nothing written.
    pub fn is_empty(&self) -> bool {
        *self == Analysis::default()
    }
    /// The texts with their names, for the limits and for display.
    pub fn texts(&self) -> [(&'static str, &str); 6] {
        [
            ("isu", &self.isu),
            ("implikasi", &self.implikasi),
            ("aksi", &self.aksi),
            ("rencana", &self.rencana.what),
            ("pic", &self.rencana.who),
            ("catatan", &self.catatan),
        ]
    }
}

/// A file of evidence (data dukung) attached to an IKU-month: its name and the SHA-256 of its
/// bytes (lower-case hex), which the store keeps once however often it is attached.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EvidenceRef {
    pub name: String,
    pub sha256: String,
    pub size: u64,
}

/// Whether `name` may name an evidence file: a plain file name, never a path, `.` or `..` (so
/// that writing it into a directory stays inside it), and not empty.
pub fn plain_file_name(name: &str) -> bool {
    !(name.is_empty() || name == "." || name == ".." || name.contains(['/', '\\', '\0']))
}

/// The round of a unit in a year: the state of each month, the analyses and the evidence of its
/// IKU, by (IKU code, month). Stored as one record per (year, unit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct UnitRound {
    pub schema: u16,
    pub unit: String,
    /// Months 1..=12 that are not plain `diisi` without a reason.
    pub months: BTreeMap<u8, MonthRecord>,
    pub analyses: BTreeMap<(String, u8), Analysis>,
    pub evidence: BTreeMap<(String, u8), Vec<EvidenceRef>>,
}

impl UnitRound {
    pub fn new(unit: &str) -> UnitRound {
        UnitRound {
            schema: ROUND_SCHEMA,
            unit: unit.to_string(),
            ..Default::default()
        }
    }
    /// Nothing recorded (such a record is not kept).
    pub fn is_empty(&self) -> bool {
        self.months.is_empty() && self.analyses.is_empty() && self.evidence.is_empty()
    }
    pub fn month(&self, month: u8) -> MonthRecord {
        self.months.get(&month).cloned().unwrap_or_default()
    }
    pub fn state(&self, month: u8) -> MonthState {
        self.months.get(&month).map(|m| m.state).unwrap_or_default()
    }
    /// Sets a month's record; a plain `diisi` is not kept.
    pub fn set_month(&mut self, month: u8, rec: MonthRecord) {
        if rec == MonthRecord::default() {
            self.months.remove(&month);
        } else {
            self.months.insert(month, rec);
        }
    }
    pub fn analysis(&self, iku: &str, month: u8) -> Option<&Analysis> {
        self.analyses.get(&(iku.to_string(), month))
    }
    pub fn set_analysis(&mut self, iku: &str, month: u8, a: Option<Analysis>) {
        let k = (iku.to_string(), month);
        match a.filter(|a| !a.is_empty()) {
            Some(a) => {
                self.analyses.insert(k, a);
            }
            None => {
                self.analyses.remove(&k);
            }
        }
    }
    pub fn evidence(&self, iku: &str, month: u8) -> &[EvidenceRef] {
        self.evidence
            .get(&(iku.to_string(), month))
            .map_or(&[], Vec::as_slice)
    }
    pub fn set_evidence(&mut self, iku: &str, month: u8, list: Vec<EvidenceRef>) {
        let k = (iku.to_string(), month);
        if list.is_empty() {
            self.evidence.remove(&k);
        } else {
            self.evidence.insert(k, list);
        }
    }
    /// Puts the parts in their canonical form (the schema of this build; no empty entries).
    pub fn normalise(&mut self) {
        self.schema = ROUND_SCHEMA;
        self.months.retain(|_, m| *m != MonthRecord::default());
        self.analyses.retain(|_, a| !a.is_empty());
        self.evidence.retain(|_, l| !l.is_empty());
        for l in self.evidence.values_mut() {
            l.sort();
            l.dedup();
        }
    }
}

/// The rounds of a year, by unit (units without anything recorded are absent).
pub type Rounds = BTreeMap<String, UnitRound>;

/// The deadlines of a reporting month (rulebook `[round]`, DOMAIN.md §11 [assumption]): entry
/// by day `entry` of the next month, validation by day `validation`, closing by day `closing`
/// (a day past the end of that month is its last day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    pub entry: u32,
    pub validation: u32,
    pub closing: u32,
}

/// Which deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Entry,
    Validation,
    Closing,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Entry => "entry",
            Stage::Validation => "validation",
            Stage::Closing => "closing",
        }
    }
    /// The roles that act at this stage.
    pub fn roles(self) -> &'static [Role] {
        match self {
            Stage::Entry => Action::Submit.roles(),
            Stage::Validation => Action::Validate.roles(),
            Stage::Closing => Action::Close.roles(),
        }
    }
    /// The stage a month in `state` waits for (`None`: closed).
    pub fn of(state: MonthState) -> Option<Stage> {
        match state {
            MonthState::Diisi | MonthState::Dikembalikan => Some(Stage::Entry),
            MonthState::Diajukan => Some(Stage::Validation),
            MonthState::Divalidasi => Some(Stage::Closing),
            MonthState::Ditetapkan => None,
        }
    }
}

impl Deadlines {
    /// The date of a stage's deadline for reporting month `month` (1..=12) of `year`.
    pub fn date(&self, year: i32, month: u8, stage: Stage) -> Option<NaiveDate> {
        let day = match stage {
            Stage::Entry => self.entry,
            Stage::Validation => self.validation,
            Stage::Closing => self.closing,
        };
        let (y, m) = if month >= 12 {
            (year.checked_add(1)?, 1)
        } else {
            (year, u32::from(month) + 1)
        };
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        let last = first
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?
            .day();
        NaiveDate::from_ymd_opt(y, m, day.clamp(1, last))
    }
}

/// What a (unit, month) waits for, and by when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub unit: String,
    pub month: u8,
    pub state: MonthState,
    pub stage: Stage,
    pub deadline: NaiveDate,
    /// Days from `today` to the deadline (negative: overdue by that many days).
    pub days_left: i64,
}

impl Due {
    pub fn overdue(&self) -> bool {
        self.days_left < 0
    }
}

/// What a unit's month `month` of `year` waits for at `today`: `None` when it is closed, or when
/// the month has not ended yet (nothing is due before its month is over).
pub fn due(
    deadlines: &Deadlines,
    year: i32,
    unit: &str,
    month: u8,
    state: MonthState,
    today: NaiveDate,
) -> Option<Due> {
    let stage = Stage::of(state)?;
    let end = Deadlines {
        entry: 1,
        validation: 1,
        closing: 1,
    }
    .date(year, month, Stage::Entry)?;
    if today < end {
        return None;
    }
    let deadline = deadlines.date(year, month, stage)?;
    Some(Due {
        unit: unit.to_string(),
        month,
        state,
        stage,
        deadline,
        days_left: (deadline - today).num_days(),
    })
}

/// Days left from `today` to the next deadline of `unit` among `months` (the reporting months
/// of its IKU) in `year`, with that deadline; negative when the nearest is overdue. `None` when
/// nothing is due.
pub fn days_to_next_deadline(
    deadlines: &Deadlines,
    year: i32,
    round: Option<&UnitRound>,
    unit: &str,
    months: impl IntoIterator<Item = u8>,
    today: NaiveDate,
) -> Option<Due> {
    months
        .into_iter()
        .filter_map(|m| {
            let state = round.map(|r| r.state(m)).unwrap_or_default();
            due(deadlines, year, unit, m, state, today)
        })
        .min_by_key(|d| (d.deadline, d.month))
}

/// The reporting months of a unit: the union of its IKU's (roll-up IKU included: a unit submits
/// its month whatever rolls up into it).
pub fn reporting_months(ds: &super::model::Dataset, unit: &str) -> Vec<u8> {
    let mut on = [false; 12];
    for iku in ds.iku_of_unit(unit) {
        for m in 1..=12u8 {
            on[usize::from(m - 1)] |= iku.reporting_period.is_reporting_month(m);
        }
    }
    (1..=12u8).filter(|m| on[usize::from(m - 1)]).collect()
}

/// The unit and every unit below it, parents before their children.
pub fn subtree(ds: &super::model::Dataset, unit: &str) -> Vec<String> {
    let mut out = vec![unit.to_string()];
    let mut i = 0;
    while i < out.len() && out.len() <= ds.units.len() {
        let next: Vec<String> = ds.children(&out[i]).to_vec();
        out.extend(next);
        i += 1;
    }
    out
}

/// What is outstanding in `units` of the dataset's year at `today`: every reporting month that
/// has ended and is not closed, with its stage and deadline — overdue first (most overdue
/// first), then by deadline, unit and month.
pub fn outstanding(
    ds: &super::model::Dataset,
    deadlines: &Deadlines,
    units: &[String],
    today: NaiveDate,
) -> Vec<Due> {
    let mut out: Vec<Due> = units
        .iter()
        .flat_map(|u| {
            let round = ds.round.get(u);
            reporting_months(ds, u).into_iter().filter_map(move |m| {
                let state = round.map(|r| r.state(m)).unwrap_or_default();
                due(deadlines, ds.year, u, m, state, today)
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (!a.overdue(), a.deadline, &a.unit, a.month).cmp(&(
            !b.overdue(),
            b.deadline,
            &b.unit,
            b.month,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const DL: Deadlines = Deadlines {
        entry: 14,
        validation: 23,
        closing: 30,
    };

    #[test]
    fn deadlines_fall_in_the_next_month_and_clamp_to_its_end() {
        assert_eq!(DL.date(2025, 10, Stage::Entry), Some(d(2025, 11, 14)));
        assert_eq!(DL.date(2025, 12, Stage::Validation), Some(d(2026, 1, 23)));
        // February has no 30th
        assert_eq!(DL.date(2025, 1, Stage::Closing), Some(d(2025, 2, 28)));
    }

    #[test]
    fn nothing_is_due_before_the_month_is_over_nor_once_closed() {
        assert_eq!(
            due(&DL, 2025, "U", 10, MonthState::Diisi, d(2025, 10, 31)),
            None
        );
        let x = due(&DL, 2025, "U", 10, MonthState::Diisi, d(2025, 11, 16)).unwrap();
        assert_eq!((x.stage, x.days_left), (Stage::Entry, -2));
        assert!(x.overdue());
        let x = due(&DL, 2025, "U", 10, MonthState::Diajukan, d(2025, 11, 16)).unwrap();
        assert_eq!((x.stage, x.days_left), (Stage::Validation, 7));
        assert_eq!(
            due(&DL, 2025, "U", 10, MonthState::Ditetapkan, d(2026, 1, 1)),
            None
        );
    }

    #[test]
    fn the_next_deadline_is_the_nearest_open_one() {
        let mut r = UnitRound::new("U");
        r.set_month(
            9,
            MonthRecord {
                state: MonthState::Ditetapkan,
                reason: String::new(),
            },
        );
        let n =
            days_to_next_deadline(&DL, 2025, Some(&r), "U", [9, 10, 11], d(2025, 11, 10)).unwrap();
        assert_eq!((n.month, n.days_left), (10, 4));
    }

    #[test]
    fn states_actions_and_roles_are_stored_as_their_spelling() {
        let cfg = bincode::config::standard();
        for s in MonthState::ALL {
            let b = bincode::serde::encode_to_vec(s, cfg).unwrap();
            let (back, _): (MonthState, usize) =
                bincode::serde::decode_from_slice(&b, cfg).unwrap();
            assert_eq!(back, s);
            assert_eq!(
                b,
                bincode::serde::encode_to_vec(s.as_str().to_string(), cfg).unwrap()
            );
        }
        let r = UnitRound::new("U");
        let b = bincode::serde::encode_to_vec(&r, cfg).unwrap();
        let (back, _): (UnitRound, usize) = bincode::serde::decode_from_slice(&b, cfg).unwrap();
        assert_eq!(back, r);
    }
}
