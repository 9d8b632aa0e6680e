//! Reading a valid JSON text without building a tree: one string, skipping a value or
//! whitespace (used to locate values in the text for spans and fixes).

use std::borrow::Cow;

use crate::parse::{string_end, Parser};

/// Read the string starting at the `"` at byte `i` of a valid JSON text; returns it and the
/// offset just after the closing quote.
pub fn read_string(src: &str, i: usize) -> Option<(Cow<'_, str>, usize)> {
    let mut p = Parser::at(src, i);
    let s = p.string().ok()?;
    Some((s, p.offset()))
}

/// The offset just after the JSON value starting at byte `i` (after whitespace) of a valid text.
pub fn skip_value(src: &str, i: usize) -> usize {
    let b = src.as_bytes();
    let mut i = i;
    let mut depth = 0usize;
    loop {
        match b.get(i) {
            None => return i,
            Some(b'"') => {
                // (a valid text has no control character in a string: this is its closing quote)
                i = string_end(b, i + 1);
                if i >= b.len() {
                    return b.len();
                }
                i += 1;
                if depth == 0 {
                    return i;
                }
            }
            Some(b'{' | b'[') => {
                depth += 1;
                i += 1;
            }
            Some(b'}' | b']') => {
                depth = depth.saturating_sub(1);
                i += 1;
                if depth == 0 {
                    return i;
                }
            }
            Some(b' ' | b'\n' | b'\r' | b'\t' | b',' | b':') => i += 1,
            Some(_) => {
                // A number or literal.
                while b.get(i).is_some_and(|c| {
                    !matches!(c, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
                }) {
                    i += 1;
                }
                if depth == 0 {
                    return i;
                }
            }
        }
    }
}

/// Skip JSON whitespace from `i`.
pub fn skip_ws(src: &str, mut i: usize) -> usize {
    let b = src.as_bytes();
    while matches!(b.get(i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        i += 1;
    }
    i
}

/// The JSON Pointer of the value starting at byte `at` of a valid JSON text (of the innermost
/// value holding `at` when none starts there): for a position the parser reported.
pub fn pointer_at(src: &str, at: usize) -> String {
    let b = src.as_bytes();
    let mut out = String::new();
    let mut i = skip_ws(src, 0);
    // Descend into the container holding `at` until the value starts there.
    'descend: while i < at {
        let object = match b.get(i) {
            Some(b'{') => true,
            Some(b'[') => false,
            _ => break,
        };
        i = skip_ws(src, i + 1);
        let mut index = 0usize;
        loop {
            let key = if object {
                let Some((key, after)) = read_string(src, i) else {
                    break 'descend;
                };
                i = skip_ws(src, skip_ws(src, after) + 1);
                Some(key)
            } else {
                None
            };
            let end = skip_value(src, i);
            if at < end {
                out.push('/');
                match key {
                    // (escaped by hand: `str::replace` pulled a char searcher of 0.8 KB
                    // into the WebAssembly module)
                    Some(k) => {
                        for c in k.chars() {
                            match c {
                                '~' => out.push_str("~0"),
                                '/' => out.push_str("~1"),
                                c => out.push(c),
                            }
                        }
                    }
                    None => crate::push_decimal(&mut out, index),
                }
                continue 'descend;
            }
            i = skip_ws(src, end);
            if b.get(i) != Some(&b',') {
                break 'descend;
            }
            i = skip_ws(src, i + 1);
            index += 1;
        }
    }
    out
}
