//! Entity F1 of a tagger on token-per-line BIO corpora (WikiANN, Universal NER), scored
//! seqeval-style: a predicted entity counts only with exact span and type.
//!
//! Sentences are rebuilt from their tokens (joined by a space, Chinese without one), so gold
//! entity boundaries are word boundaries in that text and the tagger's character spans can be
//! compared with them directly.
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use claimx_core::claimx_entities::{EntityRefiner, EntitySpan};
use claimx_core::claimx_tagger::Tagger;
use claimx_doc::{EntityType, Lang};
use serde::Serialize;

use crate::metrics::Prf;
use crate::EvalError;

/// The corpora of `../shared/ner-train`: (name, folder, language, file per split).
pub const CORPORA: [(&str, &str, &str, &str, &str); 4] = [
    (
        "wikiann-de",
        "wikiann-de",
        "de",
        "val.conllu",
        "test.conllu",
    ),
    (
        "wikiann-en",
        "wikiann-en",
        "en",
        "val.conllu",
        "test.conllu",
    ),
    (
        "uner-zh-gsd",
        "uner-zh-gsdsimp",
        "zh",
        "dev.iob2",
        "test.iob2",
    ),
    ("uner-en-ewt", "uner-en-ewt", "en", "dev.iob2", "test.iob2"),
];

/// The NER test sets of `../shared/train` (`ner/<folder>/{dev,test}.bio`, `token<TAB>tag`):
/// (name, folder, language, dev file, test file; "" where the split is missing).
pub const TRAIN_CORPORA: [(&str, &str, &str, &str, &str); 9] = [
    (
        "germeval2014-de",
        "ner/de-germeval2014",
        "de",
        "",
        "test.bio",
    ),
    ("uner-en-ewt", "ner/en-uner-ewt", "en", "", "test.bio"),
    (
        "uner-zh-gsdsimp",
        "ner/zh-uner-gsdsimp",
        "zh",
        "dev.bio",
        "test.bio",
    ),
    ("wnut17-en", "ner/en-wnut17", "en", "dev.bio", "test.bio"),
    ("sec-filings-en", "ner/en-sec-filings", "en", "", "test.bio"),
    ("ler-de", "ner/de-ler", "de", "", "test.bio"),
    ("multiconer-de", "ner/de-multiconer", "de", "dev.bio", ""),
    ("multiconer-en", "ner/en-multiconer", "en", "dev.bio", ""),
    ("multiconer-zh", "ner/zh-multiconer", "zh", "dev.bio", ""),
];

/// Tokens after which no space is written when a sentence is rebuilt (`(`, `„`, `$`).
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "„", "$", "#", "@"];
/// Tokens written without a space before them (`,`, `.`, `)`, `%`, `n't`); the same lists
/// `scripts/train_multihead.py` rebuilds its training text with.
const NO_SPACE_BEFORE: &[&str] = &[
    ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "'re", "'ll", "'ve", "'m",
    "'d", "“", "…",
];

/// One sentence: its text and gold entities as byte spans.
#[derive(Debug, Clone)]
pub struct NerSentence {
    /// The sentence's text.
    pub text: String,
    /// Gold entities: byte start, byte end, type.
    pub entities: Vec<(usize, usize, String)>,
}

