//! Dates, times and durations, absolute and relative, in de / en / zh.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use claimx_doc::{Bound, FigureType, FigureValue};
use claimx_lang::calendar::{next_weekday, prev_weekday, PeriodShift};
use regex::Regex;
use std::sync::OnceLock;

/// A date-like match in byte offsets relative to the scanned text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMatch {
    /// Start, in bytes.
    pub start: usize,
    /// End (exclusive), in bytes.
    pub end: usize,
    /// `DATE`, `TIME` or `DURATION`.
    pub kind: FigureType,
    /// The ISO 8601 value; none when it needs a publication date that is missing.
    pub value: Option<FigureValue>,
    /// The last month of a period written as its first (`3. Quartal 2015`: value `2015-07`,
    /// upper `2015-09`), as ranges carry their upper end (guideline, second edition).
    pub upper: Option<FigureValue>,
    /// How the period relates to the one meant: `2005年8月以后` (after, `gt`), `两周内`
    /// (within, `le`), `半年多` (more than, `gt`).
    pub bound: Option<Bound>,
}

/// A period's first and last month as ISO 8601 months (`2015`, 7 to 9 → `2015-07`,
/// `2015-09`): quarters and half-years are ranges of months.
fn month_range(
    year: Option<i32>,
    first: i32,
    last: i32,
) -> (Option<FigureValue>, Option<FigureValue>) {
    let month = |m: i32| year.map(|y| FigureValue::Text(format!("{y:04}-{m:02}")));
    (month(first), month(last))
}

const MONTHS_DE: &str =
    "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";
const MONTHS_EN: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.";
const NUM_WORDS: &str = "a couple of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a|an|ein|eine|einen|einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert";

/// The number of a German or English month name or abbreviation (`Sept.` → 9).
pub fn month_number(name: &str) -> Option<u32> {
    claimx_lang::calendar::month(name).map(|m| m.number)
}

fn weekday(name: &str) -> Option<Weekday> {
    claimx_lang::calendar::weekday(name)
}

fn small_number(w: &str) -> Option<f64> {
    let l = w.to_lowercase();
    if let Ok(v) = l.parse::<f64>() {
        return Some(v);
    }
    match l.as_str() {
        "a" | "an" | "ein" | "eine" | "einen" | "einem" => Some(1.0),
        // about two: the figure says so with its bound
        "a couple of" => Some(2.0),
        _ => crate::numbers::en_small(&l)
            .or_else(|| crate::numbers::de_word(&l))
            .or_else(|| crate::numbers::parse_zh(&l)),
    }
}

