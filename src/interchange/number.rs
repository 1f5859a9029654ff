//! Numbers typed by a person (`interchange` §3): locale-aware reading, the ambiguity rule, and
//! display.
//!
//! # Reading rules
//!
//! Each locale has a *decimal* character and a *grouping* character: `id` reads `,` as decimal
//! and `.` as thousands grouping (`1.234,5`), `en` the other way round (`1,234.5`). Surrounding
//! whitespace is ignored; a leading `-` makes the number negative; nothing else (no `+`, no spaces
//! inside, no exponent) is accepted. At most [`MAX_NUMBER_CHARS`] characters.
//!
//! With `g` the grouping and `d` the decimal character of the active locale:
//!
//! 1. One `d`: the part before it is the integer part (digits, optionally grouped with `g`), the
//!    part after it the fraction (digits only). `id`: `1.234,5`, `12,5`, `0,25`.
//! 2. No `d` and no `g`: a whole number. `1234`, `-3`.
//! 3. No `d` and two or more `g`: a grouped whole number; grouping must be well formed.
//!    `id`: `1.234.567`.
//! 4. No `d` and exactly one `g`, i.e. `L g R`:
//!    - if it is a well-formed grouping (`L` is 1–3 digits not starting with `0`, `R` exactly 3
//!      digits) the input is **ambiguous**: it is either the grouped whole number `LR` or, typed
//!      in the other convention, the decimal `L.R`. `id`: `1.234`, `12.345`, `-100.000`; `en`:
//!      `1,234`. It is refused with [`NumberError::Ambiguous`], whose message shows both readings
//!      and how to type each unambiguously (`1234` or `1,234` in `id`).
//!    - otherwise it cannot be a grouping, and `g` is read as a decimal point typed in the
//!      other convention: `id`: `12.5` → 12.5, `0.123` → 0.123, `1234.5` → 1234.5.
//!
//! Anything else is [`NumberError::Malformed`]: two decimal characters, a grouping character
//! after the decimal character (`1,234.5` in `id`), a badly placed grouping (`1.23.456`), an
//! empty integer or fraction part (`,5`, `5,`), any other character. A value a `Decimal` cannot
//! hold exactly (more than 28 decimal places, or beyond ±79228162514264337593543950335) is
//! [`NumberError::TooManyDigits`]; nothing is ever rounded.
//!
//! A grouping is well formed when the first group has 1–3 digits and does not start with `0`,
//! and every later group has exactly 3 digits.
//!
//! [`format_editable`] writes a value so that [`parse_decimal`] reads it back unambiguously
//! (no grouping), e.g. for the edit buffer of the TUI.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::text::interchange as t;
use crate::text::{Lang, lang};

/// Longest number text accepted, in characters.
pub const MAX_NUMBER_CHARS: usize = 64;
/// Most decimal places a `Decimal` holds (and, roughly, its significant digits: 28, or 29 below
/// 79228162514264337593543950336).
pub const MAX_DIGITS: usize = 28;

/// The convention a person types and reads numbers in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    /// Indonesian: `1.234,5`.
    #[default]
    Id,
    /// English: `1,234.5`.
    En,
}

impl Locale {
    /// `id` or `en` (case-insensitive); `None` for anything else.
    pub fn parse(s: &str) -> Option<Locale> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" => Some(Locale::Id),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Id => "id",
            Locale::En => "en",
        }
    }
    /// The decimal separator.
    pub fn decimal_char(self) -> char {
        match self {
            Locale::Id => ',',
            Locale::En => '.',
        }
    }
    /// The thousands grouping character.
    pub fn group_char(self) -> char {
        match self {
            Locale::Id => '.',
            Locale::En => ',',
        }
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a typed number was refused. `Display` speaks the process-wide language
/// ([`crate::text::lang`]); [`NumberError::message_in`] a given one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing but whitespace.
    Empty,
    /// Longer than [`MAX_NUMBER_CHARS`].
    TooLong { len: usize },
    /// Not a number in the active locale.
    Malformed { text: String, locale: Locale },
    /// More digits than can be stored exactly.
    TooManyDigits { text: String },
    /// A number outside the bounds of a stored value (`domain::bounds`, `domain` §4).
    OutOfBounds {
        value: Decimal,
        reason: crate::domain::bounds::BoundError,
    },
    /// Could be read as two different numbers (rule 4 above): `grouped` is the whole-number
    /// reading, `decimal` the decimal one.
    Ambiguous {
        text: String,
        grouped: Decimal,
        decimal: Decimal,
        locale: Locale,
    },
}

