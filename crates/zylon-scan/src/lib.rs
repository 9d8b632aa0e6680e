//! The byte loops that dominate validation time on large bodies, in their own crate so that
//! the size-optimised WebAssembly build can still compile them with the loop vectoriser
//! (`[profile.wasm-release.package.zylon-scan] opt-level = 3`): measured in Node, an 8 MB body
//! validates in ~7 ms instead of ~40 ms, for a few hundred bytes of code.
//!
//! Both loops test fixed-size blocks with folds that have no early exit (so they become vector
//! compares) and look at single bytes only inside the block that holds a hit.
//!
//! Four `unsafe` blocks, in [`utf16le_to_utf8`] and in the calls of the SSE2 functions by
//! [`skip_plain`] (two) and [`special_mask`] (see the reasons there); the lint denies any other.
#![deny(unsafe_code)]

/// The index of the first `"`, `\` or control character at or after `i` (or `b.len()`).
///
/// With SSE2 the first 16 bytes are tested inline, and only a longer scan is a call: most
/// strings of a body (keys above all) end within them, and the call and its set-up were about
/// 37 instructions a string natively. The WebAssembly build keeps a single copy.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), inline(always))]
#[cfg_attr(
    not(all(target_arch = "x86_64", target_feature = "sse2")),
    inline(never)
)]
pub fn skip_plain(b: &[u8], i: usize) -> usize {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if let Some(block) = i.checked_add(16).and_then(|end| b.get(i..end)) {
        // SAFETY: as in `skip_plain_from`: a `#[target_feature(enable = "sse2")]` function
        // needs a CPU with SSE2, which this build assumes (every x86-64 CPU has it).
        #[allow(unsafe_code)]
        let m = unsafe { sse2::block_mask(block) };
        if m != 0 {
            return i + m.trailing_zeros() as usize;
        }
        return skip_plain_from(b, i + 16);
    }
    #[allow(unreachable_code)]
    skip_plain_from(b, i)
}

/// [`skip_plain`] out of line.
#[inline(never)]
fn skip_plain_from(b: &[u8], i: usize) -> usize {
    // In wasm the vector loop stops at the hit or in the last 15 bytes: a byte loop finishes.
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    return skip_plain_bytes(b, simd::skip_plain(b, i));
    // The same shape with SSE2 (part of every x86-64 CPU): a block's mask gives the position
    // of its first hit directly, where the portable loop tests words again (measured, native
    // instructions: −3.4% on many small bodies, −4.1% on a 2 KB body, −5% on the 1 MB chat; a
    // portable fold building the same mask is not vectorised and was 13% slower overall).
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    // SAFETY: the only requirement of a `#[target_feature(enable = "sse2")]` function is a CPU
    // with SSE2, which this build assumes already (`target_feature = "sse2"` is on: every
    // x86-64 CPU has it).
    #[allow(unsafe_code)]
    return skip_plain_bytes(b, unsafe { sse2::skip_plain(b, i) });
    #[allow(unreachable_code)]
    skip_plain_portable(b, i)
}

/// The `"`, `\` and control characters among the 64 bytes from `i`: bit `k` is set when byte
/// `i + k` is one; `None` when fewer than 64 bytes are left, and on targets without a vector
/// unit this crate uses (the caller then goes on with [`skip_plain`]).
///
/// For text with many escapes (code, JSON in strings, `\n` line ends: a median of 7 bytes
/// between escapes in the benchmark's chat body) one mask serves several runs: the unescaping
/// loop finds the end of the run after an escape with a shift and a count of trailing zeros
/// instead of a new scan.
#[inline]
pub fn special_mask(b: &[u8], i: usize) -> Option<u64> {
    let block = b.get(i..i.checked_add(64)?)?;
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    return Some(simd::special_mask(block));
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    // SAFETY: as in `skip_plain`: a `#[target_feature(enable = "sse2")]` function needs a CPU
    // with SSE2, which this build assumes (every x86-64 CPU has it).
    #[allow(unsafe_code)]
    return Some(unsafe { sse2::special_mask(block) });
    #[allow(unreachable_code)]
    {
        let _ = block;
        None
    }
}