struct Patterns {
    iso: Regex,
    de_numeric: Regex,
    slash: Regex,
    day_month: Regex,
    month_day: Regex,
    month_year: Regex,
    month_alone: Regex,
    zh_date: Regex,
    time: Regex,
    clock_words: Regex,
    noon: Regex,
    at_hour_part: Regex,
    time_ampm: Regex,
    time_uhr_dot: Regex,
    weekday: Regex,
    zh_weekday: Regex,
    weekend: Regex,
    relative: Regex,
    part_of_day: Regex,
    ordinal_day_month: Regex,
    zh_relative: Regex,
    half_year: Regex,
    de_relative_word: Regex,
    quarter: Regex,
    zh_time: Regex,
    zh_month: Regex,
    zh_day: Regex,
    duration: Regex,
    duration_adj: Regex,
    zh_duration: Regex,
    zh_first_months: Regex,
    zh_year_edge: Regex,
    zh_year_range: Regex,
    year_pair: Regex,
    zh_this_and_next_year: Regex,
    zh_narrative_day: Regex,
    period_shift: Regex,
    zh_period_shift: Regex,
    fiscal_quarter: Regex,
    qualified_month: Regex,
    vague_periods: Regex,
    season: Regex,
    first_part_of_year: Regex,
    past_years: Regex,
    before_last: Regex,
    de_day_month_numeric: Regex,
    holiday: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        // digits are ASCII digits: `\d` would take any script's (`٤0:20`), which the
        // conversions after a match do not read
        let r = |s: &str| Regex::new(&s.replace(r"\d", "[0-9]")).expect("date pattern");
        Patterns {
            iso: r(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
            de_numeric: r(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b"),
            slash: r(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b"),
            // English names first: `Januar` is no `January` cut short
            day_month: r(&format!(r"\b(\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?({MONTHS_EN}|{MONTHS_DE})(?:,?\s+(\d{{4}}))?")),
            month_day: r(&format!(r"\b({MONTHS_EN})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?")),
            month_year: r(&format!(r"\b({MONTHS_DE}|{MONTHS_EN})\s+(\d{{4}})\b")),
            month_alone: r(&format!(r"\b(?:[Ii]m|[Ii]n|[Ss]eit|[Bb]is|[Aa]nfang|[Ee]nde|[Mm]itte|[Ss]ince|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-?|[Ll]ast|[Nn]ext|[Tt]his|[Ss]chon im|[Vv]om|[Aa]b|[Dd]iese[nm])\s+({MONTHS_DE}|{MONTHS_EN})\b")),
            zh_date: r(r"([0-9０-９]{2,4}|[〇零一二三四五六七八九]{2,4})年(?:([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[日号])?)?|([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[日号](?:晚间|晚上|上午|下午|凌晨|早上|早间|中午|傍晚|夜间|晚)?"),
            time: r(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?Uhr\b)?"),
            // `3 Uhr`, `drei Uhr`, `three o'clock`, `halb drei`, `Viertel nach drei`, `half past
            // two`, `a quarter to five`, and the part of the day after (`abends`, `in the
            // evening`)
            clock_words: r(r"\b(?:(?P<frac>[Hh]alb|[Vv]iertel\s+(?:nach|vor)|[Dd]reiviertel|[Hh]alf\s+past|(?:[Aa]\s+)?[Qq]uarter\s+(?:past|after|to|before))\s+(?P<fh>[A-Za-zäöüß]+|\d{1,2})(?:\s?(?:Uhr|o['’]clock)\b)?|(?P<h>[A-Za-zäöüß]+|\d{1,2})\s?(?:Uhr|o['’]clock)\b)(?:\s+(?P<part>(?i:morgens|früh|vormittags|mittags|nachmittags|abends|nachts|am\s+(?:morgen|vormittag|mittag|nachmittag|abend)|in\s+der\s+nacht|in\s+the\s+(?:morning|afternoon|evening)|at\s+night)))?"),
            // `at 9 in the morning`, `at eleven at night`: a bare hour is a clock reading
            // when the part of the day follows it
            at_hour_part: r(r"\b[Aa]t\s+(\d{1,2}|[A-Za-z]+)\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b"),
            // `at noon`, `um Mitternacht`: only after a preposition of time
            noon: r(r"\b(?:[Aa]t|[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Ff]rom|[Aa]round|[Ss]ince|[Uu]m|[Gg]egen|[Bb]is|[Aa]b|[Nn]ach|[Vv]or)\s+(noon|midday|midnight|Mitternacht)\b"),
            // `2:30 p.m.`, `2:30pm`, `3 PM`, `11 a.m.`
            time_ampm: r(r"\b(\d{1,2})(?::(\d{2}))?\s?(?:([ap])\.m\.|([ap])m\b|([AP])\.M\.|([AP])M\b)"),
            // the German way: `14.30 Uhr`, `9.15 Uhr`
            time_uhr_dot: r(r"\b(\d{1,2})\.(\d{2})\s?Uhr\b"),
            weekday: r(r"\b(?:(kommenden|nächsten|next|coming|vergangenen|letzten|last)\s+)?(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:morgen|vormittag|mittag|nachmittag|abend|nacht)?(?:\s+(?:morning|afternoon|evening|night))?\b"),
            zh_weekday: r(r"(上|下|本|这)?(?:周|星期|礼拜)([一二三四五六日天])"),
            weekend: r(r"\b(?:(vergangenen|letzten|kommenden|nächsten|last|next|this|coming)\s+)?(Wochenende|weekend)\b"),
            relative: r(r"\b(?:([Ee]arlier|[Ll]ater)\s+this\s+(year|month|week)|(?:([Vv]ergangene[nrsm]?|[Ll]etzte[nrsm]?|[Vv]orige[nrsm]?|[Kk]ommende[nrsm]?|[Nn]ächste[nrsm]?|[Ll]aufende[nrsm]?|[Dd]iese[nms]?)\s+((?:Geschäfts)?[Jj]ahr(?:es)?|Monat(?:s)?|Woche)\b)|(?:([Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+((?:fiscal\s+)?year|month|week))|(?:([Aa]nfang|[Ee]nde|[Mm]itte)\s+(des|der|dieses|dieser|vergangenen|letzten|vorigen|nächsten|kommenden)\s+(Jahres|Monats|Woche))|\b([Gg]estern|[Hh]eute|morgen|[Yy]esterday|[Tt]oday|[Tt]omorrow)\b|(?:(?:[Ee]nd|[Ss]tart|[Bb]eginning|[Mm]iddle)\s+of\s+(the|this|next|last)\s+(year|month|week)\b))"),
            // the day as an ordinal word: `the twenty-first of August`, `am zweiten Mai`
            ordinal_day_month: r(&format!(r"\b([A-Za-zäöüß]+(?:-[a-z]+)?)\s+(?:of\s+)?({MONTHS_EN}|{MONTHS_DE})\b(?:,?\s+(\d{{4}})\b)?")),
            // `this morning`, `tonight`, `last night`, `yesterday evening`, `heute Morgen`,
            // `gestern Abend`: the day, with its part
            part_of_day: r(r"\b(?:(?P<en>[Tt]his|[Yy]esterday|[Tt]omorrow|[Ll]ast)\s+(?:morning|afternoon|evening|night)|(?P<tonight>[Tt]onight)|(?P<de>[Hh]eute|[Gg]estern|[Mm]orgen)\s+(?:[Ff]rüh|Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht))\b"),
            zh_relative: r(r"(下一年|去年|今年|明年|前年|前天|后天|昨天|今天|明天|昨晚|昨夜|昨日|今晨|今早|今日|上周|下周|本周|上个月|下个月|本月|上月|下月)"),
            // 上半年, 2009年上半年, 今年上半年, first half of 2021, ersten Hälfte des Jahres 2021,
            // zweiten Halbjahr, H1 2021
            // the second half of the year, this year's first half, zweite Jahreshälfte,
            // 2. Halbjahr, im ersten Halbjahr des laufenden Jahres; not `the first half` alone
            // (a match's half)
            half_year: r(r"(?:(?P<zy>\d{4})年|(?P<zrel>今年|去年|明年))?(?P<zh>上|下)半年|\b(?:(?:(?P<enpre>[Tt]his|[Ll]ast|[Nn]ext)\s+year['’]s\s+)?(?P<en>first|second)\s+half(?:\s+of\s+(?:(?:(?:(?P<enrel>the|this|last|next)\s+)?(?:calendar\s+)?year\b(?:\s+(?P<ey1>\d{4}))?)|(?P<ey2>\d{4})))?|(?P<de>erste[nrs]?|zweite[nrs]?|[12]\.)\s+(?:Hälfte|Halbjahr(?:es|s)?|Jahreshälfte)(?:\s+des\s+(?:(?P<derel>laufenden|vergangenen|kommenden|nächsten|letzten|vorigen)\s+)?(?:Kalender|Geschäfts)?[Jj]ahres)?(?:\s+(?P<dy>\d{4}))?|H(?P<h>[12])(?:\s+(?P<hy>\d{4}))?)\b"),
            // heuer (Austrian "this year"), Vorwoche; Vorjahr and its kin are period shifts
            de_relative_word: r(r"\b(?:([Hh]euer)|(Vorwoche))\b"),
            // `next March`, `last May`, `kommenden März`, `vergangenen Mai`: the next or last
            // such month from the publication, the qualifier part of the date
            qualified_month: r(&format!(r"\b([Nn]ext|[Ll]ast|[Kk]ommenden|[Nn]ächsten|[Vv]ergangenen|[Ll]etzten|[Vv]origen)\s+({MONTHS_EN}|{MONTHS_DE})\b")),
            // the coming months, in den nächsten Wochen, in recent years: periods without
            // edges, dates without a value
            vague_periods: r(&format!(
                r"(?i)\b(?:{})\s+(?:{})\b",
                claimx_lang::calendar::VAGUE_QUALIFIERS.join("|").replace(' ', r"\s+"),
                claimx_lang::calendar::VAGUE_UNITS.join("|")
            )),
            // vergangenen Frühjahr, letzten Sommer, diesen Herbst, last spring, this summer,
            // next fall: the season's year
            season: r(r"\b([Vv]ergangenen|[Ll]etzten|[Vv]origen|[Dd]iesen|[Kk]ommenden|[Nn]ächsten|[Ll]ast|[Tt]his|[Nn]ext)\s+(Frühjahr|Frühling|Sommer|Herbst|Winter|spring|summer|autumn|fall|winter)\b"),
            // ersten drei Quartale (2015), ersten neun Monate, first nine months (of 2015),
            // first three quarters: January to the period's last month
            first_part_of_year: r(&format!(r"\b(?:ersten|first)\s+({NUM_WORDS}|\d{{1,2}})\s+(Quartale|Monate|quarters|months)(?:\s+(?:des\s+Jahres|of\s+(?:the\s+)?year))?(?:\s+(?:of\s+)?(\d{{4}}))?\b")),
            // im vorletzten Jahr, vorletzte Woche, the year before last: two back
            before_last: r(r"\b(?:([Vv]orletzte[nrsm]?)\s+((?:Geschäfts)?[Jj]ahr(?:es)?|Monat(?:s)?|Woche)|(year|month|week)\s+before\s+last)\b"),
            // `am 22.04.`, `bis zum 28.10`: day and month in digits after a preposition of
            // time (German writes decimals with a comma, so after `am` this is a date)
            de_day_month_numeric: r(r"\b(?:[Aa]m|[Vv]om|[Bb]is(?:\s+zum)?|[Zz]um|[Aa]b|[Ss]eit|[Dd]en)\s+(\d{1,2})\.(\d{1,2})(?:\.|\b)"),
            // named holidays (`an Heiligabend`, `Christmas Eve 2020`, `国庆节`), longest first,
            // with a year after them
            holiday: {
                // Han names have no word edges; Latin ones match whole words, any apostrophe
                let (han, latin): (Vec<&str>, Vec<&str>) = claimx_lang::calendar::holiday_names()
                    .into_iter()
                    .partition(|n| n.chars().any(claimx_lang::script::is_han));
                let latin: Vec<String> = latin
                    .iter()
                    .map(|n| regex::escape(n).replace('\'', "['’]").replace(' ', r"\s+"))
                    .collect();
                let han: Vec<String> = han.iter().map(|n| regex::escape(n)).collect();
                r(&format!(
                    r"(?:\b(?:{})\b|{})(?:\s+(\d{{4}})\b)?",
                    latin.join("|"),
                    han.join("|")
                ))
            },
            // die vergangenen zwei Jahre, the past three years: the years before the
            // publication's
            past_years: r(&format!(r"\b(?:[Vv]ergangenen|[Ll]etzten|[Pp]ast|[Ll]ast)\s+({NUM_WORDS}|\d{{1,2}})\s+(Jahre|years)\b")),
            // a quarter of a fiscal year: `zweiten Quartal des Geschäftsjahres 2019/2020`,
            // `fiscal first quarter`, `Q2 of fiscal 2021`, `2021财年第一季度`; its months
            // depend on where the company's year starts, which the text rarely says
            fiscal_quarter: r(r"(?:\b(?:ersten|zweiten|dritten|vierten|[1-4]\.)\s+(?:(?:Geschäfts)?[Qq]uartals?\s+(?:des\s+)?(?:(?:laufenden|vergangenen|abgelaufenen|neuen)\s+)?(?:Geschäfts|Fiskal)jahr(?:es|s)?(?:\s+\d{4}(?:\s?/\s?\d{2,4})?)?|Geschäftsquartals?)|\b[Ff]iscal\s+(?:first|second|third|fourth)\s+quarter(?:\s+(?:of\s+)?\d{4})?|\b(?:first|second|third|fourth)\s+quarter\s+of\s+(?:the\s+|its\s+)?(?:fiscal(?:\s+year)?|FY)\s*(?:\d{4}|'?\d{2})?|\bQ[1-4]\s+(?:of\s+)?(?:fiscal\s+|FY\s*)'?\d{2,4}|(?:\d{4})?(?:财年|财政年度|会计年度)第?[一二三四1-4]季度)"),
            // 3. Quartal, ersten Quartal 2020, first quarter of 2021, Q1 2020, 2009年一季度, 四季度
            quarter: r(r"(?:\b(?:(ersten|zweiten|dritten|vierten|first|second|third|fourth)|([1-4])\.)\s+(?:Quartals?|quarter)(?:\s+(?:of\s+)?(\d{4}))?\b|\bQ([1-4])(?:\s+(\d{4}))?\b|(?:(\d{4})年)?第?([一二三四1-4])季度)"),
            // 21时14分, 下午6点多, 20时许, 23点30分, 九点半
            zh_time: r(r"(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜间|夜里)?([0-9０-９]{1,2}|[零一二两三四五六七八九十]{1,3})(?:时|点)(?:([0-9０-９]{1,2}|[零一二三四五六七八九十]{1,3})分|(半))?(许|左右|多)?"),
            // 5月, 6月份, 11月中旬 (a month without its year or day)
            zh_month: r(r"([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(份)?(上旬|中旬|下旬|初|底|末)?"),
            // 23日 (a day without its month)
            zh_day: r(r"([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日"),
            // the count capitalised too, as at a sentence's start (`Two years ago`)
            duration: r(&format!(r"\b(\d+(?:[.,]\d+)?|(?i:{NUM_WORDS}))\s+(Tage?n?|Wochen|Monate?n?|Jahre?n?|Stunden|Minuten|Jahrzehnte?n?|days?|weeks?|months?|years?|hours?|minutes?|decades?)\b")),
            duration_adj: r(&format!(r"(?i)\b(\d+|{NUM_WORDS})-(day|week|month|year|hour|minute|decade|tägige[nmrs]?|wöchige[nmrs]?|monatige[nmrs]?|jährige[nmrs]?|Jahres|Monats|Tages|Wochen|Stunden)\b")),
            zh_duration: r(r"([0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十百]+|半)([多余几])?(个[多余]?月|天|周|个?[多余]?小时|分钟|个?[多余]?星期|年)"),
            // 2007年前9个月, 今年前4个月, 2008年前三季度: the first months of a year
            zh_first_months: r(r"(?:([0-9]{4})年|(今年|去年|明年))前([0-9]{1,2}|[一二三四五六七八九十]{1,3})(个月|季度)"),
            // 2007年年底, 2007年底, 今年年初, 年末: the end or start of a year
            zh_year_edge: r(r"(?:([0-9]{4})年|(今年|去年|明年|前年))年?(底|末|初)|年(底|末|初)"),
            // 2005年-2008年, 2005至2008年
            zh_year_range: r(r"([0-9]{4})年?\s*[-–—~～至到]\s*([0-9]{4})年"),
            // a season or a split year: `2022/23`, `2019/2020`
            year_pair: r(r"\b((?:19|20)\d{2})\s?/\s?((?:19|20)?\d{2})\b"),
            zh_this_and_next_year: r(r"今明两?年"),
            // that night, the next day: days of the story, not of the publication
            zh_narrative_day: r(r"当晚|当天|当日|当夜|翌日|次日|同日|隔天|隔日"),
            period_shift: r(&shift_pattern(&[
                claimx_lang::de::PERIOD_SHIFTS,
                claimx_lang::en::PERIOD_SHIFTS,
            ], true)),
            zh_period_shift: r(&shift_pattern(&[claimx_lang::zh::PERIOD_SHIFTS], false)),
        }
    })
}

/// One alternation of the language crate's period shifts, longest first, spaces as runs of
/// white space; between word boundaries and case-blind where words are spaced.
fn shift_pattern(tables: &[&[(&str, PeriodShift)]], spaced: bool) -> String {
    let mut words: Vec<&str> = tables.iter().flat_map(|t| t.iter().map(|w| w.0)).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let alternation = words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    if spaced {
        format!(r"(?i)\b(?:{alternation})\b")
    } else {
        format!("(?:{alternation})")
    }
}

/// What a period shift gives without the text's reporting period: the publication's
/// period shifted, where that is what the words mostly mean (`Vorjahr` in a text about the
/// current year); the month shifts name a month the publication does not tell, so none.
/// [`crate::resolve_period_shifts`] replaces it once the document's own dates are known.
fn shift_from_publication(
    r: NaiveDate,
    shift: PeriodShift,
) -> (Option<FigureValue>, Option<FigureValue>) {
    match shift {
        PeriodShift::PreviousYear | PeriodShift::SamePeriodPreviousYear => (
            Some(FigureValue::Text(format!("{:04}", r.year() - 1))),
            None,
        ),
        PeriodShift::PreviousQuarter => {
            let q0 = r.year() * 4 + (r.month0() / 3) as i32 - 1;
            let q = q0.rem_euclid(4) + 1;
            month_range(Some(q0.div_euclid(4)), 3 * q - 2, 3 * q)
        }
        PeriodShift::PreviousMonth | PeriodShift::SameMonthPreviousYear => (None, None),
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<FigureValue> {
    NaiveDate::from_ymd_opt(y, m, d).map(day_value)
}

/// A day as a figure's value (`2021-06-16`).
fn day_value(d: NaiveDate) -> FigureValue {
    FigureValue::Text(d.format("%Y-%m-%d").to_string())
}

fn two_digit_year(y: i32) -> i32 {
    if y < 100 {
        if y < 50 {
            2000 + y
        } else {
            1900 + y
        }
    } else {
        y
    }
}

/// Whether `before` ends in a digit or a Chinese numeral (the match after it would cut a
/// number).
fn ends_in_numeral(before: &str) -> bool {
    before.chars().next_back().is_some_and(|c| {
        c.is_ascii_digit() || matches!(c, '０'..='９') || crate::numbers::is_zh_numeral(c)
    })
}

/// Two neighbouring numerals side by side are an estimate, not digits: `两三个月` is two or
/// three months (a range: 2 to 3), `三五天` three to five days.
fn approximate_pair(s: &str) -> Option<(f64, f64)> {
    let mut chars = s.chars();
    let (a, b) = (chars.next()?, chars.next()?);
    if chars.next().is_some() {
        return None;
    }
    let (x, y) = (crate::numbers::zh_digit(a)?, crate::numbers::zh_digit(b)?);
    (x >= 1.0 && (y == x + 1.0 || (x, y) == (3.0, 5.0))).then_some((x, y))
}

/// The year of the latest period starting in `first_month` that has begun by `r`.
fn latest_start(r: NaiveDate, first_month: u32) -> i32 {
    if first_month > r.month() {
        r.year() - 1
    } else {
        r.year()
    }
}

/// The date `n` units (`Y`, `M`, `W`, `D`) before `r`, as precise as the unit: `两年前` is a
/// year, `三个月前` a month, `五天前` a day.
fn units_before(r: NaiveDate, n: i64, code: char) -> Option<FigureValue> {
    let text = match code {
        'Y' => format!("{:04}", r.year() as i64 - n),
        'M' => {
            let m0 = r.year() as i64 * 12 + r.month0() as i64 - n;
            format!("{:04}-{:02}", m0.div_euclid(12), m0.rem_euclid(12) + 1)
        }
        'W' => (r - Duration::weeks(n)).format("%Y-%m-%d").to_string(),
        'D' => (r - Duration::days(n)).format("%Y-%m-%d").to_string(),
        _ => return None,
    };
    Some(FigureValue::Text(text))
}

/// Whether `before` ends in a number or a decimal point: a match after it would read the
/// number's last digits (`3.5点`, `1.5小时`).
fn follows_a_number(before: &str) -> bool {
    ends_in_numeral(before) || before.ends_with(['.', '．'])
}

fn zh_num(s: &str) -> Option<u32> {
    let ascii: String = s.chars().map(crate::numbers::fullwidth_to_ascii).collect();
    if let Ok(v) = ascii.parse() {
        return Some(v);
    }
    // Years are read digit by digit (二〇二五), other parts as numbers (二十四).
    if s.chars().count() >= 2 && !s.contains('十') {
        let mut v = 0u32;
        for c in s.chars() {
            v = v * 10 + crate::numbers::zh_digit(c)? as u32;
        }
        return Some(v);
    }
    crate::numbers::parse_zh(s).map(|v| v as u32)
}

/// Find dates, times and durations in `text`; relative expressions resolve against `reference`.
pub fn find_dates(text: &str, reference: Option<NaiveDate>) -> Vec<DateMatch> {
    let p = patterns();
    let mut out: Vec<DateMatch> = Vec::new();
    // Occupied ranges, for O(log n) overlap checks on very long texts.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    // Pushes unless the span overlaps one already taken; says whether it did.
    let mut push = |out: &mut Vec<DateMatch>,
                    start: usize,
                    end: usize,
                    kind: FigureType,
                    value: Option<FigureValue>| {
        let overlaps = taken
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| e > start);
        if !overlaps {
            taken.insert(start, end);
            out.push(DateMatch {
                start,
                end,
                kind,
                value,
                upper: None,
                bound: None,
            });
        }
        !overlaps
    };
    let num = |c: Option<regex::Match>| c.and_then(|m| m.as_str().parse::<i32>().ok());

    // the year a Chinese period names: its digits, a relative year word, or the publication's
    let zh_year = |digits: Option<regex::Match>, word: Option<regex::Match>| -> Option<i32> {
        if let Some(d) = digits {
            return d.as_str().parse().ok();
        }
        let r = reference?;
        Some(match word.map(|w| w.as_str()) {
            Some("去年") => r.year() - 1,
            Some("明年") => r.year() + 1,
            Some("前年") => r.year() - 2,
            _ => r.year(),
        })
    };
    // periods named by their distance from the reporting period first: `去年同期` is one,
    // not `去年` and a word; `a year earlier` is no duration
    for m in p
        .period_shift
        .find_iter(text)
        .chain(p.zh_period_shift.find_iter(text))
    {
        let Some(shift) = claimx_lang::calendar::period_shift(m.as_str()) else {
            continue;
        };
        // `the year before last` is two years back
        if m.as_str().eq_ignore_ascii_case("year before") && text[m.end()..].starts_with(" last") {
            continue;
        }
        let (value, upper) = reference.map_or((None, None), |r| shift_from_publication(r, shift));
        if push(&mut out, m.start(), m.end(), FigureType::Date, value) {
            out.last_mut().expect("just pushed").upper = upper;
        }
    }
    // Chinese periods of a year first: their parts are no years, quarters or counts of their
    // own (`2007年前9个月` is January to September 2007, not 2007 and nine months)
    for c in p.zh_first_months.captures_iter(text) {
        let m = c.get(0).unwrap();
        let Some(n) = c.get(3).and_then(|x| zh_num(x.as_str())) else {
            continue;
        };
        let last = if c.get(4).unwrap().as_str() == "季度" {
            3 * n
        } else {
            n
        };
        if !(1..=12).contains(&last) {
            continue;
        }
        let (value, upper) = month_range(zh_year(c.get(1), c.get(2)), 1, last as i32);
        if push(&mut out, m.start(), m.end(), FigureType::Date, value) {
            out.last_mut().expect("just pushed").upper = upper;
        }
    }
    for c in p.zh_year_edge.captures_iter(text) {
        let m = c.get(0).unwrap();
        // `十年底` is no year's end
        if c.get(4).is_some() && ends_in_numeral(&text[..m.start()]) {
            continue;
        }
        let edge = c.get(3).or(c.get(4)).unwrap().as_str();
        let month = if edge == "初" { 1 } else { 12 };
        let v =
            zh_year(c.get(1), c.get(2)).map(|y| FigureValue::Text(format!("{y:04}-{month:02}")));
        push(&mut out, m.start(), m.end(), FigureType::Date, v);
    }
    for c in p.zh_year_range.captures_iter(text) {
        let m = c.get(0).unwrap();
        let (Some(a), Some(b)) = (num(c.get(1)), num(c.get(2))) else {
            continue;
        };
        if a < b && b - a < 100 && push(&mut out, m.start(), m.end(), FigureType::Date, None) {
            let last = out.last_mut().expect("just pushed");
            last.value = Some(FigureValue::Text(format!("{a:04}")));
            last.upper = Some(FigureValue::Text(format!("{b:04}")));
        }
    }
    for m in p.zh_this_and_next_year.find_iter(text) {
        let year = |d: i32| reference.map(|r| FigureValue::Text(format!("{:04}", r.year() + d)));
        if push(&mut out, m.start(), m.end(), FigureType::Date, year(0)) {
            out.last_mut().expect("just pushed").upper = year(1);
        }
    }
    // half-years, as quarters: the range of their months
    for c in p.half_year.captures_iter(text) {
        let m = c.get(0).unwrap();
        let named = |g: &str| c.name(g).map(|x| x.as_str());
        // English `first half` needs a year after it or before it (`this year's first half`)
        if named("en").is_some()
            && named("enpre").is_none()
            && named("enrel").is_none()
            && !m.as_str().contains("year")
            && named("ey2").is_none()
        {
            continue;
        }
        // and German `Hälfte` the year it halves (`in der ersten Hälfte` may be a match's)
        if named("de").is_some() && m.as_str().contains("Hälfte") && !m.as_str().contains("ahres")
        {
            continue;
        }
        let second = matches!(named("zh"), Some("下"))
            || matches!(named("en"), Some("second"))
            || named("de").is_some_and(|d| d.starts_with("zweite") || d == "2.")
            || named("h") == Some("2");
        let first_month = if second { 7 } else { 1 };
        let relative = named("zrel")
            .or(named("enpre"))
            .or(named("enrel"))
            .or(named("derel"));
        let shift = match relative.map(str::to_lowercase).as_deref() {
            Some("今年" | "this" | "laufenden") => Some(0),
            Some("去年" | "last" | "vergangenen" | "letzten" | "vorigen") => Some(-1),
            Some("明年" | "next" | "kommenden" | "nächsten") => Some(1),
            _ => None,
        };
        let year = ["zy", "ey1", "ey2", "dy", "hy"]
            .into_iter()
            .find_map(|g| named(g)?.parse::<i32>().ok())
            .or_else(|| {
                let r = reference?;
                Some(match shift {
                    Some(d) => r.year() + d,
                    // without a year, in a clause about the future the half not yet over,
                    // else the latest such half begun by the publication
                    None if in_future_clause(text, m.start(), m.end()) => {
                        r.year() + i32::from(r.month() as i32 > first_month + 5)
                    }
                    None => latest_start(r, first_month as u32),
                })
            });
        let (value, upper) = month_range(year, first_month, first_month + 5);
        if push(&mut out, m.start(), m.end(), FigureType::Date, value) {
            out.last_mut().expect("just pushed").upper = upper;
        }
    }
    for c in p.first_part_of_year.captures_iter(text) {
        let m = c.get(0).unwrap();
        let Some(n) = small_number(c.get(1).unwrap().as_str()) else {
            continue;
        };
        let quarters = matches!(c.get(2).unwrap().as_str(), "Quartale" | "quarters");
        let last = if quarters { 3.0 * n } else { n };
        if !(1.0..=12.0).contains(&last) || last.fract() != 0.0 {
            continue;
        }
        let last = last as i32;
        // without a year, the latest such part of a year that has ended by the publication
        let year = num(c.get(3)).or(reference.map(|r| latest_start(r, last as u32 + 1)));
        let (value, upper) = month_range(year, 1, last);
        if push(&mut out, m.start(), m.end(), FigureType::Date, value) {
            out.last_mut().expect("just pushed").upper = upper;
        }
    }
    for c in p.holiday.captures_iter(text) {
        let m = c.get(0).unwrap();
        // the name as the lists write it: one space between words
        let name = text[m.start()..c.get(1).map_or(m.end(), |y| y.start())]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let Some(rule) = claimx_lang::calendar::holiday(&name) else {
            continue;
        };
        let year = num(c.get(1)).or(reference.map(|r| r.year()));
        let v = year.and_then(|y| rule.date_in(y)).map(day_value);
        push(&mut out, m.start(), m.end(), FigureType::Date, v);
    }
    for c in p.before_last.captures_iter(text) {
        let m = c.get(0).unwrap();
        let unit = c.get(2).or(c.get(3)).unwrap().as_str();
        let v = reference.and_then(|r| resolve_relative(r, "before-last", unit));
        push(&mut out, m.start(), m.end(), FigureType::Date, v);
    }
    for c in p.de_day_month_numeric.captures_iter(text) {
        let (day, month) = (c.get(1).unwrap(), c.get(2).unwrap());
        // `am 22.04.2021` is a whole date (de_numeric), `vom 1.5-fachen` no date
        let rest = &text[month.end()..];
        if rest
            .trim_start_matches('.')
            .starts_with(|ch: char| ch.is_ascii_digit())
            || rest.starts_with(['-', ','])
        {
            continue;
        }
        let (d, mo) = (
            num(Some(day)).unwrap() as u32,
            num(Some(month)).unwrap() as u32,
        );
        // (a day some month has: 29.02 in a leap year)
        if ymd(2000, mo, d).is_none() {
            continue;
        }
        let v = reference.and_then(|r| ymd(r.year(), mo, d));
        push(&mut out, day.start(), month.end(), FigureType::Date, v);
    }
    for c in p.past_years.captures_iter(text) {
        let m = c.get(0).unwrap();
        let Some(n) =
            small_number(c.get(1).unwrap().as_str()).filter(|n| *n >= 2.0 && n.fract() == 0.0)
        else {
            continue;
        };
        let year = |d: i32| reference.map(|r| FigureValue::Text(format!("{:04}", r.year() - d)));
        if push(
            &mut out,
            m.start(),
            m.end(),
            FigureType::Date,
            year(n as i32),
        ) {
            out.last_mut().expect("just pushed").upper = year(1);
        }
    }
    for c in p.qualified_month.captures_iter(text) {
        let m = c.get(0).unwrap();
        let mo = month_number(c.get(2).unwrap().as_str()).unwrap();
        let forward = matches!(
            c.get(1).unwrap().as_str().to_lowercase().as_str(),
            "next" | "kommenden" | "nächsten"
        );
        let v = reference.map(|r| {
            let y = match (forward, mo as i32 - r.month() as i32) {
                (true, d) if d <= 0 => r.year() + 1,
                (true, _) => r.year(),
                (false, d) if d >= 0 => r.year() - 1,
                (false, _) => r.year(),
            };
            FigureValue::Text(format!("{y:04}-{mo:02}"))
        });
        push(&mut out, m.start(), m.end(), FigureType::Date, v);
    }
    for m in p.vague_periods.find_iter(text) {
        push(&mut out, m.start(), m.end(), FigureType::Date, None);
    }
    for c in p.season.captures_iter(text) {
        let m = c.get(0).unwrap();
        let q = c.get(1).unwrap().as_str().to_lowercase();
        let start: i32 = match c.get(2).unwrap().as_str() {
            "Frühjahr" | "Frühling" | "spring" => 3,
            "Sommer" | "summer" => 6,
            "Herbst" | "autumn" | "fall" => 9,
            _ => 12,
        };
        // the year the season starts in: the last one ended by the publication (`vergangenen
        // Frühjahr` said in March 2016 is spring 2015, in November 2015 spring 2015), the next
        // one not yet begun, or this year's
        let v = reference.map(|r| {
            let (y, m) = (r.year(), r.month() as i32);
            let year = match q.as_str() {
                "vergangenen" | "letzten" | "vorigen" | "last" => match start {
                    // winter starts in December: the one under way in December, January
                    // and February is this winter, the last one a year before
                    12 if m <= 2 => y - 2,
                    12 => y - 1,
                    _ if m >= start + 3 => y,
                    _ => y - 1,
                },
                "kommenden" | "nächsten" | "next" => {
                    if m < start {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => y,
            };
            FigureValue::Text(format!("{year:04}"))
        });
        push(&mut out, m.start(), m.end(), FigureType::Date, v);
    }
    for m in p.fiscal_quarter.find_iter(text) {
        push(&mut out, m.start(), m.end(), FigureType::Date, None);
    }
    // quarters first: `2009年一季度` is one date, not a year and a count
    for c in p.quarter.captures_iter(text) {
        let m = c.get(0).unwrap();
        let q = match (c.get(1), c.get(2), c.get(4), c.get(7)) {
            (Some(w), ..) => match w.as_str() {
                "ersten" | "first" => 1,
                "zweiten" | "second" => 2,
                "dritten" | "third" => 3,
                _ => 4,
            },
            (_, Some(d), ..) | (_, _, Some(d), _) => d.as_str().parse().unwrap_or(1),
            (.., Some(z)) => zh_num(z.as_str()).unwrap_or(1),
            _ => continue,
        };
        // without a year, the latest such quarter begun by the publication (`im 3. Quartal`
        // written in March 2016 is 2015's), as a weekday is the one on or before it
        let year = [c.get(3), c.get(5), c.get(6)]
            .into_iter()
            .flatten()
            .find_map(|y| y.as_str().parse::<i32>().ok())
            .or(reference.map(|r| latest_start(r, 3 * q - 2)));
        // a quarter is the range of its months: `3. Quartal 2015` → `2015-07` to `2015-09`
        let q = q as i32;
        let (value, upper) = month_range(year, 3 * q - 2, 3 * q);
        if push(&mut out, m.start(), m.end(), FigureType::Date, value) {
            out.last_mut().expect("just pushed").upper = upper;
        }
    }
    for c in p.iso.captures_iter(text) {
        let m = c.get(0).unwrap();
        push(
            &mut out,
            m.start(),
            m.end(),
            FigureType::Date,
            ymd(
                num(c.get(1)).unwrap(),
                num(c.get(2)).unwrap() as u32,
                num(c.get(3)).unwrap() as u32,
            ),
        );
    }
    for c in p.de_numeric.captures_iter(text) {
        let m = c.get(0).unwrap();
        let (d, mo, y) = (
            num(c.get(1)).unwrap(),
            num(c.get(2)).unwrap(),
            two_digit_year(num(c.get(3)).unwrap()),
        );
        if let Some(v) = ymd(y, mo as u32, d as u32) {
            push(&mut out, m.start(), m.end(), FigureType::Date, Some(v));
        }
    }
    for c in p.slash.captures_iter(text) {
        let m = c.get(0).unwrap();
        let (mo, d, y) = (
            num(c.get(1)).unwrap(),
            num(c.get(2)).unwrap(),
            two_digit_year(num(c.get(3)).unwrap()),
        );
        if let Some(v) = ymd(y, mo as u32, d as u32) {
            push(&mut out, m.start(), m.end(), FigureType::Date, Some(v));
        }
    }
    // a split year (`the 2022/23 season`, `im Schuljahr 2019/2020`): the two years, when
    // the second follows the first
    for c in p.year_pair.captures_iter(text) {
        let m = c.get(0).unwrap();
        let (Some(a), Some(b)) = (num(c.get(1)), num(c.get(2))) else {
            continue;
        };
        let b = if b < 100 { a / 100 * 100 + b } else { b };
        if b == a + 1 && push(&mut out, m.start(), m.end(), FigureType::Date, None) {
            let last = out.last_mut().expect("just pushed");
            last.value = Some(FigureValue::Text(format!("{a:04}")));
            last.upper = Some(FigureValue::Text(format!("{b:04}")));
        }
    }
    for c in p.month_day.captures_iter(text) {
        let m = c.get(0).unwrap();
        let mo = month_number(c.get(1).unwrap().as_str()).unwrap();
        let d = num(c.get(2)).unwrap() as u32;
        let y = num(c.get(3)).or(reference.map(|r| r.year()));
        let v = y.and_then(|y| ymd(y, mo, d));
        if (1..=31).contains(&d) {
            push(&mut out, m.start(), m.end(), FigureType::Date, v);
        }
    }
    for c in p.ordinal_day_month.captures_iter(text) {
        let (word, month) = (c.get(1).unwrap(), c.get(2).unwrap());
        let w = word.as_str().to_lowercase();
        // `twenty-first`: the tens and an ordinal
        let english = match w.split_once('-') {
            Some((tens, unit)) => claimx_lang::numbers::en_tens_ordinal(tens, unit),
            None => claimx_lang::numbers::en_ordinal(&w),
        };
        // English writes `of` between them (`the first May meeting` is no date); a month
        // glued to a noun is no date either (`zweiten Mai-Zahlen`)
        let of = text[word.end()..month.start()].contains("of");
        let day = match english {
            Some(d) if of => Some(d),
            Some(_) => None,
            None => claimx_lang::numbers::de_ordinal(&w).filter(|_| !of),
        };
        let Some(d) = day.filter(|d| d.fract() == 0.0 && (1.0..=31.0).contains(d)) else {
            continue;
        };
        if w.ends_with('s') || text[month.end()..].starts_with('-') {
            continue;
        }
        let m = c.get(0).unwrap();
        let mo = month_number(month.as_str()).unwrap();
        let y = num(c.get(3)).or(reference.map(|r| r.year()));
        let v = y.and_then(|y| ymd(y, mo, d as u32));
        push(&mut out, word.start(), m.end(), FigureType::Date, v);
    }
    for c in p.day_month.captures_iter(text) {
        let m = c.get(0).unwrap();
        let mo = month_number(c.get(2).unwrap().as_str()).unwrap();
        let d = num(c.get(1)).unwrap() as u32;
        if !(1..=31).contains(&d) {
            continue;
        }
        let y = num(c.get(3)).or(reference.map(|r| r.year()));
        push(
            &mut out,
            m.start(),
            m.end(),
            FigureType::Date,
            y.and_then(|y| ymd(y, mo, d)),
        );
    }
    for c in p.month_year.captures_iter(text) {
        let m = c.get(0).unwrap();
        let mo = month_number(c.get(1).unwrap().as_str()).unwrap();
        let y = num(c.get(2)).unwrap();
        push(
            &mut out,
            m.start(),
            m.end(),
            FigureType::Date,
            Some(FigureValue::Text(format!("{y:04}-{mo:02}"))),
        );
    }
    for c in p.month_alone.captures_iter(text) {
        let g = c.get(1).unwrap();
        let mo = month_number(g.as_str()).unwrap();
        let v = reference.map(|r| FigureValue::Text(format!("{:04}-{mo:02}", r.year())));
        push(&mut out, g.start(), g.end(), FigureType::Date, v);
    }
    for c in p.zh_date.captures_iter(text) {
        let m = c.get(0).unwrap();
        // two Arabic digits and 年 alone are years counted (`有期徒刑10年`, `40年新高`); a
        // year written short has its month after it (`98年5月`)
        // (a leading zero writes a year: `08年奥运会`, `07年以后`)
        let short_digits = |y: regex::Match| {
            y.as_str().chars().count() <= 2
                && !y.as_str().starts_with(['0', '０'])
                && y.as_str()
                    .chars()
                    .all(|d| d.is_ascii_digit() || ('０'..='９').contains(&d))
        };
        if c.get(1).is_some_and(short_digits) && c.get(2).is_none() {
            continue;
        }
        let v = if let Some(y) = c.get(1) {
            let y = zh_num(y.as_str()).map(|y| two_digit_year(y as i32));
            match (
                y,
                c.get(2).and_then(|x| zh_num(x.as_str())),
                c.get(3).and_then(|x| zh_num(x.as_str())),
            ) {
                (Some(y), Some(mo), Some(d)) => ymd(y, mo, d),
                (Some(y), Some(mo), None) => Some(FigureValue::Text(format!("{y:04}-{mo:02}"))),
                (Some(y), None, _) => Some(FigureValue::Text(format!("{y:04}"))),
                _ => None,
            }
        } else {
            let mo = c.get(4).and_then(|x| zh_num(x.as_str()));
            let d = c.get(5).and_then(|x| zh_num(x.as_str()));
            match (reference, mo, d) {
                (Some(r), Some(mo), Some(d)) => ymd(r.year(), mo, d),
                _ => None,
            }
        };
        // `6月14日下午6点多`: a clock time after the part of the day takes it (PM)
        let mut end = m.end();
        let clock_next = text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || crate::numbers::is_zh_numeral(c));
        if clock_next {
            const PARTS: &[&str] = &[
                "晚间", "晚上", "上午", "下午", "凌晨", "早上", "早间", "中午", "傍晚", "夜间",
                "晚",
            ];
            if let Some(p) = PARTS.iter().find(|p| m.as_str().ends_with(*p)) {
                end -= p.len();
            }
        }
        push(&mut out, m.start(), end, FigureType::Date, v);
    }
    // after full Chinese dates (which hold months and days), before the number scanner
    for c in p.zh_month.captures_iter(text) {
        let m = c.get(0).unwrap();
        let Some(mo) = c.get(1).and_then(|x| zh_num(x.as_str())) else {
            continue;
        };
        // a digit or numeral right before belongs to another number (`2025月` is none)
        if !(1..=12).contains(&mo) || ends_in_numeral(&text[..m.start()]) {
            continue;
        }
        let v = reference.map(|r| FigureValue::Text(format!("{:04}-{mo:02}", r.year())));
        push(&mut out, m.start(), m.end(), FigureType::Date, v);
    }
    for c in p.zh_day.captures_iter(text) {
        let m = c.get(0).unwrap();
        let Some(d) = c.get(1).and_then(|x| zh_num(x.as_str())) else {
            continue;
        };
        // the day of an unnamed month: its month is the reader's guess, so no value
        if (1..=31).contains(&d) && !ends_in_numeral(&text[..m.start()]) {
            push(&mut out, m.start(), m.end(), FigureType::Date, None);
        }
    }
    for c in p.zh_time.captures_iter(text) {
        let m = c.get(0).unwrap();
        let Some(mut h) = c.get(2).and_then(|x| zh_num(x.as_str())) else {
            continue;
        };
        let mi = match (c.get(3), c.get(4)) {
            (Some(x), _) => zh_num(x.as_str()),
            (None, Some(_)) => Some(30),
            (None, None) => Some(0),
        };
        let Some(mi) = mi else { continue };
        // `3.5点` (index points) and `2025点` are no clock times
        if h > 24 || mi > 59 || follows_a_number(&text[..c.get(2).unwrap().start()]) {
            continue;
        }
        // without a time of day before it or minutes after it, only digits before 时 make
        // a clock time: `一时` is "for a while", `三点` "three points"
        let bare =
            c.get(1).is_none() && c.get(3).is_none() && c.get(4).is_none() && c.get(5).is_none();
        let by_digits = c
            .get(2)
            .unwrap()
            .as_str()
            .starts_with(|ch: char| ch.is_ascii_digit() || matches!(ch, '０'..='９'));
        if bare && !(by_digits && m.as_str().contains('时')) {
            continue;
        }
        let afternoon = c
            .get(1)
            .is_some_and(|p| matches!(p.as_str(), "下午" | "傍晚" | "晚上" | "夜间" | "夜里"));
        if afternoon && h < 12 {
            h += 12;
        }
        push(
            &mut out,
            m.start(),
            m.end(),
            FigureType::Time,
            Some(FigureValue::Text(format!("{h:02}:{mi:02}"))),
        );
    }
    let clock = |h: i32, mi: i32| Some(FigureValue::Text(format!("{h:02}:{mi:02}")));
    for c in p.time_ampm.captures_iter(text) {
        let m = c.get(0).unwrap();
        let mut h = num(c.get(1)).unwrap();
        let mi = num(c.get(2)).unwrap_or(0);
        if h > 12 || mi > 59 {
            continue;
        }
        let marker = c.get(3).or(c.get(4)).or(c.get(5)).or(c.get(6)).unwrap();
        // German `am` is "on the" (`von 3 am Montag`, `2 am Ende`): a bare lowercase `am`
        // apart from the number and before a capitalised word is no time of day (`9am ET` is)
        if c.get(4)
            .is_some_and(|a| a.as_str() == "a" && text[..a.start()].ends_with(char::is_whitespace))
            && text[m.end()..]
                .trim_start()
                .starts_with(|ch: char| ch.is_uppercase())
        {
            continue;
        }
        let pm = marker.as_str().eq_ignore_ascii_case("p");
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
        push(&mut out, m.start(), m.end(), FigureType::Time, clock(h, mi));
    }
    for c in p.time_uhr_dot.captures_iter(text) {
        let m = c.get(0).unwrap();
        let (h, mi) = (num(c.get(1)).unwrap(), num(c.get(2)).unwrap());
        if h <= 24 && mi <= 59 {
            let h = half_of_day(h, part_of_day_after(&text[m.end()..]));
            push(&mut out, m.start(), m.end(), FigureType::Time, clock(h, mi));
        }
    }
    for c in p.time.captures_iter(text) {
        let m = c.get(0).unwrap();
        let (h, mi) = (num(c.get(1)).unwrap(), num(c.get(2)).unwrap());
        // `UTC+04:00` is an offset, not a time of day.
        if h > 24 || mi > 59 || text[..m.start()].ends_with(['+', '-', '−']) {
            continue;
        }
        let h = half_of_day(h, part_of_day_after(&text[m.end()..]));
        let v = match c.get(3) {
            Some(s) => Some(FigureValue::Text(format!("{h:02}:{mi:02}:{}", s.as_str()))),
            None => clock(h, mi),
        };
        push(&mut out, m.start(), m.end(), FigureType::Time, v);
    }
    for c in p.at_hour_part.captures_iter(text) {
        let hour = c.get(1).unwrap();
        let Some(h) = clock_hour(hour.as_str()).filter(|h| *h <= 12) else {
            continue;
        };
        let h = half_of_day(h, part_of_day_after(&text[hour.end()..]));
        push(
            &mut out,
            hour.start(),
            hour.end(),
            FigureType::Time,
            clock(h, 0),
        );
    }
    for c in p.clock_words.captures_iter(text) {
        let hour_word = c.name("h").or(c.name("fh")).unwrap();
        let Some(h) = clock_hour(hour_word.as_str()) else {
            continue;
        };
        let frac = c.name("frac").map(|f| f.as_str().to_lowercase());
        // `halb drei` alone needs a preposition of time before it (`um`, `gegen`, `ab`) or
        // `Uhr` after it: `halb` has other uses
        if frac.as_deref() == Some("halb") {
            let before = text[..c.get(0).unwrap().start()].trim_end();
            let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let prep = ["um", "gegen", "ab", "bis", "seit", "vor", "nach", "ist"]
                .iter()
                .any(|p| word.eq_ignore_ascii_case(p));
            if !prep && !c.get(0).unwrap().as_str().ends_with("Uhr") {
                continue;
            }
        }
        let hour_before = |h: i32| if h > 1 { h - 1 } else { 12 };
        let (mut h, mi) = match frac.as_deref() {
            None => (h, 0),
            Some("halb") => (hour_before(h), 30),
            Some(f) if f.starts_with("half") => (h, 30),
            Some(f) if f.ends_with("nach") || f.ends_with("past") || f.ends_with("after") => {
                (h, 15)
            }
            Some(_) => (hour_before(h), 45),
        };
        if frac.is_some() && h > 12 {
            continue;
        }
        // the part of the day says which half of it (`acht Uhr abends`, `eleven at night`)
        let part = c.name("part").map(|x| {
            let words: Vec<String> = x
                .as_str()
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            words.join(" ")
        });
        h = half_of_day(h, part.as_deref());
        // the span is the clock reading; the part of the day only sets the half of the day
        let end = c.name("part").map_or(c.get(0).unwrap().end(), |x| {
            text[..x.start()].trim_end().len()
        });
        let start = c.get(0).unwrap().start();
        push(&mut out, start, end, FigureType::Time, clock(h, mi));
    }
    for c in p.noon.captures_iter(text) {
        let w = c.get(1).unwrap();
        let h = if w.as_str().ends_with("night") || w.as_str() == "Mitternacht" {
            0
        } else {
            12
        };
        push(&mut out, w.start(), w.end(), FigureType::Time, clock(h, 0));
    }
    for c in p.weekday.captures_iter(text) {
        let m = c.get(0).unwrap();
        let day = weekday(c.get(2).unwrap().as_str()).unwrap();
        let forward = c
            .get(1)
            .is_some_and(|q| matches!(q.as_str(), "kommenden" | "nächsten" | "next" | "coming"));
        let future = c.get(1).is_none() && in_future_clause(text, m.start(), m.end());
        let v = reference.map(|r| {
            // `kommenden Freitag` said on a Friday is a week on: strictly after the day; a
            // plain weekday in a clause about the future is the next one from the day on
            let d = if forward {
                next_weekday(r + Duration::days(1), day)
            } else if future {
                next_weekday(r, day)
            } else {
                prev_weekday(r, day)
            };
            day_value(d)
        });
        let start = if c.get(1).is_some() {
            m.start()
        } else {
            c.get(2).unwrap().start()
        };
        push(&mut out, start, m.end(), FigureType::Date, v);
    }
    // 周四 is the Thursday on or before publication; 上周四 / 下周四 / 本周四 the Thursday of
    // the previous / next / current calendar week.
    for c in p.zh_weekday.captures_iter(text) {
        let m = c.get(0).unwrap();
        let day = match c.get(2).unwrap().as_str() {
            "一" => Weekday::Mon,
            "二" => Weekday::Tue,
            "三" => Weekday::Wed,
            "四" => Weekday::Thu,
            "五" => Weekday::Fri,
            "六" => Weekday::Sat,
            _ => Weekday::Sun,
        };
        let v = reference.map(|r| {
            let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64);
            let in_week = |week_start: NaiveDate| {
                week_start + Duration::days(day.num_days_from_monday() as i64)
            };
            let d = match c.get(1).map(|q| q.as_str()) {
                Some("上") => in_week(monday - Duration::days(7)),
                Some("下") => in_week(monday + Duration::days(7)),
                Some(_) => in_week(monday),
                None if in_future_clause(text, m.start(), m.end()) => next_weekday(r, day),
                None => prev_weekday(r, day),
            };
            day_value(d)
        });
        push(&mut out, m.start(), m.end(), FigureType::Date, v);
    }
    for c in p.weekend.captures_iter(text) {
        let m = c.get(0).unwrap();
        let back = c
            .get(1)
            .is_some_and(|q| matches!(q.as_str(), "vergangenen" | "letzten" | "last"));
        let v = reference.map(|r| {
            let d = if back {
                prev_weekday(r - Duration::days(1), Weekday::Sat)
            } else {
                next_weekday(r, Weekday::Sat)
            };
            day_value(d)
        });
        push(&mut out, m.start(), m.end(), FigureType::Date, v);
    }
    for c in p.part_of_day.captures_iter(text) {
        let m = c.get(0).unwrap();
        let word = c
            .name("en")
            .or(c.name("tonight"))
            .or(c.name("de"))
            .unwrap()
            .as_str()
            .to_lowercase();
        // (`last night` is yesterday's; `this`, `tonight`, `heute` today's)
        let day = if word == "last" { "yesterday" } else { &word };
        let v = reference.and_then(|r| resolve_relative(r, day, "day"));
        push(&mut out, m.start(), m.end(), FigureType::Date, v);
    }
    for c in p.relative.captures_iter(text) {
        let m = c.get(0).unwrap();
        // `Earlier/Later this year` resolves like `this year`.
        let (qual, unit) = if let (Some(_), Some(u)) = (c.get(1), c.get(2)) {
            ("this", u.as_str())
        } else if let (Some(q), Some(u)) = (c.get(3), c.get(4)) {
            (q.as_str(), u.as_str())
        } else if let (Some(q), Some(u)) = (c.get(5), c.get(6)) {
            (q.as_str(), u.as_str())
        } else if let (Some(q), Some(u)) = (c.get(8), c.get(9)) {
            // `Ende des Jahres`, `Anfang nächsten Jahres`: the period the qualifier names
            (q.as_str(), u.as_str())
        } else if let (Some(q), Some(u)) = (c.get(11), c.get(12)) {
            // `the end of the month`, `the start of next year`
            (
                if q.as_str() == "the" {
                    "this"
                } else {
                    q.as_str()
                },
                u.as_str(),
            )
        } else {
            (c.get(10).unwrap().as_str(), "day")
        };
        let v = reference.and_then(|r| resolve_relative(r, qual, unit));
        push(&mut out, m.start(), m.end(), FigureType::Date, v);
    }
    for c in p.de_relative_word.captures_iter(text) {
        let m = c.get(0).unwrap();
        let v = if c.get(1).is_some() {
            reference.and_then(|r| resolve_relative(r, "this", "year"))
        } else {
            reference.and_then(|r| resolve_relative(r, "last", "week"))
        };
        push(&mut out, m.start(), m.end(), FigureType::Date, v);
    }
    for c in p.zh_relative.captures_iter(text) {
        let m = c.get(0).unwrap();
        // `目前天气`, `之后天…`: 前 / 后 closing the word before (目前, 以前, 之后, 然后)
        if matches!(m.as_str(), "前天" | "后天")
            && text[..m.start()].ends_with([
                '目', '之', '以', '提', '当', '然', '随', '最', '此', '先', '前', '后',
            ])
        {
            continue;
        }
        let (q, u) = match m.as_str() {
            "去年" => ("last", "year"),
            "今年" => ("this", "year"),
            "明年" => ("next", "year"),
            "前年" => ("before-last", "year"),
            "下一年" => ("next", "year"),
            "昨天" | "昨晚" | "昨夜" | "昨日" => ("yesterday", "day"),
            "今天" | "今晨" | "今早" | "今日" => ("today", "day"),
            "明天" => ("tomorrow", "day"),
            "前天" => ("day-before-yesterday", "day"),
            "后天" => ("day-after-tomorrow", "day"),
            "上周" => ("last", "week"),
            "下周" => ("next", "week"),
            "本周" => ("this", "week"),
            "上个月" | "上月" => ("last", "month"),
            "下个月" | "下月" => ("next", "month"),
            _ => ("this", "month"),
        };
        let v = reference.and_then(|r| resolve_relative(r, q, u));
        push(&mut out, m.start(), m.end(), FigureType::Date, v);
    }
    for m in p.zh_narrative_day.find_iter(text) {
        push(&mut out, m.start(), m.end(), FigureType::Date, None);
    }
    for c in p
        .duration
        .captures_iter(text)
        .chain(p.duration_adj.captures_iter(text))
    {
        let m = c.get(0).unwrap();
        let n = c.get(1).unwrap().as_str();
        // "a year" alone is too often not a duration figure; with a bound before it (`almost
        // a year`, `fast ein Jahr`) or `lang` after it, it is one
        let bounded = crate::recognizer::bound_before(text, m.start(), claimx_doc::Lang::En)
            .is_some_and(|(s, _)| text[s..m.start()].trim().len() + 1 >= m.start() - s);
        // `a year ago`, `vor einem Jahr`: a date however the count is written
        let dated = text[m.end()..].starts_with(" ago")
            || text[..m.start()].ends_with("vor ")
            || text[..m.start()].ends_with("Vor ");
        if matches!(
            n.to_lowercase().as_str(),
            "a" | "an" | "ein" | "eine" | "einen" | "einem"
        ) && !text[m.end()..].starts_with(" lang")
            && !bounded
            && !dated
        {
            continue;
        }
        let Some(v) = small_number(&n.replace(',', ".")) else {
            continue;
        };
        let unit = c.get(2).unwrap().as_str().to_lowercase();
        let code = duration_code(&unit);
        // "in 2018 years"? no: a 4-digit year is never a duration count.
        if n.len() == 4 && n.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        // `vor drei Tagen`, `two years ago`: so long before the publication, a date
        let vor = ["vor ", "Vor "]
            .into_iter()
            .find(|w| text[..m.start()].ends_with(w));
        let ago = text[m.end()..].starts_with(" ago");
        if (vor.is_some() || ago) && v.fract() == 0.0 && matches!(code, 'Y' | 'M' | 'W' | 'D') {
            let start = m.start() - vor.map_or(0, str::len);
            let end = m.end() + if ago { " ago".len() } else { 0 };
            let value = reference.and_then(|r| units_before(r, v as i64, code));
            push(&mut out, start, end, FigureType::Date, value);
            continue;
        }
        let iso = iso_duration(v, code);
        let pushed = push(
            &mut out,
            m.start(),
            m.end(),
            FigureType::Duration,
            Some(FigureValue::Text(iso)),
        );
        if pushed && n.eq_ignore_ascii_case("a couple of") {
            out.last_mut().expect("just pushed").bound = Some(Bound::Approx);
        }
    }
    let mut last_duration: Option<(usize, char)> = None;
    for c in p.zh_duration.captures_iter(text) {
        let m = c.get(0).unwrap();
        let number = c.get(1).unwrap().as_str();
        // `1.5小时`: a decimal is read whole, never from its last digits
        let v = if number.contains(['.', '．']) {
            let ascii: String = number
                .chars()
                .map(crate::numbers::fullwidth_to_ascii)
                .collect();
            ascii.parse::<f64>().ok()
        } else if let Some((low, _)) = approximate_pair(number) {
            Some(low)
        } else if number == "半" {
            Some(0.5)
        } else {
            zh_num(number).map(f64::from)
        };
        let Some(v) = v else {
            continue;
        };
        if follows_a_number(&text[..m.start()]) {
            continue;
        }
        // `十多年`, `两个多月`, `一个多小时`: more than so many (多 / 余 / 几 before the unit
        // or between its classifier and it)
        let unit_written = c.get(3).unwrap().as_str();
        let more_than = c.get(2).is_some() || unit_written.contains(['多', '余']);
        let u = unit_written.trim_start_matches('个');
        let u = u.trim_start_matches(['多', '余']);
        if u == "年"
            && (v >= 100.0
                || text[m.end()..].starts_with(|ch: char| ch == '月' || ch.is_ascii_digit()))
        {
            continue; // 2018年 is a date
        }
        let code = match u {
            "天" => 'D',
            "周" | "星期" => 'W',
            "月" => 'M',
            "小时" => 'h',
            "分钟" => 'm',
            _ => 'Y',
        };
        let rest = &text[m.end()..];
        // `两年前`: so long before the publication, a date
        if let Some(ago) = ["以前", "之前", "前"]
            .into_iter()
            .find(|w| rest.starts_with(w))
        {
            if v.fract() == 0.0 && matches!(code, 'Y' | 'M' | 'W' | 'D') {
                let value = reference.and_then(|r| units_before(r, v as i64, code));
                push(
                    &mut out,
                    m.start(),
                    m.end() + ago.len(),
                    FigureType::Date,
                    value,
                );
                continue;
            }
        }
        // `两周内` (within: at most), `半年多` (more than)
        let (end, bound) = match [("以内", Bound::Le), ("内", Bound::Le), ("多", Bound::Gt)]
            .into_iter()
            .find(|(w, _)| rest.starts_with(w))
        {
            Some((w, b)) => (m.end() + w.len(), Some(b)),
            None => (m.end(), more_than.then_some(Bound::Gt)),
        };
        // half a year is six months (`半年多` → P6M, more than)
        let (v, code) = if (v, code) == (0.5, 'Y') {
            (6.0, 'M')
        } else {
            (v, code)
        };
        let iso = FigureValue::Text(iso_duration(v, code));
        // `十天至十五天`: a range of durations in one unit
        if let Some((k, last_code)) = last_duration {
            let between = text.get(out[k].end..m.start()).map(str::trim);
            let linked =
                between.is_some_and(|b| ["至", "到", "-", "~", "～", "—", "–"].contains(&b));
            if linked && last_code == code && out[k].upper.is_none() {
                out[k].end = end;
                out[k].upper = Some(iso);
                out[k].bound = out[k].bound.or(bound);
                continue;
            }
        }
        if push(&mut out, m.start(), end, FigureType::Duration, Some(iso)) {
            let last = out.last_mut().expect("just pushed");
            last.bound = bound;
            // `两三个月`: two to three months
            last.upper = approximate_pair(number)
                .map(|(_, high)| FigureValue::Text(iso_duration(high, code)));
            last_duration = Some((out.len() - 1, code));
        }
    }
    // `2005年8月以后` (after), `2010年以前` (before): a Chinese date with its bound (`以来`,
    // since, opens a time frame and stays outside, as `since` does)
    for d in out.iter_mut().filter(|d| d.kind == FigureType::Date) {
        let rest = &text[d.end..];
        let bound = [
            ("以后", Bound::Gt),
            ("之后", Bound::Gt),
            ("以前", Bound::Lt),
            ("之前", Bound::Lt),
        ]
        .into_iter()
        .find(|(w, _)| rest.starts_with(w));
        if let Some((w, b)) = bound {
            if d.bound.is_none() && text[d.start..d.end].ends_with(['年', '月', '日']) {
                d.end += w.len();
                d.bound = Some(b);
            }
        }
    }
    out.sort_by_key(|m| m.start);
    weekdays_named_with_their_date(text, &mut out);
    out
}

/// `Montag, den 7. Juni`, `Monday, June 7`: a weekday written with its date is that date
/// (when the two agree), not the weekday counted from the publication.
fn weekdays_named_with_their_date(text: &str, out: &mut [DateMatch]) {
    for i in 1..out.len() {
        let (head, tail) = out.split_at_mut(i);
        let (w, d) = (&mut head[i - 1], &tail[0]);
        let gap = text[w.end..d.start].trim_start_matches([',', ' ']);
        if w.end > d.start || !(gap.is_empty() || gap == "den " || gap == "the ") {
            continue;
        }
        let Some(day) = weekday(text[w.start..w.end].split_whitespace().last().unwrap_or(""))
        else {
            continue;
        };
        let Some(FigureValue::Text(v)) = &d.value else {
            continue;
        };
        if let Ok(date) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            if date.weekday() == day && w.kind == FigureType::Date {
                w.value = Some(FigureValue::Text(v.clone()));
            }
        }
    }
}

fn duration_code(unit: &str) -> char {
    if unit.starts_with("tag") || unit.starts_with("day") || unit.starts_with("täg") {
        'D'
    } else if unit.starts_with("woch") || unit.starts_with("week") || unit.starts_with("wöch") {
        'W'
    } else if unit.starts_with("mon") {
        'M'
    } else if unit.starts_with("stund") || unit.starts_with("hour") {
        'h'
    } else if unit.starts_with("minut") {
        'm'
    } else if unit.starts_with("jahrzehnt") || unit.starts_with("decade") {
        'X'
    } else {
        'Y'
    }
}

/// The ISO 8601 duration of `v` of a time-unit word (`Jahr`, `Jahre`, `years`, `Wochen`,
/// `hours`), or `None` when the word is no time unit.
pub(crate) fn duration_of(v: f64, word: &str) -> Option<String> {
    let l = word.to_lowercase();
    let unit = time_unit(&l)?;
    Some(iso_duration(v, duration_code(unit)))
}

/// The time-unit words the duration patterns accept, whole words only.
fn time_unit(l: &str) -> Option<&str> {
    const UNITS: &[&str] = &[
        "tag",
        "tage",
        "tagen",
        "woche",
        "wochen",
        "monat",
        "monate",
        "monaten",
        "jahr",
        "jahre",
        "jahren",
        "stunde",
        "stunden",
        "minute",
        "minuten",
        "jahrzehnt",
        "jahrzehnte",
        "jahrzehnten",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "hour",
        "hours",
        "minutes",
        "decade",
        "decades",
    ];
    UNITS.contains(&l).then_some(l)
}

fn iso_duration(v: f64, code: char) -> String {
    let n = if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    };
    match code {
        'h' => format!("PT{n}H"),
        'm' => format!("PT{n}M"),
        'X' => format!("P{}Y", v * 10.0),
        c => format!("P{n}{c}"),
    }
}

