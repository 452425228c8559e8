//! The claim assembler on arbitrary dependency trees: words with any head (cycles, self-loops,
//! out of range), relation and part of speech, over text in any of the three languages, with
//! figures and entities on random words. The parser always gives a tree, but records can come
//! from elsewhere (a user's own parser through the library): no input may panic or hang, and
//! every claim must point at a figure of the document and lie in its sentence.
#![no_main]
use claimx_claims::ClaimAssembler;
use claimx_doc::{
    Entity, EntityType, Figure, FigureType, FigureValue, Lang, OffsetIndex, Sentence, Word,
};
use libfuzzer_sys::fuzz_target;

/// Words of three languages, each a token of the text joined by spaces (Chinese too, so that
/// word spans stay simple).
const WORDS: &[&str] = &[
    "Der", "Umsatz", "stieg", "um", "5", "Prozent", ",", "sagte", "der", "Sprecher", "so",
    "die", "VIG", "es", "gab", "2015", "wie", "mitteilte", "the", "company", "said", "on",
    "Tuesday", "it", "will", "cut", "600", "jobs", "according", "to", "Reuters", "with",
    "China", "8.44", "and", "exporting", "zu", "abzubauen", "下降", "了", "4.2%", "据悉",
    "环保部", "的", "面积", "5131", "岁", "有", "超过1000", "2008年", "比", "上一年", "。",
];
const UPOS: &[&str] = &[
    "NOUN", "PROPN", "VERB", "AUX", "ADP", "ADV", "DET", "PRON", "NUM", "PUNCT", "SCONJ",
    "CCONJ", "ADJ", "PART", "SYM", "X",
];
const RELS: &[&str] = &[
    "nsubj", "nsubj:pass", "obj", "obl", "nmod", "advmod", "advcl", "ccomp", "xcomp", "conj",
    "cc", "case", "mark", "det", "amod", "nummod", "appos", "acl", "acl:relcl", "parataxis",
    "compound", "cop", "aux", "expl", "punct", "root", "fixed", "flat", "dep",
];
const KINDS: &[FigureType] = &[
    FigureType::Cardinal,
    FigureType::Money,
    FigureType::Percent,
    FigureType::Date,
    FigureType::Duration,
    FigureType::Time,
    FigureType::Ordinal,
    FigureType::Quantity,
];

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let lang = [Lang::De, Lang::En, Lang::Zh][data[0] as usize % 3];
    // each word takes four bytes: form, part of speech, head, relation
    let chunks: Vec<&[u8]> = data[1..].chunks_exact(4).take(300).collect();
    if chunks.is_empty() {
        return;
    }
    let forms: Vec<&str> = chunks.iter().map(|c| WORDS[c[0] as usize % WORDS.len()]).collect();
    let text = forms.join(" ");
    let index = OffsetIndex::new(&text);
    let mut at = 0;
    let n = chunks.len();
    let mut words = Vec::with_capacity(n);
    let mut figures = Vec::new();
    let mut entities = Vec::new();
    for (c, form) in chunks.iter().zip(&forms) {
        let span = index.span(at, at + form.len());
        at += form.len() + 1;
        words.push(Word {
            span,
            upos: UPOS[c[1] as usize % UPOS.len()].into(),
            // any head, also past the end or the word itself
            head: c[2] as usize % (n + 3),
            deprel: RELS[c[3] as usize % RELS.len()].into(),
            score: (c[2] as f32) / 255.0,
        });
        if c[1] % 5 == 0 {
            figures.push(Figure {
                span,
                text: (*form).into(),
                kind: KINDS[c[3] as usize % KINDS.len()],
                value: Some(FigureValue::Number(1.0)),
                upper: None,
                bound: None,
                unit: (c[0] % 2 == 0).then(|| "岁".into()),
                lang,
            });
        } else if c[1] % 7 == 0 {
            entities.push(Entity {
                span,
                text: (*form).into(),
                kind: [EntityType::Per, EntityType::Org, EntityType::Loc][c[0] as usize % 3],
                score: 0.9,
                canonical: (*form).into(),
            });
        }
    }
    let sentence = Sentence {
        span: index.span(0, text.len()),
        boilerplate: false,
        lang,
        words,
    };
    let claims = ClaimAssembler::new().assemble(&text, &[sentence], &figures, &entities);
    for c in &claims {
        if let Some(f) = c.figure {
            assert!(f < figures.len(), "claim about a figure that does not exist");
        }
        assert_eq!(c.sentence.byte_end, text.len());
        assert!(c.confidence.is_finite());
    }
});
