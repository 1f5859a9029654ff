//! A deterministic generator of realistic `kinerja/1` datasets (issue 6): the whole ministry
//! (about 1,700 units and 25,000 IKU) or one Kanwil DJKN with its KPKNL.
//!
//! Everything comes from a seed through a small splitmix64 generator, and every collection is
//! walked in a fixed order, so the same seed and year always give the same dataset. The
//! generated PKs follow the kmk-300-2022 rules: IKU counts within the limits of each level, a
//! complete trajectory of targets, realisasi only in reporting months (January–September),
//! cascades from ancestor IKU (direct at most two levels below where the chain of direct cascades
//! starts, indirect otherwise), partial cascades whose children's targets add up to the parent's
//! (roll-up by `sum`), and an SS holding a direct-cascaded IKU always holds a non-cascaded one.
//!
//! The generator prints nothing; a caller that wants a progress bar passes a callback to
//! [`generate_with_progress`].

// Magnitudes in the templates are hundredths, written `95_00` for 95.00.
#![allow(clippy::inconsistent_digit_grouping)]

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::domain::model::{
    Cascade, CascadeKind, CascadeMethod, CodeRef, Consolidation, Control, Dataset, Dec, Iku, Level,
    LocationConsolidation, Months, NO_MONTHS, Perspective, Polarity, ReportingPeriod, ScalePoint,
    Ss, TargetBasis, Unit, Validity,
};
use crate::domain::period::annual_target;
use crate::domain::rulebook::Rulebook;

/// The size of a generated dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// One Kanwil DJKN with about eight KPKNL, under DJKN under KEMENKEU.
    Kanwil,
    /// The whole ministry: KEMENKEU, 11 eselon I, ~330 level-two and ~1,350 level-three units.
    Ministry,
}

impl Scale {
    pub const ALL: &'static [Scale] = &[Scale::Kanwil, Scale::Ministry];

    /// The spelling on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Kanwil => "kanwil",
            Scale::Ministry => "ministry",
        }
    }

    /// Reads `kanwil` or `ministry` (any case); `None` for anything else.
    pub fn parse(s: &str) -> Option<Scale> {
        match s.trim().to_ascii_lowercase().as_str() {
            "kanwil" => Some(Scale::Kanwil),
            "ministry" => Some(Scale::Ministry),
            _ => None,
        }
    }

    /// Every accepted spelling, for error messages.
    pub fn spellings() -> String {
        "kanwil | ministry".to_string()
    }
}

impl std::fmt::Display for Scale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The rulebook the generated datasets name.
pub const RULEBOOK: &str = "kmk-300-2022";

/// Generates a dataset of the given scale, seed and year.
pub fn generate(scale: Scale, seed: u64, year: i32) -> Dataset {
    generate_with_progress(scale, seed, year, &mut |_, _| {})
}

/// As [`generate`], calling `progress(done, total)` as units are generated (`total` is the
/// number of units; the last call is `(total, total)`).
pub fn generate_with_progress(
    scale: Scale,
    seed: u64,
    year: i32,
    progress: &mut dyn FnMut(usize, usize),
) -> Dataset {
    let nodes = match scale {
        Scale::Kanwil => kanwil_tree(),
        Scale::Ministry => ministry_tree(&mut Rng::new(seed)),
    };
    Generator::new(nodes, seed, year).run(progress)
}

// ---------------------------------------------------------------------------------------------
// Randomness

/// splitmix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn urange(&mut self, lo: usize, hi: usize) -> usize {
        self.range(lo as i64, hi as i64) as usize
    }
    /// True with the given chance in percent.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            xs.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Names: provinces, places, eselon I and their units

/// Provinces with places (cities and regencies) used for vertical offices.
#[rustfmt::skip]
const PROVINCES: &[(&str, &[&str])] = &[
    ("Aceh", &["Banda Aceh", "Lhokseumawe", "Langsa", "Meulaboh", "Sabang", "Takengon", "Bireuen", "Tapaktuan", "Sigli", "Kutacane"]),
    ("Sumatera Utara", &["Medan", "Binjai", "Pematangsiantar", "Tebing Tinggi", "Kisaran", "Rantauprapat", "Sibolga", "Padangsidimpuan", "Lubuk Pakam", "Tanjung Balai", "Kabanjahe", "Balige", "Gunungsitoli", "Stabat"]),
    ("Sumatera Barat", &["Padang", "Bukittinggi", "Payakumbuh", "Solok", "Sawahlunto", "Pariaman", "Padang Panjang", "Painan"]),
    ("Riau", &["Pekanbaru", "Dumai", "Bengkalis", "Rengat", "Tembilahan", "Bangkinang", "Pangkalan Kerinci", "Bagan Siapiapi", "Siak Sri Indrapura"]),
    ("Kepulauan Riau", &["Batam", "Tanjungpinang", "Tanjung Balai Karimun", "Ranai", "Tanjung Uban", "Dabo Singkep"]),
    ("Jambi", &["Jambi", "Muara Bungo", "Kuala Tungkal", "Sarolangun", "Muara Bulian", "Sungai Penuh"]),
    ("Sumatera Selatan", &["Palembang", "Lubuklinggau", "Prabumulih", "Baturaja", "Lahat", "Muara Enim", "Kayu Agung", "Sekayu", "Pagar Alam"]),
    ("Kepulauan Bangka Belitung", &["Pangkalpinang", "Tanjung Pandan", "Sungailiat", "Muntok", "Toboali"]),
    ("Bengkulu", &["Bengkulu", "Curup", "Manna", "Argamakmur", "Mukomuko"]),
    ("Lampung", &["Bandar Lampung", "Metro", "Kotabumi", "Kalianda", "Pringsewu", "Liwa", "Menggala", "Gunung Sugih"]),
    ("DKI Jakarta", &["Jakarta Menteng", "Jakarta Gambir", "Jakarta Tanah Abang", "Jakarta Kemayoran", "Jakarta Sawah Besar", "Jakarta Cempaka Putih", "Jakarta Senen", "Jakarta Grogol Petamburan", "Jakarta Tambora", "Jakarta Kebon Jeruk", "Jakarta Kembangan", "Jakarta Cengkareng", "Jakarta Kalideres", "Jakarta Palmerah", "Jakarta Kebayoran Baru", "Jakarta Kebayoran Lama", "Jakarta Pancoran", "Jakarta Tebet", "Jakarta Setiabudi", "Jakarta Mampang Prapatan", "Jakarta Pasar Minggu", "Jakarta Cilandak", "Jakarta Jagakarsa", "Jakarta Pesanggrahan", "Jakarta Matraman", "Jakarta Jatinegara", "Jakarta Cakung", "Jakarta Duren Sawit", "Jakarta Kramat Jati", "Jakarta Pulogadung", "Jakarta Pasar Rebo", "Jakarta Koja", "Jakarta Tanjung Priok", "Jakarta Penjaringan", "Jakarta Pademangan", "Jakarta Kelapa Gading"]),
    ("Banten", &["Serang", "Tangerang", "Cilegon", "Tigaraksa", "Pandeglang", "Rangkasbitung", "Serpong", "Ciputat", "Karawaci", "Cikokol"]),
    ("Jawa Barat", &["Bandung", "Bekasi", "Bogor", "Depok", "Cirebon", "Sukabumi", "Tasikmalaya", "Karawang", "Purwakarta", "Garut", "Cianjur", "Subang", "Sumedang", "Kuningan", "Majalengka", "Indramayu", "Cimahi", "Soreang", "Cikarang", "Cibinong", "Ciamis", "Banjar"]),
    ("Jawa Tengah", &["Semarang", "Surakarta", "Magelang", "Salatiga", "Pekalongan", "Tegal", "Purwokerto", "Kudus", "Pati", "Cilacap", "Klaten", "Sukoharjo", "Boyolali", "Kebumen", "Purworejo", "Ungaran", "Kendal", "Blora", "Sragen", "Jepara", "Brebes", "Wonosobo", "Purbalingga", "Karanganyar", "Wonogiri", "Temanggung"]),
    ("DI Yogyakarta", &["Yogyakarta", "Sleman", "Bantul", "Wates", "Wonosari"]),
    ("Jawa Timur", &["Surabaya", "Malang", "Sidoarjo", "Gresik", "Mojokerto", "Kediri", "Madiun", "Jember", "Banyuwangi", "Pasuruan", "Probolinggo", "Blitar", "Tulungagung", "Lumajang", "Bojonegoro", "Tuban", "Lamongan", "Jombang", "Nganjuk", "Ponorogo", "Pamekasan", "Sumenep", "Bangkalan", "Situbondo", "Bondowoso", "Batu", "Ngawi", "Magetan", "Pacitan", "Trenggalek"]),
    ("Bali", &["Denpasar", "Badung", "Gianyar", "Tabanan", "Singaraja", "Negara", "Klungkung", "Bangli", "Amlapura"]),
    ("Nusa Tenggara Barat", &["Mataram", "Praya", "Selong", "Sumbawa Besar", "Bima", "Dompu"]),
    ("Nusa Tenggara Timur", &["Kupang", "Atambua", "Ende", "Maumere", "Waingapu", "Ruteng", "Labuan Bajo", "Kalabahi"]),
    ("Kalimantan Barat", &["Pontianak", "Singkawang", "Sintang", "Ketapang", "Sanggau", "Sambas", "Putussibau", "Mempawah", "Bengkayang", "Ngabang"]),
    ("Kalimantan Tengah", &["Palangka Raya", "Sampit", "Pangkalan Bun", "Muara Teweh", "Kuala Kapuas", "Buntok"]),
    ("Kalimantan Selatan", &["Banjarmasin", "Banjarbaru", "Martapura", "Kotabaru", "Barabai", "Tanjung", "Pelaihari", "Kandangan"]),
    ("Kalimantan Timur", &["Samarinda", "Balikpapan", "Bontang", "Tenggarong", "Tanah Grogot", "Sangatta", "Penajam"]),
    ("Kalimantan Utara", &["Tarakan", "Tanjung Selor", "Nunukan", "Malinau"]),
    ("Sulawesi Utara", &["Manado", "Bitung", "Tomohon", "Kotamobagu", "Tahuna", "Airmadidi"]),
    ("Gorontalo", &["Gorontalo", "Limboto", "Marisa", "Kwandang"]),
    ("Sulawesi Tengah", &["Palu", "Poso", "Luwuk", "Tolitoli", "Donggala", "Ampana"]),
    ("Sulawesi Barat", &["Mamuju", "Majene", "Polewali", "Pasangkayu"]),
    ("Sulawesi Selatan", &["Makassar", "Parepare", "Palopo", "Watampone", "Bulukumba", "Maros", "Sengkang", "Pinrang", "Sidrap", "Jeneponto", "Takalar", "Gowa"]),
    ("Sulawesi Tenggara", &["Kendari", "Baubau", "Kolaka", "Raha", "Unaaha"]),
    ("Maluku", &["Ambon", "Tual", "Masohi", "Namlea", "Saumlaki"]),
    ("Maluku Utara", &["Ternate", "Tidore", "Sofifi", "Tobelo", "Labuha"]),
    ("Papua Barat", &["Manokwari", "Sorong", "Fakfak", "Kaimana", "Bintuni"]),
    ("Papua", &["Jayapura", "Merauke", "Timika", "Biak", "Nabire", "Wamena", "Serui"]),
];

