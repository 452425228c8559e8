//! The transformer tagger: token classification for named entities (PER, ORG, LOC, MISC) and
//! figures (CARDINAL, MONEY, PERCENT, DATE, TIME, DURATION, ORDINAL, QUANTITY).
//!
//! A model is a Hugging Face directory: `config.json` (BERT, XLM-RoBERTa or DistilBERT with
//! `id2label`), `tokenizer.json` and `model.safetensors`. [`Tagger`] tokenises each text with
//! byte offsets, cuts pieces into overlapping windows that fit the model (never truncating),
//! groups windows of similar length into batches so padding stays small, runs the
//! [`TokenClassifier`] backend and merges piece labels back into spans with global byte
//! offsets and scores.
//!
//! Two backends run the same network: [`CandleEncoder`] (pure Rust, the default, reads
//! `model.safetensors`) and, with the cargo feature `ort`, `OrtEncoder` (ONNX Runtime loaded
//! at run time, reads a `model.onnx` written by `scripts/export_onnx.py`); [`Backend`] in
//! [`TaggerOptions`] picks one. `claimx tagger-agree` checks that they give the same labels.
//! candle runs its dense layers in a narrow number format by default ([`Precision::Auto`]):
//! bf16 on AMX tiles where the CPU has them, int8 on AVX-512 VNNI where it has that and no
//! AMX — a few times faster than f32 for a change in F1 of at most 0.6 points.
//!
//! The stage knows nothing of documents or sentences: text in, labelled spans out.
//!
//! ```
//! use claimx_tagger::{merge_pieces, PiecePrediction};
//!
//! // piece-level predictions (what the encoder's classifier gives) merged into labelled words
//! let labels: Vec<String> = ["O", "B-ORG", "I-ORG", "B-LOC", "I-LOC"].map(String::from).into();
//! let text = "Amazon schließt in Shanghai";
//! let piece = |start, end, label| PiecePrediction { start, end, label, prob: 0.9 };
//! let pieces = [piece(0, 3, 1), piece(3, 6, 2), piece(7, 16, 0), piece(17, 19, 0), piece(20, 28, 3)];
//! let spans = merge_pieces(text, &pieces, &labels);
//! let found: Vec<(&str, &str)> = spans.iter().map(|s| (&text[s.start..s.end], s.label.as_str())).collect();
//! assert_eq!(found, [("Amazon", "ORG"), ("Shanghai", "LOC")]);
//! ```

mod bf16;
mod config;
mod dispatch;
mod embedder;
mod encoder;
mod error;
mod int8;
mod kernels;
#[cfg(feature = "ort")]
mod onnx;
mod spans;
mod syntax;
pub mod tree;
mod windows;

#[cfg(feature = "embedded-model")]
mod embedded {
    macro_rules! model_file {
        ($name:literal) => {
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../models/claimx-tagger-small/",
                $name
            ))
        };
    }
    static CONFIG: &[u8] = model_file!("config.json");
    static TOKENIZER: &[u8] = model_file!("tokenizer.json");
    static WEIGHTS: &[u8] = model_file!("model.safetensors");

    pub fn files() -> super::ModelFiles<'static> {
        super::ModelFiles {
            config: CONFIG,
            tokenizer: TOKENIZER,
            weights: WEIGHTS,
            origin: "<embedded>/models/claimx-tagger-small".into(),
        }
    }

    /// Once the model is loaded (its weights converted and packed on the heap), the file
    /// bytes compiled into the binary are not read again: ask Linux to reclaim their pages,
    /// some 68 MB of the resident set. `MADV_PAGEOUT` keeps the contents (a later load reads
    /// them back from the binary), unlike `MADV_DONTNEED`, which would zero them were the
    /// binary not mapped from a file; kernels before 5.4 refuse it, which changes nothing.
    pub fn release() {
        #[cfg(target_os = "linux")]
        for bytes in [WEIGHTS, TOKENIZER] {
            // SAFETY: sysconf has no preconditions
            let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(1) as usize;
            let start = (bytes.as_ptr() as usize).next_multiple_of(page);
            let end = (bytes.as_ptr() as usize + bytes.len()) / page * page;
            if end > start {
                // SAFETY: whole pages inside a static that is only ever read; PAGEOUT
                // changes residency, never contents
                unsafe {
                    libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_PAGEOUT);
                }
            }
        }
    }
}

use std::path::{Path, PathBuf};

