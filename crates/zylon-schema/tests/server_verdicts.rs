//! Replays verdicts of the chat server's own request path, recorded with the server oracle of
//! the project's development documents: `tests/server_verdicts/pgpt-blocks.jsonl`, written by
//! `scripts/sweep_pgpt_blocks.py` (every field of the server's own block types, at any depth,
//! left out or set to values of other types), and `tests/server_verdicts/sweep.jsonl`, written
//! by `scripts/oracle_diff.py --record` (every field and item of every fixture and example the
//! server accepts, left out and set to values of other types and to wrong values of the right
//! type, on both endpoints), and `tests/server_verdicts/grammar.jsonl`, written by
//! `scripts/oracle_diff.py --grammar --record` (value forms in the places that read them). The
//! validator must give the server's verdict on each: an error where the server rejects the
//! body, none where it accepts it.

use serde_json::{json, Value};
use zylon_schema::{is_valid_str, validate_value, Endpoint, Kind, Options};

/// The body the sweep built around a block (`body` in `scripts/sweep_pgpt_blocks.py`).
fn body(place: &str, block: &Value) -> Value {
    let user = |content: Value| json!({"role": "user", "content": content});
    let text = |t: &str| json!({"type": "text", "text": t});
    let used = json!({"type": "server_tool_use", "id": "srv_1", "name": "web_search", "input": {}});
    let (assistant, last) = match place {
        "use" => (
            json!([block]),
            json!([{"type": "server_tool_result", "tool_use_id": "srv_1", "content": "r"}, text("next")]),
        ),
        "result" => (json!([used]), json!([block, text("next")])),
        _ => (json!([text("a")]), json!([block, text("next")])),
    };
    json!({"messages": [user(json!([text("q")])), {"role": "assistant", "content": assistant}, user(last)]})
}

#[test]
fn the_servers_verdicts_on_its_own_block_types() {
    let text = include_str!("server_verdicts/pgpt-blocks.jsonl");
    let mut tally = Tally::default();
    for line in text.lines() {
        let case: Value = serde_json::from_str(line).expect("a JSON line");
        let b = body(case["place"].as_str().unwrap(), &case["block"]);
        let report = validate_value(&b, Kind::Chat, &Options::default());
        let verdict = if case["server"] == "accept" { 'a' } else { 'r' };
        tally.judge(&report, verdict, &[], |ours| {
            format!(
                "{}: the server says {} ({}), we say {ours:?}",
                case["name"], case["server"], case["error"]
            )
        });
    }
    tally.all_given(&[300, 2000]);
}

/// Our errors, as `code at path`.
fn errors_of(report: &zylon_schema::Report) -> Vec<String> {
    report
        .errors
        .iter()
        .map(|i| format!("{} at {}", i.code.as_str(), i.path))
        .collect()
}

/// The strings of the head line's list `key` (the corpus files' `cited` codes, `places`).
fn strings<'h>(head: &'h Value, key: &str) -> Vec<&'h str> {
    head[key]
        .as_array()
        .unwrap_or_else(|| panic!("a head line with `{key}`"))
        .iter()
        .filter_map(Value::as_str)
        .collect()
}

/// Whether `report` gives the recorded verdict: `a` accepted, `r` rejected, `s` rejected where
/// the Workspace docs endorse the body (a warning of a `cited` code, no error).
fn gives(report: &zylon_schema::Report, verdict: char, cited: &[&str]) -> bool {
    match verdict {
        'a' => report.is_valid(),
        'r' => !report.is_valid(),
        's' => {
            report.is_valid()
                && report
                    .warnings
                    .iter()
                    .any(|w| cited.contains(&w.code.as_str()))
        }
        other => panic!("unknown verdict {other}"),
    }
}

/// A replay's verdicts so far: how many bodies the server accepted, rejected and
/// soft-accepted (`a`, `r`, `s`), and where we differ.
#[derive(Default)]
struct Tally {
    counts: [usize; 3],
    wrong: Vec<String>,
}

impl Tally {
    /// Count the server's `verdict` on a body, and note `describe(our errors)` when `report`
    /// does not give it.
    fn judge(
        &mut self,
        report: &zylon_schema::Report,
        verdict: char,
        cited: &[&str],
        describe: impl FnOnce(Vec<String>) -> String,
    ) {
        self.counts[usize::from(verdict != 'a') + usize::from(verdict == 's')] += 1;
        if !gives(report, verdict, cited) {
            self.wrong.push(describe(errors_of(report)));
        }
    }

