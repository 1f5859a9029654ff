//! Keymaps as a user meets them: the shipped ones load and do what the help says, bad files stop
//! start-up with the file, the line and the problem, and the user's file is merged over the base.

use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use kinerja::tui::action::{Action, Mode};
use kinerja::tui::keymap::{Keymap, KeymapError, MAX_KEYMAP_BYTES, parse_key};

const DEFAULT: &str = include_str!("../../keymaps/default.toml");
const VIM: &str = include_str!("../../keymaps/vim.toml");

fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, m)
}

fn k(text: &str) -> KeyEvent {
    parse_key(text).unwrap()
}

#[test]
fn both_shipped_keymaps_load_with_every_mode_and_every_binding_resolving() {
    for name in ["default", "vim"] {
        let km = Keymap::builtin(name).unwrap_or_else(|| panic!("{name} must load"));
        assert_eq!(Keymap::load(name, None).unwrap(), km);
        for mode in Mode::ALL {
            let bindings = km.bindings(*mode);
            assert!(!bindings.is_empty(), "{name}: [{}] is empty", mode.as_str());
            for b in bindings {
                assert_eq!(
                    km.resolve(*mode, &b.key),
                    Some(b.action.clone()),
                    "{name} [{}] {}",
                    mode.as_str(),
                    b.text
                );
                assert!(
                    !b.desc.is_empty() && b.desc != b.action.name(),
                    "{name}: {}",
                    b.text
                );
            }
        }
    }
    assert!(Keymap::builtin("emacs").is_none());
}

#[test]
fn every_shipped_binding_has_desc_and_desc_en_written_out() {
    for (file, text) in [("default", DEFAULT), ("vim", VIM)] {
        let doc: toml::Table = toml::from_str(text).unwrap();
        assert_eq!(doc.len(), Mode::ALL.len(), "{file}: one section per mode");
        for (mode, section) in &doc {
            assert!(Mode::parse(mode).is_some(), "{file}: [{mode}]");
            for (key, binding) in section.as_table().unwrap() {
                for field in ["action", "desc", "desc_en"] {
                    let v = binding.get(field).and_then(|v| v.as_str()).unwrap_or("");
                    assert!(!v.trim().is_empty(), "{file} [{mode}] {key}: no {field}");
                }
            }
        }
    }
}

#[test]
fn vim_offers_the_same_actions_as_default_in_every_mode() {
    let d = Keymap::builtin("default").unwrap();
    let v = Keymap::builtin("vim").unwrap();
    for mode in Mode::ALL {
        let set = |km: &Keymap| -> BTreeSet<&'static str> {
            km.bindings(*mode).iter().map(|b| b.action.name()).collect()
        };
        assert_eq!(set(&d), set(&v), "[{}]", mode.as_str());
    }
}

