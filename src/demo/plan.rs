//! The rest of each generated unit's PK (DOMAIN.md §12): its Peta Strategi links, about three
//! Inisiatif Strategis and four to eight lines of Rincian Anggaran.
//!
//! The plans are drawn from the finished dataset with a generator of their own (seeded from the
//! seed and the year), so adding them changes nothing of the SS / IKU a seed gives. Units are
//! walked in code order and every list in a fixed order, so a seed and a year always give the
//! same plans. What is generated passes [`crate::domain::plan::check`] without a problem:
//!
//! * **Links** run from an SS of one perspective to one or two SS of the next perspective above
//!   that the unit has (sometimes also to the one above that), never within a perspective or
//!   downwards, so there is no cycle and no direction warning; every SS above the lowest
//!   perspective has at least one cause.
//! * **IS** serve one or two of the unit's IKU, run from a month in the first third of the year
//!   to one in the second half, with a planned cumulative trajectory (monthly or quarterly, 100 %
//!   at the end month) and the realised % in the reporting months January–September, mostly near
//!   the plan and sometimes behind it (a finding, with a kendala and a tindak lanjut).
//! * **Budget lines** come from the programme of the unit's eselon I (Dukungan Manajemen for
//!   every unit) with a pagu in the size of the unit's level, a planned monthly disbursement that
//!   adds up to the pagu, realisasi for January–September near the plan, now and then a DIPA
//!   revision, and a link to one of the unit's SS or IS. The codes follow the DIPA pattern
//!   `015.<eselon I>.<programme>.<kegiatan>.<output>` **[assumption]**: plausible, not real.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::rng::Rng;
use crate::domain::model::{CodeRef, Dataset, Dec, Level, Perspective};
use crate::domain::plan::{BudgetLine, Inisiatif, PaguRevision, PetaLink, Plans, UnitPlan};

/// The last reporting month of the generated year (as the IKU's realisasi).
const LAST_REPORTED: u8 = 9;

/// A programme of the DIPA: its code suffix and name.
struct Programme {
    code: &'static str,
    name: &'static str,
}

const DUKUNGAN: Programme = Programme {
    code: "WA",
    name: "Program Dukungan Manajemen",
};
const PENERIMAAN: Programme = Programme {
    code: "CC",
    name: "Program Pengelolaan Penerimaan Negara",
};
const BELANJA: Programme = Programme {
    code: "CD",
    name: "Program Pengelolaan Belanja Negara",
};
const PERBENDAHARAAN: Programme = Programme {
    code: "CF",
    name: "Program Pengelolaan Perbendaharaan, Kekayaan Negara, dan Risiko",
};
const FISKAL: Programme = Programme {
    code: "CB",
    name: "Program Kebijakan Fiskal",
};

/// (kegiatan code, kegiatan name, output code, output name).
type Output = (&'static str, &'static str, &'static str, &'static str);

const KEG_DUKMAN: &str = "Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya";

/// The Dukungan Manajemen outputs every unit draws from; the kegiatan code is the eselon I's.
const MANAGEMENT: &[(&str, &str)] = &[
    ("EBA", "Layanan Dukungan Manajemen Internal"),
    ("EBB", "Layanan Sarana dan Prasarana Internal"),
    ("EBC", "Layanan Manajemen SDM Internal"),
    ("EBD", "Layanan Manajemen Kinerja Internal"),
    ("EBE", "Layanan Data dan Informasi"),
];

/// The technical programme of an eselon I and its outputs.
struct Technical {
    es1: &'static str,
    number: &'static str,
    programme: Programme,
    outputs: &'static [Output],
}

