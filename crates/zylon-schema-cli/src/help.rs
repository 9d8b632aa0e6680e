//! The help texts: the overview (`--help`) and one per subcommand (`SUB --help`).

use crate::args::Sub;

/// `zylon-schema --help`.
pub const OVERVIEW: &str = "\
zylon-schema — check Zylon Workspace chat API requests offline

USAGE:
  zylon-schema validate [--kind KIND] [--strict] [--endpoint validate|chat] [--format FORMAT]
                        [--spans | -q] [--jsonl] [-j N] PATH...
  zylon-schema fix [--kind KIND] [--write] [--jsonl] FILE | -
  zylon-schema stream [--format human|json] FILE | -
  zylon-schema schema [NAME] [--out DIR]
  zylon-schema codes

Run `zylon-schema COMMAND --help` for the options of one command.

KIND: auto (default), chat, interaction, project-chat, thread, thread-update,
      interaction-response, message-output, chat-response, page, stream-event

EXIT STATUS: 0 valid (warnings allowed), 1 an error was found, 2 usage or I/O problem
(a path that could not be read), 141 standard output was closed early (`| head`).
";

const VALIDATE: &str = "\
zylon-schema validate — check request (or response) bodies

USAGE:
  zylon-schema validate [OPTIONS] PATH...

PATH is a file, a directory or `-` (standard input). A directory is searched recursively for
*.json, *.jsonl and *.ndjson files, in sorted order; hidden entries and node_modules are skipped
and symbolic links to directories are not followed. *.jsonl and *.ndjson files hold one body per
line: each line is checked on its own (blank lines skipped) and reported with its line number.
Bodies are read as the server reads bytes: UTF-8, or UTF-16/UTF-32 as their first bytes say (a
warning, json.encoding); a JSON Lines file in UTF-16 (Windows PowerShell's `>`) is cut at its
own line feeds. A path that cannot be read is reported (code io.read) and the run goes on.

OPTIONS:
  -k, --kind KIND      auto (default: told from each body's keys), chat, interaction,
                       project-chat, thread, thread-update, or a response kind:
                       interaction-response, message-output, chat-response, page, stream-event
      --strict         turn every warning into an error
      --endpoint E     whose verdict: validate (default: /chat/validate, which builds the
                       built-in tools eagerly) or chat (POST /chat, which builds them only with
                       tool_choice.validation_mode eager: a bad metadata filter is then a warning)
  -f, --format FORMAT  human (default on a terminal): diagnostics with the source line;
                       json (default otherwise): the report, or one report per line with
                       \"file\" (and \"line\") when there are several bodies;
                       sarif: one SARIF 2.1.0 log; github: GitHub Actions annotations
      --spans          add source spans to JSON reports
  -q, --quiet          print nothing: the exit status alone (faster on rejected bodies: the
                       check stops at the first error that decides; unreadable paths are
                       still named on standard error)
      --jsonl          read standard input and the named files as JSON Lines (from a slow
                       producer, each line is reported as it comes: tail -f log | ... -)
  -j, --jobs N         check on N threads, 1 to 1024 (default: every core; 1: one thread)
  -h, --help           this help

`auto` reads the body: a `pgpt` key with `thread_id`/`agent` is an interaction, another `pgpt`
body a project chat, `name` and `visibility` a thread, one of them a thread update, else a chat.

EXIT STATUS: 2 if a path could not be read, else 1 if a body has an error, else 0;
141 when standard output was closed early.
";

const FIX: &str = "\
zylon-schema fix — apply the fixes that cannot change a request's meaning

USAGE:
  zylon-schema fix [--kind KIND] [--write] [--jsonl] FILE | -

Prints the fixed body on standard output (or, with --write, rewrites FILE when something was
fixed) and logs each fix on standard error: `fixed [code] path: before -> after`, or
`added [code] path: text` for an insertion. A UTF-16 or UTF-32 body is read as the server reads
it and written as UTF-8 (`converted [json.encoding] (root): UTF-16LE -> UTF-8`); bytes that UTF-8
text cannot hold exactly (invalid UTF-8, a surrogate on its own) are left alone (exit status 2).
A *.jsonl or *.ndjson file (or standard input with --jsonl) is fixed line by line, as validate
checks it (`line N: fixed ...`; blank lines and line ends kept); one line that cannot be held
leaves the whole file alone.

OPTIONS:
  -k, --kind KIND  as for validate (default auto)
  -w, --write      rewrite FILE in place
      --jsonl      read FILE or standard input as JSON Lines
  -h, --help       this help

EXIT STATUS: 0 when the fixed body is valid, 1 when errors remain, 2 usage or I/O problem.
";

const STREAM: &str = "\
zylon-schema stream — decode a captured text/event-stream answer

USAGE:
  zylon-schema stream [--format human|json] FILE | -

Prints the assembled message and any event-order problem.

OPTIONS:
  -f, --format FORMAT  human (default on a terminal) or json
  -h, --help           this help

EXIT STATUS: 0 no error, 1 an error in the stream, 2 usage or I/O problem.
";

const SCHEMA: &str = "\
zylon-schema schema — print or write the JSON Schemas

USAGE:
  zylon-schema schema              list the schemas
  zylon-schema schema NAME         print one
  zylon-schema schema [NAME] --out DIR
                                   write them (or one) to DIR as <file name>.schema.json

NAME is a --kind name for a request (chat, interaction, project-chat, thread, thread-update), or
interaction-response, message-output-response, stream-event-response, validation-report. The
former names (chat-request, interaction-request, project-chat-request, thread-create,
message-output, stream-event) are accepted too; files keep those names, as their $id does.

OPTIONS:
  -o, --out DIR  write to DIR
  -h, --help     this help
";

const CODES: &str = "\
zylon-schema codes — list every issue code with its meaning

USAGE:
  zylon-schema codes

docs/codes.md explains each one. The CLI adds io.read: a path that could not be read.
";

/// The help of one subcommand, or the overview.
pub fn text(sub: Option<Sub>) -> &'static str {
    match sub {
        None => OVERVIEW,
        Some(Sub::Validate) => VALIDATE,
        Some(Sub::Fix) => FIX,
        Some(Sub::Stream) => STREAM,
        Some(Sub::Schema) => SCHEMA,
        Some(Sub::Codes) => CODES,
    }
}