fn places_of(province: &str) -> &'static [&'static str] {
    PROVINCES
        .iter()
        .find(|(p, _)| *p == province)
        .map_or(&[], |(_, places)| places)
}

/// A Kanwil: its name suffix and where its offices are.
struct Kw {
    name: &'static str,
    provinces: &'static [&'static str],
    /// The part (of `parts`) of the provinces' places this Kanwil covers.
    part: usize,
    parts: usize,
    /// Full office names, for Kanwil whose offices are not named after places.
    fixed: &'static [&'static str],
}

const fn kw(name: &'static str, provinces: &'static [&'static str]) -> Kw {
    Kw {
        name,
        provinces,
        part: 0,
        parts: 1,
        fixed: &[],
    }
}
const fn kwp(
    name: &'static str,
    provinces: &'static [&'static str],
    part: usize,
    parts: usize,
) -> Kw {
    Kw {
        name,
        provinces,
        part,
        parts,
        fixed: &[],
    }
}
const fn kwf(name: &'static str, fixed: &'static [&'static str]) -> Kw {
    Kw {
        name,
        provinces: &[],
        part: 0,
        parts: 1,
        fixed,
    }
}

#[rustfmt::skip]
const DJP_KANWIL: &[Kw] = &[
    kw("Aceh", &["Aceh"]),
    kwp("Sumatera Utara I", &["Sumatera Utara"], 0, 2),
    kwp("Sumatera Utara II", &["Sumatera Utara"], 1, 2),
    kw("Riau", &["Riau"]),
    kw("Kepulauan Riau", &["Kepulauan Riau"]),
    kw("Sumatera Barat dan Jambi", &["Sumatera Barat", "Jambi"]),
    kw(
        "Sumatera Selatan dan Kepulauan Bangka Belitung",
        &["Sumatera Selatan", "Kepulauan Bangka Belitung"],
    ),
    kw("Bengkulu dan Lampung", &["Bengkulu", "Lampung"]),
    kwp("Jakarta Pusat", &["DKI Jakarta"], 0, 6),
    kwp("Jakarta Barat", &["DKI Jakarta"], 1, 6),
    kwp("Jakarta Selatan I", &["DKI Jakarta"], 2, 6),
    kwp("Jakarta Selatan II", &["DKI Jakarta"], 3, 6),
    kwp("Jakarta Timur", &["DKI Jakarta"], 4, 6),
    kwp("Jakarta Utara", &["DKI Jakarta"], 5, 6),
    kwf(
        "Jakarta Khusus",
        &[
            "KPP Penanaman Modal Asing Satu",
            "KPP Penanaman Modal Asing Dua",
            "KPP Penanaman Modal Asing Tiga",
            "KPP Penanaman Modal Asing Empat",
            "KPP Penanaman Modal Asing Lima",
            "KPP Penanaman Modal Asing Enam",
            "KPP Badan dan Orang Asing",
            "KPP Perusahaan Masuk Bursa",
        ],
    ),
    kwf(
        "Wajib Pajak Besar",
        &[
            "KPP Wajib Pajak Besar Satu",
            "KPP Wajib Pajak Besar Dua",
            "KPP Wajib Pajak Besar Tiga",
            "KPP Wajib Pajak Besar Empat",
            "KPP Minyak dan Gas Bumi",
        ],
    ),
    kw("Banten", &["Banten"]),
    kwp("Jawa Barat I", &["Jawa Barat"], 0, 3),
    kwp("Jawa Barat II", &["Jawa Barat"], 1, 3),
    kwp("Jawa Barat III", &["Jawa Barat"], 2, 3),
    kwp("Jawa Tengah I", &["Jawa Tengah"], 0, 2),
    kwp("Jawa Tengah II", &["Jawa Tengah"], 1, 2),
    kw("DI Yogyakarta", &["DI Yogyakarta"]),
    kwp("Jawa Timur I", &["Jawa Timur"], 0, 3),
    kwp("Jawa Timur II", &["Jawa Timur"], 1, 3),
    kwp("Jawa Timur III", &["Jawa Timur"], 2, 3),
    kw("Bali", &["Bali"]),
    kw(
        "Nusa Tenggara",
        &["Nusa Tenggara Barat", "Nusa Tenggara Timur"],
    ),
    kw("Kalimantan Barat", &["Kalimantan Barat"]),
    kw(
        "Kalimantan Selatan dan Tengah",
        &["Kalimantan Selatan", "Kalimantan Tengah"],
    ),
    kw(
        "Kalimantan Timur dan Utara",
        &["Kalimantan Timur", "Kalimantan Utara"],
    ),
    kw(
        "Sulawesi Selatan, Barat, dan Tenggara",
        &["Sulawesi Selatan", "Sulawesi Barat", "Sulawesi Tenggara"],
    ),
    kw(
        "Sulawesi Utara, Tengah, Gorontalo, dan Maluku Utara",
        &[
            "Sulawesi Utara",
            "Sulawesi Tengah",
            "Gorontalo",
            "Maluku Utara",
        ],
    ),
    kw(
        "Papua, Papua Barat, dan Maluku",
        &["Papua", "Papua Barat", "Maluku"],
    ),
];

#[rustfmt::skip]
const DJBC_KANWIL: &[Kw] = &[
    kw("Aceh", &["Aceh"]),
    kw("Sumatera Utara", &["Sumatera Utara"]),
    kw("Riau", &["Riau"]),
    kw("Khusus Kepulauan Riau", &["Kepulauan Riau"]),
    kw(
        "Sumatera Bagian Barat",
        &["Sumatera Barat", "Bengkulu", "Lampung"],
    ),
    kw(
        "Sumatera Bagian Timur",
        &["Sumatera Selatan", "Jambi", "Kepulauan Bangka Belitung"],
    ),
    kw("Jakarta", &["DKI Jakarta"]),
    kw("Banten", &["Banten"]),
    kw("Jawa Barat", &["Jawa Barat"]),
    kw(
        "Jawa Tengah dan DI Yogyakarta",
        &["Jawa Tengah", "DI Yogyakarta"],
    ),
    kwp("Jawa Timur I", &["Jawa Timur"], 0, 2),
    kwp("Jawa Timur II", &["Jawa Timur"], 1, 2),
    kw(
        "Bali, NTB, dan NTT",
        &["Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur"],
    ),
    kw(
        "Kalimantan Bagian Barat",
        &["Kalimantan Barat", "Kalimantan Tengah"],
    ),
    kw(
        "Kalimantan Bagian Timur",
        &["Kalimantan Timur", "Kalimantan Selatan", "Kalimantan Utara"],
    ),
    kw(
        "Sulawesi Bagian Selatan",
        &["Sulawesi Selatan", "Sulawesi Barat", "Sulawesi Tenggara"],
    ),
    kw(
        "Sulawesi Bagian Utara",
        &["Sulawesi Utara", "Gorontalo", "Sulawesi Tengah"],
    ),
    kw("Maluku", &["Maluku", "Maluku Utara"]),
    kw("Papua", &["Papua", "Papua Barat"]),
];

#[rustfmt::skip]
const DJKN_KANWIL: &[Kw] = &[
    kw("Aceh", &["Aceh"]),
    kw("Sumatera Utara", &["Sumatera Utara"]),
    kw(
        "Riau, Sumatera Barat, dan Kepulauan Riau",
        &["Riau", "Sumatera Barat", "Kepulauan Riau"],
    ),
    kw(
        "Sumatera Selatan, Jambi, dan Bangka Belitung",
        &["Sumatera Selatan", "Jambi", "Kepulauan Bangka Belitung"],
    ),
    kw("Lampung dan Bengkulu", &["Lampung", "Bengkulu"]),
    kw("Banten", &["Banten"]),
    kw("DKI Jakarta", &["DKI Jakarta"]),
    kw("Jawa Barat", &["Jawa Barat"]),
    kw(
        "Jawa Tengah dan DI Yogyakarta",
        &["Jawa Tengah", "DI Yogyakarta"],
    ),
    kw("Jawa Timur", &["Jawa Timur"]),
    kw("Kalimantan Barat", &["Kalimantan Barat"]),
    kw(
        "Kalimantan Selatan dan Tengah",
        &["Kalimantan Selatan", "Kalimantan Tengah"],
    ),
    kw(
        "Kalimantan Timur dan Utara",
        &["Kalimantan Timur", "Kalimantan Utara"],
    ),
    kw(
        "Sulawesi Selatan, Tenggara, dan Barat",
        &["Sulawesi Selatan", "Sulawesi Tenggara", "Sulawesi Barat"],
    ),
    kw(
        "Sulawesi Utara, Tengah, Gorontalo, dan Maluku Utara",
        &[
            "Sulawesi Utara",
            "Sulawesi Tengah",
            "Gorontalo",
            "Maluku Utara",
        ],
    ),
    kw(
        "Bali dan Nusa Tenggara",
        &["Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur"],
    ),
    kw(
        "Papua, Papua Barat, dan Maluku",
        &["Papua", "Papua Barat", "Maluku"],
    ),
];

#[rustfmt::skip]
const DJPB_KANWIL: &[Kw] = &[
    kw("Provinsi Aceh", &["Aceh"]),
    kw("Provinsi Sumatera Utara", &["Sumatera Utara"]),
    kw("Provinsi Sumatera Barat", &["Sumatera Barat"]),
    kw("Provinsi Riau", &["Riau"]),
    kw("Provinsi Kepulauan Riau", &["Kepulauan Riau"]),
    kw("Provinsi Jambi", &["Jambi"]),
    kw("Provinsi Sumatera Selatan", &["Sumatera Selatan"]),
    kw(
        "Provinsi Kepulauan Bangka Belitung",
        &["Kepulauan Bangka Belitung"],
    ),
    kw("Provinsi Bengkulu", &["Bengkulu"]),
    kw("Provinsi Lampung", &["Lampung"]),
    kw("Provinsi DKI Jakarta", &["DKI Jakarta"]),
    kw("Provinsi Banten", &["Banten"]),
    kw("Provinsi Jawa Barat", &["Jawa Barat"]),
    kw("Provinsi Jawa Tengah", &["Jawa Tengah"]),
    kw("Provinsi DI Yogyakarta", &["DI Yogyakarta"]),
    kw("Provinsi Jawa Timur", &["Jawa Timur"]),
    kw("Provinsi Bali", &["Bali"]),
    kw("Provinsi Nusa Tenggara Barat", &["Nusa Tenggara Barat"]),
    kw("Provinsi Nusa Tenggara Timur", &["Nusa Tenggara Timur"]),
    kw("Provinsi Kalimantan Barat", &["Kalimantan Barat"]),
    kw("Provinsi Kalimantan Tengah", &["Kalimantan Tengah"]),
    kw("Provinsi Kalimantan Selatan", &["Kalimantan Selatan"]),
    kw("Provinsi Kalimantan Timur", &["Kalimantan Timur"]),
    kw("Provinsi Kalimantan Utara", &["Kalimantan Utara"]),
    kw("Provinsi Sulawesi Utara", &["Sulawesi Utara"]),
    kw("Provinsi Gorontalo", &["Gorontalo"]),
    kw("Provinsi Sulawesi Tengah", &["Sulawesi Tengah"]),
    kw("Provinsi Sulawesi Barat", &["Sulawesi Barat"]),
    kw("Provinsi Sulawesi Selatan", &["Sulawesi Selatan"]),
    kw("Provinsi Sulawesi Tenggara", &["Sulawesi Tenggara"]),
    kw("Provinsi Maluku", &["Maluku"]),
    kw("Provinsi Maluku Utara", &["Maluku Utara"]),
    kw("Provinsi Papua Barat", &["Papua Barat"]),
    kw("Provinsi Papua", &["Papua"]),
];

/// The index of Kanwil DJKN Kalimantan Barat in [`DJKN_KANWIL`] (the Kanwil of the source
/// article, used by the kanwil scale).
const KALBAR: usize = 10;

/// The generic extra head-office units an eselon I is filled up with.
const EXTRA_HQ: &[&str] = &[
    "Direktorat Manajemen Risiko",
    "Direktorat Kepatuhan Internal",
    "Direktorat Data dan Analitik",
    "Direktorat Transformasi Digital",
    "Direktorat Hubungan Kelembagaan",
    "Direktorat Harmonisasi Kebijakan",
    "Direktorat Perencanaan Strategis",
    "Direktorat Evaluasi dan Pelaporan Kinerja",
    "Direktorat Sistem Informasi",
    "Direktorat Kerja Sama Internasional",
    "Pusat Pengembangan Kapasitas",
    "Pusat Layanan Terpadu",
    "Direktorat Pengawasan dan Pengendalian",
    "Direktorat Standardisasi dan Bimbingan Teknis",
    "Pusat Pengelolaan Pengetahuan",
    "Pusat Analisis Kebijakan",
    "Direktorat Pengembangan Proses Bisnis",
    "Direktorat Pengelolaan Data Induk",
    "Pusat Komunikasi Publik",
    "Direktorat Penjaminan Kualitas",
];

/// Topics of the level-three units of a head-office unit.
const HQ_TOPICS: &[&str] = &[
    "Perencanaan dan Evaluasi",
    "Kebijakan dan Standardisasi",
    "Data dan Informasi",
    "Pengembangan Sistem",
    "Analisis dan Harmonisasi",
    "Kerja Sama dan Hubungan Kelembagaan",
    "Pemantauan dan Pengendalian",
    "Bimbingan Teknis",
];

const SEKRETARIAT_PARTS: &[&str] = &[
    "Bagian Umum",
    "Bagian Keuangan",
    "Bagian Kepegawaian",
    "Bagian Organisasi dan Tata Laksana",
    "Bagian Perencanaan dan Kepatuhan Internal",
    "Bagian Hukum",
    "Bagian Hubungan Masyarakat",
];

/// One eselon I (UPK One) and how its tree is built.
struct Es1 {
    code: &'static str,
    short: &'static str,
    name: &'static str,
    /// The stakeholder SS that states its mandate.
    mandate: &'static str,
    /// Head-office units (level two), the Sekretariat first.
    hq: &'static [&'static str],
    /// How many head-office units to have (filled up from [`EXTRA_HQ`]).
    hq_count: usize,
    kanwil: &'static [Kw],
    /// Offices per Kanwil (range), their name prefix for the first and the others, and the
    /// suffixes of a second and third office in one place.
    offices: (usize, usize),
    office_first: &'static str,
    office_rest: &'static str,
    repeat: [&'static str; 3],
    /// Vertical level-two units without offices (KPU, PSO, BDK).
    other_vertical: &'static [&'static str],
    /// The IKU of this eselon I that roll up from its units (partial cascade, `sum`).
    rollups: &'static [Tpl],
}

