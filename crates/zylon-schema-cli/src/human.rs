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
    fn sev(&self, sev: Severity) -> String {
        match sev {
            Severity::Error => self.paint("1;31", "error"),
            Severity::Warning => self.paint("1;33", "warning"),
        }
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
}

/// The widest piece of a source line shown around a span.
const WINDOW: usize = 100;

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
    let _ = writeln!(
        out,
        "{}{}: {}",
        st.sev(issue.severity),
        st.paint("1", &format!("[{}]", issue.code)),
        st.paint("1", &issue.message)
    );
    let path = if issue.path.is_empty() {
        "(root)"
    } else {
        &issue.path
    };
    match issue.span {
        Some(sp) => {
            let _ = writeln!(
                out,
                "  {} {file}:{}:{} {}",
                st.dim("-->"),
                sp.line,
                sp.column,
                st.dim(&format!("at {path}"))
            );
            let line = lines
                .get(sp.line - 1)
                .copied()
                .unwrap_or("")
                .trim_end_matches('\r');
            let chars: Vec<char> = line.chars().collect();
            let start = sp.column - 1;
            let end = if sp.end_line == sp.line {
                (sp.end_column - 1).max(start + 1)
            } else {
                chars.len().max(start + 1)
            };
            // A window of the line around the span (minified bodies have very long lines).
            let from = start.saturating_sub(20).min(chars.len());
            let to = (from + WINDOW).max(end.min(from + WINDOW)).min(chars.len());
            let shown: String = chars[from..to].iter().collect();
            let lead = if from > 0 { "…" } else { "" };
            let tail = if to < chars.len() { "…" } else { "" };
            let num = sp.line.to_string();
            let pad = " ".repeat(num.len());
            let _ = writeln!(out, "  {pad} {}", st.dim("|"));
            let _ = writeln!(
                out,
                "  {} {} {lead}{shown}{tail}",
                st.dim(&num),
                st.dim("|")
            );
            let under_start = start - from + lead.chars().count();
            let under_len = end.min(to).saturating_sub(start).max(1);
            let marks = if sp.end_line > sp.line {
                format!("{}…", "^".repeat(under_len))
            } else {
                "^".repeat(under_len)
            };
            let colour = if issue.severity == Severity::Error {
                "1;31"
            } else {
                "1;33"
            };
            let _ = writeln!(
                out,
                "  {pad} {} {}{}",
                st.dim("|"),
                " ".repeat(under_start),
                st.paint(colour, &marks)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "  {} {file} {}",
                st.dim("-->"),
                st.dim(&format!("at {path}"))
            );
        }
    }
    if let Some(h) = &issue.hint {
        let _ = writeln!(out, "  {} {}", st.paint("1;36", "= hint:"), h);
    }
    let _ = writeln!(out, "  {} docs/codes.md#{}", st.dim("= docs:"), issue.code);
    out.push('\n');
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
