//! Language knowledge for claimx, in one place that every stage reads:
//!
//! - [`script`]: which script a character belongs to (Han, kana, Hangul, CJK punctuation);
//! - [`de`], [`en`], [`zh`]: the words of each language (months, weekdays, speech and report
//!   verbs, hedges, negations, founding verbs, demonyms), with [`calendar`] look-ups on them;
//! - [`numbers`]: numbers in digits or words (`1.000`, `dreihundert`, `十亿3000万`);
//! - [`units`]: currency signs, codes and names, measure units, bound phrases (`über`, `约`);
//! - [`currencies`]: every current currency's names and symbols from Unicode CLDR (generated);
//! - [`clauses`]: what words mean for a claim's clause: speech verbs, source markers, hedges,
//!   negations, referring expressions;
//! - [`classes`]: unit and predicate classes that hold across languages (people, founded);
//! - [`sentences`]: abbreviations, sentence openers and boilerplate phrases;
//! - [`words`]: the word splitter for space-separated text.
//!
//! Stages hold no character ranges or word lists of their own for these; a new language is
//! one module here plus its tests.
//!
//! ```
//! use claimx_lang::{calendar, script};
//!
//! assert!(script::is_han('实'));
//! assert!(!script::is_han('a'));
//! assert!(script::is_kana('の'));
//! assert_eq!(calendar::month("März").map(|m| m.number), Some(3));
//! assert_eq!(calendar::month("Sept.").map(|m| m.abbreviation), Some(true));
//! assert_eq!(calendar::weekday("Donnerstag"), Some(chrono::Weekday::Thu));
//! ```

pub mod calendar;
pub mod classes;
pub mod clauses;
pub mod currencies;
pub mod de;
pub mod en;
pub mod measures;
pub mod numbers;
pub mod script;
pub mod sentences;
pub mod units;
pub mod words;
pub mod zh;
