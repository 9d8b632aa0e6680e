//! `fix`: apply the safe fixes, log each one on standard error, print (or write) the result.

use std::ffi::OsStr;

use zylon_schema::fix::AppliedFix;
use zylon_schema::{Encoding, Kind, Options};

use crate::human::count;
use crate::output::{err_text, Out, Outcome};

/// At most this many fixes of a JSON Lines file are listed one by one (then a count).
const LOGGED_FIXES: usize = 1000;

/// At most this many lines that cannot be fixed are named in the message.
const SHOWN_REFUSALS: usize = 5;

/// Write `bytes` as `file` through a temporary file next to it and a rename, so that an
/// interrupted run never leaves it cut short.
fn replace(file: &OsStr, bytes: &[u8]) -> Outcome<()> {
    let path = std::path::Path::new(file);
    let name = file.to_string_lossy();
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".zylon-fix-{}.tmp", std::process::id()));
    let failed = |e: std::io::Error| format!("cannot write `{name}`: {e}");
    std::fs::write(&tmp, bytes).map_err(failed)?;
    // (the file's permissions are kept)
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        failed(e)
    })?;
    Ok(())
}

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

/// Run `fix FILE`; the exit status is 1 when errors remain. A `.jsonl`/`.ndjson` file (or any
/// input with `--jsonl`) is fixed line by line (see [`run_lines`]).
pub fn run(kind: Option<Kind>, write: bool, jsonl: bool, file: &OsStr) -> Outcome<u8> {
    let bytes = crate::read_input(file)?;
    let name = file.to_string_lossy();
    if jsonl || crate::inputs::is_jsonl_name(std::path::Path::new(file)) {
        return run_lines(kind, write, file, &bytes);
    }
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
            replace(file, result.body.as_bytes())?;
        }
    } else {
        let mut out = Out::new();
        out.text(&result.body)?;
        out.flush()?;
    }
    Ok(u8::from(!result.report.is_valid()))
}

/// `fix` on JSON Lines: each non-blank line is fixed on its own, as `validate` checks it (cut as
/// `validate` cuts it, UTF-16 and UTF-32 too), its fixes logged as `line N: ...`; blank lines
/// and line endings are kept. The result is UTF-8. A line that UTF-8 text cannot hold exactly
/// leaves the whole file alone (exit status 2), as `fix` does for one body.
fn run_lines(kind: Option<Kind>, write: bool, file: &OsStr, bytes: &[u8]) -> Outcome<u8> {
    use crate::inputs::{line_end, lines_encoding, read_line};
    let name = file.to_string_lossy();
    let encoding = lines_encoding(bytes.get(..4).unwrap_or(bytes));
    let mut reader = std::io::Cursor::new(bytes);
    let (mut out, mut log, mut refused) = (Vec::new(), String::new(), Vec::new());
    let (mut fixes, mut errors, mut warnings, mut invalid) = (0, 0, 0, 0);
    let (mut number, mut bodies, mut unparsable) = (0, 0, 0);
    let mut line = Vec::new();
    loop {
        line.clear();
        let read = read_line(&mut reader, encoding, &mut line)
            .map_err(|e| format!("cannot read `{name}`: {e}"))?;
        if read == 0 {
            break;
        }
        number += 1;
        // the line's end (`\n` or `\r\n`), kept (in UTF-8); the body before it
        let (end, blank) = line_end(&line, encoding);
        let ending: Vec<u8> = encoding.units(&line[end..]).map(|u| u as u8).collect();
        let body = &line[..end];
        if blank {
            out.extend(encoding.units(body).map(|u| u as u8));
            out.extend(ending);
            continue;
        }
        bodies += 1;
        // (each line is read in the file's encoding: a line that would be told otherwise, such
        // as UTF-16 units without a zero byte, is not silently read as UTF-8)
        let own = Encoding::of(body);
        if encoding != Encoding::Utf8 && own != encoding {
            refused.push(format!(
                "line {number}: it is not {} like the file ({} by its own bytes)",
                encoding.name(),
                own.name()
            ));
            continue;
        }
        match zylon_schema::fix::fix_bytes(body, kind, &Options::default()) {
            Ok(result) => {
                for f in &result.fixes {
                    if fixes < LOGGED_FIXES {
                        log.push_str(&format!("line {number}: {}\n", log_line(f)));
                    }
                    fixes += 1;
                }
                let syntax = |i: &zylon_schema::Issue| i.code == zylon_schema::Code::JsonSyntax;
                unparsable += usize::from(result.report.errors.iter().any(syntax));
                errors += result.report.errors.len();
                warnings += result.report.warnings.len();
                invalid += usize::from(!result.report.is_valid());
                out.extend_from_slice(result.body.as_bytes());
                out.extend(ending);
            }
            Err(e) => refused.push(format!("line {number}: {e}")),
        }
    }
    if !refused.is_empty() {
        let more = refused.len().saturating_sub(SHOWN_REFUSALS);
        refused.truncate(SHOWN_REFUSALS);
        if more > 0 {
            let lines = if more == 1 { "line" } else { "lines" };
            refused.push(format!("and {more} more {lines}"));
        }
        return Err(format!(
            "cannot fix `{name}`: {}; it is left as it is",
            refused.join("; ")
        )
        .into());
    }
    if fixes > LOGGED_FIXES {
        log.push_str(&format!(
            "... and {} not listed (the first {LOGGED_FIXES} are)\n",
            count(fixes - LOGGED_FIXES, "fix", "fixes")
        ));
    }
    if bodies > 1 && unparsable * 2 > bodies {
        log.push_str(&format!(
            "note: {unparsable} of the {bodies} lines of `{name}` are not JSON on their own; JSON \
             Lines hold one body per line (one body over several lines belongs in a .json file)\n"
        ));
    }
    log.push_str(&format!(
        "{} applied; {} invalid, {} and {} remain\n",
        count(fixes, "fix", "fixes"),
        count(invalid, "line", "lines"),
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings"),
    ));
    err_text(&log);
    if write && file != "-" {
        if fixes > 0 {
            replace(file, &out)?;
        }
    } else {
        let mut o = Out::new();
        o.bytes(&out)?;
        o.flush()?;
    }
    Ok(u8::from(invalid > 0))
}
