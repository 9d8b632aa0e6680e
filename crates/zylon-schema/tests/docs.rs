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
        "run `python3 scripts/gen_codes_doc.py`:\n{}",
        problems.join("\n")
    );
}
