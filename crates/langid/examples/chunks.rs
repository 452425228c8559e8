//! Prints the language segments of a file: `cargo run -p claimx-langid --example chunks FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: chunks FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let r = claimx_langid::LanguageIdentifier::default().identify(&text);
    for s in r.segments {
        let t = &text[s.start..s.end];
        let head: String = t.chars().take(60).collect();
        println!(
            "{} {:.2} {}..{} {:?}",
            s.lang, s.confidence, s.start, s.end, head
        );
    }
}
