//! Safe auto-fix: rewrite only what cannot change the meaning of a request, as text edits, so
//! that key order, formatting and every untouched value stay exactly as they were.
//!
//! Applied fixes:
//! * `content` (message or `tool_result`) as a plain string → `[{"type": "text", "text": ...}]`;
//! * `system` as a plain string → `{"text": ...}`;
//! * a built-in tool given as a bare string → `{"name": ..., "type": ...}`;
//! * keys that differ from a known field only in case, `_`/`-` or by a documented alias
//!   (`input_schema` → `inputSchema`, `mimeType` → `mime_type`, `enabled_tools` → `allowed_tools`),
//!   when the target key is not already present;
//! * a missing media `mime_type` filled in from the sniffed bytes of the data;
//! * enum values that differ only in case (`"User"` → `"user"`, `"private"` → `"Private"`);
//! * numbers and booleans sent as strings (`"100"` → `100`, `"true"` → `true`), and whole
//!   numbers written as floats in integer fields (`100.0` → `100`).
//!
//! Typos found by edit distance (`temprature`) are only suggested, never applied.

use serde::{Deserialize, Serialize};

use crate::check::json::{self, Value};
use crate::check::report::{Suggestion, SuggestionKind};
use crate::check::span::locate;
use crate::check::{validate_str, write_json_string, Code, Kind, Options, Report, MAX_DEPTH};
use crate::media::{self, DataForm};
use zylon_json::push_decimal;

/// One applied fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AppliedFix {
    /// The issue code the fix resolves (`field.coerced` for number normalisation).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub code: Code,
    /// JSON Pointer of the changed value (or key) in the body as it was when the fix applied
    /// (fixes run in rounds; a later round sees the renames of an earlier one).
    pub path: String,
    /// The original text.
    pub before: String,
    /// The replacement text.
    pub after: String,
    /// Byte offset of `before` in the body of its round (round 1 works on the input, or on its
    /// UTF-8 when [`fix_bytes`] read it from UTF-16 or UTF-32).
    pub offset: usize,
    /// Which round applied it (1-based; a round sees the body the previous round produced).
    /// Round 0 is [`fix_bytes`] reading a UTF-16 or UTF-32 body as UTF-8 (`json.encoding`:
    /// `before` and `after` are the encodings' names, `UTF-16LE` and `UTF-8`).
    pub round: u32,
}

/// The outcome of [`fix_str`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FixResult {
    /// The fixed body (the input unchanged when nothing applied).
    pub body: String,
    /// What was changed, in document order.
    pub fixes: Vec<AppliedFix>,
    /// The report of the fixed body.
    pub report: Report,
}

impl FixResult {
    /// As compact JSON text, the same as `serde_json::to_string(self)`, written by hand as
    /// [`Report::to_json`] is: a build that only needs the text keeps no serde code for it.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(self.body.len() + 64 + 128 * self.fixes.len());
        out.push_str("{\"body\":");
        write_json_string(&mut out, &self.body);
        out.push_str(",\"fixes\":[");
        for (n, f) in self.fixes.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            out.push_str("{\"code\":");
            write_json_string(&mut out, f.code.as_str());
            for (key, text) in [
                (",\"path\":", &f.path),
                (",\"before\":", &f.before),
                (",\"after\":", &f.after),
            ] {
                out.push_str(key);
                write_json_string(&mut out, text);
            }
            out.push_str(",\"offset\":");
            push_decimal(&mut out, f.offset);
            out.push_str(",\"round\":");
            push_decimal(&mut out, f.round as usize);
            out.push('}');
        }
        out.push_str("],\"report\":");
        out.push_str(&self.report.to_json());
        out.push('}');
        out
    }
}

struct Edit {
    start: usize,
    end: usize,
    text: String,
    code: Code,
    path: String,
    /// A renamed key's new pointer.
    rename: Option<String>,
    /// Its place among the edits found: edits with equal ranges keep the order of the issues.
    seq: usize,
}

