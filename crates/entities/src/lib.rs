//! Entity refinement: the tagger's word-level spans cut to the spans the annotation guideline
//! (`data/seeds/ANNOTATION.md`) asks for.
//!
//! A token classifier trained on Wikipedia-style data marks whole noun phrases ("Shanghai lab",
//! "the decision by AWS"), glues hyphenated compounds onto names ("AWS-Stand") and takes
//! adjectives for places ("chinesischen"). The guideline wants the name alone: no articles or
//! common nouns around it, the name part of a compound, no nationality adjectives. These are
//! spelling facts of German and English (names are capitalised, compounds are hyphenated), so
//! they are rules here rather than something the model must learn from scarce examples.
//!
//! Chinese has no spaces and no capitals, so there the edges come from the words (jieba's):
//! a name does not begin or end with a particle or preposition of its own (`中国的`), nor end
//! one character short of its word (`雷` of `雷某`).
//!
//! The stage sees one sentence's text and spans, and returns spans inside the same text: a
//! span is cut, split at brackets, retyped (`US` is a place) or dropped; it grows only by the
//! stop of a company form (`Corp.`) or to the end of a Chinese word it stops one character
//! short of.
//! [`canonicalize`] then names, per document, what each mention stands for.
//!
//! ```
//! use claimx_doc::{EntityType, Lang};
//! use claimx_entities::{EntityRefiner, EntitySpan};
//!
//! // a tagger marks the whole noun phrase; the guideline's entity is the name in it
//! let text = "Amazon closed its Shanghai lab.";
//! let tagged = [EntitySpan { start: 18, end: 30, kind: EntityType::Loc, score: 0.9 }];
//! let refined = EntityRefiner::default().refine(text, Lang::En, &tagged);
//! assert_eq!(&text[refined[0].start..refined[0].end], "Shanghai");
//! ```
mod canonical;

pub use canonical::canonicalize;

use claimx_doc::{EntityType, Lang};
use serde::{Deserialize, Serialize};

/// An entity span in a sentence, byte offsets into that sentence's text.
#[derive(Debug, Clone, PartialEq)]
pub struct EntitySpan {
    /// Start, in bytes of the sentence.
    pub start: usize,
    /// End (exclusive), in bytes of the sentence.
    pub end: usize,
    /// The entity type.
    pub kind: EntityType,
    /// The tagger's probability for the span.
    pub score: f32,
}

/// The entity stage: spans of one sentence in, guideline spans out; then the canonical
/// names of all entities of a document (or window).
pub trait EntityRefinement: Send + Sync {
    /// Guideline spans from the tagger's spans of one sentence.
    fn refine(&self, text: &str, lang: Lang, spans: &[EntitySpan]) -> Vec<EntitySpan>;

    /// Set `canonical` of every entity of `text` ([`canonicalize`] by default).
    fn canonicalize(&self, text: &str, entities: &mut [claimx_doc::Entity]) {
        canonicalize(text, entities)
    }

    /// Add the mentions the tagger missed of names it found elsewhere in `text`, after
    /// [`EntityRefinement::canonicalize`] (nothing by default; [`propagate_names`] for the
    /// refiner).
    fn propagate(
        &self,
        _text: &str,
        _index: &claimx_doc::OffsetIndex,
        _sentences: &[claimx_doc::Sentence],
        _entities: &mut Vec<claimx_doc::Entity>,
    ) {
    }
}

impl EntityRefinement for EntityRefiner {
    fn refine(&self, text: &str, lang: Lang, spans: &[EntitySpan]) -> Vec<EntitySpan> {
        EntityRefiner::refine(self, text, lang, spans)
    }

    fn canonicalize(&self, text: &str, entities: &mut [claimx_doc::Entity]) {
        if self.consistent_types {
            consistent_types(entities);
        }
        canonicalize(text, entities)
    }

    fn propagate(
        &self,
        text: &str,
        index: &claimx_doc::OffsetIndex,
        sentences: &[claimx_doc::Sentence],
        entities: &mut Vec<claimx_doc::Entity>,
    ) {
        if self.propagate_names {
            propagate_names(text, index, sentences, entities);
        }
    }
}

/// The tagger's score from which a name is looked for across its document.
pub const PROPAGATION_MIN_SCORE: f32 = 0.9;

