//! The `units` section: each unit read, then the section checked (codes, parents, cycles).

use std::collections::HashMap;

use super::read::*;
use super::schema::*;
use super::stream::Draft;
use super::*;
use crate::domain::model::*;
use crate::text::interchange as t;

/// A unit as read: the key fields that parsed, and the value with defaults where they did not.
pub(super) struct UnitRead {
    pub(super) code: Option<String>,
    pub(super) parent: Option<Option<String>>,
    pub(super) value: Unit,
}

pub(super) fn read_unit(errs: &mut Errs, f: &Fields) -> UnitRead {
    f.unknown(errs, UNIT_FIELDS);
    let code = f.req(errs, "code", rd_code);
    let name = f.req(errs, "name", rd_line);
    let level = f.req(errs, "level", rd_enum::<Level>);
    let parent = f.req(errs, "parent", rd_opt_code);
    let weights = f.opt(errs, "perspective_weights", rd_weights);
    UnitRead {
        value: Unit {
            code: code.clone().unwrap_or_default(),
            name: name.unwrap_or_default(),
            level: level.unwrap_or(Level::Wide),
            parent: parent.clone().flatten(),
            perspective_weights: weights.unwrap_or_default(),
        },
        code,
        parent,
    }
}

pub(super) fn check_units(errs: &mut Errs, units: &[Draft<UnitRead>]) {
    // first occurrence of each code
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        let Some(code) = u.code.as_deref() else {
            continue;
        };
        if let Some(&j) = first.get(code) {
            push(
                errs,
                &join(&u.path, "code"),
                t::JSON_DUPLICATE.fill(&[("code", &code), ("other", &units[j].path)]),
            );
        } else {
            first.insert(code, i);
        }
    }
    for u in units {
        if let Some(Some(p)) = &u.parent
            && !first.contains_key(p.as_str())
        {
            push(
                errs,
                &join(&u.path, "parent"),
                t::JSON_UNKNOWN_UNIT.fill(&[("code", p)]),
            );
        }
    }
    // cycles: follow the parents of each unit
    let parent_of = |code: &str| -> Option<&str> {
        first
            .get(code)
            .and_then(|&i| units[i].parent.as_ref())
            .and_then(|p| p.as_deref())
    };
    for (i, u) in units.iter().enumerate() {
        let Some(code) = u.code.as_deref() else {
            continue;
        };
        if first[code] != i {
            continue;
        }
        let mut chain = vec![code];
        let mut cur = parent_of(code);
        while let Some(c) = cur {
            if c == code {
                // report once, at the cycle's first unit in the document
                if chain.iter().all(|m| first[m] >= i) {
                    chain.push(c);
                    push(
                        errs,
                        &join(&u.path, "parent"),
                        t::JSON_CYCLE.fill(&[("chain", &chain.join(" → "))]),
                    );
                }
                break;
            }
            if chain.contains(&c) {
                break; // a cycle further up that does not contain this unit
            }
            chain.push(c);
            cur = parent_of(c);
        }
    }
}
