//! The claimx pipeline: composes the stages into one annotated document.
//!
//! `document → language identification → sentence splitting → figure recognition and
//! normalisation → transformer tagger (entities; batched across documents) → entity
//! refinement (guideline spans) → claim assembly`. Each stage is a small trait
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
use claimx_claims::{ClaimAssembler, ClaimAssembly};
use claimx_doc::{
    AnnotatedDocument, DateSource, Document, Entity, EntityType, Figure, FigureType, Lang,
    LanguageSegment, OffsetIndex, Published, Sentence,
};
use claimx_entities::{EntityRefinement, EntityRefiner, EntitySpan};
use claimx_figures::{find_dateline, FigureExtraction, FigureMatch, FigureRecognizer};
use claimx_langid::{LanguageIdentification, LanguageIdentifier};
use claimx_sentences::{SentenceSegmenter, SentenceSplitter};
use claimx_tagger::{TaggedSpan, Tagger, TaggerError, TaggerOptions};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

mod pipe;
mod policy;

pub use claimx_doc::DocumentError;
pub use claimx_entities;
pub use claimx_tagger;
pub use pipe::{Pipe, PipeOptions, Piped};
use policy::StageTracking;
pub use policy::{
    windows, DocumentPolicy, FaultInjection, Stage, DEFAULT_DOC_SIZE_LIMIT, DEFAULT_MAX_DOC_BYTES,
};

fn load_tagger(config: &TaggerConfig) -> Result<Option<Tagger>, TaggerError> {
    match &config.model {
        TaggerModel::None => Ok(None),
        TaggerModel::Dir(dir) => Tagger::from_dir(dir, config.options.clone()).map(Some),
        #[cfg(feature = "default-model")]
        TaggerModel::Default => Tagger::embedded(config.options.clone()).map(Some),
        #[cfg(not(feature = "default-model"))]
        TaggerModel::Default => Err(TaggerError::MissingFile {
            path: "<embedded default model: build claimx-core with feature default-model>".into(),
        }),
    }
}

/// Which token-classification model tags entities and figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaggerModel {
    /// The model compiled into the library (`models/claimx-tagger-small`).
    Default,
    /// A Hugging Face token-classification directory.
    Dir(PathBuf),
    /// No tagger: entities stay empty and figures come from the rules alone.
    None,
}

/// How tagger figure spans join the recogniser's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureSource {
    /// The rule recogniser's figures only (the tagger still supplies entities).
    Rules,
    /// The recogniser's figures plus tagger figure spans they miss and the recogniser can
    /// normalise (a figure without a value is not checkable).
    RulesAndTagger,
}

/// The tagger stage's settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct TaggerConfig {
    pub model: TaggerModel,
    pub options: TaggerOptions,
    pub figures: FigureSource,
}

impl Default for TaggerConfig {
    fn default() -> Self {
        TaggerConfig {
            model: if cfg!(feature = "default-model") {
                TaggerModel::Default
            } else {
                TaggerModel::None
            },
            options: TaggerOptions::default(),
            figures: FigureSource::Rules,
        }
    }
}

/// The configuration of every stage; `PipelineConfig::default()` is the shipped pipeline.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PipelineConfig {
    /// Size limits, windows and the checks every document passes first.
    pub input: DocumentPolicy,
    pub language: LanguageIdentifier,
    pub sentences: SentenceSplitter,
    pub figures: FigureRecognizer,
    pub tagger: TaggerConfig,
    pub entities: EntityRefiner,
    pub claims: ClaimAssembler,
    /// Testing aid: make stages panic on marked documents (none by default).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub faults: Vec<FaultInjection>,
}

/// A pipeline configuration (JSON) that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("not a pipeline configuration: {0}")]
    Json(#[from] serde_json::Error),
    /// A key no stage reads: a typo would otherwise leave the setting at its default.
    #[error("unknown configuration key `{0}`")]
    UnknownKey(String),
}

