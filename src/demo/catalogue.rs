//! The IKU templates every unit draws its own IKU from, and the names of SS.

use crate::domain::model::{Consolidation, Perspective, Polarity, ReportingPeriod};

/// How the values of an IKU behave over the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// An amount per reporting period with two decimals (Rp miliar), consolidated by `sum`.
    Flow,
    /// A whole number per reporting period (dokumen, laporan, bidang), consolidated by `sum`.
    Count,
    /// The same level in every reporting month (indeks, %, hari).
    Level,
    /// A cumulative percentage rising to its year-end value (`last`).
    Progress,
    /// Minimize with target 0 and a worst realisasi (counts of incidents).
    Zero,
}

/// A Manual IKU template. Magnitudes are in hundredths: `lo`/`hi` are the year-end target range
/// of a level-three unit (Flow, Count), the level (Level), the final value (Progress) or the
/// worst realisasi (Zero).
#[derive(Clone, Copy, Debug)]
pub(super) struct Tpl {
    pub(super) name: &'static str,
    pub(super) uom: &'static str,
    pub(super) pol: Polarity,
    pub(super) cons: Consolidation,
    pub(super) rp: ReportingPeriod,
    pub(super) kind: Kind,
    pub(super) lo: i64,
    pub(super) hi: i64,
    pub(super) activity: bool,
    pub(super) quality_or_time: bool,
    pub(super) konversi_120: bool,
    /// Target set by law (UU APBN) at the eselon I.
    pub(super) law: bool,
    pub(super) perspective: Perspective,
    pub(super) source: &'static str,
}

pub(super) use Consolidation::{Average as AVG, Last as LAST, Sum as SUM};
pub(super) use Perspective::{
    Customer as CUS, InternalProcess as IP, LearningGrowth as LG, Stakeholder as STK,
};
pub(super) use Polarity::{Maximize as MAX, Minimize as MIN, Stabilize as STAB};
pub(super) use ReportingPeriod::{Annual as Y, Monthly as M, Quarterly as Q, Semester as S};

#[allow(clippy::too_many_arguments)]
pub(super) const fn t(
    perspective: Perspective,
    name: &'static str,
    uom: &'static str,
    pol: Polarity,
    cons: Consolidation,
    rp: ReportingPeriod,
    kind: Kind,
    lo: i64,
    hi: i64,
    source: &'static str,
) -> Tpl {
    Tpl {
        name,
        uom,
        pol,
        cons,
        rp,
        kind,
        lo,
        hi,
        activity: false,
        quality_or_time: false,
        konversi_120: false,
        law: false,
        perspective,
        source,
    }
}

impl Tpl {
    pub(super) const fn activity(mut self) -> Tpl {
        self.activity = true;
        self
    }
    pub(super) const fn qt(mut self) -> Tpl {
        self.quality_or_time = true;
        self
    }
    pub(super) const fn k120(mut self) -> Tpl {
        self.konversi_120 = true;
        self
    }
    pub(super) const fn law(mut self) -> Tpl {
        self.law = true;
        self
    }
}

