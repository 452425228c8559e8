//! Periods named relative to the period a document reports on (`Vorjahr`, `a year earlier`,
//! `去年同期`), resolved once the whole document's dates are known.
//!
//! Such words are anaphoric: they count from the time the text is about, which in news is
//! often not the publication's. An annual report published in February 2021 says `im
//! Vorjahr` for 2019; `Gegenüber dem Vormonat` after `im März` is February. The sentence
//! stage can only count from the publication ([`crate::find_dates`] does so); this pass,
//! run over the document's figures in text order, counts from the document's **reporting
//! period** instead:
//!
//! - a year, month or quarter shift counts from the period of that length the document has
//!   named most often so far (the latest of those named equally often), so one passing
//!   mention of another year does not move it;
//! - a same-period shift (`去年同期`, `the year-ago quarter`) counts from the period named
//!   last, whatever its length, since "the same period" is the one just spoken of;
//! - with no such period named before it, the figure keeps the value counted from the
//!   publication (or none).
//!
//! A text that names a fiscal period (`Geschäftsjahr 2019/2020`, `fiscal 2021`) reports in
//! fiscal periods: its quarters without a year get no value, as their months are not the
//! calendar's.
//!
//! Periods are read from the values of the date figures before it that are not shifts
//! themselves: years (`2020`), months (`2020-03`), and ranges of months (`2020-01` to
//! `2020-03`, a quarter when three months long); days and weeks name no reporting period.

use claimx_doc::{Figure, FigureType, FigureValue};
use claimx_lang::calendar::{names_fiscal_period, period_shift, PeriodShift};

/// Whether an expression writes its year (`3. Quartal 2015`, `2009年一季度`).
fn names_a_year(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    text.contains('年')
}

/// A period as months since year 0 (`year * 12 + month - 1`), first and last included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Period {
    first: i32,
    last: i32,
}

impl Period {
    fn year(y: i32) -> Self {
        Period {
            first: y * 12,
            last: y * 12 + 11,
        }
    }

    fn is_year(self) -> bool {
        self.first.rem_euclid(12) == 0 && self.last == self.first + 11
    }

    fn is_month(self) -> bool {
        self.first == self.last
    }

    /// Within one calendar year (a year, a quarter, a month; not `2019-12` to `2020-02`).
    fn in_one_year(self) -> bool {
        self.first.div_euclid(12) == self.last.div_euclid(12)
    }

    fn is_quarter(self) -> bool {
        self.first.rem_euclid(3) == 0 && self.last == self.first + 2
    }

    /// The period `months` earlier, as long as this one.
    fn back(self, months: i32) -> Self {
        Period {
            first: self.first - months,
            last: self.last - months,
        }
    }

    /// The figure value (and upper end) that writes this period: a year, a month, or a
    /// range of months.
    fn value(self) -> (Option<FigureValue>, Option<FigureValue>) {
        let month = |m: i32| {
            FigureValue::Text(format!(
                "{:04}-{:02}",
                m.div_euclid(12),
                m.rem_euclid(12) + 1
            ))
        };
        if self.is_year() {
            (
                Some(FigureValue::Text(format!(
                    "{:04}",
                    self.first.div_euclid(12)
                ))),
                None,
            )
        } else if self.is_month() {
            (Some(month(self.first)), None)
        } else {
            (Some(month(self.first)), Some(month(self.last)))
        }
    }
}

/// `2020` → 2020 * 12, `2020-03` → 2020 * 12 + 2; days, weeks and anything else: none.
fn month_index(s: &str) -> Option<(i32, bool)> {
    let (y, rest) = match s.split_once('-') {
        Some((y, m)) => (y, Some(m)),
        None => (s, None),
    };
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = y.parse().ok()?;
    match rest {
        None => Some((y * 12, true)),
        Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
            let m: i32 = m.parse().ok()?;
            (1..=12).contains(&m).then_some((y * 12 + m - 1, false))
        }
        _ => None,
    }
}

