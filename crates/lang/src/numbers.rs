//! Number words and digit strings to values, per language: German and English words
//! (`elf`, `dreihundert`, `twenty-one`), scale words (`Mio.`, `bn`, `Dutzend`), ordinals,
//! digits with either separator convention, and Chinese numerals (`十亿3000万`).
//!
//! ```
//! use claimx_doc::Lang;
//! use claimx_lang::numbers::{de_word, parse_digits, parse_zh};
//!
//! assert_eq!(parse_digits("1.000", Lang::De), Some(1000.0));
//! assert_eq!(de_word("dreihundert"), Some(300.0));
//! assert_eq!(parse_zh("十亿3000万"), Some(1.03e9));
//! ```

use claimx_doc::Lang;

/// Parse a digit string with German or English separators. `1.000,5` (de) and `1,000.5` (en)
/// are both 1000.5; a lone separator followed by exactly three digits is a thousands separator
/// in the language that uses it that way (`1.000` de, `1,000` en), else a decimal point.
pub fn parse_digits(s: &str, lang: Lang) -> Option<f64> {
    let s: String = s
        .chars()
        .map(fullwidth_to_ascii)
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’' | '_'))
        .collect();
    if s.is_empty() || !s.chars().next()?.is_ascii_digit() && !s.starts_with(['.', ',', '-']) {
        return None;
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let (thousands, decimal) = match (dots, commas) {
        (0, 0) => return s.parse().ok(),
        (d, c) if d > 0 && c > 0 => {
            // The later separator is the decimal one.
            if s.rfind('.') > s.rfind(',') {
                (',', '.')
            } else {
                ('.', ',')
            }
        }
        (d, 0) if d > 1 => ('.', ','),
        (0, c) if c > 1 => (',', '.'),
        (1, 0) => {
            let frac = s.len() - s.find('.').unwrap() - 1;
            if frac == 3 && lang == Lang::De && !s.starts_with("0.") {
                ('.', ',')
            } else {
                (',', '.')
            }
        }
        _ => {
            let frac = s.len() - s.find(',').unwrap() - 1;
            if frac == 3 && lang != Lang::De && !s.starts_with("0,") {
                (',', '.')
            } else {
                ('.', ',')
            }
        }
    };
    let cleaned: String = s
        .chars()
        .filter(|&c| c != thousands)
        .map(|c| if c == decimal { '.' } else { c })
        .collect();
    cleaned.parse().ok()
}

/// A full-width digit or separator (`３`, `．`, `，`, `－`) as ASCII; other characters as they are.
pub fn fullwidth_to_ascii(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
        '．' => '.',
        '，' => ',',
        '－' => '-',
        _ => c,
    }
}

/// Multipliers written as words or abbreviations after a number.
pub fn scale_word(w: &str, lang: Lang) -> Option<f64> {
    let l = w.to_lowercase();
    let v = match l.trim_end_matches('.') {
        "tsd" | "tausend" | "thousand" | "k" => 1e3,
        // `mln`, `bln`: the wire services' abbreviations (`$1.5 bln`, `5 mln shares`)
        "mio" | "million" | "millionen" | "mill" | "mil" | "mn" | "mln" | "m" | "millions" => 1e6,
        "g" => 1e9,
        "mrd" | "milliarde" | "milliarden" | "billion" | "bn" | "bln" | "b" | "bio"
        | "billions" => {
            if l.starts_with("bi") && lang == Lang::De {
                1e12 // German "Billion" is 10^12
            } else {
                1e9
            }
        }
        "billionen" => 1e12,
        "trillion" | "trillions" | "tn" => 1e12,
        "dutzend" | "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => 12.0,
        "crore" => 1e7,
        "lakh" | "lakhs" => 1e5,
        _ => return None,
    };
    // Bare single letters only count as scales in English (`$5m`, `3bn`); Chinese writes 万
    // and 亿 and keeps only `k` (`40k`; `66B` there is a flat, `5m` five metres).
    let letter = matches!(l.as_str(), "m" | "b" | "k" | "g");
    if letter && (lang == Lang::De || lang == Lang::Zh && l != "k") {
        return None;
    }
    Some(v)
}

