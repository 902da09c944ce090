//! Debrief and consistency reports over several sessions, and ratings in the exports.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Utc};

use interview_console::guide::Guide;
use interview_console::interview::plan::find_role;
use interview_console::interview::{Interview, PhaseKind, Plan, QuestionChoice};
use interview_console::store::export::markdown;
use interview_console::store::record::GuideStamp;
use interview_console::store::reports::{DebriefError, consistency, debrief};
use interview_console::store::sessions::record_json;
use interview_console::store::{SessionHeader, SessionId, SessionRecord, Status};

const fn mins(m: u64) -> Duration {
    Duration::from_secs(m * 60)
}

/// A finished interview of `candidate` by `interviewer`: Q1 and Q2 rated as given (scale
/// positions from 1), the recommendation too, a note on Q1 and a summary.
fn interview(
    candidate: &str,
    interviewer: &str,
    role: &str,
    ratings: [Option<usize>; 2],
    recommendation: Option<usize>,
) -> SessionRecord {
    let guide = Guide::builtin().unwrap();
    let role = find_role(&guide, role).unwrap();
    let choice = QuestionChoice::default_for(&guide, role);
    let plan = Plan::new(&guide, role, candidate, interviewer, 60, &choice).unwrap();
    let t0 = Instant::now();
    let mut run = Interview::start(plan, t0);
    for (i, rating) in ratings.iter().enumerate() {
        run.next(t0 + mins(5 + 9 * i as u64));
        run.rate(rating.map(|r| r - 1)).unwrap();
    }
    let last = run.phases().len() - 1;
    run.go_to(last, t0 + mins(50));
    run.rate(recommendation.map(|r| r - 1)).unwrap();
    let kinds: Vec<PhaseKind> = run.phases().iter().map(|p| p.kind).collect();
    let mut notes = vec![vec![String::new()]; kinds.len()];
    notes[1] = vec![format!("{interviewer}: rolled out SAST to 12 teams")];
    notes[last] = vec![format!("{interviewer}'s summary")];
    let started: DateTime<Utc> = "2026-11-27T14:00:00Z".parse().unwrap();
    let header = SessionHeader {
        id: SessionId::parse(&format!(
            "20261127-1400-{}-{}",
            candidate.trim().to_lowercase(),
            interviewer.to_lowercase()
        ))
        .unwrap(),
        guide: GuideStamp {
            title: guide.title.clone(),
            sha256: guide.fingerprint.clone(),
        },
        started_at: started,
    };
    SessionRecord::capture(
        &header,
        run.plan(),
        &run.progress(t0 + mins(55)),
        &kinds,
        &notes,
        Status::Finished,
        started,
    )
}

#[test]
fn exports_carry_ratings_and_the_recommendation() {
    let record = interview("Sam", "Alex", "pentest", [Some(3), None], Some(4));
    let md = markdown(&record, FixedOffset::east_opt(0).unwrap());
    assert!(
        md.contains("| Recommendation | Strong yes (4 of 4) |"),
        "{md}"
    );
    assert!(
        md.contains("Rating: Yes (3 of 4) · Time: 09:00 of 09:00"),
        "{md}"
    );
    assert!(md.contains("Rating: not rated · Time:"), "{md}");
    let json: serde_json::Value = serde_json::from_slice(&record_json(&record).unwrap()).unwrap();
    assert_eq!(json["phases"][1]["rating"]["label"], "Yes");
    assert_eq!(json["phases"][1]["rating"]["position"], 3);
    assert_eq!(json["phases"][2]["rating"], serde_json::Value::Null);
    assert_eq!(json["recommendation"]["label"], "Strong yes");
    assert_eq!(json["rating_scale"][0], "Strong no");
}

