//! Validate every line of a JSON Lines file as a chat request and print the number of errors: a
//! plain loop over `validate_str` for instruction-level profiles, which are deterministic where
//! wall-clock benchmarks on a shared machine are not, e.g.
//! `valgrind --tool=callgrind target/release/examples/validate_lines many-small.jsonl`
//! (build with `cargo build --release -p zylon-schema --example validate_lines`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: validate_lines FILE.jsonl");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let options = zylon_schema::Options::default();
    let errors: usize = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            zylon_schema::validate_str(l, zylon_schema::Kind::Chat, &options)
                .errors
                .len()
        })
        .sum();
    println!("{errors}");
    ExitCode::SUCCESS
}
