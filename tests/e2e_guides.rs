//! A team's guide in the real binary, in a pseudo-terminal at 80×24: found in the library
//! by name, a placeholder filled with `--set`, no role, run from the intro to the wrap-up,
//! and what the session and the scorecard keep of it.

mod support;

use std::process::Command;

use support::{CTRL_N, CTRL_Q, Console, fresh_dir};

const VALUES: &str = include_str!("fixtures/guides/values.yaml");

#[test]
fn a_library_guide_without_roles_runs_with_a_placeholder_set_on_the_command_line() {
    let config = fresh_dir("config");
    let library = config.join("interview-console/guides");
    std::fs::create_dir_all(&library).unwrap();
    std::fs::write(library.join("values.yaml"), VALUES).unwrap();
    let config_home = config.to_str().unwrap();
    let mut console = Console::spawn(
        &[
            "--guide",
            "values",
            "--candidate",
            "Sam Lee",
            "--interviewer",
            "Alex",
            "--set",
            "project=the payments API",
        ],
        80,
        24,
        &[("XDG_CONFIG_HOME", config_home)],
    );
    console.wait_for("Hello Sam Lee, I'm Alex. Thanks for making the time today.");
    console.wait_for("Values · Sam Lee");
    console.send(CTRL_N);
    console.wait_for("Tell me about your work on the payments API.");
    console.wait_for("For you, not to read out");
    console.wait_for("Push for what they did themselves, not the team.");
    console.type_text("rebuilt the ledger export");
    console.wait_for("rebuilt the ledger export");
    for _ in 0..4 {
        console.send(CTRL_N);
    }
    console.wait_for("Thank you, Sam Lee. You'll hear from us within a week.");
    console.send(CTRL_N);
    console.wait_for("Notes · Wrap-up");
    console.send(CTRL_Q);
    console.wait_for("Finish anyway?");
    console.type_text("f");
    assert_eq!(console.wait_exit(), 0);

    let session = console.session_file().expect("a session file");
    let json = std::fs::read_to_string(&session).unwrap();
    assert!(!json.contains("\"role\""), "{json}");
    assert!(json.contains("\"project\": \"the payments API\""), "{json}");
    assert!(json.contains("\"status\": \"finished\""), "{json}");

    let id = session.file_stem().unwrap().to_str().unwrap();
    let export = Command::new(env!("CARGO_BIN_EXE_interview-console"))
        .args(["export", id])
        .env("XDG_DATA_HOME", &console.data_home)
        .env("XDG_CONFIG_HOME", config_home)
        .env("HOME", &console.home)
        .output()
        .unwrap();
    assert!(export.status.success(), "{export:?}");
    let card = String::from_utf8(export.stdout).unwrap();
    assert!(card.starts_with("# Sam Lee\n"), "{card}");
    assert!(
        card.contains("**Tell me about your work on the payments API.**"),
        "{card}"
    );
    assert!(card.contains("- rebuilt the ledger export"), "{card}");
    assert!(card.contains("## Closing"), "{card}");
}
