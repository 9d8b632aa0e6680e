//! Stream accumulation: `MessageOutputEvent`s → the `MessageOutput` they describe, as it grows
//! and at the end, with every ordering problem reported as an issue (never a panic).
//!
//! The message is kept as JSON (the accumulator's own small JSON type, objects in arrival order) so
//! that unknown fields, block types and events pass through unchanged;
//! [`Accumulator::message`] gives it at any time as a `serde_json::Value`,
//! [`Accumulator::message_json`] as JSON text.

use serde_json::Value;
use zylon_json::StrMap;

use crate::check::{Code, Issue, Severity};

use super::json::{list_to_text, obj_to_map, Json, Obj};
use super::sse::{SseDecoder, SseEvent};

/// Events → message.
#[derive(Debug, Default)]
pub struct Accumulator {
    message: Obj,
    /// block_id → index in `content`, for every block started (with a `block_id`).
    blocks: StrMap<String>,
    /// Whether each block of `blocks` is still open (not stopped).
    open: Vec<bool>,
    /// Partial JSON of tool_use inputs, by index in `content` (a list: the indices are the
    /// message's own, and a map of another type was another copy of the hash table code).
    partial_json: Vec<Option<String>>,
    started: bool,
    /// A real `message_start` was seen (not just implied by an early event).
    saw_start: bool,
    stopped: bool,
    events: usize,
    issues: Vec<Issue>,
    decoder: SseDecoder,
}

impl Accumulator {
    /// A new, empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feed raw `text/event-stream` bytes (any chunking); returns the events decoded from them.
    pub fn push_bytes(&mut self, chunk: &[u8]) -> Vec<Value> {
        self.push_decoded(chunk)
            .iter()
            .map(Json::to_value)
            .collect()
    }

    /// Like [`Accumulator::push_bytes`], the events as a JSON array text (each event's keys in
    /// the order they were sent, numbers as written).
    pub fn push_bytes_json(&mut self, chunk: &[u8]) -> String {
        list_to_text(&self.push_decoded(chunk))
    }

    fn push_decoded(&mut self, chunk: &[u8]) -> Vec<Json> {
        let events = self.decoder.push(chunk);
        events
            .into_iter()
            .filter_map(|e| self.push_sse(&e))
            .collect()
    }

    /// Like [`Accumulator::push_bytes`], without handing the decoded events back (cheaper when
    /// only the message matters).
    pub fn feed(&mut self, chunk: &[u8]) {
        for e in self.decoder.push(chunk) {
            self.push_sse(&e);
        }
    }

    /// End of the byte stream: flush the decoder and check that the message was completed;
    /// returns the last events decoded.
    pub fn finish(&mut self) -> Vec<Value> {
        self.finish_decoded().iter().map(Json::to_value).collect()
    }

    /// Like [`Accumulator::finish`], the events as a JSON array text.
    pub fn finish_json(&mut self) -> String {
        list_to_text(&self.finish_decoded())
    }

    fn finish_decoded(&mut self) -> Vec<Json> {
        let (events, unterminated) = self.decoder.finish();
        if unterminated {
            self.issue(
                Severity::Warning,
                Code::StreamIncomplete,
                self.events,
                "the last event has no blank line after it; it is applied here, but a browser EventSource would drop it",
            );
        }
        let out: Vec<Json> = events.iter().filter_map(|e| self.push_sse(e)).collect();
        if self.decoder.invalid_utf8_lines > 0 {
            let n = self.decoder.invalid_utf8_lines;
            self.issue(
                Severity::Warning,
                Code::StreamSyntax,
                self.events,
                format!("{n} line(s) of the stream were not valid UTF-8"),
            );
        }
        if !self.stopped {
            let sev = if self.started {
                Severity::Warning
            } else {
                Severity::Error
            };
            let msg = if self.started {
                "the stream ended without `message_stop`"
            } else {
                "the stream holds no `message_start` event"
            };
            self.issue(sev, Code::StreamIncomplete, self.events, msg);
        }
        // Close blocks left open so their tool input is parsed.
        // (indices only, sorted as the order check sorts its own: no sort of another type)
        let mut open: Vec<usize> = (self.blocks.entries().iter().zip(&self.open))
            .filter(|(_, &open)| open)
            .map(|((_, ix), _)| *ix)
            .collect();
        open.sort_unstable();
        self.open.iter_mut().for_each(|o| *o = false);
        for ix in open {
            self.close_block(ix, self.events);
        }
        out
    }

