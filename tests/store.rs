//! Sessions on disk: the format, bad files, locks, the writer, resume and exports.

use std::fs;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Local, TimeZone, Utc};
use proptest::prelude::*;

use interview_console::guide::Guide;
use interview_console::interview::plan::find_role;
use interview_console::interview::session::{SessionHeader, SessionSnapshot};
use interview_console::interview::{Interview, Plan, QuestionChoice};
use interview_console::listing::{MAX_NAME_WIDTH, list_lines};
use interview_console::markdown::scorecard;
use interview_console::store::autosave::{Autosaver, SessionSink};
use interview_console::store::record::{
    BudgetsRecord, FollowUpRecord, GuideStamp, GuidelinesRecord, PauseRecord, PhaseName,
    PhaseRecord, QuestionRecord, Rating, RoleStamp, SectionWordsRecord,
};
use interview_console::store::sessions::{read_record, record_json};
use interview_console::store::{LoadError, SessionId, SessionRecord, SessionStore, Status};
use interview_console::tui::model::{Model, Screen, WallClock};

fn wall(instant: Instant) -> WallClock {
    WallClock {
        instant,
        utc: Utc::now(),
        offset: chrono::FixedOffset::east_opt(0).unwrap(),
    }
}

const fn mins(m: u64) -> Duration {
    Duration::from_secs(m * 60)
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .unwrap()
        .with_timezone(&Utc)
}

fn id(text: &str) -> SessionId {
    SessionId::parse(text).unwrap()
}

fn plan(candidate: &str) -> Plan {
    let guide = Guide::builtin().unwrap();
    let role = find_role(&guide, "pentest").unwrap();
    let choice = QuestionChoice::default_for(&guide, role);
    Plan::new(&guide, role, candidate, "Alex", 60, &choice).unwrap()
}

/// An interview twenty minutes in, on Q2, with notes in three phases.
fn sample_snapshot(session: &str, candidate: &str, started: &str) -> SessionSnapshot {
    let t0 = Instant::now();
    let mut interview = Interview::start(plan(candidate), t0);
    interview.next(t0 + mins(4));
    interview.next(t0 + mins(14));
    let mut notes = vec![vec![String::new()]; interview.phases().len()];
    notes[1] = vec![
        "moved SAST into CI".to_string(),
        "\"I owned the rollout\"".to_string(),
    ];
    notes[2] = vec!["[14:30] found SSRF".to_string()];
    notes[7] = vec!["Concrete, owned outcomes.".to_string()];
    SessionSnapshot {
        header: SessionHeader {
            id: session.to_string(),
            guide_title: "Infosec Interview Guide".into(),
            guide_fingerprint: "abc".into(),
            started_at: at(started),
        },
        plan: interview.plan().clone(),
        progress: interview.progress(t0 + mins(20)),
        notes,
        handoff: Vec::new(),
        finished: false,
    }
}

/// Its record, saved twenty minutes after the start.
fn sample(session: &str, candidate: &str, started: &str) -> SessionRecord {
    SessionRecord::from_snapshot(
        &sample_snapshot(session, candidate, started),
        id(session),
        at(started) + chrono::Duration::minutes(20),
    )
}

fn store() -> (tempfile::TempDir, SessionStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::at(dir.path().join("sessions"));
    (dir, store)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-zA-Z’“”\" ]{0,20}"]
}

prop_compose! {
    fn phase()(
        phase in prop_oneof![
            Just(PhaseName::Intro),
            Just(PhaseName::Question),
            Just(PhaseName::CandidateQuestions),
            Just(PhaseName::WrapUp)
        ],
        question_id in proptest::option::of(text()),
        spent_ms in any::<u64>(),
        visited in any::<bool>(),
        notes in prop::collection::vec(text(), 0..4),
        rating in proptest::option::of(rating()),
    ) -> PhaseRecord {
        PhaseRecord { phase, question_id, spent_ms, visited, notes, rating }
    }
}

