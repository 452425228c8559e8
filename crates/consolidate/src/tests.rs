use super::*;
use rstest::rstest;

// builders for table rows: one argument per column reads best in the cases below
#[allow(clippy::too_many_arguments)]
fn row(
    doc: &str,
    lang: &str,
    subject: &str,
    entity: Option<&str>,
    predicate: &str,
    text: &str,
    kind: &str,
    value: serde_json::Value,
    bound: Option<&str>,
    unit: Option<&str>,
) -> ClaimRow {
    serde_json::from_value(serde_json::json!({
        "id": doc, "lang": lang, "claim": 0,
        "subject": subject, "subject_entity": entity, "subject_canonical": entity,
        "predicate": predicate,
        "figure": figure(text, kind, value, bound, unit),
        "sentence_text": format!("{subject} {predicate} {text}."),
        // the constructed outlets all report the Amazon lab story
        "document_entities": story_names(&["Amazon", "Wang Minjie"], &["Shanghai"]),
    }))
    .expect("a claim row")
}

/// The `document_entities` of a row: organisations and people, then places.
fn story_names(actors: &[&str], places: &[&str]) -> serde_json::Value {
    let actors = actors
        .iter()
        .map(|n| serde_json::json!({"name": n, "type": "ORG", "mentions": 3}));
    let places = places
        .iter()
        .map(|n| serde_json::json!({"name": n, "type": "LOC", "mentions": 2}));
    serde_json::Value::Array(actors.chain(places).collect())
}

/// A figure as a claim row carries it (offsets do not matter here).
fn figure(
    text: &str,
    kind: &str,
    value: serde_json::Value,
    bound: Option<&str>,
    unit: Option<&str>,
) -> serde_json::Value {
    serde_json::json!({
        "start": 0, "end": 0, "byte_start": 0, "byte_end": 0, "lang": "other",
        "text": text, "type": kind, "value": value, "bound": bound, "unit": unit,
    })
}

#[allow(clippy::too_many_arguments)]
fn people(
    doc: &str,
    lang: &str,
    subject: &str,
    entity: Option<&str>,
    text: &str,
    v: f64,
    bound: Option<&str>,
    unit: &str,
) -> ClaimRow {
    row(
        doc,
        lang,
        subject,
        entity,
        "hatte",
        text,
        "CARDINAL",
        serde_json::json!(v),
        bound,
        Some(unit),
    )
}

/// A claim about a year (value "2018"), in `sentence` when given.
fn year_row(
    doc: &str,
    lang: &str,
    subject: &str,
    predicate: &str,
    text: &str,
    sentence: Option<&str>,
) -> ClaimRow {
    let mut r = row(
        doc,
        lang,
        subject,
        None,
        predicate,
        text,
        "DATE",
        serde_json::json!("2018"),
        None,
        None,
    );
    if let Some(s) = sentence {
        r.sentence_text = s.into();
    }
    r
}

/// "the lab employed over 1,000 people", in English.
fn lab_over_1000(doc: &str) -> ClaimRow {
    people(
        doc,
        "en",
        "the lab",
        None,
        "over 1,000 people",
        1000.0,
        Some("gt"),
        "people",
    )
}

fn labels(rows: &[ClaimRow]) -> Vec<(String, Label, usize)> {
    let mut aliases = AliasTable::default();
    aliases.learn(rows);
    consolidate(rows, &aliases)
        .into_iter()
        .map(|g| (g.measure, g.label, g.members.len()))
        .collect()
}

