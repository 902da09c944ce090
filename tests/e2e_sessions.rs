//! Never lose a note: the real binary in a pseudo-terminal, killed, hung up on, resumed.

mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
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

/// Everything in a folder, for checking that nothing new appeared there.
fn entries(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn closing_the_terminal_is_a_normal_exit_that_keeps_the_notes_private() {
    let mut console = Console::spawn(&["--role", "pentest", "--candidate", "Sam"], 80, 24, &[]);
    console.wait_for("Notes · Intro");
    console.wait_for_saved("Sam");
    console.send(CTRL_N);
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
    // The session file holds everything: no copy of the candidate's notes anywhere else.
    for shared in [&console.temp, &console.home, &console.state_home] {
        assert_eq!(
            entries(shared),
            Vec::<PathBuf>::new(),
            "{}",
            shared.display()
        );
    }
    assert!(
        !console
            .data_home
            .join("interview-console/recovery")
            .exists()
    );

    let mut resumed = Console::spawn_in(&console.data_home, &["resume"], 80, 24, &[]);
    resumed.wait_for("Notes · Q1");
    resumed.wait_for("typed as the window closed");
    resumed.send(CTRL_Q);
    resumed.type_text("y");
    assert_eq!(resumed.wait_exit(), 0);
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
fn an_unwritable_data_folder_warns_keeps_typing_and_goes_to_a_private_recovery_file() {
    // A file where the data folder should be: no one, root included, can create it.
    let data_home = fresh_dir("blocked").join("not-a-folder");
    fs::write(&data_home, "").unwrap();
    let mut console = Console::spawn_in(
        &data_home,
        &["--role", "pentest", "--candidate", "Sam Lee"],
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
    console.wait_for("the notes are safe in the recovery file");
    // The data folder refused it, so the state folder's private recovery folder took it.
    let recovery = console.state_home.join("interview-console/recovery");
    let files = entries(&recovery);
    assert_eq!(files.len(), 1, "{files:?}");
    let file = &files[0];
    assert!(fs::read_to_string(file).unwrap().contains("still typing"));
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("interview-console-recovery-") && !name.contains("sam"),
        "a name that says nothing of the candidate: {name}"
    );
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(file), 0o600);
    assert_eq!(mode(&recovery), 0o700);
    assert_eq!(entries(&console.temp), Vec::<PathBuf>::new());
    console.wait_for(&name);

    // Once the folder can be written again, the next console and `list` point to it.
    fs::remove_file(&data_home).unwrap();
    let state = console.state_home.to_str().unwrap();
    let env = [("XDG_STATE_HOME", state)];
    let mut next = Console::spawn_in(
        &data_home,
        &["--role", "appsec", "--candidate", "Jo"],
        100,
        24,
        &env,
    );
    next.wait_for("A recovery file is waiting: see `interview-console list`");
    next.send(CTRL_Q);
    next.type_text("y");
    assert_eq!(next.wait_exit(), 0);
    let listed = Command::new(env!("CARGO_BIN_EXE_interview-console"))
        .arg("list")
        .env("XDG_DATA_HOME", &data_home)
        .env("XDG_STATE_HOME", state)
        .env("HOME", &console.home)
        .output()
        .unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(
        listed.contains(&format!(
            "{}  (Sam Lee, Penetration Tester, ",
            file.display()
        )),
        "{listed}"
    );

    // `resume FILE` takes it: the notes become a session, and the recovery file goes.
    let path = file.to_str().unwrap();
    let mut resumed = Console::spawn_in(&data_home, &["resume", path], 100, 24, &env);
    resumed.wait_for("still typing");
    let saved = resumed.wait_for_file_holding(&resumed.sessions_dir(), "still typing");
    resumed.send(CTRL_Q);
    resumed.type_text("y");
    assert_eq!(resumed.wait_exit(), 0);
    resumed.wait_for("Removed the recovery file");
    assert!(
        !file.exists(),
        "the recovery file is gone once its notes are a session"
    );
    assert!(fs::read_to_string(saved).unwrap().contains("still typing"));
}

#[test]
fn a_session_begun_while_its_folder_refused_writes_never_takes_another_sessions_file() {
    let data_home = fresh_dir("late");
    let sessions = data_home.join("interview-console/sessions");
    fs::create_dir_all(sessions.parent().unwrap()).unwrap();
    // A file where the sessions folder should be: the console cannot save, or reserve an id.
    fs::write(&sessions, "").unwrap();
    let minute_before = chrono::Local::now().format("%Y%m%d-%H%M").to_string();
    let mut console = Console::spawn_in(
        &data_home,
        &["--role", "pentest", "--candidate", "Sam Lee"],
        100,
        24,
        &[],
    );
    console.wait_for("Notes · Intro");
    console.wait_for("NOT SAVED");
    console.type_text("the second interviewer's notes");
    console.wait_for("the second interviewer's notes");
    let minute_after = chrono::Local::now().format("%Y%m%d-%H%M").to_string();

    // Meanwhile another console finished an interview with the same candidate that minute.
    fs::remove_file(&sessions).unwrap();
    fs::create_dir(&sessions).unwrap();
    let finished = b"{\"a finished interview\": \"not this console's\"}";
    for minute in [&minute_before, &minute_after] {
        fs::write(sessions.join(format!("{minute}-sam-lee.json")), finished).unwrap();
    }

    // The writer retries, reserves a free id, and saves there.
    let saved = console.wait_for_file_holding(&sessions, "the second interviewer's notes");
    let id = session_id(&saved);
    assert!(id.ends_with("-sam-lee-2"), "{id}");
    for minute in [&minute_before, &minute_after] {
        let other = sessions.join(format!("{minute}-sam-lee.json"));
        assert_eq!(fs::read(&other).unwrap(), finished, "left as it was");
    }
    // The id is held: a second console cannot open it while this one runs.
    let mut second = Console::spawn_in(&data_home, &["resume", &id], 80, 24, &[]);
    assert_eq!(second.wait_exit(), 2);
    second.wait_for("is open in another console");

    console.send(CTRL_Q);
    console.type_text("y");
    assert_eq!(console.wait_exit(), 0);
    console.wait_for(&format!("interview-console resume {id}"));
}

#[test]
fn a_panic_restores_the_terminal_and_saves_the_notes_in_the_session_only() {
    let env = [("INTERVIEW_CONSOLE_TEST_PANIC", "1")];
    let mut console = Console::spawn(&["--role", "pentest", "--candidate", "Sam"], 80, 24, &env);
    console.wait_for("Notes · Intro");
    console.type_text("written just before the crash");
    console.wait_for("written just before the crash");
    console.send(b"\x1b[24~"); // F12
    assert_ne!(console.wait_exit(), 0);
    console.wait_for("test panic requested with F12");
    console.wait_until("the terminal restored", |s| !s.alternate_screen());
    console.wait_for("Notes saved in");
    let json = fs::read_to_string(console.session_file().unwrap()).unwrap();
    assert!(json.contains("written just before the crash"), "{json}");
    assert_eq!(
        entries(&console.temp),
        Vec::<PathBuf>::new(),
        "no copy in the temp folder"
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
    let id = session_id(&console.wait_for_saved("built a fuzzing harness"));
    for _ in 0..6 {
        console.send(CTRL_N);
    }
    console.wait_for("Notes · Wrap-up");
    console.send(b"\x05"); // Ctrl+E
    console.wait_for("Scorecard copied and written to");
    // The message fades by itself.
    console.wait_until("the message faded", |screen| {
        !screen.contents().contains("Scorecard copied")
    });
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
    console.wait_for("Finish anyway?");
    console.type_text("f");
    assert_eq!(console.wait_exit(), 0);
    console.wait_for(&format!("To go on with it: interview-console reopen {id}"));

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
        "finished from the wrap-up: {listed}"
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
    named.wait_for("Finish anyway?");
    named.type_text("f");
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

#[test]
fn a_bare_start_skips_an_interview_open_in_another_console_and_says_so() {
    let mut first = Console::spawn(
        &["--role", "pentest", "--candidate", "Sam Lee"],
        100,
        24,
        &[],
    );
    first.wait_for("Notes · Intro");
    first.type_text("still going");
    first.wait_for_saved("still going");

    let mut bare = Console::spawn_in(&first.data_home, &[], 100, 24, &[("USER", "alex")]);
    bare.wait_for("New interview");
    bare.wait_for("Sam Lee's interview is open in another console");
    assert!(!bare.screen_text().contains("Resume it?"));
    bare.send(CTRL_Q);
    bare.type_text("y");
    assert_eq!(bare.wait_exit(), 0, "on to the setup screen, not an error");
    bare.wait_for("Not offered: the interview with Sam Lee");
    bare.wait_for("is open in another console");

    first.send(CTRL_Q);
    first.type_text("y");
    assert_eq!(first.wait_exit(), 0);
}
