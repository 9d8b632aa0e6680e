//! Source spans: where in the text each issue's value (or key) is, as byte offsets and 1-based
//! line/column in characters.
//!
//! Spans are computed after validation, only for the issues reported, in one scan of the text
//! that descends only into the containers on some issue's path (everything else is skipped at
//! string-scanning speed). Nothing is parsed twice in full.

use zylon_json::StrMap;

use serde::{Deserialize, Serialize};

use super::json::{line_col, line_cols, read_string, skip_value, skip_ws};
use super::{Code, Issue};

/// A range of the request text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just after the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// 1-based line of `end`.
    pub end_line: usize,
    /// 1-based column of `end`, in characters.
    pub end_column: usize,
}

impl Span {
    /// The span of bytes `start..end` of `text`.
    pub fn of(text: &str, start: usize, end: usize) -> Span {
        Span::at((start, end), line_col(text, start), line_col(text, end))
    }

    /// The span of bytes `start..end` whose ends are at these (line, column) places.
    fn at(
        (start, end): (usize, usize),
        (line, column): (usize, usize),
        (end_line, end_column): (usize, usize),
    ) -> Span {
        Span {
            start,
            end,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// Whether an issue with this code points at a key rather than at a value.
pub(crate) fn points_at_key(code: Code) -> bool {
    matches!(
        code,
        Code::FieldUnknown
            | Code::RequestUnknownFields
            | Code::FieldServerOnly
            | Code::JsonDuplicateKey
    )
}

/// Split a JSON Pointer into unescaped segments.
fn segments(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut rest = pointer.get(1..);
    while let Some(path) = rest {
        let (segment, after) = match zylon_json::split_once_byte(path, b'/') {
            Some((segment, after)) => (segment, Some(after)),
            None => (path, None),
        };
        rest = after;
        out.push(crate::check::json::pointer_segment(segment).into_owned());
    }
    out
}

/// One node of the trie of wanted paths (the nodes live in one list; children by index).
#[derive(Default)]
struct Trie<'p> {
    children: StrMap<&'p str>,
    /// Span of this node's value, once seen.
    value: Option<(usize, usize)>,
    /// Span of this node's key, once seen.
    key: Option<(usize, usize)>,
}

/// Where one JSON Pointer lands in a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Located {
    /// Byte range of the value the pointer names (or of its deepest existing ancestor).
    pub value: Option<(usize, usize)>,
    /// Byte range of the key of the last segment, when the pointer exists and ends in a key.
    pub key: Option<(usize, usize)>,
    /// Whether the pointer itself exists (`value` is then its value, not an ancestor's).
    pub exact: bool,
}

/// Locate many JSON Pointers in a valid JSON text with one scan.
pub(crate) fn locate(text: &str, pointers: &[&str]) -> Vec<Located> {
    let mut nodes = vec![Trie::default()];
    let paths: Vec<Vec<String>> = pointers.iter().map(|p| segments(p)).collect();
    for p in &paths {
        let mut n = 0;
        for s in p {
            let c = nodes.len();
            n = match nodes[n].children.insert_new(s.as_str(), c) {
                Ok(_) => {
                    nodes.push(Trie::default());
                    c
                }
                Err(at) => nodes[n].children.entries()[at].1,
            };
        }
    }
    let start = skip_ws(text, 0);
    walk(text, start, &mut nodes, 0);
    paths
        .iter()
        .map(|path| {
            let mut n = 0;
            let mut found = Located {
                value: nodes[0].value,
                key: None,
                exact: true,
            };
            for s in path {
                match nodes[n].children.get(s.as_str()) {
                    Some(c) if nodes[c].value.is_some() => {
                        n = c;
                        found.value = nodes[c].value;
                        found.key = nodes[c].key;
                    }
                    _ => {
                        found.exact = false;
                        found.key = None;
                        break;
                    }
                }
            }
            found
        })
        .collect()
}

/// Fill in `span` for every issue whose path can be found in the body: `text` after its first
/// `shift` bytes (a byte order mark the parse skipped), a valid JSON text. A path that does not
/// exist (a missing field) gets the span of its deepest existing ancestor, i.e. the enclosing
/// object. Spans are offsets into `text` as given; their lines and columns come from one pass
/// over it for all the issues.
pub(crate) fn attach(text: &str, shift: usize, issues: &mut [Issue]) {
    if issues.is_empty() {
        return;
    }
    let body = text.get(shift..).unwrap_or_default();
    let pointers: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
    let found = locate(body, &pointers);
    // (each issue's range, start and end, in `text`; `usize::MAX` for none)
    let mut offsets = Vec::with_capacity(2 * issues.len());
    for (issue, f) in issues.iter().zip(found) {
        let range = if f.exact && points_at_key(issue.code) {
            f.key.or(f.value)
        } else {
            f.value
        };
        let (start, end) = range.map_or((usize::MAX, usize::MAX), |(s, e)| (s + shift, e + shift));
        offsets.push(start);
        offsets.push(end);
    }
    let places = line_cols(text, &offsets);
    for ((issue, range), place) in issues
        .iter_mut()
        .zip(offsets.chunks_exact(2))
        .zip(places.chunks_exact(2))
    {
        issue.span = match (range, place) {
            (&[start, end], &[from, to]) if start != usize::MAX => {
                Some(Span::at((start, end), from, to))
            }
            _ => None,
        };
    }
}

/// Record the span of the value at `i` in node `n`, descending into children on wanted paths.
fn walk(text: &str, i: usize, nodes: &mut Vec<Trie<'_>>, n: usize) -> usize {
    let b = text.as_bytes();
    let end = if nodes[n].children.is_empty() {
        skip_value(text, i)
    } else {
        match b.get(i) {
            Some(b'{') => {
                let mut j = skip_ws(text, i + 1);
                while b.get(j) == Some(&b'"') {
                    let Some((key, after_key)) = read_string(text, j) else {
                        break;
                    };
                    let key_span = (j, after_key);
                    let v = skip_ws(text, skip_ws(text, after_key) + 1);
                    let v_end = match nodes[n].children.get(key.as_ref()) {
                        Some(c) => {
                            nodes[c].key = Some(key_span);
                            walk(text, v, nodes, c)
                        }
                        None => skip_value(text, v),
                    };
                    j = skip_ws(text, v_end);
                    if b.get(j) == Some(&b',') {
                        j = skip_ws(text, j + 1);
                    }
                }
                j + 1
            }
            Some(b'[') => {
                let mut j = skip_ws(text, i + 1);
                let mut k = 0usize;
                while j < b.len() && b[j] != b']' {
                    let v_end = match nodes[n].children.get(k.to_string().as_str()) {
                        Some(c) => walk(text, j, nodes, c),
                        None => skip_value(text, j),
                    };
                    j = skip_ws(text, v_end);
                    if b.get(j) == Some(&b',') {
                        j = skip_ws(text, j + 1);
                    }
                    k += 1;
                }
                j + 1
            }
            _ => skip_value(text, i),
        }
    };
    nodes[n].value = Some((i, end.min(text.len())));
    end
}

#[cfg(test)]
mod tests {
    use crate::{validate_str, Kind, Options};

