//! Datelines and source stamps glued to a sentence are items of their own (guideline, second
//! edition): `Frankfurt – Die Bundesbank …` → `Frankfurt –` + `Die Bundesbank …`;
//! `NEW YORK (Reuters) - …`, `BEIJING, Dec. 29 (Xinhuanet) -- …`, `(Reuters) - …`;
//! `中新网10月10日电 …`, `新华社北京9月5日电（记者 张三）…`; and a trailing stamp after the last
//! sentence of a paragraph: `… erwarten. (red, 13.10.2015)`, `… gelegen. (dpa)`.
//!
//! A dateline opens a news text, so only sentences that start in its first
//! [`DATELINE_ZONE`] bytes are looked at; its place is one to four capitalised (or upper-case)
//! words that do not open a sentence (`Die`, `The`, …), with an optional date after a comma
//! and an optional agency in brackets, then a dash.

use crate::SentenceBounds;
use claimx_lang::sentences::{MAY_END, NEVER_END, SENTENCE_OPENERS};

/// Datelines are looked for in sentences that start within this many bytes of the text.
pub const DATELINE_ZONE: usize = 1000;

/// A stamp is a bracketed group of at most this many characters.
const MAX_STAMP_CHARS: usize = 40;

const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Januar", "Februar", "März", "Mai", "Juni", "Juli", "Okt", "Dez",
];

/// The byte length of a Latin dateline at the start of `s` (up to and including its dash),
/// if `s` starts with one and running text follows it.
fn latin_dateline(s: &str) -> Option<usize> {
    let dashes = [" -- ", " – ", " — ", " - "];
    let (at, dash) = dashes
        .iter()
        .filter_map(|d| s.find(d).map(|p| (p, *d)))
        .min_by_key(|(p, _)| *p)?;
    let prefix = &s[..at];
    if prefix.is_empty() || prefix.chars().count() > 50 {
        return None;
    }
    // the text after the dash starts a sentence
    let rest = &s[at + dash.len()..];
    let first = rest.chars().next()?;
    if !(first.is_uppercase() || "\"„“‘'«".contains(first)) {
        return None;
    }
    // place words, then an optional ", date" and an optional "(agency)"
    let (place_and_date, agency) = match prefix.find('(') {
        Some(p) => {
            let agency = &prefix[p..];
            if !agency.ends_with(')') || agency.len() > MAX_STAMP_CHARS {
                return None;
            }
            (prefix[..p].trim_end(), Some(agency))
        }
        None => (prefix, None),
    };
    let (place, date) = match place_and_date.split_once(',') {
        Some((p, d)) => (p.trim(), Some(d.trim())),
        None => (place_and_date.trim(), None),
    };
    let words: Vec<&str> = place.split_whitespace().collect();
    if words.is_empty() {
        // `(Reuters) - …`
        return agency.is_some().then_some(at + dash.trim_end().len());
    }
    if words.len() > 4 || SENTENCE_OPENERS.contains(&words[0]) {
        return None;
    }
    let place_word = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c))
    };
    if !words.iter().all(|w| place_word(w)) {
        return None;
    }
    if let Some(d) = date {
        let ok = d.split_whitespace().all(|t| {
            let t = t.trim_end_matches(['.', ',']);
            t.chars().all(|c| c.is_ascii_digit() || c == '.') || MONTHS.contains(&t)
        });
        if !ok || d.is_empty() {
            return None;
        }
    }
    Some(at + dash.trim_end().len())
}

/// The byte range of a Chinese dateline in `s` (`中新网10月10日电`, `正义网镇江9月5日电`,
/// `新华社北京9月5日电（记者 张三）`), if one starts at the start of `s` or after a space.
fn chinese_dateline(s: &str) -> Option<(usize, usize)> {
    let mut search = 0;
    while let Some(p) = s[search..].find("日电") {
        let end = search + p + "日电".len();
        // back over digits, 月, digits and up to twelve Han characters
        let head = &s[..search + p];
        let mut start = head.len();
        let mut han = 0;
        let mut seen_month = false;
        for (i, c) in head.char_indices().rev() {
            if c.is_ascii_digit() || "〇一二三四五六七八九十".contains(c) {
                start = i;
            } else if c == '月' && !seen_month {
                seen_month = true;
                start = i;
            } else if claimx_lang::script::is_han(c) && seen_month && han < 12 {
                han += 1;
                start = i;
            } else {
                break;
            }
        }
        let opens = start == 0 || s[..start].ends_with([' ', '\u{3000}']);
        // the dateline ends there: a space, a bracket or the end follows (`日电力` is a word)
        let closes = s[end..].is_empty() || s[end..].starts_with([' ', '\u{3000}', '（', '(']);
        if seen_month && opens && closes && start < end {
            // a reporter's bracket right after it belongs to it
            let mut end = end;
            let rest = &s[end..];
            if let Some(close) = rest
                .strip_prefix('（')
                .and_then(|r| r.find('）'))
                .filter(|&c| c <= 3 * 20)
            {
                end += '（'.len_utf8() + close + '）'.len_utf8();
            }
            return Some((start, end));
        }
        search = end;
    }
    None
}

