//! Every day of four years (a leap year among them) written in the forms news uses, read
//! back to its ISO date; every quarter and half-year to its months; every weekday named
//! after every publication day to the day before it. By construction, not by example.

use chrono::{Datelike, Duration, NaiveDate};
use claimx_doc::{FigureType, FigureValue, Lang};
use claimx_figures::FigureRecognizer;

const DE_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// AP style: March to July written whole, the rest cut with a full stop.
const AP_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

const ZH_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// A year digit by digit (`二〇二〇`).
fn zh_year(y: i32) -> String {
    y.to_string()
        .bytes()
        .map(|b| ZH_DIGITS[(b - b'0') as usize])
        .collect()
}

/// 1 to 31 as a number (`十`, `十二`, `二十一`).
fn zh_small(n: u32) -> String {
    let (t, o) = (n / 10, n % 10);
    let mut s = String::new();
    if t > 1 {
        s.push(ZH_DIGITS[t as usize]);
    }
    if t > 0 {
        s.push('十');
    }
    if o > 0 {
        s.push(ZH_DIGITS[o as usize]);
    }
    s
}

fn days() -> impl Iterator<Item = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    (0..365 * 4 + 1).map(move |k| first + Duration::days(k))
}

/// The date figures of `text` as `(span, value, upper)`.
fn read(text: &str, lang: Lang, published: Option<NaiveDate>) -> Vec<(String, String)> {
    let show = |v: &Option<FigureValue>| match v {
        Some(FigureValue::Text(t)) => t.clone(),
        other => format!("{other:?}"),
    };
    FigureRecognizer::new()
        .recognize(text, lang, published)
        .into_iter()
        .filter(|m| m.kind == FigureType::Date)
        .map(|m| {
            let mut v = show(&m.value);
            if m.upper.is_some() {
                v = format!("{v}..{}", show(&m.upper));
            }
            (text[m.start..m.end].to_string(), v)
        })
        .collect()
}

