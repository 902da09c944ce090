//! Never lose a note: the real binary in a pseudo-terminal, killed, hung up on, resumed.

mod support;

use std::fs;
use std::process::Command;

use support::{CTRL_N, CTRL_Q, Console, fresh_dir};

fn signal(console: &Console, signal: libc::c_int) {
    let pid = libc::pid_t::try_from(console.pid()).unwrap();
    // SAFETY: kill(2) with a pid we spawned and a valid signal number has no memory effects.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
}

fn session_id(path: &std::path::Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

#[test]
fn a_note_survives_kill_9_and_comes_back_on_resume() {
    let mut console = Console::spawn(
        &["--role", "pentest", "--candidate", "Sam Lee"],
        80,
        24,
        &[],
    );
    console.wait_for("Thanks for interviewing with me today.");
    console.send(CTRL_N);
    console.type_text("found SSRF in the PDF renderer");
    console.wait_for("found SSRF in the PDF renderer");
    let path = console.wait_for_saved("found SSRF in the PDF renderer");
    let id = session_id(&path);
    signal(&console, libc::SIGKILL);
    console.wait_exit();

    let mut resumed = Console::spawn_in(&console.data_home, &["resume"], 80, 24, &[]);
    resumed.wait_for("Notes · Q1");
    resumed.wait_for("found SSRF in the PDF renderer");
    resumed.wait_for("Sam Lee");
    resumed.type_text(" via the metadata service");
    resumed.send(CTRL_Q);
    resumed.wait_for("Quit the interview?");
    resumed.type_text("y");
    assert_eq!(resumed.wait_exit(), 0);
    let json = fs::read_to_string(&path).unwrap();
    assert!(
        json.contains("found SSRF in the PDF renderer via the metadata service"),
        "{json}"
    );
    // Printed after the terminal is restored; the reader may still be catching up.
    resumed.wait_for(&format!("interview-console resume {id}"));
}

#[test]
fn a_note_typed_just_before_sighup_is_on_disk() {
    let mut console = Console::spawn(&["--role", "appsec", "--candidate", "Jo Park"], 80, 24, &[]);
    console.wait_for("Thanks for interviewing with me today.");
    console.wait_for_saved("Jo Park");
    console.type_text("typed a moment before the window closed");
    console.wait_for("typed a moment before the window closed");
    signal(&console, libc::SIGHUP);
    assert_eq!(
        console.wait_exit(),
        128 + 1,
        "exits as hung up, after saving"
    );
    let path = console.session_file().unwrap();
    let json = fs::read_to_string(path).unwrap();
    assert!(
        json.contains("typed a moment before the window closed"),
        "{json}"
    );
}

#[test]
fn closing_the_terminal_saves_the_notes_and_ends_the_console() {
    let mut console = Console::spawn(&["--role", "pentest", "--candidate", "Sam"], 80, 24, &[]);
    console.wait_for("Notes · Intro");
    console.wait_for_saved("Sam");
    console.type_text("typed as the window closed");
    console.wait_for("typed as the window closed");
    console.hang_up();
    // It ends (a console spinning on a closed terminal would time out here), saved.
    assert_eq!(
        console.wait_exit(),
        128 + 1,
        "ends as hung up, after saving"
    );
    let json = fs::read_to_string(console.session_file().unwrap()).unwrap();
    assert!(json.contains("typed as the window closed"), "{json}");
}

#[test]
fn sigterm_saves_restores_and_exits() {
    let mut console = Console::spawn(&["--role", "secops", "--candidate", "Ana"], 80, 24, &[]);
    console.wait_for("Notes · Intro");
    console.type_text("terminated politely");
    console.wait_for("terminated politely");
    signal(&console, libc::SIGTERM);
    assert_eq!(console.wait_exit(), 128 + 15);
    console.with_screen(|s| assert!(!s.alternate_screen()));
    let json = fs::read_to_string(console.session_file().unwrap()).unwrap();
    assert!(json.contains("terminated politely"));
}

#[test]
fn a_second_console_cannot_take_an_open_session() {
    let mut first = Console::spawn(&["--role", "pentest", "--candidate", "Sam"], 80, 24, &[]);
    first.wait_for("Notes · Intro");
    let id = session_id(&first.wait_for_saved("Sam"));

    let mut second = Console::spawn_in(&first.data_home, &["resume", &id], 80, 24, &[]);
    assert_eq!(second.wait_exit(), 2);
    second.wait_for(&format!(
        "session {id} is open in another console (process {})",
        first.pid()
    ));

    first.send(CTRL_Q);
    first.type_text("y");
    assert_eq!(first.wait_exit(), 0);
}

#[test]
fn an_unwritable_data_folder_warns_keeps_typing_and_falls_back_at_quit() {
    // A file where the data folder should be: no one, root included, can create it.
    let data_home = fresh_dir("blocked").join("not-a-folder");
    fs::write(&data_home, "").unwrap();
    let mut console = Console::spawn_in(
        &data_home,
        &["--role", "pentest", "--candidate", "Sam"],
        100,
        24,
        &[],
    );
    console.wait_for("Notes · Intro");
    console.wait_for("NOT SAVED");
    console.type_text("still typing");
    console.wait_for("still typing");
    console.send(CTRL_Q);
    console.type_text("y");
    assert_eq!(console.wait_exit(), 1);
    console.wait_for("the notes are safe in");
    let fallback = fs::read_dir(&console.temp)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(".json"))
        .expect("a fallback file");
    assert!(
        fs::read_to_string(&fallback)
            .unwrap()
            .contains("still typing")
    );
    console.wait_for(&fallback.display().to_string());
}

