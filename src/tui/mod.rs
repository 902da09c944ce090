//! The terminal: setup and restore, the event loop, keys to actions, drawing, and handing
//! the session to the writer.

pub mod app;
pub mod keymap;
pub mod notes;
pub mod setup;
pub mod view;

use std::io::{self, Stdout};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::{Local, Utc};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::guide::Link;
use crate::safe_text;
use crate::store::autosave::{Autosaver, SessionFile};
use crate::store::recovery::RecoveryPlaces;
use crate::store::{SessionHeader, SessionId, SessionRecord, SessionStore};
use app::App;

/// How long to wait for more queued input before drawing. Not zero: crossterm's poll(2)
/// event source answers a zero timeout with "nothing" even when it holds parsed events, so
/// a burst of typing would be drawn once per key. With any time to spare it returns those
/// at once; only the last, empty look waits this long.
const DRAIN_WAIT: Duration = Duration::from_millis(1);

/// How long quitting waits for the last write before it falls back to another file.
const FINAL_SAVE_WAIT: Duration = Duration::from_secs(5);

/// Where the session ended up, for the message printed after the terminal is restored.
#[derive(Debug)]
pub enum Saved {
    /// Nothing to save: the interview never started.
    Nothing,
    Session {
        id: SessionId,
        path: PathBuf,
    },
    /// The sessions folder refused it; it went to this recovery file instead.
    Fallback {
        path: PathBuf,
        why: String,
    },
    /// No file could be written: the record, printed so it is not lost.
    Printed {
        json: String,
        why: String,
    },
}

/// How the console ended.
#[derive(Debug)]
pub struct Ending {
    pub saved: Saved,
    /// The signal that ended it, if one did.
    pub signal: Option<i32>,
    /// A terminal failure or a panic, described.
    pub failure: Option<String>,
}

/// Restores the terminal when dropped, whichever way the loop ends.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        let guard = TerminalGuard;
        // Cleared here rather than with `Terminal::clear`, which asks the terminal where its
        // cursor is and fails on terminals that do not answer.
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            Clear(ClearType::All),
            EnableBracketedPaste
        )?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// The terminal ratatui draws on. ratatui's own `Drop` shows the cursor again and prints
/// any failure with `eprintln!`, which panics when the window was closed (and aborts when
/// already unwinding); so the terminal is let go without its `Drop` when showing the cursor
/// fails. The process is ending then and the terminal is gone.
struct DrawingTerminal(Option<Terminal<CrosstermBackend<Stdout>>>);

impl DrawingTerminal {
    fn new() -> io::Result<DrawingTerminal> {
        Ok(DrawingTerminal(Some(Terminal::new(
            CrosstermBackend::new(io::stdout()),
        )?)))
    }

    fn terminal(&mut self) -> io::Result<&mut Terminal<CrosstermBackend<Stdout>>> {
        self.0
            .as_mut()
            .ok_or_else(|| io::Error::other("the terminal was let go"))
    }
}

impl Drop for DrawingTerminal {
    fn drop(&mut self) {
        if let Some(mut terminal) = self.0.take()
            && terminal.show_cursor().is_err()
        {
            std::mem::forget(terminal);
        }
    }
}

/// Whether the console holds the terminal (raw mode, alternate screen).
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Leaves the alternate screen and raw mode, once: leaving twice would move the cursor
/// back over what was printed in between (a panic message).
fn restore_terminal() {
    if !TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// On a panic, give the terminal back first so the message is readable.
fn install_panic_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

/// SIGHUP (the window was closed), SIGTERM and SIGINT end the console through its normal
/// exit: save, restore, exit. A second SIGTERM or SIGINT ends it at once.
fn watch_signals() -> Arc<AtomicUsize> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::flag;
    let received = Arc::new(AtomicUsize::new(0));
    let stopping = Arc::new(AtomicBool::new(false));
    for signal in [SIGHUP, SIGTERM, SIGINT] {
        if signal != SIGHUP {
            // Registered before the flag is set, so only a second signal finds it set.
            let _ = flag::register_conditional_shutdown(signal, 1, Arc::clone(&stopping));
        }
        let _ = flag::register(signal, Arc::clone(&stopping));
        let value = usize::try_from(signal).unwrap_or(1);
        let _ = flag::register_usize(signal, Arc::clone(&received), value);
    }
    received
}

/// Where the console's session goes: its file in the sessions folder, and the places a
/// recovery file may go when that folder refuses it.
pub struct Storage {
    pub store: SessionStore,
    pub session: SessionFile,
    pub recovery: RecoveryPlaces,
}

