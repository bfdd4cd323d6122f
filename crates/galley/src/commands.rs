//! What each subcommand does, on top of the driver. Everything here is glue: reading flags,
//! choosing defaults, and saying clearly what happened.

use std::fmt::Write as _;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use galley_cleanup::CorpusLexicon;
use galley_driver::{
    expand_inputs, run_pipeline, write_file_atomic, LoadedCorpus, PipelineConfig, Registry,
    RunOptions, RunSummary, StageConfig, StageKind,
};
use galley_record::{restore, Document, Edit};

use crate::cli::{Cli, Command, IoArgs, LexiconCommand, RestoreArgs, RunArgs, StageArgs};

/// Exit code of a run that finished but rejected some input lines.
const EXIT_REJECTS: u8 = 3;

pub fn dispatch(cli: Cli, registry: &Registry) -> Result<ExitCode> {
    match cli.command {
        Command::Run(args) => run(args, registry),
        Command::Stage(args) => stage(args, registry),
        Command::Stages => {
            print!("{}", describe_stages(registry));
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { config } => {
            let config = PipelineConfig::load(&config)?;
            let stages = config.stages(registry)?;
            for stage in &stages {
                stage.build(registry)?; // options are only fully checked by the stage itself
            }
            print!("{}", describe_pipeline(&config, &stages));
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore(args) => restore_command(args),
        Command::Lexicon(LexiconCommand::Build { inputs, output }) => {
            lexicon_build(&inputs, &output)
        }
    }
}

/// The pipeline used when there is no pipeline.toml: every built-in stage, in order.
fn builtin_pipeline(registry: &Registry) -> Result<PipelineConfig> {
    let mut text = String::new();
    for name in registry.names() {
        let _ = writeln!(text, "[[stage]]\nuse = \"{name}\"\n");
    }
    Ok(PipelineConfig::parse(&text, Path::new("pipeline.toml"))?)
}

fn apply_io(options: &mut RunOptions, io: &IoArgs) {
    if !io.inputs.is_empty() {
        // Paths on the command line are relative to where the user is, not to the config.
        options.inputs = io.inputs.clone();
    }
    if let Some(output) = &io.output {
        options.output = output.clone();
        options.stats = None;
    }
    if let Some(threads) = io.threads {
        options.threads = threads;
    }
    if let Some(rejects) = &io.rejects {
        options.rejects = Some(rejects.clone());
    }
    // The bar goes to stderr, so a stage piping JSONL to stdout can still show one.
    options.progress = !io.no_progress && std::io::stderr().is_terminal();
}

fn run(args: RunArgs, registry: &Registry) -> Result<ExitCode> {
    let config = match &args.config {
        Some(path) => PipelineConfig::load(path)?,
        None if Path::new("pipeline.toml").exists() => {
            PipelineConfig::load(Path::new("pipeline.toml"))?
        }
        None => {
            eprintln!(
                "galley: no pipeline.toml here; running the built-in pipeline ({})",
                registry.names().join(" → ")
            );
            builtin_pipeline(registry)?
        }
    };
    let stages = config.stages(registry)?;
    let mut options = RunOptions::from_config(&config);
    apply_io(&mut options, &args.io);
    if let Some(size) = args.batch_size {
        if size == 0 {
            bail!("--batch-size must be at least 1");
        }
        options.batch_size = size;
    }
    options.shard = args.shard;
    execute(&options, &stages, registry, args.io.allow_rejects)
}

fn stage(args: StageArgs, registry: &Registry) -> Result<ExitCode> {
    if registry.get(&args.name).is_none() {
        bail!(
            "unknown stage `{}`; available: {} (see `galley stages`)",
            args.name,
            registry.names().join(", ")
        );
    }
    let mut options = RunOptions::from_config(&PipelineConfig::empty());
    options.inputs = vec![PathBuf::from("-")];
    options.output = PathBuf::from("-");
    apply_io(&mut options, &args.io);
    if options.inputs == [PathBuf::from("-")] && std::io::stdin().is_terminal() {
        bail!(
            "`galley stage {0}` reads JSONL from standard input; pipe a file in (`galley stage {0} < in.jsonl`) or pass --input PATH",
            args.name
        );
    }
    let stage = StageConfig {
        label: args.name.clone(),
        kind: StageKind::Builtin {
            name: args.name,
            options: args.set.into_iter().collect(),
        },
        line: 0,
        origin: "--set".to_owned(),
        key_lines: Vec::new(),
    };
    execute(&options, &[stage], registry, args.io.allow_rejects)
}

fn execute(
    options: &RunOptions,
    stages: &[StageConfig],
    registry: &Registry,
    allow_rejects: bool,
) -> Result<ExitCode> {
    let summary = run_pipeline(options, stages, registry)?;
    eprint!("{}", describe_summary(&summary));
    if summary.rejected > 0 && !allow_rejects {
        return Ok(ExitCode::from(EXIT_REJECTS));
    }
    Ok(ExitCode::SUCCESS)
}

/// The closing paragraph of a run.
pub fn describe_summary(s: &RunSummary) -> String {
    let mut out = format!(
        "galley: {} documents ({:.2} MB) in {:.2} s, {:.1} MB/s on {} threads → {}\n",
        s.documents,
        s.bytes_in as f64 / 1e6,
        s.seconds,
        s.mb_per_s,
        s.threads,
        s.output
    );
    for stage in &s.stages {
        let mut counts: Vec<String> = stage
            .outputs
            .iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect();
        if stage.errors > 0 {
            counts.push(format!("{} records with errors", stage.errors));
        }
        let _ = writeln!(
            out,
            "  {:<12} {:>8.3} s{}",
            stage.name,
            stage.seconds,
            if counts.is_empty() {
                String::new()
            } else {
                format!("  ({})", counts.join(", "))
            }
        );
    }
    if s.rejected > 0 {
        let _ = writeln!(
            out,
            "galley: {} input lines were rejected{}; the rest was processed. First ones:",
            s.rejected,
            s.rejects_file
                .as_ref()
                .map_or_else(String::new, |f| format!(
                    " (all of them, with reasons, in {f})"
                ))
        );
        for m in &s.reject_messages {
            let _ = writeln!(out, "  {m}");
        }
    }
    out
}

fn describe_stages(registry: &Registry) -> String {
    let mut out = String::from(
        "Built-in stages (use = \"NAME\" in pipeline.toml, or `galley stage NAME`):\n",
    );
    for spec in registry.specs() {
        let _ = writeln!(out, "\n{}\n    {}", spec.name, spec.summary);
        for o in spec.options {
            let _ = writeln!(
                out,
                "    {} ({}, default {})\n        {}",
                o.name, o.kind, o.default, o.help
            );
        }
    }
    out.push_str(
        "\nExternal stages: any program that reads JSONL on stdin and writes one JSONL line per input\n\
line, in order, with the same `id`:\n\n    [[stage]]\n    command = [\"python3\", \"examples/plugins/wordcount.py\"]\n    \
processes = 2        # copies run in parallel\n    timeout_secs = 300   # per batch\n",
    );
    out
}

fn describe_pipeline(config: &PipelineConfig, stages: &[StageConfig]) -> String {
    let mut out = format!(
        "{}: OK\n  input:      {}\n  output:     {}\n  threads:    {}\n  batch size: {}\n  on error:   {:?}\n  stages:\n",
        config.path,
        config.input.join(", "),
        config.output,
        if config.threads == 0 { "one per core".to_owned() } else { config.threads.to_string() },
        config.batch_size,
        config.on_error
    );
    if stages.is_empty() {
        out.push_str("    (none: documents pass through unchanged)\n");
    }
    for (i, stage) in stages.iter().enumerate() {
        match &stage.kind {
            StageKind::Builtin { name, options } => {
                let opts: Vec<String> = options.iter().map(|(k, v)| format!("{k} = {v}")).collect();
                let _ = writeln!(
                    out,
                    "    {}. {} (built-in `{name}`){}",
                    i + 1,
                    stage.label,
                    if opts.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", opts.join(", "))
                    }
                );
            }
            StageKind::External {
                command,
                processes,
                timeout_secs,
            } => {
                let _ = writeln!(
                    out,
                    "    {}. {} (external: `{}`, {processes} process(es), timeout {timeout_secs} s)",
                    i + 1,
                    stage.label,
                    command.join(" ")
                );
            }
        }
    }
    out
}

/// Fields whose offsets point into the cleaned text and so mean nothing after a restore.
const OFFSET_FIELDS: &[&str] = &["edits", "sentences", "quotes", "zones", "metadata_spans"];

fn restore_command(args: RestoreArgs) -> Result<ExitCode> {
    let reader: Box<dyn BufRead> = if args.input == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(&args.input)
            .with_context(|| format!("{}", args.input.display()))?;
        Box::new(std::io::BufReader::new(file))
    };
    let shown = args.input.display().to_string();
    let mut out: Box<dyn Write> = match (&args.output, &args.to_dir) {
        (_, Some(dir)) => {
            std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
            Box::new(std::io::sink())
        }
        (Some(path), None) if path != Path::new("-") => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("{}", path.display()))?,
        )),
        _ => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut count = 0;
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("{shown}:{}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let mut doc =
            Document::from_json_line(&line).with_context(|| format!("{shown}:{}", n + 1))?;
        let edits: Vec<Edit> = doc
            .get_as("edits")
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("{shown}:{}: record `{}`", n + 1, doc.id))?
            .unwrap_or_default();
        doc.text = restore(&doc.text, &edits)
            .with_context(|| format!("{shown}:{}: record `{}`", n + 1, doc.id))?;
        for field in OFFSET_FIELDS {
            doc.remove(field);
        }
        if let Some(dir) = &args.to_dir {
            let path = dir.join(format!("{}.txt", doc.id));
            std::fs::write(&path, &doc.text).with_context(|| format!("{}", path.display()))?;
        } else {
            writeln!(out, "{}", doc.to_json_line())?;
        }
        count += 1;
    }
    out.flush()?;
    eprintln!("galley: restored {count} documents");
    Ok(ExitCode::SUCCESS)
}

fn lexicon_build(inputs: &[PathBuf], output: &Path) -> Result<ExitCode> {
    let sources = expand_inputs(inputs)?;
    let lexicon = CorpusLexicon::from_corpus(&mut LoadedCorpus::new(&sources, 256))?;
    let mut tsv = Vec::new();
    lexicon
        .write_tsv(&mut tsv)
        .with_context(|| output.display().to_string())?;
    write_file_atomic(output, &tsv)?;
    eprintln!("galley: wrote the corpus lexicon to {} (use it with `lexicon = \"{}\"` in the cleanup stage)", output.display(), output.display());
    Ok(ExitCode::SUCCESS)
}
