use crate::EvalError;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldSegment {
    pub start: usize,
    pub end: usize,
    pub lang: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldSentence {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub boilerplate: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldEntity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldFigure {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: serde_json::Value,
    #[serde(default)]
    pub bound: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
}

/// A gold claim (see `data/seeds/ANNOTATION.md`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldClaim {
    pub sentence: [usize; 2],
    pub subject: String,
    #[serde(default)]
    pub subject_entity: Option<String>,
    #[serde(default)]
    pub predicate: Option<String>,
    #[serde(default)]
    pub figure: Option<[usize; 2]>,
    #[serde(default)]
    pub time: Option<[usize; 2]>,
    #[serde(default)]
    pub attribution: Option<String>,
    #[serde(default)]
    pub cue: Option<String>,
    #[serde(default)]
    pub hedged: bool,
}

/// One gold file plus its text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GoldDocument {
    pub doc_id: String,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub segments: Vec<GoldSegment>,
    #[serde(default)]
    pub sentences: Vec<GoldSentence>,
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub figures: Vec<GoldFigure>,
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