    /// The end of a replay: the corpus holds more than `least` accepted, rejected and (where
    /// the list names them) cited soft-accepted bodies, none of a kind it leaves out (a
    /// truncated file fails here), and no verdict is wrong.
    fn all_given(&self, least: &[usize]) {
        let (counts, rest) = self.counts.split_at(least.len());
        assert!(
            counts.iter().zip(least).all(|(n, l)| n > l) && rest.iter().all(|&n| n == 0),
            "accepted, rejected, cited soft accepts: {:?}, fewer than {least:?}",
            self.counts
        );
        assert!(
            self.wrong.is_empty(),
            "{} of {} verdicts differ:\n{}",
            self.wrong.len(),
            self.counts.iter().sum::<usize>(),
            self.wrong[..self.wrong.len().min(20)].join("\n")
        );
    }
}

/// `seed` with the value at `pointer` left out (`value` `None`) or replaced.
fn mutated(seed: &Value, pointer: &str, value: Option<&Value>) -> Value {
    let mut body = seed.clone();
    let (parent, last) = pointer.rsplit_once('/').expect("a pointer below the root");
    let last = last.replace("~1", "/").replace("~0", "~");
    let holder = body
        .pointer_mut(parent)
        .expect("the pointer's parent is in the seed");
    match (holder, value) {
        (Value::Object(o), None) => {
            o.remove(&last);
        }
        (Value::Object(o), Some(v)) => {
            o.insert(last, v.clone());
        }
        (Value::Array(a), Some(v)) => {
            a[last.parse::<usize>().expect("an index")] = v.clone();
        }
        (h, v) => panic!("cannot apply {v:?} at {pointer} in {h}"),
    }
    body
}

#[test]
fn the_servers_verdicts_on_every_field_of_the_fixtures() {
    let text = include_str!("server_verdicts/sweep.jsonl");
    let mut lines = text.lines();
    let head: Value = serde_json::from_str(lines.next().expect("a head line")).expect("JSON");
    let values = head["values"].as_array().expect("values");
    let cited = strings(&head, "cited");
    let endpoints = [Endpoint::Validate, Endpoint::Chat];
    let mut tally = Tally::default();
    for line in lines {
        let line: Value = serde_json::from_str(line).expect("a JSON line");
        let cases = line["cases"].as_object().expect("cases by pointer");
        for (pointer, case) in cases.iter().flat_map(|(p, cs)| {
            cs.as_str()
                .expect("cases")
                .split(' ')
                .map(move |c| (p.as_str(), c))
        }) {
            // `VALUE VERDICTS`: an index into `values` (-1: left out), a letter per endpoint
            let split = case.len() - endpoints.len();
            let (index, verdicts) = case.split_at(split);
            let value = usize::try_from(index.parse::<i64>().expect("a value index"))
                .ok()
                .map(|i| &values[i]);
            let body = mutated(&line["seed"], pointer, value);
            for (endpoint, verdict) in endpoints.iter().zip(verdicts.chars()) {
                let options = Options {
                    endpoint: *endpoint,
                    ..Options::default()
                };
                let report = validate_value(&body, Kind::Chat, &options);
                // the verdict fast path, on the body's text, answers as the report
                assert_eq!(
                    is_valid_str(&body.to_string(), Kind::Chat, &options),
                    report.valid,
                    "is_valid on {body} ({})",
                    endpoint.as_str()
                );
                tally.judge(&report, verdict, &cited, |ours| {
                    format!(
                        "{pointer} set to {} in {} ({}): the server says {verdict}, we say {ours:?}",
                        value.map_or("(left out)".to_string(), Value::to_string),
                        serde_json::to_string(&line["seed"]).unwrap_or_default(),
                        endpoint.as_str(),
                    )
                });
            }
        }
    }
    tally.all_given(&[10_000, 30_000, 100]);
}

#[test]
fn the_servers_verdicts_on_value_forms() {
    // `scripts/oracle_diff.py --grammar --record`: how the server reads values (numbers at
    // ±2^63 and as strings with every kind of white space, dates, booleans, base64, `data:` and
    // URL payloads, blank texts; names and ids of tools, tool calls and MCP servers, MCP URLs,
    // enum words, JSON Schemas, media types), each value's text put in each place that reads it.
    let text = include_str!("server_verdicts/grammar.jsonl");
    let mut lines = text.lines();
    let head: Value = serde_json::from_str(lines.next().expect("a head line")).expect("JSON");
    let (places, cited) = (strings(&head, "places"), strings(&head, "cited"));
    let mut tally = Tally::default();
    for line in lines {
        let row: (usize, String, char) = serde_json::from_str(line).expect("a JSON line");
        let (place, value, verdict) = row;
        let body = places[place].replace("@V@", &value);
        let report = zylon_schema::validate_str(&body, Kind::Chat, &Options::default());
        assert_eq!(
            is_valid_str(&body, Kind::Chat, &Options::default()),
            report.valid,
            "is_valid on {body}"
        );
        tally.judge(&report, verdict, &cited, |ours| {
            format!(
                "{value} in {}: the server says {verdict}, we say {ours:?}",
                places[place]
            )
        });
    }
    tally.all_given(&[500, 400, 20]);
}

