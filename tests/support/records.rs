//! Session files written by hand, as the console writes them, for tests that feed the
//! console files from elsewhere.

use serde_json::{Value, json};

/// The question the session files here asked, as the built-in guide words it.
pub const QUESTION: &str =
    "Tell me about a particularly interesting vulnerability that you discovered.";

/// A session file of the built-in guide's pentest role: one question asked, paused on it;
/// `notes` of the intro, the question, their questions and the wrap-up.
pub fn session_record(
    id: &str,
    candidate: &str,
    interviewer: &str,
    (started_at, saved_at): (&str, &str),
    notes: [&str; 4],
) -> Value {
    let phase = |name: &str, question: Option<&str>, note: &str| {
        json!({
            "phase": name,
            "question_id": question,
            "spent_ms": 120_000,
            "visited": true,
            "notes": [note],
        })
    };
    json!({
        "schema_version": 1,
        "id": id,
        "status": "in_progress",
        "guide": {
            "title": "Infosec Interview Guide",
            "sha256": interview_console::guide::Guide::builtin().unwrap().fingerprint
        },
        "candidate": candidate,
        "interviewer": interviewer,
        "role": { "id": "pentest", "name": "Penetration Tester" },
        "budgets": {
            "total_ms": 3_600_000,
            "intro_ms": 300_000,
            "per_question_ms": 2_700_000,
            "candidate_questions_ms": 600_000
        },
        "questions": [{
            "id": "interesting-vulnerability",
            "text": QUESTION,
            "section": "Questions for Penetration Testers",
            "guidelines_url": null
        }],
        "phases": [
            phase("intro", None, notes[0]),
            phase("question", Some("interesting-vulnerability"), notes[1]),
            phase("candidate_questions", None, notes[2]),
            phase("wrap_up", None, notes[3]),
        ],
        "current_phase": 1,
        "started_at": started_at,
        "saved_at": saved_at,
        "paused": true,
        "pauses": []
    })
}
