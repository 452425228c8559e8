//! A tiny randomly initialised model written by the test itself exercises loading (BERT,
//! XLM-R and DistilBERT weight names), batching, windowing and span merging; a mock backend
//! with context-free logits proves windowed tagging equals whole-text tagging.
use std::collections::HashMap;
use std::path::Path;

use claimx_tagger::{Result, Tagger, TaggerError, TaggerOptions, TokenClassifier};
use ndarray::Array3;
use safetensors::tensor::{Dtype, TensorView};
use tokenizers::Tokenizer;

const LABELS: [&str; 5] = ["O", "B-PER", "I-PER", "B-MONEY", "I-MONEY"];
const H: usize = 16;
const FF: usize = 32;
const MAX_POS: usize = 64;

fn vocab() -> Vec<(String, f64)> {
    let mut v: Vec<(String, f64)> = ["<s>", "<pad>", "</s>", "<unk>"]
        .iter()
        .map(|s| (s.to_string(), 0.0))
        .collect();
    for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,$€äöüß中国".chars()
    {
        v.push((c.to_string(), -5.0));
        v.push((format!("\u{2581}{c}"), -6.0));
    }
    for w in ["the", "Amazon", "lab", "said", "million"] {
        v.push((format!("\u{2581}{w}"), -3.0));
    }
    v.push(("\u{2581}".into(), -4.0));
    v
}

