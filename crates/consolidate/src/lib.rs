//! Consolidation: claims from different documents that state the same fact, in any of the
//! languages, grouped and labelled — within one story.
//!
//! Input are the flat claim rows of `claimx extract --records claims`. First the documents
//! are joined into **stories** ([`stories`]: the names they mention, joined across
//! languages by the [`AliasTable`], and their publication dates); a claim is only ever
//! compared with claims of its own story.
//!
//! Within a story a claim takes part when it has a subject and its figure has a value and a
//! unit class (people, papers, money by currency, percent, …) or is a year with a known
//! predicate class (founded, closed, …; the record's `predicate_class`, else classed here
//! from its predicate for older records). Its subject is reduced to a key: the place noun it
//! is headed by (`the lab`, `das Zentrum`, `KI-Forschungslabor`, `研究院` all count as *the
//! lab*; a lab whose phrase names another owner, `Microsoft's lab`, is another lab), else
//! its entity resolved through the aliases, else unresolved.
//!
//! Claims from at least two documents whose figures are of one unit class and whose value
//! ranges overlap form a group, labelled `agree` (one exact value), `compatible` (values
//! within each other's stated bounds: `nearly $1 billion` and `rund eine Milliarde Dollar`)
//! or `conflict` (ranges that do not all overlap, or the figure attributed to different
//! subjects), with the reason. Claims that name different years, or whose predicates do
//! different things (the claim stage's `predicate_class`: `fell` and `rose`, `revenue` and
//! `profit`), are different facts and never group; a claim without a class joins the only
//! class there is. Years group by subject and predicate class: one year agrees, two
//! conflict.
//!
//! ```
//! use claimx_consolidate::{consolidate, read_rows, AliasTable, Label};
//!
//! let row = |id: &str, text: &str, value: f64, bound: &str| format!(
//!     r#"{{"id":"{id}","lang":"en","subject":"the lab","subject_entity":null,"subject_canonical":null,"predicate":"had","figure":{{"text":"{text}","type":"CARDINAL","value":{value},"upper":null,"bound":{bound},"unit":"people"}},"attribution":null,"document_entities":[{{"name":"Amazon","type":"ORG","mentions":3}}]}}"#
//! );
//! let jsonl = [row("a", "over 1,000 staff", 1000.0, "\"gt\""), row("b", "1,200 staff", 1200.0, "null")].join("\n");
//! let (rows, _skipped) = read_rows(&jsonl);
//! let groups = consolidate(&rows, &AliasTable::default());
//! assert_eq!(groups.len(), 1);
//! assert_eq!(groups[0].label, Label::Compatible);
//! ```

mod aliases;
mod report;
mod stories;

pub use aliases::AliasTable;
pub use report::{html, markdown};
pub use stories::{stories, stories_with_text, Story, StoryOptions, TextVectors};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use claimx_doc::{Bound, FigureType, FigureValue};
/// The claim row `claimx extract --records claims` writes, and a figure inside it: the one
/// record contract of `claimx-doc`.
pub use claimx_doc::{ClaimRow, Figure as FigureRow};

/// How a group's members relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// All members state one exact value.
    Agree,
    /// The values differ but lie within each other's stated bounds.
    Compatible,
    /// The values' ranges do not all overlap, or different subjects claim the figure.
    Conflict,
}

