//! Subword predictions to labelled spans.

/// One piece's prediction: byte range in the text (leading whitespace already skipped),
/// label id and its probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PiecePrediction {
    pub start: usize,
    pub end: usize,
    pub label: usize,
    pub prob: f32,
}

/// A labelled span: byte offsets into the tagged text, the entity or figure type (`PER`,
/// `MONEY`, …) and the mean probability of its pieces.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TaggedSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
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

/// Merge piece predictions into spans, seqeval-style: `B-X` opens a span, `I-X` continues a
/// span of type X and opens one after anything else.
pub fn merge_pieces(pieces: &[PiecePrediction], labels: &[String]) -> Vec<TaggedSpan> {
    let mut spans = Vec::new();
    let mut current: Option<(TaggedSpan, usize)> = None;
    let close = |current: &mut Option<(TaggedSpan, usize)>, spans: &mut Vec<TaggedSpan>| {
        if let Some((mut s, n)) = current.take() {
            s.score /= n as f32;
            spans.push(s);
        }
    };
    for p in pieces {
        if p.start >= p.end {
            continue;
        }
        match parse(labels.get(p.label).map(String::as_str).unwrap_or("O")) {
            Tag::Outside => close(&mut current, &mut spans),
            Tag::Inside(t) if matches!(&current, Some((s, _)) if s.label == t) => {
                let (s, n) = current.as_mut().unwrap();
                s.end = p.end;
                s.score += p.prob;
                *n += 1;
            }
            Tag::Begin(t) | Tag::Inside(t) => {
                close(&mut current, &mut spans);
                current = Some((
                    TaggedSpan {
                        start: p.start,
                        end: p.end,
                        label: t,
                        score: p.prob,
                    },
                    1,
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

    #[rstest]
    #[case::begin_inside(&[(0, 3, 1), (3, 6, 2), (7, 9, 0)], &[(0, 6, "PER")])]
    #[case::inside_opens(&[(0, 3, 0), (4, 6, 2)], &[(4, 6, "PER")])]
    #[case::type_change(&[(0, 3, 1), (3, 6, 4)], &[(0, 3, "PER"), (3, 6, "ORG")])]
    #[case::two_begins(&[(0, 3, 1), (4, 6, 1)], &[(0, 3, "PER"), (4, 6, "PER")])]
    #[case::empty_piece_skipped(&[(0, 3, 3), (3, 3, 0), (3, 5, 4)], &[(0, 5, "ORG")])]
    fn bio_merging(#[case] input: &[(usize, usize, usize)], #[case] want: &[(usize, usize, &str)]) {
        let pieces: Vec<_> = input.iter().map(|&(s, e, l)| piece(s, e, l)).collect();
        let got: Vec<_> = merge_pieces(&pieces, &labels())
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
        let spans = merge_pieces(&pieces, &labels());
        assert!((spans[0].score - 0.7).abs() < 1e-6);
    }
}
