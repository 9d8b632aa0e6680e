//! Optional fields the server does not take `null` for (RULES.md Part 3.1). Its models give
//! them a default without `None` in their type, so leaving the field out is fine and `null` is
//! a 400. Such a field is `Option<T>` here (absent = `None`) read through [`deserialize`], which
//! refuses `null` as the server does, and exported to JSON Schema as `T` (not nullable).
//!
//! ```
//! use zylon_schema::model::ChatRequest;
//! let ok: Result<ChatRequest, _> = serde_json::from_str(r#"{"messages": [], "stream": true}"#);
//! assert!(ok.is_ok());
//! let null: Result<ChatRequest, _> = serde_json::from_str(r#"{"messages": [], "stream": null}"#);
//! assert!(null.is_err());
//! ```

use serde::{Deserialize, Deserializer};

/// Read a present field as `Some(T)`; `null` is an error (`T` does not take it).
pub(crate) fn deserialize<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}
