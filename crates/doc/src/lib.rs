//! The claimx document model.
//!
//! Every stage of the pipeline reads a [`Document`] and contributes annotations to an
//! [`AnnotatedDocument`]. The input text is never altered: cleaning, boilerplate and
//! segmentation are all expressed as spans over the original text. Each [`Span`] carries
//! both UTF-8 byte offsets (for Rust and byte-oriented tools) and Unicode code-point offsets
//! (what Python's `str` indexing uses), end exclusive.
//!
//! This crate is deliberately dependency-light (serde only) so that every other crate,
//! and the Python bindings, can depend on it.

mod offsets;
mod types;

pub use offsets::OffsetIndex;
pub use types::*;

/// Errors raised while building documents.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DocError {
    #[error("document {id:?}: byte range {start}..{end} is out of bounds or not on a character boundary (text has {len} bytes)")]
    BadByteRange {
        id: String,
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("document {id:?}: {problem}")]
    Invalid { id: String, problem: String },
}
