//! A store written by an older version that holds a number beyond the bounds (DOMAIN.md §4):
//! it opens, the value shows with a finding, `verify` reports it by key, and nothing panics —
//! not `report`, not `check`, not the TUI.

use crate::support::{cli_support, store_common};

use cli_support::{kinerja, stderr, stdout};
use kinerja::domain::CodeRef;
use kinerja::domain::rulebook::Rulebook;
use kinerja::interchange::number::Locale;
use kinerja::store::{Actor, Store};
use kinerja::text::Lang;
use kinerja::tui::App;
use kinerja::tui::app::Settings;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rust_decimal::Decimal;

#[test]
fn a_stored_value_beyond_the_bounds_opens_with_a_finding_and_verify_names_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s");
    let mut ds = store_common::dataset();
    let key = CodeRef::new("DJKN", "2a-N");
    {
        let i = ds.iku.get_mut(&key).unwrap();
        i.targets[2] = Some(Decimal::ONE);
        i.realisasi[2] = Some(Decimal::MAX);
    }
    {
        // an older version had no bounds: the library still stores what it is given
        let store = Store::open(&path).unwrap();
        store
            .import_dataset(&ds, false, &Actor::new("budi"), "import")
            .unwrap();
        store.flush().unwrap();
    }
    let o = kinerja(&path, &["--lang", "en", "verify"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.lines()
            .any(|l| l.starts_with("iku/2025/DJKN/2a-N: realisasi 3:") && l.contains("10^15")),
        "{out}"
    );
    let o = kinerja(&path, &["--lang", "en", "check", "--format", "json"]);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let f: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let v = f
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "VALUE")
        .unwrap_or_else(|| panic!("{f:#}"));
    assert_eq!(
        (v["unit"].as_str(), v["iku"].as_str()),
        (Some("DJKN"), Some("2a-N"))
    );
    assert_eq!(v["month"], 3);
    for format in ["table", "json", "csv", "md"] {
        let o = kinerja(
            &path,
            &["report", "--format", format, "--period", "2025-12"],
        );
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
    }
    // the TUI opens on it and shows the value
    let store = Store::open(&path).unwrap();
    let loaded = store.load_year(2025).unwrap();
    assert_eq!(loaded.iku[&key].realisasi[2], Some(Decimal::MAX));
    let mut settings = Settings::new(path.clone(), "budi");
    settings.lang = Lang::En;
    settings.locale = Locale::En;
    let mut app = App::new(loaded, Rulebook::default_rulebook(), settings, None);
    app.select_node(&kinerja::tui::app::Node::Iku(key.clone()));
    let mut term = Terminal::new(TestBackend::new(160, 40)).unwrap();
    term.draw(|f| kinerja::tui::ui::draw(f, &mut app)).unwrap();
    kinerja::tui::update::update(&mut app, kinerja::tui::action::Action::FocusGrid);
    term.draw(|f| kinerja::tui::ui::draw(f, &mut app)).unwrap();
}