const EN_UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("nought", 0.0),
    ("naught", 0.0),
    ("nil", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fourty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Value of one English number word below 100.
pub fn en_small(w: &str) -> Option<f64> {
    let l = w.to_lowercase();
    EN_UNITS.iter().find(|(k, _)| *k == l).map(|(_, v)| *v)
}

/// English multipliers: hundred, thousand, million, billion, trillion.
pub fn en_multiplier(w: &str) -> Option<f64> {
    match w.to_lowercase().as_str() {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        "dozen" | "dozens" | "dozs" | "doz" | "dzs" => Some(12.0),
        "crore" => Some(1e7),
        "lakh" => Some(1e5),
        _ => None,
    }
}

/// An English ordinal written as tens and a unit (`twenty` + `first` → 21, `thirty` +
/// `fifths` → 35), the two words of `twenty-first` or `thirty-fifths`.
///
/// ```
/// use claimx_lang::numbers::en_tens_ordinal;
/// assert_eq!(en_tens_ordinal("twenty", "first"), Some(21.0));
/// assert_eq!(en_tens_ordinal("twenty", "eleventh"), None);
/// assert_eq!(en_tens_ordinal("five", "first"), None);
/// ```
pub fn en_tens_ordinal(tens: &str, unit: &str) -> Option<f64> {
    let tens = en_small(tens).filter(|v| *v >= 20.0)?;
    let unit = en_ordinal(unit).filter(|d| *d < 10.0)?;
    Some(tens + unit)
}

/// English ordinal words and fraction denominators: `first` → 1, `fifths` → 5.
pub fn en_ordinal(w: &str) -> Option<f64> {
    let l = w.to_lowercase();
    let l = l
        .strip_suffix('s')
        .filter(|s| s.ends_with("th") || s.ends_with("d"))
        .unwrap_or(&l)
        .to_string();
    let v = match l.as_str() {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1000.0,
        "millionth" => 1e6,
        "billionth" => 1e9,
        _ => return None,
    };
    Some(v)
}

/// A German number word, including compounds (`dreihundertneunundneunzigtausend`), spellings
/// without umlauts (`fuenf`), fractions (`dreiviertel`, `eineinhalb`) and scales as separate
/// words are handled by the caller.
pub fn de_word(w: &str) -> Option<f64> {
    let l = w
        .to_lowercase()
        .replace("ue", "ü")
        .replace("ss", "ß")
        .replace("ae", "ä");
    if l.is_empty() {
        return None;
    }
    if let Some(v) = de_special(&l) {
        return Some(v);
    }
    // `fünfeinhalb`, `zwölfeinhalb`, `zwanzigeinhalb`: any whole number and a half
    if let Some(whole) = l.strip_suffix("einhalb").filter(|w| !w.is_empty()) {
        return de_compound(whole).map(|v| v + 0.5);
    }
    de_compound(&l)
}

fn de_special(l: &str) -> Option<f64> {
    Some(match l {
        "eineinhalb" | "anderthalb" => 1.5,
        "dreiviertel" => 0.75,
        "halb" | "halbe" | "halben" | "halbes" | "hälfte" => 0.5,
        "viertel" => 0.25,
        "drittel" => 1.0 / 3.0,
        "dutzend" => 12.0,
        _ => return None,
    })
}

fn de_unit(l: &str) -> Option<(f64, usize)> {
    // Longest match first.
    const UNITS: &[(&str, f64)] = &[
        ("siebzehn", 17.0),
        ("dreizehn", 13.0),
        ("vierzehn", 14.0),
        ("fünfzehn", 15.0),
        ("sechzehn", 16.0),
        ("achtzehn", 18.0),
        ("neunzehn", 19.0),
        ("zwanzig", 20.0),
        ("dreißig", 30.0),
        ("vierzig", 40.0),
        ("fünfzig", 50.0),
        ("sechzig", 60.0),
        ("siebzig", 70.0),
        ("achtzig", 80.0),
        ("neunzig", 90.0),
        ("sieben", 7.0),
        ("zwölf", 12.0),
        ("null", 0.0),
        ("eins", 1.0),
        ("eine", 1.0),
        ("zwei", 2.0),
        ("zwo", 2.0),
        ("drei", 3.0),
        ("vier", 4.0),
        ("fünf", 5.0),
        ("sechs", 6.0),
        ("acht", 8.0),
        ("neun", 9.0),
        ("zehn", 10.0),
        ("elf", 11.0),
        ("ein", 1.0),
    ];
    UNITS
        .iter()
        .find(|(k, _)| l.starts_with(k))
        .map(|(k, v)| (*v, k.len()))
}

/// Parse a German number below 10^6 written as one word; `None` unless the whole word parses.
fn de_compound(l: &str) -> Option<f64> {
    fn below_hundred(s: &str) -> Option<f64> {
        if s.is_empty() {
            return None;
        }
        // e.g. "neunundneunzig"
        if let Some(pos) = s.find("und") {
            let (a, b) = (&s[..pos], &s[pos + 3..]);
            let (u, ul) = de_unit(a)?;
            let (t, tl) = de_unit(b)?;
            if ul == a.len() && tl == b.len() && u < 10.0 && t >= 20.0 {
                return Some(t + u);
            }
            return None;
        }
        let (v, len) = de_unit(s)?;
        (len == s.len()).then_some(v)
    }
    fn below_thousand(s: &str) -> Option<f64> {
        if let Some(pos) = s.find("hundert") {
            let head = &s[..pos];
            let tail = &s[pos + 7..];
            let h = if head.is_empty() {
                1.0
            } else {
                below_hundred(head)?
            };
            let t = if tail.is_empty() {
                0.0
            } else {
                below_hundred(tail.trim_start_matches("und"))?
            };
            return Some(h * 100.0 + t);
        }
        below_hundred(s)
    }
    if let Some(pos) = l.find("tausend") {
        let head = &l[..pos];
        let tail = &l[pos + 7..];
        let h = if head.is_empty() {
            1.0
        } else {
            below_thousand(head)?
        };
        let t = if tail.is_empty() {
            0.0
        } else {
            below_thousand(tail.trim_start_matches("und"))?
        };
        return Some(h * 1000.0 + t);
    }
    below_thousand(l)
}

/// German ordinal words: `erste`, `zweiten`, `dritter`, `zwanzigste`.
pub fn de_ordinal(w: &str) -> Option<f64> {
    let l = w.to_lowercase();
    // every ending that fits, longest first: `ersten` is `ers` + `ten`, not `er` + `sten`
    [
        "sten", "ster", "stes", "stem", "ste", "ten", "ter", "tes", "tem", "te",
    ]
    .iter()
    .filter_map(|suf| l.strip_suffix(suf))
    .find_map(de_ordinal_stem)
}

fn de_ordinal_stem(s: &str) -> Option<f64> {
    let v = match s {
        "ers" => 1.0,
        "zwei" => 2.0,
        "drit" => 3.0,
        "vier" => 4.0,
        "fünf" => 5.0,
        "sechs" => 6.0,
        "sieb" | "sieben" => 7.0,
        "ach" | "acht" => 8.0,
        "neun" => 9.0,
        "zehn" => 10.0,
        "elf" => 11.0,
        "zwölf" => 12.0,
        other => {
            let v = de_compound(other)?;
            if v < 13.0 {
                return None;
            }
            v
        }
    };
    Some(v)
}

/// Chinese numeral characters.
pub fn zh_digit(c: char) -> Option<f64> {
    Some(match c {
        '零' | '〇' | '洞' => 0.0,
        '一' | '壹' | '幺' => 1.0,
        '二' | '两' | '兩' | '貳' | '贰' | '貮' | '俩' | '倆' => 2.0,
        '三' | '叁' | '參' | '参' => 3.0,
        '四' | '肆' => 4.0,
        '五' | '伍' => 5.0,
        '六' | '陆' | '陸' => 6.0,
        '七' | '柒' => 7.0,
        '八' | '捌' => 8.0,
        '九' | '玖' => 9.0,
        _ => return None,
    })
}

/// A Chinese unit within ten thousand: 十 10, 百 100, 千 1000 (and their financial forms).
pub fn zh_small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        _ => return None,
    })
}

