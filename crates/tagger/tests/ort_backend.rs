//! The ONNX Runtime backend gives the candle backend's labels (candle in f32, the precision
//! of the exported graph): tiny random models of each architecture and the default model,
//! exported by `scripts/export_onnx.py`.
//!
//! Needs a Python with `onnx` and `onnxruntime` (`CLAIMX_PYTHON`, default `python3`): the export
//! runs there and the runtime library is found in that wheel. Built only with `--features ort`,
//! and then it fails rather than skips when that Python is missing.
#![cfg(feature = "ort")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use claimx_tagger::{Backend, Precision, Tagger, TaggerError, TaggerOptions};
use common::*;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn export(model: &Path, out: &Path) {
    let python = std::env::var("CLAIMX_PYTHON").unwrap_or_else(|_| "python3".into());
    let status = Command::new(&python)
        .arg(repo().join("scripts/export_onnx.py"))
        .arg("--model")
        .arg(model)
        .arg("--out")
        .arg(out)
        .status()
        .unwrap_or_else(|e| panic!("cannot run {python} (set CLAIMX_PYTHON): {e}"));
    assert!(
        status.success(),
        "scripts/export_onnx.py failed for {}",
        model.display()
    );
}

fn ort_options() -> TaggerOptions {
    TaggerOptions {
        backend: Backend::Ort,
        threads: 1,
        ..TaggerOptions::default()
    }
}

fn assert_same(candle: &Tagger, ort: &Tagger, texts: &[&str]) {
    let a = candle.tag(texts).unwrap();
    let b = ort.tag(texts).unwrap();
    for ((text, a), b) in texts.iter().zip(&a).zip(&b) {
        let key = |s: &claimx_tagger::TaggedSpan| (s.start, s.end, s.label.clone());
        assert_eq!(
            a.iter().map(key).collect::<Vec<_>>(),
            b.iter().map(key).collect::<Vec<_>>(),
            "{text:?}"
        );
        for (x, y) in a.iter().zip(b) {
            assert!((x.score - y.score).abs() < 1e-3, "{text:?}: {x:?} vs {y:?}");
        }
    }
}

#[test]
fn tiny_models_give_candle_labels_through_ort() {
    for model_type in ["bert", "xlm-roberta", "distilbert"] {
        let dir = tempfile::tempdir().unwrap();
        write_model(dir.path(), model_type);
        export(dir.path(), dir.path());
        let small = TaggerOptions {
            max_tokens: 16,
            overlap: 4,
            batch_size: 3,
            precision: Precision::F32,
            ..TaggerOptions::default()
        };
        let candle = Tagger::from_dir(dir.path(), small.clone()).unwrap();
        let ort = Tagger::from_dir(
            dir.path(),
            TaggerOptions {
                backend: Backend::Ort,
                ..small
            },
        )
        .unwrap();
        let texts = texts();
        let mut refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let long = "Amazon said the lab ".repeat(100);
        refs.push(&long);
        assert_same(&candle, &ort, &refs);
        // any of them produce some labelled span, or the comparison would be empty
        assert!(candle.tag(&refs).unwrap().iter().any(|s| !s.is_empty()));
    }
}

#[test]
fn missing_or_malformed_graph_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write_model(dir.path(), "bert");
    match Tagger::from_dir(dir.path(), ort_options()) {
        Err(TaggerError::MissingFile { path }) => assert!(path.ends_with("model.onnx")),
        other => panic!("expected a missing model.onnx, got {:?}", other.err()),
    }
    std::fs::write(dir.path().join("model.onnx"), b"not a graph").unwrap();
    match Tagger::from_dir(dir.path(), ort_options()) {
        Err(e @ TaggerError::Weights { .. }) => {
            assert!(e.to_string().contains("model.onnx"), "{e}")
        }
        other => panic!("expected a malformed model.onnx, got {:?}", other.err()),
    }
}

#[test]
fn default_model_gives_candle_labels_through_ort() {
    let dir = tempfile::tempdir().unwrap();
    export(&repo().join("models/claimx-tagger-small"), dir.path());
    let candle = Tagger::from_dir(
        repo().join("models/claimx-tagger-small"),
        TaggerOptions {
            precision: Precision::F32,
            ..TaggerOptions::default()
        },
    )
    .unwrap();
    let ort = Tagger::from_dir(dir.path(), ort_options()).unwrap();
    let texts = [
        "Amazon Web Services schließt sein Forschungslabor in Shanghai, berichtet Reuters.",
        "The lab employed more than 1,000 people, Brad Glasser said on Thursday.",
        "据路透社报道，亚马逊将关闭其在上海的人工智能实验室。",
        "AWS opened the lab in 2018. 该实验室由张峥领导。",
    ];
    assert_same(&candle, &ort, &texts);
    let spans = ort.tag(&texts).unwrap();
    assert!(spans[1].iter().any(|s| s.label == "PER"), "{:?}", spans[1]);
}
