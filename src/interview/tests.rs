use std::time::{Duration, Instant};

use proptest::prelude::*;

use super::*;
use crate::guide::Guide;

const fn mins(m: u64) -> Duration {
    Duration::from_secs(m * 60)
}

fn pentest_plan() -> Plan {
    let guide = Guide::builtin().expect("built-in guide");
    let role = plan::find_role(&guide, "pentest").expect("role");
    let choice = QuestionChoice::default_for(&guide, role);
    Plan::new(&guide, role, "Sam Lee", "Alex", 60, &choice).expect("plan")
}

fn ids(choice: &QuestionChoice) -> Vec<&str> {
    choice.chosen().map(|q| q.id.as_str()).collect()
}

#[test]
fn default_plans_hold_the_roles_own_questions_then_general_ones_up_to_five() {
    let guide = Guide::builtin().unwrap();
    let pentest = QuestionChoice::default_for(&guide, guide.role("pentest").unwrap());
    assert_eq!(
        ids(&pentest),
        [
            "improve-practice",
            "team-remediation",
            "innovative-idea",
            "interesting-vulnerability",
            "report-to-developers"
        ]
    );
    // Offered: the four general questions and the two penetration-testing ones.
    assert_eq!(pentest.offered().len(), 6);

    for role in ["appsec", "secops"] {
        let choice = QuestionChoice::default_for(&guide, guide.role(role).unwrap());
        assert_eq!(
            ids(&choice),
            [
                "improve-practice",
                "team-remediation",
                "innovative-idea",
                "secure-development",
                "teach-non-security"
            ],
            "{role}"
        );
    }
}

#[test]
fn no_role_is_offered_another_roles_questions() {
    let guide = Guide::builtin().unwrap();
    for role in &guide.roles {
        let choice = QuestionChoice::default_for(&guide, role);
        for offered in choice.offered() {
            assert!(
                offered.question.roles.contains(&role.id),
                "{} offered to {}",
                offered.question.id,
                role.id
            );
        }
    }
    let pentest = QuestionChoice::default_for(&guide, guide.role("pentest").unwrap());
    assert!(
        !pentest
            .offered()
            .iter()
            .any(|o| o.question.id == "secure-development")
    );
    let appsec = QuestionChoice::default_for(&guide, guide.role("appsec").unwrap());
    assert!(
        !appsec
            .offered()
            .iter()
            .any(|o| o.question.id == "interesting-vulnerability")
    );
}

#[test]
fn roles_are_found_by_id_or_name() {
    let guide = Guide::builtin().unwrap();
    assert_eq!(
        plan::find_role(&guide, "Penetration Tester").unwrap().id,
        "pentest"
    );
    let err = plan::find_role(&guide, "red-team").unwrap_err();
    assert_eq!(
        err.to_string(),
        "no role `red-team` in this guide (roles: appsec, secops, pentest)"
    );
}

#[test]
fn questions_flag_sets_the_order_and_refuses_other_roles_questions() {
    let guide = Guide::builtin().unwrap();
    let role = guide.role("pentest").unwrap();
    let wanted = [
        "report-to-developers".to_string(),
        "improve-practice".to_string(),
    ];
    let choice = QuestionChoice::from_ids(&guide, role, &wanted).unwrap();
    assert_eq!(ids(&choice), ["report-to-developers", "improve-practice"]);
    assert_eq!(choice.offered().len(), 6);

    let err = QuestionChoice::from_ids(&guide, role, &["secure-development".into()]).unwrap_err();
    assert!(matches!(err, PlanError::UnknownQuestion { .. }), "{err}");
    let twice = [
        "improve-practice".to_string(),
        "improve-practice".to_string(),
    ];
    assert_eq!(
        QuestionChoice::from_ids(&guide, role, &twice).unwrap_err(),
        PlanError::RepeatedQuestion("improve-practice".into())
    );
    assert_eq!(
        QuestionChoice::from_ids(&guide, role, &[]).unwrap_err(),
        PlanError::NoQuestions
    );
}

