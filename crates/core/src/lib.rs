//! The claimx pipeline: composes the stages into one annotated document.
//!
//! `document → language identification → sentence splitting → figure recognition and
//! normalisation` (the tagger and claim assembly join later). Each stage is a small trait
//! with a serde-configurable implementation, so a [`PipelineConfig`] read from JSON fully
//! describes a pipeline. Stages never reach back into one another: each sees the original
//! text and the results of the stages before it.

use chrono::NaiveDate;
use claimx_claims::{ClaimAssembler, ClaimAssembly};
use claimx_doc::{
    AnnotatedDocument, DateSource, Document, Figure, LanguageSegment, OffsetIndex, Published,
    Sentence,
};
use claimx_figures::{find_dateline, FigureExtraction, FigureRecognizer};
use claimx_langid::{LanguageIdentification, LanguageIdentifier};
use claimx_sentences::{SentenceSegmenter, SentenceSplitter};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use claimx_doc::DocumentError;

/// The configuration of every stage; `PipelineConfig::default()` is the shipped pipeline.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PipelineConfig {
    pub language: LanguageIdentifier,
    pub sentences: SentenceSplitter,
    pub figures: FigureRecognizer,
    pub claims: ClaimAssembler,
}

/// The text-stage pipeline.
pub struct Pipeline {
    language: Box<dyn LanguageIdentification>,
    sentences: Box<dyn SentenceSegmenter>,
    figures: Box<dyn FigureExtraction>,
    claims: Box<dyn ClaimAssembly>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::from_config(PipelineConfig::default())
    }
}

impl Pipeline {
    pub fn from_config(config: PipelineConfig) -> Self {
        Pipeline {
            language: Box::new(config.language),
            sentences: Box::new(config.sentences),
            figures: Box::new(config.figures),
            claims: Box::new(config.claims),
        }
    }

    /// Build from stage implementations of one's own.
    pub fn from_stages(
        language: Box<dyn LanguageIdentification>,
        sentences: Box<dyn SentenceSegmenter>,
        figures: Box<dyn FigureExtraction>,
    ) -> Self {
        Pipeline {
            language,
            sentences,
            figures,
            claims: Box::new(ClaimAssembler::new()),
        }
    }

    /// Annotate one document.
    pub fn extract(&self, doc: &Document) -> Result<AnnotatedDocument, DocumentError> {
        let text = doc.text.as_str();
        let index = OffsetIndex::new(text);
        let published = resolve_published(doc, &index)?;
        let reference = published
            .as_ref()
            .and_then(|p| NaiveDate::parse_from_str(&p.date, "%Y-%m-%d").ok());

        let report = self.language.identify(text);
        let segments: Vec<LanguageSegment> = report
            .segments
            .iter()
            .map(|s| LanguageSegment {
                span: index.span(s.start, s.end),
                lang: s.lang,
                confidence: s.confidence,
            })
            .collect();

        let mut sentences = Vec::new();
        let mut figures = Vec::new();
        // Sentences and segments are both in text order: walk them together.
        let mut seg = 0usize;
        for b in self.sentences.segment(text) {
            while seg < segments.len() && segments[seg].span.byte_end <= b.start {
                seg += 1;
            }
            let lang = segments[seg.min(segments.len())..]
                .iter()
                .take_while(|s| s.span.byte_start < b.end)
                .max_by_key(|s| s.span.byte_end.min(b.end) - s.span.byte_start.max(b.start))
                .map(|s| s.lang)
                .unwrap_or(report.lang);
            let sentence_text = &text[b.start..b.end];
            for f in self.figures.extract(sentence_text, lang, reference) {
                let (s, e) = (b.start + f.start, b.start + f.end);
                figures.push(Figure {
                    span: index.span(s, e),
                    text: text[s..e].to_string(),
                    kind: f.kind,
                    value: f.value,
                    upper: f.upper,
                    bound: f.bound,
                    unit: f.unit,
                    lang,
                });
            }
            sentences.push(Sentence {
                span: index.span(b.start, b.end),
                boilerplate: b.boilerplate,
                lang,
            });
        }

        let claims = self.claims.assemble(text, &sentences, &figures, &[]);
        Ok(AnnotatedDocument {
            id: doc.id.clone(),
            char_len: index.char_len(),
            byte_len: text.len(),
            published,
            lang: report.lang,
            languages: report.languages,
            segments,
            sentences,
            entities: Vec::new(),
            figures,
            claims,
        })
    }

