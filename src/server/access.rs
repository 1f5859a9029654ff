//! Who may do what: the access list kept in the store (`meta/setting/access`), checked by the
//! server against the OS user it learned from the socket.
//!
//! Roles: `viewer` reads everything; `operator` enters and corrects realisasi of a unit and its
//! descendants; `validator` validates or returns a unit's realisasi; `planner` makes addenda
//! and PK changes for a unit subtree; `admin` has every role, plus the access list, import and
//! the rulebook. Any role lets its holder read. An empty list means everyone who can open the
//! store (the directory's permissions) is admin.

use std::ffi::{CStr, CString};

use serde::{Deserialize, Serialize};

use super::Peer;
use super::proto::{Grant, Refusal};
use crate::store::{Change, Store};
use crate::text::server as t;

pub const META_KEY: &str = "access";
pub const ROLES: [&str; 5] = ["viewer", "operator", "validator", "planner", "admin"];

/// The access list (versioned by the record envelope of the store).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessList {
    pub grants: Vec<Grant>,
}

/// What a request needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    Viewer,
    Admin,
    /// A role for a unit (granted for the unit or one of its ancestors, or for every unit).
    Unit {
        role: &'static str,
        year: i32,
        unit: String,
    },
}

/// The role a change needs.
pub fn need_for(year: i32, change: &Change) -> Need {
    let unit = |role: &'static str, unit: &str| Need::Unit {
        role,
        year,
        unit: unit.to_string(),
    };
    match change {
        Change::SetRealisasi { iku, .. } => unit("operator", &iku.unit),
        Change::SetTarget { iku, .. } => unit("planner", &iku.unit),
        Change::PutIku(i) => unit("planner", &i.unit),
        Change::RemoveIku(r) => unit("planner", &r.unit),
        Change::PutAddendum(a) => unit("planner", &a.unit),
        Change::Addendum { addendum, .. } => unit("planner", &addendum.unit),
        Change::SetRulebook(_) => Need::Admin,
        // the role the author takes the step in: held for the unit or an ancestor (admin holds
        // every role); the store then asks the transition table whether that role may
        Change::Transition { unit: u, role, .. } => unit(role.as_str(), u),
        Change::CorrectRealisasi { iku, .. }
        | Change::SetAnalysis { iku, .. }
        | Change::AddEvidence { iku, .. }
        | Change::RemoveEvidence { iku, .. } => unit("operator", &iku.unit),
    }
}

/// The role a plan change needs (DOMAIN.md §12): operators enter IS progress and budget
/// realisasi, planners change the plan (links, IS, budget lines, pagu revisions).
pub fn need_for_plan(year: i32, change: &crate::domain::plan::PlanChange) -> Need {
    Need::Unit {
        role: change.role(),
        year,
        unit: change.unit().to_string(),
    }
}

impl AccessList {
    /// Adds a grant; the sentence for the audit trail. The first grant of an empty list also
    /// makes `by` admin, so that whoever starts the list keeps it.
    pub fn grant(
        &mut self,
        who: &str,
        role: &str,
        unit: Option<&str>,
        by: &str,
    ) -> Result<String, String> {
        let who = who.trim();
        if who.is_empty() || who == "@" || who.contains(char::is_whitespace) {
            return Err(t::BAD_WHO.fill(&[("who", &who)]));
        }
        if !ROLES.contains(&role) {
            return Err(t::BAD_ROLE.fill(&[("role", &role), ("roles", &ROLES.join(", "))]));
        }
        let unit = unit.map(str::trim).filter(|u| !u.is_empty());
        if role == "admin" && unit.is_some() {
            return Err(t::ADMIN_NO_UNIT.s().to_string());
        }
        let g = Grant {
            who: who.to_string(),
            role: role.to_string(),
            unit: unit.map(str::to_string),
        };
        if self.grants.contains(&g) {
            return Err(t::ALREADY_GRANTED.fill(&[("grant", &describe(&g))]));
        }
        let mut what = format!("access grant {}", describe(&g));
        if self.grants.is_empty() && !(g.who == by && g.role == "admin") {
            self.grants.push(Grant {
                who: by.to_string(),
                role: "admin".into(),
                unit: None,
            });
            what.push_str(&format!("; access grant {by} admin"));
        }
        self.grants.push(g);
        self.grants
            .sort_by(|a, b| (&a.who, &a.role, &a.unit).cmp(&(&b.who, &b.role, &b.unit)));
        Ok(what)
    }

    /// Removes the grants of `who` (of `role` and `unit` when given); the sentence for the audit
    /// trail.
    pub fn revoke(
        &mut self,
        who: &str,
        role: Option<&str>,
        unit: Option<&str>,
    ) -> Result<String, String> {
        let before = self.grants.len();
        let mut gone = Vec::new();
        self.grants.retain(|g| {
            let hit = g.who == who
                && role.is_none_or(|r| g.role == r)
                && unit.is_none_or(|u| g.unit.as_deref() == Some(u));
            if hit {
                gone.push(describe(g));
            }
            !hit
        });
        if self.grants.len() == before {
            return Err(t::NOTHING_TO_REVOKE.fill(&[("who", &who)]));
        }
        Ok(format!("access revoke {}", gone.join(", ")))
    }

