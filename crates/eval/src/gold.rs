use crate::EvalError;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A gold language segment, in code points.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldSegment {
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// Language code (`de`, `en`, `zh`).
    pub lang: String,
}

/// A gold sentence, in code points.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldSentence {
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// Marked as boilerplate (headings, bylines, navigation).
    #[serde(default)]
    pub boilerplate: bool,
}

/// A gold entity mention, in code points.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldEntity {
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// `PER`, `ORG`, `LOC` or `MISC`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// A gold figure, in code points.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldFigure {
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// The figure as written.
    pub text: String,
    /// The figure type (`CARDINAL`, `MONEY`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// The normalised value: a number or an ISO 8601 string.
    pub value: serde_json::Value,
    /// The bound (`gt`, `ge`, `lt`, `le`, `approx`), if any.
    #[serde(default)]
    pub bound: Option<String>,
    /// The unit: ISO 4217 code, counted noun, `%`.
    #[serde(default)]
    pub unit: Option<String>,
}

/// A gold claim (see `data/seeds/ANNOTATION.md`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldClaim {
    /// The sentence, as [start, end) in code points.
    pub sentence: [usize; 2],
    /// The subject as written (empty for a subjectless clause).
    pub subject: String,
    /// The entity the subject names.
    #[serde(default)]
    pub subject_entity: Option<String>,
    /// The predicate as written.
    #[serde(default)]
    pub predicate: Option<String>,
    /// The figure, as [start, end) in code points.
    #[serde(default)]
    pub figure: Option<[usize; 2]>,
    /// The time figure, as [start, end) in code points.
    #[serde(default)]
    pub time: Option<[usize; 2]>,
    /// The source the claim is attributed to.
    #[serde(default)]
    pub attribution: Option<String>,
    /// The words that mark the attribution.
    #[serde(default)]
    pub cue: Option<String>,
    /// Whether the claim is hedged.
    #[serde(default)]
    pub hedged: bool,
}

/// One gold file plus its text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldDocument {
    /// The document's id (the text file's name without `.txt`).
    pub doc_id: String,
    /// The publication date, ISO 8601.
    #[serde(default)]
    pub published: Option<String>,
    /// Languages present, main first.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Language segments.
    #[serde(default)]
    pub segments: Vec<GoldSegment>,
    /// Sentences.
    #[serde(default)]
    pub sentences: Vec<GoldSentence>,
    /// Entity mentions.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Figures.
    #[serde(default)]
    pub figures: Vec<GoldFigure>,
    /// Claims.
    #[serde(default)]
    pub claims: Vec<GoldClaim>,
    /// Filled from `text/<doc_id>.txt`.
    #[serde(skip)]
    pub text: String,
}

/// Load `DIR/gold/*.gold.json` with their texts from `DIR/text/<doc_id>.txt`, sorted by id.
pub fn load_gold_dir(dir: &Path) -> Result<Vec<GoldDocument>, EvalError> {
    let gold_dir = dir.join("gold");
    let err = |p: &Path, m: String| EvalError::Read {
        path: p.display().to_string(),
        message: m,
    };
    let entries = std::fs::read_dir(&gold_dir).map_err(|e| err(&gold_dir, e.to_string()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for p in paths {
        let raw = std::fs::read_to_string(&p).map_err(|e| err(&p, e.to_string()))?;
        let mut g: GoldDocument =
            serde_json::from_str(&raw).map_err(|e| err(&p, format!("not a gold file: {e}")))?;
        let tp = dir.join("text").join(format!("{}.txt", g.doc_id));
        g.text = std::fs::read_to_string(&tp).map_err(|e| err(&tp, e.to_string()))?;
        let n = g.text.chars().count();
        let bad = g
            .sentences
            .iter()
            .map(|s| (s.start, s.end))
            .chain(g.figures.iter().map(|f| (f.start, f.end)))
            .find(|&(s, e)| s > e || e > n);
        if let Some((s, e)) = bad {
            return Err(err(
                &p,
                format!("span {s}..{e} outside the text of {n} characters"),
            ));
        }
        docs.push(g);
    }
    if docs.is_empty() {
        return Err(err(&gold_dir, "no *.gold.json files".into()));
    }
    Ok(docs)
}
