//! The command-line grammar (clap). Help texts teach by example: they are the first
//! documentation a user reads.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "galley",
    version,
    about = "Turn raw archive text into clean, annotated JSONL.",
    long_about = "galley turns raw archive text (OCR output, scraped pages, transcriptions) into \
clean, structured JSONL: OCR cleanup with a reversible edit log, bibliographic metadata and page \
zones, sentences, and quotations with their speakers.",
    after_help = "Examples:
  galley run                                  run pipeline.toml on corpus/ into out/documents.jsonl
  galley run --input pages/ --output pages.jsonl.gz --threads 8
  galley stage sentences < cleaned.jsonl > split.jsonl
  galley stage cleanup --set dry_run=true --input raw.jsonl --output review.jsonl
  galley stages                               list stages and their options
  galley validate pipeline.toml               check a config and show the resolved pipeline
  galley restore --input out/documents.jsonl --to-dir original/"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the whole pipeline described by pipeline.toml.
    #[command(after_help = "Examples:
  galley run
  galley run --config my.toml --input 'scans/**/*.txt' --output out/all.jsonl.gz
  galley run --input - --output - < in.jsonl > out.jsonl      (stdin to stdout, e.g. under Spark's RDD.pipe)
  galley run --shard 3/16                                      (the 4th of 16 machines takes every 16th document)

Without --config, ./pipeline.toml is used; without that file, the built-in pipeline (every
built-in stage in order) runs. Rejected input lines go to rejects.jsonl next to the output and
make the exit code 3 unless --allow-rejects is given; statistics go to run.json there.")]
    Run(RunArgs),

    /// Run one stage alone, standard input to standard output by default.
    #[command(after_help = "Examples:
  galley stage sentences < in.jsonl > out.jsonl
  galley stage quotes --input cleaned.jsonl --output quoted.jsonl
  galley stage cleanup --set min_confidence=0.95 --set 'layers=[\"normalize\",\"spelling\"]'

VALUE in --set is read as a TOML value (true, 0.9, [\"a\",\"b\"]) and otherwise as a string.")]
    Stage(StageArgs),

    /// List the available stages, what they do and their options.
    Stages,

    /// Check a pipeline.toml and print the resolved pipeline.
    Validate {
        /// The config to check.
        #[arg(default_value = "pipeline.toml")]
        config: PathBuf,
    },

    /// Undo cleanup: rebuild each document's original text from its `edits`.
    #[command(after_help = "Examples:
  galley restore --input out/documents.jsonl --to-dir original/     (one ORIGINAL_ID.txt per document)
  galley restore < out/documents.jsonl > original.jsonl            (JSONL with the original text)

In JSONL output the restored record keeps its id and source and every field that does not hold
offsets into the cleaned text; `edits`, `sentences`, `quotes`, `zones` and `metadata_spans` are
dropped because their offsets no longer fit.")]
    Restore(RestoreArgs),

    /// Build and inspect corpus lexicons for the cleanup stage.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
}

#[derive(Debug, Args)]
pub struct IoArgs {
    /// Input: files, directories, glob patterns, or - for standard input. Repeatable.
    #[arg(short, long = "input", value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    /// Output JSONL file (.gz compresses), or - for standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Worker threads (default: one per core; the output is identical at any count).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Exit 0 even if some input lines were rejected (they are still in rejects.jsonl).
    #[arg(long)]
    pub allow_rejects: bool,
    /// Where rejected input lines go (default: rejects.jsonl next to the output).
    #[arg(long, value_name = "PATH")]
    pub rejects: Option<PathBuf>,
    /// Never draw progress bars (they are drawn only when stderr is a terminal anyway).
    #[arg(long)]
    pub no_progress: bool,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The pipeline config.
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub io: IoArgs,
    /// Documents per batch.
    #[arg(long, value_name = "N")]
    pub batch_size: Option<usize>,
    /// Process only shard I of N (0-based): documents whose position in the input is I mod N.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,
}

#[derive(Debug, Args)]
pub struct StageArgs {
    /// The stage to run (see `galley stages`).
    pub name: String,
    /// Set an option of the stage: KEY=VALUE. Repeatable.
    #[arg(short, long = "set", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    pub set: Vec<(String, toml::Value)>,
    #[command(flatten)]
    pub io: IoArgs,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// JSONL with `edits` (default: standard input).
    #[arg(short, long, value_name = "PATH", default_value = "-")]
    pub input: PathBuf,
    /// JSONL output (default: standard output).
    #[arg(short, long, value_name = "PATH", conflicts_with = "to_dir")]
    pub output: Option<PathBuf>,
    /// Write each document's original text to DIR/ID.txt instead of JSONL.
    #[arg(long, value_name = "DIR")]
    pub to_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Count every token of a corpus into a TSV lexicon that `cleanup` can reuse
    /// (`lexicon = "lexicon.tsv"`), e.g. for a stage run or a cluster job.
    #[command(after_help = "Example:
  galley lexicon build corpus/ -o lexicon.tsv
  galley stage cleanup --set lexicon=lexicon.tsv < shard.jsonl > cleaned.jsonl")]
    Build {
        /// Input files, directories, globs or -.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Where to write the lexicon.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (i, n) = s.split_once('/').ok_or("expected I/N, e.g. 0/4")?;
    let i: usize = i
        .trim()
        .parse()
        .map_err(|_| format!("`{i}` is not a whole number"))?;
    let n: usize = n
        .trim()
        .parse()
        .map_err(|_| format!("`{n}` is not a whole number"))?;
    if n == 0 || i >= n {
        return Err(format!(
            "shard {i}/{n}: I must be less than N (shards are numbered from 0)"
        ));
    }
    Ok((i, n))
}

fn parse_key_value(s: &str) -> Result<(String, toml::Value), String> {
    let (key, value) = s
        .split_once('=')
        .ok_or("expected KEY=VALUE, e.g. min_confidence=0.9")?;
    let key = key.trim();
    if key.is_empty() {
        return Err("the key before `=` is empty".into());
    }
    let parsed = toml::from_str::<toml::Table>(&format!("v = {value}"))
        .ok()
        .and_then(|mut t| t.remove("v"))
        .unwrap_or_else(|| toml::Value::String(value.to_owned()));
    Ok((key.to_owned(), parsed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_and_set_parse() {
        assert_eq!(parse_shard("3/16"), Ok((3, 16)));
        assert!(parse_shard("4/4").is_err());
        assert_eq!(
            parse_key_value("dry_run=true").unwrap().1,
            toml::Value::Boolean(true)
        );
        assert_eq!(
            parse_key_value("lexicon=out/lex.tsv").unwrap().1,
            toml::Value::String("out/lex.tsv".into())
        );
        assert_eq!(
            parse_key_value("x=[\"a\"]")
                .unwrap()
                .1
                .as_array()
                .map(Vec::len),
            Some(1)
        );
    }

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