impl PipelineConfig {
    /// The configuration in a JSON text; fields left out keep their defaults, and a key that
    /// no stage reads is an error naming it (`tagger.bogus`).
    pub fn from_json(text: &str) -> Result<Self, ConfigError> {
        let mut unknown = Vec::new();
        let mut de = serde_json::Deserializer::from_str(text);
        let config: PipelineConfig =
            serde_ignored::deserialize(&mut de, |path| unknown.push(path.to_string()))?;
        de.end()?;
        match unknown.into_iter().next() {
            Some(key) => Err(ConfigError::UnknownKey(key)),
            None => Ok(config),
        }
    }
}

/// The whole pipeline: text stages, tagger, claim assembly.
pub struct Pipeline {
    policy: DocumentPolicy,
    faults: Vec<FaultInjection>,
    language: Box<dyn LanguageIdentification>,
    sentences: Box<dyn SentenceSegmenter>,
    figures: Box<dyn FigureExtraction>,
    tagger: Option<Arc<Tagger>>,
    figure_source: FigureSource,
    entities: Box<dyn EntityRefinement>,
    claims: Box<dyn ClaimAssembly>,
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
        let tagger = load_tagger(&config.tagger)?.map(Arc::new);
        Ok(Pipeline {
            policy: config.input,
            faults: config.faults,
            language: Box::new(config.language),
            sentences: Box::new(config.sentences),
            figures: Box::new(config.figures),
            tagger,
            figure_source: config.tagger.figures,
            entities: Box::new(config.entities),
            claims: Box::new(config.claims),
        })
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
            entities: Box::new(EntityRefiner::default()),
            claims,
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
            .map(|d| stage(guarded, d, || self.admit(*d)))
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
                stage(guarded, &docs[u.doc], || self.text_stages(u, reference))
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
                let ids: Vec<&str> = units.iter().map(|u| docs[u.doc].id).collect();
                self.tag_windows(tagger, &ids, &texts)
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
        state
            .into_iter()
            .zip(parts)
            .zip(docs)
            .map(|((a, parts), doc)| a.map(|a| merge_windows(*doc, a.published, parts)))
            .collect()
    }

    /// Limits, binary content, publication date and windows of one document.
    fn admit(&self, doc: DocumentRef<'_>) -> Result<Admitted, DocumentError> {
        Stage::Input.enter(&self.faults, doc.text);
        let counts = policy::count(doc.text);
        self.policy.admit(doc, counts)?;
        let published = resolve_published(doc)?;
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
            let sample = &doc.text[..claimx_doc::floor_char_boundary(doc.text, 16 * 1024)];
            let guess = claimx_langid::language_name(sample)
                .map(|n| format!(" (it reads as {n})"))
                .unwrap_or_default();
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

    /// Language, sentences and rule figures of one window.
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
        let mut figures = Vec::new();
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
            let sentence_text = &text[b.start..b.end];
            Stage::Figures.enter(&self.faults, sentence_text);
            for f in self.figures.extract(sentence_text, lang, reference) {
                figures.push(figure_at(&index, text, b.start, f, lang));
            }
            sentences.push(Sentence {
                span: index.span(b.start, b.end),
                boilerplate: b.boilerplate,
                lang,
            });
        }
        Ok(TextStages {
            text,
            index,
            reference,
            lang: report.lang,
            languages: report.languages,
            segments,
            sentences,
            figures,
        })
    }

    /// Entities and tagger figures from the sentence tags, then claims, for one window
    /// (offsets relative to the window).
    fn finish(
        &self,
        id: &str,
        window: &Window<'_>,
        p: TextStages<'_>,
        tags: Vec<Vec<TaggedSpan>>,
    ) -> AnnotatedDocument {
        let text = window.text;
        let index = &p.index;
        let mut entities = Vec::new();
        let mut figures = p.figures;
        let rule_figures = figures.len();
        for (sentence, spans) in p.sentences.iter().zip(&tags) {
            let base = sentence.span.byte_start;
            let sentence_text = &text[base..sentence.span.byte_end];
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
            // no tagger, no entities: the refiner's rules shape tagger output, they are not
            // an entity recogniser of their own
            let refined = match self.tagger {
                Some(_) => {
                    Stage::Entities.enter(&self.faults, sentence_text);
                    self.entities.refine(sentence_text, sentence.lang, &found)
                }
                None => Vec::new(),
            };
            for m in refined {
                let (s, e) = (base + m.start, base + m.end);
                entities.push(Entity {
                    span: index.span(s, e),
                    text: text[s..e].to_string(),
                    kind: m.kind,
                    // three decimals: records stay stable across CPUs' float rounding
                    score: (m.score * 1000.0).round() / 1000.0,
                    canonical: text[s..e].to_string(),
                });
            }
            for t in spans {
                let (s, e) = (base + t.start, base + t.end);
                if EntityType::from_label(&t.label).is_some() {
                    continue;
                }
                if self.figure_source != FigureSource::RulesAndTagger {
                    continue;
                }
                if figure_type(&t.label).is_none() {
                    continue;
                }
                let overlaps = figures[..rule_figures]
                    .iter()
                    .any(|f| f.span.byte_start < e && s < f.span.byte_end);
                if overlaps {
                    continue;
                }
                // a tagger figure counts only when the normaliser can read all of it, and
                // only as a whole number: "04" of "UTC+04:00" is not a figure of its own
                if splits_a_number(text, s, e) {
                    continue;
                }
                Stage::Figures.enter(&self.faults, &text[s..e]);
                let Some(read) = self
                    .figures
                    .extract(&text[s..e], sentence.lang, p.reference)
                    .into_iter()
                    .find(|m| m.start == 0 && m.end == e - s && m.value.is_some())
                else {
                    continue;
                };
                figures.push(figure_at(index, text, s, read, sentence.lang));
            }
        }
        figures.sort_by_key(|f| (f.span.byte_start, f.span.byte_end));
        claimx_entities::canonicalize(text, &mut entities);
        Stage::Claims.enter(&self.faults, text);
        let claims = self
            .claims
            .assemble(text, &p.sentences, &figures, &entities);
        AnnotatedDocument {
            id: id.to_string(),
            char_len: index.char_len(),
            byte_len: text.len(),
            published: None,
            lang: p.lang,
            languages: p.languages,
            segments: p.segments,
            sentences: p.sentences,
            entities,
            figures,
            claims,
        }
    }

    /// Tag the sentences of all windows in one call; if that fails, window by window, so a
    /// failure is charged to the document that caused it.
    fn tag_windows(&self, tagger: &Tagger, ids: &[&str], texts: &[Vec<&str>]) -> Vec<Tags> {
        // Err: (error kind, message)
        let attempt = |texts: &[&str]| -> Result<Vec<Vec<TaggedSpan>>, (&str, String)> {
            let call = || {
                for t in texts {
                    Stage::Tagger.enter(&self.faults, t);
                }
                tagger.tag(texts)
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
        if let Ok(mut tags) = attempt(&all) {
            let mut rest = tags.drain(..);
            return texts
                .iter()
                .map(|t| Ok(rest.by_ref().take(t.len()).collect()))
                .collect();
        }
        texts
            .iter()
            .zip(ids)
            .map(|(t, id)| {
                attempt(t).map_err(|(kind, m)| DocumentError::new(id, Stage::Tagger, kind, m))
            })
            .collect()
    }
}

/// A document as the pipeline reads it, borrowed: text held elsewhere (an Arrow column, a
/// memory map) is annotated without being copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentRef<'a> {
    pub id: &'a str,
    pub text: &'a str,
    /// ISO 8601 publication date, as in [`Document::published`].
    pub published: Option<&'a str>,
}

