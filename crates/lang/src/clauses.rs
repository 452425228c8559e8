//! The lexical facts a claim's clause structure needs, per language: which verbs report
//! speech (`sagte`, `teilte … mit`, `said`, `表示`), which words name a source as a case
//! marker (`laut`, `zufolge`, `according to`, `据`), which words hedge or negate a statement,
//! which words refer back to a person or an organisation (`er`, `it`, `the company`, `该公司`),
//! and which verbs only state existence (`es gibt`). The structure itself (which verb governs
//! which clause) comes from the dependency tree; these lists say only what words mean.
//!
//! ```
//! use claimx_doc::{ChangeRole, Lang};
//! use claimx_lang::clauses::{is_speech_verb, is_source_marker, reference, Reference};
//!
//! assert!(is_speech_verb(Lang::De, "teilte", Some("mit")));
//! assert!(!is_speech_verb(Lang::De, "teilte", None));
//! assert!(is_speech_verb(Lang::En, "announced", None));
//! assert!(is_speech_verb(Lang::Zh, "表示", None));
//! assert!(is_source_marker(Lang::De, "zufolge"));
//! assert_eq!(reference(Lang::En, "the company"), Some(Reference::Organisation));
//! assert_eq!(reference(Lang::De, "er"), Some(Reference::Person));
//! ```

use claimx_doc::{ChangeRole, Lang};

/// German speech and report verbs as stems of their forms (`sag` → `sagte`, `gesagt`), each
/// with the separable particle it needs (`teilte … mit`), if any.
const DE_SPEECH: &[(&str, Option<&str>)] = &[
    ("sag", None),
    ("gesagt", None),
    ("erklär", None),
    ("beton", None),
    ("bestätig", None),
    ("meld", None),
    ("gemeldet", None),
    ("bericht", None),
    ("schrieb", None),
    ("schreib", None),
    ("geschrieben", None),
    ("äußer", None),
    ("geäußert", None),
    ("erläuter", None),
    ("hieß", None),
    ("heißt", None),
    ("verlaut", None),
    ("sprach", None),
    ("mitteil", None),
    ("mitgeteilt", None),
    ("teil", Some("mit")),
    ("ankündig", None),
    ("angekündigt", None),
    ("kündig", Some("an")),
    ("angab", None),
    ("angegeben", None),
    ("gab", Some("an")),
    ("gibt", Some("an")),
    ("bekanntgab", None),
    ("bekanntgegeben", None),
    ("gab", Some("bekannt")),
    ("gibt", Some("bekannt")),
    ("informier", None),
    ("präsentier", None),
    ("zitiert", None),
];

/// English verbs of finding and showing that report a result (whole words: `found` is no stem).
const EN_REPORT: &[&str] = &["found", "find", "finds", "show", "shows", "showed", "shown"];

/// English speech and report verbs as stems of their forms.
const EN_SPEECH: &[&str] = &[
    "say",
    "said",
    "tell",
    "told",
    "state",
    "announc",
    "report",
    "add",
    "note",
    "explain",
    "claim",
    "confirm",
    "wrote",
    "write",
    "disclos",
    "reveal",
    "insist",
    "argu",
    "warn",
    "testif",
    "acknowledg",
    "admit",
    "comment",
    "declar",
    "predict",
    "estimat",
];

/// Chinese report verbs (whole words), beside the speech verbs of `crate::zh::SPEECH_VERBS`.
const ZH_REPORT: &[&str] = &[
    "介绍", "报道", "宣布", "公布", "说明", "显示", "认为", "称赞", "发布", "通报", "回应",
];

