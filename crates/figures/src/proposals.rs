//! Figures the tagger proposes, merged with the rules' figures of the same sentence.
//!
//! The tagger finds figure-like spans the rules miss (a number in an unusual phrasing), but
//! it has no normaliser: a proposal becomes a figure only when it overlaps no rule figure,
//! cuts no written number in two, and the rules read the whole of it to a value.

use crate::{FigureExtraction, FigureMatch};
use chrono::NaiveDate;
use claimx_doc::Lang;

/// A figure span the tagger proposes, in bytes relative to the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureProposal {
    /// Start, in bytes.
    pub start: usize,
    /// End (exclusive), in bytes.
    pub end: usize,
}

/// The rule figures of `sentence`, followed by the proposals that pass (see the module
/// documentation), each read by `stage`.
pub fn with_proposals<S: FigureExtraction + ?Sized>(
    stage: &S,
    sentence: &str,
    lang: Lang,
    reference: Option<NaiveDate>,
    proposals: &[FigureProposal],
) -> Vec<FigureMatch> {
    let mut figures = stage.extract(sentence, lang, reference);
    let rule_figures = figures.len();
    for p in proposals {
        let (s, e) = (p.start, p.end);
        let overlaps = figures[..rule_figures]
            .iter()
            .any(|f| f.start < e && s < f.end);
        // "04" of "UTC+04:00" is not a figure of its own
        if overlaps || splits_a_number(sentence, s, e) {
            continue;
        }
        let read = stage
            .extract(&sentence[s..e], lang, reference)
            .into_iter()
            .find(|m| m.start == 0 && m.end == e - s && m.value.is_some());
        if let Some(mut m) = read {
            m.start += s;
            m.end += s;
            figures.push(m);
        }
    }
    figures
}

/// Whether `text[s..e]` starts or ends inside a written number ("04" of "04:00", "000" of
/// "1,000").
pub fn splits_a_number(text: &str, s: usize, e: usize) -> bool {
    let digit_before = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
    };
    let digit_after = |at: usize| {
        text[at..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    };
    let joiner = |c: char| matches!(c, '.' | ',' | ':' | '\'');
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let cut_left =
        digit_before(s) || before.is_some_and(|c| joiner(c) && digit_before(s - c.len_utf8()));
    let cut_right =
        digit_after(e) || after.is_some_and(|c| joiner(c) && digit_after(e + c.len_utf8()));
    (cut_left && text[s..e].starts_with(|c: char| c.is_ascii_digit() || joiner(c)))
        || (cut_right && text[s..e].ends_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FigureRecognizer;
    use claimx_doc::FigureValue;
    use rstest::rstest;

    #[rstest]
    #[case("UTC+04:00", "04", true)]
    #[case("UTC+04:00", ":00", true)]
    #[case("über 1,000 Menschen", "000", true)]
    #[case("über 1,000 Menschen", "1", true)]
    #[case("über 1,000 Menschen", "1,000", false)]
    #[case("at 09:00, he said", "09:00", false)]
    #[case("2018 gegründet", "2018", false)]
    #[case("一项研究", "一项", false)]
    fn proposals_never_split_a_number(
        #[case] text: &str,
        #[case] span: &str,
        #[case] splits: bool,
    ) {
        let s = text.find(span).unwrap();
        assert_eq!(splits_a_number(text, s, s + span.len()), splits);
    }

    fn proposal(text: &str, span: &str) -> FigureProposal {
        let start = text.find(span).unwrap();
        FigureProposal {
            start,
            end: start + span.len(),
        }
    }

    #[test]
    fn a_proposal_counts_only_where_the_rules_read_it_whole() {
        let text = "Es kamen 1.000 Gäste und sieben Hunde, Zeitzone UTC+04:00.";
        let rules = FigureRecognizer::new();
        let alone = with_proposals(&rules, text, Lang::De, None, &[]);
        let proposals = [
            proposal(text, "1.000"), // overlaps a rule figure
            proposal(text, "04"),    // cuts a number
            proposal(text, "Gäste"), // nothing to read
        ];
        let with = with_proposals(&rules, text, Lang::De, None, &proposals);
        assert_eq!(with, alone);
        assert_eq!(alone[0].value, Some(FigureValue::Number(1000.0)));
    }

    /// Rules that see nothing in a long text, as rules miss a figure in an odd phrasing.
    struct ShortSighted;

    impl FigureExtraction for ShortSighted {
        fn extract(&self, text: &str, lang: Lang, r: Option<NaiveDate>) -> Vec<FigureMatch> {
            match text.len() {
                0..=12 => FigureRecognizer::new().recognize(text, lang, r),
                _ => Vec::new(),
            }
        }
    }

    #[test]
    fn a_proposal_the_rules_missed_is_read_and_placed_in_the_sentence() {
        let text = "Es kamen 1.000 Gäste und sieben Hunde.";
        let proposals = [proposal(text, "1.000"), proposal(text, "Gäste")];
        let found = ShortSighted.sentence(text, Lang::De, None, &proposals);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "1.000");
        assert_eq!(found[0].value, Some(FigureValue::Number(1000.0)));
    }
}
