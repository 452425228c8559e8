//! Whole text-stage pipeline (language, sentences, figures) at growing document sizes, and
//! documents per second over the seed documents with one and all threads.
//!
//! `cargo bench -p claimx-core --bench pipeline`

// criterion_group! and criterion_main! generate undocumented functions
#![allow(missing_docs)]

use claimx_core::Pipeline;
use claimx_doc::Document;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::Duration;

fn seeds() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/seeds/text");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            Document::new(
                p.file_stem().unwrap().to_string_lossy(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let pipeline = Pipeline::default();
    let docs = seeds();
    let corpus: String = docs
        .iter()
        .map(|d| d.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");

    let mut group = c.benchmark_group("pipeline_size");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_millis(500));
    for kib in [64usize, 512, 2048] {
        let text = corpus.repeat(kib * 1024 / corpus.len() + 1);
        let doc = Document::new("bench", text);
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{kib}KiB")),
            &doc,
            |b, d| b.iter(|| pipeline.extract(d).unwrap().figures.len()),
        );
    }
    group.finish();

    // The seeds repeated to 200 documents, as a batch.
    let batch: Vec<Document> = (0..40).flat_map(|_| docs.iter().cloned()).collect();
    let mut group = c.benchmark_group("pipeline_batch");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_millis(500));
    group.throughput(Throughput::Elements(batch.len() as u64));
    for threads in [1usize, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        group.bench_function(BenchmarkId::new("threads", threads), |b| {
            b.iter(|| pool.install(|| pipeline.extract_batch(&batch).len()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
