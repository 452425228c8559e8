//! The claimx pipeline: composes the stages into one annotated document.
//!
//! `document → admission (limits, publication date, windows) → language identification →
//! sentence splitting → transformer tagger (batched across documents) → per sentence: entity
//! refinement (guideline spans) and figure recognition and normalisation → canonical names →
//! claim assembly`. Each stage is a small trait
//! with a serde-configurable implementation, so a [`PipelineConfig`] read from JSON fully
//! describes a pipeline. Stages never reach back into one another: each sees the original
//! text and the results of the stages before it.
//!
//! ```
//! use claimx_core::Pipeline;
//! use claimx_doc::Document;
//!
//! let doc = Document::new("d1", "Amazon hatte über 1.000 Mitarbeiter.").with_published("2025-07-24");
//! let record = Pipeline::rules_only().extract(&doc).unwrap(); // `Pipeline::default()`: with the model
//! assert_eq!(record.figures[0].text, "über 1.000");
//! assert_eq!(record.claims.len(), 1);
//! ```

use chrono::NaiveDate;
use claimx_claims::ClaimAssembly;
use claimx_doc::{
    AnnotatedDocument, Document, Entity, EntityType, Figure, FigureType, Lang, LanguageSegment,
    OffsetIndex, Provenance, Published, Sentence, Word,
};
use claimx_entities::{EntityRefinement, EntityRefiner, EntitySpan};
use claimx_figures::{FigureExtraction, FigureMatch, FigureProposal};
use claimx_langid::LanguageIdentification;
use claimx_sentences::SentenceSegmenter;
use claimx_tagger::{Analysis, Tagger, TaggerError};
use rayon::prelude::*;
use std::sync::Arc;

mod config;
mod guard;
mod pipe;
mod policy;
mod published;
mod timings;
mod windows;

pub use claimx_doc::DocumentError;
pub use claimx_entities;
pub use claimx_tagger;
pub use config::{ConfigError, FigureSource, PipelineConfig, TaggerConfig, TaggerModel};
use guard::{panic_message, stage};
pub use pipe::{Pipe, PipeOptions, Piped, MODEL_BATCH_BYTES, RULES_BATCH_BYTES};
use policy::StageTracking;
pub use policy::{
    DocumentPolicy, FaultInjection, Stage, DEFAULT_DOC_SIZE_LIMIT, DEFAULT_MAX_DOC_BYTES,
};
pub use timings::{StageTimes, STAGES};
pub use windows::windows;
use windows::{add_segment_bytes, main_by_bytes, merge_windows, Window};

/// The whole pipeline: text stages, tagger, claim assembly.
pub struct Pipeline {
    policy: DocumentPolicy,
    faults: Vec<FaultInjection>,
    language: Box<dyn LanguageIdentification>,
    sentences: Box<dyn SentenceSegmenter>,
    figures: Box<dyn FigureExtraction>,
    tagger: Option<Arc<Tagger>>,
    figure_source: FigureSource,
    syntax: bool,
    entities: Box<dyn EntityRefinement>,
    claims: Box<dyn ClaimAssembly>,
    clock: timings::StageClock,
    /// Bytes of documents done without a tagger (with one, the tagger counts).
    done_bytes: std::sync::atomic::AtomicU64,
}

impl Default for Pipeline {
    /// The shipped pipeline with the embedded default model (rules only when the crate is
    /// built without the `default-model` feature).
    fn default() -> Self {
        Pipeline::from_config(PipelineConfig::default())
            .expect("the embedded default model loads (tested in claimx-core)")
    }
}

impl Pipeline {
    /// Build every stage from its configuration; loading the tagger model can fail, and the
    /// error names the file and what is wrong with it.
    pub fn from_config(config: PipelineConfig) -> Result<Self, TaggerError> {
        let tagger = config::load_tagger(&config.tagger)?.map(Arc::new);
        Ok(Pipeline {
            policy: config.input,
            faults: config.faults,
            language: Box::new(config.language),
            sentences: Box::new(config.sentences),
            figures: Box::new(config.figures),
            tagger,
            figure_source: config.tagger.figures,
            syntax: config.tagger.syntax,
            entities: Box::new(config.entities),
            claims: Box::new(config.claims),
            clock: Default::default(),
            done_bytes: Default::default(),
        })
    }

    /// Time spent in each stage since this pipeline was built (see [`StageTimes`]).
    pub fn stage_times(&self) -> StageTimes {
        self.clock.read()
    }

