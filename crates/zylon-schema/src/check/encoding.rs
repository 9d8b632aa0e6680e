//! The character encoding of a body given as bytes, read as the server reads it.
//!
//! The server parses a request with Python's `json.loads` of its bytes (Starlette's
//! `Request.json()`), which tells the encoding by `json.detect_encoding` (UTF-8 with or without
//! its byte order mark, UTF-16 and UTF-32 in either byte order, with or without one) and decodes
//! with `surrogatepass`: UTF-8 bytes that encode a surrogate (U+D800–U+DFFF, which UTF-8 does not
//! allow) and unpaired UTF-16 or UTF-32 surrogates are read too. So the validator reads such a
//! body as the server does, and warns (`json.encoding`): JSON exchanged between systems must be
//! UTF-8 (RFC 8259), and a parser on the way may reject it. A surrogate becomes U+FFFD in the
//! text the rules read (one character, as it is one for the server).

use std::borrow::Cow;

/// How the bytes of a body were read.
pub(crate) enum Read<'a> {
    /// UTF-8 (a leading byte order mark is part of the text).
    Utf8(&'a str),
    /// Decoded to UTF-8 from what [`Note`] says.
    Decoded(String, Note),
    /// Not decodable: what the server's decoder fails on, as a message.
    Invalid(String),
}

/// Why a body was not read as plain UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Note {
    /// UTF-16 or UTF-32.
    Wide(Wide),
    /// UTF-8 with encoded surrogates, the first at this byte offset (each became U+FFFD, also
    /// three bytes long: every offset of the text is an offset of the bytes).
    Surrogates(usize),
}

/// A UTF-16 or UTF-32 encoding, as `json.detect_encoding` tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Wide {
    /// Bytes per code unit: 2 or 4.
    unit: usize,
    big_endian: bool,
    /// Whether the body starts with a byte order mark (which the decoder skips).
    bom: bool,
}

impl Wide {
    /// The encoding's name, as the message gives it (`UTF-16LE`).
    pub(crate) fn name(self) -> &'static str {
        match (self.unit, self.big_endian) {
            (2, false) => "UTF-16LE",
            (2, true) => "UTF-16BE",
            (_, false) => "UTF-32LE",
            (_, true) => "UTF-32BE",
        }
    }

    /// Whether the body starts with a byte order mark.
    pub(crate) fn has_bom(self) -> bool {
        self.bom
    }
}

/// The encoding the server's JSON decoder reads a body in, told from its first bytes as
/// Python's `json.detect_encoding` tells it (a byte order mark, else the zero bytes among the
/// first four). A body the server reads as UTF-16 or UTF-32 gets a `json.encoding` warning.
///
/// ```
/// use zylon_schema::Encoding;
///
/// let utf16: Vec<u8> = "{}".encode_utf16().flat_map(u16::to_le_bytes).collect();
/// assert_eq!(Encoding::of(&utf16), Encoding::Utf16Le);
/// assert_eq!(Encoding::of(b"{}"), Encoding::Utf8);
/// assert_eq!(Encoding::Utf16Le.newline(), b"\n\0");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8, with or without a byte order mark.
    Utf8,
    /// UTF-16, least significant byte first.
    Utf16Le,
    /// UTF-16, most significant byte first.
    Utf16Be,
    /// UTF-32, least significant byte first.
    Utf32Le,
    /// UTF-32, most significant byte first.
    Utf32Be,
}

impl Encoding {
    /// The encoding of a body that starts with `bytes` (four bytes decide).
    pub fn of(bytes: &[u8]) -> Encoding {
        match detect(bytes) {
            None => Encoding::Utf8,
            Some(Wide {
                unit: 2,
                big_endian,
                ..
            }) => [Encoding::Utf16Le, Encoding::Utf16Be][usize::from(big_endian)],
            Some(Wide { big_endian, .. }) => {
                [Encoding::Utf32Le, Encoding::Utf32Be][usize::from(big_endian)]
            }
        }
    }

    /// Its name, as messages give it (`UTF-16LE`).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Utf32Le => "UTF-32LE",
            Encoding::Utf32Be => "UTF-32BE",
        }
    }

    /// The bytes of one code unit: 1, 2 or 4.
    pub fn unit(self) -> usize {
        match self {
            Encoding::Utf8 => 1,
            Encoding::Utf16Le | Encoding::Utf16Be => 2,
            Encoding::Utf32Le | Encoding::Utf32Be => 4,
        }
    }

    /// A line feed (U+000A) in this encoding: what ends a line of JSON Lines.
    pub fn newline(self) -> &'static [u8] {
        match self {
            Encoding::Utf8 => b"\n",
            Encoding::Utf16Le => b"\n\0",
            Encoding::Utf16Be => b"\0\n",
            Encoding::Utf32Le => b"\n\0\0\0",
            Encoding::Utf32Be => b"\0\0\0\n",
        }
    }

    /// The code units of `bytes` (whole units; a trailing part of one is left out) as numbers.
    pub fn units(self, bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
        let big_endian = matches!(self, Encoding::Utf16Be | Encoding::Utf32Be);
        bytes
            .chunks_exact(self.unit())
            .map(move |c| unit_value(c, big_endian))
    }
}