prop_compose! {
    fn rating()(position in 1usize..10, label in text()) -> Rating {
        Rating { position, label }
    }
}

prop_compose! {
    fn record()(
        id in "2026(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])-([01][0-9]|2[0-3])[0-5][0-9](-[a-z0-9]{1,6}){0,3}",
        finished in any::<bool>(),
        strings in prop::collection::vec(text(), 6),
        budgets in prop::array::uniform4(any::<u64>()),
        questions in prop::collection::vec(
            (text(), text(), text(), proptest::option::of(text()), prop::collection::vec(text(), 0..3)),
            0..4,
        ),
        phases in prop::collection::vec(phase(), 1..8),
        current_phase in any::<usize>(),
        started in 0i64..4_000_000_000_000,
        saved in 0i64..4_000_000_000_000,
        paused in any::<bool>(),
        (pauses, rating_scale, recommendation, handoff) in (
            prop::collection::vec((any::<u64>(), any::<u64>()), 0..3),
            prop::collection::vec(text(), 0..5),
            proptest::option::of(rating()),
            prop::collection::vec(text(), 0..3),
        ),
        (has_role, closing_ms, fills, nested, guidance) in (
            any::<bool>(),
            proptest::option::of(any::<u64>()),
            prop::collection::btree_map(text(), text(), 0..3),
            prop::collection::vec(follow_up(), 0..3),
            prop::collection::vec(text(), 0..2),
        ),
    ) -> SessionRecord {
        SessionRecord {
            schema_version: 1,
            id: SessionId::parse(&id).unwrap(),
            status: if finished { Status::Finished } else { Status::InProgress },
            guide: GuideStamp { title: strings[0].clone(), sha256: strings[1].clone() },
            candidate: strings[2].clone(),
            interviewer: strings[3].clone(),
            role: has_role.then(|| RoleStamp { id: strings[4].clone(), name: strings[5].clone() }),
            budgets: BudgetsRecord {
                total_ms: budgets[0],
                intro_ms: budgets[1],
                per_question_ms: budgets[2],
                candidate_questions_ms: budgets[3],
                closing_ms,
            },
            questions: questions
                .into_iter()
                .map(|(id, text, section, guidelines_url, follow_ups)| QuestionRecord {
                    id,
                    text,
                    section,
                    guidelines_url,
                    guidelines: GuidelinesRecord { strong: follow_ups.clone(), weak: Vec::new() },
                    follow_ups: follow_ups
                        .into_iter()
                        .map(FollowUpRecord::Plain)
                        .chain(nested.clone())
                        .collect(),
                    guidance: guidance.clone(),
                    section_words: SectionWordsRecord { say: guidance.clone(), guidance: Vec::new() },
                })
                .collect(),
            phases,
            current_phase,
            started_at: Utc.timestamp_millis_opt(started).unwrap(),
            saved_at: Utc.timestamp_millis_opt(saved).unwrap(),
            paused,
            pauses: pauses.into_iter().map(|(at_ms, length_ms)| PauseRecord { at_ms, length_ms }).collect(),
            rating_scale,
            recommendation,
            handoff,
            fills,
        }
    }
}

/// A follow-up with a condition and follow-ups of its own, two deep.
fn follow_up() -> impl Strategy<Value = FollowUpRecord> {
    (
        proptest::option::of(text()),
        text(),
        prop::collection::vec(text(), 0..2),
    )
        .prop_map(|(when, text, under)| FollowUpRecord::Nested {
            when,
            text,
            follow_ups: under.into_iter().map(FollowUpRecord::Plain).collect(),
        })
}

proptest! {
    #[test]
    fn the_session_format_round_trips(record in record()) {
        let json = record_json(&record).unwrap();
        let back: SessionRecord = serde_json::from_slice(&json).unwrap();
        prop_assert_eq!(back, record);
    }
}

