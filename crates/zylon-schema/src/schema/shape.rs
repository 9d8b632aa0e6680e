//! The passes that turn what schemars generates into schemas code generators read well
//! (quicktype, datamodel-code-generator, json-schema-to-typescript) and strict validators accept
//! (ajv's defaults):
//!
//! * every variant of a tagged union is a `$defs` entry of its own that holds its `type` tag
//!   and all its fields, and the union is a `oneOf` of `$ref`s (schemars writes a variant as
//!   `{"$ref": ..., "properties": {"type": {"const": ...}}}`: its fields in one place, its tag
//!   in another, which generators drop);
//! * a `oneOf` of documented string constants is an `enum` (generators make one class per
//!   branch of it);
//! * every definition has its name as `title`;
//! * no `format` (schemars writes `double`, `uint`, which no validator knows).

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

/// The `$defs` prefix of a local reference.
const DEFS: &str = "#/$defs/";

/// All passes, on a root schema whose type is called `root_name`.
pub(super) fn for_codegen(root: &mut Value, root_name: &str) {
    drop_formats(root);
    constant_unions_as_enums(root);
    hoist_variants(root, root_name);
    drop_unused_defs(root);
    name_defs(root);
}

/// `format` keywords (a property called `format` is an object and stays).
fn drop_formats(v: &mut Value) {
    match v {
        Value::Object(o) => {
            if o.get("format").is_some_and(Value::is_string) {
                o.remove("format");
            }
            o.values_mut().for_each(drop_formats);
        }
        Value::Array(a) => a.iter_mut().for_each(drop_formats),
        _ => {}
    }
}

/// The constant of a branch made only of `const` (with its `type` and `description`).
fn constant_branch(b: &Value) -> Option<(&Value, Option<&str>)> {
    let o = b.as_object()?;
    let c = o.get("const")?;
    let only = o
        .keys()
        .all(|k| matches!(k.as_str(), "const" | "type" | "description"));
    only.then(|| (c, o.get("description").and_then(Value::as_str)))
}

/// `{"oneOf": [{"const": "a", "description": ...}, ...]}` → `{"type": "string", "enum": [...]}`,
/// the branches' descriptions listed in the union's.
fn constant_unions_as_enums(v: &mut Value) {
    match v {
        Value::Object(o) => {
            let consts: Option<Vec<(Value, Option<String>)>> = o
                .get("oneOf")
                .and_then(Value::as_array)
                .filter(|a| !a.is_empty())
                .and_then(|a| {
                    a.iter()
                        .map(|b| constant_branch(b).map(|(c, d)| (c.clone(), d.map(String::from))))
                        .collect()
                });
            if let Some(consts) = consts {
                o.remove("oneOf");
                let strings = consts.iter().all(|(c, _)| c.is_string());
                if strings {
                    o.insert("type".into(), Value::from("string"));
                }
                let listed: Vec<String> = consts
                    .iter()
                    .filter_map(|(c, d)| Some(format!("* `{}`: {}", c.as_str()?, d.as_deref()?)))
                    .collect();
                if !listed.is_empty() {
                    let head = o.get("description").and_then(Value::as_str).unwrap_or("");
                    let text = if head.is_empty() {
                        listed.join("\n")
                    } else {
                        format!("{head}\n\n{}", listed.join("\n"))
                    };
                    o.insert("description".into(), Value::from(text));
                }
                o.insert(
                    "enum".into(),
                    Value::Array(consts.into_iter().map(|(c, _)| c).collect()),
                );
            }
            o.values_mut().for_each(constant_unions_as_enums);
        }
        Value::Array(a) => a.iter_mut().for_each(constant_unions_as_enums),
        _ => {}
    }
}

/// The single `type` tag a union branch declares in place (`properties.type.const`).
fn own_tag(branch: &Value) -> Option<&str> {
    branch
        .get("properties")?
        .get("type")?
        .get("const")?
        .as_str()
}

