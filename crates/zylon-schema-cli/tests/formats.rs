//! Formats for tools: `--format sarif` (checked against the official SARIF 2.1.0 schema in
//! `tests/data/`) and `--format github` (workflow commands, exact lines).

mod common;

use common::*;
use serde_json::Value;

const EMPTY_MESSAGES: &str = r#"{"messages":[],"top_p":"x"}"#;

/// What the test compares of one result: rule, level, uri, start line and column.
type Seen = (String, String, String, Option<u64>, Option<u64>);

fn sarif_validator() -> jsonschema::Validator {
    let text = include_str!("data/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_is_valid_sarif_2_1_0_with_rules_results_and_regions() {
    let dir = fresh_dir("sarif");
    put(&dir, "good.json", GOOD);
    put(&dir, "bad.json", BAD);
    put(
        &dir,
        "logs/a b.jsonl",
        &format!("{GOOD}\n\n{EMPTY_MESSAGES}\n"),
    );
    let out = run_in(
        &dir,
        &[
            "validate",
            "--format",
            "sarif",
            "good.json",
            "bad.json",
            "logs",
            "gone.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let validator = sarif_validator();
    let problems = schema_errors(&validator, &log);
    assert!(problems.is_empty(), "{problems:#?}");

    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), zylon_schema::Code::ALL.len() + 1);
    // `helpUri` only when the manifest names a repository; the help text names the document
    let repo = env!("CARGO_PKG_REPOSITORY");
    for r in rules {
        let help = r["help"]["text"].as_str().unwrap();
        assert!(help.contains(".md#"), "{r}");
        match r["helpUri"].as_str() {
            Some(uri) => assert!(!repo.is_empty() && uri.starts_with(repo), "{r}"),
            None => assert!(repo.is_empty(), "{r}"),
        }
    }
    assert!(run["tool"]["driver"]["informationUri"]
        .as_str()
        .unwrap()
        .starts_with("https://docs.rs/"));
    let role = rules
        .iter()
        .find(|r| r["id"] == "message.role.enum")
        .unwrap();
    assert!(role["help"]["text"]
        .as_str()
        .unwrap()
        .contains("docs/codes.md#message.role.enum"));

    let results = run["results"].as_array().unwrap();
    let got: Vec<Seen> = results
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["level"].as_str().unwrap().to_string(),
                loc["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                loc["region"]["startLine"].as_u64(),
                loc["region"]["startColumn"].as_u64(),
            )
        })
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        got,
        [
            (
                s("message.role.enum"),
                s("error"),
                s("bad.json"),
                Some(1),
                Some(22)
            ),
            (
                s("sampling.temperature_range"),
                s("error"),
                s("bad.json"),
                Some(2),
                Some(15)
            ),
            (
                s("message.content.string"),
                s("warning"),
                s("bad.json"),
                Some(1),
                Some(39)
            ),
            (
                s("messages.empty"),
                s("error"),
                s("logs/a%20b.jsonl"),
                Some(3),
                Some(13)
            ),
            (
                s("field.type"),
                s("error"),
                s("logs/a%20b.jsonl"),
                Some(3),
                Some(24)
            ),
            (s("io.read"), s("error"), s("gone.json"), None, None),
        ]
    );
    // ruleIndex points at the rule of the same id.
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
    }
    assert!(results[0]["message"]["text"].as_str().unwrap().starts_with(
        "role must be `system`, `user` or `assistant`, not `User` (at /messages/0/role)"
    ));
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);

    // The schema check itself bites: a level SARIF does not know is refused.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!schema_errors(&validator, &broken).is_empty());
}

#[test]
fn sarif_of_a_clean_run_has_no_results_and_is_valid() {
    let dir = fresh_dir("sarif-clean");
    put(&dir, "good.json", GOOD);
    let out = run_in(&dir, &["validate", "-f", "sarif", "good.json"]);
    assert_eq!(out.status.code(), Some(0));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(schema_errors(&sarif_validator(), &log).is_empty());
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
}

#[test]
fn sarif_never_shows_a_secret() {
    let dir = fresh_dir("sarif-secret");
    let body = r#"{"messages":[{"role":"User","content":"x"}],"mcp_servers":[{"url":5,"authorization_token":"CANARY-91zz"}]}"#;
    put(&dir, "s.json", body);
    for format in ["sarif", "github"] {
        let out = run_in(&dir, &["validate", "-f", format, "s.json"]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("message.role.enum"), "{format}: {text}");
        assert!(!text.contains("91zz"), "{format} leaked a secret: {text}");
    }
}

#[test]
fn github_annotations_exact_lines() {
    let dir = fresh_dir("github");
    // A comma and a colon in the file name are escaped in the `file` property.
    put(&dir, "a,b:c.json", BAD);
    put(&dir, "l.jsonl", &format!("{GOOD}\n{EMPTY_MESSAGES}\n"));
    let out = run_in(
        &dir,
        &[
            "validate",
            "--format",
            "github",
            "a,b:c.json",
            "l.jsonl",
            "nope.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    let want = [
        "::error file=a%2Cb%3Ac.json,line=1,col=22,endLine=1,endColumn=28,title=message.role.enum::role must be `system`, `user` or `assistant`, not `User` (at /messages/0/role)%0Ahelp: roles are case-sensitive: use `user`",
        "::error file=a%2Cb%3Ac.json,line=2,col=15,endLine=2,endColumn=18,title=sampling.temperature_range::`temperature` must be between 0 and 1 inclusive, not 1.5 (at /temperature)%0Ahelp: the server's scale is 0–1, not the 0–2 of some other APIs",
        "::warning file=a%2Cb%3Ac.json,line=1,col=39,endLine=1,endColumn=43,title=message.content.string::`content` is a plain string; the Workspace API expects an array of content blocks (at /messages/0/content)%0Ahelp: use `[{\"type\": \"text\", \"text\": ...}]`",
        "::error file=l.jsonl,line=2,col=13,endLine=2,endColumn=15,title=messages.empty::`messages` is empty; send at least one user message (at /messages)",
        "::error file=l.jsonl,line=2,col=24,endLine=2,endColumn=27,title=field.type::`top_p` must be a number, not a string (at /top_p)",
        "::error file=nope.json,title=io.read::cannot read `nope.json`: No such file or directory (os error 2)",
        "2 of 3 bodies invalid, 4 errors, 1 warning, 1 path could not be read",
    ];
    assert_eq!(text.lines().collect::<Vec<_>>(), want);
}
