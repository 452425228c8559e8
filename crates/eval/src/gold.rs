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
    /// The upper end of a range (`7,000 to 8,000`: value 7000, upper 8000), else null.
    #[serde(default)]
    pub upper: serde_json::Value,
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

/// The first span of a gold document that is not inside its text, named by its layer and
/// position: every layer is checked, since a span past the text would score as a miss
/// without a word.
fn bad_span(g: &GoldDocument) -> Option<String> {
    let n = g.text.chars().count();
    let mut spans: Vec<(String, usize, usize)> = Vec::new();
    let mut layer = |name: &str, list: &mut dyn Iterator<Item = (usize, usize)>| {
        for (i, (s, e)) in list.enumerate() {
            spans.push((format!("{name} {i}"), s, e));
        }
    };
    layer("segment", &mut g.segments.iter().map(|s| (s.start, s.end)));
    layer(
        "sentence",
        &mut g.sentences.iter().map(|s| (s.start, s.end)),
    );
    layer("entity", &mut g.entities.iter().map(|s| (s.start, s.end)));
    layer("figure", &mut g.figures.iter().map(|s| (s.start, s.end)));
    layer(
        "claim sentence",
        &mut g.claims.iter().map(|c| (c.sentence[0], c.sentence[1])),
    );
    layer(
        "claim figure",
        &mut g
            .claims
            .iter()
            .filter_map(|c| c.figure.map(|f| (f[0], f[1]))),
    );
    layer(
        "claim time",
        &mut g.claims.iter().filter_map(|c| c.time.map(|f| (f[0], f[1]))),
    );
    spans
        .into_iter()
        .find(|&(_, s, e)| s > e || e > n)
        .map(|(what, s, e)| format!("{what}: span {s}..{e} outside the text of {n} characters"))
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
        if let Some(message) = bad_span(&g) {
            return Err(err(&p, message));
        }
        docs.push(g);
    }
    if docs.is_empty() {
        return Err(err(&gold_dir, "no *.gold.json files".into()));
    }
    Ok(docs)
}

#[cfg(test)]
mod span_tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::segment(
        r#"{"doc_id":"d","segments":[{"start":0,"end":99,"lang":"de"}]}"#,
        Some("segment 0: span 0..99")
    )]
    #[case::entity(r#"{"doc_id":"d","entities":[{"start":0,"end":4,"type":"ORG","text":"Acme"},{"start":9,"end":3,"type":"ORG","text":"x"}]}"#, Some("entity 1: span 9..3"))]
    #[case::claim(
        r#"{"doc_id":"d","claims":[{"sentence":[0,12],"subject":"Acme","figure":[5,40]}]}"#,
        Some("claim figure 0: span 5..40")
    )]
    #[case::claim_sentence(
        r#"{"doc_id":"d","claims":[{"sentence":[0,14],"subject":"Acme"}]}"#,
        Some("claim sentence 0: span 0..14")
    )]
    #[case::good(r#"{"doc_id":"d","entities":[{"start":0,"end":4,"type":"ORG","text":"Acme"}],"claims":[{"sentence":[0,12],"subject":"Acme","figure":[5,8]}]}"#, None)]
    fn every_layer_s_spans_are_checked(#[case] gold: &str, #[case] error: Option<&str>) {
        let mut g: GoldDocument = serde_json::from_str(gold).unwrap();
        g.text = "Acme hat 100.".into();
        match (bad_span(&g), error) {
            (Some(m), Some(want)) => assert!(m.starts_with(want), "{m}"),
            (got, want) => assert_eq!(got.as_deref(), want),
        }
    }
}
