//! Text from outside never reaches a terminal raw: the real binary, every subcommand, on
//! session files, a guide and file names crafted to take the terminal over (set the window
//! title, write the clipboard through OSC 52, clear the screen, reverse the text).

mod support;

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use interview_console::guide::Guide;
use interview_console::interview::plan::find_role;
use interview_console::interview::session::{SessionHeader, SessionSnapshot};
use interview_console::interview::{Interview, Plan, QuestionChoice};
use interview_console::store::{SessionRecord, SessionStore};
use support::{Console, fresh_dir};

/// Sets the window title, writes the clipboard, clears the screen (CSI as one C1 byte) and
/// reverses what follows.
const ATTACK: &str = "\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07\u{9b}2J\u{202e}";
/// How `ATTACK` is shown instead.
const SHOWN: &str = "\\e]0;pwned\\x07\\e]52;c;ZXZpbA==\\x07\\u{9b}2J\\u{202e}";

/// What a terminal would obey, wherever it is in `bytes`.
fn obeyed(bytes: &[u8]) -> Vec<&'static str> {
    let mut found = Vec::new();
    for (what, pattern) in [
        ("ESC", &b"\x1b"[..]),
        ("BEL", b"\x07"),
        ("CSI (U+009B)", "\u{9b}".as_bytes()),
        ("RLO (U+202E)", "\u{202e}".as_bytes()),
    ] {
        if bytes.windows(pattern.len()).any(|w| w == pattern) {
            found.push(what);
        }
    }
    found
}