/// Whether the clause around `start..end` (up to the punctuation on either side) speaks of
/// the future (`will`, `wird`, `将`: claimx_lang::clauses::speaks_of_the_future).
fn in_future_clause(text: &str, start: usize, end: usize) -> bool {
    const STOPS: [char; 9] = [',', ';', ':', '.', '，', '；', '：', '。', '\n'];
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| STOPS.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..].find(STOPS).map_or(text.len(), |i| end + i);
    claimx_lang::clauses::speaks_of_the_future(&text[from..to])
}

fn resolve_relative(r: NaiveDate, qual: &str, unit: &str) -> Option<FigureValue> {
    let q = qual.to_lowercase();
    let back = ["vergangen", "letzt", "vorig"]
        .iter()
        .any(|stem| q.starts_with(stem))
        || matches!(q.as_str(), "last" | "past");
    let fwd = ["kommend", "nächst"].iter().any(|stem| q.starts_with(stem))
        || matches!(q.as_str(), "next" | "coming");
    let delta: i32 = if q == "before-last" {
        -2
    } else if back {
        -1
    } else if fwd {
        1
    } else {
        0
    };
    let u = unit.to_lowercase();
    // a fiscal year counts as the calendar year it is named after (`vergangenen
    // Geschäftsjahr` in 2020 is 2019)
    let text = if u.starts_with("jahr") || u.starts_with("geschäftsjahr") || u.ends_with("year") {
        format!("{:04}", r.year() + delta)
    } else if u.starts_with("monat") || u == "month" {
        let m0 = r.year() * 12 + r.month0() as i32 + delta;
        format!("{:04}-{:02}", m0.div_euclid(12), m0.rem_euclid(12) + 1)
    } else if u.starts_with("woche") || u == "week" {
        let d = r + Duration::weeks(delta as i64);
        let w = d.iso_week();
        format!("{:04}-W{:02}", w.year(), w.week())
    } else {
        let d = match q.as_str() {
            "gestern" | "yesterday" => r - Duration::days(1),
            "morgen" | "tomorrow" => r + Duration::days(1),
            "day-before-yesterday" => r - Duration::days(2),
            "day-after-tomorrow" => r + Duration::days(2),
            _ => r,
        };
        d.format("%Y-%m-%d").to_string()
    };
    Some(FigureValue::Text(text))
}

