//! Streaming: [`Pipeline::pipe`] annotates an iterator of documents batch by batch, in
//! order, holding one batch at a time.

use crate::Pipeline;
use claimx_doc::{AnnotatedDocument, Document, DocumentError};
use std::collections::VecDeque;

/// How [`Pipeline::pipe`] forms batches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PipeOptions {
    /// Documents annotated together (the tagger batches their sentences by length across
    /// documents; more documents, better batches, more memory).
    pub batch_size: usize,
    /// A batch also closes once its texts reach this many bytes, so memory is bounded by
    /// bytes as well as by documents.
    pub batch_bytes: usize,
}

impl Default for PipeOptions {
    fn default() -> Self {
        PipeOptions {
            batch_size: 256,
            batch_bytes: RULES_BATCH_BYTES,
        }
    }
}

/// One item of [`Pipeline::pipe`]'s output.
#[derive(Debug)]
pub struct Piped {
    /// The input document, given back (writers need its text for claim rows); `None` when
    /// the input item was already an error.
    pub input: Option<Document>,
    /// Its record, or the error record for it.
    pub result: Result<AnnotatedDocument, DocumentError>,
    /// The last item of its batch: a writer that flushes here loses at most the batch in
    /// flight when the process is killed.
    pub batch_end: bool,
}

/// The iterator [`Pipeline::pipe`] returns.
pub struct Pipe<'p, I> {
    pipeline: &'p Pipeline,
    items: I,
    options: PipeOptions,
    ready: VecDeque<Piped>,
}

/// Text bytes after which a batch closes without a model: the rules cost a few bytes per
/// byte of text.
pub const RULES_BATCH_BYTES: usize = 64 << 20;

/// The same with a model: a batch's tags and parsed words cost some 100 bytes per byte of
/// text (`docs/robustness.md`); 4 MiB still holds hundreds of news articles, which is all the
/// tagger's length batching needs.
pub const MODEL_BATCH_BYTES: usize = 4 << 20;

impl Pipeline {
    /// The text bytes after which a batch of this pipeline should close, so that memory is
    /// bounded by the batch: [`MODEL_BATCH_BYTES`] with a model, else [`RULES_BATCH_BYTES`].
    ///
    /// ```
    /// use claimx_core::{Pipeline, RULES_BATCH_BYTES};
    /// assert_eq!(Pipeline::rules_only().batch_bytes(), RULES_BATCH_BYTES);
    /// ```
    pub fn batch_bytes(&self) -> usize {
        if self.tagger().is_some() {
            MODEL_BATCH_BYTES
        } else {
            RULES_BATCH_BYTES
        }
    }

    /// Annotate a stream of documents (as readers yield them: a document or an error record
    /// for one), batch by batch, as spaCy's `nlp.pipe` does: results come back in input
    /// order, one per input item, and memory holds one batch, so the stream may be longer
    /// than memory. Each batch runs as [`Pipeline::extract_batch`] does (in parallel, in the
    /// current rayon pool, each document guarded).
    ///
    /// ```
    /// use claimx_core::{Pipeline, PipeOptions};
    /// use claimx_doc::Document;
    ///
    /// let pipeline = Pipeline::rules_only();
    /// let docs = (0..1000).map(|i| Ok(Document::new(i.to_string(), format!("Über {i}.000 Mitarbeiter."))));
    /// let options = PipeOptions { batch_size: 64, ..PipeOptions::default() };
    /// let values: Vec<f64> = pipeline
    ///     .pipe(docs, options)
    ///     .map(|p| p.result.unwrap().figures[0].value.clone().unwrap().as_f64().unwrap())
    ///     .collect();
    /// assert_eq!(values.len(), 1000);
    /// assert_eq!(values[7], 7000.0);
    /// ```
    pub fn pipe<I>(&self, items: I, options: PipeOptions) -> Pipe<'_, I::IntoIter>
    where
        I: IntoIterator<Item = Result<Document, DocumentError>>,
    {
        Pipe {
            pipeline: self,
            items: items.into_iter(),
            options: PipeOptions {
                batch_size: options.batch_size.max(1),
                batch_bytes: options.batch_bytes.max(1),
            },
            ready: VecDeque::new(),
        }
    }
}

impl<I> Pipe<'_, I>
where
    I: Iterator<Item = Result<Document, DocumentError>>,
{
    /// Read the next batch from the input and annotate it.
    fn fill(&mut self) {
        let mut batch = Vec::new();
        let mut bytes = 0usize;
        while batch.len() < self.options.batch_size && bytes < self.options.batch_bytes {
            let Some(item) = self.items.next() else { break };
            bytes += item.as_ref().map_or(0, |d| d.text.len());
            batch.push(item);
        }
        let docs: Vec<&Document> = batch.iter().filter_map(|i| i.as_ref().ok()).collect();
        let mut results = self.pipeline.extract_batch_refs(&docs).into_iter();
        let n = batch.len();
        for (k, item) in batch.into_iter().enumerate() {
            let (input, result) = match item {
                Ok(d) => (Some(d), results.next().expect("one result per document")),
                Err(e) => (None, Err(e)),
            };
            self.ready.push_back(Piped {
                input,
                result,
                batch_end: k + 1 == n,
            });
        }
    }
}

impl<I> Iterator for Pipe<'_, I>
where
    I: Iterator<Item = Result<Document, DocumentError>>,
{
    type Item = Piped;

    fn next(&mut self) -> Option<Piped> {
        if self.ready.is_empty() {
            self.fill();
        }
        self.ready.pop_front()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimx_doc::Stage;

    /// A stream longer than a batch: every item once, in order, errors in place, batches
    /// closed by count and by bytes, and no more read ahead than one batch.
    #[test]
    fn pipe_keeps_order_and_reads_one_batch_ahead() {
        let pipeline = Pipeline::rules_only();
        let read = std::cell::Cell::new(0usize);
        let items = (0..100).map(|i| {
            read.set(read.get() + 1);
            if i % 10 == 3 {
                Err(DocumentError::new(
                    &format!("bad-{i}"),
                    Stage::Input,
                    "malformed_json",
                    "x",
                ))
            } else {
                let text = if i == 50 {
                    "x".repeat(500)
                } else {
                    format!("Über {i} Mitarbeiter.")
                };
                Ok(Document::new(format!("doc-{i}"), text))
            }
        });
        let options = PipeOptions {
            batch_size: 8,
            batch_bytes: 400,
        };
        let mut out = Vec::new();
        for p in pipeline.pipe(items, options) {
            assert!(
                read.get() <= out.len() + 8,
                "read ahead {} at {}",
                read.get(),
                out.len()
            );
            out.push(p);
        }
        assert_eq!(out.len(), 100);
        for (i, p) in out.iter().enumerate() {
            match &p.result {
                Ok(d) => assert_eq!(d.id, format!("doc-{i}")),
                Err(e) => {
                    assert_eq!(e.id, format!("bad-{i}"));
                    assert!(p.input.is_none());
                }
            }
        }
        // the long document closes its batch early (400 bytes)
        assert!(out[50].batch_end);
        assert_eq!(out.iter().filter(|p| p.batch_end).count(), 14);
    }
}