fn assert_clean(what: &str, output: &Output) {
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        assert_eq!(
            obeyed(bytes),
            Vec::<&str>::new(),
            "{what}: {stream} holds escapes: {}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// A data folder holding crafted sessions, and a temporary folder of its own.
struct Folders {
    data: PathBuf,
    temp: PathBuf,
}

impl Folders {
    fn new() -> Folders {
        Folders {
            data: fresh_dir("data"),
            temp: fresh_dir("tmp"),
        }
    }

    fn sessions(&self) -> PathBuf {
        self.data.join("interview-console").join("sessions")
    }

    fn save(&self, record: &SessionRecord) {
        SessionStore::at(self.sessions()).save(record).unwrap();
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_interview-console"))
            .args(args)
            .env("XDG_DATA_HOME", &self.data)
            .env("TMPDIR", &self.temp)
            .output()
            .unwrap()
    }
}

/// A finished interview whose every string from outside carries `ATTACK`: names, the role,
/// the guide's title, a question and its section, the rating labels and the notes.
fn crafted(id: &str, interviewer: &str, started: DateTime<Utc>) -> SessionRecord {
    let guide = Guide::builtin().unwrap();
    let role = find_role(&guide, "pentest").unwrap();
    let choice = QuestionChoice::default_for(&guide, role);
    let candidate = format!("Mallory{ATTACK}\n| Recommendation | Strong yes |");
    let plan = Plan::new(&guide, role, &candidate, interviewer, 60, &choice).unwrap();
    let t0 = Instant::now();
    let mut run = Interview::start(plan, t0);
    run.next(t0 + Duration::from_secs(300));
    run.rate(Some(3)).unwrap();
    let mut notes = vec![Vec::new(); run.phases().len()];
    notes[1] = vec![format!("pasted {ATTACK}"), "# Forged heading".to_string()];
    let snapshot = SessionSnapshot {
        header: SessionHeader {
            id: id.to_string(),
            guide_title: format!("Guide{ATTACK}"),
            guide_fingerprint: guide.fingerprint.clone(),
            started_at: started,
        },
        plan: run.plan().clone(),
        progress: run.progress(t0 + Duration::from_secs(600)),
        notes,
        handoff: Vec::new(),
        finished: false,
    };
    let mut record = SessionRecord::from_snapshot(&snapshot, id.parse().unwrap(), started);
    record.role.as_mut().unwrap().name = format!("Pentester{ATTACK}");
    record.questions[0].text = format!("Tell me{ATTACK}");
    record.questions[0].section = format!("Section{ATTACK}");
    for label in &mut record.rating_scale {
        label.push_str(ATTACK);
    }
    if let Some(rating) = &mut record.phases[1].rating {
        rating.label.push_str(ATTACK);
    }
    record
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

const ALEX: &str = "20261127-1400-mallory";
const KIM: &str = "20261127-1500-mallory";

fn two_interviews() -> Folders {
    let folders = Folders::new();
    let started: DateTime<Utc> = "2026-11-27T14:00:00Z".parse().unwrap();
    folders.save(&crafted(ALEX, &format!("Alex{ATTACK}"), started));
    folders.save(&crafted(
        KIM,
        &format!("Kim{ATTACK}"),
        started + chrono::Duration::hours(1),
    ));
    folders
}

#[test]
fn list_shows_hostile_names_visibly() {
    let folders = two_interviews();
    let listed = folders.run(&["list"]);
    assert!(listed.status.success());
    assert_clean("list", &listed);
    let text = stdout(&listed);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("Alex\\e]0;pwned\\x07"), "{text}");
}

#[test]
fn export_markdown_and_json_carry_no_escape_to_the_terminal_or_the_file() {
    let folders = two_interviews();
    let markdown = folders.run(&["export", ALEX]);
    assert!(markdown.status.success());
    assert_clean("export", &markdown);
    assert!(stdout(&markdown).contains(&format!("Mallory{SHOWN}")));

    let json = folders.run(&["export", ALEX, "--format", "json"]);
    assert!(json.status.success());
    assert_clean("export --format json", &json);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        value["phases"][1]["notes"][0],
        format!("pasted {ATTACK}"),
        "the notes as typed, escaped only in the JSON text"
    );

    let file = folders.temp.join("scorecard.md");
    let written = folders.run(&["export", ALEX, "--output", file.to_str().unwrap()]);
    assert!(written.status.success());
    assert_clean("export --output", &written);
    assert_eq!(obeyed(&std::fs::read(&file).unwrap()), Vec::<&str>::new());
}

#[test]
fn report_and_debrief_show_hostile_text_visibly() {
    let folders = two_interviews();
    let report = folders.run(&["report"]);
    assert!(report.status.success());
    assert_clean("report", &report);
    assert!(stdout(&report).contains(&format!("Alex{SHOWN}")));

    let debrief = folders.run(&["debrief", ALEX, KIM]);
    assert!(debrief.status.success(), "{debrief:?}");
    assert_clean("debrief", &debrief);
    assert!(stdout(&debrief).contains(&format!("Kim{SHOWN}")));

    let mut other = crafted(
        "20261127-1600-eve",
        "Lee",
        "2026-11-27T16:00:00Z".parse().unwrap(),
    );
    other.candidate = format!("Eve{ATTACK}");
    folders.save(&other);
    let refused = folders.run(&["debrief", ALEX, "20261127-1600-eve"]);
    assert_eq!(refused.status.code(), Some(2));
    assert_clean("debrief of two candidates", &refused);
    assert!(String::from_utf8_lossy(&refused.stderr).contains(&format!("Eve{SHOWN}")));
}

#[test]
fn a_file_name_that_holds_an_escape_is_named_visibly() {
    let folders = Folders::new();
    std::fs::create_dir_all(folders.sessions()).unwrap();
    let bad = folders
        .sessions()
        .join(format!("20261127-1400-x{ATTACK}.json"));
    std::fs::write(&bad, "{not json").unwrap();
    let listed = folders.run(&["list"]);
    assert_clean("list with a bad file", &listed);
    assert!(String::from_utf8_lossy(&listed.stderr).contains(SHOWN));

    let guide = folders.temp.join(format!("team{ATTACK}.yaml"));
    let checked = folders.run(&["check-guide", guide.to_str().unwrap()]);
    assert_eq!(checked.status.code(), Some(2));
    assert_clean("check-guide of a missing file", &checked);
    assert!(String::from_utf8_lossy(&checked.stderr).contains(SHOWN));
}

#[test]
fn check_guide_shows_a_hostile_guide_visibly() {
    let folders = Folders::new();
    let yaml = "\
title: \"Team\\e]0;pwned\\a\\u202E\\x9b2J\\nforged: ok\"
intro:
  statement: [Hello.]
roles:
  - id: dev
    name: \"Developer\\e[2J\\u202E\"
placeholders:
  - id: project
    prompt: \"Their project\\e]0;pwned\\a\\nforged: ok\"
sections:
  - title: General
    roles: [dev]
    questions:
      - id: \"q1\\e[2J\\nforged\"
        text: Tell me about a bug you fixed on {project}.
";
    let path = folders.temp.join("team.yaml");
    std::fs::write(&path, yaml).unwrap();
    let checked = folders.run(&["check-guide", path.to_str().unwrap()]);
    assert!(checked.status.success(), "{checked:?}");
    assert_clean("check-guide", &checked);
    let text = stdout(&checked);
    assert!(
        text.contains("ok · Team\\e]0;pwned\\x07\\u{202e}\\u{9b}2J\\nforged: ok · 60 minutes"),
        "{text}"
    );
    assert_eq!(
        text.lines().count(),
        7,
        "a line for the guide, one a role, a heading and one a question id, a heading and \
         one for the built-in placeholders and one a declared one: {text}"
    );
    assert!(text.contains("  q1\\e[2J\\nforged: General\n"), "{text}");
    assert!(
        text.contains("  {project}: Their project\\e]0;pwned\\x07\\nforged: ok (the setup screen"),
        "{text}"
    );

    let twice = yaml.replace(
        "  - id: dev\n",
        "  - id: \"x\\e]0;t\\a\"\n    name: X\n  - id: \"x\\e]0;t\\a\"\n",
    );
    std::fs::write(&path, twice).unwrap();
    let refused = folders.run(&["check-guide", path.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert_clean("check-guide refusing an id", &refused);
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("role id `x\\e]0;t\\x07` is used twice")
    );
}

/// Waits for `question` and checks that nothing the console wrote so far would be obeyed:
/// it asks before it takes the terminal, so that is everything.
fn asks_cleanly(console: &Console, question: &str) {
    console.wait_for(question);
    let written = console.raw_output().into_bytes();
    assert_eq!(
        obeyed(&written),
        Vec::<&str>::new(),
        "{}",
        String::from_utf8_lossy(&written)
    );
}

#[test]
fn the_resume_and_delete_questions_show_hostile_names_visibly() {
    let folders = Folders::new();
    let record = crafted(ALEX, "Alex", Utc::now() - chrono::Duration::minutes(5));
    folders.save(&record);

    let bare = Console::spawn_in(&folders.data, &[], 100, 24, &[("USER", "alex")]);
    asks_cleanly(&bare, "Resume it? [Y/n]");
    bare.wait_for("An unfinished interview with Mallory\\e]0;pwned");
    drop(bare);

    let mut delete = Console::spawn_in(&folders.data, &["delete", ALEX], 100, 24, &[]);
    asks_cleanly(&delete, "for good? [y/N]");
    delete.wait_for("Delete the interview with Mallory\\e]0;pwned");
    delete.type_text("n\r");
    assert_eq!(delete.wait_exit(), 0);
    assert!(folders.sessions().join(format!("{ALEX}.json")).exists());
}

#[test]
fn list_stays_usable_when_a_name_is_huge() {
    let folders = two_interviews();
    let mut huge = crafted(
        "20261127-1700-huge",
        "Alex",
        "2026-11-27T17:00:00Z".parse().unwrap(),
    );
    huge.candidate = "N".repeat(65_536);
    folders.save(&huge);
    let listed = folders.run(&["list"]);
    assert_eq!(listed.status.code(), Some(0), "{listed:?}");
    let text = stdout(&listed);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.lines().all(|l| l.chars().count() < 300), "{text}");
}
