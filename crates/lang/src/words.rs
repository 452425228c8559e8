//! Words of space-separated text (German, English): the one word splitter the rule stages
//! share ([`word_spans`]), and the words the syntax heads parse ([`syntax_words`]):
//! punctuation, `%` and English clitics split off as Universal Dependencies tokenises, Chinese
//! words from the segmenter in [`crate::zh::words`].
//!
//! ```
//! use claimx_lang::words::word_spans;
//!
//! let text = "Amazon  schließt\tdas Labor.";
//! let words: Vec<&str> = word_spans(text).map(|(s, e)| &text[s..e]).collect();
//! assert_eq!(words, ["Amazon", "schließt", "das", "Labor."]);
//! ```

/// Definite and indefinite articles of English and German, lower case: words that name
/// nothing on their own (a tagger's `The` at a sentence's start is no organisation).
pub const ARTICLES: &[&str] = &[
    "the", "a", "an", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem",
    "einer", "eines",
];

/// Whether `start..end` overlaps one of `ranges`, which are in order and apart (as
/// [`overlong_words`] and [`web_addresses`] give them, or a text's entities): one binary
/// search, so filtering every figure or name of a long text against them stays linear.
///
/// ```
/// use claimx_lang::words::overlaps_any;
///
/// let blocked = [(3, 8), (20, 30)];
/// assert!(overlaps_any(&blocked, 7, 12));
/// assert!(!overlaps_any(&blocked, 8, 20));
/// assert!(overlaps_any(&blocked, 0, 40));
/// ```
pub fn overlaps_any(ranges: &[(usize, usize)], start: usize, end: usize) -> bool {
    // the last range starting before `end` is the only one that can reach into `start..end`
    let k = ranges.partition_point(|&(s, _)| s < end);
    k > 0 && ranges[k - 1].1 > start
}

/// Byte ranges of the runs of non-whitespace characters (Unicode `White_Space`) in `text`.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.split_whitespace().map(move |w| {
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        (start, start + w.len())
    })
}

/// English clitics Universal Dependencies (EWT, GUM) writes as words of their own.
const EN_CLITICS: &[&str] = &[
    "n't", "n’t", "'s", "’s", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'m", "’m", "'d", "’d",
];

/// Characters that are words of their own at the edge of a run (`(Reuters)`, `„gut“.`,
/// `5%`, `$5`).
fn splits_off(c: char) -> bool {
    !c.is_alphanumeric() && c != '-' && c != '&' && c != '_' && c != '/' || c == '%'
}

/// Whether the `.` ending `word` belongs to it: abbreviations (`z.B.`, `U.S.`, `Dr.`),
/// initials (`J.`) and ordinals (`4.`).
fn keeps_final_dot(word: &str, lang: claimx_doc::Lang) -> bool {
    let stem = &word[..word.len() - 1];
    if stem.is_empty() {
        return false;
    }
    let lower = stem.to_lowercase();
    let listed = crate::sentences::NEVER_END.contains(&lower.as_str())
        || crate::sentences::MAY_END.contains(&lower.as_str());
    let initial = stem.chars().count() == 1 && stem.chars().all(char::is_alphabetic);
    // `U.S.`, `z.B.`, `e.g.`: short letter groups joined by dots (not `next...`)
    let dotted = stem.contains('.')
        && stem
            .split('.')
            .all(|g| !g.is_empty() && g.chars().count() <= 3 && g.chars().all(char::is_alphabetic));
    let ordinal =
        lang == claimx_doc::Lang::De && stem.chars().all(|c| c.is_ascii_digit()) && stem.len() <= 3;
    listed || initial || dotted || ordinal
}