#[test]
fn default_keys_do_what_the_issue_asks() {
    let km = Keymap::builtin("default").unwrap();
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let shift = KeyModifiers::SHIFT;
    use Action as A;
    use KeyCode as C;
    let cases: &[(Mode, KeyEvent, Action)] = &[
        (Mode::Tree, ev(C::Up, none), A::Up),
        (Mode::Tree, ev(C::Char('j'), none), A::Down),
        (Mode::Tree, ev(C::Enter, none), A::Expand),
        (Mode::Tree, ev(C::Char('h'), none), A::Collapse),
        (Mode::Tree, ev(C::Char(' '), none), A::Toggle),
        (Mode::Tree, ev(C::Char('g'), none), A::First),
        // Terminals report Shift-g as 'G' with or without the SHIFT flag.
        (Mode::Tree, ev(C::Char('G'), shift), A::Last),
        (Mode::Tree, ev(C::Char('G'), none), A::Last),
        (Mode::Tree, ev(C::PageDown, none), A::PageDown),
        (Mode::Tree, ev(C::Tab, none), A::SwitchPane),
        (Mode::Tree, ev(C::Char('['), none), A::PrevPeriod),
        (Mode::Tree, ev(C::Char(']'), none), A::NextPeriod),
        (Mode::Tree, ev(C::Char('/'), none), A::Search),
        (Mode::Tree, ev(C::Char('n'), none), A::NextMatch),
        (Mode::Tree, ev(C::Char('N'), shift), A::PrevMatch),
        (Mode::Tree, ev(C::Char('?'), shift), A::Help),
        (Mode::Tree, ev(C::F(1), none), A::Help),
        (Mode::Tree, ev(C::Char('u'), none), A::Undo),
        (Mode::Tree, ev(C::Char('r'), ctrl), A::Redo),
        (Mode::Tree, ev(C::Char('q'), none), A::Quit),
        (Mode::Tree, ev(C::Char('c'), ctrl), A::Quit),
        (Mode::Tree, ev(C::Char('z'), ctrl), A::Suspend),
        (Mode::Tree, ev(C::Char('a'), none), A::StartAddendum),
        (Mode::Tree, ev(C::Char('l'), ctrl), A::Redraw),
        (Mode::Grid, ev(C::Char('h'), none), A::Left),
        (Mode::Grid, ev(C::Right, none), A::Right),
        (Mode::Grid, ev(C::Char('e'), none), A::StartEdit),
        (Mode::Grid, ev(C::Enter, none), A::StartEdit),
        (Mode::Grid, ev(C::Delete, none), A::Clear),
        (Mode::Grid, ev(C::Char('x'), none), A::Clear),
        (Mode::Grid, ev(C::Esc, none), A::FocusTree),
        (Mode::Grid, ev(C::Tab, none), A::SwitchPane),
        (Mode::Grid, ev(C::Char('a'), none), A::StartAddendum),
        (Mode::Edit, ev(C::Enter, none), A::Commit),
        (Mode::Edit, ev(C::Esc, none), A::Cancel),
        (Mode::Edit, ev(C::Tab, none), A::CommitNext),
        // Shift-Tab arrives as BackTab (with SHIFT), or as Tab with SHIFT.
        (Mode::Edit, ev(C::BackTab, shift), A::CommitPrev),
        (Mode::Edit, ev(C::BackTab, none), A::CommitPrev),
        (Mode::Edit, ev(C::Tab, shift), A::CommitPrev),
        (Mode::Edit, ev(C::Backspace, none), A::Backspace),
        (Mode::Edit, ev(C::Delete, none), A::DeleteChar),
        (Mode::Edit, ev(C::Left, none), A::CursorLeft),
        (Mode::Search, ev(C::Enter, none), A::Commit),
        (Mode::Search, ev(C::Esc, none), A::Cancel),
        (Mode::Search, ev(C::Char('n'), ctrl), A::NextMatch),
        (Mode::Search, ev(C::Up, none), A::PrevMatch),
        (Mode::Help, ev(C::Char('q'), none), A::Cancel),
        (Mode::Help, ev(C::Char('j'), none), A::Down),
        (Mode::Help, ev(C::PageUp, none), A::PageUp),
        (Mode::Addendum, ev(C::Char('l'), none), A::Right),
        (Mode::Addendum, ev(C::Down, none), A::Down),
        (Mode::Addendum, ev(C::Char('e'), none), A::StartEdit),
        (Mode::Addendum, ev(C::Char('x'), none), A::Clear),
        (Mode::Addendum, ev(C::Char('s'), none), A::SubmitAddendum),
        (Mode::Addendum, ev(C::Char('s'), ctrl), A::SubmitAddendum),
        (Mode::Addendum, ev(C::Esc, none), A::DiscardAddendum),
    ];
    for (mode, key, action) in cases {
        assert_eq!(
            km.resolve(*mode, key).as_ref(),
            Some(action),
            "[{}] {key:?}",
            mode.as_str()
        );
    }
    // Case matters: 'n' is not 'N'.
    assert_eq!(
        km.resolve(Mode::Tree, &ev(C::Char('n'), none)),
        Some(A::NextMatch)
    );
    // Letters typed in the editor are not bound: they are text.
    assert_eq!(km.resolve(Mode::Edit, &ev(C::Char('q'), none)), None);
    assert_eq!(km.keys_for(Mode::Tree, &A::Quit), vec!["q", "<C-c>"]);
    assert_eq!(km.keys_for(Mode::Tree, &A::CommitNext), Vec::<&str>::new());
}