/// Why [`fix_bytes`] did not fix a body: its bytes are not text that UTF-8 can hold as the
/// server reads it (not decodable; a surrogate on its own; a U+FEFF that starts UTF-16 or UTF-32
/// text, which the server rejects but would skip as UTF-8's byte order mark), so any rewrite
/// would change it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct NotText {
    /// What is wrong with the bytes (as the `json.syntax` error or `json.encoding` warning of
    /// [`crate::validate_bytes`] says).
    pub reason: String,
}

impl NotText {
    /// What the bindings give back for bytes left alone: no body (`""`), no fixes, and the
    /// report of that empty body, one `json.syntax` error saying why nothing was fixed — never
    /// a valid report next to a body that is not one.
    pub fn into_result(self) -> FixResult {
        let message = format!("nothing was fixed: {}", self.reason);
        let mut report = validate_str("", Kind::Chat, &Options::default());
        if let Some(issue) = report.errors.first_mut() {
            issue.message = message;
            issue.hint = Some("send or fix the body as UTF-8 text".into());
        }
        FixResult {
            body: String::new(),
            fixes: Vec::new(),
            report,
        }
    }
}

/// [`fix_str`] on the bytes of a body, read as the server reads them (see
/// [`crate::validate_bytes`]); `kind: None` is told from its top-level keys. A body in UTF-16 or
/// UTF-32 comes back as UTF-8, the first of its fixes saying so (`json.encoding`, round 0);
/// one that UTF-8 text cannot hold exactly is left alone, with the reason.
///
/// ```
/// use zylon_schema::{fix::fix_bytes, Code, Options};
///
/// let utf16: Vec<u8> = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]}"#
///     .encode_utf16()
///     .flat_map(u16::to_le_bytes)
///     .collect();
/// let out = fix_bytes(&utf16, None, &Options::default()).unwrap();
/// assert!(out.body.starts_with(r#"{"messages""#));
/// assert_eq!(out.fixes[0].code, Code::JsonEncoding);
/// assert_eq!((out.fixes[0].before.as_str(), out.fixes[0].after.as_str()), ("UTF-16LE", "UTF-8"));
/// assert!(out.report.is_valid() && out.report.warnings.is_empty());
///
/// assert!(fix_bytes(b"{\"a\":\"\xff\"}", None, &Options::default()).is_err());
/// ```
pub fn fix_bytes(
    bytes: &[u8],
    kind: Option<Kind>,
    options: &Options,
) -> Result<FixResult, NotText> {
    let (text, encoding) = crate::check::exact_text(bytes).map_err(|reason| NotText { reason })?;
    let kind = kind.unwrap_or_else(|| crate::detect_kind(text.as_bytes()));
    let mut result = fix_str(&text, kind, options);
    if encoding != crate::Encoding::Utf8 {
        result.fixes.insert(
            0,
            AppliedFix {
                code: Code::JsonEncoding,
                path: String::new(),
                before: encoding.name().into(),
                after: crate::Encoding::Utf8.name().into(),
                offset: 0,
                round: 0,
            },
        );
    }
    Ok(result)
}

