//! Keymaps: which key does what in which mode.
//!
//! A keymap is a TOML file with one section per [`Mode`]; each entry binds one key to one
//! [`Action`] with a description for the help popup (the format is documented at the top of
//! `keymaps/default.toml`). The built-in keymaps `default` and `vim` are compiled in; `--keymap`
//! picks one of them or a file, and the user's own file (see [`Keymap::user_file_path`]) is
//! merged over it: a key the user names replaces the binding of that key in that mode, and
//! `action = "none"` unbinds it.
//!
//! Loading never panics and never reads without bound: files are capped at
//! [`MAX_KEYMAP_BYTES`], descriptions at [`MAX_FIELD_CHARS`]. A bad keymap is a [`KeymapError`]
//! naming the file, the line and the problem, in the user's language.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use toml::de::{DeTable, DeValue};

use crate::text::tui as t;
use crate::text::{Lang, lang};
use crate::tui::action::{Action, Mode};

/// The largest keymap file that is read (64 KiB; the shipped ones are about 8 KiB).
pub const MAX_KEYMAP_BYTES: usize = 64 * 1024;
/// The longest `desc`/`desc_en`/`action` text accepted, in characters.
pub const MAX_FIELD_CHARS: usize = 120;

/// The name that unbinds a key (`action = "none"`).
pub const UNBIND: &str = "none";

const BUILTINS: &[(&str, &str, &str)] = &[
    (
        "default",
        "keymaps/default.toml",
        include_str!("../../keymaps/default.toml"),
    ),
    (
        "vim",
        "keymaps/vim.toml",
        include_str!("../../keymaps/vim.toml"),
    ),
];

/// One key bound to one action in one mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBinding {
    /// The key, as crossterm reports it (kind `Press`, no state).
    pub key: KeyEvent,
    pub action: Action,
    /// The description in the language active when the keymap was loaded (falls back to the
    /// Indonesian one, then to the action's name).
    pub desc: String,
    /// `desc` as written in the file (Indonesian), if any.
    pub desc_id: Option<String>,
    /// `desc_en` as written in the file, if any.
    pub desc_en: Option<String>,
    /// The key as written in the file, e.g. `"<C-r>"`.
    pub text: String,
}

impl KeyBinding {
    /// The description in `lang`: `desc_en` for English when given, else `desc`, else the
    /// action's name.
    pub fn desc_in(&self, lang: Lang) -> &str {
        let en = match lang {
            Lang::En => self.desc_en.as_deref(),
            Lang::Id => None,
        };
        en.or(self.desc_id.as_deref())
            .unwrap_or_else(|| self.action.name())
    }
}

/// A key normalised for comparison: what two spellings of the same key have in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct NormKey {
    code: KeyCode,
    modifiers: KeyModifiers,
}

