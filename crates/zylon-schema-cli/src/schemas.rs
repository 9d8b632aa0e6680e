//! `schema`: the exported JSON Schemas under names that match `--kind`: a request schema is
//! named by its kind (`chat`, `interaction`, `project-chat`, `thread`, `thread-update`), a
//! response schema by what it describes with a `-response` suffix (`interaction-response`,
//! `message-output-response`, `stream-event-response`). The core's names stay accepted as
//! aliases, except `interaction`, which now names the request (as `--kind interaction` does);
//! files written with `--out` keep the core's names, which their `$id` gives.

use crate::output::{Failure, Out, Outcome};

/// CLI name, the core's name, and the other names accepted.
const NAMES: &[(&str, &str, &[&str])] = &[
    ("chat", "chat-request", &["chat-request"]),
    (
        "interaction",
        "interaction-request",
        &["interaction-request"],
    ),
    (
        "project-chat",
        "project-chat-request",
        &["project-chat-request"],
    ),
    ("thread", "thread-create", &["thread-create"]),
    ("thread-update", "thread-update", &[]),
    ("interaction-response", "interaction", &[]),
    (
        "message-output-response",
        "message-output",
        &["message-output"],
    ),
    ("stream-event-response", "stream-event", &["stream-event"]),
    ("validation-report", "validation-report", &[]),
];

/// The CLI name of a core schema (a schema the table does not know keeps its core name).
fn cli_name(core: &str) -> &str {
    NAMES
        .iter()
        .find(|(_, c, _)| *c == core)
        .map_or(core, |(n, _, _)| n)
}

/// The core name a CLI name or alias stands for.
pub fn resolve(name: &str) -> Option<&'static str> {
    if let Some((_, core, _)) = NAMES
        .iter()
        .find(|(n, _, aliases)| *n == name || aliases.contains(&name))
    {
        return Some(core);
    }
    // A schema the core added after this table: its own name.
    zylon_schema::schema::NAMES
        .iter()
        .find(|(n, _)| *n == name && !NAMES.iter().any(|(_, c, _)| c == n))
        .map(|(n, _)| *n)
}

fn unknown(name: &str) -> Failure {
    let known: Vec<&str> = zylon_schema::schema::NAMES
        .iter()
        .map(|(n, _)| cli_name(n))
        .collect();
    Failure::Fatal(format!(
        "unknown schema `{name}` (known: {})",
        known.join(", ")
    ))
}

fn pretty(v: &serde_json::Value) -> Outcome<String> {
    serde_json::to_string_pretty(v).map_err(|e| Failure::Fatal(e.to_string()))
}

/// Run `schema [NAME] [--out DIR]`.
pub fn run(name: Option<&str>, out_dir: Option<&std::path::Path>) -> Outcome<u8> {
    let mut out = Out::new();
    let core = match name {
        Some(n) => Some(resolve(n).ok_or_else(|| unknown(n))?),
        None => None,
    };
    match (core, out_dir) {
        (Some(c), None) => {
            let s = zylon_schema::schema::get(c).ok_or_else(|| unknown(c))?;
            out.line(&pretty(&s)?)?;
        }
        (core, Some(dir)) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
            for (n, s) in zylon_schema::schema::all()
                .iter()
                .filter(|(n, _)| core.is_none_or(|c| c == *n))
            {
                let path = dir.join(format!("{n}.schema.json"));
                std::fs::write(&path, pretty(s)? + "\n")
                    .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
                out.line(&path.display().to_string())?;
            }
        }
        (None, None) => {
            for (n, title) in zylon_schema::schema::NAMES {
                let aliases = NAMES
                    .iter()
                    .find(|(_, c, _)| c == n)
                    .map(|(_, _, a)| a.join(", "))
                    .unwrap_or_default();
                let also = if aliases.is_empty() {
                    String::new()
                } else {
                    format!(" (also: {aliases})")
                };
                out.line(&format!("{:<24} {title}{also}", cli_name(n)))?;
            }
        }
    }
    out.flush()?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zylon_schema::Kind;

    #[test]
    fn every_kind_with_a_schema_is_found_by_its_kind_name() {
        for k in Kind::REQUESTS {
            assert!(resolve(k.as_str()).is_some(), "{k}");
        }
        assert_eq!(resolve("interaction"), Some("interaction-request"));
        assert_eq!(resolve("interaction-response"), Some("interaction"));
        assert_eq!(resolve("message-output"), Some("message-output"));
        assert_eq!(resolve("stream-event"), Some("stream-event"));
        assert_eq!(resolve("chat-request"), Some("chat-request"));
        assert_eq!(resolve("nope"), None);
        // Every core schema has a name.
        for (n, _) in zylon_schema::schema::NAMES {
            assert_eq!(resolve(cli_name(n)), Some(*n));
        }
    }
}
