//! The encoder with a token-classification head, on candle (pure Rust).
//!
//! Written out rather than taken from `candle-transformers` because that crate has no
//! token-classification heads and names BERT, XLM-R and DistilBERT weights differently; here
//! one module maps all three checkpoints onto the same post-LN transformer.
use std::sync::Mutex;

use candle_core::{DType, Device, Module, Tensor};
use candle_nn::{Embedding, LayerNorm, Linear, VarBuilder};
use ndarray::Array3;
use rayon::prelude::*;

use crate::bf16::{self, Bf16Kernel, Line, PackedWeight};
use crate::config::{Activation, Architecture, ModelConfig};
use crate::error::{Result, TaggerError};
use crate::int8::{self, Int8Kernel, Int8Weight, QuantisedRows};
use crate::kernels::{self, AlignedBuffer, Outputs};
use crate::{Precision, TokenClassifier};

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

/// The word-embedding table, the model's largest tensor (vocabulary × hidden): kept in f16
/// when every value is exactly an f16 (a checkpoint stored in f16, as the embedded model
/// is), which halves its memory and gives the same rows bit for bit; in f32 otherwise.
pub(crate) enum EmbeddingTable {
    /// Every value exactly representable in f16.
    F16(Vec<half::f16>),
    /// As loaded.
    F32(Vec<f32>),
}

impl EmbeddingTable {
    /// The table of an f32 tensor's values, in f16 if that loses nothing. The f16 copy is
    /// made from the tensor's own storage, so loading holds 1.5 times the f32 table at most,
    /// not twice.
    pub(crate) fn from_tensor(t: Tensor) -> candle_core::Result<EmbeddingTable> {
        let narrow = {
            let (storage, layout) = t.storage_and_layout();
            match (&*storage, layout.contiguous_offsets()) {
                (candle_core::Storage::Cpu(cpu), Some((a, b))) => {
                    let values = &cpu.as_slice::<f32>()?[a..b];
                    let narrow: Vec<half::f16> =
                        values.iter().map(|&v| half::f16::from_f32(v)).collect();
                    narrow
                        .iter()
                        .zip(values)
                        .all(|(n, v)| n.to_f32().to_bits() == v.to_bits())
                        .then_some(narrow)
                }
                _ => None,
            }
        };
        Ok(match narrow {
            Some(narrow) => EmbeddingTable::F16(narrow),
            None => EmbeddingTable::F32(flat(t)?),
        })
    }

    /// The table as the file stores it, where that is `count` values in f16: read straight
    /// from the file's bytes. Through candle the table was converted to f32 first, and that
    /// copy with the f16 one made from it was the model load's peak (a third of it).
    pub(crate) fn stored_f16(file: &[u8], name: &str, count: usize) -> Option<EmbeddingTable> {
        let tensors = safetensors::SafeTensors::deserialize(file).ok()?;
        let view = tensors.tensor(name).ok()?;
        if view.dtype() != safetensors::Dtype::F16 || view.data().len() != 2 * count {
            return None;
        }
        Some(EmbeddingTable::F16(
            view.data()
                .chunks_exact(2)
                .map(|b| half::f16::from_le_bytes([b[0], b[1]]))
                .collect(),
        ))
    }

    /// Row `row` (`dst.len()` wide) into `dst`, in f32.
    pub(crate) fn read_row(&self, row: usize, dst: &mut [f32]) {
        let h = dst.len();
        match self {
            EmbeddingTable::F16(t) => {
                for (d, v) in dst.iter_mut().zip(&t[row * h..(row + 1) * h]) {
                    *d = v.to_f32();
                }
            }
            EmbeddingTable::F32(t) => dst.copy_from_slice(&t[row * h..(row + 1) * h]),
        }
    }

    /// Every value in f32 (the reference graph).
    pub(crate) fn to_f32(&self) -> Vec<f32> {
        match self {
            EmbeddingTable::F16(t) => t.iter().map(|v| v.to_f32()).collect(),
            EmbeddingTable::F32(t) => t.clone(),
        }
    }
}

/// A dense layer as checkpoints store it: weight `[outputs, inputs]` row-major, and its bias.
pub(crate) struct Dense {
    weight: Vec<f32>,
    bias: Vec<f32>,
    inputs: usize,
    outputs: usize,
    /// The weight in a narrower number format, when the encoder runs in one (bf16, int8).
    narrow: Option<NarrowWeight>,
}

enum NarrowWeight {
    /// Packed in bf16 pairs for a kernel that reads them (AMX tiles, AVX-512 BF16).
    Packed(PackedWeight, Bf16Kernel),
    /// Quantised to int8 per output and packed for the int8 kernels.
    Int8(Int8Weight, Int8Kernel),
    /// Rounded to bf16 values in place (`Dense::weight`), kept as f32 for `gemm` on CPUs
    /// with neither.
    Rounded,
}

impl Dense {
    /// A layer of `weight` (`[outputs, inputs]`) and `bias` (`outputs` long), in f32.
    pub(crate) fn new(weight: Vec<f32>, bias: Vec<f32>, inputs: usize, outputs: usize) -> Dense {
        assert!(weight.len() == inputs * outputs && bias.len() == outputs);
        Dense {
            weight,
            bias,
            inputs,
            outputs,
            narrow: None,
        }
    }

    /// One layer computing `layers` side by side over the same input: its outputs are
    /// theirs, one after another (each row's results are the same as the layers' own; the
    /// input is read and converted once instead of once per layer).
    pub(crate) fn stacked(layers: &[&Dense]) -> Dense {
        let inputs = layers.first().map_or(0, |l| l.inputs);
        assert!(layers
            .iter()
            .all(|l| l.inputs == inputs && l.narrow.is_none()));
        Dense::new(
            layers
                .iter()
                .flat_map(|l| l.weight.iter().copied())
                .collect(),
            layers.iter().flat_map(|l| l.bias.iter().copied()).collect(),
            inputs,
            layers.iter().map(|l| l.outputs).sum(),
        )
    }

