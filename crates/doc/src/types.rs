use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An input document. Only `id` and `text` are required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Document {
    /// A unique id: the file name, the JSONL `id`, the WARC record id.
    pub id: String,
    /// The text, as read (never altered: every span points into it).
    pub text: String,
    /// Publication date or timestamp as given by the source (ISO 8601: `2025-07-24` or
    /// `2025-07-24T14:50:00Z`). When absent the pipeline looks for a dateline in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The title, when the input gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the document came from, when the input says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet that published it (`Reuters`, `heise online`), when the input says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Document {
    /// A document with an id and a text, nothing else.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            published: None,
            title: None,
            url: None,
            source: None,
        }
    }

    /// The same document with an ISO 8601 publication date.
    pub fn with_published(mut self, published: impl Into<String>) -> Self {
        self.published = Some(published.into());
        self
    }
}

/// A half-open range of the original text, in code points (`start`, `end`, as Python
/// indexes `str`) and in UTF-8 bytes (`byte_start`, `byte_end`).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
// offsets missing from a hand-written record read as 0 (a claim row's figure, say)
#[serde(default)]
pub struct Span {
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// Start, in UTF-8 bytes.
    pub byte_start: usize,
    /// End (exclusive), in UTF-8 bytes.
    pub byte_end: usize,
}

impl Span {
    /// Whether the span covers no text.
    pub fn is_empty(&self) -> bool {
        self.byte_start >= self.byte_end
    }
    /// The covered text.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start..self.byte_end]
    }
    /// Whether `other` lies within this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.byte_start <= other.byte_start && other.byte_end <= self.byte_end
    }
}

/// The languages claimx serves, plus everything else.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// German.
    De,
    /// English.
    En,
    /// Chinese (Simplified or Traditional script).
    Zh,
    /// Any other language, or none to tell.
    Other,
}

impl Lang {
    /// [`Lang::Other`], as a function for defaults.
    pub fn other() -> Lang {
        Lang::Other
    }

    /// The ISO 639-1 code (`de`, `en`, `zh`), `other` for the rest.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::Other => "other",
        }
    }
    /// The language an ISO 639-1 or 639-3 code names (`de`, `deu`, `cmn`); `Other` for the rest.
    pub fn from_code(code: &str) -> Lang {
        match code {
            "de" | "deu" | "ger" => Lang::De,
            "en" | "eng" => Lang::En,
            "zh" | "cmn" | "zho" | "chi" => Lang::Zh,
            _ => Lang::Other,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A maximal run of text in one language (whitespace between runs belongs to none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LanguageSegment {
    /// Where the run is.
    #[serde(flatten)]
    pub span: Span,
    /// Its language.
    pub lang: Lang,
    /// 0..1: how sure the identifier is of this segment's language.
    pub confidence: f32,
}

/// One sentence, heading, dateline, caption or navigation line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Sentence {
    /// Where the sentence is.
    #[serde(flatten)]
    pub span: Span,
    /// Headings, bylines, navigation, ads, related-topic lists and disclaimers: kept as
    /// sentences (nothing is dropped) but marked so that claim extraction skips them.
    pub boilerplate: bool,
    /// The sentence's language (that of the segment it lies mostly in).
    pub lang: Lang,
    /// Its words with their syntax, when the model has syntax heads and the pipeline's
    /// `tagger.syntax` is on (left out of the record when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Word>,
}

/// One word of a sentence with its part of speech and its place in the sentence's
/// dependency tree (Universal Dependencies labels).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Word {
    /// Where the word is.
    #[serde(flatten)]
    pub span: Span,
    /// Universal part-of-speech tag (`NOUN`, `VERB`, `PROPN`, …).
    #[schemars(with = "String")]
    pub upos: Label,
    /// 1-based index of the head word among the sentence's words; 0 for the root.
    pub head: usize,
    /// Universal dependency relation to the head (`nsubj`, `obj`, `root`, …).
    #[schemars(with = "String")]
    pub deprel: Label,
    /// The model's probability of this head among all candidates (before the tree is
    /// decoded): how sure the parser is of the word's attachment.
    #[serde(default)]
    pub score: f32,
}

/// A word's label (a UPOS tag, a dependency relation): a `str` to callers and in JSON, two
/// bytes in the record. Labels come from a small set (the model's, and UD's in gold files),
/// so each distinct text is stored once per process and a word holds its number: a record
/// holds two labels per word, and as inline strings they were half of a word's 96 bytes and
/// the largest part of a model batch's memory per byte of text (`docs/robustness.md`).
/// The default is the empty label.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Label(u16);

/// The labels' texts by number, read without a lock (labels are compared in the claim
/// rules' inner loops). The array lies in the binary's data (1.5 MiB): only the pages of
/// the labels in use are ever read in.
static LABEL_TEXTS: [std::sync::OnceLock<&'static str>; 1 << 16] =
    [const { std::sync::OnceLock::new() }; 1 << 16];

/// Text → number, for making labels; number 0 is the empty label.
fn label_numbers() -> &'static std::sync::Mutex<std::collections::HashMap<&'static str, u16>> {
    static NUMBERS: std::sync::OnceLock<
        std::sync::Mutex<std::collections::HashMap<&'static str, u16>>,
    > = std::sync::OnceLock::new();
    NUMBERS.get_or_init(|| {
        let _ = LABEL_TEXTS[0].set("");
        std::sync::Mutex::new([("", 0)].into_iter().collect())
    })
}

impl Label {
    /// The label for `text`, or `None` when 65,535 other texts are labels already (only
    /// input that is not a label set, such as a hostile gold file, gets there).
    pub fn try_new(text: &str) -> Option<Label> {
        let mut numbers = label_numbers().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&n) = numbers.get(text) {
            return Some(Label(n));
        }
        let n = u16::try_from(numbers.len()).ok()?;
        // kept for the process: labels are few, and a `Label` must stay `Copy`
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        let _ = LABEL_TEXTS[n as usize].set(text);
        numbers.insert(text, n);
        Some(Label(n))
    }

    /// The label for `text`.
    ///
    /// # Panics
    /// When 65,535 other texts are labels already (see [`Label::try_new`]).
    pub fn new(text: &str) -> Label {
        Label::try_new(text).expect("at most 65,535 distinct word labels")
    }

    /// Its text.
    pub fn as_str(&self) -> &'static str {
        LABEL_TEXTS[self.0 as usize].get().copied().unwrap_or("")
    }
}

