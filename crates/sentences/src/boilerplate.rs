use crate::rules::{BOILERPLATE_PHRASES, BOILERPLATE_PREFIXES, CONTACT_WORDS, ZONE_MARKERS};
use crate::splitter::{is_closer, is_terminal};
use crate::SentenceBounds;

/// Flags boilerplate among split sentences.
///
/// A sentence is boilerplate when it does not end in terminal punctuation (headings,
/// navigation, bylines, datelines), is very short (`Shanghai.`, `Direkt hier lesen!`), opens
/// with a caption/byline/ad prefix (`Foto:`, `Erstpublikation:`), or lies in a zone opened by a
/// marker line (`Anzeige`, `Verwandte Themen`, `免责声明`) that lasts to the next blank line.
#[derive(Debug, Clone, Copy, Default)]
pub struct BoilerplateMarker;

impl BoilerplateMarker {
    /// Mark headings, bylines, navigation and disclaimers among `sentences` of `text`.
    pub fn mark(&self, text: &str, sentences: &mut [SentenceBounds]) {
        let mut zone_until: Option<usize> = None;
        for s in sentences.iter_mut() {
            let t = &text[s.start..s.end];
            if let Some(until) = zone_until {
                if s.start < until {
                    s.boilerplate = true;
                    continue;
                }
                zone_until = None;
            }
            if ZONE_MARKERS.iter().any(|m| starts_marker(t, m)) {
                s.boilerplate = true;
                zone_until = Some(paragraph_end(text, s.end));
                continue;
            }
            s.boilerplate |= is_boilerplate_sentence(t);
        }
    }
}

fn starts_marker(t: &str, marker: &str) -> bool {
    let Some(rest) = t.strip_prefix(marker) else {
        return false;
    };
    rest.trim_start_matches([' ', ':', '：']).is_empty()
        || rest.starts_with([' ', ':', '：'])
            && rest.chars().filter(|c| c.is_whitespace()).count() < 3
        || marker.chars().any(|c| c as u32 > 0x2E80)
}

fn paragraph_end(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if offset > 0 && line.trim().is_empty() {
            return from + offset;
        }
        offset += line.len();
    }
    text.len()
}

fn is_boilerplate_sentence(t: &str) -> bool {
    let mut chars = t.chars().rev();
    let mut last = chars.next().unwrap_or(' ');
    while is_closer(last) {
        match chars.next() {
            Some(c) => last = c,
            None => break,
        }
    }
    if !is_terminal(last) {
        return true;
    }
    if BOILERPLATE_PREFIXES.iter().any(|p| starts_with_word(t, p)) {
        return true;
    }
    let lower = t.to_lowercase();
    if BOILERPLATE_PHRASES.iter().any(|p| lower.contains(p)) || is_contact_line(&lower) {
        return true;
    }
    let words = t.split_whitespace().count();
    let cjk = t
        .chars()
        .filter(|&c| claimx_lang::script::is_unspaced(c))
        .count();
    // a three-word statement of a figure is a sentence (`Apple raised $1bn.`, `Sales rose
    // 5%.`); shorter ones are labels (`Shanghai.`, `Teil 2.`)
    let states_a_figure = words == 3 && last == '.' && t.chars().any(|c| c.is_ascii_digit());
    words < 4 && cjk < 8 && !states_a_figure
}

/// An e-mail address beside a word of contact (`you can contact … by email (x@y.com)`): the
/// reporter's or the site's contact line. (lower-cased sentence)
fn is_contact_line(lower: &str) -> bool {
    // (`@` first: the address finder is not run on every sentence)
    let address = lower.contains('@')
        && claimx_lang::words::web_addresses(lower)
            .iter()
            .any(|&(a, b)| lower[a..b].contains('@'));
    address && CONTACT_WORDS.iter().any(|w| lower.contains(w))
}

/// `t` starts with `prefix`, and a prefix ending in a letter is not part of a longer word
/// (`Anzeige` but not `Anzeigenkunden`).
fn starts_with_word(t: &str, prefix: &str) -> bool {
    match t.strip_prefix(prefix) {
        None => false,
        Some(rest) => {
            !prefix.ends_with(char::is_alphanumeric) || !rest.starts_with(char::is_alphanumeric)
        }
    }
}
