//! Scoring annotated documents against gold files.

use crate::gold::GoldDocument;
use crate::metrics::{close, reliability, Accuracy, Prf, Reliability};
use claimx_doc::{AnnotatedDocument, FigureValue};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One error, readable: what was expected or produced, and the text at that place.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    /// The gold document.
    pub doc_id: String,
    /// The layer (`sentences`, `figures`, `entities`, `claims`, …).
    pub layer: &'static str,
    /// `missed` (in gold only), `spurious` (predicted only) or `wrong_value`.
    pub what: &'static str,
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// The text at that place.
    pub text: String,
    /// What was expected or produced.
    pub detail: String,
}

/// Scores per layer, per language and per figure type.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SeedReport {
    /// Documents scored.
    pub documents: usize,
    /// Sentences, exact span, per language.
    pub sentences: BTreeMap<String, Prf>,
    /// Boilerplate marks of matched sentences, per language.
    pub boilerplate: BTreeMap<String, Accuracy>,
    /// Language segments, exact span and language, per language.
    pub segments: BTreeMap<String, Prf>,
    /// Documents whose segment list (spans and languages) equals the gold exactly.
    pub segments_exact_docs: Accuracy,
    /// Publication dates equal to gold.
    pub published: Accuracy,
    /// Figures, exact span, per language.
    pub figures: BTreeMap<String, Prf>,
    /// Figures, exact span and type, per type (gold counted by its type, predictions by
    /// theirs).
    pub figures_by_type: BTreeMap<String, Prf>,
    /// Type of matched figures, per language.
    pub figure_type: BTreeMap<String, Accuracy>,
    /// Value (and upper) of matched figures, per language.
    pub figure_value: BTreeMap<String, Accuracy>,
    /// Bound of matched figures, per language.
    pub figure_bound: BTreeMap<String, Accuracy>,
    /// Unit of matched figures (ISO 4217 code, `%`, counted noun; case-insensitive), per
    /// language.
    pub figure_unit: BTreeMap<String, Accuracy>,
    /// Entities: exact span and type.
    pub entities: BTreeMap<String, Prf>,
    /// Entities, exact span, per type.
    pub entities_by_type: BTreeMap<String, Prf>,
    /// Claims matched on sentence + subject + figure (see [`claim_matches`]).
    pub claims: BTreeMap<String, Prf>,
    /// Fields of matched claims judged against gold (`subject`, `predicate`, `time`,
    /// `attribution`, `cue`, `hedged`; see [`claim_field_checks`]), per field and language.
    pub claim_fields: BTreeMap<String, BTreeMap<String, Accuracy>>,
    /// Predicted claims' confidence against whether they matched a gold claim.
    pub claim_reliability: Reliability,
    /// `(confidence, matched)` of every predicted claim, for [`Self::claim_reliability`].
    #[serde(skip)]
    pub claim_confidences: Vec<(f32, bool)>,
    /// Every miss, readable.
    pub misses: Vec<Miss>,
}

impl SeedReport {
    /// Totals over languages for a per-language table.
    pub fn total<T: Copy + Default>(map: &BTreeMap<String, T>, add: impl Fn(&mut T, T)) -> T {
        let mut t = T::default();
        for v in map.values() {
            add(&mut t, *v);
        }
        t
    }
}

fn lang_at(g: &GoldDocument, start: usize) -> String {
    g.segments
        .iter()
        .find(|s| s.start <= start && start < s.end)
        .map(|s| s.lang.clone())
        .or_else(|| g.languages.first().cloned())
        .unwrap_or_else(|| "other".into())
}

fn slice(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e.saturating_sub(s)).collect()
}

fn value_matches(gold: &serde_json::Value, pred: &Option<FigureValue>) -> bool {
    match (gold, pred) {
        (serde_json::Value::Null, None) => true,
        (serde_json::Value::Number(n), Some(FigureValue::Number(p))) => {
            n.as_f64().is_some_and(|g| close(g, *p))
        }
        (serde_json::Value::String(g), Some(FigureValue::Text(p))) => g == p,
        (serde_json::Value::String(g), Some(FigureValue::Number(p))) => {
            g.parse::<f64>().is_ok_and(|g| close(g, *p))
        }
        _ => false,
    }
}

