//! Sets of JSON Pointers that answer "is there an issue at or under this path" and "is this
//! path at or under one of these" in time independent of how many paths it holds: the end of a
//! validation asks both once per deferred issue, and scanning every reported issue for each of
//! them made a body with a type issue in each of n messages take O(n²) time.

use zylon_json::StrIndex;

/// Borrowed paths in a hash index (the index of `zylon_json`, already in the module).
#[derive(Default)]
pub(crate) struct PathSet<'p> {
    index: StrIndex,
    paths: Vec<&'p str>,
}

impl<'p> PathSet<'p> {
    /// Whether `path` is in the set.
    pub(crate) fn has(&self, path: &str) -> bool {
        let paths = &self.paths;
        self.index
            .find(path, |i| paths.get(i).copied().unwrap_or_default())
            .is_some()
    }

    /// Add `path`; `false` when it was there already.
    pub(crate) fn add(&mut self, path: &'p str) -> bool {
        let paths = &self.paths;
        let at = paths.len();
        let found = self
            .index
            .find_or_insert(path, at, |i| paths.get(i).copied().unwrap_or_default());
        if found.is_none() {
            self.paths.push(path);
        }
        found.is_none()
    }

    /// Add `path` and every path above it, up to the root `""`: afterwards the set has a path
    /// exactly when an added path is at or under it. Stops at the first path already there
    /// (added this way, its ancestors are too), so adding n paths costs O(n) lookups overall
    /// beyond their depth.
    pub(crate) fn add_with_ancestors(&mut self, path: &'p str) {
        let mut p = path;
        while self.add(p) {
            match parent(p) {
                Some(up) => p = up,
                None => return,
            }
        }
    }
}

/// Owned paths that can be taken back from the end (a probe's walk drops what it added), with
/// a hash index so that "is this path at or under one of them" costs O(depth), not one scan of
/// every path: a null field in each of n blocks that each settled a field took O(n²) time.
#[derive(Default)]
pub(crate) struct Settled {
    paths: Vec<String>,
    /// Every path ever added at its place; a place past the end after [`Settled::truncate`] is
    /// read as `#`, which no JSON Pointer equals (they are empty or start with `/`).
    index: StrIndex,
}

impl Settled {
    /// Add `path` (a path there already is kept once in the index: taking back paths from the
    /// end takes the later copy first).
    pub(crate) fn push(&mut self, path: String) {
        let paths = &self.paths;
        let at = |i: usize| paths.get(i).map_or("#", String::as_str);
        self.index.find_or_insert(&path, paths.len(), at);
        self.paths.push(path);
    }

    /// How many paths there are.
    pub(crate) fn len(&self) -> usize {
        self.paths.len()
    }

    /// Keep the first `len` paths.
    pub(crate) fn truncate(&mut self, len: usize) {
        self.paths.truncate(len);
    }

    /// Whether `path` or a path above it is here.
    pub(crate) fn has_at_or_above(&self, path: &str) -> bool {
        let paths = &self.paths;
        let at = |i: usize| paths.get(i).map_or("#", String::as_str);
        let mut p = Some(path);
        while let Some(q) = p {
            if self.index.find(q, at).is_some() {
                return true;
            }
            p = parent(q);
        }
        false
    }
}

/// The path one level up (`/a/b` → `/a`, `/a` → the root `""`); `None` for the root. Keys
/// that hold a `/` are written `~1` in a JSON Pointer, so every `/` starts a segment.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let at = zylon_json::find_last(path, "/").unwrap_or(0);
    path.get(..at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_with_ancestors_answer_at_or_under() {
        let mut s = PathSet::default();
        s.add_with_ancestors("/messages/3/content/0");
        s.add_with_ancestors("/messages/3/role");
        for p in [
            "/messages/3/content/0",
            "/messages/3/content",
            "/messages/3",
            "/messages",
            "",
        ] {
            assert!(s.has(p), "{p:?}");
        }
        for p in [
            "/messages/3/content/1",
            "/messages/30",
            "/messages/3/rol",
            "/message",
            "/tools",
        ] {
            assert!(!s.has(p), "{p:?}");
        }
    }

    #[test]
    fn at_or_above_reads_segments_not_prefixes() {
        let mut s = Settled::default();
        s.push("/tools/0/input_schema".into());
        s.push("/tools/0/input_schema".into());
        assert!(s.has_at_or_above("/tools/0/input_schema"));
        assert!(s.has_at_or_above("/tools/0/input_schema/properties/a~1b"));
        assert!(!s.has_at_or_above("/tools/0/input_schema_x"));
        assert!(!s.has_at_or_above("/tools/0"));
        assert!(!s.has_at_or_above(""));
        s.push(String::new());
        assert!(s.has_at_or_above("/anything"));
    }

    #[test]
    fn settled_paths_taken_back_are_gone() {
        let mut s = Settled::default();
        s.push("/messages/0/content/1/data".into());
        assert!(s.has_at_or_above("/messages/0/content/1/data"));
        assert!(s.has_at_or_above("/messages/0/content/1/data/x"));
        assert!(!s.has_at_or_above("/messages/0/content/1"));
        assert!(!s.has_at_or_above("/messages/0/content/1/dat"));
        s.push("/tools/0/x".into());
        s.truncate(1);
        assert_eq!(s.len(), 1);
        // the place of the dropped path, in the index still, answers nothing...
        assert!(!s.has_at_or_above("/tools/0/x"));
        assert!(!s.has_at_or_above(""));
        // ...and a path added at that place again is found
        s.push("/system".into());
        assert!(s.has_at_or_above("/system/text"));
        assert!(!s.has_at_or_above("/tools/0/x"));
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn the_root_has_no_parent() {
        assert_eq!(parent(""), None);
        assert_eq!(parent("/a"), Some(""));
        assert_eq!(parent("/a/b~1c"), Some("/a"));
    }
}
