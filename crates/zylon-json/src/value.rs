//! The tree: values, numbers, arrays and objects (views of a [`Tape`]) and their iterators.

use std::fmt;
use std::num::NonZeroU32;

use crate::tape::{self, Tape};

/// A JSON number: its value as `f64` and whether it was written as an integer literal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    /// The value (NaN never occurs for valid JSON; huge literals become infinities).
    pub value: f64,
    /// Written without fraction or exponent (`100`, not `100.0` or `1e2`).
    pub int: bool,
}

impl Num {
    /// The value as `f64`.
    pub fn as_f64(self) -> Option<f64> {
        Some(self.value)
    }
}

/// A parsed JSON value: a view of a node of its document's tape (copied freely; nothing to
/// drop). Strings borrow from the input where possible.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Num),
    /// A string: borrowed from the text, or, when it had escapes, from the tape.
    String(&'a str),
    /// An array.
    Array(Array<'a>),
    /// An object.
    Object(Object<'a>),
}

/// A JSON array: its items in document order.
#[derive(Clone, Copy)]
pub struct Array<'a> {
    tape: &'a Tape<'a>,
    /// The node of the first item.
    first: u32,
    len: u32,
}

impl<'a> Array<'a> {
    pub(crate) fn new(tape: &'a Tape<'a>, first: usize, len: usize) -> Self {
        Array {
            tape,
            first: first as u32,
            len: len as u32,
        }
    }

    /// An array with no items.
    pub fn empty() -> Self {
        Array::new(&tape::EMPTY, 0, 0)
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The items in order.
    pub fn iter(&self) -> Items<'a> {
        Items {
            tape: self.tape,
            next: self.first as usize,
            left: self.len as usize,
        }
    }

    /// The item at `index` (found by stepping over the ones before it: for random access to a
    /// long array, collect [`Array::iter`] once).
    pub fn get(&self, index: usize) -> Option<Value<'a>> {
        self.iter().nth(index)
    }

    /// The first item.
    pub fn first(&self) -> Option<Value<'a>> {
        self.iter().next()
    }

    /// The last item.
    pub fn last(&self) -> Option<Value<'a>> {
        self.iter().last()
    }

    /// The items, collected for random access.
    pub fn to_vec(&self) -> Vec<Value<'a>> {
        self.iter().collect()
    }

    /// The node of the first item (an identity of the array within its tape).
    pub(crate) fn first_node(&self) -> u32 {
        self.first
    }

    /// The node of each item.
    pub(crate) fn item_nodes(&self) -> Vec<u32> {
        let mut nodes = Vec::with_capacity(self.len());
        let mut i = self.first as usize;
        for _ in 0..self.len {
            nodes.push(i as u32);
            i = self.tape.after(i);
        }
        nodes
    }

    /// The item whose node is `node` (from [`Array::item_nodes`]).
    pub(crate) fn item_at(&self, node: u32) -> Value<'a> {
        self.tape.value(node as usize)
    }
}

impl<'a> IntoIterator for Array<'a> {
    type Item = Value<'a>;
    type IntoIter = Items<'a>;
    fn into_iter(self) -> Items<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for &Array<'a> {
    type Item = Value<'a>;
    type IntoIter = Items<'a>;
    fn into_iter(self) -> Items<'a> {
        self.iter()
    }
}

impl PartialEq for Array<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Array<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The items of an [`Array`].
#[derive(Clone)]
pub struct Items<'a> {
    tape: &'a Tape<'a>,
    next: usize,
    left: usize,
}

impl<'a> Iterator for Items<'a> {
    type Item = Value<'a>;

    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn next(&mut self) -> Option<Value<'a>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let v = self.tape.value(self.next);
        self.next = self.tape.after(self.next);
        Some(v)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Items<'_> {}

/// A JSON object: its entries in document order (duplicates kept; lookups see the last one, as
/// the server does).
#[derive(Clone, Copy)]
pub struct Object<'a> {
    tape: &'a Tape<'a>,
    /// The node of the first key (after the object's own node).
    first: u32,
    /// The node after the last value.
    end: u32,
}

impl<'a> Object<'a> {
    pub(crate) fn new(tape: &'a Tape<'a>, first: usize, end: usize) -> Self {
        Object {
            tape,
            first: first as u32,
            end: end as u32,
        }
    }

    /// An object with no entries.
    pub fn empty() -> Self {
        Object::new(&tape::EMPTY, 0, 0)
    }

    /// The object's own node (only for a non-empty object).
    #[inline]
    fn head(&self) -> u64 {
        let at = (self.first as usize).wrapping_sub(1);
        self.tape.nodes.get(at).copied().unwrap_or(0)
    }

