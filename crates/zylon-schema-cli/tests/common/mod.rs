//! Helpers shared by the CLI integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zylon-schema"))
}

/// Run with these arguments.
pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

/// Write `body` to a file called `name` in this test run's directory; returns its path.
pub fn tmp(name: &str, body: &str) -> String {
    let dir = std::env::temp_dir().join(format!("zylon-cli-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, body).unwrap();
    p.to_string_lossy().into_owned()
}

/// Run with these arguments in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().unwrap()
}

/// Run with `input` on standard input.
pub fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// A fresh, empty directory for one test.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zylon-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Write `body` to `dir/rel`, creating the parent directories.
pub fn put(dir: &Path, rel: &str, body: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, body).unwrap();
}

/// Standard output as NDJSON values.
pub fn ndjson(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The codes of a report's errors.
pub fn error_codes(report: &serde_json::Value) -> Vec<String> {
    report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap().to_string())
        .collect()
}

/// A valid chat body.
pub const GOOD: &str = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]}"#;
/// A chat body with two errors (role case, temperature range) and a warning, on two lines.
pub const BAD: &str =
    "{\"messages\":[{\"role\":\"User\",\"content\":\"hi\"}],\n\"temperature\":1.5}";
