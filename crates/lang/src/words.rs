//! Words of space-separated text (German, English): the one word splitter the rule stages
//! share. Chinese has no spaces; its words come from the model or a segmenter.
//!
//! ```
//! use claimx_lang::words::word_spans;
//!
//! let text = "Amazon  schließt\tdas Labor.";
//! let words: Vec<&str> = word_spans(text).map(|(s, e)| &text[s..e]).collect();
//! assert_eq!(words, ["Amazon", "schließt", "das", "Labor."]);
//! ```

/// Byte ranges of the runs of non-whitespace characters (Unicode `White_Space`) in `text`.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.split_whitespace().map(move |w| {
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        (start, start + w.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("", &[])]
    #[case("   ", &[])]
    #[case("a", &[(0, 1)])]
    #[case(" über  1.000\u{a0}Leute ", &[(1, 6), (8, 13), (15, 20)])]
    #[case("据报道，约3.5亿元。", &[(0, 27)])]
    fn words_are_whitespace_runs(#[case] text: &str, #[case] want: &[(usize, usize)]) {
        assert_eq!(word_spans(text).collect::<Vec<_>>(), want);
    }
}
