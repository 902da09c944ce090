//! The check before an interview is finished: what the guide asks for that is not there yet.

use super::evidence::{ImpressionMatcher, Mark};
use super::{Interview, PhaseKind};

/// Something the guide asks for that a finished interview should have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// Planned questions without a rating, by their index in the plan.
    Unrated(Vec<usize>),
    /// No overall recommendation.
    NoRecommendation,
    /// The wrap-up's notes, the summary of the behavior behind the recommendation, are
    /// empty.
    EmptySummary,
    /// Impression words still in the notes, to rewrite as what the candidate said or did.
    Impressions(Vec<Mark>),
}

/// What is missing before `interview` can be called finished, in the order the wrap-up
/// shows it; nothing when all is there. `notes` holds each phase's lines, in the order of
/// the phases.
pub fn finish_check(
    interview: &Interview,
    notes: &[Vec<String>],
    impressions: &ImpressionMatcher,
) -> Vec<Missing> {
    let mut missing = Vec::new();
    let unrated: Vec<usize> = (0..interview.plan().questions.len())
        .filter(|&q| interview.rating(q).is_none())
        .collect();
    if !unrated.is_empty() {
        missing.push(Missing::Unrated(unrated));
    }
    if interview.recommendation().is_none() {
        missing.push(Missing::NoRecommendation);
    }
    let summary = interview
        .phases()
        .iter()
        .position(|p| p.kind == PhaseKind::WrapUp)
        .and_then(|at| notes.get(at));
    if summary.is_none_or(|lines| lines.iter().all(|l| l.trim().is_empty())) {
        missing.push(Missing::EmptySummary);
    }
    let marks: Vec<Mark> = notes
        .iter()
        .enumerate()
        .flat_map(|(phase, lines)| impressions.find_in(phase, lines))
        .collect();
    if !marks.is_empty() {
        missing.push(Missing::Impressions(marks));
    }
    missing
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::guide::Guide;
    use crate::interview::plan::find_role;
    use crate::interview::{Plan, QuestionChoice};

    fn interview() -> Interview {
        let guide = Guide::builtin().unwrap();
        let role = find_role(&guide, "pentest").unwrap();
        let choice = QuestionChoice::from_ids(
            &guide,
            role,
            &["improve-practice".into(), "team-remediation".into()],
        )
        .unwrap();
        let plan = Plan::new(&guide, role, "Sam", "Alex", 60, &choice).unwrap();
        Interview::start(plan, Instant::now())
    }

    fn matcher() -> ImpressionMatcher {
        ImpressionMatcher::new(&Guide::builtin().unwrap().impression_words)
    }

    /// Intro, Q1, Q2, their questions, wrap-up.
    fn notes(summary: &str) -> Vec<Vec<String>> {
        let mut notes = vec![vec![String::new()]; 5];
        notes[4] = vec![summary.to_string()];
        notes
    }

    /// Rates both questions and recommends.
    fn complete(interview: &mut Interview) {
        let t0 = Instant::now();
        for _ in 0..2 {
            interview.next(t0);
            interview.rate(Some(2)).unwrap();
        }
        interview.go_to(4, t0);
        interview.rate(Some(2)).unwrap();
    }

    #[test]
    fn a_complete_interview_misses_nothing() {
        let mut interview = interview();
        complete(&mut interview);
        let check = finish_check(&interview, &notes("Led the rollout of SAST"), &matcher());
        assert_eq!(check, []);
    }

    #[test]
    fn a_bare_interview_misses_every_rating_the_recommendation_and_the_summary() {
        let interview = interview();
        assert_eq!(
            finish_check(&interview, &notes("  "), &matcher()),
            [
                Missing::Unrated(vec![0, 1]),
                Missing::NoRecommendation,
                Missing::EmptySummary
            ]
        );
    }

    #[test]
    fn each_missing_item_is_found_on_its_own() {
        let t0 = Instant::now();
        let mut one_unrated = interview();
        complete(&mut one_unrated);
        one_unrated.go_to(2, t0);
        one_unrated.rate(None).unwrap();
        assert_eq!(
            finish_check(&one_unrated, &notes("done"), &matcher()),
            [Missing::Unrated(vec![1])]
        );

        let mut no_recommendation = interview();
        complete(&mut no_recommendation);
        no_recommendation.rate(None).unwrap();
        assert_eq!(
            finish_check(&no_recommendation, &notes("done"), &matcher()),
            [Missing::NoRecommendation]
        );

        let mut complete_but_summary = interview();
        complete(&mut complete_but_summary);
        let mut empty = notes("");
        empty[4] = vec![String::new(), "   ".into()];
        assert_eq!(
            finish_check(&complete_but_summary, &empty, &matcher()),
            [Missing::EmptySummary]
        );

        let mut impressions = notes("a good fit");
        impressions[1] = vec!["rolled out SAST".into(), "seems smart".into()];
        let found = finish_check(&complete_but_summary, &impressions, &matcher());
        let [Missing::Impressions(marks)] = found.as_slice() else {
            panic!("{found:?}");
        };
        let places: Vec<(usize, usize, &str)> = marks
            .iter()
            .map(|m| (m.phase, m.line, m.text.as_str()))
            .collect();
        assert_eq!(
            places,
            [(1, 2, "seems"), (1, 2, "smart"), (4, 1, "good fit")]
        );
    }
}
