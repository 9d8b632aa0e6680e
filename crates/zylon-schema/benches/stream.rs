//! Stream decoding throughput: a ~10 MB synthetic `text/event-stream` (text, thinking and tool
//! input deltas) decoded and accumulated in one pass. `cargo bench -p zylon-schema --bench stream`.

use std::hint::black_box;
use std::time::Instant;

fn synthetic(target: usize) -> Vec<u8> {
    let mut s = String::from("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"content\":[]}}\n\n");
    let mut block = 0;
    while s.len() < target {
        let id = format!("b{block}");
        let (start, delta) = match block % 3 {
            0 => ("{\"type\":\"text\",\"text\":\"\"}", "{\"type\":\"text_delta\",\"text\":\"The backlog fell 8% — été 日本 \\\"quoted\\\" \"}"),
            1 => ("{\"type\":\"thinking\",\"thinking\":\"\"}", "{\"type\":\"thinking_delta\",\"thinking\":\"compare week over week \"}"),
            _ => ("{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{}}", "{\"type\":\"input_json_delta\",\"partial_json\":\"\"}"),
        };
        s.push_str(&format!("event: content_block_start\ndata: {{\"type\":\"content_block_start\",\"block_id\":\"{id}\",\"content_block\":{start}}}\n\n"));
        for _ in 0..50 {
            s.push_str(&format!("event: content_block_delta\ndata: {{\"type\":\"content_block_delta\",\"block_id\":\"{id}\",\"delta\":{delta}}}\n\n"));
        }
        s.push_str(&format!(
            "data: {{\"type\":\"content_block_stop\",\"block_id\":\"{id}\"}}\n\n"
        ));
        block += 1;
    }
    s.push_str("data: {\"type\":\"message_stop\"}\n\n");
    s.into_bytes()
}

fn main() {
    let smoke = std::env::var("ZYLON_BENCH_SMOKE").is_ok();
    let bytes = synthetic(10 * 1024 * 1024);
    let runs = if smoke { 1 } else { 7 };
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let acc = zylon_schema::stream::accumulate(black_box(&bytes));
            assert!(acc.issues().is_empty() && acc.is_complete());
            black_box(acc.message());
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let t = times[times.len() / 2];
    println!(
        "stream decode+accumulate: {} bytes in {:.1} ms = {:.0} MB/s",
        bytes.len(),
        t * 1e3,
        bytes.len() as f64 / t / 1e6
    );
    std::fs::write(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/stream-10mb.sse"),
        &bytes,
    )
    .ok();
}
