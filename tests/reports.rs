//! Debrief and consistency reports over several sessions, ratings in the exports, and
//! Markdown that text from outside cannot reshape.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Utc};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag};

use interview_console::guide::{Guide, Role};
use interview_console::interview::evidence::ImpressionMatcher;
use interview_console::interview::plan::find_role;
use interview_console::interview::session::{SessionHeader, SessionSnapshot};
use interview_console::interview::{Interview, Plan, QuestionChoice};
use interview_console::markdown::{DebriefError, consistency, debrief, handoff, scorecard};
use interview_console::safe_text;
use interview_console::store::record::Rating;
use interview_console::store::sessions::record_json;
use interview_console::store::{SessionId, SessionRecord};

const fn mins(m: u64) -> Duration {
    Duration::from_secs(m * 60)
}

fn guide() -> Guide {
    Guide::builtin().unwrap()
}

fn pentest_role() -> Role {
    find_role(&guide(), "pentest").unwrap().clone()
}

/// A debrief that marks no impression words.
fn no_words() -> ImpressionMatcher {
    ImpressionMatcher::new(&[])
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
    let mut notes = vec![vec![String::new()]; run.phases().len()];
    notes[1] = vec![format!("{interviewer}: rolled out SAST to 12 teams")];
    notes[last] = vec![format!("{interviewer}'s summary")];
    let started: DateTime<Utc> = "2026-11-27T14:00:00Z".parse().unwrap();
    let id = SessionId::base(
        &format!("{candidate} {interviewer}"),
        started.with_timezone(&chrono::Local),
    );
    let snapshot = SessionSnapshot {
        header: SessionHeader::new(id.to_string(), &guide, started),
        plan: run.plan().clone(),
        progress: run.progress(t0 + mins(55)),
        notes,
        handoff: Vec::new(),
        finished: true,
    };
    SessionRecord::from_snapshot(&snapshot, id, started)
}

#[test]
fn exports_carry_ratings_and_the_recommendation() {
    let record = interview("Sam", "Alex", "pentest", [Some(3), None], Some(4));
    let md = scorecard(&record, FixedOffset::east_opt(0).unwrap());
    assert!(
        md.contains("| Recommendation | Strong yes (4 of 4) |"),
        "{md}"
    );
    assert!(
        md.contains("Rating: Yes (3 of 4) · Time: 9 min of 9 min"),
        "{md}"
    );
    assert!(md.contains("Rating: unrated · Time:"), "{md}");
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
    let report = debrief(&[alex, kim], &no_words()).unwrap();
    assert!(report.starts_with("# Debrief: Sam\n"), "{report}");
    assert!(report.contains("- Interviews: Alex (2026-11-27), Kim (2026-11-27)"));
    assert!(report.contains(
        "## For discussion\n\n- ⚑ 1. Tell me about an existing security practice or process that you helped improve.\n\n"
    ), "{report}");
    assert!(
        report.contains("| Alex | Strong yes (4 of 4) | 9 min |\n| Kim | No (2 of 4) | 9 min |"),
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
    let report = debrief(&[a, b, c], &no_words()).unwrap();
    assert!(report.contains("- ⚑ The recommendations"), "{report}");
    assert!(report.contains(
        "**⚑ Recommendations on both sides of the scale's middle (Strong no against Strong yes): discuss.**"
    ), "{report}");
    assert!(
        !report.contains("- ⚑ 1."),
        "1 and 2 are one step apart: {report}"
    );
    assert!(report.contains("| Lee | unrated |"), "{report}");
}

#[test]
fn a_debrief_refuses_different_candidates_guides_or_a_single_interview() {
    let sam = interview("Sam", "Alex", "pentest", [Some(3), None], None);
    let jo = interview("Jo", "Kim", "pentest", [Some(3), None], None);
    match debrief(&[sam.clone(), jo], &no_words()) {
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
        debrief(&[sam.clone(), other_guide], &no_words()),
        Err(DebriefError::DifferentGuides(_))
    ));
    assert_eq!(debrief(&[sam], &no_words()), Err(DebriefError::TooFew(1)));
}

