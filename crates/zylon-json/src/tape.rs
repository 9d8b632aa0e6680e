//! The tape: a parsed document as one vector of 8-byte nodes in document order (simdjson's
//! layout), which [`Value`](crate::Value), [`Array`](crate::Array) and
//! [`Object`](crate::Object) read as views.
//!
//! A node is a `u64`: a 4-bit tag, a 28-bit length and a 32-bit payload.
//!
//! * strings: the payload is the byte offset in the source text and the length is the
//!   string's; a string with escapes indexes [`Tape::lazy`] (unescaped when first read);
//!   strings of 256 MiB and over and strings of built trees are kept aside ([`Tape::ext`]);
//! * numbers: the payload indexes [`Tape::nums`];
//! * arrays and objects: the payload is the index of the node after the container, so that a
//!   reader skips a value in one step; an array's length is its number of items, an object's
//!   is a filter of its keys (one bit per key, [`key_bit`]: a lookup of a key whose bit is
//!   clear, most lookups of optional fields, answers without reading the entries). Their items
//!   follow them; an object's entries are key, value, key, value, ...
//!
//! Why: the tree of a body of a million short messages took three times the text's size as
//! arena nodes of 24 bytes and entries of 40; a node here is 8 bytes, and a container needs no
//! vector of its own while it is being parsed.

use std::borrow::Cow;

use crate::pool::{self, Kept};
use crate::value::{Array, Num, Object, Value};

pub(crate) const NULL: u64 = 0;
pub(crate) const FALSE: u64 = 1;
pub(crate) const TRUE: u64 = 2;
pub(crate) const INT: u64 = 3;
pub(crate) const FLOAT: u64 = 4;
/// A string in the source text.
pub(crate) const STR: u64 = 5;
/// A string of the source text with escapes: the payload indexes [`Tape::lazy`].
pub(crate) const ESC: u64 = 6;
/// A string in [`Tape::ext`].
pub(crate) const EXT: u64 = 7;
pub(crate) const ARRAY: u64 = 8;
pub(crate) const OBJECT: u64 = 9;
/// An object that repeats a key.
pub(crate) const OBJECT_DUP: u64 = 10;

/// The largest length a node holds (strings longer than this go to [`Tape::ext`]; arrays and
/// objects with more items are refused by the parser).
pub(crate) const MAX_LEN: usize = (1 << 28) - 1;

/// The bit of a key in an object's filter: a multiplicative hash of its length and its first,
/// second and last bytes. (Length, first and last byte alone put `minimum` and `maximum`, or
/// `type` and `properties`, on one bit: over the benchmark bodies' 8,542 objects a repeated bit,
/// which costs a scan of the object's earlier keys, came 1,022 times with that filter and 249
/// with this one.)
#[inline(always)]
pub(crate) fn key_bit(key: &[u8]) -> u32 {
    let byte = |b: Option<&u8>| u32::from(b.copied().unwrap_or(0));
    let x = byte(key.first())
        | byte(key.get(1)) << 8
        | byte(key.last()) << 16
        | (key.len() as u32) << 24;
    let h = x.wrapping_mul(0x9E37_79B1);
    // the top bits of the product, scaled to 0..28 (the filter's width)
    1 << ((u64::from(h) * 28) >> 32)
}

/// A node from its tag, length and payload.
#[inline]
pub(crate) fn node(tag: u64, len: usize, payload: usize) -> u64 {
    tag | (len as u64) << 4 | (payload as u64) << 32
}

#[inline]
pub(crate) fn tag(n: u64) -> u64 {
    n & 15
}

#[inline]
pub(crate) fn len(n: u64) -> usize {
    ((n >> 4) as usize) & MAX_LEN
}

#[inline]
pub(crate) fn payload(n: u64) -> usize {
    (n >> 32) as usize
}

/// The index of the node after the value whose node `n` is at `i` (containers end where their
/// payload says).
#[inline]
pub(crate) fn skip(n: u64, i: usize) -> usize {
    if tag(n) >= ARRAY {
        payload(n)
    } else {
        i + 1
    }
}