    /// Decode one SSE event's data as a JSON event and apply it.
    fn push_sse(&mut self, e: &SseEvent) -> Option<Json> {
        let index = self.events;
        let data = e.data.trim();
        if data.is_empty() || data == "[DONE]" {
            if e.event.as_deref() == Some("done") || data == "[DONE]" {
                self.events += 1;
                return Some(Json::with(&[("type", Json::str("done"))]));
            }
            return None;
        }
        let mut v: Json = match super::data::parse(data) {
            Ok(v) => v,
            Err(err) => {
                self.events += 1;
                self.issue(
                    Severity::Error,
                    Code::StreamSyntax,
                    index,
                    format!("event data is not JSON: {err}"),
                );
                return None;
            }
        };
        if let (Some(name), Some(o)) = (&e.event, v.as_object_mut()) {
            if !o.contains_key("type") {
                o.insert("type", Json::str(name));
            }
        }
        self.apply(&v);
        Some(v)
    }

    /// Apply one decoded event (a `MessageOutputEvent` as JSON).
    pub fn push_event(&mut self, ev: &Value) {
        self.apply(&Json::from_value(ev));
    }

    fn apply(&mut self, ev: &Json) {
        let index = self.events;
        self.events += 1;
        let ty = ev.get("type").and_then(Json::as_str).unwrap_or("");
        if self.stopped && !matches!(ty, "ping" | "done") {
            self.issue(
                Severity::Error,
                Code::StreamOrder,
                index,
                format!("`{ty}` event after `message_stop`"),
            );
            return;
        }
        match ty {
            "message_start" => {
                if self.saw_start {
                    self.issue(
                        Severity::Error,
                        Code::StreamOrder,
                        index,
                        "a second `message_start`",
                    );
                }
                self.started = true;
                self.saw_start = true;
                if let Some(Json::Obj(m)) = ev.get("message") {
                    for (k, v) in m.iter() {
                        self.message.insert(k, v.clone());
                    }
                }
                self.message.slot("content", Json::array);
            }
            "content_block_start" | "content_block_synthetic" => {
                self.require_start(index, ty);
                let key = if ty == "content_block_start" {
                    "content_block"
                } else {
                    "block"
                };
                let Some(block) = ev.get(key).filter(|b| matches!(b, Json::Obj(_))) else {
                    self.issue(
                        Severity::Error,
                        Code::StreamEvent,
                        index,
                        format!("`{ty}` without a `{key}` object"),
                    );
                    return;
                };
                let ix = self.push_block(block.clone());
                match ev.get("block_id").and_then(Json::as_str) {
                    Some(id) => match self.blocks.insert_new(id.to_string(), ix) {
                        Ok(_) => self.open.push(ty == "content_block_start"),
                        Err(_) => self.issue(
                            Severity::Error,
                            Code::StreamOrder,
                            index,
                            format!("block `{id}` started twice"),
                        ),
                    },
                    None => self.issue(
                        Severity::Warning,
                        Code::StreamEvent,
                        index,
                        format!("`{ty}` without `block_id`"),
                    ),
                }
            }
            "content_block_delta" => {
                self.require_start(index, ty);
                let delta = ev.get("delta").cloned().unwrap_or(Json::Null);
                let ix = match ev.get("block_id").and_then(Json::as_str) {
                    Some(id) => match self.blocks.position(id) {
                        Some(at) if self.open[at] => self.blocks.entries()[at].1,
                        Some(_) => {
                            self.issue(
                                Severity::Error,
                                Code::StreamOrder,
                                index,
                                format!("delta for block `{id}` after its `content_block_stop`"),
                            );
                            return;
                        }
                        None => {
                            self.issue(
                                Severity::Error,
                                Code::StreamOrder,
                                index,
                                format!("delta for block `{id}`, which was never started"),
                            );
                            return;
                        }
                    },
                    None => {
                        // The Workspace docs' example stream sends deltas without a block_id and
                        // without a start event: extend the last block, or start one.
                        self.issue(
                            Severity::Warning,
                            Code::StreamEvent,
                            index,
                            "`content_block_delta` without `block_id`: applied to the last block",
                        );
                        match self.content_len() {
                            0 => self.push_block(implicit_block(&delta)),
                            n => n - 1,
                        }
                    }
                };
                self.apply_delta(ix, &delta, index);
            }
            "content_block_stop" => match ev.get("block_id").and_then(Json::as_str) {
                Some(id) => match self.blocks.position(id) {
                    Some(at) if self.open[at] => {
                        self.open[at] = false;
                        let ix = self.blocks.entries()[at].1;
                        if let Some(ts) = ev.get("stop_timestamp") {
                            if let Some(b) = self.block_mut(ix) {
                                b.insert("stop_timestamp", ts.clone());
                            }
                        }
                        self.close_block(ix, index);
                    }
                    Some(_) => {
                        self.issue(
                            Severity::Error,
                            Code::StreamOrder,
                            index,
                            format!("block `{id}` stopped twice"),
                        );
                    }
                    None => {
                        self.issue(
                            Severity::Error,
                            Code::StreamOrder,
                            index,
                            format!("stop for block `{id}`, which was never started"),
                        );
                    }
                },
                None => self.issue(
                    Severity::Warning,
                    Code::StreamEvent,
                    index,
                    "`content_block_stop` without `block_id`",
                ),
            },
            "message_delta" => {
                self.require_start(index, ty);
                if let Some(Json::Obj(d)) = ev.get("delta") {
                    for (k, v) in d.iter() {
                        match (k, v) {
                            ("content", Json::Arr(blocks)) => {
                                for b in blocks {
                                    self.push_block(b.clone());
                                }
                            }
                            ("usage", Json::Obj(u)) => {
                                let usage = self.message.slot("usage", Json::object);
                                if let Some(m) = usage.as_object_mut() {
                                    for (uk, uv) in u.iter() {
                                        m.insert(uk, uv.clone());
                                    }
                                }
                            }
                            (_, Json::Null) => {}
                            _ => {
                                self.message.insert(k, v.clone());
                            }
                        }
                    }
                }
            }
            "message_stop" => {
                self.require_start(index, ty);
                self.stopped = true;
            }
            "error" => {
                let detail = ev.get("error").cloned().unwrap_or_else(|| {
                    Json::with(&[
                        ("type", Json::str("error")),
                        ("message", Json::str("unknown error")),
                    ])
                });
                let text = detail
                    .get("message")
                    .and_then(Json::as_str)
                    .unwrap_or("unknown error")
                    .to_string();
                let errors = self.message.slot("errors", Json::array);
                if let Some(a) = errors.as_array_mut() {
                    a.push(detail);
                }
                self.issue(
                    Severity::Error,
                    Code::StreamErrorEvent,
                    index,
                    format!(
                        "the server sent an error: {}",
                        crate::check::short_text(&text, 200)
                    ),
                );
            }
            "ping" | "done" => {}
            other => {
                let name = if other.is_empty() {
                    "(no type)".to_string()
                } else {
                    format!("`{}`", crate::check::short_text(other, 40))
                };
                self.issue(
                    Severity::Warning,
                    Code::StreamUnknownEvent,
                    index,
                    format!("unknown event {name} kept but not applied"),
                );
            }
        }
    }

