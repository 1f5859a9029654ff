//! One IKU: drawn from a template, or cascaded from an IKU of an ancestor.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::domain::model::{
    Cascade, CascadeKind, CascadeMethod, CodeRef, Control, Iku, Level, LocationConsolidation,
    NO_MONTHS, Perspective, Polarity, ScalePoint, TargetBasis, Validity,
};

use super::{Generator, How, Incoming, Item, Meta};
use crate::demo::catalogue::{CATALOGUE, Kind, Tpl};
use crate::demo::tree::Role;

impl Generator {
    /// A template of perspective `p` not used in this unit yet (any perspective when `p` has
    /// none left). Activity templates only when `activity_ok`.
    pub(super) fn pick_template(
        &mut self,
        used: &BTreeSet<String>,
        p: Perspective,
        activity_ok: bool,
    ) -> Tpl {
        let ok = |t: &&Tpl| (activity_ok || !t.activity) && !used.contains(t.name);
        let mut free: Vec<&Tpl> = CATALOGUE
            .iter()
            .filter(|t| t.perspective == p)
            .filter(ok)
            .collect();
        if free.is_empty() {
            free = CATALOGUE.iter().filter(ok).collect();
        }
        if free.is_empty() {
            // Never reached with ≤ 20 IKU per unit; a plain anchor keeps the PK valid.
            return CATALOGUE[0];
        }
        **self.rng.pick(&free)
    }

    /// A non-cascaded IKU from a template; it rolls up `rollup_to` when that is not empty.
    pub(super) fn own_item(
        &mut self,
        u: usize,
        tpl: &Tpl,
        p: Perspective,
        rollup_to: Vec<usize>,
    ) -> Item {
        let level = self.nodes[u].level;
        let depth = self.nodes[u].depth;
        let mut iku = self.base_iku(u, tpl);
        let (validity, control) = if tpl.activity {
            (
                Validity::Activity,
                if self.rng.chance(50) {
                    Control::High
                } else {
                    Control::Moderate
                },
            )
        } else {
            self.validity_control()
        };
        iku.validity = validity;
        iku.control = control;
        if tpl.law && level == Level::One {
            iku.target_basis = TargetBasis::Law;
        }
        let rolls = !rollup_to.is_empty();
        if rolls {
            iku.location_consolidation = LocationConsolidation::Sum;
        } else {
            self.fill_values(u, &mut iku, tpl.kind, tpl.lo, tpl.hi);
            if matches!(level, Level::Two | Level::Three) && self.rng.chance(2) {
                iku.target_basis = TargetBasis::Special;
                iku.special_points = Some(self.rng.range(2, 5) as u8);
                iku.special_reason = Some((*self.rng.pick(SPECIAL_REASONS)).to_string());
            } else if self.rng.chance(12) {
                iku.new_iku = true;
                iku.target_prev = None;
                iku.realisasi_prev = None;
                iku.capaian_prev2_over_125 = false;
                iku.collective = false;
                iku.avg_realisasi_prev = None;
            }
        }
        Item {
            iku,
            meta: Meta {
                perspective: p,
                kind: tpl.kind,
                lo: tpl.lo,
                hi: tpl.hi,
                origin_depth: depth,
                rollup_to,
                rollup_children: Vec::new(),
                full_down: false,
                indirect_down: false,
                cascaded: false,
                activity: tpl.activity,
            },
            link: None,
        }
    }

    /// The IKU of unit `u` cascaded from `inc`.
    pub(super) fn child_item(&mut self, u: usize, inc: Incoming, src_meta: &Meta) -> Item {
        let depth = self.nodes[u].depth;
        let has_children = !self.nodes[u].children.is_empty();
        let src = self.built[inc.unit].iku[inc.iku].clone();
        let direct = inc.how != How::Indirect && depth - src_meta.origin_depth <= 2;
        let method = if direct {
            CascadeMethod::Direct
        } else {
            CascadeMethod::Indirect
        };
        let kind = if inc.how == How::Full {
            CascadeKind::Full
        } else {
            CascadeKind::Partial
        };
        let mut iku = src.clone();
        iku.unit = self.nodes[u].code.clone();
        iku.definition = definition(&src.name, &self.nodes[u].name, self.year);
        iku.weight = None;
        iku.cascade = Some(Cascade {
            from: CodeRef::new(&self.nodes[inc.unit].code, &src.code),
            method,
            kind,
        });
        iku.location_consolidation = LocationConsolidation::None;
        iku.target_basis = TargetBasis::Normal;
        iku.special_points = None;
        iku.special_reason = None;
        // A full cascade keeps the source's target, so also its previous-year facts.
        iku.new_iku = inc.how == How::Full && src.new_iku;
        iku.tanggung_renteng = self.rng.chance(3);
        iku.responsible = self.responsible(u);
        let (v, c) = self.validity_control();
        iku.validity = v;
        iku.control = c;
        iku.targets = NO_MONTHS;
        iku.realisasi = NO_MONTHS;
        let mut rollup_to = Vec::new();
        match inc.how {
            How::RollUp if has_children => {
                iku.location_consolidation = LocationConsolidation::Sum;
                rollup_to = self.nodes[u].children.clone();
            }
            How::RollUp | How::Indirect => {
                self.fill_values(u, &mut iku, src_meta.kind, src_meta.lo, src_meta.hi);
            }
            How::Full => {
                iku.targets = src.targets;
                iku.realisasi = self.realisasi_for(&iku, src_meta.kind);
            }
        }
        Item {
            iku,
            meta: Meta {
                perspective: src_meta.perspective,
                kind: src_meta.kind,
                lo: src_meta.lo,
                hi: src_meta.hi,
                origin_depth: if direct { src_meta.origin_depth } else { depth },
                rollup_to,
                rollup_children: Vec::new(),
                full_down: false,
                indirect_down: false,
                cascaded: true,
                activity: src_meta.activity,
            },
            link: Some(inc),
        }
    }