use candle_core::{DType, Device};
use candle_nn::VarBuilder;
use ndarray::Array3;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tokenizers::Tokenizer;

pub use bf16::{kernel as bf16_kernel, Bf16Kernel};
pub use config::SyntaxConfig;
pub use config::{Activation, Architecture, ModelConfig};
pub use embedder::{TextEmbedder, EMBEDDING_PIECES};
pub use encoder::{matmul_gflops, CandleEncoder, CandleGraph};
pub use error::{Result, TaggerError};
pub use int8::{kernel as int8_kernel, Int8Kernel};
#[cfg(feature = "ort")]
pub use onnx::{onnxruntime_library, OrtEncoder};
pub use spans::{merge_pieces, PiecePrediction, TaggedSpan};
pub use syntax::{SyntaxHeads, WordSyntax, MAX_TREE_WORDS};
pub use windows::{owners, plan};

/// A backend that turns rows of piece ids (specials included) into label logits
/// `[rows, longest row, labels]`; rows shorter than the longest are padded by the backend.
pub trait TokenClassifier: Send + Sync {
    /// Label logits `[rows, longest row, labels]` for rows of piece ids.
    fn logits(&self, rows: &[Vec<u32>]) -> Result<Array3<f32>>;
    /// The logits and, when `states` is asked and the backend can give them, the last
    /// layer's hidden states `[rows, longest row, hidden]` the word-level heads read.
    fn logits_and_states(
        &self,
        rows: &[Vec<u32>],
        states: bool,
    ) -> Result<(Array3<f32>, Option<Array3<f32>>)> {
        let _ = states;
        Ok((self.logits(rows)?, None))
    }
    /// The label of each logit column (`O`, `B-PER`, …).
    fn labels(&self) -> &[String];
    /// Longest row, specials included, the model accepts.
    fn max_sequence(&self) -> usize;
    /// The same network computed a simpler, slower way, if the backend has one: the
    /// reference its optimised path is checked and benchmarked against.
    fn reference(&self) -> Option<Result<Box<dyn TokenClassifier>>> {
        None
    }
}

/// Rows laid out as one `[rows, longest row]` block, padded with `pad`, and the attention
/// mask (1 for a piece, 0 for padding): the input of the backends that run padded batches.
pub(crate) fn pad_rows<T: Copy + From<u32>>(rows: &[Vec<u32>], pad: u32) -> (Vec<T>, Vec<T>) {
    let t = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut ids = vec![T::from(pad); rows.len() * t];
    let mut mask = vec![T::from(0); rows.len() * t];
    for (i, row) in rows.iter().enumerate() {
        for (j, &id) in row.iter().enumerate() {
            ids[i * t + j] = T::from(id);
        }
        mask[i * t..i * t + row.len()].fill(T::from(1));
    }
    (ids, mask)
}

/// Which engine runs the encoder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// candle, pure Rust, reads `model.safetensors`.
    #[default]
    Candle,
    /// ONNX Runtime loaded at run time (cargo feature `ort`), reads `model.onnx`.
    Ort,
}

impl std::str::FromStr for Backend {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Backend, String> {
        match s {
            "candle" => Ok(Backend::Candle),
            "ort" | "onnx" => Ok(Backend::Ort),
            other => Err(format!("unknown backend `{other}` (candle, ort)")),
        }
    }
}

/// Number format of the candle encoder's dense layers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The faster of bf16 and int8 on this CPU ([`Precision::resolved`]): bf16 where the CPU
    /// has AMX tiles, int8 where it has VNNI (AVX-512 VNNI or AVX-VNNI) or AVX2 and no AMX,
    /// bf16 elsewhere.
    #[default]
    Auto,
    /// Weights and activations rounded to bfloat16, products summed in f32: Intel AMX tiles
    /// where the CPU has them (several times the f32 rate), AVX-512 BF16 on AMD, the same
    /// rounding in f32 elsewhere. F1 against f32 in `docs/performance.md`.
    Bf16,
    /// Everything in f32, as the checkpoint was trained and the ort backend runs.
    F32,
    /// The dense layers' weights quantised to int8 per output channel at load and their
    /// inputs to u8 per token (with a zero point), products summed exactly in i32 (AMX-INT8,
    /// AVX-512 VNNI, AVX-VNNI, AVX2, or plain loops); the rest as in bf16. Labels do not depend on the
    /// kernel. F1 against bf16 and f32 in `docs/performance.md`.
    Int8,
}

