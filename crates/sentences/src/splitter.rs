use crate::rules::*;
use crate::{BoilerplateMarker, SentenceSegmenter};
use claimx_lang::script::is_unspaced;
use serde::{Deserialize, Serialize};

/// A sentence as byte offsets into the original text (end exclusive, trimmed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceBounds {
    /// Start, in bytes.
    pub start: usize,
    /// End (exclusive), in bytes.
    pub end: usize,
    /// Boilerplate rather than running text.
    pub boilerplate: bool,
}

/// Splitter settings. The defaults suit news text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SplitterConfig {
    /// Treat single line breaks before a lower-case word as wrapping (text extracted from PDFs).
    pub pdf_mode: bool,
    /// Split heading lines where two headlines were glued together (`AmazonCloud-Service`).
    pub split_glued_headings: bool,
    /// Mark boilerplate sentences.
    pub mark_boilerplate: bool,
    /// Split datelines and source stamps off the sentences they are glued to, as boilerplate
    /// items (`Frankfurt –`, `NEW YORK (Reuters) -`, `中新网10月10日电`, `(dpa)`).
    pub split_datelines: bool,
}

impl Default for SplitterConfig {
    fn default() -> Self {
        SplitterConfig {
            pdf_mode: false,
            split_glued_headings: true,
            mark_boilerplate: true,
            split_datelines: true,
        }
    }
}

/// Rule-based sentence splitter for de / en / zh.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SentenceSplitter {
    /// Which rules run.
    #[serde(default)]
    pub config: SplitterConfig,
}

impl SentenceSegmenter for SentenceSplitter {
    fn segment(&self, text: &str) -> Vec<SentenceBounds> {
        self.split(text)
    }
}

impl SentenceSplitter {
    /// A splitter with these settings.
    pub fn new(config: SplitterConfig) -> Self {
        SentenceSplitter { config }
    }

    /// Split `text` into sentences.
    pub fn split(&self, text: &str) -> Vec<SentenceBounds> {
        // Traditional Chinese as its Simplified twin, byte for byte at the same offsets: the
        // dateline words are Simplified (`新華社北京6月15日電` is `…电`)
        let simple = claimx_lang::zh::to_simplified(text);
        let text: &str = &simple;
        let mut out = Vec::new();
        for (start, end) in self.logical_lines(text) {
            self.split_line(text, start, end, &mut out);
        }
        if self.config.split_glued_headings {
            if let Some(first) = out.first().copied() {
                if let Some(cut) = headline_run_in(&text[first.start..first.end]) {
                    let cut = first.start + cut;
                    out[0].end = text[..cut].trim_end().len();
                    out.insert(
                        1,
                        SentenceBounds {
                            start: cut,
                            end: first.end,
                            boilerplate: false,
                        },
                    );
                }
            }
        }
        let datelines = if self.config.split_datelines {
            crate::datelines::split(text, &mut out)
        } else {
            Vec::new()
        };
        if self.config.mark_boilerplate {
            BoilerplateMarker.mark(text, &mut out);
            for i in datelines {
                out[i].boilerplate = true;
            }
        }
        out
    }

    /// Byte ranges of logical lines: physical lines, joined where a line is wrapped.
    fn logical_lines(&self, text: &str) -> Vec<(usize, usize)> {
        let mut lines = Vec::new();
        let mut start = 0;
        let mut pos = 0;
        let bytes = text.as_bytes();
        while pos <= bytes.len() {
            let at_end = pos == bytes.len();
            let is_break = !at_end && is_line_break_at(text, pos);
            if at_end || is_break {
                let line_end = pos;
                let brk_len = if at_end { 0 } else { line_break_len(text, pos) };
                let next = pos + brk_len;
                if !at_end && self.joins_next(text, start, line_end, next) {
                    pos = next;
                    continue;
                }
                lines.push((start, line_end));
                start = next;
                pos = next;
                if at_end {
                    break;
                }
                continue;
            }
            pos += utf8_len(bytes[pos]);
        }
        lines
    }

