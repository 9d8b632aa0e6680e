//! Compiler-style diagnostics: `file:line:col`, severity, code, message, the source line with
//! the span underlined, the hint and the docs entry.

use std::fmt::Write;

use zylon_schema::stream::Accumulator;
use zylon_schema::{Issue, Kind, Report, Severity};

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

/// Render every issue of one file.
pub fn render(file: &str, text: &str, kind: Kind, report: &Report, color: bool) -> String {
    let st = Style { color };
    let mut out = String::new();
    let lines: Vec<&str> = text.split('\n').collect();
    for issue in report.issues() {
        issue_block(&mut out, &st, file, &lines, issue);
    }
    if report.issues().next().is_none() {
        let _ = writeln!(out, "{}: {} ({kind})", file, st.paint("1;32", "ok"));
    }
    out
}

fn issue_block(out: &mut String, st: &Style, file: &str, lines: &[&str], issue: &Issue) {
    use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

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
        let first = sp.line - 1;
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
                .line_start(sp.line)
                .path(file)
                .annotation(AnnotationKind::Primary.span(start..end)),
        );
    }
    let docs = format!("docs: {}", issue.docs);
    if let Some(h) = &issue.hint {
        group = group.element(Level::HELP.message(h.as_str()));
    }
    group = group.element(Level::NOTE.message(docs.as_str()));
    if issue.span.is_none() {
        group = group.element(Level::NOTE.message(file));
    }
    let renderer = if st.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    out.push_str(&renderer.render(&[group]));
    out.push_str("\n\n");
}

/// The closing line.
pub fn summary(files: usize, errors: usize, warnings: usize, color: bool) -> String {
    let st = Style { color };
    let verdict = if errors > 0 {
        st.paint("1;31", "invalid")
    } else {
        st.paint("1;32", "valid")
    };
    format!("{verdict}: {files} file(s), {errors} error(s), {warnings} warning(s)")
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
