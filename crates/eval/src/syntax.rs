//! UPOS, UAS and LAS of a model's syntax heads against Universal Dependencies treebanks
//! (CoNLL-U), per file.
//!
//! claimx parses the words it sees in text, so multiword tokens (German `zum` = `zu dem`) are
//! scored as one word: the token takes the word of its group whose head lies outside the
//! group, as `scripts/train_multihead.py` trains. Relations are compared on their universal
//! part (`nmod:poss` = `nmod`), as the CoNLL 2018 shared task's LAS does.
//!
//! Two segmentations: **gold** parses the treebank's own words (so the scores are
//! accuracies), **predicted** parses the words `claimx_lang::words::syntax_words` finds in the
//! sentence's text (jieba for Chinese) and aligns them with the gold words by their exact
//! character span, as the CoNLL 2018 evaluation does: precision, recall and F1 of words, and
//! UPOS / UAS / LAS counted only on aligned words whose head aligns too.
//!
//! ```
//! use claimx_eval::syntax::read_conllu_str;
//! use claimx_doc::Lang;
//!
//! let trees = read_conllu_str("# text = Er ging zum Markt.\n\
//!     1\tEr\ter\tPRON\t_\t_\t2\tnsubj\t_\t_\n\
//!     2\tging\tgehen\tVERB\t_\t_\t0\troot\t_\t_\n\
//!     3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n\
//!     3\tzu\tzu\tADP\t_\t_\t5\tcase\t_\t_\n\
//!     4\tdem\tder\tDET\t_\t_\t5\tdet\t_\t_\n\
//!     5\tMarkt\tMarkt\tNOUN\t_\t_\t2\tobl:arg\t_\tSpaceAfter=No\n\
//!     6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n", Lang::De);
//! let t = &trees[0];
//! assert_eq!(t.text, "Er ging zum Markt.");
//! let words: Vec<(&str, &str, usize, &str)> = t.words.iter()
//!     .map(|w| (&t.text[w.start..w.end], w.upos.as_str(), w.head, w.deprel.as_str())).collect();
//! assert_eq!(words, [("Er", "PRON", 2, "nsubj"), ("ging", "VERB", 0, "root"),
//!     ("zum", "ADP", 4, "case"), ("Markt", "NOUN", 2, "obl"), (".", "PUNCT", 2, "punct")]);
//! ```
use std::collections::HashMap;
use std::path::Path;

use claimx_core::claimx_tagger::Tagger;
use claimx_doc::Lang;
use serde::Serialize;

use crate::EvalError;

/// One gold word: byte span in the sentence text, UPOS, 1-based head (0: root), relation.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldWord {
    /// Byte offset of the word's start in the sentence text.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// Universal part of speech.
    pub upos: String,
    /// 1-based head index; 0 for the root.
    pub head: usize,
    /// Universal relation (subtype removed).
    pub deprel: String,
}

/// A gold tree: the sentence text and its words.
#[derive(Debug, Clone)]
pub struct GoldTree {
    /// The sentence as text (tokens joined as `SpaceAfter` says).
    pub text: String,
    /// Its language.
    pub lang: Lang,
    /// Its words, multiword tokens collapsed.
    pub words: Vec<GoldWord>,
}

/// Read a CoNLL-U file.
pub fn read_conllu(path: &Path, lang: Lang) -> Result<Vec<GoldTree>, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|e| EvalError::Read {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    Ok(read_conllu_str(&raw, lang))
}

/// Read CoNLL-U text (lines that are not valid word lines are skipped).
pub fn read_conllu_str(raw: &str, lang: Lang) -> Vec<GoldTree> {
    let mut out = Vec::new();
    let mut rows: Vec<(usize, String, String, usize, String, String)> = Vec::new();
    let mut ranges: HashMap<usize, (usize, String, String)> = HashMap::new();
    let mut flush = |rows: &mut Vec<_>, ranges: &mut HashMap<_, _>| {
        if !rows.is_empty() {
            out.push(collapse(rows, ranges, lang));
        }
        rows.clear();
        ranges.clear();
    };
    for line in raw.lines() {
        if line.trim().is_empty() {
            flush(&mut rows, &mut ranges);
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 10 || c[0].contains('.') {
            continue;
        }
        if let Some((a, b)) = c[0].split_once('-') {
            if let (Ok(a), Ok(b)) = (a.parse(), b.parse()) {
                ranges.insert(a, (b, c[1].to_string(), c[9].to_string()));
            }
            continue;
        }
        let (Ok(id), Ok(head)) = (c[0].parse(), c[6].parse()) else {
            continue;
        };
        let rel = c[7].split(':').next().unwrap_or("").to_string();
        rows.push((id, c[1].into(), c[3].into(), head, rel, c[9].into()));
    }
    flush(&mut rows, &mut ranges);
    out
}

type Row = (usize, String, String, usize, String, String);

fn collapse(
    rows: &[Row],
    ranges: &HashMap<usize, (usize, String, String)>,
    lang: Lang,
) -> GoldTree {
    let by_id: HashMap<usize, &Row> = rows.iter().map(|r| (r.0, r)).collect();
    // tokens: (form, misc, word ids)
    let mut tokens: Vec<(String, String, Vec<usize>)> = Vec::new();
    let mut i = 1;
    while i <= rows.len() {
        if let Some((b, form, misc)) = ranges.get(&i) {
            tokens.push((form.clone(), misc.clone(), (i..=*b).collect()));
            i = b + 1;
        } else if let Some(r) = by_id.get(&i) {
            tokens.push((r.1.clone(), r.5.clone(), vec![i]));
            i += 1;
        } else {
            i += 1;
        }
    }
    let mut word_token = HashMap::new();
    for (t, (_, _, ids)) in tokens.iter().enumerate() {
        for &w in ids {
            word_token.insert(w, t + 1);
        }
    }
    let mut text = String::new();
    let mut words = Vec::new();
    for (form, misc, ids) in &tokens {
        let rep = ids
            .iter()
            .copied()
            .find(|w| by_id.get(w).is_some_and(|r| !ids.contains(&r.3)))
            .unwrap_or(ids[0]);
        let r = by_id[&rep];
        let start = text.len();
        text.push_str(form);
        words.push(GoldWord {
            start,
            end: text.len(),
            upos: r.2.clone(),
            head: if r.3 == 0 {
                0
            } else {
                word_token.get(&r.3).copied().unwrap_or(0)
            },
            deprel: r.4.clone(),
        });
        if !misc.contains("SpaceAfter=No") {
            text.push(' ');
        }
    }
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    GoldTree { text, lang, words }
}

/// Which words are parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Segmentation {
    /// The treebank's words.
    Gold,
    /// The words claimx finds in the text.
    Predicted,
}