    /// `[n, outputs]` = `x[n, inputs] · weightᵀ + bias`, in the layer's number format.
    pub(crate) fn apply(&self, x: &[f32], n: usize) -> AlignedBuffer {
        let mut out = AlignedBuffer::default();
        self.apply_into(x, n, &mut out);
        out
    }

    /// [`Dense::apply`] into a reused buffer, whose rows begin on cache lines where
    /// `outputs` is a multiple of 16 (the relation biaffine's wide product is bound by
    /// storing its sums).
    pub(crate) fn apply_into(&self, x: &[f32], n: usize, out: &mut AlignedBuffer) {
        thread_local! {
            static SCRATCH: std::cell::RefCell<ProductScratch> = Default::default();
        }
        let dst = out.take(n * self.outputs);
        if n > 0 {
            // taken out for the product, not borrowed across it: the product runs on rayon,
            // whose worker may run another layer's product on this thread while it waits
            // (the syntax heads parse sentences in parallel), which would find the cell
            // borrowed and panic
            let mut scratch = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
            let start = Outputs::from_bias(&self.bias);
            accumulate_product(dst, x, n, self, start, &mut scratch);
            SCRATCH.with(|s| *s.borrow_mut() = scratch);
        }
    }

    /// Converts the weight to `precision`'s number format (nothing for f32). The f32 weight
    /// is not kept beside a packed one (bf16 pairs, int8), and is rounded in place for
    /// `gemm`: a model loaded in a narrow format holds one copy of its dense layers.
    pub(crate) fn add_narrow_weight(&mut self, precision: Precision) {
        match precision.resolved() {
            Precision::F32 => {}
            Precision::Auto | Precision::Bf16 => self.convert_to_bf16(bf16::kernel()),
            Precision::Int8 => {
                let weight = Int8Weight::new(&self.weight, self.inputs, self.outputs);
                self.narrow = Some(NarrowWeight::Int8(weight, int8::kernel()));
                self.weight = Vec::new();
            }
        }
    }

    fn convert_to_bf16(&mut self, kernel: Bf16Kernel) {
        if kernel.packed() {
            let weight = PackedWeight::new(&self.weight, self.inputs, self.outputs);
            self.narrow = Some(NarrowWeight::Packed(weight, kernel));
            self.weight = Vec::new();
        } else {
            for w in &mut self.weight {
                *w = bf16::round_f32(*w);
            }
            self.narrow = Some(NarrowWeight::Rounded);
        }
    }
}

struct Norm {
    weight: Vec<f32>,
    bias: Vec<f32>,
}

struct Layer {
    /// Query, key and value stacked into one `[3 × hidden, hidden]` matrix: one product
    /// over all tokens instead of three.
    qkv: Dense,
    out: Dense,
    attention_norm: Norm,
    up: Dense,
    down: Dense,
    output_norm: Norm,
}

/// Buffers of one forward pass, kept between calls so that a batch does not fault in fresh
/// pages for every activation (the kernel's page-fault handling was a tenth of candle's
/// profile).
#[derive(Default)]
struct Workspace {
    x: AlignedBuffer,
    qkv: AlignedBuffer,
    context: AlignedBuffer,
    hidden: AlignedBuffer,
    product: ProductScratch,
    /// The input of the qkv and up products (hidden-wide rows after a layer norm).
    hidden_input: NarrowInput,
    /// The input of the down product (GELU's output).
    down_input: NarrowInput,
}

/// A dense layer's input in its narrow format, made by the tasks of the step that wrote the
/// f32 values (a layer norm, GELU) while those are in the core's cache, instead of a pass of
/// its own over the whole batch before the product.
#[derive(Default)]
struct NarrowInput {
    tiles: Vec<Line>,
    quantised: QuantisedRows,
}

/// Where a step's tasks put the next product's input: bf16 lines, int8 rows, or nowhere (the
/// `gemm` paths read the f32 values as they are).
enum InputSink {
    Lines(bf16::LineSink),
    Rows(int8::RowSink),
    None,
}

impl InputSink {
    /// A sink for `n` rows of `d`'s input in `buf`, in `d`'s narrow format.
    fn new(d: &Dense, buf: &mut NarrowInput, n: usize) -> InputSink {
        match &d.narrow {
            Some(NarrowWeight::Packed(weight, _)) => {
                InputSink::Lines(bf16::LineSink::new(&mut buf.tiles, n, weight))
            }
            Some(NarrowWeight::Int8(weight, _)) => {
                InputSink::Rows(int8::RowSink::new(&mut buf.quantised, n, weight))
            }
            _ => InputSink::None,
        }
    }

    /// Rows `first..` of the input (whole rows) converted in.
    ///
    /// # Safety
    /// As [`bf16::LineSink::round`] and [`int8::RowSink::quantise`]: each task hands over
    /// its own rows, and the buffer is read only after every task is done.
    unsafe fn take(&self, first: usize, rows: &[f32]) {
        // SAFETY: the caller's contract
        unsafe {
            match self {
                InputSink::Lines(lines) => lines.round(first, rows),
                InputSink::Rows(quantised) => quantised.quantise(first, rows),
                InputSink::None => {}
            }
        }
    }

    /// Whether the input is made here (else the product reads the f32 values).
    fn made(&self) -> bool {
        !matches!(self, InputSink::None)
    }
}

/// A layer norm over whole rows, each task's rows then handed to `sink` (the next product's
/// input), as a [`RowStep`](kernels::RowStep).
fn norm_step<'a>(
    norm: &'a Norm,
    sink: &'a InputSink,
    eps: f32,
) -> impl Fn(usize, &mut [f32]) + Sync + 'a {
    move |first, rows| {
        kernels::layer_norm_rows(rows, &norm.weight, &norm.bias, eps);
        // SAFETY: each task hands over its own rows; the sink's buffer is read only by the
        // next product, after every task is done
        unsafe { sink.take(first, rows) }
    }
}