impl std::fmt::Display for NumberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_in(lang()))
    }
}

impl std::error::Error for NumberError {}

fn ambiguity_message(
    text: &str,
    grouped: Decimal,
    decimal: Decimal,
    locale: Locale,
    lang: Lang,
) -> String {
    let a = format_editable(grouped, locale);
    let b = format_editable(decimal, locale);
    t::NUM_AMBIGUOUS.fill_in(
        lang,
        &[
            ("text", &text),
            ("a", &a),
            ("b", &b),
            ("a_words", &decimal_words(grouped, lang)),
            ("b_words", &decimal_words(decimal, lang)),
        ],
    )
}

impl NumberError {
    /// The message in a given language (the `Display` uses the process-wide one).
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            NumberError::Empty => t::NUM_EMPTY.get(lang).to_string(),
            NumberError::TooLong { len } => {
                t::NUM_TOO_LONG.fill_in(lang, &[("len", len), ("max", &MAX_NUMBER_CHARS)])
            }
            NumberError::Malformed { text, locale } => {
                let hint = match locale {
                    Locale::Id => t::NUM_HINT_ID.get(lang),
                    Locale::En => t::NUM_HINT_EN.get(lang),
                };
                t::NUM_MALFORMED.fill_in(lang, &[("text", text), ("hint", &hint)])
            }
            NumberError::TooManyDigits { text } => {
                t::NUM_TOO_MANY_DIGITS.fill_in(lang, &[("text", text), ("max", &MAX_DIGITS)])
            }
            NumberError::OutOfBounds { value, reason } => {
                crate::text::reason::bound_in(lang, *value, *reason)
            }
            NumberError::Ambiguous {
                text,
                grouped,
                decimal,
                locale,
            } => ambiguity_message(text, *grouped, *decimal, *locale, lang),
        }
    }
}

/// Reads a number typed by a person in `locale`; see the module documentation for the rules.
/// A number outside the bounds of a stored value (magnitude below 10^15, at most 6 decimal
/// places, `domain::bounds`) is [`NumberError::OutOfBounds`], naming the limit.
pub fn parse_decimal(text: &str, locale: Locale) -> Result<Decimal, NumberError> {
    let v = parse_unbounded(text, locale)?;
    crate::domain::bounds::check(v)
        .map_err(|reason| NumberError::OutOfBounds { value: v, reason })?;
    Ok(v)
}

/// [`parse_decimal`] without the bounds of a stored value.
pub fn parse_unbounded(text: &str, locale: Locale) -> Result<Decimal, NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let len = trimmed.chars().count();
    if len > MAX_NUMBER_CHARS {
        return Err(NumberError::TooLong { len });
    }
    let malformed = || NumberError::Malformed {
        text: trimmed.to_string(),
        locale,
    };
    let (negative, body) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let g = locale.group_char();
    let d = locale.decimal_char();
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == g || c == d) {
        return Err(malformed());
    }
    let exact = |int: &str, frac: &str| exact_decimal(negative, int, frac, trimmed);
    let d_count = body.matches(d).count();
    let g_count = body.matches(g).count();
    match (d_count, g_count) {
        (0, 0) => exact(body, ""),
        (1, _) => {
            let (int, frac) = body.split_once(d).ok_or_else(malformed)?;
            if frac.is_empty() || !all_digits(frac) || int.is_empty() {
                return Err(malformed());
            }
            if int.contains(g) {
                let digits = ungroup(int, g).ok_or_else(malformed)?;
                exact(&digits, frac)
            } else {
                exact(int, frac)
            }
        }
        (0, 1) => {
            let (left, right) = body.split_once(g).ok_or_else(malformed)?;
            if left.is_empty() || right.is_empty() {
                return Err(malformed());
            }
            if ungroup(body, g).is_some() {
                let grouped = exact(&format!("{left}{right}"), "")?;
                let decimal = exact(left, right)?;
                Err(NumberError::Ambiguous {
                    text: trimmed.to_string(),
                    grouped,
                    decimal,
                    locale,
                })
            } else {
                // Not a grouping: the grouping character can only be a decimal point typed in
                // the other convention.
                exact(left, right)
            }
        }
        (0, _) => {
            let digits = ungroup(body, g).ok_or_else(malformed)?;
            exact(&digits, "")
        }
        _ => Err(malformed()),
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The digits of a well-formed grouping, or `None`.
fn ungroup(s: &str, g: char) -> Option<String> {
    let mut groups = s.split(g);
    let first = groups.next()?;
    if !all_digits(first) || first.len() > 3 || first.starts_with('0') {
        return None;
    }
    let mut out = first.to_string();
    let mut n = 0;
    for grp in groups {
        if grp.len() != 3 || !all_digits(grp) {
            return None;
        }
        out.push_str(grp);
        n += 1;
    }
    (n > 0).then_some(out)
}

/// The decimal `±int.frac` exactly, or `TooManyDigits` when a `Decimal` cannot hold it exactly
/// (more than 28 decimal places, or beyond ±79228162514264337593543950335).
fn exact_decimal(
    negative: bool,
    int: &str,
    frac: &str,
    original: &str,
) -> Result<Decimal, NumberError> {
    let int_sig = int.trim_start_matches('0');
    if int_sig.len() + frac.len() > MAX_DIGITS + 1 || frac.len() > MAX_DIGITS {
        return Err(NumberError::TooManyDigits {
            text: original.to_string(),
        });
    }
    let int = if int_sig.is_empty() { "0" } else { int_sig };
    let text = if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    };
    let mut value = Decimal::from_str_exact(&text).map_err(|_| NumberError::TooManyDigits {
        text: original.to_string(),
    })?;
    if negative && !value.is_zero() {
        value.set_sign_negative(true);
    }
    Ok(value)
}

