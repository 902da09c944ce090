//! A guide's timed reminders: every kind loads, and every mistake is refused at the file,
//! line and column of the value at fault.

use interview_console::guide::{Guide, GuideError, PhaseSelector, Position, When};

/// A minimal guide; its `timed_reminders` start on line 14.
const VALID: &str = "\
title: Tiny guide
intro:
  statement:
    - Hello.
roles:
  - id: dev
    name: Developer
sections:
  - title: General
    roles: [dev]
    questions:
      - id: q1
        text: Tell me about a bug you fixed.
timed_reminders:
";

fn with(reminders: &str) -> String {
    format!("{VALID}{reminders}")
}

fn refuse(reminders: &str) -> GuideError {
    Guide::parse(&with(reminders), "team.yaml").expect_err("the guide should be refused")
}

fn at(error: &GuideError) -> (u64, u64) {
    let Position { line, column } = error.position.expect("a position");
    (line, column)
}

#[test]
fn every_kind_loads() {
    let guide = Guide::parse(
        &with(
            "  - text: Half time.
    when: at_minute
    minute: 30
  - text: Five left.
    when: minutes_left
    minutes: 5
  - text: Ask the follow-ups.
    when: share_of_phase
    phase: question
    percent: 50
  - text: Impressions?
    when: share_of_phase
    phase: question 1
    percent: 100
  - text: Say the prompt.
    when: entering_phase
    phase: candidate_questions
  - text: Rate it.
    when: entering_phase
    phase: wrap_up
  - text: Move on.
    when: rest_does_not_fit
",
        ),
        "team.yaml",
    )
    .unwrap();
    let whens: Vec<When> = guide.timed_reminders.iter().map(|r| r.when).collect();
    assert_eq!(
        whens,
        [
            When::AtMinute(30),
            When::MinutesLeft(5),
            When::ShareOfPhase {
                phase: PhaseSelector::EveryQuestion,
                percent: 50
            },
            When::ShareOfPhase {
                phase: PhaseSelector::Question(1),
                percent: 100
            },
            When::EnteringPhase(PhaseSelector::CandidateQuestions),
            When::EnteringPhase(PhaseSelector::WrapUp),
            When::RestDoesNotFit,
        ]
    );
    assert_eq!(guide.timed_reminders[0].text, "Half time.");
}

#[test]
fn without_timed_reminders_a_guide_has_none() {
    let guide = Guide::parse(&VALID.replace("timed_reminders:\n", ""), "team.yaml").unwrap();
    assert!(guide.timed_reminders.is_empty());
}

#[test]
fn the_built_in_guide_reminds_of_their_questions_the_first_answer_and_five_minutes() {
    let guide = Guide::builtin().unwrap();
    let whens: Vec<When> = guide.timed_reminders.iter().map(|r| r.when).collect();
    assert_eq!(
        whens,
        [
            When::RestDoesNotFit,
            When::ShareOfPhase {
                phase: PhaseSelector::Question(1),
                percent: 80
            },
            When::MinutesLeft(5),
        ]
    );
}

#[test]
fn an_unknown_kind_is_refused_at_the_kind_with_the_kinds() {
    let error = refuse("  - text: Hi.\n    when: at_noon\n");
    assert_eq!(at(&error), (16, 11));
    assert_eq!(
        error.to_string(),
        "team.yaml:16:11: `when: at_noon` is not a kind of timed reminder (kinds: at_minute, minutes_left, share_of_phase, entering_phase, rest_does_not_fit)"
    );
}

#[test]
fn a_missing_parameter_is_refused_at_the_kind() {
    let error = refuse("  - text: Hi.\n    when: at_minute\n");
    assert_eq!(at(&error), (16, 11));
    assert!(error.message.contains("needs `minute`"), "{error}");
    let error = refuse("  - text: Hi.\n    when: share_of_phase\n    phase: intro\n");
    assert_eq!(at(&error), (16, 11));
    assert!(error.message.contains("needs `percent`"), "{error}");
    let error = refuse("  - text: Hi.\n    when: entering_phase\n");
    assert!(error.message.contains("needs `phase`"), "{error}");
}

#[test]
fn a_parameter_the_kind_does_not_take_is_refused_where_it_is() {
    let error = refuse("  - text: Hi.\n    when: rest_does_not_fit\n    minutes: 5\n");
    assert_eq!(at(&error), (17, 14));
    assert_eq!(
        error.message,
        "`minutes` means nothing to `when: rest_does_not_fit`"
    );
    let error = refuse("  - text: Hi.\n    when: minutes_left\n    minutes: 5\n    phase: intro\n");
    assert_eq!(at(&error), (18, 12));
}

#[test]
fn values_out_of_range_are_refused_where_they_are() {
    let error = refuse("  - text: Hi.\n    when: minutes_left\n    minutes: 0\n");
    assert_eq!(at(&error), (17, 14));
    let error = refuse("  - text: Hi.\n    when: at_minute\n    minute: 601\n");
    assert_eq!(at(&error), (17, 13));
    assert!(error.message.contains("past 600"), "{error}");
    let error =
        refuse("  - text: Hi.\n    when: share_of_phase\n    phase: intro\n    percent: 0\n");
    assert_eq!(at(&error), (18, 14));
    assert_eq!(error.message, "`percent` (0) must be 1 to 1000");
    let error =
        refuse("  - text: Hi.\n    when: share_of_phase\n    phase: intro\n    percent: 1001\n");
    assert_eq!(at(&error), (18, 14));
    let error = refuse("  - text: Hi.\n    when: at_minute\n    minute: -1\n");
    assert_eq!(at(&error).0, 17, "{error}");
}

#[test]
fn phases_are_named_or_refused_where_they_are() {
    let error = refuse("  - text: Hi.\n    when: entering_phase\n    phase: lunch\n");
    assert_eq!(at(&error), (17, 12));
    assert!(
        error
            .message
            .contains("(phases: intro, question, question N, candidate_questions, wrap_up)"),
        "{error}"
    );
    let error = refuse("  - text: Hi.\n    when: entering_phase\n    phase: question 0\n");
    assert!(error.message.contains("counted from 1"), "{error}");
    let error = refuse("  - text: Hi.\n    when: entering_phase\n    phase: question two\n");
    assert!(error.message.contains("is not a phase"), "{error}");
    let error =
        refuse("  - text: Hi.\n    when: share_of_phase\n    phase: wrap_up\n    percent: 50\n");
    assert_eq!(at(&error), (17, 12));
    assert!(error.message.contains("no budget"), "{error}");
}

#[test]
fn an_empty_text_or_an_unknown_field_is_refused() {
    let error = refuse("  - text: \" \"\n    when: rest_does_not_fit\n");
    assert_eq!(at(&error), (15, 11));
    assert_eq!(error.message, "a timed reminder's `text` is empty");
    let error = refuse("  - text: Hi.\n    when: rest_does_not_fit\n    priority: high\n");
    assert_eq!(at(&error).0, 17, "{error}");
}
