//! The field names of every record of the format, in the order the format lists them.

pub(super) const TOP_FIELDS: &[&str] = &[
    "format", "year", "rulebook", "units", "ss", "iku", "addenda", "plan", "round",
];
pub(super) const UNIT_FIELDS: &[&str] = &["code", "name", "level", "parent", "perspective_weights"];
pub(super) const SS_FIELDS: &[&str] = &[
    "unit",
    "code",
    "perspective",
    "name",
    "weight",
    "cascaded_from",
];
pub(super) const IKU_FIELDS: &[&str] = &[
    "unit",
    "code",
    "ss",
    "name",
    "definition",
    "formula",
    "unit_of_measure",
    "polarity",
    "period_consolidation",
    "reporting_period",
    "weight",
    "konversi_120",
    "stabilize_scale",
    "worst_realisasi",
    "validity",
    "control",
    "measures_quality_or_time",
    "cascade",
    "location_consolidation",
    "tanggung_renteng",
    "collective",
    "target_basis",
    "special_points",
    "special_reason",
    "new_iku",
    "mandatory",
    "target_prev",
    "realisasi_prev",
    "capaian_prev2_over_125",
    "avg_realisasi_prev",
    "data_source",
    "responsible",
    "targets",
    "realisasi",
];
pub(super) const REF_FIELDS: &[&str] = &["unit", "code"];
pub(super) const CASCADE_FIELDS: &[&str] = &["from", "method", "kind"];
pub(super) const ADDENDUM_FIELDS: &[&str] = &["unit", "version", "date", "reason", "changes"];
pub(super) const CHANGE_FIELDS: &[&str] = &["iku", "field", "month", "old", "new"];
