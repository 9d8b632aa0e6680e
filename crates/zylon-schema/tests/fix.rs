//! `fix_str` over every fixture: the fixed body is exactly the input with the reported edits
//! (nothing else changes), the report matches the fixed body, fixed issues are gone, and fixing
//! again changes nothing.

use std::path::Path;

use zylon_schema::fix::fix_str;
use zylon_schema::{validate_str, Kind, Options};

fn fixtures() -> Vec<(String, String, Kind)> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out)
            } else {
                out.push(p)
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut files,
    );
    files
        .into_iter()
        .filter_map(|p| {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let text = match (v.get("body_text"), v.get("body")) {
                (Some(serde_json::Value::String(t)), _) => t.clone(),
                (_, Some(b)) => serde_json::to_string_pretty(b).unwrap(),
                _ => return None,
            };
            Some((
                p.display().to_string(),
                text,
                v["kind"].as_str().unwrap_or("chat").parse().unwrap(),
            ))
        })
        .collect()
}

#[test]
fn fixed_bodies_differ_only_where_reported() {
    let mut fixed_count = 0;
    for (name, text, kind) in fixtures() {
        let out = fix_str(&text, kind, &Options::default());
        // Replay the reported edits, round by round, on the original text.
        let mut body = text.clone();
        let rounds = out.fixes.iter().map(|f| f.round).max().unwrap_or(0);
        for r in 1..=rounds {
            let mut next = String::new();
            let mut pos = 0;
            for f in out.fixes.iter().filter(|f| f.round == r) {
                assert_eq!(
                    &body[f.offset..f.offset + f.before.len()],
                    f.before,
                    "{name}: `before` is not at its offset"
                );
                next.push_str(&body[pos..f.offset]);
                next.push_str(&f.after);
                pos = f.offset + f.before.len();
            }
            next.push_str(&body[pos..]);
            body = next;
        }
        assert_eq!(
            body, out.body,
            "{name}: the fixed body differs from the input beyond the reported fixes"
        );
        assert_eq!(
            out.report,
            validate_str(&out.body, kind, &Options::default()),
            "{name}"
        );
        if !out.fixes.is_empty() {
            fixed_count += 1;
            let before = validate_str(&text, kind, &Options::default());
            assert!(
                out.report.errors.len() <= before.errors.len()
                    || out.fixes.iter().any(|f| f.round > 1),
                "{name}: fixing added errors"
            );
            for f in out
                .fixes
                .iter()
                .filter(|f| f.round == 1 && f.code.as_str() != "field.coerced")
            {
                assert!(
                    !out.report
                        .issues()
                        .any(|i| i.code == f.code && i.path == f.path),
                    "{name}: {} still reported at {}",
                    f.code,
                    f.path
                );
            }
            assert!(
                fix_str(&out.body, kind, &Options::default())
                    .fixes
                    .is_empty(),
                "{name}: fixing twice changed more"
            );
        }
    }
    assert!(
        fixed_count >= 20,
        "only {fixed_count} fixtures had something to fix"
    );
}

/// `FixResult::to_json` and `Issue::list_to_json` (written by hand for the wasm build) are
/// byte for byte serde's, on every fixture.
#[test]
fn hand_written_json_is_serdes() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"));
    let mut stack = vec![root.to_path_buf()];
    let mut checked = 0;
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let doc: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let Some(body) = doc.get("body") else {
                continue;
            };
            let text = serde_json::to_string_pretty(body).unwrap();
            let kind = doc["kind"].as_str().unwrap_or("chat").parse().unwrap();
            let options = zylon_schema::Options {
                spans: checked % 2 == 0,
                ..Default::default()
            };
            let fixed = zylon_schema::fix::fix_str(&text, kind, &options);
            assert_eq!(
                fixed.to_json(),
                serde_json::to_string(&fixed).unwrap(),
                "{}",
                p.display()
            );
            let issues: Vec<_> = fixed.report.issues().cloned().collect();
            assert_eq!(
                zylon_schema::Issue::list_to_json(&issues),
                serde_json::to_string(&issues).unwrap()
            );
            checked += 1;
        }
    }
    assert!(checked > 400, "{checked}");
}
