//! The words figures are made of besides numbers: currency signs, codes and names, minor
//! currency units, measure units, and the phrases that bound a value (`über`, `nearly`,
//! `至少`), in German, English and Chinese.
//!
//! ```
//! use claimx_lang::units::{currency_symbol, currency_word, quantity_unit};
//!
//! assert_eq!(currency_symbol("€"), Some("EUR"));
//! assert_eq!(currency_word("Dollar"), Some("USD"));
//! assert_eq!(currency_word("人民币"), Some("CNY"));
//! assert_eq!(quantity_unit("公里"), Some("km"));
//! ```

use claimx_doc::Bound;

/// The ISO 4217 code of a currency sign (`$`, `€`, `¥`).
pub fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" | "US$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" | "￥" => "CNY",
        // `Rs` is also Pakistan's and Sri Lanka's rupee sign; in the English-language press
        // it is the Indian rupee's far more often, as `$` is the US dollar's
        "₹" | "Rs" | "Rs." => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "CHF" => "CHF",
        _ => return None,
    })
}

/// An ISO 4217 code as written (`USD`, `RMB` → `CNY`).
pub fn iso_code(s: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "CNY", "RMB", "JPY", "CHF", "HKD", "INR", "CAD", "AUD", "KRW", "RUB",
        "SEK", "NOK", "DKK", "PLN", "TWD", "SGD", "BRL", "MXN",
    ];
    CODES
        .iter()
        .find(|c| **c == s)
        .map(|c| if *c == "RMB" { "CNY" } else { *c })
}

/// The ISO 4217 code of a currency name or code in any of the languages (`Dollar`, `欧元`).
pub fn currency_word(s: &str) -> Option<&'static str> {
    if let Some(c) = iso_code(s) {
        return Some(c);
    }
    let l = s.to_lowercase();
    Some(match l.as_str() {
        "dollar" | "dollars" | "us-dollar" | "usd" | "美元" | "美金" => "USD",
        "euro" | "euros" | "欧元" => "EUR",
        "pfund" | "pound" | "pounds" | "英镑" => "GBP",
        "yuan" | "renminbi" | "元" | "人民币" | "块" | "元人民币" => "CNY",
        "yen" | "日元" => "JPY",
        "franken" | "francs" | "瑞士法郎" => "CHF",
        "港元" | "港币" => "HKD",
        "新台币" | "台币" => "TWD",
        "澳门币" | "澳门元" => "MOP",
        "rupees" | "rupien" | "卢比" => "INR",
        "won" | "韩元" => "KRW",
        "rubel" | "rubles" | "卢布" => "RUB",
        "pesetas" | "peseten" => "ESP",
        "rmb" => "CNY",
        "美刀" => "USD",
        "ரூ" | "rs" => "INR",
        "cent" | "cents" => "USD-cent",
        _ => return None,
    })
    .filter(|c| *c != "USD-cent")
}

/// The unit a measure word names (`Kilometer`, `公里` → `km`), as its English short symbol:
/// the news conventions first (`吨`, `tons` and `tonnes` are metric tonnes, one-letter
/// symbols, `Grad` and `度`), then the names and symbols of CLDR ([`crate::measures`]).
pub fn quantity_unit(s: &str) -> Option<&'static str> {
    unit_convention(s).or_else(|| crate::measures::unit_of(s))
}

/// The unit news writes a word for where it differs from CLDR or CLDR leaves the word out
/// (`吨` and `tons` are metric tonnes, one-letter symbols, `Grad`, `度`); `None` for the rest.
pub fn unit_convention(s: &str) -> Option<&'static str> {
    Some(match s {
        "m" | "米" => "m",
        "g" | "克" => "g",
        "t" | "Tonnen" | "Tonne" | "tons" | "ton" | "tonnes" | "tonne" | "吨" | "噸" => "t",
        "l" | "L" => "L",
        "°C" | "°" | "Grad" | "degrees" | "度" | "℃" => "°C",
        "°F" | "℉" => "°F",
        "Barrel" | "barrels" | "barrel" => "bbl",
        "mAh" => "mAh",
        "Megapixel" | "megapixels" | "megapixel" | "MP" => "MP",
        _ => return None,
    })
}

/// Currency codes written before a dollar sign.
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w.to_lowercase().as_str() {
        "us" | "usd" => "USD",
        "a" | "au" | "aud" => "AUD",
        "c" | "ca" | "cad" => "CAD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "mxn" | "mx" => "MXN",
        "s" | "sgd" => "SGD",
        _ => return None,
    })
}

/// Minor currency units (values stay in that unit).
pub fn subunit(w: &str) -> Option<&'static str> {
    Some(match w.to_lowercase().as_str() {
        "cent" | "cents" => "cent",
        "pence" | "penny" | "pennies" | "p" => "GBX",
        _ => return None,
    })
}

/// The country words that say whose dollar, franc or yuan is meant (`Hong Kong`,
/// `kanadische`), lower case: how many words they take (the first and maybe the second) and
/// the ISO 4217 code.
pub fn currency_country(first: &str, second: &str) -> Option<(usize, &'static str)> {
    Some(match (first, second) {
        ("hong", "kong") => (2, "HKD"),
        ("new", "zealand") => (2, "NZD"),
        ("us" | "u.s." | "american" | "amerikanische" | "amerikanischen", _) => (1, "USD"),
        ("australian" | "australische" | "australischen", _) => (1, "AUD"),
        ("canadian" | "kanadische" | "kanadischen", _) => (1, "CAD"),
        ("swiss" | "schweizer", _) => (1, "CHF"),
        ("chinese" | "chinesische" | "chinesischen", _) => (1, "CNY"),
        ("mexican" | "mexikanische" | "mexikanischen", _) => (1, "MXN"),
        ("singapore", _) => (1, "SGD"),
        _ => return None,
    })
}

