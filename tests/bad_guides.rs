//! Bad guides are refused with the file, line and column, before any terminal is touched.

use std::process::Command;

use interview_console::guide::{FollowUp, Guide, GuideError, Position};

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
";

fn refuse(yaml: &str) -> GuideError {
    Guide::parse(yaml, "team.yaml").expect_err("the guide should be refused")
}

fn at(error: &GuideError) -> (u64, u64) {
    let Position { line, column } = error.position.expect("a position");
    (line, column)
}

#[test]
fn the_minimal_guide_is_accepted() {
    let guide = Guide::parse(VALID, "team.yaml").unwrap();
    assert_eq!(guide.questions.len(), 1);
    assert_eq!(guide.timing.minutes, 60, "timing defaults to the hour");
}

#[test]
fn yaml_syntax_errors_name_the_line_and_column() {
    let error = refuse("title: Tiny\nintro:\n  statement: [Hello\nroles: []\n");
    assert_eq!(error.file, "team.yaml");
    let (line, _) = at(&error);
    assert!(line >= 3, "{error}");
    assert!(
        error.to_string().starts_with(&format!("team.yaml:{line}:")),
        "{error}"
    );
}

#[test]
fn a_wrong_type_names_the_value() {
    let error = refuse(&VALID.replace("    - Hello.", "    hello: there"));
    assert_eq!(at(&error).0, 4, "{error}");
}

#[test]
fn a_missing_intro_is_refused() {
    let yaml = VALID.replace("intro:\n  statement:\n    - Hello.\n", "");
    let error = refuse(&yaml);
    assert_eq!(at(&error), (1, 1));
    assert!(error.message.contains("no `intro`"), "{error}");
}

#[test]
fn an_empty_intro_statement_is_refused_where_it_stands() {
    let error = refuse(&VALID.replace("    - Hello.", "    - \"  \""));
    assert_eq!(at(&error), (4, 7));
    assert!(
        error.message.contains("intro paragraph is empty"),
        "{error}"
    );
}

#[test]
fn an_empty_role_list_is_refused_but_no_roles_at_all_is_a_guide_for_anyone() {
    let empty = VALID.replace("roles:\n  - id: dev\n    name: Developer\n", "roles: []\n");
    let error = refuse(&empty);
    assert!(error.message.contains("`roles` is empty"), "{error}");
    assert!(error.message.contains("leave `roles` out"), "{error}");
    assert_eq!(at(&error), (5, 8));

    let missing = VALID
        .replace("roles:\n  - id: dev\n    name: Developer\n", "")
        .replace("    roles: [dev]\n", "");
    let guide = Guide::parse(&missing, "team.yaml").unwrap();
    assert!(guide.roles.is_empty());
    assert_eq!(guide.questions[0].id, "q1");
}

#[test]
fn a_section_naming_an_unknown_role_is_refused_at_the_name() {
    let error = refuse(&VALID.replace("roles: [dev]", "roles: [dev, qa]"));
    assert_eq!(at(&error), (10, 18));
    assert_eq!(
        error.message,
        "section `General` names the unknown role `qa` (known: dev)"
    );
}

#[test]
fn duplicate_question_ids_are_refused_at_the_second() {
    let yaml = format!("{VALID}      - id: q1\n        text: Tell me more.\n");
    let error = refuse(&yaml);
    assert_eq!(at(&error), (14, 13));
    assert!(error.message.contains("`q1` is used twice"), "{error}");
}

#[test]
fn an_empty_question_text_is_refused() {
    let error = refuse(&VALID.replace("text: Tell me about a bug you fixed.", "text: \"\""));
    assert_eq!(at(&error), (13, 15));
    assert_eq!(error.message, "question `q1` has no text");
}

#[test]
fn a_role_with_no_questions_is_refused_at_the_role() {
    let yaml = VALID.replace(
        "    name: Developer\n",
        "    name: Developer\n  - id: ops\n    name: Operations\n",
    );
    let error = refuse(&yaml);
    assert_eq!(at(&error), (8, 9));
    assert_eq!(
        error.message,
        "role `ops` has no questions: no section or question is for it"
    );
}

#[test]
fn unknown_fields_are_refused_so_typos_do_not_pass_silently() {
    let error = refuse(&VALID.replace("        text:", "        txt:"));
    assert_eq!(at(&error).0, 13);
    assert!(error.message.contains("unknown field `txt`"), "{error}");
}