impl<'a> From<&'a Document> for DocumentRef<'a> {
    fn from(d: &'a Document) -> Self {
        DocumentRef {
            id: &d.id,
            text: &d.text,
            published: d.published.as_deref(),
        }
    }
}

/// A piece of one document that the stages run on: the whole text unless the document is
/// over `max_doc_bytes`.
struct Window<'a> {
    doc: usize,
    text: &'a str,
    byte_start: usize,
    char_start: usize,
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
    figures: Vec<Figure>,
}

/// Whether `text[s..e]` starts or ends inside a written number ("04" of "04:00", "000" of
/// "1,000").
fn splits_a_number(text: &str, s: usize, e: usize) -> bool {
    let digit_before = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
    };
    let digit_after = |at: usize| {
        text[at..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    };
    let joiner = |c: char| matches!(c, '.' | ',' | ':' | '\'');
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let cut_left =
        digit_before(s) || before.is_some_and(|c| joiner(c) && digit_before(s - c.len_utf8()));
    let cut_right =
        digit_after(e) || after.is_some_and(|c| joiner(c) && digit_after(e + c.len_utf8()));
    (cut_left && text[s..e].starts_with(|c: char| c.is_ascii_digit() || joiner(c)))
        || (cut_right && text[s..e].ends_with(|c: char| c.is_ascii_digit()))
}

