//! `pipeline.toml`: what to read, where to write, and the ordered list of stages.
//! Every mistake is reported with the file and line it is on, before any document is read.

use std::path::{Path, PathBuf};

use galley_record::{Options, Stage};
use serde::Deserialize;

use crate::{DriverError, Registry};

/// What happens when a stage fails on one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorPolicy {
    /// Note the failure in the record's `errors` field and pass the record on (default).
    #[default]
    Record,
    /// Stop the run at the first stage failure.
    Abort,
}

/// The top level of `pipeline.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    /// Files, directories or glob patterns to read; `-` is standard input.
    #[serde(default = "default_input", deserialize_with = "one_or_many")]
    pub input: Vec<String>,
    /// JSONL file to write (`.gz` compresses); `-` is standard output.
    #[serde(default = "default_output")]
    pub output: String,
    /// Rejected input lines; default `rejects.jsonl` next to the output.
    #[serde(default)]
    pub rejects: Option<String>,
    /// Run statistics; default `run.json` next to the output.
    #[serde(default)]
    pub stats: Option<String>,
    /// Worker threads; 0 means one per core.
    #[serde(default)]
    pub threads: usize,
    /// Documents per batch: larger batches amortise overhead, smaller ones bound memory.
    #[serde(default = "default_batch_size")]
    pub batch_size: usize,
    /// `record` (default) or `abort`.
    #[serde(default)]
    pub on_error: ErrorPolicy,
    /// The stages, in order.
    #[serde(default)]
    pub stage: Vec<toml::Spanned<Options>>,
    /// Where relative paths (input, output, external commands) are resolved from.
    #[serde(skip)]
    pub base_dir: PathBuf,
    /// The file this came from, for messages.
    #[serde(skip)]
    pub path: String,
    #[serde(skip)]
    source_text: String,
}

