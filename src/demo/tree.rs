//! The unit tree: the whole ministry or one Kanwil DJKN, in preorder with unique names.

use std::collections::BTreeSet;

use crate::domain::model::Level;

use crate::demo::eselon1::{ES1, WIDE_CODE, WIDE_NAME};
use crate::demo::places::{EXTRA_HQ, HQ_TOPICS, KALBAR, SEKRETARIAT_PARTS, places_of};
use crate::demo::rng::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Wide,
    Es1,
    Kanwil,
    OtherVertical,
    Hq,
    Office,
    HqPart,
}

pub(super) struct Node {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) level: Level,
    pub(super) parent: Option<usize>,
    pub(super) depth: usize,
    pub(super) children: Vec<usize>,
    pub(super) es1: Option<usize>,
    pub(super) role: Role,
}

/// Units in preorder (a parent before its children), names kept unique.
#[derive(Default)]
pub(super) struct Tree {
    pub(super) nodes: Vec<Node>,
    pub(super) names: BTreeSet<String>,
}

impl Tree {
    pub(super) fn add(
        &mut self,
        code: String,
        name: String,
        level: Level,
        parent: Option<usize>,
        es1: Option<usize>,
        role: Role,
    ) -> usize {
        let mut unique = name.clone();
        let mut n = 2;
        while self.names.contains(&unique) {
            unique = format!("{name} {n}");
            n += 1;
        }
        self.names.insert(unique.clone());
        let idx = self.nodes.len();
        let depth = parent.map_or(0, |p| self.nodes[p].depth + 1);
        self.nodes.push(Node {
            code,
            name: unique,
            level,
            parent,
            depth,
            children: Vec::new(),
            es1,
            role,
        });
        if let Some(p) = parent {
            self.nodes[p].children.push(idx);
        }
        idx
    }

    pub(super) fn add_es1(&mut self, root: usize, e: usize) -> usize {
        let es = &ES1[e];
        self.add(
            es.code.into(),
            es.name.into(),
            Level::One,
            Some(root),
            Some(e),
            Role::Es1,
        )
    }

    pub(super) fn add_kanwil(&mut self, one: usize, e: usize, k: usize, offices: usize) {
        let es = &ES1[e];
        let kw = &es.kanwil[k];
        let code = format!("{}-KW{:02}", es.code, k + 1);
        let u = self.add(
            code.clone(),
            format!("Kanwil {} {}", es.short, kw.name),
            Level::Two,
            Some(one),
            Some(e),
            Role::Kanwil,
        );
        let names: Vec<String> = if kw.fixed.is_empty() {
            let all: Vec<&str> = kw
                .provinces
                .iter()
                .flat_map(|p| places_of(p))
                .copied()
                .collect();
            let chunk = all.len().div_ceil(kw.parts.max(1));
            let start = (kw.part * chunk).min(all.len());
            let end = ((kw.part + 1) * chunk).min(all.len());
            let places = if start < end {
                &all[start..end]
            } else {
                &all[..]
            };
            (0..offices)
                .map(|i| {
                    let place = places[i % places.len()];
                    let round = i / places.len();
                    let suffix = match es.repeat.get(round) {
                        Some(s) => (*s).to_string(),
                        None => format!(" {}", round + 1),
                    };
                    let prefix = if i == 0 {
                        es.office_first
                    } else {
                        es.office_rest
                    };
                    format!("{prefix} {place}{suffix}")
                })
                .collect()
        } else {
            kw.fixed.iter().map(|s| s.to_string()).collect()
        };
        for (i, name) in names.into_iter().enumerate() {
            self.add(
                format!("{code}-{:02}", i + 1),
                name,
                Level::Three,
                Some(u),
                Some(e),
                Role::Office,
            );
        }
    }