/// The part of the day right after a clock reading (`abends`, `am Abend`, `in the evening`,
/// `at night`), lower case with single spaces.
fn part_of_day_after(rest: &str) -> Option<&'static str> {
    const PARTS: &[&str] = &[
        "morgens",
        "früh",
        "vormittags",
        "mittags",
        "nachmittags",
        "abends",
        "nachts",
        "am morgen",
        "am vormittag",
        "am mittag",
        "am nachmittag",
        "am abend",
        "in der nacht",
        "in the morning",
        "in the afternoon",
        "in the evening",
        "at night",
    ];
    let rest = rest.strip_prefix(char::is_whitespace)?.trim_start();
    let words: Vec<String> = rest
        .split_whitespace()
        .take(3)
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphabetic())
                .to_lowercase()
        })
        .collect();
    (1..=words.len()).rev().find_map(|n| {
        let phrase = words[..n].join(" ");
        PARTS.iter().copied().find(|p| *p == phrase)
    })
}

/// The hour `h` of a twelve-hour reading in the half of the day its part names (`acht Uhr
/// abends` 20, `eleven at night` 23, `one at night` 1, `zwei Uhr mittags` 14).
fn half_of_day(h: i32, part: Option<&str>) -> i32 {
    let pm = match part {
        Some(
            "nachmittags" | "abends" | "am nachmittag" | "am abend" | "in the afternoon"
            | "in the evening",
        ) => h < 12,
        Some("nachts" | "in der nacht" | "at night") => (6..12).contains(&h),
        Some("mittags" | "am mittag") => h < 6,
        _ => false,
    };
    if pm {
        h + 12
    } else {
        h
    }
}

/// The hour of a clock reading: digits up to 24, or a number word up to twelve (`drei`,
/// `eleven`, `ein`/`eins`, never `eine`, which is an article: `eine Uhr`, a clock).
fn clock_hour(word: &str) -> Option<i32> {
    if word.chars().all(|c| c.is_ascii_digit()) {
        return word.parse().ok().filter(|h| *h <= 24);
    }
    let lower = word.to_lowercase();
    if lower.starts_with("eine") {
        return None;
    }
    let v =
        claimx_lang::numbers::en_small(&lower).or_else(|| claimx_lang::numbers::de_word(&lower))?;
    (v.fract() == 0.0 && (1.0..=12.0).contains(&v)).then_some(v as i32)
}
