//! `cargo xtask <task>`: project automation.
//!
//! * `test` — everything CI runs: formatting, clippy, every test, the schema drift check, the
//!   cross-language schema check (Python `jsonschema` in a venv it creates) and a benchmark smoke run.
//! * `schemas` — regenerate `schemas/` from the Rust types.
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

mod npm;

/// Every `.json` file below `dir`.
fn walk_json(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            walk_json(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// The project's shared documents (API references, RULES.md, the benchmark generator): `$ZYLON_SHARED`,
/// else `../shared` beside the repository, else beside the repository a local clone came from
/// (so that `git clone . /tmp/x && cd /tmp/x && cargo xtask test` still finds them).
fn shared_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("ZYLON_SHARED") {
        return Some(PathBuf::from(d));
    }
    let beside = |repo: &Path| Some(repo.parent()?.join("shared")).filter(|d| d.is_dir());
    beside(&root()).or_else(|| {
        let out = Command::new("git")
            .current_dir(root())
            .args(["config", "--get", "remote.origin.url"])
            .output()
            .ok()?;
        let origin = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
        beside(&origin.canonicalize().ok()?)
    })
}

/// Run a command in its own working directory (or the caller's), failing on a non-zero exit.
fn run_in(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Run a command from the workspace root.
fn run(cmd: &mut Command) -> Result<(), String> {
    run_in(cmd.current_dir(root()))
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Write every schema into `dir` as `<name>.schema.json` (pretty JSON + newline).
fn write_schemas(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    for (name, schema) in zylon_schema::schema::all() {
        let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())? + "\n";
        std::fs::write(dir.join(format!("{name}.schema.json")), text).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn schema_drift() -> Result<(), String> {
    let tmp = std::env::temp_dir().join(format!("zylon-schemas-{}", std::process::id()));
    write_schemas(&tmp)?;
    let committed = root().join("schemas");
    let mut differ = Vec::new();
    for (name, _) in zylon_schema::schema::all() {
        let file = format!("{name}.schema.json");
        let fresh = std::fs::read(tmp.join(&file)).map_err(|e| e.to_string())?;
        if std::fs::read(committed.join(&file)).ok().as_deref() != Some(fresh.as_slice()) {
            differ.push(file);
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    if differ.is_empty() {
        println!("schemas/ matches the Rust types");
        Ok(())
    } else {
        Err(format!(
            "schemas/ is out of date ({}): run `cargo xtask schemas` and commit",
            differ.join(", ")
        ))
    }
}

/// Validate fixtures and examples against `schemas/` with Python's `jsonschema`, in a venv.
fn python_check() -> Result<(), String> {
    let venv = root().join("target/py-venv");
    let py = venv.join("bin/python");
    if !py.exists() {
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    let has = Command::new(&py)
        .args(["-c", "import jsonschema"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !has {
        run(Command::new(&py).args(["-m", "pip", "install", "--quiet", "jsonschema"]))?;
    }
    run(Command::new(&py).arg("scripts/check_schemas.py"))
}

fn test() -> Result<(), String> {
    // Tests and benchmarks read the shared documents through this variable.
    if let Some(d) = shared_dir() {
        std::env::set_var("ZYLON_SHARED", d);
    }
    type Step = (&'static str, fn() -> Result<(), String>);
    let steps: &[Step] = &[
        ("format", || {
            run(cargo().args(["fmt", "--all", "--", "--check"]))
        }),
        ("clippy", || {
            run(cargo().args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]))
        }),
        ("tests", || run(cargo().args(["test", "--workspace"]))),
        ("schema drift", schema_drift),
        ("schemas in Python", python_check),
        (
            "npm package (wasm build, Node, TypeScript, npm pack, Chromium)",
            || npm::test(std::env::var("CI").is_ok_and(|v| v == "true")),
        ),
        ("benchmark smoke run", || {
            run(cargo()
                .args(["bench", "-p", "zylon-schema"])
                .env("ZYLON_BENCH_SMOKE", "1"))
        }),
    ];
    for (name, step) in steps {
        println!("\n==> {name}");
        step().map_err(|e| format!("step `{name}` failed: {e}"))?;
    }
    println!("\nall checks passed");
    Ok(())
}

fn main() {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "test" => test(),
        "schemas" => write_schemas(&root().join("schemas")).map(|()| println!("wrote schemas/")),
        "npm" => npm::build(),
        "npm-test" => npm::test(std::env::var("CI").is_ok_and(|v| v == "true")),
        _ => Err("usage: cargo xtask <test|schemas|npm|npm-test>".to_string()),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        std::process::exit(1);
    }
}