/// The guideline's name of a predicted figure type: it has no QUANTITY, a measurement is a
/// CARDINAL with its unit.
fn guideline_kind(kind: claimx_doc::FigureType) -> &'static str {
    match kind {
        claimx_doc::FigureType::Quantity => "CARDINAL",
        k => k.name(),
    }
}

/// Whether a gold and a predicted unit say the same: case aside, `%` and none alike (gold
/// writes percentages without a unit), a measure word as written or as its symbol
/// (`Zoll` = `in`, `公里` = `km`).
fn units_agree(gold: Option<&str>, pred: Option<&str>) -> bool {
    let norm = |u: Option<&str>| -> Option<String> {
        let u = u.filter(|u| *u != "%")?;
        Some(
            claimx_lang::units::quantity_unit(u)
                .unwrap_or(u)
                .to_lowercase(),
        )
    };
    norm(gold) == norm(pred)
}

fn show(v: &Option<FigureValue>) -> String {
    match v {
        None => "null".into(),
        Some(FigureValue::Number(n)) => format!("{n}"),
        Some(FigureValue::Text(t)) => t.clone(),
    }
}

/// Score pairs of gold and predicted documents.
pub fn score_documents(pairs: &[(GoldDocument, AnnotatedDocument)]) -> SeedReport {
    let mut r = SeedReport::default();
    for (g, p) in pairs {
        r.documents += 1;
        let doc = &g.doc_id;
        // Published date
        let pred_pub = p.published.as_ref().map(|x| x.date.clone());
        r.published.add(pred_pub == g.published);
        if pred_pub != g.published {
            r.misses.push(Miss {
                doc_id: doc.clone(),
                layer: "published",
                what: "wrong_value",
                start: 0,
                end: 0,
                text: String::new(),
                detail: format!("gold {:?}, predicted {:?}", g.published, pred_pub),
            });
        }

        // Sentences
        let gold_s: HashMap<(usize, usize), bool> = g
            .sentences
            .iter()
            .map(|s| ((s.start, s.end), s.boilerplate))
            .collect();
        let pred_s: HashMap<(usize, usize), bool> = p
            .sentences
            .iter()
            .map(|s| ((s.span.start, s.span.end), s.boilerplate))
            .collect();
        for (&(s, e), &bp) in &gold_s {
            let lang = lang_at(g, s);
            let entry = r.sentences.entry(lang.clone()).or_default();
            entry.gold += 1;
            match pred_s.get(&(s, e)) {
                Some(&pbp) => {
                    entry.tp += 1;
                    r.boilerplate.entry(lang).or_default().add(pbp == bp);
                    if pbp != bp {
                        r.misses.push(Miss {
                            doc_id: doc.clone(),
                            layer: "boilerplate",
                            what: "wrong_value",
                            start: s,
                            end: e,
                            text: slice(&g.text, s, e),
                            detail: format!("gold boilerplate={bp}"),
                        });
                    }
                }
                None => r.misses.push(Miss {
                    doc_id: doc.clone(),
                    layer: "sentence",
                    what: "missed",
                    start: s,
                    end: e,
                    text: slice(&g.text, s, e),
                    detail: String::new(),
                }),
            }
        }
        for &(s, e) in pred_s.keys() {
            r.sentences.entry(lang_at(g, s)).or_default().pred += 1;
            if !gold_s.contains_key(&(s, e)) {
                r.misses.push(Miss {
                    doc_id: doc.clone(),
                    layer: "sentence",
                    what: "spurious",
                    start: s,
                    end: e,
                    text: slice(&g.text, s, e),
                    detail: String::new(),
                });
            }
        }

        // Language segments
        let gold_seg: HashSet<Labelled> = g
            .segments
            .iter()
            .map(|s| (s.start, s.end, s.lang.clone()))
            .collect();
        let pred_seg: HashSet<Labelled> = p
            .segments
            .iter()
            .map(|s| (s.span.start, s.span.end, s.lang.code().to_string()))
            .collect();
        r.segments_exact_docs.add(gold_seg == pred_seg);
        let mut segments = std::mem::take(&mut r.segments);
        score_labelled(
            &mut r.misses,
            g,
            "segment",
            &gold_seg,
            &pred_seg,
            &mut segments,
            None,
        );
        r.segments = segments;

        score_entities(&mut r, g, p);
        score_claims(&mut r, g, p);

        // Figures
        let pred_f: HashMap<(usize, usize), &claimx_doc::Figure> = p
            .figures
            .iter()
            .map(|f| ((f.span.start, f.span.end), f))
            .collect();
        let mut matched = HashSet::new();
        for gf in &g.figures {
            let lang = lang_at(g, gf.start);
            let e = r.figures.entry(lang.clone()).or_default();
            e.gold += 1;
            r.figures_by_type.entry(gf.kind.clone()).or_default().gold += 1;
            match pred_f.get(&(gf.start, gf.end)) {
                Some(pf) => {
                    let kind = guideline_kind(pf.kind);
                    matched.insert((gf.start, gf.end));
                    e.tp += 1;
                    // per type, a match needs the type too: a gold MONEY found as a CARDINAL
                    // is a miss of MONEY and a spurious CARDINAL, so precision stays ≤ 1
                    if kind == gf.kind {
                        r.figures_by_type.entry(gf.kind.clone()).or_default().tp += 1;
                    }
                    r.figure_type
                        .entry(lang.clone())
                        .or_default()
                        .add(kind == gf.kind);
                    let ok =
                        value_matches(&gf.value, &pf.value) && value_matches(&gf.upper, &pf.upper);
                    let unit_ok = units_agree(gf.unit.as_deref(), pf.unit.as_deref());
                    r.figure_unit.entry(lang.clone()).or_default().add(unit_ok);
                    r.figure_value.entry(lang.clone()).or_default().add(ok);
                    let pb = pf.bound.map(|b| {
                        serde_json::to_value(b)
                            .unwrap()
                            .as_str()
                            .unwrap()
                            .to_string()
                    });
                    r.figure_bound.entry(lang).or_default().add(pb == gf.bound);
                    if !ok || kind != gf.kind {
                        r.misses.push(Miss {
                            doc_id: doc.clone(),
                            layer: "figure",
                            what: "wrong_value",
                            start: gf.start,
                            end: gf.end,
                            text: gf.text.clone(),
                            detail: format!(
                                "gold {} {}{}, predicted {} {}{}",
                                gf.kind,
                                gf.value,
                                if gf.upper.is_null() {
                                    String::new()
                                } else {
                                    format!(" to {}", gf.upper)
                                },
                                kind,
                                show(&pf.value),
                                pf.upper
                                    .as_ref()
                                    .map(|u| format!(" to {}", show(&Some(u.clone()))))
                                    .unwrap_or_default()
                            ),
                        });
                    }
                }
                None => r.misses.push(Miss {
                    doc_id: doc.clone(),
                    layer: "figure",
                    what: "missed",
                    start: gf.start,
                    end: gf.end,
                    text: gf.text.clone(),
                    detail: format!("{} {}", gf.kind, gf.value),
                }),
            }
        }
        for (k, pf) in &pred_f {
            r.figures.entry(lang_at(g, k.0)).or_default().pred += 1;
            let kind = guideline_kind(pf.kind);
            r.figures_by_type.entry(kind.to_string()).or_default().pred += 1;
            if !matched.contains(k) {
                r.misses.push(Miss {
                    doc_id: doc.clone(),
                    layer: "figure",
                    what: "spurious",
                    start: k.0,
                    end: k.1,
                    text: pf.text.to_string(),
                    detail: format!("{} {}", pf.kind.name(), show(&pf.value)),
                });
            }
        }
    }
    r.misses
        .sort_by(|a, b| (a.layer, &a.doc_id, a.start).cmp(&(b.layer, &b.doc_id, b.start)));
    r.claim_reliability = reliability(&r.claim_confidences);
    r
}

