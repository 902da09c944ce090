//! Command line: read and check everything the flags name before the terminal is touched.

#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod commands;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use interview_console::guide::MAX_MINUTES;
use interview_console::tui::model::NotesKeys;
use interview_console::tui::view::style::ThemeName;

/// Run a structured behavioral interview: what to say, word for word, the hour, and notes.
///
/// With --role and --candidate the console opens on the intro; otherwise a setup screen
/// asks for what is missing. Notes are saved as you type (see `list`, `resume`, `export`).
#[derive(Debug, Parser)]
#[command(version, about, long_about)]
pub struct Cli {
    /// Interview guide to use instead of the built-in infosec guide: a YAML file, or the
    /// name of one in the guide library (see `guides`).
    #[arg(long, value_name = "FILE|NAME", global = true)]
    guide: Option<String>,
    /// The config file to read (default: $XDG_CONFIG_HOME/interview-console/config.toml).
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
    /// Colours: dark, light, high-contrast or mono (default: dark; mono with NO_COLOR).
    #[arg(long, value_enum, global = true)]
    theme: Option<ThemeName>,
    /// How the notes are edited: standard keys, or vim's modes.
    #[arg(long, value_enum, global = true)]
    notes_keys: Option<NotesKeys>,
    /// Leave the mouse to the terminal (no wheel, no clicks).
    #[arg(long, global = true)]
    no_mouse: bool,
    /// Role interviewed for: a role id of the guide (built-in: appsec, secops, pentest) or its name.
    #[arg(long)]
    role: Option<String>,
    /// The candidate's name.
    #[arg(long)]
    candidate: Option<String>,
    /// Your name (default: the config file's, or $USER, or $LOGNAME).
    #[arg(long, global = true)]
    interviewer: Option<String>,
    /// Planned length of the interview in minutes (default: the config file's, or the guide's).
    #[arg(long, global = true, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_MINUTES)))]
    minutes: Option<u32>,
    /// Question ids to ask, in order, comma-separated (default: the guide's plan for the role).
    #[arg(long, value_delimiter = ',', value_name = "ID,ID,…")]
    questions: Option<Vec<String>>,
    /// Fill one of the guide's placeholders (`{project}` in its text); repeat for more.
    #[arg(long, value_name = "ID=VALUE", value_parser = id_and_value)]
    set: Vec<(String, String)>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Go on with a saved interview (default: the newest unfinished one).
    Resume {
        /// The session id, as `list` shows it, or a session file: a recovery file, or a
        /// colleague's export (imported as a new session).
        id: Option<String>,
    },
    /// List saved interviews, newest first: id, date, candidate, role, interviewer, status, duration.
    List,
    /// Write an interview out: a Markdown scorecard, the full record as JSON, or the
    /// hand-off to the next interviewer.
    Export {
        /// The session id, as `list` shows it, or a session file (a JSON export).
        id: String,
        /// Markdown or JSON (default: JSON for an --output file ending in .json, otherwise
        /// Markdown).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// The hand-off for the next interviewer instead (Markdown): the candidate, the
        /// role, the questions already asked and the hand-off note; no rating, no
        /// recommendation, no notes.
        #[arg(long, conflicts_with = "format")]
        handoff: bool,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the --output file if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Make a finished interview in progress again, so `resume` goes on with its clock.
    Reopen {
        /// The session id, as `list` shows it.
        id: String,
    },
    /// Delete an interview for good (asks first unless --yes).
    Delete {
        /// The session id, as `list` shows it.
        id: String,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
    },
    /// One Markdown report of several interviewers' sessions with the same candidate:
    /// ratings side by side, notes, recommendations, disagreements flagged.
    Debrief {
        /// JSON exports or session ids, two or more.
        #[arg(required = true, num_args = 2..)]
        sessions: Vec<String>,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the --output file if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Candidates against questions, with ratings and time spent, for the sessions of the
    /// guide in use (the built-in one, or --guide).
    Report {
        /// Only this role (id or name).
        #[arg(long)]
        role: Option<String>,
    },
    /// Check a guide and summarize it, without starting an interview: its roles, every
    /// question id (for --questions) and its placeholders (for --set).
    CheckGuide {
        /// The guide to check: a YAML file, or a name from the guide library.
        #[arg(value_name = "FILE|NAME")]
        guide: String,
    },
    /// List the guides --guide can name: the built-in one and the library's
    /// ($XDG_CONFIG_HOME/interview-console/guides/NAME.yaml), with title, roles and questions.
    Guides,
    /// Make a guide file from a Markdown interview guide; lines that need a person's
    /// judgment are marked `# CHECK:`.
    Import {
        /// The Markdown guide.
        file: PathBuf,
        /// Write the guide here instead of standard output.
        #[arg(long, value_name = "GUIDE.yaml")]
        output: Option<PathBuf>,
        /// Replace the --output file if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// The config file's path and the settings in force, each with where it came from.
    Config,
    /// A completion script for a shell, on standard output.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff), on standard output.
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Markdown,
    Json,
}

/// `project=Apollo` as (`project`, `Apollo`).
fn id_and_value(arg: &str) -> Result<(String, String), String> {
    match arg.split_once('=') {
        Some((id, value)) if !id.trim().is_empty() => {
            Ok((id.trim().to_string(), value.to_string()))
        }
        _ => Err("expected ID=VALUE, as in project=Apollo".into()),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::dispatch(cli) {
        Ok(code) => code,
        Err(commands::Failure { message, code }) => {
            output::error(message);
            ExitCode::from(code)
        }
    }
}