/// Normalises a key: a `Char` with SHIFT is the uppercase char without SHIFT, Shift-Tab is
/// `BackTab`, and only the modifiers a keymap can name (Ctrl, Alt, Shift) count.
fn normalise(key: &KeyEvent) -> NormKey {
    let mut modifiers =
        key.modifiers & (KeyModifiers::SHIFT | KeyModifiers::CONTROL | KeyModifiers::ALT);
    let code = match key.code {
        KeyCode::Char(c) => {
            let shifted = modifiers.contains(KeyModifiers::SHIFT);
            modifiers.remove(KeyModifiers::SHIFT);
            if shifted {
                KeyCode::Char(upper(c))
            } else {
                KeyCode::Char(c)
            }
        }
        KeyCode::BackTab => {
            modifiers.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
            modifiers.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        other => other,
    };
    NormKey { code, modifiers }
}

/// The uppercase of `c` when it is a single char, else `c`.
fn upper(c: char) -> char {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// The named keys of the key syntax (matched case-insensitively) and the first name of each,
/// used in messages.
const KEY_NAMES: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("CR", KeyCode::Enter),
    ("Return", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Escape", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("BS", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Del", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
    ("Ins", KeyCode::Insert),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PgUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("PgDn", KeyCode::PageDown),
    ("Space", KeyCode::Char(' ')),
    ("lt", KeyCode::Char('<')),
    ("gt", KeyCode::Char('>')),
    ("minus", KeyCode::Char('-')),
];

/// The key names listed in messages (without the aliases).
const SHOWN_KEY_NAMES: &str = "Enter, Esc, Tab, BackTab, Backspace, Delete, Insert, Up, Down, \
     Left, Right, Home, End, PageUp, PageDown, Space, F1…F12";

/// Reads one key in the keymap syntax: a single character (case-sensitive, `"N"` is Shift-n),
/// a name in angle brackets (`<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`/`<BackTab>`, `<Backspace>`,
/// `<Delete>`, `<Up>` … `<PageDown>`, `<Space>`, `<F1>`…`<F12>`), optionally with modifiers
/// `C-` (Ctrl), `A-`/`M-` (Alt), `S-` (Shift): `<C-r>`, `<A-x>`, `<S-Up>`.
///
/// The error is a sentence in the user's language saying what is wrong.
pub fn parse_key(text: &str) -> Result<KeyEvent, String> {
    let mut chars = text.chars();
    let (first, second) = (chars.next(), chars.next());
    let Some(first) = first else {
        return Err(t::KEYMAP_KEY_EMPTY.s().to_string());
    };
    if second.is_none() {
        return single_char(first, KeyModifiers::NONE);
    }
    if first != '<' {
        return Err(t::KEYMAP_KEY_SEQUENCE.s().to_string());
    }
    let Some(inner) = text[1..].strip_suffix('>') else {
        return Err(t::KEYMAP_KEY_UNCLOSED.s().to_string());
    };
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = inner;
    // Modifier prefixes: one letter and a dash, with something after the dash.
    loop {
        let mut it = rest.char_indices();
        match (it.next(), it.next(), it.next()) {
            (Some((_, m)), Some((_, '-')), Some(_)) if m != '-' => {
                modifiers |= match m.to_ascii_uppercase() {
                    'C' => KeyModifiers::CONTROL,
                    'A' | 'M' => KeyModifiers::ALT,
                    'S' => KeyModifiers::SHIFT,
                    _ => {
                        return Err(t::KEYMAP_KEY_UNKNOWN_MODIFIER.fill(&[("modifier", &m)]));
                    }
                };
                rest = &rest[m.len_utf8() + 1..];
            }
            _ => break,
        }
    }
    let mut it = rest.chars();
    match (it.next(), it.next()) {
        (None, _) => return Err(t::KEYMAP_KEY_EMPTY.s().to_string()),
        (Some(c), None) => return single_char(c, modifiers),
        _ => {}
    }
    if let Some(n) = rest
        .strip_prefix(['F', 'f'])
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=12).contains(n) && !rest[1..].starts_with('+'))
    {
        return Ok(KeyEvent::new(KeyCode::F(n), modifiers));
    }
    match KEY_NAMES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(rest))
    {
        Some((_, code)) => Ok(KeyEvent::new(*code, modifiers)),
        None => {
            Err(t::KEYMAP_KEY_UNKNOWN_NAME
                .fill(&[("name", &clip(rest)), ("names", &SHOWN_KEY_NAMES)]))
        }
    }
}

fn single_char(c: char, modifiers: KeyModifiers) -> Result<KeyEvent, String> {
    if c.is_control() {
        return Err(t::KEYMAP_KEY_CONTROL_CHAR.s().to_string());
    }
    if modifiers.contains(KeyModifiers::SHIFT) {
        // Shift with a letter is that letter's uppercase; with anything else a terminal sends
        // the shifted symbol itself, so `<S-1>` could never arrive.
        if !c.is_alphabetic() || upper(c) == c {
            return Err(t::KEYMAP_KEY_SHIFT_SYMBOL.fill(&[("char", &c)]));
        }
        return Ok(KeyEvent::new(
            KeyCode::Char(upper(c)),
            modifiers - KeyModifiers::SHIFT,
        ));
    }
    Ok(KeyEvent::new(KeyCode::Char(c), modifiers))
}

