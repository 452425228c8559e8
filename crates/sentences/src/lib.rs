//! Sentence splitting for German, English and Chinese news text.
//!
//! The stage takes the original text and returns sentence spans (byte offsets, end exclusive,
//! trimmed to the first and last non-space character) with a boilerplate flag. It never
//! rewrites the text. Splitting works in one linear pass over logical lines:
//!
//! 1. The text is cut into lines; a line break is a boundary unless the line is a wrapped
//!    continuation (trailing space before the break, or PDF mode, and a lower-case next line).
//! 2. Inside a logical line, candidate boundaries are terminal punctuation (`. ! ? …` and
//!    Chinese `。！？；`) followed by closing quotes/brackets. A full stop is rejected after
//!    abbreviations (`Dr.`, `z. B.`, `Mio.`), initials, numbered-list markers, ordinals and
//!    dates (`12. August`), inside numbers (`1.000`, `25.07.2025`), and before a lower-case
//!    word. A missing space after a full stop (`lauern.Martin`) still splits.
//! 3. [`BoilerplateMarker`] flags headings, datelines, navigation, ads, captions,
//!    related-topic lists and disclaimers; they stay sentences, only marked.

mod boilerplate;
mod rules;
mod splitter;

pub use boilerplate::BoilerplateMarker;
pub use splitter::{SentenceBounds, SentenceSplitter, SplitterConfig};

/// The sentence stage interface: any implementation maps a text to sentence spans.
pub trait SentenceSegmenter: Send + Sync {
    fn segment(&self, text: &str) -> Vec<SentenceBounds>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn split(text: &str) -> Vec<&str> {
        SentenceSplitter::default()
            .split(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[rstest]
    #[case::missing_space_de("Welche Schwierigkeiten in China lauern.Martin Benninghoff schreibt.", &["Welche Schwierigkeiten in China lauern.", "Martin Benninghoff schreibt."])]
    #[case::missing_space_en("Today is Tuesday.Mr. Smith went home.", &["Today is Tuesday.", "Mr. Smith went home."])]
    #[case::missing_space_number("He bought 1,000.That is a lot.", &["He bought 1,000.", "That is a lot."])]
    #[case::domain("Mehr auf remind.me und JD.com heute.", &["Mehr auf remind.me und JD.com heute."])]
    fn missing_space(#[case] text: &str, #[case] expected: &[&str]) {
        assert_eq!(split(text), expected);
    }
}
