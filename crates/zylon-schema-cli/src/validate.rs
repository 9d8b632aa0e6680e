//! `validate`: the arguments are expanded into sources, the sources cut into bounded batches,
//! each batch checked in parallel (rayon; `-j 1` checks on the main thread alone) and its
//! records written in input order. A reader thread fills the next batches (at most
//! [`QUEUED_BATCHES`] wait) while the workers check the current one, so memory stays bounded
//! whatever the size of the input.

use std::io::IsTerminal;
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;
use zylon_schema::{validate_bytes, Kind, Options, Report};

use crate::args::{Format, ValidateArgs};
use crate::inputs::{self, Item};
use crate::output::{Out, Outcome};
use crate::progress::Progress;
use crate::report::{read_message, ReadFailure, Tally, WithFile};
use crate::{github, human, kind, sarif};

/// Batches read ahead of the one being checked.
pub const QUEUED_BATCHES: usize = 2;

/// What every worker needs to check an item and render its records.
struct Checker {
    kind: Option<Kind>,
    options: Options,
    format: Format,
    /// Bare report (no `"file"`) in JSON output.
    single: bool,
    color: bool,
}

/// What checking one item gives: the text to write, in order, and the counts.
struct Checked {
    records: Vec<String>,
    tally: Tally,
    /// A line for standard error (an unreadable path).
    note: Option<String>,
}

impl Checker {
    fn check(&self, item: Item) -> Checked {
        match item {
            Item::Unreadable { name, reason } => self.unreadable(&name, &reason),
            Item::File { name, path } => match std::fs::read(&path) {
                Ok(bytes) => self.body(&name, None, &bytes),
                Err(e) => self.unreadable(&name, &e.to_string()),
            },
            Item::Body { name, line, bytes } => self.body(&name, line, &bytes),
        }
    }

    fn unreadable(&self, name: &str, reason: &str) -> Checked {
        let message = read_message(name, reason);
        let record = match self.format {
            Format::Human => human::render_unreadable(name, &message, self.color),
            Format::Json => json_line(name, None, &ReadFailure::new(&message), self.single),
            Format::Sarif => sarif::unreadable(name, &message),
            Format::Github => github::unreadable(name, &message) + "\n",
        };
        Checked {
            records: vec![record],
            tally: Tally {
                unreadable: 1,
                ..Tally::default()
            },
            // Also on standard error, in every format: the output may be going to a file.
            note: Some(message),
        }
    }

    fn body(&self, name: &str, line: Option<usize>, bytes: &[u8]) -> Checked {
        let k = self.kind.unwrap_or_else(|| kind::detect(bytes));
        let report: Report = validate_bytes(bytes, k, &self.options);
        let records = match self.format {
            Format::Json => vec![json_line(name, line, &report, self.single)],
            Format::Human => {
                // Snippets never show secret values (tokens, connection strings).
                let text = zylon_schema::redact::redact_secrets(&String::from_utf8_lossy(bytes));
                vec![human::render(name, line, &text, k, &report, self.color)]
            }
            Format::Sarif => report
                .issues()
                .map(|i| sarif::result(name, line, i))
                .collect(),
            Format::Github => report
                .issues()
                .map(|i| github::annotation(name, line, i) + "\n")
                .collect(),
        };
        let mut tally = Tally {
            invalid: usize::from(!report.is_valid()),
            errors: report.errors.len(),
            warnings: report.warnings.len(),
            ..Tally::default()
        };
        if line.is_some() {
            tally.lines = 1;
        } else {
            tally.files = 1;
        }
        Checked {
            records,
            tally,
            note: None,
        }
    }
}

/// One report as a JSON line: bare for a single file, else with its file (and line).
fn json_line<R: serde::Serialize>(
    name: &str,
    line: Option<usize>,
    report: &R,
    single: bool,
) -> String {
    let text = if single {
        serde_json::to_string(report)
    } else {
        serde_json::to_string(&WithFile {
            file: name,
            line,
            report,
        })
    };
    // Serialising these plain structs cannot fail; an empty object keeps the line count right.
    text.unwrap_or_else(|_| "{}".into()) + "\n"
}

