//! The whole pipeline (rules, no tagger model) on arbitrary bytes as a document, in small
//! windows so that window cuts and merges are exercised: unguarded, so any panic is a
//! crash; every span must slice the text at character boundaries.
#![no_main]
use claimx_core::{DocumentPolicy, Pipeline};
use claimx_doc::Document;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        Pipeline::rules_only().with_policy(DocumentPolicy {
            max_doc_bytes: 200,
            ..Default::default()
        })
    })
}

fuzz_target!(|data: &[u8]| {
    let (published, body) = match data.split_first() {
        Some((&b, rest)) if b % 3 == 0 => (Some("2025-07-24"), rest),
        _ => (None, data),
    };
    let mut doc = Document::new("fuzz", String::from_utf8_lossy(body));
    doc.published = published.map(String::from);
    let Ok(out) = pipeline().extract(&doc) else {
        return;
    };
    let text = &doc.text;
    let chars = text.chars().count();
    assert_eq!((out.byte_len, out.char_len), (text.len(), chars));
    let spans = out
        .sentences
        .iter()
        .map(|s| s.span)
        .chain(out.segments.iter().map(|s| s.span))
        .chain(out.figures.iter().map(|f| f.span))
        .chain(out.entities.iter().map(|e| e.span))
        .chain(out.claims.iter().map(|c| c.sentence));
    for s in spans {
        assert!(s.byte_start <= s.byte_end && s.byte_end <= text.len());
        assert!(text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end));
        assert_eq!(text[..s.byte_start].chars().count(), s.start, "{s:?}");
        assert_eq!(text[s.byte_start..s.byte_end].chars().count(), s.end - s.start);
    }
    for c in &out.claims {
        for i in [c.figure, c.time].into_iter().flatten() {
            assert!(i < out.figures.len());
        }
    }
});
