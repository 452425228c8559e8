//! Stories: the documents of an input that report one event, found before any claims are
//! compared, so that a claim only ever meets claims of its own story.
//!
//! Two documents are compared on the names they mention (the claim rows'
//! `document_entities`, canonical names joined across documents and languages by the
//! [`AliasTable`]): a tf-idf cosine over the names, places at half weight because a place
//! is where many stories happen and a company or person is what one story is about. Their
//! publication dates must lie within a window (both dated; an undated document is not held
//! back by dates). Documents join by average linkage: two stories merge when the mean
//! similarity over all their pairs of documents reaches the threshold and all their dates
//! fit one window, taking the most similar pairs first. This is the classic topic detection
//! and tracking recipe (entities, time, agglomeration).
//!
//! Text similarity is the third signal when the caller has embeddings of the documents'
//! texts ([`stories_with_text`]; the CLI's `consolidate --encoder DIR --texts …` embeds them
//! with the base multilingual-e5 encoder): each language's mean vector is taken out (what is
//! left is what a text says, not which language it says it in), and a pair's similarity is
//! the names' and the texts' cosine weighted by [`StoryOptions::text_weight`]. The default
//! model's fine-tuned encoder has lost this similarity (measured in `docs/consolidation.md`).

use crate::{AliasTable, ClaimRow};
use chrono::NaiveDate;
use claimx_doc::EntityType;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// How documents are joined into stories.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoryOptions {
    /// Days two dated documents of one story may lie apart at most.
    pub window_days: i64,
    /// Mean name similarity (0–1) two stories need to merge.
    pub threshold: f64,
    /// Names mentioned by more documents than this are not used to find candidate pairs
    /// (they still count in the similarity of pairs found through other names): what keeps
    /// a dump of millions of documents from comparing every pair that mentions `China`.
    pub max_postings: usize,
    /// Share (0–1) of the texts' similarity in a pair's similarity, where both documents
    /// have a text vector; the rest is the names'.
    pub text_weight: f64,
    /// With text vectors, every pair of documents within the window is compared when there
    /// are at most this many documents; beyond, only pairs that share a name are.
    pub text_pairs_up_to: usize,
}

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions {
            window_days: 7,
            threshold: 0.2,
            max_postings: 2000,
            text_weight: 0.5,
            text_pairs_up_to: 5000,
        }
    }
}

/// Embeddings of documents' texts by document id (any encoder; the same for all).
pub type TextVectors = HashMap<String, Vec<f32>>;

/// Documents that report one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The story's number: stories are numbered in the order of their first document.
    pub id: usize,
    /// The documents' ids, in input order.
    pub documents: Vec<String>,
    /// The names most of its documents mention (at most five, most shared first).
    pub names: Vec<String>,
    /// The earliest and latest publication date of its documents, where dated.
    pub dates: Option<(String, String)>,
}

/// One document as the story finder sees it.
struct DocumentNames {
    id: String,
    date: Option<NaiveDate>,
    lang: claimx_doc::Lang,
    /// name key → weight before idf (tf and type weight)
    names: HashMap<String, f64>,
}

fn type_weight(kind: EntityType) -> f64 {
    match kind {
        EntityType::Loc => 0.5,
        _ => 1.0,
    }
}

/// The documents behind the rows, in input order, and the name each key is shown as.
fn documents(
    rows: &[ClaimRow],
    aliases: &AliasTable,
) -> (Vec<DocumentNames>, HashMap<String, String>) {
    let mut shown: HashMap<String, String> = HashMap::new();
    let mut order: Vec<DocumentNames> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    // rows written before `document_entities` existed: the claims' own subject names
    let mut subjects: HashMap<usize, HashMap<(String, EntityType), usize>> = HashMap::new();
    for row in rows {
        let at = *index.entry(row.id.as_str()).or_insert_with(|| {
            order.push(DocumentNames {
                id: row.id.clone(),
                date: None,
                lang: row.lang,
                names: HashMap::new(),
            });
            order.len() - 1
        });
        let doc = &mut order[at];
        if doc.date.is_none() {
            doc.date = row
                .published
                .as_deref()
                .and_then(|p| NaiveDate::parse_from_str(p.get(..10).unwrap_or(p), "%Y-%m-%d").ok());
        }
        if doc.names.is_empty() {
            for e in &row.document_entities {
                add_name(doc, &mut shown, aliases, &e.name, e.kind, e.mentions);
            }
        }
        if let Some(e) = row.subject_entity.as_deref() {
            let kind = row.subject_type.unwrap_or(EntityType::Org);
            *subjects
                .entry(at)
                .or_default()
                .entry((e.to_string(), kind))
                .or_default() += 1;
        }
    }
    // in document order and, within a document, by name: the name a key is shown as does not
    // depend on a hash map's order
    let mut subjects: Vec<_> = subjects.into_iter().collect();
    subjects.sort_by_key(|(at, _)| *at);
    for (at, names) in subjects {
        let doc = &mut order[at];
        if !doc.names.is_empty() {
            continue;
        }
        let mut names: Vec<_> = names.into_iter().collect();
        names.sort_by(|a, b| {
            a.0 .0
                .cmp(&b.0 .0)
                .then(a.0 .1.as_str().cmp(b.0 .1.as_str()))
        });
        for ((name, kind), n) in names {
            add_name(doc, &mut shown, aliases, &name, kind, n);
        }
    }
    (order, shown)
}

