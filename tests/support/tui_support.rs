//! A small dataset built in code for the TUI tests, and an App over it.
#![allow(dead_code)]

use chrono::NaiveDate;
use kinerja::domain::rulebook::Rulebook;
use kinerja::domain::*;
use kinerja::text::Lang;
use kinerja::tui::app::{App, Settings, UiState};
use kinerja::tui::deps::{Keymap, Locale, Theme};

pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn unit(code: &str, name: &str, level: Level, parent: Option<&str>) -> Unit {
    Unit {
        code: code.into(),
        name: name.into(),
        level,
        parent: parent.map(Into::into),
        perspective_weights: Default::default(),
    }
}

fn ss(unit: &str, code: &str, p: Perspective, name: &str) -> Ss {
    Ss {
        unit: unit.into(),
        code: code.into(),
        perspective: p,
        name: name.into(),
        weight: None,
        cascaded_from: None,
    }
}

fn iku(unit: &str, code: &str, ss: &str, name: &str, rp: ReportingPeriod) -> Iku {
    let mut i = Iku::new(unit, code, ss, Polarity::Maximize, Consolidation::Sum, rp);
    i.name = name.into();
    i
}

/// PUSAT (wide) → KANWIL (two) → KPP (three).
///
/// - KANWIL/IKU1 monthly, target 100 each month, realisasi Jan–Sep 100 except Feb 90
///   (February's realisasi was fixed by addendum 1: frozen);
/// - KANWIL/IKU2 quarterly, target 50 per quarter, realisasi Mar 50, Jun 40, Sep 45;
/// - KANWIL/IKU3 rolls up (sum) from KPP/IKU3;
/// - KPP/IKU3 monthly, target 10, realisasi Jan–Sep 12;
/// - PUSAT/P1 monthly, target 1.000 each month, realisasi Jan–Sep 1.234,5.
pub fn dataset() -> Dataset {
    let mut i1 = iku(
        "KANWIL",
        "IKU1",
        "S1",
        "Penerimaan pajak",
        ReportingPeriod::Monthly,
    );
    i1.definition = "Realisasi penerimaan dibanding target".into();
    let mut i2 = iku(
        "KANWIL",
        "IKU2",
        "S2",
        "Indeks kepuasan",
        ReportingPeriod::Quarterly,
    );
    let mut i3 = iku(
        "KANWIL",
        "IKU3",
        "S1",
        "Pemeriksaan selesai",
        ReportingPeriod::Monthly,
    );
    i3.cascade = Some(Cascade {
        from: CodeRef::new("PUSAT", "P1"),
        method: CascadeMethod::Direct,
        kind: CascadeKind::Partial,
    });
    i3.location_consolidation = LocationConsolidation::Sum;
    let mut k3 = iku(
        "KPP",
        "IKU3",
        "S1",
        "Pemeriksaan selesai KPP",
        ReportingPeriod::Monthly,
    );
    k3.cascade = Some(Cascade {
        from: CodeRef::new("KANWIL", "IKU3"),
        method: CascadeMethod::Direct,
        kind: CascadeKind::Partial,
    });
    let mut p1 = iku(
        "PUSAT",
        "P1",
        "S1",
        "Penerimaan negara",
        ReportingPeriod::Monthly,
    );
    for m in 0..12 {
        i1.targets[m] = Some(d("100"));
        i3.targets[m] = Some(d("10"));
        k3.targets[m] = Some(d("10"));
        p1.targets[m] = Some(d("1000"));
        if m < 9 {
            i1.realisasi[m] = Some(d(if m == 1 { "90" } else { "100" }));
            k3.realisasi[m] = Some(d("12"));
            p1.realisasi[m] = Some(d("1234.5"));
        }
    }
    for (m, t, r) in [
        (3, "50", Some("50")),
        (6, "50", Some("40")),
        (9, "50", Some("45")),
        (12, "50", None),
    ] {
        i2.targets[m - 1] = Some(d(t));
        i2.realisasi[m - 1] = r.map(d);
    }
    let addendum = Addendum {
        unit: "KANWIL".into(),
        version: 1,
        date: NaiveDate::from_ymd_opt(2025, 3, 10).unwrap(),
        reason: "koreksi".into(),
        changes: vec![AddendumChange {
            iku: "IKU1".into(),
            field: kinerja::domain::change::Field::Realisasi,
            month: 2,
            old: None,
            new: Some(d("90")),
        }],
    };
    Dataset::from_parts(
        2025,
        "kmk-300-2022",
        [
            unit("PUSAT", "Kantor Pusat", Level::Wide, None),
            unit("KANWIL", "Kanwil Jakarta", Level::Two, Some("PUSAT")),
            unit("KPP", "KPP Pratama", Level::Three, Some("KANWIL")),
        ],
        [
            ss(
                "PUSAT",
                "S1",
                Perspective::Stakeholder,
                "Penerimaan optimal",
            ),
            ss(
                "KANWIL",
                "S1",
                Perspective::Stakeholder,
                "Penerimaan wilayah",
            ),
            ss("KANWIL", "S2", Perspective::Customer, "Layanan prima"),
            ss("KPP", "S1", Perspective::Stakeholder, "Penerimaan KPP"),
        ],
        [i1, i2, i3, k3, p1],
        vec![addendum],
    )
}

