//! The borrowing JSON parser of zylon-schema and the tree its rules walk.
//!
//! Why not `serde_json::Value`: strings without escapes are borrowed from the input (a 6 MB
//! base64 image is never copied), objects keep their keys in order as a flat list (cheaper than a
//! map for the small objects of a chat request, and duplicate keys are seen instead of silently
//! merged), the depth is bounded without relying on the parser's recursion limit, and syntax
//! errors carry the byte offset for line/column reporting.
//!
//! A crate of its own, like `zylon-scan`, so that the size-optimised WebAssembly build can
//! compile the parser at full speed (`[profile.wasm-release.package.zylon-json]`): parsing was a
//! quarter of the time of validating small bodies in Node. Internal to zylon-schema: its API
//! may change in any release.
#![forbid(unsafe_code)]

use std::borrow::Cow;

/// A JSON number: its value as `f64` and whether it was written as an integer literal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    /// The value (NaN never occurs for valid JSON; huge literals become infinities).
    pub f: f64,
    /// Written without fraction or exponent (`100`, not `100.0` or `1e2`).
    pub int: bool,
}

impl Num {
    /// The value as `f64`.
    pub fn as_f64(self) -> Option<f64> {
        Some(self.f)
    }
}

/// A parsed JSON value. Strings borrow from the input where possible.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Num),
    /// A string: borrowed from the text, or, when it had escapes, from the arena (so a tree has
    /// nothing to drop but the arena's blocks).
    String(&'a str),
    /// An array.
    Array(&'a [Value<'a>]),
    /// An object.
    Object(Object<'a>),
}

/// A JSON object: its entries in document order (duplicates kept; lookups see the last one, as
/// the server does).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object<'a> {
    entries: &'a [(&'a str, Value<'a>)],
    /// Whether some key occurs more than once.
    pub has_duplicates: bool,
    /// One bit per key ([`key_bit`]): a lookup of a key whose bit is clear (most lookups of
    /// optional fields) answers without comparing keys.
    bloom: u32,
}

/// The bit of a key in [`Object`]'s filter: from its length and its first and last bytes.
#[inline]
fn key_bit(key: &str) -> u32 {
    let b = key.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    let h = b
        .len()
        .wrapping_mul(31)
        .wrapping_add(usize::from(first.unwrap_or(0)))
        .wrapping_add(usize::from(last.unwrap_or(0)).wrapping_mul(7));
    1 << (h & 31)
}

impl<'a> Object<'a> {
    /// An object with these entries in this order (duplicates are not looked for).
    pub fn from_entries(entries: &'a [(&'a str, Value<'a>)]) -> Self {
        Object {
            entries,
            has_duplicates: false,
            bloom: entries.iter().fold(0, |m, (k, _)| m | key_bit(k)),
        }
    }

    /// The value of `key` (the last one when the key is repeated).
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        if self.bloom & key_bit(key) == 0 {
            return None;
        }
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| same(k, key))
            .map(|(_, v)| v)
    }

    /// Whether `key` occurs.
    pub fn contains_key(&self, key: &str) -> bool {
        self.bloom & key_bit(key) != 0 && self.entries.iter().any(|(k, _)| same(k, key))
    }

    /// The distinct keys, first occurrence order.
    pub fn keys(&self) -> Keys<'_, 'a> {
        Keys {
            object: self,
            next: 0,
        }
    }

    /// Every entry in document order, duplicates included.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Value<'a>)> + '_ {
        self.entries.iter().map(|(k, v)| (*k, v))
    }

    /// The distinct entries with the value the server keeps (the last).
    pub fn iter(&self) -> Iter<'_, 'a> {
        Iter { keys: self.keys() }
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of entries, duplicates included.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

/// The distinct keys of an [`Object`], first occurrence order (see [`Object::keys`]). A type of
/// its own, not an adapter chain, so that its loop is compiled with this crate (at opt-level 3
/// in the wasm build) rather than in every caller.
pub struct Keys<'o, 'a> {
    object: &'o Object<'a>,
    next: usize,
}

impl<'o, 'a> Iterator for Keys<'o, 'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let entries = self.object.entries;
        while let Some((k, _)) = entries.get(self.next) {
            let i = self.next;
            self.next += 1;
            if !self.object.has_duplicates || !entries[..i].iter().any(|(p, _)| same(p, k)) {
                return Some(k);
            }
        }
        None
    }
}