/// The number a code unit's bytes stand for.
fn unit_value(c: &[u8], big_endian: bool) -> u32 {
    c.iter().enumerate().fold(0u32, |v, (k, &byte)| {
        let shift = if big_endian { c.len() - 1 - k } else { k };
        v | u32::from(byte) << (8 * shift)
    })
}

/// The UTF-8 text of `bytes` when it holds exactly what the server reads from them (nothing
/// made U+FFFD, and no U+FEFF starting UTF-16 or UTF-32 text: as UTF-8 it would be a byte order
/// mark, which the server skips), with the encoding they were in; else why not, as a message.
pub(crate) fn exact_text(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), String> {
    match read(bytes) {
        Read::Utf8(text) => Ok((Cow::Borrowed(text), Encoding::Utf8)),
        Read::Decoded(text, Note::Wide(wide)) => {
            let encoding = Encoding::of(bytes);
            let body = bytes.get(if wide.bom { wide.unit } else { 0 }..);
            // (a surrogate on its own became U+FFFD: one more in the text than in the bytes)
            let in_text = text.chars().filter(|&c| c == '\u{FFFD}').count();
            let in_bytes = body.map_or(0, |b| encoding.units(b).filter(|&u| u == 0xFFFD).count());
            if text.starts_with('\u{feff}') {
                // (text the server's JSON decoder rejects; written as UTF-8 it would become a
                // byte order mark, which the server skips)
                Err(format!(
                    "the body is {} and its text starts with U+FEFF (after the byte order mark, \
                     if any), which the server rejects but would skip as UTF-8's byte order mark",
                    wide.name()
                ))
            } else if in_text == in_bytes {
                Ok((Cow::Owned(text), encoding))
            } else {
                Err(format!(
                    "the body is {} with a surrogate (U+D800 to U+DFFF) on its own, which UTF-8 \
                     text cannot hold",
                    wide.name()
                ))
            }
        }
        Read::Decoded(_, Note::Surrogates(at)) => Err(format!(
            "the body's UTF-8 encodes a surrogate (U+D800 to U+DFFF) on its own at byte {at}, \
             which UTF-8 text cannot hold"
        )),
        Read::Invalid(message) => Err(message),
    }
}

/// Read `bytes` as the server's JSON decoder does.
pub(crate) fn read(bytes: &[u8]) -> Read<'_> {
    if let Some(wide) = detect(bytes) {
        return match decode_wide(bytes, wide) {
            Ok(text) => Read::Decoded(text, Note::Wide(wide)),
            Err(at) => Read::Invalid(format!(
                "the body is {} (as its first bytes say) but is not valid {0} at byte {at}",
                wide.name()
            )),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Read::Utf8(text),
        Err(e) => match with_surrogates_replaced(bytes) {
            Some((text, at)) => Read::Decoded(text, Note::Surrogates(at)),
            None => {
                let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                let (line, col) = super::json::line_col(valid, valid.len());
                Read::Invalid(format!(
                    "the body is not valid UTF-8 (invalid byte at line {line} column {col})"
                ))
            }
        },
    }
}

/// The text of `bytes` that [`read`] gives, for showing where issues are: the text the rules
/// read (spans are offsets into it), or the bytes read lossily when they cannot be decoded.
pub(crate) fn text(bytes: &[u8]) -> Cow<'_, str> {
    match read(bytes) {
        Read::Utf8(text) => Cow::Borrowed(text),
        Read::Decoded(text, _) => Cow::Owned(text),
        Read::Invalid(_) => String::from_utf8_lossy(bytes),
    }
}

