//! A closed standard output (`zylon-schema codes | head -1`) ends every subcommand quietly with
//! status 141 (128 + SIGPIPE), never with a panic. The reading end of the pipe is closed before
//! the program starts, so its first write fails every time.
// `std::io::pipe` is newer than the crate's rust-version; tests run on the current toolchain.
#![allow(clippy::incompatible_msrv)]

mod common;

use std::process::Stdio;

use common::*;

fn with_closed_stdout(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = bin()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn every_subcommand_ends_quietly_with_141_on_a_closed_pipe() {
    let dir = fresh_dir("pipe");
    put(&dir, "good.json", GOOD);
    put(&dir, "bad.json", BAD);
    put(
        &dir,
        "log.jsonl",
        &format!("{GOOD}\n{BAD}\n").replace(",\n\"t", ",\"t"),
    );
    put(
        &dir,
        "fixme.json",
        r#"{"messages":[{"role":"User","content":"Hi"}]}"#,
    );
    put(&dir, "capture.sse", "data: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"content\":[]}}\n\ndata: {\"type\":\"message_stop\"}\n\n");
    let cases: &[&[&str]] = &[
        &["--help"],
        &["--version"],
        &["validate", "--help"],
        &["codes", "--help"],
        &["codes"],
        &["schema"],
        &["schema", "chat"],
        &["fix", "fixme.json"],
        &["stream", "--format", "json", "capture.sse"],
        &["stream", "--format", "human", "capture.sse"],
        &["validate", "-f", "json", "good.json"],
        &[
            "validate",
            "-f",
            "json",
            "-j",
            "1",
            "good.json",
            "bad.json",
            "log.jsonl",
        ],
        &[
            "validate",
            "-f",
            "json",
            "-j",
            "2",
            "good.json",
            "bad.json",
            "log.jsonl",
        ],
        &["validate", "-f", "human", "bad.json"],
        &["validate", "-f", "sarif", "bad.json"],
        &[
            "validate",
            "-f",
            "github",
            "-j",
            "2",
            "bad.json",
            "log.jsonl",
        ],
    ];
    for args in cases {
        let (code, stderr) = with_closed_stdout(&dir, args);
        assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
        assert_eq!(code, Some(141), "{args:?}: stderr {stderr}");
        // Quietly: no message about the pipe (`fix` still logs its fixes on standard error).
        assert!(!stderr.contains("zylon-schema:"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        if args[0] != "fix" {
            assert_eq!(stderr, "", "{args:?} must end quietly");
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn another_write_error_is_one_line_and_exit_2() {
    // /dev/full: every write fails with ENOSPC.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = bin()
        .arg("codes")
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.starts_with("zylon-schema: cannot write to standard output: No space left on device"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}