    fn spanned(text: &str) -> Vec<(String, String)> {
        let r = validate_str(text, Kind::Chat, &Options::default().with_spans());
        r.issues()
            .map(|i| {
                let s = i.span.expect("every issue of a parsed text has a span");
                (i.path.clone(), text[s.start..s.end].to_string())
            })
            .collect()
    }

    #[test]
    fn spans_point_at_values_keys_and_enclosing_objects() {
        let text = "{\n  \"messages\": [{\"role\": \"User\", \"content\": [{\"type\": \"text\", \"text\": \"hé\"}]}],\n  \"temprature\": 2,\n  \"tools\": [{\"type\": \"x\"}]\n}";
        let got = spanned(text);
        assert!(
            got.contains(&("/messages/0/role".into(), "\"User\"".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("/temprature".into(), "\"temprature\"".into())),
            "{got:?}"
        );
        // Missing `name`: the enclosing tool object.
        assert!(
            got.contains(&("/tools/0/name".into(), "{\"type\": \"x\"}".into())),
            "{got:?}"
        );
        let r = validate_str(text, Kind::Chat, &Options::default().with_spans());
        let role = r
            .errors
            .iter()
            .find(|i| i.path == "/messages/0/role")
            .unwrap()
            .span
            .unwrap();
        assert_eq!((role.line, role.column), (2, 25));
    }

    #[test]
    fn spans_are_opt_in() {
        let r = validate_str(r#"{"messages":[]}"#, Kind::Chat, &Options::default());
        assert!(r.issues().all(|i| i.span.is_none()));
    }

    #[test]
    fn escaped_keys_and_duplicates() {
        let text = r#"{"messages":[{"role":"user","content":[{"type":"text","text":"q"}]}],"a\/b":1,"x":1,"x":2}"#;
        let got = spanned(text);
        assert!(
            got.contains(&("/a~1b".into(), r#""a\/b""#.into())),
            "{got:?}"
        );
        let dup = got.iter().find(|(p, _)| p == "/x").unwrap();
        assert_eq!(dup.1, "\"x\"");
    }
}