    /// The text stages and rule-based claims without a transformer: fast, and what the
    /// robustness tests over huge inputs use.
    pub fn rules_only() -> Self {
        let mut config = PipelineConfig::default();
        config.tagger.model = TaggerModel::None;
        Pipeline::from_config(config).expect("no model to load")
    }

    /// Build from stage implementations of one's own.
    pub fn from_stages(
        language: Box<dyn LanguageIdentification>,
        sentences: Box<dyn SentenceSegmenter>,
        figures: Box<dyn FigureExtraction>,
        tagger: Option<Arc<Tagger>>,
        claims: Box<dyn ClaimAssembly>,
    ) -> Self {
        Pipeline {
            policy: DocumentPolicy::default(),
            faults: Vec::new(),
            language,
            sentences,
            figures,
            tagger,
            figure_source: FigureSource::Rules,
            syntax: true,
            entities: Box::new(EntityRefiner::default()),
            claims,
            clock: Default::default(),
            done_bytes: Default::default(),
        }
    }

    /// Bytes of text annotated since the pipeline was built, for a progress display: with a
    /// tagger, the text it has analysed (it moves while a batch runs); without, the text of
    /// the documents done.
    pub fn progress_bytes(&self) -> u64 {
        match &self.tagger {
            Some(t) => t.analysed_bytes(),
            None => self.done_bytes.load(std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Replace the document policy (limits, windows, checks).
    pub fn with_policy(mut self, policy: DocumentPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// The document policy in force.
    pub fn policy(&self) -> &DocumentPolicy {
        &self.policy
    }

    /// Replace the entity stage (the guideline rules of [`EntityRefiner`] by default).
    pub fn with_entity_stage(mut self, entities: Box<dyn EntityRefinement>) -> Self {
        self.entities = entities;
        self
    }

    /// The loaded tagger, if any.
    pub fn tagger(&self) -> Option<&Tagger> {
        self.tagger.as_deref()
    }

    /// Annotate one document.
    pub fn extract(&self, doc: &Document) -> Result<AnnotatedDocument, DocumentError> {
        self.run(&[doc.into()], false).pop().unwrap()
    }

    /// Annotate one document; a panic inside any stage becomes an error for this document
    /// (stage `pipeline`, kind `panic`) instead of taking the process down.
    pub fn extract_guarded(&self, doc: &Document) -> Result<AnnotatedDocument, DocumentError> {
        self.run(&[doc.into()], true).pop().unwrap()
    }

    /// Annotate many documents; results keep the input order. The text stages and claim
    /// assembly run per document in parallel (rayon); the tagger sees the sentences of all
    /// documents at once, so its batches are formed by length across documents. Each
    /// document is guarded as in [`Pipeline::extract_guarded`].
    pub fn extract_batch(
        &self,
        docs: &[Document],
    ) -> Vec<Result<AnnotatedDocument, DocumentError>> {
        self.run(
            &docs.iter().map(DocumentRef::from).collect::<Vec<_>>(),
            true,
        )
    }

    /// [`Pipeline::extract_batch`] over borrowed documents (a reader's batch, say).
    pub fn extract_batch_refs(
        &self,
        docs: &[&Document],
    ) -> Vec<Result<AnnotatedDocument, DocumentError>> {
        let views: Vec<DocumentRef<'_>> = docs.iter().map(|d| DocumentRef::from(*d)).collect();
        self.run(&views, true)
    }

    /// [`Pipeline::extract_batch`] over borrowed text (an Arrow column, a memory map): no
    /// document text is copied.
    pub fn extract_views(
        &self,
        docs: &[DocumentRef<'_>],
    ) -> Vec<Result<AnnotatedDocument, DocumentError>> {
        self.run(docs, true)
    }

    fn run(
        &self,
        docs: &[DocumentRef<'_>],
        guarded: bool,
    ) -> Vec<Result<AnnotatedDocument, DocumentError>> {
        // Documents are admitted (limits, publication date, windows) first; the stages then
        // run on windows, so a huge document is as parallel as many small ones.
        let mut state: Vec<Result<Admitted, DocumentError>> = docs
            .par_iter()
            .map(|d| self.clock.time(0, || stage(guarded, d, || self.admit(*d))))
            .collect();
        let mut units: Vec<Window<'_>> = Vec::new();
        for (i, a) in state.iter().enumerate() {
            let Ok(a) = a else { continue };
            let text = docs[i].text;
            let mut char_start = 0;
            for (k, &(s, e)) in a.windows.iter().enumerate() {
                units.push(Window {
                    doc: i,
                    text: &text[s..e],
                    byte_start: s,
                    char_start,
                });
                if k + 1 < a.windows.len() {
                    char_start += text[s..e].chars().count();
                }
            }
        }
        let partial: Vec<Result<TextStages<'_>, DocumentError>> = units
            .par_iter()
            .map(|u| {
                let reference = state[u.doc].as_ref().ok().and_then(|a| a.reference);
                self.clock.time(1, || {
                    stage(guarded, &docs[u.doc], || self.text_stages(u, reference))
                })
            })
            .collect();
        for (u, p) in units.iter().zip(&partial) {
            if let (Err(e), Ok(_)) = (p, &state[u.doc]) {
                state[u.doc] = Err(e.clone());
            }
        }
        self.check_languages(docs, &units, &partial, &mut state);

        // a window goes on only while its document is sound (a failed window failed it)
        let live: Vec<bool> = units.iter().map(|u| state[u.doc].is_ok()).collect();
        let tags: Vec<Tags> = match &self.tagger {
            Some(tagger) => {
                let texts: Vec<Vec<&str>> = (0..units.len())
                    .map(|i| match (&partial[i], live[i]) {
                        (Ok(p), true) => p.sentences.iter().map(|s| s.span.slice(p.text)).collect(),
                        _ => Vec::new(),
                    })
                    .collect();
                // the words the syntax heads parse, per sentence (none when off)
                let parse = self.syntax && tagger.syntax().is_some();
                let words: Vec<Vec<Vec<(usize, usize)>>> = (0..units.len())
                    .into_par_iter()
                    .map(|i| match (&partial[i], live[i], parse) {
                        (Ok(p), true, true) => self.clock.time(2, || {
                            p.sentences
                                .iter()
                                .map(|s| {
                                    claimx_lang::words::syntax_words(s.span.slice(p.text), s.lang)
                                })
                                .collect()
                        }),
                        _ => Vec::new(),
                    })
                    .collect();
                let ids: Vec<&str> = units.iter().map(|u| docs[u.doc].id).collect();
                self.clock
                    .time(3, || self.tag_windows(tagger, &ids, &texts, words))
            }
            None => units.iter().map(|_| Ok(Vec::new())).collect(),
        };
        let finished: Vec<Option<Result<AnnotatedDocument, DocumentError>>> = units
            .par_iter()
            .zip(partial)
            .zip(tags)
            .zip(live)
            .map(|(((u, partial), tags), live)| {
                let (Ok(partial), true) = (partial, live) else {
                    return None;
                };
                let doc = &docs[u.doc];
                Some(tags.and_then(|tags| {
                    stage(guarded, doc, || Ok(self.finish(doc.id, u, partial, tags)))
                }))
            })
            .collect();

        let mut parts: Vec<Vec<(&Window<'_>, AnnotatedDocument)>> =
            docs.iter().map(|_| Vec::new()).collect();
        for (u, r) in units.iter().zip(finished) {
            match r {
                Some(Ok(a)) => parts[u.doc].push((u, a)),
                Some(Err(e)) if state[u.doc].is_ok() => state[u.doc] = Err(e),
                Some(Err(_)) | None => {}
            }
        }
        if self.tagger.is_none() {
            let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
            self.done_bytes
                .fetch_add(bytes as u64, std::sync::atomic::Ordering::Relaxed);
        }
        state
            .into_iter()
            .zip(parts)
            .zip(docs)
            .map(|((a, parts), doc)| {
                a.map(|a| {
                    self.clock
                        .time(6, || merge_windows(*doc, a.published, parts))
                })
            })
            .collect()
    }

    /// Limits, binary content, publication date and windows of one document.
    fn admit(&self, doc: DocumentRef<'_>) -> Result<Admitted, DocumentError> {
        Stage::Input.enter(&self.faults, doc.text);
        let counts = policy::count(doc.text);
        self.policy.admit(doc, counts)?;
        let published = published::resolve_published(doc, self.figures.as_ref())?;
        let reference = published
            .as_ref()
            .and_then(|p| NaiveDate::parse_from_str(&p.date, "%Y-%m-%d").ok());
        Ok(Admitted {
            published,
            reference,
            letters: counts.letters,
            windows: windows(doc.text, self.policy.max_doc_bytes),
        })
    }

    /// Documents in none of the served languages fail here, before the tagger spends time
    /// on them (when the policy says so).
    fn check_languages(
        &self,
        docs: &[DocumentRef<'_>],
        units: &[Window<'_>],
        partial: &[Result<TextStages<'_>, DocumentError>],
        state: &mut [Result<Admitted, DocumentError>],
    ) {
        if !self.policy.reject_unsupported_language {
            return;
        }
        let mut bytes: Vec<Vec<(Lang, usize)>> = docs.iter().map(|_| Vec::new()).collect();
        for (u, p) in units.iter().zip(partial) {
            if let Ok(p) = p {
                add_segment_bytes(&mut bytes[u.doc], &p.segments);
            }
        }
        for (i, doc) in docs.iter().enumerate() {
            let Ok(a) = &state[i] else { continue };
            if a.letters < policy::MIN_LETTERS_TO_JUDGE
                || main_by_bytes(&bytes[i]).is_some_and(|l| l != Lang::Other)
            {
                continue;
            }
            // a mixed text: say how much of it is in the served languages, and name the
            // text's language only when that is not one of them (a guess over a mixed text
            // may name the one served language in it)
            let total: usize = bytes[i].iter().map(|t| t.1).sum();
            let served: Vec<(Lang, usize)> = bytes[i]
                .iter()
                .filter(|t| t.0 != Lang::Other && t.1 > 0 && total > 0)
                .map(|t| (t.0, (100 * t.1).div_ceil(total)))
                .collect();
            let sample = &doc.text[..claimx_doc::floor_char_boundary(doc.text, 16 * 1024)];
            let name = self
                .language
                .language_name(sample)
                .filter(|n| !["German", "English", "Chinese", "Mandarin"].contains(&n.as_str()));
            let parts = served
                .iter()
                .map(|(l, p)| format!("{} {p} %", l.code()))
                .collect::<Vec<_>>()
                .join(", ");
            let guess = match (name, served.is_empty()) {
                (Some(n), true) => format!(" (it reads as {n})"),
                (Some(n), false) => {
                    format!(" (it reads as {n}; the parts in supported languages: {parts})")
                }
                (None, false) => format!(" (the parts in supported languages: {parts})"),
                (None, true) => String::new(),
            };
            state[i] = Err(DocumentError::new(
                doc.id,
                Stage::Language,
                "unsupported_language",
                format!(
                    "the document is in none of the supported languages de, en, zh{guess}; set input.reject_unsupported_language to false to annotate it anyway"
                ),
            ));
        }
    }

    /// Language and sentences of one window.
    fn text_stages<'a>(
        &self,
        window: &Window<'a>,
        reference: Option<NaiveDate>,
    ) -> Result<TextStages<'a>, DocumentError> {
        let text = window.text;
        let index = OffsetIndex::new(text);
        Stage::Language.enter(&self.faults, text);
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
        // Sentences and segments are both in text order: walk them together.
        let mut seg = 0usize;
        Stage::Sentences.enter(&self.faults, text);
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
            sentences.push(Sentence {
                span: index.span(b.start, b.end),
                boilerplate: b.boilerplate,
                lang,
                words: Vec::new(),
            });
        }
        // a window's lists live until its whole document is merged, with every other
        // window's: a list grown by doubling would hold up to twice its length meanwhile
        sentences.shrink_to_fit();
        Ok(TextStages {
            text,
            index,
            reference,
            lang: report.lang,
            languages: report.languages,
            segments,
            sentences,
        })
    }

    /// Entities and figures of each sentence (the tagger's spans, the entity and figure
    /// stages), then claims, for one window (offsets relative to the window).
    fn finish(
        &self,
        id: &str,
        window: &Window<'_>,
        p: TextStages<'_>,
        tags: Vec<Analysis>,
    ) -> AnnotatedDocument {
        let text = window.text;
        let index = &p.index;
        let mut entities = Vec::new();
        let mut figures = Vec::new();
        let mut sentences = p.sentences;
        let started = std::time::Instant::now();
        // the tagger's words move into the record: their labels are not copied (two small
        // strings a word, a large part of a batch's memory with the syntax heads on)
        let tags = tags
            .into_iter()
            .chain(std::iter::repeat_with(Analysis::default));
        for (sentence, analysis) in sentences.iter_mut().zip(tags) {
            let Analysis { spans, words } = analysis;
            let base = sentence.span.byte_start;
            sentence.words = words
                .into_iter()
                .map(|w| Word {
                    span: index.span(base + w.start, base + w.end),
                    upos: w.upos,
                    head: w.head,
                    deprel: w.deprel,
                    // three decimals, as entity scores: stable across CPUs' rounding
                    score: (w.head_score * 1000.0).round() / 1000.0,
                })
                .collect();
            let sentence_text = &text[base..sentence.span.byte_end];
            let first_entity = entities.len();
            // no tagger, no entities: the refiner's rules shape tagger output, they are not
            // an entity recogniser of their own
            if self.tagger.is_some() {
                let found: Vec<EntitySpan> = spans
                    .iter()
                    .filter_map(|t| {
                        Some(EntitySpan {
                            start: t.start,
                            end: t.end,
                            kind: EntityType::from_label(&t.label)?,
                            score: t.score,
                        })
                    })
                    .collect();
                Stage::Entities.enter(&self.faults, sentence_text);
                for m in self.entities.refine(sentence_text, sentence.lang, &found) {
                    let (s, e) = (base + m.start, base + m.end);
                    entities.push(Entity {
                        span: index.span(s, e),
                        text: text[s..e].into(),
                        kind: m.kind,
                        // three decimals: records stay stable across CPUs' float rounding
                        score: (m.score * 1000.0).round() / 1000.0,
                        canonical: text[s..e].into(),
                    });
                }
            }
            let proposals: Vec<FigureProposal> = match self.figure_source {
                FigureSource::RulesAndTagger => spans
                    .iter()
                    .filter(|t| FigureType::from_label(&t.label).is_some())
                    .map(|t| FigureProposal {
                        start: t.start,
                        end: t.end,
                    })
                    .collect(),
                FigureSource::Rules => Vec::new(),
            };
            Stage::Figures.enter(&self.faults, sentence_text);
            // a count inside a name is part of the name (`Android 5.1`, `Formel 1`); an
            // "entity" of digits alone is the tagger's mistake, not a name
            let names = &entities[first_entity..];
            let in_name = |f: &FigureMatch| {
                matches!(f.kind, FigureType::Cardinal | FigureType::Ordinal)
                    && names.iter().any(|e| {
                        e.span.byte_start <= base + f.start
                            && base + f.end <= e.span.byte_end
                            && e.text.chars().any(char::is_alphabetic)
                    })
            };
            for f in self
                .figures
                .sentence(sentence_text, sentence.lang, p.reference, &proposals)
            {
                if !in_name(&f) {
                    figures.push(figure_at(index, text, base, f, sentence.lang));
                }
            }
        }
        figures.sort_by_key(|f| (f.span.byte_start, f.span.byte_end));
        // `Vorjahr`, `a year earlier`: counted from the period the document reports on,
        // which only the whole text tells
        let sentence_spans: Vec<claimx_doc::Span> = sentences.iter().map(|s| s.span).collect();
        claimx_figures::resolve_period_shifts_in_sentences(text, &mut figures, &sentence_spans);
        // a bare `元` in a Hong Kong or Macau paper is its own dollar, which only the whole
        // text tells (`本港`)
        if let Some(code) = claimx_lang::zh::local_currency(text) {
            let renminbi = |f: &Figure| {
                // in either script: a Hong Kong paper writes `人民幣`
                let before = text[..f.span.byte_start].trim_end();
                ["人民币", "人民幣"]
                    .iter()
                    .any(|r| f.text.contains(r) || before.ends_with(r))
            };
            // an amount whose currency the text leaves unsaid (`尺价近7万`) is the paper's too
            let unsaid = |f: &Figure| {
                f.text.ends_with(|c: char| {
                    c.is_ascii_digit()
                        || claimx_lang::numbers::is_zh_numeral(c)
                        || matches!(c, '余' | '多' | '许')
                })
            };
            for f in figures.iter_mut().filter(|f| {
                f.unit.as_deref() == Some("CNY")
                    && (f.text.ends_with('元') || unsaid(f))
                    && !renminbi(f)
            }) {
                f.unit = Some(code.into());
            }
        }
        self.entities.canonicalize(text, &mut entities);
        self.entities
            .propagate(text, index, &sentences, &mut entities);
        self.clock.add(4, started.elapsed());
        Stage::Claims.enter(&self.faults, text);
        let mut claims = self.clock.time(5, || {
            self.claims.assemble(text, &sentences, &figures, &entities)
        });
        // kept until the document's last window is done (see `text_stages`)
        entities.shrink_to_fit();
        figures.shrink_to_fit();
        claims.shrink_to_fit();
        AnnotatedDocument {
            id: id.to_string(),
            char_len: index.char_len(),
            byte_len: text.len(),
            published: None,
            lang: p.lang,
            languages: p.languages,
            segments: p.segments,
            sentences,
            entities,
            figures,
            claims,
            provenance: Provenance::default(),
        }
    }

    /// Tag (and parse) the sentences of all windows in one call; if that fails, window by
    /// window, so a failure is charged to the document that caused it.
    fn tag_windows(
        &self,
        tagger: &Tagger,
        ids: &[&str],
        texts: &[Vec<&str>],
        words: Vec<Vec<Vec<(usize, usize)>>>,
    ) -> Vec<Tags> {
        // Err: (error kind, message)
        let attempt = |texts: &[&str],
                       words: &[Vec<(usize, usize)>]|
         -> Result<Vec<Analysis>, (&str, String)> {
            let call = || {
                for t in texts {
                    Stage::Tagger.enter(&self.faults, t);
                }
                tagger.analyze(texts, words)
            };
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(call)) {
                Ok(Ok(tags)) => Ok(tags),
                Ok(Err(e)) => Err(("model", e.to_string())),
                Err(payload) => Err((
                    "panic",
                    format!("the tagger panicked: {}", panic_message(payload)),
                )),
            }
        };
        let all: Vec<&str> = texts.iter().flatten().copied().collect();
        // words line up with sentences; a window without words asked gets empty lists (moved,
        // not copied: a batch's words are some 16 bytes per byte of text)
        let mut words = words.into_iter();
        let all_words: Vec<Vec<(usize, usize)>> = texts
            .iter()
            .flat_map(|t| {
                let mut w = words.next().unwrap_or_default().into_iter();
                (0..t.len()).map(move |_| w.next().unwrap_or_default())
            })
            .collect();
        if let Ok(mut tags) = attempt(&all, &all_words) {
            let mut rest = tags.drain(..);
            return texts
                .iter()
                .map(|t| Ok(rest.by_ref().take(t.len()).collect()))
                .collect();
        }
        let mut first = 0;
        texts
            .iter()
            .zip(ids)
            .map(|(t, id)| {
                let w = &all_words[first..first + t.len()];
                first += t.len();
                attempt(t, w).map_err(|(kind, m)| DocumentError::new(id, Stage::Tagger, kind, m))
            })
            .collect()
    }
}

/// A document as the pipeline reads it, borrowed: text held elsewhere (an Arrow column, a
/// memory map) is annotated without being copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentRef<'a> {
    /// The document's id.
    pub id: &'a str,
    /// The document's text.
    pub text: &'a str,
    /// ISO 8601 publication date, as in [`Document::published`].
    pub published: Option<&'a str>,
    /// Title, URL and outlet, as in [`Document`]: copied into the record.
    pub title: Option<&'a str>,
    /// The URL.
    pub url: Option<&'a str>,
    /// The outlet.
    pub source: Option<&'a str>,
}

impl<'a> DocumentRef<'a> {
    /// A document with an id and a text, nothing else.
    pub fn new(id: &'a str, text: &'a str) -> Self {
        DocumentRef {
            id,
            text,
            published: None,
            title: None,
            url: None,
            source: None,
        }
    }

    fn provenance(&self) -> Provenance {
        Provenance {
            title: self.title.map(str::to_string),
            url: self.url.map(str::to_string),
            source: self.source.map(str::to_string),
        }
    }
}

impl<'a> From<&'a Document> for DocumentRef<'a> {
    fn from(d: &'a Document) -> Self {
        DocumentRef {
            id: &d.id,
            text: &d.text,
            published: d.published.as_deref(),
            title: d.title.as_deref(),
            url: d.url.as_deref(),
            source: d.source.as_deref(),
        }
    }
}

/// A document past the policy checks, with what its windows share.
struct Admitted {
    published: Option<Published>,
    reference: Option<NaiveDate>,
    letters: usize,
    windows: Vec<(usize, usize)>,
}

/// What the text stages found in one window, waiting for the tagger.
struct TextStages<'a> {
    text: &'a str,
    index: OffsetIndex<'a>,
    reference: Option<NaiveDate>,
    lang: Lang,
    languages: Vec<Lang>,
    segments: Vec<LanguageSegment>,
    sentences: Vec<Sentence>,
}

/// A recogniser match at `offset` in `text` as a document figure.
fn figure_at(index: &OffsetIndex, text: &str, offset: usize, m: FigureMatch, lang: Lang) -> Figure {
    let (s, e) = (offset + m.start, offset + m.end);
    m.into_figure(&text[s..e], index.span(s, e), lang)
}

type Tags = Result<Vec<Analysis>, DocumentError>;

#[cfg(test)]
mod tests;