/// A bad keymap: the file, the line (1-based, when known) and the problem in the user's
/// language. Displays as `file:line: problem`.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    pub file: String,
    pub line: Option<usize>,
    pub problem: String,
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

/// The key bindings of every mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Where the bindings came from (the base file, as `file` of errors names it).
    source: String,
    /// Bindings per mode, indexed like `Mode::ALL`, in file order.
    modes: Vec<Vec<KeyBinding>>,
    /// Keys the file unbinds (`action = "none"`), applied when merged over another keymap.
    unbound: Vec<Vec<KeyEvent>>,
}

fn mode_index(mode: Mode) -> usize {
    Mode::ALL.iter().position(|m| *m == mode).unwrap_or(0)
}

impl Keymap {
    /// The names of the built-in keymaps.
    pub fn builtin_names() -> Vec<&'static str> {
        BUILTINS.iter().map(|(n, _, _)| *n).collect()
    }

    /// A built-in keymap: `"default"` or `"vim"`.
    pub fn builtin(name: &str) -> Option<Keymap> {
        let (_, file, text) = BUILTINS.iter().find(|(n, _, _)| *n == name)?;
        // The built-ins are tested to load; a failure here would only mean "no such keymap".
        Keymap::from_toml(text, file).ok()
    }

    /// The keymap for `--keymap NAME|FILE` (a built-in name, else a file path) with the user's
    /// file merged over it. A `user_file` that does not exist is skipped.
    pub fn load(name_or_file: &str, user_file: Option<&Path>) -> Result<Keymap, KeymapError> {
        let mut keymap = match BUILTINS.iter().find(|(n, _, _)| *n == name_or_file) {
            Some((_, file, text)) => Keymap::from_toml(text, file)?,
            None => {
                let path = Path::new(name_or_file);
                match read_capped(path)? {
                    Some(text) => Keymap::from_toml(&text, name_or_file)?,
                    None => {
                        return Err(KeymapError {
                            file: name_or_file.to_string(),
                            line: None,
                            problem: t::KEYMAP_NOT_FOUND.fill(&[
                                ("name", &clip(name_or_file)),
                                ("builtins", &Keymap::builtin_names().join(", ")),
                            ]),
                        });
                    }
                }
            }
        };
        if let Some(user) = user_file
            && let Some(text) = read_capped(user)?
        {
            let overlay = Keymap::from_toml(&text, &user.display().to_string())?;
            keymap.merge(&overlay);
            if overlay.unbinds() {
                keymap.check_quit(&user.display().to_string())?;
            }
        }
        if keymap.unbinds() {
            keymap.check_quit(name_or_file)?;
        }
        Ok(keymap)
    }

    /// Whether the file unbinds any key (`action = "none"`).
    fn unbinds(&self) -> bool {
        self.unbound.iter().any(|keys| !keys.is_empty())
    }

    /// Refuses a keymap in which no key quits from the tree, the first screen (a file that
    /// unbinds both `q` and `<C-c>` would leave no way out); `file` is the one to blame.
    fn check_quit(&self, file: &str) -> Result<(), KeymapError> {
        if self.modes[mode_index(Mode::Tree)]
            .iter()
            .any(|b| b.action == Action::Quit)
        {
            return Ok(());
        }
        Err(KeymapError {
            file: file.to_string(),
            line: None,
            problem: t::KEYMAP_NO_QUIT.s().to_string(),
        })
    }

    /// Where the user's own keymap lives: `$XDG_CONFIG_HOME/kinerja/keymap.toml`, else
    /// `~/.config/kinerja/keymap.toml`. The file need not exist.
    pub fn user_file_path() -> Option<PathBuf> {
        crate::safe::dirs::config_dir().map(|d| d.join("keymap.toml"))
    }

    /// Parses a keymap from TOML text; `file` names it in errors.
    pub fn from_toml(text: &str, file: &str) -> Result<Keymap, KeymapError> {
        let err = |line: Option<usize>, problem: String| KeymapError {
            file: file.to_string(),
            line,
            problem,
        };
        if text.len() > MAX_KEYMAP_BYTES {
            let max = MAX_KEYMAP_BYTES / 1024;
            return Err(err(None, t::KEYMAP_TOO_LARGE.fill(&[("max", &max)])));
        }
        let doc = match DeTable::parse(text) {
            Ok(doc) => doc,
            Err(e) => {
                let span = e.span();
                if e.message() == "duplicate key"
                    && let Some(span) = span.clone()
                    && let Some(problem) = duplicate_key_problem(text, span.clone())
                {
                    return Err(err(Some(line_of(text, span.start)), problem));
                }
                let reason = e.message().trim().to_string();
                return Err(err(
                    span.map(|s| line_of(text, s.start)),
                    t::KEYMAP_SYNTAX.fill(&[("reason", &reason)]),
                ));
            }
        };
        let lines = LineIndex::new(text);
        let mut keymap = Keymap {
            source: file.to_string(),
            modes: vec![Vec::new(); Mode::ALL.len()],
            unbound: vec![Vec::new(); Mode::ALL.len()],
        };
        for (section, value) in in_file_order(doc.get_ref()) {
            let line = lines.line(section.span().start);
            let name = section.get_ref().as_ref();
            let Some(mode) = Mode::parse(name) else {
                let modes: Vec<&str> = Mode::ALL.iter().map(|m| m.as_str()).collect();
                return Err(err(
                    Some(line),
                    t::KEYMAP_UNKNOWN_MODE
                        .fill(&[("name", &clip(name)), ("modes", &modes.join(", "))]),
                ));
            };
            let DeValue::Table(entries) = value.get_ref() else {
                return Err(err(
                    Some(line),
                    t::KEYMAP_NOT_A_SECTION.fill(&[("name", &clip(name))]),
                ));
            };
            // Normalised key -> (index into `written`) to find two actions on one key.
            let mut seen: HashMap<NormKey, (String, String, usize)> = HashMap::new();
            for (key, value) in in_file_order(entries) {
                let line = lines.line(key.span().start);
                let key_text = key.get_ref().as_ref();
                let event = parse_key(key_text).map_err(|reason| {
                    err(
                        Some(line),
                        t::KEYMAP_BAD_KEY.fill(&[
                            ("key", &clip(key_text)),
                            ("mode", &mode.as_str()),
                            ("reason", &reason),
                        ]),
                    )
                })?;
                let entry = read_entry(&lines, mode, key_text, value)
                    .map_err(|(l, p)| err(Some(l.unwrap_or(line)), p))?;
                let norm = normalise(&event);
                let action_name = entry.action.as_ref().map_or(UNBIND, |a| a.name());
                if let Some((first, first_key, first_line)) = seen.get(&norm)
                    && first != action_name
                {
                    return Err(err(
                        Some(line),
                        t::KEYMAP_CONFLICT.fill(&[
                            ("key", &clip(key_text)),
                            ("mode", &mode.as_str()),
                            ("first", first),
                            ("first_line", first_line),
                            ("first_key", &clip(first_key)),
                            ("second", &action_name),
                        ]),
                    ));
                }
                seen.entry(norm)
                    .or_insert_with(|| (action_name.to_string(), key_text.to_string(), line));
                let Some(action) = entry.action else {
                    keymap.unbound[mode_index(mode)].push(event);
                    continue;
                };
                let binding = KeyBinding {
                    key: event,
                    action,
                    desc: String::new(),
                    desc_id: entry.desc_id,
                    desc_en: entry.desc_en,
                    text: key_text.to_string(),
                };
                let binding = KeyBinding {
                    desc: binding.desc_in(lang()).to_string(),
                    ..binding
                };
                keymap.modes[mode_index(mode)].push(binding);
            }
        }
        Ok(keymap)
    }

    /// Merges `overlay` (the user's file) over this keymap: each key it names replaces this
    /// keymap's binding of the same key in the same mode (in place, so the help keeps its
    /// order); new keys are appended; unbound keys are removed. A binding without `desc` takes
    /// the description of this keymap's binding of the same action.
    pub fn merge(&mut self, overlay: &Keymap) {
        for (i, mode_bindings) in overlay.modes.iter().enumerate() {
            for key in &overlay.unbound[i] {
                let norm = normalise(key);
                self.modes[i].retain(|old| normalise(&old.key) != norm);
            }
            for b in mode_bindings {
                let mut b = b.clone();
                if b.desc_id.is_none() && b.desc_en.is_none() {
                    let same = |old: &&KeyBinding| old.action == b.action;
                    let found = self.modes[i]
                        .iter()
                        .find(same)
                        .or_else(|| self.modes.iter().flatten().find(same));
                    if let Some(old) = found {
                        b.desc_id = old.desc_id.clone();
                        b.desc_en = old.desc_en.clone();
                        b.desc = b.desc_in(lang()).to_string();
                    }
                }
                let norm = normalise(&b.key);
                match self.modes[i]
                    .iter()
                    .position(|old| normalise(&old.key) == norm)
                {
                    Some(at) => {
                        self.modes[i][at] = b;
                        let mut index = 0;
                        self.modes[i].retain(|old| {
                            index += 1;
                            index - 1 == at || normalise(&old.key) != norm
                        });
                    }
                    None => self.modes[i].push(b),
                }
            }
        }
    }

    /// Where the keymap came from (a built-in's path like `keymaps/vim.toml`, or the file).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The action bound to `key` in `mode`, if any. Release events resolve to nothing.
    pub fn resolve(&self, mode: Mode, key: &KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let norm = normalise(key);
        self.bindings(mode)
            .iter()
            .find(|b| normalise(&b.key) == norm)
            .map(|b| b.action.clone())
    }

    /// Like [`Keymap::resolve`], but in the text-entry modes (edit, search) an unbound
    /// printable character without Ctrl/Alt becomes `Action::Insert`, and in the grid and the
    /// worklist an unbound digit, sign or decimal separator does (it starts the cell's editor).
    pub fn resolve_or_insert(&self, mode: Mode, key: &KeyEvent) -> Option<Action> {
        if let Some(action) = self.resolve(mode, key) {
            return Some(action);
        }
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let norm = normalise(key);
        let typed = match norm.code {
            KeyCode::Char(c)
                if !c.is_control()
                    && !norm
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                c
            }
            _ => return None,
        };
        match mode {
            Mode::Edit | Mode::Search | Mode::Analysis => Some(Action::Insert(typed)),
            // in the grid and the worklist a number typed on a cell starts its editor
            Mode::Grid | Mode::Worklist if starts_a_number(typed) => Some(Action::Insert(typed)),
            _ => None,
        }
    }

    /// The bindings of `mode` in file order (for the help popup).
    pub fn bindings(&self, mode: Mode) -> &[KeyBinding] {
        &self.modes[mode_index(mode)]
    }

    /// The keys bound to `action` in `mode`, as written, e.g. `["q", "<C-c>"]` (for the footer).
    pub fn keys_for(&self, mode: Mode, action: &Action) -> Vec<&str> {
        self.bindings(mode)
            .iter()
            .filter(|b| &b.action == action)
            .map(|b| b.text.as_str())
            .collect()
    }
}

