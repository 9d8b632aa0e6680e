//! Compiler-style diagnostics: `file:line:col`, severity, code, message, the source line with
//! the span underlined, the hint and the docs entry.

use std::fmt::Write;
use std::ops::Range;

use zylon_schema::redact::{floor_boundary, masked_slice, secret_ranges};
use zylon_schema::stream::Accumulator;
use zylon_schema::{Issue, Kind, Report, Severity, Span};

use crate::report::Tally;

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Render every issue of one body. `line` is the 1-based line of a JSON Lines body in its file
/// (its diagnostics point at `file:line:col`; a clean line prints nothing); `None` for a whole
/// file (a clean file prints `file: ok (kind)`). `text` is the body as the user wrote it: only
/// the few windows shown are copied, with secret values masked (memory stays at the size of
/// the text however large it is). `kind` is asked only for that `ok` line.
pub fn render(
    file: &str,
    line: Option<usize>,
    text: &str,
    kind: impl FnOnce() -> Kind,
    report: &Report,
    color: bool,
) -> String {
    let st = Style { color };
    let mut out = String::new();
    let spans = report.issues().filter(|i| i.span.is_some()).count();
    let secrets = if spans > 0 {
        secret_ranges(text)
    } else {
        Vec::new()
    };
    let lines = Lines::of(text, spans);
    for issue in report.issues() {
        issue_block(
            &mut out,
            &st,
            file,
            line,
            (text, &secrets, &lines),
            issue,
            WHOLE_SNIPPET,
        );
    }
    if report.issues().next().is_none() && line.is_none() {
        let _ = writeln!(out, "{}: {} ({})", file, st.paint("1;32", "ok"), kind());
    }
    out
}

/// A path that could not be read, as a diagnostic of its own (code `io.read`).
pub fn render_unreadable(file: &str, message: &str, color: bool) -> String {
    use annotate_snippets::{Group, Level, Renderer};
    let group = Group::with_title(
        Level::ERROR
            .primary_title(message)
            .id(crate::report::IO_READ),
    )
    .element(Level::NOTE.message(file));
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = renderer.render(&[group]);
    out.push_str("\n\n");
    out
}

/// Where the lines of a body break, for finding the line around each span: with many issues
/// (a bad field in each of thousands of messages of a minified body, one long line) a search
/// for the newlines around each span from where it is took issues × body time. Kept only then:
/// for a few issues the searches are cheaper than the list (a large pretty-printed body has a
/// newline every few dozen bytes).
struct Lines(Option<Vec<u32>>);

impl Lines {
    /// Issues with spans from which the breaks are listed.
    const LISTED_FROM: usize = 32;

    fn of(text: &str, spans: usize) -> Lines {
        let listed = spans >= Self::LISTED_FROM && u32::try_from(text.len()).is_ok();
        Lines(listed.then(|| {
            let b = text.as_bytes();
            (0..b.len())
                .filter(|&i| b[i] == b'\n')
                .map(|i| i as u32)
                .collect()
        }))
    }

    /// The first byte of the line holding byte `at` (a character boundary).
    fn start_of(&self, text: &str, at: usize) -> usize {
        match &self.0 {
            Some(nl) => {
                let k = nl.partition_point(|&n| (n as usize) < at);
                k.checked_sub(1).map_or(0, |k| nl[k] as usize + 1)
            }
            None => text[..at].rfind('\n').map_or(0, |i| i + 1),
        }
    }

    /// The first newline at or after byte `at` (a character boundary).
    fn next_newline(&self, text: &str, at: usize) -> Option<usize> {
        match &self.0 {
            Some(nl) => nl
                .get(nl.partition_point(|&n| (n as usize) < at))
                .map(|&n| n as usize),
            None => text[at..].find('\n').map(|n| at + n),
        }
    }
}

/// Snippets up to this many bytes are shown whole (tests pass other limits); a longer one (a
/// minified body is one long line) is cut to windows around the span's ends before rendering.
const WHOLE_SNIPPET: usize = 8 * 1024;

/// Bytes kept on each side of a span's ends in a cut snippet: far more than a terminal shows
/// (the renderer trims the line around the span and marks the cuts with `...` itself).
const CONTEXT: usize = 1024;