#[test]
fn a_saved_session_reads_back_whole() {
    let (_dir, store) = store();
    let record = sample("20261127-1402-sam-lee", "Sam Lee", "2026-11-27T14:02:00Z");
    store.save(&record).unwrap();
    assert_eq!(store.load(&id("20261127-1402-sam-lee")).unwrap(), record);
    assert_eq!(
        record.questions[0].text,
        "Tell me about an existing security practice or process that you helped improve."
    );
}

#[test]
fn corrupt_truncated_and_newer_files_are_reported_by_name_and_left_untouched() {
    let (_dir, store) = store();
    store
        .save(&sample("20261127-1000-ok", "Ok", "2026-11-27T10:00:00Z"))
        .unwrap();
    let good = record_json(&sample("20261127-1100-x", "X", "2026-11-27T11:00:00Z")).unwrap();
    let newer = String::from_utf8(good.clone())
        .unwrap()
        .replace("\"schema_version\": 1", "\"schema_version\": 7");
    let files = [
        (
            "20261127-1100-truncated.json",
            good[..good.len() / 2].to_vec(),
        ),
        ("20261127-1101-garbage.json", b"\x00\x01not json".to_vec()),
        ("20261127-1102-newer.json", newer.into_bytes()),
        (
            "20261127-1103-wrong-shape.json",
            b"{\"schema_version\": 1, \"id\": 3}".to_vec(),
        ),
    ];
    for (name, bytes) in &files {
        fs::write(store.dir().join(name), bytes).unwrap();
    }

    let (records, bad) = store.list();
    assert_eq!(records.len(), 1, "the good session still lists");
    assert_eq!(bad.len(), 4);
    let messages: Vec<String> = bad.iter().map(ToString::to_string).collect();
    for (name, _) in &files {
        assert!(
            messages.iter().any(|m| m.contains(name)),
            "{name} not named in {messages:?}"
        );
    }
    assert!(
        messages
            .iter()
            .any(|m| m.contains("newer interview-console (format 7")),
        "{messages:?}"
    );
    assert!(matches!(
        store.load(&id("20261127-1102-newer")),
        Err(LoadError::Newer { found: 7, .. })
    ));
    assert!(matches!(
        store.load(&id("20261127-1100-truncated")),
        Err(LoadError::Corrupt { .. })
    ));
    for (name, bytes) in &files {
        assert_eq!(
            &fs::read(store.dir().join(name)).unwrap(),
            bytes,
            "{name} was changed"
        );
    }
}

#[test]
fn a_session_is_held_by_one_console_at_a_time() {
    let (_dir, store) = store();
    let started = Local.with_ymd_and_hms(2026, 11, 27, 14, 2, 0).unwrap();
    let (id, lock) = store.create("Sam Lee", started).unwrap();
    assert_eq!(id.as_str(), "20261127-1402-sam-lee");
    let mode = |p: &std::path::Path| {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    };
    assert_eq!(mode(&store.dir().join(format!("{id}.lock"))), 0o600);
    assert_eq!(mode(store.dir()), 0o700);
    match store.lock(&id) {
        Err(LoadError::Locked { pid, .. }) => assert_eq!(pid, Some(std::process::id())),
        other => panic!("expected Locked, got {other:?}"),
    }
    drop(lock);
    assert!(store.lock(&id).is_ok(), "released when the holder goes");
}

#[test]
fn ids_are_readable_sortable_and_unique_within_a_minute() {
    let (_dir, store) = store();
    let started = Local.with_ymd_and_hms(2026, 11, 27, 14, 2, 0).unwrap();
    let (first, _a) = store.create("Sam Lee", started).unwrap();
    let (second, _b) = store.create("Sam Lee", started).unwrap();
    let (other, _c) = store.create("Zoë O’Brien-Smith", started).unwrap();
    assert_eq!(first.as_str(), "20261127-1402-sam-lee");
    assert_eq!(second.as_str(), "20261127-1402-sam-lee-2");
    assert_eq!(other.as_str(), "20261127-1402-zo-o-brien-smith");
}

