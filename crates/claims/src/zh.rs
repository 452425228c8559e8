//! Chinese claims. Chinese has no spaces to find words by, so the clause structure comes from
//! punctuation and the tagger's entities: a sentence splits into clauses at `，` and `；`; a
//! clause without a subject of its own continues the topic of the one before
//! (`研究院成立于2018年，曾有超过1000名员工` — both clauses are about the institute); an
//! attribution (`据路透社报道`, `阿里巴巴表示`) covers the whole sentence.
use claimx_doc::Lang;
use claimx_doc::{Claim, Entity, EntityType, Figure, FigureType, Sentence};
use claimx_lang::clauses as lex;
use claimx_lang::zh;

/// Verbs and verb-like words that carry a figure or an event, longest first at each position.
const VERBS: &[&str] = &[
    "成立于",
    "创立于",
    "创建于",
    "成立",
    "创立",
    "宣布",
    "关闭",
    "撤出",
    "退出",
    "裁员",
    "拥有",
    "雇用",
    "雇佣",
    "聘用",
    "达到",
    "超过",
    "增长",
    "下降",
    "减少",
    "增加",
    "投资",
    "收购",
    "发布",
    "发表",
    "推出",
    "获得",
    "开设",
    "设立",
    "建立",
    "实现",
    "完成",
    "启动",
    "占",
    "有",
    "为",
    "达",
];

/// Words around `有` / `为` that make them part of another word.
const NOT_VERB: &[&str] = &[
    "有限", "所有", "没有", "只有", "成为", "因为", "作为", "认为", "以为",
];

/// Demonstratives opening a subject noun phrase: `该实验室`, `这家公司`.
const DEMONSTRATIVES: &[&str] = &["这家", "这个", "该", "此", "这"];

/// Characters that end a subject noun phrase: negation, adverbs, prepositions, weekday/time
/// words (`该公司没有…`, `该实验室周四宣布…`).
const ADVERBS: &[char] = &[
    '没', '不', '未', '曾', '已', '将', '也', '还', '共', '在', '于', '周', '今', '昨', '明', '去',
    '正', '仍', '均', '都',
];

/// The punctuation that ends a clause inside a Chinese sentence.
const CLAUSE_MARKS: &[char] = &['，', '；', ',', ';', '：', ':'];

/// Where the clause holding byte `at` starts: after the last of `marks` in `text[from..at]`,
/// else at `from`.
fn clause_start(text: &str, from: usize, at: usize, marks: &[char]) -> usize {
    text[from..at]
        .char_indices()
        .rev()
        .find(|(_, c)| marks.contains(c))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// Clause boundaries of a Chinese sentence: byte ranges between `，`, `；`, `,` and `;`.
fn clauses(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = start;
    for (i, c) in text[start..end].char_indices() {
        if CLAUSE_MARKS.contains(&c) {
            out.push((a, start + i));
            a = start + i + c.len_utf8();
        }
    }
    out.push((a, end));
    out.retain(|&(x, y)| !text[x..y].trim().is_empty());
    out
}

/// Whether the punctuation clause holding date figure `d` also holds a value figure: the
/// date is then the value's time, not a claim of its own.
pub(crate) fn clause_has_value(
    text: &str,
    s: &Sentence,
    figures: &[Figure],
    in_sentence: &[usize],
    d: usize,
) -> bool {
    let at = figures[d].span.byte_start;
    clauses(text, s.span.byte_start, s.span.byte_end)
        .into_iter()
        .find(|&(a, b)| a <= at && at < b)
        .is_some_and(|(a, b)| {
            in_sentence.iter().any(|&k| {
                let f = &figures[k];
                f.span.byte_start >= a
                    && f.span.byte_end <= b
                    && !matches!(
                        f.kind,
                        FigureType::Date | FigureType::Time | FigureType::Ordinal
                    )
            })
        })
}

/// What a clause predicates of figure `f` when the word right before it says so: a verb
/// (`下降了4.2%`, `注资1250亿美元`, `分别为13.6%`) or a measure noun of a nominal predicate
/// (`面积5131`, `市值过百亿元`), unless the figure opens with a verb of its own (`超过…`,
/// `约为…`); an age is said with `岁` (`雷某（男，29岁）`).
/// `None` after a name, a preposition, a number or a clause boundary: the clause's own
/// predicate stands.
pub(crate) fn predicate_before(text: &str, sentence_start: usize, f: &Figure) -> Option<String> {
    if f.unit.as_deref() == Some("岁") {
        return Some("岁".to_string());
    }
    // a date or a period is the time of an event told by the verb after it
    if !matches!(
        f.kind,
        FigureType::Cardinal | FigureType::Money | FigureType::Percent | FigureType::Quantity
    ) {
        return None;
    }
    let at = f.span.byte_start;
    // (also a bracket or an enumeration comma: `雷某（男，29岁）`, `转炉、70吨`)
    let marks = [CLAUSE_MARKS, &['（', '(', '、']].concat();
    let before = &text[clause_start(text, sentence_start, at, &marks)..at];
    let mut words = zh::words(before);
    // an aspect particle stays with its verb (`下降了`)
    if words
        .last()
        .is_some_and(|w| matches!(w.tag.as_str(), "ul" | "ug"))
    {
        words.pop();
    }
    let last = words
        .last()
        .map(|w| (&before[w.start..w.end], w.tag.as_str()));
    // (a verbal noun, `营收`, `净亏损`, is a noun here; a verb morpheme, `逾`, no verb)
    let verb =
        |word: &str, tag: &str| tag.starts_with('v') && !matches!(tag, "vn" | "vg") || word == "为";
    // the verb the figure opens with, and whether it only bounds the value (`超过`)
    let own = zh::words(&f.text);
    let own_verb = own
        .iter()
        .take_while(|w| !w.tag.starts_with('m'))
        .find(|w| verb(&f.text[w.start..w.end], &w.tag))
        .map(|w| &f.text[w.start..w.end]);
    let bounding = |w: &str| claimx_lang::units::BOUNDS.iter().any(|(b, _)| *b == w);
    // a verb before its object and an amount of money or a share (`下调存款准备金率0.25个
    // 百分点`, `收购股权30%`): the amount is the verb's, not the noun's; a count is the
    // noun's, which may be an event itself (`宣布裁员约1000人`), and a verbal noun right
    // before the amount may be the verb (`拟动用5亿元`)
    let of_verb = matches!(f.kind, FigureType::Money | FigureType::Percent);
    let objects = words.iter().rev().take_while(|w| w.is_noun()).count();
    let verb_of_object = (of_verb && (1..=2).contains(&objects))
        .then(|| words.len().checked_sub(objects + 1))
        .flatten()
        .map(|k| &words[k])
        .map(|w| (&before[w.start..w.end], w.tag.as_str()))
        .filter(|&(w, t)| verb(w, t))
        .map(|(w, _)| w);
    // `约为1000亿元`: the copula in the figure; `曾有超过1000名`: the verb before a bound;
    // `总额超过20.2万亿美元`: the bound's verb after a noun; `面积5131`: the measure noun
    own_verb
        .filter(|w| !bounding(w))
        .or_else(|| last.filter(|&(w, t)| verb(w, t)).map(|(w, _)| w))
        .or(own_verb)
        .or(verb_of_object)
        .or_else(|| {
            // a measure noun predicates a figure only in a clause without a verb after the
            // figure (`面积5131平方米`); `以尺价6.98万元易手` is told by its verb; a verbal
            // noun is an event word itself (`调研30个省市`)
            let end = f.span.byte_end;
            let after = &text[end..end + clause_end(&text[end..], &marks)];
            let verb_after = zh::words(after)
                .iter()
                .any(|w| verb(&after[w.start..w.end], &w.tag));
            last.filter(|&(_, t)| t == "vn" || t == "n" && !verb_after)
                .map(|(w, _)| w)
        })
        .map(str::to_string)
}

/// Where the clause that `rest` opens ends: the first clause mark in it, else its end.
fn clause_end(rest: &str, marks: &[char]) -> usize {
    rest.find(|c: char| marks.contains(&c) || matches!(c, '。' | '！' | '？'))
        .unwrap_or(rest.len())
}

/// The first verb at or after `from` in `text[..end]`: (start, verb).
fn first_verb(text: &str, from: usize, end: usize) -> Option<(usize, &'static str)> {
    for (i, _) in text[from..end].char_indices() {
        let at = from + i;
        let rest = &text[at..end];
        for v in VERBS {
            if !rest.starts_with(v) {
                continue;
            }
            let before = &text[..at];
            let glued = NOT_VERB.iter().any(|w| {
                (rest.starts_with(w) && w.starts_with(v))
                    || (w.ends_with(v) && before.ends_with(&w[..w.len() - v.len()]))
            });
            if !glued {
                return Some((at, v));
            }
        }
    }
    None
}

/// `据路透社报道` / `据X称` / `X表示`: (source, cue).
fn attribution(
    text: &str,
    start: usize,
    end: usize,
    entities: &[&Entity],
) -> Option<(String, String)> {
    let s = &text[start..end];
    if let Some((at, after)) = zh::source_marker(s) {
        let rest = &s[after..];
        let stop = rest
            .find(['称', '报', '消', '，', ','])
            .unwrap_or(rest.len());
        let source = rest[..stop].trim();
        if !source.is_empty() {
            return Some((source.to_string(), s[at..after].to_string()));
        }
    }
    for cue in zh::SPEECH_VERBS.iter().chain(zh::REPORT_VERBS) {
        let Some(at) = s.find(cue) else { continue };
        // the source is the entity (or words) right before the cue in its clause
        let from = clause_start(s, 0, at, &['，', '。', ',', '；']);
        let source = s[from..at].trim();
        // a name ends the source (`阿里巴巴表示`) or is in it (`谢雕的家人告诉记者`)
        let named = entities
            .iter()
            .any(|e| e.span.byte_end <= start + at && e.span.byte_start >= start + from);
        let demonstrative = DEMONSTRATIVES.iter().any(|d| source.starts_with(d));
        let reported = zh::REPORT_VERBS.contains(cue);
        // a source is short, but for an office and title before the name it ends with
        // (`环保部污染物排放量总量控制司副司长刘长根透露`)
        let ends_in_name = entities
            .iter()
            .any(|e| e.span.byte_end == start + at && e.span.byte_start >= start + from);
        let longest = if ends_in_name { 32 } else { 16 };
        // (a pronoun, `他强调`, is the person named before; the claim is theirs)
        let pronoun = lex::is_pronoun(Lang::Zh, source);
        if !source.is_empty()
            && source.chars().count() <= longest
            && (named || demonstrative || reported || pronoun)
        {
            return Some((source.to_string(), cue.to_string()));
        }
    }
    None
}

/// Where a hedge word governs (`预计`, `有望`, `盛传`, `或`: `claimx_lang::clauses::is_hedge`):
/// from the word to the end of the sentence, as a verb of expectation or rumour takes the
/// clauses after it (`预计今年…不足5亿吨，钢铁产能过剩超过1亿吨`), but only up to the next
/// attribution, which begins a statement of its own (`…盛传有投资者拟动用5亿元…，据悉其中…`,
/// `…传接受预留，…林达民说，…`). Byte ranges.
fn hedge_scopes(text: &str, ss: usize, se: usize) -> Vec<(usize, usize)> {
    let sentence = &text[ss..se];
    let words = zh::words(sentence);
    let form = |w: &zh::Word| &sentence[w.start..w.end];
    let reports = |w: &zh::Word| {
        zh::SPEECH_VERBS.contains(&form(w))
            || zh::REPORT_VERBS.contains(&form(w))
            || zh::SOURCE_MARKERS.contains(&form(w))
            || matches!(form(w), "据悉" | "据称" | "据报道")
    };
    let mut scopes = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if !claimx_lang::clauses::is_hedge(claimx_doc::Lang::Zh, form(w)) {
            continue;
        }
        let end = words[k + 1..]
            .iter()
            .find(|x| reports(x))
            .map_or(se, |x| ss + x.start);
        scopes.push((ss + w.start, end));
    }
    scopes
}

