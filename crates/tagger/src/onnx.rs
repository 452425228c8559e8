//! The ONNX Runtime backend (cargo feature `ort`).
//!
//! ONNX Runtime is loaded at run time (`load-dynamic`), not linked: claimx builds without it and
//! a user points it at the library they already have, usually the one inside the PyPI
//! `onnxruntime` wheel. [`onnxruntime_library`] says where it looks. The graph is a
//! `model.onnx` beside `config.json` and `tokenizer.json` in the model directory, as written by
//! `scripts/export_onnx.py` (inputs `input_ids`, `attention_mask`, optionally
//! `token_type_ids`; output `logits`).
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

use ndarray::Array3;
use ort::environment::Environment;
use ort::session::Session;
use ort::value::Tensor;

use crate::config::ModelConfig;
use crate::error::{Result, TaggerError};
use crate::TokenClassifier;

/// Where the ONNX Runtime shared library is: `ORT_DYLIB_PATH` if set, otherwise the library
/// inside the `onnxruntime` Python package that `python3` (or `CLAIMX_PYTHON`) imports.
pub fn onnxruntime_library() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("ORT_DYLIB_PATH").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(TaggerError::Backend(format!(
                "ORT_DYLIB_PATH={} is not a file",
                path.display()
            )))
        };
    }
    let python = std::env::var("CLAIMX_PYTHON").unwrap_or_else(|_| "python3".into());
    let found = Command::new(&python)
        .args([
            "-c",
            "import onnxruntime, os; print(os.path.join(os.path.dirname(onnxruntime.__file__), 'capi'))",
        ])
        .output();
    let not_found = |why: String| {
        TaggerError::Backend(format!(
            "ONNX Runtime library not found ({why}); set ORT_DYLIB_PATH to libonnxruntime, \
             or `pip install onnxruntime` for {python}"
        ))
    };
    let out = found.map_err(|e| not_found(format!("cannot run {python}: {e}")))?;
    if !out.status.success() {
        return Err(not_found(format!("{python} cannot import onnxruntime")));
    }
    let capi = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let (prefix, suffix) = (std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    let mut candidates: Vec<PathBuf> = std::fs::read_dir(&capi)
        .map_err(|e| not_found(format!("{}: {e}", capi.display())))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with(&format!("{prefix}onnxruntime"))
                && name.contains(suffix)
                && !name.contains("providers")
        })
        .collect();
    candidates.sort();
    candidates.pop().ok_or_else(|| {
        not_found(format!(
            "no {prefix}onnxruntime{suffix}* in {}",
            capi.display()
        ))
    })
}

fn environment() -> Result<&'static Environment> {
    static ENV: OnceLock<std::result::Result<Environment, String>> = OnceLock::new();
    ENV.get_or_init(|| {
        let lib = onnxruntime_library().map_err(|e| e.to_string())?;
        ort::init_from(&lib)
            .map_err(|e| format!("{}: cannot load ONNX Runtime: {e}", lib.display()))?
            .with_name("claimx")
            .build()
            .map_err(|e| format!("{}: cannot start ONNX Runtime: {e}", lib.display()))
    })
    .as_ref()
    .map_err(|e| TaggerError::Backend(e.clone()))
}

/// A token-classification graph run by ONNX Runtime on the CPU.
pub struct OrtEncoder {
    // ONNX Runtime sessions run one call at a time through `&mut`; batches are already large,
    // and intra-op threads parallelise each call.
    session: Mutex<Session>,
    config: ModelConfig,
    token_types: bool,
    /// The graph also gives `last_hidden_state` (exports since the syntax heads).
    states: bool,
}