// ---------------------------------------------------------------------------------------------
// IKU templates

/// How the values of an IKU behave over the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
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
struct Tpl {
    name: &'static str,
    uom: &'static str,
    pol: Polarity,
    cons: Consolidation,
    rp: ReportingPeriod,
    kind: Kind,
    lo: i64,
    hi: i64,
    activity: bool,
    quality_or_time: bool,
    konversi_120: bool,
    /// Target set by law (UU APBN) at the eselon I.
    law: bool,
    perspective: Perspective,
    source: &'static str,
}

use Consolidation::{Average as AVG, Last as LAST, Sum as SUM};
use Perspective::{
    Customer as CUS, InternalProcess as IP, LearningGrowth as LG, Stakeholder as STK,
};
use Polarity::{Maximize as MAX, Minimize as MIN, Stabilize as STAB};
use ReportingPeriod::{Annual as Y, Monthly as M, Quarterly as Q, Semester as S};

#[allow(clippy::too_many_arguments)]
const fn t(
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
    const fn activity(mut self) -> Tpl {
        self.activity = true;
        self
    }
    const fn qt(mut self) -> Tpl {
        self.quality_or_time = true;
        self
    }
    const fn k120(mut self) -> Tpl {
        self.konversi_120 = true;
        self
    }
    const fn law(mut self) -> Tpl {
        self.law = true;
        self
    }
}

