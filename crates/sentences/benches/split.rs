//! Sentence splitting throughput at growing input sizes: a constant MiB/s across sizes shows
//! that the splitter is linear in its input. Three shapes: news-like paragraphs, one long
//! line without any sentence punctuation, and dense abbreviations and numbers.
//!
//! `cargo bench -p claimx-sentences --bench split`

// criterion_group! and criterion_main! generate undocumented functions
#![allow(missing_docs)]

use claimx_sentences::SentenceSplitter;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::Duration;

fn news(bytes: usize) -> String {
    let para = "Amazon Web Services (AWS) schließt sein Forschungszentrum in Shanghai. Das 2018 gegründete Zentrum hatte z. B. über 1.000 Mitarbeiter. „Wir haben entschieden“, sagte Dr. Glasser am 12. August. Sales rose 3.5 percent in the U.S. last year… 实验室关闭了。员工超过1000人！\n\n";
    para.repeat(bytes / para.len() + 1)
}

fn no_punctuation(bytes: usize) -> String {
    "wort word 字 1000 ".repeat(bytes / 17 + 1)
}

fn dense(bytes: usize) -> String {
    "Nr. 5 z. B. 1.000 Mio. Mrd. 25.07.2025 U.S. a.m. 1. 2. ... ".repeat(bytes / 60 + 1)
}

fn bench(c: &mut Criterion) {
    let splitter = SentenceSplitter::default();
    let mut group = c.benchmark_group("split");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_millis(500));
    for (name, make) in [
        ("news", news as fn(usize) -> String),
        ("no_punctuation", no_punctuation),
        ("dense", dense),
    ] {
        for kib in [64usize, 512, 4096] {
            let text = make(kib * 1024);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(name, format!("{kib}KiB")),
                &text,
                |b, t| b.iter(|| splitter.split(t).len()),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
