//! `claimx`: the command line over the claimx pipeline.
//!
//! - `claimx extract [PATHS|-]`: annotate plain-text files, folders and JSONL documents and
//!   write one JSON record per document (or an error record) to stdout or `-o`.
//! - `claimx eval --gold DIR [--pred FILE]`: score against hand-labelled gold documents.
//! - `claimx conformance [--peer DIR]`: pass rates on other projects' public test suites.
//!
//! Exit codes: 0 ok, 1 some documents failed (or a `--check` threshold was missed), 2 usage.

mod input;

use anyhow::{Context, Result};
use claimx_core::{DocumentError, Pipeline};
use claimx_doc::AnnotatedDocument;
use claimx_eval::conformance::{
    check_targets, format_conformance, run_conformance, ConformanceReport,
};
use claimx_eval::seeds::format_report;
use clap::{Parser, Subcommand};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "claimx",
    version,
    about = "Structured, checkable figures from news text (de / en / zh)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate documents: files (.txt, .jsonl), folders, or `-` for JSONL on stdin.
    Extract {
        /// Inputs; none or `-` reads JSONL from stdin.
        paths: Vec<PathBuf>,
        /// Write records here instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Pretty-print each record (not JSONL).
        #[arg(long)]
        pretty: bool,
    },
    /// Score the pipeline (or predictions) against gold annotations.
    Eval {
        /// Folder with gold/*.gold.json and text/*.txt (see data/seeds/ANNOTATION.md).
        #[arg(long)]
        gold: PathBuf,
        /// JSONL of document records from `claimx extract`; default: run the pipeline.
        #[arg(long)]
        pred: Option<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
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

fn main() {
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
            std::process::exit(2);
        }
    }
}

fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Extract {
            paths,
            output,
            pretty,
        } => extract(paths, output, pretty),
        Command::Eval { gold, pred, json } => eval(gold, pred, json),
        Command::Conformance {
            peer,
            verbose,
            json,
            check,
        } => conformance(peer, verbose, json, check),
    }
}

fn extract(paths: Vec<PathBuf>, output: Option<PathBuf>, pretty: bool) -> Result<i32> {
    let pipeline = Pipeline::default();
    let mut out: Box<dyn Write> = match &output {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut failed = 0usize;
    let mut total = 0usize;
    let start = std::time::Instant::now();
    // Documents are read and annotated in batches so that memory stays bounded.
    const BATCH: usize = 256;
    let mut batch = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<input::Item>, out: &mut Box<dyn Write>| -> Result<()> {
        let docs: Vec<_> = batch.iter().filter_map(|i| i.doc.clone()).collect();
        let mut results = pipeline.extract_batch(&docs).into_iter();
        for item in batch.drain(..) {
            total += 1;
            let rec = match item.error {
                Some(err) => Err(err),
                None => results.next().expect("one result per document"),
            };
            if rec.is_err() {
                failed += 1;
            }
            write_record(out, &rec, pretty)?;
        }
        Ok(())
    };
    for item in input::read_inputs(&paths)? {
        batch.push(item);
        if batch.len() == BATCH {
            flush(&mut batch, &mut out)?;
        }
    }
    flush(&mut batch, &mut out)?;
    out.flush()?;
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "claimx: {total} documents, {failed} errors, {:.1} docs/s",
        total as f64 / secs.max(1e-9)
    );
    Ok(if failed > 0 { 1 } else { 0 })
}

fn write_record(
    out: &mut Box<dyn Write>,
    rec: &Result<AnnotatedDocument, DocumentError>,
    pretty: bool,
) -> Result<()> {
    let value = match rec {
        Ok(doc) => serde_json::to_value(doc)?,
        Err(e) => {
            serde_json::json!({"id": e.id, "error": {"stage": e.stage, "kind": e.kind, "message": e.message}})
        }
    };
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &value)?;
    } else {
        serde_json::to_writer(&mut *out, &value)?;
    }
    out.write_all(b"\n")?;
    Ok(())
}

fn eval(gold: PathBuf, pred: Option<PathBuf>, json: bool) -> Result<i32> {
    let golds = claimx_eval::load_gold_dir(&gold)?;
    let predictions: Vec<AnnotatedDocument> = match pred {
        Some(p) => {
            let raw = std::fs::read_to_string(&p)
                .with_context(|| format!("cannot read {}", p.display()))?;
            raw.lines()
                .filter(|l| !l.trim().is_empty())
                .filter_map(|l| serde_json::from_str::<AnnotatedDocument>(l).ok())
                .collect()
        }
        None => {
            let pipeline = Pipeline::default();
            let docs: Vec<_> = golds
                .iter()
                .map(|g| claimx_doc::Document::new(g.doc_id.clone(), g.text.clone()))
                .collect();
            pipeline
                .extract_batch(&docs)
                .into_iter()
                .collect::<Result<_, _>>()?
        }
    };
    let mut pairs = Vec::new();
    for g in golds {
        let p = predictions
            .iter()
            .find(|p| p.id == g.doc_id)
            .cloned()
            .with_context(|| format!("no prediction for gold document {:?}", g.doc_id))?;
        pairs.push((g, p));
    }
    let report = claimx_eval::score_documents(&pairs);
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
