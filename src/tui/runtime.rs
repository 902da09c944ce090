//! The runtime: it owns the terminal, the writer, the clipboard and the clock, runs the
//! loop (events → actions → `update` → effects; model → `draw` → layout), and carries out
//! the effects. It sleeps until a key arrives, the clock's next second or a save that is
//! due, and draws once for every batch of input.

use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::{Local, Utc};
use ratatui::crossterm::event::{self, Event};

use super::action::{Action, Effect};
use super::input::handle_events;
use super::model::Model;
use super::terminal::{Display, TerminalGuard, restore_terminal};
use super::update::update;
use super::view::ViewCache;
use crate::interview::session::SessionSnapshot;
use crate::store::autosave::{Autosaver, SessionFile};
use crate::store::files::write_bytes_atomic;
use crate::store::recovery::RecoveryPlaces;
use crate::store::{SessionId, SessionRecord, SessionStore};

/// How long to wait for more queued input before drawing. Not zero: crossterm's poll(2)
/// event source answers a zero timeout with "nothing" even when it holds parsed events, so
/// a burst of typing would be drawn once per key. With any time to spare it returns those
/// at once; only the last, empty look waits this long.
const DRAIN_WAIT: Duration = Duration::from_millis(1);

/// How long quitting waits for the last write before it falls back to another file.
const FINAL_SAVE_WAIT: Duration = Duration::from_secs(5);

/// Where the console's session goes: its file in the sessions folder, and the places a
/// recovery file may go when that folder refuses it.
pub struct Storage {
    pub store: SessionStore,
    pub session: SessionFile,
    pub recovery: RecoveryPlaces,
}