/// The templates every unit draws its own IKU from, by perspective.
#[rustfmt::skip]
pub(super) const CATALOGUE: &[Tpl] = &[
    // stakeholder
    t(STK, "Persentase realisasi penerimaan negara terhadap target", "%", MAX, LAST, Q, Kind::Progress, 100_00, 100_00, "Laporan realisasi penerimaan"),
    t(STK, "Indeks kepuasan pemangku kepentingan", "indeks", MAX, LAST, Y, Kind::Level, 4_00, 4_60, "Survei pemangku kepentingan"),
    t(STK, "Persentase rekomendasi BPK yang telah ditindaklanjuti", "%", MAX, LAST, S, Kind::Progress, 85_00, 95_00, "Sistem pemantauan tindak lanjut"),
    t(STK, "Nilai indikator kinerja pelaksanaan anggaran", "indeks", MAX, AVG, Q, Kind::Level, 90_00, 96_00, "Aplikasi OM-SPAN"),
    t(STK, "Persentase penyerapan anggaran sesuai rencana penarikan dana", "%", STAB, LAST, Q, Kind::Progress, 93_00, 97_00, "Aplikasi SAKTI"),
    t(STK, "Nilai PNBP fungsional yang diterima", "Rp miliar", MAX, SUM, M, Kind::Flow, 5_00, 60_00, "Aplikasi SIMPONI"),
    t(STK, "Persentase satuan kerja dengan opini WTP", "%", MAX, LAST, Y, Kind::Level, 100_00, 100_00, "Laporan hasil pemeriksaan BPK").k120(),
    t(STK, "Jumlah kebijakan strategis yang ditetapkan", "dokumen", MAX, SUM, S, Kind::Count, 2_00, 6_00, "Basis data peraturan").activity(),
    t(STK, "Persentase capaian output prioritas nasional", "%", MAX, LAST, Q, Kind::Progress, 95_00, 100_00, "Aplikasi e-Monev"),
    // customer
    t(CUS, "Indeks kepuasan pengguna layanan", "indeks", MAX, AVG, S, Kind::Level, 4_20, 4_70, "Survei kepuasan pengguna layanan"),
    t(CUS, "Persentase layanan yang diselesaikan sesuai SOP", "%", MAX, AVG, M, Kind::Level, 90_00, 98_00, "Aplikasi layanan").qt(),
    t(CUS, "Rata-rata waktu penyelesaian permohonan layanan", "hari", MIN, AVG, M, Kind::Level, 3_00, 10_00, "Aplikasi layanan").qt(),
    t(CUS, "Jumlah pengaduan layanan yang tidak ditindaklanjuti", "pengaduan", MIN, SUM, Q, Kind::Zero, 5_00, 20_00, "Aplikasi pengaduan"),
    t(CUS, "Persentase pengguna yang memanfaatkan layanan daring", "%", MAX, LAST, Q, Kind::Progress, 70_00, 90_00, "Aplikasi layanan daring"),
    t(CUS, "Indeks efektivitas edukasi dan sosialisasi", "indeks", MAX, LAST, S, Kind::Level, 75_00, 85_00, "Survei efektivitas edukasi"),
    t(CUS, "Jumlah kegiatan sosialisasi kepada pengguna layanan", "kegiatan", MAX, SUM, Q, Kind::Count, 4_00, 16_00, "Laporan kegiatan").activity(),
    t(CUS, "Persentase permohonan informasi publik yang dijawab tepat waktu", "%", MAX, AVG, Q, Kind::Level, 92_00, 99_00, "Aplikasi PPID").qt(),
    t(CUS, "Tingkat kepuasan mitra kerja", "indeks", MAX, LAST, Y, Kind::Level, 80_00, 90_00, "Survei mitra kerja"),
    // internal process
    t(IP, "Persentase penyelesaian rekomendasi hasil pengawasan internal", "%", MAX, LAST, Q, Kind::Progress, 90_00, 100_00, "Aplikasi pemantauan tindak lanjut"),
    t(IP, "Rata-rata waktu penyelesaian dokumen kebijakan", "hari", MIN, AVG, Q, Kind::Level, 10_00, 30_00, "Tata naskah dinas elektronik").qt(),
    t(IP, "Persentase keandalan data dan informasi", "%", MAX, AVG, Q, Kind::Level, 90_00, 99_00, "Dasbor kualitas data").qt(),
    t(IP, "Persentase realisasi rencana aksi sesuai jadwal", "%", STAB, AVG, M, Kind::Level, 95_00, 100_00, "Aplikasi rencana aksi"),
    t(IP, "Jumlah laporan analisis yang diselesaikan", "laporan", MAX, SUM, Q, Kind::Count, 4_00, 12_00, "Arsip laporan").activity(),
    t(IP, "Persentase kegiatan manajemen risiko yang dilaksanakan", "%", MAX, LAST, S, Kind::Progress, 100_00, 100_00, "Aplikasi manajemen risiko"),
    t(IP, "Jumlah temuan berulang hasil pemeriksaan", "temuan", MIN, SUM, S, Kind::Zero, 4_00, 10_00, "Laporan hasil pemeriksaan"),
    t(IP, "Tingkat kematangan penerapan manajemen risiko", "indeks", MAX, LAST, Y, Kind::Level, 3_00, 4_00, "Penilaian kematangan risiko"),
    t(IP, "Persentase dokumen yang diselesaikan tepat waktu", "%", MAX, AVG, Q, Kind::Level, 90_00, 98_00, "Tata naskah dinas elektronik").qt(),
    t(IP, "Jumlah dokumen rekomendasi perbaikan proses bisnis", "dokumen", MAX, SUM, S, Kind::Count, 2_00, 6_00, "Arsip dokumen").activity(),
    // learning and growth
    t(LG, "Indeks kesehatan organisasi", "indeks", MAX, LAST, Y, Kind::Level, 70_00, 80_00, "Survei kesehatan organisasi"),
    t(LG, "Persentase pegawai yang memenuhi standar jam pelajaran", "%", MAX, LAST, S, Kind::Progress, 85_00, 100_00, "Aplikasi e-Learning"),
    t(LG, "Persentase implementasi inisiatif strategis transformasi", "%", MAX, LAST, Q, Kind::Progress, 90_00, 100_00, "Laporan transformasi kelembagaan"),
    t(LG, "Tingkat kepatuhan penyampaian LHKPN dan LHKASN", "%", MAX, LAST, Y, Kind::Level, 100_00, 100_00, "Aplikasi e-LHKPN").k120(),
    t(LG, "Persentase kualitas pelaksanaan anggaran", "%", STAB, LAST, Q, Kind::Progress, 94_00, 96_00, "Aplikasi SAKTI"),
    t(LG, "Nilai kinerja anggaran", "indeks", MAX, LAST, S, Kind::Level, 85_00, 95_00, "Aplikasi SMART"),
    t(LG, "Jumlah pegawai yang mengikuti pengembangan kompetensi", "orang", MAX, SUM, Q, Kind::Count, 10_00, 40_00, "Aplikasi kepegawaian").activity(),
    t(LG, "Jumlah hari keterlambatan penyampaian laporan keuangan", "hari", MIN, SUM, Q, Kind::Zero, 5_00, 15_00, "Aplikasi laporan keuangan"),
    t(LG, "Persentase pemenuhan pegawai sesuai formasi", "%", MAX, AVG, S, Kind::Level, 90_00, 98_00, "Aplikasi kepegawaian"),
    t(LG, "Persentase sistem informasi dengan ketersediaan sesuai standar", "%", MAX, AVG, M, Kind::Level, 97_00, 99_50, "Pemantauan layanan TIK").qt(),
];

