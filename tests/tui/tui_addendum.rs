//! The TUI addendum's submission (issue 12, DOMAIN.md §11): after its reason it asks its date
//! (today by default, only inside the PK year), shows which months stay frozen (R10) and, in a
//! y/n question before anything is stored, the findings it would create.

use crate::support::tui_support::{lines, render, settings};

use chrono::NaiveDate;
use kinerja::domain::CodeRef;
use kinerja::domain::change::Change;
use kinerja::domain::rulebook::Rulebook;
use kinerja::text::{Lang, set_thread_lang};
use kinerja::tui::App;
use kinerja::tui::action::{Action, Mode};
use kinerja::tui::app::{Node, Screen, Settings};
use kinerja::tui::update::{Effect, update};

/// The bundled sample (KANWIL-KALBAR 2025), dated `today`, in `lang`.
fn kalbar_in(today: NaiveDate, lang: Lang) -> App {
    set_thread_lang(lang);
    let text = std::fs::read_to_string("fixtures/kalbar-2025.json").unwrap();
    let ds = kinerja::interchange::json::import_document(&text).unwrap();
    let s = Settings {
        today,
        lang,
        ..settings(false, false)
    };
    App::new(ds, Rulebook::default_rulebook(), s, None)
}

fn kalbar(today: NaiveDate) -> App {
    kalbar_in(today, Lang::Id)
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        assert!(update(app, Action::Insert(c)).is_empty());
    }
}

fn text(app: &mut App) -> String {
    lines(&render(app, 160, 48)).join("\n")
}

/// KPKNL Pontianak raises its December target of 1a-CP from 85 to 90 (the quarters add up to
/// the Kanwil's 420 before; after, Pontianak's 305 + Singkawang's 120 do not: R11 on the
/// Kanwil), and gives its reason.
fn pontianak_december(app: &mut App) {
    app.select_node(&Node::Iku(CodeRef::new("KPKNL-PONTIANAK", "1a-CP")));
    update(app, Action::StartAddendum);
    assert_eq!(app.mode(), Mode::Addendum, "{}", app.status());
    for _ in 0..12 {
        if app.month() == 12 {
            break;
        }
        update(app, Action::Right);
    }
    assert_eq!(app.month(), 12);
    update(app, Action::StartEdit);
    update(app, Action::Clear);
    typed(app, "90");
    update(app, Action::Commit);
    assert_eq!(app.addendum().unwrap().len(), 1, "{}", app.status());
    update(app, Action::SubmitAddendum);
    typed(app, "Target naik");
    assert!(update(app, Action::Commit).is_empty());
}

#[test]
fn the_addendum_asks_its_date_inside_the_pk_year_and_keeps_the_one_given() {
    let mut a = kalbar(date("2025-10-20"));
    pontianak_december(&mut a);
    let Screen::AddendumDate(input) = a.screen() else {
        panic!("the date is asked after the reason: {:?}", a.screen());
    };
    assert_eq!(input.text(), "2025-10-20", "today is offered");
    let s = text(&mut a);
    assert!(
        s.contains("Tanggal addendum (YYYY-MM-DD, dalam tahun 2025): 2025-10-20"),
        "{s}"
    );
    // a date that cannot be read, or outside the PK year, is asked again with why
    for (typed_date, why) in [
        ("20-10-2025", "tidak terbaca"),
        ("2026-01-05", "di luar tahun PK 2025"),
    ] {
        typed(&mut a, typed_date);
        assert!(update(&mut a, Action::Commit).is_empty());
        let Screen::AddendumDate(input) = a.screen() else {
            panic!("{typed_date}: still asked, {:?}", a.screen());
        };
        assert!(input.error().is_some_and(|e| e.contains(why)), "{input:?}");
        assert!(
            a.status_is_error() && a.status().contains(why),
            "{}",
            a.status()
        );
        // the first key replaces nothing now: clear the text
        for _ in 0..typed_date.len() {
            update(&mut a, Action::Backspace);
        }
    }
    // a date in the year goes on to the question, with that date
    typed(&mut a, "2025-11-03");
    assert!(
        update(&mut a, Action::Commit).is_empty(),
        "nothing stored yet"
    );
    let Screen::AddendumConfirm(q) = a.screen() else {
        panic!("{:?} {}", a.screen(), a.status());
    };
    assert_eq!(q.addendum.date, date("2025-11-03"));
    assert!(!a.is_storing());
    // n: back to the draft; the next submission offers the reason and the date given
    assert!(update(&mut a, Action::Insert('n')).is_empty());
    assert_eq!(*a.screen(), Screen::Addendum);
    assert_eq!(a.addendum().unwrap().len(), 1);
    update(&mut a, Action::SubmitAddendum);
    update(&mut a, Action::Commit);
    let Screen::AddendumDate(input) = a.screen() else {
        panic!("{:?}", a.screen());
    };
    assert_eq!(input.text(), "2025-11-03");
    // Esc on the date goes back to the draft too
    update(&mut a, Action::Cancel);
    assert_eq!(*a.screen(), Screen::Addendum);
    assert!(!a.is_storing());
}

