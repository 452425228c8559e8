//! A tiny randomly initialised model written by the test itself exercises loading (BERT,
//! XLM-R and DistilBERT weight names), batching, windowing and span merging; a mock backend
//! with context-free logits proves windowed tagging equals whole-text tagging.
mod common;

use claimx_tagger::{Precision, Result, Tagger, TaggerError, TaggerOptions, TokenClassifier};
use common::*;
use ndarray::Array3;
use tokenizers::Tokenizer;

#[test]
fn tiny_models_of_each_architecture_load_and_tag() {
    for model_type in ["bert", "xlm-roberta", "distilbert"] {
        let dir = tempfile::tempdir().unwrap();
        write_model(dir.path(), model_type);
        let tagger = Tagger::from_dir(dir.path(), TaggerOptions::default()).unwrap();
        assert_eq!(tagger.span_types(), vec!["PER", "MONEY"]);
        let texts = texts();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let batched = tagger.tag(&refs).unwrap();
        assert_eq!(batched.len(), refs.len());
        for (t, spans) in refs.iter().zip(&batched) {
            check_spans(t, spans);
        }
        // padding in a batch never changes a text's result
        for (t, spans) in refs.iter().zip(&batched) {
            let alone = tagger.tag(&[t]).unwrap();
            assert_eq!(alone[0].len(), spans.len(), "{model_type}: {t:?}");
            for (a, b) in alone[0].iter().zip(spans) {
                assert_eq!((a.start, a.end, &a.label), (b.start, b.end, &b.label));
                assert!((a.score - b.score).abs() < 1e-4);
            }
        }
    }
}

