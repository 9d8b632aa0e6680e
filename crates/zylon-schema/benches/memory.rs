//! Peak memory of validating structure-dense and text-heavy bodies, as a multiple of the input:
//! a counting allocator records the most bytes live at once while `validate_str` runs (the
//! input text itself is counted: a caller holds it), next to the same figure for our parsed tree
//! alone (`zylon_json::parse`: where the peak of a validation is), a `serde_json::Value` and a
//! sonic-rs `Value` of the body.
//!
//! `cargo bench -p zylon-schema --bench memory` (`ZYLON_BENCH_SMOKE=1`: smaller bodies).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use zylon_schema::{validate_str, Kind, Options};

/// The system allocator, counting the bytes live now and the most live since the last reset.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are added.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
            PEAK.fetch_max(live, Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak bytes live while `f` runs, as a multiple of `input` bytes (which are live throughout).
fn peak_ratio(input: usize, f: impl FnOnce()) -> f64 {
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let before = LIVE.load(Relaxed);
    f();
    let extra = PEAK.load(Relaxed) - before;
    (input + extra) as f64 / input as f64
}

/// `n` short messages, user and assistant in turn, each with one text block (~64 bytes).
fn dense(n: usize) -> String {
    let mut s = String::from("{\"messages\":[");
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        let role = if i % 2 == 0 { "user" } else { "assistant" };
        s.push_str(&format!(
            "{{\"role\":\"{role}\",\"content\":[{{\"type\":\"text\",\"text\":\"message {i}\"}}]}}"
        ));
    }
    s.push_str("]}");
    s
}

/// One user message with a text of `n` bytes.
fn long_text(n: usize) -> String {
    format!(
        "{{\"messages\":[{{\"role\":\"user\",\"content\":[{{\"type\":\"text\",\"text\":\"{}\"}}]}}]}}",
        "x".repeat(n)
    )
}

fn main() {
    let smoke =
        std::env::var("ZYLON_BENCH_SMOKE").is_ok() || std::env::args().any(|a| a == "--smoke");
    let scale = if smoke { 100 } else { 1 };
    let (messages, text) = (1_000_000 / scale, 100_000_000 / scale);
    let bodies = [
        (format!("dense {messages} msgs"), dense(messages)),
        (
            format!("one text of {} MB", text / 1_000_000),
            long_text(text),
        ),
    ];
    let opts = Options::default();
    println!(
        "{:<20} {:>10} {:>12} {:>12} {:>12} {:>12}",
        "body", "input MB", "ours ×input", "our tree", "serde ×input", "sonic ×input"
    );
    for (name, body) in &bodies {
        let ours = peak_ratio(body.len(), || {
            let report = validate_str(black_box(body), Kind::Chat, &opts);
            assert!(report.is_valid(), "{name}: {:?}", report.errors.first());
            black_box(report);
        });
        let tree = peak_ratio(body.len(), || {
            let arena = zylon_json::Arena::new();
            black_box(zylon_json::parse(black_box(body), 1000, &arena).unwrap());
        });
        let serde = peak_ratio(body.len(), || {
            black_box(serde_json::from_str::<serde_json::Value>(body).unwrap());
        });
        let sonic = peak_ratio(body.len(), || {
            black_box(sonic_rs::from_str::<sonic_rs::Value>(body).unwrap());
        });
        println!(
            "{:<20} {:>10.1} {:>12.2} {:>12.2} {:>12.2} {:>12.2}",
            name,
            body.len() as f64 / 1e6,
            ours,
            tree,
            serde,
            sonic
        );
    }
}