    /// The message as accumulated so far (a `MessageOutput` as JSON).
    pub fn message(&self) -> Value {
        Value::Object(obj_to_map(&self.message))
    }

    /// The message as accumulated so far, as compact JSON text: its keys in the order the
    /// stream sent them, numbers as written.
    pub fn message_json(&self) -> String {
        let mut out = String::new();
        self.message.write(&mut out);
        out
    }

    /// Everything accumulated, as the JSON text `{"message": ..., "issues": [...], "events": N}`
    /// (what [`decode_to_json`] returns, and the CLI's `stream --format json` prints).
    pub fn result_json(&self) -> String {
        format!(
            "{{\"message\":{},\"issues\":{},\"events\":{}}}",
            self.message_json(),
            Issue::list_to_json(self.issues()),
            self.event_count()
        )
    }

    /// Number of events seen.
    pub fn event_count(&self) -> usize {
        self.events
    }

    /// Problems found so far.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// Whether `message_stop` was seen.
    pub fn is_complete(&self) -> bool {
        self.stopped
    }

    fn issue(&mut self, sev: Severity, code: Code, index: usize, message: impl Into<String>) {
        self.issues.push(Issue {
            severity: sev,
            code,
            path: format!("/events/{index}"),
            message: message.into(),
            hint: None,
            docs: code.docs_path(),
            span: None,
            suggestion: None,
        });
    }

    fn require_start(&mut self, index: usize, ty: &str) {
        if !self.started {
            self.issue(
                Severity::Warning,
                Code::StreamOrder,
                index,
                format!("`{ty}` before `message_start`"),
            );
            self.started = true;
            self.message.slot("content", Json::array);
        }
    }

    fn content_len(&self) -> usize {
        match self.message.get("content") {
            Some(Json::Arr(a)) => a.len(),
            _ => 0,
        }
    }

    fn push_block(&mut self, block: Json) -> usize {
        let content = self.message.slot("content", Json::array);
        if !matches!(content, Json::Arr(_)) {
            *content = Json::array();
        }
        match content {
            Json::Arr(a) => {
                a.push(block);
                a.len() - 1
            }
            _ => 0,
        }
    }

