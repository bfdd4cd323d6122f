//! Running a pipeline: a reader thread splits input into batches, each batch is parsed,
//! processed by every stage and serialised in parallel on a rayon pool, and a writer thread
//! writes batches in input order. Channels are bounded, so memory stays flat at any size.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use galley_record::{Corpus, Document, Stage, StageError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use crate::config::{ErrorPolicy, PipelineConfig, StageConfig, StageKind};
use crate::external::ExternalStage;
use crate::input::{expand_inputs, InputSource, RawItem, Reader, Reject};
use crate::output::{write_file_atomic, AtomicOutput};
use crate::{DriverError, Registry};

/// Batches in flight between reader, workers and writer: enough to keep every thread busy.
const QUEUE: usize = 4;
/// A batch is also closed at this many input bytes, so a corpus of huge pages stays bounded.
const BATCH_BYTES: usize = 16 << 20;

/// Everything a run needs besides its stages; built from `pipeline.toml` and CLI flags.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub inputs: Vec<PathBuf>,
    pub output: PathBuf,
    /// `None`: `rejects.jsonl` next to a file output; with stdout output, stderr only.
    pub rejects: Option<PathBuf>,
    /// `None`: `run.json` next to a file output; with stdout output, none.
    pub stats: Option<PathBuf>,
    pub threads: usize,
    pub batch_size: usize,
    pub on_error: ErrorPolicy,
    /// `(i, n)`: keep only the documents whose input position is `i` modulo `n`.
    pub shard: Option<(usize, usize)>,
    /// Draw progress bars on stderr.
    pub progress: bool,
    /// Working directory of external stages.
    pub base_dir: PathBuf,
}

impl RunOptions {
    pub fn from_config(config: &PipelineConfig) -> Self {
        RunOptions {
            inputs: config
                .input
                .iter()
                .map(|p| config.resolve_path(p))
                .collect(),
            output: config.resolve_path(&config.output),
            rejects: config.rejects.as_deref().map(|p| config.resolve_path(p)),
            stats: config.stats.as_deref().map(|p| config.resolve_path(p)),
            threads: config.threads,
            batch_size: config.batch_size,
            on_error: config.on_error,
            shard: None,
            progress: false,
            base_dir: config.base_dir.clone(),
        }
    }

    fn beside_output(&self, name: &str) -> Option<PathBuf> {
        (self.output != Path::new("-")).then(|| self.output.with_file_name(name))
    }
}

/// Figures for one stage, in `run.json` and the summary.
#[derive(Debug, Clone, Serialize, Default)]
pub struct StageStats {
    pub name: String,
    /// Thread-seconds spent in the stage (summed over workers).
    pub seconds: f64,
    pub documents: u64,
    pub bytes: u64,
    pub errors: u64,
    /// Entries added to each output field (`edits`, `sentences`, `quotes`, …).
    pub outputs: std::collections::BTreeMap<String, u64>,
}

/// What a run did: printed as the summary and written to `run.json`.
#[derive(Debug, Clone, Serialize)]
pub struct RunSummary {
    pub documents: u64,
    pub rejected: u64,
    pub bytes_in: u64,
    pub bytes_out: u64,
    pub seconds: f64,
    pub mb_per_s: f64,
    pub threads: usize,
    pub output: String,
    pub rejects_file: Option<String>,
    pub stages: Vec<StageStats>,
    /// The first few rejects, for the closing message (all are in the rejects file).
    #[serde(skip)]
    pub reject_messages: Vec<String>,
}

enum Step {
    InProcess(Box<dyn Stage>),
    External(ExternalStage),
}

struct StepStats {
    nanos: AtomicU64,
    documents: AtomicU64,
    bytes: AtomicU64,
    errors: AtomicU64,
    outputs: Vec<(String, AtomicU64)>,
}

/// The whole input as a [`Corpus`], re-read from disk for each stage that learns from it.
pub struct LoadedCorpus<'a> {
    sources: &'a [InputSource],
    batch_size: usize,
}

impl std::fmt::Debug for LoadedCorpus<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedCorpus")
            .field("sources", &self.sources.len())
            .finish()
    }
}