/// Writes the records of each batch in order and keeps the counts.
struct Sink {
    out: Out,
    format: Format,
    tally: Tally,
    /// Results written so far (SARIF needs commas between them).
    results: usize,
    progress: Progress,
    color: bool,
}

impl Sink {
    fn start(&mut self) -> Outcome<()> {
        if self.format == Format::Sarif {
            self.out.text(&sarif::opening())?;
        }
        Ok(())
    }

    fn batch(&mut self, checked: Vec<Checked>) -> Outcome<()> {
        let n = checked.len();
        let (out, format, results) = (&mut self.out, self.format, &mut self.results);
        let tally = &mut self.tally;
        self.progress.suspend(|| -> Outcome<()> {
            for c in checked {
                tally.add(&c.tally);
                if let Some(n) = &c.note {
                    crate::output::note(n);
                }
                for r in c.records {
                    if format == Format::Sarif && *results > 0 {
                        out.text(",")?;
                    }
                    *results += 1;
                    out.text(&r)?;
                }
            }
            out.flush()
        })?;
        self.progress.advance(n);
        Ok(())
    }

    fn end(mut self) -> Outcome<u8> {
        self.progress.finish();
        match self.format {
            Format::Sarif => self.out.text(&sarif::closing(self.tally.unreadable == 0))?,
            Format::Human => self.out.line(&human::summary(&self.tally, self.color))?,
            Format::Github => self.out.line(&human::summary(&self.tally, false))?,
            Format::Json => {}
        }
        self.out.flush()?;
        Ok(self.tally.status())
    }
}

/// The number of worker threads for `-j` (default: every core).
fn jobs(asked: Option<usize>) -> usize {
    asked.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// Run `validate`; the exit status is 2 when a path could not be read, else 1 when a body has
/// an error, else 0.
pub fn run(a: ValidateArgs) -> Outcome<u8> {
    let format = a.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Human
    } else {
        Format::Json
    });
    let expanded = inputs::expand(&a.paths, a.jsonl);
    let color = format == Format::Human
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let checker = Checker {
        kind: a.kind,
        options: Options {
            strict: a.strict,
            // Human, SARIF and GitHub output point at lines and columns.
            spans: a.spans || format != Format::Json,
            ..Options::default()
        },
        format,
        single: expanded.single,
        color,
    };
    let mut sink = Sink {
        out: Out::new(),
        format,
        tally: Tally::default(),
        results: 0,
        progress: Progress::new(format == Format::Human),
        color,
    };
    sink.start()?;
    let threads = jobs(a.jobs);
    if threads == 1 {
        let mut failure = None;
        inputs::produce(expanded.sources, |batch| {
            let checked = batch.into_iter().map(|i| checker.check(i)).collect();
            match sink.batch(checked) {
                Ok(()) => true,
                Err(f) => {
                    failure = Some(f);
                    false
                }
            }
        });
        if let Some(f) = failure {
            return Err(f);
        }
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| format!("cannot start {threads} worker threads: {e}"))?;
        let (tx, rx) = sync_channel::<Vec<Item>>(QUEUED_BATCHES);
        let sources = expanded.sources;
        // The reader is not joined: when the output fails it may be blocked on its input, and
        // the process ends without it.
        std::thread::Builder::new()
            .name("reader".into())
            .spawn(move || inputs::produce(sources, |batch| tx.send(batch).is_ok()))
            .map_err(|e| format!("cannot start the reader thread: {e}"))?;
        for batch in rx {
            let checked: Vec<Checked> =
                pool.install(|| batch.into_par_iter().map(|i| checker.check(i)).collect());
            sink.batch(checked)?;
        }
    }
    sink.end()
}