    fn block_mut(&mut self, ix: usize) -> Option<&mut Obj> {
        self.message
            .get_mut("content")?
            .as_array_mut()?
            .get_mut(ix)?
            .as_object_mut()
    }

    fn apply_delta(&mut self, ix: usize, delta: &Json, index: usize) {
        let kind = delta.get("type").and_then(Json::as_str).unwrap_or("");
        let mut partial = None;
        let mut unknown = false;
        if let Some(b) = self.block_mut(ix) {
            let mut append = |key: &str, text: Option<&Json>| {
                if let Some(t) = text.and_then(Json::as_str) {
                    let cur = b.slot(key, || Json::str(""));
                    match cur {
                        Json::Str(s) => s.push_str(t),
                        other => *other = Json::str(t),
                    }
                }
            };
            match kind {
                "text_delta" => append("text", delta.get("text")),
                "thinking_delta" => append("thinking", delta.get("thinking")),
                "input_json_delta" => {
                    if let Some(p) = delta.get("partial_json").and_then(Json::as_str) {
                        partial = Some(p.to_string());
                    } else if let Some(Json::Obj(o)) = delta.get("partial_json_obj") {
                        b.insert("input", Json::Obj(o.clone()));
                    }
                }
                _ => {}
            }
            for (key, list) in [("citations", "citations"), ("sources", "sources")] {
                if matches!(kind, "text_delta" | "thinking_delta" | "source_delta") {
                    if let Some(Json::Arr(items)) = delta.get(list) {
                        let cur = b.slot(key, Json::array);
                        if let Some(a) = cur.as_array_mut() {
                            a.extend(items.iter().cloned());
                        }
                    }
                }
            }
            match kind {
                "tldr_delta" => {
                    if let Some(t) = delta.get("tldr") {
                        let cur = b.slot("content", Json::array);
                        if let Some(a) = cur.as_array_mut() {
                            a.push(t.clone());
                        }
                    }
                }
                "text_delta" | "thinking_delta" | "input_json_delta" | "source_delta" => {}
                _ => unknown = true,
            }
        }
        if let Some(p) = partial {
            if self.partial_json.len() <= ix {
                self.partial_json.resize(ix + 1, None);
            }
            self.partial_json[ix]
                .get_or_insert_with(String::new)
                .push_str(&p);
        }
        if unknown {
            let name = if kind.is_empty() {
                "(no type)".to_string()
            } else {
                format!("`{}`", crate::check::short_text(kind, 40))
            };
            self.issue(
                Severity::Warning,
                Code::StreamUnknownEvent,
                index,
                format!("unknown delta {name} ignored"),
            );
        }
    }

    /// At `content_block_stop`: parse the accumulated tool input JSON.
    fn close_block(&mut self, ix: usize, index: usize) {
        let Some(buf) = self.partial_json.get_mut(ix).and_then(Option::take) else {
            return;
        };
        let parsed = if buf.trim().is_empty() {
            Ok(Json::object())
        } else {
            super::data::parse(&buf)
        };
        match parsed {
            Ok(v) => {
                if let Some(b) = self.block_mut(ix) {
                    b.insert("input", v);
                }
            }
            Err(e) => self.issue(
                Severity::Error,
                Code::StreamInputJson,
                index,
                format!("the tool input streamed for content block {ix} is not valid JSON: {e}"),
            ),
        }
    }
}

/// The block a delta implies when no block was started.
fn implicit_block(delta: &Json) -> Json {
    let (ty, key, empty) = match delta.get("type").and_then(Json::as_str) {
        Some("thinking_delta") => ("thinking", "thinking", Json::str("")),
        Some("input_json_delta") => ("tool_use", "input", Json::object()),
        Some("source_delta") => ("source", "sources", Json::array()),
        Some("tldr_delta") => ("tldr", "content", Json::array()),
        _ => ("text", "text", Json::str("")),
    };
    Json::with(&[("type", Json::str(ty)), (key, empty)])
}

/// Decode and accumulate a whole captured stream.
pub fn accumulate(bytes: &[u8]) -> Accumulator {
    let mut acc = Accumulator::new();
    acc.feed(bytes);
    acc.finish_decoded();
    acc
}

/// A whole captured stream decoded, as the JSON text `{"message": ..., "issues": [...],
/// "events": N}` (what the npm and Python packages' `decodeStream`/`decode_stream` return).
///
/// ```
/// let out = zylon_schema::stream::decode_to_json(b"data: {\"type\":\"message_stop\"}\n\n");
/// let v: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(v["events"], 1);
/// assert_eq!(v["issues"][0]["code"], "stream.order"); // no message_start before it
/// ```
pub fn decode_to_json(bytes: &[u8]) -> String {
    accumulate(bytes).result_json()
}
