//! WebAssembly bindings: thin translations over the `zylon-schema` core, no rules of their own.
//!
//! Functions take and return text, which keeps `u64` and maps out of JS: a body is written by JS
//! straight into the input buffer (`inputBuffer`, then `validateInput`/`validateInputUtf16`),
//! reports for the wrapper come in the compact format of `wire.rs`, everything else as JSON
//! text. The JS wrapper in `pkg-js/` reads the results and adds the object-input path and the
//! builders.
#![forbid(unsafe_code)]

use wasm_bindgen::prelude::*;

/// The module's allocator: talc instead of the standard library's dlmalloc (single-threaded
/// WebAssembly: the module has no threads).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
use zylon_schema::{Kind, Options, Report};

mod wire;

/// Options as JSON (`{"kind": "...", "strict": bool, "spans": bool, "profile": {...}}`), read
/// by the core; the kind is `None` for `auto` (the default). Bad options become a report issue,
/// not an exception.
fn options(json: &str) -> Result<(Option<Kind>, Options), String> {
    zylon_schema::check::options::from_json(json)
}

fn usage_report(message: String) -> Report {
    let issue = zylon_schema::Issue {
        severity: zylon_schema::Severity::Error,
        code: zylon_schema::Code::FieldType,
        path: String::new(),
        message,
        hint: None,
        docs: zylon_schema::Code::FieldType.docs_path(),
        span: None,
        suggestion: None,
    };
    Report {
        valid: false,
        errors: vec![issue],
        warnings: Vec::new(),
        summary: zylon_schema::Summary {
            error_count: 1,
            ..Default::default()
        },
    }
}

