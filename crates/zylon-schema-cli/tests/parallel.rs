//! Parallel checking (`-j N`) gives the same output, byte for byte and in input order, as one
//! thread (`-j 1`), over enough files and JSON Lines lines to fill several batches.

mod common;

use common::*;

const BODIES: &[&str] = &[
    GOOD,
    BAD,
    r#"{"messages":[],"top_p":"x"}"#,
    "{\"messages\": [,]}",
    r#"{"name":"n"}"#,
    r#"{"thread_id":"t","pgpt":{"messages":[]}}"#,
];

#[test]
fn parallel_and_sequential_runs_give_identical_reports() {
    let dir = fresh_dir("parallel");
    for i in 0..2100 {
        put(
            &dir,
            &format!("set/d{}/f{i:05}.json", i % 3),
            BODIES[i % BODIES.len()],
        );
    }
    let mut log = String::new();
    for i in 0..2600 {
        if i % 97 == 0 {
            log.push('\n');
        }
        log.push_str(&BODIES[(i * 7) % BODIES.len()].replace('\n', " "));
        log.push('\n');
    }
    put(&dir, "set/log.jsonl", &log);
    // The counts the summary must give, from the library itself.
    let (mut invalid, mut errors, mut warnings) = (0, 0, 0);
    let bodies = (0..2100)
        .map(|i| BODIES[i % BODIES.len()].to_string())
        .chain((0..2600).map(|i| BODIES[(i * 7) % BODIES.len()].replace('\n', " ")));
    for b in bodies {
        let kind = zylon_schema::detect_kind(b.as_bytes());
        let r = zylon_schema::validate_bytes(b.as_bytes(), kind, &zylon_schema::Options::default());
        invalid += usize::from(!r.is_valid());
        errors += r.errors.len();
        warnings += r.warnings.len();
    }
    for format in ["json", "human", "sarif", "github"] {
        let one = run_in(&dir, &["validate", "-f", format, "-j", "1", "set"]);
        let two = run_in(&dir, &["validate", "-f", format, "-j", "2", "set"]);
        let four = run_in(&dir, &["validate", "-f", format, "--jobs=4", "set"]);
        assert_eq!(one.status.code(), Some(1), "{format}");
        assert_eq!(two.status.code(), Some(1), "{format}");
        assert_eq!(four.status.code(), Some(1), "{format}");
        assert!(one.stdout == two.stdout, "{format}: -j 2 differs from -j 1");
        assert!(
            one.stdout == four.stdout,
            "{format}: -j 4 differs from -j 1"
        );
        if format == "json" {
            let lines = ndjson(&one);
            assert_eq!(lines.len(), 2100 + 2600);
            // Input order: d0, d1, d2 (files in name order), then the JSONL lines in order.
            assert_eq!(lines[0]["file"], "set/d0/f00000.json");
            assert_eq!(lines[1]["file"], "set/d0/f00003.json");
            assert_eq!(lines[700]["file"], "set/d1/f00001.json");
            assert_eq!(lines[2100]["file"], "set/log.jsonl");
            assert_eq!(lines[2100]["line"], 2); // line 1 is blank
            let numbers: Vec<u64> = lines[2100..]
                .iter()
                .map(|v| v["line"].as_u64().unwrap())
                .collect();
            assert!(numbers.windows(2).all(|w| w[0] < w[1]));
            assert_eq!(*numbers.last().unwrap(), 2600 + 27);
        }
        if format == "human" {
            let text = String::from_utf8(one.stdout).unwrap();
            assert!(
                text.trim_end().ends_with(&format!(
                    "\n{invalid} of 4700 bodies invalid, {errors} errors, {warnings} warnings"
                )),
                "{}",
                text.lines().last().unwrap()
            );
        }
    }
}
