//! Header (store, year, rulebook, period, user) and footer (status line, keys of the mode).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::text::tui as t;
use crate::tui::action::{Action, Mode};
use crate::tui::app::{App, EditKind, Screen};
use crate::tui::deps::format_exact;

pub fn header(frame: &mut Frame, area: Rect, app: &App) {
    let sep = if app.ascii() { " | " } else { " │ " };
    let period = (t::month_name(app.period()), app.ds().year);
    let full = [
        format!("{} {}", t::YEAR.s(), app.ds().year),
        format!("{}: {}", t::RULEBOOK.s(), super::shown(&app.rb().name)),
        t::PERIOD.fill(&[("month", &period.0), ("year", &period.1)]),
        format!("{}: {}", t::USER.s(), app.user()),
    ]
    .join(sep);
    let w = area.width as usize;
    let texts = due_texts(app);
    // the labels stay when there is room for them and the shortest form of the deadline
    let due_room = texts
        .forms
        .last()
        .map_or(0, |d| d.chars().count() + sep.chars().count());
    // on a narrow terminal drop the labels rather than the facts
    let (right, label) = if full.chars().count() + 30 + due_room <= w {
        (full, format!(" {}: ", t::STORE.s()))
    } else {
        let short = [
            app.ds().year.to_string(),
            super::shown(&app.rb().name),
            t::PERIOD_SHORT.fill(&[("month", &period.0), ("year", &period.1)]),
            app.user().to_string(),
        ]
        .join(sep);
        (short, " ".to_string())
    };
    // who else has the store open (other TUIs on its server), before the path
    let right = if app.others().is_empty() {
        right
    } else {
        let also = format!(
            "{right}{sep}{}: {}",
            crate::text::server::ALSO_HERE.s(),
            app.others().join(", ")
        );
        if also.chars().count() + 12 <= w {
            also
        } else {
            right
        }
    };
    // the next deadline of the unit in view: as long as there is room for, the path whole if
    // it can be, else at least 12 columns of it
    let fixed = right.chars().count() + sep.chars().count() + label.chars().count();
    let path_w = app.store_path().display().to_string().chars().count();
    let fits = |d: &String, p: usize| fixed + d.chars().count() + sep.chars().count() + p <= w;
    let overdue = texts.overdue;
    let due = texts
        .forms
        .iter()
        .find(|d| fits(d, path_w))
        .or_else(|| texts.forms.iter().find(|d| fits(d, path_w.min(12))))
        .cloned()
        .unwrap_or_default();
    let due_w = if due.is_empty() {
        0
    } else {
        due.chars().count() + sep.chars().count()
    };
    let room = w.saturating_sub(fixed + due_w);
    let path = app.store_path().display().to_string();
    let n = path.chars().count();
    let path = if n <= room {
        path
    } else {
        // keep the end of a long path: the file name says most
        let ell = if app.ascii() { "..." } else { "…" };
        let keep = room.saturating_sub(ell.chars().count());
        format!("{ell}{}", path.chars().skip(n - keep).collect::<String>())
    };
    let mut spans = vec![Span::raw(format!("{label}{path}{sep}"))];
    if !due.is_empty() {
        let style = if overdue {
            app.theme().red.add_modifier(ratatui::style::Modifier::BOLD)
        } else {
            ratatui::style::Style::new()
        };
        spans.push(Span::styled(due, style));
        spans.push(Span::raw(sep));
    }
    spans.push(Span::raw(right));
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(app.theme().header),
        area,
    );
}

/// The next deadline of the unit in view, as the header shows it.
#[derive(Debug, Clone, Default)]
pub struct DueTexts {
    /// Longest first: "Tenggat pengisian Okt: 4 hari lagi", "pengisian Okt: 4 hr lagi",
    /// "4 hr lagi"; none when nothing is due.
    pub forms: Vec<String>,
    /// Overdue: every form starts with the theme's overdue mark (it reads without colour).
    pub overdue: bool,
}