/// The byte start of a source stamp that ends `s` after a finished sentence
/// (`… erwarten. (red, 13.10.2015)`), if there is one.
fn trailing_stamp(s: &str) -> Option<usize> {
    let t = s.trim_end();
    if !(t.ends_with(')') || t.ends_with('）')) {
        return None;
    }
    let open = t.rfind(['(', '（'])?;
    let stamp = &t[open..];
    if stamp.chars().count() > MAX_STAMP_CHARS || stamp.chars().count() < 3 {
        return None;
    }
    let before = t[..open].trim_end();
    let ends = before
        .chars()
        .next_back()
        .is_some_and(|c| ".!?。！？\"”»“'".contains(c));
    // a full stop after an abbreviation (`& Co. (cited from WSJ)`) ends no sentence, and a
    // stamp that does not stand after a sentence is part of it
    let word = before
        .trim_end_matches('.')
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let abbreviation = before.ends_with('.')
        && (NEVER_END.contains(&word.as_str())
            || MAY_END.contains(&word.as_str())
            || word.chars().filter(|c| c.is_alphabetic()).count() == 1);
    (ends && !abbreviation && before.len() < open).then_some(open)
}

/// Split datelines and stamps off the sentences of `text`; returns the indexes (in the new
/// list) of the pieces that are datelines or stamps (boilerplate).
pub fn split(text: &str, sentences: &mut Vec<SentenceBounds>) -> Vec<usize> {
    let mut out: Vec<SentenceBounds> = Vec::with_capacity(sentences.len());
    let mut marked = Vec::new();
    let piece = |start: usize, end: usize| {
        let raw = &text[start..end];
        let lead = raw.len() - raw.trim_start().len();
        let trail = raw.len() - raw.trim_end().len();
        SentenceBounds {
            start: start + lead,
            end: end - trail,
            boilerplate: false,
        }
    };
    for (k, s) in sentences.iter().enumerate() {
        let body = &text[s.start..s.end];
        // the last sentence of a paragraph: the next one starts after a line break
        let last_of_paragraph = sentences
            .get(k + 1)
            .is_none_or(|n| text[s.end..n.start].contains('\n'));
        let mut start = s.start;
        let mut end = s.end;
        if s.start < DATELINE_ZONE {
            if let Some((a, b)) = chinese_dateline(body) {
                if a > 0 {
                    out.push(piece(s.start, s.start + a));
                    marked.push(out.len() - 1);
                }
                out.push(piece(s.start + a, s.start + b));
                marked.push(out.len() - 1);
                start = s.start + b;
            } else if let Some(len) = latin_dateline(body) {
                out.push(piece(s.start, s.start + len));
                marked.push(out.len() - 1);
                start = s.start + len;
            }
        }
        let mut stamp = None;
        if last_of_paragraph {
            if let Some(at) = trailing_stamp(&text[start..end]) {
                stamp = Some(piece(start + at, end));
                end = start + at;
            }
        }
        let rest = piece(start, end);
        if rest.start < rest.end {
            out.push(rest);
        }
        if let Some(st) = stamp {
            out.push(st);
            marked.push(out.len() - 1);
        }
    }
    *sentences = out;
    marked
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(
        "Frankfurt – Die Deutsche Bundesbank stemmt sich.",
        Some("Frankfurt –")
    )]
    #[case(
        "NEW YORK (Reuters) - Sears Holdings said on Wednesday.",
        Some("NEW YORK (Reuters) -")
    )]
    #[case(
        "BEIJING, Dec. 29 (Xinhuanet) -- The United States is responsible.",
        Some("BEIJING, Dec. 29 (Xinhuanet) --")
    )]
    #[case("(Reuters) - Apple said on Tuesday.", Some("(Reuters) -"))]
    #[case("San Francisco – Apple hat angekündigt.", Some("San Francisco –"))]
    #[case("Die Regierung – so heißt es – will sparen.", None)]
    #[case("The deal - worth $1 billion - closed.", None)]
    #[case("Berlin – und dann kam alles anders.", None)]
    #[case("Mehr als 100 Stellen – so die Gewerkschaft – fallen weg.", None)]
    fn latin_datelines(#[case] s: &str, #[case] dateline: Option<&str>) {
        assert_eq!(latin_dateline(s).map(|n| &s[..n]), dateline);
    }

    #[rstest]
    #[case(
        "中新网10月10日电 香港恒基地产今年的一项豪宅项目",
        Some("中新网10月10日电")
    )]
    #[case(
        "正义网镇江9月5日电（记者 王强）江苏镇江警方破获一起案件。",
        Some("正义网镇江9月5日电（记者 王强）")
    )]
    #[case(
        "香港豪宅屡创癫价成交 尺价近7万成亚洲最贵 中新网10月10日电 香港恒基地产",
        Some("中新网10月10日电")
    )]
    #[case("他说10月10日电力供应恢复。", None)]
    fn chinese_datelines(#[case] s: &str, #[case] dateline: Option<&str>) {
        assert_eq!(chinese_dateline(s).map(|(a, b)| &s[a..b]), dateline);
    }

    #[rstest]
    #[case(
        "Große Anpassungen sind nicht zu erwarten. (red, 13.10.2015)",
        Some("(red, 13.10.2015)")
    )]
    #[case("Der Gewinn lag bei 414 Millionen Euro. (dpa)", Some("(dpa)"))]
    #[case("Das Werk (in Shanghai) schließt.", None)]
    #[case("Er sagte, der Preis steige (um 5 Prozent)", None)]
    #[case("(dpa)", None)]
    #[case("according to L.F. Rothschild & Co. (cited from WSJ 05/29/1987)", None)]
    fn trailing_stamps(#[case] s: &str, #[case] stamp: Option<&str>) {
        assert_eq!(trailing_stamp(s).map(|a| &s[a..]), stamp);
    }
}