#[test]
fn delete_removes_the_session_unless_a_console_holds_it() {
    let (_dir, store) = store();
    let started = Local.with_ymd_and_hms(2026, 11, 27, 14, 2, 0).unwrap();
    let (id, lock) = store.create("Sam", started).unwrap();
    let record = sample(id.as_str(), "Sam", "2026-11-27T14:02:00Z");
    store.save(&record).unwrap();
    assert!(matches!(store.delete(&id), Err(LoadError::Locked { .. })));
    drop(lock);
    store.delete(&id).unwrap();
    assert!(matches!(store.load(&id), Err(LoadError::NotFound(_))));
    assert!(matches!(store.delete(&id), Err(LoadError::NotFound(_))));
}

/// A sink that fails while told to, and remembers what it was given.
struct FlakySink {
    failing: Arc<AtomicBool>,
    attempts: Arc<AtomicUsize>,
    saved: Arc<Mutex<Vec<SessionSnapshot>>>,
}

impl SessionSink for FlakySink {
    fn save(&mut self, snapshot: &SessionSnapshot) -> io::Result<()> {
        self.attempts.fetch_add(1, Ordering::SeqCst);
        if self.failing.load(Ordering::SeqCst) {
            return Err(io::Error::other("No space left on device"));
        }
        self.saved.lock().unwrap().push(snapshot.clone());
        Ok(())
    }
}

#[test]
fn a_failing_disk_is_reported_retried_and_loses_nothing() {
    let failing = Arc::new(AtomicBool::new(true));
    let attempts = Arc::new(AtomicUsize::new(0));
    let saved = Arc::new(Mutex::new(Vec::new()));
    let autosaver = Autosaver::spawn(Box::new(FlakySink {
        failing: Arc::clone(&failing),
        attempts: Arc::clone(&attempts),
        saved: Arc::clone(&saved),
    }));
    let snapshot = sample_snapshot("20261127-1402-sam", "Sam", "2026-11-27T14:02:00Z");
    autosaver.save(Box::new(snapshot.clone()));
    assert_eq!(
        autosaver.flush(Duration::from_secs(10)),
        Err("No space left on device".into())
    );
    assert_eq!(
        autosaver.status().error.as_deref(),
        Some("No space left on device")
    );
    assert!(autosaver.status().saved_at.is_none());

    failing.store(false, Ordering::SeqCst);
    // The writer retries on its own; a flush also writes what is still pending.
    assert_eq!(autosaver.flush(Duration::from_secs(10)), Ok(()));
    assert_eq!(saved.lock().unwrap().last(), Some(&snapshot));
    assert_eq!(autosaver.status().error, None);
    assert!(autosaver.status().saved_at.is_some());
    assert!(attempts.load(Ordering::SeqCst) >= 2);
}

/// A sink whose first write waits until the test lets it go, so that snapshots queue up
/// behind it; it records the id of every snapshot it writes.
struct GatedSink {
    entered: mpsc::Sender<()>,
    gate: Option<mpsc::Receiver<()>>,
    written: Arc<Mutex<Vec<String>>>,
}

impl SessionSink for GatedSink {
    fn save(&mut self, snapshot: &SessionSnapshot) -> io::Result<()> {
        if let Some(gate) = self.gate.take() {
            self.entered.send(()).unwrap();
            gate.recv().unwrap();
        }
        self.written
            .lock()
            .unwrap()
            .push(snapshot.header.id.clone());
        Ok(())
    }
}