fn in_hedge_scope(scopes: &[(usize, usize)], at: usize) -> bool {
    scopes.iter().any(|&(a, b)| a <= at && at < b)
}

/// The subject a Chinese sentence's clauses share where they have none of their own: the
/// first clause subject in it that is not the attribution's source (`经过半年多的苦读，周凯旋
/// 以优异成绩考取了…` → `周凯旋`; `环保部也不含糊，目前正在加大对…13个行业…` → `环保部`),
/// with the entity it names.
pub(crate) fn sentence_subject<'e>(
    text: &str,
    s: &Sentence,
    entities: &'e [Entity],
) -> Option<(String, Option<&'e Entity>)> {
    let (ss, se) = (s.span.byte_start, s.span.byte_end);
    let ents: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.span.byte_start >= ss && e.span.byte_end <= se)
        .collect();
    let source = attribution(text, ss, se, &ents).map(|a| a.0);
    clauses(text, ss, se).into_iter().find_map(|(ca, cb)| {
        let (subject, _, entity) = subject_at(text, ca, cb, &ents)
            .or_else(|| modified_name(text, ca, cb, &ents))
            .or_else(|| {
                // a clause opening with a noun, after adverbs and time words, opens with its
                // subject (`环保部也不含糊`), named or not
                let clause = &text[ca..cb];
                let words = zh::words(clause);
                let first = words
                    .iter()
                    .find(|w| !w.tag.starts_with(['d', 'c', 't', 'x']))?;
                let np = noun_phrase(clause);
                (first.is_noun() && np.chars().count() >= 2).then(|| (np.to_string(), None, None))
            })?;
        let speaks = source
            .as_deref()
            .is_some_and(|src| src.contains(subject.as_str()) || subject.contains(src));
        (!speaks).then(|| (subject, entity.map(|i| ents[i])))
    })
}

/// A clause's own subject: its text, the verb after it, the entity it names (an index).
type ClauseSubject = (String, Option<&'static str>, Option<usize>);

/// The subject at the head of a clause: an entity starting there, or a demonstrative noun
/// phrase up to the verb. Leading attribution (`据…报道`) and time words are skipped.
fn subject_at(text: &str, start: usize, end: usize, entities: &[&Entity]) -> Option<ClauseSubject> {
    let head = text[start..end].trim_start();
    let start = end - head.len();
    if let Some(e) = entities
        .iter()
        .filter(|e| e.span.byte_start >= start && e.span.byte_end <= end)
        .find(|e| {
            // the entity opens the clause, perhaps after a few characters (`而亚马逊`)
            text[start..e.span.byte_start].chars().count() <= 2
        })
    {
        // an organisation and a title before a name are that person's
        // (`中科院信息工程研究所硕士研究生谢雕`): the person is the subject
        let (np_end, who) = match titled_name(text, e, end, entities) {
            Some(p) => (p.span.byte_end, p),
            None => (
                noun_head_after(text, e.span.byte_start, e.span.byte_end, end),
                *e,
            ),
        };
        // a name in a relative clause or a possessor is the modifier of the noun after `的`:
        // that phrase is the subject, about the name inside it if there is one
        // (`民生银行控股的民生加银基金公司在深圳开业`)
        let (np_end, who) = match relative_head_after(text, np_end, end) {
            Some(head_end) => (
                head_end,
                entities
                    .iter()
                    .copied()
                    .filter(|h| matches!(h.kind, EntityType::Per | EntityType::Org))
                    .find(|h| h.span.byte_start > np_end && h.span.byte_end == head_end)
                    .unwrap_or(who),
            ),
            None => (np_end, who),
        };
        let verb = first_verb(text, np_end, end);
        return Some((
            text[e.span.byte_start..np_end].to_string(),
            verb.map(|v| v.1),
            Some(entity_index(entities, who)),
        ));
    }
    if DEMONSTRATIVES.iter().any(|d| head.starts_with(d)) {
        let (at, verb) = first_verb(text, start + 3, end)?;
        // the noun phrase ends where an adverb, a negation or a time word begins
        let stop = text[start..at]
            .char_indices()
            .skip(1)
            .find(|(_, c)| ADVERBS.contains(c))
            .map(|(i, _)| start + i)
            .unwrap_or(at);
        // …and where a date begins: a time after the subject is the clause's (`该行2008年
        // 每一季度均实现了…` → `该行`); a count right after the demonstrative is the
        // phrase's own (`该10伙特色户`)
        let words = zh::words(&text[start..stop]);
        let dated = (1..words.len()).find(|&k| {
            words[k].tag.starts_with('t')
                || words[k].tag.starts_with('m')
                    && words.get(k + 1).is_some_and(|w| {
                        text[start + w.start..start + w.end].starts_with(['年', '月', '日'])
                    })
        });
        // (unless a noun follows the date: what the clause measures, `该银行2019年净利润`)
        let stop = match dated {
            Some(k) if !words[k + 1..].iter().any(|w| w.is_noun()) => start + words[k].start,
            _ => stop,
        };
        let np = &text[start..stop];
        return (np.chars().count() >= 2).then(|| (np.to_string(), Some(verb), None));
    }
    None
}

/// A person or organisation inside the clause that a `的` phrase describes and a verb or
/// preposition follows (`于3月的选举中被击败的民主党参选人何俊仁向法院提出…`): the subject,
/// with the title nouns between the `的` and the name (`民主党参选人何俊仁`).
fn modified_name(
    text: &str,
    start: usize,
    end: usize,
    entities: &[&Entity],
) -> Option<ClauseSubject> {
    let words = zh::words(&text[start..end]);
    let at = |b: usize| words.iter().position(|w| start + w.start == b);
    entities
        .iter()
        .filter(|e| matches!(e.kind, EntityType::Per | EntityType::Org))
        .filter(|e| e.span.byte_start > start && e.span.byte_end < end)
        .find_map(|e| {
            let first = at(e.span.byte_start)?;
            let next = words
                .iter()
                .position(|w| start + w.start == e.span.byte_end)?;
            if !(words[next].tag.starts_with('v') || words[next].tag == "p") {
                return None;
            }
            // back over title nouns to the `的` that ends the description
            let mut k = first;
            while k > 0 && matches!(words[k - 1].tag.as_str(), "n" | "nt" | "nz" | "ns") {
                k -= 1;
            }
            (k > 0 && &text[start + words[k - 1].start..start + words[k - 1].end] == "的").then(
                || {
                    let np = text[start + words[k].start..e.span.byte_end].to_string();
                    let verb = first_verb(text, e.span.byte_end, end).map(|v| v.1);
                    (np, verb, Some(entity_index(entities, e)))
                },
            )
        })
}

/// Where the noun phrase a name opens ends: a name right before a noun modifies it
/// (`香港媒体`, `特朗普政府`, `雷洋夫妇`), and a name that ends inside a word (`天` of `天汇`)
/// takes the rest of that word (jieba's words and parts of speech). One noun only: longer
/// runs of nouns reach into the predicate as often as not (`企业净亏损`).
fn noun_head_after(text: &str, name_start: usize, name_end: usize, end: usize) -> usize {
    let words = zh::words(&text[name_start..end]);
    let rel_end = name_end - name_start;
    // the word the name ends in
    let Some(k) = words.iter().position(|w| w.end >= rel_end) else {
        return name_end;
    };
    let mut last = name_end;
    if words[k].end > rel_end && words[k].is_noun() {
        last = name_start + words[k].end;
    }
    let form = |w: &zh::Word| &text[name_start + w.start..name_start + w.end];
    let modified = |w: &&zh::Word| w.is_noun() && !zh::VERBAL_NOUNS.contains(&form(w));
    if let Some(w) = words.get(k + 1).filter(modified) {
        last = name_start + w.end;
        // a place before the noun is part of it (`特斯拉上海工厂`, Tesla's Shanghai plant)
        if w.tag == "ns" {
            if let Some(v) = words.get(k + 2).filter(modified) {
                last = name_start + v.end;
            }
        }
    }
    last
}

/// A person named after `e` with only nouns between (an office, a title: `中科院信息工程研究所
/// 硕士研究生谢雕`, `恒地营业部总经理林达民`), within eight characters.
fn titled_name<'e>(
    text: &str,
    e: &Entity,
    end: usize,
    entities: &[&'e Entity],
) -> Option<&'e Entity> {
    if e.kind == EntityType::Per {
        return None;
    }
    entities
        .iter()
        .copied()
        .filter(|p| p.kind == EntityType::Per && p.span.byte_end <= end)
        .filter(|p| p.span.byte_start >= e.span.byte_end)
        .find(|p| {
            let between = &text[e.span.byte_end..p.span.byte_start];
            !between.is_empty()
                && between.chars().count() <= 8
                && zh::words(between).iter().all(|w| w.tag.starts_with('n'))
        })
}

