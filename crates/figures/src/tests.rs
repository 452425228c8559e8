//! Figure recognition tables, one `rstest` table per construction, in de / en / zh.

use crate::{find_dateline, FigureMatch, FigureRecognizer};
use chrono::NaiveDate;
use claimx_doc::{Bound, FigureType as T, FigureValue, Lang};
use rstest::rstest;

fn reference() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 7, 24) // a Thursday
}

fn figures(text: &str, lang: Lang) -> Vec<FigureMatch> {
    FigureRecognizer::new().recognize(text, lang, reference())
}

/// The single figure whose text is `span`.
fn find<'a>(figs: &'a [FigureMatch], text: &str, span: &str) -> &'a FigureMatch {
    figs.iter()
        .find(|f| &text[f.start..f.end] == span)
        .unwrap_or_else(|| {
            let got: Vec<&str> = figs.iter().map(|f| &text[f.start..f.end]).collect();
            panic!("no figure {span:?} in {text:?}; got {got:?}")
        })
}

fn num(v: f64) -> Option<FigureValue> {
    Some(FigureValue::Number(v))
}

fn txt(v: &str) -> Option<FigureValue> {
    Some(FigureValue::Text(v.to_string()))
}

fn close(a: &Option<FigureValue>, b: &Option<FigureValue>) -> bool {
    match (a, b) {
        (Some(FigureValue::Number(x)), Some(FigureValue::Number(y))) => {
            (x - y).abs() <= 1e-9 * x.abs().max(1.0)
        }
        _ => a == b,
    }
}

#[rstest]
// digits and separators
#[case::de_thousands(Lang::De, "Es gibt 1.000 Bäume.", "1.000", 1000.0)]
#[case::de_decimal(Lang::De, "Es sind 1.000,5 Tonnen.", "1.000,5 Tonnen", 1000.5)]
#[case::en_thousands(Lang::En, "There are 1,000 trees.", "1,000", 1000.0)]
#[case::en_decimal(Lang::En, "It weighs 1,000.5 units.", "1,000.5", 1000.5)]
#[case::de_comma_decimal(Lang::De, "Der Wert liegt bei 3,5 Punkten.", "3,5", 3.5)]
#[case::zh_digits(Lang::Zh, "共有1000人。", "1000", 1000.0)]
// words
#[case::de_elf(Lang::De, "Es kamen elf Gäste.", "elf", 11.0)]
#[case::de_compound(Lang::De, "Es waren dreiundzwanzig Gäste.", "dreiundzwanzig", 23.0)]
#[case::de_dutzend(Lang::De, "Er kaufte ein Dutzend Eier.", "ein Dutzend", 12.0)]
#[case::en_two(Lang::En, "China imposed two exit bans.", "two", 2.0)]
#[case::en_compound(Lang::En, "It had twenty-one members.", "twenty-one", 21.0)]
#[case::en_hundred(
    Lang::En,
    "Three hundred and five people came.",
    "Three hundred and five",
    305.0
)]
#[case::zh_yiqian(Lang::Zh, "来了一千人。", "一千", 1000.0)]
#[case::zh_liangwan(Lang::Zh, "有两万人。", "两万", 20000.0)]
// scales
#[case::de_mio(Lang::De, "Das kostet 3 Mio. Euro.", "3 Mio. Euro", 3e6)]
#[case::de_mrd(
    Lang::De,
    "Der Umsatz lag bei 2,5 Mrd. Dollar.",
    "2,5 Mrd. Dollar",
    2.5e9
)]
#[case::de_millionen(Lang::De, "Es kamen 4 Millionen Besucher.", "4 Millionen", 4e6)]
#[case::en_million(Lang::En, "It drew 4 million visitors.", "4 million", 4e6)]
#[case::en_billion(Lang::En, "Sales hit 2.5 billion units.", "2.5 billion", 2.5e9)]
#[case::zh_yi(Lang::Zh, "投资3.5亿。", "3.5亿", 3.5e8)]
#[case::zh_mixed(Lang::Zh, "总额十亿3000万。", "十亿3000万", 1.03e9)]
// 兆 before a unit is the prefix mega, not 10^12 (and not a figure of its own)
#[case::zh_mega_watt(Lang::Zh, "装机容量为500兆瓦。", "500", 500.0)]
#[case::zh_mega_words(Lang::Zh, "一台三兆瓦的风机。", "三", 3.0)]
#[case::zh_mega_hertz(Lang::Zh, "频率为3.5兆赫。", "3.5", 3.5)]
#[case::zh_zhao_myriad(Lang::Zh, "投资3兆元。", "3兆元", 3e12)]
// decimals in words and without their zero (issue 19's grammar cases)
#[case::en_bare_decimal(Lang::En, "The rate is .08 today.", ".08", 0.08)]
#[case::en_point_scale(
    Lang::En,
    "It is two point five million.",
    "two point five million",
    2.5e6
)]
#[case::en_dozens(Lang::En, "She bought three dozens eggs.", "three dozens", 36.0)]
#[case::de_komma(Lang::De, "Es waren zwei Komma drei Punkte.", "zwei Komma drei", 2.3)]
#[case::de_komma_digits(
    Lang::De,
    "Es waren null Komma null fünf Punkte.",
    "null Komma null fünf",
    0.05
)]
#[case::de_komma_scale(
    Lang::De,
    "Es waren zwei Komma fünf Millionen Gäste.",
    "zwei Komma fünf Millionen",
    2.5e6
)]
#[case::zh_lia(Lang::Zh, "他们俩都来了。", "俩", 2.0)]
// the wire services' scale abbreviations
#[case::en_bln(Lang::En, "It paid $1.5 bln for it.", "$1.5 bln", 1.5e9)]
#[case::en_mln(Lang::En, "It sold 5 mln shares.", "5 mln", 5e6)]
// half of the scale the article counts
#[case::en_half_a_million(Lang::En, "Half a million people came.", "Half a million", 5e5)]
#[case::en_half_a_billion(
    Lang::En,
    "It paid half a billion dollars.",
    "half a billion dollars",
    5e8
)]
// a spelled number after `minus`, as a written one
#[case::de_minus_words(Lang::De, "Es wurden minus drei Grad gemessen.", "minus drei Grad", -3.0)]
fn cardinals_and_scales(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: f64,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert!(close(&f.value, &num(value)), "{span}: {:?}", f.value);
}

#[rstest]
#[case::en_nearly(
    Lang::En,
    "It brought nearly $1 billion in revenue.",
    "nearly $1 billion",
    1e9,
    "USD",
    Some(Bound::Approx)
)]
#[case::de_rund(
    Lang::De,
    "Das brachte rund eine Milliarde Dollar Umsatz.",
    "rund eine Milliarde Dollar",
    1e9,
    "USD",
    Some(Bound::Approx)
)]
#[case::de_euro_sign(Lang::De, "Der Preis: 25 € pro Stück.", "25 €", 25.0, "EUR", None)]
#[case::de_euro_word(Lang::De, "Es kostet 30 Euro.", "30 Euro", 30.0, "EUR", None)]
#[case::en_dollar_sign(Lang::En, "It costs $5.50 now.", "$5.50", 5.5, "USD", None)]
#[case::en_pounds(
    Lang::En,
    "He paid 3 million pounds.",
    "3 million pounds",
    3e6,
    "GBP",
    None
)]
#[case::zh_yuan(Lang::Zh, "投资3.5亿元。", "3.5亿元", 3.5e8, "CNY", None)]
// `元` after a currency's name is that currency's (Taiwan, Hong Kong, Macau papers)
#[case::zh_twd_before(Lang::Zh, "营收达新台币100亿元。", "100亿元", 1e10, "TWD", None)]
#[case::zh_hkd_before(Lang::Zh, "约合港币27亿元。", "27亿元", 2.7e9, "HKD", None)]
#[case::zh_mop_traditional(Lang::Zh, "澳門幣50萬元。", "50萬元", 5e5, "MOP", None)]
#[case::zh_twd_after(Lang::Zh, "公司以100亿新台币收购。", "100亿新台币", 1e10, "TWD", None)]
#[case::zh_usd(Lang::Zh, "价值1000万美元。", "1000万美元", 1e7, "USD", None)]
#[case::de_us_dollar(
    Lang::De,
    "Es geht um 100 US-Dollar.",
    "100 US-Dollar",
    100.0,
    "USD",
    None
)]
#[case::de_scale_noun(
    Lang::De,
    "Die genannte Milliarde Euro fehlt.",
    "Milliarde Euro",
    1e9,
    "EUR",
    None
)]
// names and symbols from CLDR (crates/lang/data/currencies.tsv)
#[case::de_cldr_adjective(
    Lang::De,
    "Das kostet 100 indische Rupien.",
    "100 indische Rupien",
    100.0,
    "INR",
    None
)]
#[case::en_cldr_name(
    Lang::En,
    "It costs 100 Indian rupees.",
    "100 Indian rupees",
    100.0,
    "INR",
    None
)]
#[case::en_cldr_three_words(
    Lang::En,
    "It cost 5 South African rand.",
    "5 South African rand",
    5.0,
    "ZAR",
    None
)]
#[case::de_cldr_symbol_after(Lang::De, "Die Miete: 500 zł im Monat.", "500 zł", 500.0, "PLN", None)]
#[case::en_cldr_dollar_symbol(Lang::En, "It cost NT$300 there.", "NT$300", 300.0, "TWD", None)]
#[case::zh_cldr_name(Lang::Zh, "花了50南非兰特。", "50南非兰特", 50.0, "ZAR", None)]
// Chinese sums in major and minor units
#[case::zh_yuan_mao(Lang::Zh, "价格是五元三毛。", "五元三毛", 5.3, "CNY", None)]
#[case::zh_you(
    Lang::Zh,
    "价格是两美元又三美分。",
    "两美元又三美分",
    2.03,
    "USD",
    None
)]
#[case::zh_kuai(Lang::Zh, "一斤三块五。", "三块五", 3.5, "CNY", None)]
#[case::zh_jiao_fen(Lang::Zh, "他花了五元三角二分。", "五元三角二分", 5.32, "CNY", None)]
#[case::zh_yuan_renminbi(Lang::Zh, "投资8亿元人民币。", "8亿元人民币", 8e8, "CNY", None)]
fn money(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: f64,
    #[case] code: &str,
    #[case] bound: Option<Bound>,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Money);
    assert!(close(&f.value, &num(value)), "{:?}", f.value);
    assert_eq!(f.unit.as_deref(), Some(code));
    assert_eq!(f.bound, bound);
}

