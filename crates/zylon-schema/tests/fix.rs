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

/// `text` in UTF-16 and UTF-32, each byte order, with and without a byte order mark, each with
/// the name of its encoding.
fn wide_forms(text: &str) -> Vec<(Vec<u8>, &'static str)> {
    let mut out = Vec::new();
    for bom in ["", "\u{feff}"] {
        let t = format!("{bom}{text}");
        let u16s = || t.encode_utf16();
        let u32s = || t.chars().map(u32::from);
        out.push((u16s().flat_map(u16::to_le_bytes).collect(), "UTF-16LE"));
        out.push((u16s().flat_map(u16::to_be_bytes).collect(), "UTF-16BE"));
        out.push((u32s().flat_map(u32::to_le_bytes).collect(), "UTF-32LE"));
        out.push((u32s().flat_map(u32::to_be_bytes).collect(), "UTF-32BE"));
    }
    out
}

#[test]
fn fix_bytes_fixes_what_the_server_reads_and_says_when_it_converts() {
    use zylon_schema::fix::fix_bytes;
    use zylon_schema::Code;
    let opts = Options::default();
    let mut converted = 0;
    for (name, text, kind) in fixtures() {
        let want = fix_str(&text, kind, &opts);
        // UTF-8: the same as fix_str, nothing about the encoding
        let got = fix_bytes(text.as_bytes(), Some(kind), &opts).unwrap();
        assert_eq!(got, want, "{name}");
        if text.starts_with('\u{feff}') {
            continue;
        }
        for (bytes, encoding) in wide_forms(&text) {
            let got = fix_bytes(&bytes, Some(kind), &opts)
                .unwrap_or_else(|e| panic!("{name} in {encoding}: {e}"));
            let first = &got.fixes[0];
            assert_eq!(
                (first.code, first.before.as_str(), first.after.as_str()),
                (Code::JsonEncoding, encoding, "UTF-8"),
                "{name}"
            );
            assert_eq!((first.round, first.offset, first.path.as_str()), (0, 0, ""));
            assert_eq!(got.fixes[1..], want.fixes[..], "{name} in {encoding}");
            assert_eq!(got.body, want.body, "{name} in {encoding}");
            assert_eq!(got.report, want.report, "{name} in {encoding}");
            converted += 1;
        }
    }
    assert!(converted > 1000, "only {converted} bodies converted");
}

#[test]
fn fix_bytes_leaves_alone_what_utf8_text_cannot_hold() {
    use zylon_schema::fix::fix_bytes;
    let opts = Options::default();
    let lone_16: Vec<u8> = "{\"messages\":\"\u{0}\"}"
        .encode_utf16()
        .map(|u| if u == 0 { 0xD800 } else { u })
        .flat_map(u16::to_le_bytes)
        .collect();
    let doubled_mark: Vec<u8> = "\u{feff}\u{feff}{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}]}"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let lone_32: Vec<u8> = "{\"messages\":\"\u{0}\"}"
        .chars()
        .map(|c| if c == '\0' { 0xDC00 } else { u32::from(c) })
        .flat_map(u32::to_be_bytes)
        .collect();
    for (bytes, says) in [
        (&b"{\"a\":\"\xff\"}"[..], "not valid UTF-8"),
        (&b"{\"a\":\"\xed\xa0\x80\"}"[..], "surrogate"),
        (&lone_16[..], "UTF-16LE with a surrogate"),
        (&lone_32[..], "UTF-32BE with a surrogate"),
        (&b"\xff\xfe{\x00\""[..], "not valid UTF-16LE"),
        // a U+FEFF after UTF-16's mark: text the server rejects, a mark it skips as UTF-8
        (&doubled_mark[..], "starts with U+FEFF"),
    ] {
        let e = fix_bytes(bytes, None, &opts).expect_err(says);
        assert!(
            e.reason.contains(says),
            "{}: {e}",
            String::from_utf8_lossy(bytes)
        );
        assert_eq!(e.to_string(), e.reason);
        // what the bindings give back: an empty body and a report that is never valid
        let reason = e.reason.clone();
        let out = e.into_result();
        assert_eq!((out.body.as_str(), out.fixes.len()), ("", 0));
        assert!(!out.report.valid && out.report.warnings.is_empty());
        assert_eq!(out.report.errors.len(), 1);
        assert_eq!(out.report.errors[0].code, zylon_schema::Code::JsonSyntax);
        assert_eq!(
            out.report.errors[0].message,
            format!("nothing was fixed: {reason}")
        );
    }
    // the server rejects the doubled mark too
    assert!(!zylon_schema::validate_bytes(&doubled_mark, Kind::Chat, &opts).valid);
}

