//! Classes that hold across languages: what a unit word counts (people, papers, a
//! currency) and what a predicate does (found, close), for grouping the same fact reported
//! in different words and languages.
//!
//! ```
//! use claimx_lang::classes::{noun_class, predicate_class, unit_class};
//!
//! assert_eq!(unit_class("Mitarbeiter"), Some("people"));
//! assert_eq!(unit_class("员工"), Some("people"));
//! assert_eq!(predicate_class("gegründet"), Some("founded"));
//! assert_eq!(predicate_class("shut"), Some("closed"));
//! assert_eq!(predicate_class("gesunken"), Some("fell"));
//! assert_eq!(predicate_class("gesteigert"), Some("rose"));
//! assert_eq!(predicate_class("abzubauen"), Some("cut"));
//! assert_eq!(predicate_class("halved"), Some("fell"));
//! assert_eq!(predicate_class("下滑"), Some("fell"));
//! assert_eq!(noun_class("Konzernumsatz"), Some("revenue"));
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

/// Predicate classes with the stems of their verbs in German, English and Chinese (lower
/// case; a form belongs to a class when it starts with one of the stems, so `sank`,
/// `gesunken` and `slipped` need stems of their own). Separable verbs are written with their
/// particle as the claim's predicate has it (`baut ab`, `ging zurück`). A stem ending in `$`
/// is a whole word (`up` is not `update`).
const VERB_CLASSES: &[(&str, &[&str])] = &[
    (
        "founded",
        &[
            "gegründet",
            "gründete",
            "gründen",
            "founded",
            "establish",
            "set up",
            "launched",
            "opened",
            "eröffnet",
            "成立",
            "创立",
            "创建",
            "创办",
        ],
    ),
    (
        "closed",
        &[
            "schließ",
            "schloss",
            "geschlossen",
            "closed",
            "shut",
            "closing",
            "关闭",
            "关停",
            "停业",
        ],
    ),
    (
        "employed",
        &["beschäftig", "employ", "雇用", "雇佣", "聘用"],
    ),
    (
        "cut",
        &[
            "streich",
            "strich",
            "gestrichen",
            "abbau",
            "baut ab",
            "bauen ab",
            "baute ab",
            "abgebaut",
            "cut",
            "lay off",
            "laid off",
            "laying off",
            "eliminat",
            "裁员",
            "裁减",
            "削减",
        ],
    ),
    (
        "acquired",
        &[
            "kauf",
            "gekauft",
            "übernimm",
            "übernahm",
            "übernommen",
            "acquir",
            "buy",
            "bought",
            "purchas",
            "收购",
            "并购",
            "买下",
        ],
    ),
    ("invested", &["investier", "invest", "投资", "注资"]),
    ("published", &["veröffentlich", "publish", "发表", "出版"]),
    (
        "raised",
        &[
            "raise",
            "raising",
            "einsammel",
            "eingesammelt",
            "sammelte",
            "融资",
            "募资",
        ],
    ),
    (
        "revenue",
        &["umsetz", "umgesetzt", "setzte um", "erwirtschaft"],
    ),
    ("sold", &["verkauf", "sold", "sell", "出售", "卖出", "售出"]),
    (
        "paid",
        &[
            "zahl", "bezahl", "gezahlt", "paid", "pay", "spent", "spend", "支付", "花费",
        ],
    ),
    (
        "cost",
        &["kostet", "kostete", "gekostet", "cost", "耗资", "涉资"],
    ),
    (
        "amounted",
        &[
            "betrug", "beträgt", "betragen", "belief", "beläuft", "lag", "liegt", "liegen",
            "erreicht", "amount", "total", "stood", "stand", "reach", "达到", "达",
        ],
    ),
    (
        "rose",
        &[
            "stieg",
            "steig",
            "gestiegen",
            "angestiegen",
            "wuchs",
            "wächst",
            "wachsen",
            "gewachsen",
            "zuleg",
            "zugelegt",
            "legte zu",
            "erhöh",
            "steiger",
            "gesteigert",
            "verdoppel",
            "verdreifach",
            "rose",
            "rise",
            "rising",
            "risen",
            "grew",
            "grow",
            "increas",
            "climb",
            "jump",
            "soar",
            "gain",
            "boost",
            "doubl",
            "tripl",
            "surg",
            "rallied",
            "rally",
            // nouns of change (`ein Plus von 3 Prozent`, `an increase of 5%`)
            "plus$",
            "anstieg",
            "zuwachs",
            "zunahme",
            "rebound",
            "up$",
            "增长",
            "上涨",
            "增加",
            "提高",
            "上升",
            "攀升",
            "飙升",
            "增至",
            "升至",
            "翻番",
            "上调",
        ],
    ),
    (
        "fell",
        &[
            "sank",
            "sink",
            "gesunken",
            "fiel",
            "fällt",
            "fallen",
            "gefallen",
            "zurückgegangen",
            "ging zurück",
            "gehen zurück",
            "brach ein",
            "eingebrochen",
            "verringer",
            "senk",
            "gesenkt",
            "reduzier",
            "halbier",
            "schrumpf",
            "geschrumpft",
            "gekürzt",
            "kürzt",
            "fell",
            "fall",
            "drop",
            "declin",
            "slip",
            "slump",
            "decreas",
            "shrank",
            "shrink",
            "reduc",
            "lower",
            "halv",
            "plung",
            "tumbl",
            "minus$",
            "rückgang",
            "einbruch",
            "abnahme",
            "plummet",
            "slid",
            "down$",
            "下降",
            "下跌",
            "减少",
            "降低",
            "下滑",
            "回落",
            "萎缩",
            "下调",
            "缩减",
            "跌",
        ],
    ),
];