/// The next deadline of the unit in view for the header (DOMAIN.md §11).
pub fn due_texts(app: &App) -> DueTexts {
    use crate::text::tui_round as tt;
    let Some(d) = app.next_deadline() else {
        return DueTexts::default();
    };
    let stage = tt::stage_short(d.stage);
    let month = t::month_name(d.month);
    // a number in the locale (1.234 in Indonesian)
    let days = crate::tui::deps::format_exact(
        rust_decimal::Decimal::from(d.days_left.abs()),
        app.locale(),
    );
    let args: [(&str, &dyn std::fmt::Display); 3] =
        [("stage", &stage), ("month", &month), ("days", &days)];
    let forms = if d.days_left > 0 {
        vec![
            tt::DUE_LEFT.fill(&args),
            tt::DUE_MID_LEFT.fill(&args),
            tt::DUE_SHORT_LEFT.fill(&args),
        ]
    } else if d.days_left == 0 {
        vec![tt::DUE_TODAY.fill(&args)]
    } else {
        let mark = app.theme().overdue_mark();
        [tt::DUE_OVER, tt::DUE_MID_OVER, tt::DUE_SHORT_OVER]
            .iter()
            .map(|m| format!("{mark} {}", m.fill(&args)))
            .collect()
    };
    DueTexts {
        forms,
        overdue: d.overdue(),
    }
}

/// The actions worth showing in the footer for a mode, most useful first.
pub fn footer_actions(mode: Mode) -> &'static [Action] {
    use Action::*;
    match mode {
        Mode::Tree => &[
            Help,
            Quit,
            Expand,
            SwitchPane,
            Worklist,
            Search,
            FilterNext,
            ListView,
            Compare,
            DetailDown,
            NextPeriod,
            PrevPeriod,
            SubmitMonth,
            Undo,
            Redo,
        ],
        Mode::Grid => &[
            Help,
            Quit,
            StartEdit,
            Clear,
            FocusTree,
            Worklist,
            Analysis,
            SubmitMonth,
            DetailDown,
            Compare,
            PageDown,
            Undo,
            Redo,
            NextPeriod,
        ],
        Mode::Worklist => &[
            StartEdit,
            SubmitMonth,
            Down,
            Right,
            Left,
            WorklistScope,
            Worklist,
            Clear,
            Analysis,
            Undo,
            Help,
            Quit,
        ],
        Mode::Peta => &[Expand, Right, Down, NextPeriod, PrevPeriod, Cancel, Help],
        Mode::Edit => &[Commit, Cancel, CommitNext, CommitPrev],
        Mode::Analysis => &[Commit, Cancel, NextField, PrevField, Newline, Undo],
        Mode::Search => &[Commit, Cancel, NextMatch, PrevMatch],
        Mode::Help => &[Cancel, Down, Up],
        Mode::Addendum => &[
            StartEdit,
            SubmitAddendum,
            DiscardAddendum,
            Clear,
            Down,
            Right,
            Help,
        ],
    }
}

/// A key as shown to the user: `<Enter>` → `Enter`.
pub fn key_label(text: &str) -> String {
    text.strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(text)
        .to_string()
}

/// The actions of the footer on this screen: the mode's, with what only this screen offers
/// first (the list's order, the filter's clearing) and nothing it does not (the addendum's
/// reason is one line: no "save, next month").
pub fn screen_actions(app: &App) -> Vec<Action> {
    use Action::*;
    match app.screen() {
        Screen::List => vec![
            Help, Quit, ListSort, ListView, Expand, DetailDown, FilterNext, Compare, NextPeriod,
        ],
        // Tab goes to the IKU's next IS, not the next month
        Screen::IsProgress(_) | Screen::LinkReason(_) | Screen::BudgetRealisasi(_) => {
            vec![Commit, Cancel]
        }
        // Tab goes to the next field (the editor's own hint row says so)
        Screen::IsPlan(_) => vec![Commit, Cancel],
        Screen::AddendumReason(_)
        | Screen::AddendumDate(_)
        | Screen::RoundReason(_)
        | Screen::EvidencePath(_)
        | Screen::CorrectionReason(_) => {
            vec![Commit, Cancel]
        }
        // in the worklist Tab goes to the next IKU, not the next month
        Screen::Edit(e) if e.in_worklist => vec![Commit, Cancel],
        Screen::Message { .. } => vec![Cancel, Down, Up],
        _ => {
            let mut v = footer_actions(app.mode()).to_vec();
            if app.filter().is_some() && matches!(app.mode(), Mode::Tree | Mode::Grid) {
                v.insert(2, FilterClear);
            }
            v
        }
    }
}

