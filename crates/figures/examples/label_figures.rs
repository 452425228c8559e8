//! Figure spans for tagger training data: reads JSONL `{"text", "lang"}` on stdin and writes
//! one JSON array of `[start_char, end_char, "TYPE"]` per line, so `scripts/train_tagger.py`
//! can project the recogniser's figures onto the NER sentences it trains on.
use std::io::{BufRead, BufWriter, Write};

use claimx_doc::Lang;
use claimx_figures::FigureRecognizer;

fn main() {
    let recognizer = FigureRecognizer::default();
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.expect("stdin");
        let v: serde_json::Value = serde_json::from_str(&line).expect("JSON line");
        let text = v["text"].as_str().unwrap_or("");
        let lang = Lang::from_code(v["lang"].as_str().unwrap_or("en"));
        let spans: Vec<(usize, usize, &str)> = recognizer
            .recognize(text, lang, None)
            .iter()
            .map(|m| {
                let s = text[..m.start].chars().count();
                let e = s + text[m.start..m.end].chars().count();
                (s, e, m.kind.name())
            })
            .collect();
        serde_json::to_writer(&mut out, &spans).unwrap();
        out.write_all(b"\n").unwrap();
    }
}