/// Apply every safe fix to a JSON text and validate the result.
///
/// ```
/// use zylon_schema::{fix::fix_str, Kind, Options};
///
/// let out = fix_str(r#"{"messages":[{"role":"User","content":"Hi"}]}"#, Kind::Chat, &Options::default());
/// assert_eq!(out.body, r#"{"messages":[{"role":"user","content":[{"type": "text", "text": "Hi"}]}]}"#);
/// assert!(out.report.is_valid() && out.report.warnings.is_empty());
/// ```
pub fn fix_str(text: &str, kind: Kind, options: &Options) -> FixResult {
    // A renamed key must not turn a field the server ignores into one it rejects (a value of
    // the wrong type under the right name): when the fixed body has an error at or under a
    // renamed key, or a warning there that says the server would reject the value (a
    // server-only field's, RULES.md 1.4, such as those inside the alias `toolChoice`), the
    // fixes start again without that rename (the innermost over the issue), or first without a
    // rename made inside it in the same round (whose pointers name the outer key's old name):
    // renaming `toolChoice` then survives undoing a rename inside it.
    let mut banned: Vec<String> = Vec::new();
    loop {
        let (body, fixes, renamed) = fix_rounds(text, kind, options, &banned);
        let report = validate_str(&body, kind, options);
        // (the renamed fields' own errors: warnings that strict mode turns into errors do not count)
        let lenient = (options.strict && !renamed.is_empty()).then(|| {
            let o = Options {
                strict: false,
                ..options.clone()
            };
            validate_str(&body, kind, &o)
        });
        let judged = lenient.as_ref().unwrap_or(&report);
        let rejected = || {
            judged.errors.iter().chain(
                judged
                    .warnings
                    .iter()
                    .filter(|w| zylon_json::contains(&w.message, crate::check::WOULD_REJECT)),
            )
        };
        let before = banned.len();
        let under = |p: &str, at: &str| {
            p.strip_prefix(at)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        for issue in rejected() {
            let Some((outer, _)) = renamed
                .iter()
                .filter(|(_, new)| under(&issue.path, new))
                .max_by_key(|(_, new)| new.len())
            else {
                continue;
            };
            let culprit = renamed
                .iter()
                .map(|(old, _)| old)
                .rfind(|old| *old != outer && under(old, outer))
                .unwrap_or(outer);
            if !banned.contains(culprit) {
                banned.push(culprit.clone());
            }
        }
        if banned.len() == before || banned.len() > 16 {
            return FixResult {
                body,
                fixes,
                report,
            };
        }
    }
}

/// The rounds of fixes (at most four: a fix can uncover more, as a renamed `messages` key gets
/// its messages checked), without renaming the keys at `banned`; returns the body, the fixes
/// and each rename's old and new pointers.
fn fix_rounds(
    text: &str,
    kind: Kind,
    options: &Options,
    banned: &[String],
) -> (String, Vec<AppliedFix>, Vec<(String, String)>) {
    let mut body = text.to_string();
    let mut fixes = Vec::new();
    let mut renamed = Vec::new();
    for n in 1..=4 {
        let (next, mut round) = fix_round(&body, kind, options, banned, &mut renamed);
        round.iter_mut().for_each(|f| f.round = n);
        if round.is_empty() {
            break;
        }
        fixes.extend(round);
        body = next;
    }
    (body, fixes, renamed)
}

/// One round: validate, compute non-overlapping edits for the fixable issues, apply them.
fn fix_round(
    text: &str,
    kind: Kind,
    options: &Options,
    banned: &[String],
    renamed: &mut Vec<(String, String)>,
) -> (String, Vec<AppliedFix>) {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = &text[..text.len() - body.len()];
    let arena = json::Arena::new();
    let Ok(json::Parsed { value: tree, .. }) = json::parse(body, MAX_DEPTH, &arena) else {
        return (text.to_string(), Vec::new());
    };
    // Issues as the lenient validator sees them (strict mode would not change what is fixable).
    let lenient = Options {
        strict: false,
        spans: false,
        ..options.clone()
    };
    let report = validate_str(body, kind, &lenient);
    let mut wanted: Vec<(Code, String, Option<Suggestion>)> = report
        .issues()
        .map(|i| (i.code, i.path.clone(), i.suggestion.clone()))
        .collect();
    wanted.extend(integral_floats(&tree, kind));
    let pointers: Vec<&str> = wanted.iter().map(|(_, p, _)| p.as_str()).collect();
    let found = locate(body, &pointers);
    let mut at = zylon_json::Resolver::new(tree);
    let mut edits: Vec<Edit> = wanted
        .iter()
        .zip(found)
        .enumerate()
        .filter_map(|(seq, ((code, path, suggestion), loc))| {
            let rename = suggestion
                .as_ref()
                .filter(|s| s.kind == SuggestionKind::RenameKey)
                .map(|s| {
                    format!(
                        "{}/{}",
                        &path[..zylon_json::find_last(path, "/").unwrap_or(0)],
                        s.value
                    )
                });
            if rename.is_some() && banned.contains(path) {
                return None;
            }
            let (text, start, end) =
                edit_for(body, &mut at, *code, path, suggestion.as_ref(), loc)?;
            Some(Edit {
                start,
                end,
                text,
                code: *code,
                path: path.clone(),
                rename,
                seq,
            })
        })
        .collect();
    // (the stable sort by range, as an unstable one with the tie broken by `seq`: the
    // WebAssembly modules keep no stable-sort code)
    edits.sort_unstable_by_key(|e| (e.start, e.end, e.seq));
    apply(bom, body, &edits, renamed)
}

/// The text with the edits that do not overlap an earlier one (those are left for the next
/// round), and what they changed; the renames applied go to `renamed` (old and new pointers).
fn apply(
    bom: &str,
    body: &str,
    edits: &[Edit],
    renamed: &mut Vec<(String, String)>,
) -> (String, Vec<AppliedFix>) {
    let mut out = String::with_capacity(bom.len() + body.len() + 64);
    out.push_str(bom);
    let mut fixes = Vec::new();
    let mut pos = 0;
    for e in edits {
        if e.start < pos {
            continue;
        }
        out.push_str(&body[pos..e.start]);
        out.push_str(&e.text);
        if let Some(new) = &e.rename {
            renamed.push((e.path.clone(), new.clone()));
        }
        fixes.push(AppliedFix {
            code: e.code,
            path: e.path.clone(),
            before: body[e.start..e.end].to_string(),
            after: e.text.clone(),
            offset: e.start + bom.len(),
            round: 0,
        });
        pos = e.end;
    }
    out.push_str(&body[pos..]);
    (out, fixes)
}

/// Integer fields holding whole floats (`100.0`): not issues, but worth normalising.
fn integral_floats(tree: &Value<'_>, kind: Kind) -> Vec<(Code, String, Option<Suggestion>)> {
    let prefix = match kind {
        Kind::Chat => "",
        Kind::Interaction | Kind::ProjectChat => "/pgpt",
        _ => return Vec::new(),
    };
    let Some(req) = tree.pointer(prefix).and_then(Value::as_object) else {
        return Vec::new();
    };
    crate::vocab::fields::CHAT_REQUEST
        .iter()
        .filter(|f| f.types == crate::vocab::Types::INTEGER)
        .map(|f| f.name)
        .filter(|k| matches!(req.get(k), Some(Value::Number(n)) if !n.int && n.value.fract() == 0.0 && n.value.abs() < 1e15))
        .map(|k| (Code::FieldCoerced, format!("{prefix}/{k}"), None))
        .collect()
}

/// `s` as a JSON string (serde_json's escapes).
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_json_string(&mut out, s);
    out
}

