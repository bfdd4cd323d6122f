//! The documented way to add a Rust stage works: a custom binary runs its own stage, lists
//! it, and validates its options.

use assert_cmd::Command;

fn bin() -> Command {
    Command::cargo_bin("galley-custom-stage-example").expect("example binary is built")
}

#[test]
fn custom_stage_runs_alone_and_is_listed() {
    let out = bin()
        .args(["stage", "reading_time", "--set", "words_per_minute=2"])
        .write_stdin("{\"id\":\"a\",\"text\":\"one two three four five\",\"keep\":true}\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let line = String::from_utf8(out).unwrap();
    assert_eq!(
        line.trim(),
        r#"{"id":"a","text":"one two three four five","keep":true,"reading_minutes":2.5}"#
    );

    let list = bin()
        .arg("stages")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(list).unwrap().contains("reading_time"));
}

#[test]
fn custom_stage_options_are_checked() {
    let err = bin()
        .args([
            "stage",
            "reading_time",
            "--set",
            "words_per_minute=0",
            "--input",
            "-",
        ])
        .write_stdin("")
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8(err).unwrap().contains("words_per_minute"));
}
