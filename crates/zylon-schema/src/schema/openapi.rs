//! `schemas/openapi.json`: the API's types as an OpenAPI 3.1 components document, for users who
//! `$ref` them from their own API descriptions. The definitions are those of the JSON Schemas
//! (OpenAPI 3.1 schema objects are JSON Schema 2020-12), with each tagged union carrying an
//! OpenAPI `discriminator` (`propertyName` + `mapping`), which the JSON Schemas leave out
//! because strict JSON Schema validators (ajv's defaults) refuse unknown keywords.

use serde_json::{json, Map, Value};

/// Where the components live.
const COMPONENTS: &str = "#/components/schemas/";

/// `#/$defs/X` → `#/components/schemas/X`, everywhere.
fn rebase(v: &mut Value) {
    match v {
        Value::Object(o) => {
            if let Some(Value::String(r)) = o.get_mut("$ref") {
                if let Some(name) = r.strip_prefix("#/$defs/") {
                    *r = format!("{COMPONENTS}{name}");
                }
            }
            o.values_mut().for_each(rebase);
        }
        Value::Array(a) => a.iter_mut().for_each(rebase),
        _ => {}
    }
}

/// A `discriminator` on every `oneOf` whose branches are references to variants with distinct
/// `type` tags.
fn discriminate(schemas: &mut Map<String, Value>) {
    let lookup_src = schemas.clone();
    let lookup = |n: &str| lookup_src.get(n);
    for def in schemas.values_mut() {
        let Some(branches) = def.get("oneOf").and_then(Value::as_array) else {
            continue;
        };
        let mut mapping = Map::new();
        let all_tagged = branches.iter().all(|b| {
            let Some(r) = b.get("$ref").and_then(Value::as_str) else {
                return false;
            };
            let Some(target) = r.strip_prefix(COMPONENTS).and_then(lookup) else {
                return false;
            };
            let Some(tags) = super::shape::tags(target, &lookup) else {
                return false;
            };
            tags.into_iter()
                .all(|t| mapping.insert(t, Value::from(r)).is_none())
        });
        if all_tagged && !mapping.is_empty() {
            if let Some(o) = def.as_object_mut() {
                o.insert(
                    "discriminator".into(),
                    json!({ "propertyName": "type", "mapping": mapping }),
                );
            }
        }
    }
}

/// The components document. Fails when two schemas define one name differently.
pub fn document() -> Result<Value, String> {
    let mut schemas = Map::new();
    let mut roots = Vec::new();
    let mut add = |name: String, def: Value, from: &str| -> Result<(), String> {
        match schemas.get(&name) {
            Some(old) if *old != def => Err(format!(
                "`{name}` of {from} differs from the definition of that name in another schema"
            )),
            _ => {
                schemas.insert(name, def);
                Ok(())
            }
        }
    };
    for (file, mut root) in super::all() {
        if matches!(file, "validation-report" | "binding-types") {
            continue; // this library's own types, not the API's
        }
        rebase(&mut root);
        let Value::Object(mut o) = root else {
            continue;
        };
        if let Some(Value::Object(defs)) = o.remove("$defs") {
            for (name, def) in defs {
                add(name, def, file)?;
            }
        }
        o.remove("$schema");
        o.remove("$id");
        let name = o
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or(file)
            .to_string();
        roots.push((name, o, file));
    }
    // a root type may be another schema's definition (ChatRequest is the `pgpt` of the
    // envelopes): the same but for the root's fuller description, which is kept
    for (name, o, file) in roots {
        let strip = |v: &Value| {
            let mut v = v.clone();
            if let Some(m) = v.as_object_mut() {
                m.remove("description");
            }
            v
        };
        if let Some(old) = schemas.get(&name) {
            if strip(old) != strip(&Value::Object(o.clone())) {
                return Err(format!(
                    "`{name}` of {file} differs from the definition of that name in another schema"
                ));
            }
        }
        schemas.insert(name, Value::Object(o));
    }
    discriminate(&mut schemas);
    Ok(json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Zylon Workspace chat API types",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The request, response and stream types of the Zylon Workspace chat API, generated from zylon-schema's Rust types. Reference them as `openapi.json#/components/schemas/ChatRequest` and so on.",
        },
        "paths": {},
        "components": { "schemas": schemas },
    }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn unions_carry_a_discriminator_with_every_tag() {
        let doc = super::document().expect("the schemas agree on shared names");
        let s = &doc["components"]["schemas"];
        let d = &s["ContentBlock"]["discriminator"];
        assert_eq!(d["propertyName"], "type");
        assert_eq!(d["mapping"]["image"], "#/components/schemas/ImageBlock");
        assert_eq!(
            d["mapping"]["document"],
            "#/components/schemas/PgptOnlyBlock"
        );
        assert!(s["ChatRequest"]["properties"]["messages"].is_object());
        assert!(s.get("Report").is_none());
        let text = doc.to_string();
        assert!(!text.contains("#/$defs/"), "every reference is rebased");
    }
}
