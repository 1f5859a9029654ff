//! The Peta Strategi and IKU of one unit.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::domain::model::{CascadeKind, CodeRef, Level, Perspective, Ss};

use super::{Built, Generator, How, Incoming, Item, PERSPECTIVES, SsPlan, level_index};
use crate::demo::catalogue::{CUS, IP, Kind, SS_NAMES, STK, Tpl};
use crate::demo::eselon1::{ES1, WIDE_MANDATE};
use crate::demo::rng::Rng;
use crate::demo::tree::Role;

/// What one unit's PK is planned from: its perspectives, the cascades into it, and the roll-ups
/// it holds.
struct Plan {
    level: Level,
    /// The perspectives its SS may have (an inspectorate has no customers).
    persps: Vec<Perspective>,
    incoming: Vec<Incoming>,
    /// IKU names already taken in the unit (the cascaded ones, then every template used).
    used: BTreeSet<String>,
    /// The child units its roll-up IKU roll up from, and those IKU's templates.
    rollup_units: Vec<usize>,
    own_rollups: Vec<Tpl>,
}

impl Plan {
    /// The perspective an IKU of perspective `p` goes to (internal process when the unit has no
    /// SS of `p`).
    fn fallback(&self, p: Perspective) -> Perspective {
        if self.persps.contains(&p) { p } else { IP }
    }

    /// How many roll-up IKU find no anchor place with `counts` SS per perspective.
    fn leftover_rollups(&self, counts: &[usize]) -> usize {
        self.persps
            .iter()
            .zip(counts)
            .map(|(p, c)| {
                self.own_rollups
                    .iter()
                    .filter(|t| {
                        t.perspective == *p || (!self.persps.contains(&t.perspective) && *p == IP)
                    })
                    .count()
                    .saturating_sub(*c)
            })
            .sum()
    }
}

/// The SS of perspective `p`, by index.
fn of_perspective(plans: &[SsPlan], p: Perspective) -> Vec<usize> {
    (0..plans.len())
        .filter(|i| plans[*i].perspective == p)
        .collect()
}

fn perspective_index(p: Perspective) -> usize {
    PERSPECTIVES.iter().position(|x| *x == p).unwrap_or(0)
}

impl Generator {
    /// Builds the Peta Strategi and IKU of unit `u` (its ancestors are built). The steps draw
    /// from the generator's randomness in this order, which the same seed relies on.
    pub(super) fn build_unit(&mut self, u: usize) {
        let mut plan = self.plan(u);
        let (counts, n) = self.sizes(&plan);
        let mut plans: Vec<SsPlan> = Vec::new();
        for (p, c) in plan.persps.iter().zip(&counts) {
            for _ in 0..*c {
                plans.push(SsPlan {
                    perspective: *p,
                    name: None,
                    from: None,
                    anchors: Vec::new(),
                    cascaded: Vec::new(),
                    extras: Vec::new(),
                });
            }
        }
        self.place_cascaded(u, &plan, &mut plans);
        self.name_ss(u, plan.level, &mut plans);
        self.fill_ss(u, &mut plan, &mut plans, n);
        let (mut built, links) = self.assemble(u, plans);
        self.mark_cascades_down(u, plan.level, &mut built);
        for (l, idx) in links {
            if l.how == How::RollUp {
                self.built[l.unit].meta[l.iku]
                    .rollup_children
                    .push((u, idx));
            }
        }
        self.built[u] = built;
    }

