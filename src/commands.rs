//! What each command line does. Everything that can be refused is refused here, before the
//! terminal is touched.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Instant, SystemTime};

use chrono::{Duration as ChronoDuration, Local, Utc};

use interview_console::config::{self, Environment, Flags, Settings, Source};
use interview_console::guide::{BUILTIN_GUIDE_NAME, Guide};
use interview_console::import::import;
use interview_console::interview::evidence::ImpressionMatcher;
use interview_console::interview::plan::find_role;
use interview_console::interview::{Plan, QuestionChoice, resume_gap};
use interview_console::listing::list_lines;
use interview_console::markdown::{consistency, debrief, handoff, scorecard};
use interview_console::safe_text;
use interview_console::store::autosave::SessionFile;
use interview_console::store::files::{write_bytes_atomic, write_new_bytes_atomic};
use interview_console::store::library::{BUILTIN_NAME, GuideSource, Library};
use interview_console::store::recovery::RecoveryPlaces;
use interview_console::store::sessions::{read_record, record_json};
use interview_console::store::{
    LoadError, SessionId, SessionLock, SessionRecord, SessionStore, Status,
};
use interview_console::tui::model::{Model, WallClock};
use interview_console::tui::setup_form::Prefill;
use interview_console::tui::{Ending, Saved, Storage, run_console};

use clap::CommandFactory;

use crate::{Cli, Command, Format, output};

/// Exit status for input the console refuses (a bad guide, an unknown role, …).
const BAD_INPUT: u8 = 2;
/// Exit status when the notes could not go where they belong (they went elsewhere).
const NOT_SAVED: u8 = 1;
/// How recent an unfinished session must be for a bare start to offer it.
const OFFER_RESUME_WITHIN_HOURS: i64 = 4;

pub struct Failure {
    pub message: String,
    pub code: u8,
}

fn bad_input(message: impl ToString) -> Failure {
    Failure {
        message: message.to_string(),
        code: BAD_INPUT,
    }
}

pub fn dispatch(cli: Cli) -> Result<ExitCode, Failure> {
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            let mut command = Cli::command();
            clap_complete::generate(*shell, &mut command, "interview-console", &mut script);
            output::text(&String::from_utf8_lossy(&script));
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .map_err(|e| Failure {
                    message: e.to_string(),
                    code: NOT_SAVED,
                })?;
            output::text(&String::from_utf8_lossy(&page));
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let settings = settings(&cli)?;
    if let Some(Command::Config) = &cli.command {
        output::text(&settings.describe());
        return Ok(ExitCode::SUCCESS);
    }
    let store = sessions(&settings);
    if !matches!(
        cli.command,
        Some(Command::CheckGuide { .. } | Command::Import { .. } | Command::Guides)
    ) {
        store.remove_leftovers(SystemTime::now());
    }
    let cli = Configured {
        cli: &cli,
        settings: &settings,
    };
    match &cli.cli.command {
        Some(Command::Config | Command::Completions { .. } | Command::Man) => Ok(ExitCode::SUCCESS),
        Some(Command::CheckGuide { guide }) => {
            let source = Library::from_environment()
                .resolve(guide)
                .map_err(bad_input)?;
            let name = match &source {
                GuideSource::Builtin => BUILTIN_GUIDE_NAME.to_string(),
                GuideSource::File(path) => path.display().to_string(),
            };
            let guide = source.load().map_err(bad_input)?;
            output::text(&summary(&guide, &name));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Guides) => {
            output::text(&guides(&Library::from_environment()));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import {
            file,
            output,
            force,
        }) => {
            let output = Output::of(output.as_deref(), *force);
            import_guide(file, output)
        }
        Some(Command::List) => list(&store),
        Some(Command::Export {
            id,
            format,
            handoff,
            output,
            force,
        }) => {
            let output = Output::of(output.as_deref(), *force);
            let what = if *handoff {
                Exported::Handoff
            } else {
                Exported::Record(*format)
            };
            export(&store, id, what, output)
        }
        Some(Command::Reopen { id }) => reopen(&store, id),
        Some(Command::Delete { id, yes }) => delete(&store, id, *yes),
        Some(Command::Debrief {
            sessions,
            output,
            force,
        }) => {
            let records = sessions
                .iter()
                .map(|s| load_any(&store, s))
                .collect::<Result<Vec<_>, _>>()?;
            refuse_the_same_interview_twice(sessions, &records)?;
            let guide = load_guide(cli)?;
            let impressions = ImpressionMatcher::new(&guide.impression_words);
            let report = debrief(&records, &impressions).map_err(bad_input)?;
            let output = Output::of(output.as_deref(), *force);
            write_output(output, &report)
        }
        Some(Command::Report { role }) => {
            let guide = load_guide(cli)?;
            let (records, bad) = store.list();
            for error in &bad {
                output::error(format_args!("skipped {error}"));
            }
            let role = role
                .as_deref()
                .map(|role| find_role(&guide, role))
                .transpose()
                .map_err(bad_input)?;
            output::text(&consistency(&records, &guide, role));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Resume { id }) => {
            let guide = load_guide(cli)?;
            let record = match id.as_deref().map(named) {
                Some(Named::Session(id)) => store.load(&id).map_err(bad_input)?,
                Some(Named::File(file)) => return resume_file(cli, guide, store, file),
                None => store
                    .list()
                    .0
                    .into_iter()
                    .find(|r| r.status == Status::InProgress)
                    .ok_or_else(|| bad_input("no unfinished interview to resume (see `list`)"))?,
            };
            resume(cli, guide, store, &record, Resuming::Session(None))
        }
        None => start(cli, store),
    }
}

