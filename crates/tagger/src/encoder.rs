//! The encoder with a token-classification head, on candle (pure Rust).
//!
//! Written out rather than taken from `candle-transformers` because that crate has no
//! token-classification heads and names BERT, XLM-R and DistilBERT weights differently; here
//! one module maps all three checkpoints onto the same post-LN transformer.
use candle_core::{DType, Device, Module, Tensor};
use candle_nn::{Embedding, LayerNorm, Linear, VarBuilder};
use ndarray::Array3;

use crate::config::{Activation, Architecture, ModelConfig};
use crate::error::{Result, TaggerError};
use crate::TokenClassifier;

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    out: Linear,
    attention_norm: LayerNorm,
    up: Linear,
    down: Linear,
    output_norm: LayerNorm,
}

/// Where a checkpoint keeps one transformer layer's tensors, relative to the encoder.
struct LayerNames {
    prefix: &'static str,
    query: &'static str,
    key: &'static str,
    value: &'static str,
    out: &'static str,
    attention_norm: &'static str,
    up: &'static str,
    down: &'static str,
    output_norm: &'static str,
}

/// BERT and XLM-RoBERTa.
const BERT_LAYER: LayerNames = LayerNames {
    prefix: "encoder.layer",
    query: "attention.self.query",
    key: "attention.self.key",
    value: "attention.self.value",
    out: "attention.output.dense",
    attention_norm: "attention.output.LayerNorm",
    up: "intermediate.dense",
    down: "output.dense",
    output_norm: "output.LayerNorm",
};

const DISTILBERT_LAYER: LayerNames = LayerNames {
    prefix: "transformer.layer",
    query: "attention.q_lin",
    key: "attention.k_lin",
    value: "attention.v_lin",
    out: "attention.out_lin",
    attention_norm: "sa_layer_norm",
    up: "ffn.lin1",
    down: "ffn.lin2",
    output_norm: "output_layer_norm",
};

/// A BERT-family encoder plus its `classifier` Linear (bias kept), evaluated in f32.
pub struct CandleEncoder {
    word: Embedding,
    position: Embedding,
    token_type: Option<Tensor>,
    norm: LayerNorm,
    layers: Vec<Layer>,
    classifier: Linear,
    config: ModelConfig,
    device: Device,
}

fn layer_norm(size: usize, eps: f64, vb: VarBuilder) -> candle_core::Result<LayerNorm> {
    // Old BERT checkpoints call the parameters gamma/beta.
    let (w, b) = if vb.contains_tensor("gamma") {
        ("gamma", "beta")
    } else {
        ("weight", "bias")
    };
    Ok(LayerNorm::new(vb.get(size, w)?, vb.get(size, b)?, eps))
}

