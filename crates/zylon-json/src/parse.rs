//! The parser: a complete JSON text into a [`Tape`] kept in an [`Arena`].

#[cfg(not(target_arch = "wasm32"))]
use crate::pool::Kept;
use crate::str_index::StrIndex;
use std::borrow::Cow;

use crate::tape::{self, key_bit, node, Tape};
use crate::text::{bytes_equal, escape_char, short_text};
use crate::value::Value;
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

/// A syntax error inside the parser: boxed, so that every parsing function returns its result
/// in a register (a `Result<(), SyntaxError>` is 40 bytes, written to memory and read back at
/// each of the recursive descent's returns); errors are rare and cold.
type Fail = Box<SyntaxError>;

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
    /// The longest integer literal (no fraction, no exponent) of over 18 digits: its digits
    /// (sign excluded) and the offset where it starts; `(0, 0)` if there is none.
    pub longest_integer: (usize, usize),
    /// `NaN`, `Infinity` and `-Infinity` read as numbers (they are not JSON, but Python's
    /// decoder, the chat server's, reads them): how many, and the offset of the first.
    pub constants: (usize, usize),
}

/// Parse a complete JSON text (no trailing data) with nesting at most `max_depth`.
///
/// The document is one vector of 8-byte nodes (see the `tape` module), kept in `arena`: no
/// allocation per container, one release for the whole tree.
pub fn parse<'a>(
    src: &'a str,
    max_depth: usize,
    arena: &'a Arena<'a>,
) -> Result<Parsed<'a>, SyntaxError> {
    if src.len() > u32::MAX as usize {
        return Err(SyntaxError {
            offset: 0,
            message: "the body is larger than 4 GiB, more than this validator reads".into(),
            too_deep: false,
        });
    }
    let mut p = Parser::at(src, 0);
    p.max_depth = max_depth;
    // The buffers of this thread's last document, if it dropped one (see `pool`: native only).
    #[cfg(not(target_arch = "wasm32"))]
    {
        p.tape.nodes = Kept::spare();
        p.tape.nums = Kept::spare();
    }
    // About one node per 7 bytes of a structure-dense body (a text-heavy one needs fewer):
    // room for a small body at once, a large one grows.
    p.tape.nodes.reserve_exact((src.len() / 4).clamp(64, 8192));
    p.ws();
    p.value(0).map_err(|e| *e)?;
    p.ws();
    if p.i < p.b.len() {
        return Err(*p.err("unexpected data after the end of the JSON value"));
    }
    let (depth, longest_integer, constants) = (p.deepest, p.longest_integer, p.constants);
    let mut tape = p.tape;
    let has_duplicates = settle_repeats(&mut tape, &p.settle) || p.any_duplicates;
    if tape.nodes.capacity() - tape.nodes.len() > 1 << 16 {
        tape.nodes.shrink_to_fit();
    }
    Ok(Parsed {
        value: arena.keep(tape).value(0),
        has_duplicates,
        depth,
        longest_integer,
        constants,
    })
}

/// Mark the objects at `objects` (large ones whose key filter saw a bit twice) that repeat a
/// key, with a hash set of their keys; whether any does. Done once the tape is complete, so
/// that every key, escaped ones included, can be borrowed from it.
fn settle_repeats(tape: &mut Tape<'_>, objects: &[u32]) -> bool {
    let mut any = false;
    for &at in objects {
        let at = at as usize;
        let repeats = {
            let t: &Tape<'_> = tape;
            // (places in the index are the keys' nodes)
            let mut seen = StrIndex::new();
            let (mut i, end) = (at + 1, t.after(at));
            let mut repeats = false;
            while i < end && !repeats {
                repeats = seen
                    .find_or_insert(t.str_of(t.nodes[i]), i, |k| t.str_of(t.nodes[k]))
                    .is_some();
                i = t.after(i + 1);
            }
            repeats
        };
        if repeats {
            tape.nodes[at] = (tape.nodes[at] & !15) | tape::OBJECT_DUP;
            any = true;
        }
    }
    any
}