/// Byte ranges of the words the syntax heads parse in a sentence of language `lang`:
/// Chinese from the segmenter; otherwise whitespace runs with punctuation, `%` and currency
/// signs split off their edges (never inside: `1.000,5`, `U.S.`, `Amazon-Sprecher` stay
/// whole), a final `.` kept on abbreviations, initials and German ordinals, and English
/// clitics (`do|n't`, `company|'s`) split as Universal Dependencies does.
///
/// ```
/// use claimx_doc::Lang;
/// use claimx_lang::words::syntax_words;
///
/// let text = "Apple's U.S. sales (down 5%) didn't fall.";
/// let words: Vec<&str> = syntax_words(text, Lang::En).iter().map(|&(s, e)| &text[s..e]).collect();
/// assert_eq!(words, ["Apple", "'s", "U.S.", "sales", "(", "down", "5", "%", ")", "did", "n't", "fall", "."]);
/// ```
pub fn syntax_words(text: &str, lang: claimx_doc::Lang) -> Vec<(usize, usize)> {
    if lang == claimx_doc::Lang::Zh {
        // Traditional text is segmented as Simplified (same offsets): jieba's dictionary is
        // Simplified
        let simple = crate::zh::to_simplified(text);
        let text = simple.as_ref();
        let mut words: Vec<(usize, usize)> = crate::zh::words(text)
            .into_iter()
            .filter(|w| !text[w.start..w.end].trim().is_empty())
            .map(|w| {
                let t = &text[w.start..w.end];
                let lead = t.len() - t.trim_start().len();
                (w.start + lead, w.start + lead + t.trim().len())
            })
            .collect();
        // collected in place, the list keeps the segmenter's allocation (40-byte items for
        // these 16-byte ones), and a batch holds every sentence's list until it is parsed
        words.shrink_to_fit();
        return words;
    }
    let mut out = Vec::new();
    for (mut s, mut e) in word_spans(text) {
        let mut tail = Vec::new();
        // leading punctuation, one character at a time
        while let Some(c) = text[s..e].chars().next() {
            if !splits_off(c) || s + c.len_utf8() >= e && c != '%' {
                break;
            }
            out.push((s, s + c.len_utf8()));
            s += c.len_utf8();
        }
        // trailing punctuation and clitics
        loop {
            let word = &text[s..e];
            let Some(c) = word.chars().next_back() else {
                break;
            };
            if word.len() == c.len_utf8() {
                break;
            }
            if c == '.' && keeps_final_dot(word, lang) {
                break;
            }
            if splits_off(c) {
                tail.push((e - c.len_utf8(), e));
                e -= c.len_utf8();
                continue;
            }
            if lang == claimx_doc::Lang::En {
                let lower = word.to_lowercase();
                if let Some(cl) = EN_CLITICS
                    .iter()
                    .find(|cl| lower.ends_with(*cl) && lower.len() > cl.len())
                {
                    tail.push((e - cl.len(), e));
                    e -= cl.len();
                    continue;
                }
            }
            break;
        }
        if s < e {
            out.push((s, e));
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimx_doc::Lang;
    use rstest::rstest;

    #[rstest]
    #[case(Lang::De, "Der Umsatz stieg um 4,5 Prozent.", &["Der", "Umsatz", "stieg", "um", "4,5", "Prozent", "."])]
    #[case(Lang::De, "„Wir sind z.B. am 4. Mai (Montag) da“, sagte er.", &["„", "Wir", "sind", "z.B.", "am", "4.", "Mai", "(", "Montag", ")", "da", "“", ",", "sagte", "er", "."])]
    #[case(Lang::De, "Die Amazon-Sprecherin nannte 1.000,5 Mio. Euro.", &["Die", "Amazon-Sprecherin", "nannte", "1.000,5", "Mio.", "Euro", "."])]
    #[case(Lang::En, "Shares fell 3% to $5.20, Reuters said.", &["Shares", "fell", "3", "%", "to", "$", "5.20", ",", "Reuters", "said", "."])]
    #[case(Lang::En, "They can't say what's next...", &["They", "ca", "n't", "say", "what", "'s", "next", ".", ".", "."])]
    #[case(Lang::En, "J. Smith of AT&T.", &["J.", "Smith", "of", "AT&T", "."])]
    #[case(Lang::En, "\"Yes\"", &["\"", "Yes", "\""])]
    #[case(Lang::Zh, "中国经济增长了5%。", &["中国", "经济", "增长", "了", "5%", "。"])]
    #[case(Lang::Zh, "中國經濟增長了5%。", &["中國", "經濟", "增長", "了", "5%", "。"])]
    fn syntax_words_split_as_universal_dependencies(
        #[case] lang: Lang,
        #[case] text: &str,
        #[case] want: &[&str],
    ) {
        let got: Vec<&str> = syntax_words(text, lang)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(got, want);
    }

    #[rstest]
    #[case("", &[])]
    #[case("   ", &[])]
    #[case("a", &[(0, 1)])]
    #[case(" über  1.000\u{a0}Leute ", &[(1, 6), (8, 13), (15, 20)])]
    #[case("据报道，约3.5亿元。", &[(0, 27)])]
    fn words_are_whitespace_runs(#[case] text: &str, #[case] want: &[(usize, usize)]) {
        assert_eq!(word_spans(text).collect::<Vec<_>>(), want);
    }
}

/// A run of this many characters without a space (outside the unspaced scripts, where a
/// sentence is one run) is no word of any language: no name or figure is that long, while a
/// base64 blob, a minified script or a hash is. The tagger leaves such runs out (cut into
/// pieces they cost the encoder more time per byte than any text: a 2 MB run took minutes
/// and held back its whole batch) and the figure rules find no figures in them.
pub const MAX_WORD_CHARS: usize = 128;

/// The byte spans of the runs of [`MAX_WORD_CHARS`] or more characters without whitespace in
/// `text` (a character of an unspaced script ends a run).
pub fn overlong_words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None; // (byte start, characters)
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || crate::script::is_unspaced(c) {
            if let Some((start, n)) = run.take() {
                if n >= MAX_WORD_CHARS {
                    out.push((start, i));
                }
            }
        } else {
            match &mut run {
                Some(r) => r.1 += 1,
                None => run = Some((i, 1)),
            }
        }
    }
    if let Some((start, n)) = run {
        if n >= MAX_WORD_CHARS {
            out.push((start, text.len()));
        }
    }
    out
}

