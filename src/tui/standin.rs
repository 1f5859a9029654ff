//! PRIVATE stand-ins for sibling branches (keymap, theme, store, interchange::number) so the TUI
//! compiles and is testable before they land. Deleted once those branches are merged; nothing
//! outside `tui` may use this module.

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier, Style};
use rust_decimal::Decimal;

use crate::domain::score::Status;
use crate::domain::{Addendum, CodeRef, Iku};
use crate::tui::action::{Action, Mode};

// ---------------------------------------------------------------- keymap

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBinding {
    pub key: String,
    pub action: Action,
    pub desc: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    modes: Vec<(Mode, Vec<KeyBinding>)>,
}

fn key_text(k: &KeyEvent) -> String {
    let mut s = String::new();
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        s.push_str("C-");
    }
    let base = match k.code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => "S-tab".into(),
        KeyCode::Backspace => "backspace".into(),
        KeyCode::Delete => "delete".into(),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::PageUp => "pageup".into(),
        KeyCode::PageDown => "pagedown".into(),
        _ => return String::new(),
    };
    s.push_str(&base);
    s
}

impl Keymap {
    pub fn builtin(name: &str) -> Option<Keymap> {
        if name != "default" {
            return None;
        }
        use Action::*;
        let b = |k: &str, a: Action, d: &str| KeyBinding {
            key: k.into(),
            action: a,
            desc: d.into(),
            text: k.into(),
        };
        let moves = |v: &mut Vec<KeyBinding>| {
            v.push(b("up", Up, "naik"));
            v.push(b("down", Down, "turun"));
            v.push(b("k", Up, "naik"));
            v.push(b("j", Down, "turun"));
            v.push(b("home", First, "awal"));
            v.push(b("end", Last, "akhir"));
            v.push(b("pageup", PageUp, "halaman naik"));
            v.push(b("pagedown", PageDown, "halaman turun"));
        };
        let mut tree = vec![];
        moves(&mut tree);
        tree.extend([
            b("left", Collapse, "tutup"),
            b("right", Expand, "buka"),
            b(" ", Toggle, "buka/tutup"),
            b("enter", FocusGrid, "ke grid"),
            b("tab", SwitchPane, "pindah panel"),
            b("[", PrevPeriod, "periode sebelumnya"),
            b("]", NextPeriod, "periode berikutnya"),
            b("/", Search, "cari"),
            b("n", NextMatch, "hasil berikutnya"),
            b("N", PrevMatch, "hasil sebelumnya"),
            b("u", Undo, "batal"),
            b("C-r", Redo, "ulang"),
            b("?", Help, "bantuan"),
            b("q", Quit, "keluar"),
            b("C-z", Suspend, "tangguhkan"),
            b("C-l", Redraw, "gambar ulang"),
        ]);
        let mut grid = vec![];
        moves(&mut grid);
        grid.extend([
            b("left", Left, "bulan sebelumnya"),
            b("right", Right, "bulan berikutnya"),
            b("h", Left, "bulan sebelumnya"),
            b("l", Right, "bulan berikutnya"),
            b("enter", StartEdit, "ubah"),
            b("e", StartEdit, "ubah"),
            b("delete", Clear, "kosongkan"),
            b("x", Clear, "kosongkan"),
            b("esc", FocusTree, "ke pohon"),
            b("tab", SwitchPane, "pindah panel"),
            b("[", PrevPeriod, "periode sebelumnya"),
            b("]", NextPeriod, "periode berikutnya"),
            b("u", Undo, "batal"),
            b("C-r", Redo, "ulang"),
            b("/", Search, "cari"),
            b("?", Help, "bantuan"),
            b("q", Quit, "keluar"),
            b("C-z", Suspend, "tangguhkan"),
        ]);
        let edit = vec![
            b("enter", Commit, "simpan"),
            b("esc", Cancel, "batal"),
            b("tab", CommitNext, "simpan, bulan berikutnya"),
            b("S-tab", CommitPrev, "simpan, bulan sebelumnya"),
            b("backspace", Backspace, "hapus kiri"),
            b("delete", DeleteChar, "hapus"),
            b("left", CursorLeft, "kursor kiri"),
            b("right", CursorRight, "kursor kanan"),
            b("C-u", Clear, "kosongkan"),
        ];
        let search = vec![
            b("enter", Commit, "selesai"),
            b("esc", Cancel, "hapus pencarian"),
            b("backspace", Backspace, "hapus kiri"),
            b("down", NextMatch, "hasil berikutnya"),
            b("up", PrevMatch, "hasil sebelumnya"),
        ];
        let help = vec![
            b("esc", Cancel, "tutup"),
            b("?", Help, "tutup"),
            b("q", Cancel, "tutup"),
            b("up", Up, "gulir naik"),
            b("down", Down, "gulir turun"),
            b("j", Down, "gulir turun"),
            b("k", Up, "gulir naik"),
        ];
        Some(Keymap {
            modes: vec![
                (Mode::Tree, tree),
                (Mode::Grid, grid),
                (Mode::Edit, edit),
                (Mode::Search, search),
                (Mode::Help, help),
                (Mode::Addendum, vec![b("esc", DiscardAddendum, "buang")]),
            ],
        })
    }
    pub fn load(name_or_file: &str, _user: Option<&Path>) -> Result<Keymap, String> {
        Keymap::builtin(name_or_file).ok_or_else(|| format!("unknown keymap {name_or_file}"))
    }
    pub fn bindings(&self, mode: Mode) -> &[KeyBinding] {
        self.modes
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(&[], |(_, v)| v.as_slice())
    }
    pub fn resolve(&self, mode: Mode, key: &KeyEvent) -> Option<Action> {
        let t = key_text(key);
        self.bindings(mode)
            .iter()
            .find(|b| b.key == t)
            .map(|b| b.action.clone())
    }
    pub fn keys_for(&self, mode: Mode, action: &Action) -> Vec<&str> {
        self.bindings(mode)
            .iter()
            .filter(|b| &b.action == action)
            .map(|b| b.text.as_str())
            .collect()
    }
}