impl Precision {
    /// The precision that runs: [`Precision::Auto`] resolved for this CPU, the others as
    /// they are. Auto picks int8 wherever it is clearly faster than bf16 — on CPUs without
    /// AMX that have VNNI (with AVX-512 VNNI 2.3× end to end against bf16's `gemm` on the
    /// Intel Xeon measured, 2.30× on AMD Zen 5) or at least AVX2 (1.35× on AMD Zen 3, with a
    /// fifth less memory) — and keeps bf16 on AMX, where int8 gains some 12 % end to end and
    /// bf16 stays closer to the trained model, and where no int8 kernel but the plain loops
    /// runs (`docs/performance.md`). The two stay within 0.5 F1 points of each other on
    /// every test set of the model card.
    pub fn resolved(self) -> Precision {
        match self {
            Precision::Auto if !bf16::amx() && (int8::vnni() || int8::avx2()) => Precision::Int8,
            Precision::Auto => Precision::Bf16,
            other => other,
        }
    }

    /// The name of the precision that runs (`fp32` for f32, as benchmarks name it).
    pub fn name(self) -> &'static str {
        match self.resolved() {
            Precision::Auto | Precision::Bf16 => "bf16",
            Precision::F32 => "fp32",
            Precision::Int8 => "int8",
        }
    }

    /// The kernel this process's dense layers use in this precision (`gemm` for f32).
    pub fn kernel_name(self) -> &'static str {
        match self.resolved() {
            Precision::Auto | Precision::Bf16 => bf16::kernel().name(),
            Precision::F32 => "gemm",
            Precision::Int8 => int8::kernel().name(),
        }
    }
}

impl std::str::FromStr for Precision {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Precision, String> {
        match s {
            "auto" => Ok(Precision::Auto),
            "bf16" => Ok(Precision::Bf16),
            "f32" | "fp32" => Ok(Precision::F32),
            "int8" => Ok(Precision::Int8),
            other => Err(format!(
                "unknown precision `{other}` (auto, bf16, f32, int8)"
            )),
        }
    }
}

/// How texts are windowed and batched, and which backend runs them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct TaggerOptions {
    /// candle (pure Rust, default) or ONNX Runtime.
    pub backend: Backend,
    /// Threads inside one forward pass for the ort backend (0: one per core); candle uses
    /// the rayon pool it runs in.
    pub threads: usize,
    /// Pieces per forward pass, specials included (capped by the model's positions).
    pub max_tokens: usize,
    /// Pieces shared by consecutive windows of a long text.
    pub overlap: usize,
    /// Windows per forward pass.
    pub batch_size: usize,
    /// Most pieces in one forward pass, specials included, across its windows (a pass takes
    /// at least one window). The encoder's buffers cost some 14 KB a piece: 32 windows of
    /// 256 pieces held over 100 MiB at once, while passes of 2,048 pieces run as fast.
    pub batch_pieces: usize,
    /// Run the backend's reference path ([`TokenClassifier::reference`]) instead of its
    /// optimised one: for benchmarks and label checks.
    pub reference: bool,
    /// Number format of the candle backend's dense layers and of the syntax heads' layers
    /// (with ort too, whose graph always runs in f32).
    pub precision: Precision,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions {
            backend: Backend::Candle,
            threads: 0,
            max_tokens: 256,
            overlap: 32,
            batch_size: 32,
            batch_pieces: 2048,
            reference: false,
            precision: Precision::default(),
        }
    }
}

/// The three files of a model, already in memory (read from a directory or embedded).
pub struct ModelFiles<'a> {
    /// `config.json`.
    pub config: &'a [u8],
    /// `tokenizer.json`.
    pub tokenizer: &'a [u8],
    /// `model.safetensors`.
    pub weights: &'a [u8],
    /// Where they came from, for error messages.
    pub origin: PathBuf,
}

/// A loaded token-classification model with its tokenizer.
pub struct Tagger {
    classifier: Box<dyn TokenClassifier>,
    syntax: Option<SyntaxHeads>,
    tokenizer: Tokenizer,
    bos: Option<u32>,
    eos: Option<u32>,
    options: TaggerOptions,
    /// Bytes of text analysed so far (a progress counter that moves within a batch).
    analysed: std::sync::atomic::AtomicU64,
}

