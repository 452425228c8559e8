//! Chinese words the stages read. Chinese writes no spaces, so these are matched as
//! substrings; where the order of a list matters it says so.

use crate::calendar::{HolidayRule, PeriodShift};

/// Words that make a period a fiscal one: `2021财年`.
pub const FISCAL_WORDS: &[&str] = &["财年", "财政年度", "会计年度"];

/// Holidays by name, as dates (`国庆节期间`, `元旦前`); the festivals of the lunar calendar are
/// dates without a value here.
pub const HOLIDAYS: &[(&str, HolidayRule)] = &[
    ("元旦", HolidayRule::Fixed(1, 1)),
    ("情人节", HolidayRule::Fixed(2, 14)),
    ("三八妇女节", HolidayRule::Fixed(3, 8)),
    ("妇女节", HolidayRule::Fixed(3, 8)),
    ("五一劳动节", HolidayRule::Fixed(5, 1)),
    ("劳动节", HolidayRule::Fixed(5, 1)),
    ("六一儿童节", HolidayRule::Fixed(6, 1)),
    ("儿童节", HolidayRule::Fixed(6, 1)),
    ("国庆节", HolidayRule::Fixed(10, 1)),
    ("平安夜", HolidayRule::Fixed(12, 24)),
    ("圣诞节", HolidayRule::Fixed(12, 25)),
    ("除夕", HolidayRule::Lunar),
    ("春节", HolidayRule::Lunar),
    ("元宵节", HolidayRule::Lunar),
    ("端午节", HolidayRule::Lunar),
    ("中秋节", HolidayRule::Lunar),
];

/// Periods named by their distance from the period the text reports on: `上一年` after
/// `2008年` is 2007, `去年同期` after `今年一季度` is last year's first quarter.
pub const PERIOD_SHIFTS: &[(&str, PeriodShift)] = &[
    ("上一年度", PeriodShift::PreviousYear),
    ("上一年", PeriodShift::PreviousYear),
    ("上年度", PeriodShift::PreviousYear),
    ("上年", PeriodShift::PreviousYear),
    ("前一年", PeriodShift::PreviousYear),
    ("上一季度", PeriodShift::PreviousQuarter),
    ("上季度", PeriodShift::PreviousQuarter),
    ("上一季", PeriodShift::PreviousQuarter),
    ("去年同月", PeriodShift::SameMonthPreviousYear),
    ("上年同月", PeriodShift::SameMonthPreviousYear),
    ("去年同期", PeriodShift::SamePeriodPreviousYear),
    ("上年同期", PeriodShift::SamePeriodPreviousYear),
];

/// Words that open an example (`比如环境保护部受理的一些项目，…`): jieba tags them verbs, but
/// they introduce a phrase rather than predicate one.
pub const EXAMPLE_MARKERS: &[&str] = &["比如", "例如", "譬如", "比方说"];

/// Verbs of taking or holding an office, as résumé lines open with them (`2009年1月任吉林银行
/// 辽源分行行长`); jieba tags the bare `任` a pronoun (as in `任何`).
pub const OFFICE_VERBS: &[&str] = &[
    "任", "起任", "出任", "兼任", "担任", "历任", "曾任", "现任", "升任", "调任",
];

/// Conjunctions that join two nouns into one phrase (`工业和信息化部`, `钢铁及有色金属`).
pub const NOUN_CONJUNCTIONS: &[&str] = &["和", "与", "及", "以及", "、", "或"];

/// Attribution cues after the source (`阿里巴巴表示`, `该公司称`, `他强调`), tried in this order
/// (the one-character verbs last: `称` is in `声称`, `说` in `据说`). The tree's speech verbs
/// are these and the report verbs of `claimx_lang::clauses`.
pub const SPEECH_VERBS: &[&str] = &[
    "表示", "透露", "指出", "宣称", "声称", "告诉", "强调", "坦言", "证实", "披露", "称", "说",
];

