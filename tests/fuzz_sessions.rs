//! Mutated session files through every command that reads them: `list`, `export` (Markdown,
//! JSON and the hand-off), `report`, `debrief`, `reopen` and `resume`. Whatever a colleague's file holds — ids with
//! `/`, `..` or NUL, control characters, huge names, numbers past any sum, wrong types —
//! nothing panics, nothing is written outside the data folder, and no control character
//! reaches standard output or standard error.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use proptest::prelude::*;
use serde_json::{Value, json};

use interview_console::guide::Guide;
use interview_console::interview::plan::find_role;
use interview_console::interview::session::{SessionHeader, SessionSnapshot};
use interview_console::interview::{Interview, Plan, QuestionChoice};
use interview_console::safe_text;
use interview_console::store::{SessionId, SessionRecord};

const ID: &str = "20261127-1400-sam-lee";

/// A valid session of Sam Lee by `interviewer`, as JSON, on Q1 with a note and a hand-off
/// note.
fn session(interviewer: &str, id: &str) -> Value {
    let guide = Guide::builtin().unwrap();
    let role = find_role(&guide, "pentest").unwrap();
    let choice = QuestionChoice::default_for(&guide, role);
    let plan = Plan::new(&guide, role, "Sam Lee", interviewer, 60, &choice).unwrap();
    let t0 = Instant::now();
    let mut interview = Interview::start(plan, t0);
    interview.next(t0);
    let mut notes = vec![Vec::new(); interview.phases().len()];
    notes[1] = vec!["found SSRF".to_string()];
    let started = "2026-11-27T14:00:00Z".parse().unwrap();
    let snapshot = SessionSnapshot {
        header: SessionHeader::new(id.to_string(), &guide, started),
        plan: interview.plan().clone(),
        progress: interview.progress(t0),
        notes,
        handoff: vec!["probe the on-call story".to_string()],
        finished: false,
    };
    let record = SessionRecord::from_snapshot(&snapshot, SessionId::parse(id).unwrap(), started);
    serde_json::to_value(record).unwrap()
}

/// Where a mutation lands in a session file.
const PLACES: &[&[&str]] = &[
    &["id"],
    &["candidate"],
    &["interviewer"],
    &["role", "id"],
    &["role", "name"],
    &["guide", "title"],
    &["guide", "sha256"],
    &["questions", "0", "id"],
    &["questions", "0", "text"],
    &["questions", "0", "section"],
    &["questions", "0", "guidelines_url"],
    &["phases", "1", "notes", "0"],
    &["phases", "1", "question_id"],
    &["phases", "0", "spent_ms"],
    &["budgets", "total_ms"],
    &["pauses"],
    &["current_phase"],
    &["schema_version"],
    &["rating_scale"],
    &["started_at"],
    &["handoff", "0"],
    &["handoff"],
    &["status"],
];

fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("../../victim/x".to_string()),
        Just("/tmp/victim/absolute".to_string()),
        Just("20261127-1400-sam-lee/../../../victim/y".to_string()),
        Just("a\0b".to_string()),
        Just("\x1b]0;pwned\x07\x1b[2J\u{9b}31m\u{202e}evil".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("https://example.com/\x1b]8;;x\x1b\\".to_string()),
        Just("x".repeat(70_000)),
        Just(String::new()),
        "[a-z/.\\x00-\\x1f\u{80}-\u{9f}\u{202a}-\u{202e}]{0,40}",
        any::<String>(),
    ]
}

fn hostile_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => hostile_text().prop_map(Value::String),
        1 => Just(json!(u64::MAX)),
        1 => Just(json!(-1)),
        1 => Just(json!(1e300)),
        1 => Just(json!(null)),
        1 => Just(json!([])),
        1 => Just(json!({"a": 1})),
        1 => Just(json!(true)),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, Value),
    Remove(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        5 => (0..PLACES.len(), hostile_value()).prop_map(|(at, v)| Mutation::Set(at, v)),
        1 => (0..PLACES.len()).prop_map(Mutation::Remove),
    ]
}

fn apply(record: &mut Value, mutation: &Mutation) {
    let (at, value) = match mutation {
        Mutation::Set(at, value) => (*at, Some(value.clone())),
        Mutation::Remove(at) => (*at, None),
    };
    let path = PLACES[at];
    let mut node = record;
    for key in &path[..path.len() - 1] {
        node = match key.parse::<usize>() {
            Ok(i) => match node.get_mut(i) {
                Some(next) => next,
                None => return,
            },
            Err(_) => match node.get_mut(*key) {
                Some(next) => next,
                None => return,
            },
        };
    }
    let last = path[path.len() - 1];
    match (last.parse::<usize>(), node, value) {
        (Ok(i), Value::Array(items), Some(v)) if i < items.len() => items[i] = v,
        (Ok(i), Value::Array(items), None) if i < items.len() => {
            items.remove(i);
        }
        (Err(_), Value::Object(map), Some(v)) => {
            map.insert(last.to_string(), v);
        }
        (Err(_), Value::Object(map), None) => {
            map.remove(last);
        }
        _ => {}
    }
}