/// A Chinese myriad unit: 万 10⁴, 亿 10⁸, 兆 10¹².
pub fn zh_big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        '兆' => 1e12,
        _ => return None,
    })
}

/// Whether `c` is a Chinese numeral character: a digit word or a unit.
pub fn is_zh_numeral(c: char) -> bool {
    zh_digit(c).is_some() || zh_small_unit(c).is_some() || zh_big_unit(c).is_some()
}

/// Parse a Chinese number that may mix Arabic digits: `一千零五十`, `3.5亿`, `十亿3000万`,
/// `3万4000`, `四百五` (the trailing digit takes the next lower unit), `五十五兆壹十二億`.
pub fn parse_zh(s: &str) -> Option<f64> {
    // 余 / 多 / 几 (`500余万`, `十多万`) say "more than"; the value is the stated base.
    let chars: Vec<char> = s
        .chars()
        .map(fullwidth_to_ascii)
        .filter(|c| !c.is_whitespace() && !matches!(c, '余' | '餘' | '多' | '几' | '幾'))
        .collect();
    if chars.is_empty() {
        return None;
    }
    // Decimal point written as 点.
    if let Some(p) = chars.iter().position(|&c| c == '点' || c == '點') {
        let int = parse_zh(&chars[..p].iter().collect::<String>())?;
        let mut frac = 0.0;
        let mut scale = 0.1;
        for &c in &chars[p + 1..] {
            let d = zh_digit(c).or_else(|| c.to_digit(10).map(f64::from))?;
            frac += d * scale;
            scale /= 10.0;
        }
        return Some(int + frac);
    }
    let mut total = 0.0; // finished big-unit sections
    let mut section = 0.0; // current section below 10^4
    let mut digit: Option<f64> = None;
    let mut last_unit = 1.0f64;
    let mut last_big = f64::INFINITY;
    let mut i = 0;
    let mut saw_zero = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || c == '.' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',')
            {
                i += 1;
            }
            let num: String = chars[start..i].iter().filter(|&&c| c != ',').collect();
            digit = Some(num.parse().ok()?);
            continue;
        }
        if let Some(d) = zh_digit(c) {
            if d == 0.0 {
                // 零 marks a gap (一千零五 = 1005), it is no digit of its own.
                saw_zero = true;
                if chars.len() == 1 {
                    digit = Some(0.0);
                }
                i += 1;
                continue;
            }
            digit = Some(d);
            i += 1;
            continue;
        }
        if let Some(u) = zh_small_unit(c) {
            section += digit.take().unwrap_or(1.0) * u;
            last_unit = u;
            saw_zero = false;
            i += 1;
            continue;
        }
        if let Some(u) = zh_big_unit(c) {
            let implicit_one = section == 0.0 && total == 0.0;
            let sec = section + digit.take().unwrap_or(if implicit_one { 1.0 } else { 0.0 });
            if u > last_big || (total > 0.0 && u >= last_big) {
                // 万万 / 十亿3000万: a bigger unit multiplies everything so far.
                total = (total + sec) * u;
            } else {
                total += sec * u;
            }
            last_big = u;
            last_unit = u;
            section = 0.0;
            saw_zero = false;
            i += 1;
            continue;
        }
        return None;
    }
    if let Some(d) = digit {
        // 四百五 = 450: a bare trailing digit after a unit takes the next lower unit,
        // unless a zero intervened (一千零五 = 1005).
        if !saw_zero && last_unit >= 100.0 && d < 10.0 && (section > 0.0 || total > 0.0) {
            section += d * last_unit / 10.0;
        } else {
            section += d;
        }
    }
    Some(total + section)
}