#[rstest]
// agree: one exact value in every source
#[case::agree_de_en(vec![
    people("a", "de", "Das Labor", None, "1.000 Mitarbeiter", 1000.0, None, "Mitarbeiter"),
    people("b", "en", "The lab", None, "1,000 employees", 1000.0, None, "employees"),
], "people", Label::Agree)]
#[case::agree_zh_en(vec![
    people("a", "zh", "该研究院", None, "1000名员工", 1000.0, None, "名员工"),
    people("b", "en", "the lab", None, "1,000 staff", 1000.0, None, "staff"),
], "people", Label::Agree)]
// compatible: bounded or approximate values within each other's bounds
#[case::compatible_over(vec![
    people("a", "de", "Das Zentrum", None, "über 1.000 Mitarbeiter", 1000.0, Some("gt"), "Mitarbeiter"),
    people("b", "en", "the Shanghai lab", None, "over 1,000 people", 1000.0, Some("gt"), "people"),
    people("c", "zh", "该实验室", None, "超过1000人", 1000.0, Some("gt"), "人"),
], "people", Label::Compatible)]
#[case::compatible_money(vec![
    row("a", "de", "Das Labor", None, "erzielte", "rund eine Milliarde Dollar", "MONEY", serde_json::json!(1e9), Some("approx"), Some("USD")),
    row("b", "en", "The lab", None, "generated", "nearly $1 billion", "MONEY", serde_json::json!(1e9), Some("approx"), Some("USD")),
    row("c", "zh", "该研究院", None, "获得", "约10亿美元", "MONEY", serde_json::json!(1.05e9), Some("approx"), Some("USD")),
], "USD", Label::Compatible)]
// conflict: the same figure for different subjects
#[case::conflict_subjects(vec![
    people("a", "en", "the lab", None, "over 1,000 people", 1000.0, Some("gt"), "people"),
    people("b", "en", "the AWS China division", Some("AWS China"), "over 1,000 people", 1000.0, Some("gt"), "people"),
], "people", Label::Conflict)]
#[case::conflict_subjects_de_zh(vec![
    people("a", "de", "Das Labor", None, "über 1.000 Mitarbeiter", 1000.0, Some("gt"), "Mitarbeiter"),
    people("b", "zh", "亚马逊云科技", Some("亚马逊云科技"), "超过1000名员工", 1000.0, Some("gt"), "名员工"),
], "people", Label::Conflict)]
// conflict: values outside each other's bounds (about 1,000 vs over 1,050)
#[case::conflict_values(vec![
    people("a", "de", "Das Labor", None, "rund 1.000 Mitarbeiter", 1000.0, Some("approx"), "Mitarbeiter"),
    people("b", "en", "the lab", None, "over 1,050 employees", 1050.0, Some("gt"), "employees"),
    people("c", "en", "the lab", None, "1,200 employees", 1200.0, None, "employees"),
], "people", Label::Conflict)]
fn constructed_claim_sets(
    #[case] rows: Vec<ClaimRow>,
    #[case] measure: &str,
    #[case] label: Label,
) {
    let got = labels(&rows);
    assert_eq!(got, vec![(measure.to_string(), label, rows.len())]);
}

#[rstest]
#[case::agree(&["2018", "2018", "2018"], Label::Agree)]
#[case::conflict(&["2018", "2019"], Label::Conflict)]
fn founding_years(#[case] years: &[&str], #[case] label: Label) {
    let subjects = [
        ("de", "Das 2018 gegründete Zentrum", "gegründete"),
        ("en", "The lab", "established"),
        ("zh", "该研究院", "成立于"),
    ];
    let rows: Vec<ClaimRow> = years
        .iter()
        .zip(subjects)
        .enumerate()
        .map(|(i, (y, (lang, s, p)))| {
            row(
                &format!("d{i}"),
                lang,
                s,
                None,
                p,
                y,
                "DATE",
                serde_json::json!(y),
                None,
                None,
            )
        })
        .collect();
    assert_eq!(
        labels(&rows),
        vec![("year founded (the lab)".to_string(), label, years.len())]
    );
}

