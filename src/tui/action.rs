//! Every user intent of the TUI, named in kebab-case: these names are what keymaps bind.

/// The keymap sections: each keymap file has one section per mode. Which one applies is decided
/// by the screen on display ([`Screen::keymap_mode`](crate::tui::app::Screen::keymap_mode)); the
/// addendum's reason and its y/n question read text and use the `edit` section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    /// Moving in the tree (left pane).
    Tree,
    /// Moving in the 12-month grid of an IKU (right pane).
    Grid,
    /// Typing a value into a grid cell.
    Edit,
    /// Typing a search query.
    Search,
    /// The help popup.
    Help,
    /// Gathering target changes into a pending addendum.
    Addendum,
    /// The worklist: what is due for a month (in place of the tree and the detail).
    Worklist,
    /// The Peta Strategi of a unit (in place of the tree and the detail).
    Peta,
    /// The analysis editor of an IKU-month (multi-line fields).
    Analysis,
}

impl Mode {
    pub const ALL: &'static [Mode] = &[
        Mode::Tree,
        Mode::Grid,
        Mode::Edit,
        Mode::Search,
        Mode::Help,
        Mode::Addendum,
        Mode::Worklist,
        Mode::Peta,
        Mode::Analysis,
    ];
    /// The section name in keymap files.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Tree => "tree",
            Mode::Grid => "grid",
            Mode::Edit => "edit",
            Mode::Search => "search",
            Mode::Help => "help",
            Mode::Addendum => "addendum",
            Mode::Worklist => "worklist",
            Mode::Peta => "peta",
            Mode::Analysis => "analysis",
        }
    }
    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.iter().copied().find(|m| m.as_str() == s)
    }
}

macro_rules! actions {
    ($($variant:ident => $name:literal),+ $(,)?) => {
        /// A user intent. Text typed in the editor or the search box arrives as `Insert`.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum Action {
            $($variant,)+
            /// A printable character typed in an input field (not bindable).
            Insert(char),
        }
        impl Action {
            /// Every bindable action.
            pub const BINDABLE: &'static [Action] = &[$(Action::$variant),+];
            /// The kebab-case name used in keymap files.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)+
                    Action::Insert(_) => "insert",
                }
            }
            /// Reads a kebab-case name.
            pub fn parse(name: &str) -> Option<Action> {
                match name {
                    $($name => Some(Action::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

actions! {
    Quit => "quit",
    Up => "up",
    Down => "down",
    Left => "left",
    Right => "right",
    First => "first",
    Last => "last",
    PageUp => "page-up",
    PageDown => "page-down",
    Expand => "expand",
    Collapse => "collapse",
    Toggle => "toggle",
    FocusGrid => "focus-grid",
    FocusTree => "focus-tree",
    SwitchPane => "switch-pane",
    PrevPeriod => "prev-period",
    NextPeriod => "next-period",
    StartEdit => "start-edit",
    Commit => "commit",
    Cancel => "cancel",
    CommitNext => "commit-next",
    CommitPrev => "commit-prev",
    Backspace => "backspace",
    DeleteChar => "delete-char",
    CursorLeft => "cursor-left",
    CursorRight => "cursor-right",
    Clear => "clear",
    Undo => "undo",
    Redo => "redo",
    Search => "search",
    NextMatch => "next-match",
    PrevMatch => "prev-match",
    Help => "help",
    Suspend => "suspend",
    StartAddendum => "start-addendum",
    SubmitAddendum => "submit-addendum",
    DiscardAddendum => "discard-addendum",
    Redraw => "redraw",
    FilterNext => "filter-next",
    FilterClear => "filter-clear",
    ListView => "list-view",
    ListSort => "list-sort",
    Compare => "compare",
    ComparePrev => "compare-prev",
    CompareNext => "compare-next",
    DetailDown => "detail-down",
    DetailUp => "detail-up",
    ShowMessage => "show-message",
    Worklist => "worklist",
    WorklistScope => "worklist-scope",
    PetaStrategi => "peta-strategi",
    IsProgress => "is-progress",
    PetaLink => "peta-link",
    PetaUnlink => "peta-unlink",
    BudgetRealisasi => "budget-realisasi",
    IsPlan => "is-plan",
    IsReport => "is-report",
    SubmitMonth => "submit-month",
    ValidateMonth => "validate-month",
    ReturnMonth => "return-month",
    CloseMonth => "close-month",
    ReopenMonth => "reopen-month",
    Analysis => "analysis",
    AttachEvidence => "attach-evidence",
    NextField => "next-field",
    PrevField => "prev-field",
    Newline => "newline",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for a in Action::BINDABLE {
            assert_eq!(Action::parse(a.name()).as_ref(), Some(a));
        }
        assert_eq!(Action::parse("insert"), None, "insert is not bindable");
        for m in Mode::ALL {
            assert_eq!(Mode::parse(m.as_str()), Some(*m));
        }
    }
}