fn read(path: PathBuf) -> Result<Vec<u8>> {
    match std::fs::read(&path) {
        Ok(bytes) => Ok(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(TaggerError::MissingFile { path })
        }
        Err(source) => Err(TaggerError::Io { path, source }),
    }
}

/// `config.json` and `tokenizer.json` of a model folder, which must exist.
fn read_config_and_tokenizer(dir: &Path) -> Result<(Vec<u8>, Vec<u8>)> {
    if !dir.is_dir() {
        return Err(TaggerError::MissingFile {
            path: dir.to_path_buf(),
        });
    }
    Ok((
        read(dir.join("config.json"))?,
        read(dir.join("tokenizer.json"))?,
    ))
}

/// The tensors of a safetensors file already in memory (`path` names it in errors).
fn weights<'a>(bytes: &'a [u8], path: &Path) -> Result<VarBuilder<'a>> {
    VarBuilder::from_slice_safetensors(bytes, DType::F32, &Device::Cpu).map_err(|e| {
        TaggerError::Weights {
            path: path.to_path_buf(),
            message: e.to_string(),
        }
    })
}

/// The syntax heads the configuration names, from the model's tensors, their layers packed
/// for `precision` (claimx's own layers with either backend); none without them.
fn load_syntax(
    config: &ModelConfig,
    vb: VarBuilder,
    path: &Path,
    precision: Precision,
) -> Result<Option<SyntaxHeads>> {
    let Some(heads) = config.syntax.clone() else {
        return Ok(None);
    };
    let mut heads = SyntaxHeads::load(vb, heads, config.hidden_size, path)?;
    heads.set_precision(precision);
    Ok(Some(heads))
}

/// Parse the `config.json` of an encoder without a task head and its `tokenizer.json`.
fn parse_encoder(
    config: &[u8],
    tokenizer: &[u8],
    origin: &Path,
) -> Result<(ModelConfig, Tokenizer)> {
    parse_files(config, tokenizer, origin, ModelConfig::encoder_from_json)
}

/// Parse `config.json` and `tokenizer.json` and check that they fit each other.
fn parse_model(config: &[u8], tokenizer: &[u8], origin: &Path) -> Result<(ModelConfig, Tokenizer)> {
    parse_files(config, tokenizer, origin, ModelConfig::from_json)
}

fn parse_files(
    config: &[u8],
    tokenizer: &[u8],
    origin: &Path,
    parse_config: fn(&str, &Path) -> Result<ModelConfig>,
) -> Result<(ModelConfig, Tokenizer)> {
    let config_path = origin.join("config.json");
    let tokenizer_path = origin.join("tokenizer.json");
    let text = std::str::from_utf8(config).map_err(|e| TaggerError::Config {
        path: config_path.clone(),
        message: e.to_string(),
    })?;
    let config = parse_config(text, &config_path)?;
    let tokenizer = Tokenizer::from_bytes(tokenizer).map_err(|e| TaggerError::Tokenizer {
        path: tokenizer_path.clone(),
        message: e.to_string(),
    })?;
    let vocab = tokenizer.get_vocab_size(true);
    if vocab > config.vocab_size {
        return Err(TaggerError::Tokenizer {
            path: tokenizer_path,
            message: format!(
                "{vocab} pieces but the model has only {} embedding rows",
                config.vocab_size
            ),
        });
    }
    Ok((config, tokenizer))
}

impl Tagger {
    /// Load `config.json`, `tokenizer.json` and the weights from `dir`: `model.safetensors`
    /// for candle, `model.onnx` (or `onnx/model.onnx`) for ort.
    pub fn from_dir(dir: impl AsRef<Path>, options: TaggerOptions) -> Result<Tagger> {
        let dir = dir.as_ref();
        let (config, tokenizer) = read_config_and_tokenizer(dir)?;
        if options.backend == Backend::Ort {
            let graph = ["model.onnx", "onnx/model.onnx"]
                .iter()
                .map(|n| dir.join(n))
                .find(|p| p.is_file())
                .unwrap_or_else(|| dir.join("model.onnx"));
            return Tagger::from_onnx(&config, &tokenizer, dir, &graph, options);
        }
        let weights = read(dir.join("model.safetensors"))?;
        Tagger::from_files(
            ModelFiles {
                config: &config,
                tokenizer: &tokenizer,
                weights: &weights,
                origin: dir.to_path_buf(),
            },
            options,
        )
    }