/// Read a BIO file: `idx<TAB>token<TAB>tag[…]` lines, blank lines between sentences, `#`
/// comments. Types other than PER/ORG/LOC count as MISC.
pub fn read_bio(path: &Path, lang: &str) -> Result<Vec<NerSentence>, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|e| EvalError::Read {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    let sep = if lang == "zh" { "" } else { " " };
    // the two-column files of ../shared/train are rebuilt as text would be written
    let detokenize = raw
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .is_some_and(|l| l.split('\t').count() == 2);
    let mut out = Vec::new();
    let mut tokens: Vec<(String, String)> = Vec::new();
    let flush = |tokens: &mut Vec<(String, String)>, out: &mut Vec<NerSentence>| {
        if tokens.is_empty() {
            return;
        }
        let mut text = String::new();
        let mut entities: Vec<(usize, usize, String)> = Vec::new();
        let mut open: Option<(usize, usize, String)> = None;
        for (i, (tok, tag)) in tokens.iter().enumerate() {
            let glued = detokenize
                && (NO_SPACE_BEFORE.contains(&tok.as_str())
                    || i > 0 && NO_SPACE_AFTER.contains(&tokens[i - 1].0.as_str()));
            if i > 0 && !glued {
                text.push_str(sep);
            }
            let (s, e) = (text.len(), text.len() + tok.len());
            text.push_str(tok);
            let (bio, kind) = match tag.split_once('-') {
                Some((b, k)) => {
                    let k = if matches!(k, "PER" | "ORG" | "LOC") {
                        k
                    } else {
                        "MISC"
                    };
                    (b, k.to_string())
                }
                None => ("O", String::new()),
            };
            match bio {
                "I" if open.as_ref().is_some_and(|o| o.2 == kind) => open.as_mut().unwrap().1 = e,
                "B" | "I" => {
                    entities.extend(open.take());
                    open = Some((s, e, kind));
                }
                _ => entities.extend(open.take()),
            }
        }
        entities.extend(open.take());
        out.push(NerSentence { text, entities });
        tokens.clear();
    };
    for line in raw.lines() {
        if line.trim().is_empty() {
            flush(&mut tokens, &mut out);
        } else if !line.starts_with('#') {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() >= 3 {
                tokens.push((cols[1].to_string(), cols[2].to_string()));
            } else if cols.len() == 2 {
                tokens.push((cols[0].to_string(), cols[1].to_string()));
            }
        }
    }
    flush(&mut tokens, &mut out);
    Ok(out)
}

/// Scores of one NER corpus.
#[derive(Debug, Clone, Serialize)]
pub struct CorpusScore {
    /// The corpus (folder name).
    pub corpus: String,
    /// Its language code.
    pub lang: String,
    /// Sentences scored.
    pub sentences: usize,
    /// Exact span and type over all types.
    pub overall: Prf,
    /// Exact span and type, per type.
    pub by_type: BTreeMap<String, Prf>,
}

/// Scores of every corpus of one split.
#[derive(Debug, Clone, Serialize)]
pub struct NerReport {
    /// The split (`dev`, `test`).
    pub split: String,
    /// One score per corpus.
    pub corpora: Vec<CorpusScore>,
}

/// Score one corpus's sentences; with a refiner, entity spans pass through it first (as in
/// the pipeline).
pub fn score(
    tagger: &Tagger,
    sentences: &[NerSentence],
    refiner: Option<(&EntityRefiner, Lang)>,
) -> Result<(Prf, BTreeMap<String, Prf>), EvalError> {
    let mut overall = Prf::default();
    let mut by_type: BTreeMap<String, Prf> = BTreeMap::new();
    for chunk in sentences.chunks(512) {
        let texts: Vec<&str> = chunk.iter().map(|s| s.text.as_str()).collect();
        let tags = tagger.tag(&texts).map_err(|e| EvalError::Read {
            path: "<tagger>".into(),
            message: e.to_string(),
        })?;
        for (s, spans) in chunk.iter().zip(tags) {
            let spans: Vec<_> = spans
                .into_iter()
                .filter(|t| matches!(t.label.as_str(), "PER" | "ORG" | "LOC" | "MISC"))
                .collect();
            let got: HashSet<(usize, usize, String)> = match refiner {
                None => spans
                    .into_iter()
                    .map(|t| (t.start, t.end, t.label))
                    .collect(),
                Some((refiner, lang)) => {
                    let found: Vec<EntitySpan> = spans
                        .iter()
                        .map(|t| EntitySpan {
                            start: t.start,
                            end: t.end,
                            kind: EntityType::from_label(&t.label).unwrap_or(EntityType::Misc),
                            score: t.score,
                        })
                        .collect();
                    refiner
                        .refine(&s.text, lang, &found)
                        .into_iter()
                        .map(|e| (e.start, e.end, e.kind.as_str().to_string()))
                        .collect()
                }
            };
            let want: HashSet<(usize, usize, String)> = s.entities.iter().cloned().collect();
            for kind in got
                .iter()
                .chain(want.iter())
                .map(|e| e.2.clone())
                .collect::<HashSet<_>>()
            {
                let g: HashSet<_> = got.iter().filter(|e| e.2 == kind).collect();
                let w: HashSet<_> = want.iter().filter(|e| e.2 == kind).collect();
                let prf = Prf {
                    tp: g.intersection(&w).count(),
                    pred: g.len(),
                    gold: w.len(),
                };
                by_type.entry(kind).or_default().add(prf);
                overall.add(prf);
            }
        }
    }
    Ok((overall, by_type))
}