#[test]
fn the_consistency_report_sets_candidates_against_questions() {
    let sam = interview("Sam", "Alex", "pentest", [Some(3), None], Some(3));
    let jo = interview("Jo", "Kim", "pentest", [Some(2), Some(4)], Some(2));
    let ana = interview("Ana", "Lee", "appsec", [Some(4), Some(4)], Some(4));
    let all = consistency(&[sam.clone(), jo.clone(), ana.clone()], &guide(), None);
    assert!(all.contains("| Candidate | Role | Interviewer | Date | improve-practice | team-remediation | innovative-idea | interesting-vulnerability | report-to-developers | secure-development | teach-non-security | Recommendation |"), "{all}");
    assert!(all.contains("| Sam | Penetration Tester | Alex | 2026-11-27 | Yes, 9 min | unrated, 36 min | unrated, 0 s |"), "{all}");
    assert!(
        all.contains("| Ana | Application Security Engineer | Lee |"),
        "{all}"
    );
    assert!(all.contains(
        "- improve-practice: Tell me about an existing security practice or process that you helped improve."
    ));
    assert!(!all.contains("Left out"), "{all}");

    let pentest = consistency(&[sam, jo, ana], &guide(), Some(&pentest_role()));
    assert!(!pentest.contains("| Ana |"), "{pentest}");
    assert!(
        pentest.contains(
            "| Jo | Penetration Tester | Kim | 2026-11-27 | No, 9 min | Strong yes, 36 min |"
        ),
        "{pentest}"
    );
    assert!(
        pentest.contains("| report-to-developers | Recommendation |"),
        "five questions for one role: {pentest}"
    );
    assert!(
        pentest.contains("\nLeft out: 1 session for another role.\n"),
        "{pentest}"
    );
    assert_eq!(
        consistency(&[], &guide(), None),
        "No interviews to report on Infosec Interview Guide.\n"
    );
}

/// What a Markdown document is made of, as a renderer sees it.
#[derive(Debug, Default)]
struct Parsed {
    headings: Vec<String>,
    /// Every table row, header rows included, as the text of its cells.
    rows: Vec<Vec<String>>,
    /// Every list item's text.
    items: Vec<String>,
    /// Every link's target.
    links: Vec<String>,
    /// Blocks no builder writes, and raw HTML: a sign that outside text made them.
    strays: Vec<String>,
}

fn parse(markdown: &str) -> Parsed {
    enum Open {
        Heading,
        Cell,
        Item,
        Other,
    }
    let mut parsed = Parsed::default();
    let mut open: Vec<Open> = Vec::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(tag) => open.push(match tag {
                Tag::Heading { .. } => {
                    parsed.headings.push(String::new());
                    Open::Heading
                }
                Tag::TableHead | Tag::TableRow => {
                    parsed.rows.push(Vec::new());
                    Open::Other
                }
                Tag::TableCell => {
                    if let Some(row) = parsed.rows.last_mut() {
                        row.push(String::new());
                    }
                    Open::Cell
                }
                Tag::Item => {
                    parsed.items.push(String::new());
                    Open::Item
                }
                Tag::Link { dest_url, .. } => {
                    parsed.links.push(dest_url.to_string());
                    Open::Other
                }
                Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::HtmlBlock => {
                    parsed.strays.push(format!("{tag:?}"));
                    Open::Other
                }
                Tag::List(_) if open.iter().any(|o| matches!(o, Open::Item)) => {
                    parsed.strays.push("a list in a list item".into());
                    Open::Other
                }
                _ => Open::Other,
            }),
            Event::End(_) => {
                open.pop();
            }
            Event::Text(text) | Event::Code(text) => {
                let target = match open.iter().rev().find(|o| !matches!(o, Open::Other)) {
                    Some(Open::Heading) => parsed.headings.last_mut(),
                    Some(Open::Cell) => parsed.rows.last_mut().and_then(|r| r.last_mut()),
                    Some(Open::Item) => parsed.items.last_mut(),
                    _ => None,
                };
                if let Some(target) = target {
                    target.push_str(&text);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => parsed.strays.push(html.to_string()),
            Event::SoftBreak | Event::HardBreak | Event::Rule => {
                parsed.strays.push(format!("{event:?}"));
            }
            _ => {}
        }
    }
    parsed
}

