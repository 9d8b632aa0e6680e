//! `--format github`: GitHub Actions workflow commands, one per issue
//! (`::error file=F,line=L,col=C,endLine=L,endColumn=C,title=CODE::MESSAGE`), which the runner
//! turns into annotations on the pull request.
//!
//! Escaping follows the runner's rules: in the message `%`, `\r` and `\n` become `%25`, `%0D`
//! and `%0A`; in a property value `:` and `,` also become `%3A` and `%2C`.

use zylon_schema::{Issue, Severity};

use crate::report::IO_READ;

/// Escape a command's message.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escape a command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The command for one issue of a body in `file` (`line`: the body's line in a JSON Lines file).
pub fn annotation(file: &str, line: Option<usize>, issue: &Issue) -> String {
    let level = match issue.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut props = vec![format!("file={}", escape_property(file))];
    let offset = line.unwrap_or(1) - 1;
    if let Some(sp) = issue.span {
        props.push(format!("line={}", sp.line + offset));
        props.push(format!("col={}", sp.column));
        props.push(format!("endLine={}", sp.end_line.max(sp.line) + offset));
        props.push(format!("endColumn={}", sp.end_column));
    } else if let Some(l) = line {
        props.push(format!("line={l}"));
    }
    props.push(format!("title={}", escape_property(issue.code.as_str())));
    let path = if issue.path.is_empty() {
        "(root)"
    } else {
        &issue.path
    };
    let mut message = format!("{} (at {path})", issue.message);
    if let Some(h) = &issue.hint {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    format!("::{level} {}::{}", props.join(","), escape_data(&message))
}

/// The command for a path that could not be read.
pub fn unreadable(file: &str, message: &str) -> String {
    format!(
        "::error file={},title={}::{}",
        escape_property(file),
        IO_READ,
        escape_data(message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
