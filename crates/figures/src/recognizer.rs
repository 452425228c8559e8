use crate::dates::{find_dates, month_number};
use crate::numbers::*;
use chrono::NaiveDate;
use claimx_doc::{Bound, FigureType, FigureValue, Lang};
use claimx_lang::units::{
    currency_country, currency_symbol, currency_word, dollar_prefix, iso_code, quantity_unit,
    subunit, BOUNDS, SHARED_CURRENCY_NAMES, ZH_CURRENCY_NAMES,
};
use serde::{Deserialize, Serialize};

/// A recognised figure in byte offsets relative to the scanned text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureMatch {
    /// Start, in bytes.
    pub start: usize,
    /// End (exclusive), in bytes.
    pub end: usize,
    /// What kind of figure it is.
    pub kind: FigureType,
    /// The normalised value; none when it cannot be resolved.
    pub value: Option<FigureValue>,
    /// Upper end of a range.
    pub upper: Option<FigureValue>,
    /// How the stated value relates to the true one.
    pub bound: Option<Bound>,
    /// ISO 4217 code, counted noun, `%` or measure unit.
    pub unit: Option<String>,
    /// Where the value expression starts, after any bound phrase (`about $ 14 million` →
    /// the offset of `$`). Equals `start` when there is no bound phrase.
    #[serde(default)]
    pub value_start: usize,
}

impl FigureMatch {
    /// The document figure of this match: `text` is what it covers, `span` where (as the
    /// pipeline's offset index gives it).
    pub fn into_figure(self, text: &str, span: claimx_doc::Span, lang: Lang) -> claimx_doc::Figure {
        claimx_doc::Figure {
            span,
            text: text.into(),
            kind: self.kind,
            value: self.value,
            upper: self.upper,
            bound: self.bound,
            unit: self.unit.map(Into::into),
            lang,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Digits,
    Word,
    Zh,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    kind: TokKind,
    space_before: bool,
}

fn tokenize(text: &str, lang: Lang) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut i = 0;
    let mut space = true;
    let end_of = |j: usize| chars.get(j).map(|c| c.0).unwrap_or(text.len());
    while i < n {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start_i = i;
        let kind;
        let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        // A decimal written without its zero (`.08`, `$.50`): a point after a space, a sign or
        // a bracket, never after a letter, digit or another point (`No.5`, `v.2`, `...5`).
        let bare_decimal = c == '.'
            && lang != Lang::De
            && chars.get(i + 1).is_some_and(|d| d.1.is_ascii_digit())
            && (i == 0 || !chars[i - 1].1.is_alphanumeric() && chars[i - 1].1 != '.');
        if is_digit(c) || bare_decimal {
            i += 1;
            loop {
                if i < n && is_digit(chars[i].1) {
                    i += 1;
                } else if i + 1 < n
                    && matches!(
                        chars[i].1,
                        '.' | ',' | '．' | '，' | '\u{a0}' | '\u{202f}' | ' ' | '\''
                    )
                    && is_digit(chars[i + 1].1)
                {
                    // A space or full-width comma only groups thousands: `40 000`, `４，５６５`;
                    // so does the comma in English and Chinese (`22,24,26` is a list).
                    let grouping_only =
                        matches!(chars[i].1, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '，')
                            || (chars[i].1 == ','
                                && lang != Lang::De
                                && !en_decimal_comma(&chars, start_i, i))
                            || (chars[i].1 == '.'
                                && lang == Lang::De
                                && chars[start_i..i].iter().any(|c| c.1 == '.'));
                    if grouping_only {
                        let run = chars[i + 1..].iter().take_while(|c| is_digit(c.1)).count();
                        let lead = chars[start_i..i]
                            .iter()
                            .rev()
                            .take_while(|c| is_digit(c.1))
                            .count();
                        if run != 3 || lead > 3 {
                            break;
                        }
                    }
                    i += 1;
                } else {
                    break;
                }
            }
            // Scientific notation and powers: 12.32e+14, 2.5^-1
            if i + 1 < n && matches!(chars[i].1, 'e' | 'E' | '^') {
                let mut k = i + 1;
                if k < n && matches!(chars[k].1, '+' | '-') {
                    k += 1;
                }
                let digits = chars[k..]
                    .iter()
                    .take_while(|c| c.1.is_ascii_digit())
                    .count();
                let word_follows = chars.get(k + digits).is_some_and(|c| c.1.is_alphabetic());
                if digits > 0 && !word_follows {
                    i = k + digits;
                }
            }
            // Fractions: 1/2, ３／５ (not inside dates or phone numbers: 5/17/2018, 2222/2222)
            let after_slash = start_i > 0
                && (matches!(chars[start_i - 1].1, '/' | '／')
                    || (chars[start_i - 1].1 == '-'
                        && start_i > 1
                        && chars[start_i - 2].1.is_ascii_digit()));
            if i + 1 < n
                && matches!(chars[i].1, '/' | '／')
                && is_digit(chars[i + 1].1)
                && !after_slash
                && i - start_i <= 3
            {
                let mut k = i + 1;
                while k < n && is_digit(chars[k].1) {
                    k += 1;
                }
                if !(k < n && matches!(chars[k].1, '/' | '／')) {
                    i = k;
                }
            }
            // Digits running into Chinese numerals/units: `3.5亿`, `3万4000`, `500余万`.
            let unit_after_spaces = chars.get(i).is_some_and(|c| c.1 == ' ')
                && chars[i..]
                    .iter()
                    .find(|c| c.1 != ' ')
                    .is_some_and(|c| zh_big_unit(c.1).is_some() || zh_small_unit(c.1).is_some());
            let unit_next =
                |c: &(usize, char)| zh_big_unit(c.1).is_some() || zh_small_unit(c.1).is_some();
            if unit_after_spaces
                || i < n
                    && ((is_zh_numeral(chars[i].1)
                        && !unit_prefix_at(text, &chars, i)
                        && !percent_word_at(text, &chars, i))
                        || (is_zh_modifier(chars[i].1) && chars.get(i + 1).is_some_and(unit_next)))
            {
                i = zh_run_end(text, &chars, i);
                kind = TokKind::Zh;
            } else {
                kind = TokKind::Digits;
            }
        } else if is_zh_numeral(c) && !unit_prefix_at(text, &chars, i) {
            i = zh_run_end(text, &chars, i);
            kind = TokKind::Zh;
        } else if vulgar_fraction(c).is_some() {
            i += 1;
            kind = TokKind::Digits;
        } else if c.is_alphabetic() && !claimx_lang::script::is_cjk_text(c) {
            while i < n
                && chars[i].1.is_alphabetic()
                && !claimx_lang::script::is_cjk_text(chars[i].1)
            {
                i += 1;
            }
            kind = TokKind::Word;
        } else {
            i += 1;
            kind = TokKind::Other;
        }
        out.push(Tok {
            start: b,
            end: end_of(i),
            text: &text[b..end_of(i)],
            kind,
            space_before: space,
        });
        space = false;
    }
    out
}

/// Recognises and normalises figures in one piece of text of a known language.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FigureRecognizer {
    /// Recognise bare numbers only: no dates, money, percentages, units or bounds (what
    /// number-extraction benchmarks such as Recognizers-Text's NumberModel score).
    #[serde(default)]
    pub numbers_only: bool,
    /// Keep the two ends of a clock-time range apart (`5pm`, `7pm`), as Recognizers-Text's
    /// split date-and-time model does, instead of one TIME with `upper` (the guideline).
    #[serde(default)]
    pub split_time_ranges: bool,
}

struct NumberSpan {
    first: usize,
    last: usize, // token indices, inclusive
    value: f64,
    kind: FigureType,
    bound: Option<Bound>,
    unit: Option<String>,
    year_like: bool,
}

impl NumberSpan {
    /// An exact figure without unit over tokens `first..=last`.
    fn new(first: usize, last: usize, value: f64, kind: FigureType) -> Self {
        NumberSpan {
            first,
            last,
            value,
            kind,
            bound: None,
            unit: None,
            year_like: false,
        }
    }
}

impl FigureRecognizer {
    /// The recogniser with every rule on.
    pub fn new() -> Self {
        FigureRecognizer::default()
    }

    /// Numbers, money and percentages only: no dates, times or durations.
    pub fn numbers_only() -> Self {
        FigureRecognizer {
            numbers_only: true,
            ..FigureRecognizer::default()
        }
    }

    /// Figures in `text` (byte offsets relative to it), sorted by position. A value that is
    /// not a finite number (`202e20202`, an overflowing scale) is dropped: the figure stays,
    /// without a value, rather than carrying infinity.
    pub fn recognize(
        &self,
        text: &str,
        lang: Lang,
        reference: Option<NaiveDate>,
    ) -> Vec<FigureMatch> {
        // Traditional characters are read as their Simplified twins, at the same offsets: the
        // rules' words are Simplified (`六個百分點` is `六个百分点`, `萬分之三` `万分之三`)
        let simple = claimx_lang::zh::to_simplified(text);
        let mut out = self.recognize_simplified(&simple, lang, reference);
        if let std::borrow::Cow::Owned(simple) = &simple {
            units_as_written(text, simple, &mut out);
        }
        out
    }

    fn recognize_simplified(
        &self,
        text: &str,
        lang: Lang,
        reference: Option<NaiveDate>,
    ) -> Vec<FigureMatch> {
        let finite = |v: &Option<FigureValue>| match v {
            Some(FigureValue::Number(n)) => n.is_finite(),
            _ => true,
        };
        // ISO 8601 dates keep to the years 0000-9999 (beyond, chrono writes `+10000-01-01`
        // and weeks `10000-W01`: two spellings of no date anyone reports)
        let four_digit_year = |v: &Option<FigureValue>| match v {
            Some(FigureValue::Text(t)) => {
                !t.starts_with(['+', '-']) && t.split('-').next().is_some_and(|y| y.len() <= 4)
            }
            _ => true,
        };
        let mut out = self.recognize_all(text, lang, reference);
        // no figure inside a run of characters too long to be a word (a blob, a hash)
        let overlong = claimx_lang::words::overlong_words(text);
        // nor inside a web or mail address (`…/2020/05/artikel-123.html`, `163.com`)
        let addresses = claimx_lang::words::web_addresses(text);
        out.retain(|m| {
            !claimx_lang::words::overlaps_any(&overlong, m.start, m.end)
                && !claimx_lang::words::overlaps_any(&addresses, m.start, m.end)
        });
        zh_figure_edges(text, &mut out);
        currency_named_before(text, &mut out);
        if !self.numbers_only {
            halves_and_firsts(text, lang, &mut out);
        }
        units_of_a_change(text, &mut out);
        minor_units_in_major(lang, &mut out);
        units_of_a_list(text, &mut out);
        drop_numerals_inside_words(text, &mut out);
        drop_quoted_names(text, &mut out);
        if !self.numbers_only {
            // a number benchmark reads `10G` as ten billion; in running text it is a name
            drop_alphanumeric_names(text, &mut out);
            counts_of_time(text, &mut out);
            bound_durations(text, lang, &mut out);
            // a number benchmark counts the digits of a phone number; a figure it is not
            drop_phone_numbers(text, &mut out);
            drop_identifiers(text, &mut out);
            pairs_of_a_slash(text, &mut out);
        }
        if !self.numbers_only {
            shares_to_two_decimals(text, &mut out);
        }
        for m in &mut out {
            let date = m.kind == FigureType::Date;
            if !finite(&m.value)
                || !finite(&m.upper)
                || (date && !(four_digit_year(&m.value) && four_digit_year(&m.upper)))
            {
                m.value = None;
                m.upper = None;
            }
        }
        out
    }

    fn recognize_all(
        &self,
        text: &str,
        lang: Lang,
        reference: Option<NaiveDate>,
    ) -> Vec<FigureMatch> {
        let dates = if self.numbers_only {
            Vec::new()
        } else {
            find_dates(text, reference)
        };
        // Dates (sorted, non-overlapping) and numbers (appended in text order) are kept apart
        // so that overlap checks are binary searches: the stage stays linear on huge texts.
        let dates: Vec<FigureMatch> = dates
            .into_iter()
            .map(|d| FigureMatch {
                start: d.start,
                end: d.end,
                kind: d.kind,
                value: d.value,
                upper: d.upper,
                bound: d.bound,
                unit: None,
                value_start: d.start,
            })
            .collect();
        let mut nums: Vec<FigureMatch> = Vec::new();
        let toks = tokenize(text, lang);
        // Time-zone offsets (`UTC+04:00`) hold digits that are no figures.
        let mut blocked: Vec<(usize, usize)> = tz_offsets(text);
        blocked.sort_unstable();
        let overlaps_sorted = |list: &[(usize, usize)], a: usize, b: usize| {
            let idx = list.partition_point(|m| m.0 < b);
            idx > 0 && list[idx - 1].1 > a
        };
        let date_spans: Vec<(usize, usize)> = dates.iter().map(|m| (m.start, m.end)).collect();
        let taken = |nums: &[FigureMatch], t: &Tok| {
            overlaps_sorted(&date_spans, t.start, t.end)
                || overlaps_sorted(&blocked, t.start, t.end)
                || nums
                    .last()
                    .is_some_and(|m| t.start < m.end && t.end > m.start)
        };
        let mut i = 0;
        while i < toks.len() {
            if taken(&nums, &toks[i]) {
                i += 1;
                continue;
            }
            let Some(mut ns) = self.number_at(&toks, i, lang, text) else {
                i += 1;
                continue;
            };
            // Stop a word-number from swallowing into an already recognised date.
            while ns.last > ns.first && taken(&nums, &toks[ns.last]) {
                ns.last -= 1;
            }
            let value_start = toks[ns.first].start;
            let mut start = value_start;
            let mut value = Some(FigureValue::Number(ns.value));
            let mut upper = None;
            let mut decade_end = None;
            if !self.numbers_only {
                // The end of the figure before this one: prefixes and bounds must not reach into it.
                let date_end = {
                    let idx = date_spans.partition_point(|m| m.1 <= value_start);
                    if idx > 0 {
                        date_spans[idx - 1].1
                    } else {
                        0
                    }
                };
                let num_end = nums
                    .last()
                    .map(|m| m.end)
                    .filter(|&e| e <= value_start)
                    .unwrap_or(0);
                let min_start = date_end.max(num_end);
                self.decorate(&toks, &mut ns, lang, text, min_start);
                start = toks[ns.first].start;
                if ns.year_like
                    && ns.kind == FigureType::Cardinal
                    && ns.unit.is_none()
                    && ns.bound.is_none()
                {
                    ns.kind = FigureType::Date;
                }
                if ns.kind == FigureType::Date {
                    value = Some(FigureValue::Text(format!("{}", ns.value as i64)));
                    ns.unit = None;
                    // a decade: `the 1980s`, `1990er Jahre` are the ten years, not the first
                    let year = ns.value as i64;
                    let after = &text[toks[ns.last].end..];
                    let suffix = ["s", "’s", "'s", "ern", "er"]
                        .into_iter()
                        .find(|x| after.starts_with(x))
                        .filter(|x| !after[x.len()..].starts_with(char::is_alphanumeric));
                    if let (Some(x), 0) = (suffix, year % 10) {
                        upper = Some(FigureValue::Text(format!("{}", year + 9)));
                        decade_end = Some(toks[ns.last].end + x.len());
                    }
                } else {
                    value = Some(FigureValue::Number(ns.value));
                    if let Some((phrase_start, b)) = bound_before(text, start, lang) {
                        if phrase_start >= min_start {
                            start = phrase_start;
                            ns.bound = Some(b);
                        }
                    }
                }
            }
            nums.push(FigureMatch {
                start,
                end: decade_end.unwrap_or(toks[ns.last].end),
                kind: ns.kind,
                value,
                upper,
                bound: ns.bound,
                unit: ns.unit,
                value_start: toks[ns.first].start,
            });
            i = ns.last + 1;
        }
        let mut out = dates;
        out.extend(nums);
        out.sort_by_key(|m| m.start);
        if !self.numbers_only {
            out = merge_ranges(text, out);
            if !self.split_time_ranges {
                out = merge_time_ranges(text, out);
            }
        }
        out
    }