/// The fused pass (packed rows, own kernels) against candle's op graph over padded rows, for
/// every architecture and activation, on rows of unequal length with specials and padding,
/// in f32 and in bf16.
#[test]
fn fused_forward_matches_the_candle_op_graph() {
    for (model_type, act) in [
        ("bert", "gelu"),
        ("xlm-roberta", "gelu_new"),
        ("distilbert", "relu"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write_model(dir.path(), model_type);
        let config_path = dir.path().join("config.json");
        let config = std::fs::read_to_string(&config_path).unwrap();
        std::fs::write(
            &config_path,
            config.replace("\"gelu\"", &format!("\"{act}\"")),
        )
        .unwrap();
        let options = |precision, reference| TaggerOptions {
            precision,
            reference,
            ..TaggerOptions::default()
        };
        let graph = Tagger::from_dir(dir.path(), options(Precision::F32, true)).unwrap();
        let n = vocab().len() as u32;
        let rows: Vec<Vec<u32>> = vec![
            vec![0, 7, 9, 11, 2],
            (0..40).map(|i| (i * 7 + 3) % n).collect(),
            vec![0, 2],
            vec![],
            (0..17).map(|i| (i * 13 + 5) % n).collect(),
        ];
        let b = graph.classifier().logits(&rows).unwrap();
        // f32 agrees to rounding; bf16 (8-bit mantissas in every dense layer) to 0.2 % here,
        // int8 (weights per output, inputs per token) to a few per cent
        for (precision, tolerance) in [
            (Precision::F32, 1e-4),
            (Precision::Bf16, 1e-2),
            (Precision::Int8, 5e-2),
        ] {
            let fused = Tagger::from_dir(dir.path(), options(precision, false)).unwrap();
            let a = fused.classifier().logits(&rows).unwrap();
            assert_eq!(a.shape(), b.shape());
            let mut worst = 0.0f32;
            for (r, row) in rows.iter().enumerate() {
                for p in 0..row.len() {
                    for l in 0..LABELS.len() {
                        let (x, y) = (a[[r, p, l]], b[[r, p, l]]);
                        worst = worst.max((x - y).abs() / y.abs().max(1.0));
                        assert!(
                            (x - y).abs() < tolerance * y.abs().max(1.0),
                            "{model_type}/{act}/{precision:?} row {r} piece {p} label {l}: \
                             {x} vs {y}"
                        );
                    }
                }
            }
            eprintln!("{model_type}/{act}/{precision:?}: largest difference {worst:e}");
            // out-of-range ids are an error, not a panic
            assert!(fused.classifier().logits(&[vec![n + 5]]).is_err());
        }
    }
}

#[test]
fn long_text_is_windowed_not_truncated() {
    let dir = tempfile::tempdir().unwrap();
    write_model(dir.path(), "bert");
    let options = TaggerOptions {
        max_tokens: 16,
        overlap: 4,
        batch_size: 3,
        ..TaggerOptions::default()
    };
    let tagger = Tagger::from_dir(dir.path(), options).unwrap();
    // 400 words: far beyond both the window and the model's 64 positions
    let text = "Amazon said the lab ".repeat(100);
    let spans = tagger.tag(&[&text]).unwrap().remove(0);
    check_spans(&text, &spans);
    assert!(
        spans.iter().any(|s| s.start > text.len() * 9 / 10) || spans.is_empty(),
        "nothing tagged near the end"
    );
}

/// Logits that depend on the piece id alone, so context (and therefore windowing) cannot
/// change the labels: any difference would come from stitching.
struct PieceIdClassifier(Vec<String>);

impl TokenClassifier for PieceIdClassifier {
    fn logits(&self, rows: &[Vec<u32>]) -> Result<Array3<f32>> {
        let t = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut out = Array3::zeros((rows.len(), t, self.0.len()));
        for (r, row) in rows.iter().enumerate() {
            for (i, &id) in row.iter().enumerate() {
                out[[r, i, (id as usize * 7) % self.0.len()]] = 5.0;
            }
        }
        Ok(out)
    }
    fn labels(&self) -> &[String] {
        &self.0
    }
    fn max_sequence(&self) -> usize {
        512
    }
}

#[test]
fn windowed_tagging_equals_whole_text_tagging() {
    let labels: Vec<String> = LABELS.iter().map(|s| s.to_string()).collect();
    let tokenizer = Tokenizer::from_bytes(tokenizer_json().as_bytes()).unwrap();
    let whole = Tagger::with_classifier(
        Box::new(PieceIdClassifier(labels.clone())),
        tokenizer.clone(),
        TaggerOptions {
            max_tokens: 512,
            overlap: 0,
            batch_size: 64,
            ..TaggerOptions::default()
        },
    );
    let text = "Amazon said the lab had 1000 staff and $5 million. ".repeat(20);
    let want = whole.tag(&[&text]).unwrap();
    assert!(!want[0].is_empty());
    // (batch_pieces below one window: a window a pass; at 30, one or two windows a pass)
    for (max_tokens, overlap, batch_size, batch_pieces) in [
        (8, 0, 1, 2048),
        (8, 3, 2, 2048),
        (20, 5, 7, 2048),
        (33, 16, 100, 2048),
        (8, 3, 100, 1),
        (20, 5, 100, 30),
    ] {
        let windowed = Tagger::with_classifier(
            Box::new(PieceIdClassifier(labels.clone())),
            tokenizer.clone(),
            TaggerOptions {
                max_tokens,
                overlap,
                batch_size,
                batch_pieces,
                ..TaggerOptions::default()
            },
        );
        assert_eq!(
            windowed.tag(&[&text]).unwrap(),
            want,
            "{max_tokens}/{overlap}/{batch_size}/{batch_pieces}"
        );
    }
}

#[test]
fn missing_or_malformed_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let err = Tagger::from_dir(dir.path().join("nope"), TaggerOptions::default())
        .err()
        .unwrap();
    assert!(matches!(err, TaggerError::MissingFile { .. }), "{err}");

    write_model(dir.path(), "bert");
    std::fs::remove_file(dir.path().join("tokenizer.json")).unwrap();
    let err = Tagger::from_dir(dir.path(), TaggerOptions::default())
        .err()
        .unwrap();
    assert!(
        err.to_string().contains("tokenizer.json") && err.to_string().contains("missing"),
        "{err}"
    );

    write_model(dir.path(), "bert");
    std::fs::write(dir.path().join("config.json"), r#"{"model_type": "gpt2"}"#).unwrap();
    let err = Tagger::from_dir(dir.path(), TaggerOptions::default())
        .err()
        .unwrap();
    assert!(
        err.to_string().contains("config.json") && err.to_string().contains("gpt2"),
        "{err}"
    );

    write_model(dir.path(), "bert");
    std::fs::write(dir.path().join("model.safetensors"), b"not safetensors").unwrap();
    let err = Tagger::from_dir(dir.path(), TaggerOptions::default())
        .err()
        .unwrap();
    assert!(err.to_string().contains("model.safetensors"), "{err}");

    write_model(dir.path(), "bert");
    std::fs::write(dir.path().join("tokenizer.json"), b"{").unwrap();
    let err = Tagger::from_dir(dir.path(), TaggerOptions::default())
        .err()
        .unwrap();
    assert!(err.to_string().contains("tokenizer.json"), "{err}");
}
