//! The documentation of the issue codes, as data: one entry per code (severity, what it points
//! at, why the server cares, how to fix it, the files that implement it), and the policy table of
//! `docs/decisions.md` (for every rule: the situation, its severity, its code and its path).
//! `docs/codes.md` and `docs/decisions.md` are rendered from it (`cargo xtask docs`; a test fails
//! when the committed pages differ). A build that only validates keeps none of it.

mod codes;
mod decisions;
pub mod render;

use crate::Code;

/// The documentation of one issue code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeDoc {
    /// The code's dotted id.
    pub code: &'static str,
    /// Its severity (or severities, by situation).
    pub severity: &'static str,
    /// Why the server cares: what it does with such a body, with its source.
    pub why: &'static str,
    /// How to fix it.
    pub fix: &'static str,
    /// Where its path points.
    pub points_at: &'static str,
    /// The source files that report it (relative to the repository).
    pub implemented_in: &'static [&'static str],
}

/// The policy page: a title, a preamble and its sections.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Decisions {
    pub title: &'static str,
    pub preamble: &'static str,
    pub sections: &'static [Section],
}

/// One section of the policy page: prose, then a table (situation, severity, code, path, or the
/// section's own columns), then prose.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Section {
    pub title: &'static str,
    pub intro: &'static str,
    pub header: &'static [&'static str],
    pub rows: &'static [&'static [&'static str]],
    pub outro: &'static str,
}

/// Every code's documentation, in the order of [`Code::ALL`].
pub fn all() -> impl Iterator<Item = &'static CodeDoc> {
    codes::AREAS.iter().flat_map(|(_, docs)| docs.iter())
}

impl Code {
    /// The documentation of this code (what `docs/codes.md` says of it).
    pub fn doc(self) -> Option<&'static CodeDoc> {
        all().find(|d| d.code == self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use crate::Code;

    #[test]
    fn one_entry_per_code_in_order() {
        let ids: Vec<&str> = super::all().map(|d| d.code).collect();
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(ids, codes);
        for c in Code::ALL {
            let d = c.doc().expect("documented");
            assert!(
                !d.why.is_empty() && !d.fix.is_empty() && !d.severity.is_empty(),
                "{c}"
            );
        }
    }

    /// A reader goes from a code to its implementation in one hop: each file named reports it.
    #[test]
    fn implementations_name_the_code() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
        // documented but never reported on their own (see their severity)
        let never = ["messages.last_role", "tool.internal.registry"];
        for c in Code::ALL {
            let d = c.doc().expect("documented");
            assert_eq!(d.implemented_in.is_empty(), never.contains(&d.code), "{c}");
            let variant = format!("Code::{c:?}");
            for f in d.implemented_in {
                let text = std::fs::read_to_string(format!("{root}{f}"))
                    .unwrap_or_else(|e| panic!("{c}: {f}: {e}"));
                let named = text.match_indices(&variant).any(|(at, _)| {
                    !text[at + variant.len()..].starts_with(|ch: char| ch.is_alphanumeric())
                });
                assert!(named, "{c}: {f} does not mention {variant}");
            }
        }
    }
}
