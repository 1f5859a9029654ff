//! The sentences of [`crate::domain::reason::Reason`]s: one template per code, its arguments
//! shown in the user's language (month names, decimal comma in Indonesian, lists).

use super::domain::num_in;
use super::{Lang, Msg, lang};
use crate::domain::reason::{Arg, Code, Reason};

/// The template of a code.
pub fn template(code: Code) -> Msg {
    use super::domain::{bounds as b, k3 as k, rules as r};
    match code {
        Code::UnknownUnit => msg!(
            "Unit \"{unit}\" tidak ada di PK {year}.",
            "Unit \"{unit}\" is not in the PK of {year}."
        ),
        Code::UnknownIku => msg!(
            "IKU \"{iku}\" tidak ada di unit \"{unit}\" pada PK {year}.",
            "IKU \"{iku}\" does not exist in unit \"{unit}\" in the PK of {year}."
        ),
        Code::BadMonth => msg!(
            "IKU {unit}/{iku}: bulan {month} tidak ada; tulis 1..12.",
            "IKU {unit}/{iku}: there is no month {month}; write 1..12."
        ),
        Code::NotReportingMonth => msg!(
            "{month} {year} bukan bulan pelaporan IKU {unit}/{iku} (periode {period}: {months}).",
            "{month} {year} is not a reporting month of IKU {unit}/{iku} (period {period}: {months})."
        ),
        Code::RollsUp => msg!(
            "{field} IKU {unit}/{iku} dihitung dari unit di bawahnya (konsolidasi lokasi); ubah IKU unit anak: {children}.",
            "The {field} of IKU {unit}/{iku} is rolled up from its child units; change the children's IKU: {children}."
        ),
        Code::RealisasiFrozen => msg!(
            "Realisasi {month} IKU {unit}/{iku} tidak dapat diubah: bulan itu sudah ditetapkan (dibuka kembali hanya oleh admin, dengan alasan).",
            "The realisasi of {month} of IKU {unit}/{iku} cannot be changed: that month is closed (ditetapkan; only an admin reopens it, with a reason)."
        ),
        Code::RoleNotAllowed => msg!(
            "{action} ditolak: peran {role} tidak boleh; yang boleh: {roles}.",
            "{action} refused: the role {role} may not; who may: {roles}."
        ),
        Code::StateNotAllowed => msg!(
            "{action} ditolak: bulan {month} unit {unit} berstatus {state}; {action} hanya dari {from}.",
            "{action} refused: month {month} of unit {unit} is {state}; {action} only from {from}."
        ),
        Code::ReasonRequired => msg!(
            "{action} memerlukan alasan (--reason \"…\").",
            "{action} needs a reason (--reason \"…\")."
        ),
        Code::CorrectionNeedsReason => msg!(
            "Realisasi {month} IKU {unit}/{iku} sudah {state}: koreksi memerlukan alasan (--reason \"…\").",
            "The realisasi of {month} of IKU {unit}/{iku} is {state}: a correction needs a reason (--reason \"…\")."
        ),
        Code::MonthClosed => msg!(
            "{what} {month} IKU {unit}/{iku} tidak dapat diubah: bulan itu sudah ditetapkan.",
            "The {what} of {month} of IKU {unit}/{iku} cannot be changed: that month is closed (ditetapkan)."
        ),
        Code::EvidenceMissing => msg!(
            "Berkas data dukung {name} ({sha256}) tidak ada di toko data.",
            "The evidence file {name} ({sha256}) is not in the store."
        ),
        Code::EvidenceUnknown => msg!(
            "IKU {unit}/{iku} {month} tidak memiliki data dukung bernama {name}.",
            "IKU {unit}/{iku} {month} has no evidence file named {name}."
        ),
        Code::BadText => msg!("{field}: {problem}", "{field}: {problem}"),
        Code::OverdueEntry => msg!(
            "{month}: realisasi unit {unit} belum diajukan ({state}); tenggat pengisian {deadline} lewat {days} hari.",
            "{month}: the realisasi of unit {unit} is not submitted ({state}); the entry deadline {deadline} passed {days} days ago."
        ),
        Code::OverdueValidation => msg!(
            "{month}: realisasi unit {unit} diajukan tetapi belum divalidasi; tenggat validasi {deadline} lewat {days} hari.",
            "{month}: the realisasi of unit {unit} is submitted but not validated; the validation deadline {deadline} passed {days} days ago."
        ),
        Code::OverdueClosing => msg!(
            "{month}: realisasi unit {unit} divalidasi tetapi belum ditetapkan; tenggat penetapan {deadline} lewat {days} hari.",
            "{month}: the realisasi of unit {unit} is validated but not closed; the closing deadline {deadline} passed {days} days ago."
        ),
        Code::NoAnalysis => msg!(
            "Capaian IKU {unit}/{iku} s.d. {month} {capaian}% (< 100%) tanpa analisis: isi isu, implikasi, aksi dan rencana aksi (kinerja analisis set).",
            "The capaian of IKU {unit}/{iku} up to {month} is {capaian}% (< 100%) without an analysis: write the issue, implication, action and action plan (kinerja analisis set)."
        ),
        Code::NoEvidence => msg!(
            "Realisasi {month} IKU {unit}/{iku} belum memiliki data dukung (kinerja lampiran add).",
            "The realisasi of {month} of IKU {unit}/{iku} has no evidence file yet (kinerja lampiran add)."
        ),
        Code::TargetFrozen => msg!(
            "Target {month} {year} IKU {unit}/{iku} dibekukan: bulan itu sudah memiliki realisasi (aturan R10).",
            "The target of {month} {year} of IKU {unit}/{iku} is frozen: that month already has realisasi (rule R10)."
        ),
        // `detail` says why, in the words of the number reader (`interchange::number`)
        Code::BadNumber => msg!("{detail}", "{detail}"),
        Code::ImplausibleSign => msg!(
            "Realisasi {value} IKU {unit}/{iku} {month} berlawanan tanda dengan setiap targetnya; periksa nilainya.",
            "The realisasi {value} of IKU {unit}/{iku} for {month} has the opposite sign of every target of the IKU; check the value."
        ),
        Code::ImplausibleSize => msg!(
            "Realisasi {value} IKU {unit}/{iku} {month} lebih dari {factor} kali target terbesarnya ({largest}); periksa nilainya.",
            "The realisasi {value} of IKU {unit}/{iku} for {month} is more than {factor} times its largest target ({largest}); check the value."
        ),
        Code::IkuCount => r::R01,
        Code::DirectCascadeTooDeep => r::R02,
        Code::NoOwnIku => r::R03,
        Code::InvalidCell => r::R04,
        Code::SsWithoutIku => r::R05_EMPTY,
        Code::SsActivityOnly => r::R05_ACTIVITY_ONLY,
        Code::NoTarget => r::R06_NO_TARGET,
        Code::MissingTarget => r::R06_MISSING_MONTH,
        Code::TargetOutsideReporting => r::R06_NON_REPORTING,
        Code::ZeroTarget => r::R06_ZERO,
        Code::RealisasiOutsideReporting => r::R07_NON_REPORTING,
        Code::IkuSourceMissing => r::R07_IKU_SOURCE_MISSING,
        Code::IkuSourceNotAncestor => r::R07_IKU_SOURCE_NOT_ANCESTOR,
        Code::SsSourceMissing => r::R07_SS_SOURCE_MISSING,
        Code::SsSourceNotAncestor => r::R07_SS_SOURCE_NOT_ANCESTOR,
        Code::IkuWeights => r::R08_IKU,
        Code::SsWeights => r::R08_SS,
        Code::PerspectiveWeights => r::R08_PERSPECTIVE,
        Code::WithoutWeight => r::R08_MISSING,
        Code::AddendumDue => r::R09,
        Code::AddendumDueMinimize => r::R09_MINIMIZE,
        Code::FrozenChanged => r::R10_CHANGED,
        Code::FrozenRemoved => r::R10_REMOVED,
        Code::PartialCascadeSum => r::R11_PARTIAL,
        Code::FullCascadeTarget => r::R11_FULL,
        Code::ChildTarget => r::R11_CHILD,
        Code::MissingRealisasi => super::domain::completeness::MISSING_REALISASI,
        Code::StoredOutOfBounds => b::STORED,
        Code::OutOfBounds => b::REFUSED,
        Code::ValueOfIkuMonth => msg!(
            "IKU {iku} ({unit}) {field} {month}",
            "IKU {iku} ({unit}) {field} {month}"
        ),
        Code::ValueOfIku => msg!("IKU {iku} ({unit}) {field}", "IKU {iku} ({unit}) {field}"),
        Code::ValueOfUnit => msg!("{unit} {field}", "{unit} {field}"),
        Code::TooLarge => b::TOO_LARGE,
        Code::TooManyDecimals => b::TOO_MANY_DECIMALS,
        Code::NoReference => k::WARN_NO_REFERENCE,
        Code::SpecialWithoutPoints => k::WARN_SPECIAL,
        Code::MultiplierUnknown => k::WARN_MULTIPLIER_UNKNOWN,
        Code::TargetEqualsT1R1 => k::WARN_T_T1_R1,
        Code::RefTargetPrev => k::REF_TARGET_PREV,
        Code::RefRealisasiPrev => k::REF_REALISASI_PREV,
        Code::RefAvgRealisasiPrev => k::REF_AVG_REALISASI_PREV,
        Code::NameT1 => k::NAME_T1,
        Code::NameR1 => k::NAME_R1,
        Code::NameR1Avg => k::NAME_R1_AVG,
        Code::IkuNotCascadedActivity => k::IKU_NOT_CASCADED_ACTIVITY,
        Code::IkuNotCascadedQuality => k::IKU_NOT_CASCADED_QUALITY,
        Code::IkuNotCascaded => k::IKU_NOT_CASCADED,
        Code::IkuCascaded => k::IKU_CASCADED,
        Code::IkuCascadedInvalid => k::IKU_CASCADED_INVALID,
        Code::IkuCapped => k::IKU_CAPPED,
        Code::IkuInQuota => k::IKU_IN_QUOTA,
        Code::IkuTanggungRenteng => k::IKU_TANGGUNG_RENTENG,
        Code::IkuLeftOut => k::LEFT_OUT_INVALID,
        Code::TargetLaw => k::TGT_LAW,
        Code::TargetInstitutionMax => k::TGT_INSTITUTION_MAX,
        Code::TargetStable => k::TGT_STABLE,
        Code::TargetSpecial => k::TGT_SPECIAL,
        Code::TargetSpecialInvalid => k::TGT_SPECIAL_INVALID,
        Code::TargetNewIku => k::TGT_NEW,
        Code::TargetStabilize => k::TGT_STABILIZE,
        Code::TargetKonversi120 => k::TGT_KONVERSI_120,
        Code::TargetNoAnnual => k::TGT_NO_TARGET,
        Code::TargetNoReference => k::TGT_NO_REFERENCE,
        Code::TargetRatio => k::TGT_RATIO,
        Code::MultIku => k::M_IKU,
        Code::MultIkuInvalid => k::M_IKU_INVALID,
        Code::MultLaw => k::M_LAW,
        Code::MultInstitutionMax => k::M_INSTITUTION_MAX,
        Code::MultStable => k::M_STABLE,
        Code::MultNewIku => k::M_NEW,
        Code::MultStabilize => k::M_STABILIZE,
        Code::MultNoAnnual => k::M_NO_TARGET,
        Code::MultUnknown => k::M_UNKNOWN,
        Code::MultAboveBoth => k::M_ABOVE_BOTH,
        Code::MultEqualR1AboveT1 => k::M_EQUAL_R1_ABOVE_T1,
        Code::MultBetween => k::M_BETWEEN,
        Code::MultEqualT1R1NotAbove => k::M_EQUAL_T1_R1_NOT_ABOVE,
        Code::MultEqualT1R1Above => k::M_EQUAL_T1_R1_ABOVE,
        Code::MultBelowT1 => k::M_BELOW_T1,
        Code::MultMinimize => k::M_MINIMIZE,
        Code::MultNewWithHistory => k::M_NEW_WITH_HISTORY,
        Code::MultMandatory => k::M_MANDATORY,
        Code::MultIkuK3 => k::M_K3,
        Code::PlanNeedsT1R1 => k::PLAN_NEEDS_T1_R1,
        Code::PlanNeedsReference => k::PLAN_NEEDS_REFERENCE,
    }
}