thread_local! {
    /// The input buffer JS writes a body into (`inputBuffer` + `TextEncoder.encodeInto`) before
    /// `validateInput`: one native UTF-8 encode straight into wasm memory, instead of
    /// wasm-bindgen's string passing, whose JS loop copies ASCII one character at a time
    /// (measured: 10% of a call on 2 KB bodies, more on megabytes).
    static INPUT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The UTF-8 text transcoded from a UTF-16 input, kept like the input buffer.
    static TEXT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Buffers up to this size are kept for the next call; larger ones go back to the allocator.
/// (Linear memory never shrinks, so keeping a buffer costs no memory the module does not already
/// hold; releasing one every call cost a fresh zeroed allocation per call: measured 2 MB of
/// zeroing per 1 MB chat body.)
const KEEP_INPUT: usize = 64 << 20;

/// Make the input buffer at least `len` bytes long, keeping its first bytes (JS grows it while
/// encoding a string with non-ASCII characters); returns its address in wasm memory.
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(len: usize) -> usize {
    INPUT.with(|b| {
        let mut b = b.borrow_mut();
        if b.len() < len {
            if b.is_empty() {
                // Fresh zeroed memory: no fill pass over megabytes that JS overwrites anyway.
                *b = vec![0; len];
            } else {
                b.resize(len, 0);
            }
        }
        b.as_ptr() as usize
    })
}

/// The module's memory, for writing into the input buffer.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Release a buffer when it is large; small ones are kept for the next call.
fn release<T: Default>(capacity: usize, b: &mut T) {
    if capacity > KEEP_INPUT {
        *b = T::default();
    }
}

/// Validate the first `len` bytes of the input buffer (UTF-8 JSON written by JS, or bytes as
/// `validateBytes` reads them); returns the report in the compact format of `wire.rs`, or with
/// `verdict` the verdict alone by the core's fast path (`is_valid_*`): `"1"` valid, `"0"` not
/// (options the core cannot read: `"0"`, as their report has an error). One export for both:
/// a second set of exports cost the module 0.7 KB gzip.
#[wasm_bindgen(js_name = validateInput)]
pub fn validate_input(len: usize, options_json: &str, verdict: bool) -> String {
    INPUT.with(|b| {
        let mut b = b.borrow_mut();
        let out = validate_for_js(b.get(..len).unwrap_or(&b[..]), options_json, verdict);
        release(b.capacity(), &mut *b);
        out
    })
}

/// The text of a verdict (see `validateInput`).
fn verdict_text(valid: bool) -> String {
    String::from(if valid { "1" } else { "0" })
}

/// Validate the first `units` UTF-16 code units of the input buffer (a JS string written as
/// UTF-16LE, which Node does at copy speed); transcoded to UTF-8 here, lone surrogates becoming
/// U+FFFD as with `TextEncoder`. Returns the report in the compact format of `wire.rs`.
/// `verdict`: as for `validateInput`.
#[wasm_bindgen(js_name = validateInputUtf16)]
pub fn validate_input_utf16(units: usize, options_json: &str, verdict: bool) -> String {
    INPUT.with(|b| {
        TEXT.with(|t| {
            let (mut b, mut text) = (b.borrow_mut(), t.borrow_mut());
            text.clear();
            zylon_schema::text::utf16le_to_utf8(b.get(..units * 2).unwrap_or(&b[..]), &mut text);
            release(b.capacity(), &mut *b);
            // Valid UTF-8 by construction: checked as text, not as bytes (no second pass).
            let out = if verdict {
                verdict_text(match options(options_json) {
                    Ok((Some(kind), opts)) => zylon_schema::is_valid_str(&text, kind, &opts),
                    Ok((None, opts)) => zylon_schema::is_valid_str_auto(&text, &opts),
                    Err(_) => false,
                })
            } else {
                validate_with(
                    options_json,
                    |kind, opts| match kind {
                        Some(kind) => zylon_schema::validate_str(&text, kind, opts),
                        None => zylon_schema::validate_str_auto(&text, opts),
                    },
                    wire::report,
                )
            };
            release(text.capacity(), &mut *text);
            out
        })
    })
}

/// Run `check` with the options of `options_json`; the report written by `write` (a bad
/// options text is a report issue).
fn validate_with(
    options_json: &str,
    check: impl FnOnce(Option<Kind>, &Options) -> Report,
    write: fn(&Report) -> String,
) -> String {
    match options(options_json) {
        Ok((kind, opts)) => write(&check(kind, &opts)),
        Err(e) => write(&usage_report(e)),
    }
}

/// Validate bytes for the JS wrapper: the report in the compact format of `wire.rs`, or the
/// verdict alone (see `validateInput`).
fn validate_for_js(body: &[u8], options_json: &str, verdict: bool) -> String {
    if verdict {
        return verdict_text(match options(options_json) {
            Ok((Some(kind), opts)) => zylon_schema::is_valid_bytes(body, kind, &opts),
            Ok((None, opts)) => zylon_schema::is_valid_bytes_auto(body, &opts),
            Err(_) => false,
        });
    }
    validate_with(
        options_json,
        |kind, opts| match kind {
            Some(kind) => zylon_schema::validate_bytes(body, kind, opts),
            None => zylon_schema::validate_bytes_auto(body, opts),
        },
        wire::report,
    )
}

/// Validate raw bytes (UTF-8 JSON; invalid UTF-8 is a `json.syntax` issue); returns the Report
/// as JSON text.
#[wasm_bindgen(js_name = validateBytes)]
pub fn validate_bytes_json(body: &[u8], options_json: &str) -> String {
    validate_with(
        options_json,
        |kind, opts| match kind {
            Some(kind) => zylon_schema::validate_bytes(body, kind, opts),
            None => zylon_schema::validate_bytes_auto(body, opts),
        },
        Report::to_json,
    )
}

/// Apply the safe fixes to a JSON text; returns `{body, fixes, report}` as JSON text.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = fixJson)]
pub fn fix_json(body: &str, options_json: &str) -> String {
    match options(options_json) {
        Ok((kind, opts)) => {
            let kind = kind.unwrap_or_else(|| zylon_schema::detect_kind(body.as_bytes()));
            zylon_schema::fix::fix_str(body, kind, &opts).to_json()
        }
        Err(e) => zylon_schema::fix::FixResult {
            body: body.to_string(),
            fixes: Vec::new(),
            report: usage_report(e),
        }
        .to_json(),
    }
}

/// Apply the safe fixes to the bytes of a body, read as `validateBytes` reads them (a UTF-16
/// or UTF-32 body comes back as UTF-8 text, the conversion its first fix); bytes that UTF-8
/// text cannot hold exactly are not rewritten: an empty body, no fixes, and a report whose one
/// error says why (`NotText::into_result`). Returns `{body, fixes, report}` as JSON text.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = fixBytes)]
pub fn fix_bytes(body: &[u8], options_json: &str) -> String {
    let result = match options(options_json) {
        Ok((kind, opts)) => zylon_schema::fix::fix_bytes(body, kind, &opts)
            .unwrap_or_else(zylon_schema::fix::NotText::into_result),
        Err(e) => zylon_schema::fix::FixResult {
            body: String::new(),
            fixes: Vec::new(),
            report: usage_report(e),
        },
    };
    result.to_json()
}

/// Decode a captured `text/event-stream`; returns `{message, issues, events}` as JSON text.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = decodeStream)]
pub fn decode_stream(bytes: &[u8]) -> String {
    zylon_schema::stream::decode_to_json(bytes)
}

/// An incremental stream accumulator for JS (`push` chunks as they arrive).
#[cfg(feature = "full")]
#[wasm_bindgen]
pub struct StreamAccumulator {
    inner: zylon_schema::stream::Accumulator,
}

#[cfg(feature = "full")]
#[wasm_bindgen]
impl StreamAccumulator {
    /// A new accumulator.
    #[wasm_bindgen(constructor)]
    pub fn new() -> StreamAccumulator {
        StreamAccumulator {
            inner: zylon_schema::stream::Accumulator::new(),
        }
    }

    /// Feed bytes; returns the events decoded from them as a JSON array text.
    pub fn push(&mut self, chunk: &[u8]) -> String {
        self.inner.push_bytes_json(chunk)
    }

    /// End of stream; returns the last events as a JSON array text.
    pub fn finish(&mut self) -> String {
        self.inner.finish_json()
    }

    /// The message so far, as JSON text.
    pub fn message(&self) -> String {
        self.inner.message_json()
    }

    /// The issues so far, as JSON text.
    pub fn issues(&self) -> String {
        zylon_schema::Issue::list_to_json(self.inner.issues())
    }

    /// Number of events seen.
    #[wasm_bindgen(js_name = eventCount)]
    pub fn event_count(&self) -> usize {
        self.inner.event_count()
    }
}

#[cfg(feature = "full")]
impl Default for StreamAccumulator {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_and_reports() {
        let r: serde_json::Value =
            serde_json::from_str(&validate_bytes_json(br#"{"messages":[]}"#, "")).unwrap();
        assert_eq!(r["errors"][0]["code"], "messages.empty");
        let r: serde_json::Value = serde_json::from_str(&validate_bytes_json(
            br#"{"name":"n"}"#,
            r#"{"kind":"thread","strict":true}"#,
        ))
        .unwrap();
        assert_eq!(
            r["errors"][0]["code"],
            "envelope.thread.visibility_required"
        );
        let r: serde_json::Value =
            serde_json::from_str(&validate_bytes_json(b"{}", r#"{"kind":"nope"}"#)).unwrap();
        assert_eq!(r["valid"], false);
        assert!(r["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("unknown kind"));
    }

    /// The verdict entries answer as the reports' `valid`, bytes and options alike (a bad
    /// options text: `false`, as its report has an error).
    #[test]
    fn verdicts_answer_as_reports() {
        let ok = br#"{"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}"#;
        let warned = br#"{"messages":[{"role":"user","content":"hi"}]}"#;
        for (body, opts, want) in [
            (&ok[..], "", true),
            (&ok[..], r#"{"kind":"chat"}"#, true),
            (&ok[..], r#"{"kind":"thread"}"#, false),
            (&ok[..], r#"{"kind":"nope"}"#, false),
            (&warned[..], "", true),
            (&warned[..], r#"{"strict":true}"#, false),
            (&br#"{"messages":[]}"#[..], "", false),
            (&b"\xff"[..], "", false),
        ] {
            let r: serde_json::Value =
                serde_json::from_str(&validate_bytes_json(body, opts)).unwrap();
            assert_eq!(r["valid"], want, "{opts}");
            assert_eq!(
                validate_for_js(body, opts, true),
                if want { "1" } else { "0" },
                "{opts}"
            );
            assert!(validate_for_js(body, opts, false).starts_with(if want { "W1" } else { "W0" }));
        }
    }

    #[cfg(feature = "full")]
    #[test]
    fn fix_and_streams() {
        let f: serde_json::Value = serde_json::from_str(&fix_json(
            r#"{"messages":[{"role":"User","content":"x"}]}"#,
            "{}",
        ))
        .unwrap();
        assert_eq!(f["fixes"].as_array().unwrap().len(), 2);
        let s: serde_json::Value =
            serde_json::from_str(&decode_stream(b"data: {\"type\":\"message_stop\"}\n\n")).unwrap();
        assert_eq!(s["events"], 1);
    }
}
