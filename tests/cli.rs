//! End-to-end tests of the `galley` binary: the whole pipeline, single stages over
//! stdin/stdout, every kind of bad input, external stages that misbehave, and determinism.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn galley() -> Command {
    let mut cmd = Command::cargo_bin("galley").expect("galley binary is built");
    cmd.env_remove("RUST_LOG");
    cmd
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| serde_json::from_str(l).expect("output lines are JSON"))
        .collect()
}

/// Runs `galley ARGS` on `input`, asserts that it succeeds, and returns its stdout.
fn succeeding<S: AsRef<std::ffi::OsStr>>(
    args: impl IntoIterator<Item = S>,
    input: &str,
) -> Vec<u8> {
    galley()
        .args(args)
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// `galley run` with no stages (an empty config), stdin to stdout, plus `extra` flags;
/// returns stdout after asserting success.
fn passthrough(extra: &[&str], input: &str) -> Vec<u8> {
    let base = [
        "run",
        "--config",
        "/dev/null",
        "--input",
        "-",
        "--output",
        "-",
    ];
    succeeding(base.iter().chain(extra), input)
}

/// A temporary `p.toml` holding `text` (the directory lives as long as the returned guard).
fn config_file(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("p.toml");
    std::fs::write(&config, text).unwrap();
    (dir, config)
}

/// Runs `galley ARGS` on `input`, asserts that it fails, and returns its stderr.
fn failing(args: &[&str], input: &str) -> String {
    let assert = galley().args(args).write_stdin(input).assert().failure();
    stderr_of(assert.get_output())
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A directory with a pipeline.toml holding `stages` and a copy of the sample corpus.
fn workspace(stages: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    for entry in std::fs::read_dir(repo().join("corpus")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            dir.path().join("corpus").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("pipeline.toml"), stages).unwrap();
    dir
}

/// `galley run --threads 2` inside a [`workspace`]; the records it wrote.
fn run_in(dir: &tempfile::TempDir) -> Vec<Value> {
    galley()
        .current_dir(dir.path())
        .args(["run", "--threads", "2"])
        .assert()
        .success();
    lines(&std::fs::read(dir.path().join("out/documents.jsonl")).unwrap())
}

fn corpus_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(repo().join("corpus"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn run_writes_one_record_per_corpus_file_and_stats() {
    let dir = workspace("threads = 2\n");
    galley()
        .current_dir(dir.path())
        .arg("run")
        .assert()
        .success();
    let out = std::fs::read(dir.path().join("out/documents.jsonl")).unwrap();
    let records = lines(&out);
    let ids: Vec<String> = records
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, corpus_ids());
    for r in &records {
        let source = r["source"].as_str().unwrap();
        let original = std::fs::read_to_string(dir.path().join(source)).unwrap();
        assert_eq!(
            r["text"].as_str().unwrap(),
            original,
            "passthrough keeps the text"
        );
    }
    let stats: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/run.json")).unwrap()).unwrap();
    assert_eq!(stats["documents"], 5);
    assert!(!dir.path().join("out/rejects.jsonl").exists());
}

#[test]
fn unknown_fields_pass_through_untouched() {
    let input =
        "{\"id\":\"a\",\"text\":\"Hello.\",\"custom\":{\"nested\":[1,2,{\"x\":null}]},\"n\":1.5}\n";
    let out = passthrough(&[], input);
    assert_eq!(String::from_utf8(out).unwrap(), input);
}

#[test]
fn bad_input_is_rejected_with_file_line_and_reason_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("a.jsonl"),
        "{\"id\":\"ok1\",\"text\":\"fine\"}\n{\"id\":\"broken\",\"text\":\n{\"id\":\"notext\"}\n{\"id\":\"num\",\"text\":42}\n{\"id\":\"ok2\",\"text\":\"also fine\"}\n",
    )
    .unwrap();
    std::fs::write(input.join("b.txt"), b"Caf\xe9 \x93quoted\x94").unwrap();
    std::fs::write(input.join("c.txt"), b"").unwrap();
    std::fs::write(input.join("d.jsonl"), b"").unwrap();
    let output = dir.path().join("out/docs.jsonl");
    let assert = galley()
        .args(["run", "--config", "/dev/null", "--input"])
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .assert()
        .code(3);
    let err = stderr_of(assert.get_output());
    assert!(err.contains("a.jsonl:2: malformed JSON"), "{err}");
    assert!(err.contains("a.jsonl:3: missing field `text`"), "{err}");
    assert!(
        err.contains("a.jsonl:4: field `text` must be a string, found a number"),
        "{err}"
    );
    assert!(err.contains("d.jsonl: the file holds no records"), "{err}");

    let records = lines(&std::fs::read(&output).unwrap());
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["ok1", "ok2", "b", "c"]);
    assert_eq!(records[2]["text"], "Café “quoted”");
    assert!(records[2]["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("Windows-1252"));
    assert!(records[3]["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("empty"));

    let rejects = lines(&std::fs::read(dir.path().join("out/rejects.jsonl")).unwrap());
    assert_eq!(rejects.len(), 4);
    assert_eq!(rejects[0]["line"], 2);
    assert_eq!(rejects[0]["raw"], "{\"id\":\"broken\",\"text\":");

    // --allow-rejects: same output, exit 0.
    galley()
        .args(["run", "--config", "/dev/null", "--allow-rejects", "--input"])
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .assert()
        .success();
}

#[test]
fn gzip_in_and_out() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&input).unwrap(),
        flate2::Compression::default(),
    );
    gz.write_all(b"{\"id\":\"z\",\"text\":\"zipped\"}\n")
        .unwrap();
    gz.finish().unwrap();
    let output = dir.path().join("o.jsonl.gz");
    galley()
        .args(["run", "--config", "/dev/null", "--input"])
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .assert()
        .success();
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&output).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(text, "{\"id\":\"z\",\"text\":\"zipped\"}\n");
}