#[rstest]
#[case::de_space(Lang::De, "Der Anteil stieg um 25 % im Jahr.", "25 %", 25.0, None)]
#[case::de_prozent(Lang::De, "Der Anteil stieg um 25 Prozent.", "25 Prozent", 25.0, None)]
#[case::de_haelfte(
    Lang::De,
    "Davon stammt mehr als die Hälfte aus China.",
    "mehr als die Hälfte",
    50.0,
    Some(Bound::Gt)
)]
#[case::en_percent(Lang::En, "Revenue rose 12.5 percent.", "12.5 percent", 12.5, None)]
#[case::en_sign(Lang::En, "Revenue rose 7% last year.", "7%", 7.0, None)]
#[case::en_half(
    Lang::En,
    "Nearly half of them left.",
    "Nearly half",
    50.0,
    Some(Bound::Approx)
)]
#[case::zh_baifenzhi(Lang::Zh, "增长了百分之二十五。", "百分之二十五", 25.0, None)]
// shares in words, one grammar (numerator + fraction noun; every n-th; one in n)
#[case::en_two_thirds(Lang::En, "Two thirds of voters agreed.", "Two thirds", 66.67, None)]
#[case::en_a_fifth(Lang::En, "A fifth of them left.", "A fifth", 20.0, None)]
#[case::en_three_quarters_of(
    Lang::En,
    "Three quarters of staff stayed.",
    "Three quarters",
    75.0,
    None
)]
#[case::en_one_in_five(Lang::En, "One in five workers quit.", "One in five", 20.0, None)]
#[case::de_jeder_vierte(Lang::De, "Jeder Vierte ist betroffen.", "Jeder Vierte", 25.0, None)]
#[case::de_jede_zehnte(Lang::De, "Jede zehnte Firma schloss.", "Jede zehnte", 10.0, None)]
#[case::de_ein_drittel(
    Lang::De,
    "Ein Drittel der Befragten stimmte zu.",
    "Ein Drittel",
    33.33,
    None
)]
#[case::de_zwei_fuenftel(Lang::De, "Zwei Fünftel der Firmen.", "Zwei Fünftel", 40.0, None)]
#[case::de_zwanzigstel(Lang::De, "Ein Zwanzigstel des Etats.", "Ein Zwanzigstel", 5.0, None)]
#[case::zh_yiban(Lang::Zh, "要完成下降一半的任务。", "一半", 50.0, None)]
// signs: after a bracket, and the word `minus`
#[case::de_negative_in_brackets(Lang::De, "Das Geschäft (-15,7 Prozent) sank.", "-15,7 Prozent", -15.7, None)]
#[case::de_minus(Lang::De, "Der Absatz lag bei minus 4,3 Prozent.", "minus 4,3 Prozent", -4.3, None)]
// hyphenated fractions are the same shares
#[case::en_three_hyphen_quarters(
    Lang::En,
    "Three-quarters of voters agreed.",
    "Three-quarters",
    75.0,
    None
)]
#[case::en_one_hyphen_fifth(Lang::En, "One-fifth of the budget went.", "One-fifth", 20.0, None)]
#[case::en_one_in_ten_digits(Lang::En, "1 in 10 adults smokes.", "1 in 10", 10.0, None)]
// the article counts one percent, as it counts one euro
#[case::de_ein_prozent(
    Lang::De,
    "Die Kosten stiegen um ein Prozent.",
    "ein Prozent",
    1.0,
    None
)]
#[case::de_einem_prozent(
    Lang::De,
    "Die Quote lag bei einem Prozent.",
    "einem Prozent",
    1.0,
    None
)]
#[case::en_by_a_quarter(Lang::En, "Prices rose by a quarter.", "a quarter", 25.0, None)]
#[case::en_as_many_as(
    Lang::En,
    "As many as 5 percent left.",
    "As many as 5 percent",
    5.0,
    Some(Bound::Le)
)]
#[case::en_nine_in_ten(Lang::En, "Nine in ten voters agreed.", "Nine in ten", 90.0, None)]
#[case::en_two_out_of_three(
    Lang::En,
    "Two out of three voters agreed.",
    "Two out of three",
    66.67,
    None
)]
#[case::de_neun_von_zehn(
    Lang::De,
    "Neun von zehn Ärzten stimmten zu.",
    "Neun von zehn",
    90.0,
    None
)]
#[case::de_einer_von_zehn(
    Lang::De,
    "Einer von zehn Arbeitern ist betroffen.",
    "Einer von zehn",
    10.0,
    None
)]
#[case::de_einen_prozentpunkt(
    Lang::De,
    "Sie stieg um einen Prozentpunkt.",
    "einen Prozentpunkt",
    1.0,
    None
)]
// Chinese fractions and tenths are shares too
#[case::zh_fenzhi(Lang::Zh, "公司有三分之一的员工离职。", "三分之一", 33.33, None)]
#[case::zh_cheng(Lang::Zh, "销量增长三成。", "三成", 30.0, None)]
#[case::zh_jin_liang_cheng(Lang::Zh, "近两成企业亏损。", "近两成", 20.0, Some(Bound::Approx))]
#[case::zh_cheng_ban(Lang::Zh, "三成半的受访者表示。", "三成半", 35.0, None)]
#[case::zh_digit_cheng(Lang::Zh, "近3成受访者表示。", "近3成", 30.0, Some(Bound::Approx))]
#[case::zh_decimal_cheng(Lang::Zh, "销量降低了2.5成。", "2.5成", 25.0, None)]
// per mille and smaller shares are exact, not rounded to two decimals
#[case::zh_qian_fen_zhi(Lang::Zh, "印花税税率为千分之一。", "千分之一", 0.1, None)]
#[case::zh_wan_fen_zhi(Lang::Zh, "佣金为万分之三。", "万分之三", 0.03, None)]
#[case::zh_bai_wan_fen_zhi(Lang::Zh, "浓度为百万分之五。", "百万分之五", 0.0005, None)]
#[case::zh_shi_fen_zhi(Lang::Zh, "十分之一的人。", "十分之一", 10.0, None)]
// Traditional characters read as their Simplified twins
#[case::zh_traditional_points(Lang::Zh, "恒指跌了1.5個百分點。", "1.5個百分點", 1.5, None)]
#[case::zh_traditional_share(Lang::Zh, "佣金為萬分之三。", "萬分之三", 0.03, None)]
fn percentages(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: f64,
    #[case] bound: Option<Bound>,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Percent);
    assert!(close(&f.value, &num(value)), "{:?}", f.value);
    assert_eq!(f.bound, bound);
}

#[rstest]
#[case::de_ueber(
    Lang::De,
    "Sie hatte über 1.000 Mitarbeiter.",
    "über 1.000",
    1000.0,
    Bound::Gt,
    Some("Mitarbeiter")
)]
#[case::de_mehr_als(
    Lang::De,
    "Er prüfte mehr als 50 Ausschreibungen.",
    "mehr als 50",
    50.0,
    Bound::Gt,
    Some("Ausschreibungen")
)]
#[case::de_mindestens(
    Lang::De,
    "Mindestens elf chinesische Einrichtungen.",
    "Mindestens elf",
    11.0,
    Bound::Ge,
    Some("Einrichtungen")
)]
#[case::de_rund(
    Lang::De,
    "Rund ein Dutzend Fachkräfte zieht um.",
    "Rund ein Dutzend",
    12.0,
    Bound::Approx,
    Some("Fachkräfte")
)]
#[case::de_etwa(
    Lang::De,
    "Etwa 300 Menschen kamen.",
    "Etwa 300",
    300.0,
    Bound::Approx,
    Some("Menschen")
)]
#[case::de_mehrere_hundert(
    Lang::De,
    "Das betraf mehreren Hundert Fachkräften.",
    "mehreren Hundert",
    100.0,
    Bound::Gt,
    Some("Fachkräften")
)]
#[case::en_over(
    Lang::En,
    "It employed over 1,000 people.",
    "over 1,000",
    1000.0,
    Bound::Gt,
    Some("people")
)]
#[case::en_more_than(
    Lang::En,
    "It published more than 100 academic papers.",
    "more than 100",
    100.0,
    Bound::Gt,
    Some("papers")
)]
#[case::en_at_least(
    Lang::En,
    "At least 12 firms left.",
    "At least 12",
    12.0,
    Bound::Ge,
    Some("firms")
)]
#[case::en_about(
    Lang::En,
    "About 40 staff moved.",
    "About 40",
    40.0,
    Bound::Approx,
    Some("staff")
)]
#[case::en_fewer_than(
    Lang::En,
    "Fewer than 10 remain.",
    "Fewer than 10",
    10.0,
    Bound::Lt,
    None
)]
#[case::en_some(
    Lang::En,
    "Some 300 workers marched.",
    "Some 300",
    300.0,
    Bound::Approx,
    Some("workers")
)]
#[case::zh_chaoguo(
    Lang::Zh,
    "超过1000人参加。",
    "超过1000",
    1000.0,
    Bound::Gt,
    Some("人")
)]
#[case::zh_yue(Lang::Zh, "约500人参加。", "约500", 500.0, Bound::Approx, Some("人"))]
#[case::zh_buzu(Lang::Zh, "不足5亿人。", "不足5亿", 5e8, Bound::Lt, Some("人"))]
// a negated bound is the opposite one, not the bound it ends with
#[case::zh_bu_chaoguo(
    Lang::Zh,
    "不超过300人参加。",
    "不超过300",
    300.0,
    Bound::Le,
    Some("人")
)]
#[case::zh_bu_diyu(
    Lang::Zh,
    "不低于20家企业。",
    "不低于20",
    20.0,
    Bound::Ge,
    Some("企业")
)]
#[case::en_not_more_than(
    Lang::En,
    "Not more than 40 staff moved.",
    "Not more than 40",
    40.0,
    Bound::Le,
    Some("staff")
)]
#[case::en_not_less_than(
    Lang::En,
    "Not less than 12 firms left.",
    "Not less than 12",
    12.0,
    Bound::Ge,
    Some("firms")
)]
#[case::de_nicht_mehr_als(
    Lang::De,
    "Nicht mehr als 50 Firmen blieben.",
    "Nicht mehr als 50",
    50.0,
    Bound::Le,
    Some("Firmen")
)]
#[case::de_nicht_weniger_als(
    Lang::De,
    "Nicht weniger als 50 Firmen blieben.",
    "Nicht weniger als 50",
    50.0,
    Bound::Ge,
    Some("Firmen")
)]
// 多 / 几 after a numeral: "more than" (also before 个, which jieba glues to the numeral)
#[case::zh_duo_ge(
    Lang::Zh,
    "三十多个国家参加了会议。",
    "三十多",
    30.0,
    Bound::Gt,
    Some("国家")
)]
#[case::zh_shi_ji(
    Lang::Zh,
    "十几个国家参加了会议。",
    "十几",
    10.0,
    Bound::Gt,
    Some("国家")
)]
#[case::zh_ershi_ji(Lang::Zh, "有二十几人受伤。", "二十几", 20.0, Bound::Gt, Some("人"))]
// 几 before a unit: some multiple of it
#[case::zh_ji_shi_wan(Lang::Zh, "几十万人受影响。", "几十万", 1e5, Bound::Gt, Some("人"))]
// a unit alone counted by the word before it
#[case::zh_shu_bai(Lang::Zh, "数百人受伤。", "数百", 100.0, Bound::Gt, Some("人"))]
#[case::zh_shang_wan(Lang::Zh, "上万人参加。", "上万", 1e4, Bound::Gt, Some("人"))]
#[case::zh_jin_qian(Lang::Zh, "近千人参加。", "近千", 1000.0, Bound::Approx, Some("人"))]
#[case::zh_shang_bai_jia(Lang::Zh, "上百家企业。", "上百", 100.0, Bound::Gt, Some("企业"))]
// 多 / 余 inside a number: more than so many
#[case::zh_shi_duo_wan(Lang::Zh, "十多万人参加。", "十多万", 1e5, Bound::Gt, Some("人"))]
// Traditional characters: read as Simplified, the counted noun as written
#[case::zh_traditional(
    Lang::Zh,
    "約300名員工參加。",
    "約300",
    300.0,
    Bound::Approx,
    Some("員工")
)]
// `gut` (a little over) and `knapp` (nearly), also between an article and its scale
#[case::de_gut(
    Lang::De,
    "Gut 500 Menschen kamen.",
    "Gut 500",
    500.0,
    Bound::Gt,
    Some("Menschen")
)]
#[case::de_einer_knappen_milliarde(
    Lang::De,
    "Sie half einer knappen Million Menschen.",
    "einer knappen Million",
    1e6,
    Bound::Approx,
    Some("Menschen")
)]
// plural scales that count a plural scale: `tens of thousands`, `Zehntausende`
#[case::en_tens_of_thousands(
    Lang::En,
    "Tens of thousands of people marched.",
    "Tens of thousands",
    1e4,
    Bound::Gt,
    None
)]
#[case::de_zehntausende(
    Lang::De,
    "Zehntausende Menschen demonstrierten.",
    "Zehntausende",
    1e4,
    Bound::Gt,
    Some("Menschen")
)]
#[case::de_hunderttausende(
    Lang::De,
    "Hunderttausende Menschen flohen.",
    "Hunderttausende",
    1e5,
    Bound::Gt,
    Some("Menschen")
)]
fn bounds_and_counted_nouns(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: f64,
    #[case] bound: Bound,
    #[case] unit: Option<&str>,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Cardinal);
    assert!(close(&f.value, &num(value)), "{:?}", f.value);
    assert_eq!(f.bound, Some(bound));
    assert_eq!(f.unit.as_deref(), unit);
}

