//! Validation: one pass over the parsed JSON that reports every shape problem and every server
//! rule of `RULES.md` with a path, a stable code, a severity and a message.
//!
//! Entry points: [`validate_str`], [`validate_bytes`] and [`validate_value`].

pub mod code;
pub(crate) mod json;
pub mod options;
pub mod report;
mod report_json;
pub mod span;

mod ctx;
mod detect;
mod duplicates;
mod encoding;
pub(crate) use encoding::exact_text;
pub use encoding::Encoding;
mod fields;
mod format;
mod lax;
mod number;
mod path_set;
pub(crate) use lax::float_as_int;

pub use detect::detect_kind;
use detect::kind_of;
use duplicates::duplicate_keys;
pub use format::json_error;
pub(crate) use number::num;

/// The words of a warning that the server would reject the value it is about (a server-only
/// field's, RULES.md 1.4: `Ctx::server_only`, `nulls::warn_server_only`, a soft walk's errors):
/// `fix` reads them to keep a rename from making the server reject the body.
pub(crate) const WOULD_REJECT: &str = "the server would reject";

pub use code::Code;
pub use options::{Endpoint, Kind, Options, Profile};
pub use report::{Issue, Report, Severity, Summary};
pub use span::Span;

use ctx::Ctx;

/// The deepest nesting accepted (arrays and objects). Deeper bodies get `json.too_deep`.
///
/// The server's: its JSON decoder runs out of Python recursion (limit 1,000, less the frames
/// of the request path) past 969 levels, the root included (measured on the server's request
/// path, `scripts/oracle_diff.py`); deeper bodies are rejected, shallower ones accepted. The
/// parser does not recurse; the rules that descend (tldr in tldr, JSON Schemas in tools) are
/// checked at this depth in native code and in WebAssembly's 1 MiB stack (`tests/hostile.rs`,
/// `pkg-js/test/hostile.test.mjs`).
pub const MAX_DEPTH: usize = 969;

/// The most digits of an integer literal the server's JSON decoder converts: Python's limit for
/// reading text as an `int` (`sys.get_int_max_str_digits()`, 4,300 by default); a longer one
/// anywhere fails the body's parsing (`json.integer_too_long`).
pub const MAX_INTEGER_DIGITS: usize = 4300;

pub(crate) use json::short_text;
pub(crate) use report_json::string as write_json_string;

/// Validate a JSON text as the given kind of body.
pub fn validate_str(text: &str, kind: Kind, options: &Options) -> Report {
    validate_text(text, Some(kind), options, None, Want::Report)
}

/// Validate a JSON text as the kind of body its top-level keys say (see [`detect_kind`]; the
/// CLI's `--kind auto`), parsing it once.
pub fn validate_str_auto(text: &str, options: &Options) -> Report {
    validate_text(text, None, options, None, Want::Report)
}

/// Validate the bytes of a body as the kind of body their top-level keys say (see
/// [`validate_bytes`] for how they are read).
pub fn validate_bytes_auto(bytes: &[u8], options: &Options) -> Report {
    validate_raw(bytes, None, options, Want::Report)
}

/// Whether the body has no error: always the same answer as
/// [`validate_str`]`(text, kind, options).valid` (warnings allowed; in strict mode a warning is
/// an error). The fast path for a yes/no gate: the rules stop at their next check once an
/// error is final (a rejected body with an error in its first message costs little more than
/// its parse), and the issues found until then are dropped, not rendered into a report (no
/// spans). A valid body costs what [`validate_str`] costs: every rule must run to tell.
///
/// ```
/// use zylon_schema::{is_valid_str, Kind, Options};
/// let ok = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}"#;
/// assert!(is_valid_str(ok, Kind::Chat, &Options::default()));
/// assert!(!is_valid_str(r#"{"messages":[]}"#, Kind::Chat, &Options::default()));
/// ```
pub fn is_valid_str(text: &str, kind: Kind, options: &Options) -> bool {
    validate_text(text, Some(kind), options, None, Want::Verdict).valid
}

/// [`is_valid_str`] for the kind of body the text's top-level keys say (as
/// [`validate_str_auto`]).
pub fn is_valid_str_auto(text: &str, options: &Options) -> bool {
    validate_text(text, None, options, None, Want::Verdict).valid
}

/// [`is_valid_str`] for the bytes of a body, read as [`validate_bytes`] reads them.
pub fn is_valid_bytes(bytes: &[u8], kind: Kind, options: &Options) -> bool {
    validate_raw(bytes, Some(kind), options, Want::Verdict).valid
}

/// [`is_valid_bytes`] for the kind of body the top-level keys say (as
/// [`validate_bytes_auto`]).
pub fn is_valid_bytes_auto(bytes: &[u8], options: &Options) -> bool {
    validate_raw(bytes, None, options, Want::Verdict).valid
}