    /// Load from the files' bytes (the embedded default model uses this); candle only, as
    /// the weights are safetensors.
    pub fn from_files(files: ModelFiles<'_>, options: TaggerOptions) -> Result<Tagger> {
        if options.backend != Backend::Candle {
            return Err(TaggerError::Backend(format!(
                "{}: the {:?} backend needs a model directory with model.onnx \
                 (scripts/export_onnx.py writes one)",
                files.origin.display(),
                options.backend
            )));
        }
        let weights_path = files.origin.join("model.safetensors");
        let (config, tokenizer) = parse_model(files.config, files.tokenizer, &files.origin)?;
        let vb = weights(files.weights, &weights_path)?;
        // the reference op graph is f32 whatever the precision asked
        let precision = match options.reference {
            true => Precision::F32,
            false => options.precision,
        };
        // the heads' layers run in the encoder's number format
        let syntax = load_syntax(&config, vb.clone(), &weights_path, precision)?;
        let encoder = CandleEncoder::load(vb, files.weights, config, &weights_path, precision)?;
        Tagger::with_classifier(Box::new(encoder), tokenizer, options)
            .with_syntax(syntax)
            .reference_if_asked()
    }

    #[cfg(feature = "ort")]
    fn from_onnx(
        config: &[u8],
        tokenizer: &[u8],
        dir: &Path,
        graph: &Path,
        options: TaggerOptions,
    ) -> Result<Tagger> {
        let (config, tokenizer) = parse_model(config, tokenizer, dir)?;
        // the word heads run in Rust on the graph's hidden states; their weights come from
        // the model's safetensors
        let syntax = match config.syntax {
            Some(_) => {
                let path = dir.join("model.safetensors");
                let bytes = read(path.clone())?;
                // the heads are claimx's own layers, not the graph's: they run in the
                // precision asked (auto: the CPU's fast one, as with candle; f32 for the exact
                // comparison with candle that `tagger-agree` makes)
                let vb = weights(&bytes, &path)?;
                load_syntax(&config, vb, &path, options.precision)?
            }
            None => None,
        };
        let encoder = OrtEncoder::load(graph, config, options.threads)?;
        Tagger::with_classifier(Box::new(encoder), tokenizer, options)
            .with_syntax(syntax)
            .reference_if_asked()
    }

    #[cfg(not(feature = "ort"))]
    fn from_onnx(_: &[u8], _: &[u8], dir: &Path, _: &Path, _: TaggerOptions) -> Result<Tagger> {
        Err(TaggerError::Backend(format!(
            "{}: this build has no ort backend (rebuild with the cargo feature `ort`)",
            dir.display()
        )))
    }

    /// The default model shipped in `models/claimx-tagger-small`, compiled into the library
    /// (feature `embedded-model`): no file is read and nothing is downloaded at run time.
    #[cfg(feature = "embedded-model")]
    pub fn embedded(options: TaggerOptions) -> Result<Tagger> {
        let tagger = Tagger::from_files(embedded::files(), options);
        embedded::release();
        tagger
    }

    /// A tagger over any backend.
    pub fn with_classifier(
        classifier: Box<dyn TokenClassifier>,
        tokenizer: Tokenizer,
        options: TaggerOptions,
    ) -> Tagger {
        let find = |names: &[&str]| names.iter().find_map(|n| tokenizer.token_to_id(n));
        let bos = find(&["<s>", "[CLS]"]);
        let eos = find(&["</s>", "[SEP]"]);
        Tagger {
            classifier,
            syntax: None,
            tokenizer,
            bos,
            eos,
            options,
            analysed: Default::default(),
        }
    }

