//! `zylon-schema`: validate Zylon Workspace chat API requests offline, fix what is safe to fix,
//! decode captured response streams, and export the JSON Schemas.
#![forbid(unsafe_code)]

mod args;
mod human;
mod kind;

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use args::{Cmd, Format, Parsed};
use zylon_schema::{validate_bytes, Kind, Options, Report};

const USAGE: &str = "\
zylon-schema — check Zylon Workspace chat API requests offline

USAGE:
  zylon-schema validate [--kind KIND] [--strict] [--format human|json] [--spans] FILE... | -
  zylon-schema fix [--kind KIND] [--write] FILE | -
  zylon-schema stream [--format human|json] FILE | -
  zylon-schema schema [NAME] [--out DIR]
  zylon-schema codes

KIND: auto (default), chat, interaction, project-chat, thread, thread-update,
      interaction-response, message-output, chat-response, page, stream-event
`auto` reads the body: a `pgpt` key with `thread_id`/`agent` is an interaction, another `pgpt`
body a project chat, `name` and `visibility` a thread, one of them a thread update, else a chat.

EXIT STATUS: 0 valid (warnings allowed), 1 an error was found, 2 usage or I/O problem.
";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args::parse(&argv) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("zylon-schema: {msg}\n\nRun `zylon-schema --help` for usage.");
            return ExitCode::from(2);
        }
    };
    match run(parsed) {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("zylon-schema: {msg}");
            ExitCode::from(2)
        }
    }
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))
    }
}

fn out_format(f: Option<Format>) -> Format {
    f.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Human
    } else {
        Format::Json
    })
}

fn run(p: Parsed) -> Result<u8, String> {
    match p.cmd {
        Cmd::Help => {
            print!("{USAGE}");
            Ok(0)
        }
        Cmd::Version => {
            println!("zylon-schema {}", env!("CARGO_PKG_VERSION"));
            Ok(0)
        }
        Cmd::Codes => {
            for c in zylon_schema::Code::ALL {
                println!("{:<48} {}", c.as_str(), c.summary().trim());
            }
            Ok(0)
        }
        Cmd::Validate {
            kind,
            strict,
            spans,
            format,
            files,
        } => validate(kind, strict, spans, out_format(format), &files),
        Cmd::Fix { kind, write, file } => fix(kind, write, &file),
        Cmd::Stream { format, file } => stream(out_format(format), &file),
        Cmd::Schema { name, out } => schema(name.as_deref(), out.as_deref()),
    }
}

fn validate(
    kind: Option<Kind>,
    strict: bool,
    spans: bool,
    format: Format,
    files: &[String],
) -> Result<u8, String> {
    // Read every file first: an unreadable file is a usage/I-O problem (exit 2) before any output.
    let inputs: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| read_input(f).map(|b| (f.clone(), b)))
        .collect::<Result<_, _>>()?;
    let human = format == Format::Human;
    let options = Options {
        strict,
        spans: spans || human,
        ..Options::default()
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let color = human && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut any_error = false;
    let (mut errors, mut warnings) = (0, 0);
    for (name, bytes) in &inputs {
        let k = kind.unwrap_or_else(|| kind::detect(bytes));
        let report: Report = validate_bytes(bytes, k, &options);
        any_error |= !report.is_valid();
        errors += report.errors.len();
        warnings += report.warnings.len();
        let shown = if name == "-" {
            "<stdin>"
        } else {
            name.as_str()
        };
        match format {
            Format::Json => {
                // Field order as in the Report type; several files: NDJSON with a `file` key.
                let line = if inputs.len() > 1 {
                    serde_json::to_string(&WithFile {
                        file: shown,
                        report: &report,
                    })
                } else {
                    serde_json::to_string(&report)
                };
                writeln!(out, "{}", line.map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
            }
            Format::Human => {
                // Snippets never show secret values (tokens, connection strings).
                let text = zylon_schema::redact::redact_secrets(&String::from_utf8_lossy(bytes));
                write!(out, "{}", human::render(shown, &text, k, &report, color))
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    if human {
        writeln!(
            out,
            "{}",
            human::summary(inputs.len(), errors, warnings, color)
        )
        .map_err(|e| e.to_string())?;
    }
    Ok(u8::from(any_error))
}

/// A report with the file it is about (NDJSON output).
#[derive(serde::Serialize)]
struct WithFile<'a> {
    file: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

fn fix(kind: Option<Kind>, write: bool, file: &str) -> Result<u8, String> {
    let bytes = read_input(file)?;
    let text =
        String::from_utf8(bytes.clone()).map_err(|_| format!("`{file}` is not UTF-8 text"))?;
    let k = kind.unwrap_or_else(|| kind::detect(&bytes));
    let result = zylon_schema::fix::fix_str(&text, k, &Options::default());
    for f in &result.fixes {
        eprintln!(
            "fixed [{}] {}: {} -> {}",
            f.code,
            if f.path.is_empty() { "(root)" } else { &f.path },
            cut(&f.before),
            cut(&f.after)
        );
    }
    eprintln!(
        "{} fix(es) applied; {} error(s), {} warning(s) remain",
        result.fixes.len(),
        result.report.errors.len(),
        result.report.warnings.len()
    );
    if write && file != "-" {
        if !result.fixes.is_empty() {
            std::fs::write(file, &result.body)
                .map_err(|e| format!("cannot write `{file}`: {e}"))?;
        }
    } else {
        print!("{}", result.body);
    }
    Ok(u8::from(!result.report.is_valid()))
}

fn cut(s: &str) -> String {
    let mut t: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        t.push('…');
    }
    t
}

fn stream(format: Format, file: &str) -> Result<u8, String> {
    let bytes = read_input(file)?;
    let acc = zylon_schema::stream::accumulate(&bytes);
    let has_error = acc
        .issues()
        .iter()
        .any(|i| i.severity == zylon_schema::Severity::Error);
    match format {
        Format::Json => {
            let v = serde_json::json!({"message": acc.message(), "issues": acc.issues(), "events": acc.event_count()});
            println!("{v}");
        }
        Format::Human => print!("{}", human::render_stream(&acc)),
    }
    Ok(u8::from(has_error))
}

fn schema(name: Option<&str>, out: Option<&str>) -> Result<u8, String> {
    let all = zylon_schema::schema::all();
    match (name, out) {
        (Some(n), None) => {
            let s = zylon_schema::schema::get(n).ok_or_else(|| {
                format!(
                    "unknown schema `{n}` (known: {})",
                    all.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
                )
            })?;
            println!(
                "{}",
                serde_json::to_string_pretty(&s).map_err(|e| e.to_string())?
            );
        }
        (name, Some(dir)) => {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create `{dir}`: {e}"))?;
            for (n, s) in all.iter().filter(|(n, _)| name.is_none_or(|x| x == *n)) {
                let path = std::path::Path::new(dir).join(format!("{n}.schema.json"));
                let text = serde_json::to_string_pretty(s).map_err(|e| e.to_string())? + "\n";
                std::fs::write(&path, text)
                    .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
                println!("{}", path.display());
            }
        }
        (None, None) => {
            for (n, s) in &all {
                let title = s.get("title").and_then(|t| t.as_str()).unwrap_or("");
                println!("{n:<24} {title}");
            }
        }
    }
    Ok(0)
}