/// One corpus split: name, language code, sentences.
type Corpus = (&'static str, &'static str, Vec<NerSentence>);

/// The sentences of `split` of every corpus found under `dir` (at most `limit` each); an
/// error when none is there.
fn load_corpora(dir: &Path, split: &str, limit: Option<usize>) -> Result<Vec<Corpus>, EvalError> {
    let mut out = Vec::new();
    let list: &[(&str, &str, &str, &str, &str)] = if dir.join("ner").is_dir() {
        &TRAIN_CORPORA
    } else {
        &CORPORA
    };
    for &(name, folder, lang, dev, test) in list {
        let file = if split == "dev" { dev } else { test };
        let path = dir.join(folder).join(file);
        if file.is_empty() || !path.exists() {
            continue;
        }
        let mut sentences = read_bio(&path, lang)?;
        if let Some(n) = limit {
            sentences.truncate(n);
        }
        out.push((name, lang, sentences));
    }
    if out.is_empty() {
        return Err(EvalError::Read {
            path: dir.display().to_string(),
            message:
                "no NER corpus found (ner/<set>/ as in ../shared/train, or wikiann-de/, wikiann-en/, uner-zh-gsdsimp/, uner-en-ewt/)"
                    .into(),
        });
    }
    Ok(out)
}

/// Entity F1 per corpus on `split` (`test` or `dev`) of the corpora found under `dir`; with a
/// refiner, as the pipeline's entity stage would leave them.
pub fn evaluate_tagger(
    tagger: &Tagger,
    dir: &Path,
    split: &str,
    limit: Option<usize>,
    refiner: Option<&EntityRefiner>,
) -> Result<NerReport, EvalError> {
    let mut corpora = Vec::new();
    for (name, lang, sentences) in load_corpora(dir, split, limit)? {
        let code = match lang {
            "de" => Lang::De,
            "zh" => Lang::Zh,
            _ => Lang::En,
        };
        let (overall, by_type) = score(tagger, &sentences, refiner.map(|r| (r, code)))?;
        corpora.push(CorpusScore {
            corpus: name.to_string(),
            lang: lang.to_string(),
            sentences: sentences.len(),
            overall,
            by_type,
        });
    }
    Ok(NerReport {
        split: split.to_string(),
        corpora,
    })
}

/// How two taggers (say candle and ort over the same weights) agree on one corpus.
#[derive(Debug, Clone, Serialize)]
pub struct CorpusAgreement {
    /// The corpus (folder name).
    pub corpus: String,
    /// Sentences compared.
    pub sentences: usize,
    /// Sentences whose spans (start, end, label) are the same from both taggers.
    pub identical: usize,
    /// Spans both taggers give.
    pub spans: usize,
    /// Largest difference between the two scores of a span both taggers give.
    pub max_score_diff: f32,
    /// Words parsed (when the model has syntax heads; the pipeline's own word splitter).
    pub words: usize,
    /// Sentences whose parses (UPOS, head, relation of every word) differ; a sentence
    /// counts as identical only when its spans and its parse agree.
    pub trees_differing: usize,
    /// Up to five sentences that differ: text, spans of the first tagger, of the second.
    pub examples: Vec<(String, Vec<String>, Vec<String>)>,
}

fn span_strings(text: &str, spans: &[claimx_core::claimx_tagger::TaggedSpan]) -> Vec<String> {
    spans
        .iter()
        .map(|s| {
            format!(
                "{}..{} {} {:?}",
                s.start,
                s.end,
                s.label,
                &text[s.start..s.end]
            )
        })
        .collect()
}

