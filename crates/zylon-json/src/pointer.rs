//! JSON Pointers resolved against one tree, many at a time.

use crate::pointer_segment;
use crate::value::{Array, Value};

/// Arrays with at least this many items are indexed on first use (shorter ones are stepped
/// through: an index would cost more than it saves).
const INDEX_FROM: usize = 64;

/// Resolves JSON Pointers in one tree. [`Value::pointer`] steps through an array's items to
/// reach an index (the tape stores no item offsets), which is quadratic for many pointers into
/// one long array (a fix per message of a body of a million messages); this keeps the item
/// nodes of each long array it passes through, so each later index is one lookup.
pub struct Resolver<'a> {
    root: Value<'a>,
    /// Item nodes of the long arrays met so far, by the node of their first item (few: a
    /// body has few arrays of 64 items or more).
    arrays: Vec<(u32, Vec<u32>)>,
    /// Whether to index long arrays (not for a single pointer).
    index: bool,
}

impl<'a> Resolver<'a> {
    /// A resolver for pointers into `root`.
    pub fn new(root: Value<'a>) -> Self {
        Resolver {
            root,
            arrays: Vec::new(),
            index: true,
        }
    }

    /// A resolver for one pointer (steps through arrays, keeps nothing).
    pub(crate) fn once(root: Value<'a>) -> Self {
        Resolver {
            index: false,
            ..Resolver::new(root)
        }
    }

    /// The value `pointer` names (the same answer as [`Value::pointer`]).
    pub fn pointer(&mut self, pointer: &str) -> Option<Value<'a>> {
        if pointer.is_empty() {
            return Some(self.root);
        }
        let mut v = self.root;
        let mut rest = Some(pointer.strip_prefix('/')?);
        while let Some(path) = rest {
            let (seg, after) = match crate::text::split_once_byte(path, b'/') {
                Some((seg, after)) => (seg, Some(after)),
                None => (path, None),
            };
            rest = after;
            let seg = pointer_segment(seg);
            v = match v {
                Value::Object(o) => o.get(&seg)?,
                Value::Array(a) => self.item(a, seg.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(v)
    }

    fn item(&mut self, a: Array<'a>, index: usize) -> Option<Value<'a>> {
        if !self.index || a.len() < INDEX_FROM || index >= a.len() {
            return a.get(index);
        }
        let key = a.first_node();
        let at = match self.arrays.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                self.arrays.push((key, a.item_nodes()));
                self.arrays.len() - 1
            }
        };
        let node = *self.arrays.get(at)?.1.get(index)?;
        Some(a.item_at(node))
    }
}