fn tokenizer_json() -> String {
    let metaspace = serde_json::json!({"type": "Metaspace", "replacement": "\u{2581}", "prepend_scheme": "always", "split": true});
    let specials: Vec<_> = ["<s>", "<pad>", "</s>", "<unk>"]
        .iter()
        .enumerate()
        .map(|(i, s)| serde_json::json!({"id": i, "content": s, "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}))
        .collect();
    serde_json::json!({
        "version": "1.0", "truncation": null, "padding": null,
        "added_tokens": specials,
        "normalizer": null,
        "pre_tokenizer": metaspace,
        "post_processor": null,
        "decoder": metaspace,
        "model": {"type": "Unigram", "unk_id": 3, "vocab": vocab(), "byte_fallback": false}
    })
    .to_string()
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        ((self.0 >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 0.4
    }
}

/// Writes config.json, tokenizer.json and model.safetensors of a 2-layer model.
fn write_model(dir: &Path, model_type: &str) {
    let n_vocab = vocab().len();
    let distil = model_type == "distilbert";
    let prefix = match model_type {
        "bert" => "bert",
        "xlm-roberta" => "roberta",
        _ => "distilbert",
    };
    let mut shapes: Vec<(String, Vec<usize>)> = vec![
        (
            format!("{prefix}.embeddings.word_embeddings.weight"),
            vec![n_vocab, H],
        ),
        (
            format!("{prefix}.embeddings.position_embeddings.weight"),
            vec![MAX_POS, H],
        ),
        (format!("{prefix}.embeddings.LayerNorm.weight"), vec![H]),
        (format!("{prefix}.embeddings.LayerNorm.bias"), vec![H]),
        ("classifier.weight".into(), vec![LABELS.len(), H]),
        ("classifier.bias".into(), vec![LABELS.len()]),
    ];
    if !distil {
        shapes.push((
            format!("{prefix}.embeddings.token_type_embeddings.weight"),
            vec![1, H],
        ));
    }
    // (DistilBERT name, BERT / XLM-R name, rows, columns; 0 columns: a LayerNorm vector)
    let layer = [
        ("attention.q_lin", "attention.self.query", H, H),
        ("attention.k_lin", "attention.self.key", H, H),
        ("attention.v_lin", "attention.self.value", H, H),
        ("attention.out_lin", "attention.output.dense", H, H),
        ("ffn.lin1", "intermediate.dense", FF, H),
        ("ffn.lin2", "output.dense", H, FF),
        ("sa_layer_norm", "attention.output.LayerNorm", H, 0),
        ("output_layer_norm", "output.LayerNorm", H, 0),
    ];
    for l in 0..2 {
        for &(distil_name, bert_name, out, inp) in &layer {
            let name = if distil {
                format!("{prefix}.transformer.layer.{l}.{distil_name}")
            } else {
                format!("{prefix}.encoder.layer.{l}.{bert_name}")
            };
            let shape = if inp == 0 { vec![out] } else { vec![out, inp] };
            shapes.push((name.clone() + ".weight", shape));
            shapes.push((name + ".bias", vec![out]));
        }
    }
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let data: Vec<(String, Vec<usize>, Vec<u8>)> = shapes
        .into_iter()
        .map(|(name, shape)| {
            let n: usize = shape.iter().product();
            let norm_weight =
                name.contains("LayerNorm.weight") || name.contains("layer_norm.weight");
            let bytes = (0..n)
                .flat_map(|_| {
                    let v = if norm_weight { 1.0 } else { rng.next() };
                    v.to_le_bytes()
                })
                .collect();
            (name, shape, bytes)
        })
        .collect();
    let views: Vec<(String, TensorView)> = data
        .iter()
        .map(|(n, s, b)| {
            (
                n.clone(),
                TensorView::new(Dtype::F32, s.clone(), b).unwrap(),
            )
        })
        .collect();
    safetensors::tensor::serialize_to_file(views, None, &dir.join("model.safetensors")).unwrap();
    let id2label: HashMap<String, &str> = LABELS
        .iter()
        .enumerate()
        .map(|(i, l)| (i.to_string(), *l))
        .collect();
    let config = if distil {
        serde_json::json!({"model_type": "distilbert", "vocab_size": n_vocab, "dim": H, "n_layers": 2, "n_heads": 2, "hidden_dim": FF, "max_position_embeddings": MAX_POS, "activation": "gelu", "pad_token_id": 1, "id2label": id2label})
    } else {
        serde_json::json!({"model_type": model_type, "vocab_size": n_vocab, "hidden_size": H, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": FF, "max_position_embeddings": MAX_POS, "type_vocab_size": 1, "hidden_act": "gelu", "layer_norm_eps": 1e-5, "pad_token_id": 1, "id2label": id2label})
    };
    std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
    std::fs::write(dir.join("tokenizer.json"), tokenizer_json()).unwrap();
}

fn texts() -> Vec<String> {
    vec![
        "Amazon said the lab had 1000 staff.".to_string(),
        "".to_string(),
        "   ".to_string(),
        "Größe 中国 $5 million".to_string(),
        "the lab ".repeat(90),
    ]
}

fn check_spans(text: &str, spans: &[claimx_tagger::TaggedSpan]) {
    let mut last = 0;
    for s in spans {
        assert!(
            s.start < s.end && s.end <= text.len(),
            "{s:?} outside {text:?}"
        );
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.start >= last, "spans overlap or are unsorted");
        assert!(!text[s.start..s.end].starts_with(char::is_whitespace));
        assert!(["PER", "MONEY"].contains(&s.label.as_str()));
        assert!(s.score > 0.0 && s.score <= 1.0);
        last = s.end;
    }
}

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

#[test]
fn long_text_is_windowed_not_truncated() {
    let dir = tempfile::tempdir().unwrap();
    write_model(dir.path(), "bert");
    let options = TaggerOptions {
        max_tokens: 16,
        overlap: 4,
        batch_size: 3,
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
        },
    );
    let text = "Amazon said the lab had 1000 staff and $5 million. ".repeat(20);
    let want = whole.tag(&[&text]).unwrap();
    assert!(!want[0].is_empty());
    for (max_tokens, overlap, batch_size) in [(8, 0, 1), (8, 3, 2), (20, 5, 7), (33, 16, 100)] {
        let windowed = Tagger::with_classifier(
            Box::new(PieceIdClassifier(labels.clone())),
            tokenizer.clone(),
            TaggerOptions {
                max_tokens,
                overlap,
                batch_size,
            },
        );
        assert_eq!(
            windowed.tag(&[&text]).unwrap(),
            want,
            "{max_tokens}/{overlap}/{batch_size}"
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