    /// Annotate one document; a panic inside any stage becomes an error for this document
    /// (stage `pipeline`, kind `panic`) instead of taking the process down.
    pub fn extract_guarded(&self, doc: &Document) -> Result<AnnotatedDocument, DocumentError> {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.extract(doc))) {
            Ok(r) => r,
            Err(payload) => {
                let what = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                Err(DocumentError::new(
                    &doc.id,
                    "pipeline",
                    "panic",
                    format!("a stage panicked: {what}"),
                ))
            }
        }
    }

    /// Annotate many documents in parallel (rayon); results keep the input order. Each
    /// document is guarded as in [`Pipeline::extract_guarded`].
    pub fn extract_batch(
        &self,
        docs: &[Document],
    ) -> Vec<Result<AnnotatedDocument, DocumentError>> {
        docs.par_iter().map(|d| self.extract_guarded(d)).collect()
    }
}

/// The publication date: the input's, else a dateline in the text.
fn resolve_published(
    doc: &Document,
    index: &OffsetIndex,
) -> Result<Option<Published>, DocumentError> {
    if let Some(p) = doc
        .published
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let date_part = p.get(..10).unwrap_or(p);
        return match NaiveDate::parse_from_str(date_part, "%Y-%m-%d") {
            Ok(d) => Ok(Some(Published {
                date: d.format("%Y-%m-%d").to_string(),
                source: DateSource::Input,
                span: None,
            })),
            Err(_) => Err(DocumentError::new(
                &doc.id,
                "input",
                "bad_published",
                format!("published {p:?} is not an ISO 8601 date (YYYY-MM-DD[THH:MM:SS])"),
            )),
        };
    }
    Ok(find_dateline(&doc.text).map(|(d, s, e)| Published {
        date: d.format("%Y-%m-%d").to_string(),
        source: DateSource::Dateline,
        span: Some(index.span(s, e)),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_agree_in_bytes_and_chars() {
        let doc = Document::new("t", "Amazon schließt das Labor. Über 1.000 Mitarbeiter sind betroffen.\n\n据报道，约3.5亿元。");
        let out = Pipeline::default().extract(&doc).unwrap();
        let chars: Vec<char> = doc.text.chars().collect();
        for f in &out.figures {
            let by_chars: String = chars[f.span.start..f.span.end].iter().collect();
            assert_eq!(by_chars, f.span.slice(&doc.text));
            assert_eq!(by_chars, f.text);
        }
        assert!(
            out.figures.iter().any(|f| f.text == "Über 1.000"),
            "{:?}",
            out.figures
        );
    }

    #[test]
    fn bad_published_names_document() {
        let doc = Document::new("doc-7", "Text.").with_published("yesterday");
        let err = Pipeline::default().extract(&doc).unwrap_err();
        assert_eq!(err.id, "doc-7");
        assert!(err.to_string().contains("doc-7"));
    }

    #[test]
    fn dateline_gives_publication_date() {
        let doc = Document::new(
            "d",
            "Cryptopolitan\n2025-07-23 09:50:44\n\nAmazon closed the lab on Monday.",
        );
        let out = Pipeline::default().extract(&doc).unwrap();
        let p = out.published.unwrap();
        assert_eq!(p.date, "2025-07-23");
        assert_eq!(p.source, DateSource::Dateline);
        let monday = out.figures.iter().find(|f| f.text == "Monday").unwrap();
        assert_eq!(
            monday.value,
            Some(claimx_doc::FigureValue::Text("2025-07-21".into()))
        );
    }

    struct PanickingFigures;
    impl FigureExtraction for PanickingFigures {
        fn extract(
            &self,
            text: &str,
            _: claimx_doc::Lang,
            _: Option<NaiveDate>,
        ) -> Vec<claimx_figures::FigureMatch> {
            if text.contains("boom") {
                panic!("figure stage failed on purpose");
            }
            Vec::new()
        }
    }

    #[test]
    fn a_panicking_stage_fails_only_its_document() {
        let config = PipelineConfig::default();
        let pipeline = Pipeline::from_stages(
            Box::new(config.language),
            Box::new(config.sentences),
            Box::new(PanickingFigures),
        );
        let docs = vec![
            Document::new("a", "Fine."),
            Document::new("b", "This goes boom."),
            Document::new("c", "Fine too."),
        ];
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let out = pipeline.extract_batch(&docs);
        std::panic::set_hook(prev);
        assert!(out[0].is_ok() && out[2].is_ok());
        let err = out[1].as_ref().unwrap_err();
        assert_eq!(
            (err.id.as_str(), err.stage.as_str(), err.kind.as_str()),
            ("b", "pipeline", "panic")
        );
        assert!(err.message.contains("on purpose"));
    }

    #[test]
    fn empty_and_blank_documents_are_sane() {
        for t in ["", "   \n\t  ", "\u{0}\u{1}\u{7f}"] {
            let out = Pipeline::default().extract(&Document::new("e", t)).unwrap();
            assert!(out.figures.is_empty());
            assert_eq!(out.byte_len, t.len());
        }
    }
}
