//! The real binary as different interviewers set it up: the mouse in a pseudo-terminal,
//! NO_COLOR, a config file, TERM, and the completion and manual generators.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::{CTRL_N, CTRL_Q, Console, fresh_dir};

/// A wheel notch or a left click at a cell (from 0), as an xterm reports it (SGR).
fn wheel_down(column: u16, row: u16) -> Vec<u8> {
    format!("\x1b[<65;{};{}M", column + 1, row + 1).into_bytes()
}

fn click(column: u16, row: u16) -> Vec<u8> {
    format!(
        "\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m",
        x = column + 1,
        y = row + 1
    )
    .into_bytes()
}

/// Where `text` is on the console's screen.
fn spot(console: &Console, text: &str) -> (u16, u16) {
    console.with_screen(|screen| {
        let contents = screen.contents();
        let (row, line) = contents
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(text))
            .unwrap_or_else(|| panic!("{text:?} not on screen:\n{contents}"));
        let column = line[..line.find(text).unwrap()].chars().count();
        (u16::try_from(column).unwrap(), u16::try_from(row).unwrap())
    })
}

fn quit(console: &mut Console) {
    console.send(CTRL_Q);
    console.wait_for("Quit the interview?");
    console.type_text("y");
    assert_eq!(console.wait_exit(), 0);
}

#[test]
fn the_wheel_scrolls_the_script_and_a_click_on_the_strip_goes_to_the_phase() {
    let mut console = Console::spawn(&["--role", "pentest", "--candidate", "Sam"], 80, 24, &[]);
    console.wait_for("Thanks for interviewing with me today.");
    console.with_screen(|screen| {
        assert_ne!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "the mouse is on by default"
        );
    });
    console.send(CTRL_N);
    console.wait_for("Notes · Q1");
    console.wait_for("PgDn ↓ more");
    let (_, script_row) = spot(&console, "Say exactly");
    console.send(&wheel_down(10, script_row + 3));
    console.wait_for("PgUp ↑");

    let (column, row) = spot(&console, "Q3");
    console.send(&click(column, row));
    console.wait_for("Notes · Q3");
    quit(&mut console);
    console.with_screen(|screen| {
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "the mouse is given back"
        );
    });
}

#[test]
fn with_the_mouse_off_the_terminal_keeps_it() {
    let mut console = Console::spawn(
        &["--role", "pentest", "--candidate", "Sam", "--no-mouse"],
        80,
        24,
        &[],
    );
    console.wait_for("Thanks for interviewing with me today.");
    console.with_screen(|screen| {
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    });
    quit(&mut console);
}

#[test]
fn no_color_keeps_the_meaning_without_a_colour() {
    let mut console = Console::spawn(
        &["--role", "pentest", "--candidate", "Sam"],
        80,
        24,
        &[("NO_COLOR", "1")],
    );
    console.wait_for("Thanks for interviewing with me today.");
    console.send(CTRL_N);
    console.wait_for("Notes · Q1");
    console.type_text("she seems sharp\r\"we chained it\"");
    console.wait_for("\"we chained it\"");
    let (seems, y) = spot(&console, "seems");
    let (quote, quote_y) = spot(&console, "\"we chained it\"");
    let (current, strip) = spot(&console, "Q1 ●");
    console.with_screen(|screen| {
        let cell = |x: u16, y: u16| screen.cell(y, x).expect("a cell");
        assert!(cell(seems, y).underline(), "an impression word");
        assert!(cell(quote + 1, quote_y).italic(), "the candidate's words");
        assert!(cell(current, strip).inverse(), "the current phase");
        for row in 0..24 {
            for column in 0..80 {
                let c = cell(column, row);
                assert_eq!(
                    (c.fgcolor(), c.bgcolor()),
                    (vt100::Color::Default, vt100::Color::Default),
                    "no colour at {column},{row}"
                );
            }
        }
    });
    quit(&mut console);
}

fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let data = fresh_dir("data");
    let config = fresh_dir("config");
    let mut command = Command::new(env!("CARGO_BIN_EXE_interview-console"));
    command
        .args(args)
        .env("XDG_DATA_HOME", &data)
        .env("XDG_CONFIG_HOME", &config)
        .env("TMPDIR", fresh_dir("tmp"))
        .env_remove("NO_COLOR");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run the console")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A config file of its own, in a folder of its own.