/// Spans with a label (language, entity type), in code points.
type Labelled = (usize, usize, String);

/// Exact matching of labelled spans: counts per language of the gold segment (and per label
/// when `by_label` is given), and the misses with their text.
fn score_labelled(
    misses: &mut Vec<Miss>,
    g: &GoldDocument,
    layer: &'static str,
    gold: &HashSet<Labelled>,
    pred: &HashSet<Labelled>,
    by_lang: &mut BTreeMap<String, Prf>,
    mut by_label: Option<&mut BTreeMap<String, Prf>>,
) {
    let shown = |s: usize, e: usize| slice(&g.text, s, e.min(s + 40));
    for x in gold {
        let hit = pred.contains(x);
        let e = by_lang.entry(lang_at(g, x.0)).or_default();
        e.gold += 1;
        e.tp += hit as usize;
        if let Some(m) = by_label.as_deref_mut() {
            let t = m.entry(x.2.clone()).or_default();
            t.gold += 1;
            t.tp += hit as usize;
        }
        if !hit {
            misses.push(Miss {
                doc_id: g.doc_id.clone(),
                layer,
                what: "missed",
                start: x.0,
                end: x.1,
                text: shown(x.0, x.1),
                detail: x.2.clone(),
            });
        }
    }
    for x in pred {
        by_lang.entry(lang_at(g, x.0)).or_default().pred += 1;
        if let Some(m) = by_label.as_deref_mut() {
            m.entry(x.2.clone()).or_default().pred += 1;
        }
        if !gold.contains(x) {
            misses.push(Miss {
                doc_id: g.doc_id.clone(),
                layer,
                what: "spurious",
                start: x.0,
                end: x.1,
                text: shown(x.0, x.1),
                detail: x.2.clone(),
            });
        }
    }
}

