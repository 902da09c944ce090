//! The guide library (`$XDG_CONFIG_HOME/interview-console/guides/NAME.yaml`), `guides`,
//! `--guide NAME`, `check-guide` with question ids and placeholders, and `--set`, on the
//! real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const VALUES: &str = include_str!("fixtures/guides/values.yaml");

/// A fresh folder under the target directory.
fn tempdir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "guide-library-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A configuration folder whose library holds the values guide and a broken one.
fn config() -> PathBuf {
    let config = tempdir();
    let library = config.join("interview-console/guides");
    std::fs::create_dir_all(&library).unwrap();
    std::fs::write(library.join("values.yaml"), VALUES).unwrap();
    std::fs::write(
        library.join("broken.yaml"),
        "title: Broken\nintro:\n  statement: [Hi.]\nsections:\n  - title: S\n    questions:\n      - id: a\n        text: Tell me about {thing}.\n",
    )
    .unwrap();
    config
}

fn run(config: &Path, args: &[&str]) -> Output {
    let data = tempdir();
    Command::new(env!("CARGO_BIN_EXE_interview-console"))
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_DATA_HOME", &data)
        .env("XDG_STATE_HOME", &data)
        .env("HOME", &data)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn guides_lists_the_built_in_guide_and_the_library() {
    let config = config();
    let output = run(&config, &["guides"]);
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "infosec (built in): Infosec Interview Guide · 8 questions · Application Security Engineer 6, Security Operations Engineer 6, Penetration Tester 6"
    );
    let broken = config.join("interview-console/guides/broken.yaml");
    assert_eq!(
        lines[1],
        format!(
            "broken: not a guide: {}:8:15: question `a` uses the unknown placeholder `{{thing}}`; known: {{candidate}}, {{interviewer}} (declare it under `placeholders`, or write `\\{{` for a brace)",
            broken.display()
        )
    );
    assert_eq!(
        lines[2],
        "values: Values interview · 4 questions · no roles"
    );
    assert!(lines[3].starts_with("Library: "), "{text}");

    let empty = tempdir();
    let text = stdout(&run(&empty, &["guides"]));
    assert!(
        text.contains("No guides in the library yet: put NAME.yaml in"),
        "{text}"
    );
}

#[test]
fn a_guide_is_found_by_name_and_a_file_by_path() {
    let config = config();
    // `--set` with an id the guide lacks is refused, naming the guide's own: the library's
    // values guide was loaded.
    let output = run(
        &config,
        &[
            "--guide",
            "values",
            "--candidate",
            "Sam",
            "--set",
            "projct=Apollo",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "--set projct=…: no placeholder `projct` to fill (the guide's placeholders: project)"
        ),
        "{}",
        stderr(&output)
    );
    let output = run(&config, &["--guide", "infosec", "--set", "a=b"]);
    assert!(
        stderr(&output).contains("the guide declares no placeholders"),
        "`infosec` is the built-in guide: {}",
        stderr(&output)
    );
    let output = run(&config, &["--guide", "values", "--set", "candidate=Sam"]);
    assert!(stderr(&output).contains("use --candidate for `{candidate}`"));
    let output = run(&config, &["--guide", "values", "--role", "dev"]);
    assert!(
        stderr(&output).contains("this guide has no roles: leave out --role"),
        "{}",
        stderr(&output)
    );
    let output = run(&config, &["--guide", "nope"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no guide file or library guide named \"nope\""),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("infosec, broken, values"));
    let output = run(&config, &["--guide", "values", "--questions", "nope"]);
    assert!(
        stderr(&output).contains("no question `nope` in this guide"),
        "a guide without roles takes --questions without --role: {}",
        stderr(&output)
    );
}

#[test]
fn check_guide_prints_every_question_id_and_the_placeholders() {
    let config = config();
    let output = run(&config, &["check-guide", "values"]);
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    let expected = "\
  No roles, every question for anyone: 4 questions offered, 3 planned by default
Questions (id: section; --questions takes the ids):
  project-story: Work experience (pick 1 of 2)
  difficult-client: Work experience (pick 1 of 2)
  disagreement: Working together
  sharing: Working together
Placeholders ({id} in the text):
  {candidate} {interviewer}: filled from the plan
  {project}: A project from their resume (the setup screen asks; --set project=VALUE)
";
    assert!(text.ends_with(expected), "{text}");
    let builtin = stdout(&run(&config, &["check-guide", "infosec"]));
    assert!(
        builtin
            .contains("  interesting-vulnerability: Questions for Penetration Testers [pentest]\n")
    );
    assert!(builtin.contains("  {candidate} {interviewer} {role}: filled from the plan\n"));
}
