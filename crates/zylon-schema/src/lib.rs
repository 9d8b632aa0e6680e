//! # zylon-schema
//!
//! Typed models, offline validation and JSON Schema export for the Zylon Workspace chat API.
//!
//! ```
//! use zylon_schema::{validate_str, Kind, Options};
//!
//! let report = validate_str(
//!     r#"{"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]}"#,
//!     Kind::Chat,
//!     &Options::default(),
//! );
//! assert!(report.is_valid());
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod builder;
pub mod check;
pub mod docs;
pub mod fix;
pub mod media;
pub mod model;
pub mod redact;
#[cfg(feature = "schema")]
pub mod schema;
pub mod stream;
pub mod typed;
pub mod vocab;

/// Text transcoding for hosts that hand over strings as UTF-16 (JavaScript engines).
pub mod text {
    /// Transcode UTF-16LE bytes to UTF-8, appending to `out`; lone surrogates become U+FFFD
    /// (as with `TextEncoder`), an odd trailing byte is ignored.
    pub use zylon_scan::utf16le_to_utf8;
}

pub use check::{
    body_text, detect_kind, is_valid_bytes, is_valid_bytes_auto, is_valid_str, is_valid_str_auto,
    validate_bytes, validate_bytes_auto, validate_str, validate_str_auto, validate_value, Code,
    Encoding, Endpoint, Issue, Kind, Options, Profile, Report, Severity, Span, Summary,
};