/// Every other mention of a name the tagger found with a score of at least
/// [`PROPAGATION_MIN_SCORE`] becomes an entity too, where the tagger left it out (`对中国征收`
/// after `中国` was found in another sentence; `Sears` once `Sears` was): the guideline
/// annotates every mention, and a document rarely uses a name it gave as a name for anything
/// else. A mention must stand as a word of its own: in Latin script no letter or digit
/// touches it (`Siemens-Tochter` holds `Siemens`, `Searsville` no `Sears`) and the name starts
/// with a capital; in Chinese it begins and ends at word boundaries of the sentence's words
/// (`中国` is no mention inside `中国人`). Names shorter than two characters, and mentions
/// overlapping an entity or inside a web address, are left alone. A new mention takes the
/// name's type, canonical name and score.
pub fn propagate_names(
    text: &str,
    index: &claimx_doc::OffsetIndex,
    sentences: &[claimx_doc::Sentence],
    entities: &mut Vec<claimx_doc::Entity>,
) {
    let mut names: Vec<&claimx_doc::Entity> = Vec::new();
    for e in entities.iter() {
        let name = e.text.as_str();
        let han = has_han(name);
        let capital = name.chars().next().is_some_and(char::is_uppercase);
        if e.score >= PROPAGATION_MIN_SCORE
            && name.chars().count() >= 2
            && (han || capital)
            && !names.iter().any(|n| n.text == e.text)
        {
            names.push(e);
        }
    }
    if names.is_empty() {
        return;
    }
    let Ok(finder) = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(names.iter().map(|n| n.text.as_str()))
    else {
        return;
    };
    let taken: Vec<(usize, usize)> = {
        let mut spans: Vec<(usize, usize)> = entities
            .iter()
            .map(|e| (e.span.byte_start, e.span.byte_end))
            .collect();
        spans.sort_unstable();
        spans
    };
    let addresses = claimx_lang::words::web_addresses(text);
    // Chinese word boundaries per sentence: the parsed words, or jieba's where there are none
    let mut bounds: Vec<Option<(Vec<usize>, Vec<usize>)>> = vec![None; sentences.len()];
    let mut found = Vec::new();
    for m in finder.find_iter(text) {
        let (a, b) = (m.start(), m.end());
        let source = names[m.pattern().as_usize()];
        // (entities are apart: the refiner keeps them so)
        let blocked = |ranges: &[(usize, usize)]| claimx_lang::words::overlaps_any(ranges, a, b);
        if blocked(&taken) || blocked(&addresses) {
            continue;
        }
        let stands_alone = if has_han(&source.text) {
            let k = sentences.partition_point(|s| s.span.byte_end <= a);
            let Some(sentence) = sentences.get(k).filter(|s| s.span.byte_start <= a) else {
                continue;
            };
            let (starts, ends) = bounds[k].get_or_insert_with(|| {
                let (base, end) = (sentence.span.byte_start, sentence.span.byte_end);
                let spans: Vec<(usize, usize)> = if sentence.words.is_empty() {
                    let simple = claimx_lang::zh::to_simplified(&text[base..end]);
                    claimx_lang::zh::words(&simple)
                        .into_iter()
                        .map(|w| (base + w.start, base + w.end))
                        .collect()
                } else {
                    sentence
                        .words
                        .iter()
                        .map(|w| (w.span.byte_start, w.span.byte_end))
                        .collect()
                };
                spans.into_iter().unzip()
            });
            starts.binary_search(&a).is_ok() && ends.binary_search(&b).is_ok()
        } else {
            !text[..a]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[b..].chars().next().is_some_and(char::is_alphanumeric)
        };
        if !stands_alone {
            continue;
        }
        found.push(claimx_doc::Entity {
            span: index.span(a, b),
            text: source.text.clone(),
            kind: source.kind,
            score: source.score,
            canonical: source.canonical.clone(),
        });
        // (the finder's matches are apart and in order: no new mention overlaps another)
    }
    if !found.is_empty() {
        entities.extend(found);
        entities.sort_by_key(|e| (e.span.byte_start, e.span.byte_end));
    }
}

/// Give every mention of a name the type the document gives that name most (the sum of the
/// tagger's scores per type; a tie keeps each mention's own). The tagger reads one sentence
/// at a time and may call one company a person in one of them (`Okera`, `Trump`); a document
/// rarely uses one name for two kinds of thing.
///
/// ```
/// use claimx_doc::{Entity, EntityType, OffsetIndex};
/// use claimx_entities::consistent_types;
///
/// let text = "Okera said. Okera grew. Okera hired.";
/// let index = OffsetIndex::new(text);
/// let mention = |start: usize, kind, score| Entity {
///     span: index.span(start, start + 5),
///     text: "Okera".into(),
///     kind,
///     score,
///     canonical: "Okera".into(),
/// };
/// let mut found = vec![
///     mention(0, EntityType::Per, 0.6),
///     mention(12, EntityType::Org, 0.9),
///     mention(24, EntityType::Org, 0.8),
/// ];
/// consistent_types(&mut found);
/// assert!(found.iter().all(|e| e.kind == EntityType::Org));
/// ```
pub fn consistent_types(entities: &mut [claimx_doc::Entity]) {
    let mut weights: std::collections::HashMap<&str, Vec<(EntityType, f32)>> =
        std::collections::HashMap::new();
    for e in entities.iter() {
        let types = weights.entry(e.text.as_str()).or_default();
        match types.iter_mut().find(|(k, _)| *k == e.kind) {
            Some((_, w)) => *w += e.score,
            None => types.push((e.kind, e.score)),
        }
    }
    let chosen: std::collections::HashMap<String, EntityType> = weights
        .into_iter()
        .filter(|(_, types)| types.len() > 1)
        .filter_map(|(name, types)| {
            let best = types.iter().map(|t| t.1).fold(f32::MIN, f32::max);
            let mut top = types.iter().filter(|t| t.1 == best);
            let first = top.next()?;
            top.next().is_none().then(|| (name.to_string(), first.0))
        })
        .collect();
    for e in entities.iter_mut() {
        if let Some(&kind) = chosen.get(e.text.as_str()) {
            e.kind = kind;
        }
    }
}