/// The distinct entries of an [`Object`] with the values the server keeps (see
/// [`Object::iter`]).
pub struct Iter<'o, 'a> {
    keys: Keys<'o, 'a>,
}

impl<'o, 'a> Iterator for Iter<'o, 'a> {
    type Item = (&'a str, &'o Value<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let object = self.keys.object;
        if !object.has_duplicates {
            let (k, v) = object.entries.get(self.keys.next)?;
            self.keys.next += 1;
            return Some((k, v));
        }
        let k = self.keys.next()?;
        Some((k, object.get(k).unwrap_or(&Value::Null)))
    }
}

impl<'a> Value<'a> {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    /// The object, if this is one.
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
    /// The array, if this is one.
    pub fn as_array(&self) -> Option<&'a [Value<'a>]> {
        match self {
            Value::Array(a) => Some(*a),
            _ => None,
        }
    }
    /// The number as `f64`, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.f),
            _ => None,
        }
    }
    /// `obj.get(key)` when this is an object.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.as_object()?.get(key)
    }
    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    /// Whether this is a string.
    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }
    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
    /// Whether this is a boolean.
    pub fn is_boolean(&self) -> bool {
        matches!(self, Value::Bool(_))
    }

    /// The value a JSON Pointer names.
    pub fn pointer(&self, pointer: &str) -> Option<&Value<'a>> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut v = self;
        for seg in pointer.strip_prefix('/')?.split('/') {
            let seg = seg.replace("~1", "/").replace("~0", "~");
            v = match v {
                Value::Object(o) => o.get(&seg)?,
                Value::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(v)
    }
}

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

/// Parse a complete JSON text (no trailing data) with nesting at most `max_depth`.
///
/// Arrays and objects are stored in `arena` (one bulk allocation per chunk instead of one
/// growing vector per container, and one bulk release instead of a recursive drop: measured,
/// allocation and drop were a quarter of the instructions of validating small bodies).
pub fn parse<'a>(
    src: &'a str,
    max_depth: usize,
    arena: &'a Arena<'a>,
) -> Result<(Value<'a>, bool), SyntaxError> {
    let mut p = Parser {
        s: src,
        b: src.as_bytes(),
        i: 0,
        max_depth,
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
    Ok((v, p.any_duplicates))
}

/// Where the arrays and objects of parsed documents live (see [`parse`]); drop it to free them.
pub struct Arena<'a> {
    items: typed_arena::Arena<Value<'a>>,
    entries: typed_arena::Arena<(&'a str, Value<'a>)>,
    /// Unescaped strings (the only owned data of a tree).
    strings: typed_arena::Arena<String>,
}

impl Default for Arena<'_> {
    fn default() -> Self {
        Arena {
            items: typed_arena::Arena::with_capacity(64),
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

/// Escaped strings up to this length are unescaped in the parser's scratch buffer and copied.
const SCRATCH_KEEP: usize = 4096;

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    max_depth: usize,
    any_duplicates: bool,
    /// Items of the arrays being parsed, innermost last (moved into the arena on close).
    items: Vec<Value<'a>>,
    /// Entries of the objects being parsed, likewise.
    entries: Vec<(&'a str, Value<'a>)>,
    /// Where escaped strings are unescaped before being copied out at their exact size.
    scratch: String,
}

impl<'a> Parser<'a> {
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
        let mut seen: Option<std::collections::HashSet<&'a str>> = None;
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
                bloom & bit != 0 && earlier.iter().any(|(k, _)| same(k, key))
            } else {
                let set = seen.get_or_insert_with(|| earlier.iter().map(|(k, _)| *k).collect());
                !set.insert(key)
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

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
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
            self.s[start..i].parse::<f64>().unwrap_or(f64::NAN)
        };
        Ok(Value::Number(Num { f, int }))
    }
}

