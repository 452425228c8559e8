//! Evaluation: scoring annotated documents against hand-labelled gold, and conformance
//! harnesses that run the text stages over other projects' public test suites.
//!
//! Gold files follow `data/seeds/ANNOTATION.md` (code-point offsets, end exclusive). Scores
//! are exact-span precision/recall/F1 per language and type, value accuracy on matched
//! figures, and lists of misses with their text so that errors can be read, not just counted.

pub mod conformance;
pub mod gold;
pub mod metrics;
pub mod ner;
pub mod seeds;

pub use gold::{load_gold_dir, GoldDocument};
pub use metrics::Prf;
pub use seeds::{score_documents, SeedReport};

/// Errors while reading gold or peer files.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {message}")]
    Read { path: String, message: String },
}