impl<'a> LoadedCorpus<'a> {
    pub fn new(sources: &'a [InputSource], batch_size: usize) -> Self {
        LoadedCorpus {
            sources,
            batch_size: batch_size.max(1),
        }
    }
}

impl Corpus for LoadedCorpus<'_> {
    fn for_each_batch(&mut self, visit: &mut dyn FnMut(&[Document])) -> Result<(), StageError> {
        // Rejects are reported by the main pass; the learning pass only skips them.
        for batch in batches(Reader::new(self.sources.to_vec()), self.batch_size, None) {
            let docs: Vec<Document> = batch
                .into_par_iter()
                .filter_map(|item| item.parse().ok())
                .collect();
            visit(&docs);
        }
        Ok(())
    }
}

/// Groups items into batches of at most `size` items and [`BATCH_BYTES`] bytes, keeping
/// only this shard's items.
fn batches(
    reader: Reader,
    size: usize,
    shard: Option<(usize, usize)>,
) -> impl Iterator<Item = Vec<RawItem>> {
    let mut items = reader.enumerate().filter_map(move |(i, item)| match shard {
        Some((k, n)) if i % n != k => None,
        _ => Some(item),
    });
    std::iter::from_fn(move || {
        let mut batch = Vec::with_capacity(size.min(4096));
        let mut bytes = 0;
        for item in items.by_ref() {
            bytes += item.size();
            batch.push(item);
            if batch.len() >= size || bytes >= BATCH_BYTES {
                break;
            }
        }
        (!batch.is_empty()).then_some(batch)
    })
}

/// Everything processed from one batch, ready to write: one serialised line per document
/// (handed to the writer as they are, so the output is never copied into a second buffer).
struct Done {
    lines: Vec<Vec<u8>>,
    rejects: Vec<Reject>,
    bytes_in: u64,
}

