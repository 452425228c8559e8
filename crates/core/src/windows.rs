//! Windows: a document over `max_doc_bytes` is annotated in pieces, cut at paragraph, line
//! or sentence ends, and the pieces' records are merged into one.

use crate::DocumentRef;
use claimx_doc::{floor_char_boundary, AnnotatedDocument, Lang, LanguageSegment, Published};

/// Byte ranges of the windows a text is annotated in: the whole text when it fits, else
/// pieces of at most `max` bytes (never less than one character) cut after a paragraph break
/// in the second half of the window, else a line break, a sentence end, a space, or at a
/// character boundary.
pub fn windows(text: &str, max: usize) -> Vec<(usize, usize)> {
    let max = max.max(1);
    let mut out = Vec::with_capacity(text.len() / max + 1);
    let mut start = 0;
    while text.len() - start > max {
        let limit = floor_char_boundary(text, start + max);
        let half = floor_char_boundary(text, start + max / 2);
        let region = &text[half..limit];
        let cut = region
            .rfind("\n\n")
            .map(|p| p + 2)
            .or_else(|| region.rfind('\n').map(|p| p + 1))
            .or_else(|| {
                region
                    .rmatch_indices(['.', '!', '?', '。', '！', '？', '；'])
                    .map(|(p, m)| p + m.len())
                    // "1.000" is no sentence end
                    .find(|&e| {
                        text[half + e..]
                            .chars()
                            .next()
                            .is_none_or(|c| c.is_whitespace() || !c.is_ascii())
                    })
            })
            .or_else(|| region.rfind(' ').map(|p| p + 1))
            .map(|p| half + p);
        let mut end = cut.unwrap_or(limit);
        if end <= start {
            // one character longer than the window: take it whole
            end = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        out.push((start, end));
        start = end;
    }
    if start < text.len() || out.is_empty() {
        out.push((start, text.len()));
    }
    out
}

/// A piece of one document that the stages run on: the whole text unless the document is
/// over `max_doc_bytes`.
pub(crate) struct Window<'a> {
    pub doc: usize,
    pub text: &'a str,
    pub byte_start: usize,
    pub char_start: usize,
}