// ---------------------------------------------------------------- theme

#[derive(Debug, Clone)]
pub struct Theme {
    pub ascii: bool,
    pub selection: Style,
    pub selection_symbol: &'static str,
    pub green: Style,
    pub yellow: Style,
    pub red: Style,
    pub dim: Style,
    pub frozen: Style,
    pub header: Style,
    pub footer: Style,
    pub title: Style,
    pub error: Style,
    pub target_spark: Style,
    pub realisasi_spark: Style,
}

impl Theme {
    pub fn new(ascii: bool, no_color: bool) -> Theme {
        let sel = if no_color {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        };
        let c = |c: Color| {
            if no_color {
                Style::new()
            } else {
                Style::new().fg(c)
            }
        };
        Theme {
            ascii,
            selection: sel,
            selection_symbol: if ascii { "> " } else { "▶ " },
            green: c(Color::Green),
            yellow: c(Color::Yellow),
            red: c(Color::Red),
            dim: Style::new().add_modifier(Modifier::DIM),
            frozen: c(Color::Blue).add_modifier(Modifier::ITALIC),
            header: c(Color::Cyan).add_modifier(Modifier::BOLD),
            footer: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD),
            error: c(Color::Red).add_modifier(Modifier::BOLD),
            target_spark: c(Color::Blue),
            realisasi_spark: c(Color::Green),
        }
    }
    pub fn from_env(ascii: bool) -> Theme {
        Theme::new(
            ascii,
            std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        )
    }
    pub fn mark(&self, s: Option<Status>) -> &'static str {
        match (s, self.ascii) {
            (Some(Status::Green), false) => "●",
            (Some(Status::Yellow), false) => "▲",
            (Some(Status::Red), false) => "▼",
            (None, false) => "·",
            (Some(Status::Green), true) => "+",
            (Some(Status::Yellow), true) => "~",
            (Some(Status::Red), true) => "-",
            (None, true) => ".",
        }
    }
    pub fn border_set(&self) -> ratatui::symbols::border::Set<'static> {
        if self.ascii {
            ratatui::symbols::border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            ratatui::symbols::border::PLAIN
        }
    }
}

// ---------------------------------------------------------------- number

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    Id,
    En,
}

pub fn parse_decimal(text: &str, locale: Locale) -> Result<Decimal, String> {
    let t = text.trim();
    let (thou, dec) = match locale {
        Locale::Id => ('.', ','),
        Locale::En => (',', '.'),
    };
    if t.matches(thou).count() == 1 && !t.contains(dec) {
        let after = t.split(thou).nth(1).unwrap_or("");
        if after.len() == 3 {
            return Err(format!("'{t}' ambigu / ambiguous"));
        }
    }
    let norm: String = t
        .chars()
        .filter(|c| *c != thou)
        .map(|c| if c == dec { '.' } else { c })
        .collect();
    norm.parse::<Decimal>()
        .map_err(|_| format!("'{t}' bukan angka / not a number"))
}

pub fn format_decimal(d: Decimal, locale: Locale, places: u32) -> String {
    let d = crate::domain::score::round_to(d, places);
    let s = format!("{:.*}", places as usize, d);
    group(&s, locale)
}

pub fn format_exact(d: Decimal, locale: Locale) -> String {
    group(&d.normalize().to_string(), locale)
}

fn group(s: &str, locale: Locale) -> String {
    let (thou, dec) = match locale {
        Locale::Id => ('.', ','),
        Locale::En => (',', '.'),
    };
    let (neg, s) = s.strip_prefix('-').map_or((false, s), |r| (true, r));
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(thou);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(frac);
    }
    if neg { format!("-{out}") } else { out }
}

// ---------------------------------------------------------------- store

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    SetRealisasi {
        iku: CodeRef,
        month: u8,
        value: Option<Decimal>,
    },
    SetTarget {
        iku: CodeRef,
        month: u8,
        value: Option<Decimal>,
    },
    PutIku(Box<Iku>),
    RemoveIku(CodeRef),
    PutAddendum(Addendum),
    SetRulebook(String),
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub user: String,
}

impl Actor {
    pub fn current() -> Actor {
        Actor {
            user: std::env::var("USER").unwrap_or_else(|_| "?".into()),
        }
    }
}

/// Keeps nothing: exists only so that run.rs compiles before the store branch lands.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    pub fn open(path: &Path) -> Result<Store, String> {
        Ok(Store {
            path: path.to_path_buf(),
        })
    }
    pub fn path(&self) -> &Path {
        &self.path
    }
    pub fn apply(
        &self,
        _year: i32,
        _changes: &[Change],
        _who: &Actor,
        _source: &str,
    ) -> Result<Vec<()>, String> {
        Err("store not merged yet".into())
    }
    pub fn load_year(&self, _year: i32) -> Result<crate::domain::Dataset, String> {
        Err("store not merged yet".into())
    }
    pub fn flush(&self) -> Result<(), String> {
        Ok(())
    }
}
