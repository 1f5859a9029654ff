//! The domain vocabulary in the user's language: one name per thing, used by the TUI, the CLI and
//! every report format (the JSON keeps the machine spellings of `as_str`).
//!
//! Each domain enum gets a `label()` (the word shown to the user) beside its `as_str()` (the
//! spelling of the formats). [`GLOSSARY`] is what the help screen lists.

use super::{Lang, Msg, lang};
use crate::domain::rulebook::Severity;
use crate::domain::score::Status;
use crate::domain::{
    CascadeKind, CascadeMethod, Consolidation, Control, Level, LocationConsolidation, Perspective,
    Polarity, ReportingPeriod, TargetBasis, Validity,
};

macro_rules! labels {
    ($ty:ty { $($variant:path => ($id:expr, $en:expr)),+ $(,)? }) => {
        impl $ty {
            /// The word for this value in the active language.
            pub fn label(self) -> &'static str {
                self.label_in(lang())
            }
            /// The word for this value in `lang`.
            pub fn label_in(self, lang: Lang) -> &'static str {
                let m: Msg = match self { $($variant => msg!($id, $en)),+ };
                m.get(lang)
            }
        }
    };
}

labels!(crate::domain::k3::K3Label {
    crate::domain::k3::K3Label::SangatBerkualitas => ("sangat berkualitas", "very high quality"),
    crate::domain::k3::K3Label::Berkualitas => ("berkualitas", "good quality"),
    crate::domain::k3::K3Label::CukupBerkualitas => ("cukup berkualitas", "fair quality"),
});
labels!(Level {
    Level::Wide => ("UPK Wide", "UPK Wide"),
    Level::One => ("UPK One", "UPK One"),
    Level::Two => ("UPK Two", "UPK Two"),
    Level::Three => ("UPK Three", "UPK Three"),
});
labels!(Perspective {
    Perspective::Stakeholder => ("Pemangku Kepentingan", "Stakeholder"),
    Perspective::Customer => ("Pelanggan", "Customer"),
    Perspective::InternalProcess => ("Proses Internal", "Internal process"),
    Perspective::LearningGrowth => ("Pembelajaran & Pertumbuhan", "Learning & growth"),
});
labels!(Polarity {
    Polarity::Maximize => ("maksimal", "maximize"),
    Polarity::Minimize => ("minimal", "minimize"),
    Polarity::Stabilize => ("stabil", "stabilize"),
});
labels!(Consolidation {
    Consolidation::Sum => ("jumlah", "sum"),
    Consolidation::Average => ("rata-rata", "average"),
    Consolidation::Last => ("angka terakhir", "last value"),
});
labels!(LocationConsolidation {
    LocationConsolidation::None => ("tidak ada", "none"),
    LocationConsolidation::Sum => ("jumlah", "sum"),
    LocationConsolidation::Average => ("rata-rata", "average"),
    LocationConsolidation::Last => ("angka terakhir", "last value"),
});
labels!(ReportingPeriod {
    ReportingPeriod::Monthly => ("bulanan", "monthly"),
    ReportingPeriod::Quarterly => ("triwulanan", "quarterly"),
    ReportingPeriod::Semester => ("semesteran", "half-yearly"),
    ReportingPeriod::Annual => ("tahunan", "annual"),
});
labels!(Validity {
    Validity::Exact => ("eksak", "exact"),
    Validity::Proxy => ("proksi", "proxy"),
    Validity::Activity => ("aktivitas", "activity"),
});
labels!(Control {
    Control::High => ("tinggi", "high"),
    Control::Moderate => ("sedang", "moderate"),
    Control::Low => ("rendah", "low"),
});
labels!(CascadeMethod {
    CascadeMethod::Direct => ("langsung", "direct"),
    CascadeMethod::Indirect => ("tidak langsung", "indirect"),
});
labels!(CascadeKind {
    CascadeKind::Full => ("penuh", "full"),
    CascadeKind::Partial => ("sebagian", "partial"),
});
labels!(TargetBasis {
    TargetBasis::Normal => ("biasa", "normal"),
    TargetBasis::Law => ("berdasarkan peraturan", "law-based"),
    TargetBasis::Special => ("khusus", "special"),
    TargetBasis::InstitutionMax => ("maksimum institusi", "institution maximum"),
    TargetBasis::Stable => ("tetap", "stable"),
});
labels!(Status {
    Status::Green => ("hijau", "green"),
    Status::Yellow => ("kuning", "yellow"),
    Status::Red => ("merah", "red"),
});
labels!(Severity {
    Severity::Error => ("galat", "error"),
    Severity::Warning => ("peringatan", "warning"),
});

impl Perspective {
    /// The short tag of the tree (`[PK]`).
    pub fn short(self) -> &'static str {
        self.short_in(lang())
    }
    pub fn short_in(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Perspective::Stakeholder, Lang::Id) => "PK",
            (Perspective::Customer, Lang::Id) => "PL",
            (Perspective::InternalProcess, Lang::Id) => "PI",
            (Perspective::LearningGrowth, Lang::Id) => "PP",
            (Perspective::Stakeholder, Lang::En) => "SH",
            (Perspective::Customer, Lang::En) => "CU",
            (Perspective::InternalProcess, Lang::En) => "IP",
            (Perspective::LearningGrowth, Lang::En) => "LG",
        }
    }
}

