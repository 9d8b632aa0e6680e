//! `docs/codes.md` has an entry, with all four parts, for every issue code, and names no code
//! that does not exist.

use zylon_schema::Code;

#[test]
fn every_code_is_documented() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/codes.md");
    let doc = std::fs::read_to_string(path).expect("docs/codes.md");
    let mut sections = std::collections::BTreeMap::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        if let Some(rest) = line.strip_prefix("### `") {
            let id = rest.trim_end_matches('`').to_string();
            assert!(
                Code::from_id(&id).is_some(),
                "docs/codes.md documents the unknown code `{id}`"
            );
            sections.insert(id.clone(), String::new());
            current = Some(id);
        } else if let Some(id) = &current {
            let s = sections.get_mut(id).expect("section");
            s.push_str(line);
            s.push('\n');
        }
    }
    let mut problems = Vec::new();
    for code in Code::ALL {
        match sections.get(code.as_str()) {
            None => problems.push(format!("{code}: no entry")),
            Some(body) => {
                for part in [
                    "**Severity:**",
                    "**What it means:**",
                    "**Why the server cares:**",
                    "**How to fix:**",
                ] {
                    if !body.contains(part) {
                        problems.push(format!("{code}: no {part}"));
                    }
                }
                if !body.contains(&format!("<a id=\"{}\"></a>", code))
                    && !doc.contains(&format!("<a id=\"{code}\"></a>"))
                {
                    problems.push(format!("{code}: no anchor"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "run `cargo xtask docs`:\n{}",
        problems.join("\n")
    );
}

/// Every relative link of the project's Markdown documents names a file of the repository
/// (a clone has nothing beside it: no `../shared`), and none leaves the repository.
#[test]
fn markdown_links_stay_in_the_repository() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .canonicalize()
        .expect("repository root");
    let docs = [
        "README.md",
        "docs/decisions.md",
        "docs/codes.md",
        "docs/performance.md",
        "docs/reference/README.md",
        "pkg-js/README.md",
        "crates/zylon-scan/README.md",
        "crates/zylon-json/README.md",
        "crates/zylon-schema/README.md",
        "crates/zylon-schema-cli/README.md",
        "crates/zylon-schema-wasm/README.md",
    ];
    let mut problems = Vec::new();
    let mut checked = 0;
    for doc in docs {
        let path = root.join(doc);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{doc}: {e}"));
        // `](target)` of inline links; `target` up to the closing parenthesis or a title
        for (at, _) in text.match_indices("](") {
            let rest = &text[at + 2..];
            let Some(end) = rest.find(')') else { continue };
            let target = rest[..end].split_whitespace().next().unwrap_or("");
            let file = target.split('#').next().unwrap_or("");
            if file.is_empty() || file.contains("://") || file.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            let resolved = path.parent().expect("a file's folder").join(file);
            match resolved.canonicalize() {
                Ok(p) if p.starts_with(&root) => {}
                Ok(p) => problems.push(format!(
                    "{doc}: `{target}` leaves the repository ({})",
                    p.display()
                )),
                Err(_) => problems.push(format!("{doc}: `{target}` does not exist")),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        checked > 5,
        "only {checked} relative links found: the scan is broken"
    );
}