/// Particles, prepositions and conjunctions that stand as words of their own next to a name
/// but never begin or end one (`中国的`, `…公司在`, `和…`): the entity stage cuts them off a
/// span's edge when the segmenter has them as separate words.
pub const NAME_EDGE_FUNCTION_WORDS: &[&str] = &[
    "的", "地", "得", "之", "了", "着", "过", "在", "和", "与", "及", "或", "等", "由", "从", "对",
    "向", "据", "被", "把", "将", "于", "但", "因", "而", "并", "跟", "给", "让", "令",
];

/// Characters that end a name as its generic part and that the segmenter writes into the
/// name's word: administrative units (`黑龙江省`, `昌平区`), bodies (`立法会`, `环境保护部`)
/// and `某` of an anonymised person (`雷某`). A tagger's span that stops just before one is
/// completed by the entity stage; other characters glued to a name are as often a verb
/// (`多利纳是`, `安努是`) as the name's last character, so they are left alone.
pub const NAME_SUFFIXES: &[char] = &[
    '省', '市', '县', '区', '州', '镇', '乡', '村', '会', '部', '局', '委', '院', '署', '厅', '某',
];

/// The words that mark the source of a statement after them (`据路透社报道`, `根据统计`).
pub const SOURCE_MARKERS: &[&str] = &["据", "根据", "依据"];

/// A source marker in `s` (`据路透社报道`, `根据统计`): the byte range of the word `据`,
/// `根据` or `依据` ([`SOURCE_MARKERS`]) where the segmenter finds it as a word of its own, not inside another
/// (`数据`, `证据`, `占据`), and not one that reports without naming a source (`据悉`,
/// `据了解`, `据称`: hedges).
///
/// ```
/// use claimx_lang::zh::source_marker;
///
/// assert_eq!(source_marker("据路透社报道，"), Some((0, "据".len())));
/// assert_eq!(source_marker("公开数据显示，"), None);
/// assert_eq!(source_marker("据悉其中8至12楼已获认购"), None);
/// ```
pub fn source_marker(s: &str) -> Option<(usize, usize)> {
    if !s.contains('据') {
        return None;
    }
    words(s)
        .into_iter()
        .find(|w| SOURCE_MARKERS.contains(&&s[w.start..w.end]))
        .map(|w| (w.start, w.end))
}

/// The currency a bare `元` names in a text written where it is not the renminbi: Hong Kong
/// and Macau papers call their city `本港` / `本澳` ("this port", "this Macau") and price in
/// their own dollars without saying so (`售价6.98万元`); a text in Traditional characters
/// that names Taiwan (`臺灣`, `台北`, `新台幣`) and neither Hong Kong nor Macau is Taiwanese,
/// and its `元` is the New Taiwan dollar; elsewhere `元` is CNY.
///
/// ```
/// use claimx_lang::zh::local_currency;
///
/// assert_eq!(local_currency("本港豪宅分层一哥，尺价6.98万元"), Some("HKD"));
/// assert_eq!(local_currency("台北市政府編列預算5000萬元，補助臺灣中小企業。"), Some("TWD"));
/// // Simplified text about Taiwan: a mainland paper, renminbi unless it says otherwise
/// assert_eq!(local_currency("台北市政府编列预算5000万元，补助台湾中小企业。"), None);
/// assert_eq!(local_currency("公司去年营收约为1000亿元"), None);
/// ```
pub fn local_currency(text: &str) -> Option<&'static str> {
    if text.contains("本港") {
        Some("HKD")
    } else if text.contains("本澳") {
        Some("MOP")
    } else if taiwanese(text) {
        Some("TWD")
    } else {
        None
    }
}

/// Written in Taiwan: names Taiwan and neither Hong Kong nor Macau, in Traditional characters
/// (at least one Chinese character in twenty differs from its Simplified form; running text
/// in Traditional script has several times that).
fn taiwanese(text: &str) -> bool {
    const TAIWAN: &[&str] = &[
        "臺灣",
        "台灣",
        "臺北",
        "台北",
        "新臺幣",
        "新台幣",
        "高雄",
        "台中",
        "臺中",
    ];
    const ELSEWHERE: &[&str] = &["香港", "澳門", "澳门", "本港", "港元", "港幣", "港币"];
    if !TAIWAN.iter().any(|w| text.contains(w)) || ELSEWHERE.iter().any(|w| text.contains(w)) {
        return false;
    }
    let simple = to_simplified(text);
    let (mut han, mut changed) = (0usize, 0usize);
    for (a, b) in text.chars().zip(simple.chars()) {
        if crate::script::is_han(a) {
            han += 1;
            changed += usize::from(a != b);
        }
    }
    han > 0 && changed * 20 >= han
}

