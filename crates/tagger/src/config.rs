//! The subset of a Hugging Face `config.json` a token-classification encoder needs.
use std::path::Path;

use serde::Deserialize;

use crate::error::{Result, TaggerError};

/// Encoder families whose token-classification checkpoints load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Architecture {
    /// BERT and its multilingual variants.
    Bert,
    /// XLM-RoBERTa (multilingual-e5 is one).
    XlmRoberta,
    /// DistilBERT.
    DistilBert,
}

/// Hidden activation of the feed-forward block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    /// Exact (erf) GELU, Hugging Face's `gelu`.
    Gelu,
    /// tanh approximation: `gelu_new`, `gelu_pytorch_tanh`.
    GeluTanh,
    /// ReLU.
    Relu,
}

/// The shape of an encoder, from its Hugging Face `config.json`.
#[derive(Debug, Clone)]
pub struct ModelConfig {
    /// The encoder family.
    pub architecture: Architecture,
    /// Pieces in the vocabulary.
    pub vocab_size: usize,
    /// Width of the hidden states.
    pub hidden_size: usize,
    /// Transformer layers.
    pub num_layers: usize,
    /// Attention heads per layer.
    pub num_heads: usize,
    /// Width of the feed-forward block.
    pub intermediate_size: usize,
    /// Longest sequence the position embeddings cover.
    pub max_position_embeddings: usize,
    /// Token type ids (segments) the model knows.
    pub type_vocab_size: usize,
    /// Epsilon of the layer norms.
    pub layer_norm_eps: f64,
    /// Activation of the feed-forward block.
    pub activation: Activation,
    /// Id of the padding piece.
    pub pad_token_id: u32,
    /// Label names by id, e.g. `B-PER`.
    pub labels: Vec<String>,
    /// The syntax heads, when the model has them.
    pub syntax: Option<SyntaxConfig>,
}

#[derive(Deserialize)]
struct Raw {
    model_type: Option<String>,
    vocab_size: Option<usize>,
    // BERT / XLM-R names
    hidden_size: Option<usize>,
    num_hidden_layers: Option<usize>,
    num_attention_heads: Option<usize>,
    intermediate_size: Option<usize>,
    hidden_act: Option<String>,
    // DistilBERT names
    dim: Option<usize>,
    n_layers: Option<usize>,
    n_heads: Option<usize>,
    hidden_dim: Option<usize>,
    activation: Option<String>,
    max_position_embeddings: Option<usize>,
    type_vocab_size: Option<usize>,
    layer_norm_eps: Option<f64>,
    pad_token_id: Option<u32>,
    id2label: Option<std::collections::BTreeMap<String, String>>,
    claimx_heads: Option<SyntaxConfig>,
}

/// The word-level heads of a multi-head model (`claimx_heads` in `config.json`, tensors
/// `heads.*` in the weights): UPOS and a biaffine dependency parser on the encoder's last
/// layer, written by `scripts/train_multihead.py`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct SyntaxConfig {
    /// Universal part-of-speech tags, in logit order.
    pub upos: Vec<String>,
    /// Universal dependency relations (no subtypes), in logit order.
    pub deprel: Vec<String>,
    /// Width of the arc MLPs.
    pub arc_dim: usize,
    /// Width of the relation MLPs.
    pub rel_dim: usize,
    /// How many character offsets of a word inside its first / last piece are told apart.
    pub offset_buckets: usize,
}

impl ModelConfig {
    /// The configuration in `text`, read from `path` (named in errors).
    pub fn from_json(text: &str, path: &Path) -> Result<ModelConfig> {
        Self::parse(text, path, true)
    }

    /// Parse the `config.json` of an encoder without a task head (multilingual-e5): no
    /// `id2label` needed, no labels.
    pub fn encoder_from_json(text: &str, path: &Path) -> Result<ModelConfig> {
        Self::parse(text, path, false)
    }

    fn parse(text: &str, path: &Path, needs_labels: bool) -> Result<ModelConfig> {
        let err = |message: String| TaggerError::Config {
            path: path.to_path_buf(),
            message,
        };
        let raw: Raw = serde_json::from_str(text).map_err(|e| err(e.to_string()))?;
        let model_type = raw.model_type.ok_or_else(|| err("no model_type".into()))?;
        let architecture = match model_type.as_str() {
            "bert" => Architecture::Bert,
            "xlm-roberta" | "roberta" => Architecture::XlmRoberta,
            "distilbert" => Architecture::DistilBert,
            other => {
                return Err(err(format!(
                    "model_type {other:?} is not supported (bert, xlm-roberta, roberta, distilbert)"
                )))
            }
        };
        let need = |v: Option<usize>, name: &str| v.ok_or_else(|| err(format!("no {name}")));
        let distil = architecture == Architecture::DistilBert;
        let (hidden_size, num_layers, num_heads, intermediate_size, act) = if distil {
            (
                need(raw.dim, "dim")?,
                need(raw.n_layers, "n_layers")?,
                need(raw.n_heads, "n_heads")?,
                need(raw.hidden_dim, "hidden_dim")?,
                raw.activation.unwrap_or_else(|| "gelu".into()),
            )
        } else {
            (
                need(raw.hidden_size, "hidden_size")?,
                need(raw.num_hidden_layers, "num_hidden_layers")?,
                need(raw.num_attention_heads, "num_attention_heads")?,
                need(raw.intermediate_size, "intermediate_size")?,
                raw.hidden_act.unwrap_or_else(|| "gelu".into()),
            )
        };
        if num_heads == 0 || hidden_size % num_heads != 0 {
            return Err(err(format!(
                "hidden size {hidden_size} is not a multiple of {num_heads} heads"
            )));
        }
        let activation = match act.as_str() {
            "gelu" => Activation::Gelu,
            "gelu_new" | "gelu_pytorch_tanh" | "gelu_fast" => Activation::GeluTanh,
            "relu" => Activation::Relu,
            other => return Err(err(format!("hidden activation {other:?} is not supported"))),
        };
        let id2label = match raw.id2label {
            Some(m) => m,
            None if !needs_labels => Default::default(),
            None => return Err(err("no id2label: not a token-classification model".into())),
        };
        let mut labels = vec![String::new(); id2label.len()];
        for (k, v) in id2label {
            let i: usize = k
                .parse()
                .map_err(|_| err(format!("id2label key {k:?} is not a number")))?;
            if i >= labels.len() {
                return Err(err(format!("id2label ids are not 0..{}", labels.len())));
            }
            labels[i] = v;
        }
        Ok(ModelConfig {
            architecture,
            vocab_size: need(raw.vocab_size, "vocab_size")?,
            hidden_size,
            num_layers,
            num_heads,
            intermediate_size,
            max_position_embeddings: raw.max_position_embeddings.unwrap_or(512),
            type_vocab_size: raw.type_vocab_size.unwrap_or(if distil { 0 } else { 2 }),
            layer_norm_eps: raw.layer_norm_eps.unwrap_or(1e-12),
            activation,
            pad_token_id: raw.pad_token_id.unwrap_or(if distil { 0 } else { 1 }),
            labels,
            syntax: raw.claimx_heads,
        })
    }

    /// Tokens a single forward pass can take, specials included.
    pub fn max_sequence(&self) -> usize {
        match self.architecture {
            // positions start after the padding index
            Architecture::XlmRoberta => {
                self.max_position_embeddings - self.pad_token_id as usize - 1
            }
            _ => self.max_position_embeddings,
        }
    }
}
