//! Language identification per document and per segment.
//!
//! The text is cut into chunks at line breaks, sentence punctuation and changes of script
//! (a run of Han characters is its own chunk). Each chunk is classified: Han text is `zh`,
//! Latin text goes to `whatlang` restricted to German and English, with a check against the
//! unrestricted detector so that confidently French or Polish text becomes `other`. Chunks
//! too short to judge (headlines, single words, numbers) inherit the language of their
//! neighbours, so a headline never flips language on one word. Adjacent chunks of the same
//! language merge into maximal segments whose spans skip surrounding whitespace.
//!
//! ```
//! use claimx_doc::Lang;
//! use claimx_langid::LanguageIdentifier;
//!
//! let text = "Amazon schließt sein Forschungszentrum in Shanghai, teilte das Unternehmen mit.\n\n据报道，该实验室去年获得约3.5亿元投资。";
//! let report = LanguageIdentifier::default().identify(text);
//! assert_eq!(report.lang, Lang::De);
//! assert_eq!(report.segments.last().unwrap().lang, Lang::Zh);
//! ```

use claimx_doc::Lang;
use claimx_lang::script::{is_han, is_kana};
use serde::{Deserialize, Serialize};
use whatlang::{Detector, Lang as WLang, Script};

/// A language segment as byte offsets (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SegmentBounds {
    /// Start, in bytes.
    pub start: usize,
    /// End (exclusive), in bytes.
    pub end: usize,
    /// The segment's language.
    pub lang: Lang,
    /// 0..1: how sure the identifier is.
    pub confidence: f32,
}

/// The result for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LanguageReport {
    /// The main language (most characters).
    pub lang: Lang,
    /// All languages present, main first.
    pub languages: Vec<Lang>,
    /// Runs of one language, in text order.
    pub segments: Vec<SegmentBounds>,
}

/// The language stage interface.
pub trait LanguageIdentification: Send + Sync {
    /// The languages of `text` and its segments.
    fn identify(&self, text: &str) -> LanguageReport;

    /// The English name of the language of a text claimx does not serve, for the message
    /// that rejects it ([`language_name`] by default).
    fn language_name(&self, text: &str) -> Option<String> {
        language_name(text).map(str::to_string)
    }
}

/// The English name of the language `text` reads as among all that whatlang knows
/// (`"French"`), for messages about documents claimx does not serve; `None` when it cannot
/// tell.
pub fn language_name(text: &str) -> Option<&'static str> {
    whatlang::detect(text).map(|info| info.lang().eng_name())
}

/// Settings for [`LanguageIdentifier`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LangIdConfig {
    /// Chunks with fewer Latin words than this are not judged on their own.
    pub min_words: usize,
    /// Han runs shorter than this inside Latin text stay part of it (`der Himmel 中文`).
    pub min_han_run: usize,
    /// A decided chunk of up to this many words between two chunks of one other language
    /// takes their language.
    pub max_island_words: usize,
    /// Unrestricted whatlang confidence above which a non-de/en language counts as `other`.
    pub other_confidence: f64,
    /// Below this de/en confidence a chunk is decided by function words or its neighbours.
    pub min_confidence: f32,
    /// Runs of fewer words than this next to text at least three times longer take its language.
    pub max_absorbed_words: usize,
}

impl Default for LangIdConfig {
    fn default() -> Self {
        LangIdConfig {
            min_words: 4,
            min_han_run: 4,
            max_island_words: 8,
            other_confidence: 0.6,
            min_confidence: 0.3,
            max_absorbed_words: 20,
        }
    }
}

/// whatlang-based identifier for de / en / zh / other.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LanguageIdentifier {
    /// Thresholds and smoothing of the segmenter.
    #[serde(default)]
    pub config: LangIdConfig,
}

#[derive(Debug, Clone, Copy)]
struct Chunk {
    start: usize,
    end: usize,
    lang: Option<Lang>,
    confidence: f32,
    words: usize,
    han: bool,
    /// Nothing but whitespace stands between the chunk and the line break before it.
    line_start: bool,
    /// The chunk has an upper-case letter (names have; a lower-case English phrase has not).
    capitalised: bool,
}

impl LanguageIdentification for LanguageIdentifier {
    fn identify(&self, text: &str) -> LanguageReport {
        self.identify(text)
    }
}