/// The period a date figure names, if it names one a text can report on.
fn named_period(f: &Figure) -> Option<Period> {
    let text = |v: &Option<FigureValue>| match v {
        Some(FigureValue::Text(t)) => Some(t.clone()),
        _ => None,
    };
    let (first, whole_year) = month_index(&text(&f.value)?)?;
    match text(&f.upper) {
        None if whole_year => Some(Period::year(first / 12)),
        None => Some(Period { first, last: first }),
        // a range of months (a quarter, a half-year, `前4个月`); ranges of years are spans
        // of history, not the period reported on
        Some(u) => match month_index(&u)? {
            (last, false) if !whole_year && last >= first && last - first < 12 => {
                Some(Period { first, last })
            }
            _ => None,
        },
    }
}

/// The most often named period among `named` that `fits` (the latest of those named
/// equally often).
fn reporting_period(named: &[Period], fits: impl Fn(Period) -> bool) -> Option<Period> {
    let mut counts: Vec<(Period, usize, usize)> = Vec::new();
    for (at, p) in named.iter().enumerate() {
        if !fits(*p) {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == *p) {
            Some(c) => {
                c.1 += 1;
                c.2 = at;
            }
            None => counts.push((*p, 1, at)),
        }
    }
    counts.into_iter().max_by_key(|c| (c.1, c.2)).map(|c| c.0)
}

/// Resolve the period shifts among a document's `figures` (in text order) against the
/// periods the document names before each (module docs); other figures are left alone.
///
/// ```
/// use claimx_doc::{Figure, FigureType, FigureValue, Lang, Span};
/// use claimx_figures::resolve_period_shifts;
///
/// let date = |text: &str, value: &str| Figure {
///     span: Span::default(),
///     text: text.into(),
///     kind: FigureType::Date,
///     value: Some(FigureValue::Text(value.into())),
///     upper: None,
///     bound: None,
///     unit: None,
///     lang: Lang::De,
/// };
/// // published 2021-02-18: `Vorjahr` counted from the publication is 2020
/// let mut figures = vec![date("2020", "2020"), date("2020", "2020"), date("Vorjahr", "2020")];
/// resolve_period_shifts(&mut figures);
/// assert_eq!(figures[2].value, Some(FigureValue::Text("2019".into())));
/// ```
pub fn resolve_period_shifts(figures: &mut [Figure]) {
    resolve_period_shifts_in_sentences("", figures, &[]);
}

