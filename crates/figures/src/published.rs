//! Reading the publication date from a dateline when the input gives none.

use crate::dates::find_dates;
use chrono::NaiveDate;
use claimx_doc::{FigureType, FigureValue};

/// The first full date in the head of the document (`24.07.2025, 14:50 Uhr`,
/// `2025-07-23 09:50:44`, `24 July 2025`), or in a line that says it is the publication
/// (`Erstpublikation:`, `Published:`) anywhere. Returns the date and its byte span.
pub fn find_dateline(text: &str) -> Option<(NaiveDate, usize, usize)> {
    // Traditional characters read as Simplified, at the same offsets (`發布時間`, `…電`)
    let simple = claimx_lang::zh::to_simplified(text);
    let text: &str = &simple;
    const MARKERS: &[&str] = &[
        "Erstpublikation",
        "Veröffentlicht",
        "Published",
        "Publiziert",
        "发布时间",
        "发布于",
    ];
    for marker in MARKERS {
        if let Some(pos) = text.find(marker) {
            let line_end = text[pos..]
                .find('\n')
                .map(|e| pos + e)
                .unwrap_or(text.len());
            if let Some(d) = first_full_date(&text[pos..line_end]) {
                return Some((d.0, pos + d.1, pos + d.2));
            }
        }
    }
    // Head of the document: the first 600 bytes (rounded to a char boundary).
    let mut head_end = text.len().min(600);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    first_full_date(&text[..head_end])
        .or_else(|| trailing_stamp(text))
        .or_else(|| leading_dateline(text))
}

/// A source stamp near the end of the text: a full date that closes its line (but for a
/// closing bracket), after a short source name and a comma or colon: `(APA/Reuters,
/// 3.3.2016)`, `(red, 13.10.2015)`, `… a problem." The Japan Times: Nov. 17, 2004` (followed
/// by copyright and navigation lines). A sentence never ends that way: it ends with its stop.
fn trailing_stamp(text: &str) -> Option<(NaiveDate, usize, usize)> {
    let tail_start = claimx_doc::floor_char_boundary(text, text.len().saturating_sub(600));
    let mut line_end = text.len();
    for line in text[tail_start..].rsplit('\n') {
        let line_start = line_end - line.len();
        line_end = line_start.saturating_sub(1);
        let trimmed = line.trim_end().trim_end_matches([')', '）']).trim_end();
        let Some((date, s, e)) = full_dates(trimmed).next_back() else {
            continue;
        };
        let before = trimmed[..s].trim_end();
        let source = before
            .rfind(['(', '（', '.', '!', '?', '"', '”'])
            .map_or(before, |p| &before[p + 1..]);
        let named = (before.ends_with(',') || before.ends_with(':'))
            && source.chars().any(char::is_alphabetic)
            && source.split_whitespace().count() <= 5;
        if e == trimmed.len() && named {
            return Some((date, line_start + s, line_start + e));
        }
    }
    None
}

/// A leading dateline with a day and month but no year, its year taken from the document
/// (the year it names most often, the later on a tie): `BEIJING, Dec. 29 (Xinhuanet) --`,
/// `正义网镇江9月5日电`. No year in the document, no date.
fn leading_dateline(text: &str) -> Option<(NaiveDate, usize, usize)> {
    static P: std::sync::OnceLock<[regex::Regex; 2]> = std::sync::OnceLock::new();
    let [en, zh] = P.get_or_init(|| {
        [
            // PLACE, Month Day (Agency) -- / –
            regex::Regex::new(r"^\s*\p{Lu}[\p{L} .'-]{1,40}, (\p{L}{3,9})\.? (\d{1,2})\b[^\n]{0,40}?(?:--|—|–| - )")
                .expect("dateline pattern"),
            // 中新网10月10日电, 正义网镇江9月5日电
            regex::Regex::new(r"^\s*[^\n。，]{0,20}?(\d{1,2})月(\d{1,2})日电").expect("dateline pattern"),
        ]
    });
    let (month, day, m) = if let Some(c) = en.captures(text) {
        let month = claimx_lang::calendar::month(c.get(1)?.as_str())?.number;
        (
            month,
            c[2].parse().ok()?,
            c.get(1)?.start()..c.get(2)?.end(),
        )
    } else {
        let c = zh.captures(text)?;
        (
            c[1].parse().ok()?,
            c[2].parse().ok()?,
            c.get(1)?.start()..c.get(2)?.end() + "日".len(),
        )
    };
    let year = document_year(text)?;
    NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, m.start, m.end))
}

/// The year a document names most often (four digits from 1900 to 2099 standing alone or
/// before 年), the later on a tie.
fn document_year(text: &str) -> Option<i32> {
    static YEAR: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let year = YEAR.get_or_init(|| {
        regex::Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)").expect("year pattern")
    });
    let mut counts: std::collections::BTreeMap<i32, usize> = Default::default();
    // every mention counts: the search goes on from the end of a year's digits, so the
    // character after one year can stand before the next (`2003/2004`)
    let mut at = 0;
    while let Some(c) = year.captures_at(text, at) {
        let m = c.get(1)?;
        *counts.entry(m.as_str().parse().ok()?).or_default() += 1;
        at = m.end();
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

/// The full dates (day, month and year) in `s`, in order, with their byte spans.
fn full_dates(s: &str) -> impl DoubleEndedIterator<Item = (NaiveDate, usize, usize)> {
    find_dates(s, None)
        .into_iter()
        .filter_map(|m| match (m.kind, &m.value) {
            (FigureType::Date, Some(FigureValue::Text(v))) if v.len() == 10 => {
                NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .ok()
                    .map(|d| (d, m.start, m.end))
            }
            _ => None,
        })
}

fn first_full_date(s: &str) -> Option<(NaiveDate, usize, usize)> {
    full_dates(s).next()
}