/// Currency names several countries use, which a country word before them makes precise.
pub const SHARED_CURRENCY_NAMES: &[&str] = &[
    "dollar", "dollars", "francs", "franken", "yuan", "pesos", "peso",
];

/// Chinese currency names after a number, longest first where one contains another.
pub const ZH_CURRENCY_NAMES: &[(&str, &str)] = &[
    ("新台币", "TWD"),
    ("人民币", "CNY"),
    ("比特币", "BTC"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("美刀", "USD"),
    ("欧元", "EUR"),
    ("英镑", "GBP"),
    ("日元", "JPY"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("台币", "TWD"),
    ("韩元", "KRW"),
    ("卢布", "RUB"),
    ("奈拉", "NGN"),
    ("卢比", "INR"),
    ("瑞士法郎", "CHF"),
    ("澳元", "AUD"),
    ("加元", "CAD"),
    ("元人民币", "CNY"),
    ("元", "CNY"),
    ("块钱", "CNY"),
    ("块", "CNY"),
];

/// A Chinese minor currency unit at the start of `rest` (`角`/`毛` tenths; `分`, `美分`,
/// `欧分`, `便士`, `仙` hundredths): its length in bytes and how many make one major unit.
pub fn zh_minor_unit(rest: &str) -> Option<(usize, f64)> {
    const UNITS: &[(&str, f64)] = &[
        ("美分", 100.0),
        ("欧分", 100.0),
        ("便士", 100.0),
        ("角", 10.0),
        ("毛", 10.0),
        ("分", 100.0),
        ("仙", 100.0),
    ];
    UNITS
        .iter()
        .find(|(u, _)| rest.starts_with(u))
        .map(|(u, per)| (u.len(), *per))
}

/// Phrases before a figure that bound its value (`über`, `nearly`, `至少`); where several end
/// right before a figure, the longest (`大约` over `约`) is meant.
pub const BOUNDS: &[(&str, Bound)] = &[
    ("more than", Bound::Gt),
    ("mehr als", Bound::Gt),
    ("in excess of", Bound::Gt),
    ("upwards of", Bound::Gt),
    ("über", Bound::Gt),
    ("over", Bound::Gt),
    ("above", Bound::Gt),
    ("超过", Bound::Gt),
    ("逾", Bound::Gt),
    ("多于", Bound::Gt),
    ("高于", Bound::Gt),
    ("just under", Bound::Lt),
    ("just over", Bound::Gt),
    ("well over", Bound::Gt),
    ("最低", Bound::Ge),
    ("最少", Bound::Ge),
    ("最高", Bound::Le),
    ("in etwa", Bound::Approx),
    ("at least", Bound::Ge),
    ("no fewer than", Bound::Ge),
    ("no less than", Bound::Ge),
    ("mindestens", Bound::Ge),
    ("wenigstens", Bound::Ge),
    ("至少", Bound::Ge),
    ("不少于", Bound::Ge),
    ("nearly", Bound::Approx),
    ("almost", Bound::Approx),
    ("about", Bound::Approx),
    ("around", Bound::Approx),
    ("approximately", Bound::Approx),
    ("roughly", Bound::Approx),
    ("close to", Bound::Approx),
    ("an estimated", Bound::Approx),
    ("some", Bound::Approx),
    ("circa", Bound::Approx),
    ("ca.", Bound::Approx),
    ("rund", Bound::Approx),
    ("etwa", Bound::Approx),
    ("ungefähr", Bound::Approx),
    ("fast", Bound::Approx),
    ("knapp", Bound::Approx),
    // `gut 500 Menschen`, `gut die Hälfte`: a little more than
    ("gut", Bound::Gt),
    ("beinahe", Bound::Approx),
    ("annähernd", Bound::Approx),
    ("zirka", Bound::Approx),
    ("rd.", Bound::Approx),
    ("约为", Bound::Approx),
    ("约", Bound::Approx),
    ("大约", Bound::Approx),
    ("将近", Bound::Approx),
    ("接近", Bound::Approx),
    ("近", Bound::Approx),
    ("~", Bound::Approx),
    ("≈", Bound::Approx),
    ("less than", Bound::Lt),
    ("fewer than", Bound::Lt),
    ("under", Bound::Lt),
    ("below", Bound::Lt),
    ("weniger als", Bound::Lt),
    ("unter", Bound::Lt),
    ("不到", Bound::Lt),
    ("少于", Bound::Lt),
    ("低于", Bound::Lt),
    ("不足", Bound::Lt),
    ("不满", Bound::Lt),
    ("未满", Bound::Lt),
    // a negated bound is the opposite one, and as the longer phrase it wins over the bound
    // it ends with (`不超过` over `超过`, `not more than` over `more than`)
    ("不超过", Bound::Le),
    ("不高于", Bound::Le),
    ("不多于", Bound::Le),
    ("不低于", Bound::Ge),
    ("not more than", Bound::Le),
    ("not over", Bound::Le),
    ("not less than", Bound::Ge),
    ("not fewer than", Bound::Ge),
    ("nicht mehr als", Bound::Le),
    ("nicht über", Bound::Le),
    ("nicht weniger als", Bound::Ge),
    ("at most", Bound::Le),
    ("up to", Bound::Le),
    ("as many as", Bound::Le),
    ("as much as", Bound::Le),
    ("no more than", Bound::Le),
    ("höchstens", Bound::Le),
    ("bis zu", Bound::Le),
    ("maximal", Bound::Le),
    ("最多", Bound::Le),
];
