//! Media data helpers: classify a `data` string as strict base64, a `data:` URI or a URL; check
//! base64 without decoding the whole payload; parse media types; sniff the real type from the
//! first bytes.
//!
//! Everything here is pure and allocation-free except [`decode_prefix`], which decodes only the
//! few bytes needed to sniff.

/// What a media `data` string is, as the server reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataForm<'a> {
    /// A `scheme://...` URL (the server downloads it).
    Url {
        /// The scheme, lowercase comparison is up to the caller (`https`, `s3`, ...).
        scheme: &'a str,
    },
    /// A `data:` URI.
    DataUri {
        /// The media type before `;base64` / `,` (may be empty).
        mime: &'a str,
        /// Whether the URI declares `;base64`.
        base64: bool,
        /// The payload after the first comma (`None` when there is no comma).
        payload: Option<&'a str>,
    },
    /// Anything else: must be strict base64 (otherwise the server reads it as a file path).
    Base64(&'a str),
}

/// Classify a media `data` string like the server does (`^[a-zA-Z][a-zA-Z0-9+.-]*://` is a URL).
pub fn classify(data: &str) -> DataForm<'_> {
    if let Some(scheme) = url_scheme(data) {
        return DataForm::Url { scheme };
    }
    if let Some(rest) = data.strip_prefix("data:") {
        let (meta, payload) = match zylon_json::split_once_byte(rest, b',') {
            Some((m, p)) => (m, Some(p)),
            None => (rest, None),
        };
        let base64 = meta.ends_with(";base64");
        let mime = zylon_json::split_once_byte(meta, b';').map_or(meta, |(m, _)| m);
        return DataForm::DataUri {
            mime,
            base64,
            payload,
        };
    }
    DataForm::Base64(data)
}

/// The scheme of `s` when it starts like a URL (`scheme://`).
pub fn url_scheme(s: &str) -> Option<&str> {
    // Only the scheme prefix is scanned, never the whole (possibly huge) payload.
    let b = s.as_bytes();
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    let end = b
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'+' | b'.' | b'-')))?;
    b[end..].starts_with(b"://").then(|| &s[..end])
}

/// Whether the server's `uri_loader._is_url` takes `s` for a URL: Python's `urlparse`, which
/// first drops leading control characters and spaces and removes every tab, CR and LF (as
/// WHATWG URL parsers do), finds a scheme and a non-empty host, and raises `ValueError` (read
/// as "not a URL") for a host with one of `[` and `]` but not the other (a URL cut short:
/// `http://[::1`), or brackets around something that is not an IPv6 or IPvFuture address
/// (Python 3.11's `_check_bracketed_host`: `http://[1.2.3.4]/` and `http://[1::2::3]/` are
/// not URLs to it). Only the prefix up to the end of the host is read. Not modelled: that a
/// non-ASCII host does not gain `/?#@:` under NFKC normalization.
pub fn server_downloads(s: &str) -> bool {
    let t = s.trim_start_matches(|c: char| c <= ' ');
    let mut b = t.bytes().filter(|c| !matches!(c, b'\t' | b'\r' | b'\n'));
    if !b.next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    loop {
        match b.next() {
            Some(b':') => break,
            Some(c) if c.is_ascii_alphanumeric() || matches!(c, b'+' | b'.' | b'-') => {}
            _ => return false,
        }
    }
    if !(b.next() == Some(b'/') && b.next() == Some(b'/')) {
        return false;
    }
    // The host: up to `/`, `?` or `#`; not empty; its brackets paired, and what stands after
    // the first `[` up to the next `]` an IPv6 or an IPvFuture address (Python's
    // `netloc.partition('[')[2].partition(']')[0]`).
    let (mut len, mut open, mut close, mut closed) = (0, false, false, false);
    let mut inner = Vec::new();
    for c in b.take_while(|c| !matches!(c, b'/' | b'?' | b'#')) {
        len += 1;
        if open && !closed && c != b']' {
            inner.push(c);
        }
        close |= c == b']';
        closed |= open && c == b']';
        open |= c == b'[';
    }
    len > 0 && open == close && (!open || bracketed_host(&inner))
}

