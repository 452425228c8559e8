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
