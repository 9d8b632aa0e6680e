//! Native benchmark: `validate_str` (every rule) against three parse anchors
//! (`serde_json::from_str::<Value>`, the SIMD parser sonic-rs's `from_str::<Value>`, and
//! simd-json's tape: simdjson's structural index of the text in 64-byte SIMD blocks, then a
//! tape, as `zylon_json` builds one; it parses in place, so its input is copied first) and
//! the peer (`Value` + `jsonschema` `is_valid` with our exported ChatRequest schema), on the
//! workloads of `scripts/bench/gen_workloads.py`, in one run, samples interleaved. The
//! validator's own parse (`zylon_json::parse`, the tape every rule reads) is timed too: what is
//! left of `validate_str` after it is the rules' share. Then a body with thousands of issues
//! (`many-issues` of `scripts/bench/gen_many_issues.py`: chat-1mb with an unknown key in every
//! message and a number for every text),
//! against the peer collecting every error (`iter_errors`).
//!
//! Every contender reads the same `&str`, which is known to be UTF-8: `from_str`, not
//! `from_slice` (which checks UTF-8 again: sonic-rs's `from_slice` took 1.2-1.3x its `from_str`
//! on the 1 MB chat, and an earlier version of this benchmark compared against it).
//!
//! `cargo bench -p zylon-schema` — set `ZYLON_BENCH_DIR` to reuse generated workloads;
//! `ZYLON_BENCH_SMOKE=1` runs every measurement once (used by `cargo xtask test`).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use zylon_schema::{is_valid_str, validate_str, Kind, Options};

/// The validator's nesting limit (`zylon_schema::check::MAX_DEPTH`).
const MAX_DEPTH: usize = zylon_schema::check::MAX_DEPTH;

fn workloads_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = match std::env::var("ZYLON_BENCH_DIR") {
        Ok(d) => PathBuf::from(d),
        Err(_) => root.join("target/bench-workloads"),
    };
    for (made, script) in [
        ("many-small.jsonl", "gen_workloads.py"),
        ("many-issues.json", "gen_many_issues.py"),
    ] {
        if !dir.join(made).exists() {
            let status = std::process::Command::new("python3")
                .arg(root.join("scripts/bench").join(script))
                .arg(&dir)
                .status()
                .expect("python3 runs the workload generator");
            assert!(status.success(), "{script} failed");
        }
    }
    dir
}