/// A parsed (or built) document; its values are read through [`Value`].
#[derive(Debug, Default)]
pub struct Tape<'a> {
    /// The source text that `STR` nodes point into.
    pub(crate) src: &'a str,
    pub(crate) nodes: Kept<Vec<u64>>,
    pub(crate) nums: Kept<Vec<f64>>,
    /// The strings of the source text with escapes, each unescaped when it is first read.
    pub(crate) lazy: Kept<Vec<Lazy>>,
    /// Strings that are neither in the text nor in `lazy` (of built trees; 256 MiB and over).
    pub(crate) ext: Vec<Cow<'a, str>>,
}

/// A tape with no nodes, for the empty array and object that are not in any document.
pub(crate) static EMPTY: Tape<'static> = Tape {
    src: "",
    nodes: pool::kept(Vec::new()),
    nums: pool::kept(Vec::new()),
    lazy: pool::kept(Vec::new()),
    ext: Vec::new(),
};

/// Up to this many nodes the tape grows as vectors do (doubling); beyond, by a quarter, so
/// that the room reserved and not yet used stays below a quarter of the nodes (the tape of a
/// structure-dense body is its largest allocation).
const DOUBLE_UP_TO: usize = 1 << 16;

#[cfg(not(target_arch = "wasm32"))]
/// The character of the escape at the start of `b` (a backslash) and the escape's length, as
/// far as [`Lazy::is_blank`] needs it: a `\\u` escape of a surrogate stands for a character
/// outside the BMP or for U+FFFD, neither white space, and is given as U+FFFD.
fn escaped_char(b: &[u8]) -> Option<(char, usize)> {
    let c = *b.get(1)?;
    let simple = crate::parse::SIMPLE_ESCAPES[usize::from(c)];
    if simple != 0 {
        return Some((char::from(simple), 2));
    }
    if c != b'u' {
        return None;
    }
    let code = crate::parse::hex_value(b.get(2..6)?)?;
    Some((char::from_u32(code).unwrap_or('\u{FFFD}'), 6))
}

/// An escaped string of the source text: where it is, and its text once read.
///
/// Why not unescaped while parsing: the rules read few of a body's escaped strings (a message's
/// text is type-checked, and only the last user message's is read), and copying every one out
/// was 35% of the native instructions of the 1 MB chat (its texts have an escape every 66 bytes).
/// The parser checks the escapes, so reading one later cannot fail.
#[derive(Debug)]
pub(crate) struct Lazy {
    /// The offset of its opening quote.
    quote: u32,
    /// Its unescaped text, once read (a `OnceLock`, not a `OnceCell`, so that a document can be
    /// shared between threads, as before).
    text: std::sync::OnceLock<Box<str>>,
}

/// Whether a string's text (from just after its opening quote) starts with a printable ASCII
/// character that is neither an escape nor the closing quote: then it is not blank.
#[inline]
fn starts_printable(text: &[u8]) -> bool {
    text.first()
        .is_some_and(|&b| b > b' ' && b < 0x80 && b != b'\\' && b != b'"')
}

impl Lazy {
    /// Whether its text was unescaped (read) already.
    #[cfg(test)]
    pub(crate) fn is_unescaped(&self) -> bool {
        self.text.get().is_some()
    }

    /// The string whose opening quote is at `quote` (bodies are under 4 GiB: see `parse`).
    pub(crate) fn at(quote: usize) -> Self {
        Lazy {
            quote: quote as u32,
            text: std::sync::OnceLock::new(),
        }
    }

    /// Whether its text is white space only (see [`Object::string_is_blank`]), read from `src`
    /// up to its first character that is not white space (and from its text if it was read).
    /// In WebAssembly the text is read (unescaped) past its first character: reading it in
    /// place cost the module 0.5 KB gzip, for one text a body (the last user message's).
    pub(crate) fn is_blank(&self, src: &str) -> bool {
        if let Some(text) = self.text.get() {
            return crate::py_blank(text);
        }
        // Most texts start with a printable ASCII character: not blank, told without a scan
        // (or, in WebAssembly, without unescaping the text: 4.7% of `validate` of a 2 KB body
        // in Node).
        if starts_printable(
            src.as_bytes()
                .get(self.quote as usize + 1..)
                .unwrap_or_default(),
        ) {
            return false;
        }
        #[cfg(target_arch = "wasm32")]
        return crate::py_blank(self.text(src));
        #[cfg(not(target_arch = "wasm32"))]
        self.is_blank_in_place(src)
    }

