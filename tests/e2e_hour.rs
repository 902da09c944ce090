//! The hour in the real binary: a reminder that comes by itself, with no key pressed, over
//! the message of the last key.

mod support;

use std::time::Instant;

use support::{CTRL_N, CTRL_Q, Console, fresh_dir};

/// A guide whose one question has a minute and reminds at a tenth of it (six seconds in),
/// so a test sees a reminder come without waiting long; `--minutes 3` plans the hour
/// short: an intro of a minute, the question's minute, their questions' minute.
const SHORT_GUIDE: &str = "\
title: Short guide
intro:
  statement:
    - Hello, and thanks for coming.
roles:
  - id: dev
    name: Developer
sections:
  - title: General
    roles: [dev]
    questions:
      - id: bug
        text: Tell me about a bug you fixed.
timed_reminders:
  - text: \"Note what they said, not your impression.\"
    when: share_of_phase
    phase: question 1
    percent: 10
timing:
  minutes: 3
  intro_minutes: 1
  candidate_questions_minutes: 1
  questions: 1
";

#[test]
fn a_reminder_comes_without_a_key_over_the_last_message() {
    let guide = fresh_dir("short-guide").join("short.yaml");
    std::fs::write(&guide, SHORT_GUIDE).unwrap();
    let mut console = Console::spawn(
        &[
            "--guide",
            guide.to_str().unwrap(),
            "--role",
            "dev",
            "--candidate",
            "Sam Lee",
            "--minutes",
            "3",
        ],
        80,
        24,
        &[],
    );
    console.wait_for("Hello, and thanks for coming.");
    console.send(CTRL_N);
    console.wait_for("Tell me about a bug you fixed.");
    let entered = Instant::now();
    console.send(b"\x1b2"); // Alt+2: rated at once
    console.wait_for("Q1 rating: No");
    // Nothing is pressed from here on: the clock's tick brings the reminder.
    console.wait_for("Note what they said, not your impression.");
    assert!(
        entered.elapsed().as_secs() >= 5,
        "due six seconds into the question, not before"
    );
    assert!(!console.screen_text().contains("Q1 rating: No"));
    console.send(CTRL_Q);
    console.wait_for("It stays in progress");
    console.type_text("y");
    assert_eq!(console.wait_exit(), 0);
}