/// A fraction noun as the percentage it names (`Hälfte`, `a quarter`), lower case.
pub fn share_word(w: &str) -> Option<f64> {
    match w {
        "hälfte" => Some(50.0),
        "drittel" | "third" => Some(100.0 / 3.0),
        "viertel" | "quarter" => Some(25.0),
        _ => None,
    }
}

/// The denominator a German fraction noun names, by the rule that builds them: the ordinal
/// stem plus `-tel` (`Drittel`, `Fünftel`, `Achtel`, `Zwanzigstel`, `Hundertstel`, also
/// inflected `Dritteln`, `Viertels`), and `Hälfte`. Case-insensitive.
///
/// ```
/// assert_eq!(claimx_lang::numbers::de_denominator("Fünftel"), Some(5.0));
/// assert_eq!(claimx_lang::numbers::de_denominator("Zwanzigstel"), Some(20.0));
/// assert_eq!(claimx_lang::numbers::de_denominator("Titel"), None);
/// ```
pub fn de_denominator(w: &str) -> Option<f64> {
    let l = w.to_lowercase();
    if matches!(l.as_str(), "hälfte" | "hälften") {
        return Some(2.0);
    }
    let l = l
        .strip_suffix("teln")
        .or_else(|| l.strip_suffix("tels"))
        .or_else(|| l.strip_suffix("tel"))?;
    // The ordinal of the stem: `drit` + `te`, `zwanzigs` + `te`.
    de_ordinal(&format!("{l}te")).filter(|d| *d >= 3.0)
}

