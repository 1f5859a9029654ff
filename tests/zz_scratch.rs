mod tui_support;
use kinerja::domain::CodeRef;
use kinerja::tui::action::Action;
use kinerja::tui::app::Node;
use kinerja::tui::ui::draw;
use kinerja::tui::update::update;
use ratatui::{Terminal, backend::TestBackend};
fn show(a: &mut kinerja::tui::App, w: u16, h: u16) {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| draw(f, a)).unwrap();
    let buf = term.backend().buffer().clone();
    for y in 0..h { let l: String = (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect(); println!("{l}"); }
}
#[test]
fn s() {
    let mut a = tui_support::app();
    a.select_node(&Node::Unit("KANWIL".into()));
    show(&mut a, 80, 24);
    show(&mut a, 120, 40);
    a.select_node(&Node::Iku(CodeRef::new("PUSAT", "P1")));
    update(&mut a, Action::StartAddendum);
    update(&mut a, Action::StartEdit);
    for c in "3000".chars() { update(&mut a, Action::Insert(c)); }
    update(&mut a, Action::Commit);
    update(&mut a, Action::Right);
    update(&mut a, Action::Clear);
    show(&mut a, 80, 24);
    update(&mut a, Action::SubmitAddendum);
    for c in "naik".chars() { update(&mut a, Action::Insert(c)); }
    show(&mut a, 120, 40);
    let fx = update(&mut a, Action::Commit);
    println!("{fx:?}");
    a.applied(Ok(()));
    show(&mut a, 120, 40);
}