/// A count of occasions or a multiplier counts `times` as its noun, as written (second edition:
/// the counted noun as written), as 次 and 倍 in Chinese and `Mal` in German do.
#[rstest]
#[case::en_frequency(Lang::En, "The Fed raised rates three times.", "three", "times")]
#[case::en_multiplier(
    Lang::En,
    "Buyers get up to 10 times their money.",
    "up to 10",
    "times"
)]
#[case::en_comparison(Lang::En, "Prices are 5 times higher.", "5", "times")]
#[case::de_mal(Lang::De, "Die Zinsen stiegen drei Mal.", "drei", "Mal")]
#[case::zh_ci(Lang::Zh, "美联储三次加息。", "三", "次")]
#[case::zh_bei(Lang::Zh, "价格高出10倍。", "10", "倍")]
fn times_and_multipliers_are_counted(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] unit: &str,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Cardinal);
    assert_eq!(f.unit.as_deref(), Some(unit));
}

#[rstest]
#[case::de_tage(Lang::De, "90 Tage lang sollten die Zölle sinken.", "90 Tage", "P90D")]
#[case::de_jahre(Lang::De, "Das dauerte drei Jahre.", "drei Jahre", "P3Y")]
#[case::de_monate(Lang::De, "Nach sechs Monaten war Schluss.", "sechs Monaten", "P6M")]
#[case::en_six_year(Lang::En, "Amazon's six-year run ends.", "six-year", "P6Y")]
#[case::en_weeks(Lang::En, "It took 3 weeks.", "3 weeks", "P3W")]
#[case::en_hours(Lang::En, "They talked for 12 hours.", "12 hours", "PT12H")]
#[case::zh_tian(Lang::Zh, "会议持续了3天。", "3天", "P3D")]
#[case::zh_geyue(Lang::Zh, "项目用了六个月。", "六个月", "P6M")]
// a count of a time unit from any number grammar
#[case::de_halbes_jahr(Lang::De, "Das dauerte ein halbes Jahr.", "ein halbes Jahr", "P0.5Y")]
#[case::en_two_and_a_half(
    Lang::En,
    "It took two and a half years.",
    "two and a half years",
    "P2.5Y"
)]
#[case::en_quarter_century(
    Lang::En,
    "It lasted a quarter of a century.",
    "a quarter of a century",
    "P25Y"
)]
// bounds before durations
#[case::en_about_months(Lang::En, "It took about 18 months.", "about 18 months", "P18M")]
#[case::zh_yu_yinian(Lang::Zh, "稳坐宝座逾一年。", "逾一年", "P1Y")]
// the first part of a German compound (`40-Jahres-Hoch`, `24-Stunden-Frist`)
#[case::de_jahres_compound(Lang::De, "Sie erreichte ein 40-Jahres-Hoch.", "40-Jahres", "P40Y")]
#[case::de_stunden_compound(Lang::De, "Eine 24-Stunden-Frist lief ab.", "24-Stunden", "PT24H")]
fn durations(#[case] lang: Lang, #[case] text: &str, #[case] span: &str, #[case] iso: &str) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Duration);
    assert_eq!(f.value, txt(iso));
}

#[rstest]
#[case::de_numeric(
    Lang::De,
    "Stand: 25.07.2025 - 14:55 Uhr",
    "25.07.2025",
    Some("2025-07-25")
)]
#[case::de_day_month(
    Lang::De,
    "Die Frist läuft am 12. August aus.",
    "12. August",
    Some("2025-08-12")
)]
#[case::de_day_month_year(
    Lang::De,
    "Am 3. Oktober 2024 war Feiertag.",
    "3. Oktober 2024",
    Some("2024-10-03")
)]
#[case::de_year(
    Lang::De,
    "Das 2018 gegründete Zentrum schließt.",
    "2018",
    Some("2018")
)]
#[case::de_year_sentence_start(
    Lang::De,
    "2019 beendete der Konzern das Geschäft.",
    "2019",
    Some("2019")
)]
#[case::de_month_alone(Lang::De, "Er hatte bereits im Juni gewarnt.", "Juni", Some("2025-06"))]
// a year after a word that governs one, even before a noun (`2018 Mitarbeiter` is a count)
#[case::de_year_before_noun(Lang::De, "Anfang 2023 Preise senkte er.", "2023", Some("2023"))]
#[case::de_bis_year(
    Lang::De,
    "VW will bis 2030 rund 35.000 Stellen abbauen.",
    "2030",
    Some("2030")
)]
#[case::en_year_before_noun(Lang::En, "In 2020 sales rose.", "2020", Some("2020"))]
#[case::en_end_of_year(Lang::En, "By the end of 2022 prices fell.", "2022", Some("2022"))]
#[case::en_iso(Lang::En, "2025-07-23 09:50:44", "2025-07-23", Some("2025-07-23"))]
#[case::en_day_month_year(
    Lang::En,
    "date 24 July 2025 09:00",
    "24 July 2025",
    Some("2025-07-24")
)]
#[case::en_month_day_year(
    Lang::En,
    "On July 4, 2024 it opened.",
    "July 4, 2024",
    Some("2024-07-04")
)]
#[case::en_year(
    Lang::En,
    "The lab was established in 2018 by AWS.",
    "2018",
    Some("2018")
)]
#[case::en_slash(Lang::En, "Meet on 5/17/2018 then.", "5/17/2018", Some("2018-05-17"))]
#[case::zh_full(
    Lang::Zh,
    "2025年7月24日，实验室关闭。",
    "2025年7月24日",
    Some("2025-07-24")
)]
#[case::zh_year(Lang::Zh, "该实验室成立于2018年。", "2018年", Some("2018"))]
fn absolute_dates(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: Option<&str>,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Date);
    assert_eq!(f.value, value.map(|v| FigureValue::Text(v.into())));
}

#[rstest]
#[case::de_donnerstag(
    Lang::De,
    "Amazon bestätigte am Donnerstag die Schließung.",
    "Donnerstag",
    "2025-07-24"
)]
#[case::de_mittwoch(Lang::De, "Glasser sprach am Mittwoch.", "Mittwoch", "2025-07-23")]
#[case::de_wochenende(
    Lang::De,
    "Die Schau soll am Wochenende stattfinden.",
    "Wochenende",
    "2025-07-26"
)]
#[case::de_kommende_woche(
    Lang::De,
    "Sie sprechen in der kommenden Woche.",
    "kommenden Woche",
    "2025-W31"
)]
#[case::de_vergangenes_jahr(
    Lang::De,
    "Im vergangenen Jahr folgte das Aus.",
    "vergangenen Jahr",
    "2024"
)]
// two back (`vorletzten`, `the year before last`), the dative `-em` forms, `diesen` + month,
// day and month in digits after a preposition of time
#[case::de_vorletztes_jahr(Lang::De, "Im vorletzten Jahr sank er.", "vorletzten Jahr", "2023")]
#[case::en_year_before_last(Lang::En, "It sank the year before last.", "year before last", "2023")]
#[case::de_naechstem_jahr(Lang::De, "In nächstem Jahr steigt er.", "nächstem Jahr", "2026")]
#[case::de_diesen_september(Lang::De, "Diesen September steigt er.", "September", "2025-09")]
#[case::de_am_tag_monat(Lang::De, "Die Sitzung ist am 22.04. geplant.", "22.04", "2025-04-22")]
#[case::de_bis_zum_tag_monat(
    Lang::De,
    "Die Frist läuft bis zum 28.10 weiter.",
    "28.10",
    "2025-10-28"
)]
// the day with its part, the edge of a period with its qualifier
#[case::en_this_morning(Lang::En, "Shares fell this morning.", "this morning", "2025-07-24")]
#[case::en_last_night(Lang::En, "The deal closed last night.", "last night", "2025-07-23")]
#[case::de_gestern_abend(
    Lang::De,
    "Die Aktie fiel gestern Abend.",
    "gestern Abend",
    "2025-07-23"
)]
#[case::de_ende_naechsten_jahres(
    Lang::De,
    "Der Deal soll bis Ende nächsten Jahres stehen.",
    "Ende nächsten Jahres",
    "2026"
)]
#[case::de_anfang_der_woche(
    Lang::De,
    "Die Aktie fiel Anfang der Woche.",
    "Anfang der Woche",
    "2025-W30"
)]
#[case::en_end_of_the_month(
    Lang::En,
    "It closes by the end of the month.",
    "end of the month",
    "2025-07"
)]
// the day as an ordinal word (English with `of`)
#[case::de_ersten_mai(Lang::De, "Die Demo am ersten Mai.", "ersten Mai", "2025-05-01")]
#[case::en_twenty_first_of(
    Lang::En,
    "The vote is on the twenty-first of August.",
    "twenty-first of August",
    "2025-08-21"
)]
// named holidays in the publication's year, or the year after them
#[case::de_heiligabend(Lang::De, "An Heiligabend bleibt er zu.", "Heiligabend", "2025-12-24")]
#[case::de_ostern(Lang::De, "Zu Ostern stieg er.", "Ostern", "2025-04-20")]
#[case::de_tag_der_arbeit(
    Lang::De,
    "Am Tag der Arbeit streikten sie.",
    "Tag der Arbeit",
    "2025-05-01"
)]
#[case::de_weihnachten_year(
    Lang::De,
    "Vor Weihnachten 2020 stieg er.",
    "Weihnachten 2020",
    "2020-12-25"
)]
#[case::en_black_friday(Lang::En, "Sales rose on Black Friday.", "Black Friday", "2025-11-28")]
#[case::en_christmas_eve(Lang::En, "It closes on Christmas Eve.", "Christmas Eve", "2025-12-24")]
#[case::zh_guoqing(Lang::Zh, "国庆节期间销量增长。", "国庆节", "2025-10-01")]
#[case::de_anfang_des_jahres(
    Lang::De,
    "Microsoft hatte Anfang des Jahres reagiert.",
    "Anfang des Jahres",
    "2025"
)]
#[case::en_thursday(Lang::En, "Amazon confirmed on Thursday.", "Thursday", "2025-07-24")]
#[case::en_monday(Lang::En, "It closed on Monday.", "Monday", "2025-07-21")]
#[case::zh_zhousi(Lang::Zh, "该实验室周四宣布关闭。", "周四", "2025-07-24")]
#[case::zh_xingqiyi(Lang::Zh, "公司星期一表示。", "星期一", "2025-07-21")]
#[case::zh_shangzhousi(Lang::Zh, "上周四宣布。", "上周四", "2025-07-17")]
#[case::zh_xiazhouyi(Lang::Zh, "下周一开始。", "下周一", "2025-07-28")]
#[case::en_last_year(Lang::En, "Sales fell last year.", "last year", "2024")]
#[case::en_earlier_this_year(
    Lang::En,
    "Earlier this year, Microsoft shut its lab.",
    "Earlier this year",
    "2025"
)]
#[case::en_next_week(Lang::En, "Talks resume next week.", "next week", "2025-W31")]
#[case::en_yesterday(
    Lang::En,
    "The firm said yesterday it would close.",
    "yesterday",
    "2025-07-23"
)]
#[case::zh_qunian(Lang::Zh, "去年销售下降。", "去年", "2024")]
#[case::zh_jinnian(Lang::Zh, "今年增长了。", "今年", "2025")]
#[case::zh_zuotian(Lang::Zh, "公司昨天宣布。", "昨天", "2025-07-23")]
#[case::zh_qiantian(Lang::Zh, "公司前天宣布。", "前天", "2025-07-22")]
// a weekday written with its date is that date
#[case::de_weekday_with_date(Lang::De, "Am Montag, den 7. Juli, stieg er.", "Montag", "2025-07-07")]
#[case::en_weekday_with_date(Lang::En, "On Monday, July 7, it rose.", "Monday", "2025-07-07")]
// a count written as an article before `ago` / after `vor`
#[case::en_a_year_ago(Lang::En, "A year ago it was five.", "A year ago", "2024")]
#[case::de_vor_einem_jahr(Lang::De, "Vor einem Jahr lag er bei fünf.", "Vor einem Jahr", "2024")]
// a weekday in a clause that is due or scheduled is the next one (published on a Thursday)
#[case::en_due_on(Lang::En, "Results are due on Monday.", "Monday", "2025-07-28")]
#[case::en_scheduled_for(Lang::En, "The vote is scheduled for Friday.", "Friday", "2025-07-25")]
fn relative_dates(#[case] lang: Lang, #[case] text: &str, #[case] span: &str, #[case] value: &str) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Date);
    assert_eq!(f.value, txt(value));
}