/// One member claim of a group, with where it comes from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Member {
    /// The document's id.
    pub document: String,
    /// The language of the claim's sentence.
    pub lang: String,
    /// The claim's index in its document.
    pub claim: usize,
    /// The subject as written.
    pub subject: Option<String>,
    /// The subject key the claim was compared on (`the lab`, an entity, or none).
    pub subject_key: Option<String>,
    /// How sure the subject key is: 1 for a place noun or a name as written, lower for a
    /// name joined through aliases.
    pub subject_confidence: f32,
    /// The year the claim's time names, if any: claims of different years are different
    /// facts.
    pub year: Option<i64>,
    /// The predicate as written.
    pub predicate: Option<String>,
    /// The claim's predicate class (`rose`, `revenue`, …), when it has one.
    #[serde(default)]
    pub predicate_class: Option<String>,
    /// The figure as written.
    pub figure: String,
    /// The lowest value the figure allows (its bound applied).
    pub low: f64,
    /// The highest value the figure allows.
    pub high: f64,
    /// Who the claim is attributed to.
    pub attribution: Option<String>,
    /// The sentence as written.
    pub sentence: String,
    /// The figure's byte range in `sentence` (for marking it), when the row says where it is.
    #[serde(default)]
    pub figure_in_sentence: Option<(usize, usize)>,
    /// The figure's unit as written in the record (`USD`, `people`, `%`).
    #[serde(default)]
    pub unit: Option<String>,
    /// The document's publication date.
    #[serde(default)]
    pub published: Option<String>,
    /// The document's title.
    #[serde(default)]
    pub title: Option<String>,
    /// The document's URL.
    #[serde(default)]
    pub url: Option<String>,
    /// The document's outlet as the input named it.
    #[serde(default)]
    pub source: Option<String>,
}

impl Member {
    /// The outlet to show: the input's `source`, else the URL's host, else the title, else
    /// the document id.
    pub fn outlet(&self) -> String {
        if let Some(s) = self.source.as_deref().filter(|s| !s.trim().is_empty()) {
            return s.trim().to_string();
        }
        if let Some(host) = self.url.as_deref().and_then(url_host) {
            return host;
        }
        if let Some(t) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            return t.trim().to_string();
        }
        self.document.clone()
    }
}

/// The host of a URL (`https://www.reuters.com/x` → `reuters.com`), without a leading `www.`.
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_lowercase())
}

/// Claims from different documents that state one fact.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FactGroup {
    /// The story the claims belong to ([`Story::id`]): groups never cross stories.
    #[serde(default)]
    pub story: usize,
    /// What the figure counts (`people`, `papers`, `USD`, `year founded`, …).
    pub measure: String,
    /// How the members relate.
    pub label: Label,
    /// Why the label was given, in words.
    pub reason: String,
    /// The subject keys of the members (several for a subject conflict).
    pub subjects: Vec<String>,
    /// The claims of the group.
    pub members: Vec<Member>,
}

pub use claimx_lang::classes::{predicate_class, unit_class};
use claimx_lang::classes::{predicate_class_in, PLACE_NOUNS};

/// The predicate class of a verb in the clause around `figure` in `sentence`, for claims whose
/// predicate is another clause's verb ("The lab, launched at the World AI Conference in
/// 2018, was renowned …").
fn clause_class(sentence: &str, figure: &str) -> Option<&'static str> {
    let at = sentence.find(figure)?;
    let marks = [',', ';', '，', '；'];
    // the text after the last mark before the figure: `rsplit` steps over the whole mark,
    // which is three bytes for `，` and `；`
    let before = sentence[..at].rsplit(marks).next().unwrap_or("");
    let start = at - before.len();
    let end = sentence[at..]
        .find(marks)
        .map_or(sentence.len(), |p| at + p);
    let clause = &sentence[start..end];
    clause
        .split_whitespace()
        .find_map(predicate_class)
        .or_else(|| predicate_class_in(clause))
}

/// The head noun of a subject phrase: the last word before a preposition or clause, the last
/// part of a hyphenated compound, lower case.
fn head_noun(subject: &str) -> Option<String> {
    // bracketed definitions are not the head: "the Amazon Web Services (AWS) research unit"
    let mut plain = String::with_capacity(subject.len());
    let mut depth = 0usize;
    for c in subject.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let cut = plain.split([',', '，']).next().unwrap_or(&plain);
    let stop = [
        " in ", " of ", " for ", " at ", " von ", " für ", " im ", " that ", " which ", " once",
        " der ", " des ",
    ];
    let cut = stop
        .iter()
        .filter_map(|s| cut.find(s))
        .min()
        .map_or(cut, |p| &cut[..p]);
    let last = cut.split_whitespace().last()?;
    let part = last.rsplit('-').next().unwrap_or(last);
    Some(part.to_lowercase())
}

