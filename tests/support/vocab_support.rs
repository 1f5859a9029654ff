//! The English domain words that must not reach an Indonesian screen or report.

/// Words of the list: the machine spellings of polarity, consolidation, reporting
/// period, validity, control, perspective and status.
pub const ENGLISH_DOMAIN_WORDS: &[&str] = &[
    "maximize",
    "minimize",
    "stabilize",
    "sum",
    "average",
    "last",
    "monthly",
    "quarterly",
    "semester",
    "annual",
    "exact",
    "proxy",
    "activity",
    "high",
    "moderate",
    "low",
    "stakeholder",
    "customer",
    "internal_process",
    "learning_growth",
    "green",
    "yellow",
    "red",
];

/// The English domain words of `text` (whole words, any case; `_` is part of a word), each with
/// the line it is on.
pub fn english_words(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        for word in line.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            let w = word.to_lowercase();
            if ENGLISH_DOMAIN_WORDS.contains(&w.as_str()) {
                out.push((w, line.trim().to_string()));
            }
        }
    }
    out
}

#[test]
fn english_words_finds_whole_words_only() {
    let found =
        english_words("Polaritas: maximize\nPeriode: triwulanan, Redaksi\nx internal_process");
    let words: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(words, ["maximize", "internal_process"]);
}
