//! Responses as they stream: the SSE decoder and the accumulator that assembles
//! `MessageOutputEvent`s into a `MessageOutput`.

pub mod accumulate;
mod data;
mod json;
pub mod sse;

pub use accumulate::{accumulate, decode_to_json, Accumulator};
pub use sse::{SseDecoder, SseEvent};

#[cfg(test)]
mod tests;
