//! Word lists the sentence splitter and the boilerplate marker read: abbreviations (German
//! and English), sentence openers, German ordinal contexts, boilerplate phrases of news sites.

/// Abbreviations (lower-cased, without the final dot) after which a full stop never ends a
/// sentence, because in news text they are always followed by what they qualify.
pub const NEVER_END: &[&str] = &[
    // English titles and references
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
    "capt", "cmdr", "adm", "rev", "hon", "pres", "supt", "vs", "v", "e.g", "i.e", "approx", "no",
    "nos", "fig", "figs", "cf", "dept", "est", "ft", "jan", "feb", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "p", "pp", "vol", "ch", "sec", "para", "n°", "nr",
    // German
    "z", "bzw", "ca", "hr", "hrn", "fr", "frl", "str", "abs", "art", "bd", "jh", "jhd", "chr",
    "geb", "gest", "evtl", "ggf", "inkl", "zzgl", "vgl", "sog", "d.h", "u.a", "o.ä", "z.b", "z.t",
    "u.u", "s", "mind", "rd", "gem", "lt", "vorm", "nachm", "ehem", "dt", "engl", "franz", "allg",
    "bspw", "insb", "tel", "mo", "di", "mi", "do", "sa", "so", "u", "o", "a", "ggü", "gegr",
    "verh", "zit", "hg", "hrsg", "ua", "bzgl", "zb",
    // German titles and qualifiers before a name or noun: `Dr. med. Meyer`, `kath. Schule`
    // (not `ev`, `phil`: an `EV.` or `Phil.` ends English sentences)
    "med", "jur", "rer", "nat", "dipl", "ing", "kath", "evang", "röm", "stellv", "univ", "habil",
    // currency signs written with a stop, always before their amount: `Rs. 500 crore`
    "rs",
];

/// Abbreviations that may also end a sentence: they end one only when a typical sentence
/// opener follows.
pub const MAY_END: &[&str] = &[
    "etc", "inc", "ltd", "co", "corp", "jr", "sr", "u.s", "u.k", "e.u", "u.s.a", "a.m", "p.m",
    "usw", "plc", "llc", "gmbh", "ag", "bros",
    // `max. 5 Jahre`, `min. 3`, but also the unit at a sentence's end: `… is min. The fact`
    "min", "max",
    // scales before their currency (`3 Mio. Euro`) or at a sentence's end (`auf 5 Mio. Das`)
    "mio", "mrd", "tsd",
];

/// Words that typically open a sentence (checked after a [`MAY_END`] abbreviation).
pub const SENTENCE_OPENERS: &[&str] = &[
    "I", "The", "He", "She", "It", "They", "We", "This", "That", "There", "These", "Those", "But",
    "However", "In", "A", "An", "His", "Her", "Our", "Their", "My", "You", "How", "What", "Why",
    "When", "Where", "Who", "If", "As", "Did", "Do", "Does", "Is", "Are", "Was", "Were", "Can",
    "Could", "Will", "Would", "Should", "Have", "Has", "Had", "Der", "Die", "Das", "Er", "Sie",
    "Es", "Wir", "Ich", "Ein", "Eine", "Dies", "Diese", "Dieser", "Aber", "Doch", "Im", "Am",
    "Auch", "So", "Nach",
];

/// German articles and prepositions after which `<1-2 digits>.` is an ordinal or a date.
pub const ORDINAL_CONTEXT: &[&str] = &[
    "am", "der", "die", "das", "den", "dem", "des", "zum", "zur", "vom", "im", "bis", "ab", "seit",
    "vor", "nach", "ihr", "ihre", "ihrem", "ihren", "sein", "seine", "seinem", "seinen", "dieser",
    "diesem", "jeder", "jedem", "beim", "ins", "zu", "von", "und", "oder", "–", "-",
];

/// Phrases that media sites glue to the end of a dateline; split off as their own boilerplate.
pub const TRAILING_UI_PHRASES: &[&str] = &[
    "Artikel anhören",
    "Artikel vorlesen",
    "Artikel teilen",
    "Listen to this article",
    "Listen to article",
    "Share this article",
];

/// Line or sentence openers that mark boilerplate on their own line.
pub const BOILERPLATE_PREFIXES: &[&str] = &[
    "Foto:",
    "Fotos:",
    "Bild:",
    "Bilder:",
    "Quelle:",
    "Photo:",
    "Photos:",
    "Image:",
    "Credit:",
    "Source:",
    "Copyright",
    "©",
    "Erstpublikation:",
    "Erstveröffentlichung:",
    "Aktualisiert:",
    "Updated:",
    "Published:",
    "Veröffentlicht:",
    "Stand:",
    "Anzeige",
    "Advertisement",
    "Werbung",
    "Lesen Sie auch",
    "Lesen Sie mehr",
    "Read more",
    "Read also",
    "Related:",
    "Mehr zum Thema",
    "Zum Thema",
    "Tags:",
    "Schlagworte:",
];

/// Phrases that mark a sentence as the site's, not the story's, wherever they stand in it
/// (lower case): rights notices, viewing hints, subscription and paywall offers, and the
/// reporter's contact lines.
pub const BOILERPLATE_PHRASES: &[&str] = &[
    "all rights reserved",
    "alle rechte vorbehalten",
    "版权所有",
    "optimized for viewing",
    "best viewed with",
    "subscribe to our newsletter",
    "sign up for our newsletter",
    "newsletter abonnieren",
    "jetzt abonnieren",
    "kostenlos testen",
    "kostenlos lesen",
    "reach us via",
    "securedrop",
];

/// Words that, beside an e-mail address, make a sentence a contact line (`you can contact
/// Frederic … by email (…@…)`, `Hinweise an …@…`).
pub const CONTACT_WORDS: &[&str] = &[
    "contact",
    "email",
    "e-mail",
    "reach",
    "kontakt",
    "kontaktieren",
    "hinweise",
    "erreichen",
    "联系",
    "邮箱",
];

/// Lines that open a boilerplate zone: everything after them up to the next blank line is
/// boilerplate (ad blocks, related-topic lists, disclaimers).
pub const ZONE_MARKERS: &[&str] = &[
    "Anzeige",
    "Verwandte Themen",
    "Mehr zum Thema",
    "Unsere Partner",
    "Related topics",
    "Related articles",
    "Related",
    "More on this topic",
    "Read more",
    "Advertisement",
    "Disclaimer",
    "免责声明",
    "阅读免责声明",
    "相关阅读",
    "相关新闻",
    "Das könnte Sie auch interessieren",
];
