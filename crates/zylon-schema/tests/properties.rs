//! Properties over arbitrary JSON biased towards chat requests: validation never panics, always
//! gives a consistent report, is deterministic, agrees between text and value input, every path
//! resolves to a node of the input (or, for a missing field, to its parent), and every span
//! covers exactly the value (or key) the path names.

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use zylon_schema::{validate_str, validate_value, Code, Kind, Options};

/// Every key of the vocabulary (the fields the model types and what the server knows beyond
/// them), plus keys that need escaping in a JSON Pointer and the empty key.
fn keys() -> Vec<&'static str> {
    let mut k: Vec<&'static str> = zylon_schema::vocab::SHAPES
        .iter()
        .flat_map(|s| {
            s.fields
                .iter()
                .map(|f| f.name)
                .chain(s.names.ruled.iter().copied())
                .chain(s.names.free.iter().copied())
        })
        .chain(["x/y", "a~b", ""])
        .collect();
    k.sort_unstable();
    k.dedup();
    k
}

/// Values: every enum value and block tag of the vocabulary, the built-in tool types, and
/// values that exercise the media, date and id rules.
fn strings() -> Vec<&'static str> {
    use zylon_schema::vocab;
    let mut v: Vec<&'static str> = [
        vocab::ROLE,
        vocab::TOOL_CHOICE_TYPE,
        vocab::RESPONSE_FORMAT_TYPE,
        vocab::AGENT,
        vocab::VISIBILITY,
        vocab::SYSTEM_EXTENSION,
        vocab::PGPT_ONLY_TYPE,
    ]
    .into_iter()
    .flatten()
    .copied()
    .chain(vocab::BLOCKS.iter().map(|(t, _)| *t))
    .chain(["ingested_artifact", "sql_database", "uri", "skill"])
    .collect();
    // built-in tool types as the builders write them (`semantic_search_v1`), for the test's life
    v.extend(
        vocab::tools::BUILTIN_TOOLS
            .iter()
            .map(|t| &*Box::leak(format!("{}_v{}", t.ty, t.version).into_boxed_str())),
    );
    v.extend([
        "User",
        "iVBORw0KGgo=",
        "QUJD",
        "not base64!",
        "https://example.com/a.png",
        "data:image/png;base64,QUJD",
        "image/png",
        "image/bmp",
        "2026-01-01T00:00:00Z",
        "t1",
        "t-2",
        "",
        "  ",
        "é😀",
    ]);
    v
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..300).prop_map(|n| json!(n)),
        (-2.0f64..2.0).prop_map(|f| json!(f)),
        prop::sample::select(strings()).prop_map(|s| json!(s)),
    ]
}

fn arb_json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(keys()), inner), 0..6).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// A body shaped like a request: `messages` holding message-like objects, plus random fields.
fn arb_body() -> impl Strategy<Value = Value> {
    let block = prop::collection::vec((prop::sample::select(keys()), arb_json()), 0..5);
    let message = (
        prop::sample::select(strings()),
        prop::collection::vec(block, 0..4),
    )
        .prop_map(|(role, blocks)| {
            let content: Vec<Value> = blocks
                .into_iter()
                .map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
                .collect();
            json!({"role": role, "content": content})
        });
    (
        prop::collection::vec(message, 0..5),
        prop::collection::vec((prop::sample::select(keys()), arb_json()), 0..4),
    )
        .prop_map(|(messages, extra)| {
            let mut o: Map<String, Value> =
                extra.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            o.insert("messages".into(), Value::Array(messages));
            Value::Object(o)
        })
}