#[rustfmt::skip]
const TECHNICAL: &[Technical] = &[
    Technical { es1: "DJP", number: "04", programme: PENERIMAAN, outputs: &[
        ("4230", "Penyuluhan, Pelayanan, dan Hubungan Masyarakat Perpajakan", "QAH", "Layanan Penyuluhan Perpajakan"),
        ("4230", "Penyuluhan, Pelayanan, dan Hubungan Masyarakat Perpajakan", "QAI", "Layanan Pelayanan Wajib Pajak"),
        ("4231", "Pemeriksaan dan Penagihan Pajak", "QMA", "Layanan Pemeriksaan Pajak"),
        ("4231", "Pemeriksaan dan Penagihan Pajak", "QMB", "Layanan Penagihan Pajak"),
        ("4232", "Ekstensifikasi dan Pengawasan Wajib Pajak", "QMC", "Layanan Pengawasan Wajib Pajak"),
        ("4233", "Penegakan Hukum Perpajakan", "QMD", "Layanan Penyidikan Tindak Pidana Perpajakan"),
    ]},
    Technical { es1: "DJBC", number: "05", programme: PENERIMAAN, outputs: &[
        ("4240", "Pelayanan Kepabeanan dan Cukai", "QAH", "Layanan Kepabeanan"),
        ("4240", "Pelayanan Kepabeanan dan Cukai", "QAI", "Layanan Cukai"),
        ("4241", "Pengawasan dan Penindakan Kepabeanan dan Cukai", "QMA", "Layanan Patroli dan Penindakan"),
        ("4242", "Fasilitas Kepabeanan", "QMB", "Layanan Fasilitas Kawasan Berikat"),
        ("4243", "Audit Kepabeanan dan Cukai", "QMC", "Layanan Audit Kepabeanan"),
        ("4244", "Penerimaan dan Perencanaan Kepabeanan dan Cukai", "QMD", "Layanan Pemantauan Penerimaan"),
    ]},
    Technical { es1: "DJA", number: "03", programme: BELANJA, outputs: &[
        ("4220", "Penyusunan dan Penyampaian APBN", "QMA", "Dokumen Nota Keuangan dan RAPBN"),
        ("4221", "Penyusunan Anggaran Belanja Pemerintah Pusat", "QMB", "Layanan Penelaahan RKA-K/L"),
        ("4222", "Pengelolaan PNBP", "QMC", "Layanan Pengelolaan PNBP"),
        ("4223", "Sistem Penganggaran", "QMD", "Layanan Sistem Informasi Penganggaran"),
        ("4224", "Harmonisasi Peraturan Penganggaran", "QME", "Rekomendasi Kebijakan Penganggaran"),
        ("4225", "Anggaran Bagian Anggaran Bendahara Umum Negara", "QMF", "Layanan Pengelolaan Anggaran BUN"),
    ]},
    Technical { es1: "DJPB", number: "06", programme: PERBENDAHARAAN, outputs: &[
        ("4250", "Pembinaan Pelaksanaan Anggaran", "QMA", "Layanan Pencairan Dana APBN"),
        ("4250", "Pembinaan Pelaksanaan Anggaran", "QMB", "Layanan Pembinaan Satker"),
        ("4251", "Pengelolaan Kas Negara", "QMC", "Layanan Pengelolaan Kas Negara"),
        ("4252", "Akuntansi dan Pelaporan Keuangan", "QMD", "Laporan Keuangan Pemerintah Pusat"),
        ("4253", "Pembinaan Badan Layanan Umum", "QME", "Layanan Pembinaan BLU"),
        ("4254", "Penyaluran Dana Transfer ke Daerah", "QMF", "Layanan Penyaluran Dana Desa"),
    ]},
    Technical { es1: "DJKN", number: "07", programme: PERBENDAHARAAN, outputs: &[
        ("4255", "Perumusan Kebijakan dan Pelaksanaan Lelang", "QMA", "Layanan Lelang"),
        ("4256", "Pengelolaan Piutang Negara", "QMB", "Layanan Pengurusan Piutang Negara"),
        ("4257", "Pengelolaan Barang Milik Negara", "QMC", "Layanan Pengelolaan BMN"),
        ("4257", "Pengelolaan Barang Milik Negara", "QMD", "Layanan Sertipikasi BMN Berupa Tanah"),
        ("4258", "Penilaian Kekayaan Negara", "QME", "Layanan Penilaian"),
        ("4259", "Pengelolaan Kekayaan Negara Dipisahkan", "QMF", "Layanan Pengelolaan Kekayaan Negara Dipisahkan"),
    ]},
    Technical { es1: "DJPK", number: "08", programme: BELANJA, outputs: &[
        ("4260", "Pengelolaan Dana Transfer Umum", "QMA", "Layanan Alokasi Dana Alokasi Umum"),
        ("4261", "Pengelolaan Dana Transfer Khusus", "QMB", "Layanan Alokasi Dana Alokasi Khusus"),
        ("4262", "Pengelolaan Dana Bagi Hasil", "QMC", "Layanan Alokasi Dana Bagi Hasil"),
        ("4263", "Pembinaan Keuangan Daerah", "QMD", "Layanan Evaluasi Keuangan Daerah"),
        ("4264", "Pengembangan Pendanaan Daerah", "QME", "Rekomendasi Kebijakan Pendanaan Daerah"),
        ("4265", "Sistem Informasi Keuangan Daerah", "QMF", "Layanan Data Keuangan Daerah"),
    ]},
    Technical { es1: "DJPPR", number: "09", programme: PERBENDAHARAAN, outputs: &[
        ("4270", "Pengelolaan Surat Utang Negara", "QMA", "Layanan Penerbitan SUN"),
        ("4271", "Pengelolaan Pembiayaan Syariah", "QMB", "Layanan Penerbitan SBSN"),
        ("4272", "Pengelolaan Pinjaman dan Hibah", "QMC", "Layanan Pengelolaan Pinjaman"),
        ("4273", "Pengelolaan Risiko Keuangan Negara", "QMD", "Rekomendasi Mitigasi Risiko Keuangan Negara"),
        ("4274", "Evaluasi, Akuntansi, dan Setelmen", "QME", "Layanan Setelmen Pembiayaan"),
        ("4275", "Pengelolaan Dukungan Pemerintah dan Pembiayaan Infrastruktur", "QMF", "Layanan Dukungan Pemerintah"),
    ]},
    Technical { es1: "BKF", number: "10", programme: FISKAL, outputs: &[
        ("4280", "Perumusan Kebijakan Pendapatan Negara", "QMA", "Rekomendasi Kebijakan Pajak"),
        ("4281", "Perumusan Kebijakan Ekonomi Makro", "QMB", "Rekomendasi Asumsi Dasar Ekonomi Makro"),
        ("4282", "Perumusan Kebijakan Sektor Keuangan", "QMC", "Rekomendasi Kebijakan Sektor Keuangan"),
        ("4283", "Perumusan Kebijakan APBN", "QMD", "Rekomendasi Kebijakan APBN"),
        ("4284", "Perumusan Kebijakan Kerja Sama Internasional", "QME", "Rekomendasi Kerja Sama Keuangan Internasional"),
        ("4285", "Perumusan Kebijakan Pembiayaan Perubahan Iklim", "QMF", "Rekomendasi Kebijakan Pembiayaan Iklim"),
    ]},
    Technical { es1: "SETJEN", number: "01", programme: DUKUNGAN, outputs: &[
        ("4200", "Pengelolaan Keuangan dan Barang Milik Negara Kementerian", "EBF", "Laporan Keuangan Kementerian"),
        ("4201", "Pelayanan Hukum dan Bantuan Hukum", "EBG", "Layanan Bantuan Hukum"),
        ("4202", "Pengelolaan Komunikasi Publik", "EBH", "Layanan Hubungan Masyarakat"),
        ("4203", "Pengelolaan Teknologi Informasi dan Komunikasi", "EBI", "Layanan Infrastruktur TIK"),
        ("4204", "Pembinaan Organisasi dan Ketatalaksanaan", "EBJ", "Layanan Organisasi dan Tata Laksana"),
        ("4205", "Pengelolaan Sumber Daya Manusia Kementerian", "EBK", "Layanan Manajemen Talenta"),
    ]},
    Technical { es1: "ITJEN", number: "02", programme: DUKUNGAN, outputs: &[
        ("4210", "Pengawasan Internal Kementerian", "EBF", "Laporan Hasil Audit Kinerja"),
        ("4210", "Pengawasan Internal Kementerian", "EBG", "Laporan Hasil Reviu Laporan Keuangan"),
        ("4211", "Pengawasan dengan Tujuan Tertentu", "EBH", "Laporan Hasil Investigasi"),
        ("4212", "Penjaminan Kualitas Pengawasan", "EBI", "Layanan Penjaminan Kualitas"),
        ("4213", "Pembinaan Manajemen Risiko dan Kepatuhan", "EBJ", "Layanan Konsultansi Manajemen Risiko"),
        ("4214", "Pengawasan Zona Integritas", "EBK", "Layanan Evaluasi Zona Integritas"),
    ]},
    Technical { es1: "BPPK", number: "11", programme: DUKUNGAN, outputs: &[
        ("4290", "Penyelenggaraan Pendidikan dan Pelatihan Keuangan Negara", "EBF", "Layanan Pelatihan Teknis Keuangan"),
        ("4290", "Penyelenggaraan Pendidikan dan Pelatihan Keuangan Negara", "EBG", "Layanan Pelatihan Jarak Jauh"),
        ("4291", "Penyelenggaraan Pendidikan Tinggi Keuangan Negara", "EBH", "Layanan Pendidikan Vokasi"),
        ("4292", "Pengembangan Kurikulum dan Pembelajaran", "EBI", "Layanan Pengembangan Kurikulum"),
        ("4293", "Pengembangan Kompetensi Kepemimpinan", "EBJ", "Layanan Pelatihan Kepemimpinan"),
        ("4294", "Penjaminan Mutu Pembelajaran", "EBK", "Layanan Penjaminan Mutu Pembelajaran"),
    ]},
];