#[test]
fn relative_dates_without_reference_are_null() {
    let text = "Amazon bestätigte am Donnerstag die Schließung.";
    let figs = FigureRecognizer::new().recognize(text, Lang::De, None);
    let f = find(&figs, text, "Donnerstag");
    assert_eq!(f.value, None);
}

#[rstest]
#[case::de_uhr(Lang::De, "Stand 14:55 Uhr heute.", "14:55 Uhr", "14:55")]
#[case::de_hour(Lang::De, "Beginn um 9 Uhr.", "9 Uhr", "09:00")]
#[case::en_seconds(Lang::En, "2025-07-23 09:50:44", "09:50:44", "09:50:44")]
#[case::en_pm(Lang::En, "The call starts at 3 pm today.", "3 pm", "15:00")]
// minutes with a.m./p.m. in every spelling; German minutes after a point
#[case::en_minutes_pm(Lang::En, "It began at 2:30 p.m. on Monday.", "2:30 p.m.", "14:30")]
#[case::en_glued_pm(Lang::En, "It began at 2:30pm.", "2:30pm", "14:30")]
#[case::en_upper_pm(Lang::En, "It began at 3 PM.", "3 PM", "15:00")]
#[case::en_glued_am_before_zone(Lang::En, "It began at 9am ET.", "9am", "09:00")]
#[case::de_point_uhr(Lang::De, "Die Sitzung begann um 14.30 Uhr.", "14.30 Uhr", "14:30")]
#[case::de_point_uhr_morning(Lang::De, "Die Sitzung begann um 9.15 Uhr.", "9.15 Uhr", "09:15")]
// spelled hours, halves and quarters; the part of the day after sets the half of the day
#[case::de_word_hour(Lang::De, "Beginn um acht Uhr.", "acht Uhr", "08:00")]
#[case::de_one_hour(Lang::De, "Beginn um ein Uhr.", "ein Uhr", "01:00")]
#[case::de_halb(Lang::De, "Wir treffen uns um halb drei.", "halb drei", "02:30")]
#[case::de_viertel_nach(
    Lang::De,
    "Beginn gegen Viertel nach neun.",
    "Viertel nach neun",
    "09:15"
)]
#[case::de_viertel_vor(Lang::De, "Beginn um Viertel vor acht.", "Viertel vor acht", "07:45")]
#[case::de_evening(Lang::De, "Beginn um 8 Uhr abends.", "8 Uhr", "20:00")]
#[case::de_am_abend(Lang::De, "Beginn um acht Uhr am Abend.", "acht Uhr", "20:00")]
#[case::de_night(Lang::De, "Es knallte um elf Uhr nachts.", "elf Uhr", "23:00")]
#[case::de_midnight(Lang::De, "Die Frist endet um Mitternacht.", "Mitternacht", "00:00")]
#[case::en_oclock(Lang::En, "It began at three o'clock.", "three o'clock", "03:00")]
#[case::en_half_past(Lang::En, "It began at half past two.", "half past two", "02:30")]
#[case::en_quarter_to(
    Lang::En,
    "It began at a quarter to five.",
    "a quarter to five",
    "04:45"
)]
#[case::en_evening(
    Lang::En,
    "It began at eight o'clock in the evening.",
    "eight o'clock",
    "20:00"
)]
#[case::en_noon(Lang::En, "The deadline passed at noon.", "noon", "12:00")]
// the part of the day after digits (`6:30 in the evening`) and after a bare hour with `at`
#[case::en_digits_evening(Lang::En, "It opens at 6:30 in the evening.", "6:30", "18:30")]
#[case::en_bare_hour_morning(Lang::En, "Talks resumed at 9 in the morning.", "9", "09:00")]
#[case::en_bare_hour_night(Lang::En, "It happened at 11 at night.", "11", "23:00")]
#[case::de_dot_am_abend(Lang::De, "Beginn um 6.30 Uhr am Abend.", "6.30 Uhr", "18:30")]
#[case::de_colon_abends(Lang::De, "Beginn um 8:15 abends.", "8:15", "20:15")]
fn times(#[case] lang: Lang, #[case] text: &str, #[case] span: &str, #[case] value: &str) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Time);
    assert_eq!(f.value, txt(value));
}

#[rstest]
#[case::en_first(Lang::En, "It was the first lab abroad.", "first", 1.0)]
#[case::en_21st(Lang::En, "In the 21st century.", "21st", 21.0)]
#[case::en_after_article(Lang::En, "He won a third term.", "third", 3.0)]
#[case::en_superlative(Lang::En, "Sears is the third-largest retailer.", "third-largest", 3.0)]
#[case::de_dritte(Lang::De, "Das ist der dritte Versuch.", "dritte", 3.0)]
#[case::zh_di(Lang::Zh, "这是第三次。", "第三", 3.0)]
#[case::zh_di_digits(Lang::Zh, "成为国内第32家合资基金公司。", "第32", 32.0)]
#[case::en_a_second_term(Lang::En, "He won a second term.", "second", 2.0)]
fn ordinals(#[case] lang: Lang, #[case] text: &str, #[case] span: &str, #[case] value: f64) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Ordinal);
    assert!(close(&f.value, &num(value)));
}

/// Ranges of clock times are one TIME with `upper` (guideline, second edition), the lower end
/// in the upper end's half of the day where only the upper end says it (`2 to 4 p.m.`), the
/// upper end in the lower end's in Chinese (`下午2点到4点`).
#[rstest]
#[case::de_bis(
    Lang::De,
    "Geöffnet von 14 bis 16 Uhr.",
    "14 bis 16 Uhr",
    "14:00",
    "16:00"
)]
#[case::de_zwischen(
    Lang::De,
    "Geöffnet zwischen 9 und 11 Uhr.",
    "zwischen 9 und 11 Uhr",
    "09:00",
    "11:00"
)]
#[case::de_afternoon(
    Lang::De,
    "Ich bin von 5 bis 6 Uhr nachmittags weg.",
    "5 bis 6 Uhr",
    "17:00",
    "18:00"
)]
#[case::en_pm(
    Lang::En,
    "Polls are open from 2 to 4 p.m. today.",
    "2 to 4 p.m.",
    "14:00",
    "16:00"
)]
#[case::en_minutes(
    Lang::En,
    "The session ran from 9:30 to 11:00.",
    "9:30 to 11:00",
    "09:30",
    "11:00"
)]
#[case::zh_afternoon(Lang::Zh, "会议在下午2点到4点举行。", "下午2点到4点", "14:00", "16:00")]
#[case::zh_hours(Lang::Zh, "8时至11时停电。", "8时至11时", "08:00", "11:00")]
fn time_ranges(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: &str,
    #[case] upper: &str,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Time);
    assert_eq!((f.value.clone(), f.upper.clone()), (txt(value), txt(upper)));
}

/// A score or a night shift runs backwards: two figures, no range.
#[rstest]
#[case(Lang::En, "The score was 3 to 2 at 5 p.m.", &["3", "2", "5 p.m."])]
#[case(Lang::De, "Schicht von 22 bis 6 Uhr.", &["22", "6 Uhr"])]
fn no_time_ranges(#[case] lang: Lang, #[case] text: &str, #[case] want: &[&str]) {
    let figs = figures(text, lang);
    let got: Vec<&str> = figs.iter().map(|f| &text[f.start..f.end]).collect();
    assert_eq!(got, want);
}

/// Clock times in Chinese: hour with 时 or 点, minutes, 半, a time of day before (下午 adds
/// twelve hours), 许 / 左右 / 多 after.
#[rstest]
#[case("民警21时14分发现", "21时14分", "21:14")]
#[case("5月7日20时许，警方", "20时许", "20:00")]
#[case("6月14日下午6点多，他", "下午6点多", "18:00")]
#[case("航班预计当晚23点30分到达", "23点30分", "23:30")]
#[case("当晚21时左右，他", "21时左右", "21:00")]
#[case("上午九点半开会", "上午九点半", "09:30")]
fn chinese_clock_times(#[case] text: &str, #[case] span: &str, #[case] value: &str) {
    let figs = figures(text, Lang::Zh);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Time);
    assert_eq!(f.value, txt(value));
}

/// Numerals in other words are no clock times: 一时 "for a while", 三点 "three points",
/// index points after a decimal.
#[rstest]
#[case("他一时难以接受")]
#[case("以下三点值得注意")]
#[case("沪指上涨3.5点")]
fn chinese_non_times(#[case] text: &str) {
    assert!(
        figures(text, Lang::Zh).iter().all(|f| f.kind != T::Time),
        "{text}"
    );
}

/// A month or a day on its own is a date (the month resolved with the publication year; a
/// day without its month has no value).
#[rstest]
#[case("就在4月，国家环保部", "4月", Some("2025-04"))]
#[case("香港媒体于6月份曝光", "6月份", Some("2025-06"))]
#[case("至11月中旬被驳回", "11月中旬", Some("2025-11"))]
#[case("23日，在中国循环经济论坛上", "23日", None)]
fn chinese_months_and_days(#[case] text: &str, #[case] span: &str, #[case] value: Option<&str>) {
    let reference = chrono::NaiveDate::from_ymd_opt(2025, 7, 24);
    let figs = crate::FigureRecognizer::new().recognize(text, Lang::Zh, reference);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Date);
    assert_eq!(f.value, value.map(|v| FigureValue::Text(v.into())));
}

/// The guideline's Chinese spans: trailing 多 / 余 / 左右 are bounds inside the span, a
/// measure word stays outside it, a decimal duration is read whole.
#[rstest]
#[case("至晚上已有10多伙获预留", "10多", T::Cardinal, Some(Bound::Gt))]
#[case("今明年要下降10%左右", "10%左右", T::Percent, Some(Bound::Approx))]
#[case("对20吨及以下转炉", "20", T::Cardinal, None)]
#[case("钢铁产能过剩超过1亿吨", "超过1亿", T::Cardinal, Some(Bound::Gt))]
#[case("历时1.5小时的答问大会", "1.5小时", T::Duration, None)]
#[case("入读大学两三个月后", "两三个月", T::Duration, None)]
fn chinese_figure_edges(
    #[case] text: &str,
    #[case] span: &str,
    #[case] kind: T,
    #[case] bound: Option<Bound>,
) {
    let figs = figures(text, Lang::Zh);
    let f = find(&figs, text, span);
    assert_eq!((f.kind, f.bound), (kind, bound));
}

/// Numerals inside ordinary words are no figures (guideline, second edition); counts stay.
#[rstest]
#[case("二手市场很热", &[])]
#[case("他一直在等", &[])]
#[case("为进一步查明情况", &[])]
#[case("在参与聚会的同学中", &[])]
#[case("2009年二氧化硫排放", &["2009年"])]
#[case("有两万人。", &["两万"])]
#[case("位列美国前五大银行之列", &["五"])]
#[case("两人学习成绩优异", &["两"])]
// `一` + classifier is the determiner "a", unless a focus word makes it a count
#[case("筹备成立一家合资基金管理公司", &[])]
#[case("这是一个关键组成部分", &[])]
#[case("只看到了警方的一条官方微博", &["一"])]
#[case("其中只有一句话", &["一"])]
// a quoted numeral name (the eleventh five-year plan) is no count
#[case("提前实现“十一五”的减排指标", &[])]
#[case("“一”和“五”", &["一", "五"])]
#[case("这是他的伎俩", &[])]
#[case("危机爆发后，一度自顾不暇的机构", &[])]
#[case("股价一路上涨", &[])]
#[case("中国的“一带一路”倡议", &[])]
#[case("稳坐豪宅一哥宝座逾一年", &["逾一年"])]
// 万一 is "in case"; 一成不变 "unchanging"
#[case("专家表示，万一出事怎么办。", &[])]
#[case("他的态度一成不变。", &[])]
// a unit that starts a word is no number, counted or not; nor is the adverb 千万
#[case("他上百度搜索。", &[])]
#[case("百姓生活。", &[])]
#[case("你千万不要去。", &[])]
#[case("目前天气晴朗。", &[])]
#[case("之后天气转凉。", &[])]
// places fall within a number: 百 after 七十 begins the word 百分位 (percentile)
#[case("收入处于第七十百分位。", &["第七十"])]
#[case("三千五百万人", &["三千五百万"])]
#[case("一百一十人", &["一百一十"])]
fn chinese_numerals_in_words(#[case] text: &str, #[case] want: &[&str]) {
    let figs = figures(text, Lang::Zh);
    let got: Vec<&str> = figs.iter().map(|f| &text[f.start..f.end]).collect();
    assert_eq!(got, want, "{text}");
}

