//! Every string the console tells the interviewer to say is byte-identical to the seed
//! guide (kept beside the YAML as `assets/guides/infosec.seed.md`): the text a person
//! reads, after the guide's inline marks (see `guide::rich`).

use interview_console::guide::rich::Unfilled;
use interview_console::guide::{Guide, RichText};

/// What a person reads of a guide text.
fn read(text: &str) -> String {
    RichText::parse(text).plain(&Unfilled)
}

const SEED: &str = include_str!("../assets/guides/infosec.seed.md");
const YAML: &str = include_str!("../assets/guides/infosec.yaml");

/// `* [question](url)` lines of the seed, in order. Every `* ` line is one: none is
/// skipped for being written differently.
fn seed_questions() -> Vec<(String, String)> {
    SEED.lines()
        .filter(|line| line.starts_with("* "))
        .map(|line| {
            let parsed = line
                .strip_prefix("* [")
                .and_then(|rest| rest.split_once("]("))
                .and_then(|(text, url)| {
                    Some((text.to_string(), url.strip_suffix(')')?.to_string()))
                });
            parsed.unwrap_or_else(|| panic!("not a `* [question](url)` line: {line}"))
        })
        .collect()
}

/// The introductory statement's paragraphs: the `> *…*` quote blocks, lines joined by a
/// space as Markdown renders them.
fn seed_intro_paragraphs() -> Vec<Vec<String>> {
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in SEED.lines() {
        if let Some(first) = line.strip_prefix("> *") {
            current = Some(vec![first.to_string()]);
        } else if let Some(lines) = current.as_mut() {
            if line.is_empty() {
                paragraphs.extend(current.take());
            } else {
                lines.push(line.to_string());
            }
        }
    }
    paragraphs.extend(current);
    for paragraph in &mut paragraphs {
        if let Some(last) = paragraph.last_mut() {
            *last = last.strip_suffix('*').expect("quote ends in *").to_string();
        }
    }
    paragraphs
}

/// SHA-256 of the seed as it was copied in: the copy cannot drift unnoticed, even where the
/// shared seed is not beside the checkout.
const SEED_SHA256: &str = "2d5f9100478b7112ec6ab46fd33703d827da0dbe8ded2f286b4457d07c05a298";

#[test]
fn seed_copy_is_the_seed_as_copied() {
    use sha2::{Digest, Sha256};
    let digest: String = Sha256::digest(SEED.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(digest, SEED_SHA256, "assets/guides/infosec.seed.md changed");
}

#[test]
fn seed_copy_is_the_shared_seed() {
    // When the shared seed is beside the checkout, the copy kept here must be it.
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds/000_e2fd55b66b60c830.txt");
    match std::fs::read_to_string(&shared) {
        Ok(text) => assert_eq!(text, SEED),
        Err(e) => {
            // Straight to stderr: the test harness keeps `eprintln!` of a passing test to
            // itself, and a skip must be seen.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "skipped: seed_copy_is_the_shared_seed: {} ({e}); the project's copy is \
                 checked against its SHA-256 and the guide instead",
                shared.display()
            );
        }
    }
}

#[test]
fn every_question_is_the_seeds_text_with_its_link() {
    let guide = Guide::builtin().unwrap();
    let seed = seed_questions();
    assert_eq!(seed.len(), 8, "the seed has eight questions");
    let ours: Vec<(String, String)> = guide
        .questions
        .iter()
        .map(|q| (read(&q.text), q.guidelines_url.clone().unwrap_or_default()))
        .collect();
    assert_eq!(ours, seed);
}

#[test]
fn the_intro_statement_is_the_seeds_three_paragraphs() {
    let guide = Guide::builtin().unwrap();
    let seed = seed_intro_paragraphs();
    assert_eq!(seed.len(), 3);
    let joined: Vec<String> = seed.iter().map(|lines| lines.join(" ")).collect();
    let read_aloud: Vec<String> = guide.intro.statement.iter().map(|p| read(p)).collect();
    assert_eq!(read_aloud, joined);
    assert!(guide.intro.statement[0].contains("There are no “right” answers; I’m interested"));
}

#[test]
fn every_line_of_the_intro_statement_stands_in_the_yaml_as_in_the_seed() {
    let yaml_lines: Vec<&str> = YAML.lines().map(str::trim).collect();
    for line in seed_intro_paragraphs().concat() {
        assert!(
            yaml_lines.contains(&line.as_str()),
            "not in the YAML as a line: {line}"
        );
    }
}

#[test]
fn the_intro_instruction_and_reminders_come_from_the_seed() {
    let guide = Guide::builtin().unwrap();
    assert!(SEED.contains(&format!("**{}**", guide.intro.instruction)));
    // The seed's prose without emphasis marks, in lower case: the reminders are its
    // sentences, shortened where the seed goes on.
    let prose = SEED.replace('*', "").replace('\n', " ").to_lowercase();
    assert_eq!(guide.reminders.len(), 3);
    for reminder in &guide.reminders {
        let sentence = reminder.trim_end_matches('.').to_lowercase();
        assert!(
            prose.contains(&sentence),
            "not the seed's words: {reminder}"
        );
    }
}

#[test]
fn roles_are_the_seeds_three() {
    let guide = Guide::builtin().unwrap();
    let names: Vec<&str> = guide.roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Application Security Engineer",
            "Security Operations Engineer",
            "Penetration Tester"
        ]
    );
    assert_eq!(guide.timing.minutes, 60);
}
