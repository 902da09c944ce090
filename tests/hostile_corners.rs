//! Holes found by trying the issue 9 fixes by hand as an attacker would, each closed and
//! kept closed here: a pipe named like a file of ours, an impossible date, an interview
//! beside its own import, a line break in a guide's words, a data folder of the
//! interviewer's own, a sessions folder others can list, a record whose shape cannot be
//! gone on from.

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use chrono::Local;
use serde_json::{Value, json};

use interview_console::store::sessions::read_record;
use interview_console::store::{SessionId, SessionStore};

use support::records::{QUESTION, session_record};
use support::{CTRL_Q, Console, fresh_dir};

/// A session file as the console writes it, one question asked.
fn session(id: &str, interviewer: &str, started_at: &str) -> Value {
    session_record(
        id,
        "Sam Lee",
        interviewer,
        (started_at, started_at),
        ["a note"; 4],
    )
}

fn write_json(path: &Path, record: &Value) {
    fs::write(path, serde_json::to_vec_pretty(record).unwrap()).unwrap();
}

/// Runs the binary with every private folder under `base`; kills it after `limit`.
fn run(base: &Path, args: &[&str], limit: Duration) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_interview-console"))
        .args(args)
        .env("XDG_DATA_HOME", base.join("data"))
        .env("XDG_STATE_HOME", base.join("state"))
        .env("HOME", base.join("home"))
        .env("TMPDIR", base.join("tmp"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Some(child.wait_with_output().unwrap())
}

/// Any local user can create a FIFO in the shared temporary folder under a recovery file's
/// name (mode 0644). Looking for recovery files opens every candidate to see if it is
/// readable, before asking whether it is a plain private file; opening a FIFO for reading
/// waits for a writer that never comes. So `list` hangs, and so does every console start
/// and `resume FILE`, for every other user of the machine.
#[test]
fn a_fifo_named_like_a_recovery_file_in_the_temp_folder_does_not_hang_list() {
    let base = fresh_dir("fifo");
    for dir in ["data", "state", "home", "tmp"] {
        fs::create_dir_all(base.join(dir)).unwrap();
    }
    rustix::fs::mknodat(
        rustix::fs::CWD,
        base.join("tmp/interview-console-recovery-planted123456789.json"),
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();

    let listed = run(&base, &["list"], Duration::from_secs(20));
    let listed = listed.expect("`list` hung on a FIFO planted in the temporary folder");
    assert!(listed.status.success(), "{listed:?}");
}

/// A session file whose start is past the year 9999 (`+10000-06-01T00:00:00Z` reads as a
/// date) is imported by `resume FILE` under an id made from that start, `+100000601-0000-…`,
/// which no command takes: the notes typed after the import are saved where `list` calls the
/// file a bad one and `resume`, `export` and `delete` refuse its id. Either such a file is
/// refused when read, or the id the store makes for it is one the id grammar accepts.
#[test]
fn a_session_read_from_a_file_never_gets_an_id_the_console_refuses() {
    let base = fresh_dir("far-future");
    let file = base.join("far.json");
    write_json(
        &file,
        &session("20261127-1402-sam-lee", "Alex", "+10000-06-01T00:00:00Z"),
    );
    if let Ok(record) = read_record(&file) {
        let store = SessionStore::at(base.join("sessions"));
        let (id, _lock) = store
            .create(&record.candidate, record.started_at.with_timezone(&Local))
            .unwrap();
        assert!(
            SessionId::parse(id.as_str()).is_ok(),
            "the import would be saved as {id}, an id `list`, `resume` and `export` refuse"
        );
    }
}

/// `resume FILE` of an export imports it under a new id (`…-2`) with the same start time, to
/// the nanosecond, and the same interviewer: one interview, two sessions. `debrief` tells
/// the same interview by id and start time, so it takes the session and its import as two
/// interviewers, and the report sets Alex's ratings beside themselves.
#[test]
fn debrief_refuses_a_session_beside_its_own_import() {
    let base = fresh_dir("import-twice");
    let sessions = base.join("data/interview-console/sessions");
    fs::create_dir_all(&sessions).unwrap();
    let started = "2026-11-27T14:02:07.123456789Z";
    for id in ["20261127-1402-sam-lee", "20261127-1402-sam-lee-2"] {
        write_json(
            &sessions.join(format!("{id}.json")),
            &session(id, "Alex", started),
        );
    }
    let debriefed = run(
        &base,
        &[
            "debrief",
            "20261127-1402-sam-lee",
            "20261127-1402-sam-lee-2",
        ],
        Duration::from_secs(20),
    )
    .unwrap();
    assert_eq!(
        debriefed.status.code(),
        Some(2),
        "one interview (Alex's, started {started}) debriefed as two:\n{}",
        String::from_utf8_lossy(&debriefed.stdout)
    );
}

/// A guide from another team writes a question (or an intro paragraph) as a YAML literal
/// block, `|-`, with a line break in it. The script pane drops the line break and joins the
/// words on either side: "a particularlyinteresting vulnerability", "interview,which". The
/// script is to be read out verbatim; a line break is at least a space.
#[test]
fn a_line_break_in_a_guides_question_does_not_join_two_words_on_screen() {
    let base = fresh_dir("multiline-guide");
    let builtin = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/guides/infosec.yaml"
    ))
    .unwrap();
    let guide = builtin.replace(
        &format!("text: {QUESTION}"),
        "text: |-\n          Tell me about a particularly\n          interesting vulnerability that you discovered.",
    );
    assert_ne!(
        guide, builtin,
        "the question was found in the built-in guide"
    );
    let guide_path = base.join("multiline.yaml");
    fs::write(&guide_path, guide).unwrap();

    let mut console = Console::spawn(
        &[
            "--guide",
            guide_path.to_str().unwrap(),
            "--role",
            "pentest",
            "--candidate",
            "Sam Lee",
            "--interviewer",
            "Alex",
            "--questions",
            "interesting-vulnerability",
        ],
        100,
        30,
        &[],
    );
    console.wait_for("Say this");
    console.send(support::CTRL_N);
    console.wait_for("Tell me about a particularly");
    let screen = console.screen_text();
    console.send(CTRL_Q);
    console.wait_for("Quit the interview?");
    console.type_text("y");
    assert_eq!(console.wait_exit(), 0);
    assert!(
        !screen.contains("particularlyinteresting"),
        "two words of the question joined:\n{screen}"
    );
}

