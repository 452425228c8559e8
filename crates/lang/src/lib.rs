//! Language knowledge for claimx, in one place that every stage reads: which script a
//! character belongs to ([`script`]) and the words of each language ([`de`], [`en`]) with the
//! look-ups built on them ([`calendar`]). Stages hold no character ranges or word lists of
//! their own for these; a new language is one module here plus its tests.
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
pub mod de;
pub mod en;
pub mod script;