/// The word of a reporting period (the one vocabulary of `text::vocab`).
fn period(lang: Lang, p: crate::domain::ReportingPeriod) -> &'static str {
    p.label_in(lang)
}

/// The word of a field, as the start of a sentence in Indonesian and inside one in English.
fn field(lang: Lang, f: &str) -> String {
    let (id, en) = match f {
        "targets" => ("Target", "targets"),
        "realisasi" => ("Realisasi", "realisasi"),
        other => (other, other),
    };
    match lang {
        Lang::Id => id.to_string(),
        Lang::En => en.to_string(),
    }
}

/// One argument as text in `lang`.
pub fn arg_text(lang: Lang, name: &str, a: &Arg) -> String {
    match a {
        Arg::Text(s) if name == "field" => field(lang, s),
        Arg::Text(s) => s.clone(),
        Arg::Int(n) => n.to_string(),
        Arg::Num {
            value,
            min_dp,
            max_dp,
        } => num_in(lang, *value, *min_dp, *max_dp),
        Arg::Month(m) => super::domain::month_name_in(lang, *m).to_string(),
        Arg::Months(ms) => ms
            .iter()
            .map(|m| super::domain::month_name_in(lang, *m))
            .collect::<Vec<_>>()
            .join(", "),
        Arg::List(items) => items.join(", "),
        Arg::Period(p) => period(lang, *p).to_string(),
        Arg::Level(l) => l.label_in(lang).to_string(),
        Arg::Polarity(p) => p.label_in(lang).to_string(),
        Arg::Cell(v, c) => format!("{} × {}", v.label_in(lang), c.label_in(lang)),
        Arg::Value(Some(v)) => num_in(lang, *v, 0, 6),
        Arg::Value(None) => super::domain::rules::EMPTY.get(lang).to_string(),
        Arg::Reason(r) => render_in(lang, r),
        Arg::Reasons(rs) => rs
            .iter()
            .map(|r| render_in(lang, r))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The sentence of a reason in `lang`.
pub fn render_in(lang: Lang, r: &Reason) -> String {
    let args: Vec<(&str, String)> = r
        .args
        .iter()
        .map(|(k, v)| (*k, arg_text(lang, k, v)))
        .collect();
    let refs: Vec<(&str, &dyn std::fmt::Display)> = args
        .iter()
        .map(|(k, v)| (*k, v as &dyn std::fmt::Display))
        .collect();
    template(r.code).fill_in(lang, &refs)
}

/// A reason told in parts (a K3 reason: the points, then the quota, …) as one sentence in
/// `lang`: the parts follow each other as their templates punctuate them.
pub fn render_parts_in(lang: Lang, parts: &[Reason]) -> String {
    parts.iter().map(|r| render_in(lang, r)).collect()
}

/// [`render_parts_in`] in the user's language.
pub fn render_parts(parts: &[Reason]) -> String {
    render_parts_in(lang(), parts)
}

/// The parts of a reason as a JSON array of `{"code", "args"}`.
pub fn parts_json(parts: &[Reason]) -> serde_json::Value {
    serde_json::Value::from(parts.iter().map(to_json).collect::<Vec<_>>())
}

/// The sentence of a reason in the user's language.
pub fn render(r: &Reason) -> String {
    render_in(lang(), r)
}

/// Why a value is beyond the stored bounds (`domain::bounds`), in `lang`.
pub fn bound_in(
    lang: Lang,
    v: rust_decimal::Decimal,
    e: crate::domain::bounds::BoundError,
) -> String {
    render_in(lang, &crate::domain::bounds::reason(v, e))
}

/// [`bound_in`] in the user's language.
pub fn bound(v: rust_decimal::Decimal, e: crate::domain::bounds::BoundError) -> String {
    bound_in(lang(), v, e)
}

/// A stored value beyond the bounds: `realisasi 10: …` in the user's language.
pub fn violation(v: &crate::domain::bounds::Violation) -> String {
    let at = v.month.map(|m| format!(" {m}")).unwrap_or_default();
    format!("{}{at}: {}", v.field, render(&v.reason()))
}

/// The sentence of an implausible realisasi (`domain::edit::plausibility`).
pub fn implausible(i: &crate::domain::edit::Implausible) -> String {
    render(&i.reason())
}

/// The sentence of an edit refusal in the user's language.
pub fn refusal(r: &crate::domain::edit::Refusal) -> String {
    render(&r.reason())
}

/// The reason as JSON: `{"code": ..., "args": {...}}`, the same in every language (months and
/// counts as numbers, decimals as exact text, lists as arrays).
pub fn to_json(r: &Reason) -> serde_json::Value {
    use serde_json::{Map, Value};
    let mut args = Map::new();
    for (k, v) in &r.args {
        let value = match v {
            Arg::Text(s) => Value::from(s.clone()),
            Arg::Int(n) => Value::from(*n),
            Arg::Num { value, .. } => Value::from(value.normalize().to_string()),
            Arg::Month(m) => Value::from(*m),
            Arg::Months(ms) => Value::from(ms.clone()),
            Arg::List(items) => Value::from(items.clone()),
            Arg::Period(p) => Value::from(p.as_str()),
            Arg::Level(l) => Value::from(l.as_str()),
            Arg::Polarity(p) => Value::from(p.as_str()),
            Arg::Cell(v, c) => Value::from(crate::domain::rulebook::vc_key(*v, *c)),
            Arg::Value(v) => v.map_or(Value::Null, |d| Value::from(d.normalize().to_string())),
            Arg::Reason(r) => to_json(r),
            Arg::Reasons(rs) => Value::from(rs.iter().map(to_json).collect::<Vec<_>>()),
        };
        args.insert((*k).to_string(), value);
    }
    let mut out = Map::new();
    out.insert("code".into(), Value::from(r.code.as_str()));
    out.insert("args".into(), Value::Object(args));
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_of_a_template_is_named_in_both_languages() {
        for c in Code::ALL {
            let m = template(*c);
            let names = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split('}').next().map(str::to_string))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(names(m.id), names(m.en), "{c}");
        }
    }
}