#[test]
fn the_servers_verdicts_on_tldr_summaries_around_equal_user_messages() {
    // `scripts/record_tldr_order.py`: the server's tldr reordering takes messages out of its
    // list by value, so which message goes depends on which user messages are equal (the same
    // texts, as strings, text blocks or strings merged). The first rows are the bodies on which
    // the validator of c02d31f, which told every user message apart, disagreed with the server.
    let text = include_str!("server_verdicts/tldr-order.jsonl");
    let mut lines = text.lines();
    let head: Value = serde_json::from_str(lines.next().expect("a head line")).expect("JSON");
    let kept = head["kept"].as_array().map_or(0, Vec::len);
    let mut tally = Tally::default();
    for (row, line) in lines.enumerate() {
        let (body, verdict): (Value, char) = serde_json::from_str(line).expect("a JSON line");
        let report = validate_value(&body, Kind::Chat, &Options::default());
        tally.judge(&report, verdict, &[], |ours| {
            let kept = if row < kept { " (kept)" } else { "" };
            format!("row {row}{kept}: the server says {verdict}, we say {ours:?}: {body}")
        });
    }
    assert_eq!(kept, 13, "the head line lists the kept bodies");
    // (no row is a cited soft accept)
    tally.all_given(&[150, 150]);
}

#[test]
fn a_tool_use_caller_is_said_to_be_rejected_where_the_server_rejects_it() {
    // `caller` of a `tool_use` block (the server's `ToolCaller`; the Workspace API does not list
    // it): always a `field.server_only` warning (RULES.md 1.4), which says "the server would
    // reject" exactly where it does. Verdicts of the server oracle (`oracle.py --jsonl`,
    // 2026-12-03), on the body below with each `caller`.
    let cases = [
        (json!(9_223_372_036_854_775_807_i64), false),
        (Value::Null, true),
        (json!({"type": "direct"}), true),
        (json!({"type": "direct", "extra": 1}), true),
        (
            json!({"type": "code_execution_20250825", "tool_id": "abc"}),
            true,
        ),
        (json!({"type": "code_execution_20250825"}), false),
        (
            json!({"type": "code_execution_20260120", "tool_id": "a-b"}),
            false,
        ),
        (json!({"type": "x"}), false),
        (json!({}), false),
        (json!("direct"), false),
    ];
    for (caller, server_accepts) in cases {
        let body = json!({"messages": [
            {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_01A",
                "name": "lookup", "input": {}, "caller": caller}]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_01A",
                    "content": [{"type": "text", "text": "x"}]},
                {"type": "text", "text": "go on"}]}
        ]});
        let report = validate_value(&body, Kind::Chat, &Options::default());
        assert!(report.errors.is_empty(), "{caller}: {:?}", report.errors);
        let [w] = &report.warnings[..] else {
            panic!("{caller}: {:?}", report.warnings)
        };
        assert_eq!(
            (w.code.as_str(), w.path.as_str()),
            ("field.server_only", "/messages/0/content/0/caller"),
            "{caller}"
        );
        assert_eq!(
            w.message.contains("the server would reject"),
            !server_accepts,
            "{caller}: {}",
            w.message
        );
    }
}

