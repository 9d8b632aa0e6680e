//! The accumulator's own JSON values: objects as lists of entries in the order they arrived,
//! numbers as the text they were written with.
//!
//! The faces (npm, Python) only ever want the accumulated message and events as JSON text, so
//! this is all they need. With `serde_json::Value` (its B-tree maps, serializer and float
//! printer) the stream functions were 15.1 KB of the gzipped WebAssembly module (122,155 bytes
//! with them, 107,059 without); with this type it was 118,698 bytes when it came in. Rust callers still
//! get `serde_json::Value`s ([`Json::to_value`]), the same ones as before.
//!
//! Written as JSON text, a value keeps the server's key order and number spelling (`1e2` stays
//! `1e2`); as a `Value`, numbers read as serde_json reads them and keys sort as its maps do.

use zylon_json::StrIndex;

use serde_json::{Map, Value};

use crate::check::write_json_string as write_string;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    /// A number literal as written (checked by the reader: finite, as serde_json requires).
    Num(Box<str>),
    Str(String),
    Arr(Vec<Json>),
    Obj(Obj),
}

/// An object: its entries in arrival order, each key once (a later value replaces an earlier
/// one in its place, as serde_json's maps keep the last value).
#[derive(Debug, Default, Clone)]
pub(crate) struct Obj {
    entries: Vec<(String, Json)>,
    /// Where each key is, once the object has more than [`SCAN_UP_TO`] entries (a hostile
    /// stream's object of 100,000 keys, merged or extended key by key, stays linear).
    index: StrIndex,
}

/// Up to this many entries a key is found by a scan.
const SCAN_UP_TO: usize = 16;

impl PartialEq for Obj {
    fn eq(&self, other: &Obj) -> bool {
        self.entries == other.entries
    }
}

impl Obj {
    /// Entries whose keys may repeat, the last value of a key kept at its first place.
    pub(crate) fn from_entries(entries: Vec<(String, Json)>, may_repeat: bool) -> Self {
        if may_repeat {
            // one key at a time, as the accumulator's own inserts go
            let mut o = Obj::default();
            for (k, v) in entries {
                match o.position(&k) {
                    Some(i) => o.entries[i].1 = v,
                    None => {
                        o.push(k, v);
                    }
                }
            }
            return o;
        }
        let mut o = Obj {
            entries,
            index: StrIndex::new(),
        };
        if o.entries.len() > SCAN_UP_TO {
            o.reindex();
        }
        o
    }

    /// Index every key (the object has just grown past [`SCAN_UP_TO`]).
    fn reindex(&mut self) {
        self.index.clear();
        for (i, (k, _)) in self.entries.iter().enumerate() {
            self.index.insert(k, i);
        }
    }

    fn position(&self, key: &str) -> Option<usize> {
        if self.entries.len() > SCAN_UP_TO {
            let entries = &self.entries;
            return self.index.find(key, |i| entries[i].0.as_str());
        }
        self.entries.iter().position(|(k, _)| k == key)
    }

    /// Append an entry whose key is not present; its place.
    fn push(&mut self, key: String, value: Json) -> usize {
        let at = self.entries.len();
        if at > SCAN_UP_TO {
            self.index.insert(&key, at);
        }
        self.entries.push((key, value));
        if at == SCAN_UP_TO {
            self.reindex();
        }
        at
    }

    /// The value of `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        self.position(key).map(|i| &self.entries[i].1)
    }

    /// The value of `key`, to change.
    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        self.position(key).map(|i| &mut self.entries[i].1)
    }

    /// Whether `key` is present.
    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// Set `key` (in its place if present, else at the end).
    pub(crate) fn insert(&mut self, key: &str, value: Json) {
        match self.position(key) {
            Some(i) => self.entries[i].1 = value,
            None => {
                self.push(key.to_string(), value);
            }
        }
    }

    /// The value of `key`, made by `default` first if absent.
    pub(crate) fn slot(&mut self, key: &str, default: impl FnOnce() -> Json) -> &mut Json {
        let i = match self.position(key) {
            Some(i) => i,
            None => self.push(key.to_string(), default()),
        };
        &mut self.entries[i].1
    }

    /// The entries in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &Json)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Append the object as compact JSON text.
    pub(crate) fn write(&self, out: &mut String) {
        out.push('{');
        for (n, (k, v)) in self.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            write_string(out, k);
            out.push(':');
            v.write(out);
        }
        out.push('}');
    }
}

impl Json {
    /// An empty array.
    pub(crate) fn array() -> Json {
        Json::Arr(Vec::new())
    }

    /// An empty object.
    pub(crate) fn object() -> Json {
        Json::Obj(Obj::default())
    }

    /// A string.
    pub(crate) fn str(s: &str) -> Json {
        Json::Str(s.to_string())
    }

    /// An object of string members, in this order.
    pub(crate) fn with(members: &[(&str, Json)]) -> Json {
        let entries = members.iter().map(|(k, v)| (k.to_string(), v.clone()));
        Json::Obj(Obj::from_entries(entries.collect(), false))
    }