#[test]
fn a_debrief_of_two_sets_ratings_side_by_side_and_flags_two_steps_apart() {
    let alex = interview("Sam", "Alex", "pentest", [Some(4), Some(3)], Some(4));
    let kim = interview("Sam", "Kim", "pentest", [Some(2), Some(3)], Some(3));
    let report = debrief(&[alex, kim]).unwrap();
    assert!(report.starts_with("# Debrief: Sam\n"), "{report}");
    assert!(report.contains("- Interviews: Alex (2026-11-27), Kim (2026-11-27)"));
    assert!(report.contains(
        "## For discussion\n\n- ⚑ 1. Tell me about an existing security practice or process that you helped improve.\n\n"
    ), "{report}");
    assert!(
        report.contains("| Alex | Strong yes (4 of 4) | 09:00 |\n| Kim | No (2 of 4) | 09:00 |"),
        "{report}"
    );
    assert!(report.contains("**Alex**\n\n- Alex: rolled out SAST to 12 teams"));
    assert!(report.contains("**Kim**\n\n- Kim: rolled out SAST to 12 teams"));
    // Q2 agrees (Yes, Yes): no flag under it.
    let q2 = report.split("## 2. ").nth(1).unwrap();
    assert!(!q2.split("## 3.").next().unwrap().contains('⚑'), "{q2}");
    // Recommendations one step apart: listed, not flagged.
    assert!(report.contains("| Alex | Strong yes (4 of 4) |\n| Kim | Yes (3 of 4) |"));
    assert!(!report.contains("- ⚑ The recommendations"));
    assert!(report.contains("**Kim: summary**\n\n- Kim's summary"));
}

#[test]
fn a_debrief_of_three_flags_split_recommendations_and_unrated_answers_do_not_count() {
    let a = interview("Sam", "Alex", "pentest", [Some(1), None], Some(1));
    let b = interview("Sam", "Kim", "pentest", [Some(2), None], Some(2));
    let c = interview("sam ", "Lee", "pentest", [None, Some(4)], Some(4));
    let report = debrief(&[a, b, c]).unwrap();
    assert!(report.contains("- ⚑ The recommendations"), "{report}");
    assert!(report.contains("**⚑ Recommendations differ by 2 or more steps: discuss.**"));
    assert!(
        !report.contains("- ⚑ 1."),
        "1 and 2 are one step apart: {report}"
    );
    assert!(report.contains("| Lee | not rated |"), "{report}");
}

#[test]
fn a_debrief_refuses_different_candidates_guides_or_a_single_interview() {
    let sam = interview("Sam", "Alex", "pentest", [Some(3), None], None);
    let jo = interview("Jo", "Kim", "pentest", [Some(3), None], None);
    match debrief(&[sam.clone(), jo]) {
        Err(DebriefError::DifferentCandidates(names)) => {
            assert!(
                names.contains("Sam (Alex") && names.contains("Jo (Kim"),
                "{names}"
            );
        }
        other => panic!("expected DifferentCandidates, got {other:?}"),
    }
    let mut other_guide = interview("Sam", "Kim", "pentest", [Some(3), None], None);
    other_guide.guide.sha256 = "0000".into();
    assert!(matches!(
        debrief(&[sam.clone(), other_guide]),
        Err(DebriefError::DifferentGuides(_))
    ));
    assert_eq!(debrief(&[sam]), Err(DebriefError::TooFew(1)));
}

#[test]
fn the_consistency_report_sets_candidates_against_questions() {
    let sam = interview("Sam", "Alex", "pentest", [Some(3), None], Some(3));
    let jo = interview("Jo", "Kim", "pentest", [Some(2), Some(4)], Some(2));
    let ana = interview("Ana", "Lee", "appsec", [Some(4), Some(4)], Some(4));
    let all = consistency(&[sam.clone(), jo.clone(), ana.clone()], None);
    assert!(all.contains("| Candidate | Role | Interviewer | Date | Q1 | Q2 | Q3 | Q4 | Q5 | Q6 | Q7 | Recommendation |"), "{all}");
    assert!(all.contains("| Sam | Penetration Tester | Alex | 2026-11-27 | Yes, 09:00 | unrated, 36:00 | unrated, 00:00 |"), "{all}");
    assert!(
        all.contains("| Ana | Application Security Engineer | Lee |"),
        "{all}"
    );
    assert!(all.contains(
        "- Q1: Tell me about an existing security practice or process that you helped improve."
    ));

    let pentest = consistency(&[sam, jo, ana], Some("pentest"));
    assert!(!pentest.contains("| Ana |"), "{pentest}");
    assert!(
        pentest.contains(
            "| Jo | Penetration Tester | Kim | 2026-11-27 | No, 09:00 | Strong yes, 36:00 |"
        ),
        "{pentest}"
    );
    assert!(
        pentest.contains("| Q5 | Recommendation |"),
        "five questions for one role: {pentest}"
    );
    assert_eq!(consistency(&[], None), "No interviews to report.\n");
}