/// The currency a Chinese text names right before an amount in `元` (`新台币100亿元`,
/// `约合港币27亿元`): the amount is in that currency, not in renminbi. `before` is the text
/// before the amount, spaces trimmed.
///
/// ```
/// use claimx_lang::zh::currency_named_before;
///
/// assert_eq!(currency_named_before("营收达新台币"), Some("TWD"));
/// assert_eq!(currency_named_before("约合港币"), Some("HKD"));
/// assert_eq!(currency_named_before("营收达"), None);
/// ```
pub fn currency_named_before(before: &str) -> Option<&'static str> {
    const NAMES: &[&str] = &["新台币", "台币", "港币", "港元", "澳门币", "人民币"];
    NAMES
        .iter()
        .find(|n| before.ends_with(*n))
        .and_then(|n| crate::units::currency_word(n))
}

/// Nouns of price and payment: a bare amount right after one (`尺价近7万`, `月薪8000`) or
/// before one (`2.5万助学贷款`) is money in the paper's currency, which the text leaves
/// unsaid. Longest first where one ends another.
pub const PRICE_NOUNS_BEFORE: &[&str] = &[
    "成交价",
    "尺价",
    "呎价",
    "售价",
    "单价",
    "均价",
    "房价",
    "租金",
    "月租",
    "月薪",
    "年薪",
    "工资",
    "薪水",
    "票价",
    "价格",
    "定价",
    "标价",
    "报价",
    "罚款",
    "罚金",
    "赔偿",
    "奖金",
    "补贴",
    "学费",
];

/// Nouns of money owed or paid that follow their amount (`2.5万助学贷款`, `借款1万` reads
/// the other way round: see [`PRICE_NOUNS_BEFORE`]).
pub const MONEY_NOUNS_AFTER: &[&str] = &[
    "贷款",
    "借款",
    "欠款",
    "存款",
    "罚款",
    "奖金",
    "工资",
    "学费",
    "赔偿金",
    "补贴",
    "现金",
];

/// Verbs that halve (a change of 50 %): `价格将减半`, `利润腰斩`.
pub const HALVINGS: &[&str] = &["减半", "腰斩"];

/// Words for passing a round number (`过百亿元`, `破万`: more than): a bound when they stand
/// as words of their own.
pub const PASSING: &[char] = &['过', '過', '破'];

/// Verbs of borrowing and paying that take an amount as their object (`借款1万`, `支付300`).
pub const PAYMENT_VERBS_BEFORE: &[&str] = &[
    "借款", "贷款", "欠款", "支付", "付款", "赔偿", "捐款", "筹款", "花费", "花了",
];

/// Nouns of a firm's or a market's money: a bare amount such a noun is said to reach or
/// be (`投资收益仅录得1.45亿`, `营收达3000万`) is money, as after a price noun. Only the
/// linking words of [`AMOUNT_LINKS`] may stand between.
pub const FINANCIAL_NOUNS: &[&str] = &[
    "收益",
    "收入",
    "营收",
    "营业收入",
    "营业额",
    "销售额",
    "成交额",
    "利润",
    "净利",
    "净利润",
    "亏损",
    "净亏损",
    "资产",
    "净资产",
    "市值",
    "估值",
    "融资",
    "募资",
    "预算",
    "支出",
    "开支",
    "成本",
    "税收",
    "薪酬",
];

/// Words linking a noun to the amount it is (`录得`, `达`, `为`, `约`, `仅`), stripped from the
/// end of the text before an amount, at most three, to find [`FINANCIAL_NOUNS`].
pub const AMOUNT_LINKS: &[&str] = &[
    "录得", "高达", "达到", "达", "约为", "为", "是", "约", "仅", "只有", "共", "合计", "总计",
    "累计", "了",
];

