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
//!
//! ```
//! use claimx_doc::{Document, OffsetIndex};
//!
//! let doc = Document::new("d1", "Über 1.000 Mitarbeiter");
//! // spans carry character offsets (Python `str` indices) and byte offsets
//! let span = OffsetIndex::new(&doc.text).span(0, 11);
//! assert_eq!((span.start, span.end), (0, 10));
//! assert_eq!(&doc.text[span.byte_start..span.byte_end], "Über 1.000");
//! ```

mod offsets;
mod rows;
mod types;

/// The string type of short labels in records ([`Word::upos`], [`Word::deprel`]).
pub use compact_str::CompactString;
pub use offsets::{floor_char_boundary, OffsetIndex};
pub use rows::{document_entities, ClaimRow, DocumentEntity, DOCUMENT_ENTITIES};
pub use types::*;

/// Documents longer than this many bytes are refused (error kind `too_large`) by default, by
/// the readers before they hold them and by the pipeline: one document must not be able to
/// take a batch run's memory.
pub const DEFAULT_DOC_SIZE_LIMIT: usize = 64 << 20;

/// A failure for one document: which document, which stage, what went wrong. Written as an
/// error record (`{"id", "error": {"stage", "kind", "message"}}`) in place of the document.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    thiserror::Error,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[error("document {id:?}: {stage} stage: {kind}: {message}")]
pub struct DocumentError {
    /// The document's id.
    pub id: String,
    /// The stage that failed.
    pub stage: Stage,
    /// A stable, machine-readable name of the problem (`too_large`, `malformed_json`, `panic`).
    pub kind: String,
    /// What went wrong, in words, with the detail that locates it.
    pub message: String,
}

/// The pipeline's stages, as error records name them (`"stage": "input"`) and as fault
/// injection targets them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Reading and admitting the document: JSON, UTF-8, size, publication date.
    Input,
    /// Language identification of the document and its segments.
    Language,
    /// Sentence splitting and boilerplate marking.
    Sentences,
    /// Figure recognition and normalisation.
    Figures,
    /// The transformer tagger.
    Tagger,
    /// Entity refinement and canonical names.
    Entities,
    /// Claim assembly.
    Claims,
    /// Outside any one stage (a panic before the first stage was entered).
    Pipeline,
}

impl Stage {
    /// The stage's name in error records.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Input => "input",
            Stage::Language => "language",
            Stage::Sentences => "sentences",
            Stage::Figures => "figures",
            Stage::Tagger => "tagger",
            Stage::Entities => "entities",
            Stage::Claims => "claims",
            Stage::Pipeline => "pipeline",
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl DocumentError {
    /// An error for document `id` raised in `stage`.
    pub fn new(id: &str, stage: Stage, kind: &str, message: impl Into<String>) -> Self {
        DocumentError {
            id: id.to_string(),
            stage,
            kind: kind.to_string(),
            message: message.into(),
        }
    }

    /// The error record as JSON.
    pub fn to_record(&self) -> serde_json::Value {
        serde_json::json!({"id": self.id, "error": {"stage": self.stage, "kind": self.kind, "message": self.message}})
    }
}

/// Errors raised while building documents.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DocError {
    /// A byte range that does not fit the document's text.
    #[error("document {id:?}: byte range {start}..{end} is out of bounds or not on a character boundary (text has {len} bytes)")]
    BadByteRange {
        /// The document's id.
        id: String,
        /// Start of the range, in bytes.
        start: usize,
        /// End of the range, in bytes.
        end: usize,
        /// Length of the text, in bytes.
        len: usize,
    },
    /// A document that cannot be built, and why.
    #[error("document {id:?}: {problem}")]
    Invalid {
        /// The document's id.
        id: String,
        /// What is wrong with it.
        problem: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long document's record holds some 8,000 figures, 4,000 claims and 8,500 sentences
    /// per MiB of text until it is written: their sizes decide the memory per byte that
    /// docs/robustness.md measures, so a field that widens them should be a decision.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn record_parts_stay_small() {
        use std::mem::size_of;
        assert_eq!(size_of::<Sentence>(), 64);
        assert_eq!(size_of::<Figure>(), 136);
        assert_eq!(size_of::<Claim>(), 296);
        assert_eq!(size_of::<Entity>(), 88);
        assert_eq!(size_of::<Word>(), 48);
        // short strings inline: no heap block of their own
        let claim_text: CompactString = "die Deutsche Bank AG".into();
        assert!(!claim_text.is_heap_allocated());
    }