#[rstest]
#[case::de_bis(Lang::De, "Es kamen 10 bis 20 Gäste.", "10 bis 20", 10.0, 20.0)]
#[case::en_between(
    Lang::En,
    "It costs between 5 and 7 dollars.",
    "between 5 and 7 dollars",
    5.0,
    7.0
)]
#[case::en_dash(Lang::En, "It takes 3-5 people.", "3-5", 3.0, 5.0)]
// a bare lower end counts in the upper end's scale; a bound inside a Chinese range is its end's
#[case::en_scale_of_upper(
    Lang::En,
    "It will cost 3 to 4 billion dollars.",
    "3 to 4 billion dollars",
    3e9,
    4e9
)]
#[case::zh_scale_of_upper(Lang::Zh, "市值30至40亿元。", "30至40亿元", 3e9, 4e9)]
#[case::zh_bound_inside(Lang::Zh, "售价9800万至近1.4亿元。", "9800万至近1.4亿元", 9.8e7, 1.4e8)]
#[case::lower_with_own_scale(Lang::En, "It is 500 to 1 million.", "500 to 1 million", 500.0, 1e6)]
// an approximation before the lower end is the range's; a currency written once
#[case::en_about_dash(
    Lang::En,
    "About 3,000-4,000 jobs were cut.",
    "About 3,000-4,000",
    3000.0,
    4000.0
)]
#[case::de_etwa_bis(
    Lang::De,
    "Es waren etwa 10 bis 20 Prozent.",
    "etwa 10 bis 20 Prozent",
    10.0,
    20.0
)]
#[case::en_currency_once(Lang::En, "It paid $5-10 million.", "$5-10 million", 5e6, 1e7)]
fn ranges(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] lo: f64,
    #[case] hi: f64,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert!(close(&f.value, &num(lo)));
    assert!(close(&f.upper, &num(hi)));
}

/// Quarters and half-years are ranges of months (value the first, upper the last).
#[rstest]
#[case::quarter_en(Lang::En, "Sales rose in Q4 2020.", "Q4 2020", "2020-10", "2020-12")]
#[case::quarter_zh_previous(Lang::Zh, "上一季度利润增长。", "上一季度", "2025-04", "2025-06")]
#[case::half_zh_relative(Lang::Zh, "今年下半年利润增长。", "今年下半年", "2025-07", "2025-12")]
#[case::quarter_de(
    Lang::De,
    "Im 3. Quartal 2015 stieg der Umsatz.",
    "3. Quartal 2015",
    "2015-07",
    "2015-09"
)]
#[case::quarter_zh(
    Lang::Zh,
    "2009年一季度利润增长。",
    "2009年一季度",
    "2009-01",
    "2009-03"
)]
#[case::half_zh(
    Lang::Zh,
    "2009年上半年利润增长。",
    "2009年上半年",
    "2009-01",
    "2009-06"
)]
#[case::half_en(
    Lang::En,
    "Sales rose in the first half of 2021.",
    "first half of 2021",
    "2021-01",
    "2021-06"
)]
#[case::half_de(
    Lang::De,
    "In der ersten Hälfte des Kalenderjahres 2021 stieg es.",
    "ersten Hälfte des Kalenderjahres 2021",
    "2021-01",
    "2021-06"
)]
#[case::half_de_halbjahr(
    Lang::De,
    "Im zweiten Halbjahr 2020 sank es.",
    "zweiten Halbjahr 2020",
    "2020-07",
    "2020-12"
)]
// a half-year without a number: the year named by a word, else by the clause's tense
#[case::half_en_last_year(
    Lang::En,
    "Sales rose in the second half of last year.",
    "second half of last year",
    "2024-07",
    "2024-12"
)]
#[case::half_en_the_year_past(
    Lang::En,
    "Sales fell in the first half of the year.",
    "first half of the year",
    "2025-01",
    "2025-06"
)]
#[case::half_en_the_year_future(
    Lang::En,
    "Sales will recover in the first half of the year.",
    "first half of the year",
    "2026-01",
    "2026-06"
)]
#[case::half_en_possessive(
    Lang::En,
    "This year's first half was weak.",
    "This year's first half",
    "2025-01",
    "2025-06"
)]
#[case::half_de_jahreshaelfte_future(
    Lang::De,
    "In der zweiten Jahreshälfte werden die Preise steigen.",
    "zweiten Jahreshälfte",
    "2025-07",
    "2025-12"
)]
#[case::half_de_of_last_year(
    Lang::De,
    "Im ersten Halbjahr des vergangenen Jahres sank er.",
    "ersten Halbjahr des vergangenen Jahres",
    "2024-01",
    "2024-06"
)]
#[case::half_zh_next_year(Lang::Zh, "明年上半年将增长。", "明年上半年", "2026-01", "2026-06")]
#[case::half_h1_alone(Lang::En, "The firm's H1 profit doubled.", "H1", "2025-01", "2025-06")]
// a split year: a season, a school year
#[case::year_pair_short(Lang::En, "The 2022/23 season ended.", "2022/23", "2022", "2023")]
#[case::year_pair_long(
    Lang::De,
    "Im Schuljahr 2019/2020 stieg sie.",
    "2019/2020",
    "2019",
    "2020"
)]
// a decade is its ten years
#[case::decade_en(Lang::En, "In the 1980s prices rose.", "1980s", "1980", "1989")]
#[case::decade_en_apostrophe(Lang::En, "In the 1990's it fell.", "1990's", "1990", "1999")]
#[case::decade_de(
    Lang::De,
    "Mitte der 1990er Jahre begann es.",
    "1990er",
    "1990",
    "1999"
)]
#[case::decade_de_dative(Lang::De, "In den 1980ern stieg er.", "1980ern", "1980", "1989")]
fn periods_are_month_ranges(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] first: &str,
    #[case] last: &str,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!((f.value.clone(), f.upper.clone()), (txt(first), txt(last)));
}

/// A part of the day stays with its day: `Tuesday morning`, `2月10日晚间`, `昨晚`.
#[rstest]
#[case::en(
    Lang::En,
    "They met on Tuesday morning.",
    "Tuesday morning",
    "2025-07-22"
)]
#[case::zh_date(Lang::Zh, "7月10日晚间，记者证实。", "7月10日晚间", "2025-07-10")]
#[case::zh_last_night(Lang::Zh, "昨晚他来了。", "昨晚", "2025-07-23")]
fn parts_of_the_day(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: &str,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.value, txt(value));
}

/// A change is two figures, not a range (guideline, second edition).
#[rstest]
#[case::en_from_to(Lang::En, "Revenue slipped from £3.24bn to £2.89bn.", &["£3.24bn", "£2.89bn"])]
#[case::en_from_to_words(Lang::En, "Staff fell from 155,000 to 110,000.", &["155,000", "110,000"])]
#[case::de_von_auf(Lang::De, "Der Umsatz sank von 3,2 auf 2,9 Milliarden Euro.", &["3,2", "2,9 Milliarden Euro"])]
fn changes_are_two_figures(#[case] lang: Lang, #[case] text: &str, #[case] want: &[&str]) {
    let figs = figures(text, lang);
    let got: Vec<&str> = figs.iter().map(|f| &text[f.start..f.end]).collect();
    assert_eq!(got, want);
    assert!(figs.iter().all(|f| f.upper.is_none()));
}

/// The old value of a change is an amount of the new value's kind, unit and scale.
#[rstest]
#[case::de_money(
    Lang::De,
    "Die Dividende sinkt von 1,40 auf 0,60 Euro je Aktie.",
    "1,40",
    T::Money,
    1.4,
    Some("EUR")
)]
#[case::de_scale(
    Lang::De,
    "Der Umsatz sank von 3,2 auf 2,9 Milliarden Euro.",
    "3,2",
    T::Money,
    3.2e9,
    Some("EUR")
)]
#[case::de_own_scale(
    Lang::De,
    "Das EGT fiel von 440,5 Mio. auf 175,3 Mio. Euro.",
    "440,5 Mio.",
    T::Money,
    440.5e6,
    Some("EUR")
)]
#[case::de_percent(
    Lang::De,
    "Die Quote stieg von 3 auf 5 Prozent.",
    "3",
    T::Percent,
    3.0,
    Some("%")
)]
#[case::de_cent(
    Lang::De,
    "Der Preis stieg von 90 auf 95 Cent.",
    "90",
    T::Money,
    0.9,
    Some("EUR")
)]
#[case::en_scale(
    Lang::En,
    "Revenue fell from 3.2 to 2.9 billion dollars.",
    "3.2",
    T::Money,
    3.2e9,
    Some("USD")
)]
#[case::en_symbol(
    Lang::En,
    "Shares fell from 12 to $9.50.",
    "12",
    T::Money,
    12.0,
    Some("USD")
)]
// a scale that would change the order of magnitude is not the old value's
#[case::en_no_scale(
    Lang::En,
    "Sales rose from 900 to 1.2 billion dollars.",
    "900",
    T::Money,
    900.0,
    Some("USD")
)]
fn the_old_value_of_a_change_takes_the_new_ones_unit(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] kind: T,
    #[case] value: f64,
    #[case] unit: Option<&str>,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(
        (f.kind, f.value.clone(), f.unit.as_deref()),
        (kind, num(value), unit)
    );
}

/// Bare numbers in a list between two percentages (or amounts in one currency) share
/// their unit; a count between percentages in different clauses does not.
#[rstest]
#[case(
    "South Korea followed with 13.43 per cent of spam, China with 8.44, Canada with 5.71 and France with 1.37 percent.",
    &[("8.44", T::Percent), ("5.71", T::Percent)]
)]
#[case("Revenue rose 5% in 2019, and 3 new stores opened, up 7%.", &[("3", T::Cardinal)])]
fn units_of_a_list(#[case] text: &str, #[case] want: &[(&str, T)]) {
    let figs = figures(text, Lang::En);
    for (span, kind) in want {
        assert_eq!(find(&figs, text, span).kind, *kind, "{span}");
    }
}

/// What stays although letters touch it: a multiplier, a decade, units and scales.
#[rstest]
#[case(Lang::En, "a 3x rise", "3")]
#[case(Lang::En, "people in their 80s", "80")]
#[case(Lang::En, "a 5km run", "5km")]
#[case(Lang::En, "40K jobs", "40K")]
#[case(Lang::En, "the 2nd time", "2nd")]
#[case(Lang::En, "a top-10 finish", "10")]
fn letters_that_belong_to_the_figure(#[case] lang: Lang, #[case] text: &str, #[case] span: &str) {
    find(&figures(text, lang), text, span);
}