/// Which rules run; all by default.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct EntityRefiner {
    /// Split "Amazon Web Services (AWS)" into the name and its bracketed short form.
    pub split_brackets: bool,
    /// Drop leading list numbers and lower-case words ("4. Amazon", "the AWS", "chinesischen
    /// Shanghai") and trailing lower-case words ("Shanghai lab") in Latin-script spans.
    pub trim_words: bool,
    /// Cut a hyphenated compound to its name part: "AWS-Stand" -> "AWS",
    /// "Shanghai-based" -> "Shanghai".
    pub compound_names: bool,
    /// Drop nationality adjectives and words without a capital letter ("Chinese",
    /// "chinesische").
    pub drop_adjectives: bool,
    /// Mark "US", "USA", "U.S.", "UK" as places wherever they stand alone or begin a
    /// hyphenated compound ("US-Konzern"), as the guideline says, also where the tagger
    /// missed them.
    pub country_short_forms: bool,
    /// Mark "EU", "UN", "NATO", … as organisations wherever they stand alone or begin a
    /// hyphenated compound (`EU-Kommission`), also where the tagger missed them.
    pub organisation_short_forms: bool,
    /// Mark a Chinese number that is all a pair of quotation marks holds (`“十一五”`, the
    /// eleventh five-year plan; `「三通」`) and a short quoted title of a name and a number
    /// (`„Vision 2020+“`, `"Agenda 2030"`) as a name, MISC, as the figure stage reads them
    /// (`claimx_lang::zh::quoted_numeral_names`, `claimx_lang::words::numbered_titles`),
    /// also where the tagger missed it.
    pub numeral_names: bool,
    /// Keep the stop of a company form or name suffix that ends the span (`Corp.`, `Ltd.`,
    /// `Jr.`), which the tagger leaves outside.
    pub abbreviation_stops: bool,
    /// Chinese spans follow the words (jieba's): function words at the edges are cut off
    /// (`中国的`, `…公司在`), and a span that stops one character short of its word's end
    /// takes it (`雷某`, `黑龙江省`, `朱宏任`).
    pub chinese_word_edges: bool,
    /// Every mention of a name takes the type its document gives that name most
    /// ([`consistent_types`]).
    pub consistent_types: bool,
    /// Mentions the tagger missed of a name it found with confidence elsewhere in the
    /// document become entities ([`propagate_names`]).
    pub propagate_names: bool,
    /// Drop spans whose label probability is below this: under even odds the model itself
    /// thinks the label more likely wrong than right.
    pub min_score: f32,
}

impl Default for EntityRefiner {
    fn default() -> Self {
        EntityRefiner {
            split_brackets: true,
            trim_words: true,
            compound_names: true,
            drop_adjectives: true,
            country_short_forms: true,
            organisation_short_forms: true,
            numeral_names: true,
            abbreviation_stops: true,
            chinese_word_edges: true,
            consistent_types: true,
            propagate_names: true,
            min_score: 0.5,
        }
    }
}

use claimx_lang::en::{
    COUNTRY_SHORT_FORMS, DEMONYMS, NAME_FINAL_ABBREVIATIONS, ORGANISATION_SHORT_FORMS,
};

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x0250
}

fn has_han(s: &str) -> bool {
    s.chars().any(claimx_lang::script::is_han)
}

/// "US", "AWS", "EU", "U.S.": two or more capitals and no lower-case letter.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !word.chars().any(|c| c.is_lowercase())
}

fn starts_lowercase(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_lowercase())
}

/// Words of `text[start..end]` as byte ranges, split at whitespace.
fn words(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    claimx_lang::words::word_spans(&text[start..end])
        .map(|(s, e)| (start + s, start + e))
        .collect()
}

/// Shrink `[start, end)` past leading and trailing characters that cannot begin or end a name
/// (quotes, brackets, commas); a final dot stays on abbreviations such as "U.S.".
fn trim_punctuation(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while let Some(c) = text[start..end].chars().next() {
        if c.is_alphanumeric() {
            break;
        }
        start += c.len_utf8();
    }
    while let Some(c) = text[start..end].chars().next_back() {
        if c.is_alphanumeric() {
            break;
        }
        let before = &text[start..end - c.len_utf8()];
        let abbreviation = c == '.' && before.contains('.') && !before.contains(' ');
        if abbreviation {
            break;
        }
        end -= c.len_utf8();
    }
    (start, end)
}

