//! The tree in natural order: under a unit its own SS first (by perspective, then code), then
//! its child units; codes compare as people read them (SS-2 before SS-10, 1a-N before 10a-N).

use kinerja::domain::*;
use kinerja::tui::app::Node;

fn unit(code: &str, parent: Option<&str>) -> Unit {
    Unit {
        code: code.into(),
        name: format!("Unit {code}"),
        level: Level::Two,
        parent: parent.map(Into::into),
        perspective_weights: Default::default(),
    }
}

fn ss(unit: &str, code: &str, p: Perspective) -> Ss {
    Ss {
        unit: unit.into(),
        code: code.into(),
        perspective: p,
        name: format!("SS {code}"),
        weight: None,
        cascaded_from: None,
    }
}

fn iku(unit: &str, code: &str, ss: &str) -> Iku {
    Iku::new(
        unit,
        code,
        ss,
        Polarity::Maximize,
        Consolidation::Sum,
        ReportingPeriod::Monthly,
    )
}

fn dataset() -> Dataset {
    Dataset::from_parts(
        2025,
        "kmk-300-2022",
        [
            unit("ROOT", None),
            unit("U-10", Some("ROOT")),
            unit("U-2", Some("ROOT")),
        ],
        [
            ss("ROOT", "SS-1", Perspective::LearningGrowth),
            ss("ROOT", "SS-10", Perspective::Stakeholder),
            ss("ROOT", "SS-2", Perspective::Stakeholder),
            ss("ROOT", "SS-3", Perspective::Customer),
        ],
        [
            iku("ROOT", "10a-N", "SS-2"),
            iku("ROOT", "1a-N", "SS-2"),
            iku("ROOT", "2a-N", "SS-2"),
        ],
        vec![],
    )
}

#[test]
fn a_units_own_ss_come_first_by_perspective_then_natural_code_then_its_child_units() {
    let app = crate::support::tui_support::app_from(dataset(), false, false);
    let ids: Vec<String> = app
        .children(&Node::Unit("ROOT".into()))
        .iter()
        .map(Node::id)
        .collect();
    assert_eq!(
        ids,
        [
            "s:ROOT/SS-2",
            "s:ROOT/SS-10",
            "s:ROOT/SS-3",
            "s:ROOT/SS-1",
            "u:U-2",
            "u:U-10"
        ]
    );
    let ikus: Vec<String> = app
        .children(&Node::Ss(CodeRef::new("ROOT", "SS-2")))
        .iter()
        .map(Node::id)
        .collect();
    assert_eq!(ikus, ["i:ROOT/1a-N", "i:ROOT/2a-N", "i:ROOT/10a-N"]);
}

#[test]
fn natural_order_compares_the_numbers_in_codes() {
    use std::cmp::Ordering::*;
    assert_eq!(natural_cmp("SS-2", "SS-10"), Less);
    assert_eq!(natural_cmp("1a-N", "10a-N"), Less);
    assert_eq!(natural_cmp("SS-10", "SS-9"), Greater);
    assert_eq!(natural_cmp("a", "a"), Equal);
    // total: codes the natural order sees as equal still have an order
    assert_ne!(natural_cmp("SS-01", "SS-1"), Equal);
}