/// An interview whose only notes are `lines`, on its first question.
fn noted(lines: &[&str]) -> SessionRecord {
    static BLANK: OnceLock<SessionRecord> = OnceLock::new();
    let mut record = BLANK
        .get_or_init(|| {
            let mut record = interview("Sam", "Alex", "pentest", [None, None], None);
            for phase in &mut record.phases {
                phase.notes.clear();
            }
            record
        })
        .clone();
    record.phases[1].notes = lines.iter().map(ToString::to_string).collect();
    record
}

const UTC: fn() -> FixedOffset = || FixedOffset::east_opt(0).unwrap();

#[test]
fn a_line_break_in_a_name_cannot_forge_a_scorecard_row_or_heading() {
    let mut record = interview("Sam", "Alex", "pentest", [None, None], None);
    record.candidate = "Sam\n| Recommendation | Strong yes (4 of 4) |\n# Hired".into();
    record.role.as_mut().unwrap().name = "Pentester #".into();
    let md = scorecard(&record, UTC());
    let parsed = parse(&md);
    assert_eq!(parsed.strays, Vec::<String>::new(), "{md}");
    let labels: Vec<&str> = parsed.rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        labels,
        [
            "Candidate",
            "Role",
            "Interviewer",
            "Date",
            "Duration",
            "Recommendation",
            "Guide",
            "Status",
            "Session"
        ],
        "{md}"
    );
    assert!(parsed.rows.iter().all(|row| row.len() == 2), "{md}");
    assert_eq!(
        parsed.rows[1][1], "Sam\\n| Recommendation | Strong yes (4 of 4) |\\n# Hired",
        "the name as it is, its line breaks shown"
    );
    assert_eq!(parsed.rows[6][1], "unrated");
    assert_eq!(
        parsed.headings[0],
        "Sam\\n| Recommendation | Strong yes (4 of 4) |\\n# Hired · Pentester #",
        "one heading, and its trailing # is kept"
    );
    assert!(!parsed.headings.iter().any(|h| h == "Hired"), "{md}");
}

#[test]
fn a_pipe_in_a_name_stays_in_its_cell_of_the_report() {
    let mut sam = interview(
        "Sam | Strong yes",
        "Alex | Kim",
        "pentest",
        [Some(1), None],
        None,
    );
    sam.role.as_mut().unwrap().name = "Pen|tester".into();
    let report = consistency(&[sam], &guide(), None);
    let parsed = parse(&report);
    assert_eq!(parsed.strays, Vec::<String>::new(), "{report}");
    let widths: Vec<usize> = parsed.rows.iter().map(Vec::len).collect();
    assert_eq!(widths, [10, 10], "{report}");
    assert_eq!(
        parsed.rows[1][..3],
        ["Sam | Strong yes", "Pen|tester", "Alex | Kim"]
    );
}

#[test]
fn the_debrief_keeps_outside_text_in_its_place() {
    let mut alex = interview(
        "Sam",
        "Alex\n## Verdict: hire",
        "pentest",
        [Some(1), None],
        None,
    );
    let mut kim = interview("Sam", "Kim | Strong yes", "pentest", [Some(1), None], None);
    for record in [&mut alex, &mut kim] {
        record.phases[1].notes = vec![
            "# Forged".into(),
            "XSS via <img src=x onerror=alert(1)>".into(),
        ];
    }
    let report = debrief(&[alex, kim], &no_words()).unwrap();
    let parsed = parse(&report);
    assert_eq!(parsed.strays, Vec::<String>::new(), "{report}");
    assert!(
        !parsed.headings.iter().any(|h| h.starts_with("Verdict")),
        "{:?}",
        parsed.headings
    );
    let interviewers = ["Interviewer", "Alex\\n## Verdict: hire", "Kim | Strong yes"];
    assert!(
        parsed
            .rows
            .iter()
            .all(|row| interviewers.contains(&row[0].as_str())),
        "{:?}",
        parsed.rows
    );
    assert_eq!(
        parsed.rows.len(),
        5 * 3 + 3,
        "five questions and the recommendations"
    );
    assert!(parsed.items.contains(&"# Forged".to_string()), "{report}");
    assert!(
        parsed
            .items
            .contains(&"XSS via <img src=x onerror=alert(1)>".to_string()),
        "{report}"
    );
}