impl std::ops::Deref for Label {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Label {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Label {
    fn from(text: &str) -> Label {
        Label::new(text)
    }
}

impl From<String> for Label {
    fn from(text: String) -> Label {
        Label::new(&text)
    }
}

impl PartialEq<str> for Label {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Label {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Label {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Label> for &str {
    fn eq(&self, other: &Label) -> bool {
        *self == other.as_str()
    }
}

impl Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Label, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Label::try_new(&text)
            .ok_or_else(|| serde::de::Error::custom("more than 65,535 distinct word labels"))
    }
}

/// Entity types of the tagger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person.
    Per,
    /// An organisation: a company, agency, party, team, outlet.
    Org,
    /// A location: a country, city, region, site.
    Loc,
    /// Other names: products, events, laws, funds, software, works.
    Misc,
}

impl EntityType {
    /// The type a tagger label names (`PER`, `ORG`, `LOC`, `MISC`); None for figure labels.
    pub fn from_label(label: &str) -> Option<EntityType> {
        Some(match label {
            "PER" => EntityType::Per,
            "ORG" => EntityType::Org,
            "LOC" => EntityType::Loc,
            "MISC" => EntityType::Misc,
            _ => return None,
        })
    }

    /// The label as written in records and BIO tags: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }
}

/// A named-entity mention.
///
/// Its strings, as those of [`Figure`] and [`Claim`], are [`CompactString`]s: the same `str`
/// to callers and the same JSON, kept inline up to 24 bytes. A record holds hundreds of
/// thousands of them for a long document, and as `String`s each was a heap block of its own
/// (`docs/robustness.md`: the 60 MiB document's peak fell by a sixth).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Entity {
    /// Where the mention is.
    #[serde(flatten)]
    pub span: Span,
    /// The mention as written.
    #[schemars(with = "String")]
    pub text: CompactString,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The tagger's probability for the mention (mean over its pieces), three decimals.
    pub score: f32,
    /// The name this mention stands for in its document: the full form of an abbreviation
    /// (`AWS` → `Amazon Web Services`), the base form of an inflected one (`Amazons` →
    /// `Amazon`); the text itself otherwise.
    #[serde(default)]
    #[schemars(with = "String")]
    pub canonical: CompactString,
}

/// Kinds of figures.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum FigureType {
    /// A count or number (`über 1.000`, `elf`, `两万`).
    Cardinal,
    /// An amount of money, `unit` the ISO 4217 code.
    Money,
    /// A percentage or share (`25 %`, `die Hälfte`).
    Percent,
    /// A date or period, value an ISO 8601 string.
    Date,
    /// A time of day.
    Time,
    /// A duration, value an ISO 8601 duration (`P90D`).
    Duration,
    /// An ordinal (`third`, `3.`).
    Ordinal,
    /// A measured quantity with a unit (`5 km`, `3 Tonnen`).
    Quantity,
}