/// SS names by perspective.
pub(super) const SS_NAMES: &[(Perspective, &str)] = &[
    (STK, "Penerimaan negara yang optimal"),
    (STK, "Kebijakan fiskal yang sehat dan berkelanjutan"),
    (STK, "Pelaksanaan anggaran yang berkualitas"),
    (STK, "Akuntabilitas keuangan negara yang terjaga"),
    (STK, "Kontribusi yang nyata bagi perekonomian daerah"),
    (STK, "Tata kelola keuangan negara yang transparan"),
    (CUS, "Layanan yang prima kepada pengguna jasa"),
    (CUS, "Kepatuhan pengguna layanan yang meningkat"),
    (CUS, "Pemangku kepentingan yang puas"),
    (CUS, "Edukasi publik yang efektif"),
    (CUS, "Kemitraan yang saling menguatkan"),
    (IP, "Proses bisnis yang efektif dan efisien"),
    (IP, "Pengawasan dan pengendalian yang andal"),
    (IP, "Manajemen risiko yang terintegrasi"),
    (IP, "Pengelolaan data dan informasi yang terpadu"),
    (IP, "Perumusan kebijakan yang berkualitas"),
    (IP, "Penegakan hukum yang efektif"),
    (LG, "SDM yang kompetitif dan berintegritas"),
    (LG, "Organisasi yang adaptif dan fit for purpose"),
    (LG, "Sistem informasi yang andal"),
    (LG, "Pengelolaan anggaran yang berkualitas"),
    (LG, "Budaya kinerja yang kuat"),
];
