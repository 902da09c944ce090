//! The guide format's additions (issue 11), each valid and invalid: interviewer-only words,
//! placeholders, optional roles, per-question roles, the candidate's turn without words,
//! the closing statement, section words, nested follow-ups, pick groups, the guide's own
//! guidelines link, and inline Markdown. Every mistake is named with file, line and column.

use interview_console::guide::rich::Unfilled;
use interview_console::guide::{FollowUp, Guide, GuideError, Position, RichText};

/// A guide that uses every addition. Line numbers matter: tests refer to them.
const FULL: &str = "\
title: Core values
prepare: Read the resume.
after:
  - Fill in the feedback form.
  - Tell the hiring team.
guidelines_url: https://example.com/signs
placeholders:
  - id: project
    prompt: A project from their resume
intro:
  statement:
    - Hello {candidate}, I am {interviewer}.
sections:
  - title: Experience
    say: Let's talk about *your* work.
    guidance: [Tie into the resume.]
    pick: 1
    questions:
      - id: project
        text: Tell me about {project}.
        guidance: Push for specifics.
        follow_ups:
          - What was hard?
          - when: If yes
            text: How did you overcome it?
            follow_ups: [What would you change?]
      - id: clients
        text: Have you worked with [clients](https://example.com/clients)?
  - title: Closing questions
    questions:
      - id: goals
        text: What are you looking for next?
        guidelines_url: https://example.com/goals
candidate_questions:
  instruction: Leave time for their questions.
closing:
  statement:
    - Thanks, {candidate}. You will hear from us within a week.
timing:
  minutes: 45
  intro_minutes: 5
  candidate_questions_minutes: 10
  questions: 2
  closing_minutes: 3
";

fn refuse(yaml: &str) -> GuideError {
    Guide::parse(yaml, "values.yaml").expect_err("the guide should be refused")
}

fn at(error: &GuideError) -> (u64, u64) {
    let Position { line, column } = error.position.expect("a position");
    (line, column)
}

/// FULL with one line replaced (1-based), or with lines after it.
fn with_line(line: usize, replacement: &str) -> String {
    let mut lines: Vec<&str> = FULL.lines().collect();
    lines[line - 1] = replacement;
    lines.join("\n") + "\n"
}

#[test]
fn every_addition_loads() {
    let guide = Guide::parse(FULL, "values.yaml").unwrap();
    assert!(guide.roles.is_empty(), "a guide without roles");
    assert_eq!(guide.briefing.prepare, ["Read the resume."]);
    assert_eq!(
        guide.briefing.after,
        ["Fill in the feedback form.", "Tell the hiring team."]
    );
    assert_eq!(guide.placeholders.len(), 1);
    assert_eq!(guide.placeholders[0].id, "project");
    assert_eq!(guide.placeholders[0].prompt, "A project from their resume");
    assert_eq!(
        guide.placeholder_ids().collect::<Vec<_>>(),
        ["candidate", "interviewer", "project"]
    );

    let project = guide.question("project").unwrap();
    assert_eq!(project.text, "Tell me about {project}.");
    assert_eq!(project.guidance, ["Push for specifics."]);
    assert_eq!(project.section_words.say, ["Let's talk about *your* work."]);
    assert_eq!(project.section_words.guidance, ["Tie into the resume."]);
    assert_eq!(
        project.follow_ups,
        [
            FollowUp::plain("What was hard?"),
            FollowUp {
                when: Some("If yes".into()),
                text: "How did you overcome it?".into(),
                follow_ups: vec![FollowUp::plain("What would you change?")],
            }
        ]
    );
    assert_eq!(
        project.guidelines_url.as_deref(),
        Some("https://example.com/signs"),
        "the guide's link stands in for the question's"
    );
    assert_eq!(
        guide.question("goals").unwrap().guidelines_url.as_deref(),
        Some("https://example.com/goals"),
        "a question's own link wins"
    );
    assert!(guide.question("goals").unwrap().section_words.is_empty());

    assert_eq!(guide.groups.len(), 1);
    assert_eq!(guide.groups[0].section, "Experience");
    assert_eq!(guide.groups[0].pick, 1);
    assert_eq!(guide.groups[0].questions, ["project", "clients"]);

    assert_eq!(
        guide.candidate_questions.instruction,
        "Leave time for their questions."
    );
    assert_eq!(guide.candidate_questions.prompt, None, "no words to say");
    let closing = guide.closing.as_ref().unwrap();
    assert_eq!(
        closing.statement,
        ["Thanks, {candidate}. You will hear from us within a week."]
    );
    assert_eq!(guide.timing.closing_minutes, 3);
}

#[test]
fn inline_markdown_reads_as_the_words_a_person_reads() {
    let guide = Guide::parse(FULL, "values.yaml").unwrap();
    let clients = RichText::parse(&guide.question("clients").unwrap().text);
    assert_eq!(clients.plain(&Unfilled), "Have you worked with clients?");
    let link = clients.runs().iter().find_map(|r| r.link.as_ref()).unwrap();
    assert_eq!(link.as_str(), "https://example.com/clients");
    let say = RichText::parse(&guide.questions[0].section_words.say[0]);
    assert!(say.runs().iter().any(|r| r.emphasis));
}

#[test]
fn defaults_fill_what_a_guide_leaves_out() {
    let guide = Guide::parse(
        &FULL.replace("  instruction: Leave time for their questions.\n", "  {}\n"),
        "values.yaml",
    );
    // `candidate_questions: {}`: neither words nor an instruction of its own.
    let guide = guide.unwrap();
    assert_eq!(guide.candidate_questions.prompt, None);
    assert_eq!(
        guide.candidate_questions.instruction,
        "Leave the rest of the time for the candidate's questions."
    );
    let no_closing_minutes = FULL.replace("  closing_minutes: 3\n", "");
    assert_eq!(
        Guide::parse(&no_closing_minutes, "values.yaml")
            .unwrap()
            .timing
            .closing_minutes,
        2
    );
}

#[test]
fn a_follow_up_or_paragraph_that_yaml_could_read_as_a_boolean_is_text() {
    let yaml = with_line(
        23,
        "          - No\n          - when: If no\n            text: Yes",
    );
    let guide = Guide::parse(&yaml, "values.yaml").unwrap();
    let follow_ups = &guide.question("project").unwrap().follow_ups;
    assert_eq!(follow_ups[0], FollowUp::plain("No"));
    assert_eq!(follow_ups[1].text, "Yes");
}

#[test]
fn roles_per_section_and_per_question() {
    let yaml = "\
title: Screen
intro:
  statement: [Hello.]
roles:
  - id: fe
    name: Front-end
  - id: be
    name: Back-end
sections:
  - title: Everyone
    questions:
      - id: story
        text: Tell me your story.
      - id: browsers
        text: Which browsers do you test in?
        roles: [fe]
  - title: Back-end only
    roles: [be]
    questions:
      - id: queues
        text: Tell me about a queue you ran.
";
    let guide = Guide::parse(yaml, "screen.yaml").unwrap();
    assert_eq!(guide.question("story").unwrap().roles, ["fe", "be"]);
    assert_eq!(guide.question("browsers").unwrap().roles, ["fe"]);
    let fe = guide.role("fe");
    let asked: Vec<&str> = guide.questions_for(fe).map(|q| q.id.as_str()).collect();
    assert_eq!(asked, ["story", "browsers"]);

    let error = Guide::parse(
        &yaml.replace("        roles: [fe]", "        roles: [fe, qa]"),
        "screen.yaml",
    )
    .unwrap_err();
    assert_eq!(at(&error), (16, 21));
    assert_eq!(
        error.message,
        "question `browsers` names the role `qa`, which its section `Everyone` is not for (its roles: fe, be)"
    );
    let error = Guide::parse(
        &yaml.replace(
            "      - id: queues\n",
            "      - id: queues\n        roles: [fe]\n",
        ),
        "screen.yaml",
    )
    .unwrap_err();
    assert_eq!(at(&error), (21, 17));
    assert!(
        error
            .message
            .contains("which its section `Back-end only` is not for (its roles: be)")
    );
    let error = Guide::parse(
        &yaml.replace("        roles: [fe]", "        roles: []"),
        "screen.yaml",
    )
    .unwrap_err();
    assert_eq!(at(&error), (16, 16));
    assert!(error.message.contains("names no roles"), "{error}");
}

#[test]
fn roles_named_in_a_guide_without_roles_are_refused() {
    let error = refuse(&with_line(14, "  - title: Experience\n    roles: [dev]"));
    assert_eq!(at(&error), (15, 12));
    assert!(
        error
            .message
            .contains("section `Experience` names roles, but the guide has none"),
        "{error}"
    );
    let error = refuse(&with_line(
        20,
        "        text: Tell me about {project}.\n        roles: [dev]",
    ));
    assert_eq!(at(&error), (21, 16));
    assert!(
        error
            .message
            .contains("question `project` names roles, but the guide has none")
    );
}

#[test]
fn an_unknown_placeholder_is_refused_where_it_is_written() {
    let error = refuse(&with_line(20, "        text: Tell me about {projct}."));
    assert_eq!(at(&error), (20, 15));
    assert_eq!(
        error.message,
        "question `project` uses the unknown placeholder `{projct}`; known: {candidate}, {interviewer}, {project} (declare it under `placeholders`, or write `\\{` for a brace)"
    );
    let error = refuse(&with_line(
        12,
        "    - Hello {candidate}, this is the {role} interview.",
    ));
    assert_eq!(at(&error), (12, 7));
    assert!(
        error.message.contains("`{role}` (this guide has no roles)"),
        "{error}"
    );
    let error = refuse(&with_line(38, "    - Thanks, {name}."));
    assert_eq!(at(&error), (38, 7));
    assert!(
        error
            .message
            .starts_with("the closing statement uses the unknown placeholder `{name}`")
    );
    // A follow-up, section words and interviewer words are checked the same way.
    let error = refuse(&with_line(23, "          - What was hard about {thing}?"));
    assert_eq!(at(&error), (23, 13));
    assert!(
        error
            .message
            .starts_with("a follow-up of question `project` uses")
    );
    let error = refuse(&with_line(15, "    say: Let's talk about {topic}."));
    assert_eq!(at(&error), (15, 10));
    assert!(
        error
            .message
            .starts_with("the `say` of section `Experience` uses")
    );
    let error = refuse(&with_line(2, "prepare: Read {candidate}'s {resume}."));
    assert_eq!(at(&error), (2, 10));
    // An escaped brace is text.
    let escaped = with_line(20, r"        text: Tell me about {project} and \{braces}.");
    assert!(Guide::parse(&escaped, "values.yaml").is_ok());
}

#[test]
fn declared_placeholders_are_checked() {
    let error = refuse(&with_line(8, "  - id: 2nd-project"));
    assert_eq!(at(&error), (8, 9));
    assert!(
        error.message.contains("is not one a text can hold"),
        "{error}"
    );
    let error = refuse(&with_line(8, "  - id: candidate"));
    assert_eq!(at(&error), (8, 9));
    assert!(
        error.message.contains("`{candidate}` is built in"),
        "{error}"
    );
    let error = refuse(&with_line(
        9,
        "    prompt: A project\n  - id: project\n    prompt: Again",
    ));
    assert_eq!(at(&error), (10, 9));
    assert_eq!(error.message, "placeholder `project` is declared twice");
    let error = refuse(&with_line(9, "    prompt: \"\""));
    assert_eq!(at(&error), (9, 13));
    assert!(error.message.contains("no prompt"), "{error}");
    let error = refuse(&with_line(
        9,
        "    prompt: A project\n  - id: company\n    prompt: Their company",
    ));
    assert_eq!(at(&error), (10, 9));
    assert_eq!(
        error.message,
        "placeholder `company` is declared but no text uses `{company}`"
    );
}

#[test]
fn a_pick_larger_than_its_group_or_zero_is_refused_at_the_pick() {
    let error = refuse(&with_line(17, "    pick: 3"));
    assert_eq!(at(&error), (17, 11));
    assert_eq!(
        error.message,
        "section `Experience` picks 3 of its 2 questions: `pick` is at most 2"
    );
    let error = refuse(&with_line(17, "    pick: 0"));
    assert_eq!(at(&error), (17, 11));
    assert!(error.message.contains("`pick` is at least 1"));
    let error = refuse(&with_line(17, "    pick: one"));
    assert_eq!(at(&error).0, 17, "{error}");
}

#[test]
fn empty_words_are_refused_where_they_stand() {
    for (line, replacement, position, message) in [
        (2, "prepare: \"\"", (2, 10), "`prepare` is empty"),
        (4, "  - \" \"", (4, 5), "a paragraph of `after` is empty"),
        (
            16,
            "    guidance: [\"\"]",
            (16, 16),
            "a paragraph of the `guidance` of section `Experience` is empty",
        ),
        (
            21,
            "        guidance: \"\"",
            (21, 19),
            "the `guidance` of question `project` is empty",
        ),
        (
            25,
            "            text: \"\"",
            (25, 19),
            "question `project` has an empty follow-up",
        ),
        (
            24,
            "          - when: \"\"",
            (24, 19),
            "a follow-up of question `project` has an empty `when`: leave it out to ask it always",
        ),
        (38, "    - \"\"", (38, 7), "a closing paragraph is empty"),
    ] {
        let error = refuse(&with_line(line, replacement));
        assert_eq!(at(&error), position, "line {line}: {error}");
        assert_eq!(error.message, message, "line {line}");
    }
    let no_after = FULL.replace(
        "after:\n  - Fill in the feedback form.\n  - Tell the hiring team.\n",
        "after: []\n\n\n",
    );
    let error = refuse(&no_after);
    assert_eq!(at(&error), (3, 8));
    assert_eq!(error.message, "`after` has no paragraphs");
    let no_statement = FULL.replace(
        "  statement:\n    - Thanks, {candidate}. You will hear from us within a week.\n",
        "  statement: []\n",
    );
    let error = refuse(&no_statement);
    assert_eq!(at(&error), (37, 14));
    assert_eq!(error.message, "the closing `statement` has no paragraphs");
    let error = refuse(&with_line(35, "  instruction: Leave time.\n  prompt: \"\""));
    assert_eq!(at(&error), (36, 11));
    assert!(
        error
            .message
            .contains("`prompt` is empty: leave it out for no words")
    );
}

#[test]
fn a_bad_link_in_words_or_for_the_guide_is_refused_where_it_stands() {
    let error = refuse(&with_line(6, "guidelines_url: javascript:alert(1)"));
    assert_eq!(at(&error), (6, 17));
    assert_eq!(
        error.message,
        "the guide's `guidelines_url` is not an http, https or mailto link"
    );
    let error = refuse(&with_line(
        28,
        "        text: Have you worked with [clients](file:///etc/passwd)?",
    ));
    assert_eq!(at(&error), (28, 15));
    assert_eq!(
        error.message,
        "the link `file:///etc/passwd` in question `clients` is not an http, https or mailto link"
    );
    let error = refuse(&with_line(2, "prepare: See [x](<https://x.com/a b>)"));
    assert_eq!(at(&error), (2, 10));
    assert!(
        error.message.contains("holds a space, a control character"),
        "{error}"
    );
}

#[test]
fn closing_minutes_need_a_closing_and_count_against_the_hour() {
    let without_closing = FULL.replace(
        "closing:\n  statement:\n    - Thanks, {candidate}. You will hear from us within a week.\n",
        "",
    );
    let error = refuse(&without_closing);
    assert_eq!(at(&error), (41, 20));
    assert!(
        error.message.contains("the guide has no `closing`"),
        "{error}"
    );
    let error = refuse(&FULL.replace("  minutes: 45", "  minutes: 18"));
    assert!(
        error.message.contains(
            "leaves no time for questions after the intro, the candidate's questions and the closing (18 minutes)"
        ),
        "{error}"
    );
}

#[test]
fn a_follow_up_of_the_wrong_shape_is_refused() {
    let error = refuse(&with_line(25, "            ask: x"));
    assert_eq!(at(&error).0, 25, "{error}");
    assert!(error.message.contains("unknown field `ask`"), "{error}");
    let error = refuse(&with_line(23, "          - [a, b]"));
    assert_eq!(at(&error).0, 23, "{error}");
    assert!(error.message.contains("expected a follow-up"), "{error}");
}
