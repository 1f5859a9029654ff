//! The parts that read the process environment and language: one test, so nothing races.

use kinerja::text::{Lang, set_thread_lang};
use kinerja::tui::action::{Action, Mode};
use kinerja::tui::keymap::Keymap;
use kinerja::tui::theme::Theme;

fn set(name: &str, value: Option<&str>) {
    // SAFETY: this test binary has a single test, so no other thread reads the environment.
    unsafe {
        match value {
            Some(v) => std::env::set_var(name, v),
            None => std::env::remove_var(name),
        }
    }
}

#[test]
fn environment_and_language() {
    // Where the user's keymap lives.
    set("XDG_CONFIG_HOME", Some("/srv/cfg"));
    set("HOME", Some("/home/budi"));
    assert_eq!(
        Keymap::user_file_path().unwrap(),
        std::path::PathBuf::from("/srv/cfg/kinerja/keymap.toml")
    );
    set("XDG_CONFIG_HOME", Some("relative/cfg"));
    assert_eq!(
        Keymap::user_file_path().unwrap(),
        std::path::PathBuf::from("/home/budi/.config/kinerja/keymap.toml")
    );
    set("XDG_CONFIG_HOME", None);
    assert_eq!(
        Keymap::user_file_path().unwrap(),
        std::path::PathBuf::from("/home/budi/.config/kinerja/keymap.toml")
    );
    // without $HOME, the home directory of the password database
    set("HOME", None);
    let home = kinerja::safe::identity::account(kinerja::safe::identity::real_uid())
        .unwrap()
        .home;
    assert_eq!(
        Keymap::user_file_path().unwrap(),
        home.join(".config/kinerja/keymap.toml")
    );

    // The user file found there is merged over the base.
    let dir = tempfile::tempdir().unwrap();
    set("XDG_CONFIG_HOME", Some(dir.path().to_str().unwrap()));
    let path = Keymap::user_file_path().unwrap();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "[grid]\n\"<F5>\" = \"redraw\"\n").unwrap();
    let km = Keymap::load("default", Some(&path)).unwrap();
    let f5 = kinerja::tui::keymap::parse_key("<F5>").unwrap();
    assert_eq!(km.resolve(Mode::Grid, &f5), Some(Action::Redraw));
    assert_eq!(km.resolve(Mode::Tree, &f5), None);

    // NO_COLOR: set and non-empty.
    set("NO_COLOR", None);
    assert!(!Theme::from_env(false).monochrome);
    set("NO_COLOR", Some(""));
    assert!(!Theme::from_env(false).monochrome);
    set("NO_COLOR", Some("1"));
    assert!(Theme::from_env(true).monochrome);
    assert!(Theme::from_env(true).ascii);

    // Indonesian by default, English with --lang en.
    let id = Keymap::builtin("default").unwrap();
    let quit = |km: &Keymap| {
        km.bindings(Mode::Tree)
            .iter()
            .find(|b| b.action == Action::Quit)
            .unwrap()
            .desc
            .clone()
    };
    assert_eq!(quit(&id), "Keluar");
    let e = Keymap::from_toml("[tree]\n\"j\" = \"donw\"\n", "k.toml").unwrap_err();
    assert!(e.to_string().contains("tidak dikenal"), "{e}");
    set_thread_lang(Lang::En);
    let en = Keymap::builtin("default").unwrap();
    assert_eq!(quit(&en), "Quit");
    let b = &en.bindings(Mode::Tree)[0];
    assert_eq!(b.desc_in(Lang::Id), "Naik");
    assert_eq!(b.desc_in(Lang::En), "Up");
    let e = Keymap::from_toml("[tree]\n\"j\" = \"donw\"\n", "k.toml").unwrap_err();
    assert_eq!(
        e.to_string(),
        "k.toml:2: unknown action \"donw\" (did you mean: down)"
    );
    // A binding without desc_en shows its Indonesian desc in English too.
    let km = Keymap::from_toml(
        "[tree]\n\"j\" = { action = \"down\", desc = \"Turun\" }\n",
        "k",
    )
    .unwrap();
    assert_eq!(km.bindings(Mode::Tree)[0].desc, "Turun");
    set_thread_lang(Lang::Id);
}