/// What a validation is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    /// Every issue.
    Report,
    /// The verdict alone: the rules may stop once it is known, and the report is partial
    /// (its `valid` is right; its issues are some of them).
    Verdict,
}

impl Want {
    fn ctx<'a>(self, options: &Options) -> Ctx<'a> {
        match self {
            Want::Report => Ctx::new(options),
            Want::Verdict => Ctx::verdict_only(options),
        }
    }
}

/// The text [`validate_bytes`] reads from `bytes`, for showing where its issues are (their
/// spans are offsets into it): `bytes` themselves when they are UTF-8; the UTF-8 of a body the
/// server reads as UTF-16 or UTF-32, or whose UTF-8 encodes surrogates (each U+FFFD, so that
/// every offset is also one of the bytes); else `bytes` read lossily (the report has one
/// `json.syntax` error, without a span).
pub fn body_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    encoding::text(bytes)
}

fn validate_raw(bytes: &[u8], kind: Option<Kind>, options: &Options, want: Want) -> Report {
    match encoding::read(bytes) {
        encoding::Read::Utf8(text) => validate_text(text, kind, options, None, want),
        encoding::Read::Decoded(text, note) => {
            validate_text(&text, kind, options, Some(note), want)
        }
        encoding::Read::Invalid(message) => {
            let mut ctx = want.ctx(options);
            ctx.error_hint(
                Code::JsonSyntax,
                message,
                "send the body as UTF-8 encoded JSON",
            );
            finish(ctx, Summary::default())
        }
    }
}

/// `kind: None` is told from the parsed body's top-level keys; `note`: the body was given as
/// bytes that are not plain UTF-8, and `text` is what the server reads from them.
fn validate_text(
    text: &str,
    kind: Option<Kind>,
    options: &Options,
    note: Option<encoding::Note>,
    want: Want,
) -> Report {
    // A UTF-8 byte order mark is skipped (Python decodes such bytes as `utf-8-sig`); the
    // decoder of UTF-16 or UTF-32 skips its own mark, and a U+FEFF after it is text, which the
    // server's JSON decoder rejects.
    let body = match note {
        Some(encoding::Note::Wide(_)) => text,
        _ => text.strip_prefix('\u{feff}').unwrap_or(text),
    };
    let arena = json::Arena::new();
    let parsed = json::parse(body, MAX_DEPTH, &arena);
    let mut ctx = want.ctx(options);
    if let Some(note) = note {
        let path = match (note, &parsed) {
            (encoding::Note::Surrogates(at), Ok(_)) => {
                json::pointer_at(body, at - (text.len() - body.len()))
            }
            _ => String::new(),
        };
        encoding_warning(&mut ctx, note, path);
    }
    match parsed {
        Ok(json::Parsed {
            value: tree,
            has_duplicates: duplicates,
            depth,
            longest_integer: (digits, at),
            constants,
        }) => {
            let kind = kind.unwrap_or_else(|| match &tree {
                json::Value::Object(o) => kind_of(o),
                _ => Kind::Chat,
            });
            ctx.doc_depth = depth;
            if digits > MAX_INTEGER_DIGITS {
                integer_too_long(&mut ctx, body, digits, at);
            }
            if constants.0 > 0 {
                non_standard_numbers(&mut ctx, body, constants);
            }
            if duplicates {
                duplicate_keys(&mut ctx, tree);
            }
            let summary = rules::run(&mut ctx, &tree, kind, options);
            if ctx.decided() {
                return finish(ctx, summary);
            }
            ctx.flush_pending();
            // Spans are byte offsets into the text as given (a leading BOM included).
            if options.spans && want == Want::Report {
                let shift = text.len() - body.len();
                span::attach(text, shift, &mut ctx.errors);
                span::attach(text, shift, &mut ctx.warnings);
            }
            finish(ctx, summary)
        }
        Err(e) => {
            let (line, col) = json::line_col(body, e.offset);
            let at = e.offset + (text.len() - body.len());
            if e.too_deep {
                // Same message as `validate_value`; the position is in the span.
                ctx.error(Code::JsonTooDeep, e.message);
            } else {
                ctx.error_hint(
                    Code::JsonSyntax,
                    format!(
                        "the body is not valid JSON: {} at line {line} column {col}",
                        e.message
                    ),
                    "check for a missing comma, quote or bracket near that position",
                );
            }
            let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            if options.spans {
                if let Some(i) = ctx.errors.last_mut() {
                    i.span = Some(span::Span::of(text, at, end));
                }
            }
            finish(ctx, Summary::default())
        }
    }
}

