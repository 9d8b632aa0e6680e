//! `fix`: apply the safe fixes, log each one on standard error, print (or write) the result.

use std::ffi::OsStr;

use zylon_schema::fix::AppliedFix;
use zylon_schema::{Kind, Options};

use crate::human::count;
use crate::output::{err_text, Out, Outcome};

/// At most this many characters of a value in the log.
const SHOWN_CHARS: usize = 60;

fn cut(s: &str) -> String {
    let mut t: String = s.chars().take(SHOWN_CHARS).collect();
    if s.chars().count() > SHOWN_CHARS {
        t.push('…');
    }
    t
}

/// One line of the log: `fixed [code] path: before -> after` for a replacement, `added [code]
/// path: text` for an insertion (whose text is shown without the `, ` that joins it to its
/// neighbour). Secret values are masked, as in every message.
pub fn log_line(f: &AppliedFix) -> String {
    let path = if f.path.is_empty() { "(root)" } else { &f.path };
    let line = if f.code == zylon_schema::Code::JsonEncoding {
        format!("converted [{}] {path}: {} -> {}", f.code, f.before, f.after)
    } else if f.before.is_empty() {
        let added = f.after.trim().trim_start_matches(',').trim_start();
        format!("added [{}] {path}: {}", f.code, cut(added))
    } else {
        format!(
            "fixed [{}] {path}: {} -> {}",
            f.code,
            cut(&f.before),
            cut(&f.after)
        )
    };
    zylon_schema::redact::redact_secrets(&line)
}

/// Run `fix FILE`; the exit status is 1 when errors remain.
pub fn run(kind: Option<Kind>, write: bool, file: &OsStr) -> Outcome<u8> {
    let bytes = crate::read_input(file)?;
    let name = file.to_string_lossy();
    // (read as the server reads it: a UTF-16 file is fixed, and written back, as UTF-8)
    let result = zylon_schema::fix::fix_bytes(&bytes, kind, &Options::default())
        .map_err(|e| format!("cannot fix `{name}`: {e}; it is left as it is"))?;
    let mut log = String::new();
    for f in &result.fixes {
        log.push_str(&log_line(f));
        log.push('\n');
    }
    log.push_str(&format!(
        "{} applied; {} and {} remain\n",
        count(result.fixes.len(), "fix", "fixes"),
        count(result.report.errors.len(), "error", "errors"),
        count(result.report.warnings.len(), "warning", "warnings"),
    ));
    err_text(&log);
    if write && file != "-" {
        if !result.fixes.is_empty() {
            std::fs::write(file, &result.body)
                .map_err(|e| format!("cannot write `{name}`: {e}"))?;
        }
    } else {
        let mut out = Out::new();
        out.text(&result.body)?;
        out.flush()?;
    }
    Ok(u8::from(!result.report.is_valid()))
}
