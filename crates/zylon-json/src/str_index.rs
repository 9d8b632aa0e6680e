//! Finding strings among many: the hash table of the validator and the stream accumulator
//! (tool use ids, repeated keys, tool names, the span locator's trie, a streamed object's keys).
//!
//! Why not `std::collections::HashMap`: each key and value type was another copy of hashbrown's
//! table code in the WebAssembly module, and SipHash a third piece (8.6 KB of the module for two
//! map types). This table is not generic over its keys: it records each key's *place* in a list
//! the caller keeps (with the key's hash), and asks the caller for a place's key when a lookup
//! meets one with the same hash. [`StrMap`] is that list and the table together.
//!
//! Hashing is seeded (a folded multiply, as in foldhash): natively the seed is random per
//! process, so a body cannot be built to make its ids collide; WebAssembly has no randomness
//! without a host call, and there the seed is fixed (as std's was: `RandomState` has fixed keys
//! on `wasm32-unknown-unknown`).

/// A table from strings to places in a list of keys kept by the caller.
#[derive(Debug, Clone, Default)]
pub struct StrIndex {
    /// `(tag, place + 1)`, the tag being the hash's upper 32 bits, which also choose the slot
    /// (so the table grows without the keys); a zero place is an empty slot. The length is zero
    /// or a power of two, at least twice the number of places.
    slots: Vec<(u32, u32)>,
    /// Places recorded.
    len: usize,
}

const K1: u64 = 0x243f_6a88_85a3_08d3;
const K2: u64 = 0x1319_8a2e_0370_7344;

/// The slot of `place` for a key of hash `h`. Places past `u32::MAX - 1` cannot occur: they
/// index lists of that many keys, and a body holding them exceeds the 4 GiB that the tape's
/// 32-bit offsets address.
fn slot(h: u64, place: usize) -> (u32, u32) {
    ((h >> 32) as u32, (place as u32).wrapping_add(1))
}

fn fold(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

/// The seed of every table of this process.
#[cfg(not(target_arch = "wasm32"))]
fn seed() -> u64 {
    use std::hash::BuildHasher;
    use std::sync::OnceLock;
    static SEED: OnceLock<u64> = OnceLock::new();
    *SEED.get_or_init(|| std::collections::hash_map::RandomState::new().hash_one(0x5a17_u64))
}

/// The seed of every table (fixed: see the module's comment).
#[cfg(target_arch = "wasm32")]
fn seed() -> u64 {
    0xa409_3822_299f_31d0
}

/// The hash of `s`.
fn hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h = seed() ^ (b.len() as u64).wrapping_mul(K1);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = fold(h ^ w, K2);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = fold(h ^ u64::from_le_bytes(w), K2);
    }
    fold(h, K1)
}

impl StrIndex {
    /// An empty table (no allocation until the first place is recorded).
    pub const fn new() -> Self {
        StrIndex {
            slots: Vec::new(),
            len: 0,
        }
    }

    /// How many places are recorded.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no place is recorded.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The place of `key`, `key_at` giving the key of a recorded place.
    pub fn find<'k>(&self, key: &str, key_at: impl Fn(usize) -> &'k str) -> Option<usize> {
        self.probe(hash(key), key, key_at).1
    }

    /// The place of `key` if it is recorded; otherwise records `place` for it and returns `None`.
    pub fn find_or_insert<'k>(
        &mut self,
        key: &str,
        place: usize,
        key_at: impl Fn(usize) -> &'k str,
    ) -> Option<usize> {
        let h = hash(key);
        match self.probe(h, key, key_at) {
            (_, Some(found)) => Some(found),
            // the free slot the lookup ended at, unless the table must grow first
            (i, None) if (self.len + 1) * 2 <= self.slots.len() => {
                self.slots[i] = slot(h, place);
                self.len += 1;
                None
            }
            _ => {
                self.insert_hashed(h, place);
                None
            }
        }
    }

    /// Record `place` for `key`, which is not recorded.
    pub fn insert(&mut self, key: &str, place: usize) {
        self.insert_hashed(hash(key), place);
    }

    /// Forget every place (the table's memory is kept for the next ones).
    pub fn clear(&mut self) {
        self.slots.clear();
        self.len = 0;
    }

    /// An empty table that grows into `buffer`'s memory (one given back by
    /// [`StrIndex::into_buffer`], so that a caller can keep it between uses).
    pub fn with_buffer(mut buffer: Vec<(u32, u32)>) -> Self {
        buffer.clear();
        StrIndex {
            slots: buffer,
            len: 0,
        }
    }

    /// The table's memory, for [`StrIndex::with_buffer`].
    pub fn into_buffer(self) -> Vec<(u32, u32)> {
        self.slots
    }

    /// The slot where `key` is or would go (the first free one), and its place if it is
    /// recorded.
    fn probe<'k>(
        &self,
        h: u64,
        key: &str,
        key_at: impl Fn(usize) -> &'k str,
    ) -> (usize, Option<usize>) {
        if self.slots.is_empty() {
            return (0, None);
        }
        let mask = self.slots.len() - 1;
        let tag = (h >> 32) as u32;
        let mut i = tag as usize & mask;
        loop {
            let (t, p) = self.slots[i];
            if p == 0 {
                return (i, None);
            }
            if t == tag && key_at(p as usize - 1) == key {
                return (i, Some(p as usize - 1));
            }
            i = (i + 1) & mask;
        }
    }

    fn insert_hashed(&mut self, h: u64, place: usize) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = (h >> 32) as usize & mask;
        while self.slots[i].1 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = slot(h, place);
        self.len += 1;
    }

    /// Double the table, placing each key by its tag.
    fn grow(&mut self) {
        let cap = (self.slots.len() * 2).max(8);
        if self.len == 0 {
            // (an empty table starts at the usual size in the memory kept by `clear` or
            // `with_buffer`, not at the memory's whole size: a table once grown large would
            // otherwise be zeroed whole for every later use, however few its keys)
            self.slots.clear();
            self.slots.resize(cap, (0, 0));
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); cap]);
        let mask = cap - 1;
        for (t, p) in old.into_iter().filter(|&(_, p)| p != 0) {
            let mut i = t as usize & mask;
            while self.slots[i].1 != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = (t, p);
        }
    }
}

