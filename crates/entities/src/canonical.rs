//! Canonical names within one document: which mentions name the same thing.
//!
//! Only what the text itself says is used, no knowledge base: a short form defined in
//! brackets after its full form (`Amazon Web Services (AWS)`, `亚马逊云科技（AWS）`), an
//! acronym made of a longer name's initials (`AWS` for `Amazon Web Services`), and German
//! genitive or inflected forms of a name that also occurs bare (`Amazons`, `Chinas`). Names
//! across documents and languages are the consolidation stage's job.
use claimx_doc::{CompactString, Entity};

/// `Amazon Web Services` → `AWS`; an acronym inside stays whole (`World AI Conference` →
/// `WAIC`).
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            if is_acronym(w) {
                w.to_string()
            } else {
                w.chars()
                    .next()
                    .filter(|c| c.is_uppercase())
                    .into_iter()
                    .collect()
            }
        })
        .collect()
}

fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=6).contains(&n)
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Set `canonical` of every entity of one document (`text` is the document).
pub fn canonicalize(text: &str, entities: &mut [Entity]) {
    // full forms, by short form: from bracket definitions first, then from initials
    let mut full: Vec<(CompactString, CompactString)> = Vec::new();
    for pair in entities.windows(2) {
        let (long, short) = (&pair[0], &pair[1]);
        let between = &text[long.span.byte_end..short.span.byte_start];
        let bracketed = matches!(between.trim(), "(" | "（")
            && text[short.span.byte_end..]
                .trim_start()
                .starts_with([')', '）']);
        if bracketed
            && long.kind == short.kind
            && short.text.chars().count() < long.text.chars().count()
        {
            full.push((short.text.clone(), long.text.clone()));
        }
    }
    for e in entities.iter() {
        if !is_acronym(&e.text) || full.iter().any(|(s, _)| *s == e.text) {
            continue;
        }
        if let Some(long) = entities
            .iter()
            .filter(|o| o.kind == e.kind && o.text.contains(' ') && initials(&o.text) == e.text)
            .max_by_key(|o| o.text.len())
        {
            full.push((e.text.clone(), long.text.clone()));
        }
    }
    let names: Vec<CompactString> = entities.iter().map(|e| e.text.clone()).collect();
    for e in entities.iter_mut() {
        e.canonical = if let Some((_, long)) = full.iter().find(|(s, _)| *s == e.text) {
            long.clone()
        } else if let Some(base) = ["s", "es", "'s", "’s"]
            .iter()
            .filter_map(|suffix| e.text.strip_suffix(suffix))
            .find(|base| names.iter().any(|n| n == base))
        {
            // `Amazons` when `Amazon` occurs too; a name that merely ends in s stays
            full.iter()
                .find(|(s, _)| s == base)
                .map(|(_, l)| l.clone())
                .unwrap_or_else(|| base.into())
        } else {
            e.text.clone()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimx_doc::{EntityType, OffsetIndex};

    fn canonical(text: &str, names: &[(&str, EntityType)]) -> Vec<(String, String)> {
        let idx = OffsetIndex::new(text);
        let mut from = 0;
        let mut entities: Vec<Entity> = names
            .iter()
            .map(|(n, k)| {
                let at = from + text[from..].find(n).expect("name in text");
                from = at + n.len();
                Entity {
                    span: idx.span(at, at + n.len()),
                    text: (*n).into(),
                    kind: *k,
                    score: 1.0,
                    canonical: Default::default(),
                }
            })
            .collect();
        canonicalize(text, &mut entities);
        entities
            .into_iter()
            .map(|e| (e.text.into(), e.canonical.into()))
            .collect()
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn bracket_definitions_name_the_short_form() {
        let org = EntityType::Org;
        let got = canonical(
            "Amazon Web Services (AWS) schließt. AWS bestätigte, Amazons Sprecher schwieg.",
            &[
                ("Amazon Web Services", org),
                ("AWS", org),
                ("AWS", org),
                ("Amazon", org),
            ],
        );
        assert_eq!(
            got,
            pairs(&[
                ("Amazon Web Services", "Amazon Web Services"),
                ("AWS", "Amazon Web Services"),
                ("AWS", "Amazon Web Services"),
                ("Amazon", "Amazon"),
            ])
        );
    }

    #[test]
    fn chinese_brackets_too() {
        let org = EntityType::Org;
        let got = canonical(
            "亚马逊云科技（AWS）宣布，AWS将关闭实验室。",
            &[("亚马逊云科技", org), ("AWS", org), ("AWS", org)],
        );
        assert_eq!(got[2], ("AWS".to_string(), "亚马逊云科技".to_string()));
    }

    #[test]
    fn acronyms_from_initials_and_inflected_forms() {
        let (org, loc) = (EntityType::Org, EntityType::Loc);
        let got = canonical(
            "The World AI Conference opened. WAIC drew crowds in China. Chinas Markt; Amazons Labor; Amazon; Paris; Reuters.",
            &[("World AI Conference", org), ("WAIC", org), ("China", loc), ("Chinas", loc), ("Amazons", org), ("Amazon", org), ("Reuters", org)],
        );
        assert_eq!(
            got,
            pairs(&[
                ("World AI Conference", "World AI Conference"),
                ("WAIC", "World AI Conference"),
                ("China", "China"),
                ("Chinas", "China"),
                ("Amazons", "Amazon"),
                ("Amazon", "Amazon"),
                ("Reuters", "Reuters"),
            ])
        );
    }

    #[test]
    fn types_must_agree() {
        let got = canonical(
            "Acme Widget Systems (AWS) and AWS",
            &[
                ("Acme Widget Systems", EntityType::Org),
                ("AWS", EntityType::Loc),
                ("AWS", EntityType::Loc),
            ],
        );
        assert_eq!(got[2].1, "AWS");
    }
}