/// The command line with the settings it is run with.
#[derive(Clone, Copy)]
struct Configured<'a> {
    cli: &'a Cli,
    settings: &'a Settings,
}

/// The settings in force: the config file, the environment and the flags (see `config`).
/// A config file that cannot be used is refused here, before anything else.
fn settings(cli: &Cli) -> Result<Settings, Failure> {
    let flags = Flags {
        config: cli.config.clone(),
        interviewer: cli.interviewer.clone(),
        minutes: cli.minutes,
        guide: cli.guide.clone().map(PathBuf::from),
        theme: cli.theme,
        notes_keys: cli.notes_keys,
        no_mouse: cli.no_mouse,
    };
    let path = cli.config.clone().or_else(config::default_path);
    if let Some(named) = &cli.config
        && !named.is_file()
    {
        return Err(bad_input(format!(
            "{}: no such config file",
            named.display()
        )));
    }
    Settings::load(path, &flags, &Environment::current()).map_err(bad_input)
}

/// The sessions folder: the config file's data folder, the platform's, or the temporary
/// folder when there is no home to find one in.
fn sessions(settings: &Settings) -> SessionStore {
    if let (Some(folder), Source::File | Source::Flag) =
        (&settings.data_folder.value, settings.data_folder.source)
    {
        return SessionStore::in_data_dir(folder.clone());
    }
    SessionStore::default_location().unwrap_or_else(|| {
        SessionStore::at(
            std::env::temp_dir()
                .join("interview-console")
                .join("sessions"),
        )
    })
}

/// The guide in use (a file, or a library guide by name), with the config file's
/// impression words added to its own.
fn load_guide(cli: Configured) -> Result<Guide, Failure> {
    let mut guide = match &cli.settings.guide.value {
        Some(wanted) => Library::from_environment()
            .resolve(&wanted.to_string_lossy())
            .map_err(bad_input)?
            .load(),
        None => Guide::builtin(),
    }
    .map_err(bad_input)?;
    for word in &cli.settings.impression_words.value {
        if !guide
            .impression_words
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
        {
            guide.impression_words.push(word.clone());
        }
    }
    Ok(guide)
}

/// The interview needs a terminal that can draw: a tty, and a `TERM` that moves the cursor.
fn require_terminal() -> Result<(), Failure> {
    let term = std::env::var("TERM").unwrap_or_default();
    if term.is_empty() || term == "dumb" {
        let what = if term.is_empty() {
            "TERM is not set"
        } else {
            "TERM is dumb"
        };
        return Err(bad_input(format!(
            "needs a terminal that can move the cursor and draw ({what}): run it in a terminal emulator (xterm, GNOME Terminal, iTerm2, tmux…) with TERM set, such as TERM=xterm-256color; list, export and the other subcommands work anywhere"
        )));
    }
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(bad_input(
            "needs a terminal: run it in a terminal window, not with input or output redirected",
        ))
    }
}