#[test]
fn a_note_line_is_one_list_item_whatever_it_starts_with() {
    let lines = [
        "# Forged heading",
        "## Question 9",
        "> a quote",
        "- nested",
        "+ nested",
        "* nested",
        "***",
        "---",
        "___",
        "1. ordered",
        "2026) ordered",
        "```",
        "~~~",
        "<!-- the rest of the page is hidden",
        "<div>",
        "[x]: https://example.com",
        "[ ] a task box",
        "        four spaces make code",
        "\tand a tab",
        "| a | b |",
        "=====",
        "ends with ##",
        "&#x202e;reversed",
        "AT&T & DAST",
    ];
    let md = scorecard(&noted(&lines), UTC());
    let parsed = parse(&md);
    assert_eq!(parsed.strays, Vec::<String>::new(), "{md}");
    let expected: Vec<String> = lines.iter().map(|l| l.trim_start().to_string()).collect();
    assert_eq!(parsed.items, expected, "{md}");
    assert!(
        !parsed
            .headings
            .iter()
            .any(|h| h.contains("Forged") || h == "Question 9"),
        "{md}"
    );
}

#[test]
fn the_verbatim_question_reads_the_same_in_the_scorecard() {
    let record = noted(&[]);
    let md = scorecard(&record, UTC());
    for question in &record.questions {
        assert!(md.contains(&format!("**{}**", question.text)), "{md}");
    }
}

#[test]
fn the_scorecard_links_only_a_checked_link_and_all_of_it() {
    let mut record = noted(&[]);
    record.questions[0].guidelines_url = Some("https://example.com/wiki/Q_(one)".into());
    record.questions[1].guidelines_url = Some("https://example.com/a)b".into());
    record.questions[2].guidelines_url = Some("javascript:alert(1)".into());
    let parsed = parse(&scorecard(&record, UTC()));
    assert_eq!(
        parsed.links[..2],
        [
            "https://example.com/wiki/Q_(one)",
            "https://example.com/a)b"
        ]
    );
    assert!(!parsed.links.iter().any(|l| l.starts_with("javascript")));
}

#[test]
fn inline_markdown_typed_in_a_note_is_kept() {
    let md = scorecard(
        &noted(&["`<script>` in *the* [search](https://example.com) box"]),
        UTC(),
    );
    assert!(
        md.contains("- `<script>` in *the* [search](https://example.com) box\n"),
        "{md}"
    );
}

/// Note lines made of what Markdown reacts to, and controls.
fn hostile_line() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "#", "##", ">", "-", "+", "*", "=", "_", "`", "```", "~~~", "<", "<!--", "&", "&#35;",
            "[", "]", "(", ")", "|", "1.", "12)", " ", "    ", "\t", "\n", "\r", "\\", "!",
            "\x1b[2J", "\u{9b}", "\u{202e}",
        ])
        .prop_map(str::to_string),
        "[a-z0-9]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 1..10)
        .prop_map(|p| p.concat())
        .prop_filter("a line with text", |l| !l.trim().is_empty())
}

/// `text` as the Markdown shows it when rendered: leading and trailing blanks left out,
/// controls shown visibly. (A note line's own trailing blanks go before it is written.)
fn shown(text: &str) -> String {
    let mut shown = String::new();
    for c in text.trim_start_matches([' ', '\t']).chars() {
        if c != '\t' && safe_text::is_unsafe(c) {
            safe_text::push_visible(&mut shown, c);
        } else {
            shown.push(c);
        }
    }
    shown.trim_end().to_string()
}

/// Characters whose meaning in Markdown is inline formatting, kept as typed.
fn formats_inline(c: char) -> bool {
    matches!(c, '*' | '_' | '`' | '[' | ']' | '\\' | '!' | '<' | '&')
}