#[test]
fn a_past_years_addendum_offers_the_last_day_of_its_year() {
    let mut a = kalbar(date("2026-12-04"));
    pontianak_december(&mut a);
    let Screen::AddendumDate(input) = a.screen() else {
        panic!("{:?}", a.screen());
    };
    assert_eq!(input.text(), "2025-12-31");
}

#[test]
fn the_question_shows_the_frozen_months_and_the_findings_the_addendum_creates() {
    let mut a = kalbar(date("2025-10-20"));
    pontianak_december(&mut a);
    // while the date is asked: the months that stay frozen (realisasi in Mar, Jun, Sep)
    let s = text(&mut a);
    assert!(s.contains("Bulan beku (R10"), "{s}");
    assert!(s.contains("1a-CP: Mar, Jun, Sep"), "{s}");
    update(&mut a, Action::Commit);
    let Screen::AddendumConfirm(q) = a.screen() else {
        panic!("{:?} {}", a.screen(), a.status());
    };
    let created: Vec<(&str, &str, Option<&str>)> = q
        .created
        .iter()
        .map(|f| (f.id, f.unit.as_str(), f.iku.as_deref()))
        .collect();
    assert_eq!(created, [("R11", "KANWIL-KALBAR", Some("1a-CP"))]);
    let s = text(&mut a);
    assert!(
        s.contains(
            "Simpan addendum v1 KPKNL-PONTIANAK tanggal 2025-10-20 (1 perubahan, 1 temuan baru)?"
        ),
        "{s}"
    );
    assert!(s.contains("Addendum ini menimbulkan 1 temuan baru:"), "{s}");
    assert!(s.contains("R11 peringatan KANWIL-KALBAR/1a-CP"), "{s}");
    assert!(s.contains("KPKNL-PONTIANAK/1a-CP (target 305)"), "{s}");
    assert!(s.contains("1a-CP: Mar, Jun, Sep"), "{s}");
    assert!(s.contains("y simpan · n kembali ke addendum"), "{s}");
    // the question reads y/n only: Enter does not store
    assert!(update(&mut a, Action::Commit).is_empty());
    assert!(matches!(a.screen(), Screen::AddendumConfirm(_)));
    // y stores the addendum the question showed
    let fx = update(&mut a, Action::Insert('y'));
    let [Effect::Apply { changes, source }] = fx.as_slice() else {
        panic!("{fx:?}");
    };
    assert_eq!(source, "addendum");
    let [Change::Addendum { addendum, .. }] = changes.as_slice() else {
        panic!("{changes:?}");
    };
    assert_eq!(addendum.date, date("2025-10-20"));
    assert_eq!(addendum.reason, "Target naik");
    a.applied(Ok(()));
    assert!(
        a.status().contains("Addendum v1 tersimpan"),
        "{}",
        a.status()
    );
}

#[test]
fn the_question_in_english() {
    let mut a = kalbar_in(date("2025-10-20"), Lang::En);
    pontianak_december(&mut a);
    update(&mut a, Action::Commit);
    let s = text(&mut a);
    set_thread_lang(Lang::Id);
    assert!(
        s.contains(
            "Save addendum v1 of KPKNL-PONTIANAK dated 2025-10-20 (1 changes, 1 new findings)?"
        ),
        "{s}"
    );
    assert!(s.contains("This addendum creates 1 new findings:"), "{s}");
    assert!(s.contains("Frozen months (R10"), "{s}");
}

/// Opens the addendum's target editor on Pontianak's December 1a-CP (85; the quarters 65, 72,
/// 78: an annual target of 300) and types `value`.
fn typing_december(app: &mut App, value: &str) {
    app.select_node(&Node::Iku(CodeRef::new("KPKNL-PONTIANAK", "1a-CP")));
    update(app, Action::StartAddendum);
    for _ in 0..12 {
        if app.month() == 12 {
            break;
        }
        update(app, Action::Right);
    }
    update(app, Action::StartEdit);
    update(app, Action::Clear);
    typed(app, value);
}

