//! Figure recognition and normalisation on arbitrary text in each language: spans on
//! character boundaries inside the text, finite values.
#![no_main]
use claimx_doc::{FigureValue, Lang};
use claimx_figures::{FigureExtraction, FigureRecognizer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let lang = [Lang::De, Lang::En, Lang::Zh, Lang::Other][usize::from(selector % 4)];
    let text = String::from_utf8_lossy(rest);
    let reference = chrono::NaiveDate::from_ymd_opt(2025, 7, 24);
    for m in FigureRecognizer::default().extract(&text, lang, reference) {
        assert!(m.start <= m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        for v in [&m.value, &m.upper].into_iter().flatten() {
            if let FigureValue::Number(n) = v {
                assert!(n.is_finite(), "{m:?}");
            }
        }
    }
});