/// Verbs by which documents and figures report (`数据显示`, data show): their subject is
/// the source whether or not it is a name.
pub const REPORT_VERBS: &[&str] = &["显示", "表明"];

/// Words that mark a statement as hedged or reported.
pub const HEDGES: &[&str] = &["据称", "可能", "或将", "据报道"];

/// Negation words, as jieba cuts them: `未来` (future), `不断` (continually), `不少` (many),
/// `不仅` (not only) are words of their own and negate nothing.
pub const NEGATIONS: &[&str] = &[
    "没有", "没", "未", "不", "未能", "并未", "尚未", "从未", "不会", "不再", "并非", "无法",
];

/// Words jieba tags as nouns that act as the verb after a name (`小米计划在…投资`, "Xiaomi
/// plans to invest"; `公司预计…`): no noun the name modifies, as `政府` in `特朗普政府`.
pub const VERBAL_NOUNS: &[&str] = &[
    "计划", "预计", "打算", "准备", "决定", "希望", "承诺", "要求", "建议", "拟",
];

/// Whether a Chinese noun phrase refers to a place (`该地区`, `该市`, `当地`): it points back
/// to a place, never to the organisation that reports on it.
///
/// ```
/// assert!(claimx_lang::zh::names_a_place("该地区"));
/// assert!(!claimx_lang::zh::names_a_place("该公司"));
/// ```
pub fn names_a_place(phrase: &str) -> bool {
    const PLACE_NOUNS: &[&str] = &[
        "地区", "地方", "城市", "国家", "当地", "市", "省", "县", "区", "镇", "村", "国",
    ];
    let bare = phrase.trim_start_matches(['该', '这', '此', '本']);
    PLACE_NOUNS
        .iter()
        .any(|n| bare == *n || bare.ends_with(n) && bare.chars().count() <= 3)
}

/// Whether the count `figure` (`两`) at byte `at` of `text`, read with the word after it,
/// names a pair the text has already named (`谢雕和周凯旋同读高中，两人都是…`: "the two of
/// them", as English says "the two"): `两人`, `二人` or `俩人` opening a clause. A count of
/// people that is news (`事故造成两人死亡`) stands after its verb.
///
/// ```
/// use claimx_lang::zh::opens_with_the_pair;
/// let text = "谢雕和周凯旋同读高中，两人都是尖子生。";
/// let at = text.find("两").unwrap();
/// assert!(opens_with_the_pair(text, at, "两"));
/// let text = "事故造成两人死亡。";
/// assert!(!opens_with_the_pair(text, text.find("两").unwrap(), "两"));
/// ```
pub fn opens_with_the_pair(text: &str, at: usize, figure: &str) -> bool {
    if !matches!(figure, "两" | "二" | "俩") || !text[at + figure.len()..].starts_with('人') {
        return false;
    }
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| "，。；：！？,;:!?\n".contains(c))
}

/// Chinese quotation and title marks, opening and closing.
pub const QUOTES: &[(char, char)] = &[('“', '”'), ('「', '」'), ('『', '』'), ('《', '》')];

/// Whether `text[start..end]` is all that a pair of Chinese quotation or title marks holds
/// (`“十一五”`).
pub fn is_quoted(text: &str, start: usize, end: usize) -> bool {
    let open = text[..start].chars().next_back();
    let close = text[end..].chars().next();
    QUOTES
        .iter()
        .any(|&(o, c)| open == Some(o) && close == Some(c))
}

/// Numbers of two or more numeral characters that are all a pair of Chinese quotation marks
/// holds, as byte ranges without the marks: names, not counts (`“十一五”`, the eleventh
/// five-year plan; `「三通」`) — quotes around a count would say nothing. A single quoted
/// numeral (`“一”和“五”`) is the numeral talked about.
///
/// ```
/// use claimx_lang::zh::quoted_numeral_names;
/// let text = "提前实现“十一五”的目标，“一”和“五”，“三个代表”";
/// let names: Vec<&str> = quoted_numeral_names(text).iter().map(|&(a, b)| &text[a..b]).collect();
/// assert_eq!(names, ["十一五"]);
/// ```
pub fn quoted_numeral_names(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(open, close) in QUOTES {
        for (at, _) in text.match_indices(open) {
            let start = at + open.len_utf8();
            // the numerals after the mark, then its closing mark: a scan that stops at the
            // first other character (no search of the rest of the text per mark)
            let (n, len) = text[start..]
                .chars()
                .take_while(|&c| crate::numbers::is_zh_numeral(c))
                .fold((0, 0), |(n, len), c| (n + 1, len + c.len_utf8()));
            if n >= 2 && text[start + len..].starts_with(close) {
                out.push((start, start + len));
            }
        }
    }
    out.sort_unstable();
    out
}