/// The settings of the tests: the default keymap, `/data/kinerja.db`, user `budi`.
pub fn settings(ascii: bool, no_color: bool) -> Settings {
    Settings {
        keymap: Keymap::builtin("default").unwrap(),
        keymap_name: "default".into(),
        theme: Theme::new(ascii, no_color),
        lang: Lang::Id,
        locale: Locale::Id,
        ascii,
        ..Settings::new("/data/kinerja.db", "budi")
    }
}

pub fn app_with(ascii: bool, no_color: bool, ui: Option<UiState>) -> App {
    App::new(
        dataset(),
        Rulebook::default_rulebook(),
        settings(ascii, no_color),
        ui,
    )
}

pub fn app() -> App {
    app_with(false, false, None)
}

/// `dataset()` with a previous-year target on PUSAT/P1 equal to its annual target (12.000): the
/// K3 target points of P1 then follow its targets (r = annual target / 12.000), so an addendum
/// that raises them changes the K3 panel.
pub fn addendum_dataset() -> Dataset {
    let mut ds = dataset();
    ds.iku
        .get_mut(&CodeRef::new("PUSAT", "P1"))
        .unwrap()
        .target_prev = Some(d("12000"));
    ds
}

/// An App over `ds`, dated 15 October 2025 (the addendum date).
pub fn app_from(ds: Dataset, ascii: bool, no_color: bool) -> App {
    app_in_view(ds, ascii, no_color, None)
}

/// An App over `ds` opened on the saved view `ui`, dated 15 October 2025.
pub fn app_in_view(ds: Dataset, ascii: bool, no_color: bool, ui: Option<UiState>) -> App {
    let settings = Settings {
        today: NaiveDate::from_ymd_opt(2025, 10, 15).unwrap(),
        ..settings(ascii, no_color)
    };
    App::new(ds, Rulebook::default_rulebook(), settings, ui)
}

/// Moves the grid cursor to month `m` with Left/Right (the grid opens on the IKU's first empty
/// reporting month).
pub fn to_month(app: &mut App, m: u8) {
    use kinerja::tui::action::Action;
    for _ in 0..12 {
        let a = match app.month().cmp(&m) {
            std::cmp::Ordering::Less => Action::Right,
            std::cmp::Ordering::Greater => Action::Left,
            std::cmp::Ordering::Equal => return,
        };
        kinerja::tui::update::update(app, a);
    }
}

/// One frame of `app` drawn on a `w`×`h` test terminal (the screen as a buffer: symbols and
/// styles).
pub fn render(app: &mut App, w: u16, h: u16) -> ratatui::buffer::Buffer {
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| kinerja::tui::ui::draw(f, app)).expect("draw");
    term.backend().buffer().clone()
}

/// The rows of a drawn buffer as text.
pub fn lines(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// The text of one `w`×`h` frame of `app`, rows joined by newlines.
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    lines(&render(app, w, h)).join("\n")
}