    /// Whether some key occurs more than once.
    pub fn has_duplicates(&self) -> bool {
        !self.is_empty() && tape::tag(self.head()) == tape::OBJECT_DUP
    }

    /// The node of the value of `key` (the last one when the key is repeated). Inlined, so
    /// that the filter bit of a literal key is a constant and a miss costs a load and a test.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn find(&self, key: &str) -> Option<usize> {
        if self.is_empty() {
            return None;
        }
        let head = self.head();
        if (tape::len(head) as u32) & tape::key_bit(key.as_bytes()) == 0 {
            return None;
        }
        self.scan(key, tape::tag(head) == tape::OBJECT_DUP)
    }

    /// The entries' part of [`Object::find`].
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn scan(&self, key: &str, dup: bool) -> Option<usize> {
        let tape = self.tape;
        let (mut i, end) = (self.first as usize, self.end as usize);
        let mut found = None;
        while let (true, Some(&[k, v])) = (i < end, tape.nodes.get(i..i + 2)) {
            if tape.key_is(k, key) {
                found = Some(i + 1);
                if !dup {
                    break;
                }
            }
            i = tape::skip(v, i + 1);
        }
        found
    }

    /// The value of `key` (the last one when the key is repeated). Always inlined natively:
    /// a literal key's filter bit is then a constant, and the caller's match on the value a
    /// match on the node's tag (one copy in the size-optimised wasm build). Measured the other
    /// way on 2026-12-05 (interleaved runs, best of 15 rounds): `get` out of line natively gave
    /// 9% fewer simulated level-1 instruction-cache misses and 5% more instructions, and was
    /// slower (2,000 small bodies +2%, many-small +4.5%); `scan` alone out of line was a wash
    /// (small −2.3%, many-small +0.8%).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn get(&self, key: &str) -> Option<Value<'a>> {
        self.find(key).map(|i| self.tape.value(i))
    }

    /// Whether the value of `key` is a string of white space only (Python's `str.strip()` leaves
    /// nothing, the server's test: [`py_blank`](crate::py_blank)):
    /// `None` when the key is missing or its value is not a string. An escaped string is read
    /// where it is, up to its first character that is not white space, and is not unescaped.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn string_is_blank(&self, key: &str) -> Option<bool> {
        let tape = self.tape;
        let n = tape.nodes.get(self.find(key)?).copied()?;
        match tape::tag(n) {
            tape::ESC => tape
                .lazy
                .get(tape::payload(n))
                .map(|l| l.is_blank(tape.src)),
            tape::STR | tape::EXT => Some(crate::py_blank(tape.str_of(n))),
            _ => None,
        }
    }

    /// Whether the value of `key` is a string, told from its node alone (an escaped string is
    /// not unescaped).
    #[inline]
    pub fn has_string(&self, key: &str) -> bool {
        self.find(key)
            .and_then(|i| self.tape.nodes.get(i))
            .is_some_and(|&n| matches!(tape::tag(n), tape::STR | tape::ESC | tape::EXT))
    }

    /// Whether `key` occurs.
    #[inline]
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_some()
    }

    /// The distinct keys, first occurrence order.
    pub fn keys(&self) -> Keys<'a> {
        Keys {
            object: *self,
            entries: self.entries(),
            dup: self.has_duplicates(),
        }
    }

    /// Every entry in document order, duplicates included.
    pub fn entries(&self) -> Entries<'a> {
        Entries {
            tape: self.tape,
            next: self.first as usize,
            end: self.end as usize,
        }
    }

    /// The distinct entries with the value the server keeps (the last).
    pub fn iter(&self) -> Iter<'a> {
        Iter { keys: self.keys() }
    }

    /// The value at `slot` (from an [`crate::Index`] of this object): no lookup.
    #[inline]
    pub fn at(&self, slot: Slot) -> Value<'a> {
        self.tape.value(slot.0.get() as usize)
    }

    /// The tape the object is a view of.
    #[inline]
    pub(crate) fn tape(&self) -> &'a Tape<'a> {
        self.tape
    }

    /// The node of the first key and the node after the last value.
    #[inline]
    pub(crate) fn span(&self) -> (usize, usize) {
        (self.first as usize, self.end as usize)
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.first >= self.end
    }

    /// Number of entries, duplicates included (counted: the tape does not store it).
    pub fn len(&self) -> usize {
        // (stepping over the nodes: the entries' values are not made, and an escaped string
        // is not unescaped to be counted)
        let tape = self.tape;
        let (mut i, end, mut n) = (self.first as usize, self.end as usize, 0);
        while let (true, Some(&v)) = (i < end, tape.nodes.get(i + 1)) {
            n += 1;
            i = tape::skip(v, i + 1);
        }
        n
    }
}

