//! Classes that hold across languages: what a unit word counts (people, papers, a
//! currency) and what a predicate does (found, close), for grouping the same fact reported
//! in different words and languages.
//!
//! ```
//! use claimx_lang::classes::{predicate_class, unit_class};
//!
//! assert_eq!(unit_class("Mitarbeiter"), Some("people"));
//! assert_eq!(unit_class("员工"), Some("people"));
//! assert_eq!(predicate_class("gegründet"), Some("founded"));
//! assert_eq!(predicate_class("shut"), Some("closed"));
//! ```

/// The unit class of a unit word in any of the languages, or `None` for units not known.
pub fn unit_class(unit: &str) -> Option<&'static str> {
    let u = unit.to_lowercase();
    let u = u.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '%' | '$' | '€'));
    Some(match u {
        "usd" | "$" | "dollar" | "dollars" | "美元" => "USD",
        "eur" | "€" | "euro" | "euros" | "欧元" => "EUR",
        "cny" | "rmb" | "yuan" | "元" | "人民币" => "CNY",
        "%" | "percent" | "prozent" => "percent",
        "mitarbeiter" | "mitarbeitern" | "mitarbeitende" | "beschäftigte" | "beschäftigten"
        | "angestellte" | "angestellten" | "menschen" | "personen" | "leute" | "people"
        | "employees" | "staff" | "workers" | "persons" | "员工" | "名员工" | "人" | "雇员" => {
            "people"
        }
        "publikationen"
        | "veröffentlichungen"
        | "papers"
        | "paper"
        | "publications"
        | "fachartikel"
        | "artikel"
        | "studien"
        | "论文"
        | "篇论文"
        | "篇" => "papers",
        _ => return None,
    })
}

/// The predicate class of a verb form, for facts about years.
pub fn predicate_class(predicate: &str) -> Option<&'static str> {
    let p = predicate.to_lowercase();
    let starts = |stems: &[&str]| stems.iter().any(|s| p.starts_with(s));
    if starts(&[
        "gegründet",
        "gründete",
        "founded",
        "established",
        "set up",
        "launched",
        "opened",
        "eröffnet",
        "成立",
        "创立",
        "创建",
    ]) {
        Some("founded")
    } else if starts(&[
        "schließ",
        "schloss",
        "geschlossen",
        "closed",
        "shut",
        "closing",
        "关闭",
        "关停",
    ]) {
        Some("closed")
    } else {
        None
    }
}

/// Chinese predicates are not space-separated: look for them anywhere in the clause.
pub fn predicate_class_in(clause: &str) -> Option<&'static str> {
    ["成立", "创立", "创建", "关闭", "关停"]
        .iter()
        .find(|v| clause.contains(*v))
        .and_then(|v| predicate_class(v))
}

/// Place nouns that name the subject of a story rather than an entity.
pub const PLACE_NOUNS: &[&str] = &[
    "lab",
    "labs",
    "laboratory",
    "research lab",
    "unit",
    "centre",
    "center",
    "institute",
    "labor",
    "zentrum",
    "forschungszentrum",
    "institut",
    "forschungslabor",
    "forschungsinstitut",
    "实验室",
    "研究院",
    "研究所",
    "研究中心",
    "中心",
];