    pub(super) fn add_hq(&mut self, rng: &mut Rng, one: usize, e: usize) {
        let es = &ES1[e];
        // The real head-office units, then generic ones named after the eselon I.
        let mut hq: Vec<String> = es.hq.iter().map(|s| s.to_string()).collect();
        for x in EXTRA_HQ {
            if hq.len() >= es.hq_count {
                break;
            }
            if !es.hq.contains(x) {
                hq.push(format!("{x} {}", es.short));
            }
        }
        for (i, name) in hq.iter().enumerate() {
            let code = format!("{}-D{:02}", es.code, i + 1);
            let u = self.add(
                code.clone(),
                name.clone(),
                Level::Two,
                Some(one),
                Some(e),
                Role::Hq,
            );
            let n = rng.urange(2, 4);
            let parts: Vec<String> = if name.starts_with("Sekretariat") {
                let mut p: Vec<&str> = SEKRETARIAT_PARTS.to_vec();
                rng.shuffle(&mut p);
                p.into_iter()
                    .take(n)
                    .map(|part| format!("{part} Sekretariat {}", es.short))
                    .collect()
            } else {
                let prefix = if name.starts_with("Direktorat") {
                    "Subdirektorat"
                } else if name.starts_with("Biro") {
                    "Bagian"
                } else {
                    "Bidang"
                };
                let mut p: Vec<&str> = HQ_TOPICS.to_vec();
                rng.shuffle(&mut p);
                p.into_iter()
                    .take(n)
                    .map(|t| format!("{prefix} {t} {}", short_of(name)))
                    .collect()
            };
            for (j, part) in parts.into_iter().enumerate() {
                self.add(
                    format!("{code}-{:02}", j + 1),
                    part,
                    Level::Three,
                    Some(u),
                    Some(e),
                    Role::HqPart,
                );
            }
        }
    }
}

/// A short tag of a head-office unit for the names of its parts ("Direktorat Lelang" →
/// "Dit. Lelang"), so that parts of different units are told apart.
pub(super) fn short_of(name: &str) -> String {
    for (long, short) in [
        ("Sekretariat", "Set."),
        ("Direktorat", "Dit."),
        ("Biro", "Biro"),
        ("Pusdiklat", "Pusdiklat"),
        ("Pusat", "Pus."),
        ("Inspektorat", "Inspektorat"),
        ("Balai", "Balai"),
        ("Politeknik", "PKN"),
    ] {
        if let Some(rest) = name.strip_prefix(long) {
            return format!("{short}{rest}");
        }
    }
    name.to_string()
}

pub(super) fn ministry_tree(rng: &mut Rng) -> Vec<Node> {
    let mut tr = Tree::default();
    let root = tr.add(
        WIDE_CODE.into(),
        WIDE_NAME.into(),
        Level::Wide,
        None,
        None,
        Role::Wide,
    );
    for (e, es) in ES1.iter().enumerate() {
        let one = tr.add_es1(root, e);
        tr.add_hq(rng, one, e);
        for (k, kw) in es.kanwil.iter().enumerate() {
            let n = if kw.fixed.is_empty() {
                rng.urange(es.offices.0, es.offices.1)
            } else {
                kw.fixed.len()
            };
            tr.add_kanwil(one, e, k, n);
        }
        for (k, name) in es.other_vertical.iter().enumerate() {
            tr.add(
                format!("{}-V{:02}", es.code, k + 1),
                (*name).to_string(),
                Level::Two,
                Some(one),
                Some(e),
                Role::OtherVertical,
            );
        }
    }
    tr.nodes
}

pub(super) fn kanwil_tree() -> Vec<Node> {
    let mut tr = Tree::default();
    let root = tr.add(
        WIDE_CODE.into(),
        WIDE_NAME.into(),
        Level::Wide,
        None,
        None,
        Role::Wide,
    );
    let e = ES1.iter().position(|e| e.code == "DJKN").unwrap_or(0);
    let one = tr.add_es1(root, e);
    tr.add_kanwil(one, e, KALBAR, 8);
    tr.nodes
}