/// A recogniser match at `offset` in `text` as a document figure.
fn figure_at(index: &OffsetIndex, text: &str, offset: usize, m: FigureMatch, lang: Lang) -> Figure {
    let (s, e) = (offset + m.start, offset + m.end);
    Figure {
        span: index.span(s, e),
        text: text[s..e].to_string(),
        kind: m.kind,
        value: m.value,
        upper: m.upper,
        bound: m.bound,
        unit: m.unit,
        lang,
    }
}

fn figure_type(label: &str) -> Option<FigureType> {
    Some(match label {
        "CARDINAL" => FigureType::Cardinal,
        "MONEY" => FigureType::Money,
        "PERCENT" => FigureType::Percent,
        "DATE" => FigureType::Date,
        "TIME" => FigureType::Time,
        "DURATION" => FigureType::Duration,
        "ORDINAL" => FigureType::Ordinal,
        "QUANTITY" => FigureType::Quantity,
        _ => return None,
    })
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

fn stage<T>(
    guarded: bool,
    doc: &DocumentRef<'_>,
    f: impl FnOnce() -> Result<T, DocumentError>,
) -> Result<T, DocumentError> {
    if guarded {
        guard(doc, f)
    } else {
        f()
    }
}

/// Run one document's stage; a panic becomes that document's error.
fn guard<T>(
    doc: &DocumentRef<'_>,
    f: impl FnOnce() -> Result<T, DocumentError>,
) -> Result<T, DocumentError> {
    Stage::reset();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let stage = Stage::current().unwrap_or(Stage::Pipeline);
        Err(DocumentError::new(
            doc.id,
            stage,
            "panic",
            format!("the {stage} stage panicked: {}", panic_message(payload)),
        ))
    })
}

type Tags = Result<Vec<Vec<TaggedSpan>>, DocumentError>;