/// An IS's name, output and outcome.
type IsName = (&'static str, &'static str, &'static str);

/// The names of IS, by the perspective of the IKU they serve.
#[rustfmt::skip]
const IS_NAMES: &[(Perspective, &[IsName])] = &[
    (Perspective::Stakeholder, &[
        ("Percepatan pencapaian target kinerja utama melalui pemantauan bulanan", "Dasbor capaian bulanan dan rapat evaluasi kinerja", "Target kinerja utama tercapai tepat waktu"),
        ("Optimalisasi penerimaan dan penyelesaian tunggakan", "Daftar prioritas tunggakan dan rencana penyelesaiannya", "Penerimaan meningkat dan tunggakan menurun"),
        ("Penguatan sinergi dengan kementerian/lembaga dan pemerintah daerah", "Nota kesepahaman dan rencana aksi bersama", "Dukungan pemangku kepentingan terhadap mandat unit"),
    ]),
    (Perspective::Customer, &[
        ("Peningkatan kualitas layanan melalui survei kepuasan pengguna", "Hasil survei kepuasan dan rencana perbaikan layanan", "Indeks kepuasan pengguna layanan meningkat"),
        ("Perluasan layanan daring dan penyederhanaan prosedur", "Layanan daring dengan standar waktu yang dipublikasikan", "Layanan lebih cepat dan mudah diakses"),
        ("Edukasi dan sosialisasi kepada pengguna layanan", "Rangkaian sosialisasi dan materi edukasi", "Pemahaman dan kepatuhan pengguna layanan meningkat"),
    ]),
    (Perspective::InternalProcess, &[
        ("Digitalisasi proses bisnis utama", "Aplikasi pendukung proses bisnis dan SOP yang diperbarui", "Proses bisnis lebih cepat, akurat, dan terdokumentasi"),
        ("Penguatan pengendalian intern dan manajemen risiko", "Peta risiko dan rencana mitigasi yang dipantau triwulanan", "Risiko utama terkendali"),
        ("Percepatan penyelesaian tindak lanjut hasil pemeriksaan", "Matriks tindak lanjut dan bukti penyelesaiannya", "Rekomendasi hasil pemeriksaan selesai ditindaklanjuti"),
    ]),
    (Perspective::LearningGrowth, &[
        ("Pengembangan kompetensi pegawai melalui pelatihan terstruktur", "Rencana pengembangan kompetensi dan pelatihan yang terlaksana", "Kesenjangan kompetensi pegawai berkurang"),
        ("Penguatan budaya kinerja dan integritas", "Program internalisasi nilai dan pembangunan zona integritas", "Budaya kerja berintegritas dan berorientasi hasil"),
        ("Pemutakhiran infrastruktur teknologi informasi", "Perangkat dan jaringan yang diperbarui", "Ketersediaan sistem informasi yang andal"),
    ]),
];

/// (kendala, tindak lanjut) of an IS behind its trajectory.
const KENDALA: &[(&str, &str)] = &[
    (
        "Keterbatasan jumlah pegawai pelaksana",
        "Penugasan pegawai dari seksi lain dan penjadwalan ulang kegiatan",
    ),
    (
        "Data pendukung dari pihak eksternal belum lengkap",
        "Koordinasi dan surat permintaan data kepada instansi terkait",
    ),
    (
        "Pengadaan barang/jasa pendukung terlambat",
        "Percepatan proses pengadaan dan pemantauan mingguan",
    ),
    (
        "Aplikasi pendukung belum stabil",
        "Koordinasi dengan pengelola TIK untuk perbaikan aplikasi",
    ),
    (
        "Revisi anggaran belum disetujui",
        "Pengajuan revisi DIPA dan penyesuaian jadwal kegiatan",
    ),
];

/// The person in charge of an IS at a unit of this level.
fn pic(rng: &mut Rng, level: Level) -> &'static str {
    let options: &[&str] = match level {
        Level::Wide => &[
            "Sekretaris Jenderal",
            "Kepala Biro Perencanaan dan Keuangan",
        ],
        Level::One => &["Sekretaris Direktorat Jenderal", "Direktur Teknis"],
        Level::Two => &[
            "Kepala Bagian Umum",
            "Kepala Bidang",
            "Kepala Subdirektorat",
        ],
        Level::Three => &[
            "Kepala Subbagian Umum",
            "Kepala Seksi",
            "Kepala Seksi Kepatuhan Internal",
        ],
    };
    rng.pick::<&'static str>(options)
}

