//! Arbitrary bytes as an event stream, split into fuzzer-chosen chunks: never a panic, and the
//! chunking never changes the result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zylon_schema::stream::{accumulate, Accumulator};

fuzz_target!(|data: &[u8]| {
    let Some((&step, body)) = data.split_first() else {
        return;
    };
    let whole = accumulate(body);
    let mut acc = Accumulator::new();
    for c in body.chunks(usize::from(step).max(1)) {
        acc.push_bytes(c);
    }
    acc.finish();
    assert_eq!(acc.message(), whole.message());
    assert_eq!(acc.issues(), whole.issues());
});