/// Python 3.11's `urllib.parse._check_bracketed_host`: an IPvFuture address (`v`, hex digits,
/// `.`, at least one more character), or what `ipaddress.ip_address` takes for an IPv6 address
/// (an IPv4 one in brackets is refused).
fn bracketed_host(h: &[u8]) -> bool {
    if let Some(rest) = h.strip_prefix(b"v") {
        let dot = rest.iter().position(|&c| c == b'.').unwrap_or(rest.len());
        return dot > 0
            && dot + 1 < rest.len()
            && rest
                .get(..dot)
                .is_some_and(|d| d.iter().all(u8::is_ascii_hexdigit));
    }
    // `IPv6Address._split_scope_id`: after the first `%`, a scope, not empty, without `%`
    let (addr, scope_ok) = match h.iter().position(|&c| c == b'%') {
        Some(i) => {
            let (addr, scope) = h.split_at(i);
            (addr, scope.len() > 1 && !scope[1..].contains(&b'%'))
        }
        None => (h, true),
    };
    scope_ok && ipv6(addr)
}

/// `IPv6Address._ip_int_from_string`: 3 to 9 `:`-separated parts (an IPv4 tail counts as
/// two), at most one `::` inside, an empty first or last part only as part of it, 8 parts
/// when there is none and fewer when there is, each other part 1 to 4 hex digits.
fn ipv6(addr: &[u8]) -> bool {
    let hextet = |p: &[u8]| p.len() <= 4 && p.iter().all(u8::is_ascii_hexdigit);
    // the parts but the last: how many, and where an empty one inside is (the `::`)
    let (mut n, mut skip, mut skips) = (0, 0, 0);
    let mut parts = addr.split(|&c| c == b':');
    let mut last = parts.next().unwrap_or_default();
    for p in parts {
        if last.is_empty() && n > 0 {
            (skip, skips) = (n, skips + 1);
        }
        if !hextet(last) {
            return false;
        }
        (last, n) = (p, n + 1);
    }
    // an IPv4 tail counts as two parts
    let v4 = last.contains(&b'.');
    let total = n + 1 + usize::from(v4);
    let (first, end) = (addr.first() == Some(&b':'), last.is_empty());
    n >= 2
        && total <= 9
        && skips <= 1
        && if v4 { ipv4(last) } else { hextet(last) }
        && if skips == 1 {
            // the parts before and after the `::` (an empty end belongs to it)
            let hi = skip - usize::from(first);
            let lo = total - skip - 1 - usize::from(end);
            (!first || hi == 0) && (!end || lo == 0) && hi + lo < 8
        } else {
            total == 8 && !first && !end
        }
}

/// `IPv4Address._ip_int_from_string`: four `.`-separated decimal octets, each 0 to 255 with no
/// leading zero.
fn ipv4(s: &[u8]) -> bool {
    let mut n = 0;
    s.split(|&c| c == b'.').all(|o| {
        n += 1;
        matches!(o.len(), 1..=3)
            && o.iter().all(u8::is_ascii_digit)
            && (o.len() == 1 || o.first() != Some(&b'0'))
            // (three digits compare as their numbers do)
            && (o.len() < 3 || o <= &b"255"[..])
    }) && n == 4
}

/// Why a string is not strict base64.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base64Error {
    /// The string is empty.
    Empty,
    /// A byte outside `A-Z a-z 0-9 + /` (and `=` padding) at this byte offset.
    InvalidByte(usize),
    /// The length is not a multiple of 4 (missing or extra padding).
    BadLength,
    /// `=` somewhere other than the last one or two positions.
    BadPadding,
    /// The unused bits of the last character are not zero, so re-encoding gives another string.
    NonCanonical,
}

