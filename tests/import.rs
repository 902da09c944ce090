//! `import`: Markdown guides of the common shapes become guide files that check, with every
//! question word for word. The fixtures are written for these tests in the shapes of public
//! guides (headings as questions, lists as questions, no intro, nested sub-bullets, a phone
//! screen with per-role sections, a code review); the seed is the 18F infosec guide.

use std::process::Command;

use proptest::prelude::*;

use interview_console::guide::rich::Unfilled;
use interview_console::guide::{FollowUp, Guide, RichText};
use interview_console::import::{ImportError, Imported, import};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Imports a fixture; the guide file must check.
fn imported(name: &str) -> (Imported, Guide) {
    let imported = import(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let guide = Guide::parse(&imported.yaml, name)
        .unwrap_or_else(|e| panic!("{name}: {e}\n{}", imported.yaml));
    (imported, guide)
}

/// What a person reads of a guide text.
fn read(text: &str) -> String {
    RichText::parse(text).plain(&Unfilled)
}

fn questions(guide: &Guide) -> Vec<String> {
    guide.questions.iter().map(|q| read(&q.text)).collect()
}

fn sections(guide: &Guide) -> Vec<&str> {
    let mut titles: Vec<&str> = Vec::new();
    for q in &guide.questions {
        if titles.last() != Some(&q.section.as_str()) {
            titles.push(&q.section);
        }
    }
    titles
}

/// The line of the guide file that holds `text`.
fn line_with<'a>(yaml: &'a str, text: &str) -> &'a str {
    yaml.lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?} in\n{yaml}"))
}

#[test]
fn headings_as_questions() {
    let (imported, guide) = imported("headings.md");
    assert_eq!(
        guide.title, "Onsite behavioral interview",
        "front matter title"
    );
    assert_eq!(
        questions(&guide),
        [
            "Tell me about a project you are proud of.",
            "Describe a time you changed your mind about a technical decision.",
            "How do you decide what to work on when everything is urgent?",
        ]
    );
    let proud = &guide.questions[0];
    assert_eq!(
        proud.guidance,
        ["Listen for what they did themselves, not the team."]
    );
    assert_eq!(
        proud.follow_ups,
        [FollowUp::plain("What would you do differently next time?")],
        "an italic paragraph is a follow-up"
    );
    assert_eq!(
        proud.guidelines.strong,
        ["Names their own decisions", "Talks about trade-offs"]
    );
    assert_eq!(proud.guidelines.weak, ["Only describes the team's work"]);
    assert_eq!(guide.questions[1].follow_ups.len(), 2);
    assert_eq!(
        guide.intro.statement,
        [
            "Thanks for joining me. I'll ask about situations you've been in and what you did, and leave time at the end for your questions."
        ]
    );
    assert_eq!(
        guide.briefing.prepare,
        [
            "Read the candidate's resume and the recruiter's notes.",
            "Decide which three questions you will ask."
        ]
    );
    assert_eq!(
        guide.briefing.after,
        ["Write up your notes before you talk to the other interviewers."]
    );
    assert_eq!(
        guide.candidate_questions.instruction,
        "Leave ten minutes for the candidate's questions."
    );
    assert_eq!(
        guide.candidate_questions.prompt.as_deref(),
        Some("That's all from me. What questions do you have for me?")
    );
    assert_eq!(
        guide.closing.unwrap().statement,
        ["Thanks again for your time. The recruiter will be in touch within a week."]
    );
    assert!(
        imported
            .yaml
            .contains("# CHECK: left out as background: the words before the first heading")
    );
    assert!(
        line_with(&imported.yaml, "minutes: 60")
            .contains("“Leave ten minutes for the candidate's questions.”")
    );
}