/// Whether a Chinese clause holds a negation word (by jieba's words, not by characters).
///
/// ```
/// use claimx_lang::zh::negates;
/// assert!(negates("公司并未裁员"));
/// assert!(negates("他没有说"));
/// assert!(!negates("未来五年投资100亿美元"));
/// assert!(!negates("营收不断增长"));
/// ```
pub fn negates(clause: &str) -> bool {
    words(clause)
        .iter()
        .any(|w| NEGATIONS.contains(&&clause[w.start..w.end]))
}

/// Verbs that date a founding: `成立于2018年`.
pub const FOUNDING_VERBS: &[&str] = &["成立于", "创立于", "创建于", "成立", "创立"];

/// Classifiers (measure words) after which `一` is the indefinite determiner, as English
/// `a`: `一家公司` "a company", `一个关键组成部分`, `一份报告`. Money and time words (`块`,
/// `年`, `天`) are left out: there `一` counts (`一块钱`, `一年`).
pub const CLASSIFIERS: &[char] = &[
    '个', '個', '家', '份', '次', '场', '場', '条', '條', '句', '位', '名', '种', '種', '项', '項',
    '件', '座', '所', '张', '張', '本', '篇', '支', '批', '架', '辆', '輛', '部', '间', '間', '台',
    '封', '段', '层', '層', '道', '步', '片', '页', '頁', '副', '笔', '筆', '届', '屆', '轮', '輪',
    '番', '声', '聲', '根', '颗', '顆', '棵', '头', '頭', '匹', '把', '双', '雙', '对', '對', '套',
    '组', '組', '群', '系', '类', '類', '股', '则', '則', '阵', '陣', '样', '樣', '幅', '栋', '棟',
    // containers: `一盒五斤的樱桃西红柿` "a box of", `一瓶水`
    '盒', '箱', '瓶', '杯', '袋', '桶', '碗', '罐', '盘', '盤',
];

/// Measure words beyond the classifiers: what a number counts when no noun follows (`25岁`,
/// `5伙`, `五斤`, `1000点`). After a numeral these bind to it, even where the
/// segmenter would glue them to the next word (`伙特色`).
pub const MEASURE_WORDS: &[char] = &[
    '岁', '歲', '伙', '楼', '樓', '斤', '吨', '噸', '亩', '畝', '点', '點', '倍', '户', '戶', '人',
    '起',
];

/// Units of measurement that `兆` prefixes as the SI prefix mega (10⁶), not as the numeral
/// 10¹²: `500兆瓦` is 500 megawatts, `100兆字节` 100 megabytes, `5兆赫` 5 megahertz.
pub const MEGA_UNITS: &[&str] = &[
    "瓦",
    "赫",
    "帕",
    "焦",
    "伏",
    "欧",
    "歐",
    "字节",
    "位元組",
    "比特",
    "像素",
    "吨",
    "噸",
    "升",
];

/// Whether `兆` at the start of `rest` is the SI prefix mega (`兆瓦`), so the number before it
/// ends there.
///
/// ```
/// assert!(claimx_lang::zh::mega_prefix("兆瓦的装机容量"));
/// assert!(!claimx_lang::zh::mega_prefix("兆元"));
/// ```
pub fn mega_prefix(rest: &str) -> bool {
    rest.strip_prefix('兆')
        .is_some_and(|after| MEGA_UNITS.iter().any(|u| after.starts_with(u)))
}

/// Focus words that make a following `一` + classifier a count ("only one"): `只有一句`,
/// `仅一家`, `唯一`.
pub const ONLY: &[&str] = &["只", "仅", "僅", "才", "唯", "单", "單"];

