//! What the pipeline accepts before any stage runs: size limits, windows for long documents,
//! binary content, unsupported languages, and a fault-injection switch for testing error
//! handling end to end.

use claimx_doc::DocumentError;
use serde::{Deserialize, Serialize};

/// Limits and checks applied to every document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentPolicy {
    /// Documents longer than this (bytes) are annotated in windows of at most this size, cut
    /// at paragraph ends (else line, sentence or word ends), and merged into one record whose
    /// offsets refer to the whole text. Bounds the memory of every stage by the window, not
    /// the document. Default 1 MiB.
    pub max_doc_bytes: usize,
    /// Documents longer than this (bytes) become error records (`input`/`too_large`) instead
    /// of being annotated. Readers use the same limit to skip such documents without holding
    /// them in memory. Default 64 MiB.
    pub doc_size_limit: usize,
    /// A document whose main language is none of de/en/zh (with at least 20 letters to judge
    /// by) becomes an error record (`language`/`unsupported_language`); `false` annotates it
    /// anyway with the language-independent rules.
    pub reject_unsupported_language: bool,
    /// A document of at least 32 characters of which over a tenth are control characters or
    /// U+FFFD (a binary file read as text) becomes an error record (`input`/`binary_content`).
    pub reject_binary: bool,
}

/// Documents longer than this are annotated in windows of at most this many bytes.
pub const DEFAULT_MAX_DOC_BYTES: usize = 1 << 20;
pub use claimx_doc::DEFAULT_DOC_SIZE_LIMIT;

impl Default for DocumentPolicy {
    fn default() -> Self {
        DocumentPolicy {
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            doc_size_limit: DEFAULT_DOC_SIZE_LIMIT,
            reject_unsupported_language: true,
            reject_binary: true,
        }
    }
}

/// Characters, letters and non-text characters of a document, counted in one pass.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TextCounts {
    pub chars: usize,
    pub letters: usize,
    pub binary: usize,
}

pub(crate) fn count(text: &str) -> TextCounts {
    let mut c = TextCounts::default();
    for ch in text.chars() {
        c.chars += 1;
        if ch.is_alphabetic() {
            c.letters += 1;
        } else if ch == '\u{FFFD}'
            || (ch.is_control() && !matches!(ch, '\n' | '\r' | '\t' | '\x0c'))
        {
            c.binary += 1;
        }
    }
    c
}

/// Fewer letters than this and a document's language is not judged (`"1.000"`, `"OK."`).
pub(crate) const MIN_LETTERS_TO_JUDGE: usize = 20;

impl DocumentPolicy {
    /// The checks that need only the text; `counts` from [`count`].
    pub(crate) fn admit(
        &self,
        doc: crate::DocumentRef<'_>,
        counts: TextCounts,
    ) -> Result<(), DocumentError> {
        if doc.text.len() > self.doc_size_limit {
            return Err(DocumentError::new(
                doc.id,
                Stage::Input,
                "too_large",
                format!(
                    "the document has {} bytes, over the limit of {} (doc_size_limit, --doc-size-limit)",
                    doc.text.len(),
                    self.doc_size_limit
                ),
            ));
        }
        if self.reject_binary && counts.chars >= 32 && counts.binary * 10 > counts.chars {
            return Err(DocumentError::new(
                doc.id,
                Stage::Input,
                "binary_content",
                format!(
                    "{} of {} characters are control characters or U+FFFD: binary data, not text",
                    counts.binary, counts.chars
                ),
            ));
        }
        Ok(())
    }
}

pub use claimx_doc::Stage;

/// Which stage this thread runs, so that a panic can be charged to it.
pub(crate) trait StageTracking: Sized {
    /// Note that this thread now runs `self` on `text`, and fire any fault injected into it.
    fn enter(self, faults: &[FaultInjection], text: &str);
    /// The stage this thread entered last since [`StageTracking::reset`].
    fn current() -> Option<Self>;
    fn reset();
}

impl StageTracking for Stage {
    fn enter(self, faults: &[FaultInjection], text: &str) {
        CURRENT_STAGE.with(|c| c.set(Some(self)));
        FaultInjection::check(faults, self, text);
    }

    fn current() -> Option<Stage> {
        CURRENT_STAGE.with(|c| c.get())
    }

    fn reset() {
        CURRENT_STAGE.with(|c| c.set(None));
    }
}

thread_local! {
    static CURRENT_STAGE: std::cell::Cell<Option<Stage>> = const { std::cell::Cell::new(None) };
}

/// Makes one stage panic on every document (window, sentence or tagger call) whose text
/// contains `marker`. For testing that a panic fails only its document, from the library or
/// through `claimx extract --config`; off unless configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultInjection {
    /// The stage that panics.
    pub stage: Stage,
    /// The text that makes it panic.
    pub marker: String,
}

impl FaultInjection {
    fn check(faults: &[FaultInjection], stage: Stage, text: &str) {
        for f in faults {
            if f.stage == stage && !f.marker.is_empty() && text.contains(&f.marker) {
                panic!(
                    "fault injected into the {} stage (marker {:?})",
                    stage.name(),
                    f.marker
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimx_doc::Document;

    #[test]
    fn binary_and_size_checks() {
        let policy = DocumentPolicy {
            doc_size_limit: 100,
            ..Default::default()
        };
        let ok = Document::new(
            "ok",
            "Amazon\u{0} schließt.\u{1b}[0m Über 1.000 Mitarbeiter, sagte er.",
        );
        assert!(policy.admit((&ok).into(), count(&ok.text)).is_ok());
        let blob: String = (0..64u8).map(|b| (b % 32) as char).collect();
        let bin = Document::new("bin", blob);
        let e = policy.admit((&bin).into(), count(&bin.text)).unwrap_err();
        assert_eq!((e.id.as_str(), e.kind.as_str()), ("bin", "binary_content"));
        let big = Document::new("big", "x".repeat(101));
        let e = policy.admit((&big).into(), count(&big.text)).unwrap_err();
        assert_eq!(e.kind, "too_large");
        assert!(e.message.contains("101 bytes"), "{}", e.message);
    }
}
