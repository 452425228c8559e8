use super::*;
use claimx_claims::ClaimAssembler;
use claimx_doc::DateSource;
use rstest::rstest;

#[test]
fn offsets_agree_in_bytes_and_chars() {
    let doc = Document::new(
        "t",
        "Amazon schließt das Labor. Über 1.000 Mitarbeiter sind betroffen.\n\n据报道，约3.5亿元。",
    );
    let out = Pipeline::rules_only().extract(&doc).unwrap();
    let chars: Vec<char> = doc.text.chars().collect();
    for f in &out.figures {
        let by_chars: String = chars[f.span.start..f.span.end].iter().collect();
        assert_eq!(by_chars, f.span.slice(&doc.text));
        assert_eq!(by_chars, f.text);
    }
    assert!(
        out.figures.iter().any(|f| f.text == "Über 1.000"),
        "{:?}",
        out.figures
    );
}

#[rstest]
#[case("2025-07-24", true)]
#[case("2025-07-24T14:50:00", true)]
#[case("2025-07-24T14:50:00.123Z", true)]
#[case("2025-07-24T14:50:00+02:00", true)]
#[case("2025-07-24T14:50:00+0200", true)]
#[case("2025-07-24 14:50", true)]
#[case("2025-07-24T25:99:99", false)]
#[case("2025-07-24garbage", false)]
#[case("2025-02-30", false)]
fn published_dates_and_times(#[case] published: &str, #[case] ok: bool) {
    let doc = Document::new("d", "Text.").with_published(published);
    let out = Pipeline::rules_only().extract(&doc);
    match ok {
        true => assert_eq!(out.unwrap().published.unwrap().date, published[..10]),
        false => assert_eq!(out.unwrap_err().kind, "bad_published"),
    }
}

#[rstest]
#[case("{}", None)]
#[case(
    r#"{"tagger": {"figures": "rules_and_tagger"}, "input": {"max_doc_bytes": 4096}}"#,
    None
)]
#[case(r#"{"tagger": {"bogus": 1}}"#, Some("tagger.bogus"))]
#[case(r#"{"sentence": {}}"#, Some("sentence"))]
fn configuration_keys_no_stage_reads_are_errors(#[case] json: &str, #[case] unknown: Option<&str>) {
    match (PipelineConfig::from_json(json), unknown) {
        (Ok(_), None) => {}
        (Err(ConfigError::UnknownKey(k)), Some(want)) => assert_eq!(k, want),
        (other, _) => panic!("{json}: {other:?}"),
    }
}

#[test]
fn bad_published_names_document() {
    let doc = Document::new("doc-7", "Text.").with_published("yesterday");
    let err = Pipeline::rules_only().extract(&doc).unwrap_err();
    assert_eq!(err.id, "doc-7");
    assert!(err.to_string().contains("doc-7"));
}

#[test]
fn dateline_gives_publication_date() {
    let doc = Document::new(
        "d",
        "Cryptopolitan\n2025-07-23 09:50:44\n\nAmazon closed the lab on Monday.",
    );
    let out = Pipeline::rules_only().extract(&doc).unwrap();
    let p = out.published.unwrap();
    assert_eq!(p.date, "2025-07-23");
    assert_eq!(p.source, DateSource::Dateline);
    let monday = out.figures.iter().find(|f| f.text == "Monday").unwrap();
    assert_eq!(
        monday.value,
        Some(claimx_doc::FigureValue::Text("2025-07-21".into()))
    );
}

#[test]
fn a_year_before_counts_from_the_year_the_document_reports_on() {
    // published in February 2021 about 2020: `Jahr zuvor` is 2019, across sentences
    let doc = Document::new(
        "annual",
        "Daimler verdiente 2020 weniger. Der Absatz 2020 lag unter dem Wert aus dem Jahr zuvor.",
    )
    .with_published("2021-02-18");
    let out = Pipeline::rules_only().extract(&doc).unwrap();
    let before = out.figures.iter().find(|f| f.text == "Jahr zuvor").unwrap();
    assert_eq!(
        before.value,
        Some(claimx_doc::FigureValue::Text("2019".into()))
    );
}

