//! Command-line parsing (small enough not to need a parser crate). Arguments are taken as
//! `OsString`s: a file name that is not UTF-8 reaches `validate` (which reports it as unreadable)
//! instead of stopping the program.

use std::ffi::{OsStr, OsString};

use zylon_schema::{Endpoint, Kind};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Compiler-style diagnostics.
    Human,
    /// The Report as JSON (NDJSON for several files or JSONL lines).
    Json,
    /// One SARIF 2.1.0 log (code-scanning tools).
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…::…`).
    Github,
}

/// The subcommands, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sub {
    /// `validate`
    Validate,
    /// `fix`
    Fix,
    /// `stream`
    Stream,
    /// `schema`
    Schema,
    /// `codes`
    Codes,
}

impl Sub {
    fn from_name(s: &str) -> Option<Sub> {
        Some(match s {
            "validate" => Sub::Validate,
            "fix" => Sub::Fix,
            "stream" => Sub::Stream,
            "schema" => Sub::Schema,
            "codes" => Sub::Codes,
            _ => return None,
        })
    }

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Sub::Validate => "validate",
            Sub::Fix => "fix",
            Sub::Stream => "stream",
            Sub::Schema => "schema",
            Sub::Codes => "codes",
        }
    }
}

/// What `validate` was asked to do.
#[derive(Debug)]
pub struct ValidateArgs {
    /// `--kind` (`None`: told from each body).
    pub kind: Option<Kind>,
    /// `--strict`
    pub strict: bool,
    /// `--spans`
    pub spans: bool,
    /// `--endpoint`: whose verdict (`validate`, the default, or `chat`).
    pub endpoint: Endpoint,
    /// `--format` (`None`: human on a terminal, else JSON).
    pub format: Option<Format>,
    /// `--jsonl`: standard input and the named files are JSON Lines.
    pub jsonl: bool,
    /// `-j/--jobs` (`None`: every core).
    pub jobs: Option<usize>,
    /// `-q/--quiet`: no output, the exit status alone (by the core's verdict fast path).
    pub quiet: bool,
    /// The FILE / DIR / `-` arguments, in order.
    pub paths: Vec<OsString>,
}

/// A parsed command.
#[derive(Debug)]
pub enum Cmd {
    /// `--help`, or `SUB --help` (the help of one subcommand).
    Help(Option<Sub>),
    /// `--version`
    Version,
    /// `codes`
    Codes,
    /// `validate`
    Validate(ValidateArgs),
    /// `fix`
    Fix {
        /// `--kind`
        kind: Option<Kind>,
        /// `--write`
        write: bool,
        /// `--jsonl`: the input is JSON Lines, whatever its name (standard input).
        jsonl: bool,
        /// FILE or `-`.
        file: OsString,
    },
    /// `stream`
    Stream {
        /// `--format` (human or JSON only).
        format: Option<Format>,
        /// FILE or `-`.
        file: OsString,
    },
    /// `schema`
    Schema {
        /// One schema, by name or alias.
        name: Option<String>,
        /// `--out DIR`
        out: Option<OsString>,
    },
}

fn utf8<'a>(a: &'a OsStr, what: &str) -> Result<&'a str, String> {
    a.to_str()
        .ok_or_else(|| format!("{what} `{}` is not valid UTF-8", a.to_string_lossy()))
}

fn kind_arg(v: &str) -> Result<Option<Kind>, String> {
    if v == "auto" {
        Ok(None)
    } else {
        v.parse::<Kind>().map(Some)
    }
}

fn format_arg(v: &str, sub: Sub) -> Result<Option<Format>, String> {
    let f = match v {
        "human" => Format::Human,
        "json" => Format::Json,
        "sarif" if sub == Sub::Validate => Format::Sarif,
        "github" if sub == Sub::Validate => Format::Github,
        _ if sub == Sub::Validate => {
            return Err(format!(
                "unknown format `{v}` (expected human, json, sarif or github)"
            ))
        }
        _ => return Err(format!("unknown format `{v}` (expected human or json)")),
    };
    Ok(Some(f))
}

/// The most threads `--jobs` may ask for.
pub const MAX_JOBS: usize = 1024;

fn jobs_arg(v: &str) -> Result<Option<usize>, String> {
    match v.parse::<usize>() {
        Ok(n) if (1..=MAX_JOBS).contains(&n) => Ok(Some(n)),
        _ => Err(format!(
            "`--jobs` needs a whole number from 1 to {MAX_JOBS}, not `{v}`"
        )),
    }
}

/// Parse the arguments after the program name.
pub fn parse(argv: &[OsString]) -> Result<Cmd, String> {
    let mut it = argv.iter();
    let Some(first) = it.next() else {
        return Ok(Cmd::Help(None));
    };
    let first = utf8(first, "command")?;
    let sub = match first {
        "-h" | "--help" | "help" => {
            // `help validate` is `validate --help`.
            return match it.next().map(|s| s.to_str()) {
                None => Ok(Cmd::Help(None)),
                Some(Some(s)) if Sub::from_name(s).is_some() => Ok(Cmd::Help(Sub::from_name(s))),
                Some(s) => Err(format!(
                    "no help for `{}` (expected validate, fix, stream, schema or codes)",
                    s.unwrap_or("?")
                )),
            };
        }
        "-V" | "--version" => return Ok(Cmd::Version),
        s => Sub::from_name(s).ok_or_else(|| {
            format!("unknown command `{s}` (expected validate, fix, stream, schema or codes)")
        })?,
    };
    let mut v = ValidateArgs {
        kind: None,
        strict: false,
        spans: false,
        endpoint: Endpoint::Validate,
        format: None,
        jsonl: false,
        jobs: None,
        quiet: false,
        paths: Vec::new(),
    };
    let (mut write, mut out) = (false, None);
    let mut options_done = false;
    let takes_kind = matches!(sub, Sub::Validate | Sub::Fix);
    let takes_format = matches!(sub, Sub::Validate | Sub::Stream);
    let is_validate = sub == Sub::Validate;
    while let Some(arg) = it.next() {
        let Some(a) = arg.to_str() else {
            // Not UTF-8: never an option, so a path (validate reports it as unreadable).
            v.paths.push(arg.clone());
            continue;
        };
        if options_done || a == "-" || !a.starts_with('-') {
            v.paths.push(arg.clone());
            continue;
        }
        // `--flag=value` and `--flag value`; `-jN` too.
        let (flag, inline) = match a.split_once('=') {
            Some((f, val)) if f.starts_with("--") => (f, Some(val)),
            _ if a.starts_with("-j") && a.len() > 2 && !a.starts_with("--") => {
                ("-j", Some(&a[2..]))
            }
            _ => (a, None),
        };
        let mut value = |name: &str| -> Result<&OsStr, String> {
            match inline {
                Some(val) => Ok(OsStr::new(val)),
                None => it
                    .next()
                    .map(OsString::as_os_str)
                    .ok_or_else(|| format!("`{name}` needs a value")),
            }
        };
        let what = format!("the value of `{flag}`");
        match flag {
            "-h" | "--help" => return Ok(Cmd::Help(Some(sub))),
            "--" => options_done = true,
            "--kind" | "-k" if takes_kind => v.kind = kind_arg(utf8(value(flag)?, &what)?)?,
            "--format" | "-f" if takes_format => {
                v.format = format_arg(utf8(value(flag)?, &what)?, sub)?
            }
            "--strict" if is_validate => v.strict = true,
            "--spans" if is_validate => v.spans = true,
            "--quiet" | "-q" if is_validate => v.quiet = true,
            "--endpoint" if is_validate => {
                v.endpoint = utf8(value(flag)?, &what)?.parse::<Endpoint>()?
            }
            "--jsonl" if is_validate || sub == Sub::Fix => v.jsonl = true,
            "--jobs" | "-j" if is_validate => v.jobs = jobs_arg(utf8(value(flag)?, &what)?)?,
            "--write" | "-w" if sub == Sub::Fix => write = true,
            "--out" | "-o" if sub == Sub::Schema => out = Some(value(flag)?.to_os_string()),
            _ => return Err(format!("unknown option `{a}` for `{}`", sub.name())),
        }
        if inline.is_some()
            && matches!(
                flag,
                "--strict" | "--spans" | "--jsonl" | "--write" | "--quiet"
            )
        {
            return Err(format!("`{flag}` takes no value"));
        }
    }
    let mut paths = v.paths;
    Ok(match sub {
        Sub::Validate => {
            if paths.is_empty() {
                return Err(
                    "`validate` needs at least one FILE or DIR (or `-` for standard input)".into(),
                );
            }
            if v.quiet && (v.format.is_some() || v.spans) {
                return Err(
                    "`--quiet` prints nothing: it takes neither `--format` nor `--spans`".into(),
                );
            }
            Cmd::Validate(ValidateArgs { paths, ..v })
        }
        Sub::Fix | Sub::Stream => {
            if paths.len() != 1 {
                return Err(format!("`{}` takes exactly one FILE (or `-`)", sub.name()));
            }
            let file = paths.remove(0);
            if sub == Sub::Fix {
                Cmd::Fix {
                    kind: v.kind,
                    write,
                    jsonl: v.jsonl,
                    file,
                }
            } else {
                Cmd::Stream {
                    format: v.format,
                    file,
                }
            }
        }
        Sub::Schema => {
            if paths.len() > 1 {
                return Err("`schema` takes at most one NAME".into());
            }
            let name = match paths.pop() {
                Some(n) => Some(utf8(&n, "schema name")?.to_string()),
                None => None,
            };
            Cmd::Schema { name, out }
        }
        Sub::Codes => {
            if let Some(p) = paths.first() {
                return Err(format!(
                    "`codes` takes no argument (got `{}`)",
                    p.to_string_lossy()
                ));
            }
            Cmd::Codes
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Cmd, String> {
        parse(&args.iter().map(OsString::from).collect::<Vec<_>>())
    }

    #[test]
    fn every_subcommand_has_help() {
        for sub in ["validate", "fix", "stream", "schema", "codes"] {
            assert!(
                matches!(p(&[sub, "--help"]), Ok(Cmd::Help(Some(s))) if s.name() == sub),
                "{sub}"
            );
            assert!(matches!(p(&["help", sub]), Ok(Cmd::Help(Some(s))) if s.name() == sub));
        }
        assert!(matches!(p(&[]), Ok(Cmd::Help(None))));
    }

    #[test]
    fn validate_options() {
        let Ok(Cmd::Validate(v)) = p(&[
            "validate",
            "-j3",
            "--format=sarif",
            "--jsonl",
            "--kind",
            "thread",
            "--",
            "-x",
            "a",
        ]) else {
            panic!()
        };
        assert_eq!(v.jobs, Some(3));
        assert_eq!(v.format, Some(Format::Sarif));
        assert!(v.jsonl);
        assert_eq!(v.kind, Some(Kind::Thread));
        assert_eq!(v.paths, [OsString::from("-x"), OsString::from("a")]);
        let Ok(Cmd::Validate(v)) = p(&["validate", "--jobs", "1", "-"]) else {
            panic!()
        };
        assert_eq!(v.jobs, Some(1));
        for bad in [
            vec!["validate", "-j0", "x"],
            vec!["validate", "-j", "100000", "x"],
            vec!["validate", "--jobs", "many", "x"],
            vec!["validate", "--strict=yes", "x"],
            vec!["stream", "--format", "sarif", "x"],
            vec!["codes", "extra"],
            vec!["fix", "--jobs", "2", "x"],
            vec!["fix", "--jsonl=yes", "x"],
            vec!["stream", "--jsonl", "x"],
        ] {
            assert!(p(&bad).is_err(), "{bad:?}");
        }
        let Ok(Cmd::Fix { jsonl, write, .. }) = p(&["fix", "--jsonl", "-w", "x.txt"]) else {
            panic!()
        };
        assert!(jsonl && write);
        let Ok(Cmd::Fix { jsonl, .. }) = p(&["fix", "x.jsonl"]) else {
            panic!()
        };
        assert!(!jsonl, "(the name decides later, in `fix::run`)");
    }

    #[cfg(unix)]
    #[test]
    fn a_non_utf8_argument_is_a_path() {
        use std::os::unix::ffi::OsStringExt;
        let name = OsString::from_vec(b"bad\xff.json".to_vec());
        let argv = vec![OsString::from("validate"), name.clone()];
        let Ok(Cmd::Validate(v)) = parse(&argv) else {
            panic!()
        };
        assert_eq!(v.paths, [name]);
    }
}