proptest! {
    #[test]
    fn any_note_line_is_one_list_item_of_text(line in hostile_line()) {
        let md = scorecard(&noted(&[&line]), UTC());
        let parsed = parse(&md);
        prop_assert_eq!(parsed.items.len(), 1, "{}", md);
        prop_assert!(parsed.strays.is_empty(), "{:?} in {}", parsed.strays, md);
        prop_assert!(!md.chars().any(|c| c != '\n' && c != '\t' && safe_text::is_unsafe(c)));
        if !line.chars().any(formats_inline) {
            prop_assert_eq!(parsed.items[0].as_str(), shown(line.trim_end()), "{}", md);
        }
    }

    #[test]
    fn any_name_is_one_cell_of_the_report(name in hostile_line()) {
        let mut record = noted(&[]);
        record.candidate = name.clone();
        let report = consistency(&[record], &guide(), None);
        let parsed = parse(&report);
        prop_assert!(parsed.strays.is_empty(), "{:?} in {}", parsed.strays, report);
        prop_assert_eq!(parsed.rows.len(), 2, "{}", report);
        prop_assert!(parsed.rows.iter().all(|row| row.len() == 10), "{:?}", parsed.rows);
        if !name.chars().any(formats_inline) {
            let expected = shown(&name);
            prop_assert_eq!(parsed.rows[1][0].trim(), expected.trim(), "{}", report);
        }
    }
}

#[test]
fn the_handoff_names_the_questions_asked_and_the_note_and_holds_no_verdict() {
    let mut record = interview("Sam", "Alex", "pentest", [Some(3), Some(1)], Some(4));
    record.handoff = vec![
        "Probe the cloud migration story: who decided, who did the work".into(),
        String::new(),
        "Ask about on-call".into(),
    ];
    let md = handoff(&record);
    assert!(
        md.starts_with("# Hand-off: Sam · Penetration Tester\n"),
        "{md}"
    );
    let parsed = parse(&md);
    assert_eq!(
        parsed.items,
        [
            "Tell me about an existing security practice or process that you helped improve. (improve-practice)",
            "Tell me about how you have worked with a team to remediate a security issue. (team-remediation)",
            "Probe the cloud migration story: who decided, who did the work",
            "Ask about on-call",
        ],
        "{md}"
    );
    // No word of the scale, whole or in any case: no rating, no recommendation.
    let scale = ImpressionMatcher::new(&record.scale());
    let lines: Vec<String> = md.lines().map(ToString::to_string).collect();
    assert_eq!(scale.find_in(0, &lines), [], "{md}");
    // No note, no summary, and nobody's name but the candidate's.
    for absent in ["rolled out SAST", "summary", "Alex"] {
        assert!(!md.contains(absent), "{absent} in {md}");
    }
}

#[test]
fn the_handoff_leaves_out_questions_only_passed_through() {
    let mut record = interview("Sam", "Alex", "pentest", [None, None], None);
    // Q1: nine minutes; Q2: passed through in ten seconds, nothing noted or rated.
    record.phases[1].notes.clear();
    record.phases[2].spent_ms = 10_000;
    let md = handoff(&record);
    assert!(md.contains("(improve-practice)"), "{md}");
    assert!(!md.contains("(team-remediation)"), "{md}");
    assert!(md.contains("_Nothing handed off._"), "{md}");
    record.phases[2].notes = vec!["asked, cut short".into()];
    assert!(handoff(&record).contains("(team-remediation)"));
    let fresh = interview("Sam", "Alex", "pentest", [None, None], None);
    let mut untouched = fresh.clone();
    for phase in &mut untouched.phases {
        phase.visited = false;
    }
    assert!(handoff(&untouched).contains("_Nothing asked yet._"));
}