    /// The perspectives of unit `u`, the cascades into it (from its parent, and indirect ones
    /// from its grandparent) and, for an eselon I, the units its roll-up IKU roll up from.
    fn plan(&mut self, u: usize) -> Plan {
        let node = &self.nodes[u];
        let level = node.level;
        let has_customer = node.es1.is_none_or(|e| ES1[e].code != "ITJEN");
        let persps: Vec<Perspective> = PERSPECTIVES
            .iter()
            .copied()
            .filter(|p| *p != CUS || has_customer)
            .collect();

        // Cascades into this unit.
        let mut incoming = Vec::new();
        let mut incoming_names: BTreeSet<String> = BTreeSet::new();
        if let Some(p) = node.parent {
            for (j, m) in self.built[p].meta.iter().enumerate() {
                let how = if m.rollup_to.contains(&u) {
                    How::RollUp
                } else if m.full_down {
                    How::Full
                } else {
                    continue;
                };
                incoming_names.insert(self.built[p].iku[j].name.clone());
                incoming.push(Incoming {
                    unit: p,
                    iku: j,
                    how,
                });
            }
            if let Some(g) = self.nodes[p].parent {
                for (j, m) in self.built[g].meta.iter().enumerate() {
                    if m.indirect_down
                        && self.rng.chance(60)
                        && incoming_names.insert(self.built[g].iku[j].name.clone())
                    {
                        incoming.push(Incoming {
                            unit: g,
                            iku: j,
                            how: How::Indirect,
                        });
                    }
                }
            }
        }

        // Roll-up sources of an eselon I: into its Kanwil, else into some head-office units.
        let node = &self.nodes[u];
        let mut rollup_units: Vec<usize> = Vec::new();
        if level == Level::One {
            let kanwil: Vec<usize> = node
                .children
                .iter()
                .copied()
                .filter(|c| self.nodes[*c].role == Role::Kanwil)
                .collect();
            if kanwil.is_empty() {
                let hq: Vec<usize> = node
                    .children
                    .iter()
                    .copied()
                    .filter(|c| {
                        let n = &self.nodes[*c];
                        n.role == Role::Hq && !n.children.is_empty()
                    })
                    .skip(1)
                    .collect();
                let k = self.rng.urange(3, 4).min(hq.len());
                rollup_units = hq.into_iter().take(k).collect();
            } else {
                rollup_units = kanwil;
            }
        }
        let own_rollups: Vec<Tpl> = match self.nodes[u].es1 {
            Some(e) if !rollup_units.is_empty() => ES1[e].rollups.to_vec(),
            _ => Vec::new(),
        };
        Plan {
            level,
            persps,
            incoming,
            used: incoming_names,
            rollup_units,
            own_rollups,
        }
    }

    /// How many SS per perspective, and how many IKU in all (within the level's limits, room
    /// left for the cascaded IKU and the roll-ups).
    fn sizes(&mut self, plan: &Plan) -> (Vec<usize>, usize) {
        let level = plan.level;
        let (slo, shi) = match level {
            Level::Wide => (2, 2),
            Level::One => (3, 4),
            Level::Two | Level::Three => (2, 3),
        };
        let mut counts: Vec<usize> = plan
            .persps
            .iter()
            .map(|_| {
                if level == Level::Three {
                    if self.rng.chance(25) { 3 } else { 2 }
                } else {
                    self.rng.urange(slo, shi)
                }
            })
            .collect();
        let (ilo, ihi) = self.limits[level_index(level)];
        let incoming = plan.incoming.len();
        while counts.iter().sum::<usize>() + incoming + plan.leftover_rollups(&counts) > ihi {
            let Some(i) = (0..counts.len())
                .filter(|i| counts[*i] > 1)
                .max_by_key(|i| counts[*i])
            else {
                break;
            };
            counts[i] -= 1;
        }
        let drawn = match level {
            Level::Wide => self.rng.urange(8, 10),
            Level::One => self.rng.urange(16, 20),
            Level::Two | Level::Three => self.rng.urange(13, 17),
        };
        let needed = counts.iter().sum::<usize>() + incoming + plan.leftover_rollups(&counts);
        (counts, drawn.max(needed).max(ilo).min(ihi))
    }