#[test]
fn a_panic_writes_the_notes_to_an_emergency_file() {
    let env = [("INTERVIEW_CONSOLE_TEST_PANIC", "1")];
    let mut console = Console::spawn(&["--role", "pentest", "--candidate", "Sam"], 80, 24, &env);
    console.wait_for("Notes · Intro");
    console.type_text("written just before the crash");
    console.wait_for("written just before the crash");
    console.send(b"\x1b[24~"); // F12
    assert_ne!(console.wait_exit(), 0);
    console.wait_for("test panic requested with F12");
    console.wait_for("the notes as they were are in");
    let emergency = fs::read_dir(&console.temp)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(".json"))
        .expect("an emergency file");
    assert!(
        fs::read_to_string(emergency)
            .unwrap()
            .contains("written just before the crash")
    );
}

#[test]
fn list_export_and_delete_work_on_what_the_console_saved() {
    let mut console = Console::spawn(
        &[
            "--role",
            "pentest",
            "--candidate",
            "Sam Lee",
            "--interviewer",
            "Alex",
        ],
        80,
        24,
        &[],
    );
    console.wait_for("Notes · Intro");
    console.send(CTRL_N);
    console.type_text("built a fuzzing harness");
    console.wait_for("built a fuzzing harness");
    for _ in 0..6 {
        console.send(CTRL_N);
    }
    console.wait_for("Notes · Wrap-up");
    console.send(b"\x05"); // Ctrl+E
    console.wait_for("Scorecard copied and written to");
    let id = session_id(&console.session_file().unwrap());
    let scorecard = console
        .data_home
        .join("interview-console/exports")
        .join(format!("{id}.md"));
    assert!(
        fs::read_to_string(&scorecard)
            .unwrap()
            .contains("- built a fuzzing harness")
    );
    console.send(CTRL_Q);
    console.type_text("y");
    assert_eq!(console.wait_exit(), 0);

    let cli = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_interview-console"))
            .args(args)
            .env("XDG_DATA_HOME", &console.data_home)
            .output()
            .unwrap()
    };
    let listed = String::from_utf8(cli(&["list"]).stdout).unwrap();
    assert!(listed.starts_with(&id), "{listed}");
    assert!(listed.contains("Sam Lee") && listed.contains("Penetration Tester"));
    assert!(
        listed.contains("finished"),
        "quit on wrap-up finishes it: {listed}"
    );

    let markdown = String::from_utf8(cli(&["export", &id]).stdout).unwrap();
    assert!(markdown.contains(
        "**Tell me about an existing security practice or process that you helped improve.**"
    ));
    assert!(markdown.contains("- built a fuzzing harness"), "{markdown}");

    let out = fresh_dir("export").join("sam.json");
    let exported = cli(&[
        "export",
        &id,
        "--format",
        "json",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(exported.status.success());
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["candidate"], "Sam Lee");

    let refused = cli(&["delete", &id]);
    assert_eq!(
        refused.status.code(),
        Some(2),
        "no terminal to ask on, no --yes"
    );
    assert!(console.session_file().is_some());
    assert!(cli(&["delete", &id, "--yes"]).status.success());
    assert!(console.session_file().is_none());
}

#[test]
fn a_bare_start_offers_the_unfinished_interview_and_a_named_start_mentions_it() {
    let mut first = Console::spawn(
        &["--role", "pentest", "--candidate", "Sam Lee"],
        100,
        24,
        &[],
    );
    first.wait_for("Notes · Intro");
    first.type_text("left unfinished");
    let id = session_id(&first.wait_for_saved("left unfinished"));
    signal(&first, libc::SIGKILL);
    first.wait_exit();

    let mut named = Console::spawn_in(
        &first.data_home,
        &["--role", "appsec", "--candidate", "Jo"],
        100,
        24,
        &[],
    );
    named.wait_for(&format!("Unfinished: resume {id}"));
    for _ in 0..7 {
        named.send(CTRL_N);
    }
    // Quit on wrap-up: finished, so the bare start below does not offer it.
    named.wait_for("Notes · Wrap-up");
    named.send(CTRL_Q);
    named.type_text("y");
    assert_eq!(named.wait_exit(), 0);

    let mut bare = Console::spawn_in(&first.data_home, &[], 100, 24, &[("USER", "alex")]);
    bare.wait_for("An unfinished interview with Sam Lee (Penetration Tester) began at");
    bare.type_text("\r");
    bare.wait_for("left unfinished");
    bare.wait_for("Notes · Intro");
    bare.send(CTRL_Q);
    bare.type_text("y");
    assert_eq!(bare.wait_exit(), 0);
}