    /// Who holds admin, for refusals.
    pub fn admins(&self) -> String {
        let a: Vec<&str> = self
            .grants
            .iter()
            .filter(|g| g.role == "admin")
            .map(|g| g.who.as_str())
            .collect();
        if a.is_empty() {
            "–".into()
        } else {
            a.join(", ")
        }
    }
}

/// `alice operator KPKNL-PONTIANAK`, `@tim viewer`.
pub fn describe(g: &Grant) -> String {
    match &g.unit {
        Some(u) => format!("{} {} {u}", g.who, g.role),
        None => format!("{} {}", g.who, g.role),
    }
}

/// Whether `user` (with primary group of `peer`) may do what `need` says.
pub fn check(
    store: &Store,
    list: &AccessList,
    user: &str,
    peer: Peer,
    need: &Need,
) -> Result<(), Refusal> {
    if list.grants.is_empty() {
        return Ok(());
    }
    let groups = groups_of(user, peer.gid);
    let mine: Vec<&Grant> = list
        .grants
        .iter()
        .filter(|g| match g.who.strip_prefix('@') {
            Some(group) => groups.iter().any(|x| x == group),
            None => g.who == user,
        })
        .collect();
    if mine.iter().any(|g| g.role == "admin") {
        return Ok(());
    }
    let (role, scope) = match need {
        Need::Viewer if !mine.is_empty() => return Ok(()),
        Need::Viewer => ("viewer", String::new()),
        Need::Admin => ("admin", String::new()),
        Need::Unit { role, year, unit } => {
            let chain = store
                .unit_and_ancestors(*year, unit)
                .unwrap_or_else(|_| vec![unit.clone()]);
            let ok = mine
                .iter()
                .any(|g| g.role == *role && g.unit.as_ref().is_none_or(|u| chain.contains(u)));
            if ok {
                return Ok(());
            }
            (*role, unit.clone())
        }
    };
    let msg = if scope.is_empty() {
        t::DENIED.fill(&[("user", &user), ("role", &role), ("admins", &list.admins())])
    } else {
        t::DENIED_UNIT.fill(&[
            ("user", &user),
            ("role", &role),
            ("unit", &scope),
            ("admins", &list.admins()),
        ])
    };
    Err(Refusal::Denied(msg))
}

/// The names of the groups `user` belongs to (its primary group `gid` included).
pub fn groups_of(user: &str, gid: u32) -> Vec<String> {
    let Ok(name) = CString::new(user) else {
        return Vec::new();
    };
    let mut n: libc::c_int = 64;
    let mut gids: Vec<libc::gid_t> = vec![0; n as usize];
    // SAFETY: `gids` has room for `n` entries; getgrouplist writes at most that many and sets
    // `n` to the number it needs.
    let mut rc = unsafe { libc::getgrouplist(name.as_ptr(), gid, gids.as_mut_ptr(), &mut n) };
    if rc < 0 && n > 0 && n < 65536 {
        gids.resize(n as usize, 0);
        rc = unsafe { libc::getgrouplist(name.as_ptr(), gid, gids.as_mut_ptr(), &mut n) };
    }
    if rc < 0 {
        gids = vec![gid];
        n = 1;
    }
    gids.truncate(n.max(0) as usize);
    gids.into_iter().filter_map(group_name).collect()
}

/// The name of the group `gid`.
pub fn groups_of_gid(gid: u32) -> Option<String> {
    group_name(gid)
}

fn group_name(gid: libc::gid_t) -> Option<String> {
    let mut buf = vec![0 as libc::c_char; 16 * 1024];
    let mut grp: libc::group = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::group = std::ptr::null_mut();
    // SAFETY: every pointer is to live storage of the stated size.
    let rc = unsafe { libc::getgrgid_r(gid, &mut grp, buf.as_mut_ptr(), buf.len(), &mut result) };
    if rc != 0 || result.is_null() || grp.gr_name.is_null() {
        return None;
    }
    // SAFETY: on success gr_name is a NUL-terminated string inside `buf`.
    Some(
        unsafe { CStr::from_ptr(grp.gr_name) }
            .to_string_lossy()
            .into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_grant_keeps_its_author_admin_and_revoke_removes() {
        let mut l = AccessList::default();
        let what = l
            .grant("alice", "operator", Some("KPKNL-PONTIANAK"), "budi")
            .unwrap();
        assert!(what.contains("budi admin"), "{what}");
        assert_eq!(l.grants.len(), 2);
        assert!(
            l.grant("alice", "operator", Some("KPKNL-PONTIANAK"), "budi")
                .is_err()
        );
        assert!(l.grant("alice", "boss", None, "budi").is_err());
        assert!(l.grant("alice", "admin", Some("X"), "budi").is_err());
        assert_eq!(l.admins(), "budi");
        l.revoke("alice", None, None).unwrap();
        assert_eq!(l.grants.len(), 1);
        assert!(l.revoke("alice", None, None).is_err());
    }

    #[test]
    fn groups_of_root_include_its_primary_group() {
        assert!(groups_of("root", 0).iter().any(|g| g == "root"));
    }
}