    fn joins_next(&self, text: &str, start: usize, line_end: usize, next: usize) -> bool {
        let line = &text[start..line_end];
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            return false;
        }
        let last = trimmed.chars().last().unwrap();
        if is_terminal(last) || is_closer(last) || last == ':' {
            return false;
        }
        let rest = &text[next..];
        let Some(first) = rest.chars().next() else {
            return false;
        };
        if !first.is_lowercase() {
            return false;
        }
        // A trailing space before the break marks soft wrapping; PDFs wrap without it.
        self.config.pdf_mode || line.len() != trimmed.len()
    }

    fn split_line(&self, text: &str, start: usize, end: usize, out: &mut Vec<SentenceBounds>) {
        let line = &text[start..end];
        if line.trim().is_empty() {
            return;
        }
        let chars: Vec<(usize, char)> = line.char_indices().map(|(b, c)| (start + b, c)).collect();
        let mut cuts: Vec<usize> = Vec::new(); // byte offsets where a new sentence starts
        let (list_starts, marker_periods) = list_markers(&chars);
        cuts.extend(list_starts.iter().map(|&k| chars[k].0));
        let mut cjk_depth = 0usize;
        let n = chars.len();
        let mut i = 0;
        while i < n {
            let c = chars[i].1;
            if marker_periods.contains(&i) {
                i += 1;
                continue;
            }
            if c == '.' && i + 2 < n && chars[i + 1].1 == ' ' && chars[i + 2].1 == '.' {
                // Spaced ellipsis `. . .` / `. . . .`
                let mut j = i;
                let mut dots = 0;
                while j < n && chars[j].1 == '.' {
                    dots += 1;
                    j += 1;
                    if j + 1 < n && chars[j].1 == ' ' && chars[j + 1].1 == '.' {
                        j += 1;
                    }
                }
                let k = skip_closers(&chars, j);
                let more = next_non_space(&chars, k).is_some_and(|(_, nn)| nn.is_uppercase());
                let attached = i > 0 && !chars[i - 1].1.is_whitespace();
                if dots >= 4 && more {
                    // `word. . . . Next`: the full stop ends the sentence; `word . . . . Next`:
                    // the run does.
                    let at = if attached { i + 1 } else { k };
                    cuts.push(byte_at(&chars, at, end));
                }
                i = k;
                continue;
            }
            match c {
                '《' | '「' | '『' | '〈' => cjk_depth += 1,
                '》' | '」' | '』' | '〉' => {
                    cjk_depth = cjk_depth.saturating_sub(1);
                    // 「…。」 ends a sentence at the closing bracket.
                    if cjk_depth == 0 && i > 0 && is_cjk_terminal(chars[i - 1].1) {
                        let j = skip_closers(&chars, i + 1);
                        cuts.push(byte_at(&chars, j, end));
                        i = j;
                        continue;
                    }
                }
                _ => {}
            }
            if is_cjk_terminal(c) {
                if cjk_depth > 0 {
                    // Inside 「…」 or 《…》: the closing bracket decides.
                    i += 1;
                    continue;
                }
                let j = skip_terminals_and_closers(&chars, i + 1);
                cuts.push(byte_at(&chars, j, end));
                i = j;
                continue;
            }
            if c == '!' || c == '?' || c == '‼' || c == '⁇' {
                let j = skip_terminals_and_closers(&chars, i + 1);
                if cjk_depth == 0 && self.ends_after(&chars, j) {
                    cuts.push(byte_at(&chars, j, end));
                }
                i = j;
                continue;
            }
            if c == '…' || (c == '.' && i + 1 < n && chars[i + 1].1 == '.') {
                let j = skip_ellipsis(&chars, i);
                if chars.get(j).is_some_and(|c| matches!(c.1, ']' | ')')) {
                    i = j; // `[...]`: an omission mark, not an ending
                    continue;
                }
                let k = skip_closers(&chars, j);
                if let Some((_, nn)) = next_non_space(&chars, k) {
                    if (nn.is_uppercase() || is_unspaced(nn)) && k < n && chars[k].1.is_whitespace()
                    {
                        cuts.push(byte_at(&chars, k, end));
                    }
                }
                i = k;
                continue;
            }
            // `微信图片_2018…_副本.jpg案发现场…`: a file name (a photo's placeholder) glued to
            // the text of an unspaced script ends there
            if c == '.' {
                let ext: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.1.is_ascii_alphabetic())
                    .map(|c| c.1.to_ascii_lowercase())
                    .collect();
                let after = chars.get(i + 1 + ext.len()).map(|c| c.1);
                if FILE_EXTENSIONS.contains(&ext.as_str()) && after.is_some_and(is_unspaced) {
                    let j = i + 1 + ext.len();
                    cuts.push(byte_at(&chars, j, end));
                    i = j;
                    continue;
                }
            }
            if c == '.' {
                if let Some(j) = self.period_boundary(&chars, i) {
                    cuts.push(byte_at(&chars, j, end));
                    i = j;
                    continue;
                }
            }
            i += 1;
        }

        let mut pieces = Vec::new();
        let mut s = start;
        for cut in cuts {
            if cut > s {
                pieces.push((s, cut));
                s = cut;
            }
        }
        pieces.push((s, end));
        for (a, b) in pieces {
            self.emit(text, a, b, out);
        }
    }

    /// Push a trimmed piece, splitting off trailing UI phrases and glued headings.
    fn emit(&self, text: &str, a: usize, b: usize, out: &mut Vec<SentenceBounds>) {
        let Some((a, b)) = trim(text, a, b) else {
            return;
        };
        let piece = &text[a..b];
        for phrase in TRAILING_UI_PHRASES {
            if piece.len() > phrase.len() && piece.ends_with(phrase) {
                let cut = b - phrase.len();
                if text[..cut].ends_with(char::is_whitespace) {
                    self.emit(text, a, cut, out);
                    out.push(SentenceBounds {
                        start: cut,
                        end: b,
                        boilerplate: true,
                    });
                    return;
                }
            }
        }
        // `阅读免责声明 : 此处…`: a zone marker with a colon is a heading of its own.
        for m in ZONE_MARKERS {
            if let Some(rest) = piece.strip_prefix(m) {
                let after = rest.trim_start();
                if let Some(body) = after.strip_prefix([':', '：']) {
                    if !body.trim().is_empty() {
                        let cut = b - body.len();
                        push_trimmed(text, a, cut, out);
                        self.emit(text, cut, b, out);
                        return;
                    }
                }
            }
        }
        if self.config.split_glued_headings {
            if let Some(cut) = glued_heading_cut(piece) {
                push_trimmed(text, a, a + cut, out);
                push_trimmed(text, a + cut, b, out);
                return;
            }
        }
        out.push(SentenceBounds {
            start: a,
            end: b,
            boilerplate: false,
        });
    }

    /// After `!`/`?` (and closers) at char index `j`: does a sentence end here?
    fn ends_after(&self, chars: &[(usize, char)], j: usize) -> bool {
        if j >= chars.len() {
            return true;
        }
        let c = chars[j].1;
        if is_unspaced(c) {
            return true;
        }
        if !c.is_whitespace() {
            return false;
        }
        match next_non_space(chars, j) {
            None => true,
            // `"What?" he asked` continues; `Yahoo! in` continues.
            Some((_, nn)) => !nn.is_lowercase(),
        }
    }

    /// If the full stop at `i` ends a sentence, the char index where the next one starts.
    fn period_boundary(&self, chars: &[(usize, char)], i: usize) -> Option<usize> {
        let n = chars.len();
        let prev = prev_token(chars, i);
        if i + 1 >= n {
            return None; // end of line ends the sentence anyway
        }
        let next = chars[i + 1].1;
        if next.is_ascii_digit() {
            return None; // 1.000 / 25.07.2025 / 3.5
        }
        if next.is_alphabetic() {
            // `lauern.Martin`: a missing space, but not `remind.me`, `JD.com` or `U.S.A`.
            let prev_word: Vec<char> = prev
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect();
            // `lauern.Martin`, `Tuesday.Mr`, `1,000.That`
            let lower_run = (prev_word.len() >= 2
                && prev_word[..prev_word.len() - 1]
                    .iter()
                    .all(|c| c.is_lowercase()))
                || (prev_word.is_empty()
                    && prev.ends_with(|c: char| c.is_ascii_digit())
                    && prev.len() >= 2);
            let upper_then_lower =
                next.is_uppercase() && chars.get(i + 2).is_some_and(|c| c.1.is_lowercase());
            let no_inner_dot = !prev
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
                .contains('.')
                && !prev.contains('@')
                && !prev.contains('/');
            // `Jane.Doe@example.com`, `example.com/Path`: the word after the dot is an address.
            let next_token: String = chars[i + 1..]
                .iter()
                .take_while(|c| !c.1.is_whitespace())
                .map(|c| c.1)
                .collect();
            let no_inner_dot = no_inner_dot && !next_token.contains(['@', '/']);
            if lower_run && upper_then_lower && no_inner_dot {
                return Some(i + 1);
            }
            return None;
        }
        let j = skip_closers(chars, i + 1);
        if j < n && !chars[j].1.is_whitespace() && !is_unspaced(chars[j].1) {
            return None; // `."text` glued: unusual, keep together
        }
        let Some((k, nn)) = next_non_space(chars, j) else {
            return Some(j);
        };
        if is_unspaced(nn) {
            return Some(j);
        }
        let next_word = word_at(chars, k);
        let prev_lower = prev.to_lowercase();
        let prev_core = prev_lower.trim_start_matches(|c: char| !c.is_alphanumeric());
        // Numbered list marker at the start of a line: `1. Startseite`, `a. The first item`,
        // also after a bullet (`• 9. Stop smoking`).
        let marker_start = i - prev.chars().count();
        let line_start = first_non_space(chars);
        let at_line_start = marker_start == line_start
            || (marker_start > line_start + 1
                && matches!(
                    chars[line_start].1,
                    '•' | '·' | '▪' | '◦' | '‣' | '*' | '-' | '–'
                )
                && chars[line_start + 1..marker_start]
                    .iter()
                    .all(|c| c.1.is_whitespace()));
        if at_line_start
            && !prev.is_empty()
            && prev.chars().count() <= 3
            && prev
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_alphabetic())
        {
            let is_marker = prev.chars().all(|c| c.is_ascii_digit()) || prev.chars().count() == 1;
            if is_marker {
                return None;
            }
        }
        if prev.chars().count() == 1 && prev.chars().all(char::is_alphabetic) {
            // Initials and `z. B.`; `you and I. Did` is the exception.
            if prev == "I" && SENTENCE_OPENERS.contains(&next_word.as_str()) {
                return Some(j);
            }
            return None;
        }
        // `Tuesday.Mr.` after a missing-space split: judge the last word alone.
        let last_part = prev_core
            .rsplit_once('.')
            .filter(|(head, _)| head.chars().filter(|c| c.is_alphabetic()).count() >= 3)
            .map(|(_, tail)| tail);
        if NEVER_END.contains(&prev_core) || last_part.is_some_and(|t| NEVER_END.contains(&t)) {
            return None;
        }
        if !prev.is_empty() && prev.chars().all(|c| c.is_ascii_digit()) {
            if nn.is_lowercase() {
                return None;
            }
            if claimx_lang::calendar::month(&next_word).is_some() {
                return None;
            }
            if prev.len() <= 2 {
                // the word before the number (`in der 4. Klasse`, `den 45. Präsidenten`)
                let mut end = i - prev.chars().count();
                while end > 0 && chars[end - 1].1.is_whitespace() {
                    end -= 1;
                }
                let before = prev_token(chars, end).to_lowercase();
                if ORDINAL_CONTEXT.contains(&before.as_str()) {
                    return None;
                }
            }
            return Some(j);
        }
        if nn.is_lowercase() {
            return None;
        }
        // `u.s.`, `e.g.`; not a decimal number (`closed at $10.50. About …`)
        let inner_dots = prev_core.contains('.') && prev_core.chars().any(char::is_alphabetic);
        if MAY_END.contains(&prev_core) || (inner_dots && prev_core.len() <= 6) {
            // `I'm`, `It's`, `We'll` open a sentence as `I`, `It`, `We` do
            let bare = next_word.split(['\'', '’']).next().unwrap_or_default();
            let opener = SENTENCE_OPENERS.contains(&bare);
            return if opener { Some(j) } else { None };
        }
        Some(j)
    }
}

