//! One pass over an object against a table of known keys and their JSON types: where each
//! known key's value is (read later by its place in the table, with no lookup), and which
//! entries need a closer look (an unknown key, or a value of none of its key's types). It
//! lives in this crate for its opt-level 3 in the size-optimised wasm build: the validator runs
//! it over every object it checks, and the entries that need nothing are most of them.

use std::num::NonZeroU32;

use crate::tape::{self, Tape};
use crate::value::{Object, Slot, Value};

/// The bits of a type byte of [`Object::index_into`]: the JSON types a key's value may have.
pub mod types {
    /// A string.
    pub const STRING: u8 = 1;
    /// Any number.
    pub const NUMBER: u8 = 2;
    /// A number written as an integer literal.
    pub const INTEGER: u8 = 4;
    /// `true` or `false`.
    pub const BOOLEAN: u8 = 8;
    /// An object.
    pub const OBJECT: u8 = 16;
    /// An array.
    pub const ARRAY: u8 = 32;
    /// `null`.
    pub const NULL: u8 = 64;
}

/// The most known keys whose places an [`Index`] keeps.
pub const MAX_KNOWN: usize = 32;

/// What [`Object::index_into`] found.
#[derive(Clone)]
pub struct Index<'a> {
    obj: Object<'a>,
    at: [Option<Slot>; MAX_KNOWN],
    order: [u8; MAX_KNOWN],
    count: u8,
    flagged: Vec<(Slot, Option<usize>)>,
}

impl<'a> Object<'a> {
    /// Index this object's distinct keys (the value the server keeps when a key is repeated)
    /// against `known`, into `ix` (made by [`Index::empty`] for this object): for a key at `i`
    /// of `known`, a value none of whose JSON type is in `types[i]` (the bits of [`types`]; keys
    /// past the end of `types` take any value) is flagged, and so is every key not in `known`.
    /// Filled where the caller keeps it: the index is about 200 bytes, and returned and moved
    /// into its holder it cost two calls of `memcpy` per object. One copy of the pass, out of
    /// line (in the wasm build at this crate's opt-level 3). Finding a key by a hash of the
    /// table made at compile time instead of the walk of `known` was measured on 2026-12-05 and
    /// left out: about 13 instructions a key against about 15, and no fewer in all (callgrind,
    /// 2,000 many-small bodies: 61.02M before, 61.16M with it); the pass costs per object, not
    /// per key. Measured again in time (stop 54), as a perfect hash made by a `const fn`
    /// (length, first and last two bytes, a searched multiplier, 128 slots): though a branch
    /// simulator put 22% of all mispredicted branches in this walk, it was 2% slower on the
    /// 10,000 small bodies (medians 48.0 / 47.0 ms) and on 2,000 chat bodies (9.18 / 9.00 ms):
    /// the CPU predicts the walk's exit, and the hash's loads depend on each other. Left out too (stop 52, docs/performance.md): each key's signature compared with
    /// all of the table's at once (+8.5% instructions, 3-4% slower), and a short list of an
    /// object's usual keys searched first (more instructions, no faster).
    #[inline(never)]
    pub fn index_into(&self, known: &[&str], types: &[u8], ix: &mut Index<'a>) {
        debug_assert!(
            ix.count == 0 && ix.flagged.is_empty(),
            "an index made by `Index::empty`"
        );
        let tape = self.tape();
        // (WebAssembly takes this pass for every object: the second pass below would add 0.4 KB
        // gzip to its module)
        if cfg!(target_arch = "wasm32") || self.has_duplicates() {
            // each key once, with the value the server keeps (the last)
            let mut keys = self.keys();
            while let Some((k, at)) = keys.next_kept() {
                ix.note(tape, at, crate::text::find_key(k, known), types);
            }
            return;
        }
        // No key repeats: the entries in order, each key's bytes compared where they are (a
        // key in the text is not made a `&str` first, and no iterator of distinct keys is
        // built: measured, -1.2% of the native instructions of 2,000 small bodies).
        let src = tape.src.as_bytes();
        let (mut i, end) = self.span();
        while let (true, Some(&[k, v])) = (i < end, tape.nodes.get(i..i + 2)) {
            let place = if tape::tag(k) == tape::STR {
                let (from, len) = (tape::payload(k), tape::len(k));
                crate::text::find_bytes(src.get(from..from + len).unwrap_or_default(), known)
            } else {
                crate::text::find_key(tape.str_of(k), known)
            };
            ix.note(tape, i + 1, place, types);
            i = tape::skip(v, i + 1);
        }
    }