    /// The Manual IKU fields of a template (no values, no code yet).
    pub(super) fn base_iku(&mut self, u: usize, tpl: &Tpl) -> Iku {
        let node = &self.nodes[u];
        let mut iku = Iku::new(&node.code, "", "", tpl.pol, tpl.cons, tpl.rp);
        iku.name = tpl.name.to_string();
        iku.definition = definition(tpl.name, &node.name, self.year);
        iku.formula = formula(tpl.kind, tpl.name, tpl.uom).to_string();
        iku.unit_of_measure = tpl.uom.to_string();
        iku.konversi_120 = tpl.konversi_120;
        iku.measures_quality_or_time = tpl.quality_or_time;
        iku.data_source = tpl.source.to_string();
        iku.responsible = self.responsible(u);
        if tpl.pol == Polarity::Stabilize && self.rng.chance(30) {
            iku.stabilize_scale = Some(vec![
                ScalePoint {
                    ca: Decimal::ZERO,
                    score: Decimal::ZERO,
                },
                ScalePoint {
                    ca: Decimal::from(80),
                    score: Decimal::ONE_HUNDRED,
                },
                ScalePoint {
                    ca: Decimal::ONE_HUNDRED,
                    score: Decimal::from(120),
                },
            ]);
        }
        iku
    }

    /// A validity × control pair that K3 knows (never exact-high; activity is set apart).
    pub(super) fn validity_control(&mut self) -> (Validity, Control) {
        match self.rng.below(100) {
            0..45 => (Validity::Proxy, Control::Moderate),
            45..60 => (Validity::Proxy, Control::High),
            60..70 => (Validity::Proxy, Control::Low),
            70..90 => (Validity::Exact, Control::Moderate),
            _ => (Validity::Exact, Control::Low),
        }
    }

    pub(super) fn responsible(&mut self, u: usize) -> String {
        let list: &[&str] = match self.nodes[u].role {
            Role::Wide => &["Sekretariat Jenderal", "Biro Perencanaan dan Keuangan"],
            Role::Es1 => &[
                "Sekretariat Direktorat Jenderal",
                "Bagian Perencanaan dan Kepatuhan Internal",
            ],
            Role::Kanwil => &[
                "Bagian Umum",
                "Bidang Kepatuhan Internal",
                "Bidang Pelayanan",
                "Bidang Informasi dan Penyuluhan",
            ],
            Role::Office => &[
                "Subbagian Umum",
                "Seksi Kepatuhan Internal",
                "Seksi Pelayanan",
                "Seksi Hukum dan Informasi",
            ],
            Role::OtherVertical | Role::Hq => &[
                "Bagian Umum",
                "Subbagian Tata Usaha",
                "Kelompok Jabatan Fungsional",
            ],
            Role::HqPart => &[
                "Seksi Perencanaan",
                "Seksi Evaluasi",
                "Kelompok Jabatan Fungsional",
            ],
        };
        (*self.rng.pick(list)).to_string()
    }
}

pub(super) const SPECIAL_REASONS: &[&str] = &[
    "Karakteristik target ditetapkan KKO UPK One karena perubahan kebijakan nasional",
    "Karakteristik target ditetapkan KKO UPK One karena penugasan khusus",
    "Karakteristik target ditetapkan KKO UPK One karena kondisi pascabencana di wilayah kerja",
];

pub(super) fn definition(name: &str, unit: &str, year: i32) -> String {
    format!("{name} yang menjadi tanggung jawab {unit} pada tahun {year}.")
}

pub(super) fn formula(kind: Kind, name: &str, uom: &str) -> String {
    match kind {
        Kind::Flow | Kind::Count => {
            format!("Jumlah {uom} ({}) s.d. periode pelaporan", lower(name))
        }
        Kind::Level => format!("Nilai {} pada periode pelaporan", lower(name)),
        Kind::Progress => "(Realisasi kumulatif / rencana tahunan) × 100%".to_string(),
        Kind::Zero => format!("Jumlah {uom} yang terjadi s.d. periode pelaporan"),
    }
}

pub(super) fn lower(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !s.starts_with("PNBP") && !s.starts_with("SP2D") => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}