#[test]
fn vim_keys() {
    let km = Keymap::builtin("vim").unwrap();
    assert_eq!(km.resolve(Mode::Tree, &k("<C-d>")), Some(Action::PageDown));
    assert_eq!(km.resolve(Mode::Tree, &k("o")), Some(Action::Toggle));
    assert_eq!(km.resolve(Mode::Grid, &k("i")), Some(Action::StartEdit));
    assert_eq!(km.resolve(Mode::Tree, &k("a")), Some(Action::StartAddendum));
    assert_eq!(km.resolve(Mode::Edit, &k("<C-h>")), Some(Action::Backspace));
}

#[test]
fn release_events_and_text_input() {
    let km = Keymap::builtin("default").unwrap();
    let mut release = ev(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(km.resolve(Mode::Tree, &release), None);
    let five = ev(KeyCode::Char('5'), KeyModifiers::NONE);
    assert_eq!(
        km.resolve_or_insert(Mode::Edit, &five),
        Some(Action::Insert('5'))
    );
    assert_eq!(
        km.resolve_or_insert(Mode::Search, &k("N")),
        Some(Action::Insert('N'))
    );
    assert_eq!(km.resolve_or_insert(Mode::Tree, &five), None);
    assert_eq!(km.resolve_or_insert(Mode::Edit, &k("<C-x>")), None);
    assert_eq!(
        km.resolve_or_insert(Mode::Edit, &k("<Enter>")),
        Some(Action::Commit)
    );
}

fn bad(text: &str) -> KeymapError {
    match Keymap::from_toml(text, "mine.toml") {
        Ok(_) => panic!("must be refused:\n{text}"),
        Err(e) => {
            assert_eq!(e.file, "mine.toml");
            let shown = e.to_string();
            match e.line {
                Some(l) => assert!(shown.starts_with(&format!("mine.toml:{l}: ")), "{shown}"),
                None => assert!(shown.starts_with("mine.toml: "), "{shown}"),
            }
            e
        }
    }
}

#[test]
fn unknown_action_names_the_line_and_close_names() {
    let e = bad(
        "[tree]\n\"k\" = { action = \"up\", desc = \"Naik\" }\n\"j\" = { action = \"donw\", desc = \"Turun\" }\n",
    );
    assert_eq!(e.line, Some(3));
    assert!(
        e.problem.contains("\"donw\"") && e.problem.contains("down"),
        "{}",
        e.problem
    );
    let e = bad("[grid]\n\n\"u\" = \"undoo\"\n");
    assert_eq!(e.line, Some(3));
    assert!(e.problem.contains("undo"), "{}", e.problem);
    // `insert` is what typed text becomes; it cannot be bound.
    let e = bad("[edit]\n\"i\" = { action = \"insert\" }\n");
    assert_eq!(e.line, Some(2));
}

#[test]
fn unparsable_keys_name_the_line_and_the_key() {
    for (key, line_text) in [
        ("<C-r", "\"<C-r\" = { action = \"redo\" }"),
        ("gg", "\"gg\" = { action = \"first\" }"),
        ("<Foo>", "\"<Foo>\" = { action = \"first\" }"),
        ("<F13>", "\"<F13>\" = { action = \"help\" }"),
        ("<X-a>", "\"<X-a>\" = { action = \"help\" }"),
        ("<S-1>", "\"<S-1>\" = { action = \"help\" }"),
        ("", "\"\" = { action = \"help\" }"),
    ] {
        let e = bad(&format!(
            "# mine\n[tree]\n\"q\" = {{ action = \"quit\" }}\n{line_text}\n"
        ));
        assert_eq!(e.line, Some(4), "{key}: {e}");
        assert!(e.problem.contains(&format!("\"{key}\"")), "{e}");
    }
}

#[test]
fn two_actions_on_one_key_name_both() {
    // Two spellings of one key.
    let e = bad(
        "[edit]\n\"<S-Tab>\" = { action = \"commit-prev\" }\n\"<Enter>\" = { action = \"commit\" }\n\"<BackTab>\" = { action = \"cancel\" }\n",
    );
    assert_eq!(e.line, Some(4));
    assert!(
        e.problem.contains("commit-prev") && e.problem.contains("cancel"),
        "{e}"
    );
    assert!(
        e.problem.contains("<S-Tab>") && e.problem.contains('2'),
        "{e}"
    );
    let e = bad("[tree]\n\"N\" = \"prev-match\"\n\"<S-n>\" = \"next-match\"\n");
    assert_eq!(e.line, Some(3));
    assert!(
        e.problem.contains("prev-match") && e.problem.contains("next-match"),
        "{e}"
    );
    // The same text twice (TOML itself refuses it): still both actions and both lines.
    let e = bad(
        "[tree]\n\"j\" = { action = \"down\", desc = \"x\" }\n\"k\" = \"up\"\n\"j\" = { action = \"up\" } # oops\n",
    );
    assert_eq!(e.line, Some(4));
    assert!(
        e.problem.contains("down") && e.problem.contains("up"),
        "{e}"
    );
    assert!(e.problem.contains('2'), "{e}");
    let e = bad("[tree]\nj = \"down\"\n[grid]\nj = \"down\"\n[tree.j]\naction = \"up\"\n");
    assert!(e.line.is_some(), "{e}");
    // One key in two modes is fine, and so is one action on two keys.
    Keymap::from_toml(
        "[tree]\n\"j\" = \"down\"\n\"<Down>\" = \"down\"\n[grid]\n\"j\" = \"left\"\n",
        "ok.toml",
    )
    .unwrap();
}

#[test]
fn unknown_mode_section_lists_the_modes() {
    let e = bad("[tree]\n\"q\" = \"quit\"\n\n[trees]\n\"j\" = \"down\"\n");
    assert_eq!(e.line, Some(4));
    assert!(
        e.problem.contains("trees") && e.problem.contains("addendum"),
        "{e}"
    );
    let e = bad("title = \"mine\"\n");
    assert_eq!(e.line, Some(1));
    let e = bad("tree = 3\n");
    assert_eq!(e.line, Some(1));
    assert!(e.problem.contains("[tree]"), "{e}");
}

#[test]
fn missing_action_and_bad_fields() {
    let e = bad("[tree]\n\"j\" = { desc = \"Turun\" }\n");
    assert_eq!(e.line, Some(2));
    assert!(
        e.problem.contains("action") && e.problem.contains("\"j\""),
        "{e}"
    );
    let e = bad("[tree]\n\"j\" = { action = \"down\", dsc = \"Turun\" }\n");
    assert_eq!(e.line, Some(2));
    assert!(e.problem.contains("dsc"), "{e}");
    let e = bad("[tree]\n\"j\" = { action = 3 }\n");
    assert_eq!(e.line, Some(2));
    let e = bad("[tree]\n\"j\" = 3\n");
    assert_eq!(e.line, Some(2));
    let long = "x".repeat(500);
    let e = bad(&format!(
        "[tree]\n\"j\" = {{ action = \"down\", desc = \"{long}\" }}\n"
    ));
    assert_eq!(e.line, Some(2));
    assert!(e.problem.len() < 400, "messages stay short: {e}");
}

#[test]
fn toml_syntax_errors_carry_the_line() {
    let e = bad("[tree]\n\"q\" = \"quit\"\n\"j\" = = \"down\"\n\"k\" = \"up\"\n");
    assert_eq!(e.line, Some(3), "{e}");
    let e = bad("[tree]\n\"q\" = \"quit\"\n\"j\" = \"down\n\"k\" = \"up\"\n");
    assert_eq!(e.line, Some(3), "{e}");
    let e = bad("[tree\n");
    assert_eq!(e.line, Some(1), "{e}");
}

#[test]
fn oversized_text_is_refused_before_parsing() {
    let text = format!(
        "[tree]\n{}",
        "# padding\n".repeat(MAX_KEYMAP_BYTES / 10 + 1)
    );
    let e = bad(&text);
    assert_eq!(e.line, None);
    assert!(e.problem.contains("64"), "{e}");
}

#[test]
fn files_named_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.toml");
    std::fs::write(
        &good,
        "[tree]\n\"x\" = { action = \"quit\", desc = \"Keluar\" }\n",
    )
    .unwrap();
    let km = Keymap::load(good.to_str().unwrap(), None).unwrap();
    assert_eq!(km.resolve(Mode::Tree, &k("x")), Some(Action::Quit));
    assert_eq!(
        km.resolve(Mode::Tree, &k("q")),
        None,
        "a file is a whole keymap, not an overlay"
    );

    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "[tree]\n\"x\" = { action = \"quitt\" }\n").unwrap();
    let e = Keymap::load(broken.to_str().unwrap(), None).unwrap_err();
    assert_eq!(e.file, broken.display().to_string());
    assert_eq!(e.line, Some(2));
    assert!(
        e.to_string()
            .starts_with(&format!("{}:2: ", broken.display()))
    );

    let e = Keymap::load("no-such-keymap", None).unwrap_err();
    assert!(
        e.problem.contains("no-such-keymap") && e.problem.contains("vim"),
        "{e}"
    );

    let e = Keymap::load(dir.path().to_str().unwrap(), None).unwrap_err();
    assert_eq!(e.line, None);

    let huge = dir.path().join("huge.toml");
    std::fs::write(&huge, vec![b'#'; MAX_KEYMAP_BYTES + 1]).unwrap();
    let e = Keymap::load(huge.to_str().unwrap(), None).unwrap_err();
    assert!(e.problem.contains("64"), "{e}");

    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(&latin1, b"[tree]\n\"\xe9\" = \"quit\"\n").unwrap();
    assert!(Keymap::load(latin1.to_str().unwrap(), None).is_err());
}