/// Where the head noun ends that a relative clause or possessor before `words[k]` modifies:
/// `words[k]` a verb ending that clause (or, with `verb_optional`, any word before `的`),
/// then `的` and a run of nouns and counts ending in a noun, followed by a verb, a function
/// word or the end (`环保部门受理的一些项目，…`, `民生银行控股的民生加银基金公司在深圳开业`).
/// The index after the head noun.
fn relative_head(text: &str, words: &[zh::Word], k: usize, verb_optional: bool) -> Option<usize> {
    let form = |j: usize| &text[words[j].start..words[j].end];
    let mut j = k;
    if words.get(j)?.tag.starts_with('v') {
        j += 1;
    } else if !verb_optional {
        return None;
    }
    if j >= words.len() || form(j) != "的" {
        return None;
    }
    j += 1;
    let start = j;
    while words
        .get(j)
        .is_some_and(|w| w.heads_a_noun_phrase() || w.tag.starts_with(['m', 'q']))
    {
        j += 1;
    }
    let head_noun = j > start && words[j - 1].heads_a_noun_phrase();
    let closed = words
        .get(j)
        .is_none_or(|w| w.is_function_or_verb() || w.tag == "x");
    (head_noun && closed).then_some(j)
}

/// [`relative_head`] for the text from byte `from` (a name's phrase's end) to `end`: the
/// byte where the modified noun ends.
fn relative_head_after(text: &str, from: usize, end: usize) -> Option<usize> {
    let words = zh::words(&text[from..end]);
    relative_head(&text[from..end], &words, 0, true).map(|j| from + words[j - 1].end)
}

/// The noun phrase at the start of `text`: leading adverbs, conjunctions, prepositions,
/// pronouns, particles and time words skipped (`其中`, `分别`, `目前`), cut at the first verb
/// or function word after it (`屋苑仅提供` → `屋苑`), by jieba's parts of speech.
fn noun_phrase(text: &str) -> &str {
    let words = zh::words(text);
    // a comparison word is an adverb here: it opens no phrase (`同比增长`) and ends one
    // (`CPI同比上涨` → `CPI`)
    let compares = |w: &zh::Word| {
        claimx_lang::clauses::is_comparison_marker(claimx_doc::Lang::Zh, &text[w.start..w.end])
    };
    let skip = |w: &zh::Word| w.is_function_or_verb() || w.tag.starts_with('t') || compares(w);
    let Some(first) = words.iter().position(|w| !skip(w)) else {
        return "";
    };
    let ends = |w: &zh::Word| w.is_function_or_verb() || compares(w);
    let nominal = |w: &zh::Word| !w.is_function_or_verb() && !w.tag.starts_with(['m', 'q', 'x']);
    // a conjunction between two nouns joins them (`工业和信息化部`, `环保部和地方环保部门`)
    let joins = |k: usize| {
        zh::NOUN_CONJUNCTIONS.contains(&&text[words[k].start..words[k].end])
            && k > first
            && nominal(&words[k - 1])
            && words.get(k + 1).is_some_and(nominal)
    };
    // `A比B下降`: what is compared is the whole of A, a verb in it a verbal noun
    // (`二氧化硫减排比2008年下降` → `二氧化硫减排`)
    let compared_action = |k: usize| {
        words[k].tag.starts_with('v')
            && words
                .get(k + 1)
                .is_some_and(|w| matches!(&text[w.start..w.end], "比" | "较"))
    };
    // a relative clause on the first nouns reaches to the noun it modifies (`环境保护部和
    // 地方环保部门受理的一些项目`)
    let mut k = first + 1;
    let last = loop {
        if k >= words.len() {
            break words.len();
        }
        if ends(&words[k]) && !joins(k) && !compared_action(k) {
            match relative_head(text, &words, k, false) {
                // (the noun ends the phrase unless a verb or a function word follows)
                Some(j) if words.get(j).is_none_or(|w| !ends(w)) => break j,
                Some(j) => k = j,
                None => break k,
            }
            continue;
        }
        k += 1;
    };
    // a phrase closed by a word of place or time (`聚会之后`, `同学聚会中`, `论坛上`) says
    // where or when, not who
    if words[last - 1].tag == "f" {
        return "";
    }
    &text[words[first].start..words[last - 1].end]
}

/// How a clause opens, after adverbs, conjunctions, time words and numbers: with a verb
/// and its object (`任吉林银行辽源分行行长`, `起任该行副行长`: no subject of its own), with a
/// relative clause and its noun (`收到假货的买家最高可获得…`, `到访俄罗斯的中国游客大约有…`:
/// that phrase is the subject), or otherwise.
enum Opening<'t> {
    Verb,
    Relative(&'t str),
    Other,
}

fn opening(clause: &str) -> Opening<'_> {
    let words = zh::words(clause);
    let form = |w: &zh::Word| clause[w.start..w.end].trim();
    let is_verb = |w: &zh::Word| {
        w.tag.starts_with('v') && w.tag != "vn" || zh::OFFICE_VERBS.contains(&form(w))
    };
    let Some(first) = words
        .iter()
        .position(|w| !w.tag.starts_with(['d', 'c', 't', 'x', 'f', 'm']) && !form(w).is_empty())
    else {
        return Opening::Other;
    };
    // (`有…的N`, `(这)是…的N`: there is / it is, not a relative clause; left as they were)
    let copula = |f: &str| f.ends_with('是') || matches!(f, "有" | "为");
    // a preposition's noun is its object (`按市值计算`, `对20吨及以下转炉…`), as after
    // `在`/`于`: the clause has no subject of its own before its verb
    if words[first].tag == "p" {
        return Opening::Verb;
    }
    if words[first].is_noun() {
        return match measured_relative(clause, &words, first, is_verb) {
            Some(phrase) => Opening::Relative(phrase),
            None => Opening::Other,
        };
    }
    if !is_verb(&words[first]) || copula(form(&words[first])) {
        return Opening::Other;
    }
    let rest = &words[first + 1..];
    let Some(de) = rest
        .iter()
        .take_while(|w| !is_verb(w))
        .position(|w| form(w) == "的")
    else {
        return Opening::Verb;
    };
    // the nouns after `的` end the phrase
    let nouns = rest[de + 1..].iter().take_while(|w| w.is_noun()).last();
    match nouns {
        Some(n) => Opening::Relative(&clause[words[first].start..n.end]),
        None => Opening::Other,
    }
}

/// A relative clause that opens with a noun measured by a figure (`年薪超过100万元的高管人数增长了
/// 20%`: executives whose salary exceeds …; `历时1.5小时的答问大会在…`): the noun, at most one
/// verb, the figure with its units, `的` and the nouns it modifies, when a verb or preposition
/// follows them in the clause (`华为持有5%的股份` is a clause, not a phrase).
fn measured_relative<'t>(
    clause: &'t str,
    words: &[zh::Word],
    first: usize,
    is_verb: impl Fn(&zh::Word) -> bool,
) -> Option<&'t str> {
    let form = |w: &zh::Word| clause[w.start..w.end].trim();
    let mut i = first + 1;
    if words.get(i).is_some_and(&is_verb) {
        i += 1;
    }
    if words.get(i).is_none_or(|w| w.tag != "m") {
        return None;
    }
    // the figure and its units (`100/m 万元/m`, `1.5/m 小时/n`, `500/m 平方米/q`)
    while words
        .get(i)
        .is_some_and(|w| w.tag == "m" || w.tag == "q" || w.is_noun())
    {
        i += 1;
    }
    if words.get(i).map(form) != Some("的") {
        return None;
    }
    // the nouns it modifies; a verbal word inside a compound noun (`答问/v 大会/n`) too
    let mut end = None;
    let mut j = i + 1;
    while let Some(w) = words.get(j) {
        let compound = w.tag.starts_with('v') && words.get(j + 1).is_some_and(|n| n.is_noun());
        if !(w.is_noun() || compound) {
            break;
        }
        if w.is_noun() {
            end = Some(w.end);
        }
        j += 1;
    }
    let end = end?;
    words[j..]
        .iter()
        .any(|w| is_verb(w) || w.tag == "p")
        .then(|| &clause[words[first].start..end])
}

/// The noun phrase a clause is made of, when it is one: the clause ends in a noun and has
/// no verb but inside a modifier closed by `的` (`环境保护部和地方环保部门受理的一些项目`);
/// the phrase as [`noun_phrase`] cuts it, if two characters or more.
fn topic_phrase(clause: &str) -> Option<&str> {
    let clause = clause.trim_matches(|c: char| c.is_whitespace() || CLAUSE_MARKS.contains(&c));
    let words = zh::words(clause);
    let last = words.last()?;
    if !last.tag.starts_with('n') {
        return None;
    }
    // (a clause opening with a verb is a predicate and its object: `加快淘汰…产能的步伐`)
    if words
        .iter()
        .find(|w| {
            !w.tag.starts_with('c') && !zh::EXAMPLE_MARKERS.contains(&&clause[w.start..w.end])
        })
        .is_none_or(|w| w.tag.starts_with('v'))
    {
        return None;
    }
    let after_modifier = words
        .iter()
        .rposition(|w| &clause[w.start..w.end] == "的")
        .map_or(0, |k| k + 1);
    if words[after_modifier..]
        .iter()
        // (an adverb or an idiom is a predicate's: `并将严格执行…政策`)
        .any(|w| w.tag.starts_with(['v', 'p', 'd', 'i', 'l']))
        || words
            .iter()
            .any(|w| w.tag.starts_with('x') && !clause[w.start..w.end].trim().is_empty())
    {
        return None;
    }
    let np = noun_phrase(clause);
    (np.chars().count() >= 2).then_some(np)
}

