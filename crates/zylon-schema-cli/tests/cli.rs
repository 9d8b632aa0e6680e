//! The CLI contract: exit codes, JSON/NDJSON output equal to the library's report, stdin, kinds,
//! fix, stream and schema subcommands.

use std::io::Write;
use std::process::Stdio;

use zylon_schema::{validate_bytes, Kind, Options};

mod common;

use common::*;

const GOOD: &str = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]}"#;
const BAD: &str = "{\"messages\":[{\"role\":\"User\",\"content\":\"hi\"}],\n\"temperature\":1.5}";

#[test]
fn exit_codes_and_json_equal_to_the_library() {
    let good = tmp("good.json", GOOD);
    let bad = tmp("bad.json", BAD);
    let out = run(&["validate", "--format", "json", &good]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::to_value(validate_bytes(
            GOOD.as_bytes(),
            Kind::Chat,
            &Options::default()
        ))
        .unwrap()
    );
    let out = run(&["validate", "--format", "json", &bad]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::to_value(validate_bytes(
            BAD.as_bytes(),
            Kind::Chat,
            &Options::default()
        ))
        .unwrap()
    );
    assert_eq!(v["errors"][0]["code"], "message.role.enum");
}

#[test]
fn several_files_give_ndjson_with_file_keys() {
    let good = tmp("a.json", GOOD);
    let bad = tmp("b.json", BAD);
    let out = run(&["validate", "--format=json", &good, &bad]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], good.as_str());
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[1]["file"], bad.as_str());
    assert_eq!(lines[1]["valid"], false);
}

#[test]
fn malformed_json_is_exit_1_with_line_and_column() {
    let f = tmp("broken.json", "{\n  \"messages\": [,]\n}");
    let out = run(&["validate", "--format", "json", &f]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"][0]["code"], "json.syntax");
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("line 2 column 16"),
        "{v}"
    );
}