impl FigureType {
    /// Every figure type, in the order of the guideline.
    pub const ALL: [FigureType; 8] = [
        FigureType::Cardinal,
        FigureType::Money,
        FigureType::Percent,
        FigureType::Date,
        FigureType::Time,
        FigureType::Duration,
        FigureType::Ordinal,
        FigureType::Quantity,
    ];

    /// The type a tagger label names (`MONEY`, `DATE`, …); None for entity labels.
    pub fn from_label(label: &str) -> Option<FigureType> {
        FigureType::ALL.into_iter().find(|t| t.name() == label)
    }

    /// The label as written in records and BIO tags: `CARDINAL`, `MONEY`, …
    pub fn name(self) -> &'static str {
        match self {
            FigureType::Cardinal => "CARDINAL",
            FigureType::Money => "MONEY",
            FigureType::Percent => "PERCENT",
            FigureType::Date => "DATE",
            FigureType::Time => "TIME",
            FigureType::Duration => "DURATION",
            FigureType::Ordinal => "ORDINAL",
            FigureType::Quantity => "QUANTITY",
        }
    }
}

/// How a stated figure relates to the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// about, nearly, rund, etwa, ~, 约
    Approx,
    /// more than, over, über, mehr als, 超过
    Gt,
    /// at least, mindestens, 至少
    Ge,
    /// less than, under, weniger als, 不到
    Lt,
    /// at most, höchstens, 最多
    Le,
}

/// A normalised value: a number (counts, money, percent, ordinals, quantities) or an ISO 8601
/// string (dates `2025`, `2025-07`, `2025-07-24`, weeks `2025-W31`, times `14:55`,
/// durations `P90D`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum FigureValue {
    /// A numeric value.
    Number(f64),
    /// An ISO 8601 date, time or duration.
    Text(String),
}

impl FigureValue {
    /// The value as a number, if it is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            FigureValue::Number(n) => Some(*n),
            FigureValue::Text(_) => None,
        }
    }
}

/// A number- or date-bearing expression with its normalised value (strings inline, as in
/// [`Entity`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Figure {
    /// Where the figure is.
    #[serde(flatten)]
    pub span: Span,
    /// The figure as written, with its bound phrase (`über 1.000`).
    #[schemars(with = "String")]
    pub text: CompactString,
    /// What kind of figure it is.
    #[serde(rename = "type")]
    pub kind: FigureType,
    /// `null` when the expression cannot be resolved (a weekday without a publication date).
    pub value: Option<FigureValue>,
    /// Upper end of a range (`10 bis 20` → value 10, upper 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<FigureValue>,
    /// How the stated value relates to the true one (`über` → `gt`); none for exact values.
    pub bound: Option<Bound>,
    /// ISO 4217 code for money, the counted noun for cardinals, `%` for percentages, the unit
    /// for quantities.
    #[schemars(with = "Option<String>")]
    pub unit: Option<CompactString>,
    /// The figure's language (that of its sentence); `other` when a record read omits it.
    #[serde(default = "Lang::other")]
    pub lang: Lang,
}