/// Inline list markers: `1.) a 2.) b`, `a. x b. y`, `• 9. x • 10. y`. Returns the char
/// indices where items start (not the first at line start) and the indices of marker full
/// stops, which never end a sentence. Markers must run consecutively (1, 2, … or a, b, …)
/// from the start of the line or a bullet, so `am 1. und 2. August` is no list.
fn list_markers(chars: &[(usize, char)]) -> (Vec<usize>, std::collections::HashSet<usize>) {
    let is_bullet = |c: char| matches!(c, '•' | '⁃' | '◦' | '▪' | '●' | '‣');
    let mut cands: Vec<(usize, u32, Vec<usize>, bool)> = Vec::new(); // (start, value, dots, after_bullet)
    let n = chars.len();
    for k in 0..n {
        let before = if k == 0 { None } else { Some(chars[k - 1].1) };
        if before.is_some_and(|b| !b.is_whitespace() && !is_bullet(b)) {
            continue;
        }
        let after_bullet = before.is_some_and(is_bullet)
            || (k >= 2 && is_bullet(chars[k - 2].1) && before.is_some_and(char::is_whitespace));
        let mut j = k;
        let mut value = 0u32;
        while j < n && j - k < 2 && chars[j].1.is_ascii_digit() {
            value = value * 10 + chars[j].1.to_digit(10).unwrap();
            j += 1;
        }
        if j == k {
            if chars[k].1.is_ascii_lowercase() {
                value = chars[k].1 as u32 - 'a' as u32 + 1;
                j = k + 1;
            } else {
                continue;
            }
        }
        let mut dots = Vec::new();
        if j < n && chars[j].1 == '.' {
            dots.push(j);
            j += 1;
        }
        if j < n && chars[j].1 == ')' {
            j += 1;
        }
        if j == k + 1 + dots.len() && dots.is_empty() && chars[j - 1].1 != ')' {
            continue;
        }
        if j >= n || !chars[j].1.is_whitespace() || dots.is_empty() && chars[j - 1].1 != ')' {
            continue;
        }
        if !next_non_space(chars, j).is_some_and(|(_, c)| c.is_uppercase() || c.is_ascii_digit()) {
            continue;
        }
        cands.push((k, value, dots, after_bullet));
    }
    let mut starts = Vec::new();
    let mut periods = std::collections::HashSet::new();
    let line_start = chars
        .iter()
        .position(|c| !c.1.is_whitespace() && !is_bullet(c.1))
        .unwrap_or(0);
    let mut idx = 0;
    while idx < cands.len() {
        let (k, v, _, after_bullet) = cands[idx];
        if k != line_start && !after_bullet {
            idx += 1;
            continue;
        }
        let mut chain = vec![idx];
        let mut want = v + 1;
        // Items follow each other closely; looking further would make long lines quadratic.
        for (m, c) in cands.iter().enumerate().skip(idx + 1).take(64) {
            if c.1 == want {
                chain.push(m);
                want += 1;
            }
        }
        if chain.len() >= 2 {
            for &m in &chain {
                let (k, _, ref dots, _) = cands[m];
                periods.extend(dots.iter().copied());
                let cut = if k > 0 && is_bullet(chars[k - 1].1) {
                    k - 1
                } else if k >= 2 && is_bullet(chars[k - 2].1) {
                    k - 2
                } else {
                    k
                };
                if cut > line_start {
                    starts.push(cut);
                }
            }
            idx = *chain.last().unwrap() + 1;
        } else {
            idx += 1;
        }
    }
    (starts, periods)
}