    /// Places the cascaded IKU round-robin in the SS of their perspective; the SS that first
    /// takes one is cascaded from the source's SS (and named after it).
    fn place_cascaded(&mut self, u: usize, plan: &Plan, plans: &mut [SsPlan]) {
        let mut linked: BTreeSet<CodeRef> = BTreeSet::new();
        let mut rr = [0usize; 4];
        for inc in &plan.incoming {
            let src_meta = self.built[inc.unit].meta[inc.iku].clone();
            let p = plan.fallback(src_meta.perspective);
            let slots = of_perspective(plans, p);
            let k = &mut rr[perspective_index(p)];
            let s = slots[*k % slots.len()];
            *k += 1;
            let item = self.child_item(u, *inc, &src_meta);
            let src = &self.built[inc.unit];
            let src_ss = CodeRef::new(&self.nodes[inc.unit].code, &src.iku[inc.iku].ss);
            if plans[s].from.is_none()
                && src_meta.perspective == p
                && !linked.contains(&src_ss)
                && let Some(sss) = src.ss.iter().find(|x| x.code == src_ss.code)
            {
                plans[s].name = Some(sss.name.clone());
                plans[s].from = Some(src_ss.clone());
                linked.insert(src_ss);
            }
            plans[s].cascaded.push(item);
        }
    }

    /// Names the SS not named after a source: the first stakeholder SS of KEMENKEU and of an
    /// eselon I states its mandate, the others take a free name of their perspective.
    fn name_ss(&mut self, u: usize, level: Level, plans: &mut [SsPlan]) {
        let mut ss_names: BTreeSet<String> = plans.iter().filter_map(|s| s.name.clone()).collect();
        let mandate = match (level, self.nodes[u].es1) {
            (Level::Wide, _) => Some(WIDE_MANDATE),
            (Level::One, Some(e)) => Some(ES1[e].mandate),
            _ => None,
        };
        if let (Some(m), Some(first)) = (mandate, of_perspective(plans, STK).first()) {
            ss_names.remove(plans[*first].name.as_deref().unwrap_or_default());
            ss_names.insert(m.to_string());
            plans[*first].name = Some(m.to_string());
        }
        for (i, plan) in plans.iter_mut().enumerate() {
            if plan.name.is_some() {
                continue;
            }
            let p = plan.perspective;
            let free: Vec<&str> = SS_NAMES
                .iter()
                .filter(|(q, n)| *q == p && !ss_names.contains(*n))
                .map(|(_, n)| *n)
                .collect();
            let name = if free.is_empty() {
                format!("Sasaran strategis perspektif {} ({})", p, i + 1)
            } else {
                (*self.rng.pick(&free)).to_string()
            };
            ss_names.insert(name.clone());
            plan.name = Some(name);
        }
    }

    /// The unit's own IKU: an anchor opening every SS (non-cascaded, non-activity: R03, R05),
    /// the roll-ups left over, then extras up to `n` IKU in all.
    fn fill_ss(&mut self, u: usize, plan: &mut Plan, plans: &mut [SsPlan], n: usize) {
        for ss in plans.iter_mut() {
            let p = ss.perspective;
            let item = if let Some(pos) = plan
                .own_rollups
                .iter()
                .position(|t| plan.fallback(t.perspective) == p)
            {
                let tpl = plan.own_rollups.remove(pos);
                plan.used.insert(tpl.name.to_string());
                self.own_item(u, &tpl, p, plan.rollup_units.clone())
            } else {
                let tpl = self.pick_template(&plan.used, p, false);
                plan.used.insert(tpl.name.to_string());
                self.own_item(u, &tpl, p, Vec::new())
            };
            ss.anchors.push(item);
        }
        for tpl in std::mem::take(&mut plan.own_rollups) {
            let p = plan.fallback(tpl.perspective);
            let slots = of_perspective(plans, p);
            let s = *self.rng.pick(&slots);
            plan.used.insert(tpl.name.to_string());
            let item = self.own_item(u, &tpl, p, plan.rollup_units.clone());
            plans[s].extras.push(item);
        }
        let mut have: usize = plans.iter().map(SsPlan::len).sum();
        while have < n {
            let p = *self.rng.pick(&plan.persps);
            let tpl = self.pick_template(&plan.used, p, true);
            plan.used.insert(tpl.name.to_string());
            let p = plan.fallback(tpl.perspective);
            let slots = of_perspective(plans, p);
            let s = *self.rng.pick(&slots);
            let item = self.own_item(u, &tpl, p, Vec::new());
            plans[s].extras.push(item);
            have += 1;
        }
    }

