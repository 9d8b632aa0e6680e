//! Small string helpers the validator calls for every key and every issue: key equality, a
//! decimal writer, the safe short rendering of user strings and line/column of an offset. They
//! live in this crate for its opt-level 3 in the size-optimised wasm build (see the workspace
//! manifest), where they are hot.

use std::borrow::Cow;

/// String equality for object keys, eight bytes at a time. The rules look keys up all the
/// time, and the size-optimised wasm build's `memcmp` compares byte by byte.
#[inline]
pub fn keys_equal(a: &str, b: &str) -> bool {
    bytes_equal(a.as_bytes(), b.as_bytes())
}

/// [`keys_equal`] on bytes: whole words, the last one overlapping the one before it, so that a
/// key of 4 to 16 bytes (most keys) takes two loads a side and no byte loop (measured: the byte
/// loop over the tail was most of a key comparison).
#[inline]
pub(crate) fn bytes_equal(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let w8 = |s: &[u8], i: usize| {
        s.get(i..i + 8)
            .and_then(|w| w.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    };
    let w4 = |s: &[u8], i: usize| {
        s.get(i..i + 4)
            .and_then(|w| w.try_into().ok())
            .map_or(0, u32::from_le_bytes)
    };
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if w8(a, i) != w8(b, i) {
                return false;
            }
            i += 8;
        }
        return w8(a, n - 8) == w8(b, n - 8);
    }
    if n >= 4 {
        return w4(a, 0) == w4(b, 0) && w4(a, n - 4) == w4(b, n - 4);
    }
    a.iter().zip(b).all(|(p, q)| p == q)
}

/// Whether `needle` occurs in `hay`: a plain scan, which keeps the standard library's two-way
/// substring searcher (3 KB) out of the WebAssembly module; the rules look for short words in
/// short strings (media types, tool types, schema keywords).
pub fn contains(hay: &str, needle: &str) -> bool {
    find_last(hay, needle).is_some()
}

/// The byte offset of the last occurrence of `needle` in `hay` (see [`contains`]).
pub fn find_last(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(h.len());
    }
    h.windows(n.len()).rposition(|w| w == n)
}

/// Where `key` is in `keys` (see [`keys_equal`]; out of line, so the loop runs at this crate's
/// opt-level 3 in the size-optimised wasm build).
#[inline(never)]
pub fn position_of(key: &str, keys: &[&str]) -> Option<usize> {
    find_key(key, keys)
}

/// [`position_of`], inlined into this crate's loops natively (one copy in the wasm build).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn find_key(key: &str, keys: &[&str]) -> Option<usize> {
    find_bytes(key.as_bytes(), keys)
}

/// [`find_key`] for a key's bytes (a key read where it is in the text, not made a `&str`).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn find_bytes(key: &[u8], keys: &[&str]) -> Option<usize> {
    keys.iter().position(|k| bytes_equal(k.as_bytes(), key))
}

/// Whether `key` is one of `keys` (see [`keys_equal`]).
#[inline(never)]
pub fn is_one_of(key: &str, keys: &[&str]) -> bool {
    keys.iter().any(|k| keys_equal(k, key))
}

/// Whether Python's `str.isspace` holds for `c` (what `str.strip()` removes): Unicode white
/// space, as [`char::is_whitespace`], and the ASCII separators U+001C..U+001F.
#[inline]
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`: `s` without the surrounding characters of [`is_py_space`].
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// Whether Python's `s.strip()` is empty (the server's test for a blank text).
pub fn py_blank(s: &str) -> bool {
    s.chars().all(is_py_space)
}

/// Append a decimal number without the formatting machinery (paths and reports are written for
/// every issue, and `fmt` is slow in the size-optimised wasm build).
pub fn push_decimal(out: &mut String, mut i: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (i % 10) as u8;
        i /= 10;
        if i == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// A short, safe rendering of a user string for messages (cut after `max` characters, quotes,
/// backslashes and control characters escaped).
pub fn short_text(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max * 4) + 4);
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        escape_char(c, &mut out);
    }
    out
}

/// Escape one character for a message (without Unicode tables: keeps the wasm small).
pub fn escape_char(c: char, out: &mut String) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut off = offset.min(src.len());
    while !src.is_char_boundary(off) {
        off -= 1;
    }
    let before = &src[..off];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = find_last(before, "\n").map_or(0, |p| p + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// [`line_col`] of each of `offsets` (in any order), without a scan from the start of `src`
/// per offset: the spans of many issues in a large body (one line, as compact JSON is) took
/// time proportional to issues × body. One pass records, every 64 bytes (`LINE_COL_BLOCK`), the
/// lines and characters so far and the characters at the line's start; each offset then reads
/// at most one block.
pub fn line_cols(src: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    // (newlines before, characters before, characters before the line's start), per block
    let mut marks: Vec<[u32; 3]> = Vec::with_capacity(src.len() / LINE_COL_BLOCK + 1);
    let mut at = [0u32; 3];
    for block in src.as_bytes().chunks(LINE_COL_BLOCK) {
        marks.push(at);
        for &c in block {
            count_byte(&mut at, c);
        }
    }
    offsets
        .iter()
        .map(|&offset| {
            let mut off = offset.min(src.len());
            while !src.is_char_boundary(off) {
                off -= 1;
            }
            let from = off / LINE_COL_BLOCK * LINE_COL_BLOCK;
            let mut at = marks.get(off / LINE_COL_BLOCK).copied().unwrap_or_default();
            for &c in src.as_bytes().get(from..off).unwrap_or_default() {
                count_byte(&mut at, c);
            }
            (at[0] as usize + 1, (at[1] - at[2]) as usize + 1)
        })
        .collect()
}

/// The bytes between two marks of [`line_cols`] (12 bytes of marks a block: a memory of three
/// sixteenths of the text).
const LINE_COL_BLOCK: usize = 64;

/// Count one byte into a mark of [`line_cols`]: a character starts at every byte that is not a
/// UTF-8 continuation byte.
#[inline(always)]
fn count_byte(at: &mut [u32; 3], c: u8) {
    if c & 0xC0 != 0x80 {
        at[1] += 1;
    }
    if c == b'\n' {
        at[0] += 1;
        at[2] = at[1];
    }
}

/// `s` split at its first `byte` (ASCII), the byte dropped: `str::split_once` by bytes. (The
/// `char` patterns of `split_once`, `split` and `contains` pulled a forward char searcher and
/// `memchr` into the WebAssembly module.)
#[inline(never)]
pub fn split_once_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    let at = s.bytes().position(|b| b == byte)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// One segment of a JSON Pointer unescaped (`~1` → `/`, `~0` → `~`; RFC 6901), borrowed when
/// it has no `~`. (Not `str::replace`: its substring searcher was 4 KB of the wasm build.)
pub fn pointer_segment(seg: &str) -> Cow<'_, str> {
    if !seg.bytes().any(|b| b == b'~') {
        return Cow::Borrowed(seg);
    }
    let mut out = String::with_capacity(seg.len());
    let mut chars = seg.chars();
    while let Some(c) = chars.next() {
        if c != '~' {
            out.push(c);
            continue;
        }
        match chars.clone().next() {
            Some('1') => {
                chars.next();
                out.push('/');
            }
            Some('0') => {
                chars.next();
                out.push('~');
            }
            _ => out.push('~'),
        }
    }
    Cow::Owned(out)
}
