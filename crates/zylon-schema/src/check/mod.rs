//! Validation: one pass over the parsed JSON that reports every shape problem and every server
//! rule of `RULES.md` with a path, a stable code, a severity and a message.
//!
//! Entry points: [`validate_str`], [`validate_bytes`] and [`validate_value`].

pub mod code;
pub mod options;
pub mod report;

mod ctx;

use serde_json::Value;

pub use code::Code;
pub use options::{Kind, Options, Profile};
pub use report::{Issue, Report, Severity, Summary};

use ctx::Ctx;

/// The deepest nesting accepted (arrays and objects). Deeper bodies get `json.too_deep`.
///
/// 128 is serde_json's own recursion limit: it keeps the parser's stack use bounded in
/// WebAssembly (1 MiB stack) and is far deeper than any real request needs.
pub const MAX_DEPTH: usize = 128;

/// Validate a JSON text as the given kind of body.
pub fn validate_str(text: &str, kind: Kind, options: &Options) -> Report {
    match parse(text) {
        Ok(v) => validate_value(&v, kind, options),
        Err(issue) => finish(Ctx::new(options.strict), vec![issue], Summary::default()),
    }
}

/// Validate raw bytes (must be UTF-8 JSON) as the given kind of body.
pub fn validate_bytes(bytes: &[u8], kind: Kind, options: &Options) -> Report {
    match std::str::from_utf8(bytes) {
        Ok(s) => validate_str(s, kind, options),
        Err(e) => {
            let (line, col) = line_col(&bytes[..e.valid_up_to()]);
            let issue = Issue {
                severity: Severity::Error,
                code: Code::JsonSyntax,
                path: String::new(),
                message: format!(
                    "the body is not valid UTF-8 (invalid byte at line {line} column {col})"
                ),
                hint: Some("send the body as UTF-8 encoded JSON".into()),
            };
            finish(Ctx::new(options.strict), vec![issue], Summary::default())
        }
    }
}

/// Validate an already parsed JSON value as the given kind of body.
pub fn validate_value(value: &Value, kind: Kind, options: &Options) -> Report {
    let mut ctx = Ctx::new(options.strict);
    if depth_exceeds(value, MAX_DEPTH) {
        ctx.error(
            Code::JsonTooDeep,
            format!("the body nests deeper than {MAX_DEPTH} levels"),
        );
        return finish(ctx, Vec::new(), Summary::default());
    }
    let summary = rules::run(&mut ctx, value, kind, options);
    finish(ctx, Vec::new(), summary)
}

mod rules;

#[cfg(test)]
mod tests;

fn finish(ctx: Ctx<'_>, extra: Vec<Issue>, mut summary: Summary) -> Report {
    let mut errors = ctx.errors;
    let mut warnings = ctx.warnings;
    for i in extra {
        match i.severity {
            Severity::Error => errors.push(i),
            Severity::Warning => warnings.push(i),
        }
    }
    summary.error_count = errors.len();
    summary.warning_count = warnings.len();
    Report {
        valid: errors.is_empty(),
        errors,
        warnings,
        summary,
    }
}

fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|b| **b == b'\n').count() + 1;
    let start = prefix
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&prefix[start..]).chars().count() + 1;
    (line, col)
}

fn parse(text: &str) -> Result<Value, Issue> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<Value>(body).map_err(|e| {
        let msg = e.to_string();
        let too_deep = msg.contains("recursion limit");
        let (code, message, hint) = if too_deep {
            (
                Code::JsonTooDeep,
                format!(
                    "the body nests deeper than {MAX_DEPTH} levels (line {}, column {})",
                    e.line(),
                    e.column()
                ),
                None,
            )
        } else {
            let what = match e.classify() {
                serde_json::error::Category::Eof => {
                    "the body ends before the JSON value is complete"
                }
                _ => "the body is not valid JSON",
            };
            let detail = msg
                .rsplit_once(" at line ")
                .map_or(msg.as_str(), |(d, _)| d);
            (
                Code::JsonSyntax,
                format!(
                    "{what}: {detail} at line {} column {}",
                    e.line(),
                    e.column()
                ),
                Some("check for a missing comma, quote or bracket near that position".to_string()),
            )
        };
        Issue {
            severity: Severity::Error,
            code,
            path: String::new(),
            message,
            hint,
        }
    })
}

/// Whether `v` nests deeper than `limit` (iterative, so it cannot overflow the stack).
fn depth_exceeds(v: &Value, limit: usize) -> bool {
    let mut stack: Vec<(&Value, usize)> = vec![(v, 1)];
    while let Some((v, d)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Array(a) => Box::new(a.iter()),
            Value::Object(o) => Box::new(o.values()),
            _ => continue,
        };
        if d > limit {
            return true;
        }
        for c in children {
            if matches!(c, Value::Array(_) | Value::Object(_)) {
                stack.push((c, d + 1));
            }
        }
    }
    false
}