#[test]
fn lists_as_questions_with_position_sections_as_roles() {
    let (imported, guide) = imported("lists.md");
    assert_eq!(guide.title, "Systems interview guide", "the first heading");
    assert_eq!(
        questions(&guide),
        [
            "Imagine a city wants to let residents report broken street lights from their phones. How would you design that?",
            "Tell me about a hard bug you tracked down. How did you find it?",
            "How do you decide when a design is good enough to ship?",
            "Tell me about a data pipeline you built. What broke first?",
            "How would you backfill a year of events without stopping the pipeline?",
            "What do you weigh when a feature could live in the app or on the server?",
        ]
    );
    assert_eq!(
        sections(&guide),
        [
            "Problem solving",
            "Working in teams",
            "Data engineering",
            "Mobile"
        ]
    );
    let roles: Vec<&str> = guide.roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(roles, ["Data engineering", "Mobile"]);
    assert_eq!(
        guide.questions[0].roles.len(),
        2,
        "a general question is for every role"
    );
    assert_eq!(guide.questions[3].roles, ["data-engineering"]);
    assert!(line_with(&imported.yaml, "name: Mobile").contains("# CHECK: a role"));
    assert_eq!(
        guide
            .intro
            .statement
            .iter()
            .map(|p| read(p))
            .collect::<Vec<_>>(),
        [
            "Hi! I'm ___, and I work on the ___ team.",
            "This conversation is about how you approach systems. I've got about [3-4 questions], and it will take about an hour.",
            "There are no trick questions. Ask me anything you need to.",
        ]
    );
    assert!(line_with(&imported.yaml, "Hi! I'm").contains("# CHECK: blanks to fill (___)"));
    assert_eq!(
        guide.questions[0].section_words.guidance,
        ["Say there's no single right answer before you start."]
    );
    assert_eq!(
        read(&guide.briefing.prepare[0]),
        "Review the signs to look for for the questions you will ask.",
        "a link in the interviewer's words is kept as a link"
    );
    assert!(guide.briefing.prepare[0].contains("](https://example.com/systems-signs)"));
    assert_eq!(
        guide.candidate_questions.instruction,
        "Make sure to leave time for the candidate to ask their own questions."
    );
    assert_eq!(
        guide.candidate_questions.prompt, None,
        "an instruction only"
    );
    assert!(
        imported
            .yaml
            .contains("left out as background: the words before the first heading, Purpose")
    );
}

#[test]
fn a_guide_without_an_intro_gets_one_to_check() {
    let (imported, guide) = imported("no-intro.md");
    assert_eq!(
        questions(&guide),
        [
            "Tell me about a platform you ran for other teams. How did you know it was working for them?",
            "What does a good on-call rotation look like to you?",
            "Tell me about a time you helped a team fix a security problem.",
        ],
        "curly quotes and the links around the questions are taken off"
    );
    let links: Vec<&str> = guide
        .questions
        .iter()
        .map(|q| q.guidelines_url.as_deref().unwrap())
        .collect();
    assert_eq!(
        links,
        [
            "https://example.com/bank#platform-1",
            "https://example.com/bank#platform-2",
            "https://example.com/bank#security-1"
        ]
    );
    assert!(
        line_with(&imported.yaml, "Thanks for talking with me today.")
            .contains("# CHECK: the guide has no introductory statement")
    );
    assert!(guide.roles.is_empty());
}

#[test]
fn nested_sub_bullets_with_conditions_and_pick_groups() {
    let (imported, guide) = imported("nested.md");
    assert_eq!(
        questions(&guide),
        [
            "Tell me more about your work on PROJECT",
            "Have you worked directly with the people who use what you build?",
            "How do you decide what to build first?",
            "Have you worked on a team spread across time zones?",
            "Tell me about a disagreement with a colleague.",
            "We build for everyone who uses public services. How have you made something you built easier to use for more people?",
            "What are you looking for in your next job?",
            "What would you like to learn here?",
        ]
    );
    let users = &guide.questions[1];
    assert_eq!(
        users.follow_ups,
        [
            FollowUp {
                when: Some("If yes".into()),
                text: "Tell me about a time they surprised you.".into(),
                follow_ups: vec![FollowUp::plain("What did you change because of it?")],
            },
            FollowUp {
                when: Some("If no".into()),
                text: "How did you learn what they needed?".into(),
                follow_ups: Vec::new(),
            },
        ]
    );
    assert_eq!(
        guide.questions[0].follow_ups[1].when.as_deref(),
        Some("If it shipped")
    );
    assert_eq!(
        guide.questions[5].guidelines_url.as_deref(),
        Some("https://example.com/values#access"),
        "a link over part of a question"
    );
    let picks: Vec<(&str, usize)> = guide
        .groups
        .iter()
        .map(|g| (g.section.as_str(), g.pick))
        .collect();
    assert_eq!(
        picks,
        [
            ("Past projects", 1),
            ("Working together", 1),
            ("Looking ahead", 1)
        ]
    );
    assert!(line_with(&imported.yaml, "pick: 1").contains("# CHECK: from “"));
    assert!(
        line_with(
            &imported.yaml,
            "text: Tell me more about your work on PROJECT"
        )
        .contains("# CHECK: blanks to fill (PROJECT)")
    );
    assert_eq!(
        guide.candidate_questions.instruction,
        "Lastly, make sure to ask the candidate if they have any questions for you!"
    );
}

