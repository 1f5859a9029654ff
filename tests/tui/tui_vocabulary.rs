//! Every screen of the sample in Indonesian speaks Indonesian: the walk renders every unit, SS
//! and IKU (tree, detail, grid, K3 panel), the help with its legend and glossary, and the
//! messages of refused edits, and fails on an English domain word.

use crate::support::vocab_support::english_words;

use kinerja::interchange::json::import_document;
use kinerja::text::{Lang, set_thread_lang};
use kinerja::tui::App;
use kinerja::tui::action::Action;
use kinerja::tui::app::Node;
use kinerja::tui::update::update;

fn sample_app() -> App {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/kalbar-2025.json"
    ))
    .unwrap();
    let mut ds = import_document(&text).unwrap();
    // the texts written by people (Definisi "per semester") are theirs: the walk looks at the
    // words the program puts on screen
    for i in ds.iku.values_mut() {
        i.definition = "Definisi contoh".into();
        i.formula = "Formula contoh".into();
        i.data_source = "Sumber contoh".into();
        i.responsible = "Penanggung jawab contoh".into();
    }
    crate::support::tui_support::app_from(ds, false, false)
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    crate::support::tui_support::screen(app, w, h)
}

#[test]
fn every_screen_of_the_sample_speaks_indonesian() {
    set_thread_lang(Lang::Id);
    let mut app = sample_app();
    let mut seen = String::new();
    let nodes = app.all_nodes();
    assert!(nodes.len() > 80, "the walk covers the sample");
    for node in &nodes {
        app.select_node(node);
        app.sync_detail();
        for (w, h) in [(200, 60), (120, 40)] {
            seen.push_str(&screen(&mut app, w, h));
            seen.push('\n');
        }
        if let Node::Unit(_) = node {
            // the worklist of the unit, alone and with the units below, in every month, and
            // the refusal of typing into a roll-up IKU
            update(&mut app, Action::Worklist);
            for scope in 0..2 {
                for _ in 0..12 {
                    update(&mut app, Action::Left);
                }
                for m in 1..=12 {
                    seen.push_str(&screen(&mut app, 120, 40));
                    seen.push('\n');
                    update(&mut app, Action::Insert('1'));
                    seen.push_str(&screen(&mut app, 80, 24));
                    seen.push_str(app.status());
                    seen.push('\n');
                    if app.editor().is_some() {
                        update(&mut app, Action::Cancel);
                    }
                    if m < 12 {
                        update(&mut app, Action::Right);
                    }
                }
                if scope == 0 {
                    update(&mut app, Action::WorklistScope);
                }
            }
            update(&mut app, Action::WorklistScope);
            update(&mut app, Action::Worklist);
        }
        if let Node::Iku(_) = node {
            update(&mut app, Action::FocusGrid);
            // every month of the grid, and the refusals of months that cannot be edited
            for _ in 0..12 {
                update(&mut app, Action::Left);
                update(&mut app, Action::StartEdit);
                seen.push_str(app.status());
                seen.push('\n');
                update(&mut app, Action::Cancel);
            }
            seen.push_str(&screen(&mut app, 200, 60));
            update(&mut app, Action::FocusTree);
        }
    }
    update(&mut app, Action::Help);
    // the last column of the key list is the action's name as a keymap file writes it (a
    // machine word, like the fields of the JSON): left out of the walk
    let names: Vec<&str> = Action::BINDABLE.iter().map(|a| a.name()).collect();
    for line in kinerja::tui::ui::help::lines_for(&app, 200) {
        let text = line.to_string();
        let text = text.trim_end();
        let text = match text.rsplit_once("  ") {
            Some((rest, last)) if names.contains(&last.trim()) => rest,
            _ => text,
        };
        seen.push_str(text);
        seen.push('\n');
    }
    let found = english_words(&seen);
    assert!(
        found.is_empty(),
        "English domain words on Indonesian screens:\n{}",
        found
            .iter()
            .take(20)
            .map(|(w, l)| format!("{w}: {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
