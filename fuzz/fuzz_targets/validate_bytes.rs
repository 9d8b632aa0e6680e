//! Raw bytes into `validate_bytes` for every kind: never a panic, the report is consistent, and
//! the verdict fast path (`is_valid_bytes`) gives the report's `valid`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zylon_schema::{is_valid_bytes, validate_bytes, Kind, Options};

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
    assert_eq!(is_valid_bytes(body, kind, &opts), r.valid);
    // (spans index the text the validator read: the bytes, or a UTF-16/32 body's UTF-8)
    let text = zylon_schema::body_text(body);
    for i in r.issues() {
        assert!(i.path.is_empty() || i.path.starts_with('/'));
        if let Some(s) = i.span {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
});
