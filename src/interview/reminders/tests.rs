//! Each kind of reminder on a fake clock: when it comes, how long it stays, how pressing it
//! is, and dismissal.

use std::time::{Duration, Instant};

use super::*;
use crate::guide::Guide;
use crate::interview::plan::find_role;
use crate::interview::{Plan, QuestionChoice};

const fn mins(m: u64) -> Duration {
    Duration::from_secs(m * 60)
}

const fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// The built-in guide's hour for a penetration tester: intro 5, five questions of 9,
/// their questions 10. Phases: intro 0, Q1…Q5 1–5, theirs 6, wrap-up 7.
fn hour(t0: Instant) -> Interview {
    let guide = Guide::builtin().unwrap();
    let role = find_role(&guide, "pentest").unwrap();
    let choice = QuestionChoice::default_for(&guide, role);
    Interview::start(
        Plan::new(&guide, role, "Sam", "Alex", 60, &choice).unwrap(),
        t0,
    )
}

fn reminder(text: &str, when: When) -> TimedReminder {
    TimedReminder {
        text: text.into(),
        when,
    }
}

fn only(when: When) -> Reminders {
    Reminders::new(vec![reminder("it", when)])
}

fn texts(reminders: &Reminders, interview: &Interview, now: Instant) -> Vec<String> {
    reminders
        .due(interview, now)
        .into_iter()
        .map(|d| d.text)
        .collect()
}

fn is_due(reminders: &Reminders, interview: &Interview, now: Instant) -> bool {
    !reminders.due(interview, now).is_empty()
}

#[test]
fn at_a_minute_for_a_minute() {
    let t0 = Instant::now();
    let interview = hour(t0);
    let at_30 = only(When::AtMinute(30));
    assert!(!is_due(&at_30, &interview, t0 + mins(30) - secs(1)));
    let due = at_30.due(&interview, t0 + mins(30));
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].priority, Priority::Normal);
    assert_eq!(due[0].since, mins(30));
    assert!(is_due(&at_30, &interview, t0 + mins(31) - secs(1)));
    assert!(
        !is_due(&at_30, &interview, t0 + mins(31)),
        "a minute later, gone"
    );
}

#[test]
fn minutes_left_while_they_are_left_and_urgent() {
    let t0 = Instant::now();
    let mut interview = hour(t0);
    interview.go_to(6, t0);
    let five_left = only(When::MinutesLeft(5));
    assert!(!is_due(&five_left, &interview, t0 + mins(55) - secs(1)));
    let due = five_left.due(&interview, t0 + mins(55));
    assert_eq!(due[0].priority, Priority::Urgent);
    assert_eq!(due[0].since, mins(55));
    assert!(is_due(&five_left, &interview, t0 + mins(60) - secs(1)));
    // At the planned end the time left is gone, and the console says so instead.
    let past = five_left.due(&interview, t0 + mins(60) + secs(1));
    assert_eq!(past.len(), 1);
    assert_eq!(past[0].id, ReminderId::PastPlannedEnd { phase: 6 });
    assert_eq!(past[0].text, "Past the planned end: time to wrap up.");
}

#[test]
fn at_a_share_of_a_phases_budget_while_in_that_phase() {
    let t0 = Instant::now();
    let mut interview = hour(t0);
    interview.next(t0); // Q1 from 0:00, 9 minutes
    let first = only(When::ShareOfPhase {
        phase: PhaseSelector::Question(1),
        percent: 80,
    });
    let at = |s: u64| t0 + secs(s);
    assert!(!is_due(&first, &interview, at(431)));
    let due = first.due(&interview, at(432)); // 7:12, 80 % of 9:00
    assert_eq!(
        due[0].id,
        ReminderId::Timed {
            index: 0,
            phase: Some(1)
        }
    );
    assert_eq!(due[0].since, secs(432));
    assert!(
        is_due(&first, &interview, at(2_000)),
        "stays while in the phase"
    );
    interview.next(at(600));
    assert!(!is_due(&first, &interview, at(600)), "gone on leaving it");
    assert!(
        !is_due(&first, &interview, at(2_000)),
        "not in the second question"
    );
    interview.previous(at(700));
    let back = first.due(&interview, at(700));
    assert_eq!(back[0].since, secs(700), "due again since coming back");
}

