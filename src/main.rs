//! Command line: read and check everything the flags name before the terminal is touched.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use interview_console::guide::Guide;
use interview_console::interview::plan::find_role;
use interview_console::interview::{Plan, QuestionChoice};
use interview_console::tui::{self, app::App, setup::Prefill};

/// Run a structured behavioral interview: what to say, word for word, the hour, and notes.
///
/// With --role and --candidate the console opens on the intro; otherwise a setup screen
/// asks for what is missing.
#[derive(Debug, Parser)]
#[command(version, about, long_about)]
struct Cli {
    /// Interview guide (YAML) to use instead of the built-in infosec guide.
    #[arg(long, value_name = "FILE", global = true)]
    guide: Option<PathBuf>,
    /// Role interviewed for: a role id of the guide (built-in: appsec, secops, pentest) or its name.
    #[arg(long)]
    role: Option<String>,
    /// The candidate's name.
    #[arg(long)]
    candidate: Option<String>,
    /// Your name (default: $USER, or $LOGNAME).
    #[arg(long)]
    interviewer: Option<String>,
    /// Planned length of the interview in minutes (default: the guide's).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=600))]
    minutes: Option<u32>,
    /// Question ids to ask, in order, comma-separated (default: the guide's plan for the role).
    #[arg(long, value_delimiter = ',', value_name = "ID,ID,…")]
    questions: Option<Vec<String>>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a guide file and summarize it, without starting an interview.
    CheckGuide {
        /// The guide to check.
        file: PathBuf,
    },
}

/// Exit status for input the console refuses (a bad guide, an unknown role, …).
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure { message, code }) => {
            eprintln!("interview-console: {message}");
            ExitCode::from(code)
        }
    }
}

struct Failure {
    message: String,
    code: u8,
}

fn bad_input(message: impl ToString) -> Failure {
    Failure {
        message: message.to_string(),
        code: BAD_INPUT,
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    if let Some(Command::CheckGuide { file }) = &cli.command {
        let guide = Guide::load(file).map_err(bad_input)?;
        println!("{}", summary(&guide, &file.display().to_string()));
        return Ok(());
    }
    let guide = match &cli.guide {
        Some(path) => Guide::load(path),
        None => Guide::builtin(),
    }
    .map_err(bad_input)?;
    let app = app_for(&cli, guide)?;

    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(bad_input(
            "needs a terminal: run it in a terminal window, not with input or output redirected",
        ));
    }
    tui::run(app).map_err(|e| Failure {
        message: format!("terminal error: {e}"),
        code: 1,
    })
}

/// The app the flags ask for: straight into the interview when they say enough, otherwise
/// the setup screen filled in with what they do say.
fn app_for(cli: &Cli, guide: Guide) -> Result<App, Failure> {
    let role = cli
        .role
        .as_deref()
        .map(|r| find_role(&guide, r))
        .transpose()
        .map_err(bad_input)?;
    let choice = match (&cli.questions, role) {
        (Some(ids), Some(role)) => {
            Some(QuestionChoice::from_ids(&guide, role, ids).map_err(bad_input)?)
        }
        (Some(_), None) => {
            return Err(bad_input(
                "--questions needs --role: question ids depend on the role",
            ));
        }
        (None, _) => None,
    };
    let interviewer = cli
        .interviewer
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        .unwrap_or_default();

    if let (Some(role), Some(candidate)) = (role, &cli.candidate) {
        if candidate.trim().is_empty() {
            return Err(bad_input("--candidate is empty"));
        }
        let choice = choice.unwrap_or_else(|| QuestionChoice::default_for(&guide, role));
        let minutes = cli.minutes.unwrap_or(guide.timing.minutes);
        let plan = Plan::new(&guide, role, candidate, &interviewer, minutes, &choice)
            .map_err(bad_input)?;
        return Ok(App::started(guide, plan, Instant::now()));
    }
    let prefill = Prefill {
        role_index: role.and_then(|r| guide.roles.iter().position(|x| x.id == r.id)),
        candidate: cli.candidate.clone(),
        interviewer: Some(interviewer),
        minutes: cli.minutes,
        choice,
    };
    Ok(App::new(guide, prefill))
}

fn summary(guide: &Guide, file: &str) -> String {
    let mut out = format!(
        "{file}: ok · {} · {} minutes\n",
        guide.title, guide.timing.minutes
    );
    for role in &guide.roles {
        let choice = QuestionChoice::default_for(guide, role);
        out.push_str(&format!(
            "  {} ({}): {} questions offered, {} planned by default\n",
            role.name,
            role.id,
            choice.offered().len(),
            choice.chosen_count()
        ));
    }
    out.trim_end().to_string()
}