/// Nouns that name what a figure measures, by class (lower case stems; German compounds end
/// in them: `Konzernumsatz`).
const NOUN_CLASSES: &[(&str, &[&str])] = &[
    (
        "revenue",
        &[
            "umsatz",
            "umsätze",
            "erlös",
            "revenue",
            "sales",
            "turnover",
            "营收",
            "收入",
            "营业额",
            "销售额",
        ],
    ),
    (
        "profit",
        &[
            "gewinn",
            "ergebnis",
            "überschuss",
            "profit",
            "earnings",
            "net income",
            "利润",
            "净利",
            "盈利",
        ],
    ),
];

/// The predicate class of a verb form (`gegründet` → `founded`, `slipped` → `fell`).
pub fn predicate_class(predicate: &str) -> Option<&'static str> {
    let p = predicate.to_lowercase();
    let class_of = |p: &str| {
        VERB_CLASSES
            .iter()
            .find(|(_, stems)| {
                stems.iter().any(|s| match s.strip_suffix('$') {
                    Some(word) => p == word,
                    None => p.starts_with(s),
                })
            })
            .map(|(class, _)| *class)
    };
    // a German separable verb's zu-infinitive has `zu` after its particle (`abzubauen`,
    // `einzusammeln`): the verb is the infinitive without it
    class_of(&p).or_else(|| {
        let at = p.find("zu").filter(|&i| i >= 2)?;
        class_of(&format!("{}{}", &p[..at], &p[at + 2..]))
    })
}

/// The class of what a noun measures (`Umsatz`, `Konzernumsatz`, `revenues` → `revenue`).
pub fn noun_class(noun: &str) -> Option<&'static str> {
    let n = noun.to_lowercase();
    NOUN_CLASSES
        .iter()
        .find(|(_, stems)| {
            stems
                .iter()
                .any(|s| n.starts_with(s) || n.ends_with(s) || n.ends_with(&format!("{s}s")))
        })
        .map(|(class, _)| *class)
}

/// Chinese predicates are not space-separated: look for them anywhere in the clause.
pub fn predicate_class_in(clause: &str) -> Option<&'static str> {
    VERB_CLASSES
        .iter()
        .find(|(_, stems)| {
            stems.iter().any(|s| {
                !s.is_ascii() && s.chars().all(crate::script::is_han) && clause.contains(s)
            })
        })
        .map(|(class, _)| *class)
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