/// Whether `一` before `next` (the character after it) is the indefinite determiner rather than
/// a count: a classifier follows and no focus word (`只`, `仅`) stands right before it.
///
/// ```
/// use claimx_lang::zh::indefinite_yi;
/// assert!(indefinite_yi("成立了", Some('家')));
/// assert!(!indefinite_yi("只看到了警方的", Some('条')));
/// assert!(!indefinite_yi("只有", Some('句')));
/// assert!(!indefinite_yi("成立了", Some('年')));
/// ```
pub fn indefinite_yi(before: &str, next: Option<char>) -> bool {
    let Some(c) = next else { return false };
    if !CLASSIFIERS.contains(&c) {
        return false;
    }
    // `只有一句`, `仅一家`, `只看到了…一条`: the focus word opens the clause part before `一`.
    let clause = before
        .rsplit(['，', '。', '；', ',', ';', '：', '、'])
        .next()
        .unwrap_or(before);
    let from = clause.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
    !ONLY.iter().any(|o| clause[from..].contains(o))
}

/// What a Chinese number counts, from the text right after it (guideline, second edition):
/// the noun after an optional classifier (`11起案件` → `案件`, `一条官方微博` → `官方微博`),
/// else the classifier alone (`5伙` → `伙`); never a bound word (`多`, `余`, `左右`), a range
/// word (`至`, `到`) or an adjective (`五大银行` → `银行`). Nouns are jieba's (`n…` tags);
/// up to three nouns in a row make one phrase.
///
/// ```
/// use claimx_lang::zh::counted_noun;
/// assert_eq!(counted_noun("起案件被查"), Some("案件"));
/// assert_eq!(counted_noun("伙分层，"), Some("分层"));
/// assert_eq!(counted_noun("伙，另"), Some("伙"));
/// assert_eq!(counted_noun("大银行之一"), Some("银行"));
/// assert_eq!(counted_noun("至20人"), None);
/// assert_eq!(counted_noun("，然后"), None);
/// ```
pub fn counted_noun(after: &str) -> Option<&str> {
    let mut rest = after;
    for bound in ["左右", "多", "余", "餘", "几", "幾"] {
        rest = rest.strip_prefix(bound).unwrap_or(rest);
    }
    let skipped = after.len() - rest.len();
    let c = rest.chars().next()?;
    if !crate::script::is_han(c) || matches!(c, '至' | '到' | '比' | '和' | '与' | '或') {
        return None;
    }
    // a bounded look-ahead
    let mut window = &rest[..claimx_doc::floor_char_boundary(rest, 48)];
    // a clause ends the look-ahead
    if let Some(p) = window.find(['，', '。', '；', '、', '：', '（', '(']) {
        window = &window[..p];
    }
    // `大` after a numeral (`五大银行`): an adjective of the count, skipped
    let mut offset = 0;
    if window.starts_with('大') {
        offset = '大'.len_utf8();
    }
    // a classifier or measure word binds to the numeral before it: split off before the
    // segmenter sees it (`5伙分层` is 伙 + 分层, not 伙分层)
    let mut classifier = None;
    let head = window[offset..].chars().next()?;
    if CLASSIFIERS.contains(&head) || MEASURE_WORDS.contains(&head) {
        classifier = Some((offset, offset + head.len_utf8()));
        offset += head.len_utf8();
    }
    let words: Vec<Word> = words(&window[offset..])
        .into_iter()
        .map(|w| Word {
            start: w.start + offset,
            end: w.end + offset,
            tag: w.tag,
        })
        .collect();
    let mut k = 0;
    if classifier.is_none() {
        if let Some(w) = words.first().filter(|w| w.tag.starts_with('q')) {
            classifier = Some((w.start, w.end));
            k = 1;
        }
    }
    // a measure word that is itself the noun (`两人`, `25岁`) takes no noun after it
    if classifier.is_some_and(|(s, e)| matches!(&window[s..e], "人" | "岁" | "歲" | "倍")) {
        let (s, e) = classifier?;
        return Some(&after[skipped + s..skipped + e]);
    }
    let first = k;
    while k < words.len() && k < first + 3 && words[k].tag.starts_with('n') {
        k += 1;
    }
    let (s, e) = if k > first {
        (words[first].start, words[k - 1].end)
    } else {
        classifier?
    };
    Some(&after[skipped + s..skipped + e])
}

