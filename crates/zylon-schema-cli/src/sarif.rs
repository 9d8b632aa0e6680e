//! `--format sarif`: one SARIF 2.1.0 log with one run. The log is written as it goes (the
//! opening with the tool and its rules, then each result, then the closing), so a run over a
//! huge JSON Lines file holds no more than one batch of results.
//!
//! Rules are the core's code table (plus the CLI's `io.read`), each with its description, help
//! text and documentation link. Results carry the rule, the level (`error` / `warning`), the
//! message (the core's message, which never holds a secret; no source snippet is included) and
//! the location: the file and, from the issue's span, the region (1-based lines, columns in
//! Unicode code points).

use serde_json::{json, Value};
use zylon_schema::{Code, Issue, Severity};

use crate::report::{IO_READ, IO_READ_DOCS, IO_READ_SUMMARY};

/// The schema the log names in `$schema`.
const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where the documentation of a code lives, as an absolute URI: in the repository the crate was
/// built from, when its manifest names one (`helpUri` is left out otherwise: the help text
/// names the document).
fn help_uri(docs: &str) -> Option<String> {
    let repo = env!("CARGO_PKG_REPOSITORY");
    (!repo.is_empty()).then(|| format!("{repo}/blob/main/{docs}"))
}

fn rule(id: &str, summary: &str, docs: &str) -> Value {
    let mut r = json!({
        "id": id,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {"text": format!("{summary} See {docs} for what it means, why the server cares and how to fix it.")},
    });
    if let Some(uri) = help_uri(docs) {
        r["helpUri"] = Value::from(uri);
    }
    r
}

/// The index of a rule in the log's rule list (the core's codes in order, then `io.read`).
fn rule_index(code: Code) -> usize {
    Code::ALL
        .iter()
        .position(|c| *c == code)
        .unwrap_or(Code::ALL.len())
}

/// The opening of the log, up to and including the `[` of `results`.
pub fn opening() -> String {
    let mut rules: Vec<Value> = Code::ALL
        .iter()
        .map(|c| rule(c.as_str(), c.summary().trim(), &c.docs_path()))
        .collect();
    rules.push(rule(IO_READ, IO_READ_SUMMARY, IO_READ_DOCS));
    let tool = json!({
        "driver": {
            "name": "zylon-schema",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": concat!("https://docs.rs/", env!("CARGO_PKG_NAME")),
            "rules": rules,
        }
    });
    format!(
        "{{\"version\":\"2.1.0\",\"$schema\":\"{SCHEMA_URI}\",\"runs\":[{{\"tool\":{tool},\"columnKind\":\"unicodeCodePoints\",\"results\":["
    )
}

/// The closing of the log; `successful` is false when a path could not be read.
pub fn closing(successful: bool) -> String {
    format!("],\"invocations\":[{{\"executionSuccessful\":{successful}}}]}}]}}\n")
}

/// A file name as a URI reference: an absolute path becomes a `file://` URI, a relative one a
/// relative reference (resolved against the checkout by code-scanning tools); bytes other than
/// unreserved characters and `/` are percent-encoded.
pub fn uri(file: &str) -> String {
    let path = file.replace('\\', "/");
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn location(file: &str, region: Option<Value>) -> Value {
    let mut physical = json!({"artifactLocation": {"uri": uri(file)}});
    if let Some(r) = region {
        physical["region"] = r;
    }
    json!([{ "physicalLocation": physical }])
}

/// The result of one issue of a body in `file` (`line`: the body's line in a JSON Lines file).
pub fn result(file: &str, line: Option<usize>, issue: &Issue) -> String {
    let offset = line.unwrap_or(1) - 1;
    let region = match (issue.span, line) {
        (Some(sp), _) => Some(json!({
            "startLine": sp.line + offset,
            "startColumn": sp.column,
            "endLine": sp.end_line.max(sp.line) + offset,
            "endColumn": sp.end_column.max(1),
        })),
        (None, Some(l)) => Some(json!({ "startLine": l })),
        (None, None) => None,
    };
    let path = if issue.path.is_empty() {
        "(root)"
    } else {
        &issue.path
    };
    let mut text = format!("{} (at {path})", issue.message);
    if let Some(h) = &issue.hint {
        text.push_str("\nhelp: ");
        text.push_str(h);
    }
    json!({
        "ruleId": issue.code.as_str(),
        "ruleIndex": rule_index(issue.code),
        "level": match issue.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "message": {"text": text},
        "locations": location(file, region),
    })
    .to_string()
}

/// The result of a path that could not be read.
pub fn unreadable(file: &str, message: &str) -> String {
    json!({
        "ruleId": IO_READ,
        "ruleIndex": Code::ALL.len(),
        "level": "error",
        "message": {"text": message},
        "locations": location(file, None),
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_uri_references() {
        assert_eq!(uri("dir/a b.json"), "dir/a%20b.json");
        assert_eq!(uri("/tmp/x#1.json"), "file:///tmp/x%231.json");
        assert_eq!(uri("c:ä.json"), "c%3A%C3%A4.json");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }

    #[test]
    fn the_log_is_json_once_closed() {
        let text = format!("{}{}", opening(), closing(true));
        let v: Value = serde_json::from_str(&text).unwrap();
        let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), Code::ALL.len() + 1);
        assert_eq!(
            rules[rule_index(Code::MessageRoleEnum)]["id"],
            "message.role.enum"
        );
        assert_eq!(rules[Code::ALL.len()]["id"], IO_READ);
    }
}
