//! Snapshot tests (insta) of the human output for a dozen representative bodies. The bodies are
//! in `tests/render/`; the reviewed renderings in `tests/snapshots/`.

use std::process::Command;

fn render(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/render");
    let out = Command::new(env!("CARGO_BIN_EXE_zylon-schema"))
        .current_dir(dir)
        .args(["validate", "--format", "human", name])
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{name}: exit {:?}",
        out.status
    );
    String::from_utf8(out.stdout).unwrap()
}

macro_rules! snapshots {
    ($($test:ident => $file:literal,)*) => {
        $(
            #[test]
            fn $test() {
                insta::assert_snapshot!(stringify!($test), render($file));
            }
        )*
    };
}

snapshots! {
    valid_chat => "valid-chat.json",
    role_case_and_temperature => "role-and-temperature.json",
    syntax_error => "syntax-error.json",
    missing_messages => "missing-messages.json",
    unknown_field_typo => "unknown-field.json",
    tool_pairing => "tool-pairing.json",
    media_problems => "media.json",
    semantic_search_without_context => "semantic-search.json",
    structured_output_with_tools => "structured-output.json",
    interaction_envelope => "interaction.json",
    minified_long_line => "minified.json",
    secrets_masked => "secrets.json",
    duplicate_keys => "duplicate-keys.json",
}