fn score_entities(r: &mut SeedReport, g: &GoldDocument, p: &AnnotatedDocument) {
    let gold: HashSet<Labelled> = g
        .entities
        .iter()
        .map(|e| (e.start, e.end, e.kind.clone()))
        .collect();
    let type_name = |k: claimx_doc::EntityType| {
        serde_json::to_value(k)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    };
    let pred: HashSet<Labelled> = p
        .entities
        .iter()
        .map(|e| (e.span.start, e.span.end, type_name(e.kind)))
        .collect();
    score_labelled(
        &mut r.misses,
        g,
        "entity",
        &gold,
        &pred,
        &mut r.entities,
        Some(&mut r.entities_by_type),
    );
}

/// Lower-cased subject without leading articles and determiners.
fn norm_subject(s: &str) -> String {
    const ARTICLES: &[&str] = &[
        "the", "a", "an", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "sein",
        "seine", "its", "their",
    ];
    let words: Vec<String> = s.split_whitespace().map(|w| w.to_lowercase()).collect();
    let start = words
        .iter()
        .position(|w| !ARTICLES.contains(&w.as_str()))
        .unwrap_or(words.len());
    words[start..].join(" ")
}

/// A predicted claim matches a gold claim when they lie in the same sentence, carry the same
/// figure (same span, or both none), and name the same subject: equal after dropping articles
/// and case, one containing the other (`the lab` / `the Shanghai lab`), or the same canonical
/// entity. A gold claim without a written subject (a subjectless clause) matches only a
/// prediction without one or one resolved to the gold's entity: a guessed subject is wrong.
pub fn claim_matches(
    gold: &crate::gold::GoldClaim,
    pred: &claimx_doc::Claim,
    pred_doc: &AnnotatedDocument,
) -> bool {
    if [pred.sentence.start, pred.sentence.end] != gold.sentence {
        return false;
    }
    let pred_fig = pred
        .figure
        .and_then(|i| pred_doc.figures.get(i))
        .map(|f| [f.span.start, f.span.end]);
    if pred_fig != gold.figure {
        return false;
    }
    let gs = norm_subject(&gold.subject);
    let ps = norm_subject(pred.subject.as_deref().unwrap_or(""));
    let same_entity = same_subject_entity(gold, pred);
    if gs.is_empty() {
        return ps.is_empty() || same_entity;
    }
    let same_text = !ps.is_empty() && (gs == ps || gs.contains(&ps) || ps.contains(&gs));
    same_text || same_entity
}

fn same_subject_entity(gold: &crate::gold::GoldClaim, pred: &claimx_doc::Claim) -> bool {
    let same = |b: &Option<claimx_doc::CompactString>| match (&gold.subject_entity, b) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    };
    same(&pred.subject_entity) || same(&pred.subject_canonical)
}

/// The words of a field, lower-cased: letters and digits between other characters, and
/// Chinese runs cut into their words (jieba's, as the pipeline's), which no space separates
/// (`参选行政长官` and `参选` have `参选` in common as `will cut` and `cut` have `cut`).
fn words_lower(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            if w.chars().any(claimx_lang::script::is_han) {
                claimx_lang::zh::words(w)
                    .iter()
                    .map(|x| w[x.start..x.end].to_lowercase())
                    .collect()
            } else {
                vec![w.to_lowercase()]
            }
        })
        .collect()
}