#[test]
fn external_python_plugin_example_works() {
    let dir = workspace(&format!(
        "[[stage]]\ncommand = [\"python3\", \"{}\"]\nprocesses = 2\n",
        repo().join("examples/plugins/wordcount.py").display()
    ));
    let records = run_in(&dir);
    assert_eq!(records.len(), 5);
    for r in &records {
        let words = r["text"].as_str().unwrap().split_whitespace().count() as u64;
        assert_eq!(r["word_count"].as_u64(), Some(words));
        assert!(r.get("errors").is_none());
    }
}

/// Runs `input` through an external stage `command` and returns (records, stderr).
fn through_external(command: &str, extra: &str, input: &str) -> (Vec<Value>, String) {
    let (_dir, config) = config_file(&format!(
        "batch_size = 10\n[[stage]]\nname = \"plugin\"\ncommand = {command}\n{extra}"
    ));
    let out = galley()
        .args(["run", "--input", "-", "--output", "-", "--config"])
        .arg(&config)
        .write_stdin(input)
        .assert()
        .success();
    let output = out.get_output();
    (lines(&output.stdout), stderr_of(output))
}

const THREE: &str =
    "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n{\"id\":\"c\",\"text\":\"z\"}\n";

fn errors_of(r: &Value) -> String {
    r["errors"].to_string()
}

#[test]
fn crashing_external_stage_fails_only_its_records() {
    let (records, _) = through_external(
        r#"["sh", "-c", "read -r line; printf '%s\n' \"$line\"; echo boom >&2; exit 7"]"#,
        "",
        THREE,
    );
    assert_eq!(records.len(), 3, "no record is lost");
    assert!(records[0].get("errors").is_none());
    let e = errors_of(&records[1]);
    assert!(
        e.contains("stopped after answering 1 of 3")
            && e.contains("exit status: 7")
            && e.contains("boom"),
        "{e}"
    );
    assert_eq!(records[2]["text"], "z");
}

#[test]
fn hanging_external_stage_times_out() {
    let (records, _) = through_external(r#"["sh", "-c", "sleep 30"]"#, "timeout_secs = 1\n", THREE);
    assert_eq!(records.len(), 3);
    for r in &records {
        assert!(errors_of(r).contains("no answer within 1 s"), "{r}");
    }
}

#[test]
fn line_dropping_external_stage_is_caught() {
    let drop_b = r#"["sh", "-c", "while IFS= read -r l; do case \"$l\" in *'\"id\":\"b\"'*) ;; *) printf '%s\n' \"$l\";; esac; done"]"#;
    let (records, _) = through_external(drop_b, "", THREE);
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert!(
        errors_of(&records[1]).contains("where record `b` was due"),
        "{}",
        records[1]
    );
}

#[test]
fn missing_external_program_fails_before_reading() {
    let (_dir, config) = config_file("[[stage]]\ncommand = [\"no-such-program-galley\"]\n");
    let assert = galley()
        .args(["run", "--input", "-", "--output", "-", "--config"])
        .arg(&config)
        .write_stdin(THREE)
        .assert()
        .failure();
    assert!(stderr_of(assert.get_output()).contains("cannot start `no-such-program-galley`"));
}

#[test]
fn validate_names_the_line_of_a_mistake() {
    let (_dir, config) =
        config_file("output = \"x.jsonl\"\n\n[[stage]]\ncommand = [\"cat\"]\nproceses = 2\n");
    let assert = galley().arg("validate").arg(&config).assert().failure();
    let err = stderr_of(assert.get_output());
    assert!(
        err.contains("p.toml:5") && err.contains("proceses"),
        "{err}"
    );

    std::fs::write(&config, "[[stage]]\ncommand = [\"cat\"]\n").unwrap();
    let out = galley()
        .arg("validate")
        .arg(&config)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).unwrap().contains("external: `cat`"));
}

