/// Reduce an HTML page to readable text and its `<title>`.
///
/// Scripts, styles, navigation, asides, forms and footers are dropped; block elements end
/// lines; entities are decoded; runs of spaces collapse. When the page has `<article>`
/// elements only their text is kept. Works in one pass without recursion, so deeply nested
/// markup costs no stack.
pub fn html_to_text(html: &str) -> (String, Option<String>) {
    convert(html, usize::MAX).unwrap_or_default()
}

/// Elements open at once beyond which a page is refused by [`html_to_text_checked`]: the depth
/// at which Blink's HTML parser stops nesting. Articles stay far below it; pages beyond it
/// are generated markup or HTML bombs.
pub const MAX_HTML_DEPTH: usize = 512;

/// Why a page was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    /// Byte offset of the start tag that went past the limit.
    pub at: usize,
}

/// [`html_to_text`], refusing pages with more than `max_depth` elements open at once
/// (void elements and the ones browsers close implicitly, like `<p>` and `<li>`, are not
/// counted).
pub fn html_to_text_checked(
    html: &str,
    max_depth: usize,
) -> Result<(String, Option<String>), TooDeep> {
    convert(html, max_depth)
}

/// Elements that never nest (void) or that sloppy markup leaves open and browsers close
/// themselves: not counted towards the depth.
fn counts_towards_depth(name: &str) -> bool {
    !name.is_empty()
        && !matches!(
            name,
            "area"
                | "base"
                | "br"
                | "col"
                | "embed"
                | "hr"
                | "img"
                | "input"
                | "link"
                | "meta"
                | "source"
                | "track"
                | "wbr"
                | "param"
                | "p"
                | "li"
                | "dt"
                | "dd"
                | "tr"
                | "td"
                | "th"
                | "option"
                | "html"
                | "head"
                | "body"
                | "colgroup"
                | "tbody"
                | "thead"
                | "tfoot"
        )
}

fn convert(html: &str, max_depth: usize) -> Result<(String, Option<String>), TooDeep> {
    let mut depth = 0usize;
    let has_article = find_ci(html, "<article").is_some();
    let mut out = String::with_capacity(html.len() / 3);
    let mut title: Option<String> = None;
    let mut in_title = false;
    let mut skip_until: Option<&'static str> = None; // closing tag of a skipped element
    let mut skip_depth = 0usize;
    let mut article_depth = 0usize;
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    let flush =
        |out: &mut String, title: &mut Option<String>, seg: &str, in_title: bool, keep: bool| {
            if in_title {
                let t = decode_entities(seg);
                let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                if !t.is_empty() {
                    *title = Some(t);
                }
            } else if keep {
                push_text(out, &decode_entities(seg));
            }
        };
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let keep = skip_until.is_none() && (!has_article || article_depth > 0);
        flush(&mut out, &mut title, &html[text_start..i], in_title, keep);
        // Comments
        if html[i..].starts_with("<!--") {
            i = html[i + 4..]
                .find("-->")
                .map(|p| i + 4 + p + 3)
                .unwrap_or(bytes.len());
            text_start = i;
            continue;
        }
        let end = match memchr_gt(bytes, i) {
            Some(e) => e,
            None => {
                text_start = bytes.len();
                break;
            }
        };
        let tag = &html[i + 1..end];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if skip_until.is_none() && counts_towards_depth(&name) {
            if closing {
                depth = depth.saturating_sub(1);
            } else if !tag.ends_with('/') {
                depth += 1;
                if depth > max_depth {
                    return Err(TooDeep { at: i });
                }
            }
        }
        i = end + 1;
        text_start = i;
        if let Some(close) = skip_until {
            if name == close {
                if closing {
                    skip_depth -= 1;
                    if skip_depth == 0 {
                        skip_until = None;
                    }
                } else if !tag.ends_with('/') {
                    skip_depth += 1;
                }
            }
            continue;
        }
        match (name.as_str(), closing) {
            (
                "script" | "style" | "noscript" | "template" | "svg" | "nav" | "aside" | "form"
                | "footer" | "button" | "select" | "iframe",
                false,
            ) if !tag.ends_with('/') => {
                skip_until = Some(static_name(&name));
                skip_depth = 1;
            }
            ("title", false) => in_title = true,
            ("title", true) => in_title = false,
            ("article", false) => {
                article_depth += 1;
                newline(&mut out, 2);
            }
            ("article", true) => article_depth = article_depth.saturating_sub(1),
            ("br", _) => newline(&mut out, 1),
            (
                "p" | "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul"
                | "ol" | "table" | "blockquote" | "figure" | "figcaption" | "main" | "pre" | "hr",
                _,
            ) => newline(&mut out, 2),
            ("li" | "tr" | "dt" | "dd", _) => newline(&mut out, 1),
            ("td" | "th", _) => push_text(&mut out, " "),
            _ => {}
        }
    }
    let keep = skip_until.is_none() && (!has_article || article_depth > 0);
    if text_start < bytes.len() {
        flush(&mut out, &mut title, &html[text_start..], in_title, keep);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    let lead = out.len() - out.trim_start().len();
    out.drain(..lead);
    Ok((out, title))
}