/// Scores of one treebank under one segmentation (F1 of aligned words; with gold words the
/// F1 is the accuracy).
#[derive(Debug, Clone, Serialize)]
pub struct SyntaxScore {
    /// Which words were parsed.
    pub segmentation: Segmentation,
    /// Sentences.
    pub sentences: usize,
    /// Gold words.
    pub gold_words: usize,
    /// Parsed words.
    pub predicted_words: usize,
    /// F1 of word spans (1.0 with gold words).
    pub words: f64,
    /// F1 of words with the right UPOS.
    pub upos: f64,
    /// F1 of words with the right head.
    pub uas: f64,
    /// F1 of words with the right head and relation.
    pub las: f64,
}

fn f1(correct: usize, gold: usize, predicted: usize) -> f64 {
    if gold + predicted == 0 {
        return 0.0;
    }
    2.0 * correct as f64 / (gold + predicted) as f64
}

/// Parse the trees with the tagger's syntax heads and score them.
pub fn score(
    tagger: &Tagger,
    trees: &[GoldTree],
    segmentation: Segmentation,
    batch: usize,
) -> Result<SyntaxScore, EvalError> {
    if tagger.syntax().is_none() {
        return Err(EvalError::Read {
            path: "<model>".into(),
            message: "the model has no syntax heads (config.json has no claimx_heads)".into(),
        });
    }
    let (mut gold_n, mut pred_n, mut seg, mut upos, mut uas, mut las) = (0, 0, 0, 0, 0, 0);
    for chunk in trees.chunks(batch.max(1)) {
        let texts: Vec<&str> = chunk.iter().map(|t| t.text.as_str()).collect();
        let words: Vec<Vec<(usize, usize)>> = chunk
            .iter()
            .map(|t| match segmentation {
                Segmentation::Gold => t.words.iter().map(|w| (w.start, w.end)).collect(),
                Segmentation::Predicted => claimx_lang::words::syntax_words(&t.text, t.lang),
            })
            .collect();
        let parsed = tagger
            .analyze(&texts, &words)
            .map_err(|e| EvalError::Read {
                path: "<model>".into(),
                message: e.to_string(),
            })?;
        for (tree, analysis) in chunk.iter().zip(parsed) {
            let pred = &analysis.words;
            gold_n += tree.words.len();
            pred_n += pred.len();
            // predicted index (1-based) -> gold index (1-based) for words of the same span
            let gold_at: HashMap<(usize, usize), usize> = tree
                .words
                .iter()
                .enumerate()
                .map(|(i, w)| ((w.start, w.end), i + 1))
                .collect();
            let align: Vec<Option<usize>> = pred
                .iter()
                .map(|w| gold_at.get(&(w.start, w.end)).copied())
                .collect();
            for (p, g) in pred.iter().zip(&align) {
                let Some(g) = *g else { continue };
                let gw = &tree.words[g - 1];
                seg += 1;
                upos += (p.upos == gw.upos) as usize;
                let head = if p.head == 0 {
                    Some(0)
                } else {
                    align[p.head - 1]
                };
                if head == Some(gw.head) {
                    uas += 1;
                    las += (p.deprel == gw.deprel) as usize;
                }
            }
        }
    }
    Ok(SyntaxScore {
        segmentation,
        sentences: trees.len(),
        gold_words: gold_n,
        predicted_words: pred_n,
        words: f1(seg, gold_n, pred_n),
        upos: f1(upos, gold_n, pred_n),
        uas: f1(uas, gold_n, pred_n),
        las: f1(las, gold_n, pred_n),
    })
}

/// The language of a treebank file from its UD name (`de_gsd-ud-test.conllu` → de).
pub fn lang_of_file(path: &Path) -> Lang {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    Lang::from_code(name.split(['_', '-']).next().unwrap_or(""))
}
