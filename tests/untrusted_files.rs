//! Files and names from outside are hostile: the real binary, given session files and
//! arguments built to escape the data folder, writes nothing outside it; and it writes
//! over no file it was not told to.

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

use support::records::session_record;
use support::{Console, fresh_dir};

/// A data folder and, beside it, a folder an attacker would like written to.
struct Setup {
    data_home: PathBuf,
    victim: PathBuf,
    temp: PathBuf,
    /// Where files from colleagues are kept, outside the data folder.
    inbox: PathBuf,
}

impl Setup {
    fn new(name: &str) -> Setup {
        let base = fresh_dir(name);
        let setup = Setup {
            data_home: base.join("data"),
            victim: base.join("victim"),
            temp: base.join("tmp"),
            inbox: base.join("inbox"),
        };
        for dir in [&setup.victim, &setup.temp, &setup.inbox, &setup.sessions()] {
            fs::create_dir_all(dir).unwrap();
        }
        // Readable sessions, so that a command that reached them would act on them.
        for name in ["important", "x"] {
            let precious = session("20261127-1402-x", "X", "Vic", "2026-11-27T14:30:00Z", "");
            write_json(&setup.victim.join(format!("{name}.json")), &precious);
        }
        setup
    }

    /// A setup whose sessions folder holds Alex's interview of Sam Lee, `SAM`.
    fn with_sam(name: &str) -> Setup {
        let setup = Setup::new(name);
        setup.save(&session(
            SAM,
            "Sam Lee",
            "Alex",
            "2026-11-27T14:30:00Z",
            "found SSRF",
        ));
        setup
    }

    /// Kim's export of another interview of Sam Lee, in the inbox.
    fn kims_export(&self) -> PathBuf {
        let kim = self.inbox.join("kim.json");
        let record = session(
            "20261127-1500-sam-lee",
            "Sam Lee",
            "Kim",
            "2026-11-27T15:30:00Z",
            "x",
        );
        write_json(&kim, &record);
        kim
    }

    fn sessions(&self) -> PathBuf {
        self.data_home.join("interview-console/sessions")
    }

    /// `../../../victim` from the sessions folder.
    fn traversal(&self, name: &str) -> String {
        format!("../../../victim/{name}")
    }

    fn cli(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_interview-console"))
            .args(args)
            .env("XDG_DATA_HOME", &self.data_home)
            .env("TMPDIR", &self.temp)
            .output()
            .unwrap()
    }

    fn save(&self, record: &Value) -> PathBuf {
        let path = self
            .sessions()
            .join(format!("{}.json", record["id"].as_str().unwrap()));
        write_json(&path, record);
        path
    }
}

fn write_json(path: &Path, record: &Value) {
    fs::write(path, serde_json::to_vec_pretty(record).unwrap()).unwrap();
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file under `dir`, with its bytes.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.insert(path.clone(), fs::read(&path).unwrap_or_default());
            }
        }
    }
    found
}

/// The session most tests start from.
const SAM: &str = "20261127-1402-sam-lee";

/// A session file as the console writes it: one question asked, a note on it, paused.
fn session(id: &str, candidate: &str, interviewer: &str, saved_at: &str, note: &str) -> Value {
    let started_at = "2026-11-27T14:02:00Z";
    session_record(
        id,
        candidate,
        interviewer,
        (started_at, saved_at),
        ["", note, "", ""],
    )
}

#[test]
fn ids_from_the_command_line_never_reach_outside_the_data_folder() {
    let setup = Setup::with_sam("cli-ids");
    let before = contents(&setup.victim);
    let traversal = setup.traversal("x");
    let absolute = setup.victim.join("important").display().to_string();

    for arg in [traversal.as_str(), absolute.as_str()] {
        let deleted = setup.cli(&["delete", arg, "--yes"]);
        assert_eq!(deleted.status.code(), Some(2), "delete {arg}");
        assert!(
            stderr(&deleted).contains("delete takes a session id"),
            "{}",
            stderr(&deleted)
        );

        let exported = setup.cli(&["export", arg]);
        assert_eq!(exported.status.code(), Some(2), "export {arg}");
        assert!(
            stderr(&exported).contains("is neither a session id"),
            "{}",
            stderr(&exported)
        );
        assert_eq!(stdout(&exported), "");

        let debriefed = setup.cli(&["debrief", "20261127-1402-sam-lee", arg]);
        assert_eq!(debriefed.status.code(), Some(2), "debrief {arg}");
        assert_eq!(stdout(&debriefed), "");
    }
    assert_eq!(
        contents(&setup.victim),
        before,
        "the victim folder is untouched"
    );
    assert!(setup.sessions().join("20261127-1402-sam-lee.json").exists());
}