/// Where parsed documents live (see [`parse`]); drop it to free them.
pub struct Arena<'a> {
    /// The first document, natively: an arena of one document (every validation) allocates
    /// nothing. (WebAssembly keeps one store: this slot cost its module 0.28 KB gzip.)
    #[cfg(not(target_arch = "wasm32"))]
    first: std::cell::OnceCell<Tape<'a>>,
    /// The other documents (natively made with the second: a store allocates when it is made).
    #[cfg(not(target_arch = "wasm32"))]
    tapes: std::cell::OnceCell<typed_arena::Arena<Tape<'a>>>,
    #[cfg(target_arch = "wasm32")]
    tapes: typed_arena::Arena<Tape<'a>>,
}

impl Default for Arena<'_> {
    fn default() -> Self {
        Arena {
            #[cfg(not(target_arch = "wasm32"))]
            first: std::cell::OnceCell::new(),
            #[cfg(not(target_arch = "wasm32"))]
            tapes: std::cell::OnceCell::new(),
            #[cfg(target_arch = "wasm32")]
            tapes: typed_arena::Arena::with_capacity(1),
        }
    }
}

impl<'a> Arena<'a> {
    /// An empty arena.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keep a tape as long as the arena.
    pub(crate) fn keep(&'a self, tape: Tape<'a>) -> &'a Tape<'a> {
        #[cfg(not(target_arch = "wasm32"))]
        let tape = {
            let mut tape = Some(tape);
            let first = self.first.get_or_init(|| tape.take().unwrap_or_default());
            match tape {
                None => return first,
                Some(tape) => tape,
            }
        };
        #[cfg(not(target_arch = "wasm32"))]
        let tapes = self.tapes.get_or_init(typed_arena::Arena::new);
        #[cfg(target_arch = "wasm32")]
        let tapes = &self.tapes;
        tapes.alloc(tape)
    }
}

/// Escaped strings up to this length are unescaped in the parser's scratch buffer by
/// [`Parser::string`] and copied out at their size; longer ones get a string of their own.
const SCRATCH_KEEP: usize = 4096;

