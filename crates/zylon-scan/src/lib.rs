//! The two byte loops that dominate validation time on large bodies, in their own crate so that
//! the size-optimised WebAssembly build can still compile them with the loop vectoriser
//! (`[profile.wasm-release.package.zylon-scan] opt-level = 3`): measured in Node, an 8 MB body
//! validates in ~7 ms instead of ~40 ms, for a few hundred bytes of code.
//!
//! Both loops test fixed-size blocks with folds that have no early exit (so they become vector
//! compares) and look at single bytes only inside the block that holds a hit.
#![forbid(unsafe_code)]

/// The index of the first `"`, `\` or control character at or after `i` (or `b.len()`).
#[inline(never)]
pub fn skip_plain(b: &[u8], mut i: usize) -> usize {
    let special = |c: u8| (c == b'"') | (c == b'\\') | (c < 0x20);
    while let Some(block) = b.get(i..i + 16) {
        if block.iter().fold(false, |acc, &c| acc | special(c)) {
            break;
        }
        i += 16;
    }
    while let Some(&c) = b.get(i) {
        if special(c) {
            break;
        }
        i += 1;
    }
    i
}

/// Whether a byte is in the standard base64 alphabet (without `=`).
#[inline]
fn alphabet(c: u8) -> bool {
    c.is_ascii_alphanumeric() | (c == b'+') | (c == b'/')
}

/// The index of the first byte of `b` outside the base64 alphabet (`=` included), if any.
#[inline(never)]
pub fn first_non_base64(b: &[u8]) -> Option<usize> {
    let blocks = b.chunks_exact(64);
    let tail = b.len() - blocks.remainder().len();
    let mut from = tail;
    for (n, block) in blocks.enumerate() {
        if !block.iter().fold(true, |ok, &c| ok & alphabet(c)) {
            from = n * 64;
            break;
        }
    }
    b[from..]
        .iter()
        .position(|&c| !alphabet(c))
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_plain_finds_the_first_special_byte() {
        let mut s = vec![b'a'; 100];
        assert_eq!(skip_plain(&s, 0), 100);
        s[37] = b'"';
        assert_eq!(skip_plain(&s, 0), 37);
        assert_eq!(skip_plain(&s, 38), 100);
        s[70] = b'\n';
        assert_eq!(skip_plain(&s, 38), 70);
        assert_eq!(skip_plain(b"", 0), 0);
    }

    #[test]
    fn base64_scan() {
        let mut s = b"QUJD".repeat(50);
        assert_eq!(first_non_base64(&s), None);
        s[130] = b'-';
        assert_eq!(first_non_base64(&s), Some(130));
        s[199] = b'=';
        assert_eq!(first_non_base64(&s[140..]), Some(59));
        assert_eq!(first_non_base64(b""), None);
    }
}