/// A character that starts typing a number into a cell of the grid or the worklist when it is
/// not bound there: a digit, a sign or a decimal separator.
pub fn starts_a_number(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '-' | '+' | ',' | '.')
}

/// One binding's value, read.
struct Entry {
    /// `None` for `action = "none"`.
    action: Option<Action>,
    desc_id: Option<String>,
    desc_en: Option<String>,
}

type Spanned<T> = toml::Spanned<T>;

/// Reads the value of one binding: an action name, or a table with `action`, `desc`,
/// `desc_en`. The error carries the line of the offending field when it is known.
fn read_entry(
    lines: &LineIndex,
    mode: Mode,
    key: &str,
    value: &Spanned<DeValue<'_>>,
) -> Result<Entry, (Option<usize>, String)> {
    let field_line = |s: &Spanned<DeValue<'_>>| Some(lines.line(s.span().start));
    let too_long = |field: &str, line| {
        (
            line,
            t::KEYMAP_FIELD_TOO_LONG.fill(&[
                ("field", &field),
                ("key", &clip(key)),
                ("max", &MAX_FIELD_CHARS),
            ]),
        )
    };
    let (action_value, desc_id, desc_en) = match value.get_ref() {
        DeValue::String(s) => (
            Some((s.as_ref().to_string(), field_line(value))),
            None,
            None,
        ),
        DeValue::Table(fields) => {
            let (mut action, mut desc_id, mut desc_en) = (None, None, None);
            for (name, v) in in_file_order(fields) {
                let field = name.get_ref().as_ref();
                let line = field_line(v);
                let DeValue::String(s) = v.get_ref() else {
                    let problem = if ["action", "desc", "desc_en"].contains(&field) {
                        t::KEYMAP_FIELD_NOT_TEXT.fill(&[("field", &field), ("key", &clip(key))])
                    } else {
                        t::KEYMAP_UNKNOWN_FIELD
                            .fill(&[("field", &clip(field)), ("key", &clip(key))])
                    };
                    return Err((line, problem));
                };
                let s = s.as_ref();
                if s.chars().count() > MAX_FIELD_CHARS {
                    return Err(too_long(field, line));
                }
                let s = s.trim().to_string();
                match field {
                    "action" => action = Some((s, line)),
                    "desc" => desc_id = Some(s).filter(|s| !s.is_empty()),
                    "desc_en" => desc_en = Some(s).filter(|s| !s.is_empty()),
                    _ => {
                        return Err((
                            Some(lines.line(name.span().start)),
                            t::KEYMAP_UNKNOWN_FIELD
                                .fill(&[("field", &clip(field)), ("key", &clip(key))]),
                        ));
                    }
                }
            }
            (action, desc_id, desc_en)
        }
        _ => {
            return Err((
                field_line(value),
                t::KEYMAP_BAD_VALUE.fill(&[("key", &clip(key)), ("mode", &mode.as_str())]),
            ));
        }
    };
    let Some((name, line)) = action_value else {
        return Err((
            None,
            t::KEYMAP_MISSING_ACTION.fill(&[("key", &clip(key)), ("mode", &mode.as_str())]),
        ));
    };
    if name.chars().count() > MAX_FIELD_CHARS {
        return Err(too_long("action", line));
    }
    let action = if name == UNBIND {
        None
    } else {
        match Action::parse(&name) {
            Some(a) => Some(a),
            None => return Err((line, unknown_action(&name))),
        }
    };
    Ok(Entry {
        action,
        desc_id,
        desc_en,
    })
}

