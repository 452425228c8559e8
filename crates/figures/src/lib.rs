//! Figure recognition and normalisation (rules) for German, English and Chinese.
//!
//! A figure is any number- or date-bearing expression: cardinals in digits or words
//! (`1.000`, `elf`, `ein Dutzend`, `两万`), money with ISO 4217 codes (`nearly $1 billion`,
//! `rund eine Milliarde Dollar`, `3.5亿元`), percentages (`25 %`, `百分之二十五`,
//! `die Hälfte`), ordinals, ranges, quantities, dates and times (absolute and relative to the
//! publication date), and durations (`90 Tage` → `P90D`). Each comes with its normalised value,
//! a bound (`über` → gt, `mindestens` → ge, `rund` → approx) and a unit (currency code,
//! counted noun, `%`).
//!
//! Dates are found first by patterns (they contain digits that must not become cardinals),
//! then a token scanner reads numbers and decorates them with scale words, currencies,
//! percent signs and counted nouns, and looks back for bound phrases.

mod dates;
mod numbers;
mod published;
mod recognizer;

pub use dates::{find_dates, DateMatch};
pub use numbers::{de_word, parse_digits, parse_zh};
pub use published::find_dateline;
pub use recognizer::{FigureMatch, FigureRecognizer};

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x3000..=0x303F | 0xFF00..=0xFFEF | 0xF900..=0xFAFF)
}

/// The figure stage interface.
pub trait FigureExtraction: Send + Sync {
    fn extract(
        &self,
        text: &str,
        lang: claimx_doc::Lang,
        reference: Option<chrono::NaiveDate>,
    ) -> Vec<FigureMatch>;
}

impl FigureExtraction for FigureRecognizer {
    fn extract(
        &self,
        text: &str,
        lang: claimx_doc::Lang,
        reference: Option<chrono::NaiveDate>,
    ) -> Vec<FigureMatch> {
        self.recognize(text, lang, reference)
    }
}

#[cfg(test)]
mod tests;