fn start(cli: Configured, store: SessionStore) -> Result<ExitCode, Failure> {
    let guide = load_guide(cli)?;
    let mut model = model_for(cli, guide)?;
    require_terminal()?;
    let since = Utc::now() - ChronoDuration::hours(OFFER_RESUME_WITHIN_HOURS);
    let Unfinished {
        free,
        open_elsewhere,
    } = unfinished_and_free(&store, since);
    for (record, why) in &open_elsewhere {
        output::note(format_args!(
            "Not offered: the interview with {} ({}): {why}",
            record.candidate, record.id
        ));
    }
    if let Some((unfinished, lock)) = free {
        if cli.cli.candidate.is_none() {
            if output::ask(
                format_args!(
                    "An unfinished interview with {} began at {}. Resume it? [Y/n] ",
                    joined(&unfinished.candidate, &[unfinished.role_name()]),
                    unfinished.started_at.with_timezone(&Local).format("%H:%M")
                ),
                true,
            ) {
                return resume(
                    cli,
                    model.guide,
                    store,
                    &unfinished,
                    Resuming::Session(Some(lock)),
                );
            }
        } else {
            model.footer.notice = Some(format!("Unfinished: resume {}", unfinished.id));
        }
    } else if let Some((record, _)) = open_elsewhere.first() {
        model.footer.notice = Some(format!(
            "{}'s interview is open in another console",
            record.candidate
        ));
    }
    let recovery = RecoveryPlaces::from_environment(store.data_dir());
    // Notes that once went astray come before anything else the footer could say.
    match recovery.existing().len() {
        0 => {}
        1 => {
            model.footer.notice =
                Some("A recovery file is waiting: see `interview-console list`".into())
        }
        n => {
            model.footer.notice = Some(format!(
                "{n} recovery files are waiting: see `interview-console list`"
            ))
        }
    }
    if let Some(exposed) = store.exposure() {
        // Said before the terminal is taken, so it is still there when the console ends.
        output::error(&exposed);
        model.footer.notice = Some("⚠ Other users can list the sessions folder".into());
    }
    let storage = Storage {
        recovery,
        session: SessionFile::new(store.clone()),
        store,
    };
    let ending = run_console(model, storage);
    Ok(report(&ending))
}

/// The recent unfinished sessions a bare start looks at.
struct Unfinished {
    /// The newest that no other console holds, with its lock.
    free: Option<(SessionRecord, SessionLock)>,
    /// Newer ones another console holds, each with the reason: never offered, since
    /// resuming them could only fail.
    open_elsewhere: Vec<(SessionRecord, LoadError)>,
}

/// The unfinished sessions started since `since`, newest first, up to the first that no
/// other console holds.
fn unfinished_and_free(store: &SessionStore, since: chrono::DateTime<Utc>) -> Unfinished {
    let mut open_elsewhere = Vec::new();
    for record in store.unfinished_since(since) {
        match store.lock(&record.id) {
            Ok(lock) => {
                return Unfinished {
                    free: Some((record, lock)),
                    open_elsewhere,
                };
            }
            Err(why @ LoadError::Locked { .. }) => open_elsewhere.push((record, why)),
            // Not lockable for another reason: resuming it would fail the same way.
            Err(_) => {}
        }
    }
    Unfinished {
        free: None,
        open_elsewhere,
    }
}

/// How a resumed interview is saved.
enum Resuming {
    /// A session of the sessions folder, under its own id; its lock, if already taken.
    Session(Option<SessionLock>),
    /// A file from elsewhere: a new session, saved under an id the writer reserves the way
    /// it does for every new interview. `said` is printed first; `footer` is its short form.
    Import {
        from: PathBuf,
        said: String,
        footer: String,
    },
}