/// The source shown for a span: the lines it covers (at most six) with secrets masked, and the
/// span's range in that text. A snippet longer than [`WHOLE_SNIPPET`] is cut: the text around
/// the span's start, and for a long span also around its end (the middle of an annotation
/// wider than the terminal is elided by the renderer anyway); a long span over several lines
/// is shown on its first line.
fn snippet(
    (text, secrets, lines): (&str, &[Range<usize>], &Lines),
    sp: &Span,
    whole: usize,
) -> (String, Range<usize>) {
    let start = floor_boundary(text, sp.start);
    let first = lines.start_of(text, start);
    // The end of the span's last line, at most five lines further.
    let mut last_line = first;
    for _ in 0..sp.end_line.saturating_sub(sp.line).min(5) {
        match lines.next_newline(text, last_line) {
            Some(n) => last_line = n + 1,
            None => break,
        }
    }
    let last = lines.next_newline(text, last_line).unwrap_or(text.len());
    let end = floor_boundary(text, sp.end).clamp(start, last.max(start));
    let mark = |a: usize, b: usize, len: usize| {
        let a = a.min(len);
        let b = b.clamp(a, len);
        a..if b == a { (a + 1).min(len) } else { b }
    };
    if last - first <= whole {
        let shown = masked_slice(text, first..last, secrets);
        let len = shown.len();
        return (shown, mark(start - first, end - first, len));
    }
    let from = floor_boundary(text, start.saturating_sub(CONTEXT).max(first));
    let line_end = lines
        .next_newline(text, start)
        .map_or(last, |n| n.min(last));
    if end > line_end {
        let to = floor_boundary(text, line_end.min(start + 2 * CONTEXT));
        let shown = masked_slice(text, from..to, secrets);
        return (shown, mark(start - from, to - from, to - from));
    }
    let to = floor_boundary(text, end.saturating_add(CONTEXT).min(line_end)).max(end);
    if end - start <= 2 * CONTEXT {
        let shown = masked_slice(text, from..to, secrets);
        let len = shown.len();
        return (shown, mark(start - from, end - from, len));
    }
    let head_end = floor_boundary(text, start + CONTEXT);
    let tail_start = floor_boundary(text, end - CONTEXT);
    let mut shown = masked_slice(text, from..head_end, secrets);
    let annotated_end = shown.len() + (end - tail_start);
    shown.push_str(&masked_slice(text, tail_start..to, secrets));
    let len = shown.len();
    (shown, mark(start - from, annotated_end, len))
}

fn issue_block(
    out: &mut String,
    st: &Style,
    file: &str,
    line: Option<usize>,
    (text, secrets, lines): (&str, &[Range<usize>], &Lines),
    issue: &Issue,
    whole: usize,
) {
    use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

    let first_line = line.unwrap_or(1);
    let level = match issue.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let path = if issue.path.is_empty() {
        "(root)"
    } else {
        &issue.path
    };
    let title = format!("{} (at {path})", issue.message);
    let code = issue.code.as_str();
    let mut group = Group::with_title(level.clone().primary_title(title.as_str()).id(code));
    let shown;
    // The renderer derives the column from the snippet; a cut snippet starts mid-line, so its
    // `file:line:column` is put right after rendering (`(as rendered, right)`).
    let mut place_fix = None;
    if let Some(sp) = issue.span {
        let range;
        (shown, range) = snippet((text, secrets, lines), &sp, whole);
        let row = sp.line + first_line - 1;
        let rendered_column = shown[..range.start].chars().count() + 1;
        if rendered_column != sp.column {
            place_fix = Some((
                format!("{file}:{row}:{rendered_column}"),
                format!("{file}:{row}:{}", sp.column),
            ));
        }
        group = group.element(
            Snippet::source(shown.as_str())
                .line_start(row)
                .path(file)
                .annotation(AnnotationKind::Primary.span(range)),
        );
    }
    let docs = format!("docs: {}", issue.docs);
    if let Some(h) = &issue.hint {
        group = group.element(Level::HELP.message(h.as_str()));
    }
    group = group.element(Level::NOTE.message(docs.as_str()));
    let place = match line {
        Some(l) => format!("{file}:{l}"),
        None => file.to_string(),
    };
    if issue.span.is_none() {
        group = group.element(Level::NOTE.message(place.as_str()));
    }
    let renderer = if st.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let rendered = renderer.render(&[group]);
    match place_fix {
        Some((shown, right)) => out.push_str(&rendered.replacen(&shown, &right, 1)),
        None => out.push_str(&rendered),
    }
    out.push_str("\n\n");
}

/// `n` and the noun, singular or plural (`1 error`, `2 errors`).
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The closing line: `1 of 1000 files invalid, 1 error`, `12 files valid, 3 warnings`, with
/// `lines` for JSON Lines bodies (`bodies` when files and lines are mixed) and the number of
/// paths that could not be read.
pub fn summary(t: &Tally, color: bool) -> String {
    let st = Style { color };
    let checked = t.files + t.lines;
    let (one, many) = match (t.files > 0, t.lines > 0) {
        (_, false) => ("file", "files"),
        (false, true) => ("line", "lines"),
        (true, true) => ("body", "bodies"),
    };
    let mut parts = Vec::new();
    if t.invalid > 0 {
        let head = if checked == 1 {
            format!("1 {one} invalid")
        } else {
            format!("{} of {} invalid", t.invalid, count(checked, one, many))
        };
        parts.push(head);
        parts.push(count(t.errors, "error", "errors"));
    } else {
        parts.push(format!("{} valid", count(checked, one, many)));
    }
    if t.warnings > 0 {
        parts.push(count(t.warnings, "warning", "warnings"));
    }
    if t.unreadable > 0 {
        parts.push(format!(
            "{} could not be read",
            count(t.unreadable, "path", "paths")
        ));
    }
    let text = parts.join(", ");
    if t.invalid > 0 || t.unreadable > 0 {
        st.paint("1;31", &text)
    } else {
        st.paint("1;32", &text)
    }
}