/// Whether `verb` (as written) reports speech in `lang`; `particle` is the separable particle
/// the tree attaches to it (`mit` in `teilte … mit`), if any.
pub fn is_speech_verb(lang: Lang, verb: &str, particle: Option<&str>) -> bool {
    let v = verb.to_lowercase();
    match lang {
        Lang::De => DE_SPEECH.iter().any(|(stem, need)| {
            v.starts_with(stem)
                && match need {
                    None => true,
                    Some(p) => particle.is_some_and(|q| q.eq_ignore_ascii_case(p)),
                }
        }),
        Lang::En => {
            EN_SPEECH.iter().any(|stem| v.starts_with(stem)) || EN_REPORT.contains(&v.as_str())
        }
        Lang::Zh => {
            crate::zh::SPEECH_VERBS.contains(&v.as_str()) || ZH_REPORT.contains(&v.as_str())
        }
        Lang::Other => false,
    }
}

/// Whether `word` marks its noun phrase as the source of a statement (`laut Reuters`,
/// `Berichten zufolge`, `according to Reuters`, `据新华社报道`).
pub fn is_source_marker(lang: Lang, word: &str) -> bool {
    let w = word.to_lowercase();
    match lang {
        Lang::De => crate::de::ATTRIBUTION_POSTPOSITIONS.contains(&w.as_str()) || w == "laut",
        Lang::En => w == "according",
        // (`援引` quotes a source: `援引知情人士的话`; the clause rules read only the others)
        Lang::Zh => crate::zh::SOURCE_MARKERS.contains(&w.as_str()) || w == "援引",
        Lang::Other => false,
    }
}

/// Whether `word` opens a speech clause set beside the one it reports (`…, wie das Amt
/// mitteilte`, `…, as the company said`).
pub fn is_report_mark(lang: Lang, word: &str) -> bool {
    matches!(
        (lang, word.to_lowercase().as_str()),
        (Lang::De, "wie") | (Lang::En, "as")
    )
}

/// Whether `word`, before a source's name with no verb, marks it as the source (`…, so die
/// VIG`).
pub fn is_source_adverb(lang: Lang, word: &str) -> bool {
    lang == Lang::De && word.eq_ignore_ascii_case("so")
}

/// Whether `word` is an adverb that points back to a source named before it (`Demnach sind
/// die Kosten gestiegen`, `demzufolge`: according to that): the claim is that source's.
pub fn is_anaphoric_source(lang: Lang, word: &str) -> bool {
    lang == Lang::De && matches!(word.to_lowercase().as_str(), "demnach" | "demzufolge")
}

/// Whether a determiner makes its noun definite: something the reader already knows
/// (`the two companies`, `die beiden`, `这两家`), not a new count.
pub fn is_definite_determiner(lang: Lang, word: &str) -> bool {
    let w = word.to_lowercase();
    match lang {
        Lang::En => matches!(
            w.as_str(),
            "the" | "these" | "those" | "both" | "this" | "that"
        ),
        Lang::De => matches!(
            w.as_str(),
            "der"
                | "die"
                | "das"
                | "den"
                | "dem"
                | "des"
                | "diese"
                | "dieser"
                | "diesen"
                | "beide"
                | "beiden"
        ),
        Lang::Zh => matches!(w.as_str(), "这" | "该" | "此" | "这些"),
        Lang::Other => false,
    }
}

/// Whether `word` is an auxiliary of the German passive (`wurden … verkauft`): a clause with
/// one and no subject has its patient as the subject, which the parser may label `obj`.
pub fn is_passive_auxiliary(lang: Lang, word: &str) -> bool {
    lang == Lang::De
        && matches!(
            word.to_lowercase().as_str(),
            "wird" | "wurde" | "wurden" | "werden" | "worden" | "wurdest" | "geworden"
        )
}

