//! A tiny randomly initialised model with syntax heads, written by the test itself: loading,
//! tree decoding (always a tree with a single root), windowing across long sentences,
//! batching, and the opt-out (no words asked, no parse).
mod common;

use claimx_doc::Lang;
use claimx_lang::words::syntax_words;
use claimx_tagger::{Analysis, Precision, Tagger, TaggerOptions, WordSyntax};
use common::*;

fn is_tree(words: &[WordSyntax]) -> bool {
    let n = words.len();
    let roots = words.iter().filter(|w| w.head == 0).count();
    let acyclic = (0..n).all(|i| {
        let mut v = i + 1;
        for _ in 0..=n {
            if v == 0 {
                return true;
            }
            v = words[v - 1].head;
        }
        false
    });
    roots == 1 && acyclic && words.iter().all(|w| w.head <= n)
}

fn analyze(tagger: &Tagger, texts: &[&str]) -> Vec<Analysis> {
    let words: Vec<Vec<(usize, usize)>> = texts.iter().map(|t| syntax_words(t, Lang::En)).collect();
    tagger.analyze(texts, &words).unwrap()
}

#[test]
fn every_sentence_gets_one_well_formed_tree() {
    let dir = tempfile::tempdir().unwrap();
    write_model_with_heads(dir.path(), "bert", true);
    let tagger = Tagger::from_dir(dir.path(), TaggerOptions::default()).unwrap();
    let heads = tagger.syntax().expect("the model has syntax heads");
    assert_eq!(heads.config().upos, UPOS);
    let texts = texts();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let out = analyze(&tagger, &refs);
    let spans = tagger.tag(&refs).unwrap();
    for ((text, a), s) in refs.iter().zip(&out).zip(&spans) {
        let words = syntax_words(text, Lang::En);
        assert_eq!(a.words.len(), words.len(), "{text:?}");
        if !words.is_empty() {
            assert!(is_tree(&a.words), "{text:?}: {:?}", a.words);
        }
        for (w, &(s, e)) in a.words.iter().zip(&words) {
            assert_eq!((w.start, w.end), (s, e));
            assert!(UPOS.contains(&w.upos.as_str()) && DEPRELS.contains(&w.deprel.as_str()));
            assert!((0.0..=1.0).contains(&w.upos_score) && (0.0..=1.0).contains(&w.head_score));
        }
        // parsing changes nothing about the spans
        assert_eq!(a.spans.len(), s.len());
    }
}

#[test]
fn long_sentences_are_parsed_across_windows() {
    let dir = tempfile::tempdir().unwrap();
    write_model_with_heads(dir.path(), "xlm-roberta", true);
    let small = TaggerOptions {
        max_tokens: 24,
        overlap: 6,
        ..TaggerOptions::default()
    };
    let tagger = Tagger::from_dir(dir.path(), small).unwrap();
    let long = "Amazon said the lab had 1000 staff and the lab grew . ".repeat(12);
    let out = analyze(&tagger, &[long.as_str()]);
    let words = syntax_words(&long, Lang::En);
    assert!(words.len() > 100);
    assert_eq!(out[0].words.len(), words.len());
    assert!(is_tree(&out[0].words));
    // past MAX_TREE_WORDS: consecutive trees of at most that many words, nothing lost
    let endless = "word ".repeat(3 * claimx_tagger::MAX_TREE_WORDS + 7);
    let out = analyze(&tagger, &[endless.as_str()]);
    let words = &out[0].words;
    assert_eq!(words.len(), 3 * claimx_tagger::MAX_TREE_WORDS + 7);
    for (k, chunk) in words.chunks(claimx_tagger::MAX_TREE_WORDS).enumerate() {
        let base = k * claimx_tagger::MAX_TREE_WORDS;
        let local: Vec<WordSyntax> = chunk
            .iter()
            .cloned()
            .map(|mut w| {
                if w.head > 0 {
                    assert!(w.head > base && w.head <= base + chunk.len());
                    w.head -= base;
                }
                w
            })
            .collect();
        assert!(is_tree(&local));
    }
}

/// In every precision (the heads' layers run in the encoder's): a sentence parses the same
/// in a batch as alone.
#[test]
fn batching_and_padding_never_change_a_parse() {
    let dir = tempfile::tempdir().unwrap();
    write_model_with_heads(dir.path(), "bert", true);
    for precision in [Precision::Bf16, Precision::Int8, Precision::F32] {
        let options = TaggerOptions {
            precision,
            ..TaggerOptions::default()
        };
        let tagger = Tagger::from_dir(dir.path(), options).unwrap();
        let texts = texts();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let together = analyze(&tagger, &refs);
        for (t, a) in refs.iter().zip(&together) {
            let alone = analyze(&tagger, &[t]);
            let key = |w: &[WordSyntax]| -> Vec<(usize, String, String)> {
                w.iter()
                    .map(|w| (w.head, w.upos.to_string(), w.deprel.to_string()))
                    .collect()
            };
            assert_eq!(key(&alone[0].words), key(&a.words), "{precision:?} {t:?}");
        }
    }
}

/// A text is parsed (and its hidden states dropped) once its last window has been through
/// the encoder: with one window per forward pass, windows of a long text and short texts
/// interleave across passes, and every parse is that of one big pass.
#[test]
fn parses_do_not_depend_on_which_pass_a_window_is_in() {
    let dir = tempfile::tempdir().unwrap();
    write_model_with_heads(dir.path(), "bert", true);
    let options = |batch_size| TaggerOptions {
        max_tokens: 24,
        overlap: 6,
        batch_size,
        ..TaggerOptions::default()
    };
    let long = "Amazon said the lab had 1000 staff and the lab grew . ".repeat(6);
    let mut texts = texts();
    texts.insert(1, long);
    texts.push(String::new());
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let key = |a: &[Analysis]| -> Vec<String> {
        a.iter()
            .flat_map(|a| a.words.iter())
            .map(|w| format!("{}..{} {} {} {}", w.start, w.end, w.head, w.upos, w.deprel))
            .collect()
    };
    let one_pass = analyze(&Tagger::from_dir(dir.path(), options(1000)).unwrap(), &refs);
    let window_by_window = analyze(&Tagger::from_dir(dir.path(), options(1)).unwrap(), &refs);
    assert!(one_pass[1].words.len() > 60, "the long text spans windows");
    assert_eq!(key(&one_pass), key(&window_by_window));
}

#[test]
fn no_words_asked_no_parse_and_models_without_heads_parse_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write_model_with_heads(dir.path(), "bert", true);
    let tagger = Tagger::from_dir(dir.path(), TaggerOptions::default()).unwrap();
    let out = tagger.analyze(&["Amazon said so."], &[]).unwrap();
    assert!(out[0].words.is_empty());
    let plain = tempfile::tempdir().unwrap();
    write_model(plain.path(), "bert");
    let tagger = Tagger::from_dir(plain.path(), TaggerOptions::default()).unwrap();
    assert!(tagger.syntax().is_none());
    let out = analyze(&tagger, &["Amazon said so."]);
    assert!(out[0].words.is_empty());
}