/// A decoded stream: the assembled message, then the issues.
pub fn render_stream(acc: &Accumulator) -> String {
    let mut out = String::new();
    let msg = acc.message();
    if let Some(id) = msg.get("id").and_then(|v| v.as_str()) {
        let _ = writeln!(out, "message {id}");
    }
    for b in msg
        .get("content")
        .and_then(|c| c.as_array())
        .into_iter()
        .flatten()
    {
        let ty = b.get("type").and_then(|t| t.as_str()).unwrap_or("?");
        match ty {
            "text" => {
                let _ = writeln!(
                    out,
                    "{}",
                    b.get("text").and_then(|t| t.as_str()).unwrap_or("")
                );
            }
            "thinking" => {
                let _ = writeln!(
                    out,
                    "[thinking] {}",
                    b.get("thinking").and_then(|t| t.as_str()).unwrap_or("")
                );
            }
            "tool_use" => {
                let _ = writeln!(
                    out,
                    "[tool_use {} {}] {}",
                    b.get("id").and_then(|t| t.as_str()).unwrap_or("?"),
                    b.get("name").and_then(|t| t.as_str()).unwrap_or("?"),
                    b.get("input").map(ToString::to_string).unwrap_or_default()
                );
            }
            other => {
                let _ = writeln!(out, "[{other}] {b}");
            }
        }
    }
    if let Some(r) = msg.get("stop_reason").and_then(|v| v.as_str()) {
        let _ = writeln!(out, "(stop_reason: {r})");
    }
    for i in acc.issues() {
        let _ = writeln!(
            out,
            "{} [{}] {}: {}",
            i.severity.as_str(),
            i.code,
            i.path,
            i.message
        );
    }
    let _ = writeln!(
        out,
        "{} event(s), {} issue(s)",
        acc.event_count(),
        acc.issues().len()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use zylon_schema::{validate_str, Options};

    /// The diagnostics of `text`, with snippets cut above `whole` bytes.
    fn rendered(text: &str, whole: usize) -> String {
        let report = validate_str(text, Kind::Chat, &Options::default().with_spans());
        let secrets = secret_ranges(text);
        // (the same with the newlines searched for and with them listed, as many issues do)
        let [searched, listed] = [Lines(None), Lines::of(text, usize::MAX)].map(|lines| {
            let mut out = String::new();
            for issue in report.issues() {
                let st = Style { color: false };
                issue_block(
                    &mut out,
                    &st,
                    "f.json",
                    None,
                    (text, &secrets, &lines),
                    issue,
                    whole,
                );
            }
            out
        });
        assert_eq!(searched, listed);
        searched
    }

    #[test]
    fn cut_snippets_render_as_the_whole_line_does() {
        // One long line: issues at its start, in its middle (a span longer than two windows,
        // next to a secret), and at its end; multi-byte characters before them.
        let pad = "é".repeat(3000);
        let long = "x".repeat(5000);
        let body = format!(
            concat!(
                r#"{{"messages":[{{"role":"user","content":"{pad}"}},"#,
                r#"{{"role":"user","content":[{{"type":"text","text":"a","bogus":"{long}"}}]}}],"#,
                r#""mcp_servers":[{{"name":"m","url":"https://m","authorization_token":"s3cr3t-{pad}"}}],"#,
                r#""temperature":3,"top_k":-1}}"#
            ),
            pad = pad,
            long = long
        );
        let cut = rendered(&body, 2048);
        assert_eq!(cut, rendered(&body, usize::MAX));
        assert!(cut.matches("f.json:1:").count() >= 4, "{cut}");
        assert!(!cut.contains("s3cr3t"), "{cut}");
    }

    #[test]
    fn cut_snippets_over_several_lines_keep_their_place() {
        // A long multi-line value: the snippet is cut to its first line, the place stays.
        let body = format!(
            "{{\"messages\": [{{\"role\": \"user\", \"content\": \"hi\"}}], \"tools\": {{\n\"a\": \"{}\",\n\"b\": 1\n}}}}",
            "x".repeat(5000)
        );
        let cut = rendered(&body, 1024);
        let whole = rendered(&body, usize::MAX);
        let place = |s: &str| {
            let block = s.split("\n\n").find(|b| b.contains("(at /tools)"))?;
            block.lines().find(|l| l.contains("-->")).map(str::to_owned)
        };
        assert!(whole.contains("(at /tools)"), "{whole}");
        assert!(place(&whole).is_some(), "{whole}");
        assert_eq!(place(&cut), place(&whole));
        assert_eq!(place(&cut).as_deref(), Some(" --> f.json:1:60"));
        assert!(cut.len() < 4096, "{cut}");
    }
}