    /// A bare number starting at token `i`.
    fn number_at(&self, toks: &[Tok], i: usize, lang: Lang, text: &str) -> Option<NumberSpan> {
        let t = &toks[i];
        let mk = |first, last, value, year_like| NumberSpan {
            year_like,
            ..NumberSpan::new(first, last, value, FigureType::Cardinal)
        };
        match t.kind {
            TokKind::Digits => {
                // A numbered-list marker (`1. Startseite`) at the start of the text.
                if i == 0
                    && toks.get(1).is_some_and(|n| n.text == "." || n.text == ")")
                    && toks.get(2).is_some_and(|n| n.space_before)
                    && t.text.len() <= 2
                {
                    return None;
                }
                // Part of a word (`COVID19`, `A320`) is no figure; `USD115` is money.
                if !t.space_before
                    && i > 0
                    && toks[i - 1].kind == TokKind::Word
                    && toks[i - 1].end == t.start
                    && iso_code(toks[i - 1].text).is_none()
                    && currency_symbol(toks[i - 1].text).is_none()
                {
                    return None;
                }
                // `1 in 10 adults`: a share, as `one in ten` (English; German `1 von 10` is
                // as often a page or picture count)
                let share_word_next = toks.get(i + 1).is_some_and(|n| {
                    n.text.eq_ignore_ascii_case("in") || n.text.eq_ignore_ascii_case("out")
                });
                if t.text.len() <= 3 && lang == Lang::En && share_word_next {
                    if let Some((last, share)) = share_at(toks, i) {
                        return Some(NumberSpan {
                            kind: FigureType::Percent,
                            unit: Some("%".into()),
                            ..NumberSpan::new(i, last, share * 100.0, FigureType::Percent)
                        });
                    }
                }
                let mut v = parse_number_token(t.text, lang)?;
                if let Some((last, share)) = zh_tenths(text, toks, i, v) {
                    return Some(NumberSpan {
                        unit: Some("%".into()),
                        ..NumberSpan::new(i, last, share, FigureType::Percent)
                    });
                }
                let year_like = t.text.len() == 4
                    && t.text.chars().all(|c| c.is_ascii_digit())
                    && (1900.0..=2100.0).contains(&v);
                // `-5` after a space, a bracket or a colon (`(-15,7 Prozent)`), not `3-5`
                let sign_opens = i < 2
                    || toks[i - 1].space_before
                    || (toks[i - 2].kind == TokKind::Other
                        && matches!(toks[i - 2].text, "(" | "[" | ":" | "：" | "（" | "/"));
                if i > 0
                    && matches!(toks[i - 1].text, "-" | "−" | "－")
                    && toks[i - 1].end == t.start
                    && sign_opens
                {
                    v = -v;
                    let mut ns = mk(i - 1, i, v, false);
                    self.scale_after(toks, &mut ns, lang);
                    return Some(ns);
                }
                let mut ns = mk(i, i, v, year_like);
                minus_word_before(toks, &mut ns);
                if let Some((l, num)) = zh_fraction_tail(toks, i + 1, lang) {
                    let neg = text[..t.start].ends_with(['负', '負']);
                    ns.value = num / v * if neg { -1.0 } else { 1.0 };
                    ns.last = l;
                    ns.year_like = false;
                    return Some(ns);
                }
                if i > 0 && matches!(toks[i - 1].text, "负" | "負") && toks[i - 1].end == t.start
                {
                    ns.value = -ns.value;
                    ns.first = i - 1;
                }
                if let Some((l, f)) = zh_mixed_fraction(toks, i + 1, lang) {
                    ns.value += f;
                    ns.last = l;
                    ns.year_like = false;
                    return Some(ns);
                }
                // Mixed fractions: `2  1/4`, `1 4/3`
                if let Some(f) = toks.get(i + 1).filter(|f| {
                    f.kind == TokKind::Digits && f.space_before && f.text.contains(['/', '／'])
                }) {
                    if !t.text.contains(['/', '／']) {
                        ns.value += parse_number_token(f.text, lang)?;
                        ns.last = i + 1;
                        ns.year_like = false;
                    }
                }
                // `3 hundred and 21`, `4 thousand 3 hundred`
                if lang == Lang::En
                    && toks.get(i + 1).is_some_and(|n| {
                        n.kind == TokKind::Word && en_multiplier(n.text).is_some_and(|m| m != 12.0)
                    })
                {
                    if let Some(words) = self.english_words(toks, i) {
                        ns.value = words.value;
                        ns.last = words.last;
                        ns.year_like = false;
                    }
                }
                // `1 over 3`
                if lang == Lang::En
                    && ns.value <= 10.0
                    && toks.get(ns.last + 1).is_some_and(|o| o.text == "over")
                {
                    let d = match toks.get(ns.last + 2) {
                        Some(d) if d.kind == TokKind::Digits => {
                            parse_digits(d.text, lang).map(|v| (ns.last + 2, v))
                        }
                        Some(_) => en_integer(toks, ns.last + 2, false),
                        None => None,
                    };
                    if let Some((l, d)) = d.filter(|d| d.1 != 0.0) {
                        ns.value /= d;
                        ns.last = l;
                        ns.year_like = false;
                        return Some(ns);
                    }
                }
                // In number-only mode a unit glued to the digits (`29km`, `.25ml`) makes a
                // measurement, not a bare number; scale suffixes (`10M`, `2mil`) stay.
                if self.numbers_only {
                    if let Some(u) = toks
                        .get(ns.last + 1)
                        .filter(|u| u.kind == TokKind::Word && u.start == t.end)
                    {
                        scale_word(u.text, lang)?;
                    }
                }
                self.scale_after(toks, &mut ns, lang);
                Some(ns)
            }
            TokKind::Zh => {
                if zh_excluded(text, t) {
                    return None;
                }
                // A unit alone (`万`, `百`) is no number, unless a word before it counts it:
                // `几万人`, `上万人`, `数百人`, `近千人`, `逾万`
                let unit_alone = t.text.chars().all(|c| zh_big_unit(c).is_some());
                // 百 / 千 alone count only in fractions (百分之…), handled below.
                let single_unit = t.text.chars().count() == 1
                    && zh_small_unit(t.text.chars().next()?).is_some_and(|u| u >= 100.0);
                // (zh_excluded has already asked jieba about `万`, `千` and `百` alone)
                let counted_unit = (unit_alone || single_unit)
                    && text[..t.start].ends_with(UNIT_COUNTERS)
                    && (matches!(t.text, "万" | "千" | "百") || unit_is_no_word_start(text, t));
                if unit_alone && !counted_unit && !text[t.end..].starts_with("分之") {
                    return None;
                }
                // Runs of bare digits without units (`九九` in a brand name) are no numbers.
                let bare_run = t.text.chars().count() >= 2
                    && t.text.chars().all(|c| zh_digit(c).is_some_and(|d| d > 0.0));
                if bare_run {
                    return None;
                }
                // `一半` of something: a share (guideline: a percentage).
                if t.text == "一" && text[t.end..].starts_with('半') {
                    toks.get(i + 1)
                        .filter(|h| h.text == "半" && !h.space_before)?;
                    return Some(NumberSpan {
                        kind: FigureType::Percent,
                        unit: Some("%".into()),
                        ..mk(i, i + 1, 50.0, false)
                    });
                }
                // `一家公司` is "a company": the determiner, as English `a`, is no count.
                // (`一个百分点` is one percentage point)
                if t.text == "一"
                    && !text[..t.start].ends_with('第')
                    && !text[t.end..].starts_with("个百分点")
                    && claimx_lang::zh::indefinite_yi(
                        &text[claimx_doc::floor_char_boundary(text, t.start.saturating_sub(48))
                            ..t.start],
                        text[t.end..].chars().next(),
                    )
                {
                    return None;
                }
                let v = parse_zh(t.text)?;
                let mut ns = mk(i, i, v, false);
                // `十多万`, `500余万`: more than so many
                if t.text.contains(['多', '余', '餘']) {
                    ns.bound = Some(Bound::Gt);
                }
                let negative =
                    i > 0 && matches!(toks[i - 1].text, "负" | "負") && toks[i - 1].end == t.start;
                if negative {
                    ns.value = -ns.value;
                    ns.first = i - 1;
                }
                if single_unit && zh_fraction_tail(toks, i + 1, lang).is_none() {
                    if t.text == "百" && i > 0 && toks[i - 1].text == "半" {
                        ns.first = i - 1;
                        ns.value = 50.0;
                        return Some(ns);
                    }
                    // `百分点` is a word of its own, not a hundred
                    if !counted_unit || text[t.end..].starts_with("分") {
                        return None;
                    }
                }
                if self.numbers_only
                    && lang == Lang::Zh
                    && toks.get(i + 1).is_some_and(|n| {
                        !n.space_before
                            && (currency_word(n.text).is_some()
                                || matches!(n.text, "%" | "％" | "折" | "美"))
                    })
                {
                    return None; // in Chinese a numeral glued to a currency or 折 is no bare number
                }
                if let Some((l, f)) = zh_mixed_fraction(toks, i + 1, lang) {
                    ns.value += f * if negative { -1.0 } else { 1.0 };
                    ns.last = l;
                    return Some(ns);
                }
                // 一打 = 12
                if toks
                    .get(i + 1)
                    .is_some_and(|d| d.text == "打" && !d.space_before)
                {
                    ns.value *= 12.0;
                    ns.last = i + 1;
                }
                // 百分之二十五 / 三分之一: fractions and percentages.
                if let Some((l, num)) = zh_fraction_tail(toks, i + 1, lang) {
                    ns.last = l;
                    ns.kind = FigureType::Percent;
                    ns.unit = Some("%".into());
                    if t.text == "百" && !negative {
                        ns.value = num;
                    } else {
                        // `三分之一`, `千分之三`: a share, as `one third` (guideline)
                        ns.value = num / v * 100.0 * if negative { -1.0 } else { 1.0 };
                    }
                    return Some(ns);
                }
                if let Some((last, share)) = zh_tenths(text, toks, i, v).filter(|_| !negative) {
                    ns.kind = FigureType::Percent;
                    ns.unit = Some("%".into());
                    ns.value = share;
                    ns.last = last;
                    return Some(ns);
                }
                // 百分之二十五 / 三分之一: fractions and percentages.
                if let (Some(a), Some(b), Some(c)) =
                    (toks.get(i + 1), toks.get(i + 2), toks.get(i + 3))
                {
                    if a.text == "分" && b.text == "之" && c.kind == TokKind::Zh {
                        let num = parse_zh(c.text)?;
                        ns.last = i + 3;
                        if t.text == "百" {
                            ns.value = num;
                            ns.kind = FigureType::Percent;
                            ns.unit = Some("%".into());
                        } else {
                            ns.value = num / v;
                        }
                    }
                }
                Some(ns)
            }
            TokKind::Word => {
                if let Some(ns) = self.vague_or_fraction(toks, i) {
                    return Some(ns);
                }
                if lang == Lang::De || (lang != Lang::En && de_word(t.text).is_some()) {
                    let mut ns = self.german_words(toks, i)?;
                    minus_word_before(toks, &mut ns);
                    Some(ns)
                } else {
                    self.english_words(toks, i)
                }
            }
            TokKind::Other => None,
        }
    }

    /// `die Hälfte`, `half of`, `ein Drittel` (percentages) and vague counts: `mehreren
    /// Hundert`, `several hundred`, `Tausende`, `dozens of` (the multiplier, bound gt).
    fn vague_or_fraction(&self, toks: &[Tok], i: usize) -> Option<NumberSpan> {
        let l = toks[i].text.to_lowercase();
        let next = toks
            .get(i + 1)
            .map(|t| t.text.to_lowercase())
            .unwrap_or_default();
        let pct = |first, last, v| {
            Some(NumberSpan {
                first,
                last,
                value: v,
                kind: FigureType::Percent,
                bound: None,
                unit: Some("%".into()),
                year_like: false,
            })
        };
        if let Some((last, share)) = share_at(toks, i) {
            return pct(i, last, share * 100.0);
        }
        if l == "half" && next == "of" {
            return pct(i, i, 50.0);
        }
        let vague = VAGUE_QUANTIFIERS.contains(&l.as_str());
        let gt = |first, last, v| {
            Some(NumberSpan {
                first,
                last,
                value: v,
                kind: FigureType::Cardinal,
                bound: Some(Bound::Gt),
                unit: None,
                year_like: false,
            })
        };
        if vague {
            if let Some(v) = round_scale(&next) {
                return gt(i, i + 1, v);
            }
        }
        // `hundreds of millions`, `tens of thousands`, `Hunderte Millionen`
        if let Some(v) = counts_a_scale(&l) {
            let of = usize::from(next == "of");
            let scaled = toks
                .get(i + 1 + of)
                .and_then(|t| plural_scale(&t.text.to_lowercase()))
                .filter(|s| *s > v);
            if let Some(s) = scaled {
                return gt(i, i + 1 + of, v * s);
            }
        }
        if let Some(v) = plural_scale(&l) {
            // "hundreds of", "Tausende Menschen"
            return gt(i, i, v);
        }
        None
    }