/// Median seconds per run of each function. Samples are interleaved (one batch of each
/// function per round) so that a slow spell of a shared machine hits every contender alike and
/// the printed ratios stay meaningful.
fn measure_all(smoke: bool, fs: &mut [&mut dyn FnMut()]) -> Vec<f64> {
    if smoke {
        return fs
            .iter_mut()
            .map(|f| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .collect();
    }
    let samples = 15u32;
    let budget = Duration::from_millis(1500) / samples;
    // Warm up and size each inner loop.
    let inner: Vec<u32> = fs
        .iter_mut()
        .map(|f| {
            let t = Instant::now();
            f();
            let once = t.elapsed().max(Duration::from_nanos(50));
            (budget.as_secs_f64() / once.as_secs_f64()).clamp(1.0, 1e6) as u32
        })
        .collect();
    let mut times = vec![Vec::new(); fs.len()];
    for _ in 0..samples {
        for (k, f) in fs.iter_mut().enumerate() {
            let t = Instant::now();
            for _ in 0..inner[k] {
                f();
            }
            times[k].push(t.elapsed().as_secs_f64() / f64::from(inner[k]));
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort_by(f64::total_cmp);
            t[t.len() / 2]
        })
        .collect()
}

/// Median seconds per run of `f`.
fn measure(smoke: bool, mut f: impl FnMut()) -> f64 {
    measure_all(smoke, &mut [&mut f])[0]
}

/// A chat body of about `target` bytes: the messages of chat-1mb repeated, tool ids renamed so
/// that each copy pairs with itself.
fn scaled_chat(base: &str, target: usize) -> String {
    let v: serde_json::Value = serde_json::from_str(base).expect("chat-1mb");
    let msgs = v["messages"].as_array().expect("messages").clone();
    let mut all = Vec::new();
    let mut copy = 0;
    let mut size = 0;
    while size < target || all.is_empty() {
        for m in &msgs {
            let text = serde_json::to_string(m)
                .unwrap()
                .replace("\"toolu_", &format!("\"c{copy}_toolu_"));
            size += text.len();
            all.push(serde_json::from_str::<serde_json::Value>(&text).unwrap());
        }
        copy += 1;
        if target < base.len() {
            break;
        }
    }
    if target < base.len() {
        // Keep a prefix that still ends with the original last user message.
        let keep = (msgs.len() * target / base.len()).max(1) | 1;
        let last = all.last().cloned().unwrap();
        all.truncate(keep.min(all.len()));
        all.retain(|m| {
            m["content"].as_array().is_none_or(|c| {
                c.iter()
                    .all(|b| b["type"] != "tool_use" && b["type"] != "tool_result")
            })
        });
        all.push(last);
    }
    let mut out = v.clone();
    out["messages"] = serde_json::Value::Array(all);
    out.to_string()
}

fn main() {
    let smoke =
        std::env::var("ZYLON_BENCH_SMOKE").is_ok() || std::env::args().any(|a| a == "--smoke");
    let dir = workloads_dir();
    let schema_path = std::env::var("ZYLON_BENCH_SCHEMA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas/chat-request.schema.json")
        });
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&schema_path).expect("schemas/chat-request.schema.json"),
    )
    .expect("schema JSON");
    let peer = jsonschema::draft202012::new(&schema).expect("the exported schema compiles");
    let opts = Options::default();

    println!(
        "{:<18} {:>7} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>9} {:>10} {:>10} {:>10} {:>11} {:>12}",
        "workload",
        "valid",
        "ours ms",
        "parse ms",
        "serde ms",
        "sonic ms",
        "simdjs ms",
        "peer ms",
        "ours MB/s",
        "ours/peer",
        "ours/serde",
        "ours/sonic",
        "parse/sonic",
        "parse/simdjs"
    );
    // simd-json's buffers and its input copy, kept across calls (as a server would keep them)
    let mut simd_buffers = simd_json::Buffers::default();
    let mut simd_input: Vec<u8> = Vec::new();
    let scaling = std::env::var("ZYLON_BENCH_SCALING").is_ok();
    for name in [
        "small.json",
        "chat-1mb.json",
        "media-8mb.json",
        "many-small.jsonl",
    ] {
        let text = std::fs::read_to_string(dir.join(name)).expect("workload");
        let docs: Vec<&str> = if name.ends_with(".jsonl") {
            text.lines().filter(|l| !l.is_empty()).collect()
        } else {
            vec![text.as_str()]
        };
        // Sanity: the single-body workloads are valid requests and the peer agrees; many-small
        // deliberately holds some bodies the server rejects (e.g. temperature above 1).
        let valid = docs
            .iter()
            .filter(|d| validate_str(d, Kind::Chat, &opts).is_valid())
            .count();
        if docs.len() == 1 {
            assert_eq!(valid, 1, "{name} should be a valid request");
        }
        let bytes: usize = docs.iter().map(|d| d.len()).sum();
        let times = measure_all(
            smoke,
            &mut [
                &mut || {
                    for d in &docs {
                        black_box(validate_str(black_box(d), Kind::Chat, &opts));
                    }
                },
                &mut || {
                    for d in &docs {
                        black_box(serde_json::from_str::<serde_json::Value>(black_box(d)).unwrap());
                    }
                },
                &mut || {
                    for d in &docs {
                        black_box(sonic_rs::from_str::<sonic_rs::Value>(black_box(d)).unwrap());
                    }
                },
                &mut || {
                    for d in &docs {
                        let v: serde_json::Value = serde_json::from_str(black_box(d)).unwrap();
                        black_box(peer.is_valid(&v));
                    }
                },
                &mut || {
                    for d in &docs {
                        let arena = zylon_json::Arena::default();
                        let parsed = zylon_json::parse(black_box(d), MAX_DEPTH, &arena);
                        black_box(parsed.is_ok());
                    }
                },
                &mut || {
                    for d in &docs {
                        simd_input.clear();
                        simd_input.extend_from_slice(black_box(d).as_bytes());
                        let tape =
                            simd_json::to_tape_with_buffers(&mut simd_input, &mut simd_buffers)
                                .unwrap();
                        black_box(tape.0.len());
                    }
                },
            ],
        );
        let (ours, floor, sonic, peer_t, parse, simd) =
            (times[0], times[1], times[2], times[3], times[4], times[5]);
        println!(
            "{:<18} {:>7} {:>10.3} {:>10.3} {:>10.3} {:>10.3} {:>10.3} {:>10.3} {:>9.0} {:>10.2} {:>10.2} {:>10.2} {:>11.2} {:>12.2}",
            name,
            format!("{valid}/{}", docs.len()),
            ours * 1e3,
            parse * 1e3,
            floor * 1e3,
            sonic * 1e3,
            simd * 1e3,
            peer_t * 1e3,
            bytes as f64 / ours / 1e6,
            ours / peer_t,
            ours / floor,
            ours / sonic,
            parse / sonic,
            parse / simd
        );
    }
    {
        // Reporting: a body with an issue in every message and every text block.
        let body = std::fs::read_to_string(dir.join("many-issues.json")).expect("many-issues");
        let report = validate_str(&body, Kind::Chat, &opts);
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        let peer_errors = peer.iter_errors(&v).count();
        assert!(
            report.errors.len() + report.warnings.len() > 1000 && peer_errors > 0,
            "many-issues has issues"
        );
        let times = measure_all(
            smoke,
            &mut [
                &mut || {
                    black_box(validate_str(black_box(&body), Kind::Chat, &opts));
                },
                &mut || {
                    let v: serde_json::Value = serde_json::from_str(black_box(&body)).unwrap();
                    black_box(peer.iter_errors(&v).count());
                },
                &mut || {
                    black_box(sonic_rs::from_str::<sonic_rs::Value>(black_box(&body)).unwrap());
                },
                &mut || {
                    black_box(is_valid_str(black_box(&body), Kind::Chat, &opts));
                },
                &mut || {
                    let v: serde_json::Value = serde_json::from_str(black_box(&body)).unwrap();
                    black_box(peer.is_valid(&v));
                },
            ],
        );
        assert!(!is_valid_str(&body, Kind::Chat, &opts) && !report.valid);
        println!(
            "\n{:<18} {:>7} {:>10} {:>10} {:>10} {:>12} {:>10}",
            "workload", "issues", "ours ms", "peer ms", "sonic ms", "peer errors", "ours/peer"
        );
        println!(
            "{:<18} {:>7} {:>10.3} {:>10.3} {:>10.3} {:>12} {:>10.2}   (peer: every error, iter_errors; ours/sonic {:.2})",
            "many-issues",
            report.errors.len() + report.warnings.len(),
            times[0] * 1e3,
            times[1] * 1e3,
            times[2] * 1e3,
            peer_errors,
            times[0] / times[1],
            times[0] / times[2],
        );
        // The verdict alone: `is_valid_str` (stops at the first final error) against the peer's
        // `is_valid` (serde_json parse + jsonschema, stops at the first error too).
        println!(
            "{:<18} {:>7} {:>10.3} {:>10.3} {:>10} {:>12} {:>10.2}   (verdict only: is_valid_str ÷ validate_str {:.2}, ÷ sonic {:.2})",
            "  is_valid",
            "",
            times[3] * 1e3,
            times[4] * 1e3,
            "",
            "",
            times[3] / times[4],
            times[3] / times[0],
            times[3] / times[2],
        );
    }
    if scaling && !smoke {
        // Linearity: chat bodies of 0.1, 1, 10 and 100 MB.
        let base = std::fs::read_to_string(dir.join("chat-1mb.json")).expect("chat-1mb");
        println!(
            "\n{:<10} {:>12} {:>12} {:>12}",
            "size MB", "ours ms", "ns/byte", "valid"
        );
        for mb in [0.1, 1.0, 10.0, 100.0] {
            let body = scaled_chat(&base, (mb * 1e6) as usize);
            let valid = validate_str(&body, Kind::Chat, &opts).is_valid();
            let t = measure(false, || {
                black_box(validate_str(black_box(&body), Kind::Chat, &opts));
            });
            println!(
                "{:<10.1} {:>12.3} {:>12.3} {:>12}",
                body.len() as f64 / 1e6,
                t * 1e3,
                t * 1e9 / body.len() as f64,
                valid
            );
        }
    }
}