#[test]
fn user_file_replaces_unbinds_and_adds() {
    let dir = tempfile::tempdir().unwrap();
    let user = dir.path().join("keymap.toml");
    std::fs::write(
        &user,
        "# my keys\n[tree]\n\"q\" = { action = \"help\", desc = \"Bantuan saya\" }\n\
         \"<C-c>\" = \"none\"\n\"x\" = { action = \"quit\" }\n\
         [edit]\n\"<BackTab>\" = { action = \"cancel\", desc = \"Batal\" }\n",
    )
    .unwrap();
    let base = Keymap::builtin("default").unwrap();
    let km = Keymap::load("default", Some(&user)).unwrap();
    // Replaced, in place.
    assert_eq!(km.resolve(Mode::Tree, &k("q")), Some(Action::Help));
    let pos = |km: &Keymap, text: &str| km.bindings(Mode::Tree).iter().position(|b| b.text == text);
    assert_eq!(pos(&km, "q"), pos(&base, "q"));
    assert_eq!(
        km.bindings(Mode::Tree)[pos(&km, "q").unwrap()].desc,
        "Bantuan saya"
    );
    // Unbound.
    assert_eq!(km.resolve(Mode::Tree, &k("<C-c>")), None);
    assert!(pos(&km, "<C-c>").is_none());
    // Added, with the description the action has in the base keymap.
    assert_eq!(km.resolve(Mode::Tree, &k("x")), Some(Action::Quit));
    let x = &km.bindings(Mode::Tree)[pos(&km, "x").unwrap()];
    assert_eq!(x.desc, "Keluar");
    assert_eq!(x.desc_en.as_deref(), Some("Quit"));
    assert_eq!(km.keys_for(Mode::Tree, &Action::Quit), vec!["x"]);
    // Another spelling of the same key replaces it.
    assert_eq!(km.resolve(Mode::Edit, &k("<S-Tab>")), Some(Action::Cancel));
    assert_eq!(
        km.keys_for(Mode::Edit, &Action::CommitPrev),
        Vec::<&str>::new()
    );
    // Everything else is untouched.
    assert_eq!(km.bindings(Mode::Grid), base.bindings(Mode::Grid));
    assert_eq!(
        km.bindings(Mode::Tree).len(),
        base.bindings(Mode::Tree).len()
    );

    // Over vim as well.
    let vim = Keymap::load("vim", Some(&user)).unwrap();
    assert_eq!(vim.resolve(Mode::Tree, &k("q")), Some(Action::Help));
    assert_eq!(vim.resolve(Mode::Tree, &k("<C-d>")), Some(Action::PageDown));

    // A missing user file is no error; a bad one names itself.
    let absent = dir.path().join("absent.toml");
    assert_eq!(Keymap::load("default", Some(&absent)).unwrap(), base);
    std::fs::write(&user, "[tree]\n\"q\" = \"quit\"\n\"<C-q>\" = \"leave\"\n").unwrap();
    let e = Keymap::load("default", Some(&user)).unwrap_err();
    assert_eq!(e.file, user.display().to_string());
    assert_eq!(e.line, Some(3));
}
