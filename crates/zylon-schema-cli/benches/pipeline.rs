//! CLI throughput on one thread (`-j 1`) against every core (`-j N`), end to end (the release
//! binary, output to /dev/null), on two workloads:
//!
//! * `many-small.jsonl` of `scripts/bench/gen_workloads.py` (10,000 requests, one per line);
//! * a directory of 10,000 small files (the same requests, one per file, 100 per folder).
//!
//! Figures: the best and the median of 11 interleaved runs of each, and the cores the runs kept
//! busy on average (CPU time over wall time, Linux): on a shared machine the timings vary with
//! the neighbours, the cores used much less.
//!
//! Then the peak memory of single large bodies (a million short messages; one 100 MB text with
//! an issue, so that the human format renders a snippet of it) in the JSON and human formats.
//!
//! `cargo bench -p zylon-schema-cli --bench pipeline` — set `ZYLON_BENCH_DIR` to reuse generated
//! workloads, `ZYLON_BENCH_JOBS` to compare with another thread count than every core, and
//! `ZYLON_BENCH_SMOKE=1` to run each command once (no figures worth reading).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn workloads_dir() -> PathBuf {
    if let Ok(d) = std::env::var("ZYLON_BENCH_DIR") {
        return PathBuf::from(d);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = root.join("target/bench-workloads");
    if !dir.join("many-small.jsonl").exists() {
        let status = Command::new("python3")
            .arg(root.join("scripts/bench/gen_workloads.py"))
            .arg(&dir)
            .status()
            .expect("python3 runs gen_workloads.py");
        assert!(status.success(), "gen_workloads.py failed");
    }
    dir
}

/// The lines of many-small.jsonl as 10,000 files, 100 per folder (made once).
fn many_files(dir: &Path) -> PathBuf {
    let out = dir.join("many-files");
    let done = out.join(".complete");
    if done.exists() {
        return out;
    }
    let text = std::fs::read_to_string(dir.join("many-small.jsonl")).expect("many-small.jsonl");
    for (i, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let sub = out.join(format!("d{:03}", i / 100));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("f{i:05}.json")), line).unwrap();
    }
    std::fs::write(&done, "").unwrap();
    out
}

/// CPU seconds used by the reaped children of this process so far (Linux: `cutime + cstime`
/// of /proc/self/stat, in clock ticks of 1/100 s), if known.
fn children_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (in parentheses, which may hold spaces): cutime and
    // cstime are fields 16 and 17 of the line, so 14 and 15 of these.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(13)?.parse::<f64>().ok()? + f.get(14)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Wall seconds and CPU seconds for one run of `validate -f json -j JOBS PATH`, output
/// discarded.
fn once(path: &Path, jobs: usize) -> (f64, Option<f64>) {
    let cpu_before = children_cpu();
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_zylon-schema"))
        .args(["validate", "-f", "json", "-j", &jobs.to_string()])
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the binary runs");
    let secs = start.elapsed().as_secs_f64();
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "validate failed: {status}"
    );
    let cpu = children_cpu().zip(cpu_before).map(|(a, b)| a - b);
    (secs, cpu)
}

/// The cores a series of runs kept busy on average (CPU time over wall time).
fn cores_used(runs: &[(f64, Option<f64>)]) -> String {
    let wall: f64 = runs.iter().map(|r| r.0).sum();
    match runs.iter().map(|r| r.1).sum::<Option<f64>>() {
        Some(cpu) if wall > 0.0 => format!("{:.2}", cpu / wall),
        _ => "?".into(),
    }
}

/// The best and the median of some timings.
fn best_and_median(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[0], v[v.len() / 2])
}

fn bytes_under(path: &Path) -> u64 {
    if path.is_file() {
        return path.metadata().map_or(0, |m| m.len());
    }
    std::fs::read_dir(path)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .map(|e| bytes_under(&e.path()))
                .sum()
        })
        .unwrap_or(0)
}

