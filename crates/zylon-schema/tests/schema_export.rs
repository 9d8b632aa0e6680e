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
    assert_eq!(blocks[0]["properties"]["type"]["const"], "text");
    assert!(zylon_schema::schema::get("nope").is_none());
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