#[cfg(test)]
mod overlong_tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::none("Amazon hatte über 1.000 Mitarbeiter.", &[])]
    #[case::compound("Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz gilt.", &[])]
    #[case::blob(&format!("vor {} nach", "x".repeat(200)), &[(4, 204)])]
    #[case::at_the_end(&format!("vor {}", "ü".repeat(128)), &[(4, 260)])]
    #[case::just_under(&"a".repeat(127), &[])]
    #[case::chinese(&"亚马逊在上海的研究院成立于2018年".repeat(20), &[])]
    #[case::han_ends_a_run(&format!("{}亚{}", "b".repeat(130), "c".repeat(3)), &[(0, 130)])]
    fn overlong_words_are_found(#[case] text: &str, #[case] spans: &[(usize, usize)]) {
        assert_eq!(overlong_words(text), spans);
    }
}

/// Top-level domains a bare address is recognised by (`163.com`, `bundesbank.de/presse`):
/// the generic ones and those of the countries whose news the project reads.
const DOMAINS: &[&str] = &[
    "com", "net", "org", "edu", "gov", "info", "biz", "io", "de", "at", "ch", "eu", "uk", "us",
    "cn", "hk", "tw", "fr", "it", "es", "nl", "jp",
];

/// A character an address can hold when it runs on (printable ASCII but brackets and quotes:
/// `(https://x.de)` ends before the bracket; a Chinese character ends it too).
fn in_address(c: char) -> bool {
    c.is_ascii_graphic()
        && !matches!(
            c,
            '<' | '>' | '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '`'
        )
}

fn in_host(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// Whether the inside of a bracket is a stock listing, not part of a name's phrase: an
/// exchange and symbol (`NYSE: IBM`, `NASDAQ:AAPL`, `KMRT.O: Quote, Profile, Research`) or a
/// Reuters-style code (`AAPL.O`, `0700.HK`, `S.N`).
///
/// ```
/// use claimx_lang::words::is_stock_listing;
/// assert!(is_stock_listing("KMRT.O: Quote, Profile, Research"));
/// assert!(is_stock_listing("NYSE: IBM"));
/// assert!(is_stock_listing("0700.HK"));
/// assert!(!is_stock_listing("EGT"));
/// assert!(!is_stock_listing("siehe Tabelle"));
/// ```
pub fn is_stock_listing(inside: &str) -> bool {
    let first = inside.split([':', ',', ' ']).next().unwrap_or("").trim();
    const EXCHANGES: &[&str] = &[
        "NYSE", "NASDAQ", "Nasdaq", "LSE", "TSX", "ASX", "HKEX", "SEHK", "SSE", "SZSE", "FWB",
        "XETRA", "Xetra", "ETR", "FRA",
    ];
    let exchange =
        EXCHANGES.contains(&first) && inside[first.len()..].trim_start().starts_with(':');
    let code = first.split_once('.').is_some_and(|(sym, market)| {
        (1..=6).contains(&sym.len())
            && sym
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && (1..=2).contains(&market.len())
            && market.chars().all(|c| c.is_ascii_uppercase())
    });
    exchange || code
}

/// Latin-script quotation marks, opening and closing.
const LATIN_QUOTES: &[(char, char)] = &[('„', '“'), ('“', '”'), ('"', '"'), ('«', '»'), ('»', '«')];

/// Short quoted titles made of a name and a number (`„Vision 2020+“`, `"Agenda 2030"`, `“Made
/// in China 2025”`), as byte spans without the marks: names of programmes and strategies,
/// whose number counts or dates nothing. Two to four words, one of them a capitalised word of
/// letters, one with a digit, and no `.`, `,`, `;` or `:` inside.
///
/// ```
/// use claimx_lang::words::numbered_titles;
/// let text = "Die Strategie „Vision 2020+“ gilt. Er sagte: \"Wir wachsen 2020 um 5 Prozent.\"";
/// let found: Vec<&str> = numbered_titles(text).iter().map(|&(a, b)| &text[a..b]).collect();
/// assert_eq!(found, ["Vision 2020+"]);
/// ```
pub fn numbered_titles(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(open, close) in LATIN_QUOTES {
        let mut from = 0;
        while let Some(at) = text[from..].find(open).map(|i| from + i) {
            let start = at + open.len_utf8();
            // a title is short: its closing mark within 40 bytes
            let window =
                &text[start..claimx_doc::floor_char_boundary(text, (start + 40).min(text.len()))];
            let Some(len) = window.find(close) else {
                from = start;
                continue;
            };
            let inside = &text[start..start + len];
            let words: Vec<&str> = inside.split_whitespace().collect();
            let titled = !inside.contains(['.', ',', ';', ':'])
                && (2..=4).contains(&words.len())
                && words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
                && words.iter().any(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().all(char::is_alphabetic)
                });
            if titled {
                out.push((start, start + len));
            }
            from = start + len + close.len_utf8();
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The byte spans of the web and mail addresses in `text`: `https://…`, `www.…`, `name@host.tld`
/// and bare domains (`163.com`, `heise.de/news/2020`). Their digits are parts of a name, no
/// figures (`…/2020/05/artikel-123.html`, `?id=45%20`), and their dots end no sentence.
/// A sentence's final stop after an address is not part of it.
pub fn web_addresses(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    // the end of the address run that starts at `from`
    let run_end = |from: usize| {
        let mut end = from
            + text[from..]
                .find(|c: char| !in_address(c))
                .unwrap_or(text.len() - from);
        while end > from && matches!(b[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?') {
            end -= 1;
        }
        end
    };
    let host_start = |at: usize| {
        let mut s = at;
        while s > 0 && (in_host(b[s - 1] as char) || b[s - 1] == b'.') {
            s -= 1;
        }
        s
    };
    for (i, _) in text.match_indices("://") {
        let mut s = i;
        while s > 0 && b[s - 1].is_ascii_alphabetic() {
            s -= 1;
        }
        if s < i {
            out.push((s, run_end(i + 3)));
        }
    }
    for (i, _) in text.match_indices(['w', 'W']) {
        let www = text
            .get(i..i + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."));
        if www && (i == 0 || !in_host(b[i - 1] as char) && b[i - 1] != b'.') {
            out.push((i, run_end(i)));
        }
    }
    for (i, _) in text.match_indices('@') {
        let mut s = i;
        while s > 0 && (in_host(b[s - 1] as char) || matches!(b[s - 1], b'.' | b'_' | b'%' | b'+'))
        {
            s -= 1;
        }
        let mut e = i + 1;
        while e < b.len() && (in_host(b[e] as char) || b[e] == b'.') {
            e += 1;
        }
        while e > i + 1 && b[e - 1] == b'.' {
            e -= 1;
        }
        if s < i && text[i + 1..e].contains('.') {
            out.push((s, e));
        }
    }
    for (i, _) in text.match_indices('.') {
        let tld_end = i
            + 1
            + b[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_lowercase())
                .count();
        let tld = &text[i + 1..tld_end];
        let ends = tld_end == b.len() || !in_host(b[tld_end] as char);
        let s = host_start(i);
        if !DOMAINS.contains(&tld) || !ends || s == i || b[s] == b'.' {
            continue;
        }
        let e = if b.get(tld_end) == Some(&b'/') {
            run_end(tld_end)
        } else {
            tld_end
        };
        out.push((s, e));
    }
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

#[cfg(test)]
mod web_address_tests {
    use super::*;
    use rstest::rstest;

    fn found(text: &str) -> Vec<&str> {
        web_addresses(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[rstest]
    #[case::url("Mehr unter https://www.example.com/news/2020/05/artikel-123.html.", &["https://www.example.com/news/2020/05/artikel-123.html"])]
    #[case::query("See www.test.de/seite?id=45%20x for more", &["www.test.de/seite?id=45%20x"])]
    #[case::bracketed("(https://reuters.com/a-1), said", &["https://reuters.com/a-1"])]
    #[case::mail("Schreiben Sie an info.2020@firma.de oder", &["info.2020@firma.de"])]
    #[case::bare_domain("访问163.com了解", &["163.com"])]
    #[case::domain_with_path("laut heise.de/news/123 heute", &["heise.de/news/123"])]
    #[case::chinese_ends_it("详见www.gov.cn。", &["www.gov.cn"])]
    #[case::no_space_after_a_stop("rose 5% in 2020.It was", &[])]
    #[case::capital_tld("bis 2020.De", &[])]
    #[case::decimal("Umsatz von 3.5 Mrd.", &[])]
    #[case::abbreviation("the U.S. economy, z.B. heute", &[])]
    #[case::none("Amazon hatte über 1.000 Mitarbeiter.", &[])]
    fn addresses_are_found(#[case] text: &str, #[case] want: &[&str]) {
        assert_eq!(found(text), want);
    }
}

/// Words before a version number (`version 4.0`, `Version 2.1`, `release 3`): the number
/// names a release, it counts nothing.
pub fn is_version_word(word: &str) -> bool {
    const WORDS: &[&str] = &["version", "versions", "release", "ver"];
    WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}
