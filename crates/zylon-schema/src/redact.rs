//! Masking secrets in source text shown to people (the CLI's snippets): the string values of
//! `authorization_token`, `refresh_token`, `client_secret` and `connection_string` keys are
//! replaced by `*` of the same byte length, so columns and spans stay valid.

use std::ops::Range;

/// Keys whose string values are secret.
pub const SECRET_KEYS: &[&str] = &[
    "authorization_token",
    "refresh_token",
    "client_secret",
    "connection_string",
];

/// `text` with every secret string value masked. Works on any text, valid JSON or not.
///
/// ```
/// let t = r#"{"url":"https://m","authorization_token":"s3cr3t"}"#;
/// assert_eq!(zylon_schema::redact::redact_secrets(t), r#"{"url":"https://m","authorization_token":"******"}"#);
/// ```
pub fn redact_secrets(text: &str) -> String {
    masked_slice(text, 0..text.len(), &secret_ranges(text))
}

/// The byte ranges of every secret string value of `text` (the characters between the quotes,
/// in order), found without copying the text: a caller that shows only a few windows of a large
/// text masks just those with [`masked_slice`].
///
/// ```
/// let t = r#"{"refresh_token": "abc", "n": 1}"#;
/// assert_eq!(zylon_schema::redact::secret_ranges(t), vec![19..22]);
/// ```
pub fn secret_ranges(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut ranges = Vec::new();
    let mut i = 0;
    while let Some(q) = b[i..].iter().position(|&c| c == b'"') {
        let start = i + q + 1;
        let j = string_end(b, start);
        if j >= b.len() {
            break;
        }
        let key = &b[start..j];
        i = j + 1;
        if !SECRET_KEYS.iter().any(|k| k.as_bytes() == key) {
            continue;
        }
        // `"key"` ws `:` ws `"value"`
        let k = skip_ws(b, i);
        if b.get(k) != Some(&b':') {
            continue;
        }
        let k = skip_ws(b, k + 1);
        if b.get(k) != Some(&b'"') {
            continue;
        }
        let m = string_end(b, k + 1);
        let end = m.min(b.len());
        ranges.push(k + 1..end);
        i = (m + 1).min(b.len());
    }
    ranges
}

/// `text[window]` (clamped to the text and to character boundaries) with the bytes of `secrets`
/// (from [`secret_ranges`] of the whole text: in order, not overlapping) inside it replaced by
/// `*`, one per byte, so that columns and spans stay valid. The secrets in the window are found
/// by a binary search: a snippet per issue of a body with a secret per MCP server no longer
/// reads every secret (O(n²) for the CLI's human format).
pub fn masked_slice(text: &str, window: Range<usize>, secrets: &[Range<usize>]) -> String {
    let start = floor_boundary(text, window.start);
    let end = floor_boundary(text, window.end).max(start);
    let mut out = text.as_bytes()[start..end].to_vec();
    let from = secrets.partition_point(|r| r.end <= start);
    for r in secrets[from..].iter().take_while(|r| r.start < end) {
        let (s, e) = (r.start.max(start), r.end.min(end));
        if s < e {
            out[s - start..e - start].fill(b'*');
        }
    }
    // Only whole code points' bytes (a secret's quotes are ASCII) became ASCII: still UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The largest character boundary of `text` at or below `i` (clamped to its length): where a
/// window of a text may start or end.
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The index of the quote closing the string whose contents start at `i` (or past the end).
fn string_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i] != b'"' {
        i += if b[i] == b'\\' { 2 } else { 1 };
    }
    i
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::{masked_slice, redact_secrets, secret_ranges};

    #[test]
    fn masks_only_secret_values_and_keeps_lengths() {
        let t = "{\"connection_string\" :  \"postgres://u:pä$$@h/db\", \"name\": \"x\", \"refresh_token\":\"a\\\"b\", \"client_secret\": 5}";
        let r = redact_secrets(t);
        assert_eq!(r.len(), t.len());
        assert!(!r.contains("pä$$") && !r.contains("a\\\"b"));
        assert!(r.contains("\"name\": \"x\"") && r.contains("\"client_secret\": 5"));
        assert_eq!(
            redact_secrets("{\"authorization_token\": \"unterminated"),
            "{\"authorization_token\": \"************"
        );
    }

    #[test]
    fn masked_slices_agree_with_the_whole_text_masked() {
        let t = "{\"a\": \"ä\", \"authorization_token\": \"tøken-1\", \"refresh_token\": \"r\"}";
        let whole = redact_secrets(t);
        let secrets = secret_ranges(t);
        assert_eq!(secrets.len(), 2);
        for a in 0..=t.len() {
            for b in a..=t.len() {
                if t.is_char_boundary(a) && t.is_char_boundary(b) {
                    assert_eq!(masked_slice(t, a..b, &secrets), whole[a..b], "{a}..{b}");
                }
            }
        }
        // Windows off a character boundary or past the end are clamped, never a panic.
        assert_eq!(masked_slice(t, 8..400, &secrets), whole[7..]);
    }

    #[test]
    fn windows_among_many_secrets_find_theirs() {
        // (the secrets in a window are found by a binary search: every window of a text with
        // 40 secrets, some next to each other, is the whole text masked)
        let server = |i: usize| {
            format!(r#"{{"url":"https://m{i}","refresh_token":"r{i}","client_secret":"s"}},"#)
        };
        let t: String = (0..20).map(server).collect();
        let secrets = secret_ranges(&t);
        assert_eq!(secrets.len(), 40);
        // every secret masked by hand
        let mut bytes = t.clone().into_bytes();
        for r in &secrets {
            bytes[r.clone()].fill(b'*');
        }
        let whole = String::from_utf8(bytes).unwrap();
        assert_eq!(redact_secrets(&t), whole);
        for a in (0..=t.len()).step_by(3) {
            for b in (a..=t.len()).step_by(7) {
                assert_eq!(masked_slice(&t, a..b, &secrets), whole[a..b], "{a}..{b}");
            }
        }
    }
}