/// `text_delta` → `TextDelta`.
fn pascal(tag: &str) -> String {
    tag.split(['_', '-', '.'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The last word of a PascalCase name (`ContentBlock` → `Block`).
fn last_word(name: &str) -> &str {
    let start = name
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_uppercase())
        .map_or(0, |(i, _)| i);
    &name[start..]
}

/// The name of the variant tagged `tag` of the union `union` (`image` of `ContentBlock` →
/// `ImageBlock`; `text_delta` of `ContentBlockDelta` → `TextDelta`).
fn variant_name(tag: &str, union: &str) -> String {
    let base = pascal(tag);
    let suffix = last_word(union);
    if base.ends_with(suffix) {
        base
    } else {
        format!("{base}{suffix}")
    }
}

/// How often each definition is referenced.
fn ref_counts(v: &Value, out: &mut HashMap<String, usize>) {
    match v {
        Value::Object(o) => {
            if let Some(name) = o
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix(DEFS))
            {
                *out.entry(name.to_string()).or_default() += 1;
            }
            o.values().for_each(|c| ref_counts(c, out));
        }
        Value::Array(a) => a.iter().for_each(|c| ref_counts(c, out)),
        _ => {}
    }
}

/// A variant with its tag in place: the `type` property first, required.
fn with_tag(mut def: Map<String, Value>, tag_schema: Value, description: Option<Value>) -> Value {
    let mut props = Map::new();
    props.insert("type".into(), tag_schema);
    if let Some(Value::Object(old)) = def.remove("properties") {
        props.extend(old.into_iter().filter(|(k, _)| k != "type"));
    }
    def.insert("properties".into(), Value::Object(props));
    let mut required = vec![Value::from("type")];
    if let Some(Value::Array(old)) = def.remove("required") {
        required.extend(old.into_iter().filter(|r| r != "type"));
    }
    def.insert("required".into(), Value::Array(required));
    def.insert("type".into(), Value::from("object"));
    if let Some(d) = description {
        def.insert("description".into(), d);
    }
    Value::Object(def)
}

/// Every tagged branch of every union becomes a definition of its own (see the module docs).
fn hoist_variants(root: &mut Value, root_name: &str) {
    let mut counts = HashMap::new();
    ref_counts(root, &mut counts);
    let defs: Map<String, Value> = root
        .get("$defs")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut new_defs: BTreeMap<String, Value> = BTreeMap::new();
    // the unions: each definition, and the root itself
    let mut places: Vec<(String, Option<String>)> =
        defs.keys().map(|k| (k.clone(), Some(k.clone()))).collect();
    places.push((root_name.to_string(), None));
    for (union, key) in places {
        let node = match &key {
            Some(k) => root.get_mut("$defs").and_then(|d| d.get_mut(k)),
            None => Some(&mut *root),
        };
        let Some(Value::Object(node)) = node else {
            continue;
        };
        for kw in ["oneOf", "anyOf"] {
            let Some(Value::Array(branches)) = node.get_mut(kw) else {
                continue;
            };
            for b in branches.iter_mut() {
                let Some(tag) = own_tag(b).map(String::from) else {
                    continue;
                };
                let Some(o) = b.as_object() else { continue };
                let tag_schema = o["properties"]["type"].clone();
                let description = o.get("description").cloned();
                let (name, def) = match o.get("$ref").and_then(Value::as_str) {
                    Some(r) => {
                        let target = r.strip_prefix(DEFS).unwrap_or(r).to_string();
                        let Some(Value::Object(body)) = defs.get(&target) else {
                            continue;
                        };
                        let desc = description.or_else(|| body.get("description").cloned());
                        if counts.get(&target) == Some(&1) {
                            (target, with_tag(body.clone(), tag_schema, desc))
                        } else {
                            (
                                variant_name(&tag, &union),
                                with_tag(body.clone(), tag_schema, desc),
                            )
                        }
                    }
                    None => {
                        let mut body = o.clone();
                        body.remove("description");
                        (
                            variant_name(&tag, &union),
                            with_tag(body, tag_schema, description),
                        )
                    }
                };
                let own = o
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(|r| r.strip_prefix(DEFS));
                let taken = new_defs.contains_key(&name)
                    || (defs.contains_key(&name) && own != Some(name.as_str()));
                let name = if taken {
                    format!("{union}{}", pascal(&tag))
                } else {
                    name
                };
                *b = serde_json::json!({ "$ref": format!("{DEFS}{name}") });
                new_defs.insert(name, def);
            }
            // branches that are all references to tagged variants: exactly one matches
            if kw == "anyOf" {
                if let Some(any) = node.remove("anyOf") {
                    let key = if tagged(&any, &new_defs, &defs) {
                        "oneOf"
                    } else {
                        "anyOf"
                    };
                    node.insert(key.into(), any);
                }
            }
        }
    }
    if let Some(Value::Object(d)) = root.get_mut("$defs") {
        d.extend(new_defs);
    }
}

/// Every branch of `branches` is a reference to a definition with a distinct `type` tag.
fn tagged(branches: &Value, new: &BTreeMap<String, Value>, old: &Map<String, Value>) -> bool {
    let mut seen = std::collections::HashSet::new();
    branches.as_array().is_some_and(|a| {
        a.iter().all(|b| {
            let Some(name) = b
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix(DEFS))
            else {
                return false;
            };
            let def = new.get(name).or_else(|| old.get(name));
            let lookup = |n: &str| new.get(n).or_else(|| old.get(n));
            def.and_then(|d| tags(d, &lookup))
                .is_some_and(|t| t.into_iter().all(|x| seen.insert(x)))
        })
    })
}