#[test]
fn timing_that_leaves_no_time_for_questions_is_refused() {
    let yaml = format!(
        "{VALID}timing:\n  minutes: 10\n  intro_minutes: 5\n  candidate_questions_minutes: 5\n  questions: 4\n"
    );
    let error = refuse(&yaml);
    assert_eq!(at(&error).0, 15);
    assert!(
        error.message.contains("leaves no time for questions"),
        "{error}"
    );
}

#[test]
fn minutes_past_what_adds_up_are_refused_where_they_are_written() {
    let timing = |minutes: &str, intro: &str| {
        format!(
            "{VALID}timing:\n  minutes: {minutes}\n  intro_minutes: {intro}\n  candidate_questions_minutes: 4294967295\n  questions: 4\n"
        )
    };
    let error = refuse(&timing("60", "4294967295"));
    assert_eq!(at(&error).0, 15, "{error}");
    assert!(
        error
            .message
            .contains("leaves no time for questions after the intro and the candidate's questions (8589934590 minutes)"),
        "{error}"
    );
    let error = refuse(&timing("4294967295", "5"));
    assert_eq!(at(&error), (15, 12), "{error}");
    assert!(
        error
            .message
            .contains("`timing.minutes` (4294967295) is more than 600"),
        "{error}"
    );
    let error = refuse(&timing("601", "5").replace("4294967295", "10"));
    assert!(error.message.contains("is more than 600"), "{error}");
    let longest = timing("600", "5").replace("4294967295", "10");
    assert_eq!(
        Guide::parse(&longest, "team.yaml").unwrap().timing.minutes,
        600
    );

    let dir = tempdir();
    let path = dir.join("team.yaml");
    std::fs::write(&path, timing("60", "4294967295")).unwrap();
    let output = binary().arg("check-guide").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{}:15:", path.display())),
        "{stderr}"
    );
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_interview-console"))
}

#[test]
fn the_binary_refuses_a_bad_guide_before_touching_the_terminal() {
    let dir = tempdir();
    let path = dir.join("team.yaml");
    std::fs::write(&path, VALID.replace("roles: [dev]", "roles: [qa]")).unwrap();
    let output = binary()
        .args(["--guide"])
        .arg(&path)
        .args(["--role", "dev", "--candidate", "Sam"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "{}:10:13: section `General` names the unknown role `qa`",
            path.display()
        )),
        "{stderr}"
    );
    assert!(
        output.stdout.is_empty(),
        "nothing drawn: {:?}",
        output.stdout
    );
}

#[test]
fn check_guide_summarizes_a_good_guide_and_refuses_a_bad_one() {
    let dir = tempdir();
    let good = dir.join("good.yaml");
    std::fs::write(&good, VALID).unwrap();
    let output = binary().arg("check-guide").arg(&good).output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("ok · Tiny guide"), "{stdout}");
    assert!(
        stdout.contains("Developer (dev): 1 questions offered"),
        "{stdout}"
    );

    let missing = dir.join("missing.yaml");
    let output = binary().arg("check-guide").arg(&missing).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("missing.yaml: cannot read the guide")
    );
}