/// Add a name to a document's names, resolved through the aliases and weighted by its
/// mentions and type (a name seen twice keeps its larger weight).
fn add_name(
    doc: &mut DocumentNames,
    shown: &mut HashMap<String, String>,
    aliases: &AliasTable,
    name: &str,
    kind: EntityType,
    mentions: usize,
) {
    let name = aliases.resolve(name).0;
    let key = name.to_lowercase();
    shown.entry(key.clone()).or_insert(name);
    let w = (1.0 + (mentions.max(1) as f64).ln()) * type_weight(kind);
    let slot = doc.names.entry(key).or_insert(0.0);
    *slot = slot.max(w);
}

/// Unit-length tf-idf vectors over name keys (smoothed idf, so that names every document of
/// a small input shares still count).
fn vectors(docs: &[DocumentNames]) -> Vec<HashMap<&str, f64>> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for d in docs {
        for k in d.names.keys() {
            *df.entry(k.as_str()).or_default() += 1;
        }
    }
    let n = docs.len() as f64;
    docs.iter()
        .map(|d| {
            let mut v: HashMap<&str, f64> = d
                .names
                .iter()
                .map(|(k, w)| {
                    let idf = ((n + 1.0) / (df[k.as_str()] as f64 + 1.0)).ln() + 1.0;
                    (k.as_str(), w * idf)
                })
                .collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.values_mut().for_each(|x| *x /= norm);
            }
            v
        })
        .collect()
}

fn cosine(a: &HashMap<&str, f64>, b: &HashMap<&str, f64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(k, x)| large.get(k).map(|y| x * y))
        .sum()
}

fn within(a: Option<NaiveDate>, b: Option<NaiveDate>, days: i64) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).num_days().abs() <= days,
        _ => true,
    }
}

/// Text vectors with each language's mean taken out (the whole input's for a language of
/// one document), at unit length, by document position; none for a document without one (or
/// of another width than the first).
fn centred_texts(docs: &[DocumentNames], texts: &TextVectors) -> Vec<Option<Vec<f32>>> {
    let width = docs
        .iter()
        .find_map(|d| texts.get(&d.id))
        .map_or(0, Vec::len);
    let raw: Vec<Option<&Vec<f32>>> = docs
        .iter()
        .map(|d| texts.get(&d.id).filter(|v| v.len() == width && width > 0))
        .collect();
    // sums by language, and over all (`None`): a language of one document is centred on
    // the whole input's mean, as its own mean would leave nothing
    let mut means: HashMap<Option<claimx_doc::Lang>, (Vec<f64>, usize)> = HashMap::new();
    for (d, v) in docs.iter().zip(&raw) {
        if let Some(v) = v {
            for key in [Some(d.lang), None] {
                let (sum, n) = means.entry(key).or_insert_with(|| (vec![0.0; width], 0));
                sum.iter_mut()
                    .zip(v.iter())
                    .for_each(|(s, x)| *s += *x as f64);
                *n += 1;
            }
        }
    }
    docs.iter()
        .zip(raw)
        .map(|(d, v)| {
            let v = v?;
            let (sum, n) = means
                .get(&Some(d.lang))
                .filter(|(_, n)| *n >= 2)
                .or_else(|| means.get(&None))?;
            let mut c: Vec<f32> = v
                .iter()
                .zip(sum)
                .map(|(x, s)| (*x as f64 - s / *n as f64) as f32)
                .collect();
            let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
            // a text that is its mean has nothing to say: no signal
            (norm > 1e-6).then(|| {
                c.iter_mut().for_each(|x| *x /= norm);
                c
            })
        })
        .collect()
}