/// Strings with a value each, in insertion order, found through a [`StrIndex`].
#[derive(Debug, Clone)]
pub struct StrMap<K> {
    entries: Vec<(K, usize)>,
    index: StrIndex,
}

impl<K> Default for StrMap<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K> StrMap<K> {
    /// An empty map (no allocation until the first insert).
    pub const fn new() -> Self {
        StrMap {
            entries: Vec::new(),
            index: StrIndex::new(),
        }
    }
}

impl<K: AsRef<str>> StrMap<K> {
    /// The entries, in insertion order.
    pub fn entries(&self) -> &[(K, usize)] {
        &self.entries
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry number of `key` (its place in [`entries`](Self::entries)).
    pub fn position(&self, key: &str) -> Option<usize> {
        let entries = &self.entries;
        self.index.find(key, |i| entries[i].0.as_ref())
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<usize> {
        self.position(key).map(|i| self.entries[i].1)
    }

    /// Add `key` with `value` unless it is present: `Ok` with the new entry's number, or `Err`
    /// with the present entry's number (its value unchanged).
    pub fn insert_new(&mut self, key: K, value: usize) -> Result<usize, usize> {
        let (entries, at) = (&self.entries, self.entries.len());
        match self
            .index
            .find_or_insert(key.as_ref(), at, |i| entries[i].0.as_ref())
        {
            Some(found) => Err(found),
            None => {
                self.entries.push((key, value));
                Ok(at)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The map answers as std's `HashMap` does, over keys that share prefixes, lengths and
        /// 8-byte chunks (the hash's steps), through growth.
        #[test]
        fn agrees_with_std(keys in proptest::collection::vec("[ab\u{e9}]{0,19}", 0..300),
                           probes in proptest::collection::vec("[ab\u{e9}]{0,19}", 0..50)) {
            let mut ours: StrMap<String> = StrMap::new();
            let mut std_map = std::collections::HashMap::new();
            for (n, k) in keys.iter().enumerate() {
                let expected = std_map.get(k).copied();
                match ours.insert_new(k.clone(), n) {
                    Ok(at) => {
                        prop_assert_eq!(expected, None);
                        prop_assert_eq!(at, std_map.len());
                        std_map.insert(k.clone(), at);
                    }
                    Err(at) => prop_assert_eq!(Some(at), expected),
                }
            }
            for k in keys.iter().chain(&probes) {
                prop_assert_eq!(ours.position(k), std_map.get(k).copied());
                prop_assert_eq!(ours.get(k), std_map.get(k).map(|&at| ours.entries()[at].1));
            }
            prop_assert_eq!(ours.entries().len(), std_map.len());
            prop_assert!(ours.index.slots.len() >= 2 * ours.index.len());
        }
    }

    #[test]
    fn empty_and_cleared_tables_find_nothing() {
        let mut index = StrIndex::new();
        let keys = ["", "a", "abcdefgh", "abcdefghi"];
        assert_eq!(index.find("a", |i| keys[i]), None);
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(index.find_or_insert(k, i, |i| keys[i]), None);
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(index.find(k, |i| keys[i]), Some(i));
            assert_eq!(index.find_or_insert(k, 9, |i| keys[i]), Some(i));
        }
        assert_eq!((index.len(), index.is_empty()), (4, false));
        index.clear();
        assert_eq!(index.find("a", |i| keys[i]), None);
        assert!(index.is_empty());
    }

    /// A table made on the memory of an earlier one (a caller keeping it between uses) starts
    /// empty, answers as a new one through growth, and starts in that memory.
    #[test]
    fn a_table_on_a_kept_buffer_starts_in_its_memory() {
        let keys: Vec<String> = (0..40).map(|i| format!("key{i}")).collect();
        let key_at = |i: usize| keys[i].as_str();
        let mut first = StrIndex::new();
        for (i, k) in keys.iter().enumerate() {
            first.insert(k, i);
        }
        let buffer = first.into_buffer();
        let (room, at) = (buffer.capacity(), buffer.as_ptr());
        let mut again = StrIndex::with_buffer(buffer);
        assert!(again.is_empty());
        assert_eq!(again.find("key1", key_at), None);
        for (i, k) in keys.iter().enumerate().take(3) {
            assert_eq!(again.find_or_insert(k, i, key_at), None);
        }
        // (three places fit the first table: no allocation)
        assert_eq!(again.slots.as_ptr(), at);
        assert_eq!(again.slots.capacity(), room);
        for (i, k) in keys.iter().enumerate().skip(3).take(17) {
            assert_eq!(again.find_or_insert(k, i, key_at), None);
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(again.find(k, key_at), (i < 20).then_some(i));
        }
        assert_eq!(again.len(), 20);
    }
}
