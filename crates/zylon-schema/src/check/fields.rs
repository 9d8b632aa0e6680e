//! An object read through its vocabulary table: the pass that checks every key against the
//! table ([`Ctx::unknown_fields`](super::ctx::Ctx::unknown_fields)) keeps where each known
//! field's value is, and the rules read the fields by their place in the table instead of
//! looking each one up among the object's keys again.

use crate::check::json::{Index, Object, Value};
use crate::vocab::Names;

/// The most fields of a table that can be read by [`Key`] (a test checks every table fits).
pub(crate) const MAX: usize = zylon_json::MAX_KNOWN;

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

/// One field as the rules' helpers read it (`str_field`, `bool_field`, ...): its name, for
/// paths and messages, and its value, `None` when the object does not have it.
#[derive(Clone, Copy)]
pub(crate) struct Field<'a> {
    /// The field's name.
    pub(crate) name: &'a str,
    /// Its value.
    pub(crate) value: Option<Value<'a>>,
}

impl<'a> Field<'a> {
    /// The field `name` of `obj`, looked up.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn of(obj: &Object<'a>, name: &'a str) -> Self {
        Field {
            name,
            value: obj.get(name),
        }
    }
}

/// An object with the places of the values of its known fields (the value the server keeps
/// when a key is repeated, as [`Object::get`](crate::check::json::Object::get) gives): the
/// [`Index`] of the table pass, read by [`Key`].
pub(crate) struct Fields<'a> {
    ix: Index<'a>,
    /// The table's names, to check that a [`Key`] is one of its fields (in debug builds).
    #[cfg(debug_assertions)]
    known: &'static [&'static str],
}

// The table's type bytes are read by `zylon_json::Object::index_into` (`vocab::bits` are its bits):
// its `null` bit is the tables' `NULLABLE`.
const _: () = assert!(Names::NULLABLE == zylon_json::types::NULL);

impl<'a> Fields<'a> {
    /// The fields of `obj` by the table `names`, without checking its keys (for an object whose
    /// keys another table checks, or none: a `server_tool_use` block read by the names of a
    /// `tool_use` block).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn of(obj: &Object<'a>, names: &Names) -> Self {
        // (built in place: an `Index` made first and moved in cost a `memcpy` of its ~200
        // bytes at three of the seven places a small body's rules index an object)
        let mut f = Fields {
            ix: Index::empty(*obj),
            #[cfg(debug_assertions)]
            known: names.known,
        };
        obj.index_into(names.known, names.types, &mut f.ix);
        f
    }

    /// The entries the table pass flagged (see [`Index::flagged`]).
    pub(crate) fn flagged(&self) -> &[(zylon_json::Slot, Option<usize>)] {
        self.ix.flagged()
    }

    /// The places in the table of the fields there (those [`Key`] can name), in the order of
    /// the object's keys: [`Fields::nth`] reads them.
    pub(crate) fn order(&self) -> &[u8] {
        self.ix.order()
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

    /// Whether the field `key` is there with a string value (an escaped string is not
    /// unescaped to tell: for rules that need no more than its type).
    #[inline(always)]
    pub(crate) fn is_string(&self, key: Key) -> bool {
        #[cfg(debug_assertions)]
        assert_eq!(
            self.known.get(usize::from(key.index)),
            Some(&key.name),
            "a key of another table"
        );
        self.ix.is_string(usize::from(key.index))
    }

    /// The field `key`, for the rules' helpers.
    #[inline(always)]
    pub(crate) fn field(&self, key: Key) -> Field<'a> {
        Field {
            name: key.name,
            value: self.get(key),
        }
    }

    /// The value of the field at `index` of the table (one copy in the size-optimised wasm
    /// build).
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn nth(&self, index: usize) -> Option<Value<'a>> {
        self.ix.nth(index)
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
        let text =
            r#"{"role":"user","x":[1,{"role":2}],"content":7,"role":"assistant","_meta":null}"#;
        let arena = zylon_json::Arena::new();
        let doc = zylon_json::parse(text, 8, &arena).unwrap();
        let obj = doc.value.as_object().unwrap();
        let f = Fields::of(&obj, &names);
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
        assert_eq!(order, ["role", "content", "_meta"]);
        // flagged: the unknown `x`, `content` (a number, not a string or an array); not the
        // nullable `_meta`; in the order of the keys
        let flagged: Vec<_> =
            f.ix.flagged()
                .iter()
                .map(|&(s, place)| (obj.entry_at(s).0, place))
                .collect();
        assert_eq!(flagged, [("x", None), ("content", Some(1))]);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "a key of another table")]
    fn a_key_of_another_table_is_caught() {
        let arena = zylon_json::Arena::new();
        let doc = zylon_json::parse(r#"{"role":"user"}"#, 8, &arena).unwrap();
        let obj = doc.value.as_object().unwrap();
        let names = vocab::names::MESSAGE_INPUT;
        let f = Fields::of(&obj, &names);
        let _ = f.get(Key::of(&vocab::names::CHAT_REQUEST, "messages"));
    }
}