/// Cut or complete Chinese spans at the edges of the sentence's words (jieba's, read in
/// Simplified characters): a name neither begins nor ends with a particle, preposition or
/// conjunction that is a word of its own (`中国的`, `民生加银基金公司在`; the list is
/// lexical, `claimx_lang::zh::NAME_EDGE_FUNCTION_WORDS`, because jieba's tags of single
/// characters after unknown names are unreliable: `刘长|根` has `根` as a preposition), and it
/// does not stop just before the generic last character of its word (`雷` of `雷某`,
/// `黑龙江` of `黑龙江省`: `claimx_lang::zh::NAME_SUFFIXES`). One character of a longer word
/// is no name (`信` of `微信群`): its span is emptied here, and the caller drops empty spans.
fn chinese_word_edges(text: &str, spans: &mut [EntitySpan]) {
    let simple = claimx_lang::zh::to_simplified(text);
    let words = claimx_lang::zh::words(&simple);
    let function = |w: &claimx_lang::zh::Word| {
        claimx_lang::zh::NAME_EDGE_FUNCTION_WORDS.contains(&&simple[w.start..w.end])
    };
    for k in 0..spans.len() {
        let taken = |from: usize, to: usize| {
            spans
                .iter()
                .enumerate()
                .any(|(j, o)| j != k && o.start < to && from < o.end)
        };
        let span = &spans[k];
        if !has_han(&text[span.start..span.end]) {
            continue;
        }
        // the rest of word `w` after the span is one generic last character (`某` of `雷某`)
        let suffix_rest = |w: &claimx_lang::zh::Word| {
            let mut rest = simple[span.end.min(w.end)..w.end].chars();
            rest.next()
                .is_some_and(|c| claimx_lang::zh::NAME_SUFFIXES.contains(&c))
                && rest.next().is_none()
        };
        // the words overlapping the span (words are in order and apart: two searches, so a
        // long sentence with many names stays linear)
        let near = {
            let lo = words.partition_point(|w| w.end <= span.start);
            let hi = words.partition_point(|w| w.start < span.end);
            &words[lo..hi.max(lo)]
        };
        // one character of a longer word is a piece of that word (`信` of `微信群`, `报` of
        // `大公报`), no name of its own
        let one_char = text[span.start..span.end].chars().count() == 1;
        // (unless the rest of the word is the generic part completed below: `雷` of `雷某`)
        let completed = |w: &claimx_lang::zh::Word| w.start == span.start && suffix_rest(w);
        if one_char
            && near.iter().any(|w| {
                w.start <= span.start
                    && span.end <= w.end
                    && w.end - w.start > span.end - span.start
                    && !completed(w)
            })
        {
            spans[k].end = spans[k].start;
            continue;
        }
        let inside: Vec<&claimx_lang::zh::Word> = near
            .iter()
            .filter(|w| w.start >= span.start && w.end <= span.end)
            .collect();
        let (mut first, mut last) = (0, inside.len());
        while last - first > 1 && inside[last - 1].end == span.end && function(inside[last - 1]) {
            last -= 1;
        }
        while last - first > 1 && inside[first].start == span.start && function(inside[first]) {
            first += 1;
        }
        if last - first < inside.len() {
            let (start, end) = (inside[first].start, inside[last - 1].end);
            let span = &mut spans[k];
            span.start = span.start.max(start);
            span.end = span.end.min(end);
            continue;
        }
        let Some(cut) = near
            .iter()
            .find(|w| w.start < span.end && span.end < w.end && w.start >= span.start)
        else {
            continue;
        };
        if suffix_rest(cut) && !taken(span.end, cut.end) {
            spans[k].end = cut.end;
        }
    }
}

/// Every one of `forms` ("US", "U.S.", "EU") standing alone or before a hyphen, as byte
/// ranges.
fn short_forms(text: &str, forms: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for form in forms {
        for (at, _) in text.match_indices(form) {
            let end = at + form.len();
            let before = text[..at].chars().next_back();
            let after = text[end..].chars().next();
            let left_edge = before.is_none_or(|c| !c.is_alphanumeric() && c != '.' && c != '-');
            let right_edge = match after {
                None => true,
                Some('-') => true,
                // "U.S." ends in a dot already; "US." ends a sentence
                Some(c) => !c.is_alphanumeric() && (c != '.' || !form.ends_with('.')),
            };
            if left_edge && right_edge {
                out.push((at, end));
            }
        }
    }
    out
}

/// Punctuation ("—", "„"), or a list number ("4.", "2)") that begins its line: a numbered
/// navigation list, not the "1." of "der 1. FC Köln" nor the year of "2008 Olympics".
fn is_list_marker(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    if !word.chars().any(char::is_alphanumeric) {
        return true;
    }
    let numbered = word.len() <= 4
        && (word.ends_with('.') || word.ends_with(')'))
        && word[..word.len() - 1].chars().all(|c| c.is_ascii_digit());
    let line_start = text[..start]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace);
    numbered && line_start
}