fn default_input() -> Vec<String> {
    vec!["corpus".to_owned()]
}
fn default_output() -> String {
    "out/documents.jsonl".to_owned()
}
fn default_batch_size() -> usize {
    256
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// How a configured stage runs.
#[derive(Debug, Clone)]
pub enum StageKind {
    /// Built into this binary (`use = "sentences"`), with its options.
    Builtin { name: String, options: Options },
    /// Any executable speaking JSONL on stdin/stdout.
    External {
        command: Vec<String>,
        processes: usize,
        timeout_secs: u64,
    },
}

/// One `[[stage]]` entry, checked.
#[derive(Debug, Clone)]
pub struct StageConfig {
    /// Display name: the built-in's name, or `name = …` (default: the command's file name).
    pub label: String,
    pub kind: StageKind,
    /// Line of the `[[stage]]` header, for messages (0: not from a file).
    pub line: usize,
    /// Where the stage was configured (a file name, or `--set` for the command line).
    pub origin: String,
    /// The line of each option key, so option errors point at it.
    pub key_lines: Vec<(String, usize)>,
}

/// Keys an external-command stage accepts.
const EXTERNAL_KEYS: &[&str] = &["name", "command", "processes", "timeout_secs"];

impl PipelineConfig {
    /// Parses `pipeline.toml` text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self, DriverError> {
        let shown = path.display().to_string();
        let mut config: PipelineConfig = toml::from_str(text).map_err(|e| DriverError::Config {
            path: shown.clone(),
            message: e.to_string().trim_end().to_owned(),
        })?;
        config.base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        config.path = shown;
        config.source_text = text.to_owned();
        if config.batch_size == 0 {
            return Err(config.error_at(None, "`batch_size` must be at least 1"));
        }
        Ok(config)
    }

    /// Reads and parses a config file.
    pub fn load(path: &Path) -> Result<Self, DriverError> {
        let text = std::fs::read_to_string(path).map_err(|e| DriverError::io(path.display(), e))?;
        Self::parse(&text, path)
    }

    /// A config with no stages and the defaults, for `galley stage` and library use.
    pub fn empty() -> Self {
        PipelineConfig::parse("", Path::new("pipeline.toml")).expect("defaults parse")
    }

    fn line_of(&self, offset: usize) -> usize {
        self.source_text[..offset.min(self.source_text.len())]
            .matches('\n')
            .count()
            + 1
    }

    /// An error located at a byte offset of the file (or the file alone).
    fn error_at(&self, offset: Option<usize>, message: impl Into<String>) -> DriverError {
        let path = match offset {
            Some(o) => format!("{}:{}", self.path, self.line_of(o)),
            None => self.path.clone(),
        };
        DriverError::Config {
            path,
            message: message.into(),
        }
    }

    /// Byte offset of `key` inside the `[[stage]]` table spanning `span`, for messages.
    fn key_offset(&self, span: std::ops::Range<usize>, key: &str) -> usize {
        let end = span.end.min(self.source_text.len());
        let start = span.start.min(end);
        self.source_text[start..end]
            .lines()
            .scan(start, |at, line| {
                let here = *at;
                *at += line.len() + 1;
                Some((here, line))
            })
            .find(|(_, line)| {
                line.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map_or(span.start, |(at, _)| at)
    }

    /// Checks every stage entry against the registry and returns them resolved.
    pub fn stages(&self, registry: &Registry) -> Result<Vec<StageConfig>, DriverError> {
        self.stage
            .iter()
            .map(|entry| self.resolve_stage(entry, registry))
            .collect()
    }

    fn resolve_stage(
        &self,
        entry: &toml::Spanned<Options>,
        registry: &Registry,
    ) -> Result<StageConfig, DriverError> {
        let span = entry.span();
        let table = entry.get_ref();
        let line = self.line_of(span.start);
        let at = |key: &str, message: String| {
            self.error_at(Some(self.key_offset(span.clone(), key)), message)
        };
        match (table.get("use"), table.get("command")) {
            (Some(_), Some(_)) => Err(at("command", "a stage has either `use` or `command`, not both".into())),
            (None, None) => Err(self.error_at(
                Some(span.start),
                "a [[stage]] needs `use = \"NAME\"` (a built-in stage) or `command = [\"prog\", \"arg\"]` (an external one)",
            )),
            (Some(name), None) => {
                let name = name
                    .as_str()
                    .ok_or_else(|| at("use", "`use` must be a stage name in quotes".into()))?;
                registry.get(name).ok_or_else(|| {
                    at("use", format!("unknown stage `{name}`; available: {}", registry.names().join(", ")))
                })?;
                let mut options = table.clone();
                options.remove("use");
                let label = match options.remove("name") {
                    Some(toml::Value::String(s)) => s,
                    Some(_) => return Err(at("name", "`name` must be a string".into())),
                    None => name.to_owned(),
                };
                // Remember where each option is written, so an error found when the stage is
                // built (which may be costly: cleanup loads a lexicon) can name its line.
                let key_lines = options
                    .keys()
                    .map(|k| (k.clone(), self.line_of(self.key_offset(span.clone(), k))))
                    .collect();
                Ok(StageConfig {
                    label,
                    kind: StageKind::Builtin { name: name.to_owned(), options },
                    line,
                    origin: self.path.clone(),
                    key_lines,
                })
            }
            (None, Some(command)) => {
                if let Some(key) = table.keys().find(|k| !EXTERNAL_KEYS.contains(&k.as_str())) {
                    return Err(at(
                        key,
                        format!("unknown key `{key}` for an external stage; expected one of: {}", EXTERNAL_KEYS.join(", ")),
                    ));
                }
                let command: Vec<String> = command
                    .as_array()
                    .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect::<Vec<_>>())
                    .filter(|v| !v.is_empty() && v.len() == command.as_array().map_or(0, Vec::len))
                    .ok_or_else(|| at("command", "`command` must be a non-empty list of strings, e.g. [\"python3\", \"plugins/ner.py\"]".into()))?;
                let int = |key: &str, default: i64, min: i64| -> Result<i64, DriverError> {
                    match table.get(key) {
                        None => Ok(default),
                        Some(toml::Value::Integer(n)) if *n >= min => Ok(*n),
                        Some(_) => Err(at(key, format!("`{key}` must be a whole number of at least {min}"))),
                    }
                };
                let processes = int("processes", 1, 1)? as usize;
                let timeout_secs = int("timeout_secs", 300, 1)? as u64;
                let label = match table.get("name") {
                    Some(toml::Value::String(s)) => s.clone(),
                    Some(_) => return Err(at("name", "`name` must be a string".into())),
                    None => Path::new(command.last().map_or("external", String::as_str))
                        .file_stem()
                        .map_or_else(|| "external".to_owned(), |s| s.to_string_lossy().into_owned()),
                };
                Ok(StageConfig {
                    label,
                    kind: StageKind::External { command, processes, timeout_secs },
                    line,
                    origin: self.path.clone(),
                    key_lines: Vec::new(),
                })
            }
        }
    }

    /// Resolves a path from the config against its directory (`-` stays `-`).
    pub fn resolve_path(&self, path: &str) -> PathBuf {
        if path == "-" {
            PathBuf::from("-")
        } else {
            self.base_dir.join(path)
        }
    }
}

impl StageConfig {
    /// Builds a built-in stage (external stages are run by the driver itself).
    pub fn build(&self, registry: &Registry) -> Result<Option<Box<dyn Stage>>, DriverError> {
        match &self.kind {
            StageKind::External { .. } => Ok(None),
            StageKind::Builtin { name, options } => {
                let spec = registry.get(name).ok_or_else(|| DriverError::Stage {
                    stage: name.clone(),
                    message: "not in this binary's registry".into(),
                })?;
                (spec.build)(options).map(Some).map_err(|e| {
                    let message = e.to_string();
                    let line = self
                        .key_lines
                        .iter()
                        .find(|(key, _)| message.contains(key.as_str()))
                        .map_or(self.line, |(_, line)| *line);
                    let path = if line == 0 {
                        self.origin.clone()
                    } else {
                        format!("{}:{line}", self.origin)
                    };
                    DriverError::Config { path, message }
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use galley_record::{parse_options, Document, StageError, StageSpec};

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields, default)]
    struct NopOptions {
        #[allow(dead_code)]
        level: i64,
    }

    struct Nop;
    impl Stage for Nop {
        fn name(&self) -> &str {
            "nop"
        }
        fn process(&self, _doc: &mut Document) -> Result<(), StageError> {
            Ok(())
        }
    }

    fn registry() -> Registry {
        Registry::new().with(StageSpec {
            name: "nop",
            summary: "does nothing",
            options: &[],
            build: |o| {
                parse_options::<NopOptions>("nop", o)?;
                Ok(Box::new(Nop))
            },
        })
    }

    fn err(text: &str) -> String {
        let config = match PipelineConfig::parse(text, Path::new("p.toml")) {
            Ok(c) => c,
            Err(e) => return e.to_string(),
        };
        let registry = registry();
        match config.stages(&registry) {
            Err(e) => e.to_string(),
            Ok(stages) => stages
                .iter()
                .find_map(|s| s.build(&registry).err())
                .expect("an error")
                .to_string(),
        }
    }

    #[test]
    fn unknown_top_level_key_names_the_line() {
        let e = err("output = \"x\"\nthreds = 4\n");
        assert!(e.contains("line 2") && e.contains("threds"), "{e}");
    }

    #[test]
    fn unknown_stage_option_names_the_line() {
        let e = err("[[stage]]\nuse = \"nop\"\n\n[[stage]]\nuse = \"nop\"\nlevle = 3\n");
        assert!(e.starts_with("p.toml:6:") && e.contains("levle"), "{e}");
    }

    #[test]
    fn unknown_stage_name_lists_the_available_ones() {
        let e = err("[[stage]]\nuse = \"sentenses\"\n");
        assert!(
            e.starts_with("p.toml:2:") && e.contains("available: nop"),
            "{e}"
        );
    }

    #[test]
    fn external_stage_keys_are_checked() {
        let e = err("[[stage]]\ncommand = [\"cat\"]\nprocesses = 0\n");
        assert!(e.starts_with("p.toml:3:") && e.contains("processes"), "{e}");
        let e = err("[[stage]]\ncommand = \"cat\"\n");
        assert!(e.contains("list of strings"), "{e}");
    }

    #[test]
    fn resolves_builtin_and_external() {
        let text = "input = \"docs\"\n[[stage]]\nuse = \"nop\"\nlevel = 2\n[[stage]]\ncommand = [\"python3\", \"plugins/ner.py\"]\nprocesses = 2\n";
        let config = PipelineConfig::parse(text, Path::new("dir/p.toml")).unwrap();
        assert_eq!(config.input, vec!["docs"]);
        assert_eq!(
            config.resolve_path("out/x.jsonl"),
            Path::new("dir/out/x.jsonl")
        );
        let stages = config.stages(&registry()).unwrap();
        assert_eq!(stages[0].label, "nop");
        assert_eq!(stages[1].label, "ner");
        assert!(matches!(
            stages[1].kind,
            StageKind::External { processes: 2, .. }
        ));
    }
}