    /// `15 Dollar und 15 Cent`, `thirteen dollars forty five`, `zwei Euro fünfzig`,
    /// `one dollar and one`: the minor unit adds hundredths.
    fn subunit_after(&self, toks: &[Tok], ns: &mut NumberSpan, lang: Lang) {
        let mut k = ns.last + 1;
        if toks
            .get(k)
            .is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "and" | "und"))
        {
            k += 1;
        }
        let Some(t) = toks.get(k) else { return };
        let parsed = match t.kind {
            TokKind::Digits if t.text.len() <= 2 => parse_digits(t.text, lang).map(|v| (k, v)),
            TokKind::Word if lang == Lang::De => de_word(t.text)
                .filter(|v| *v < 100.0 && *v >= 1.0)
                .map(|v| (k, v)),
            TokKind::Word => en_integer(toks, k, false).filter(|(_, v)| *v < 100.0),
            _ => None,
        };
        let Some((l, v)) = parsed else { return };
        if v.fract() != 0.0 {
            return;
        }
        let with_cent = toks.get(l + 1).is_some_and(|c| subunit(c.text).is_some());
        // `… 2,2 Millionen Dollar ein.`: a bare `ein` after the currency is a separable verb
        // particle (or an article), never one cent (guideline, second edition)
        let bare = k == ns.last + 1;
        if !with_cent
            && bare
            && lang == Lang::De
            && DE_INDEFINITE_ONE.contains(&t.text.to_lowercase().as_str())
        {
            return;
        }
        // Without an explicit `Cent`, only directly after the currency word or after `and`.
        let next_is_noun = toks.get(l + 1).is_some_and(|c| {
            c.kind == TokKind::Word
                && !matches!(
                    c.text.to_lowercase().as_str(),
                    "and" | "und" | "of" | "for" | "für"
                )
        });
        if !with_cent && next_is_noun {
            return;
        }
        ns.value += v / 100.0;
        ns.last = if with_cent { l + 1 } else { l };
    }

    /// Chinese sums in major and minor units: `五元三毛` 5.3, `两美元又三美分` 2.03,
    /// `三块五` 3.5 (a bare numeral after `块` counts tenths), `五元三角二分` 5.32.
    fn zh_minor_units(&self, toks: &[Tok], ns: &mut NumberSpan, text: &str) {
        let mut bare_tenths = toks[ns.last].text == "块";
        for _ in 0..2 {
            let mut k = ns.last + 1;
            if toks
                .get(k)
                .is_some_and(|t| t.text == "又" && !t.space_before)
            {
                k += 1;
            }
            let Some(n) = toks
                .get(k)
                .filter(|t| !t.space_before && matches!(t.kind, TokKind::Zh | TokKind::Digits))
            else {
                return;
            };
            let Some(v) = (match n.kind {
                TokKind::Zh => parse_zh(n.text),
                _ => parse_digits(n.text, Lang::Zh),
            })
            .filter(|v| *v < 10.0 && v.fract() == 0.0) else {
                return;
            };
            let Some((len, per)) = claimx_lang::units::zh_minor_unit(&text[n.end..]) else {
                // `三块五`: the numeral alone after 块 is tenths, when nothing numeric follows
                let next = text[n.end..].chars().next();
                if bare_tenths && !next.is_some_and(|c| is_zh_numeral(c) || c.is_ascii_digit()) {
                    ns.value = ((ns.value + v / 10.0) * 100.0).round() / 100.0;
                    ns.last = k;
                }
                return;
            };
            // in cents, so that 5 + 0.3 + 0.02 is 5.32, not 5.319999…
            ns.value = ((ns.value + v / per) * 100.0).round() / 100.0;
            let end = n.end + len;
            ns.last = k;
            while toks.get(ns.last + 1).is_some_and(|t| t.end <= end) {
                ns.last += 1;
            }
            bare_tenths = false;
        }
    }

    fn scale_after(&self, toks: &[Tok], ns: &mut NumberSpan, lang: Lang) {
        if let Some(n) = toks.get(ns.last + 1) {
            if n.kind == TokKind::Word {
                let single = n.text.chars().count() == 1;
                let spaced_ok = !single || !n.space_before || (lang == Lang::En && n.text == "k");
                if let Some(s) = scale_word(n.text, lang).filter(|_| spaced_ok) {
                    // German `Dutzend` is a noun (capitalised); lower-case `dutzend` after a
                    // number still counts, as do English `dozen`, `dzs`, `doz`.
                    if s != 12.0
                        || lang != Lang::De
                        || n.text.starts_with(char::is_uppercase)
                        || n.text == "dutzend"
                    {
                        ns.value *= s;
                        ns.last += 1;
                        ns.year_like = false;
                        let abbrev = matches!(
                            n.text.to_lowercase().as_str(),
                            "mio" | "mrd" | "tsd" | "bio" | "mill"
                        );
                        if abbrev
                            && toks
                                .get(ns.last + 1)
                                .is_some_and(|d| d.text == "." && !d.space_before)
                        {
                            ns.last += 1; // Mio. / Mrd. / Tsd.
                        }
                    }
                }
            } else if n.kind == TokKind::Zh && !n.space_before {
                if let Some(u) = n.text.chars().next().and_then(zh_big_unit) {
                    // (`1.2百分点` is percentage points, `百分之` a percentage: no hundred)
                    let fen_next = toks
                        .get(ns.last + 2)
                        .is_some_and(|f| f.start == n.end && f.text.starts_with('分'));
                    if n.text.chars().count() == 1 && !fen_next {
                        ns.value *= u;
                        ns.last += 1;
                    }
                }
            }
        }
    }

    fn english_words(&self, toks: &[Tok], i: usize) -> Option<NumberSpan> {
        let lower = |j: usize| {
            toks.get(j)
                .map(|t| t.text.to_lowercase())
                .unwrap_or_default()
        };
        let cardinal =
            |first, last, value| Some(NumberSpan::new(first, last, value, FigureType::Cardinal));
        let w = lower(i);
        // Sign: "minus five", "negative 3"
        if matches!(w.as_str(), "minus" | "negative") {
            let inner = match toks.get(i + 1)?.kind {
                TokKind::Digits => {
                    let v = parse_digits(toks[i + 1].text, Lang::En)?;
                    NumberSpan::new(i + 1, i + 1, v, FigureType::Cardinal)
                }
                TokKind::Word => self.english_words(toks, i + 1)?,
                _ => return None,
            };
            return cardinal(i, inner.last, -inner.value);
        }
        // "half million", "quarter million"
        if matches!(w.as_str(), "half" | "quarter") {
            if let Some(m) = en_multiplier(&lower(i + 1)).filter(|m| *m >= 1000.0) {
                let f = if w == "half" { 0.5 } else { 0.25 };
                return cardinal(i, i + 1, f * m);
            }
        }
        // "half a dozen", "half a million": half of the one scale the article counts
        if w == "half" && matches!(lower(i + 1).as_str(), "a" | "an") {
            if lower(i + 2) == "dozen" {
                return cardinal(i, i + 2, 6.0);
            }
            if let Some(m) = en_multiplier(&lower(i + 2)).filter(|m| *m >= 1000.0) {
                return cardinal(i, i + 2, 0.5 * m);
            }
        }
        // "a hundred", "a dozen", "a fifth", "a half"
        let (int, mut last, first_is_a) = if w == "a" || w == "an" {
            let n = lower(i + 1);
            if let Some((l, d, _)) = en_denominator(toks, i + 1) {
                // English halves are `half`, never `a second`: that is a rank (`a second
                // term`, left to the ordinal rule) or the unit of time (`a tenth of a second`)
                if n == "second" {
                    return None;
                }
                // `a third term`, `a fifth straight month`: an ordinal after the article,
                // unless a noun phrase could not follow (`a third of`, `a fifth.`)
                let next = lower(l + 1);
                let ordinal_use = toks.get(l + 1).is_some_and(|t| t.kind == TokKind::Word)
                    && !matches!(next.as_str(), "of" | "and" | "or" | "to")
                    && d != 2.0;
                // `a half hour`: a length of time, not a share
                if ordinal_use || crate::dates::duration_of(1.0, &next).is_some() {
                    return None;
                }
                // `by a quarter`, `a fifth.`: a share, as `a fifth of` (guideline)
                return Some(NumberSpan {
                    unit: Some("%".into()),
                    ..NumberSpan::new(i, l, 100.0 / d, FigureType::Percent)
                });
            }
            en_multiplier(&n)?;
            let (l, v) = en_integer(toks, i + 1, true)?;
            (v, l, true)
        } else {
            match en_integer(toks, i, false) {
                Some((l, v)) => (v, l, false),
                None => {
                    // Ordinals: first, second, 21st
                    if let Some(v) = en_ordinal(&w).filter(|_| !w.ends_with('s')) {
                        if v == 1.0 && first_is_no_rank(toks, i) {
                            return None;
                        }
                        if w == "second"
                            && toks
                                .get(i + 1)
                                .is_some_and(|n| n.text.starts_with("half") || n.text == "quarter")
                        {
                            return None;
                        }
                        // `a second` before no noun is the unit of time (`took a second`, `a
                        // tenth of a second`), not a rank
                        if w == "second"
                            && i > 0
                            && matches!(lower(i - 1).as_str(), "a" | "an")
                            && !toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Word)
                        {
                            return None;
                        }
                        // `third-largest`: the superlative is part of the rank
                        let superlative = toks
                            .get(i + 1)
                            .is_some_and(|d| d.text == "-" && !d.space_before)
                            && toks.get(i + 2).is_some_and(|s| {
                                !s.space_before
                                    && s.kind == TokKind::Word
                                    && s.text.ends_with("est")
                            });
                        let last = if superlative { i + 2 } else { i };
                        return Some(NumberSpan::new(i, last, v, FigureType::Ordinal));
                    }
                    return None;
                }
            }
        };
        let mut value = int;
        // Fractions: "five eighths", "one twenty-fifth", "one-eighth", "five - eighths"
        let mut j = last + 1;
        if lower(j) == "-" {
            j += 1;
        }
        if let Some((l, d, plural)) = en_denominator(toks, j) {
            if (plural || int == 1.0 || lower(j) == "half")
                && !matches!(lower(j).as_str(), "second" | "first")
            {
                // `twenty and three fifths`, `two million and one half`: the part after the
                // last `and` is a proper fraction of the whole before it.
                if let Some(k) = (i..=last).rev().find(|&k| lower(k) == "and") {
                    if let Some((l2, n)) =
                        en_integer(toks, k + 1, false).filter(|(l2, _)| *l2 == last)
                    {
                        let _ = l2;
                        if n < d {
                            let whole = int - n;
                            let big = (i..k)
                                .rev()
                                .find_map(|q| en_multiplier(&lower(q)).filter(|m| *m >= 1000.0));
                            let v = match big {
                                Some(m) => whole + n / d * m,
                                None => whole + n / d,
                            };
                            return cardinal(i, l, v);
                        }
                    }
                }
                value = int / d;
                last = l;
                return cardinal(i, last, value);
            }
        }
        // "one over 3", "one over twenty"
        if lower(last + 1) == "over" && int <= 10.0 {
            if let Some(t) = toks.get(last + 2) {
                let d = if t.kind == TokKind::Digits {
                    parse_digits(t.text, Lang::En).map(|v| (last + 2, v))
                } else {
                    en_integer(toks, last + 2, false)
                };
                if let Some((l, d)) = d.filter(|d| d.1 != 0.0) {
                    return cardinal(i, l, int / d);
                }
            }
        }
        // "… and a half", "… and three fifths", "five and a half million",
        // "one billion and a quarter million", "five billion and three quarters"
        if lower(last + 1) == "and" {
            if let Some((l, f)) = en_fraction(toks, last + 2) {
                let last_mult = (i..=last)
                    .rev()
                    .find_map(|k| en_multiplier(&lower(k)).filter(|m| *m >= 1000.0));
                if let Some(m2) = en_multiplier(&lower(l + 1)).filter(|m| *m >= 1000.0) {
                    let v = if last_mult.is_some() {
                        value + f * m2
                    } else {
                        (value + f) * m2
                    };
                    return cardinal(i, l + 1, v);
                }
                let v = match last_mult {
                    Some(m) => value + f * m,
                    None => value + f,
                };
                return cardinal(i, l, v);
            }
        }
        // "two hundred point seventy-one", "nought point nought three"
        if lower(last + 1) == "point" {
            let mut k = last + 2;
            let mut digits = String::new();
            if toks.get(k).is_some_and(|t| t.kind == TokKind::Digits) {
                digits = toks[k].text.to_string();
                k += 1;
            } else {
                // Digit words one by one (`nought three`), or one number (`seventy-one`).
                while let Some(v) = toks
                    .get(k)
                    .and_then(|t| en_small(t.text))
                    .filter(|v| *v < 10.0)
                {
                    digits.push_str(&format!("{}", v as i64));
                    k += 1;
                }
                if digits.is_empty() {
                    if let Some((l, v)) = en_integer(toks, k, false) {
                        digits = format!("{}", v as i64);
                        k = l + 1;
                    }
                }
            }
            if !digits.is_empty() {
                if let Ok(f) = format!("0.{digits}").parse::<f64>() {
                    value += f;
                    last = k - 1;
                    // `two point five million`: a scale after the decimals scales the whole
                    if let Some(m) = en_multiplier(&lower(k)).filter(|m| *m >= 1000.0) {
                        value *= m;
                        last = k;
                    }
                }
            }
        }
        if value == 1.0 && last == i && w == "one" && !first_is_a {
            // "one of", "no one", "the one": a pronoun, not a figure.
            let prev = if i > 0 {
                toks[i - 1].text.to_lowercase()
            } else {
                String::new()
            };
            let next = lower(i + 1);
            if matches!(next.as_str(), "of" | "another" | "'" | "’" | "day")
                || matches!(
                    prev.as_str(),
                    "no" | "the"
                        | "any"
                        | "every"
                        | "each"
                        | "this"
                        | "that"
                        | "which"
                        | "some"
                        | "someone"
                        | "anyone"
                )
            {
                return None;
            }
        }
        cardinal(i, last, value)
    }

    fn german_words(&self, toks: &[Tok], i: usize) -> Option<NumberSpan> {
        let w = toks[i].text.to_lowercase();
        let is_article = DE_INDEFINITE_ONE.contains(&w.as_str());
        let mut value;
        let mut last = i;
        // what the scales above a thousand have counted so far
        let mut total = 0.0;
        // `einer knappen Milliarde` (nearly), `eine gute Million` (a little over): the
        // adjective between the article and its scale is the bound
        let mut adjective_bound = None;
        if is_article {
            let mut at = i + 1;
            let adjective = toks.get(at).map(|t| t.text.to_lowercase());
            let stem = adjective
                .as_deref()
                .map(|a| a.trim_end_matches(['e', 'n', 'r']));
            adjective_bound = match stem {
                Some("knapp") => Some(Bound::Approx),
                Some("gut") => Some(Bound::Gt),
                _ => None,
            };
            if adjective_bound.is_some() {
                at += 1;
            }
            let n = toks.get(at)?;
            let nl = n.text.to_lowercase();
            let m = match de_scale_after_article(&nl) {
                Some(m) => m,
                // `ein Prozent`, `einem Prozentpunkt`, `einen Euro`: the article counts one of the
                // unit after it (the percent and currency rules then take the unit)
                _ if currency_word(n.text).is_some()
                    || matches!(nl.as_str(), "prozent" | "prozentpunkt" | "prozentpunkte") =>
                {
                    return Some(NumberSpan::new(i, i, 1.0, FigureType::Cardinal));
                }
                _ if w == "eins" => {
                    return Some(NumberSpan::new(i, i, 1.0, FigureType::Cardinal));
                }
                _ => return None,
            };
            // `eine Million zweihunderttausend`: the scale counts and the groups after it add
            if m >= 1e6 {
                (total, value) = (m, 0.0);
            } else {
                value = m;
            }
            last = at;
        } else if let Some(m) = de_following_scale(&w)
            .filter(|m| *m >= 1e6 && matches!(w.as_str(), "million" | "milliarde" | "billion"))
            .filter(|_| {
                toks.get(i + 1)
                    .is_some_and(|c| currency_word(c.text).is_some())
            })
        {
            // `die genannte Milliarde Euro`: a singular scale noun before a currency is one of it
            return Some(NumberSpan::new(i, i, m, FigureType::Cardinal));
        } else if let Some(v) = de_word(&w) {
            if DE_FRACTION_WORDS.contains(&w.as_str()) || de_denominator(&w).is_some() {
                return None;
            }
            value = v;
        } else if let Some(v) = de_ordinal(&w) {
            // "einer der ersten": not a ranking.
            if v == 1.0
                && i >= 1
                && toks[i - 1].text.eq_ignore_ascii_case("der")
                && i >= 2
                && toks[i - 2].text.to_lowercase().starts_with("ein")
            {
                return None;
            }
            if v == 1.0 && first_is_no_rank(toks, i) {
                return None;
            }
            return Some(NumberSpan::new(i, i, v, FigureType::Ordinal));
        } else {
            return None;
        }
        // Decimals in words: `zwei Komma drei`, `null Komma null fünf`, `drei Komma
        // fünfundzwanzig` (digit words one by one, or one number for all the decimals).
        if !is_article
            && toks
                .get(last + 1)
                .is_some_and(|k| k.text.eq_ignore_ascii_case("komma"))
        {
            let mut digits = String::new();
            let mut k = last + 2;
            while let Some(d) = toks
                .get(k)
                .filter(|t| t.kind == TokKind::Word)
                .and_then(|t| de_word(t.text).or_else(|| (t.text == "null").then_some(0.0)))
                .filter(|d| *d < 10.0 && d.fract() == 0.0)
            {
                digits.push_str(&format!("{}", d as u8));
                k += 1;
            }
            if digits.is_empty() {
                if let Some(d) = toks
                    .get(k)
                    .filter(|t| t.kind == TokKind::Word)
                    .and_then(|t| de_word(t.text))
                    .filter(|d| d.fract() == 0.0 && *d < 1000.0)
                {
                    digits = format!("{}", d as u32);
                    k += 1;
                }
            }
            if let Ok(f) = format!("0.{digits}").parse::<f64>() {
                value += f;
                last = k - 1;
            }
        }
        // Scales and further groups: "zwei Millionen dreihundert…", "dreißig dutzend"
        while let Some(n) = toks.get(last + 1) {
            let nl = n.text.to_lowercase();
            let m = de_following_scale(&nl).unwrap_or(0.0);
            if m > 0.0 {
                if m >= 1e6 {
                    total += value * m;
                    value = 0.0;
                } else {
                    value *= m;
                }
                last += 1;
                continue;
            }
            if total > 0.0 && value == 0.0 {
                if let Some(v) = de_word(&nl) {
                    value = v;
                    last += 1;
                    continue;
                }
            }
            break;
        }
        Some(NumberSpan {
            first: i,
            last,
            value: total + value,
            kind: FigureType::Cardinal,
            bound: adjective_bound,
            unit: None,
            year_like: false,
        })
    }

    /// Currency, percent, ordinal suffixes, counted nouns and quantity units around a number.
    fn decorate(
        &self,
        toks: &[Tok],
        ns: &mut NumberSpan,
        lang: Lang,
        text: &str,
        min_start: usize,
    ) {
        // Currency before: $ 5, US$5, € 3, USD 5 (unless that sign ended the previous figure)
        if ns.first > 0 && toks[ns.first - 1].start >= min_start {
            let p = &toks[ns.first - 1];
            let mut code =
                currency_symbol(p.text).or_else(|| claimx_lang::currencies::symbol(p.text));
            let mut first = ns.first - 1;
            // a sign written with a full stop: `Rs. 500`
            if code.is_none() && p.text == "." && first > 0 && toks[first - 1].end == p.start {
                code = currency_symbol(&text[toks[first - 1].start..p.end]);
                if code.is_some() {
                    first -= 1;
                }
            }
            if p.text == "$" && first > 0 {
                // `US$`, `HK $`, `C$`, `usd$`, `u.s $`
                let q = &toks[first - 1];
                let dotted = q.text.eq_ignore_ascii_case("s")
                    && first >= 3
                    && toks[first - 2].text == "."
                    && toks[first - 3].text.eq_ignore_ascii_case("u");
                // A lone `a`/`s` before a spaced `$` is an article or a plural, not a code.
                let attached = q.end == p.start;
                let single = q.text.chars().count() == 1 && !q.text.eq_ignore_ascii_case("c");
                if dotted {
                    code = Some("USD");
                    first -= 3;
                } else if q.kind == TokKind::Word && (attached || !single) {
                    if let Some(c) = dollar_prefix(q.text) {
                        code = Some(c);
                        first -= 1;
                    } else if let Some(c) = attached
                        .then(|| claimx_lang::currencies::symbol(&text[q.start..p.end]))
                        .flatten()
                    {
                        // `R$`, `NT$`, `EC$`: CLDR's symbols that only one currency has
                        code = Some(c);
                        first -= 1;
                    }
                }
            }
            if code.is_none()
                && p.kind == TokKind::Word
                && p.text.len() == 3
                && p.text.chars().all(|c| c.is_ascii_uppercase())
            {
                code = iso_code(p.text);
            }
            if let Some(c) = code {
                ns.first = first;
                ns.kind = FigureType::Money;
                ns.unit = Some(c.to_string());
                ns.year_like = false;
                self.scale_after(toks, ns, lang);
                return;
            }
        }
        let Some(n) = toks.get(ns.last + 1) else {
            return;
        };
        let nl = n.text.to_lowercase();
        // `kanadischen Dollar`, `australian dollars`, `swiss francs`, `us dollar`, `hong kong dollars`
        if let Some((extra, code)) = qualified_currency(toks, ns.last + 1) {
            ns.last += extra;
            ns.kind = FigureType::Money;
            ns.unit = Some(code.to_string());
            ns.year_like = false;
            self.subunit_after(toks, ns, lang);
            return;
        }
        // `siebenhundert-Euro`, `one-yen`, `12-cent`
        if n.text == "-" && !n.space_before {
            // `a 5.5-pound box` is a weight: an English pound made an adjective weighs,
            // unless it names a note or coin (`a five-pound note`)
            let weight = lang == Lang::En
                && toks
                    .get(ns.last + 2)
                    .is_some_and(|c| c.text.eq_ignore_ascii_case("pound"))
                && toks.get(ns.last + 3).is_some_and(|w| {
                    w.kind == TokKind::Word
                        && w.text.chars().next().is_some_and(char::is_lowercase)
                        && !claimx_lang::en::BANKNOTE_NOUNS.contains(&w.text)
                });
            if weight {
                ns.last += 2;
                ns.kind = FigureType::Quantity;
                ns.unit = Some("lb".to_string());
                ns.year_like = false;
                return;
            }
            if let Some(c) = toks
                .get(ns.last + 2)
                .filter(|c| !c.space_before)
                .and_then(|c| currency_word(c.text).or_else(|| subunit(c.text)))
            {
                ns.last += 2;
                ns.kind = FigureType::Money;
                ns.unit = Some(c.to_string());
                ns.year_like = false;
                return;
            }
        }
        // `50p` is pence; `1080p` a video resolution: amounts of 100 pence and more are
        // written in pounds
        let pence_suffix = n.text.eq_ignore_ascii_case("p") && !n.space_before;
        if let Some(c) = subunit(n.text).filter(|_| !pence_suffix || ns.value < 100.0) {
            ns.last += 1;
            ns.kind = FigureType::Money;
            ns.unit = Some(c.to_string());
            ns.year_like = false;
            return;
        }
        // `millions of dollars`, `hundreds of millions of euros`: a plural scale's `of`
        // opens the currency
        if nl == "of" && plural_scale(&toks[ns.last].text.to_lowercase()).is_some() {
            if let Some(c) = toks.get(ns.last + 2).and_then(|c| currency_word(c.text)) {
                ns.last += 2;
                ns.kind = FigureType::Money;
                ns.unit = Some(c.to_string());
                return;
            }
        }
        // Currency after: 5 Dollar, 1000万元, 3 Mrd. Euro, 100 US-Dollar, 20个比特币
        // the currency name takes the tokens up to `len` bytes after the number
        let named = |ns: &mut NumberSpan, len: usize, code: &str| {
            let end = toks[ns.last].end + len;
            while toks.get(ns.last + 1).is_some_and(|t| t.end <= end) {
                ns.last += 1;
            }
            ns.kind = FigureType::Money;
            ns.unit = Some(code.to_string());
            ns.year_like = false;
        };
        if let Some((len, code)) = zh_currency_after(text, toks[ns.last].end) {
            named(ns, len, code);
            self.zh_minor_units(toks, ns, text);
            return;
        }
        // Names from CLDR: `100 indische Rupien`, `2 Brazilian reals`, `5 南非兰特`
        if let Some((len, code)) = claimx_lang::currencies::name_at(&text[toks[ns.last].end..]) {
            named(ns, len, code);
            self.subunit_after(toks, ns, lang);
            return;
        }
        let (code, extra) = if nl == "us"
            && toks.get(ns.last + 2).is_some_and(|t| t.text == "-")
            && toks
                .get(ns.last + 3)
                .is_some_and(|t| t.text.to_lowercase().starts_with("dollar"))
        {
            (Some("USD"), 3)
        } else if n.kind == TokKind::Other || n.kind == TokKind::Word {
            let two: String = toks
                .get(ns.last + 2)
                .filter(|t| !t.space_before)
                .map(|t| format!("{}{}", n.text, t.text))
                .unwrap_or_default();
            match currency_word(&two) {
                Some(c) => (Some(c), 2),
                None => (
                    currency_word(n.text)
                        .or_else(|| currency_symbol(n.text))
                        .or_else(|| claimx_lang::currencies::symbol(n.text)),
                    1,
                ),
            }
        } else {
            (None, 0)
        };
        if let Some(c) = code {
            ns.last += extra;
            ns.kind = FigureType::Money;
            ns.unit = Some(c.to_string());
            ns.year_like = false;
            // `75 USD million`
            self.scale_after(toks, ns, lang);
            // Minor units follow currency words and codes, not signs: `10 $ 30 $` is two sums.
            if toks[ns.last].text.chars().all(char::is_alphabetic) {
                self.subunit_after(toks, ns, lang);
            }
            return;
        }
        // `0.25个百分点`: percentage points, as `Prozentpunkte`
        if let Some(w) = ["个百分点", "百分点"]
            .into_iter()
            .find(|w| text[toks[ns.last].end..].starts_with(w))
        {
            let end = toks[ns.last].end + w.len();
            if toks[ns.last + 1..].iter().any(|t| t.end == end) {
                while toks.get(ns.last + 1).is_some_and(|t| t.end <= end) {
                    ns.last += 1;
                }
                ns.kind = FigureType::Percent;
                ns.unit = Some("%".into());
                ns.year_like = false;
                return;
            }
        }
        // `40C`, `104F`: a temperature written the British way, glued to its scale letter
        // (not in Chinese text, where `58C` is a flat; not after a capitalised word, as in
        // `Flat 12C` or `Gate 40C`)
        if lang != Lang::Zh
            && matches!(n.text, "C" | "F")
            && !n.space_before
            && ns.kind == FigureType::Cardinal
            && toks[ns.last].kind == TokKind::Digits
            // (`14.7C/ per security` is cents)
            && text[n.end..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || ".,;:!?)".contains(c))
            && !(ns.first > 0
                && toks[ns.first - 1].kind == TokKind::Word
                && toks[ns.first - 1].text.starts_with(char::is_uppercase))
        {
            let (unit, range) = if n.text == "C" {
                ("°C", -90.0..=60.0)
            } else {
                ("°F", -130.0..=140.0)
            };
            if range.contains(&ns.value) {
                ns.last += 1;
                ns.kind = FigureType::Quantity;
                ns.unit = Some(unit.to_string());
                ns.year_like = false;
                return;
            }
        }
        // Percent
        if matches!(n.text, "%" | "％")
            || matches!(
                nl.as_str(),
                "prozent" | "percent" | "pct" | "prozentpunkte" | "prozentpunkt"
            )
            || (nl == "per" && toks.get(ns.last + 2).is_some_and(|t| t.text == "cent"))
        {
            ns.last += if nl == "per" { 2 } else { 1 };
            ns.kind = FigureType::Percent;
            ns.unit = Some("%".into());
            ns.year_like = false;
            return;
        }
        if nl == "percentage"
            && toks
                .get(ns.last + 2)
                .is_some_and(|t| t.text.starts_with("point"))
        {
            ns.last += 2;
            ns.kind = FigureType::Percent;
            ns.unit = Some("%".into());
            return;
        }
        // Ordinal suffix: 21st, 3rd
        if ns.kind == FigureType::Cardinal
            && !n.space_before
            && matches!(nl.as_str(), "st" | "nd" | "rd" | "th")
        {
            ns.last += 1;
            ns.kind = FigureType::Ordinal;
            ns.year_like = false;
            return;
        }
        // Chinese bound suffixes: 100多, 以上, 左右
        if matches!(n.text, "多" | "余") && !n.space_before {
            ns.bound = Some(Bound::Gt);
        }
        // Units of measurement from CLDR, of one or more words (`kilowatt-hours`, `metric
        // tons`, `Kilometern pro Stunde`, `公里`, `千瓦时`), where they end at a token end
        let after = toks[ns.last].end;
        let rest = &text[after..];
        let unit_here = claimx_lang::measures::unit_at(rest).or_else(|| {
            // a compound adjective: `a 45-acre farm`, `ein 5-Kilometer-Lauf`
            let r = rest
                .strip_prefix('-')
                .filter(|r| !r.starts_with(char::is_whitespace))?;
            claimx_lang::measures::unit_at(r).map(|(n, u)| (n + 1, u))
        });
        if let Some((len, unit)) = unit_here {
            let end = after + len;
            if toks[ns.last + 1..].iter().take(8).any(|t| t.end == end) {
                // the news conventions win where both know the word (`tons`, `吨`: tonnes)
                let written = text[after..end].trim_start().trim_start_matches('-');
                let unit = claimx_lang::units::unit_convention(written).unwrap_or(unit);
                while toks.get(ns.last + 1).is_some_and(|t| t.end <= end) {
                    ns.last += 1;
                }
                ns.kind = FigureType::Quantity;
                ns.unit = Some(unit.to_string());
                ns.year_like = false;
                return;
            }
        }
        // Quantity units
        if let Some(u) = quantity_unit(n.text) {
            if !(u.len() == 1
                && n.space_before
                && lang != Lang::Zh
                && n.text.chars().all(|c| c.is_alphabetic())
                && !matches!(n.text, "m" | "g"))
            {
                ns.last += 1;
                ns.kind = FigureType::Quantity;
                ns.unit = Some(u.to_string());
                ns.year_like = false;
                return;
            }
        }
        if ns.kind == FigureType::Cardinal {
            ns.unit = counted_noun(toks, ns.last + 1, lang, text);
            if ns.year_like {
                // `2018 gegründete` is a year; `2018 Mitarbeiter` a count.
                let next = toks.get(ns.last + 1);
                let noun_next = next.is_some_and(|t| {
                    t.kind == TokKind::Word
                        && month_number(t.text).is_none()
                        && match lang {
                            Lang::De => t.text.starts_with(char::is_uppercase),
                            _ => {
                                t.text.starts_with(char::is_lowercase)
                                    && t.text.ends_with('s')
                                    && t.text.len() > 3
                            }
                        }
                });
                // `in 2020 sales rose`, `Anfang 2023 Preise`: a year after a word that
                // governs one
                let governed = ns.first > 0
                    && claimx_lang::calendar::governs_a_year(
                        toks[ns.first - 1].text,
                        ns.first.checked_sub(2).map(|k| toks[k].text),
                    );
                if !noun_next || governed {
                    ns.unit = None;
                }
            }
        }
    }
}