/// The tree's subject phrase `tree` in place of the rules' `rule` when it holds `rule` and
/// only adds nominal words to it: the rules cut a noun phrase at its first noun
/// (`国内` of `国内72家大中型钢铁生产企业`, `公司` of `该公司投资收益`), the tree's `nsubj`
/// subtree spans the whole phrase. A phrase that adds a verb, an auxiliary or punctuation
/// (`66B复式户盛传`, where the parser hung a verb under the subject) is no completion;
/// quotes and title marks are part of a name (`“十一五”的其他节能减排指标`); a date (one of
/// `dates`, byte spans) opening the phrase is left out of it.
pub(crate) fn completed_subject<'t>(
    text: &'t str,
    s: &Sentence,
    rule: &str,
    tree: &str,
    dates: &[(usize, usize)],
) -> Option<&'t str> {
    let (ss, se) = (s.span.byte_start, s.span.byte_end);
    if tree.len() <= rule.len() || rule.is_empty() || se > text.len() {
        return None;
    }
    let mut a = ss + text[ss..se].find(tree)?;
    let b = a + tree.len();
    let ra = a + tree.find(rule)?;
    let rb = ra + rule.len();
    // a date opening the phrase is the clause's time, not part of its subject
    // (`4月份全国规模以上工业增加值`)
    while let Some(&(_, e)) = dates.iter().find(|&&(ds, de)| ds == a && de <= ra) {
        a = e;
    }
    let adds_non_nominal = s.words.iter().any(|w| {
        let (wa, wb) = (w.span.byte_start, w.span.byte_end);
        wb > a
            && wa < b
            && (wb <= ra || wa >= rb)
            && match w.upos.as_str() {
                "VERB" | "AUX" => true,
                // quotes and title marks belong to a name inside the phrase (`“十一五”的…`)
                "PUNCT" => !text[wa..wb]
                    .chars()
                    .all(|c| "“”‘’《》「」〈〉\"'".contains(c)),
                _ => false,
            }
    });
    (!adds_non_nominal).then(|| &text[a..b])
}

fn entity_index(entities: &[&Entity], e: &Entity) -> usize {
    entities
        .iter()
        .position(|x| std::ptr::eq(*x, e))
        .unwrap_or(0)
}

/// `在上海` / `于中国`, or a place the tagger found that is not the subject.
fn location(
    text: &str,
    start: usize,
    end: usize,
    entities: &[&Entity],
    subject: &str,
) -> Option<String> {
    let places: Vec<&&Entity> = entities
        .iter()
        .filter(|e| {
            e.kind == EntityType::Loc && e.span.byte_start >= start && e.span.byte_end <= end
        })
        .filter(|e| !subject.contains(e.text.as_str()))
        .collect();
    places
        .iter()
        .find(|e| text[..e.span.byte_start].ends_with(['在', '于']))
        .or(places.first())
        .map(|e| e.text.to_string())
}

/// Claims of one Chinese sentence. `figures[k]` for `k` in `in_sentence` lie in it.
pub(crate) fn sentence_claims(
    text: &str,
    s: &Sentence,
    figures: &[Figure],
    in_sentence: &[usize],
    entities: &[Entity],
    hedged: impl Fn(&str) -> bool,
    negated: impl Fn(&str) -> bool,
) -> Vec<Claim> {
    let (ss, se) = (s.span.byte_start, s.span.byte_end);
    let ents: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.span.byte_start >= ss && e.span.byte_end <= se)
        .collect();
    let attr = attribution(text, ss, se, &ents);
    let hedges = hedge_scopes(text, ss, se);
    let mut claims = Vec::new();
    // claims made of a date alone (a clause without another figure), by index
    let mut dates_alone: Vec<usize> = Vec::new();
    // dates of leading clauses that stand alone before the clause they date
    // (`2008年11月，民生加银基金公司在深圳开业`), waiting for its subject
    let mut scene: Vec<usize> = Vec::new();
    // the topic carried from clause to clause
    let mut topic: Option<(String, Option<usize>)> = None;
    for (ca, cb) in clauses(text, ss, se) {
        let clause = &text[ca..cb];
        let is_attribution = attr.as_ref().is_some_and(|(src, cue)| {
            let said = format!("{src}{cue}");
            (zh::source_marker(clause).is_some() && clause.contains(src.as_str()))
                || clause.ends_with(&said)
                // (the source, its verb and whom it told: `谢雕的家人告诉南都记者`)
                || clause
                    .trim_start()
                    .strip_prefix(&said)
                    .is_some_and(|told| {
                        zh::words(told).iter().all(|w| !w.tag.starts_with(['v', 'p']))
                    })
        });
        let speaker = attr
            .as_ref()
            .and_then(|(src, _)| ents.iter().position(|e| e.text == *src));
        let mut own =
            subject_at(text, ca, cb, &ents).or_else(|| modified_name(text, ca, cb, &ents));
        if let Some((subject, _, entity)) = &mut own {
            // `该公司` names no one itself: it is the topic before it, or the speaker
            // (a place, `该地区`, takes only a place: never the agency reporting on it)
            if entity.is_none() {
                // (`该合资公司` takes only an organisation, `他` only a person)
                let wanted = if zh::names_a_place(subject) {
                    Some(EntityType::Loc)
                } else {
                    lex::reference(Lang::Zh, subject).map(lex::Reference::entity_type)
                };
                let fits =
                    |i: &usize| wanted.is_none_or(|k| ents.get(*i).is_some_and(|e| e.kind == k));
                *entity = topic.as_ref().and_then(|t| t.1).or(speaker).filter(fits);
            }
            if !is_attribution {
                topic = Some((subject.clone(), *entity));
            }
        }
        let figs: Vec<usize> = in_sentence
            .iter()
            .copied()
            .filter(|&k| figures[k].span.byte_start >= ca && figures[k].span.byte_end <= cb)
            .filter(|&k| crate::claimable(&figures[k]))
            .collect();
        // a clause that is a noun phrase alone is the topic the clauses after it comment
        // on (`比如环境保护部受理的一些项目，分别有15.5%的项目存在…`)
        if own.is_none()
            && !is_attribution
            && !in_sentence
                .iter()
                .any(|&k| figures[k].span.byte_start < cb && figures[k].span.byte_end > ca)
        {
            if let Some(np) = topic_phrase(clause) {
                let entity = ents
                    .iter()
                    .position(|e| np.contains(e.text.as_str()))
                    .or_else(|| topic.as_ref().and_then(|t| t.1));
                topic = Some((np.to_string(), entity));
            }
        }
        let mut figs = figs;
        if !is_attribution && !scene.is_empty() && (own.is_some() || !figs.is_empty()) {
            figs.splice(0..0, scene.drain(..));
        }
        if figs.is_empty() || is_attribution {
            continue;
        }
        // no subject of its own: the words before the first figure, verb or `在`/`于`
        // (`公司去年…` → `公司`) about the topic or the speaker, else the topic itself
        let head = {
            // a date opening the clause is its time, not where its subject ends
            // (`2008年单位生产总值能耗比上一年下降4.59%`)
            // (only dates inside the clause, each moving the start forward)
            let mut lead = ca;
            loop {
                let opens = lead + (text[lead..cb].len() - text[lead..cb].trim_start().len());
                let Some(&d) = in_sentence.iter().find(|&&k| {
                    let f = &figures[k];
                    f.kind == FigureType::Date
                        && f.span.byte_start == opens
                        && f.span.byte_end > opens
                        && f.span.byte_end <= cb
                }) else {
                    break;
                };
                lead = figures[d].span.byte_end;
            }
            let stop = [
                in_sentence
                    .iter()
                    .map(|&k| figures[k].span.byte_start)
                    .filter(|&b| b >= lead && b < cb)
                    .min(),
                first_verb(text, lead, cb).map(|v| v.0),
                text[lead..cb].find(['在', '于']).map(|i| lead + i),
            ]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(cb);
            // a clause that opens with its verb has no subject of its own: the noun after
            // the verb is its object (`2009年1月任吉林银行辽源分行行长`); one that opens with
            // a relative clause has that phrase (`收到假货的买家`)
            match opening(&text[lead..cb]) {
                Opening::Verb => None,
                Opening::Relative(np) => Some(np.to_string()),
                Opening::Other => {
                    let np = noun_phrase(text[lead..stop].trim());
                    (np.chars().count() >= 2).then(|| np.to_string())
                }
            }
        };
        let (subject, entity) = match (&own, head, &topic) {
            (Some((subj, _, e)), _, _) => (subj.clone(), *e),
            // a subject of its own carries on to the clauses after it that have none
            // (`…能耗比上一年下降4.59%，累计比2005年下降10.1%`)
            (None, Some(np), t) => {
                let entity = t.as_ref().and_then(|t| t.1).or(speaker);
                topic = Some((np.clone(), entity));
                (np, entity)
            }
            (None, None, Some(t)) => t.clone(),
            // a clause inside brackets after a name is about that name (`朱某（男，33岁）`)
            // and one modifying a name through `的` is about it (`今年25岁的谢雕`; a plain
            // noun there is described, not the subject: `一盒五斤的樱桃西红柿售价…`)
            (None, None, None) => match figs.iter().find_map(|&k| {
                bracket_owner(text, ss, figures[k].span.byte_start, &ents).or_else(|| {
                    attributive_owner(text, &figures[k], se, &ents)
                        .filter(|o| matches!(o, Owner::Entity(_)))
                })
            }) {
                Some(Owner::Entity(e)) => (e.text.to_string(), Some(entity_index(&ents, e))),
                Some(Owner::Noun(np)) => (np, None),
                None => {
                    // a clause that is only its dates sets the scene of the next one, but
                    // for a date compared against (`与2005年相比，…`)
                    // (`同期相比` is one word to jieba: the longer markers are found as text)
                    let compares = zh::words(clause).iter().any(|w| {
                        claimx_lang::clauses::is_comparison_marker(
                            claimx_doc::Lang::Zh,
                            &clause[w.start..w.end],
                        )
                    }) || claimx_lang::clauses::ZH_COMPARISON_MARKERS
                        .iter()
                        .any(|m| m.chars().count() > 1 && clause.contains(m));
                    if !compares && figs.iter().all(|&k| figures[k].kind == FigureType::Date) {
                        scene.extend(figs);
                    }
                    continue;
                }
            },
        };
        let entity = entity.map(|i| ents[i]);
        let predicate = own
            .as_ref()
            .and_then(|o| o.1)
            .or_else(|| first_verb(text, ca, cb).map(|v| v.1));
        let (dates, values): (Vec<usize>, Vec<usize>) = figs
            .into_iter()
            .partition(|&k| figures[k].kind == FigureType::Date);
        let founding = predicate.is_some_and(|p| zh::FOUNDING_VERBS.contains(&p));
        let place = location(text, ca, cb, &ents, &subject);
        let make = |figure: usize, time: Option<usize>| Claim {
            sentence: s.span,
            subject: Some(subject.as_str().into()),
            subject_type: entity.map(|e| e.kind),
            subject_entity: entity.map(|e| e.text.clone()),
            subject_canonical: entity.map(|e| e.canonical.clone()),
            predicate: predicate.map(Into::into),
            object: None,
            predicate_class: predicate
                .and_then(claimx_lang::classes::predicate_class)
                .or_else(|| claimx_lang::classes::predicate_class_in(clause))
                .map(Into::into),
            change: None,
            figure: Some(figure),
            time,
            location: place.as_deref().map(Into::into),
            attribution: attr.as_ref().map(|a| a.0.as_str().into()),
            cue: attr.as_ref().map(|a| a.1.as_str().into()),
            // 据报道 / 据称 qualify the whole sentence; a hedge word what follows it (a
            // negation only its own clause)
            hedged: hedged(&text[ss..se])
                || in_hedge_scope(&hedges, figures[figure].span.byte_start),
            negated: negated(clause),
            confidence: if entity.is_some() { 0.7 } else { 0.5 },
        };
        if values.is_empty() || founding {
            if !founding {
                dates_alone.extend(claims.len()..claims.len() + dates.len());
            }
            claims.extend(dates.iter().map(|&d| make(d, Some(d))));
        }
        for &v in &values {
            // (a date compared against is no time of the claim: `比上一年下降4.2%`)
            let time = dates
                .iter()
                .copied()
                .filter(|&d| !text[..figures[d].span.byte_start].ends_with(['比', '较']))
                .min_by_key(|&d| {
                    figures[d]
                        .span
                        .byte_start
                        .abs_diff(figures[v].span.byte_start)
                });
            claims.push(make(v, time));
        }
    }
    // a date in a clause without another figure, in a sentence whose other clauses hold
    // figures (`今年，…下降4.2%`), sets the scene for them: no claim of its own, unless
    // nothing else in the sentence is a claim (the guideline's dated events); it is not made
    // their `time` either, which the gold keeps for a date in the figure's own clause
    if dates_alone.len() < claims.len() {
        let mut k = 0;
        claims.retain(|_| {
            k += 1;
            !dates_alone.contains(&(k - 1))
        });
    }
    // a figure in brackets describes what stands right before them: `朱某（男，33岁，…）`
    for c in &mut claims {
        let Some(f) = c.figure.map(|k| &figures[k]) else {
            continue;
        };
        // (through `的` only before the clause's verb: `实现100亿元的目标` is the subject's
        // target, `有超过100万的俄罗斯人签署` is about the Russians)
        let from = clause_start(text, ss, f.span.byte_start, CLAUSE_MARKS);
        let before_verb = first_verb(text, from, f.span.byte_start)
            .is_none_or(|(_, v)| v == "有")
            // (a subject holding the figure already is its noun phrase: `一盒五斤的樱桃西红柿`)
            && !c.subject.as_deref().is_some_and(|sj| sj.contains(f.text.as_str()));
        let owner = bracket_owner(text, ss, f.span.byte_start, &ents).or_else(|| {
            before_verb
                .then(|| attributive_owner(text, f, se, &ents))
                .flatten()
        });
        match owner {
            Some(Owner::Entity(e)) => {
                c.subject = Some(e.text.clone());
                c.subject_type = Some(e.kind);
                c.subject_entity = Some(e.text.clone());
                c.subject_canonical = Some(e.canonical.clone());
            }
            Some(Owner::Noun(np)) => c.subject = Some(np.into()),
            None => {}
        }
    }
    claims
}