/// `json.detect_encoding`: the byte order marks first (UTF-32's before UTF-16's, which begins
/// it), then the zero bytes of the first four (or two) bytes; `None` for UTF-8.
fn detect(b: &[u8]) -> Option<Wide> {
    // (written with `starts_with` and `get`: slice patterns made this 3 times the size in
    // WebAssembly)
    const MARKS: [(&[u8], usize, bool); 4] = [
        (&[0, 0, 0xFE, 0xFF], 4, true),
        (&[0xFF, 0xFE, 0, 0], 4, false),
        (&[0xFE, 0xFF], 2, true),
        (&[0xFF, 0xFE], 2, false),
    ];
    if let Some(&(_, unit, big_endian)) = MARKS.iter().find(|(m, ..)| b.starts_with(m)) {
        return Some(Wide {
            unit,
            big_endian,
            bom: true,
        });
    }
    let zero = |i: usize| b.get(i) == Some(&0);
    let (unit, big_endian) = match b.len() {
        _ if b.starts_with(&[0xEF, 0xBB, 0xBF]) => return None,
        2 if zero(0) || zero(1) => (2, zero(0)),
        n if n >= 4 && zero(0) => (if zero(1) { 4 } else { 2 }, true),
        n if n >= 4 && zero(1) => (if zero(2) && zero(3) { 4 } else { 2 }, false),
        _ => return None,
    };
    Some(Wide {
        unit,
        big_endian,
        bom: false,
    })
}

/// Decode UTF-16 or UTF-32 with `surrogatepass` (an unpaired surrogate becomes U+FFFD, as a
/// UTF-32 surrogate does: Python reads each as one character, never two as a pair); `Err(offset)`
/// where Python's decoder fails: a truncated code unit, or a UTF-32 value beyond U+10FFFF. Both
/// are read as UTF-16LE units for the transcoder the module has for JavaScript's strings.
fn decode_wide(bytes: &[u8], wide: Wide) -> Result<String, usize> {
    let start = if wide.bom { wide.unit } else { 0 };
    let body = bytes.get(start..).unwrap_or_default();
    if body.len() % wide.unit != 0 {
        return Err(bytes.len() - body.len() % wide.unit);
    }
    let mut out = String::new();
    if wide.unit == 2 && !wide.big_endian {
        // already what the transcoder reads: no copy (a 100 MB body is not held twice more)
        zylon_scan::utf16le_to_utf8(body, &mut out);
        return Ok(out);
    }
    let mut le = Vec::with_capacity(body.len());
    for (i, c) in body.chunks_exact(wide.unit).enumerate() {
        let v = unit_value(c, wide.big_endian);
        // (a UTF-16 surrogate stays a unit, so that the transcoder pairs what is paired)
        let (unit, second) = match v {
            0..=0xFFFF if wide.unit == 2 => (v, None),
            0xD800..=0xDFFF => (0xFFFD, None),
            0..=0xFFFF => (v, None),
            0x1_0000..=0x10_FFFF => {
                let v = v - 0x1_0000;
                (0xD800 | v >> 10, Some(0xDC00 | (v & 0x3FF)))
            }
            _ => return Err(start + i * wide.unit),
        };
        for u in std::iter::once(unit).chain(second) {
            le.extend_from_slice(&(u as u16).to_le_bytes());
        }
    }
    zylon_scan::utf16le_to_utf8(&le, &mut out);
    Ok(out)
}

