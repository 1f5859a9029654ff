//! The `iku` section: each IKU read, then the section checked (codes, units, SS, cascades).

use std::collections::HashMap;

use super::read::*;
use super::schema::*;
use super::stream::Draft;
use super::*;
use crate::domain::model::*;
use crate::text::interchange as t;

pub(super) struct IkuRead {
    pub(super) unit: Option<String>,
    pub(super) code: Option<String>,
    pub(super) ss: Option<String>,
    pub(super) cascade: Option<Option<Cascade>>,
    pub(super) value: Iku,
}

impl IkuRead {
    pub(super) fn key(&self) -> Option<CodeRef> {
        Some(CodeRef::new(self.unit.as_ref()?, self.code.as_ref()?))
    }
}

pub(super) fn read_iku(errs: &mut Errs, f: &Fields) -> IkuRead {
    f.unknown(errs, IKU_FIELDS);
    let unit = f.req(errs, "unit", rd_code);
    let code = f.req(errs, "code", rd_code);
    let ss = f.req(errs, "ss", rd_code);
    let name = f.req(errs, "name", rd_line);
    let unit_of_measure = f.req(errs, "unit_of_measure", rd_line);
    let polarity = f.req(errs, "polarity", rd_enum::<Polarity>);
    let period_consolidation = f.req(errs, "period_consolidation", rd_enum::<Consolidation>);
    let reporting_period = f.req(errs, "reporting_period", rd_enum::<ReportingPeriod>);
    let validity = f.req(errs, "validity", rd_enum::<Validity>);
    let control = f.req(errs, "control", rd_enum::<Control>);
    let targets = f.req(errs, "targets", rd_months);
    let cascade = f.opt(errs, "cascade", rd_cascade);
    let mut iku = Iku::new(
        unit.as_deref().unwrap_or_default(),
        code.as_deref().unwrap_or_default(),
        ss.as_deref().unwrap_or_default(),
        polarity.unwrap_or(Polarity::Maximize),
        period_consolidation.unwrap_or(Consolidation::Sum),
        reporting_period.unwrap_or(ReportingPeriod::Monthly),
    );
    iku.name = name.unwrap_or_default();
    iku.unit_of_measure = unit_of_measure.unwrap_or_default();
    iku.validity = validity.unwrap_or(Validity::Proxy);
    iku.control = control.unwrap_or(Control::Moderate);
    iku.targets = targets.unwrap_or(NO_MONTHS);
    iku.cascade = cascade.clone().flatten();
    let opt_str = |errs: &mut Errs, name: &str| f.opt(errs, name, rd_string).unwrap_or_default();
    let opt_bool = |errs: &mut Errs, name: &str| f.opt(errs, name, rd_bool).unwrap_or(false);
    let opt_dec = |errs: &mut Errs, name: &str| f.opt(errs, name, rd_opt_dec).flatten();
    iku.definition = opt_str(errs, "definition");
    iku.formula = opt_str(errs, "formula");
    iku.weight = opt_dec(errs, "weight");
    iku.konversi_120 = opt_bool(errs, "konversi_120");
    iku.stabilize_scale = f.opt(errs, "stabilize_scale", rd_scale).flatten();
    iku.worst_realisasi = opt_dec(errs, "worst_realisasi");
    iku.measures_quality_or_time = opt_bool(errs, "measures_quality_or_time");
    if let Some(lc) = f.opt(
        errs,
        "location_consolidation",
        rd_enum::<LocationConsolidation>,
    ) {
        iku.location_consolidation = lc;
    }
    iku.tanggung_renteng = opt_bool(errs, "tanggung_renteng");
    iku.collective = opt_bool(errs, "collective");
    if let Some(tb) = f.opt(errs, "target_basis", rd_enum::<TargetBasis>) {
        iku.target_basis = tb;
    }
    iku.special_points = f
        .opt(errs, "special_points", |e, p, v| rd_opt_int(e, p, v, 1, 5))
        .flatten()
        .map(|n| n as u8);
    iku.special_reason = f.opt(errs, "special_reason", rd_opt_string).flatten();
    iku.new_iku = opt_bool(errs, "new_iku");
    iku.mandatory = opt_bool(errs, "mandatory");
    iku.target_prev = opt_dec(errs, "target_prev");
    iku.realisasi_prev = opt_dec(errs, "realisasi_prev");
    iku.capaian_prev2_over_125 = opt_bool(errs, "capaian_prev2_over_125");
    iku.avg_realisasi_prev = opt_dec(errs, "avg_realisasi_prev");
    iku.data_source = opt_str(errs, "data_source");
    iku.responsible = opt_str(errs, "responsible");
    iku.realisasi = f.opt(errs, "realisasi", rd_months).unwrap_or(NO_MONTHS);
    IkuRead {
        unit,
        code,
        ss,
        cascade,
        value: iku,
    }
}

pub(super) fn check_iku(
    errs: &mut Errs,
    iku: &[Draft<IkuRead>],
    units: &Known<&str>,
    ss: &Known<CodeRef>,
) {
    let mut first: HashMap<CodeRef, &str> = HashMap::new();
    for i in iku {
        let unit_known = i.unit.as_deref().is_some_and(|u| units.contains(u));
        if let Some(u) = &i.unit
            && !unit_known
        {
            push(
                errs,
                &join(&i.path, "unit"),
                t::JSON_UNKNOWN_UNIT.fill(&[("code", u)]),
            );
        }
        if let Some(key) = i.key() {
            if let Some(other) = first.get(&key) {
                push(
                    errs,
                    &join(&i.path, "code"),
                    t::JSON_DUPLICATE.fill(&[("code", &key), ("other", other)]),
                );
            } else {
                first.insert(key, &i.path);
            }
        }
        if let (Some(u), Some(s)) = (&i.unit, &i.ss)
            && unit_known
            && !ss.contains(&CodeRef::new(u, s))
        {
            push(
                errs,
                &join(&i.path, "ss"),
                t::JSON_UNKNOWN_SS.fill(&[("code", s), ("unit", u)]),
            );
        }
    }
    for i in iku {
        if let Some(Some(c)) = &i.cascade
            && !first.contains_key(&c.from)
        {
            push(
                errs,
                &join(&i.path, "cascade.from"),
                t::JSON_UNKNOWN_IKU.fill(&[("code", &c.from.code), ("unit", &c.from.unit)]),
            );
        }
    }
}
