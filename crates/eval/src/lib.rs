//! Evaluation: scoring annotated documents against hand-labelled gold, and conformance
//! harnesses that run the text stages over other projects' public test suites.
//!
//! Gold files follow `data/seeds/ANNOTATION.md` (code-point offsets, end exclusive). Scores
//! are exact-span precision/recall/F1 per language and type, value accuracy on matched
//! figures, and lists of misses with their text so that errors can be read, not just counted.
//!
//! ```
//! use claimx_eval::metrics::Prf;
//!
//! // 8 correct of 10 predicted, 10 in the gold
//! let score = Prf { tp: 8, pred: 10, gold: 10 };
//! assert!((score.f1() - 0.8).abs() < 1e-9);
//! ```

pub mod conformance;
/// Gold files as `data/seeds` and `../shared/news-dev` write them.
pub mod gold;
/// Precision, recall, F1 and accuracy counters.
pub mod metrics;
pub mod ner;
pub mod seeds;
pub mod syntax;

pub use gold::{load_gold_dir, GoldDocument};
pub use metrics::Prf;
pub use seeds::{score_documents, SeedReport};

/// Errors while reading gold or peer files, or pairing predictions with gold.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A gold, text or peer file that cannot be read or parsed.
    #[error("{path}: {message}")]
    Read {
        /// The file.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A gold document the predictions have no record for.
    #[error("no prediction for gold document {0:?}")]
    MissingPrediction(String),
    /// A gold document the pipeline returned an error record for.
    #[error("gold document {id:?} failed in the pipeline: {error}")]
    Failed {
        /// The document's id.
        id: String,
        /// The pipeline's error.
        error: claimx_doc::DocumentError,
    },
}

/// Score a gold folder (`gold/*.gold.json`, `text/*.txt`) against predictions: the document
/// records of a JSONL file from `claimx extract`, or, with no file, `pipeline` run on the
/// gold texts.
pub fn evaluate(
    gold_dir: &std::path::Path,
    pred: Option<&std::path::Path>,
    pipeline: &claimx_core::Pipeline,
) -> Result<SeedReport, EvalError> {
    let golds = load_gold_dir(gold_dir)?;
    let predictions: Vec<claimx_doc::AnnotatedDocument> = match pred {
        Some(p) => std::fs::read_to_string(p)
            .map_err(|e| EvalError::Read {
                path: p.display().to_string(),
                message: e.to_string(),
            })?
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect(),
        None => {
            let docs: Vec<_> = golds
                .iter()
                .map(|g| claimx_doc::Document::new(g.doc_id.clone(), g.text.clone()))
                .collect();
            pipeline
                .extract_batch(&docs)
                .into_iter()
                .map(|r| {
                    r.map_err(|error| EvalError::Failed {
                        id: error.id.clone(),
                        error,
                    })
                })
                .collect::<Result<_, _>>()?
        }
    };
    let mut pairs = Vec::new();
    for g in golds {
        let p = predictions
            .iter()
            .find(|p| p.id == g.doc_id)
            .cloned()
            .ok_or_else(|| EvalError::MissingPrediction(g.doc_id.clone()))?;
        pairs.push((g, p));
    }
    Ok(score_documents(&pairs))
}