fn place_noun(subject: &str) -> bool {
    if PLACE_NOUNS
        .iter()
        .any(|n| !n.is_ascii() && subject.contains(n))
    {
        return true;
    }
    head_noun(subject).is_some_and(|h| {
        PLACE_NOUNS.contains(&h.as_str()) || h.ends_with("labor") || h.ends_with("zentrum")
    })
}

/// The key a claim's subject is compared on, with the confidence of the alias links behind
/// it.
pub fn subject_key(row: &ClaimRow, aliases: &AliasTable) -> Option<(String, f32)> {
    let subject = row.subject.as_deref()?;
    if place_noun(subject) {
        return Some(("the lab".into(), 1.0));
    }
    let entity = row.subject_entity.as_deref()?;
    // the entity counts only when the phrase is about it ("the AWS China division"), not
    // when it was borrowed from elsewhere in the sentence ("eine Technologie")
    subject.contains(entity).then(|| aliases.resolve(entity))
}

fn number(v: &Option<FigureValue>) -> Option<f64> {
    match v.as_ref()? {
        FigureValue::Number(n) => Some(*n).filter(|n| n.is_finite()),
        FigureValue::Text(_) => None,
    }
}

/// The range of values a figure states: exact, `approx` ±10 %, `gt`/`ge` up to +50 %,
/// `lt`/`le` down to −33 % (an open bound still names its order of magnitude).
pub fn value_range(f: &FigureRow) -> Option<(f64, f64)> {
    let v = number(&f.value)?;
    if let Some(u) = number(&f.upper) {
        return Some((v.min(u), v.max(u)));
    }
    Some(match f.bound {
        None => (v, v),
        Some(Bound::Approx) => (v * 0.9, v * 1.1),
        Some(Bound::Gt) | Some(Bound::Ge) => (v, v * 1.5),
        Some(Bound::Lt) | Some(Bound::Le) => (v / 1.5, v),
    })
}

/// The year a time figure names (`2024`, `2025-07-24`, `2025-W31`).
fn time_year(f: &FigureRow) -> Option<i64> {
    let FigureValue::Text(v) = f.value.as_ref()? else {
        return None;
    };
    v.get(..4)?
        .parse()
        .ok()
        .filter(|y| (1000..3000).contains(y))
}

fn year(f: &FigureRow) -> Option<i64> {
    let s = match f.value.as_ref()? {
        FigureValue::Text(t) => t.clone(),
        FigureValue::Number(n) => n.to_string(),
    };
    (s.len() == 4).then(|| s.parse().ok()).flatten()
}

/// What [`consolidate_stories`] found.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Consolidation {
    /// The stories of the input's documents, each document in one.
    pub stories: Vec<Story>,
    /// Fact groups, by story, each within one story.
    pub groups: Vec<FactGroup>,
    /// Facts that could not be labelled, each named (`story 3, USD: …`); the other groups
    /// are unaffected.
    pub failures: Vec<String>,
}

/// Groups of claims from at least two documents that state the same fact, within the
/// stories found with the default [`StoryOptions`].
pub fn consolidate(rows: &[ClaimRow], aliases: &AliasTable) -> Vec<FactGroup> {
    consolidate_stories(rows, aliases, &StoryOptions::default()).groups
}

/// The owner a place noun names in its phrase (`Microsoft's lab`, `das Labor von
/// Microsoft`): the subject's entity when the phrase contains it, not as the first part of
/// a compound (`AWS-Labor` is the lab itself, whoever runs it).
fn place_owner(row: &ClaimRow, aliases: &AliasTable) -> Option<String> {
    let subject = row.subject.as_deref()?;
    let entity = row.subject_entity.as_deref()?;
    let at = subject.find(entity)?;
    let after = &subject[at + entity.len()..];
    if after.starts_with('-') || subject[..at].ends_with('-') {
        return None;
    }
    Some(aliases.resolve(entity).0)
}

/// Stories first ([`stories`]), then groups of claims from at least two documents of one
/// story that state the same fact. A claim without a subject never groups.
pub fn consolidate_stories(
    rows: &[ClaimRow],
    aliases: &AliasTable,
    options: &StoryOptions,
) -> Consolidation {
    consolidate_stories_with_text(rows, aliases, options, &TextVectors::new())
}