impl std::fmt::Display for Base64Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Base64Error::Empty => f.write_str("it is empty"),
            Base64Error::InvalidByte(i) => write!(
                f,
                "it has a character outside the base64 alphabet at offset {i}"
            ),
            Base64Error::BadLength => {
                f.write_str("its length is not a multiple of 4 (missing or extra `=` padding)")
            }
            Base64Error::BadPadding => f.write_str("it has `=` padding in the middle"),
            Base64Error::NonCanonical => {
                f.write_str("its last character has non-zero unused bits (it does not round-trip)")
            }
        }
    }
}

const INVALID: u8 = 0xFF;
const PAD: u8 = 0xFE;

const fn decode_table() -> [u8; 256] {
    let mut t = [INVALID; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < 64 {
        t[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    t[b'=' as usize] = PAD;
    t
}

static TABLE: [u8; 256] = decode_table();

/// Check that `s` is strict base64 (standard alphabet, `=` padding, length a multiple of 4) and
/// return the decoded length. With `canonical`, also require zero unused bits (exact round-trip).
/// Nothing is decoded or allocated.
pub fn check_base64(s: &str, canonical: bool) -> Result<usize, Base64Error> {
    let b = s.as_bytes();
    if b.is_empty() {
        return Err(Base64Error::Empty);
    }
    // Everything but the last 4 bytes must be pure alphabet (a vectorised scan, see zylon-scan).
    let body_end = b.len().saturating_sub(4) & !3;
    if let Some(pos) = zylon_scan::first_non_base64(&b[..body_end]) {
        return Err(if b[pos] == b'=' {
            Base64Error::BadPadding
        } else {
            Base64Error::InvalidByte(pos)
        });
    }
    for (i, &c) in b.iter().enumerate().skip(body_end) {
        if TABLE[c as usize] == INVALID {
            return Err(Base64Error::InvalidByte(i));
        }
    }
    if !b.len().is_multiple_of(4) {
        return Err(Base64Error::BadLength);
    }
    let last = &b[b.len() - 4..];
    let pad = match (last[2], last[3]) {
        (b'=', b'=') => 2,
        (_, b'=') => 1,
        (b'=', _) => return Err(Base64Error::BadPadding),
        _ => 0,
    };
    if last[..2].contains(&b'=') {
        return Err(Base64Error::BadPadding);
    }
    if canonical && pad > 0 {
        let c = TABLE[last[3 - pad] as usize];
        let mask = if pad == 2 { 0x0F } else { 0x03 };
        if c & mask != 0 {
            return Err(Base64Error::NonCanonical);
        }
    }
    Ok(b.len() / 4 * 3 - pad)
}

/// The decoded length of `s` under Python 3.11's `base64.b64decode(s, validate=True)` (how the
/// server tells base64 `data` from a file path): strict base64, except that the decoder stops
/// at the first complete padding and skips `=` after a whole group, so `QUJD=` and `QUJD===`
/// decode (to 3 bytes) while `QUI==` does not ("Excess data after padding"). Returns the
/// length and whether `s` is also standard base64 (what other decoders accept).
pub fn py_b64decode_strict(s: &str) -> Result<(usize, bool), Base64Error> {
    let first = match check_base64(s, false) {
        Ok(n) => return Ok((n, true)), // the common case, vectorised
        Err(Base64Error::Empty) => return Ok((0, true)),
        Err(e) => e,
    };
    let b = s.as_bytes();
    if b[0] == b'=' {
        return Err(Base64Error::BadPadding); // "Leading padding not allowed"
    }
    let (mut quad, mut pads, mut out, mut padding) = (0u8, 0u8, 0usize, false);
    for (i, &c) in b.iter().enumerate() {
        if c == b'=' {
            padding = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    // "Excess data after padding"
                    return if i + 1 < b.len() {
                        Err(Base64Error::BadPadding)
                    } else {
                        Ok((out, false))
                    };
                }
            }
            continue;
        }
        if TABLE[c as usize] >= 64 {
            return Err(Base64Error::InvalidByte(i)); // "Only base64 data is allowed"
        }
        if padding {
            return Err(Base64Error::BadPadding); // "Discontinuous padding not allowed"
        }
        pads = 0;
        if quad > 0 {
            out += 1;
        }
        quad = (quad + 1) % 4;
    }
    if quad == 0 {
        Ok((out, false))
    } else {
        Err(first)
    }
}

pub use zylon_json::py_strip;

/// Why Python's lenient `base64.b64decode` (no `validate`) fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LenientError {
    /// A character outside ASCII (Python refuses the string before decoding).
    NotAscii,
    /// The data characters do not end on a whole group (after skipping non-alphabet bytes).
    Padding,
}