#[rstest]
#[case::not_a_word_part(Lang::En, "The COVID19 wave and the A320 jet.")]
#[case::list_marker(Lang::De, "1. Startseite")]
#[case::tz_offset(Lang::En, "09:00 (UTC+04:00)")]
#[case::zh_words(Lang::Zh, "仅供您提供一般信息，从第三方采购。")]
#[case::one_pronoun(Lang::En, "One of the labs closed; no one knew.")]
#[case::article(Lang::De, "Ein Sprecher bestätigte eine Schließung.")]
#[case::quarters_in_a_row(Lang::De, "Das Viertel wuchs.")]
#[case::phone_nanp(Lang::En, "Call (860) 208-3416 today.")]
#[case::phone_international(Lang::De, "Rufen Sie +49 30 1234567 an.")]
// numbers written into names and codes
#[case::glued_letter(Lang::En, "The 3D glasses and the 3er-BMW.")]
#[case::network_generation(Lang::En, "Its 5G network replaced 4G in May.")]
#[case::filing(Lang::En, "The company filed its 10-K report.")]
#[case::letters_hyphen_before(Lang::En, "The F-16 jets and Covid-19 cases.")]
#[case::zh_flat_numbers(Lang::Zh, "天汇66B复式户，分别为58C、D及E。")]
#[case::zh_network(Lang::Zh, "比如5G电信、机器人。")]
fn no_spurious_figures(#[case] lang: Lang, #[case] text: &str) {
    let figs = figures(text, lang);
    let spurious: Vec<&str> = figs
        .iter()
        .filter(|f| f.kind != T::Time && f.kind != T::Date)
        .map(|f| &text[f.start..f.end])
        .collect();
    assert!(spurious.is_empty(), "{spurious:?}");
}

#[rstest]
#[case::de_erstpublikation("Artikel\n\nErstpublikation: 24.07.2025, 14:50 Uhr.", "2025-07-24")]
#[case::en_iso(
    "Cryptopolitan\n2025-07-23 09:50:44\n\nAmazon has closed its lab.",
    "2025-07-23"
)]
#[case::en_day_month(
    " date 2025-07-24 24 July 2025 09:00 (UTC+04:00)\n\nBy Alimat Aliyeva",
    "2025-07-24"
)]
#[case::de_trailing_stamp(
    "Frankfurt – Die Bundesbank stemmt sich gegen Pläne.\n\nDas sagte Thiele am Mittwoch. (APA/Reuters, 3.3.2016)",
    "2016-03-03"
)]
#[case::de_stamp_with_editor("Smartphones sind ein Geschäft. (red, 13.10.2015)\n", "2015-10-13")]
#[case::en_outlet_stamp(
    "China apologised.\n\n\"We have a problem.\" The Japan Times: Nov. 17, 2004\n(C) All rights reserved\nAbout us / Contact us",
    "2004-11-17"
)]
#[case::en_dateline_year_from_text(
    "BEIJING, Dec. 29 (Xinhuanet) -- The United States sent most spam in 2004, a report said.",
    "2004-12-29"
)]
#[case::zh_dateline_year_from_text(
    "正义网镇江9月5日电 记者获悉，2013年以来该院受理案件120件。",
    "2013-09-05"
)]
#[case::zh_traditional_dateline(
    "正義網鎮江9月5日電 記者獲悉，2013年以來該院受理案件120件。",
    "2013-09-05"
)]
fn datelines(#[case] text: &str, #[case] date: &str) {
    let (d, s, e) = find_dateline(text).expect("a dateline");
    assert_eq!(d.format("%Y-%m-%d").to_string(), date);
    assert!(s < e && e <= text.len());
}

#[rstest]
#[case::plain("Amazon zieht sich weiter aus China zurück.")]
#[case::dateline_without_a_year_in_the_text(
    "中新网10月10日电 香港恒基地产今年的一项豪宅项目售价近1.4亿元。"
)]
fn no_dateline(#[case] text: &str) {
    assert_eq!(find_dateline(text), None, "{text}");
}

/// Past the head of the document, a date that ends a sentence (with its stop) is no stamp.
#[test]
fn a_sentence_ending_in_a_date_is_no_stamp() {
    let head = "Kmart will buy Sears, the companies said. ".repeat(20);
    let text = head.clone() + "The deal closed, Reuters said, on Nov. 17, 2004.";
    assert_eq!(find_dateline(&text), None);
    // nor is a date inside the last line
    let text = head + "Die Frist lief am 3.3.2016 ab, sagte er (APA)";
    assert_eq!(find_dateline(&text), None);
}

#[rstest]
#[case("")]
#[case("   ")]
#[case("\u{0}\u{1}\u{7}\u{1b}[0m")]
#[case("9999999999999999999999999999999999999999")]
#[case("1/0 und 0/0")]
#[case("…… ‥ ¿¡ 〇〇〇〇")]
#[case("负负负负 分之 又又")]
fn odd_input_does_not_panic(#[case] text: &str) {
    for lang in [Lang::De, Lang::En, Lang::Zh, Lang::Other] {
        for f in figures(text, lang) {
            assert!(f.start <= f.end && f.end <= text.len());
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
    }
}

/// Found by the `figure_normalizer` fuzz target: an exponent past f64's range gave a figure
/// whose value was infinity (written as `null` without saying why).
#[rstest]
#[case::exponent(Lang::En, "/202e20202")]
#[case::exponent_de(Lang::De, "Es sind 9e999 Tonnen.")]
#[case::power(Lang::En, "It is 10^400.")]
fn values_out_of_range_are_dropped_not_infinite(#[case] lang: Lang, #[case] text: &str) {
    for f in figures(text, lang) {
        for v in [&f.value, &f.upper].into_iter().flatten() {
            if let FigureValue::Number(n) = v {
                assert!(n.is_finite(), "{f:?}");
            }
        }
    }
}

/// Relative dates near the end of the calendar: a value in year 10000 is no value, not
/// `+10000-01-01` or `10000-W01`.
#[rstest]
#[case(Lang::En, "Talks resume next week.")]
#[case(Lang::En, "The plant opens tomorrow.")]
#[case(Lang::De, "Im nächsten Jahr wächst der Umsatz.")]
fn dates_past_year_9999_have_no_value(#[case] lang: Lang, #[case] text: &str) {
    let end = chrono::NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    for f in FigureRecognizer::new().recognize(text, lang, Some(end)) {
        if let (T::Date, Some(FigureValue::Text(v))) = (f.kind, &f.value) {
            assert!(
                v.as_bytes()[..4].iter().all(u8::is_ascii_digit),
                "{text}: {v}"
            );
            assert!(
                !v.starts_with("10000") && !v.starts_with('+'),
                "{text}: {v}"
            );
        }
    }
}

/// Chinese periods, bounds and ranges of dates and durations (publication 24 July 2025):
/// span, kind, value, upper end, bound.
#[rstest]
#[case::first_months(
    "2007年前9个月利润增长",
    "2007年前9个月",
    T::Date,
    "2007-01",
    Some("2007-09"),
    None
)]
#[case::first_months_this_year(
    "今年前4个月亏损",
    "今年前4个月",
    T::Date,
    "2025-01",
    Some("2025-04"),
    None
)]
#[case::first_quarters(
    "2008年前三季度收入",
    "2008年前三季度",
    T::Date,
    "2008-01",
    Some("2008-09"),
    None
)]
#[case::year_end("截至2007年年底，", "2007年年底", T::Date, "2007-12", None, None)]
#[case::year_end_short("2007年底前完成", "2007年底", T::Date, "2007-12", None, None)]
#[case::start_of_this_year("今年初上市", "今年初", T::Date, "2025-01", None, None)]
#[case::year_range(
    "2005年-2008年间",
    "2005年-2008年",
    T::Date,
    "2005",
    Some("2008"),
    None
)]
#[case::this_and_next_year("今明年的目标", "今明年", T::Date, "2025", Some("2026"), None)]
#[case::previous_year("比上一年下降", "上一年", T::Date, "2024", None, None)]
#[case::years_ago("两年前他退学", "两年前", T::Date, "2023", None, None)]
#[case::months_ago("三个月前", "三个月前", T::Date, "2025-04", None, None)]
#[case::after_a_month(
    "2005年8月以后建成",
    "2005年8月以后",
    T::Date,
    "2005-08",
    None,
    Some(Bound::Gt)
)]
#[case::evening("5月7日晚，", "5月7日晚", T::Date, "2025-05-07", None, None)]
#[case::approximate_pair("复读两三个月", "两三个月", T::Duration, "P2M", Some("P3M"), None)]
#[case::duration_range(
    "需要十天至十五天",
    "十天至十五天",
    T::Duration,
    "P10D",
    Some("P15D"),
    None
)]
#[case::half_a_year_and_more("过了半年多", "半年多", T::Duration, "P6M", None, Some(Bound::Gt))]
#[case::within("两周内作出回应", "两周内", T::Duration, "P2W", None, Some(Bound::Le))]
#[case::over_the_years("2年来一直下降", "2年", T::Duration, "P2Y", None, None)]
fn chinese_periods(
    #[case] text: &str,
    #[case] span: &str,
    #[case] kind: T,
    #[case] value: &str,
    #[case] upper: Option<&str>,
    #[case] bound: Option<Bound>,
) {
    let figs = figures(text, Lang::Zh);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, kind, "{text}");
    assert_eq!(f.value, txt(value), "{text}");
    assert_eq!(f.upper, upper.and_then(txt), "{text}");
    assert_eq!(f.bound, bound, "{text}");
}

/// A weekday is the one on or before the publication (Thursday 24 July 2025), and the one on
/// or after it in a clause about the future.
#[rstest]
#[case(
    Lang::En,
    "Apple said on Tuesday it would close the lab.",
    "Tuesday",
    "2025-07-22"
)]
#[case(
    Lang::En,
    "Apple will report its results on Tuesday.",
    "Tuesday",
    "2025-07-29"
)]
#[case(
    Lang::De,
    "Die Zahlen werden am Dienstag vorgelegt.",
    "Dienstag",
    "2025-07-29"
)]
#[case(
    Lang::De,
    "Am Dienstag sagte der Sprecher, es werde weitergehen.",
    "Dienstag",
    "2025-07-22"
)]
#[case(Lang::Zh, "公司将于周二公布业绩。", "周二", "2025-07-29")]
#[case(Lang::Zh, "公司周二公布了业绩。", "周二", "2025-07-22")]
fn weekdays_by_tense(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: &str,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.value, txt(value), "{text}");
}

/// So long before the publication (24 July 2025): a date as precise as its unit.
#[rstest]
#[case(Lang::De, "Das war vor drei Tagen.", "vor drei Tagen", "2025-07-21")]
#[case(Lang::De, "Vor zwei Jahren begann es.", "Vor zwei Jahren", "2023")]
#[case(Lang::En, "It opened two years ago.", "two years ago", "2023")]
#[case(Lang::En, "That was 3 months ago.", "3 months ago", "2025-04")]
#[case(Lang::Zh, "两年前他退学了。", "两年前", "2023")]
fn units_before_the_publication(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: &str,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!((f.kind, &f.value), (T::Date, &txt(value)), "{text}");
}

/// Days of the story (that night, the next day) are dates without a value.
#[rstest]
#[case("当晚，他被带走", "当晚")]
#[case("翌日公布售价", "翌日")]
fn chinese_days_of_the_story(#[case] text: &str, #[case] span: &str) {
    let figs = figures(text, Lang::Zh);
    let f = find(&figs, text, span);
    assert_eq!((f.kind, &f.value), (T::Date, &None), "{text}");
}

/// German relative dates, weekday compounds and quarters (de, en, zh), resolved against the
/// publication date (Thursday 17 March 2016).
#[rstest]
#[case(Lang::De, "Heuer sollen es mehr sein.", "Heuer", Some("2016"))]
#[case(Lang::De, "Im Vorjahr waren es weniger.", "Vorjahr", Some("2015"))]
#[case(Lang::De, "Das war im Jahr zuvor.", "Jahr zuvor", Some("2015"))]
#[case(
    Lang::De,
    "Vergangene Woche gab er auf.",
    "Vergangene Woche",
    Some("2016-W10")
)]
#[case(Lang::De, "Er kam voriges Jahr.", "voriges Jahr", Some("2015"))]
#[case(Lang::De, "Gegenüber dem Vormonat sank es.", "Vormonat", None)]
#[case(
    Lang::De,
    "Er meldete es am Mittwochabend.",
    "Mittwochabend",
    Some("2016-03-16")
)]
#[case(
    Lang::De,
    "Zahlen kommen am kommenden Donnerstag.",
    "kommenden Donnerstag",
    Some("2016-03-24")
)]
// a quarter without its year is the latest begun by the publication: in March 2016 the
// third quarter is 2015's, the first 2016's
#[case(
    Lang::De,
    "Kosten im 3. Quartal stiegen.",
    "3. Quartal",
    Some("2015-07")
)]
#[case(
    Lang::De,
    "Im ersten Quartal 2020 sank er.",
    "ersten Quartal 2020",
    Some("2020-01")
)]
#[case(
    Lang::En,
    "Revenue rose in the first quarter of 2021.",
    "first quarter of 2021",
    Some("2021-01")
)]
#[case(Lang::En, "Revenue rose in Q3.", "Q3", Some("2015-07"))]
#[case(Lang::Zh, "下半年销量增长", "下半年", Some("2015-07"))]
#[case(Lang::Zh, "钢铁企业利润一季度下滑", "一季度", Some("2016-01"))]
#[case(Lang::Zh, "收入较上一季度增长8%", "上一季度", Some("2015-10"))]
#[case(Lang::Zh, "2009年一季度也是", "2009年一季度", Some("2009-01"))]
fn relative_dates_and_quarters(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: Option<&str>,
) {
    let reference = NaiveDate::from_ymd_opt(2016, 3, 17);
    let figs = FigureRecognizer::new().recognize(text, lang, reference);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Date);
    assert_eq!(f.value, value.map(|v| FigureValue::Text(v.into())));
}