#[test]
fn a_year_takes_the_verb_of_its_own_clause() {
    let a = year_row(
        "a",
        "en",
        "The lab",
        "was",
        "2018",
        Some("The lab, launched at the World AI Conference in 2018, was renowned."),
    );
    let b = year_row("b", "de", "Das Zentrum", "gegründete", "2018", None);
    let c = year_row(
        "c",
        "zh",
        "该研究院",
        "是",
        "2018年",
        Some("该研究院于2018年成立，是亚马逊唯一的海外研究院。"),
    );
    let d = year_row(
        "d",
        "en",
        "The lab",
        "was",
        "2018",
        Some("In 2018, the lab was small."),
    );
    let groups = consolidate(&[a, b, c, d], &AliasTable::default());
    assert_eq!(groups.len(), 1);
    let docs: Vec<&str> = groups[0]
        .members
        .iter()
        .map(|m| m.document.as_str())
        .collect();
    assert_eq!(docs, ["a", "b", "c"]);
}

#[test]
fn figures_of_different_years_are_different_facts() {
    let year = |r: &mut ClaimRow, y: &str| {
        r.time = Some(
            serde_json::from_value(figure(y, "DATE", serde_json::json!(y), None, None))
                .expect("a figure"),
        )
    };
    let revenue = |doc: &str, v: f64| {
        row(
            doc,
            "en",
            "The lab",
            None,
            "generated",
            "$1 billion",
            "MONEY",
            serde_json::json!(v),
            Some("approx"),
            Some("USD"),
        )
    };
    let (mut a, mut b, mut c) = (revenue("a", 1e9), revenue("b", 1e9), revenue("c", 1.05e9));
    year(&mut a, "2023");
    year(&mut b, "2024-05-01");
    year(&mut c, "2024");
    let groups = consolidate(&[a, b, c], &AliasTable::default());
    assert_eq!(groups.len(), 1, "{groups:?}");
    let docs: Vec<&str> = groups[0]
        .members
        .iter()
        .map(|m| m.document.as_str())
        .collect();
    assert_eq!(docs, ["b", "c"]);
    assert_eq!(groups[0].members[0].year, Some(2024));
}

#[test]
fn one_document_alone_is_no_group_and_far_values_are_two() {
    let rows = vec![
        lab_over_1000("a"),
        people(
            "a",
            "en",
            "the lab",
            None,
            "1,000 people",
            1000.0,
            None,
            "people",
        ),
        people(
            "b",
            "en",
            "the lab",
            None,
            "50 people",
            50.0,
            None,
            "people",
        ),
        people(
            "c",
            "de",
            "Das Labor",
            None,
            "50 Mitarbeiter",
            50.0,
            None,
            "Mitarbeiter",
        ),
    ];
    assert_eq!(labels(&rows), vec![("people".to_string(), Label::Agree, 2)]);
}

#[test]
fn aliases_join_names_across_documents_and_languages() {
    let mut rows = vec![
        people(
            "a",
            "en",
            "Amazon Web Services",
            Some("Amazon Web Services"),
            "over 1,000 people",
            1000.0,
            Some("gt"),
            "people",
        ),
        people(
            "b",
            "de",
            "AWS",
            Some("AWS"),
            "über 1.000 Mitarbeiter",
            1000.0,
            Some("gt"),
            "Mitarbeiter",
        ),
        people(
            "c",
            "zh",
            "亚马逊云科技",
            Some("亚马逊云科技"),
            "超过1000名员工",
            1000.0,
            Some("gt"),
            "名员工",
        ),
    ];
    // document b defines AWS as Amazon Web Services; document c as 亚马逊云科技
    rows[1].subject_canonical = Some("Amazon Web Services".into());
    let mut extra = people("c", "zh", "AWS", Some("AWS"), "x", 1.0, None, "none");
    extra.subject_canonical = Some("亚马逊云科技".into());
    rows.push(extra);
    let mut aliases = AliasTable::default();
    aliases.learn(&rows);
    let (name, conf) = aliases.resolve("亚马逊云科技");
    assert_eq!(aliases.resolve("AWS").0, name);
    assert!(conf > 0.5 && conf <= 1.0);
    let groups = consolidate(&rows, &aliases);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].label, Label::Compatible, "{:?}", groups[0]);
    assert_eq!(groups[0].subjects.len(), 1);
}