struct PanickingFigures;
impl FigureExtraction for PanickingFigures {
    fn extract(
        &self,
        text: &str,
        _: claimx_doc::Lang,
        _: Option<NaiveDate>,
    ) -> Vec<claimx_figures::FigureMatch> {
        if text.contains("boom") {
            panic!("figure stage failed on purpose");
        }
        Vec::new()
    }
}

#[test]
fn a_panicking_stage_fails_only_its_document() {
    let config = PipelineConfig::default();
    let pipeline = Pipeline::from_stages(
        Box::new(config.language),
        Box::new(config.sentences),
        Box::new(PanickingFigures),
        None,
        Box::new(ClaimAssembler::new()),
    );
    let docs = vec![
        Document::new("a", "Fine."),
        Document::new("b", "This goes boom."),
        Document::new("c", "Fine too."),
    ];
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let out = pipeline.extract_batch(&docs);
    std::panic::set_hook(prev);
    assert!(out[0].is_ok() && out[2].is_ok());
    let err = out[1].as_ref().unwrap_err();
    assert_eq!(
        (err.id.as_str(), err.stage.name(), err.kind.as_str()),
        ("b", "figures", "panic")
    );
    assert!(err.message.contains("on purpose"));
}

/// Figures and datelines of one's own: the core adds none of the built-in rules.
struct NoFigures;
impl FigureExtraction for NoFigures {
    fn extract(&self, _: &str, _: Lang, _: Option<NaiveDate>) -> Vec<FigureMatch> {
        Vec::new()
    }

    fn dateline(&self, _: &str) -> Option<(NaiveDate, usize, usize)> {
        None
    }
}

/// Every text is in a language of no name; the message says nothing it does not know.
struct AllForeign;
impl LanguageIdentification for AllForeign {
    fn identify(&self, _: &str) -> claimx_langid::LanguageReport {
        claimx_langid::LanguageReport {
            lang: Lang::Other,
            languages: vec![Lang::Other],
            segments: Vec::new(),
        }
    }

    fn language_name(&self, _: &str) -> Option<String> {
        Some("Klingon".into())
    }
}

#[test]
fn a_pipeline_of_own_stages_runs_only_those() {
    let config = PipelineConfig::default();
    let text =
        "Cryptopolitan\n2025-07-23 09:50:44\n\nAmazon closed the lab on Monday, cutting 600 jobs.";
    let own_figures = Pipeline::from_stages(
        Box::new(config.language.clone()),
        Box::new(config.sentences.clone()),
        Box::new(NoFigures),
        None,
        Box::new(ClaimAssembler::new()),
    );
    let out = own_figures.extract(&Document::new("d", text)).unwrap();
    assert_eq!((out.published, out.figures.len()), (None, 0));
    assert!(!out.sentences.is_empty());

    let own_language = Pipeline::from_stages(
        Box::new(AllForeign),
        Box::new(config.sentences),
        Box::new(config.figures),
        None,
        Box::new(ClaimAssembler::new()),
    );
    let err = own_language.extract(&Document::new("d", text)).unwrap_err();
    assert_eq!(err.kind, "unsupported_language");
    assert!(
        err.message.contains("it reads as Klingon"),
        "{}",
        err.message
    );
}

#[test]
fn empty_and_blank_documents_are_sane() {
    for t in ["", "   \n\t  ", "\u{0}\u{1}\u{7f}"] {
        let out = Pipeline::rules_only()
            .extract(&Document::new("e", t))
            .unwrap();
        assert!(out.figures.is_empty());
        assert_eq!(out.byte_len, t.len());
    }
}

#[cfg(feature = "default-model")]
#[test]
fn embedded_model_tags_entities_in_each_language() {
    let pipeline = Pipeline::default();
    let docs = vec![
        Document::new(
            "en",
            "Amazon closed its lab in Shanghai, said Brad Glasser.",
        ),
        Document::new("de", "Laut Reuters schließt Amazon das Labor in Shanghai."),
        Document::new("zh", "据路透社报道，亚马逊关闭了上海的实验室。"),
    ];
    let want: [&[(&str, EntityType)]; 3] = [
        &[
            ("Amazon", EntityType::Org),
            ("Shanghai", EntityType::Loc),
            ("Brad Glasser", EntityType::Per),
        ],
        // (the model misses "Reuters" after "Laut": WikiANN has few attributions)
        &[("Amazon", EntityType::Org), ("Shanghai", EntityType::Loc)],
        &[("亚马逊", EntityType::Org), ("上海", EntityType::Loc)],
    ];
    for (out, want) in pipeline.extract_batch(&docs).into_iter().zip(want) {
        let out = out.unwrap();
        for (text, kind) in want {
            assert!(
                out.entities
                    .iter()
                    .any(|e| e.text == *text && e.kind == *kind),
                "{}: no {kind:?} {text:?} in {:?}",
                out.id,
                out.entities
            );
        }
        for e in &out.entities {
            let chars: String = out_text(&docs, &out.id)
                .chars()
                .skip(e.span.start)
                .take(e.span.end - e.span.start)
                .collect();
            assert_eq!(chars, e.text);
        }
    }
}

