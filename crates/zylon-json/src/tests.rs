//! Unit tests of the parser and the tree.

use super::*;

/// An arena for the life of the test.
fn arena() -> &'static Arena<'static> {
    Box::leak(Box::new(Arena::new()))
}

/// The text for the life of the test (the tree borrows it with the arena's lifetime).
fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn p(s: &str) -> Result<Value<'static>, SyntaxError> {
    parse(leak(s), 64, arena()).map(|p| p.value)
}

#[test]
fn parses_and_borrows() {
    let text = leak(r#" {"a": [1, -2.5e3, true, null, "x\"y", "plain"], "b": {}} "#);
    let v = parse(text, 64, arena()).unwrap().value;
    let a = v.get("a").unwrap().as_array().unwrap();
    assert_eq!(
        a.get(0).unwrap(),
        Value::Number(Num {
            value: 1.0,
            int: true
        })
    );
    assert_eq!(
        a.get(1).unwrap(),
        Value::Number(Num {
            value: -2500.0,
            int: false
        })
    );
    assert_eq!(a.get(4).unwrap().as_str(), Some("x\"y"));
    // Borrowed from the text itself.
    let Value::String(plain) = a.get(5).unwrap() else {
        panic!("not a string")
    };
    assert_eq!(plain, "plain");
    assert!(std::ptr::eq(
        plain.as_ptr(),
        text[text.find("plain").unwrap()..].as_ptr()
    ));
    assert!(v.get("b").unwrap().as_object().unwrap().is_empty());
}

#[test]
fn rejects_bad_syntax_with_offsets() {
    for (bad, off) in [
        ("{\"a\" 1}", 5),
        ("[1,]", 3),
        ("[01]", 2),
        ("\"abc", 4),
        ("{} x", 3),
        ("[1.]", 3),
        ("tru", 0),
        ("", 0),
        ("\"\\x\"", 2),
        ("\"a\nb\"", 2),
        // escapes: a backslash at the end, too few or wrong hex digits (the first digit's
        // place), a low surrogate's digits
        ("\"ab\\", 4),
        ("\"a\\ \"", 3),
        ("\"\\u12\"", 3),
        ("\"\\u12", 3),
        ("\"\\u12G4\"", 3),
        ("\"\\uD800\\u12\"", 9),
        ("\"\\uD800\\", 8),
    ] {
        let e = p(bad).unwrap_err();
        assert_eq!(e.offset, off, "{bad}: {}", e.message);
        assert!(!e.too_deep);
    }
}

#[test]
fn depth_limit_and_duplicates() {
    let deep = "[".repeat(65) + &"]".repeat(65);
    assert!(p(&deep).unwrap_err().too_deep);
    let ok = "[".repeat(64) + &"]".repeat(64);
    assert!(p(&ok).is_ok());
    assert_eq!(parse(leak(&ok), 64, arena()).unwrap().depth, 64);
    let Parsed {
        value: v,
        has_duplicates: dups,
        ..
    } = parse(leak(r#"{"a":1,"b":2,"a":3}"#), 8, arena()).unwrap();
    assert!(dups);
    let o = v.as_object().unwrap();
    assert_eq!(o.get("a").and_then(Value::as_f64), Some(3.0));
    assert_eq!(o.keys().collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(o.len(), 3);
    let many: String = format!(
        "{{{}}}",
        (0..40)
            .map(|i| format!("\"k{}\":1", i % 30))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert!(parse(leak(&many), 8, arena()).unwrap().has_duplicates);
}

proptest::proptest! {
    /// Lookups, keys, entries and duplicate detection agree with a plain scan of the keys,
    /// whatever the filter bits say: keys from a small alphabet, so that duplicates and
    /// filter collisions are common.
    #[test]
    fn object_lookups_match_a_plain_scan(
        keys in proptest::collection::vec("[ab\"]{0,3}|k[0-9]{1,2}|messages|tools", 0..24),
        probes in proptest::collection::vec("[ab]{0,3}|k[0-9]{1,2}|tool_choice|tools", 0..8),
    ) {
        let body: Vec<String> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| format!("{}:{i}", serde_json::to_string(k).unwrap()))
            .collect();
        let text = leak(&format!("{{{}}}", body.join(",")));
        let Parsed {
            value: v,
            has_duplicates: dups,
            ..
        } = parse(text, 8, arena()).unwrap();
        let o = v.as_object().unwrap();
        let mut distinct: Vec<&str> = Vec::new();
        for k in &keys {
            if !distinct.contains(&k.as_str()) {
                distinct.push(k);
            }
        }
        proptest::prop_assert_eq!(dups, distinct.len() < keys.len());
        proptest::prop_assert_eq!(o.has_duplicates(), dups);
        proptest::prop_assert_eq!(o.keys().collect::<Vec<_>>(), distinct.clone());
        let last = |k: &str| keys.iter().rposition(|x| x == k).map(|i| i as f64);
        let iter: Vec<(&str, Option<f64>)> = o.iter().map(|(k, v)| (k, v.as_f64())).collect();
        let want: Vec<(&str, Option<f64>)> = distinct.iter().map(|k| (*k, last(k))).collect();
        proptest::prop_assert_eq!(iter, want);
        for k in keys.iter().chain(&probes) {
            proptest::prop_assert_eq!(o.get(k).and_then(Value::as_f64), last(k));
            proptest::prop_assert_eq!(o.contains_key(k), last(k).is_some());
        }
        // The same entries built (not parsed), without the repeats: same lookups.
        let mut b = Builder::new();
        let mark = b.open();
        for (k, v) in o.iter() {
            b.string(k);
            b.number(Num { value: v.as_f64().unwrap_or(-1.0), int: true });
        }
        b.close_object(mark);
        let rebuilt = b.finish(arena()).as_object().unwrap();
        proptest::prop_assert!(!rebuilt.has_duplicates());
        for k in keys.iter().chain(&probes) {
            proptest::prop_assert_eq!(rebuilt.get(k).and_then(Value::as_f64), last(k));
        }
    }
}

#[test]
fn integers_read_exactly_as_the_float_parser_does() {
    for t in [
        "0",
        "-0",
        "7",
        "-42",
        "9007199254740993",
        "123456789012345678",
        "-999999999999999999",
        "1234567890123456789",
        "18446744073709551616",
    ] {
        let want: f64 = t.parse().unwrap();
        let Value::Number(n) = p(t).unwrap() else {
            panic!("{t}")
        };
        assert_eq!(n.value.to_bits(), want.to_bits(), "{t}");
        assert!(n.int);
    }
}

#[test]
fn key_equality() {
    let keys = [
        "",
        "a",
        "role",
        "abcdefgh",
        "abcdefghi",
        "tool_choice_x",
        "é中",
    ];
    for a in keys {
        for b in keys {
            assert_eq!(keys_equal(a, b), a == b, "{a} {b}");
        }
        assert!(is_one_of(a, &keys));
    }
    assert!(!keys_equal("abcdefgh1", "abcdefgh2") && !keys_equal("abcdefgX", "abcdefgh"));
    assert!(!is_one_of("roles", &keys));
    // Every length up to 40 (the word loads, their overlapping last word, the 4-byte pair, the
    // byte loop): a copy is equal, one byte changed anywhere is not.
    for n in 0..=40usize {
        let base: String = (0..n)
            .map(|i| char::from(b'a' + (i * 7 % 26) as u8))
            .collect();
        assert!(keys_equal(&base, &base.clone()), "{n}");
        for at in 0..n {
            let mut other = base.clone().into_bytes();
            other[at] = b'Z';
            let other = String::from_utf8(other).unwrap();
            assert!(!keys_equal(&base, &other), "{n} {at}");
        }
        assert!(!keys_equal(&base, &format!("{base}a")), "{n} longer");
    }
}

#[test]
fn lone_surrogates_become_replacement_characters() {
    assert_eq!(p(r#""\ud800x""#).unwrap().as_str(), Some("\u{FFFD}x"));
    assert_eq!(p(r#""\udc00\u0041""#).unwrap().as_str(), Some("\u{FFFD}A"));
}

#[test]
fn line_and_column_count_characters() {
    assert_eq!(line_col("ab\ncdé€x", 9), (2, 4));
    assert_eq!(line_col("", 0), (1, 1));
}

#[test]
fn split_once_byte_is_split_once() {
    for (s, b) in [
        ("a,b", b','),
        (",", b','),
        ("abc", b','),
        ("é;€;x", b';'),
        ("", b'/'),
    ] {
        assert_eq!(
            crate::split_once_byte(s, b),
            s.split_once(char::from(b)),
            "{s}"
        );
    }
}

#[test]
fn pointer_segments_unescape_as_rfc_6901_says() {
    for (seg, want) in [
        ("plain", "plain"),
        ("a~1b", "a/b"),
        ("~0x", "~x"),
        // `~01` is `~` then `1`, not `/`: `~1` is replaced before `~0` in the RFC's order.
        ("~01", "~1"),
        ("~10", "/0"),
        ("é~1€~0", "é/€~"),
        ("~", "~"),
        ("x~2", "x~2"),
    ] {
        assert_eq!(pointer_segment(seg), want, "{seg}");
        assert_eq!(want, seg.replace("~1", "/").replace("~0", "~"), "{seg}");
    }
    let tree = p(r#"{"a/b":{"~":[0,{"x":1}]}}"#).unwrap();
    assert_eq!(
        tree.pointer("/a~1b/~0/1/x"),
        Some(Value::Number(Num {
            value: 1.0,
            int: true
        }))
    );
}

#[test]
fn depth_is_the_deepest_nesting_of_containers() {
    for (text, depth) in [
        ("1", 0),
        ("\"[[[\"", 0),
        ("[]", 1),
        ("{}", 1),
        (r#"{"a":[{}],"b":1}"#, 3),
        (r#"[[1],[[2]],[]]"#, 3),
        (r#"[{"x":{"y":[]}},0]"#, 4),
    ] {
        assert_eq!(
            parse(leak(text), 8, arena()).unwrap().depth,
            depth,
            "{text}"
        );
    }
}

#[test]
fn large_arrays_keep_their_items_in_order_whether_moved_or_copied() {
    // 5,000 items: over the size at which the outermost open array keeps the parser's stack
    // instead of a copy; then the same array nested (copied) and two in a row (the stack is
    // rebuilt after a move).
    let items: Vec<String> = (0..5000).map(|i| format!("{{\"n\":{i}}}")).collect();
    let list = format!("[{}]", items.join(","));
    let check = |v: Value<'_>| {
        let a = v.as_array().unwrap();
        assert_eq!(a.len(), 5000);
        for (i, it) in a.iter().enumerate() {
            assert_eq!(it.get("n").and_then(Value::as_f64), Some(i as f64));
        }
    };
    let doc = p(&format!("{{\"a\":{list},\"b\":{list},\"c\":[0,{list}]}}")).unwrap();
    check(doc.get("a").unwrap());
    check(doc.get("b").unwrap());
    check(doc.get("c").unwrap().as_array().unwrap().get(1).unwrap());
    check(p(&list).unwrap());
}

#[test]
fn repeated_keys_are_found_in_large_objects_and_through_escapes() {
    // 40 distinct keys (the hash-set path), then `a` again written with an escape.
    let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{i}")).collect();
    let text = format!("{{\"a\":1,{},\"\\u0061\":2}}", keys.join(","));
    let parsed = parse(leak(&text), 8, arena()).unwrap();
    assert!(parsed.has_duplicates);
    let o = parsed.value.as_object().unwrap();
    assert!(o.has_duplicates());
    assert_eq!(o.get("a").and_then(Value::as_f64), Some(2.0));
    assert_eq!(o.len(), 42);
    assert_eq!(o.keys().count(), 41);
    assert_eq!(o.keys().next(), Some("a"));
    // No repeat among 41 distinct keys, one of them escaped.
    let text = format!("{{{},\"\\u0062\":2}}", keys.join(","));
    let parsed = parse(leak(&text), 8, arena()).unwrap();
    assert!(!parsed.has_duplicates);
    assert_eq!(parsed.value.get("b").and_then(Value::as_f64), Some(2.0));
    assert_eq!(parsed.value.get("k39").and_then(Value::as_f64), Some(39.0));
}

#[test]
fn escaped_strings_of_every_size_read_back() {
    // Unescaped when read: short ones through the scratch buffer, long ones into their own.
    for n in [1, 100, 4096, 4097, 100_000] {
        let body = "x\\n".repeat(n);
        let text = format!("{{\"s\":\"{body}\",\"t\":[\"{body}\",\"plain\"]}}");
        let v = p(&text).unwrap();
        let want = "x\n".repeat(n);
        assert_eq!(v.get("s").and_then(Value::as_str), Some(want.as_str()));
        let t = v.get("t").unwrap().as_array().unwrap();
        assert_eq!(t.first().and_then(Value::as_str), Some(want.as_str()));
        assert_eq!(t.last().and_then(Value::as_str), Some("plain"));
    }
}

/// Escaped strings are checked while parsing and unescaped when first read, once: a document
/// whose escaped strings are not read never unescapes them.
#[test]
fn escaped_strings_are_unescaped_once_when_first_read() {
    let text = leak(r#"{"a":"x\ny","b":"plain","c":["\u00e9\t"],"k\u0065y":1}"#);
    let o = parse(text, 8, arena()).unwrap().value.as_object().unwrap();
    let tape = o.tape();
    let read = || tape.lazy.iter().map(|l| l.is_read()).collect::<Vec<_>>();
    // (an escaped key is read by the parser: its object's key filter needs its text)
    assert_eq!(read(), [false, false, true]);
    assert_eq!(o.get("b").and_then(Value::as_str), Some("plain"));
    assert_eq!(o.get("key").and_then(|v| v.as_f64()), Some(1.0));
    assert_eq!(read(), [false, false, true]);
    let a = o.get("a").and_then(Value::as_str).unwrap();
    assert_eq!(a, "x\ny");
    assert_eq!(read(), [true, false, true]);
    let again = o.get("a").and_then(Value::as_str).unwrap();
    assert!(std::ptr::eq(a, again), "unescaped a second time");
}

/// `Object::string_is_blank` of escaped strings: the answer of Python's `str.strip()` on the
/// unescaped text (the server's test for a blank message: Unicode white space and U+001C..U+001F), without unescaping it (white space from escapes, raw UTF-8 and `\u` escapes of BMP
/// and astral characters, a lone surrogate read as U+FFFD).
#[test]
fn blank_escaped_strings_are_told_where_they_are() {
    // Python's white space: Rust's, and the separators U+001C..U+001F
    assert!(crate::py_blank("\u{1c}\u{1f} \u{85}\u{3000}") && crate::py_blank(""));
    assert!(!crate::py_blank("\u{1b}") && !crate::py_blank("\u{200b}"));
    assert_eq!(crate::py_strip("\u{1c} a\u{1f}\n"), "a");
    for (raw, blank) in [
        (r"\n\t \r\f", true),
        (r"\u00a0\u2028 \u000B", true),
        ("\u{3000}\\n", true),
        (r"\n x", false),
        (r"\b", false),
        (r"\u0041", false),
        (r"\ud83d\ude00", false),
        (r"\ud800", false),
        (r"\\", false),
        (r" \n\u00e9", false),
        (r"\u001c", true),
        (r"\u001f\n\u001d\u001e", true),
        (r"\u001b", false),
        (r"\u0085", true),
        (r"\u200b", false),
        (r"\ufeff", false),
        (r"\\u001c", false),
    ] {
        let text = leak(&format!(r#"{{"t":"{raw}","n":1,"s":"  "}}"#));
        let o = parse(text, 8, arena()).unwrap().value.as_object().unwrap();
        assert_eq!(o.string_is_blank("t"), Some(blank), "{raw}");
        // (natively: WebAssembly reads the text)
        if cfg!(not(target_arch = "wasm32")) {
            assert!(!o.tape().lazy[0].is_read(), "{raw} was unescaped to tell");
        }
        let read = o.get("t").and_then(Value::as_str).unwrap();
        assert_eq!(crate::py_blank(read), blank, "{raw}: {read:?}");
        // once read, the text answers
        assert_eq!(o.string_is_blank("t"), Some(blank), "{raw}");
        assert_eq!(o.string_is_blank("s"), Some(true));
        assert_eq!(o.string_is_blank("n"), None);
        assert_eq!(o.string_is_blank("missing"), None);
    }
}

proptest::proptest! {
    /// `Object::string_is_blank` agrees with Python's `str.strip()` of the unescaped text on
    /// strings of white space, escapes of it, and a few other characters and escapes.
    #[test]
    fn blank_strings_agree_with_trim(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            " ", "\\n", "\\t", "\\r", "\\f", "\\u0020", "\\u00a0", "\\u2028", "\\u3000",
            "\u{3000}", "\u{a0}", "a", "\\u0041", "\\b", "\\\\", "\\\"", "\\ud83d\\ude00",
            "\\ud800", "\\udc00", "é", "\\u001c", "\\u001f", "\\u001b", "\\u0085", "\\u200b",
        ]), 0..8),
    ) {
        let raw = parts.concat();
        let text = leak(&format!(r#"{{"t":"{raw}"}}"#));
        let o = parse(text, 8, arena()).unwrap().value.as_object().unwrap();
        let told = o.string_is_blank("t");
        let want = o.get("t").and_then(Value::as_str).map(crate::py_blank);
        proptest::prop_assert_eq!(told, want, "{}", raw);
    }
}

#[test]
fn escaped_strings_around_the_store_limit_read_back() {
    // Unescaped through the scratch buffer up to `SCRATCH_KEEP` (4096) bytes, into a string of
    // their own past it: the limit may fall just before or after an escape of 1, 2 or 4 bytes,
    // or inside a long plain run, and strings before and after it keep their places.
    for n in (4085..4100).chain([8190, 8200]) {
        for esc in ["\\n", "\\u00e9", "\\ud83d\\ude00", "\\\""] {
            let raw = format!("{}{esc}{}{esc}", "a".repeat(n), "b".repeat(n % 7));
            let text = format!(
                "[\"{esc}x\",\"{esc}{raw}\",\"{raw}\",\"{esc}{}\",\"z{esc}\"]",
                "c".repeat(9000)
            );
            let want: Vec<String> = serde_json::from_str(&text).unwrap();
            let v = p(&text).unwrap();
            let got: Vec<&str> = v
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|x| x.as_str())
                .collect();
            assert_eq!(got, want, "n = {n}, escape {esc}");
        }
    }
}

#[test]
fn containers_are_skipped_whole() {
    // Items after nested containers are found: a reader steps over each container in one step.
    let v = p(r#"[[1,[2,{"a":[3]}]],{"b":{"c":{}}},"end",[],{}]"#).unwrap();
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 5);
    assert_eq!(a.get(2).and_then(Value::as_str), Some("end"));
    assert!(a.get(3).unwrap().as_array().unwrap().is_empty());
    let empty = a.get(4).unwrap().as_object().unwrap();
    assert!(empty.is_empty() && empty.entries().count() == 0 && empty.get("a").is_none());
    assert_eq!(a.get(5), None);
    let o = p(r#"{"x":[[[]]],"y":{"z":[{}]},"w":true}"#).unwrap();
    assert_eq!(o.get("w"), Some(Value::Bool(true)));
    assert_eq!(o.as_object().unwrap().entries().count(), 3);
    assert_eq!(o.pointer("/y/z/0"), Some(Value::Object(Object::empty())));
}

#[test]
fn built_trees_equal_parsed_ones() {
    let text = leak(r#"{"a":[1,2.5,"s",null,true,{"b":[]}],"c":{}}"#);
    let parsed = parse(text, 8, arena()).unwrap().value;
    let mut b = Builder::new();
    let root = b.open();
    b.string("a");
    let list = b.open();
    b.number(Num {
        value: 1.0,
        int: true,
    });
    b.number(Num {
        value: 2.5,
        int: false,
    });
    b.string("s");
    b.null();
    b.bool(true);
    let inner = b.open();
    b.string("b");
    let empty = b.open();
    b.close_array(empty);
    b.close_object(inner);
    b.close_array(list);
    b.string("c");
    let c = b.open();
    b.close_object(c);
    b.close_object(root);
    let built = b.finish(arena());
    assert_eq!(built, parsed);
    assert_eq!(built.get("a").unwrap().as_array().unwrap().len(), 6);
    assert!(built.get("c").unwrap().as_object().unwrap().is_empty());
}

#[test]
fn the_resolver_answers_as_pointer_does() {
    // A long array (indexed on first use), a short one (stepped through), misses and escapes.
    let items: Vec<String> = (0..5000)
        .map(|i| format!("{{\"n\":{i},\"c\":[{i},[\"x{i}\"]]}}"))
        .collect();
    let text = format!(
        "{{\"m\":[{}],\"s\":[1,2],\"a/b\":{{\"~\":3}}}}",
        items.join(",")
    );
    let tree = p(&text).unwrap();
    let mut at = Resolver::new(tree);
    let mut paths: Vec<String> = (0..5000)
        .rev()
        .step_by(7)
        .map(|i| format!("/m/{i}/n"))
        .collect();
    paths.extend((0..5000).step_by(13).map(|i| format!("/m/{i}/c/1/0")));
    paths.extend(
        [
            "", "/m", "/s/1", "/s/2", "/m/5000", "/m/-1", "/m/x", "/a~1b/~0", "/m/3/n/0", "/zz",
        ]
        .map(String::from),
    );
    for path in &paths {
        assert_eq!(at.pointer(path), tree.pointer(path), "{path}");
    }
    assert_eq!(
        at.pointer("/m/4999/n").and_then(Value::as_f64),
        Some(4999.0)
    );
    assert_eq!(
        at.pointer("/m/17/c/1/0").and_then(Value::as_str),
        Some("x17")
    );
}

proptest::proptest! {
    /// The plain substring scan answers as the standard library's searcher.
    #[test]
    fn substring_scan_agrees_with_std(hay in "[ab_vé]{0,12}", needle in "[ab_vé]{0,3}") {
        proptest::prop_assert_eq!(crate::contains(&hay, &needle), hay.contains(needle.as_str()));
        proptest::prop_assert_eq!(crate::find_last(&hay, &needle), hay.rfind(needle.as_str()));
    }
}

proptest::proptest! {
    /// `Object::index_into` answers as lookups and a plain scan do: the value of each known key
    /// (the last when repeated), the known keys in first-occurrence order, and the flagged
    /// entries (unknown keys, values of none of the key's types) in key order. Values are of
    /// every JSON type, so that every tag meets every type byte; keys with an escape (`a\n`) are
    /// unescaped nodes, not offsets into the text; objects without a repeated key take the
    /// index's direct pass over the entries, the others its pass over the distinct keys.
    #[test]
    fn index_matches_lookups_and_a_plain_scan(
        entries in proptest::collection::vec(("[ab]{1,2}|k[0-9]|a\n", 0..7usize), 0..20),
        known in proptest::collection::vec("[ab]{1,2}|k[0-9]|a\n", 0..6),
        types in proptest::collection::vec(0u8..128, 0..6),
    ) {
        const VALUES: [&str; 7] = ["null", "true", "3", "2.5", "\"s\"", "[1]", "{\"x\":1}"];
        let body: Vec<String> = entries
            .iter()
            .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap(), VALUES[*v]))
            .collect();
        let text = leak(&format!("{{{}}}", body.join(",")));
        let o = parse(text, 8, arena()).unwrap().value.as_object().unwrap();
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        let mut ix = crate::Index::empty(o);
        o.index_into(&known, &types, &mut ix);
        // the table keeps the first place of a name listed twice, as `position_of` finds it
        let place = |k: &str| known.iter().position(|x| *x == k);
        for (i, k) in known.iter().enumerate() {
            let want = if place(k) == Some(i) { o.get(k) } else { None };
            proptest::prop_assert_eq!(ix.nth(i), want);
        }
        let distinct: Vec<&str> = o.keys().collect();
        let order: Vec<usize> = ix.order().iter().map(|&i| usize::from(i)).collect();
        let want: Vec<usize> = distinct.iter().filter_map(|k| place(k)).collect();
        proptest::prop_assert_eq!(order, want);
        let bits = |v: Value| match v {
            Value::Null => types::NULL,
            Value::Bool(_) => types::BOOLEAN,
            Value::Number(n) if n.int => types::NUMBER | types::INTEGER,
            Value::Number(_) => types::NUMBER,
            Value::String(_) => types::STRING,
            Value::Array(_) => types::ARRAY,
            Value::Object(_) => types::OBJECT,
        };
        let flagged: Vec<(&str, Value, Option<usize>)> = ix
            .flagged()
            .iter()
            .map(|&(s, i)| (o.entry_at(s).0, o.entry_at(s).1, i))
            .collect();
        let want: Vec<(&str, Value, Option<usize>)> = o
            .iter()
            .filter(|(k, v)| match place(k) {
                None => true,
                Some(i) => types.get(i).is_some_and(|t| t & bits(*v) == 0),
            })
            .map(|(k, v)| (k, v, place(k)))
            .collect();
        proptest::prop_assert_eq!(flagged, want);
    }
}

/// Up to `n` pieces of a JSON string's text: plain runs of up to 150 bytes (so that runs end
/// inside, at the edge of and past a 64-byte block of the parser's masks), escapes of every
/// kind and wide characters.
fn string_pieces(n: usize) -> impl proptest::strategy::Strategy<Value = Vec<String>> {
    proptest::collection::vec(
        proptest::prop_oneof![
            3 => "[a-z ]{0,150}",
            2 => proptest::strategy::Strategy::prop_map(
                proptest::sample::select(vec!["\\n", "\\\\", "\\\"", "\\/", "\\t", "\\u00e9", "\\u4e2d", "\\ud83d\\ude00", "é", "中"]),
                String::from,
            ),
        ],
        0..n,
    )
}

proptest::proptest! {
    /// Strings of plain runs, escapes of every kind, back to back or apart, and wide
    /// characters ([`string_pieces`]) read as serde_json reads them; repeated past 4 KiB too (the
    /// move to a string of its own, sized by a scan to the closing quote). A raw control
    /// character anywhere is rejected, at or before it. (Lone surrogates, which serde_json
    /// rejects and the server reads, have a test of their own.)
    #[test]
    fn escaped_strings_read_as_serde_json_reads_them(
        pieces in string_pieces(40),
        repeat in proptest::sample::select(vec![1usize, 60]),
        control in proptest::option::of(0usize..2000),
    ) {
        use proptest::prelude::*;
        let raw = pieces.concat().repeat(repeat);
        let text = format!("[\"{raw}\",\"after\\n\"]");
        let want: Vec<String> = serde_json::from_str(&text).unwrap();
        let v = p(&text).unwrap();
        let got: Vec<&str> = v.as_array().unwrap().iter().filter_map(|x| x.as_str()).collect();
        prop_assert_eq!(got, want.iter().map(String::as_str).collect::<Vec<_>>());
        if let Some(at) = control {
            // a raw line feed at a character boundary of the string
            let mut cut = 2 + at.min(raw.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let bad = format!("{}\n{}", &text[..cut], &text[cut..]);
            let e = p(&bad).unwrap_err();
            prop_assert!(serde_json::from_str::<serde_json::Value>(&bad).is_err());
            prop_assert!(e.offset <= cut, "error at {} after the control character at {}", e.offset, cut);
        }
    }
}

/// A `\u` escape followed by `tail` (up to five of the hex digits in either case, letters past
/// `f` and a quote) reads as serde_json reads it: the same string, or an error (fewer than four
/// hex digits, a stray quote). A lone surrogate, which serde_json rejects, reads as the server
/// reads it: as U+FFFD, so the text is compared with serde_json's reading of `\uFFFD` in its
/// place.
fn unicode_escape_reads_as_serde_json_reads_it(tail: &str) -> Result<(), String> {
    let text = format!("[\"\\u{tail}\"]");
    let ours = p(&text).map(|v| {
        v.as_array()
            .and_then(|a| a.first())
            .and_then(|x| x.as_str())
            .map(String::from)
    });
    let lone = tail
        .get(..4)
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .is_some_and(|c| (0xD800..0xE000).contains(&c));
    let reference = match tail.get(4..) {
        Some(rest) if lone => format!("[\"\\uFFFD{rest}\"]"),
        _ => text.clone(),
    };
    let fits = match serde_json::from_str::<Vec<String>>(&reference) {
        Ok(want) => ours.as_ref().ok().cloned().flatten() == want.first().cloned(),
        Err(_) => ours.is_err(),
    };
    if fits {
        Ok(())
    } else {
        Err(format!("{text:?} read as {ours:?}"))
    }
}

#[test]
fn unicode_escapes_of_every_kind_read_as_serde_json_reads_them() {
    // a lone surrogate alone, before a letter and before a stray quote; too few digits; `G`
    for tail in [
        "D800", "dbff", "DC00a", "D800\"", "00e9", "00E9\"", "20aC", "12G4", "12g4", "d8", "",
    ] {
        unicode_escape_reads_as_serde_json_reads_it(tail).unwrap();
    }
}

proptest::proptest! {
    /// [`unicode_escape_reads_as_serde_json_reads_it`] for any tail of its alphabet.
    #[test]
    fn unicode_escapes_read_as_serde_json_reads_them(tail in "[0-9a-fA-FgG\"]{0,5}") {
        let checked = unicode_escape_reads_as_serde_json_reads_it(&tail);
        proptest::prop_assert!(checked.is_ok(), "{}", checked.unwrap_err());
    }
}

proptest::proptest! {
    /// `skip_value` ends each value of a valid text where serde_json's reader ends it: strings
    /// with escapes of every kind at any place (also past a 64-byte block of the scan's masks),
    /// nested in arrays and objects, followed by more data.
    #[test]
    fn skip_value_ends_values_where_a_reader_does(
        pieces in string_pieces(12),
        nest in 0usize..3,
    ) {
        let s = format!("\"{}\"", pieces.concat());
        let value = (0..nest).fold(s.clone(), |v, k| {
            if k % 2 == 0 { format!("[{v}, 1, {s}]") } else { format!("{{{s}: {v}}}") }
        });
        let text = format!("{value} ,{s}");
        let end = crate::skip_value(&text, 0);
        proptest::prop_assert_eq!(&text[..end], value.as_str());
        proptest::prop_assert!(serde_json::from_str::<serde_json::Value>(&text[..end]).is_ok());
    }
}

#[test]
fn pointer_at_names_the_value_starting_at_an_offset() {
    let text = r#" {"a": [1, {"b/c~": 123, "d": "x"}], "e\u0041": [[], [7]]} "#;
    for (needle, pointer) in [
        ("123", "/a/1/b~1c~0"),
        ("\"x\"", "/a/1/d"),
        ("7", "/eA/1/0"),
        ("[[", "/eA"),
        ("1,", "/a/0"),
        ("{\"a", ""),
    ] {
        let at = text.find(needle).unwrap();
        assert_eq!(crate::pointer_at(text, at), pointer, "{needle}");
    }
    // A position inside a value names the innermost value holding it.
    assert_eq!(
        crate::pointer_at(text, text.find("23").unwrap()),
        "/a/1/b~1c~0"
    );
}

#[test]
fn the_longest_integer_literal_is_recorded() {
    let arena = Arena::new();
    let text = format!(
        "[1, -{}, 2.{}, {}e5, {}]",
        "9".repeat(30),
        "1".repeat(40),
        "1".repeat(50),
        "5".repeat(25)
    );
    let p = parse(&text, 64, &arena).unwrap();
    assert_eq!(p.longest_integer, (30, 4));
    let p = parse("[1, 123456789012345678]", 64, &arena).unwrap();
    assert_eq!(p.longest_integer, (0, 0));
}

#[test]
fn python_constants_are_counted_from_their_first_offset() {
    // (their values: tests/conformance.rs)
    let arena = Arena::new();
    let p = parse(r#"{"a": [1, NaN], "b": {"c": -Infinity}}"#, 64, &arena).unwrap();
    assert_eq!(p.constants, (2, 10));
    assert_eq!(parse("[1]", 64, &arena).unwrap().constants, (0, 0));
    // Other spellings stay errors, with the messages they had.
    for bad in ["nan", "infinity", "NaNa", "Infinit"] {
        assert!(parse(bad, 64, &arena).is_err(), "{bad}");
    }
    assert!(parse("-Inf", 64, &arena)
        .unwrap_err()
        .message
        .contains("digit"));
}

/// Documents parsed one after another on a thread share buffers through the pool (a dropped
/// document's buffers serve the next): each reads its own values, whether the one before is
/// still alive or dropped, and with strings unescaped into the kept buffer.
#[test]
fn documents_in_turn_read_their_own_values() {
    let texts = [
        r#"{"a":"x\ny","n":[1,2.5,3]}"#,
        r#"{"b":"p\"q","n":[4]}"#,
        r#"["\u00e9", 7, {"c":"\\"}]"#,
    ];
    let expect: Vec<String> = texts
        .iter()
        .map(|t| {
            serde_json::from_str::<serde_json::Value>(t)
                .unwrap()
                .to_string()
        })
        .collect();
    let show = |v: Value<'_>| to_serde(v).to_string();
    for round in 0..3 {
        // the first two alive at once, then each alone (its buffers back before the next)
        let (a1, a2) = (Arena::new(), Arena::new());
        let d1 = parse(texts[round % 3], 8, &a1).unwrap().value;
        let d2 = parse(texts[(round + 1) % 3], 8, &a2).unwrap().value;
        assert_eq!(show(d1), expect[round % 3]);
        assert_eq!(show(d2), expect[(round + 1) % 3]);
        for (t, e) in texts.iter().zip(&expect) {
            let a = Arena::new();
            let d = parse(t, 8, &a).unwrap().value;
            assert_eq!(&show(d), e);
        }
    }
}

/// One arena holds many documents (natively the first in its own slot, the rest in the
/// store), and each keeps its values while later ones are added.
#[test]
fn one_arena_keeps_every_document() {
    let texts = [
        r#"{"a":"x\ny"}"#,
        r#"[1,"p\"q"]"#,
        r#"{"b":[true,null]}"#,
        "7",
    ];
    let arena = Arena::new();
    let docs: Vec<Value<'_>> = texts
        .iter()
        .map(|t| parse(t, 8, &arena).unwrap().value)
        .collect();
    for (t, d) in texts.iter().zip(docs) {
        let want: serde_json::Value = serde_json::from_str(t).unwrap();
        assert_eq!(to_serde(d), want, "{t}");
    }
}

/// A tree as serde_json's (for comparing with its reading).
fn to_serde(v: Value<'_>) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => b.into(),
        Value::Number(n) if n.int => (n.value as i64).into(),
        Value::Number(n) => n.value.into(),
        Value::String(s) => s.into(),
        Value::Array(a) => a.iter().map(to_serde).collect(),
        Value::Object(o) => o
            .iter()
            .map(|(k, v)| (k.to_string(), to_serde(v)))
            .collect(),
    }
}

proptest::proptest! {
    /// Every number literal reads as `f64::from_str` reads it, bit for bit: the integer path
    /// (up to 18 digits) and the general parser, around the integer path's limit.
    #[test]
    fn numbers_read_as_from_str_does(
        neg in proptest::bool::ANY,
        int in "0|[1-9][0-9]{0,17}",
        fraction in proptest::option::of("[0-9]{1,18}"),
        exponent in proptest::option::of("[eE][+-]?[0-9]{1,3}"),
    ) {
        let literal = format!(
            "{}{int}{}{}",
            if neg { "-" } else { "" },
            fraction.map(|f| format!(".{f}")).unwrap_or_default(),
            exponent.unwrap_or_default()
        );
        let text = leak(&format!("[{literal}]"));
        let doc = parse(text, 8, arena()).unwrap();
        let got = doc.value.as_array().unwrap().get(0).unwrap().as_f64().unwrap();
        let want: f64 = literal.parse().unwrap();
        proptest::prop_assert_eq!(got.to_bits(), want.to_bits(), "{}", literal);
    }
}

#[test]
fn decimals_read_exactly() {
    for literal in [
        "0.2",
        "-0.0",
        "0.1",
        "0.30000000000000004",
        "9999999999999.99",
        "99999999999999.9",
        "0.000000000000001",
        "1.000000000000001",
        "-123456789012.345",
        "4503599627370.497",
        "0.95",
        "1.5",
        "-2.0",
    ] {
        let text = leak(&format!("[{literal}]"));
        let doc = parse(text, 8, arena()).unwrap();
        let got = doc
            .value
            .as_array()
            .unwrap()
            .get(0)
            .unwrap()
            .as_f64()
            .unwrap();
        assert_eq!(
            got.to_bits(),
            literal.parse::<f64>().unwrap().to_bits(),
            "{literal}"
        );
    }
}

#[test]
fn line_cols_answers_as_line_col_does_for_every_offset() {
    let text = "{\"a\": \"é\u{1F600}x\",\n  \"b\": [1,\r\n 2]}\n\nzé";
    let offsets: Vec<usize> = (0..=text.len() + 2).rev().collect();
    let got = crate::line_cols(text, &offsets);
    for (&off, &lc) in offsets.iter().zip(&got) {
        assert_eq!(lc, crate::line_col(text, off), "offset {off}");
    }
    assert!(crate::line_cols(text, &[]).is_empty());
    assert_eq!(crate::line_cols("", &[0, 5]), vec![(1, 1), (1, 1)]);
}

/// `Object::len` counts every entry (a repeated key each time) by stepping over the nodes, and
/// `Object::has_string` tells a string from its node: neither unescapes an escaped string.
#[test]
fn object_len_and_has_string_read_nodes_only() {
    // (text, entries, whether each key has a string value)
    type Case = (&'static str, usize, &'static [(&'static str, bool)]);
    let cases: [Case; 5] = [
        ("{}", 0, &[("a", false)]),
        (
            r#"{"a":"x\ny","b":[1,{"c":2}],"a":3}"#,
            3,
            &[("a", false), ("b", false)],
        ),
        (
            r#"{"a":"x\ny","b":{"c":"d"}}"#,
            2,
            &[("a", true), ("b", false), ("c", false)],
        ),
        (
            r#"{"t":"plain","n":null,"f":1.5}"#,
            3,
            &[("t", true), ("n", false), ("f", false)],
        ),
        (r#"{"key":"v\u0065"}"#, 1, &[("key", true)]),
    ];
    for (text, len, strings) in cases {
        let v = p(text).unwrap();
        let o = v.as_object().unwrap();
        assert_eq!(o.len(), len, "{text}");
        for &(key, string) in strings {
            assert_eq!(o.has_string(key), string, "{text} {key}");
        }
        // (no value was unescaped to answer; the keys here have no escapes)
        assert!(o.tape().lazy.iter().all(|l| !l.is_unescaped()), "{text}");
        assert_eq!(o.len(), o.entries().count(), "{text}");
        for &(key, string) in strings {
            assert_eq!(
                o.get(key).is_some_and(Value::is_string),
                string,
                "{text} {key}"
            );
        }
    }
}