/// UTF-8 in which the only invalid sequences encode surrogates (`ED A0..BF 80..BF`), which
/// Python's `surrogatepass` reads: the text with each as U+FFFD, and the offset of the first.
fn with_surrogates_replaced(bytes: &[u8]) -> Option<(String, usize)> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut first = None;
    let mut rest = bytes;
    while let Err(e) = std::str::from_utf8(rest) {
        let (valid, bad) = rest.split_at(e.valid_up_to());
        out.extend_from_slice(valid);
        let [0xED, 0xA0..=0xBF, 0x80..=0xBF, ..] = bad else {
            return None;
        };
        first.get_or_insert(bytes.len() - bad.len());
        out.extend_from_slice("\u{FFFD}".as_bytes());
        rest = &bad[3..];
    }
    out.extend_from_slice(rest);
    Some((String::from_utf8(out).ok()?, first?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        s.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    fn utf32(s: &str, big_endian: bool) -> Vec<u8> {
        s.chars()
            .flat_map(|c| {
                let v = c as u32;
                if big_endian {
                    v.to_be_bytes()
                } else {
                    v.to_le_bytes()
                }
            })
            .collect()
    }

    fn decoded(bytes: &[u8]) -> (String, Note) {
        match read(bytes) {
            Read::Decoded(text, note) => (text, note),
            Read::Utf8(t) => panic!("read as UTF-8: {t:?}"),
            Read::Invalid(m) => panic!("invalid: {m}"),
        }
    }

    const TEXT: &str = "{\"t\":\"h\u{e9}llo \u{1F600}\"}";

    #[test]
    fn every_width_and_byte_order_is_detected_and_decoded_with_or_without_a_mark() {
        for (unit, be) in [(2, false), (2, true), (4, false), (4, true)] {
            let plain = if unit == 2 {
                utf16(TEXT, be)
            } else {
                utf32(TEXT, be)
            };
            let bom = if unit == 2 {
                utf16("\u{feff}", be)
            } else {
                utf32("\u{feff}", be)
            };
            for (bytes, has_bom) in [(plain.clone(), false), ([bom, plain].concat(), true)] {
                let (text, note) = decoded(&bytes);
                assert_eq!(text, TEXT, "{unit} {be} {has_bom}");
                let Note::Wide(w) = note else {
                    panic!("{note:?}")
                };
                assert_eq!((w.unit, w.big_endian, w.has_bom()), (unit, be, has_bom));
            }
        }
    }

    #[test]
    fn names_say_width_and_byte_order() {
        let name = |b: &[u8]| match read(b) {
            Read::Decoded(_, Note::Wide(w)) => w.name(),
            _ => "utf-8",
        };
        assert_eq!(name(&utf16("{}", false)), "UTF-16LE");
        assert_eq!(name(&utf16("{}", true)), "UTF-16BE");
        assert_eq!(name(&utf32("{}", false)), "UTF-32LE");
        assert_eq!(name(&utf32("{}", true)), "UTF-32BE");
        assert_eq!(name(b"{}"), "utf-8");
    }

    #[test]
    fn detection_follows_pythons_rules_on_short_and_odd_inputs() {
        // two bytes: one zero byte tells UTF-16
        assert!(matches!(read(b"1\0"), Read::Decoded(t, _) if t == "1"));
        assert!(matches!(read(b"\x001"), Read::Decoded(t, _) if t == "1"));
        // UTF-8, its byte order mark kept for the parser (which skips it); one or three bytes
        assert!(matches!(read(b"\xEF\xBB\xBF{}"), Read::Utf8("\u{feff}{}")));
        assert!(matches!(read(b"1"), Read::Utf8("1")));
        assert!(matches!(read(b"123"), Read::Utf8("123")));
        // `{` then a zero byte: Python reads UTF-16LE (and then fails on what follows)
        assert!(matches!(read(b"{\0}\0"), Read::Decoded(t, _) if t == "{}"));
        // the UTF-32LE mark is also the UTF-16LE mark and U+0000: Python reads UTF-32
        assert!(
            matches!(read(b"\xFF\xFE\0\0"), Read::Decoded(t, Note::Wide(w)) if t.is_empty() && w.unit == 4)
        );
    }

    #[test]
    fn unpaired_surrogates_are_read_as_the_replacement_character() {
        let mut b = utf16("a", false);
        b.extend_from_slice(&[0x00, 0xD8]); // a lone high surrogate
        b.extend(utf16("b", false));
        assert_eq!(decoded(&b).0, "a\u{FFFD}b");
        let mut b = utf32("a", true);
        b.extend_from_slice(&[0, 0, 0xDC, 0]);
        assert_eq!(decoded(&b).0, "a\u{FFFD}");
    }

    #[test]
    fn what_pythons_decoder_fails_on_is_invalid_with_its_offset() {
        let mut odd = utf16("{}", false);
        odd.push(b' ');
        let Read::Invalid(m) = read(&odd) else {
            panic!()
        };
        assert_eq!(
            m,
            "the body is UTF-16LE (as its first bytes say) but is not valid UTF-16LE at byte 4"
        );
        let mut big = utf32("{", false);
        big.extend_from_slice(&0x11_0000u32.to_le_bytes());
        let Read::Invalid(m) = read(&big) else {
            panic!()
        };
        assert!(m.ends_with("not valid UTF-32LE at byte 4"), "{m}");
        let Read::Invalid(m) = read(b"{\"a\":\"\xFF\"}") else {
            panic!()
        };
        assert_eq!(
            m,
            "the body is not valid UTF-8 (invalid byte at line 1 column 7)"
        );
    }

    #[test]
    fn encoded_surrogates_become_replacement_characters_at_the_same_offsets() {
        // "a", then U+D83D U+DE00 encoded one by one (CESU-8), then "b"
        let bytes = b"\"a\xED\xA0\xBD\xED\xB8\x80b\"";
        let (text, note) = decoded(bytes);
        assert_eq!(text, "\"a\u{FFFD}\u{FFFD}b\"");
        assert_eq!(text.len(), bytes.len());
        assert_eq!(note, Note::Surrogates(2));
        // any other invalid sequence: not decodable
        assert!(matches!(read(b"\"\xED\xA0\xBD\xFF\""), Read::Invalid(_)));
        // an overlong encoding is not a surrogate
        assert!(matches!(read(b"\"\xC0\xAF\""), Read::Invalid(_)));
    }

    #[test]
    fn text_is_what_the_rules_read_or_the_bytes_read_lossily() {
        assert_eq!(text(&utf16("{}", true)), "{}");
        assert!(matches!(text(b"{}"), Cow::Borrowed("{}")));
        assert_eq!(text(b"{\xFF}"), "{\u{FFFD}}");
    }
}
