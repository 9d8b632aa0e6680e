//! Validate every line of standard input as a request body of one kind and print one compact
//! report (the JSON of `Report::to_json`) per input line, in order. Blank lines give the report
//! of an empty body, so output line N always answers input line N.
//!
//! The differential harness (`scripts/oracle_diff.py`) feeds it batches of generated bodies:
//! `target/release/examples/report_lines [KIND [OPTIONS_JSON]] < bodies.jsonl > reports.jsonl`
//! (build with `cargo build --release -p zylon-schema --example report_lines`); the options as
//! the npm package takes them, e.g. `{"endpoint": "chat"}` for `POST /chat`'s verdict.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let kind = match std::env::args().nth(1).as_deref().unwrap_or("chat").parse() {
        Ok(k) => k,
        Err(e) => {
            eprintln!("report_lines: {e}");
            return ExitCode::from(2);
        }
    };
    let options = match std::env::args().nth(2) {
        None => zylon_schema::Options::default(),
        Some(json) => match zylon_schema::check::options::from_json(&json) {
            Ok((_, options)) => options,
            Err(e) => {
                eprintln!("report_lines: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.split(b'\n') {
        let Ok(line) = line else {
            return ExitCode::from(2);
        };
        let report = zylon_schema::validate_bytes(&line, kind, &options);
        if writeln!(out, "{}", report.to_json()).is_err() {
            return ExitCode::from(2);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