/// [`consolidate_stories`] with the similarity of the documents' texts (embeddings by
/// document id) as a third signal of which documents tell one story.
pub fn consolidate_stories_with_text(
    rows: &[ClaimRow],
    aliases: &AliasTable,
    options: &StoryOptions,
    texts: &TextVectors,
) -> Consolidation {
    let stories = stories_with_text(rows, aliases, options, texts);
    let story_of: std::collections::HashMap<&str, usize> = stories
        .iter()
        .flat_map(|s| s.documents.iter().map(move |d| (d.as_str(), s.id)))
        .collect();
    // (story, measure) → members with the owner their place noun names
    type Owned = (Member, Option<String>);
    let mut by_measure: BTreeMap<(usize, String), Vec<Owned>> = BTreeMap::new();
    for row in rows.iter().filter(|r| !r.negated) {
        let Some(f) = &row.figure else { continue };
        // "(subject not named)" is no fact about anything that could be compared
        if row.subject.as_deref().is_none_or(|s| s.trim().is_empty()) {
            continue;
        }
        let (key, confidence) = match subject_key(row, aliases) {
            Some((k, c)) => (Some(k), c),
            None => (None, 1.0),
        };
        let owner = (key.as_deref() == Some("the lab"))
            .then(|| place_owner(row, aliases))
            .flatten();
        let (measure, low, high) = if f.kind == FigureType::Date {
            // the claim stage's class; records written before it had one are classed here
            let class = match row.predicate_class.as_deref() {
                Some(c) => Some(c),
                None => row
                    .predicate
                    .as_deref()
                    .and_then(predicate_class)
                    .or_else(|| clause_class(&row.sentence_text, &f.text)),
            };
            let (Some(y), Some(class)) = (year(f), class) else {
                continue;
            };
            // a year is a fact about its subject: different subjects are different facts
            let Some(k) = &key else { continue };
            (format!("year {class} ({k})"), y as f64, y as f64)
        } else {
            let class = match (f.kind, f.unit.as_deref()) {
                (FigureType::Percent, _) => "percent",
                (_, Some(u)) => match unit_class(u) {
                    Some(c) => c,
                    None => continue,
                },
                _ => continue,
            };
            let Some((low, high)) = value_range(f) else {
                continue;
            };
            (class.to_string(), low, high)
        };
        let figure_in_sentence = f
            .span
            .byte_start
            .checked_sub(row.sentence.byte_start)
            .map(|a| (a, a + f.span.byte_end.saturating_sub(f.span.byte_start)))
            .filter(|&(a, b)| row.sentence_text.get(a..b) == Some(f.text.as_str()))
            .or_else(|| {
                row.sentence_text
                    .find(f.text.as_str())
                    .map(|a| (a, a + f.text.len()))
            });
        let story = story_of.get(row.id.as_str()).copied().unwrap_or(0);
        let member = Member {
            document: row.id.clone(),
            lang: row.lang.code().to_string(),
            claim: row.claim,
            subject: row.subject.clone(),
            subject_key: key,
            subject_confidence: confidence,
            year: row.time.as_ref().and_then(time_year),
            predicate: row.predicate.clone(),
            predicate_class: row.predicate_class.clone(),
            figure: f.text.to_string(),
            low,
            high,
            attribution: row.attribution.clone(),
            sentence: row.sentence_text.clone(),
            figure_in_sentence,
            unit: f.unit.as_deref().map(str::to_string),
            published: row.published.clone(),
            title: row.title.clone(),
            url: row.url.clone(),
            source: row.source.clone(),
        };
        by_measure
            .entry((story, measure))
            .or_default()
            .push((member, owner));
    }
    let mut groups = Vec::new();
    let mut failures = Vec::new();
    for ((story, measure), members) in by_measure {
        // one fact that cannot be labelled is reported as such; the others go on
        let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut found = Vec::new();
            for members in split_by(members, |(_, owner)| owner.clone()) {
                let members: Vec<Member> = members.into_iter().map(|(m, _)| m).collect();
                for members in split_by_year(members) {
                    for members in split_by_class(members) {
                        found.extend(cluster(&measure, members));
                    }
                }
            }
            found
        }));
        match found {
            Ok(found) => groups.extend(found.into_iter().map(|g| FactGroup { story, ..g })),
            Err(panic) => {
                let why = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "an internal error".into());
                failures.push(format!("story {story}, {measure}: {why}"));
            }
        }
    }
    Consolidation {
        stories,
        groups,
        failures,
    }
}

