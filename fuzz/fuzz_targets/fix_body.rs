//! `fix_bytes` on arbitrary bytes and `fix_str` on arbitrary text: never a panic, the report
//! matches the fixed body, a conversion to UTF-8 is the first fix exactly when the bytes were
//! UTF-16 or UTF-32, bytes left alone have a reason in their report, and fixing a fixed body
//! changes nothing more.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zylon_schema::fix::{fix_bytes, fix_str};
use zylon_schema::{validate_bytes, validate_str, Code, Encoding, Kind, Options};

fuzz_target!(|data: &[u8]| {
    let opts = Options::default();
    match fix_bytes(data, Some(Kind::Chat), &opts) {
        Ok(out) => {
            assert_eq!(out.report, validate_str(&out.body, Kind::Chat, &opts));
            let converted = out
                .fixes
                .first()
                .is_some_and(|f| f.code == Code::JsonEncoding && f.round == 0);
            assert_eq!(converted, Encoding::of(data) != Encoding::Utf8);
        }
        Err(e) => {
            assert!(!e.reason.is_empty());
            let r = validate_bytes(data, Kind::Chat, &opts);
            assert!(r
                .issues()
                .any(|i| i.code == Code::JsonSyntax || i.code == Code::JsonEncoding));
        }
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let out = fix_str(text, Kind::Chat, &opts);
    assert_eq!(out.report, validate_str(&out.body, Kind::Chat, &opts));
    if out.fixes.is_empty() {
        assert_eq!(out.body, text);
    }
    // Fixing a fixed body changes nothing more (unless the four rounds ran out).
    let again = fix_str(&out.body, Kind::Chat, &opts);
    assert!(
        again.fixes.is_empty() || out.fixes.len() >= 4,
        "not idempotent: {:?}",
        again.fixes
    );
});
