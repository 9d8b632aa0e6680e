//! Compiler-style diagnostics: `file:line:col`, severity, code, message, the source line with
//! the span underlined, the hint and the docs entry.

use std::fmt::Write;

use zylon_schema::stream::Accumulator;
use zylon_schema::{Issue, Kind, Report, Severity};

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
/// file (a clean file prints `file: ok (kind)`).
pub fn render(
    file: &str,
    line: Option<usize>,
    text: &str,
    kind: Kind,
    report: &Report,
    color: bool,
) -> String {
    let st = Style { color };
    let mut out = String::new();
    let lines: Vec<&str> = text.split('\n').collect();
    for issue in report.issues() {
        issue_block(&mut out, &st, file, line, &lines, issue);
    }
    if report.issues().next().is_none() && line.is_none() {
        let _ = writeln!(out, "{}: {} ({kind})", file, st.paint("1;32", "ok"));
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

fn issue_block(
    out: &mut String,
    st: &Style,
    file: &str,
    line: Option<usize>,
    lines: &[&str],
    issue: &Issue,
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
    // The snippet is only the lines the span covers (minified bodies are one huge line: the
    // renderer trims long lines around the span itself).
    let snippet_text;
    if let Some(sp) = issue.span {
        let first = sp.line.saturating_sub(1).min(lines.len().saturating_sub(1));
        let last = (sp.end_line.max(sp.line) - 1)
            .min(lines.len().saturating_sub(1))
            .min(first + 5);
        snippet_text = lines
            .get(first..=last)
            .map(|l| l.join("\n"))
            .unwrap_or_default();
        let line_start_byte: usize = lines[..first].iter().map(|l| l.len() + 1).sum();
        let start = sp
            .start
            .saturating_sub(line_start_byte)
            .min(snippet_text.len());
        let end = sp
            .end
            .saturating_sub(line_start_byte)
            .clamp(start, snippet_text.len());
        let end = if end == start {
            (start + 1).min(snippet_text.len())
        } else {
            end
        };
        group = group.element(
            Snippet::source(snippet_text.as_str())
                .line_start(sp.line + first_line - 1)
                .path(file)
                .annotation(AnnotationKind::Primary.span(start..end)),
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
    out.push_str(&renderer.render(&[group]));
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