fn report(what: &str, failures: &[String], total: usize) {
    assert!(
        failures.is_empty(),
        "{what}: {} of {total} misread, first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}

#[test]
fn every_day_in_every_written_form_reads_back() {
    let mut failures = Vec::new();
    let mut total = 0;
    for d in days() {
        let (y, m, day) = (d.year(), d.month() as usize, d.day());
        let iso = d.format("%Y-%m-%d").to_string();
        let forms = [
            (Lang::De, format!("{day}. {} {y}", DE_MONTHS[m - 1])),
            (Lang::De, format!("{day}.{m}.{y}")),
            (Lang::De, format!("{day:02}.{m:02}.{y}")),
            (Lang::En, format!("{} {day}, {y}", EN_MONTHS[m - 1])),
            (Lang::En, format!("{day} {} {y}", EN_MONTHS[m - 1])),
            (Lang::En, iso.clone()),
            (Lang::En, format!("{} {day}, {y}", AP_MONTHS[m - 1])),
            (Lang::Zh, format!("{y}年{m}月{day}日")),
            (
                Lang::Zh,
                format!(
                    "{}年{}月{}日",
                    zh_year(y),
                    zh_small(m as u32),
                    zh_small(day)
                ),
            ),
        ];
        for (lang, form) in forms {
            total += 1;
            let text = match lang {
                Lang::De => format!("Das Treffen war am {form} in Berlin."),
                Lang::En => format!("The meeting was on {form} in London."),
                _ => format!("会议于{form}在北京举行。"),
            };
            let found = read(&text, lang, None);
            if found != vec![(form.clone(), iso.clone())] {
                failures.push(format!("{text:?}: {found:?}"));
            }
        }
    }
    report("days", &failures, total);
}

#[test]
fn every_month_of_a_year_reads_back() {
    let mut failures = Vec::new();
    for y in 2019..=2022 {
        for m in 1..=12usize {
            let want = format!("{y}-{m:02}");
            for (lang, text, form) in [
                (
                    Lang::De,
                    format!("Im {} {y} sank er.", DE_MONTHS[m - 1]),
                    format!("{} {y}", DE_MONTHS[m - 1]),
                ),
                (
                    Lang::En,
                    format!("In {} {y} it fell.", EN_MONTHS[m - 1]),
                    format!("{} {y}", EN_MONTHS[m - 1]),
                ),
                (Lang::Zh, format!("{y}年{m}月下降。"), format!("{y}年{m}月")),
            ] {
                let found = read(&text, lang, None);
                if found != vec![(form, want.clone())] {
                    failures.push(format!("{text:?}: {found:?}"));
                }
            }
        }
    }
    report("months", &failures, 4 * 12 * 3);
}

#[test]
fn every_quarter_and_half_year_is_its_months() {
    let de_q = ["ersten", "zweiten", "dritten", "vierten"];
    let en_q = ["first", "second", "third", "fourth"];
    let zh_q = ["一", "二", "三", "四"];
    let mut failures = Vec::new();
    for y in 2019..=2022 {
        for q in 0..4usize {
            let want = format!("{y}-{:02}..{y}-{:02}", 3 * q + 1, 3 * q + 3);
            for (lang, text, form) in [
                (
                    Lang::De,
                    format!("Im {} Quartal {y} stieg er.", de_q[q]),
                    format!("{} Quartal {y}", de_q[q]),
                ),
                (
                    Lang::De,
                    format!("Im {}. Quartal {y} stieg er.", q + 1),
                    format!("{}. Quartal {y}", q + 1),
                ),
                (
                    Lang::En,
                    format!("In the {} quarter of {y} it rose.", en_q[q]),
                    format!("{} quarter of {y}", en_q[q]),
                ),
                (
                    Lang::En,
                    format!("In Q{} {y} it rose.", q + 1),
                    format!("Q{} {y}", q + 1),
                ),
                (
                    Lang::Zh,
                    format!("{y}年第{}季度增长。", zh_q[q]),
                    format!("{y}年第{}季度", zh_q[q]),
                ),
            ] {
                let found = read(&text, lang, None);
                if found != vec![(form, want.clone())] {
                    failures.push(format!("{text:?}: {found:?}"));
                }
            }
        }
        for (h, (de, en, zh)) in [("ersten", "first", "上"), ("zweiten", "second", "下")]
            .iter()
            .enumerate()
        {
            let want = format!("{y}-{:02}..{y}-{:02}", 6 * h + 1, 6 * h + 6);
            for (lang, text, form) in [
                (
                    Lang::De,
                    format!("Im {de} Halbjahr {y} stieg er."),
                    format!("{de} Halbjahr {y}"),
                ),
                (
                    Lang::En,
                    format!("In the {en} half of {y} it rose."),
                    format!("{en} half of {y}"),
                ),
                (
                    Lang::Zh,
                    format!("{y}年{zh}半年增长。"),
                    format!("{y}年{zh}半年"),
                ),
            ] {
                let found = read(&text, lang, None);
                if found != vec![(form, want.clone())] {
                    failures.push(format!("{text:?}: {found:?}"));
                }
            }
        }
    }
    report("quarters and halves", &failures, 4 * (4 * 5 + 2 * 3));
}

#[test]
fn a_weekday_in_a_past_report_is_the_last_one_on_or_before_publication() {
    let de = [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ];
    let en = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let zh = ["一", "二", "三", "四", "五", "六", "日"];
    let mut failures = Vec::new();
    let mut total = 0;
    for published in days().take(21) {
        for k in 0..7 {
            let back = (published.weekday().num_days_from_monday() as i64 - k as i64).rem_euclid(7);
            let want = (published - Duration::days(back))
                .format("%Y-%m-%d")
                .to_string();
            for (lang, text, form) in [
                (
                    Lang::De,
                    format!(
                        "Die Firma teilte am {} mit, sie habe Stellen gestrichen.",
                        de[k]
                    ),
                    de[k].to_string(),
                ),
                (
                    Lang::En,
                    format!("The company said on {} it had cut jobs.", en[k]),
                    en[k].to_string(),
                ),
                (
                    Lang::Zh,
                    format!("该公司周{}表示已裁员。", zh[k]),
                    format!("周{}", zh[k]),
                ),
            ] {
                total += 1;
                let found = read(&text, lang, Some(published));
                if found != vec![(form, want.clone())] {
                    failures.push(format!("published {published}: {text:?}: {found:?}"));
                }
            }
        }
    }
    report("weekdays", &failures, total);
}
