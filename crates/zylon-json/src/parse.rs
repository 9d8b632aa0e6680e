//! The parser: a complete JSON text into a tree whose arrays and objects live in an [`Arena`].

use std::borrow::Cow;

use crate::text::{escape_char, keys_equal, short_text};
use crate::value::{key_bit, Num, Object, Value};
use zylon_scan::skip_plain;

/// A syntax error: what was expected and the byte offset where parsing stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset where parsing stopped.
    pub offset: usize,
    /// What was expected, for a person.
    pub message: String,
    /// The depth limit was exceeded (rather than a syntax error).
    pub too_deep: bool,
}

/// A parsed document.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<'a> {
    /// The root value.
    pub value: Value<'a>,
    /// Whether some object repeats a key (the server keeps the last value).
    pub has_duplicates: bool,
    /// The deepest nesting of arrays and objects (1 for `[]` or `{}`, 0 for a scalar): a rule
    /// that measures the nesting of a value below a limit this meets can skip the walk.
    pub depth: usize,
}

/// Parse a complete JSON text (no trailing data) with nesting at most `max_depth`.
///
/// Arrays and objects are stored in `arena` (one bulk allocation per chunk instead of one
/// growing vector per container, and one bulk release instead of a recursive drop: measured,
/// allocation and drop were a quarter of the instructions of validating small bodies).
pub fn parse<'a>(
    src: &'a str,
    max_depth: usize,
    arena: &'a Arena<'a>,
) -> Result<Parsed<'a>, SyntaxError> {
    let mut p = Parser {
        s: src,
        b: src.as_bytes(),
        i: 0,
        max_depth,
        deepest: 0,
        any_duplicates: false,
        // Room for the open containers of a typical body: growing these stacks from empty was
        // most of the reallocations of a small body.
        items: Vec::with_capacity(32),
        entries: Vec::with_capacity(32),
        scratch: String::new(),
    };
    p.ws();
    let v = p.value(0, arena)?;
    p.ws();
    if p.i < p.b.len() {
        return Err(p.err("unexpected data after the end of the JSON value"));
    }
    Ok(Parsed {
        value: v,
        has_duplicates: p.any_duplicates,
        depth: p.deepest,
    })
}

/// Where the arrays and objects of parsed documents live (see [`parse`]); drop it to free them.
pub struct Arena<'a> {
    items: typed_arena::Arena<Value<'a>>,
    /// Large outermost arrays, kept in the vector they were parsed into (see `Parser::array`).
    arrays: typed_arena::Arena<Vec<Value<'a>>>,
    entries: typed_arena::Arena<(&'a str, Value<'a>)>,
    /// Unescaped strings (the only owned data of a tree).
    strings: typed_arena::Arena<String>,
}

impl Default for Arena<'_> {
    fn default() -> Self {
        Arena {
            items: typed_arena::Arena::with_capacity(64),
            arrays: typed_arena::Arena::with_capacity(1),
            entries: typed_arena::Arena::with_capacity(64),
            strings: typed_arena::Arena::with_capacity(4),
        }
    }
}

impl<'a> Arena<'a> {
    /// An empty arena.
    pub fn new() -> Self {
        Self::default()
    }

    /// Store array items.
    pub fn items(&'a self, items: Vec<Value<'a>>) -> &'a [Value<'a>] {
        self.items.alloc_extend(items)
    }

    /// Store object entries.
    pub fn entries(&'a self, entries: Vec<(&'a str, Value<'a>)>) -> &'a [(&'a str, Value<'a>)] {
        self.entries.alloc_extend(entries)
    }

    /// Keep an owned string as long as the arena.
    pub fn string(&'a self, s: String) -> &'a str {
        self.strings.alloc(s)
    }
}

/// An array with at least this many items that is the only one open (its items are the whole
/// stack) takes the stack itself instead of a copy: a body of a million messages held its
/// messages twice at the end of their array.
const MOVE_ITEMS: usize = 4096;

/// Escaped strings up to this length are unescaped in the parser's scratch buffer and copied.
const SCRATCH_KEEP: usize = 4096;

pub(crate) struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    max_depth: usize,
    /// The deepest nesting opened so far.
    deepest: usize,
    any_duplicates: bool,
    /// Items of the arrays being parsed, innermost last (moved into the arena on close).
    items: Vec<Value<'a>>,
    /// Entries of the objects being parsed, likewise.
    entries: Vec<(&'a str, Value<'a>)>,
    /// Where escaped strings are unescaped before being copied out at their exact size.
    scratch: String,
}

impl<'a> Parser<'a> {
    /// A parser positioned at byte `i` of `src` (for reading one value of a valid text).
    pub(crate) fn at(src: &'a str, i: usize) -> Self {
        Parser {
            s: src,
            b: src.as_bytes(),
            i,
            max_depth: 0,
            deepest: 0,
            any_duplicates: false,
            items: Vec::new(),
            entries: Vec::new(),
            scratch: String::new(),
        }
    }