/// Tag `split` of every corpus under `dir` with both taggers and compare every span label
/// (figures included), sentence by sentence.
pub fn compare_taggers(
    a: &Tagger,
    b: &Tagger,
    dir: &Path,
    split: &str,
    limit: Option<usize>,
) -> Result<Vec<CorpusAgreement>, EvalError> {
    let fail = |e: claimx_core::claimx_tagger::TaggerError| EvalError::Read {
        path: "<tagger>".into(),
        message: e.to_string(),
    };
    let mut out = Vec::new();
    for (name, lang, sentences) in load_corpora(dir, split, limit)? {
        let mut agreement = CorpusAgreement {
            corpus: name.to_string(),
            sentences: sentences.len(),
            identical: 0,
            spans: 0,
            max_score_diff: 0.0,
            words: 0,
            trees_differing: 0,
            examples: Vec::new(),
        };
        let lang = Lang::from_code(lang);
        for chunk in sentences.chunks(512) {
            let texts: Vec<&str> = chunk.iter().map(|s| s.text.as_str()).collect();
            let words: Vec<Vec<(usize, usize)>> = texts
                .iter()
                .map(|t| claimx_lang::words::syntax_words(t, lang))
                .collect();
            let left = a.analyze(&texts, &words).map_err(fail)?;
            let right = b.analyze(&texts, &words).map_err(fail)?;
            for ((text, la), ra) in texts.iter().zip(&left).zip(&right) {
                let (l, r) = (&la.spans, &ra.spans);
                agreement.spans += l.len();
                agreement.words += la.words.len();
                let parse = |w: &claimx_core::claimx_tagger::WordSyntax| (w.head, w.upos, w.deprel);
                let same_tree = la.words.iter().map(parse).eq(ra.words.iter().map(parse));
                agreement.trees_differing += !same_tree as usize;
                let key =
                    |s: &claimx_core::claimx_tagger::TaggedSpan| (s.start, s.end, s.label.clone());
                if same_tree && l.iter().map(key).eq(r.iter().map(key)) {
                    agreement.identical += 1;
                    for (x, y) in l.iter().zip(r) {
                        agreement.max_score_diff =
                            agreement.max_score_diff.max((x.score - y.score).abs());
                    }
                } else if agreement.examples.len() < 5 {
                    agreement.examples.push((
                        text.to_string(),
                        span_strings(text, l),
                        span_strings(text, r),
                    ));
                }
            }
        }
        out.push(agreement);
    }
    Ok(out)
}

/// The report as a Markdown table, one row per corpus.
pub fn format_ner_report(r: &NerReport) -> String {
    let mut out = format!(
        "Entity F1 (exact span and type), {} split\n{:<14} {:<4} {:>9} {:>9} {:>9} {:>9}\n",
        r.split, "corpus", "lang", "sentences", "precision", "recall", "F1"
    );
    for c in &r.corpora {
        out += &format!(
            "{:<14} {:<4} {:>9} {:>9.3} {:>9.3} {:>9.3}\n",
            c.corpus,
            c.lang,
            c.sentences,
            c.overall.precision(),
            c.overall.recall(),
            c.overall.f1()
        );
        for (kind, p) in &c.by_type {
            out += &format!(
                "  {:<17} {:>9} {:>9.3} {:>9.3} {:>9.3}\n",
                kind,
                p.gold,
                p.precision(),
                p.recall(),
                p.f1()
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_files_become_byte_spans() {
        let dir = std::env::temp_dir().join(format!("claimx-ner-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.iob2");
        std::fs::write(
            &p,
            "# text = x\n1\t北京\tB-LOC\t-\t-\n2\t大学\tI-LOC\t-\t-\n3\t的\tO\t-\t-\n4\t王\tB-PER\t-\t-\n\n0\tHerr\tO\n1\tMüller\tB-PER\n2\tvon\tO\n3\tX\tI-OTH\n",
        )
        .unwrap();
        let zh = read_bio(&p, "zh").unwrap();
        assert_eq!(zh[0].text, "北京大学的王");
        assert_eq!(
            zh[0].entities,
            vec![(0, 12, "LOC".into()), (15, 18, "PER".into())]
        );
        let de = read_bio(&p, "de").unwrap();
        assert_eq!(de[1].text, "Herr Müller von X");
        assert_eq!(
            de[1].entities,
            vec![(5, 12, "PER".into()), (17, 18, "MISC".into())]
        );
        std::fs::remove_dir_all(dir).ok();
    }
}