/// A pagu of one line at a unit of this level, in whole millions of rupiah.
fn pagu_millions(rng: &mut Rng, level: Level) -> i64 {
    match level {
        Level::Wide => rng.range(100_000, 800_000),
        Level::One => rng.range(20_000, 400_000),
        Level::Two => rng.range(1_000, 15_000),
        Level::Three => rng.range(150, 3_000),
    }
}

/// The typical DIPA disbursement curve (share of the pagu per month, in percent): slow in the
/// first months, a peak in December.
const CURVE: [i64; 12] = [4, 6, 7, 8, 8, 9, 8, 8, 9, 9, 10, 14];

const THOUSAND: i64 = 1_000;

/// The eselon I a unit belongs to (itself at level one), if any.
fn eselon1(ds: &Dataset, unit: &str) -> Option<String> {
    std::iter::once(unit.to_string())
        .chain(ds.ancestors(unit))
        .find(|a| ds.units.get(a).map(|u| u.level) == Some(Level::One))
}

fn rank(p: Perspective) -> u8 {
    match p {
        Perspective::LearningGrowth => 0,
        Perspective::InternalProcess => 1,
        Perspective::Customer => 2,
        Perspective::Stakeholder => 3,
    }
}

/// The plans of every unit of `ds`, from `seed` (the seed the dataset was generated with).
pub fn generate_plans(ds: &Dataset, seed: u64) -> Plans {
    let mut rng = Rng::new(
        seed.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .wrapping_add(ds.year as u64)
            .rotate_left(17),
    );
    let mut plans = Plans::new();
    for u in ds.units.values() {
        let mut p = UnitPlan::new(&u.code);
        p.links = links(&mut rng, ds, &u.code);
        p.inisiatif = inisiatif(&mut rng, ds, &u.code, u.level);
        p.anggaran = anggaran(&mut rng, ds, &u.code, u.level, &p);
        p.normalise();
        plans.insert(u.code.clone(), p);
    }
    plans
}