#[test]
fn a_debrief_flags_yes_against_no_on_the_recommendation_and_a_question() {
    let alex = interview("Sam", "Alex", "pentest", [Some(3), Some(4)], Some(3));
    let kim = interview("Sam", "Kim", "pentest", [Some(2), Some(3)], Some(2));
    let report = debrief(&[alex, kim], &no_words()).unwrap();
    assert!(
        report.contains(
            "**⚑ Recommendations on both sides of the scale's middle (No against Yes): discuss.**"
        ),
        "{report}"
    );
    assert!(report.contains("- ⚑ The recommendations"), "{report}");
    assert!(
        report.contains("- ⚑ 1. Tell me about an existing"),
        "{report}"
    );
    assert!(
        report.contains(
            "**⚑ Ratings on both sides of the scale's middle (No against Yes): discuss.**"
        ),
        "{report}"
    );
    // Q2: Strong yes and Yes, one step on one side: not flagged.
    assert!(!report.contains("- ⚑ 2."), "{report}");
}

#[test]
fn on_an_odd_scale_the_middle_is_on_neither_side() {
    let five = ["Strong no", "No", "Unsure", "Yes", "Strong yes"].map(String::from);
    let rated = |interviewer: &str, position: usize| {
        let mut record = interview("Sam", interviewer, "pentest", [None, None], None);
        record.rating_scale = five.to_vec();
        record.recommendation = Some(Rating {
            position,
            label: five[position - 1].clone(),
        });
        record
    };
    let flagged = |a: usize, b: usize| {
        debrief(&[rated("Alex", a), rated("Kim", b)], &no_words())
            .unwrap()
            .contains("- ⚑ The recommendations")
    };
    assert!(!flagged(3, 4), "Unsure against Yes");
    assert!(!flagged(2, 3), "No against Unsure");
    assert!(flagged(2, 4), "No against Yes");
    assert!(flagged(3, 5), "two steps apart on one side");
    assert!(!flagged(4, 5));
}

#[test]
fn a_debrief_marks_impression_words_in_the_merged_notes() {
    let mut alex = interview("Sam", "Alex", "pentest", [Some(3), None], Some(3));
    alex.phases[1].notes = vec![
        "rolled out SAST to 12 teams".into(),
        "She seems smart, a good fit".into(),
    ];
    let kim = interview("Sam", "Kim", "pentest", [Some(3), None], Some(3));
    let words = ImpressionMatcher::new(&guide().impression_words);
    let report = debrief(&[alex, kim], &words).unwrap();
    assert!(
        report.contains("- She seems smart, a good fit · _impression: seems, smart, good fit_\n"),
        "{report}"
    );
    assert!(
        report.contains("- rolled out SAST to 12 teams\n"),
        "{report}"
    );
    assert!(
        report.contains("One note line holds impression words, marked _impression:_ below"),
        "{report}"
    );
    let parsed = parse(&report);
    assert_eq!(parsed.strays, Vec::<String>::new(), "{report}");
}

#[test]
fn the_report_names_questions_by_id_whatever_their_place_in_each_interview() {
    let sam = interview("Sam", "Alex", "pentest", [Some(3), Some(1)], None);
    // Jo was asked the same two questions the other way round.
    let mut jo = interview("Jo", "Kim", "pentest", [Some(4), Some(2)], None);
    jo.phases.swap(1, 2);
    let report = consistency(&[sam, jo], &guide(), None);
    let parsed = parse(&report);
    assert_eq!(
        parsed.rows[0][4..6],
        ["improve-practice", "team-remediation"],
        "{report}"
    );
    // Jo's answer to improve-practice, asked second (Strong yes in nine minutes), sits in
    // the improve-practice column; by position it would be team-remediation's No.
    assert_eq!(parsed.rows[2][0], "Jo");
    assert_eq!(
        parsed.rows[2][4..6],
        ["Strong yes, 9 min", "No, 36 min"],
        "{report}"
    );
}