/// What a bracketed figure describes.
enum Owner<'e> {
    Entity(&'e Entity),
    Noun(String),
}

/// What a figure modifies through `的` (`今年25岁的谢雕`, `超过100万的俄罗斯人`,
/// `20%的关税`): the entity, else the noun phrase, right after the `的` that follows the
/// figure and its measure word, in the figure's clause (the sentence ends at `end`).
fn attributive_owner<'e>(
    text: &str,
    figure: &Figure,
    end: usize,
    ents: &[&'e Entity],
) -> Option<Owner<'e>> {
    // (a period or span modifies its noun without being said of it: `两年的时间里`)
    if matches!(figure.kind, FigureType::Date | FigureType::Duration) {
        return None;
    }
    let figure_end = figure.span.byte_end;
    let clause_end = text[figure_end..end]
        .find(['，', '；', ',', ';', '：', '。'])
        .map_or(end, |i| figure_end + i);
    let rest = &text[figure_end..clause_end];
    // the measure word after the number (`岁`, `万`, `家`), then `的`
    let words = zh::words(rest);
    let de = words
        .iter()
        .take(2)
        .position(|w| &rest[w.start..w.end] == "的")
        .filter(|&i| words[..i].iter().all(|w| w.tag == "m" || w.tag == "q"))?;
    let after = figure_end + words[de].end;
    if let Some(e) = ents.iter().find(|e| e.span.byte_start == after) {
        return Some(Owner::Entity(e));
    }
    let np = noun_phrase(&text[after..clause_end]);
    (np.chars().count() >= 2 && text[after..].starts_with(np)).then(|| Owner::Noun(np.to_string()))
}

/// The entity (else the noun) right before the bracket a figure at `at` stands in, if it
/// stands in one opened in the sentence (from `ss`).
fn bracket_owner<'e>(text: &str, ss: usize, at: usize, ents: &[&'e Entity]) -> Option<Owner<'e>> {
    let before = &text[ss..at];
    let open = before.rfind(['（', '('])?;
    if before[open..].contains(['）', ')']) {
        return None;
    }
    if let Some(e) = ents.iter().find(|e| e.span.byte_end == ss + open) {
        return Some(Owner::Entity(e));
    }
    zh::words(&before[..open])
        .into_iter()
        .rev()
        .find(|w| w.tag.starts_with('n'))
        .filter(|w| w.end == open)
        .map(|w| Owner::Noun(before[w.start..w.end].to_string()))
}

#[cfg(test)]
mod tests {
    use crate::ClaimAssembler;
    use claimx_doc::{
        Claim, Entity, EntityType, Figure, FigureType, FigureValue, Lang, OffsetIndex, Sentence,
        Span,
    };
    use rstest::rstest;