/// "key desc" hints of the mode from the keymap, as many as fit in `width`.
pub fn key_hints(app: &App, width: usize) -> String {
    let mode = app.mode();
    if matches!(app.screen(), Screen::AddendumDiscard) {
        return t::ADD_CONFIRM_HINTS.s().to_string();
    }
    if matches!(app.screen(), Screen::AddendumConfirm(_)) {
        return t::ADD_QUESTION_HINTS.s().to_string();
    }
    if matches!(app.screen(), Screen::ConfirmRealisasi(_)) {
        return t::IMPLAUSIBLE_HINTS.s().to_string();
    }
    let mut out = String::new();
    for a in &screen_actions(app) {
        let Some(b) = app.keymap().bindings(mode).iter().find(|b| &b.action == a) else {
            continue;
        };
        let hint = format!("{} {}", key_label(&b.text), b.desc);
        let sep = if out.is_empty() { "" } else { " · " };
        if out.chars().count() + sep.chars().count() + hint.chars().count() > width {
            continue;
        }
        out.push_str(sep);
        out.push_str(&hint);
    }
    if app.ascii() {
        out.replace('·', "|")
    } else {
        out
    }
}

/// The tag of the mode in the footer: inside the addendum mode its text inputs say so too.
pub fn mode_tag(app: &App) -> String {
    let mode = app.mode();
    let title = super::help::mode_title(mode);
    if app.addendum().is_some() && mode != Mode::Addendum {
        format!("{}/{title}", super::help::mode_title(Mode::Addendum))
    } else {
        title.to_string()
    }
}

pub fn footer(frame: &mut Frame, area: Rect, app: &App) {
    let tag = mode_tag(app);
    let tag_w = tag.chars().count();
    let mode_tag = Span::styled(format!(" {tag} "), app.theme().selection);
    let mut status = vec![mode_tag, Span::raw(" ")];
    let x = area.x + (tag_w + 3) as u16;
    if let Some(e) = app.editor() {
        let mname = t::month_name(e.month);
        let prompt = match e.kind {
            EditKind::Realisasi => t::EDIT_PROMPT.fill(&[("month", &mname)]),
            EditKind::Target => t::TARGET_PROMPT.fill(&[("iku", &e.iku.code), ("month", &mname)]),
        };
        input_line(app, frame, &mut status, (x, area.y), prompt, &e.input);
    } else if let Screen::IsProgress(p) = app.screen() {
        let prompt =
            crate::text::plan::IS_PROMPT.fill(&[("is", &p.is), ("month", &t::month_name(p.month))]);
        input_line(app, frame, &mut status, (x, area.y), prompt, &p.input);
    } else if let Screen::BudgetRealisasi(p) = app.screen() {
        let prompt = crate::text::plan::BUDGET_PROMPT
            .fill(&[("line", &p.line), ("month", &t::month_name(p.month))]);
        input_line(app, frame, &mut status, (x, area.y), prompt, &p.input);
    } else if let Screen::LinkReason(p) = app.screen() {
        let prompt = crate::text::plan::LINK_REASON_PROMPT.fill(&[("link", &p.shown())]);
        input_line(app, frame, &mut status, (x, area.y), prompt, &p.input);
    } else if let Screen::AddendumReason(input) = app.screen() {
        let prompt = t::ADD_REASON_PROMPT.s().to_string();
        input_line(app, frame, &mut status, (x, area.y), prompt, input);
    } else if let Screen::RoundReason(p) = app.screen() {
        let verb = match p.action {
            crate::domain::round::Action::Reopen => crate::text::tui_round::REOPEN_VERB.s(),
            _ => crate::text::tui_round::RETURN_VERB.s(),
        };
        let prompt = crate::text::tui_round::REASON_PROMPT.fill(&[
            ("action", &verb),
            ("unit", &super::shown(&p.unit)),
            ("month", &t::month_name(p.month)),
        ]);
        input_line(app, frame, &mut status, (x, area.y), prompt, &p.input);
    } else if let Screen::CorrectionReason(p) = app.screen() {
        let prompt = crate::text::tui_round::CORRECTION_PROMPT.fill(&[
            ("iku", &super::shown(&p.editor.iku.code)),
            ("month", &t::month_name(p.editor.month)),
            ("value", &super::exact(app, p.value)),
        ]);
        input_line(app, frame, &mut status, (x, area.y), prompt, &p.input);
    } else if let Screen::EvidencePath(p) = app.screen() {
        let prompt = crate::text::tui_round::EV_PROMPT.fill(&[
            ("iku", &super::shown(&p.iku.code)),
            ("month", &t::month_name(p.month)),
        ]);
        input_line(app, frame, &mut status, (x, area.y), prompt, &p.input);
    } else if let Screen::AddendumDate(input) = app.screen() {
        let prompt = t::ADD_DATE_PROMPT.fill(&[("year", &app.ds().year)]);
        input_line(app, frame, &mut status, (x, area.y), prompt, input);
    } else if let Screen::AddendumConfirm(q) = app.screen() {
        let a = &q.addendum;
        let question = t::ADD_QUESTION.fill(&[
            ("version", &a.version),
            ("unit", &super::shown(&a.unit)),
            ("date", &a.date.format("%Y-%m-%d")),
            ("n", &a.changes.len()),
            ("created", &q.created.len()),
        ]);
        let st = if q.created.is_empty() {
            app.theme().title
        } else {
            app.theme().error
        };
        status.push(Span::styled(question, st));
    } else if let Screen::AddendumDiscard = app.screen() {
        let (n, unit) = app
            .addendum()
            .map(|s| (s.len(), s.unit.clone()))
            .unwrap_or_default();
        let q = t::ADD_CONFIRM_DISCARD.fill(&[("n", &n), ("unit", &unit)]);
        status.push(Span::styled(q, app.theme().error));
    } else if let Screen::ConfirmRealisasi(c) = app.screen() {
        // the value first, as it was read, so that a narrow footer still shows it
        let q = t::IMPLAUSIBLE_CONFIRM.fill(&[
            ("value", &format_exact(c.value, app.locale())),
            ("why", &crate::text::reason::implausible(&c.why)),
        ]);
        status.push(Span::styled(q, app.theme().error));
    } else if let Screen::Search { .. } = app.screen() {
        let prompt = t::SEARCH_PROMPT.s();
        status.push(Span::styled(prompt, app.theme().title));
        status.push(Span::raw(app.search().query().to_string()));
        if !app.status().is_empty() {
            let st = if app.status_is_error() {
                app.theme().error
            } else {
                app.theme().dim
            };
            status.push(Span::styled(format!("  {}", app.status()), st));
        }
        frame.set_cursor_position((
            x + (prompt.chars().count() + app.search().query().chars().count()) as u16,
            area.y,
        ));
    } else {
        let st = if app.status_is_error() {
            app.theme().error
        } else {
            app.theme().footer
        };
        let room = (area.width as usize).saturating_sub(tag_w + 3);
        status.push(Span::styled(fit_message(app, room), st));
    }
    let hints = Line::styled(key_hints(app, area.width as usize), app.theme().dim);
    frame.render_widget(Paragraph::new(vec![Line::from(status), hints]), area);
}