/// A word of Chinese text: byte range and part of speech.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Start, in bytes.
    pub start: usize,
    /// End (exclusive), in bytes.
    pub end: usize,
    /// jieba's part-of-speech tag (the ICTCLAS set: `m` numeral, `mq` numeral with
    /// classifier, `q` classifier, `t` time word, `n` noun, `v` verb, `d` adverb, …).
    pub tag: String,
}

impl Word {
    /// Whether the word is a verb, adverb, conjunction, preposition, pronoun, particle,
    /// interjection, onomatopoeia or status word: a word that is no quantity even when it
    /// starts with a numeral (`一直`, `参与`, `万一`). (Idioms are left out: jieba's dictionary
    /// tags some counts as idioms, `两万人`.)
    pub fn is_function_or_verb(&self) -> bool {
        // (`eng` is a Latin-script word, `CPI`, `iPhone`: a name or a noun, not the
        // interjection tag `e`)
        self.tag != "eng"
            && self
                .tag
                .starts_with(['v', 'd', 'c', 'p', 'r', 'u', 'e', 'y', 'o', 'z'])
    }

    /// Whether the word is a noun of any kind (`n`, `nr`, `ns`, `nt`, `nz`, …) or an
    /// abbreviation (`j`: `研发`, `发改委`), which jieba tags apart.
    pub fn is_noun(&self) -> bool {
        self.tag.starts_with('n') || self.tag == "j"
    }

    /// Whether the word can head a noun phrase: a noun ([`Self::is_noun`]) or a Latin-script
    /// word (`eng`: `66B`, `CPI`).
    pub fn heads_a_noun_phrase(&self) -> bool {
        self.is_noun() || self.tag == "eng"
    }
}

fn segmenter() -> &'static jieba_rs::Jieba {
    static JIEBA: std::sync::OnceLock<jieba_rs::Jieba> = std::sync::OnceLock::new();
    // the dictionary is embedded (jieba-rs default-dict): nothing is read or downloaded
    JIEBA.get_or_init(jieba_rs::Jieba::new)
}

/// The text in Simplified characters, byte for byte at the same offsets: Traditional
/// characters mapped one to one (fast2s' table, with its context rules for ambiguous ones);
/// the text itself when nothing changes. The model and the segmenter were trained on
/// Simplified text; offsets into the result are offsets into the input.
///
/// ```
/// use claimx_lang::zh::to_simplified;
///
/// let text = "香港經濟增長了5%。";
/// let simple = to_simplified(text);
/// assert_eq!(simple, "香港经济增长了5%。");
/// assert_eq!(simple.len(), text.len());
/// assert_eq!(to_simplified("Amazon"), "Amazon");
/// ```
pub fn to_simplified(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(crate::script::is_han) {
        return std::borrow::Cow::Borrowed(text);
    }
    let converted = fast2s::convert(text);
    // the table maps 3-byte characters to 3-byte characters; were that ever not so, offsets
    // would break: keep the text as it is
    let same_layout = converted.len() == text.len()
        && converted
            .char_indices()
            .zip(text.char_indices())
            .all(|((a, x), (b, y))| a == b && x.len_utf8() == y.len_utf8());
    if same_layout && converted != text {
        std::borrow::Cow::Owned(converted)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The words of a Chinese text with their parts of speech, in order, covering it (jieba-rs:
/// its dictionary and an HMM for unknown words). Non-Chinese runs come back as words too.
///
/// ```
/// use claimx_lang::zh::words;
///
/// let text = "他进一步说明";
/// let found: Vec<&str> = words(text).iter().map(|w| &text[w.start..w.end]).collect();
/// assert!(found.contains(&"进一步"));
/// ```
pub fn words(text: &str) -> Vec<Word> {
    segmenter()
        .tag(text, true)
        .into_iter()
        .map(|t| Word {
            start: t.byte_start,
            end: t.byte_end,
            tag: t.tag.to_string(),
        })
        .collect()
}