/// One record from the records of a document's windows: offsets moved to the whole text,
/// claims pointing at the moved figures, segments of one language that meet at a window cut
/// joined, the main language by bytes. (Entity canonical names are found per window.)
fn merge_windows(
    doc: DocumentRef<'_>,
    published: Option<Published>,
    parts: Vec<(&Window<'_>, AnnotatedDocument)>,
) -> AnnotatedDocument {
    let single = parts.len() == 1;
    let mut parts = parts.into_iter();
    if single {
        let (_, mut a) = parts.next().expect("one part");
        a.published = published;
        return a;
    }
    let mut out = AnnotatedDocument {
        id: doc.id.to_string(),
        char_len: 0,
        byte_len: doc.text.len(),
        published,
        lang: Lang::Other,
        languages: Vec::new(),
        segments: Vec::new(),
        sentences: Vec::new(),
        entities: Vec::new(),
        figures: Vec::new(),
        claims: Vec::new(),
    };
    for (w, a) in parts {
        let (b, c) = (w.byte_start, w.char_start);
        out.char_len = c + a.char_len;
        for mut s in a.segments {
            shift(&mut s.span, b, c);
            match out.segments.last_mut() {
                Some(last) if last.lang == s.lang && last.span.byte_end == s.span.byte_start => {
                    last.span.end = s.span.end;
                    last.span.byte_end = s.span.byte_end;
                    last.confidence = last.confidence.min(s.confidence);
                }
                _ => out.segments.push(s),
            }
        }
        out.sentences.extend(a.sentences.into_iter().map(|mut s| {
            shift(&mut s.span, b, c);
            s
        }));
        out.entities.extend(a.entities.into_iter().map(|mut e| {
            shift(&mut e.span, b, c);
            e
        }));
        let figures_before = out.figures.len();
        out.figures.extend(a.figures.into_iter().map(|mut f| {
            shift(&mut f.span, b, c);
            f
        }));
        out.claims.extend(a.claims.into_iter().map(|mut cl| {
            shift(&mut cl.sentence, b, c);
            cl.figure = cl.figure.map(|i| i + figures_before);
            cl.time = cl.time.map(|i| i + figures_before);
            cl
        }));
    }
    let mut bytes = Vec::new();
    add_segment_bytes(&mut bytes, &out.segments);
    bytes.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    out.lang = bytes.first().map_or(Lang::Other, |b| b.0);
    out.languages = bytes.into_iter().map(|b| b.0).collect();
    out
}

fn shift(span: &mut claimx_doc::Span, bytes: usize, chars: usize) {
    span.start += chars;
    span.end += chars;
    span.byte_start += bytes;
    span.byte_end += bytes;
}

fn add_segment_bytes(totals: &mut Vec<(Lang, usize)>, segments: &[LanguageSegment]) {
    for s in segments {
        let n = s.span.byte_end - s.span.byte_start;
        match totals.iter_mut().find(|t| t.0 == s.lang) {
            Some(t) => t.1 += n,
            None => totals.push((s.lang, n)),
        }
    }
}

fn main_by_bytes(totals: &[(Lang, usize)]) -> Option<Lang> {
    totals.iter().max_by_key(|t| t.1).map(|t| t.0)
}

/// A date with a time of day as dumps write them: RFC 3339 (`2025-07-24T14:50:00+02:00`,
/// `…Z`), or a local time with `T` or a space, with or without seconds and fractions.
fn valid_date_time(p: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(p).is_ok()
        || chrono::DateTime::parse_from_str(p, "%Y-%m-%dT%H:%M:%S%.f%z").is_ok()
        || [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .any(|f| chrono::NaiveDateTime::parse_from_str(p, f).is_ok())
}

/// The publication date: the input's, else a dateline in the text.
fn resolve_published(doc: DocumentRef<'_>) -> Result<Option<Published>, DocumentError> {
    if let Some(p) = doc.published.map(str::trim).filter(|p| !p.is_empty()) {
        let date_part = p.get(..10).unwrap_or(p);
        let date = NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
            .ok()
            .filter(|_| p.len() == date_part.len() || valid_date_time(p));
        return match date {
            Some(d) => Ok(Some(Published {
                date: d.format("%Y-%m-%d").to_string(),
                source: DateSource::Input,
                span: None,
            })),
            None => Err(DocumentError::new(
                doc.id,
                Stage::Input,
                "bad_published",
                format!("published {p:?} is not an ISO 8601 date (YYYY-MM-DD[THH:MM:SS])"),
            )),
        };
    }
    Ok(find_dateline(doc.text).map(|(d, s, e)| Published {
        date: d.format("%Y-%m-%d").to_string(),
        source: DateSource::Dateline,
        span: Some(OffsetIndex::new(doc.text).span(s, e)),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("UTC+04:00", "04", true)]
    #[case("UTC+04:00", ":00", true)]
    #[case("über 1,000 Menschen", "000", true)]
    #[case("über 1,000 Menschen", "1", true)]
    #[case("über 1,000 Menschen", "1,000", false)]
    #[case("at 09:00, he said", "09:00", false)]
    #[case("2018 gegründet", "2018", false)]
    #[case("一项研究", "一项", false)]
    fn tagger_figures_never_split_a_number(
        #[case] text: &str,
        #[case] span: &str,
        #[case] splits: bool,
    ) {
        let s = text.find(span).unwrap();
        assert_eq!(splits_a_number(text, s, s + span.len()), splits);
    }

    #[test]
    fn offsets_agree_in_bytes_and_chars() {
        let doc = Document::new("t", "Amazon schließt das Labor. Über 1.000 Mitarbeiter sind betroffen.\n\n据报道，约3.5亿元。");
        let out = Pipeline::rules_only().extract(&doc).unwrap();
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

    #[rstest]
    #[case("2025-07-24", true)]
    #[case("2025-07-24T14:50:00", true)]
    #[case("2025-07-24T14:50:00.123Z", true)]
    #[case("2025-07-24T14:50:00+02:00", true)]
    #[case("2025-07-24T14:50:00+0200", true)]
    #[case("2025-07-24 14:50", true)]
    #[case("2025-07-24T25:99:99", false)]
    #[case("2025-07-24garbage", false)]
    #[case("2025-02-30", false)]
    fn published_dates_and_times(#[case] published: &str, #[case] ok: bool) {
        let doc = Document::new("d", "Text.").with_published(published);
        let out = Pipeline::rules_only().extract(&doc);
        match ok {
            true => assert_eq!(out.unwrap().published.unwrap().date, published[..10]),
            false => assert_eq!(out.unwrap_err().kind, "bad_published"),
        }
    }

    #[rstest]
    #[case("{}", None)]
    #[case(
        r#"{"tagger": {"figures": "rules_and_tagger"}, "input": {"max_doc_bytes": 4096}}"#,
        None
    )]
    #[case(r#"{"tagger": {"bogus": 1}}"#, Some("tagger.bogus"))]
    #[case(r#"{"sentence": {}}"#, Some("sentence"))]
    fn configuration_keys_no_stage_reads_are_errors(
        #[case] json: &str,
        #[case] unknown: Option<&str>,
    ) {
        match (PipelineConfig::from_json(json), unknown) {
            (Ok(_), None) => {}
            (Err(ConfigError::UnknownKey(k)), Some(want)) => assert_eq!(k, want),
            (other, _) => panic!("{json}: {other:?}"),
        }
    }

    #[test]
    fn bad_published_names_document() {
        let doc = Document::new("doc-7", "Text.").with_published("yesterday");
        let err = Pipeline::rules_only().extract(&doc).unwrap_err();
        assert_eq!(err.id, "doc-7");
        assert!(err.to_string().contains("doc-7"));
    }

    #[test]
    fn dateline_gives_publication_date() {
        let doc = Document::new(
            "d",
            "Cryptopolitan\n2025-07-23 09:50:44\n\nAmazon closed the lab on Monday.",
        );
        let out = Pipeline::rules_only().extract(&doc).unwrap();
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
            None,
            Box::new(ClaimAssembler::new()),
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
            (err.id.as_str(), err.stage.name(), err.kind.as_str()),
            ("b", "figures", "panic")
        );
        assert!(err.message.contains("on purpose"));
    }

    #[test]
    fn empty_and_blank_documents_are_sane() {
        for t in ["", "   \n\t  ", "\u{0}\u{1}\u{7f}"] {
            let out = Pipeline::rules_only()
                .extract(&Document::new("e", t))
                .unwrap();
            assert!(out.figures.is_empty());
            assert_eq!(out.byte_len, t.len());
        }
    }

    #[cfg(feature = "default-model")]
    #[test]
    fn embedded_model_tags_entities_in_each_language() {
        let pipeline = Pipeline::default();
        let docs = vec![
            Document::new(
                "en",
                "Amazon closed its lab in Shanghai, said Brad Glasser.",
            ),
            Document::new("de", "Laut Reuters schließt Amazon das Labor in Shanghai."),
            Document::new("zh", "据路透社报道，亚马逊关闭了上海的实验室。"),
        ];
        let want: [&[(&str, EntityType)]; 3] = [
            &[
                ("Amazon", EntityType::Org),
                ("Shanghai", EntityType::Loc),
                ("Brad Glasser", EntityType::Per),
            ],
            // (the model misses "Reuters" after "Laut": WikiANN has few attributions)
            &[("Amazon", EntityType::Org), ("Shanghai", EntityType::Loc)],
            &[("亚马逊", EntityType::Org), ("上海", EntityType::Loc)],
        ];
        for (out, want) in pipeline.extract_batch(&docs).into_iter().zip(want) {
            let out = out.unwrap();
            for (text, kind) in want {
                assert!(
                    out.entities
                        .iter()
                        .any(|e| e.text == *text && e.kind == *kind),
                    "{}: no {kind:?} {text:?} in {:?}",
                    out.id,
                    out.entities
                );
            }
            for e in &out.entities {
                let chars: String = out_text(&docs, &out.id)
                    .chars()
                    .skip(e.span.start)
                    .take(e.span.end - e.span.start)
                    .collect();
                assert_eq!(chars, e.text);
            }
        }
    }

    #[cfg(feature = "default-model")]
    fn out_text<'a>(docs: &'a [Document], id: &str) -> &'a str {
        &docs.iter().find(|d| d.id == id).unwrap().text
    }

    /// A long document annotated in small windows gives the record it gets whole, when the
    /// cuts fall between paragraphs.
    #[test]
    fn windows_give_the_whole_document_record() {
        let paragraphs = [
            "Amazon schließt sein Labor Nummer {i} in Shanghai. Das 2018 gegründete Zentrum hatte über 1.000 Mitarbeiter.",
            "The lab published more than {i} papers, which Wang claimed helped generate nearly $1 billion in revenue.",
            "据报道，该实验室去年获得约{i}亿元投资。员工超过1000人。",
        ];
        let text: String = (0..40)
            .map(|i| paragraphs[i % 3].replace("{i}", &(i + 2).to_string()) + "\n\n")
            .collect();
        let doc = Document::new("long", text).with_published("2025-07-24");
        let whole = Pipeline::rules_only().extract(&doc).unwrap();
        let small = Pipeline::rules_only().with_policy(DocumentPolicy {
            max_doc_bytes: 700,
            ..Default::default()
        });
        assert!(windows(&doc.text, 700).len() > 5);
        let windowed = small.extract(&doc).unwrap();
        let (w, o) = (
            serde_json::to_value(&windowed).unwrap(),
            serde_json::to_value(&whole).unwrap(),
        );
        for (key, value) in w.as_object().unwrap() {
            if value.is_array() {
                for (i, (a, b)) in value
                    .as_array()
                    .unwrap()
                    .iter()
                    .zip(o[key].as_array().unwrap())
                    .enumerate()
                {
                    assert_eq!(a, b, "{key}[{i}]");
                }
            }
            assert_eq!(value, &o[key], "{key}");
        }
        for f in &windowed.figures {
            assert_eq!(f.span.slice(&doc.text), f.text);
            let chars: String = doc
                .text
                .chars()
                .skip(f.span.start)
                .take(f.span.end - f.span.start)
                .collect();
            assert_eq!(chars, f.text);
        }
    }

    #[rstest]
    #[case::french("Le gouvernement français a annoncé mardi une nouvelle réforme des retraites très contestée par les syndicats.", Some("French"))]
    #[case::russian("Правительство объявило во вторник о новой пенсионной реформе, которую оспаривают профсоюзы.", Some("Russian"))]
    #[case::japanese("政府は火曜日、労働組合が強く反対する新たな年金改革を発表した。東京証券取引所の株価は3％下落し、1万円を割った。", Some("Japanese"))]
    #[case::chinese_with_a_japanese_name(
        "日本企业ユニクロ周二在上海开设了新的旗舰店，这家公司表示今年将在中国新开一百家门店。",
        None
    )]
    #[case::short_french("Merci beaucoup.", None)]
    #[case::numbers("1.000 2.000 3,5 % 2018", None)]
    #[case::german("Die Regierung kündigte am Dienstag eine neue Rentenreform an, die von den Gewerkschaften bekämpft wird.", None)]
    #[case::chinese("政府周二宣布了一项新的养老金改革，遭到工会的强烈反对。", None)]
    fn unsupported_languages_are_error_records(#[case] text: &str, #[case] rejected: Option<&str>) {
        let doc = Document::new("x", text);
        let out = Pipeline::rules_only().extract(&doc);
        match rejected {
            Some(name) => {
                let e = out.unwrap_err();
                assert_eq!(
                    (e.stage.name(), e.kind.as_str()),
                    ("language", "unsupported_language")
                );
                assert!(e.message.contains(name), "{}", e.message);
                let lenient = Pipeline::rules_only().with_policy(DocumentPolicy {
                    reject_unsupported_language: false,
                    ..Default::default()
                });
                assert_eq!(lenient.extract(&doc).unwrap().lang, Lang::Other);
            }
            None => {
                out.unwrap();
            }
        }
    }

    fn faulty(stage: Stage, model: bool) -> Pipeline {
        let mut config = PipelineConfig::default();
        if !model {
            config.tagger.model = TaggerModel::None;
        }
        config.faults = vec![FaultInjection {
            stage,
            marker: "KABOOM".into(),
        }];
        Pipeline::from_config(config).unwrap()
    }

    fn only_the_marked_document_fails(pipeline: &Pipeline, stage: Stage) {
        let docs = vec![
            Document::new("a", "Amazon closed its lab in Shanghai, said Brad Glasser."),
            Document::new(
                "b",
                "Amazon schließt das Labor. KABOOM. Über 1.000 Mitarbeiter.",
            ),
            Document::new("c", "据路透社报道，亚马逊关闭了上海的实验室。"),
        ];
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let out = pipeline.extract_batch(&docs);
        std::panic::set_hook(prev);
        assert!(out[0].is_ok() && out[2].is_ok(), "{stage:?}: {out:?}");
        let err = out[1].as_ref().unwrap_err();
        assert_eq!(err.id, "b");
        assert!(
            err.message.contains("fault injected"),
            "{stage:?}: {}",
            err.message
        );
        assert_eq!(err.stage, stage);
        assert_eq!(err.kind, "panic");
    }

    #[rstest]
    #[case(Stage::Input)]
    #[case(Stage::Language)]
    #[case(Stage::Sentences)]
    #[case(Stage::Figures)]
    #[case(Stage::Claims)]
    fn a_panic_in_any_text_stage_fails_only_its_document(#[case] stage: Stage) {
        only_the_marked_document_fails(&faulty(stage, false), stage);
    }

    #[cfg(feature = "default-model")]
    #[rstest]
    #[case(Stage::Tagger)]
    #[case(Stage::Entities)]
    fn a_panic_in_the_tagger_or_entity_stage_fails_only_its_document(#[case] stage: Stage) {
        only_the_marked_document_fails(&faulty(stage, true), stage);
    }

    #[test]
    fn a_missing_model_directory_is_named() {
        let mut config = PipelineConfig::default();
        config.tagger.model = TaggerModel::Dir("/no/such/model".into());
        let err = Pipeline::from_config(config).err().unwrap();
        assert!(err.to_string().contains("/no/such/model"), "{err}");
    }
}