impl std::fmt::Display for LenientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LenientError::NotAscii => "it has a non-ASCII character",
            LenientError::Padding => "its length or `=` padding is wrong",
        })
    }
}

/// The decoded length of `s` under Python's lenient `base64.b64decode(s)` (as the server
/// decodes `data:` URIs): bytes outside the alphabet are skipped, decoding stops at the first
/// complete padding, and the data characters before it must end on a whole group.
pub fn py_b64decode_lenient(s: &str) -> Result<usize, LenientError> {
    if let Ok(n) = check_base64(s, false) {
        return Ok(n); // the common case, vectorised: strict base64 decodes the same way
    }
    if s.is_empty() {
        return Ok(0);
    }
    if !s.is_ascii() {
        return Err(LenientError::NotAscii);
    }
    let (mut quad, mut pads, mut out) = (0u8, 0u8, 0usize);
    for &c in s.as_bytes() {
        if c == b'=' {
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    return Ok(out);
                }
            }
            continue;
        }
        if TABLE[c as usize] >= 64 {
            continue;
        }
        pads = 0;
        if quad > 0 {
            out += 1;
        }
        quad = (quad + 1) % 4;
    }
    if quad == 0 {
        Ok(out)
    } else {
        Err(LenientError::Padding)
    }
}

/// Decode at most `max` bytes from the start of a base64 string (stops at the first invalid
/// character). Used only to sniff the real media type.
pub fn decode_prefix(s: &str, max: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(max + 3);
    for quad in s.as_bytes().chunks(4) {
        if out.len() >= max {
            break;
        }
        let mut acc = 0u32;
        let mut n = 0;
        for &c in quad {
            let v = TABLE[c as usize];
            if v >= 64 {
                break;
            }
            acc = (acc << 6) | u32::from(v);
            n += 1;
        }
        match n {
            4 => out.extend_from_slice(&[(acc >> 16) as u8, (acc >> 8) as u8, acc as u8]),
            3 => {
                acc <<= 6;
                out.extend_from_slice(&[(acc >> 16) as u8, (acc >> 8) as u8]);
                break;
            }
            2 => {
                acc <<= 12;
                out.push((acc >> 16) as u8);
                break;
            }
            _ => break,
        }
    }
    out.truncate(max);
    out
}

/// The media type the bytes start like, when the signature is unambiguous.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    let starts = |sig: &[u8]| bytes.starts_with(sig);
    if starts(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some("image/gif")
    } else if starts(b"RIFF") && bytes.len() >= 12 && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if starts(b"RIFF") && bytes.len() >= 12 && &bytes[8..12] == b"WAVE" {
        Some("audio/wav")
    } else if starts(b"%PDF-") {
        Some("application/pdf")
    } else if starts(b"ID3")
        || (bytes.len() >= 2 && bytes[0] == 0xFF && matches!(bytes[1], 0xFB | 0xF3 | 0xF2))
    {
        Some("audio/mpeg")
    } else if starts(b"OggS") {
        Some("audio/ogg")
    } else if starts(b"fLaC") {
        Some("audio/flac")
    } else if starts(b"PK\x03\x04") {
        Some("application/zip")
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        Some("image/tiff")
    } else if starts(&[0x1A, 0x45, 0xDF, 0xA3]) {
        Some("video/webm")
    } else if starts(&[0x1F, 0x8B]) {
        Some("application/gzip")
    } else if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        if &bytes[8..11] == b"M4A" {
            Some("audio/mp4")
        } else {
            Some("video/mp4")
        }
    } else {
        None
    }
}