/// Whether a noun names a change (`ein Plus von 3 Prozent`, `an increase of 5%`, `增幅`): a
/// figure under it is a change of the clause's subject, and the noun is no subject itself.
pub fn is_change_noun(lang: Lang, word: &str) -> bool {
    let w = word.to_lowercase();
    match lang {
        Lang::De => matches!(
            w.as_str(),
            "plus"
                | "minus"
                | "anstieg"
                | "rückgang"
                | "zuwachs"
                | "einbruch"
                | "steigerung"
                | "zunahme"
                | "abnahme"
                | "wachstum"
        ),
        Lang::En => matches!(
            w.as_str(),
            "increase"
                | "decrease"
                | "rise"
                | "drop"
                | "decline"
                | "gain"
                | "fall"
                | "jump"
                | "surge"
                | "growth"
                | "reduction"
                | "slump"
                | "plunge"
        ),
        Lang::Zh => matches!(
            w.as_str(),
            "增幅" | "降幅" | "涨幅" | "跌幅" | "增长" | "下降"
        ),
        Lang::Other => false,
    }
}

/// Whether `word` is a relative pronoun: in a relative clause it stands for the noun the
/// clause modifies (`Varian, das …`, `a startup that …`).
pub fn is_relative_pronoun(lang: Lang, word: &str) -> bool {
    let w = word.to_lowercase();
    match lang {
        Lang::En => matches!(w.as_str(), "who" | "which" | "that" | "whom" | "whose"),
        Lang::De => matches!(
            w.as_str(),
            "der"
                | "die"
                | "das"
                | "dem"
                | "den"
                | "deren"
                | "dessen"
                | "welche"
                | "welcher"
                | "welches"
        ),
        Lang::Zh => false,
        Lang::Other => false,
    }
}

/// Whether a preposition after a quantity names the whole it is a part of (`die Hälfte von
/// ihnen`, `half of the staff`).
pub fn is_partitive(lang: Lang, word: &str) -> bool {
    let w = word.to_lowercase();
    match lang {
        Lang::En => w == "of",
        Lang::De => w == "von",
        Lang::Zh | Lang::Other => false,
    }
}

/// The part a figure plays in a change, from the preposition before it (`von`/`from`/`从`:
/// the value before; `auf`/`to`/`到`: after; `um`/`by`: the difference).
pub fn change_role(lang: Lang, preposition: &str) -> Option<ChangeRole> {
    let w = preposition.to_lowercase();
    Some(match (lang, w.as_str()) {
        (Lang::De, "von") | (Lang::En, "from") | (Lang::Zh, "从" | "由") => ChangeRole::From,
        (Lang::De, "auf") | (Lang::En, "to") | (Lang::Zh, "到" | "至") => ChangeRole::To,
        (Lang::De, "um") | (Lang::En, "by") => ChangeRole::By,
        _ => return None,
    })
}

/// Chinese comparison markers, written right before what is compared with (`比去年`).
pub const ZH_COMPARISON_MARKERS: &[&str] = &["比", "较", "同比", "相比", "环比", "较上年"];

/// Whether a word marks what a value is compared with (`gegenüber 2019`, `im Vergleich zu`,
/// `mehr als im Vorjahr`, `than last year`, `compared with`, `比去年`): a date it marks is a
/// reference, not the time of the claim.
pub fn is_comparison_marker(lang: Lang, word: &str) -> bool {
    let w = word.to_lowercase();
    match lang {
        Lang::De => {
            matches!(w.as_str(), "gegenüber" | "als" | "verglichen") || w.starts_with("vergleich")
        }
        Lang::En => matches!(
            w.as_str(),
            "than" | "compared" | "versus" | "vs" | "vs." | "comparison" | "against"
        ),
        Lang::Zh => ZH_COMPARISON_MARKERS.contains(&w.as_str()),
        Lang::Other => false,
    }
}

/// Whether a determiner shows its noun is not in the nominative, so cannot be a subject
/// (German `den`, `dem`, `des`, `einen`, `einem`, `eines`).
pub fn is_oblique_determiner(lang: Lang, word: &str) -> bool {
    lang == Lang::De
        && matches!(
            word.to_lowercase().as_str(),
            "den" | "dem" | "des" | "einen" | "einem" | "eines" | "diesem" | "diesen"
        )
}