/// Runs the pipeline; see the module docs for the shape.
pub fn run_pipeline(
    options: &RunOptions,
    stages: &[StageConfig],
    registry: &Registry,
) -> Result<RunSummary, DriverError> {
    let started = Instant::now();
    let threads = if options.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        options.threads
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| DriverError::Input(format!("cannot start {threads} threads: {e}")))?;

    let mut sources = expand_inputs(&options.inputs)?;
    let mut steps = Vec::with_capacity(stages.len());
    for stage in stages {
        steps.push(match &stage.kind {
            StageKind::External {
                command,
                processes,
                timeout_secs,
            } => Step::External(ExternalStage::start(
                &stage.label,
                command,
                if options.base_dir.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    options.base_dir.clone()
                },
                *processes,
                *timeout_secs,
            )?),
            StageKind::Builtin { .. } => Step::InProcess(
                stage
                    .build(registry)?
                    .ok_or_else(|| DriverError::Input("stage did not build".into()))?,
            ),
        });
    }

    // Stages that learn from the whole input get a first pass over it; stdin can only be read
    // once, so it is spooled to a temporary file first.
    let _spool;
    if steps
        .iter()
        .any(|s| matches!(s, Step::InProcess(st) if st.wants_corpus()))
    {
        if let Some(pos) = sources.iter().position(|s| *s == InputSource::Stdin) {
            let mut file =
                tempfile::NamedTempFile::new().map_err(|e| DriverError::io("temporary file", e))?;
            std::io::copy(&mut std::io::stdin().lock(), &mut file)
                .map_err(|e| DriverError::io("<stdin>", e))?;
            sources[pos] = InputSource::Jsonl(file.path().to_path_buf());
            _spool = file;
        }
        pool.install(|| -> Result<(), DriverError> {
            for step in &mut steps {
                if let Step::InProcess(stage) = step {
                    if stage.wants_corpus() {
                        let name = stage.name().to_owned();
                        stage
                            .learn(&mut LoadedCorpus::new(&sources, options.batch_size))
                            .map_err(|e| DriverError::Stage {
                                stage: name,
                                message: e.to_string(),
                            })?;
                    }
                }
            }
            Ok(())
        })?;
    }

    let stats: Vec<StepStats> = steps
        .iter()
        .map(|step| StepStats {
            nanos: AtomicU64::new(0),
            documents: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            errors: AtomicU64::new(0),
            outputs: match step {
                Step::InProcess(s) => s
                    .outputs()
                    .iter()
                    .map(|f| ((*f).to_owned(), AtomicU64::new(0)))
                    .collect(),
                Step::External(_) => Vec::new(),
            },
        })
        .collect();

    let total_bytes: u64 = sources.iter().map(InputSource::len).sum();
    let has_stdin = sources.contains(&InputSource::Stdin);
    let bar = progress_bar(options.progress, if has_stdin { 0 } else { total_bytes });

    let mut output = AtomicOutput::create(&options.output)?;
    let rejects_path = options
        .rejects
        .clone()
        .or_else(|| options.beside_output("rejects.jsonl"));
    let stats_path = options
        .stats
        .clone()
        .or_else(|| options.beside_output("run.json"));

    let (raw_tx, raw_rx) = crossbeam_channel::bounded::<Vec<RawItem>>(QUEUE);
    let (done_tx, done_rx) = crossbeam_channel::bounded::<Done>(QUEUE);
    let reader_sources = sources.clone();
    let (batch_size, shard) = (options.batch_size, options.shard);

    let outcome = std::thread::scope(
        |scope| -> Result<(u64, u64, u64, Vec<Reject>), DriverError> {
            scope.spawn(move || {
                for batch in batches(Reader::new(reader_sources), batch_size, shard) {
                    if raw_tx.send(batch).is_err() {
                        break; // the run stopped early
                    }
                }
            });
            let writer = scope.spawn(|| -> Result<(u64, u64, u64, Vec<Reject>), DriverError> {
                let (mut docs, mut bytes_in, mut bytes_out, mut rejects) = (0, 0, 0, Vec::new());
                for done in done_rx {
                    for line in &done.lines {
                        output.write_all(line)?;
                        bytes_out += line.len() as u64;
                    }
                    docs += done.lines.len() as u64;
                    bytes_in += done.bytes_in;
                    for reject in &done.rejects {
                        bar.suspend(|| eprintln!("rejected: {}", reject.message()));
                    }
                    rejects.extend(done.rejects);
                    bar.inc(done.bytes_in);
                    bar.set_message(format!("{docs} documents"));
                }
                Ok((docs, bytes_in, bytes_out, rejects))
            });
            let processed = pool.install(|| -> Result<(), DriverError> {
                for batch in raw_rx {
                    let done = process_batch(batch, &steps, &stats, options.on_error)?;
                    if done_tx.send(done).is_err() {
                        break;
                    }
                }
                Ok(())
            });
            drop(done_tx);
            let written = writer
                .join()
                .map_err(|_| DriverError::Input("the writer thread panicked".into()))?;
            processed?;
            written
        },
    );
    for step in &steps {
        if let Step::External(ext) = step {
            ext.shutdown();
        }
    }
    let (documents, bytes_in, bytes_out, rejects) = outcome?;
    bar.finish_and_clear();
    output.commit()?;

    let mut rejects_file = None;
    if !rejects.is_empty() {
        if let Some(path) = &rejects_path {
            let mut text = Vec::new();
            for r in &rejects {
                text.extend(r.to_json().to_string().as_bytes());
                text.push(b'\n');
            }
            write_file_atomic(path, &text)?;
            rejects_file = Some(path.display().to_string());
        }
    } else if let Some(path) = &rejects_path {
        // A stale rejects file from an earlier run would be mistaken for this run's.
        let _ = std::fs::remove_file(path);
    }

    let seconds = started.elapsed().as_secs_f64();
    let summary = RunSummary {
        documents,
        rejected: rejects.len() as u64,
        bytes_in,
        bytes_out,
        seconds,
        mb_per_s: bytes_in as f64 / 1e6 / seconds.max(1e-9),
        threads,
        output: options.output.display().to_string(),
        rejects_file,
        stages: steps
            .iter()
            .zip(&stats)
            .map(|(step, s)| StageStats {
                name: match step {
                    Step::InProcess(st) => st.name().to_owned(),
                    Step::External(e) => e.label.clone(),
                },
                seconds: Duration::from_nanos(s.nanos.load(Ordering::Relaxed)).as_secs_f64(),
                documents: s.documents.load(Ordering::Relaxed),
                bytes: s.bytes.load(Ordering::Relaxed),
                errors: s.errors.load(Ordering::Relaxed),
                outputs: s
                    .outputs
                    .iter()
                    .map(|(k, v)| (k.clone(), v.load(Ordering::Relaxed)))
                    .collect(),
            })
            .collect(),
        reject_messages: rejects.iter().take(10).map(Reject::message).collect(),
    };
    if let Some(path) = &stats_path {
        let mut json = serde_json::to_vec_pretty(&summary).unwrap_or_default();
        json.push(b'\n');
        write_file_atomic(path, &json)?;
    }
    Ok(summary)
}

