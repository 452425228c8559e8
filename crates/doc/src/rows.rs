//! The flat claim row: one claim with its sentence text and figures inlined. It is the one
//! definition of that record: `claimx extract --records claims` writes it as JSON, the
//! claims shape of the Parquet and Arrow output is built from it (figure values split into
//! number and text columns there), and `claimx consolidate` reads it back.

use crate::{AnnotatedDocument, EntityType, Figure, Lang, Span};
use std::collections::HashMap;

/// How many of a document's names a claim row carries (the most mentioned first): enough to
/// tell stories apart, few enough to keep rows small.
pub const DOCUMENT_ENTITIES: usize = 16;

/// A name of the claim's document, with how often the document mentions it: what
/// `claimx consolidate` compares documents on to find the ones that tell one story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DocumentEntity {
    /// The canonical name (`Amazon Web Services` for `AWS` after the document defined it).
    pub name: String,
    /// The entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Mentions in the document.
    pub mentions: usize,
}

/// The document's most mentioned names, most mentioned first (ties by first mention).
pub fn document_entities(doc: &AnnotatedDocument) -> Vec<DocumentEntity> {
    let mut seen: HashMap<(&str, EntityType), usize> = HashMap::new();
    let mut list: Vec<DocumentEntity> = Vec::new();
    for e in &doc.entities {
        let name = if e.canonical.is_empty() {
            &e.text
        } else {
            &e.canonical
        };
        match seen.get(&(name.as_str(), e.kind)) {
            Some(&i) => list[i].mentions += 1,
            None => {
                seen.insert((name.as_str(), e.kind), list.len());
                list.push(DocumentEntity {
                    name: name.to_string(),
                    kind: e.kind,
                    mentions: 1,
                });
            }
        }
    }
    // stable: equal counts keep the order of first mention
    list.sort_by_key(|e| std::cmp::Reverse(e.mentions));
    list.truncate(DOCUMENT_ENTITIES);
    list
}
use serde::{Deserialize, Serialize};

/// One claim as a flat row. When read, every field but `id` may be missing (rows written by
/// hand or by an older claimx): it takes its default (`null`, `false`, `0`, language
/// `other`); so may a figure's offsets and language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ClaimRow {
    /// The document's id.
    pub id: String,
    /// The claim's index in its document's `claims`.
    #[serde(default)]
    pub claim: usize,
    /// The language of the claim's sentence.
    #[serde(default = "Lang::other")]
    pub lang: Lang,
    /// The claim's sentence, in offsets into the document's text.
    #[serde(default)]
    pub sentence: Span,
    /// The sentence as written.
    #[serde(default)]
    pub sentence_text: String,
    /// Who or what the claim is about, as written.
    #[serde(default)]
    pub subject: Option<String>,
    /// The entity type of the subject when an entity names it.
    #[serde(default)]
    pub subject_type: Option<EntityType>,
    /// The entity in the subject, as written.
    #[serde(default)]
    pub subject_entity: Option<String>,
    /// That entity's canonical name in its document.
    #[serde(default)]
    pub subject_canonical: Option<String>,
    /// The verb or verb phrase that carries the figure.
    #[serde(default)]
    pub predicate: Option<String>,
    /// The predicate's object as written, when it has one.
    #[serde(default)]
    pub object: Option<String>,
    /// What the predicate does across languages (`founded`, `cut`, `revenue`, `rose`, …).
    #[serde(default)]
    pub predicate_class: Option<String>,
    /// The direction of the change the figure is part of (`up`, `down`), if any.
    #[serde(default)]
    pub change_direction: Option<String>,
    /// The figure's part in that change (`from`, `to`, `by`).
    #[serde(default)]
    pub change_role: Option<String>,
    /// The figure the claim states.
    #[serde(default)]
    pub figure: Option<Figure>,
    /// The date the claim holds for.
    #[serde(default)]
    pub time: Option<Figure>,
    /// Where it happened, as written.
    #[serde(default)]
    pub location: Option<String>,
    /// Who says so, as written.
    #[serde(default)]
    pub attribution: Option<String>,
    /// The words that mark the attribution (`said`, `laut`, `据`).
    #[serde(default)]
    pub cue: Option<String>,
    /// Reported with a hedge (`reportedly`, `soll`, `据称`).
    #[serde(default)]
    pub hedged: bool,
    /// Negated (`not`, `kein`, `没有`).
    #[serde(default)]
    pub negated: bool,
    /// How sure the assembler is of the claim.
    #[serde(default)]
    pub confidence: f32,
    /// The document's publication date (`YYYY-MM-DD`), as the record's `published`.
    #[serde(default)]
    pub published: Option<String>,
    /// The document's title, when the input gave one.
    #[serde(default)]
    pub title: Option<String>,
    /// The document's URL, when the input gave one.
    #[serde(default)]
    pub url: Option<String>,
    /// The document's outlet, when the input gave one.
    #[serde(default)]
    pub source: Option<String>,
    /// The document's most mentioned names ([`DOCUMENT_ENTITIES`] at most), the same in
    /// every row of the document.
    #[serde(default)]
    pub document_entities: Vec<DocumentEntity>,
}

impl ClaimRow {
    /// The claim rows of one annotated document; `text` is the document's text, which the
    /// rows quote.
    pub fn of_document(doc: &AnnotatedDocument, text: &str) -> Vec<ClaimRow> {
        let figure = |i: Option<usize>| i.and_then(|i| doc.figures.get(i)).cloned();
        let names = if doc.claims.is_empty() {
            Vec::new()
        } else {
            document_entities(doc)
        };
        doc.claims
            .iter()
            .enumerate()
            .map(|(k, c)| ClaimRow {
                id: doc.id.clone(),
                claim: k,
                lang: doc
                    .sentences
                    .iter()
                    .find(|s| s.span == c.sentence)
                    .map_or(doc.lang, |s| s.lang),
                sentence: c.sentence,
                sentence_text: text
                    .get(c.sentence.byte_start..c.sentence.byte_end)
                    .unwrap_or("")
                    .to_string(),
                subject: c.subject.as_deref().map(str::to_string),
                subject_type: c.subject_type,
                subject_entity: c.subject_entity.as_deref().map(str::to_string),
                subject_canonical: c.subject_canonical.as_deref().map(str::to_string),
                predicate: c.predicate.as_deref().map(str::to_string),
                object: c.object.as_deref().map(str::to_string),
                predicate_class: c.predicate_class.as_deref().map(str::to_string),
                change_direction: c
                    .change
                    .as_ref()
                    .and_then(|ch| ch.direction)
                    .map(|d| d.name().to_string()),
                change_role: c
                    .change
                    .as_ref()
                    .and_then(|ch| ch.role)
                    .map(|r| r.name().to_string()),
                figure: figure(c.figure),
                time: figure(c.time),
                location: c.location.as_deref().map(str::to_string),
                attribution: c.attribution.as_deref().map(str::to_string),
                cue: c.cue.as_deref().map(str::to_string),
                hedged: c.hedged,
                negated: c.negated,
                confidence: c.confidence,
                published: doc.published.as_ref().map(|p| p.date.clone()),
                title: doc.provenance.title.clone(),
                url: doc.provenance.url.clone(),
                source: doc.provenance.source.clone(),
                document_entities: names.clone(),
            })
            .collect()
    }
}