/// Minor currency units alone are converted to the major unit (guideline, second edition);
/// a separable particle after a currency is no cent.
#[rstest]
#[case(
    Lang::De,
    "Die Dividende sank von 1,40 Euro auf 60 Cent.",
    "60 Cent",
    0.6,
    "EUR"
)]
#[case(Lang::En, "Shares closed at 197 pence.", "197 pence", 1.97, "GBP")]
#[case(Lang::En, "The stock fell 34 cents.", "34 cents", 0.34, "USD")]
#[case(
    Lang::De,
    "Der Umsatz nahm 2,2 Millionen Dollar ein.",
    "2,2 Millionen Dollar",
    2.2e6,
    "USD"
)]
fn minor_units(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: f64,
    #[case] unit: &str,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(f.kind, T::Money);
    assert!(close(&f.value, &num(value)), "{:?}", f.value);
    assert_eq!(f.unit.as_deref(), Some(unit));
}

/// Rules found by reading the development set's misses for their cause, each stated for the
/// language, not for the case: compound scales in a range, a bound inside a range's lower
/// end, passing a round number, identifiers, container classifiers, ordinals with 第 and 首,
/// halvings, a pound made an adjective.
#[rstest]
#[case::zh_range_compound_scale(
    Lang::Zh,
    "加快1-2万亿的节能投资。",
    "1-2万亿",
    T::Cardinal,
    Some(1e12),
    Some(2e12),
    None
)]
#[case::zh_range_lower_bound(
    Lang::Zh,
    "尺价3万余至最高4.2万元。",
    "3万余至最高4.2万元",
    T::Money,
    Some(3e4),
    Some(4.2e4),
    None
)]
#[case::zh_passing_a_round_number(
    Lang::Zh,
    "全数市值过百亿元。",
    "过百亿元",
    T::Money,
    Some(1e10),
    None,
    Some(Bound::Gt)
)]
#[case::zh_ordinal_first(
    Lang::Zh,
    "他经常考年级第一。",
    "第一",
    T::Ordinal,
    Some(1.0),
    None,
    None
)]
#[case::zh_ordinal_tenth(
    Lang::Zh,
    "这是第十届会议。",
    "第十",
    T::Ordinal,
    Some(10.0),
    None,
    None
)]
#[case::zh_first_batch(
    Lang::Zh,
    "媒体曝光大宅的首批违建部分。",
    "首批",
    T::Ordinal,
    Some(1.0),
    None,
    None
)]
#[case::zh_halved(
    Lang::Zh,
    "每盒的价格将减半。",
    "减半",
    T::Percent,
    Some(50.0),
    None,
    None
)]
#[case::en_cut_in_half(
    Lang::En,
    "The price per box is cut in half.",
    "half",
    T::Percent,
    Some(50.0),
    None,
    None
)]
#[case::zh_price_noun(
    Lang::Zh,
    "豪宅尺价近7万成亚洲最贵。",
    "近7万",
    T::Money,
    Some(7e4),
    None,
    Some(Bound::Approx)
)]
#[case::zh_money_owed(
    Lang::Zh,
    "本科尚有2.5万助学贷款未偿还。",
    "2.5万",
    T::Money,
    Some(2.5e4),
    None,
    None
)]
#[case::zh_borrowed(
    Lang::Zh,
    "前不久还向同学借款1万。",
    "1万",
    T::Money,
    Some(1e4),
    None,
    None
)]
#[case::zh_financial_noun(
    Lang::Zh,
    "去年该公司投资收益仅录得1.45亿。",
    "1.45亿",
    T::Money,
    Some(1.45e8),
    None,
    None
)]
#[case::zh_financial_noun_linked(
    Lang::Zh,
    "营收达3000万。",
    "3000万",
    T::Money,
    Some(3e7),
    None,
    None
)]
#[case::zh_counted_not_money(
    Lang::Zh,
    "该行收入增长，员工达3000人。",
    "3000",
    T::Cardinal,
    Some(3000.0),
    None,
    None
)]
#[case::zh_floor(
    Lang::Zh,
    "60楼以上特色户获买家出价。",
    "60",
    T::Ordinal,
    Some(60.0),
    None,
    None
)]
#[case::zh_floors(
    Lang::Zh,
    "其中8至12楼低层户已全获认头。",
    "8至12",
    T::Ordinal,
    Some(8.0),
    Some(12.0),
    None
)]
#[case::zh_buildings(Lang::Zh, "共有3栋楼。", "3", T::Cardinal, Some(3.0), None, None)]
#[case::en_pound_weight(
    Lang::En,
    "The 5.5-pound box costs less.",
    "5.5-pound",
    T::Quantity,
    Some(5.5),
    None,
    None
)]
#[case::en_pound_note(
    Lang::En,
    "He found a five-pound note.",
    "five-pound",
    T::Money,
    Some(5.0),
    None,
    None
)]
fn causes_of_development_misses(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] kind: T,
    #[case] value: Option<f64>,
    #[case] upper: Option<f64>,
    #[case] bound: Option<Bound>,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(
        (f.kind, f.value.clone(), f.upper.clone(), f.bound),
        (kind, value.and_then(num), upper.and_then(num), bound)
    );
}

/// What is no figure: a word around `首` (`元首`, `榜首`, `首页`), a timestamp or a name's
/// digits joined by an underscore, `一` before a container (`一盒`, "a box of"), the digits of
/// a web or mail address.
#[rstest]
#[case(
    Lang::De,
    "Mehr unter https://www.example.com/news/2020/05/artikel-123.html."
)]
#[case(Lang::De, "Siehe www.test.de/seite?id=45%20x oder info.2020@firma.de.")]
#[case(Lang::En, "Read it at reuters.com/business/2021/06/16/ or on 163.com.")]
#[case(Lang::Zh, "详情请访问www.gov.cn/zhengce/2020-05/12/content_5510.htm。")]
#[case(Lang::Zh, "国家元首出席。他位居榜首。首页内容。该公司首次盈利。")]
#[case(Lang::Zh, "微信图片_20180627174901_副本.jpg")]
#[case(Lang::Zh, "订单号201806271749011。")]
#[case(Lang::Zh, "一盒樱桃。")]
#[case(Lang::Zh, "这十分重要，万分感谢。一成不变。")]
#[case(Lang::Zh, "另一单位作价较高。另一方面，需求减弱。")]
#[case(Lang::En, "See IMG_2041 for details.")]
fn no_figures_here(#[case] lang: Lang, #[case] text: &str) {
    let figs = figures(text, lang);
    assert!(
        figs.is_empty(),
        "{:?}",
        figs.iter()
            .map(|f| &text[f.start..f.end])
            .collect::<Vec<_>>()
    );
}

/// Periods named by their place relative to the publication (its date: `2015-11-19`, a
/// Thursday; `2016-03-17` for the spring row).
#[rstest]
#[case::next_month_name(
    Lang::En,
    "The merger will be finalized next March.",
    "2015-11-19",
    "next March",
    "2016-03",
    None
)]
#[case::last_month_name(
    Lang::En,
    "It fell last May.",
    "2015-11-19",
    "last May",
    "2015-05",
    None
)]
#[case::kommenden_monat(
    Lang::De,
    "Im kommenden März soll es beginnen.",
    "2015-11-19",
    "kommenden März",
    "2016-03",
    None
)]
#[case::last_spring_in_autumn(
    Lang::De,
    "Im vergangenen Frühjahr stieg es.",
    "2015-11-19",
    "vergangenen Frühjahr",
    "2015",
    None
)]
#[case::last_spring_in_spring(
    Lang::De,
    "Im vergangenen Frühjahr stieg es.",
    "2016-03-17",
    "vergangenen Frühjahr",
    "2015",
    None
)]
#[case::next_summer(
    Lang::En,
    "It opens next summer.",
    "2015-11-19",
    "next summer",
    "2016",
    None
)]
#[case::first_quarters(
    Lang::De,
    "Das EGT der ersten drei Quartale sank.",
    "2015-11-19",
    "ersten drei Quartale",
    "2015-01",
    Some("2015-09")
)]
#[case::first_quarters_last_year(
    Lang::De,
    "Das EGT der ersten drei Quartale sank.",
    "2015-05-02",
    "ersten drei Quartale",
    "2014-01",
    Some("2014-09")
)]
#[case::first_months_of(
    Lang::En,
    "In the first nine months of 2015 sales rose.",
    "2016-02-01",
    "first nine months of 2015",
    "2015-01",
    Some("2015-09")
)]
#[case::past_years(
    Lang::De,
    "Für heuer und die vergangenen zwei Jahre.",
    "2016-04-27",
    "vergangenen zwei Jahre",
    "2014",
    Some("2015")
)]
fn periods_around_the_publication(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] published: &str,
    #[case] span: &str,
    #[case] value: &str,
    #[case] upper: Option<&str>,
) {
    let r = NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap();
    let figs = FigureRecognizer::new().recognize(text, lang, Some(r));
    let f = find(&figs, text, span);
    assert_eq!(
        (f.value.clone(), f.upper.clone()),
        (txt(value), upper.and_then(txt))
    );
}

#[test]
fn vague_periods_couples_and_bounded_single_units() {
    let r = Some(NaiveDate::from_ymd_opt(2004, 11, 17).unwrap());
    let text = "In den kommenden Monaten steigt es. It took a couple of months. Almost a year later it fell. It lasted a year.";
    let figs = FigureRecognizer::new().recognize(text, Lang::En, r);
    let f = find(&figs, text, "kommenden Monaten");
    assert_eq!((f.kind, f.value.clone()), (T::Date, None));
    let f = find(&figs, text, "a couple of months");
    assert_eq!(
        (f.value.clone(), f.bound),
        (txt("P2M"), Some(Bound::Approx))
    );
    let f = find(&figs, text, "Almost a year");
    assert_eq!(
        (f.value.clone(), f.bound),
        (txt("P1Y"), Some(Bound::Approx))
    );
    // `a year` alone stays no figure
    assert_eq!(figs.len(), 3, "{figs:?}");
}

#[test]
fn improper_slashes_before_a_unit_are_two_values_versions_and_titles_none() {
    let text = "Kernpunkte sind eine 13/5 Megapixel Kamera und ein halber Liter.";
    let figs = figures(text, Lang::De);
    assert_eq!(find(&figs, text, "13").value, num(13.0));
    assert_eq!(find(&figs, text, "5 Megapixel").value, num(5.0));
    for (lang, text) in [
        (Lang::En, "Use Internet Explorer, version 4.0 or above."),
        (
            Lang::De,
            "Die Strategie „Vision 2020+“ werde konsequent umgesetzt.",
        ),
    ] {
        let figs = figures(text, lang);
        assert!(figs.is_empty(), "{text}: {figs:?}");
    }
    // a fraction below one stays a fraction
    let text = "Take 1/2 cup.";
    assert_eq!(find(&figures(text, Lang::En), text, "1/2").value, num(0.5));
}