/// Loose text agreement for a field: both absent, or both present with one containing the
/// other after dropping articles and case (`the company` / `company`).
fn text_field_agrees(gold: Option<&str>, pred: Option<&str>) -> bool {
    let g = gold.map(norm_subject).filter(|s| !s.is_empty());
    let p = pred.map(norm_subject).filter(|s| !s.is_empty());
    match (g, p) {
        (None, None) => true,
        (Some(g), Some(p)) => g == p || g.contains(&p) || p.contains(&g),
        _ => false,
    }
}

/// The fields of a matched claim judged against its gold claim, each `(field, right?)`:
/// `subject` (equal after dropping articles and case, or the same entity), `predicate` (a
/// word in common — the guideline's predicates vary in how many auxiliaries they keep),
/// `time` (the same date figure, or none in both), `attribution` and `cue` (as
/// [`text_field_agrees`]), `hedged` (equal).
pub fn claim_field_checks(
    gold: &crate::gold::GoldClaim,
    pred: &claimx_doc::Claim,
    pred_doc: &AnnotatedDocument,
) -> Vec<(&'static str, bool)> {
    let subject = norm_subject(&gold.subject)
        == norm_subject(pred.subject.as_deref().unwrap_or(""))
        || same_subject_entity(gold, pred);
    let predicate = match (&gold.predicate, &pred.predicate) {
        (None, None) => true,
        (Some(g), Some(p)) => {
            let g = words_lower(g);
            words_lower(p).iter().any(|w| g.contains(w))
        }
        _ => false,
    };
    let time = pred
        .time
        .and_then(|i| pred_doc.figures.get(i))
        .map(|f| [f.span.start, f.span.end])
        == gold.time;
    vec![
        ("subject", subject),
        ("predicate", predicate),
        ("time", time),
        (
            "attribution",
            text_field_agrees(gold.attribution.as_deref(), pred.attribution.as_deref()),
        ),
        (
            "cue",
            text_field_agrees(gold.cue.as_deref(), pred.cue.as_deref()),
        ),
        ("hedged", gold.hedged == pred.hedged),
    ]
}

/// Whether a matched claim is about the entity its gold claim names, where that is a name
/// the gold marks as an entity of the document (`Daimler` for `der Konzern`; not a
/// description such as `Flüchtlingskosten in Österreich`): the gold's name against the
/// predicted canonical name, else the predicted entity, as [`text_field_agrees`]. This is
/// what consolidation groups claims by. `None` when the gold names no entity.
pub fn subject_entity_check(
    gold: &crate::gold::GoldClaim,
    gold_doc: &GoldDocument,
    pred: &claimx_doc::Claim,
) -> Option<bool> {
    let name = gold.subject_entity.as_deref()?;
    let named = gold_doc
        .entities
        .iter()
        .any(|e| e.text.eq_ignore_ascii_case(name));
    named.then(|| text_field_agrees(Some(name), predicted_entity(pred)))
}

/// The entity a predicted claim is about, as consolidation reads it: the canonical name,
/// else the name as written.
fn predicted_entity(pred: &claimx_doc::Claim) -> Option<&str> {
    pred.subject_canonical
        .as_deref()
        .or(pred.subject_entity.as_deref())
}

fn claim_field_detail(
    field: &str,
    gold: &crate::gold::GoldClaim,
    pred: &claimx_doc::Claim,
    pred_doc: &AnnotatedDocument,
    text: &str,
) -> String {
    let span = |s: Option<[usize; 2]>| s.map(|[a, b]| slice(text, a, b));
    let (g, p) = match field {
        "subject" => (
            Some(gold.subject.clone()),
            pred.subject.as_deref().map(str::to_string),
        ),
        "predicate" => (
            gold.predicate.clone(),
            pred.predicate.as_deref().map(str::to_string),
        ),
        "time" => (
            span(gold.time),
            span(
                pred.time
                    .and_then(|i| pred_doc.figures.get(i))
                    .map(|f| [f.span.start, f.span.end]),
            ),
        ),
        "attribution" => (
            gold.attribution.clone(),
            pred.attribution.as_deref().map(str::to_string),
        ),
        "cue" => (gold.cue.clone(), pred.cue.as_deref().map(str::to_string)),
        "subject_entity" => (
            gold.subject_entity.clone(),
            predicted_entity(pred).map(str::to_string),
        ),
        _ => (Some(gold.hedged.to_string()), Some(pred.hedged.to_string())),
    };
    format!("gold {g:?}, predicted {p:?}")
}