/// "unknown action" with the names closest to the one written.
fn unknown_action(name: &str) -> String {
    let wanted = name.to_ascii_lowercase().replace('_', "-");
    let mut close: Vec<(usize, &str)> = Action::BINDABLE
        .iter()
        .map(|a| a.name())
        .chain([UNBIND])
        .filter_map(|candidate| {
            let d = distance(&wanted, candidate);
            let related = wanted.len() >= 3
                && (candidate.contains(wanted.as_str()) || wanted.contains(candidate));
            let limit = if candidate == UNBIND {
                1
            } else {
                2.max(candidate.len() / 3)
            };
            (d <= limit || related).then_some((d, candidate))
        })
        .collect();
    close.sort();
    let names: Vec<&str> = close.iter().take(4).map(|(_, n)| *n).collect();
    let suggestion = if names.is_empty() {
        String::new()
    } else {
        t::KEYMAP_DID_YOU_MEAN.fill(&[("names", &names.join(", "))])
    };
    t::KEYMAP_UNKNOWN_ACTION.fill(&[("action", &clip(name)), ("suggestion", &suggestion)])
}

/// Levenshtein distance, on at most the first 64 characters of each side.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The entries of a TOML table in the order they appear in the file.
fn in_file_order<'a, 'i>(
    table: &'a DeTable<'i>,
) -> Vec<(
    &'a Spanned<toml::de::DeString<'i>>,
    &'a Spanned<DeValue<'i>>,
)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