#[test]
fn inflected_and_hyphenated_german_forms_and_a_user_file() {
    let rows = vec![
        people("a", "de", "Amazon", Some("Amazon"), "x", 1.0, None, "none"),
        people(
            "a",
            "de",
            "Amazons",
            Some("Amazons"),
            "x",
            1.0,
            None,
            "none",
        ),
        people(
            "b",
            "de",
            "Amazon-Sprecher",
            Some("Amazon-Sprecher"),
            "x",
            1.0,
            None,
            "none",
        ),
    ];
    let mut aliases = AliasTable::default();
    aliases.learn(&rows);
    assert_eq!(aliases.resolve("Amazons").0, "Amazon");
    assert_eq!(aliases.resolve("Amazon-Sprecher").0, "Amazon");
    let dir = std::env::temp_dir().join(format!("claimx-aliases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tsv = dir.join("aliases.tsv");
    std::fs::write(&tsv, "# alias\tcanonical\nAmazon.com\tAmazon\n").unwrap();
    aliases.load(&tsv).unwrap();
    assert_eq!(aliases.resolve("Amazon.com"), ("Amazon".to_string(), 1.0));
    std::fs::write(&tsv, "no tab here\n").unwrap();
    let err = aliases.load(&tsv).unwrap_err().to_string();
    assert!(err.contains("line 1"), "{err}");
}

#[rstest]
#[case("the Shanghai lab", true)]
#[case("sein 2018 gegründetes KI-Forschungslabor in Shanghai", true)]
#[case("Das AWS-Labor", true)]
#[case("the Amazon Web Services (AWS) research unit", true)]
#[case("该研究院", true)]
#[case("the AWS China division once", false)]
#[case("eine Technologie", false)]
fn place_nouns(#[case] subject: &str, #[case] place: bool) {
    assert_eq!(place_noun(subject), place);
}

#[test]
fn markdown_report_lists_conflicts_first() {
    let rows = vec![
        lab_over_1000("a"),
        people(
            "b",
            "en",
            "the AWS China division",
            Some("AWS China"),
            "over 1,000 people",
            1000.0,
            Some("gt"),
            "people",
        ),
        row(
            "a",
            "en",
            "the lab",
            None,
            "published",
            "more than 100 papers",
            "CARDINAL",
            serde_json::json!(100.0),
            Some("gt"),
            Some("papers"),
        ),
        row(
            "b",
            "de",
            "Das Labor",
            None,
            "hat",
            "über 100 Publikationen",
            "CARDINAL",
            serde_json::json!(100.0),
            Some("gt"),
            Some("Publikationen"),
        ),
    ];
    let found = consolidate_stories(&rows, &AliasTable::default(), &StoryOptions::default());
    let md = markdown(&found);
    let conflict = md.find("**CONFLICT**").unwrap();
    let compatible = md.find("compatible\n").unwrap();
    assert!(conflict < compatible, "{md}");
    assert!(
        md.contains("| b |  |  | de | Das Labor | über 100 Publikationen | 100–150 papers |  | Das Labor hat **über 100 Publikationen**. |"),
        "{md}"
    );
}

#[rstest]
#[case(
    "据路透社报道，该研究院成立于2018年，曾有超过1000名员工。",
    "2018年",
    Some("founded")
)]
#[case("AWS表示；公司去年关闭了研究院2019年", "2019年", Some("closed"))]
#[case("The lab, launched in 2018, was renowned.", "2018", Some("founded"))]
#[case("2018年，他任行长", "2018年", None)]
fn clause_class_cuts_at_wide_marks(
    #[case] sentence: &str,
    #[case] figure: &str,
    #[case] class: Option<&str>,
) {
    assert_eq!(clause_class(sentence, figure), class);
}

