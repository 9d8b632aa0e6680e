//! Replays every fixture of `tests/fixtures/` (bodies with the exact issues they must produce,
//! written from RULES.md / docs/decisions.md) and checks that every issue code is exercised.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use zylon_schema::{
    body_text, is_valid_bytes, is_valid_str, validate_bytes, validate_str, Code, Kind, Options,
    Report,
};

struct Fixture {
    path: PathBuf,
    text: String,
    /// The body as bytes (`body_hex`: an encoding other than UTF-8, or invalid bytes), checked
    /// with `validate_bytes`; `text` is then what the server reads from them (`body_text`).
    bytes: Option<Vec<u8>>,
    kind: Kind,
    options: Options,
    expect: Value,
}

fn load() -> Vec<Fixture> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("fixtures dir") {
            let p = e.expect("dir entry").path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut files,
    );
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let bytes = v
                .get("body_hex")
                .map(|h| hex(h.as_str().expect("body_hex")));
            let text = match (&v.get("body_text"), &v.get("body"), &bytes) {
                (Some(Value::String(t)), _, _) => t.clone(),
                (_, Some(b), _) => serde_json::to_string_pretty(b).unwrap(),
                (_, _, Some(b)) => String::from_utf8_lossy(b).into_owned(),
                _ => panic!("{}: no body", path.display()),
            };
            let kind = v["kind"]
                .as_str()
                .unwrap_or("chat")
                .parse::<Kind>()
                .unwrap();
            let options = v.get("options").map_or_else(Options::default, |o| {
                serde_json::from_value(o.clone()).unwrap()
            });
            Fixture {
                path,
                text,
                bytes,
                kind,
                options,
                expect: v["expect"].clone(),
            }
        })
        .collect()
}

/// The bytes of a `body_hex`.
fn hex(h: &str) -> Vec<u8> {
    (0..h.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&h[i..i + 2], 16).expect("hex digits"))
        .collect()
}

fn multiset(items: impl Iterator<Item = (String, String)>) -> BTreeMap<(String, String), i32> {
    let mut m = BTreeMap::new();
    for k in items {
        *m.entry(k).or_insert(0) += 1;
    }
    m
}

fn expected(v: &Value, key: &str) -> BTreeMap<(String, String), i32> {
    multiset(v[key].as_array().unwrap().iter().map(|e| {
        (
            e["code"].as_str().unwrap().to_string(),
            e["path"].as_str().unwrap().to_string(),
        )
    }))
}

fn compare(
    name: &str,
    want: &BTreeMap<(String, String), i32>,
    report: &Report,
    errors: bool,
    out: &mut Vec<String>,
) {
    let issues = if errors {
        &report.errors
    } else {
        &report.warnings
    };
    let got = multiset(
        issues
            .iter()
            .map(|i| (i.code.as_str().to_string(), i.path.clone())),
    );
    let what = if errors { "error" } else { "warning" };
    for (k, n) in want {
        let g = got.get(k).copied().unwrap_or(0);
        if g < *n {
            out.push(format!("{name}: missing {what} {} at {:?}", k.0, k.1));
        }
    }
    for (k, n) in &got {
        if want.get(k).copied().unwrap_or(0) < *n {
            let msg = issues
                .iter()
                .find(|i| i.code.as_str() == k.0 && i.path == k.1)
                .map(|i| i.message.as_str())
                .unwrap_or("");
            out.push(format!(
                "{name}: unexpected {what} {} at {:?} ({msg})",
                k.0, k.1
            ));
        }
    }
}

#[test]
fn a_byte_fixtures_text_is_what_the_validator_reads_from_its_bytes() {
    let fixtures = load();
    let with_bytes: Vec<_> = fixtures.iter().filter(|f| f.bytes.is_some()).collect();
    assert!(with_bytes.len() >= 8, "{} byte fixtures", with_bytes.len());
    for f in with_bytes {
        let bytes = f.bytes.as_deref().unwrap_or_default();
        assert_eq!(body_text(bytes), f.text, "{}", f.path.display());
    }
}