#[test]
fn toggling_and_reordering_change_the_chosen_questions() {
    let guide = Guide::builtin().unwrap();
    let mut choice = QuestionChoice::default_for(&guide, guide.role("pentest").unwrap());
    let fourth = choice.offered()[3].question.id.clone();
    choice.toggle(3);
    assert!(choice.chosen().any(|q| q.id == fourth));
    assert_eq!(choice.chosen_count(), 6);
    choice.toggle(0);
    assert_eq!(choice.chosen_count(), 5);

    let last = choice.offered().len() - 1;
    let moved = choice.offered()[last].question.id.clone();
    let at = choice.move_up(last);
    assert_eq!(at, last - 1);
    assert_eq!(choice.offered()[at].question.id, moved);
    assert_eq!(choice.move_down(at), last);
    assert_eq!(choice.move_down(last), last, "the last stays last");
    assert_eq!(choice.move_up(0), 0, "the first stays first");
}

#[test]
fn questions_share_what_the_intro_and_candidates_questions_leave() {
    let guide = Guide::builtin().unwrap();
    let budgets = Budgets::share(&guide, 60, 5).unwrap();
    assert_eq!(budgets.intro, mins(5));
    assert_eq!(budgets.candidate_questions, mins(10));
    assert_eq!(budgets.per_question, mins(9));
    assert_eq!(
        Budgets::share(&guide, 45, 4).unwrap().per_question,
        Duration::from_secs(450)
    );
    assert_eq!(
        Budgets::share(&guide, 15, 4).unwrap_err(),
        PlanError::TooShort {
            minutes: 15,
            fixed: 15
        }
    );
    assert_eq!(
        Budgets::share(&guide, 60, 0).unwrap_err(),
        PlanError::NoQuestions
    );
}

#[test]
fn phases_run_intro_questions_candidates_questions_wrap_up() {
    let t0 = Instant::now();
    let mut interview = Interview::start(pentest_plan(), t0);
    let kinds: Vec<PhaseKind> = interview.phases().iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            PhaseKind::Intro,
            PhaseKind::Question(0),
            PhaseKind::Question(1),
            PhaseKind::Question(2),
            PhaseKind::Question(3),
            PhaseKind::Question(4),
            PhaseKind::CandidateQuestions,
            PhaseKind::WrapUp,
        ]
    );
    assert!(!interview.previous(t0), "nothing before the intro");
    for expected in 1..kinds.len() {
        assert!(interview.next(t0));
        assert_eq!(interview.current_index(), expected);
    }
    assert!(!interview.next(t0), "nothing after wrap-up");
    for expected in (0..kinds.len() - 1).rev() {
        assert!(interview.previous(t0));
        assert_eq!(interview.current_index(), expected);
    }
}

#[test]
fn time_accrues_to_the_current_phase_across_visits() {
    let t0 = Instant::now();
    let mut interview = Interview::start(pentest_plan(), t0);
    interview.next(t0 + mins(4)); // intro took 4
    interview.next(t0 + mins(14)); // Q1 took 10
    interview.previous(t0 + mins(15)); // Q2 took 1, back to Q1
    assert_eq!(interview.spent(0, t0 + mins(20)), mins(4));
    assert_eq!(interview.spent(1, t0 + mins(20)), mins(15));
    assert_eq!(interview.spent(2, t0 + mins(20)), mins(1));
    assert!(interview.was_visited(2));
    assert!(!interview.was_visited(3));
}

#[test]
fn pause_stops_the_interview_clock_and_the_phase_clock() {
    let t0 = Instant::now();
    let mut interview = Interview::start(pentest_plan(), t0);
    interview.toggle_pause(t0 + mins(2));
    assert!(interview.is_paused());
    assert_eq!(interview.elapsed(t0 + mins(30)), mins(2));
    assert_eq!(interview.spent(0, t0 + mins(30)), mins(2));
    assert_eq!(interview.until_next_tick(t0 + mins(30)), None);
    interview.toggle_pause(t0 + mins(30));
    assert_eq!(interview.elapsed(t0 + mins(31)), mins(3));
    assert_eq!(interview.remaining(t0 + mins(31)), mins(57));
}

#[test]
fn budget_turns_amber_at_eighty_percent_and_red_over() {
    let t0 = Instant::now();
    let mut interview = Interview::start(pentest_plan(), t0);
    interview.next(t0); // Q1: 9 minutes
    let at = |s: u64| t0 + Duration::from_secs(s);
    assert_eq!(interview.budget_state(1, at(431)), BudgetState::Normal);
    assert_eq!(interview.budget_state(1, at(432)), BudgetState::Nearly); // 7:12 = 80 %
    assert_eq!(interview.budget_state(1, at(540)), BudgetState::Nearly);
    assert_eq!(interview.budget_state(1, at(541)), BudgetState::Over);
    let wrap_up = interview.phases().len() - 1;
    assert_eq!(
        interview.budget_state(wrap_up, at(9_999)),
        BudgetState::Normal
    );
}