fn links(rng: &mut Rng, ds: &Dataset, unit: &str) -> Vec<PetaLink> {
    // SS codes by perspective rank, lowest first
    let mut by_rank: BTreeMap<u8, Vec<&str>> = BTreeMap::new();
    for k in ds.ss_of(unit) {
        if let Some(s) = ds.ss.get(k) {
            by_rank
                .entry(rank(s.perspective))
                .or_default()
                .push(&s.code);
        }
    }
    let bands: Vec<&Vec<&str>> = by_rank.values().collect();
    let mut out = Vec::new();
    for (i, lower) in bands.iter().enumerate() {
        let Some(upper) = bands.get(i + 1) else {
            break;
        };
        for from in lower.iter() {
            let n = rng.urange(1, 2.min(upper.len()));
            let mut targets: Vec<&str> = upper.to_vec();
            rng.shuffle(&mut targets);
            for to in targets.into_iter().take(n) {
                out.push(link(from, to));
            }
            if let Some(above) = bands.get(i + 2)
                && rng.chance(15)
            {
                out.push(link(from, rng.pick::<&str>(above)));
            }
        }
        // every SS of the band above has a cause
        for to in upper.iter() {
            if !out.iter().any(|l| l.to == *to) {
                out.push(link(rng.pick::<&str>(lower), to));
            }
        }
    }
    out
}