fn push_trimmed(text: &str, a: usize, b: usize, out: &mut Vec<SentenceBounds>) {
    if let Some((a, b)) = trim(text, a, b) {
        out.push(SentenceBounds {
            start: a,
            end: b,
            boilerplate: false,
        });
    }
}

/// Where a heading line glues two headlines (`AmazonCloud-Service AWS …`): at a lower→upper
/// case change inside a word, with a long enough left part (so `iPhone`, `McKinsey`,
/// `YouTube`, `WeChat` stay whole). Only for lines without terminal punctuation.
fn glued_heading_cut(piece: &str) -> Option<usize> {
    let last = piece.chars().last()?;
    if is_terminal(last) || is_closer(last) || piece.chars().count() > 160 {
        return None;
    }
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let mut word_start = 0;
    for i in 0..chars.len() {
        let c = chars[i].1;
        if !c.is_alphabetic() {
            word_start = i + 1;
            continue;
        }
        if i > word_start
            && c.is_uppercase()
            && chars[i - 1].1.is_lowercase()
            && i - word_start >= 5
            && chars[word_start..i]
                .iter()
                .skip(1)
                .all(|c| c.1.is_lowercase())
            && chars[i + 1..]
                .iter()
                .take(3)
                .filter(|c| c.1.is_lowercase())
                .count()
                == 3
        {
            return Some(chars[i].0);
        }
    }
    None
}

