//! `validate`: the arguments are expanded into sources, the sources cut into bounded batches,
//! each batch checked in parallel (rayon; `-j 1` checks on the main thread alone) and its
//! records written in input order. A reader thread fills the next batches (at most
//! [`QUEUED_BATCHES`] wait) while the workers check the current one, so memory stays bounded
//! whatever the size of the input.

use std::io::IsTerminal;
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;
use zylon_schema::{
    is_valid_bytes, is_valid_bytes_auto, validate_bytes, validate_bytes_auto, Kind, Options, Report,
};

use crate::args::{Format, ValidateArgs};
use crate::inputs::{self, Batch, Item};
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
    /// `None`: `--quiet` (the verdict alone, no output).
    format: Option<Format>,
    /// Bare report (no `"file"`) in JSON output.
    single: bool,
    color: bool,
}

/// What checking a run of items gives: their output, in order, and the counts.
#[derive(Default)]
struct Checked {
    /// The records, one after the other (SARIF results already joined by commas).
    text: Vec<u8>,
    /// How many records `text` holds.
    records: usize,
    tally: Tally,
    /// Lines for standard error (unreadable paths).
    notes: Vec<String>,
}

impl Checked {
    /// Start a record (a comma before every SARIF result but the first).
    fn record(&mut self, format: Format) -> &mut Vec<u8> {
        if format == Format::Sarif && self.records > 0 {
            self.text.push(b',');
        }
        self.records += 1;
        &mut self.text
    }
}

/// Items checked together by one worker (rayon still splits a batch across every thread).
const CHUNK: usize = 16;

impl Checker {
    fn chunk(&self, batch: &Batch, items: &[Item]) -> Checked {
        let mut c = Checked::default();
        for item in items {
            match item {
                Item::Unreadable { name, reason } => self.unreadable(name, reason, &mut c),
                Item::File { name, path } => match std::fs::read(path) {
                    Ok(bytes) => self.body(name, None, &bytes, &mut c),
                    Err(e) => self.unreadable(name, &e.to_string(), &mut c),
                },
                Item::Body { name, line, range } => {
                    self.body(name, *line, batch.body(range), &mut c)
                }
            }
        }
        c
    }

    fn unreadable(&self, name: &str, reason: &str, c: &mut Checked) {
        let message = read_message(name, reason);
        // (`--quiet`: no record; the note below still names the path)
        if let Some(format) = self.format {
            let out = c.record(format);
            match format {
                Format::Human => out.extend_from_slice(
                    human::render_unreadable(name, &message, self.color).as_bytes(),
                ),
                Format::Json => {
                    json_line(out, name, None, &ReadFailure::new(&message), self.single)
                }
                Format::Sarif => {
                    out.extend_from_slice(sarif::unreadable(name, &message).as_bytes())
                }
                Format::Github => {
                    out.extend_from_slice(github::unreadable(name, &message).as_bytes());
                    out.push(b'\n');
                }
            }
        }
        c.tally.unreadable += 1;
        // Also on standard error, in every format: the output may be going to a file.
        c.notes.push(message);
    }

    fn body(&self, name: &str, line: Option<usize>, bytes: &[u8], c: &mut Checked) {
        let Some(format) = self.format else {
            // The verdict alone (`--quiet`): the core stops at the first error that decides.
            let valid = match self.kind {
                Some(k) => is_valid_bytes(bytes, k, &self.options),
                None => is_valid_bytes_auto(bytes, &self.options),
            };
            c.tally.count(line, valid);
            return;
        };
        // One parse: `--kind auto` is told from the parsed body (the kind is looked up again
        // only for the `ok (kind)` line of a clean body in the human format).
        let report: Report = match self.kind {
            Some(k) => validate_bytes(bytes, k, &self.options),
            None => validate_bytes_auto(bytes, &self.options),
        };
        match format {
            Format::Json => json_line(c.record(format), name, line, &report, self.single),
            Format::Human => {
                // Snippets never show secret values (tokens, connection strings): the
                // renderer masks the windows it shows.
                // (the text the spans index: a UTF-16 body's UTF-8, for one)
                let text = zylon_schema::body_text(bytes);
                let k = || self.kind.unwrap_or_else(|| kind::detect(text.as_bytes()));
                let rendered = human::render(name, line, &text, k, &report, self.color);
                c.record(format).extend_from_slice(rendered.as_bytes());
            }
            Format::Sarif => {
                for i in report.issues() {
                    let r = sarif::result(name, line, i);
                    c.record(format).extend_from_slice(r.as_bytes());
                }
            }
            Format::Github => {
                for i in report.issues() {
                    let out = c.record(format);
                    out.extend_from_slice(github::annotation(name, line, i).as_bytes());
                    out.push(b'\n');
                }
            }
        }
        let t = &mut c.tally;
        t.count(line, report.is_valid());
        t.errors += report.errors.len();
        t.warnings += report.warnings.len();
    }
}