fn resume(
    cli: Configured,
    guide: Guide,
    store: SessionStore,
    record: &SessionRecord,
    resuming: Resuming,
) -> Result<ExitCode, Failure> {
    require_terminal()?;
    let (session, source, said) = match resuming {
        Resuming::Session(held) => {
            let lock = match held {
                Some(lock) => lock,
                None => store.lock(&record.id).map_err(bad_input)?,
            };
            (
                SessionFile::holding(store.clone(), record.id.clone(), lock),
                store.path(&record.id),
                None,
            )
        }
        Resuming::Import { from, said, footer } => {
            (SessionFile::new(store.clone()), from, Some((said, footer)))
        }
    };
    let planned = std::time::Duration::from_millis(record.budgets.total_ms);
    let gap = resume_gap(
        SystemTime::from(record.started_at),
        planned,
        SystemTime::from(record.saved_at),
        SystemTime::now(),
        record.paused,
    );
    let same_guide = record.guide.sha256 == guide.fingerprint;
    let mut model = Model::resumed(guide, record.snapshot(), gap, wall_clock_now())
        .map_err(|e| bad_input(format!("{}: {e}", source.display())))?
        .configured(cli.settings.ui());
    if !same_guide {
        model.footer.notice = Some("Guide changed since: questions as planned".into());
    }
    let recovery = RecoveryPlaces::from_environment(store.data_dir());
    // A recovery file of ours, once its notes are a session again, has done its work.
    let recovered_from = (said.is_some() && recovery.holds(&source)).then(|| source.clone());
    if let Some((said, footer)) = said {
        // Said before the terminal is taken, so it is still there when the console ends.
        output::error(said);
        model.footer.done(footer, model.wall_clock.instant);
    }
    let storage = Storage {
        recovery,
        session,
        store,
    };
    let ending = run_console(model, storage);
    if let (Some(file), Saved::Session { id, .. }) = (recovered_from, &ending.saved)
        && std::fs::remove_file(&file).is_ok()
    {
        output::note(format_args!(
            "Removed the recovery file {}: its notes are in session {id}",
            file.display()
        ));
    }
    Ok(report(&ending))
}

/// Goes on with a session file given by path. One in the sessions folder is that session;
/// any other is imported as a new session (see `Resuming::Import`), so the file, its id
/// and its place are never written to, and an older copy of a session never overwrites
/// the newer notes in the sessions folder.
fn resume_file(
    cli: Configured,
    guide: Guide,
    store: SessionStore,
    file: &Path,
) -> Result<ExitCode, Failure> {
    if let Some(id) = session_in_folder(&store, file)? {
        let record = store.load(&id).map_err(bad_input)?;
        return resume(cli, guide, store, &record, Resuming::Session(None));
    }
    if !file.is_file() {
        return Err(bad_input(format!(
            "{:?} is neither a session id (like 20261127-1402-sam-lee; see `list`) nor a file",
            file.display().to_string()
        )));
    }
    let record = read_record(file).map_err(bad_input)?;
    let shown = |at: chrono::DateTime<Utc>| at.with_timezone(&Local).format("%Y-%m-%d %H:%M");
    let mut said = format!("{}: imported as a new session", file.display());
    let mut footer = "Imported as a new session".to_string();
    if let Ok(saved) = store.load(&record.id) {
        let (id, then, now) = (&record.id, shown(saved.saved_at), shown(record.saved_at));
        if saved.saved_at > record.saved_at {
            said = format!(
                "{said}; session {id} has newer notes (saved {then}, this copy {now}) and is left as it is"
            );
            footer = format!("{footer}: {id} has newer notes");
        } else {
            said = format!("{said}; session {id} (saved {then}, this copy {now}) is left as it is");
            footer = format!("{footer} beside {id}");
        }
    }
    resume(
        cli,
        guide,
        store,
        &record,
        Resuming::Import {
            from: file.to_path_buf(),
            said,
            footer,
        },
    )
}

/// The session a path names when it is a session file in the sessions folder itself.
fn session_in_folder(store: &SessionStore, file: &Path) -> Result<Option<SessionId>, Failure> {
    let parent = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (Ok(folder), Ok(sessions)) = (parent.canonicalize(), store.dir().canonicalize()) else {
        return Ok(None);
    };
    if folder != sessions {
        return Ok(None);
    }
    let id = file
        .file_name()
        .and_then(|name| name.to_str()?.strip_suffix(".json"))
        .and_then(|stem| SessionId::parse(stem).ok());
    id.map(Some).ok_or_else(|| {
        bad_input(format!(
            "{}: in the sessions folder but not named like a session (20261127-1402-sam-lee.json)",
            file.display()
        ))
    })
}