/// Peak resident memory (bytes) of one `validate -f FORMAT PATH`, read by a Python parent with
/// `getrusage(RUSAGE_CHILDREN)` (std has no portable way; python3 is on every machine the
/// project builds on). `None` when that is not available.
fn peak_rss(path: &Path, format: &str) -> Option<f64> {
    let script = "import resource,subprocess,sys\n\
        subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL)\n\
        print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)";
    let out = Command::new("python3")
        .args([
            "-c",
            script,
            env!("CARGO_BIN_EXE_zylon-schema"),
            "validate",
            "-f",
            format,
        ])
        .arg(path)
        .output()
        .ok()?;
    let kb: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
    Some(kb * 1024.0)
}

/// Peak memory of the CLI on a structure-dense body (a million short messages) and on one long
/// text, in the JSON and the human format, as a multiple of the input size.
fn memory(dir: &Path, smoke: bool) {
    let scale = if smoke { 100 } else { 1 };
    let dense = dir.join(format!("dense-{}.json", 1_000_000 / scale));
    let long = dir.join(format!("text-{}.json", 100_000_000 / scale));
    if !dense.exists() {
        let mut s = String::from("{\"messages\":[");
        for i in 0..1_000_000 / scale {
            let role = if i % 2 == 0 { "user" } else { "assistant" };
            s.push_str(&format!(
                "{}{{\"role\":\"{role}\",\"content\":[{{\"type\":\"text\",\"text\":\"message {i}\"}}]}}",
                if i > 0 { "," } else { "" }
            ));
        }
        s.push_str("]}");
        std::fs::write(&dense, s).unwrap();
    }
    if !long.exists() {
        let text = "x".repeat(100_000_000 / scale);
        let body = format!(
            "{{\"messages\":[{{\"role\":\"user\",\"content\":\"{text}\"}}],\"temperature\":3}}"
        );
        std::fs::write(&long, body).unwrap();
    }
    println!("\npeak memory (max RSS) as a multiple of the input");
    for path in [&dense, &long] {
        let mb = bytes_under(path) as f64 / 1e6;
        let mut line = format!(
            "{:<28} {mb:>6.1} MB |",
            path.file_name().unwrap().to_string_lossy()
        );
        for format in ["json", "human"] {
            match peak_rss(path, format) {
                Some(b) => line.push_str(&format!(
                    " -f {format}: {:>6.1} MB {:.2}x |",
                    b / 1e6,
                    b / 1e6 / mb
                )),
                None => line.push_str(&format!(" -f {format}: ? |")),
            }
        }
        println!("{line}");
    }
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument filters by workload name.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let smoke = std::env::var_os("ZYLON_BENCH_SMOKE").is_some();
    let all = std::env::var("ZYLON_BENCH_JOBS")
        .ok()
        .and_then(|j| j.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let dir = workloads_dir();
    let workloads = [
        ("many-small.jsonl", dir.join("many-small.jsonl")),
        ("10k-files/", many_files(&dir)),
    ];
    let rounds = if smoke { 1 } else { 11 };
    // The best run is the one a busy neighbour disturbed least (this machine is shared); the
    // medians are printed too.
    println!(
        "zylon-schema validate -f json, 10,000 bodies, 1 thread vs {all}, {rounds} interleaved runs each"
    );
    for (name, path) in &workloads {
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let mb = bytes_under(path) as f64 / 1e6;
        // One warm-up run each (page cache), then alternate so a busy spell hits both alike.
        once(path, 1);
        once(path, all);
        let (mut one, mut many) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            one.push(once(path, 1));
            many.push(once(path, all));
        }
        let (c1, cn) = (cores_used(&one), cores_used(&many));
        let ((t1, m1), (tn, mn)) = (
            best_and_median(one.iter().map(|r| r.0).collect()),
            best_and_median(many.iter().map(|r| r.0).collect()),
        );
        println!(
            "{name:<17} {mb:>4.1} MB | -j 1: {t1:.3} s {:>6.0} bodies/s {:>5.1} MB/s | -j {all}: {tn:.3} s {:>6.0} bodies/s {:>5.1} MB/s | best {:.2}x, median {:.2}x ({m1:.3} s / {mn:.3} s) | cores busy {c1} / {cn}",
            10_000.0 / t1,
            mb / t1,
            10_000.0 / tn,
            mb / tn,
            t1 / tn,
            m1 / mn
        );
    }
    if filter.as_deref().is_none_or(|f| "memory".contains(f)) {
        memory(&dir, smoke);
    }
}