/// Extensions of the files whose names pages show where a picture or attachment was.
const FILE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "pdf", "doc", "docx"];

/// Where a headline runs into the text of a document's first sentence without punctuation:
/// before a German article or pronoun capitalised mid-sentence (`… deutlich zulegen Der
/// Milliardendeal hat …`: such words are capitalised only at a sentence start), or before a
/// Chinese lead's time phrase and its comma (`…选址上海2月10日晚间，接近…`, `…大项目5月，环保部…`),
/// which opens a news lead and never ends a title. Only in the first sentence, where the
/// headline is; both parts must look like text (the headline at least 8 characters).
fn headline_run_in(piece: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    if chars.len() < 20 {
        return None;
    }
    // German: ` Der Milliardendeal`
    for (k, w) in piece.split(' ').scan(0usize, |pos, w| {
        let start = *pos;
        *pos += w.len() + 1;
        Some((start, w))
    }) {
        if k < 8 || !claimx_lang::de::CAPITALISED_ONLY_AT_START.contains(&w) {
            continue;
        }
        let before = piece[..k].trim_end();
        let prev_ok = before.ends_with(|c: char| c.is_alphanumeric());
        let rest = &piece[k + w.len()..];
        let next_ok = rest.trim_start().starts_with(|c: char| c.is_alphabetic())
            && rest.chars().count() >= 12;
        if prev_ok && next_ok && before.chars().count() >= 8 {
            return Some(k);
        }
    }
    // Chinese: a time phrase `X月Y日(晚间|上午…)，` or `X月，` after at least 8 characters
    // of Han text with no punctuation (none in those 8 either: `据新华社报道，3月10日，…` is a
    // lead, not a headline)
    if chars[..8]
        .iter()
        .any(|c| is_terminal(c.1) || matches!(c.1, '，' | '、' | '：' | '；' | ',' | ':'))
    {
        return None;
    }
    let mut i = 8;
    while i < chars.len() {
        let c = chars[i].1;
        if is_terminal(c) || matches!(c, '，' | '、' | '：' | '；') {
            return None;
        }
        if i > 40 {
            return None; // a headline is short
        }
        let prev = chars[i - 1].1;
        // `2018年3月，`, `于3月，`, `在5日，`: a time phrase inside the sentence; the day of
        // `3月10日` is inside its date
        let inside = matches!(
            prev,
            '年' | '月' | '于' | '在' | '至' | '到' | '从' | '自' | '今' | '去' | '明' | '同'
        );
        if c.is_ascii_digit() && !inside && claimx_lang::script::is_han(prev) {
            let mut j = i;
            while j < chars.len() && chars[j].1.is_ascii_digit() {
                j += 1;
            }
            let unit = chars.get(j).map(|c| c.1);
            if matches!(unit, Some('月' | '日')) {
                let mut k = j + 1;
                // `2月10日`
                if unit == Some('月') {
                    let d = k;
                    while k < chars.len() && chars[k].1.is_ascii_digit() {
                        k += 1;
                    }
                    if k > d && chars.get(k).is_some_and(|c| c.1 == '日') {
                        k += 1;
                    }
                }
                // `晚间`, `上午`: at most two more characters before the comma
                let comma = chars[k..]
                    .iter()
                    .take(3)
                    .position(|c| c.1 == '，' || c.1 == ',');
                if comma.is_some() {
                    return Some(chars[i].0);
                }
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    None
}

pub(crate) fn trim(text: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let s = &text[a..b];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        None
    } else {
        Some((a + lead, a + lead + t.len()))
    }
}

fn byte_at(chars: &[(usize, char)], j: usize, end: usize) -> usize {
    chars.get(j).map(|c| c.0).unwrap_or(end)
}

pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '。' | '！' | '？' | '‼' | '⁇' | '．'
    )
}