/// The templates every unit draws its own IKU from, by perspective.
#[rustfmt::skip]
const CATALOGUE: &[Tpl] = &[
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
const SS_NAMES: &[(Perspective, &str)] = &[
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

#[rustfmt::skip]
const ES1: &[Es1] = &[
    Es1 {
        code: "DJP",
        short: "DJP",
        name: "Direktorat Jenderal Pajak",
        mandate: "Penerimaan pajak negara yang optimal",
        hq: &[
            "Sekretariat Direktorat Jenderal Pajak",
            "Direktorat Peraturan Perpajakan I",
            "Direktorat Peraturan Perpajakan II",
            "Direktorat Pemeriksaan dan Penagihan",
            "Direktorat Intelijen Perpajakan",
            "Direktorat Penegakan Hukum",
            "Direktorat Ekstensifikasi dan Penilaian",
            "Direktorat Keberatan dan Banding",
            "Direktorat Potensi, Kepatuhan, dan Penerimaan",
            "Direktorat Penyuluhan, Pelayanan, dan Hubungan Masyarakat",
            "Direktorat Teknologi Informasi dan Komunikasi",
            "Direktorat Transformasi Proses Bisnis",
            "Direktorat Data dan Informasi Perpajakan",
            "Direktorat Perpajakan Internasional",
            "Pusat Pengolahan Data dan Dokumen Perpajakan",
        ],
        hq_count: 28,
        kanwil: DJP_KANWIL,
        offices: (9, 12),
        office_first: "KPP Madya",
        office_rest: "KPP Pratama",
        repeat: ["", " Dua", " Tiga"],
        other_vertical: &[],
        rollups: &[
            t(STK, "Penerimaan pajak", "Rp miliar", MAX, SUM, M, Kind::Flow, 300_00, 3000_00, "Aplikasi MPN Info").law(),
            t(STK, "Pencairan tunggakan pajak", "Rp miliar", MAX, SUM, Q, Kind::Flow, 10_00, 120_00, "Aplikasi penagihan"),
            t(IP, "Jumlah wajib pajak baru yang terdaftar", "wajib pajak", MAX, SUM, Q, Kind::Count, 400_00, 2500_00, "Aplikasi registrasi"),
        ],
    },
    Es1 {
        code: "DJBC",
        short: "DJBC",
        name: "Direktorat Jenderal Bea dan Cukai",
        mandate: "Penerimaan bea dan cukai yang optimal",
        hq: &[
            "Sekretariat Direktorat Jenderal Bea dan Cukai",
            "Direktorat Teknis Kepabeanan",
            "Direktorat Fasilitas Kepabeanan",
            "Direktorat Teknis dan Fasilitas Cukai",
            "Direktorat Penindakan dan Penyidikan",
            "Direktorat Audit Kepabeanan dan Cukai",
            "Direktorat Keberatan, Banding, dan Peraturan",
            "Direktorat Kepabeanan Internasional dan Antar Lembaga",
            "Direktorat Informasi Kepabeanan dan Cukai",
            "Direktorat Kepatuhan Internal",
            "Direktorat Komunikasi dan Bimbingan Pengguna Jasa",
            "Direktorat Strategi Kepabeanan dan Cukai",
            "Balai Laboratorium Bea dan Cukai",
        ],
        hq_count: 24,
        kanwil: DJBC_KANWIL,
        offices: (5, 7),
        office_first: "KPPBC TMP B",
        office_rest: "KPPBC TMP C",
        repeat: ["", " II", " III"],
        other_vertical: &[
            "KPU Bea dan Cukai Tipe A Tanjung Priok",
            "KPU Bea dan Cukai Tipe B Batam",
            "KPU Bea dan Cukai Tipe C Soekarno-Hatta",
            "Pangkalan Sarana Operasi Bea dan Cukai Batam",
            "Pangkalan Sarana Operasi Bea dan Cukai Tanjung Balai Karimun",
            "Pangkalan Sarana Operasi Bea dan Cukai Pantoloan",
            "Pangkalan Sarana Operasi Bea dan Cukai Sorong",
        ],
        rollups: &[
            t(STK, "Penerimaan bea masuk", "Rp miliar", MAX, SUM, M, Kind::Flow, 50_00, 900_00, "Aplikasi CEISA").law(),
            t(STK, "Penerimaan cukai", "Rp miliar", MAX, SUM, M, Kind::Flow, 20_00, 2500_00, "Aplikasi CEISA"),
            t(IP, "Nilai barang hasil penindakan", "Rp miliar", MAX, SUM, Q, Kind::Flow, 2_00, 40_00, "Aplikasi SIPORA"),
        ],
    },
    Es1 {
        code: "DJA",
        short: "DJA",
        name: "Direktorat Jenderal Anggaran",
        mandate: "APBN yang kredibel dan berkelanjutan",
        hq: &[
            "Sekretariat Direktorat Jenderal Anggaran",
            "Direktorat Penyusunan APBN",
            "Direktorat Anggaran Bidang Perekonomian dan Kemaritiman",
            "Direktorat Anggaran Bidang Politik, Hukum, Pertahanan dan Keamanan, dan BA BUN",
            "Direktorat Anggaran Bidang Pembangunan Manusia dan Kebudayaan",
            "Direktorat PNBP Sumber Daya Alam dan Kekayaan Negara Dipisahkan",
            "Direktorat PNBP Kementerian/Lembaga",
            "Direktorat Sistem Penganggaran",
            "Direktorat Harmonisasi Peraturan Penganggaran",
        ],
        hq_count: 16,
        kanwil: &[],
        offices: (0, 0),
        office_first: "",
        office_rest: "",
        repeat: ["", " II", " III"],
        other_vertical: &[],
        rollups: &[
            t(IP, "Jumlah dokumen penelaahan RKA K/L yang diselesaikan", "dokumen", MAX, SUM, Q, Kind::Count, 8_00, 30_00, "Aplikasi SAKTI"),
            t(STK, "Jumlah rekomendasi kebijakan PNBP", "dokumen", MAX, SUM, S, Kind::Count, 2_00, 8_00, "Arsip rekomendasi"),
            t(IP, "Jumlah laporan evaluasi kinerja anggaran", "laporan", MAX, SUM, Q, Kind::Count, 4_00, 12_00, "Aplikasi SMART"),
        ],
    },
    Es1 {
        code: "DJPB",
        short: "DJPb",
        name: "Direktorat Jenderal Perbendaharaan",
        mandate: "Pengelolaan perbendaharaan negara yang akuntabel",
        hq: &[
            "Sekretariat Direktorat Jenderal Perbendaharaan",
            "Direktorat Pelaksanaan Anggaran",
            "Direktorat Pengelolaan Kas Negara",
            "Direktorat Sistem Perbendaharaan",
            "Direktorat Akuntansi dan Pelaporan Keuangan",
            "Direktorat Sistem Informasi dan Teknologi Perbendaharaan",
            "Direktorat Pembinaan Pengelolaan Keuangan BLU",
            "Direktorat Transformasi Perbendaharaan",
            "Direktorat Pengelolaan Perbendaharaan Daerah",
        ],
        hq_count: 22,
        kanwil: DJPB_KANWIL,
        offices: (4, 7),
        office_first: "KPPN",
        office_rest: "KPPN",
        repeat: ["", " II", " III"],
        other_vertical: &[],
        rollups: &[
            t(IP, "Jumlah SP2D yang diterbitkan tepat waktu", "dokumen", MAX, SUM, M, Kind::Count, 2000_00, 9000_00, "Aplikasi SPAN"),
            t(STK, "Nilai penyaluran dana desa", "Rp miliar", MAX, SUM, Q, Kind::Flow, 50_00, 400_00, "Aplikasi OM-SPAN"),
            t(IP, "Jumlah laporan keuangan satker yang direviu", "laporan", MAX, SUM, S, Kind::Count, 40_00, 200_00, "Aplikasi SAKTI"),
        ],
    },
    Es1 {
        code: "DJKN",
        short: "DJKN",
        name: "Direktorat Jenderal Kekayaan Negara",
        mandate: "Pengelolaan kekayaan negara yang optimal",
        hq: &[
            "Sekretariat Direktorat Jenderal Kekayaan Negara",
            "Direktorat Barang Milik Negara",
            "Direktorat Kekayaan Negara Dipisahkan",
            "Direktorat Penilaian",
            "Direktorat Lelang",
            "Direktorat Piutang Negara dan Kekayaan Negara Lain-lain",
            "Direktorat Hukum dan Hubungan Masyarakat",
            "Direktorat Perumusan Kebijakan Kekayaan Negara",
            "Direktorat Transformasi dan Sistem Informasi",
        ],
        hq_count: 18,
        kanwil: DJKN_KANWIL,
        offices: (3, 6),
        office_first: "KPKNL",
        office_rest: "KPKNL",
        repeat: ["", " II", " III"],
        other_vertical: &[],
        rollups: &[
            t(STK, "Pokok lelang", "Rp miliar", MAX, SUM, Q, Kind::Flow, 40_00, 400_00, "Aplikasi lelang"),
            t(STK, "PNBP dari pengelolaan kekayaan negara", "Rp miliar", MAX, SUM, Q, Kind::Flow, 5_00, 60_00, "Aplikasi SIMAN"),
            t(STK, "Piutang negara yang dapat diselesaikan", "Rp miliar", MAX, SUM, Q, Kind::Flow, 2_00, 30_00, "Aplikasi Focus"),
            t(IP, "Jumlah bidang tanah BMN yang bersertipikat", "bidang", MAX, SUM, S, Kind::Count, 20_00, 300_00, "Aplikasi SIMAN"),
        ],
    },
    Es1 {
        code: "DJPK",
        short: "DJPK",
        name: "Direktorat Jenderal Perimbangan Keuangan",
        mandate: "Hubungan keuangan pusat dan daerah yang adil dan selaras",
        hq: &[
            "Sekretariat Direktorat Jenderal Perimbangan Keuangan",
            "Direktorat Dana Transfer Umum",
            "Direktorat Dana Transfer Khusus",
            "Direktorat Pembiayaan dan Kapasitas Daerah",
            "Direktorat Pajak Daerah dan Retribusi Daerah",
            "Direktorat Evaluasi Pengelolaan dan Informasi Keuangan Daerah",
        ],
        hq_count: 14,
        kanwil: &[],
        offices: (0, 0),
        office_first: "",
        office_rest: "",
        repeat: ["", " II", " III"],
        other_vertical: &[],
        rollups: &[
            t(STK, "Nilai transfer ke daerah yang disalurkan tepat waktu", "Rp miliar", MAX, SUM, Q, Kind::Flow, 500_00, 5000_00, "Aplikasi SIKD"),
            t(IP, "Jumlah rancangan perda PDRD yang dievaluasi", "dokumen", MAX, SUM, Q, Kind::Count, 20_00, 80_00, "Aplikasi SIMPDRD"),
        ],
    },
    Es1 {
        code: "DJPPR",
        short: "DJPPR",
        name: "Direktorat Jenderal Pengelolaan Pembiayaan dan Risiko",
        mandate: "Pembiayaan APBN yang aman dan efisien",
        hq: &[
            "Sekretariat Direktorat Jenderal Pengelolaan Pembiayaan dan Risiko",
            "Direktorat Surat Utang Negara",
            "Direktorat Pembiayaan Syariah",
            "Direktorat Pinjaman dan Hibah",
            "Direktorat Strategi dan Portofolio Pembiayaan",
            "Direktorat Evaluasi, Akuntansi, dan Setelmen",
            "Direktorat Pengelolaan Dukungan Pemerintah dan Pembiayaan Infrastruktur",
            "Direktorat Pengelolaan Risiko Keuangan Negara",
        ],
        hq_count: 14,
        kanwil: &[],
        offices: (0, 0),
        office_first: "",
        office_rest: "",
        repeat: ["", " II", " III"],
        other_vertical: &[],
        rollups: &[
            t(STK, "Penerbitan SBN neto", "Rp miliar", MAX, SUM, M, Kind::Flow, 1000_00, 9000_00, "Sistem setelmen SBN"),
            t(IP, "Jumlah perjanjian pinjaman yang ditandatangani", "dokumen", MAX, SUM, S, Kind::Count, 2_00, 10_00, "Arsip perjanjian"),
        ],
    },
    Es1 {
        code: "BKF",
        short: "BKF",
        name: "Badan Kebijakan Fiskal",
        mandate: "Kebijakan fiskal yang kredibel",
        hq: &[
            "Sekretariat Badan Kebijakan Fiskal",
            "Pusat Kebijakan Ekonomi Makro",
            "Pusat Kebijakan APBN",
            "Pusat Kebijakan Pendapatan Negara",
            "Pusat Kebijakan Sektor Keuangan",
            "Pusat Kebijakan Pembiayaan Perubahan Iklim dan Multilateral",
            "Pusat Kebijakan Regional dan Bilateral",
        ],
        hq_count: 12,
        kanwil: &[],
        offices: (0, 0),
        office_first: "",
        office_rest: "",
        repeat: ["", " II", " III"],
        other_vertical: &[],
        rollups: &[
            t(STK, "Jumlah rekomendasi kebijakan fiskal", "dokumen", MAX, SUM, Q, Kind::Count, 4_00, 16_00, "Arsip rekomendasi"),
            t(IP, "Jumlah kajian kebijakan yang diselesaikan", "laporan", MAX, SUM, S, Kind::Count, 2_00, 8_00, "Arsip kajian"),
        ],
    },
    Es1 {
        code: "SETJEN",
        short: "Setjen",
        name: "Sekretariat Jenderal",
        mandate: "Dukungan manajemen yang andal bagi Kementerian Keuangan",
        hq: &[
            "Biro Perencanaan dan Keuangan",
            "Biro Organisasi dan Ketatalaksanaan",
            "Biro Sumber Daya Manusia",
            "Biro Hukum",
            "Biro Advokasi",
            "Biro Komunikasi dan Layanan Informasi",
            "Biro Umum",
            "Biro Manajemen Barang Milik Negara dan Pengadaan",
            "Pusat Sistem Informasi dan Teknologi Keuangan",
            "Pusat Pembinaan Profesi Keuangan",
            "Pusat Analisis dan Harmonisasi Kebijakan",
            "Pusat Layanan Pengadaan Secara Elektronik",
            "Pusat Kepatuhan Internal Kementerian",
        ],
        hq_count: 28,
        kanwil: &[],
        offices: (0, 0),
        office_first: "",
        office_rest: "",
        repeat: ["", " II", " III"],
        other_vertical: &[],
        rollups: &[
            t(IP, "Jumlah rancangan peraturan yang diselesaikan", "dokumen", MAX, SUM, Q, Kind::Count, 4_00, 20_00, "Basis data peraturan"),
            t(CUS, "Jumlah layanan informasi publik yang diselesaikan", "dokumen", MAX, SUM, M, Kind::Count, 30_00, 150_00, "Aplikasi PPID"),
            t(STK, "Nilai pengadaan barang/jasa yang diselesaikan", "Rp miliar", MAX, SUM, Q, Kind::Flow, 5_00, 80_00, "Aplikasi SPSE"),
        ],
    },
    Es1 {
        code: "ITJEN",
        short: "Itjen",
        name: "Inspektorat Jenderal",
        mandate: "Pengawasan intern yang efektif",
        hq: &[
            "Sekretariat Inspektorat Jenderal",
            "Inspektorat I",
            "Inspektorat II",
            "Inspektorat III",
            "Inspektorat IV",
            "Inspektorat V",
            "Inspektorat VI",
            "Inspektorat VII",
            "Inspektorat Bidang Investigasi",
        ],
        hq_count: 14,
        kanwil: &[],
        offices: (0, 0),
        office_first: "",
        office_rest: "",
        repeat: ["", " II", " III"],
        other_vertical: &[],
        rollups: &[
            t(STK, "Jumlah laporan hasil pengawasan", "laporan", MAX, SUM, Q, Kind::Count, 6_00, 24_00, "Aplikasi SIMWAS"),
            t(IP, "Nilai temuan pengawasan yang ditindaklanjuti", "Rp miliar", MAX, SUM, S, Kind::Flow, 1_00, 20_00, "Aplikasi SIMWAS"),
        ],
    },
    Es1 {
        code: "BPPK",
        short: "BPPK",
        name: "Badan Pendidikan dan Pelatihan Keuangan",
        mandate: "SDM keuangan negara yang kompeten",
        hq: &[
            "Sekretariat Badan Pendidikan dan Pelatihan Keuangan",
            "Pusdiklat Pengembangan Sumber Daya Manusia",
            "Pusdiklat Anggaran dan Perbendaharaan",
            "Pusdiklat Pajak",
            "Pusdiklat Bea dan Cukai",
            "Pusdiklat Kekayaan Negara dan Perimbangan Keuangan",
            "Pusdiklat Keuangan Umum",
            "Politeknik Keuangan Negara STAN",
        ],
        hq_count: 18,
        kanwil: &[],
        offices: (0, 0),
        office_first: "",
        office_rest: "",
        repeat: ["", " II", " III"],
        other_vertical: &[
            "Balai Diklat Keuangan Medan",
            "Balai Diklat Keuangan Pekanbaru",
            "Balai Diklat Keuangan Palembang",
            "Balai Diklat Keuangan Cimahi",
            "Balai Diklat Keuangan Yogyakarta",
            "Balai Diklat Keuangan Malang",
            "Balai Diklat Keuangan Denpasar",
            "Balai Diklat Keuangan Balikpapan",
            "Balai Diklat Keuangan Makassar",
            "Balai Diklat Keuangan Manado",
        ],
        rollups: &[
            t(CUS, "Jumlah peserta pembelajaran yang lulus", "orang", MAX, SUM, Q, Kind::Count, 100_00, 800_00, "Aplikasi SIMDIKLAT"),
            t(IP, "Jumlah program pembelajaran yang diselenggarakan", "program", MAX, SUM, Q, Kind::Count, 6_00, 30_00, "Aplikasi SIMDIKLAT"),
        ],
    },
];

const WIDE_CODE: &str = "KEMENKEU";
const WIDE_NAME: &str = "Kementerian Keuangan";
const WIDE_MANDATE: &str = "Pengelolaan keuangan negara yang sehat, kredibel, dan berkelanjutan";

// ---------------------------------------------------------------------------------------------
// The unit tree

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Wide,
    Es1,
    Kanwil,
    OtherVertical,
    Hq,
    Office,
    HqPart,
}

struct Node {
    code: String,
    name: String,
    level: Level,
    parent: Option<usize>,
    depth: usize,
    children: Vec<usize>,
    es1: Option<usize>,
    role: Role,
}

/// Units in preorder (a parent before its children), names kept unique.
#[derive(Default)]
struct Tree {
    nodes: Vec<Node>,
    names: BTreeSet<String>,
}

impl Tree {
    fn add(
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

    fn add_es1(&mut self, root: usize, e: usize) -> usize {
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

    fn add_kanwil(&mut self, one: usize, e: usize, k: usize, offices: usize) {
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

    fn add_hq(&mut self, rng: &mut Rng, one: usize, e: usize) {
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
fn short_of(name: &str) -> String {
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

fn ministry_tree(rng: &mut Rng) -> Vec<Node> {
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

fn kanwil_tree() -> Vec<Node> {
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

// ---------------------------------------------------------------------------------------------
// The PKs

/// What the generator remembers of an IKU beyond the IKU itself.
#[derive(Clone, Debug)]
struct Meta {
    perspective: Perspective,
    kind: Kind,
    lo: i64,
    hi: i64,
    /// Depth of the unit where this IKU's chain of direct cascades starts (R02).
    origin_depth: usize,
    /// Child units that receive a partial cascade of this IKU (it rolls them up).
    rollup_to: Vec<usize>,
    /// The (unit, IKU index) of those children, once built.
    rollup_children: Vec<(usize, usize)>,
    /// Cascaded fully (same target) to every child unit.
    full_down: bool,
    /// Cascaded indirectly to some grandchild units.
    indirect_down: bool,
    cascaded: bool,
    activity: bool,
}

#[derive(Default)]
struct Built {
    ss: Vec<Ss>,
    iku: Vec<Iku>,
    meta: Vec<Meta>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum How {
    RollUp,
    Full,
    Indirect,
}

#[derive(Clone, Copy, Debug)]
struct Incoming {
    unit: usize,
    iku: usize,
    how: How,
}

struct Item {
    iku: Iku,
    meta: Meta,
    link: Option<Incoming>,
}

struct SsPlan {
    perspective: Perspective,
    name: Option<String>,
    from: Option<CodeRef>,
    anchors: Vec<Item>,
    cascaded: Vec<Item>,
    extras: Vec<Item>,
}

impl SsPlan {
    fn len(&self) -> usize {
        self.anchors.len() + self.cascaded.len() + self.extras.len()
    }
}

const PERSPECTIVES: [Perspective; 4] = [STK, CUS, IP, LG];

/// Capaian band an IKU's realisasi is drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Band {
    Green,
    Yellow,
    Red,
}

struct Generator {
    nodes: Vec<Node>,
    rng: Rng,
    year: i32,
    limits: [(usize, usize); 4],
    built: Vec<Built>,
}

fn level_index(l: Level) -> usize {
    match l {
        Level::Wide => 0,
        Level::One => 1,
        Level::Two => 2,
        Level::Three => 3,
    }
}

/// Cents to a decimal with at most two places.
fn dec(cents: i64) -> Decimal {
    Decimal::new(cents, 2).normalize()
}

/// A decimal (at most two places) to cents.
fn cents(d: Decimal) -> i64 {
    let mut x = d.round_dp(2);
    x.rescale(2);
    i64::try_from(x.mantissa()).unwrap_or(0)
}

impl Generator {
    fn new(nodes: Vec<Node>, seed: u64, year: i32) -> Generator {
        let rb = Rulebook::default_rulebook();
        let lim = |l: Level, d: (usize, usize)| {
            rb.iku_limits(l)
                .map_or(d, |(a, b)| (a as usize, b as usize))
        };
        let limits = [
            (8, 12),
            lim(Level::One, (15, 20)),
            lim(Level::Two, (10, 20)),
            lim(Level::Three, (10, 20)),
        ];
        let n = nodes.len();
        Generator {
            nodes,
            rng: Rng::new(
                seed.wrapping_mul(0x2545_F491_4F6C_DD1D)
                    .wrapping_add(year as u64),
            ),
            year,
            limits,
            built: (0..n).map(|_| Built::default()).collect(),
        }
    }

    fn run(mut self, progress: &mut dyn FnMut(usize, usize)) -> Dataset {
        let total = self.nodes.len();
        progress(0, total);
        for u in 0..total {
            self.build_unit(u);
            progress(u + 1, total);
        }
        self.roll_up();
        let mut units = Vec::with_capacity(total);
        let mut ss = Vec::new();
        let mut iku = Vec::new();
        let mut rng = Rng::new(self.rng.next());
        for (u, b) in self.nodes.iter().zip(self.built) {
            let present: Vec<Perspective> = PERSPECTIVES
                .iter()
                .copied()
                .filter(|p| b.ss.iter().any(|s| s.perspective == *p))
                .collect();
            let perspective_weights = if rng.chance(30) {
                let options: &[&[i64]] = if present.len() == 4 {
                    &[
                        &[30, 20, 25, 25],
                        &[35, 15, 25, 25],
                        &[25, 25, 25, 25],
                        &[30, 20, 30, 20],
                    ]
                } else {
                    &[&[35, 40, 25], &[40, 35, 25], &[30, 40, 30]]
                };
                let w = rng.pick(options);
                present
                    .iter()
                    .zip(w.iter())
                    .map(|(p, w)| (*p, Dec(Decimal::from(*w))))
                    .collect()
            } else {
                Default::default()
            };
            units.push(Unit {
                code: u.code.clone(),
                name: u.name.clone(),
                level: u.level,
                parent: u.parent.map(|p| self.nodes[p].code.clone()),
                perspective_weights,
            });
            ss.extend(b.ss);
            iku.extend(b.iku);
        }
        Dataset::from_parts(self.year, RULEBOOK, units, ss, iku, Vec::new())
    }

    /// Builds the Peta Strategi and IKU of unit `u` (its ancestors are built).
    fn build_unit(&mut self, u: usize) {
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
        let mut own_rollups: Vec<Tpl> = match node.es1 {
            Some(e) if !rollup_units.is_empty() => ES1[e].rollups.to_vec(),
            _ => Vec::new(),
        };

        // How many SS and IKU.
        let (slo, shi) = match level {
            Level::Wide => (2, 2),
            Level::One => (3, 4),
            Level::Two | Level::Three => (2, 3),
        };
        let mut counts: Vec<usize> = persps
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
        let leftover_rollups = |counts: &[usize]| -> usize {
            persps
                .iter()
                .zip(counts)
                .map(|(p, c)| {
                    own_rollups
                        .iter()
                        .filter(|t| {
                            t.perspective == *p || (!persps.contains(&t.perspective) && *p == IP)
                        })
                        .count()
                        .saturating_sub(*c)
                })
                .sum()
        };
        while counts.iter().sum::<usize>() + incoming.len() + leftover_rollups(&counts) > ihi {
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
        let needed = counts.iter().sum::<usize>() + incoming.len() + leftover_rollups(&counts);
        let n = drawn.max(needed).max(ilo).min(ihi);

        let mut plans: Vec<SsPlan> = Vec::new();
        for (p, c) in persps.iter().zip(&counts) {
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
        let of_perspective = |plans: &[SsPlan], p: Perspective| -> Vec<usize> {
            (0..plans.len())
                .filter(|i| plans[*i].perspective == p)
                .collect()
        };
        let fallback = |p: Perspective| if persps.contains(&p) { p } else { IP };

        // Place the cascaded IKU; the SS that first takes one is cascaded from the source's SS.
        let mut used: BTreeSet<String> = incoming_names;
        let mut linked: BTreeSet<CodeRef> = BTreeSet::new();
        let mut rr = [0usize; 4];
        for inc in &incoming {
            let src_meta = self.built[inc.unit].meta[inc.iku].clone();
            let p = fallback(src_meta.perspective);
            let slots = of_perspective(&plans, p);
            let k = &mut rr[PERSPECTIVES.iter().position(|x| *x == p).unwrap_or(0)];
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

        // Names of the other SS.
        let mut ss_names: BTreeSet<String> = plans.iter().filter_map(|s| s.name.clone()).collect();
        let mandate = match (level, self.nodes[u].es1) {
            (Level::Wide, _) => Some(WIDE_MANDATE),
            (Level::One, Some(e)) => Some(ES1[e].mandate),
            _ => None,
        };
        // The first stakeholder SS of KEMENKEU and of an eselon I states its mandate.
        if let (Some(m), Some(first)) = (mandate, of_perspective(&plans, STK).first()) {
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

        // Anchors: every SS opens with a non-cascaded, non-activity IKU (R03, R05).
        for plan in plans.iter_mut() {
            let p = plan.perspective;
            let item = if let Some(pos) = own_rollups
                .iter()
                .position(|t| fallback(t.perspective) == p)
            {
                let tpl = own_rollups.remove(pos);
                used.insert(tpl.name.to_string());
                self.own_item(u, &tpl, p, rollup_units.clone())
            } else {
                let tpl = self.pick_template(&used, p, false);
                used.insert(tpl.name.to_string());
                self.own_item(u, &tpl, p, Vec::new())
            };
            plan.anchors.push(item);
        }
        for tpl in std::mem::take(&mut own_rollups) {
            let p = fallback(tpl.perspective);
            let slots = of_perspective(&plans, p);
            let s = *self.rng.pick(&slots);
            used.insert(tpl.name.to_string());
            let item = self.own_item(u, &tpl, p, rollup_units.clone());
            plans[s].extras.push(item);
        }
        // Extras up to n.
        let mut have: usize = plans.iter().map(SsPlan::len).sum();
        while have < n {
            let p = *self.rng.pick(&persps);
            let tpl = self.pick_template(&used, p, true);
            used.insert(tpl.name.to_string());
            let p = fallback(tpl.perspective);
            let slots = of_perspective(&plans, p);
            let s = *self.rng.pick(&slots);
            let item = self.own_item(u, &tpl, p, Vec::new());
            plans[s].extras.push(item);
            have += 1;
        }

        // Codes, weights, and the flags for the units below.
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
            by_perspective[PERSPECTIVES
                .iter()
                .position(|x| *x == plan.perspective)
                .unwrap_or(0)]
            .push(built.ss.len());
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
        if !self.nodes[u].children.is_empty() {
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
        for (l, idx) in links {
            if l.how == How::RollUp {
                self.built[l.unit].meta[l.iku]
                    .rollup_children
                    .push((u, idx));
            }
        }
        self.built[u] = built;
    }

    /// A template of perspective `p` not used in this unit yet (any perspective when `p` has
    /// none left). Activity templates only when `activity_ok`.
    fn pick_template(&mut self, used: &BTreeSet<String>, p: Perspective, activity_ok: bool) -> Tpl {
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
    fn own_item(&mut self, u: usize, tpl: &Tpl, p: Perspective, rollup_to: Vec<usize>) -> Item {
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
    fn child_item(&mut self, u: usize, inc: Incoming, src_meta: &Meta) -> Item {
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
    fn base_iku(&mut self, u: usize, tpl: &Tpl) -> Iku {
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
    fn validity_control(&mut self) -> (Validity, Control) {
        match self.rng.below(100) {
            0..45 => (Validity::Proxy, Control::Moderate),
            45..60 => (Validity::Proxy, Control::High),
            60..70 => (Validity::Proxy, Control::Low),
            70..90 => (Validity::Exact, Control::Moderate),
            _ => (Validity::Exact, Control::Low),
        }
    }

    fn responsible(&mut self, u: usize) -> String {
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

    /// Targets, realisasi and previous-year facts of an IKU with its own values.
    fn fill_values(&mut self, u: usize, iku: &mut Iku, kind: Kind, lo: i64, hi: i64) {
        let size = match self.nodes[u].level {
            Level::Wide => 200_000,
            Level::One => 40_000,
            Level::Two => 6_000,
            Level::Three => 1_000,
        } * self.rng.range(600, 1600)
            / 1000;
        let rp = iku.reporting_period;
        let k = rp.months().len() as i64;
        let mut targets = NO_MONTHS;
        match kind {
            Kind::Flow | Kind::Count => {
                let whole = kind == Kind::Count;
                let mut annual = self.rng.range(lo, hi) * size / 1000;
                if whole {
                    annual = (annual / 100).max(k) * 100;
                } else {
                    annual = annual.max(k * 100);
                }
                let w: Vec<i64> = (0..k).map(|_| self.rng.range(85, 115)).collect();
                let sum_w: i64 = w.iter().sum();
                let mut left = annual;
                for (i, m) in rp.months().iter().enumerate() {
                    let mut v = if i as i64 == k - 1 {
                        left
                    } else {
                        annual * w[i] / sum_w
                    };
                    if whole {
                        v = (v / 100).max(1) * 100;
                    }
                    let v = v.max(if whole { 100 } else { 1 });
                    left -= v;
                    targets[usize::from(*m - 1)] = Some(dec(v));
                }
            }
            Kind::Level => {
                let mut v = self.rng.range(lo, hi);
                v = if hi <= 5_00 { v / 5 * 5 } else { v / 100 * 100 };
                let v = v.max(1);
                for m in rp.months() {
                    targets[usize::from(*m - 1)] = Some(dec(v));
                }
            }
            Kind::Progress => {
                let f = (self.rng.range(lo, hi) / 100 * 100).max(100);
                for m in rp.months() {
                    let v = (f * i64::from(*m) / 12 / 100 * 100).max(100);
                    targets[usize::from(*m - 1)] = Some(dec(if *m == 12 { f } else { v }));
                }
            }
            Kind::Zero => {
                for m in rp.months() {
                    targets[usize::from(*m - 1)] = Some(Decimal::ZERO);
                }
                iku.worst_realisasi = Some(Decimal::from(self.rng.range(lo, hi) / 100));
            }
        }
        iku.targets = targets;
        iku.realisasi = self.realisasi_for(iku, kind);
        self.previous_year(iku, kind);
    }

    fn band(&mut self) -> Band {
        match self.rng.below(100) {
            0..55 => Band::Green,
            55..83 => Band::Yellow,
            _ => Band::Red,
        }
    }

    /// Realisasi for the reporting months January–September, in a capaian band drawn per IKU.
    fn realisasi_for(&mut self, iku: &Iku, kind: Kind) -> Months {
        let band = self.band();
        let mut out = NO_MONTHS;
        let months: Vec<usize> = iku
            .reporting_period
            .months()
            .iter()
            .filter(|m| **m <= 9)
            .map(|m| usize::from(*m - 1))
            .collect();
        if kind == Kind::Zero {
            let w = iku.worst_realisasi.map_or(10, |w| cents(w) / 100).max(1);
            let total = match band {
                Band::Green => 0,
                Band::Yellow => (w * self.rng.range(100, 200) / 1000).max(1),
                Band::Red => (w * self.rng.range(300, 600) / 1000).max(1),
            };
            let mut per = vec![0i64; months.len()];
            if !per.is_empty() {
                for _ in 0..total {
                    let i = self.rng.below(per.len() as u64) as usize;
                    per[i] += 1;
                }
            }
            for (i, m) in months.iter().enumerate() {
                out[*m] = Some(Decimal::from(per[i]));
            }
            return out;
        }
        let (flo, fhi) = match band {
            Band::Green => (1000, 1150),
            Band::Yellow => (820, 980),
            Band::Red => (550, 780),
        };
        let f = self.rng.range(flo, fhi);
        let (dlo, dhi) = match band {
            Band::Green => (0, 80),
            Band::Yellow => (130, 250),
            Band::Red => (300, 420),
        };
        let d = self.rng.range(dlo, dhi);
        let below = self.rng.chance(50);
        for m in months {
            let Some(t) = iku.targets[m].map(cents) else {
                continue;
            };
            let cap = match iku.unit_of_measure.as_str() {
                "%" => Some(100_00),
                "indeks" if t <= 5_00 => Some(5_00),
                "indeks" => Some(100_00),
                _ => None,
            };
            let jitter = if band == Band::Green {
                self.rng.range(0, 20)
            } else {
                self.rng.range(-10, 10)
            };
            let mut r = match iku.polarity {
                Polarity::Maximize => t * (f + jitter) / 1000,
                Polarity::Minimize => t * (2000 - f - jitter) / 1000,
                Polarity::Stabilize => {
                    let dd = d + jitter.abs().min(10);
                    let up = t * (1000 + dd) / 1000;
                    if cap.is_some_and(|c| up > c) || below {
                        t * (1000 - dd) / 1000
                    } else {
                        up
                    }
                }
            };
            if let Some(c) = cap {
                r = r.min(c);
            }
            if kind == Kind::Count {
                r = (r + 50) / 100 * 100;
            }
            out[m] = Some(dec(r.max(0)));
        }
        out
    }

    /// K3 facts of the previous year (target and realisasi, the >125 % flag, collective).
    fn previous_year(&mut self, iku: &mut Iku, kind: Kind) {
        if kind == Kind::Zero {
            iku.target_prev = Some(Decimal::from(self.rng.range(1, 3)));
            iku.realisasi_prev = Some(Decimal::from(self.rng.range(0, 3)));
            return;
        }
        let Some(annual) =
            annual_target(iku.period_consolidation, iku.reporting_period, &iku.targets)
        else {
            return;
        };
        let a = cents(annual);
        let g = self.rng.range(-40, 130);
        let tp = match iku.polarity {
            Polarity::Minimize => a * 1000 / (1000 - g),
            _ => a * 1000 / (1000 + g),
        }
        .max(1);
        let over = self.rng.chance(4);
        let rp = if over {
            match iku.polarity {
                Polarity::Minimize => tp * 70 / 100,
                _ => tp * 130 / 100,
            }
        } else {
            tp * self.rng.range(950, 1100) / 1000
        };
        iku.target_prev = Some(dec(tp));
        iku.realisasi_prev = Some(dec(rp.max(1)));
        iku.capaian_prev2_over_125 = over;
        if self.rng.chance(3) {
            iku.collective = true;
            iku.avg_realisasi_prev = iku.realisasi_prev;
        }
    }

    /// Roll-up IKU take their targets and realisasi (and previous-year facts) as the sum of
    /// their children's; children come later in preorder, so walk backwards.
    fn roll_up(&mut self) {
        for u in (0..self.built.len()).rev() {
            let (left, right) = self.built.split_at_mut(u + 1);
            let b = &mut left[u];
            for (i, m) in b.meta.iter().enumerate() {
                if m.rollup_children.is_empty() {
                    continue;
                }
                let children: Vec<&Iku> = m
                    .rollup_children
                    .iter()
                    .map(|(cu, ci)| &right[cu - u - 1].iku[*ci])
                    .collect();
                let iku = &mut b.iku[i];
                let mut targets = NO_MONTHS;
                let mut realisasi = NO_MONTHS;
                for mo in 0..12 {
                    let ts: Option<Vec<Decimal>> = children.iter().map(|c| c.targets[mo]).collect();
                    targets[mo] = ts.map(|v| v.into_iter().sum());
                    let rs: Option<Vec<Decimal>> =
                        children.iter().map(|c| c.realisasi[mo]).collect();
                    realisasi[mo] = rs.map(|v| v.into_iter().sum());
                }
                iku.targets = targets;
                iku.realisasi = realisasi;
                let sum = |f: fn(&Iku) -> Option<Decimal>| -> Option<Decimal> {
                    children.iter().map(|c| f(c)).sum::<Option<Decimal>>()
                };
                iku.target_prev = sum(|c| c.target_prev);
                iku.realisasi_prev = sum(|c| c.realisasi_prev);
                iku.new_iku = false;
                iku.capaian_prev2_over_125 = false;
                iku.collective = false;
                iku.avg_realisasi_prev = None;
            }
        }
    }
}

const SPECIAL_REASONS: &[&str] = &[
    "Karakteristik target ditetapkan KKO UPK One karena perubahan kebijakan nasional",
    "Karakteristik target ditetapkan KKO UPK One karena penugasan khusus",
    "Karakteristik target ditetapkan KKO UPK One karena kondisi pascabencana di wilayah kerja",
];

/// Weights of `k` members adding up to 100, not all equal when `k` > 1.
fn split_100(rng: &mut Rng, k: usize) -> Vec<i64> {
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

fn definition(name: &str, unit: &str, year: i32) -> String {
    format!("{name} yang menjadi tanggung jawab {unit} pada tahun {year}.")
}

fn formula(kind: Kind, name: &str, uom: &str) -> String {
    match kind {
        Kind::Flow | Kind::Count => {
            format!("Jumlah {uom} ({}) s.d. periode pelaporan", lower(name))
        }
        Kind::Level => format!("Nilai {} pada periode pelaporan", lower(name)),
        Kind::Progress => "(Realisasi kumulatif / rencana tahunan) × 100%".to_string(),
        Kind::Zero => format!("Jumlah {uom} yang terjadi s.d. periode pelaporan"),
    }
}

fn lower(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !s.starts_with("PNBP") && !s.starts_with("SP2D") => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}