    /// The byte offset reached.
    pub(crate) fn offset(&self) -> usize {
        self.i
    }

    /// "expected `what`, found ...": error paths are cold and out of line, so that the hot
    /// loops stay small (and fast at the wasm build's opt-level 3).
    #[cold]
    #[inline(never)]
    fn expected(&self, what: &str) -> SyntaxError {
        self.err(format!("expected {what}, found {}", self.found()))
    }

    #[cold]
    #[inline(never)]
    fn err(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset: self.i,
            message: message.into(),
            too_deep: false,
        }
    }

    fn ws(&mut self) {
        while let Some(c) = self.b.get(self.i) {
            match c {
                b' ' | b'\n' | b'\r' | b'\t' => self.i += 1,
                _ => break,
            }
        }
    }

    fn found(&self) -> String {
        match self.s[self.i..].chars().next() {
            None => "the end of the input".into(),
            Some(c) => {
                let mut s = String::from("`");
                escape_char(c, &mut s);
                s.push('`');
                s
            }
        }
    }

    fn value(&mut self, depth: usize, arena: &'a Arena<'a>) -> Result<Value<'a>, SyntaxError> {
        match self.b.get(self.i) {
            None => Err(self.err("the body ends before the JSON value is complete")),
            Some(b'{') => self.object(depth + 1, arena),
            Some(b'[') => self.array(depth + 1, arena),
            Some(b'"') => Ok(Value::String(self.string_in(arena)?)),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.expected("a JSON value")),
        }
    }

    fn literal(&mut self, word: &str, v: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.expected(&format!("`{word}`")))
        }
    }

    fn depth_check(&self, depth: usize) -> Result<(), SyntaxError> {
        if depth > self.max_depth {
            return Err(SyntaxError {
                offset: self.i,
                message: format!("the body nests deeper than {} levels", self.max_depth),
                too_deep: true,
            });
        }
        Ok(())
    }

    /// Step into the array or object at `self.i`; `true` when it is empty (`close` follows at
    /// once, and is consumed).
    fn open(&mut self, depth: usize, close: u8) -> Result<bool, SyntaxError> {
        self.depth_check(depth)?;
        self.deepest = self.deepest.max(depth);
        self.i += 1;
        self.ws();
        let empty = self.b.get(self.i) == Some(&close);
        if empty {
            self.i += 1;
        }
        Ok(empty)
    }

    fn array(&mut self, depth: usize, arena: &'a Arena<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.open(depth, b']')? {
            return Ok(Value::Array(&[]));
        }
        let base = self.items.len();
        loop {
            self.ws();
            let v = self.value(depth, arena)?;
            self.items.push(v);
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    if base == 0 && self.items.len() >= MOVE_ITEMS {
                        let mut items = std::mem::take(&mut self.items);
                        items.shrink_to_fit();
                        return Ok(Value::Array(arena.arrays.alloc(items)));
                    }
                    return Ok(Value::Array(
                        arena.items.alloc_extend(self.items.drain(base..)),
                    ));
                }
                _ => return Err(self.expected("`,` or `]` in an array")),
            }
        }
    }

    fn object(&mut self, depth: usize, arena: &'a Arena<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.open(depth, b'}')? {
            return Ok(Value::Object(Object::default()));
        }
        let base = self.entries.len();
        let mut has_duplicates = false;
        let mut bloom = 0u32;
        // (a `HashMap<&str, usize>` like the validator's maps: one copy of the table code)
        let mut seen: Option<std::collections::HashMap<&'a str, usize>> = None;
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return Err(self.expected("a string key in an object"));
            }
            let key = self.string_in(arena)?;
            self.ws();
            if self.b.get(self.i) != Some(&b':') {
                return Err(self.expected("`:` after an object key"));
            }
            self.i += 1;
            self.ws();
            let v = self.value(depth, arena)?;
            // Duplicate detection: none when the key's filter bit is new; else a scan for small
            // objects, a set for large ones.
            let bit = key_bit(key);
            let earlier = &self.entries[base..];
            let dup = if earlier.len() < 16 {
                bloom & bit != 0 && earlier.iter().any(|(k, _)| keys_equal(k, key))
            } else {
                let set =
                    seen.get_or_insert_with(|| earlier.iter().map(|(k, _)| (*k, 0)).collect());
                set.insert(key, 0).is_some()
            };
            if dup {
                has_duplicates = true;
                self.any_duplicates = true;
            }
            bloom |= bit;
            self.entries.push((key, v));
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(Object {
                        entries: arena.entries.alloc_extend(self.entries.drain(base..)),
                        has_duplicates,
                        bloom,
                    }));
                }
                _ => return Err(self.expected("`,` or `}` in an object")),
            }
        }
    }

    /// The string at `self.i`, unescaped into `arena` if it has escapes.
    fn string_in(&mut self, arena: &'a Arena<'a>) -> Result<&'a str, SyntaxError> {
        Ok(match self.string()? {
            Cow::Borrowed(s) => s,
            Cow::Owned(s) => arena.string(s),
        })
    }

    pub(crate) fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        let start = self.i + 1;
        let mut i = start;
        let b = self.b;
        i = skip_plain(b, i);
        loop {
            match b.get(i) {
                None => {
                    self.i = i;
                    return Err(self.err("a string is not closed (missing `\"`)"));
                }
                Some(b'"') => {
                    self.i = i + 1;
                    return Ok(Cow::Borrowed(&self.s[start..i]));
                }
                Some(b'\\') => {
                    self.i = i;
                    return self.string_escaped(start).map(Cow::Owned);
                }
                Some(c) if *c < 0x20 => {
                    self.i = i;
                    return Err(self
                        .err("a string contains a raw control character (escape it, e.g. `\\n`)"));
                }
                Some(_) => i += 1,
            }
        }
    }

    /// The slow path for strings with escapes; `self.i` is at the first backslash.
    fn string_escaped(&mut self, start: usize) -> Result<String, SyntaxError> {
        let mut out = std::mem::take(&mut self.scratch);
        out.clear();
        out.reserve(256);
        out.push_str(&self.s[start..self.i]);
        loop {
            let run = self.i;
            self.i = skip_plain(self.b, self.i);
            out.push_str(&self.s[run..self.i]);
            match self.b.get(self.i) {
                None => return Err(self.err("a string is not closed (missing `\"`)")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(self.finish_escaped(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = *self
                        .b
                        .get(self.i)
                        .ok_or_else(|| self.err("a string is not closed (missing `\"`)"))?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let ch = if (0xD800..0xDC00).contains(&hi)
                                && self.b[self.i..].starts_with(b"\\u")
                            {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                } else {
                                    self.i = save;
                                    None
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            // A lone surrogate (accepted by the server's JSON decoder) becomes U+FFFD.
                            out.push(ch.unwrap_or('\u{FFFD}'));
                        }
                        _ => {
                            self.i -= 1;
                            return Err(self.err(format!(
                                "invalid escape `\\{}` in a string",
                                short_text(&char::from(c).to_string(), 2)
                            )));
                        }
                    }
                }
                Some(_) => {
                    return Err(self
                        .err("a string contains a raw control character (escape it, e.g. `\\n`)"))
                }
            }
        }
    }

    /// The unescaped string `out` (the scratch buffer) at its exact size. A short one is copied
    /// out (one allocation, instead of growing a fresh string and shrinking it: −1.8% of the
    /// native instructions of many-small) and the scratch kept; a long one is handed out itself,
    /// shrunk, so that a large escaped text is never held twice.
    fn finish_escaped(&mut self, mut out: String) -> String {
        if out.len() > SCRATCH_KEEP {
            out.shrink_to_fit();
            return out;
        }
        let exact = String::from(out.as_str());
        self.scratch = out;
        exact
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let h = self
            .s
            .get(self.i..self.i + 4)
            .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()));
        let Some(h) = h else {
            return Err(self.err("`\\u` must be followed by four hex digits"));
        };
        self.i += 4;
        Ok(u32::from_str_radix(h, 16).unwrap_or(0xFFFD))
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.i;
        let b = self.b;
        let mut i = self.i;
        if b[i] == b'-' {
            i += 1;
        }
        let digits = |i: &mut usize| {
            let s = *i;
            while b.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i - s
        };
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                digits(&mut i);
            }
            _ => {
                self.i = i;
                return Err(self.expected("a digit"));
            }
        }
        let mut int = true;
        if b.get(i) == Some(&b'.') {
            i += 1;
            int = false;
            if digits(&mut i) == 0 {
                self.i = i;
                return Err(self.expected("a digit after `.`"));
            }
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            int = false;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if digits(&mut i) == 0 {
                self.i = i;
                return Err(self.expected("a digit in the exponent"));
            }
        }
        self.i = i;
        let text = &b[start..i];
        let f = if int && text.len() <= 18 {
            // Integers of up to 18 digits fit a u64 exactly, and `as f64` rounds to nearest as
            // a correct decimal parse does: the same value without the general float parser.
            let (neg, digits) = match text.split_first() {
                Some((b'-', d)) => (true, d),
                _ => (false, text),
            };
            let v = digits
                .iter()
                .fold(0u64, |v, &c| v * 10 + u64::from(c - b'0')) as f64;
            if neg {
                -v
            } else {
                v
            }
        } else {
            crate::parse_float(&self.s[start..i]).unwrap_or(f64::NAN)
        };
        Ok(Value::Number(Num { value: f, int }))
    }
}