/// "validity × control" in words ("eksak × rendah").
pub fn validity_control(v: Validity, c: Control) -> String {
    format!("{} × {}", v.label(), c.label())
}

/// One entry of the glossary: a word the screen uses and what it means.
pub struct Entry {
    pub term: Msg,
    pub meaning: Msg,
}

/// The glossary of the help screen: every domain word the screens use, in the active language.
pub const GLOSSARY: &[Entry] = &[
    Entry {
        term: msg!("UPK", "UPK"),
        meaning: msg!(
            "Unit Pemilik Kinerja; level UPK Wide, One, Two, Three",
            "Unit Pemilik Kinerja (performance-owning unit); levels UPK Wide, One, Two, Three"
        ),
    },
    Entry {
        term: msg!("PK", "PK"),
        meaning: msg!(
            "Perjanjian Kinerja: SS, IKU dan target satu unit setahun; berubah lewat addendum",
            "Perjanjian Kinerja (performance agreement): a unit's SS, IKU and targets for a year; changed by an addendum"
        ),
    },
    Entry {
        term: msg!("SS", "SS"),
        meaning: msg!(
            "Sasaran Strategis, di satu perspektif; Nilai SS dari IKU-nya",
            "Sasaran Strategis (strategic objective), in one perspective; its SS value comes from its IKU"
        ),
    },
    Entry {
        term: msg!("IKU", "IKU"),
        meaning: msg!(
            "Indikator Kinerja Utama: target dan realisasi bulanan",
            "Indikator Kinerja Utama (key performance indicator): monthly targets and realisasi"
        ),
    },
    Entry {
        term: msg!("Perspektif", "Perspective"),
        meaning: msg!(
            "PK Pemangku Kepentingan · PL Pelanggan · PI Proses Internal · PP Pembelajaran & Pertumbuhan",
            "SH stakeholder · CU customer · IP internal process · LG learning & growth"
        ),
    },
    Entry {
        term: msg!("Capaian", "Capaian"),
        meaning: msg!(
            "realisasi terhadap target (%), menurut polaritas",
            "realisasi against target (%), by polarity"
        ),
    },
    Entry {
        term: msg!("NKO", "NKO"),
        meaning: msg!(
            "Nilai Kinerja Organisasi: nilai perspektif berbobot; menentukan predikat",
            "Nilai Kinerja Organisasi (organisational score): weighted perspective values; sets the rating"
        ),
    },
    Entry {
        term: msg!("Polaritas", "Polarity"),
        meaning: msg!(
            "maksimal (makin tinggi makin baik) · minimal (makin rendah makin baik) · stabil (sedekat mungkin dengan target)",
            "maximize (higher is better) · minimize (lower is better) · stabilize (as close to the target as possible)"
        ),
    },
    Entry {
        term: msg!("Konsolidasi periode", "Period consolidation"),
        meaning: msg!(
            "jumlah · rata-rata · angka terakhir: cara beberapa bulan menjadi satu angka s.d.",
            "sum · average · last value: how several months make one year-to-date figure"
        ),
    },
    Entry {
        term: msg!("Periode pelaporan", "Reporting period"),
        meaning: msg!(
            "bulanan · triwulanan · semesteran · tahunan",
            "monthly · quarterly · half-yearly · annual"
        ),
    },
    Entry {
        term: msg!("Validitas × kendali", "Validity × control"),
        meaning: msg!(
            "eksak · proksi · aktivitas × tinggi · sedang · rendah (kualitas IKU di K3)",
            "exact · proxy · activity × high · moderate · low (IKU quality in K3)"
        ),
    },
    Entry {
        term: msg!("K3", "K3"),
        meaning: msg!(
            "Kualitas Komitmen Kinerja: kualitas IKU 60 % dan kualitas target 40 %; NKO K3 = NKO × indeks K3",
            "Kualitas Komitmen Kinerja (quality of the performance commitment): IKU quality 60 %, target quality 40 %; NKO K3 = NKO × K3 index"
        ),
    },
    Entry {
        term: msg!("Dibatasi (*)", "Capped (*)"),
        meaning: msg!(
            "poin K3 di atas ambang melewati kuota, dihitung pada ambang",
            "K3 points above the threshold beyond the quota, counted at the threshold"
        ),
    },
    Entry {
        term: msg!("Temuan", "Finding"),
        meaning: msg!(
            "hasil pemeriksaan aturan R01–R11: ! galat, ? peringatan",
            "a result of the rule checks R01–R11: ! error, ? warning"
        ),
    },
    Entry {
        term: msg!("Bulan beku (*)", "Frozen month (*)"),
        meaning: msg!(
            "bulan yang sudah berealisasi: targetnya tidak dapat diubah addendum (R10)",
            "a month that has realisasi: an addendum cannot change its target (R10)"
        ),
    },
    Entry {
        term: msg!("s.d.", "to"),
        meaning: msg!(
            "sampai dengan: angka kumulatif sampai bulan itu",
            "up to and including: the year-to-date figure at that month"
        ),
    },
];
