//! What `validate` reads: JSON Lines line by line, directories recursively, and unreadable paths
//! reported without stopping the run.

mod common;

use common::*;

const EMPTY_MESSAGES: &str = r#"{"messages":[],"top_p":"x"}"#;

#[test]
fn jsonl_lines_are_reported_with_their_file_and_line() {
    let dir = fresh_dir("jsonl");
    // Line 2 is blank, line 4 has an error, line 5 is malformed; CRLF endings on line 1.
    put(
        &dir,
        "log.jsonl",
        &format!("{GOOD}\r\n\n{GOOD}\n{EMPTY_MESSAGES}\n{{\"messages\": [,]}}\n"),
    );
    let out = run_in(&dir, &["validate", "--format", "json", "log.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let lines = ndjson(&out);
    let got: Vec<(&str, u64, bool)> = lines
        .iter()
        .map(|v| {
            (
                v["file"].as_str().unwrap(),
                v["line"].as_u64().unwrap(),
                v["valid"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("log.jsonl", 1, true),
            ("log.jsonl", 3, true),
            ("log.jsonl", 4, false),
            ("log.jsonl", 5, false)
        ]
    );
    assert_eq!(error_codes(&lines[2]), ["messages.empty", "field.type"]);
    assert_eq!(error_codes(&lines[3]), ["json.syntax"]);
    // .ndjson is read the same way.
    put(&dir, "b.ndjson", &format!("{GOOD}\n{EMPTY_MESSAGES}\n"));
    let lines = ndjson(&run_in(&dir, &["validate", "-f", "json", "b.ndjson"]));
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(error_codes(&lines[1]), ["messages.empty", "field.type"]);
}

#[test]
fn jsonl_in_human_format_points_at_file_line_and_column() {
    let dir = fresh_dir("jsonl-human");
    put(&dir, "log.jsonl", &format!("{GOOD}\n\n{EMPTY_MESSAGES}\n"));
    let out = run_in(&dir, &["validate", "--format", "human", "log.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error[messages.empty]"), "{text}");
    assert!(text.contains("--> log.jsonl:3:13"), "{text}");
    assert!(text.contains("--> log.jsonl:3:24"), "{text}");
    // A clean line prints nothing of its own.
    assert!(!text.contains("ok (chat)"), "{text}");
    assert!(
        text.trim_end()
            .ends_with("\n1 of 2 lines invalid, 2 errors"),
        "{text}"
    );
}

#[test]
fn jsonl_from_standard_input() {
    let input = format!("{EMPTY_MESSAGES}\n{GOOD}\n\n{EMPTY_MESSAGES}");
    let out = run_stdin(
        &["validate", "--jsonl", "-f", "json", "-"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = ndjson(&out);
    let got: Vec<(&str, u64)> = lines
        .iter()
        .map(|v| (v["file"].as_str().unwrap(), v["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(got, [("<stdin>", 1), ("<stdin>", 2), ("<stdin>", 4)]);
    assert_eq!(error_codes(&lines[2]), ["messages.empty", "field.type"]);
    // Without --jsonl, standard input is one body (two JSON values: a syntax error).
    let out = run_stdin(&["validate", "-f", "json", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(error_codes(&v), ["json.syntax"]);
}

#[test]
fn utf16_jsonl_as_windows_powershell_writes_it() {
    // `Get-Content bodies.txt > log.jsonl` in Windows PowerShell 5: UTF-16LE with a byte order
    // mark and CRLF endings. Each line is checked as the server reads those bytes: the errors of
    // its UTF-8 form, and a `json.encoding` warning.
    let text = format!("\u{feff}{GOOD}\r\n{EMPTY_MESSAGES}\r\n\r\n{GOOD}\r\n");
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let dir = fresh_dir("jsonl-utf16");
    std::fs::write(dir.join("log.jsonl"), &bytes).unwrap();
    let wide = ndjson(&run_in(
        &dir,
        &["validate", "--format", "json", "log.jsonl"],
    ));
    put(&dir, "utf8.jsonl", &text[3..]);
    let utf8 = ndjson(&run_in(
        &dir,
        &["validate", "--format", "json", "utf8.jsonl"],
    ));
    let lines = |v: &[serde_json::Value]| -> Vec<u64> {
        v.iter().map(|l| l["line"].as_u64().unwrap()).collect()
    };
    assert_eq!(lines(&wide), [1, 2, 4]);
    assert_eq!(lines(&wide), lines(&utf8));
    for (w, u) in wide.iter().zip(&utf8) {
        assert_eq!(error_codes(w), error_codes(u), "line {}", w["line"]);
        let warnings: Vec<&str> = w["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["code"].as_str().unwrap())
            .collect();
        assert_eq!(warnings, ["json.encoding"], "line {}", w["line"]);
    }
    assert!(error_codes(&wide[1]).contains(&"messages.empty".to_string()));
    // the same through a pipe (`--jsonl -`)
    let piped = ndjson(&run_stdin(
        &["validate", "--jsonl", "-f", "json", "-"],
        &bytes,
    ));
    assert_eq!(lines(&piped), [1, 2, 4]);
    for (p, w) in piped.iter().zip(&wide) {
        assert_eq!(p["errors"], w["errors"]);
        assert_eq!(p["warnings"], w["warnings"]);
    }
    // and in the human format, each line's snippet is its text
    let out = run_in(&dir, &["validate", "--format", "human", "log.jsonl"]);
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(human.contains("--> log.jsonl:2:13"), "{human}");
    assert!(human.contains(&format!("2 | {EMPTY_MESSAGES}")), "{human}");
}

/// `validate --jsonl -f json -`, running: its standard input, and its report lines as they
/// come.
fn live_validate() -> (
    std::process::Child,
    std::process::ChildStdin,
    std::sync::mpsc::Receiver<String>,
) {
    use std::io::{BufRead, BufReader};
    let mut child = bin()
        .args(["validate", "--jsonl", "-f", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    (child, stdin, rx)
}

#[test]
fn jsonl_from_a_slow_producer_is_reported_line_by_line() {
    // `tail -f log.jsonl | zylon-schema validate --jsonl -`: each line's report comes out before
    // the producer writes the next one (it would wait for 1,024 lines or the end otherwise)
    use std::io::Write;
    let (mut child, mut stdin, rx) = live_validate();
    let wait = std::time::Duration::from_secs(20);
    // Line 4 comes in two writes, the first one after line 3 in the same write: line 3's report
    // must not wait for the rest of line 4.
    let (head, tail) = GOOD.split_at(GOOD.len() / 2);
    for (n, body) in [(1, GOOD), (2, EMPTY_MESSAGES), (3, GOOD), (4, tail)] {
        // (line 2 comes with a blank line after it, as `print(json.dumps(x) + "\n")` writes)
        let after = match n {
            2 => "\n",
            3 => head,
            _ => "",
        };
        write!(stdin, "{body}\n{after}").unwrap();
        stdin.flush().unwrap();
        let line = rx
            .recv_timeout(wait)
            .unwrap_or_else(|e| panic!("no report for line {n} while the producer waits: {e}"));
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["line"], if n >= 3 { n + 1 } else { n }, "{line}");
        assert_eq!(v["valid"], n != 2, "{line}");
    }
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(1));
    assert!(
        rx.recv_timeout(wait).is_err(),
        "nothing after the last line"
    );
}

#[test]
fn a_live_utf16_line_is_reported_before_the_rest_of_the_next_comes() {
    // UTF-16LE (what Windows PowerShell writes): one write holds line 1 and part of line 2, in
    // which U+010A is the bytes `0A 01` — a 0x0A byte that is no line feed
    use std::io::Write;
    let (mut child, mut stdin, rx) = live_validate();
    let utf16 = |t: &str| -> Vec<u8> { t.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let (head, tail) = (
        "{\"messages\": [{\"role\": \"user\", \"content\": \"\u{10a}",
        "\"}]}\n",
    );
    stdin
        .write_all(&utf16(&format!("\u{feff}{GOOD}\n{head}")))
        .unwrap();
    stdin.flush().unwrap();
    let wait = std::time::Duration::from_secs(20);
    let line = rx
        .recv_timeout(wait)
        .unwrap_or_else(|e| panic!("no report for line 1 while the producer waits: {e}"));
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(
        (v["line"].as_u64(), v["valid"].as_bool()),
        (Some(1), Some(true))
    );
    stdin.write_all(&utf16(tail)).unwrap();
    drop(stdin);
    let v: serde_json::Value = serde_json::from_str(&rx.recv_timeout(wait).unwrap()).unwrap();
    assert_eq!(v["line"], 2);
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn a_live_first_line_shorter_than_four_bytes_is_reported_before_more_comes() {
    // (the encoding of a JSON Lines source is told from its first four bytes: a first line of
    // three, `{}` and its line feed, waited for the producer's next write)
    use std::io::Write;
    let (mut child, mut stdin, rx) = live_validate();
    let wait = std::time::Duration::from_secs(20);
    stdin.write_all(b"{}\n").unwrap();
    stdin.flush().unwrap();
    let line = rx
        .recv_timeout(wait)
        .unwrap_or_else(|e| panic!("no report for line 1 while the producer waits: {e}"));
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["line"], 1, "{line}");
    assert_eq!(error_codes(&v), ["messages.required"], "{line}");
    writeln!(stdin, "{GOOD}").unwrap();
    drop(stdin);
    let line = rx.recv_timeout(wait).unwrap();
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(
        (v["line"].as_u64(), v["valid"].as_bool()),
        (Some(2), Some(true))
    );
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn directories_are_searched_in_sorted_order_skipping_hidden_and_node_modules() {
    let dir = fresh_dir("tree");
    put(&dir, "tree/b.json", GOOD);
    put(&dir, "tree/a/z.json", BAD);
    put(
        &dir,
        "tree/a/y.ndjson",
        &format!("{GOOD}\n{EMPTY_MESSAGES}\n"),
    );
    put(&dir, "tree/a/deeper/x.jsonl", GOOD);
    put(&dir, "tree/c.txt", "not json, not picked");
    put(&dir, "tree/.hidden/h.json", BAD);
    put(&dir, "tree/.h.json", BAD);
    put(&dir, "tree/node_modules/pkg/n.json", BAD);
    put(&dir, "tree/a/deeper/node_modules.json", GOOD);
    // A symbolic link back up the tree is not followed (no loop).
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("tree"), dir.join("tree/a/loop")).unwrap();
    let out = run_in(&dir, &["validate", "--format", "json", "tree"]);
    assert_eq!(out.status.code(), Some(1));
    let got: Vec<(String, Option<u64>)> = ndjson(&out)
        .iter()
        .map(|v| (v["file"].as_str().unwrap().to_string(), v["line"].as_u64()))
        .collect();
    let want: Vec<(String, Option<u64>)> = [
        ("tree/a/deeper/node_modules.json", None),
        ("tree/a/deeper/x.jsonl", Some(1)),
        ("tree/a/y.ndjson", Some(1)),
        ("tree/a/y.ndjson", Some(2)),
        ("tree/a/z.json", None),
        ("tree/b.json", None),
    ]
    .iter()
    .map(|(f, l)| (f.to_string(), *l))
    .collect();
    assert_eq!(got, want);
    // A directory with one file still reports the file's name.
    put(&dir, "one/only.json", GOOD);
    let lines = ndjson(&run_in(&dir, &["validate", "-f", "json", "one"]));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["file"], "one/only.json");
}

#[test]
fn an_unreadable_path_is_reported_and_the_run_goes_on() {
    let dir = fresh_dir("unreadable");
    put(&dir, "good.json", GOOD);
    put(&dir, "bad.json", BAD);
    let out = run_in(
        &dir,
        &[
            "validate",
            "--format",
            "json",
            "good.json",
            "missing.json",
            "bad.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "exit 2: a path was unreadable");
    let lines = ndjson(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(
        (&lines[0]["file"], &lines[0]["valid"]),
        (&"good.json".into(), &true.into())
    );
    assert_eq!(lines[1]["file"], "missing.json");
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(error_codes(&lines[1]), ["io.read"]);
    let msg = lines[1]["errors"][0]["message"].as_str().unwrap();
    assert!(
        msg.starts_with("cannot read `missing.json`: No such file or directory"),
        "{msg}"
    );
    assert_eq!(lines[2]["file"], "bad.json");
    assert_eq!(
        error_codes(&lines[2]),
        ["message.role.enum", "sampling.temperature_range"]
    );
    // Standard error names the unreadable path too (the JSON may be going to a file).
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cannot read `missing.json`"), "{err}");
    // Human output: its own diagnostic and the count in the summary.
    let out = run_in(
        &dir,
        &["validate", "-f", "human", "good.json", "missing.json"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "zylon-schema: cannot read `missing.json`: No such file or directory (os error 2)\n"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("good.json: ok (chat)"), "{text}");
    assert!(
        text.contains("error[io.read]: cannot read `missing.json`"),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with("1 file valid, 1 path could not be read"),
        "{text}"
    );
}

#[test]
fn a_single_missing_file_is_a_bare_report_and_exit_2() {
    let dir = fresh_dir("single-missing");
    let out = run_in(&dir, &["validate", "--format", "json", "nope.json"]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.get("file").is_none(), "{v}");
    assert_eq!(error_codes(&v), ["io.read"]);
    assert_eq!(v["summary"]["error_count"], 1);
}

#[cfg(unix)]
#[test]
fn non_utf8_names_and_broken_links_are_unreadable_paths() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = fresh_dir("odd-names");
    put(&dir, "ok.json", GOOD);
    let odd = OsStr::from_bytes(b"bad\xff.json");
    std::fs::write(dir.join(odd), GOOD).unwrap();
    std::os::unix::fs::symlink(dir.join("gone.json"), dir.join("link.json")).unwrap();
    let out = common::bin()
        .current_dir(&dir)
        .arg("validate")
        .arg("-f")
        .arg("json")
        .arg(odd)
        .arg(".")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = ndjson(&out);
    let got: Vec<(String, Vec<String>)> = lines
        .iter()
        .map(|v| (v["file"].as_str().unwrap().to_string(), error_codes(v)))
        .collect();
    assert_eq!(
        got,
        [
            ("bad\u{fffd}.json".to_string(), vec!["io.read".to_string()]),
            (
                "./bad\u{fffd}.json".to_string(),
                vec!["io.read".to_string()]
            ),
            ("./link.json".to_string(), vec!["io.read".to_string()]),
            ("./ok.json".to_string(), vec![]),
        ]
    );
    assert!(lines[0]["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("not valid UTF-8"));
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_directory_is_skipped_not_read() {
    let dir = fresh_dir("fifo");
    put(&dir, "t/a.json", GOOD);
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("t/pipe.json"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("no mkfifo here: skipped");
        return;
    }
    let mut child = common::bin()
        .current_dir(&dir)
        .args(["validate", "-f", "json", "t"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Reading the FIFO would block for ever: give the run 30 s.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("validate blocked on a FIFO found in a directory");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines = ndjson(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["file"], "t/a.json");
}