    /// The key and the value at `slot` (from an [`Index`] of this object).
    pub fn entry_at(&self, slot: Slot) -> (&'a str, Value<'a>) {
        let at = slot.0.get() as usize;
        let tape = self.tape();
        let key = tape.nodes.get(at - 1).copied().unwrap_or(tape::NULL);
        (tape.str_of(key), tape.value(at))
    }
}

/// The [`types`] bits a value's node has.
#[inline(always)]
fn type_bits(tape: &Tape<'_>, at: usize) -> u8 {
    match tape::tag(tape.nodes.get(at).copied().unwrap_or(tape::NULL)) {
        tape::NULL => types::NULL,
        tape::FALSE | tape::TRUE => types::BOOLEAN,
        tape::INT => types::NUMBER | types::INTEGER,
        tape::FLOAT => types::NUMBER,
        tape::STR | tape::ESC | tape::EXT => types::STRING,
        tape::ARRAY => types::ARRAY,
        _ => types::OBJECT,
    }
}

impl<'a> Index<'a> {
    /// An index of `obj` with no entries, for [`Object::index_into`].
    #[inline(always)]
    pub fn empty(obj: Object<'a>) -> Self {
        Index {
            obj,
            at: [None; MAX_KNOWN],
            order: [0; MAX_KNOWN],
            count: 0,
            flagged: Vec::new(),
        }
    }

    /// Record the entry whose value is the node `at`, at `place` of the table (`None`: an
    /// unknown key).
    #[inline(always)]
    fn note(&mut self, tape: &Tape<'_>, at: usize, place: Option<usize>, types: &[u8]) {
        let Some(slot) = NonZeroU32::new(at as u32).map(Slot) else {
            return;
        };
        let Some(i) = place else {
            self.flagged.push((slot, None));
            return;
        };
        if let (Some(p), Some(o)) = (
            self.at.get_mut(i),
            self.order.get_mut(usize::from(self.count)),
        ) {
            *p = Some(slot);
            *o = i as u8;
            self.count += 1;
        }
        if let Some(&t) = types.get(i) {
            if t & type_bits(tape, at) == 0 {
                self.flagged.push((slot, Some(i)));
            }
        }
    }

    /// The value of the known key at `i` of the table.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn nth(&self, i: usize) -> Option<Value<'a>> {
        let slot = self.at.get(i).copied().flatten()?;
        Some(self.obj.at(slot))
    }

    /// Whether the known key at `i` of the table is there with a string value, told from its
    /// node alone: an escaped string is not unescaped (see `Tape::lazy`), as reading it with
    /// [`Index::nth`] does.
    #[inline]
    pub fn is_string(&self, i: usize) -> bool {
        self.at.get(i).copied().flatten().is_some_and(|slot| {
            type_bits(self.obj.tape(), slot.0.get() as usize) & types::STRING != 0
        })
    }

    /// The places in the table of the known keys the object has, in the order of its keys.
    pub fn order(&self) -> &[u8] {
        self.order
            .get(..usize::from(self.count))
            .unwrap_or_default()
    }

    /// The entries to look at, in the order of the object's keys (read them with
    /// [`Object::entry_at`]): unknown keys (`None`), and known keys whose value is of none of
    /// their types (with their place in the table).
    pub fn flagged(&self) -> &[(Slot, Option<usize>)] {
        &self.flagged
    }
}