#[test]
fn a_share_of_every_question_comes_in_each_and_is_dismissed_in_each_alone() {
    let t0 = Instant::now();
    let mut interview = hour(t0);
    let mut half = only(When::ShareOfPhase {
        phase: PhaseSelector::EveryQuestion,
        percent: 50,
    });
    assert!(
        !is_due(&half, &interview, t0 + mins(10)),
        "not on the intro"
    );
    interview.next(t0);
    let now = t0 + secs(270);
    let due = half.first_due(&interview, now).unwrap();
    half.dismiss(due.id);
    assert!(!is_due(&half, &interview, now), "dismissed");
    interview.next(now);
    assert!(!is_due(&half, &interview, now));
    let next = half.first_due(&interview, now + secs(270)).unwrap();
    assert_eq!(
        next.id,
        ReminderId::Timed {
            index: 0,
            phase: Some(2)
        }
    );
}

#[test]
fn on_entering_a_phase_for_its_first_minute() {
    let t0 = Instant::now();
    let mut interview = hour(t0);
    let theirs = only(When::EnteringPhase(PhaseSelector::CandidateQuestions));
    assert!(!is_due(&theirs, &interview, t0));
    interview.go_to(6, t0 + mins(40));
    let due = theirs.due(&interview, t0 + mins(40));
    assert_eq!(due[0].since, mins(40));
    assert!(is_due(&theirs, &interview, t0 + mins(41) - secs(1)));
    assert!(!is_due(&theirs, &interview, t0 + mins(41)));
    // Back in it later, with its first minute long spent: nothing new to say.
    interview.previous(t0 + mins(42));
    interview.next(t0 + mins(43));
    assert!(!is_due(&theirs, &interview, t0 + mins(43)));

    let wrap_up = only(When::EnteringPhase(PhaseSelector::WrapUp));
    interview.go_to(7, t0 + mins(50));
    assert!(
        is_due(&wrap_up, &interview, t0 + mins(50)),
        "the wrap-up when named"
    );
}

#[test]
fn when_the_rest_no_longer_fits_while_asking_and_gone_on_moving_on() {
    let t0 = Instant::now();
    let mut interview = hour(t0);
    let rest = only(When::RestDoesNotFit);
    // The intro may take its 5 minutes: 55 left is what the rest needs, and fits.
    assert!(!is_due(&rest, &interview, t0 + mins(5)));
    let due = rest.due(&interview, t0 + mins(5) + secs(1));
    assert_eq!(due[0].priority, Priority::Urgent);
    assert_eq!(due[0].since, mins(5));
    interview.next(t0 + mins(5) + secs(30)); // Q1, 30 s behind
    assert!(
        !is_due(&rest, &interview, t0 + mins(6)),
        "moving on makes room: the rest after Q1 needs 46 of 54 left"
    );
    // Q1 overruns: from 14:00 the four questions and their 10 minutes no longer fit.
    assert!(!is_due(&rest, &interview, t0 + mins(14)));
    assert!(is_due(&rest, &interview, t0 + mins(14) + secs(1)));
    // Their questions: nothing after them needs time.
    interview.go_to(6, t0 + mins(56));
    assert!(!is_due(&rest, &interview, t0 + mins(56)));
}

#[test]
fn past_the_planned_end_the_console_says_so_until_the_wrap_up() {
    let t0 = Instant::now();
    let mut interview = hour(t0);
    let none = Reminders::default();
    interview.next(t0);
    assert!(!is_due(&none, &interview, t0 + mins(60)));
    let due = none.due(&interview, t0 + mins(60) + secs(1));
    assert_eq!(
        due[0].text,
        "Past the planned end: time for their questions."
    );
    assert_eq!(due[0].priority, Priority::Urgent);
    interview.go_to(7, t0 + mins(62));
    assert!(
        !is_due(&none, &interview, t0 + mins(70)),
        "the wrap-up is after the hour"
    );
}

#[test]
fn the_most_pressing_comes_first_then_the_newest() {
    let t0 = Instant::now();
    let mut interview = hour(t0);
    let reminders = Reminders::new(vec![
        reminder(
            "check",
            When::ShareOfPhase {
                phase: PhaseSelector::EveryQuestion,
                percent: 10,
            },
        ),
        reminder("twelve left", When::MinutesLeft(12)),
        reminder("at 49", When::AtMinute(49)),
        reminder("rest", When::RestDoesNotFit),
    ]);
    interview.go_to(5, t0 + mins(45)); // Q5 from 45:00
    // Urgent: twelve left (since 48:00). Normal: at 49 (since 49:00), then the check
    // (since 45:54, a tenth of Q5's nine minutes). The rest still fits: 10:30 left.
    let now = t0 + mins(49) + secs(30);
    assert_eq!(
        texts(&reminders, &interview, now),
        ["twelve left", "at 49", "check"]
    );
    // Less than their ten minutes left: the rest is urgent too, and newer.
    let now = t0 + mins(50) + secs(30);
    assert_eq!(
        texts(&reminders, &interview, now),
        ["rest", "twelve left", "check"]
    );
}

