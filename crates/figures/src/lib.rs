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
mod periods;
mod proposals;
mod published;
mod recognizer;

/// Number words and digit strings are language knowledge: [`claimx_lang::numbers`].
pub use claimx_lang::numbers::{self, de_word, parse_digits, parse_zh};
pub use dates::{find_dates, DateMatch};
pub use periods::{resolve_period_shifts, resolve_period_shifts_in_sentences};
pub use proposals::{splits_a_number, with_proposals, FigureProposal};
pub use published::find_dateline;
pub use recognizer::{FigureMatch, FigureRecognizer};

/// The figure stage interface. The pipeline calls [`FigureExtraction::sentence`] once per
/// sentence and [`FigureExtraction::dateline`] once per document without a publication date;
/// an implementation need only provide [`FigureExtraction::extract`].
pub trait FigureExtraction: Send + Sync {
    /// The figures of `text`, in byte offsets relative to it.
    fn extract(
        &self,
        text: &str,
        lang: claimx_doc::Lang,
        reference: Option<chrono::NaiveDate>,
    ) -> Vec<FigureMatch>;

    /// The figures of one sentence, given the spans the tagger proposes as figures (empty
    /// without a tagger): by default the rules' figures followed by the proposals they can
    /// read ([`with_proposals`]).
    fn sentence(
        &self,
        sentence: &str,
        lang: claimx_doc::Lang,
        reference: Option<chrono::NaiveDate>,
        proposals: &[FigureProposal],
    ) -> Vec<FigureMatch> {
        with_proposals(self, sentence, lang, reference, proposals)
    }

    /// The publication date a dateline or source stamp in `text` gives, with its byte span
    /// ([`find_dateline`] by default).
    fn dateline(&self, text: &str) -> Option<(chrono::NaiveDate, usize, usize)> {
        find_dateline(text)
    }
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
