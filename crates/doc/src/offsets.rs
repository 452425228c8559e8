use crate::Span;

/// Converts between UTF-8 byte offsets and Unicode code-point offsets in O(1) amortised.
///
/// A checkpoint every [`OffsetIndex::BLOCK`] bytes records the number of code points before it,
/// so a conversion scans at most one block. That keeps memory at ~1/64 of the text even for
/// very large documents, instead of one entry per character.
#[derive(Debug, Clone)]
pub struct OffsetIndex<'a> {
    text: &'a str,
    /// `checkpoints[i]` = number of chars in `text[..i * BLOCK]` (rounded down to a char boundary).
    checkpoints: Vec<(usize, usize)>,
    ascii: bool,
}

impl<'a> OffsetIndex<'a> {
    const BLOCK: usize = 256;

    /// An index over `text` (one pass; look-ups are then cheap).
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(text.len() / Self::BLOCK + 1);
            let mut chars = 0usize;
            let mut next = 0usize;
            for (b, _) in text.char_indices() {
                while b >= next {
                    checkpoints.push((b, chars));
                    next += Self::BLOCK;
                }
                chars += 1;
            }
            checkpoints.push((text.len(), chars));
        }
        OffsetIndex {
            text,
            checkpoints,
            ascii,
        }
    }

    /// The text the index was built over.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        if self.ascii {
            self.text.len()
        } else {
            self.checkpoints.last().map(|c| c.1).unwrap_or(0)
        }
    }

    /// Code-point offset of a byte offset. `byte` must lie on a char boundary (it is clamped
    /// down to the previous boundary otherwise).
    pub fn char_of_byte(&self, byte: usize) -> usize {
        if self.ascii {
            return byte.min(self.text.len());
        }
        let byte = byte.min(self.text.len());
        // The checkpoint with the largest byte position <= byte.
        let i = match self.checkpoints.binary_search_by(|c| c.0.cmp(&byte)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let (b0, c0) = self.checkpoints[i];
        c0 + self.text[b0..floor_char_boundary(self.text, byte)]
            .chars()
            .count()
    }

    /// Byte offset of a code-point offset (clamped to the text length).
    pub fn byte_of_char(&self, ch: usize) -> usize {
        if self.ascii {
            return ch.min(self.text.len());
        }
        let i = match self.checkpoints.binary_search_by(|c| c.1.cmp(&ch)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let (b0, c0) = self.checkpoints[i];
        match self.text[b0..].char_indices().nth(ch - c0) {
            Some((b, _)) => b0 + b,
            None => self.text.len(),
        }
    }

    /// A span from byte offsets.
    pub fn span(&self, byte_start: usize, byte_end: usize) -> Span {
        Span {
            start: self.char_of_byte(byte_start),
            end: self.char_of_byte(byte_end),
            byte_start,
            byte_end,
        }
    }

    /// A span from code-point offsets (as used by Python and by the gold files).
    pub fn span_from_chars(&self, start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            byte_start: self.byte_of_char(start),
            byte_end: self.byte_of_char(end),
        }
    }
}

/// The largest character boundary of `text` at or before byte `at` (clamped to its length).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut b = at.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("hello world")]
    #[case("Größe über 1.000 €")]
    #[case("Amazon 上海 AI 实验室。End")]
    #[case("🙈 emoji 🙈")]
    fn roundtrip_every_boundary(#[case] text: &str) {
        let idx = OffsetIndex::new(text);
        for (ci, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of_byte(b), ci);
            assert_eq!(idx.byte_of_char(ci), b);
        }
        assert_eq!(idx.char_len(), text.chars().count());
        assert_eq!(idx.char_of_byte(text.len()), text.chars().count());
    }

    #[test]
    fn long_text_crosses_many_blocks() {
        let text = "äöü 中文 abc ".repeat(500);
        let idx = OffsetIndex::new(&text);
        for (ci, (b, _)) in text.char_indices().enumerate().step_by(7) {
            assert_eq!(idx.char_of_byte(b), ci);
            assert_eq!(idx.byte_of_char(ci), b);
        }
    }
}