/// Parse `type/subtype[; params]`; returns the lowercase essence when the syntax is valid.
pub fn mime_essence(s: &str) -> Option<String> {
    let essence = zylon_json::split_once_byte(s, b';')
        .map_or(s, |(e, _)| e)
        .trim();
    let (t, sub) = zylon_json::split_once_byte(essence, b'/')?;
    let token = |x: &str| {
        !x.is_empty()
            && x.bytes()
                .all(|c| c.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&c))
    };
    (token(t) && token(sub)).then(|| essence.to_ascii_lowercase())
}

fn canonical_family(essence: &str) -> &str {
    match essence {
        "image/jpg" | "image/pjpeg" => "image/jpeg",
        "audio/mp3" | "audio/mpeg3" | "audio/x-mp3" | "audio/x-mpeg" => "audio/mpeg",
        "audio/x-wav" | "audio/wave" | "audio/vnd.wave" | "audio/x-pn-wav" => "audio/wav",
        "audio/x-flac" => "audio/flac",
        "application/ogg" | "video/ogg" | "audio/opus" | "audio/vorbis" | "audio/x-ogg" => {
            "audio/ogg"
        }
        "application/x-pdf" => "application/pdf",
        "application/x-zip-compressed" | "application/x-zip" => "application/zip",
        "audio/x-m4a" | "audio/m4a" | "audio/aac" => "audio/mp4",
        "application/x-gzip" => "application/gzip",
        "audio/webm" => "video/webm",
        e => e,
    }
}