/// Compute the edit for one issue: replacement text and byte range. The renames and value
/// replacements are the issue's own [`Suggestion`]s (the validator attaches one only when it
/// is safe); the rest follows from the code and the value.
fn edit_for(
    body: &str,
    tree: &mut zylon_json::Resolver<'_>,
    code: Code,
    path: &str,
    suggestion: Option<&Suggestion>,
    loc: crate::check::span::Located,
) -> Option<(String, usize, usize)> {
    let (start, end) = loc.value?;
    let raw = &body[start..end];
    let value = tree.pointer(path);
    let parent_path = &path[..zylon_json::find_last(path, "/").unwrap_or(0)];
    match (suggestion, code) {
        (
            Some(Suggestion {
                kind: SuggestionKind::RenameKey,
                value: target,
            }),
            _,
        ) if loc.exact => {
            let parent = tree.pointer(parent_path)?.as_object()?;
            if parent.contains_key(target) {
                return None; // the right key is there too: which value is meant is not ours to say
            }
            let (ks, ke) = key_before(body, start, loc.key)?;
            Some((quote(target), ks, ke))
        }
        (
            Some(Suggestion {
                kind: SuggestionKind::ReplaceString,
                value: target,
            }),
            _,
        ) if loc.exact => {
            let current = value?.as_str()?;
            (target != current).then(|| (quote(target), start, end))
        }
        (
            Some(Suggestion {
                kind: SuggestionKind::ToolObject,
                value: name,
            }),
            _,
        ) if loc.exact && value?.is_string() => Some((
            format!("{{\"name\": {}, \"type\": {raw}}}", quote(name)),
            start,
            end,
        )),
        (_, Code::MessageContentString | Code::BlockToolResultContentString)
            if loc.exact && value?.is_string() =>
        {
            Some((
                format!("[{{\"type\": \"text\", \"text\": {raw}}}]"),
                start,
                end,
            ))
        }
        (_, Code::SystemShape) if loc.exact && value?.is_string() => {
            Some((format!("{{\"text\": {raw}}}"), start, end))
        }
        (
            _,
            Code::BlockImageMimeTypeRequired
            | Code::BlockAudioMimeTypeRequired
            | Code::BlockBinaryMimeTypeRequired,
        ) if !loc.exact => {
            let block = tree.pointer(parent_path)?;
            let mime = detect_mime(block.get("data")?.as_str()?)?;
            // Insert before the closing brace of the block object.
            let close = zylon_json::find_last(&body[..end], "}")?;
            let insert_at = body[..close].trim_end().len();
            Some((
                format!(", \"mime_type\": {}", quote(mime)),
                insert_at,
                insert_at,
            ))
        }
        (_, Code::FieldCoerced) if loc.exact => match value? {
            Value::String(s) => {
                let t = s.trim();
                // (a string read as NaN or an infinity has no JSON number to become)
                if let Some(f) = zylon_json::parse_float(t).filter(|f| f.is_finite()) {
                    let lit = if f.fract() == 0.0 && f.abs() < 1e15 {
                        format!("{}", f as i64)
                    } else {
                        crate::check::num(f)
                    };
                    Some((lit, start, end))
                } else {
                    let b = matches!(
                        t.to_ascii_lowercase().as_str(),
                        "true" | "t" | "yes" | "y" | "on" | "1"
                    );
                    Some((b.to_string(), start, end))
                }
            }
            Value::Number(n) if !n.int && n.value.fract() == 0.0 => {
                Some((format!("{}", n.value as i64), start, end))
            }
            _ => None,
        },
        _ => None,
    }
}

