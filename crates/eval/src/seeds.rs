//! Scoring annotated documents against gold files.

use crate::gold::GoldDocument;
use crate::metrics::{close, Accuracy, Prf};
use claimx_doc::{AnnotatedDocument, FigureValue};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One error, readable: what was expected or produced, and the text at that place.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub doc_id: String,
    pub layer: &'static str,
    /// `missed` (in gold only), `spurious` (predicted only) or `wrong_value`.
    pub what: &'static str,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub detail: String,
}

/// Scores per layer, per language and per figure type.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SeedReport {
    pub documents: usize,
    pub sentences: BTreeMap<String, Prf>,
    pub boilerplate: BTreeMap<String, Accuracy>,
    pub segments: BTreeMap<String, Prf>,
    /// Documents whose segment list (spans and languages) equals the gold exactly.
    pub segments_exact_docs: Accuracy,
    pub published: Accuracy,
    pub figures: BTreeMap<String, Prf>,
    pub figures_by_type: BTreeMap<String, Prf>,
    pub figure_type: BTreeMap<String, Accuracy>,
    pub figure_value: BTreeMap<String, Accuracy>,
    pub figure_bound: BTreeMap<String, Accuracy>,
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
        let gold_seg: HashSet<(usize, usize, String)> = g
            .segments
            .iter()
            .map(|s| (s.start, s.end, s.lang.clone()))
            .collect();
        let pred_seg: HashSet<(usize, usize, String)> = p
            .segments
            .iter()
            .map(|s| (s.span.start, s.span.end, s.lang.code().to_string()))
            .collect();
        r.segments_exact_docs.add(gold_seg == pred_seg);
        for s in &gold_seg {
            let e = r.segments.entry(s.2.clone()).or_default();
            e.gold += 1;
            if pred_seg.contains(s) {
                e.tp += 1;
            } else {
                r.misses.push(Miss {
                    doc_id: doc.clone(),
                    layer: "segment",
                    what: "missed",
                    start: s.0,
                    end: s.1,
                    text: slice(&g.text, s.0, (s.0 + 40).min(s.1)),
                    detail: s.2.clone(),
                });
            }
        }
        for s in &pred_seg {
            r.segments.entry(s.2.clone()).or_default().pred += 1;
            if !gold_seg.contains(s) {
                r.misses.push(Miss {
                    doc_id: doc.clone(),
                    layer: "segment",
                    what: "spurious",
                    start: s.0,
                    end: s.1,
                    text: slice(&g.text, s.0, (s.0 + 40).min(s.1)),
                    detail: s.2.clone(),
                });
            }
        }

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
                    matched.insert((gf.start, gf.end));
                    e.tp += 1;
                    r.figures_by_type.entry(gf.kind.clone()).or_default().tp += 1;
                    r.figure_type
                        .entry(lang.clone())
                        .or_default()
                        .add(pf.kind.name() == gf.kind);
                    let ok = value_matches(&gf.value, &pf.value);
                    r.figure_value.entry(lang.clone()).or_default().add(ok);
                    let pb = pf.bound.map(|b| {
                        serde_json::to_value(b)
                            .unwrap()
                            .as_str()
                            .unwrap()
                            .to_string()
                    });
                    r.figure_bound.entry(lang).or_default().add(pb == gf.bound);
                    if !ok || pf.kind.name() != gf.kind {
                        r.misses.push(Miss {
                            doc_id: doc.clone(),
                            layer: "figure",
                            what: "wrong_value",
                            start: gf.start,
                            end: gf.end,
                            text: gf.text.clone(),
                            detail: format!(
                                "gold {} {}, predicted {} {}",
                                gf.kind,
                                gf.value,
                                pf.kind.name(),
                                show(&pf.value)
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
            r.figures_by_type
                .entry(pf.kind.name().to_string())
                .or_default()
                .pred += 1;
            if !matched.contains(k) {
                r.misses.push(Miss {
                    doc_id: doc.clone(),
                    layer: "figure",
                    what: "spurious",
                    start: k.0,
                    end: k.1,
                    text: pf.text.clone(),
                    detail: format!("{} {}", pf.kind.name(), show(&pf.value)),
                });
            }
        }
    }
    r.misses
        .sort_by(|a, b| (a.layer, &a.doc_id, a.start).cmp(&(b.layer, &b.doc_id, b.start)));
    r
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
    ] {
        for (lang, p) in map {
            row(name, lang, p);
        }
        row(name, "all", &SeedReport::total(map, |a, b| a.add(b)));
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
    acc(&mut s, "boilerplate flag", &r.boilerplate);
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