fn config_file(contents: &str) -> std::path::PathBuf {
    let path = fresh_dir("config").join("config.toml");
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn config_says_where_each_setting_comes_from_and_flags_win() {
    let path = config_file("interviewer = \"Kim\"\nminutes = 45\ntheme = \"light\"\n");
    let out = run(
        &[
            "config",
            "--config",
            path.to_str().unwrap(),
            "--minutes",
            "30",
        ],
        &[("USER", "alex"), ("NO_COLOR", "1")],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    let line = |name: &str| {
        said.lines()
            .find(|l| l.starts_with(&format!("{name} = ")))
            .unwrap_or_else(|| panic!("no {name} in {said}"))
            .to_string()
    };
    assert!(said.starts_with(&format!("# config file: {}\n", path.display())));
    assert!(line("interviewer").contains("\"Kim\"") && line("interviewer").ends_with("# file"));
    assert!(line("minutes").contains("30") && line("minutes").ends_with("# flag"));
    assert!(line("theme").contains("\"light\"") && line("theme").ends_with("# file"));
    assert!(line("mouse").ends_with("# default"));
    assert!(line("next_phase").contains("\"Ctrl+N\""));

    let missing = run(&["config"], &[("USER", "alex"), ("NO_COLOR", "1")]);
    let said = text(&missing.stdout);
    assert!(said.contains("(not there: defaults)"), "{said}");
    assert!(said.contains("environment (USER)"), "{said}");
    assert!(said.contains("environment (NO_COLOR)"), "{said}");
}

#[test]
fn a_bad_config_file_is_refused_before_the_terminal_is_touched() {
    let path = config_file("minutes = 45\n[keys]\nquit = \"Ctrl+N\"\n");
    let out = run(
        &["--config", path.to_str().unwrap(), "--role", "pentest"],
        &[("TERM", "xterm")],
    );
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out.stderr);
    assert!(
        said.contains(&format!(
            "{}:3:1: Ctrl+N is bound to both `next_phase` and `quit`",
            path.display()
        )),
        "{said}"
    );
    assert!(
        !text(&out.stdout).contains('\x1b'),
        "the terminal was left alone"
    );
}

#[test]
fn the_interview_needs_a_term_that_can_draw_and_subcommands_do_not() {
    for term in [Some("dumb"), None] {
        let mut command = Command::new(env!("CARGO_BIN_EXE_interview-console"));
        command
            .args(["--role", "pentest", "--candidate", "Sam"])
            .env("XDG_DATA_HOME", fresh_dir("data"))
            .env("XDG_CONFIG_HOME", fresh_dir("config"));
        match term {
            Some(term) => command.env("TERM", term),
            None => command.env_remove("TERM"),
        };
        let out = command.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{term:?}");
        let said = text(&out.stderr);
        assert!(
            said.contains("needs a terminal that can move the cursor"),
            "{said}"
        );
        assert!(said.contains("TERM=xterm-256color"), "{said}");
        assert!(out.stdout.is_empty(), "the terminal was left alone");
    }
    let listed = run(&["list"], &[("TERM", "dumb")]);
    assert!(listed.status.success());
}

#[test]
fn completions_and_the_manual_come_from_the_command_line_definitions() {
    for (shell, expected) in [
        ("bash", "complete -F _interview__console"),
        ("zsh", "#compdef interview-console"),
        ("fish", "complete -c interview-console"),
    ] {
        let out = run(&["completions", shell], &[]);
        assert!(out.status.success(), "{shell}");
        let script = text(&out.stdout);
        assert!(script.contains(expected), "{shell}: {script}");
        assert!(
            script.contains("check-guide"),
            "{shell} completes subcommands"
        );
        assert!(script.contains("notes-keys"), "{shell} completes flags");
    }
    let man = run(&["man"], &[]);
    assert!(man.status.success());
    let page = text(&man.stdout);
    assert!(page.contains(".TH interview-console 1"), "{page}");
    assert!(page.contains("\\-\\-theme"), "{page}");
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("README.md")
            .exists()
    );
}