#[test]
fn a_phone_screen_with_words_between_questions_and_sections_per_role() {
    let (imported, guide) = imported("phone-screen.md");
    assert_eq!(
        questions(&guide),
        [
            "I've read your resume, but I'd love to hear your story in your own words.",
            "What are you looking for in your next role?",
            "Have you worked in public before?",
            "How do you feel about strangers reading your code?",
            "How have you kept in touch with a remote team?",
            "What do you need from a team to do your best work remotely?",
            "Tell me about a data set you had to clean up. What did you find?",
            "How do you test a pipeline?",
            "Tell me about an app you shipped. What happened after the first release?",
        ]
    );
    let roles: Vec<&str> = guide.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(roles, ["data", "mobile"]);
    let of = |id: &str| {
        guide
            .questions
            .iter()
            .find(|q| read(&q.text).starts_with(id))
            .unwrap()
    };
    assert_eq!(of("Have you worked in public").roles, ["data", "mobile"]);
    assert_eq!(of("How do you test").roles, ["data"]);
    assert_eq!(
        of("Have you worked in public").section_words.say,
        ["We work in the open: our code is public from the first commit."],
        "a quote between questions is said at the start of its section"
    );
    assert_eq!(
        of("Tell me about an app").section_words.say,
        ["In this role you would build and ship our phone apps."]
    );
    assert_eq!(
        of("Tell me about a data set")
            .section_words
            .say
            .iter()
            .map(|p| read(p))
            .collect::<Vec<_>>(),
        [
            "In this role you would:",
            "- build the pipelines our reports depend on,",
            "- and keep the data clean."
        ]
    );
    let story = of("I've read your resume");
    assert_eq!(
        story.section_words.guidance,
        ["Give the candidate room to tell their story in their own words."],
        "a quote about the candidate is the interviewer's"
    );
    assert!(
        line_with(&imported.yaml, "Give the candidate room")
            .contains("# CHECK: a quote that speaks of the candidate")
    );
    assert_eq!(of("How have you kept").follow_ups.len(), 1);
    assert_eq!(
        guide.candidate_questions.prompt.as_deref(),
        Some("That's all the questions I have. What questions can I answer for you?")
    );
    assert!(
        guide.closing.is_none(),
        "role sections after their turn are no closing"
    );
    assert_eq!(
        guide.briefing.after,
        ["Send your notes to the hiring manager the same day."]
    );
}

#[test]
fn a_code_review_without_roles_with_labelled_follow_ups() {
    let (_, guide) = imported("code-review.md");
    assert_eq!(
        questions(&guide),
        [
            "Walk me through how your code works.",
            "Which part was the hardest to get right?",
            "How did you test it?",
            "I see you used Library X here. How would you solve this without Library X?",
            "Which other languages would suit this problem?",
            "(Where it applies) If the input were a thousand times larger, would this still work?",
        ]
    );
    assert_eq!(
        guide.questions[4].follow_ups,
        [FollowUp {
            when: Some("Based on their answer".into()),
            text: "What would be different in that language?".into(),
            follow_ups: Vec::new(),
        }]
    );
    assert_eq!(
        guide.candidate_questions.prompt.as_deref(),
        Some(
            "I've asked everything on my list, so the rest of the time is yours. What questions can I answer for you?"
        ),
        "the closing item is the candidate's turn, not a question"
    );
    assert!(guide.roles.is_empty());
}

#[test]
fn the_18f_infosec_seed_gives_the_built_in_questions_and_intro() {
    let seed = include_str!("../assets/guides/infosec.seed.md");
    let imported = import(seed).unwrap();
    let guide = Guide::parse(&imported.yaml, "infosec.yaml").unwrap();
    let builtin = Guide::builtin().unwrap();
    let pairs = |g: &Guide| -> Vec<(String, Option<String>)> {
        g.questions
            .iter()
            .map(|q| (q.text.clone(), q.guidelines_url.clone()))
            .collect()
    };
    assert_eq!(pairs(&guide), pairs(&builtin));
    assert_eq!(guide.intro, builtin.intro);
    let sections: Vec<(&str, usize)> = guide
        .questions
        .iter()
        .map(|q| (q.section.as_str(), q.roles.len()))
        .collect();
    let builtin_sections: Vec<(&str, usize)> = builtin
        .questions
        .iter()
        .map(|q| (q.section.as_str(), q.roles.len()))
        .collect();
    assert_eq!(
        sections, builtin_sections,
        "the same sections, for as many roles"
    );
    let names: Vec<&str> = guide.roles.iter().map(|r| r.name.as_str()).collect();
    let builtin_names: Vec<&str> = builtin.roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, builtin_names);
}