impl PartialEq for Object<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.has_duplicates() == other.has_duplicates() && self.entries().eq(other.entries())
    }
}

impl fmt::Debug for Object<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.entries()).finish()
    }
}

/// Every entry of an [`Object`] in document order (see [`Object::entries`]).
#[derive(Clone)]
pub struct Entries<'a> {
    tape: &'a Tape<'a>,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Entries<'a> {
    type Item = (&'a str, Value<'a>);

    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn next(&mut self) -> Option<Self::Item> {
        let (k, at) = self.next_key()?;
        Some((k, self.tape.value(at)))
    }
}

impl<'a> Entries<'a> {
    /// The next key and the node of its value (the value is not read).
    #[inline(always)]
    fn next_key(&mut self) -> Option<(&'a str, usize)> {
        let tape = self.tape;
        let i = self.next;
        if i >= self.end {
            return None;
        }
        let &[k, v] = tape.nodes.get(i..i + 2)? else {
            return None;
        };
        self.next = tape::skip(v, i + 1);
        Some((tape.str_of(k), i + 1))
    }
}

/// The distinct keys of an [`Object`], first occurrence order (see [`Object::keys`]).
pub struct Keys<'a> {
    object: Object<'a>,
    entries: Entries<'a>,
    dup: bool,
}

impl<'a> Keys<'a> {
    /// The next distinct key and the node of its first value.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    fn next_entry(&mut self) -> Option<(&'a str, usize)> {
        if !self.dup {
            return self.entries.next_key();
        }
        loop {
            let (k, at) = self.entries.next_key()?;
            if !self.earlier(at - 1, k) {
                return Some((k, at));
            }
        }
    }

    /// The next distinct key and the node of the value the server keeps (the last).
    #[inline]
    pub(crate) fn next_kept(&mut self) -> Option<(&'a str, usize)> {
        let (k, first) = self.next_entry()?;
        if !self.dup {
            return Some((k, first));
        }
        Some((k, self.object.find(k).unwrap_or(first)))
    }

    /// Whether `key` occurs before the entry at node `at`.
    fn earlier(&self, at: usize, key: &str) -> bool {
        let tape = self.object.tape;
        let mut i = self.object.first as usize;
        while i < at {
            if tape.key_is(tape.nodes.get(i).copied().unwrap_or(0), key) {
                return true;
            }
            i = tape.after(i + 1);
        }
        false
    }
}

impl<'a> Iterator for Keys<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.next_entry().map(|(k, _)| k)
    }
}

/// The distinct entries of an [`Object`] with the values the server keeps (see
/// [`Object::iter`]).
pub struct Iter<'a> {
    keys: Keys<'a>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, Value<'a>);

    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn next(&mut self) -> Option<Self::Item> {
        let (k, at) = self.keys.next_kept()?;
        Some((k, self.keys.object.tape.value(at)))
    }
}

/// Where a value of an object is in its document (see [`crate::Index`], [`Object::at`]):
/// four bytes, so `Option<Slot>` is too.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Slot(pub(crate) NonZeroU32);

impl<'a> Value<'a> {
    /// The string, if this is one.
    pub fn as_str(self) -> Option<&'a str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    /// The object, if this is one.
    pub fn as_object(self) -> Option<Object<'a>> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
    /// The array, if this is one.
    pub fn as_array(self) -> Option<Array<'a>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    /// The number as `f64`, if this is one.
    pub fn as_f64(self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.value),
            _ => None,
        }
    }
    /// `obj.get(key)` when this is an object.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn get(self, key: &str) -> Option<Value<'a>> {
        self.as_object()?.get(key)
    }
    /// Whether this is `null`.
    pub fn is_null(self) -> bool {
        matches!(self, Value::Null)
    }
    /// Whether this is a string.
    pub fn is_string(self) -> bool {
        matches!(self, Value::String(_))
    }
    /// Whether this is an object.
    pub fn is_object(self) -> bool {
        matches!(self, Value::Object(_))
    }
    /// Whether this is a boolean.
    pub fn is_boolean(self) -> bool {
        matches!(self, Value::Bool(_))
    }

    /// The value a JSON Pointer names (an array index steps through the items before it: for
    /// many pointers into one tree, use a [`Resolver`](crate::Resolver)).
    pub fn pointer(self, pointer: &str) -> Option<Value<'a>> {
        crate::Resolver::once(self).pointer(pointer)
    }
}