fn zh_excluded(text: &str, t: &Tok) -> bool {
    // the denominator of a fraction (`千分之一`, `万分之三`), not `十分` ("very") or `万分`
    // ("extremely")
    if text[t.end..].starts_with("分之") {
        return false;
    }
    // Numerals inside ordinary words: 一般, 一些, 统一, 唯一, 万一, 之一 …
    let after = text[t.end..].chars().next();
    let before = text[..t.start].chars().next_back();
    if before == Some('第') && after == Some('方') {
        return true; // 第三方: third party
    }
    if matches!(t.text, "俩" | "倆") && matches!(before, Some('伎' | '技')) {
        return true; // 伎俩: a trick
    }
    // Financial numerals alone are mostly parts of words: 陆地, 拾取, 入伍, 肆无忌惮.
    if matches!(
        t.text,
        "陆" | "陸" | "拾" | "伍" | "肆" | "柒" | "捌" | "玖"
    ) {
        return true;
    }
    // Place names: 四川, 三亚, 九江 …
    if matches!(after, Some('川' | '亚' | '江' | '明' | '峡')) && t.text.chars().count() == 1 {
        return true;
    }
    // `万一`, "in case": 11,000 is written `一万一`
    if t.text == "万一" || t.text == "萬一" {
        return true;
    }
    // `千万不要`, "by all means do not": the adverb before a negation or a wish
    if matches!(t.text, "千万" | "千萬")
        && matches!(after, Some('不' | '别' | '別' | '要' | '莫' | '记' | '記'))
    {
        return true;
    }
    if t.text == "壹" && matches!(after, Some('切')) {
        return true;
    }
    // `另一单位`, `另一方面`: "another", as `一家公司` is "a company" (`另两家` counts two)
    if t.text == "一" && before == Some('另') {
        return true;
    }
    // Words jieba counts as numeral + classifier or noun: 一度 (once, at one time), 一路 (all
    // the way), 一带 (an area; 一带一路), 一哥 (the top one)
    if t.text == "一" && matches!(after, Some('度' | '路' | '带' | '帶' | '哥')) {
        return true;
    }
    if t.text == "一"
        || t.text == "万"
        || t.text == "千"
        || t.text == "百"
        || t.text == "两"
        || t.text == "十"
    {
        if matches!(
            after,
            Some(
                '般' | '些'
                    | '起'
                    | '直'
                    | '定'
                    | '切'
                    | '样'
                    | '旦'
                    | '致'
                    | '律'
                    | '再'
                    | '同'
                    | '向'
                    | '下'
                    | '边'
                    | '面'
                    | '点'
                    | '时'
                    | '种'
                    | '项'
                    | '方'
                    | '体'
                    | '分'
            )
        ) && t.text != "百"
        {
            return true;
        }
        if matches!(
            before,
            Some('统' | '唯' | '之' | '同' | '单' | '万' | '千' | '专' | '均' | '划' | '整' | '逐')
        ) {
            return true;
        }
        if t.text == "万" || t.text == "千" || t.text == "百" {
            // a unit alone is a word's part unless a word before counts it (`数百人`)
            let counted =
                text[..t.start].ends_with(UNIT_COUNTERS) && unit_is_no_word_start(text, t);
            return !matches!(after, Some('分')) && !counted;
        }
    }
    false
}

/// `first` / `erste` that ranks nothing (the guideline: an ordinal only when a real ordinal
/// number): after an indefinite article it means "initial" (`a first estimate`, `eine erste
/// Schätzung`), before `time` / `Mal` it is an idiom (`the first time`, `das erste Mal`).
fn first_is_no_rank(toks: &[Tok], i: usize) -> bool {
    let before = i
        .checked_sub(1)
        .map(|k| toks[k].text.to_lowercase())
        .unwrap_or_default();
    let indefinite = matches!(
        before.as_str(),
        "a" | "an" | "ein" | "eine" | "einen" | "einem" | "einer" | "eines"
    );
    let idiom = toks
        .get(i + 1)
        .is_some_and(|n| matches!(n.text, "time" | "Mal"));
    indefinite || idiom
}