#[test]
fn the_writer_skips_snapshots_a_newer_one_has_replaced() {
    let (entered, in_first_write) = mpsc::channel();
    let (release, gate) = mpsc::channel();
    let written = Arc::new(Mutex::new(Vec::new()));
    let autosaver = Autosaver::spawn(Box::new(GatedSink {
        entered,
        gate: Some(gate),
        written: Arc::clone(&written),
    }));
    let version = |n: usize| {
        Box::new(sample_snapshot(
            &format!("20261127-1402-v{n}"),
            "Sam",
            "2026-11-27T14:02:00Z",
        ))
    };
    autosaver.save(version(0));
    in_first_write
        .recv_timeout(Duration::from_secs(10))
        .unwrap();
    // The writer is busy with the first: every one of these waits in its queue.
    for n in 1..50 {
        autosaver.save(version(n));
    }
    release.send(()).unwrap();
    autosaver.flush(Duration::from_secs(10)).unwrap();
    assert_eq!(
        *written.lock().unwrap(),
        ["20261127-1402-v0", "20261127-1402-v49"],
        "the first, then only the newest of those queued behind it"
    );
}

#[test]
fn resume_restores_phase_notes_plan_and_clock() {
    let record = sample("20261127-1402-sam-lee", "Sam Lee", "2026-11-27T14:02:00Z");
    let guide = Guide::builtin().unwrap();
    let t1 = Instant::now();
    let model = Model::resumed(guide, record.snapshot(), Some(mins(3)), wall(t1)).unwrap();
    let Screen::Interview(s) = &model.screen else {
        panic!("resumes into the interview")
    };
    assert_eq!(s.interview.current_index(), 2);
    assert_eq!(
        s.notes[1].lines(),
        ["moved SAST into CI", "\"I owned the rollout\""]
    );
    assert_eq!(s.notes[2].lines(), ["[14:30] found SSRF"]);
    assert_eq!(s.interview.plan().candidate, "Sam Lee");
    assert_eq!(s.interview.plan().questions.len(), 5);
    assert_eq!(s.interview.elapsed(t1), mins(23), "20 saved + 3 away");
    assert_eq!(
        s.interview.spent(2, t1),
        mins(9),
        "6 saved + 3 away, in the current phase"
    );
    assert!(!s.interview.is_paused());

    let guide = Guide::builtin().unwrap();
    let paused = Model::resumed(guide, record.snapshot(), None, wall(t1)).unwrap();
    let Screen::Interview(s) = &paused.screen else {
        panic!()
    };
    assert!(s.interview.is_paused());
    assert_eq!(s.interview.elapsed(t1 + mins(10)), mins(20));
}

#[test]
fn a_resumed_session_saves_under_its_own_id() {
    let record = sample("20261127-1402-sam-lee", "Sam Lee", "2026-11-27T14:02:00Z");
    let t1 = Instant::now();
    let model =
        Model::resumed(Guide::builtin().unwrap(), record.snapshot(), None, wall(t1)).unwrap();
    let snapshot = model.snapshot(t1).unwrap();
    assert_eq!(snapshot.header.id, record.id.as_str());
    let again = SessionRecord::from_snapshot(&snapshot, record.id.clone(), record.saved_at);
    assert_eq!(again.snapshot().notes, record.snapshot().notes);
    assert_eq!(again.progress().spent, record.progress().spent);
    assert_eq!(again.started_at, record.started_at);
}

#[test]
fn the_markdown_scorecard_has_the_header_each_question_verbatim_and_the_notes() {
    let record = sample("20261127-1402-sam-lee", "Sam Lee", "2026-11-27T14:02:00Z");
    let md = scorecard(&record, FixedOffset::east_opt(3600).unwrap());
    assert!(md.starts_with("# Sam Lee · Penetration Tester\n"), "{md}");
    for row in [
        "| Candidate | Sam Lee |",
        "| Role | Penetration Tester |",
        "| Interviewer | Alex |",
        "| Date | 2026-11-27 15:02 |",
        "| Duration | 20 min (planned 1 h 00 min) |",
        "| Status | in progress |",
    ] {
        assert!(md.contains(row), "missing {row} in\n{md}");
    }
    for (i, q) in record.questions.iter().enumerate() {
        assert!(
            md.contains(&format!("## Question {}\n\n**{}**", i + 1, q.text)),
            "{md}"
        );
    }
    assert!(md.contains(
        "Time: 10 min of 9 min · General questions · [guidelines](https://docs.google.com/"
    ));
    assert!(md.contains("- moved SAST into CI\n- \"I owned the rollout\"\n"));
    assert!(md.contains("## The candidate's questions\n\nTime: 0 s of 10 min\n\n_No notes._"));
    assert!(md.contains("## Wrap-up\n\n- Concrete, owned outcomes."));
    assert!(
        !md.contains("## Intro"),
        "an intro without notes is left out"
    );
}