/// One report as a JSON line: bare for a single file, else with its file (and line).
fn json_line<R: serde::Serialize>(
    out: &mut Vec<u8>,
    name: &str,
    line: Option<usize>,
    report: &R,
    single: bool,
) {
    let written = if single {
        serde_json::to_writer(&mut *out, report)
    } else {
        serde_json::to_writer(
            &mut *out,
            &WithFile {
                file: name,
                line,
                report,
            },
        )
    };
    // Serialising these plain structs into memory cannot fail; an empty object keeps the line
    // count right if it ever did.
    if written.is_err() {
        out.extend_from_slice(b"{}");
    }
    out.push(b'\n');
}

/// Writes the records of each batch in order and keeps the counts.
struct Sink {
    out: Out,
    /// `None`: `--quiet`.
    format: Option<Format>,
    tally: Tally,
    /// Results written so far (SARIF needs commas between them).
    results: usize,
    progress: Progress,
    color: bool,
}

impl Sink {
    fn start(&mut self) -> Outcome<()> {
        if self.format == Some(Format::Sarif) {
            self.out.text(&sarif::opening())?;
        }
        Ok(())
    }

    fn batch(&mut self, items: usize, checked: Vec<Checked>) -> Outcome<()> {
        let (out, format, results) = (&mut self.out, self.format, &mut self.results);
        let tally = &mut self.tally;
        self.progress.suspend(|| -> Outcome<()> {
            for c in checked {
                tally.add(&c.tally);
                for n in &c.notes {
                    crate::output::note(n);
                }
                if c.records == 0 {
                    continue;
                }
                if format == Some(Format::Sarif) && *results > 0 {
                    out.text(",")?;
                }
                *results += c.records;
                out.bytes(&c.text)?;
            }
            out.flush()
        })?;
        self.progress.advance(items);
        Ok(())
    }

    fn end(mut self) -> Outcome<u8> {
        self.progress.finish();
        match self.format {
            Some(Format::Sarif) => self.out.text(&sarif::closing(self.tally.unreadable == 0))?,
            Some(Format::Human) => self.out.line(&human::summary(&self.tally, self.color))?,
            Some(Format::Github) => self.out.line(&human::summary(&self.tally, false))?,
            Some(Format::Json) | None => {}
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
    // (`None`: `--quiet`, no output)
    let format = (!a.quiet).then(|| {
        a.format.unwrap_or(if std::io::stdout().is_terminal() {
            Format::Human
        } else {
            Format::Json
        })
    });
    let expanded = inputs::expand(&a.paths, a.jsonl);
    let color = format == Some(Format::Human)
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let checker = Checker {
        kind: a.kind,
        options: Options {
            strict: a.strict,
            // Human, SARIF and GitHub output point at lines and columns.
            spans: a.spans
                || matches!(format, Some(Format::Human | Format::Sarif | Format::Github)),
            endpoint: a.endpoint,
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
        progress: Progress::new(format == Some(Format::Human)),
        color,
    };
    sink.start()?;
    let threads = jobs(a.jobs);
    if threads == 1 {
        let mut failure = None;
        inputs::produce(expanded.sources, |batch| {
            let checked = batch
                .items
                .chunks(CHUNK)
                .map(|items| checker.chunk(&batch, items))
                .collect();
            match sink.batch(batch.items.len(), checked) {
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
        let (tx, rx) = sync_channel::<Batch>(QUEUED_BATCHES);
        let sources = expanded.sources;
        // When the output fails the reader is not waited for (it may be blocked on its input):
        // the process ends without it.
        let reader = std::thread::Builder::new()
            .name("reader".into())
            .spawn(move || inputs::produce(sources, |batch| tx.send(batch).is_ok()))
            .map_err(|e| format!("cannot start the reader thread: {e}"))?;
        for batch in rx {
            let checked: Vec<Checked> = pool.install(|| {
                batch
                    .items
                    .par_chunks(CHUNK)
                    .map(|items| checker.chunk(&batch, items))
                    .collect()
            });
            sink.batch(batch.items.len(), checked)?;
        }
        // The channel closed: the reader is done, or died (never silently cut the run short).
        reader
            .join()
            .map_err(|_| "reading the inputs failed".to_string())?;
    }
    sink.end()
}