const EN_STOP: &[&str] = &[
    "of", "in", "at", "to", "and", "or", "that", "who", "which", "from", "for", "with", "was",
    "were", "is", "are", "have", "has", "had", "will", "would", "per", "a", "an", "the", "on",
    "by", "as", "than", "since", "over", "into", "its", "their", "it", "they", "be", "been",
    "this", "last", "ago", "more", "each", "percent", "but", "while", "when",
];

/// The counted noun after a cardinal: the first capitalised word in German (skipping up to
/// two adjectives), the last word of the following noun run in English, a measure word in
/// Chinese.
fn counted_noun(toks: &[Tok], j: usize, lang: Lang, text: &str) -> Option<String> {
    match lang {
        Lang::Zh => {
            let t = toks.get(j).filter(|t| t.kind == TokKind::Other)?;
            claimx_lang::zh::counted_noun(&text[t.start..]).map(str::to_string)
        }
        Lang::De => {
            for k in j..j + 3 {
                let t = toks.get(k)?;
                if t.kind != TokKind::Word {
                    return None;
                }
                if t.text.starts_with(char::is_uppercase) {
                    if month_number(t.text).is_some() {
                        return None;
                    }
                    let mut s = t.end;
                    let mut e = k;
                    // Hyphenated nouns: `KI-Fachkräfte`
                    while toks
                        .get(e + 1)
                        .is_some_and(|x| x.text == "-" && !x.space_before)
                        && toks
                            .get(e + 2)
                            .is_some_and(|x| x.kind == TokKind::Word && !x.space_before)
                    {
                        e += 2;
                        s = toks[e].end;
                    }
                    return Some(text[t.start..s].to_string());
                }
                if matches!(
                    t.text,
                    "und"
                        | "oder"
                        | "in"
                        | "von"
                        | "bis"
                        | "auf"
                        | "mit"
                        | "für"
                        | "der"
                        | "die"
                        | "das"
                        | "den"
                        | "dem"
                        | "des"
                        | "im"
                        | "am"
                        | "zu"
                        | "als"
                        | "pro"
                        | "je"
                ) {
                    return None;
                }
            }
            None
        }
        _ => {
            // English: the first plural noun within a few words (`more than 100 academic
            // papers`, `1,000 China-based R&D staff`, `12 firms left`); none if no noun.
            const INVARIANT: &[&str] = &[
                "people",
                "staff",
                "personnel",
                "police",
                "children",
                "men",
                "women",
                "cattle",
                "employees",
                "workers",
                "crew",
                "data",
                "media",
                "sheep",
                "fish",
                "aircraft",
            ];
            for t in toks.iter().skip(j).take(5) {
                let connector = (t.text == "&" || t.text == "-") && t.kind == TokKind::Other;
                if t.kind != TokKind::Word && !connector {
                    return None;
                }
                if t.kind != TokKind::Word {
                    continue;
                }
                let l = t.text.to_lowercase();
                if EN_STOP.contains(&l.as_str())
                    || en_small(&l).is_some()
                    || month_number(t.text).is_some()
                {
                    return None;
                }
                let plural = l.len() > 3
                    && l.ends_with('s')
                    && !l.ends_with("ss")
                    && !l.ends_with("us")
                    && !l.ends_with("is");
                if plural || INVARIANT.contains(&l.as_str()) {
                    return Some(t.text.to_string());
                }
            }
            None
        }
    }
}

/// A bound phrase ending right before `start`: its start offset and the bound.
pub(crate) fn bound_before(text: &str, start: usize, _lang: Lang) -> Option<(usize, Bound)> {
    // Bound phrases are short: look back a few words only (keeps long texts linear).
    let from = claimx_doc::floor_char_boundary(text, start.saturating_sub(48));
    let before = &text[from..start];
    let trimmed = before.trim_end();
    let lower = trimmed.to_lowercase();
    if lower.len() != trimmed.len() {
        // Lower-casing changed byte lengths (rare letters): compare case-sensitively instead.
        return BOUNDS
            .iter()
            .find(|(p, _)| ends_with_word(trimmed, p))
            .map(|(p, b)| (from + trimmed.len() - p.len(), *b));
    }
    let mut best: Option<(usize, Bound)> = None;
    for (p, b) in BOUNDS {
        if ends_with_word(&lower, p) {
            let s = from + trimmed.len() - p.len();
            if best.is_none_or(|(bs, _)| s < bs) {
                best = Some((s, *b));
            }
        }
    }
    best
}

/// A change writes its unit once, after the new value: in `von 1,40 auf 0,60 Euro`, `from 3 to
/// 5 percent`, `von 3,2 auf 2,9 Milliarden Euro` the old value is an amount of the same kind,
/// unit and (when it has none of its own) scale word as the new one. Runs before minor units
/// are converted, so `von 90 auf 95 Cent` gives 0.90 and 0.95.
fn units_of_a_change(text: &str, figures: &mut [FigureMatch]) {
    for i in 1..figures.len() {
        let (head, tail) = figures.split_at_mut(i);
        let (a, b) = (&mut head[i - 1], &tail[0]);
        if a.kind != FigureType::Cardinal
            || a.unit.is_some()
            || a.end > b.start
            || !matches!(b.kind, FigureType::Money | FigureType::Percent)
        {
            continue;
        }
        let gap = text[a.end..b.start].trim().to_lowercase();
        let before = text[..a.start].trim_end();
        let opened = ["von", "from", "Von", "From"].iter().any(|w| {
            before
                .strip_suffix(w)
                .is_some_and(|p| !p.ends_with(char::is_alphanumeric))
        });
        if !opened || !matches!(gap.as_str(), "auf" | "to") {
            continue;
        }
        if let (Some(FigureValue::Number(old)), Some(FigureValue::Number(new))) =
            (&mut a.value, &b.value)
        {
            if let Some(scale) = range_scale(
                &text[a.value_start.max(a.start)..a.end],
                &text[b.start..b.end],
            ) {
                // the same order of magnitude once scaled: `von 900 auf 1,2 Milliarden` is
                // 900 millions, which no scale word here says
                let scaled = *old * scale;
                if scaled > 0.0 && (0.01..=100.0).contains(&(scaled / *new)) {
                    *old = scaled;
                }
            }
        }
        a.kind = b.kind;
        a.unit = b.unit.clone();
    }
}

/// Amounts in a minor unit alone (`60 Cent`, `50p`) are converted to the major unit
/// (guideline, second edition: `10 Cent` → 0.10 EUR): pence are hundredths of a pound; cents
/// are hundredths of the currency last named before them in the text, else of the euro in
/// German and the dollar in English.
fn minor_units_in_major(lang: Lang, figures: &mut [FigureMatch]) {
    let mut named: Option<String> = None;
    for m in figures.iter_mut() {
        let major = match m.unit.as_deref() {
            Some("GBX") => "GBP".to_string(),
            Some("cent") => named.clone().unwrap_or_else(|| match lang {
                Lang::De => "EUR".into(),
                _ => "USD".into(),
            }),
            Some(code) if m.kind == FigureType::Money => {
                named = Some(code.to_string());
                continue;
            }
            _ => continue,
        };
        let hundredth = |v: &mut Option<FigureValue>| {
            if let Some(FigureValue::Number(n)) = v {
                *n /= 100.0;
            }
        };
        hundredth(&mut m.value);
        hundredth(&mut m.upper);
        m.unit = Some(major);
    }
}

/// A share written as a fraction (`two thirds`, `ein Drittel`, `jeder Dritte`) is a
/// percentage to two decimals, as the guideline writes it (`two thirds` → 66.67): the
/// fraction's exact value is no more precise than the words. One with a short decimal
/// (`万分之三` → 0.03, `百万分之五` → 0.0005) is exact as it stands.
fn shares_to_two_decimals(text: &str, figures: &mut [FigureMatch]) {
    for m in figures.iter_mut().filter(|m| m.kind == FigureType::Percent) {
        let written = text[m.start..m.end].to_lowercase();
        let as_percent = ["%", "％", "percent", "per cent", "prozent", "百分"]
            .iter()
            .any(|p| written.contains(p));
        // a decimal share stays exact (`百万分之五` → 0.0005, `ein Sechzehntel` → 6.25)
        let decimal = |v: f64| ((v * 1e6).round() - v * 1e6).abs() < 1e-6;
        if let (false, Some(FigureValue::Number(v))) = (as_percent, m.value.as_mut()) {
            if !decimal(*v) {
                *v = (*v * 100.0).round() / 100.0;
            }
        }
    }
}