#[cfg(feature = "default-model")]
fn out_text<'a>(docs: &'a [Document], id: &str) -> &'a str {
    &docs.iter().find(|d| d.id == id).unwrap().text
}

/// A long document annotated in small windows gives the record it gets whole, when the
/// cuts fall between paragraphs.
#[test]
fn windows_give_the_whole_document_record() {
    let paragraphs = [
        "Amazon schließt sein Labor Nummer {i} in Shanghai. Das 2018 gegründete Zentrum hatte über 1.000 Mitarbeiter.",
        "The lab published more than {i} papers, which Wang claimed helped generate nearly $1 billion in revenue.",
        "据报道，该实验室去年获得约{i}亿元投资。员工超过1000人。",
    ];
    let text: String = (0..40)
        .map(|i| paragraphs[i % 3].replace("{i}", &(i + 2).to_string()) + "\n\n")
        .collect();
    let doc = Document::new("long", text).with_published("2025-07-24");
    let whole = Pipeline::rules_only().extract(&doc).unwrap();
    let small = Pipeline::rules_only().with_policy(DocumentPolicy {
        max_doc_bytes: 700,
        ..Default::default()
    });
    assert!(windows(&doc.text, 700).len() > 5);
    let windowed = small.extract(&doc).unwrap();
    let (w, o) = (
        serde_json::to_value(&windowed).unwrap(),
        serde_json::to_value(&whole).unwrap(),
    );
    for (key, value) in w.as_object().unwrap() {
        if value.is_array() {
            for (i, (a, b)) in value
                .as_array()
                .unwrap()
                .iter()
                .zip(o[key].as_array().unwrap())
                .enumerate()
            {
                assert_eq!(a, b, "{key}[{i}]");
            }
        }
        assert_eq!(value, &o[key], "{key}");
    }
    for f in &windowed.figures {
        assert_eq!(f.span.slice(&doc.text), f.text);
        let chars: String = doc
            .text
            .chars()
            .skip(f.span.start)
            .take(f.span.end - f.span.start)
            .collect();
        assert_eq!(chars, f.text);
    }
}

#[rstest]
#[case::french("Le gouvernement français a annoncé mardi une nouvelle réforme des retraites très contestée par les syndicats.", Some("French"))]
#[case::russian(
    "Правительство объявило во вторник о новой пенсионной реформе, которую оспаривают профсоюзы.",
    Some("Russian")
)]
#[case::japanese("政府は火曜日、労働組合が強く反対する新たな年金改革を発表した。東京証券取引所の株価は3％下落し、1万円を割った。", Some("Japanese"))]
#[case::chinese_with_a_japanese_name(
    "日本企业ユニクロ周二在上海开设了新的旗舰店，这家公司表示今年将在中国新开一百家门店。",
    None
)]
#[case::short_french("Merci beaucoup.", None)]
#[case::numbers("1.000 2.000 3,5 % 2018", None)]
#[case::german("Die Regierung kündigte am Dienstag eine neue Rentenreform an, die von den Gewerkschaften bekämpft wird.", None)]
#[case::chinese("政府周二宣布了一项新的养老金改革，遭到工会的强烈反对。", None)]
#[case::mixed_mostly_foreign(
    "مرحبا بالعالم هذا نص عربي طويل جدا ويتحدث عن الاقتصاد والسياسة. Привет мир это длинный русский текст о политике. 你好世界。 Das ist ein deutscher Satz.",
    Some("the parts in supported languages: zh 7 %, de 11 %")
)]
fn unsupported_languages_are_error_records(#[case] text: &str, #[case] rejected: Option<&str>) {
    let doc = Document::new("x", text);
    let out = Pipeline::rules_only().extract(&doc);
    match rejected {
        Some(name) => {
            let e = out.unwrap_err();
            assert_eq!(
                (e.stage.name(), e.kind.as_str()),
                ("language", "unsupported_language")
            );
            assert!(e.message.contains(name), "{}", e.message);
            let lenient = Pipeline::rules_only().with_policy(DocumentPolicy {
                reject_unsupported_language: false,
                ..Default::default()
            });
            assert_eq!(lenient.extract(&doc).unwrap().lang, Lang::Other);
        }
        None => {
            out.unwrap();
        }
    }
}