/// Reads a decimal written in the canonical interchange form: optional `-`, digits, optionally
/// `.` and digits (`"97.44"`, `"-3"`, `"0.125"`). No grouping, no exponent, no spaces. `None`
/// when the text is not of that form or has more digits than a `Decimal` holds exactly.
pub fn parse_canonical(text: &str) -> Option<Decimal> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => {
            if !all_digits(f) {
                return None;
            }
            (i, f)
        }
        None => (body, ""),
    };
    if !all_digits(int) {
        return None;
    }
    exact_decimal(negative, int, frac, text).ok()
}

/// Rounds half away from zero to `places` decimals and writes the value grouped in `locale`:
/// `id` `1.234,56`, `en` `1,234.56`. Always exactly `places` decimals; never `-0`.
pub fn format_decimal(d: Decimal, locale: Locale, places: u32) -> String {
    let r = d.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    render(r, locale, Some(places as usize), true)
}

/// Writes the value exactly (no rounding), trailing zeros trimmed, grouped in `locale`:
/// `id` `1.234,5`, `en` `1,234.5`.
pub fn format_exact(d: Decimal, locale: Locale) -> String {
    render(d.normalize(), locale, None, true)
}

/// Writes the value exactly, trailing zeros trimmed and *without* grouping, so that
/// [`parse_decimal`] in the same locale reads it back as the same number (no ambiguity):
/// `id` `1234,5`, `en` `1234.5`.
pub fn format_editable(d: Decimal, locale: Locale) -> String {
    render(d.normalize(), locale, None, false)
}

fn render(d: Decimal, locale: Locale, places: Option<usize>, grouped: bool) -> String {
    let plain = d.abs().to_string();
    let (int, frac) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let mut frac = frac.to_string();
    if let Some(p) = places {
        while frac.len() < p {
            frac.push('0');
        }
    }
    let mut out = String::new();
    if d.is_sign_negative() && !d.is_zero() {
        out.push('-');
    }
    if grouped {
        let n = int.len();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (n - i) % 3 == 0 {
                out.push(locale.group_char());
            }
            out.push(c);
        }
    } else {
        out.push_str(int);
    }
    if !frac.is_empty() {
        out.push(locale.decimal_char());
        out.push_str(&frac);
    }
    out
}

// ---- numbers in words, for the ambiguity message ----

/// A decimal read aloud: "seribu dua ratus tiga puluh empat", "satu koma dua tiga empat".
fn decimal_words(d: Decimal, lang: Lang) -> String {
    let plain = d.abs().to_string();
    let (int, frac) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let mut out = String::new();
    if d.is_sign_negative() && !d.is_zero() {
        out.push_str(t::NUM_MINUS_WORD.get(lang));
        out.push(' ');
    }
    match int.parse::<u64>() {
        Ok(n) if n < 1_000_000_000 => out.push_str(&integer_words(n, lang)),
        _ => out.push_str(&digit_words(int, lang)),
    }
    if !frac.is_empty() {
        out.push(' ');
        out.push_str(t::NUM_POINT_WORD.get(lang));
        out.push(' ');
        out.push_str(&digit_words(frac, lang));
    }
    out
}

