//! Any chunking of a stream — split anywhere, inside a UTF-8 character or a CRLF — gives the
//! same events, the same message and the same issues.

use proptest::prelude::*;
use zylon_schema::stream::{accumulate, Accumulator};

fn capture() -> Vec<u8> {
    let mut s = String::from("event: message_start\r\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"content\":[]}}\r\n\r\n");
    s.push_str(": keep-alive comment\n\n");
    s.push_str("data: {\"type\":\"content_block_start\",\"block_id\":\"t\",\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}\n\n");
    s.push_str("data: {\"type\":\"content_block_delta\",\"block_id\":\"t\",\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Überlegung 🤔\"}}\r\r");
    s.push_str("data: {\"type\":\"content_block_stop\",\"block_id\":\"t\"}\n\n");
    s.push_str("data: {\"type\":\"content_block_start\",\"block_id\":\"u\",\"content_block\":{\"type\":\"tool_use\",\"id\":\"x\",\"name\":\"f\",\"input\":{}}}\n\n");
    s.push_str("data: {\"type\":\"content_block_delta\",\"block_id\":\"u\",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"q\\\": \\\"é\"}}\n\n");
    s.push_str("data: {\"type\":\"content_block_delta\",\"block_id\":\"u\",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"}\"}}\n\n");
    s.push_str("data: {\"type\":\"content_block_stop\",\"block_id\":\"u\"}\n\n");
    s.push_str("data: {\"type\":\"content_block_start\",\"block_id\":\"b\",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
    s.push_str("data: {\"type\":\"content_block_delta\",\"block_id\":\"b\",\n");
    s.push_str("data: \"delta\":{\"type\":\"text_delta\",\"text\":\"日本語 and more\"}}\n\n");
    s.push_str("data: {\"type\":\"content_block_stop\",\"block_id\":\"b\"}\n\n");
    s.push_str("data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"usage\":{\"output_tokens\":9}}}\n\n");
    s.push_str("data: {\"type\":\"message_stop\"}\n\n");
    s.into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_chunking_gives_the_same_result(mut cuts in prop::collection::vec(0usize..2000, 0..12)) {
        let bytes = capture();
        let whole = accumulate(&bytes);
        prop_assert!(whole.issues().is_empty(), "{:?}", whole.issues());
        prop_assert_eq!(&whole.message()["content"][1]["input"]["q"], "é");
        prop_assert_eq!(&whole.message()["content"][2]["text"], "日本語 and more");
        cuts.iter_mut().for_each(|c| *c %= bytes.len() + 1);
        cuts.sort_unstable();
        let mut acc = Accumulator::new();
        let mut events = Vec::new();
        let mut prev = 0;
        for &c in cuts.iter().chain(std::iter::once(&bytes.len())) {
            events.extend(acc.push_bytes(&bytes[prev..c]));
            prev = c;
        }
        events.extend(acc.finish());
        prop_assert_eq!(events.len(), whole.event_count());
        prop_assert_eq!(acc.message(), whole.message());
        prop_assert_eq!(acc.issues(), whole.issues());
    }
}