/// Quantifiers that make a scale word an open lower bound (`mehrere Tausend`, `several
/// hundred`), lower case.
pub const VAGUE_QUANTIFIERS: &[&str] = &[
    "mehrere", "mehreren", "einige", "einigen", "several", "some", "paar",
];

/// A scale word after a vague quantifier (`einige Hundert`, `several million`), lower case.
pub fn round_scale(w: &str) -> Option<f64> {
    match w {
        "hundert" | "hundred" => Some(100.0),
        "tausend" | "thousand" => Some(1000.0),
        "millionen" | "million" => Some(1e6),
        "milliarden" | "billion" => Some(1e9),
        "dutzend" | "dozen" => Some(12.0),
        _ => None,
    }
}

/// A plural scale word that is an open lower bound on its own (`Tausende Menschen`,
/// `hundreds of`), lower case.
pub fn plural_scale(w: &str) -> Option<f64> {
    // German compounds: `Zehntausende`, `Hunderttausende`, `Zigtausende` (tens of),
    // `Abertausende` (thousands upon thousands)
    let (factor, w) = [
        ("zehn", 10.0),
        ("hundert", 100.0),
        ("zig", 10.0),
        ("aber", 1.0),
    ]
    .into_iter()
    .find_map(|(p, f)| {
        w.strip_prefix(p)
            .filter(|rest| rest.starts_with("tausend"))
            .map(|rest| (f, rest))
    })
    .unwrap_or((1.0, w));
    let scale = match w {
        "hunderte" | "hunderten" | "hundreds" => 100.0,
        "tausende" | "tausenden" | "thousands" => 1000.0,
        "dutzende" | "dutzenden" | "dozens" => 12.0,
        "millions" | "millionen" => 1e6,
        "billions" | "milliarden" => 1e9,
        _ => return None,
    };
    Some(factor * scale)
}

/// `tens of thousands`, `hundreds of millions`, `Hunderte Millionen`: a plural scale counts
/// the plural scale after it (`of` between in English); the multiplier alone is `tens` in
/// English, which counts nothing on its own. Lower case.
pub fn counts_a_scale(w: &str) -> Option<f64> {
    match w {
        "tens" => Some(10.0),
        _ => plural_scale(w).filter(|v| *v < 1e6),
    }
}

/// German indefinite articles and `eins`: the one that opens `ein Dutzend`, `eine Million`.
pub const DE_INDEFINITE_ONE: &[&str] = &["ein", "eine", "einen", "einem", "einer", "eins"];

/// A German scale or fraction word after an indefinite article (`ein Dutzend`, `eine
/// Milliarde`, `ein halbes`), lower case.
pub fn de_scale_after_article(w: &str) -> Option<f64> {
    Some(match w {
        "dutzend" => 12.0,
        "hundert" => 100.0,
        "tausend" => 1000.0,
        "million" => 1e6,
        "milliarde" => 1e9,
        "billion" => 1e12,
        "halb" | "halbe" | "halben" | "halbes" => 0.5,
        "viertel" => 0.25,
        "drittel" => 1.0 / 3.0,
        _ => return None,
    })
}

