//! Text from an old store or an import that holds control or bidirectional characters (an ESC
//! sequence, BEL, U+202E) is drawn escaped, never sent to the terminal as it is.

use crate::support::tui_support;

use kinerja::domain::CodeRef;
use kinerja::tui::App;
use kinerja::tui::app::Node;
use ratatui::buffer::Buffer;

fn render(app: &mut App, w: u16, h: u16) -> Buffer {
    crate::support::tui_support::render(app, w, h)
}

fn screen(buf: &Buffer) -> String {
    crate::support::tui_support::lines(buf).join("\n")
}

fn unsafe_cells(buf: &Buffer) -> Vec<(u16, u16, String)> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let s = buf[(x, y)].symbol();
            if s.chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c))
            {
                out.push((x, y, s.escape_debug().to_string()));
            }
        }
    }
    out
}

#[test]
fn stored_control_characters_are_drawn_escaped() {
    kinerja::text::set_thread_lang(kinerja::text::Lang::Id);
    let mut ds = tui_support::dataset();
    ds.units.get_mut("KANWIL").unwrap().name = "Kanwil\u{1b}]0;pwned\u{7}\u{202e}lawnaK".into();
    let iku = ds.iku.get_mut(&CodeRef::new("KANWIL", "IKU1")).unwrap();
    iku.name = "Pajak\u{1b}[2J".into();
    iku.definition = "baris satu\nbaris\u{1b}[31m dua".into();
    iku.unit_of_measure = "Rp\u{9b}".into();
    let mut a = tui_support::app_from(ds, false, false);
    for node in [
        Node::Unit("KANWIL".into()),
        Node::Iku(CodeRef::new("KANWIL", "IKU1")),
    ] {
        a.select_node(&node);
        for (w, h) in [(80, 24), (120, 40)] {
            let buf = render(&mut a, w, h);
            assert_eq!(
                unsafe_cells(&buf),
                vec![],
                "{node:?} {w}x{h}:\n{}",
                screen(&buf)
            );
            let text = screen(&buf);
            assert!(
                text.contains("\\u{1b}"),
                "the ESC is shown escaped:\n{text}"
            );
        }
    }
    let buf = render(&mut a, 120, 40);
    let text = screen(&buf);
    assert!(text.contains("Pajak\\u{1b}[2J"), "{text}");
    assert!(
        text.contains("\\u{9b}"),
        "a C1 control is escaped too: {text}"
    );
    a.select_node(&Node::Unit("KANWIL".into()));
    let text = screen(&render(&mut a, 120, 40));
    assert!(text.contains("\\u{202e}lawnaK"), "{text}");
}
