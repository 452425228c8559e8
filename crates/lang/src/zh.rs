//! Chinese words the stages read. Chinese writes no spaces, so these are matched as
//! substrings; where the order of a list matters it says so.

/// Attribution cues after the source (`阿里巴巴表示`, `该公司称`), tried in this order.
pub const SPEECH_VERBS: &[&str] = &["表示", "透露", "指出", "宣称", "声称", "称", "说"];

/// Words that mark a statement as hedged or reported.
pub const HEDGES: &[&str] = &["据称", "可能", "或将", "据报道"];

/// Negation words.
pub const NEGATIONS: &[&str] = &["没有", "未", "不"];

/// Verbs that date a founding: `成立于2018年`.
pub const FOUNDING_VERBS: &[&str] = &["成立于", "创立于", "创建于", "成立", "创立"];

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
        self.tag
            .starts_with(['v', 'd', 'c', 'p', 'r', 'u', 'e', 'y', 'o', 'z'])
    }
}

fn segmenter() -> &'static jieba_rs::Jieba {
    static JIEBA: std::sync::OnceLock<jieba_rs::Jieba> = std::sync::OnceLock::new();
    // the dictionary is embedded (jieba-rs default-dict): nothing is read or downloaded
    JIEBA.get_or_init(jieba_rs::Jieba::new)
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