#[test]
fn a_session_file_with_a_path_for_an_id_is_a_bad_file_everywhere() {
    let setup = Setup::new("file-ids");
    let absolute = setup.victim.join("important").display().to_string();
    let evil_ids = [setup.traversal("x"), absolute];
    for (n, id) in evil_ids.iter().enumerate() {
        let mut record = session(id, "Sam Lee", "Alex", "2026-11-27T14:30:00Z", "x");
        record["id"] = json!(id);
        write_json(
            &setup.sessions().join(format!("20261127-140{n}-evil.json")),
            &record,
        );
        write_json(&setup.inbox.join(format!("evil-{n}.json")), &record);
    }
    setup.save(&session(
        "20261127-1402-sam-lee",
        "Sam Lee",
        "Kim",
        "2026-11-27T14:30:00Z",
        "found SSRF",
    ));
    let before = contents(&setup.victim);

    let listed = setup.cli(&["list"]);
    assert!(listed.status.success());
    assert_eq!(stdout(&listed).lines().count(), 1, "{}", stdout(&listed));
    assert!(stdout(&listed).starts_with("20261127-1402-sam-lee "));
    for n in 0..evil_ids.len() {
        assert!(
            stderr(&listed).contains(&format!(
                "20261127-140{n}-evil.json: not a readable session"
            )),
            "{}",
            stderr(&listed)
        );
    }
    assert!(!stderr(&listed).contains("victim"), "{}", stderr(&listed));

    let report = setup.cli(&["report"]);
    assert!(report.status.success());
    assert_eq!(
        stdout(&report).matches("| Sam Lee |").count(),
        1,
        "{}",
        stdout(&report)
    );

    for n in 0..evil_ids.len() {
        let file = setup.inbox.join(format!("evil-{n}.json"));
        let file = file.to_str().unwrap();
        let debriefed = setup.cli(&["debrief", "20261127-1402-sam-lee", file]);
        assert_eq!(debriefed.status.code(), Some(2));
        assert!(
            stderr(&debriefed).contains("an id the console would not make"),
            "{}",
            stderr(&debriefed)
        );

        let mut resumed = Console::spawn_in(&setup.data_home, &["resume", file], 80, 24, &[]);
        assert_eq!(resumed.wait_exit(), 2);
        resumed.wait_for("an id the console would not make");
    }
    assert_eq!(
        contents(&setup.victim),
        before,
        "the victim folder is untouched"
    );
}

/// The session files in the sessions folder, by name.
fn session_names(setup: &Setup) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(setup.sessions())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// `resume FILE` in a terminal: waits until it shows each of `shown`, quits, and returns
/// the console, ended, to read what it printed.
fn resume_then_quit(setup: &Setup, file: &Path, shown: &[&str]) -> Console {
    let mut console = Console::spawn_in(
        &setup.data_home,
        &["resume", file.to_str().unwrap()],
        100,
        24,
        &[("TZ", "UTC")],
    );
    for text in shown {
        console.wait_for(text);
    }
    console.send(support::CTRL_Q);
    console.wait_for("Quit the interview?");
    console.type_text("y");
    assert_eq!(console.wait_exit(), 0);
    console
}

#[test]
fn a_file_from_elsewhere_is_imported_and_an_older_copy_never_overwrites_newer_notes() {
    let setup = Setup::new("import");
    let id = "20261127-1402-sam-lee";
    let newer = setup.save(&session(
        id,
        "Sam Lee",
        "Alex",
        "2026-11-27T14:30:00Z",
        "newer note",
    ));
    let newer_bytes = fs::read(&newer).unwrap();
    let old = setup.inbox.join("old-export.json");
    write_json(
        &old,
        &session(id, "Sam Lee", "Alex", "2026-11-27T14:05:00Z", "older note"),
    );
    let elsewhere = setup.inbox.join("elsewhere.json");
    let other_id = "20200101-0000-elsewhere";
    write_json(
        &elsewhere,
        &session(
            other_id,
            "Sam Lee",
            "Kim",
            "2026-11-27T14:05:00Z",
            "kim's note",
        ),
    );
    let inbox = contents(&setup.inbox);

    let console = resume_then_quit(
        &setup,
        &old,
        &[
            "older note",
            &format!("Imported as a new session: {id} has newer notes"),
        ],
    );
    console.wait_for(&format!(
        "imported as a new session; session {id} has newer notes (saved 2026-11-27 14:30, this copy 2026-11-27 14:05) and is left as it is"
    ));
    console.wait_for(&format!("interview-console resume {id}-2"));
    assert_eq!(
        fs::read(&newer).unwrap(),
        newer_bytes,
        "the newer notes are whole"
    );
    let imported = fs::read_to_string(setup.sessions().join(format!("{id}-2.json"))).unwrap();
    assert!(
        imported.contains("older note") && imported.contains(&format!("\"{id}-2\"")),
        "{imported}"
    );

    // An id of its own in the file is not the one it is saved under.
    let console = resume_then_quit(
        &setup,
        &elsewhere,
        &["kim's note", "Imported as a new session"],
    );
    console.wait_for(&format!("interview-console resume {id}-3"));
    assert_eq!(
        session_names(&setup),
        [
            format!("{id}-2.json"),
            format!("{id}-3.json"),
            format!("{id}.json")
        ]
    );
    assert_eq!(
        contents(&setup.inbox),
        inbox,
        "the imported files are left as they were"
    );

    // A file in the sessions folder is that session, resumed under its own id.
    let console = resume_then_quit(&setup, &newer, &["newer note"]);
    console.wait_for(&format!("interview-console resume {id} "));
    assert_eq!(session_names(&setup).len(), 3);
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A file in `dir` last written `seconds` ago.
fn aged(dir: &Path, name: &str, seconds: u64) {
    let path = dir.join(name);
    let file = fs::File::create(&path).unwrap();
    file.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(seconds))
        .unwrap();
}

