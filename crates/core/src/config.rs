//! Stage settings: [`PipelineConfig`] read from JSON describes a whole pipeline.

use crate::{DocumentPolicy, FaultInjection};
use claimx_claims::ClaimAssembler;
use claimx_entities::EntityRefiner;
use claimx_figures::FigureRecognizer;
use claimx_langid::LanguageIdentifier;
use claimx_sentences::SentenceSplitter;
use claimx_tagger::{Tagger, TaggerError, TaggerOptions};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

pub(crate) fn load_tagger(config: &TaggerConfig) -> Result<Option<Tagger>, TaggerError> {
    match &config.model {
        TaggerModel::None => Ok(None),
        TaggerModel::Dir(dir) => Tagger::from_dir(dir, config.options.clone()).map(Some),
        #[cfg(feature = "default-model")]
        TaggerModel::Default => Tagger::embedded(config.options.clone()).map(Some),
        #[cfg(not(feature = "default-model"))]
        TaggerModel::Default => Err(TaggerError::MissingFile {
            path: "<embedded default model: build claimx-core with feature default-model>".into(),
        }),
    }
}

/// Which token-classification model tags entities and figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaggerModel {
    /// The model compiled into the library (`models/claimx-tagger-small`).
    Default,
    /// A Hugging Face token-classification directory.
    Dir(PathBuf),
    /// No tagger: entities stay empty and figures come from the rules alone.
    None,
}

impl TaggerModel {
    /// The model a command-line or Python argument names: `default`, `none`, or a model
    /// directory.
    pub fn from_arg(arg: &str) -> TaggerModel {
        match arg {
            "default" => TaggerModel::Default,
            "none" => TaggerModel::None,
            dir => TaggerModel::Dir(dir.into()),
        }
    }

    /// The argument that names this model (the inverse of [`TaggerModel::from_arg`]).
    pub fn to_arg(&self) -> String {
        match self {
            TaggerModel::Default => "default".into(),
            TaggerModel::None => "none".into(),
            TaggerModel::Dir(d) => d.display().to_string(),
        }
    }
}

/// How tagger figure spans join the recogniser's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureSource {
    /// The rule recogniser's figures only (the tagger still supplies entities).
    Rules,
    /// The recogniser's figures plus tagger figure spans they miss and the recogniser can
    /// normalise (a figure without a value is not checkable).
    RulesAndTagger,
}

/// The tagger stage's settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct TaggerConfig {
    /// Which model, if any.
    pub model: TaggerModel,
    /// Batching, precision and backend of the tagger.
    pub options: TaggerOptions,
    /// Whether the tagger's figure spans join the rules' figures.
    pub figures: FigureSource,
    /// Parse every sentence's words (UPOS, head, relation) when the model has syntax heads;
    /// `false` leaves `words` out of the records and skips the heads.
    pub syntax: bool,
}

impl Default for TaggerConfig {
    fn default() -> Self {
        TaggerConfig {
            model: if cfg!(feature = "default-model") {
                TaggerModel::Default
            } else {
                TaggerModel::None
            },
            options: TaggerOptions::default(),
            figures: FigureSource::Rules,
            syntax: true,
        }
    }
}

/// The configuration of every stage; `PipelineConfig::default()` is the shipped pipeline.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PipelineConfig {
    /// Size limits, windows and the checks every document passes first.
    pub input: DocumentPolicy,
    /// Language identification.
    pub language: LanguageIdentifier,
    /// Sentence splitting and boilerplate marking.
    pub sentences: SentenceSplitter,
    /// Figure recognition and normalisation.
    pub figures: FigureRecognizer,
    /// The transformer tagger.
    pub tagger: TaggerConfig,
    /// Entity refinement.
    pub entities: EntityRefiner,
    /// Claim assembly.
    pub claims: ClaimAssembler,
    /// Testing aid: make stages panic on marked documents (none by default).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub faults: Vec<FaultInjection>,
}

/// A pipeline configuration (JSON) that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Not JSON, or a value of the wrong type.
    #[error("not a pipeline configuration: {0}")]
    Json(#[from] serde_json::Error),
    /// A key no stage reads: a typo would otherwise leave the setting at its default.
    #[error("unknown configuration key `{0}`")]
    UnknownKey(String),
}

impl PipelineConfig {
    /// The configuration in a JSON text; fields left out keep their defaults, and a key that
    /// no stage reads is an error naming it (`tagger.bogus`).
    pub fn from_json(text: &str) -> Result<Self, ConfigError> {
        let mut unknown = Vec::new();
        let mut de = serde_json::Deserializer::from_str(text);
        let config: PipelineConfig =
            serde_ignored::deserialize(&mut de, |path| unknown.push(path.to_string()))?;
        de.end()?;
        match unknown.into_iter().next() {
            Some(key) => Err(ConfigError::UnknownKey(key)),
            None => Ok(config),
        }
    }
}
