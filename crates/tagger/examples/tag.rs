//! Tag lines of stdin with a model directory: `cargo run --release -p claimx-tagger --example
//! tag -- MODEL_DIR < lines.txt` prints each line's spans as JSON.
use std::io::BufRead;

use claimx_tagger::{Tagger, TaggerOptions};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: tag MODEL_DIR < lines");
    let tagger = match Tagger::from_dir(&dir, TaggerOptions::default()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let lines: Vec<String> = std::io::stdin()
        .lock()
        .lines()
        .map(|l| l.unwrap())
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    for (line, spans) in refs.iter().zip(tagger.tag(&refs).expect("tagging")) {
        let shown: Vec<_> = spans
            .iter()
            .map(|s| format!("{}:{} {:.2}", s.label, &line[s.start..s.end], s.score))
            .collect();
        println!("{}", shown.join(" | "));
    }
}