/// Whether a pronoun addresses the reader (`you`, `du`, `你`): a clause about "you" gives
/// advice or a hypothesis, not a fact anyone reported.
pub fn is_second_person(lang: Lang, word: &str) -> bool {
    let w = word.to_lowercase();
    match lang {
        Lang::En => matches!(w.as_str(), "you" | "yourself" | "yourselves"),
        Lang::De => matches!(w.as_str(), "du" | "ihr" | "dich" | "dir"),
        Lang::Zh => matches!(w.as_str(), "你" | "您" | "你们"),
        Lang::Other => false,
    }
}

/// German nouns after which `nach` names a source ("according to"): what a source said,
/// published or estimated (`nach Angaben des Bundesamts`, `nach vorläufigen Daten von
/// Eurostat`, `nach Berechnungen des Ifo-Instituts`, `nach Ansicht von Experten`), also as the
/// last part of a compound (`nach US-Angaben`).
const DE_SOURCE_NOUNS: &[&str] = &[
    "angaben",
    "informationen",
    "berichten",
    "aussagen",
    "daten",
    "zahlen",
    "schätzungen",
    "berechnungen",
    "erkenntnissen",
    "ansicht",
    "meinung",
    "einschätzung",
    "auffassung",
    "darstellung",
];

/// Whether `preposition noun` names a source (`nach Angaben`), beyond [`is_source_marker`].
pub fn is_source_phrase(lang: Lang, preposition: &str, noun: &str) -> bool {
    preposition.eq_ignore_ascii_case("nach") && is_source_noun(lang, noun)
}

/// Whether `noun` names what a source said, published or estimated (`Angaben`, `Daten`,
/// `Schätzungen`, also ending a compound: `Polizeiangaben`): after `nach`, `laut` or before
/// `zufolge`, the source is whoever the noun's genitive or `von` phrase names (`nach Angaben
/// der Polizei`: the police).
///
/// ```
/// use claimx_doc::Lang;
/// use claimx_lang::clauses::is_source_noun;
///
/// assert!(is_source_noun(Lang::De, "Angaben"));
/// assert!(is_source_noun(Lang::De, "Polizeiangaben"));
/// assert!(!is_source_noun(Lang::De, "Soldaten"));
/// ```
pub fn is_source_noun(lang: Lang, noun: &str) -> bool {
    lang == Lang::De && {
        let w = noun.to_lowercase();
        // compounds end in the noun (`Polizeiangaben`), but a short one may end a word
        // of another meaning (`Soldaten`, `bezahlen`)
        DE_SOURCE_NOUNS
            .iter()
            .any(|n| w == *n || n.chars().count() >= 7 && w.ends_with(n))
    }
}

/// Words of a clause that hedge it: modal verbs of possibility and report, adverbs of
/// uncertainty, verbs of expectation and estimate.
const DE_HEDGES: &[&str] = &[
    "voraussichtlich",
    "wohl",
    "möglicherweise",
    "vielleicht",
    "wahrscheinlich",
    "erwartet",
    "erwarten",
    "rechnet",
    "rechnen",
    "schätzt",
    "geschätzt",
    "prognostiziert",
    "dürften",
    "mutmaßlich",
];
const EN_HEDGES: &[&str] = &[
    "expected",
    "expects",
    "expect",
    "likely",
    "probably",
    "possibly",
    "perhaps",
    "forecast",
    "projected",
    "estimates",
    "anticipated",
    "roughly",
];
const ZH_HEDGES: &[&str] = &[
    "预计", "预期", "估计", "或", "据悉", "有望", "也许", "或许", "大概", "传", "据传", "盛传",
    "传闻",
];