/// Whether `c` ends a plain run of string bytes.
#[inline(always)]
fn special(c: u8) -> bool {
    (c == b'"') | (c == b'\\') | (c < 0x20)
}

/// `skip_plain` one byte at a time.
#[inline(always)]
fn skip_plain_bytes(b: &[u8], mut i: usize) -> usize {
    while let Some(&c) = b.get(i) {
        if special(c) {
            break;
        }
        i += 1;
    }
    i
}

fn skip_plain_portable(b: &[u8], mut i: usize) -> usize {
    let word_at = |i: usize| {
        let word = b.get(i..i + 8)?;
        Some(special_bytes(u64::from_le_bytes(
            word.try_into().unwrap_or_default(),
        )))
    };
    // Most strings of a body (keys above all) end within 16 bytes: two words first.
    for _ in 0..2 {
        match word_at(i) {
            Some(0) => i += 8,
            Some(marks) => return i + (marks.trailing_zeros() / 8) as usize,
            None => break,
        }
    }
    while let Some(block) = b.get(i..i + 16) {
        if block.iter().fold(false, |acc, &c| acc | special(c)) {
            break;
        }
        i += 16;
    }
    // The block that holds the hit, eight bytes at a time: the lowest marked byte of a word is
    // its first special one (a byte loop here was 16% of the native instructions of many small
    // bodies).
    while let Some(marks) = word_at(i) {
        if marks != 0 {
            return i + (marks.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    skip_plain_bytes(b, i)
}

/// The high bit of each byte of `v` (little-endian) that is `"`, `\` or below 0x20, exact for
/// the lowest one: `x - 0x01…01 & !x & 0x80…80` marks the bytes of `x` that are zero, and
/// `v - n * 0x01…01 & !v` those below `n` (a borrow only carries from a marked byte upwards,
/// so a byte above the first real mark may be marked wrongly, never one below it).
#[inline(always)]
fn special_bytes(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x;
    let quote = zero(v ^ (ONES * u64::from(b'"')));
    let backslash = zero(v ^ (ONES * u64::from(b'\\')));
    let control = v.wrapping_sub(ONES * 0x20) & !v;
    (quote | backslash | control) & HIGH
}

/// Whether a byte is in the standard base64 alphabet (without `=`).
#[inline]
fn alphabet(c: u8) -> bool {
    c.is_ascii_alphanumeric() | (c == b'+') | (c == b'/')
}

/// The index of the first byte of `b` outside the base64 alphabet (`=` included), if any.
#[inline(never)]
pub fn first_non_base64(b: &[u8]) -> Option<usize> {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        let from = simd::base64_prefix(b);
        return first_non_base64_portable(&b[from..]).map(|p| p + from);
    }
    #[allow(unreachable_code)]
    first_non_base64_portable(b)
}

fn first_non_base64_portable(b: &[u8]) -> Option<usize> {
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

/// The number of characters of a UTF-8 text (its bytes that do not continue a character).
///
/// `str::chars().count()` in blocks: the rules count the characters of every text for the
/// token estimate, and core's counter is size-optimised like the rest in the wasm build.
#[inline(never)]
pub fn count_chars(s: &str) -> usize {
    let b = s.as_bytes();
    let lead = |c: u8| u8::from((c as i8) >= -0x40);
    let blocks = b.chunks_exact(64);
    let tail = blocks.remainder();
    let mut n = 0;
    for block in blocks {
        // Byte-wide lanes (a 64-byte block cannot overflow a u8): 16 bytes per vector add.
        n += usize::from(block.iter().fold(0u8, |a, &c| a + lead(c)));
    }
    n + tail.iter().map(|&c| usize::from(lead(c))).sum::<usize>()
}

/// Append the UTF-8 encoding of UTF-16LE text to `out`. `src` holds the code units as byte
/// pairs (an odd last byte is ignored); an unpaired surrogate becomes U+FFFD, exactly as
/// `TextEncoder` and `String::from_utf16_lossy` do.
///
/// Why: Node writes a JS string into memory as UTF-16 at copy speed but encodes UTF-8 at about
/// 1 GB/s (measured, Node 20), so the npm package passes UTF-16 and transcodes here, eight ASCII
/// units per block.
///
/// Why `unsafe`: the output is a `String`, so the text is not validated a second time after
/// being produced valid by construction (`str::from_utf8` over it cost 4-5% of a small body and
/// 6-12% of a 1 MB chat in Node, measured with `pkg-js/bench/ab.mjs`).
#[inline(never)]
#[allow(unsafe_code)]
pub fn utf16le_to_utf8(src: &[u8], out: &mut String) {
    // SAFETY: the bytes appended below are either whole blocks of units checked to be below
    // 0x80 (ASCII, one byte each: `utf16_ascii` narrows a block only after testing every unit)
    // or the `char::encode_utf8` encodings of whole characters, so `out` holds valid UTF-8
    // after every append, including when a panic stops the loop. Debug builds (the tests and the
    // proptest against `String::from_utf16_lossy`) check it again at the end.
    let out = unsafe { out.as_mut_vec() };
    let start = out.len();
    out.reserve(src.len() / 2);
    let n = src.len() & !1;
    let unit = |i: usize| u32::from(u16::from_le_bytes([src[i], src[i + 1]]));
    let mut i = 0;
    while i < n {
        i = utf16_ascii(src, i, out);
        // The eight units that stopped the fast path, one at a time into a local buffer (a pair
        // may end past them: at most 9 units, 28 bytes), then one copy out.
        let end = n.min(i + 16);
        let mut buf = [0u8; 32];
        let mut k = 0;
        while i < end {
            let u = unit(i);
            i += 2;
            if u < 0x80 {
                buf[k] = u as u8;
                k += 1;
                continue;
            }
            let c = match u {
                0xD800..=0xDBFF if i < n && (0xDC00..=0xDFFF).contains(&unit(i)) => {
                    let low = unit(i);
                    i += 2;
                    char::from_u32(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))
                }
                _ => char::from_u32(u),
            }
            .unwrap_or(char::REPLACEMENT_CHARACTER);
            k += c.encode_utf8(&mut buf[k..k + 4]).len();
        }
        out.extend_from_slice(&buf[..k]);
    }
    debug_assert!(std::str::from_utf8(&out[start..]).is_ok());
}

/// Copy whole blocks of ASCII UTF-16LE units from `i` to `out`; returns where that stopped.
#[inline(always)]
fn utf16_ascii(src: &[u8], i: usize, out: &mut Vec<u8>) -> usize {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    return simd::utf16_ascii(src, i, out);
    #[allow(unreachable_code)]
    {
        let mut i = i;
        while let Some(block) = src.get(i..i + 16) {
            let ascii = block
                .chunks_exact(2)
                .fold(true, |ok, u| ok & (u[0] < 0x80) & (u[1] == 0));
            if !ascii {
                break;
            }
            let mut low = [0u8; 8];
            for (k, b) in low.iter_mut().enumerate() {
                *b = block[2 * k];
            }
            out.extend_from_slice(&low);
            i += 16;
        }
        i
    }
}

/// `skip_plain` with SSE2 vectors, in the shape of the WebAssembly loop below. Every function
/// here carries `#[target_feature(enable = "sse2")]`, within which the intrinsics are safe
/// calls; blocks are read from slices, so no raw pointer is involved.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use core::arch::x86_64::*;

    /// 16 bytes as a vector (one unaligned load once optimised).
    #[inline]
    #[target_feature(enable = "sse2")]
    fn load(b: &[u8]) -> __m128i {
        let lo = u64::from_le_bytes(b[..8].try_into().unwrap_or_default());
        let hi = u64::from_le_bytes(b[8..16].try_into().unwrap_or_default());
        _mm_set_epi64x(hi as i64, lo as i64)
    }

    /// Lanes that are `"`, `\` or below 0x20 (`min(v, 0x1F) == v` is `v <= 0x1F`, unsigned).
    #[inline]
    #[target_feature(enable = "sse2")]
    fn special(v: __m128i) -> __m128i {
        let control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
        let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
        let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
        _mm_or_si128(_mm_or_si128(quote, backslash), control)
    }

    /// One bit per lane that is special.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn mask(v: __m128i) -> u32 {
        _mm_movemask_epi8(v) as u32
    }

    /// One bit per byte of a 16-byte block that is special.
    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn block_mask(block: &[u8]) -> u32 {
        mask(special(load(block)))
    }

    /// `special_mask` of a 64-byte block.
    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn special_mask(block: &[u8]) -> u64 {
        let m = |k: usize| u64::from(mask(special(load(&block[k..k + 16]))));
        m(0) | m(16) << 16 | m(32) << 32 | m(48) << 48
    }

    /// Like `skip_plain`: the first 16 bytes alone, then 64 and 16 bytes at a time; stops at
    /// the hit or in the last 15 bytes (the caller's byte loop finishes).
    #[inline]
    #[target_feature(enable = "sse2")]
    pub(super) fn skip_plain(b: &[u8], mut i: usize) -> usize {
        if let Some(block) = b.get(i..i + 16) {
            let m = mask(special(load(block)));
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i += 16;
        }
        while let Some(block) = b.get(i..i + 64) {
            let hit = _mm_or_si128(
                _mm_or_si128(special(load(&block[..16])), special(load(&block[16..32]))),
                _mm_or_si128(special(load(&block[32..48])), special(load(&block[48..]))),
            );
            if mask(hit) != 0 {
                break;
            }
            i += 64;
        }
        while let Some(block) = b.get(i..i + 16) {
            let m = mask(special(load(block)));
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i += 16;
        }
        i
    }
}