impl LanguageIdentifier {
    /// An identifier with these settings.
    pub fn new(config: LangIdConfig) -> Self {
        LanguageIdentifier { config }
    }

    /// The document's languages and its segments.
    pub fn identify(&self, text: &str) -> LanguageReport {
        let mut chunks = self.chunks(text);
        let deen = Detector::with_allowlist(vec![WLang::Deu, WLang::Eng]);
        for c in chunks.iter_mut() {
            self.classify(text, c, &deen);
        }
        // Unpunctuated runs that switch language mid-line (`… Uszczelkowe der blaue himmel
        // über berlin the quick brown fox …`) are split where the halves differ most clearly.
        let mut split: Vec<Chunk> = Vec::with_capacity(chunks.len());
        for c in chunks {
            match self.split_mixed(text, c, &deen) {
                Some(parts) => split.extend(parts),
                None => split.push(c),
            }
        }
        let mut chunks = split;
        // With no chunk long enough to judge (`I'm frightened! 🙈`), judge the whole text.
        let doc_lang = main_language(&chunks).unwrap_or_else(|| {
            let latin = text.chars().any(|c| c.is_ascii_alphabetic());
            match deen.detect(text) {
                Some(info) if latin => {
                    if info.lang() == WLang::Deu {
                        Lang::De
                    } else {
                        Lang::En
                    }
                }
                _ => Lang::Other,
            }
        });
        self.fill_undecided(&mut chunks, doc_lang);
        self.smooth_islands(&mut chunks);
        self.absorb_short_runs(&mut chunks);
        let segments = merge(&chunks);
        let mut totals: Vec<(Lang, usize)> = Vec::new();
        for s in &segments {
            match totals.iter_mut().find(|t| t.0 == s.lang) {
                Some(t) => t.1 += s.end - s.start,
                None => totals.push((s.lang, s.end - s.start)),
            }
        }
        totals.sort_by_key(|t| std::cmp::Reverse(t.1));
        let languages: Vec<Lang> = totals.iter().map(|t| t.0).collect();
        LanguageReport {
            lang: languages.first().copied().unwrap_or(doc_lang),
            languages,
            segments,
        }
    }

    /// Cut into chunks at line breaks, sentence punctuation and long Han runs.
    fn chunks(&self, text: &str) -> Vec<Chunk> {
        let mut out = Vec::new();
        let mut start = 0usize;
        let mut han_run_start: Option<usize> = None;
        let mut han_run_len = 0usize;
        let mut chunk_is_han = false;
        let push = |out: &mut Vec<Chunk>, a: usize, b: usize, han: bool| {
            let s = &text[a..b];
            let lead = s.len() - s.trim_start().len();
            let t = s.trim();
            if !t.is_empty() {
                let before = text[..a + lead].trim_end_matches([' ', '\t', '\u{3000}']);
                out.push(Chunk {
                    line_start: before.is_empty()
                        || before.ends_with(['\n', '\r', '\u{2028}', '\u{2029}']),
                    capitalised: t.chars().any(char::is_uppercase),
                    start: a + lead,
                    end: a + lead + t.len(),
                    lang: None,
                    confidence: 0.0,
                    words: 0,
                    han,
                });
            }
        };
        // A Han run from `hs` on opens a Han chunk: the Latin chunk before it is closed,
        // unless it has no letters (a bullet, a number: `* 习近平…`, `2009年1月，任…`), which
        // belongs to the line's text.
        let open_han = |out: &mut Vec<Chunk>, start: &mut usize, hs: usize| {
            if has_letters(&text[*start..hs]) {
                push(out, *start, hs, false);
                *start = hs;
            }
        };
        let mut iter = text.char_indices().peekable();
        while let Some((b, c)) = iter.next() {
            let next_b = b + c.len_utf8();
            if is_han(c) {
                if han_run_start.is_none() {
                    han_run_start = Some(b);
                    han_run_len = 0;
                }
                han_run_len += 1;
                if han_run_len == self.config.min_han_run && !chunk_is_han {
                    // a real Han run
                    open_han(&mut out, &mut start, han_run_start.unwrap());
                    chunk_is_han = true;
                }
                continue;
            }
            let letter = c.is_alphabetic();
            if letter {
                han_run_start = None;
                if chunk_is_han && c.is_ascii_alphabetic() {
                    // Latin letters after a Han chunk: look whether a Latin word starts here.
                    push(&mut out, start, b, true);
                    start = b;
                    chunk_is_han = false;
                }
                continue;
            }
            let boundary = match c {
                '\n' | '\r' | '\u{2029}' | '\u{2028}' => true,
                '.' | '!' | '?' | '。' | '！' | '？' | '；' => iter
                    .peek()
                    .is_none_or(|(_, n)| n.is_whitespace() || is_han(*n)),
                ':' => {
                    iter.peek().is_some_and(|(_, n)| n.is_whitespace())
                        && text[next_b..]
                            .trim_start()
                            .starts_with(['"', '„', '“', '«', '»'])
                }
                _ => false,
            };
            if boundary {
                if !chunk_is_han && ends_chinese_phrase(c) && han_run_len >= 2 {
                    if let Some(hs) = han_run_start {
                        // Han text that runs to the end of its line or to a Chinese stop
                        // (`>fray 吵架；`) is not a word inside Latin text (`der Himmel 中文
                        // ist`): however short, it is Chinese.
                        open_han(&mut out, &mut start, hs);
                        chunk_is_han = true;
                    }
                }
                push(&mut out, start, next_b, chunk_is_han);
                start = next_b;
                chunk_is_han = false;
                han_run_start = None;
            }
        }
        if let (false, Some(hs), true) = (chunk_is_han, han_run_start, han_run_len >= 2) {
            open_han(&mut out, &mut start, hs);
            chunk_is_han = true;
        }
        push(&mut out, start, text.len(), chunk_is_han);
        out
    }