/// Says where the notes are, once the terminal is back; the exit status says whether they
/// are where they belong. `output` leaves writes unchecked: when the terminal window was
/// closed there is no one to tell.
fn report(ending: &Ending) -> ExitCode {
    let mut code = 0u8;
    if let Some(failure) = &ending.failure {
        output::error(failure);
        code = NOT_SAVED;
    }
    match &ending.saved {
        Saved::Nothing => {}
        Saved::Session { id, path, finished } => {
            output::line(format_args!("Notes saved in {}", path.display()));
            if *finished {
                output::line(format_args!(
                    "Finished. Scorecard: interview-console export {id}    Hand-off: interview-console export {id} --handoff"
                ));
                output::line(format_args!(
                    "To go on with it: interview-console reopen {id}"
                ));
            } else {
                output::line(format_args!(
                    "In progress. Resume: interview-console resume {id}    Scorecard: interview-console export {id}"
                ));
            }
        }
        Saved::Fallback { path, why } => {
            output::error(format_args!(
                "could not save to the sessions folder ({why})"
            ));
            output::error(format_args!(
                "the notes are safe in the recovery file {}",
                path.display()
            ));
            code = NOT_SAVED;
        }
        Saved::Printed { json, why } => {
            output::error(format_args!(
                "could not write the notes anywhere ({why}); here they are:"
            ));
            output::text(&format!("{}\n", safe_text::json(json)));
            code = NOT_SAVED;
        }
    }
    if let Some(signal) = ending.signal {
        code = u8::try_from(128 + signal).unwrap_or(NOT_SAVED);
    }
    ExitCode::from(code)
}

