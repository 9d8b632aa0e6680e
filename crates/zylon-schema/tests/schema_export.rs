//! The committed `schemas/` are exactly what the Rust types generate, every schema is valid
//! draft 2020-12, and the examples and seed bodies are accepted by them.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[test]
fn committed_schemas_match_the_code() {
    let mut stale = Vec::new();
    for (name, schema) in zylon_schema::schema::all() {
        let file = root().join(format!("schemas/{name}.schema.json"));
        let fresh = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        if std::fs::read_to_string(&file).ok().as_deref() != Some(fresh.as_str()) {
            stale.push(name);
        }
    }
    let doc = zylon_schema::schema::openapi::document().unwrap();
    let fresh = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    if std::fs::read_to_string(root().join("schemas/openapi.json"))
        .ok()
        .as_deref()
        != Some(fresh.as_str())
    {
        stale.push("openapi");
    }
    assert!(
        stale.is_empty(),
        "schemas/ differs from the code for {stale:?}: run `cargo xtask schemas` and commit"
    );
}

#[test]
fn schemas_are_draft_2020_12_with_ids_and_tagged_unions() {
    for (name, schema) in zylon_schema::schema::all() {
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name}"
        );
        assert!(schema["$id"]
            .as_str()
            .unwrap()
            .ends_with(&format!("{name}.schema.json")));
        assert!(
            schema["title"].is_string() && schema["description"].is_string(),
            "{name}"
        );
        assert!(
            jsonschema::draft202012::new(&schema).is_ok(),
            "{name} does not compile"
        );
    }
    let chat = zylon_schema::schema::get("chat-request").unwrap();
    let blocks = &chat["$defs"]["ContentBlock"]["oneOf"];
    assert_eq!(
        blocks.as_array().map(Vec::len),
        Some(11),
        "ten Workspace blocks + the server-only one"
    );
    // each variant is a definition of its own holding its tag, named for code generators
    assert_eq!(blocks[0]["$ref"], "#/$defs/TextBlock");
    let text = &chat["$defs"]["TextBlock"];
    assert_eq!(text["properties"]["type"]["const"], "text");
    assert_eq!(text["required"][0], "type");
    assert_eq!(text["title"], "TextBlock");
    assert_eq!(
        chat["$defs"]["ImageBlock"]["properties"]["type"]["const"],
        "image"
    );
    assert_eq!(chat["title"], "ChatRequest");
    assert!(zylon_schema::schema::get("nope").is_none());
}

#[test]
fn no_format_keyword_and_no_numbered_definitions() {
    fn formats(v: &serde_json::Value, at: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                if o.get("format").is_some_and(serde_json::Value::is_string) {
                    out.push(at.to_string());
                }
                for (k, c) in o {
                    formats(c, &format!("{at}/{k}"), out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    formats(c, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    for (name, schema) in zylon_schema::schema::all() {
        let mut found = Vec::new();
        formats(&schema, "#", &mut found);
        assert!(found.is_empty(), "{name}: `format` at {found:?}");
        let defs = schema["$defs"].as_object().cloned().unwrap_or_default();
        for (def, body) in defs {
            assert!(
                !def.ends_with(|c: char| c.is_ascii_digit()),
                "{name}: {def}"
            );
            assert_eq!(body["title"], def.as_str(), "{name}: {def}");
        }
    }
}

#[test]
fn examples_are_accepted_by_their_schema() {
    for entry in std::fs::read_dir(root().join("examples/requests")).unwrap() {
        let path = entry.unwrap().path();
        let body: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let name = if body.get("pgpt").is_some() {
            if body.get("thread_id").is_some() {
                "interaction-request"
            } else {
                "project-chat-request"
            }
        } else if body.get("visibility").is_some() {
            "thread-create"
        } else {
            "chat-request"
        };
        let v = jsonschema::draft202012::new(&zylon_schema::schema::get(name).unwrap()).unwrap();
        let errors: Vec<String> = v.iter_errors(&body).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}