/// Chinese sentences end at 。！？ (and line breaks), not at ；or ，: the guideline's second
/// edition and Universal Dependencies agree.
fn is_cjk_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '．')
}

pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '“'
            | '’'
            | '»'
            | '«'
            | '」'
            | '』'
            | ')'
            | '）'
            | ']'
            | '›'
            | '‹'
            | '》'
            // Windows-1252 quotes read as Latin-1 (U+0091–U+0094), common in old dumps
            | '\u{91}'
            | '\u{92}'
            | '\u{93}'
            | '\u{94}'
    )
}

/// Skip closing quotes/brackets that belong to the sentence just ended. An ambiguous quote
/// (`“` closes in German, opens in English) is a closer only when no letter follows it.
fn skip_closers(chars: &[(usize, char)], mut j: usize) -> usize {
    while j < chars.len() && is_closer(chars[j].1) {
        let follows_letter = chars.get(j + 1).is_some_and(|c| c.1.is_alphanumeric());
        if follows_letter && matches!(chars[j].1, '“' | '"' | '\'' | '«' | '»' | '‹' | '›')
        {
            break;
        }
        j += 1;
    }
    j
}

fn skip_terminals_and_closers(chars: &[(usize, char)], mut j: usize) -> usize {
    while j < chars.len() && matches!(chars[j].1, '!' | '?' | '！' | '？' | '。' | '‼' | '⁇' | '.')
    {
        j += 1;
    }
    skip_closers(chars, j)
}

