//! Every user-facing sentence, Indonesian (default) and English.
//!
//! Sentences are grouped by area in submodules (`text::store`, `text::cli`, …) so that each part
//! of the program keeps its words in one place. A sentence is a [`Msg`] with `{name}`
//! placeholders filled by [`Msg::fill`].

use std::sync::atomic::{AtomicU8, Ordering};

/// The user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "id" | "in" | "indonesia" | "indonesian" => Some(Lang::Id),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A language set for this thread only (tests that render in English run beside tests that
    /// render in Indonesian in one process).
    static THREAD_LANG: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Sets the process-wide language (from `--lang`), for every thread that has not chosen its own.
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
    THREAD_LANG.with(|l| l.set(None));
}

/// Sets the language of the calling thread only; the process-wide language stays.
pub fn set_thread_lang(lang: Lang) {
    THREAD_LANG.with(|l| l.set(Some(lang)));
}

/// The language of this thread: its own if it set one, else the process-wide language.
pub fn lang() -> Lang {
    if let Some(l) = THREAD_LANG.with(|l| l.get()) {
        return l;
    }
    if LANG.load(Ordering::Relaxed) == 1 {
        Lang::En
    } else {
        Lang::Id
    }
}

/// One sentence in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Msg {
    pub id: &'static str,
    pub en: &'static str,
}

impl Msg {
    /// The sentence in the given language.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.id,
            Lang::En => self.en,
        }
    }
    /// The sentence in the process-wide language.
    pub fn s(&self) -> &'static str {
        self.get(lang())
    }
    /// The sentence in the process-wide language with `{name}` placeholders filled.
    pub fn fill(&self, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        self.fill_in(lang(), args)
    }
    /// The sentence in `lang` with `{name}` placeholders filled.
    pub fn fill_in(&self, lang: Lang, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut out = self.get(lang).to_string();
        for (k, v) in args {
            out = out.replace(&format!("{{{k}}}"), &v.to_string());
        }
        out
    }
}

/// Shorthand to declare a sentence: `msg!("indonesia", "english")`.
#[macro_export]
macro_rules! msg {
    ($id:expr, $en:expr $(,)?) => {
        $crate::text::Msg { id: $id, en: $en }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn fill_replaces_placeholders_in_both_languages() {
        let m = crate::msg!("toko {p} dipakai", "store {p} in use");
        assert_eq!(m.fill_in(Lang::Id, &[("p", &"/x")]), "toko /x dipakai");
        assert_eq!(m.fill_in(Lang::En, &[("p", &"/x")]), "store /x in use");
    }
}

pub mod cli;
pub mod domain;
pub mod interchange;
pub mod plan;
pub mod reason;
pub mod report;
pub mod round;
pub mod safe;
pub mod server;
pub mod store;
pub mod tui;
pub mod tui_round;
pub mod vocab;