#[test]
fn ahead_or_behind_compares_elapsed_time_with_the_plan() {
    let t0 = Instant::now();
    let mut interview = Interview::start(pentest_plan(), t0);
    assert_eq!(
        interview.behind_plan(t0 + mins(3)),
        0,
        "within the intro's budget"
    );
    assert_eq!(
        interview.behind_plan(t0 + mins(7)),
        120,
        "intro overran by 2"
    );
    interview.next(t0 + mins(7));
    assert_eq!(interview.behind_plan(t0 + mins(10)), 120);
    interview.next(t0 + mins(10)); // Q1 took 3 of 9
    assert_eq!(
        interview.behind_plan(t0 + mins(10)),
        -240,
        "now 4 minutes ahead"
    );
    interview.go_to(interview.phases().len() - 1, t0 + mins(10));
    assert_eq!(interview.behind_plan(t0 + mins(10)), -50 * 60);
}

#[test]
fn progress_resumes_where_it_stood_with_the_gap_in_the_current_phase() {
    let t0 = Instant::now();
    let mut interview = Interview::start(pentest_plan(), t0);
    interview.next(t0 + mins(4));
    interview.next(t0 + mins(12));
    let saved = interview.progress(t0 + mins(15));
    assert_eq!(saved.current, 2);
    assert_eq!(saved.spent.iter().sum::<Duration>(), mins(15));

    let t1 = Instant::now() + mins(100);
    let resumed = Interview::resume(pentest_plan(), &saved, Some(mins(2)), t1).unwrap();
    assert_eq!(resumed.current_index(), 2);
    assert_eq!(resumed.spent(0, t1), mins(4));
    assert_eq!(resumed.spent(1, t1), mins(8));
    assert_eq!(resumed.spent(2, t1 + mins(1)), mins(3 + 2 + 1));
    assert_eq!(resumed.elapsed(t1), mins(17));
    assert!(!resumed.is_paused());
    assert!(resumed.was_visited(2) && !resumed.was_visited(3));

    let paused = Interview::resume(pentest_plan(), &saved, None, t1).unwrap();
    assert!(paused.is_paused());
    assert_eq!(paused.elapsed(t1 + mins(30)), mins(15));
}

#[test]
fn progress_that_does_not_fit_the_plan_is_refused() {
    let t0 = Instant::now();
    let mut saved = Interview::start(pentest_plan(), t0).progress(t0);
    saved.spent.pop();
    assert!(Interview::resume(pentest_plan(), &saved, None, t0).is_err());
    let mut saved = Interview::start(pentest_plan(), t0).progress(t0);
    saved.current = 99;
    assert!(Interview::resume(pentest_plan(), &saved, None, t0).is_err());
}

#[test]
fn pauses_are_kept_in_progress_including_one_under_way() {
    let t0 = Instant::now();
    let mut interview = Interview::start(pentest_plan(), t0);
    interview.toggle_pause(t0 + mins(1));
    interview.toggle_pause(t0 + mins(3));
    interview.toggle_pause(t0 + mins(5));
    let saved = interview.progress(t0 + mins(6));
    assert_eq!(
        saved.pauses,
        [
            Pause {
                at: mins(1),
                length: mins(2)
            },
            Pause {
                at: mins(3),
                length: mins(1)
            }
        ]
    );
    assert!(saved.paused);
}

#[test]
fn the_gap_counts_within_the_planned_hour_and_not_after() {
    use std::time::SystemTime;
    let start = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    let saved = start + mins(20);
    assert_eq!(
        resume_gap(start, mins(60), saved, start + mins(25), false),
        Some(mins(5))
    );
    assert_eq!(
        resume_gap(start, mins(60), saved, start + mins(60), false),
        Some(mins(40))
    );
    assert_eq!(
        resume_gap(start, mins(60), saved, start + mins(61), false),
        None
    );
    assert_eq!(
        resume_gap(start, mins(60), saved, start + mins(25), true),
        None
    );
    assert_eq!(
        resume_gap(start, mins(60), saved, saved - mins(1), false),
        Some(Duration::ZERO),
        "a clock set back counts nothing"
    );
}

#[derive(Debug, Clone)]
enum Step {
    Wait(u64),
    Next,
    Previous,
    Pause,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0u64..900).prop_map(Step::Wait),
        Just(Step::Next),
        Just(Step::Previous),
        Just(Step::Pause),
    ]
}