/// Digits of other scripts (Arabic-Indic `٤`) are no ASCII digits for the date patterns: a
/// time or date with them is not read, and nothing panics (found by `cargo fuzz`,
/// figure_normalizer).
#[test]
fn digits_of_other_scripts_in_dates_and_times() {
    for text in [
        "Um ٤0:20 Uhr.",
        "Am ٣.٤.٢٠٢٠ war es.",
        "\u{8f}\u{3c0}2020:0::20:202\u{64d}\u{664}0:20",
    ] {
        let figs = FigureRecognizer::new().recognize(text, Lang::De, None);
        assert!(
            figs.iter()
                .all(|f| f.kind != T::Time || text[f.start..f.end].is_ascii()),
            "{text}: {figs:?}"
        );
    }
}

/// English halves are `half`: `a second` is a rank before a noun and the unit of time
/// otherwise, never 0.5; `1 in 10 million` is odds, not a share.
#[test]
fn a_second_is_no_half_and_long_odds_are_no_share() {
    let text = "It lasted a tenth of a second.";
    let got: Vec<&str> = figures(text, Lang::En)
        .iter()
        .map(|f| &text[f.start..f.end])
        .collect();
    assert_eq!(got, ["a tenth"]);
    let text = "The odds are 1 in 10 million.";
    assert!(figures(text, Lang::En).iter().all(|f| f.kind != T::Percent));
}

/// German `am` is "on the": `von 3 am Montag` is a count and a day, no time of day; `5 in 10
/// minutes` is a time, no share; `fell 3 cents to $10.50` is a change, two sums, no range.
#[test]
fn look_alikes_of_times_shares_and_ranges() {
    let spans = |text: &str, lang: Lang| -> Vec<(String, T)> {
        figures(text, lang)
            .iter()
            .map(|f| (text[f.start..f.end].to_string(), f.kind))
            .collect()
    };
    let de = spans(
        "Die Zahl stieg von 3 am Montag auf 5 am Dienstag.",
        Lang::De,
    );
    assert!(de.iter().all(|(_, k)| *k != T::Time), "{de:?}");
    let en = spans("He saw 5 in 10 minutes.", Lang::En);
    assert!(en.iter().all(|(_, k)| *k != T::Percent), "{en:?}");
    let en = spans("Shares fell 3 cents to $10.50.", Lang::En);
    assert_eq!(
        en,
        [
            ("3 cents".to_string(), T::Money),
            ("$10.50".to_string(), T::Money)
        ]
    );
}

/// `the first half` of a match is no half-year: English and German halves name their year.
#[rstest]
#[case(Lang::En, "In the first half, Bayern scored twice.")]
#[case(Lang::De, "In der ersten Hälfte fielen zwei Tore.")]
fn a_match_half_is_no_date(#[case] lang: Lang, #[case] text: &str) {
    let figs = figures(text, lang);
    assert!(figs.iter().all(|f| f.kind != T::Date), "{figs:?}");
}

/// A plural scale names money through `of` (`hundreds of millions of dollars`) or directly in
/// German (`Hunderte Millionen Euro`); `Rs` is the rupee sign, also with its full stop.
#[rstest]
#[case(
    Lang::En,
    "Hundreds of millions of dollars were lost.",
    "Hundreds of millions of dollars",
    1e8,
    Some(Bound::Gt),
    "USD"
)]
#[case(
    Lang::En,
    "Billions of euros were spent.",
    "Billions of euros",
    1e9,
    Some(Bound::Gt),
    "EUR"
)]
#[case(
    Lang::De,
    "Hunderte Millionen Euro gingen verloren.",
    "Hunderte Millionen Euro",
    1e8,
    Some(Bound::Gt),
    "EUR"
)]
#[case(Lang::En, "It raised Rs 500 crore.", "Rs 500 crore", 5e9, None, "INR")]
#[case(
    Lang::En,
    "It raised Rs. 500 crore.",
    "Rs. 500 crore",
    5e9,
    None,
    "INR"
)]
#[case(Lang::En, "It raised Rs500 crore.", "Rs500 crore", 5e9, None, "INR")]
fn money_by_scale_words_and_signs(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: f64,
    #[case] bound: Option<Bound>,
    #[case] unit: &str,
) {
    let figs = figures(text, lang);
    let f = find(&figs, text, span);
    assert_eq!(
        (f.kind, f.value.clone(), f.bound, f.unit.as_deref()),
        (T::Money, num(value), bound, Some(unit))
    );
}

/// Chinese durations with 多 / 余 / 几 (more than) and the classifier 个: `十多年`, `两个多月`,
/// `一个小时`.
#[rstest]
#[case("十多年来，价格上涨。", "十多年", "P10Y", Some(Bound::Gt))]
#[case("三十余年来，价格上涨。", "三十余年", "P30Y", Some(Bound::Gt))]
#[case("他们谈了两个多月。", "两个多月", "P2M", Some(Bound::Gt))]
#[case("过去十几天里价格上涨。", "十几天", "P10D", Some(Bound::Gt))]
#[case("他工作了一个小时。", "一个小时", "PT1H", None)]
#[case("他工作了一个多小时。", "一个多小时", "PT1H", Some(Bound::Gt))]
fn chinese_durations_more_than(
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: &str,
    #[case] bound: Option<Bound>,
) {
    let figs = figures(text, Lang::Zh);
    let f = find(&figs, text, span);
    assert_eq!(
        (f.kind, f.value.clone(), f.bound),
        (T::Duration, txt(value), bound)
    );
}

/// Temperatures glued to their scale letter (`40C`, `104F`) and the degree sign `℃`; a flat
/// (`Flat 12C`) or cents (`14.7C/`) are none.
#[rstest]
#[case(Lang::En, "Temperatures reached 40C on Monday.", Some(("40C", 40.0, "°C")))]
#[case(Lang::En, "Temperatures reached 104F on Monday.", Some(("104F", 104.0, "°F")))]
#[case(Lang::En, "It fell to -5C overnight.", Some(("-5C", -5.0, "°C")))]
#[case(Lang::Zh, "气温升至40℃。", Some(("40℃", 40.0, "°C")))]
#[case(Lang::En, "She lives in Flat 12C.", None)]
#[case(Lang::En, "Funds were 14.7C/ per security.", None)]
fn temperatures(#[case] lang: Lang, #[case] text: &str, #[case] want: Option<(&str, f64, &str)>) {
    let figs = figures(text, lang);
    let temperature = figs
        .iter()
        .find(|f| f.kind == T::Quantity)
        .map(|f| (&text[f.start..f.end], f.value.clone(), f.unit.as_deref()));
    assert_eq!(
        temperature,
        want.map(|(span, v, unit)| (span, num(v), Some(unit)))
    );
}

/// A range runs upwards: a score or a vote written with a hyphen is two numbers; and `by X to
/// Y` is a change, two numbers.
#[rstest]
#[case("The team won 3-1 on Saturday.", &["3", "1"])]
#[case("The bill passed 52-48 in the Senate.", &["52", "48"])]
#[case("Between 10 and 20 people came.", &["Between 10 and 20"])]
// `by X to Y` is a change: the difference and the new value
#[case("It rose by 20,000 to 2.5 million in October.", &["20,000", "2.5 million"])]
fn pairs_that_are_no_ranges(#[case] text: &str, #[case] spans: &[&str]) {
    let figs = figures(text, Lang::En);
    let got: Vec<&str> = figs
        .iter()
        .filter(|f| f.kind == T::Cardinal)
        .map(|f| &text[f.start..f.end])
        .collect();
    assert_eq!(got, spans);
}

/// Chinese percentage points (`个百分点`, `百分点`, never a hundred of the number) and two
/// Arabic digits before 年 without a month: years counted, not a year (`有期徒刑10年`).
#[rstest]
#[case("利率上调0.25个百分点。", "0.25个百分点", T::Percent, 0.25)]
#[case("失业率下降了1.2百分点。", "1.2百分点", T::Percent, 1.2)]
#[case("失业率下降了一个百分点。", "一个百分点", T::Percent, 1.0)]
fn chinese_percentage_points(
    #[case] text: &str,
    #[case] span: &str,
    #[case] kind: T,
    #[case] value: f64,
) {
    let figs = figures(text, Lang::Zh);
    let f = find(&figs, text, span);
    assert_eq!((f.kind, f.value.clone()), (kind, num(value)));
}

#[rstest]
#[case("他被判处有期徒刑10年。", "10年", T::Duration, "P10Y")]
#[case("通胀率创40年新高。", "40年", T::Duration, "P40Y")]
#[case("98年5月，他来到北京。", "98年5月", T::Date, "1998-05")]
#[case("九八年，他来到北京。", "九八年", T::Date, "1998")]
#[case("08年奥运会在北京举办。", "08年", T::Date, "2008")]
fn chinese_short_years(
    #[case] text: &str,
    #[case] span: &str,
    #[case] kind: T,
    #[case] value: &str,
) {
    let figs = figures(text, Lang::Zh);
    let f = find(&figs, text, span);
    assert_eq!((f.kind, f.value.clone()), (kind, txt(value)));
}

/// `first` / `erste` that ranks nothing is no ordinal (the guideline: only a real ordinal
/// number): after an indefinite article, or in `the first time` / `das erste Mal`; an
/// English ordinal before a month without `of` is no date.
#[rstest]
#[case::en_first_time(Lang::En, "It is not the first time.", &[])]
#[case::en_a_first(Lang::En, "A first estimate came out.", &[])]
#[case::de_erste_mal(Lang::De, "Es ist nicht das erste Mal.", &[])]
#[case::de_eine_erste(Lang::De, "Eine erste Schätzung liegt vor.", &[])]
#[case::de_ranked(Lang::De, "Im ersten Jahr sank er.", &[("ersten", T::Ordinal)])]
#[case::en_no_of(Lang::En, "The first May meeting.", &[("first", T::Ordinal)])]
#[case::de_compound_month(Lang::De, "Die zweiten Mai-Zahlen.", &[("zweiten", T::Ordinal)])]
fn first_as_a_rank_only(#[case] lang: Lang, #[case] text: &str, #[case] want: &[(&str, T)]) {
    let figs = figures(text, lang);
    let got: Vec<(&str, T)> = figs
        .iter()
        .map(|f| (&text[f.start..f.end], f.kind))
        .collect();
    assert_eq!(got, want);
}

/// A holiday of the lunar calendar is a date without a value; a compound holding a holiday's
/// name is no date (`Weihnachtsgeschäft`), nor is a word that starts like one (`eastern`).
#[rstest]
#[case::lunar(Lang::Zh, "春节前价格上涨。", Some(("春节", None)))]
#[case::compound(Lang::De, "Das Weihnachtsgeschäft lief gut.", None)]
#[case::eastern(Lang::En, "The eastern region grew.", None)]
fn holidays_as_words_only(
    #[case] lang: Lang,
    #[case] text: &str,
    #[case] want: Option<(&str, Option<&str>)>,
) {
    let figs = figures(text, lang);
    let dates: Vec<(&str, Option<FigureValue>)> = figs
        .iter()
        .filter(|f| f.kind == T::Date)
        .map(|f| (&text[f.start..f.end], f.value.clone()))
        .collect();
    match want {
        Some((span, value)) => assert_eq!(dates, [(span, value.and_then(txt))]),
        None => assert!(dates.is_empty(), "{dates:?}"),
    }
}

/// Digits after `am` are a day and month only when they are one (`am 31.02.` is none) and the
/// whole date is not longer (`am 22.04.2021`).
#[rstest]
#[case::no_such_day("Der Kurs stieg am 31.02. leicht.", "31.02", None)]
#[case::whole_date("Die Sitzung war am 22.04.2021.", "22.04.2021", Some("2021-04-22"))]
fn day_and_month_in_digits_only_when_a_date(
    #[case] text: &str,
    #[case] span: &str,
    #[case] value: Option<&str>,
) {
    let figs = figures(text, Lang::De);
    let date = figs
        .iter()
        .find(|f| f.kind == T::Date && &text[f.start..f.end] == span);
    match value {
        Some(v) => assert_eq!(date.and_then(|f| f.value.clone()), txt(v)),
        None => assert!(date.is_none(), "{figs:?}"),
    }
}
