//! clap speaks the user's language: the help texts of the commands and options (written
//! "Indonesian / English" in the derive attributes) are cut to the active language, clap's own
//! words (usage, headings, defaults, possible values) come from the text catalogue, and its
//! errors are rendered from their kind and context by [`error_text`].

use clap::builder::{Arg, Command, StyledStr};
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::text::cli as t;
use crate::text::{Lang, lang};

/// The side of "indonesia / english" for `lang`; a text without " / " is kept whole.
pub fn side(text: &str, lang: Lang) -> String {
    match text.split_once(" / ") {
        Some((id, en)) => match lang {
            Lang::Id => id.trim().to_string(),
            Lang::En => en.trim().to_string(),
        },
        None => text.to_string(),
    }
}

/// An `after_help` of examples: the heading in the language, every "a / b" line cut.
fn after_help(text: &str, lang: Lang) -> String {
    text.lines()
        .map(|l| {
            let l = l
                .replace("Contoh / examples:", t::CLAP_EXAMPLES.get(lang))
                .replace("Contoh:", t::CLAP_EXAMPLES.get(lang));
            let l = if lang == Lang::En {
                l.replace("# buka TUI", "# opens the TUI")
            } else {
                l
            };
            if l.contains(" / ") { side(&l, lang) } else { l }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn arg(a: Arg, lang: Lang, order: usize) -> Arg {
    let mut help = a.get_help().map(|h| side(&h.to_string(), lang));
    let long = a.get_long_help().map(|h| side(&h.to_string(), lang));
    let mut extra: Vec<String> = Vec::new();
    let pv: Vec<String> = if a.get_value_parser().possible_values().is_some() {
        a.get_possible_values()
            .iter()
            .filter(|p| !p.is_hide_set())
            .map(|p| p.get_name().to_string())
            .collect()
    } else {
        Vec::new()
    };
    if !pv.is_empty() && a.get_action().takes_values() {
        extra.push(t::CLAP_POSSIBLE.fill_in(lang, &[("values", &pv.join(", "))]));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && a.get_action().takes_values() {
        extra.push(t::CLAP_DEFAULT.fill_in(lang, &[("value", &defaults.join(","))]));
    }
    if let Some(env) = a.get_env() {
        extra.push(format!("[env: {}]", env.to_string_lossy()));
    }
    if !extra.is_empty() {
        let h = help.get_or_insert_with(String::new);
        if !h.is_empty() {
            h.push(' ');
        }
        h.push_str(&extra.join(" "));
    }
    let heading = if a.is_positional() {
        t::CLAP_ARGUMENTS.get(lang)
    } else {
        t::CLAP_OPTIONS.get(lang)
    };
    let takes = a.get_action().takes_values();
    let a = a.hide_env(true).help_heading(heading).display_order(order);
    let a = if takes {
        a.hide_default_value(true).hide_possible_values(true)
    } else {
        a
    };
    let a = match help {
        Some(h) => a.help(h),
        None => a,
    };
    match long {
        Some(h) => a.long_help(h),
        None => a,
    }
}

fn command(cmd: Command, lang: Lang, root: bool) -> Command {
    let about = cmd.get_about().map(|s| side(&s.to_string(), lang));
    let long_about = cmd.get_long_about().map(|s| {
        // the root's long about: Indonesian lines, then one English line
        let s = s.to_string();
        let lines: Vec<&str> = s.lines().collect();
        match lang {
            Lang::Id => lines[..lines.len().saturating_sub(1).max(1)].join("\n"),
            Lang::En => lines.last().copied().unwrap_or_default().to_string(),
        }
    });
    let after = cmd
        .get_after_help()
        .map(|s| after_help(&s.to_string(), lang));
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t::CLAP_USAGE.get(lang)
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t::CLAP_COMMANDS.get(lang))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(t::CLAP_HELP.get(lang))
                .global(root),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(t::CLAP_VERSION.get(lang)),
        );
    }
    if let Some(a) = about {
        cmd = cmd.about(a);
    }
    if let Some(a) = long_about {
        cmd = cmd.long_about(a);
    }
    if let Some(a) = after {
        cmd = cmd.after_help(a);
    }
    let mut order = 0;
    cmd = cmd.mut_args(|a| {
        order += 1;
        arg(a, lang, order)
    });
    cmd.mut_subcommands(|s| {
        if s.get_name() == "help" {
            s
        } else {
            command(s, lang, false)
        }
    })
}

/// The command line of `Cli` in `lang`.
pub fn localized(cmd: Command, lang: Lang) -> Command {
    command(cmd, lang, true)
}

/// `kinerja help report` reads as `kinerja report --help` (clap's own help subcommand is
/// replaced, it spoke English).
pub fn help_subcommand(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let Some(i) = args
        .iter()
        .skip(1)
        .position(|a| !a.to_string_lossy().starts_with('-'))
    else {
        return args;
    };
    let i = i + 1;
    // only when "help" is the subcommand, not the value of an option
    if args[i] != "help" || args[i - 1].to_string_lossy().starts_with("--") && i > 1 {
        return args;
    }
    let mut out: Vec<_> = args[..i].to_vec();
    out.extend(args[i + 1..].iter().cloned());
    out.push("--help".into());
    out
}

fn ctx(e: &clap::Error, k: ContextKind) -> Option<String> {
    match e.get(k)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(StyledStr::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A clap error in the active language: what was wrong, a suggestion when clap has one, the
/// usage, and where to read more.
pub fn error_text(e: &clap::Error) -> String {
    let l = lang();
    let arg = ctx(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = ctx(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut out = String::new();
    let head = match e.kind() {
        ErrorKind::InvalidValue => {
            let valid = ctx(e, ContextKind::ValidValue);
            let mut s = if value.is_empty() {
                t::CLAP_ERR_EMPTY_VALUE.fill_in(l, &[("arg", &arg)])
            } else {
                t::CLAP_ERR_INVALID_VALUE.fill_in(l, &[("value", &value), ("arg", &arg)])
            };
            if let Some(v) = valid {
                s.push_str(&t::CLAP_POSSIBLE_SENTENCE.fill_in(l, &[("values", &v)]));
            }
            s
        }
        ErrorKind::ValueValidation => {
            t::CLAP_ERR_INVALID_VALUE.fill_in(l, &[("value", &value), ("arg", &arg)])
        }
        ErrorKind::UnknownArgument => t::CLAP_ERR_UNKNOWN_ARG.fill_in(l, &[("arg", &arg)]),
        ErrorKind::InvalidSubcommand => {
            let sub = ctx(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            t::CLAP_ERR_UNKNOWN_SUBCOMMAND.fill_in(l, &[("name", &sub)])
        }
        ErrorKind::MissingRequiredArgument => t::CLAP_ERR_MISSING.fill_in(l, &[("args", &arg)]),
        ErrorKind::MissingSubcommand => {
            let sub = ctx(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            t::CLAP_ERR_MISSING_SUBCOMMAND.fill_in(l, &[("name", &sub)])
        }
        ErrorKind::ArgumentConflict => {
            let prior = ctx(e, ContextKind::PriorArg).unwrap_or_default();
            t::CLAP_ERR_CONFLICT.fill_in(l, &[("arg", &arg), ("prior", &prior)])
        }
        ErrorKind::NoEquals => t::CLAP_ERR_NO_EQUALS.fill_in(l, &[("arg", &arg)]),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            t::CLAP_ERR_COUNT.fill_in(l, &[("arg", &arg)])
        }
        ErrorKind::InvalidUtf8 => t::CLAP_ERR_UTF8.get(l).to_string(),
        _ => t::CLAP_ERR_OTHER.get(l).to_string(),
    };
    out.push_str(t::CLAP_ERROR.get(l));
    out.push_str(&head);
    out.push('\n');
    let suggestion = ctx(e, ContextKind::SuggestedArg)
        .or_else(|| ctx(e, ContextKind::SuggestedSubcommand))
        .or_else(|| ctx(e, ContextKind::SuggestedValue));
    if let Some(s) = suggestion {
        out.push_str(&t::CLAP_DID_YOU_MEAN.fill_in(l, &[("s", &s)]));
        out.push('\n');
    }
    if let Some(u) = ctx(e, ContextKind::Usage) {
        let u = u.trim();
        let u = u.strip_prefix("Usage:").unwrap_or(u).trim();
        out.push('\n');
        out.push_str(&format!("{} {}\n", t::CLAP_USAGE.get(l), usage_words(u, l)));
    }
    out.push('\n');
    out.push_str(t::CLAP_MORE.get(l));
    out.push('\n');
    out
}

/// clap's placeholders in a usage line in `lang` (`[OPTIONS]` → `[OPSI]`).
pub fn usage_words(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    text.replace("[OPTIONS]", "[OPSI]")
        .replace("[COMMAND]", "[SUBPERINTAH]")
        .replace("<COMMAND>", "<SUBPERINTAH>")
}