/// The stories of the documents behind `rows`, each document in exactly one (a document
/// that shares no story is a story of its own), from their names and dates.
pub fn stories(rows: &[ClaimRow], aliases: &AliasTable, options: &StoryOptions) -> Vec<Story> {
    stories_with_text(rows, aliases, options, &TextVectors::new())
}

/// [`stories`] with the similarity of the documents' texts as a third signal.
pub fn stories_with_text(
    rows: &[ClaimRow],
    aliases: &AliasTable,
    options: &StoryOptions,
    texts: &TextVectors,
) -> Vec<Story> {
    let (docs, shown) = documents(rows, aliases);
    let vecs = vectors(&docs);
    let text = centred_texts(&docs, texts);
    let weight = options.text_weight.clamp(0.0, 1.0);
    let similarity = |i: usize, j: usize| {
        let names = cosine(&vecs[i], &vecs[j]);
        match (&text[i], &text[j]) {
            (Some(a), Some(b)) => {
                let t: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
                (1.0 - weight) * names + weight * (t as f64).max(0.0)
            }
            _ => names,
        }
    };
    // candidate pairs: documents that share a name not mentioned everywhere
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, v) in vecs.iter().enumerate() {
        for k in v.keys() {
            postings.entry(k).or_default().push(i);
        }
    }
    let mut sims: HashMap<(usize, usize), f64> = HashMap::new();
    for list in postings.values() {
        if list.len() > options.max_postings {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if sims.contains_key(&(i, j))
                    || !within(docs[i].date, docs[j].date, options.window_days)
                {
                    continue;
                }
                sims.insert((i, j), similarity(i, j));
            }
        }
    }
    // with texts, a small input compares every pair in the window: stories whose documents
    // share no name (another script, other spellings) are found too
    let with_text: Vec<usize> = (0..docs.len()).filter(|&i| text[i].is_some()).collect();
    if with_text.len() <= options.text_pairs_up_to {
        for (x, &i) in with_text.iter().enumerate() {
            for &j in &with_text[x + 1..] {
                if !sims.contains_key(&(i, j))
                    && within(docs[i].date, docs[j].date, options.window_days)
                {
                    sims.insert((i, j), similarity(i, j));
                }
            }
        }
    }
    let mut edges: Vec<((usize, usize), f64)> = sims
        .iter()
        .filter(|(_, s)| **s >= options.threshold)
        .map(|(k, s)| (*k, *s))
        .collect();
    edges.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // average linkage over the candidate edges, most similar first
    let mut cluster: Vec<usize> = (0..docs.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..docs.len()).map(|i| vec![i]).collect();
    for ((i, j), _) in edges {
        let (a, b) = (cluster[i], cluster[j]);
        if a == b {
            continue;
        }
        let pairs = (members[a].len() * members[b].len()) as f64;
        let mut total = 0.0;
        let mut dated = true;
        for &x in &members[a] {
            for &y in &members[b] {
                total += sims.get(&(x.min(y), x.max(y))).copied().unwrap_or(0.0);
                dated &= within(docs[x].date, docs[y].date, options.window_days);
            }
        }
        if !dated || total / pairs < options.threshold {
            continue;
        }
        let moved = std::mem::take(&mut members[b]);
        for &x in &moved {
            cluster[x] = a;
        }
        members[a].extend(moved);
    }
    let mut out: Vec<Story> = Vec::new();
    let mut numbered: HashMap<usize, usize> = HashMap::new();
    for (i, &c) in cluster.iter().enumerate() {
        let at = *numbered.entry(c).or_insert_with(|| {
            out.push(Story {
                id: out.len(),
                documents: Vec::new(),
                names: Vec::new(),
                dates: None,
            });
            out.len() - 1
        });
        out[at].documents.push(docs[i].id.clone());
    }
    let position: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    for story in &mut out {
        let ds: Vec<&DocumentNames> = story
            .documents
            .iter()
            .map(|id| &docs[position[id.as_str()]])
            .collect();
        let mut count: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &ds {
            for k in d.names.keys() {
                *count.entry(k.as_str()).or_default() += 1;
            }
        }
        let mut names: Vec<(&str, usize)> = count.into_iter().collect();
        names.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        story.names = names
            .into_iter()
            .filter(|(_, n)| ds.len() == 1 || *n > 1)
            .take(5)
            .map(|(k, _)| shown.get(k).cloned().unwrap_or_else(|| k.to_string()))
            .collect();
        let mut dates: Vec<NaiveDate> = ds.iter().filter_map(|d| d.date).collect();
        dates.sort();
        story.dates = dates
            .first()
            .zip(dates.last())
            .map(|(a, b)| (a.to_string(), b.to_string()));
    }
    out
}
