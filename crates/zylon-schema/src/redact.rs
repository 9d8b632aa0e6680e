//! Masking secrets in source text shown to people (the CLI's snippets): the string values of
//! `authorization_token`, `refresh_token`, `client_secret` and `connection_string` keys are
//! replaced by `*` of the same byte length, so columns and spans stay valid.

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
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    while let Some(q) = b[i..].iter().position(|&c| c == b'"') {
        let start = i + q + 1;
        // The end of this string literal.
        let mut j = start;
        while j < b.len() && b[j] != b'"' {
            j += if b[j] == b'\\' { 2 } else { 1 };
        }
        if j >= b.len() {
            break;
        }
        let key = &text[start..j];
        i = j + 1;
        if !SECRET_KEYS.contains(&key) {
            continue;
        }
        // `"key"` ws `:` ws `"value"`
        let mut k = i;
        while k < b.len() && b[k].is_ascii_whitespace() {
            k += 1;
        }
        if b.get(k) != Some(&b':') {
            continue;
        }
        k += 1;
        while k < b.len() && b[k].is_ascii_whitespace() {
            k += 1;
        }
        if b.get(k) != Some(&b'"') {
            continue;
        }
        let mut m = k + 1;
        while m < b.len() && b[m] != b'"' {
            m += if b[m] == b'\\' { 2 } else { 1 };
        }
        let end = m.min(b.len());
        for c in &mut out[k + 1..end] {
            // Keep UTF-8 continuation structure simple: every byte becomes '*'.
            *c = b'*';
        }
        i = (m + 1).min(b.len());
    }
    // Only ASCII bytes were written over whole code points' bytes, so the result is UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::redact_secrets;

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
}