use zylon_scan::skip_plain;

/// String equality for object keys, eight bytes at a time. The rules look keys up all the
/// time, and the size-optimised wasm build's `memcmp` compares byte by byte.
#[inline]
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let word = |s: &[u8]| u64::from_le_bytes(s.try_into().unwrap_or_default());
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    for (p, q) in x.by_ref().zip(y.by_ref()) {
        if word(p) != word(q) {
            return false;
        }
    }
    x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

/// Whether `key` is one of `keys` (see [`same`]).
#[inline(never)]
pub fn is_one_of(key: &str, keys: &[&str]) -> bool {
    keys.iter().any(|k| same(k, key))
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
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Read the string starting at the `"` at byte `i` of a valid JSON text; returns it and the
/// offset just after the closing quote.
pub fn read_string(src: &str, i: usize) -> Option<(Cow<'_, str>, usize)> {
    let mut p = Parser {
        s: src,
        b: src.as_bytes(),
        i,
        max_depth: 0,
        any_duplicates: false,
        items: Vec::new(),
        entries: Vec::new(),
        scratch: String::new(),
    };
    let s = p.string().ok()?;
    Some((s, p.i))
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
                i += 1;
                loop {
                    i = skip_plain(b, i);
                    match b.get(i) {
                        Some(b'\\') => i += 2,
                        Some(b'"') => {
                            i += 1;
                            break;
                        }
                        Some(_) => i += 1,
                        None => return i,
                    }
                }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// An arena for the life of the test.
    fn arena() -> &'static Arena<'static> {
        Box::leak(Box::new(Arena::new()))
    }

    /// The text for the life of the test (the tree borrows it with the arena's lifetime).
    fn leak(s: &str) -> &'static str {
        Box::leak(s.to_string().into_boxed_str())
    }

    fn p(s: &str) -> Result<Value<'static>, SyntaxError> {
        parse(leak(s), 64, arena()).map(|(v, _)| v)
    }

    #[test]
    fn parses_and_borrows() {
        let text = leak(r#" {"a": [1, -2.5e3, true, null, "x\"y", "plain"], "b": {}} "#);
        let (v, _) = parse(text, 64, arena()).unwrap();
        let a = v.get("a").unwrap().as_array().unwrap();
        assert_eq!(a[0], Value::Number(Num { f: 1.0, int: true }));
        assert_eq!(
            a[1],
            Value::Number(Num {
                f: -2500.0,
                int: false
            })
        );
        assert_eq!(a[4].as_str(), Some("x\"y"));
        // Borrowed from the text itself.
        let Value::String(plain) = &a[5] else {
            panic!("not a string")
        };
        assert_eq!(*plain, "plain");
        assert!(std::ptr::eq(
            plain.as_ptr(),
            text[text.find("plain").unwrap()..].as_ptr()
        ));
        assert!(v.get("b").unwrap().as_object().unwrap().is_empty());
    }

    #[test]
    fn rejects_bad_syntax_with_offsets() {
        for (bad, off) in [
            ("{\"a\" 1}", 5),
            ("[1,]", 3),
            ("[01]", 2),
            ("\"abc", 4),
            ("{} x", 3),
            ("[1.]", 3),
            ("tru", 0),
            ("", 0),
            ("\"\\x\"", 2),
            ("\"a\nb\"", 2),
        ] {
            let e = p(bad).unwrap_err();
            assert_eq!(e.offset, off, "{bad}: {}", e.message);
            assert!(!e.too_deep);
        }
    }

    #[test]
    fn depth_limit_and_duplicates() {
        let deep = "[".repeat(65) + &"]".repeat(65);
        assert!(p(&deep).unwrap_err().too_deep);
        let ok = "[".repeat(64) + &"]".repeat(64);
        assert!(p(&ok).is_ok());
        let (v, dups) = parse(leak(r#"{"a":1,"b":2,"a":3}"#), 8, arena()).unwrap();
        assert!(dups);
        let o = v.as_object().unwrap();
        assert_eq!(o.get("a").and_then(Value::as_f64), Some(3.0));
        assert_eq!(o.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(o.len(), 3);
        let many: String = format!(
            "{{{}}}",
            (0..40)
                .map(|i| format!("\"k{}\":1", i % 30))
                .collect::<Vec<_>>()
                .join(",")
        );
        assert!(parse(leak(&many), 8, arena()).unwrap().1);
    }

    proptest::proptest! {
        /// Lookups, keys, entries and duplicate detection agree with a plain scan of the keys,
        /// whatever the filter bits say: keys from a small alphabet, so that duplicates and
        /// filter collisions are common.
        #[test]
        fn object_lookups_match_a_plain_scan(
            keys in proptest::collection::vec("[ab\"]{0,3}|k[0-9]{1,2}|messages|tools", 0..24),
            probes in proptest::collection::vec("[ab]{0,3}|k[0-9]{1,2}|tool_choice|tools", 0..8),
        ) {
            let body: Vec<String> = keys
                .iter()
                .enumerate()
                .map(|(i, k)| format!("{}:{i}", serde_json::to_string(k).unwrap()))
                .collect();
            let text = leak(&format!("{{{}}}", body.join(",")));
            let (v, dups) = parse(text, 8, arena()).unwrap();
            let o = v.as_object().unwrap();
            let mut distinct: Vec<&str> = Vec::new();
            for k in &keys {
                if !distinct.contains(&k.as_str()) {
                    distinct.push(k);
                }
            }
            proptest::prop_assert_eq!(dups, distinct.len() < keys.len());
            proptest::prop_assert_eq!(o.has_duplicates, dups);
            proptest::prop_assert_eq!(o.keys().collect::<Vec<_>>(), distinct.clone());
            let last = |k: &str| keys.iter().rposition(|x| x == k).map(|i| i as f64);
            let iter: Vec<(&str, Option<f64>)> = o.iter().map(|(k, v)| (k, v.as_f64())).collect();
            let want: Vec<(&str, Option<f64>)> = distinct.iter().map(|k| (*k, last(k))).collect();
            proptest::prop_assert_eq!(iter, want);
            for k in keys.iter().chain(&probes) {
                proptest::prop_assert_eq!(o.get(k).and_then(Value::as_f64), last(k));
                proptest::prop_assert_eq!(o.contains_key(k), last(k).is_some());
            }
            let rebuilt = Object::from_entries(o.entries);
            for k in keys.iter().chain(&probes) {
                proptest::prop_assert_eq!(rebuilt.contains_key(k), last(k).is_some());
            }
        }
    }

    #[test]
    fn integers_read_exactly_as_the_float_parser_does() {
        for t in [
            "0",
            "-0",
            "7",
            "-42",
            "9007199254740993",
            "123456789012345678",
            "-999999999999999999",
            "1234567890123456789",
            "18446744073709551616",
        ] {
            let want: f64 = t.parse().unwrap();
            let Value::Number(n) = p(t).unwrap() else {
                panic!("{t}")
            };
            assert_eq!(n.f.to_bits(), want.to_bits(), "{t}");
            assert!(n.int);
        }
    }

    #[test]
    fn key_equality() {
        let keys = [
            "",
            "a",
            "role",
            "abcdefgh",
            "abcdefghi",
            "tool_choice_x",
            "é中",
        ];
        for a in keys {
            for b in keys {
                assert_eq!(same(a, b), a == b, "{a} {b}");
            }
            assert!(is_one_of(a, &keys));
        }
        assert!(!same("abcdefgh1", "abcdefgh2") && !same("abcdefgX", "abcdefgh"));
        assert!(!is_one_of("roles", &keys));
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(p(r#""\ud800x""#).unwrap().as_str(), Some("\u{FFFD}x"));
        assert_eq!(p(r#""\udc00\u0041""#).unwrap().as_str(), Some("\u{FFFD}A"));
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_col("ab\ncdé€x", 9), (2, 4));
        assert_eq!(line_col("", 0), (1, 1));
    }
}
