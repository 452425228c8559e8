//! Tiny randomly initialised models written by the tests themselves (no download).
#![allow(dead_code)]
use std::collections::HashMap;
use std::path::Path;

use safetensors::tensor::{Dtype, TensorView};

pub const LABELS: [&str; 5] = ["O", "B-PER", "I-PER", "B-MONEY", "I-MONEY"];
pub const H: usize = 16;
pub const FF: usize = 32;
pub const MAX_POS: usize = 64;

pub fn vocab() -> Vec<(String, f64)> {
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

pub fn tokenizer_json() -> String {
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

pub struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        ((self.0 >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 0.4
    }
}

/// Writes config.json, tokenizer.json and model.safetensors of a 2-layer model.
pub fn write_model(dir: &Path, model_type: &str) {
    write_model_with_heads(dir, model_type, false)
}

pub const UPOS: [&str; 3] = ["NOUN", "VERB", "PUNCT"];
pub const DEPRELS: [&str; 4] = ["root", "nsubj", "obj", "punct"];

/// The same model, with syntax heads (UPOS, biaffine arcs and relations) when `heads`.
pub fn write_model_with_heads(dir: &Path, model_type: &str, heads: bool) {
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
    let (arc, rel) = (8, 4);
    if heads {
        let w = 2 * H;
        for (name, shape) in [
            ("heads.start_offset.weight", vec![4, H]),
            ("heads.end_offset.weight", vec![4, H]),
            ("heads.root", vec![w]),
            ("heads.upos.weight", vec![UPOS.len(), w]),
            ("heads.upos.bias", vec![UPOS.len()]),
            ("heads.arc_dep.weight", vec![arc, w]),
            ("heads.arc_dep.bias", vec![arc]),
            ("heads.arc_head.weight", vec![arc, w]),
            ("heads.arc_head.bias", vec![arc]),
            ("heads.rel_dep.weight", vec![rel, w]),
            ("heads.rel_dep.bias", vec![rel]),
            ("heads.rel_head.weight", vec![rel, w]),
            ("heads.rel_head.bias", vec![rel]),
            ("heads.arc_u", vec![arc, arc]),
            ("heads.arc_b", vec![arc]),
            ("heads.rel_u", vec![DEPRELS.len(), rel, rel]),
            ("heads.rel_w.weight", vec![DEPRELS.len(), 2 * rel]),
            ("heads.rel_w.bias", vec![DEPRELS.len()]),
        ] {
            shapes.push((name.to_string(), shape));
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
    let mut config = if distil {
        serde_json::json!({"model_type": "distilbert", "vocab_size": n_vocab, "dim": H, "n_layers": 2, "n_heads": 2, "hidden_dim": FF, "max_position_embeddings": MAX_POS, "activation": "gelu", "pad_token_id": 1, "id2label": id2label})
    } else {
        serde_json::json!({"model_type": model_type, "vocab_size": n_vocab, "hidden_size": H, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": FF, "max_position_embeddings": MAX_POS, "type_vocab_size": 1, "hidden_act": "gelu", "layer_norm_eps": 1e-5, "pad_token_id": 1, "id2label": id2label})
    };
    if heads {
        config["claimx_heads"] = serde_json::json!({"upos": UPOS, "deprel": DEPRELS, "arc_dim": arc, "rel_dim": rel, "offset_buckets": 4});
    }
    std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
    std::fs::write(dir.join("tokenizer.json"), tokenizer_json()).unwrap();
}

pub fn texts() -> Vec<String> {
    vec![
        "Amazon said the lab had 1000 staff.".to_string(),
        "".to_string(),
        "   ".to_string(),
        "Größe 中国 $5 million".to_string(),
        "the lab ".repeat(90),
    ]
}

pub fn check_spans(text: &str, spans: &[claimx_tagger::TaggedSpan]) {
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
