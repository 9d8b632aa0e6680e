//! What one checked body adds to a run: the counts ([`Tally`]), the JSON record with the file
//! (and JSON Lines line) it is about ([`WithFile`]), and the report of a path that could not be
//! read ([`ReadFailure`], code `io.read`), which has the shape of the core's `Report`.

use serde::Serialize;
use zylon_schema::Summary;

/// The code of a path that could not be read. It is the CLI's own (the core never reads files),
/// so it is not in the core's code table; it is documented in the README's command-line section.
pub const IO_READ: &str = "io.read";

/// Where `io.read` is documented.
pub const IO_READ_DOCS: &str = "README.md#command-line";

/// One line describing `io.read` (the SARIF rule's description).
pub const IO_READ_SUMMARY: &str =
    "A path given to the CLI (or found in a directory) could not be read; the message gives the operating system's reason.";

/// Counts over a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Whole files (or standard input) validated.
    pub files: usize,
    /// JSON Lines bodies validated.
    pub lines: usize,
    /// Bodies with at least one error.
    pub invalid: usize,
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Paths (or streams) that could not be read.
    pub unreadable: usize,
}

impl Tally {
    /// Count one body (`line`: its line in a JSON Lines input) and its verdict.
    pub fn count(&mut self, line: Option<usize>, valid: bool) {
        self.invalid += usize::from(!valid);
        if line.is_some() {
            self.lines += 1;
        } else {
            self.files += 1;
        }
    }

    /// Add another tally to this one.
    pub fn add(&mut self, o: &Tally) {
        self.files += o.files;
        self.lines += o.lines;
        self.invalid += o.invalid;
        self.errors += o.errors;
        self.warnings += o.warnings;
        self.unreadable += o.unreadable;
    }

    /// The exit status: 2 when a path could not be read, else 1 when a body has an error, else 0.
    pub fn status(&self) -> u8 {
        if self.unreadable > 0 {
            2
        } else {
            u8::from(self.invalid > 0)
        }
    }
}

/// A report with the file it is about, and its line for a JSON Lines body (NDJSON output).
#[derive(Serialize)]
pub struct WithFile<'a, R: Serialize> {
    /// The file as named on the command line (or found in a directory); `<stdin>`.
    pub file: &'a str,
    /// The 1-based line of a JSON Lines body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The report itself, its fields inline.
    #[serde(flatten)]
    pub report: &'a R,
}

/// The one issue of a [`ReadFailure`], with the fields of the core's `Issue`.
#[derive(Serialize)]
struct ReadIssue<'a> {
    severity: &'static str,
    code: &'static str,
    path: &'static str,
    message: &'a str,
    docs: &'static str,
}

/// The report of a path that could not be read: `valid: false` and one `io.read` error.
#[derive(Serialize)]
pub struct ReadFailure<'a> {
    valid: bool,
    errors: [ReadIssue<'a>; 1],
    warnings: [ReadIssue<'a>; 0],
    summary: Summary,
}

impl<'a> ReadFailure<'a> {
    /// The report for `message` (which names the path and gives the reason).
    pub fn new(message: &'a str) -> Self {
        ReadFailure {
            valid: false,
            errors: [ReadIssue {
                severity: "error",
                code: IO_READ,
                path: "",
                message,
                docs: IO_READ_DOCS,
            }],
            warnings: [],
            summary: Summary {
                error_count: 1,
                ..Summary::default()
            },
        }
    }
}

/// The message of an `io.read` error.
pub fn read_message(name: &str, reason: &str) -> String {
    format!("cannot read `{name}`: {reason}")
}
