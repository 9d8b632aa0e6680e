//! The report as compact JSON text, written by hand.
//!
//! Byte for byte what `serde_json::to_string(&report)` gives (a test checks every fixture and
//! arbitrary text), but without serde's generic machinery: in the size-optimised WebAssembly
//! build that machinery took 40% of the time of validating a small body (measured in Node).

use super::ctx::push_decimal;
use super::report::{Issue, Report, Summary};
use super::span::Span;

impl Report {
    /// The report as compact JSON text, the same as `serde_json::to_string(self)`.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(128 + 256 * (self.errors.len() + self.warnings.len()));
        out.push_str("{\"valid\":");
        out.push_str(if self.valid { "true" } else { "false" });
        out.push_str(",\"errors\":");
        issues(&mut out, &self.errors);
        out.push_str(",\"warnings\":");
        issues(&mut out, &self.warnings);
        out.push_str(",\"summary\":");
        summary(&mut out, &self.summary);
        out.push('}');
        out
    }
}

impl Issue {
    /// A list of issues as compact JSON text, the same as `serde_json::to_string(list)`.
    pub fn list_to_json(list: &[Issue]) -> String {
        let mut out = String::with_capacity(2 + 256 * list.len());
        issues(&mut out, list);
        out
    }
}

fn issues(out: &mut String, list: &[Issue]) {
    out.push('[');
    for (n, i) in list.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str("{\"severity\":\"");
        out.push_str(i.severity.as_str());
        out.push_str("\",\"code\":");
        string(out, i.code.as_str());
        out.push_str(",\"path\":");
        string(out, &i.path);
        out.push_str(",\"message\":");
        string(out, &i.message);
        if let Some(h) = &i.hint {
            out.push_str(",\"hint\":");
            string(out, h);
        }
        out.push_str(",\"docs\":");
        string(out, &i.docs);
        if let Some(s) = &i.span {
            out.push_str(",\"span\":");
            span(out, s);
        }
        if let Some(s) = &i.suggestion {
            out.push_str(",\"suggestion\":{\"kind\":\"");
            out.push_str(s.kind.as_str());
            out.push_str("\",\"value\":");
            string(out, &s.value);
            out.push('}');
        }
        out.push('}');
    }
    out.push(']');
}

fn span(out: &mut String, s: &Span) {
    let fields = [
        ("{\"start\":", s.start),
        (",\"end\":", s.end),
        (",\"line\":", s.line),
        (",\"column\":", s.column),
        (",\"end_line\":", s.end_line),
        (",\"end_column\":", s.end_column),
    ];
    for (key, n) in fields {
        out.push_str(key);
        push_decimal(out, n);
    }
    out.push('}');
}

fn summary(out: &mut String, s: &Summary) {
    out.push_str("{\"message_count\":");
    push_decimal(out, s.message_count);
    out.push_str(",\"has_tools\":");
    out.push_str(if s.has_tools { "true" } else { "false" });
    out.push_str(",\"stream_enabled\":");
    out.push_str(if s.stream_enabled { "true" } else { "false" });
    if let Some(t) = &s.tool_choice {
        out.push_str(",\"tool_choice\":");
        string(out, t);
    }
    out.push_str(",\"error_count\":");
    push_decimal(out, s.error_count);
    out.push_str(",\"warning_count\":");
    push_decimal(out, s.warning_count);
    out.push('}');
}

/// A JSON string with serde_json's escapes: `\"`, `\\`, `\b \f \n \r \t`, other control
/// characters as `\u00xx`; everything else (DEL and non-ASCII included) as is.
pub(crate) fn string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let b = s.as_bytes();
    out.push('"');
    let mut from = 0;
    loop {
        let at = zylon_scan::skip_plain(b, from);
        // `at` is at a byte below 0x80 or at the end, so both slices fall on char boundaries.
        out.push_str(&s[from..at]);
        let Some(&c) = b.get(at) else { break };
        match c {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0C => out.push_str("\\f"),
            _ => {
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(c >> 4)]));
                out.push(char::from(HEX[usize::from(c & 0xF)]));
            }
        }
        from = at + 1;
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::super::code::Code;
    use super::super::report::Severity;
    use super::*;

    fn issue(text: &str, hint: bool, span: bool) -> Issue {
        Issue {
            severity: Severity::Warning,
            code: Code::FieldType,
            path: format!("/a~1{text}"),
            message: text.to_string(),
            hint: hint.then(|| text.repeat(2)),
            docs: Code::FieldType.docs_path(),
            span: span.then_some(Span {
                start: 0,
                end: usize::MAX,
                line: 10,
                column: 1,
                end_line: 99,
                end_column: 1234567,
            }),
            suggestion: None,
        }
    }

    fn report(text: &str) -> Report {
        Report {
            valid: text.len().is_multiple_of(2),
            errors: vec![issue(text, true, false), issue(text, false, true)],
            warnings: vec![issue(text, true, true)],
            summary: Summary {
                message_count: text.len(),
                has_tools: true,
                stream_enabled: text.is_empty(),
                tool_choice: (!text.is_empty()).then(|| text.to_string()),
                error_count: 2,
                warning_count: 1,
            },
        }
    }

    #[test]
    fn escapes_like_serde_json() {
        for text in [
            "",
            "plain",
            "quote \" backslash \\ slash /",
            "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f}",
            "é 中 😀 \u{2028}",
        ] {
            let r = report(text);
            assert_eq!(r.to_json(), serde_json::to_string(&r).unwrap(), "{text:?}");
        }
        assert_eq!(
            Report::default().to_json(),
            serde_json::to_string(&Report::default()).unwrap()
        );
    }

    proptest::proptest! {
        #[test]
        fn same_text_as_serde_json(text in "\\PC*|[\\x00-\\x20\"\\\\]{0,20}") {
            let r = report(&text);
            proptest::prop_assert_eq!(r.to_json(), serde_json::to_string(&r).unwrap());
        }
    }
}