/// Line numbers of byte offsets, computed once per text (a keymap may hold thousands of keys).
struct LineIndex {
    /// Byte offsets of the newlines.
    newlines: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let newlines = text
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| (b == b'\n').then_some(i))
            .collect();
        LineIndex { newlines }
    }
    /// The 1-based line of byte offset `pos`.
    fn line(&self, pos: usize) -> usize {
        self.newlines.partition_point(|nl| *nl < pos) + 1
    }
}

/// The 1-based line of byte offset `pos` in `text`.
fn line_of(text: &str, pos: usize) -> usize {
    let end = pos.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// A user-written string shortened for a message (hostile input may be long).
fn clip(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

/// The message for a key written twice in one section (TOML itself refuses that): names both
/// actions when they can be read. `None` when the duplicate is not a binding (e.g. a section).
fn duplicate_key_problem(text: &str, span: std::ops::Range<usize>) -> Option<String> {
    let raw = text.get(span.clone())?.trim();
    let key = if raw.starts_with(['"', '\'']) {
        match DeValue::parse(raw).ok()?.into_inner() {
            DeValue::String(s) => s.into_owned(),
            _ => return None,
        }
    } else {
        raw.to_string()
    };
    // The first occurrence survives in the partial document.
    let (doc, _) = DeTable::parse_recoverable(text);
    let mut first: Option<(Mode, &Spanned<DeValue<'_>>, usize)> = None;
    for (section, value) in in_file_order(doc.get_ref()) {
        let (Some(mode), DeValue::Table(entries)) =
            (Mode::parse(section.get_ref().as_ref()), value.get_ref())
        else {
            continue;
        };
        for (k, v) in entries.iter() {
            if k.get_ref().as_ref() == key
                && k.span().start < span.start
                && first.is_none_or(|(_, _, s)| s < k.span().start)
            {
                first = Some((mode, v, k.span().start));
            }
        }
    }
    let (mode, first_value, first_start) = first?;
    let action_of = |v: &Spanned<DeValue<'_>>| -> Option<String> {
        let name = match v.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Table(t) => match t.get("action")?.get_ref() {
                DeValue::String(s) => s.to_string(),
                _ => return None,
            },
            _ => return None,
        };
        Some(name)
    };
    let first_action = action_of(first_value);
    // The second value: the rest of its line after `=`.
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let after = text[span.end..line_end].trim_start().strip_prefix('=')?;
    let second_action = DeValue::parse(after.trim())
        .ok()
        .and_then(|v| action_of(&v))
        .or_else(|| {
            // A trailing comment: cut after the closing brace of an inline table.
            let end = after.rfind('}')?;
            DeValue::parse(after[..=end].trim())
                .ok()
                .and_then(|v| action_of(&v))
        });
    let first_line = line_of(text, first_start);
    Some(match (first_action, second_action) {
        (Some(first), Some(second)) if first != second => t::KEYMAP_CONFLICT.fill(&[
            ("key", &clip(&key)),
            ("mode", &mode.as_str()),
            ("first", &clip(&first)),
            ("first_line", &first_line),
            ("first_key", &clip(&key)),
            ("second", &clip(&second)),
        ]),
        _ => t::KEYMAP_DUPLICATE.fill(&[
            ("key", &clip(&key)),
            ("mode", &mode.as_str()),
            ("first_line", &first_line),
        ]),
    })
}

/// Reads a keymap file of at most [`MAX_KEYMAP_BYTES`]; `Ok(None)` when it does not exist.
fn read_capped(path: &Path) -> Result<Option<String>, KeymapError> {
    let err = |problem: String| KeymapError {
        file: path.display().to_string(),
        line: None,
        problem,
    };
    use crate::safe::read::{self, Links, ReadError};
    let read_failed = |e: &dyn std::fmt::Display| err(t::KEYMAP_READ_FAILED.fill(&[("reason", e)]));
    let too_large = || {
        let max = MAX_KEYMAP_BYTES / 1024;
        err(t::KEYMAP_TOO_LARGE.fill(&[("max", &max)]))
    };
    // Open, then fstat the handle: a FIFO or a device could block or never end.
    let file = match read::open_regular(path, Links::Follow) {
        Ok(f) => f,
        Err(ReadError::NotFound(_)) => return Ok(None),
        Err(ReadError::NotRegular { .. }) => {
            return Err(err(t::KEYMAP_NOT_REGULAR_FILE.s().to_string()));
        }
        Err(ReadError::Io { error, .. }) => return Err(read_failed(&error)),
        Err(e) => return Err(read_failed(&e)),
    };
    let bytes = match read::read_capped(file, MAX_KEYMAP_BYTES as u64, path) {
        Ok(b) => b,
        Err(ReadError::TooLarge { .. }) => return Err(too_large()),
        Err(ReadError::Io { error, .. }) => return Err(read_failed(&error)),
        Err(e) => return Err(read_failed(&e)),
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| err(t::KEYMAP_NOT_UTF8.s().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn key_syntax() {
        assert_eq!(
            parse_key("j").unwrap(),
            key(KeyCode::Char('j'), KeyModifiers::NONE)
        );
        assert_eq!(
            parse_key("N").unwrap(),
            key(KeyCode::Char('N'), KeyModifiers::NONE)
        );
        assert_eq!(
            parse_key("<").unwrap(),
            key(KeyCode::Char('<'), KeyModifiers::NONE)
        );
        assert_eq!(
            parse_key("<C-r>").unwrap(),
            key(KeyCode::Char('r'), KeyModifiers::CONTROL)
        );
        assert_eq!(
            parse_key("<C-->").unwrap(),
            key(KeyCode::Char('-'), KeyModifiers::CONTROL)
        );
        assert_eq!(
            parse_key("<S-n>").unwrap(),
            key(KeyCode::Char('N'), KeyModifiers::NONE)
        );
        assert_eq!(
            parse_key("<f12>").unwrap(),
            key(KeyCode::F(12), KeyModifiers::NONE)
        );
        assert_eq!(
            parse_key("<A-S-Up>").unwrap(),
            key(KeyCode::Up, KeyModifiers::ALT | KeyModifiers::SHIFT)
        );
        assert_eq!(parse_key("<Space>").unwrap().code, KeyCode::Char(' '));
        for bad in [
            "", "jj", "<C-r", "<F13>", "<F0>", "<X-a>", "<S-1>", "<Foo>", "\t", "<>",
        ] {
            assert!(parse_key(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn normalisation_matches_terminal_spellings() {
        let n = |c, m| normalise(&key(c, m));
        assert_eq!(
            n(KeyCode::Char('N'), KeyModifiers::SHIFT),
            n(KeyCode::Char('N'), KeyModifiers::NONE)
        );
        assert_eq!(
            n(KeyCode::Char('n'), KeyModifiers::SHIFT),
            n(KeyCode::Char('N'), KeyModifiers::NONE)
        );
        assert_ne!(
            n(KeyCode::Char('n'), KeyModifiers::NONE),
            n(KeyCode::Char('N'), KeyModifiers::NONE)
        );
        assert_eq!(
            n(KeyCode::BackTab, KeyModifiers::SHIFT),
            n(KeyCode::Tab, KeyModifiers::SHIFT)
        );
        assert_eq!(
            n(
                KeyCode::Char('R'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            ),
            normalise(&parse_key("<C-R>").unwrap())
        );
    }

    #[test]
    fn line_of_counts_newlines_and_survives_any_offset() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("é\n", 1), 1);
        assert_eq!(line_of("a\n", 99), 2);
        let idx = LineIndex::new("a\nb\nc");
        assert_eq!(
            (idx.line(0), idx.line(1), idx.line(2), idx.line(99)),
            (1, 1, 2, 3)
        );
    }

    #[test]
    fn suggestions_are_close_names() {
        let m = crate::text::tui::KEYMAP_UNKNOWN_ACTION.en;
        assert!(m.contains("{suggestion}"));
        let s = unknown_action("donw");
        assert!(s.contains("down"), "{s}");
        let s = unknown_action("redraww");
        assert!(s.contains("redraw"), "{s}");
        assert!(!unknown_action("zzzzzzzzzz").contains('('));
    }
}