/// One record from the records of a document's windows: offsets moved to the whole text,
/// claims pointing at the moved figures, segments of one language that meet at a window cut
/// joined, the main language by bytes. (Entity canonical names are found per window.)
pub(crate) fn merge_windows(
    doc: DocumentRef<'_>,
    published: Option<Published>,
    parts: Vec<(&Window<'_>, AnnotatedDocument)>,
) -> AnnotatedDocument {
    if parts.len() == 1 {
        let (_, mut a) = parts.into_iter().next().expect("one part");
        a.published = published;
        a.provenance = doc.provenance();
        return a;
    }
    // the merged lists are sized once: grown by doubling, a list of a 60 MiB document's
    // figures would hold its old and new blocks at once, next to the parts not yet merged
    let total = |n: fn(&AnnotatedDocument) -> usize| parts.iter().map(|(_, a)| n(a)).sum();
    let mut out = AnnotatedDocument {
        id: doc.id.to_string(),
        char_len: 0,
        byte_len: doc.text.len(),
        published,
        lang: Lang::Other,
        languages: Vec::new(),
        segments: Vec::with_capacity(total(|a| a.segments.len())),
        sentences: Vec::with_capacity(total(|a| a.sentences.len())),
        entities: Vec::with_capacity(total(|a| a.entities.len())),
        figures: Vec::with_capacity(total(|a| a.figures.len())),
        claims: Vec::with_capacity(total(|a| a.claims.len())),
        provenance: doc.provenance(),
    };
    for (w, a) in parts {
        let (b, c) = (w.byte_start, w.char_start);
        out.char_len = c + a.char_len;
        for mut s in a.segments {
            shift(&mut s.span, b, c);
            match out.segments.last_mut() {
                Some(last) if last.lang == s.lang && last.span.byte_end == s.span.byte_start => {
                    last.span.end = s.span.end;
                    last.span.byte_end = s.span.byte_end;
                    last.confidence = last.confidence.min(s.confidence);
                }
                _ => out.segments.push(s),
            }
        }
        out.sentences.extend(a.sentences.into_iter().map(|mut s| {
            shift(&mut s.span, b, c);
            for w in &mut s.words {
                shift(&mut w.span, b, c);
            }
            s
        }));
        out.entities.extend(a.entities.into_iter().map(|mut e| {
            shift(&mut e.span, b, c);
            e
        }));
        let figures_before = out.figures.len();
        out.figures.extend(a.figures.into_iter().map(|mut f| {
            shift(&mut f.span, b, c);
            f
        }));
        out.claims.extend(a.claims.into_iter().map(|mut cl| {
            shift(&mut cl.sentence, b, c);
            cl.figure = cl.figure.map(|i| i + figures_before);
            cl.time = cl.time.map(|i| i + figures_before);
            if let Some(ch) = &mut cl.change {
                for i in [&mut ch.from, &mut ch.to, &mut ch.by] {
                    *i = i.map(|i| i + figures_before);
                }
            }
            cl
        }));
    }
    let mut bytes = Vec::new();
    add_segment_bytes(&mut bytes, &out.segments);
    bytes.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    out.lang = bytes.first().map_or(Lang::Other, |b| b.0);
    out.languages = bytes.into_iter().map(|b| b.0).collect();
    out
}

pub(crate) fn shift(span: &mut claimx_doc::Span, bytes: usize, chars: usize) {
    span.start += chars;
    span.end += chars;
    span.byte_start += bytes;
    span.byte_end += bytes;
}

pub(crate) fn add_segment_bytes(totals: &mut Vec<(Lang, usize)>, segments: &[LanguageSegment]) {
    for s in segments {
        let n = s.span.byte_end - s.span.byte_start;
        match totals.iter_mut().find(|t| t.0 == s.lang) {
            Some(t) => t.1 += n,
            None => totals.push((s.lang, n)),
        }
    }
}

pub(crate) fn main_by_bytes(totals: &[(Lang, usize)]) -> Option<Lang> {
    totals.iter().max_by_key(|t| t.1).map(|t| t.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn pieces(text: &str, max: usize) -> Vec<&str> {
        let w = windows(text, max);
        let mut at = 0;
        for &(s, e) in &w {
            assert_eq!(s, at, "windows are contiguous");
            assert!(e > s || text.is_empty());
            at = e;
        }
        assert_eq!(at, text.len(), "windows cover the text");
        w.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[rstest]
    #[case("short", 100, &["short"])]
    #[case("", 100, &[""])]
    #[case("Eins zwei.\n\nDrei.\n\nVier.", 14, &["Eins zwei.\n\n", "Drei.\n\nVier."])]
    #[case("One two. Three four. Five six.", 12, &["One two.", " Three four.", " Five six."])]
    #[case("Es waren 1.000 Leute da", 12, &["Es waren ", "1.000 Leute ", "da"])]
    #[case("abcdefghij", 4, &["abcd", "efgh", "ij"])]
    #[case("一二三。四五六。七八", 12, &["一二三。", "四五六。", "七八"])]
    #[case("ééééé", 3, &["é", "é", "é", "é", "é"])]
    #[case("日本", 1, &["日", "本"])]
    fn windows_cut_at_the_best_boundary(
        #[case] text: &str,
        #[case] max: usize,
        #[case] want: &[&str],
    ) {
        assert_eq!(pieces(text, max), want);
    }

    #[test]
    fn windows_respect_the_limit_on_long_text() {
        let text = "Amazon schließt das Labor. Über 1.000 Mitarbeiter.\n\n".repeat(5_000);
        for max in [1_000, 4_096, 65_536] {
            for p in pieces(&text, max) {
                assert!(p.len() <= max);
                assert!(p.ends_with("\n\n") || p.len() < max);
            }
        }
    }
}