#[test]
fn unknown_roles_and_questions_are_refused_with_the_choices() {
    let output = binary()
        .args(["--role", "red-team", "--candidate", "Sam"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("no role `red-team` in this guide (roles: appsec, secops, pentest)"),
        "{stderr}"
    );

    let output = binary()
        .args([
            "--role",
            "pentest",
            "--candidate",
            "Sam",
            "--questions",
            "secure-development",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("no question `secure-development` for the Penetration Tester role"),
        "{stderr}"
    );
}

/// A fresh folder under the target directory (cleaned by `cargo clean`).
fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "bad-guides-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn follow_ups_guidelines_scale_and_words_load() {
    let yaml = VALID.replace(
        "        text: Tell me about a bug you fixed.\n",
        "        text: Tell me about a bug you fixed.\n        follow_ups: [What did you do?]\n        guidelines:\n          strong: [Owns the fix]\n          weak: [Blames others]\n",
    ) + "rating_scale: [No, Maybe, Yes]\nimpression_words: [seems, culture fit]\n";
    let guide = Guide::parse(&yaml, "team.yaml").unwrap();
    let q = &guide.questions[0];
    assert_eq!(q.follow_ups, [FollowUp::plain("What did you do?")]);
    assert_eq!(q.guidelines.strong, ["Owns the fix"]);
    assert_eq!(q.guidelines.weak, ["Blames others"]);
    assert_eq!(guide.rating_scale, ["No", "Maybe", "Yes"]);
    assert_eq!(guide.impression_words, ["seems", "culture fit"]);
}

#[test]
fn without_a_scale_the_guide_gets_four_steps_and_no_neutral() {
    let guide = Guide::parse(VALID, "team.yaml").unwrap();
    assert_eq!(guide.rating_scale, ["Strong no", "No", "Yes", "Strong yes"]);
    assert!(guide.impression_words.is_empty());
}

#[test]
fn a_scale_of_one_or_ten_labels_is_refused_at_the_scale() {
    let error = refuse(&format!("{VALID}rating_scale: [Yes]\n"));
    assert_eq!(at(&error), (14, 15));
    assert!(
        error.message.contains("has 1 labels; it needs 2 to 9"),
        "{error}"
    );
    let ten = (1..=10)
        .map(|n| format!("L{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let error = refuse(&format!("{VALID}rating_scale: [{ten}]\n"));
    assert!(error.message.contains("has 10 labels"), "{error}");
}

#[test]
fn a_repeated_or_empty_rating_label_is_refused_where_it_stands() {
    let error = refuse(&format!("{VALID}rating_scale: [No, Yes, yes]\n"));
    assert_eq!(at(&error), (14, 25));
    assert_eq!(error.message, "rating `yes` is listed twice");
    let error = refuse(&format!("{VALID}rating_scale: [No, \"\"]\n"));
    assert_eq!(error.message, "a rating label is empty");
}

#[test]
fn impression_words_must_be_a_list_of_words() {
    let error = refuse(&format!("{VALID}impression_words: seems\n"));
    assert_eq!(at(&error).0, 14, "{error}");
    let error = refuse(&format!("{VALID}impression_words:\n  seems: 1\n"));
    assert_eq!(at(&error).0, 15, "{error}");
    let error = refuse(&format!("{VALID}impression_words: [seems, \" \"]\n"));
    assert_eq!(error.message, "an impression word is empty");
}

#[test]
fn an_empty_follow_up_is_refused() {
    let yaml = VALID.replace(
        "        text: Tell me about a bug you fixed.\n",
        "        text: Tell me about a bug you fixed.\n        follow_ups: [Why?, \"\"]\n",
    );
    let error = refuse(&yaml);
    assert_eq!(at(&error).0, 14);
    assert_eq!(error.message, "question `q1` has an empty follow-up");
}

/// The minimal guide with `url` as its question's `guidelines_url`, on line 14 from column 25.
fn with_link(url: &str) -> String {
    VALID.replace(
        "        text: Tell me about a bug you fixed.\n",
        &format!("        text: Tell me about a bug you fixed.\n        guidelines_url: {url}\n"),
    )
}

#[test]
fn a_link_that_is_not_web_or_mail_or_holds_an_escape_is_refused_where_it_stands() {
    let ok = Guide::parse(&with_link("https://example.com/guide#q1"), "team.yaml").unwrap();
    assert_eq!(
        ok.questions[0].guidelines_url.as_deref(),
        Some("https://example.com/guide#q1")
    );
    for (url, why) in [
        (
            "javascript:alert(1)",
            "is not an http, https or mailto link",
        ),
        ("file:///etc/passwd", "is not an http, https or mailto link"),
        (
            "\"https://x.com/\\e]8;;\\a\"",
            "holds a space, a control character",
        ),
        (
            "\"https://x.com/\\a\"",
            "holds a space, a control character",
        ),
        (
            "\"https://x.com/\\u202E\"",
            "holds a space, a control character",
        ),
        (
            "\"https://x.com/a b\"",
            "holds a space, a control character",
        ),
    ] {
        let error = refuse(&with_link(url));
        assert_eq!(at(&error), (14, 25), "{url}: {error}");
        assert!(
            error
                .message
                .contains(&format!("the `guidelines_url` of question `q1` {why}")),
            "{url}: {error}"
        );
    }
}

#[test]
fn check_guide_refuses_a_bad_link_with_file_line_and_column() {
    let path = tempdir().join("team.yaml");
    std::fs::write(&path, with_link("\"https://x.com/\\e]0;pwned\\a\"")).unwrap();
    let output = binary().arg("check-guide").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "{}:14:25: the `guidelines_url` of question `q1` holds",
            path.display()
        )),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}