fn link(from: &str, to: &str) -> PetaLink {
    PetaLink {
        from: from.to_string(),
        to: to.to_string(),
    }
}

fn names_for(p: Perspective) -> &'static [IsName] {
    IS_NAMES
        .iter()
        .find(|(q, _)| *q == p)
        .map_or(IS_NAMES[0].1, |(_, n)| n)
}

fn inisiatif(rng: &mut Rng, ds: &Dataset, unit: &str, level: Level) -> Vec<Inisiatif> {
    let ikus: Vec<(&str, Perspective)> = ds
        .iku_of_unit(unit)
        .map(|i| {
            let p = ds
                .ss
                .get(&CodeRef::new(unit, &i.ss))
                .map_or(Perspective::InternalProcess, |s| s.perspective);
            (i.code.as_str(), p)
        })
        .collect();
    if ikus.is_empty() {
        return Vec::new();
    }
    let n = rng.urange(2, 4);
    let mut used_names = Vec::new();
    let mut out = Vec::with_capacity(n);
    for ix in 0..n {
        let (first, persp) = *rng.pick(&ikus);
        let mut iku = vec![first.to_string()];
        if ikus.len() > 1 && rng.chance(40) {
            let (second, _) = *rng.pick(&ikus);
            if second != first {
                iku.push(second.to_string());
            }
        }
        let options = names_for(persp);
        let mut pick = rng.below(options.len() as u64) as usize;
        for _ in 0..options.len() {
            if !used_names.contains(&(persp, pick)) {
                break;
            }
            pick = (pick + 1) % options.len();
        }
        used_names.push((persp, pick));
        let (name, output, outcome) = options[pick];
        let start = rng.range(1, 4) as u8;
        let end = rng.range(6.max(i64::from(start) + 3), 12) as u8;
        let planned = trajectory(rng, start, end);
        let realised = progress(rng, &planned);
        let latest = realised.values().next_back().map(|v| v.0);
        let planned_now = planned
            .range(..=LAST_REPORTED)
            .next_back()
            .map_or(Decimal::ZERO, |(_, v)| v.0);
        let behind = latest.unwrap_or(Decimal::ZERO) < planned_now;
        let status = match latest {
            Some(v) if v >= Decimal::ONE_HUNDRED => "Selesai",
            Some(_) => "Berjalan",
            None => "Belum dimulai",
        };
        let (kendala, tindak_lanjut) = if behind { *rng.pick(KENDALA) } else { ("", "") };
        out.push(Inisiatif {
            code: format!("IS-{:02}", ix + 1),
            name: name.to_string(),
            iku,
            pic: pic(rng, level).to_string(),
            output: output.to_string(),
            outcome: outcome.to_string(),
            start,
            end,
            planned,
            realised,
            status: status.to_string(),
            kendala: kendala.to_string(),
            tindak_lanjut: tindak_lanjut.to_string(),
        });
    }
    out
}

/// A planned cumulative trajectory from `start` to `end`: monthly or at the quarter ends (and
/// the end month), linear, 100 at `end`.
fn trajectory(rng: &mut Rng, start: u8, end: u8) -> BTreeMap<u8, Dec> {
    let monthly = rng.chance(35);
    let span = i64::from(end - start + 1);
    (start..=end)
        .filter(|m| monthly || m % 3 == 0 || *m == end)
        .map(|m| {
            let done = i64::from(m - start + 1);
            (m, Dec(Decimal::from(done * 100 / span)))
        })
        .collect()
}

/// Realised cumulative % at the planned points up to the last reporting month: near the plan,
/// behind it in one IS of about four, never falling and never above 100.
fn progress(rng: &mut Rng, planned: &BTreeMap<u8, Dec>) -> BTreeMap<u8, Dec> {
    let behind = rng.chance(25);
    let mut last = 0i64;
    let mut out = BTreeMap::new();
    for (m, v) in planned.range(..=LAST_REPORTED) {
        let plan = i64::try_from(v.0.trunc().mantissa()).unwrap_or(0);
        let delta = if behind {
            rng.range(-15, -3)
        } else {
            rng.range(0, 5)
        };
        let r = (plan + delta).clamp(last, 100);
        last = r;
        out.insert(*m, Dec(Decimal::from(r)));
    }
    out
}

fn rupiah(thousands: i64) -> Dec {
    Dec(Decimal::from(thousands * THOUSAND))
}