/// The status message in `room` columns: whole when it fits, else cut with `…` and the key that
/// shows it in full (never cut silently).
pub fn fit_message(app: &App, room: usize) -> String {
    let msg = app.status();
    if msg.chars().count() <= room {
        return msg.to_string();
    }
    let key = app
        .keymap()
        .bindings(app.mode())
        .iter()
        .find(|b| b.action == Action::ShowMessage)
        .map(|b| key_label(&b.text));
    let ell = if app.ascii() { "..." } else { "…" };
    let tail = match key {
        Some(k) => format!("{ell} [{k}: {}]", t::MSG_MORE.s()),
        None => ell.to_string(),
    };
    let keep = room.saturating_sub(tail.chars().count());
    let head: String = msg.chars().take(keep).collect();
    format!("{}{tail}", head.trim_end())
}

/// A prompt and the text of an input after it, its error if any, and the terminal cursor at
/// the input's cursor.
fn input_line(
    app: &App,
    frame: &mut Frame,
    status: &mut Vec<Span<'static>>,
    (x, y): (u16, u16),
    prompt: String,
    input: &crate::tui::app::TextInput,
) {
    let prompt_w = prompt.chars().count() as u16;
    status.push(Span::styled(prompt, app.theme().title));
    status.push(Span::raw(input.text().to_string()));
    if let Some(err) = input.error() {
        status.push(Span::styled(format!("  {err}"), app.theme().error));
    }
    frame.set_cursor_position((x + prompt_w + input.cursor() as u16, y));
}
