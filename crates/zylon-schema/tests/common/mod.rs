//! Helpers shared by the integration tests.

use serde_json::Value;

/// Every fixture document of `tests/fixtures/` (path, parsed document), in path order.
pub fn fixture_docs() -> Vec<(String, Value)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, Value)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if let Ok(doc) =
                serde_json::from_str::<Value>(&std::fs::read_to_string(&p).unwrap())
            {
                out.push((p.display().to_string(), doc));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")),
        &mut out,
    );
    out
}