    /// Bytes of text this tagger has analysed since it was loaded, counted as each chunk of
    /// windows leaves the encoder: what a progress display reads while a batch runs.
    pub fn analysed_bytes(&self) -> u64 {
        self.analysed.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The model's labels (`O`, `B-PER`, …), in logit order.
    pub fn labels(&self) -> &[String] {
        self.classifier.labels()
    }

    /// The syntax heads, when the model has them.
    pub fn syntax(&self) -> Option<&SyntaxHeads> {
        self.syntax.as_ref()
    }

    /// The tagger with `heads` as its syntax heads (tests and own backends); `None` drops
    /// them, so [`Tagger::analyze`] parses nothing.
    pub fn with_syntax(mut self, heads: Option<SyntaxHeads>) -> Tagger {
        self.syntax = heads;
        self
    }

    /// The backend, for benchmarks and parity checks.
    pub fn classifier(&self) -> &dyn TokenClassifier {
        self.classifier.as_ref()
    }

    fn reference_if_asked(self) -> Result<Tagger> {
        if self.options.reference {
            self.into_reference()
        } else {
            Ok(self)
        }
    }

    /// The same tagger on its backend's reference path ([`TokenClassifier::reference`]),
    /// e.g. candle's plain op graph instead of the fused pass.
    pub fn into_reference(self) -> Result<Tagger> {
        let reference = self
            .classifier
            .reference()
            .ok_or_else(|| TaggerError::Backend("this backend has no reference path".into()))??;
        Ok(Tagger {
            classifier: reference,
            syntax: self.syntax,
            tokenizer: self.tokenizer,
            bos: self.bos,
            eos: self.eos,
            options: self.options,
            analysed: self.analysed,
        })
    }

    /// The model's tokenizer.
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// Span types the model can emit (`PER`, `MONEY`, …), in label order.
    pub fn span_types(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for l in self.labels() {
            let t = l.split_once('-').map(|(_, t)| t).unwrap_or(l);
            if l != "O" && !out.iter().any(|o| o == t) {
                out.push(t.to_string());
            }
        }
        out
    }

    /// Content pieces per window, after room for the specials.
    fn window_size(&self) -> usize {
        let specials = self.bos.is_some() as usize + self.eos.is_some() as usize;
        let max = self.options.max_tokens.min(self.classifier.max_sequence());
        max.saturating_sub(specials).max(1)
    }

    /// Labelled spans of each text, byte offsets into that text.
    pub fn tag(&self, texts: &[&str]) -> Result<Vec<Vec<TaggedSpan>>> {
        Ok(self
            .analyze(texts, &[])?
            .into_iter()
            .map(|a| a.spans)
            .collect())
    }

    /// Labelled spans of each text and, when the model has syntax heads, the syntax of the
    /// words given for it (`words[i]`: byte spans in `texts[i]`, parsed as one sentence;
    /// missing or empty: not parsed). One forward pass serves both.
    pub fn analyze(&self, texts: &[&str], words: &[Vec<(usize, usize)>]) -> Result<Vec<Analysis>> {
        let parse = |t: usize| self.syntax.is_some() && words.get(t).is_some_and(|w| !w.is_empty());
        let want_states = (0..texts.len()).any(parse);
        let size = self.window_size();
        // pieces of every text: (id, start, end, raw start) with leading whitespace skipped,
        // offsets as u32 (a batch holds them all until its records are built: 16 bytes a
        // piece, not 32); tokenised in parallel, as one thread left the other core idle
        // (with the parallel merge at the end: 520 benchmark documents 14.96 → 13.91 s)
        let pieces: Vec<Vec<(u32, u32, u32, u32)>> = texts
            .par_iter()
            .map(|text| -> Result<Vec<(u32, u32, u32, u32)>> {
                if u32::try_from(text.len()).is_err() {
                    return Err(TaggerError::Encode(format!(
                        "a text of {} bytes: the tagger reads texts under 4 GiB",
                        text.len()
                    )));
                }
                // Traditional Chinese is read as Simplified, which the model was trained on;
                // the conversion keeps every byte offset
                let simple = claimx_lang::zh::to_simplified(text);
                let mut row = Vec::new();
                // over-long words are left out: each range is tokenised on its own
                for (start, end) in model_ranges(text) {
                    let enc = self
                        .tokenizer
                        .encode(&simple[start..end], false)
                        .map_err(|e| TaggerError::Encode(e.to_string()))?;
                    row.reserve(enc.get_ids().len());
                    for ((&id, &(a, b)), token) in enc
                        .get_ids()
                        .iter()
                        .zip(enc.get_offsets())
                        .zip(enc.get_tokens())
                    {
                        let (a, b) = (start + a, start + b);
                        let raw = a + text[a..b].len() - text[a..b].trim_start().len();
                        // a bare word-start marker carries no text of its own for spans (its
                        // offsets point at the next character when Han characters are split
                        // off); the word heads were trained on the raw offsets
                        let a = if token == "\u{2581}" { b } else { raw };
                        // (under 4 GiB: checked above)
                        row.push((id, a as u32, b as u32, raw as u32));
                    }
                }
                Ok(row)
            })
            .collect::<Result<_>>()?;
        // every window of every text, batched by length
        let mut jobs: Vec<(usize, usize, usize)> = Vec::new();
        let mut owner: Vec<Vec<usize>> = Vec::with_capacity(texts.len());
        for (t, row) in pieces.iter().enumerate() {
            let plan = windows::plan(row.len(), size, self.options.overlap);
            owner.push(windows::owners(row.len(), &plan));
            let first = jobs.len();
            jobs.extend(plan.into_iter().map(|(s, e)| (t, s, e)));
            // owners index windows of this text; make them global job ids
            for o in owner.last_mut().unwrap().iter_mut() {
                *o += first;
            }
        }
        let mut order: Vec<usize> = (0..jobs.len()).collect();
        order.sort_by_key(|&j| std::cmp::Reverse(jobs[j].2 - jobs[j].1));
        let n_labels = self.labels().len();
        // (label, probability) of each piece; the pieces' offsets join them per text at the
        // end, so a batch holds 8 bytes a piece here, not a second copy of the offsets
        let mut predictions: Vec<Vec<(u32, f32)>> =
            pieces.iter().map(|row| vec![(0, 0.0); row.len()]).collect();
        let lead = self.bos.is_some() as usize;
        // A text's hidden states (384 floats a piece, some 400 bytes per byte of text) live
        // only until its last window is through the encoder: then its words are parsed and
        // the states dropped, so a batch holds the states of the texts in flight, not of all
        // (a batch of 16 documents of 250 KB reached 2 GiB before).
        let mut states: Vec<Vec<f32>> = vec![Vec::new(); texts.len()];
        let mut windows_left: Vec<usize> = vec![0; texts.len()];
        for &(t, _, _) in &jobs {
            windows_left[t] += 1;
        }
        let mut parsed: Vec<Vec<WordSyntax>> = vec![Vec::new(); texts.len()];
        let parse_done =
            |done: &[usize], states: &mut [Vec<f32>], parsed: &mut [Vec<WordSyntax>]| {
                let Some(heads) = &self.syntax else { return };
                let words_of: Vec<(usize, Vec<WordSyntax>)> = done
                    .par_iter()
                    .filter(|&&t| parse(t))
                    .map(|&t| {
                        let offsets: Vec<(usize, usize)> = pieces[t]
                            .iter()
                            .map(|&(_, _, b, raw)| (raw as usize, b as usize))
                            .collect();
                        (t, heads.parse(texts[t], &offsets, &states[t], &words[t]))
                    })
                    .collect();
                for (t, w) in words_of {
                    parsed[t] = w;
                }
                for &t in done {
                    states[t] = Vec::new();
                }
            };
        // passes of at most batch_size windows and batch_pieces pieces, longest first
        let specials = lead + self.eos.is_some() as usize;
        let mut passes: Vec<&[usize]> = Vec::new();
        let mut rest: &[usize] = &order;
        while !rest.is_empty() {
            let (mut take, mut held) = (0, 0);
            for &j in rest.iter().take(self.options.batch_size.max(1)) {
                let len = jobs[j].2 - jobs[j].1 + specials;
                if take > 0 && held + len > self.options.batch_pieces {
                    break;
                }
                (take, held) = (take + 1, held + len);
            }
            let (pass, tail) = rest.split_at(take);
            passes.push(pass);
            rest = tail;
        }
        for batch in passes {
            let mut done: Vec<usize> = Vec::new();
            for &j in batch {
                let t = jobs[j].0;
                windows_left[t] -= 1;
                if windows_left[t] == 0 {
                    done.push(t);
                }
            }
            let rows: Vec<Vec<u32>> = batch
                .iter()
                .map(|&j| {
                    let (t, s, e) = jobs[j];
                    let mut ids = Vec::with_capacity(e - s + 2);
                    ids.extend(self.bos);
                    ids.extend(pieces[t][s..e].iter().map(|p| p.0));
                    ids.extend(self.eos);
                    ids
                })
                .collect();
            if rows
                .iter()
                .all(|r| r.len() == lead + self.eos.is_some() as usize)
            {
                parse_done(&done, &mut states, &mut parsed);
                continue;
            }
            let (logits, hidden) = self.classifier.logits_and_states(&rows, want_states)?;
            let bytes: usize = batch
                .iter()
                .filter_map(|&j| {
                    let (t, s, e) = jobs[j];
                    // an empty window (a text without pieces) adds nothing
                    (e > s).then(|| pieces[t][e - 1].2.saturating_sub(pieces[t][s].3) as usize)
                })
                .sum();
            self.analysed
                .fetch_add(bytes as u64, std::sync::atomic::Ordering::Relaxed);
            if want_states && hidden.is_none() {
                return Err(TaggerError::Backend(
                    "this backend gives no hidden states, which the syntax heads read \
                     (an ONNX graph exported before them: re-export with scripts/export_onnx.py)"
                        .into(),
                ));
            }
            if logits.shape()[2] != n_labels {
                return Err(TaggerError::Inference(format!(
                    "backend gave {} labels, the model has {n_labels}",
                    logits.shape()[2]
                )));
            }
            for (r, &j) in batch.iter().enumerate() {
                let (t, s, e) = jobs[j];
                let probs =
                    encoder::softmax_rows(logits.slice(ndarray::s![r, lead..lead + (e - s), ..]));
                for (k, p) in probs.rows().into_iter().enumerate() {
                    let piece = s + k;
                    if owner[t][piece] != j {
                        continue;
                    }
                    let (label, prob) = p.iter().copied().enumerate().fold(
                        (0, f32::NEG_INFINITY),
                        |best, (i, v)| if v > best.1 { (i, v) } else { best },
                    );
                    predictions[t][piece] = (label as u32, prob);
                    if let (Some(hidden), true) = (&hidden, parse(t)) {
                        let width = hidden.shape()[2];
                        let dst = &mut states[t];
                        if dst.is_empty() {
                            dst.resize(pieces[t].len() * width, 0.0);
                        }
                        let row = hidden.slice(ndarray::s![r, lead + k, ..]);
                        for (d, v) in dst[piece * width..(piece + 1) * width].iter_mut().zip(row) {
                            *d = *v;
                        }
                    }
                }
            }
            parse_done(&done, &mut states, &mut parsed);
        }
        let labels = self.labels();
        Ok(predictions
            .par_iter()
            .zip(&pieces)
            .zip(texts)
            .zip(parsed)
            .map(|(((p, row), text), words)| {
                let p: Vec<PiecePrediction> = row
                    .iter()
                    .zip(p)
                    .map(|(&(_, start, end, _), &(label, prob))| PiecePrediction {
                        start: start as usize,
                        end: end as usize,
                        label: label as usize,
                        prob,
                    })
                    .collect();
                Analysis {
                    spans: merge_pieces(text, &p, labels),
                    words,
                }
            })
            .collect())
    }
}

/// The byte ranges of `text` the model reads: all of it but its over-long words
/// ([`claimx_lang::words::overlong_words`]).
pub fn model_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut from = 0;
    for (start, end) in claimx_lang::words::overlong_words(text) {
        if start > from {
            ranges.push((from, start));
        }
        from = end;
    }
    if from < text.len() {
        ranges.push((from, text.len()));
    }
    ranges
}