/// A German scale word that multiplies the number words before it (`zwei Millionen`,
/// `dreißig Dutzend`, `anderthalb` excepted), lower case.
pub fn de_following_scale(w: &str) -> Option<f64> {
    Some(match w {
        "million" | "millionen" => 1e6,
        "milliarde" | "milliarden" => 1e9,
        "billion" | "billionen" => 1e12,
        "dutzend" => 12.0,
        "hundert" => 100.0,
        "tausend" => 1000.0,
        "halbe" | "halben" => 0.5,
        _ => return None,
    })
}

/// German fraction words, which are no cardinals on their own (`die Hälfte`, `ein Drittel`).
pub const DE_FRACTION_WORDS: &[&str] = &[
    "halb", "halbe", "halben", "halbes", "hälfte", "viertel", "drittel",
];

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("1.000", Lang::De, 1000.0)]
    #[case("1.000,5", Lang::De, 1000.5)]
    #[case("1,000.5", Lang::En, 1000.5)]
    #[case("1,000", Lang::En, 1000.0)]
    #[case("3,5", Lang::De, 3.5)]
    #[case("3.5", Lang::En, 3.5)]
    #[case("3.5", Lang::De, 3.5)]
    #[case("1.000.000", Lang::De, 1e6)]
    #[case("40 000", Lang::De, 40000.0)]
    #[case(".08", Lang::En, 0.08)]
    #[case("１．０７５３", Lang::Zh, 1.0753)]
    #[case("4,800", Lang::De, 4.8)]
    fn digits(#[case] s: &str, #[case] lang: Lang, #[case] v: f64) {
        assert_eq!(parse_digits(s, lang), Some(v));
    }

    #[rstest]
    #[case("elf", 11.0)]
    #[case("zwölf", 12.0)]
    #[case("dreiundzwanzig", 23.0)]
    #[case("zweihundert", 200.0)]
    #[case("dreihundertneunundneunzigtausendfuenfhundertneunundvierzig", 399549.0)]
    #[case("eineinhalb", 1.5)]
    #[case("zweieinhalb", 2.5)]
    #[case("fünfeinhalb", 5.5)]
    #[case("zwölfeinhalb", 12.5)]
    #[case("zwanzigeinhalb", 20.5)]
    #[case("tausend", 1000.0)]
    fn german_words(#[case] w: &str, #[case] v: f64) {
        assert_eq!(de_word(w), Some(v));
    }

    /// Every inflection of an ordinal, `ersten` (`ers` + `ten`, not `er` + `sten`) too.
    #[rstest]
    #[case("erste", 1.0)]
    #[case("ersten", 1.0)]
    #[case("erster", 1.0)]
    #[case("zweiten", 2.0)]
    #[case("dritte", 3.0)]
    #[case("zwanzigsten", 20.0)]
    #[case("einunddreißigsten", 31.0)]
    fn german_ordinals(#[case] w: &str, #[case] v: f64) {
        assert_eq!(de_ordinal(w), Some(v));
    }

    #[rstest]
    #[case("一千", 1000.0)]
    #[case("两万", 20000.0)]
    #[case("十亿3000万", 1.03e9)]
    #[case("3.5亿", 3.5e8)]
    #[case("一千零五十", 1050.0)]
    #[case("四百五", 450.0)]
    #[case("五亿零六", 500000006.0)]
    #[case("3万4000", 34000.0)]
    #[case("拾亿零六万零五百零六", 1000060506.0)]
    #[case("五十五兆壹十二億四萬五千二", 55001200045200.0)]
    #[case("20万亿", 2e13)]
    #[case("1000万", 1e7)]
    #[case("十", 10.0)]
    fn chinese(#[case] s: &str, #[case] v: f64) {
        assert_eq!(parse_zh(s), Some(v));
    }
}