impl OrtEncoder {
    /// Load `path` (a `model.onnx`); `threads` bounds ONNX Runtime's intra-op pool
    /// (0: one per core).
    pub fn load(path: &Path, config: ModelConfig, threads: usize) -> Result<OrtEncoder> {
        if !path.is_file() {
            return Err(TaggerError::MissingFile {
                path: path.to_path_buf(),
            });
        }
        let env = environment()?;
        let weights_error = |message: String| TaggerError::Weights {
            path: path.to_path_buf(),
            message,
        };
        let mut builder = Session::builder(env).map_err(|e| weights_error(e.to_string()))?;
        // ONNX Runtime's pool spins after each call, waiting for the next; here the next work
        // is claimx's own (the syntax heads, tokenisation) on rayon's threads, which the
        // spinning starved: 1,050 benchmark documents took 40.0 s with it and 29.5 s without
        // (2 threads, AMD EPYC Zen 5), 3 % more without the syntax heads (23.1 → 23.9 s)
        builder = builder
            .with_intra_op_spinning(false)
            .map_err(|e| weights_error(e.to_string()))?;
        if threads > 0 {
            builder = builder
                .with_intra_threads(threads)
                .map_err(|e| weights_error(e.to_string()))?;
        }
        let session = builder
            .commit_from_file(path)
            .map_err(|e| weights_error(e.to_string()))?;
        let inputs: Vec<String> = session
            .inputs()
            .iter()
            .map(|i| i.name().to_string())
            .collect();
        for needed in ["input_ids", "attention_mask"] {
            if !inputs.iter().any(|n| n == needed) {
                return Err(weights_error(format!(
                    "the graph has no input `{needed}` (inputs: {})",
                    inputs.join(", ")
                )));
            }
        }
        if !session.outputs().iter().any(|o| o.name() == "logits") {
            return Err(weights_error("the graph has no output `logits`".into()));
        }
        let token_types = inputs.iter().any(|n| n == "token_type_ids");
        let states = session
            .outputs()
            .iter()
            .any(|o| o.name() == "last_hidden_state");
        Ok(OrtEncoder {
            session: Mutex::new(session),
            config,
            token_types,
            states,
        })
    }
}

impl TokenClassifier for OrtEncoder {
    fn logits(&self, rows: &[Vec<u32>]) -> Result<Array3<f32>> {
        Ok(self.logits_and_states(rows, false)?.0)
    }

    fn logits_and_states(
        &self,
        rows: &[Vec<u32>],
        states: bool,
    ) -> Result<(Array3<f32>, Option<Array3<f32>>)> {
        let b = rows.len();
        let t = rows.iter().map(Vec::len).max().unwrap_or(0);
        let labels = self.config.labels.len();
        let h = self.config.hidden_size;
        let states = states && self.states;
        if b == 0 || t == 0 {
            return Ok((
                Array3::zeros((b, t, labels)),
                states.then(|| Array3::zeros((b, t, h))),
            ));
        }
        let (ids, mask) = crate::pad_rows::<i64>(rows, self.config.pad_token_id);
        let fail = |e: ort::Error| TaggerError::Inference(e.to_string());
        let shape = [b as i64, t as i64];
        let mut inputs = ort::inputs![
            "input_ids" => Tensor::from_array((shape, ids)).map_err(fail)?,
            "attention_mask" => Tensor::from_array((shape, mask)).map_err(fail)?,
        ];
        if self.token_types {
            let types = Tensor::from_array((shape, vec![0i64; b * t])).map_err(fail)?;
            inputs.push(("token_type_ids".into(), types.into()));
        }
        let mut session = self
            .session
            .lock()
            .map_err(|_| TaggerError::Inference("ONNX Runtime session poisoned".into()))?;
        let outputs = session.run(inputs).map_err(fail)?;
        let (dims, data) = outputs["logits"]
            .try_extract_tensor::<f32>()
            .map_err(fail)?;
        let expected = [b as i64, t as i64, labels as i64];
        if dims.as_ref() != expected {
            return Err(TaggerError::Inference(format!(
                "logits of shape {dims:?}, expected {expected:?}"
            )));
        }
        let logits = Array3::from_shape_vec((b, t, labels), data.to_vec())
            .map_err(|e| TaggerError::Inference(e.to_string()))?;
        let hidden = if states {
            let (dims, data) = outputs["last_hidden_state"]
                .try_extract_tensor::<f32>()
                .map_err(fail)?;
            let expected = [b as i64, t as i64, h as i64];
            if dims.as_ref() != expected {
                return Err(TaggerError::Inference(format!(
                    "last_hidden_state of shape {dims:?}, expected {expected:?}"
                )));
            }
            Some(
                Array3::from_shape_vec((b, t, h), data.to_vec())
                    .map_err(|e| TaggerError::Inference(e.to_string()))?,
            )
        } else {
            None
        };
        Ok((logits, hidden))
    }

    fn labels(&self) -> &[String] {
        &self.config.labels
    }

    fn max_sequence(&self) -> usize {
        self.config.max_sequence()
    }
}
