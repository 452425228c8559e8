//! Chinese words the stages read. Chinese writes no spaces, so these are matched as
//! substrings; where the order of a list matters it says so.

/// Attribution cues after the source (`阿里巴巴表示`, `该公司称`), tried in this order.
pub const SPEECH_VERBS: &[&str] = &["表示", "透露", "指出", "宣称", "声称", "称", "说"];

/// Words that mark a statement as hedged or reported.
pub const HEDGES: &[&str] = &["据称", "可能", "或将", "据报道"];

/// Negation words.
pub const NEGATIONS: &[&str] = &["没有", "未", "不"];

/// Verbs that date a founding: `成立于2018年`.
pub const FOUNDING_VERBS: &[&str] = &["成立于", "创立于", "创建于", "成立", "创立"];