fn anggaran(
    rng: &mut Rng,
    ds: &Dataset,
    unit: &str,
    level: Level,
    plan: &UnitPlan,
) -> Vec<BudgetLine> {
    let es1 = eselon1(ds, unit);
    let tech = TECHNICAL
        .iter()
        .find(|t| es1.as_deref() == Some(t.es1))
        .unwrap_or(&TECHNICAL[8]);
    let n = rng.urange(4, 8);
    let n_mgmt = rng.urange(1, 2);
    let mut mgmt: Vec<usize> = (0..MANAGEMENT.len()).collect();
    rng.shuffle(&mut mgmt);
    let mut technical: Vec<usize> = (0..tech.outputs.len()).collect();
    rng.shuffle(&mut technical);
    let mut chosen: Vec<(&Programme, &str, &str, &str, &str)> = Vec::new();
    let kegiatan_dukman = format!("{}{}", "41", tech.number);
    for i in mgmt.into_iter().take(n_mgmt) {
        let (code, name) = MANAGEMENT[i];
        chosen.push((&DUKUNGAN, "", KEG_DUKMAN, code, name));
    }
    for i in technical.into_iter().take(n - n_mgmt) {
        let (keg, keg_name, code, name) = tech.outputs[i];
        chosen.push((&tech.programme, keg, keg_name, code, name));
    }
    let ss: Vec<&str> = ds
        .ss_of(unit)
        .iter()
        .filter_map(|k| ds.ss.get(k))
        .map(|s| s.code.as_str())
        .collect();
    let mut out = Vec::with_capacity(chosen.len());
    for (prog, keg, keg_name, code, name) in chosen {
        let keg = if keg.is_empty() {
            kegiatan_dukman.as_str()
        } else {
            keg
        };
        let program = format!("015.{}.{}", tech.number, prog.code);
        let pagu_k = pagu_millions(rng, level) * 1_000;
        let revision = rng.chance(12);
        let original_k = if revision {
            pagu_k * rng.range(85, 115) / 100
        } else {
            pagu_k
        };
        // the planned disbursement: the curve, jittered, in thousands; December takes the rest
        let weights: Vec<i64> = CURVE.iter().map(|w| w * 10 + rng.range(-5, 5)).collect();
        let total_w: i64 = weights.iter().sum();
        let mut planned = BTreeMap::new();
        let mut given = 0i64;
        for (i, w) in weights.iter().enumerate() {
            let m = i as u8 + 1;
            let v = if m == 12 {
                pagu_k - given
            } else {
                pagu_k * w / total_w
            };
            given += v;
            planned.insert(m, v);
        }
        let pace = rng.range(80, 105);
        let realisasi = planned
            .range(..=LAST_REPORTED)
            .map(|(m, v)| (*m, rupiah(v * (pace + rng.range(-8, 8)) / 100)))
            .collect();
        let link = match rng.below(100) {
            0..=59 if !ss.is_empty() => Some(rng.pick(&ss).to_string()),
            60..=84 if !plan.inisiatif.is_empty() => Some(rng.pick(&plan.inisiatif).code.clone()),
            _ => None,
        };
        let revisions = if revision {
            let month = rng.range(3, 8) as u32;
            let day = rng.range(1, 28) as u32;
            vec![PaguRevision {
                date: NaiveDate::from_ymd_opt(ds.year, month, day).unwrap_or(NaiveDate::MIN),
                reference: format!("DIPA-015.{}-REV-01", tech.number),
                reason: if pagu_k >= original_k {
                    "Tambahan pagu untuk percepatan kegiatan prioritas".to_string()
                } else {
                    "Penghematan belanja sesuai kebijakan efisiensi anggaran".to_string()
                },
                old: rupiah(original_k),
                new: rupiah(pagu_k),
            }]
        } else {
            Vec::new()
        };
        out.push(BudgetLine {
            code: format!("{program}.{keg}.{code}"),
            program,
            program_name: prog.name.to_string(),
            kegiatan: keg.to_string(),
            kegiatan_name: keg_name.to_string(),
            output: code.to_string(),
            output_name: name.to_string(),
            pagu: rupiah(pagu_k),
            link,
            planned: planned.into_iter().map(|(m, v)| (m, rupiah(v))).collect(),
            realisasi,
            revisions,
        });
    }
    out
}
