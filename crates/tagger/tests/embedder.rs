//! Text embeddings from an encoder folder (a tiny random model written by the test): one
//! vector per text of the encoder's width, the same alone as in a batch, read from the
//! text's first pieces only.
mod common;

use claimx_tagger::{TaggerError, TextEmbedder, EMBEDDING_PIECES};
use common::*;

#[test]
fn a_text_s_embedding_is_the_mean_of_its_first_pieces() {
    let dir = tempfile::tempdir().unwrap();
    write_model(dir.path(), "bert");
    let embedder = TextEmbedder::from_dir(dir.path()).unwrap();
    let texts = texts();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let batch = embedder.embed(&refs).unwrap();
    assert_eq!(batch.len(), refs.len());
    for (t, v) in refs.iter().zip(&batch) {
        assert_eq!(v.len(), embedder.dimensions());
        assert!(v.iter().all(|x| x.is_finite()));
        // padding in a batch changes nothing
        let alone = embedder.embed(&[t]).unwrap();
        for (a, b) in alone[0].iter().zip(v) {
            assert!((a - b).abs() < 1e-4, "{t:?}");
        }
    }
    assert_ne!(batch[0], batch[3], "different texts, different vectors");
    // what lies past the first pieces is not read
    let head = "the lab ".repeat(EMBEDDING_PIECES);
    let longer = format!("{head} Amazon said 1000 million");
    let both = embedder.embed(&[&head, &longer]).unwrap();
    for (a, b) in both[0].iter().zip(&both[1]) {
        assert!((a - b).abs() < 1e-5);
    }
}

#[test]
fn a_missing_encoder_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("e5");
    match TextEmbedder::from_dir(&missing) {
        Err(TaggerError::MissingFile { path }) => assert_eq!(path, missing),
        other => panic!("{:?}", other.map(|_| ())),
    }
}