/// Explicit WebAssembly SIMD for the same loops: LLVM vectorises only part of the portable
/// folds for wasm (the `<` compare, not the `==` ones, measured in the disassembly), and these
/// loops are most of the time of a large body. Each function handles whole blocks only and
/// returns where the portable code must take over. All intrinsics used are safe functions.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use core::arch::wasm32::*;

    /// 16 bytes as a vector (LLVM turns this into one `v128.load`).
    #[inline(always)]
    fn load(b: &[u8]) -> v128 {
        let lo = u64::from_le_bytes(b[..8].try_into().unwrap_or_default());
        let hi = u64::from_le_bytes(b[8..16].try_into().unwrap_or_default());
        u64x2(lo, hi)
    }

    /// Lanes that are `"`, `\` or below 0x20.
    #[inline(always)]
    fn special(v: v128) -> v128 {
        v128_or(
            v128_or(
                u8x16_eq(v, u8x16_splat(b'"')),
                u8x16_eq(v, u8x16_splat(b'\\')),
            ),
            u8x16_lt(v, u8x16_splat(0x20)),
        )
    }

    /// `special_mask` of a 64-byte block.
    #[inline(always)]
    pub(super) fn special_mask(block: &[u8]) -> u64 {
        let m = |k: usize| u64::from(u8x16_bitmask(special(load(&block[k..k + 16]))));
        m(0) | m(16) << 16 | m(32) << 32 | m(48) << 48
    }

    /// Like `skip_plain`: the first 16 bytes alone (most strings of a body, keys above all,
    /// end there: measured −3% on many small bodies), then 64 and 16 bytes at a time.
    #[inline(always)]
    pub(super) fn skip_plain(b: &[u8], mut i: usize) -> usize {
        if let Some(block) = b.get(i..i + 16) {
            let hit = special(load(block));
            if v128_any_true(hit) {
                return i + u8x16_bitmask(hit).trailing_zeros() as usize;
            }
            i += 16;
        }
        while let Some(block) = b.get(i..i + 64) {
            let hit = v128_or(
                v128_or(special(load(&block[..16])), special(load(&block[16..32]))),
                v128_or(special(load(&block[32..48])), special(load(&block[48..]))),
            );
            if v128_any_true(hit) {
                break;
            }
            i += 64;
        }
        while let Some(block) = b.get(i..i + 16) {
            let hit = special(load(block));
            if v128_any_true(hit) {
                return i + u8x16_bitmask(hit).trailing_zeros() as usize;
            }
            i += 16;
        }
        i
    }

    /// Lanes in the base64 alphabet (`A-Z a-z 0-9 + /`).
    #[inline(always)]
    fn alphabet(v: v128) -> v128 {
        let range = |from: u8, len: u8| u8x16_lt(u8x16_sub(v, u8x16_splat(from)), u8x16_splat(len));
        v128_or(
            v128_or(range(b'A', 26), range(b'a', 26)),
            v128_or(
                range(b'0', 10),
                v128_or(
                    u8x16_eq(v, u8x16_splat(b'+')),
                    u8x16_eq(v, u8x16_splat(b'/')),
                ),
            ),
        )
    }

    /// The length of the prefix of whole 64-byte blocks that are all base64 alphabet.
    #[inline(always)]
    pub(super) fn base64_prefix(b: &[u8]) -> usize {
        let mut i = 0;
        while let Some(block) = b.get(i..i + 64) {
            let ok = v128_and(
                v128_and(alphabet(load(&block[..16])), alphabet(load(&block[16..32]))),
                v128_and(alphabet(load(&block[32..48])), alphabet(load(&block[48..]))),
            );
            if !u8x16_all_true(ok) {
                break;
            }
            i += 64;
        }
        i
    }

    /// Copy ASCII UTF-16LE units from `i` to `out` 16 at a time; returns where that stopped.
    #[inline(always)]
    pub(super) fn utf16_ascii(src: &[u8], mut i: usize, out: &mut Vec<u8>) -> usize {
        let wide = u16x8_splat(0xFF80);
        while let Some(block) = src.get(i..i + 32) {
            let (a, b) = (load(&block[..16]), load(&block[16..]));
            if v128_any_true(v128_and(v128_or(a, b), wide)) {
                break;
            }
            let narrow = u8x16_narrow_i16x8(a, b);
            let mut bytes = [0u8; 16];
            bytes[..8].copy_from_slice(&u64x2_extract_lane::<0>(narrow).to_le_bytes());
            bytes[8..].copy_from_slice(&u64x2_extract_lane::<1>(narrow).to_le_bytes());
            out.extend_from_slice(&bytes);
            i += 32;
        }
        // Text with scattered wide characters (accents, CJK, emoji) stops the loop above often:
        // take the ASCII half of the stopping block too, so the scalar path sees eight units.
        if let Some(half) = src.get(i..i + 16) {
            let a = load(half);
            if !v128_any_true(v128_and(a, wide)) {
                let narrow = u8x16_narrow_i16x8(a, a);
                out.extend_from_slice(&u64x2_extract_lane::<0>(narrow).to_le_bytes());
                i += 16;
            }
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transcode(units: &[u16]) -> String {
        let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let mut out = String::from("é");
        utf16le_to_utf8(&bytes, &mut out);
        out.split_off(2)
    }

    #[test]
    fn counts_characters_like_std() {
        for t in ["", "a", "é中😀", &"xé".repeat(100), &"😀".repeat(33)] {
            assert_eq!(count_chars(t), t.chars().count(), "{t}");
        }
    }

    #[test]
    fn utf16_transcoding_matches_std() {
        let cases: [&[u16]; 6] = [
            &[],
            &[0x61; 40],
            &[0x61, 0xE9, 0x4E2D, 0xD83D, 0xDE00, 0x62],
            &[0xD83D, 0x61, 0xDE00, 0xD83D],
            &[0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0xDBFF, 0xDFFF],
            &[0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x0100, 0x61, 0x62],
        ];
        for units in cases {
            let want = String::from_utf16_lossy(units);
            assert_eq!(transcode(units), want, "{units:x?}");
        }
        let odd = [0x61, 0x00, 0x62];
        let mut out = String::new();
        utf16le_to_utf8(&odd, &mut out);
        assert_eq!(out, "a");
    }

    proptest::proptest! {
        #[test]
        fn utf16_transcoding_matches_std_on_any_units(
            units in proptest::collection::vec(
                proptest::prop_oneof![0x20u16..0x7F, 0u16..=0xFFFF, 0xD800u16..0xE000],
                0..200,
            )
        ) {
            let want = String::from_utf16_lossy(&units);
            proptest::prop_assert_eq!(transcode(&units), want);
        }
    }

    /// Up to `len` bytes, `plain` in `plain + 2` of them plain letters, the others specials,
    /// their neighbours (0x1F/0x20, `!`/`#`, `[`/`]`), high bytes or any byte.
    fn string_bytes(plain: u32, len: usize) -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            proptest::prop_oneof![
                plain => b'a'..=b'z',
                1 => proptest::sample::select(vec![b'"', b'\\', 0x00, 0x1F, 0x20, b'!', b'#', b'[', b']', 0x7F, 0x80, 0xDC, 0xFF]),
                1 => proptest::num::u8::ANY,
            ],
            0..len,
        )
    }

    proptest::proptest! {
        /// The first `"`, `\\` or control byte from any start, as a byte-by-byte scan finds it.
        #[test]
        fn skip_plain_matches_a_byte_scan(
            bytes in string_bytes(8, 100),
            start in 0usize..100,
            plain in 0usize..200,
        ) {
            // A run of plain bytes in front, so that the 64-byte blocks are reached too.
            let bytes: Vec<u8> = std::iter::repeat_n(b'p', plain).chain(bytes).collect();
            let start = start.min(bytes.len());
            let want = bytes[start..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .map_or(bytes.len(), |p| p + start);
            proptest::prop_assert_eq!(skip_plain(&bytes, start), want);
            // The word-at-a-time loop other targets use, tested on this one too.
            proptest::prop_assert_eq!(skip_plain_portable(&bytes, start), want);
        }
    }

    proptest::proptest! {
        /// Every bit of the 64-byte mask is the byte-by-byte test of its byte (on targets
        /// with a vector loop; elsewhere the mask is `None` and callers scan).
        #[test]
        fn special_mask_marks_exactly_the_special_bytes(
            bytes in string_bytes(4, 160),
            start in 0usize..160,
        ) {
            let got = special_mask(&bytes, start);
            if start + 64 > bytes.len() {
                proptest::prop_assert_eq!(got, None);
            } else if cfg!(any(target_arch = "x86_64", all(target_arch = "wasm32", target_feature = "simd128"))) {
                let want = bytes[start..start + 64]
                    .iter()
                    .enumerate()
                    .fold(0u64, |m, (k, &c)| m | u64::from(special(c)) << k);
                proptest::prop_assert_eq!(got, Some(want));
            }
        }
    }

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

#[cfg(all(test, target_arch = "wasm32"))]
mod wasm {
    /// The WebAssembly build (and these tests under Node) compile the SIMD128 paths.
    #[test]
    fn simd128_is_enabled() {
        assert!(cfg!(target_feature = "simd128"));
    }
}
