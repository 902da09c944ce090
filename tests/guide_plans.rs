//! Plans from guides that use the format's additions: a guide without roles from the intro
//! to the wrap-up, a pick group, the closing phase, placeholders filled from the plan, and
//! what a session record and a scorecard keep of them.

use std::time::{Duration, Instant};

use chrono::{FixedOffset, TimeZone, Utc};

use interview_console::guide::rich::Unfilled;
use interview_console::guide::{Guide, RichText};
use interview_console::interview::session::{SessionHeader, SessionSnapshot};
use interview_console::interview::{Interview, PhaseKind, Plan, PlanError, QuestionChoice};
use interview_console::markdown::scorecard;
use interview_console::store::SessionId;
use interview_console::store::record::SessionRecord;
use interview_console::store::sessions::record_json;

const VALUES: &str = include_str!("fixtures/guides/values.yaml");

fn values() -> Guide {
    Guide::parse(VALUES, "values.yaml").unwrap()
}

fn chosen(choice: &QuestionChoice) -> Vec<&str> {
    choice.chosen().map(|q| q.id.as_str()).collect()
}

#[test]
fn a_guide_without_roles_runs_from_the_intro_to_the_wrap_up() {
    let guide = values();
    let choice = QuestionChoice::default_for(&guide, None);
    let plan = Plan::new(&guide, None, "Sam Lee", "Alex", 45, &choice).unwrap();
    assert_eq!(plan.role, None);
    let t0 = Instant::now();
    let mut interview = Interview::start(plan, t0);
    let mut kinds = vec![interview.current().kind];
    let mut now = t0;
    while interview.next(now) {
        now += Duration::from_secs(60);
        kinds.push(interview.current().kind);
    }
    assert_eq!(
        kinds,
        [
            PhaseKind::Intro,
            PhaseKind::Question(0),
            PhaseKind::Question(1),
            PhaseKind::Question(2),
            PhaseKind::CandidateQuestions,
            PhaseKind::Closing,
            PhaseKind::WrapUp,
        ]
    );
    let budgets = interview.plan().budgets;
    assert_eq!(budgets.closing, Some(Duration::from_secs(2 * 60)));
    // 45 minutes less the intro (3), their questions (10) and the closing (2), shared by 3.
    assert_eq!(budgets.per_question, Duration::from_secs(10 * 60));
    assert_eq!(
        interview.phases()[5].budget,
        Some(Duration::from_secs(120)),
        "the closing phase keeps its budget"
    );
    assert!(
        interview.rate(Some(1)).is_ok(),
        "the wrap-up takes a recommendation"
    );
}

#[test]
fn a_pick_group_gives_its_pick_to_the_default_plan_and_any_of_its_questions_can_be_chosen() {
    let guide = values();
    let choice = QuestionChoice::default_for(&guide, None);
    assert_eq!(
        chosen(&choice),
        ["project-story", "disagreement", "sharing"],
        "one of the two work-experience questions, then the rest up to three"
    );
    assert_eq!(choice.offered().len(), 4, "the other one stays offered");
    assert_eq!(guide.group_of("difficult-client").unwrap().pick, 1);
    assert_eq!(guide.group_of("sharing"), None);

    let ids = ["difficult-client".to_string(), "sharing".to_string()];
    let choice = QuestionChoice::from_ids(&guide, None, &ids).unwrap();
    assert_eq!(chosen(&choice), ["difficult-client", "sharing"]);
    let error = QuestionChoice::from_ids(&guide, None, &["nope".to_string()]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "no question `nope` in this guide (its questions: project-story, difficult-client, disagreement, sharing)"
    );
}

#[test]
fn a_pick_group_caps_a_role_plan_too() {
    let yaml = "\
title: Screen
intro:
  statement: [Hello.]
roles:
  - id: dev
    name: Developer
sections:
  - title: Pick two
    pick: 2
    questions:
      - {id: a, text: A?}
      - {id: b, text: B?}
      - {id: c, text: C?}
  - title: The rest
    questions:
      - {id: d, text: D?}
      - {id: e, text: E?}
      - {id: f, text: F?}
";
    let guide = Guide::parse(yaml, "screen.yaml").unwrap();
    let choice = QuestionChoice::default_for(&guide, guide.role("dev"));
    assert_eq!(chosen(&choice), ["a", "b", "d", "e", "f"]);
}