/// Whether `word` hedges the clause it stands in (`soll`, `may`, `voraussichtlich`, `预计`).
pub fn is_hedge(lang: Lang, word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.as_str();
    match lang {
        Lang::De => crate::de::HEDGES.contains(&w) || DE_HEDGES.contains(&w),
        Lang::En => crate::en::HEDGES.contains(&w) || EN_HEDGES.contains(&w),
        Lang::Zh => crate::zh::HEDGES.contains(&w) || ZH_HEDGES.contains(&w),
        Lang::Other => false,
    }
}

/// Whether a hedge modal states a plan instead, given the clause's other auxiliaries: German
/// `sollen` with a present passive infinitive (`soll gekürzt werden`, `sollen gestrichen
/// werden`: is to be cut) says what is decided, not what is reported; with a perfect one
/// (`soll festgenommen worden sein`, `soll gezahlt haben`) or alone (`soll 180 Euro kosten`) it
/// reports hearsay and stays a hedge.
///
/// ```
/// use claimx_doc::Lang;
/// use claimx_lang::clauses::modal_states_a_plan;
/// assert!(modal_states_a_plan(Lang::De, "soll", &["werden"]));
/// assert!(!modal_states_a_plan(Lang::De, "soll", &["worden", "sein"]));
/// assert!(!modal_states_a_plan(Lang::De, "soll", &[]));
/// assert!(!modal_states_a_plan(Lang::En, "may", &["be"]));
/// ```
pub fn modal_states_a_plan(lang: Lang, modal: &str, auxiliaries: &[&str]) -> bool {
    let m = modal.to_lowercase();
    lang == Lang::De
        && matches!(
            m.as_str(),
            "soll" | "sollen" | "sollte" | "sollten" | "sollt"
        )
        && auxiliaries.iter().any(|a| a.eq_ignore_ascii_case("werden"))
        && !auxiliaries.iter().any(|a| {
            a.eq_ignore_ascii_case("worden")
                || a.eq_ignore_ascii_case("haben")
                || a.eq_ignore_ascii_case("sein")
        })
}

/// Words that put a clause in the future: `will`, `is due to`, `wird`, `将` …
const EN_FUTURE: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "is due to",
    "are due to",
    "is scheduled to",
    "are scheduled to",
    "is set to",
    "are set to",
    "plans to",
    "plan to",
    "is expected to",
    "are expected to",
    // `results are due on Thursday`, `the vote is scheduled for Friday`
    "due on",
    "scheduled for",
    "set for",
];
const DE_FUTURE: &[&str] = &["wird", "werden", "plant", "planen"];
const ZH_FUTURE: &[&str] = &["将", "拟", "计划于", "预计于", "准备"];

/// Whether a clause (in any of the three languages) speaks of the future: `Apple will report
/// on Thursday`, `Die Zahlen werden am Donnerstag vorgelegt`, `公司将于周四公布`. Relative
/// weekdays in it are the next ones, not the last.
///
/// ```
/// use claimx_lang::clauses::speaks_of_the_future;
///
/// assert!(speaks_of_the_future("Apple will report results on Thursday"));
/// assert!(speaks_of_the_future("die Zahlen werden am Donnerstag vorgelegt"));
/// assert!(speaks_of_the_future("公司将于周四公布业绩"));
/// assert!(speaks_of_the_future("results are due on Thursday"));
/// assert!(!speaks_of_the_future("Apple said on Thursday"));
/// assert!(!speaks_of_the_future("the will of the board"));
/// ```
pub fn speaks_of_the_future(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let phrase = |p: &str| {
        let ps: Vec<&str> = p.split(' ').collect();
        words.windows(ps.len()).any(|w| w == ps.as_slice())
    };
    // `will` is a modal only before a verb, not after an article (`the will of`)
    let modal_will = words.windows(2).any(|w| {
        w[1] == "will" && !matches!(w[0], "the" | "a" | "his" | "her" | "their" | "its" | "free")
    }) || words.first() == Some(&"will");
    let en = EN_FUTURE
        .iter()
        .filter(|p| **p != "will")
        .any(|p| phrase(p))
        || modal_will;
    let de = DE_FUTURE.iter().any(|p| words.contains(p));
    let zh = ZH_FUTURE.iter().any(|p| clause.contains(p));
    en || de || zh || words.iter().any(|w| w.ends_with("'ll"))
}