/// The tags a variant definition accepts (`const`, or `enum` also through a `$ref`).
pub(super) fn tags<'a>(
    def: &'a Value,
    lookup: &dyn Fn(&str) -> Option<&'a Value>,
) -> Option<Vec<String>> {
    let mut t = def.get("properties")?.get("type")?;
    // `#/$defs/X` or `#/components/schemas/X`
    if let Some(name) = t
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit_once('/'))
        .map(|(_, n)| n)
    {
        t = lookup(name)?;
    }
    if let Some(c) = t.get("const").and_then(Value::as_str) {
        return Some(vec![c.to_string()]);
    }
    let list = t.get("enum")?.as_array()?;
    Some(
        list.iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
    )
}

/// Definitions no longer referenced (the shared bodies the variants were copied from).
fn drop_unused_defs(root: &mut Value) {
    loop {
        let mut counts = HashMap::new();
        ref_counts(root, &mut counts);
        let Some(Value::Object(defs)) = root.get_mut("$defs") else {
            return;
        };
        let unused: Vec<String> = defs
            .keys()
            .filter(|k| !counts.contains_key(*k))
            .cloned()
            .collect();
        if unused.is_empty() {
            return;
        }
        for k in unused {
            defs.remove(&k);
        }
    }
}

/// Each definition's name as its `title`, which generators use for the class name.
fn name_defs(root: &mut Value) {
    if let Some(Value::Object(defs)) = root.get_mut("$defs") {
        for (name, def) in defs.iter_mut() {
            if let Value::Object(o) = def {
                o.insert("title".into(), Value::from(name.as_str()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names_take_the_union_word() {
        assert_eq!(variant_name("image", "ContentBlock"), "ImageBlock");
        assert_eq!(variant_name("text_delta", "ContentBlockDelta"), "TextDelta");
        assert_eq!(
            variant_name("message_start", "MessageOutputEvent"),
            "MessageStartEvent"
        );
        assert_eq!(
            variant_name("ingested_artifact", "Artifact"),
            "IngestedArtifact"
        );
    }

    #[test]
    fn shared_variant_bodies_are_copied_per_tag() {
        let mut v = serde_json::json!({
            "$defs": {
                "Block": { "oneOf": [
                    { "$ref": "#/$defs/Media", "properties": { "type": { "const": "image" } }, "description": "An image." },
                    { "$ref": "#/$defs/Media", "properties": { "type": { "const": "audio" } } },
                    { "properties": { "type": { "const": "text" }, "text": { "type": "string" } }, "required": ["text"] }
                ] },
                "Media": { "description": "Media.", "properties": { "data": { "type": "string", "format": "byte" } } }
            },
            "properties": { "b": { "$ref": "#/$defs/Block" } }
        });
        for_codegen(&mut v, "Root");
        let defs = v["$defs"].as_object().unwrap();
        assert!(defs.get("Media").is_none(), "the shared body is gone");
        assert_eq!(defs["ImageBlock"]["properties"]["type"]["const"], "image");
        assert_eq!(defs["ImageBlock"]["description"], "An image.");
        assert_eq!(defs["AudioBlock"]["description"], "Media.");
        assert_eq!(defs["AudioBlock"]["required"][0], "type");
        assert!(defs["AudioBlock"]["properties"]["data"]
            .get("format")
            .is_none());
        assert_eq!(
            defs["TextBlock"]["required"],
            serde_json::json!(["type", "text"])
        );
        assert_eq!(defs["TextBlock"]["title"], "TextBlock");
        let refs: Vec<&str> = defs["Block"]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["$ref"].as_str().unwrap())
            .collect();
        assert_eq!(
            refs,
            [
                "#/$defs/ImageBlock",
                "#/$defs/AudioBlock",
                "#/$defs/TextBlock"
            ]
        );
    }

    #[test]
    fn documented_constants_become_an_enum() {
        let mut v = serde_json::json!({ "oneOf": [
            { "const": "a", "type": "string", "description": "first" },
            { "const": "b", "type": "string" }
        ], "description": "Pick." });
        constant_unions_as_enums(&mut v);
        assert_eq!(v["enum"], serde_json::json!(["a", "b"]));
        assert_eq!(v["type"], "string");
        assert_eq!(v["description"], "Pick.\n\n* `a`: first");
        assert!(v.get("oneOf").is_none());
    }
}