/// [`accumulate_product`] reading its input from `buf` where an [`InputSink`] for `d` made
/// it (`made`), else converting `src`.
#[allow(clippy::too_many_arguments)]
fn multiply_input(
    dst: &mut [f32],
    src: &[f32],
    n: usize,
    d: &Dense,
    made: bool,
    buf: &NarrowInput,
    out: Outputs,
    scratch: &mut ProductScratch,
) {
    match (&d.narrow, made) {
        (Some(NarrowWeight::Packed(weight, kernel)), true) => {
            bf16::multiply_packed(*kernel, dst, &buf.tiles, n, weight, out)
        }
        (Some(NarrowWeight::Int8(weight, kernel)), true) => {
            int8::multiply_quantised(*kernel, dst, &buf.quantised, n, weight, out)
        }
        _ => accumulate_product(dst, src, n, d, out, scratch),
    }
}

/// A dense layer's input in the narrow format: bf16 tile lines, bf16 values kept as f32 for
/// `gemm`, or int8 rows.
#[derive(Default)]
struct ProductScratch {
    tiles: Vec<Line>,
    rounded: Vec<f32>,
    quantised: QuantisedRows,
}

/// A BERT-family encoder plus its `classifier` Linear (bias kept).
///
/// Weights are read with candle from safetensors (f32, f16 or bf16). The forward pass runs
/// the tokens of all rows packed one after another, with no padding: the dense layers are
/// one matrix product over every token of the batch — in [`Precision::Bf16`] on AMX tiles
/// (or rounded operands in f32 without AMX), in [`Precision::F32`] with the AVX-512 or AVX2
/// kernels of the `gemm` crate that candle also uses — attention runs per row and head on
/// that row's own length in f32, and the element-wise steps are vectorised kernels
/// (GELU, softmax, layer norm, compiled per vector width). Buffers are reused across calls.
/// [`CandleEncoder::graph`] gives the same network as plain candle ops in f32, the
/// reference the fused pass is tested and benchmarked against.
pub struct CandleEncoder {
    word: EmbeddingTable,
    position: Vec<f32>,
    /// Token type 0's embedding, added to every token (BERT, XLM-R).
    token_type: Option<Vec<f32>>,
    norm: Norm,
    layers: Vec<Layer>,
    classifier: Dense,
    config: ModelConfig,
    workspace: Mutex<Workspace>,
}