#[test]
fn placeholders_are_filled_from_the_plan_and_shown_while_unfilled() {
    let guide = values();
    let choice = QuestionChoice::default_for(&guide, None);
    let mut plan = Plan::new(&guide, None, "Sam Lee", "Alex", 45, &choice).unwrap();
    let intro = RichText::parse(&guide.intro.statement[0]);
    assert_eq!(
        intro.plain(&plan),
        "Hello Sam Lee, I'm Alex. Thanks for making the time today."
    );
    let question = RichText::parse(&plan.questions[0].text);
    assert_eq!(
        question.plain(&plan),
        "Tell me about your work on {project}."
    );
    assert_eq!(
        question.plain(&Unfilled),
        "Tell me about your work on {project}."
    );
    plan.fills
        .insert("project".into(), "the payments API".into());
    assert_eq!(
        question.plain(&plan),
        "Tell me about your work on the payments API."
    );
}

#[test]
fn no_role_is_asked_of_a_guide_without_roles() {
    let guide = values();
    assert_eq!(
        interview_console::interview::plan::find_role(&guide, "dev").unwrap_err(),
        PlanError::NoRoles("dev".into())
    );
}

/// An interview on the values guide, finished on the wrap-up, as its record.
fn finished_record() -> SessionRecord {
    let guide = values();
    let choice = QuestionChoice::from_ids(
        &guide,
        None,
        &["difficult-client".into(), "project-story".into()],
    )
    .unwrap();
    let mut plan = Plan::new(&guide, None, "Sam Lee", "Alex", 45, &choice).unwrap();
    plan.fills.insert("project".into(), "Apollo *beta*".into());
    let t0 = Instant::now();
    let mut interview = Interview::start(plan.clone(), t0);
    while interview.next(t0) {}
    let started = Utc.with_ymd_and_hms(2026, 11, 27, 14, 2, 0).unwrap();
    let snapshot = SessionSnapshot {
        header: SessionHeader::new("20261127-1402-sam-lee".into(), &guide, started),
        plan,
        progress: interview.progress(t0),
        notes: vec![Vec::new(); interview.phases().len()],
        finished: true,
        handoff: Vec::new(),
    };
    SessionRecord::from_snapshot(
        &snapshot,
        SessionId::parse("20261127-1402-sam-lee").unwrap(),
        started,
    )
}

#[test]
fn a_record_keeps_no_role_the_closing_the_fills_and_the_nested_follow_ups() {
    let record = finished_record();
    let json = String::from_utf8(record_json(&record).unwrap()).unwrap();
    assert!(!json.contains("\"role\""), "{json}");
    assert!(json.contains("\"schema_version\": 2"), "{json}");
    assert!(json.contains("\"closing_ms\": 120000"), "{json}");
    assert!(json.contains("\"when\": \"If it shipped\""), "{json}");
    let back: SessionRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, record);
    let plan = back.plan();
    assert_eq!(plan.role, None);
    assert_eq!(plan.fills["project"], "Apollo *beta*");
    assert_eq!(plan.budgets.closing, Some(Duration::from_secs(120)));
    assert_eq!(plan.questions[1].follow_ups[1].follow_ups.len(), 1);
    assert_eq!(back.phase_count(), 6);
}

#[test]
fn the_scorecard_shows_the_words_as_said_with_their_emphasis_and_the_closing() {
    let record = finished_record();
    let card = scorecard(&record, FixedOffset::east_opt(0).unwrap());
    assert!(card.starts_with("# Sam Lee\n"), "{card}");
    assert!(!card.contains("| Role |"), "{card}");
    assert!(
        card.contains("**Tell me about a time you worked with a *difficult* client.**"),
        "{card}"
    );
    // A fill is text: its stars are escaped, never emphasis.
    assert!(
        card.contains(r"**Tell me about your work on Apollo \*beta\*.**"),
        "{card}"
    );
    assert!(
        card.contains("\n## Closing\n\nTime: 0 s of 2 min\n"),
        "{card}"
    );
}
