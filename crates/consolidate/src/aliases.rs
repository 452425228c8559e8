//! Entity names across documents and languages: which names are one entity.

use crate::ClaimRow;
use std::collections::HashMap;

/// Names of one entity joined across documents, each with the confidence of the link that
/// joined it: a document's own definition (`Amazon Web Services (AWS)`, `亚马逊云科技（AWS）`,
/// from the records' `subject_canonical`), an inflected or hyphenated German form
/// (`Amazons`, `Amazon-Sprecher`), or the user's alias file. No knowledge base: names a
/// text never links stay apart.
#[derive(Debug, Clone, Default)]
pub struct AliasTable {
    index: HashMap<String, usize>,
    names: Vec<String>,
    parent: Vec<usize>,
    /// confidence of the link from a name to its parent
    confidence: Vec<f32>,
    mentions: Vec<usize>,
    /// an inflected or hyphenated form of another name: never the reported name
    derived: Vec<bool>,
    /// the reported name of each root, worked out once after the last change (resolve runs
    /// once per claim)
    reported: std::sync::OnceLock<Vec<usize>>,
}

/// Errors reading an alias file.
#[derive(Debug, thiserror::Error)]
pub enum AliasError {
    #[error("{path}: {message}")]
    Read { path: String, message: String },
}

impl AliasTable {
    fn id(&mut self, name: &str) -> usize {
        self.reported = Default::default();
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len();
        self.index.insert(name.to_string(), i);
        self.names.push(name.to_string());
        self.parent.push(i);
        self.confidence.push(1.0);
        self.mentions.push(0);
        self.derived.push(false);
        i
    }

    fn root(&self, mut i: usize) -> (usize, f32) {
        let mut conf = 1.0f32;
        while self.parent[i] != i {
            conf = conf.min(self.confidence[i]);
            i = self.parent[i];
        }
        (i, conf)
    }

    /// Declare `a` and `b` one entity, with the confidence of that link.
    pub fn link(&mut self, a: &str, b: &str, confidence: f32) {
        self.reported = Default::default();
        let (a, b) = (self.id(a), self.id(b));
        let (ra, _) = self.root(a);
        let (rb, _) = self.root(b);
        if ra != rb {
            self.parent[ra] = rb;
            self.confidence[ra] = confidence;
        }
    }

    /// Links from claim rows: each document's canonical names, then inflected and
    /// hyphenated forms of names seen anywhere.
    pub fn learn(&mut self, rows: &[ClaimRow]) {
        for r in rows {
            if let Some(e) = r.subject_entity.as_deref() {
                let i = self.id(e);
                self.mentions[i] += 1;
                if let Some(c) = r.subject_canonical.as_deref().filter(|c| *c != e) {
                    self.link(e, c, 0.9);
                }
            }
        }
        let names = self.names.clone();
        for n in &names {
            let base = n
                .strip_suffix("s")
                .or_else(|| n.strip_suffix("’s"))
                .or_else(|| n.strip_suffix("'s"))
                .filter(|b| self.index.contains_key(*b));
            let head = n
                .split_once('-')
                .map(|(h, _)| h)
                .filter(|h| self.index.contains_key(*h));
            if let Some(b) = base.or(head) {
                self.link(n, b, 0.8);
                let i = self.index[n.as_str()];
                self.derived[i] = true;
            }
        }
        self.reported = Default::default();
    }

    /// Read an alias file: lines `alias<TAB>canonical` (`#` starts a comment), or a JSON
    /// object `{"alias": "canonical", …}`. These links have confidence 1.
    pub fn load(&mut self, path: &std::path::Path) -> Result<(), AliasError> {
        let err = |message: String| AliasError::Read {
            path: path.display().to_string(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
        if text.trim_start().starts_with('{') {
            let map: HashMap<String, String> =
                serde_json::from_str(&text).map_err(|e| err(e.to_string()))?;
            for (a, c) in map {
                self.link(&a, &c, 1.0);
            }
            return Ok(());
        }
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim_end();
            if line.trim().is_empty() {
                continue;
            }
            let (a, c) = line
                .split_once('\t')
                .ok_or_else(|| err(format!("line {}: expected alias<TAB>canonical", n + 1)))?;
            self.link(a.trim(), c.trim(), 1.0);
        }
        Ok(())
    }

    /// For each root, the name its entity is reported under: never a derived form, then the
    /// most mentioned, then the longest, then the first in order.
    fn reported_names(&self) -> Vec<usize> {
        let mut best: Vec<usize> = (0..self.names.len()).collect();
        let better = |a: usize, b: usize| {
            self.derived[b]
                .cmp(&self.derived[a])
                .then(self.mentions[a].cmp(&self.mentions[b]))
                .then(self.names[a].len().cmp(&self.names[b].len()))
                .then(self.names[b].cmp(&self.names[a]))
                .is_gt()
        };
        for j in 0..self.names.len() {
            let root = self.root(j).0;
            if better(j, best[root]) {
                best[root] = j;
            }
        }
        best
    }

    /// The name an entity is reported under (the most mentioned of its names, then the
    /// longest) and the confidence that `name` is that entity.
    pub fn resolve(&self, name: &str) -> (String, f32) {
        let Some(&i) = self.index.get(name) else {
            return (name.to_string(), 1.0);
        };
        let (root, conf) = self.root(i);
        let best = self.reported.get_or_init(|| self.reported_names())[root];
        (self.names[best].clone(), conf)
    }
}
