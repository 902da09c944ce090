//! Everything the subcommands print goes through here, cleaned for the terminal first (see
//! `safe_text`): names, titles, notes, ids, file names and the error messages that quote
//! them come from files that may be hostile. Writes are unchecked: when the pipe or the
//! terminal is gone there is no one to tell, and `println!` would panic.

use std::fmt::Display;
use std::io::{self, BufRead, Write};

use interview_console::safe_text;

/// Text of several lines for standard output (Markdown, a report, a summary), as it is but
/// for the characters a terminal would obey.
pub fn text(text: &str) {
    let _ = io::stdout().write_all(safe_text::block(text).as_bytes());
}

/// One line for standard output.
pub fn line(text: impl Display) {
    let _ = writeln!(io::stdout(), "{}", safe_text::line(&text.to_string()));
}

/// One line for standard error, a note beside the output ("Wrote …").
pub fn note(text: impl Display) {
    let _ = writeln!(io::stderr(), "{}", safe_text::line(&text.to_string()));
}

/// One line for standard error: what went wrong, or what was skipped.
pub fn error(message: impl Display) {
    note(format_args!("interview-console: {message}"));
}

/// Asks a yes/no question on the terminal; Enter alone takes `default`.
pub fn ask(question: impl Display, default: bool) -> bool {
    let mut out = io::stdout();
    let _ = write!(out, "{}", safe_text::line(&question.to_string()));
    let _ = out.flush();
    let mut answer = String::new();
    if io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    match answer.trim().to_lowercase().as_str() {
        "" => default,
        a => a == "y" || a == "yes",
    }
}