#[test]
fn shards_partition_the_input() {
    let input: String = (0..10)
        .map(|i| format!("{{\"id\":\"{i}\",\"text\":\"t\"}}\n"))
        .collect();
    let mut seen = Vec::new();
    for shard in ["0/3", "1/3", "2/3"] {
        let out = passthrough(&["--shard", shard], &input);
        seen.extend(
            lines(&out)
                .into_iter()
                .map(|r| r["id"].as_str().unwrap().parse::<u32>().unwrap()),
        );
    }
    seen.sort_unstable();
    assert_eq!(seen, (0..10).collect::<Vec<_>>());
}

#[test]
fn stage_without_piped_input_or_unknown_name_explains_itself() {
    assert!(failing(&["stage", "no_such_stage"], "").contains("unknown stage `no_such_stage`"));
}

#[test]
fn single_stage_reads_stdin_and_writes_stdout() {
    let input =
        "{\"id\":\"q\",\"text\":\"Stalin said: “We shall win.” It was a lie.\",\"keep\":[1]}\n";
    let out = succeeding(["stage", "quotes", "--no-progress"], input);
    let records = lines(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["keep"], serde_json::json!([1]));
    assert_eq!(records[0]["quotes"][0]["speaker"], "Stalin");
    assert_eq!(records[0]["quotes"][0]["text"], "We shall win.");
}

#[test]
fn output_is_byte_identical_at_any_thread_count_and_batch_size() {
    let dir = workspace(&std::fs::read_to_string(repo().join("pipeline.toml")).unwrap());
    let mut outputs = Vec::new();
    for (threads, batch) in [("1", "1"), ("4", "2"), ("2", "256")] {
        let output = dir.path().join(format!("out-{threads}.jsonl"));
        galley()
            .current_dir(dir.path())
            .args([
                "run",
                "--threads",
                threads,
                "--batch-size",
                batch,
                "--output",
            ])
            .arg(&output)
            .assert()
            .success();
        outputs.push(std::fs::read(&output).unwrap());
    }
    assert!(!outputs[0].is_empty());
    assert!(
        outputs.iter().all(|o| *o == outputs[0]),
        "outputs differ between thread counts"
    );
}

#[test]
fn stage_options_are_checked_by_name() {
    assert!(
        failing(&["stage", "quotes", "--set", "no_such_option=1"], "").contains("no_such_option")
    );
}

#[test]
fn restore_rebuilds_the_corpus_byte_for_byte() {
    let dir = workspace(&std::fs::read_to_string(repo().join("pipeline.toml")).unwrap());
    let records = run_in(&dir);
    let edits: usize = records
        .iter()
        .map(|r| r["edits"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(edits > 0, "the sample corpus has OCR errors to fix");
    galley()
        .current_dir(dir.path())
        .args([
            "restore",
            "--input",
            "out/documents.jsonl",
            "--to-dir",
            "restored",
        ])
        .assert()
        .success();
    for id in corpus_ids() {
        let original = std::fs::read(dir.path().join("corpus").join(format!("{id}.txt"))).unwrap();
        let restored =
            std::fs::read(dir.path().join("restored").join(format!("{id}.txt"))).unwrap();
        assert!(original == restored, "{id} differs after restore");
    }
}

#[test]
fn restore_refuses_a_tampered_record() {
    let input = "{\"id\":\"t\",\"text\":\"the figure\",\"edits\":[{\"start\":4,\"end\":10,\"original\":\"figurh\",\"replacement\":\"figurx\",\"kind\":\"spelling\",\"confidence\":1.0}]}\n";
    let assert = galley()
        .arg("restore")
        .write_stdin(input)
        .assert()
        .failure();
    let err = stderr_of(assert.get_output());
    assert!(err.contains("<stdin>") || err.contains("-:1"), "{err}");
    assert!(err.contains("figurx"), "{err}");
}

#[test]
fn lexicon_built_once_is_reused_by_a_stage_run() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("lexicon.tsv");
    galley()
        .args(["lexicon", "build"])
        .arg(repo().join("corpus"))
        .arg("-o")
        .arg(&lexicon)
        .assert()
        .success();
    let tsv = std::fs::read_to_string(&lexicon).unwrap();
    assert!(
        tsv.lines().count() > 1000,
        "every token of the corpus is counted"
    );

    // The same document cleaned with the corpus lexicon and with a corpus pass over stdin.
    let doc = std::fs::read_to_string(repo().join("corpus/003_b3e90b3c250fa830.txt")).unwrap();
    let input = format!("{}\n", serde_json::json!({"id": "003", "text": doc}));
    let set_lexicon = format!("lexicon={}", lexicon.display());
    let with_lexicon = succeeding(["stage", "cleanup", "--set", &set_lexicon], &input);
    let fixed = lines(&with_lexicon)[0]["text"].as_str().unwrap().to_owned();
    assert!(
        fixed.contains("Budenz might have remained"),
        "a corpus variant is corrected"
    );
    let from_stdin = succeeding(["stage", "cleanup"], &input);
    assert!(lines(&from_stdin)[0]["text"]
        .as_str()
        .unwrap()
        .contains("Budenz might have remained"));
}