fn skip_ellipsis(chars: &[(usize, char)], mut j: usize) -> usize {
    while j < chars.len() && matches!(chars[j].1, '.' | '…') {
        j += 1;
    }
    j
}

fn next_non_space(chars: &[(usize, char)], mut j: usize) -> Option<(usize, char)> {
    while j < chars.len() {
        let c = chars[j].1;
        // Opening quotes and brackets do not decide: look at the word after them.
        if !c.is_whitespace()
            && !matches!(
                c,
                '"' | '\'' | '„' | '“' | '‚' | '‘' | '(' | '[' | '»' | '«' | '¿' | '¡'
            )
        {
            return Some((j, c));
        }
        j += 1;
    }
    None
}

/// The token ending right before char index `i` (letters, digits, dots, hyphens and the like).
fn prev_token(chars: &[(usize, char)], i: usize) -> String {
    // a token longer than any word (`claimx_lang::words::MAX_WORD_CHARS`) is no abbreviation
    // or number: looking further back would make unspaced text (Chinese with decimal points)
    // quadratic
    let floor = i.saturating_sub(claimx_lang::words::MAX_WORD_CHARS);
    let mut k = i;
    while k > floor {
        let c = chars[k - 1].1;
        if c.is_whitespace() || matches!(c, '(' | '[' | '„' | '“' | '"' | '\'' | '«' | '»' | '‚')
        {
            break;
        }
        k -= 1;
    }
    chars[k..i].iter().map(|c| c.1).collect()
}

fn word_at(chars: &[(usize, char)], k: usize) -> String {
    chars[k..]
        .iter()
        .take_while(|c| c.1.is_alphanumeric() || c.1 == '\'' || c.1 == '’')
        .map(|c| c.1)
        .collect()
}

fn is_line_break_at(text: &str, pos: usize) -> bool {
    let b = text.as_bytes()[pos];
    b == b'\n'
        || b == b'\r'
        || text[pos..].starts_with('\u{2028}')
        || text[pos..].starts_with('\u{2029}')
        || text[pos..].starts_with('\u{85}')
}

fn line_break_len(text: &str, pos: usize) -> usize {
    let rest = &text.as_bytes()[pos..];
    if rest.starts_with(b"\r\n") {
        2
    } else {
        text[pos..].chars().next().map(char::len_utf8).unwrap_or(1)
    }
}

fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

/// Index of the first non-whitespace char of a line (the line's chars are short-lived, so
/// this is computed per call; it stops at the first non-space char).
fn first_non_space(chars: &[(usize, char)]) -> usize {
    chars
        .iter()
        .position(|c| !c.1.is_whitespace())
        .unwrap_or(chars.len())
}