fn faulty(stage: Stage, model: bool) -> Pipeline {
    let mut config = PipelineConfig::default();
    if !model {
        config.tagger.model = TaggerModel::None;
    }
    config.faults = vec![FaultInjection {
        stage,
        marker: "KABOOM".into(),
    }];
    Pipeline::from_config(config).unwrap()
}

fn only_the_marked_document_fails(pipeline: &Pipeline, stage: Stage) {
    let docs = vec![
        Document::new("a", "Amazon closed its lab in Shanghai, said Brad Glasser."),
        Document::new(
            "b",
            "Amazon schließt das Labor. KABOOM. Über 1.000 Mitarbeiter.",
        ),
        Document::new("c", "据路透社报道，亚马逊关闭了上海的实验室。"),
    ];
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let out = pipeline.extract_batch(&docs);
    std::panic::set_hook(prev);
    assert!(out[0].is_ok() && out[2].is_ok(), "{stage:?}: {out:?}");
    let err = out[1].as_ref().unwrap_err();
    assert_eq!(err.id, "b");
    assert!(
        err.message.contains("fault injected"),
        "{stage:?}: {}",
        err.message
    );
    assert_eq!(err.stage, stage);
    assert_eq!(err.kind, "panic");
}

#[rstest]
#[case(Stage::Input)]
#[case(Stage::Language)]
#[case(Stage::Sentences)]
#[case(Stage::Figures)]
#[case(Stage::Claims)]
fn a_panic_in_any_text_stage_fails_only_its_document(#[case] stage: Stage) {
    only_the_marked_document_fails(&faulty(stage, false), stage);
}

#[cfg(feature = "default-model")]
#[rstest]
#[case(Stage::Tagger)]
#[case(Stage::Entities)]
fn a_panic_in_the_tagger_or_entity_stage_fails_only_its_document(#[case] stage: Stage) {
    only_the_marked_document_fails(&faulty(stage, true), stage);
}

#[test]
fn a_missing_model_directory_is_named() {
    let mut config = PipelineConfig::default();
    config.tagger.model = TaggerModel::Dir("/no/such/model".into());
    let err = Pipeline::from_config(config).err().unwrap();
    assert!(err.to_string().contains("/no/such/model"), "{err}");
}

/// The CLI and Python name models the same way: `default`, `none`, or a directory.
#[rstest]
#[case("default", TaggerModel::Default)]
#[case("none", TaggerModel::None)]
#[case("models/my-tagger", TaggerModel::Dir("models/my-tagger".into()))]
fn model_arguments_name_one_model(#[case] arg: &str, #[case] model: TaggerModel) {
    assert_eq!(TaggerModel::from_arg(arg), model);
    assert_eq!(model.to_arg(), arg);
}

/// The progress counter a progress bar reads: the text bytes annotated so far, counted by
/// the tagger chunk by chunk (so it moves within a batch) or per batch without one.
#[test]
fn progress_counts_the_text_annotated() {
    let text = "Amazon hatte über 1.000 Mitarbeiter in Shanghai. Das Labor schließt am Donnerstag.";
    let rules = Pipeline::rules_only();
    assert_eq!(rules.progress_bytes(), 0);
    rules.extract_batch(&[Document::new("a", text), Document::new("b", text)]);
    assert_eq!(rules.progress_bytes(), 2 * text.len() as u64);
    #[cfg(feature = "default-model")]
    {
        let model = Pipeline::default();
        model.extract(&Document::new("a", text)).unwrap();
        let done = model.progress_bytes();
        // the sentences' text, without the spaces between them
        assert!(
            done as usize >= text.len() - 2 && done as usize <= text.len(),
            "{done}"
        );
    }
}