#[test]
fn temporary_files_a_crash_left_are_removed_at_start_and_nothing_else() {
    let setup = Setup::new("leftovers");
    let exports = setup.data_home.join("interview-console/exports");
    fs::create_dir_all(&exports).unwrap();
    aged(&setup.sessions(), ".a1B2c3.tmp", 120);
    aged(&exports, ".Zz9Yy8.tmp", 120);
    aged(&setup.sessions(), ".fresh0.tmp", 5);
    for name in [".notes.tmp", "keep.tmp", ".longer12.tmp"] {
        aged(&setup.sessions(), name, 120);
    }
    let listed = setup.cli(&["list"]);
    assert!(listed.status.success());
    assert_eq!(
        names_in(&setup.sessions()),
        [".fresh0.tmp", ".longer12.tmp", ".notes.tmp", "keep.tmp"]
    );
    assert_eq!(names_in(&exports), Vec::<String>::new());
}

#[test]
fn a_session_is_counted_once_however_many_names_lead_to_it() {
    let setup = Setup::with_sam("aliases");
    let id = SAM;
    let file = setup.sessions().join(format!("{SAM}.json"));
    std::os::unix::fs::symlink(&file, setup.sessions().join("20261127-1402-alias.json")).unwrap();
    std::os::unix::fs::symlink(&file, setup.sessions().join("alias.json")).unwrap();
    fs::copy(&file, setup.sessions().join("20261127-1403-copy.json")).unwrap();

    let listed = setup.cli(&["list"]);
    assert_eq!(
        stdout(&listed).matches(id).count(),
        1,
        "{}",
        stdout(&listed)
    );
    for name in [
        "20261127-1402-alias.json",
        "alias.json",
        "20261127-1403-copy.json",
    ] {
        assert!(stderr(&listed).contains(name), "{}", stderr(&listed));
    }
    let report = setup.cli(&["report"]);
    assert_eq!(
        stdout(&report).matches("| Sam Lee |").count(),
        1,
        "{}",
        stdout(&report)
    );

    let export = setup.inbox.join("sam.json");
    assert!(
        setup
            .cli(&[
                "export",
                id,
                "--format",
                "json",
                "--output",
                export.to_str().unwrap()
            ])
            .status
            .success()
    );
    let kim = setup.kims_export();
    for twice in [[id, id], [id, export.to_str().unwrap()]] {
        let debriefed = setup.cli(&["debrief", twice[0], kim.to_str().unwrap(), twice[1]]);
        assert_eq!(debriefed.status.code(), Some(2));
        assert!(
            stderr(&debriefed).contains(&format!("are the same interview (session {id}, started ")),
            "{}",
            stderr(&debriefed)
        );
        assert_eq!(stdout(&debriefed), "");
    }
    assert!(
        setup
            .cli(&["debrief", id, kim.to_str().unwrap()])
            .status
            .success()
    );
}

#[test]
fn delete_removes_the_exports_of_the_session_and_only_those() {
    let setup = Setup::with_sam("delete-exports");
    let id = SAM;
    let exports = setup.data_home.join("interview-console/exports");
    fs::create_dir_all(&exports).unwrap();
    for name in [
        format!("{id}.md"),
        format!("{id}.json"),
        format!("{id}-2.md"),
        "20261127-1402-sam.md".to_string(),
        "notes.txt".to_string(),
    ] {
        fs::write(exports.join(name), "every note").unwrap();
    }
    let deleted = setup.cli(&["delete", id, "--yes"]);
    assert!(deleted.status.success(), "{}", stderr(&deleted));
    assert!(
        stdout(&deleted).contains(&format!("exports/{id}.md")),
        "{}",
        stdout(&deleted)
    );
    assert_eq!(
        names_in(&exports),
        [
            format!("{id}-2.md"),
            "20261127-1402-sam.md".to_string(),
            "notes.txt".to_string()
        ]
    );
    assert_eq!(session_names(&setup), Vec::<String>::new());
}