fn list(store: &SessionStore) -> Result<ExitCode, Failure> {
    if let Some(exposed) = store.exposure() {
        output::error(exposed);
    }
    let (records, bad) = store.list();
    for line in list_lines(&records, *Local::now().offset()) {
        output::line(line);
    }
    for error in &bad {
        output::error(format_args!("skipped {error}"));
    }
    let recovered = RecoveryPlaces::from_environment(store.data_dir()).existing();
    if records.is_empty() && bad.is_empty() && recovered.is_empty() {
        output::note(format_args!(
            "No interviews saved in {} yet.",
            store.dir().display()
        ));
    }
    if !recovered.is_empty() {
        output::text(
            "\nRecovery files, each an interview whose folder refused it (`resume FILE` goes on with one):\n",
        );
        for path in recovered {
            let about = read_record(&path).map_or_else(
                |e| format!("not readable: {e}"),
                |r| {
                    let started = r.started_at.with_timezone(&Local).format("%Y-%m-%d %H:%M");
                    [r.candidate.as_str(), r.role_name(), &started.to_string()]
                        .into_iter()
                        .filter(|part| !part.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            );
            output::line(format_args!("{}  ({about})", path.display()));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What a session argument on the command line names.
enum Named<'a> {
    Session(SessionId),
    File(&'a Path),
}

/// An argument that is a session id names that session; anything else is a file's path,
/// never a way into the sessions folder.
fn named(arg: &str) -> Named<'_> {
    match SessionId::parse(arg) {
        Ok(id) => Named::Session(id),
        Err(_) => Named::File(Path::new(arg)),
    }
}

/// A session by id, or a JSON export (a session file) by path.
fn load_any(store: &SessionStore, arg: &str) -> Result<SessionRecord, Failure> {
    match named(arg) {
        Named::Session(id) => store.load(&id).map_err(bad_input),
        Named::File(path) if path.is_file() => read_record(path).map_err(bad_input),
        Named::File(_) => Err(bad_input(format!(
            "{arg:?} is neither a session id (like 20261127-1402-sam-lee; see `list`) nor a file"
        ))),
    }
}

/// A debrief sets interviewers side by side: one interview given twice (the same file, a
/// session and its export, or a session and its import) would count one interviewer as two
/// (see `SessionRecord::same_interview`).
fn refuse_the_same_interview_twice(
    args: &[String],
    records: &[SessionRecord],
) -> Result<(), Failure> {
    let given: Vec<(&String, &SessionRecord)> = args.iter().zip(records).collect();
    for (later, (arg, record)) in given.iter().enumerate() {
        let same = |(_, r): &&(&String, &SessionRecord)| r.same_interview(record);
        if let Some((first, _)) = given[..later].iter().find(same) {
            return Err(bad_input(format!(
                "{first:?} and {arg:?} are the same interview (session {}, started {}): give each interviewer's session once",
                record.id,
                record
                    .started_at
                    .with_timezone(&Local)
                    .format("%Y-%m-%d %H:%M")
            )));
        }
    }
    Ok(())
}

/// A file to write instead of standard output.
#[derive(Clone, Copy)]
struct Output<'a> {
    path: &'a Path,
    /// Replace the file if it exists; otherwise an existing file is refused.
    force: bool,
}

impl<'a> Output<'a> {
    /// What `--output FILE [--force]` asks for; none without `--output`.
    fn of(path: Option<&'a Path>, force: bool) -> Option<Output<'a>> {
        path.map(|path| Output { path, force })
    }
}

/// Writes to a file (atomically, never over one that exists unless forced) or standard
/// output.
fn write_output(output: Option<Output>, text: &str) -> Result<ExitCode, Failure> {
    let Some(Output { path, force }) = output else {
        output::text(text);
        return Ok(ExitCode::SUCCESS);
    };
    let written = if force {
        write_bytes_atomic(path, text.as_bytes())
    } else {
        write_new_bytes_atomic(path, text.as_bytes())
    };
    match written {
        Ok(()) => {
            output::note(format_args!("Wrote {}", path.display()));
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(bad_input(format!(
            "{} exists: left as it is (--force replaces it)",
            path.display()
        ))),
        Err(e) => Err(Failure {
            message: format!("{}: {e}", path.display()),
            code: NOT_SAVED,
        }),
    }
}

/// `import`: the guide file to standard output or `--output`, and on standard error how
/// many lines to check.
fn import_guide(file: &Path, output: Option<Output>) -> Result<ExitCode, Failure> {
    let markdown = std::fs::read_to_string(file)
        .map_err(|e| bad_input(format!("{}: cannot read the guide: {e}", file.display())))?;
    let imported = import(&markdown).map_err(|e| bad_input(format!("{}: {e}", file.display())))?;
    let code = write_output(output, &imported.yaml)?;
    let lines = match imported.checks {
        1 => "1 line".to_string(),
        n => format!("{n} lines"),
    };
    output::note(format_args!(
        "{} questions imported; {lines} marked `# CHECK:` need your judgment, then `interview-console check-guide {}`",
        imported.questions,
        output.map_or_else(|| "FILE".to_string(), |o| o.path.display().to_string())
    ));
    Ok(code)
}

/// The format asked for, or the one the output file's name says: `.json` is JSON,
/// anything else (standard output too) Markdown.
fn format_for(asked: Option<Format>, output: Option<Output>) -> Format {
    asked.unwrap_or_else(|| {
        let named_json = output
            .and_then(|o| o.path.extension())
            .is_some_and(|ext| ext.eq_ignore_ascii_case("json"));
        if named_json {
            Format::Json
        } else {
            Format::Markdown
        }
    })
}

/// What `export` writes.
enum Exported {
    /// The record: a Markdown scorecard or the JSON, as asked or as the file's name says.
    Record(Option<Format>),
    /// The hand-off to the next interviewer.
    Handoff,
}

fn export(
    store: &SessionStore,
    id: &str,
    what: Exported,
    output: Option<Output>,
) -> Result<ExitCode, Failure> {
    let record = load_any(store, id)?;
    let format = match what {
        Exported::Handoff => return write_output(output, &handoff(&record)),
        Exported::Record(format) => format,
    };
    let text = match format_for(format, output) {
        Format::Markdown => scorecard(&record, *Local::now().offset()),
        Format::Json => {
            let json = record_json(&record).map_err(|e| Failure {
                message: e.to_string(),
                code: NOT_SAVED,
            })?;
            // Escaped in the file too: a JSON export is often looked at with `cat`.
            safe_text::json(&String::from_utf8_lossy(&json)).into_owned()
        }
    };
    write_output(output, &text)
}

/// Makes a finished session in progress again: `resume` then goes on with it as with any
/// unfinished one. By id only, and refused while another console holds it.
fn reopen(store: &SessionStore, arg: &str) -> Result<ExitCode, Failure> {
    let Named::Session(id) = named(arg) else {
        return Err(bad_input(format!(
            "reopen takes a session id as `list` shows it (like 20261127-1402-sam-lee), not a path: {arg:?}"
        )));
    };
    let _lock = store.lock(&id).map_err(bad_input)?;
    let mut record = store.load(&id).map_err(bad_input)?;
    if record.status == Status::InProgress {
        output::line(format_args!(
            "{id} is already in progress: interview-console resume {id}"
        ));
        return Ok(ExitCode::SUCCESS);
    }
    record.status = Status::InProgress;
    // Resumed with the clock paused: the time since it was finished is no interview time.
    record.paused = true;
    record.saved_at = Utc::now();
    store.save(&record).map_err(|e| Failure {
        message: e.to_string(),
        code: NOT_SAVED,
    })?;
    output::line(format_args!(
        "Reopened {id}: in progress again. Go on: interview-console resume {id} (the clock waits for F5)"
    ));
    Ok(ExitCode::SUCCESS)
}

/// Deletes by id only: a path names a file anywhere, and delete removes nothing outside
/// the data folder.
fn delete(store: &SessionStore, arg: &str, yes: bool) -> Result<ExitCode, Failure> {
    let Named::Session(id) = named(arg) else {
        return Err(bad_input(format!(
            "delete takes a session id as `list` shows it (like 20261127-1402-sam-lee), not a path: {arg:?}"
        )));
    };
    let record = store.load(&id).map_err(bad_input)?;
    if !yes {
        if !io::stdin().is_terminal() {
            return Err(bad_input(
                "delete asks first: run it in a terminal, or pass --yes",
            ));
        }
        let started = record
            .started_at
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M")
            .to_string();
        let question = format_args!(
            "Delete the interview with {} for good? [y/N] ",
            joined(&record.candidate, &[record.role_name(), &started])
        );
        if !output::ask(question, false) {
            output::line("Kept.");
            return Ok(ExitCode::SUCCESS);
        }
    }
    let exports = store.delete(&id).map_err(bad_input)?;
    output::line(format_args!("Deleted {id}."));
    for export in exports {
        output::line(format_args!("Deleted its export {}.", export.display()));
    }
    Ok(ExitCode::SUCCESS)
}

/// "Sam Lee (Penetration Tester, 2026-11-27 14:02)": a name and what is known besides, the
/// empty parts left out.
fn joined(name: &str, about: &[&str]) -> String {
    let about: Vec<&str> = about.iter().copied().filter(|a| !a.is_empty()).collect();
    if about.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({})", about.join(", "))
    }
}

/// The time now, on the monotonic clock and the wall clock.
fn wall_clock_now() -> WallClock {
    WallClock {
        instant: Instant::now(),
        utc: Utc::now(),
        offset: *Local::now().offset(),
    }
}

/// The model the flags ask for: straight into the interview when they say enough, otherwise
/// the setup screen filled in with what they do say.
fn model_for(configured: Configured, guide: Guide) -> Result<Model, Failure> {
    let (cli, settings) = (configured.cli, configured.settings);
    let role = cli
        .role
        .as_deref()
        .map(|r| find_role(&guide, r))
        .transpose()
        .map_err(bad_input)?;
    // A guide without roles needs none to know its questions.
    let role_known = role.is_some() || !guide.has_roles();
    let choice = match &cli.questions {
        Some(ids) if role_known => {
            Some(QuestionChoice::from_ids(&guide, role, ids).map_err(bad_input)?)
        }
        Some(_) => {
            return Err(bad_input(
                "--questions needs --role: question ids depend on the role",
            ));
        }
        None => None,
    };
    let fills = fills(&guide, &cli.set)?;
    let interviewer = settings.interviewer.value.clone().unwrap_or_default();

    if let (true, Some(candidate)) = (role_known, &cli.candidate) {
        if candidate.trim().is_empty() {
            return Err(bad_input("--candidate is empty"));
        }
        let choice = choice.unwrap_or_else(|| QuestionChoice::default_for(&guide, role));
        let minutes = settings.minutes.value.unwrap_or(guide.timing.minutes);
        let mut plan = Plan::new(&guide, role, candidate, &interviewer, minutes, &choice)
            .map_err(bad_input)?;
        plan.fills = fills;
        return Ok(Model::started(guide, plan, wall_clock_now()).configured(settings.ui()));
    }
    let prefill = Prefill {
        role_index: role.and_then(|r| guide.roles.iter().position(|x| x.id == r.id)),
        candidate: cli.candidate.clone(),
        interviewer: Some(interviewer),
        minutes: settings.minutes.value,
        choice,
        fills,
    };
    Ok(Model::new(guide, prefill, wall_clock_now()).configured(settings.ui()))
}

/// `--set id=VALUE` for the guide's own placeholders; an id the guide does not declare is
/// refused, with the ids it does.
fn fills(guide: &Guide, set: &[(String, String)]) -> Result<BTreeMap<String, String>, Failure> {
    let mut fills = BTreeMap::new();
    for (id, value) in set {
        if !guide.placeholders.iter().any(|p| &p.id == id) {
            let why = match id.as_str() {
                "candidate" | "interviewer" | "role" => format!("use --{id} for `{{{id}}}`"),
                _ if guide.placeholders.is_empty() => "the guide declares no placeholders".into(),
                _ => format!(
                    "the guide's placeholders: {}",
                    guide
                        .placeholders
                        .iter()
                        .map(|p| p.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            return Err(bad_input(format!(
                "--set {id}=…: no placeholder `{id}` to fill ({why})"
            )));
        }
        fills.insert(id.clone(), value.trim().to_string());
    }
    Ok(fills)
}

/// `check-guide`'s summary: a line for the guide, one a role, then every question id with
/// its section, then the placeholders. Each text from the guide is cleaned on its own, so
/// none can start a line.
fn summary(guide: &Guide, file: &str) -> String {
    let clean = |text: &str| safe_text::line(text).into_owned();
    let mut out = format!(
        "{}: ok · {} · {} minutes\n",
        clean(file),
        clean(&guide.title),
        guide.timing.minutes
    );
    let plans: Vec<(String, QuestionChoice)> = if guide.has_roles() {
        guide
            .roles
            .iter()
            .map(|role| {
                (
                    format!("{} ({})", clean(&role.name), clean(&role.id)),
                    QuestionChoice::default_for(guide, role),
                )
            })
            .collect()
    } else {
        vec![(
            "No roles, every question for anyone".to_string(),
            QuestionChoice::default_for(guide, None),
        )]
    };
    for (who, choice) in plans {
        out.push_str(&format!(
            "  {who}: {} questions offered, {} planned by default\n",
            choice.offered().len(),
            choice.chosen_count()
        ));
    }
    out.push_str("Questions (id: section; --questions takes the ids):\n");
    for question in &guide.questions {
        let pick = guide
            .group_of(&question.id)
            .map(|g| format!(" (pick {} of {})", g.pick, g.questions.len()))
            .unwrap_or_default();
        let roles = if guide.has_roles() && question.roles.len() < guide.roles.len() {
            format!(" [{}]", clean(&question.roles.join(", ")))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "  {}: {}{pick}{roles}\n",
            clean(&question.id),
            clean(&question.section)
        ));
    }
    out.push_str("Placeholders ({id} in the text):\n");
    let built_in = if guide.has_roles() {
        "  {candidate} {interviewer} {role}: filled from the plan\n"
    } else {
        "  {candidate} {interviewer}: filled from the plan\n"
    };
    out.push_str(built_in);
    for placeholder in &guide.placeholders {
        out.push_str(&format!(
            "  {{{}}}: {} (the setup screen asks; --set {}=VALUE)\n",
            clean(&placeholder.id),
            clean(&placeholder.prompt),
            clean(&placeholder.id)
        ));
    }
    out
}

/// `guides`: the built-in guide and the library's, one a line: name, title, how many
/// questions, the roles with their questions; a library file that is no guide with why.
fn guides(library: &Library) -> String {
    let clean = |text: &str| safe_text::line(text).into_owned();
    let describe = |guide: &Guide| {
        let roles = if guide.has_roles() {
            guide
                .roles
                .iter()
                .map(|r| {
                    format!(
                        "{} {}",
                        clean(&r.name),
                        guide.questions_for(Some(r)).count()
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            "no roles".to_string()
        };
        format!(
            "{} · {} questions · {roles}",
            clean(&guide.title),
            guide.questions.len()
        )
    };
    let entries = library.entries();
    let mut out = String::new();
    if !entries.iter().any(|e| e.name == BUILTIN_NAME)
        && let Ok(builtin) = Guide::builtin()
    {
        out.push_str(&format!(
            "{BUILTIN_NAME} (built in): {}\n",
            describe(&builtin)
        ));
    }
    for entry in &entries {
        let about = match Guide::load(&entry.path) {
            Ok(guide) => describe(&guide),
            Err(e) => format!("not a guide: {}", clean(&e.to_string())),
        };
        out.push_str(&format!("{}: {about}\n", clean(&entry.name)));
    }
    match library.dir() {
        Some(dir) if entries.is_empty() => out.push_str(&format!(
            "No guides in the library yet: put NAME.yaml in {} (`interview-console import` makes one from Markdown).\n",
            clean(&dir.display().to_string())
        )),
        Some(dir) => out.push_str(&format!(
            "Library: {} (--guide NAME uses one)\n",
            clean(&dir.display().to_string())
        )),
        None => out.push_str("No guide library: no home folder to keep it in.\n"),
    }
    out
}
