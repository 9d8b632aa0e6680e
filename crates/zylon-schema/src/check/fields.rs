//! An object read through its vocabulary table: the pass that checks every key against the
//! table ([`Ctx::unknown_fields`](super::ctx::Ctx::unknown_fields)) keeps where each known
//! field's value is, and the rules read the fields by their place in the table instead of
//! looking each one up among the object's keys again.

use crate::check::json::{Object, Value};
use crate::vocab::Names;
use zylon_json::Slot;

/// The most fields of a table that can be read by [`Key`] (a test checks every table fits).
pub(crate) const MAX: usize = 32;

/// A field of one vocabulary table: its place in [`Names::known`], and its name.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Key {
    index: u8,
    /// The field's name.
    pub(crate) name: &'static str,
}

impl Key {
    /// The field `name` of the table `names`. Meant for constants: a name the table does not
    /// know, or one past [`MAX`], fails the build.
    pub(crate) const fn of(names: &Names, name: &'static str) -> Key {
        let mut i = 0;
        while i < names.known.len() {
            if const_eq(names.known[i], name) {
                assert!(
                    i < MAX,
                    "a field past fields::MAX cannot be read by its place"
                );
                return Key {
                    index: i as u8,
                    name,
                };
            }
            i += 1;
        }
        panic!("not a field of this table");
    }
}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// An object with the places of the values of its known fields (the value the server keeps
/// when a key is repeated, as [`Object::get`] gives).
#[derive(Clone, Copy)]
pub(crate) struct Fields<'a> {
    obj: Object<'a>,
    /// The table's names, to check that a [`Key`] is one of its fields (in debug builds).
    #[cfg(debug_assertions)]
    known: &'static [&'static str],
    at: [Option<Slot>; MAX],
    /// The places in the table of the fields there, in the order of the object's keys.
    order: [u8; MAX],
    count: u8,
}

impl<'a> Fields<'a> {
    /// No field of `obj` recorded yet.
    pub(crate) fn new(obj: Object<'a>, names: &Names) -> Self {
        let _ = names; // read in debug builds only
        Fields {
            obj,
            #[cfg(debug_assertions)]
            known: names.known,
            at: [None; MAX],
            order: [0; MAX],
            count: 0,
        }
    }

    /// Record that the field at `index` of the table is at `slot` (once per field, in the
    /// order of the object's keys).
    #[inline]
    pub(crate) fn set(&mut self, index: usize, slot: Slot) {
        if let (Some(at), Some(o)) = (
            self.at.get_mut(index),
            self.order.get_mut(usize::from(self.count)),
        ) {
            *at = Some(slot);
            *o = index as u8;
            self.count += 1;
        }
    }

    /// The places in the table of the fields there (those [`Key`] can name), in the order of
    /// the object's keys: [`Fields::nth`] reads them.
    pub(crate) fn order(&self) -> &[u8] {
        self.order
            .get(..usize::from(self.count))
            .unwrap_or_default()
    }

    /// The value of the field `key`.
    #[inline(always)]
    pub(crate) fn get(&self, key: Key) -> Option<Value<'a>> {
        #[cfg(debug_assertions)]
        assert_eq!(
            self.known.get(usize::from(key.index)),
            Some(&key.name),
            "a key of another table"
        );
        self.nth(usize::from(key.index))
    }

    /// The value of the field at `index` of the table (one copy in the size-optimised wasm
    /// build).
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn nth(&self, index: usize) -> Option<Value<'a>> {
        let slot = self.at.get(index).copied().flatten()?;
        Some(self.obj.at(slot))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab;

    #[test]
    fn every_table_fits() {
        for shape in vocab::SHAPES {
            assert!(
                shape.names.known.len() <= MAX,
                "{} has {} known fields: raise fields::MAX",
                shape.name,
                shape.names.known.len()
            );
        }
    }

    #[test]
    fn fields_read_as_lookups_do() {
        let names = vocab::names::MESSAGE_INPUT;
        let text = r#"{"role":"user","x":[1,{"role":2}],"content":"a","role":"assistant"}"#;
        let arena = zylon_json::Arena::new();
        let doc = zylon_json::parse(text, 8, &arena).unwrap();
        let obj = doc.value.as_object().unwrap();
        let mut f = Fields::new(obj, &names);
        let mut it = obj.iter();
        while let Some((k, v, slot)) = it.next_slot() {
            assert_eq!(obj.at(slot), v);
            if let Some(i) = names.known.iter().position(|n| *n == k) {
                f.set(i, slot);
            }
        }
        for name in ["role", "content", "_meta"] {
            let key = Key::of(&names, name);
            assert_eq!(f.get(key), obj.get(name), "{name}");
        }
        assert_eq!(
            f.get(Key::of(&names, "role")).and_then(Value::as_str),
            Some("assistant")
        );
        let order: Vec<_> = f
            .order()
            .iter()
            .map(|&i| names.known[usize::from(i)])
            .collect();
        assert_eq!(order, ["role", "content"]);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "a key of another table")]
    fn a_key_of_another_table_is_caught() {
        let arena = zylon_json::Arena::new();
        let doc = zylon_json::parse(r#"{"role":"user"}"#, 8, &arena).unwrap();
        let f = Fields::new(doc.value.as_object().unwrap(), &vocab::names::MESSAGE_INPUT);
        let _ = f.get(Key::of(&vocab::names::CHAT_REQUEST, "messages"));
    }
}