    fn classify(&self, text: &str, c: &mut Chunk, deen: &Detector) {
        let s = &text[c.start..c.end];
        let han = s.chars().filter(|&ch| is_han(ch)).count();
        let latin_letters = s
            .chars()
            .filter(|ch| ch.is_alphabetic() && !is_han(*ch))
            .count();
        c.words = s
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        // Japanese writes Han characters too, but always with kana between them; Chinese
        // has none (a kana letter for every five Han characters is Japanese text, not a
        // Japanese name inside Chinese text)
        let kana = s
            .chars()
            .filter(|&ch| is_kana(ch) && ch.is_alphabetic())
            .count();
        if han > 0 && kana >= 2 && kana * 5 >= han {
            c.han = true;
            c.lang = Some(Lang::Other);
            c.confidence = (kana as f32 / (han + kana) as f32).min(1.0);
            return;
        }
        if han > 0 && han >= latin_letters {
            c.han = true;
            c.lang = Some(Lang::Zh);
            c.confidence = (han as f32 / (han + latin_letters) as f32).min(1.0);
            return;
        }
        if latin_letters == 0 {
            return; // numbers, punctuation: inherit
        }
        if let Some(script) = whatlang::detect_script(s) {
            if script != Script::Latin {
                if c.words >= 2 || latin_letters >= 6 {
                    c.lang = Some(Lang::Other);
                    c.confidence = 0.9;
                }
                return;
            }
        }
        if c.words < self.config.min_words {
            return;
        }
        let markers = german_english_markers(s);
        let restricted = deen.detect(s).map(|info| {
            let lang = if info.lang() == WLang::Deu {
                Lang::De
            } else {
                Lang::En
            };
            (lang, info.confidence() as f32)
        });
        // German and English function words agreeing with the de/en trigram model settle the
        // chunk; otherwise ask the unrestricted model whether it is another language. (The
        // unrestricted model is the expensive part, so it runs only when needed.)
        let settled = matches!((markers, restricted), (Some(m), Some((l, _))) if m == l);
        if !settled {
            if let Some(info) = whatlang::detect(s) {
                let foreign = !matches!(info.lang(), WLang::Deu | WLang::Eng);
                if foreign
                    && info.is_reliable()
                    && info.confidence() >= self.config.other_confidence
                    && c.words >= 3
                {
                    c.lang = Some(Lang::Other);
                    c.confidence = info.confidence() as f32;
                    return;
                }
            }
        }
        match restricted {
            Some((lang, conf)) if conf >= self.config.min_confidence || markers.is_none() => {
                c.lang = Some(lang);
                c.confidence = conf;
                if let Some(m) = markers {
                    // Function words settle short or mixed chunks more reliably than trigrams.
                    if m != lang && conf < 0.5 {
                        c.lang = Some(m);
                    }
                }
            }
            _ => {
                c.lang = markers;
                c.confidence = 0.5;
            }
        }
    }