    /// Claims of one Chinese sentence as (figure, subject, entity, predicate, time,
    /// attribution, cue, negated).
    type Row<'a> = (
        &'a str,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        bool,
    );

    fn claims(text: &str, figs: &[(&str, FigureType)], ents: &[(&str, EntityType)]) -> Vec<String> {
        let figures = crate::fixtures::figures(text, Lang::Zh, figs);
        let entities = crate::fixtures::entities(text, ents);
        let sentence = crate::fixtures::sentence(text, Lang::Zh, Vec::new());
        let show = |c: &Claim| {
            let fig = |i: Option<usize>| i.map(|i| figures[i].text.clone());
            format!(
                "{:?}",
                (
                    fig(c.figure).unwrap_or_default(),
                    c.subject.clone().unwrap_or_default(),
                    c.subject_entity.clone(),
                    c.predicate.clone(),
                    fig(c.time),
                    c.attribution.clone(),
                    c.cue.clone(),
                    c.negated,
                )
            )
        };
        ClaimAssembler::new()
            .assemble(text, &[sentence], &figures, &entities)
            .iter()
            .map(show)
            .collect()
    }

    fn rows(want: &[Row]) -> Vec<String> {
        want.iter()
            .map(|r| {
                let s = |x: Option<&str>| x.map(str::to_string);
                format!(
                    "{:?}",
                    (
                        r.0.to_string(),
                        r.1.to_string(),
                        s(r.2),
                        s(r.3),
                        s(r.4),
                        s(r.5),
                        s(r.6),
                        r.7
                    )
                )
            })
            .collect()
    }

    #[rstest]
    #[case::topic_chain_and_attribution(
        "据路透社报道，亚马逊云科技上海人工智能研究院成立于2018年，曾有超过1000名员工。",
        &[("2018年", FigureType::Date), ("超过1000", FigureType::Cardinal)],
        &[("路透社", EntityType::Org), ("亚马逊云科技上海人工智能研究院", EntityType::Org)],
        &[
            ("2018年", "亚马逊云科技上海人工智能研究院", Some("亚马逊云科技上海人工智能研究院"), Some("成立于"), Some("2018年"), Some("路透社"), Some("据"), false),
            ("超过1000", "亚马逊云科技上海人工智能研究院", Some("亚马逊云科技上海人工智能研究院"), Some("有"), None, Some("路透社"), Some("据"), false),
        ]
    )]
    #[case::speaker_is_the_subject_of_a_bare_noun(
        "阿里巴巴表示，公司去年在中国的营收约为1000亿元。",
        &[("去年", FigureType::Date), ("约为1000亿元", FigureType::Money)],
        &[("阿里巴巴", EntityType::Org), ("中国", EntityType::Loc)],
        &[("约为1000亿元", "公司", Some("阿里巴巴"), Some("为"), Some("去年"), Some("阿里巴巴"), Some("表示"), false)]
    )]
    #[case::demonstrative_subject_and_dated_event(
        "该实验室周四宣布关闭。",
        &[("周四", FigureType::Date)],
        &[],
        &[("周四", "该实验室", None, Some("宣布"), Some("周四"), None, None, false)]
    )]
    #[case::negation_stays_in_its_clause(
        "腾讯公司称，该公司没有裁员计划，去年员工人数增长了5%。",
        &[("去年", FigureType::Date), ("5%", FigureType::Percent)],
        &[("腾讯公司", EntityType::Org)],
        &[("5%", "员工人数", Some("腾讯公司"), Some("增长"), Some("去年"), Some("腾讯公司"), Some("称"), false)]
    )]
    // a place reference takes no organisation as its entity, and `未来` negates nothing
    #[case::place_reference_and_future(
        "据新华社报道，该地区未来五年有超过3000人受灾。",
        &[("超过3000", FigureType::Cardinal)],
        &[("新华社", EntityType::Org)],
        &[("超过3000", "该地区", None, Some("有"), None, Some("新华社"), Some("据"), false)]
    )]
    // a relative clause opening with a noun measured by a figure is the subject phrase
    #[case::measured_relative_clause(
        "年薪超过100万元的高管人数增长了20%。",
        &[("超过100万元", FigureType::Money), ("20%", FigureType::Percent)],
        &[],
        &[
            ("超过100万元", "年薪超过100万元的高管人数", None, Some("超过"), None, None, None, false),
            ("20%", "年薪超过100万元的高管人数", None, Some("增长"), None, None, None, false),
        ]
    )]
    // a date after a demonstrative subject is the clause's time, a count the phrase's own
    #[case::demonstrative_subject_with_a_date_inside(
        "该银行2019年净利润增长了12%。",
        &[("2019年", FigureType::Date), ("12%", FigureType::Percent)],
        &[],
        &[("12%", "该银行2019年净利润", None, Some("增长"), Some("2019年"), None, None, false)]
    )]
    #[case::demonstrative_subject_before_a_date(
        "该公司2008年裁员300人。",
        &[("2008年", FigureType::Date), ("300", FigureType::Cardinal)],
        &[],
        &[("300", "该公司", None, Some("裁员"), Some("2008年"), None, None, false)]
    )]
    // a measure noun right before its figure is the predicate, not part of the subject the
    // clauses share
    #[case::measure_noun_is_no_part_of_the_subject(
        "其中细复式66B室面积5131方尺，涉资3.582亿元。",
        &[("5131", FigureType::Cardinal), ("3.582亿元", FigureType::Money)],
        &[],
        &[
            ("5131", "细复式66B室", None, Some("面积"), None, None, None, false),
            ("3.582亿元", "细复式66B室", None, Some("涉资"), None, None, None, false),
        ]
    )]
    // what `比` compares is the whole phrase before it, a verbal noun included
    #[case::compared_phrase_holds_its_verbal_noun(
        "二氧化硫减排比2008年下降2.7%。",
        &[("2008年", FigureType::Date), ("2.7%", FigureType::Percent)],
        &[],
        &[("2.7%", "二氧化硫减排", None, Some("下降"), None, None, None, false)]
    )]
    // a name in a relative clause modifies the noun after `的`: that is the subject
    #[case::name_in_a_relative_clause(
        "2008年11月，民生银行控股的民生加银基金公司在深圳开业。",
        &[("2008年11月", FigureType::Date)],
        &[("民生银行", EntityType::Org), ("民生加银基金公司", EntityType::Org)],
        &[("2008年11月", "民生银行控股的民生加银基金公司", Some("民生加银基金公司"), None, Some("2008年11月"), None, None, false)]
    )]
    #[case::measured_object_is_no_relative_clause(
        "华为持有5%的股份。",
        &[("5%", FigureType::Percent)],
        &[("华为", EntityType::Org)],
        &[("5%", "华为", Some("华为"), Some("持有"), None, None, None, false)]
    )]
    // a pronoun before a speech verb is the source (`他强调`)
    #[case::pronoun_source(
        "他强调，集团只售26伙。",
        &[("26", FigureType::Cardinal)],
        &[],
        &[("26", "集团", None, Some("只售"), None, Some("他"), Some("强调"), false)]
    )]
    // a company reference takes only an organisation, never the place speaking
    #[case::company_reference_takes_no_place(
        "北京表示，该合资公司将投资100亿元。",
        &[("100亿元", FigureType::Money)],
        &[("北京", EntityType::Loc)],
        &[("100亿元", "该合资公司", None, Some("投资"), None, Some("北京"), Some("表示"), false)]
    )]
    #[case::negated_claim(
        "小米未能在2024年实现100亿元的目标。",
        &[("2024年", FigureType::Date), ("100亿元", FigureType::Money)],
        &[("小米", EntityType::Org)],
        &[("100亿元", "小米", Some("小米"), Some("实现"), Some("2024年"), None, None, true)]
    )]
    #[case::leading_date_and_subject_chain(
        "据悉，2008年单位能耗比上一年下降4.6%，累计下降10.1%。",
        &[("2008年", FigureType::Date), ("上一年", FigureType::Date), ("4.6%", FigureType::Percent), ("10.1%", FigureType::Percent)],
        &[],
        &[
            ("4.6%", "单位能耗", None, Some("下降"), Some("2008年"), None, None, false),
            ("10.1%", "单位能耗", None, Some("下降"), None, None, None, false),
        ]
    )]
    // a date in a clause without another figure sets the scene for the sentence's figures:
    // no claim of its own
    #[case::scene_setting_date(
        "公司今年上半年完成改组，营收下降4.2%。",
        &[("今年上半年", FigureType::Date), ("4.2%", FigureType::Percent)],
        &[],
        &[("4.2%", "公司", None, Some("下降"), None, None, None, false)]
    )]
    #[case::figure_modifying_a_name(
        "今年25岁的谢雕生长于重庆。",
        &[("今年", FigureType::Date), ("25", FigureType::Cardinal)],
        &[("谢雕", EntityType::Per), ("重庆", EntityType::Loc)],
        &[("25", "谢雕", Some("谢雕"), None, Some("今年"), None, None, false)]
    )]
    #[case::a_described_name_before_its_verb(
        "于3月的选举中被击败的民主党参选人何俊仁向法院提出选举呈请。",
        &[("3月", FigureType::Date)],
        &[("民主党", EntityType::Org), ("何俊仁", EntityType::Per)],
        &[("3月", "民主党参选人何俊仁", Some("何俊仁"), None, Some("3月"), None, None, false)]
    )]
    #[case::a_noun_phrase_clause_is_the_topic(
        "比如环保部门受理的一些项目，有15.5%存在未批先建的问题。",
        &[("15.5%", FigureType::Percent)],
        &[],
        &[("15.5%", "环保部门受理的一些项目", None, Some("有"), None, None, None, false)]
    )]
    #[case::a_clause_of_dates_dates_the_next(
        "2008年11月，民生加银基金公司在深圳开业。",
        &[("2008年11月", FigureType::Date)],
        &[("民生加银基金公司", EntityType::Org), ("深圳", EntityType::Loc)],
        // (the predicate comes from the tree in the pipeline: `开业` is in no verb list)
        &[("2008年11月", "民生加银基金公司", Some("民生加银基金公司"), None, Some("2008年11月"), None, None, false)]
    )]
    #[case::a_period_compared_against_dates_nothing(
        "与去年同期相比，全国快递业务量增长了18%。",
        &[("去年同期", FigureType::Date), ("18%", FigureType::Percent)],
        &[],
        // (the subject is cut at `快递`, which jieba tags a verb: the tree completes it in
        // the pipeline)
        &[("18%", "全国", None, Some("增长"), None, None, None, false)]
    )]
    #[case::a_date_compared_against_dates_nothing(
        "与2005年相比，化学需氧量排放累计下降了6.61%。",
        &[("2005年", FigureType::Date), ("6.61%", FigureType::Percent)],
        &[],
        &[("6.61%", "化学需氧量", None, Some("下降"), None, None, None, false)]
    )]
    #[case::a_title_before_a_name_is_the_persons(
        "中科院信息工程研究所硕士研究生谢雕6月14日被杀害。",
        &[("6月14日", FigureType::Date)],
        &[("中科院信息工程研究所", EntityType::Org), ("谢雕", EntityType::Per)],
        &[("6月14日", "中科院信息工程研究所硕士研究生谢雕", Some("谢雕"), None, Some("6月14日"), None, None, false)]
    )]
    #[case::a_resume_line_takes_the_topic(
        "张伟，男，2009年1月任吉林银行辽源分行行长；2015年3月起任该行副行长。",
        &[("2009年1月", FigureType::Date), ("2015年3月", FigureType::Date)],
        &[("张伟", EntityType::Per)],
        &[
            ("2009年1月", "张伟", Some("张伟"), None, Some("2009年1月"), None, None, false),
            ("2015年3月", "张伟", Some("张伟"), None, Some("2015年3月"), None, None, false),
        ]
    )]
    #[case::a_relative_clause_opens_the_subject(
        "收到假货的买家可获得最高10倍的赔偿。",
        &[("最高10", FigureType::Cardinal)],
        &[],
        &[("最高10", "收到假货的买家", None, Some("获得"), None, None, None, false)]
    )]
    #[case::a_prepositions_noun_is_no_subject(
        "纽约梅隆银行为一家资产管理公司，按市值计算位列美国前五大银行之列。",
        &[("五", FigureType::Cardinal)],
        &[("纽约梅隆银行", EntityType::Org)],
        &[("五", "纽约梅隆银行", Some("纽约梅隆银行"), None, None, None, None, false)]
    )]
    #[case::no_subject_no_claim(
        "增长了5%。",
        &[("5%", FigureType::Percent)],
        &[],
        &[]
    )]
    fn chinese_claims(
        #[case] text: &str,
        #[case] figs: &[(&str, FigureType)],
        #[case] ents: &[(&str, EntityType)],
        #[case] want: &[Row],
    ) {
        assert_eq!(claims(text, figs, ents), rows(want));
    }

    /// The noun phrase opening a text; a phrase of place or time is none.
    #[rstest]
    #[case("屋苑仅提供26个单位", "屋苑")]
    #[case("目前工业和信息化部已经着手", "工业和信息化部")]
    #[case("那次聚会之后的春节", "")]
    #[case("一次高中同学聚会中", "")]
    #[case("二氧化硫减排比2008年下降2.7%", "二氧化硫减排")]
    #[case("化学需氧量排放比上一年下降了4.2%", "化学需氧量排放")]
    #[case("CPI同比上涨", "CPI")]
    #[case(
        "环境保护部和地方环保部门受理的一些项目，分别有15.5%的项目",
        "环境保护部和地方环保部门受理的一些项目"
    )]
    #[case("公司发布的报告显示", "公司发布的报告")]
    #[case("华为持有5%的股份", "华为")]
    fn the_noun_phrase_at_the_start(#[case] text: &str, #[case] np: &str) {
        assert_eq!(crate::zh::noun_phrase(text), np);
    }

    /// A hedge word covers what follows it in its sentence up to the next attribution.
    #[rstest]
    #[case(
        "预计今年钢铁供需平衡量不足5亿吨，钢铁产能过剩超过1亿吨。",
        "超过1亿",
        true
    )]
    #[case("该合资公司有望于今年上半年获批。", "今年上半年", true)]
    #[case(
        "天汇连续多日传接受预留，林达民说，初步有15个单位获预留。",
        "15",
        false
    )]
    #[case("钢铁产能过剩超过1亿吨，预计今年还将增加。", "超过1亿", false)]
    #[case("公司营收增长5%。", "5%", false)]
    fn a_hedge_covers_what_follows_it(
        #[case] text: &str,
        #[case] figure: &str,
        #[case] hedged: bool,
    ) {
        let scopes = crate::zh::hedge_scopes(text, 0, text.len());
        assert_eq!(
            crate::zh::in_hedge_scope(&scopes, text.find(figure).unwrap()),
            hedged,
            "{text}"
        );
    }

    /// The subject the clauses of a sentence share: the first of its own in a clause, named or
    /// not, but never the source the sentence is attributed to.
    #[rstest]
    #[case("经过半年多的苦读，周凯旋以优异成绩考取了西安交通大学。", &[("周凯旋", EntityType::Per)], Some(("周凯旋", true)))]
    #[case("环保部也不含糊，目前正在加大对焦炭等13个行业的淘汰力度。", &[], Some(("环保部", false)))]
    #[case("刘长根透露，钢铁企业又重新生产。", &[("刘长根", EntityType::Per)], Some(("钢铁企业", false)))]
    #[case("经过半年多的苦读，考取了大学。", &[], None)]
    fn a_sentence_shares_its_first_subject(
        #[case] text: &str,
        #[case] ents: &[(&str, EntityType)],
        #[case] want: Option<(&str, bool)>,
    ) {
        let entities = crate::fixtures::entities(text, ents);
        let sentence = crate::fixtures::sentence(text, Lang::Zh, Vec::new());
        let got = crate::zh::sentence_subject(text, &sentence, &entities);
        assert_eq!(got.as_ref().map(|(s, e)| (s.as_str(), e.is_some())), want);
    }

    /// Who a Chinese sentence is attributed to, and by which word: a source marker that is a
    /// word of its own (not the `据` of `数据`), report verbs whose subject is a document
    /// (`数据显示`), speech verbs after a phrase holding a name; `据悉` names no one.
    #[rstest]
    #[case("据新华社报道，该公司裁员500人。", &[], Some(("新华社", "据")))]
    #[case("根据统计局的数据，增长了5%。", &[], Some(("统计局的数据", "根据")))]
    #[case("公开数据显示，收益率达到了13.6%。", &[], Some(("公开数据", "显示")))]
    #[case("据悉其中8至12楼低层户已全获认购。", &[], None)]
    #[case("谢雕的家人告诉南都记者，他见到了周凯旋。", &[("谢雕", EntityType::Per)], Some(("谢雕的家人", "告诉")))]
    #[case("市场需求带动下，小钢厂重新生产。", &[], None)]
    #[case(
        "环保部污染物排放量总量控制司副司长刘长根透露，小钢厂重新生产。",
        &[("刘长根", EntityType::Per)],
        Some(("环保部污染物排放量总量控制司副司长刘长根", "透露"))
    )]
    #[case("在中国循环经济发展高层论坛上的一位大型企业负责人透露，小钢厂重新生产。", &[], None)]
    fn chinese_attribution(
        #[case] text: &str,
        #[case] ents: &[(&str, EntityType)],
        #[case] want: Option<(&str, &str)>,
    ) {
        let entities = crate::fixtures::entities(text, ents);
        let refs: Vec<&Entity> = entities.iter().collect();
        let got = super::attribution(text, 0, text.len(), &refs);
        let want = want.map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(got, want, "{text}");
    }

    /// The tree's subject phrase completes the rules' where it adds only nominal words (and
    /// quotes) to them; the parses are the embedded model's.
    #[rstest]
    #[case::numeral_classifier_and_nouns(
        "国内72家大中型钢铁生产企业净亏损达51.8亿元。",
        "国内/NOUN/6/nmod 72/NUM/6/nummod 家/NOUN/6/nmod 大中型/NOUN/6/nmod 钢铁/NOUN/6/nmod \
         生产/NOUN/6/nmod 企业/NOUN/8/nsubj 净亏损/NOUN/8/nsubj 达/VERB/0/root 51.8/NUM/10/nummod \
         亿元/NOUN/8/obj 。/PUNCT/8/punct",
        "国内",
        "国内72家大中型钢铁生产企业",
        Some("国内72家大中型钢铁生产企业")
    )]
    #[case::a_demonstrative_phrase(
        "去年该公司投资收益仅录得1.45亿。",
        "去年/NOUN/5/nmod 该/NOUN/3/nmod 公司/NOUN/3/nmod 投资收益/NOUN/5/nsubj 仅/ADV/5/advmod \
         录得/VERB/0/root 1.45/NUM/7/nummod 亿/NUM/5/obj 。/PUNCT/5/punct",
        "公司",
        "该公司投资收益",
        Some("该公司投资收益")
    )]
    #[case::a_quoted_name_in_the_phrase(
        "“十一五”的其他节能减排指标也将在明年完成。",
        "“/PUNCT/2/punct 十一五/PROPN/6/nmod ”/PUNCT/2/punct 的/PART/2/case 其他/ADJ/6/amod \
         节能减排/NOUN/6/compound 指标/NOUN/10/nsubj 也/ADV/10/advmod 将/AUX/10/aux 在/ADP/9/case \
         明年/NOUN/10/obl 完成/VERB/0/root 。/PUNCT/10/punct",
        "“十一五”",
        "“十一五”的其他节能减排指标",
        Some("“十一五”的其他节能减排指标")
    )]
    #[case::a_date_opening_the_phrase_is_left_out(
        "4月份全国规模以上工业增加值同比增长6.7%。",
        "4/NUM/2/nummod 月份/NOUN/7/nmod 全国/NOUN/4/nmod 规模/NOUN/7/nmod 以上/ADV/7/amod \
         工业/NOUN/7/nmod 增加值/NOUN/9/nsubj 同比/VERB/9/advcl 增长/VERB/0/root 6.7%/NUM/9/obj \
         。/PUNCT/9/punct",
        "全国",
        "4月份全国规模以上工业增加值",
        Some("全国规模以上工业增加值")
    )]
    #[case::a_verb_hung_under_the_subject(
        "66B复式户盛传以尺价6.98万元易手。",
        "66B/NUM/3/nmod 复式/NOUN/3/nmod 户/NOUN/4/nsubj 盛传/VERB/8/nsubj 以尺/VERB/8/advcl \
         价/PART/8/nsubj 6.98/NUM/7/nummod 万元/NUM/8/nmod 易手/VERB/0/root 。/PUNCT/8/punct",
        "66B复式户",
        "66B复式户盛传",
        None
    )]
    #[case::not_holding_the_rules_subject(
        "国内72家大中型钢铁生产企业净亏损达51.8亿元。",
        "国内/NOUN/6/nmod 72/NUM/6/nummod 家/NOUN/6/nmod 大中型/NOUN/6/nmod 钢铁/NOUN/6/nmod \
         生产/NOUN/6/nmod 企业/NOUN/8/nsubj 净亏损/NOUN/8/nsubj 达/VERB/0/root 51.8/NUM/10/nummod \
         亿元/NOUN/8/obj 。/PUNCT/8/punct",
        "净亏损",
        "国内72家大中型钢铁生产企业",
        None
    )]
    fn the_tree_completes_a_subject(
        #[case] text: &str,
        #[case] tree: &str,
        #[case] rule: &str,
        #[case] from_tree: &str,
        #[case] want: Option<&str>,
    ) {
        let words = crate::fixtures::words(text, tree);
        let sentence = crate::fixtures::sentence(text, Lang::Zh, words);
        let dates: Vec<(usize, usize)> = ["4月份"]
            .iter()
            .filter_map(|d| text.find(d).map(|at| (at, at + d.len())))
            .collect();
        assert_eq!(
            super::completed_subject(text, &sentence, rule, from_tree, &dates),
            want
        );
    }

    /// The predicate a figure follows: a verb (with its aspect particle dropped), `为`, a
    /// measure noun, `岁` for an age; nothing after a name, a preposition or a boundary.
    #[rstest]
    #[case("化学需氧量排放比上一年下降了4.2%。", "4.2%", None, Some("下降"))]
    #[case("收益率分别为13.6%。", "13.6%", None, Some("为"))]
    #[case("该单位面积5131平方尺。", "5131", None, Some("面积"))]
    #[case("该单位以尺价6.98万元易手。", "6.98万元", None, None)]
    #[case("环保部调研30个省市的项目有了眉目。", "30", None, Some("调研"))]
    #[case("财政部向金融机构注资1250亿美元。", "1250亿美元", None, Some("注资"))]
    #[case("民警发现雷某（男，29岁）。", "29", Some("岁"), Some("岁"))]
    #[case("财政部向美国九家机构注资。", "九", None, None)]
    #[case("营收约为1000亿元。", "约为1000亿元", None, Some("为"))]
    #[case(
        "托管资产总额超过20.2万亿美元。",
        "超过20.2万亿美元",
        None,
        Some("超过")
    )]
    fn the_word_before_a_figure_predicates_it(
        #[case] text: &str,
        #[case] figure: &str,
        #[case] unit: Option<&str>,
        #[case] want: Option<&str>,
    ) {
        let mut figures =
            crate::fixtures::figures(text, Lang::Zh, &[(figure, FigureType::Cardinal)]);
        figures[0].unit = unit.map(Into::into);
        assert_eq!(
            super::predicate_before(text, 0, &figures[0]).as_deref(),
            want,
            "{text}"
        );
    }

    /// An amount of money or a share after a verb and its object is the verb's; a count
    /// there is the noun's (the noun may name the event: `裁员`).
    #[rstest]
    #[case(
        "中国人民银行下调存款准备金率0.25个百分点。",
        "0.25个百分点",
        FigureType::Percent,
        Some("下调")
    )]
    #[case("公司收购股权30%。", "30%", FigureType::Percent, Some("收购"))]
    #[case(
        "阿里巴巴宣布裁员约1000人。",
        "约1000",
        FigureType::Cardinal,
        Some("裁员")
    )]
    fn a_verb_before_its_object_predicates_an_amount(
        #[case] text: &str,
        #[case] figure: &str,
        #[case] kind: FigureType,
        #[case] want: Option<&str>,
    ) {
        let figures = crate::fixtures::figures(text, Lang::Zh, &[(figure, kind)]);
        assert_eq!(
            super::predicate_before(text, 0, &figures[0]).as_deref(),
            want,
            "{text}"
        );
    }

    /// A name opening a noun phrase is its modifier; the phrase ends in its head noun.
    #[rstest]
    #[case("香港媒体报道称", "香港", "香港媒体")]
    #[case("特朗普政府对中国征收145%的新关税", "特朗普", "特朗普政府")]
    #[case("雷洋夫妇刚得一女", "雷洋", "雷洋夫妇")]
    #[case("阿里巴巴表示，", "阿里巴巴", "阿里巴巴")]
    #[case("天汇推出60伙", "天", "天汇")]
    // a noun that acts as the verb is no head; a place before a noun belongs to it
    #[case("小米计划在未来五年投资", "小米", "小米")]
    #[case("特斯拉上海工厂今年交付了50万辆汽车", "特斯拉", "特斯拉上海工厂")]
    fn a_name_before_nouns_modifies_them(#[case] text: &str, #[case] name: &str, #[case] np: &str) {
        let end = super::noun_head_after(text, 0, name.len(), text.len());
        assert_eq!(&text[..end], np);
    }

    /// A Traditional text gives the claims of its Simplified twin, quoted as it is written.
    #[rstest]
    #[case::report(
        ("据路透社报道，腾讯营收增长了10%。", &["路透社", "腾讯"][..]),
        ("據路透社報道，騰訊營收增長了10%。", &["路透社", "騰訊"][..]),
        "10%",
        ("騰訊", Some("增長"), Some("路透社"), Some("據"), false)
    )]
    #[case::hedge(
        ("金管局表示，贷款据称下降了3%。", &["金管局"][..]),
        ("金管局表示，貸款據稱下降了3%。", &["金管局"][..]),
        "3%",
        ("貸款", Some("下降"), Some("金管局"), Some("表示"), true)
    )]
    fn traditional_reads_as_simplified(
        #[case] simplified: (&str, &[&str]),
        #[case] traditional: (&str, &[&str]),
        #[case] figure: &str,
        #[case] want: (&str, Option<&str>, Option<&str>, Option<&str>, bool),
    ) {
        let claims = |(text, names): (&str, &[&str])| {
            let figures =
                crate::fixtures::figures(text, Lang::Zh, &[(figure, FigureType::Percent)]);
            let ents: Vec<(&str, EntityType)> =
                names.iter().map(|n| (*n, EntityType::Org)).collect();
            let entities = crate::fixtures::entities(text, &ents);
            let sentence = crate::fixtures::sentence(text, Lang::Zh, Vec::new());
            ClaimAssembler::new().assemble(text, &[sentence], &figures, &entities)
        };
        let (s, t) = (claims(simplified), claims(traditional));
        assert_eq!((s.len(), t.len()), (1, 1));
        let (s, t) = (&s[0], &t[0]);
        let got = (
            t.subject.as_deref().unwrap_or_default(),
            t.predicate.as_deref(),
            t.attribution.as_deref(),
            t.cue.as_deref(),
            t.hedged,
        );
        assert_eq!(got, want);
        // the same claim as the Simplified text's
        let twin = |v: &Option<claimx_doc::CompactString>| {
            v.as_deref()
                .map(|v| claimx_lang::zh::to_simplified(v).into_owned())
        };
        assert_eq!(twin(&t.subject).as_deref(), s.subject.as_deref());
        assert_eq!(twin(&t.predicate).as_deref(), s.predicate.as_deref());
        assert_eq!(
            (t.hedged, t.figure, t.sentence),
            (s.hedged, s.figure, s.sentence)
        );
    }

    /// The subject of each claim, by figure.
    fn subjects(
        text: &str,
        figs: &[(&str, FigureType)],
        ents: &[(&str, EntityType)],
    ) -> Vec<(String, Option<String>)> {
        let figures = crate::fixtures::figures(text, Lang::Zh, figs);
        let entities = crate::fixtures::entities(text, ents);
        let sentence = crate::fixtures::sentence(text, Lang::Zh, Vec::new());
        ClaimAssembler::new()
            .assemble(text, &[sentence], &figures, &entities)
            .into_iter()
            .map(|c| {
                (
                    figures[c.figure.unwrap()].text.to_string(),
                    c.subject.map(Into::into),
                )
            })
            .collect()
    }

    #[test]
    fn a_figure_in_brackets_is_about_what_precedes_them() {
        let got = subjects(
            "民警将朱某（男，33岁）和俞某（女，38岁）抓获。",
            &[("33", FigureType::Cardinal), ("38", FigureType::Cardinal)],
            &[("朱某", EntityType::Per), ("俞某", EntityType::Per)],
        );
        assert_eq!(
            got,
            [
                ("33".to_string(), Some("朱某".to_string())),
                ("38".to_string(), Some("俞某".to_string()))
            ]
        );
    }

    /// Found by the `claim_trees` fuzz target: a date figure reaching over the clause's end
    /// (a record made elsewhere) made the leading-date skip slice past the clause.
    #[test]
    fn a_date_over_a_clause_boundary_is_no_lead() {
        let got = subjects(
            "2008年产量下降5%，增长。",
            &[
                ("2008年产量下降5%，增", FigureType::Date),
                ("5%", FigureType::Percent),
            ],
            &[],
        );
        // (the date is in neither clause: no claim about it, and no panic)
        assert!(got.iter().all(|(f, _)| f == "5%"), "{got:?}");
    }

    /// The subject of one figure's claim: leading adverbs and pronouns name nothing (`其中`,
    /// `分别`); a Latin-script word is a noun (`CPI`); a comparison word ends the noun phrase
    /// (`CPI同比上涨` → `CPI`) and opens none (`同比增长12.3%` takes the topic; a clause
    /// opening with it once made the phrase end before its start, a panic); a conjunction
    /// between two nouns joins them (`工业和信息化部`).
    #[rstest]
    #[case::leading_adverbs("该行实现了盈利，其中利润增长8%。", &[("8%", FigureType::Percent)], "8%", "利润")]
    #[case::latin_noun_and_comparison(
        "10月份CPI同比上涨2.1%。",
        &[("10月份", FigureType::Date), ("2.1%", FigureType::Percent)],
        "2.1%",
        "CPI"
    )]
    #[case::nouns_joined_by_a_conjunction(
        "工业和信息化部今年淘汰了120家企业。",
        &[("今年", FigureType::Date), ("120", FigureType::Cardinal)],
        "120",
        "工业和信息化部"
    )]
    #[case::comparison_opens_the_clause(
        "公司2022年实现营业收入3.5亿元，同比增长12.3%。",
        &[("2022年", FigureType::Date), ("3.5亿元", FigureType::Money), ("12.3%", FigureType::Percent)],
        "12.3%",
        "公司"
    )]
    fn the_subject_of_a_figure(
        #[case] text: &str,
        #[case] figs: &[(&str, FigureType)],
        #[case] figure: &str,
        #[case] subject: &str,
    ) {
        let got = subjects(text, figs, &[]);
        let found = got.iter().find(|(f, _)| f == figure);
        assert_eq!(
            found.map(|(_, s)| s.as_deref()),
            Some(Some(subject)),
            "{got:?}"
        );
    }

    #[test]
    fn location_is_a_place_after_zai() {
        let text = "亚马逊在上海的实验室有超过100名员工。";
        let idx = OffsetIndex::new(text);
        let b = text.find("超过100").unwrap();
        let figure = Figure {
            span: idx.span(b, b + "超过100".len()),
            text: "超过100".into(),
            kind: FigureType::Cardinal,
            value: Some(FigureValue::Number(100.0)),
            upper: None,
            bound: None,
            unit: None,
            lang: Lang::Zh,
        };
        let ent = |t: &str, k| {
            let b = text.find(t).unwrap();
            Entity {
                span: idx.span(b, b + t.len()),
                text: t.into(),
                kind: k,
                score: 0.9,
                canonical: t.into(),
            }
        };
        let sentence = Sentence {
            span: Span {
                start: 0,
                end: text.chars().count(),
                byte_start: 0,
                byte_end: text.len(),
            },
            boilerplate: false,
            lang: Lang::Zh,
            words: Vec::new(),
        };
        let claims = ClaimAssembler::new().assemble(
            text,
            &[sentence],
            &[figure],
            &[ent("亚马逊", EntityType::Org), ent("上海", EntityType::Loc)],
        );
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].subject.as_deref(), Some("亚马逊"));
        assert_eq!(claims[0].location.as_deref(), Some("上海"));
    }
}