/// A data folder the interviewer chose (config's `data_folder`, their home, a team folder)
/// keeps the mode they gave it; only the console's own folders inside it are made private.
#[test]
fn a_chosen_data_folder_keeps_its_mode_and_the_sessions_inside_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let base = fresh_dir("chosen-data");
    let chosen = base.join("team-share");
    fs::create_dir(&chosen).unwrap();
    fs::set_permissions(&chosen, fs::Permissions::from_mode(0o2775)).unwrap();
    let store = SessionStore::in_data_dir(chosen.clone());
    store.ensure_dir(store.dir()).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode(&chosen), 0o2775, "the chosen folder is left as it was");
    assert_eq!(mode(store.dir()), 0o700);
    assert_eq!(
        store.exposure(),
        None,
        "the sessions folder itself is private"
    );
}

/// A sessions folder others can list (reached through a symlink, so its mode is left as it
/// is) is used, and said to be open: its file names say who was interviewed.
#[test]
fn a_sessions_folder_others_can_list_is_said_to_be_open() {
    use std::os::unix::fs::PermissionsExt;
    let base = fresh_dir("open-sessions");
    let shared = base.join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o1777)).unwrap();
    let data = base.join("data/interview-console");
    fs::create_dir_all(&data).unwrap();
    std::os::unix::fs::symlink(&shared, data.join("sessions")).unwrap();
    let listed = Command::new(env!("CARGO_BIN_EXE_interview-console"))
        .arg("list")
        .env("XDG_DATA_HOME", base.join("data"))
        .env("XDG_STATE_HOME", base.join("state"))
        .env("HOME", &base)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&listed.stderr);
    assert!(
        said.contains("can be listed by other users (mode 1777)"),
        "{said}"
    );
    assert_eq!(
        fs::metadata(&shared).unwrap().permissions().mode() & 0o7777,
        0o1777,
        "its mode is left alone"
    );
}

/// A record with a rating off its scale, or phases out of their order, cannot be gone on
/// from: it is a bad file for every command, named with what is wrong, never a resume that
/// stops with a puzzling message.
#[test]
fn a_record_that_cannot_be_gone_on_from_is_a_bad_file_that_says_why() {
    let base = fresh_dir("bad-shape");
    let started = "2026-11-27T14:00:00Z";
    let mut off_scale = session("20261127-1400-sam-lee", "Alex", started);
    off_scale["phases"][1]["rating"] = json!({"position": 99, "label": "Yes"});
    let off_scale_file = base.join("off-scale.json");
    write_json(&off_scale_file, &off_scale);
    let error = read_record(&off_scale_file).unwrap_err().to_string();
    assert!(error.contains("a rating is off its scale of 4"), "{error}");

    let mut two_wrap_ups = session("20261127-1400-sam-lee", "Alex", started);
    let phases = two_wrap_ups["phases"].as_array_mut().unwrap();
    let last = phases.len() - 1;
    phases[last - 1] = phases[last].clone();
    let two_wrap_ups_file = base.join("two-wrap-ups.json");
    write_json(&two_wrap_ups_file, &two_wrap_ups);
    let error = read_record(&two_wrap_ups_file).unwrap_err().to_string();
    assert!(error.contains("its phases are not an intro"), "{error}");
}