fn weights_error(path: &std::path::Path) -> impl Fn(candle_core::Error) -> TaggerError + '_ {
    move |e| TaggerError::Weights {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

impl CandleEncoder {
    /// Build from a VarBuilder over the checkpoint's tensors; `path` names the weights file
    /// in errors.
    pub fn load(vb: VarBuilder, config: ModelConfig, path: &std::path::Path) -> Result<Self> {
        let e = weights_error(path);
        let h = config.hidden_size;
        let eps = config.layer_norm_eps;
        let prefix = match config.architecture {
            Architecture::Bert => "bert",
            Architecture::XlmRoberta => "roberta",
            Architecture::DistilBert => "distilbert",
        };
        let base = if vb.contains_tensor(&format!("{prefix}.embeddings.word_embeddings.weight")) {
            vb.pp(prefix)
        } else if vb.contains_tensor("embeddings.word_embeddings.weight") {
            vb.clone()
        } else {
            return Err(TaggerError::Weights {
                path: path.to_path_buf(),
                message: format!(
                    "no {prefix}.embeddings.word_embeddings.weight: not a {:?} checkpoint",
                    config.architecture
                ),
            });
        };
        let emb = base.pp("embeddings");
        let word = Embedding::new(
            emb.pp("word_embeddings")
                .get((config.vocab_size, h), "weight")
                .map_err(&e)?,
            h,
        );
        let position = Embedding::new(
            emb.pp("position_embeddings")
                .get((config.max_position_embeddings, h), "weight")
                .map_err(&e)?,
            h,
        );
        let token_type = if config.type_vocab_size > 0 {
            let t = emb
                .pp("token_type_embeddings")
                .get((config.type_vocab_size, h), "weight")
                .map_err(&e)?;
            Some(t.get(0).map_err(&e)?)
        } else {
            None
        };
        let norm = layer_norm(h, eps, emb.pp("LayerNorm")).map_err(&e)?;
        let ff = config.intermediate_size;
        let linear = |vb: VarBuilder, i, o| candle_nn::linear(i, o, vb);
        let names = if config.architecture == Architecture::DistilBert {
            &DISTILBERT_LAYER
        } else {
            &BERT_LAYER
        };
        let mut layers = Vec::with_capacity(config.num_layers);
        for l in 0..config.num_layers {
            let vb = base.pp(format!("{}.{l}", names.prefix));
            layers.push(Layer {
                query: linear(vb.pp(names.query), h, h).map_err(&e)?,
                key: linear(vb.pp(names.key), h, h).map_err(&e)?,
                value: linear(vb.pp(names.value), h, h).map_err(&e)?,
                out: linear(vb.pp(names.out), h, h).map_err(&e)?,
                attention_norm: layer_norm(h, eps, vb.pp(names.attention_norm)).map_err(&e)?,
                up: linear(vb.pp(names.up), h, ff).map_err(&e)?,
                down: linear(vb.pp(names.down), ff, h).map_err(&e)?,
                output_norm: layer_norm(h, eps, vb.pp(names.output_norm)).map_err(&e)?,
            });
        }
        let classifier = linear(vb.pp("classifier"), h, config.labels.len()).map_err(&e)?;
        Ok(CandleEncoder {
            word,
            position,
            token_type,
            norm,
            layers,
            classifier,
            device: vb.device().clone(),
            config,
        })
    }

    fn activation(&self, x: &Tensor) -> candle_core::Result<Tensor> {
        match self.config.activation {
            Activation::Gelu => x.gelu_erf(),
            Activation::GeluTanh => x.gelu(),
            Activation::Relu => x.relu(),
        }
    }

    fn forward(&self, ids: &Tensor, mask: &Tensor) -> candle_core::Result<Tensor> {
        let (b, t) = ids.dims2()?;
        let h = self.config.hidden_size;
        let heads = self.config.num_heads;
        let head = h / heads;
        let first = match self.config.architecture {
            Architecture::XlmRoberta => self.config.pad_token_id + 1,
            _ => 0,
        };
        let positions = Tensor::arange(first, first + t as u32, &self.device)?.unsqueeze(0)?;
        let mut x = self
            .word
            .forward(ids)?
            .broadcast_add(&self.position.forward(&positions)?)?;
        if let Some(tt) = &self.token_type {
            x = x.broadcast_add(tt)?;
        }
        let mut x = self.norm.forward(&x)?;
        // 0 where a key is a real token, a large negative number where it is padding
        let bias = ((mask.to_dtype(DType::F32)? - 1.0)? * 1e9)?.reshape((b, 1, 1, t))?;
        let scale = 1.0 / (head as f64).sqrt();
        let split = |y: Tensor| -> candle_core::Result<Tensor> {
            y.reshape((b, t, heads, head))?
                .transpose(1, 2)?
                .contiguous()
        };
        for layer in &self.layers {
            let q = split(layer.query.forward(&x)?)?;
            let k = split(layer.key.forward(&x)?)?;
            let v = split(layer.value.forward(&x)?)?;
            let scores = (q.matmul(&k.t()?)? * scale)?.broadcast_add(&bias)?;
            let probs = candle_nn::ops::softmax_last_dim(&scores)?;
            let context = probs.matmul(&v)?.transpose(1, 2)?.reshape((b, t, h))?;
            x = layer
                .attention_norm
                .forward(&(layer.out.forward(&context)? + &x)?)?;
            let up = self.activation(&layer.up.forward(&x)?)?;
            x = layer
                .output_norm
                .forward(&(layer.down.forward(&up)? + &x)?)?;
        }
        self.classifier.forward(&x)
    }
}

impl TokenClassifier for CandleEncoder {
    fn logits(&self, rows: &[Vec<u32>]) -> Result<Array3<f32>> {
        let b = rows.len();
        let t = rows.iter().map(Vec::len).max().unwrap_or(0);
        let labels = self.config.labels.len();
        if b == 0 || t == 0 {
            return Ok(Array3::zeros((b, t, labels)));
        }
        let mut ids = vec![self.config.pad_token_id; b * t];
        let mut mask = vec![0u8; b * t];
        for (i, row) in rows.iter().enumerate() {
            ids[i * t..i * t + row.len()].copy_from_slice(row);
            mask[i * t..i * t + row.len()].fill(1);
        }
        let run = || -> candle_core::Result<Vec<f32>> {
            let ids = Tensor::from_vec(ids, (b, t), &self.device)?;
            let mask = Tensor::from_vec(mask, (b, t), &self.device)?;
            self.forward(&ids, &mask)?
                .to_dtype(DType::F32)?
                .flatten_all()?
                .to_vec1::<f32>()
        };
        let flat = run().map_err(|e| TaggerError::Inference(e.to_string()))?;
        Array3::from_shape_vec((b, t, labels), flat)
            .map_err(|e| TaggerError::Inference(e.to_string()))
    }

    fn labels(&self) -> &[String] {
        &self.config.labels
    }

    fn max_sequence(&self) -> usize {
        self.config.max_sequence()
    }
}

/// The last dimension's softmax, used by span decoding.
pub(crate) fn softmax_rows(logits: ndarray::ArrayView2<f32>) -> ndarray::Array2<f32> {
    let mut out = logits.to_owned();
    for mut row in out.rows_mut() {
        let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        row.mapv_inplace(|v| (v - max).exp());
        let sum: f32 = row.sum();
        row.mapv_inplace(|v| v / sum);
    }
    out
}