fn score_claims(r: &mut SeedReport, g: &GoldDocument, p: &AnnotatedDocument) {
    let mut used = vec![false; p.claims.len()];
    for gc in &g.claims {
        let lang = lang_at(g, gc.sentence[0]);
        let e = r.claims.entry(lang.clone()).or_default();
        e.gold += 1;
        let hit = p
            .claims
            .iter()
            .enumerate()
            .find(|(k, pc)| !used[*k] && claim_matches(gc, pc, p))
            .map(|(k, _)| k);
        match hit {
            Some(k) => {
                used[k] = true;
                e.tp += 1;
                let about =
                    subject_entity_check(gc, g, &p.claims[k]).map(|ok| ("subject_entity", ok));
                for (field, ok) in claim_field_checks(gc, &p.claims[k], p)
                    .into_iter()
                    .chain(about)
                {
                    r.claim_fields
                        .entry(field.to_string())
                        .or_default()
                        .entry(lang.clone())
                        .or_default()
                        .add(ok);
                    if !ok {
                        r.misses.push(Miss {
                            doc_id: g.doc_id.clone(),
                            layer: "claim field",
                            what: "wrong_value",
                            start: gc.sentence[0],
                            end: gc.sentence[1],
                            text: field.to_string(),
                            detail: claim_field_detail(field, gc, &p.claims[k], p, &g.text),
                        });
                    }
                }
            }
            None => r.misses.push(Miss {
                doc_id: g.doc_id.clone(),
                layer: "claim",
                what: "missed",
                start: gc.sentence[0],
                end: gc.sentence[1],
                text: gc.subject.clone(),
                detail: format!(
                    "predicate {:?}, figure {:?}",
                    gc.predicate,
                    gc.figure.map(|f| slice(&g.text, f[0], f[1]))
                ),
            }),
        }
    }
    for (k, pc) in p.claims.iter().enumerate() {
        r.claim_confidences.push((pc.confidence, used[k]));
        r.claims
            .entry(lang_at(g, pc.sentence.start))
            .or_default()
            .pred += 1;
        if !used[k] {
            r.misses.push(Miss {
                doc_id: g.doc_id.clone(),
                layer: "claim",
                what: "spurious",
                start: pc.sentence.start,
                end: pc.sentence.end,
                text: pc.subject.as_deref().unwrap_or_default().to_string(),
                detail: format!("predicate {:?}", pc.predicate),
            });
        }
    }
}

