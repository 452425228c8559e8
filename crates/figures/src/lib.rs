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
//!
//! ```
//! use claimx_doc::{Bound, FigureValue, Lang};
//! use claimx_figures::FigureRecognizer;
//!
//! let text = "Das Zentrum hatte über 1.000 Mitarbeiter.";
//! let found = FigureRecognizer::new().recognize(text, Lang::De, None);
//! assert_eq!(&text[found[0].start..found[0].end], "über 1.000");
//! assert_eq!(found[0].value, Some(FigureValue::Number(1000.0)));
//! assert_eq!(found[0].bound, Some(Bound::Gt));
//! ```

mod dates;
mod numbers;
mod published;
mod recognizer;

pub use dates::{find_dates, DateMatch};
pub use numbers::{de_word, parse_digits, parse_zh};
pub use published::find_dateline;
pub use recognizer::{FigureMatch, FigureRecognizer};

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