impl EntityRefiner {
    /// Refine the spans the tagger found in one sentence's `text`.
    pub fn refine(&self, text: &str, lang: Lang, spans: &[EntitySpan]) -> Vec<EntitySpan> {
        let mut out = Vec::new();
        for span in spans.iter().filter(|s| s.score >= self.min_score) {
            for (start, end) in self.pieces(text, span.start, span.end) {
                if let Some(refined) = self.refine_one(text, lang, span, start, end) {
                    out.push(refined);
                }
            }
        }
        if self.chinese_word_edges && out.iter().any(|s| has_han(&text[s.start..s.end])) {
            chinese_word_edges(text, &mut out);
            out.retain(|s| s.start < s.end);
        }
        for (on, forms, kind) in [
            (
                self.country_short_forms,
                COUNTRY_SHORT_FORMS,
                EntityType::Loc,
            ),
            (
                self.organisation_short_forms,
                ORGANISATION_SHORT_FORMS,
                EntityType::Org,
            ),
        ] {
            if !on {
                continue;
            }
            for (start, end) in short_forms(text, forms) {
                if !out.iter().any(|s| s.start < end && start < s.end) {
                    out.push(EntitySpan {
                        start,
                        end,
                        kind,
                        score: 1.0,
                    });
                }
            }
        }
        if self.numeral_names {
            let names = claimx_lang::zh::quoted_numeral_names(text)
                .into_iter()
                .chain(claimx_lang::words::numbered_titles(text));
            for (start, end) in names {
                out.retain(|s| !(s.start < end && start < s.end));
                out.push(EntitySpan {
                    start,
                    end,
                    kind: EntityType::Misc,
                    score: 1.0,
                });
            }
        }
        // a name inside a web or mail address (`reuters.com/business/Deutsche-Bank`) is part
        // of the address, no mention
        let addresses = claimx_lang::words::web_addresses(text);
        out.retain(|m| !claimx_lang::words::overlaps_any(&addresses, m.start, m.end));
        out.sort_by_key(|s| (s.start, s.end));
        out.dedup_by(|a, b| a.start == b.start && a.end == b.end);
        out
    }

    /// The span, or its parts around brackets.
    fn pieces(&self, text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
        let inner = &text[start..end];
        if !self.split_brackets {
            return vec![(start, end)];
        }
        let mut out = Vec::new();
        let mut from = start;
        // names joined by a slash in one word are a list (`APA/Reuters`, `dpa/AFP`); a slash
        // in a longer name stays (`Bündnis 90/Die Grünen`), and so do acronyms joined into
        // one (`CDU/CSU`, `TCP/IP`)
        let parts = || inner.split('/');
        let slash_list = !inner.contains(char::is_whitespace)
            && parts().count() > 1
            && parts().all(|p| p.chars().count() >= 2 && p.starts_with(char::is_alphabetic))
            && !parts().all(is_acronym);
        for (i, c) in inner.char_indices() {
            if matches!(c, '(' | ')' | '（' | '）' | '[' | ']') || (c == '/' && slash_list) {
                out.push((from, start + i));
                from = start + i + c.len_utf8();
            }
        }
        out.push((from, end));
        out.retain(|&(a, b)| text[a..b].chars().any(char::is_alphanumeric));
        out
    }

    fn refine_one(
        &self,
        text: &str,
        lang: Lang,
        span: &EntitySpan,
        start: usize,
        end: usize,
    ) -> Option<EntitySpan> {
        let (mut start, mut end) = trim_punctuation(text, start, end);
        let latin = !has_han(&text[start..end]) && lang != Lang::Zh;
        if latin && self.trim_words {
            let mut ws = words(text, start, end);
            while ws
                .first()
                .is_some_and(|&(a, b)| is_list_marker(text, a, b) || starts_lowercase(&text[a..b]))
            {
                ws.remove(0);
            }
            while ws
                .last()
                .is_some_and(|&(a, b)| starts_lowercase(&text[a..b]))
            {
                ws.pop();
            }
            let (&(first, _), &(_, last)) = (ws.first()?, ws.last()?);
            (start, end) = trim_punctuation(text, first, last);
        }
        if latin && self.compound_names {
            end = self.compound_name_end(text, start, end);
        }
        if latin && self.abbreviation_stops && text[end..].starts_with('.') {
            let last = text[start..end]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if NAME_FINAL_ABBREVIATIONS.contains(&last.to_lowercase().as_str()) {
                end += 1;
            }
        }
        let name = &text[start..end];
        // an article alone (`The` opening a sentence) names nothing; before a name it stays,
        // as titles keep it (`Die Welt`, `The Economist` in GermEval and WNUT-17)
        let article = claimx_lang::words::ARTICLES.contains(&name.to_lowercase().as_str());
        if name.is_empty() || !name.chars().any(char::is_alphanumeric) || (latin && article) {
            return None;
        }
        if latin && self.drop_adjectives {
            let capital = name.chars().any(|c| c.is_uppercase() || c.is_ascii_digit());
            let letters = name.chars().any(is_latin_letter);
            if (letters && !capital) || DEMONYMS.contains(&name) {
                return None;
            }
        }
        // a currency's name (`Euro`, `Dollar`, `Yuan`) is the unit of an amount, no product or
        // organisation; as a place (`Franken`) or a person (`Yuan`) it may be one
        if matches!(span.kind, EntityType::Misc | EntityType::Org)
            && claimx_lang::units::currency_word(name).is_some()
        {
            return None;
        }
        let kind = if self.country_short_forms && COUNTRY_SHORT_FORMS.contains(&name) {
            EntityType::Loc
        } else if self.organisation_short_forms && ORGANISATION_SHORT_FORMS.contains(&name) {
            EntityType::Org
        } else {
            span.kind
        };
        Some(EntitySpan {
            start,
            end,
            kind,
            score: span.score,
        })
    }