/// The report as a plain-text table.
pub fn format_report(r: &SeedReport) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "documents: {}   published date correct: {}/{}",
        r.documents, r.published.correct, r.published.total
    );
    let _ = writeln!(
        s,
        "\n{:<22}{:<8}{:>7}{:>7}{:>7}{:>8}{:>8}{:>7}",
        "layer", "lang", "gold", "pred", "tp", "P", "R", "F1"
    );
    let mut row = |layer: &str, lang: &str, p: &Prf| {
        let _ = writeln!(
            s,
            "{:<22}{:<8}{:>7}{:>7}{:>7}{:>8.3}{:>8.3}{:>7.3}",
            layer,
            lang,
            p.gold,
            p.pred,
            p.tp,
            p.precision(),
            p.recall(),
            p.f1()
        );
    };
    for (name, map) in [
        ("sentences", &r.sentences),
        ("segments", &r.segments),
        ("figures (span)", &r.figures),
        ("entities", &r.entities),
        ("claims", &r.claims),
    ] {
        for (lang, p) in map {
            row(name, lang, p);
        }
        row(name, "all", &SeedReport::total(map, |a, b| a.add(b)));
    }
    for (t, p) in &r.entities_by_type {
        row("entities by type", t, p);
    }
    for (t, p) in &r.figures_by_type {
        row("figures by type", t, p);
    }
    let _ = writeln!(
        s,
        "\n{:<22}{:<8}{:>9}{:>9}",
        "accuracy on matches", "lang", "correct", "rate"
    );
    let acc = |s: &mut String, name: &str, map: &BTreeMap<String, Accuracy>| {
        let mut tot = Accuracy::default();
        for (lang, a) in map {
            let _ = writeln!(
                s,
                "{:<22}{:<8}{:>9}{:>9.3}",
                name,
                lang,
                format!("{}/{}", a.correct, a.total),
                a.rate()
            );
            tot.correct += a.correct;
            tot.total += a.total;
        }
        let _ = writeln!(
            s,
            "{:<22}{:<8}{:>9}{:>9.3}",
            name,
            "all",
            format!("{}/{}", tot.correct, tot.total),
            tot.rate()
        );
    };
    acc(&mut s, "figure value", &r.figure_value);
    acc(&mut s, "figure type", &r.figure_type);
    acc(&mut s, "figure bound", &r.figure_bound);
    acc(&mut s, "figure unit", &r.figure_unit);
    acc(&mut s, "boilerplate flag", &r.boilerplate);
    for (field, map) in &r.claim_fields {
        acc(&mut s, &format!("claim {field}"), map);
    }
    let _ = writeln!(
        s,
        "{:<22}{:<8}{:>9}{:>9.3}",
        "segments exact (docs)",
        "all",
        format!(
            "{}/{}",
            r.segments_exact_docs.correct, r.segments_exact_docs.total
        ),
        r.segments_exact_docs.rate()
    );
    let rel = &r.claim_reliability;
    if rel.total > 0 {
        let _ = writeln!(
            s,
            "\nclaim confidence vs. matched ({} claims): expected calibration error {:.3}",
            rel.total, rel.ece
        );
        let _ = writeln!(
            s,
            "{:<14}{:>7}{:>12}{:>10}",
            "confidence", "claims", "mean conf", "matched"
        );
        for b in &rel.bins {
            let _ = writeln!(
                s,
                "{:<14}{:>7}{:>12.3}{:>10.3}",
                format!("{:.1}–{:.1}", b.low, b.high),
                b.count,
                b.confidence,
                b.accuracy
            );
        }
        if let Some((a, b)) = rel.platt {
            let _ = writeln!(
                s,
                "Platt fit of these confidences: slope {a:.3}, intercept {b:.3} (1, 0: calibrated; to recalibrate, extract with claims.calibration slope 1, intercept 0 and put the fit there)"
            );
        }
    }
    if !r.misses.is_empty() {
        let _ = writeln!(s, "\nmisses ({}):", r.misses.len());
        for m in &r.misses {
            let _ = writeln!(
                s,
                "  {:<11} {:<11} {} [{}..{}] {:?} {}",
                m.layer, m.what, m.doc_id, m.start, m.end, m.text, m.detail
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::{GoldClaim, GoldEntity};
    use claimx_doc::{Claim, Document, Entity, EntityType, OffsetIndex};

    fn gold_doc(text: &str) -> GoldDocument {
        GoldDocument {
            doc_id: "t".into(),
            published: None,
            languages: vec!["en".into()],
            segments: vec![],
            sentences: vec![],
            entities: vec![GoldEntity {
                start: 0,
                end: 6,
                text: "Amazon".into(),
                kind: "ORG".into(),
            }],
            figures: vec![],
            claims: vec![GoldClaim {
                sentence: [0, text.chars().count()],
                subject: "The lab".into(),
                subject_entity: Some("AWS Shanghai AI lab".into()),
                predicate: Some("employed".into()),
                figure: Some([29, 39]),
                time: None,
                attribution: None,
                cue: None,
                hedged: false,
            }],
            text: text.into(),
        }
    }

    fn predicted(
        text: &str,
        subject: &str,
        entity: (usize, usize, EntityType),
    ) -> AnnotatedDocument {
        let mut doc = claimx_core::Pipeline::default()
            .extract(&Document::new("t", text))
            .unwrap();
        let idx = OffsetIndex::new(text);
        doc.entities = vec![Entity {
            span: idx.span_from_chars(entity.0, entity.1),
            text: Default::default(),
            kind: entity.2,
            score: 1.0,
            canonical: Default::default(),
        }];
        let fig = doc.figures.iter().position(|f| f.text == "over 1,000");
        doc.claims = vec![Claim {
            sentence: idx.span_from_chars(0, text.chars().count()),
            subject: Some(subject.into()),
            subject_type: None,
            subject_entity: None,
            subject_canonical: None,
            predicate: Some("employed".into()),
            object: None,
            predicate_class: Some("employed".into()),
            change: None,
            figure: fig,
            time: None,
            location: None,
            attribution: None,
            cue: None,
            hedged: false,
            negated: false,
            confidence: 1.0,
        }];
        doc
    }

    const TEXT: &str = "Amazon said the Shanghai lab over 1,000 people.";

    #[test]
    fn predicates_agree_on_a_word_in_common_in_every_script() {
        for (gold, pred, agree) in [
            ("will cut", "cut", true),
            ("参选行政长官", "参选", true),
            ("拟动用", "拟", true),
            ("开卖", "公布", false),
        ] {
            let g = words_lower(gold);
            let common = words_lower(pred).iter().any(|w| g.contains(w));
            assert_eq!(common, agree, "{gold} / {pred}");
        }
    }

    #[test]
    fn claims_match_on_sentence_subject_and_figure() {
        let g = gold_doc(TEXT);
        for (subject, ok) in [("the Shanghai lab", true), ("lab", true), ("Amazon", false)] {
            let p = predicted(TEXT, subject, (0, 6, EntityType::Org));
            let r = score_documents(&[(g.clone(), p)]);
            assert_eq!(r.claims["en"].tp, ok as usize, "{subject}");
        }
    }

    /// `subject_entity` is judged only where the gold names an entity of the document, against
    /// the predicted canonical name.
    #[test]
    fn subject_entities_are_judged_where_the_gold_names_an_entity() {
        let mut g = gold_doc(TEXT);
        let mut p = predicted(TEXT, "the lab", (0, 6, EntityType::Org));
        for (gold_entity, canonical, judged) in [
            ("Amazon", Some("Amazon"), Some(true)),
            ("amazon", None, Some(false)),
            ("Amazon", Some("Microsoft"), Some(false)),
            ("AWS Shanghai AI lab", Some("Amazon"), None),
        ] {
            g.claims[0].subject_entity = Some(gold_entity.into());
            p.claims[0].subject_canonical = canonical.map(Into::into);
            let got = subject_entity_check(&g.claims[0], &g, &p.claims[0]);
            assert_eq!(got, judged, "{gold_entity} / {canonical:?}");
            let r = score_documents(&[(g.clone(), p.clone())]);
            let counted = r.claim_fields.get("subject_entity").map(|m| m["en"].total);
            assert_eq!(counted, judged.map(|_| 1), "{gold_entity}");
        }
    }

    #[test]
    fn figures_per_type_need_the_type_and_precision_stays_at_most_one() {
        let mut g = gold_doc(TEXT);
        let figure = |kind: &str| crate::gold::GoldFigure {
            start: 29,
            end: 39,
            text: "over 1,000".into(),
            kind: kind.into(),
            value: serde_json::json!(1000),
            bound: Some("gt".into()),
            unit: None,
            upper: serde_json::Value::Null,
        };
        for (gold_kind, tp_cardinal, tp_money) in [("CARDINAL", 1, 0), ("MONEY", 0, 0)] {
            g.figures = vec![figure(gold_kind)];
            let p = predicted(TEXT, "the lab", (0, 6, EntityType::Org));
            let r = score_documents(&[(g.clone(), p)]);
            assert_eq!(r.figures["en"].tp, 1, "the span matches either way");
            let by = |k: &str| r.figures_by_type.get(k).cloned().unwrap_or_default();
            assert_eq!((by("CARDINAL").tp, by("MONEY").tp), (tp_cardinal, tp_money));
            assert_eq!(by("CARDINAL").pred, 1);
            for (kind, prf) in &r.figures_by_type {
                assert!(prf.tp <= prf.pred && prf.tp <= prf.gold, "{kind}: {prf:?}");
            }
        }
    }

    #[test]
    fn entities_need_exact_span_and_type() {
        let g = gold_doc(TEXT);
        let cases = [
            ((0, 6, EntityType::Org), 1),
            ((0, 6, EntityType::Per), 0),
            ((0, 5, EntityType::Org), 0),
        ];
        for (entity, tp) in cases {
            let r = score_documents(&[(g.clone(), predicted(TEXT, "the lab", entity))]);
            assert_eq!(r.entities["en"].tp, tp);
            assert_eq!(r.entities["en"].pred, 1);
        }
    }
}
