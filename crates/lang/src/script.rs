//! Scripts of characters. Han and Hangul come from the Unicode Script property
//! (`unicode-script`); kana and the CJK punctuation and full-width forms are Unicode blocks,
//! because what the stages need there is "written with kana" or "CJK typography", which
//! includes the prolonged sound mark `ー` and the middle dot `・` (script Common).

use unicode_script::{Script, UnicodeScript};

/// A Han character (Chinese hanzi, Japanese kanji): Script=Han, all CJK ideograph blocks and
/// extensions, compatibility ideographs, radicals, `〇` and `々`.
pub fn is_han(c: char) -> bool {
    !c.is_ascii() && c.script() == Script::Han
}

/// Hiragana, Katakana, Katakana Phonetic Extensions and the half-width katakana: text with
/// these is Japanese (Chinese text has none).
pub fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF65..=0xFF9F)
}

/// A Hangul syllable or jamo (Korean).
pub fn is_hangul(c: char) -> bool {
    !c.is_ascii() && c.script() == Script::Hangul
}

/// CJK Symbols and Punctuation: `。`, `、`, `「」`, `〇`, the ideographic space.
pub fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F)
}

/// Halfwidth and Fullwidth Forms: `，`, `；`, `（）`, full-width digits and Latin letters.
pub fn is_fullwidth_form(c: char) -> bool {
    matches!(c as u32, 0xFF00..=0xFFEF)
}

/// Characters of Chinese typesetting: Han, CJK punctuation and full-width forms. Figures
/// written among them have no spaces around them (`超过1000名`).
pub fn is_cjk_text(c: char) -> bool {
    is_han(c) || is_cjk_punctuation(c) || is_fullwidth_form(c)
}

/// Scripts whose sentences are not followed by a space (Han, kana, Hangul syllables): a
/// sentence may end right before one of these.
pub fn is_unspaced(c: char) -> bool {
    is_han(c) || is_kana(c) || is_hangul(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case('中', true)]
    #[case('㐀', true)] // extension A
    #[case('𠀀', true)] // extension B
    #[case('〇', true)]
    #[case('々', true)]
    #[case('豈', true)] // compatibility ideograph
    #[case('の', false)]
    #[case('한', false)]
    #[case('，', false)]
    #[case('a', false)]
    #[case('ß', false)]
    fn han(#[case] c: char, #[case] want: bool) {
        assert_eq!(is_han(c), want, "{c}");
    }

    #[rstest]
    #[case('の', true)]
    #[case('カ', true)]
    #[case('ー', true)]
    #[case('ｶ', true)]
    #[case('中', false)]
    #[case('。', false)]
    fn kana(#[case] c: char, #[case] want: bool) {
        assert_eq!(is_kana(c), want, "{c}");
    }

    #[test]
    fn composites() {
        assert!(is_cjk_text('，') && is_cjk_text('。') && is_cjk_text('中') && is_cjk_text('１'));
        assert!(!is_cjk_text('の') && !is_cjk_text(','));
        assert!(is_unspaced('한') && is_unspaced('の') && is_unspaced('中'));
        assert!(!is_unspaced('。') && !is_unspaced('A'));
    }
}
