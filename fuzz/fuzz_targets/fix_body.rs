//! `fix_str` on arbitrary text: never a panic, the report matches the fixed body, and fixing a
//! fixed body changes nothing more.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zylon_schema::fix::fix_str;
use zylon_schema::{validate_str, Kind, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let opts = Options::default();
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