/// The byte range of the key whose value starts at `value_start`.
fn key_before(
    body: &str,
    value_start: usize,
    key: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    if let Some(k) = key {
        return Some(k);
    }
    let before = body[..value_start].trim_end().strip_suffix(':')?.trim_end();
    let end = before.len();
    let start = zylon_json::find_last(&before[..end - 1], "\"")?;
    Some((start, end))
}

/// The media type of a `data` value, from a `data:` URI or the first bytes of base64.
fn detect_mime(data: &str) -> Option<&'static str> {
    match media::classify(data) {
        DataForm::Base64(b) => media::sniff(&media::decode_prefix(b, 16)),
        DataForm::DataUri {
            base64: true,
            payload: Some(p),
            ..
        } => media::sniff(&media::decode_prefix(p, 16)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    fn fix(text: &str) -> FixResult {
        fix_str(text, Kind::Chat, &Options::default())
    }

    #[test]
    fn fixes_are_applied_reported_and_everything_else_is_kept() {
        let text = format!(
            "{{\n  \"messages\": [\n    {{\"role\": \"User\", \"content\": [{{\"type\": \"image\", \"data\": \"{PNG}\"}}, {{\"type\": \"Text\", \"text\": \"what?\"}}]}}\n  ],\n  \"max_tokens\": \"100\",\n  \"top_k\": 40.0,\n  \"stream\": \"true\",\n  \"system\": \"Be brief.\",\n  \"tools\": [\"web_search_v1\", {{\"name\": \"f\", \"input_schema\": {{\"type\": \"object\", \"properties\": {{}}}}}}],\n  \"zzz\": 1\n}}"
        );
        let out = fix(&text);
        let codes: Vec<&str> = out.fixes.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "message.role.enum",
                "block.image.mime_type_required",
                "blocks.type.unknown",
                "field.coerced",
                "field.coerced",
                "field.coerced",
                "system.shape",
                "tools.item_shape",
                "tool.custom.input_schema_alias"
            ],
            "{out:#?}"
        );
        let expected = text
            .replace("\"User\"", "\"user\"")
            .replace(
                &format!("\"{PNG}\""),
                &format!("\"{PNG}\", \"mime_type\": \"image/png\""),
            )
            .replace("\"Text\"", "\"text\"")
            .replace("\"100\"", "100")
            .replace("40.0", "40")
            .replace("\"stream\": \"true\"", "\"stream\": true")
            .replace("\"Be brief.\"", "{\"text\": \"Be brief.\"}")
            .replace(
                "\"web_search_v1\",",
                "{\"name\": \"web_search\", \"type\": \"web_search_v1\"},",
            )
            .replace("\"input_schema\"", "\"inputSchema\"");
        assert_eq!(out.body, expected);
        assert!(out.report.is_valid(), "{}", out.report);
        // Only the unknown field is left, as a warning.
        assert_eq!(out.report.warnings.len(), 1, "{}", out.report);
        assert_eq!(out.report.warnings[0].code, Code::RequestUnknownFields);
        // Fixing again changes nothing.
        let again = fix(&out.body);
        assert!(again.fixes.is_empty());
        assert_eq!(again.body, out.body);
    }

    #[test]
    fn typos_and_meaning_changes_are_not_applied() {
        let text = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"q"}]}],"temprature":0.5,"temperature":2}"#;
        let out = fix(text);
        assert!(out.fixes.is_empty());
        assert_eq!(out.body, text);
        assert!(!out.report.is_valid());
    }

    #[test]
    fn fixes_repeat_until_nothing_more_applies() {
        let out = fix(r#"{"Messages":[{"role":"User","content":"Hi"}]}"#);
        assert_eq!(
            out.body,
            r#"{"messages":[{"role":"user","content":[{"type": "text", "text": "Hi"}]}]}"#
        );
        assert_eq!(out.fixes.len(), 3);
        assert!(
            out.report.is_valid() && out.report.warnings.is_empty(),
            "{}",
            out.report
        );
    }

    #[test]
    fn unparsable_text_is_returned_unchanged() {
        let out = fix("{\"messages\": [");
        assert_eq!(out.body, "{\"messages\": [");
        assert!(out.fixes.is_empty());
        assert_eq!(out.report.errors[0].code, Code::JsonSyntax);
    }

    #[test]
    fn rename_undone_when_the_value_does_not_fit_the_right_name() {
        // `enabled_tools` is ignored by the server; `allowed_tools` must be a list of strings
        let mcp = |tools: &str| {
            format!(
                r#"{{"messages":[{{"role":"user","content":[{{"type":"text","text":"q"}}]}}],"mcp_servers":[{{"name":"m","url":"https://mcp.example.com","tool_configuration":{{"enabled_tools":{tools}}}}}]}}"#
            )
        };
        for bad in ["1", r#""search""#, "[1]", "{}"] {
            let text = mcp(bad);
            let out = fix(&text);
            assert!(out.fixes.is_empty(), "{bad}: {:?}", out.fixes);
            assert_eq!(out.body, text);
            assert!(out.report.is_valid(), "{bad}: {}", out.report);
        }
        let out = fix(&mcp(r#"["search"]"#));
        assert_eq!(out.fixes.len(), 1, "{:?}", out.fixes);
        assert!(
            out.body.contains(r#""allowed_tools":["search"]"#),
            "{}",
            out.body
        );
        assert!(out.report.is_valid(), "{}", out.report);
    }

    #[test]
    fn rename_skipped_when_target_exists() {
        let text = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"q"}]}],"tools":[{"name":"f","inputSchema":{"type":"object","properties":{}},"input_schema":{}}]}"#;
        let out = fix(text);
        assert!(out.fixes.is_empty(), "{:?}", out.fixes);
    }
}