/// The server cannot parse a body holding an integer literal of more than
/// [`MAX_INTEGER_DIGITS`] digits (the longest one, of `digits` digits, starts at byte `at`).
fn integer_too_long(ctx: &mut Ctx<'_>, body: &str, digits: usize, at: usize) {
    ctx.push(
        Severity::Error,
        Code::JsonIntegerTooLong,
        json::pointer_at(body, at),
        format!(
            "an integer of {digits} digits: the server's JSON decoder reads at most {MAX_INTEGER_DIGITS} (Python's limit for converting text to an int) and cannot parse the body"
        ),
        Some("send the number as a string, or drop the digits nobody reads".into()),
    );
}

/// `NaN`, `Infinity` or `-Infinity` in the body: `count` of them, the first at byte `at` (one
/// issue: a pointer per number would rescan the text for each).
fn non_standard_numbers(ctx: &mut Ctx<'_>, body: &str, (count, at): (usize, usize)) {
    let word = ["-Infinity", "Infinity", "NaN"]
        .into_iter()
        .find(|w| body[at..].starts_with(w))
        .unwrap_or("NaN");
    let more = match count {
        1 => String::new(),
        n => format!(" ({} more in the body)", n - 1),
    };
    ctx.push(
        Severity::Warning,
        Code::JsonNonStandardNumber,
        json::pointer_at(body, at),
        format!("`{word}` is not JSON{more}: the server's decoder (Python's) reads it as a float, other JSON parsers reject it"),
        Some("send a finite number, or leave the field out".into()),
    );
}

/// A body the server reads although it is not plain UTF-8 (see the `encoding` module).
fn encoding_warning(ctx: &mut Ctx<'_>, note: encoding::Note, path: String) {
    const BUT: &str = ": the server's decoder reads it, but JSON between systems must be UTF-8 \
                       (RFC 8259) and other parsers on the way may reject it";
    let (message, hint) = match note {
        encoding::Note::Wide(wide) => (
            format!(
                "the body is {}{}, not UTF-8{BUT}",
                wide.name(),
                if wide.has_bom() {
                    " with a byte order mark"
                } else {
                    ""
                },
            ),
            "send the body as UTF-8",
        ),
        encoding::Note::Surrogates(_) => (
            format!("the body's UTF-8 encodes a surrogate (U+D800 to U+DFFF) on its own{BUT}"),
            "write a character beyond U+FFFF as one 4-byte UTF-8 sequence",
        ),
    };
    ctx.push(
        Severity::Warning,
        Code::JsonEncoding,
        path,
        message,
        Some(hint.into()),
    );
}

/// Validate the bytes of a body as the given kind of body, read as the server reads them:
/// UTF-8 (a leading byte order mark skipped), or UTF-16 or UTF-32 as the server's JSON decoder
/// tells them (a warning, `json.encoding`, then says so; spans are then offsets into
/// [`body_text`], the body's UTF-8).
pub fn validate_bytes(bytes: &[u8], kind: Kind, options: &Options) -> Report {
    validate_raw(bytes, Some(kind), options, Want::Report)
}

/// Validate an already parsed JSON value as the given kind of body.
pub fn validate_value(value: &serde_json::Value, kind: Kind, options: &Options) -> Report {
    // (before the context, which borrows from the tree and is dropped first)
    let arena = json::Arena::new();
    let mut ctx = Ctx::new(options);
    if depth_exceeds(value, MAX_DEPTH) {
        ctx.error(
            Code::JsonTooDeep,
            format!("the body nests deeper than {MAX_DEPTH} levels"),
        );
        return finish(ctx, Summary::default());
    }
    let tree = json::from_serde(value, &arena);
    let summary = rules::run(&mut ctx, &tree, kind, options);
    ctx.flush_pending();
    finish(ctx, summary)
}

mod rules;
mod spare;

#[cfg(test)]
mod tests;

fn finish(mut ctx: Ctx<'_>, mut summary: Summary) -> Report {
    let errors = std::mem::take(&mut ctx.errors);
    let warnings = std::mem::take(&mut ctx.warnings);
    summary.error_count = errors.len();
    summary.warning_count = warnings.len();
    Report {
        valid: errors.is_empty(),
        errors,
        warnings,
        summary,
    }
}

/// Whether `v` nests deeper than `limit` (iterative, so it cannot overflow the stack).
fn depth_exceeds(v: &serde_json::Value, limit: usize) -> bool {
    let mut stack: Vec<(&serde_json::Value, usize)> = vec![(v, 1)];
    while let Some((v, d)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &serde_json::Value>> = match v {
            serde_json::Value::Array(a) => Box::new(a.iter()),
            serde_json::Value::Object(o) => Box::new(o.values()),
            _ => continue,
        };
        if d > limit {
            return true;
        }
        for c in children {
            if matches!(
                c,
                serde_json::Value::Array(_) | serde_json::Value::Object(_)
            ) {
                stack.push((c, d + 1));
            }
        }
    }
    false
}