#[test]
fn the_report_says_how_many_sessions_it_left_out_and_why() {
    let ours = interview("Sam", "Alex", "pentest", [Some(3), None], None);
    let mut edited = interview("Jo", "Kim", "pentest", [Some(3), None], None);
    edited.guide.sha256 = "0".repeat(64);
    let mut other = interview("Ana", "Lee", "appsec", [Some(3), None], None);
    other.guide.sha256 = "1".repeat(64);
    other.guide.title = "Team guide".into();
    let appsec = interview("Bo", "Lee", "appsec", [Some(3), None], None);

    let all = consistency(
        &[ours.clone(), edited.clone(), other.clone(), appsec.clone()],
        &guide(),
        Some(&pentest_role()),
    );
    assert!(all.contains("| Sam |") && !all.contains("| Jo |"), "{all}");
    assert!(
        all.contains(
            "\nLeft out: 1 session on another version of this guide (it was edited since); 1 session on another guide; 1 session for another role.\n"
        ),
        "{all}"
    );
    assert!(all.contains("`--guide FILE`"), "{all}");

    let none = consistency(&[edited.clone(), edited], &guide(), None);
    assert!(
        none.starts_with("No interviews to report on Infosec Interview Guide.\n"),
        "{none}"
    );
    assert!(
        none.contains("Left out: 2 sessions on another version of this guide"),
        "{none}"
    );
}

/// A saved session in a data folder of its own, for the binary.
fn saved(record: &SessionRecord) -> std::path::PathBuf {
    let data = std::env::temp_dir().join(format!("reports-{}-{}", std::process::id(), record.id));
    let sessions = data.join("interview-console/sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    std::fs::write(
        sessions.join(format!("{}.json", record.id)),
        record_json(record).unwrap(),
    )
    .unwrap();
    data
}

fn binary(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_interview-console"))
        .args(args)
        .env("XDG_DATA_HOME", data)
        .output()
        .unwrap()
}

#[test]
fn export_handoff_and_reopen_through_the_binary() {
    let mut record = interview("Sam", "Alex", "pentest", [Some(3), None], Some(3));
    record.handoff = vec!["Probe the incident write-up".into()];
    let data = saved(&record);
    let id = record.id.to_string();

    let out = binary(&data, &["export", &id, "--handoff"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("- Probe the incident write-up"), "{md}");
    assert!(!md.contains("Yes"), "{md}");
    let refused = binary(&data, &["export", &id, "--handoff", "--format", "json"]);
    assert_eq!(refused.status.code(), Some(2));

    let list = |data: &std::path::Path| String::from_utf8(binary(data, &["list"]).stdout).unwrap();
    assert!(list(&data).contains("finished"));
    let reopened = binary(&data, &["reopen", &id]);
    assert!(reopened.status.success());
    assert!(
        String::from_utf8_lossy(&reopened.stdout)
            .contains(&format!("interview-console resume {id}")),
        "{reopened:?}"
    );
    assert!(list(&data).contains("in progress"), "{}", list(&data));
    let again = binary(&data, &["reopen", &id]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("already in progress"));
    let by_path = binary(&data, &["reopen", "/tmp/x.json"]);
    assert_eq!(by_path.status.code(), Some(2));
    std::fs::remove_dir_all(&data).unwrap();
}

#[test]
fn an_interview_and_a_copy_of_it_under_another_id_are_reported_once() {
    let guide = Guide::builtin().unwrap();
    let original = interview("Sam", "Alex", "pentest", [Some(3), None], Some(3));
    let mut copy = original.clone();
    copy.id = SessionId::parse("20261127-1400-sam-alex-2").unwrap();
    copy.saved_at += chrono::Duration::minutes(5);
    let other = interview("Sam", "Kim", "pentest", [Some(2), None], Some(2));
    let report = consistency(&[original, copy, other], &guide, None);
    let rows = report.lines().filter(|l| l.starts_with("| Sam |")).count();
    assert_eq!(rows, 2, "Alex once, Kim once:\n{report}");
    assert!(
        report.contains("Left out: 1 session copying an interview already counted."),
        "{report}"
    );
}

#[test]
fn a_line_break_in_a_question_is_a_space_in_the_scorecard() {
    let mut record = interview("Sam", "Alex", "pentest", [Some(3), None], None);
    record.questions[0].text = "Tell me about a particularly\ninteresting vulnerability.".into();
    let md = scorecard(&record, FixedOffset::east_opt(0).unwrap());
    assert!(
        md.contains("**Tell me about a particularly interesting vulnerability.**"),
        "{md}"
    );
}