fn weights_error(path: &std::path::Path) -> impl Fn(candle_core::Error) -> TaggerError + '_ {
    move |e| TaggerError::Weights {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// A tensor's values in order, as f32.
pub(crate) fn flat(t: Tensor) -> candle_core::Result<Vec<f32>> {
    t.flatten_all()?.to_vec1::<f32>()
}

/// The dense layer whose `weight` (`[outputs, inputs]`) and `bias` `vb` holds, in f32.
pub(crate) fn dense(vb: VarBuilder, inputs: usize, outputs: usize) -> candle_core::Result<Dense> {
    Ok(Dense::new(
        flat(vb.get((outputs, inputs), "weight")?)?,
        flat(vb.get(outputs, "bias")?)?,
        inputs,
        outputs,
    ))
}

fn norm(size: usize, vb: VarBuilder) -> candle_core::Result<Norm> {
    // Old BERT checkpoints call the parameters gamma/beta.
    let (w, b) = if vb.contains_tensor("gamma") {
        ("gamma", "beta")
    } else {
        ("weight", "bias")
    };
    Ok(Norm {
        weight: flat(vb.get(size, w)?)?,
        bias: flat(vb.get(size, b)?)?,
    })
}

/// Rows processed by one rayon task in the element-wise steps.
const ROWS_PER_TASK: usize = 16;

/// `step` over chunks of whole `width`-long rows in parallel, each told the index of its
/// first row (as a product's tasks call it on the blocks they finish).
fn par_row_steps(buf: &mut [f32], width: usize, step: &kernels::RowStep) {
    buf.par_chunks_mut(ROWS_PER_TASK * width)
        .enumerate()
        .for_each(|(i, rows)| step(i * ROWS_PER_TASK, rows));
}

/// `f` over chunks of whole `width`-long rows, in parallel.
fn par_rows(buf: &mut [f32], width: usize, f: impl Fn(&mut [f32]) + Sync + Send) {
    buf.par_chunks_mut(ROWS_PER_TASK * width).for_each(f);
}

/// Every row of `dst` set to `row`.
fn fill_rows(dst: &mut [f32], row: &[f32]) {
    par_rows(dst, row.len(), |chunk| kernels::start_rows(chunk, row));
}

/// `dst[n, outputs] += src[n, inputs] · weightᵀ` (with a bias in `out`, `dst` set to it
/// first; `out`'s finishing step applied to the rows after), threaded over the current
/// rayon pool; in the layer's narrow format when it has one, converting the input into
/// `scratch`.
fn accumulate_product(
    dst: &mut [f32],
    src: &[f32],
    n: usize,
    d: &Dense,
    out: Outputs,
    scratch: &mut ProductScratch,
) {
    let packed = matches!(
        &d.narrow,
        Some(NarrowWeight::Packed(..) | NarrowWeight::Int8(..))
    );
    if let (Some(bias), false) = (out.bias, packed) {
        fill_rows(&mut dst[..n * d.outputs], bias);
    }
    match &d.narrow {
        None => gemm_product(dst, src, n, &d.weight, d.inputs, d.outputs),
        Some(NarrowWeight::Packed(packed, kernel)) => {
            bf16::accumulate_packed(*kernel, dst, src, n, packed, out, &mut scratch.tiles)
        }
        Some(NarrowWeight::Int8(weight, kernel)) => {
            int8::accumulate(*kernel, dst, src, n, weight, out, &mut scratch.quantised)
        }
        Some(NarrowWeight::Rounded) => {
            let rounded = &mut scratch.rounded;
            rounded.clear();
            rounded.extend(src[..n * d.inputs].iter().map(|&x| bf16::round_f32(x)));
            gemm_product(dst, rounded, n, &d.weight, d.inputs, d.outputs)
        }
    }
    if !packed {
        if let Some(f) = out.then {
            par_row_steps(&mut dst[..n * d.outputs], d.outputs, f);
        }
    }
}

/// `dst[n, outputs] += src[n, inputs] · weightᵀ` in f32 with `gemm`.
pub(crate) fn gemm_product(
    dst: &mut [f32],
    src: &[f32],
    n: usize,
    weight: &[f32],
    inputs: usize,
    outputs: usize,
) {
    assert!(
        dst.len() >= n * outputs && src.len() >= n * inputs && weight.len() >= inputs * outputs
    );
    // SAFETY: the strides describe row-major `dst` [n, outputs], `src` [n, inputs] and
    // `weight` [outputs, inputs] read as its transpose, all within the asserted lengths.
    unsafe {
        gemm::gemm(
            n,
            outputs,
            inputs,
            dst.as_mut_ptr(),
            1,
            outputs as isize,
            true,
            src.as_ptr(),
            1,
            inputs as isize,
            weight.as_ptr(),
            inputs as isize,
            1,
            1.0,
            1.0,
            false,
            false,
            false,
            gemm::Parallelism::Rayon(0),
        )
    }
}

/// GFLOP/s of the matrix product the dense layers use, `[m, k] · [n, k]ᵀ`, in `precision`
/// on the current rayon pool, best of `repeats` runs after one warm-up: the machine's
/// matmul floor as claimx sees it (`claimx bench-matmul`). bf16 counts the rounding of the
/// input as part of the product, as the encoder pays for it.
pub fn matmul_gflops(m: usize, k: usize, n: usize, repeats: usize, precision: Precision) -> f64 {
    let mut weight = Dense::new(
        (0..n * k).map(|i| ((i % 7) as f32 - 3.0) * 0.01).collect(),
        vec![0.0; n],
        k,
        n,
    );
    weight.add_narrow_weight(precision);
    let src: Vec<f32> = (0..m * k).map(|i| ((i % 5) as f32 - 2.0) * 0.1).collect();
    // in the encoder's own buffers' alignment
    let mut dst = AlignedBuffer::default();
    let dst = dst.take(m * n);
    let mut scratch = ProductScratch::default();
    let mut best = f64::INFINITY;
    for _ in 0..repeats.max(1) + 1 {
        let t = std::time::Instant::now();
        accumulate_product(dst, &src, m, &weight, Outputs::default(), &mut scratch);
        best = best.min(t.elapsed().as_secs_f64());
    }
    2.0 * (m * k * n) as f64 / best / 1e9
}

/// A pointer handed to rayon tasks that write disjoint parts of one buffer.
#[derive(Clone, Copy)]
struct Shared(*mut f32);
// SAFETY: every task writes its own rows × head columns; nothing is read through it.
unsafe impl Send for Shared {}
unsafe impl Sync for Shared {}

impl Shared {
    /// # Safety
    /// `offset` must lie inside the buffer.
    unsafe fn at(self, offset: usize) -> *mut f32 {
        // a method, so closures capture the whole (Send) wrapper rather than its raw field
        unsafe { self.0.add(offset) }
    }
}

thread_local! {
    static SCORES: std::cell::RefCell<Vec<f32>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl CandleEncoder {
    /// Build from a VarBuilder over the checkpoint's tensors and the safetensors file's
    /// bytes (`file`: a word-embedding table stored in f16 is read from them as it is);
    /// `path` names the weights file in errors.
    pub fn load(
        vb: VarBuilder,
        file: &[u8],
        config: ModelConfig,
        path: &std::path::Path,
        precision: Precision,
    ) -> Result<Self> {
        let e = weights_error(path);
        let h = config.hidden_size;
        if config.num_heads == 0 || !h.is_multiple_of(config.num_heads) {
            return Err(TaggerError::Weights {
                path: path.to_path_buf(),
                message: format!(
                    "hidden size {h} is not a multiple of {} heads",
                    config.num_heads
                ),
            });
        }
        let prefix = match config.architecture {
            Architecture::Bert => "bert",
            Architecture::XlmRoberta => "roberta",
            Architecture::DistilBert => "distilbert",
        };
        let prefixed = format!("{prefix}.embeddings.word_embeddings.weight");
        let (base, word_name) = if vb.contains_tensor(&prefixed) {
            (vb.pp(prefix), prefixed)
        } else if vb.contains_tensor("embeddings.word_embeddings.weight") {
            (vb.clone(), "embeddings.word_embeddings.weight".to_string())
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
        let word = match EmbeddingTable::stored_f16(file, &word_name, config.vocab_size * h) {
            Some(table) => table,
            None => EmbeddingTable::from_tensor(
                emb.pp("word_embeddings")
                    .get((config.vocab_size, h), "weight")
                    .map_err(&e)?,
            )
            .map_err(&e)?,
        };
        let position = flat(
            emb.pp("position_embeddings")
                .get((config.max_position_embeddings, h), "weight")
                .map_err(&e)?,
        )
        .map_err(&e)?;
        let token_type = if config.type_vocab_size > 0 {
            let t = emb
                .pp("token_type_embeddings")
                .get((config.type_vocab_size, h), "weight")
                .map_err(&e)?;
            Some(flat(t.get(0).map_err(&e)?).map_err(&e)?)
        } else {
            None
        };
        let embedding_norm = norm(h, emb.pp("LayerNorm")).map_err(&e)?;
        let ff = config.intermediate_size;
        let names = if config.architecture == Architecture::DistilBert {
            &DISTILBERT_LAYER
        } else {
            &BERT_LAYER
        };
        let mut layers = Vec::with_capacity(config.num_layers);
        for l in 0..config.num_layers {
            let vb = base.pp(format!("{}.{l}", names.prefix));
            let load = || -> candle_core::Result<Layer> {
                let (q, k, v) = (
                    dense(vb.pp(names.query), h, h)?,
                    dense(vb.pp(names.key), h, h)?,
                    dense(vb.pp(names.value), h, h)?,
                );
                Ok(Layer {
                    qkv: Dense::new(
                        [q.weight, k.weight, v.weight].concat(),
                        [q.bias, k.bias, v.bias].concat(),
                        h,
                        3 * h,
                    ),
                    out: dense(vb.pp(names.out), h, h)?,
                    attention_norm: norm(h, vb.pp(names.attention_norm))?,
                    up: dense(vb.pp(names.up), h, ff)?,
                    down: dense(vb.pp(names.down), ff, h)?,
                    output_norm: norm(h, vb.pp(names.output_norm))?,
                })
            };
            let mut layer = load().map_err(&e)?;
            // the classifier stays f32: a few labels wide, it costs nothing either way
            for d in [
                &mut layer.qkv,
                &mut layer.out,
                &mut layer.up,
                &mut layer.down,
            ] {
                d.add_narrow_weight(precision);
            }
            layers.push(layer);
        }
        // an encoder without a task head (labels none) gives hidden states only
        let classifier = if config.labels.is_empty() {
            Dense::new(Vec::new(), Vec::new(), h, 0)
        } else {
            dense(vb.pp("classifier"), h, config.labels.len()).map_err(&e)?
        };
        Ok(CandleEncoder {
            word,
            position,
            token_type,
            norm: embedding_norm,
            layers,
            classifier,
            config,
            workspace: Mutex::new(Workspace::default()),
        })
    }

    /// Width of the hidden states.
    pub fn hidden_size(&self) -> usize {
        self.config.hidden_size
    }

    /// Position id of a row's first piece (XLM-R counts from after the padding id).
    fn first_position(&self) -> usize {
        match self.config.architecture {
            Architecture::XlmRoberta => self.config.pad_token_id as usize + 1,
            _ => 0,
        }
    }

    fn activation(&self, v: &mut [f32]) {
        match self.config.activation {
            Activation::Gelu => kernels::gelu_erf(v),
            Activation::GeluTanh => kernels::gelu_tanh(v),
            Activation::Relu => kernels::relu(v),
        }
    }

    /// Logits `[tokens of all rows, labels]`, rows packed one after another, and with
    /// `states` the last layer's hidden states `[tokens of all rows, hidden]`.
    fn forward(
        &self,
        rows: &[Vec<u32>],
        ws: &mut Workspace,
        states: bool,
    ) -> Result<(Vec<f32>, Option<Vec<f32>>)> {
        let h = self.config.hidden_size;
        let ff = self.config.intermediate_size;
        let heads = self.config.num_heads;
        let head = h / heads;
        let eps = self.config.layer_norm_eps as f32;
        let first = self.first_position();
        let mut starts = Vec::with_capacity(rows.len() + 1);
        starts.push(0usize);
        for row in rows {
            if first + row.len() > self.config.max_position_embeddings {
                return Err(TaggerError::Inference(format!(
                    "a row of {} pieces is longer than the model's {} positions",
                    row.len(),
                    self.config.max_position_embeddings - first
                )));
            }
            if let Some(&id) = row
                .iter()
                .find(|&&id| id as usize >= self.config.vocab_size)
            {
                return Err(TaggerError::Inference(format!(
                    "piece id {id} is outside the model's {} embeddings",
                    self.config.vocab_size
                )));
            }
            starts.push(starts.last().unwrap() + row.len());
        }
        let n = *starts.last().unwrap();
        let x = ws.x.take(n * h);
        let qkv = ws.qkv.take(n * 3 * h);
        let context = ws.context.take(n * h);
        let hidden = ws.hidden.take(n * ff);
        let scratch = &mut ws.product;
        let hidden_input = &mut ws.hidden_input;
        let down_input = &mut ws.down_input;

        for (row, &start) in rows.iter().zip(&starts) {
            for (p, &id) in row.iter().enumerate() {
                let dst = &mut x[(start + p) * h..(start + p + 1) * h];
                self.word.read_row(id as usize, dst);
                kernels::add(dst, &self.position[(first + p) * h..(first + p + 1) * h]);
                if let Some(tt) = &self.token_type {
                    kernels::add(dst, tt);
                }
            }
        }
        let add_rows = |x: &mut [f32], row: &[f32]| {
            par_rows(x, row.len(), |c| {
                for r in c.chunks_exact_mut(row.len()) {
                    kernels::add(r, row);
                }
            })
        };
        // each layer norm's output is converted into the next product's input in the same
        // task, right after it is written
        // the product that reads layer `i`'s input: its qkv, or past the last layer the
        // classifier
        let qkv_of = |i: usize| self.layers.get(i).map_or(&self.classifier, |l| &l.qkv);
        let sink = InputSink::new(qkv_of(0), hidden_input, n);
        let step = norm_step(&self.norm, &sink, eps);
        par_row_steps(x, h, &step);
        let mut qkv_made = sink.made();
        let scale = 1.0 / (head as f32).sqrt();
        let tasks: Vec<(usize, usize)> = (0..rows.len())
            .filter(|&r| starts[r + 1] > starts[r])
            .flat_map(|r| (0..heads).map(move |k| (r, k)))
            .collect();
        for (i, layer) in self.layers.iter().enumerate() {
            let start = Outputs::from_bias(&layer.qkv.bias);
            multiply_input(
                qkv,
                x,
                n,
                &layer.qkv,
                qkv_made,
                hidden_input,
                start,
                scratch,
            );
            let ctx = Shared(context.as_mut_ptr());
            let qkv_in: &[f32] = qkv;
            tasks.par_iter().for_each(|&(r, k)| {
                let (start, len) = (starts[r], starts[r + 1] - starts[r]);
                let q = qkv_in[start * 3 * h + k * head..].as_ptr();
                // SAFETY: key and value columns lie after the query's within each row
                let (key, value) = unsafe { (q.add(h), q.add(2 * h)) };
                SCORES.with(|scores| {
                    let mut scores = scores.borrow_mut();
                    // rows padded to whole chunks: softmax reads and writes every row's
                    // end as a whole chunk
                    let padded = len.div_ceil(kernels::LANES) * kernels::LANES;
                    scores.resize(len * padded, 0.0);
                    let stride = (3 * h) as isize;
                    // SAFETY: q, key and value address `len` rows of `head` columns at row
                    // stride 3h inside `qkv`; scores is `len` rows of `padded`; this task's
                    // context block is `len` rows × `head` columns at row stride h that no
                    // other task writes.
                    unsafe {
                        gemm::gemm(
                            len,
                            len,
                            head,
                            scores.as_mut_ptr(),
                            1,
                            padded as isize,
                            false,
                            q,
                            1,
                            stride,
                            key,
                            stride,
                            1,
                            0.0,
                            scale,
                            false,
                            false,
                            false,
                            gemm::Parallelism::None,
                        );
                        kernels::softmax_padded_rows(&mut scores[..], len, padded, len);
                        gemm::gemm(
                            len,
                            head,
                            len,
                            ctx.at(start * h + k * head),
                            1,
                            h as isize,
                            false,
                            scores.as_ptr(),
                            1,
                            padded as isize,
                            value,
                            1,
                            stride,
                            0.0,
                            1.0,
                            false,
                            false,
                            false,
                            gemm::Parallelism::None,
                        );
                    }
                });
            });
            add_rows(x, &layer.out.bias);
            // the attention's layer norm on each block of rows the out product finished, and
            // the up product's input made there
            let sink = InputSink::new(&layer.up, hidden_input, n);
            let step = norm_step(&layer.attention_norm, &sink, eps);
            let out = Outputs {
                bias: None,
                then: Some(&step),
            };
            accumulate_product(x, context, n, &layer.out, out, scratch);
            let up_made = sink.made();
            // GELU on each block of rows as soon as the up product has written it, and the
            // block rounded or quantised there into the down product's input
            let sink = InputSink::new(&layer.down, down_input, n);
            let step = |first: usize, rows: &mut [f32]| {
                self.activation(rows);
                // SAFETY: each task hands over its own rows; the sink's buffer is read only
                // by the down product below, after every task is done
                unsafe { sink.take(first, rows) }
            };
            let up = Outputs {
                bias: Some(&layer.up.bias),
                then: Some(&step),
            };
            multiply_input(hidden, x, n, &layer.up, up_made, hidden_input, up, scratch);
            let down_made = sink.made();
            add_rows(x, &layer.down.bias);
            // the output's layer norm, and the next layer's qkv input (or the classifier's)
            let sink = InputSink::new(qkv_of(i + 1), hidden_input, n);
            let step = norm_step(&layer.output_norm, &sink, eps);
            let out = Outputs {
                bias: None,
                then: Some(&step),
            };
            multiply_input(
                x,
                hidden,
                n,
                &layer.down,
                down_made,
                down_input,
                out,
                scratch,
            );
            qkv_made = sink.made();
        }
        let labels = self.classifier.outputs;
        let mut logits = vec![0.0; n * labels];
        if labels > 0 {
            let start = Outputs::from_bias(&self.classifier.bias);
            let made = qkv_made;
            multiply_input(
                &mut logits,
                x,
                n,
                &self.classifier,
                made,
                hidden_input,
                start,
                scratch,
            );
        }
        Ok((logits, states.then(|| x.to_vec())))
    }

    /// The same network as a graph of plain candle ops over padded `[batch, length]`
    /// tensors, as the encoder ran before the fused pass: the reference for tests and for
    /// `claimx bench-tagger --graph`.
    pub fn graph(&self) -> Result<CandleGraph> {
        if self.layers.iter().any(|l| l.qkv.weight.is_empty()) {
            return Err(TaggerError::Backend(
                "the op graph needs the f32 weights, which an encoder loaded in a narrow \
                 precision does not keep: load it in f32"
                    .into(),
            ));
        }
        let to = |v: &[f32], shape: &[usize]| Tensor::from_slice(v, shape, &Device::Cpu);
        let linear = |d: &Dense| -> candle_core::Result<Linear> {
            Ok(Linear::new(
                to(&d.weight, &[d.outputs, d.inputs])?,
                Some(to(&d.bias, &[d.outputs])?),
            ))
        };
        let eps = self.config.layer_norm_eps;
        let norm = |n: &Norm| -> candle_core::Result<LayerNorm> {
            let size = n.weight.len();
            Ok(LayerNorm::new(
                to(&n.weight, &[size])?,
                to(&n.bias, &[size])?,
                eps,
            ))
        };
        let build = || -> candle_core::Result<CandleGraph> {
            let h = self.config.hidden_size;
            let mut layers = Vec::with_capacity(self.layers.len());
            for l in &self.layers {
                layers.push(GraphLayer {
                    qkv: linear(&l.qkv)?,
                    out: linear(&l.out)?,
                    attention_norm: norm(&l.attention_norm)?,
                    up: linear(&l.up)?,
                    down: linear(&l.down)?,
                    output_norm: norm(&l.output_norm)?,
                });
            }
            Ok(CandleGraph {
                word: Embedding::new(to(&self.word.to_f32(), &[self.config.vocab_size, h])?, h),
                position: Embedding::new(
                    to(&self.position, &[self.config.max_position_embeddings, h])?,
                    h,
                ),
                token_type: match &self.token_type {
                    Some(t) => Some(to(t, &[h])?),
                    None => None,
                },
                norm: norm(&self.norm)?,
                layers,
                classifier: linear(&self.classifier)?,
                config: self.config.clone(),
                first: self.first_position() as u32,
            })
        };
        build().map_err(|e| TaggerError::Inference(e.to_string()))
    }
}

/// Packed `[tokens, labels]` logits laid out as `[rows, longest row, labels]`, zeros in
/// the padding.
fn unpack(rows: &[Vec<u32>], packed: &[f32], labels: usize) -> Array3<f32> {
    let t = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Array3::zeros((rows.len(), t, labels));
    let dst = out.as_slice_mut().expect("a fresh array is contiguous");
    let mut start = 0;
    for (r, row) in rows.iter().enumerate() {
        let n = row.len() * labels;
        dst[r * t * labels..][..n].copy_from_slice(&packed[start * labels..][..n]);
        start += row.len();
    }
    out
}

impl TokenClassifier for CandleEncoder {
    fn logits(&self, rows: &[Vec<u32>]) -> Result<Array3<f32>> {
        Ok(self.logits_and_states(rows, false)?.0)
    }

    fn logits_and_states(
        &self,
        rows: &[Vec<u32>],
        states: bool,
    ) -> Result<(Array3<f32>, Option<Array3<f32>>)> {
        let labels = self.config.labels.len();
        let h = self.config.hidden_size;
        if rows.iter().all(Vec::is_empty) {
            return Ok((
                unpack(rows, &[], labels),
                states.then(|| unpack(rows, &[], h)),
            ));
        }
        // a second caller at the same time gets buffers of its own rather than waiting
        let (packed, hidden) = match self.workspace.try_lock() {
            Ok(mut ws) => self.forward(rows, &mut ws, states)?,
            Err(_) => self.forward(rows, &mut Workspace::default(), states)?,
        };
        Ok((
            unpack(rows, &packed, labels),
            hidden.map(|x| unpack(rows, &x, h)),
        ))
    }

    fn labels(&self) -> &[String] {
        &self.config.labels
    }

    fn max_sequence(&self) -> usize {
        self.config.max_sequence()
    }

    fn reference(&self) -> Option<Result<Box<dyn TokenClassifier>>> {
        Some(
            self.graph()
                .map(|g| Box::new(g) as Box<dyn TokenClassifier>),
        )
    }
}

struct GraphLayer {
    qkv: Linear,
    out: Linear,
    attention_norm: LayerNorm,
    up: Linear,
    down: Linear,
    output_norm: LayerNorm,
}

/// The encoder as candle ops over padded batches; see [`CandleEncoder::graph`].
pub struct CandleGraph {
    word: Embedding,
    position: Embedding,
    token_type: Option<Tensor>,
    norm: LayerNorm,
    layers: Vec<GraphLayer>,
    classifier: Linear,
    config: ModelConfig,
    first: u32,
}

impl CandleGraph {
    fn activation(&self, x: &Tensor) -> candle_core::Result<Tensor> {
        match self.config.activation {
            Activation::Gelu => x.gelu_erf(),
            Activation::GeluTanh => x.gelu(),
            Activation::Relu => x.relu(),
        }
    }

    /// Logits and the last layer's hidden states, both padded `[batch, length, …]`.
    fn forward(&self, ids: &Tensor, mask: &Tensor) -> candle_core::Result<(Tensor, Tensor)> {
        let config = &self.config;
        let (b, t) = ids.dims2()?;
        let h = config.hidden_size;
        let heads = config.num_heads;
        let head = h / heads;
        let first = self.first;
        let positions = Tensor::arange(first, first + t as u32, &Device::Cpu)?.unsqueeze(0)?;
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
            let qkv = layer.qkv.forward(&x)?;
            let q = split(qkv.narrow(2, 0, h)?)?;
            let k = split(qkv.narrow(2, h, h)?)?;
            let v = split(qkv.narrow(2, 2 * h, h)?)?;
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
        Ok((self.classifier.forward(&x)?, x))
    }
}

impl TokenClassifier for CandleGraph {
    fn logits(&self, rows: &[Vec<u32>]) -> Result<Array3<f32>> {
        Ok(self.logits_and_states(rows, false)?.0)
    }

    fn logits_and_states(
        &self,
        rows: &[Vec<u32>],
        states: bool,
    ) -> Result<(Array3<f32>, Option<Array3<f32>>)> {
        let config = &self.config;
        let b = rows.len();
        let t = rows.iter().map(Vec::len).max().unwrap_or(0);
        let (labels, h) = (config.labels.len(), config.hidden_size);
        if b == 0 || t == 0 {
            return Ok((
                Array3::zeros((b, t, labels)),
                states.then(|| Array3::zeros((b, t, h))),
            ));
        }
        let (ids, mask) = crate::pad_rows::<u32>(rows, config.pad_token_id);
        let run = || -> candle_core::Result<(Vec<f32>, Vec<f32>)> {
            let ids = Tensor::from_vec(ids, (b, t), &Device::Cpu)?;
            let mask = Tensor::from_vec(mask, (b, t), &Device::Cpu)?;
            let (logits, hidden) = self.forward(&ids, &mask)?;
            let flat = |x: Tensor| x.to_dtype(DType::F32)?.flatten_all()?.to_vec1::<f32>();
            Ok((
                flat(logits)?,
                if states { flat(hidden)? } else { Vec::new() },
            ))
        };
        let (logits, hidden) = run().map_err(|e| TaggerError::Inference(e.to_string()))?;
        let shape = |v: Vec<f32>, w: usize| {
            Array3::from_shape_vec((b, t, w), v).map_err(|e| TaggerError::Inference(e.to_string()))
        };
        Ok((
            shape(logits, labels)?,
            if states {
                Some(shape(hidden, h)?)
            } else {
                None
            },
        ))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_stored_in_f16_is_read_as_stored() {
        use safetensors::tensor::{serialize, Dtype, TensorView};
        let values: Vec<half::f16> = (0..12)
            .map(|i| half::f16::from_f32((i as f32 - 6.0) * 0.3))
            .collect();
        let f16_bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        let f32_bytes: Vec<u8> = values
            .iter()
            .flat_map(|v| v.to_f32().to_le_bytes())
            .collect();
        let file = serialize(
            [
                (
                    "half",
                    TensorView::new(Dtype::F16, vec![4, 3], &f16_bytes).unwrap(),
                ),
                (
                    "full",
                    TensorView::new(Dtype::F32, vec![4, 3], &f32_bytes).unwrap(),
                ),
            ],
            None,
        )
        .unwrap();
        let Some(EmbeddingTable::F16(table)) = EmbeddingTable::stored_f16(&file, "half", 12) else {
            panic!("an f16 table is read as it is stored");
        };
        assert_eq!(table, values);
        // not f16, another shape, or no such tensor: read through candle instead
        assert!(EmbeddingTable::stored_f16(&file, "full", 12).is_none());
        assert!(EmbeddingTable::stored_f16(&file, "half", 16).is_none());
        assert!(EmbeddingTable::stored_f16(&file, "missing", 12).is_none());
    }

    #[test]
    fn an_embedding_table_is_narrowed_only_when_nothing_is_lost() {
        let exact: Vec<f32> = (0..12).map(|i| (i as f32 - 6.0) * 0.125).collect();
        let t = Tensor::from_slice(&exact, (4, 3), &Device::Cpu).unwrap();
        let table = EmbeddingTable::from_tensor(t).unwrap();
        assert!(matches!(table, EmbeddingTable::F16(_)));
        let mut row = [0.0f32; 3];
        table.read_row(2, &mut row);
        assert_eq!(row, [exact[6], exact[7], exact[8]]);
        assert_eq!(table.to_f32(), exact);
        // 0.1 and 1e6 have no exact f16: the table stays in f32, values untouched
        let mut inexact = exact.clone();
        inexact[5] = 0.1;
        inexact[11] = 1.0e6;
        let t = Tensor::from_slice(&inexact, (4, 3), &Device::Cpu).unwrap();
        let table = EmbeddingTable::from_tensor(t).unwrap();
        assert!(matches!(table, EmbeddingTable::F32(_)));
        table.read_row(3, &mut row);
        assert_eq!(row, [inexact[9], inexact[10], 1.0e6]);
    }

    /// A weight `[m, k]` and an input `[n, k]` of small varied values.
    fn operands(n: usize, k: usize, m: usize) -> (Vec<f32>, Vec<f32>) {
        let weight = (0..m * k)
            .map(|i| ((i * 31 % 89) as f32 - 44.0) * 0.011)
            .collect();
        let src = (0..n * k)
            .map(|i| ((i * 17 % 83) as f32 - 41.0) * 0.017)
            .collect();
        (weight, src)
    }

    /// Both bf16 paths (AMX tiles, rounded operands in f32 `gemm`) give the product of the
    /// rounded operands, bias and earlier contents of `dst` kept.
    #[test]
    fn bf16_paths_compute_the_rounded_product() {
        let (n, k, m) = (70, 96, 80);
        let (weight, src) = operands(n, k, m);
        let want: Vec<f32> = bf16::naive_product(&src, &weight, n, k, m)
            .into_iter()
            .map(|p| p + 0.25)
            .collect();
        for kernel in Bf16Kernel::ALL
            .into_iter()
            .filter(|&k| crate::dispatch::runnable(k))
        {
            let mut d = Dense::new(weight.clone(), vec![0.0; m], k, m);
            d.convert_to_bf16(kernel);
            let name = kernel.name();
            let mut dst = vec![0.25f32; n * m];
            accumulate_product(
                &mut dst,
                &src,
                n,
                &d,
                Outputs::default(),
                &mut ProductScratch::default(),
            );
            for (i, (got, want)) in dst.iter().zip(&want).enumerate() {
                assert!(
                    (got - want).abs() < 1e-4,
                    "{name} element {i}: {got} vs {want}"
                );
            }
        }
    }

    /// Products run on rayon, and a worker waiting inside one may run another layer's product
    /// on the same thread (the syntax heads parse sentences in parallel), so `Dense::apply`
    /// takes its per-thread scratch out instead of holding it borrowed across the product.
    /// Many products of all sizes inside a parallel loop on two threads, in every precision,
    /// each equal to the product computed alone (f32 to rounding: `gemm` blocks by the row
    /// count). Whether a worker nests a product is timing: this test did not make the old
    /// borrow panic here; a CI run's silent failure of `batching_and_padding_never_change_a_
    /// parse` (a worker's panic, whose message goes to the test that started the pool) is
    /// what pointed at it.
    #[test]
    fn products_nest_inside_parallel_work() {
        use rayon::prelude::*;
        let (n, k, m) = (320, 128, 160);
        let (weight, src) = operands(n, k, m);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        for precision in [Precision::Bf16, Precision::Int8, Precision::F32] {
            let mut d = Dense::new(weight.clone(), vec![0.5; m], k, m);
            d.add_narrow_weight(precision);
            let alone = d.apply(&src, n);
            let results: Vec<Vec<f32>> = pool.install(|| {
                (0..256)
                    .into_par_iter()
                    .map(|i| d.apply(&src[..(1 + i % n) * k], 1 + i % n).to_vec())
                    .collect()
            });
            for (i, got) in results.iter().enumerate() {
                let rows = 1 + i % n;
                if precision == Precision::F32 {
                    // gemm blocks by the row count: f32 sums in another order
                    let close = got
                        .iter()
                        .zip(&alone[..rows * m])
                        .all(|(a, b)| (a - b).abs() < 1e-5);
                    assert!(close, "{precision:?} call {i}");
                } else {
                    assert_eq!(got[..], alone[..rows * m], "{precision:?} call {i}");
                }
            }
        }
    }
}