pub(crate) struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    max_depth: usize,
    /// The deepest nesting opened so far.
    deepest: usize,
    /// See [`Parsed::longest_integer`].
    longest_integer: (usize, usize),
    /// See [`Parsed::constants`].
    constants: (usize, usize),
    any_duplicates: bool,
    /// The document so far.
    tape: Tape<'a>,
    /// Large objects that may repeat a key (see [`settle_repeats`]).
    settle: Vec<u32>,
    /// Where escaped strings are unescaped.
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
            longest_integer: (0, 0),
            constants: (0, 0),
            any_duplicates: false,
            tape: Tape {
                src,
                ..Tape::default()
            },
            settle: Vec::new(),
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
    fn expected(&self, what: &str) -> Fail {
        self.err(format!("expected {what}, found {}", self.found()))
    }

    #[cold]
    #[inline(never)]
    fn err(&self, message: impl Into<String>) -> Fail {
        Box::new(SyntaxError {
            offset: self.i,
            message: message.into(),
            too_deep: false,
        })
    }

    /// Skip white space. (Reading the byte after a token once for both the white-space test and
    /// the expected byte took 2.4% fewer instructions natively and no less time: measured and
    /// left out on 2026-12-05, docs/performance.md.)
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

    fn value(&mut self, depth: usize) -> Result<(), Fail> {
        match self.b.get(self.i) {
            None => Err(self.err("the body ends before the JSON value is complete")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string_node().map(|_| ()),
            Some(b't') => self.literal("true", tape::TRUE),
            Some(b'f') => self.literal("false", tape::FALSE),
            Some(b'n') => self.literal("null", tape::NULL),
            Some(b'N') => self.constant("NaN", f64::NAN),
            Some(b'I') => self.constant("Infinity", f64::INFINITY),
            Some(b'-') if self.b[self.i..].starts_with(b"-Infinity") => {
                self.constant("-Infinity", f64::NEG_INFINITY)
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.expected("a JSON value")),
        }
    }

    fn literal(&mut self, word: &str, n: u64) -> Result<(), Fail> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            self.tape.push(n);
            Ok(())
        } else {
            Err(self.expected(&format!("`{word}`")))
        }
    }

    /// `NaN`, `Infinity` or `-Infinity` as a float (see [`Parsed::constants`]).
    #[cold]
    fn constant(&mut self, word: &str, value: f64) -> Result<(), Fail> {
        if !self.b[self.i..].starts_with(word.as_bytes()) {
            return Err(self.expected("a JSON value"));
        }
        if self.constants.0 == 0 {
            self.constants.1 = self.i;
        }
        self.constants.0 += 1;
        self.i += word.len();
        self.tape.push_num(value, false);
        Ok(())
    }

    #[inline(always)]
    fn depth_check(&self, depth: usize) -> Result<(), Fail> {
        if depth > self.max_depth {
            return Err(self.too_deep());
        }
        Ok(())
    }

    /// The error of a body that nests deeper than the limit (out of line, so that the checks
    /// that may return it stay small enough to inline).
    #[cold]
    #[inline(never)]
    fn too_deep(&self) -> Fail {
        Box::new(SyntaxError {
            offset: self.i,
            message: format!("the body nests deeper than {} levels", self.max_depth),
            too_deep: true,
        })
    }

    /// Step into the array or object at `self.i` and append its node (completed by `close`);
    /// `None` when it is empty (its node is complete, and `close` consumed). Inlined natively
    /// into its two callers: out of line, its three-word result went through memory.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn open(&mut self, depth: usize, close: u8, tag: u64) -> Result<Option<usize>, Fail> {
        self.depth_check(depth)?;
        self.deepest = self.deepest.max(depth);
        self.i += 1;
        self.ws();
        let at = self.tape.nodes.len();
        self.tape.push(node(tag, 0, at + 1));
        if self.b.get(self.i) == Some(&close) {
            self.i += 1;
            return Ok(None);
        }
        Ok(Some(at))
    }

    /// Complete the node at `at` with its length (an array's item count, an object's key
    /// filter) and the index after it.
    fn close(&mut self, at: usize, tag: u64, len: usize) -> Result<(), Fail> {
        if len > tape::MAX_LEN {
            return Err(self.err(format!(
                "an array has more than {} items, more than this validator reads",
                tape::MAX_LEN
            )));
        }
        let end = self.tape.nodes.len();
        self.tape.nodes[at] = node(tag, len, end);
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<(), Fail> {
        let Some(at) = self.open(depth, b']', tape::ARRAY)? else {
            return Ok(());
        };
        let mut count = 0;
        loop {
            self.ws();
            // (the items of the arrays of a body are objects above all: messages, blocks;
            // natively: in WebAssembly the second call site costs module size)
            if cfg!(not(target_arch = "wasm32")) && self.b.get(self.i) == Some(&b'{') {
                self.object(depth + 1)?;
            } else {
                self.value(depth)?;
            }
            count += 1;
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return self.close(at, tape::ARRAY, count);
                }
                _ => return Err(self.expected("`,` or `]` in an array")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<(), Fail> {
        let Some(at) = self.open(depth, b'}', tape::OBJECT)? else {
            return Ok(());
        };
        let mut keys = 0usize;
        let mut dup = false;
        let mut bloom = 0u32;
        // A large object whose key filter saw a repeated bit is settled after the parse.
        let mut settle_later = false;
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return Err(self.expected("a string key in an object"));
            }
            let key_at = self.tape.nodes.len();
            let plain = self.string_node()?;
            self.ws();
            if self.b.get(self.i) != Some(&b':') {
                return Err(self.expected("`:` after an object key"));
            }
            self.i += 1;
            self.ws();
            // Duplicate detection: none when the key's filter bit is new; else a scan of the
            // earlier keys of a small object.
            let key = match plain {
                Some(k) => k,
                None => self.tape.str_of(self.tape.nodes[key_at]).as_bytes(),
            };
            let bit = key_bit(key);
            let repeated = bloom & bit != 0
                && if keys < 16 {
                    self.repeats(at + 1, key_at, key)
                } else {
                    settle_later = true;
                    false
                };
            dup |= repeated;
            bloom |= bit;
            keys += 1;
            // (most values of an object are strings: read here, not through `value`'s
            // dispatch on the first byte; natively, where `string_node` is inlined)
            if cfg!(not(target_arch = "wasm32")) && self.b.get(self.i) == Some(&b'"') {
                self.string_node()?;
            } else {
                self.value(depth)?;
            }
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    if dup {
                        self.any_duplicates = true;
                    } else if settle_later {
                        self.settle.push(at as u32);
                    }
                    let tag = if dup { tape::OBJECT_DUP } else { tape::OBJECT };
                    return self.close(at, tag, bloom as usize);
                }
                _ => return Err(self.expected("`,` or `}` in an object")),
            }
        }
    }

    /// Whether one of the keys of the object being parsed, from the node `first` up to the key
    /// node `end`, is `key`: its entries are complete on the tape, a key then its value (a
    /// container's node says where it ends). Asked only when the object's key filter has seen
    /// `key`'s bit before (rarely: no list of the keys is kept for it).
    #[cold]
    #[inline(never)]
    fn repeats(&self, first: usize, end: usize, key: &[u8]) -> bool {
        let nodes = &self.tape.nodes;
        let mut i = first;
        while i < end {
            let Some(&k) = nodes.get(i) else {
                return false;
            };
            if bytes_equal(self.tape.str_of(k).as_bytes(), key) {
                return true;
            }
            i = tape::skip(nodes.get(i + 1).copied().unwrap_or(tape::NULL), i + 1);
        }
        false
    }

    /// Append the string at `self.i`: a node pointing into the text, and for a string with
    /// escapes (checked here) its entry in `Tape::lazy`, which unescapes it when it is read.
    /// Returns the string's bytes when it is in the text (no escapes): bytes, not a `&str`,
    /// whose checks of character boundaries were an out-of-line call per string.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn string_node(&mut self) -> Result<Option<&'a [u8]>, Fail> {
        let start = self.i + 1;
        let end = skip_plain(self.b, start);
        if self.b.get(end) == Some(&b'"') {
            self.i = end + 1;
            self.tape.push_src(start, end);
            return Ok(self.b.get(start..end));
        }
        self.string_node_slow(end)?;
        Ok(None)
    }

    /// [`Parser::string_node`] for strings with escapes (or errors); `plain_to` is where the
    /// scan for the end of the string stopped.
    #[inline(never)]
    fn string_node_slow(&mut self, plain_to: usize) -> Result<(), Fail> {
        let start = self.i + 1;
        if self.b.get(plain_to) != Some(&b'\\') {
            // no escape: a closed string (pushed from the text) or an error
            self.string_from(plain_to)?;
            self.tape.push_src(start, self.i - 1);
            return Ok(());
        }
        // Checked now and unescaped when first read (`Tape::lazy`): the rules read few of the
        // escaped strings of a body (most are message texts they only type-check), and copying
        // them out while parsing was a third of the native instructions of the 1 MB chat.
        let quote = self.i;
        self.i = plain_to;
        // (a second, discarding copy of `unescape`, in WebAssembly too: +0.2 KB gzip there, and
        // in Node -3 to -5% on small bodies and -13% on the 1 MB chat against checking into the
        // scratch buffer)
        self.unescape(&mut Discard, usize::MAX)?;
        // (the thread's spare list, taken at the first escaped string: a body without one
        // never touches the pool for it)
        #[cfg(not(target_arch = "wasm32"))]
        if self.tape.lazy.capacity() == 0 {
            self.tape.lazy = Kept::spare();
        }
        let at = self.tape.lazy.len();
        self.tape.lazy.push(tape::Lazy::at(quote));
        self.tape.push(tape::node(tape::ESC, 0, at));
        Ok(())
    }

    /// The string at `self.i` (an unescaped one at its exact size).
    pub(crate) fn string(&mut self) -> Result<Cow<'a, str>, Fail> {
        let plain_to = skip_plain(self.b, self.i + 1);
        Ok(match self.string_from(plain_to)? {
            Cow::Owned(s) => Cow::Owned(self.finish_escaped(s)),
            s => s,
        })
    }

    /// The string at `self.i`, whose characters up to `plain_to` need no escaping (found by
    /// `skip_plain`): borrowed from the text, or unescaped in the scratch buffer (which the
    /// caller gives back or keeps).
    fn string_from(&mut self, plain_to: usize) -> Result<Cow<'a, str>, Fail> {
        let start = self.i + 1;
        let mut i = plain_to;
        let b = self.b;
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
    fn string_escaped(&mut self, start: usize) -> Result<String, Fail> {
        let mut out = std::mem::take(&mut self.scratch);
        out.clear();
        // The rest of the text bounds the unescaped string (an escape is never shorter than
        // what it stands for): up to `SCRATCH_KEEP`, one allocation for the whole parse instead
        // of a buffer that grows by doubling.
        out.reserve((self.b.len() - start).min(SCRATCH_KEEP));
        out.push_str(&self.s[start..self.i]);
        self.unescape(&mut out, usize::MAX)?;
        Ok(out)
    }

    /// Unescape the rest of the string at `self.i` (at a backslash or within the string) onto
    /// `out`: `true` once its closing quote is read, `false` when the next run of plain bytes
    /// would take `out` past `limit` (`self.i` is then where to go on).
    fn unescape<S: Sink>(&mut self, out: &mut S, limit: usize) -> Result<bool, Fail> {
        let mut specials = Specials::default();
        loop {
            let run = self.i;
            let end = specials.next(self.b, run);
            if out.len() + (end - run) > limit {
                // (before the run is copied: `out` never holds much more than `limit`)
                return Ok(false);
            }
            out.push_run(self.s, run, end);
            self.i = end;
            match self.b.get(self.i) {
                None => return Err(self.err("a string is not closed (missing `\"`)")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(true);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = *self
                        .b
                        .get(self.i)
                        .ok_or_else(|| self.err("a string is not closed (missing `\"`)"))?;
                    // The one-character escapes by table: a jump table on `c` was an indirect
                    // branch per escape, which text with escapes of several kinds mispredicts.
                    let simple = SIMPLE_ESCAPES[usize::from(c)];
                    if simple != 0 {
                        self.i += 1;
                        out.push(char::from(simple));
                        continue;
                    }
                    if c != b'u' {
                        return Err(self.err(format!(
                            "invalid escape `\\{}` in a string",
                            short_text(&char::from(c).to_string(), 2)
                        )));
                    }
                    self.i += 1;
                    let hi = self.hex4()?;
                    let ch =
                        if (0xD800..0xDC00).contains(&hi) && self.b[self.i..].starts_with(b"\\u") {
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

    /// The four hex digits after `\u` (see [`hex_value`]).
    fn hex4(&mut self) -> Result<u32, Fail> {
        let Some(v) = hex_value(self.b.get(self.i..self.i + 4).unwrap_or_default()) else {
            return Err(self.err("`\\u` must be followed by four hex digits"));
        };
        self.i += 4;
        Ok(v)
    }

    fn number(&mut self) -> Result<(), Fail> {
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
            if int {
                let digits = text.len() - usize::from(text[0] == b'-');
                if digits > self.longest_integer.0 {
                    self.longest_integer = (digits, start);
                }
            }
            crate::parse_float(&self.s[start..i]).unwrap_or(f64::NAN)
        };
        self.tape.push_num(f, int);
        Ok(())
    }
}

/// Where the string that goes on at `i` of `b` (within it, at a plain byte or a backslash)
/// ends: the offset of its closing quote, or of a control character (where reading it fails),
/// or `b.len()`. Escapes are stepped over, not read.
pub(crate) fn string_end(b: &[u8], mut i: usize) -> usize {
    let mut specials = Specials::default();
    loop {
        let at = specials.next(b, i);
        match b.get(at) {
            Some(b'\\') => i = at + 2,
            _ => return at.min(b.len()),
        }
    }
}

/// The ends of the plain runs of an escaped string, from one 64-byte mask of its special bytes
/// ([`zylon_scan::special_mask`]) for as long as the runs stay in that block: escapes come
/// close together in the strings that have them (code, JSON, line ends), and a shift and a
/// count of trailing zeros replace a scan per run (measured: the unescaping of the 1 MB chat
/// body took 30% of its native instructions).
#[derive(Default)]
struct Specials {
    /// Where the block starts.
    base: usize,
    /// Its special bytes (bit `k`: byte `base + k`); zero before the first block (one without
    /// special bytes is never kept: the scan goes on past it).
    mask: u64,
}

impl Specials {
    /// The first special byte at or after `i` (or the end of `b`). (One copy in the wasm
    /// build: its two callers inlining it cost 0.4 KB gzip.)
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn next(&mut self, b: &[u8], mut i: usize) -> usize {
        loop {
            let off = i.wrapping_sub(self.base);
            if self.mask != 0 && off < 64 {
                let rest = self.mask >> off;
                if rest != 0 {
                    return i + rest.trailing_zeros() as usize;
                }
                i = self.base + 64;
            }
            match zylon_scan::special_mask(b, i) {
                Some(mask) => {
                    self.base = i;
                    self.mask = mask;
                    if mask != 0 {
                        return i + mask.trailing_zeros() as usize;
                    }
                    i += 64;
                }
                None => return skip_plain(b, i),
            }
        }
    }
}

/// The value of `digits` when they are four hex digits (either case), read by table:
/// `from_str_radix` on a checked slice took about 110 instructions a call natively, a `match`
/// per digit about 48.
#[inline]
pub(crate) fn hex_value(digits: &[u8]) -> Option<u32> {
    let mut v = 0;
    let mut bad = digits.len() != 4;
    for &c in digits {
        let d = HEX_DIGITS[usize::from(c)];
        bad |= d > 15;
        v = v << 4 | u32::from(d);
    }
    (!bad).then_some(v)
}

/// What the escape `\c` stands for, by `c`, for the one-character escapes; 0 for the others
/// (`u`, and the invalid ones).
pub(crate) const SIMPLE_ESCAPES: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t[b'/' as usize] = b'/';
    t[b'b' as usize] = 0x08;
    t[b'f' as usize] = 0x0c;
    t[b'n' as usize] = b'\n';
    t[b'r' as usize] = b'\r';
    t[b't' as usize] = b'\t';
    t
};

/// The value of each hex digit (either case), by byte; 255 for the other bytes.
const HEX_DIGITS: [u8; 256] = {
    let mut t = [255u8; 256];
    let mut c = 0;
    while c < 10 {
        t[b'0' as usize + c] = c as u8;
        c += 1;
    }
    let mut c = 0;
    while c < 6 {
        t[b'a' as usize + c] = 10 + c as u8;
        t[b'A' as usize + c] = 10 + c as u8;
        c += 1;
    }
    t
};

/// Where [`Parser::unescape`] writes: a string, or nowhere ([`Discard`], to check a string's
/// escapes without copying it).
trait Sink {
    fn len(&self) -> usize;
    /// Append `s[start..end]` (the run is not even sliced by [`Discard`]: the check of its
    /// ends for character boundaries was 2% of the 1 MB chat's instructions).
    fn push_run(&mut self, s: &str, start: usize, end: usize);
    fn push(&mut self, c: char);
}

impl Sink for String {
    #[inline(always)]
    fn len(&self) -> usize {
        String::len(self)
    }
    #[inline(always)]
    fn push_run(&mut self, s: &str, start: usize, end: usize) {
        self.push_str(&s[start..end]);
    }
    #[inline(always)]
    fn push(&mut self, c: char) {
        String::push(self, c);
    }
}

/// A [`Sink`] that keeps nothing.
struct Discard;

impl Sink for Discard {
    #[inline(always)]
    fn len(&self) -> usize {
        0
    }
    #[inline(always)]
    fn push_run(&mut self, _: &str, _: usize, _: usize) {}
    #[inline(always)]
    fn push(&mut self, _: char) {}
}

/// The unescaped text of the string whose opening quote is at `quote` in `src`, a string the
/// parser has checked (see `Tape::lazy`). Never fails: a text that is not such a string gives
/// what could be read of it.
pub(crate) fn unescape_at(src: &str, quote: usize) -> Box<str> {
    let mut p = Parser::at(src, quote);
    match p.string() {
        Ok(s) => s.into_owned().into_boxed_str(),
        Err(_) => Box::default(),
    }
}
