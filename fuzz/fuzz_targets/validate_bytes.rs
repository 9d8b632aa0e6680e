//! Raw bytes into `validate_bytes` for every kind: never a panic, and the report is consistent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zylon_schema::{validate_bytes, Kind, Options};

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let kind = Kind::ALL[usize::from(sel) % Kind::ALL.len()];
    let opts = Options {
        strict: sel & 0x80 != 0,
        spans: sel & 0x40 != 0,
        ..Options::default()
    };
    let r = validate_bytes(body, kind, &opts);
    assert_eq!(r.valid, r.errors.is_empty());
    for i in r.issues() {
        assert!(i.path.is_empty() || i.path.starts_with('/'));
        if let Some(s) = i.span {
            assert!(s.start <= s.end && s.end <= body.len());
        }
    }
});
