//! The API's vocabulary, written once: the fields of every object of every request kind (name,
//! JSON types, required, nullable, enum values), the content-block tags, and what the server
//! understands beyond the Workspace API. The ground floor of the crate: it imports nothing of
//! the model or the validator, and both read it.
//!
//! The field tables (`generated.rs`) are derived from the typed model through its JSON Schema
//! by `cargo xtask schemas`; a test fails when they drift. Server-only knowledge, which the
//! Workspace model deliberately does not describe, is written by hand in `server_only.rs`.

#[rustfmt::skip]
mod generated;
mod server_only;
pub mod tools;

pub use generated::*;
pub use server_only::*;

/// The bits of [`Types`] (and of the bytes of [`Names::types`]): those the JSON tree's table
/// pass reads (`zylon_json::Object::index`).
pub mod bits {
    pub use zylon_json::types::{ARRAY, BOOLEAN, INTEGER, NUMBER, OBJECT, STRING};
    /// Every type but `null`.
    pub const ANY: u8 = 63;
}

/// A set of JSON types (`null` is not one of them: see [`Field::nullable`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Types(u8);

impl Types {
    /// A JSON string.
    pub const STRING: Types = Types(bits::STRING);
    /// A JSON number with a fractional part or exponent (any number; see `INTEGER`).
    pub const NUMBER: Types = Types(bits::NUMBER);
    /// A JSON number that is a whole number.
    pub const INTEGER: Types = Types(bits::INTEGER);
    /// `true` or `false`.
    pub const BOOLEAN: Types = Types(bits::BOOLEAN);
    /// A JSON object.
    pub const OBJECT: Types = Types(bits::OBJECT);
    /// A JSON array.
    pub const ARRAY: Types = Types(bits::ARRAY);
    /// Any JSON value but `null`.
    pub const ANY: Types = Types(bits::ANY);

    /// Both sets.
    pub const fn or(self, other: Types) -> Types {
        Types(self.0 | other.0)
    }

    /// Whether every type of `other` is in the set.
    pub const fn contains(self, other: Types) -> bool {
        self.0 & other.0 == other.0
    }
}

/// One field of an object of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The JSON key.
    pub name: &'static str,
    /// The JSON types its value may have.
    pub types: Types,
    /// The object is incomplete without it.
    pub required: bool,
    /// `null` is a valid value (the server reads it as absent).
    pub nullable: bool,
    /// The string values it may take (empty: any value of its types).
    pub values: &'static [&'static str],
    /// The model types it but the Workspace API does not list it (its documentation starts
    /// with "Server-only"): see [`Names::ruled`] and [`Names::free`].
    pub server_only: bool,
}

/// The fields of one object type of the API (a struct of the typed model).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The type's name in the model and the schemas (`ChatRequest`, `TextBlock`, ...).
    pub name: &'static str,
    /// The fields the model types, sorted by name.
    pub fields: &'static [Field],
    /// The names the validator's unknown-field check reads.
    pub names: Names,
}

/// The field names of one object type that the validator's unknown-field check reads: a compact
/// part of [`Shape`] (a build that only validates keeps these lists, not the field tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Names {
    /// The fields known without a generic warning: the Workspace fields of the model (sorted by
    /// name), then [`Names::ruled`].
    pub known: &'static [&'static str],
    /// Server-only fields a rule of the validator checks (from `server_only.rs`).
    pub ruled: &'static [&'static str],
    /// Server-only fields accepted with a generic warning (from `server_only.rs`).
    pub free: &'static [&'static str],
    /// The JSON types of the Workspace fields (the first `types.len()` entries of
    /// [`Names::known`]), one byte each: the bits of [`Types`], plus [`Names::NULLABLE`] and
    /// [`Names::REQUIRED`].
    pub types: &'static [u8],
}

impl Names {
    /// The bit of a [`Names::types`] byte that says `null` is a valid value.
    pub const NULLABLE: u8 = 64;
    /// The bit of a [`Names::types`] byte that says the field is required.
    pub const REQUIRED: u8 = 128;
}

impl Shape {
    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// The shape called `name` (`ChatRequest`, `TextBlock`, ...).
pub fn shape(name: &str) -> Option<&'static Shape> {
    SHAPES.iter().copied().find(|s| s.name == name)
}

/// The shape of the Workspace content block with the tag `ty`.
pub fn block(ty: &str) -> Option<&'static Shape> {
    BLOCKS.iter().find(|(t, _)| *t == ty).map(|(_, s)| *s)
}

/// The names of the Workspace content block with the tag `ty` (what the validator reads).
pub fn block_names(ty: &str) -> Option<&'static Names> {
    BLOCK_NAMES.iter().find(|(t, _)| *t == ty).map(|(_, n)| n)
}

/// Whether `ty` is one of the Workspace content-block tags.
pub fn is_workspace_block(ty: &str) -> bool {
    block_names(ty).is_some()
}

/// Whether `ty` is a content-block tag the server accepts that the Workspace API does not list.
pub fn is_pgpt_only_block(ty: &str) -> bool {
    PGPT_ONLY_TYPE.contains(&ty)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lookups find what the tables hold, and nothing else.
    #[test]
    fn lookups() {
        let text = block("text").expect("a Workspace block");
        assert_eq!(text.name, "TextBlock");
        assert_eq!(shape("TextBlock"), Some(text));
        assert_eq!(text.field("text").map(|f| f.types), Some(Types::STRING));
        assert!(text.field("nope").is_none() && shape("Nope").is_none());
        assert!(is_workspace_block("tool_result") && !is_workspace_block("document"));
        assert!(is_pgpt_only_block("document") && !is_pgpt_only_block("text"));
        // the compact names agree with the fields: every Workspace field, then the ruled ones
        for s in SHAPES {
            let workspace: Vec<&str> = s
                .fields
                .iter()
                .filter(|f| !f.server_only)
                .map(|f| f.name)
                .collect();
            assert_eq!(
                &s.names.known[..workspace.len()],
                &workspace[..],
                "{}",
                s.name
            );
            assert_eq!(
                &s.names.known[workspace.len()..],
                s.names.ruled,
                "{}",
                s.name
            );
            assert_eq!(s.names.types.len(), workspace.len(), "{}", s.name);
        }
    }
}