    #[test]
    fn labels_are_their_text_everywhere() {
        let nsubj = Label::new("nsubj");
        assert_eq!(nsubj, Label::from("nsubj".to_string()));
        assert_ne!(nsubj, Label::new("obj"));
        assert_eq!(nsubj, "nsubj");
        assert_eq!("nsubj", nsubj);
        assert_eq!(nsubj, *"nsubj");
        assert_eq!(
            (nsubj.as_str(), &*nsubj, nsubj.len()),
            ("nsubj", "nsubj", 5)
        );
        assert_eq!(format!("{nsubj} {nsubj:?}"), "nsubj \"nsubj\"");
        assert_eq!(Label::default().as_str(), "");
        assert_eq!(serde_json::to_string(&nsubj).unwrap(), "\"nsubj\"");
        let escaped: Label = serde_json::from_str("\"nsubj\\u003apass\"").unwrap();
        assert_eq!(escaped, Label::new("nsubj:pass"));
        let threads: Vec<_> = (0..4)
            .map(|t| std::thread::spawn(move || Label::new(&format!("label-{}", t % 2))))
            .collect();
        let made: Vec<Label> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        assert_eq!((made[0], made[1]), (made[2], made[3]));
        assert_eq!(made[1].as_str(), "label-1");
    }

    /// The JSON field names documented in docs/schema.md.
    #[test]
    fn json_field_names_are_stable() {
        let idx = OffsetIndex::new("Über 1.000 Mitarbeiter.");
        let fig = Figure {
            span: idx.span(0, 11),
            text: "Über 1.000".into(),
            kind: FigureType::Cardinal,
            value: Some(FigureValue::Number(1000.0)),
            upper: None,
            bound: Some(Bound::Gt),
            unit: Some("Mitarbeiter".into()),
            lang: Lang::De,
        };
        let v = serde_json::to_value(&fig).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"start": 0, "end": 10, "byte_start": 0, "byte_end": 11, "text": "Über 1.000",
                "type": "CARDINAL", "value": 1000.0, "bound": "gt", "unit": "Mitarbeiter", "lang": "de"})
        );
        let back: Figure = serde_json::from_value(v).unwrap();
        assert_eq!(back, fig);
        let date = FigureValue::Text("2025-07-24".into());
        assert_eq!(
            serde_json::to_value(&date).unwrap(),
            serde_json::json!("2025-07-24")
        );
    }

    #[test]
    fn document_optional_fields() {
        let d: Document = serde_json::from_str(r#"{"id": "a", "text": "x"}"#).unwrap();
        assert_eq!(d, Document::new("a", "x"));
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"id":"a","text":"x"}"#
        );
    }

    /// Tagger labels, record types and BIO tags use one spelling per type.
    #[test]
    fn labels_name_one_type_each() {
        for t in FigureType::ALL {
            assert_eq!(FigureType::from_label(t.name()), Some(t));
            assert_eq!(EntityType::from_label(t.name()), None);
            let json = serde_json::to_value(t).unwrap();
            assert_eq!(json, serde_json::json!(t.name()));
        }
        for label in ["PER", "ORG", "LOC", "MISC"] {
            assert_eq!(EntityType::from_label(label).unwrap().as_str(), label);
            assert_eq!(FigureType::from_label(label), None);
        }
    }
}