const ID_ONES: [&str; 10] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];
const EN_ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn digit_words(digits: &str, lang: Lang) -> String {
    let ones: &[&str] = match lang {
        Lang::Id => &ID_ONES,
        Lang::En => &EN_ONES,
    };
    digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| ones[(b - b'0') as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whole numbers below one billion in words.
fn integer_words(n: u64, lang: Lang) -> String {
    match lang {
        Lang::Id => id_words(n),
        Lang::En => en_words(n),
    }
}

fn id_words(n: u64) -> String {
    fn below_thousand(n: u64) -> Vec<String> {
        let mut parts = Vec::new();
        let (h, rest) = (n / 100, n % 100);
        match h {
            0 => {}
            1 => parts.push("seratus".to_string()),
            _ => parts.push(format!("{} ratus", ID_ONES[h as usize])),
        }
        match rest {
            0 => {}
            1..=9 => parts.push(ID_ONES[rest as usize].to_string()),
            10 => parts.push("sepuluh".to_string()),
            11 => parts.push("sebelas".to_string()),
            12..=19 => parts.push(format!("{} belas", ID_ONES[(rest - 10) as usize])),
            _ => {
                parts.push(format!("{} puluh", ID_ONES[(rest / 10) as usize]));
                if rest % 10 != 0 {
                    parts.push(ID_ONES[(rest % 10) as usize].to_string());
                }
            }
        }
        parts
    }
    if n == 0 {
        return ID_ONES[0].to_string();
    }
    let (millions, thousands, rest) = (n / 1_000_000, (n / 1000) % 1000, n % 1000);
    let mut parts = Vec::new();
    if millions > 0 {
        parts.extend(below_thousand(millions));
        parts.push("juta".to_string());
    }
    match thousands {
        0 => {}
        1 => parts.push("seribu".to_string()),
        _ => {
            parts.extend(below_thousand(thousands));
            parts.push("ribu".to_string());
        }
    }
    parts.extend(below_thousand(rest));
    parts.join(" ")
}

fn en_words(n: u64) -> String {
    fn below_thousand(n: u64) -> Vec<String> {
        let mut parts = Vec::new();
        let (h, rest) = (n / 100, n % 100);
        if h > 0 {
            parts.push(format!("{} hundred", EN_ONES[h as usize]));
        }
        match rest {
            0 => {}
            1..=19 => parts.push(EN_ONES[rest as usize].to_string()),
            _ if rest % 10 == 0 => parts.push(EN_TENS[(rest / 10) as usize].to_string()),
            _ => parts.push(format!(
                "{}-{}",
                EN_TENS[(rest / 10) as usize],
                EN_ONES[(rest % 10) as usize]
            )),
        }
        parts
    }
    if n == 0 {
        return EN_ONES[0].to_string();
    }
    let (millions, thousands, rest) = (n / 1_000_000, (n / 1000) % 1000, n % 1000);
    let mut parts = Vec::new();
    if millions > 0 {
        parts.extend(below_thousand(millions));
        parts.push("million".to_string());
    }
    if thousands > 0 {
        parts.extend(below_thousand(thousands));
        parts.push("thousand".to_string());
    }
    parts.extend(below_thousand(rest));
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn words_in_both_languages() {
        assert_eq!(id_words(1234), "seribu dua ratus tiga puluh empat");
        assert_eq!(id_words(11), "sebelas");
        assert_eq!(id_words(100_000), "seratus ribu");
        assert_eq!(
            id_words(2_019_110),
            "dua juta sembilan belas ribu seratus sepuluh"
        );
        assert_eq!(en_words(1234), "one thousand two hundred thirty-four");
        assert_eq!(en_words(100_000), "one hundred thousand");
        assert_eq!(en_words(40), "forty");
        assert_eq!(
            decimal_words(dec("-1.234"), Lang::Id),
            "minus satu koma dua tiga empat"
        );
        assert_eq!(
            decimal_words(dec("12.05"), Lang::En),
            "twelve point zero five"
        );
    }

    #[test]
    fn canonical_is_strict_and_exact() {
        assert_eq!(parse_canonical("97.44"), Some(dec("97.44")));
        assert_eq!(
            parse_canonical("-0.50").map(|d| d.to_string()),
            Some("-0.50".into())
        );
        assert_eq!(
            parse_canonical("-0").map(|d| d.to_string()),
            Some("0".into())
        );
        assert_eq!(
            parse_canonical("007").map(|d| d.to_string()),
            Some("7".into())
        );
        for bad in [
            "", "-", "1.", ".5", "1,5", "1e3", "+1", " 1", "1_000", "1.2.3", "0x10",
        ] {
            assert_eq!(parse_canonical(bad), None, "{bad}");
        }
        assert_eq!(parse_canonical("1.00000000000000000000000000001"), None);
    }
}