#[test]
fn the_target_editor_shows_the_k3_plan_and_where_the_typed_value_falls() {
    // kmk-300-2022 (the sample's rulebook): points against last year's target 285
    let mut a = kalbar(date("2025-10-20"));
    typing_december(&mut a, "90");
    let p = a.target_plan().expect("a plan beside the target editor");
    assert_eq!(p.annual, Some("305".parse().unwrap()), "65 + 72 + 78 + 90");
    let s = text(&mut a);
    assert!(
        s.contains("Rencana K3 1a-CP (kmk-300-2022) · target tahunan dengan nilai ini: 305"),
        "{s}"
    );
    assert!(s.contains("nilai referensi tahun lalu 285"), "{s}");
    assert!(s.contains("→  302,1 ≤ T < 316,35  4"), "{s}");
    assert!(s.contains("   T ≥ 316,35          5  (terbaik)"), "{s}");
    // it follows the typing: 5 makes 220, below last year's target
    for _ in 0..2 {
        update(&mut a, Action::Backspace);
    }
    typed(&mut a, "5");
    assert_eq!(
        a.target_plan().unwrap().annual,
        Some("220".parse().unwrap())
    );
    assert!(text(&mut a).contains("→  T < 285"), "{}", text(&mut a));
    // a text that does not read: no annual target, no arrow
    typed(&mut a, "x");
    assert_eq!(a.target_plan().unwrap().annual, None);
    let s = text(&mut a);
    assert!(
        s.contains("target tahunan dengan nilai ini: –") && !s.contains("→  "),
        "{s}"
    );
    // the plan is only beside a target editor
    update(&mut a, Action::Cancel);
    assert!(a.target_plan().is_none());
}

#[test]
fn under_kmk_127_the_plan_gives_the_multipliers_of_t1_and_r1() {
    set_thread_lang(Lang::Id);
    let text_doc = std::fs::read_to_string("fixtures/kalbar-2025.json").unwrap();
    let ds = kinerja::interchange::json::import_document(&text_doc).unwrap();
    let s = Settings {
        today: date("2025-10-20"),
        ..settings(false, false)
    };
    let mut a = App::new(ds, Rulebook::builtin("kmk-127-2026").unwrap(), s, None);
    typing_december(&mut a, "90");
    let s = text(&mut a);
    assert!(s.contains("Rencana K3 1a-CP (kmk-127-2026)"), "{s}");
    assert!(
        s.contains("T1 (target tahun lalu) 285 · R1 (realisasi tahun lalu) 292,3"),
        "{s}"
    );
    assert!(s.contains("   T < 285          0,80"), "{s}");
    assert!(s.contains("   T = 285          0,90"), "{s}");
    assert!(s.contains("   285 < T < 292,3  1,00"), "{s}");
    assert!(s.contains("   T = 292,3        1,10"), "{s}");
    assert!(s.contains("→  T > 292,3        1,20  (terbaik)"), "{s}");
}

#[test]
fn a_change_stored_elsewhere_while_the_question_is_open_asks_for_a_new_submission() {
    let mut a = kalbar(date("2025-10-20"));
    pontianak_december(&mut a);
    update(&mut a, Action::Commit);
    assert!(matches!(a.screen(), Screen::AddendumConfirm(_)));
    // another operator enters Pontianak's December realisasi: the question's R10 check and
    // findings were made before it
    a.stored_elsewhere(&[Change::SetRealisasi {
        iku: CodeRef::new("KPKNL-PONTIANAK", "1a-CP"),
        month: 12,
        value: Some("88".parse().unwrap()),
    }])
    .unwrap();
    assert_eq!(
        *a.screen(),
        Screen::Addendum,
        "nothing stored on an old question"
    );
    assert!(
        a.status_is_error() && a.status().contains("ajukan lagi"),
        "{}",
        a.status()
    );
    assert!(!a.is_storing());
    assert_eq!(a.addendum().unwrap().len(), 1, "the draft stays");
    // submitting again prepares on the data as it is now: December has realisasi (R10)
    update(&mut a, Action::SubmitAddendum);
    update(&mut a, Action::Commit);
    update(&mut a, Action::Commit);
    assert_eq!(*a.screen(), Screen::Addendum);
    assert!(!a.addendum().unwrap().problems.is_empty(), "{}", a.status());
}

#[test]
fn a_reload_with_other_data_under_the_question_asks_for_a_new_submission_too() {
    let mut a = kalbar(date("2025-10-20"));
    let mut other = a.ds().clone();
    pontianak_december(&mut a);
    update(&mut a, Action::Commit);
    // the same year again: the question stays
    a.take_whole_year(a.ds().clone());
    assert!(matches!(a.screen(), Screen::AddendumConfirm(_)));
    // the year with a change of someone else
    other
        .iku
        .get_mut(&CodeRef::new("KPKNL-SINGKAWANG", "1a-CP"))
        .unwrap()
        .realisasi[11] = Some("30".parse().unwrap());
    a.take_whole_year(other);
    assert_eq!(*a.screen(), Screen::Addendum);
    assert!(a.status().contains("ajukan lagi"), "{}", a.status());
}