/// Whether `word` negates the clause it modifies.
pub fn is_negation(lang: Lang, word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.as_str();
    match lang {
        Lang::De => crate::de::NEGATIONS.contains(&w),
        Lang::En => crate::en::NEGATIONS.contains(&w) || w == "n't",
        Lang::Zh => crate::zh::NEGATIONS.contains(&w) || w == "没",
        Lang::Other => false,
    }
}

/// What a referring expression points back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    /// A person (`he`, `er`, `他`).
    Person,
    /// An organisation (`it`, `the company`, `das Unternehmen`, `该公司`).
    Organisation,
}

impl Reference {
    /// The kind of entity such a reference can point to.
    pub fn entity_type(self) -> claimx_doc::EntityType {
        match self {
            Reference::Person => claimx_doc::EntityType::Per,
            Reference::Organisation => claimx_doc::EntityType::Org,
        }
    }
}

const EN_PERSON: &[&str] = &["he", "she", "him", "her"];
const DE_PERSON: &[&str] = &["er", "ihm", "ihn"];
const ZH_PERSON: &[&str] = &["他", "她"];
const EN_ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "lab",
    "bank",
    "carmaker",
    "automaker",
    "insurer",
    "airline",
    "business",
    "corporation",
    "conglomerate",
    "retailer",
    "manufacturer",
    "operator",
    "giant",
];
const DE_ORG_NOUNS: &[&str] = &[
    "unternehmen",
    "konzern",
    "firma",
    "gruppe",
    "bank",
    "autobauer",
    "autokonzern",
    "autohersteller",
    "versicherer",
    "versicherungskonzern",
    "airline",
    "fluggesellschaft",
    "hersteller",
];
const ZH_ORG_NOUNS: &[&str] = &[
    "公司",
    "集团",
    "该公司",
    "该集团",
    "该行",
    "该企业",
    "企业",
    "银行",
];

/// Whether `phrase` is a personal pronoun alone (`it`, `they`, `er`, `sie`, `他`): a subject
/// that is the entity it was resolved to, where a description (`the company`, `公司`) may
/// stand for a part of it in a phrase cut short.
///
/// ```
/// use claimx_doc::Lang;
/// use claimx_lang::clauses::is_pronoun;
/// assert!(is_pronoun(Lang::En, "It"));
/// assert!(!is_pronoun(Lang::En, "the company"));
/// assert!(is_pronoun(Lang::Zh, "他们"));
/// ```
pub fn is_pronoun(lang: Lang, phrase: &str) -> bool {
    let p = phrase.trim().to_lowercase();
    match lang {
        Lang::En => EN_PERSON.contains(&p.as_str()) || matches!(p.as_str(), "it" | "they"),
        Lang::De => {
            DE_PERSON.contains(&p.as_str())
                || matches!(p.as_str(), "sie" | "es" | "diese" | "dieses")
        }
        Lang::Zh => {
            ZH_PERSON.contains(&p.as_str()) || matches!(p.as_str(), "它" | "他们" | "她们" | "它们")
        }
        Lang::Other => false,
    }
}