    /// Where the name ends when the span's single word is a hyphenated compound whose name
    /// part is recognisable: an acronym ("AWS-Stand", "US-Konzern") or any part before a
    /// lower-case tail ("Shanghai-based", "US-chinesischen"). Joined names such as
    /// "Baden-Württemberg" or "Coca-Cola" are left whole.
    fn compound_name_end(&self, text: &str, start: usize, end: usize) -> usize {
        let word = &text[start..end];
        // `Bundesbank-Chef`, `Air-France-Chef`: a head noun after the last hyphen makes the
        // compound a common noun about the name before it (also after a phrase: `Deutsche
        // Bank-Chef`)
        if let Some(hyphen) = word.rfind('-') {
            let last = word[hyphen + 1..].to_lowercase();
            let head_noun = claimx_lang::de::COMPOUND_HEAD_NOUNS
                .iter()
                .any(|h| last.ends_with(h));
            if head_noun && word[..hyphen].chars().any(char::is_alphanumeric) {
                return start + hyphen;
            }
        }
        if word.contains(char::is_whitespace) {
            return end;
        }
        let Some(hyphen) = word.find('-') else {
            return end;
        };
        let (head, tail) = (&word[..hyphen], &word[hyphen + 1..]);
        if head.is_empty() || tail.is_empty() {
            return end;
        }
        let tail_first = tail.split('-').next().unwrap_or(tail);
        if starts_lowercase(tail_first) || (is_acronym(head) && !is_acronym(tail_first)) {
            start + hyphen
        } else {
            end
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn refine_text(
        text: &str,
        lang: Lang,
        name: &str,
        kind: EntityType,
    ) -> Vec<(String, EntityType)> {
        let start = text.find(name).expect("name in text");
        let span = EntitySpan {
            start,
            end: start + name.len(),
            kind,
            score: 0.9,
        };
        EntityRefiner::default()
            .refine(text, lang, &[span])
            .into_iter()
            .map(|s| (text[s.start..s.end].to_string(), s.kind))
            .collect()
    }

    #[rstest]
    #[case::list_number(Lang::De, "4. Amazon Cloud", "4. Amazon", &["Amazon"])]
    #[case::list_number_on_a_later_line(Lang::De, "x\n  4. Amazon", "4. Amazon", &["Amazon"])]
    #[case::ordinal_in_a_name(Lang::De, "Der 1. FC Köln gewinnt", "1. FC Köln", &["1. FC Köln"])]
    #[case::year_in_a_name(Lang::En, "the 2008 Summer Olympics", "2008 Summer Olympics", &["2008 Summer Olympics"])]
    #[case::closing_quote(Lang::De, "„Der AWS“ sagte", "AWS“", &["AWS"])]
    #[case::abbreviation_dot(Lang::En, "the U.S. said", "U.S.", &["U.S."])]
    #[case::brackets(Lang::En, "Amazon Web Services (AWS) said", "Amazon Web Services (AWS)", &["Amazon Web Services", "AWS"])]
    #[case::brackets_with_tail(Lang::En, "Amazon Web Services (AWS) research unit", "Amazon Web Services (AWS) research unit", &["Amazon Web Services", "AWS"])]
    #[case::trailing_noun(Lang::En, "the Shanghai lab closed", "Shanghai lab", &["Shanghai"])]
    #[case::leading_article(Lang::En, "said the AWS spokesman", "the AWS", &["AWS"])]
    #[case::inner_lowercase_kept(Lang::De, "das Bundesministerium für Bildung", "Bundesministerium für Bildung", &["Bundesministerium für Bildung"])]
    #[case::german_adjective(Lang::De, "die chinesischen Behörden", "chinesischen", &[])]
    #[case::leading_adjective(Lang::De, "der chinesischen Metropole Shanghai", "chinesischen Metropole Shanghai", &["Metropole Shanghai"])]
    #[case::english_demonym(Lang::En, "Chinese firms", "Chinese", &[])]
    #[case::acronym_compound(Lang::De, "am AWS-Stand", "AWS-Stand", &["AWS"])]
    #[case::lowercase_tail(Lang::En, "a Shanghai-based lab", "Shanghai-based", &["Shanghai"])]
    #[case::joined_name_kept(Lang::De, "in Baden-Württemberg", "Baden-Württemberg", &["Baden-Württemberg"])]
    #[case::name_compound_head_noun(Lang::De, "ein Amazon-Sprecher", "Amazon-Sprecher", &["Amazon"])]
    #[case::name_compound_head_noun_after_a_joined_name(Lang::De, "Air-France-Chef Smith", "Air-France-Chef", &["Air-France"])]
    #[case::joined_company_name_kept(Lang::De, "bei Mercedes-Benz", "Mercedes-Benz", &["Mercedes-Benz"])]
    #[case::chinese_untouched(Lang::Zh, "亚马逊云科技（AWS）宣布", "亚马逊云科技", &["亚马逊云科技"])]
    #[case::chinese_brackets(Lang::Zh, "亚马逊云科技（AWS）宣布", "亚马逊云科技（AWS）", &["亚马逊云科技", "AWS"])]
    #[case::chinese_particle_after(Lang::Zh, "中国的经济增长了", "中国的", &["中国"])]
    #[case::chinese_preposition_after(Lang::Zh, "民生加银基金公司在北京开业", "民生加银基金公司在", &["民生加银基金公司"])]
    #[case::chinese_word_completed(Lang::Zh, "警方抓获雷某。", "雷", &["雷某"])]
    #[case::chinese_province_completed(Lang::Zh, "他来自黑龙江省哈尔滨市", "黑龙江", &["黑龙江省"])]
    #[case::chinese_name_kept(Lang::Zh, "副司长刘长根透露", "刘长根", &["刘长根"])]
    #[case::chinese_glued_speech_verb(Lang::Zh, "梁振英称，政府会研究", "梁振英", &["梁振英"])]
    #[case::chinese_piece_of_a_word(Lang::Zh, "他们在微信群里讨论", "信", &[])]
    #[case::chinese_glued_verb(Lang::Zh, "多利纳是乌克兰的一座城市", "多利纳", &["多利纳"])]
    #[case::chinese_name_with_de(Lang::Zh, "美的集团发布公告", "美的集团", &["美的集团"])]
    #[case::company_form_stop(Lang::En, "retailer Kmart Holding Corp. said", "Kmart Holding Corp", &["Kmart Holding Corp."])]
    #[case::name_suffix_stop(Lang::En, "Sears, Roebuck & Co. (S.N)", "Roebuck & Co", &["Roebuck & Co."])]
    #[case::no_stop_for_other_words(Lang::En, "He met Merkel. Then", "Merkel", &["Merkel"])]
    #[case::agency_credits(Lang::De, "(APA/Reuters, 27.7.2015)", "APA/Reuters", &["APA", "Reuters"])]
    #[case::acronyms_joined(Lang::De, "die Fraktion der CDU/CSU", "CDU/CSU", &["CDU/CSU"])]
    #[case::slash_in_a_longer_name(Lang::De, "die Partei Bündnis 90/Die Grünen", "Bündnis 90/Die Grünen", &["Bündnis 90/Die Grünen"])]
    #[case::article_alone(Lang::En, "The incident", "The", &[])]
    #[case::article_in_a_title(Lang::De, "sagte er der Welt. Die Welt berichtet", "Die Welt", &["Die Welt"])]
    #[case::currency_name(Lang::De, "3 Millionen Euro mehr", "Euro", &[])]
    #[case::currency_in_a_name(Lang::De, "der Euro Stoxx 50 fiel", "Euro Stoxx 50", &["Euro Stoxx 50"])]
    #[case::only_punctuation(Lang::En, "a — b", "—", &[])]
    #[case::inside_an_address(Lang::De, "mehr bei reuters.com/business/Deutsche-Bank heute", "Deutsche-Bank", &[])]
    #[case::beside_an_address(Lang::De, "Deutsche Bank (www.db.com)", "Deutsche Bank", &["Deutsche Bank"])]
    fn spans_follow_the_guideline(
        #[case] lang: Lang,
        #[case] text: &str,
        #[case] span: &str,
        #[case] want: &[&str],
    ) {
        let got: Vec<String> = refine_text(text, lang, span, EntityType::Org)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(got, want);
    }

    #[rstest]
    #[case("US-Konzern", "US")]
    #[case("US-chinesischen", "US")]
    #[case("U.S.", "U.S.")]
    fn country_short_forms_are_places(#[case] span: &str, #[case] name: &str) {
        let text = format!("der {span} Markt");
        let got = refine_text(&text, Lang::De, span, EntityType::Org);
        assert_eq!(got, vec![(name.to_string(), EntityType::Loc)]);
    }

    #[rstest]
    #[case("Der US-Konzern und die USA streiten.", &["US", "USA"])]
    #[case("U.S. officials met UK ministers.", &["U.S.", "UK"])]
    #[case("BUSINESS und USB-Sticks, AUSTRALIA", &[])]
    #[case("Nach US-Angaben", &["US"])]
    fn country_short_forms_are_found_where_the_tagger_missed_them(
        #[case] text: &str,
        #[case] want: &[&str],
    ) {
        let got: Vec<&str> = EntityRefiner::default()
            .refine(text, Lang::De, &[])
            .iter()
            .map(|s| {
                assert_eq!(s.kind, EntityType::Loc);
                &text[s.start..s.end]
            })
            .collect();
        assert_eq!(got, want);
    }

    #[rstest]
    #[case("Die EU und die USA streiten.", &[("EU", EntityType::Org), ("USA", EntityType::Loc)])]
    #[case("Der EU-Kommissar sprach vor der UN.", &[("EU", EntityType::Org), ("UN", EntityType::Org)])]
    #[case("EUROPE and the EURO", &[])]
    fn organisation_short_forms_are_organisations(
        #[case] text: &str,
        #[case] want: &[(&str, EntityType)],
    ) {
        // also where the tagger took the EU for a place
        let tagged: Vec<EntitySpan> = text
            .match_indices("EU")
            .take(1)
            .filter(|(at, _)| text[at + 2..].starts_with([' ', '-']))
            .map(|(at, _)| EntitySpan {
                start: at,
                end: at + 2,
                kind: EntityType::Loc,
                score: 0.9,
            })
            .collect();
        let got: Vec<(&str, EntityType)> = EntityRefiner::default()
            .refine(text, Lang::De, &tagged)
            .iter()
            .map(|s| (&text[s.start..s.end], s.kind))
            .collect();
        assert_eq!(got, want);
    }

    /// Names found with confidence are marked wherever else they stand as words.
    #[rstest]
    #[case::latin(Lang::En, "Sears grew. Buying Sears, Searsville and Sears-owned shops.", "Sears", EntityType::Org, &["Sears", "Sears", "Sears"])]
    #[case::chinese(Lang::Zh, "中国的出口增长。特朗普对中国征收关税。", "中国", EntityType::Loc, &["中国", "中国"])]
    #[case::chinese_inside_a_word(Lang::Zh, "中国的出口增长。中国队赢了。", "中国", EntityType::Loc, &["中国"])]
    fn names_found_once_are_found_everywhere(
        #[case] lang: Lang,
        #[case] text: &str,
        #[case] name: &str,
        #[case] kind: EntityType,
        #[case] want: &[&str],
    ) {
        let index = claimx_doc::OffsetIndex::new(text);
        // sentences at the full stops, without parsed words (jieba's are read)
        let mut sentences = Vec::new();
        let mut from = 0;
        for (at, c) in text.char_indices().filter(|(_, c)| matches!(c, '.' | '。')) {
            let end = at + c.len_utf8();
            let start = from + (text[from..end].len() - text[from..end].trim_start().len());
            sentences.push(claimx_doc::Sentence {
                span: index.span(start, end),
                boilerplate: false,
                lang,
                words: Vec::new(),
            });
            from = end;
        }
        let at = text.find(name).unwrap();
        let mut entities = vec![claimx_doc::Entity {
            span: index.span(at, at + name.len()),
            text: name.into(),
            kind,
            score: 0.95,
            canonical: name.into(),
        }];
        EntityRefiner::default().propagate(text, &index, &sentences, &mut entities);
        let got: Vec<&str> = entities.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(got, want);
        assert!(entities.iter().all(|e| e.kind == kind));
        // an unsure name is not looked for
        let mut unsure = vec![claimx_doc::Entity {
            score: 0.6,
            ..entities[0].clone()
        }];
        EntityRefiner::default().propagate(text, &index, &sentences, &mut unsure);
        assert_eq!(unsure.len(), 1);
    }

    #[test]
    fn unlikely_labels_are_dropped() {
        let text = "Anzeige Amazon";
        let spans = [
            EntitySpan {
                start: 0,
                end: 7,
                kind: EntityType::Org,
                score: 0.41,
            },
            EntitySpan {
                start: 8,
                end: 14,
                kind: EntityType::Org,
                score: 0.93,
            },
        ];
        let got = EntityRefiner::default().refine(text, Lang::De, &spans);
        assert_eq!(got, vec![spans[1].clone()]);
    }

    #[test]
    fn rules_can_be_switched_off() {
        let text = "the Shanghai lab";
        let span = EntitySpan {
            start: 4,
            end: 16,
            kind: EntityType::Org,
            score: 0.5,
        };
        let off = EntityRefiner {
            split_brackets: false,
            trim_words: false,
            compound_names: false,
            drop_adjectives: false,
            country_short_forms: false,
            organisation_short_forms: false,
            numeral_names: false,
            abbreviation_stops: false,
            chinese_word_edges: false,
            consistent_types: false,
            propagate_names: false,
            min_score: 0.0,
        };
        assert_eq!(
            off.refine(text, Lang::En, std::slice::from_ref(&span)),
            vec![span]
        );
    }

    /// A Chinese number that is all a pair of quotes holds is a name (MISC), also over a span
    /// the tagger typed otherwise; a single quoted numeral and a quoted phrase are not.
    #[test]
    fn quoted_numeral_names_are_misc() {
        let text = "环保部称，“十一五”的减排指标将提前完成，“一”和“五”不同，“一带一路”倡议。";
        let at = text.find("十一五").unwrap();
        let tagged = EntitySpan {
            start: at,
            end: at + "十一五".len(),
            kind: EntityType::Org,
            score: 0.6,
        };
        let out = EntityRefiner::default().refine(text, Lang::Zh, &[tagged]);
        let found: Vec<(&str, EntityType)> = out
            .iter()
            .map(|s| (&text[s.start..s.end], s.kind))
            .collect();
        assert_eq!(found, [("十一五", EntityType::Misc)]);
        let text = "Mit der Strategie „Vision 2020+“ will Siemens 2020 um 5 Prozent wachsen.";
        let out = EntityRefiner::default().refine(text, Lang::De, &[]);
        let found: Vec<(&str, EntityType)> = out
            .iter()
            .map(|s| (&text[s.start..s.end], s.kind))
            .collect();
        assert_eq!(found, [("Vision 2020+", EntityType::Misc)]);
    }
}