/// Whether a declared media type is compatible with the sniffed one.
pub fn compatible(declared_essence: &str, sniffed: &str) -> bool {
    let d = canonical_family(declared_essence);
    if d == sniffed || d == "application/octet-stream" {
        return true;
    }
    let has = zylon_json::contains;
    match sniffed {
        // Office documents, EPUB, JAR, ODF ... are ZIP containers.
        "application/zip" => {
            has(d, "zip")
                || has(d, "openxmlformats")
                || has(d, "opendocument")
                || has(d, "epub")
                || has(d, "java-archive")
        }
        "video/mp4" | "audio/mp4" => {
            d.ends_with("/mp4") || has(d, "quicktime") || has(d, "3gpp") || has(d, "m4")
        }
        "application/gzip" => has(d, "gzip") || has(d, "tar"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG_1X1: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    #[test]
    fn classify_forms() {
        assert_eq!(
            classify("https://x/y.png"),
            DataForm::Url { scheme: "https" }
        );
        assert_eq!(
            classify("custom+v1://x"),
            DataForm::Url {
                scheme: "custom+v1"
            }
        );
        assert!(matches!(classify("1http://x"), DataForm::Base64(_)));
        assert_eq!(
            classify("data:image/png;base64,AAAA"),
            DataForm::DataUri {
                mime: "image/png",
                base64: true,
                payload: Some("AAAA")
            }
        );
        assert!(matches!(classify("AAAA"), DataForm::Base64(_)));
    }

    #[test]
    fn python_strict_decoding_skips_padding_after_a_whole_group() {
        // checked against CPython 3.11's base64.b64decode(s, validate=True)
        for (s, want) in [
            ("QUJD=", Some(3)),
            ("QUJD==", Some(3)),
            ("QUJD===", Some(3)),
            ("QUI=", Some(2)),
            ("QQ==", Some(1)),
            ("QUJD=QUJD", None),
            ("=QUJD", None),
            ("QUI==", None),
            ("QQ=", None),
            ("QQ===", None),
            ("QQ==QQ", None),
            ("QUJDQ", None),
            ("Q=Q=", None),
        ] {
            assert_eq!(py_b64decode_strict(s).ok().map(|(n, _)| n), want, "{s}");
        }
    }

    #[test]
    fn base64_strictness() {
        assert_eq!(check_base64("QUJD", true), Ok(3));
        assert_eq!(check_base64("QUI=", true), Ok(2));
        assert_eq!(check_base64("QQ==", true), Ok(1));
        assert_eq!(check_base64(PNG_1X1, true), Ok(70));
        assert_eq!(check_base64("", false), Err(Base64Error::Empty));
        assert_eq!(check_base64("QUJ", false), Err(Base64Error::BadLength));
        assert_eq!(check_base64("QQ", false), Err(Base64Error::BadLength));
        assert_eq!(check_base64("QU=D", false), Err(Base64Error::BadPadding));
        assert_eq!(
            check_base64("QQ==QUJD", false),
            Err(Base64Error::BadPadding)
        );
        assert_eq!(
            check_base64("a-_b", false),
            Err(Base64Error::InvalidByte(1))
        );
        assert_eq!(
            check_base64("QUJD\nQUJD", false),
            Err(Base64Error::InvalidByte(4))
        );
        assert_eq!(
            check_base64("<BASE64_IMAGE_DATA>", false),
            Err(Base64Error::InvalidByte(0))
        );
        assert_eq!(check_base64("QR==", true), Err(Base64Error::NonCanonical));
        assert_eq!(check_base64("QR==", false), Ok(1));
        let long = "QUJD".repeat(1000) + "QQ==";
        assert_eq!(check_base64(&long, true), Ok(3001));
        let bad = "QUJD".repeat(10) + "Q*JD" + &"QUJD".repeat(10);
        assert_eq!(check_base64(&bad, true), Err(Base64Error::InvalidByte(41)));
    }

    #[test]
    fn prefix_decoding_and_sniffing() {
        let head = decode_prefix(PNG_1X1, 16);
        assert_eq!(head.len(), 16);
        assert_eq!(sniff(&head), Some("image/png"));
        assert_eq!(decode_prefix("QUI=", 16), b"AB");
        assert_eq!(sniff(b"%PDF-1.7"), Some("application/pdf"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WAVEfmt "), Some("audio/wav"));
        assert_eq!(sniff(b"hello"), None);
    }

    #[test]
    fn mime_parsing_and_compatibility() {
        assert_eq!(
            mime_essence("Image/PNG; charset=x").as_deref(),
            Some("image/png")
        );
        assert_eq!(mime_essence("png"), None);
        assert_eq!(mime_essence("image/"), None);
        assert!(compatible("image/jpg", "image/jpeg"));
        assert!(compatible("audio/mp3", "audio/mpeg"));
        assert!(compatible(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/zip"
        ));
        assert!(!compatible("image/jpeg", "image/png"));
        assert!(compatible("application/octet-stream", "image/png"));
    }

    /// As Python's `urlparse` finds a scheme and a host (checked on the server's request path:
    /// `scripts/oracle_diff.py`, fixture `media/url-with-line-break-downloaded.json`).
    #[test]
    fn server_downloads_what_urlparse_takes_for_a_url() {
        for (s, url) in [
            ("https://x", true),
            ("  \u{1}https://x/y.png", true),
            ("http\ns://examp", true),
            ("ht\ttps://x", true),
            ("https:/\r\n/x", true),
            ("https://\nx", true),
            ("custom+v1.a-b://h", true),
            ("https://", false),
            ("https:///x", false),
            ("https://?q", false),
            ("h ttps://x", false),
            ("1http://x", false),
            ("mailto:x", false),
            ("https:/x", false),
            ("AAAA+/==", false),
            ("", false),
        ] {
            assert_eq!(server_downloads(s), url, "{s:?}");
        }
    }

    /// Hosts in brackets as Python 3.11's `urlsplit` takes them (the answers printed by
    /// `urlparse` in the server oracle's Python 3.11.7: a `ValueError` is "not a URL"):
    /// unpaired brackets, IPvFuture addresses and the shape of an IPv6 address.
    #[test]
    fn bracketed_hosts_as_urlsplit_checks_them() {
        for (s, url) in [
            ("http://[::1]/a", true),
            ("http://[abc]/a", false),
            ("http://[v1.x]/a", true),
            ("http://[1.2.3.4]/a", false),
            ("http://[fe80::1%eth0]/a", true),
            ("http://[fe80::1%]/a", false),
            ("http://[::ffff:1.2.3.4]/a", true),
            ("http://[::]/a", true),
            ("http://[V1.x]/a", false),
            ("http://[v1.]/a", false),
            ("http://[vg.x]/a", false),
            ("http://[1:2:3:4:5:6:7:8]/a", true),
            ("http://[1:2:3:4:5:6:7::]/a", true),
            ("http://[::2:3:4:5:6:7:8]/a", true),
            ("http://[::1.2.3.4]/a", true),
            ("http://[1:2:3:4:5:6:1.2.3.4]/a", true),
            ("http://[::0.0.0.0]/a", true),
            ("http://[1::]/a", true),
            ("http://[::g]/a", false),
            ("http://[ ::1]/a", false),
            ("http://[ABCD:ef01::]/a", true),
            ("http://[0000:0000:0000:0000:0000:0000:0000:0001]/a", true),
            ("http://[v0.0]/a", true),
            ("http://[vF.:]/a", true),
            ("http://[v.x]/a", false),
            ("http://[::1", false),
            ("http://a]/x", false),
            ("http://]x[/", false),
            ("http://[::1]x]/", true),
            ("http://x[::1]/", true),
            ("http://[::1]:80/", true),
            ("http://u@[::1]/", true),
            ("http://[::1/]", false),
            ("http://[1:2:3:4:5:6:7::8]/a", false),
            ("http://[::1:2:3:4:5:6:7]/a", true),
            ("http://[::1:2:3:4:5:6:7:8]/a", false),
            ("http://[1:2:3:4:5:6::1.2.3.4]/a", false),
            ("http://[1:2:3:4:5::1.2.3.4]/a", true),
            ("http://[::255.255.255.255]/a", true),
            ("http://[::1.2.3.04]/a", false),
            ("http://[1.2.3.4::]/a", false),
            ("http://[1::2%a]/a", true),
            ("http://[1::2%%]/a", false),
            ("http://[:::]/a", false),
            ("http://[1:::2]/a", false),
            ("http://[FFFF::ffff]/a", true),
            ("http://[::1%25x]/a", true),
            ("http://[::0:0.0.0.0]/a", true),
            ("http://[::1.2.3.4:5]/a", false),
            ("http://[:1:2:3:4:5:6:7]/a", false),
            ("http://[::1:]/a", false),
        ] {
            assert_eq!(server_downloads(s), url, "{s:?}");
        }
        // a `ValueError` for the shape of the IPv6 address (taken here before 2026-12-04)
        for s in [
            "http://[fe80::1%a%b]/a",
            "http://[::ffff:01.2.3.4]/a",
            "http://[1:2:3:4:5:6:7:8:9]/a",
            "http://[1::2::3]/a",
            "http://[:1::]/a",
            "http://[12345::]/a",
            "http://[1:2:3:4:5:6:7]/a",
            "http://[1:2:3:4:5:6:7:1.2.3.4]/a",
            "http://[::256.1.1.1]/a",
            "http://[::1.2.3]/a",
            "http://[::1.2.3.4.5]/a",
            "http://[1:2:3:4:5:6:7:8:]/a",
            "http://[00000::]/a",
        ] {
            assert!(!server_downloads(s), "{s:?}");
        }
    }
}