/// The server's alias `toolChoice` is checked by the `tool_choice` rules (as warnings), and
/// `fix` applies their suggestions to it, and writes the alias under the name the Workspace API
/// lists: the fixed body is one the server accepts (`oracle.py`, 2026-12-03; the body as sent
/// is rejected).
#[test]
fn fix_mends_the_value_of_the_tool_choice_alias() {
    use zylon_schema::Code;
    let text = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],"toolChoice":{"type":"Auto"}}"#;
    let fixed = fix_str(text, Kind::Chat, &Options::default());
    assert_eq!(
        fixed.body,
        text.replace("\"Auto\"", "\"auto\"")
            .replace("toolChoice", "tool_choice")
    );
    let mut applied: Vec<_> = fixed
        .fixes
        .iter()
        .map(|f| (f.code, f.path.as_str()))
        .collect();
    applied.sort();
    let mut want = [
        (Code::FieldServerOnly, "/toolChoice"),
        (Code::ToolChoiceTypeEnum, "/toolChoice/type"),
    ];
    want.sort();
    assert_eq!(applied, want);
    assert!(
        fixed.report.is_valid() && fixed.report.warnings.is_empty(),
        "{}",
        fixed.report
    );
}

/// An alias is renamed to its field only where the server reads it (the field is absent) and
/// where the value fits the field: a value the server rejects stays under the alias (the
/// rename would turn a warning into an error, and `fix` does not decide what was meant).
#[test]
fn aliases_are_renamed_where_the_server_reads_them() {
    let body = |rest: &str| {
        format!(
            r#"{{"messages":[{{"role":"user","content":[{{"type":"text","text":"hi"}}]}}],{rest}}}"#
        )
    };
    let renamed = fix_str(
        &body(r#""cacheControl":{"type":"ephemeral"},"outputConfig":{"effort":"low"}"#),
        Kind::Chat,
        &Options::default(),
    );
    assert_eq!(
        renamed.body,
        body(r#""cache_control":{"type":"ephemeral"},"output_config":{"effort":"low"}"#)
    );
    for kept in [
        r#""toolChoice":{"type":"bogus"}"#,
        r#""cacheControl":5"#,
        r#""outputConfig":{"effort":"huge"}"#,
        r#""tool_choice":{"type":"auto"},"toolChoice":{"type":"none"}"#,
        r#""cache_control":null,"cacheControl":{"type":"ephemeral"}"#,
    ] {
        let fixed = fix_str(&body(kept), Kind::Chat, &Options::default());
        assert_eq!(fixed.body, body(kept), "{kept}: {:?}", fixed.fixes);
    }
}

/// A rename that would put a value the server rejects under the name it reads is not made,
/// where that value's problem is a warning (a server-only field, RULES.md 1.4) as where it is an
/// error. Server verdicts (`oracle.py`, 2026-12-03): each body as sent is accepted (the server
/// ignores the misspelt key), and the renamed one is rejected. Of nested renames only the inner
/// one is undone: the alias `toolChoice` is still written `tool_choice` (accepted too).
#[test]
fn no_rename_makes_a_server_only_value_rejected() {
    let body = |tc: &str| {
        format!(
            r#"{{"messages":[{{"role":"user","content":[{{"type":"text","text":"hi"}}]}}],{tc}}}"#
        )
    };
    let text = body(r#""tool_choice":{"type":"auto","validationMode":"x"}"#);
    let fixed = fix_str(&text, Kind::Chat, &Options::default());
    assert_eq!(fixed.body, text, "{:?}", fixed.fixes);
    assert!(fixed.fixes.is_empty());
    for tc in [
        r#"{"disableParallelToolUse":"maybe"}"#,
        r#"{"Type":"bogus"}"#,
    ] {
        let fixed = fix_str(
            &body(&format!(r#""toolChoice":{tc}"#)),
            Kind::Chat,
            &Options::default(),
        );
        assert_eq!(fixed.body, body(&format!(r#""tool_choice":{tc}"#)), "{tc}");
        assert_eq!(fixed.fixes.len(), 1, "{tc}: {:?}", fixed.fixes);
    }
    // the same renames where the value fits are made
    for (tc, want) in [
        (
            r#""tool_choice":{"type":"auto","validationMode":"lazy"}"#,
            r#""tool_choice":{"type":"auto","validation_mode":"lazy"}"#,
        ),
        (
            r#""toolChoice":{"Type":"auto"}"#,
            r#""tool_choice":{"type":"auto"}"#,
        ),
    ] {
        let fixed = fix_str(&body(tc), Kind::Chat, &Options::default());
        assert_eq!(fixed.body, body(want), "{tc}");
    }
}

/// Structured output through the server-only `output_config.format` excludes tools (a warning
/// that says the server would reject the request): a misspelt `Tools`, which the server ignores,
/// is not renamed into tools it rejects (`oracle.py`, 2026-12-03: accepted as sent, rejected
/// renamed, "Tools are not supported when structured output is enabled").
#[test]
fn no_rename_brings_tools_into_structured_output() {
    for config in ["output_config", "outputConfig"] {
        let text = format!(
            r#"{{"messages":[{{"role":"user","content":[{{"type":"text","text":"hi"}}]}}],"{config}":{{"format":{{"type":"json_schema","schema":{{"type":"object","properties":{{}}}}}}}},"Tools":[{{"name":"x","inputSchema":{{"type":"object","properties":{{}}}}}}]}}"#
        );
        let fixed = fix_str(&text, Kind::Chat, &Options::default());
        assert!(
            fixed.body.contains(r#""Tools":"#),
            "{config}: {}",
            fixed.body
        );
    }
}