#[test]
fn times_that_cannot_add_up_make_a_bad_file_not_a_panic() {
    let setup = Setup::with_sam("huge-times");
    let good = SAM;
    let half = u64::MAX / 2 + 1;
    type Make = fn(&mut Value, u64);
    let huge: [(&str, Make); 5] = [
        ("spent", |r, n| {
            for phase in r["phases"].as_array_mut().unwrap() {
                phase["spent_ms"] = json!(n);
            }
        }),
        ("total", |r, n| r["budgets"]["total_ms"] = json!(n)),
        ("per-question", |r, n| {
            r["budgets"]["per_question_ms"] = json!(n)
        }),
        (
            "pauses",
            |r, n| {
                r["pauses"] = json!([{"at_ms": 0, "length_ms": n}, {"at_ms": 1, "length_ms": n}])
            },
        ),
        ("pause-at", |r, _| {
            r["pauses"] = json!([{"at_ms": u64::MAX, "length_ms": 1}])
        }),
    ];
    let mut ids = Vec::new();
    for (n, (name, set)) in huge.iter().enumerate() {
        let id = format!("20261127-150{n}-{name}");
        let mut record = session(&id, "Sam Lee", "Kim", "2026-11-27T15:30:00Z", "x");
        set(&mut record, half);
        setup.save(&record);
        ids.push(id);
    }

    let listed = setup.cli(&["list"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert_eq!(stdout(&listed).lines().count(), 1, "{}", stdout(&listed));
    for id in &ids {
        assert!(
            stderr(&listed).contains(&format!("{id}.json: not a readable session (the ")),
            "{}",
            stderr(&listed)
        );
        for args in [
            vec!["export", id],
            vec!["resume", id],
            vec!["debrief", good, id],
        ] {
            let refused = setup.cli(&args);
            assert_eq!(
                refused.status.code(),
                Some(2),
                "{args:?}: {}",
                stderr(&refused)
            );
            assert!(
                stderr(&refused).contains("more than ten years"),
                "{}",
                stderr(&refused)
            );
        }
    }
    let report = setup.cli(&["report"]);
    assert!(report.status.success(), "{}", stderr(&report));
    assert_eq!(
        stdout(&report).matches("| Sam Lee |").count(),
        1,
        "{}",
        stdout(&report)
    );
}

#[test]
fn export_output_takes_its_format_from_the_name_and_replaces_a_file_only_when_forced() {
    let setup = Setup::with_sam("output");
    let id = SAM;
    let export = |name: &str, extra: &[&str]| {
        let path = setup.inbox.join(name);
        let mut args = vec!["export", id, "--output", path.to_str().unwrap()];
        args.extend(extra);
        (
            setup.cli(&args),
            fs::read_to_string(&path).unwrap_or_default(),
        )
    };

    for name in ["sam.json", "SAM.JSON"] {
        let (done, written) = export(name, &[]);
        assert!(done.status.success(), "{}", stderr(&done));
        let json: Value = serde_json::from_str(&written).unwrap();
        assert_eq!(json["candidate"], "Sam Lee");
    }
    let (_, written) = export("sam.md", &[]);
    assert!(
        written.starts_with("# Sam Lee · Penetration Tester"),
        "{written}"
    );
    let (_, written) = export("sam-as-markdown.json", &["--format", "markdown"]);
    assert!(
        written.starts_with("# Sam Lee"),
        "the format asked for wins: {written}"
    );

    fs::write(setup.inbox.join("theirs.json"), "someone else's file").unwrap();
    let (refused, left) = export("theirs.json", &[]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("theirs.json exists: left as it is (--force replaces it)"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(left, "someone else's file");
    let (forced, replaced) = export("theirs.json", &["--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(
        replaced.contains("\"candidate\": \"Sam Lee\""),
        "{replaced}"
    );

    let kim = setup.kims_export();
    let report = setup.inbox.join("debrief.md");
    fs::write(&report, "last week's debrief").unwrap();
    let debrief = |extra: &[&str]| {
        let mut args = vec![
            "debrief",
            id,
            kim.to_str().unwrap(),
            "--output",
            report.to_str().unwrap(),
        ];
        args.extend(extra);
        setup.cli(&args)
    };
    assert_eq!(debrief(&[]).status.code(), Some(2));
    assert_eq!(fs::read_to_string(&report).unwrap(), "last week's debrief");
    assert!(debrief(&["--force"]).status.success());
    assert!(
        fs::read_to_string(&report)
            .unwrap()
            .starts_with("# Debrief: Sam Lee")
    );
}