/// [`resolve_period_shifts`], where a shift that a value is compared with (`比上一年`,
/// `gegenüber dem Vorjahr`, `than a year earlier`) counts from the period named earlier in its
/// own sentence (`2008年…比上一年下降4.2%`: 2007, whatever year the document reports on): the
/// comparison is made within the sentence. A shift that only dates (`von 442 Millionen im
/// Jahr 2014 im Vorjahr auf 757 Millionen`) still counts from the document's period.
/// `sentences` are the document's sentence spans in text order, `text` the document (none:
/// the document's reporting period only).
pub fn resolve_period_shifts_in_sentences(
    text: &str,
    figures: &mut [Figure],
    sentences: &[claimx_doc::Span],
) {
    // a comparison marker among the words right before the shift
    let compared = |f: &Figure| {
        let Some(before) = text.get(..f.span.byte_start) else {
            return false;
        };
        let before = before.trim_end();
        if f.lang == claimx_doc::Lang::Zh {
            return claimx_lang::clauses::ZH_COMPARISON_MARKERS
                .iter()
                .any(|m| before.ends_with(m));
        }
        before
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| claimx_lang::clauses::is_comparison_marker(f.lang, w))
    };
    let sentence_of = |f: &Figure| {
        let k = sentences.partition_point(|s| s.byte_end <= f.span.byte_start);
        sentences
            .get(k)
            .filter(|s| s.byte_start <= f.span.byte_start)
            .map(|_| k)
    };
    // the periods named so far in the current sentence
    let mut in_sentence: (Option<usize>, Vec<Period>) = (None, Vec::new());
    let mut named: Vec<Period> = Vec::new();
    // once a text reports in fiscal periods, a quarter it names without a year is a fiscal
    // one (`im zweiten Quartal` after `zweiten Quartal des Geschäftsjahres 2019/2020`)
    let mut fiscal = false;
    for f in figures.iter_mut().filter(|f| f.kind == FigureType::Date) {
        if names_fiscal_period(&f.text) {
            fiscal = true;
            continue;
        }
        if fiscal && named_period(f).is_some_and(Period::is_quarter) && !names_a_year(&f.text) {
            (f.value, f.upper) = (None, None);
            continue;
        }
        let here = sentence_of(f);
        if here.is_none() || in_sentence.0 != here {
            in_sentence = (here, Vec::new());
        }
        let Some(shift) = period_shift(&f.text) else {
            named.extend(named_period(f));
            in_sentence.1.extend(named_period(f));
            continue;
        };
        // the sentence's own period of the shift's length, the last named
        let own = |fits: fn(Period) -> bool| in_sentence.1.iter().rev().copied().find(|p| fits(*p));
        let sentence_reference = match shift {
            PeriodShift::PreviousYear => {
                own(Period::in_one_year).map(|p| Period::year(p.first.div_euclid(12)).back(12))
            }
            PeriodShift::PreviousQuarter => own(Period::is_quarter).map(|p| p.back(3)),
            PeriodShift::PreviousMonth => own(Period::is_month).map(|p| p.back(1)),
            PeriodShift::SameMonthPreviousYear => own(Period::is_month).map(|p| p.back(12)),
            PeriodShift::SamePeriodPreviousYear => None,
        };
        if let Some(p) = sentence_reference.filter(|_| compared(f)) {
            (f.value, f.upper) = p.value();
            continue;
        }
        let reference = match shift {
            PeriodShift::PreviousYear => {
                // the year of the periods named (a month of 2020 is a mention of 2020)
                let in_years: Vec<Period> = named
                    .iter()
                    .filter(|p| p.in_one_year())
                    .map(|p| Period::year(p.first.div_euclid(12)))
                    .collect();
                reporting_period(&in_years, |_| true).map(|p| p.back(12))
            }
            PeriodShift::PreviousQuarter => {
                reporting_period(&named, Period::is_quarter).map(|p| p.back(3))
            }
            PeriodShift::PreviousMonth => {
                reporting_period(&named, Period::is_month).map(|p| p.back(1))
            }
            PeriodShift::SameMonthPreviousYear => {
                reporting_period(&named, Period::is_month).map(|p| p.back(12))
            }
            PeriodShift::SamePeriodPreviousYear => named.last().map(|p| p.back(12)),
        };
        if let Some(p) = reference {
            (f.value, f.upper) = p.value();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{FigureExtraction, FigureRecognizer};
    use chrono::NaiveDate;
    use claimx_doc::{Lang, Span};
    use rstest::rstest;

    /// The document's date figures as the pipeline gives them, shifts resolved: `(text,
    /// value, upper)` of each.
    fn dates(text: &str, lang: Lang, published: Option<&str>) -> Vec<(String, String)> {
        let published = published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap());
        let mut figures: Vec<Figure> = FigureRecognizer::new()
            .extract(text, lang, published)
            .into_iter()
            .filter(|m| m.kind == FigureType::Date)
            .map(|m| {
                let covered = &text[m.start..m.end];
                m.into_figure(covered, Span::default(), lang)
            })
            .collect();
        resolve_period_shifts(&mut figures);
        let show = |v: &Option<FigureValue>| match v {
            Some(FigureValue::Text(t)) => t.clone(),
            Some(other) => format!("{other:?}"),
            None => "-".into(),
        };
        figures
            .iter()
            .map(|f| {
                let mut v = show(&f.value);
                if f.upper.is_some() {
                    v = format!("{v}..{}", show(&f.upper));
                }
                (f.text.to_string(), v)
            })
            .collect()
    }

    fn value_of(found: &[(String, String)], text: &str) -> String {
        found
            .iter()
            .rfind(|f| f.0 == text)
            .unwrap_or_else(|| panic!("{text} not found among {found:?}"))
            .1
            .clone()
    }

    #[rstest]
    // an annual report published early next year: the year reported on is the one named
    #[case::annual_report_de(
        Lang::De,
        "Der Umsatz sank 2020 um 5 Prozent. Der Gewinn war 2020 geringer als im Jahr zuvor.",
        Some("2021-02-18"),
        "Jahr zuvor",
        "2019"
    )]
    // a text about the current year: the publication's year is the one named most
    #[case::current_year_de(
        Lang::De,
        "Heuer kostet es mehr, heuer fehlen Mittel. Die Kosten sind von 442 Millionen Euro im Jahr 2014 im Vorjahr auf 757 Millionen Euro gestiegen.",
        Some("2016-04-27"),
        "Vorjahr",
        "2015"
    )]
    // nothing named before it: counted from the publication
    #[case::no_period_named(
        Lang::De,
        "Im Vorjahr waren es weniger.",
        Some("2016-03-17"),
        "Vorjahr",
        "2015"
    )]
    #[case::month_de(
        Lang::De,
        "Die Ausfuhren sanken im März um 7,9 Prozent. Gegenüber dem Vormonat schrumpften sie.",
        Some("2020-05-08"),
        "Vormonat",
        "2020-02"
    )]
    #[case::same_month_de(
        Lang::De,
        "Die Ausfuhren sanken im März im Vergleich zum Vorjahresmonat um 7,9 Prozent.",
        Some("2020-05-08"),
        "Vorjahresmonat",
        "2019-03"
    )]
    #[case::year_earlier_en(
        Lang::En,
        "Revenue in 2020 rose to $3 billion from $2.8 billion a year earlier.",
        Some("2021-02-18"),
        "a year earlier",
        "2019"
    )]
    #[case::previous_year_en(
        Lang::En,
        "Sales in 2008 were higher than in the previous year.",
        None,
        "previous year",
        "2007"
    )]
    #[case::prior_quarter_en(
        Lang::En,
        "In the third quarter of 2015, sales fell 3% from the prior quarter.",
        Some("2016-02-01"),
        "prior quarter",
        "2015-04..2015-06"
    )]
    #[case::year_ago_quarter_en(
        Lang::En,
        "Profit in the first quarter of 2021 doubled from the year-ago quarter.",
        Some("2021-05-01"),
        "year-ago quarter",
        "2020-01..2020-03"
    )]
    // the same period is the one just named, whatever its length
    #[case::same_period_zh(
        Lang::Zh,
        "今年一季度利润比去年同期增长5%。",
        Some("2009-05-23"),
        "去年同期",
        "2008-01..2008-03"
    )]
    #[case::previous_quarter_zh(
        Lang::Zh,
        "2008年四季度亏损，上一季度盈利。",
        None,
        "上一季度",
        "2008-07..2008-09"
    )]
    // a document without a publication date and without periods: no value
    #[case::nothing_to_count_from(Lang::Zh, "比上一年下降。", None, "上一年", "-")]
    fn shifts_count_from_the_reporting_period(
        #[case] lang: Lang,
        #[case] text: &str,
        #[case] published: Option<&str>,
        #[case] expression: &str,
        #[case] want: &str,
    ) {
        assert_eq!(value_of(&dates(text, lang, published), expression), want);
    }

    #[test]
    fn quarters_of_a_fiscal_year_have_no_calendar_months() {
        let found = dates(
            "Im zweiten Quartal des Geschäftsjahres 2019/2020 stieg der Umsatz. Das Ergebnis lag im zweiten Quartal höher; im dritten Quartal 2019 war es geringer.",
            Lang::De,
            Some("2020-08-03"),
        );
        assert_eq!(
            value_of(&found, "zweiten Quartal des Geschäftsjahres 2019/2020"),
            "-"
        );
        assert_eq!(value_of(&found, "zweiten Quartal"), "-");
        assert_eq!(value_of(&found, "dritten Quartal 2019"), "2019-07..2019-09");
        let en = dates(
            "Revenue in the fiscal first quarter rose; in the previous fiscal year it fell. Q2 of fiscal 2021 was better.",
            Lang::En,
            Some("2020-08-03"),
        );
        assert_eq!(value_of(&en, "fiscal first quarter"), "-");
        assert_eq!(value_of(&en, "Q2 of fiscal 2021"), "-");
        // without fiscal words a quarter is the calendar's
        let calendar = dates("Im zweiten Quartal stieg er.", Lang::De, Some("2020-08-03"));
        assert_eq!(value_of(&calendar, "zweiten Quartal"), "2020-04..2020-06");
    }

    #[test]
    fn a_fiscal_year_counts_as_its_calendar_year() {
        let found = dates(
            "Varian setzte im vergangenen Geschäftsjahr 3,2 Milliarden Dollar um.",
            Lang::De,
            Some("2020-08-03"),
        );
        assert_eq!(value_of(&found, "vergangenen Geschäftsjahr"), "2019");
        let en = dates("Sales fell last fiscal year.", Lang::En, Some("2020-08-03"));
        assert_eq!(value_of(&en, "last fiscal year"), "2019");
    }

    #[test]
    fn ties_go_to_the_period_named_last_and_days_name_none() {
        let found = dates(
            "Am 3. Mai 2019 und am 4. Mai 2019 sprach er. 2020 sank der Umsatz, 2021 stieg er, mehr als im Vorjahr.",
            Lang::De,
            Some("2022-01-10"),
        );
        assert_eq!(value_of(&found, "Vorjahr"), "2020");
    }

    /// A shift a value is compared with counts from its own sentence's period; one that only
    /// dates counts from the document's.
    #[rstest]
    #[case::zh_compared(
        "2009年经济回暖。2009年出口增长。2008年能耗比上一年下降4.6%。",
        Lang::Zh,
        "上一年",
        "2007"
    )]
    #[case::de_compared(
        "2021 wuchs der Umsatz. 2021 stieg der Gewinn. 2019 stieg der Umsatz gegenüber dem Vorjahr um 3 Prozent.",
        Lang::De,
        "Vorjahr",
        "2018"
    )]
    #[case::de_only_dating(
        "2016 sanken die Kosten. 2016 stiegen die Preise. Die Kosten stiegen von 442 Millionen im Jahr 2014 im Vorjahr auf 757 Millionen.",
        Lang::De,
        "Vorjahr",
        "2015"
    )]
    fn compared_shifts_count_from_their_sentence(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] shift: &str,
        #[case] want: &str,
    ) {
        let index = claimx_doc::OffsetIndex::new(text);
        let mut figures: Vec<Figure> = FigureRecognizer::new()
            .extract(text, lang, None)
            .into_iter()
            .filter(|m| m.kind == FigureType::Date)
            .map(|m| {
                let covered = &text[m.start..m.end];
                let span = index.span(m.start, m.end);
                m.into_figure(covered, span, lang)
            })
            .collect();
        let mut sentences = Vec::new();
        let mut from = 0;
        for (at, c) in text.char_indices().filter(|(_, c)| matches!(c, '.' | '。')) {
            let end = at + c.len_utf8();
            let start = from + (text[from..end].len() - text[from..end].trim_start().len());
            sentences.push(index.span(start, end));
            from = end;
        }
        resolve_period_shifts_in_sentences(text, &mut figures, &sentences);
        let f = figures.iter().find(|f| f.text == shift).expect("the shift");
        assert_eq!(f.value, Some(FigureValue::Text(want.into())));
    }

    #[test]
    fn the_year_before_last_is_no_year_before() {
        let found = dates(
            "Sales in 2020 were below those of the year before last.",
            Lang::En,
            None,
        );
        assert!(found.iter().all(|f| f.0 != "year before"), "{found:?}");
    }
}
