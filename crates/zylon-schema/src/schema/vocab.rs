//! Writes `src/vocab/generated.rs`: the field tables of every object type of every request kind,
//! read off the exported JSON Schemas (and so off the typed model). `cargo xtask schemas`
//! writes the file; the test below fails when the committed file differs from what the model
//! gives.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Map, Value};

/// The request schemas whose object types the vocabulary holds.
const REQUEST_SCHEMAS: &[&str] = &[
    "chat-request",
    "project-chat-request",
    "interaction-request",
    "thread-create",
    "thread-update",
];

use crate::vocab::bits::{ANY, ARRAY, BOOLEAN, INTEGER, NUMBER, OBJECT, STRING};

/// What a property schema allows.
#[derive(Default, Clone, PartialEq, Debug)]
struct Allowed {
    types: u8,
    nullable: bool,
    values: Vec<String>,
}

fn type_bits(name: &str) -> (u8, bool) {
    match name {
        "string" => (STRING, false),
        "number" => (NUMBER | INTEGER, false),
        "integer" => (INTEGER, false),
        "boolean" => (BOOLEAN, false),
        "object" => (OBJECT, false),
        "array" => (ARRAY, false),
        "null" => (0, true),
        _ => (ANY, false),
    }
}

fn allowed(defs: &Map<String, Value>, v: &Value, depth: usize) -> Allowed {
    let mut a = Allowed::default();
    if depth > 16 {
        a.types = ANY;
        return a;
    }
    if let Some(name) = v
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        return defs
            .get(name)
            .map_or(Allowed { types: ANY, ..a }, |d| allowed(defs, d, depth + 1));
    }
    let mut constrained = false;
    match v.get("type") {
        Some(Value::String(t)) => {
            let (bits, null) = type_bits(t);
            a.types |= bits;
            a.nullable |= null;
            constrained = true;
        }
        Some(Value::Array(ts)) => {
            for t in ts.iter().filter_map(Value::as_str) {
                let (bits, null) = type_bits(t);
                a.types |= bits;
                a.nullable |= null;
            }
            constrained = true;
        }
        _ => {}
    }
    if let Some(c) = v.get("const").and_then(Value::as_str) {
        a.values.push(c.to_string());
    }
    if let Some(e) = v.get("enum").and_then(Value::as_array) {
        a.values
            .extend(e.iter().filter_map(Value::as_str).map(str::to_string));
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(branches) = v.get(key).and_then(Value::as_array) {
            let mut union = Allowed::default();
            for b in branches {
                let x = allowed(defs, b, depth + 1);
                union.types |= x.types;
                union.nullable |= x.nullable;
                // a branch of any string makes the union's values open
                if x.values.is_empty() && x.types & STRING != 0 {
                    union.values.clear();
                    union.values.push(String::from("\u{0}open"));
                } else if !union.values.iter().any(|s| s == "\u{0}open") {
                    union.values.extend(x.values);
                }
            }
            union.values.retain(|s| s != "\u{0}open");
            if constrained {
                a.types &= union.types;
                a.nullable &= union.nullable;
            } else {
                a.types = union.types;
                a.nullable = union.nullable;
            }
            if a.values.is_empty() {
                a.values = union.values;
            }
            constrained = true;
        }
    }
    if !constrained {
        // no constraint: any value, `null` included
        a.types = ANY;
        a.nullable = true;
    }
    a
}

/// One object type: its fields (name → allowed, required, server-only).
type Table = BTreeMap<String, (Allowed, bool, bool)>;

fn table(defs: &Map<String, Value>, v: &Value) -> Option<Table> {
    let props = v.get("properties")?.as_object()?;
    let required: Vec<&str> = v
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    Some(
        props
            .iter()
            .map(|(k, p)| {
                let server_only = p
                    .get("description")
                    .and_then(Value::as_str)
                    .is_some_and(|d| d.starts_with("Server-only"));
                (
                    k.clone(),
                    (
                        allowed(defs, p, 0),
                        required.contains(&k.as_str()),
                        server_only,
                    ),
                )
            })
            .collect(),
    )
}