/// A test's own folders: the data folder and, beside it, places a hostile id may point at.
struct Folders {
    root: PathBuf,
}

impl Folders {
    fn new() -> Folders {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
            "fuzz-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&root);
        for dir in [
            "data/interview-console/sessions",
            "victim",
            "incoming",
            "tmp",
            "home",
            "state",
        ] {
            fs::create_dir_all(root.join(dir)).unwrap();
        }
        fs::write(root.join("victim/important"), "keep me").unwrap();
        Folders { root }
    }

    fn data(&self) -> PathBuf {
        self.root.join("data")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_interview-console"))
            .args(args)
            .current_dir(self.root.join("incoming"))
            .env("XDG_DATA_HOME", self.data())
            .env("XDG_STATE_HOME", self.root.join("state"))
            .env("HOME", self.root.join("home"))
            .env("TMPDIR", self.root.join("tmp"))
            .env("RUST_BACKTRACE", "0")
            .output()
            .unwrap()
    }

    /// Every file outside the data folder, with its bytes.
    fn outside(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut found = BTreeMap::new();
        let mut stack = vec![self.root.clone()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path == self.data() {
                    continue;
                }
                if path.is_dir() {
                    stack.push(path);
                } else {
                    found.insert(path.clone(), fs::read(&path).unwrap_or_default());
                }
            }
        }
        found
    }
}

impl Drop for Folders {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn check(what: &str, output: &Output) -> Result<(), TestCaseError> {
    let stderr = String::from_utf8_lossy(&output.stderr);
    prop_assert_ne!(
        output.status.code(),
        Some(101),
        "{} panicked: {}",
        what,
        stderr
    );
    prop_assert!(
        !stderr.contains("panicked"),
        "{} panicked: {}",
        what,
        stderr
    );
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        let obeyed: Vec<char> = text
            .chars()
            .filter(|c| *c != '\n' && *c != '\t' && safe_text::is_unsafe(*c))
            .collect();
        prop_assert!(obeyed.is_empty(), "{} {} holds {:?}", what, stream, obeyed);
    }
    Ok(())
}

/// Writes the mutated session where each command finds it (the sessions folder, and as a
/// colleague's file beside a valid one of Kim's), runs every command, and checks them.
fn commands_survive(mutations: &[Mutation]) -> Result<(), TestCaseError> {
    let folders = Folders::new();
    let mut record = session("Alex", ID);
    for m in mutations {
        apply(&mut record, m);
    }
    let text = serde_json::to_vec_pretty(&record).unwrap();
    let sessions = folders.data().join("interview-console/sessions");
    fs::write(sessions.join(format!("{ID}.json")), &text).unwrap();
    fs::write(folders.root.join("incoming/theirs.json"), &text).unwrap();
    let other = session("Kim", "20261127-1400-sam-lee-2");
    fs::write(
        folders.root.join("incoming/kims.json"),
        serde_json::to_vec_pretty(&other).unwrap(),
    )
    .unwrap();
    let before = folders.outside();

    for args in [
        &["list"][..],
        &["export", ID],
        &["export", ID, "--format", "json"],
        &["export", ID, "--handoff"],
        &["export", "theirs.json", "--handoff"],
        &["reopen", ID],
        &["report"],
        &["debrief", "theirs.json", "kims.json"],
        &["debrief", ID, "kims.json"],
        &["resume", "theirs.json"],
    ] {
        check(&args.join(" "), &folders.run(args))?;
    }
    prop_assert_eq!(
        folders.outside(),
        before,
        "nothing outside the data folder changed"
    );
    Ok(())
}

/// Every string a person reads from the file, hostile at once: each command shows it.
#[test]
fn hostile_text_in_every_field_shown_reaches_no_terminal_raw() {
    let attack = Value::String("Mallory\x1b]0;pwned\x07\x1b[2J\u{9b}31m\u{202e}".into());
    let shown: [&[&str]; 8] = [
        &["candidate"],
        &["interviewer"],
        &["role", "name"],
        &["guide", "title"],
        &["questions", "0", "text"],
        &["questions", "0", "section"],
        &["phases", "1", "notes", "0"],
        &["handoff", "0"],
    ];
    let mutations: Vec<Mutation> = shown
        .iter()
        .map(|path| {
            let at = PLACES.iter().position(|p| p == path).unwrap();
            Mutation::Set(at, attack.clone())
        })
        .collect();
    commands_survive(&mutations).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_session_files_never_panic_write_outside_or_reach_the_terminal_raw(
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        commands_survive(&mutations)?;
    }
}