proptest! {
    /// Whatever the interviewer does, every second of interview time belongs to exactly
    /// one phase, and the current phase stays in range.
    #[test]
    fn phase_times_always_add_up_to_the_interview_time(steps in prop::collection::vec(step(), 0..60)) {
        let t0 = Instant::now();
        let mut now = t0;
        let plan = pentest_plan();
        let mut interview = Interview::start(plan.clone(), t0);
        for s in steps {
            match s {
                Step::Wait(secs) => now += Duration::from_secs(secs),
                Step::Next => { interview.next(now); }
                Step::Previous => { interview.previous(now); }
                Step::Pause => interview.toggle_pause(now),
            }
            let total: Duration = (0..interview.phases().len()).map(|i| interview.spent(i, now)).sum();
            prop_assert_eq!(total, interview.elapsed(now));
            prop_assert!(interview.current_index() < interview.phases().len());
            prop_assert!(interview.elapsed(now) <= now - t0);
            let progress = interview.progress(now);
            let resumed = Interview::resume(plan.clone(), &progress, None, now).unwrap();
            prop_assert_eq!(resumed.progress(now).spent, progress.spent);
        }
    }
}

#[test]
fn finishing_stops_the_clock_and_keeps_the_time_with_its_phases() {
    let t0 = Instant::now();
    let mut interview = Interview::start(pentest_plan(), t0);
    interview.go_to(7, t0 + mins(50));
    interview.finish(t0 + mins(55));
    assert!(interview.is_finished());
    assert_eq!(interview.elapsed(t0 + mins(500)), mins(55));
    assert_eq!(interview.spent(7, t0 + mins(500)), mins(5));
    assert_eq!(interview.until_next_tick(t0 + mins(500)), None, "no ticks");
    // Notes are still taken: moving between phases adds no time to them.
    interview.go_to(1, t0 + mins(600));
    interview.rate(Some(2)).unwrap();
    assert_eq!(interview.spent(1, t0 + mins(700)), Duration::ZERO);
    let progress = interview.progress(t0 + mins(700));
    assert!(!progress.paused);
    assert!(progress.pauses.is_empty(), "the time since is no pause");
    interview.toggle_pause(t0 + mins(700));
    assert!(
        !interview.is_paused(),
        "a finished interview does not pause"
    );
}

#[test]
fn a_finished_interview_resumes_finished_and_reopens_explicitly() {
    let t0 = Instant::now();
    let mut interview = Interview::start(pentest_plan(), t0);
    interview.go_to(7, t0 + mins(50));
    interview.finish(t0 + mins(52));
    let saved = interview.progress(t0 + mins(52));

    let t1 = t0 + mins(24 * 60);
    let mut resumed = Interview::resume(pentest_plan(), &saved, None, t1).unwrap();
    resumed.finish(t1);
    assert!(resumed.is_finished());
    assert_eq!(resumed.elapsed(t1 + mins(30)), mins(52));
    assert!(resumed.progress(t1 + mins(30)).pauses.is_empty());

    resumed.reopen(t1 + mins(30));
    assert!(!resumed.is_finished());
    assert_eq!(resumed.elapsed(t1 + mins(31)), mins(53));
    assert_eq!(resumed.spent(7, t1 + mins(31)), mins(3), "wrap-up goes on");
    // Reopening what is not finished changes nothing.
    resumed.reopen(t1 + mins(40));
    assert_eq!(resumed.spent(7, t1 + mins(41)), mins(13));
}

#[test]
fn the_whole_interview_turns_amber_at_eighty_percent_and_red_past_the_plan() {
    let t0 = Instant::now();
    let interview = Interview::start(pentest_plan(), t0);
    assert_eq!(interview.time_state(t0 + mins(47)), BudgetState::Normal);
    assert_eq!(interview.time_state(t0 + mins(48)), BudgetState::Nearly);
    assert_eq!(interview.time_state(t0 + mins(60)), BudgetState::Nearly);
    assert_eq!(interview.over_by(t0 + mins(60)), None);
    assert_eq!(
        interview.time_state(t0 + mins(62) + Duration::from_secs(10)),
        BudgetState::Over
    );
    assert_eq!(
        interview.over_by(t0 + mins(62) + Duration::from_secs(10)),
        Some(Duration::from_secs(130))
    );
}
