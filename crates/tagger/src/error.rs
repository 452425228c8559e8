use std::path::PathBuf;

/// What went wrong loading or running a tagger model. Loading errors name the file.
#[derive(Debug, thiserror::Error)]
pub enum TaggerError {
    #[error("{path}: model file is missing")]
    MissingFile { path: PathBuf },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: malformed config: {message}")]
    Config { path: PathBuf, message: String },
    #[error("{path}: malformed tokenizer: {message}")]
    Tokenizer { path: PathBuf, message: String },
    #[error("{path}: malformed weights: {message}")]
    Weights { path: PathBuf, message: String },
    #[error("backend: {0}")]
    Backend(String),
    #[error("tokenisation failed: {0}")]
    Encode(String),
    #[error("inference failed: {0}")]
    Inference(String),
}

pub type Result<T> = std::result::Result<T, TaggerError>;
