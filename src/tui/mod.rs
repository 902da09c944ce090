//! The terminal: setup and restore, the event loop, keys to actions, drawing.

pub mod app;
pub mod keymap;
pub mod notes;
pub mod setup;
pub mod view;

use std::io::{self, Stdout};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use app::App;

/// How long the loop sleeps when nothing on screen can change by itself (setup, a paused
/// clock). Any key wakes it sooner.
const IDLE_WAIT: Duration = Duration::from_secs(3600);

/// Restores the terminal when dropped, whichever way the loop ends.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
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

/// Leaves the alternate screen and raw mode. Safe to call more than once.
fn restore_terminal() {
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
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

/// Runs the console until the interviewer quits.
pub fn run(mut app: App) -> io::Result<()> {
    let _guard = TerminalGuard::enter()?;
    let mut terminal: Terminal<CrosstermBackend<Stdout>> =
        Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let mut needs_draw = true;
    loop {
        if needs_draw {
            let now = Instant::now();
            terminal.draw(|frame| view::draw(&app, frame, now))?;
            needs_draw = false;
        }
        // Sleep until the next input or the next second the clock shows, whichever is first.
        let wait = app.until_next_tick(Instant::now()).unwrap_or(IDLE_WAIT);
        if event::poll(wait)? {
            // Take every event already queued before drawing once for all of them.
            loop {
                let event = event::read()?;
                panic_if_asked(&event);
                needs_draw |= app.handle(&event, Instant::now());
                if app.should_quit() || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        } else {
            needs_draw = true;
        }
        if app.should_quit() {
            return Ok(());
        }
    }
}

/// Debug builds only: F12 panics when `INTERVIEW_CONSOLE_TEST_PANIC` is set, so the
/// end-to-end tests can check that a panic gives the terminal back.
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
