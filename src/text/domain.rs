//! Sentences of the domain area.

use rust_decimal::{Decimal, RoundingStrategy};

use super::{Lang, Msg, lang};

/// A decimal for a sentence: rounded half away from zero to at most `max_dp` places, at least
/// `min_dp` places shown, decimal comma in Indonesian. Only for text; computations keep full
/// precision.
pub fn num(d: Decimal, min_dp: u32, max_dp: u32) -> String {
    num_in(lang(), d, min_dp, max_dp)
}

/// [`num`] in a given language.
pub fn num_in(lang: Lang, d: Decimal, min_dp: u32, max_dp: u32) -> String {
    let mut r = d
        .round_dp_with_strategy(max_dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    if r.scale() < min_dp {
        r.rescale(min_dp);
    }
    let s = r.to_string();
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s,
    }
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of a month (1..=12) in the process-wide language.
pub fn month_name(m: u8) -> &'static str {
    month_name_in(lang(), m)
}

/// The name of a month (1..=12) in `lang`.
pub fn month_name_in(lang: Lang, m: u8) -> &'static str {
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Id => MONTHS_ID[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// Sentences of the K3 breakdown (`domain::k3`, `domain` §8 and §10).
pub mod k3 {
    use crate::text::Msg;

    // Quality of IKU, kmk-300-2022 points.
    pub const IKU_NOT_CASCADED_ACTIVITY: Msg = msg!(
        "tidak diturunkan, hanya mengukur output/aktivitas: {p} poin",
        "not cascaded, measures output/activity only: {p} points"
    );
    pub const IKU_NOT_CASCADED_QUALITY: Msg = msg!(
        "tidak diturunkan, mengukur kualitas/waktu: {p} poin",
        "not cascaded, measures quality/time: {p} points"
    );
    pub const IKU_NOT_CASCADED: Msg =
        msg!("tidak diturunkan: {p} poin", "not cascaded: {p} points");
    pub const IKU_CASCADED: Msg = msg!("diturunkan, {vc}: {p} poin", "cascaded, {vc}: {p} points");
    pub const IKU_CASCADED_INVALID: Msg = msg!(
        "diturunkan, {vc}: kombinasi tidak sah (R04), dihitung seperti tidak diturunkan: {p} poin",
        "cascaded, {vc}: invalid combination (R04), counted as not cascaded: {p} points"
    );
    pub const IKU_CAPPED: Msg = msg!(
        ", dihitung {cap} (kuota {q} %)",
        ", counted as {cap} (quota {q} %)"
    );
    pub const IKU_IN_QUOTA: Msg = msg!(" (dalam kuota {q} %)", " (within the quota of {q} %)");
    pub const IKU_TANGGUNG_RENTENG: Msg = msg!(
        "; tanggung renteng tanpa pengurangan",
        "; tanggung renteng: no deduction"
    );

    // Quality of target, kmk-300-2022 points.
    pub const TGT_LAW: Msg = msg!(
        "target berdasarkan peraturan: tidak dihitung dalam rata-rata kualitas target",
        "law-based target: left out of the target-quality average"
    );
    pub const TGT_SPECIAL: Msg = msg!(
        "poin khusus dari KKO UPK One: {p} ({reason})",
        "special points set by the KKO of UPK One: {p} ({reason})"
    );
    pub const TGT_SPECIAL_INVALID: Msg = msg!(
        "target khusus tanpa poin 1–5: {p} (standar)",
        "special target without points 1–5: {p} (standard)"
    );
    pub const TGT_NEW: Msg = msg!("IKU baru: {p} (standar)", "new IKU: {p} (standard)");
    pub const TGT_STABILIZE: Msg = msg!(
        "polaritas stabil: {p} (standar)",
        "stabilize polarity: {p} (standard)"
    );
    pub const TGT_KONVERSI_120: Msg = msg!(
        "konversi 120, target sudah maksimum: {p} (standar)",
        "konversi 120, target already at its maximum: {p} (standard)"
    );
    pub const TGT_NO_TARGET: Msg = msg!(
        "target tahunan belum ada: {p} (standar)",
        "no annual target yet: {p} (standard)"
    );
    pub const TGT_NO_REFERENCE: Msg = msg!(
        "{ref} tidak ada: {p} (standar)",
        "{ref} missing: {p} (standard)"
    );
    pub const TGT_RATIO: Msg = msg!(
        "r = {r} terhadap {ref} → {p}",
        "r = {r} against {ref} → {p}"
    );
    pub const REF_TARGET_PREV: Msg = msg!("target tahun lalu", "last year's target");
    pub const REF_REALISASI_PREV: Msg = msg!(
        "realisasi tahun lalu (capaian > {c} % dua tahun berturut-turut)",
        "last year's realisasi (capaian above {c} % in both previous years)"
    );
    pub const REF_AVG_REALISASI_PREV: Msg = msg!(
        "rata-rata realisasi tahun lalu (IKU kolektif, capaian > {c} % dua tahun berturut-turut)",
        "last year's average realisasi (collective IKU, capaian above {c} % in both previous years)"
    );

    // Warnings shown in the breakdown and reported by `check` (id K3).
    pub const WARN_NO_REFERENCE: Msg = msg!(
        "IKU {iku} ({unit}): {ref} tidak diisi, kualitas target memakai {p} poin standar; isi nilai referensi di Manual IKU.",
        "IKU {iku} ({unit}): {ref} is missing, target quality uses the standard {p} points; fill in the reference value in the Manual IKU."
    );
    pub const WARN_SPECIAL: Msg = msg!(
        "IKU {iku} ({unit}): target khusus tanpa poin 1–5; isi poin khusus yang ditetapkan KKO UPK One.",
        "IKU {iku} ({unit}): special target without points 1–5; fill in the special points set by the KKO of UPK One."
    );
    pub const WARN_MULTIPLIER_UNKNOWN: Msg = msg!(
        "IKU {iku} ({unit}): {missing} tidak diisi, pengali target memakai {m}; lengkapi data tahun lalu di Manual IKU.",
        "IKU {iku} ({unit}): {missing} is missing, the target multiplier uses {m}; fill in last year's figures in the Manual IKU."
    );

    // kmk-127-2026 multipliers.
    pub const M_IKU: Msg = msg!(
        "kualitas IKU {vc}: pengali {m}",
        "IKU quality {vc}: multiplier {m}"
    );
    pub const M_IKU_INVALID: Msg = msg!(
        "kualitas IKU {vc}: kombinasi tidak sah (R04), pengali {m}",
        "IKU quality {vc}: invalid combination (R04), multiplier {m}"
    );
    pub const M_LAW: Msg = msg!(
        "target berdasarkan peraturan: pengali {m}",
        "law-based target: multiplier {m}"
    );
    pub const M_NEW: Msg = msg!("IKU baru: pengali {m}", "new IKU: multiplier {m}");
    pub const M_STABILIZE: Msg = msg!(
        "polaritas stabil: pengali {m}",
        "stabilize polarity: multiplier {m}"
    );
    pub const M_NO_TARGET: Msg = msg!(
        "target tahunan belum ada: pengali {m}",
        "no annual target yet: multiplier {m}"
    );
    pub const M_UNKNOWN: Msg = msg!(
        "{missing} tidak ada: pengali {m}",
        "{missing} missing: multiplier {m}"
    );
    pub const M_ABOVE_BOTH: Msg = msg!(
        "T {t} lebih menantang daripada T1 {t1} dan R1 {r1}: pengali {m}",
        "T {t} more demanding than both T1 {t1} and R1 {r1}: multiplier {m}"
    );
    pub const M_EQUAL_R1_ABOVE_T1: Msg = msg!(
        "T {t} sama dengan R1 {r1} dan lebih menantang daripada T1 {t1}: pengali {m}",
        "T {t} equals R1 {r1} and is more demanding than T1 {t1}: multiplier {m}"
    );
    pub const M_BETWEEN: Msg = msg!(
        "T {t} di antara T1 {t1} dan R1 {r1}: pengali {m}",
        "T {t} between T1 {t1} and R1 {r1}: multiplier {m}"
    );
    pub const M_EQUAL_T1_R1_NOT_ABOVE: Msg = msg!(
        "T {t} sama dengan T1 {t1}, R1 {r1} tidak melampaui T1: pengali {m}",
        "T {t} equals T1 {t1}, R1 {r1} does not exceed T1: multiplier {m}"
    );
    pub const M_EQUAL_T1_R1_ABOVE: Msg = msg!(
        "T {t} sama dengan T1 {t1}, R1 {r1} melampaui T1: pengali {m}",
        "T {t} equals T1 {t1}, R1 {r1} exceeds T1: multiplier {m}"
    );
    pub const M_BELOW_T1: Msg = msg!(
        "T {t} kurang menantang daripada T1 {t1}: pengali {m}",
        "T {t} less demanding than T1 {t1}: multiplier {m}"
    );
    pub const M_MINIMIZE: Msg = msg!(" (polaritas minimal, dicerminkan)", " (minimize, mirrored)");
    pub const M_K3: Msg = msg!(
        "; K3 IKU = ({a} + {b}) / 2 = {k}",
        "; IKU K3 = ({a} + {b}) / 2 = {k}"
    );
    pub const TGT_INSTITUTION_MAX: Msg = msg!(
        "target maksimum yang ditetapkan institusi: tidak dihitung dalam rata-rata kualitas target",
        "maximum set by an institution: left out of the target-quality average"
    );
    pub const TGT_STABLE: Msg = msg!(
        "target dimaksudkan tetap: {p} (standar)",
        "target meant to stay level: {p} (standard)"
    );
    pub const M_INSTITUTION_MAX: Msg = msg!(
        "target maksimum yang ditetapkan institusi: pengali {m}",
        "maximum set by an institution: multiplier {m}"
    );
    pub const M_STABLE: Msg = msg!(
        "target dimaksudkan tetap: pengali {m}",
        "target meant to stay level: multiplier {m}"
    );
    pub const M_NEW_WITH_HISTORY: Msg = msg!(
        "IKU baru dengan riwayat, T1 := R1; ",
        "new IKU with history, T1 := R1; "
    );
    pub const M_MANDATORY: Msg = msg!(
        "; IKU wajib: paling sedikit {m}",
        "; mandatory IKU: at least {m}"
    );
    pub const WARN_T_T1_R1: Msg = msg!(
        "IKU {iku} ({unit}): T = T1 = R1 ({t}) memakai pengali 1,0, tetapi kasus ini tidak diatur tegas; konfirmasikan dengan pengelola kinerja.",
        "IKU {iku} ({unit}): T = T1 = R1 ({t}) uses multiplier 1.0, but the case is not explicitly regulated; confirm with the performance manager."
    );
    pub const LEFT_OUT_INVALID: Msg = msg!(
        "{vc}: kombinasi tidak sah (R04), tanpa poin/pengali; tidak dihitung dalam indeks K3",
        "{vc}: invalid combination (R04), no points or multiplier; left out of the K3 index"
    );
    pub const PLAN_NEEDS_T1_R1: Msg = msg!(
        "rencana target memerlukan target tahun lalu (T1) dan realisasi tahun lalu (R1)",
        "the target plan needs last year's target (T1) and realisasi (R1)"
    );
    pub const PLAN_NEEDS_REFERENCE: Msg = msg!(
        "rencana target memerlukan nilai referensi tahun lalu yang positif",
        "the target plan needs a positive reference value of last year"
    );
    pub const NAME_T1: Msg = msg!("target tahun lalu (T1)", "last year's target (T1)");
    pub const NAME_R1: Msg = msg!("realisasi tahun lalu (R1)", "last year's realisasi (R1)");
    pub const NAME_R1_AVG: Msg = msg!(
        "rata-rata realisasi tahun lalu (R1)",
        "last year's average realisasi (R1)"
    );
}

/// Sentences of the rule checks (`domain::rules`, `domain` §9). Each names the unit/SS/IKU and
/// says what to do.
pub mod rules {
    use crate::text::Msg;

    pub const R01: Msg = msg!(
        "UPK {unit} ({level}) memiliki {n} IKU; batasnya {min}–{max}. Tambah atau kurangi IKU melalui addendum PK.",
        "UPK {unit} ({level}) has {n} IKU; the limits are {min}–{max}. Add or remove IKU through a PK addendum."
    );
    pub const R02: Msg = msg!(
        "IKU {iku} ({unit}) diturunkan langsung dari {source}, {n} level di bawah unit sumber (paling banyak {max}). Turunkan secara tidak langsung atau dari unit yang lebih dekat.",
        "IKU {iku} ({unit}) is cascaded directly from {source}, {n} levels below the source unit (at most {max}). Cascade it indirectly or from a nearer unit."
    );
    pub const R03: Msg = msg!(
        "SS {ss} ({unit}) memuat IKU turunan langsung ({ikus}) tetapi tidak memuat IKU yang tidak diturunkan. Tambahkan IKU sendiri pada SS ini.",
        "SS {ss} ({unit}) holds direct-cascaded IKU ({ikus}) but no IKU of its own. Add a non-cascaded IKU to this SS."
    );
    pub const R04: Msg = msg!(
        "IKU {iku} ({unit}): kombinasi validitas × kendali {vc} tidak sah. Ubah validitas atau tingkat kendali di Manual IKU.",
        "IKU {iku} ({unit}): validity × control {vc} is not allowed. Change the validity or the control level in the Manual IKU."
    );
    pub const R05_EMPTY: Msg = msg!(
        "SS {ss} ({unit}) belum memiliki IKU. Tambahkan paling sedikit satu IKU.",
        "SS {ss} ({unit}) has no IKU. Add at least one IKU."
    );
    pub const R05_ACTIVITY_ONLY: Msg = msg!(
        "SS {ss} ({unit}) hanya diukur oleh IKU aktivitas. Tambahkan IKU proxy atau exact.",
        "SS {ss} ({unit}) is measured only by activity IKU. Add a proxy or exact IKU."
    );
    pub const R06_NO_TARGET: Msg = msg!(
        "IKU {iku} ({unit}) belum memiliki target. Isi trajektori target pada setiap bulan pelaporan ({months}).",
        "IKU {iku} ({unit}) has no target. Fill in the target trajectory for every reporting month ({months})."
    );
    pub const R06_MISSING_MONTH: Msg = msg!(
        "IKU {iku} ({unit}): bulan pelaporan {month} belum memiliki target. Lengkapi trajektori target.",
        "IKU {iku} ({unit}): reporting month {month} has no target. Complete the target trajectory."
    );
    pub const R06_NON_REPORTING: Msg = msg!(
        "IKU {iku} ({unit}): target diisi pada {month}, bukan bulan pelaporan ({period}). Hapus atau pindahkan ke bulan pelaporan.",
        "IKU {iku} ({unit}): a target is set in {month}, which is not a reporting month ({period}). Remove it or move it to a reporting month."
    );
    pub const R06_ZERO: Msg = msg!(
        "IKU {iku} ({unit}): target s.d. {month} bernilai 0, capaian {polarity} tidak dapat dihitung. Ubah target atau isi realisasi terburuk (polaritas minimal).",
        "IKU {iku} ({unit}): the target up to {month} is 0, so the {polarity} capaian cannot be computed. Change the target or set the worst realisasi (minimize)."
    );
    pub const R07_NON_REPORTING: Msg = msg!(
        "IKU {iku} ({unit}): realisasi diisi pada {month}, bukan bulan pelaporan ({period}). Hapus atau pindahkan ke bulan pelaporan.",
        "IKU {iku} ({unit}): realisasi is set in {month}, which is not a reporting month ({period}). Remove it or move it to a reporting month."
    );
    pub const R07_IKU_SOURCE_MISSING: Msg = msg!(
        "IKU {iku} ({unit}) diturunkan dari {source}, yang tidak ada. Perbaiki sumber kaskade di Manual IKU.",
        "IKU {iku} ({unit}) is cascaded from {source}, which does not exist. Fix the cascade source in the Manual IKU."
    );
    pub const R07_IKU_SOURCE_NOT_ANCESTOR: Msg = msg!(
        "IKU {iku} ({unit}) diturunkan dari {source}, tetapi {source_unit} bukan unit atasan {unit}. Pilih sumber dari unit atasan.",
        "IKU {iku} ({unit}) is cascaded from {source}, but {source_unit} is not above {unit}. Choose a source in an ancestor unit."
    );
    pub const R07_SS_SOURCE_MISSING: Msg = msg!(
        "SS {ss} ({unit}) diturunkan dari {source}, yang tidak ada. Perbaiki sumber kaskade SS.",
        "SS {ss} ({unit}) is cascaded from {source}, which does not exist. Fix the SS's cascade source."
    );
    pub const R07_SS_SOURCE_NOT_ANCESTOR: Msg = msg!(
        "SS {ss} ({unit}) diturunkan dari {source}, tetapi {source_unit} bukan unit atasan {unit}. Pilih sumber dari unit atasan.",
        "SS {ss} ({unit}) is cascaded from {source}, but {source_unit} is not above {unit}. Choose a source in an ancestor unit."
    );
    pub const R08_IKU: Msg = msg!(
        "SS {ss} ({unit}): jumlah bobot IKU {sum}, seharusnya {total}{missing}. Perbaiki bobot IKU.",
        "SS {ss} ({unit}): the IKU weights add up to {sum}, they should add up to {total}{missing}. Fix the IKU weights."
    );
    pub const R08_SS: Msg = msg!(
        "Perspektif {perspective} ({unit}): jumlah bobot SS {sum}, seharusnya {total}{missing}. Perbaiki bobot SS.",
        "Perspective {perspective} ({unit}): the SS weights add up to {sum}, they should add up to {total}{missing}. Fix the SS weights."
    );
    pub const R08_PERSPECTIVE: Msg = msg!(
        "UPK {unit}: jumlah bobot perspektif {sum}, seharusnya {total}. Perbaiki bobot perspektif di PK.",
        "UPK {unit}: the perspective weights add up to {sum}, they should add up to {total}. Fix the perspective weights in the PK."
    );
    pub const R08_MISSING: Msg = msg!("; tanpa bobot: {codes}", "; without a weight: {codes}");
    pub const R09: Msg = msg!(
        "IKU {iku} ({unit}): realisasi s.d. {month} ({r}) sudah mencapai target s.d. {next} ({t}); addendum wajib. Naikkan target melalui addendum PK.",
        "IKU {iku} ({unit}): realisasi up to {month} ({r}) already reaches the target up to {next} ({t}); addendum required. Raise the target through a PK addendum."
    );
    /// R09 of a minimize IKU: a better target is a lower one.
    pub const R09_MINIMIZE: Msg = msg!(
        "IKU {iku} ({unit}, minimal): realisasi s.d. {month} ({r}) sudah mencapai target s.d. {next} ({t}); addendum wajib. Turunkan target melalui addendum PK.",
        "IKU {iku} ({unit}, minimize): realisasi up to {month} ({r}) already reaches the target up to {next} ({t}); addendum required. Lower the target through a PK addendum."
    );
    pub const R10_CHANGED: Msg = msg!(
        "IKU {iku} ({unit}): addendum mengubah {field} {month} ({old} → {new}), padahal bulan itu sudah memiliki realisasi. Batalkan perubahan ini.",
        "IKU {iku} ({unit}): the addendum changes the {field} of {month} ({old} → {new}) although that month already has realisasi. Drop this change."
    );
    pub const R10_REMOVED: Msg = msg!(
        "IKU {iku} ({unit}): addendum menghapus IKU yang sudah memiliki realisasi ({months}). Pertahankan IKU ini.",
        "IKU {iku} ({unit}): the addendum removes an IKU that already has realisasi ({months}). Keep this IKU."
    );
    pub const FIELD_TARGET: Msg = msg!("target", "target");
    pub const FIELD_REALISASI: Msg = msg!("realisasi", "realisasi");
    pub const EMPTY: Msg = msg!("kosong", "empty");
    pub const R11_PARTIAL: Msg = msg!(
        "IKU {iku} ({unit}): jumlah target tahunan IKU turunannya {sum}, tidak sama dengan target tahunannya {t} (selisih {diff}). Nilainya dihitung dari unit di bawahnya, jadi selaraskan target IKU turunan melalui addendum unit masing-masing: {targets}.",
        "IKU {iku} ({unit}): the annual targets of its cascaded IKU add up to {sum}, not to its own annual target {t} (off by {diff}). Its values are rolled up from its child units, so align the child targets through their own units' addenda: {targets}."
    );
    /// One child of a roll-up with its annual target, in [`R11_PARTIAL`].
    pub const R11_CHILD: Msg = msg!("{iku} (target {t})", "{iku} (target {t})");
    pub const R11_FULL: Msg = msg!(
        "IKU {iku} ({unit}): target tahunan {t} tidak sama dengan target tahunan sumbernya {source} ({ts}) pada kaskade penuh. Selaraskan target.",
        "IKU {iku} ({unit}): annual target {t} differs from the annual target of its source {source} ({ts}) in a full cascade. Align the targets."
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_decimal_comma_in_indonesian() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(num_in(Lang::Id, d("1.04"), 2, 4), "1,04");
        assert_eq!(num_in(Lang::En, d("1.04"), 2, 4), "1.04");
        assert_eq!(num_in(Lang::Id, d("1"), 2, 4), "1,00");
        assert_eq!(num_in(Lang::Id, d("14.000"), 0, 2), "14");
        assert_eq!(num_in(Lang::Id, d("1.00995"), 2, 4), "1,01");
        assert_eq!(num_in(Lang::Id, d("102.0933333"), 2, 2), "102,09");
        assert_eq!(num_in(Lang::Id, d("0.125"), 0, 2), "0,13");
    }
}

/// The bounds of a stored number (`domain` §4, `domain::bounds`).
pub mod bounds {
    use crate::text::Msg;

    pub const TOO_LARGE: Msg = msg!(
        "{value} di luar batas: besarnya harus kurang dari 10^15 (1.000.000.000.000.000)",
        "{value} is out of bounds: its magnitude must be below 10^15 (1,000,000,000,000,000)"
    );
    pub const TOO_MANY_DECIMALS: Msg = msg!(
        "{value} di luar batas: paling banyak {max} angka di belakang koma",
        "{value} is out of bounds: at most {max} decimal places"
    );
    /// A change that would store a value beyond the bounds (`domain::change::apply`).
    pub const REFUSED: Msg = msg!(
        "{what}: {reason}. Tidak disimpan.",
        "{what}: {reason}. Not stored."
    );
    pub const STORED: Msg = msg!(
        "{what}: {reason}. Nilai ini tersimpan oleh versi lama; angka yang bergantung padanya tidak dapat dihitung. Perbaiki nilainya.",
        "{what}: {reason}. The value was stored by an older version; the numbers resting on it cannot be computed. Correct the value."
    );
    pub const NOT_COMPUTABLE_OVERFLOW: Msg = msg!(
        "hasilnya terlalu besar untuk dihitung",
        "the result is too large to be computed"
    );
}

/// Completeness of a number (`domain` §11): the mark and the list of what is missing.
pub mod completeness {
    use crate::domain::score::Missing;
    use crate::text::Msg;

    /// The mark after a number that rests on missing realisasi.
    pub const MARK: &str = "*";
    pub const NOTE: Msg = msg!(
        "* belum lengkap: menunggu realisasi {missing}",
        "* incomplete: waiting for the realisasi of {missing}"
    );
    pub const MORE: Msg = msg!("dan {n} lainnya", "and {n} more");
    pub const MISSING_REALISASI: Msg = msg!(
        "IKU {iku} ({unit}): realisasi {month} belum diisi; NKO s.d. {period} belum lengkap. Isi realisasinya.",
        "IKU {iku} ({unit}): the realisasi of {month} is missing; the NKO up to {period} is incomplete. Enter the realisasi."
    );

    /// "KPKNL-A/IKU1 Okt, KPKNL-B/IKU2 Sep dan 3 lainnya": at most `max` entries.
    pub fn list(missing: &[Missing], max: usize) -> String {
        let mut parts: Vec<String> = missing
            .iter()
            .take(max)
            .map(|m| format!("{}/{} {}", m.unit, m.iku, super::month_name(m.month)))
            .collect();
        if missing.len() > max {
            parts.push(MORE.fill(&[("n", &(missing.len() - max))]));
        }
        parts.join(", ")
    }

    /// The number text with the mark when incomplete.
    pub fn marked(text: String, missing: &[Missing]) -> String {
        if missing.is_empty() || text == "–" {
            text
        } else {
            format!("{text}{MARK}")
        }
    }
}

pub const TEXT_TOO_LONG: Msg = crate::msg!(
    "teks terlalu panjang ({len} karakter, paling banyak {max})",
    "text too long ({len} characters, at most {max})"
);
pub const TEXT_FORBIDDEN_CHAR: Msg = crate::msg!(
    "karakter {code} ({what}) di posisi {at} tidak boleh dipakai",
    "the character {code} ({what}) at position {at} is not allowed"
);
pub const TEXT_CONTROL: Msg = crate::msg!("karakter kendali", "a control character");
pub const TEXT_BIDI: Msg = crate::msg!("pengubah arah teks", "a text direction override");
pub const TEXT_NEWLINE: Msg = crate::msg!(
    "pindah baris, tidak boleh di kode atau nama",
    "a line break, not allowed in a code or a name"
);