fn resolves(body: &Value, path: &str, code: Code) -> bool {
    if body.pointer(path).is_some() {
        return true;
    }
    // A missing field: the parent must exist.
    let parent = &path[..path.rfind('/').unwrap_or(0)];
    let _ = code;
    body.pointer(parent).is_some()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn reports_are_consistent_and_paths_resolve(body in prop_oneof![arb_body(), arb_json()], kind_ix in 0usize..5, strict in any::<bool>()) {
        let kind = Kind::ALL[kind_ix];
        let opts = Options { strict, spans: true, ..Options::default() };
        let text = serde_json::to_string_pretty(&body).unwrap();
        let r = validate_str(&text, kind, &opts);
        prop_assert_eq!(r.valid, r.errors.is_empty());
        prop_assert_eq!(r.summary.error_count, r.errors.len());
        prop_assert_eq!(r.summary.warning_count, r.warnings.len());
        if strict {
            prop_assert!(r.warnings.is_empty());
        }
        // One issue per code and path: a second problem found at one place is said in the
        // first issue's message (two issues there read as a repeated report).
        let mut seen = std::collections::HashSet::new();
        for i in r.issues() {
            prop_assert!(seen.insert((i.code, i.path.as_str())), "two issues {} at {:?}", i.code, i.path);
        }
        for i in r.issues() {
            prop_assert!(!i.message.is_empty());
            prop_assert!(i.path.is_empty() || i.path.starts_with('/'), "{}", i.path);
            prop_assert!(resolves(&body, &i.path, i.code), "{} does not resolve ({})", i.path, i.code);
            // Spans: the text under the span parses to the value the path names (or the key).
            let s = i.span.expect("text input with spans on");
            let under = &text[s.start..s.end];
            if let Some(v) = body.pointer(&i.path) {
                let is_key = matches!(i.code, Code::FieldUnknown | Code::RequestUnknownFields | Code::FieldServerOnly | Code::JsonDuplicateKey);
                let expect = if is_key {
                    let key = i.path.rsplit('/').next().unwrap().replace("~1", "/").replace("~0", "~");
                    serde_json::to_string(&key).unwrap()
                } else {
                    serde_json::to_string(v).unwrap()
                };
                let got: Value = serde_json::from_str(under).map_err(|e| TestCaseError::fail(format!("{under:?}: {e}")))?;
                prop_assert_eq!(serde_json::to_string(&got).unwrap(), expect);
            } else {
                prop_assert!(under.starts_with('{') && under.ends_with('}'), "missing field span must be the enclosing object: {under}");
            }
        }
        // Deterministic, and the same from a value as from text (without spans).
        let again = validate_str(&text, kind, &opts);
        prop_assert_eq!(&again, &r);
        let opts_plain = Options { strict, ..Options::default() };
        prop_assert_eq!(validate_value(&body, kind, &opts_plain), validate_str(&text, kind, &opts_plain));
    }

    #[test]
    fn a_body_in_utf16_or_utf32_gives_its_utf8_report_and_the_encoding_warning(body in prop_oneof![arb_body(), arb_json()], form in 0usize..8) {
        // (any byte order, with or without a byte order mark: the report of the same text, spans
        // included, as they index the body's UTF-8, plus the warning first)
        let opts = Options { spans: true, ..Options::default() };
        let text = serde_json::to_string_pretty(&body).unwrap();
        let (wide, big_endian, bom) = (form & 1 == 1, form & 2 == 2, form & 4 == 4);
        let units: Vec<u32> = if wide {
            text.chars().map(u32::from).collect()
        } else {
            text.encode_utf16().map(u32::from).collect()
        };
        let mut bytes = Vec::new();
        for u in bom.then_some(0xFEFF).into_iter().chain(units) {
            let b = u.to_be_bytes();
            let b = if wide { &b[..] } else { &b[2..] };
            if big_endian {
                bytes.extend_from_slice(b);
            } else {
                bytes.extend(b.iter().rev());
            }
        }
        let plain = validate_str(&text, Kind::Chat, &opts);
        let got = zylon_schema::validate_bytes(&bytes, Kind::Chat, &opts);
        prop_assert_eq!(&got.errors, &plain.errors);
        prop_assert_eq!(got.warnings.first().map(|w| w.code), Some(Code::JsonEncoding));
        prop_assert_eq!(&got.warnings[1..], &plain.warnings[..]);
        prop_assert_eq!(zylon_schema::body_text(&bytes), text.as_str());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256), kind_ix in 0usize..5) {
        let r = zylon_schema::validate_bytes(&bytes, Kind::ALL[kind_ix], &Options::default());
        prop_assert_eq!(r.valid, r.errors.is_empty());
    }

    #[test]
    fn truncated_requests_give_syntax_errors(cut in 1usize..120) {
        let text = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"Summarize this, please."}]}],"max_tokens":64}"#;
        let cut = cut.min(text.len() - 1);
        let r = validate_str(&text[..cut], Kind::Chat, &Options::default());
        prop_assert_eq!(r.errors.len(), 1);
        prop_assert_eq!(r.errors[0].code, Code::JsonSyntax);
    }
}
