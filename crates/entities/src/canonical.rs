//! Canonical names within one document: which mentions name the same thing.
//!
//! Only what the text itself says is used, no knowledge base: a short form defined in
//! brackets after its full form (`Amazon Web Services (AWS)`, `亚马逊云科技（AWS）`), an
//! acronym made of a longer name's initials (`AWS` for `Amazon Web Services`), and German
//! genitive or inflected forms of a name that also occurs bare (`Amazons`, `Chinas`), and a
//! person's surname alone or a Chinese surname with `某` for the one full name it fits
//! (`Gates` → `Robert Gates`, `雷某` → `雷洋`). Names
//! across documents and languages are the consolidation stage's job.
use claimx_doc::{CompactString, Entity, EntityType};

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

/// The one full name in the document a short mention of a person stands for: a surname alone
/// (`Gates` → `Robert Gates`, `Thiele` → `Carl-Ludwig Thiele`), or a Chinese surname with `某`,
/// as reports write a person they do not name in full (`雷某` → `雷洋`). None when no name or
/// more than one fits (`Li` with `Nong Li` and `Li Wei`).
fn full_name(mention: &str, people: &[CompactString]) -> Option<CompactString> {
    let mut chars = mention.chars();
    let fits: Box<dyn Fn(&str) -> bool + '_> = match (chars.next(), chars.next(), chars.next()) {
        (Some(surname), Some('某'), None) if claimx_lang::script::is_han(surname) => {
            Box::new(move |p: &str| {
                let n = p.chars().count();
                (2..=4).contains(&n)
                    && p.starts_with(surname)
                    && !p.ends_with('某')
                    && p.chars().all(claimx_lang::script::is_han)
            })
        }
        (Some(c), Some(_), _)
            if c.is_uppercase()
                && !mention.contains(char::is_whitespace)
                && !is_acronym(mention) =>
        {
            Box::new(move |p: &str| {
                let words: Vec<&str> = p.split_whitespace().collect();
                words.len() > 1 && words.last() == Some(&mention)
            })
        }
        _ => return None,
    };
    let mut found: Option<&CompactString> = None;
    for p in people.iter().filter(|p| fits(p)) {
        if found.is_some_and(|f| f != p) {
            return None;
        }
        found = Some(p);
    }
    found.cloned()
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
    // each name once: a long document repeats its people's names many times
    let mut people: Vec<CompactString> = entities
        .iter()
        .filter(|e| e.kind == EntityType::Per)
        .map(|e| e.text.clone())
        .collect();
    people.sort_unstable();
    people.dedup();
    for e in entities.iter_mut() {
        e.canonical = if let Some((_, long)) = full.iter().find(|(s, _)| *s == e.text) {
            long.clone()
        } else if let Some(person) = (e.kind == EntityType::Per)
            .then(|| full_name(&e.text, &people))
            .flatten()
        {
            person
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
    fn a_surname_alone_is_the_one_full_name_it_fits() {
        let per = EntityType::Per;
        let got = canonical(
            "Robert Gates kam. Gates sagte, Li Wei und Nong Li schwiegen; Li nickte. Carl-Ludwig Thiele: Thiele.",
            &[
                ("Robert Gates", per),
                ("Gates", per),
                ("Li Wei", per),
                ("Nong Li", per),
                ("Li", per),
                ("Carl-Ludwig Thiele", per),
                ("Thiele", per),
            ],
        );
        let canon: Vec<&str> = got.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(
            canon,
            [
                "Robert Gates",
                "Robert Gates",
                "Li Wei",
                "Nong Li",
                "Nong Li",
                "Carl-Ludwig Thiele",
                "Carl-Ludwig Thiele"
            ]
        );
    }

    #[test]
    fn a_chinese_surname_with_mou_is_the_person_so_named() {
        let per = EntityType::Per;
        let got = canonical(
            "雷洋离家后身亡，雷某被带回审查。刘某和张三、张四在场，张某未到。",
            &[
                ("雷洋", per),
                ("雷某", per),
                ("刘某", per),
                ("张三", per),
                ("张四", per),
                ("张某", per),
            ],
        );
        let canon: Vec<&str> = got.iter().map(|(_, c)| c.as_str()).collect();
        // `刘某` names no one else; `张某` fits two
        assert_eq!(canon, ["雷洋", "雷洋", "刘某", "张三", "张四", "张某"]);
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