/// Any figure text inside any sentence with full-width marks (the extract command's Chinese
/// claims): no panic on a character boundary.
#[test]
fn clause_class_never_panics_on_cjk_text() {
    let sentence = "据报道，该实验室去年获得约3.5亿元投资；员工超过1000人，“关闭”、成立。";
    let bounds: Vec<usize> = sentence
        .char_indices()
        .map(|(i, _)| i)
        .chain([sentence.len()])
        .collect();
    for (k, &a) in bounds.iter().enumerate() {
        for &b in &bounds[k + 1..] {
            let _ = clause_class(sentence, &sentence[a..b]);
        }
    }
}

#[test]
fn error_records_and_bad_lines_are_not_claim_rows() {
    let row = r#"{"id":"a","lang":"de","claim":0,"subject":"Das Labor","subject_entity":null,"subject_canonical":null,"predicate":"hatte","figure":{"start":0,"end":5,"byte_start":0,"byte_end":5,"lang":"de","text":"1.000","type":"CARDINAL","value":1000.0,"upper":null,"bound":null,"unit":"people"},"attribution":null}"#;
    let error = r#"{"id":"b","error":{"stage":"input","kind":"malformed_json","message":"x"}}"#;
    let mut bytes = format!("{row}\n{error}\n\n").into_bytes();
    bytes.extend_from_slice(b"{\"id\":\"c\xff\"}\n");
    bytes.extend_from_slice(format!("{row}\n").as_bytes());
    let read = read_rows_bytes(&bytes);
    assert_eq!(read.rows.len(), 2);
    assert_eq!(read.skipped, 2);
    assert_eq!(read.invalid_utf8, [4]);
}

/// A fall and a rise of the same size are different facts; two falls are one; a claim
/// without a class joins the only class there is.
#[test]
fn different_predicate_classes_never_group() {
    let pct = |doc: &str, class: Option<&str>| {
        let mut r = row(
            doc,
            "en",
            "the lab",
            None,
            "changed",
            "15 percent",
            "PERCENT",
            serde_json::json!(15.0),
            None,
            Some("%"),
        );
        r.predicate_class = class.map(str::to_string);
        r
    };
    let none = labels(&[pct("a", Some("fell")), pct("b", Some("rose"))]);
    assert!(none.is_empty(), "{none:?}");
    let one = labels(&[
        pct("a", Some("fell")),
        pct("b", Some("fell")),
        pct("c", None),
    ]);
    assert_eq!(one.len(), 1, "{one:?}");
    assert_eq!(one[0].2, 3);
}

/// A row of another story, or of the same story on another day.
fn in_story(
    mut r: ClaimRow,
    actors: &[&str],
    places: &[&str],
    published: Option<&str>,
) -> ClaimRow {
    r.document_entities = serde_json::from_value(story_names(actors, places)).unwrap();
    r.published = published.map(String::from);
    r
}

fn year_of(doc: &str, lang: &str, subject: &str, entity: Option<&str>, year: &str) -> ClaimRow {
    let mut r = year_row(doc, lang, subject, "founded", year, None);
    r.figure.as_mut().unwrap().value = Some(FigureValue::Text(year.into()));
    r.subject_entity = entity.map(String::from);
    r.predicate_class = Some("founded".into());
    r
}

