//! Command-line parsing (small enough not to need a parser crate).

use zylon_schema::Kind;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Compiler-style diagnostics.
    Human,
    /// The Report as JSON (NDJSON for several files).
    Json,
}

/// A parsed command.
#[derive(Debug)]
pub enum Cmd {
    Help,
    Version,
    Codes,
    Validate {
        kind: Option<Kind>,
        strict: bool,
        spans: bool,
        format: Option<Format>,
        files: Vec<String>,
    },
    Fix {
        kind: Option<Kind>,
        write: bool,
        file: String,
    },
    Stream {
        format: Option<Format>,
        file: String,
    },
    Schema {
        name: Option<String>,
        out: Option<String>,
    },
}

/// The command line.
#[derive(Debug)]
pub struct Parsed {
    pub cmd: Cmd,
}

fn value<'a>(it: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<&'a String, String> {
    it.next().ok_or_else(|| format!("`{flag}` needs a value"))
}

fn kind_arg(v: &str) -> Result<Option<Kind>, String> {
    if v == "auto" {
        Ok(None)
    } else {
        v.parse::<Kind>().map(Some)
    }
}

fn format_arg(v: &str) -> Result<Option<Format>, String> {
    match v {
        "human" => Ok(Some(Format::Human)),
        "json" => Ok(Some(Format::Json)),
        _ => Err(format!("unknown format `{v}` (expected human or json)")),
    }
}

/// Parse the arguments after the program name.
pub fn parse(argv: &[String]) -> Result<Parsed, String> {
    let mut it = argv.iter();
    let Some(sub) = it.next() else {
        return Ok(Parsed { cmd: Cmd::Help });
    };
    let cmd = match sub.as_str() {
        "-h" | "--help" | "help" => Cmd::Help,
        "-V" | "--version" => Cmd::Version,
        "codes" => Cmd::Codes,
        "validate" | "fix" | "stream" | "schema" => {
            let (mut kind, mut strict, mut spans, mut format, mut write, mut out) =
                (None, false, false, None, false, None);
            let mut positional = Vec::new();
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--kind" | "-k" if sub != "schema" && sub != "stream" => {
                        kind = kind_arg(value(&mut it, a)?)?
                    }
                    s if s.starts_with("--kind=") && sub != "schema" && sub != "stream" => {
                        kind = kind_arg(&s[7..])?
                    }
                    "--strict" if sub == "validate" => strict = true,
                    "--spans" if sub == "validate" => spans = true,
                    "--format" | "-f" if sub == "validate" || sub == "stream" => {
                        format = format_arg(value(&mut it, a)?)?
                    }
                    s if s.starts_with("--format=") && (sub == "validate" || sub == "stream") => {
                        format = format_arg(&s[9..])?
                    }
                    "--write" | "-w" if sub == "fix" => write = true,
                    "--out" | "-o" if sub == "schema" => out = Some(value(&mut it, a)?.clone()),
                    "-h" | "--help" => return Ok(Parsed { cmd: Cmd::Help }),
                    "-" => positional.push(a.clone()),
                    s if s.starts_with('-') => {
                        return Err(format!("unknown option `{s}` for `{sub}`"))
                    }
                    _ => positional.push(a.clone()),
                }
            }
            match sub.as_str() {
                "validate" => {
                    if positional.is_empty() {
                        return Err(
                            "`validate` needs at least one FILE (or `-` for standard input)".into(),
                        );
                    }
                    Cmd::Validate {
                        kind,
                        strict,
                        spans,
                        format,
                        files: positional,
                    }
                }
                "fix" | "stream" => {
                    if positional.len() != 1 {
                        return Err(format!("`{sub}` takes exactly one FILE (or `-`)"));
                    }
                    let file = positional.remove(0);
                    if sub == "fix" {
                        Cmd::Fix { kind, write, file }
                    } else {
                        Cmd::Stream { format, file }
                    }
                }
                _ => {
                    if positional.len() > 1 {
                        return Err("`schema` takes at most one NAME".into());
                    }
                    Cmd::Schema {
                        name: positional.pop(),
                        out,
                    }
                }
            }
        }
        other => {
            return Err(format!(
                "unknown command `{other}` (expected validate, fix, stream, schema or codes)"
            ))
        }
    };
    Ok(Parsed { cmd })
}