    /// The member `key` of an object.
    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(o) => o.get(key),
            _ => None,
        }
    }

    /// The text of a string.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The items of an array, to change.
    pub(crate) fn as_array_mut(&mut self) -> Option<&mut Vec<Json>> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }

    /// The entries of an object, to change.
    pub(crate) fn as_object_mut(&mut self) -> Option<&mut Obj> {
        match self {
            Json::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// Append compact JSON text.
    pub(crate) fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => out.push_str(n),
            Json::Str(s) => write_string(out, s),
            Json::Arr(items) => write_list(items, out),
            Json::Obj(o) => o.write(out),
        }
    }

    /// As compact JSON text.
    #[cfg(test)]
    pub(crate) fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// As a `serde_json::Value` (numbers as serde_json reads them).
    pub(crate) fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Num(n) => super::data::number(n).unwrap_or(Value::Null),
            Json::Str(s) => Value::String(s.clone()),
            Json::Arr(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Obj(o) => Value::Object(obj_to_map(o)),
        }
    }

    /// From a `serde_json::Value`.
    pub(crate) fn from_value(v: &Value) -> Json {
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Num(n.to_string().into()),
            Value::String(s) => Json::Str(s.clone()),
            Value::Array(items) => Json::Arr(items.iter().map(Json::from_value).collect()),
            Value::Object(m) => {
                let entries = m.iter().map(|(k, v)| (k.clone(), Json::from_value(v)));
                Json::Obj(Obj::from_entries(entries.collect(), false))
            }
        }
    }
}

/// An object as a serde_json map.
pub(crate) fn obj_to_map(o: &Obj) -> Map<String, Value> {
    o.iter()
        .map(|(k, v)| (k.to_string(), v.to_value()))
        .collect()
}

/// Append a list of values as a JSON array.
fn write_list(items: &[Json], out: &mut String) {
    out.push('[');
    for (n, v) in items.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        v.write(out);
    }
    out.push(']');
}

/// A list of values as a JSON array text.
pub(crate) fn list_to_text(list: &[Json]) -> String {
    let mut out = String::new();
    write_list(list, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_keeps_its_first_place_and_last_value() {
        let e = |k: &str, n: &str| (k.to_string(), Json::Num(n.into()));
        let o = Obj::from_entries(
            vec![e("b", "1"), e("a", "2"), e("b", "3"), e("b", "4")],
            true,
        );
        assert_eq!(Json::Obj(o).to_text(), r#"{"b":4,"a":2}"#);
        let o = Obj::from_entries(vec![e("b", "1"), e("b", "2")], false);
        assert_eq!(
            o.iter().count(),
            2,
            "not deduplicated when the reader saw no repeat"
        );
    }

    #[test]
    fn insert_and_slot_keep_places() {
        let mut o = Obj::default();
        o.insert("z", Json::Null);
        o.insert("a", Json::Bool(true));
        o.insert("z", Json::str("x\"y"));
        o.slot("a", || Json::Null);
        o.slot("m", Json::array);
        assert_eq!(
            Json::Obj(o.clone()).to_text(),
            r#"{"z":"x\"y","a":true,"m":[]}"#
        );
        assert!(o.contains_key("m") && !o.contains_key("q"));
        assert_eq!(
            Json::Obj(o).to_value(),
            serde_json::json!({"a": true, "m": [], "z": "x\"y"})
        );
    }

    /// Past `SCAN_UP_TO` entries keys are found through the index, built when the object
    /// grows past it or is read that large; the answers are the same.
    #[test]
    fn large_objects_find_keys_through_their_index() {
        let key = |i: usize| format!("k{i}");
        let mut grown = Obj::default();
        for i in 0..100 {
            grown.insert(&key(i), Json::Num(i.to_string().into()));
        }
        grown.insert("k3", Json::Null);
        *grown.slot("k99", Json::array) = Json::Bool(true);
        grown.slot("new", Json::array);
        let read = Obj::from_entries(grown.entries.clone(), true);
        for o in [&grown, &read] {
            assert_eq!(o.iter().count(), 101);
            assert_eq!(o.get("k3"), Some(&Json::Null));
            assert_eq!(o.get("k50"), Some(&Json::Num("50".into())));
            assert_eq!(o.get("k99"), Some(&Json::Bool(true)));
            assert_eq!(o.get("new"), Some(&Json::array()));
            assert!(o.get("k100").is_none() && !o.contains_key("x"));
            assert_eq!(o.iter().nth(100).map(|(k, _)| k), Some("new"));
        }
        let mut entries: Vec<(String, Json)> = (0..40)
            .map(|i| (key(i % 20), Json::Num(i.to_string().into())))
            .collect();
        entries.push(("k0".into(), Json::Null));
        let o = Obj::from_entries(entries, true);
        assert_eq!(o.iter().count(), 20);
        assert_eq!(o.get("k0"), Some(&Json::Null));
        assert_eq!(o.get("k19"), Some(&Json::Num("39".into())));
    }

    #[test]
    fn values_convert_both_ways() {
        let v = serde_json::json!({"n": [1, -2, 1.5, 18446744073709551615u64], "s": "é\n", "o": {"t": null, "f": false}});
        assert_eq!(Json::from_value(&v).to_value(), v);
        let back: Value = serde_json::from_str(&Json::from_value(&v).to_text()).unwrap();
        assert_eq!(back, v);
    }
}