/// Claims that name different years state different facts; claims without a year join the
/// only year there is, else stay together on their own.
fn split_by_year(members: Vec<Member>) -> Vec<Vec<Member>> {
    split_by(members, |m| m.year)
}

/// Claims whose predicates do different things state different facts (`sank um 15 Prozent`
/// and `up 15 percent`, revenue and profit); claims without a class join the only class
/// there is, else stay together on their own.
fn split_by_class(members: Vec<Member>) -> Vec<Vec<Member>> {
    split_by(members, |m| m.predicate_class.clone())
}

/// Members split by a key: one part per key value when there are several, and one part of
/// the members without a key; all together when there is at most one key value.
fn split_by<T: Clone, K: Ord>(members: Vec<T>, key: impl Fn(&T) -> Option<K>) -> Vec<Vec<T>> {
    let mut keys: Vec<K> = members.iter().filter_map(&key).collect();
    keys.sort_unstable();
    keys.dedup();
    if keys.len() <= 1 {
        return vec![members];
    }
    let mut parts: Vec<Vec<T>> = vec![Vec::new(); keys.len() + 1];
    for m in members {
        let at = key(&m)
            .and_then(|k| keys.binary_search(&k).ok())
            .unwrap_or(keys.len());
        parts[at].push(m);
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// Groups of one measure: years as one group, values as clusters of overlapping ranges.
fn cluster(measure: &str, mut members: Vec<Member>) -> Vec<FactGroup> {
    members.sort_by(|a, b| a.low.total_cmp(&b.low).then(a.document.cmp(&b.document)));
    if measure.starts_with("year ") {
        return group(measure, members).into_iter().collect();
    }
    // overlapping ranges chain into one cluster (sweep over the sorted lows)
    let mut groups = Vec::new();
    let mut run: Vec<Member> = Vec::new();
    let mut reach = f64::NEG_INFINITY;
    for m in members {
        if !run.is_empty() && m.low > reach {
            groups.extend(group(measure, std::mem::take(&mut run)));
            reach = f64::NEG_INFINITY;
        }
        reach = reach.max(m.high);
        run.push(m);
    }
    groups.extend(group(measure, run));
    groups
}

/// A labelled group, if its members come from at least two documents.
fn group(measure: &str, members: Vec<Member>) -> Option<FactGroup> {
    let mut docs: Vec<&str> = members.iter().map(|m| m.document.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    if docs.len() < 2 {
        return None;
    }
    let mut subjects: Vec<String> = members
        .iter()
        .filter_map(|m| m.subject_key.clone())
        .collect();
    subjects.sort();
    subjects.dedup();
    let exact_and_equal = members
        .iter()
        .all(|m| m.low == m.high && m.low == members[0].low);
    let overlap = members
        .iter()
        .all(|a| members.iter().all(|b| a.low <= b.high && b.low <= a.high));
    let (label, reason) = if subjects.len() > 1 {
        (
            Label::Conflict,
            format!(
                "the figure is attributed to different subjects: {}",
                subjects.join(", ")
            ),
        )
    } else if exact_and_equal {
        (
            Label::Agree,
            "every source gives the same exact value".to_string(),
        )
    } else if overlap {
        (
            Label::Compatible,
            "the values lie within each other's stated bounds".to_string(),
        )
    } else {
        (
            Label::Conflict,
            "the values do not fit each other's bounds".to_string(),
        )
    };
    Some(FactGroup {
        story: 0,
        measure: measure.to_string(),
        label,
        reason,
        subjects,
        members,
    })
}

/// Claim rows from JSONL text (`claimx extract --records claims`); error records and lines
/// that are not claim rows are skipped and counted.
pub fn read_rows(jsonl: &str) -> (Vec<ClaimRow>, usize) {
    let read = read_rows_bytes(jsonl.as_bytes());
    (read.rows, read.skipped)
}

/// What [`read_rows_bytes`] found.
#[derive(Debug, Default)]
pub struct RowsRead {
    /// The claim rows read.
    pub rows: Vec<ClaimRow>,
    /// Lines that are not claim rows (error records, other JSON, not JSON).
    pub skipped: usize,
    /// Line numbers (from 1) of lines that are not UTF-8; they are skipped too.
    pub invalid_utf8: Vec<usize>,
}

/// The fields that tell an error record from a claim row.
#[derive(Deserialize)]
struct RecordKind {
    error: Option<serde::de::IgnoredAny>,
}

/// Claim rows from JSONL bytes, line by line: a line that is not UTF-8 or not a claim row
/// is skipped and counted, never a reason to refuse the file.
pub fn read_rows_bytes(jsonl: &[u8]) -> RowsRead {
    let mut read = RowsRead::default();
    for (i, line) in jsonl.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let Ok(line) = std::str::from_utf8(line) else {
            read.invalid_utf8.push(i + 1);
            read.skipped += 1;
            continue;
        };
        let is_error = serde_json::from_str::<RecordKind>(line).is_ok_and(|k| k.error.is_some());
        match serde_json::from_str::<ClaimRow>(line) {
            Ok(r) if !is_error => read.rows.push(r),
            _ => read.skipped += 1,
        }
    }
    read
}

#[cfg(test)]
mod tests;

/// Claim rows built from arbitrary text, one per line, for the fuzz target and its stable
/// stand-in test: the line's first half is the subject and a name of the document, its
/// second half (cut at a character boundary) the figure, its length the value, its bytes a
/// publication date that may be no date at all, and figure offsets that may point anywhere.
#[doc(hidden)]
pub fn rows_from_text(text: &str) -> Vec<ClaimRow> {
    use claimx_doc::{DocumentEntity, EntityType, Lang, Span};
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let mut cut = line.len() / 2;
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            let year = i % 2 == 0;
            let at = line.len() % 7;
            ClaimRow {
                id: format!("doc-{}", i % 3),
                lang: [Lang::De, Lang::En, Lang::Zh][i % 3],
                claim: i,
                sentence: Span {
                    start: 0,
                    end: line.chars().count(),
                    byte_start: i % 5,
                    byte_end: line.len(),
                },
                sentence_text: line.into(),
                subject: (i % 6 != 5).then(|| line[..cut].into()),
                subject_type: None,
                subject_entity: (i % 3 == 1).then(|| line[..cut].into()),
                subject_canonical: (i % 4 == 0).then(|| line[..cut].into()),
                predicate: None,
                object: None,
                predicate_class: (i % 5 == 0).then(|| "founded".into()),
                change_direction: None,
                change_role: None,
                figure: Some(FigureRow {
                    span: Span {
                        start: cut,
                        end: line.len(),
                        byte_start: cut + at,
                        byte_end: line.len() + at,
                    },
                    text: line[cut..].into(),
                    kind: if year {
                        FigureType::Date
                    } else {
                        FigureType::Cardinal
                    },
                    value: Some(if year {
                        FigureValue::Text(format!("{}", 2000 + line.len() % 30))
                    } else {
                        FigureValue::Number(line.len() as f64)
                    }),
                    upper: (i % 7 == 3).then(|| FigureValue::Number(-(line.len() as f64))),
                    bound: None,
                    unit: (!year).then(|| "people".into()),
                    lang: Lang::Other,
                }),
                time: None,
                location: None,
                attribution: None,
                cue: None,
                hedged: false,
                negated: false,
                confidence: 0.5,
                published: Some(line.chars().take(10).collect()),
                title: Some(line[cut..].into()),
                url: Some(format!("https://{}/", &line[..cut])),
                source: None,
                document_entities: vec![DocumentEntity {
                    name: line[..cut].into(),
                    kind: [EntityType::Org, EntityType::Loc][i % 2],
                    mentions: line.len() % 4,
                }],
            }
        })
        .collect()
}