#[test]
fn the_json_export_is_the_full_record() {
    let record = sample("20261127-1402-sam", "Sam", "2026-11-27T14:02:00Z");
    let json: serde_json::Value = serde_json::from_slice(&record_json(&record).unwrap()).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["phases"][1]["notes"][0], "moved SAST into CI");
    assert_eq!(json["phases"][1]["spent_ms"], 600_000);
    assert_eq!(json["questions"][3]["id"], "interesting-vulnerability");
    assert_eq!(json["started_at"], "2026-11-27T14:02:00Z");
    assert_eq!(json["status"], "in_progress");
}

#[test]
fn list_shows_one_session_a_line_newest_first_in_columns() {
    let (_dir, store) = store();
    store
        .save(&sample("20261126-0900-ana", "Ana", "2026-11-26T09:00:00Z"))
        .unwrap();
    let mut finished = sample("20261127-1402-sam-lee", "Sam Lee", "2026-11-27T14:02:00Z");
    finished.status = Status::Finished;
    store.save(&finished).unwrap();
    store
        .save(&sample("20261127-0800-jo", "Jo", "2026-11-27T08:00:00Z"))
        .unwrap();

    let (records, _) = store.list();
    let lines = list_lines(&records, FixedOffset::east_opt(0).unwrap());
    assert_eq!(
        lines,
        [
            "20261127-1402-sam-lee  2026-11-27 14:02  Sam Lee  Penetration Tester  Alex  finished     20 min / 1 h 00 min",
            "20261127-0800-jo       2026-11-27 08:00  Jo       Penetration Tester  Alex  in progress  20 min / 1 h 00 min",
            "20261126-0900-ana      2026-11-26 09:00  Ana      Penetration Tester  Alex  in progress  20 min / 1 h 00 min",
        ]
    );
}

#[test]
fn unfinished_sessions_are_looked_for_only_as_far_back_as_asked() {
    let (_dir, store) = store();
    store
        .save(&sample("20261127-0900-ana", "Ana", "2026-11-27T09:00:00Z"))
        .unwrap();
    let mut done = sample("20261127-1300-bo", "Bo", "2026-11-27T13:00:00Z");
    done.status = Status::Finished;
    store.save(&done).unwrap();
    store
        .save(&sample("20261127-1000-cy", "Cy", "2026-11-27T10:00:00Z"))
        .unwrap();
    let found = store.unfinished_since(at("2026-11-27T08:00:00Z"));
    let ids: Vec<&str> = found.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["20261127-1000-cy", "20261127-0900-ana"]);
    let recent = store.unfinished_since(at("2026-11-27T09:30:00Z"));
    assert_eq!(recent.len(), 1);
    assert!(
        store
            .unfinished_since(at("2026-11-27T11:00:00Z"))
            .is_empty()
    );
    let _ = read_record(&store.path(&found[0].id)).unwrap();
}

