//! Subword predictions to labelled spans.

/// One piece's prediction: byte range in the text (leading whitespace already skipped),
/// label id and its probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PiecePrediction {
    /// Start, in bytes.
    pub start: usize,
    /// End (exclusive), in bytes.
    pub end: usize,
    /// Label id (index into the model's labels).
    pub label: usize,
    /// Its probability.
    pub prob: f32,
}

/// A labelled span: byte offsets into the tagged text, the entity or figure type (`PER`,
/// `MONEY`, …) and the mean probability of its pieces.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TaggedSpan {
    /// Start, in bytes.
    pub start: usize,
    /// End (exclusive), in bytes.
    pub end: usize,
    /// The type without its BIO prefix (`PER`, `MONEY`).
    pub label: String,
    /// The mean probability of the span's pieces.
    pub score: f32,
}

#[derive(Debug, Clone, PartialEq)]
enum Tag {
    Outside,
    Begin(String),
    Inside(String),
}

fn parse(label: &str) -> Tag {
    if label == "O" || label.is_empty() {
        return Tag::Outside;
    }
    match label.split_once('-') {
        // BIOES/BILOU: single and begin start a span, inside/end/last continue it
        Some(("B" | "S" | "U", t)) => Tag::Begin(t.to_string()),
        Some(("I" | "E" | "L", t)) => Tag::Inside(t.to_string()),
        _ => Tag::Inside(label.to_string()),
    }
}

use claimx_lang::script::is_han;

fn word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// Group pieces into words: a new word starts after a gap (whitespace), at punctuation or
/// symbols (so `Amazon-Sprecher` is `Amazon`, `-`, `Sprecher`) and at every Han character.
fn words(text: &str, pieces: &[PiecePrediction]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let mut prev: Option<&PiecePrediction> = None;
    for (i, p) in pieces.iter().enumerate() {
        if p.start >= p.end {
            continue;
        }
        let joins = prev.is_some_and(|q| {
            q.end == p.start
                && text[..q.end].chars().next_back().is_some_and(word_char)
                && text[p.start..].chars().next().is_some_and(word_char)
        });
        match out.last_mut() {
            Some(w) if joins => w.end = i + 1,
            _ => out.push(i..i + 1),
        }
        prev = Some(p);
    }
    out
}

/// Merge piece predictions into spans over whole words, seqeval-style.
///
/// A word takes the label of its first labelled piece, so a name split into pieces is one
/// span even when the model marked only a later piece (`▁Volks` `republik`, `A` `WS`), and
/// an inflected form keeps its ending (`Chinas`). Then `B-X` opens a span, `I-X` continues a
/// span of type X and opens one after anything else. The score is the mean probability of
/// the span's pieces.
pub fn merge_pieces(text: &str, pieces: &[PiecePrediction], labels: &[String]) -> Vec<TaggedSpan> {
    let mut spans = Vec::new();
    let mut current: Option<(TaggedSpan, usize)> = None;
    let close = |current: &mut Option<(TaggedSpan, usize)>, spans: &mut Vec<TaggedSpan>| {
        if let Some((mut s, n)) = current.take() {
            s.score /= n as f32;
            spans.push(s);
        }
    };
    for word in words(text, pieces) {
        let ps = &pieces[word];
        let tag = ps
            .iter()
            .map(|p| parse(labels.get(p.label).map(String::as_str).unwrap_or("O")))
            .find(|t| *t != Tag::Outside)
            .unwrap_or(Tag::Outside);
        let (start, end) = (ps[0].start, ps[ps.len() - 1].end);
        let prob: f32 = ps.iter().map(|p| p.prob).sum();
        match tag {
            Tag::Outside => close(&mut current, &mut spans),
            Tag::Inside(t) if matches!(&current, Some((s, _)) if s.label == t) => {
                let (s, n) = current.as_mut().unwrap();
                s.end = end;
                s.score += prob;
                *n += ps.len();
            }
            Tag::Begin(t) | Tag::Inside(t) => {
                close(&mut current, &mut spans);
                current = Some((
                    TaggedSpan {
                        start,
                        end,
                        label: t,
                        score: prob,
                    },
                    ps.len(),
                ));
            }
        }
    }
    close(&mut current, &mut spans);
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn labels() -> Vec<String> {
        ["O", "B-PER", "I-PER", "B-ORG", "I-ORG"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn piece(start: usize, end: usize, label: usize) -> PiecePrediction {
        PiecePrediction {
            start,
            end,
            label,
            prob: 0.5,
        }
    }

    // text "Anna Bell-Co xy", pieces: Anna | Bell | - | Co | xy (and "Ann"+"a")
    const TEXT: &str = "Anna Bell-Co xy";

    #[rstest]
    #[case::begin_inside(&[(0, 4, 1), (5, 9, 2), (13, 15, 0)], &[(0, 9, "PER")])]
    #[case::inside_opens(&[(0, 4, 0), (5, 9, 2)], &[(5, 9, "PER")])]
    #[case::type_change(&[(0, 4, 1), (5, 9, 3)], &[(0, 4, "PER"), (5, 9, "ORG")])]
    #[case::two_begins(&[(0, 4, 1), (5, 9, 1)], &[(0, 4, "PER"), (5, 9, "PER")])]
    #[case::empty_piece_skipped(&[(0, 4, 3), (4, 4, 0), (5, 9, 4)], &[(0, 9, "ORG")])]
    #[case::later_piece_labels_the_word(&[(0, 3, 0), (3, 4, 3)], &[(0, 4, "ORG")])]
    #[case::word_ending_kept(&[(0, 3, 1), (3, 4, 0)], &[(0, 4, "PER")])]
    #[case::hyphen_splits_words(&[(5, 9, 3), (9, 10, 0), (10, 12, 0)], &[(5, 9, "ORG")])]
    #[case::hyphenated_name(&[(5, 9, 3), (9, 10, 4), (10, 12, 4)], &[(5, 12, "ORG")])]
    fn bio_merging(#[case] input: &[(usize, usize, usize)], #[case] want: &[(usize, usize, &str)]) {
        let pieces: Vec<_> = input.iter().map(|&(s, e, l)| piece(s, e, l)).collect();
        let got: Vec<_> = merge_pieces(TEXT, &pieces, &labels())
            .into_iter()
            .map(|s| (s.start, s.end, s.label))
            .collect();
        let want: Vec<_> = want
            .iter()
            .map(|&(s, e, l)| (s, e, l.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn han_characters_are_words_of_their_own() {
        let text = "在上海";
        let pieces = [
            PiecePrediction {
                start: 0,
                end: 3,
                label: 0,
                prob: 0.9,
            },
            PiecePrediction {
                start: 3,
                end: 6,
                label: 3,
                prob: 0.9,
            },
            PiecePrediction {
                start: 6,
                end: 9,
                label: 4,
                prob: 0.9,
            },
        ];
        let spans = merge_pieces(text, &pieces, &labels());
        assert_eq!((spans[0].start, spans[0].end), (3, 9));
    }

    #[test]
    fn score_is_mean_piece_probability() {
        let pieces = [
            PiecePrediction {
                start: 0,
                end: 2,
                label: 1,
                prob: 0.9,
            },
            PiecePrediction {
                start: 2,
                end: 4,
                label: 2,
                prob: 0.5,
            },
        ];
        let spans = merge_pieces("Anna", &pieces, &labels());
        assert!((spans[0].score - 0.7).abs() < 1e-6);
    }
}
