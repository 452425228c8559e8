use std::path::PathBuf;

/// What went wrong loading or running a tagger model. Loading errors name the file.
#[derive(Debug, thiserror::Error)]
pub enum TaggerError {
    /// A file the model needs is not there.
    #[error("{path}: model file is missing")]
    MissingFile {
        /// The file.
        path: PathBuf,
    },
    /// A model file cannot be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// `config.json` is not a configuration this crate can run.
    #[error("{path}: malformed config: {message}")]
    Config {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// `tokenizer.json` cannot be loaded.
    #[error("{path}: malformed tokenizer: {message}")]
    Tokenizer {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// The weights are missing tensors or have the wrong shapes.
    #[error("{path}: malformed weights: {message}")]
    Weights {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// The backend (ONNX Runtime) cannot be loaded or started.
    #[error("backend: {0}")]
    Backend(String),
    /// A text could not be tokenised.
    #[error("tokenisation failed: {0}")]
    Encode(String),
    /// A forward pass failed.
    #[error("inference failed: {0}")]
    Inference(String),
}

/// A result whose error is a [`TaggerError`].
pub type Result<T> = std::result::Result<T, TaggerError>;
