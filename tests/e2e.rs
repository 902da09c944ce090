//! The release-shaped binary in a real pseudo-terminal, typed into as an interviewer would.

mod support;

use support::{CTRL_N, CTRL_P, CTRL_Q, Console};

#[test]
fn an_interview_from_intro_to_quit_keeps_each_phases_notes() {
    let mut console = Console::spawn(
        &["--role", "pentest", "--candidate", "Sam Lee"],
        80,
        24,
        &[],
    );
    console.wait_for("Thanks for interviewing with me today.");
    console.wait_for("Notes · Intro");

    console.type_text("joined two minutes late");
    console.wait_for("joined two minutes late");

    console.send(CTRL_N);
    console.wait_for("Notes · Q1");
    console.wait_for("Tell me about an existing security practice or process that you helped");
    console.type_text("moved SAST into CI");
    console.wait_for("moved SAST into CI");
    assert!(!console.screen_text().contains("joined two minutes late"));

    console.send(CTRL_P);
    console.wait_for("Notes · Intro");
    console.wait_for("joined two minutes late");
    assert!(!console.screen_text().contains("moved SAST into CI"));

    console.send(CTRL_N);
    console.wait_for("moved SAST into CI");

    // A bracketed paste arrives as one event, line breaks and all.
    console.send(b"\r\x1b[200~\"we chained it\"\rto the metadata service\x1b[201~");
    console.wait_for("\"we chained it\"");
    console.wait_for("to the metadata service");

    console.send(CTRL_Q);
    console.wait_for("Quit the interview?");
    console.type_text("y");
    assert_eq!(console.wait_exit(), 0);
    console.with_screen(|screen| {
        assert!(!screen.alternate_screen(), "left the alternate screen");
        assert!(!screen.bracketed_paste(), "bracketed paste switched off");
    });
}

#[test]
fn without_a_candidate_the_setup_screen_asks_and_then_starts() {
    let mut console = Console::spawn(&["--role", "appsec"], 80, 24, &[("USER", "alex")]);
    console.wait_for("New interview");
    console.wait_for("Interviewer  alex");
    console.type_text("Jo Park\r");
    console.wait_for("Infosec · Application Security Engineer · Jo Park");
    console.wait_for("Thanks for interviewing with me today.");
    console.send(CTRL_Q);
    console.wait_for("Quit the interview?");
    console.type_text("y");
    assert_eq!(console.wait_exit(), 0);
}

#[test]
fn a_tiny_terminal_says_how_big_it_needs_to_be() {
    let mut console = Console::spawn(&["--role", "pentest", "--candidate", "Sam"], 50, 12, &[]);
    console.wait_for("Enlarge the terminal");
    console.send(CTRL_Q);
    console.type_text("y");
    assert_eq!(console.wait_exit(), 0);
}

#[test]
fn a_panic_gives_the_terminal_back_and_says_what_happened() {
    let env = [("INTERVIEW_CONSOLE_TEST_PANIC", "1")];
    let mut console = Console::spawn(&["--role", "pentest", "--candidate", "Sam"], 80, 24, &env);
    console.wait_for("Thanks for interviewing with me today.");
    console.send(b"\x1b[24~"); // F12
    assert_ne!(console.wait_exit(), 0);
    console.wait_for("test panic requested with F12");
    console.with_screen(|screen| {
        assert!(!screen.alternate_screen(), "left the alternate screen");
        assert!(!screen.bracketed_paste(), "bracketed paste switched off");
    });
}

/// Clock ticks draw only the parts that change with time; a whole frame after them must still
/// write whatever differs from what the ticks left on screen. A rating's message fades on
/// a tick; rating again draws a whole frame whose footer is the one the last whole frame
/// had, and it must show again.
#[test]
fn a_whole_frame_after_clock_ticks_shows_what_it_draws() {
    let mut console = Console::spawn(&["--role", "pentest", "--candidate", "Sam"], 80, 24, &[]);
    console.wait_for("Notes · Intro");
    console.send(CTRL_N);
    console.wait_for("Notes · Q1");
    console.send(b"\x1b3"); // Alt+3
    console.wait_for("Q1 rating: Yes");
    console.wait_until("the message faded on a tick", |s| {
        !s.contents().contains("Q1 rating: Yes")
    });
    console.send(b"\x1b3");
    console.wait_for("Q1 rating: Yes");
    console.send(CTRL_Q);
    console.type_text("y");
    assert_eq!(console.wait_exit(), 0);
}