fn const_name(type_name: &str) -> String {
    let mut out = String::new();
    for (i, c) in type_name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

fn types_expr(bits: u8) -> String {
    if bits == ANY {
        return "Types::ANY".into();
    }
    let names = [
        (STRING, "STRING"),
        (NUMBER, "NUMBER"),
        (INTEGER, "INTEGER"),
        (BOOLEAN, "BOOLEAN"),
        (OBJECT, "OBJECT"),
        (ARRAY, "ARRAY"),
    ];
    let parts: Vec<String> = names
        .iter()
        .filter(|(b, _)| bits & b != 0)
        .map(|(_, n)| format!("Types::{n}"))
        .collect();
    match parts.split_first() {
        None => "Types(0)".into(),
        Some((first, rest)) => rest
            .iter()
            .fold(first.clone(), |acc, p| format!("{acc}.or({p})")),
    }
}

fn str_list(values: &[String]) -> String {
    let items: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
    format!("&[{}]", items.join(", "))
}

/// The source of `src/vocab/generated.rs`.
pub fn render() -> Result<String, String> {
    let mut shapes: BTreeMap<String, Table> = BTreeMap::new();
    let mut enums: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut blocks: Vec<(String, String)> = Vec::new();
    for name in REQUEST_SCHEMAS {
        let root = super::get(name).ok_or_else(|| format!("no schema {name}"))?;
        let empty = Map::new();
        let defs = root
            .get("$defs")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let title = root
            .get("title")
            .and_then(Value::as_str)
            .ok_or("a schema without title")?;
        let mut found: Vec<(String, &Value)> = vec![(title.to_string(), &root)];
        found.extend(defs.iter().map(|(k, v)| (k.clone(), v)));
        for (type_name, def) in found {
            if let Some(t) = table(defs, def) {
                if let Some(seen) = shapes.get(&type_name) {
                    if *seen != t {
                        return Err(format!("two schemas disagree on `{type_name}`"));
                    }
                }
                shapes.insert(type_name, t);
            } else if def.get("type").and_then(Value::as_str) == Some("string") {
                if let Some(e) = def.get("enum").and_then(Value::as_array) {
                    let values = e.iter().filter_map(Value::as_str).map(String::from);
                    enums.insert(type_name, values.collect());
                }
            }
        }
        if let Some(variants) = defs
            .get("ContentBlock")
            .and_then(|c| c.get("oneOf"))
            .and_then(Value::as_array)
        {
            for v in variants {
                let Some(target) = v
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                else {
                    continue;
                };
                let tag = defs
                    .get(target)
                    .and_then(|d| d.pointer("/properties/type/const"))
                    .and_then(Value::as_str);
                if let Some(tag) = tag {
                    let entry = (tag.to_string(), target.to_string());
                    if !blocks.contains(&entry) {
                        blocks.push(entry);
                    }
                }
            }
        }
    }
    let mut out = String::from(
        "// @generated by `cargo xtask schemas` from the typed model's JSON Schemas\n\
         // (crates/zylon-schema/src/schema/vocab.rs). Do not edit: change the model.\n\
         #![allow(missing_docs)]\n\n\
         use super::{Names, Shape};\n",
    );
    for known in crate::vocab::SERVER_ONLY {
        if !shapes.contains_key(known.shape) {
            return Err(format!(
                "server_only.rs names `{}`, which the model does not have",
                known.shape
            ));
        }
    }
    let (mut fields_mod, mut names_mod) = (String::new(), String::new());
    for (type_name, fields) in &shapes {
        let extra = crate::vocab::SERVER_ONLY
            .iter()
            .find(|s| s.shape == type_name.as_str());
        let (ruled, free) = extra.map_or((&[][..], &[][..]), |s| (s.ruled, s.free));
        for (field, (_, _, server_only)) in fields {
            let listed = ruled.contains(&field.as_str()) || free.contains(&field.as_str());
            if *server_only && !listed {
                return Err(format!("`{type_name}.{field}` is server-only in the model but not in vocab/server_only.rs"));
            }
            if !*server_only && listed {
                return Err(format!("`{type_name}.{field}` is a Workspace field of the model but vocab/server_only.rs lists it"));
            }
        }
        let c = const_name(type_name);
        let _ = write!(
            out,
            "\n/// The fields of `{type_name}`.\npub const {c}: Shape = Shape {{\n    name: {type_name:?},\n    fields: fields::{c},\n    names: names::{c},\n}};\n"
        );
        let _ = writeln!(
            fields_mod,
            "\n    /// The fields of `{type_name}`.\n    pub const {c}: &[Field] = &["
        );
        for (field, (a, required, server_only)) in fields {
            let _ = writeln!(
                fields_mod,
                "        Field {{ name: {field:?}, types: {}, required: {required}, nullable: {}, values: {}, server_only: {server_only} }},",
                types_expr(a.types),
                a.nullable,
                str_list(&a.values)
            );
        }
        fields_mod.push_str("    ];\n");
        let names = |l: &[&str]| str_list(&l.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let known: Vec<String> = fields
            .iter()
            .filter(|(_, (_, _, server_only))| !server_only)
            .map(|(name, _)| name.clone())
            .chain(ruled.iter().map(|s| s.to_string()))
            .collect();
        let types: Vec<String> = fields
            .values()
            .filter(|(_, _, server_only)| !server_only)
            .map(|(a, required, _)| {
                let nullable = if a.nullable { 64 } else { 0 };
                let required = if *required { 128 } else { 0 };
                (a.types | nullable | required).to_string()
            })
            .collect();
        let _ = write!(
            names_mod,
            "\n    /// The names of `{type_name}`.\n    pub const {c}: Names = Names {{\n        known: {},\n        ruled: {},\n        free: {},\n        types: &[{}],\n    }};\n",
            str_list(&known),
            names(ruled),
            names(free),
            types.join(", ")
        );
    }
    for (type_name, values) in &enums {
        let _ = write!(
            out,
            "\n/// The values of `{type_name}`.\npub const {}: &[&str] = {};\n",
            const_name(type_name),
            str_list(values)
        );
    }
    out.push_str(
        "\n/// Every object type of the request kinds.\npub const SHAPES: &[&Shape] = &[\n",
    );
    for type_name in shapes.keys() {
        let _ = writeln!(out, "    &{},", const_name(type_name));
    }
    out.push_str("];\n\n/// The Workspace content blocks: tag and shape.\npub const BLOCKS: &[(&str, &Shape)] = &[\n");
    for (tag, type_name) in &blocks {
        let _ = writeln!(out, "    ({tag:?}, &{}),", const_name(type_name));
    }
    out.push_str("];\n\n/// The names of the Workspace content blocks, by tag (what the validator reads).\npub const BLOCK_NAMES: &[(&str, Names)] = &[\n");
    for (tag, type_name) in &blocks {
        let _ = writeln!(out, "    ({tag:?}, names::{}),", const_name(type_name));
    }
    out.push_str("];\n");
    // separate modules: a build that only validates keeps the names it reads, not whole shapes
    // (a constant's field read from a larger constant keeps the whole of it)
    let _ = write!(
        out,
        "\n/// The field tables, by object type.\npub mod fields {{\n    use crate::vocab::{{Field, Types}};\n{fields_mod}}}\n\n/// The names the validator's unknown-field check reads, by object type.\npub mod names {{\n    use crate::vocab::Names;\n{names_mod}}}\n"
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    /// The committed tables are what the model gives: a field added to the model reaches the
    /// validator through `cargo xtask schemas`, and nothing else is edited by hand.
    #[test]
    fn generated_tables_match_the_model() {
        let fresh = super::render().expect("render");
        let committed = include_str!("../vocab/generated.rs");
        assert!(
            fresh == committed,
            "src/vocab/generated.rs is out of date: run `cargo xtask schemas`"
        );
    }
}