#[test]
fn every_fixture_gives_exactly_its_expected_issues() {
    let fixtures = load();
    assert!(fixtures.len() >= 250, "only {} fixtures", fixtures.len());
    let mut problems = Vec::new();
    for f in &fixtures {
        let name = f
            .path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&f.path)
            .display()
            .to_string();
        let report = match &f.bytes {
            Some(bytes) => validate_bytes(bytes, f.kind, &f.options),
            None => validate_str(&f.text, f.kind, &f.options),
        };
        if let Some(out) = std::env::var_os("ZYLON_DUMP_REPORTS") {
            // development aid: every fixture's whole report, to compare before/after a refactor
            use std::io::Write as _;
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(out)
                .expect("dump file");
            writeln!(file, "{name}\t{}", report.to_json()).expect("dump");
        }
        // the fast path answers as the report does (with the fixture's options)
        let verdict = match &f.bytes {
            Some(bytes) => is_valid_bytes(bytes, f.kind, &f.options),
            None => is_valid_str(&f.text, f.kind, &f.options),
        };
        if verdict != report.valid {
            problems.push(format!(
                "{name}: is_valid says {verdict}, the report's valid {}",
                report.valid
            ));
        }
        if report.valid != f.expect["valid"].as_bool().unwrap() {
            problems.push(format!(
                "{name}: valid is {}, expected {}",
                report.valid, f.expect["valid"]
            ));
        }
        compare(
            &name,
            &expected(&f.expect, "errors"),
            &report,
            true,
            &mut problems,
        );
        compare(
            &name,
            &expected(&f.expect, "warnings"),
            &report,
            false,
            &mut problems,
        );
        for i in report.issues() {
            if i.message.is_empty() || !(i.path.is_empty() || i.path.starts_with('/')) {
                problems.push(format!("{name}: malformed issue {i:?}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} fixture mismatch(es):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Codes no request fixture can trigger, with the reason.
const NOT_FROM_REQUEST_FIXTURES: &[(&str, &str)] = &[
    (
        "messages.last_role",
        "the role enum rejects every role that could end a conversation wrongly",
    ),
    (
        "tool.internal.registry",
        "recognition itself, exercised by every built-in tool fixture",
    ),
    (
        "block.image.size_limit",
        "needs a payload over 25 MiB; covered by a unit test",
    ),
    (
        "field.enum",
        "used by response kinds and `source.type`; covered by unit tests",
    ),
    (
        "stream.syntax",
        "stream decoding; covered by the stream tests",
    ),
    (
        "stream.incomplete",
        "stream decoding; covered by the stream tests",
    ),
    (
        "stream.order",
        "stream decoding; covered by the stream tests",
    ),
    (
        "stream.event",
        "stream decoding; covered by the stream tests",
    ),
    (
        "stream.error_event",
        "stream decoding; covered by the stream tests",
    ),
    (
        "stream.unknown_event",
        "stream decoding; covered by the stream tests",
    ),
    (
        "stream.input_json",
        "stream decoding; covered by the stream tests",
    ),
];

#[test]
fn every_code_is_expected_by_some_fixture() {
    let fixtures = load();
    let mut seen = std::collections::BTreeSet::new();
    for f in &fixtures {
        for key in ["errors", "warnings"] {
            for e in f.expect[key].as_array().unwrap() {
                seen.insert(e["code"].as_str().unwrap().to_string());
            }
        }
    }
    let allowed: Vec<&str> = NOT_FROM_REQUEST_FIXTURES.iter().map(|(c, _)| *c).collect();
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !seen.contains(*c) && !allowed.contains(c))
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
    for c in &seen {
        assert!(
            Code::from_id(c).is_some(),
            "a fixture expects the unknown code {c}"
        );
    }
}

#[test]
fn hand_written_report_json_matches_serde_for_every_fixture() {
    for f in load() {
        for spans in [false, true] {
            let options = Options {
                spans,
                ..f.options.clone()
            };
            let r = validate_str(&f.text, f.kind, &options);
            assert_eq!(
                r.to_json(),
                serde_json::to_string(&r).unwrap(),
                "{}",
                f.path.display()
            );
        }
    }
}

/// A thread keeps some buffers of its last body for the next one (natively: the parser's and
/// the rules' vectors). A report must not depend on what the thread validated before: every
/// fixture validated after all the others on one thread (in two orders) gives the report it
/// gives on a thread of its own.
#[test]
fn a_report_does_not_depend_on_the_bodies_validated_before_it() {
    let fixtures = load();
    let alone: Vec<Report> = fixtures
        .iter()
        .map(|f| {
            let (text, kind, options) = (f.text.clone(), f.kind, f.options.clone());
            std::thread::spawn(move || validate_str(&text, kind, &options))
                .join()
                .unwrap()
        })
        .collect();
    let in_turn = |order: &mut dyn Iterator<Item = usize>| {
        for i in order {
            let f = &fixtures[i];
            let report = validate_str(&f.text, f.kind, &f.options);
            assert_eq!(
                report,
                alone[i],
                "{}: its report changed after other bodies",
                f.path.display()
            );
        }
    };
    in_turn(&mut (0..fixtures.len()));
    in_turn(&mut (0..fixtures.len()).rev());
}