    /// Split a Latin chunk that mixes languages without punctuation (`Płaszczowo-rurowe
    /// wymienniki … der blaue himmel über berlin the quick brown fox …`). Words are labelled
    /// by evidence that trigrams lack on short text — German and English function words,
    /// umlauts and ß, letters only other Latin languages use — and unlabelled words join the
    /// run before them. A split needs at least two runs of three or more words with at least
    /// two labelled words each, so a quoted name or one foreign word never splits a sentence.
    fn split_mixed(&self, text: &str, c: Chunk, deen: &Detector) -> Option<Vec<Chunk>> {
        if c.han || c.words < 6 {
            return None;
        }
        let s = &text[c.start..c.end];
        let words: Vec<(usize, usize, Option<Lang>)> = s
            .split_whitespace()
            .map(|w| {
                let off = w.as_ptr() as usize - s.as_ptr() as usize;
                (c.start + off, c.start + off + w.len(), word_evidence(w))
            })
            .collect();
        // Runs: (first word, last word, label, words, labelled words)
        let mut runs: Vec<(usize, usize, Lang, usize, usize)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            match (w.2, runs.last_mut()) {
                (Some(l), Some(r)) if r.2 == l => {
                    r.1 = i;
                    r.3 = i + 1 - r.0;
                    r.4 += 1;
                }
                (Some(l), _) => runs.push((i, i, l, 1, 1)),
                (None, Some(r)) => {
                    r.1 = i;
                    r.3 = i + 1 - r.0;
                }
                (None, None) => {}
            }
        }
        if runs.len() < 2 || runs.iter().any(|r| r.3 < 3 || r.4 < 2) {
            return None;
        }
        let mut parts = Vec::with_capacity(runs.len());
        for (k, r) in runs.iter().enumerate() {
            let start = if k == 0 { c.start } else { words[r.0].0 };
            let end = words[r.1].1;
            let mut part = Chunk {
                start,
                end,
                lang: None,
                confidence: 0.0,
                words: 0,
                han: false,
                line_start: k == 0 && c.line_start,
                capitalised: text[start..end].chars().any(char::is_uppercase),
            };
            self.classify(text, &mut part, deen);
            if part.lang.is_none() {
                part.lang = Some(r.2);
                part.confidence = 0.5;
            }
            parts.push(part);
        }
        Some(parts)
    }

    /// Undecided chunks take the language of the nearest decided chunk of the same script,
    /// preferring the one before (a headline belongs to the article after it only at the
    /// very start), else the document's language.
    fn fill_undecided(&self, chunks: &mut [Chunk], doc_lang: Lang) {
        let n = chunks.len();
        // Nearest decided chunk of each script after every position (one backward pass).
        let mut next_decided: Vec<[Option<Lang>; 2]> = vec![[None, None]; n + 1];
        for i in (0..n).rev() {
            next_decided[i] = next_decided[i + 1];
            if let Some(l) = chunks[i].lang {
                next_decided[i][chunks[i].han as usize] = Some(l);
            }
        }
        let mut prev_decided: [Option<Lang>; 2] = [None, None];
        for i in 0..n {
            let script = chunks[i].han as usize;
            if let Some(l) = chunks[i].lang {
                prev_decided[script] = Some(l);
                continue;
            }
            let pick = prev_decided[script]
                .or(next_decided[i + 1][script])
                .unwrap_or(if chunks[i].han { Lang::Zh } else { doc_lang });
            chunks[i].lang = Some(pick);
            chunks[i].confidence = 0.5;
        }
    }

    /// A short run of Latin chunks (a headline block, a caption) next to much longer text of
    /// another language takes that language: headlines must not flip on a few words. Runs of
    /// similar size (a real switch of language) are left alone.
    fn absorb_short_runs(&self, chunks: &mut [Chunk]) {
        // Smallest runs first (a caption inside an article merges before the headline block
        // above it is judged against the article), in a fixed number of rounds so that the
        // pass stays linear in the number of chunks.
        let max = self.config.max_absorbed_words;
        let mut limits: Vec<usize> = [2, 4, 8, 16].into_iter().filter(|&l| l < max).collect();
        limits.push(max);
        for limit in limits {
            let runs = runs_of(chunks);
            for k in 0..runs.len() {
                let (a, b, lang, words, han) = runs[k];
                if han || words >= limit {
                    continue;
                }
                let neighbours: Vec<_> = [k.checked_sub(1), Some(k + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|j| runs.get(j))
                    .filter(|r| !r.4)
                    .collect();
                let Some(big) = neighbours.iter().max_by_key(|r| r.3) else {
                    continue;
                };
                if big.2 != lang && neighbours.iter().all(|r| r.3 >= 3 * words.max(1)) {
                    for c in &mut chunks[a..b] {
                        c.lang = big.2;
                        c.confidence *= 0.5;
                    }
                }
            }
        }
    }

    /// A short Latin chunk of one language between chunks of another takes theirs.
    fn smooth_islands(&self, chunks: &mut [Chunk]) {
        let n = chunks.len();
        for i in 1..n.saturating_sub(1) {
            let (a, b, c) = (chunks[i - 1].lang, chunks[i].lang, chunks[i + 1].lang);
            // Between Chinese chunks, a Latin name inside a Chinese sentence (`去年，Google
            // Play 商店`) takes their language; a whole Latin line does not, nor does a
            // lower-case phrase opening a line (a glossary headword: `>fray 吵架；冲突`).
            let own_line = chunks[i].line_start
                && (!chunks[i].capitalised || chunks[i + 1].line_start)
                && chunks[i + 1].han
                && chunks[i - 1].han;
            if a == c
                && a != b
                && !chunks[i].han
                && !own_line
                && chunks[i].words <= self.config.max_island_words
            {
                chunks[i].lang = a;
                chunks[i].confidence *= 0.5;
            }
        }
    }
}