/// What the model found in one text.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Labelled spans (entities, figures), byte offsets into the text.
    pub spans: Vec<TaggedSpan>,
    /// The syntax of the words asked for, in their order (empty when none were asked for or
    /// the model has no syntax heads).
    pub words: Vec<WordSyntax>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `auto` is what a config without `precision` gets, parses and serialises as `auto`, and
    /// resolves to bf16 or int8 — int8 only on a CPU with VNNI and no AMX — never
    /// to itself or to f32; the other precisions resolve to themselves.
    #[test]
    fn auto_precision_resolves_per_cpu() {
        assert_eq!(TaggerOptions::default().precision, Precision::Auto);
        assert_eq!("auto".parse::<Precision>(), Ok(Precision::Auto));
        assert_eq!(serde_json::to_string(&Precision::Auto).unwrap(), "\"auto\"");
        let resolved = Precision::Auto.resolved();
        let int8_pays = !bf16::amx() && (int8::vnni() || int8::avx2());
        assert_eq!(
            resolved,
            if int8_pays {
                Precision::Int8
            } else {
                Precision::Bf16
            }
        );
        eprintln!(
            "auto resolves to {} here (kernel {})",
            Precision::Auto.name(),
            Precision::Auto.kernel_name()
        );
        for p in [Precision::Bf16, Precision::F32, Precision::Int8] {
            assert_eq!(p.resolved(), p);
            assert_eq!(p.name().parse::<Precision>(), Ok(p));
        }
        assert!("fp16".parse::<Precision>().is_err());
    }
}