#[test]
fn claims_of_different_stories_never_group() {
    // the same figure about "the lab" in two stories: a Shanghai AI lab and a Munich
    // battery lab
    let rows = vec![
        lab_over_1000("a"),
        lab_over_1000("b"),
        in_story(
            lab_over_1000("c"),
            &["BMW", "Northvolt"],
            &["München"],
            None,
        ),
        in_story(
            lab_over_1000("d"),
            &["BMW", "Northvolt"],
            &["München"],
            None,
        ),
    ];
    let found = consolidate_stories(&rows, &AliasTable::default(), &StoryOptions::default());
    let docs: Vec<Vec<&str>> = found
        .stories
        .iter()
        .map(|s| s.documents.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(docs, vec![vec!["a", "b"], vec!["c", "d"]]);
    assert_eq!(found.groups.len(), 2);
    assert_groups_within_stories(&found);
}

/// Every member of every group is a document of the group's story.
fn assert_groups_within_stories(found: &Consolidation) {
    for g in &found.groups {
        let story = &found.stories[g.story];
        assert!(g
            .members
            .iter()
            .all(|m| story.documents.contains(&m.document)));
    }
}

#[rstest]
#[case::same_week(Some("2025-07-24"), Some("2025-07-27"), 1)]
#[case::two_months_apart(Some("2025-07-24"), Some("2025-09-24"), 0)]
#[case::one_undated(Some("2025-07-24"), None, 1)]
fn a_story_keeps_to_its_days(
    #[case] a: Option<&str>,
    #[case] b: Option<&str>,
    #[case] groups: usize,
) {
    let names = ["Amazon", "Wang Minjie"];
    let rows = vec![
        in_story(lab_over_1000("a"), &names, &["Shanghai"], a),
        in_story(lab_over_1000("b"), &names, &["Shanghai"], b),
    ];
    assert_eq!(labels(&rows).len(), groups);
}

/// One story about two labs: Amazon's in Shanghai and Microsoft's in Beijing. Their
/// founding years and staff figures are facts about different labs: no year conflict, no
/// subject conflict, in English and German.
#[rstest]
#[case::en("Amazon's lab in Shanghai", "Microsoft's lab in Beijing", "en")]
#[case::de("das Labor von Amazon", "das Labor von Microsoft", "de")]
#[case::zh("亚马逊的上海研究院", "微软的北京研究院", "zh")]
fn two_labs_in_one_story_do_not_merge(
    #[case] amazon: &str,
    #[case] microsoft: &str,
    #[case] lang: &str,
) {
    let (amazon_name, microsoft_name) = match lang {
        "zh" => ("亚马逊", "微软"),
        _ => ("Amazon", "Microsoft"),
    };
    let names = [amazon_name, microsoft_name];
    let places = ["Shanghai", "Beijing"];
    let lab = |doc: &str, subject: &str, owner: &str, year: &str| {
        in_story(
            year_of(doc, lang, subject, Some(owner), year),
            &names,
            &places,
            None,
        )
    };
    let staff = |doc: &str, subject: &str, owner: &str| {
        in_story(
            people(
                doc,
                lang,
                subject,
                Some(owner),
                "1,000 people",
                1000.0,
                None,
                "people",
            ),
            &names,
            &places,
            None,
        )
    };
    let rows = vec![
        lab("a", amazon, amazon_name, "2018"),
        lab("b", microsoft, microsoft_name, "1998"),
        lab("c", amazon, amazon_name, "2018"),
        staff("a", amazon, amazon_name),
        staff("b", microsoft, microsoft_name),
    ];
    let found = consolidate_stories(&rows, &AliasTable::default(), &StoryOptions::default());
    assert_eq!(found.stories.len(), 1, "{:?}", found.stories);
    let summary: Vec<(String, Label, Vec<&str>)> = found
        .groups
        .iter()
        .map(|g| {
            (
                g.measure.clone(),
                g.label,
                g.members.iter().map(|m| m.document.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![(
            "year founded (the lab)".to_string(),
            Label::Agree,
            vec!["a", "c"]
        )]
    );
}

#[test]
fn a_claim_without_a_subject_never_groups() {
    let mut unnamed = lab_over_1000("b");
    unnamed.subject = None;
    let mut blank = lab_over_1000("c");
    blank.subject = Some("  ".into());
    assert!(labels(&[lab_over_1000("a"), unnamed, blank]).is_empty());
}

/// Rows written before `document_entities` existed: the documents' subject names tell the
/// stories apart.
#[test]
fn rows_without_document_names_use_their_subjects() {
    let plain = |doc: &str, entity: &str| {
        let mut r = people(
            doc,
            "en",
            entity,
            Some(entity),
            "1,000 people",
            1000.0,
            None,
            "people",
        );
        r.document_entities.clear();
        r
    };
    let rows = vec![
        plain("a", "Amazon"),
        plain("b", "Amazon"),
        plain("c", "Siemens"),
    ];
    let found = consolidate_stories(&rows, &AliasTable::default(), &StoryOptions::default());
    assert_eq!(found.stories.len(), 2);
    assert_eq!(found.groups.len(), 1);
    assert_eq!(found.groups[0].members.len(), 2);
}

#[rstest]
#[case(
    Some("Reuters"),
    Some("https://www.reuters.com/a"),
    Some("T"),
    "Reuters"
)]
#[case(
    None,
    Some("https://www.reuters.com:443/a?b#c"),
    Some("T"),
    "reuters.com"
)]
#[case(None, Some("http://user@heise.de"), None, "heise.de")]
#[case(None, None, Some("Amazon schließt Labor"), "Amazon schließt Labor")]
#[case(Some(" "), None, None, "doc-1")]
fn the_outlet_is_the_source_else_the_host_else_the_title(
    #[case] source: Option<&str>,
    #[case] url: Option<&str>,
    #[case] title: Option<&str>,
    #[case] outlet: &str,
) {
    let mut r = lab_over_1000("doc-1");
    r.source = source.map(String::from);
    r.url = url.map(String::from);
    r.title = title.map(String::from);
    let mut other = lab_over_1000("doc-2");
    other.source = Some("AP".into());
    let groups = consolidate(&[r, other], &AliasTable::default());
    assert_eq!(groups[0].members[0].outlet(), outlet);
}

