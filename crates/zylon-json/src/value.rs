//! The tree: values, numbers, objects (entries in document order, with a key filter for fast
//! lookups) and their iterators.

use crate::{keys_equal, pointer_segment};

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
    pub(crate) entries: &'a [(&'a str, Value<'a>)],
    /// Whether some key occurs more than once.
    pub has_duplicates: bool,
    /// One bit per key ([`key_bit`]): a lookup of a key whose bit is clear (most lookups of
    /// optional fields) answers without comparing keys.
    pub(crate) bloom: u32,
}

/// The bit of a key in [`Object`]'s filter: from its length and its first and last bytes.
#[inline]
pub(crate) fn key_bit(key: &str) -> u32 {
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
            .find(|(k, _)| keys_equal(k, key))
            .map(|(_, v)| v)
    }

    /// Whether `key` occurs.
    pub fn contains_key(&self, key: &str) -> bool {
        self.bloom & key_bit(key) != 0 && self.entries.iter().any(|(k, _)| keys_equal(k, key))
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
            if !self.object.has_duplicates || !entries[..i].iter().any(|(p, _)| keys_equal(p, k)) {
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
            Value::Number(n) => Some(n.value),
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
            let seg = pointer_segment(seg);
            v = match v {
                Value::Object(o) => o.get(&seg)?,
                Value::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(v)
    }
}