#[test]
fn markdown_without_questions_or_a_title_is_refused() {
    assert_eq!(
        import("# Notes\n\nNothing to ask here.\n"),
        Err(ImportError::NoQuestions)
    );
    assert_eq!(import("- What is it?\n"), Err(ImportError::NoTitle));
}

/// Markdown of the shapes `import` reads, made of parts that may be anything.
fn markdown() -> impl Strategy<Value = String> {
    let words = "[A-Za-z0-9 ,.;:!?'\"“”*_`\\[\\]()#<>&{}\\\\~|=+-]{1,40}";
    let block = prop_oneof![
        (2usize..5, words).prop_map(|(level, w)| format!("{} {w}\n\n", "#".repeat(level))),
        words.prop_map(|w| format!("### Questions for {w}\n\n")),
        words.prop_map(|w| format!("## Role-specific questions\n\n### {w}\n\n")),
        words.prop_map(|w| format!("Ask one (or more) of the following:\n\n- \"{w}\"\n\n")),
        words.prop_map(|w| format!("> {w}\n> - {w}\n\n")),
        words.prop_map(|w| format!(
            "### Question 1: {w}\n\n*{w}*\n\n**Warning signs**\n\n- {w}\n\n"
        )),
        words.prop_map(|w| format!("- \"{w} What questions can I answer for you?\"\n\n> {w}\n\n")),
        words.prop_map(|w| format!("{w}\n\n")),
        words.prop_map(|w| format!("> {w}\n\n")),
        prop::collection::vec(words, 1..4).prop_map(|items| {
            items
                .iter()
                .map(|i| format!("- {i}?\n    - If yes: {i}\n"))
                .collect::<String>()
                + "\n"
        }),
        (words, words).prop_map(|(text, url)| format!(
            "* [{text}?](https://example.com/{})\n\n",
            url.replace(|c: char| !c.is_ascii_alphanumeric(), "")
        )),
        Just("Say this:\n\n> Hello *there*.\n\n".to_string()),
    ];
    prop::collection::vec(block, 1..8).prop_map(|blocks| format!("# Guide\n\n{}", blocks.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn what_import_writes_always_checks(markdown in markdown()) {
        match import(&markdown) {
            Ok(imported) => {
                let guide = Guide::parse(&imported.yaml, "imported.yaml");
                prop_assert!(guide.is_ok(), "{:?}\n{}", guide.err(), imported.yaml);
            }
            Err(ImportError::NoQuestions) => {}
            Err(other) => prop_assert!(false, "{other}\n{markdown}"),
        }
    }
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_interview-console"))
}

/// A fresh folder under the target directory.
fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "import-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_command_writes_a_guide_that_checks_and_counts_what_to_check() {
    let dir = tempdir();
    let markdown = dir.join("values.md");
    std::fs::write(&markdown, fixture("nested.md")).unwrap();
    let yaml = dir.join("values.yaml");
    let output = binary()
        .arg("import")
        .arg(&markdown)
        .arg("--output")
        .arg(&yaml)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    let written = std::fs::read_to_string(&yaml).unwrap();
    let checks = written.matches("# CHECK:").count();
    assert!(
        stderr.contains(&format!(
            "8 questions imported; {checks} lines marked `# CHECK:`"
        )),
        "{stderr}"
    );
    let check = binary().arg("check-guide").arg(&yaml).output().unwrap();
    assert!(check.status.success(), "{check:?}");

    let again = binary()
        .arg("import")
        .arg(&markdown)
        .arg("--output")
        .arg(&yaml)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2), "an existing file is kept");
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force replaces it"));

    let to_stdout = binary().arg("import").arg(&markdown).output().unwrap();
    assert_eq!(String::from_utf8(to_stdout.stdout).unwrap(), written);

    let empty = dir.join("empty.md");
    std::fs::write(&empty, "# Nothing\n\nNo questions.\n").unwrap();
    let refused = binary().arg("import").arg(&empty).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("empty.md: no questions found"));
}
