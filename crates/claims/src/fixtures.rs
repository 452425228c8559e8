//! Test fixtures: figures, entities and a whole-text sentence placed by their text, for the
//! unit tests of every assembler in this crate.

use claimx_doc::{
    Entity, EntityType, Figure, FigureType, FigureValue, Lang, OffsetIndex, Sentence, Word,
};

/// Figures given as (text, type), placed at their first occurrence, sorted by position.
pub(crate) fn figures(text: &str, lang: Lang, figs: &[(&str, FigureType)]) -> Vec<Figure> {
    let idx = OffsetIndex::new(text);
    let mut out: Vec<Figure> = figs
        .iter()
        .map(|(t, k)| {
            let b = text.find(t).expect("figure in text");
            Figure {
                span: idx.span(b, b + t.len()),
                text: (*t).into(),
                kind: *k,
                value: Some(FigureValue::Number(1.0)),
                upper: None,
                bound: None,
                unit: None,
                lang,
            }
        })
        .collect();
    out.sort_by_key(|f| f.span.byte_start);
    out
}

/// Entities given as (text, type), placed at their first occurrence, canonical as written.
pub(crate) fn entities(text: &str, ents: &[(&str, EntityType)]) -> Vec<Entity> {
    let idx = OffsetIndex::new(text);
    ents.iter()
        .map(|(t, k)| {
            let b = text.find(t).expect("entity in text");
            Entity {
                span: idx.span(b, b + t.len()),
                text: (*t).into(),
                kind: *k,
                score: 0.9,
                canonical: (*t).into(),
            }
        })
        .collect()
}

/// The whole text as one sentence with the given words.
pub(crate) fn sentence(text: &str, lang: Lang, words: Vec<Word>) -> Sentence {
    Sentence {
        span: OffsetIndex::new(text).span(0, text.len()),
        boilerplate: false,
        lang,
        words,
    }
}

/// A sentence's words from `form/UPOS/head/relation` items separated by spaces (forms in
/// the order of the sentence, each placed after the one before).
pub(crate) fn words(sentence: &str, tree: &str) -> Vec<Word> {
    let idx = OffsetIndex::new(sentence);
    let mut at = 0;
    tree.split(' ')
        .map(|w| {
            let mut parts = w.rsplitn(4, '/');
            let (deprel, head, upos, form) = (
                parts.next().unwrap(),
                parts.next().unwrap(),
                parts.next().unwrap(),
                parts.next().unwrap(),
            );
            let b = at + sentence[at..].find(form).expect("word in sentence");
            at = b + form.len();
            Word {
                span: idx.span(b, at),
                upos: upos.into(),
                head: head.parse().unwrap(),
                deprel: deprel.into(),
                score: 0.9,
            }
        })
        .collect()
}
