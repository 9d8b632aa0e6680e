//! The borrowing JSON parser of zylon-schema and the tree its rules walk.
//!
//! Why not `serde_json::Value`: the document is one vector of 8-byte nodes (a tape, see
//! `tape.rs`) that [`Value`] views, so a body of a million short messages takes about 1.2 times
//! its text instead of several times; strings without escapes are offsets into the input (a 6 MB
//! base64 image is never copied); objects keep their keys in order (cheaper than a map for the
//! small objects of a chat request, and duplicate keys are seen instead of silently merged);
//! the depth is bounded without relying on the parser's recursion limit; and syntax errors carry
//! the byte offset for line/column reporting.
//!
//! A crate of its own, like `zylon-scan`, so that the size-optimised WebAssembly build can
//! compile the parser at full speed (`[profile.wasm-release.package.zylon-json]`): parsing was a
//! quarter of the time of validating small bodies in Node. Internal to zylon-schema: its API
//! may change in any release.
#![forbid(unsafe_code)]

// Compiled on every target so that its tests run natively; used in WebAssembly for a
// JavaScript host only.
#[cfg_attr(
    not(all(target_arch = "wasm32", target_os = "unknown")),
    allow(dead_code)
)]
mod float;
mod index;
mod parse;
mod pointer;
mod pool;
mod scan;
mod str_index;
mod tape;
mod text;
mod value;

pub use index::{types, Index, MAX_KNOWN};
pub use parse::{parse, Arena, Parsed, SyntaxError};
pub use pointer::Resolver;
pub use scan::{pointer_at, read_string, skip_value, skip_ws};
pub use str_index::{StrIndex, StrMap};
pub use tape::Builder;
pub use text::{
    contains, escape_char, find_last, is_one_of, is_py_space, keys_equal, line_col, line_cols,
    pointer_segment, position_of, push_decimal, py_blank, py_strip, short_text, split_once_byte,
};
pub use value::{Array, Entries, Items, Iter, Keys, Num, Object, Slot, Value};

/// The largest buffer, in bytes, that a thread keeps from one body for its next one (the
/// parser's buffers here, the rules' vectors in zylon-schema); a larger one is freed, so that a
/// thread that once read a large body does not hold its memory.
pub const KEEP_MAX_BYTES: usize = 64 << 10;

/// `s` as `f64`, or `None`: the grammar and the correctly rounded answer of `f64::from_str`.
/// In WebAssembly for a JavaScript host this is the crate's own reader (long numbers through
/// the host's `Number`), which leaves core's 10 KB table of powers of five out of the module;
/// elsewhere it is `f64::from_str`.
pub fn parse_float(s: &str) -> Option<f64> {
    #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
    return float::parse_f64(s);
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    return s.parse().ok();
}

#[cfg(test)]
mod tests;
