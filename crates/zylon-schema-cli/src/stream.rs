//! `stream`: decode a captured `text/event-stream` answer and print the assembled message.

use std::ffi::OsStr;
use std::io::IsTerminal;

use crate::args::Format;
use crate::output::{Out, Outcome};

/// Run `stream FILE`; the exit status is 1 when the stream has an error.
pub fn run(format: Option<Format>, file: &OsStr) -> Outcome<u8> {
    let bytes = crate::read_input(file)?;
    let acc = zylon_schema::stream::accumulate(&bytes);
    let has_error = acc
        .issues()
        .iter()
        .any(|i| i.severity == zylon_schema::Severity::Error);
    let format = format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Human
    } else {
        Format::Json
    });
    let mut out = Out::new();
    match format {
        Format::Human => out.text(&crate::human::render_stream(&acc))?,
        // the same text as the npm and Python packages' `decodeStream` (the server's key order)
        _ => out.line(&acc.result_json())?,
    }
    out.flush()?;
    Ok(u8::from(has_error))
}