    /// [`Lazy::is_blank`] read from `src`.
    #[cfg(not(target_arch = "wasm32"))]
    fn is_blank_in_place(&self, src: &str) -> bool {
        let mut rest = src.get(self.quote as usize + 1..).unwrap_or_default();
        loop {
            // (a run after an escape may start with a printable ASCII character too)
            if starts_printable(rest.as_bytes()) {
                return false;
            }
            // the plain run up to the next escape or the closing quote (a string the parser
            // checked holds no raw control character)
            let stop = zylon_scan::skip_plain(rest.as_bytes(), 0);
            if !crate::py_blank(rest.get(..stop).unwrap_or_default()) {
                return false;
            }
            rest = rest.get(stop..).unwrap_or_default();
            if rest.as_bytes().first() != Some(&b'\\') {
                return true;
            }
            match escaped_char(rest.as_bytes()) {
                Some((c, len)) if crate::is_py_space(c) => {
                    rest = rest.get(len..).unwrap_or_default()
                }
                Some(_) => return false,
                // (not a string the parser checked: its text decides)
                None => return crate::py_blank(self.text(src)),
            }
        }
    }

    /// Whether its text has been read (unescaped).
    #[cfg(test)]
    pub(crate) fn is_read(&self) -> bool {
        self.text.get().is_some()
    }

    /// Its text in `src`, unescaped on the first call.
    fn text<'t>(&'t self, src: &str) -> &'t str {
        self.text
            .get_or_init(|| crate::parse::unescape_at(src, self.quote as usize))
    }
}

impl<'a> Tape<'a> {
    /// Append a node.
    #[inline]
    pub(crate) fn push(&mut self, n: u64) {
        if self.nodes.len() == self.nodes.capacity() {
            self.grow();
        }
        self.nodes.push(n);
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let len = self.nodes.len();
        let more = if len < DOUBLE_UP_TO {
            len.max(64)
        } else {
            len / 4
        };
        self.nodes.reserve_exact(more);
    }

    /// The string node `n`.
    #[inline]
    pub(crate) fn str_of(&self, n: u64) -> &str {
        let (at, len) = (payload(n), len(n));
        if tag(n) == STR {
            return self.src.get(at..at + len).unwrap_or_default();
        }
        self.str_aside(n)
    }

    /// A string node not in the text.
    #[inline(never)]
    fn str_aside(&self, n: u64) -> &str {
        let at = payload(n);
        match tag(n) {
            ESC => self.lazy.get(at).map_or("", |l| l.text(self.src)),
            _ => self.ext.get(at).map_or("", |s| s),
        }
    }