/// Runs the console until the interviewer quits, a signal ends it, or the terminal fails;
/// on every one of those paths the session is saved and the terminal restored. After a
/// panic the session is saved like any other time; only when its folder refuses it do the
/// notes go to a recovery file.
pub fn run(mut app: App, storage: Storage) -> Ending {
    let Storage {
        store,
        session,
        recovery,
    } = storage;
    let signals = watch_signals();
    let autosaver = Autosaver::spawn(Box::new(session));
    let mut failure = None;
    match TerminalGuard::enter() {
        Ok(guard) => {
            let looped = panic::catch_unwind(AssertUnwindSafe(|| {
                event_loop(&mut app, &store, &autosaver, &signals)
            }));
            drop(guard);
            match looped {
                Ok(Ok(())) => {}
                Ok(Err(e)) => failure = Some(format!("terminal error: {e}")),
                Err(_) => failure = Some("the console panicked (message above)".into()),
            }
        }
        Err(e) => {
            restore_terminal();
            failure = Some(format!("terminal error: {e}"));
        }
    }

    // The state may be half-updated after a panic; reading it must not take the notes down.
    let record = panic::catch_unwind(AssertUnwindSafe(|| {
        app.take_record(Instant::now(), Utc::now())
    }))
    .ok()
    .flatten();
    let saved = match record {
        None => Saved::Nothing,
        Some(record) => final_save(&autosaver, &store, &recovery, record),
    };
    let signal = match signals.load(Ordering::SeqCst) {
        0 => None,
        n => i32::try_from(n).ok(),
    };
    Ending {
        saved,
        signal,
        failure,
    }
}

fn final_save(
    autosaver: &Autosaver,
    store: &SessionStore,
    recovery: &RecoveryPlaces,
    record: SessionRecord,
) -> Saved {
    autosaver.save(record.clone());
    let flushed = autosaver.flush(FINAL_SAVE_WAIT);
    match (flushed, autosaver.status().saved_as) {
        (Ok(()), Some(id)) => Saved::Session {
            path: store.path(&id),
            id,
        },
        (outcome, _) => {
            let why = outcome
                .err()
                .unwrap_or_else(|| "the session has no id".into());
            match recovery.write(&record) {
                Ok(path) => Saved::Fallback { path, why },
                Err(e) => Saved::Printed {
                    json: serde_json::to_string_pretty(&record).unwrap_or_default(),
                    why: format!("{why}; no recovery file could be written either: {e}"),
                },
            }
        }
    }
}

fn event_loop(
    app: &mut App,
    store: &SessionStore,
    autosaver: &Autosaver,
    signals: &AtomicUsize,
) -> io::Result<()> {
    let mut drawing = DrawingTerminal::new()?;
    let terminal = drawing.terminal()?;
    let mut needs_draw = true;
    loop {
        if app.needs_session().is_some() {
            open_session(app);
        }
        let now = Instant::now();
        if app.take_export_request() {
            export_scorecard(app, store, now);
        }
        if let Some(text) = app.take_clipboard() {
            // OSC 52: the terminal puts it on the clipboard, over ssh too.
            execute!(
                terminal.backend_mut(),
                ratatui::crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
            )?;
        }
        if let Some(url) = app.take_open_link() {
            app.message = Some(match open_in_browser(&url) {
                Ok(()) => "Opening the guidelines in the browser".into(),
                Err(e) => format!("Could not open the link ({e}); Ctrl+L copies it"),
            });
            needs_draw = true;
        }
        if app.save_due().is_some_and(|due| due <= now)
            && let Some(record) = app.take_record(now, Utc::now())
        {
            autosaver.save(record);
        }
        let status = autosaver.status();
        if status != app.save_status {
            if let (Some(id), Some(session)) = (&status.saved_as, &mut app.session) {
                // Records from now on carry the id the sessions folder gave the session.
                session.id.clone_from(id);
            }
            app.save_status = status;
            needs_draw = true;
        }
        if needs_draw {
            let now = Instant::now();
            terminal.draw(|frame| view::draw(app, frame, now))?;
            if let Some(spot) = app.link_spot.borrow().as_ref()
                && let Ok(url) = Link::parse(&spot.url)
            {
                hyperlink(terminal.backend_mut(), (spot.x, spot.y), &url, &spot.text)?;
            }
            needs_draw = false;
        }
        // Sleep until the next input, the clock's next second or a save that is due.
        if event::poll(app.until_next_wake(Instant::now()))? {
            // Take every event already queued, handle them together, draw once.
            let mut events = vec![event::read()?];
            while event::poll(DRAIN_WAIT)? {
                events.push(event::read()?);
            }
            events.iter().for_each(panic_if_asked);
            needs_draw |= app.handle_all(&events, Instant::now());
        } else {
            needs_draw = true;
        }
        if app.should_quit() || signals.load(Ordering::SeqCst) != 0 {
            return Ok(());
        }
    }
}