fn static_name(name: &str) -> &'static str {
    match name {
        "script" => "script",
        "style" => "style",
        "noscript" => "noscript",
        "template" => "template",
        "svg" => "svg",
        "nav" => "nav",
        "aside" => "aside",
        "form" => "form",
        "footer" => "footer",
        "button" => "button",
        "select" => "select",
        _ => "iframe",
    }
}

fn memchr_gt(bytes: &[u8], from: usize) -> Option<usize> {
    // Quoted attribute values may hold '>'.
    let mut quote: Option<u8> = None;
    for (k, &b) in bytes.iter().enumerate().skip(from + 1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(k),
            _ => {}
        }
    }
    None
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Append text, collapsing whitespace as a browser does.
fn push_text(out: &mut String, t: &str) {
    for c in t.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// End the current line; `n` = 2 leaves a blank line (paragraph break).
fn newline(out: &mut String, n: usize) {
    while out.ends_with(' ') {
        out.pop();
    }
    if out.is_empty() {
        return;
    }
    let have = out.chars().rev().take_while(|&c| c == '\n').count();
    for _ in have..n {
        out.push('\n');
    }
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            // A numeric reference to no character (0, a surrogate, past U+10FFFF, too long to
            // parse) is U+FFFD, as HTML parsers read it: its digits are no figure.
            let numeric = |num: &str, radix: u32| {
                (!num.is_empty() && num.chars().all(|c| c.is_digit(radix))).then(|| {
                    u32::from_str_radix(num, radix)
                        .ok()
                        .and_then(char::from_u32)
                        .filter(|&c| c != '\0')
                        .unwrap_or('\u{FFFD}')
                })
            };
            let c = if let Some(num) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
                numeric(num, 16)
            } else if let Some(num) = ent.strip_prefix('#') {
                numeric(num, 10)
            } else {
                named_entity(ent)
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(e: &str) -> Option<char> {
    Some(match e {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "bdquo" => '„',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "eacute" => 'é',
        "copy" => '©',
        "middot" => '·',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::paragraphs("<html><head><title>T</title><script>var x = '<p>';</script></head><body><p>Erster Satz.</p><p>Zweiter&nbsp;Satz &amp; mehr.</p></body></html>", "Erster Satz.\n\nZweiter\u{a0}Satz & mehr.", Some("T"))]
    #[case::article_only("<nav>Startseite</nav><article><h1>Amazon schließt Labor</h1><p>Über 1.000 Mitarbeiter.</p></article><footer>Impressum</footer>", "Amazon schließt Labor\n\nÜber 1.000 Mitarbeiter.", None)]
    #[case::entities(
        "<p>&bdquo;Zitat&ldquo; &#8211; &#x4e2d;&#25991; &unknown; &amp</p>",
        "„Zitat“ – 中文 &unknown; &amp",
        None
    )]
    #[case::invalid_numeric_entities(
        "<p>&#99999999; &#xD800; &#0; &#4294967296; &#x12G;</p>",
        "\u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} &#x12G;",
        None
    )]
    #[case::attribute_with_gt("<p class=\"a>b\">Text</p>", "Text", None)]
    #[case::comment("<p>A<!-- <p>hidden</p> -->B</p>", "AB", None)]
    #[case::unclosed("<p>Text <b", "Text", None)]
    fn reduces_html(#[case] html: &str, #[case] text: &str, #[case] title: Option<&str>) {
        let (t, ti) = html_to_text(html);
        assert_eq!(t, text);
        assert_eq!(ti.as_deref(), title);
    }

    #[test]
    fn deep_nesting_needs_no_stack() {
        let html = format!(
            "{}Tief{}",
            "<div>".repeat(200_000),
            "</div>".repeat(200_000)
        );
        let (t, _) = html_to_text(&html);
        assert_eq!(t, "Tief");
        assert_eq!(
            html_to_text_checked(&html, MAX_HTML_DEPTH),
            Err(TooDeep {
                at: 5 * MAX_HTML_DEPTH
            })
        );
    }

    #[test]
    fn sloppy_but_shallow_markup_passes_the_depth_check() {
        // a thousand unclosed <p> and <li>, and balanced nesting 500 deep
        let html = format!(
            "<ul>{}</ul>{}{}x{}",
            "<li>item ".repeat(1_000),
            "<p>Absatz ".repeat(1_000),
            "<div><span>".repeat(250),
            "</span></div>".repeat(250)
        );
        let (t, _) = html_to_text_checked(&html, MAX_HTML_DEPTH).unwrap();
        assert!(t.ends_with('x'));
    }
}
