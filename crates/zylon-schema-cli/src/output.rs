//! Fallible output: every byte for standard output goes through [`Out`], whose errors become a
//! [`Failure`] instead of a panic. A closed pipe (`zylon-schema codes | head -1`) ends the
//! program quietly with [`CLOSED_PIPE_STATUS`]; any other write error is a one-line message and
//! exit status 2. Messages for standard error go through [`note`], which ignores errors.

use std::io::{BufWriter, ErrorKind, StdoutLock, Write};

/// Exit status after standard output was closed early: 128 + SIGPIPE (13), the status a shell
/// reports for a C program killed by SIGPIPE, so `set -o pipefail` scripts see the same thing
/// they see for `seq`, `cat` or `grep`.
pub const CLOSED_PIPE_STATUS: u8 = 141;

/// Why a command stopped early.
#[derive(Debug)]
pub enum Failure {
    /// Standard output was closed by its reader (EPIPE): stop quietly.
    ClosedPipe,
    /// A usage or I/O problem: one line on standard error, exit status 2.
    Fatal(String),
}

impl From<String> for Failure {
    fn from(msg: String) -> Self {
        Failure::Fatal(msg)
    }
}

/// The result of a command: its exit status, or why it stopped.
pub type Outcome<T> = Result<T, Failure>;

/// Turn an error of a write to standard output into a [`Failure`].
pub fn write_failure(e: &std::io::Error) -> Failure {
    if e.kind() == ErrorKind::BrokenPipe {
        Failure::ClosedPipe
    } else {
        Failure::Fatal(format!("cannot write to standard output: {e}"))
    }
}

/// Buffered, locked standard output whose writes return [`Failure`]s.
pub struct Out {
    inner: BufWriter<StdoutLock<'static>>,
}

impl Out {
    /// Lock standard output for the rest of the command.
    pub fn new() -> Self {
        Out {
            inner: BufWriter::with_capacity(64 * 1024, std::io::stdout().lock()),
        }
    }

    /// Write a string as it is.
    pub fn text(&mut self, s: &str) -> Outcome<()> {
        self.bytes(s.as_bytes())
    }

    /// Write bytes as they are.
    pub fn bytes(&mut self, b: &[u8]) -> Outcome<()> {
        self.inner.write_all(b).map_err(|e| write_failure(&e))
    }

    /// Write a string and a newline.
    pub fn line(&mut self, s: &str) -> Outcome<()> {
        self.text(s)?;
        self.text("\n")
    }

    /// Hand what is buffered to the reader now (at the end of a command, or of a batch).
    pub fn flush(&mut self) -> Outcome<()> {
        self.inner.flush().map_err(|e| write_failure(&e))
    }
}

/// One line on standard error, prefixed with the program name. Errors are ignored: there is
/// nowhere left to report them (and `eprintln!` would panic).
pub fn note(msg: &str) {
    let _ = writeln!(std::io::stderr().lock(), "zylon-schema: {msg}");
}

/// Text on standard error as it is (the log of `fix`), errors ignored.
pub fn err_text(s: &str) {
    let _ = std::io::stderr().lock().write_all(s.as_bytes());
}