/// Writes the scorecard beside the sessions folder (private, like the sessions) and says
/// where in the footer.
fn export_scorecard(app: &mut App, store: &SessionStore, now: Instant) {
    let Some(record) = app.take_record(now, Utc::now()) else {
        return;
    };
    let markdown = crate::markdown::scorecard(&record, *Local::now().offset());
    // Only a session the sessions folder has taken owns its id, and so the export's name.
    app.message = Some(match &app.save_status.saved_as {
        Some(id) => {
            let path = store.export_path(id);
            let written = store
                .ensure_dir(&store.exports_dir())
                .and_then(|()| crate::store::files::write_bytes_atomic(&path, markdown.as_bytes()));
            match written {
                Ok(()) => format!("Scorecard copied and written to {}", path.display()),
                Err(e) => format!("Scorecard copied; not written: {e}"),
            }
        }
        None => "Scorecard copied; not written: the session is not saved yet".into(),
    });
    app.copy(markdown);
    // The record was taken for the export; hand it to the writer as well.
    app.request_save(now);
}

/// Writes the link again over itself as an OSC 8 hyperlink, so terminals that support it
/// make it clickable; others ignore the escape and show the same text. It goes straight to
/// the terminal because ratatui's cells cannot hold the escape without breaking the layout,
/// so it takes only a checked link, and cleans the text it shows.
fn hyperlink(
    out: &mut impl io::Write,
    (x, y): (u16, u16),
    url: &Link,
    text: &str,
) -> io::Result<()> {
    use ratatui::backend::IntoCrossterm;
    use ratatui::crossterm::cursor::MoveTo;
    use ratatui::crossterm::style::{PrintStyledContent, StyledContent};
    let osc8 = format!(
        "\x1b]8;;{}\x1b\\{}\x1b]8;;\x1b\\",
        url.as_str(),
        safe_text::line(text)
    );
    execute!(
        out,
        MoveTo(x, y),
        PrintStyledContent(StyledContent::new(view::style::LINK.into_crossterm(), osc8))
    )
}

/// Starts the desktop's opener on a link, detached, its output discarded so it cannot draw
/// over the console.
fn open_in_browser(url: &str) -> io::Result<()> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|mut child| {
            // Reaped on a thread of its own, so no zombie is left behind.
            std::thread::spawn(move || child.wait());
        })
}

/// Gives a newly started interview its session header, under the id it would have. The
/// writer reserves the id for real (or the next free one) the first time the sessions folder
/// takes a write, and the loop takes that id from the save status.
fn open_session(app: &mut App) {
    let Some(candidate) = app.needs_session().map(|plan| plan.candidate.clone()) else {
        return;
    };
    let started = Local::now();
    app.session = Some(SessionHeader::new(
        SessionId::base(&candidate, started),
        &app.guide,
        started.with_timezone(&Utc),
    ));
}

/// Debug builds only: F12 panics when `INTERVIEW_CONSOLE_TEST_PANIC` is set, so the
/// end-to-end tests can check that a panic gives the terminal back and keeps the notes.
#[cfg(debug_assertions)]
#[allow(clippy::panic)]
fn panic_if_asked(event: &event::Event) {
    use ratatui::crossterm::event::{Event, KeyCode};
    if let Event::Key(key) = event
        && key.code == KeyCode::F(12)
        && std::env::var_os("INTERVIEW_CONSOLE_TEST_PANIC").is_some()
    {
        panic!("test panic requested with F12");
    }
}

#[cfg(not(debug_assertions))]
fn panic_if_asked(_: &event::Event) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hyperlink_carries_the_checked_link_and_shows_its_text_cleaned() {
        let url = Link::parse("https://example.com/guide#q1").unwrap();
        let mut out = Vec::new();
        hyperlink(&mut out, (3, 4), &url, "example.com\x1b]0;t\x07\u{202e}").unwrap();
        let written = String::from_utf8(out).unwrap();
        assert!(
            written.contains(
                "\x1b]8;;https://example.com/guide#q1\x1b\\example.com\\e]0;t\\x07\\u{202e}\x1b]8;;\x1b\\"
            ),
            "{written:?}"
        );
        assert!(!written.contains(['\x07', '\u{202e}']), "{written:?}");
    }
}