#[test]
fn usage_and_io_problems_are_exit_2() {
    for args in [
        vec!["validate"],
        vec!["validate", "--kind", "nope", "x"],
        vec!["frobnicate"],
        vec!["validate", "--bogus", "x"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            !out.stderr.is_empty(),
            "{args:?} must explain itself on stderr"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn stdin_and_kinds() {
    let mut child = bin()
        .args(["validate", "--format", "json", "--kind", "thread", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"name":"n"}"#)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["errors"][0]["code"],
        "envelope.thread.visibility_required"
    );
    // auto: an interaction envelope is recognised and its paths start with /pgpt.
    let f = tmp("inter.json", r#"{"thread_id":"t","pgpt":{"messages":[]}}"#);
    let v: serde_json::Value =
        serde_json::from_slice(&run(&["validate", "--format", "json", &f]).stdout).unwrap();
    assert_eq!(v["errors"][0]["path"], "/pgpt/messages");
    // --strict turns warnings into errors.
    let f = tmp(
        "warn.json",
        r#"{"messages":[{"role":"user","content":"hi"}]}"#,
    );
    assert_eq!(
        run(&["validate", "--format", "json", &f]).status.code(),
        Some(0)
    );
    assert_eq!(
        run(&["validate", "--format", "json", "--strict", &f])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn human_format_shows_the_source_and_a_summary() {
    let bad = tmp("human.json", BAD);
    let out = run(&["validate", "--format", "human", &bad]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error[message.role.enum]"), "{text}");
    assert!(text.contains(&format!("{bad}:1:22")), "{text}");
    assert!(text.contains("^^^^^^"), "{text}");
    assert!(text.contains("= help: roles are case-sensitive"), "{text}");
    assert!(
        text.contains("= note: docs: docs/codes.md#message.role.enum"),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with("\n1 file invalid, 2 errors, 1 warning"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no colour when not on a terminal");
}

#[test]
fn a_utf16_file_is_read_as_the_server_reads_it_and_shown_as_text() {
    // BAD in UTF-16BE with a byte order mark: the same errors as in UTF-8, one more warning,
    // and the snippet shows the decoded text at the same line and column
    let bytes: Vec<u8> = "\u{feff}"
        .encode_utf16()
        .chain(BAD.encode_utf16())
        .flat_map(u16::to_be_bytes)
        .collect();
    let path = tmp("utf16.json", "");
    std::fs::write(&path, &bytes).unwrap();
    let out = run(&["validate", "--format", "human", &path]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("warning[json.encoding]: the body is UTF-16BE with a byte order mark"),
        "{text}"
    );
    assert!(text.contains(&format!("{path}:1:22")), "{text}");
    assert!(
        text.contains(r#"1 | {"messages":[{"role":"User""#),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with("1 file invalid, 2 errors, 2 warnings"),
        "{text}"
    );
    let json = run(&["validate", "--format", "json", &path]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let library = validate_bytes(&bytes, Kind::Chat, &Options::default());
    assert_eq!(
        report,
        serde_json::from_str::<serde_json::Value>(&library.to_json()).unwrap()
    );
}

#[test]
fn fix_prints_the_fixed_body_and_write_rewrites() {
    let f = tmp(
        "fixme.json",
        r#"{"messages":[{"role":"User","content":"Hi"}]}"#,
    );
    let out = run(&["fix", &f]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        r#"{"messages":[{"role":"user","content":[{"type": "text", "text": "Hi"}]}]}"#
    );
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("2 fixes applied; 0 errors and 0 warnings remain"));
    assert_eq!(run(&["fix", "--write", &f]).status.code(), Some(0));
    assert!(std::fs::read_to_string(&f)
        .unwrap()
        .contains(r#""role":"user""#));
}

#[test]
fn fix_reads_a_utf16_file_as_the_server_does_and_writes_it_as_utf8() {
    let bytes: Vec<u8> = "\u{feff}"
        .encode_utf16()
        .chain(BAD.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let f = tmp("fix-utf16.json", "");
    std::fs::write(&f, &bytes).unwrap();
    let out = run(&["fix", &f]);
    // the fixes of the UTF-8 body, after the conversion
    let utf8 = run_stdin(&["fix", "-"], BAD.as_bytes());
    assert_eq!(out.stdout, utf8.stdout);
    assert_eq!(out.status.code(), Some(1), "temperature 1.5 stays an error");
    let log = String::from_utf8(out.stderr).unwrap();
    let mut lines = log.lines();
    assert_eq!(
        lines.next(),
        Some("converted [json.encoding] (root): UTF-16LE -> UTF-8"),
        "{log}"
    );
    assert_eq!(
        lines.collect::<Vec<_>>().join("\n"),
        String::from_utf8(utf8.stderr).unwrap().trim_end().replacen(
            "2 fixes applied",
            "3 fixes applied",
            1
        ),
    );
    assert_eq!(run(&["fix", "--write", &f]).status.code(), Some(1));
    assert_eq!(std::fs::read(&f).unwrap(), utf8.stdout);
}

#[test]
fn fix_leaves_alone_a_file_that_utf8_cannot_hold() {
    // a lone surrogate in UTF-16: the server reads it, UTF-8 text cannot hold it
    let bytes: Vec<u8> = "{\"messages\":[],\"x\":\"\u{0}\"}"
        .encode_utf16()
        .map(|u| if u == 0 { 0xDBFF } else { u })
        .flat_map(u16::to_le_bytes)
        .collect();
    let f = tmp("fix-lone.json", "");
    std::fs::write(&f, &bytes).unwrap();
    for args in [&["fix", &f][..], &["fix", "--write", &f]] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("cannot fix") && err.contains("UTF-16LE with a surrogate"),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(&f).unwrap(), bytes, "the file is unchanged");
}

#[test]
fn fix_on_json_lines_fixes_each_line_as_validate_checks_it() {
    let lines = [
        r#"{"messages":[{"role":"User","content":"hi"}]}"#,
        "",
        "  ",
        BAD,
        r#"{"messages":[{"role":"user","content":"x"}]}"#,
    ];
    // (BAD spans two lines of text: a JSON Lines body is one line)
    let lines = lines.map(|l| l.replace('\n', " "));
    let text = format!(
        "{}\r\n{}\n{}\n{}\n{}",
        lines[0], lines[1], lines[2], lines[3], lines[4]
    );
    let f = tmp("fixme.jsonl", &text);
    let out = run(&["fix", &f]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "line 4 keeps its temperature error"
    );
    // each line is what `fix` makes of it alone; blank lines and line ends are kept
    let alone = |body: &str| {
        let g = tmp("alone.json", body);
        String::from_utf8(run(&["fix", &g]).stdout).unwrap()
    };
    let want = format!(
        "{}\r\n{}\n{}\n{}\n{}",
        alone(&lines[0]),
        lines[1],
        lines[2],
        alone(&lines[3]),
        alone(&lines[4])
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
    let log = String::from_utf8(out.stderr).unwrap();
    assert!(
        log.starts_with(
            "line 1: fixed [message.role.enum] /messages/0/role: \"User\" -> \"user\"\n"
        ),
        "{log}"
    );
    assert!(
        log.contains("\nline 5: fixed [message.content.string]"),
        "{log}"
    );
    assert!(
        log.ends_with("5 fixes applied; 1 line invalid, 1 error and 0 warnings remain\n"),
        "{log}"
    );
    // the same lines in UTF-16 (Windows PowerShell's `>`): the same UTF-8 result, and each
    // body's conversion said
    let utf16: Vec<u8> = format!("\u{feff}{text}")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let w = tmp("fixme16.jsonl", "");
    std::fs::write(&w, &utf16).unwrap();
    let wide = run(&["fix", &w]);
    assert_eq!(wide.stdout, want.as_bytes());
    let log = String::from_utf8(wide.stderr).unwrap();
    assert_eq!(
        log.matches("converted [json.encoding] (root): UTF-16LE -> UTF-8")
            .count(),
        3
    );
    // from a pipe with --jsonl: the same result (without it, standard input is one body)
    let piped = run_stdin(&["fix", "--jsonl", "-"], text.as_bytes());
    assert_eq!(
        (piped.status.code(), piped.stdout),
        (Some(1), want.clone().into_bytes())
    );
    let one = run_stdin(&["fix", "-"], text.as_bytes());
    assert_eq!(String::from_utf8(one.stdout).unwrap(), text);
    // --write rewrites the file with the result
    assert_eq!(run(&["fix", "--write", &f]).status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), want);
    // a line UTF-8 text cannot hold leaves the whole file alone
    let broken = [text.as_bytes(), b"\n{\"a\":\"\xff\"}\n"].concat();
    let b = tmp("broken.jsonl", "");
    std::fs::write(&b, &broken).unwrap();
    let out = run(&["fix", "--write", &b]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("line 6: the body is not valid UTF-8"), "{err}");
    assert_eq!(std::fs::read(&b).unwrap(), broken);
}

#[test]
fn fix_on_json_lines_keeps_its_messages_short_and_says_what_it_cannot_do() {
    let good = r#"{"messages":[{"role":"User","content":[{"type":"text","text":"x"}]}]}"#;
    // more fixes than are listed one by one
    let many = format!("{good}\n").repeat(1003);
    let f = tmp("many.jsonl", &many);
    let out = run(&["fix", &f]);
    assert_eq!(out.status.code(), Some(0));
    let log = String::from_utf8(out.stderr).unwrap();
    assert_eq!(log.lines().filter(|l| l.starts_with("line ")).count(), 1000);
    assert!(
        log.contains("\n... and 3 fixes not listed (the first 1000 are)\n"),
        "{log}"
    );
    assert!(log.ends_with("1003 fixes applied; 0 lines invalid, 0 errors and 0 warnings remain\n"));
    // many lines that cannot be held: five named, the rest counted; nothing written
    let bad = format!("{good}\n").into_bytes();
    let broken = [bad.clone(), b"{\"a\":\"\xff\"}\n".repeat(7)].concat();
    let b = tmp("latin1.jsonl", "");
    std::fs::write(&b, &broken).unwrap();
    let out = run(&["fix", "--write", &b]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.matches("the body is not valid UTF-8").count(),
        5,
        "{err}"
    );
    assert!(
        err.contains("; and 2 more lines; it is left as it is"),
        "{err}"
    );
    assert_eq!(std::fs::read(&b).unwrap(), broken);
    // a line of a UTF-16 file that its own bytes would make UTF-8 is not read as UTF-8
    let mut wide: Vec<u8> = format!("\u{feff}{good}\n")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    wide.extend([0x41, 0x41, 0x42, 0x42, 0x7B, 0x7B, 0x0A, 0x00]);
    let w = tmp("odd16.jsonl", "");
    std::fs::write(&w, &wide).unwrap();
    let out = run(&["fix", &w]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("line 2: it is not UTF-16LE like the file (UTF-8 by its own bytes)"),
        "{err}"
    );
    // one body spread over lines, in a .jsonl file: said
    let pretty = "{\n  \"messages\": [\n    {\"role\": \"User\", \"content\": \"hi\"}\n  ]\n}\n";
    let p = tmp("pretty.jsonl", pretty);
    let out = run(&["fix", &p]);
    assert_eq!(out.status.code(), Some(1));
    let log = String::from_utf8(out.stderr).unwrap();
    assert!(log.contains("note: 4 of the 5 lines of `"), "{log}");
    assert!(log.contains("belongs in a .json file"), "{log}");
    // --write leaves no temporary file next to the one it rewrites
    assert_eq!(run(&["fix", "--write", &f]).status.code(), Some(0));
    let dir = std::path::Path::new(&f).parent().unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".zylon-fix-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(std::fs::read_to_string(&f)
        .unwrap()
        .contains(r#""role":"user""#));
}

#[test]
fn stream_decodes_a_capture() {
    let f = tmp("capture.sse", "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"content\":[]}}\n\ndata: {\"type\":\"content_block_start\",\"block_id\":\"b\",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\ndata: {\"type\":\"content_block_delta\",\"block_id\":\"b\",\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}\n\ndata: {\"type\":\"content_block_stop\",\"block_id\":\"b\"}\n\ndata: {\"type\":\"message_stop\"}\n\n");
    let out = run(&["stream", "--format", "json", &f]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["message"]["content"][0]["text"], "Hello");
    assert_eq!(v["events"], 5);
    assert_eq!(v["issues"], serde_json::json!([]));
    // The packages' text exactly (the message's keys in the order the stream sent them).
    let capture = std::fs::read(&f).unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim_end(),
        zylon_schema::stream::decode_to_json(&capture)
    );
    assert!(zylon_schema::stream::decode_to_json(&capture)
        .starts_with(r#"{"message":{"id":"m","content""#));
    let bad = tmp("bad.sse", "data: {\"type\":\"content_block_delta\",\"block_id\":\"x\",\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}}\n\n");
    assert_eq!(
        run(&["stream", "--format", "json", &bad]).status.code(),
        Some(1)
    );
}

#[test]
fn schema_subcommand() {
    let out = run(&["schema", "chat-request"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v, zylon_schema::schema::get("chat-request").unwrap());
    assert_eq!(run(&["schema", "nope"]).status.code(), Some(2));
    let dir = std::env::temp_dir().join(format!("zylon-cli-schemas-{}", std::process::id()));
    assert_eq!(
        run(&["schema", "--out", dir.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        zylon_schema::schema::all().len()
    );
}

#[test]
fn secrets_never_reach_any_output() {
    let canary = "CANARY-77aa-SECRET";
    let body = serde_json::json!({
        "messages": [{"role": "User", "content": ""}],
        "mcp_servers": [{"url": 5, "authorization_token": canary, "refresh_token": canary, "client_secret": canary,
                         "token_endpoint_auth_method": "bogus", "tool_configuration": {"enabled": "bogus"}}],
        "tools": [{"name": "db", "type": "database_query_v1"}],
        "tool_context": [
            {"type": "sql_database", "connection_string": format!("postgresql://admin:{canary}@db:5432/x"), "ssl": "bogus"},
            {"type": "sql_database", "connection_string": format!("Server=db;User Id=sa;Password={canary};")},
            {"type": "sql_database", "connection_string": 42}
        ]
    });
    for (name, text) in [
        ("secrets.json", serde_json::to_string_pretty(&body).unwrap()),
        ("secrets-min.json", body.to_string()),
    ] {
        let f = tmp(name, &text);
        for args in [
            vec!["validate", "--format", "json", &f],
            vec!["validate", "--format", "human", &f],
            vec!["validate", "--strict", "--spans", "--format", "json", &f],
            vec!["fix", &f],
        ] {
            let out = run(&args);
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            // `fix` prints the body itself on stdout (that is the user's own text); only its messages must be clean.
            let checked = if args[0] == "fix" {
                String::from_utf8_lossy(&out.stderr).into_owned()
            } else {
                all
            };
            assert!(
                !checked.contains("77aa"),
                "{args:?} leaked a secret:\n{checked}"
            );
        }
    }
}

#[test]
fn schema_names_follow_kind_names_and_old_names_still_work() {
    let get = |name: &str| -> serde_json::Value {
        let out = run(&["schema", name]);
        assert_eq!(out.status.code(), Some(0), "{name}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let core = |name: &str| zylon_schema::schema::get(name).unwrap();
    // Requests by their --kind name.
    assert_eq!(get("chat"), core("chat-request"));
    assert_eq!(get("interaction"), core("interaction-request"));
    assert_eq!(get("project-chat"), core("project-chat-request"));
    assert_eq!(get("thread"), core("thread-create"));
    assert_eq!(get("thread-update"), core("thread-update"));
    // Responses with a -response suffix.
    assert_eq!(get("interaction-response"), core("interaction"));
    assert_eq!(get("message-output-response"), core("message-output"));
    assert_eq!(get("stream-event-response"), core("stream-event"));
    // Old names as aliases.
    assert_eq!(get("chat-request"), core("chat-request"));
    assert_eq!(get("thread-create"), core("thread-create"));
    assert_eq!(get("message-output"), core("message-output"));
    // The list shows the new names, first column.
    let list = String::from_utf8(run(&["schema"]).stdout).unwrap();
    let first: Vec<&str> = list
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        first,
        [
            "chat",
            "interaction",
            "project-chat",
            "thread",
            "thread-update",
            "interaction-response",
            "message-output-response",
            "stream-event-response",
            "validation-report",
            "binding-types"
        ]
    );
    // --out with a name writes that one schema, under the file name its $id gives.
    let dir = std::env::temp_dir().join(format!("zylon-cli-one-schema-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = run(&["schema", "chat", "--out", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["chat-request.schema.json"]);
}

#[test]
fn every_subcommand_has_its_own_help() {
    for sub in ["validate", "fix", "stream", "schema", "codes"] {
        for args in [vec![sub, "--help"], vec![sub, "-h"], vec!["help", sub]] {
            let out = run(&args);
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(
                text.starts_with(&format!("zylon-schema {sub} — ")),
                "{args:?}: {text}"
            );
            assert!(text.contains("USAGE:"), "{args:?}");
        }
    }
    // `codes --help` is help, not the code list.
    let text = String::from_utf8(run(&["codes", "--help"]).stdout).unwrap();
    assert!(!text.contains("json.too_deep"), "{text}");
    let overview = String::from_utf8(run(&["--help"]).stdout).unwrap();
    assert!(overview.contains("COMMAND --help"), "{overview}");
}

#[test]
fn fix_logs_an_insertion_as_added() {
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    let f = tmp(
        "insert.json",
        &format!(
            r#"{{"messages":[{{"role":"user","content":[{{"type":"image","data":"{png}"}},{{"type":"text","text":"what?"}}]}}]}}"#
        ),
    );
    let out = run(&["fix", &f]);
    assert_eq!(out.status.code(), Some(0));
    let log = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        log,
        "added [block.image.mime_type_required] /messages/0/content/0/mime_type: \"mime_type\": \"image/png\"\n\
         1 fix applied; 0 errors and 0 warnings remain\n"
    );
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains(&format!("\"{png}\", \"mime_type\": \"image/png\"")));
}

#[test]
fn endpoint_chooses_whose_verdict() {
    // A retrieval tool with a filter the server rejects when it builds the tool: `/chat/validate`
    // builds it (error, exit 1); `POST /chat` builds it only in eager mode (warning, exit 0).
    let body = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],
        "tools":[{"type":"semantic_search_v1","name":"semantic_search"}],
        "tool_context":[{"type":"ingested_artifact","context_filter":{"collection":"c",
        "artifacts":["a1"],"metadata_filter":[{"key":"year","operator":"~~","value":"2024"}]}}]}"#;
    let f = tmp("endpoint.json", body);
    let path = "/tool_context/0/context_filter/metadata_filter/0/operator";
    for (endpoint, status, list) in [
        (None, 1, "errors"),
        (Some("validate"), 1, "errors"),
        (Some("chat"), 0, "warnings"),
    ] {
        let mut args = vec!["validate", "--format", "json"];
        if let Some(e) = endpoint {
            args.extend(["--endpoint", e]);
        }
        args.push(&f);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(status), "{endpoint:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let found = v[list]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["code"] == "metadata_filter.operator" && i["path"] == path);
        assert!(found, "{endpoint:?}: {v}");
    }
    let bad = run(&["validate", "--endpoint", "post", &f]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown endpoint `post`"));
}

/// `-q/--quiet`: nothing on standard output or standard error, and the exit status of the same
/// run with a report (the core's verdict fast path gives the report's `valid`), for files,
/// options, a directory, JSON Lines and standard input; an unreadable path is still named on
/// standard error (2); `--format` and `--spans` are refused with it.
#[test]
fn quiet_gives_the_exit_status_alone() {
    let dir = fresh_dir("quiet");
    let warned = r#"{"messages":[{"role":"user","content":"hi"}]}"#;
    for (name, body) in [
        ("good.json", GOOD),
        ("bad.json", BAD),
        ("warned.json", warned),
        ("broken.json", "{\"messages\": ["),
    ] {
        put(&dir, name, body);
    }
    let lines = tmp("quiet-lines.jsonl", &format!("{GOOD}\n{GOOD}\n"));
    let bad_lines = tmp(
        "quiet-bad-lines.jsonl",
        &format!("{GOOD}\n{}\n", BAD.replace('\n', " ")),
    );
    let p = |n: &str| dir.join(n).to_string_lossy().into_owned();
    let d = dir.to_string_lossy().into_owned();
    let cases: Vec<(Vec<String>, i32)> = vec![
        (vec![p("good.json")], 0),
        (vec![p("bad.json")], 1),
        (vec![p("warned.json")], 0),
        (vec!["--strict".into(), p("warned.json")], 1),
        (vec!["--kind".into(), "thread".into(), p("good.json")], 1),
        (vec![p("broken.json")], 1),
        (vec![lines.clone()], 0),
        (vec![bad_lines], 1),
        (vec![d.clone()], 1),
        (vec!["-j".into(), "1".into(), d], 1),
        (vec![p("good.json"), lines], 0),
    ];
    for (args, want) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let quiet = run(&[&["validate", "-q"][..], &args].concat());
        let loud = run(&[&["validate", "--format", "json"][..], &args].concat());
        assert_eq!(quiet.status.code(), Some(want), "{args:?}");
        assert_eq!(loud.status.code(), Some(want), "{args:?} with a report");
        assert!(
            quiet.stdout.is_empty() && quiet.stderr.is_empty(),
            "{args:?}"
        );
    }
    let out = run_stdin(&["validate", "--quiet", "-"], BAD.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let missing = p("missing.json");
    let out = run(&["validate", "-q", &missing, &p("good.json")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&missing));
    for conflict in [["--format", "json"], ["--spans", "--strict"]] {
        let out = run(&[
            &["validate", "-q"][..],
            &conflict[..],
            &[p("good.json").as_str()][..],
        ]
        .concat());
        assert_eq!(out.status.code(), Some(2), "{conflict:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--quiet"));
    }
}