/// Whether `s` has a letter of any script (a chunk without one is a bullet, a number or
/// punctuation, and carries no language of its own).
fn has_letters(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// Chunk ends after which Han text is a phrase of its own: line breaks and the Chinese stops
/// (an ASCII period after Han characters ends a Latin sentence: `revenue of 5亿.`).
fn ends_chinese_phrase(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2029}' | '\u{2028}' | '。' | '！' | '？' | '；'
    )
}

/// Runs of adjacent chunks with one language and script: (first, end, lang, words, han).
fn runs_of(chunks: &[Chunk]) -> Vec<(usize, usize, Option<Lang>, usize, bool)> {
    let mut runs: Vec<(usize, usize, Option<Lang>, usize, bool)> = Vec::new();
    for (i, c) in chunks.iter().enumerate() {
        match runs.last_mut() {
            Some(r) if r.2 == c.lang && r.4 == c.han => {
                r.1 = i + 1;
                r.3 += c.words;
            }
            _ => runs.push((i, i + 1, c.lang, c.words, c.han)),
        }
    }
    runs
}

fn main_language(chunks: &[Chunk]) -> Option<Lang> {
    let mut totals: Vec<(Lang, usize)> = Vec::new();
    for c in chunks {
        if let Some(l) = c.lang {
            match totals.iter_mut().find(|t| t.0 == l) {
                Some(t) => t.1 += c.end - c.start,
                None => totals.push((l, c.end - c.start)),
            }
        }
    }
    totals.into_iter().max_by_key(|t| t.1).map(|t| t.0)
}

fn merge(chunks: &[Chunk]) -> Vec<SegmentBounds> {
    let mut out: Vec<(SegmentBounds, f32)> = Vec::new();
    for c in chunks {
        let lang = c.lang.unwrap_or(Lang::Other);
        let weight = (c.end - c.start) as f32;
        match out.last_mut() {
            Some((s, w)) if s.lang == lang => {
                s.confidence = (s.confidence * *w + c.confidence * weight) / (*w + weight);
                *w += weight;
                s.end = c.end;
            }
            _ => out.push((
                SegmentBounds {
                    start: c.start,
                    end: c.end,
                    lang,
                    confidence: c.confidence,
                },
                weight,
            )),
        }
    }
    out.into_iter().map(|(s, _)| s).collect()
}

