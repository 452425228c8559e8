//! Sentence splitting on arbitrary text: ordered, non-overlapping spans on character
//! boundaries, inside the text.
#![no_main]
use claimx_sentences::SentenceSplitter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut last = 0;
    for b in SentenceSplitter::default().split(&text) {
        assert!(last <= b.start && b.start < b.end && b.end <= text.len(), "{b:?}");
        assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
        last = b.end;
    }
});