#[test]
fn server_only_request_and_tool_fields_say_when_the_server_rejects_them() {
    // `container` and `inference_geo` of the request (`str | None`), `defer_loading` (its alias
    // `deferLoading`, read first) and `instructions` of a tool the server validates as a client
    // tool (`ToolSpecBody`; a built-in tool drops them unread), and `system`'s server-only
    // fields (helper review, 2026-12-03): where the server rejects
    // the body, an error or a warning that says "the server would reject"; where it accepts it,
    // neither. Verdicts of the server oracle (`oracle.py --jsonl`, 2026-12-03).
    let custom = json!({"name": "lookup", "description": "Look up an order",
        "inputSchema": {"type": "object", "properties": {"id": {"type": "string"}}}});
    let builtin = json!({"name": "web_search", "type": "web_search_v1"});
    let bash = json!({"type": "bash_20250124", "name": "bash"});
    let tool = |base: &Value, extra: Value| {
        let mut t = base.clone();
        t.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        json!({"tools": [t]})
    };
    let cases = [
        (tool(&custom, json!({"defer_loading": "x"})), false),
        (tool(&custom, json!({"defer_loading": null})), false),
        (tool(&custom, json!({"defer_loading": "true"})), true),
        (tool(&custom, json!({"defer_loading": 1})), true),
        (tool(&custom, json!({"defer_loading": 2})), false),
        (tool(&custom, json!({"instructions": 5})), false),
        (tool(&custom, json!({"instructions": null})), true),
        (tool(&custom, json!({"instructions": "do"})), true),
        (tool(&custom, json!({"deferLoading": "x"})), false),
        (tool(&custom, json!({"deferLoading": true})), true),
        (
            tool(&custom, json!({"defer_loading": true, "deferLoading": "x"})),
            false,
        ),
        (
            tool(&custom, json!({"defer_loading": "x", "deferLoading": true})),
            true,
        ),
        (
            tool(
                &custom,
                json!({"defer_loading": null, "deferLoading": true}),
            ),
            true,
        ),
        (tool(&custom, json!({"deferLoading": null})), false),
        (tool(&bash, json!({"deferLoading": "x"})), false),
        (
            tool(&bash, json!({"defer_loading": null, "deferLoading": true})),
            true,
        ),
        (tool(&builtin, json!({"defer_loading": "x"})), true),
        (tool(&builtin, json!({"deferLoading": null})), true),
        (tool(&builtin, json!({"instructions": 5})), true),
        (json!({"container": 5}), false),
        (json!({"container": null}), true),
        (json!({"container": "c"}), true),
        (json!({"inference_geo": []}), false),
        (json!({"inference_geo": null}), true),
        // the server's camelCase aliases of `tool_choice`, `output_config` and `cache_control`,
        // read when the field itself is absent: server-only (values the server takes; the
        // value of `toolChoice` is checked by the `tool_choice` rules, as warnings that say
        // when the server would reject it; it is ignored where `tool_choice` is there)
        (json!({"toolChoice": {"type": "auto"}}), true),
        (
            json!({"tool_choice": {"type": "auto"}, "toolChoice": 5}),
            true,
        ),
        (json!({"toolChoice": 5}), false),
        (json!({"toolChoice": null}), false),
        (json!({"toolChoice": {"type": "bogus"}}), false),
        (
            json!({"toolChoice": {"type": "tool", "name": "lookup"}}),
            true,
        ),
        (
            json!({"toolChoice": {"type": "tool", "name": "nope"}}),
            true,
        ),
        (json!({"outputConfig": {"effort": "low"}}), true),
        (json!({"cacheControl": {"type": "ephemeral"}}), true),
        (json!({"outputConfig": {"effort": "huge"}}), false),
        (json!({"outputConfig": null}), false),
        (json!({"cacheControl": 5}), false),
        (
            json!({"cacheControl": {"type": "ephemeral", "ttl": "2h"}}),
            false,
        ),
        (
            json!({"output_config": {"effort": "low"}, "outputConfig": {"effort": "huge"}}),
            true,
        ),
        (json!({"cache_control": null, "cacheControl": 5}), true),
        // `system`'s server-only fields: `type` (ignored), `blob_visibility`, `prompt` (the
        // flags of `PromptConfig`, booleans not `null`; other keys ignored)
        (json!({"system": {"text": "s", "type": "x"}}), true),
        (
            json!({"system": {"text": "s", "blob_visibility": null}}),
            false,
        ),
        (
            json!({"system": {"text": "s", "prompt": {"tools": null}}}),
            false,
        ),
        (json!({"system": {"text": "s", "prompt": {"a": "x"}}}), true),
        (
            json!({"system": {"text": "s", "prompt": {"skills": "yes"}}}),
            true,
        ),
        (
            json!({"system": {"text": "s", "prompt": {"code_execution": 2}}}),
            false,
        ),
    ];
    for (extra, server_accepts) in cases {
        let mut body = json!({"messages": [{"role": "user",
            "content": [{"type": "text", "text": "What changed this week?"}]}]});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let report = validate_value(&body, Kind::Chat, &Options::default());
        let said = !report.errors.is_empty()
            || report
                .warnings
                .iter()
                .any(|w| w.message.contains("the server would reject"));
        assert_eq!(said, !server_accepts, "{extra}: {report:?}");
        // one issue of a code at a path
        let mut seen: Vec<(&str, &str)> = report
            .errors
            .iter()
            .chain(&report.warnings)
            .map(|i| (i.code.as_str(), i.path.as_str()))
            .collect();
        let all = seen.len();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), all, "{extra}: {report:?}");
        // each request field is named: a warning at its path
        for (key, _) in extra.as_object().unwrap() {
            if [
                "container",
                "inference_geo",
                "toolChoice",
                "outputConfig",
                "cacheControl",
            ]
            .contains(&key.as_str())
            {
                assert!(
                    report
                        .warnings
                        .iter()
                        .any(|w| w.path == format!("/{key}")
                            && w.code.as_str() == "field.server_only"),
                    "{extra}: {report:?}"
                );
            }
        }
    }
}