#[test]
fn a_file_whose_id_is_not_one_the_console_makes_or_not_its_name_is_a_bad_file() {
    let (_dir, store) = store();
    let good = sample("20261127-1402-sam-lee", "Sam Lee", "2026-11-27T14:02:00Z");
    store.save(&good).unwrap();
    let json = String::from_utf8(record_json(&good).unwrap()).unwrap();
    let with_id = |id: &str| {
        json.replace(
            "\"id\": \"20261127-1402-sam-lee\"",
            &format!("\"id\": {}", serde_json::to_string(id).unwrap()),
        )
    };
    let files = [
        ("20261127-1500-a.json", with_id("../../../victim/x")),
        ("20261127-1501-b.json", with_id("/tmp/victim/important")),
        (
            "20261127-1502-c.json",
            with_id("20261127-1502-c\u{1b}]0;pwned\u{7}"),
        ),
        ("20261127-1503-copy.json", json.clone()),
        ("alias.json", json.clone()),
    ];
    for (name, text) in &files {
        fs::write(store.dir().join(name), text).unwrap();
    }

    let (records, bad) = store.list();
    let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["20261127-1402-sam-lee"],
        "listed once, under its own name"
    );
    let messages: Vec<String> = bad.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), files.len(), "{messages:?}");
    for (name, _) in &files {
        assert!(
            messages.iter().any(|m| m.contains(name)),
            "{name}: {messages:?}"
        );
    }
    assert!(
        messages
            .iter()
            .all(|m| !m.contains("victim") && !m.contains("pwned")),
        "a hostile id is not repeated: {messages:?}"
    );
    assert!(matches!(
        store.load(&id("20261127-1503-copy")),
        Err(LoadError::Misnamed { found, .. }) if found == good.id
    ));
    assert!(matches!(
        store.load(&id("20261127-1500-a")),
        Err(LoadError::Corrupt { .. })
    ));
    for (name, text) in &files {
        assert_eq!(&fs::read_to_string(store.dir().join(name)).unwrap(), text);
    }
}

#[test]
fn a_session_whose_link_is_bad_is_reported_by_name_and_never_used() {
    let (_dir, store) = store();
    store
        .save(&sample("20261127-1000-ok", "Ok", "2026-11-27T10:00:00Z"))
        .unwrap();
    for (id, url) in [
        ("20261127-1100-osc", "https://x.com/\x1b]8;;\x07evil"),
        ("20261127-1101-js", "javascript:alert(1)"),
    ] {
        let mut bad = sample(id, "Mallory", "2026-11-27T11:00:00Z");
        bad.questions[1].guidelines_url = Some(url.into());
        store.save(&bad).unwrap();
    }
    let (records, bad) = store.list();
    assert_eq!(
        records.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["20261127-1000-ok"]
    );
    let messages: Vec<String> = bad.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    for name in ["20261127-1100-osc.json", "20261127-1101-js.json"] {
        assert!(
            messages.iter().any(|m| m.contains(name)
                && m.contains("the guidelines link of question `team-remediation`")),
            "{name} not named in {messages:?}"
        );
    }
    assert!(matches!(
        store.load(&id("20261127-1101-js")),
        Err(LoadError::Corrupt { .. })
    ));
}

#[test]
fn list_cuts_a_huge_name_and_shows_controls_instead_of_obeying_them() {
    let mut huge = sample("20261127-1402-huge", "x", "2026-11-27T14:02:00Z");
    huge.candidate = "N".repeat(70_000);
    let mut hostile = sample("20261127-1400-mallory", "x", "2026-11-27T14:00:00Z");
    hostile.candidate = "Mallory\x1b]0;pwned\x07\nfake".into();
    hostile.interviewer = "Alex\u{202e}\u{9b}2J".into();
    let lines = list_lines(&[huge, hostile], FixedOffset::east_opt(0).unwrap());
    let cut = format!("{}…", "N".repeat(MAX_NAME_WIDTH - 1));
    assert_eq!(
        lines,
        [
            format!(
                "20261127-1402-huge     2026-11-27 14:02  {cut}  Penetration Tester  Alex                  in progress  20 min / 1 h 00 min"
            ),
            "20261127-1400-mallory  2026-11-27 14:00  Mallory\\e]0;pwned\\x07\\nfake               Penetration Tester  Alex\\u{202e}\\u{9b}2J  in progress  20 min / 1 h 00 min".to_string(),
        ]
    );
}