/// What `phrase` (a subject as written: a pronoun or a definite description) refers back
/// to, if it is a referring expression at all.
pub fn reference(lang: Lang, phrase: &str) -> Option<Reference> {
    let p = phrase.trim().to_lowercase();
    let words: Vec<&str> = p.split_whitespace().collect();
    let last = *words.last()?;
    let first = words[0];
    match lang {
        Lang::En => {
            if words.len() == 1 && EN_PERSON.contains(&last) {
                return Some(Reference::Person);
            }
            if words.len() == 1 && matches!(last, "it" | "they") {
                return Some(Reference::Organisation);
            }
            (matches!(first, "the" | "this" | "that") && EN_ORG_NOUNS.contains(&last))
                .then_some(Reference::Organisation)
        }
        Lang::De => {
            if words.len() == 1 && DE_PERSON.contains(&last) {
                return Some(Reference::Person);
            }
            // a demonstrative standing alone for a feminine or neuter name before it (`die
            // Siemens AG …; diese hält noch 85 Prozent`, `das Unternehmen`): in news about
            // firms, an organisation
            if words.len() == 1 && matches!(last, "diese" | "dieses") {
                return Some(Reference::Organisation);
            }
            let definite = matches!(
                first,
                "der" | "die" | "das" | "dem" | "den" | "des" | "dieser" | "diese" | "dieses"
            );
            (definite && DE_ORG_NOUNS.contains(&last)).then_some(Reference::Organisation)
        }
        Lang::Zh => {
            if ZH_PERSON.contains(&p.as_str()) {
                return Some(Reference::Person);
            }
            let bare = p
                .trim_start_matches(['该', '这', '此'])
                .trim_start_matches('家');
            // after a demonstrative, any kind of company (`该合资公司`, `这家投资银行`): a
            // phrase ending in one of the bare nouns
            let pointed = bare.len() < p.len()
                && ZH_ORG_NOUNS
                    .iter()
                    .filter(|n| !n.starts_with('该'))
                    .any(|n| bare.ends_with(n));
            (ZH_ORG_NOUNS.contains(&p.as_str()) || ZH_ORG_NOUNS.contains(&bare) || pointed)
                .then_some(Reference::Organisation)
        }
        Lang::Other => None,
    }
}

/// Nouns for what a company has or reports, beyond the measure classes of
/// [`crate::classes::noun_class`] (revenue, profit): lower-case stems; German compounds end in
/// them (`Konzernumsatz`, `Nettogewinn`).
const EN_COMPANY_MEASURES: &[&str] = &[
    "dividend",
    "loss",
    "losses",
    "shares",
    "stock",
    "market value",
    "valuation",
    "debt",
    "margin",
    "orders",
    "deliveries",
    "workforce",
    "payout",
];
const DE_COMPANY_MEASURES: &[&str] = &[
    "absatz",
    "dividende",
    "einnahmen",
    "verlust",
    "aktie",
    "börsenwert",
    "marktwert",
    "schulden",
    "prämien",
    "ausschüttung",
    "ausschüttungsquote",
    "auftragseingang",
    "belegschaft",
    "auslieferungen",
    "marge",
];
const ZH_COMPANY_MEASURES: &[&str] = &[
    "投资收益",
    "股价",
    "市值",
    "亏损",
    "股息",
    "分红",
    "负债",
    "营业利润",
    "毛利",
];

/// Whether `noun` (a subject's head word) names something a company has or reports: its
/// revenue, profit, sales, dividend, shares (`der Umsatz`, `the dividend`, `投资收益`). Such a
/// subject names no one itself; it is the company's the story is about.
///
/// ```
/// use claimx_doc::Lang;
/// use claimx_lang::clauses::measures_a_company;
/// assert!(measures_a_company(Lang::De, "Konzernumsatz"));
/// assert!(measures_a_company(Lang::De, "Dividende"));
/// assert!(measures_a_company(Lang::En, "revenues"));
/// assert!(measures_a_company(Lang::Zh, "投资收益"));
/// assert!(!measures_a_company(Lang::De, "Flüchtlinge"));
/// assert!(!measures_a_company(Lang::En, "tourists"));
/// ```
pub fn measures_a_company(lang: Lang, noun: &str) -> bool {
    let n = noun.trim().to_lowercase();
    if n.is_empty() {
        return false;
    }
    let listed = match lang {
        Lang::En => EN_COMPANY_MEASURES.contains(&n.as_str()),
        Lang::De => DE_COMPANY_MEASURES
            .iter()
            .any(|s| n.ends_with(s) || n.strip_suffix('n').is_some_and(|m| m.ends_with(s))),
        Lang::Zh => ZH_COMPANY_MEASURES.iter().any(|s| n.ends_with(s)),
        Lang::Other => false,
    };
    listed || crate::classes::noun_class(&n).is_some()
}