fn progress_bar(enabled: bool, total: u64) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    let bar = if total > 0 {
        ProgressBar::new(total).with_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, {eta}) {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bytes} ({bytes_per_sec}) {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        )
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// Parses, processes and serialises one batch on the current rayon pool.
fn process_batch(
    batch: Vec<RawItem>,
    steps: &[Step],
    stats: &[StepStats],
    on_error: ErrorPolicy,
) -> Result<Done, DriverError> {
    let bytes_in: u64 = batch.iter().map(|i| i.size() as u64).sum();
    let parsed: Vec<Result<Document, Reject>> = batch.into_par_iter().map(RawItem::parse).collect();
    let mut rejects = Vec::new();
    let mut docs = Vec::with_capacity(parsed.len());
    for item in parsed {
        match item {
            Ok(doc) => docs.push(doc),
            Err(reject) => rejects.push(reject),
        }
    }
    // Consecutive in-process stages run back to back on each document in one parallel pass;
    // an external stage is a barrier that takes the whole batch.
    let mut at = 0;
    while at < steps.len() {
        if let Step::External(ext) = &steps[at] {
            let t = Instant::now();
            let failures = ext.process_batch(&mut docs);
            let s = &stats[at];
            s.nanos
                .fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
            s.documents.fetch_add(docs.len() as u64, Ordering::Relaxed);
            s.bytes.fetch_add(
                docs.iter().map(|d| d.text.len() as u64).sum(),
                Ordering::Relaxed,
            );
            s.errors.fetch_add(failures.len() as u64, Ordering::Relaxed);
            for (i, message) in failures {
                fail(&mut docs[i], &ext.label, message, on_error)?;
            }
            at += 1;
            continue;
        }
        let end = (at..steps.len())
            .find(|&i| matches!(steps[i], Step::External(_)))
            .unwrap_or(steps.len());
        docs.par_iter_mut()
            .try_for_each(|doc| -> Result<(), DriverError> {
                for (step, s) in steps[at..end].iter().zip(&stats[at..end]) {
                    let Step::InProcess(stage) = step else {
                        continue;
                    };
                    let before: Vec<usize> =
                        s.outputs.iter().map(|(f, _)| doc.array_len(f)).collect();
                    let t = Instant::now();
                    let bytes = doc.text.len() as u64;
                    let result = stage.process(doc);
                    s.nanos
                        .fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
                    s.documents.fetch_add(1, Ordering::Relaxed);
                    s.bytes.fetch_add(bytes, Ordering::Relaxed);
                    for ((field, count), b) in s.outputs.iter().zip(before) {
                        count.fetch_add(
                            doc.array_len(field).saturating_sub(b) as u64,
                            Ordering::Relaxed,
                        );
                    }
                    if let Err(e) = result {
                        s.errors.fetch_add(1, Ordering::Relaxed);
                        fail(doc, stage.name(), e.to_string(), on_error)?;
                    }
                }
                Ok(())
            })?;
        at = end;
    }
    let lines: Vec<Vec<u8>> = docs
        .par_iter()
        .map(|doc| {
            let mut line = Vec::with_capacity(doc.text.len() + 256);
            doc.write_json(&mut line);
            line.push(b'\n');
            line
        })
        .collect();
    Ok(Done {
        lines,
        rejects,
        bytes_in,
    })
}

fn fail(
    doc: &mut Document,
    stage: &str,
    message: String,
    on_error: ErrorPolicy,
) -> Result<(), DriverError> {
    match on_error {
        ErrorPolicy::Record => {
            doc.push_error(stage, message);
            Ok(())
        }
        ErrorPolicy::Abort => Err(DriverError::Stage {
            stage: stage.to_owned(),
            message: format!("record `{}`: {message} (on_error = \"abort\")", doc.id),
        }),
    }
}