/// Bare numbers listed between figures of one unit share it, which the list writes once or
/// twice only: `13.43 per cent …, China with 8.44, Canada with 5.71 and France with 1.37
/// percent` are all percentages; `5, 7 and 9 million euros` would need a scale too and is
/// left alone. A run of unitless counts takes the unit only when a percentage (or an amount
/// in one currency, without scale words between) stands on both sides, each gap is short
/// (a list, not the next clause) and no other figure interrupts it.
fn units_of_a_list(text: &str, figures: &mut [FigureMatch]) {
    const MAX_GAP: usize = 40;
    let bare =
        |m: &FigureMatch| m.kind == FigureType::Cardinal && m.unit.is_none() && m.bound.is_none();
    let mut i = 0;
    while i < figures.len() {
        let (kind, unit) = (figures[i].kind, figures[i].unit.clone());
        if !matches!(kind, FigureType::Percent | FigureType::Money) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < figures.len()
            && bare(&figures[j])
            && figures[j].start - figures[j - 1].end <= MAX_GAP
        {
            j += 1;
        }
        let closed = j > i + 1
            && j < figures.len()
            && figures[j].kind == kind
            && figures[j].unit == unit
            && figures[j].start - figures[j - 1].end <= MAX_GAP;
        if closed {
            for m in &mut figures[i + 1..j] {
                let digits = &text[m.start..m.end];
                if digits
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
                {
                    m.kind = kind;
                    m.unit = unit.clone();
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// Chinese figures take the guideline's edges: `第` makes an ordinal of the number after it
/// (`第32` → ORDINAL 32); a trailing `多` or `余` (more than: `10多`, `3万余`) or `左右` or
/// `许` (about: `10%左右`) belongs to the figure as its bound; a measure word does not
/// (`20吨` → CARDINAL `20`, unit `t`), as no classifier does.
fn zh_figure_edges(text: &str, figures: &mut [FigureMatch]) {
    let han = |c: char| claimx_lang::script::is_han(c);
    for m in figures.iter_mut() {
        let numeric = matches!(
            m.kind,
            FigureType::Cardinal | FigureType::Money | FigureType::Percent | FigureType::Quantity
        );
        if !numeric {
            continue;
        }
        if m.kind == FigureType::Cardinal
            && m.start == m.value_start
            && text[..m.start].ends_with('第')
        {
            m.start -= '第'.len_utf8();
            m.value_start = m.start;
            m.kind = FigureType::Ordinal;
            m.unit = None;
            continue;
        }
        // `过百亿元`, `破万`: passing a round number (one of a scale word alone) is more
        // than it, when `过` / `破` is a word of its own (not `经过`, `突破`)
        let round = text[m.value_start..]
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '十' | '百' | '千' | '万' | '亿' | '萬' | '億'));
        if round && m.start == m.value_start && m.bound.is_none() {
            let before = &text[..m.start];
            if let Some(c) = before
                .chars()
                .next_back()
                .filter(|c| claimx_lang::zh::PASSING.contains(c))
            {
                let at = before.len() - c.len_utf8();
                let from = claimx_doc::floor_char_boundary(before, at.saturating_sub(12));
                let own_word = claimx_lang::zh::words(&text[from..m.end])
                    .iter()
                    .any(|w| from + w.start == at && from + w.end == before.len());
                if own_word {
                    m.start = at;
                    m.bound = Some(Bound::Gt);
                }
            }
        }
        // `几十万`, `几万`, `数百`, `上万`: some multiple of the unit, at least the unit itself
        let unit_led = text[m.start..]
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '十' | '百' | '千' | '万' | '亿' | '萬' | '億'));
        if unit_led
            && m.start == m.value_start
            && matches!(m.kind, FigureType::Cardinal | FigureType::Money)
        {
            if let Some(c) = text[..m.start]
                .chars()
                .next_back()
                .filter(|c| matches!(c, '几' | '幾' | '数' | '數' | '上'))
            {
                m.start -= c.len_utf8();
                m.bound = m.bound.or(Some(Bound::Gt));
            }
        }
        let last = text[m.start..m.end].chars().next_back();
        let ends_in_number =
            last.is_some_and(|c| c.is_ascii_digit() || c == '%' || is_zh_numeral(c));
        if ends_in_number {
            let after = &text[m.end..];
            let tail = [
                ("左右", Bound::Approx),
                ("许", Bound::Approx),
                ("多", Bound::Gt),
                ("余", Bound::Gt),
                ("几", Bound::Gt),
                ("幾", Bound::Gt),
            ]
            .into_iter()
            .find(|(w, _)| after.starts_with(w));
            if let Some((w, bound)) = tail {
                // `多` right after a numeral is "more than" (`三十多个`, `十多家`); after a
                // percent sign it opens a word of its own (`多个`, "several"); before a unit
                // of time it belongs to the duration (`十多年`), which the date rules read
                let next = after[w.len()..].chars().next();
                let many = w == "多"
                    && (last == Some('%')
                        || next.is_some_and(|c| matches!(c, '年' | '月' | '天' | '周' | '日')));
                if !many {
                    m.end += w.len();
                    m.bound = m.bound.or(Some(bound));
                }
            }
        }
        // `60楼`, `8至12楼`: a number right before 楼 is a floor, ranked, not counted (`3栋楼`
        // counts buildings by their classifier)
        if m.kind == FigureType::Cardinal && text[m.end..].starts_with(['楼', '樓']) {
            m.kind = FigureType::Ordinal;
            m.unit = None;
            continue;
        }
        // a bare amount after a price noun or a payment verb (`尺价近7万`, `借款1万`) or
        // before a noun of money owed (`2.5万助学贷款`) is money: in Chinese the noun says so
        // and the currency goes unsaid (元; a Hong Kong paper's own dollar is set per text)
        if m.kind == FigureType::Cardinal && ends_in_number {
            let before = text[..m.start].trim_end();
            let after = &text[m.end..];
            let after_noun = after
                .char_indices()
                .take(4)
                .map(|(i, _)| &after[i..])
                .any(|rest| {
                    claimx_lang::zh::MONEY_NOUNS_AFTER
                        .iter()
                        .any(|n| rest.starts_with(n))
                });
            let priced = claimx_lang::zh::PRICE_NOUNS_BEFORE
                .iter()
                .chain(claimx_lang::zh::PAYMENT_VERBS_BEFORE)
                .any(|n| before.ends_with(n))
                || financial_noun_before(before);
            let counted = after.starts_with(|c: char| {
                claimx_lang::zh::CLASSIFIERS.contains(&c)
                    || claimx_lang::zh::MEASURE_WORDS.contains(&c)
            });
            if (priced || after_noun) && !counted && !after.starts_with(['%', '％']) {
                m.kind = FigureType::Money;
                m.unit = Some("CNY".to_string());
            }
        }
        if m.kind == FigureType::Quantity {
            // the longest Chinese ending that names a unit (`千瓦时`, `平方米`, `吨`)
            let body = &text[m.value_start..m.end];
            let unit_start = body
                .char_indices()
                .skip(1)
                .map(|(i, _)| i)
                .find(|&i| body[i..].starts_with(han) && quantity_unit(&body[i..]).is_some());
            if let Some(i) = unit_start {
                m.end = m.value_start + i;
                m.kind = FigureType::Cardinal;
            }
        }
    }
}

/// Whether `before` (the text before a bare amount) ends in a noun of a firm's money, with
/// at most three linking words after it (`投资收益仅录得`, `营收达`).
fn financial_noun_before(before: &str) -> bool {
    let mut rest = before.trim_end();
    for _ in 0..=3 {
        if claimx_lang::zh::FINANCIAL_NOUNS
            .iter()
            .any(|n| rest.ends_with(n))
        {
            return true;
        }
        match claimx_lang::zh::AMOUNT_LINKS
            .iter()
            .find(|l| rest.ends_with(*l))
        {
            Some(l) => rest = rest[..rest.len() - l.len()].trim_end(),
            None => return false,
        }
    }
    false
}

/// Chinese numerals inside an ordinary word are no figures (guideline: 二手, 一些, 一起, 万一,
/// 一直, 无底洞). A figure whose value starts with a Chinese numeral character goes when the
/// word around that character (jieba's segmentation) begins before the figure (进一步,
/// 这一, 西五环, 无底洞), or begins with it and runs on past the figure either by two or more
/// characters (二手市场, 二氧化硫, 一把手: a compound, not a count) or as a verb, adverb or
/// other function word (参与, 一直, 万一). A numeral with one more character that is no
/// such word stays: `两人`, `五大银行`, `一家`.
fn drop_numerals_inside_words(text: &str, figures: &mut Vec<FigureMatch>) {
    let numeral_led = |m: &FigureMatch| {
        text.get(m.value_start..)
            .and_then(|t| t.chars().next())
            .is_some_and(is_zh_numeral)
    };
    if !figures.iter().any(numeral_led) {
        return;
    }
    let words = claimx_lang::zh::words(text);
    figures.retain(|m| {
        if !numeral_led(m) {
            return true;
        }
        let i = words.partition_point(|w| w.end <= m.value_start);
        let Some(word) = words.get(i) else {
            return true;
        };
        if word.start < m.start {
            return false;
        }
        if word.end <= m.end {
            return true;
        }
        // a numeral, its classifier and its noun glued into one noun (`五辆车`) still count:
        // the classifier says the numeral is a number (idioms such as `三番五次` are tagged
        // as idioms, not nouns)
        let counted = text[m.end..].chars().next().is_some_and(|c| {
            claimx_lang::zh::CLASSIFIERS.contains(&c) || claimx_lang::zh::MEASURE_WORDS.contains(&c)
        });
        if counted && (word.tag.starts_with('n') || word.tag == "m") {
            return true;
        }
        let rest = text[m.end..word.end].chars().count();
        rest < 2 && !word.is_function_or_verb()
    });
}

/// Durations take the bound phrase before them as other figures do (`about 18 months`,
/// `逾一年`), unless it reaches into the figure before.
fn bound_durations(text: &str, lang: Lang, figures: &mut [FigureMatch]) {
    let mut prev_end = 0;
    for m in figures.iter_mut() {
        if m.kind == FigureType::Duration && m.bound.is_none() {
            if let Some((s, b)) = bound_before(text, m.start, lang).filter(|(s, _)| *s >= prev_end)
            {
                m.start = s;
                m.bound = Some(b);
            }
        }
        prev_end = m.end;
    }
}

/// Telephone numbers are no figures: `(860) 208-3416`, `860-208-3416`, `+49 30 1234567`.
fn drop_phone_numbers(text: &str, figures: &mut Vec<FigureMatch>) {
    static PHONE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = PHONE.get_or_init(|| {
        regex::Regex::new(
            r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b|\b\d{3}-\d{3}-\d{4}\b|\+\d{1,3}(?:[\s-]\(?\d{1,10}\)?){2,5}\b",
        )
        .expect("phone pattern")
    });
    if !text.contains(['(', '-', '+']) {
        return;
    }
    let phones: Vec<(usize, usize)> = re
        .find_iter(text)
        .filter(|m| m.as_str().chars().filter(char::is_ascii_digit).count() >= 7)
        .map(|m| (m.start(), m.end()))
        .collect();
    if phones.is_empty() {
        return;
    }
    figures.retain(|f| !phones.iter().any(|&(s, e)| f.start < e && s < f.end));
}

/// Words that are figures without a numeral: a halving is a change of 50 % (`cut in half`,
/// `by half`, `减半`, `腰斩`); `首` before a classifier is the ordinal first (`首批` the first
/// batch, `首家`; not `首次`, "for the first time"), when the segmenter reads it as the start of that word (not `元首`,
/// `榜首`).
fn halves_and_firsts(text: &str, lang: Lang, figures: &mut Vec<FigureMatch>) {
    let mut found: Vec<FigureMatch> = Vec::new();
    let figure = |start: usize, end: usize, kind: FigureType, value: f64| FigureMatch {
        start,
        end,
        kind,
        value: Some(FigureValue::Number(value)),
        upper: None,
        bound: None,
        unit: (kind == FigureType::Percent).then(|| "%".to_string()),
        value_start: start,
    };
    if lang == Lang::En {
        for (i, _) in text.match_indices("half") {
            let before = text[..i].trim_end_matches(' ');
            let word_before = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            let opened = before.len() < text[..i].len()
                && claimx_lang::en::HALVING_PREPOSITIONS.contains(&word_before.as_str());
            let whole = !text[i + 4..].starts_with(char::is_alphanumeric);
            if opened && whole {
                found.push(figure(i, i + 4, FigureType::Percent, 50.0));
            }
        }
    }
    if text.contains(|c: char| claimx_lang::script::is_han(c)) {
        for w in claimx_lang::zh::HALVINGS {
            for (i, _) in text.match_indices(w) {
                found.push(figure(i, i + w.len(), FigureType::Percent, 50.0));
            }
        }
        for (i, _) in text.match_indices('首') {
            let Some(c) = text[i + '首'.len_utf8()..].chars().next() else {
                continue;
            };
            // `首次` / `首度` (for the first time) count occurrences: an adverb, not a rank
            if !claimx_lang::zh::CLASSIFIERS.contains(&c)
                || matches!(c, '页' | '頁' | '次' | '度' | '回')
            {
                continue;
            }
            let end = i + '首'.len_utf8() + c.len_utf8();
            let from = claimx_doc::floor_char_boundary(text, i.saturating_sub(9));
            let to = claimx_doc::floor_char_boundary(text, (end + 9).min(text.len()));
            let starts_a_word = claimx_lang::zh::words(&text[from..to])
                .iter()
                .any(|w| from + w.start == i);
            if starts_a_word {
                found.push(figure(i, end, FigureType::Ordinal, 1.0));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    // figures are sorted by start: one overlaps `f` when among those starting before its
    // end the furthest end lies past its start (a binary search each: long texts stay linear)
    let furthest: Vec<usize> = figures
        .iter()
        .scan(0, |end, m| {
            *end = m.end.max(*end);
            Some(*end)
        })
        .collect();
    found.retain(|f| {
        let i = figures.partition_point(|m| m.start < f.end);
        i == 0 || furthest[i - 1] <= f.start
    });
    figures.extend(found);
    figures.sort_by_key(|m| (m.start, m.end));
}

/// `13/5 Megapixel` (rear and front camera): in running text an improper "fraction" of
/// whole numbers before a unit is two values sharing the unit, not 2.6 (a number benchmark
/// reads `16/5` as 3.2, so this runs on running text only).
fn pairs_of_a_slash(text: &str, figures: &mut Vec<FigureMatch>) {
    let split_of = |f: &FigureMatch| {
        let written = &text[f.value_start.max(f.start)..f.end];
        written.split_once('/').and_then(|(a, rest)| {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let (b, unit) = rest.split_at(digits);
            let (x, y) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
            (x >= y && y > 0 && !unit.trim().is_empty() && f.unit.is_some()).then_some((
                a.len(),
                x as f64,
                y as f64,
            ))
        })
    };
    if !figures.iter().any(|f| split_of(f).is_some()) {
        return;
    }
    let mut out = Vec::with_capacity(figures.len() + 1);
    for mut f in figures.drain(..) {
        if let Some((a_len, first, second)) = split_of(&f) {
            let start = f.value_start.max(f.start);
            out.push(FigureMatch {
                start,
                end: start + a_len,
                kind: FigureType::Cardinal,
                value: Some(FigureValue::Number(first)),
                upper: None,
                bound: None,
                unit: None,
                value_start: start,
            });
            f.start = start + a_len + 1;
            f.value_start = f.start;
            f.value = Some(FigureValue::Number(second));
        }
        out.push(f);
    }
    *figures = out;
}

/// Digits that identify rather than count are no figures: a run of twelve or more digits
/// written without grouping (a timestamp `20180627174901`, an account or order number),
/// digits joined to a name by an underscore (`微信图片_20180627_副本.jpg`, `IMG_2041`), or a
/// version number (`version 4.0`).
fn drop_identifiers(text: &str, figures: &mut Vec<FigureMatch>) {
    figures.retain(|f| {
        let written = &text[f.value_start.max(f.start)..f.end];
        let digits = written.bytes().take_while(u8::is_ascii_digit).count();
        let long_run = digits >= 12 && digits == written.len();
        let joined = text[..f.start].ends_with('_') || text[f.end..].starts_with('_');
        // `version 4.0`, `Version 2.1`: a release's name
        // (a short window: Han characters are alphabetic, a whole Chinese text one "word")
        let near =
            &text[claimx_doc::floor_char_boundary(text, f.start.saturating_sub(16))..f.start];
        let word_before = near
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let version = claimx_lang::words::is_version_word(word_before);
        !(long_run || joined || version)
    });
}

/// A count of a time unit is a duration, whatever number grammar found the count: `ein
/// halbes Jahr` P0.5Y, `two and a half years` P2.5Y, `zwölf Wochen` P12W (the duration
/// patterns of the date rules take the plain cases before the numbers are read).
fn counts_of_time(text: &str, figures: &mut [FigureMatch]) {
    for m in figures.iter_mut() {
        // `a quarter of a century` is a duration, not a share (guideline, second edition)
        if m.kind == FigureType::Percent && !text[m.start..m.end].contains(['%', '％']) {
            if let (Some(FigureValue::Number(p)), Some((len, years, unit))) =
                (&m.value, share_of_a_period(&text[m.end..]))
            {
                if let Some(iso) = crate::dates::duration_of(p / 100.0 * years, unit) {
                    m.kind = FigureType::Duration;
                    m.value = Some(FigureValue::Text(iso));
                    m.unit = None;
                    m.end += len;
                }
            }
            continue;
        }
        if m.kind != FigureType::Cardinal {
            continue;
        }
        let (Some(unit), Some(FigureValue::Number(v))) = (m.unit.as_deref(), &m.value) else {
            continue;
        };
        if *v >= 1000.0 {
            continue; // `2018 Jahren` is a year gone wrong, never a count of years
        }
        let rest = &text[m.end..];
        let gap = rest.len() - rest.trim_start().len();
        if gap > 2 || !rest.trim_start().starts_with(unit) {
            continue;
        }
        let end = m.end + gap + unit.len();
        if text[end..].starts_with(char::is_alphanumeric) {
            continue;
        }
        if let Some(iso) = crate::dates::duration_of(*v, unit) {
            m.kind = FigureType::Duration;
            m.value = Some(FigureValue::Text(iso));
            m.unit = None;
            m.end = end;
        }
    }
}

/// ` of a century`, ` of an hour` after a share: the bytes it takes, how many of the unit the
/// period holds and the unit (`century` is 100 `years`).
fn share_of_a_period(rest: &str) -> Option<(usize, f64, &'static str)> {
    // three short words at most: a bounded window keeps unspaced text linear
    let rest = &rest[..claimx_doc::floor_char_boundary(rest, 40.min(rest.len()))];
    let words: Vec<&str> = rest.split_whitespace().take(3).collect();
    let [of, a, period] = words[..] else {
        return None;
    };
    if !of.eq_ignore_ascii_case("of") || !matches!(a, "a" | "an") {
        return None;
    }
    let word = period.trim_end_matches(|c: char| !c.is_alphabetic());
    let (n, unit) = match word.to_lowercase().as_str() {
        "century" => (100.0, "years"),
        "decade" => (10.0, "years"),
        "year" => (1.0, "years"),
        "month" => (1.0, "months"),
        "week" => (1.0, "weeks"),
        "day" => (1.0, "days"),
        "hour" => (1.0, "hours"),
        _ => return None,
    };
    let end = rest.find(period)? + word.len();
    Some((end, n, unit))
}

/// Numbers written into names and codes are no figures: glued to letters after them (`3D`,
/// `5G` and `66B` in Chinese text, `58C`, `3er-BMW`), a generation or size letter (`5G`,
/// where English reads `G` as giga), a letter code after a hyphen (`10-K`), or letters
/// before them (`COVID-19`, `F-16`). A multiplier (`3x`), a decade (`80s`) and units and
/// scales the figure took in (`5km`, `40K`, `2nd`) stay.
fn drop_alphanumeric_names(text: &str, figures: &mut Vec<FigureMatch>) {
    let counts = |m: &FigureMatch| matches!(m.kind, FigureType::Cardinal | FigureType::Ordinal);
    figures.retain(|m| {
        if !counts(m) {
            return true;
        }
        let body = &text[m.value_start.max(m.start)..m.end];
        let after = &text[m.end..];
        let ends_in_digit = body.ends_with(|c: char| c.is_ascii_digit());
        let glued_after = ends_in_digit
            && after.starts_with(|c: char| c.is_ascii_alphabetic())
            && !after.starts_with(['x', 'X'])
            && !(after.starts_with('s') && body.ends_with('0'));
        let generation = body.len() >= 2
            && body.ends_with('G')
            && body[..body.len() - 1].bytes().all(|b| b.is_ascii_digit());
        let letter_code = ends_in_digit && {
            let mut cs = after.chars();
            cs.next() == Some('-')
                && cs.next().is_some_and(|c| c.is_ascii_uppercase())
                && !cs.next().is_some_and(char::is_alphanumeric)
        };
        let before = &text[..m.start];
        let glued_before = before.ends_with(|c: char| c.is_ascii_alphabetic())
            || before.strip_suffix('-').is_some_and(|b| {
                let word: String = b
                    .chars()
                    .rev()
                    .take_while(char::is_ascii_alphabetic)
                    .collect();
                word.chars().any(|c| c.is_ascii_uppercase())
            });
        !(glued_after || generation || letter_code || glued_before)
    });
}

/// A bare number of two or more characters that is all a pair of Chinese quotation marks holds
/// (`“十一五”`, the eleventh five-year plan; `「三通」`) is a name: quotes around a count
/// would say nothing.
fn drop_quoted_names(text: &str, figures: &mut Vec<FigureMatch>) {
    figures.retain(|m| {
        // A single quoted character (`“一”和“五”`) is the numeral talked about, a number still.
        if m.kind != FigureType::Cardinal && m.kind != FigureType::Ordinal
            || text[m.start..m.end].chars().count() < 2
        {
            return true;
        }
        !claimx_lang::zh::is_quoted(text, m.start, m.end)
    });
    // A short quoted title with a name and a number (`„Vision 2020+“`, `"Agenda 2030"`) is a
    // name too: its number counts or dates nothing.
    let titles = claimx_lang::words::numbered_titles(text);
    figures.retain(|m| {
        !matches!(
            m.kind,
            FigureType::Cardinal | FigureType::Ordinal | FigureType::Date
        ) || !titles.iter().any(|&(a, b)| a <= m.start && m.end <= b)
    });
}

fn ends_with_word(hay: &str, p: &str) -> bool {
    if !hay.ends_with(p) {
        return false;
    }
    let cjk = p.chars().any(claimx_lang::script::is_cjk_text)
        || !p.chars().next().unwrap().is_alphanumeric();
    cjk || hay[..hay.len() - p.len()]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// `10 bis 20`, `between 10 and 20`, `10-20`, `10至20`: one figure with an upper value.
fn merge_ranges(text: &str, figs: Vec<FigureMatch>) -> Vec<FigureMatch> {
    let numeric = |k: FigureType| {
        matches!(
            k,
            FigureType::Cardinal | FigureType::Money | FigureType::Percent | FigureType::Quantity
        )
    };
    let mut out: Vec<FigureMatch> = Vec::with_capacity(figs.len());
    for b in figs {
        let Some(a) = out.last() else {
            out.push(b);
            continue;
        };
        if a.end > b.start || a.upper.is_some() {
            out.push(b);
            continue;
        }
        let gap = text[a.end..b.start].trim().to_lowercase();
        // `$5-10 million`: the currency written once, before the lower end
        let compatible = a.kind == b.kind
            || a.kind == FigureType::Cardinal
            || (a.kind == FigureType::Money
                && b.kind == FigureType::Cardinal
                && b.unit.is_none()
                && matches!(gap.as_str(), "-" | "–" | "to" | "bis"));
        // A bound inside a Chinese range belongs to its end (`9800万至近1.4亿元`,
        // `3万余至最高4.2万元`); the range's own bound is the one before it.
        // (the lower end's own trailing bound, not yet joined to it, sits in the gap:
        // `3万余至…`)
        let zh_gap_whole = text[a.end..b.start].trim();
        let zh_gap = ["余", "多", "左右", "许"]
            .iter()
            .find_map(|w| zh_gap_whole.strip_prefix(w))
            .unwrap_or(zh_gap_whole);
        let lower_end_bounded = zh_gap.len() < zh_gap_whole.len();
        let zh_range = matches!(zh_gap, "至" | "到" | "~" | "-")
            && text[a.start..a.end]
                .chars()
                .any(claimx_lang::script::is_han);
        // `fell 3 cents to $10.50`: a minor unit at one end only makes a change, not a range
        let minor = |m: &FigureMatch| {
            text[m.start..m.end]
                .split(|c: char| !c.is_alphabetic())
                .any(|w| subunit(w).is_some())
        };
        let compatible = compatible
            && !(a.kind == FigureType::Money
                && b.kind == FigureType::Money
                && minor(a) != minor(&b));
        let same = numeric(a.kind)
            && numeric(b.kind)
            && compatible
            // `etwa 10 bis 20 Prozent`, `about 3,000-4,000`: an approximation before the lower
            // end is the whole range's (guideline)
            && (zh_range || matches!(a.bound, None | Some(Bound::Approx)) && b.bound.is_none());
        let joined =
            matches!(gap.as_str(), "-" | "–" | "bis" | "to" | "至" | "到" | "~") || zh_range;
        let pre = words_before(text, a.start);
        let between = between_start(text, a.start, &pre, &gap);
        // `from £3.24bn to £2.89bn` is a change, two figures (guideline, second edition); so
        // is `rose by 20,000 to 2.5 million` (the difference, then the new value)
        let change = gap == "to"
            && ["from", "by"].iter().any(|w| {
                pre.strip_suffix(w)
                    .is_some_and(|p| !p.ends_with(char::is_alphanumeric))
            });
        if same
            && (joined || between.is_some())
            && !change
            && a.value.is_some()
            && b.value.is_some()
            && gap.len() <= 8
        {
            let a = out.pop().expect("checked above");
            let b_span = (b.start, b.end);
            let b_alone = b.clone();
            let mut m = b;
            m.kind = if a.kind == FigureType::Cardinal {
                m.kind
            } else {
                a.kind
            };
            m.unit = a.unit.clone().or(m.unit.take());
            m.upper = m.value.take();
            m.value = a.value.clone();
            // `30至40亿元`, `3 to 4 billion`: a bare lower end counts in the upper end's scale
            if let (Some(FigureValue::Number(lo)), Some(FigureValue::Number(hi))) =
                (&mut m.value, &m.upper)
            {
                if let Some(scale) = range_scale(
                    &text[a.value_start.max(a.start)..a.end],
                    &text[b_span.0..b_span.1],
                ) {
                    if *lo * scale <= *hi && *lo < *hi / scale * 10.0 {
                        *lo *= scale;
                    }
                }
            }
            // the bound of the range's lower end alone (`3万余至…`) is none of the range's
            m.bound = if lower_end_bounded { None } else { a.bound };
            m.start = between.unwrap_or(a.start);
            m.value_start = a.value_start;
            // a range runs upwards: `3-1` and `52-48` are a score and a vote, two numbers
            let descending = matches!(
                (&m.value, &m.upper),
                (Some(FigureValue::Number(lo)), Some(FigureValue::Number(hi))) if lo > hi
            );
            if descending {
                out.push(a);
                out.push(b_alone);
                continue;
            }
            out.push(m);
        } else {
            out.push(b);
        }
    }
    out
}

/// The last words before `at`, lower case: a few bytes only, so a long text is not copied per
/// pair of figures.
fn words_before(text: &str, at: usize) -> String {
    text[claimx_doc::floor_char_boundary(text, at.saturating_sub(16))..at]
        .trim_end()
        .to_lowercase()
}

/// Where a range written `between X and Y` / `zwischen X und Y` begins: at that word before
/// its lower end (at `lower`; `pre` the [`words_before`] it), when the `gap` between the ends is
/// the word's `and` / `und`.
fn between_start(text: &str, lower: usize, pre: &str, gap: &str) -> Option<usize> {
    let (word, _) = [("between", "and"), ("zwischen", "und")]
        .into_iter()
        .find(|(word, and)| pre.ends_with(word) && gap == *and)?;
    Some(text[..lower].trim_end().len() - word.len())
}

/// Clock-time ranges as one TIME with `value` and `upper` (guideline, second edition):
/// `14 bis 16 Uhr`, `zwischen 9 und 11 Uhr`, `from 2 to 4 p.m.` (the lower end in the upper
/// end's half of the day), `9:30–11:00`, `下午2点到4点` (the upper end in the lower end's).
/// A bare number joins only a clock time, and the range runs forward within one day.
fn merge_time_ranges(text: &str, figs: Vec<FigureMatch>) -> Vec<FigureMatch> {
    let clock = |m: &FigureMatch| match &m.value {
        Some(FigureValue::Text(t)) if m.kind == FigureType::Time => {
            let (h, mi) = t.split_once(':')?;
            Some((h.parse::<u32>().ok()?, mi.get(..2)?.parse::<u32>().ok()?))
        }
        _ => None,
    };
    // a bare whole hour (`14` of `14 bis 16 Uhr`), optionally with the Chinese hour word
    // written after it (`4` of `到4点`, which the number rules leave as a count of 点)
    let bare_hour = |m: &FigureMatch| match &m.value {
        Some(FigureValue::Number(v))
            if m.kind == FigureType::Cardinal
                && m.bound.is_none()
                && m.upper.is_none()
                && v.fract() == 0.0
                && (0.0..=24.0).contains(v)
                && matches!(m.unit.as_deref(), None | Some("点" | "时" | "點" | "時")) =>
        {
            Some(*v as u32)
        }
        _ => None,
    };
    let mut out: Vec<FigureMatch> = Vec::with_capacity(figs.len());
    for b in figs {
        let Some(a) = out.last() else {
            out.push(b);
            continue;
        };
        if a.end > b.start || a.upper.is_some() || b.upper.is_some() {
            out.push(b);
            continue;
        }
        let gap = text[a.end..b.start].trim().to_lowercase();
        let between = between_start(text, a.start, &words_before(text, a.start), &gap);
        let joined = matches!(
            gap.as_str(),
            "-" | "–" | "bis" | "to" | "until" | "till" | "至" | "到" | "~"
        ) || between.is_some();
        // the upper end was read in the afternoon half (`4 p.m.`, `6 Uhr nachmittags`,
        // `4 PM`): its hour as written is below twelve, its value is not
        let written_hour: Option<u32> = text[b.start..b.end]
            .split(|c: char| !c.is_ascii_digit())
            .find(|d| !d.is_empty())
            .and_then(|d| d.parse().ok());
        let range = match (clock(a), bare_hour(a), clock(&b), bare_hour(&b)) {
            // `14 bis 16 Uhr`, `2 to 4 p.m.`
            (None, Some(h), Some((hb, mb)), _) => {
                let shifted = written_hour.is_some_and(|w| w < 12 && hb >= 12);
                let h = if shifted && h < 12 && h + 12 <= hb {
                    h + 12
                } else {
                    h
                };
                Some(((h, 0), (hb, mb), b.end))
            }
            // `9:30 bis 11 Uhr`
            (Some(lo), _, Some(hi), _) => Some((lo, hi, b.end)),
            // `下午2点到4点`: the hour word after the upper end is part of the range
            (Some((ha, ma)), _, None, Some(h)) if b.unit.is_some() => {
                let h = if ha >= 12 && h < 12 && h + 12 >= ha {
                    h + 12
                } else {
                    h
                };
                let unit = b.unit.as_deref().unwrap_or("");
                let end = if text[b.end..].starts_with(unit) {
                    b.end + unit.len()
                } else {
                    b.end
                };
                Some(((ha, ma), (h, 0), end))
            }
            _ => None,
        };
        let Some((lo, hi, end)) = range.filter(|(lo, hi, _)| joined && lo < hi && hi.0 <= 24)
        else {
            out.push(b);
            continue;
        };
        let a = out.pop().expect("checked above");
        out.push(FigureMatch {
            start: between.unwrap_or(a.start),
            end,
            kind: FigureType::Time,
            value: Some(FigureValue::Text(format!("{:02}:{:02}", lo.0, lo.1))),
            upper: Some(FigureValue::Text(format!("{:02}:{:02}", hi.0, hi.1))),
            bound: None,
            unit: None,
            value_start: a.value_start,
        });
    }
    out
}

/// The scale word of a range's upper end (`40亿元` 10^8, `4 billion` 10^9, `3 Mio.` 10^6) when
/// its lower end has none (`30`): the lower end counts in it.
fn range_scale(lower: &str, upper: &str) -> Option<f64> {
    let scale_in = |s: &str| -> Option<f64> {
        // the run of scale characters after the last digit (`2万亿` is 10^12, not 10^8)
        let mut chars = s.chars().rev().skip_while(|c| zh_big_unit(*c).is_none());
        if let Some(c) = chars.next() {
            let mut scale = zh_big_unit(c)?;
            for c in chars.map_while(zh_big_unit) {
                scale *= c;
            }
            return Some(scale);
        }
        s.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .filter_map(|w| scale_word(w, Lang::En).or_else(|| scale_word(w, Lang::De)))
            .find(|v| *v >= 1e3)
    };
    if scale_in(lower).is_some() {
        return None;
    }
    scale_in(upper)
}

fn tz_offsets(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for tz in ["UTC", "GMT"] {
        let mut from = 0;
        while let Some(p) = text[from..].find(tz) {
            let s = from + p;
            let rest = &text[s + tz.len()..];
            let sign = rest.chars().next().filter(|c| matches!(c, '+' | '-' | '−'));
            let mut e = s + tz.len();
            if let Some(c) = sign {
                e += c.len_utf8();
                e += text[e..]
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == ':')
                    .map(char::len_utf8)
                    .sum::<usize>();
            }
            out.push((s, e));
            from = e.max(s + tz.len());
        }
    }
    out
}

#[derive(PartialEq, Clone, Copy)]
enum EnPart {
    Start,
    Unit,
    Teen,
    Tens,
    Hundred,
    Big,
    Digits,
}

/// An English integer in words (digits allowed before a multiplier: `3 hundred and 21`).
/// Returns the last token index and the value.
fn en_integer(toks: &[Tok], i: usize, after_a: bool) -> Option<(usize, f64)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut prev = EnPart::Start;
    let mut last = None;
    let mut j = i;
    let mut pending_and = false;
    let mut pending_dash = false;
    if after_a {
        current = 1.0;
        prev = EnPart::Unit;
    }
    while let Some(t) = toks.get(j) {
        let l = t.text.to_lowercase();
        if t.kind == TokKind::Digits
            && prev != EnPart::Digits
            && (prev == EnPart::Start || matches!(prev, EnPart::Big | EnPart::Hundred))
        {
            // Digits only as part of a words number: followed by a multiplier, or after one.
            let v = parse_digits(t.text, Lang::En)?;
            if pending_and && v == 0.0 {
                break;
            }
            let next_mult = toks
                .get(j + 1)
                .is_some_and(|n| en_multiplier(n.text).is_some_and(|m| m != 12.0));
            if prev == EnPart::Start && !next_mult {
                break;
            }
            if v >= 1000.0 {
                break;
            }
            current += v;
            prev = EnPart::Digits;
            last = Some(j);
            pending_and = false;
            j += 1;
            continue;
        }
        if t.kind == TokKind::Word {
            if let Some(v) = en_small(&l) {
                let kind = if v >= 20.0 {
                    EnPart::Tens
                } else if v >= 10.0 {
                    EnPart::Teen
                } else {
                    EnPart::Unit
                };
                let ok = match prev {
                    EnPart::Start | EnPart::Hundred | EnPart::Big => true,
                    EnPart::Tens => kind == EnPart::Unit,
                    _ => false,
                };
                if !ok || (pending_dash && prev != EnPart::Tens) {
                    break;
                }
                current += v;
                prev = kind;
                last = Some(j);
                pending_and = false;
                pending_dash = false;
                j += 1;
                continue;
            }
            if let Some(m) = en_multiplier(&l) {
                let bare_start = prev == EnPart::Start
                    && j == i
                    && matches!(l.as_str(), "hundred" | "thousand")
                    && toks
                        .get(j + 1)
                        .is_some_and(|n| en_multiplier(n.text).is_some());
                if (prev == EnPart::Start && !bare_start)
                    || pending_and
                    || m == 12.0
                        && prev != EnPart::Unit
                        && prev != EnPart::Tens
                        && prev != EnPart::Teen
                {
                    break;
                }
                if m >= 1000.0 {
                    let c = if current == 0.0 { 1.0 } else { current };
                    if total > 0.0 && total < m {
                        total = (total + current) * m; // "three lakh crore"
                    } else {
                        total += c * m;
                    }
                    current = 0.0;
                    prev = EnPart::Big;
                } else {
                    current = if current == 0.0 { 1.0 } else { current } * m;
                    prev = if m == 100.0 {
                        EnPart::Hundred
                    } else {
                        EnPart::Big
                    };
                }
                last = Some(j);
                j += 1;
                continue;
            }
            if l == "and" && prev != EnPart::Start && !pending_and {
                pending_and = true;
                j += 1;
                continue;
            }
        }
        if t.text == "-" && prev == EnPart::Tens && !pending_dash {
            pending_dash = true;
            j += 1;
            continue;
        }
        break;
    }
    last.map(|l| (l, total + current))
}

/// A fraction denominator at `j`: `fifths`, `eighth`, `twenty-fifth`, `hundredths`,
/// `trillionths`, `hundred-fifths` (last index, value, plural?).
fn en_denominator(toks: &[Tok], j: usize) -> Option<(usize, f64, bool)> {
    let t = toks.get(j)?;
    let l = t.text.to_lowercase();
    if l == "half" || l == "halves" {
        return Some((j, 2.0, l == "halves"));
    }
    if l == "quarter" || l == "quarters" {
        return Some((j, 4.0, l == "quarters"));
    }
    if let Some(d) = en_ordinal(&l) {
        if d >= 2.0 {
            return Some((j, d, l.ends_with('s')));
        }
        return None;
    }
    // tens + "-" + ordinal: twenty-fifth
    if en_small(&l).is_some_and(|v| v >= 20.0) {
        let mut k = j + 1;
        if toks.get(k).is_some_and(|x| x.text == "-") {
            k += 1;
        }
        let u = toks.get(k)?.text.to_lowercase();
        let d = claimx_lang::numbers::en_tens_ordinal(&l, &u)?;
        return Some((k, d, u.ends_with('s')));
    }
    None
}

/// `minus 4,3 Prozent`, `minus drei Grad`: the word `minus` before a cardinal is its sign.
fn minus_word_before(toks: &[Tok], ns: &mut NumberSpan) {
    let i = ns.first;
    if i > 0 && toks[i - 1].text.eq_ignore_ascii_case("minus") && ns.kind == FigureType::Cardinal {
        ns.value = -ns.value;
        ns.first = i - 1;
        ns.year_like = false;
    }
}

/// Whether a Chinese unit written alone (`百`, `千`) is no start of a longer word in jieba's
/// reading (`百度`, `百姓`, `千万` "by all means"); a classifier after it still counts
/// (`上百家`, where jieba may read `百家`).
fn unit_is_no_word_start(text: &str, t: &Tok) -> bool {
    let from = claimx_doc::floor_char_boundary(text, t.start.saturating_sub(3));
    let to = text[t.end..]
        .char_indices()
        .nth(4)
        .map_or(text.len(), |(i, _)| t.end + i);
    let words = claimx_lang::zh::words(&text[from..to]);
    let word = words
        .iter()
        .find(|w| from + w.start <= t.start && t.start < from + w.end);
    match word {
        Some(w) if from + w.start == t.start && from + w.end > t.end => text[t.end..]
            .chars()
            .next()
            .is_some_and(|c| claimx_lang::zh::CLASSIFIERS.contains(&c)),
        _ => true,
    }
}

/// The words that count a Chinese unit written alone: `几万` (some), `数百` (several), `上千`
/// (up to and over), `近千` (nearly), `逾万`, `约百`.
const UNIT_COUNTERS: [char; 9] = ['几', '幾', '数', '數', '上', '近', '逾', '约', '約'];

/// 余 / 多 / 几: "more than" / "several" inside Chinese numbers (`500余万`, `十多万`).
fn is_zh_modifier(c: char) -> bool {
    matches!(c, '余' | '餘' | '多' | '几' | '幾')
}

/// Whether the `兆` at `chars[i]` (the characters of `text` with their byte offsets) is the
/// unit prefix mega (`兆瓦`), which no number takes in.
fn mega_at(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    chars[i].1 == '兆' && claimx_lang::zh::mega_prefix(&text[chars[i].0..])
}

/// Whether the numeral at `chars[i]` begins a unit rather than continuing a number: the
/// prefix mega (`500兆瓦`) or a unit name of CLDR that starts with a numeral (`1000千瓦时`,
/// `3千克`, `1300百万像素`), or a currency name that does (`250百慕大元`, Bermuda dollars).
fn unit_prefix_at(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    let rest = &text[chars[i].0..];
    mega_at(text, chars, i)
        || is_zh_numeral(chars[i].1)
            && (claimx_lang::measures::unit_at(rest)
                .is_some_and(|(n, _)| n > chars[i].1.len_utf8())
                || claimx_lang::currencies::unspaced_name_at(rest).is_some())
}

/// `百分点`, `百分比` after a number: the percent word, no hundred of the number (`1.2百分点`
/// is 1.2 percentage points, not 120; `一百分之二` is a fraction, 2 of 100).
fn percent_word_at(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    let rest = &text[chars[i].0..];
    rest.starts_with("百分点") || rest.starts_with("百分比")
}

/// End of a Chinese numeral run starting at `i`: numerals, digits, 点 decimals, modifiers
/// before a unit, and spaces between numeral groups (`一百 五 十 二`, `7 万5 千4 百`).
fn zh_run_end(text: &str, chars: &[(usize, char)], mut i: usize) -> usize {
    let n = chars.len();
    let start = i;
    let numeral = |c: char| is_zh_numeral(c) || c.is_ascii_digit() || ('０'..='９').contains(&c);
    // Within a myriad section the places fall (三千五百, 十万八千): a place not below the one
    // before it (`七十百分位`: 十 then 百) starts a word, no numeral of this number.
    let mut last_place = f64::INFINITY;
    while i < n {
        let c = chars[i].1;
        if let Some(place) = zh_small_unit(c) {
            if place >= last_place {
                while i > start && chars[i - 1].1 == ' ' {
                    i -= 1;
                }
                break;
            }
            last_place = place;
        } else if zh_big_unit(c).is_some() {
            last_place = f64::INFINITY;
        }
        if i > start && (unit_prefix_at(text, chars, i) || percent_word_at(text, chars, i)) {
            // `500兆瓦`, `1000千瓦时`: the prefix of the unit, not a scale of the number
            while i > start && chars[i - 1].1 == ' ' {
                i -= 1;
            }
            break;
        }
        let decimal_point =
            (c == '点' || c == '點') && chars.get(i + 1).is_some_and(|x| numeral(x.1));
        let modifier_before_unit = is_zh_modifier(c)
            && chars
                .get(i + 1)
                .is_some_and(|x| zh_big_unit(x.1).is_some() || zh_small_unit(x.1).is_some());
        if numeral(c) || decimal_point || modifier_before_unit {
            i += 1;
        } else if c == ' ' && i > 0 {
            // Join across spaces only between Chinese numerals (digits stay apart: `1 4/3`).
            let mut k = i;
            while k < n && chars[k].1 == ' ' {
                k += 1;
            }
            let prev_zh = is_zh_numeral(chars[i - 1].1) || is_zh_modifier(chars[i - 1].1);
            let next_zh = chars
                .get(k)
                .is_some_and(|x| is_zh_numeral(x.1) || is_zh_modifier(x.1));
            let next_unit = chars
                .get(k)
                .is_some_and(|x| zh_big_unit(x.1).is_some() || zh_small_unit(x.1).is_some());
            let next_digit_then_unit = chars.get(k).is_some_and(|x| x.1.is_ascii_digit())
                && chars[k..]
                    .iter()
                    .find(|x| !x.1.is_ascii_digit())
                    .is_some_and(|x| is_zh_numeral(x.1));
            if (prev_zh && next_zh)
                || (chars[i - 1].1.is_ascii_digit() && next_unit)
                || (prev_zh && next_digit_then_unit)
            {
                i = k;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    i
}

/// `分之<numerator>` after a denominator (`三分之一`, `３ 分  之 壹百五十七`, `１６分之5`):
/// the last token index and the numerator.
/// An amount in `元` right after a currency's name (`新台币100亿元`, `约合港币27亿元`) is in
/// that currency; `元` alone would make it renminbi.
fn currency_named_before(text: &str, figures: &mut [FigureMatch]) {
    for m in figures.iter_mut() {
        if m.kind != FigureType::Money || m.unit.as_deref() != Some("CNY") {
            continue;
        }
        if !text[m.start..m.end].ends_with(['元', '块']) {
            continue;
        }
        if let Some(code) = claimx_lang::zh::currency_named_before(text[..m.start].trim_end()) {
            m.unit = Some(code.to_string());
        }
    }
}

/// A counted noun read from the Simplified twin of a Traditional text is given as the text
/// writes it (`案件` of `11起案件` stays `案件`, `個股` is not `个股`): the twin has the same
/// byte layout, so the noun's place in one is its place in the other.
fn units_as_written(text: &str, simple: &str, figures: &mut [FigureMatch]) {
    for m in figures.iter_mut() {
        let Some(unit) = m.unit.as_mut() else {
            continue;
        };
        if !unit.chars().any(claimx_lang::script::is_han) {
            continue;
        }
        let from = m.start.min(simple.len());
        let to =
            claimx_doc::floor_char_boundary(simple, m.end.saturating_add(96).min(simple.len()));
        if let Some(at) = simple[from..to].find(unit.as_str()) {
            let at = from + at;
            *unit = text[at..at + unit.len()].to_string();
        }
    }
}

/// `三成`, `近3成`, `两成半`: tenths, a share in percent (`三成半` → 35), with the index of
/// the last token; none for `一成不变` (an idiom) or `八成是` ("probably").
fn zh_tenths(text: &str, toks: &[Tok], i: usize, v: f64) -> Option<(usize, f64)> {
    let tenth = toks.get(i + 1)?;
    if tenth.text != "成" || tenth.start != toks[i].end || !(0.0..=10.0).contains(&v) || v == 0.0 {
        return None;
    }
    if text[tenth.end..].starts_with(['不', '是', '会', '就', '要']) {
        return None;
    }
    match toks.get(i + 2) {
        Some(h) if h.text == "半" && h.start == tenth.end && v < 10.0 => {
            Some((i + 2, v * 10.0 + 5.0))
        }
        _ => Some((i + 1, v * 10.0)),
    }
}

fn zh_fraction_tail(toks: &[Tok], j: usize, lang: Lang) -> Option<(usize, f64)> {
    let a = toks.get(j)?;
    let b = toks.get(j + 1)?;
    if a.text != "分" || b.text != "之" {
        return None;
    }
    let mut k = j + 2;
    let mut sign = 1.0;
    if toks
        .get(k)
        .is_some_and(|t| t.text == "负" || t.text == "負")
    {
        sign = -1.0;
        k += 1;
    }
    let c = toks.get(k)?;
    let v = match c.kind {
        TokKind::Zh => parse_zh(c.text)?,
        TokKind::Digits => parse_number_token(c.text, lang)?,
        _ => return None,
    };
    Some((k, sign * v))
}

/// A digit token: plain, with exponent (`12.32e+14`, `2.5^-1`) or a fraction (`3/5`).
fn parse_number_token(s: &str, lang: Lang) -> Option<f64> {
    let mut cs = s.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        if let Some(v) = vulgar_fraction(c) {
            return Some(v);
        }
    }
    let ascii: String = s
        .chars()
        .map(fullwidth_to_ascii)
        .map(|c| if c == '／' { '/' } else { c })
        .collect();
    if let Some((a, b)) = ascii.split_once('/') {
        let (a, b) = (parse_digits(a, lang)?, parse_digits(b, lang)?);
        return (b != 0.0).then(|| a / b);
    }
    if let Some((a, e)) = ascii.split_once('^') {
        return Some(parse_digits(a, lang)?.powf(e.parse::<f64>().ok()?));
    }
    if let Some(p) = ascii.find(['e', 'E']) {
        let (a, e) = (&ascii[..p], &ascii[p + 1..]);
        return Some(parse_digits(a, lang)? * 10f64.powf(e.parse::<f64>().ok()?));
    }
    parse_digits(&ascii, lang)
}

/// A share written in words, by one grammar for both languages (guideline, second edition:
/// shares are percentages): a numerator (`a`, `one`, `ein`, `die`, `zwei`, `three`) and a
/// fraction noun (`thirds`, `fifth`, `Drittel`, `Fünftel`, `Hälfte`); `jeder Vierte` (every
/// n-th); `one in five`. English singular fraction nouns are also ordinals and periods
/// (`a third term`, `a fifth straight month`, `a quarter`), so they need `of`; so does
/// `quarters` (`three quarters in a row`).
/// Returns the last token and the share (0–1).
fn share_at(toks: &[Tok], i: usize) -> Option<(usize, f64)> {
    let lower = |j: usize| toks.get(j).map(|t| t.text.to_lowercase());
    let w = lower(i)?;
    // `three-quarters`, `two-thirds`: the hyphenated spelling of the same fraction
    let joined = |k: usize| toks.get(k).is_some_and(|t| !t.space_before);
    let at = if lower(i + 1).as_deref() == Some("-") && joined(i + 1) && joined(i + 2) {
        i + 2
    } else {
        i + 1
    };
    let next = toks.get(at).filter(|t| t.kind == TokKind::Word)?;
    let of_after = |j: usize| lower(j + 1).is_some_and(|o| o == "of");
    // `jeder Vierte`, `jede fünfte Frau`: one in n.
    if matches!(w.as_str(), "jeder" | "jede" | "jedes" | "jedem" | "jeden") {
        let d = de_ordinal(next.text).filter(|d| *d >= 2.0)?;
        return Some((i + 1, 1.0 / d));
    }
    // `one in five`, `1 in 10`, `nine out of ten`, `neun von zehn Ärzten`: n of every d
    let german_one = matches!(w.as_str(), "einer" | "eine" | "eines");
    let numerator = match toks[i].kind {
        TokKind::Digits => parse_digits(toks[i].text, Lang::En),
        _ if german_one => Some(1.0),
        _ => en_small(&w).or_else(|| de_word(&w)),
    }
    .filter(|n| *n >= 1.0 && n.fract() == 0.0);
    if let (Some(n), true) = (numerator, at == i + 1) {
        let german = german_one || (en_small(&w).is_none() && de_word(&w).is_some());
        let mut k = i + 1;
        match lower(k).as_deref() {
            Some("in") if !german => k += 1,
            Some("out") if !german && lower(k + 1).as_deref() == Some("of") => k += 2,
            // German digits `1 von 10` are as often a page or picture count
            Some("von") if german => k += 1,
            _ => {}
        }
        if k > i + 1 {
            let d = match toks.get(k) {
                Some(t) if t.kind == TokKind::Digits && !german => {
                    parse_digits(t.text, Lang::En).map(|v| (k, v))
                }
                Some(t) if t.kind == TokKind::Word && german => de_word(t.text).map(|v| (k, v)),
                Some(t) if t.kind == TokKind::Word => en_integer(toks, k, false),
                _ => None,
            };
            // `1 in 10 million` is odds and `5 in 10 minutes` a time, not shares of people
            let scaled = |l: usize| {
                lower(l + 1).is_some_and(|s| {
                    en_multiplier(&s).is_some() || crate::dates::duration_of(1.0, &s).is_some()
                })
            };
            if let Some((l, d)) = d.filter(|(l, d)| {
                (2.0..=1000.0).contains(d) && d.fract() == 0.0 && n < *d && !scaled(*l)
            }) {
                return Some((l, n / d));
            }
        }
    }
    let article = matches!(
        w.as_str(),
        "a" | "an" | "one" | "ein" | "eine" | "einem" | "einen" | "einer" | "die" | "der" | "dem"
    );
    let numerator = if article {
        1.0
    } else {
        en_small(&w)
            .or_else(|| de_word(&w))
            .filter(|n| *n >= 2.0 && *n <= 20.0 && n.fract() == 0.0)?
    };
    let nl = next.text.to_lowercase();
    // German: `ein Drittel`, `zwei Fünftel`, `die Hälfte` (only `die`/`der` take `Hälfte`)
    if let Some(d) = de_denominator(&nl) {
        let definite = matches!(w.as_str(), "die" | "der" | "dem");
        if definite != (d == 2.0) && !(d == 2.0 && matches!(w.as_str(), "einer" | "eine")) {
            return None;
        }
        return (numerator < d).then_some((at, numerator / d));
    }
    if matches!(w.as_str(), "die" | "der" | "dem") {
        return None;
    }
    // English: `two thirds`, `three fifths`, `a fifth of`, `a third of`, `three quarters of`
    let (l, d, plural) = en_denominator(toks, at)?;
    if d == 2.0 || plural != (numerator > 1.0) {
        return None;
    }
    if (numerator == 1.0 || nl == "quarters") && !of_after(l) {
        return None;
    }
    (numerator < d).then_some((l, numerator / d))
}

/// `<adjective> <currency>`: number of tokens and the ISO code.
fn qualified_currency(toks: &[Tok], j: usize) -> Option<(usize, &'static str)> {
    let w = |k: usize| {
        toks.get(k)
            .map(|t| t.text.to_lowercase())
            .unwrap_or_default()
    };
    let (adj_len, country) = currency_country(&w(j), &w(j + 1))?;
    let cur = w(j + adj_len);
    let generic = SHARED_CURRENCY_NAMES.contains(&cur.as_str());
    generic.then_some((adj_len + 1, country))
}

/// `又<denominator>分之<numerator>` after a whole number: the last token and the fraction.
fn zh_mixed_fraction(toks: &[Tok], j: usize, lang: Lang) -> Option<(usize, f64)> {
    if toks.get(j)?.text != "又" {
        return None;
    }
    let d = toks.get(j + 1)?;
    let den = match d.kind {
        TokKind::Zh => parse_zh(d.text)?,
        TokKind::Digits => parse_number_token(d.text, lang)?,
        _ => return None,
    };
    let (l, num) = zh_fraction_tail(toks, j + 2, lang)?;
    (den != 0.0).then(|| (l, num / den))
}

/// Chinese currency names right after a number (optionally after the classifier 个).
fn zh_currency_after(text: &str, at: usize) -> Option<(usize, &'static str)> {
    let rest = &text[at..];
    let (skip, rest) = match rest.strip_prefix('个') {
        Some(r) => ('个'.len_utf8(), r),
        None => (0, rest),
    };
    ZH_CURRENCY_NAMES
        .iter()
        .find(|(n, _)| rest.starts_with(n))
        .map(|(n, c)| (skip + n.len(), *c))
}

/// A fraction word group: `a half`, `one half`, `a quarter`, `three quarters`, `a third`,
/// `three fifths`, `a thirtieth`. Returns the last token index and the value.
fn en_fraction(toks: &[Tok], j: usize) -> Option<(usize, f64)> {
    let w = toks.get(j)?.text.to_lowercase();
    let (num, k) = if w == "a" || w == "an" {
        (1.0, j + 1)
    } else {
        let (l, v) = en_integer(toks, j, false)?;
        (v, l + 1)
    };
    let (l, d, plural) = en_denominator(toks, k)?;
    if num != 1.0 && !plural {
        return None;
    }
    Some((l, num / d))
}

/// Unicode vulgar fractions: ½ ⅓ ¾ …
pub(crate) fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// In English text a comma is a decimal mark only in `5,00` (two digits, nothing after) or
/// after a dotted thousands group (`1.111,11`).
fn en_decimal_comma(chars: &[(usize, char)], start: usize, i: usize) -> bool {
    let is_digit = |c: char| c.is_ascii_digit();
    let run = chars[i + 1..].iter().take_while(|c| is_digit(c.1)).count();
    let after = chars.get(i + 1 + run).map(|c| c.1);
    let dotted = chars[start..i].iter().any(|c| c.1 == '.');
    dotted
        || (run == 2 && !matches!(after, Some(',')) && !chars[start..i].iter().any(|c| c.1 == ','))
}