/// A vote from frequent function words, when one language clearly leads.
fn german_english_markers(s: &str) -> Option<Lang> {
    let (de, en) = marker_counts(s);
    match de - en {
        d if d >= 2 => Some(Lang::De),
        d if d <= -2 => Some(Lang::En),
        _ => None,
    }
}

/// What a single word says about its language, if anything.
fn word_evidence(w: &str) -> Option<Lang> {
    let l: String = w
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if l.is_empty() {
        return None;
    }
    if l.chars().any(|c| {
        matches!(
            c,
            'ł' | 'ą'
                | 'ę'
                | 'ś'
                | 'ź'
                | 'ż'
                | 'ć'
                | 'ń'
                | 'ř'
                | 'ě'
                | 'ů'
                | 'ő'
                | 'ű'
                | 'ç'
                | 'ñ'
                | 'ã'
                | 'õ'
                | 'å'
                | 'ø'
                | 'æ'
        )
    }) {
        return Some(Lang::Other);
    }
    let (de, en) = marker_counts(&l);
    if de > en || l.chars().any(|c| matches!(c, 'ä' | 'ö' | 'ü' | 'ß')) {
        return Some(Lang::De);
    }
    if en > de {
        return Some(Lang::En);
    }
    None
}

/// Counts of frequent German and English function words.
fn marker_counts(s: &str) -> (i32, i32) {
    const DE: &[&str] = &[
        "der", "die", "das", "und", "ist", "nicht", "mit", "sich", "ein", "eine", "auf", "für",
        "den", "dem", "von", "zu", "sie", "ich", "wir", "auch", "über", "sprechen", "nur", "bei",
    ];
    const EN: &[&str] = &[
        "the", "and", "is", "not", "with", "of", "to", "a", "an", "on", "for", "he", "she", "it",
        "was", "are", "that", "this", "by", "from", "at", "his", "her", "asked", "over",
    ];
    let (mut de, mut en) = (0, 0);
    for w in s
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let w = w.to_lowercase();
        de += DE.contains(&w.as_str()) as i32;
        en += EN.contains(&w.as_str()) as i32;
    }
    (de, en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn langs(text: &str) -> Vec<(Lang, String)> {
        LanguageIdentifier::default()
            .identify(text)
            .segments
            .iter()
            .map(|s| (s.lang, text[s.start..s.end].to_string()))
            .collect()
    }

    #[rstest]
    #[case::de(
        "Amazon schließt sein Forschungszentrum für Künstliche Intelligenz in Shanghai.",
        Lang::De
    )]
    #[case::en(
        "Amazon has shut down its Shanghai-based artificial intelligence lab.",
        Lang::En
    )]
    #[case::zh(
        "我们不对与我们的内容有任何形式的保证，包括但不限于准确性和更新性。",
        Lang::Zh
    )]
    #[case::fr("Le gouvernement français a annoncé mardi une nouvelle réforme des retraites très contestée.", Lang::Other)]
    fn whole_document(#[case] text: &str, #[case] lang: Lang) {
        let r = LanguageIdentifier::default().identify(text);
        assert_eq!(r.lang, lang);
        assert_eq!(r.segments.len(), 1);
    }

    #[test]
    fn english_article_ending_in_chinese_block() {
        let text = "Amazon has closed its Shanghai AI lab. The closure affects the AWS research unit established in 2018.\n\n获取加密通讯\n阅读免责声明 : 此处提供的所有内容仅供您提供一般信息。";
        let segs = langs(text);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert_eq!(segs[0].0, Lang::En);
        assert!(segs[0].1.ends_with("2018."));
        assert_eq!(segs[1].0, Lang::Zh);
        assert!(segs[1].1.starts_with("获取"));
    }

    #[rstest]
    #[case::de_headline_english_word("Cloud-Service\n\nAmazon schließt sein Forschungszentrum in Shanghai. Das Zentrum war Amazons einziges Institut außerhalb der USA.", Lang::De)]
    #[case::en_headline_german_word("Handelsblatt\n\nAmazon has shut down its Shanghai lab. The closure affects the research unit established in 2018.", Lang::En)]
    fn short_headline_does_not_flip(#[case] text: &str, #[case] lang: Lang) {
        let segs = langs(text);
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].0, lang);
    }

    #[test]
    fn short_han_word_inside_german_stays_german() {
        let segs = langs("Der blaue Himmel über Berlin 中文 ist heute sehr schön und klar.");
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].0, Lang::De);
    }

    #[test]
    fn unpunctuated_line_switching_language_is_split() {
        let text = "Die Firma hat heute in der Stadt gesagt dass sie über neue Pläne spricht and then the company said that it is over for the lab";
        let segs = langs(text);
        assert_eq!(segs.len(), 2, "{segs:?}");
        assert_eq!(segs[0].0, Lang::De);
        assert!(segs[0].1.ends_with("spricht"));
        assert_eq!(segs[1].0, Lang::En);
    }

    #[rstest]
    #[case::german_name_in_english("Amazon spokesperson Brad Glasser told Jürgen Müller that the company will close the lab in Shanghai soon", Lang::En)]
    #[case::english_title_in_german("Laut The Economist hat der Konzern seine Pläne für das Labor in Shanghai deutlich geändert", Lang::De)]
    fn one_foreign_name_does_not_split(#[case] text: &str, #[case] lang: Lang) {
        let segs = langs(text);
        assert_eq!(segs.len(), 1, "{segs:?}");
        assert_eq!(segs[0].0, lang);
    }

    /// Mixed documents: every maximal same-language run is a segment, and what carries no
    /// language (bullets, numbers) or is a name inside a sentence stays with its text.
    #[rstest]
    #[case::bullet_belongs_to_its_line(
        "* Xi Jinping refused to back down in the tariff fight with President Trump.\n* 习近平拒绝退缩中国与特朗普总统的关税对抗。",
        &[(Lang::En, "* Xi Jinping refused to back down in the tariff fight with President Trump."), (Lang::Zh, "* 习近平拒绝退缩中国与特朗普总统的关税对抗。")]
    )]
    #[case::glossary_lines(
        "Relations with Washington continue to fray at a time of trade tension.\n>fray 吵架；冲突\n>high-profile state visit 高调的国事访问\n\n高调的国事访问，访问将包括熊猫外交。",
        &[(Lang::En, "Relations with Washington continue to fray at a time of trade tension.\n>fray"), (Lang::Zh, "吵架；冲突"), (Lang::En, ">high-profile state visit"), (Lang::Zh, "高调的国事访问\n\n高调的国事访问，访问将包括熊猫外交。")]
    )]
    #[case::english_line_between_chinese_lines(
        "* 此前白宫已将现有关税提高。\n* Plus, the biggest luxury deal of the year.\n* 此外，这是今年最大的奢侈品交易。",
        &[(Lang::Zh, "* 此前白宫已将现有关税提高。"), (Lang::En, "* Plus, the biggest luxury deal of the year."), (Lang::Zh, "* 此外，这是今年最大的奢侈品交易。")]
    )]
    #[case::latin_name_inside_chinese(
        "公司采取了积极的措施。去年，Google Play 商店下架了拼多多应用程序。",
        &[(Lang::Zh, "公司采取了积极的措施。去年，Google Play 商店下架了拼多多应用程序。")]
    )]
    #[case::date_opening_a_chinese_line(
        "The bank named a new head of its branch in Liaoyuan last month.\n2009年1月，任吉林银行辽源分行行长。",
        &[(Lang::En, "The bank named a new head of its branch in Liaoyuan last month."), (Lang::Zh, "2009年1月，任吉林银行辽源分行行长。")]
    )]
    #[case::chinese_figure_in_english_sentence(
        "The fund raised 5亿 from investors in the first round of the year.",
        &[(Lang::En, "The fund raised 5亿 from investors in the first round of the year.")]
    )]
    fn mixed_runs(#[case] text: &str, #[case] want: &[(Lang, &str)]) {
        let got = langs(text);
        let want: Vec<(Lang, String)> = want.iter().map(|(l, s)| (*l, s.to_string())).collect();
        assert_eq!(got, want);
    }

    #[rstest]
    #[case("")]
    #[case("   \n\t ")]
    #[case("12345 67 %")]
    fn degenerate_input(#[case] text: &str) {
        let r = LanguageIdentifier::default().identify(text);
        for s in &r.segments {
            assert!(s.start < s.end && s.end <= text.len());
        }
    }
}