#[test]
fn a_dismissed_reminder_goes_and_the_next_shows() {
    let t0 = Instant::now();
    let mut interview = hour(t0);
    let mut reminders = Reminders::new(vec![
        reminder("five left", When::MinutesLeft(5)),
        reminder(
            "entering",
            When::EnteringPhase(PhaseSelector::CandidateQuestions),
        ),
    ]);
    interview.go_to(6, t0 + mins(55));
    let now = t0 + mins(55) + secs(10);
    let first = reminders.first_due(&interview, now).unwrap();
    assert_eq!(first.text, "five left");
    reminders.dismiss(first.id);
    assert_eq!(texts(&reminders, &interview, now), ["entering"]);
    assert_eq!(
        texts(&reminders, &interview, now + mins(3)),
        Vec::<String>::new()
    );
}

#[test]
fn a_paused_clock_holds_reminders_still_and_a_finished_interview_has_none() {
    let t0 = Instant::now();
    let mut interview = hour(t0);
    let at_2 = only(When::AtMinute(2));
    interview.toggle_pause(t0 + mins(2) + secs(30));
    assert!(
        is_due(&at_2, &interview, t0 + mins(30)),
        "paused at 2:30, still due"
    );
    interview.toggle_pause(t0 + mins(30));
    interview.finish(t0 + mins(30));
    assert!(!is_due(&at_2, &interview, t0 + mins(30)));
    assert!(!is_due(&Reminders::default(), &interview, t0 + mins(200)));
}

#[test]
fn the_built_in_guide_reminds_of_their_questions_the_first_answer_and_the_last_minutes() {
    let guide = Guide::builtin().unwrap();
    let reminders = Reminders::new(guide.timed_reminders.clone());
    let t0 = Instant::now();
    let mut interview = hour(t0);
    interview.next(t0 + mins(5)); // Q1 on time
    let now = t0 + mins(5) + secs(432); // 80 % of Q1's nine minutes
    assert_eq!(
        texts(&reminders, &interview, now),
        ["End of the first answer: note what they said, not your impression."]
    );
    // Q1 runs past its budget: the rest no longer fits, which is more pressing.
    let late = t0 + mins(15);
    assert_eq!(
        texts(&reminders, &interview, late)[0],
        "Leave time for their questions: the questions left no longer fit."
    );
    interview.go_to(6, t0 + mins(50));
    assert_eq!(
        texts(&reminders, &interview, t0 + mins(56)),
        ["5 minutes left: bring it to a close."]
    );
}

/// The issue's own run: 16 minutes, one question; Ctrl+N at 00:32, rated, then nothing is
/// pressed. The reminder comes by itself once only their ten minutes are left.
#[test]
fn a_sixteen_minute_interview_is_told_of_their_questions_at_six_minutes() {
    let guide = Guide::builtin().unwrap();
    let role = find_role(&guide, "pentest").unwrap();
    let choice = QuestionChoice::from_ids(&guide, role, &["improve-practice".into()]).unwrap();
    let plan = Plan::new(&guide, role, "Sam", "Alex", 16, &choice).unwrap();
    let t0 = Instant::now();
    let mut interview = Interview::start(plan, t0);
    let reminders = Reminders::new(guide.timed_reminders.clone());
    interview.next(t0 + secs(32));
    interview.rate(Some(1)).unwrap();
    assert!(
        !texts(&reminders, &interview, t0 + mins(6) - secs(1))
            .iter()
            .any(|t| t.starts_with("Leave time"))
    );
    assert_eq!(
        texts(&reminders, &interview, t0 + mins(9) + secs(29))[0],
        "Leave time for their questions: the questions left no longer fit."
    );
    assert_eq!(
        texts(&reminders, &interview, t0 + mins(16) + secs(1))[0],
        "Past the planned end: time for their questions."
    );
}