/// Whether `verb` with subject `subject` only states existence (`es gibt`, `es gab`): its
/// object is what the clause is about.
pub fn is_existential(lang: Lang, verb: &str, subject: &str) -> bool {
    lang == Lang::De
        && subject.eq_ignore_ascii_case("es")
        && matches!(
            verb.to_lowercase().as_str(),
            "gibt" | "gab" | "gäbe" | "geben" | "gegeben"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(Lang::De, "sagte", None, true)]
    #[case(Lang::De, "mitteilte", None, true)]
    #[case(Lang::De, "kündigte", Some("an"), true)]
    #[case(Lang::De, "gab", None, false)]
    #[case(Lang::De, "sank", None, false)]
    #[case(Lang::En, "says", None, true)]
    #[case(Lang::En, "told", None, true)]
    #[case(Lang::En, "cut", None, false)]
    #[case(Lang::Zh, "称", None, true)]
    #[case(Lang::Zh, "增长", None, false)]
    fn speech_verbs(
        #[case] lang: Lang,
        #[case] verb: &str,
        #[case] particle: Option<&str>,
        #[case] yes: bool,
    ) {
        assert_eq!(is_speech_verb(lang, verb, particle), yes, "{verb}");
    }

    #[rstest]
    #[case(Lang::En, "it", Some(Reference::Organisation))]
    #[case(Lang::En, "The firm", Some(Reference::Organisation))]
    #[case(Lang::En, "she", Some(Reference::Person))]
    #[case(Lang::En, "Apple", None)]
    #[case(Lang::De, "das Unternehmen", Some(Reference::Organisation))]
    #[case(Lang::De, "Der Konzern", Some(Reference::Organisation))]
    #[case(Lang::De, "der Umsatz", None)]
    #[case(Lang::De, "Diese", Some(Reference::Organisation))]
    #[case(Lang::De, "diese Woche", None)]
    #[case(Lang::De, "Dieser", None)]
    #[case(Lang::Zh, "该公司", Some(Reference::Organisation))]
    #[case(Lang::Zh, "他", Some(Reference::Person))]
    fn references(#[case] lang: Lang, #[case] phrase: &str, #[case] r: Option<Reference>) {
        assert_eq!(reference(lang, phrase), r, "{phrase}");
    }

    #[test]
    fn hedges_negations_and_existentials() {
        assert!(is_hedge(Lang::De, "voraussichtlich"));
        assert!(is_hedge(Lang::En, "may"));
        assert!(is_hedge(Lang::Zh, "预计"));
        assert!(!is_hedge(Lang::En, "will"));
        assert!(is_negation(Lang::De, "nicht"));
        assert!(is_negation(Lang::Zh, "没有"));
        assert!(is_existential(Lang::De, "gab", "es"));
        assert!(!is_existential(Lang::De, "sank", "es"));
        assert!(is_source_phrase(Lang::De, "nach", "Angaben"));
        assert!(is_source_phrase(Lang::De, "nach", "Polizeiangaben"));
        assert!(is_source_phrase(Lang::De, "nach", "Daten"));
        assert!(!is_source_phrase(Lang::De, "nach", "Soldaten"));
        assert_eq!(change_role(Lang::De, "auf"), Some(ChangeRole::To));
        assert_eq!(change_role(Lang::En, "from"), Some(ChangeRole::From));
        assert_eq!(change_role(Lang::En, "of"), None);
    }
}