/// A check-worthy statement (filled by claim assembly). Its strings are inline, as in
/// [`Entity`]; the rare [`Change`] is boxed, so a claim without one does not carry its room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Claim {
    /// The sentence the claim is made in.
    pub sentence: Span,
    /// Who or what the claim is about, as written.
    #[schemars(with = "Option<String>")]
    pub subject: Option<CompactString>,
    /// Entity type of the subject (`ORG`, `PER`, …) when an entity names it.
    #[serde(default)]
    pub subject_type: Option<EntityType>,
    /// The entity the subject names, as written.
    #[schemars(with = "Option<String>")]
    pub subject_entity: Option<CompactString>,
    /// The subject entity's canonical name in its document (`AWS` → `Amazon Web Services`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub subject_canonical: Option<CompactString>,
    /// The verb or verb phrase that carries the figure.
    #[schemars(with = "Option<String>")]
    pub predicate: Option<CompactString>,
    /// The predicate's object as written (`600 jobs`, `Okera`), when it has one.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub object: Option<CompactString>,
    /// What the predicate does, the same across languages (`founded`, `closed`, `employed`,
    /// `cut`, `acquired`, `invested`, `published`, `raised`, `rose`, `fell`, `revenue`,
    /// `profit`), when known: from the verb, else from the noun the figure measures
    /// (`Der Umsatz lag bei …` → `revenue`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub predicate_class: Option<CompactString>,
    /// The change the clause reports, when the figure is part of one (`sank von 518 auf 172
    /// Millionen Euro`, `rose 11% to $3bn`).
    #[serde(default)]
    #[schemars(with = "Option<Change>")]
    pub change: Option<Box<Change>>,
    /// Index into [`AnnotatedDocument::figures`].
    pub figure: Option<usize>,
    /// Index into [`AnnotatedDocument::figures`] of the date qualifying the claim.
    pub time: Option<usize>,
    /// Where it happened, as written (`Shanghai`, `China`), when the clause says so.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub location: Option<CompactString>,
    /// Who says so (`Reuters`, `Brad Glasser`), as written.
    #[schemars(with = "Option<String>")]
    pub attribution: Option<CompactString>,
    /// The words that mark the attribution (`said`, `laut`, `据`).
    #[schemars(with = "Option<String>")]
    pub cue: Option<CompactString>,
    /// Reported with a hedge (`reportedly`, `soll`, `据称`).
    pub hedged: bool,
    /// Negated (`not`, `kein`, `没有`).
    pub negated: bool,
    /// How sure the assembler is of the claim, 0..1.
    pub confidence: f32,
}

/// A change a clause reports: its direction and which figures are the value before, the
/// value after and the difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Change {
    /// `up` or `down`, when the predicate or an adverb says (`sank`, `rose`, `up`).
    pub direction: Option<Direction>,
    /// What the claim's own figure is in the change.
    pub role: Option<ChangeRole>,
    /// Index into [`AnnotatedDocument::figures`] of the value before (`von 518 Millionen`).
    pub from: Option<usize>,
    /// Index of the value after (`auf 172 Millionen`, `to $3bn`).
    pub to: Option<usize>,
    /// Index of the difference (`um 11 Prozent`, `by 11%`, `up 22 percent`).
    pub by: Option<usize>,
}

/// Which way a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Rose, grew, gained.
    Up,
    /// Fell, shrank, lost.
    Down,
}

/// A figure's part in a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChangeRole {
    /// The value before.
    From,
    /// The value after.
    To,
    /// The difference.
    By,
}

impl ChangeRole {
    /// The role as written in records: `from`, `to`, `by`.
    pub fn name(self) -> &'static str {
        match self {
            ChangeRole::From => "from",
            ChangeRole::To => "to",
            ChangeRole::By => "by",
        }
    }
}

impl Direction {
    /// The direction as written in records: `up`, `down`.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Given with the input document.
    Input,
    /// Read from a dateline in the text.
    Dateline,
}

/// The publication date used to resolve relative dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Published {
    /// ISO date `YYYY-MM-DD`.
    pub date: String,
    /// Where the date came from.
    pub source: DateSource,
    /// The dateline it was read from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// The output of the pipeline for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AnnotatedDocument {
    /// The input document's id.
    pub id: String,
    /// Length of the text in code points and bytes, so consumers can check offsets.
    pub char_len: usize,
    /// Length of the text in UTF-8 bytes.
    pub byte_len: usize,
    /// The publication date used for relative dates, and where it came from.
    pub published: Option<Published>,
    /// The document's main language.
    pub lang: Lang,
    /// All languages present, main one first.
    pub languages: Vec<Lang>,
    /// Runs of one language, in text order.
    pub segments: Vec<LanguageSegment>,
    /// Sentences, headings and boilerplate lines, in text order.
    pub sentences: Vec<Sentence>,
    /// Named entities, in text order.
    pub entities: Vec<Entity>,
    /// Figures, in text order (claims point into this list).
    pub figures: Vec<Figure>,
    /// Claims, in text order.
    pub claims: Vec<Claim>,
    /// Where the document came from, as the input gave it: `title`, `url` and `source` at the
    /// record's top level, each absent when the input gives none.
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// Where a document came from, as its input said: carried into the records so that a
/// consolidation report can name the outlet, title, URL and date of every claim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Provenance {
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet (`Reuters`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Provenance {
    /// No title, URL or outlet.
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.url.is_none() && self.source.is_none()
    }
}
