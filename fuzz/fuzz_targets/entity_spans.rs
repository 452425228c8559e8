//! The entity stage over arbitrary text and arbitrary tagger spans, in each language: the
//! refiner's cuts, splits and Chinese word edges, then the document passes (one type per
//! name, canonical names, propagation of names). Every span must slice the text at character
//! boundaries, and no two entities may overlap.
#![no_main]
use claimx_doc::{Entity, EntityType, Lang, OffsetIndex, Sentence};
use claimx_entities::{EntityRefinement, EntityRefiner, EntitySpan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // the first bytes choose spans (pairs of character positions), the rest is the text
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let n = usize::from(n % 8);
    if rest.len() < 2 * n {
        return;
    }
    let (picks, body) = rest.split_at(2 * n);
    let text = String::from_utf8_lossy(body);
    let text = text.as_ref();
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let kinds = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];
    let spans: Vec<EntitySpan> = picks
        .chunks(2)
        .enumerate()
        .filter_map(|(k, p)| {
            let a = bounds[usize::from(p[0]) % bounds.len()];
            let b = bounds[usize::from(p[1]) % bounds.len()];
            (a < b).then(|| EntitySpan {
                start: a,
                end: b,
                kind: kinds[k % kinds.len()],
                score: 0.5 + 0.07 * k as f32,
            })
        })
        .collect();
    let refiner = EntityRefiner::default();
    let index = OffsetIndex::new(text);
    for lang in [Lang::De, Lang::En, Lang::Zh] {
        let refined = refiner.refine(text, lang, &spans);
        for s in &refined {
            assert!(s.start < s.end && s.end <= text.len(), "{s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        // the document passes need entities apart, as the pipeline gives them
        let mut entities: Vec<Entity> = Vec::new();
        for s in refined {
            if entities
                .last()
                .is_some_and(|e: &Entity| e.span.byte_end > s.start)
            {
                continue;
            }
            entities.push(Entity {
                span: index.span(s.start, s.end),
                text: text[s.start..s.end].into(),
                kind: s.kind,
                score: s.score,
                canonical: text[s.start..s.end].into(),
            });
        }
        let sentence = Sentence {
            span: index.span(0, text.len()),
            boilerplate: false,
            lang,
            words: Vec::new(),
        };
        refiner.canonicalize(text, &mut entities);
        refiner.propagate(text, &index, std::slice::from_ref(&sentence), &mut entities);
        for pair in entities.windows(2) {
            assert!(pair[0].span.byte_end <= pair[1].span.byte_start, "{pair:?}");
        }
        for e in &entities {
            assert_eq!(&text[e.span.byte_start..e.span.byte_end], e.text.as_str());
        }
    }
});