#[test]
fn the_html_report_names_outlets_and_marks_figures() {
    let mut a = lab_over_1000("a");
    a.url = Some("https://www.reuters.com/tech/amazon-lab".into());
    a.title = Some("Amazon closes <Shanghai> lab".into());
    a.published = Some("2025-07-24".into());
    a.sentence_text = "Wang said the lab had over 1,000 people.".into();
    let mut b = lab_over_1000("b");
    b.source = Some("SCMP".into());
    let found = consolidate_stories(&[a, b], &AliasTable::default(), &StoryOptions::default());
    let page = html(&found);
    assert!(page.contains("<a href=\"https://www.reuters.com/tech/amazon-lab\">reuters.com</a>"));
    assert!(page.contains("Amazon closes &lt;Shanghai&gt; lab"));
    assert!(
        page.contains("the lab had <mark>over 1,000 people</mark>."),
        "{page}"
    );
    assert!(page.contains("<td>SCMP</td>"));
    assert!(page.contains("1,000–1,500 people"));
    assert!(page.contains("1 fact: 0 conflict, 1 compatible, 0 agree"));
    assert!(!page.contains("<script"));
}

#[rstest]
#[case(1000.0, "1,000")]
#[case(1_030_000_000.0, "1,030,000,000")]
#[case(2.35, "2.35")]
#[case(0.1, "0.1")]
#[case(-15.0, "-15")]
#[case(999.9999, "1,000")]
fn numbers_read_as_written(#[case] v: f64, #[case] text: &str) {
    assert_eq!(crate::report::number(v), text);
}

/// The fuzz target's body (`fuzz/fuzz_targets/consolidate_rows.rs`) over a fixed corpus of
/// CJK, mixed and broken text and pseudo-random byte strings, so that stable CI runs it
/// too: no panic, no failed fact, every group within one story.
#[test]
fn consolidation_never_panics_on_arbitrary_rows() {
    let mut corpus: Vec<String> = [
        "据路透社报道，该研究院成立于2018年，曾有超过1000名员工。\n亚马逊云科技（AWS）表示；公司去年关闭了研究院\n该研究院成立于2018年",
        "Das Labor hatte über 1.000 Mitarbeiter\nthe lab employed over 1,000 people\n（）（（））",
        "\u{feff}\u{200b}\n\n ，；\n𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 2025-07-24\n2025-13-45 lab",
        "a\nb\nc\nd\ne\nf\ng\nh",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let alphabet: Vec<char> = "a 1,.-（），；年万亿研究院Ü😀\n\u{301}2025-07"
        .chars()
        .collect();
    let mut state = 0x9e3779b97f4a7c15u64;
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..(state % 120) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        corpus.push(s);
    }
    for text in corpus {
        let rows = rows_from_text(&text);
        let mut aliases = AliasTable::default();
        aliases.learn(&rows);
        let found = consolidate_stories(&rows, &aliases, &StoryOptions::default());
        assert!(found.failures.is_empty(), "{text:?}: {:?}", found.failures);
        assert_groups_within_stories(&found);
        let _ = markdown(&found);
        let _ = html(&found);
    }
}