    /// The value whose node is at `i`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub(crate) fn value(&'a self, i: usize) -> Value<'a> {
        self.decode(self.nodes.get(i).copied().unwrap_or(NULL), i)
    }

    /// The value of node `n`, which is at `i`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub(crate) fn decode(&'a self, n: u64, i: usize) -> Value<'a> {
        match tag(n) {
            NULL => Value::Null,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            INT | FLOAT => Value::Number(Num {
                value: self.nums.get(payload(n)).copied().unwrap_or(f64::NAN),
                int: tag(n) == INT,
            }),
            STR | ESC | EXT => Value::String(self.str_of(n)),
            ARRAY => Value::Array(Array::new(self, i + 1, len(n))),
            _ => Value::Object(Object::new(self, i + 1, payload(n))),
        }
    }

    /// The index of the node after the value at `i` (and after everything inside it).
    #[inline]
    pub(crate) fn after(&self, i: usize) -> usize {
        skip(self.nodes.get(i).copied().unwrap_or(NULL), i)
    }

    /// Append a number node.
    pub(crate) fn push_num(&mut self, value: f64, int: bool) {
        let at = self.nums.len();
        self.nums.push(value);
        self.push(node(if int { INT } else { FLOAT }, 0, at));
    }

    /// Whether the string node `n` is `key`. A key in the text is told apart by its tag and
    /// length in one comparison of the node's low half before any byte is read.
    #[inline(always)]
    pub(crate) fn key_is(&self, n: u64, key: &str) -> bool {
        if n as u32 == node(STR, key.len(), 0) as u32 && key.len() <= MAX_LEN {
            let at = payload(n);
            return self
                .src
                .as_bytes()
                .get(at..at + key.len())
                .is_some_and(|k| crate::text::bytes_equal(k, key.as_bytes()));
        }
        tag(n) != STR && crate::keys_equal(self.str_aside(n), key)
    }

    /// Append a string that is kept aside.
    pub(crate) fn push_ext(&mut self, s: Cow<'a, str>) {
        let at = self.ext.len();
        self.ext.push(s);
        self.push(node(EXT, 0, at));
    }

    /// Append the string at `start..end` of the source text. The long string's branch is out
    /// of line, so that this inlines into the parser's string reading (it was a call of about
    /// 11 instructions a string; measured with `Parser::string_node` always inlined natively,
    /// without which the parser's other inlining changes and it costs 3% more).
    #[inline]
    pub(crate) fn push_src(&mut self, start: usize, end: usize) {
        if end - start <= MAX_LEN {
            self.push(node(STR, end - start, start));
        } else {
            self.push_long(start, end);
        }
    }

    /// [`Tape::push_src`] for a string too long for a node's length (256 MiB and over).
    #[cold]
    #[inline(never)]
    fn push_long(&mut self, start: usize, end: usize) {
        let s = self.src.get(start..end).unwrap_or_default();
        self.push_ext(Cow::Borrowed(s));
    }
}

/// Builds a tree that is not parsed from a text (for example from a `serde_json::Value`):
/// scalars and keys are appended in document order; a container is opened, filled and closed.
#[derive(Debug, Default)]
pub struct Builder<'a> {
    tape: Tape<'a>,
}

impl<'a> Builder<'a> {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Append `null`.
    pub fn null(&mut self) {
        self.tape.push(NULL);
    }

    /// Append `true` or `false`.
    pub fn bool(&mut self, b: bool) {
        self.tape.push(if b { TRUE } else { FALSE });
    }

    /// Append a number.
    pub fn number(&mut self, n: Num) {
        self.tape.push_num(n.value, n.int);
    }

    /// Append a string (also an object's key, before its value).
    pub fn string(&mut self, s: &'a str) {
        self.tape.push_ext(Cow::Borrowed(s));
    }

    /// Open an array or object; give the mark to [`Builder::close_array`] or
    /// [`Builder::close_object`] after its items (its keys and values). Arrays hold at most
    /// 268,435,455 items.
    pub fn open(&mut self) -> usize {
        self.tape.push(NULL);
        self.tape.nodes.len() - 1
    }

    /// Close the array opened at `mark`.
    pub fn close_array(&mut self, mark: usize) {
        let (tape, mut count) = (&self.tape, 0);
        let mut i = mark + 1;
        while i < tape.nodes.len() {
            count += 1;
            i = tape.after(i);
        }
        self.close(mark, ARRAY, count);
    }

    /// Close the object opened at `mark`, whose keys are distinct.
    pub fn close_object(&mut self, mark: usize) {
        let tape = &self.tape;
        let end = tape.nodes.len();
        let mut filter = 0;
        let mut i = mark + 1;
        while i < end {
            filter |= key_bit(tape.str_of(tape.nodes[i]).as_bytes());
            i = tape.after(i + 1);
        }
        self.close(mark, OBJECT, filter as usize);
    }

    fn close(&mut self, mark: usize, tag: u64, len: usize) {
        let end = self.tape.nodes.len();
        if let Some(n) = self.tape.nodes.get_mut(mark) {
            *n = node(tag, len.min(MAX_LEN), end);
        }
    }

    /// The tree built, kept in `arena`.
    pub fn finish(self, arena: &'a crate::Arena<'a>) -> Value<'a> {
        arena.keep(self.tape).value(0)
    }
}
