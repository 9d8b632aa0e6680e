//! `zylon-schema`: validate Zylon Workspace chat API requests offline, fix what is safe to fix,
//! decode captured response streams, and export the JSON Schemas.
//!
//! Nothing here panics on input or on output: every write to standard output is fallible
//! ([`output::Out`]); a closed pipe ends the program quietly with status 141.
#![forbid(unsafe_code)]

mod args;
mod fix;
mod github;
mod help;
mod human;
mod inputs;
mod kind;
mod output;
mod progress;
mod report;
mod sarif;
mod schemas;
mod stream;
mod validate;

use std::ffi::OsString;
use std::process::ExitCode;

use args::Cmd;
use output::{Failure, Out, Outcome, CLOSED_PIPE_STATUS};

fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().skip(1).collect();
    let cmd = match args::parse(&argv) {
        Ok(c) => c,
        Err(msg) => {
            output::note(&format!("{msg}\n\nRun `zylon-schema --help` for usage."));
            return ExitCode::from(2);
        }
    };
    match run(cmd) {
        Ok(code) => ExitCode::from(code),
        Err(Failure::ClosedPipe) => ExitCode::from(CLOSED_PIPE_STATUS),
        Err(Failure::Fatal(msg)) => {
            output::note(&msg);
            ExitCode::from(2)
        }
    }
}

/// Print a fixed text on standard output.
fn print(text: &str) -> Outcome<u8> {
    let mut out = Out::new();
    out.text(text)?;
    out.flush()?;
    Ok(0)
}

fn run(cmd: Cmd) -> Outcome<u8> {
    match cmd {
        Cmd::Help(sub) => print(help::text(sub)),
        Cmd::Version => print(&format!("zylon-schema {}\n", env!("CARGO_PKG_VERSION"))),
        Cmd::Codes => {
            let mut out = Out::new();
            for c in zylon_schema::Code::ALL {
                out.line(&format!("{:<48} {}", c.as_str(), c.summary().trim()))?;
            }
            out.line(&format!(
                "{:<48} {}",
                report::IO_READ,
                report::IO_READ_SUMMARY
            ))?;
            out.flush()?;
            Ok(0)
        }
        Cmd::Validate(a) => validate::run(a),
        Cmd::Fix {
            kind,
            write,
            jsonl,
            file,
        } => fix::run(kind, write, jsonl, &file),
        Cmd::Stream { format, file } => stream::run(format, &file),
        Cmd::Schema { name, out } => {
            schemas::run(name.as_deref(), out.as_deref().map(std::path::Path::new))
        }
    }
}

/// Read a whole FILE, or standard input for `-` (`fix` and `stream`).
pub fn read_input(path: &std::ffi::OsStr) -> Result<Vec<u8>, String> {
    use std::io::Read;
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read `{}`: {e}", path.to_string_lossy()))
    }
}
