//! Every currency name of the CLDR table (`claimx-lang/data/currencies.tsv`) read after an
//! amount: the recognizer knows each currency by each of its names, by construction, not
//! only the ones a test wrote down (issue 19: currencies from maintained data).

use claimx_doc::{FigureType, FigureValue, Lang};
use claimx_figures::FigureRecognizer;

const TABLE: &str = include_str!("../../lang/data/currencies.tsv");

/// `(code, lang, name)` of every name, and how many codes share each name in its language.
fn names() -> Vec<(&'static str, Lang, &'static str)> {
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let lang = match f[1] {
                "de" => Lang::De,
                "en" => Lang::En,
                "zh" => Lang::Zh,
                _ => return None,
            };
            (f[2] == "name").then_some((f[0], lang, f[3]))
        })
        .collect()
}

#[test]
fn every_currency_name_after_an_amount_is_money_in_that_currency() {
    let all = names();
    let shared = |lang: Lang, name: &str| {
        let mut codes: Vec<&str> = all
            .iter()
            .filter(|n| n.1 == lang && n.2.eq_ignore_ascii_case(name))
            .map(|n| n.0)
            .collect();
        codes.dedup();
        codes.len() > 1
    };
    let recognizer = FigureRecognizer::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    for &(code, lang, name) in &all {
        // a name two currencies share says neither; one-word names in spaced scripts are
        // the hand-written table's (`Euro`), where CLDR's would be ordinary words (`Real`)
        // a gloss in brackets (`CFA-Franc (BEAC)`) tells CLDR's readers apart, no text
        // writes it
        if shared(lang, name)
            || (lang != Lang::Zh && !name.contains([' ', '-']))
            || name.contains('(')
        {
            continue;
        }
        let (text, amount) = match lang {
            Lang::De => (
                format!("Sie zahlten 250 {name} dafür."),
                format!("250 {name}"),
            ),
            Lang::En => (
                format!("They paid 250 {name} for it."),
                format!("250 {name}"),
            ),
            _ => (format!("他们为此支付了250{name}。"), format!("250{name}")),
        };
        checked += 1;
        let found: Vec<_> = recognizer
            .recognize(&text, lang, None)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.kind, m.value, m.unit))
            .collect();
        let want = vec![(
            amount,
            FigureType::Money,
            Some(FigureValue::Number(250.0)),
            Some(code.to_string()),
        )];
        if found != want {
            failures.push(format!("{code} {name:?}: {found:?}"));
        }
    }
    assert!(checked > 300, "only {checked} names checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} currency names misread:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