    /// The SS and IKU of the plans with their codes and weights; and the roll-up links to
    /// record at their sources (link, index of the IKU in the unit).
    fn assemble(&mut self, u: usize, plans: Vec<SsPlan>) -> (Built, Vec<(Incoming, usize)>) {
        let unit_code = self.nodes[u].code.clone();
        let ss_weighted = self.rng.chance(15);
        let mut built = Built::default();
        let mut links = Vec::new();
        let mut by_perspective: Vec<Vec<usize>> = vec![Vec::new(); 4];
        for (i, plan) in plans.into_iter().enumerate() {
            let ss_code = format!("SS-{}", i + 1);
            let mut items: Vec<Item> = plan
                .anchors
                .into_iter()
                .chain(plan.cascaded)
                .chain(plan.extras)
                .collect();
            if items.len() >= 2 && self.rng.chance(25) {
                let w = split_100(&mut self.rng, items.len());
                for (it, w) in items.iter_mut().zip(w) {
                    it.iku.weight = Some(Decimal::from(w));
                }
            }
            for (j, mut it) in items.into_iter().enumerate() {
                let suffix = match &it.iku.cascade {
                    None => "N",
                    Some(c) if c.kind == CascadeKind::Full => "CF",
                    Some(_) => "CP",
                };
                let letter = (b'a' + j as u8) as char;
                it.iku.code = format!("{}{letter}-{suffix}", i + 1);
                it.iku.ss = ss_code.clone();
                if let Some(l) = it.link {
                    links.push((l, built.iku.len()));
                }
                built.iku.push(it.iku);
                built.meta.push(it.meta);
            }
            by_perspective[perspective_index(plan.perspective)].push(built.ss.len());
            built.ss.push(Ss {
                unit: unit_code.clone(),
                code: ss_code,
                perspective: plan.perspective,
                name: plan.name.unwrap_or_default(),
                weight: None,
                cascaded_from: plan.from,
            });
        }
        if ss_weighted {
            for group in by_perspective.iter().filter(|g| g.len() >= 2) {
                let w = split_100(&mut self.rng, group.len());
                for (s, w) in group.iter().zip(w) {
                    built.ss[*s].weight = Some(Decimal::from(w));
                }
            }
        }
        (built, links)
    }

    /// Which of the unit's own IKU cascade down to the units below: fully to every child, or
    /// indirectly to some grandchildren.
    fn mark_cascades_down(&mut self, u: usize, level: Level, built: &mut Built) {
        if self.nodes[u].children.is_empty() {
            return;
        }
        let eligible: Vec<usize> = (0..built.iku.len())
            .filter(|i| {
                let m = &built.meta[*i];
                let k = &built.iku[*i];
                !m.cascaded
                    && m.rollup_to.is_empty()
                    && !m.activity
                    && matches!(m.kind, Kind::Level | Kind::Progress)
                    && (k.unit_of_measure == "%" || k.unit_of_measure == "indeks")
            })
            .collect();
        let (full, indirect) = match level {
            Level::Wide => (2, 1),
            Level::One => (1, 1),
            Level::Two => (usize::from(self.rng.chance(50)), 0),
            Level::Three => (0, 0),
        };
        let mut order = eligible;
        self.rng.shuffle(&mut order);
        for (k, i) in order.into_iter().enumerate() {
            if k < full {
                built.meta[i].full_down = true;
            } else if k < full + indirect {
                built.meta[i].indirect_down = true;
            }
        }
    }
}

/// Weights of `k` members adding up to 100, not all equal when `k` > 1.
pub(super) fn split_100(rng: &mut Rng, k: usize) -> Vec<i64> {
    let k = k.max(1) as i64;
    let base = 100 / k;
    let mut w = vec![base; k as usize];
    w[0] += 100 - base * k;
    if k > 1 {
        let shift = rng.range(0, (base / 2).min(10));
        w[0] += shift;
        w[k as usize - 1] -= shift;
    }
    w
}