/// Where the session ended up, for the message printed after the terminal is restored.
#[derive(Debug)]
pub enum Saved {
    /// Nothing to save: the interview never started.
    Nothing,
    Session {
        id: SessionId,
        path: PathBuf,
        /// Whether the interview was left finished.
        finished: bool,
    },
    /// The sessions folder refused it; it went to this recovery file instead.
    Fallback { path: PathBuf, why: String },
    /// No file could be written: the record, printed so it is not lost.
    Printed { json: String, why: String },
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

/// Runs the console until the interviewer quits, a signal ends it, or the terminal fails;
/// on every one of those paths the session is saved and the terminal restored. After a
/// panic the session is saved like any other time; only when its folder refuses it do the
/// notes go to a recovery file.
pub fn run_console(mut model: Model, storage: Storage) -> Ending {
    let Storage {
        store,
        session,
        recovery,
    } = storage;
    let signals = watch_signals();
    let autosaver = Autosaver::spawn(Box::new(session));
    let mut failure = None;
    match TerminalGuard::enter(model.ui.mouse) {
        Ok(guard) => {
            let looped = panic::catch_unwind(AssertUnwindSafe(|| {
                event_loop(&mut model, &store, &autosaver, &signals)
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
    let snapshot = panic::catch_unwind(AssertUnwindSafe(|| model.snapshot(Instant::now())))
        .ok()
        .flatten();
    let saved = match snapshot {
        None => Saved::Nothing,
        Some(snapshot) => final_save(&autosaver, &store, &recovery, snapshot),
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
    snapshot: SessionSnapshot,
) -> Saved {
    autosaver.save(Box::new(snapshot.clone()));
    let flushed = autosaver.flush(FINAL_SAVE_WAIT);
    match (flushed, autosaver.status().saved_as) {
        (Ok(()), Some(id)) => Saved::Session {
            path: store.path(&id),
            id,
            finished: snapshot.finished,
        },
        (outcome, held) => {
            let why = outcome
                .err()
                .unwrap_or_else(|| "the session has no id".into());
            let record =
                SessionRecord::from_snapshot(&snapshot, id_for(&snapshot, held), Utc::now());
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

/// The id a session's record goes under: the one the sessions folder gave it, or for a
/// session never saved there, the one it would have had.
fn id_for(snapshot: &SessionSnapshot, held: Option<SessionId>) -> SessionId {
    held.unwrap_or_else(|| {
        let started = snapshot.header.started_at.with_timezone(&Local);
        SessionId::base(&snapshot.plan.candidate, started)
    })
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

/// What the next frame must draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Redraw {
    Nothing,
    /// Only the time changed.
    Clock,
    Everything,
}

fn event_loop(
    model: &mut Model,
    store: &SessionStore,
    autosaver: &Autosaver,
    signals: &AtomicUsize,
) -> io::Result<()> {
    let mut display = Display::new()?;
    let mut cache = ViewCache::default();
    let mut redraw = Redraw::Everything;
    loop {
        let now = Instant::now();
        let status = autosaver.status();
        if status != model.saving.status {
            update(model, Action::SaveStatus(status), now);
            redraw = Redraw::Everything;
        }
        if redraw == Redraw::Clock && !display.draw_clock(model, now)? {
            redraw = Redraw::Everything;
        }
        if redraw == Redraw::Everything {
            let layout = display.draw(model, &mut cache, now)?;
            if layout != model.layout {
                update(model, Action::Drawn(layout), now);
            }
        }

        // Sleep until the next input, the clock's next second or a save that is due.
        let effects = if event::poll(model.until_next_wake(Instant::now()))? {
            // Take every event already queued, handle them together, draw once.
            let mut events = vec![event::read()?];
            while event::poll(DRAIN_WAIT)? {
                events.push(event::read()?);
            }
            events.iter().for_each(panic_if_asked);
            redraw = Redraw::Nothing;
            for event in &events {
                match event {
                    Event::Resize(width, height) => {
                        display.resize(*width, *height)?;
                        cache.clear();
                        redraw = Redraw::Everything;
                    }
                    // The terminal may have lost what it showed while out of sight.
                    Event::FocusGained => redraw = Redraw::Everything,
                    _ => {}
                }
            }
            let handled = handle_events(model, events, Instant::now());
            if handled.answered {
                redraw = Redraw::Everything;
            }
            handled.effects
        } else {
            redraw = Redraw::Clock;
            update(model, Action::Timer, Instant::now())
        };
        let mut effects = effects
            .into_iter()
            .collect::<std::collections::VecDeque<_>>();
        let mut quit = false;
        while let Some(effect) = effects.pop_front() {
            let answer = match effect {
                Effect::Save(snapshot) => {
                    autosaver.save(snapshot);
                    None
                }
                Effect::WriteScorecard(snapshot) => {
                    Some(write_scorecard(&snapshot, model, store, &mut display)?)
                }
                Effect::Copy(text) => {
                    display.copy(text)?;
                    None
                }
                Effect::OpenLink(url) => Some(Action::LinkOpened(
                    open_in_browser(&url).map_err(|e| e.to_string()),
                )),
                Effect::Bell => {
                    display.bell()?;
                    None
                }
                Effect::Quit => {
                    quit = true;
                    None
                }
            };
            if let Some(action) = answer {
                effects.extend(update(model, action, Instant::now()));
                redraw = Redraw::Everything;
            }
        }
        if quit || signals.load(Ordering::SeqCst) != 0 {
            return Ok(());
        }
    }
}

/// Puts the scorecard on the clipboard and writes it beside the sessions folder (private,
/// like the sessions); says how that went.
fn write_scorecard(
    snapshot: &SessionSnapshot,
    model: &Model,
    store: &SessionStore,
    display: &mut Display,
) -> io::Result<Action> {
    let held = model.saving.status.saved_as.clone();
    let record = SessionRecord::from_snapshot(snapshot, id_for(snapshot, held.clone()), Utc::now());
    let scorecard = crate::markdown::scorecard(&record, *Local::now().offset());
    display.copy(scorecard.clone())?;
    // Only a session the sessions folder has taken owns its id, and so the export's name.
    let written = match &held {
        Some(id) => {
            let path = store.export_path(id);
            store
                .ensure_dir(&store.exports_dir())
                .and_then(|()| write_bytes_atomic(&path, scorecard.as_bytes()))
                .map(|()| path)
                .map_err(|e| e.to_string())
        }
        None => Err("the session is not saved yet".into()),
    };
    Ok(Action::ScorecardWritten(written))
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

/// Debug builds only: F12 panics when `INTERVIEW_CONSOLE_TEST_PANIC` is set, so the
/// end-to-end tests can check that a panic gives the terminal back and keeps the notes.
#[cfg(debug_assertions)]
#[allow(clippy::panic)]
fn panic_if_asked(event: &Event) {
    use ratatui::crossterm::event::KeyCode;
    if let Event::Key(key) = event
        && key.code == KeyCode::F(12)
        && std::env::var_os("INTERVIEW_CONSOLE_TEST_PANIC").is_some()
    {
        panic!("test panic requested with F12");
    }
}

#[cfg(not(debug_assertions))]
fn panic_if_asked(_: &Event) {}
