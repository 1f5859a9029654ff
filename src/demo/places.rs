//! The ministry's places and office names: provinces, the Kanwil of each eselon I and the
//! head-office units.

// Names: provinces, places, eselon I and their units

/// Provinces with places (cities and regencies) used for vertical offices.
#[rustfmt::skip]
pub(super) const PROVINCES: &[(&str, &[&str])] = &[
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

pub(super) fn places_of(province: &str) -> &'static [&'static str] {
    PROVINCES
        .iter()
        .find(|(p, _)| *p == province)
        .map_or(&[], |(_, places)| places)
}

/// A Kanwil: its name suffix and where its offices are.
pub(super) struct Kw {
    pub(super) name: &'static str,
    pub(super) provinces: &'static [&'static str],
    /// The part (of `parts`) of the provinces' places this Kanwil covers.
    pub(super) part: usize,
    pub(super) parts: usize,
    /// Full office names, for Kanwil whose offices are not named after places.
    pub(super) fixed: &'static [&'static str],
}

pub(super) const fn kw(name: &'static str, provinces: &'static [&'static str]) -> Kw {
    Kw {
        name,
        provinces,
        part: 0,
        parts: 1,
        fixed: &[],
    }
}
pub(super) const fn kwp(
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
pub(super) const fn kwf(name: &'static str, fixed: &'static [&'static str]) -> Kw {
    Kw {
        name,
        provinces: &[],
        part: 0,
        parts: 1,
        fixed,
    }
}

#[rustfmt::skip]
pub(super) const DJP_KANWIL: &[Kw] = &[
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
pub(super) const DJBC_KANWIL: &[Kw] = &[
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
pub(super) const DJKN_KANWIL: &[Kw] = &[
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
pub(super) const DJPB_KANWIL: &[Kw] = &[
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
pub(super) const KALBAR: usize = 10;

/// The generic extra head-office units an eselon I is filled up with.
pub(super) const EXTRA_HQ: &[&str] = &[
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
pub(super) const HQ_TOPICS: &[&str] = &[
    "Perencanaan dan Evaluasi",
    "Kebijakan dan Standardisasi",
    "Data dan Informasi",
    "Pengembangan Sistem",
    "Analisis dan Harmonisasi",
    "Kerja Sama dan Hubungan Kelembagaan",
    "Pemantauan dan Pengendalian",
    "Bimbingan Teknis",
];

pub(super) const SEKRETARIAT_PARTS: &[&str] = &[
    "Bagian Umum",
    "Bagian Keuangan",
    "Bagian Kepegawaian",
    "Bagian Organisasi dan Tata Laksana",
    "Bagian Perencanaan dan Kepatuhan Internal",
    "Bagian Hukum",
    "Bagian Hubungan Masyarakat",
];