/// The documents' story ids, in story order.
fn story_documents(rows: &[ClaimRow], texts: &TextVectors) -> Vec<Vec<String>> {
    stories_with_text(
        rows,
        &AliasTable::default(),
        &StoryOptions::default(),
        texts,
    )
    .into_iter()
    .map(|s| s.documents)
    .collect()
}

/// A text vector: a language's offset (which centring takes out) plus what the text says.
fn text_vector(lang: f32, topic: &[f32]) -> Vec<f32> {
    let mut v = vec![lang; 4];
    v.extend_from_slice(topic);
    v
}

/// Text similarity joins documents whose names do not meet (another script, no shared
/// name) and keeps apart documents that share a name but tell different stories; each
/// language's mean is taken out first, so that two texts of one language are not alike for
/// their language alone.
#[test]
fn text_vectors_are_the_third_story_signal() {
    let rows = vec![
        in_story(lab_over_1000("en1"), &["Amazon"], &[], None),
        in_story(lab_over_1000("zh1"), &["亚马逊"], &[], None),
        in_story(lab_over_1000("en2"), &["Northvolt"], &[], None),
        in_story(lab_over_1000("zh2"), &["北伏"], &[], None),
    ];
    let mut rows = rows;
    for r in rows.iter_mut().filter(|r| r.id.starts_with("zh")) {
        r.lang = claimx_doc::Lang::Zh;
    }
    let no_text = story_documents(&rows, &TextVectors::new());
    assert_eq!(no_text.len(), 4, "no names shared: four stories");
    // the same two topics in two languages, each language far off the other
    let texts: TextVectors = [
        ("en1", text_vector(5.0, &[1.0, 0.1])),
        ("zh1", text_vector(-5.0, &[0.9, 0.0])),
        ("en2", text_vector(5.0, &[-1.0, 0.1])),
        ("zh2", text_vector(-5.0, &[-0.9, 0.0])),
    ]
    .into_iter()
    .map(|(id, v)| (id.to_string(), v))
    .collect();
    assert_eq!(
        story_documents(&rows, &texts),
        vec![vec!["en1", "zh1"], vec!["en2", "zh2"]]
    );
    // a shared name with texts that disagree: the texts hold the documents apart
    let shared = vec![
        in_story(lab_over_1000("a"), &["Amazon"], &[], None),
        in_story(lab_over_1000("b"), &["Amazon"], &[], None),
        in_story(lab_over_1000("c"), &["Northvolt"], &[], None),
        in_story(lab_over_1000("d"), &["Northvolt"], &[], None),
    ];
    assert_eq!(story_documents(&shared, &TextVectors::new()).len(), 2);
    let apart: TextVectors = [
        ("a", vec![1.0, 0.0]),
        ("b", vec![-1.0, 0.0]),
        ("c", vec![0.0, 1.0]),
        ("d", vec![0.0, -1.0]),
    ]
    .into_iter()
    .map(|(id, v)| (id.to_string(), v))
    .collect();
    let options = StoryOptions {
        text_weight: 0.9,
        ..Default::default()
    };
    let split = stories_with_text(&shared, &AliasTable::default(), &options, &apart);
    assert_eq!(split.len(), 4, "{split:?}");
}
